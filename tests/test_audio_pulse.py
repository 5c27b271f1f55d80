"""Live sound input through a real sound server: a PulseAudio null sink whose monitor is the
capture device, fed by ``paplay`` (the room, in a test).

The server is CI's (.ci/run starts one and exports PULSE_SERVER / VISUALS_PULSE_SINK) or one
this session starts with a private runtime folder.  Without pulseaudio these tests are
skipped, unless VISUALS_REQUIRE_PULSE=1 (as in CI), where a missing server fails them.
Captures run in subprocesses: PortAudio lists devices once per process, at its start.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import pytest
from audio_helpers import tone


def _pactl_ok(env) -> bool:
    try:
        return subprocess.run(["pactl", "info"], env=env, capture_output=True, timeout=10).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


@pytest.fixture(scope="session")
def pulse():
    """Environment (for subprocesses) of a PulseAudio server with a null sink as default sink,
    and its monitor as default source."""
    required = os.environ.get("VISUALS_REQUIRE_PULSE") == "1"

    def unavailable(why):
        if required:
            pytest.fail(f"{why} (VISUALS_REQUIRE_PULSE=1)")
        pytest.skip(why)
    if not shutil.which("pulseaudio") or not shutil.which("pactl") or not shutil.which("paplay"):
        unavailable("pulseaudio / pulseaudio-utils are not installed: live sound tests skipped")
    env = dict(os.environ)
    if os.environ.get("VISUALS_PULSE_SINK") and _pactl_ok(env):
        yield env
        return
    runtime = tempfile.mkdtemp(prefix="visuals-pulse-")
    env.update(XDG_RUNTIME_DIR=runtime, HOME=runtime, VISUALS_PULSE_SINK="visuals_test")
    env.pop("PULSE_SERVER", None)
    log = open(Path(runtime) / "pulse.log", "wb")
    # -n: no default script (no hardware modules to probe); the native protocol for clients,
    # and a null sink: what is played into it comes out of its monitor source.
    proc = subprocess.Popen(["pulseaudio", "-n", "--daemonize=no", "--exit-idle-time=-1", "--disallow-exit",
                             "--load=module-native-protocol-unix auth-anonymous=1",
                             "--load=module-null-sink sink_name=visuals_test"],
                            env=env, stdout=log, stderr=log)
    deadline = time.time() + 15
    while time.time() < deadline and not _pactl_ok(env):
        if proc.poll() is not None:
            break
        time.sleep(0.1)
    if not _pactl_ok(env):
        proc.kill()
        proc.wait()
        unavailable(f"pulseaudio did not start: {(Path(runtime) / 'pulse.log').read_text(errors='replace')[-300:]}")
    subprocess.run(["pactl", "set-default-sink", "visuals_test"], env=env, check=True)
    subprocess.run(["pactl", "set-default-source", "visuals_test.monitor"], env=env, check=True)
    try:
        yield env
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        shutil.rmtree(runtime, ignore_errors=True)


CAPTURE = textwrap.dedent('''
    import json, subprocess, sys, time
    from visuals.audio.live_input import LiveAnalyser, find_input
    analyser = LiveAnalyser(find_input("pulse"))
    player = subprocess.Popen(["paplay", sys.argv[1]])
    start, lit, steady = time.perf_counter(), None, None
    while time.perf_counter() - start < 12 and steady is None:
        now = time.perf_counter()
        frame = analyser.frame_at(now)
        if frame.values["level"] > 0.5 and lit is None:
            lit = now
        if lit is not None and now - lit > 0.5:
            steady = frame.values
        time.sleep(1 / 30)
    player.wait()
    analyser.close()
    print(json.dumps({"steady": steady, "first_data": analyser.first_data and analyser.first_data - start}))
''')


@pytest.mark.parametrize("freq, band", [(100.0, "bass"), (1000.0, "lowmid"), (9000.0, "treble")])
def test_a_tone_played_into_the_null_sink_lights_its_band_and_not_the_others(pulse, tmp_path, freq, band):
    wav = tone(tmp_path / "tone.wav", freq, seconds=4.0)
    proc = subprocess.run([sys.executable, "-c", CAPTURE, str(wav)], env=pulse, capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 0, proc.stderr
    steady = json.loads(proc.stdout.strip().splitlines()[-1])["steady"]
    assert steady is not None, "the tone never reached the capture"
    assert steady[band] > 0.7, steady
    for other in ("bass", "lowmid", "highmid", "treble"):
        if other != band:
            assert steady[other] < 0.15, (other, steady)


def test_audio_list_shows_the_server_and_says_when_there_is_none(pulse, tmp_path):
    listed = subprocess.run([sys.executable, "-m", "visuals", "audio", "--list"], env=pulse, capture_output=True,
                            text=True, timeout=60)
    assert listed.returncode == 0 and "pulse" in listed.stdout, listed.stdout
    # no sound server of any kind: no PulseAudio at that socket, no JACK server by that name
    # (and libjack told not to start one), as on a machine with no sound at all
    nobody = dict(pulse, XDG_RUNTIME_DIR=str(tmp_path), PULSE_SERVER=f"unix:{tmp_path}/none",
                  JACK_DEFAULT_SERVER=f"visuals-none-{tmp_path.name}", JACK_NO_START_SERVER="1")
    empty = subprocess.run([sys.executable, "-m", "visuals", "audio", "--list"], env=nobody, capture_output=True,
                           text=True, timeout=60)
    assert empty.returncode == 0 and "(none: " in empty.stdout, empty.stdout


def _live(env, tmp_path, *args):
    status = tmp_path / "status.json"
    proc = subprocess.Popen([sys.executable, "-m", "visuals", "live", "demo", "--size", "160x90", "--no-record",
                             "--status", str(status), *args], env=env, cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return proc, status


def _statuses(proc, status, seconds):
    deadline = time.time() + seconds
    while time.time() < deadline and proc.poll() is None:
        try:
            yield json.loads(status.read_text())
        except (OSError, ValueError):
            pass
        time.sleep(0.05)


def test_live_hears_the_room_and_shows_its_levels(pulse, display, tmp_path):
    env = dict(pulse, **{k: v for k, v in display.items() if k in ("DISPLAY", "PYGLFW_LIBRARY_VARIANT")})
    wav = tone(tmp_path / "tone.wav", 1000.0, seconds=10.0)
    proc, status = _live(env, tmp_path, "--audio-in", "pulse", "--mute")
    try:
        player = None
        heard = None
        for s in _statuses(proc, status, 60):
            if player is None and s["frame"] > 3:
                player = subprocess.Popen(["paplay", str(wav)], env=env)
            line = next((i for i in s["inputs"] if i.startswith("audio in:")), "")
            words = line.replace("audio in:", "").split()
            levels = {k: float(v) for k, v in zip(words[::2], words[1::2])}
            if levels.get("lowmid", 0) >= 0.85 and levels.get("level", 0) >= 0.85:
                heard = levels                     # the tone heard, and its band alone once it settles
                if levels["bass"] < 0.1 and levels["highmid"] < 0.1 and levels["treble"] < 0.1:
                    break                          # (a dropout on a loaded machine is a brief click)
        assert heard is not None, proc.stderr.read() if proc.poll() is not None else "no level on the HUD"
        assert heard["bass"] < 0.1 and heard["highmid"] < 0.1 and heard["treble"] < 0.1, heard
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        if player is not None:
            player.kill()
            player.wait()


def test_live_without_the_device_says_so_once_and_plays_on(display, tmp_path):
    # (the display fixture's environment already holds CI's PULSE_SERVER: override it, in a merge)
    env = {**os.environ, **display, "XDG_RUNTIME_DIR": str(tmp_path), "PULSE_SERVER": f"unix:{tmp_path}/none"}
    proc, status = _live(env, tmp_path, "--audio-in", "no-such-device", "--frames", "30", "--mute")
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("visuals: note: no sound input (no sound input device"), err
    assert json.loads(status.read_text())["frame"] == 30


def test_live_plays_the_shows_score_in_step_with_the_picture(pulse, display, tmp_path):
    """`visuals live dream` plays its score into the default sink (the null sink here): the
    HUD says where the score is, within a frame or two of the picture's time, and what the
    sink's monitor hears is not silence."""
    env = dict(pulse, **{k: v for k, v in display.items() if k in ("DISPLAY", "PYGLFW_LIBRARY_VARIANT")})
    proc = subprocess.Popen([sys.executable, "-m", "visuals", "live", "dream", "--size", "160x90", "--no-record",
                             "--start", "100", "--status", str(tmp_path / "status.json")],
                            env=env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        playing = None
        for s in _statuses(proc, tmp_path / "status.json", 90):
            line = next((i for i in s["inputs"] if "score: playing at" in i), None)
            if line is not None:
                at = float(line.split("score: playing at")[1].split()[0])
                # (past the first second: the first frames compile and bake the Serenes' row,
                # and a status written while one of them stalls can hold the score's line from
                # before it -- a full stop's suite read 100.51 against 100.01 once)
                if s["time"] > 101.5:
                    playing = (s["time"], at)
                    break
        assert playing is not None, proc.stderr.read() if proc.poll() is not None else "the score never played"
        show_t, score_t = playing
        assert abs(show_t - score_t) < 0.25, playing        # the status is read between frames
        # (three seconds of the monitor: the Resonance's cue starts at 102 s, and the score
        # holds while a cue's first frame compiles and bakes -- one second, heard on a loaded
        # machine, fell wholly inside that hold and read silence)
        capture = subprocess.run([sys.executable, "-c", textwrap.dedent('''
            import sounddevice as sd, numpy as np
            from visuals.audio.live_input import find_input
            x = sd.rec(3 * 48000, samplerate=48000, channels=1, device=find_input("pulse"), blocking=True)
            print(float(np.abs(x).max()))
        ''')], env=env, capture_output=True, text=True, timeout=60)
        assert capture.returncode == 0, capture.stderr
        assert float(capture.stdout.strip().splitlines()[-1]) > 0.01
    finally:
        proc.terminate()
        proc.wait(timeout=20)
