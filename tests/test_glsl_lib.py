"""Behavioural tests for the shared GLSL library in shaders/lib/.

Self-contained: a tiny local include-inliner builds fragment shaders from the lib
files, which are compiled and run on a standalone (EGL) moderngl context; results are
read back from an RGBA32F framebuffer and checked with numpy.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

from conftest import own_headless_context

moderngl = pytest.importorskip("moderngl")

LIB = Path(__file__).resolve().parents[1] / "shaders" / "lib"
LIB_FILES = ["common.glsl", "hash.glsl", "noise.glsl", "sdf.glsl", "colour.glsl", "dither.glsl"]
INCLUDE_RE = re.compile(r'^\s*#include\s+"([^"]+)"\s*$')

VERTEX = """
#version 330 core
void main() {
    // Full-screen triangle from gl_VertexID; no vertex buffer needed.
    vec2 p = vec2(float((gl_VertexID << 1) & 2), float(gl_VertexID & 2));
    gl_Position = vec4(p * 2.0 - 1.0, 0.0, 1.0);
}
"""


def inline(path: Path, seen: set[Path]) -> str:
    """Return the file's text with #include "x" lines replaced, each file once."""
    path = path.resolve()
    if path in seen:
        return ""
    seen.add(path)
    out = []
    for line in path.read_text().splitlines():
        m = INCLUDE_RE.match(line)
        out.append(inline(path.parent / m.group(1), seen) if m else line)
    return "\n".join(out)


def fragment(body: str, includes: list[str]) -> str:
    seen: set[Path] = set()
    parts = ["#version 330 core"]
    parts += [inline(LIB / name, seen) for name in includes]
    parts.append("out vec4 frag_out;")
    parts.append(body)
    return "\n".join(parts) + "\n"


@pytest.fixture(scope="module")
def ctx():
    """The module's own headless context, released after it with the session's shared context
    made current again (a released context left current sent the next tests' calls nowhere:
    round 33's black sky frame)."""
    with own_headless_context() as context:
        yield context


def render_many(ctx, body: str, includes: list[str], uniform_sets, size=(64, 64)) -> list[np.ndarray]:
    """Compile once, then run the fragment shader over a w x h RGBA32F target for each
    dict in uniform_sets; returns a list of (h, w, 4) float32 arrays."""
    prog = ctx.program(vertex_shader=VERTEX, fragment_shader=fragment(body, includes))
    tex = ctx.texture(size, 4, dtype="f4")
    fbo = ctx.framebuffer(color_attachments=[tex])
    vao = ctx.vertex_array(prog, [])
    results = []
    for uniforms in uniform_sets:
        for name, value in uniforms.items():
            if name in prog:  # the compiler drops uniforms it does not need
                prog[name].value = value
        fbo.use()
        ctx.viewport = (0, 0, *size)
        vao.render(moderngl.TRIANGLES, vertices=3)
        data = np.frombuffer(fbo.read(components=4, dtype="f4"), dtype=np.float32)
        results.append(data.reshape(size[1], size[0], 4).copy())
    for obj in (vao, fbo, tex, prog):
        obj.release()
    return results


def render(ctx, body: str, includes: list[str], size=(64, 64), uniforms=None) -> np.ndarray:
    """Run a fragment shader once; returns (h, w, 4) float32."""
    return render_many(ctx, body, includes, [uniforms or {}], size=size)[0]


# ------------------------------------------------------------------ compilation


def test_lib_files_are_include_only():
    for name in LIB_FILES:
        text = (LIB / name).read_text()
        assert not re.search(r"^\s*#\s*version", text, re.M), name
        assert not re.search(r"\bvoid\s+main\s*\(", text), name


@pytest.mark.parametrize("name", LIB_FILES)
def test_each_file_compiles_alone(ctx, name):
    render(ctx, "void main() { frag_out = vec4(0.0); }", [name], size=(4, 4))


