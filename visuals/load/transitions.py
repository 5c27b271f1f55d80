"""Transitions: shaders that take the outgoing and incoming images and a progress 0..1.

A transition is a file ``shaders/transitions/<name>.frag`` reading ``u_from``, ``u_to`` and
``u_progress`` (plus the standard uniforms and any ``u_<param>`` a cue passes through
``transition_params``).  At progress 0 it must show ``u_from`` and at 1 ``u_to``.
"""
from __future__ import annotations

from .paths import SearchPath


def known_transitions(search: SearchPath) -> list[str]:
    names: set[str] = set()
    for folder in search.shader_dirs:
        sub = folder / "transitions"
        if sub.is_dir():
            names.update(p.stem for p in sub.glob("*.frag"))
    from visuals.foreign.catalog import foreign_transitions
    names.update(foreign_transitions(search))       # ISF transitions on the search path
    return sorted(names)


def transition_shader(name: str, search: SearchPath | None = None):
    """The shader file of transition ``name``, or the program of an ISF transition of that
    name (which carries its parameters' defaults as ``.defaults``)."""
    if search is not None:
        from visuals.foreign.catalog import transition_program
        program = transition_program(name, search)
        if program is not None:
            return program
    return f"transitions/{name}.frag"
