"""Live verification of a customer's AFAS setup: read-only, concurrent, streaming, with remedies. No Qt."""

from wizard.verify.engine import parse_token_expiry, planned_checks, run_checks, verify
from wizard.verify.report import CheckResult, Report, Status, status_label

__all__ = [
    "CheckResult",
    "Report",
    "Status",
    "parse_token_expiry",
    "planned_checks",
    "run_checks",
    "status_label",
    "verify",
]
