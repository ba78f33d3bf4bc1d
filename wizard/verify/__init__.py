"""Live verification of a customer's AFAS setup: read-only, concurrent, streaming, with remedies. No Qt.

plan.py (which checks) → runner.py (/metainfo first, then everything at once) → checks.py and special.py (one typed
Outcome each; answers.py reads AFAS's answers, remedies.py says where in AFAS to fix) → report.py (JSON, HTML).
"""

from wizard.domain.checks import CheckId, CheckKind, CheckResult, Outcome, Status
from wizard.domain.presentation import status_label
from wizard.verify.answers import parse_token_expiry
from wizard.verify.plan import planned_checks
from wizard.verify.report import Report
from wizard.verify.runner import run_checks, verify

__all__ = [
    "CheckId",
    "CheckKind",
    "CheckResult",
    "Outcome",
    "Report",
    "Status",
    "parse_token_expiry",
    "planned_checks",
    "run_checks",
    "status_label",
    "verify",
]
