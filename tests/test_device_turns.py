"""The test suite's own parallel run: device tests hold the machine alone (tests/conftest.py).

Under `pytest -n auto` a test of the display, JACK or PulseAudio must not share the cores with
a render (a 100 Hz tone captured beside one lit the treble band, in this project's first
parallel run).  These check the readers-writer turn between workers with two threads, each
opening the lock files as a worker would.
"""
from __future__ import annotations

import threading
import time

from conftest import SHARED_DEVICE_FILES, _device_turn, uses_shared_devices


def _waits_beside(holder_alone: bool, seconds: float, *waiters_alone: bool) -> list[float]:
    """How long each waiter (a device test if True) waits for its turn, one after another,
    while another thread's test holds its own turn for `seconds`."""
    started = threading.Event()

    def hold():
        with _device_turn(holder_alone):
            started.set()
            time.sleep(seconds)

    holder = threading.Thread(target=hold)
    holder.start()
    started.wait(5)
    waits = []
    for alone in waiters_alone:
        t0 = time.perf_counter()
        with _device_turn(alone):
            waits.append(time.perf_counter() - t0)
    holder.join()
    return waits


def _as_worker(monkeypatch, tmp_path):
    monkeypatch.setenv("VISUALS_TEST_TURNS", str(tmp_path))
    monkeypatch.setenv("PYTEST_XDIST_WORKER", "gw9")


def test_a_render_test_waits_while_a_device_test_holds_the_machine(monkeypatch, tmp_path):
    _as_worker(monkeypatch, tmp_path)
    (waited,) = _waits_beside(True, 0.6, False)
    assert waited > 0.4, f"a render test started {waited:.2f} s into a device test's turn"


def test_a_device_test_waits_for_the_renders_running_and_render_tests_share(monkeypatch, tmp_path):
    _as_worker(monkeypatch, tmp_path)
    shared, alone = _waits_beside(False, 0.6, False, True)
    assert shared < 0.2, f"two render tests did not run side by side (waited {shared:.2f} s)"
    assert alone > 0.3, f"a device test started {0.6 - alone:.2f} s before a render test ended"


def test_without_xdist_nobody_waits(monkeypatch, tmp_path):
    monkeypatch.delenv("PYTEST_XDIST_WORKER", raising=False)
    monkeypatch.setenv("VISUALS_TEST_TURNS", str(tmp_path))
    (waited,) = _waits_beside(True, 0.5, True)
    assert waited < 0.2 and not any(tmp_path.iterdir())


def test_the_device_files_named_exist_and_are_recognised(request):
    tests = request.config.rootpath / "tests"
    missing = [name for name in SHARED_DEVICE_FILES if not (tests / name).exists()]
    assert missing == [], f"SHARED_DEVICE_FILES names files that are gone: {missing}"
    assert not uses_shared_devices(request.node)
