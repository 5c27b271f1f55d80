"""The dream's soundtrack, read from the dream's own timeline (scenes/dream.py).

Every voice follows the cues and parameters that drive the pictures, so the score moves when
the show is edited: the hum breathes at each sky's and aurora's ``hum_freq`` and ``hum_depth``;
the Serenes sing a chord of one tone per figure (``count``), drifting into unison with
``sync``; the moss beats lub-dub at its keyed ``bpm``; touches on the glass towers drip; the
glitch stutters with ``glitch.amount``; the child's laughter sits just before each loop, so
the loop repeats it with its frames; the Resonance howls a requiem and a lullaby; the waking
gasps and its heart pounds.  Cues are found by scene and parameters, or by name where a
moment is one cue (the howl, the waking), with a fallback when a name changes.
"""
import math

import numpy as np

from visuals.audio.score import Score
from visuals.audio.score.voices import (TAU, crossings, drip, gasp, harmonic_table, hash01, partials,
                                        sung, table_tone, thump, white)

HUM_ROOT = 55.0                                            # A1: the low, resonant frequency
HUM_TABLE = harmonic_table((1.0, 0.5, 0.3, 0.12, 0.06))
GLASS_TABLE = harmonic_table((1.0, 0.2, 0.08))
CHORD = (220.0, 277.18, 329.63, 415.30, 493.88, 554.37, 659.25, 830.61, 987.77, 1108.73)
LULLABY = (440.0, 349.23, 329.63, 293.66, 261.63, 293.66, 329.63, 293.66)   # A F E D C D E D
REQUIEM = (73.42, 110.0, 146.83, 174.61, 220.0)                              # D minor, low
DRIP_NOTES = (523.25, 587.33, 659.25, 783.99, 880.0)


def hum(ctx):
    """The hum: a low drone whose loudness breathes like the sky (scenes/sky.py's _hum)."""
    for index, cue in ctx.cues(having=("hum_freq", "hum_depth")):
        i0, i1 = ctx.span(cue.start, cue.end)
        if i1 <= i0:
            continue
        t = ctx.times(i0, i1)
        w = ctx.at(ctx.curve(index), i0, i1)
        freq = ctx.at(ctx.curve(index, "hum_freq"), i0, i1)
        depth = ctx.at(ctx.curve(index, "hum_depth"), i0, i1)
        local = t - cue.start
        breath = 0.82 * np.sin(TAU * local * freq) + 0.18 * np.sin(TAU * (local * freq * 2.013 + 0.31))
        amp = w * (1.0 + depth * breath) / (1.0 + depth)
        for side, detune in ((-0.6, 0.0), (0.6, 0.13)):       # a slow beating between the sides
            ctx.add(i0, 0.22 * amp * table_tone((HUM_ROOT + detune) * t, HUM_TABLE), pan=side)


def serenes(ctx):
    """The Serenes' tones: one per figure, a chord that beats until ``sync`` brings unison."""
    for index, cue in ctx.cues(scene="serenes"):
        i0, i1 = ctx.span(cue.start, cue.end)
        if i1 <= i0:
            continue
        t = ctx.times(i0, i1)
        w = ctx.at(ctx.curve(index), i0, i1)
        count = ctx.at(ctx.curve(index, "count"), i0, i1)
        unsync = ctx.at(ctx.integral(1.0 - ctx.curve(index, "sync"), cue.start), i0, i1)
        eyes = ctx.at(ctx.curve(index, "eyes"), i0, i1)
        for k, f in enumerate(CHORD):
            voice = np.clip(count - k, 0.0, 1.0)
            if not voice.any():
                continue
            drift = 0.9 * (k - 2)               # Hz apart while out of sync
            phase = TAU * (f * t + drift * unsync)
            vib = 1.0 + 0.003 * np.sin(TAU * (4.7 + 0.3 * k) * t)
            tone = np.sin(phase * vib) + 0.25 * np.sin(2 * phase) * (0.3 + eyes)
            gain = 0.09 * w * voice / np.sqrt(np.maximum(count, 1.0))
            ctx.add(i0, gain * tone, pan=((k % 5) / 2.0 - 1.0) * 0.7)


def heartbeat(ctx, index, cue, bpm_curve, gain, thumps=(48.0, 58.0)):
    """Lub-dub at a tempo curve integrated from the cue's start."""
    beats = ctx.integral(bpm_curve / 60.0, cue.start)
    weight = ctx.curve(index)
    lub, dub = thump(ctx.rate, thumps[0], 0.09), thump(ctx.rate, thumps[1], 0.07)
    for n, tb in crossings(beats, ctx.grid):
        if not cue.start <= tb < cue.end:
            continue
        w = float(np.interp(tb, ctx.grid, weight))
        period = 60.0 / float(np.interp(tb, ctx.grid, bpm_curve))
        i = round(tb * ctx.rate) - ctx.start
        ctx.add(i, gain * w * lub, pan=-0.1)
        ctx.add(i + round(0.3 * period * ctx.rate), 0.7 * gain * w * dub, pan=0.1)


