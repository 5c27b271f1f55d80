"""OSC control: every parameter and every performance action at an address, over UDP.

``visuals live --osc [HOST:]PORT`` starts an ``OscInput``: one thread receives datagrams on a
plain UDP socket (bound to 127.0.0.1 unless another address is asked for, with a 4 MB receive
buffer so that a burst from a controller is not dropped), parses them with python-osc, and
turns each message into a control event posted on the bus.  One thread reading one socket
keeps the messages in the order they were sent, so the last value of a burst is the one that
stays.

The address space is derived from the scenes' parameters (``address_space``; ``visuals osc
--list`` prints it): ``/visuals/<scene>/<param>`` takes a float, an int, or several floats for
vectors and colours; the other addresses are performance actions (cues, tempo, taps, touches,
presets, the crossfader, deck B, the transport, triggers).

Nothing received can stop the show: a malformed packet, an unknown address or a wrong
argument is counted, reported through ``notify`` (the HUD) and dropped; an out-of-range value
is clamped, applied and reported; NaN and infinity are refused.  Datagrams are read by
``osc_wire`` with limits (address and string lengths, arguments per message, bundle nesting),
so one hostile packet costs what a good one does; a message past a limit is refused under
one notice key.  Reports are rate-limited per address, and held ones summed up ("N more like
this"), so that a flood of bad messages cannot flood the HUD.

Buttons: the action addresses without a value (``/visuals/tap``, ``/visuals/cue/next``,
``/visuals/transport/play``...) fire on a message without arguments or with a non-zero value;
a value of 0 is a button release (TouchOSC, Open Stage Control) and is ignored.  Triggers
(``/visuals/trigger/<name> [value]``) pass every value on, 0 included: a release means
something to some of them (the 'loop' trigger lets the show run on).

Bundles are unpacked and their messages applied at once, in order; time tags are not
scheduled (a frame is the finest time the show can use, and the bus applies at the next one).
"""
from __future__ import annotations

import errno
import inspect
import ipaddress
import math
import socket
import statistics
import struct
import sys
import threading
import time
from collections import deque
from typing import Any

from visuals.errors import VisualsError, suggest
from visuals.load.names import is_plain_name
from .notices import RateLimitedNotices
from .limits import SMOOTHING_RANGE, SPEED_RANGE, TEMPO_RANGE, TRIGGER_RANGE, UNBOUNDED
from .osc_wire import Malformed, read_datagram, short
from .events import (BeatSync, Crossfade, CueJump, LoadClip, RecallPreset, SetParam, SetTempo, Tap,
                     TouchAt, Transport, Trigger)

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 9000
PREFIX = "/visuals"
RECEIVE_BUFFER = 4 * 1024 * 1024     # bytes: a burst of 1000 messages fits with room to spare
NOTICE_INTERVAL = 1.0                # seconds between two notices about the same address
NOTICES_PER_SECOND = 6               # all addresses together
MAX_DEFERRED = 1024                  # messages waiting for the render thread to load a scene
# The kernel stamps each datagram when it arrives (Linux), so the time a message waits for the
# server thread (the render thread holds the GIL through long GL calls) is measured, not hidden.
SO_TIMESTAMPNS = getattr(socket, "SO_TIMESTAMPNS", 35 if sys.platform.startswith("linux") else None)
_TIMESPEC = struct.Struct("@ll")


_TYPES = {"float": "f", "int": "i", "bool": "i", "vec2": "ff", "vec3": "fff", "vec4": "ffff", "color": "fff"}
_COMPONENTS = {"vec2": "x y", "vec3": "x y z", "vec4": "x y z w"}


