"""Resident memory of `visuals live` per module reload (reloads only: no flood, no broken saves).

Saves the show's module N times with a new revision comment, waits for each reload in the
status file, and samples the player's VmRSS half a second after it.  Prints every sample and
the growth per reload after a few warm-up reloads.  Needs DISPLAY (an Xvfb).

usage: python benchmarks/reload_memory.py [N=30]
"""
import json, os, subprocess, sys, tempfile, textwrap, time
from pathlib import Path
N = int(sys.argv[1]) if len(sys.argv) > 1 else 30
ROOT = Path(__file__).resolve().parent.parent
root = Path(tempfile.mkdtemp(prefix="visuals-reload-memory-")); scenes = root / "scenes"; scenes.mkdir(parents=True, exist_ok=True)
(scenes / "soak.frag").write_text((ROOT / "shaders/scenes/demo/rings.frag").read_text())
SOAK_PY = textwrap.dedent("""
    from visuals import Cue, Param, Pass, Scene, Show
    soakfill = Scene("soakfill", [Pass("soak.frag")], params=[Param("count", 6.0, 1.0, 30.0, "rings"),
                                                             Param("tint", "#ff8040", description="colour")])
    soak = Show("soak", cues=[Cue("tide", 0, 6, fade_in=0.5), Cue("soakfill", 4, 10, fade_in=2, fade_out=1)], bpm=96)
    # revision {n}
    """)
mod = scenes / "soak.py"; mod.write_text(SOAK_PY.format(n=0))
status = root / "status.json"; status.unlink(missing_ok=True)
proc = subprocess.Popen([sys.executable, "-m", "visuals", "--path", str(root), "live", "soak", "--size", "320x180",
                         "--no-record", "--status", str(status)], stderr=subprocess.PIPE, text=True)
def st():
    try: return json.loads(status.read_text())
    except Exception: return None
def rss():
    for line in open(f"/proc/{proc.pid}/status"):
        if line.startswith("VmRSS"): return int(line.split()[1]) / 1024
while st() is None: time.sleep(0.1)
time.sleep(2)
samples = []
for i in range(1, N + 1):
    before = st()["reloads"]
    mod.write_text(SOAK_PY.format(n=i)); os.utime(mod, (time.time() + i, time.time() + i))
    t0 = time.time()
    while (s := st()) is None or s["reloads"] == before:
        time.sleep(0.05)
        if time.time() - t0 > 30: print("no reload", s and s.get("errors")); break
    time.sleep(0.5)
    samples.append(rss())
proc.terminate(); proc.wait(10)
w = min(5, N // 4)
print("rss MB:", " ".join(f"{x:.1f}" for x in samples))
print(f"growth per reload after {w} warm-up: {(samples[-1] - samples[w]) / (N - 1 - w) * 1024:.0f} KiB ({samples[w]:.1f} -> {samples[-1]:.1f} MB over {N - 1 - w} reloads)")
import shutil
shutil.rmtree(root, ignore_errors=True)
