"""Shared browser-test fixtures: a live server in a thread and headless Chromium (Playwright).

Import the fixtures you need in a browser test module::

    from browser_support import browser, live_server, page, sign_in  # noqa: F401

``live_server`` serves the ``app`` fixture of conftest.py (temporary instance, test conference,
one user per role) with werkzeug on 127.0.0.1 and a free port, CSRF switched ON as in
production. ``browser`` is one Chromium per test session; ``page`` a fresh context per test.
"""
from __future__ import annotations

import socket
import threading
from dataclasses import dataclass

import pytest
from werkzeug.serving import make_server

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
PASSWORD = "correct-horse-battery"


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class LiveServer:
    """A running server: its base URL and the app it serves."""

    url: str
    app: object

    def __call__(self, path: str = "/") -> str:
        """The absolute URL of path."""
        return self.url + path


@pytest.fixture
def live_server(app):
    """Serve the test app on 127.0.0.1:<free port> in a thread (CSRF on) until the test ends."""
    app.config["WTF_CSRF_ENABLED"] = True
    port = free_port()
    server = make_server("127.0.0.1", port, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="live-server", daemon=True)
    thread.start()
    try:
        yield LiveServer(f"http://127.0.0.1:{port}", app)
    finally:
        server.shutdown()
        thread.join(timeout=5)
        server.server_close()


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole test session."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser):
    """A fresh browser context and page (no cookies shared between tests)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.js_errors = errors  # tests may assert the page ran without script errors
    try:
        yield page
    finally:
        context.close()


def sign_in(page, server: LiveServer, username: str, password: str = PASSWORD) -> None:
    """Sign in through the real login form and wait for the landing page."""
    page.goto(server("/auth/login"))
    page.fill("#username", username)
    page.fill("#password", password)
    with page.expect_navigation():
        page.click("button[type=submit]")
