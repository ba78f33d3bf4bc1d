"""The OAuth terms a developer needs (DPoP, client credentials, public client) go to the technical detail and the
report; the message the user reads says the same in plain words."""

from __future__ import annotations

from wizard.afas.errors import AfasProblem, Endpoint, Problem
from wizard.verify.remedies import oauth_refused


def _token_problem(kind: Problem, error: str) -> AfasProblem:
    return AfasProblem(kind, status=400, endpoint=Endpoint.TOKEN, url="https://x/oauth/token", error=error)


def test_a_public_client_is_named_in_the_detail_and_explained_on_screen() -> None:
    problem = _token_problem(Problem.DPOP_REQUIRED, "use_dpop_nonce")
    said = problem.message() + oauth_refused(problem, app="SmartBooqing")
    for lang in (said.en, said.nl):
        assert "DPoP" not in lang and "public client" not in lang
    assert "OAuth client secret" in said.nl and "Authenticatietype" in said.nl
    assert "DPoP" in problem.technical() and "public client" in problem.technical()


def test_a_refused_flow_is_named_in_the_detail_only() -> None:
    for kind, error in (
        (Problem.UNAUTHORIZED_CLIENT, "unauthorized_client"),
        (Problem.UNSUPPORTED_GRANT, "unsupported_grant_type"),
    ):
        problem = _token_problem(kind, error)
        assert "client credentials" not in problem.message().en + problem.message().nl
        assert "client_credentials" in problem.technical().replace(" ", "_")
