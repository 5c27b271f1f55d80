"""A live show that cannot be frozen: hostile OSC, floods of notices, values out of range, and
scene modules that never return (issue 12, the live side).

No test here measures speed; benchmarks/live_soak.py does (frame times and memory under a
flood and reloads, against a quiet run).
"""
from __future__ import annotations

import json
import logging
import os
import shutil
import signal
import socket
import struct
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pythonosc.osc_message_builder import OscMessageBuilder

from conftest import make_project
from test_osc import Harness
from visuals.controls.events import (BeatSync, Crossfade, RecallPreset, SetParam, SetTempo, TouchAt, Transport,
                                     Trigger)
from visuals.controls.limits import TRIGGER_RANGE, Refused, checked
from visuals.controls.osc.wire import MAX_ADDRESS, MAX_ARGUMENTS, MAX_STRING, Malformed, read_datagram
from visuals.load.paths import SearchPath
from visuals.load.registry import Registry


@pytest.fixture
def registry():
    return Registry(SearchPath.build([]))


@pytest.fixture
def osc(registry):
    harness = Harness(registry)
    yield harness
    harness.close()


def _pad(data: bytes) -> bytes:
    return data + b"\0" * (4 - len(data) % 4)


def _message(address: bytes, tags: bytes = b",", payload: bytes = b"") -> bytes:
    return _pad(address) + _pad(tags) + payload


def _bundle(*elements: bytes) -> bytes:
    return b"#bundle\0" + b"\0" * 7 + b"\1" + b"".join(struct.pack(">i", len(e)) + e for e in elements)


# -- the HUD draws a bounded image -----------------------------------------------------------
def test_the_hud_image_is_bounded_whatever_the_text(gl):
    from visuals.render.gpu import ProgramCache
    from visuals.live.hud import MAX_LINES, MAX_WIDTH, Hud, HudContent
    hud = Hud(gl, ProgramCache(gl, SearchPath.build([])))
    long = "OSC: unknown address /" + "x" * 30000 + "; ignored"
    hud.update(HudContent(title="visuals - demo", status=["60 fps"], events=[long] * 6,
                          errors=[long, "a\nb\tc\x00d " * 4000] + ["another error"] * 50))
    width, height = hud.texture.size
    assert width <= MAX_WIDTH and height <= 10 + hud.line_height * MAX_LINES
    lines = hud._last
    assert all(len(text) <= 120 for text, _ in lines)
    assert all(text.isprintable() for text, _ in lines)
    assert any("more errors" in text for text, _ in lines)


def test_the_hud_redraws_changed_text_a_few_times_a_second_not_every_frame(gl):
    from visuals.render.gpu import ProgramCache
    from visuals.live.hud import Hud, HudContent
    hud = Hud(gl, ProgramCache(gl, SearchPath.build([])))
    draws = []
    original = hud.texture
    hud.update(HudContent(title="t", status=["frame 0"]))
    first = hud._last
    for i in range(1, 50):                  # a status line that changes every frame
        hud.update(HudContent(title="t", status=[f"frame {i}"]))
        draws.append(hud._last is not first)
    assert original is None and not any(draws), "changed within the redraw interval: not redrawn"
    hud.update(HudContent(title="t", status=["frame 50"]), force=True)
    assert hud._last[1][0] == "frame 50"


def test_a_flood_of_notices_reaches_the_hud_as_a_few_lines():
    from visuals.live.hud import NoticeGate
    now = [100.0]
    shown: list[str] = []
    gate = NoticeGate(shown.append, per_second=4, clock=lambda: now[0])
    for i in range(1000):
        gate(f"OSC: unknown address /x{i}; ignored")
        now[0] += 0.0005                    # 1000 notices in half a second
    assert len(shown) == 4
    now[0] += 1.0
    gate.flush()
    assert len(shown) == 5 and "/x999" in shown[-1] and "996 more like this" in shown[-1], shown[-1]
    gate.flush()
    assert len(shown) == 5                  # nothing left to say


