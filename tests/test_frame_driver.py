"""One frame driver and one time model: the live window's frames and an export's are made by the
same function from the same kind of inputs, and live frames carry the live clock's real rate.

The live player runs here in-process with a stand-in window (no display) on the headless GL
context, and a time source the test advances by hand."""
from __future__ import annotations

import json
from fractions import Fraction

import pytest

from visuals.errors import VisualsError
from visuals.load.paths import SearchPath
from visuals.load.registry import Registry
from visuals.perform.clock import LiveClock
from visuals.perform.recorder import RecordedSet
from visuals.render.mixer import Mixer
from visuals.render.renderer import RenderConfig

SIZE = (64, 36)


class FakeWindow:
    """What the player asks of its window, without a display; its monitor refreshes at 30 Hz."""

    fullscreen = False
    should_close = False

    def __init__(self, title, size, *args, **kwargs):
        self.size = size

    def framebuffer_size(self):
        return self.size

    def refresh_rate(self):
        return Fraction(30)

    def poll(self):
        return []

    def swap(self):
        pass

    def set_title(self, title):
        pass

    def destroy(self):
        pass


class FakeTime:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


@pytest.fixture
def player(gl, monkeypatch, tmp_path):
    import visuals.live.player as live
    monkeypatch.setattr(live, "Window", FakeWindow)
    monkeypatch.setattr(live.moderngl, "create_context", lambda **kwargs: gl)
    mode = gl.gc_mode
    options = live.LiveOptions(show="demo", search=SearchPath.build([]), size=SIZE, hud=False, mute=True,
                               record=tmp_path / "set.jsonl")
    p = live.LivePlayer(options)
    p.draw = lambda fbo: None
    p.fake_time = FakeTime()
    p.clock = LiveClock(p.clock.fps, p.fake_time)
    try:
        yield p
    finally:
        p.reloader.close()
        for control in p.inputs:
            control.stop()
        p.recorder.close(0.0)
        p.mixer.release()
        gl.gc_mode = mode
        gl.objects.clear()


@pytest.fixture
def driven(monkeypatch):
    """Every FrameInputs the one frame driver is asked to render."""
    asked = []
    render = Mixer.render

    def spy(self, inputs):
        asked.append(inputs)
        return render(self, inputs)
    monkeypatch.setattr(Mixer, "render", spy)
    return asked


def test_a_live_frame_and_an_exported_frame_go_through_one_driver_and_match(gl, player, driven):
    from visuals.output.export import ShowSource
    player.fake_time.now += 1.0                       # performance time 1 s exactly
    player.step()
    live_rgb = player.result.read_rgb()
    registry = Registry(SearchPath.build([]))
    source = ShowSource(gl, registry.show("demo"), registry, RenderConfig(size=SIZE, fps=Fraction(30)))
    try:
        exported = source.render(30)                  # t = 30 / 30 s
        assert len(driven) == 2, "each frame is one call of Mixer.render"
        live, export = driven
        assert (live.t, live.size, live.fps) == (export.t, export.size, export.fps) == (1.0, SIZE, Fraction(30))
        assert live.state.decks["a"].show_t == export.state.decks["a"].show_t == 1.0
        assert exported.read_rgb() == live_rgb
        assert player.current_cue() is not None and exported.top_cue().cue.label == player.current_cue().cue.label
    finally:
        source.release()


def test_live_u_frame_and_u_delta_follow_the_live_clock(player, monkeypatch):
    """Live frames used a 60 fps config whatever the window ran at: u_delta was 1/60 and
    u_frame counted 60ths of a second."""
    import visuals.render.scene_runtime as runtime
    seen = []
    standard = runtime.standard_uniforms

    def spy(prog, state, size):
        seen.append((state.frame, state.dt))
        return standard(prog, state, size)
    monkeypatch.setattr(runtime, "standard_uniforms", spy)
    player.fake_time.now += 2.0
    player.step()
    seen.clear()
    player.fake_time.now += 0.05                      # a slow frame: 50 ms after the last
    player.step()
    frame, dt = seen[0]
    assert dt == pytest.approx(0.05)
    cue = player.current_cue()
    assert frame == round(cue.local_t * 30)           # the window's 30 Hz, not 60


def test_the_set_header_records_the_live_frame_rate(player, tmp_path):
    header = json.loads(player.options.record.read_text().splitlines()[0])
    assert header["fps"] == "30"
    player.recorder.close(1.0)
    assert RecordedSet.load(player.options.record).header["fps"] == Fraction(30)


@pytest.mark.parametrize("fps", ['"fast"', "0", "true", '"1/0"'])
def test_a_bad_frame_rate_in_a_set_header_names_file_and_line(tmp_path, fps):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"visuals_set": 1, "show": "demo", "fps": %s}\n{"t": 1.0, "end": true}\n' % fps)
    with pytest.raises(VisualsError) as err:
        RecordedSet.load(path)
    assert err.value.line == 1 and "fps" in str(err.value)


def test_a_still_and_a_contact_sheet_go_through_the_driver_too(gl, driven, tmp_path):
    """A still's --param values are hands on a plain show; a sheet's captions come back with
    the frames (they were read from the renderer's last_sample)."""
    from visuals.cli import main
    from visuals.output.sheet import SheetLayout, render_sheet
    out = tmp_path / "still.png"
    assert main(["still", "demo", "--at", "1.0", "--size", "32x18", "--param", "tide.speed=2", "--out", str(out)]) == 0
    assert len(driven) == 1 and driven[0].t == 1.0 and driven[0].size == (32, 18)
    assert driven[0].state.decks["a"].overrides == {"tide": {"speed": 2.0}}
    registry = Registry(SearchPath.build([]))
    render_sheet(gl, registry.show("demo"), registry, [0.5, 1.5], SheetLayout(thumb=(32, 18), columns=2))
    assert [inputs.t for inputs in driven[1:]] == [0.5, 1.5]
