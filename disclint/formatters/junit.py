"""JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure): one test suite per file,
one test case per finding. A finding at or above `fail-on` is a <failure>, one below it a passing case
that carries its text (so the report agrees with the exit code); an unreadable file is an <error>;
a clean file is one passing case."""
from __future__ import annotations

import re

from .common import display_path, message_of

# Characters XML 1.0 cannot hold at all, not even as a character reference: ElementTree would write
# them and the file would not be well-formed.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def render(report) -> str:
    from xml.etree import ElementTree as ET

    lang = report.settings.lang
    floor = report.settings.fail_on.rank
    root = ET.Element("testsuites", name="disclint")
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for result in report.results:
        path = display_path(result.path)  # one line, valid XML, whatever bytes the name holds
        suite = ET.SubElement(root, "testsuite", name=path)
        counts = {"tests": 0, "failures": 0, "errors": 0}
        if result.error:
            case = ET.SubElement(suite, "testcase", classname=path, name="read")
            ET.SubElement(case, "error", type=result.error.reason, message=_xml(result.error.message)).text = \
                f"{path}: {_xml(result.error.message)}"
            counts["tests"] += 1
            counts["errors"] += 1
        elif not result.findings:
            ET.SubElement(suite, "testcase", classname=path, name="disclint")
            counts["tests"] += 1
        for f in result.findings:
            where = f"{f.line}:{f.column}" if f.line else "-"
            case = ET.SubElement(suite, "testcase", classname=path, name=f"{f.rule} {f.name} ({where})")
            message = _xml(message_of(f, lang))
            detail = f"{path}:{where}: {f.rule} {f.severity.value} {message}"
            if f.severity.rank >= floor:
                ET.SubElement(case, "failure", type=f.rule, message=message).text = detail
                counts["failures"] += 1
            else:
                ET.SubElement(case, "system-out").text = detail
            counts["tests"] += 1
        for key, value in counts.items():
            suite.set(key, str(value))
            totals[key] += value
    for key, value in totals.items():
        root.set(key, str(value))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
