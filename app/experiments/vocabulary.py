"""The fixed words of an experiment: statuses, outcomes, decisions and service channels."""

from __future__ import annotations

from app.i18n import N_

STATUSES = {
    "draft": N_("Draft"),
    "planned": N_("Planned"),
    "running": N_("Running"),
    "checking": N_("Checking"),
    "completed": N_("Completed"),
    "abandoned": N_("Abandoned"),
}
# Where an owner may move an experiment from each status.
TRANSITIONS = {
    "draft": ("planned", "running", "abandoned"),
    "planned": ("running", "draft", "abandoned"),
    "running": ("checking", "completed", "abandoned"),
    "checking": ("running", "completed", "abandoned"),
    "completed": ("checking",),
    "abandoned": ("draft",),
}
OUTCOMES = {
    "solved": N_("Solved"),
    "partly_solved": N_("Partly solved"),
    "not_solved": N_("Not solved"),
    "needs_more_work": N_("Needs more work"),
    "inconclusive": N_("Inconclusive"),
}
DECISIONS = {
    "adopt": N_("Adopt"),
    "adapt": N_("Adapt: run another cycle"),
    "abandon": N_("Abandon"),
    "spread": N_("Spread to other departments"),
}
CHANNELS = {
    "in_person": N_("In person / service point"),
    "phone": N_("Phone"),
    "chat": N_("Chat"),
    "email": N_("Email"),
    "social_media": N_("Social media"),
    "popup": N_("Pop-up point"),
    "e_service": N_("E-service"),
}
