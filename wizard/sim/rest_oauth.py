"""`{base}/oauth/token` inside AFAS's envelope: the gate (maintenance, query length), latency, faults, headers and
the request log of every AFAS route, then SimOAuth's token endpoint (afas-oauth.md §2.1-2.3)."""

from __future__ import annotations

import json

from starlette.responses import Response

from wizard.sim.afas_http import Call, ip_refusal


async def token(call: Call) -> Response:
    """Client credentials for an access token. The log notes the outcome (the error code), never a credential."""
    env = call.env
    with env.lock:
        gated = env.oauth.settings.ip_restriction_on_token
    if gated:  # UNCONFIRMED whether AFAS's IP restriction covers the token endpoint: a setting
        denied = ip_refusal(env, call.request)
        if denied is not None:
            call.info.note = f"token request: {denied.note}"
            return denied.response
    response = await env.oauth.token_endpoint(call.request)
    call.info.note = f"token request: {_outcome(response)}"
    return response


def _outcome(response: Response) -> str:
    if response.status_code == 200:
        return "access token issued" if response.media_type == "application/json" else "not JSON"
    try:
        body = json.loads(bytes(response.body))
    except ValueError:
        body = None
    error = body.get("error") if isinstance(body, dict) else None
    return str(error) if isinstance(error, str) else f"HTTP {response.status_code}"
