"""Reading OSC datagrams with limits: what a packet may cost is bounded before it is decoded.

The live show reads every datagram that reaches its port, so one hostile or broken packet must
cost no more than a well-formed one.  python-osc decodes whatever arrives (a 30 000-byte
address, a 60 000-byte string, thousands of nested bundles), byte by byte, and logs a warning
on the root logger for each type tag it does not know (hundreds of lines in a flood).  This
module reads the OSC 1.0 wire format itself instead, refusing a message as soon as it passes a
limit, and never logs: the server turns what it returns into rate-limited HUD notices.

``read_datagram`` returns the messages of a datagram (a bundle's in order, nested bundles
flattened) and the messages it refused; a datagram whose framing is broken raises
``Malformed`` and nothing of it is applied.  Time tags are read and ignored, as the server
applies a bundle at the next frame.
"""
from __future__ import annotations

import struct
from dataclasses import dataclass
from typing import Any

MAX_ADDRESS = 256        # bytes: the longest real address, /visuals/deck/b/<scene>/<param>, is far shorter
MAX_ARGUMENTS = 16       # per message: a colour takes 4
MAX_STRING = 256         # bytes of a string argument (a preset, show or colour name)
MAX_BLOB = 1024          # bytes of a blob argument (nothing here takes one: it is only reported)
MAX_ARRAY_DEPTH = 2      # [ ] inside [ ]
MAX_NESTING = 4          # bundles inside bundles
MAX_MESSAGES = 256       # messages in one datagram, all bundles together

BUNDLE = b"#bundle\0"
_KNOWN_TAGS = frozenset("ihfdsSbrmtTFNI[]c")
_I32, _I64, _F32, _F64, _U32 = (struct.Struct(f) for f in (">i", ">q", ">f", ">d", ">I"))


class Malformed(Exception):
    """The datagram is not OSC (or is cut short): the reason, in a few words."""


@dataclass(frozen=True)
class Refused:
    """One message left out because it passed a limit: a short description of it and why."""

    address: str            # shortened for display
    why: str


@dataclass(frozen=True)
class Message:
    address: str
    args: list[Any]


def short(text: str, limit: int = 48) -> str:
    """A received text as it may be shown: printable characters only, and not too long."""
    clean = "".join(c if c.isprintable() else "?" for c in text[:limit])
    return clean if len(text) <= limit else f"{clean}... ({len(text)} characters)"


def read_datagram(data: bytes) -> tuple[list[Message], list[Refused]]:
    """The messages of one datagram and the ones refused; raises Malformed for broken framing."""
    if not data:
        raise Malformed("an empty datagram")
    if len(data) % 4:
        raise Malformed(f"its size, {len(data)} bytes, is not a multiple of 4")
    messages: list[Message] = []
    refused: list[Refused] = []
    _element(memoryview(data), 0, messages, refused)
    return messages, refused


def _element(data: memoryview, depth: int, messages: list[Message], refused: list[Refused]) -> None:
    if len(messages) + len(refused) >= MAX_MESSAGES:
        raise Malformed(f"more than {MAX_MESSAGES} messages in one datagram")
    if data[:8] == BUNDLE:
        if depth >= MAX_NESTING:
            raise Malformed(f"bundles nested more than {MAX_NESTING} deep")
        index = 16                                   # '#bundle\0' and the 8-byte time tag
        if len(data) < index:
            raise Malformed("a bundle cut short before its time tag")
        while index < len(data):
            if index + 4 > len(data):
                raise Malformed("a bundle element's size is cut short")
            size = _I32.unpack_from(data, index)[0]
            index += 4
            if size <= 0 or size % 4 or index + size > len(data):
                raise Malformed(f"a bundle element's size ({size}) does not fit the datagram")
            _element(data[index:index + size], depth + 1, messages, refused)
            index += size
        return
    if data[:1] != b"/":
        raise Malformed("it starts with neither '/' nor '#bundle'")
    result = _message(data)
    (messages if isinstance(result, Message) else refused).append(result)


def _string_end(data: memoryview, start: int, limit: int) -> int | None:
    """The index of the terminating null of a string at start, or None when it is longer than
    limit bytes (found without scanning further than that)."""
    end = bytes(data[start:start + limit + 1]).find(b"\0")
    return None if end < 0 else start + end


