"""A small budget of the long fuzz run (scripts/fuzz.py): mutations of the real corpus through the whole
of disclint, with zero unhandled exceptions and zero hangs. Every input is replayable:
`scripts/fuzz.py --replay INDEX --seed SEED`."""
from __future__ import annotations

import pytest

from tests.robustness import fuzzing

BUDGET = 200  # inputs; the long run does 10,000+
SEED = 20261122


@pytest.fixture(scope="module")
def corpus():
    return fuzzing.Corpus()


def test_fuzz_budget(corpus):
    counts, failures = fuzzing.run_range(SEED, 0, BUDGET, time_limit=20, corpus=corpus)
    assert sum(counts.values()) == BUDGET
    report = "\n".join(f"--replay {f['index']} --seed {SEED}: {f['name']} ({' → '.join(f['recipe'])}): "
                       f"{f['status']}\n{f['detail'][-600:]}" for f in failures)
    assert not failures, report
    assert counts.get("ok", 0) > BUDGET // 3  # most mutations still read as reports


def test_corpus_mutations_cover_every_kind_of_damage(corpus):
    recipes = [step for i in range(2000) for step in corpus.case(SEED, i).recipe]
    for op in fuzzing.TEXT_MUTATIONS + [fuzzing.flip_bytes, fuzzing.truncate_bytes]:
        assert op.__name__ in recipes, op.__name__
    for wrapped in ("as-html", "as-docx", "random-bytes", "gb18030", "utf-16"):
        assert wrapped in recipes, wrapped


def test_the_same_input_number_gives_the_same_bytes(corpus):
    assert corpus.case(SEED, 17).data == fuzzing.Corpus().case(SEED, 17).data


@pytest.mark.parametrize("mutation", fuzzing.TEXT_MUTATIONS, ids=lambda m: m.__name__)
def test_each_mutation_alone_on_a_seed(corpus, mutation):
    import random

    rng = random.Random(mutation.__name__)
    text = mutation(rng, corpus.texts[0])
    outcome = fuzzing.run_case("mutated.txt", text.encode("utf-8"), time_limit=20)
    assert outcome.status == "ok" or outcome.status.startswith("error:"), outcome.detail