# -- what the OSC layer accepts ---------------------------------------------------------------
def test_a_30000_byte_address_is_refused_in_one_short_notice(osc):
    osc.send_raw(_message(b"/" + b"x" * 30000))
    osc.send_raw(_message(b"/visuals/" + b"y" * 30000, b",f", struct.pack(">f", 1.0)))
    assert osc.settle() == []
    assert osc.server.rejected == 2 and osc.server.malformed == 0
    assert len(osc.notices) == 1, osc.notices         # one key for every refusal: one notice a second
    assert f"an address longer than {MAX_ADDRESS} bytes" in osc.notices[0] and len(osc.notices[0]) < 200
    assert osc.one("/visuals/tide/speed", 1.0).value == 1.0


@pytest.mark.parametrize("data, said", [
    (_message(b"/visuals/preset", b",s", _pad(b"p" * 1000)), f"a string argument longer than {MAX_STRING} bytes"),
    (_message(b"/visuals/tide/speed", b"," + b"f" * 40, struct.pack(">f", 1.0) * 40),
     f"more than {MAX_ARGUMENTS} arguments"),
    (_message(b"/visuals/tide/speed", b",f" + b"i" * 17, struct.pack(">f", 1.0) + b"\0\0\0\1" * 17),
     f"more than {MAX_ARGUMENTS} arguments"),
    (_message(b"/visuals/tide/speed", b",fx", struct.pack(">f", 1.0) * 2), "unsupported type tag 'x'"),
    (_message(b"/visuals/tide/speed", b",b", struct.pack(">i", 4000) + b"\0" * 4000), "a blob longer than"),
])
def test_messages_past_a_limit_are_refused_and_said_once(osc, caplog, data, said):
    with caplog.at_level(logging.DEBUG):
        for _ in range(50):
            osc.send_raw(data)
        assert osc.settle() == []
    assert osc.server.rejected == 50 and len(osc.notices) == 1 and said in osc.notices[0], osc.notices
    assert not caplog.records, "nothing logged (python-osc warned once per unknown type tag)"


def test_bundles_nested_too_deep_are_malformed_and_the_rest_of_a_bundle_applies(osc):
    valid = _message(b"/visuals/tide/speed", b",f", struct.pack(">f", 2.0))
    deep = valid
    for _ in range(6):
        deep = _bundle(deep)
    osc.send_raw(deep)
    assert osc.settle() == [] and osc.server.malformed == 1
    assert "nested more than 4 deep" in osc.notices[-1]
    osc.send_raw(_bundle(_message(b"/" + b"z" * 400), valid))          # one refused, one applied
    events = osc.settle()
    assert [e.value for e in events] == [2.0] and osc.server.rejected == 2


def test_the_wire_reader_agrees_with_python_osc_on_well_formed_messages():
    builder = OscMessageBuilder("/visuals/tide/colour_a")
    for value, tag in ((0.5, "f"), (3, "i"), (2.5, "d"), ("#ff0000", "s"), (b"\1\2", "b"), (True, "T"),
                       (False, "F"), (None, "N"), (2 ** 40, "h")):
        builder.add_arg(value, tag)
    builder.add_arg([1.0, [2, 3]])
    (message,), refused = read_datagram(builder.build().dgram)
    assert refused == [] and message.address == "/visuals/tide/colour_a"
    assert message.args == [0.5, 3, 2.5, "#ff0000", b"\1\2", True, False, None, 2 ** 40, [1.0, [2, 3]]]
    for broken in (b"", b"/ab", b"/abc\0\0\0\0ff\0\0", b"#bundle\0\0\0\0\0", b"/a\0\0,[f\0\0\0\0\0"):
        with pytest.raises(Malformed):
            read_datagram(broken)


