"""Post effects: passes that take an image and return it changed (bloom, grain, glitches).

A post effect is a scene whose passes read the image they process as ``sampler2D u_input``.
It is declared like a scene (``PostEffect("bloom", passes, params)`` in a module under
``scenes/``), so its parameters are named once and reach the timeline (``"bloom.amount"``
tracks), MIDI, OSC and presets like any other.  A cue applies effects to its own image
(``Cue(..., post=["grain", ("bloom", {"amount": 0.8})])``); a show applies them to the whole
frame (``Show(..., post=[...])``).  Effects are pure functions of the image and the time: they
may not use feedback, so any frame renders alone, exactly.
"""
from __future__ import annotations

from typing import Any, Iterable

from .scene import Scene


class PostEffect(Scene):
    """``bypass`` names the parameters that, when all are 0, make the effect the identity: the
    renderer then skips its passes (an idle glitch over a whole show costs nothing).  By
    default that is ``amount`` when the effect has one."""

    def __init__(self, *args, bypass: tuple[str, ...] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if bypass is None:
            bypass = ("amount",) if "amount" in self.params else ()
        for name in bypass:
            self.params.get(name)
        self.bypass = tuple(bypass)
        if any(p.feedback for p in self.passes):
            raise self.error(f"post effect '{self.name}' uses feedback",
                             "post effects must be pure functions of their input and time; "
                             "use a scene for feedback")


def post_chain(items: Iterable[Any]) -> list[tuple[str, dict[str, Any]]]:
    """Normalise ``["grain", ("bloom", {...})]`` to ``[(name, params), ...]``."""
    out = []
    for item in items or ():
        if isinstance(item, str):
            out.append((item, {}))
        else:
            name, params = item
            out.append((name, dict(params)))
    return out
