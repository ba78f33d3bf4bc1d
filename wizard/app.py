"""Composition root of the desktop wizard (built in the wizard issue)."""

from __future__ import annotations

import argparse

from wizard.domain.errors import UserFacingError
from wizard.domain.text import Text


def run_gui(args: argparse.Namespace) -> int:
    raise UserFacingError(
        Text(
            en="The setup wizard is not built yet in this development version; use a subcommand (see --help).",
            nl="De installatiewizard is in deze ontwikkelversie nog niet gebouwd; zie --help.",
        )
    )