def _padded(index: int) -> int:
    return (index + 4) & ~3          # past the null and the padding to a 4-byte boundary


def _decode(raw: bytes, what: str) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise Malformed(f"{what} is not UTF-8 text") from None


def _message(data: memoryview) -> Message | Refused:
    end = _string_end(data, 0, MAX_ADDRESS)
    if end is None:
        if bytes(data).find(b"\0") < 0:
            raise Malformed("the address has no terminating null")
        return Refused(short(_decode(bytes(data[:48]), "the address"), 40) + "...",
                       f"an address longer than {MAX_ADDRESS} bytes")
    address = _decode(bytes(data[:end]), "the address")
    index = _padded(end)
    if index >= len(data):
        return Message(address, [])              # no type tags: a message without arguments
    if data[index:index + 1] != b",":
        raise Malformed("the type tags do not start with ','")
    end = _string_end(data, index, MAX_ARGUMENTS * 2 + 8)
    if end is None:
        return Refused(short(address), f"more than {MAX_ARGUMENTS} arguments")
    tags = bytes(data[index + 1:end]).decode("ascii", errors="replace")
    index = _padded(end)
    unknown = sorted(set(tags) - _KNOWN_TAGS)
    if unknown:
        return Refused(short(address), f"an unsupported type tag {short(unknown[0], 4)!r}")
    if sum(1 for t in tags if t not in "[]") > MAX_ARGUMENTS:
        return Refused(short(address), f"more than {MAX_ARGUMENTS} arguments")
    args: list[Any] = []
    stack = [args]
    for tag in tags:
        if tag == "[":
            if len(stack) > MAX_ARRAY_DEPTH:
                return Refused(short(address), f"arrays nested more than {MAX_ARRAY_DEPTH} deep")
            inner: list[Any] = []
            stack[-1].append(inner)
            stack.append(inner)
            continue
        if tag == "]":
            if len(stack) < 2:
                raise Malformed("a ']' without its '[' in the type tags")
            stack.pop()
            continue
        value, index = _argument(data, index, tag, address)
        if isinstance(value, Refused):
            return value
        stack[-1].append(value)
    if len(stack) != 1:
        raise Malformed("a '[' without its ']' in the type tags")
    return Message(address, args)


def _need(data: memoryview, index: int, size: int) -> None:
    if index + size > len(data):
        raise Malformed("an argument is cut short")


def _argument(data: memoryview, index: int, tag: str, address: str) -> tuple[Any, int]:
    if tag in "TFNI":
        return {"T": True, "F": False, "N": None, "I": float("inf")}[tag], index
    if tag in "ircm":
        _need(data, index, 4)
        if tag == "i":
            return _I32.unpack_from(data, index)[0], index + 4
        if tag == "m":
            return tuple(data[index:index + 4]), index + 4
        if tag == "c":
            return chr(_U32.unpack_from(data, index)[0] & 0x10FFFF), index + 4
        return _U32.unpack_from(data, index)[0], index + 4
    if tag == "f":
        _need(data, index, 4)
        return _F32.unpack_from(data, index)[0], index + 4
    if tag in "hdt":
        _need(data, index, 8)
        if tag == "h":
            return _I64.unpack_from(data, index)[0], index + 8
        if tag == "d":
            return _F64.unpack_from(data, index)[0], index + 8
        seconds, fraction = _U32.unpack_from(data, index)[0], _U32.unpack_from(data, index + 4)[0]
        return (seconds, fraction), index + 8
    if tag in "sS":
        end = _string_end(data, index, MAX_STRING)
        if end is None:
            if bytes(data[index:]).find(b"\0") < 0:
                raise Malformed("a string argument has no terminating null")
            return Refused(short(address), f"a string argument longer than {MAX_STRING} bytes"), index
        return _decode(bytes(data[index:end]), "a string argument"), _padded(end)
    # 'b', a blob: a 32-bit size, the bytes, padding
    _need(data, index, 4)
    size = _I32.unpack_from(data, index)[0]
    index += 4
    if size < 0:
        raise Malformed("a blob has a negative size")
    if size > MAX_BLOB:
        if index + size > len(data):
            raise Malformed("a blob is cut short")
        return Refused(short(address), f"a blob longer than {MAX_BLOB} bytes"), index
    _need(data, index, size)
    return bytes(data[index:index + size]), index + ((size + 3) & ~3)