def test_all_files_compile_together(ctx):
    # Both include orders: each file's own includes must make it self-sufficient.
    body = "void main() { frag_out = vec4(0.0); }"
    render(ctx, body, LIB_FILES, size=(4, 4))
    render(ctx, body, list(reversed(LIB_FILES)), size=(4, 4))


def test_lib_compiles_in_a_vertex_shader(ctx):
    # Only aa_step/aa_fill need derivatives; VISUALS_NO_DERIVATIVES compiles them out.
    seen: set[Path] = set()
    libs = "\n".join(inline(LIB / name, seen) for name in LIB_FILES)
    vs = ("#version 330 core\n#define VISUALS_NO_DERIVATIVES\n" + libs
          + "\nvoid main() { gl_Position = vec4(rot2(PI) * vec2(fbm(vec2(1.0), 2)), 0.0, 1.0); }\n")
    fs = "#version 330 core\nout vec4 o;\nvoid main() { o = vec4(1.0); }\n"
    ctx.program(vertex_shader=vs, fragment_shader=fs).release()


# ------------------------------------------------------------------ colour

OKLAB_M1 = np.array([[0.4122214708, 0.5363325363, 0.0514459929],
                     [0.2119034982, 0.6806995451, 0.1073969566],
                     [0.0883024619, 0.2817188376, 0.6299787005]])
OKLAB_M2 = np.array([[0.2104542553, 0.7936177850, -0.0040720468],
                     [1.9779984951, -2.4285922050, 0.4505937099],
                     [0.0259040371, 0.7827717662, -0.8086757660]])


def grid_colour_glsl() -> str:
    # A deterministic spread of colours over [0,1]^3 from the pixel position.
    return """
    vec3 grid_colour() {
        vec2 q = floor(gl_FragCoord.xy);
        return vec3(q.x / 63.0, q.y / 63.0, fract(q.x * 0.137 + q.y * 0.291));
    }
    """


def grid_colour_np() -> np.ndarray:
    y, x = np.mgrid[0:64, 0:64].astype(np.float64)
    return np.stack([x / 63.0, y / 63.0, np.mod(x * 0.137 + y * 0.291, 1.0)], -1)


def test_oklab_matches_reference_and_round_trips(ctx):
    body = grid_colour_glsl() + """
    uniform int mode;
    void main() {
        vec3 c = grid_colour();
        if (mode == 0) {
            frag_out = vec4(rgb_to_oklab(c), 0.0);
        } else if (mode == 1) {
            frag_out = vec4(oklab_to_rgb(rgb_to_oklab(c)), 0.0);
        } else {
            // Out-of-range input must stay finite (sign-preserving cube root).
            vec3 n = c * 2.0 - 0.8;
            vec3 lch = oklab_to_oklch(rgb_to_oklab(n));
            frag_out = vec4(oklab_to_rgb(oklch_to_oklab(lch)) - n, 0.0);
        }
    }
    """
    inc = ["colour.glsl"]
    c = grid_colour_np()
    lab, back, diff = (r[..., :3] for r in render_many(ctx, body, inc, [{"mode": m} for m in range(3)]))
    ref = np.cbrt(c @ OKLAB_M1.T) @ OKLAB_M2.T
    assert np.abs(lab - ref).max() < 1e-4
    assert np.abs(back - c).max() < 1e-3
    assert np.isfinite(diff).all()
    assert np.abs(diff).max() < 1e-3


def test_oklab_known_values(ctx):
    body = """
    void main() {
        int i = int(gl_FragCoord.x);
        vec3 c = i == 0 ? vec3(1.0) : (i == 1 ? vec3(1.0, 0.0, 0.0) : vec3(0.0));
        frag_out = vec4(rgb_to_oklab(c), 0.0);
    }
    """
    out = render(ctx, body, ["colour.glsl"], size=(3, 1))[0, :, :3]
    assert np.allclose(out[0], [1.0, 0.0, 0.0], atol=1e-3)          # white
    assert np.allclose(out[1], [0.62796, 0.22486, 0.12585], atol=1e-3)  # sRGB red
    assert np.allclose(out[2], [0.0, 0.0, 0.0], atol=1e-6)          # black


