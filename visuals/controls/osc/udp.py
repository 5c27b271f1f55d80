"""The OSC server's UDP socket: bound with a large receive buffer and kernel arrival stamps.

A burst from a controller must not be dropped, so the receive buffer asked for is 4 MB (the
kernel may grant less: net.core.rmem_max).  The kernel stamps each datagram when it arrives
(Linux), so the time a message waits for the server thread (the render thread holds the GIL
through long GL calls) is measured, not hidden.  A port in use, an address not on this
machine or a privileged port is one clear error.
"""
from __future__ import annotations

import errno
import socket
import struct
import sys
import time
from dataclasses import dataclass

from visuals.errors import VisualsError
from .endpoint import show_endpoint

RECEIVE_BUFFER = 4 * 1024 * 1024     # bytes: a burst of 1000 messages fits with room to spare
SO_TIMESTAMPNS = getattr(socket, "SO_TIMESTAMPNS", 35 if sys.platform.startswith("linux") else None)
_TIMESPEC = struct.Struct("@ll")


@dataclass
class Bound:
    sock: socket.socket
    port: int                # the port bound (port 0 asks for a free one)
    receive_buffer: int      # what the kernel granted (Linux reports twice the size asked)
    stamped: bool            # whether datagrams come with the kernel's arrival time


def open_socket(host: str, port: int, receive_buffer: int = RECEIVE_BUFFER) -> Bound:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    where = show_endpoint(host, port)
    sock = socket.socket(family, socket.SOCK_DGRAM)
    stamped = False
    try:
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, receive_buffer)
        except OSError:
            pass
        granted = sock.getsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF)
        sock.bind((host, port))
        if SO_TIMESTAMPNS is not None:
            try:
                sock.setsockopt(socket.SOL_SOCKET, SO_TIMESTAMPNS, 1)
                stamped = True
            except OSError:
                stamped = False
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
    return Bound(sock, sock.getsockname()[1], granted, stamped)


def receive(bound: Bound) -> tuple[bytes, tuple, float | None]:
    """One datagram, who sent it, and how long it waited in the socket (None unstamped);
    raises socket.timeout when nothing came within the timeout."""
    if bound.stamped:
        data, ancillary, _flags, peer = bound.sock.recvmsg(65536, 256)
        return data, peer, _waited(ancillary)
    data, peer = bound.sock.recvfrom(65536)
    return data, peer, None


def _waited(ancillary) -> float | None:
    """Seconds since the kernel's arrival stamp."""
    for level, kind, payload in ancillary:
        if level == socket.SOL_SOCKET and kind == SO_TIMESTAMPNS and len(payload) >= _TIMESPEC.size:
            sec, nsec = _TIMESPEC.unpack(payload[:_TIMESPEC.size])
            return min(max(time.time() - (sec + nsec * 1e-9), 0.0), 60.0)
    return None
