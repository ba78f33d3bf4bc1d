"""Every intent a page can send reaches a handler (an unhandled one would only log a warning: a dead button)."""

from __future__ import annotations

from typing import get_args

import pytest

from tests.gui.conftest import WindowFactory
from wizard.ui.intents import Intent

pytestmark = pytest.mark.gui


def test_every_intent_has_a_handler(make_window: WindowFactory, caplog: pytest.LogCaptureFixture) -> None:
    controller = make_window().controller
    kinds = get_args(Intent)
    assert len(kinds) == 20
    assert [k.__name__ for k in kinds if k not in controller._handlers] == []
    controller.handle(object())
    assert "unhandled intent object" in caplog.text
