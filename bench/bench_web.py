"""Web speed: requests per second and latency of ``newsdesk serve`` over a large corpus.

The corpus is generated (see bench/web_corpus.py: BENCH_WEB_ARTICLES articles, 100,000 by
default, kept between runs). The server runs as ``newsdesk serve --workers 2`` does, read-only on a
loopback port, and wrk loads each route in turn for BENCH_WEB_SECONDS seconds (10 by default)
from up to 2 threads over the route's connections (16, or 2 for the article page's own
latency); article pages are asked for by ids drawn at random over the
whole corpus. A route the server does not have yet (404) is measured through its stand-in, and
the table says so.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
from web_corpus import bench_corpus

THREADS = 2
WARM_UP_SECONDS = 2
START_TIMEOUT = 60.0
# Server processes: one per core of the machine the targets were set for.
SERVER_WORKERS = 2


@dataclass(frozen=True)
class Route:
    """One measured route: the path asked for (``{id}`` becomes an article id drawn at random),
    the path measured instead while the server answers 404 for it, and the targets."""

    label: str
    path: str
    stand_in: str
    min_requests_per_second: float | None
    max_p99_ms: float
    connections: int = 16


# The routes under load and what each must reach; edit here to measure others. The article
# page is measured twice: under the quotes' load (16 connections, the server saturated, so its
# latency is mostly the queue) and with one connection per server process (its own latency).
ROUTES = (
    Route("quotes API (50 a page)", "/api/quotes?limit=50", "/api/counts", 500, 100),
    Route("article page", "/articles/{id}", "/", None, 50),
    Route("article page", "/articles/{id}", "/", None, 50, connections=2),
)

# wrk's Lua script: each request's path, with ``{id}`` an article id drawn at random (each wrk
# thread draws its own sequence, seeded by the thread's number).
RANDOM_IDS_SCRIPT = """
local before, after, articles = %s, %s, %d
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("number", threads)
end
function init(args)
  math.randomseed(7919 * number)
end
function request()
  if articles == 0 then
    return wrk.format("GET", before)
  end
  return wrk.format("GET", before .. math.random(1, articles) .. after)
end
"""


def lua_string(text: str) -> str:
    """``text`` as a Lua string literal (the paths measured are plain ASCII)."""
    if not re.fullmatch(r"[\x20-\x7e]*", text) or '"' in text or "\\" in text:
        raise ValueError(f"not a plain path: {text!r}")
    return f'"{text}"'


def wrk_script(path: str, articles: int, folder: Path) -> Path:
    """A wrk script asking for ``path`` with ``{id}`` drawn from 1 to ``articles``."""
    before, marker, after = path.partition("{id}")
    if not marker:  # a fixed path: every request asks for the same
        before, after, articles = path, "", 0
    script = folder / "requests.lua"
    script.write_text(RANDOM_IDS_SCRIPT % (lua_string(before), lua_string(after), articles))
    return script


@dataclass(frozen=True)
class Load:
    """What one wrk run measured."""

    requests_per_second: float
    p50_ms: float
    p99_ms: float
    requests: int
    failures: int


def free_port() -> int:
    """A loopback port nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def start_server(db: Path, port: int, log: Path) -> subprocess.Popen[bytes]:
    """Start ``newsdesk serve`` on the corpus, read-only on 127.0.0.1 with SERVER_WORKERS
    processes; what it prints goes to ``log``."""
    with log.open("wb") as output:
        return subprocess.Popen(
            [
                *(sys.executable, "-m", "newsdesk", "serve", "--db", str(db)),
                *("--port", str(port), "--workers", str(SERVER_WORKERS)),
            ],
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
        )


def wait_until_answering(server: subprocess.Popen[bytes], base: str, log: Path) -> None:
    """Return once the server answers; raise when it exits or stays silent too long."""
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            said = log.read_text("utf-8", errors="replace").strip()
            raise RuntimeError(f"newsdesk serve exited with status {server.returncode}: {said}")
        try:
            if httpx.get(base + "/api/counts", timeout=5).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.2)
    raise RuntimeError(f"newsdesk serve did not answer within {START_TIMEOUT:.0f} s")


def stop_server(server: subprocess.Popen[bytes]) -> None:
    """Stop the server: asked first, killed when it does not stop within 10 s."""
    if server.poll() is None:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def milliseconds(value: str) -> float:
    """A wrk duration (``812.00us``, ``3.21ms``, ``1.02s``, ``2.00m``) in milliseconds."""
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value)
    if match is None:
        raise RuntimeError(f"not a wrk duration: {value!r}")
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}[match.group(2)]
    return float(match.group(1)) * scale


