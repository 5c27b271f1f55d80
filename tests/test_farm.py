"""The render farm on a real Dask scheduler and workers, all on 127.0.0.1.

One LocalCluster (worker processes) serves most tests through ``--scheduler``; one test starts
its own cluster with ``--workers 2``; one starts ``dask scheduler`` and ``dask worker`` as
separate processes and SIGKILLs a worker mid-chunk.  Every process a test starts is stopped by
that test or its fixture.  Frames are compared with a single-process render: byte for byte for
PNG and raw, and for mp4 by frame count and per-frame PSNR against the rendered pixels.
"""
from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from conftest import make_project, render_frames

distributed = pytest.importorskip("distributed")

from visuals.farm.plan import plan_chunks  # noqa: E402

LOOPBACK = "127.0.0.1"
SIZE = (160, 90)

# A scene slow enough (about 40 ms a frame at 160x90 on one llvmpipe thread) that a worker can
# be caught, and killed, in the middle of a chunk.
SLOW = {
    "scenes/slow.py": """
        from visuals import Scene, Pass
        slow = Scene("slow", [Pass("slow.frag")], [], duration=60)
        """,
    "scenes/slow.frag": """
        #version 330 core
        uniform float u_time;
        uniform vec2 u_resolution;
        out vec4 c;
        void main() {
            vec2 p = gl_FragCoord.xy / u_resolution;
            float v = 0.0;
            for (int i = 0; i < 2000; i++) {
                v = fract(v * 1.37 + sin(p.x * 17.0 + float(i) * 0.01 + u_time) * 0.5);
            }
            c = vec4(v, p.y, fract(u_time), 1.0);
        }
        """,
}


def visuals(*args, env=None, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "visuals", *args], capture_output=True, env=env,
                          timeout=120, **kwargs)


def free_port() -> int:
    with socket.socket() as s:
        s.bind((LOOPBACK, 0))
        return s.getsockname()[1]


def read_pngs(folder: Path) -> dict[str, np.ndarray]:
    from PIL import Image
    return {f.name: np.asarray(Image.open(f).convert("RGB")) for f in sorted(folder.iterdir())}


def psnr(a: np.ndarray, b: np.ndarray) -> float:
    mse = np.mean((a.astype(np.float64) - b) ** 2)
    return 99.0 if mse == 0 else 10 * np.log10(255.0 ** 2 / mse)


def decode(path: Path) -> list[np.ndarray]:
    import av
    with av.open(str(path)) as container:
        return [f.to_ndarray(format="rgb24") for f in container.decode(video=0)]


def stream_facts(path: Path) -> tuple:
    import av
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        cc = stream.codec_context
        return (stream.average_rate, stream.duration * stream.time_base, cc.pix_fmt, cc.color_primaries,
                cc.color_trc, cc.colorspace, cc.color_range)


@pytest.fixture(scope="module")
def cluster():
    """Two worker processes, one thread and one llvmpipe thread each, on loopback."""
    c = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host=LOOPBACK,
                                 dashboard_address=None, env={"LP_NUM_THREADS": "1"})
    try:
        yield c.scheduler_address
    finally:
        c.close(timeout=20)


@pytest.fixture(scope="module")
def watcher(cluster):
    """A client of the test's own, to see which chunks the workers are rendering."""
    client = distributed.Client(cluster, set_as_default=False)
    try:
        yield client
    finally:
        client.close()


@pytest.fixture
def slow(tmp_path):
    return make_project(tmp_path / "project", SLOW)


# -- planning (no cluster) ------------------------------------------------------------------

def test_chunks_cover_the_range_in_order_large_first_and_small_last():
    chunks = plan_chunks(100, 5500, slots=4)
    assert chunks[0].start == 100 and chunks[-1].stop == 5500
    assert all(a.stop == b.start for a, b in zip(chunks, chunks[1:]))
    sizes = [len(c) for c in chunks]
    assert sizes == sorted(sizes, reverse=True)
    assert sizes[0] == 300 and sizes[-1] <= 30
    assert len(chunks) >= 4 * 4                          # every worker has several


def test_a_fixed_chunk_size_leaves_the_remainder_last():
    assert [(c.start, c.stop) for c in plan_chunks(0, 40, slots=2, size=15)] == [(0, 15), (15, 30), (30, 40)]


