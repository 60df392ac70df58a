"""Compliance rules: every rule's flagged examples are flagged and its twins are not, per locale."""

from __future__ import annotations

import pytest

from simulator.rubrics import example_transcript, load_rubrics, rubric_files

RUBRICS = load_rubrics()


def _cases():
    for rubric in RUBRICS.rubrics:
        industry = None if "*" in rubric.industries else rubric.industries[0]
        for rule in rubric.rules:
            for locale, examples in rule.examples.items():
                for i, example in enumerate(examples.flag):
                    yield pytest.param(
                        rule.id, industry, locale, example, True, id=f"{rule.id}-{locale}-flag{i}"
                    )
                for i, example in enumerate(examples.ok):
                    yield pytest.param(
                        rule.id, industry, locale, example, False, id=f"{rule.id}-{locale}-ok{i}"
                    )


@pytest.mark.parametrize(("rule_id", "industry", "locale", "example", "flagged"), list(_cases()))
def test_rule_examples(rule_id, industry, locale, example, flagged):
    findings = [
        f for f in RUBRICS.apply(example_transcript(example, locale, industry)) if f.rule == rule_id
    ]
    assert bool(findings) is flagged, findings


def test_every_rule_has_a_flagged_example_and_a_twin_in_both_locales():
    for rule in RUBRICS.rules:
        if rule.kind == "judge":
            continue
        for locale in ("zh_CN", "en_US"):
            examples = rule.examples.get(locale)
            assert examples and examples.flag and examples.ok, f"{rule.id} {locale}"


def test_rubric_files_load():
    assert rubric_files()
    ids = [rule.id for rule in RUBRICS.rules]
    assert len(ids) == len(set(ids))
