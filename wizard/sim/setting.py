"""One simulator setting's definition: its default and what it decides, in one place, so `sbq-setup simulator
--list-settings` (wizard.cli.sim_settings) prints what each setting decides without a docs file to copy from."""

from __future__ import annotations

from dataclasses import field
from typing import Any

DECIDES = "decides"  # the key in a dataclass field's metadata


def setting(default: Any, decides: str) -> Any:
    """A settings field with its (immutable) default and one sentence of what it decides (English, like the
    scenarios). A mutable default takes `field(default_factory=..., metadata={DECIDES: ...})` instead."""
    return field(default=default, metadata={DECIDES: decides})