def test_frames_end_on_smaller_chunks_than_video_so_the_workers_finish_together():
    from visuals.farm.client import chunk_bounds
    from visuals.farm.plan import MIN_CHUNK, MIN_FRAMES_CHUNK

    hd = (1280, 720)
    assert chunk_bounds("mp4", hd)[0] == MIN_CHUNK and chunk_bounds("png", hd)[0] == MIN_FRAMES_CHUNK < MIN_CHUNK
    assert chunk_bounds("raw", (3840, 2160))[1] == 256 * 2 ** 20 // (3840 * 2160 * 3)   # 10 frames of 4K
    smallest, largest = chunk_bounds("raw", hd)
    sizes = [len(c) for c in plan_chunks(1500, 1740, slots=2, min_size=smallest, max_size=largest)]
    assert sum(sizes) == 240 and max(sizes[-2:]) <= MIN_FRAMES_CHUNK


def test_the_time_split_accounts_for_every_worker_second():
    from visuals.farm.timing import ChunkTiming, split_time
    # Submitted at 100; worker a renders 101-105 and 105.5-108, worker b 100.5-107; the output
    # is joined at 109.  Start 1 + 0.5, a gap 0.5, tail 1 (b ends at 107, a at 108), finish 2 x 1.
    timings = [ChunkTiming(0, "a", 101.0, 105.0), ChunkTiming(1, "b", 100.5, 107.0),
               ChunkTiming(2, "a", 105.5, 108.0)]
    split = split_time(timings, slots=2, submitted_at=100.0, finished_at=109.0)
    assert (split.rendering, split.start, split.gaps, split.tail, split.finish) == (13.0, 1.5, 0.5, 1.0, 2.0)
    assert split.rendering + split.start + split.gaps + split.tail + split.finish == 2 * split.wall
    assert split.overhead == 4.0 and split.overhead_per_chunk == 4.0 / 3
    # A slot that never got a chunk idles until the last chunk ends, and counts as start.
    idle = split_time(timings, slots=3, submitted_at=100.0, finished_at=109.0)
    assert idle.start == 1.5 + 8.0 and idle.finish == 3.0


def test_a_local_cluster_hands_each_worker_thread_one_chunk_at_a_time():
    """Dask's default gives a one-thread worker a second, waiting chunk, which at the end of a
    render sits with a busy worker while another has nothing (the farm's idle tail)."""
    from visuals.farm.cluster import local_cluster
    cluster = local_cluster(1, {})
    try:
        assert cluster.scheduler.WORKER_SATURATION == 1.0
    finally:
        cluster.close(timeout=10)


