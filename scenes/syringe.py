"""The syringe of liquid starlight: the story's central choice, offered and refused.

"They offer you a choice: a syringe filled with liquid starlight, its needle glinting like a
shard of moonlight. ... When you refuse the syringe ..."  -- and between the two, "joy and
despair intertwined like the double helix of a DNA strand".

One space, lit as one: a dark hall with no walls, a violet haze low on its horizon and a
glossy floor that mirrors it.  ``offer`` brings the syringe out of the depth of the hall into a
macro shot -- large on a long diagonal, the hall behind out of focus (``focus``: soft spires and
Serenes; no bokeh discs: round 18's reader saw "a stock pharma ad") -- its needle glinting, its starlight lighting the floor;
``refuse`` draws it back up and away, needle lowered: the starlight drains from the glass and
drips from the point to the floor, runs along it to a pool, and rises from the pool as a
double helix of glass filaments of starlight, one strand gold (joy), one indigo (despair), mirrored in the floor.  It is
held out by a Serene (``hand``): a shadow arm reaching in from beyond the frame's upper left
along the plunger, its sleeve melting into the dark, its hand closed over the back of the
barrel, one soft-edged shadow (round 19: crisp fingers read as "a crude black glove"), the
starlight's cold light bleeding round its edge (round 18's reader: "a collage ... not
composed").  Far back in
the hall the Serenes watch: tall veiled figures, black against the haze with its light along
their edges, lidless mercury eyes.

(Round 34) As the syringe comes out of the dark a nearer Serene stands behind it, as if holding
it out, and steps back into the dark as it is offered: a compiled variant of the pass
(syringe_offerer.frag), drawn only while that Serene is there.

One full-screen pass (shaders/scenes/syringe/): everything is analytic, no march and no
texture, so it is among the cheapest scenes of the dream.  ``shot`` 1 (round 21) draws instead
the needle's point in extreme close-up (syringe_tip.frag): the bevelled steel ray-marched, a
bead of starlight swelling at the bore (``bead``), the Serenes' mercury eyes sharp behind. The syringe's placement, the glint's
travel and every phase are computed here in double precision and wrapped.
"""
from __future__ import annotations

import math

from visuals import Param, Pass, Scene

HUB1, TIP, STOPPER = 0.42, 0.85, -0.30      # as in syringe.glsl (syringe units)
SPILL_FROM = (0.70, -0.33)                    # where the helix rises from the spilled starlight (screen units)
# (round 28's readers at 157.9 s: "two unrelated halves with a black void between", "the barrel
# cut off") the refused syringe is drawn back less far: its dripping point near the helix, the
# camera's push framing the two as one diagonal, the barrel whole in frame
REFUSED_AT = (-0.18, 0.15)                    # the refused syringe's centre: up and back, needle lowered
DEFOCUS = 0.022                               # the hall's blur behind the offered syringe (screen units)
NEAR_BLUR = 0.016                             # (round 34) the blur of the offered syringe's near end, the plunger (syringe units)
BEAD_RADIUS = 0.062                           # the bead of starlight at the needle's point, swollen (tip shot, world units)
FLOOR_Y = SPILL_FROM[1]                       # the floor the starlight drips onto, at the spill (screen y)
PUSH_TO = (0.28, -0.06)                       # the frame's centre pushed in between the needle and the helix (screen units)
PUSH_ZOOM = 1.5                               # how far the camera pushes in at ``push`` 1
# (round 34, follow-up: "the refusal readable in a still of the last seconds") withdrawn, the
# refused syringe is lowered and drawn back: smaller, hanging steeply needle down, its point
# still over the floor, half its starlight spilled from the glass
WITHDRAWN_AT = (-0.04, 0.15)                  # the withdrawn syringe's centre (screen units)
WITHDRAWN_TILT = -60.0                        # degrees: hanging, needle down (offered at -22, refused at -32)
WITHDRAWN_SCALE = 0.5
WITHDRAWN_LEVEL = 0.02                        # syringe x of the liquid's back once withdrawn (the stopper at -0.30)


