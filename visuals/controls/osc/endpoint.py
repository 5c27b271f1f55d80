"""Where the OSC server listens: ``--osc [HOST:]PORT`` read into a host and a port.

The host is 127.0.0.1 unless one is written: listening on a network is only ever asked for.
"""
from __future__ import annotations

import ipaddress

from visuals.errors import VisualsError

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 9000


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


def show_endpoint(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"

