"""The load generators the API benchmark drives: Debian's `wrk` (throughput) and `hey` (a fixed rate).

A Python client saturates the 2-core machine by itself, so its latencies measure the client; these
two are compiled tools that leave the cores to the server. `ensure()` installs them from Debian's
packages when they are missing (the benchmark machine is set up as root).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass

PACKAGES = ("wrk", "hey")
_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def ensure() -> None:
    """Install wrk and hey with apt-get when either is missing; one clear error when that fails."""
    missing = [name for name in PACKAGES if shutil.which(name) is None]
    if not missing:
        return
    result = subprocess.run(
        ["apt-get", "install", "-y", "--no-install-recommends", *missing],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0 or any(shutil.which(name) is None for name in missing):
        raise RuntimeError(
            f"cannot install {', '.join(missing)} with apt-get (run `apt-get update` first?): {result.stderr[-300:]}"
        )


@dataclass(frozen=True)
class Load:
    requests_per_s: float
    p50_ms: float
    p99_ms: float
    errors: int  # socket errors other than timeouts, and answers other than 2xx/3xx
    timeouts: int

    def failures(self) -> str:
        return f"{self.errors} errors, {self.timeouts} timeouts"


def _ms(text: str) -> float:
    """wrk's '1.23ms' / '850.00us' / '2.01s' in milliseconds.

    >>> _ms("850.00us"), _ms("1.5ms"), _ms("2s")
    (0.85, 1.5, 2000.0)
    """
    number, unit = re.fullmatch(r"([\d.]+)([a-z]+)", text.strip()).groups()  # type: ignore[union-attr]
    return float(number) * _UNITS[unit]


def parse_wrk(out: str) -> Load:
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    p50 = _ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1))  # type: ignore[union-attr]
    p99 = _ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1))  # type: ignore[union-attr]
    errors = timeouts = 0
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    if socket:
        errors += sum(int(socket.group(i)) for i in (1, 2, 3))
        timeouts = int(socket.group(4))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if non_2xx:
        errors += int(non_2xx.group(1))
    return Load(rps, p50, p99, errors, timeouts)


def wrk(url: str, seconds: int = 10, connections: int = 50, threads: int = 2) -> Load:
    """Throughput at `connections` open connections, as fast as the server answers."""
    out = subprocess.run(
        [
            "wrk",
            "-t",
            str(threads),
            "-c",
            str(connections),
            "-d",
            f"{seconds}s",
            "--timeout",
            "2s",
            "--latency",
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 60,
    ).stdout
    return parse_wrk(out)


def parse_hey(out: str) -> Load:
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    p50 = float(re.search(r"50% in ([\d.]+) secs", out).group(1)) * 1000  # type: ignore[union-attr]
    p99 = float(re.search(r"99% in ([\d.]+) secs", out).group(1)) * 1000  # type: ignore[union-attr]
    bad = sum(
        int(n)
        for code, n in re.findall(r"\[(\d{3})\]\s+(\d+) responses", out)
        if not code.startswith(("2", "3"))
    )
    errors_part = out.split("Error distribution:", 1)[1] if "Error distribution:" in out else ""
    failed = re.findall(r"\[(\d+)\]\s+(.*)", errors_part)
    timeouts = sum(int(n) for n, what in failed if "Timeout" in what or "deadline" in what)
    return Load(rps, p50, p99, bad + sum(int(n) for n, _ in failed) - timeouts, timeouts)


def hey_fixed_rate(url: str, rate: int = 100, seconds: int = 20, workers: int = 10) -> Load:
    """Latency at a set rate: `workers` clients each sending rate/workers requests a second."""
    out = subprocess.run(
        [
            "hey",
            "-z",
            f"{seconds}s",
            "-c",
            str(workers),
            "-q",
            str(rate // workers),
            "-t",
            "2",
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 60,
    ).stdout
    return parse_hey(out)
