"""Sidecar files: `<document>.disclint.yaml` next to a document (the only way for .docx and .pdf,
which cannot hold a comment a reader keeps), keyed by the finding's fingerprint — rule + section +
table + row + column, no line numbers, so it survives edits — or by rule."""
from __future__ import annotations

import os

from .. import regular_file
from ..config import ConfigError
from .directives import Suppression

SIDECAR_SUFFIX = ".disclint.yaml"


def sidecar_path(path: str) -> str:
    return path + SIDECAR_SUFFIX


def sidecar_entries(path: str) -> list[Suppression]:
    """Entries of the sidecar next to `path` (none when there is no sidecar)."""
    side = sidecar_path(path)
    if not os.path.exists(side):  # a FIFO or a folder of that name is an error, not "no sidecar"
        return []
    import yaml

    try:
        node = yaml.compose(regular_file.read_text(side), Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as e:
        raise ConfigError(f"{side}: cannot read the suppression file: {e}") from None
    data = yaml.safe_load(yaml.serialize(node)) if node is not None else None
    if not isinstance(data, dict) or set(data) != {"suppress"} or not isinstance(data["suppress"], list):
        raise ConfigError(f"{side}: a suppression file is a mapping with one key, 'suppress', a list of entries")
    entry_nodes = next(v for k, v in node.value if k.value == "suppress").value
    out = []
    for entry, entry_node in zip(data["suppress"], entry_nodes):
        at = f"{side}:{entry_node.start_mark.line + 1}"
        if not isinstance(entry, dict) or set(entry) - {"fingerprint", "rule", "reason"}:
            raise ConfigError(f"{at}: key 'suppress': each entry has fingerprint or rule, and a reason")
        if ("fingerprint" in entry) == ("rule" in entry):
            raise ConfigError(f"{at}: key 'suppress': give either fingerprint or rule")
        if "fingerprint" in entry:
            fp = str(entry["fingerprint"])
            out.append(Suppression(form="sidecar", selectors=(fp.split("/", 1)[0],), text=f"fingerprint {fp}",
                                   fingerprint=fp, origin=at))
        else:
            rule = str(entry["rule"])
            out.append(Suppression(form="sidecar", selectors=(rule,), text=f"rule {rule}", origin=at))
    return out
