"""What users write is shown escaped or sanitised; admin lists also keep a fixed query count."""

from __future__ import annotations

from tests.factories import make_department, make_experiment, make_user
from tests.http.browser import page
from tests.http.query_counter import count_queries

NASTY = '<script>alert("x")</script><img src=x onerror=alert(1)>'


async def test_titles_are_escaped_and_markdown_is_sanitised(client, employee):
    experiment = await make_experiment(
        employee,
        title=f"Otsikko {NASTY}",
        problem=f"**Tärkeä** {NASTY} [linkki](javascript:alert(1))",
        status="running",
    )
    for url in [f"/experiments/{experiment.id}", "/experiments", "/experiments/mine"]:
        response = await client.get(url)
        soup = page(response)
        assert not soup.select("main script"), url
        assert not [tag for tag in soup.find_all(True) if "onerror" in tag.attrs], url
        assert "Otsikko <script>" in soup.get_text(), url  # shown as text
    detail = page(await client.get(f"/experiments/{experiment.id}"))
    problem = detail.select_one("#section-description .prose")
    assert problem.find("strong").get_text() == "Tärkeä"
    assert all(not (a.get("href") or "").startswith("javascript") for a in problem.find_all("a"))


async def _users_and_departments(count: int) -> None:
    for _ in range(count):
        department = await make_department()
        await make_user(department=department.id)


async def test_admin_lists_use_a_fixed_number_of_queries(client, admin):
    pages = ["/admin/users", "/admin/departments", "/admin/strategies", "/admin/customer-groups"]
    await _users_and_departments(5)
    with_few = {}
    for url in pages:
        with count_queries() as counter:
            assert (await client.get(url)).status_code == 200
        with_few[url] = counter["queries"]
    await _users_and_departments(40)
    for url in pages:
        with count_queries() as counter:
            assert (await client.get(url)).status_code == 200
        assert counter["queries"] == with_few[url], url


async def test_department_page_uses_a_fixed_number_of_queries(client, employee):
    department = await make_department()
    await make_experiment(employee, departments=[department], status="running")
    with count_queries() as few:
        await client.get(f"/departments/{department.id}")
    for _ in range(30):
        person = await make_user(department=department.id)
        await make_experiment(person, departments=[department], status="running")
    with count_queries() as many:
        await client.get(f"/departments/{department.id}")
    assert few["queries"] == many["queries"]
