"""Sound in ``visuals live``: the room heard through ``--audio-in``, the show's score played.

It plugs into the live player as one more control input (start, poll once a frame before the
render, stop, describe for the HUD), so the player needs no sound code of its own:

* ``--audio-in DEVICE``: a :class:`LiveAnalyser` whose newest frame every deck's renderer
  hears (``u_audio_*``, the audio texture, ``Audio(...)`` signals).
* the show's score (unless ``--mute``): synthesised on a background thread, 8 s at a time
  around the playing position, played
  through the default output device from deck A's show time.  The output callback advances
  its own read position at the transport's speed (silence while paused); once a frame the
  position is compared with the show time and snapped back when they drift apart by more
  than 40 ms (a seek, a loop back to the start, a glitch loop, a speed change).
* no device, or no PortAudio: one line on the HUD and in the console, and the show plays on.
"""
from __future__ import annotations

import sys
import threading
import time

import numpy as np

from visuals.errors import VisualsError

SNAP_S = 0.04
CHUNK_S = 8.0


class LiveSound:
    name = "sound"

    def __init__(self, player, audio_in: str | None, mute: bool):
        self.player = player
        self.audio_in = audio_in
        self.mute = mute
        self.analyser = None
        self.out_stream = None
        self.track: dict | None = None        # set once the score plays (its chunks)
        self.chunks: dict[int, np.ndarray] = {}
        self._stopped = False
        self.rate = 48000
        self.position = 0.0              # read position in samples (written by the callback)
        self.speed = 1.0
        self.playing = False
        self.latency = 0.0               # the output's latency, seconds
        self.note = ""

    # -- control input protocol ------------------------------------------------------------
    def start(self, context) -> None:
        if self.audio_in is not None:
            try:
                from .live_input import LiveAnalyser, find_input
                self.analyser = LiveAnalyser(find_input(self.audio_in))
            except VisualsError as err:
                self._say(f"no sound input ({err.message}); the show plays on without it")
        if not self.mute:
            threading.Thread(target=self._prepare_score, name="score", daemon=True).start()

    def poll(self, now: float) -> None:
        self.player.mixer.audio = self.analyser
        if self.out_stream is None or self.track is None:
            return
        deck = self.player.performance.decks["a"]
        transport = deck.transport
        self.playing = not transport.paused
        self.speed = float(transport.speed)
        # what is written now is heard one output latency later: write that moment's sound
        heard_t = self.player.show_time() + self.latency * self.speed
        if abs(self.position / self.rate - heard_t) > SNAP_S:
            self.position = heard_t * self.rate

    def stop(self) -> None:
        self._stopped = True
        if self.analyser is not None:
            self.analyser.close()
        if self.out_stream is not None:
            try:
                self.out_stream.stop()
                self.out_stream.close()
            except Exception:
                pass

    def describe(self) -> str:
        parts = []
        frame = self.analyser.last_frame if self.analyser is not None else None
        if frame is not None:
            v = frame.values
            parts.append(f"audio in: level {v['level']:.2f}  bass {v['bass']:.2f}  lowmid {v['lowmid']:.2f}  "
                         f"highmid {v['highmid']:.2f}  treble {v['treble']:.2f}  onset {v['onset']:.2f}")
        if self.out_stream is not None:
            heard = self.position / self.rate - self.latency * self.speed
            parts.append(f"score: {'playing' if self.playing else 'paused'} at {heard:.2f} s")
        if self.note:
            parts.append(self.note)
        return "   ".join(parts) or "sound: none"

    # -- the score -------------------------------------------------------------------------
    def _say(self, message: str) -> None:
        self.note = message
        sys.stderr.write(f"visuals: note: {message}\n")

    def _prepare_score(self) -> None:
        """Synthesise the score in chunks of CHUNK_S seconds, the one playing and the next
        first (any range of a score is the same samples as the whole), so the picture never
        waits for a whole show's synthesis on a small machine."""
        from fractions import Fraction

        from visuals.audio.score import RATE, find_score
        try:
            show, registry = self.player.show, self.player.registry
            score = find_score(registry, show)
            if score is None:
                return
            self.rate = RATE
            self.track = self.chunks          # (the callback plays from the chunks)
            self._open_output()
            if self.out_stream is None:
                return
            count = max(1, int(np.ceil(show.duration / CHUNK_S)))
            while not self._stopped:
                here = int(max(0.0, self.position / self.rate) // CHUNK_S)
                wanted = [k for k in (here, here + 1) if k < count and k not in self.chunks]
                if not wanted:
                    time.sleep(0.05)
                    continue
                k = wanted[0]
                part = score.render(show, registry, k * CHUNK_S, min((k + 1) * CHUNK_S, show.duration),
                                    Fraction(show.fps), RATE)
                chunks = {j: c for j, c in self.chunks.items() if abs(j - here) <= 2}
                chunks[k] = part
                self.chunks = chunks              # swapped whole: the callback never sees a half
        except VisualsError as err:
            self._say(f"the score cannot play ({err.message})")
        except Exception as err:             # never take the picture down with the sound
            self._say(f"the score cannot play ({type(err).__name__}: {err})")

    def _open_output(self) -> None:
        try:
            import sounddevice as sd
            self.out_stream = sd.OutputStream(samplerate=self.rate, channels=2, dtype="float32",
                                              blocksize=512, latency="low", callback=self._play)
            self.out_stream.start()
            self.latency = float(self.out_stream.latency)
        except Exception as err:
            self.out_stream = None
            self._say(f"no sound output ({str(err).splitlines()[0] if str(err) else type(err).__name__}); "
                      f"the show plays silent")

    def _play(self, out, frames, when, status) -> None:
        out.fill(0)
        if not self.playing or self.track is None:
            return
        chunks = self.chunks
        per_chunk = int(CHUNK_S * self.rate)
        idx = (self.position + np.arange(frames) * self.speed).astype(np.int64)
        which = np.floor_divide(idx, per_chunk)
        for k in np.unique(which):
            part = chunks.get(int(k))
            if part is None:
                continue                      # not synthesised yet (or past the end): silence
            sel = which == k
            local = idx[sel] - int(k) * per_chunk
            ok = local < len(part)
            rows = np.nonzero(sel)[0][ok]
            out[rows] = part[local[ok]]
        self.position += frames * self.speed
