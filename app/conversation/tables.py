"""Conversation and recognition: comments on experiments (with their edit history), kudos
("kiitos") and the in-app notifications that tell owners about them."""

from piccolo.columns import ForeignKey, Integer, OnDelete, Text, Timestamptz, Varchar
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.table import Table

from app.accounts.tables import User
from app.experiments.tables import Experiment


class Comment(Table):
    experiment = ForeignKey(Experiment, on_delete=OnDelete.cascade, index=True)
    author = ForeignKey(User, on_delete=OnDelete.no_action, index=True)
    body = Text()  # Markdown, rendered only through app.markdown_render
    version = Integer(default=1)
    created_at = Timestamptz(default=TimestamptzNow(), index=True)
    updated_at = Timestamptz(default=TimestamptzNow())
    edited_at = Timestamptz(null=True, default=None)
    deleted_at = Timestamptz(null=True, default=None)


class CommentRevision(Table):
    """An earlier text of a comment, kept when the comment is edited or removed."""

    comment = ForeignKey(Comment, on_delete=OnDelete.cascade, index=True)
    version = Integer()
    body = Text()
    written_at = Timestamptz()  # when this text was written
    replaced_at = Timestamptz(default=TimestamptzNow())


class Kudos(Table):
    """A thank-you for an experiment; one per person per experiment (unique index in the
    migration), withdrawn by soft delete and given again by reviving the same row."""

    experiment = ForeignKey(Experiment, on_delete=OnDelete.cascade, index=True)
    giver = ForeignKey(User, on_delete=OnDelete.no_action, index=True)
    message = Varchar(length=300, default="")
    created_at = Timestamptz(default=TimestamptzNow(), index=True)
    deleted_at = Timestamptz(null=True, default=None)


class Notification(Table):
    recipient = ForeignKey(User, on_delete=OnDelete.cascade, index=True)
    kind = Varchar(length=30)
    experiment = ForeignKey(Experiment, null=True, on_delete=OnDelete.cascade, index=True)
    actor = ForeignKey(User, null=True, on_delete=OnDelete.set_null)
    comment = ForeignKey(Comment, null=True, on_delete=OnDelete.set_null)
    kudos = ForeignKey(Kudos, null=True, on_delete=OnDelete.set_null)
    created_at = Timestamptz(default=TimestamptzNow(), index=True)
    read_at = Timestamptz(null=True, default=None)
