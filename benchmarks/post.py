"""Cost of the post effects and transitions: milliseconds per frame at one or more sizes.

Effects: a cheap scene (``env_gradient``) is rendered with and without the effect on its cue,
and the difference is the effect's cost.  Transitions: the transition program is drawn over
two fixed images at progresses spread over 0.1 .. 0.9 (their cost varies with progress) and
its mean is reported.  Every frame is finished (ctx.finish) so llvmpipe cannot drop queued
draws; every figure is the best of several runs (the least disturbed by other work on a
shared machine).  The reference shader
(benchmarks/bench.frag, 16 sin/cos per pixel) is measured in the same run, so figures from a
busy machine read as ratios: "x ref" is the cost over one reference frame.

On a shared machine wall-clock figures swing with other people's work; ``--clock cpu`` times
the process's CPU time instead (all of llvmpipe's threads), which other processes disturb far
less.  CPU milliseconds are about (llvmpipe threads) x the wall milliseconds of a quiet machine;
the "x ref" ratios compare like with like either way.

usage: python benchmarks/post.py [NAME ...] [--sizes 640x360,1280x720] [--frames 30] [--runs 3]
                                 [--clock wall|cpu]
NAME: an effect (bloom, grain, ...), a transition (ripple, ...), or 'bloom+grain+vignette'
(a chain); default: every effect, the chain, and every transition.
"""
from __future__ import annotations

import argparse
import sys
import time
from fractions import Fraction
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import moderngl  # noqa: E402

from visuals.perform.clock import FixedClock  # noqa: E402
from visuals.render.gpu import ProgramCache, create_headless_context  # noqa: E402
from visuals.load.paths import SearchPath  # noqa: E402
from visuals.model.post import PostEffect  # noqa: E402
from visuals.load.registry import Registry  # noqa: E402
from visuals.render.renderer import RenderConfig, Renderer  # noqa: E402
from visuals.model.show import Show  # noqa: E402
from visuals.model.timeline import Cue  # noqa: E402
from visuals.load.transitions import known_transitions, transition_shader  # noqa: E402

BENCH_FRAG = Path(__file__).resolve().parent / "bench.frag"
BASE_SCENE = "env_gradient"
CHAIN = "bloom+grain+vignette"
CLOCK = time.perf_counter


def _frame_ms(ctx, renderer, frames: int, runs: int) -> float:
    """Median milliseconds per frame over ``runs`` runs of ``frames`` consecutive frames."""
    clock = FixedClock(30)
    renderer.render(clock.frame(30))      # compile and warm up
    ctx.finish()
    results = []
    for run in range(runs):
        t0 = CLOCK()
        for i in range(frames):
            renderer.render(clock.frame(31 + run * frames + i))
            ctx.finish()
        results.append((CLOCK() - t0) * 1000.0 / frames)
    return min(results)


def show_ms(ctx, registry, show: Show, size, frames: int, runs: int) -> float:
    registry.validate(show)
    renderer = Renderer(ctx, show, registry, RenderConfig(size=size, fps=Fraction(30)))
    try:
        return _frame_ms(ctx, renderer, frames, runs)
    finally:
        renderer.release()


def effect_show(chain: list[str]) -> Show:
    return Show("bench_post", [Cue(BASE_SCENE, 0, 100, post=chain)], duration=100)


def transition_ms(ctx, programs: ProgramCache, name: str, size, frames: int, runs: int) -> float:
    """Milliseconds per draw of a transition between two patterned images."""
    w, h = size
    rng = np.random.default_rng(1)
    textures = []
    for k in range(2):
        img = (rng.random((h, w, 3)) * 255).astype(np.uint8)
        tex = ctx.texture(size, 3, img.tobytes())
        tex.filter = (moderngl.LINEAR, moderngl.LINEAR)
        textures.append(tex)
    fbo = ctx.framebuffer([ctx.texture(size, 4)])
    prog = programs.get(transition_shader(name))
    progresses = np.linspace(0.1, 0.9, frames)

    def draw(p: float, t: float) -> None:
        fbo.use()
        textures[0].use(0)
        textures[1].use(1)
        prog.set("u_from", 0)
        prog.set("u_to", 1)
        prog.set("u_progress", float(p))
        prog.set("u_time", float(t))
        prog.set("u_resolution", (float(w), float(h)))
        prog.vao.render(moderngl.TRIANGLES, vertices=3)
        ctx.finish()

    draw(0.5, 0.0)
    results = []
    for run in range(runs):
        t0 = CLOCK()
        for i, p in enumerate(progresses):
            draw(p, i / 30.0)
        results.append((CLOCK() - t0) * 1000.0 / frames)
    for tex in textures:
        tex.release()
    fbo.release()
    return min(results)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("names", nargs="*")
    parser.add_argument("--sizes", default="640x360,1280x720")
    parser.add_argument("--frames", type=int, default=30)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--clock", choices=("wall", "cpu"), default="wall",
                        help="wall-clock time, or this process's CPU time (steadier on a busy machine)")
    args = parser.parse_args()
    global CLOCK
    CLOCK = time.process_time if args.clock == "cpu" else time.perf_counter
    search = SearchPath.build([])
    registry = Registry(search)
    registry.load_all()
    effects = sorted(n for n, s in registry.scenes.items() if isinstance(s, PostEffect))
    transitions = known_transitions(search)
    names = args.names or effects + [CHAIN] + transitions
    sizes = [tuple(int(v) for v in s.split("x")) for s in args.sizes.split(",")]
    ctx = create_headless_context()
    programs = ProgramCache(ctx, search)
    print(f"renderer: {ctx.info['GL_RENDERER']}; clock: {args.clock}")
    print("name".ljust(22) + "".join(f"{w}x{h} ms".rjust(24) for w, h in sizes))
    ref_show = registry.show(str(BENCH_FRAG))
    ref = [show_ms(ctx, registry, ref_show, size, args.frames, args.runs) for size in sizes]
    print("bench.frag (ref)".ljust(22) + "".join(f"{v:10.2f} ({1000 / v:5.0f} fps)".rjust(24) for v in ref))
    base = [show_ms(ctx, registry, effect_show([]), size, args.frames, args.runs) for size in sizes]
    print(f"{BASE_SCENE} (base)".ljust(22) + "".join(f"{v:10.2f}".rjust(24) for v in base))
    for name in names:
        if name in transitions:
            ms = [transition_ms(ctx, programs, name, size, args.frames, args.runs) for size in sizes]
            label = f"{name} (transition)"
        else:
            chain = name.split("+")
            unknown = [n for n in chain if n not in effects]
            if unknown:
                sys.exit(f"unknown effect or transition {unknown}; effects: {effects}; transitions: {transitions}")
            ms = [show_ms(ctx, registry, effect_show(chain), size, args.frames, args.runs) - b
                  for size, b in zip(sizes, base)]
            label = name
        cells = "".join(f"{m:10.2f} ({m / r:4.2f}x ref)".rjust(24) for m, r in zip(ms, ref))
        print(label.ljust(22) + cells, flush=True)


if __name__ == "__main__":
    main()
