"""Comments and kudos on the experiment page, the notifications page and people's profiles.
htmx gets the changed part of the page back; without JavaScript every form posts normally and
a problem shows the form on a page of its own, with the input kept."""

from __future__ import annotations

from typing import Any

from litestar import Controller, Request, get, post
from litestar.response import Redirect, Template

from app.conversation import comments, kudos, notifications, profiles, service
from app.conversation.schemas import CommentForm, KudosForm, MarkReadForm
from app.experiments import service as experiments
from app.i18n import N_
from app.web.form_flow import FormOutcome, submit_form
from app.web.forms import read_form
from app.web.guards import signed_in
from app.web.pages import safe_next
from app.web.rendering import redirect_with_message, render


def _is_htmx(request: Request) -> bool:
    return bool(request.headers.get("hx-request"))


def _url(experiment_id: int, anchor: str = "") -> str:
    return f"/experiments/{experiment_id}" + (f"#{anchor}" if anchor else "")


class ConversationController(Controller):
    """Comments and kudos: /experiments/{id}/comments/... and /experiments/{id}/kudos."""

    path = "/experiments/{experiment_id:int}"
    guards = [signed_in]

    async def _conversation(
        self, request: Request, experiment_id: int, **changes: Any
    ) -> service.ExperimentConversation:
        view = await experiments.get_for(request.user, experiment_id)
        conversation = await service.for_experiment(request.user, view)
        for name, value in changes.items():
            setattr(conversation, name, value)
        return conversation

    async def _part(
        self,
        request: Request,
        experiment_id: int,
        part: str,
        *,
        message: str | None = None,
        status_code: int = 200,
        **changes: Any,
    ) -> Template:
        """The comments or kudos part of the experiment page, for htmx to swap in."""
        conversation = await self._conversation(request, experiment_id, **changes)
        return Template(
            template_name=f"conversation/_{part}.html",
            context={"conversation": conversation, "message": message},
            status_code=status_code,
        )

    async def _form_page(
        self, request: Request, experiment_id: int, mode: str, outcome: FormOutcome, **extra: Any
    ) -> Template:
        """A form with a problem, on a page of its own (no JavaScript)."""
        view = await experiments.get_for(request.user, experiment_id)
        return render(
            request,
            "conversation/form_page.html",
            {"experiment": view.row, **outcome.context(), **extra, "mode": mode},
            status_code=outcome.status_code,
        )

    async def _after_submit(
        self,
        request: Request,
        experiment_id: int,
        outcome: FormOutcome,
        *,
        part: str,
        mode: str,
        anchor: str,
        message: str,
    ) -> Template | Redirect:
        """A new comment or thank-you was sent. With htmx: its part of the page again, with the
        message or with the form's errors (`<mode>_form`, `<mode>_errors`). Without: the page
        at `anchor`, or the form with its problem on a page of its own."""
        if outcome.saved:
            if _is_htmx(request):
                return await self._part(request, experiment_id, part, message=message)
            return redirect_with_message(request, _url(experiment_id, anchor), message)
        if _is_htmx(request):
            return await self._part(
                request,
                experiment_id,
                part,
                status_code=outcome.status_code,
                **{f"{mode}_form": outcome.form.data, f"{mode}_errors": outcome.form.errors},
            )
        return await self._form_page(request, experiment_id, mode, outcome)

    # --- comments -----------------------------------------------------------------------

    @post("/comments", name="comment_create", status_code=303)
    async def create_comment(self, request: Request, experiment_id: int) -> Template | Redirect:
        outcome = await submit_form(
            request,
            CommentForm,
            lambda value: comments.create(request.user, experiment_id, value.body),
        )
        return await self._after_submit(
            request,
            experiment_id,
            outcome,
            part="comments",
            mode="comment",
            anchor=f"comment-{outcome.result}",
            message=N_("Comment added."),
        )

    @get("/comments/{comment_id:int}", name="comment_detail")
    async def comment(
        self, request: Request, experiment_id: int, comment_id: int
    ) -> Template | Redirect:
        """One comment (htmx: "cancel" in the edit form); otherwise its place on the page."""
        row = await comments.get_comment(request.user, experiment_id, comment_id)
        if not _is_htmx(request):
            return Redirect(path=_url(experiment_id, f"comment-{comment_id}"), status_code=303)
        return Template(
            template_name="conversation/_comment.html",
            context={"comment": row, "experiment_id": experiment_id},
        )

    @get("/comments/{comment_id:int}/edit", name="comment_edit")
    async def edit_comment(self, request: Request, experiment_id: int, comment_id: int) -> Template:
        row = await comments.editable_comment(request.user, experiment_id, comment_id)
        context = {
            "comment": row,
            "experiment_id": experiment_id,
            "form": {"body": row["body"], "version": row["version"]},
            "errors": {},
            "conflict": None,
        }
        if _is_htmx(request):
            return Template(template_name="conversation/_comment_edit.html", context=context)
        view = await experiments.get_for(request.user, experiment_id)
        return render(
            request,
            "conversation/form_page.html",
            {**context, "mode": "edit", "experiment": view.row},
        )

    @post("/comments/{comment_id:int}", name="comment_update", status_code=303)
    async def update_comment(
        self, request: Request, experiment_id: int, comment_id: int
    ) -> Template | Redirect:
        outcome = await submit_form(
            request,
            CommentForm,
            lambda value: comments.update(
                request.user, experiment_id, comment_id, value.version, value.body
            ),
        )
        if outcome.saved:
            if _is_htmx(request):
                row = await comments.get_comment(request.user, experiment_id, comment_id)
                return Template(
                    template_name="conversation/_comment.html",
                    context={
                        "comment": row,
                        "experiment_id": experiment_id,
                        "message": N_("Comment saved."),
                    },
                )
            return redirect_with_message(
                request, _url(experiment_id, f"comment-{comment_id}"), N_("Comment saved.")
            )
        row = await comments.editable_comment(request.user, experiment_id, comment_id)
        if _is_htmx(request):
            return Template(
                template_name="conversation/_comment_edit.html",
                context={"comment": row, "experiment_id": experiment_id, **outcome.context()},
                status_code=outcome.status_code,
            )
        return await self._form_page(request, experiment_id, "edit", outcome, comment=row)

    @post("/comments/{comment_id:int}/delete", name="comment_delete", status_code=303)
    async def delete_comment(
        self, request: Request, experiment_id: int, comment_id: int
    ) -> Redirect:
        await comments.remove(request.user, experiment_id, comment_id)
        return redirect_with_message(
            request, _url(experiment_id, f"comment-{comment_id}"), N_("Comment removed.")
        )

    @get("/comments/{comment_id:int}/history", name="comment_history")
    async def comment_history(
        self, request: Request, experiment_id: int, comment_id: int
    ) -> Template:
        comment, revisions = await comments.history(request.user, experiment_id, comment_id)
        view = await experiments.get_for(request.user, experiment_id)
        return render(
            request,
            "conversation/comment_history.html",
            {"comment": comment, "revisions": revisions, "experiment": view.row},
        )

    # --- kudos --------------------------------------------------------------------------

    @post("/kudos", name="kudos_give", status_code=303)
    async def give_kudos(self, request: Request, experiment_id: int) -> Template | Redirect:
        outcome = await submit_form(
            request,
            KudosForm,
            lambda value: kudos.give(request.user, experiment_id, value.message),
        )
        return await self._after_submit(
            request,
            experiment_id,
            outcome,
            part="kudos",
            mode="kudos",
            anchor="kudos",
            message=N_("Thank you sent. Thanks!"),
        )

    @post("/kudos/withdraw", name="kudos_withdraw", status_code=303)
    async def withdraw_kudos(self, request: Request, experiment_id: int) -> Redirect:
        await kudos.withdraw(request.user, experiment_id)
        return redirect_with_message(
            request, _url(experiment_id, "kudos"), N_("Your thank-you was withdrawn.")
        )


