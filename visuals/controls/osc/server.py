"""The OSC server: a thread reading a UDP socket, each message dispatched to the bus.

``visuals live --osc [HOST:]PORT`` starts an ``OscInput``: one thread receives datagrams on a
plain UDP socket (``udp``), reads them with limits (``wire``) and turns each message into a
control event (``routes``, through the address table in ``addresses``) posted on the bus.  One
thread reading one socket keeps the messages in the order they were sent, so the last value of
a burst is the one that stays.

Nothing received can stop the show: a malformed packet, an unknown address or a wrong
argument is counted, reported as a rate-limited notice (controls/notices.py: per address, the
held ones summed up as "N more like this") and dropped; an out-of-range value is clamped,
applied and reported; NaN and infinity are refused.

Bundles are unpacked and their messages applied at once, in order; time tags are not
scheduled (a frame is the finest time the show can use, and the bus applies at the next one).
"""
from __future__ import annotations

import inspect
import socket
import statistics
import threading
import time
from collections import deque
from typing import Any

from visuals.controls.notices import RateLimitedNotices
from .arguments import DEFER, IGNORE, Message, Reject
from .endpoint import DEFAULT_HOST, DEFAULT_PORT, show_endpoint
from .routes import Router
from .udp import RECEIVE_BUFFER, Bound, open_socket, receive
from .wire import Malformed, read_datagram, short

NOTICE_INTERVAL = 1.0                # seconds between two notices about the same address
NOTICES_PER_SECOND = 6               # all addresses together
MAX_DEFERRED = 1024                  # messages waiting for the render thread to load a scene


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
        self._post_arrival = False
        self._context = None
        self._notices: RateLimitedNotices | None = None
        self._sock: socket.socket | None = None
        self._thread: threading.Thread | None = None
        self._stopping = threading.Event()
        self._counts = threading.Lock()
        self._order = threading.Lock()     # messages are handled one at a time, in arrival order
        self._deferred: deque[tuple[str, list[Any], float]] = deque()
        self._router: Router | None = None

    # -- ControlInput ------------------------------------------------------------------------
    def start(self, context) -> None:
        if self._thread is not None:
            return
        self._context = context
        self._router = Router(context)
        try:       # a bus that takes the arrival time measures latency from the kernel's stamp
            self._post_arrival = "arrived" in inspect.signature(context.bus.post).parameters
        except (TypeError, ValueError):
            self._post_arrival = False
        self._notices = RateLimitedNotices(context.notify, interval=self.notice_interval,
                                           per_second=NOTICES_PER_SECOND)
        bound = open_socket(self.host, self.port, self.receive_buffer_asked)
        self._sock, self.port, self.receive_buffer = bound.sock, bound.port, bound.receive_buffer
        self._stopping.clear()
        self._thread = threading.Thread(target=self._serve, args=(bound,), name=f"visuals-osc-{self.port}",
                                        daemon=True)
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
        text = (f"OSC {show_endpoint(self.host, self.port)}: {self.received} messages, "
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

    # -- the socket thread -------------------------------------------------------------------
    def _serve(self, bound: Bound) -> None:
        while not self._stopping.is_set():
            try:
                data, peer, waited = receive(bound)
            except socket.timeout:
                self._notices.flush()
                continue
            except OSError as err:
                if self._stopping.is_set():
                    break
                self._report("socket", f"OSC: receive failed: {err}")
                time.sleep(0.05)
                continue
            arrived = None
            if waited is not None:           # as a perf_counter time: what the bus stamps with
                self.socket_wait.append(waited)
                arrived = time.perf_counter() - waited
            try:
                self._packet(data, peer, arrived)
            except Exception as err:       # never let one packet end the server
                self._count(rejected=1)
                self._report("internal", f"OSC: a packet could not be handled ({type(err).__name__}: {err})")
            finally:
                self._count(packets=1)     # counted once handled, so that tests can wait on it

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
        message = Message(address, args)
        try:
            # while messages wait for the render thread, the ones after them wait too (in order)
            event = DEFER if not render_thread and self._deferred else self._router.dispatch(message, render_thread)
        except Reject as reject:
            self._count(rejected=1)
            self._report(reject.key, reject.message)
            return
        except Exception as err:
            self._count(rejected=1)
            self._report(address, f"OSC {short(address, 96)}: could not be applied "
                                  f"({type(err).__name__}: {short(str(err), 120)})")
            return
        if event is DEFER:
            if len(self._deferred) >= MAX_DEFERRED:
                self._count(rejected=1)
                self._report("deferred", f"OSC {short(address, 96)}: too many messages waiting for scenes to load; ignored")
            else:
                self._deferred.append((address, args, arrived))
            return
        if event is IGNORE:
            self._count(ignored=1)
            return
        if self._post_arrival and arrived is not None:
            self._context.bus.post(event, arrived=arrived)
        else:
            self._context.bus.post(event)
        self._count(applied=1, clamped=1 if message.clamps else 0)
        if message.clamps:
            self._report(f"{address}#clamp", f"OSC {short(address, 96)}: " + "; ".join(message.clamps))

    # -- bookkeeping -------------------------------------------------------------------------
    def _count(self, **counts: int) -> None:
        with self._counts:
            for name, n in counts.items():
                setattr(self, name, getattr(self, name) + n)

    def _report(self, key: str, message: str) -> None:
        self.last_error = message
        if self._notices is not None:
            self._notices.report(message, key)

