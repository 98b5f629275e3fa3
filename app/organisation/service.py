"""Departments: the tree, and creating, renaming, moving, archiving and deleting them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from piccolo.query.functions.aggregate import Count

from app import db
from app.accounts.tables import User
from app.audit import service as audit
from app.i18n import N_
from app.organisation.tables import Department
from app.service_errors import ConflictError, FieldErrors, NotFound

EDITABLE_FIELDS = ("name_fi", "name_sv", "name_en", "parent")


@dataclass
class DepartmentNode:
    row: dict[str, Any]
    people: int = 0
    children: list[DepartmentNode] = field(default_factory=list)

    @property
    def id(self) -> int:
        return self.row["id"]


async def all_departments() -> list[dict[str, Any]]:
    return await Department.select().order_by(Department.name_fi)


async def tree(include_archived: bool = True) -> list[DepartmentNode]:
    """The whole tree in two queries (departments, and people per department)."""
    rows = await all_departments()
    counts = (
        await User.select(User.department, Count(alias="people"))
        .where(User.department.is_not_null())
        .group_by(User.department)
    )
    people = {row["department"]: row["people"] for row in counts}
    nodes = {
        row["id"]: DepartmentNode(row=row, people=people.get(row["id"], 0))
        for row in rows
        if include_archived or not row["archived"]
    }
    roots: list[DepartmentNode] = []
    for node in nodes.values():
        parent = nodes.get(node.row["parent"])
        (parent.children if parent else roots).append(node)
    return roots


def flatten(nodes: list[DepartmentNode], depth: int = 0) -> list[tuple[int, DepartmentNode]]:
    """Depth-first (depth, node) pairs, for indented select options."""
    flat: list[tuple[int, DepartmentNode]] = []
    for node in nodes:
        flat.append((depth, node))
        flat.extend(flatten(node.children, depth + 1))
    return flat


async def active_choices() -> list[tuple[int, DepartmentNode]]:
    return flatten(await tree(include_archived=False))


async def get(department_id: int) -> dict[str, Any]:
    row = await Department.select().where(Department.id == department_id).first()
    if row is None:
        raise NotFound
    return row


async def descendant_ids(department_id: int) -> set[int]:
    rows = await Department.select(Department.id, Department.parent)
    children: dict[int | None, list[int]] = {}
    for row in rows:
        children.setdefault(row["parent"], []).append(row["id"])
    found: set[int] = set()
    stack = [department_id]
    while stack:
        for child in children.get(stack.pop(), []):
            if child not in found:
                found.add(child)
                stack.append(child)
    return found


async def _check_parent(parent_id: int | None, moving_id: int | None = None) -> None:
    if parent_id is None:
        return
    parent = await Department.select(Department.archived).where(Department.id == parent_id).first()
    if parent is None or parent["archived"]:
        raise FieldErrors({"parent": N_("Choose one of the options.")})
    if moving_id is not None and (
        parent_id == moving_id or parent_id in await descendant_ids(moving_id)
    ):
        raise FieldErrors(
            {"parent": N_("A department cannot be moved under itself or its own sub-department.")}
        )


async def _check_unique_name(name_fi: str, parent_id: int | None, except_id: int | None) -> None:
    siblings = Department.parent.is_null() if parent_id is None else Department.parent == parent_id
    if await db.name_taken(Department, Department.name_fi, name_fi, siblings, except_id):
        raise FieldErrors({"name_fi": N_("There is already a department with this name here.")})


async def create(values: dict[str, Any], actor_id: int) -> int:
    async with db.write_transaction():
        await _check_parent(values.get("parent"))
        await _check_unique_name(values["name_fi"], values.get("parent"), None)
        return await audit.audited_insert(
            Department(**values), object_type="department", actor_id=actor_id, after=values
        )


async def update(department_id: int, version: int, values: dict[str, Any], actor_id: int) -> None:
    async with db.write_transaction():
        current = await get(department_id)
        await _check_parent(values.get("parent"), moving_id=department_id)
        await _check_unique_name(values["name_fi"], values.get("parent"), department_id)
        await audit.audited_update(
            Department, current, version, values, object_type="department", actor_id=actor_id
        )


async def set_archived(department_id: int, version: int, archived: bool, actor_id: int) -> None:
    async with db.write_transaction():
        current = await get(department_id)
        if archived and await Department.exists().where(
            (Department.parent == department_id) & (Department.archived.eq(False))
        ):
            raise FieldErrors({"__all__": N_("Archive its sub-departments first.")})
        if not archived and current["parent"]:
            parent = await get(current["parent"])
            if parent["archived"]:
                raise FieldErrors({"__all__": N_("Restore the parent department first.")})
        await audit.audited_update(
            Department,
            current,
            version,
            {"archived": archived},
            object_type="department",
            actor_id=actor_id,
            action="archive" if archived else "restore",
        )


async def delete(department_id: int, version: int, actor_id: int) -> None:
    """Only an empty department (no people, no sub-departments) may be deleted for good."""
    async with db.write_transaction():
        current = await get(department_id)
        if await User.exists().where(User.department == department_id):
            raise FieldErrors(
                {"__all__": N_("This department has people, so it can only be archived.")}
            )
        if await Department.exists().where(Department.parent == department_id):
            raise FieldErrors(
                {"__all__": N_("This department has sub-departments, so it cannot be deleted.")}
            )
        if current["version"] != version:
            raise ConflictError(current)
        await Department.delete().where(Department.id == department_id)
        await audit.record(
            actor_id=actor_id,
            action="delete",
            object_type="department",
            object_id=department_id,
            before={key: current[key] for key in EDITABLE_FIELDS},
        )


async def ancestors(department_id: int) -> list[dict[str, Any]]:
    """Parents from the top down (the tree is small: one query, walked in Python)."""
    rows = {row["id"]: row for row in await all_departments()}
    chain: list[dict[str, Any]] = []
    current = rows.get(department_id)
    while current and current["parent"] and len(chain) < len(rows):
        current = rows.get(current["parent"])
        if current:
            chain.insert(0, current)
    return chain


async def children(department_id: int) -> list[dict[str, Any]]:
    return (
        await Department.select()
        .where((Department.parent == department_id) & Department.archived.eq(False))
        .order_by(Department.name_fi)
    )


async def people(department_id: int) -> list[dict[str, Any]]:
    return (
        await User.select(User.id, User.name)
        .where((User.department == department_id) & User.active.eq(True))
        .order_by(User.name)
    )
