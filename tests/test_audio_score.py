"""The dream's score: synthesised from the show's timeline, deterministic in any range, the hum
following hum_freq, the laughter repeating with the looped frames, and the whole at about
-16 LUFS without clipping; ``visuals sound`` writes it alone."""
from __future__ import annotations

import subprocess
import sys
from fractions import Fraction

import numpy as np
import pytest
from conftest import make_project

from visuals.audio.loudness import integrated_loudness
from visuals.audio.score import RATE, Score, find_score, loop_sources
from visuals.load.paths import SearchPath
from visuals.load.registry import Registry


@pytest.fixture(scope="module")
def dream():
    registry = Registry(SearchPath.build([]))
    show = registry.show("dream")
    return registry, show, find_score(registry, show)


@pytest.fixture(scope="module")
def whole(dream):
    registry, show, score = dream
    return score.render(show, registry, 0.0, show.duration, Fraction(30))


def test_the_whole_score_is_stereo_48k_unclipped_and_near_minus_16_lufs(dream, whole):
    _, show, _ = dream
    assert whole.shape == (round(show.duration * RATE), 2) and whole.dtype == np.float32
    assert np.abs(whole).max() < 0.99
    assert integrated_loudness(whole, RATE) == pytest.approx(-16.0, abs=1.0)
    # no long silence: every 10 s of the show sounds
    for start in range(0, int(show.duration) - 10, 10):
        assert np.abs(whole[start * RATE:(start + 10) * RATE]).max() > 0.01, start


def test_any_range_is_the_same_samples_as_the_whole(dream, whole):
    registry, show, score = dream
    for t0, t1 in ((70.0, 70.5), (127.9, 129.1), (175.0, 176.0)):
        part = score.render(show, registry, t0, t1, Fraction(30))
        assert np.array_equal(part, whole[round(t0 * RATE):round(t1 * RATE)]), (t0, t1)


def test_the_laughter_loop_repeats_with_the_frames(dream, whole):
    """Inside Loop(127.5, 130.5, length=0.5) at 30 fps the picture repeats 15 frames; so does the
    sound, frame for frame, and what repeats is the laughter of the 15 frames before it."""
    _, show, _ = dream
    loop = show.timeline.loops[0]
    per_frame = RATE // 30
    f0, n = round(loop.start * 30), round(loop.length * 30)
    frame = lambda f: whole[f * per_frame:(f + 1) * per_frame]       # noqa: E731
    for f in range(f0, round(loop.end * 30) - n):
        assert np.array_equal(frame(f), frame(f + n)), f
        assert np.array_equal(frame(f), frame(f0 - n + (f - f0) % n)), f
    assert np.abs(whole[(f0 - n) * per_frame:f0 * per_frame]).max() > 0.1     # the laughter sounds
    # and the picture's frame mapping is the same one
    for f in range(f0, f0 + 2 * n):
        src = loop_sources(show.timeline.loops, np.array([f * per_frame]), Fraction(30), RATE)[0] // per_frame
        assert round(show.timeline.remap(f / 30, 30.0) * 30) == src


def test_the_hum_follows_hum_freq(tmp_path, dream):
    """The sky's hum breathes at hum_freq: the spectrum of its loudness envelope peaks there."""
    _, _, dream_score = dream
    hum = dream_score.voices[0]
    assert hum.__name__ == "hum"
    folder = make_project(tmp_path, {"scenes/humming.py": '''
        from visuals import Cue, Show
        shows = [Show(f"hum{f}", [Cue("sky", 0, 20, params={"hum_freq": f, "hum_depth": 1.0})], duration=20)
                 for f in (0.5, 1.25)]
    '''})
    registry = Registry(SearchPath.build([folder]))
    for freq in (0.5, 1.25):
        show = registry.show(f"hum{freq}")
        audio = Score(show.name, [hum]).render(show, registry, 0.0, 20.0, Fraction(30))
        envelope = np.abs(audio[:, 0]).reshape(-1, 480).mean(axis=1)        # 100 Hz envelope
        spectrum = np.abs(np.fft.rfft(envelope - envelope.mean()))
        freqs = np.fft.rfftfreq(len(envelope), 1 / 100)
        assert freqs[np.argmax(spectrum)] == pytest.approx(freq, abs=0.06)


