"""The show's score played live follows the transport: silent while paused, read at the
transport's speed, snapped to the picture after a seek or a loop back, and ahead of the picture
by the output's latency.  Driven through LiveSound's own poll and output callback with a
stand-in player, so no sound device is needed."""
from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from visuals.audio.live_sound import CHUNK_S, SNAP_S, LiveSound

RATE = 48000


class StandInPlayer:
    """What LiveSound reads of the live player: deck A's transport, the show time, the mixer."""

    def __init__(self):
        self.transport = SimpleNamespace(paused=False, speed=1.0)
        self.performance = SimpleNamespace(decks={"a": SimpleNamespace(transport=self.transport)})
        self.mixer = SimpleNamespace(renderers={})
        self.t = 0.0

    def show_time(self) -> float:
        return self.t


def ramp_score(seconds: float) -> dict[int, np.ndarray]:
    """Chunks of a score whose every sample holds its own time in seconds (both channels)."""
    per_chunk = int(CHUNK_S * RATE)
    total = int(seconds * RATE)
    chunks = {}
    for k in range(0, int(np.ceil(total / per_chunk))):
        idx = np.arange(k * per_chunk, min((k + 1) * per_chunk, total), dtype=np.float64)
        chunks[k] = np.repeat((idx / RATE)[:, None], 2, axis=1).astype(np.float32)
    return chunks


def playing_sound(latency: float = 0.0) -> tuple[LiveSound, StandInPlayer]:
    player = StandInPlayer()
    sound = LiveSound(player, audio_in=None, mute=False)
    sound.rate = RATE
    sound.chunks = ramp_score(30.0)
    sound.track = sound.chunks
    sound.out_stream = object()          # an output is open (the callback is driven by hand)
    sound.latency = latency
    return sound, player


def callback(sound: LiveSound, frames: int = 512) -> np.ndarray:
    out = np.full((frames, 2), 9.0, np.float32)
    sound._play(out, frames, None, None)
    return out


def test_the_score_plays_from_the_show_time_and_reads_on():
    sound, player = playing_sound()
    player.t = 12.5
    sound.poll(0.0)
    out = callback(sound)
    assert out[0, 0] == pytest.approx(12.5, abs=1 / RATE)
    assert out[-1, 0] == pytest.approx(12.5 + 511 / RATE, abs=1 / RATE)
    assert callback(sound)[0, 0] == pytest.approx(12.5 + 512 / RATE, abs=1 / RATE)   # continues


def test_paused_is_silent_and_does_not_move_on():
    sound, player = playing_sound()
    player.t = 4.0
    sound.poll(0.0)
    player.transport.paused = True
    sound.poll(0.0)
    before = sound.position
    assert not callback(sound).any()
    assert sound.position == before
    player.transport.paused = False
    sound.poll(0.0)
    assert callback(sound)[0, 0] == pytest.approx(4.0, abs=1 / RATE)


@pytest.mark.parametrize("speed", [0.5, 2.0])
def test_the_score_is_read_at_the_transports_speed(speed):
    sound, player = playing_sound()
    player.t = 3.0
    player.transport.speed = speed
    sound.poll(0.0)
    out = callback(sound, 1024)
    played = float(out[-1, 0]) - float(out[0, 0])          # seconds of score in 1024 samples
    assert played == pytest.approx(1023 * speed / RATE, abs=2 / RATE)
    assert sound.position / RATE == pytest.approx(3.0 + 1024 * speed / RATE, abs=2 / RATE)


def test_a_seek_or_a_loop_back_snaps_the_sound_to_the_picture_and_small_drift_does_not():
    sound, player = playing_sound()
    player.t = 20.0
    sound.poll(0.0)
    callback(sound)
    player.t = 20.0 + 512 / RATE + SNAP_S / 2        # drift under the snap threshold: left alone
    sound.poll(0.0)
    assert callback(sound)[0, 0] == pytest.approx(20.0 + 512 / RATE, abs=1 / RATE)
    player.t = 7.0                                    # a seek back (or the show looping)
    sound.poll(0.0)
    assert callback(sound)[0, 0] == pytest.approx(7.0, abs=1 / RATE)
    player.t = 25.0                                   # a seek forward
    sound.poll(0.0)
    assert callback(sound)[0, 0] == pytest.approx(25.0, abs=1 / RATE)


def test_what_is_written_now_is_the_moment_heard_one_output_latency_later():
    sound, player = playing_sound(latency=0.1)
    player.t = 10.0
    player.transport.speed = 2.0
    sound.poll(0.0)
    assert callback(sound)[0, 0] == pytest.approx(10.0 + 0.1 * 2.0, abs=2 / RATE)


def test_a_chunk_not_synthesised_yet_is_silence_not_a_stale_chunk():
    sound, player = playing_sound()
    del sound.chunks[2]
    player.t = 2 * CHUNK_S + 1.0
    sound.poll(0.0)
    assert not callback(sound).any()
    player.t = 2 * CHUNK_S - 256 / RATE               # straddles the end of chunk 1
    sound.poll(0.0)
    out = callback(sound)
    assert out[:256, 0].all() and not out[256:].any()
