"""The probe's findings of issue 8, re-run against the production server (`gongkai serve`) on the embedded
SQLite: the 76-byte report that backtracked for a minute, the DOCX bomb, 30 wrong passwords, deleting a
user who acted, NUL bytes, and a 150,000-row register import with 40 API submissions arriving meanwhile.
Prints what each did now; exits 1 when one still fails. Loopback only, every wait bounded.

    nice .venv/bin/python benchmarks/probe_rerun.py [--rows 150000]
"""

from __future__ import annotations

import argparse
import concurrent.futures
import http.client
import io
import json
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.parse
import uuid
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GONGKAI = [sys.executable, "-m", "gongkai.cli"]
PASSWORD = "gongkai-demo"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Session:
    """One browser, from `source` (any address of 127.0.0.0/8 is this machine)."""

    def __init__(self, port: int, source: str = "127.0.0.1") -> None:
        self.port = port
        self.source = source
        self.cookies: dict[str, str] = {}

    def send(
        self,
        method: str,
        path: str,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
        timeout: float = 300,
    ) -> tuple[int, str, float]:
        connection = http.client.HTTPConnection(
            "127.0.0.1", self.port, timeout=timeout, source_address=(self.source, 0)
        )
        all_headers = {"Host": f"127.0.0.1:{self.port}", **(headers or {})}
        if self.cookies:
            all_headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        started = time.monotonic()
        connection.request(method, path, body=body, headers=all_headers)
        response = connection.getresponse()
        text = response.read().decode("utf-8", "replace")
        elapsed = time.monotonic() - started
        for cookie in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = cookie.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        connection.close()
        return response.status, text, elapsed

    def form(self, path: str, fields: dict[str, str]) -> tuple[int, str, float]:
        return self.send(
            "POST",
            path,
            urllib.parse.urlencode(fields).encode(),
            {"Content-Type": "application/x-www-form-urlencoded"},
        )

    def token(self, path: str) -> str:
        _, text, _ = self.send("GET", path)
        found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', text)
        assert found is not None, text[:500]
        return found.group(1)

    def log_in(self, username: str, password: str = PASSWORD) -> int:
        return self.form(
            "/staff/login/",
            {"csrfmiddlewaretoken": self.token("/staff/login/"), "username": username, "password": password},
        )[0]

    def upload(
        self, path: str, fields: dict[str, str], files: list[tuple[str, str, bytes]]
    ) -> tuple[int, str, float]:
        boundary = uuid.uuid4().hex
        parts = []
        for name, value in {"csrfmiddlewaretoken": self.token(path), **fields}.items():
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
            )
        for field, filename, data in files:
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{field}"; filename="{filename}"\r\n'
                f"Content-Type: application/octet-stream\r\n\r\n".encode()
                + data
                + b"\r\n"
            )
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        return self.send("POST", path, body, {"Content-Type": f"multipart/form-data; boundary={boundary}"})


def docx_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        )
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(
                b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>'
            )
            block = b"x" * (1024 * 1024)
            for _ in range(100):
                member.write(block)
            member.write(b"</w:t></w:r></w:p></w:body></w:document>")
    return buffer.getvalue()


