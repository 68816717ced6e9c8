"""Load test of the production server (`gongkai serve`) on PostgreSQL, loopback only, bounded in time.

Starts the server on a throw-away database `bench_serve` (migrated, with the demo data), signs a staff
member in, then drives four pages with wrk at 16 and 64 concurrent connections for `--seconds` each:
the portal home, an application form, the status look-up (POST with the demo applicant's number and
query code, CSRF token and all) and a staff queue page (signed in). Beside them, nginx serving a static
page on the same machine: the ceiling of what this machine can answer. Prints requests/s and
p50/p95/p99 latency per page and concurrency, and the errors (any status but 2xx/3xx, any socket error);
exits 1 when a page had an error.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres nice .venv/bin/python benchmarks/bench_serve.py

wrk and nginx are Debian packages; the script installs them when missing (never the tests).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import textwrap
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from gongkai_server import (  # noqa: E402
    Browser,
    demo_sample,
    free_port,
    run_gongkai,
    start_healthy_server,
    stop,
)

DATABASE = "bench_serve"

# Each request's latency percentiles and the counts, as one JSON line at the end of a wrk run.
WRK_REPORT = """
done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format('{"requests": %d, "seconds": %.3f, "p50": %.3f, "p95": %.3f, "p99": %.3f, '
    .. '"non2xx": %d, "connect": %d, "read": %d, "write": %d, "timeout": %d}\\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1e3, latency:percentile(95) / 1e3,
    latency:percentile(99) / 1e3, errors.status, errors.connect, errors.read, errors.write, errors.timeout))
