"""Verisight's verifier: judge every claim against its sources and flag satire, joke posts and doubtful sources.

Modules: ``judges`` (``embedded`` feature model, ``minicheck`` over an OpenAI-compatible server),
``features`` (the alignment features), ``credibility`` (source labels from domain lists and page signals),
``verify`` (claims → verdicts), ``policy`` (verdict → keep / hedge / drop, decline), ``evaluate``
(balanced accuracy on claim/evidence files).

Data shipped in ``verifier/data/``: ``embedded_judge.json`` (weights and IDF table learned from
Factcheck-GPT, Apache-2.0, by ``training/verifier_train.py``), ``domains.json`` (domain → label facts derived
from OpenSources, LGPL-3.0; Wikipedia's Perennial sources list, CC BY-SA 3.0; idiap/News-Media-Reliability
manual and Wikipedia rows, Apache-2.0; plus our own list; built by ``training/verifier_build_domains.py``),
``eval_floors.json`` (quality floors; raise, never lower), our page-level claim sets ``verifier_pages.jsonl`` and
``verifier_pages_heldout.jsonl`` (``training/verifier_pages_build.py``) and the session-1 judge
``baseline_judge_session1.json`` (the baseline of ``verifier.heldout``).
"""
