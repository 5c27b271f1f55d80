"""MIDI ports: which MIDI system (rtmidi on ALSA or JACK, through mido) and which inputs it sees.

The backend comes from ``MIDO_BACKEND`` (python-rtmidi by default;
``mido.backends.rtmidi/UNIX_JACK`` for JACK), else rtmidi's default API, else JACK where there
is no ALSA sequencer (as in containers).  ``visuals midi --list`` prints what ``list_devices``
finds; the live input opens ports through ``open_backend``.
"""
from __future__ import annotations

import contextlib
import os
import re

from visuals.errors import VisualsError

JACK_BACKEND = "mido.backends.rtmidi/UNIX_JACK"


def _mido():
    try:
        import mido
    except ImportError:
        raise VisualsError("MIDI needs the mido and python-rtmidi packages",
                           fix="pip install mido python-rtmidi") from None
    return mido


class Lister:
    """Input names, cheaply: one rtmidi client kept open (a fresh one per look costs about 100
    ms with JACK, and a JACK graph change each time); other backends are asked each time."""

    def __init__(self, backend):
        self.backend = backend
        self._rt = None
        if backend.name == "mido.backends.rtmidi":
            import rtmidi
            api = getattr(rtmidi, f"API_{backend.api}", rtmidi.API_UNSPECIFIED) if backend.api \
                else rtmidi.API_UNSPECIFIED
            self._rt = rtmidi.MidiIn(rtapi=api, name="visuals-scan")

    def names(self) -> list[str]:
        if self._rt is not None:
            return list(self._rt.get_ports())
        return list(self.backend.get_input_names())

    def close(self) -> None:
        if self._rt is not None:
            with contextlib.suppress(Exception):
                self._rt.delete()
            self._rt = None


def _describe_backend(backend) -> str:
    return f"{backend.name}/{backend.api}" if backend.api else backend.name


def _no_midi_fix(err: BaseException) -> str:
    text = str(err)
    if "ALSA" in text:
        return ("the ALSA sequencer is missing here (no /dev/snd/seq); use JACK: start jackd and set "
                f"MIDO_BACKEND={JACK_BACKEND}")
    if "JACK" in text:
        return "start the JACK server (jackd; jackd -S --no-realtime -d dummy without sound hardware)"
    return f"check MIDO_BACKEND (now {os.environ.get('MIDO_BACKEND', 'unset')})"


def open_backend(name: str | None = None):
    """The mido backend and a device lister: MIDO_BACKEND, else rtmidi's default API, else
    JACK (where there is no ALSA sequencer, as in containers)."""
    mido = _mido()
    chosen = name or os.environ.get("MIDO_BACKEND")
    candidates = [chosen] if chosen else ["mido.backends.rtmidi", JACK_BACKEND]
    errors: list[BaseException] = []
    for candidate in candidates:
        try:
            backend = mido.Backend(candidate, load=True)
            return backend, Lister(backend)
        except ImportError as err:
            raise VisualsError(f"MIDI backend '{candidate}' cannot be loaded: {err}",
                               fix="pip install python-rtmidi, or set MIDO_BACKEND to an installed backend") from None
        except Exception as err:        # rtmidi raises SystemError when the MIDI system is missing
            errors.append(err)
    fix = _no_midi_fix(errors[0]) if len(errors) == 1 else (
        "there is no ALSA sequencer (/dev/snd/seq) and no JACK server running: start jackd "
        "(jackd -S --no-realtime -d dummy without sound hardware)")
    raise VisualsError("no MIDI system: " + "; ".join(str(e) for e in errors), fix=fix)


@contextlib.contextmanager
def _quiet_stderr():
    """libjack and ALSA print to fd 2 when their server is missing: keep a CLI listing clean."""
    try:
        saved = os.dup(2)
    except OSError:
        yield
        return
    try:
        with open(os.devnull, "wb") as null:
            os.dup2(null.fileno(), 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def list_devices() -> tuple[list[str], str]:
    """The MIDI inputs that can be opened, and the backend that sees them."""
    with _quiet_stderr():
        backend, lister = open_backend()
        try:
            names = lister.names()
        finally:
            lister.close()
    return names, _describe_backend(backend)


def short_name(name: str) -> str:
    """A device name for the HUD: without rtmidi's client prefix and ALSA's port numbers."""
    text = re.sub(r"\s+\d+:\d+$", "", name)
    for prefix in ("RtMidiOut Client:", "a2j:"):
        if text.startswith(prefix):
            text = text[len(prefix):]
    return text.strip() or name

