"""Shared fixtures: one headless EGL context per test session, and render helpers.

GL tests run at small sizes (160x90 and below) on Mesa's llvmpipe through EGL, so they need
no display and no GPU.
"""
from __future__ import annotations

import contextlib
import textwrap
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parent.parent


# Files that open the machine's shared devices -- the X display (Xvfb), the JACK server, the
# PulseAudio server, loopback ports, worker processes -- and that time what they do (a tone's
# capture glitches, a frame misses its deadline, when a render shares the cores).  Under
# pytest-xdist (`pytest -n auto`, as the README runs it) each of their tests runs alone on the
# machine: the other workers wait for it (`_device_turn`).  Tests are dealt out one by one
# (`--dist load` in pyproject.toml): a test must not count on another having run in its process.
SHARED_DEVICE_FILES = frozenset({
    "test_audio_follow.py", "test_audio_pulse.py", "test_farm.py", "test_live.py",
    "test_live_safety.py", "test_midi.py", "test_osc.py",
})


def uses_shared_devices(item) -> bool:
    return Path(str(item.fspath)).name in SHARED_DEVICE_FILES


def pytest_configure(config):
    """On xdist's controller: a folder for the workers' turn locks, named to them in the
    environment they inherit, removed at the end (pytest_unconfigure)."""
    import os
    import tempfile
    if getattr(config.option, "numprocesses", None) and "PYTEST_XDIST_WORKER" not in os.environ:
        os.environ["VISUALS_TEST_TURNS"] = tempfile.mkdtemp(prefix="visuals-test-turns-")


def pytest_unconfigure(config):
    import os
    import shutil
    if "PYTEST_XDIST_WORKER" not in os.environ and "VISUALS_TEST_TURNS" in os.environ:
        shutil.rmtree(os.environ.pop("VISUALS_TEST_TURNS"), ignore_errors=True)


@contextlib.contextmanager
def _device_turn(alone: bool):
    """Between xdist workers: a device test holds the machine alone, the others share it.

    A readers-writer lock on two files: a turnstile everyone passes (a device test waiting
    holds it, so no new test starts before it) and the lock proper (shared by the render
    tests, exclusive for a device test).  Without xdist there is nobody to wait for.
    """
    import fcntl
    import os
    folder = os.environ.get("VISUALS_TEST_TURNS")
    if not folder or "PYTEST_XDIST_WORKER" not in os.environ:
        yield
        return
    with open(Path(folder) / "turnstile", "a") as turnstile, open(Path(folder) / "lock", "a") as lock:
        fcntl.flock(turnstile, fcntl.LOCK_EX)
        fcntl.flock(lock, fcntl.LOCK_EX if alone else fcntl.LOCK_SH)
        fcntl.flock(turnstile, fcntl.LOCK_UN)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item, nextitem):
    """The whole of a test (its fixtures' set-up, module renders included, the call, the
    teardown) inside its turn."""
    with _device_turn(uses_shared_devices(item)):
        yield


@pytest.fixture(scope="session")
def gl():
    from visuals.render.gpu import create_headless_context
    ctx = create_headless_context()
    yield ctx
    ctx.release()


@contextlib.contextmanager
def own_headless_context():
    """A headless context of a test's own (visuals.render.gpu.headless_context: released after
    the block, the caller's context current again -- round 33's black sky frame came of a
    released context left current), or the test skipped where EGL is missing."""
    from visuals.errors import VisualsError
    from visuals.render.gpu import headless_context
    with contextlib.ExitStack() as stack:
        try:
            ctx = stack.enter_context(headless_context())
        except VisualsError as exc:  # pragma: no cover - depends on the machine
            pytest.skip(str(exc))
        yield ctx


@pytest.fixture
def search():
    from visuals.load.paths import SearchPath
    return SearchPath.build([])


def make_project(tmp_path: Path, files: dict[str, str]) -> Path:
    """Write a small user folder (scenes/*.py, shaders/*.frag) and return it."""
    for rel, text in files.items():
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(textwrap.dedent(text).lstrip("\n"))
    return tmp_path


def render_frames(ctx, show_name: str, indices, folder: Path | None = None, size=(160, 90),
                  fps=30, ssaa=1) -> dict[int, np.ndarray]:
    """Render frames by index with one renderer, in the order given; top-down RGB arrays."""
    from visuals.perform.clock import FixedClock
    from visuals.load.paths import SearchPath
    from visuals.output.pngio import gl_rows_to_image
    from visuals.load.registry import Registry
    from visuals.render.renderer import RenderConfig, Renderer
    registry = Registry(SearchPath.build([folder] if folder else []))
    show = registry.show(show_name)
    renderer = Renderer(ctx, show, registry, RenderConfig(size=size, ssaa=ssaa, fps=Fraction(fps)))
    clock = FixedClock(fps)
    out = {}
    try:
        for i in indices:
            renderer.render(clock.frame(i))
            out[i] = gl_rows_to_image(renderer.read_rgb(), size).copy()
    finally:
        renderer.release()
    return out