def test_the_moss_beats_lub_dub_at_its_bpm(dream, whole):
    """Moss at 58 bpm at its start: lub and dub pairs one beat (about 1.03 s) apart."""
    _, show, _ = dream
    moss = next(c for c in show.cues if c.scene == "moss")
    # the moss cue's first seconds, before the Serenes come in: thumps stand out of the bed
    seg = whole[round((moss.start + 4) * RATE):round((moss.start + 8) * RATE), 0]
    low = np.convolve(seg, np.ones(480) / 480, mode="same")          # keep the 50 Hz thumps
    env = np.abs(low).reshape(-1, 480).max(axis=1)
    peaks = [i for i in range(1, len(env) - 1) if env[i] > 0.5 * env.max() and env[i] >= env[i - 1]
             and env[i] > env[i + 1]]
    lubs = [p for k, p in enumerate(peaks) if k == 0 or p - peaks[k - 1] > 50]
    gaps = np.diff(lubs) / 100.0
    assert len(gaps) >= 2
    assert np.median(gaps) == pytest.approx(60 / 58, rel=0.12)


def test_visuals_sound_writes_the_score_alone(tmp_path, dream, whole):
    import soundfile
    out = tmp_path / "dream.wav"
    proc = subprocess.run([sys.executable, "-m", "visuals", "sound", "dream", "--start", "127", "--end", "131",
                           "--out", str(out)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    data, rate = soundfile.read(str(out), dtype="float32")
    assert rate == 48000 and data.shape == (4 * RATE, 2)
    assert np.abs(data - whole[127 * RATE:131 * RATE]).max() < 2e-6        # 24-bit PCM of the same samples
    bad = subprocess.run([sys.executable, "-m", "visuals", "sound", "dream", "--out", str(tmp_path / "x.mp3")],
                         capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and "'.mp3' is not a sound type visuals writes" in bad.stderr
    none = subprocess.run([sys.executable, "-m", "visuals", "sound", "demo", "--out", str(tmp_path / "d.wav")],
                          capture_output=True, text=True, timeout=60)
    assert none.returncode == 2 and "show 'demo' has no score" in none.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dream.wav"]


def test_a_show_declares_its_score_like_its_cues(tmp_path):
    folder = make_project(tmp_path, {"scenes/beeping.py": '''
        import numpy as np
        from visuals import Cue, Show
        from visuals.audio.score import Score

        def beep(ctx):
            t = ctx.times()
            ctx.add(0, 0.25 * np.sin(2 * np.pi * 880 * t))

        beeping = Show("beeping", [Cue("sky", 0, 2)], duration=2, score=Score("beeping", [beep]))
    '''})
    registry = Registry(SearchPath.build([folder]))
    show = registry.show("beeping")
    audio = find_score(registry, show).render(show, registry, 0.0, 1.0, Fraction(30))
    spectrum = np.abs(np.fft.rfft(audio[:, 0]))
    assert np.argmax(spectrum) == 880


def test_a_scene_without_a_voice_still_sounds(tmp_path, dream):
    """A movement added to the show later, on a scene the score has no voice for, gets the
    pad: the score follows whatever cues the show has."""
    _, _, dream_score = dream
    folder = make_project(tmp_path, {"scenes/newpiece.py": '''
        from visuals import Cue, Show
        newpiece = Show("newpiece", [Cue("rings", 0, 4)], duration=4)
    '''})
    registry = Registry(SearchPath.build([folder]))
    show = registry.show("newpiece")
    audio = Score(show.name, dream_score.voices).render(show, registry, 0.0, 4.0, Fraction(30))
    assert np.abs(audio[RATE:3 * RATE]).max() > 0.05
