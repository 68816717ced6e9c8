"""Start the production server (`gongkai serve`: gunicorn, WhiteNoise, DEBUG off, HTTPS defences on) on the
database of DATABASE_URL, and request pages through it as a browser behind the TLS proxy would: the portal,
an application form, the status look-up, signing in and a staff queue, the API schema, a static file, the
404 page, the health check. Prints one line per check; exits 0 when all pass, 1 otherwise. The server is
stopped at the end, whatever happened; every wait is bounded.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/gongkai .venv/bin/python scripts/production_check.py

The database is migrated and given the demo data (`gongkai demo`, which changes nothing in a database that
already holds other bodies' data — use a database of its own).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GONGKAI = [sys.executable, "-m", "gongkai.cli"]
PASSWORD = "gongkai-demo"  # noqa: S105 (the demo's, printed by `gongkai demo`)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Browser:
    """Requests through the server as the TLS proxy forwards them (X-Forwarded-Proto: https), keeping
    cookies by hand: the cookies are Secure, which a plain-HTTP client library would not send back."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.cookies: dict[str, str] = {}
        self.origin = f"https://127.0.0.1:{port}"

    def request(
        self, method: str, path: str, form: dict[str, str] | None = None, *, https: bool = True
    ) -> tuple[int, dict[str, str], str, list[str]]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {"Host": f"127.0.0.1:{self.port}", "User-Agent": "gongkai-production-check"}
        if https:
            headers["X-Forwarded-Proto"] = "https"
            headers["X-Forwarded-For"] = "198.51.100.10"
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = self.origin
            headers["Referer"] = self.origin + path
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        text = response.read().decode("utf-8", "replace")
        set_cookies = response.headers.get_all("Set-Cookie") or []
        for cookie in set_cookies:
            name, _, rest = cookie.partition("=")
            value = rest.split(";", 1)[0]
            if value and "expires=Thu, 01 Jan 1970" not in cookie:
                self.cookies[name.strip()] = value
            else:
                self.cookies.pop(name.strip(), None)
        connection.close()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, text, set_cookies


class Checks:
    def __init__(self) -> None:
        self.failed = 0
        self.passed = 0

    def check(self, what: str, ok: bool, detail: str = "") -> bool:
        mark = "通过" if ok else "失败"
        print(f"[{mark}] {what}{'' if ok or not detail else '：' + detail}", flush=True)
        if ok:
            self.passed += 1
        else:
            self.failed += 1
        return ok


def run(command: list[str], env: dict[str, str], timeout: int) -> str:
    done = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=timeout)  # noqa: S603
    if done.returncode != 0:
        raise SystemExit(f"命令失败：{' '.join(command[2:])}\n{done.stderr}")
    return done.stdout


