"""Sign-in throttling (docs/operations.md, "Sign-in throttling"): failures are counted per
account, per (account, address) pair and per address, in the database; one person's typos
never lock out the others behind the same address."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from litestar.testing import AsyncTestClient

from app.accounts.tables import SignInThrottle
from tests.factories import make_user
from tests.http.browser import sign_in

WRONG = "väärä-salasana"
OFFICE = "192.0.2.10"  # an office's NAT: everyone there signs in from this one address


class Behind:
    """The app as seen from a browser at `address` (the client address of each request)."""

    def __init__(self, app, address: str) -> None:
        self.app = app
        self.address = address

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "lifespan":  # the app's own start-up has run for the `app` fixture
            while (await receive())["type"] != "lifespan.shutdown":
                await send({"type": "lifespan.startup.complete"})
            await send({"type": "lifespan.shutdown.complete"})
            return
        scope["client"] = (self.address, 50000)
        await self.app(scope, receive, send)


@pytest.fixture
async def browsers(app):
    """Opens browsers behind a given address; closes them after the test."""
    opened = []

    async def open_browser(address: str = OFFICE) -> AsyncTestClient:
        network = Behind(app, address)
        browser = AsyncTestClient(app=network, base_url="http://127.0.0.1:8000")
        await browser.__aenter__()
        browser.follow_redirects = False
        browser.network = network
        opened.append(browser)
        await browser.get("/sign-in")  # the CSRF cookie: later attempts are one request each
        return browser

    yield open_browser
    for browser in opened:
        await browser.__aexit__(None, None, None)


async def end_locks() -> None:
    """As if every lock had run out (the back-off lasts 30 seconds to 15 minutes)."""
    await SignInThrottle.update(locked_until=datetime.now(UTC) - timedelta(seconds=1)).where(
        SignInThrottle.locked_until.is_not_null()
    )


async def statuses(browser, email: str, password: str, times: int) -> list[int]:
    return [(await sign_in(browser, email, password)).status_code for _ in range(times)]


async def test_one_persons_typos_do_not_lock_out_the_office(browsers):
    alice, bob = await make_user(), await make_user()
    alices, bobs = await browsers(), await browsers()

    assert await statuses(alices, alice.email, WRONG, 5) == [422] * 5
    # Alice is throttled, even with her right password...
    assert await statuses(alices, alice.email, "oikein-hyvä-salasana", 1) == [429]
    # ...but Bob, behind the same address, signs in at once.
    assert await statuses(bobs, bob.email, "oikein-hyvä-salasana", 1) == [303]
    assert (await bobs.get("/")).status_code == 200

    # Once the lock has run out, Alice's right password works and clears her failures.
    await end_locks()
    assert await statuses(alices, alice.email, "oikein-hyvä-salasana", 1) == [303]
    await alices.post("/sign-out", headers={"x-csrftoken": alices.cookies.get("kokeilu_csrf")})
    assert await statuses(alices, alice.email, WRONG, 4) == [422] * 4  # counted from zero again
    assert await statuses(alices, alice.email, "oikein-hyvä-salasana", 1) == [303]


async def test_an_account_is_limited_across_many_addresses(browsers):
    alice = await make_user()
    attacker = await browsers("198.51.100.1")
    alices = await browsers("203.0.113.50")
    results = []
    for number in range(10):  # ten guesses, each from another address
        attacker.network.address = f"198.51.100.{number + 1}"
        results += await statuses(attacker, alice.email, WRONG, 1)
    assert results == [422] * 10
    # The account is now throttled wherever the next attempt comes from, right password or not.
    assert await statuses(alices, alice.email, "oikein-hyvä-salasana", 1) == [429]
    await end_locks()
    assert await statuses(alices, alice.email, "oikein-hyvä-salasana", 1) == [303]


async def test_guessing_across_many_accounts_hits_the_address_ceiling(browsers):
    bob = await make_user()
    attacker, bobs = await browsers(OFFICE), await browsers(OFFICE)
    elsewhere = await browsers("203.0.113.7")
    results = []
    for number in range(50):  # one guess for each of fifty accounts
        results += await statuses(attacker, f"guess{number}@example.fi", WRONG, 1)
    assert results == [422] * 50
    # The address is throttled now, for every account behind it...
    assert await statuses(bobs, bob.email, "oikein-hyvä-salasana", 1) == [429]
    # ...but not elsewhere.
    assert await statuses(elsewhere, bob.email, "oikein-hyvä-salasana", 1) == [303]

    # The ceiling decays: one failure is forgotten every 30 seconds. Five minutes later
    # (ten failures forgotten) nine more guesses are let through, and the tenth locks again.
    await end_locks()
    for row in await SignInThrottle.select().where(SignInThrottle.failures >= 50):
        await SignInThrottle.update(updated_at=row["updated_at"] - timedelta(minutes=5)).where(
            SignInThrottle.id == row["id"]
        )
    results = []
    for number in range(10):
        results += await statuses(attacker, f"later{number}@example.fi", WRONG, 1)
    assert results == [422] * 10
    assert await statuses(bobs, bob.email, "oikein-hyvä-salasana", 1) == [429]


async def test_no_address_is_stored(browsers):
    alice = await make_user()
    await statuses(await browsers(OFFICE), alice.email, WRONG, 1)
    keys = [row["key"] for row in await SignInThrottle.select(SignInThrottle.key)]
    assert len(keys) == 3  # the account, the pair and the address
    assert not any(OFFICE in key or alice.email in key for key in keys)


def test_the_lock_doubles_from_30_seconds_to_at_most_15_minutes():
    from app.accounts.throttle import ADDRESS, PAIR, lock_seconds

    assert [lock_seconds(failures, PAIR) for failures in range(4, 12)] == [
        0,
        30,
        60,
        120,
        240,
        480,
        900,
        900,
    ]
    assert lock_seconds(49, ADDRESS) == 0 and lock_seconds(50, ADDRESS) == 30