def test_srgb_round_trip_and_reference(ctx):
    body = grid_colour_glsl() + """
    void main() {
        vec3 c = grid_colour();
        vec3 lin = srgb_to_linear(c);
        frag_out = vec4(linear_to_srgb(lin) - c,
                        srgb_to_linear(c.x) - lin.x + linear_to_srgb(0.5));
    }
    """
    out = render(ctx, body, ["colour.glsl"])
    assert np.abs(out[..., :3]).max() < 1e-4
    # Scalar and vector overloads agree; 0.5 linear is 0.7354 encoded.
    assert np.abs(out[..., 3] - 0.735357).max() < 1e-4


def test_gamut_clip_chroma_lands_in_gamut(ctx):
    body = """
    void main() {
        vec2 q = floor(gl_FragCoord.xy) / 63.0;
        // L over [0, 1.1], a/b over a ring of hues with chroma up to 0.45.
        float L = 1.1 * q.y;
        float h = q.x * 6.2831853;
        float C = 0.45 * fract(q.x * 7.0 + q.y * 3.0);
        vec3 lab = vec3(L, C * cos(h), C * sin(h));
        vec3 clipped = gamut_clip_chroma(lab);
        vec3 rgb = oklab_to_rgb(clipped);
        // rgb, plus how much the hue direction changed (cross product of a/b vectors).
        float twist = lab.y * clipped.z - lab.z * clipped.y;
        frag_out = vec4(rgb, abs(twist) + abs(clipped.x - clamp(L, 0.0, 1.0)));
    }
    """
    out = render(ctx, body, ["colour.glsl"])
    rgb = out[..., :3]
    assert np.isfinite(out).all()
    assert rgb.min() >= -1e-4 and rgb.max() <= 1.0 + 1e-4
    assert out[..., 3].max() < 1e-5  # L and hue kept


def test_gamut_clip_keeps_in_gamut_colours(ctx):
    body = grid_colour_glsl() + """
    void main() {
        vec3 lab = rgb_to_oklab(grid_colour() * 0.98 + 0.01);
        frag_out = vec4(gamut_clip_chroma(lab) - lab, 0.0);
    }
    """
    out = render(ctx, body, ["colour.glsl"])
    assert np.abs(out).max() < 1e-6


def test_hsv_round_trip_and_tonemappers(ctx):
    body = grid_colour_glsl() + """
    void main() {
        vec3 c = grid_colour();
        vec3 e = hsv2rgb(rgb2hsv(c)) - c;
        vec3 hdr = c * 64.0;
        vec3 a = tonemap_aces(hdr);
        vec3 x = tonemap_agx(hdr);
        frag_out = vec4(max(abs(e.x), max(abs(e.y), abs(e.z))),
                        min(min(a.x, a.y), min(a.z, min(x.x, min(x.y, x.z)))),
                        max(max(a.x, a.y), max(a.z, max(x.x, max(x.y, x.z)))),
                        luma(vec3(1.0)));
    }
    """
    out = render(ctx, body, ["colour.glsl"])
    assert np.isfinite(out).all()
    assert out[..., 0].max() < 1e-4
    assert out[..., 1].min() >= 0.0 and out[..., 2].max() <= 1.0
    assert np.allclose(out[..., 3], 1.0, atol=1e-4)


def test_tonemap_agx_is_monotonic_on_grey(ctx):
    body = """
    void main() {
        float ev = floor(gl_FragCoord.x) * 0.25 - 12.0;   // -12 .. +3.75 EV around 1
        frag_out = vec4(tonemap_agx(vec3(exp2(ev))), tonemap_aces(vec3(exp2(ev))).x);
    }
    """
    out = render(ctx, body, ["colour.glsl"], size=(64, 1))[0]
    grey = out[:, 0]
    # The published AgX matrices keep grey neutral only to ~1e-4 per channel.
    assert np.allclose(out[:, 0], out[:, 1], atol=2e-3) and np.allclose(out[:, 0], out[:, 2], atol=2e-3)
    assert np.all(np.diff(grey) >= -1e-6)
    assert np.all(np.diff(out[:, 3]) >= -1e-6)
    assert grey[0] < 0.01 and grey[-1] > 0.5


