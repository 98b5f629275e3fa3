"""Customer groups are an admin-managed list; co-owners bring their departments along."""

from __future__ import annotations

from app.experiments.tables import CustomerGroup, ExperimentCoOwner, ExperimentDepartment
from tests.factories import make_department, make_experiment, make_user
from tests.http.browser import field_error, page, post_form, sign_in


async def test_admin_adds_renames_and_archives_a_customer_group(client, admin):
    assert (
        await post_form(
            client, "/admin/customer-groups", {"name_fi": "Ikäihmiset", "name_sv": "Äldre"}
        )
    ).status_code == 303
    group = await CustomerGroup.objects().first()
    duplicate = await post_form(client, "/admin/customer-groups", {"name_fi": "IKÄIHMISET"})
    assert duplicate.status_code == 422 and field_error(page(duplicate), "name_fi")
    empty = await post_form(client, "/admin/customer-groups", {"name_fi": ""})
    assert empty.status_code == 422
    renamed = await post_form(
        client, f"/admin/customer-groups/{group.id}", {"name_fi": "Seniorit", "version": "1"}
    )
    assert renamed.status_code == 303
    stale = await post_form(
        client, f"/admin/customer-groups/{group.id}", {"name_fi": "Vanhat", "version": "1"}
    )
    assert stale.status_code == 409
    assert (
        await post_form(client, f"/admin/customer-groups/{group.id}/archive", {"version": "2"})
    ).status_code == 303
    row = await CustomerGroup.select().where(CustomerGroup.id == group.id).first()
    assert (row["name_fi"], row["archived"]) == ("Seniorit", True)


async def test_employees_cannot_manage_customer_groups(client, employee):
    assert (await client.get("/admin/customer-groups")).status_code == 403
    assert (await post_form(client, "/admin/customer-groups", {"name_fi": "X"})).status_code == 403


async def test_archived_customer_group_cannot_be_chosen(client, employee):
    group = CustomerGroup(name_fi="Vanha ryhmä", archived=True)
    await group.save()
    experiment = await make_experiment(employee)
    from tests.factories import make_strategy, make_theme

    theme = await make_theme(await make_strategy())
    response = await post_form(
        client,
        f"/experiments/{experiment.id}/sections/basics",
        {
            "version": "1",
            "title": "X",
            "themes": [str(theme.id)],
            "customer_groups": [str(group.id)],
        },
    )
    assert response.status_code == 422 and field_error(page(response), "customer_groups")


async def test_co_owners_join_with_their_departments(client, app):
    home = await make_department(name_fi="Kotihoito")
    other = await make_department(name_fi="Kirjasto")
    owner = await make_user(department=home.id)
    teammate = await make_user(department=other.id)
    experiment = await make_experiment(owner, departments=[home], status="running")
    await sign_in(client, owner.email)
    response = await post_form(
        client,
        f"/experiments/{experiment.id}/sections/people",
        {"version": "1", "co_owners": [str(teammate.id), str(owner.id)]},
    )
    assert response.status_code == 303
    assert [row["user"] for row in await ExperimentCoOwner.select(ExperimentCoOwner.user)] == [
        teammate.id
    ]
    departments = {
        row["department"]
        for row in await ExperimentDepartment.select(ExperimentDepartment.department)
    }
    assert departments == {home.id, other.id}
    unknown = await post_form(
        client,
        f"/experiments/{experiment.id}/sections/people",
        {"version": "2", "co_owners": ["98765"]},
    )
    assert unknown.status_code == 422
