"""Baseline peer: the plain moderngl loop a user would write by hand.

Render bench.frag, read the frame back, pipe it to ffmpeg (libx264 medium, crf 23, yuv420p)
or save it with Pillow, one frame after another.  ENVIRONMENT.md measured this at 34 fps to
mp4 and 10 fps to PNG; running it in the same benchmark as visuals gives a baseline on the
same machine at the same moment.

usage: python benchmarks/peer_plain_loop.py mp4|png OUT [frames] [WxH]
"""
import subprocess
import sys
from pathlib import Path

import imageio_ffmpeg
import moderngl
from PIL import Image

FRAG = Path(__file__).resolve().parent / "bench.frag"
VERT = """#version 330
void main(){ vec2 p = vec2(float((gl_VertexID << 1) & 2), float(gl_VertexID & 2));
             gl_Position = vec4(p * 2.0 - 1.0, 0.0, 1.0); }"""


def main() -> None:
    fmt, out = sys.argv[1], Path(sys.argv[2])
    frames = int(sys.argv[3]) if len(sys.argv) > 3 else 120
    w, h = (int(v) for v in (sys.argv[4] if len(sys.argv) > 4 else "1280x720").split("x"))
    frag = Path(sys.argv[5]) if len(sys.argv) > 5 else FRAG
    ctx = moderngl.create_context(standalone=True, backend="egl")
    prog = ctx.program(vertex_shader=VERT, fragment_shader=frag.read_text())
    vao = ctx.vertex_array(prog, [])
    fbo = ctx.simple_framebuffer((w, h))
    fbo.use()
    prog["u_resolution"] = (w, h)
    proc = None
    if fmt == "mp4":
        proc = subprocess.Popen([imageio_ffmpeg.get_ffmpeg_exe(), "-y", "-loglevel", "error",
                                 "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", f"{w}x{h}", "-r", "30",
                                 "-i", "-", "-vf", "vflip", "-c:v", "libx264", "-preset", "medium",
                                 "-crf", "23", "-pix_fmt", "yuv420p", str(out)], stdin=subprocess.PIPE)
    else:
        out.mkdir(parents=True, exist_ok=True)
    for i in range(frames):
        prog["u_time"] = i / 30
        vao.render(vertices=3)
        data = fbo.read(components=3)
        if proc:
            proc.stdin.write(data)
        else:
            Image.frombytes("RGB", (w, h), data).transpose(Image.FLIP_TOP_BOTTOM).save(
                out / f"frame_{i:04d}.png")
    if proc:
        proc.stdin.close()
        proc.wait()


if __name__ == "__main__":
    main()