def test_palettes_in_range(ctx):
    body = """
    void main() {
        float t = floor(gl_FragCoord.x) / 63.0;
        int which = int(gl_FragCoord.y);
        vec3 c = which == 0 ? palette_dream(t) : (which == 1 ? palette_ember(t) : palette_ice(t));
        frag_out = vec4(c, 0.0);
    }
    """
    out = render(ctx, body, ["colour.glsl"], size=(64, 3))[..., :3]
    assert out.min() >= -1e-3 and out.max() <= 1.0 + 1e-3
    # Dream palette wraps (period 1) and passes through a green-dominant (emerald) zone.
    dream = out[0]
    assert np.abs(dream[0] - dream[-1]).max() < 1e-3
    assert (dream[:, 1] > dream[:, 0] + 0.3).any()


# ------------------------------------------------------------------ hashes


def test_hash_range_and_distinct_values(ctx):
    body = """
    uniform int mode;
    void main() {
        vec2 fc = gl_FragCoord.xy;
        ivec2 cell = ivec2(floor(fc)) - 128;            // negative cells included
        if (mode == 0) {
            frag_out = vec4(hash12(fc - 128.0), hashi(cell), hash_seed(cell, 7),
                            hash11(floor(fc.y) * 256.0 + floor(fc.x) - 30000.0));
        } else if (mode == 1) {
            frag_out = vec4(hash22(fc), hash2i(cell));
        } else {
            frag_out = vec4(hash33(vec3(fc, -3.5)).xy, hash3i(ivec3(cell, -9)).yz);
        }
    }
    """
    outs = render_many(ctx, body, ["hash.glsl"], [{"mode": m} for m in range(3)], size=(256, 256))
    for mode, out in enumerate(outs):
        for ch in range(4):
            v = out[..., ch].ravel()
            assert v.min() >= 0.0 and v.max() < 1.0, (mode, ch)
            assert len(np.unique(v)) > 60000, (mode, ch, len(np.unique(v)))
            assert abs(v.mean() - 0.5) < 0.01, (mode, ch)
    # Different seeds give different streams.
    out = render(ctx, """
    void main() {
        ivec2 c = ivec2(gl_FragCoord.xy);
        frag_out = vec4(hash_seed(c, 0), hash_seed(c, 1), hash11(-0.0), hash11(0.0));
    }
    """, ["hash.glsl"])
    assert np.corrcoef(out[..., 0].ravel(), out[..., 1].ravel())[0, 1] < 0.1
    assert np.mean(out[..., 0] == out[..., 1]) < 0.01
    assert np.all(out[..., 2] == out[..., 3])


# ------------------------------------------------------------------ noise


