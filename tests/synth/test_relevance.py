"""Whole sentences, relevance to the question and the extractive lead (real MiniLM embedder)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from retrieval.embed import Embedder
from synth import ranker
from synth.extractive import POINT_RATIO, extract_sentences
from synth.prompts import number_sources
from synth.ranker import answer_value
from synth.relevance import RELEVANCE_MIN, focus_weights, is_whole_sentence, score_sentences
from tests.synth.helpers import make_hits

PAGES = [
    ("https://docs.example/sorting", "Sorting", "docs.example",
     "Sorting HOW TO\nsorted() returns a new list\nThe built-in sorted() function returns a new sorted list and "
     "leaves the original unchanged. By Ann Lee · May 21, 2025\n>>> sorted([5, 2, 3])\n"
     "Such\noperations have a long tradition in mathematics which likes them."),
    ("https://kitchen.example/leftovers", "Leftovers", "kitchen.example",
     "Bacteria can grow on cooked food that is left out too long. Tested, no-nonsense guides to the techniques "
     "home cooks ask about most."),
]

# every sentence is about vitamin D; the one about windows answers the window question
VITAMIN_D = ("https://health.example/vitamin-d", "Vitamin D", "health.example",
             "Your skin makes vitamin D when it is exposed to ultraviolet B rays from the sun. Above roughly 37 "
             "degrees latitude, the winter sun is too low for the skin to make much vitamin D at all. Sunlight "
             "through a window does not help, because glass blocks UVB. Oily fish and eggs contain some vitamin D.")


def test_whole_sentences_only() -> None:
    """Prose sentences and sentences opening on a code name pass; fragments, code, bylines and questions do not."""
    assert is_whole_sentence("The built-in sorted() function returns a new sorted list.")
    assert is_whole_sentence("sorted() returns a new list and leaves the original unchanged.")
    assert not is_whole_sentence("operations have a long tradition in mathematics which likes them.")
    assert not is_whole_sentence("be used inside a coroutine function declared with async def.")
    assert not is_whole_sentence(">>> sorted([5, 2, 3])")
    assert not is_whole_sentence("By Ann Lee · May 21, 2025 the list is sorted in place.")
    assert not is_whole_sentence("Published March 4, 2025 No. There is no evidence that it works.")
    assert not is_whole_sentence("Sorting lists")
    # a call statement is code even when its arguments read like prose
    assert not is_whole_sentence('parser.add_argument("square", help="display a square of a given number", type=int)')
    assert is_whole_sentence('The operator module offers helpers: operator.itemgetter("age") for dictionaries.')
    # a docstring inside a code block is code, however it reads
    assert not is_whole_sentence('"""Return the cosine of x as measured in radians.')
    assert is_whole_sentence('"Mineral water" is water that naturally contains dissolved salts.')


def test_a_hard_wrapped_sentence_is_whole_and_a_heading_before_a_code_name_is_cut_off(embedder: Embedder) -> None:
    """A short line that a lowercase word continues is part of its sentence; one before a sentence opening on a
    code name ("sorted() leaves ...") is a heading."""
    text = ("If a finally clause is present, the finally\nclause will execute as the last task before the try "
            "statement completes.\nsorted() returns a new list\nsorted() leaves the original untouched and returns "
            "a new sorted list.")
    texts = [s.text for s in score_sentences("finally", make_hits([("https://d.example/a", "A", "d.example", text)]),
                                             embedder)]
    assert "If a finally clause is present, the finally\nclause will execute as the last task before the try " \
           "statement completes." in texts, texts
    assert "sorted() leaves the original untouched and returns a new sorted list." in texts, texts


def test_a_heading_glued_to_its_sentence_is_cut_off(embedder: Embedder) -> None:
    """The sentence under a heading line is scored and quoted without the heading."""
    scored = score_sentences("what does sorted return", make_hits(PAGES), embedder)
    texts = [s.text for s in scored]
    assert "The built-in sorted() function returns a new sorted list and leaves the original unchanged." in texts
    assert not any(t.startswith("sorted() returns a new list\n") for t in texts)


