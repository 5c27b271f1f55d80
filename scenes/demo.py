"""The built-in demo: two simple scenes and a show that crossfades between them.

It is the smallest complete example of a scene module and a show, and the default show until
the dream exists.  Copy it to start your own.
"""
from visuals import Cue, Param, Pass, Scene, Show, LFO

tide = Scene(
    "tide",
    passes=[Pass("scenes/demo/tide.frag")],
    params=[
        Param("speed", 0.6, 0.0, 4.0, "how fast the bands flow"),
        Param("bands", 3.0, 1.0, 12.0, "how many light bands fold through the colours"),
        Param("pulse", 0.15, 0.0, 1.0, "brightness kick on every beat"),
        Param("colour_a", "#2a0a5e", description="the colour of the troughs"),
        Param("colour_b", "#19c39a", description="the colour of the crests"),
    ],
    description="violet and emerald bands folding over each other",
)

rings = Scene(
    "rings",
    passes=[Pass("scenes/demo/rings.frag")],
    params=[
        Param("count", 6.0, 1.0, 30.0, "rings from the centre to the edge"),
        Param("tint", "#b48cff", description="the colour of the rings"),
    ],
    description="rings of light breathing outward",
)

demo = Show(
    "demo",
    cues=[
        Cue("tide", 0, 6, fade_in=0.5, keys={"bands": [(0, 2.0), (6, 5.0, "in_out_sine")]}),
        Cue("rings", 4, 10, fade_in=2, fade_out=1, params={"count": LFO("sine", rate=0.25, amp=2, offset=7)}),
    ],
    bpm=96,
    description="two demo scenes with a crossfade",
)