# -- endpoints ------------------------------------------------------------------------------
def parse_endpoint(text: str) -> tuple[str, int]:
    """'9000', ':9000', '127.0.0.1:9000', '0.0.0.0:9000', '[::1]:9000' -> (host, port).

    The host is 127.0.0.1 unless one is written: listening on a network is only ever asked for.
    """
    raw = text
    text = (text or "").strip()
    fix = ("write the OSC endpoint as PORT or HOST:PORT, e.g. 9000 or 127.0.0.1:9000 "
           "(0.0.0.0:9000 listens on every network)")
    if not text:
        raise VisualsError("the OSC endpoint is empty", fix=fix)
    if text.startswith("["):                      # [ipv6]:port
        close = text.find("]")
        if close < 0 or not text[close + 1:].startswith(":"):
            raise VisualsError(f"cannot read the OSC endpoint '{raw}'", fix="write an IPv6 address as [::1]:9000")
        host, port_text = text[1:close], text[close + 2:]
    elif text.count(":") == 0:
        host, port_text = "", text
    elif text.count(":") == 1:
        host, port_text = text.split(":")
    else:
        raise VisualsError(f"cannot read the OSC endpoint '{raw}'",
                           fix="write an IPv6 address in brackets, e.g. [::1]:9000")
    host = host.strip()
    port_text = port_text.strip()
    if not port_text.isdigit():
        raise VisualsError(f"the OSC port in '{raw}' is not a number", fix=fix)
    port = int(port_text)
    if not 1 <= port <= 65535:
        raise VisualsError(f"the OSC port {port} is out of range", fix="give a port from 1 to 65535, e.g. 9000")
    if not host or host.lower() == "localhost":
        return DEFAULT_HOST, port
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        raise VisualsError(f"the OSC host '{host}' is not an IP address",
                           fix="give an address of this machine such as 127.0.0.1, or 0.0.0.0 to listen "
                               "on every network") from None
    return str(address), port


def _show_endpoint(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


# -- the address space ----------------------------------------------------------------------
CONTROL_ADDRESSES: list[tuple[str, str, str]] = [
    (f"{PREFIX}/cue", "i", "jump to cue n (1-based, as the keys 1-9); a cue's name (s) works too"),
    (f"{PREFIX}/cue/next", "", "jump to the next cue (button)"),
    (f"{PREFIX}/cue/previous", "", "jump to the previous cue, or the start of this one (button)"),
    (f"{PREFIX}/tempo", "f", f"set the tempo in bpm, clamped to [{TEMPO_RANGE[0]:g}, {TEMPO_RANGE[1]:g}]"),
    (f"{PREFIX}/tap", "", "tap tempo: send on every beat (button)"),
    (f"{PREFIX}/sync", "", "beat sync: the next beat starts now (button)"),
    (f"{PREFIX}/touch", "ff", "a touch at x y in [0, 1] of the frame, origin bottom-left; "
                              "an optional third float is the strength in [0, 1]"),
    (f"{PREFIX}/preset", "s", "recall a preset by name (an int is a pad number); "
                              "an optional float morphs over that many seconds"),
    (f"{PREFIX}/crossfade", "f", "the crossfader, 0 (deck A) to 1 (deck B); "
                                 "an optional second float smooths over that many seconds"),
    (f"{PREFIX}/deck/b", "s", "load a show or scene by name on deck B"),
    (f"{PREFIX}/deck/b/<scene>/<param>", "f", "a parameter on deck B; arguments as /visuals/<scene>/<param>"),
    (f"{PREFIX}/transport/play", "", "play (button)"),
    (f"{PREFIX}/transport/pause", "", "pause (button)"),
    (f"{PREFIX}/transport/toggle", "", "pause / play (button)"),
    (f"{PREFIX}/transport/speed", "f",
     f"playback speed, 1 = normal, clamped to [{SPEED_RANGE[0]:g}, {SPEED_RANGE[1]:g}]"),
    (f"{PREFIX}/seek", "f", "jump to this show time in seconds, clamped to the show"),
    (f"{PREFIX}/trigger/<name>", "f", "fire the named trigger (a glitch burst) with an optional value "
                                      f"(default 1), clamped to [{TRIGGER_RANGE[0]:g}, {TRIGGER_RANGE[1]:g}]; "
                                      "0, a button's release, is passed on too: "
                                      "/visuals/trigger/loop 0.5 loops the last 0.5 s, 0 lets it run on"),
]


def param_types(param) -> str:
    return _TYPES[param.kind]


def param_description(scene_name: str, param) -> str:
    kind = param.kind
    if kind == "color":
        what = "colour: r g b [a] in [0, 1], or '#rrggbb' (s)"
    elif kind in _COMPONENTS:
        what = f"{kind}: {_COMPONENTS[kind]}{param.describe_range()}"
    elif kind == "bool":
        what = "bool: 0 or 1 (T/F too)"
    else:
        what = f"{kind}{param.describe_range()}"
    text = f"{what}, default {param.format(param.default)}"
    if param.description:
        text = f"{param.description} ({text})"
    return text


def _scenes_of(registry, show) -> list[str]:
    if show is None:
        registry.load_all()
        return sorted(registry.scenes)
    names: list[str] = []
    for cue in show.cues:
        for name in (cue.scene, *cue.bind.values()):
            if name not in names and registry.has_scene(name):
                names.append(name)
    return names


def address_space(registry, show=None) -> list[tuple[str, str, str]]:
    """Every address with its OSC type tags and what it does: the actions, then the parameters
    of every scene (or of the scenes a show plays, when a show is given)."""
    out = list(CONTROL_ADDRESSES)
    for name in _scenes_of(registry, show):
        scene = registry.scenes[name]
        for param in scene.params:
            out.append((f"{PREFIX}/{name}/{param.name}", param_types(param), param_description(name, param)))
    return out


# -- argument checks ------------------------------------------------------------------------
class _Reject(Exception):
    """A message that cannot be applied: why, and the key its report is rate-limited under."""

    def __init__(self, key: str, message: str):
        super().__init__(message)
        self.key = key
        self.message = message


_DEFER = object()       # the message needs the render thread (a scene to load, a show to check)
_IGNORE = object()      # a button release


def _fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.4g}"
    if isinstance(value, tuple):
        return "(" + ", ".join(_fmt(v) for v in value) + ")"
    return repr(value) if isinstance(value, (str, bytes)) else str(value)


