"""Other people's shaders, played unmodified: ISF generators, filters and transitions, and
Shadertoy shaders (one file, a folder of Buffers and Common, or Shadertoy's JSON export).

``isf_header`` checks an ISF header as data; ``isf`` and ``shadertoy`` turn files into scenes;
``source`` assembles their programs around ``shaders/foreign/`` with a line map back to the
user's files; ``runner`` runs their passes; ``catalog`` finds them on the search path.
"""