def test_a_flood_of_different_unknown_addresses_collapses(registry):
    harness = Harness(registry, notice_interval=0.2)
    try:
        for i in range(2000):
            harness.send(f"/visuals/nowhere{i}/x", 1.0)
        harness.settle(timeout=20)
        time.sleep(1.2)                     # the notices' one-second budget starts again
        harness.server.poll(time.perf_counter())
        assert len(harness.notices) <= 12, harness.notices
        assert any("more like this" in n for n in harness.notices), harness.notices
    finally:
        harness.close()


# -- values in range -------------------------------------------------------------------------
def test_a_huge_trigger_over_osc_is_clamped_and_nan_refused(osc):
    def double(address: str, *values: float) -> list:
        osc.send_raw(_build(address, [(v, "d") for v in values]))
        return osc.settle()
    assert double("/visuals/trigger/glitch", 1e308) == [Trigger(name="glitch", value=TRIGGER_RANGE[1])]
    assert "clamped" in osc.notices[-1]
    for bad in (float("nan"), float("inf"), float("-inf")):
        assert double("/visuals/trigger/glitch", bad) == []
    assert double("/visuals/crossfade", 0.5, 1e308)[0].smoothing == 60.0
    assert osc.one("/visuals/preset", "a", 1e30).morph == 60.0


@pytest.mark.parametrize("event, expected", [
    (Trigger(name="glitch", value=1e308), Trigger(name="glitch", value=60.0)),
    (Trigger(name="loop", value=-3.0), Trigger(name="loop", value=0.0)),
    (SetParam(scene="tide", param="speed", value=1e308), SetParam(scene="tide", param="speed", value=4.0)),
    (SetParam(scene="tide", param="speed", value=2.0, smoothing=1e9),
     SetParam(scene="tide", param="speed", value=2.0, smoothing=60.0)),
    (SetParam(scene="nosuch", param="x", value=-1e300), SetParam(scene="nosuch", param="x", value=-1e6)),
    (SetTempo(bpm=1e308), SetTempo(bpm=400.0)),
    (TouchAt(x=-5.0, y=2.0, strength=9.0), TouchAt(x=0.0, y=1.0, strength=1.0)),
    (Crossfade(value=3.0, smoothing=-1.0), Crossfade(value=1.0, smoothing=0.0)),
    (Transport(op="speed", value=1e308), Transport(op="speed", value=16.0)),
    (Transport(op="seek", value=-4.0), Transport(op="seek", value=0.0)),
    (RecallPreset(name="a", morph=1e308), RecallPreset(name="a", morph=60.0)),
])
def test_every_event_is_clamped_before_it_plays_or_is_recorded(registry, event, expected):
    """The guard the live player puts between every input (MIDI mappings included) and the
    performance and set file."""
    registry.show("demo")
    out, notes = checked(event, registry)
    assert out == expected and notes


@pytest.mark.parametrize("event", [
    Trigger(name="glitch", value=float("nan")), Trigger(name="glitch", value=float("inf")),
    SetParam(scene="tide", param="speed", value=float("nan")),
    SetParam(scene="tide", param="colour_a", value=(1.0, float("inf"), 0.0)),
    SetTempo(bpm=float("nan")), TouchAt(x=float("nan")), Crossfade(value=float("-inf")),
    Transport(op="nudge", value=float("nan")), BeatSync(beat=float("inf")),
    RecallPreset(name="a", morph=float("nan")),
])
def test_nan_and_inf_are_refused(registry, event):
    registry.show("demo")
    with pytest.raises(Refused):
        checked(event, registry)


# -- fuzz: whatever arrives, no exception escapes and the state stays in range --------------
def _addresses(registry) -> list[str]:
    from visuals.controls.osc.addresses import address_space
    show = registry.show("demo")
    out = [a.replace("<name>", "glitch").replace("<scene>/<param>", "tide/speed") for a, _, _ in
           address_space(registry, show)]
    return out + ["/visuals/trigger/loop", "/visuals", "/", "/visuals/tide", "/visuals/deck/b/tide/speed"]