def rss_mb(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    total = max(total, int(line.split()[1]))
        except OSError:
            pass
    return total / 1024


def children(pid: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


class Report:
    def __init__(self) -> None:
        self.failed = 0

    def line(self, ok: bool, text: str) -> None:
        print(f"[{'通过' if ok else '失败'}] {text}", flush=True)
        self.failed += 0 if ok else 1


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=150_000)
    parser.add_argument("--submissions", type=int, default=40)
    options = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="gongkai-probe-"))
    database = work / "gongkai.sqlite3"
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "GONGKAI_DATA_DIR": str(work),
        "GONGKAI_HTTPS": "0",
        "GONGKAI_ALLOWED_HOSTS": "127.0.0.1",
        "PYTHONPATH": str(ROOT),
    }
    env.pop("GONGKAI_DEBUG", None)
    subprocess.run([*GONGKAI, "migrate", "--noinput", "-v", "0"], env=env, cwd=ROOT, check=True, timeout=900)
    subprocess.run([*GONGKAI, "demo"], env=env, cwd=ROOT, check=True, timeout=900, capture_output=True)
    raw_token = (
        subprocess.run(
            [*GONGKAI, "api", "token", "create", "--agency", "XS-SCJG", "--name", "探测"],
            env=env,
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    log = (work / "server.log").open("wb")
    server = subprocess.Popen(
        [*GONGKAI, "serve", "--bind", f"127.0.0.1:{port}"],
        env=env,
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    report = Report()
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if Session(port).send("GET", "/healthz", timeout=5)[0] == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise SystemExit("服务未能启动")
            time.sleep(0.5)
        staff = Session(port)
        assert staff.log_in("supervisor") == 302

        # 1. The 76-byte report.
        data = "2023年政府信息公开工作年度报告\n".encode() + b"1" * 28 + "件\n".encode()
        status, text, seconds = staff.upload(
            "/staff/reports/upload/", {"mode": "audit"}, [("report_files", "probe.txt", data)]
        )
        report.line(
            status in (200, 400) and seconds < 5, f"76 字节的报告：{status}，{seconds:.2f} 秒（原为一分钟）"
        )

        # 2. The DOCX bomb.
        bomb = docx_bomb()
        status, text, seconds = staff.upload(
            "/staff/reports/upload/", {"mode": "audit"}, [("report_files", "bomb.docx", bomb)]
        )
        peak = rss_mb(children(server.pid))
        refused = "压缩炸弹" in text or "超过上限" in text
        report.line(
            refused and seconds < 5,
            f"DOCX 炸弹（{len(bomb) // 1024} KB，解压 100 MB）：{status}，{seconds:.2f} 秒，拒绝={refused}；工作进程内存峰值 {peak:.0f} MB（原为 73 秒、0.9 GB）",
        )

        # 3. 30 wrong passwords, then the right one.
        attacker = Session(
            port, source="127.0.0.66"
        )  # its address is locked too: the others come from elsewhere
        statuses = [attacker.log_in("xs-head", f"wrong-{n}") for n in range(30)]
        right = attacker.log_in("xs-head")
        with sqlite3.connect(database) as connection:
            failures = connection.execute(
                "SELECT count(*) FROM core_auditlog WHERE action='login_failed'"
            ).fetchone()[0]
            lockouts = connection.execute(
                "SELECT count(*) FROM core_auditlog WHERE action='login_locked_out'"
            ).fetchone()[0]
        tried = sum(1 for s in statuses if s == 200)
        report.line(
            tried <= 5 and right == 429 and failures >= 30,
            f"30 次错误密码：{tried} 次被核对，之后 {statuses.count(429)} 次锁定（429）；正确密码 {right}（被拒）；审计日志 登录失败 {failures} 条、锁定 {lockouts} 条",
        )

        # 4. Deleting a user who acted.
        admin = Session(port)
        assert admin.log_in("admin") == 302
        with sqlite3.connect(database) as connection:
            user_id = connection.execute("SELECT id FROM auth_user WHERE username='xs-staff'").fetchone()[0]
        status, _, _ = admin.send("GET", f"/admin/auth/user/{user_id}/delete/")
        with sqlite3.connect(database) as connection:
            still = connection.execute("SELECT count(*) FROM auth_user WHERE id=?", (user_id,)).fetchone()[0]
            actors = connection.execute(
                "SELECT count(*) FROM applications_applicationevent WHERE actor_id=?", (user_id,)
            ).fetchone()[0]
        report.line(
            status == 403 and still == 1,
            f"删除已办理过申请的用户：删除页面 {status}，用户仍在，其 {actors} 条办理记录的办理人完好",
        )

        # 5. NUL bytes.
        nul = {
            "/api/status（JSON 中的 \\u0000）": Session(port).send(
                "POST",
                "/api/status",
                json.dumps({"number": "1\u0000", "query_code": "x"}).encode(),
                {"Content-Type": "application/json"},
            )[0],
            "/apply/X%00/": Session(port).send("GET", "/apply/X%00/")[0],
            "/staff/agencies/XS-ZRZY%00/applications/": staff.send(
                "GET", "/staff/agencies/XS-ZRZY%00/applications/"
            )[0],
            "/staff/agencies/XS-ZRZY/applications/?q=%00": staff.send(
                "GET", "/staff/agencies/XS-ZRZY/applications/?q=%00"
            )[0],
        }
        head = Session(port)
        assert head.log_in("xs-head") in (302, 429)
        xs = Session(port)
        assert xs.log_in("nb-staff") == 302
        csv = "受理编号,申请人类型,收到日期,申请方式,申请内容,答复日期,办理结果\nN-1,自然人,2025-03-03,网络,某\x00文件,,\n".encode()
        status, text, _ = xs.upload(
            "/staff/agencies/NB-ZRZY/register/import/", {}, [("file", "nul.csv", csv)]
        )
        nul["台账 CSV 含 NUL"] = status
        report.line(
            all(code == 400 for code in nul.values()),
            "NUL 字节：" + "；".join(f"{k} → {v}" for k, v in nul.items()),
        )

        # 6. A long import with submissions arriving meanwhile.
        register = work / "register.csv"
        with register.open("w", encoding="utf-8") as out:
            out.write("受理编号,申请人类型,收到日期,申请方式,申请内容,答复日期,办理结果\n")
            for n in range(options.rows):
                out.write(
                    f"P-{n:06d},自然人,2025-{1 + n % 12:02d}-{1 + n % 28:02d},网络,某项目的批准文件,2025-12-{1 + n % 28:02d},予以公开\n"
                )
        started = time.monotonic()
        importer = subprocess.Popen(
            [*GONGKAI, "applications", "import", str(register), "--agency", "XS-SCJG"],
            env=env,
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        time.sleep(2)
        payload = json.dumps(
            {
                "applicant_type": "natural_person",
                "applicant_name": "张三",
                "applicant_id_number": "11010519491231002X",
                "phone": "13800138000",
                "description": "某文件",
                "requested_form": "electronic",
                "delivery_method": "email",
                "email": "a@example.cn",
            }
        ).encode()

        def submit(_: int) -> tuple[int, float]:
            time.sleep(_ * 0.25)
            status, _text, seconds = Session(port).send(
                "POST",
                "/api/agencies/XS-SCJG/applications",
                payload,
                {"Content-Type": "application/json", "Authorization": f"Bearer {raw_token}"},
                timeout=120,
            )
            return status, seconds

        with concurrent.futures.ThreadPoolExecutor(max_workers=options.submissions) as pool:
            results = list(pool.map(submit, range(options.submissions)))
        _, err = importer.communicate(timeout=1800)
        took = time.monotonic() - started
        counts: dict[int, int] = {}
        for status, _ in results:
            counts[status] = counts.get(status, 0) + 1
        slowest = max(seconds for _, seconds in results)
        ok = (
            importer.returncode == 0
            and counts.get(500, 0) == 0
            and counts.get(201, 0) + counts.get(503, 0) == options.submissions
        )
        report.line(
            ok,
            f"导入 {options.rows} 行（{took:.0f} 秒，退出码 {importer.returncode}）期间 {options.submissions} 件接口提交："
            + "，".join(f"{k}×{v}" for k, v in sorted(counts.items()))
            + f"；最慢 {slowest:.1f} 秒（原为 4 件 500）",
        )
        if importer.returncode != 0:
            print(err[-2000:], file=sys.stderr)
    finally:
        try:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(server.pid, signal.SIGKILL)
    print(f"{'全部通过' if not report.failed else f'{report.failed} 项未通过'}")
    return 1 if report.failed else 0


if __name__ == "__main__":
    sys.exit(main())
