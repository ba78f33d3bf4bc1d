"""The OTP flow (afas-api.md §2.3): `POST /otprequest` "mails" a one-time password, `POST /otpvalidation` trades it
for a new user token."""

from __future__ import annotations

import json
import secrets

from starlette.responses import Response

from wizard.sim.afas_http import Call, Handler, empty, json_response


def otp(head: str) -> Handler:
    """The handler for `otprequest` or `otpvalidation`."""

    async def handler(call: Call) -> Response:
        return await _answer(call, head)

    return handler


async def _answer(call: Call, head: str) -> Response:
    try:
        document = json.loads((await call.request.body()).decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return json_response({"message": "Invalid json"}, 400)
    if not isinstance(document, dict):
        return json_response({"message": "Invalid json"}, 400)
    fields = {str(k).lower(): str(v) for k, v in document.items()}  # apiKey/apikey, userId/userid, Otp/otp
    env = call.env
    with env.lock:
        app = env.app_connector
        if (
            app is None
            or not secrets.compare_digest(fields.get("apikey", ""), app.api_key)
            or not secrets.compare_digest(fields.get("apitoken", ""), app.environment_key)
        ):
            call.info.note = "wrong API key or environment key"
            return empty(401)
        wanted = fields.get("userid", "").lower()
        user = next((u for u in env.users.values() if wanted in (u.id.lower(), u.email.lower())), None)
        if head == "otprequest":
            if user is not None:
                code = f"{secrets.randbelow(10**8):08d}"
                env.otp_outbox.append({"user": user.id, "email": user.email, "otp": code, "subject": app.description})
            return empty(200)  # the OTP goes by e-mail, never in the response
        given = fields.get("otp", "")
        mail = next((m for m in reversed(env.otp_outbox) if user and m["user"] == user.id and m["otp"] == given), None)
        if mail is None or user is None:
            call.info.note = "invalid OTP"
            return empty(204)  # dutchgrit treats 204 as an invalid OTP (UNCONFIRMED)
        env.otp_outbox.remove(mail)
        token = env.create_user_token(user.id, "OTP")
        xml = f"<token><version>1</version><data>{token.data}</data></token>"
    return json_response({"token": xml + "\r\n"})  # the trailing CRLF is AFAS's (afas-api.md §2.3)