end
"""


def ensure_tools() -> None:
    missing = [
        name
        for name in ("wrk", "nginx")
        if shutil.which(name) is None and not Path(f"/usr/sbin/{name}").exists()
    ]
    if missing:
        print(f"安装 {' '.join(missing)}（Debian）……", file=sys.stderr)
        sudo = [] if os.geteuid() == 0 else ["sudo"]
        subprocess.run([*sudo, "apt-get", "update", "-qq"], check=True)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(
            [*sudo, "apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing],
            check=True,
            env=env,
        )


def postgres_url(base: str, name: str) -> str:
    parts = urllib.parse.urlsplit(base)
    return urllib.parse.urlunsplit(parts._replace(path=f"/{name}"))


def psql(base: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(postgres_url(base, "postgres"), autocommit=True) as connection:
        connection.execute(sql)


def wrk(
    url: str,
    connections: int,
    seconds: int,
    work: Path,
    *,
    method: str = "GET",
    body: str = "",
    headers: dict[str, str] | None = None,
) -> dict[str, float]:
    script = work / f"wrk-{connections}-{abs(hash(url + body))}.lua"
    lines = [f'wrk.method = "{method}"']
    if body:
        lines.append(f"wrk.body = {json.dumps(body)}")
    for name, value in (headers or {}).items():
        lines.append(f'wrk.headers["{name}"] = {json.dumps(value)}')
    script.write_text("\n".join(lines) + WRK_REPORT)
    threads = min(2, connections)
    done = subprocess.run(
        [
            "wrk",
            f"-t{threads}",
            f"-c{connections}",
            f"-d{seconds}s",
            "--timeout",
            "30s",
            "-s",
            str(script),
            url,
        ],
        capture_output=True,
        text=True,
        timeout=seconds + 120,
        check=True,
    )
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def start_nginx(work: Path, page: str) -> tuple[subprocess.Popen[bytes], int]:
    port = free_port()
    root = work / "www"
    root.mkdir()
    (root / "index.html").write_text(page, encoding="utf-8")
    # nginx's workers run as an unprivileged user: they must be able to read the page.
    for path in (work, root, root / "index.html"):
        path.chmod(0o755)
    (work / "logs").mkdir()
    config = work / "nginx.conf"
    config.write_text(
        textwrap.dedent(
            f"""
            worker_processes auto;
            pid {work}/nginx.pid;
            error_log {work}/logs/error.log warn;
            events {{ worker_connections 1024; }}
            http {{
                access_log off;
                default_type text/html;
                server {{
                    listen 127.0.0.1:{port};
                    root {root};
                }}
            }}
            """
        )
    )
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    process = subprocess.Popen(
        [nginx, "-p", str(work), "-c", str(config), "-g", "daemon off;"], start_new_session=True
    )
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return process, port
        except OSError:
            time.sleep(0.2)
    raise SystemExit("nginx 未能启动")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=15, help="每个页面、每种并发的测试秒数")
    parser.add_argument("--workers", type=int, default=0, help="gunicorn 工作进程数（默认 2×核数+1）")
    parser.add_argument("--connections", default="16,64")
    options = parser.parse_args()
    base = os.environ.get("DATABASE_URL", "")
    if not base.startswith("postgres"):
        raise SystemExit("请用 DATABASE_URL 指定 PostgreSQL 服务器（基准测试在其上新建数据库 bench_serve）。")
    ensure_tools()
    concurrency = [int(c) for c in options.connections.split(",")]
    psql(base, f"DROP DATABASE IF EXISTS {DATABASE}")
    psql(base, f"CREATE DATABASE {DATABASE}")
    work = Path(tempfile.mkdtemp(prefix="gongkai-bench-serve-"))
    env = {
        **os.environ,
        "DATABASE_URL": postgres_url(base, DATABASE),
        "GONGKAI_DATA_DIR": str(work / "data"),
        "GONGKAI_HTTPS": "0",  # loopback, no TLS proxy in front: the application alone is measured
        "GONGKAI_ALLOWED_HOSTS": "127.0.0.1",
    }
    env.pop("GONGKAI_DEBUG", None)
    server = None
    nginx = None
    try:
        run_gongkai(["migrate", "--noinput", "-v", "0"], env, 900)
        sample = demo_sample(run_gongkai(["demo"], env, 900))
        assert sample is not None
        started = start_healthy_server(env, work / "server.log", 300, options.workers)
        if started is None:
            raise SystemExit("生产服务未能启动：" + (work / "server.log").read_text(errors="replace")[-2000:])
        server, port = started
        staff = Browser(port)
        staff.log_in("xs-staff")
        assert "sessionid" in staff.cookies, staff.cookies
        visitor = Browser(port)
        fields = {
            "csrfmiddlewaretoken": visitor.csrf_token("/status/"),
            "number": sample[0],
            "query_code": sample[1],
        }
        look_up = urllib.parse.urlencode(fields)
        assert (
            Browser(port)
            .request(
                "POST",
                "/status/",
                look_up.encode(),
                {
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Cookie": f"csrftoken={visitor.cookies['csrftoken']}",
                },
            )
            .status
            == 302
        )
        home = Browser(port).get("/").text
        url = f"http://127.0.0.1:{port}"
        pages = [
            ("门户首页 /", {"url": url + "/"}),
            ("申请表 /apply/XS-ZRZY/", {"url": url + "/apply/XS-ZRZY/"}),
            (
                "查询办理进度 POST /status/",
                {
                    "url": url + "/status/",
                    "method": "POST",
                    "body": look_up,
                    "headers": {
                        "Content-Type": "application/x-www-form-urlencoded",
                        "Cookie": f"csrftoken={visitor.cookies['csrftoken']}",
                    },
                },
            ),
            (
                "工作人员申请列表（已登录）",
                {
                    "url": url + "/staff/agencies/XS-ZRZY/applications/",
                    "headers": {
                        "Cookie": f"sessionid={staff.cookies['sessionid']}; csrftoken={staff.cookies.get('csrftoken', '')}"
                    },
                },
            ),
        ]
        nginx, nginx_port = start_nginx(work, home)
        pages.append(("nginx 静态页面（上限）", {"url": f"http://127.0.0.1:{nginx_port}/"}))
        load = os.getloadavg()
        workers = options.workers or min(2 * (os.cpu_count() or 1) + 1, 9)
        print(
            f"gongkai serve：{workers} 个工作进程，PostgreSQL；每项 {options.seconds} 秒；开始时负载 {load[0]:.1f}"
        )
        print(f"{'页面':<30}{'并发':>5}{'请求/秒':>10}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'错误':>6}")
        errors = 0
        for name, spec in pages:
            for connections in concurrency:
                result = wrk(
                    spec["url"],
                    connections,
                    options.seconds,
                    work,
                    method=spec.get("method", "GET"),
                    body=spec.get("body", ""),
                    headers=spec.get("headers"),
                )
                bad = int(
                    result["non2xx"]
                    + result["connect"]
                    + result["read"]
                    + result["write"]
                    + result["timeout"]
                )
                errors += bad
                rate = result["requests"] / result["seconds"]
                print(
                    f"{name:<30}{connections:>5}{rate:>10.1f}{result['p50']:>9.1f}{result['p95']:>9.1f}{result['p99']:>9.1f}{bad:>6}",
                    flush=True,
                )
        print(f"结束时负载 {os.getloadavg()[0]:.1f}；错误合计 {errors}")
        return 1 if errors else 0
    finally:
        if nginx is not None:
            stop(nginx)
        if server is not None:
            stop(server)
        psql(base, f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")


if __name__ == "__main__":
    sys.exit(main())
