"""Single images: a still or a contact sheet in the format its name asks for (PNG, JPEG,
WebP), and a frame read back from GL as a PNG (live screenshots and --dump), each written by
the rules of safe_output.py."""
from __future__ import annotations

from pathlib import Path

import numpy as np

from visuals.errors import VisualsError
from visuals.load.paths import display_path
from .pngio import encode_png, gl_rows_to_image
from .safe_output import write_file


STILL_TYPES = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".webp": "WEBP"}


def still_type(path: Path) -> str:
    """The image format a still's file name asks for; anything else is one line and exit 2,
    never PNG bytes under a name that says otherwise."""
    path = Path(path)
    kind = STILL_TYPES.get(path.suffix.lower())
    if kind is None:
        shown = display_path(path)
        what = (f"'{path.suffix}' is not an image type visuals writes" if path.suffix
                else "the name has no suffix to say the image type")
        raise VisualsError(what, file=shown,
                           fix="end the name in .png, .jpg, .jpeg or .webp")
    return kind


def encode_still(image: np.ndarray, kind: str) -> bytes:
    """An (h, w, 3) top-row-first image as PNG (the fast exact encoder), JPEG (quality 95) or
    WebP (quality 90) bytes."""
    if kind == "PNG":
        return encode_png(image)
    import io

    from PIL import Image
    buffer = io.BytesIO()
    options = {"JPEG": {"quality": 95}, "WEBP": {"quality": 90}}[kind]
    Image.fromarray(np.ascontiguousarray(image)).save(buffer, format=kind, **options)
    return buffer.getvalue()


def write_still(path: Path, image: np.ndarray) -> None:
    """One image, in the format its name asks for, written by the rules of safe_output."""
    kind = still_type(path)
    write_file(Path(path), lambda: encode_still(image, kind))


def write_png(path: Path, data: bytes, size: tuple[int, int]) -> None:
    """One frame read back from GL as a PNG, written by the rules of safe_output.  Used by the
    live player (screenshots, --dump), so it does not wait for the disk (no fsync): the render
    loop must not stall on it."""
    write_file(Path(path), lambda: encode_png(gl_rows_to_image(data, size)), durable=False)