def test_the_lead_is_one_relevant_sentence_and_nothing_pads_it(embedder: Embedder) -> None:
    """An answer may be one sentence: the off-topic leftovers page adds nothing, not even its tagline."""
    hits = make_hits(PAGES)
    quotes = extract_sentences("What does sorted() return?", hits, number_sources(hits), embedder)
    assert quotes and quotes[0][0].startswith("The built-in sorted() function returns a new sorted list")
    assert all("leftover" not in q[0].lower() and "home cooks" not in q[0] for q in quotes)
    assert all(is_whole_sentence(q[0]) for q in quotes)


def test_the_page_title_is_not_quoted_as_a_point(embedder: Embedder) -> None:
    """A title line that reads like a sentence is page furniture: the overview quotes the sentences under it."""
    title = "Why Cheese Slides Off Pizza (and How to Stop It)"
    text = (f"{title}\nCheese slides off pizza when there is moisture between the cheese and the crust. "
            "Pat wet toppings dry and use less sauce so the cheese can grip.")
    hits = make_hits([("https://kitchen.example/cheese", title, "kitchen.example", text)])
    quotes = extract_sentences("Why does cheese slide off pizza?", hits, number_sources(hits), embedder)
    assert quotes and all(q[0] != title for q in quotes), quotes


FAQ = ("https://health.example/water", "How Much Water Should You Drink Each Day?", "health.example",
       "How Much Water Should You Drink Each Day?\n"
       "Water makes up more than half of your body weight, and you lose some every day through breathing and sweat.\n"
       "When you need more\n"
       "Drink extra when it is hot or humid, when you exercise and sweat, or when you have a fever.\n"
       "Can you drink too much water?\n"
       "Yes, although it is uncommon. Drinking several litres within an hour or two can dilute the sodium in your "
       "blood. Spreading your drinking through the day avoids it.")


def test_the_answer_under_a_matching_question_heading_leads(embedder: Embedder) -> None:
    """A section headed by the question answers it, even where its sentences do not repeat the question's words;
    before the section signal the overview led with water's share of body weight."""
    hits = make_hits([FAQ])
    quotes = extract_sentences("Can drinking too much water be dangerous?", hits, number_sources(hits), embedder)
    shown = " ".join(q[0] for q in quotes)
    assert quotes[0][0] == "Yes, although it is uncommon.", quotes
    assert "dilute the sodium" in shown


def test_sentences_know_their_section_and_the_page_title_is_none(embedder: Embedder) -> None:
    """Each sentence carries its heading's match and its place in the section; the page title heads no section."""
    scored = {s.text: s for s in score_sentences("Can drinking too much water be dangerous?", make_hits([FAQ]),
                                                 embedder)}
    first = scored["Yes, although it is uncommon."]
    second = scored["Drinking several litres within an hour or two can dilute the sodium in your blood."]
    assert (first.section_pos, second.section_pos) == (0, 1)
    assert first.section > 0.7 and first.relevance > first.score
    top = scored["Water makes up more than half of your body weight, and you lose some every day through breathing "
                 "and sweat."]
    assert top.section == 0.0 and top.relevance == top.score


def test_a_sphinx_heading_anchor_does_not_glue_the_question_to_its_answer(embedder: Embedder) -> None:
    """Sphinx's "¶" after a FAQ heading ends the heading: the answer is quoted alone."""
    text = ("How do I check if an object is an instance of a given class?¶ Use the built-in function "
            "isinstance(obj, cls). You can check if an object is an instance of any of a number of classes.")
    hits = make_hits([("https://docs.example/faq", "Programming FAQ", "docs.example", text)])
    quotes = extract_sentences("How do I check the type of an object?", hits, number_sources(hits), embedder)
    assert "Use the built-in function isinstance(obj, cls)." in [q[0] for q in quotes], quotes
    assert not any("¶" in q[0] or "?" in q[0] for q in quotes), quotes


