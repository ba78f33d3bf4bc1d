"""Benchmark (not a test): full verification against the simulator at 150 ms per request, with a classic token and
with an OAuth client (one token request added before /metainfo).

For each credential it compares our concurrent run with the sequential baseline (one request in flight) and with
the ideal ceil(requests / in-flight limit) x latency, counting the token request as its own round (nothing can go
out before the access token is there), and prints both ratios. Goal: within 1.3x of the ideal for both.
Run: .venv/bin/python benchmarks/verify_bench.py [--latency-ms 150] [--rounds 3]
"""

from __future__ import annotations

import argparse
import asyncio
import math
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from wizard.afas.client import ClientSettings
from wizard.domain.credentials import Credential
from wizard.domain.text import Lang
from wizard.sim import SimAdmin, SimulatorServer
from wizard.verify import verify

GOAL = 1.3


def _is_token_request(entry: dict[str, object]) -> bool:
    return str(entry.get("path", "")).lower().endswith("/oauth/token")


def timed_run(
    server: SimulatorServer, admin: SimAdmin, credential: Credential, in_flight: int
) -> tuple[float, int, int]:
    """Seconds, API requests, token requests of one verification."""
    admin.reset_log()
    started = time.perf_counter()
    report = asyncio.run(
        verify(server.environment, credential, settings=ClientSettings(max_in_flight=in_flight), timeout=120)
    )
    elapsed = time.perf_counter() - started
    if report.exit_code() != 0:
        raise SystemExit(f"verification did not pass: {report.summary(Lang.EN)}")
    log = admin.request_log()
    tokens = sum(1 for e in log if _is_token_request(e))
    return elapsed, len(log) - tokens, tokens


@dataclass
class Result:
    name: str
    requests: int
    token_requests: int
    ideal: float
    concurrent: float
    sequential: float

    @property
    def ratio(self) -> float:
        return self.concurrent / self.ideal


def measure(name: str, scenario: str, oauth: bool, latency_ms: int, rounds: int) -> Result:
    limit = ClientSettings().max_in_flight
    latency = latency_ms / 1000
    with SimulatorServer(scenario) as server, server.admin() as admin:
        credential = server.oauth_credentials if oauth else server.token
        assert credential is not None
        admin.set_faults(latency_ms=latency_ms)
        timed_run(server, admin, credential, limit)  # warm-up: imports, connection set-up
        ours = [timed_run(server, admin, credential, limit) for _ in range(rounds)]
        sequential = [timed_run(server, admin, credential, 1) for _ in range(max(1, rounds // 2))]
    _, requests, token_requests = ours[0]
    # The token request is a round of its own: /metainfo waits for the access token.
    ideal = (math.ceil(requests / limit) + token_requests) * latency
    return Result(
        name,
        requests,
        token_requests,
        ideal,
        statistics.median(t for t, _, _ in ours),
        statistics.median(t for t, _, _ in sequential),
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--latency-ms", type=int, default=150)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    limit = ClientSettings().max_in_flight
    results = [
        measure("classic token", "ready", False, args.latency_ms, args.rounds),
        measure("OAuth client", "oauth-ready", True, args.latency_ms, args.rounds),
    ]
    print(f"latency per request {args.latency_ms} ms, in-flight limit {limit}, median of {args.rounds} rounds")
    for r in results:
        print(f"--- {r.name}")
        print(f"requests per verification : {r.requests} + {r.token_requests} token request(s)")
        print(f"ideal (ceil({r.requests}/{limit}) + {r.token_requests}) x latency : {r.ideal * 1000:.0f} ms")
        print(f"concurrent                : {r.concurrent * 1000:.0f} ms")
        print(f"sequential (in-flight 1)  : {r.sequential * 1000:.0f} ms")
        print(f"ratio concurrent / ideal  : {r.ratio:.2f}x  (goal <= {GOAL:.2f}x)")
        print(f"ratio sequential / concurrent : {r.sequential / r.concurrent:.2f}x faster")
    classic, oauth = results
    print(f"--- OAuth / classic wall time: {oauth.concurrent / classic.concurrent:.2f}x")
    return 0 if all(r.ratio <= GOAL for r in results) and oauth.token_requests == 1 else 1


if __name__ == "__main__":
    sys.exit(main())