def _smooth(x: float) -> float:
    x = min(max(x, 0.0), 1.0)
    return x * x * (3.0 - 2.0 * x)


def _lerp(a, b, k):
    return tuple(x + (y - x) * k for x, y in zip(a, b)) if isinstance(a, tuple) else a + (b - a) * k


class Syringe(Scene):
    """Places the syringe for the offer and the refusal, and times its glint and its spill."""

    def placement(self, offer: float, refuse: float, t: float, withdraw: float = 0.0) -> tuple[tuple[float, float], float, float]:
        """(centre, tilt in radians, scale) of the syringe on screen.

        The whole syringe stays in frame, plunger and all (round 6 cropped it into a corner):
        it comes out of the depth of the room (small, far) to be held out across the frame, and
        when refused it draws back up and to the left, its needle lowered, dripping; withdrawn
        (round 34, follow-up) it is lowered further and drawn back, hanging steeply.
        """
        o, r = _smooth(offer), _smooth(refuse)
        # (round 17's readers: "a clip-art collage", "flat vector art" -- the whole syringe small
        # and level across a wide hall.  Now a macro shot: it comes out of the dark to fill the
        # frame on a long diagonal, the barrel whole and the needle's point low on the right,
        # the plunger running out past the upper left corner, the hall behind out of focus.)
        # (round 34's readers at 144.7 s: "a small syringe" -- it comes out of the dark nearer,
        # already a third of the frame wide, as it is held out)
        centre = _lerp((-0.20, 0.10), (-0.30, 0.11), o)
        tilt = _lerp(math.radians(6.0), math.radians(-22.0), o)
        scale = _lerp(0.62, 1.1, o)
        centre = _lerp(centre, REFUSED_AT, r)
        tilt = _lerp(tilt, math.radians(-32.0), r)
        scale = _lerp(scale, 0.72, r)
        w = _smooth(withdraw)
        centre = _lerp(centre, WITHDRAWN_AT, w)
        tilt = _lerp(tilt, math.radians(WITHDRAWN_TILT), w)
        scale = _lerp(scale, WITHDRAWN_SCALE, w)
        # (round 18: held out by a Serene's shadow hand, reaching in from beyond the frame;
        # it sways a little, as a held thing does)
        centre = (centre[0] + 0.006 * math.sin(2 * math.pi * ((0.07 * t) % 1.0)),
                  centre[1] + 0.010 * math.sin(2 * math.pi * ((0.11 * t) % 1.0)))
        tilt += math.radians(1.2) * math.sin(2 * math.pi * ((0.05 * t + 0.3) % 1.0))
        return centre, tilt, scale

    def view(self, push: float) -> tuple[float, float, float]:
        """The camera's push in on the helix (round 26: the refusal's stills were one set-up
        three times over): the scene's point at the frame's centre and the zoom, a move
        towards PUSH_TO as ``push`` runs 0 to 1 (the zoom eased so the move reads even)."""
        k = min(max(push, 0.0), 1.0)
        zoom = PUSH_ZOOM ** k
        pull = (1.0 - 1.0 / zoom) / (1.0 - 1.0 / PUSH_ZOOM)     # (the centre reaches PUSH_TO as the zoom does)
        return (PUSH_TO[0] * pull, PUSH_TO[1] * pull, zoom)

    def offerer_presence(self, watchers: float, offer: float, refuse: float) -> float:
        """How present the Serene who holds the syringe out is (round 34: "the Serenes
        offering it"): there behind the syringe as it comes out of the dark, stepping back into
        the dark as it comes close (gone by ``offer`` 0.6), and never once it is refused."""
        return watchers * (1.0 - _smooth((offer - 0.15) / 0.45)) * (1.0 - _smooth(refuse / 0.1))

    def tip_uniforms(self, bead: float, light: float, t: float) -> dict:
        """The close shot's uniforms: the bead's radius swelling with ``bead``, its light, the
        starlight's drift in it and the held needle's sway."""
        return {
            "u_bead_r": BEAD_RADIUS * _smooth(bead) ** 0.7,
            "u_bead_glow": 0.4 + 0.8 * light,
            "u_swirl": 2 * math.pi * ((0.04 * t) % 1.0),
            "u_sway": math.sin(2 * math.pi * ((0.13 * t) % 1.0)),
            "u_eyes": 1.0,
        }

    def update(self, state, resources):
        p = state.params
        t = float(state.t)
        offer, refuse = float(p["offer"]), float(p["refuse"])
        withdraw = float(p["withdraw"])
        (cx, cy), tilt, scale = self.placement(offer, refuse, t, withdraw)
        c, s = math.cos(tilt), math.sin(tilt)
        tip = (cx + scale * TIP * c, cy + scale * TIP * s)
        r = _smooth(refuse)
        glint_phase = (t / float(p["glint_period"])) % 1.0
        glint_x = HUB1 - 0.08 + (TIP - HUB1 + 0.12) * _smooth(glint_phase / 0.7)
        glint = float(p["glint"]) * _smooth(offer) * (1.0 - 0.7 * r)
        # (round 28's readers: "the barrel almost empty, not filled with starlight") refused, the
        # glass stays full and glowing: only drops of it fall, the spill feeding the helix
        light = float(p["starlight"]) * (0.3 + 0.7 * _smooth(offer)) * (1.0 - 0.3 * r)
        # The refused starlight does not stream out of the needle (that would read as an
        # injection): it drips, and rises from the light spilled on the ground, away from the
        # syringe, winding into the double helix.
        axis = (0.05, 0.9987)
        # The needle's point close (``shot`` 1, syringe_tip.frag) or the syringe whole: the
        # other pass draws nothing (llvmpipe would pay for it in full).
        # (resources is None where a caller only wants the uniforms, as the tests of placement do)
        tip_shot = int(round(float(p["shot"]))) == 1
        offerer = self.offerer_presence(float(p["watchers"]), offer, refuse)
        if resources is not None:
            # (round 34: the Serene who holds it out is a compiled variant, drawn only while
            # it is there)
            resources.draw_count("syringe", 0 if tip_shot or offerer > 0.0 else 3)
            resources.draw_count("syringe_offerer", 3 if offerer > 0.0 and not tip_shot else 0)
            resources.draw_count("tip", 3 if tip_shot else 0)
        return {
            **self.tip_uniforms(float(p["bead"]), light, t),
            "u_xf": (cx, cy, c, s),
            "u_scale": scale,
            "u_tip": tip,
            "u_flow": (0.025 * t) % 64.0,
            "u_glint_x": glint_x,
            "u_glint_now": glint,
            "u_light": light,
            # (its light on the hall's floor and air still dims as before: the void stays night)
            "u_throw": float(p["starlight"]) * (0.3 + 0.7 * _smooth(offer)) * (1.0 - 0.75 * r),
            # (round 34, follow-up: withdrawn, half the starlight has spilled from the glass)
            "u_level": _lerp(STOPPER + 0.08 * _smooth(min(refuse * 1.25, 1.0)), WITHDRAWN_LEVEL, _smooth(withdraw)),
            "u_spill_from": SPILL_FROM,
            # (round 32's readers: "the helix cropped at the edge" -- pushed in on it, from the
            # cut at push 0.4, it stands 0.6 high, whole in the frame, its top tapering in the air)
            "u_spill": (axis[0], axis[1], (1.1 - 0.5 * min(float(p["push"]) / 0.4, 1.0))
                        * float(p["helix"]) * _smooth(refuse / 0.6),
                        2 * math.pi * ((0.3 * t) % 1.0)),
            "u_eyes_on": float(p["watchers"]) * (0.35 + 0.65 * _smooth(offer)),
            # (round 34: "the Serenes offering it") one of them nearer, behind the syringe as it
            # comes out of the dark, as if holding it out; it steps back into the dark as the
            # syringe comes close
            "u_offerer": (cx - 0.02, cy + 0.16, 2.5, offerer),
            # the drips: from the needle's point down to the floor, where they run to the spill
            "u_drip": (FLOOR_Y, _smooth((refuse - 0.15) / 0.35) * (1.0 - 0.5 * _smooth((refuse - 0.8) / 0.2)),
                       (1.3 * t) % 1.0),
            "u_twinkle": (0.9 * t) % 1.0,
            # the macro lens's shallow depth of field: the hall behind the offered syringe
            # blurs (screen units of blur), a little less once it is drawn back
            # (round 26: the refusal's hall "washed in purple haze": its air goes down towards
            # black as the starlight is refused, the spilled light the one left in it)
            "u_hall": 1.0 - float(p["dim"]) * r,
            "u_view": self.view(float(p["push"])),
            "u_defocus": DEFOCUS * float(p["focus"]) * _smooth(offer) * (1.0 - 0.35 * r),
            # (round 34's readers at 148.4 s: "stock-illustration look": the macro lens holds
            # the needle's point and lets the plunger's end, nearest us, go soft)
            "u_near_blur": NEAR_BLUR * float(p["focus"]) * _smooth(offer) * (1.0 - 0.5 * r),
        }


