"""Contact sheets: a whole show at a glance.

A grid of stills taken at regular times, each captioned with its time and the cue playing,
and beneath them the timeline: every cue as a bar on its layer's row (crossfades drawn as the
overlap they are), with ticks, so the structure and the look of a show read together.
"""
from __future__ import annotations

import colorsys
import math
from dataclasses import dataclass
from fractions import Fraction

from PIL import Image, ImageDraw, ImageFont

from .export import ShowSource
from .pngio import gl_rows_to_image
from visuals.load.registry import Registry
from visuals.render.renderer import RenderConfig
from visuals.model.show import Show

BACKGROUND = (14, 13, 20)
TEXT = (225, 222, 235)
DIM = (140, 136, 160)


@dataclass(frozen=True)
class SheetLayout:
    """Where everything goes; the sheet's size follows from it."""

    thumb: tuple[int, int] = (320, 180)
    columns: int = 6
    margin: int = 16
    gap: int = 8
    caption: int = 22
    header: int = 44
    row_height: int = 28        # one row of the cue bar per layer (two lanes)
    ruler: int = 22

    def grid_size(self, count: int) -> tuple[int, int]:
        rows = math.ceil(count / self.columns)
        w = self.columns * self.thumb[0] + (self.columns - 1) * self.gap
        h = rows * (self.thumb[1] + self.caption) + (rows - 1) * self.gap
        return w, h

    def sheet_size(self, count: int, layers: int) -> tuple[int, int]:
        w, h = self.grid_size(count)
        bar = self.ruler + layers * self.row_height
        return (w + 2 * self.margin, self.header + h + self.margin + bar + 2 * self.margin)


def sample_times(duration: float, every: float | None) -> list[float]:
    """Times of the stills: the middle of each ``every``-second stretch (about 24 by default),
    so the first still is not the black before a fade-in and the last not the black after
    the fade-out (a shorter last stretch is sampled at its own middle)."""
    if every is None:
        every = max(1.0, math.ceil(duration / 24.0))
    count = max(1, math.ceil(duration / every - 1e-9))
    return [(i * every + min((i + 1) * every, duration)) / 2 for i in range(count)]


def _fmt(t: float) -> str:
    m, s = divmod(round(t, 1), 60)   # rounded first, so 179.99 reads 3:00.0, not 2:60.0
    return f"{int(m)}:{s:04.1f}"


def _cue_colour(i: int) -> tuple[int, int, int]:
    r, g, b = colorsys.hsv_to_rgb((i * 0.61803398875) % 1.0, 0.45, 0.85)
    return int(r * 255), int(g * 255), int(b * 255)


def render_sheet(ctx, show: Show, registry: Registry, times: list[float], layout: SheetLayout = SheetLayout(),
                 fps: Fraction = Fraction(30), progress=None) -> Image.Image:
    layers = sorted({c.layer for c in show.cues})
    size = layout.sheet_size(len(times), len(layers))
    sheet = Image.new("RGB", size, BACKGROUND)
    draw = ImageDraw.Draw(sheet)
    font = ImageFont.load_default(size=13)
    title = ImageFont.load_default(size=18)
    small = ImageFont.load_default(size=10)
    draw.text((layout.margin, 12), f"{show.name}", font=title, fill=TEXT)
    draw.text((layout.margin + 12 + int(title.getlength(show.name)), 16),
              f"{_fmt(show.duration)}   {len(show.cues)} cues   {show.description}", font=font, fill=DIM)

    source = ShowSource(ctx, show, registry, RenderConfig(size=layout.thumb, fps=fps))
    clock = source.clock
    cue_index = {id(c): i for i, c in enumerate(show.cues)}
    try:
        for n, t in enumerate(times):
            index = clock.frame_at(t)
            result = source.render(index)
            thumb = Image.fromarray(gl_rows_to_image(result.read_rgb(), layout.thumb))
            col, row = n % layout.columns, n // layout.columns
            x = layout.margin + col * (layout.thumb[0] + layout.gap)
            y = layout.header + row * (layout.thumb[1] + layout.caption + layout.gap)
            sheet.paste(thumb, (x, y))
            top = result.top_layer()
            label = "-"
            if top is not None:
                label = f"{cue_index[id(top.current.cue)] + 1}: {top.current.cue.label}"
                if top.previous_seen is not None:
                    label = f"{top.previous_seen.cue.label} > {top.current.cue.label}"
            caption = f"{_fmt(clock.time_of(index))}  {label}"
            while font.getlength(caption) > layout.thumb[0] - 4 and len(caption) > 8:
                caption = caption[:-2].rstrip() + "…"   # keep it within its still
            draw.text((x + 2, y + layout.thumb[1] + 4), caption, font=font, fill=TEXT)
            if progress:
                progress.update()
    finally:
        source.release()

    # the timeline: a ruler, then one row per layer with the cues as bars
    grid_w, grid_h = layout.grid_size(len(times))
    left = layout.margin
    top = layout.header + grid_h + layout.margin
    scale = grid_w / max(show.duration, 1e-9)
    step = next(s for s in (1, 2, 5, 10, 15, 30, 60, 120, 300, 600) if show.duration / s <= 24)
    draw.line((left, top + layout.ruler - 4, left + grid_w, top + layout.ruler - 4), fill=DIM)
    t = 0.0
    while t <= show.duration + 1e-9:
        x = left + t * scale
        draw.line((x, top + layout.ruler - 8, x, top + layout.ruler - 4), fill=DIM)
        label = _fmt(t)[:-2]
        if x + font.getlength(label) < left + grid_w:
            draw.text((x + 2, top), label, font=font, fill=DIM)
        t += step
    for t in times:
        x = left + t * scale
        draw.polygon([(x - 3, top + layout.ruler - 4), (x + 3, top + layout.ruler - 4), (x, top + layout.ruler + 1)],
                     fill=TEXT)
    # Cues of a layer alternate between two lanes, so a crossfade shows as the overlap it is.
    lane_h = layout.row_height // 2
    for row, layer in enumerate(layers):
        y_row = top + layout.ruler + row * layout.row_height
        on_layer = sorted((c.start, i, c) for i, c in enumerate(show.cues) if c.layer == layer)
        for lane_index, (_, i, cue) in enumerate(on_layer):
            y0 = y_row + (lane_index % 2) * lane_h
            y1 = y0 + lane_h - 1
            x0, x1 = left + cue.start * scale, left + cue.end * scale
            colour = _cue_colour(i)
            draw.rectangle((x0, y0, x1, y1), fill=tuple(c // 3 for c in colour), outline=colour)
            if cue.fade_in > 0:
                fx = left + (cue.start + cue.fade_in) * scale
                draw.polygon([(x0, y1), (fx, y0), (fx, y1)], fill=tuple(c // 2 for c in colour))
            text = f"{i + 1} {cue.label}" + (f" ({cue.transition})" if cue.fade_in > 0 and cue.transition != "crossfade"
                                               else "")
            while small.getlength(text) > x1 - x0 - 6 and len(text) > 3:
                text = text[:-2].rstrip() + "…"
            if x1 - x0 > 30:
                draw.text((x0 + 4, y0 - 1), text, font=small, fill=TEXT)
    return sheet
