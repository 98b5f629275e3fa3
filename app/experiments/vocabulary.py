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
# How the change history names each kind of write.
HISTORY_ACTIONS = {
    "create": N_("created the experiment"),
    "update": N_("edited"),
    "status": N_("changed the status"),
    "add_measure": N_("added a measure"),
    "update_measure": N_("updated a measure"),
    "remove_measure": N_("removed a measure"),
    "start_cycle": N_("started a cycle"),
    "update_cycle": N_("updated a cycle"),
    "delete": N_("deleted the experiment"),
    "restore": N_("restored the experiment"),
}
# Field names in the history, in the user's words.
HISTORY_FIELDS = {
    "title": N_("Title"),
    "problem": N_("The problem from the customer's point of view"),
    "hypothesis": N_("Hypothesis"),
    "plan": N_("The plan"),
    "result": N_("Result"),
    "outcome": N_("Was the problem solved?"),
    "learning": N_("Learning"),
    "decision": N_("What happens next?"),
    "status": N_("Status"),
    "abandon_reason": N_("Why was it abandoned?"),
    "themes": N_("Strategy themes"),
    "departments": N_("Departments involved"),
    "customer_groups": N_("Customer groups"),
    "channels": N_("Service channels"),
    "co_owners": N_("Co-owners (the team)"),
    "measure": N_("Measures"),
    "cycle": N_("Cycle"),
}