class NotificationController(Controller):
    path = "/notifications"
    guards = [signed_in]

    @get("/", name="notifications")
    async def index(self, request: Request, page: int = 1) -> Template:
        result = await notifications.page_for(request.user.id, page)
        return render(
            request,
            "conversation/notifications.html",
            {"result": result, "kind_messages": notifications.KIND_MESSAGES},
        )

    @post("/{notification_id:int}/read", name="notification_read", status_code=303)
    async def read(self, request: Request, notification_id: int) -> Redirect:
        form = await read_form(request, MarkReadForm)
        await notifications.mark_read(request.user.id, notification_id)
        target = safe_next(form.value.next) if form.ok else "/notifications"
        return redirect_with_message(request, target, N_("Marked as read."))

    @post("/read-all", name="notifications_read_all", status_code=303)
    async def read_all(self, request: Request) -> Redirect:
        form = await read_form(request, MarkReadForm)
        value = form.value if form.ok else MarkReadForm()
        await notifications.mark_all_read(request.user.id, value.experiment)
        return redirect_with_message(request, safe_next(value.next), N_("Marked as read."))


class PeopleController(Controller):
    path = "/people"
    guards = [signed_in]

    @get("/{user_id:int}", name="person")
    async def person(self, request: Request, user_id: int) -> Template:
        return render(
            request, "conversation/person.html", {"profile": await profiles.profile(user_id)}
        )


CONVERSATION_ROUTES = [ConversationController, NotificationController, PeopleController]