def _describe_arg(value: Any) -> str:
    kind = {str: "a string", bytes: "a blob", bool: "a bool", type(None): "nil", list: "an array",
            tuple: "a tuple"}.get(type(value), type(value).__name__)
    if isinstance(value, (str, bytes)):
        text = value[:24]
        return f"{kind} {text!r}"
    return kind


class _Message:
    """One received message being turned into an event; raises _Reject with a clear reason."""

    def __init__(self, address: str, args: list[Any]):
        self.address = address
        # a single OSC array stands for its items: /visuals/tide/colour_a [1 0 0]
        if len(args) == 1 and isinstance(args[0], list):
            args = args[0]
        self.args = args
        self.clamps: list[str] = []

    def reject(self, why: str) -> _Reject:
        return _Reject(self.address, f"OSC {short(self.address, 96)}: {why}; ignored")

    def number(self, value: Any, what: str = "a number") -> float:
        if isinstance(value, bool):
            return 1.0 if value else 0.0
        if isinstance(value, (int, float)):
            return float(value)
        raise self.reject(f"expects {what}, got {_describe_arg(value)}")

    def count(self, lo: int, hi: int, usage: str) -> None:
        n = len(self.args)
        if not lo <= n <= hi:
            raise self.reject(f"expects {usage}, got {n} argument{'s' if n != 1 else ''}")

    def clamp(self, value: float, lo: float | None, hi: float | None, what: str = "") -> float:
        if value != value:
            raise self.reject(f"{what or 'value'} is NaN")
        if math.isinf(value):                # refused, not clamped: inf is no one's intent
            raise self.reject(f"{what or 'value'} is infinite")
        clamped = value
        if lo is not None:
            clamped = max(clamped, lo)
        if hi is not None:
            clamped = min(clamped, hi)
        if math.isinf(clamped):
            raise self.reject(f"{what or 'value'} is infinite")
        if clamped != value:
            lo_text = "-inf" if lo is None else f"{lo:g}"
            hi_text = "inf" if hi is None else f"{hi:g}"
            label = f"{what} " if what else ""
            self.clamps.append(f"{label}{_fmt(value)} is out of range [{lo_text}, {hi_text}], "
                               f"clamped to {_fmt(clamped)}")
        return clamped

    def button(self) -> bool:
        """True for a press (no argument, or a non-zero value), False for a release (0)."""
        self.count(0, 1, "no argument (or 1 for a press, 0 for a release)")
        return not self.args or self.number(self.args[0], "no argument or a number") != 0.0