def test_a_call_statement_wrapped_over_lines_is_code() -> None:
    """The call-statement rule holds when the arguments run over several lines."""
    assert not is_whole_sentence('parser.add_argument("square", help="display a square of a given number",\n'
                                 '                    type=int)')


def test_a_sentence_that_reports_the_question_does_not_lead(embedder: Embedder) -> None:
    """"A reader writes to ask whether ..." sets the scene; the sentence with the reason leads."""
    text = ("Every few years a reader writes to ask whether eating rocks is good for you. Rocks can crack your "
            "teeth and block your bowel, and your gut cannot absorb the minerals locked inside them.")
    hits = make_hits([("https://geo.example/rocks", "Should you eat rocks?", "geo.example", text)])
    quotes = extract_sentences("Why is eating rocks harmful?", hits, number_sources(hits), embedder)
    assert quotes and quotes[0][0].startswith("Rocks can crack your teeth"), quotes


# Sphinx API reference text as trafilatura extracts it: each entry's term a list item ending in its "¶" anchor,
# its description the next list item, hard-wrapped.
API_PAGE = (
    "os.path — Common pathname manipulations¶\n"
    "- os.path.basename(path)¶\n"
    "- Return the base name of pathname path. This is the second element of the pair returned by passing\n"
    "path to the function split().\n"
    "- os.path.exists(path)¶\n"
    "- Return True if path refers to an existing path or an open\n"
    "file descriptor.  Returns False for broken symbolic links.\n"
    "- os.path.isdir(path)¶\n"
    "- Return True if path is an existing directory.  This follows symbolic links, so both islink() and\n"
    "isdir() can be true for the same path.\n"
)


def test_an_api_entry_is_quoted_with_the_signature_it_describes(embedder: Embedder) -> None:
    """"Return True if path refers to an existing path" names no function: the quote is led by its signature,
    the bullet is not part of the sentence, and a sentence that names its function is quoted as it is."""
    hits = make_hits([("https://docs.example/os.path", "os.path", "docs.example", API_PAGE)])
    scored = {s.text.split("\n")[0]: s for s in score_sentences("check whether a file exists", hits, embedder)}
    first = scored["Return True if path refers to an existing path or an open"]
    assert first.entry == "os.path.exists(path)" and first.entry_pos == 0
    assert first.display == "os.path.exists(path): Return True if path refers to an existing path or an open " \
                            "file descriptor."
    assert scored["Returns False for broken symbolic links."].entry_pos == 1
    names_itself = scored["This follows symbolic links, so both islink() and isdir() can be true for the same path."]
    # it names isdir() itself, so no signature leads it; its "This" is quoted after the sentence it refers to
    assert names_itself.entry == "os.path.isdir(path)"
    assert names_itself.display.startswith("Return True if path is an existing directory. This follows")
    quotes = extract_sentences("How do I check whether a file exists?", hits, number_sources(hits), embedder)
    assert quotes and quotes[0][0].startswith("os.path.exists(path): Return True if path"), quotes
    assert not any(q[0].startswith("- ") for q in quotes), quotes


def test_prose_that_names_code_is_a_sentence_and_code_glued_to_prose_is_not() -> None:
    """Inline code in a sentence keeps it quotable; a code block run into a sentence does not."""
    assert is_whole_sentence("For integers, use the built-in int() type constructor, e.g. int('144') == 144.")
    assert not is_whole_sentence("Roughly equivalent to: def combinations(iterable, r): # combinations('ABCD', 2) "
                                 "--> AB AC AD BC BD CD pool = tuple(iterable) n = len(pool) return.")
    assert not is_whole_sentence("x = {k: v for k, v in d.items() if v} and y = [i for i in x].")