def moss(ctx):
    """The moss's heartbeat at its ``bpm``."""
    for index, cue in ctx.cues(scene="moss"):
        heartbeat(ctx, index, cue, ctx.curve(index, "bpm"), 0.5)


def constellations(ctx):
    """The constellations: a soft open fifth, and a star chiming now and then as glyphs form."""
    for index, cue in ctx.cues(scene="constellations"):
        i0, i1 = ctx.span(cue.start, cue.end)
        if i1 > i0:
            t = ctx.times(i0, i1)
            w = ctx.at(ctx.curve(index), i0, i1)
            swell = 0.75 + 0.25 * np.sin(TAU * 0.07 * t)
            for f, pan in ((110.0, -0.4), (164.81, 0.4)):
                ctx.add(i0, 0.07 * w * swell * partials(t, f, (1.0, 0.3, 0.1)), pan=pan)
        weight = ctx.curve(index)
        for n, tt in crossings(ctx.integral(np.full(len(ctx.grid), 0.9), cue.start), ctx.grid):
            if not cue.start <= tt < cue.end:
                continue
            note = DRIP_NOTES[int(hash01(n, 53) * len(DRIP_NOTES))] * 2.0
            w = float(np.interp(tt, ctx.grid, weight))
            ctx.add(round(tt * ctx.rate) - ctx.start, 0.07 * w * drip(ctx.rate, note, 0.8),
                    pan=hash01(n, 59) * 1.6 - 0.8)


def towers(ctx):
    """The city of liquid glass: a glassy chord rippling at the towers' ``speed``, and a drop
    where each touch lands."""
    for index, cue in ctx.cues(scene="towers"):
        i0, i1 = ctx.span(cue.start, cue.end)
        if i1 > i0:
            t = ctx.times(i0, i1)
            w = ctx.at(ctx.curve(index), i0, i1)
            ripple = ctx.at(ctx.integral(0.35 * ctx.curve(index, "speed"), cue.start), i0, i1)
            for k, (f, pan) in enumerate(((220.0, -0.5), (329.63, 0.5), (554.37, 0.0))):
                trem = 0.7 + 0.3 * np.sin(TAU * (ripple + k / 3.0))
                ctx.add(i0, 0.06 * w * trem * table_tone(f * t, GLASS_TABLE), pan=pan)
        weight = ctx.curve(index)
        for j, touch in enumerate(getattr(cue, "events", ()) or ()):
            if not hasattr(touch, "x"):
                continue
            tt = cue.start + touch.time
            note = DRIP_NOTES[int(hash01(j, 7) * len(DRIP_NOTES))]
            w = float(np.interp(tt, ctx.grid, weight))
            ctx.add(round(tt * ctx.rate) - ctx.start, 0.25 * w * min(1.5, touch.strength) * drip(ctx.rate, note),
                    pan=2.0 * touch.x - 1.0)


def quicksilver(ctx):
    """Quicksilver tears: drips at the rate the scene pours them."""
    for index, cue in ctx.cues(scene="quicksilver"):
        pour = ctx.curve(index, "pour")
        weight = ctx.curve(index)
        for n, tt in crossings(ctx.integral(np.maximum(pour, 0.0) * 1.5, cue.start), ctx.grid):
            if not cue.start <= tt < cue.end:
                continue
            note = DRIP_NOTES[int(hash01(n, 13) * len(DRIP_NOTES))] * 2.0
            w = float(np.interp(tt, ctx.grid, weight))
            ctx.add(round(tt * ctx.rate) - ctx.start, 0.12 * w * drip(ctx.rate, note, 0.4),
                    pan=hash01(n, 17) * 1.6 - 0.8)


