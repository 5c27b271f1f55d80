"""``visuals still`` and ``visuals sheet``: one frame, or a grid of frames, to an image file."""
from __future__ import annotations

import sys
from pathlib import Path

from visuals.errors import VisualsError
from .arguments import _config, _out_arg, _slug, parse_params, parse_size, parse_time
from .shows import _default_show, _long_enough, _registry


def cmd_still(args) -> int:
    registry = _registry(args)
    show = registry.show(args.show)
    config = _config(args, show)
    t = parse_time(args.at, "--at")
    from visuals.perform.clock import FixedClock
    clock = FixedClock(config.fps)
    index = clock.frame_at(t)
    show = _long_enough(registry, args.show, show, (index + 1) / float(config.fps), f"--at {t:g} s")
    from visuals.render.gpu import headless_context
    from visuals.output.pngio import gl_rows_to_image
    from visuals.output.export import ShowSource
    from visuals.controls.events import SetParam
    from visuals.output.safe_output import ensure_writable
    from visuals.output.stills import still_type, write_still
    out = _out_arg(args.out) or Path(f"renders/{_slug(args.show)}_{t:g}.png")
    still_type(out)
    ensure_writable(out)
    # --param values are parameters played by hand from the start, as live.
    played = [(0.0, SetParam(scene=scene, param=param, value=value))
              for scene, params in parse_params(args.param, show, registry).items() for param, value in params.items()]
    with headless_context() as ctx:        # (released after, the caller's context current again)
        source = ShowSource(ctx, show, registry, config, events=played)
        try:
            write_still(out, gl_rows_to_image(source.render(index).read_rgb(), config.size))
        finally:
            source.release()
    print(f"wrote {out}", file=sys.stderr)
    return 0


def cmd_sheet(args) -> int:
    from visuals.render.gpu import headless_context
    from visuals.output.sheet import SheetLayout, render_sheet, sample_times
    from visuals.output.safe_output import ensure_writable
    from visuals.output.stills import still_type, write_still
    registry = _registry(args)
    name = args.show or _default_show(registry.search)
    show = registry.show(name)
    every = parse_time(args.every, "--every") if args.every else None
    if every is not None and every <= 0:
        raise VisualsError("--every must be more than 0 seconds", fix="give e.g. --every 10")
    if not 1 <= args.columns <= 50:
        raise VisualsError(f"--columns {args.columns} is out of range", fix="give 1 to 50 columns")
    layout = SheetLayout(thumb=parse_size(args.thumb), columns=args.columns)
    out = _out_arg(args.out) or Path(f"renders/{_slug(name)}_sheet.png")
    still_type(out)
    ensure_writable(out)
    times = sample_times(show.duration, every)
    from visuals.output.progress import Progress
    progress = Progress(len(times), label=f"{_slug(name)} sheet", unit="stills")
    with headless_context() as ctx:
        image = render_sheet(ctx, show, registry, times, layout, progress=progress)
    import numpy as np
    write_still(out, np.asarray(image))
    progress.close(f"wrote {out} ({image.size[0]}x{image.size[1]}, {len(times)} stills)")
    return 0