def test_the_specific_part_of_the_question_picks_the_answer(embedder: Embedder) -> None:
    """Every sentence of a vitamin D page is about vitamin D; the one about windows answers the window question."""
    hits = make_hits([VITAMIN_D])
    query = "Does sunlight through a window make vitamin D?"
    scored = score_sentences(query, hits, embedder)
    weights = focus_weights(query, scored)
    assert weights["window"] > weights["vitamin"]
    window, winter = scored[2], scored[1]
    assert window.text.startswith("Sunlight through a window") and winter.text.startswith("Above roughly")
    # the plain relevance ranks the winter sentence (topic words only) above the answer; the focus turns that round
    assert answer_value(query, winter) > answer_value(query, window)
    assert answer_value(query, window, weights) > answer_value(query, winter, weights)
    quotes = extract_sentences(query, hits, number_sources(hits), embedder)
    assert "Sunlight through a window does not help, because glass blocks UVB." in [q[0] for q in quotes], quotes


def test_a_point_far_weaker_than_the_lead_is_not_shown(embedder: Embedder) -> None:
    """A site blurb relevant enough to quote is not padded after a lead that answers (POINT_RATIO)."""
    pages = [
        ("https://kitchen.example/leftovers", "Leftovers", "kitchen.example",
         "Most cooked leftovers, such as meat, poultry, rice, pasta, soups and casseroles, keep for 3 to 4 days in "
         "a fridge at 5°C (40°F) or below."),
        ("https://kitchen.example/", "Kitchen Basics", "kitchen.example", "Cool, store and reheat leftovers safely."),
    ]
    query = "How long can cooked leftovers be kept in the fridge?"
    first, home = make_hits(pages)
    hits = [first, replace(home, rank=6)]  # the home page ranked below the guides, as retrieval put it
    scored = score_sentences(query, hits, embedder)
    weights = focus_weights(query, scored)
    lead, blurb = scored
    assert blurb.relevance >= RELEVANCE_MIN and is_whole_sentence(blurb.text)  # the premise: it could be quoted
    assert answer_value(query, blurb, weights) < POINT_RATIO * answer_value(query, lead, weights)
    quotes = extract_sentences(query, hits, number_sources(hits), embedder)
    assert [q[0] for q in quotes] == [lead.text], quotes


def test_a_glossary_entry_is_quoted_with_its_term(embedder: Embedder) -> None:
    """A glossary's definition names no term ("Easier to ask for forgiveness than permission."): it is read and
    quoted with the term it defines; a definition that names its term is quoted as it is."""
    text = ("- duck-typing¶\n- A programming style which does not look at an object's type to determine if it has "
            "the right interface.\n- EAFP¶\n- Easier to ask for forgiveness than permission.  This common Python "
            "coding\nstyle assumes the existence of valid keys or attributes.\n- expression¶\n- A piece of syntax "
            "which can be evaluated to some value; an expression is an accumulation of expression elements.\n")
    hits = make_hits([("https://docs.example/glossary", "Glossary", "docs.example", text)])
    scored = {s.text.split("\n")[0]: s for s in score_sentences("EAFP", hits, embedder)}
    assert scored["Easier to ask for forgiveness than permission."].display == \
        "EAFP: Easier to ask for forgiveness than permission."
    assert scored["This common Python coding style assumes the existence of valid keys or attributes."].entry == "EAFP"
    named = next(s for t, s in scored.items() if t.startswith("A piece of syntax"))
    assert named.entry == "expression" and named.display.startswith("A piece of syntax")
    quotes = extract_sentences("What does EAFP stand for in Python?", hits, number_sources(hits), embedder)
    assert quotes and quotes[0][0] == "EAFP: Easier to ask for forgiveness than permission.", quotes


