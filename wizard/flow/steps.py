"""Re-export: StepId lives in wizard.domain.steps (verification and flow share it); kept so the pages' imports stay."""

from wizard.domain.steps import StepId

__all__ = ["StepId"]
