"""Live verification of a customer's AFAS setup: read-only, concurrent, streamed, with remedies. No Qt."""

from wizard.verify.report import CheckResult, Report, Status
from wizard.verify.runner import planned_checks, verify, verify_stream

__all__ = ["CheckResult", "Report", "Status", "planned_checks", "verify", "verify_stream"]
