"""Demo content for the strategy rollup: the "100+1 tekoa" campaign of the current demo strategy
runs until the end of 2027 (seed 002: a campaign inside the city strategy)."""

from __future__ import annotations

from datetime import date

from app.demo.content import CURRENT_STRATEGY
from app.strategy.tables import Strategy

CAMPAIGN_END = date(2027, 12, 31)


async def load_campaign_end() -> None:
    """Give the campaign its end date once; a date an admin has set is kept."""
    await Strategy.update({Strategy.campaign_end: CAMPAIGN_END}).where(
        (Strategy.name == CURRENT_STRATEGY.name) & Strategy.campaign_end.is_null()
    )
