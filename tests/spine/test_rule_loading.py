"""Rule files are validated strictly when loaded, and the error names the file and line."""
from __future__ import annotations

import textwrap

import pytest

from disclint.engine.loader import RuleError, load_pack

GOOD = """
pack: test
rules:
  - code: DL999
    name: missing-section-test
    kind: required-section
    severity: error
    message: {zh: "缺少{title_zh}", en: "no {title_en}"}
    reference: 条例第五十条
    rationale: test
    sections: [overview]
    examples: {fail: ["一、主动公开政府信息情况"], pass: ["一、总体情况"]}
"""


def write(tmp_path, text):
    p = tmp_path / "pack.yaml"
    p.write_text(textwrap.dedent(text), encoding="utf-8")
    return p


def test_a_good_pack_loads(tmp_path):
    [rule] = load_pack(write(tmp_path, GOOD))
    assert rule.code == "DL999" and rule.params == {"sections": ["overview"]}


@pytest.mark.parametrize("change, line, message", [
    (("    sections: [overview]", "    sections: [overview]\n    colour: red"), 12, "unknown key(s) colour"),
    (("sections: [overview]", "sections: [prologue]"), 11, "unknown section id(s) ['prologue']"),
    (("kind: required-section", "kind: required-sections"), 6, "unknown rule kind 'required-sections'"),
    (("severity: error", "severity: fatal"), 7, "severity must be error, warning or info"),
    (("sections: [overview]", "sections: overview"), 11, "'sections' must be a list of strings, not a string"),
    (("    reference: 条例第五十条\n", ""), 4, "missing key 'reference'"),
    (('en: "no {title_en}"', 'fr: "x"'), 8, "'message' has an unknown key 'fr'"),
    (('en: "no {title_en}"', 'en: "no {title}"'), 8, ""),
    (('zh: "缺少{title_zh}"', 'zh: "缺少{titel_zh}"'), 8, "message.zh: unknown placeholder {titel_zh}"),
])
def test_bad_rules_are_refused_with_file_and_line(tmp_path, change, line, message):
    """The line is the offending key's (the rule's own for a missing key); a template may name a
    field's language variant without its suffix ({title} in en is title_en)."""
    path = write(tmp_path, GOOD.replace(*change))
    if not message:
        assert load_pack(path)[0].message["en"] == "no {title}"
        return
    with pytest.raises(RuleError) as e:
        load_pack(path)
    assert str(e.value).startswith(f"{path}:{line}: ")
    assert message in str(e.value)


def test_python_tags_are_refused(tmp_path):
    path = write(tmp_path, GOOD + "\nextra: !!python/object/apply:os.system ['echo hacked']\n")
    with pytest.raises(RuleError) as e:
        load_pack(path)
    assert "not valid (safe) YAML" in str(e.value)
