"""Finding and reading what users write: the search path, the registry of scenes and shows,
shader sources with `#include`, transitions, text and TOML files, hot reload, and the child
process that runs a user's scene module first."""
