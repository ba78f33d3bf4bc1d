"""The wizard's steps, in the setup guide's order. Verification results point back to these to say where to fix."""

from __future__ import annotations

from enum import StrEnum


class StepId(StrEnum):
    WELCOME = "welcome"
    ENVIRONMENT = "environment"
    CONNECTOR_FILES = "connector-files"  # export the 7 .gcn files to a folder
    IMPORT = "import"  # import them in AFAS (see the getconnector_list screen in connectors/afas.toml)
    APP_CONNECTOR = "app-connector"  # create the app connector, untick Geblokkeerd
    LINK_CONNECTORS = "link-connectors"  # GetConnectoren, UpdateConnectoren, Connectoren tabs
    TOKEN = "token"  # the credential: OAuth client id + secret (or the classic user token); paste and store it
    DOSSIER = "dossier"  # dossier item type allows attachments
    VERIFY = "verify"
    MIGRATE = "migrate"  # an existing classic connection moves to OAuth (Hybride, secret, proofs, forget classic)
    RENEW = "renew"  # a new client secret replaces the old one (new secret, proofs, old one revoked and refused)
    DONE = "done"
