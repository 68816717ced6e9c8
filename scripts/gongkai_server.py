"""Starting the production server (`gongkai serve`) for a check or a benchmark, and talking to it as a
browser would (cookies kept by hand: they are Secure, which a plain-HTTP client library would not send
back). Shared by scripts/production_check.py, benchmarks/bench_serve.py and benchmarks/probe_rerun.py."""

from __future__ import annotations

import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import uuid
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GONGKAI = [sys.executable, "-m", "gongkai.cli"]
DEMO_PASSWORD = "gongkai-demo"  # noqa: S105 (the demo's, printed by `gongkai demo`)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def run_gongkai(args: list[str], env: dict[str, str], timeout: int) -> str:
    """A `gongkai` command's standard output; its error and standard error when it fails."""
    done = subprocess.run(  # noqa: S603 (this project's own command)
        [*GONGKAI, *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=timeout
    )
    if done.returncode != 0:
        raise SystemExit(f"命令失败：gongkai {' '.join(args)}\n{done.stderr}")
    return done.stdout


def demo_sample(help_text: str) -> tuple[str, str] | None:
    """The demo applicant's number and query code, from what `gongkai demo` prints."""
    found = re.search(r"受理编号 (\S+)，查询码 (\S+)（", help_text)
    return (found.group(1), found.group(2)) if found else None


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    text: str
    cookies: list[str]  # the Set-Cookie headers
    seconds: float


class Browser:
    """One browser with its cookies, from `source` (any address of 127.0.0.0/8 is this machine). With
    `https`, its requests come as the TLS proxy forwards them (X-Forwarded-Proto: https)."""

    def __init__(self, port: int, *, source: str = "127.0.0.1", https: bool = False) -> None:
        self.port = port
        self.source = source
        self.https = https
        self.cookies: dict[str, str] = {}

    def request(
        self,
        method: str,
        path: str,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
        *,
        https: bool | None = None,
        timeout: float = 120,
    ) -> Response:
        connection = http.client.HTTPConnection(
            "127.0.0.1", self.port, timeout=timeout, source_address=(self.source, 0)
        )
        sent = {"Host": f"127.0.0.1:{self.port}", "User-Agent": "gongkai-check", **(headers or {})}
        if self.https if https is None else https:
            sent |= {"X-Forwarded-Proto": "https", "X-Forwarded-For": "198.51.100.10"}
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        started = time.monotonic()
        connection.request(method, path, body=body, headers=sent)
        answer = connection.getresponse()
        text = answer.read().decode("utf-8", "replace")
        seconds = time.monotonic() - started
        set_cookies = answer.headers.get_all("Set-Cookie") or []
        for cookie in set_cookies:
            name, _, rest = cookie.partition("=")
            value = rest.split(";", 1)[0]
            if value and "expires=Thu, 01 Jan 1970" not in cookie:
                self.cookies[name.strip()] = value
            else:
                self.cookies.pop(name.strip(), None)
        connection.close()
        return Response(
            answer.status, {k.lower(): v for k, v in answer.getheaders()}, text, set_cookies, seconds
        )

    def get(self, path: str, **options: object) -> Response:
        return self.request("GET", path, **options)  # type: ignore[arg-type]

    def form(self, path: str, fields: dict[str, str]) -> Response:
        origin = f"https://127.0.0.1:{self.port}" if self.https else f"http://127.0.0.1:{self.port}"
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Origin": origin,
            "Referer": origin + path,
        }
        return self.request("POST", path, urllib.parse.urlencode(fields).encode(), headers)

    def csrf_token(self, path: str) -> str:
        found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', self.get(path).text)
        if found is None:
            raise SystemExit(f"{path} 上没有 CSRF 令牌")
        return found.group(1)

    def log_in(self, username: str, password: str = DEMO_PASSWORD) -> Response:
        token = self.csrf_token("/staff/login/")
        return self.form(
            "/staff/login/", {"csrfmiddlewaretoken": token, "username": username, "password": password}
        )

    def upload(self, path: str, fields: dict[str, str], files: list[tuple[str, str, bytes]]) -> Response:
        boundary = uuid.uuid4().hex
        parts = [
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
            for name, value in {"csrfmiddlewaretoken": self.csrf_token(path), **fields}.items()
        ]
        for field, filename, data in files:
            head = (
                f'--{boundary}\r\nContent-Disposition: form-data; name="{field}"; filename="{filename}"\r\n'
            )
            parts.append((head + "Content-Type: application/octet-stream\r\n\r\n").encode() + data + b"\r\n")
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        return self.request("POST", path, body, {"Content-Type": f"multipart/form-data; boundary={boundary}"})


def start_healthy_server(
    env: dict[str, str], log: Path, timeout: float, workers: int = 0
) -> tuple[subprocess.Popen[bytes], int] | None:
    """`gongkai serve` on a free port, answering /healthz; tried on another port when the one chosen was
    taken before the server could bind it (other programs share the machine). None when it never answers."""
    for _ in range(3):
        port = free_port()
        server = start_server(env, port, log, workers)
        if wait_healthy(port, server, timeout):
            return server, port
        stop(server)
    return None


def start_server(env: dict[str, str], port: int, log: Path, workers: int = 0) -> subprocess.Popen[bytes]:
    """`gongkai serve` on 127.0.0.1:`port`, in its own process group, its output in `log`."""
    command = [*GONGKAI, "serve", "--bind", f"127.0.0.1:{port}"]
    if workers:
        command += ["--workers", str(workers)]
    with log.open("wb") as output:
        return subprocess.Popen(  # noqa: S603 (this project's own command)
            command, env=env, cwd=ROOT, stdout=output, stderr=subprocess.STDOUT, start_new_session=True
        )


def wait_healthy(port: int, server: subprocess.Popen[bytes], timeout: float) -> bool:
    """Whether /healthz answers 200 within `timeout` seconds (False at once if the server has exited)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            return False
        try:
            if Browser(port).get("/healthz", timeout=5).status == 200:
                return True
        except (OSError, http.client.HTTPException):
            pass  # not listening yet, or (the port taken meanwhile) something else answered
        time.sleep(0.3)
    return False


def stop(process: subprocess.Popen[bytes]) -> None:
    """Stop a process started in its own group (the server and its workers), by its id."""
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
