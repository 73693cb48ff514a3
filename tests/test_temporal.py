"""Tests of claimsift.nlp.temporal on real text only.

Sources: a torn transcript made from public-domain U.S. texts (tests/data/seams, published 2024-11-18) and
sentences of a caption transcript on North Korean troops in Russia (published 2024-11-05); sentences from wire and
outlet reports, each with the address it was read at and the publication date that address or its byline
gives; Franklin D. Roosevelt's address to Congress of 8 December 1941; Barack Obama's statement of
1 May 2011 on the death of Osama bin Laden. Bare expressions (no sentence) are used only for `normalise`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from claimsift.model import TimeExpr
from claimsift.nlp.temporal import find_dates, normalise

NK_PUBLISHED = dt.date(2024, 11, 5)
# A transcript with every other line missing, made by tests/seammaker.py from public-domain U.S. texts.
TORN = Path(__file__).parent / "data" / "seams" / "kursk_open_seams.txt"
TORN_PUBLISHED = dt.date(2024, 11, 18)
FDR_1941 = (
    "Yesterday, December 7, 1941—a date which will live in infamy—the United States of America was "
    "suddenly and deliberately attacked by naval and air forces of the Empire of Japan."
)
# Contiguous excerpt of the dev transcript: "the day before" follows "October 18" by about 300 characters.
TRANSCRIPT_DAY_BEFORE = (
    'On October 18, two in Russia speaking Korean "with an accent atypical videos show the Koreans in '
    "training exercises and uniforms. The Kyiv Post also cited Ukraine's Security's claim that the second "
    "video was taken in Russia's Primorsky Krai. They added that they video was also taken at the same "
    "facility. Those the day before by Seoul's National Intelligence"
)


def _dates(text: str, published: dt.date | None) -> list[tuple[str, str, str]]:
    return [(d.text, d.value, d.grain) for d in find_dates(text, "doc", published)]


def _transcript() -> str:
    return TORN.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "for their part, have neither confirmed nor denied on October 21 a group of Russian Armed "
            "Forces dug-in in the Pokrovsk direction, causing a huge",
            [("October 21", "2024-10-21", "day")],
        ),
        (
            "Russian President Vladimir Putin after the BRICS summit in Kazan on October 24.",
            [("October 24", "2024-10-24", "day")],
        ),
        (
            "Based geo-located videos on Kyiv Post, it seems certain are indeed on Russian soil. On "
            'October 18, two in Russia speaking Korean "with',
            [("October 18", "2024-10-18", "day")],
        ),
        (
            'special forces from the areas near Chongjin, by "four landing ships and three escort ships '
            "October 8 and October 13, marking the first Korean waters since 1990.",
            [
                ("October 8", "2024-10-08", "day"),
                ("October 13", "2024-10-13", "day"),
                ("1990", "1990", "year"),
            ],
        ),
        (
            "allegedly intercepted calls between servicemen October 26 and 27.",
            [("October 26", "2024-10-26", "day"), ("27", "2024-10-27", "day")],
        ),
        (
            "That is because the Ukrainians are fighting back on November 1, Zelenskyy claimed that the "
            'Russians have clear information," he said.',
            [("November 1", "2024-11-01", "day")],
        ),
        ("Guard. On October 28, Anrij Yermak, a top aide to", [("October 28", "2024-10-28", "day")]),
        ('seen." Then on October 26, Spanish newspaper EL', [("October 26", "2024-10-26", "day")]),
    ],
)
def test_temporal_finds_transcript_dates(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert _dates(sentence, NK_PUBLISHED) == expected


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        # https://uk.news.yahoo.com/zelenskiy-says-russia-deploy-n-104425160.html (Reuters, Friday 2024-10-25)
        (
            "Ukrainian President Volodymyr Zelenskiy said on Friday that Russia plans to deploy North Korean "
            "troops to the battlefield starting Oct. 27-28, citing intelligence reports.",
            dt.date(2024, 10, 25),
            [("Friday", "2024-10-25", "day"), ("Oct. 27", "2024-10-27", "day"), ("28", "2024-10-28", "day")],
        ),
        # same report
        (
            "Ukrainian military intelligence said on Thursday that the first North Korean units had already "
            "been recorded in Russia's Kursk border region, where the Ukrainian military has been operating "
            "since staging a major incursion in August.",
            dt.date(2024, 10, 25),
            [("Thursday", "2024-10-24", "day"), ("August", "2024-08", "month")],
        ),
        # https://kyivindependent.com/russia-to-deploy-north-korean-troops-to-combat-zone-on-oct-27-28-zelensky-says/
        (
            "Russia is planning to send first North Korean soldiers to a combat zone on Oct. 27-28, "
            "President Volodymyr Zelensky said on Oct. 25, citing intelligence reports.",
            dt.date(2024, 10, 25),
            [("Oct. 27", "2024-10-27", "day"), ("28", "2024-10-28", "day"), ("Oct. 25", "2024-10-25", "day")],
        ),
        # https://fu.kyivpost.com/post/41112 (Kyiv Post, 2024-10-25)
        (
            "As Kyiv Post previously reported on Thursday, Oct. 24, at a press conference following the "
            "BRICS summit in Kazan, Russian President Vladimir Putin commented for the first time on the "
            "possible involvement of North Korean troops in his war against Ukraine",
            dt.date(2024, 10, 25),
            [("Thursday, Oct. 24", "2024-10-24", "day")],
        ),
        # https://puertoricodigitalnews.com/2024/10/25/zelenskyy-north-korean-troops-will-join-russias-war-against-ukraine-on-27-28-october/
        (
            "On 25 October, Ukraine’s President Volodymyr Zelenskyy announced on his Telegram channel that "
            "Russia will deploy its first North Korean troops in the war against Ukraine on 27-28 October, "
            "referring to military intelligence.",
            dt.date(2024, 10, 25),
            [
                ("25 October", "2024-10-25", "day"),
                ("27", "2024-10-27", "day"),
                ("28 October", "2024-10-28", "day"),
            ],
        ),
        # same report
        (
            "The troops’ presence was first detected on 23 October.",
            dt.date(2024, 10, 25),
            [("23 October", "2024-10-23", "day")],
        ),
        # https://menafn.com/1108881233/N-Korea-approves-landmark-agreement-with-Russia (2024-11-13)
        (
            "North Korea has officially ratified the landmark strategic partnership agreement with Russia, "
            "initially signed during Russian President Vladimir Putin's visit to Pyongyang in June, the "
            "Korean Central News Agency (KCNA) reported on Tuesday.",
            dt.date(2024, 11, 13),
            [("June", "2024-06", "month"), ("Tuesday", "2024-11-12", "day")],
        ),
        # same report
        (
            "The treaty was signed by North Korean leader Kim Jong-un on Monday, following a similar action "
            "by President Putin, who approved the agreement on Saturday after both houses of Russia's "
            "parliament voted in favor.",
            dt.date(2024, 11, 13),
            [("Monday", "2024-11-11", "day"), ("Saturday", "2024-11-09", "day")],
        ),
        # https://like123.com/pentagon-says-small-number-of-north-korean-troops-in-russias-kursk-region-biden-concerned
        # (dated Oct 30, 2024)
        (
            "Last week, White House National Security communications director John Kirby confirmed that "
            "between early to mid-October, North Korea moved at least 3,000 troops into eastern Russia.",
            dt.date(2024, 10, 30),
            [("October", "2024-10", "month")],
        ),
        # https://policypeak.org/2024/06/22/putin-kim-summit-russia-n-korea-sign-new-treaty
        (
            "PYONGYANG, June 19. Russia and North Korea have finalized a comprehensive strategic partnership "
            "agreement, signed by Russian President Vladimir Putin and North Korean leader Kim Jong Un.",
            dt.date(2024, 6, 22),
            [("June 19", "2024-06-19", "day")],
        ),
        # Obama, 1 May 2011
        (
            "Then, last August, after years of painstaking work by our intelligence community, I was briefed "
            "on a possible lead to bin Laden.",
            dt.date(2011, 5, 1),
            [("August", "2010-08", "month")],
        ),
    ],
)
def test_temporal_finds_news_dates(sentence: str, published: dt.date, expected: list[tuple[str, str, str]]) -> None:
    assert _dates(sentence, published) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "North Korea approximately 700,000 tons of rice exchange for support in the war against Ukraine.",
        "military have an estimated 1.3 million active-duty drive, the national press agency KCNA reported",
        "on a depot in the Bryansk region, 75 miles from Kyiv Post report that more than 20 soldiers were",
        "buried in Article 4 is a clause that takes this Article 4 is essentially a mutual defense pact,",
        # https://uk.news.yahoo.com/zelenskiy-says-russia-deploy-n-104425160.html
        "Around 12,000 North Korean troops, including 500 officers and three generals, were already in "
        "Russia, and training was taking place on five military bases, it said.",
        # https://menafn.com/1108818112/First-North-Korean-Troops-Expected-To-Be-Deployed-By-Russia-To-Combat-Zones-On-Oct-2728-Zelensky
        "As reported, according to the General Staff, 187 combat engagements were recorded along the "
        "frontlines over the past day.",
        # https://menafn.com/1108881233/N-Korea-approves-landmark-agreement-with-Russia
        "It includes 23 articles, with key provisions aimed at mutual assistance in the event of foreign aggression.",
        # Roosevelt, 8 December 1941: "may" is a verb
        "No matter how long it may take us to overcome this premeditated invasion, the American people in "
        "their righteous might will win through to absolute victory.",
    ],
)
def test_temporal_skips_numbers_and_words_that_are_not_dates(sentence: str) -> None:
    assert _dates(sentence, NK_PUBLISHED) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # https://kyivindependent.com/russia-to-deploy-north-korean-troops-to-combat-zone-on-oct-27-28-zelensky-says/
        (
            "North Korean soldiers march during a mass rally on Kim Il Sung square in Pyongyang on Sept. 9, "
            "2018 (Ed Jones/AFP/Getty Images)",
            [("Sept. 9, 2018", "2018-09-09", "day")],
        ),
        # https://oafnation.com/blogs/news/pentagon-confirms-nkorea-troops-in-russias-kursk-may-be-used-as-infantry-against-ukrainian-forces
        (
            "North Korean soldiers in a military parade to commemorate the 70th anniversary of the Korean "
            "War armistice in Pyongyang, North Korea, July 27, 2023. (KCNA via Reuters)",
            [("July 27, 2023", "2023-07-27", "day")],
        ),
        # https://iuvmpress.co/russia-north-korea-strategic-partnership-agreement-enters-into-force
        (
            "In turn, the Interfax agency recalls that the agreement was signed in Pyongyang on June 19, "
            "2024, with the aim of deepening partnership and strategic cooperation in various fields. Russia "
            "and North Korea ratified it in November.",
            [("June 19, 2024", "2024-06-19", "day"), ("November", "2024-11", "month")],
        ),
        # https://baohaiduong.vn/en/nga-trieu-tien-ky-hiep-uoc-doi-tac-chien-luoc-toan-dien-385034.html
        (
            "Specifically, in 2023, bilateral trade turnover will increase 9 times, and in the first 5 "
            "months of 2024, it will increase by 54%.",
            [("2023", "2023", "year"), ("2024", "2024", "year")],
        ),
        # same report
        (
            "Earlier, Russian Presidential Assistant Yuri Ushakov said the new document would replace the "
            "Treaty of Friendship and Mutual Assistance signed in 1961, the Treaty of Friendship and "
            "Good-Neighborly Cooperation signed in 2000, the Moscow Declaration of 2000 and the Pyongyang "
            "Declaration of 2001.",
            [
                ("1961", "1961", "year"),
                ("2000", "2000", "year"),
                ("2000", "2000", "year"),
                ("2001", "2001", "year"),
            ],
        ),
        # Without a year before them, day and month dates are left out, never dated to today.
        (
            "allegedly intercepted calls between servicemen October 26 and 27.",
            [],
        ),
        (
            'special forces from the areas near Chongjin, by "four landing ships and three escort ships '
            "October 8 and October 13, marking the first Korean waters since 1990.",
            [("1990", "1990", "year")],
        ),
        # The relative "Yesterday" has no reference: no date before it, no publication date.
        (FDR_1941, [("December 7, 1941", "1941-12-07", "day")]),
    ],
)
def test_temporal_without_published_uses_only_the_text(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert _dates(sentence, None) == expected


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        (
            FDR_1941,
            dt.date(1941, 12, 8),
            [("Yesterday", "1941-12-07", "day"), ("December 7, 1941", "1941-12-07", "day")],
        ),
        # The day before October 18, which precedes it within the anchor window.
        (
            TRANSCRIPT_DAY_BEFORE,
            NK_PUBLISHED,
            [("October 18", "2024-10-18", "day"), ("the day before", "2024-10-17", "day")],
        ),
        # No day date before it: the day before publication.
        (
            "Those the day before by Seoul's National Intelligence",
            NK_PUBLISHED,
            [("the day before", "2024-11-04", "day")],
        ),
        (
            "arrived in the Kursk region. One day earlier, U.S.",
            NK_PUBLISHED,
            [("One day earlier", "2024-11-04", "day")],
        ),
    ],
)
def test_temporal_resolves_relative_expressions(
    sentence: str, published: dt.date, expected: list[tuple[str, str, str]]
) -> None:
    assert _dates(sentence, published) == expected


def test_temporal_transcript_end_to_end() -> None:
    """Weekdays and "today" in a torn transcript are resolved against its publication date (a Monday)."""
    text = _transcript()
    found = find_dates(text, "nk_troops", TORN_PUBLISHED)
    assert [(d.text, d.value) for d in found] == [
        ("today", "2024-11-18"),
        ("August of ’23", "2023-08"),
        ("Tuesday", "2024-11-12"),
        ("Monday", "2024-11-18"),
        ("today", "2024-11-18"),
        ("last month", "2024-10"),
        ("Wednesday", "2024-11-13"),
        ("Wednesday", "2024-11-13"),
        ("Tuesday", "2024-11-12"),
        ("Tuesday", "2024-11-12"),
    ]
    _assert_well_formed(text, found)


def test_temporal_transcript_without_published_invents_nothing() -> None:
    assert _dates(_transcript(), None) == [("August of ’23", "2023-08", "month")]


def _assert_well_formed(text: str, found: list[TimeExpr]) -> None:
    for before, after in zip(found, found[1:], strict=False):
        assert before.end <= after.start
    for date in found:
        assert date.doc == "nk_troops"
        assert text[date.start : date.end] == date.text


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        ("October 18", ("2024-10-18", "day")),
        ("Oct. 18", ("2024-10-18", "day")),
        ("18 October 2024", ("2024-10-18", "day")),
        ("October 18, 2024", ("2024-10-18", "day")),
        ("the 18th of October", ("2024-10-18", "day")),
        ("2024-10-18", ("2024-10-18", "day")),
        ("18/10/2024", ("2024-10-18", "day")),
        ("Tuesday, October 22, 2024", ("2024-10-22", "day")),
        ("November 1", ("2024-11-01", "day")),
        ("December 3", ("2023-12-03", "day")),
        ("in October", ("2024-10", "month")),
        ("October 2024", ("2024-10", "month")),
        ("in December", ("2023-12", "month")),
        ("mid-October", ("2024-10", "month")),
        ("since 1990", ("1990", "year")),
        ("1990", ("1990", "year")),
        ("yesterday", ("2024-11-04", "day")),
        ("today", ("2024-11-05", "day")),
        ("the day before", ("2024-11-04", "day")),
        ("one day earlier", ("2024-11-04", "day")),
        ("a day later", ("2024-11-06", "day")),
        ("two days later", ("2024-11-07", "day")),
        ("on Tuesday", ("2024-11-05", "day")),
        ("last Tuesday", ("2024-10-29", "day")),
        ("last year", ("2023", "year")),
        ("October 18th at 3 p.m.", ("2024-10-18", "day")),
    ],
)
def test_temporal_normalise_with_reference(expr: str, expected: tuple[str, str]) -> None:
    assert normalise(expr, NK_PUBLISHED) == expected


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        ("October 18, 2024", ("2024-10-18", "day")),
        ("since 1990", ("1990", "year")),
        ("October 2024", ("2024-10", "month")),
        ("October 18", None),
        ("yesterday", None),
        ("on Tuesday", None),
        ("October 18th at 3 p.m.", None),
    ],
)
def test_temporal_normalise_without_reference(expr: str, expected: tuple[str, str] | None) -> None:
    assert normalise(expr, None) == expected


@pytest.mark.parametrize(
    "expr",
    ["", "700,000", "1.3 million", "75 miles", "Article 4", "October 26 and 27", "05/06/2024"],
)
def test_temporal_normalise_rejects_non_dates_ranges_and_ambiguous_orders(expr: str) -> None:
    assert normalise(expr, NK_PUBLISHED) is None


@pytest.mark.xfail(strict=True, reason="a bare month takes the publication year; 'nearly 10 years ago' is ignored")
def test_temporal_month_in_a_distant_past() -> None:
    # Obama, 1 May 2011
    sentence = (
        "It was nearly 10 years ago that a bright September day was darkened by the worst attack on the "
        "American people in our history."
    )
    assert _dates(sentence, dt.date(2011, 5, 1)) == [("September", "2001-09", "month")]


@pytest.mark.xfail(strict=True, reason="weekdays resolve to the past; future tense is not read")
def test_temporal_weekday_in_the_future() -> None:
    # https://fu.kyivpost.com/post/41112 (Kyiv Post, Friday 2024-10-25)
    sentence = (
        "Russia will deploy North Korean troops into combat zones against Ukraine for the first time on "
        "Sunday or Monday Ukrainian President Volodymyr Zelensky stated on Friday, citing intelligence "
        "information."
    )
    assert _dates(sentence, dt.date(2024, 10, 25)) == [
        ("Sunday", "2024-10-27", "day"),
        ("Monday", "2024-10-28", "day"),
        ("Friday", "2024-10-25", "day"),
    ]


def test_temporal_a_two_digit_year_after_an_apostrophe() -> None:
    """John Kirby's White House press gaggle of 25 October 2024 (public domain): "back in August of ’23" is
    August 2023, not the August before the gaggle."""
    text = (
        "It’s the second trilateral national security advisors meeting since the leaders of all three countries "
        "met at Camp David back in August of ’23, and it’s the fifth one of this administration."
    )
    found = [(d.text, d.value) for d in find_dates(text, "t", dt.date(2024, 10, 25))]
    assert found == [("August of ’23", "2023-08")]
