"""Drive the app like a browser over HTTP: fetch a page, post its forms with the CSRF token."""

from __future__ import annotations

from typing import Any

from bs4 import BeautifulSoup
from httpx import Response
from litestar.testing import AsyncTestClient

from tests.factories import PASSWORD


def page(response: Response) -> BeautifulSoup:
    return BeautifulSoup(response.text, "html.parser")


def csrf_token(client: AsyncTestClient) -> str:
    return client.cookies.get("kokeilu_csrf") or ""


async def ensure_csrf_cookie(client: AsyncTestClient) -> None:
    if not csrf_token(client):
        await client.get("/sign-in")


async def post_form(
    client: AsyncTestClient, url: str, data: dict[str, Any] | None = None, **kwargs: Any
) -> Response:
    await ensure_csrf_cookie(client)
    form = {"_csrf_token": csrf_token(client), **(data or {})}
    return await client.post(url, data=form, **kwargs)


async def sign_in(client: AsyncTestClient, email: str, password: str = PASSWORD) -> Response:
    return await post_form(client, "/sign-in", {"email": email, "password": password, "next": "/"})


def field_error(soup: BeautifulSoup, name: str, prefix: str = "f") -> str:
    element = soup.find(id=f"{prefix}-{name}-error")
    return element.get_text(strip=True) if element else ""


def field_value(soup: BeautifulSoup, name: str) -> str | None:
    element = soup.find(attrs={"name": name})
    if element is None:
        return None
    if element.name == "textarea":
        return element.get_text()
    return element.get("value")


async def client_signed_in_as(app, user) -> AsyncTestClient:
    """A second browser on the same app, signed in as `user` (closed with the test run)."""
    other = AsyncTestClient(app=app, base_url="http://127.0.0.1:8000")
    await other.__aenter__()
    other.follow_redirects = False
    await sign_in(other, user.email)
    return other