def test_noise_ranges(ctx):
    body = """
    uniform int mode;
    void main() {
        vec2 p = (gl_FragCoord.xy - 32.0) * 0.37;      // spans negative coordinates
        if (mode == 0) {
            frag_out = vec4(fbm(p, 6), fbm(vec3(p, -2.3), 5), vnoise(p), vnoise(vec3(p.yx, 1.7)));
        } else if (mode == 1) {
            frag_out = vec4(snoise(p), snoise(vec3(p, p.x - p.y)), ridged(p, 5), warp_fbm(p * 0.3, 4, 4.0));
        } else {
            // On the main diagonal all simplex ranks tie; the value there must match
            // nearby off-diagonal points (limit from several directions).
            vec3 q = vec3((gl_FragCoord.x - 32.0) * 0.173);
            vec3 off = 2e-4 * (int(gl_FragCoord.y) % 2 == 0 ? vec3(1.0, -0.7, 0.3) : vec3(-0.4, 0.2, 1.0));
            frag_out = vec4(snoise(q) - snoise(q + off), snoise(vec3(0.0)), snoise(vec2(0.0)), fbm(vec2(0.0), 0));
        }
    }
    """
    inc = ["noise.glsl"]
    a, b, c = render_many(ctx, body, inc, [{"mode": m} for m in range(3)])
    assert np.isfinite(a).all() and np.isfinite(b).all() and np.isfinite(c).all()
    for ch in range(4):
        assert a[..., ch].min() >= 0.0 and a[..., ch].max() <= 1.0
        assert a[..., ch].std() > 0.03
    for ch in (0, 1):
        assert b[..., ch].min() >= -1.0 and b[..., ch].max() <= 1.0
        assert b[..., ch].std() > 0.1
    for ch in (2, 3):
        assert b[..., ch].min() >= 0.0 and b[..., ch].max() <= 1.0
        assert b[..., ch].std() > 0.02
    assert np.abs(c[:2, :, 0]).max() < 5e-3  # continuous across the diagonal
    assert abs(c[0, 0, 1]) < 1e-6 and abs(c[0, 0, 2]) < 1e-6  # gradient noise is 0 at corners


def test_snoise_grad_and_curl(ctx):
    body = """
    void main() {
        vec2 p = (gl_FragCoord.xy - 32.0) * 0.113 + vec2(0.31, -0.17);
        const float e = 1e-2;
        vec3 n = snoise_grad(p);
        vec2 fd = vec2(snoise(p + vec2(e, 0.0)) - snoise(p - vec2(e, 0.0)),
                       snoise(p + vec2(0.0, e)) - snoise(p - vec2(0.0, e))) / (2.0 * e);
        // Divergence of curl2 by central differences.
        float div = (curl2(p + vec2(e, 0.0)).x - curl2(p - vec2(e, 0.0)).x
                   + curl2(p + vec2(0.0, e)).y - curl2(p - vec2(0.0, e)).y) / (2.0 * e);
        frag_out = vec4(n.x - snoise(p), length(n.yz - fd), div, length(curl2(p)));
    }
    """
    out = render(ctx, body, ["noise.glsl"])
    assert np.isfinite(out).all()
    assert np.abs(out[..., 0]).max() < 1e-5
    grad_scale = out[..., 3].mean()
    assert grad_scale > 0.1
    assert out[..., 1].max() < 0.02 * out[..., 3].max()
    assert np.abs(out[..., 2]).max() < 0.05 * out[..., 3].max()


def test_voronoi_sanity(ctx):
    body = """
    void main() {
        vec2 p = (gl_FragCoord.xy - 32.0) * 0.19;
        vec3 v = voronoi(p);
        vec3 g = voronoi(p, 0.0);          // regular grid: points at cell centres
        vec2 c = p - floor(p) - 0.5;
        float grid_border = 0.5 - max(abs(c.x), abs(c.y));
        frag_out = vec4(v, abs(g.z - grid_border) + abs(g.x - length(c)));
    }
    """
    out = render(ctx, body, ["noise.glsl"])
    assert np.isfinite(out).all()
    f1, cid, border = out[..., 0], out[..., 1], out[..., 2]
    assert f1.min() >= 0.0 and f1.max() < 1.5
    assert cid.min() >= 0.0 and cid.max() < 1.0 and len(np.unique(cid)) > 50
    assert border.min() >= -1e-5 and border.max() < 1.5
    assert out[..., 3].max() < 1e-4  # exact border distance on the regular grid


# ------------------------------------------------------------------ sdf


