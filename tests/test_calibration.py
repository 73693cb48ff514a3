"""Reported is not endorsed: relays and repeated rumours must not raise a verdict; independent evidence must.

The sentences here are BUILT FOR THIS CALIBRATION TEST (the issue allows it): one wording, varied only in
who relays it and on what, so that the verdict can be compared across the set-ups and nothing else moves.
They are not news text. The numbers checked are the issue's: five relays of one origin move the verdict
at most 0.05 over the origin alone; five outlets repeating one unverified report stay within 0.10 of the
prior; five independent named sources with evidence move it at least 0.10.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from claimsift.analysis import analyze

pytestmark = pytest.mark.model
H = "North Korean troops are deployed in Russia's Kursk region"
CONTENT = "North Korean troops have arrived in Russia's Kursk region."
OUTLETS = ("Reuters", "The Associated Press", "AFP", "The BBC", "CNN")
INDEPENDENT = (
    "Ukraine's military intelligence agency said satellite images show",
    "NATO Secretary General Mark Rutte said intercepted communications show",
    "The Pentagon said satellite imagery confirms",
    "Japan's Defense Ministry said video footage shows",
    "South Korea's National Intelligence Service said intercepted radio traffic shows",
)


def _write(folder: Path, name: str, text: str) -> str:
    path = folder / f"{name}.txt"
    path.write_text(text + "\n", encoding="utf-8")
    return str(path)


def _verdict(paths: list[str]) -> float:
    return analyze(paths, hypotheses=[H]).assessments[0].probability


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("calibration")


def test_calibration_relays_of_one_origin_add_nothing(folder: Path) -> None:
    origin = _write(
        folder, "origin", f"South Korea's National Intelligence Service said {CONTENT[0].lower()}{CONTENT[1:]}"
    )
    relays = [
        _write(
            folder,
            f"relay{i}",
            f"{o} reported that, according to South Korea's National Intelligence Service, {CONTENT}",
        )
        for i, o in enumerate(OUTLETS)
    ]
    alone = _verdict([origin])
    assert alone > 0.6, "the intelligence service's own statement supports the hypothesis"
    with_relays = _verdict([origin, *relays])
    assert abs(with_relays - alone) <= 0.05, (alone, with_relays)
    result = analyze(relays, hypotheses=[H])
    assert {c.source.name for c in result.claims} == {"South Korea's National Intelligence Service"}
    assert all(len(c.via) == 1 for c in result.claims) and len({c.via for c in result.claims}) == len(OUTLETS)
    assert len(result.groups) == 1, "five relays of one origin are one piece of evidence"
    (driver,) = result.assessments[0].drivers
    assert driver.reason.startswith("supports it: intelligence assessment from South Korea's National")
    assert "relayed by" in driver.reason and "and 2 more, which adds nothing" in driver.reason


def test_calibration_a_rumour_many_outlets_repeat_stays_near_the_prior(folder: Path) -> None:
    rumours = [
        _write(folder, f"rumour{i}", f"{o} reported that, according to unverified posts on social media, {CONTENT}")
        for i, o in enumerate(OUTLETS)
    ]
    result = analyze(rumours, hypotheses=[H])
    (verdict,) = result.assessments
    assert abs(verdict.probability - 0.5) <= 0.10, verdict.probability
    assert verdict.wep == "even"
    assert all(c.source.kind == "unattributed" and c.via for c in result.claims)
    assert "name no origin" in verdict.summary
    assert all("no origin named, counted at 25%" in d.reason for d in verdict.drivers)


def test_calibration_independent_sources_with_evidence_raise_it(folder: Path) -> None:
    first = _write(folder, "ind0", f"{INDEPENDENT[0]} {CONTENT[0].lower()}{CONTENT[1:]}")
    rest = [_write(folder, f"ind{i}", f"{s} {CONTENT[0].lower()}{CONTENT[1:]}") for i, s in enumerate(INDEPENDENT)][1:]
    alone = _verdict([first])
    together = _verdict([first, *rest])
    assert together - alone >= 0.10, (alone, together)
    assert together >= 0.9
