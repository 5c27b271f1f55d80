"""Check a folder of ISF files: each must load and render a non-trivial image.

    python benchmarks/isf_check.py FOLDER [FOLDER ...] [--size 160x90] [--verbose]

Generators render alone at a few times; filters run over the moving ``test_card``, both on
the whole frame (a show's post) and on one cue inside a show with a crossfade; transitions
run from the card to its upside-down variant inside a show, looked at where the cue's progress is 0.5.
An image is non-trivial when its pixels are not all one colour.  Audio inputs are fed a fixed
test signal (a sine wave, a falling spectrum with peaks) instead of the engine's silence, so
an audio visualiser has something to draw.  Prints one line per file
(PASS, or FAIL and the reason: the one-line error, or what was wrong with the image), then
the pass rate; exits 0 when every file passes, 1 otherwise.
"""
from __future__ import annotations

import argparse
import sys
from fractions import Fraction
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from visuals.errors import VisualsError  # noqa: E402

FPS = 30
CARD = "test_card"       # scenes/test_card.py


def test_signal(kind: str, width: int, state=None) -> np.ndarray:
    """What audio inputs read during the check: a sine wave, or a falling spectrum with peaks."""
    x = np.linspace(0.0, 1.0, width if kind != "shadertoy" else 512, dtype=np.float32)
    wave = 0.5 + 0.4 * np.sin(2 * np.pi * 4 * x)
    spectrum = 1.0 / (1.0 + 8.0 * x) * (0.6 + 0.4 * np.cos(2 * np.pi * 12 * x) ** 2)
    if kind == "audio":
        return np.stack([wave, wave[::-1]]).astype(np.float32)
    if kind == "audioFFT":
        return np.stack([spectrum, spectrum * 0.8]).astype(np.float32)
    return np.stack([spectrum, wave]).astype(np.float32)


def render(ctx, show, registry, size, frames: list[int]) -> dict[int, np.ndarray]:
    from visuals.perform.clock import FixedClock
    from visuals.output.pngio import gl_rows_to_image
    from visuals.render.renderer import RenderConfig, Renderer
    renderer = Renderer(ctx, show, registry, RenderConfig(size=size, fps=Fraction(FPS)))
    clock = FixedClock(FPS)
    out = {}
    try:
        renderer.warm_up()
        for i in range(max(frames) + 1):      # in order: buffers and feedback build up as they would
            renderer.render(clock.frame(i))
            if i in frames:
                out[i] = gl_rows_to_image(renderer.read_rgb(), size).astype(np.int16)
    finally:
        renderer.release()
    return out


def flat(image: np.ndarray) -> bool:
    return bool((image == image[0, 0]).all())


def colour(image: np.ndarray) -> str:
    return "#" + "".join(f"{int(v):02x}" for v in image[0, 0][:3])


def check_file(ctx, path: Path, size) -> tuple[str, str, str]:
    """(kind, reason it fails or '', a note on a pass or ''); kind is 'generator', 'filter',
    'transition' or '?' (it did not load)."""
    from visuals.foreign.catalog import load_file
    from visuals.foreign.isf import IsfFilter, IsfTransition
    from visuals.load.paths import SearchPath
    from visuals.load.registry import Registry
    from visuals.model.show import Show, single_scene_show
    from visuals.model.timeline import Cue
    try:
        item = load_file(path)
        registry = Registry(SearchPath.build([path.parent]))
        registry.load_all()
        if not isinstance(item, IsfTransition):
            registry.scenes[item.name] = item      # this file, even where a built-in has its name
        if isinstance(item, IsfTransition):
            show = Show("check", [Cue(CARD, 0, 2), Cue(CARD, 1, 3, fade_in=1.0, transition=item.name,
                                                       params={"variant": 1})])
            registry.validate(show)
            # The cue's progress (smoothstep eased) is 0.5 at 1.5 s, about 0.16 and 0.84 at 1.25 s and 1.75 s.
            frames = [round(t * FPS) for t in (1.5, 1.25, 1.75)]
            images = render(ctx, show, registry, size, frames)
            mid = images[frames[0]]
            if not flat(mid):
                return "transition", "", ""
            if any(flat(images[f]) for f in frames[1:]):
                return "transition", f"flat image at progress 0.5 ({colour(mid)}) and on one side of it", ""
            # A transition through a colour (a fade to black) is one colour at 0.5 by design.
            return "transition", "", f"one colour at progress 0.5 ({colour(mid)}), moving images either side"

        if isinstance(item, IsfFilter):
            whole = Show("check", [Cue(CARD, 0, 2)], post=[item.name])
            registry.validate(whole)
            images = render(ctx, whole, registry, size, [0, 10, 30])
            if flat(images[30]):
                return "filter", f"flat image ({colour(images[30])}) over the test card after 1 s (whole frame)"
            in_cue = Show("check_cue", [Cue(CARD, 0, 2, params={"variant": 1}),
                                        Cue(CARD, 0.5, 2, fade_in=0.5, post=[item.name])])
            registry.validate(in_cue)
            images = render(ctx, in_cue, registry, size, [20, 40])
            if flat(images[40]):
                return "filter", f"flat image ({colour(images[40])}) as a cue's post effect, during a crossfade", ""
            return "filter", "", ""
        show = single_scene_show(item)
        registry.validate(show)
        images = render(ctx, show, registry, size, [0, 15, 45])
        if all(flat(im) for im in images.values()):
            return "generator", f"flat image ({colour(images[45])}) at 0, 0.5 and 1.5 s", ""
        return "generator", "", ""
    except VisualsError as err:
        return "?", str(err), ""
    except Exception as err:      # a fault of ours, not the file's: reported, and the check goes on
        return "?", f"internal error {type(err).__name__}: {err}", ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--size", default="160x90")
    args = parser.parse_args(argv)
    w, h = (int(v) for v in args.size.split("x"))
    from visuals.render.gpu import create_headless_context
    from visuals.foreign import sound
    from visuals.foreign.catalog import ISF_SUFFIX
    sound.sound_texture = test_signal      # (this process only: see the module doc)
    ctx = create_headless_context()
    files = sorted(p for folder in args.folders for p in folder.glob(f"*{ISF_SUFFIX}"))
    failures = []
    for path in files:
        kind, reason, note = check_file(ctx, path, (w, h))
        if reason:
            failures.append((path, reason))
            print(f"FAIL {path.name} ({kind}): {reason}", flush=True)
        else:
            print(f"PASS {path.name} ({kind})" + (f": note: {note}" if note else ""), flush=True)
    passed = len(files) - len(failures)
    rate = 100.0 * passed / len(files) if files else 0.0
    print(f"pass rate: {passed}/{len(files)} ({rate:.0f}%)")
    return 0 if files and not failures else 1


if __name__ == "__main__":
    sys.exit(main())