def render_times(ctx, show_name: str, times, fps=30, **kwargs) -> list[np.ndarray]:
    """Render the frames shown at some times (seconds)."""
    from visuals.perform.clock import FixedClock
    clock = FixedClock(fps)
    indices = [clock.frame_at(t) for t in times]
    frames = render_frames(ctx, show_name, indices, fps=fps, **kwargs)
    return [frames[i] for i in indices]


def render_held(ctx, show_name: str, t: float, size, scene: str, held: dict) -> np.ndarray:
    """A show's frame at t with some of one scene's parameters held (as `visuals still --param
    SCENE.NAME=VALUE` does), as floats: the dream's picture with one look switched, to test a
    look the dream turns on (or off) in the framing the dream gives it."""
    from visuals.load.paths import SearchPath
    from visuals.load.registry import Registry
    from visuals.output.pngio import gl_rows_to_image
    from visuals.perform.clock import FixedClock
    from visuals.render.renderer import DeckInputs, RenderConfig, Renderer
    registry = Registry(SearchPath.build([]))
    renderer = Renderer(ctx, registry.show(show_name), registry, RenderConfig(size=size, fps=Fraction(30)))
    clock = FixedClock(30)
    try:
        renderer.render(clock.frame(clock.frame_at(t)), DeckInputs(overrides={scene: held}))
        return gl_rows_to_image(renderer.read_rgb(), size).copy().astype(float)
    finally:
        renderer.release()


def drawn_variant(scene, names, **params) -> str:
    """Which one of a scene's alternative passes ``names`` its update() draws for these params
    (the scene's defaults otherwise): scenes keep costly looks in compiled variants of a pass,
    drawn only while the look is on, since on llvmpipe an untaken branch still costs."""
    counts = {}
    resources = type("R", (), {"draw_count": lambda self, name, n, instances=None: counts.__setitem__(name, n),
                               "texture": lambda self, *a, **k: None})()
    state = type("S", (), {"t": 2.0, "seed": 1, "resolution": (160, 90), "events": [], "bpm": 0,
                           "params": {**{p.name: p.default for p in scene.params}, **params}})()
    scene.update(state, resources)
    drawn = [name for name in names if counts.get(name)]
    assert len(drawn) == 1, counts
    return drawn[0]


def program_keeps_uniform(gl, vert: str, frag: str, uniform: str) -> bool:
    """Whether the program built from these sources keeps ``uniform`` active: a look compiled
    out of a pass's plain variant leaves no trace of its uniform there."""
    program = gl.program(vertex_shader=vert, fragment_shader=frag)
    try:
        return uniform in program
    finally:
        program.release()


def box_mean(a: np.ndarray, k: int) -> np.ndarray:
    """The mean over a k x k box round each pixel (edges repeated): the local level a
    pixel's detail is measured against."""
    c = np.cumsum(np.cumsum(np.pad(a, ((k // 2 + 1, k // 2), (k // 2 + 1, k // 2)), mode="edge"), 0), 1)
    return (c[k:, k:] - c[:-k, k:] - c[k:, :-k] + c[:-k, :-k]) / (k * k)

def _free_display() -> int:
    import os
    for n in range(90, 200):
        if not os.path.exists(f"/tmp/.X11-unix/X{n}") and not os.path.exists(f"/tmp/.X{n}-lock"):
            return n
    raise RuntimeError("no free X display number")


@pytest.fixture(scope="session")
def display():
    """An X display for window tests: $DISPLAY if set (CI starts Xvfb), else our own Xvfb.

    Without Xvfb the window tests are skipped, unless VISUALS_REQUIRE_DISPLAY=1 (as in CI),
    where a missing display is a failure.
    """
    import os
    import shutil
    import subprocess
    import time
    env = dict(os.environ, PYGLFW_LIBRARY_VARIANT="x11")
    if os.environ.get("DISPLAY"):
        yield env
        return
    if not shutil.which("Xvfb"):
        if os.environ.get("VISUALS_REQUIRE_DISPLAY") == "1":
            pytest.fail("Xvfb is not installed (apt install xvfb xdotool imagemagick)")
        pytest.skip("no DISPLAY and no Xvfb: window tests skipped")
    n = _free_display()
    proc = subprocess.Popen(["Xvfb", f":{n}", "-screen", "0", "1280x720x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 10
    while not os.path.exists(f"/tmp/.X11-unix/X{n}") and time.time() < deadline:
        time.sleep(0.05)
    env["DISPLAY"] = f":{n}"
    try:
        yield env
    finally:
        proc.terminate()
        proc.wait(timeout=10)
