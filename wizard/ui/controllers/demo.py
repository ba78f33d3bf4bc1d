"""The demo: "do this step in the simulated AFAS" for the steps a user does inside AFAS."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from wizard.domain.credentials import ClassicToken
from wizard.domain.manifest import Manifest
from wizard.domain.text import Text
from wizard.flow.steps import StepId
from wizard.ui.controllers.context import Context
from wizard.ui.widgets import Level

if TYPE_CHECKING:
    from wizard.sim import SimAdmin

NO_SIMULATOR = Text(en="The simulated AFAS is not running.", nl="De gesimuleerde AFAS draait niet.")
DONE = Text(
    en="Done in the simulated AFAS; the checklist is ticked.",
    nl="Uitgevoerd in de gesimuleerde AFAS; de lijst is afgevinkt.",
)


def perform_step(sim: SimAdmin, manifest: Manifest, step: StepId, folder: Path | None) -> ClassicToken | None:
    """Do `step` in the simulated AFAS as a user would by hand (blocking); the token step returns the token.

    What each step means is wizard.sim.guide's (shared with the scenarios); the demo only adds the files the user
    exported, so the import step imports exactly those."""
    files = None
    if step is StepId.IMPORT and folder is not None:
        files = {g.file: (folder / g.file).read_bytes() for g in manifest.gcn_files}
    return sim.apply_guide_step(step.value, gcn_files=files)


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

        def done(token: ClassicToken | None) -> None:
            page.set_busy(False)
            if token is not None:
                # As if the user clicked Kopiëren in AFAS and pasted here.
                ctx.views.token.fill_token(token.xml())
            else:
                ctx.machine.tick_all(step)
                page.show_message(Level.OK, DONE.get(ctx.lang))
            ctx.changed()

        page.set_busy(True)
        ctx.worker.run_blocking(lambda: perform_step(sim, manifest, step, folder), done, lambda e: ctx.fail(page, e))
