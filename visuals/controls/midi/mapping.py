"""A MIDI mapping: the bindings of a controller, found by the control a message comes from.

Read from TOML (``mapping_file``; the format is docs/midi-mapping.md), checked against the
scenes when a live show starts (``validate``), looked up by the MIDI threads (``lookup``), edited
by MIDI learn (``learn``) and saved keeping the file's comments (``mapping_writer``).
"""
from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from visuals.errors import VisualsError
from visuals.load.paths import display_path
from visuals.load.tomlfile import TomlLocator, load_toml, parse_toml
from visuals.output.safe_output import write_file
from .bindings import CROSSFADER, ActionBinding, Binding, ControlBinding, curve_function
from .mapping_file import read_mapping
from .mapping_writer import mapping_text


class MidiMapping:
    """Bindings read from (and saved to) a TOML file; docs/midi-mapping.md has the format."""

    def __init__(self, bindings: list[Binding] | None = None, *, channel: int = 1, controller: str = "",
                 path: Path | None = None, text: str | None = None):
        self.bindings: list[Binding] = list(bindings or [])
        self.channel = channel
        self.controller = controller
        self.path = Path(path) if path is not None else None
        self.text = text                       # the file as read (kept so a save keeps its comments)
        self.removed: list[Binding] = []       # bindings replaced since the file was read
        self.specs: dict[str, Any] = {}         # 'scene.param' -> Param, once validated
        self.registry = None
        self.lock = threading.RLock()          # MIDI threads read while learn writes
        self.version = 0                       # counts learned changes (a save swaps only its own)
        self._index: dict[tuple, list[tuple[Binding, str]]] | None = None

    # -- loading ---------------------------------------------------------------------------
    @classmethod
    def load(cls, path: str | Path, registry=None) -> "MidiMapping":
        """Read a mapping file; with a registry, also check parameters and clips against it."""
        data, text = load_toml(path, "MIDI mapping")
        return cls._from_data(data, text, Path(path), registry)

    @classmethod
    def loads(cls, text: str, path: str | Path | None = None, registry=None) -> "MidiMapping":
        shown = display_path(path) if path is not None else "<mapping>"
        data = parse_toml(text, shown, "MIDI mapping")
        return cls._from_data(data, text, Path(path) if path is not None else None, registry)

    @classmethod
    def _from_data(cls, data: dict, text: str, path: Path | None, registry) -> "MidiMapping":
        shown = display_path(path) if path is not None else "<mapping>"
        bindings, channel, controller = read_mapping(data, text, shown)
        mapping = cls(bindings, channel=channel, controller=controller, path=path, text=text)
        mapping._check_conflicts()
        if registry is not None:
            mapping.validate(registry)
        return mapping

    def _check_conflicts(self) -> None:
        """A 7-bit CC bound on the LSB of a 14-bit pair would get the pair's fine steps."""
        lsbs = {(b.channel, b.number + 32): b for b in self.bindings
                if isinstance(b, ControlBinding) and b.kind == "cc" and b.bits == 14}
        for b in self.bindings:
            if b.kind == "cc" and (b.channel, b.number) in lsbs:
                pair = lsbs[(b.channel, b.number)]
                raise VisualsError(f"CC {b.number} on channel {b.channel} is the LSB of the 14-bit binding of "
                                   f"CC {pair.number}", file=self._shown(), line=b.span[0] if b.span else None,
                                   fix=f"bind another CC, or remove bits = 14 from CC {pair.number}")

    def _shown(self) -> str:
        return display_path(self.path) if self.path is not None else "<mapping>"

    def _line(self, binding: Binding, key: str | None = None, value: Any = None) -> int | None:
        if self.text is None:
            return None
        loc = TomlLocator(self.text)
        if binding.span is not None:
            return loc.key_line(binding.span, key)
        same = [b for b in self.bindings if b.kind == binding.kind]
        return loc.line(binding.kind, same.index(binding) if binding in same else 0, key, value)

    def validate(self, registry) -> None:
        """Check every parameter and clip against the scenes and shows (errors name the line)."""
        self.registry = registry
        for binding in self.bindings:
            self._resolve(binding)

    def _resolve(self, binding: Binding) -> None:
        registry = self.registry
        if registry is None:
            return
        if isinstance(binding, ControlBinding) or binding.action == "follow":
            name = binding.param if isinstance(binding, ControlBinding) else binding.option("param")
            if name == CROSSFADER or name in self.specs:
                return
            scene_name, _, param_name = name.partition(".")
            try:
                scene = registry.scene(scene_name)
                spec = scene.params.get(param_name)
            except VisualsError as err:
                raise VisualsError(f"{err.message} (in {binding.describe()})", file=self._shown(),
                                   line=self._line(binding, "param", name), fix=err.fix) from None
            if spec.dims != 1:
                raise VisualsError(f"parameter '{name}' is a {spec.kind}; a MIDI control plays one number",
                                   file=self._shown(), line=self._line(binding, "param", name),
                                   fix="bind a number parameter (float, int or bool)")
            self.specs[name] = spec
        elif binding.action == "clip":
            try:
                registry.show_named(binding.option("show"))
            except VisualsError as err:
                raise VisualsError(f"{err.message} (in {binding.describe()})", file=self._shown(),
                                   line=self._line(binding, "show", binding.option("show")), fix=err.fix) from None

    # -- lookups ---------------------------------------------------------------------------
    def _build_index(self) -> dict[tuple, list[tuple[Binding, str]]]:
        index: dict[tuple, list[tuple[Binding, str]]] = {}
        for b in self.bindings:
            if isinstance(b, ActionBinding):
                index.setdefault((b.kind, b.channel, b.number), []).append((b, "note" if b.kind == "note" else "button"))
            elif b.kind == "cc":
                if b.bits == 14:
                    index.setdefault(("cc", b.channel, b.number), []).append((b, "msb"))
                    index.setdefault(("cc", b.channel, b.number + 32), []).append((b, "lsb"))
                else:
                    index.setdefault(("cc", b.channel, b.number), []).append((b, "cc"))
            elif b.kind == "bend":
                index.setdefault(("bend", b.channel, None), []).append((b, "bend"))
            else:
                index.setdefault(("aftertouch", b.channel, b.number), []).append((b, "aftertouch"))
        return index

    def lookup(self, kind: str, channel: int, number: int | None) -> list[tuple[Binding, str]]:
        """The bindings of one control, with the role of the message ('msb', 'lsb', 'cc', ...)."""
        with self.lock:
            if self._index is None:
                self._index = self._build_index()
            return self._index.get((kind, channel, number), [])

    def range_of(self, binding: ControlBinding) -> tuple[float, float]:
        if binding.range is not None:
            return binding.range
        if binding.param == CROSSFADER:
            return 0.0, 1.0
        spec = self.specs.get(binding.param)
        if spec is not None and spec.lo is not None and spec.hi is not None:
            return float(spec.lo), float(spec.hi)
        return 0.0, 1.0

    def finish(self, binding: ControlBinding, value: float) -> float:
        """Clamp to the parameter's range (a knob range may overshoot it) and round ints and bools."""
        spec = self.specs.get(binding.param)
        if spec is not None:
            return float(spec.clamp(spec.coerce(value)))
        if binding.param == CROSSFADER:
            return min(max(value, 0.0), 1.0)
        return value

    def value_at(self, binding: ControlBinding, u: float) -> float:
        """The value of an absolute control at travel u in [0, 1], through its range and curve."""
        lo, hi = self.range_of(binding)
        shaped = curve_function(binding.curve)(min(max(u, 0.0), 1.0))
        return self.finish(binding, lo + (hi - lo) * shaped)

    # -- MIDI learn ------------------------------------------------------------------------
    def learn(self, kind: str, channel: int, number: int | None, scene: str, param: str,
              bits: int = 7) -> ControlBinding:
        """Bind a control to ``scene.param``: the control leaves its old target, and the
        parameter its old control (one knob, one parameter, as in most VJ and DAW software)."""
        target = f"{scene}.{param}"
        new = ControlBinding(kind, channel, number, target, bits=bits, learned=True)
        with self.lock:
            keep = []
            for b in self.bindings:
                pair = isinstance(b, ControlBinding) and kind == "cc" and number is not None and (
                    (b.bits == 14 and b.number + 32 == number) or (bits == 14 and b.number == number + 32))
                same_control = b.kind == kind and b.channel == channel and (b.number == number or pair)
                same_target = isinstance(b, ControlBinding) and b.param == target
                if same_control or same_target:
                    self.removed.append(b)
                else:
                    keep.append(b)
            self.bindings = keep + [new]
            self._index = None
            self.version += 1
        if self.registry is not None:
            self._resolve(new)
        return new

    # -- writing ---------------------------------------------------------------------------
    def to_text(self) -> str:
        """The file to save: the text as read with replaced bindings commented out and new ones
        appended (comments and layout kept), or a fresh file when there is nothing to keep."""
        return self._to_text()[0]

    def _to_text(self) -> tuple[str, int]:
        with self.lock:
            added = [b for b in self.bindings if b.learned]
            removed = list(self.removed)
            bindings = list(self.bindings)
            text = self.text
            version = self.version
        return mapping_text(text, removed, added, bindings, self.controller, self.channel), version

    def save(self, path: str | Path | None = None) -> Path:
        """Write the mapping (for MIDI learn); it reads back to the same bindings."""
        path = Path(path) if path is not None else self.path
        if path is None:
            raise VisualsError("no file to save the MIDI mapping to", fix="pass --mapping FILE to visuals live")
        text, version = self._to_text()
        # The text must read back: check before replacing the user's file.
        fresh = MidiMapping.loads(text, path)
        write_file(path, text.encode("utf-8"), through_links=True,
                   fix="check that the folder exists and is writable")
        with self.lock:
            if version == self.version:
                # From now on the file as written is the one to keep: its spans replace ours.
                # (When learn changed the mapping meanwhile, the next save writes both.)
                self.text, self.path, self.removed = text, path, []
                self.bindings = fresh.bindings
                self._index = None
        return path

    # -- description -----------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.bindings)

    def describe(self) -> list[str]:
        return [b.describe() for b in self.bindings]
