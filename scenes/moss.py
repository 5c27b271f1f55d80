"""Bioluminescent moss: the streets of the dream city, pulsing with a heartbeat.

A ground plane of glowing moss clumps (baked once into a mipmapped tile) over a grid of
streets, whose emission pulses lub-dub, twice per beat, the pulse running outward along the
streets from the viewer's crossing.  The same ground (shaders/scenes/moss/moss.glsl) is the
floor of the ``towers`` scene.

Tempo: with ``follow_tempo`` off (the default) the heart beats at the ``bpm`` parameter; with
it on it follows the show's beat (u_beat/u_bpm: tap tempo, MIDI clock), lub on every beat.
The heart's phase is wrapped on the CPU in double precision, so long shows stay exact.
"""
from __future__ import annotations

import math

import numpy as np

from visuals import Param, Pass, Scene

HEART_ORIGIN = (0.0, 0.0)     # the street crossing the pulse starts from (world xz)


def heart_phase(state, bpm_param: float, follow_tempo: bool) -> tuple[float, float]:
    """(phase in beats wrapped to [0,1), seconds per beat) for the heart at this frame."""
    if follow_tempo and state.bpm > 0:
        return float(state.beat % 1.0), 60.0 / float(state.bpm)
    bpm = float(bpm_param)
    return float((state.t * bpm / 60.0) % 1.0), 60.0 / bpm


def look_at(eye, target) -> dict[str, tuple[float, ...]]:
    """Camera basis uniforms (unit forward, right, up) looking from eye to target, y up."""
    eye = np.asarray(eye, float)
    fwd = np.asarray(target, float) - eye
    fwd /= np.linalg.norm(fwd)
    right = np.cross(fwd, (0.0, 1.0, 0.0))
    right /= np.linalg.norm(right)
    up = np.cross(right, fwd)
    return {"u_cam_pos": tuple(eye), "u_cam_fwd": tuple(fwd), "u_cam_right": tuple(right),
            "u_cam_up": tuple(up)}


class MossScene(Scene):
    """Feeds the camera (a slow orbit around the heart) and the heart's phase."""

    def update(self, state, resources):
        p = state.params
        phase, period = heart_phase(state, p["bpm"], bool(p["follow_tempo"]))
        angle = 0.62 + float(p["drift"]) * state.t
        height = float(p["height"])
        dist = 1.85 * height            # the same framing at every height
        hx, hz = HEART_ORIGIN
        eye = (hx + math.sin(angle) * dist, height, hz + math.cos(angle) * dist)
        target = (hx - math.sin(angle) * 0.7 * height, 0.0, hz - math.cos(angle) * 0.7 * height)
        uniforms = look_at(eye, target)
        uniforms.update({
            "u_cam_tan": math.tan(math.radians(float(p["fov"])) / 2.0),
            "u_heart_origin": (hx, hz),
            "u_heart_phase": phase,
            "u_heart_period": period,
        })
        return uniforms


moss = MossScene(
    "moss",
    passes=[
        Pass("scenes/moss/moss_bake.frag", name="field", size=(512, 512), update="once",
             wrap="repeat", mipmaps=True),
        Pass("scenes/moss/moss.frag", name="main", inputs=("field",)),
    ],
    params=[
        Param("bpm", 66.0, 40.0, 180.0, "heartbeats per minute (two pulses, lub-dub, per beat)"),
        Param("follow_tempo", False, description="beat with the show's tempo instead of bpm"),
        Param("glow", 1.0, 0.0, 3.0, "overall brightness of the moss light"),
        Param("spread", 10.0, 1.0, 30.0, "speed of the pulse along the streets, units per second"),
        Param("reach", 14.0, 2.0, 80.0, "distance over which the pulse fades to half"),
        Param("pulse_width", 0.045, 0.02, 0.15, "length of each pulse, fraction of a beat"),
        Param("rest", 0.06, 0.0, 1.0, "glow between heartbeats, relative to a pulse"),
        Param("colour", "#24f0b0", description="the moss light"),
        Param("colour_b", "#27b4f0", description="the light of the bluer clumps"),
        Param("speck", "#d6fff6", description="the light of the spore specks"),
        Param("height", 7.0, 1.5, 30.0, "camera height above the street"),
        Param("drift", 0.03, 0.0, 0.3, "how fast the view circles the crossing, rad/s"),
        Param("fov", 55.0, 25.0, 100.0, "vertical field of view, degrees"),
        Param("quality", 1.0, 0.0, 1.0, "softness of the glow haze (the scene is cheap at any value)"),
    ],
    description="streets of bioluminescent moss pulsing lub-dub with a heartbeat",
)
