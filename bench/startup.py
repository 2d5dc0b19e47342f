"""How long until the first window is painted (prints figures; not a test). Goal: <= 1.0 s.

Starts `python main.py` five times with TRAINER_STARTUP_BENCH=1 (the app reports the first frame
and quits) on a throwaway database, under the offscreen platform unless a display is set, and
prints the wall time from launching the process, interpreter start-up included.

Run: .venv/bin/python bench/startup.py
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(runs: int = 5) -> None:
    walls, inner = [], []
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "TRAINER_STARTUP_BENCH": "1", "TRAINER_DB": str(Path(tmp) / "b.db"),
               "XDG_CONFIG_HOME": tmp, "XDG_DATA_HOME": tmp}
        if not env.get("DISPLAY"):
            env["QT_QPA_PLATFORM"] = "offscreen"
        for _ in range(runs):
            start = time.perf_counter()
            out = subprocess.run([sys.executable, str(ROOT / "main.py")], env=env, capture_output=True,
                                 text=True, timeout=60)
            walls.append(time.perf_counter() - start)
            line = next((ln for ln in out.stdout.splitlines() if ln.startswith("first window")), "")
            inner.append(float(line.split()[3]) if line else float("nan"))
    print(f"first window painted, from launching python: median {statistics.median(walls):.2f} s, "
          f"max {max(walls):.2f} s ({runs} runs; includes quitting)")
    print(f"  of which inside main(): median {statistics.median(inner):.2f} s")


if __name__ == "__main__":
    main()