def test_an_entry_ends_with_its_description_and_a_bare_signature_is_an_entry(embedder: Embedder) -> None:
    """Module prose after an entry is not quoted as the entry's, and the tutorial's anchorless method list
    (``- list.reverse()`` then its description) is read as entries too."""
    text = ("Interface summary:\n- copy.copy(x)¶\n- Return a shallow copy of x.\n- exception copy.Error¶\n"
            "- Raised for module specific errors.\nThe difference between shallow and deep copying is only relevant "
            "for compound objects.\n- list.reverse()\n- Reverse the elements of the list in place.\n")
    hits = make_hits([("https://docs.example/copy", "copy", "docs.example", text)])
    scored = {s.text: s for s in score_sentences("copy a list", hits, embedder)}
    assert scored["Return a shallow copy of x."].display == "copy.copy(x): Return a shallow copy of x."
    prose = scored["The difference between shallow and deep copying is only relevant for compound objects."]
    assert prose.entry == "" and not prose.display.startswith("copy.Error")
    assert scored["Reverse the elements of the list in place."].display == \
        "list.reverse(): Reverse the elements of the list in place."


def test_a_sentence_opening_on_a_pronoun_is_read_after_the_one_before(embedder: Embedder) -> None:
    """"This ... still helps if you start within three hours" answers the late-cooling question only with the
    sentence it refers to; the gate's scores read each sentence alone."""
    text = ("Hold the burn under cool or lukewarm running tap water for 20 minutes. This is the single most "
            "important step, and it still helps if you start within three hours of the injury.")
    hits = make_hits([("https://health.example/burns", "Burns", "health.example", text)])
    query = "Is it still worth cooling a burn an hour after it happened?"
    alone = score_sentences(query, hits, embedder, context=False)[1]
    read = score_sentences(query, hits, embedder)[1]
    assert read.text.startswith("This is the single most important step")
    assert read.cosine > alone.cosine and read.lexical > alone.lexical
    # quoted after the sentence it refers to, never alone ("It'll give the sauce extra tackiness": the glue is gone)
    assert read.display.startswith("Hold the burn under cool or lukewarm running tap water for 20 minutes. This is")
    assert alone.display.startswith("This is the single most important step")


def test_a_point_does_not_repeat_the_sentence_the_lead_is_shown_after(embedder: Embedder) -> None:
    """A lead opening on "It" is shown after the sentence it refers to; that sentence, found again in another
    passage of the page, is not shown a second time as a point."""
    text = ("The try statement has an optional else clause, which must follow all except clauses. It is useful for "
            "code that must run if the try clause does not raise an exception.")
    again = "The try statement has an optional else clause, which must follow all except clauses."
    pages = [("https://docs.example/errors", "Errors", "docs.example", text),
             ("https://docs.example/compound", "Compound statements", "docs.example", again)]
    hits = make_hits(pages)
    query = "what is the else clause of a try statement useful for"
    scored = score_sentences(query, hits, embedder)
    lead = next(s for s in scored if s.text.startswith("It is useful"))
    assert lead.previous.startswith("The try statement")  # the premise: the lead is shown after its referent
    quotes = [q[0] for q in extract_sentences(query, hits, number_sources(hits), embedder)]
    assert sum(q.count("optional else clause") for q in quotes) == 1, quotes


def test_the_learned_ranker_leads_with_the_sentence_that_answers(embedder: Embedder) -> None:
    """With the opt-in learned ranker the window sentence leads the window question, as with the hand-set score."""
    hits = make_hits([VITAMIN_D])
    query = "Does sunlight through a window make vitamin D?"
    quotes = extract_sentences(query, hits, number_sources(hits), embedder, ranker=ranker.load())
    assert quotes and quotes[0][0] == "Sunlight through a window does not help, because glass blocks UVB.", quotes


def test_the_stored_sentence_ranker_matches_its_features() -> None:
    """The shipped weights load for this module's features; weights fitted on other features are refused."""
    model = ranker.load()
    assert model.names == ranker.FEATURES and model.coef.shape == (len(ranker.FEATURES),)
    stored = model.to_json()
    stored["features"] = [*ranker.FEATURES[:-1], "something else"]
    with pytest.raises(ValueError, match="refit"):
        ranker.SentenceRanker.from_json(stored)


