"""A transition reads what a scene's pass reads: the per-frame uniforms of the contract (the
beat, the tempo, u_delta) and the sound (u_audio_* and the u_audio texture), in show time."""
from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest

from audio_helpers import tone
from conftest import make_project

HEAR = """
    #version 330 core
    uniform sampler2D u_from;
    uniform sampler2D u_to;
    uniform float u_progress;
    uniform float u_audio_bass;
    uniform float u_bpm;
    uniform float u_delta;
    uniform sampler2D u_audio;
    out vec4 c;
    void main() {
        // red: the bass heard; green: the tempo / 200; blue: the spectrum's first bins (texture)
        float spectrum = texture(u_audio, vec2(0.01, 0.25)).r;
        c = vec4(u_audio_bass, u_bpm / 200.0, spectrum, 1.0) * step(0.0, u_delta);
    }
    """

FILES = {
    "shaders/transitions/hear.frag": HEAR,
    "scenes/hearing.py": """
        from visuals import Show, Cue
        hearing = Show("hearing", [Cue("env_gradient", 0, 2), Cue("env_gradient", 1, 3, fade_in=1, transition="hear")], bpm=90)
        """,
}


def transition_pixel(gl, folder, audio) -> np.ndarray:
    from visuals.load.paths import SearchPath
    from visuals.load.registry import Registry
    from visuals.output.export import ShowSource
    from visuals.output.pngio import gl_rows_to_image
    from visuals.render.renderer import RenderConfig
    registry = Registry(SearchPath.build([folder]))
    config = RenderConfig(size=(16, 8), fps=Fraction(30))
    source = ShowSource(gl, registry.show("hearing"), registry, config, audio=audio)
    try:
        return gl_rows_to_image(source.render(45).read_rgb(), config.size)[4, 8].astype(int)   # t = 1.5 s
    finally:
        source.release()


def test_a_transition_hears_the_sound_and_reads_the_tempo(gl, tmp_path):
    from visuals.audio.analysis import AudioFeatures
    from visuals.audio.sources import load_audio
    folder = make_project(tmp_path / "project", FILES)
    bass = AudioFeatures(load_audio(tone(tmp_path / "bass.wav", 60.0, seconds=3.0)), Fraction(30))
    heard = transition_pixel(gl, folder, bass)
    silent = transition_pixel(gl, folder, None)
    assert heard[0] > 150, "u_audio_bass reaches the transition"
    assert heard[2] > 100, "the u_audio texture reaches the transition"
    assert silent[0] == 0 and silent[2] == 0
    assert silent[1] == pytest.approx(90 / 200 * 255, abs=2), "u_bpm reaches the transition"
