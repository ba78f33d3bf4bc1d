"""What a user does inside AFAS that is not a wizard step of its own: the OAuth sub-pages and moves.

The wizard's steps are `StepId`; the OAuth guide and the move of an existing customer also name these actions.
The simulator's guide (wizard.sim.guide) and the demo (wizard.ui.controllers.demo) share them, as does the
simulator's admin API on the wire (`POST /_sim/guide-step {"step": ...}`).
"""

from __future__ import annotations

from enum import StrEnum

from wizard.domain.steps import StepId


class AfasAction(StrEnum):
    APP_CONNECTOR_OAUTH = "app-connector-oauth"  # the app connector created with Authenticatietype OAuth
    CLIENT_SECRET = "client-secret"  # a client secret created (the OAuth client too, the first time)
    SWITCH_TO_HYBRID = "switch-to-hybrid"  # Authenticatietype Classic token -> Hybride
    SWITCH_TO_OAUTH = "switch-to-oauth"  # Authenticatietype -> OAuth: the classic token is refused from then on


# One thing a user may do in AFAS for the guide: a wizard step, or one of the actions above.
GuideStep = StepId | AfasAction
