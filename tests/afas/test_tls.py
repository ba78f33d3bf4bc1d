"""Test case 22 (security-and-peers.md): an untrusted certificate fails clearly and nothing is ever sent.

A real HTTPS server on loopback with a self-signed certificate stands in for a TLS-inspecting proxy or an
impostor. Verification must stop at the handshake: exit code 3, a certificate message, and no HTTP request (so no
token) reaches the server. There is no 'ignore certificate' switch to test, because none exists.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import http.server
import ipaddress
import ssl
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from tests.conftest import FAKE_XML
from wizard.domain.credentials import parse_classic_token
from wizard.domain.environment import parse_environment
from wizard.domain.text import Lang
from wizard.verify import verify


def _self_signed(folder: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return cert_path, key_path


@pytest.fixture
def impostor(tmp_path: Path) -> Iterator[tuple[str, list[str]]]:
    """An HTTPS server that would answer every request, and records the ones that get through the handshake."""
    seen: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            seen.append(self.headers.get("Authorization", ""))
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"{}")

        def log_message(self, *args: object) -> None:
            return None

    cert, key = _self_signed(tmp_path)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"https://127.0.0.1:{server.server_address[1]}/ProfitRestServices", seen
    finally:
        server.shutdown()
        server.server_close()


def test_an_untrusted_certificate_stops_verification_before_anything_is_sent(
    impostor: tuple[str, list[str]],
) -> None:
    base_url, seen = impostor
    env = parse_environment("O12345AA", base_url=base_url)
    report = asyncio.run(verify(env, parse_classic_token(FAKE_XML), lang=Lang.NL, timeout=20))
    auth = report.checks[0]
    assert report.exit_code() == 3
    assert auth.id == "auth" and "certificaat" in auth.message.nl.lower()
    assert "certificate" in auth.message.en.lower()
    assert seen == []  # the handshake failed: no request, no Authorization header, ever reached the impostor