def test_ray_box_axis_aligned_rays_no_nan(ctx):
    body = """
    void main() {
        ivec2 q = ivec2(gl_FragCoord.xy);
        int axis = q.x % 3;
        float s = (q.x / 3) % 2 == 0 ? 1.0 : -1.0;
        vec3 rd = vec3(0.0);
        rd[axis] = s;
        // Origin on a grid, 5 units back along the ray, lateral offsets in [-1.5, 1.5].
        vec2 lat = vec2(float(q.y % 8), float(q.y / 8)) / 7.0 * 3.0 - 1.5;
        vec3 ro = -5.0 * rd;
        ro[(axis + 1) % 3] = lat.x;
        ro[(axis + 2) % 3] = lat.y;
        vec3 nrm;
        vec2 t = ray_box(ro, rd, vec3(1.0), nrm);
        bool expect = abs(lat.x) < 1.0 && abs(lat.y) < 1.0;
        float ok = 1.0;
        if (expect) {
            ok *= float(abs(t.x - 4.0) < 1e-4 && abs(t.y - 6.0) < 1e-4);
            ok *= float(length(nrm + rd) < 1e-5);
            ok *= float(length(ray_box_exit_normal(ro, rd, vec3(1.0)) - rd) < 1e-5);
        } else {
            ok *= float(t.x == -1.0 && t.y == -1.0);
        }
        // Inside the box: near < 0, far is the exit.
        vec3 n2;
        vec2 ti = ray_box(vec3(0.0), rd, vec3(1.0), n2);
        ok *= float(ti.x < 0.0 && abs(ti.y - 1.0) < 1e-5);
        float bad = float(any(isnan(vec4(t, ti))) || any(isnan(nrm)) || any(isinf(vec2(t))));
        frag_out = vec4(ok, bad, t);
    }
    """
    out = render(ctx, body, ["sdf.glsl"], size=(6, 64))
    assert np.isfinite(out).all()
    assert out[..., 1].max() == 0.0
    assert out[..., 0].min() == 1.0


def test_ray_sphere_and_plane(ctx):
    body = """
    void main() {
        float x = (gl_FragCoord.x - 32.0) / 16.0;     // lateral offset in [-2, 2]
        float ts = ray_sphere(vec3(x, 0.0, -5.0), vec3(0.0, 0.0, 1.0), vec3(0.0), 1.0);
        float tin = ray_sphere(vec3(0.0), vec3(0.0, 0.0, 2.0), vec3(0.0), 1.0);
        float tp = ray_plane(vec3(x, 3.0, 0.0), vec3(0.0, -1.0, 0.0), vec3(0.0, 1.0, 0.0), 0.0);
        float tpar = ray_plane(vec3(x, 3.0, 0.0), vec3(1.0, 0.0, 0.0), vec3(0.0, 1.0, 0.0), 0.0);
        frag_out = vec4(ts, tin, tp, tpar);
    }
    """
    out = render(ctx, body, ["sdf.glsl"], size=(64, 1))[0]
    x = (np.arange(64) + 0.5 - 32.0) / 16.0
    hit = np.abs(x) < 1.0
    expect = np.where(hit, 5.0 - np.sqrt(np.clip(1 - x * x, 0, None)), -1.0)
    assert np.allclose(out[:, 0], expect, atol=1e-4)
    assert np.allclose(out[:, 1], 0.5, atol=1e-6)
    assert np.allclose(out[:, 2], 3.0, atol=1e-6)
    assert np.all(out[:, 3] == -1.0)


