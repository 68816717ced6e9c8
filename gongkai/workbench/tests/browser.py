"""What the browser tests share: Debian's Chromium driven by Playwright, one person per browser context,
and screenshots of the main pages when GONGKAI_BROWSER_SHOTS names a folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import sync_playwright

# Playwright's sync API runs an event loop in this thread; the test's own database calls are safe.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SHOTS = os.environ.get("GONGKAI_BROWSER_SHOTS")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.fail("缺少 /usr/bin/chromium：请运行 scripts/system-packages.sh 安装 Chromium。")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


def shot(page: Any, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=True)


class Person:
    """One person in their own browser context (their own cookies)."""

    def __init__(self, browser: Any, base: str) -> None:
        self.context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
        self.page = self.context.new_page()
        self.base = base
        # What the page broke of the Content-Security-Policy (Chromium reports each on the console).
        self.violations: list[str] = []
        self.page.on("console", self._console)

    def _console(self, message: Any) -> None:
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            self.violations.append(f"{self.page.url}: {message.text}")

    def go(self, path: str) -> Any:
        self.page.goto(self.base + path)
        return self.page

    def log_in(self, username: str) -> None:
        page = self.go("/staff/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", "x")
        page.click("button[type=submit]")
        page.wait_for_url(self.base + "/staff/")

    def act(self, action: str, fields: dict[str, str]) -> Any:
        """Open the action's panel on the application page, fill it and submit it."""
        page = self.page
        page.click(f"#action-{action} summary")
        for name, value in fields.items():
            selector = f"#id_{action}-{name}"
            if page.locator(selector).evaluate("el => el.tagName") == "SELECT":
                page.select_option(selector, value)
            else:
                page.fill(selector, value)
        # Wait for the next page: reading the old one is a race under load.
        with page.expect_navigation():
            page.click(f"#action-{action} button[type=submit]")
        return page
