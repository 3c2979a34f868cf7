"""Reviewer decisions as values: a source label scoped to one page or a whole domain, and a claim decision, each
with who made it, when, and the note. ``automatic`` undoes a decision: the engine's own judgement applies again."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Scope = Literal["page", "domain"]
SCOPES: tuple[Scope, ...] = ("page", "domain")
CLAIM_DECISIONS = ("confirm", "dismiss", "automatic")
AUTOMATIC = "automatic"
DOMAIN_WARNING = (
    "This label applies to every page of {domain}. A page's own signals still count: a satire page or a forum "
    "thread on it stays satire or user-generated. To trust one page, label that page instead."
)


@dataclass(frozen=True, slots=True)
class SourceLabel:
    """A reviewer's label for a page (``target`` is its URL) or a domain; ``label`` None means back to automatic."""

    scope: Scope
    target: str
    label: str | None
    reviewer: str
    at: str
    note: str = ""

    def describe(self) -> str:
        """The reason shown with the source, e.g. ``a reviewer (rita, 2026-12-03 14:02) marked this page as ...``."""
        what = "this page" if self.scope == "page" else self.target
        note = f': "{self.note}"' if self.note else ""
        who = f" ({self.reviewer}, {self.at} UTC)" if self.reviewer else ""
        label = (self.label or "automatic").replace("_", "-")
        return f"a reviewer{who} marked {what} as {label}{note}"


class ReviewerLabels(dict[str, str]):
    """The labels in force, newest first given: page URL or domain (without ``www.``) → label (a page's URL
    contains ``://``, a domain does not), with each label's decision in ``details``. A plain ``Mapping[str, str]``
    to code that only needs the labels."""

    def __init__(self, labels: list[SourceLabel] | None = None) -> None:
        super().__init__()
        self.details: dict[str, SourceLabel] = {}
        for item in labels or ():
            key = item.target if item.scope == "page" else item.target.lower().removeprefix("www.")
            if item.label is not None and key not in self.details:  # newest first: the first one wins
                self[key] = item.label
                self.details[key] = item

    def page(self, *urls: str) -> SourceLabel | None:
        """The label of the first of ``urls`` a reviewer labelled, or None."""
        return next((self.details[u] for u in urls if u and u in self.details), None)

    def domain(self, host: str, registrable: str) -> SourceLabel | None:
        """The label of ``host`` or its nearest labelled parent domain, down to ``registrable``, or None."""
        parts = host.split(".")
        for i in range(len(parts) - 1):
            key = ".".join(parts[i:])
            if key in self.details and "://" not in key:
                return self.details[key]
            if key == registrable:
                break
        found = self.details.get(registrable)
        return found if found is not None and "://" not in registrable else None
