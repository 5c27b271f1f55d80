"""What control flow saves on this machine's GL: branches, discards, loop forms, depth tests.

Each case draws one full-screen triangle at 640x360 whose work is a body of 30 sin/cos (about
12 ms on llvmpipe) under some control flow, and prints the median time of several draws next
to the body alone.  The shaders are built here from one body so every case differs only in
its control flow (they are measurement fixtures, not part of the engine's shader set).

What it showed on llvmpipe (shaders/README.md, "Loops and branches on software GL"): an
``if``, ``return`` or ``discard`` saves nothing; a loop tested at the top costs n + 1 bodies,
tested at the end too it costs n; only a failed depth test leaves pixels unshaded.

usage: python benchmarks/llvmpipe_control_flow.py [--size 640x360] [--runs 9]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import moderngl  # noqa: E402

from _timing import median_time  # noqa: E402

from visuals.render.gpu import create_headless_context  # noqa: E402

VERT = """#version 330 core
uniform float z;
void main() {
    vec2 p = vec2(float((gl_VertexID << 1) & 2), float(gl_VertexID & 2));
    gl_Position = vec4(p * 2.0 - 1.0, z, 1.0);
}
"""
BODY = "".join(f"        a += sin(p.x * {i}.0 + a) * cos(p.y + a);\n" for i in range(30))
HEAD = "#version 330 core\nuniform int n;\nout vec4 c;\nvoid main() {\n    vec2 p = gl_FragCoord.xy / 640.0;\n    float a = 0.0;\n    c = vec4(0.0);\n"
NONE = "(gl_FragCoord.x < -1.0)"          # true for no pixel, unknown to the compiler


def shader(middle: str) -> str:
    return HEAD + middle + "    c += vec4(a);\n}\n"


CASES = {
    "the body alone": (shader("    {\n" + BODY + "    }\n"), (0,)),
    "inside an if no pixel takes": (shader(f"    if {NONE} {{\n" + BODY + "    }\n"), (0,)),
    "after a return every pixel takes": (shader(f"    if (!{NONE}) {{\n        return;\n    }}\n" + BODY), (0,)),
    "after a discard of every pixel": (shader(f"    if (!{NONE}) {{\n        discard;\n    }}\n" + BODY), (0,)),
    "for (i < n; ++i), n = 0..3": (shader("    for (int i = 0; i < n; ++i) {\n" + BODY + "    }\n"), (0, 1, 2, 3)),
    "the same, exit tested at the end too": (
        shader("    for (int i = 0; i < n; ) {\n" + BODY + "        if (++i >= n) {\n            break;\n        }\n    }\n"),
        (0, 1, 2, 3)),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", default="640x360")
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    w, h = (int(v) for v in args.size.split("x"))
    ctx = create_headless_context()
    colour = ctx.texture((w, h), 4)
    depth = ctx.depth_renderbuffer((w, h))
    fbo = ctx.framebuffer([colour], depth)
    fbo.use()
    print(f"renderer: {ctx.info['GL_RENDERER']}; {w}x{h}, median of {args.runs} draws")

    def draw_ms(prog, before=None) -> float:
        """The median milliseconds of one fenced draw of ``prog``; ``before`` runs untimed."""
        vao = ctx.vertex_array(prog, [])

        def prepare():
            if before:
                before()
            ctx.finish()

        def draw():
            vao.render(moderngl.TRIANGLES, vertices=3)
            ctx.finish()
        ms = median_time(draw, args.runs, before=prepare) * 1e3
        vao.release()
        return ms

    for name, (source, counts) in CASES.items():
        prog = ctx.program(vertex_shader=VERT, fragment_shader=source)
        prog["z"] = 0.0
        figures = []
        for k in counts:
            if "n" in prog:
                prog["n"] = k
            figures.append(f"{draw_ms(prog):7.2f}")
        print(f"  {name:44s} {' '.join(figures)} ms")
        prog.release()

    # A depth test: a cheap pass marks a fraction of the pixels near (depth 0), the body then
    # runs under a depth test against it.
    mark = ctx.program(vertex_shader=VERT, fragment_shader="""#version 330 core
uniform float frac;
uniform float width;
out vec4 c;
void main() { c = vec4(0.0); gl_FragDepth = (gl_FragCoord.x < width * frac) ? 0.0 : 1.0; }
""")
    mark["z"] = 0.0
    mark["width"] = float(w)
    body = ctx.program(vertex_shader=VERT, fragment_shader=shader("    {\n" + BODY + "    }\n"))
    body["z"] = 0.0
    mark_vao = ctx.vertex_array(mark, [])
    figures = []
    for frac in (0.0, 0.5, 0.9, 1.0):
        def before(frac=frac):
            fbo.clear(depth=1.0)
            ctx.enable(moderngl.DEPTH_TEST)
            ctx.depth_func = "1"
            mark["frac"] = frac
            mark_vao.render(moderngl.TRIANGLES, vertices=3)
            ctx.depth_func = "<"
        figures.append(f"{draw_ms(body, before):7.2f}")
    ctx.disable(moderngl.DEPTH_TEST)
    print(f"  {'under a depth test failing on 0/50/90/100 %':44s} {' '.join(figures)} ms")


if __name__ == "__main__":
    main()
