"""The one Piccolo app: every table, with migrations in the top-level `migrations/`."""

from piccolo.conf.apps import AppConfig

from app.accounts.tables import SessionRecord, SetPasswordToken, SignInThrottle, User
from app.audit.tables import AuditLog
from app.cohorts.tables import (
    Cohort,
    CohortJoinLink,
    CohortLead,
    CohortParticipant,
    CohortTheme,
    WorkshopDay,
)
from app.conversation.tables import Comment, CommentRevision, Kudos, Notification
from app.experiments.tables import (
    CustomerGroup,
    Cycle,
    Experiment,
    ExperimentChannel,
    ExperimentCoOwner,
    ExperimentCustomerGroup,
    ExperimentDepartment,
    ExperimentTheme,
    FormDraft,
    Measure,
)
from app.organisation.tables import Department
from app.reflections.tables import (
    AssessmentRating,
    AssessmentStatement,
    ReflectionAnswer,
    ReflectionQuestion,
    ReflectionSubmission,
)
from app.settings import PROJECT_ROOT
from app.strategy.tables import Strategy, Theme

TABLES = [
    Department,
    User,
    SetPasswordToken,
    SignInThrottle,
    SessionRecord,
    Strategy,
    Theme,
    Cohort,
    CohortLead,
    CohortParticipant,
    CohortTheme,
    WorkshopDay,
    CohortJoinLink,
    ReflectionQuestion,
    ReflectionSubmission,
    ReflectionAnswer,
    AssessmentStatement,
    AssessmentRating,
    CustomerGroup,
    Experiment,
    ExperimentCoOwner,
    ExperimentDepartment,
    ExperimentTheme,
    ExperimentCustomerGroup,
    ExperimentChannel,
    Measure,
    Cycle,
    FormDraft,
    Comment,
    CommentRevision,
    Kudos,
    Notification,
    AuditLog,
]

APP_CONFIG = AppConfig(
    app_name="kokeilu",
    migrations_folder_path=str(PROJECT_ROOT / "migrations"),
    table_classes=TABLES,
)