def parse_wrk(output: str) -> Load:
    """The figures in wrk's report (run with ``--latency``)."""

    def found(pattern: str) -> str:
        match = re.search(pattern, output, re.MULTILINE)
        if match is None:
            raise RuntimeError(f"wrk's report has no {pattern!r}:\n{output}")
        return match.group(1)

    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    failures = (int(non_2xx.group(1)) if non_2xx else 0) + (
        sum(int(n) for n in errors.groups()) if errors else 0
    )
    return Load(
        requests_per_second=float(found(r"^Requests/sec:\s+([\d.]+)")),
        p50_ms=milliseconds(found(r"^\s+50%\s+(\S+)")),
        p99_ms=milliseconds(found(r"^\s+99%\s+(\S+)")),
        requests=int(found(r"^\s+(\d+) requests in")),
        failures=failures,
    )


def run_wrk(url: str, seconds: int, script: Path, connections: int) -> Load:
    """Load the server for ``seconds`` seconds with the requests ``script`` makes, over
    ``connections`` connections."""
    threads = min(THREADS, connections)
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "5s"]
    command += ["--latency", "-s", str(script), url]
    done = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60)
    if done.returncode != 0:
        raise RuntimeError(f"wrk failed ({done.returncode}): {done.stderr.strip()}")
    return parse_wrk(done.stdout)


def measured_path(base: str, route: Route) -> str:
    """The route's path, or its stand-in while the server has no such route (404)."""
    probe = httpx.get(base + route.path.replace("{id}", "1"), timeout=30)
    return route.stand_in if probe.status_code == 404 else route.path


def verdict(route: Route, load: Load) -> str:
    """Whether the load met the route's targets, and which it missed."""
    missed = []
    if route.min_requests_per_second and load.requests_per_second < route.min_requests_per_second:
        missed.append(f"< {route.min_requests_per_second:.0f} req/s")
    if load.p99_ms >= route.max_p99_ms:
        missed.append(f"p99 >= {route.max_p99_ms:.0f} ms")
    if load.failures:
        missed.append(f"{load.failures} failed")
    return "met" if not missed else "MISSED: " + ", ".join(missed)


def target(route: Route) -> str:
    """The route's targets in words."""
    rate = (
        f">= {route.min_requests_per_second:.0f} req/s, " if route.min_requests_per_second else ""
    )
    return f"{rate}p99 < {route.max_p99_ms:.0f} ms"


def measure(db: Path, articles: int, seconds: int) -> list[tuple[Route, str, Load]]:
    """Serve the corpus and load each route; the server is stopped whatever happens."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    results = []
    with tempfile.TemporaryDirectory() as folder:
        log = Path(folder) / "server.log"
        server = start_server(db, port, log)
        try:
            wait_until_answering(server, base, log)
            for route in ROUTES:
                path = measured_path(base, route)
                script = wrk_script(path, articles, Path(folder))
                run_wrk(base + "/", WARM_UP_SECONDS, script, route.connections)
                load = run_wrk(base + "/", seconds, script, route.connections)
                results.append((route, path, load))
        finally:
            stop_server(server)
    return results


def main() -> int:
    """Build or reuse the corpus, load the server, print the figures against the targets."""
    if shutil.which("wrk") is None:
        print("bench_web: wrk is not installed (sh scripts/system-packages.sh wrk=/usr/bin/wrk)")
        return 1
    articles = int(os.environ.get("BENCH_WEB_ARTICLES", "100000"))
    seconds = int(os.environ.get("BENCH_WEB_SECONDS", "10"))
    corpus = bench_corpus(articles, int(os.environ.get("BENCH_WEB_POLNEAR", "300")))
    built = (
        f"generated in {corpus.build_seconds:.0f} s"
        if corpus.build_seconds is not None
        else "reused from an earlier run"
    )
    print(f"corpus: {articles:,} generated articles ({built}), {corpus.path}")
    print(f"load: wrk, up to {THREADS} threads, {seconds} s a route")
    print(f"server: newsdesk serve, {SERVER_WORKERS} processes")
    print(
        f"{'route':<34}{'conns':>6}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'requests':>10}  "
        f"{'target':<28}verdict"
    )
    stand_ins: list[str] = []
    for route, path, load in measure(corpus.path, articles, seconds):
        label = route.label
        if path != route.path:
            mark = "*" * (len(stand_ins) + 1)
            label = f"{label} {mark}"
            stand_ins.append(f"{mark} measured on {path}: the server has no {route.path} yet")
        print(
            f"{label:<34}{route.connections:>6}{load.requests_per_second:>9.0f}"
            f"{load.p50_ms:>9.1f}{load.p99_ms:>9.1f}"
            f"{load.requests:>10}  {target(route):<28}{verdict(route, load)}"
        )
    for note in stand_ins:
        print(note)
    return 0


if __name__ == "__main__":
    sys.exit(main())
