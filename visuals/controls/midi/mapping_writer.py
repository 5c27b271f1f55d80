"""Writing a MIDI mapping back as TOML, keeping the user's comments and layout.

MIDI learn changes a mapping while the show plays; saving it must not lose what the user wrote
around the bindings.  So the file as read is kept: a replaced binding is commented out where it
stands, and new ones are appended, each under a comment saying when it was learned.  A
mapping with no text to keep is written from scratch under a short header.
"""
from __future__ import annotations

import json
import time
from typing import Any

from visuals.load.tomlfile import toml_lines
from .bindings import ActionBinding, Binding

HEADER = ("# visuals MIDI mapping: one table per control ([[cc]], [[note]], [[bend]], [[aftertouch]]).\n"
          "# Channels are 1-16; param is scene.param as 'visuals live' and 'visuals list' show it.\n"
          "# Optional keys of a [[cc]]: range = [lo, hi], curve = \"exp\", smoothing = 0.05 (s),\n"
          "# relative = \"twos\" | \"signed\" | \"offset\" with step = 0.01, bits = 14.\n")


def toml_value(v: Any) -> str:
    """A value as TOML writes it (whole floats without their '.0', as a user would)."""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return repr(int(v)) if v.is_integer() and abs(v) < 1e15 else repr(v)
    if isinstance(v, (tuple, list)):
        return "[" + ", ".join(toml_value(x) for x in v) + "]"
    return json.dumps(v, ensure_ascii=False)


def binding_toml(binding: Binding) -> str:
    """One binding as a ``[[kind]]`` table, the keys left at their defaults left out."""
    fmt = toml_value
    lines = [f"[[{binding.kind}]]", f"channel = {binding.channel}"]
    if isinstance(binding, ActionBinding):
        lines += [f"{binding.kind} = {binding.number}", f"action = {fmt(binding.action)}"]
        lines += [f"{k} = {fmt(v)}" for k, v in binding.options]
        return "\n".join(lines)
    if binding.kind == "cc":
        lines.append(f"cc = {binding.number}")
    elif binding.kind == "aftertouch" and binding.number is not None:
        lines.append(f"note = {binding.number}")
    lines.append(f"param = {fmt(binding.param)}")
    if binding.bits == 14:
        lines.append("bits = 14")
    if binding.range is not None:
        lines.append(f"range = {fmt(binding.range)}")
    if binding.curve != "linear":
        lines.append(f"curve = {fmt(binding.curve)}")
    if binding.smoothing:
        lines.append(f"smoothing = {fmt(binding.smoothing)}")
    if binding.relative:
        lines.append(f"relative = {fmt(binding.relative)}")
    if binding.step is not None:
        lines.append(f"step = {fmt(binding.step)}")
    if binding.deck != "a":
        lines.append(f"deck = {fmt(binding.deck)}")
    return "\n".join(lines)


def mapping_text(text: str | None, removed: list[Binding], added: list[Binding], bindings: list[Binding],
                 controller: str, channel: int) -> str:
    """The file to save: ``text`` (the file as read) with the ``removed`` bindings commented out
    and the ``added`` ones appended; or, when there is no text to keep (or a removed binding
    has no place in it), every binding under a fresh header."""
    if text is not None and all(b.span is not None for b in removed):
        lines = toml_lines(text)
        for b in sorted(removed, key=lambda b: b.span[0], reverse=True):
            start, end = b.span
            block = ["# replaced by MIDI learn:"] + [("# " + ln) if ln.strip() else "#" for ln in lines[start - 1:end]]
            lines[start - 1:end] = block
        out = "\n".join(lines).rstrip("\n") + "\n"
    else:
        header = [f"controller = {json.dumps(controller)}" if controller else "",
                  f"channel = {channel}" if channel != 1 else ""]
        out = HEADER + "".join(h + "\n" for h in header if h)
        added = bindings
    stamp = time.strftime("%Y-%m-%d %H:%M")
    for b in added:
        comment = f"# learned {stamp}: {b.describe()}" if b.learned else f"# {b.describe()}"
        out += f"\n{comment}\n{binding_toml(b)}\n"
    return out
