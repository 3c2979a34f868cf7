"""Helpers for the synth tests: hand-made hits over three small pages."""

from __future__ import annotations

from retrieval.types import Hit, Passage

PAGES = [
    ("https://geology.example/rocks", "Should people eat rocks?", "geology.example",
     "Geologists and doctors agree that people should not eat rocks. Rocks can crack teeth and damage the "
     "digestive tract. The minerals the body needs come from food such as vegetables, nuts and dairy."),
    ("https://kitchen.example/pizza", "Keeping cheese on pizza", "kitchen.example",
     "Cheese slides off pizza when the sauce is too wet. Use less sauce and let it reduce first. "
     "Low-moisture mozzarella melts evenly and stays in place."),
    ("https://health.example/water", "How much water to drink", "health.example",
     "Most healthy adults need about two to three litres of fluid a day. Needs rise in hot weather and "
     "during exercise. Food also supplies some of the water the body needs."),
]


def make_hits(pages: list[tuple[str, str, str, str]] = PAGES) -> list[Hit]:
    """One passage per page, ranked in the given order."""
    hits = []
    for rank, (url, title, site, text) in enumerate(pages, start=1):
        passage = Passage(
            id=f"p{rank}", doc_url=url, doc_hash=f"h{rank}", title=title, site=site, heading="", text=text,
            start=0, end=len(text),
        )
        hits.append(Hit(passage=passage, score=1.0 / rank, rank=rank))
    return hits
