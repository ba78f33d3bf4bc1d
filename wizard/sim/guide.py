"""The setup guide's steps done inside the simulated AFAS: one function per wizard step or OAuth action in AFAS.

The one place that says what "do this step in AFAS" means: the scenarios are built from it, the admin API
(`POST /_sim/guide-step`) and `SimAdmin.apply_guide_step` expose it, and the GUI demo calls it.

`GUIDE_STEPS` is the classic guide, keyed by the wizard's `StepId`. `OAUTH_STEPS` are the OAuth steps and the moves
of an existing customer (afas-oauth.md §1.4), keyed by `AfasAction` (wizard.domain.afas_actions), as they are not
wizard steps of their own:

- "app-connector-oauth": the app connector created ("Nieuw") with Authenticatietype OAuth, then unblocked; in the
  OAuth guide it takes the place of "app-connector" (same order: import, app-connector-oauth, link-connectors,
  client-secret, dossier);
- "client-secret": a client secret created (the OAuth client too, the first time); returns the client id and the
  secret (`StepDone.oauth`), as "token" returns the token; refused with "classic-auth-type" while the app
  connector is on Classic token, as AFAS offers no OAuth client there;
- "switch-to-hybrid": Authenticatietype Classic token -> Hybride (classic token and OAuth both work);
- "switch-to-oauth": Authenticatietype -> OAuth (the classic token is refused from then on).

The move of an existing customer: "switch-to-hybrid", "client-secret", (verify both), "switch-to-oauth".
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from wizard import installation
from wizard.data import load_manifest
from wizard.domain.afas_actions import AfasAction, GuideStep
from wizard.domain.credentials import ClassicToken
from wizard.domain.gcn import GcnField, write_stand_in
from wizard.domain.manifest import Manifest
from wizard.domain.oauth import OAuthClientCredentials
from wizard.domain.steps import StepId
from wizard.sim import actions
from wizard.sim.model import DEFAULT_USER, SimEnvironment, SimStepError

log = logging.getLogger(__name__)
GcnFiles = Mapping[str, bytes]  # file name -> bytes: the .gcn files the user exported


@dataclass(frozen=True)
class StepDone:
    """What a guide step did; `token` only for the token step (AFAS's "Kopiëren" dialog shows it once), `oauth`
    only for "client-secret" (the client id and the secret, shown once too)."""

    step: GuideStep
    token: ClassicToken | None = None
    oauth: OAuthClientCredentials | None = None


GuideFn = Callable[[SimEnvironment, Manifest, GcnFiles | None], StepDone]


def bundle_bytes(manifest: Manifest, file_name: str, connector: str) -> bytes:
    """The shipped .gcn when present; otherwise an equivalent stand-in built from the manifest."""
    path = installation.connectors_dir() / file_name
    try:
        return path.read_bytes()
    except OSError:
        log.debug("%s not in the bundle; using a stand-in from the manifest", file_name)
    spec = manifest.connector(connector)
    fields = [GcnField(id=f, data_type="string", label_nl=f, label_en=f) for f in spec.required_fields]
    moment = dt.datetime(2026, 1, 1, 12, 0, 0)
    guid = hashlib.md5(connector.encode(), usedforsecurity=False).hexdigest().upper()
    return write_stand_in(connector, guid, moment, moment, fields)


def _import(env: SimEnvironment, manifest: Manifest, files: GcnFiles | None) -> StepDone:
    # Getconnector beheren uitgebreid > Importeren, once per file; the user's exported files when given.
    for gcn in manifest.gcn_files:
        data = files.get(gcn.file) if files is not None else None
        if data is None:
            data = bundle_bytes(manifest, gcn.file, gcn.connector)
        actions.import_gcn(env, gcn.file, data, manifest)
    return StepDone(StepId.IMPORT)


def _app_connector(env: SimEnvironment, manifest: Manifest, _files: GcnFiles | None) -> StepDone:
    # Created blocked, like AFAS; the guide then unticks Geblokkeerd.
    env.create_app_connector(manifest.app_connector.description, manifest.app_connector.user_group_nl)
    actions.set_blocked(env, False)
    return StepDone(StepId.APP_CONNECTOR)


def _link(env: SimEnvironment, manifest: Manifest, _files: GcnFiles | None) -> StepDone:
    for spec in manifest.connectors:
        actions.link(env, spec.kind, spec.id)
    return StepDone(StepId.LINK_CONNECTORS)


def _token(env: SimEnvironment, _manifest: Manifest, _files: GcnFiles | None) -> StepDone:
    return StepDone(StepId.TOKEN, env.create_user_token(DEFAULT_USER).classic())


def _dossier(env: SimEnvironment, _manifest: Manifest, _files: GcnFiles | None) -> StepDone:
    actions.set_dossier_destinations(env, "Optioneel", "Optioneel")
    return StepDone(StepId.DOSSIER)


def _app_connector_oauth(env: SimEnvironment, manifest: Manifest, files: GcnFiles | None) -> StepDone:
    # The "Nieuw" dialog with Authenticatietype OAuth (afas-oauth.md §1.1): created blocked, then unblocked.
    _app_connector(env, manifest, files)
    env.oauth.set_auth_type("oauth")
    return StepDone(AfasAction.APP_CONNECTOR_OAUTH)


def _client_secret(env: SimEnvironment, _manifest: Manifest, _files: GcnFiles | None) -> StepDone:
    with env.lock:
        if env.app_connector is None:
            raise SimStepError("no-app-connector")
        if env.oauth.auth_type == "classic":
            raise SimStepError("classic-auth-type", "set Authenticatietype to Hybride or OAuth first")
        env.oauth.create_client()  # the first time: the client id and a first secret; later: a new secret
    return StepDone(AfasAction.CLIENT_SECRET, oauth=env.oauth_credentials)


def _switch(action: AfasAction, auth_type: str) -> GuideFn:
    def switch(env: SimEnvironment, _manifest: Manifest, _files: GcnFiles | None) -> StepDone:
        with env.lock:
            if env.app_connector is None:
                raise SimStepError("no-app-connector")
            env.oauth.set_auth_type(auth_type)
        return StepDone(action)

    return switch


# In the guide's order. Steps of the wizard not listed here (welcome, environment, connector-files, verify, done)
# happen outside AFAS.
GUIDE_STEPS: dict[StepId, GuideFn] = {
    StepId.IMPORT: _import,
    StepId.APP_CONNECTOR: _app_connector,
    StepId.LINK_CONNECTORS: _link,
    StepId.TOKEN: _token,
    StepId.DOSSIER: _dossier,
}


# The OAuth guide's own steps and the move of an existing customer (see the module docstring).
OAUTH_STEPS: dict[AfasAction, GuideFn] = {
    AfasAction.APP_CONNECTOR_OAUTH: _app_connector_oauth,
    AfasAction.CLIENT_SECRET: _client_secret,
    AfasAction.SWITCH_TO_HYBRID: _switch(AfasAction.SWITCH_TO_HYBRID, "hybrid"),
    AfasAction.SWITCH_TO_OAUTH: _switch(AfasAction.SWITCH_TO_OAUTH, "oauth"),
}
OAUTH_GUIDE: tuple[GuideStep, ...] = (
    StepId.IMPORT,
    AfasAction.APP_CONNECTOR_OAUTH,
    StepId.LINK_CONNECTORS,
    AfasAction.CLIENT_SECRET,
    StepId.DOSSIER,
)
MIGRATION = (AfasAction.SWITCH_TO_HYBRID, AfasAction.CLIENT_SECRET, AfasAction.SWITCH_TO_OAUTH)


def parse_guide_step(name: str) -> GuideStep:
    """The step a caller named on the wire (`POST /_sim/guide-step`): a wizard step id or an AFAS action.
    Raises SimStepError("unknown-step") for any other name; the message lists the steps done in AFAS, never the
    name sent (it may be anything)."""
    for kind in (StepId, AfasAction):
        try:
            return kind(name)
        except ValueError:
            continue
    known = ", ".join([*GUIDE_STEPS, *OAUTH_STEPS])
    raise SimStepError("unknown-step", f"not a step of the guide; the steps done in AFAS are: {known}")


def apply_guide_step(
    env: SimEnvironment, step: GuideStep, *, manifest: Manifest | None = None, files: GcnFiles | None = None
) -> StepDone:
    """Do one guide step in the simulated AFAS, as the user would by hand. Idempotent where AFAS is (linking,
    destinations, a second app connector renames it); every call of "token" makes a new token.
    Raises SimStepError("no-afas-step") for a wizard step that has nothing to do in AFAS."""
    do = GUIDE_STEPS.get(step) if isinstance(step, StepId) else OAUTH_STEPS.get(step)
    if do is None:
        raise SimStepError("no-afas-step", step)
    return do(env, manifest or load_manifest(), files)


def apply_guide(env: SimEnvironment, manifest: Manifest | None = None, *, with_token: bool = True) -> None:
    """Every step of the guide: import the 7 files, create and unblock the app connector, link everything, create
    the user token (unless with_token=False), allow attachments on purchase and sales invoices."""
    manifest = manifest or load_manifest()
    for step in GUIDE_STEPS:
        if step is not StepId.TOKEN or with_token:
            apply_guide_step(env, step, manifest=manifest)
