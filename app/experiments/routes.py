"""Experiment pages: my experiments, new, the experiment page with its sections, browse."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from litestar import Controller, Request, get, post
from litestar.exceptions import NotFoundException
from litestar.response import Redirect, Template

from app.accounts import service as accounts
from app.cohorts import picker as cohort_picker
from app.conversation.service import for_experiment as conversation_for
from app.experiments import drafts, listing, service
from app.experiments.filter_choices import basic_choices, browse_filter_choices
from app.experiments.schemas import (
    BasicsForm,
    CycleForm,
    DescriptionForm,
    MeasureForm,
    NewExperimentForm,
    PeopleForm,
    ResultForm,
    StatusForm,
)
from app.experiments.vocabulary import TRANSITIONS
from app.i18n import N_
from app.web.form_flow import submit_form
from app.web.forms import form_to_dict, nul_errors
from app.web.guards import signed_in
from app.web.middleware import notifications_read
from app.web.rendering import redirect_with_message, render

SECTIONS: dict[str, type] = {
    "basics": BasicsForm,
    "description": DescriptionForm,
    "people": PeopleForm,
    "result": ResultForm,
}
NEW_DRAFT_KEY = "new-experiment"
CANCEL_PREFIX = "none-"
# Sections with long texts: what is typed there is autosaved until it is saved for real.
AUTOSAVED_SECTIONS = {"description": DescriptionForm, "result": ResultForm}


def _draft_key(experiment_id: int, section: str) -> str:
    return f"experiment-{experiment_id}-{section}"


def _is_htmx(request: Request) -> bool:
    return bool(request.headers.get("hx-request"))


def _url(experiment_id: int, anchor: str = "") -> str:
    return f"/experiments/{experiment_id}" + (f"#{anchor}" if anchor else "")


def _section_form(view: service.ExperimentView, section: str) -> dict[str, Any]:
    row = view.row
    return {
        "basics": lambda: {
            "title": row["title"],
            "themes": view.ids("themes"),
            "departments": view.ids("departments"),
            "customer_groups": view.ids("customer_groups"),
            "channels": view.ids("channels"),
            "cohort": row["cohort"],
        },
        "description": lambda: {key: row[key] for key in ("problem", "hypothesis", "plan")},
        "people": lambda: {"co_owners": view.ids("co_owners")},
        "result": lambda: (
            {key: row[key] for key in ("result", "outcome", "learning")}
            | {"decision": row["decision"] or last_cycle_decision(view)}
        ),
    }[section]() | {"version": row["version"]}


def last_cycle_decision(view: service.ExperimentView) -> str | None:
    """What the last PDCA cycle decided: the experiment's own decision ("What happens next?")
    starts from it, so it need not be chosen twice. Both use the same words (DECISIONS)."""
    return view.cycles[-1]["decision"] if view.cycles else None


class ExperimentController(Controller):
    path = "/experiments"
    guards = [signed_in]

    # --- lists --------------------------------------------------------------------------

    @get("/mine", name="my_experiments")
    async def mine(self, request: Request) -> Template:
        return render(
            request,
            "experiments/mine.html",
            {
                "mine": await listing.mine(request.user),
                "my_cohorts": await cohort_picker.cohort_choices_for(request.user),
            },
        )

    @get("/", name="browse_experiments")
    async def browse(self, request: Request) -> Template:
        dropped: dict[str, listing.DroppedFilter] = {}
        filters = listing.browse_filters_from_query(request.query_params, dropped)
        result = await listing.browse(request.user, filters)
        context: dict[str, Any] = {
            "result": result,
            "filters": filters,
            "dropped_filters": dropped,
            "filter_errors": nul_errors(request.query_params, listing.BrowseFilters),
        }
        if not _is_htmx(request):  # htmx gets only the results; the filter form stays as it is
            context.update(await browse_filter_choices())
        return render(request, "experiments/browse.html", context, block="results")

    # --- new ----------------------------------------------------------------------------

    @get("/new", name="experiment_new")
    async def new(self, request: Request) -> Template:
        saved = await drafts.load(request.user.id, NEW_DRAFT_KEY)
        form, saved_at = saved if saved else ({}, None)
        cohort_choices = await cohort_picker.cohort_choices_for(request.user)
        if "cohort" not in form and cohort_choices:
            form = {**form, "cohort": cohort_choices[0]["id"]}  # the newest cohort they are in
        return render(
            request,
            "experiments/new.html",
            {
                "form": form,
                "errors": {},
                "draft_saved_at": saved_at,
                "theme_choices": await service.current_themes(),
                "cohort_choices": cohort_choices,
            },
        )

    @post("/new/autosave", name="experiment_new_autosave", status_code=200)
    async def autosave_new(self, request: Request) -> Template:
        data = form_to_dict(await request.form(), NewExperimentForm)
        data.pop("_csrf_token", None)
        saved_at = await drafts.save(request.user.id, NEW_DRAFT_KEY, data)
        return Template(
            template_name="experiments/_autosave_status.html", context={"saved_at": saved_at}
        )

    @post("/new", name="experiment_create", status_code=303)
    async def create(self, request: Request) -> Template | Redirect:
        user = request.user
        outcome = await submit_form(
            request,
            NewExperimentForm,
            lambda value: service.create(user, value.model_dump(), user.department),
        )
        if outcome.validate_only:
            return outcome.inline_error()
        if outcome.saved:
            await drafts.clear(user.id, NEW_DRAFT_KEY)
            return redirect_with_message(
                request,
                _url(outcome.result),
                N_(
                    "Draft saved. Only you can see it until you mark it planned. Add the hypothesis, plan and measures below."
                ),
            )
        return render(
            request,
            "experiments/new.html",
            {
                **outcome.context(),
                "draft_saved_at": None,
                "theme_choices": await service.current_themes(),
                "cohort_choices": await cohort_picker.cohort_choices_for(user),
            },
            status_code=outcome.status_code,
        )

    # --- the experiment page ------------------------------------------------------------

    async def _page(
        self,
        request: Request,
        experiment_id: int,
        *,
        editing: str | None = None,
        form: dict[str, Any] | None = None,
        errors: dict[str, str] | None = None,
        conflict: dict[str, Any] | None = None,
        status_code: int = 200,
        block: str | None = None,
    ) -> Template:
        view = await service.get_for(request.user, experiment_id)
        if editing and not view.can_edit:
            editing = None
        restored_at = None
        if editing in SECTIONS and form is None:
            form = _section_form(view, editing)
            if editing in AUTOSAVED_SECTIONS:
                saved = await drafts.load(request.user.id, _draft_key(experiment_id, editing))
                # Unsaved text newer than the experiment itself comes back into the form.
                if saved and saved[1] > view.row["updated_at"]:
                    form = {**form, **saved[0], "version": view.row["version"]}
                    restored_at = saved[1]
        # Opening the page reads the experiment's notifications (the htmx parts do not).
        conversation = None if block else await conversation_for(request.user, view, opened=True)
        if conversation is not None:
            notifications_read(request.scope, conversation.unread)
        context = {
            "restored_at": restored_at,
            "view": view,
            "row": view.row,
            "editing": editing,
            "form": form or {},
            "errors": errors or {},
            "conflict": conflict,
            "transitions": TRANSITIONS[view.row["status"]],
            "missing_for_completion": service.missing_for_completion(view.row),
            "history": await service.history(experiment_id) if not block else [],
            "conversation": conversation,
            "people_choices": await accounts.active_people() if editing == "people" else [],
            # The lists to choose from are needed only by the basics form.
            **(await basic_choices() if editing == "basics" else {}),
            "cohort_choices": (
                await cohort_picker.cohort_choices_for(request.user, view.row["cohort"])
                if editing == "basics"
                else []
            ),
        }
        return render(
            request, "experiments/detail.html", context, block=block, status_code=status_code
        )

    @get("/{experiment_id:int}", name="experiment_detail")
    async def detail(
        self, request: Request, experiment_id: int, edit: str | None = None
    ) -> Template:
        block = None
        if _is_htmx(request) and edit is not None:
            block = f"section_{_section_of(edit.removeprefix(CANCEL_PREFIX))}"
        if edit and edit.startswith(CANCEL_PREFIX):
            edit = None  # "Cancel" with htmx: the section again, not in edit mode
        return await self._page(request, experiment_id, editing=edit, block=block)

    @post("/{experiment_id:int}/sections/{section:str}", name="experiment_section", status_code=303)
    async def save_section(
        self, request: Request, experiment_id: int, section: str
    ) -> Template | Redirect:
        model = SECTIONS.get(section)
        if model is None:
            return Redirect(path=_url(experiment_id), status_code=303)

        async def save(value: Any) -> None:
            await service.update_section(
                request.user, experiment_id, value.version, value.model_dump(exclude={"version"})
            )
            await drafts.clear(request.user.id, _draft_key(experiment_id, section))

        return await self._write(request, experiment_id, section, section, model, save)

    @post(
        "/{experiment_id:int}/sections/{section:str}/autosave",
        name="experiment_section_autosave",
        status_code=200,
    )
    async def autosave_section(
        self, request: Request, experiment_id: int, section: str
    ) -> Template:
        model = AUTOSAVED_SECTIONS.get(section)
        if model is None:
            raise NotFoundException()
        await service.check_editable(request.user, experiment_id)
        data = form_to_dict(await request.form(), model)
        kept = {
            name: data[name] for name in model.model_fields if name in data and name != "version"
        }
        saved_at = await drafts.save(request.user.id, _draft_key(experiment_id, section), kept)
        return Template(
            template_name="experiments/_autosave_status.html", context={"saved_at": saved_at}
        )

    @post("/{experiment_id:int}/status", name="experiment_status", status_code=303)
    async def status(self, request: Request, experiment_id: int) -> Template | Redirect:
        outcome = await submit_form(
            request,
            StatusForm,
            lambda value: service.change_status(
                request.user, experiment_id, value.version, value.status, value.abandon_reason
            ),
        )
        if outcome.saved:
            status = outcome.form.value.status
            message = (
                N_(
                    "Completed! Thank you for sharing what you learned. A failed experiment with a good learning is a success too."
                )
                if status == "completed"
                else N_("Status changed.")
            )
            return redirect_with_message(request, _url(experiment_id), message)
        return await self._page(
            request,
            experiment_id,
            editing="status",
            form=outcome.form.data,
            errors=outcome.form.errors,
            conflict=outcome.conflict,
            status_code=outcome.status_code,
        )

    # --- measures and cycles --------------------------------------------------------------

    async def _write(
        self,
        request: Request,
        experiment_id: int,
        editing: str,
        section: str,
        model: type,
        save,
        edit_next: Callable[[Any], str | None] | None = None,
    ) -> Template | Redirect:
        """Save one part of the experiment page; htmx gets the section back, others a redirect,
        and on errors the section is shown in edit mode with the input kept. `edit_next` turns
        what `save` returned into the edit mode to show next (its element id too), if any."""
        outcome = await submit_form(request, model, save)
        if outcome.validate_only:
            return outcome.inline_error()
        block = f"section_{section}" if _is_htmx(request) else None
        if outcome.saved:
            then = edit_next(outcome.result) if edit_next else None
            if block:
                return await self._page(request, experiment_id, editing=then, block=block)
            path = f"/experiments/{experiment_id}?edit={then}#{then}" if then else None
            return redirect_with_message(
                request, path or _url(experiment_id, f"section-{section}"), N_("Changes saved.")
            )
        return await self._page(
            request,
            experiment_id,
            editing=editing,
            form=outcome.form.data,
            errors=outcome.form.errors,
            conflict=outcome.conflict,
            status_code=outcome.status_code,
            block=block,
        )

    @post("/{experiment_id:int}/measures", name="measure_add", status_code=303)
    async def add_measure(self, request: Request, experiment_id: int) -> Template | Redirect:
        return await self._write(
            request,
            experiment_id,
            "measure-new",
            "measures",
            MeasureForm,
            lambda value: service.save_measure(
                request.user, experiment_id, value.model_dump(exclude={"version"})
            ),
        )

    @post("/{experiment_id:int}/measures/{measure_id:int}", name="measure_update", status_code=303)
    async def update_measure(
        self, request: Request, experiment_id: int, measure_id: int
    ) -> Template | Redirect:
        return await self._write(
            request,
            experiment_id,
            f"measure-{measure_id}",
            "measures",
            MeasureForm,
            lambda value: service.save_measure(
                request.user,
                experiment_id,
                value.model_dump(exclude={"version"}),
                measure_id,
                value.version,
            ),
        )

    @post(
        "/{experiment_id:int}/measures/{measure_id:int}/delete",
        name="measure_delete",
        status_code=303,
    )
    async def delete_measure(
        self, request: Request, experiment_id: int, measure_id: int
    ) -> Redirect:
        await service.delete_measure(request.user, experiment_id, measure_id)
        return redirect_with_message(
            request, _url(experiment_id, "section-measures"), N_("Measure removed.")
        )

    @post("/{experiment_id:int}/cycles", name="cycle_start", status_code=303)
    async def start_cycle(self, request: Request, experiment_id: int) -> Redirect:
        cycle_id = await service.start_cycle(request.user, experiment_id)
        return Redirect(
            path=f"/experiments/{experiment_id}?edit=cycle-{cycle_id}#cycle-{cycle_id}",
            status_code=303,
        )

    @post("/{experiment_id:int}/cycles/{cycle_id:int}", name="cycle_update", status_code=303)
    async def update_cycle(
        self, request: Request, experiment_id: int, cycle_id: int
    ) -> Template | Redirect:
        return await self._write(
            request,
            experiment_id,
            f"cycle-{cycle_id}",
            "cycles",
            CycleForm,
            lambda value: service.update_cycle(
                request.user,
                experiment_id,
                cycle_id,
                value.version,
                value.model_dump(exclude={"version"}),
            ),
            # Deciding "adapt" opened the next cycle: its form comes next.
            edit_next=lambda opened: f"cycle-{opened}" if opened else None,
        )

    # --- delete and restore ---------------------------------------------------------------

    @post("/{experiment_id:int}/delete", name="experiment_delete", status_code=303)
    async def delete(self, request: Request, experiment_id: int) -> Redirect:
        await service.set_deleted(request.user, experiment_id, True)
        return redirect_with_message(
            request,
            "/experiments/mine",
            N_("Experiment deleted. You can restore it from the bottom of this page."),
        )

    @post("/{experiment_id:int}/restore", name="experiment_restore", status_code=303)
    async def restore(self, request: Request, experiment_id: int) -> Redirect:
        await service.set_deleted(request.user, experiment_id, False)
        return redirect_with_message(request, _url(experiment_id), N_("Experiment restored."))


def _section_of(edit: str) -> str:
    if edit.startswith("measure"):
        return "measures"
    if edit.startswith("cycle"):
        return "cycles"
    return edit if edit in SECTIONS or edit == "status" else "basics"
