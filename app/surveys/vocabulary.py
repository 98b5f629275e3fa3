"""The words of surveys: periods, the 1–5 face labels, refusal reasons, verdicts."""

from app.i18n import N_

PERIODS = {"before": N_("Before the change"), "after": N_("After the change")}
SECOND_KINDS = {
    "": N_("No second question"),
    "scale": N_("A second 1–5 question"),
    "choice": N_("A choice question"),
}
FACE_LABELS = {
    1: N_("Very poorly"),
    2: N_("Poorly"),
    3: N_("Okay"),
    4: N_("Well"),
    5: N_("Very well"),
}
REFUSAL_REASONS = {
    "closed": N_("No collection period was open"),
    "honeypot": N_("Filled in by a robot (hidden field)"),
    "rate_client": N_("Too many answers from one device or network"),
    "rate_survey": N_("Too many answers to this survey at once"),
    "repeat": N_("Answered again from the same device"),
    "too_large": N_("Too long or too large"),
}
VERDICTS = {
    "too_few": N_(
        "Too few answers to tell yet: at least %(minimum)s answers are needed in both periods before the difference can be judged."
    ),
    "better": N_(
        "Customers rated the service better after the change. The difference is larger than chance would explain."
    ),
    "worse": N_(
        "Customers rated the service worse after the change. The difference is larger than chance would explain."
    ),
    "no_clear_difference": N_(
        "No clear difference: the change is within what chance alone could explain."
    ),
}
DEFAULT_QUESTION = {
    "fi": "Miten onnistuimme palvelemaan sinua tänään?",
    "sv": "Hur lyckades vi betjäna dig i dag?",
    "en": "How well did we serve you today?",
}
