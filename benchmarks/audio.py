"""Sound: analysis speed, the dream's score synthesis, the cost of sound in an export, and the
live latency from capture to the frame that shows it.

  1. analysis of a 3-minute stereo 44.1 kHz file (clicks, tones and noise): load + analyse;
  2. the dream's soundtrack, the whole show synthesised;
  3. `visuals render demo` of --frames to mp4 with --audio (a file as long as the render) and
     without it (--mute), whole processes, interleaved, medians of --runs;
  4. live latency, when a PulseAudio server is reachable (PULSE_SERVER or XDG_RUNTIME_DIR with
     a null sink as the default sink and its monitor as default source): clicks played with
     paplay into the sink are captured (PortAudio, 256-sample blocks); a scene that shows
     u_audio_level renders at 60 fps on the headless context; the latency is from the capture
     callback receiving a click to the read-back of the first frame bright with it.

usage: python benchmarks/audio.py [--runs 3] [--frames 300] [--size 640x360]
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from fractions import Fraction
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from _timing import median_time  # noqa: E402
from visuals.audio.analysis import AudioFeatures  # noqa: E402
from visuals.audio.sources import load_audio  # noqa: E402


def song(path: Path, seconds: float, rate: int = 44100) -> Path:
    import soundfile
    rng = np.random.default_rng(1)
    t = np.arange(int(seconds * rate)) / rate
    x = 0.2 * np.sin(2 * np.pi * 110 * t) + 0.1 * np.sin(2 * np.pi * 660 * t) + 0.02 * rng.standard_normal(len(t))
    for beat in np.arange(0.25, seconds, 0.5):
        s = int(beat * rate)
        x[s:s + 400] += np.linspace(0.6, 0, 400) * np.sign(np.sin(np.arange(400) * 0.9))
    soundfile.write(str(path), np.stack([x, x * 0.9], 1).astype(np.float32), rate)
    return path


def bench_analysis(tmp: Path, runs: int) -> None:
    path = song(tmp / "three_minutes.wav", 180.0)
    seconds = median_time(lambda: AudioFeatures(load_audio(path), Fraction(30)), runs)
    print(f"| analysis of a 3-minute file (load + analyse, 30 fps) | {seconds:.2f} s |")


def bench_score(runs: int) -> None:
    from visuals.audio.score import find_score
    from visuals.load.paths import SearchPath
    from visuals.load.registry import Registry
    registry = Registry(SearchPath.build([]))
    show = registry.show("dream")
    score = find_score(registry, show)
    seconds = median_time(lambda: score.render(show, registry, 0.0, show.duration, Fraction(30)), runs)
    print(f"| the dream's soundtrack ({show.duration:g} s, stereo 48 kHz) | {seconds:.2f} s |")


def bench_export(tmp: Path, runs: int, frames: int, size: str) -> None:
    music = song(tmp / "render.wav", frames / 30.0)
    base = [sys.executable, "-m", "visuals", "render", "demo", "--frames", f"0:{frames}", "--size", size, "--quiet"]
    with_audio, without = [], []
    for _ in range(runs):
        for args, into in ((["--audio", str(music)], with_audio), (["--mute"], without)):
            t0 = time.perf_counter()
            subprocess.run(base + args + ["--out", str(tmp / "x.mp4")], check=True, cwd=ROOT)
            into.append(time.perf_counter() - t0)
    a, b = statistics.median(with_audio), statistics.median(without)
    print(f"| export {frames} frames {size} to mp4, with --audio / without | {a:.2f} s / {b:.2f} s = "
          f"{100 * (a / b - 1):+.1f} % |")


FRAG = """#version 330
uniform float u_audio_level;
out vec4 colour;
void main() { colour = vec4(vec3(u_audio_level), 1.0); }
"""


def bench_latency(tmp: Path, clicks: int = 8) -> None:
    from visuals.audio.live_input import LiveAnalyser, find_input
    from visuals.errors import VisualsError
    try:
        analyser = LiveAnalyser(find_input("pulse"))
    except VisualsError as err:
        print(f"| live latency | not measured: {err} |")
        return
    import soundfile

    from visuals.perform.clock import Frame
    from visuals.render.gpu import create_headless_context
    from visuals.load.paths import SearchPath
    from visuals.load.registry import Registry
    from visuals.render.renderer import RenderConfig, Renderer
    (tmp / "scenes").mkdir(exist_ok=True)
    (tmp / "scenes" / "level.frag").write_text(FRAG)
    rate = 48000
    x = np.zeros(int((clicks + 1) * rate), np.float32)
    for k in range(clicks):
        s = int((0.5 + k) * rate)
        x[s:s + 4800] = 0.8 * np.sign(np.sin(np.arange(4800) * 0.3))   # 100 ms bursts
    soundfile.write(str(tmp / "clicks.wav"), np.stack([x, x], 1), rate)
    ctx = create_headless_context()
    registry = Registry(SearchPath.build([tmp / "scenes"]))
    renderer = Renderer(ctx, registry.show(str(tmp / "scenes" / "level.frag")), registry,
                        RenderConfig(size=(320, 180), fps=Fraction(60), exact=False))
    renderer.audio = analyser
    player = subprocess.Popen(["paplay", str(tmp / "clicks.wav")])
    latencies, bright, frame = [], False, 0
    start = time.perf_counter()
    while time.perf_counter() - start < clicks + 4 and len(latencies) < clicks:
        now = time.perf_counter()
        renderer.render(Frame(frame, now - start))
        level = renderer.frame_fbo.read(components=1, viewport=(0, 0, 1, 1))[0] / 255.0
        shown = time.perf_counter()
        if level > 0.5 and not bright and analyser.rises:
            latencies.append(shown - analyser.rises[-1])
        bright = level > 0.5
        frame += 1
        time.sleep(max(0.0, 1 / 60 - (time.perf_counter() - now)))
    player.wait()
    buffer_ms = 1000 * analyser.stream.latency + 1000 * 256 / rate
    analyser.close()
    renderer.release()
    if not latencies:
        print("| live latency | no click reached the screen |")
        return
    ms = 1000 * statistics.median(latencies)
    print(f"| live latency, capture callback to the frame read back (median of {len(latencies)}) | "
          f"{ms:.1f} ms = {ms / (1000 / 60):.2f} frames at 60 fps (max {1000 * max(latencies):.1f} ms) |")
    print(f"| + the audio buffer (PortAudio's input latency + one 256-sample block) | {buffer_ms:.1f} ms |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--frames", type=int, default=300)
    parser.add_argument("--size", default="640x360")
    parser.add_argument("--skip-export", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="visuals-audio-bench-") as tmp:
        tmp = Path(tmp)
        print("| | figure |\n|---|---|")
        bench_analysis(tmp, args.runs)
        bench_score(args.runs)
        if not args.skip_export:
            bench_export(tmp, args.runs, args.frames, args.size)
        bench_latency(tmp)


if __name__ == "__main__":
    main()
