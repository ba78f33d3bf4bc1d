"""The live check's one request, GET /metainfo, with one AFAS client kept for a whole watch: an OAuth access token is
fetched once and reused until it runs out, not once every few seconds. Read-only, like all verification."""

from __future__ import annotations

from wizard.afas.client import AfasClient, ClientSettings
from wizard.afas.errors import AfasProblem, classify_exception, classify_reply
from wizard.data import load_manifest
from wizard.domain.credentials import Credential
from wizard.domain.environment import AfasEnvironment
from wizard.domain.manifest import Manifest
from wizard.flow.link_watch import LinkReading, read_links
from wizard.verify.answers import MetaInfo

# A reading the user waits for only in the background: short, so a hanging AFAS does not hold the one request slot.
SETTINGS = ClientSettings(connect_timeout=5.0, read_timeout=10.0, retry_503_attempts=0)


class LinkReader:
    def __init__(self, env: AfasEnvironment, credential: Credential, manifest: Manifest | None = None) -> None:
        self.env = env
        self.credential = credential
        self._manifest = manifest
        self._client: AfasClient | None = None

    async def read(self) -> LinkReading | AfasProblem:
        """What AFAS lists now, as the link step's items; or the problem (network, refusal, maintenance)."""
        manifest = self._manifest or load_manifest()
        if self._client is None:
            self._client = AfasClient(self.env, self.credential, settings=SETTINGS)
        try:
            reply = await self._client.get("metainfo")
        except Exception as exc:  # the OAuth token request's refusal too: one problem type
            problem = getattr(exc, "problem", None)
            await self.close()  # a failed token request is not retried by the same client
            return problem if isinstance(problem, AfasProblem) else classify_exception(exc)
        found = classify_reply(reply)
        if found is not None:
            return found
        meta = MetaInfo.parse(reply.json_body, manifest)
        return read_links(manifest.connectors, meta.get_ids, meta.update_ids, meta.special_ids)

    async def close(self) -> None:
        if self._client is not None:
            client, self._client = self._client, None
            await client.aclose()
