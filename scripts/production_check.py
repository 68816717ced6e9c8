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
import json
import os
import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gongkai_server import Browser, demo_sample, run_gongkai, start_healthy_server, stop


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


def check_pages(port: int, sample: tuple[str, str] | None, checks: Checks) -> None:
    browser = Browser(port, https=True)
    home = browser.get("/")
    headers = home.headers
    checks.check("门户首页 200", home.status == 200 and "政府信息公开" in home.text, f"{home.status}")
    checks.check("内容安全策略（CSP）", "script-src 'self'" in headers.get("content-security-policy", ""))
    checks.check("HSTS", headers.get("strict-transport-security", "").startswith("max-age="))
    checks.check("禁止嵌入（X-Frame-Options）", headers.get("x-frame-options") == "DENY")
    plain = browser.get("/", https=False)
    location = plain.headers.get("location", "")
    checks.check(
        "HTTP 转到 HTTPS", plain.status == 301 and location.startswith("https://"), f"{plain.status}"
    )
    stylesheet = re.search(r'href="(/static/gongkai/site\.[0-9a-f]+\.css)"', home.text)
    if checks.check("静态文件带内容摘要（collectstatic）", stylesheet is not None):
        assert stylesheet is not None
        css = browser.get(stylesheet.group(1))
        cache = css.headers.get("cache-control", "")
        ok = css.status == 200 and "max-age=315360000" in cache
        checks.check("WhiteNoise 提供静态文件并长期缓存", ok, f"{css.status} {cache}")

    form = browser.get("/apply/XS-ZRZY/")
    checks.check("申请表 200", form.status == 200 and 'name="applicant_name"' in form.text, f"{form.status}")

    lookup = browser.get("/status/")
    checks.check("查询页 200", lookup.status == 200 and "查询码" in lookup.text, f"{lookup.status}")
    secure = any("csrftoken=" in c and "Secure" in c for c in lookup.cookies)
    checks.check("CSRF Cookie 带 Secure", secure, f"{lookup.cookies}")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', lookup.text)
    if sample and token:
        fields = {"csrfmiddlewaretoken": token.group(1), "number": sample[0], "query_code": sample[1]}
        found = browser.form("/status/", fields)
        checks.check("凭受理编号和查询码查询", found.status == 302, f"{found.status}")
        opened = browser.get("/status/")
        ok = opened.status == 200 and sample[0] in opened.text and "待补正" in opened.text
        checks.check("申请人看到办理进度", ok, f"{opened.status}")
        checks.check("查询结果不缓存", "no-store" in opened.headers.get("cache-control", ""))

    staff = Browser(port, https=True)
    signed_in = staff.log_in("xs-staff")
    ok = signed_in.status == 302 and signed_in.headers.get("location") == "/staff/"
    checks.check("工作人员登录", ok, f"{signed_in.status}")
    session = any("sessionid=" in c and "Secure" in c and "HttpOnly" in c for c in signed_in.cookies)
    checks.check("会话 Cookie 带 Secure、HttpOnly", session, f"{signed_in.cookies}")
    queue = staff.get("/staff/agencies/XS-ZRZY/applications/")
    ok = queue.status == 200 and "申请列表" in queue.text and "共 <strong>" in queue.text
    checks.check("工作人员的申请列表", ok, f"{queue.status}")

    schema = browser.get("/api/openapi.json")
    ok = schema.status == 200 and "openapi" in json.loads(schema.text or "{}")
    checks.check("接口文档 JSON", ok, f"{schema.status}")
    missing = browser.get("/no-such-page/")
    ok = missing.status == 404 and "页面不存在" in missing.text and "Traceback" not in missing.text
    checks.check("404 为中文页面（DEBUG 关闭）", ok, f"{missing.status}")
    healthz = browser.get("/healthz", https=False)
    health = json.loads(healthz.text or "{}")
    checks.check("健康检查连通数据库", healthz.status == 200 and health.get("status") == "ok", healthz.text)
    print(f"数据库：{health.get('database')}", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else "")
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    parser.add_argument("--timeout", type=int, default=120, help="每一步的最长秒数")
    parser.add_argument("--workers", type=int, default=2)
    options = parser.parse_args()
    data_dir = tempfile.mkdtemp(prefix="gongkai-production-check-")
    database_url = options.database_url or f"sqlite:///{data_dir}/gongkai.sqlite3"
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "GONGKAI_DATA_DIR": data_dir,
        "GONGKAI_TRUSTED_PROXIES": "127.0.0.1",
        "GONGKAI_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "GONGKAI_SITE_URL": "https://127.0.0.1",  # the links in e-mails; none are followed here
    }
    env.pop("GONGKAI_DEBUG", None)
    print(f"数据库 {database_url.split('@')[-1]}：迁移并载入演示数据……", flush=True)
    run_gongkai(["migrate", "--noinput"], env, options.timeout)
    sample = demo_sample(run_gongkai(["demo"], env, options.timeout * 2))
    log = Path(data_dir) / "server.log"
    checks = Checks()
    started = start_healthy_server(env, log, options.timeout, options.workers)
    if checks.check("生产服务启动并通过健康检查", started is not None) and started is not None:
        server, port = started
        try:
            check_pages(port, sample, checks)
        finally:
            stop(server)
    if checks.failed:
        print(log.read_text(errors="replace")[-4000:], file=sys.stderr)
    print(f"{checks.passed} passed, {checks.failed} failed")
    return 1 if checks.failed else 0


if __name__ == "__main__":
    sys.exit(main())
