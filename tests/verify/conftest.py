"""Shared helpers for the verification tests: the real simulator on loopback, run to a finished report."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import pytest

from wizard.sim import SimAdmin, SimulatorServer
from wizard.verify import CheckResult, Report, verify


def run_verify(server: SimulatorServer, **kwargs: Any) -> Report:
    assert server.token is not None
    return asyncio.run(verify(server.environment, server.token, **kwargs))


def by_id(report: Report) -> dict[str, CheckResult]:
    return {c.id: c for c in report.checks}


def statuses(report: Report) -> dict[str, str]:
    return {c.id: c.status.value for c in report.checks}


@pytest.fixture
def sim_factory() -> Iterator[Any]:
    servers: list[SimulatorServer] = []

    def start(scenario: str = "ready") -> tuple[SimulatorServer, SimAdmin]:
        server = SimulatorServer(scenario)
        server.start()
        servers.append(server)
        return server, server.admin()

    yield start
    for server in servers:
        server.stop()