_ARG = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True).map(lambda v: (v, "d")),
    st.floats(width=32, allow_nan=True, allow_infinity=True).map(lambda v: (v, "f")),
    st.integers(-2 ** 31, 2 ** 31 - 1).map(lambda v: (v, "i")),
    st.integers(-2 ** 63, 2 ** 63 - 1).map(lambda v: (v, "h")),
    st.text(max_size=300).filter(lambda s: "\0" not in s).map(lambda v: (v, "s")),
    st.binary(max_size=1500).map(lambda v: (v, "b")),
    st.sampled_from([(True, "T"), (False, "F"), (None, "N")]),
)


_NUMBER = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True).map(lambda v: (v, "d")),
    st.sampled_from([0.0, 0.5, 1.0, -1.0, 2.0, 9.0, 1e308, -1e308, 1e-300, 3.4e38]).map(lambda v: (v, "d")),
    st.integers(-3, 300).map(lambda v: (v, "i")),
)


def _build(address: str, args: list) -> bytes:
    """An OSC message written by hand (python-osc's builder refuses some values a sender can send)."""
    tags, payload = ",", b""
    for value, tag in args:
        tags += tag
        if tag == "d":
            payload += struct.pack(">d", value)
        elif tag == "f":
            payload += struct.pack(">f", value)
        elif tag == "i":
            payload += struct.pack(">i", value)
        elif tag == "h":
            payload += struct.pack(">q", value)
        elif tag == "s":
            payload += _pad(value.encode("utf-8"))
        elif tag == "b":
            payload += struct.pack(">i", len(value)) + value + b"\0" * (-len(value) % 4)
    return _pad(address.encode("utf-8")) + _pad(tags.encode()) + payload


class _Fuzz:
    """The server's own datagram handler, called synchronously, then its render-thread part."""

    def __init__(self):
        from visuals.perform.performance import Performance
        self.harness = Harness(Registry(SearchPath.build([])))
        self.addresses = _addresses(self.harness.registry)
        self.performance = Performance(self.harness.show, load_show=self.harness.registry.show)
        self.t = 0.0

    def feed(self, data: bytes) -> None:
        server = self.harness.server
        server._packet(data, ("127.0.0.1", 9))
        server.poll(time.perf_counter())
        for event, _arrived in self.harness.bus.drain():
            out, notes = checked(event, self.harness.registry)       # raises Refused if not finite
            assert not notes, (event, notes)                         # OSC clamped it already
            self.t += 0.01
            self.performance.apply(out, self.t)
        self.check_state()

    def check_state(self) -> None:
        pf = self.performance
        assert 0.0 <= pf.crossfade.value(self.t) <= 1.0
        for _t, trigger in pf.triggers:
            assert TRIGGER_RANGE[0] <= trigger.value <= TRIGGER_RANGE[1]
        for deck in pf.decks.values():
            assert 0.0 <= deck.transport.speed <= 16.0
            for (scene, name), smoothed in deck.params.items():
                param = self.harness.registry.scenes[scene].params.get(name)
                value = smoothed.value(self.t)
                assert param.in_range(value), (scene, name, value)
        if pf.tempo.bpm:
            assert 20.0 <= pf.tempo.bpm <= 400.0


@pytest.fixture(scope="module")
def fuzz():
    state = _Fuzz()
    yield state
    state.harness.close()


_ADDRESSES = _addresses(Registry(SearchPath.build([])))
_ADDRESS = st.one_of(st.sampled_from(_ADDRESSES), st.sampled_from(_ADDRESSES), st.sampled_from(_ADDRESSES),
                     st.text(min_size=1, max_size=80).filter(lambda s: "\0" not in s).map(lambda s: "/" + s))
