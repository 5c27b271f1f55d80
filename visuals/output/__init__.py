"""Where finished frames go: reading pixels back, the sinks (video, PNG, raw), the export
loop, stills and contact sheets, progress, and the one safe way to write a file."""