def wait_healthy(port: int, server: subprocess.Popen[bytes], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            return False
        try:
            status, _, _, _ = Browser(port).request("GET", "/healthz", https=False)
            if status == 200:
                return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


def check_pages(port: int, sample: tuple[str, str] | None, checks: Checks) -> None:
    browser = Browser(port)
    status, headers, html, _ = browser.request("GET", "/")
    checks.check("门户首页 200", status == 200 and "政府信息公开" in html, f"{status}")
    checks.check("内容安全策略（CSP）", "script-src 'self'" in headers.get("content-security-policy", ""))
    checks.check("HSTS", headers.get("strict-transport-security", "").startswith("max-age="))
    checks.check("禁止嵌入（X-Frame-Options）", headers.get("x-frame-options") == "DENY")
    status, headers, _, _ = browser.request("GET", "/", https=False)
    checks.check(
        "HTTP 转到 HTTPS", status == 301 and headers.get("location", "").startswith("https://"), f"{status}"
    )
    stylesheet = re.search(r'href="(/static/gongkai/site\.[0-9a-f]+\.css)"', html)
    if checks.check("静态文件带内容摘要（collectstatic）", stylesheet is not None):
        assert stylesheet is not None
        status, headers, _, _ = browser.request("GET", stylesheet.group(1))
        cache = headers.get("cache-control", "")
        checks.check(
            "WhiteNoise 提供静态文件并长期缓存",
            status == 200 and "max-age=315360000" in cache,
            f"{status} {cache}",
        )

    status, _, html, _ = browser.request("GET", "/apply/XS-ZRZY/")
    checks.check("申请表 200", status == 200 and 'name="applicant_name"' in html, f"{status}")

    status, _, html, cookies = browser.request("GET", "/status/")
    checks.check("查询页 200", status == 200 and "查询码" in html, f"{status}")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    checks.check(
        "CSRF Cookie 带 Secure", any("csrftoken=" in c and "Secure" in c for c in cookies), f"{cookies}"
    )
    if sample and token:
        status, headers, _, _ = browser.request(
            "POST",
            "/status/",
            {"csrfmiddlewaretoken": token.group(1), "number": sample[0], "query_code": sample[1]},
        )
        checks.check("凭受理编号和查询码查询", status == 302, f"{status}")
        status, headers, html, _ = browser.request("GET", "/status/")
        checks.check(
            "申请人看到办理进度", status == 200 and sample[0] in html and "待补正" in html, f"{status}"
        )
        checks.check("查询结果不缓存", "no-store" in headers.get("cache-control", ""))

    staff = Browser(port)
    status, _, html, _ = staff.request("GET", "/staff/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    if checks.check("登录页 200", status == 200 and token is not None, f"{status}"):
        assert token is not None
        status, headers, _, cookies = staff.request(
            "POST",
            "/staff/login/",
            {"csrfmiddlewaretoken": token.group(1), "username": "xs-staff", "password": PASSWORD},
        )
        checks.check("工作人员登录", status == 302 and headers.get("location") == "/staff/", f"{status}")
        checks.check(
            "会话 Cookie 带 Secure、HttpOnly",
            any("sessionid=" in c and "Secure" in c and "HttpOnly" in c for c in cookies),
            f"{cookies}",
        )
        status, _, html, _ = staff.request("GET", "/staff/agencies/XS-ZRZY/applications/")
        checks.check(
            "工作人员的申请列表", status == 200 and "申请列表" in html and "共 <strong>" in html, f"{status}"
        )

    status, headers, body, _ = browser.request("GET", "/api/openapi.json")
    checks.check("接口文档 JSON", status == 200 and "openapi" in json.loads(body or "{}"), f"{status}")
    status, _, html, _ = browser.request("GET", "/no-such-page/")
    checks.check(
        "404 为中文页面（DEBUG 关闭）",
        status == 404 and "页面不存在" in html and "Traceback" not in html,
        f"{status}",
    )
    status, _, body, _ = browser.request("GET", "/healthz", https=False)
    health = json.loads(body or "{}")
    checks.check("健康检查连通数据库", status == 200 and health.get("status") == "ok", body)
    print(f"数据库：{health.get('database')}", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else "")
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    parser.add_argument("--timeout", type=int, default=120, help="每一步的最长秒数")
    parser.add_argument("--workers", type=int, default=2)
    options = parser.parse_args()
    data_dir = tempfile.mkdtemp(prefix="gongkai-production-check-")
    database_url = options.database_url or f"sqlite:///{data_dir}/gongkai.sqlite3"
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "GONGKAI_DATA_DIR": data_dir,
        "GONGKAI_TRUSTED_PROXIES": "127.0.0.1",
        "GONGKAI_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "GONGKAI_SITE_URL": f"https://127.0.0.1:{port}",
        "PYTHONPATH": str(ROOT),
    }
    env.pop("GONGKAI_DEBUG", None)
    print(f"数据库 {database_url.split('@')[-1]}：迁移并载入演示数据……", flush=True)
    run([*GONGKAI, "migrate", "--noinput"], env, options.timeout)
    help_text = run([*GONGKAI, "demo"], env, options.timeout * 2)
    found = re.search(r"受理编号 (\S+)，查询码 (\S+)（", help_text)
    sample = (found.group(1), found.group(2)) if found else None
    log = Path(data_dir) / "server.log"
    with log.open("wb") as output:
        server = subprocess.Popen(  # noqa: S603
            [*GONGKAI, "serve", "--bind", f"127.0.0.1:{port}", "--workers", str(options.workers)],
            env=env,
            cwd=ROOT,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    checks = Checks()
    try:
        if checks.check(
            f"生产服务启动并通过健康检查（127.0.0.1:{port}）", wait_healthy(port, server, options.timeout)
        ):
            check_pages(port, sample, checks)
    finally:
        try:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(server.pid, signal.SIGKILL)
    if checks.failed:
        print(log.read_text(errors="replace")[-4000:], file=sys.stderr)
    print(f"{checks.passed} passed, {checks.failed} failed")
    return 1 if checks.failed else 0


if __name__ == "__main__":
    sys.exit(main())