# -- the server -----------------------------------------------------------------------------
class OscInput:
    """An OSC server on a UDP port (``port=0`` picks a free one; ``self.port`` tells which)."""

    name = "osc"

    def __init__(self, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, *,
                 receive_buffer: int = RECEIVE_BUFFER, notice_interval: float = NOTICE_INTERVAL):
        self.host = host
        self.port = port
        self.receive_buffer_asked = receive_buffer
        self.receive_buffer = 0            # what the kernel granted (Linux reports twice the size asked)
        self.notice_interval = notice_interval
        self.packets = 0                   # datagrams
        self.received = 0                  # messages (each message of a bundle counts)
        self.applied = 0                   # events posted on the bus
        self.rejected = 0                  # messages (or malformed packets) dropped
        self.clamped = 0                   # messages applied with a value clamped into range
        self.malformed = 0                 # packets that were not OSC
        self.ignored = 0                   # button releases
        self.last_error: str | None = None
        self.socket_wait: deque[float] = deque(maxlen=1000)   # seconds from the kernel's arrival stamp
        self._stamped = False
        self._post_arrival = False
        self._context = None
        self._notices: RateLimitedNotices | None = None
        self._sock: socket.socket | None = None
        self._thread: threading.Thread | None = None
        self._stopping = threading.Event()
        self._counts = threading.Lock()
        self._order = threading.Lock()     # messages are handled one at a time, in arrival order
        self._deferred: deque[tuple[str, list[Any], float]] = deque()
        self._complete: Any = None         # the registry whose every module poll() has loaded

    # -- ControlInput ------------------------------------------------------------------------
    def start(self, context) -> None:
        if self._thread is not None:
            return
        self._context = context
        try:       # a bus that takes the arrival time measures latency from the kernel's stamp
            self._post_arrival = "arrived" in inspect.signature(context.bus.post).parameters
        except (TypeError, ValueError):
            self._post_arrival = False
        self._notices = RateLimitedNotices(context.notify, interval=self.notice_interval, per_second=NOTICES_PER_SECOND)
        self._sock = self._open()
        self._stopping.clear()
        self._thread = threading.Thread(target=self._serve, name=f"visuals-osc-{self.port}", daemon=True)
        self._thread.start()
        if self.receive_buffer < self.receive_buffer_asked:
            self._report("buffer", f"OSC: the receive buffer is {self.receive_buffer // 1024} KB "
                                   f"(net.core.rmem_max): a fast burst may lose messages")

    def poll(self, now: float) -> None:
        """On the render thread: resolve the messages that needed a scene module loaded or a
        show checked (the registry is only ever loaded on this thread), and show held notices."""
        if self._context is None:
            return
        if self._deferred:
            with self._order:
                for _ in range(len(self._deferred)):
                    address, args, arrived = self._deferred.popleft()
                    self._handle(address, args, arrived, render_thread=True)
        if self._notices is not None:
            self._notices.flush()

    def stop(self) -> None:
        self._stopping.set()
        thread, self._thread = self._thread, None
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout=5.0)
        sock, self._sock = self._sock, None
        if sock is not None:
            try:
                sock.close()
            except OSError:
                pass

    def describe(self) -> str:
        text = (f"OSC {_show_endpoint(self.host, self.port)}: {self.received} messages, "
                f"{self.rejected} rejected")
        if self.clamped:
            text += f", {self.clamped} clamped"
        waits = list(self.socket_wait)
        if waits:
            text += f"; socket wait {1000 * statistics.median(waits):.1f} ms median, {1000 * max(waits):.1f} max"
        return text

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    # -- the socket --------------------------------------------------------------------------
    def _open(self) -> socket.socket:
        family = socket.AF_INET6 if ":" in self.host else socket.AF_INET
        where = _show_endpoint(self.host, self.port)
        sock = socket.socket(family, socket.SOCK_DGRAM)
        try:
            try:
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, self.receive_buffer_asked)
            except OSError:
                pass
            self.receive_buffer = sock.getsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF)
            sock.bind((self.host, self.port))
            if SO_TIMESTAMPNS is not None:
                try:
                    sock.setsockopt(socket.SOL_SOCKET, SO_TIMESTAMPNS, 1)
                    self._stamped = True
                except OSError:
                    self._stamped = False
        except OSError as err:
            sock.close()
            if err.errno == errno.EADDRINUSE:
                raise VisualsError(f"cannot receive OSC on {where}: the port is in use",
                                   fix="stop the other program on that port, or give another with "
                                       "--osc PORT") from None
            if err.errno in (errno.EADDRNOTAVAIL, errno.EAFNOSUPPORT):
                raise VisualsError(f"cannot receive OSC on {where}: that address is not on this machine",
                                   fix="give 127.0.0.1, an address of this machine, or 0.0.0.0") from None
            if err.errno == errno.EACCES:
                raise VisualsError(f"cannot receive OSC on {where}: permission denied",
                                   fix="use a port above 1023, e.g. 9000") from None
            raise VisualsError(f"cannot receive OSC on {where}: {err.strerror or err}",
                               fix="give another address or port with --osc HOST:PORT") from None
        sock.settimeout(0.1)       # wake up to see stop() and to show held notices
        self.port = sock.getsockname()[1]
        return sock

    def _serve(self) -> None:
        sock = self._sock
        while not self._stopping.is_set():
            try:
                if self._stamped:
                    data, ancillary, _flags, peer = sock.recvmsg(65536, 256)
                    arrived = self._arrival(ancillary)
                else:
                    data, peer = sock.recvfrom(65536)
                    arrived = None
            except socket.timeout:
                self._notices.flush()
                continue
            except OSError as err:
                if self._stopping.is_set():
                    break
                self._report("socket", f"OSC: receive failed: {err}")
                time.sleep(0.05)
                continue
            try:
                self._packet(data, peer, arrived)
            except Exception as err:       # never let one packet end the server
                self._count(rejected=1)
                self._report("internal", f"OSC: a packet could not be handled ({type(err).__name__}: {err})")
            finally:
                self._count(packets=1)     # counted once handled, so that tests can wait on it

    def _arrival(self, ancillary) -> float | None:
        """The kernel's arrival stamp as a perf_counter time (what the bus stamps with)."""
        for level, kind, payload in ancillary:
            if level == socket.SOL_SOCKET and kind == SO_TIMESTAMPNS and len(payload) >= _TIMESPEC.size:
                sec, nsec = _TIMESPEC.unpack(payload[:_TIMESPEC.size])
                waited = min(max(time.time() - (sec + nsec * 1e-9), 0.0), 60.0)
                self.socket_wait.append(waited)
                return time.perf_counter() - waited
        return None

    def _packet(self, data: bytes, peer, arrived: float | None = None) -> None:
        try:
            messages, refused = read_datagram(data)
        except Malformed as err:
            self._count(rejected=1, malformed=1)
            self._report("malformed", f"OSC: ignored a malformed packet of {len(data)} bytes from "
                                      f"{peer[0]}:{peer[1]} ({err})")
            return
        for refusal in refused:       # past a limit: one key, so that a flood is one notice
            self._count(received=1, rejected=1)
            self._report("limits", f"OSC {refusal.address}: {refusal.why}; ignored")
        for message in messages:
            self._count(received=1)
            with self._order:
                self._handle(message.address, message.args, arrived, render_thread=False)

    # -- messages ----------------------------------------------------------------------------
    def _handle(self, address: str, args: list[Any], arrived: float | None, render_thread: bool) -> None:
        message = _Message(address, args)
        try:
            # while messages wait for the render thread, the ones after them wait too (in order)
            event = _DEFER if not render_thread and self._deferred else self._event(message, render_thread)
        except _Reject as reject:
            self._count(rejected=1)
            self._report(reject.key, reject.message)
            return
        except Exception as err:
            self._count(rejected=1)
            self._report(address, f"OSC {short(address, 96)}: could not be applied "
                                  f"({type(err).__name__}: {short(str(err), 120)})")
            return
        if event is _DEFER:
            if len(self._deferred) >= MAX_DEFERRED:
                self._count(rejected=1)
                self._report("deferred", f"OSC {short(address, 96)}: too many messages waiting for scenes to load; ignored")
            else:
                self._deferred.append((address, args, arrived))
            return
        if event is _IGNORE:
            self._count(ignored=1)
            return
        if self._post_arrival and arrived is not None:
            self._context.bus.post(event, arrived=arrived)
        else:
            self._context.bus.post(event)
        self._count(applied=1, clamped=1 if message.clamps else 0)
        if message.clamps:
            self._report(f"{address}#clamp", f"OSC {short(address, 96)}: " + "; ".join(message.clamps))

    def _event(self, m: _Message, render_thread: bool):
        address = m.address
        if not address.startswith(PREFIX + "/"):
            raise _Reject(address, f"OSC: unknown address {short(address, 96)}: every address starts with {PREFIX}/ "
                                       f"('visuals osc --list' prints them); ignored")
        parts = address[len(PREFIX) + 1:].split("/")
        head = parts[0]
        n = len(parts)
        if head == "cue" and n == 1:
            return self._cue(m)
        if head == "cue" and n == 2 and parts[1] in ("next", "previous"):
            return CueJump(step=1 if parts[1] == "next" else -1, source="osc") if m.button() else _IGNORE
        if head == "tempo" and n == 1:
            m.count(1, 1, "the tempo in bpm")
            return SetTempo(bpm=m.clamp(m.number(m.args[0]), *TEMPO_RANGE, "bpm"), source="osc")
        if head == "tap" and n == 1:
            return Tap(source="osc") if m.button() else _IGNORE
        if head == "sync" and n == 1:
            return BeatSync(source="osc") if m.button() else _IGNORE
        if head == "touch" and n == 1:
            m.count(2, 3, "x y [strength]")
            x = m.clamp(m.number(m.args[0]), 0.0, 1.0, "x")
            y = m.clamp(m.number(m.args[1]), 0.0, 1.0, "y")
            strength = m.clamp(m.number(m.args[2]), 0.0, 1.0, "strength") if len(m.args) > 2 else 1.0
            return TouchAt(x=x, y=y, strength=strength, source="osc")
        if head == "preset" and n == 1:
            m.count(1, 2, "a preset name [morph seconds]")
            name = m.args[0]
            if isinstance(name, int) and not isinstance(name, bool):
                name = str(name)
            if not isinstance(name, str) or not name.strip():
                raise m.reject(f"expects a preset name, got {_describe_arg(name)}")
            morph = m.clamp(m.number(m.args[1]), *SMOOTHING_RANGE, "morph") if len(m.args) > 1 else 0.0
            return RecallPreset(name=name.strip(), morph=morph, source="osc")
        if head == "crossfade" and n == 1:
            m.count(1, 2, "a value in [0, 1] [smoothing seconds]")
            value = m.clamp(m.number(m.args[0]), 0.0, 1.0)
            smoothing = m.clamp(m.number(m.args[1]), *SMOOTHING_RANGE, "smoothing") if len(m.args) > 1 else 0.0
            return Crossfade(value=value, smoothing=smoothing, source="osc")
        if head == "deck" and n == 2 and parts[1] == "b":
            return self._deck_load(m, render_thread)
        if head == "deck" and n == 4 and parts[1] == "b":
            return self._param(m, parts[2], parts[3], "b", render_thread)
        if head == "transport" and n == 2 and parts[1] in ("play", "pause", "toggle"):
            return Transport(op=parts[1], source="osc") if m.button() else _IGNORE
        if head == "transport" and n == 2 and parts[1] == "speed":
            m.count(1, 1, "a speed (1 = normal)")
            return Transport(op="speed", value=m.clamp(m.number(m.args[0]), *SPEED_RANGE, "speed"), source="osc")
        if head == "seek" and n == 1:
            m.count(1, 1, "a show time in seconds")
            show = self._context.show()
            return Transport(op="seek", value=m.clamp(m.number(m.args[0]), 0.0, float(show.duration), "time"),
                             source="osc")
        if head == "trigger" and n == 2 and parts[1]:
            m.count(0, 1, "an optional value")
            value = m.clamp(m.number(m.args[0]), *TRIGGER_RANGE, "value") if m.args else 1.0
            return Trigger(name=parts[1], value=value, source="osc")       # 0 too: a release
        if n == 2 and parts[0] and parts[1]:
            return self._param(m, parts[0], parts[1], "a", render_thread)
        raise self._unknown(m.address, "")

    def _unknown(self, address: str, hint: str) -> _Reject:
        return _Reject(address, f"OSC: unknown address {short(address, 96)}{'; ' + hint if hint else ''} "
                                f"('visuals osc --list' prints them); ignored")

    def _cue(self, m: _Message):
        m.count(1, 1, "a cue number (1-based) or name")
        show = self._context.show()
        starts = sorted({c.start for c in show.cues})
        arg = m.args[0]
        if isinstance(arg, str):
            for cue in show.cues:
                if arg in (cue.label, cue.scene):
                    return CueJump(index=starts.index(cue.start) + 1, source="osc")
            raise m.reject(f"the show '{show.name}' has no cue '{arg}' "
                           f"({suggest(arg, [c.label for c in show.cues])})")
        value = m.number(arg, "a cue number")
        if value != value or math.isinf(value) or value != round(value):
            raise m.reject(f"expects a whole cue number, got {_fmt(value)}")
        index = int(value)
        if not 1 <= index <= len(starts):
            raise m.reject(f"the show '{show.name}' has cues 1 to {len(starts)}, not {index}")
        return CueJump(index=index, source="osc")

    def _deck_load(self, m: _Message, render_thread: bool):
        m.count(1, 1, "a show or scene name")
        name = m.args[0]
        if not isinstance(name, str) or not name.strip():
            raise m.reject(f"expects a show or scene name, got {_describe_arg(name)}")
        name = name.strip()
        if not is_plain_name(name):          # the same rule as Registry.show_named, checked off the render thread
            raise m.reject(f"{short(name, 96)!r} is a path or file name: deck B loads shows and scenes by name")
        if not render_thread:
            return _DEFER             # loading and checking a show imports modules: the render thread's job
        registry = self._context.registry
        try:
            registry.show_named(name)
        except VisualsError as err:
            raise m.reject(f"cannot load '{name}' on deck B: {err.message} ({err.fix})" if err.fix
                           else f"cannot load '{name}' on deck B: {err.message}") from None
        return LoadClip(deck="b", show=name, source="osc")

    def _param(self, m: _Message, scene_name: str, param_name: str, deck: str, render_thread: bool):
        registry = self._context.registry           # read each time: a hot reload replaces it
        scene = registry.scenes.get(scene_name)
        if scene is None:
            if render_thread:
                if not registry.has_scene(scene_name):    # imports its module, or every module
                    self._complete = registry
                scene = registry.scenes.get(scene_name)
            elif self._complete is not registry:
                return _DEFER
            if scene is None:
                raise self._unknown(m.address, f"no scene '{scene_name}' "
                                               f"({suggest(scene_name, list(registry.scenes))})")
        if param_name not in scene.params:
            raise self._unknown(m.address, f"scene '{scene_name}' has no parameter '{param_name}' "
                                           f"({suggest(param_name, scene.params.names())})")
        param = scene.params.get(param_name)
        return SetParam(scene=scene_name, param=param_name, value=self._param_value(m, param),
                        deck=deck, source="osc")

    def _param_value(self, m: _Message, param):
        args = m.args
        kind = param.kind
        if kind == "color":
            if len(args) == 1 and isinstance(args[0], str):
                try:
                    value = param.coerce(args[0])
                except VisualsError as err:
                    raise m.reject(f"{err.message}; give r g b [a] in [0, 1] or '#rrggbb'") from None
            else:
                m.count(3, 4, "a colour: r g b [a] in [0, 1], or '#rrggbb'")
                value = param.coerce(tuple(m.number(a, "r g b [a] numbers") for a in args))
        elif param.dims == 1:
            m.count(1, 1, f"one number{param.describe_range()}")
            value = param.coerce(m.number(args[0], f"a number{param.describe_range()}"))
        else:
            m.count(param.dims, param.dims, f"{param.dims} numbers ({_COMPONENTS[kind]}){param.describe_range()}")
            value = param.coerce(tuple(m.number(a, f"{param.dims} numbers") for a in args))
        components = value if isinstance(value, tuple) else (value,)
        if any(c != c for c in components):
            raise m.reject("a value is NaN")
        if any(math.isinf(c) for c in components):
            raise m.reject("a value is infinite")
        if param.in_range(value) and all(abs(c) <= UNBOUNDED for c in components):
            return value
        clamped = param.clamp(value)
        if isinstance(clamped, tuple):          # a parameter without a range still takes float32 only
            clamped = tuple(min(max(c, -UNBOUNDED), UNBOUNDED) for c in clamped)
        else:
            clamped = min(max(clamped, -UNBOUNDED), UNBOUNDED)
        m.clamps.append(f"{_fmt(value)} is out of range{param.describe_range()}, clamped to {_fmt(clamped)}")
        return clamped

    # -- bookkeeping -------------------------------------------------------------------------
    def _count(self, **counts: int) -> None:
        with self._counts:
            for name, n in counts.items():
                setattr(self, name, getattr(self, name) + n)

    def _report(self, key: str, message: str) -> None:
        self.last_error = message
        if self._notices is not None:
            self._notices.report(message, key)
