"""Figures of a built bundle: size, memory while recognising, and start-up to the first answer.

    python bench/booth_figures.py                      # dist/DigitStudioBooth (build it first:
                                                       #   packaging/build.py --booth)
    python bench/booth_figures.py --full               # and dist/DigitStudio, if built
    python bench/booth_figures.py dist/DigitStudio --runs 3 --json build/figures.json

Standard library only (psutil, if importable, stands in for /proc outside Linux). Runs the bundled
executable as packaging/smoke_test.py does: Qt's offscreen platform, a fresh temporary home, no
PYTHONPATH. For each bundle:

* size: the files' bytes (as build.py counts them) and the disk usage (as ``du -sh`` shows it);
* memory of the window: ``--smoke-test`` (the window opens, a drawn 7 is recognised, it exits),
  /proc/PID/status sampled every 5 ms: the peak (VmHWM, and the kernel's maxrss at exit) and the
  resident size when the answer is printed;
* memory of the kiosk: ``--kiosk`` with the attract loop from the start, after it has drawn and
  recognised a few digits: resident size then (VmRSS) and the peak so far (VmHWM);
* start-up: from launching the executable to the ``smoke test: ... ok`` line of ``--smoke-test``
  (the first recognised drawing), median of ``--runs``; cold = after ``sync`` and dropping the
  page cache (``echo 3 > /proc/sys/vm/drop_caches``, root on Linux; without it only warm figures and
  the first run are given), warm = straight after. The app's own figure ("after N.NNs", counted from
  the start of main.py, so without the bootloader and Python's start-up) is shown beside it.
"""
from __future__ import annotations

import argparse
import json
import os
import queue
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.dont_write_bytecode = True  # no packaging/__pycache__ from the import below
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "packaging"))
from smoke_test import ATTRACT_LINE, KIOSK_CONFIG, ROOT, clean_env, find_executables  # noqa: E402

IS_LINUX = sys.platform.startswith("linux")
MIB = 2**20


def log(message: str) -> None:
    print(message, flush=True)


# --- size -------------------------------------------------------------------------------------------

def bundle_size(bundle: Path) -> dict:
    apparent = disk = files = 0
    for root, _dirs, names in os.walk(bundle):
        for name in names:
            st = os.lstat(Path(root, name))
            disk += getattr(st, "st_blocks", 0) * 512
            if not Path(root, name).is_symlink():
                apparent += st.st_size
                files += 1
    return {"files": files, "bytes": apparent, "MiB": round(apparent / MIB, 1),
            "MB": round(apparent / 1e6, 1), "du_MiB": round(disk / MIB, 1) if disk else None}


# --- memory -----------------------------------------------------------------------------------------

def memory(pid: int) -> tuple[float, float] | None:
    """(resident MiB now, peak resident MiB so far) of a running process; None once it is gone."""
    if IS_LINUX:
        try:
            text = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            return None
        fields = dict(re.findall(r"^(VmRSS|VmHWM):\s+(\d+) kB", text, re.MULTILINE))
        if "VmRSS" not in fields:
            return None
        return int(fields["VmRSS"]) / 1024, int(fields.get("VmHWM", fields["VmRSS"])) / 1024
    try:
        import psutil
    except ImportError:
        return None
    try:
        info = psutil.Process(pid).memory_info()
    except psutil.Error:
        return None
    return info.rss / MIB, getattr(info, "peak_wset", info.rss) / MIB


