"""Bad input: one line naming the file, line and fix, exit code 2, no traceback."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from conftest import make_project


def run(*args, cwd=None, env=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "visuals", *args], capture_output=True, text=True,
                          cwd=cwd, env=env, timeout=120)


def one_line_error(proc: subprocess.CompletedProcess) -> str:
    assert proc.returncode == 2, (proc.returncode, proc.stderr)
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    assert lines[0].startswith("visuals: error: ")
    assert "fix:" in lines[0]
    return lines[0]


def test_unknown_show_suggests_a_name():
    line = one_line_error(run("render", "demoo", "--quiet"))
    assert "no show or scene named 'demoo'" in line and "did you mean 'demo'" in line


def test_shader_that_does_not_compile_names_file_and_line(tmp_path):
    frag = tmp_path / "broken.frag"
    frag.write_text("#version 330 core\nuniform float u_time;\nout vec4 c;\nvoid main() {\n    c = vec4(u_tim);\n}\n")
    line = one_line_error(run("still", str(frag), "--out", str(tmp_path / "x.png")))
    assert f"{frag}:5:" in line or "broken.frag:5:" in line
    assert "u_tim" in line
    assert not (tmp_path / "x.png").exists()


@pytest.mark.parametrize("args,needle", [
    (["--size", "12x"], "invalid size '12x'"),
    (["--size", "0x10"], "out of range"),
    (["--fps", "0"], "fps 0 is out of range"),
    (["--fps", "abc"], "invalid fps 'abc'"),
    (["--ssaa", "9"], "ssaa 9 is out of range"),
    (["--frames", "10:5"], "empty frame range"),
    (["--start", "-1"], "--start -1 is negative"),
    (["--format", "gif"], "invalid choice: 'gif'"),
    (["--size", "161x90"], "needs an even width and height"),
])
def test_invalid_render_options(tmp_path, args, needle):
    line = one_line_error(run("render", "demo", "--out", str(tmp_path / "x.mp4"), "--quiet", *args))
    assert needle in line


def test_unwritable_output_path(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    line = one_line_error(run("render", "demo", "--out", str(blocker / "sub" / "x.mp4"), "--quiet"))
    assert "cannot write output" in line and "x.mp4" in line


def test_unknown_parameter_in_a_show_names_the_show_line(tmp_path):
    project = make_project(tmp_path, {"scenes/mine.py": """
        from visuals import Show, Cue
        mine = Show("mine", [
            Cue("tide", 0, 5),
            Cue("rings", 5, 10, params={"cuont": 3}),
        ])
        """})
    line = one_line_error(run("--path", str(project), "still", "mine", "--out", str(tmp_path / "x.png")))
    assert "mine.py:4:" in line and "no parameter 'cuont'" in line and "did you mean 'count'" in line


def test_out_of_range_value_names_the_show_line(tmp_path):
    project = make_project(tmp_path, {"scenes/mine.py": """
        from visuals import Show, Cue
        mine = Show("mine", [Cue("tide", 0, 5, keys={"speed": [(0, 1.0), (4, 9.0)]})])
        """})
    line = one_line_error(run("--path", str(project), "still", "mine", "--out", str(tmp_path / "x.png")))
    assert "mine.py:2:" in line and "9.0" in line and "[0, 4]" in line


def test_unknown_scene_in_a_show(tmp_path):
    project = make_project(tmp_path, {"scenes/mine.py": """
        from visuals import Show, Cue
        mine = Show("mine", [Cue("tid", 0, 5)])
        """})
    line = one_line_error(run("--path", str(project), "still", "mine", "--out", str(tmp_path / "x.png")))
    assert "mine.py:2:" in line and "scene 'tid'" in line and "did you mean 'tide'" in line


def test_environment_variable_adds_a_scene_folder(tmp_path):
    project = make_project(tmp_path, {"scenes/solo.py": """
        from visuals import Scene, Pass
        solo = Scene("solo", [Pass("solo.frag")])
        """, "scenes/solo.frag": "out vec4 c; void main() { c = vec4(1.0, 0.5, 0.0, 1.0); }\n"})
    env = dict(os.environ, VISUALS_PATH=str(project))
    proc = run("still", "solo", "--size", "8x8", "--out", str(tmp_path / "solo.png"), env=env)
    assert proc.returncode == 0, proc.stderr
    from PIL import Image
    assert Image.open(tmp_path / "solo.png").convert("RGB").getpixel((4, 4)) == (255, 128, 0)


def test_ctrl_c_during_render_leaves_no_file(tmp_path):
    out = tmp_path / "long.mp4"
    # 3000 frames (the 10 s demo at 300 fps): long enough that the render is still running
    # when the signal comes, however fast this machine encodes.
    # The child gets Ctrl-C's default action even when this run was started in the background
    # of a script (where the shell hands every child SIGINT ignored).
    proc = subprocess.Popen([sys.executable, "-m", "visuals", "render", "demo", "--size", "320x180",
                             "--fps", "300", "--out", str(out)], stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    partial = tmp_path / "long.mp4.partial"
    deadline = time.time() + 60
    while not partial.exists() and time.time() < deadline:
        time.sleep(0.05)
    assert partial.exists(), "the render never started writing"
    time.sleep(0.3)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "interrupted" in err and "Traceback" not in err
    assert not out.exists() and not partial.exists()


def test_list_shows_scenes_parameters_and_ranges():
    proc = run("list")
    assert proc.returncode == 0, proc.stderr
    assert "demo" in proc.stdout and "tide" in proc.stdout
    assert "speed" in proc.stdout and "[0, 4]" in proc.stdout


def test_help_explains_each_render_option():
    proc = run("render", "--help")
    assert proc.returncode == 0
    for option in ("--out", "--size", "--fps", "--start", "--end", "--frames", "--ssaa", "--format"):
        assert option in proc.stdout


def test_still_holds_parameters_given_on_the_command_line(tmp_path):
    from PIL import Image
    import numpy as np
    a, b = tmp_path / "a.png", tmp_path / "b.png"
    assert run("still", "tide", "--at", "2", "--size", "32x18", "--out", str(a)).returncode == 0
    proc = run("still", "tide", "--at", "2", "--size", "32x18", "--param", "colour_b=#ff0000",
               "--param", "bands=9", "--out", str(b))
    assert proc.returncode == 0, proc.stderr
    assert np.abs(np.asarray(Image.open(a)).astype(int) - np.asarray(Image.open(b)).astype(int)).mean() > 5
    line = one_line_error(run("still", "tide", "--param", "bnads=9", "--out", str(b)))
    assert "did you mean 'bands'" in line
    line = one_line_error(run("still", "tide", "--param", "bands=99", "--out", str(b)))
    assert "out of range" in line


def test_a_scene_alone_plays_on_past_its_default_duration(tmp_path):
    """A one-scene show lasts as long as asked: its duration is a default, not a wall of black."""
    from PIL import Image
    import imageio.v3 as iio
    import numpy as np
    late = tmp_path / "late.png"
    proc = run("still", "tide", "--at", "25", "--size", "32x18", "--out", str(late))
    assert proc.returncode == 0, proc.stderr
    assert np.asarray(Image.open(late)).mean() > 10
    clip = tmp_path / "over.mp4"
    proc = run("render", "tide", "--start", "9.5", "--end", "10.5", "--size", "32x18", "--out", str(clip), "--quiet")
    assert proc.returncode == 0, proc.stderr
    frames = iio.imread(clip)
    assert len(frames) == 30
    assert min(float(f.mean()) for f in frames) > 10            # none black after 10 s


def test_a_time_past_a_show_s_end_is_an_error_not_black(tmp_path):
    out = tmp_path / "x.png"
    line = one_line_error(run("still", "demo", "--at", "12", "--out", str(out)))
    assert "--at 12 s is past the end of show 'demo' (10 s)" in line
    assert not out.exists()
    line = one_line_error(run("render", "demo", "--end", "11", "--out", str(tmp_path / "x.mp4"), "--quiet"))
    assert "--end 11 s is past the end" in line
    line = one_line_error(run("render", "demo", "--frames", "0:301", "--out", str(tmp_path / "x.mp4"), "--quiet"))
    assert "--frames 0:301 (to 10.0333 s) is past the end" in line
