"""ISF transitions with buffers (several PASSES, or a TARGET): their passes run as a scene.

A one-pass transition is one program, drawn by the compositor like the built-in ones.  One
with buffers needs a runner that keeps them, so the compositor hands it here: the runner
(one per compositor and layer, kept while the compositor lives) gets the outgoing and
incoming images as ``u_from`` and ``u_to``, ``progress`` and the cue's parameters over the
file's defaults, and the frame's time, and returns the framebuffer holding the last pass.
"""
from __future__ import annotations

import weakref
from dataclasses import replace
from typing import Any

import moderngl

from visuals.model.scene import SceneState
from .runner import ForeignRunner

_runners: "weakref.WeakKeyDictionary[Any, dict]" = weakref.WeakKeyDictionary()


def run_transition(compositor, layer: int, shader, source: moderngl.Framebuffer, target: moderngl.Framebuffer,
                   progress: float, params: dict[str, Any], state: SceneState) -> moderngl.Framebuffer:
    scene = shader.scene
    runners = _runners.setdefault(compositor, {})
    key = (layer, scene.name)
    runner = runners.get(key)
    if runner is None or runner.scene is not scene:
        if runner is not None:
            runner.release()
        runner = runners[key] = ForeignRunner(compositor.ctx, compositor.programs, scene, compositor.size, exact=False)
    values = {**shader.defaults, **params, "progress": float(progress)}
    state = replace(state, resolution=compositor.size, params=values)
    return runner.render(state, {"from": source.color_attachments[0], "to": target.color_attachments[0]})
