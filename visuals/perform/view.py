"""What a parameter shows: its default, the timeline's value, the hand's on top.

``current_values`` is the one place a scene's parameter values are put together; the renderer
(scenes and post effects), the HUD and ``TimelineView`` (what a preset morph or a relative
MIDI control starts from) all call it, so what is shown, drawn and morphed from is one value.
"""
from __future__ import annotations

from typing import Any, Mapping

from visuals.model.follow import describe_follow, follow_data
from visuals.model.params import ParamSet
from visuals.model.signals import Audio, Signal, SignalTime

SILENCE = SignalTime(t=0.0, beat=0.0, bpm=120.0)     # where nothing is heard: a follow reads its offset


def current_values(params: ParamSet, *layers: Mapping[str, Any], at: SignalTime = SILENCE) -> dict[str, Any]:
    """Every parameter of a scene: its defaults with each layer laid on in turn (the cue's
    values, then the hand's), each value brought to its parameter's form and range.  A hand's
    value that follows the sound (model/follow.py) is a signal, sampled ``at`` the frame's
    time with what the show hears, as the timeline samples a show file's ``Audio``."""
    values = params.defaults()
    for layer in layers:
        for name, value in layer.items():
            spec = params.get(name)
            if isinstance(value, Signal):
                value = value.sample(at)
            values[name] = spec.clamp(spec.coerce(value))
    return values


def shown_hand(value: Any) -> Any:
    """A hand's value as data for the HUD and the status file: a follow as its table
    (``{"audio": "bass", ...}``), a glide to or from one as the word 'gliding'."""
    if isinstance(value, Audio):
        return follow_data(value)
    return "gliding" if isinstance(value, Signal) else value


def follow_label(value: Any) -> str | None:
    """``~bass x2`` for a hand's value that follows the sound, else None."""
    return describe_follow(follow_data(value)) if isinstance(value, Audio) else None


class TimelineView:
    """What a parameter shows at a performance time: its timeline value with the hand's on top.

    A pure function of the performance state and the time, so a morph that starts from 'the
    current value' starts from the same value live and in a replay.
    """

    def __init__(self, registry):
        self.registry = registry

    def _active(self, performance, deck: str, t: float):
        d = performance.decks[deck]
        show_t = performance.deck_time(d, t)
        tempo = (performance.tempo.beat(t), performance.tempo.bpm) if performance.tempo.bpm else None
        return d, d.show.timeline.sample(show_t, tempo)

    def in_play(self, performance, t: float) -> list[tuple[str, str]]:
        if performance.decks["a"].show is None:
            return []
        _, sample = self._active(performance, "a", t)
        out = []
        for active in sample.cues():
            scene = self.registry.scene(active.cue.scene)
            out += [(scene.name, p.name) for p in scene.params]
        return list(dict.fromkeys(out))

    def value(self, performance, deck: str, scene: str, param: str, t: float) -> Any:
        d, sample = self._active(performance, deck, t)
        if (scene, param) in d.params:
            return d.params[(scene, param)].value(t)
        timeline = next((active.values for active in sample.cues()
                         if active.cue.scene == scene and param in active.values), {})
        return current_values(self.registry.scene(scene).params, timeline)[param]
