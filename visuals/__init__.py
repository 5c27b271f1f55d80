"""visuals: a procedural visual-art engine of GLSL scenes on a Python timeline.

The names a show or scene module needs are importable from here::

    from visuals import Scene, Pass, Param, Show, Cue, Key, LFO

The subpackages follow one frame's way (docs/architecture.md draws it):
controls (keys, MIDI, OSC) -> perform (clock, performance) -> model (timeline, parameters)
-> render (passes, compositor; ``render.mixer.Mixer.render`` is the one frame driver)
-> output (sinks, export, stills) or live (the window and HUD).  ``load`` finds and reads
what users write; ``audio``, ``foreign`` (ISF, Shadertoy) and ``farm`` (Dask) extend the
path; ``cli`` is the command on top.
"""
from visuals.model.easing import cubic_bezier
from .errors import VisualsError
from visuals.model.cue_events import Touch
from visuals.model.params import Param
from visuals.model.scene import Binding, Pass, Scene, SceneState
from visuals.model.show import Show
from visuals.model.signals import LFO, Audio, Beat, Constant, Follower, Noise, Signal
from visuals.model.timeline import Cue, Key, Loop, Track
from visuals.model.post import PostEffect

__version__ = "0.1.0"

__all__ = ["Scene", "Pass", "Binding", "Touch", "PostEffect", "Loop", "Param", "SceneState", "Show", "Cue", "Key", "Track", "LFO", "Noise",
           "Beat", "Follower", "Constant", "Signal", "Audio", "cubic_bezier", "VisualsError", "__version__"]