def test_sd_bezier_matches_brute_force(ctx):
    body = """
    uniform vec2 A;
    uniform vec2 B;
    uniform vec2 C;
    void main() {
        vec2 p = (gl_FragCoord.xy - 32.0) / 20.0;
        float best = 1e9;
        for (int i = 0; i <= 4096; ++i) {
            float t = float(i) / 4096.0;
            vec2 q = mix(mix(A, B, t), mix(B, C, t), t);
            best = min(best, length(p - q));
        }
        float d = sd_bezier(p, A, B, C);
        frag_out = vec4(d, best, sd_segment(p, A, C), 0.0);
    }
    """
    cases = [
        ((-1.0, -0.5), (0.2, 1.4), (1.2, -0.8)),    # arch
        ((-1.2, 0.0), (0.0, 0.0), (1.2, 0.0)),      # straight (degenerate cubic)
        ((-1.0, -1.0), (1.5, 1.5), (-1.0, 0.9)),    # tight hairpin
        ((0.3, 0.3), (0.3, 0.3), (0.3, 0.3)),       # a point
    ]
    outs = render_many(ctx, body, ["sdf.glsl"], [{"A": a, "B": b, "C": c} for a, b, c in cases])
    for (a, b, c), out in zip(cases, outs):
        assert np.isfinite(out).all(), (a, b, c)
        d, brute = out[..., 0], out[..., 1]
        assert (d <= brute + 1e-4).all(), (a, b, c)          # never longer than a sample
        assert np.abs(d - brute).max() < 2e-3, (a, b, c, np.abs(d - brute).max())


def test_sdf_primitives_and_ops(ctx):
    body = """
    void main() {
        vec2 p = (gl_FragCoord.xy - 32.0) / 16.0;
        vec3 p3 = vec3(p, 0.25);
        float r = 0.0;
        // Known values at chosen points.
        r += abs(sd_circle(vec2(3.0, 4.0), 1.0) - 4.0);
        r += abs(sd_box2(vec2(3.0, 0.0), vec2(1.0)) - 2.0);
        r += abs(sd_box2(vec2(0.0), vec2(1.0, 2.0)) + 1.0);
        r += abs(sd_sphere(vec3(0.0, 3.0, 0.0), 1.0) - 2.0);
        r += abs(sd_box(vec3(2.0, 2.0, 0.0), vec3(1.0)) - sqrt(2.0));
        r += abs(sd_round_box(vec3(3.0, 0.0, 0.0), vec3(1.0), 0.2) - 2.0);
        r += abs(sd_cylinder(vec3(0.0, 3.0, 0.0), 1.0, 0.5) - 2.0);
        r += abs(sd_capsule(vec3(0.0, 2.0, 0.0), vec3(-1.0, 0.0, 0.0), vec3(1.0, 0.0, 0.0), 0.5) - 1.5);
        r += abs(sd_plane(vec3(0.0, 2.0, 0.0), vec3(0.0, 1.0, 0.0), 0.5) - 2.5);
        r += abs(sd_torus(vec3(2.0, 0.0, 0.0), vec2(1.5, 0.25)) - 0.25);
        r += abs(sd_arc(vec2(0.0, 1.0), vec2(sin(0.5), cos(0.5)), 1.0, 0.1) + 0.1);
        r += abs(op_sub(1.0, -0.5) - 1.0) + abs(op_union(1.0, 2.0) - 1.0) + abs(op_intersect(1.0, 2.0) - 2.0);
        r += abs(op_round(1.0, 0.25) - 0.75) + abs(op_onion(-0.5, 0.1) - 0.4);
        r += length(op_repeat(vec3(2.6, -2.6, 0.4), vec3(1.0)) - vec3(-0.4, 0.4, 0.4));
        // Smooth mins: bounded by min, equal to it far from the blend zone, finite.
        float a = sd_sphere(p3 - vec3(-0.4, 0.0, 0.0), 0.5);
        float b = sd_sphere(p3 - vec3(0.4, 0.0, 0.0), 0.5);
        float m = min(a, b);
        float s1 = smin(a, b, 0.3);
        float s2 = smin_exp(a, b, 0.1);
        float s3 = smax(a, b, 0.3);
        float big = smin_exp(-1e4, -1e4 + 1.0, 0.01);   // must not overflow
        float bad = 0.0;
        bad += float(s1 > m + 1e-6) + float(s2 > m + 1e-6) + float(s3 < max(a, b) - 1e-6);
        bad += float(abs(a - b) > 0.3 && abs(s1 - m) > 1e-6);
        bad += float(isnan(big) || isinf(big) || abs(big + 1e4) > 1e-2);
        frag_out = vec4(r, bad, s1, s2);
    }
    """
    out = render(ctx, body, ["sdf.glsl"])
    assert np.isfinite(out).all()
    assert out[..., 0].max() < 1e-4
    assert out[..., 1].max() == 0.0


