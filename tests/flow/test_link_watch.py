"""The link step's live check without Qt: its schedule on a fake clock, and what a reading ticks (issue 20 item 3)."""

from __future__ import annotations

from wizard.data import load_manifest
from wizard.flow.link_watch import LinkWatch, read_links


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _watch() -> tuple[LinkWatch, Clock]:
    clock = Clock()
    watch = LinkWatch(clock)
    watch.show()
    return watch, clock


def test_one_request_at_a_time_at_most_one_every_three_seconds() -> None:
    watch, clock = _watch()
    assert watch.begin()
    assert watch.wait() is None and not watch.begin()  # one in flight: no second one
    clock.now += 10
    assert not watch.begin()  # still in flight, however long it takes
    watch.done(ok=True)
    assert watch.wait() == 0.0  # the last start was 10 s ago
    assert watch.begin()
    clock.now += 1
    watch.done(ok=True)
    assert watch.wait() == 2.0 and not watch.begin()
    clock.now += 2
    assert watch.begin()


def test_hidden_means_no_request() -> None:
    watch, _clock = _watch()
    watch.hide()
    assert watch.wait() is None and not watch.begin()
    watch.show()
    assert watch.begin()


def test_errors_back_off_and_a_success_resets() -> None:
    watch, clock = _watch()
    gaps = []
    for _ in range(6):
        assert watch.begin()
        watch.done(ok=False)
        gaps.append(watch.wait())
        clock.now += watch.gap()
    assert gaps == [6.0, 12.0, 24.0, 48.0, 60.0, 60.0]
    assert watch.begin()
    watch.done(ok=True)
    assert watch.gap() == 3.0


def test_stops_after_fifteen_idle_minutes_and_a_change_or_coming_back_restarts() -> None:
    watch, clock = _watch()
    for _ in range(10):  # readings that find nothing new do not count as activity
        assert watch.begin()
        watch.done(ok=True, changed=False)
        clock.now += 60
    assert watch.begin()
    watch.done(ok=True, changed=True)  # AFAS showed a new link at minute 10
    clock.now += 14 * 60
    assert watch.wait() == 0.0
    clock.now += 60
    assert watch.wait() is None and watch.stopped
    watch.activity()  # a tick by hand
    assert watch.begin()
    watch.done(ok=True)
    clock.now += 15 * 60
    assert watch.wait() is None
    watch.hide()
    watch.show()  # opening the step again
    assert watch.begin()


def test_a_reading_ticks_what_afas_lists_and_names_the_rest() -> None:
    manifest = load_manifest()
    gets = {c.id.lower() for c in manifest.connectors if c.kind == "get"}
    first_update = next(c.id for c in manifest.connectors if c.kind == "update")
    reading = read_links(manifest.connectors, gets, {first_update.lower()}, None)
    assert {i for i in reading.seen if i.startswith("get:")} == {
        f"get:{c.id}" for c in manifest.connectors if c.kind == "get"
    }
    assert f"update:{first_update}" in reading.seen
    assert reading.missing == tuple(f"update:{c.id}" for c in manifest.connectors if c.kind == "update")[1:]
    # No list of the Connectoren tab: those cannot be seen, and are not "missing" either.
    assert reading.unseen == tuple(f"special:{c.id}" for c in manifest.connectors if c.kind == "special")
    listed = read_links(manifest.connectors, gets, set(), {"getxmlschema"})
    assert "special:GetXMLSchema" in listed.seen and listed.unseen == ()
