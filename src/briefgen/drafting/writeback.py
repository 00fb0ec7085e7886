"""Writing merged themes back into a summary file without losing the analyst's curation.

The file is edited in place (``inputs.roundtrip``): only the values summarize owns change
(a claim's ``status``, an evidence item's ``stale`` flag and ``start`` offset, an untouched
draft's text and evidence), new claims and themes are appended, and everything else stays
byte for byte: comments, key order, quoting, indentation and the analyst's text.
"""

from __future__ import annotations

from typing import Any

from briefgen.inputs import schemas
from briefgen.inputs.roundtrip import CommentedMap, Document, block_seq, insert

CLAIM_ORDER = ("id", "text", "date", "status", "pinned", "fingerprint", "accepted", "evidence")


def render(text: str, themes: list[schemas.Theme]) -> str:
    """Return ``text`` (a summary file) with ``themes`` written into it."""
    doc = Document(text)
    if not isinstance(doc.data, CommentedMap):
        doc.data = CommentedMap()
    if not isinstance(doc.data.get("themes"), list) or not doc.data["themes"]:
        doc.data["themes"] = block_seq()
    nodes = {str(node.get("id")): node for node in doc.data["themes"] if isinstance(node, CommentedMap)}
    for theme in themes:
        if theme.id in nodes:
            _sync_theme(doc, nodes[theme.id], theme)
        else:
            doc.data["themes"].append(doc.styled(theme_data(theme)))
    return doc.dumps()


def _sync_theme(doc: Document, node: CommentedMap, theme: schemas.Theme) -> None:
    if not isinstance(node.get("claims"), list) or not node["claims"]:
        if not theme.claims:
            return
        insert(node, "claims", block_seq(), ("id", "title", "description", "terms"))
    claims = {str(c.get("id")): c for c in node["claims"] if isinstance(c, CommentedMap)}
    for claim in theme.claims:
        if claim.id in claims:
            _sync_claim(doc, claims[claim.id], claim)
        else:
            node["claims"].append(doc.styled(claim_data(claim)))


def _sync_claim(doc: Document, node: CommentedMap, claim: schemas.Claim) -> None:
    wanted = claim_data(claim)
    for key in ("text", "status", "fingerprint"):
        if key in wanted and node.get(key) != wanted[key]:
            value = doc.restyled(node[key], wanted[key]) if key in node else doc.styled(wanted[key])
            insert(node, key, value, CLAIM_ORDER[:CLAIM_ORDER.index(key)])
        elif key not in wanted and key in node and not (key == "status" and node[key] == "curated"):
            del node[key]
    items = node.get("evidence")
    if not isinstance(items, list):
        return
    for k, evidence in enumerate(wanted["evidence"]):
        if k < len(items) and isinstance(items[k], CommentedMap):
            _sync_evidence(doc, items[k], evidence)
        else:
            items.append(doc.styled(evidence))
    while len(items) > len(wanted["evidence"]):
        items.pop()


def _sync_evidence(doc: Document, node: CommentedMap, wanted: dict[str, Any]) -> None:
    for key in ("source", "quote", "start", "stale"):
        if key in wanted and node.get(key) != wanted[key]:
            value = doc.restyled(node[key], wanted[key]) if key in node and isinstance(wanted[key], str) else wanted[key]
            insert(node, key, value, ("source", "quote", "start"))
        elif key not in wanted and key in node:
            del node[key]


def theme_data(theme: schemas.Theme) -> dict[str, Any]:
    data: dict[str, Any] = {"id": theme.id, "title": theme.title}
    data.update({k: v for k, v in (("description", theme.description), ("terms", list(theme.terms))) if v})
    data["claims"] = [claim_data(c) for c in theme.claims]
    return data


def claim_data(claim: schemas.Claim) -> dict[str, Any]:
    """A claim's keys in a fixed order, defaults left out (as an analyst writes them)."""
    data: dict[str, Any] = {"id": claim.id, "text": claim.text}
    for key, value, default in (("date", claim.date, ""), ("status", claim.status, "curated"),
                                ("pinned", claim.pinned, False), ("fingerprint", claim.fingerprint, "")):
        if value != default:
            data[key] = value
    if claim.accepted is not None:  # support's recorded paraphrase acceptance survives a re-run
        data["accepted"] = claim.accepted.model_dump(exclude_defaults=True)
    data["evidence"] = [{"source": e.source, "quote": e.quote}
                        | ({"start": e.start} if e.start is not None else {})
                        | ({"stale": True} if e.stale else {})
                        for e in claim.evidence]
    return data
