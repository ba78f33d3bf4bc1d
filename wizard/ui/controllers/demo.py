"""The demo: "do this step in the simulated AFAS" for the steps a user does inside AFAS (and the move to OAuth)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from wizard.domain.afas_actions import AfasAction
from wizard.domain.credentials import ClassicToken
from wizard.domain.manifest import Manifest
from wizard.domain.oauth import OAuthClientCredentials
from wizard.domain.steps import StepId
from wizard.domain.text import Text
from wizard.flow.migration import Stage
from wizard.flow.state import AuthKind
from wizard.ui.controllers.context import Context
from wizard.ui.widgets import Level

if TYPE_CHECKING:
    from wizard.sim import SimAdmin

NO_SIMULATOR = Text(en="The simulated AFAS is not running.", nl="De gesimuleerde AFAS draait niet.")
DONE = Text(
    en="Done in the simulated AFAS; the checklist is ticked.",
    nl="Uitgevoerd in de gesimuleerde AFAS; de lijst is afgevinkt.",
)
STAGE_DONE = Text(
    en="Done in the simulated AFAS. Now click the button that checks it.",
    nl="Uitgevoerd in de gesimuleerde AFAS. Klik nu op de knop die het controleert.",
)
# What a step or stage means in AFAS with OAuth (the simulator's wizard.sim.guide.OAUTH_STEPS).
OAUTH_STEP: dict[StepId, AfasAction] = {
    StepId.APP_CONNECTOR: AfasAction.APP_CONNECTOR_OAUTH,
    StepId.TOKEN: AfasAction.CLIENT_SECRET,
}
STAGE_STEP: dict[Stage, AfasAction] = {
    Stage.HYBRID: AfasAction.SWITCH_TO_HYBRID,
    Stage.SECRET: AfasAction.CLIENT_SECRET,
    Stage.SWITCH_OAUTH: AfasAction.SWITCH_TO_OAUTH,
}
Made = ClassicToken | OAuthClientCredentials | None


def perform_step(sim: SimAdmin, manifest: Manifest, step: StepId, folder: Path | None, auth: AuthKind) -> Made:
    """Do `step` in the simulated AFAS as a user would by hand (blocking); the credential step returns what AFAS
    showed once (the token, or the client id and secret).

    What each step means is wizard.sim.guide's (shared with the scenarios); the demo only adds the files the user
    exported, so the import step imports exactly those."""
    if auth is AuthKind.OAUTH and step in OAUTH_STEP:
        return sim.apply_oauth_step(OAUTH_STEP[step])
    files = None
    if step is StepId.IMPORT and folder is not None:
        files = {g.file: (folder / g.file).read_bytes() for g in manifest.gcn_files}
    return sim.apply_guide_step(step, gcn_files=files)


class DemoController:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def simulate(self, step: StepId) -> None:
        ctx = self.ctx
        sim = ctx.services.sim
        page = ctx.views.of(step)
        if sim is None:
            page.show_message(Level.ERROR, NO_SIMULATOR.get(ctx.lang))
            return
        manifest = ctx.machine.manifest
        s = ctx.state
        folder = Path(s.export_folder) if s.export_folder and s.exported else None
        auth = s.auth

        def done(made: Made) -> None:
            page.set_busy(False)
            if isinstance(made, ClassicToken):
                # As if the user clicked Kopiëren in AFAS and pasted here.
                ctx.views.token.fill_token(made.xml())
            elif isinstance(made, OAuthClientCredentials):
                ctx.views.token.fill_client(made.client_id, made.secret(), made.secret_expires)
            else:
                ctx.machine.tick_all(step)
                page.show_message(Level.OK, DONE.get(ctx.lang))
            ctx.changed()

        page.set_busy(True)
        ctx.worker.run_blocking(
            lambda: perform_step(sim, manifest, step, folder, auth), done, lambda e: ctx.fail(page, e)
        )

    def simulate_stage(self, stage: Stage) -> None:
        """A stage of the move to OAuth, done by the administrator in the simulated AFAS."""
        ctx = self.ctx
        sim = ctx.services.sim
        page = ctx.views.migration
        if sim is None or stage not in STAGE_STEP:
            page.stage_result(stage, Level.ERROR, NO_SIMULATOR.get(ctx.lang))
            return

        def done(made: OAuthClientCredentials | None) -> None:
            page.set_busy(False)
            if made is not None:
                page.fill_client(made.client_id, made.secret(), made.secret_expires)
            page.stage_result(stage, Level.INFO, STAGE_DONE.get(ctx.lang))

        page.set_busy(True)
        ctx.worker.run_blocking(lambda: sim.apply_oauth_step(STAGE_STEP[stage]), done, lambda e: ctx.fail(page, e))
