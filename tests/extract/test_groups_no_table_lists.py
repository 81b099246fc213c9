"""Armed groups no actor table lists keep the name the report gives them, where the grammar says they
acted: a proper name before "militants" or "gunmen", an organisation that attacks or kills, and an
acronym the sentence spells out. A side that only reports or urges is not the doer; one that claims
a deed did it, and the state whose operation or strikes the dead died in did the killing."""

from __future__ import annotations

from datetime import date

import pytest


pytestmark = pytest.mark.model


# what the doer is, by the sentence that tells it: (sentence, day published, doer)
DOERS = {
    "a name before militants is the group that attacked": ("Red Valley Front militants attack a village in Djugu Territory, killing four civilians.", date(2023, 5, 1), "Red Valley Front"),
    "an organisation that attacks a post is its attacker": ("The Mountain Liberation Front attacks an army post near Kidal, killing three soldiers.", date(2023, 5, 1), "Mountain Liberation Front"),
    "an acronym the sentence spells out takes the full name": ("Seven soldiers die when the NHA attacks a checkpoint near Kidal, a week after the Northern Hills Army vowed to fight on.", date(2023, 5, 1), "Northern Hills Army"),
    "a people before militants is no group name": ("Somali militants attack an army base near Baidoa, killing five soldiers.", date(2023, 5, 1), "Unidentified armed group"),
    "an embassy that reports explosions did not set them off": ("The American embassy in Asmara reports two explosions near the city's airport, a day after rockets hit the capital.", date(2020, 11, 28), None),
    "a state that urges its citizens to leave is not the side advancing": ("Britain urges its citizens to leave Sudan as rebels advance on Khartoum.", date(2023, 5, 1), "Unidentified armed group"),
    "the state whose operation the dead died in did the killing": ("Five people are killed during a Turkish operation in the town of Qamishli.", date(2019, 10, 12), "Turkish forces"),
    "a name after militants from is the group, its Army no state's": ("Militants from the Red Valley Liberation Army attack an army post near Kidal, killing three soldiers.", date(2023, 5, 1), "Red Valley Liberation Army"),
}  # fmt: skip


@pytest.mark.parametrize(("text", "day", "doer"), list(DOERS.values()), ids=list(DOERS))
def test_the_doer_is_who_the_grammar_says_acted(read_news, text: str, day: date, doer: str | None) -> None:  # type: ignore[no-untyped-def]
    claims = read_news(text, day)
    assert claims and all(c.actor == doer for c in claims), claims


def test_a_state_that_claims_it_took_a_village_is_its_taker(read_news) -> None:  # type: ignore[no-untyped-def]
    claims = read_news("Russia claims that it captured the village of Pisky near Donetsk.", date(2022, 8, 25))
    taken = [c for c in claims if c.event_type == "territory_taken"]
    assert taken and all(c.actor == "Russian forces" for c in taken), claims

