"""The link step's live check, without Qt: when to read /metainfo next, and what a reading ticks.

While the step is on screen and a credential is stored, AFAS's /metainfo is read: one request at a time, at most
one every `interval` seconds, none while the page is hidden, none after `idle_limit` seconds in which nothing changed
(neither in AFAS nor on the page), and after errors ever longer apart (doubling, capped). The clock is injected, so
tests drive it without sleeping; a QTimer adapter (wizard.ui.controllers.link_watch) asks `wait()` what to do.

A reading ticks each connector AFAS lists; it never unticks (the final check has the last word). A connector whose
kind /metainfo does not list at all (the special connectors, where AFAS gives no list: UNCONFIRMED that it ever
does) is "unseen": the user ticks it, and the page says why.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pydantic loads after the first paint (wizard.app)
    from wizard.domain.manifest import ConnectorSpec


@dataclass(frozen=True)
class WatchPolicy:
    interval: float = 3.0  # at most one request every 3 s
    idle_limit: float = 15 * 60.0  # stop after 15 minutes without any change
    max_backoff: float = 60.0  # after errors: 6, 12, 24, 48, then every 60 s


@dataclass
class LinkWatch:
    clock: Callable[[], float]
    policy: WatchPolicy = field(default_factory=WatchPolicy)
    visible: bool = False
    in_flight: bool = False
    stopped: bool = False  # idle too long: shown again (or a change on the page) starts it anew
    failures: int = 0
    _last_start: float | None = None
    _last_change: float = 0.0

    def show(self) -> None:
        self.visible = True
        self._restart()

    def hide(self) -> None:
        self.visible = False

    def activity(self) -> None:
        """Something changed: a new link seen, a tick by hand. The idle time starts again."""
        self._restart()

    def _restart(self) -> None:
        self.stopped = False
        self._last_change = self.clock()

    def gap(self) -> float:
        """Seconds between two request starts now: the interval, doubled per consecutive failure, capped."""
        if not self.failures:
            return self.policy.interval
        return min(self.policy.interval * (1 << min(self.failures, 16)), self.policy.max_backoff)

    def wait(self) -> float | None:
        """Seconds until the next request may start (0: now); None while none may start (hidden, one in flight,
        stopped after the idle limit)."""
        if not self.visible or self.in_flight or self.stopped:
            return None
        now = self.clock()
        if now - self._last_change >= self.policy.idle_limit:
            self.stopped = True
            return None
        if self._last_start is None:
            return 0.0
        return max(0.0, self._last_start + self.gap() - now)

    def begin(self) -> bool:
        """Start a request if one may start now; the caller sends it and calls `done`."""
        if self.wait() != 0.0:
            return False
        self.in_flight = True
        self._last_start = self.clock()
        return True

    def done(self, ok: bool, changed: bool = False) -> None:
        self.in_flight = False
        self.failures = 0 if ok else self.failures + 1
        if changed:
            self._last_change = self.clock()


@dataclass(frozen=True)
class LinkReading:
    """What one /metainfo reading says about the manifest's connectors (item ids as the link step's checklist)."""

    seen: frozenset[str]  # listed by AFAS: linked
    missing: tuple[str, ...]  # of a kind AFAS lists, but not listed: not linked (yet)
    unseen: tuple[str, ...]  # of a kind AFAS gives no list for: the user ticks it


def item_id(spec: ConnectorSpec) -> str:
    return f"{spec.kind}:{spec.id}"


def read_links(
    connectors: Iterable[ConnectorSpec],
    get_ids: set[str],
    update_ids: set[str],
    special_ids: set[str] | None,
) -> LinkReading:
    """Ids compare case-insensitively (AFAS's lists are lower-cased by wizard.verify.answers)."""
    lists: dict[str, set[str] | None] = {"get": get_ids, "update": update_ids, "special": special_ids}
    seen: set[str] = set()
    missing: list[str] = []
    unseen: list[str] = []
    for spec in connectors:
        listed = lists.get(spec.kind)
        if listed is None:
            unseen.append(item_id(spec))
        elif spec.id.lower() in listed:
            seen.add(item_id(spec))
        else:
            missing.append(item_id(spec))
    return LinkReading(frozenset(seen), tuple(missing), tuple(unseen))