# ------------------------------------------------------------------ dither / common


def test_dither8_bounded_unbiased_and_animated(ctx):
    body = """
    uniform float value;
    uniform int frame;
    void main() {
        vec3 c = vec3(value, value + 0.1, value * 0.5);
        vec3 d = dither8(c, gl_FragCoord.xy, frame);
        frag_out = vec4(d - c, ign(gl_FragCoord.xy, frame));
    }
    """
    lsb = 1.0 / 255.0
    prev = None
    settings = [(0.5, 0), (0.5, 1), (0.2137, 7), (0.75, 123456), (0.75, 123456)]
    outs = render_many(ctx, body, ["dither.glsl"], [{"value": v, "frame": f} for v, f in settings])
    for out in outs[:-1]:
        diff = out[..., :3]
        assert np.abs(diff).max() <= lsb * 1.01
        assert np.abs(diff).max() > 0.8 * lsb           # actually uses the full +-1 LSB
        assert np.abs(diff.mean(axis=(0, 1))).max() < 0.03 * lsb
        ig = out[..., 3]
        assert ig.min() >= 0.0 and ig.max() < 1.0
        if prev is not None:
            assert not np.array_equal(prev, diff)
        prev = diff
    # Deterministic, and black/white stay exact.
    assert np.array_equal(outs[-1][..., :3], prev)
    edge = render(ctx, """
    void main() {
        frag_out = vec4(dither8(vec3(0.0, 1.0, 0.0), gl_FragCoord.xy, 3), 0.0);
    }
    """, ["dither.glsl"])
    assert np.all(edge[..., 0] == 0.0) and np.all(edge[..., 1] == 1.0)


def test_dither8_removes_banding_on_average(ctx):
    # Quantising a dithered flat value to 8 bits averages back to the value.
    body = """
    uniform float value;
    void main() {
        vec3 d = dither8(vec3(value), gl_FragCoord.xy, 0);
        frag_out = vec4(floor(d * 255.0 + 0.5) / 255.0, 0.0);
    }
    """
    value = 0.40123
    out = render(ctx, body, ["dither.glsl"], uniforms={"value": value})
    assert abs(out[..., 0].mean() - value) < 0.05 / 255.0


def test_common_helpers(ctx):
    body = """
    void main() {
        vec2 uv = centered_uv(gl_FragCoord.xy, vec2(128.0, 64.0));
        vec2 r = rot2(PI * 0.5) * vec2(1.0, 0.0);
        float edge = aa_step(0.0, uv.x);
        float e = abs(r.x) + abs(r.y - 1.0) + abs(TAU - 2.0 * PI)
                + abs(remap(5.0, 0.0, 10.0, 1.0, 3.0) - 2.0)
                + abs(remap(1.0, 2.0, 2.0, 0.0, 1.0)) + abs(remap01(20.0, 0.0, 10.0) - 1.0)
                + abs(saturate(-1.0)) + length(saturate(vec3(2.0, -1.0, 0.5)) - vec3(1.0, 0.0, 0.5));
        frag_out = vec4(uv, edge, e);
    }
    """
    out = render(ctx, body, ["common.glsl"], size=(128, 64))
    uv = out[..., :2]
    assert np.isclose(uv[..., 1].min(), -0.5 + 0.5 / 64) and np.isclose(uv[..., 1].max(), 0.5 - 0.5 / 64)
    assert np.isclose(uv[..., 0].max(), (127.5 - 64) / 64)
    edge = out[0, :, 2]
    assert edge[0] == 0.0 and edge[-1] == 1.0 and np.all(np.diff(edge) >= 0)
    assert ((edge > 0) & (edge < 1)).sum() <= 2                 # about one pixel wide
    assert out[..., 3].max() < 1e-5
