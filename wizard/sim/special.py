"""The special connectors: `/profitversion`, `/subjectconnector`, `/fileconnector`, `/reportconnector`,
`/imageconnector` - each answers only when its entry is on the app connector's Connectoren tab."""

from __future__ import annotations

import base64

from starlette.responses import Response

from wizard.sim.afas_http import Call, Handler, empty, error, json_response

# Path head -> the special connector that must be linked ("" = none needed).
REQUIRED = {
    "profitversion": "AppConnectorVersion",
    "subjectconnector": "AppConnectorSubject",
    "fileconnector": "AppConnectorSubject",
    "reportconnector": "AppConnectorReport",
    "imageconnector": "",
}


def special(head: str) -> Handler:
    """The handler for one special connector's path head."""

    async def handler(call: Call) -> Response:
        return _answer(call, head)

    return handler


def _answer(call: Call, head: str) -> Response:
    required = REQUIRED[head]
    call.info.connector = required or head
    env, rest = call.env, call.segments()
    with env.lock:
        app = env.app_connector
        assert app is not None  # Gate.AUTH
        if required and not app.has("special", required):
            call.info.note = f"{required} not in app connector"
            status = env.settings.unlinked_special
            return error(call.lang, "special-unsupported") if status == 500 else empty(status)
        if head == "profitversion":
            return json_response({"version": env.settings.profit_version}) if not rest else empty(404)
        if head in ("subjectconnector", "fileconnector"):
            params = call.params()
            if head == "subjectconnector":
                subject, file_id = (
                    ([*rest, "", ""])[:2] if rest else (params.get("subjectid", ""), params.get("fileid", ""))
                )
                found = next(
                    (a for a in env.attachments if str(a.subject_id) == subject and a.file_id == file_id), None
                )
            else:
                file_id, name = (
                    ([*rest, "", ""])[:2] if rest else (params.get("fileid", ""), params.get("filename", ""))
                )
                name = name.replace("_5f", "_")
                found = next((a for a in env.attachments if a.file_id == file_id and a.filename == name), None)
            if found is None:
                return empty(404)
            return json_response(
                {
                    "filename": found.filename,
                    "mimetype": found.mimetype,
                    "filedata": base64.b64encode(found.data).decode("ascii"),
                }
            )
        if head == "reportconnector":
            guid = rest[0] if rest else ""
            if guid.upper() not in env.reports:
                return empty(404)
            pdf = b"%PDF-1.4\n% " + env.reports[guid.upper()].encode("utf-8") + b"\n%%EOF\n"
            return json_response({"filedata": base64.b64encode(pdf).decode("ascii"), "mimetype": "application/pdf"})
        return empty(404)  # imageconnector: no images in this environment