def stutter(ctx):
    """The glitch: steps of a buzzing, bit-crushed stutter, as many as ``glitch.amount`` says."""
    amount = ctx.owned("glitch", "amount")
    if not amount.any():
        return
    step = 60.0 / float(ctx.show.timeline.tempo.bpm(0.0)) / 8.0
    a, b = ctx.start / ctx.rate, ctx.stop / ctx.rate
    for k in range(math.floor(a / step), math.ceil(b / step)):
        ts = k * step
        level = float(np.interp(ts, ctx.grid, amount))
        if level <= 0.02 or hash01(k, 23) > level:
            continue
        n = int(step * 0.8 * ctx.rate)
        idx = np.arange(n) + round(ts * ctx.rate)
        freq = 110.0 * 2 ** int(hash01(k, 29) * 4)
        square = np.sign(np.sin(TAU * freq * idx / ctx.rate))
        crushed = np.round(white(idx // 12, k) * 3.0) / 3.0
        grain = (0.6 * square + 0.4 * crushed) * np.minimum(1.0, np.arange(n)[::-1] / 200.0)
        ctx.add(round(ts * ctx.rate) - ctx.start, 0.18 * level * grain, pan=hash01(k, 31) * 2.0 - 1.0)


def laughter(ctx):
    """A child's laughter just before each loop: the loop then repeats its last moments."""
    for j, loop in enumerate(ctx.show.timeline.loops):
        end = loop.start
        begin = end - loop.length - 1.0
        syllable = loop.length / max(1, round(loop.length / 0.22))
        count = round((end - begin) / syllable)
        for s in range(count):
            ts = end - (count - s) * syllable
            f0 = 420.0 + 60.0 * hash01(s, 41 + j)
            ha = sung(ctx.rate, f0 * 1.1, f0 * 0.9, syllable * 0.85, seed=s + 100 * j)
            ctx.add(round(ts * ctx.rate) - ctx.start, 0.35 * ha, pan=0.2)


VOICED = ("sky", "resonance", "constellations", "serenes", "moss", "towers", "quicksilver")
PAD_TABLE = harmonic_table((1.0, 0.35, 0.15, 0.05))


def unvoiced(ctx):
    """Any other scene (a movement added to the show later) gets a soft pad in D, breathing
    slowly, so the score never falls silent under a picture it has no voice for."""
    for index, cue in ctx.cues():
        if cue.scene in VOICED:
            continue
        i0, i1 = ctx.span(cue.start, cue.end)
        if i1 <= i0:
            continue
        t = ctx.times(i0, i1)
        w = ctx.at(ctx.curve(index), i0, i1) * (0.8 + 0.2 * np.sin(TAU * 0.11 * t))
        for f, pan in ((146.83, -0.5), (220.0, 0.5), (293.66, 0.0)):
            ctx.add(i0, 0.07 * w * table_tone(f * t, PAD_TABLE), pan=pan)


def _one(ctx, name, scene):
    found = ctx.cues(name=name) or [c for c in ctx.cues(scene=scene)][-1:]
    return found


def howl(ctx):
    """The Resonance howls: a low requiem chord swelling with ``intensity``, and a lullaby."""
    for index, cue in _one(ctx, "the Resonance howls", "resonance"):
        i0, i1 = ctx.span(cue.start, cue.end + 1.5)
        if i1 <= i0:
            continue
        t = ctx.times(i0, i1)
        w = ctx.at(ctx.curve(index), i0, i1)
        swell = w * np.clip(ctx.at(ctx.curve(index, "intensity"), i0, i1) / 2.2, 0.0, 1.0)
        for k, f in enumerate(REQUIEM):
            tone = partials(t, f, (1.0, 0.45, 0.3, 0.2, 0.12, 0.08), detune=0.07 * (k + 1))
            ctx.add(i0, 0.07 * swell * tone, pan=(k / 2.0 - 1.0) * 0.6)
        note = 0.85
        for k, f in enumerate(LULLABY):
            ts = cue.start + 0.5 + k * note
            if ts >= cue.end:
                break
            n = int(note * 1.4 * ctx.rate)
            tt = np.arange(n) / ctx.rate
            env = np.minimum(1.0, tt / 0.08) * np.exp(-tt / 0.6)
            tone = (np.sin(TAU * f * tt) + 0.2 * np.sin(TAU * 2 * f * tt)) * (1 + 0.2 * np.sin(TAU * 5 * tt))
            wk = float(np.interp(ts, ctx.grid, ctx.curve(index)))
            ctx.add(round(ts * ctx.rate) - ctx.start, 0.16 * wk * env * tone, pan=0.3)


def waking(ctx):
    """The waking: a gasp, then the heart pounding, slowing as the sky returns."""
    for index, cue in _one(ctx, "the waking", "sky"):
        ctx.add(round(cue.start * ctx.rate) - ctx.start, 0.5 * gasp(ctx.rate))
        since = cue.start + 0.7
        bpm = np.where(ctx.grid >= since, 120.0 - 50.0 * np.clip((ctx.grid - since) / (cue.end - since), 0, 1), 0.0)
        late = type("Late", (), {"start": since, "end": cue.end})()
        heartbeat(ctx, index, late, bpm, 0.8, thumps=(44.0, 52.0))


# gain_db sets the whole show at about -16 LUFS (checked in tests/test_audio_score.py)
score = Score("dream", [hum, constellations, serenes, moss, towers, quicksilver, unvoiced, stutter, laughter,
                        howl, waking], gain_db=1.1)