# the tutorial's namespace section: the sentence that says what a namespace is sits among sentences about namespaces
NAMESPACES = ("https://docs.example/classes", "Classes", "docs.example",
              "Python Scopes and Namespaces\nBefore introducing classes, I first have to tell you something about "
              "Python’s scope rules. Class definitions play some neat tricks with namespaces, and you need to know how "
              "scopes and namespaces work to fully understand what’s going on. Let’s begin with some definitions. A "
              "namespace is a mapping from names to objects. Most namespaces are currently implemented as Python "
              "dictionaries, but that’s normally not noticeable in any way (except for performance), and it may "
              "change in the future.")


def test_a_definition_question_leads_with_the_sentence_that_says_what_it_is(
    embedder: Embedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """"What is a namespace" is answered by "A namespace is a mapping ...", which the plain relevance score ranks
    below a longer sentence about namespaces."""
    hits = make_hits([NAMESPACES])
    quotes = extract_sentences("what is a namespace in python", hits, number_sources(hits), embedder)
    assert quotes[0][0] == "A namespace is a mapping from names to objects.", quotes
    monkeypatch.setattr(ranker, "DEFINITION_BOOST", 0.0)
    quotes = extract_sentences("what is a namespace in python", hits, number_sources(hits), embedder)
    assert quotes[0][0].startswith("Most namespaces are"), quotes


def test_what_counts_as_defining_the_subject(embedder: Embedder) -> None:
    """A sentence defines the subject when it opens on it (a generic word such as "value" may join it) and says
    what it is; an API entry's first sentence when the entry's name, with its qualifier, is the subject."""
    text = ("The while statement is used for repeated execution as long as an expression is true. A break "
            "statement is a way to leave the innermost loop. A datetime object is a single object containing all "
            "the information. A code point value is an integer in the range 0 to 0x10FFFF.\n"
            "- bytearray.partition(sep)¶\n- Split the sequence at the first occurrence of sep, and return a tuple.\n"
            "- str.partition(sep)¶\n- Split the string at the first occurrence of sep, and return a 3-tuple.\n")
    hits = make_hits([("https://docs.example/misc", "Misc", "docs.example", text)])

    def defining(query: str) -> list[str]:
        return [s.display for s in score_sentences(query, hits, embedder) if ranker.defines(query, s)]

    assert defining("what does the break statement do") == [
        "A break statement is a way to leave the innermost loop."]
    assert defining("What is a naive datetime object?") == []  # "naive" goes unsaid
    assert defining("what is a unicode code point") == [
        "A code point value is an integer in the range 0 to 0x10FFFF."]
    assert defining("what does str.partition do") == [
        "str.partition(sep): Split the string at the first occurrence of sep, and return a 3-tuple."]
    assert defining("how do I leave a loop early") == []  # not a definition question


def test_a_sentence_below_the_lead_floor_is_not_a_point(embedder: Embedder) -> None:
    """With the floor lowered for a sure answer (``relevance_min``) and the usual one kept for the lead
    (``lead_min``), "Setting the delay to 0 ..." (relevance about 0.33) is not shown after a closer lead; without
    ``lead_min`` it would be."""
    pages = [("https://docs.example/asyncio-task", "Coroutines and Tasks", "docs.example",
              "While a coroutine sleeps, the event loop runs the other tasks. If a result is provided, it is returned "
              "to the caller when the coroutine completes."),
             ("https://docs.example/asyncio-sleep", "Sleeping", "docs.example",
              "Setting the delay to 0 provides an optimized path to allow other tasks to run.")]
    hits = make_hits(pages)
    query = "why would you await asyncio.sleep(0)"
    weak = "Setting the delay to 0 provides an optimized path to allow other tasks to run."
    lead = "While a coroutine sleeps, the event loop runs the other tasks."
    assert [q[0] for q in extract_sentences(query, hits, number_sources(hits), embedder, relevance_min=0.28)] == [
        lead, weak]
    assert [q[0] for q in extract_sentences(query, hits, number_sources(hits), embedder, relevance_min=0.28,
                                            lead_min=RELEVANCE_MIN)] == [lead]