_ARGS = st.one_of(st.lists(_NUMBER, max_size=4), st.lists(_ARG, max_size=5))
_WELL_FORMED = st.tuples(_ADDRESS, _ARGS, st.integers(0, 5))
_FUZZ = settings(max_examples=1500, derandomize=True, deadline=None, database=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


@_FUZZ
@given(case=_WELL_FORMED)
def _feed_well_formed(fuzz, case):
    address, args, depth = case
    datagram = _build(address, args)
    for _ in range(depth):
        datagram = _bundle(datagram)
    fuzz.feed(datagram)


_MUTATION = st.tuples(st.sampled_from(_ADDRESSES), _ARGS, st.booleans(),
                      st.lists(st.tuples(st.integers(0, 10 ** 6), st.integers(0, 255)), min_size=1, max_size=6),
                      st.one_of(st.none(), st.integers(0, 10 ** 6)))


@_FUZZ
@given(case=st.one_of(st.binary(max_size=600), _MUTATION))
def _feed_raw_and_mutated(fuzz, case):
    if isinstance(case, bytes):
        fuzz.feed(case)
        return
    address, args, bundled, flips, cut = case
    data = bytearray(_build(address, args))
    if bundled:
        data = bytearray(_bundle(bytes(data)))
    for position, value in flips:
        data[position % len(data)] = value
    fuzz.feed(bytes(data if cut is None else data[:cut % (len(data) + 1)]))


def _fuzzed_without_an_escape(fuzz, feed, **at_least) -> None:
    """Run one fuzzing of the server, then check it is still running, said nothing of a
    message it could not handle, and took every path often: ``at_least`` of its counters
    (applied, rejected, malformed) rose by at least so much over this run.  (Each test checks
    its own run: under `pytest -n auto` two tests of a file may run in different workers.)"""
    server = fuzz.harness.server
    before = {name: getattr(server, name) for name in at_least}
    feed(fuzz)
    assert server.running
    assert not any("could not be" in n for n in fuzz.harness.notices), fuzz.harness.notices
    rose = {name: getattr(server, name) - before[name] for name in at_least}
    assert all(rose[name] >= least for name, least in at_least.items()), rose


def test_fuzz_well_formed_messages(fuzz):
    _fuzzed_without_an_escape(fuzz, _feed_well_formed, applied=100, rejected=1000, malformed=100)


def test_fuzz_raw_and_mutated_datagrams(fuzz):
    _fuzzed_without_an_escape(fuzz, _feed_raw_and_mutated, rejected=1000, malformed=800)



# -- in the live window ----------------------------------------------------------------------
needs_window = pytest.mark.skipif(not shutil.which("xdotool") or not shutil.which("import"),
                                  reason="window tests need xdotool and imagemagick")

SOLID = """
    #version 330 core
    out vec4 c;
    void main() {{ c = vec4({colour}, 1.0); }}
    """
SOLID_PY = "from visuals import Scene, Pass\nsolid = Scene('solid', [Pass('solid.frag')])\n"
# The endless loop on one line, so the line a stack dump names does not depend on the moment
# (with the body on its own line, the loop test or the body may be running).
HANGS = "import math\n\nwhile True: math.sqrt(2.0)\n"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _solid_project(root: Path, colour: str = "0.0, 0.5, 1.0") -> Path:
    return make_project(root, {"scenes/solid.py": SOLID_PY, "scenes/solid.frag": SOLID.format(colour=colour)})


def _save(path: Path, text: str) -> None:
    """A save the reloader sees as one: a new mtime even on a coarse clock."""
    time.sleep(1.1)
    path.write_text(text)


@needs_window
def test_a_hostile_osc_packet_neither_stalls_the_show_nor_takes_memory(display, tmp_path):
    """A 30 000-byte address froze the show 18 s and took 4.7 GB: the HUD drew all of it."""
    from test_live import Live
    port = _free_port()
    record = tmp_path / "set.jsonl"
    player = Live(display, tmp_path, "demo", "--osc", f"127.0.0.1:{port}", "--size", "160x90",
                  "--record", str(record))
    try:
        sender = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        sender.sendto(_message(b"/" + b"x" * 30000), ("127.0.0.1", port))
        for i in range(300):                          # and a flood of different bad ones
            sender.sendto(_message(f"/visuals/nowhere{i}/x".encode(), b",f", b"\0\0\0\0"), ("127.0.0.1", port))
        sender.sendto(_build("/visuals/trigger/glitch", [(1e308, "d")]), ("127.0.0.1", port))
        sender.sendto(_build("/visuals/trigger/glitch", [(float("nan"), "d")]), ("127.0.0.1", port))
        status = player.wait_for(lambda s: any(f"longer than {MAX_ADDRESS} bytes" in e for e in s["events"]))
        frame = status["frame"]
        status = player.wait_for(lambda s: s["frame"] >= frame + 30)     # still drawing
        assert all(len(e) <= 480 for e in status["events"]), status["events"]
        assert _rss_mb(player.proc.pid) < 600
    finally:
        assert player.close() == 0
    events = [json.loads(line) for line in record.read_text().splitlines()]
    triggers = [e["event"] for e in events if "event" in e and e["event"]["kind"] == "trigger"]
    assert [t["value"] for t in triggers] == [TRIGGER_RANGE[1]], triggers


@needs_window
def test_a_scene_module_that_never_returns_keeps_the_show_playing(display, tmp_path):
    from test_live import Live
    project = _solid_project(tmp_path / "project")
    # (6 s, not less: the probe of the FIXED module starts a fresh interpreter, which on a loaded
    # 2-core host took over 2 s and read as a second hang)
    env = dict(display, VISUALS_MODULE_TIMEOUT="6")
    player = Live(env, tmp_path, "solid", "--size", "160x90", "--no-hud", "--no-record", name="solid",
                  options=("--path", str(project)))
    try:
        blue = player.shot()
        _save(project / "scenes" / "solid.py", HANGS)
        status = player.wait_for(lambda s: s["errors"], timeout=30)
        assert "solid.py:3: scene module did not finish loading within 6 s" in status["errors"][0], status["errors"]
        frame = status["frame"]
        player.wait_for(lambda s: s["frame"] >= frame + 30)
        assert np.array_equal(player.shot(), blue), "the last good show plays on"
        _save(project / "scenes" / "solid.frag", SOLID.format(colour="1.0, 0.5, 0.0"))
        _save(project / "scenes" / "solid.py", SOLID_PY)                # fixed: it reloads
        player.wait_for(lambda s: not s["errors"] and s["reloads"] >= 1, timeout=30)
        player.settle()
        assert np.abs(player.shot()[45, 80] - [255, 128, 0]).max() <= 2
    finally:
        player.proc.send_signal(signal.SIGTERM)
        assert player.proc.wait(timeout=5) == 0


def _probes_running(marker: str) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                cmdline = (entry / "cmdline").read_bytes().decode(errors="replace")
            except OSError:
                continue
            if "visuals.load.probe" in cmdline and marker in cmdline:
                found.append(int(entry.name))
    return found


@needs_window
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_ctrl_c_and_sigterm_end_the_show_while_a_module_check_runs(display, tmp_path, sig):
    from test_live import Live
    project = _solid_project(tmp_path / "project")
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    env = dict(display, VISUALS_MODULE_TIMEOUT="120", TMPDIR=str(scratch))
    player = Live(env, tmp_path, "solid", "--size", "160x90", "--no-hud", "--no-record", name="solid",
                  options=("--path", str(project)))
    _save(project / "scenes" / "solid.py", HANGS)
    player.wait_for(lambda s: s["reloading"] and s["module_checks"] >= 1)
    assert _probes_running(str(scratch)), "the check runs in a child process"
    player.proc.send_signal(sig)
    assert player.proc.wait(timeout=5) == 0
    deadline = time.time() + 5
    while _probes_running(str(scratch)) and time.time() < deadline:
        time.sleep(0.05)
    assert not _probes_running(str(scratch)), "the check ended with the show"
    assert list(scratch.iterdir()) == [], "and its payload file was removed"


STUCK = """
    from visuals import Scene, Pass

    class Stuck(Scene):
        def update(self, state, resources):
            while state.t > 1.0:
                pass
            return {}

    stuck = Stuck("stuck", [Pass("solid.frag")])
    """


@needs_window
def test_sigterm_ends_a_show_stuck_in_a_scenes_own_code(display, tmp_path):
    from test_live import Live
    project = make_project(tmp_path / "project", {"scenes/stuck.py": STUCK,
                                                  "scenes/solid.frag": SOLID.format(colour="0.2, 0.9, 0.4")})
    player = Live(display, tmp_path, "stuck", "--size", "160x90", "--no-hud", "--no-record", name="stuck",
                  options=("--path", str(project)))
    player.wait_for(lambda s: s["perf_time"] > 1.2 or s["time"] > 0.9, timeout=20)
    time.sleep(0.5)                                   # inside the endless update now
    player.proc.send_signal(signal.SIGTERM)
    assert player.proc.wait(timeout=5) == 0
    assert "did not stop within" in player.proc.stderr.read()


def test_a_module_that_never_returns_at_start_is_one_line_and_exit_2(tmp_path):
    project = make_project(tmp_path / "project", {"scenes/hang.py": HANGS})
    env = dict(os.environ, VISUALS_MODULE_TIMEOUT="1")
    proc = subprocess.run([sys.executable, "-m", "visuals", "--path", str(project), "live", "hang", "--no-record"],
                          env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "hang.py:3: scene module did not finish loading within 1 s" in lines[0], proc.stderr
    assert "VISUALS_MODULE_TIMEOUT" in lines[0]


def test_a_mixer_released_leaves_no_gl_object_behind(gl):
    """A module reload makes a new mixer: each one left a texture behind (0.2 MB at 320x180;
    a soak of reloads grew by megabytes)."""
    import gc
    from fractions import Fraction
    from visuals.render.gpu import ProgramCache
    from visuals.render.frame import FrameInputs
    from visuals.render.mixer import Mixer
    from visuals.perform.view import TimelineView
    from visuals.perform.performance import Performance
    from visuals.render.renderer import RenderConfig
    registry = Registry(SearchPath.build([]))
    show = registry.show("demo")
    programs = ProgramCache(gl, SearchPath.build([]))
    mode = gl.gc_mode
    gl.gc_mode = "context_gc"
    try:
        gl.objects.clear()
        performance = Performance(show, view=TimelineView(registry))
        for _ in range(3):
            mixer = Mixer(gl, registry, RenderConfig(size=(64, 36), fps=Fraction(60), exact=False),
                          programs=programs, resilient=True)
            mixer.render(FrameInputs(0, performance.frame(4.5), (64, 36), Fraction(60)))
            mixer.release()
            del mixer
            gc.collect()
        leaked = [type(o).__name__ for o in gl.objects if hasattr(o, "release")]
        assert leaked == [], leaked
    finally:
        gl.objects.clear()
        gl.gc_mode = mode


def test_a_presets_values_are_checked_too(registry):
    """A presets file is TOML, which has nan and inf: what a recall plays is checked as well."""
    registry.show("demo")
    event = RecallPreset(name="p", values={"tide": {"speed": float("nan"), "bands": 1e308, "pulse": 0.5},
                                           "rings": {"count": float("inf")}})
    out, notes = checked(event, registry)
    assert out.values == {"tide": {"bands": 12.0, "pulse": 0.5}, "rings": {}}
    assert len(notes) == 3


def test_a_midi_clock_gone_wild_is_clamped_by_the_guard():
    """MIDI events are not clamped where they are made (a clock's pulses 0.1 ms apart estimate
    thousands of bpm): the guard every event passes on the render thread clamps them."""
    from visuals.controls.midi.clock import MidiClock
    clock = MidiClock()
    events = []
    for i in range(30):
        events += clock.feed("clock", 10.0 + i * 1e-4)
    tempos = [e for e in events if isinstance(e, SetTempo)]
    assert tempos and tempos[-1].bpm > 10_000
    out, notes = checked(tempos[-1])
    assert out.bpm == 400.0 and out.source == "midi" and "clamped" in notes[0]