class Launched:
    """The executable running, its output read line by line on a thread."""

    def __init__(self, cmd: list[str], env: dict, cwd: Path):
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                     text=True, encoding="utf-8", errors="replace")
        self.lines: queue.Queue[tuple[float, str | None]] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            self.lines.put((time.perf_counter(), line.rstrip()))
        self.lines.put((time.perf_counter(), None))

    def next_line(self, timeout: float) -> tuple[float, str | None] | None:
        try:
            return self.lines.get(timeout=timeout)
        except queue.Empty:
            return None

    def wait(self) -> float | None:
        """Wait for the exit; the peak resident MiB the kernel recorded (Linux, macOS), else None."""
        if hasattr(os, "wait4") and self.proc.returncode is None:
            _pid, status, usage = os.wait4(self.proc.pid, 0)
            self.proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
            return usage.ru_maxrss / 1024 if sys.platform != "darwin" else usage.ru_maxrss / MIB
        self.proc.wait()
        return None

    def stop(self) -> None:
        """End it if it still runs (never through Popen.poll, which would reap it before wait4)."""
        if self.proc.returncode is None:
            try:
                self.proc.kill() if sys.platform == "win32" else os.kill(self.proc.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass


def smoke_run(app: Path, env: dict, work: Path, sample_memory: bool, timeout: float = 240) -> dict:
    """One ``--smoke-test``: seconds from launch to the answer, the app's own figure, memory."""
    run = Launched([str(app), "--smoke-test"], env, work)
    answer, samples, at_answer, output = None, [], None, []
    deadline = run.started + timeout
    while time.perf_counter() < deadline:
        item = run.next_line(0.005 if sample_memory else max(0.0, deadline - time.perf_counter()))
        if sample_memory and (mem := memory(run.proc.pid)):
            samples.append(mem)
        if item is None:
            continue
        seen, line = item
        if line is None:
            break
        output.append(line)
        if line.startswith("smoke test:"):
            answer = (seen, line)
            if sample_memory:
                at_answer = memory(run.proc.pid) or (samples[-1] if samples else None)
    run.stop()
    maxrss = run.wait()
    if answer is None:
        raise SystemExit(f"{app} --smoke-test gave no answer:\n" + "\n".join(output[-20:]))
    seen, line = answer
    own = re.search(r"after ([\d.]+)s", line)
    result = {"launch_to_answer_s": round(seen - run.started, 3),
              "app_reported_s": float(own.group(1)) if own else None, "ok": line.endswith(": ok"), "line": line}
    if sample_memory:
        peaks = [peak for _rss, peak in samples] + ([maxrss] if maxrss else [])
        result.update(rss_at_answer_MiB=round(at_answer[0], 1) if at_answer else None,
                      rss_peak_MiB=round(max(peaks), 1) if peaks else None, samples=len(samples))
    return result


def kiosk_memory(app: Path, env: dict, work: Path, digits: int = 5, timeout: float = 120) -> dict:
    """``--kiosk`` with the attract loop at once: memory after it has read ``digits`` drawn digits."""
    config = work / "booth-figures.toml"
    config.write_text(KIOSK_CONFIG, encoding="utf-8")
    run = Launched([str(app), "--kiosk", "--booth-config", str(config), "--log-level", "info"], env, work)
    read, mem, output = [], None, []
    deadline = run.started + timeout
    try:
        while len(read) < digits and (item := run.next_line(max(0.0, deadline - time.perf_counter()))):
            _seen, line = item
            if line is None:
                break
            output.append(line)
            if match := ATTRACT_LINE.search(line):
                read.append(f"{match.group(1)}->{match.group(2)}")
        mem = memory(run.proc.pid)
        seconds = time.perf_counter() - run.started
    finally:
        run.stop()
        run.wait()
    if mem is None or len(read) < digits:
        raise SystemExit(f"{app} --kiosk did not read {digits} digits:\n" + "\n".join(output[-20:]))
    return {"digits_read": read, "after_s": round(seconds, 1), "rss_MiB": round(mem[0], 1),
            "rss_peak_MiB": round(mem[1], 1)}


# --- start-up ---------------------------------------------------------------------------------------

def drop_caches() -> bool:
    """Empty the page cache (Linux, root); False where that is not allowed."""
    if not IS_LINUX:
        return False
    os.sync()
    try:
        with open("/proc/sys/vm/drop_caches", "w") as fh:
            fh.write("3\n")
        return True
    except OSError:
        return False


def median_of(runs: list[dict], key: str) -> float | None:
    values = [run[key] for run in runs if run.get(key) is not None]
    return round(statistics.median(values), 3) if values else None


def figures(bundle: Path, runs: int) -> dict:
    app, _cli, booth = find_executables(bundle)
    result: dict = {"bundle": str(bundle), "booth": booth, "size": bundle_size(bundle)}
    log(f"\n== {bundle} ==")
    size = result["size"]
    log(f"size: {size['MiB']} MiB ({size['MB']} MB) in {size['files']:,} files; du: {size['du_MiB']} MiB")
    with tempfile.TemporaryDirectory(prefix="digit-studio-figures-") as tmp:
        home, work = Path(tmp) / "home", Path(tmp) / "work"
        home.mkdir()
        work.mkdir()
        env = clean_env(home)

        cold_allowed = drop_caches()
        first = smoke_run(app, env, work, sample_memory=False)
        result["first_run"] = first
        log(f"first run{' (cold)' if cold_allowed else ''}: launch -> answer {first['launch_to_answer_s']:.2f} s "
            f"(app says {first['app_reported_s']} s)")
        cold = []
        if cold_allowed:
            for _ in range(runs):
                drop_caches()
                cold.append(smoke_run(app, env, work, sample_memory=False))
            result["cold"] = {"runs": cold, "median_launch_to_answer_s": median_of(cold, "launch_to_answer_s"),
                              "median_app_reported_s": median_of(cold, "app_reported_s")}
            log(f"cold start (page cache dropped), {runs} runs: launch -> answer "
                + ", ".join(f"{r['launch_to_answer_s']:.2f}" for r in cold)
                + f" s; median {result['cold']['median_launch_to_answer_s']:.2f} s "
                f"(app says median {result['cold']['median_app_reported_s']} s)")
        else:
            result["cold"] = None
            log("cold start: cannot drop the page cache here (needs root on Linux): warm figures only")
        warm = [smoke_run(app, env, work, sample_memory=False) for _ in range(runs)]
        result["warm"] = {"runs": warm, "median_launch_to_answer_s": median_of(warm, "launch_to_answer_s"),
                          "median_app_reported_s": median_of(warm, "app_reported_s")}
        log(f"warm start, {runs} runs: launch -> answer " + ", ".join(f"{r['launch_to_answer_s']:.2f}" for r in warm)
            + f" s; median {result['warm']['median_launch_to_answer_s']:.2f} s "
            f"(app says median {result['warm']['median_app_reported_s']} s)")

        window = smoke_run(app, env, work, sample_memory=True)
        result["window_memory"] = window
        log(f"window (--smoke-test): resident {window['rss_at_answer_MiB']} MiB when the 7 was recognised, "
            f"peak {window['rss_peak_MiB']} MiB ({window['samples']} samples)")
        kiosk = kiosk_memory(app, env, work)
        result["kiosk_memory"] = kiosk
        log(f"kiosk (attract loop, {len(kiosk['digits_read'])} digits read: {' '.join(kiosk['digits_read'])}, "
            f"{kiosk['after_s']} s): resident {kiosk['rss_MiB']} MiB, peak {kiosk['rss_peak_MiB']} MiB")
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("bundles", nargs="*", metavar="BUNDLE", help="bundle folders (default: dist/DigitStudioBooth)")
    parser.add_argument("--full", action="store_true", help="also dist/DigitStudio, the full bundle, if it is built")
    parser.add_argument("--runs", type=int, default=5, help="start-ups per figure (default 5)")
    parser.add_argument("--json", metavar="PATH", help="also write the figures as JSON")
    args = parser.parse_args(argv)
    bundles = [Path(b).resolve() for b in args.bundles] or [ROOT / "dist" / "DigitStudioBooth"]
    if args.full and (ROOT / "dist" / "DigitStudio").is_dir():
        bundles.append(ROOT / "dist" / "DigitStudio")
    results = [figures(bundle, args.runs) for bundle in bundles]
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(results, indent=2), encoding="utf-8")
        log(f"\nfigures written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
