"""What a page asks for. Pages emit these; the controller carries them out (worker thread, stores, simulator)."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import SecretStr

from wizard.domain.text import Lang
from wizard.flow.steps import StepId


@dataclass(frozen=True)
class StateEdited:
    """The page wrote user input into the state: save progress, re-check completeness."""


@dataclass(frozen=True)
class ChangeLanguage:
    lang: Lang


@dataclass(frozen=True)
class SimulateStep:
    """Demo: do this step in the simulated AFAS through its admin API."""

    step: StepId


@dataclass(frozen=True)
class ExportConnectors:
    folder: str


@dataclass(frozen=True)
class OpenFolder:
    folder: str


@dataclass(frozen=True)
class StoreToken:
    text: SecretStr
    session_only: bool = False


@dataclass(frozen=True)
class ForgetToken:
    """Delete the stored token of this environment (to paste a new one)."""


@dataclass(frozen=True)
class ClearClipboard:
    pass


@dataclass(frozen=True)
class RunVerification:
    pass


@dataclass(frozen=True)
class SaveReport:
    path: str  # without extension: .html and .json are written next to each other


@dataclass(frozen=True)
class GoToStep:
    step: StepId


@dataclass(frozen=True)
class CopyTokenForPortal:
    pass


@dataclass(frozen=True)
class ResumeOrganisation:
    env_key: str


Intent = (
    StateEdited
    | ChangeLanguage
    | SimulateStep
    | ExportConnectors
    | OpenFolder
    | StoreToken
    | ForgetToken
    | ClearClipboard
    | RunVerification
    | SaveReport
    | GoToStep
    | CopyTokenForPortal
    | ResumeOrganisation
)