syringe = Syringe(
    "syringe",
    passes=[
        # (triangle lists, so the scene can choose each frame which of the two shots it draws)
        Pass("scenes/syringe/syringe.frag", name="syringe", vert="common/fullscreen.vert",
             primitive="triangles", count=3),
        # (round 34) the syringe with the Serene who holds it out, while it comes out of the dark
        Pass("scenes/syringe/syringe_offerer.frag", name="syringe_offerer", vert="common/fullscreen.vert",
             primitive="triangles", count=0, into="syringe"),
        # (round 21) the needle's point in extreme close-up, the bead of starlight swelling
        Pass("scenes/syringe/syringe_tip.frag", name="tip", vert="common/fullscreen.vert",
             primitive="triangles", count=0, into="syringe"),
    ],
    params=[
        Param("shot", 0, 0, 1, "0: the syringe whole, offered and refused; 1: its needle's point in extreme close-up, a bead of starlight swelling at it (bead), the Serenes' mercury eyes behind"),
        Param("bead", 1.0, 0.0, 1.0, "in the close-up: how far the bead of liquid starlight has swollen at the needle's point"),
        Param("offer", 1.0, 0.0, 1.0, "the syringe held out of the dark towards the dreamer (0: not yet there, 1: offered)"),
        Param("refuse", 0.0, 0.0, 1.0, "the refusal: it pulls away, its starlight dims and spills into a double helix"),
        Param("withdraw", 0.0, 0.0, 1.0, "after the refusal: the syringe lowered and drawn back, hanging needle down, half its starlight spilled (0: held as refused)"),
        Param("starlight", 1.0, 0.0, 2.0, "brightness of the liquid starlight"),
        Param("glint", 1.0, 0.0, 2.0, "strength of the moonlight glint that runs along the needle"),
        Param("glint_period", 3.2, 0.5, 10.0, "seconds between two glints"),
        Param("helix", 1.0, 0.0, 1.0, "how far the spilled starlight winds into the double helix of joy and despair"),
        Param("focus", 1.0, 0.0, 2.0, "the macro lens's shallow depth of field: how far the hall behind the offered syringe blurs (0: all sharp)"),
        Param("dim", 0.8, 0.0, 1.0, "how far the hall's violet air goes down towards black as the offer is refused (0: it stays lit)"),
        Param("grade", 0.0, 0.0, 1.0, "the hall's dim violet air graded down towards black, its lit shafts and rims kept (0: as lit; the dream's cue grades it fully)"),
        Param("push", 0.0, 0.0, 1.0, "the camera pushed in on the helix (0: the whole hall; 1: the helix close, the hall behind it soft)"),
        Param("hand", 1.0, 0.0, 1.0, "the Serene's shadow hand that holds the syringe out, its arm reaching in from beyond the frame (0: the syringe floats)"),
        Param("watchers", 1.0, 0.0, 1.0, "the Serenes who offer it, far back in the hall: tall veiled figures against the haze, lidless mercury eyes"),
    ],
    description="a syringe of liquid starlight, its needle glinting like moonlight: offered, refused",
    duration=14.0,
)