def test_local_workers_share_the_cores_unless_llvmpipe_threads_are_set():
    from visuals.farm.cluster import worker_environment
    assert worker_environment(2, environ={}) == {"LP_NUM_THREADS": str(max(1, (os.cpu_count() or 1) // 2))}
    assert worker_environment(64, environ={}) == {"LP_NUM_THREADS": "1"}
    assert worker_environment(2, environ={"LP_NUM_THREADS": "3"}) == {}


def test_a_video_output_claims_its_partial_as_a_single_render_does(tmp_path):
    """A leftover regular NAME.partial (a killed run's) is taken over; anything else under that
    name is refused and left alone; an aborted join removes only what it made."""
    from visuals.errors import VisualsError
    from visuals.farm.output import VideoJoin
    (tmp_path / "kept.mp4.partial").mkdir()
    (tmp_path / "kept.mp4.partial" / "mine.txt").write_text("not ours")
    with pytest.raises(VisualsError, match="kept.mp4.partial is in the way"):
        VideoJoin(tmp_path / "kept.mp4", "mp4")
    assert (tmp_path / "kept.mp4.partial" / "mine.txt").read_text() == "not ours"
    (tmp_path / "left.mp4.partial").write_text("a killed run's")
    join = VideoJoin(tmp_path / "left.mp4", "mp4")
    assert (tmp_path / "left.mp4.partial").read_bytes() == b""          # claimed: now this render's
    join.abort()
    VideoJoin(tmp_path / "new" / "made.mp4", "mp4").abort()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept.mp4.partial"]


def test_an_aborted_png_folder_keeps_what_was_there(tmp_path):
    from visuals.farm.job import ChunkResult
    from visuals.farm.output import PngFolder
    out = tmp_path / "seq"
    out.mkdir()
    (out / "frame_000007.png").write_bytes(b"mine")
    folder = PngFolder(out, (4, 4), range(0, 2))
    folder.add(ChunkResult(0, 1, "w", 0.1, pngs={0: b"new"}))
    folder.abort()
    assert sorted(p.name for p in out.iterdir()) == ["frame_000000.png", "frame_000007.png"]
    assert (out / "frame_000007.png").read_bytes() == b"mine"
    made = PngFolder(tmp_path / "made" / "seq", (4, 4), range(0, 2))
    made.abort()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["seq"]     # the folders it made, empty, went


# -- frames identical to a single render ----------------------------------------------------

def test_png_frames_are_those_of_a_single_render(cluster, tmp_path, gl):
    out = tmp_path / "seq"
    proc = visuals("render", "demo", "--size", "160x90", "--frames", "10:50", "--format", "png", "--out", str(out),
                   "--scheduler", cluster, "--chunk", "7")
    assert proc.returncode == 0, proc.stderr.decode()
    files = read_pngs(out)
    assert list(files) == [f"frame_{i:06d}.png" for i in range(10, 50)]
    single = render_frames(gl, "demo", range(10, 50), size=SIZE)
    for i in range(10, 50):
        assert np.array_equal(files[f"frame_{i:06d}.png"], single[i]), i
    err = proc.stderr.decode()
    assert "wrote 40 frames (160x90, 30 fps)" in err and "40/40 frames" in err
    assert sum(int(line.split(": ")[1].split()[0]) for line in err.splitlines()
               if line.startswith("  worker ")) == 40       # a line per worker, frames adding up
    assert sorted(p.name for p in tmp_path.iterdir()) == ["seq"]   # no staging left


def test_png_into_an_existing_folder_adds_frames_and_keeps_the_rest(cluster, tmp_path):
    out = tmp_path / "seq"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    (out / "frame_000003.png").write_bytes(b"old")
    proc = visuals("render", "demo", "--size", "32x18", "--frames", "0:5", "--format", "png", "--out", str(out),
                   "--scheduler", cluster, "--quiet")
    assert proc.returncode == 0, proc.stderr.decode()
    assert sorted(p.name for p in out.iterdir()) == ["frame_000000.png", "frame_000001.png", "frame_000002.png",
                                                     "frame_000003.png", "frame_000004.png", "notes.txt"]
    assert (out / "notes.txt").read_text() == "mine"
    assert (out / "frame_000003.png").read_bytes()[:4] == b"\x89PNG"


def test_raw_frames_are_those_of_a_single_render_in_order(cluster, gl):
    proc = visuals("render", "demo", "--size", "160x90", "--frames", "0:36", "--format", "raw", "--quiet",
                   "--scheduler", cluster, "--chunk", "5")
    assert proc.returncode == 0, proc.stderr.decode()
    single = render_frames(gl, "demo", range(0, 36), size=SIZE)
    assert proc.stdout == b"".join(single[i].tobytes() for i in range(36))


def test_mp4_has_the_frames_asked_each_within_half_a_db_of_a_single_render(cluster, tmp_path, gl):
    farm, one = tmp_path / "farm.mp4", tmp_path / "one.mp4"
    args = ("render", "demo", "--size", "160x90", "--frames", "0:90", "--quiet")
    proc = visuals(*args, "--out", str(farm), "--scheduler", cluster, "--chunk", "30")
    assert proc.returncode == 0, proc.stderr.decode()
    assert visuals(*args, "--out", str(one)).returncode == 0
    truth = render_frames(gl, "demo", range(0, 90), size=SIZE)
    farm_frames, one_frames = decode(farm), decode(one)
    assert len(farm_frames) == 90
    assert stream_facts(farm) == stream_facts(one)      # rate, duration, colour tags
    for i in range(90):
        assert psnr(farm_frames[i], truth[i]) >= psnr(one_frames[i], truth[i]) - 0.5, i
    assert sorted(p.name for p in tmp_path.iterdir()) == ["farm.mp4", "one.mp4"]   # segments removed


def test_a_replay_supersampled_renders_as_on_one_machine(cluster, tmp_path):
    recorded = tmp_path / "set.jsonl"
    lines = [{"visuals_set": 1, "show": "demo", "path": []},
             {"t": 0.2, "event": {"kind": "transport", "op": "seek", "value": 3.0}},
             {"t": 0.5, "event": {"kind": "transport", "op": "speed", "value": 2.0}},
             {"t": 1.5, "end": True}]
    recorded.write_text("".join(json.dumps(line) + "\n" for line in lines))
    args = ("render", "--replay", str(recorded), "--size", "64x36", "--ssaa", "2", "--frames", "0:40",
            "--format", "png", "--quiet")
    assert visuals(*args, "--out", str(tmp_path / "one")).returncode == 0
    proc = visuals(*args, "--out", str(tmp_path / "farm"), "--scheduler", cluster, "--chunk", "8")
    assert proc.returncode == 0, proc.stderr.decode()
    one, farm = read_pngs(tmp_path / "one"), read_pngs(tmp_path / "farm")
    assert len(one) == 40 and list(one) == list(farm)
    assert all(np.array_equal(one[name], farm[name]) for name in one)


HEAR = {
    "scenes/hear.py": """
        from visuals import Scene, Pass
        hear = Scene("hear", [Pass("hear.frag")], [], duration=10)
        """,
    "scenes/hear.frag": """
        #version 330 core
        uniform float u_audio_level;
        uniform float u_audio_bass;
        out vec4 c;
        void main() { c = vec4(u_audio_level, u_audio_bass, 0.5, 1.0); }
        """,
}


def test_the_scenes_hear_audio_and_the_video_carries_the_score_as_on_one_machine(cluster, tmp_path):
    """--audio's analysis travels to the workers (the frames hear it exactly as on one machine);
    the dream's score is muxed into the joined video."""
    from audio_helpers import tone
    project = make_project(tmp_path / "project", HEAR)
    song = tone(tmp_path / "song.wav", 110.0, seconds=2.0)
    args = ("--path", str(project), "render", "hear", "--audio", str(song), "--size", "32x18", "--frames", "0:30",
            "--format", "png", "--quiet")
    assert visuals(*args, "--out", str(tmp_path / "one")).returncode == 0
    proc = visuals(*args, "--out", str(tmp_path / "farm"), "--scheduler", cluster, "--chunk", "10")
    assert proc.returncode == 0, proc.stderr.decode()
    one, farm = read_pngs(tmp_path / "one"), read_pngs(tmp_path / "farm")
    assert len(farm) == 30 and all(np.array_equal(one[name], farm[name]) for name in one)
    assert max(int(image[0, 0, 0]) for image in farm.values()) > 20      # they heard the tone
    out = tmp_path / "dream.mp4"
    proc = visuals("render", "dream", "--size", "32x18", "--frames", "0:30", "--out", str(out), "--quiet",
                   "--scheduler", cluster, "--chunk", "15")
    assert proc.returncode == 0, proc.stderr.decode()
    import av
    with av.open(str(out)) as container:
        assert sorted(s.type for s in container.streams) == ["audio", "video"]
        assert sum(1 for _ in container.decode(video=0)) == 30
    assert not list(tmp_path.glob("dream.mp4*partial"))


def test_workers_starts_a_local_cluster(tmp_path, gl):
    out = tmp_path / "seq"
    proc = visuals("render", "demo", "--size", "32x18", "--frames", "0:12", "--format", "png", "--out", str(out),
                   "--workers", "2", "--chunk", "3")
    assert proc.returncode == 0, proc.stderr.decode()
    single = render_frames(gl, "demo", range(0, 12), size=(32, 18))
    files = read_pngs(out)
    assert all(np.array_equal(files[f"frame_{i:06d}.png"], single[i]) for i in range(12))
    assert "wrote 12 frames (32x18, 30 fps)" in proc.stderr.decode()


# -- faults ---------------------------------------------------------------------------------

@contextlib.contextmanager
def dask_processes(workers: int, env: dict):
    """``dask scheduler`` and ``dask worker`` as separate processes on loopback (workers without
    a nanny, so a killed one stays dead); yields the address, the processes and a client of the
    test's own; stops every process it started."""
    port = free_port()
    address = f"tcp://{LOOPBACK}:{port}"
    dask_cli = str(Path(sys.executable).with_name("dask"))
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "env": env}
    started = [subprocess.Popen([dask_cli, "scheduler", "--host", LOOPBACK, "--port", str(port), "--no-dashboard"],
                                **quiet)]
    watcher = None
    try:
        for _ in range(workers):
            started.append(subprocess.Popen([dask_cli, "worker", address, "--host", LOOPBACK, "--nthreads", "1",
                                             "--no-nanny", "--no-dashboard"], **quiet))
        watcher = distributed.Client(address, timeout=30, set_as_default=False)
        if workers:
            watcher.wait_for_workers(workers, timeout=30)
        yield address, started, watcher
    finally:
        if watcher is not None:
            watcher.close()
        for proc in reversed(started):
            if proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()


def rendering(watcher) -> dict[str, list[str]]:
    """The farm's chunks each worker is rendering now."""
    return {worker: [k for k in keys if str(k).startswith("visuals-chunk-")]
            for worker, keys in watcher.processing().items()}


def wait_for_a_chunk(watcher, render: subprocess.Popen) -> str | None:
    """The first worker seen rendering a chunk of the farm."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and render.poll() is None:
        for worker, keys in rendering(watcher).items():
            if keys:
                return worker
        time.sleep(0.01)
    return None


def farm_render(*args, env=None) -> subprocess.Popen:
    # Ctrl-C's default action restored in the child: a suite run in the background of a script
    # inherits SIGINT ignored, which the CLI (rightly) keeps ignored
    return subprocess.Popen([sys.executable, "-m", "visuals", *args], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))


def test_a_worker_killed_mid_chunk_has_its_chunk_rendered_elsewhere(tmp_path, slow, gl):
    env = dict(os.environ, LP_NUM_THREADS="1", VISUALS_PATH=str(slow))
    out = tmp_path / "seq"
    with dask_processes(2, env) as (address, started, watcher):
        pids = watcher.run(os.getpid)
        render = farm_render("render", "slow", "--size", "160x90", "--frames", "0:40", "--format", "png",
                             "--out", str(out), "--quiet", "--scheduler", address, "--chunk", "8", env=env)
        started.append(render)
        victim = wait_for_a_chunk(watcher, render)
        assert victim is not None, "no worker was seen rendering a chunk"
        os.kill(pids[victim], signal.SIGKILL)
        _, err = render.communicate(timeout=90)
    assert render.returncode == 0, err.decode()
    single = render_frames(gl, "slow", range(0, 40), folder=slow, size=SIZE)
    files = read_pngs(out)
    assert list(files) == [f"frame_{i:06d}.png" for i in range(40)]
    assert all(np.array_equal(files[f"frame_{i:06d}.png"], single[i]) for i in range(40))


def test_the_scheduler_going_away_is_one_line_and_no_file(tmp_path, slow):
    env = dict(os.environ, LP_NUM_THREADS="1", VISUALS_PATH=str(slow))
    out = tmp_path / "out" / "slow.mp4"
    with dask_processes(1, env) as (address, started, watcher):
        render = farm_render("render", "slow", "--size", "160x90", "--frames", "0:300", "--out", str(out),
                             "--quiet", "--scheduler", address, "--chunk", "30", env=env)
        started.append(render)
        assert wait_for_a_chunk(watcher, render) is not None
        started[0].kill()                       # the scheduler
        started[0].wait()
        _, err = render.communicate(timeout=60)
    assert render.returncode == 2
    assert err.decode().strip().splitlines() == [
        f"visuals: error: lost the connection to the Dask scheduler at {address}; the render stopped "
        "(fix: check that the scheduler is running and render again)"]
    assert not (tmp_path / "out").exists()     # nor the folder it made for it


def farm_job(show: str, fmt: str, frames: tuple[int, int], paths=()):
    from fractions import Fraction
    from visuals.farm.client import new_job_id
    from visuals.farm.job import FarmJob
    from visuals.render.renderer import RenderConfig
    config = RenderConfig(size=SIZE, fps=Fraction(30))
    return FarmJob(job_id=new_job_id(), show=show, paths=tuple(paths), end_s=frames[1] / 30, stop=frames[1],
                   config=config, fmt=fmt)


def test_every_worker_gone_ends_the_render_and_none_joining_is_an_error(tmp_path, slow):
    from visuals.errors import VisualsError
    from visuals.output.export import FrameRange
    from visuals.farm.client import FarmOptions, render_on_farm
    env = dict(os.environ, LP_NUM_THREADS="1", VISUALS_PATH=str(slow))
    out = tmp_path / "out" / "slow.mp4"
    with dask_processes(1, env) as (address, started, watcher):
        pids = watcher.run(os.getpid)
        options = FarmOptions(scheduler=address, chunk=30, out=out, quiet=True, no_workers_s=1.0)

        def kill_when_rendering():
            if wait_for_a_chunk(watcher, started[0]) is not None:
                for pid in pids.values():
                    os.kill(pid, signal.SIGKILL)
        import threading
        killer = threading.Thread(target=kill_when_rendering)
        killer.start()
        try:
            with pytest.raises(VisualsError) as err:
                render_on_farm(farm_job("slow", "mp4", (0, 300), [slow]), FrameRange(0, 300), options)
        finally:
            killer.join()
        assert str(err.value) == (f"every Dask worker at {address} has gone, none for 1 s; the render stopped "
                                  f"(fix: start workers with 'dask worker {address}' and render again)")
        assert not (tmp_path / "out").exists()     # nor the folder it made for it
        # The scheduler now has no worker: a new render waits a while for one, then says so.
        options = FarmOptions(scheduler=address, out=out, quiet=True, worker_wait_s=0.5)
        with pytest.raises(VisualsError, match=f"no Dask worker joined the scheduler at {address} in 0.5 s"):
            render_on_farm(farm_job("slow", "mp4", (0, 10), [slow]), FrameRange(0, 10), options)
        assert not (tmp_path / "out").exists()     # nor the folder it made for it


def test_no_scheduler_reachable_is_one_line_exit_2_and_no_file(tmp_path):
    out = tmp_path / "out.mp4"
    env = dict(os.environ, DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT="2s")
    proc = visuals("render", "demo", "--size", "32x18", "--frames", "0:5", "--out", str(out),
                   "--scheduler", f"tcp://{LOOPBACK}:{free_port()}", env=env)
    assert proc.returncode == 2
    lines = proc.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("visuals: error: cannot reach the Dask scheduler at tcp://"), lines
    assert list(tmp_path.iterdir()) == []


def test_ctrl_c_cancels_the_chunks_and_leaves_no_file(cluster, watcher, tmp_path, slow):
    out = tmp_path / "out" / "slow.mp4"
    render = farm_render("--path", str(slow), "render", "slow", "--size", "160x90", "--frames", "0:600",
                         "--out", str(out), "--quiet", "--scheduler", cluster, "--chunk", "300")
    try:
        assert wait_for_a_chunk(watcher, render) is not None
        render.send_signal(signal.SIGINT)
        _, err = render.communicate(timeout=60)
    finally:
        if render.poll() is None:
            render.kill()
            render.wait()
    assert render.returncode == 130, err.decode()
    assert not (tmp_path / "out").exists()     # nor the folder it made for it
    # The chunk a worker was rendering stops part way (Dask cannot stop a running task; the
    # worker's own check does) and says where: the scheduler forgets a cancelled chunk at once,
    # the worker notices at its next progress report.
    stops: list[dict] = []
    deadline = time.monotonic() + 60
    while not stops and time.monotonic() < deadline:
        stops = [message for topic, events in watcher.get_events().items() if topic.startswith("visuals-farm-")
                 for _, message in events if message.get("cancelled")]
        time.sleep(0.1)
    assert stops and all(message["done"] < 300 for message in stops), stops


def test_without_dask_workers_says_how_to_install_it(tmp_path):
    blocker = tmp_path / "blocker"
    (blocker / "distributed").mkdir(parents=True)
    (blocker / "distributed" / "__init__.py").write_text("raise ImportError('not installed')\n")
    env = dict(os.environ, PYTHONPATH=str(blocker))
    proc = visuals("render", "demo", "--size", "32x18", "--frames", "0:5", "--out", str(tmp_path / "x.mp4"),
                   "--workers", "2", env=env)
    assert proc.returncode == 2
    assert proc.stderr.decode().strip() == ("visuals: error: --workers needs Dask distributed, which is not "
                                            "installed (fix: pip install 'visuals[farm]' (Dask distributed))")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["blocker"]


def test_workers_and_scheduler_together_is_a_usage_error(tmp_path):
    proc = visuals("render", "demo", "--frames", "0:5", "--out", str(tmp_path / "x.mp4"),
                   "--workers", "2", "--scheduler", f"tcp://{LOOPBACK}:8786")
    assert proc.returncode == 2
    assert proc.stderr.decode().startswith("visuals: error: give either --workers N")
    assert list(tmp_path.iterdir()) == []
