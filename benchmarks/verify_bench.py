"""Benchmark (not a test): full verification against the simulator at 150 ms per request.

Compares our concurrent run with the sequential baseline (one request in flight) and with the ideal
ceil(requests / in-flight limit) x latency, and prints both ratios. Goal: within 1.3x of the ideal.
Run: .venv/bin/python benchmarks/verify_bench.py [--latency-ms 150] [--rounds 3]
"""

from __future__ import annotations

import argparse
import asyncio
import math
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from wizard.afas.client import ClientSettings
from wizard.domain.text import Lang
from wizard.sim import SimAdmin, SimulatorServer
from wizard.verify import verify


def timed_run(server: SimulatorServer, admin: SimAdmin, in_flight: int) -> tuple[float, int]:
    assert server.token is not None
    admin.reset_log()
    started = time.perf_counter()
    report = asyncio.run(
        verify(server.environment, server.token, settings=ClientSettings(max_in_flight=in_flight), timeout=120)
    )
    elapsed = time.perf_counter() - started
    if report.exit_code() != 0:
        raise SystemExit(f"verification did not pass: {report.summary(Lang.EN)}")
    return elapsed, len(admin.request_log())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--latency-ms", type=int, default=150)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    limit = ClientSettings().max_in_flight
    latency = args.latency_ms / 1000
    with SimulatorServer("ready") as server, server.admin() as admin:
        admin.set_faults(latency_ms=args.latency_ms)
        timed_run(server, admin, limit)  # warm-up: imports, connection set-up
        ours = [timed_run(server, admin, limit) for _ in range(args.rounds)]
        sequential = [timed_run(server, admin, 1) for _ in range(max(1, args.rounds // 2))]
    requests = ours[0][1]
    ideal = math.ceil(requests / limit) * latency
    t_ours = statistics.median(t for t, _ in ours)
    t_seq = statistics.median(t for t, _ in sequential)
    print(f"requests per verification : {requests}")
    print(f"latency per request       : {args.latency_ms} ms, in-flight limit {limit}")
    print(f"ideal ceil({requests}/{limit}) x latency : {ideal * 1000:.0f} ms")
    print(f"concurrent (median of {len(ours)})  : {t_ours * 1000:.0f} ms")
    print(f"sequential (in-flight 1)  : {t_seq * 1000:.0f} ms")
    print(f"ratio concurrent / ideal  : {t_ours / ideal:.2f}x  (goal <= 1.30x)")
    print(f"ratio sequential / concurrent : {t_seq / t_ours:.2f}x faster")
    return 0 if t_ours / ideal <= 1.3 else 1


if __name__ == "__main__":
    sys.exit(main())
