"""The probe's findings of issue 8, re-run against the production server (`gongkai serve`) on the embedded
SQLite: the 76-byte report that backtracked for a minute, the DOCX bomb, 30 wrong passwords, deleting a
user who acted, NUL bytes, and a 150,000-row register import with 40 API submissions arriving meanwhile.
Prints what each did now; exits 1 when one still fails. Loopback only, every wait bounded.

    nice .venv/bin/python benchmarks/probe_rerun.py [--rows 150000]
"""

from __future__ import annotations

import argparse
import concurrent.futures
import io
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from gongkai_server import (  # noqa: E402
    GONGKAI,
    Browser,
    run_gongkai,
    start_healthy_server,
    stop,
)


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
    parser.add_argument(
        "--spacing", type=float, default=3.0, help="秒：提交之间的间隔，使提交贯穿整个导入过程"
    )
    options = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="gongkai-probe-"))
    database = work / "gongkai.sqlite3"
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "GONGKAI_DATA_DIR": str(work),
        "GONGKAI_HTTPS": "0",
        "GONGKAI_ALLOWED_HOSTS": "127.0.0.1",
    }
    env.pop("GONGKAI_DEBUG", None)
    run_gongkai(["migrate", "--noinput", "-v", "0"], env, 900)
    run_gongkai(["demo"], env, 900)
    token = run_gongkai(["api", "token", "create", "--agency", "XS-SCJG", "--name", "探测"], env, 300)
    raw_token = token.strip().splitlines()[-1]
    started = start_healthy_server(env, work / "server.log", 300)
    if started is None:
        raise SystemExit("服务未能启动：" + (work / "server.log").read_text(errors="replace")[-2000:])
    server, port = started
    report = Report()
    try:
        staff = Browser(port)
        assert staff.log_in("supervisor").status == 302

        # 1. The 76-byte report.
        data = "2023年政府信息公开工作年度报告\n".encode() + b"1" * 28 + "件\n".encode()
        answer = staff.upload(
            "/staff/reports/upload/", {"mode": "audit"}, [("report_files", "probe.txt", data)]
        )
        ok = answer.status in (200, 400) and answer.seconds < 5
        report.line(ok, f"76 字节的报告：{answer.status}，{answer.seconds:.2f} 秒（原为一分钟）")

        # 2. The DOCX bomb.
        bomb = docx_bomb()
        answer = staff.upload(
            "/staff/reports/upload/", {"mode": "audit"}, [("report_files", "bomb.docx", bomb)]
        )
        peak = rss_mb(children(server.pid))
        refused = "压缩炸弹" in answer.text or "超过上限" in answer.text
        report.line(
            refused and answer.seconds < 5,
            f"DOCX 炸弹（{len(bomb) // 1024} KB，解压 100 MB）：{answer.status}，{answer.seconds:.2f} 秒，"
            f"拒绝={refused}；工作进程内存峰值 {peak:.0f} MB（原为 73 秒、0.9 GB）",
        )

        # 3. 30 wrong passwords, then the right one (from an address of its own: that address is locked too).
        attacker = Browser(port, source="127.0.0.66")
        statuses = [attacker.log_in("xs-head", f"wrong-{n}").status for n in range(30)]
        right = attacker.log_in("xs-head").status
        with sqlite3.connect(database) as connection:
            failures = connection.execute(
                "SELECT count(*) FROM core_auditlog WHERE action='login_failed'"
            ).fetchone()[0]
            lockouts = connection.execute(
                "SELECT count(*) FROM core_auditlog WHERE action='login_locked_out'"
            ).fetchone()[0]
        tried = statuses.count(200)
        report.line(
            tried <= 5 and right == 429 and failures >= 30,
            f"30 次错误密码：{tried} 次被核对，之后 {statuses.count(429)} 次锁定（429）；正确密码 {right}（被拒）；"
            f"审计日志 登录失败 {failures} 条、锁定 {lockouts} 条",
        )

        # 4. Deleting a user who acted.
        admin = Browser(port)
        assert admin.log_in("admin").status == 302
        with sqlite3.connect(database) as connection:
            user_id = connection.execute("SELECT id FROM auth_user WHERE username='xs-staff'").fetchone()[0]
        status = admin.get(f"/admin/auth/user/{user_id}/delete/").status
        with sqlite3.connect(database) as connection:
            still = connection.execute("SELECT count(*) FROM auth_user WHERE id=?", (user_id,)).fetchone()[0]
            acted = connection.execute(
                "SELECT count(*) FROM applications_applicationevent WHERE actor_id=?", (user_id,)
            ).fetchone()[0]
        report.line(
            status == 403 and still == 1,
            f"删除已办理过申请的用户：删除页面 {status}，用户仍在，其 {acted} 条办理记录的办理人完好",
        )

        # 5. NUL bytes.
        nul_json = json.dumps({"number": "1\u0000", "query_code": "x"}).encode()
        nul = {
            "/api/status（JSON 中的 \\u0000）": Browser(port)
            .request("POST", "/api/status", nul_json, {"Content-Type": "application/json"})
            .status,
            "/apply/X%00/": Browser(port).get("/apply/X%00/").status,
            "/staff/agencies/XS-ZRZY%00/applications/": staff.get(
                "/staff/agencies/XS-ZRZY%00/applications/"
            ).status,
            "?q=%00": staff.get("/staff/agencies/XS-ZRZY/applications/?q=%00").status,
        }
        clerk = Browser(port)
        assert clerk.log_in("nb-staff").status == 302
        csv = "受理编号,申请人类型,收到日期,申请方式,申请内容,答复日期,办理结果\nN-1,自然人,2025-03-03,网络,某\x00文件,,\n"
        nul["台账 CSV 含 NUL"] = clerk.upload(
            "/staff/agencies/NB-ZRZY/register/import/", {}, [("file", "nul.csv", csv.encode())]
        ).status
        report.line(
            all(code == 400 for code in nul.values()),
            "NUL 字节：" + "；".join(f"{k} → {v}" for k, v in nul.items()),
        )

        # 6. A long import with submissions arriving meanwhile.
        register = work / "register.csv"
        with register.open("w", encoding="utf-8") as out:
            out.write("受理编号,申请人类型,收到日期,申请方式,申请内容,答复日期,办理结果\n")
            for n in range(options.rows):
                received, replied = f"2025-{1 + n % 12:02d}-{1 + n % 28:02d}", f"2025-12-{1 + n % 28:02d}"
                out.write(f"P-{n:06d},自然人,{received},网络,某项目的批准文件,{replied},予以公开\n")
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
        payload = json.dumps(SUBMISSION).encode()
        headers = {"Content-Type": "application/json", "Authorization": f"Bearer {raw_token}"}

        def submit(index: int) -> tuple[int, float]:
            time.sleep(index * options.spacing)  # spread over the import, its write included
            answer = Browser(port).request("POST", "/api/agencies/XS-SCJG/applications", payload, headers)
            return answer.status, answer.seconds

        with concurrent.futures.ThreadPoolExecutor(max_workers=options.submissions) as pool:
            results = list(pool.map(submit, range(options.submissions)))
        _, err = importer.communicate(timeout=3000)
        took = time.monotonic() - started
        counts: dict[int, int] = {}
        for status, _ in results:
            counts[status] = counts.get(status, 0) + 1
        slowest = max(seconds for _, seconds in results)
        waited = sum(1 for _, seconds in results if seconds > 1)
        ok = importer.returncode == 0 and counts.get(500, 0) == 0
        report.line(
            ok,
            f"导入 {options.rows} 行（{took:.0f} 秒，退出码 {importer.returncode}）期间 {options.submissions} 件接口提交："
            + "，".join(f"{k}×{v}" for k, v in sorted(counts.items()))
            + f"；{waited} 件等待写锁超过 1 秒，最慢 {slowest:.1f} 秒（原为 4 件 500）",
        )
        if importer.returncode != 0:
            print(err[-2000:], file=sys.stderr)
    finally:
        stop(server)
    print("全部通过" if not report.failed else f"{report.failed} 项未通过")
    return 1 if report.failed else 0


SUBMISSION = {
    "applicant_type": "natural_person",
    "applicant_name": "张三",
    "applicant_id_number": "11010519491231002X",
    "phone": "13800138000",
    "email": "a@example.cn",
    "description": "某文件",
    "requested_form": "electronic",
    "delivery_method": "email",
}


if __name__ == "__main__":
    sys.exit(main())
