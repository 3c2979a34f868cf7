"""Build ``bench/data/verifier_pages.jsonl``: hand-labelled claims checked against whole documentation pages.

Each row pairs one paraphrased, encyclopedia-style claim with the sentences of ONE whole web page (the first
400 sentences of its extracted main text) and a label: ``supported`` (every part of the claim is stated or
directly entailed by the page), ``partially_supported`` (the claim mixes page facts with one detail the page
does not state or gets wrong; binary label ``not_supported``) or ``not_supported`` (on topic but absent from,
or contradicted by, the page). It is an evaluation/tuning set for the claim verifier on long evidence.

Pages: the Python 3.11 documentation HTML installed under /usr/share/doc/python3.11/html/ (Copyright Python
Software Foundation, PSF License 2.0), and the short news, health, cooking, geology, how-to and forum pages of
Verisight's bundled demo corpus (``verisight/demo/site/``; ``page`` is then ``demo:<host>/<path>``; the satire
site, the copied satire post and the forum's joke replies are not used as claim sources). Text is extracted
with Verisight's own extractor (``crawler.extract``) and split with ``verifier.features.split_sentences``.
Claims on demo pages are labelled by what the page states, regardless of real-world truth.

The claims and labels were written by hand for Verisight, after reading the extracted sentences, without
looking at any model's scores. Notes cite the sentence indices (0-based, in ``evidence``) that support the
claim or say what is missing.

Usage: .venv/bin/python bench/verifier_pages_build.py
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from crawler import extract
from verifier.features import split_sentences

ROOT = Path(__file__).resolve().parents[1]
DOCS = Path("/usr/share/doc/python3.11/html")
OUT = ROOT / "bench/data/verifier_pages.jsonl"
BASE_URL = "https://docs.python.org/3.11/"
DEMO_SITE = ROOT / "verisight/demo/site"
DEMO_PREFIX = "demo:"
MAX_SENTENCES = 400
DETAILS = ("supported", "partially_supported", "not_supported")

S, P, N = DETAILS

CLAIMS: list[dict[str, str]] = [
    # faq/general.html
    {
        "page": "faq/general.html",
        "claim": "Guido van Rossum started writing Python over the 1989 Christmas holidays and, after a little more "
        "than a year of development, posted it to USENET in February 1991.",
        "detail": S,
        "note": "Sents 45 (1989 Christmas holidays) and 47-48 (February 1991, just over a year, USENET).",
    },
    {
        "page": "faq/general.html",
        "claim": "According to the Python FAQ, Python borrowed its exception syntax and semantics from Modula-3, "
        "while indentation-based statement grouping came out of van Rossum's work on the ABC language.",
        "detail": S,
        "note": "Sents 34-35 (ABC group experience is the origin of indentation grouping) and 39 (Modula-3 is the "
        "origin of exception syntax and semantics).",
    },
    {
        "page": "faq/general.html",
        "claim": "Since Python 3.9, PEP 602 has set a cadence of one major new Python release every 18 months.",
        "detail": P,
        "note": "Sents 191-192 say a major new release every 12 months (PEP 602), not 18.",
    },
    {
        "page": "faq/general.html",
        "claim": "The name Python was chosen through a vote among early USENET users shortly after the language was "
        "first posted in 1991.",
        "detail": N,
        "note": "Contradicted: sents 180-181 say van Rossum himself picked the name while reading Monty Python "
        "scripts.",
    },
    # howto/sorting.html
    {
        "page": "howto/sorting.html",
        "claim": "Python's list.sort() rearranges a list in place and returns None, whereas the built-in sorted() "
        "accepts any iterable and builds a new sorted list.",
        "detail": S,
        "note": "Sents 6-10, 18-21 (in place, returns None) and 30-33 (sort only for lists, sorted any iterable).",
    },
    {
        "page": "howto/sorting.html",
        "claim": "The Decorate-Sort-Undecorate idiom is also known as the Schwartzian transform, named after Randal L. "
        "Schwartz, who popularized it among Python programmers.",
        "detail": P,
        "note": "Sents 148-149: Schwartz popularized it among Perl programmers, not Python programmers.",
    },
    {
        "page": "howto/sorting.html",
        "claim": "According to the Sorting HOW TO, Python's sort switches to insertion sort for lists shorter than 64 "
        "elements to speed up small inputs.",
        "detail": N,
        "note": "Not stated; the page only says Timsort exploits existing order (sent 130).",
    },
    # library/tomllib.html
    {
        "page": "library/tomllib.html",
        "claim": "The tomllib module, new in Python 3.11, only parses TOML; for writing, the documentation points to "
        "the separate Tomli-W package, which can be used alongside it.",
        "detail": S,
        "note": "Sents 1-2 (new in 3.11), 6 (no writing support), 8-9 (Tomli-W writer used in conjunction).",
    },
    {
        "page": "library/tomllib.html",
        "claim": "tomllib.load() expects a file object opened in text mode, returns a dict, and raises "
        "TOMLDecodeError when the document is not valid TOML.",
        "detail": P,
        "note": "Sent 19 requires a readable binary file object, not text mode; dict (20) and TOMLDecodeError (32) "
        "are right.",
    },
    # library/secrets.html
    {
        "page": "library/secrets.html",
        "claim": "The secrets module, added in Python 3.6, should be used instead of the random module's default "
        "generator, which is designed for modelling and simulation rather than security.",
        "detail": S,
        "note": "Sents 1-2 (new in 3.6) and 8-10 (prefer over random, which is for modelling and simulation).",
    },
    {
        "page": "library/secrets.html",
        "claim": "The secrets documentation states that, as of 2015, 16 bytes (128 bits) of randomness were believed "
        "sufficient for typical token use cases.",
        "detail": P,
        "note": "Sents 67-69 say 32 bytes (256 bits), not 16 bytes.",
    },
    # library/copy.html
    {
        "page": "library/copy.html",
        "claim": "When asked to copy functions or classes, shallowly or deeply, Python's copy module simply returns "
        "the original object, consistent with how the pickle module treats them.",
        "detail": S,
        "note": "Sents 28-30.",
    },
    {
        "page": "library/copy.html",
        "claim": "A class can customise copying with __copy__() and __deepcopy__(); __copy__() receives the memo "
        "dictionary as its single argument, while __deepcopy__() takes no extra arguments.",
        "detail": P,
        "note": "Sents 41-46 say the opposite: __copy__() gets no extra arguments and __deepcopy__() gets the memo.",
    },
    {
        "page": "library/copy.html",
        "claim": "The copy module can deep-copy open file objects and sockets by duplicating their underlying "
        "operating system handles.",
        "detail": N,
        "note": "Contradicted: sents 26-27 say the module does not copy file, socket or similar types.",
    },
    # tutorial/venv.html
    {
        "page": "tutorial/venv.html",
        "claim": "The Python tutorial recommends .venv as a common location for a virtual environment because it "
        "stays hidden in the shell and avoids clashing with .env configuration files.",
        "detail": S,
        "note": "Sents 36-43.",
    },
    {
        "page": "tutorial/venv.html",
        "claim": "On Unix and macOS, the tutorial's activate script for a virtual environment is written for zsh, "
        "with separate activate.csh and activate.fish scripts for other shells.",
        "detail": P,
        "note": "Sent 50 says the script is written for the bash shell; csh/fish alternatives (51-56) are right.",
    },
    {
        "page": "tutorial/venv.html",
        "claim": "The Python tutorial explains that a virtual environment can be moved to another directory or "
        "machine simply by copying its folder.",
        "detail": N,
        "note": "Not stated anywhere on the page.",
    },
    # reference/executionmodel.html
    {
        "page": "reference/executionmodel.html",
        "claim": "Using a function's local variable before it has been assigned raises UnboundLocalError, which is "
        "a subclass of NameError, the exception raised when a name cannot be found.",
        "detail": S,
        "note": "Sents 62 (NameError when not found), 63-65 (UnboundLocalError), 66 (subclass of NameError).",
    },
    {
        "page": "reference/executionmodel.html",
        "claim": "Names defined in a class body are visible inside the class's methods, although comprehensions in "
        "the class body cannot see them.",
        "detail": P,
        "note": "Sents 105-108: class-block scope does not extend to methods either; only the comprehension part "
        "is right.",
    },
    {
        "page": "reference/executionmodel.html",
        "claim": "Python's execution model reference states that every code block is compiled to bytecode and "
        "stored in a .pyc file before it runs.",
        "detail": N,
        "note": "Not stated; the page never mentions bytecode or .pyc files.",
    },
    # library/heapq.html
    {
        "page": "library/heapq.html",
        "claim": "The heapq module implements a min heap using zero-based indexing, so heap[0] is always the "
        "smallest element and heappop() returns the smallest item.",
        "detail": S,
        "note": "Sents 11-17 (zero-based indexing, min heap, heap[0] smallest) and 28 (heappop).",
    },
    {
        "page": "library/heapq.html",
        "claim": "heapq.nlargest() and heapq.nsmallest() perform best when n is large, and when n equals 1 the "
        "built-in min() and max() functions are more efficient.",
        "detail": P,
        "note": "Sents 97-99: they perform best for smaller n; for larger n sorted() is better. min/max part "
        "(100-102) is right.",
    },
    # library/bisect.html
    {
        "page": "library/bisect.html",
        "claim": "bisect.insort_left() first locates the insertion point with bisect_left() and then calls insert(), "
        "so its O(log n) search is dominated by the O(n) insertion step.",
        "detail": S,
        "note": "Sents 47-54.",
    },
    {
        "page": "library/bisect.html",
        "claim": "The key parameter, added to the bisect functions in Python 3.10, is applied to the list elements "
        "and also to the value x being searched for.",
        "detail": P,
        "note": "Sent 27: the key function is not applied to x; the 3.10 addition (30-31) is right.",
    },
    # library/array.html
    {
        "page": "library/array.html",
        "claim": "In the array module, type code 'd' stores C doubles as Python floats with a minimum size of 8 "
        "bytes, whereas 'f' stores 4-byte C floats.",
        "detail": S,
        "note": "Type code table rows, sents 18-19.",
    },
    {
        "page": "library/array.html",
        "claim": "array.byteswap() reverses the byte order of every item and works for 1, 2, 4 or 8-byte values, "
        "raising ValueError for any other item size.",
        "detail": P,
        "note": "Sents 77-81: other sizes raise RuntimeError, not ValueError.",
    },
    # library/gc.html
    {
        "page": "library/gc.html",
        "claim": "Python's gc module groups tracked objects into three generations: new objects start in generation "
        "0 and move to the next older generation when they survive a collection.",
        "detail": S,
        "note": "Sents 80-85.",
    },
    {
        "page": "library/gc.html",
        "claim": "gc.freeze(), introduced in Python 3.9, moves every tracked object into a permanent generation so "
        "that future collections ignore them, which can help before a POSIX fork().",
        "detail": P,
        "note": "Sents 168-174: freeze() is new in version 3.7, not 3.9; the rest is right.",
    },
    # library/timeit.html
    {
        "page": "library/timeit.html",
        "claim": "By default timeit() switches off garbage collection during timing to make separate measurements "
        "more comparable, though gc can be re-enabled in the setup string.",
        "detail": S,
        "note": "Sents 104-112.",
    },
    {
        "page": "library/timeit.html",
        "claim": "In Python 3.7 the default number of repetitions used by timeit.repeat() was increased from 3 to 10.",
        "detail": P,
        "note": "Sents 67-68 (and 150-151): changed from 3 to 5, not 10.",
    },
    # library/math.html
    {
        "page": "library/math.html",
        "claim": "math.lcm(), added in Python 3.9, returns 1 when called with no arguments, whereas math.gcd() "
        "called with no arguments returns 0.",
        "detail": S,
        "note": "Sents 119-126 (gcd) and 183-192 (lcm, new in 3.9).",
    },
    {
        "page": "library/math.html",
        "claim": "math.isclose() uses a default relative tolerance of 1e-06, which ensures that the two values agree "
        "to roughly six decimal digits.",
        "detail": P,
        "note": "Sents 133-143: default rel_tol is 1e-09 (about 9 decimal digits).",
    },
    {
        "page": "library/math.html",
        "claim": "math.factorial() switches to Stirling's approximation for arguments above 1000 and therefore "
        "returns a float for large inputs.",
        "detail": N,
        "note": "Contradicted: sent 49 says it returns n factorial as an integer; no approximation is mentioned.",
    },
    # library/weakref.html
    {
        "page": "library/weakref.html",
        "claim": "Built-in types such as list and dict cannot be weakly referenced directly but can be once "
        "subclassed, while in CPython even subclasses of tuple and int do not support weak references.",
        "detail": S,
        "note": "Sents 47-53.",
    },
    {
        "page": "library/weakref.html",
        "claim": "Proxies returned by weakref.proxy() are hashable whenever their referent is hashable, so they can "
        "be used as dictionary keys.",
        "detail": P,
        "note": "Sents 101-103: proxy objects are not hashable regardless of the referent (that rule is for ref, "
        "sent 75).",
    },
    # library/zoneinfo.html
    {
        "page": "library/zoneinfo.html",
        "claim": "The zoneinfo module, available since Python 3.9, uses the system's IANA time zone data when present "
        "and otherwise falls back to the first-party tzdata package on PyPI.",
        "detail": S,
        "note": "Sents 1-9.",
    },
    {
        "page": "library/zoneinfo.html",
        "claim": "For ambiguous times during a daylight saving transition, ZoneInfo applies the offset from after "
        "the transition when fold=0 and the earlier offset when fold=1.",
        "detail": P,
        "note": "Sents 41-44 say the reverse: before the transition for fold=0, after for fold=1.",
    },
    # library/csv.html
    {
        "page": "library/csv.html",
        "claim": "To ease dumping SQL NULL values from database cursors, csv writers output None as an empty string, "
        "even though this conversion cannot be reversed.",
        "detail": S,
        "note": "Sents 69-74.",
    },
    {
        "page": "library/csv.html",
        "claim": "If a dictionary passed to DictWriter.writerow() has keys missing from fieldnames, the default "
        "extrasaction of 'raise' triggers a KeyError.",
        "detail": P,
        "note": "Sents 148-152: the default 'raise' raises ValueError, not KeyError.",
    },
    {
        "page": "library/csv.html",
        "claim": "The csv module automatically detects UTF-16 files by their byte-order mark and decodes them without "
        "the caller specifying an encoding.",
        "detail": N,
        "note": "Not stated; the page says nothing about encodings or BOM detection.",
    },
    # library/statistics.html
    {
        "page": "library/statistics.html",
        "claim": "Since Python 3.8, statistics.mode() returns the first mode it meets in multimodal data instead of "
        "raising StatisticsError, and it is the module's only statistic that works on nominal data.",
        "detail": S,
        "note": "Sents 259-260, 267-270.",
    },
    {
        "page": "library/statistics.html",
        "claim": "statistics.fmean(), added in Python 3.8, always returns a float and gained support for optional "
        "weights in Python 3.10.",
        "detail": P,
        "note": "Sents 153-156: weights were added in 3.11 (3.10 is when harmonic_mean got weights, 194-195).",
    },
    # library/random.html
    {
        "page": "library/random.html",
        "claim": "The random module's core Mersenne Twister generator produces 53-bit precision floats and has a "
        "period of 2**19937-1, but it is completely unsuitable for cryptographic use.",
        "detail": S,
        "note": "Sents 12-21.",
    },
    {
        "page": "library/random.html",
        "claim": "The random documentation notes that a sequence of length 4096 is the largest whose permutations "
        "can all fit within the Mersenne Twister's period.",
        "detail": P,
        "note": "Sents 177-178 give 2080, not 4096.",
    },
    {
        "page": "library/random.html",
        "claim": "random.SystemRandom produces reproducible sequences when seeded with the same value, which makes it "
        "convenient for repeatable tests.",
        "detail": N,
        "note": "Contradicted: sents 305-307 say its sequences are not reproducible and seed() is ignored.",
    },
    # library/json.html
    {
        "page": "library/json.html",
        "claim": "Because JSON object keys are always strings, json.dumps() converts dictionary keys to str, so "
        "loads(dumps(x)) may not equal x when x has non-string keys.",
        "detail": S,
        "note": "Sents 186-195.",
    },
    {
        "page": "library/json.html",
        "claim": "When json.loads() is given both object_hook and object_pairs_hook, object_hook takes priority and "
        "its return value replaces the decoded dict.",
        "detail": P,
        "note": "Sent 217 (and 289-290): object_pairs_hook takes priority, not object_hook.",
    },
    {
        "page": "library/json.html",
        "claim": "The json documentation states that its C accelerator makes json.loads() roughly ten times faster "
        "than the pure-Python implementation.",
        "detail": N,
        "note": "Not stated; no C accelerator or speed figure is mentioned.",
    },
    # library/datetime.html
    {
        "page": "library/datetime.html",
        "claim": "Since Python 3.11, date.fromisoformat() accepts most valid ISO 8601 date formats except ordinal "
        "dates, whereas earlier versions only supported the YYYY-MM-DD format.",
        "detail": S,
        "note": "Sents 354-368.",
    },
    {
        "page": "library/datetime.html",
        "claim": "The datetime.UTC constant, an alias for the datetime.timezone.utc singleton, was added in Python "
        "3.10.",
        "detail": P,
        "note": "Sents 31-37: datetime.UTC is new in version 3.11.",
    },
    {
        "page": "library/datetime.html",
        "claim": "Python's datetime.time objects can represent leap seconds by allowing the seconds field to hold the "
        "value 60.",
        "detail": N,
        "note": "Contradicted: sents 46-48 assume exactly 86400 seconds a day with no notion of leap seconds.",
    },
    # tutorial/controlflow.html
    {
        "page": "tutorial/controlflow.html",
        "claim": "A Python loop's else clause runs only when the loop ends without hitting break, which makes it "
        "closer to a try statement's else clause than to an if statement's.",
        "detail": S,
        "note": "Sents 128-131 and 153-157.",
    },
    {
        "page": "tutorial/controlflow.html",
        "claim": "In Python's match statement, sequence patterns such as [x, y, *rest] match any sequence, including "
        "strings and iterators, much like unpacking assignments.",
        "detail": P,
        "note": "Sents 304-305: sequence patterns do not match iterators or strings.",
    },
    {
        "page": "tutorial/controlflow.html",
        "claim": "The Python tutorial notes that the match statement was added to the language in Python 3.10 through "
        "PEP 634.",
        "detail": N,
        "note": "Not stated: no version is given and only PEP 636 (a tutorial) is cited (sent 328).",
    },
    # reference/datamodel.html
    {
        "page": "reference/datamodel.html",
        "claim": "Python's language reference guarantees that dictionaries preserve insertion order starting with "
        "Python 3.7; in CPython 3.6 this behaviour existed only as an implementation detail.",
        "detail": S,
        "note": "Sents 282 and 291-295.",
    },
    {
        "page": "reference/datamodel.html",
        "claim": "Using NotImplemented in a boolean context has been deprecated since Python 3.9 and now raises a "
        "TypeError.",
        "detail": P,
        "note": "Sents 111-115: it still evaluates as true with a DeprecationWarning; TypeError only in a future "
        "version.",
    },
    {
        "page": "reference/datamodel.html",
        "claim": "Python's data model reference states that integers from -5 to 256 are cached, so after a = 1 and "
        "b = 1 both names always refer to the same object.",
        "detail": N,
        "note": "Contradicted: sents 69-70 say a and b may or may not refer to the same object; no cache range is "
        "given.",
    },
    # whatsnew/3.11.html
    {
        "page": "whatsnew/3.11.html",
        "claim": "Python 3.11 runs 10–60% faster than Python 3.10, with an average speedup of 1.25x on the standard "
        "benchmark suite.",
        "detail": S,
        "note": "Sents 15-19.",
    },
    {
        "page": "whatsnew/3.11.html",
        "claim": "To mitigate CVE-2020-10735, Python 3.11 limits int-to-str conversions in non-power-of-two bases to "
        "a default of 10,000 digits, raising ValueError beyond it.",
        "detail": P,
        "note": "Sents 244-255: the default limit is 4300 digits.",
    },
    {
        "page": "whatsnew/3.11.html",
        "claim": "Python 3.11 makes siphash13 the default hash() algorithm for str and bytes because it is slightly "
        "faster than siphash24 for short inputs.",
        "detail": P,
        "note": "Sents 207-211: siphash13 is slightly faster for long inputs, not short ones.",
    },
    {
        "page": "whatsnew/3.11.html",
        "claim": "Python 3.11 removed the global interpreter lock for pure-Python threads as part of the Faster "
        "CPython project.",
        "detail": N,
        "note": "Not stated; the GIL is never mentioned.",
    },
    # tutorial/datastructures.html
    {
        "page": "tutorial/datastructures.html",
        "claim": "The Python tutorial advises against using lists as queues, since inserting or popping at the front "
        "shifts every other element, and recommends collections.deque instead.",
        "detail": S,
        "note": "Sents 144-148.",
    },
    {
        "page": "tutorial/datastructures.html",
        "claim": "In Python, an empty set can be created with either set() or empty curly braces, and sets support "
        "union, intersection, difference and symmetric difference.",
        "detail": P,
        "note": "Sents 385-387: {} creates an empty dictionary; set operations (383) are right.",
    },
    {
        "page": "tutorial/datastructures.html",
        "claim": "The tutorial reports that list comprehensions typically run about twice as fast as equivalent for "
        "loops that call append().",
        "detail": N,
        "note": "Not stated; the page only calls them more concise and readable (sent 184).",
    },
    # tutorial/errors.html
    {
        "page": "tutorial/errors.html",
        "claim": "When a finally clause contains a return statement, its value replaces the try clause's return "
        "value, and an exception not handled by any except clause is re-raised only after finally runs.",
        "detail": S,
        "note": "Sents 313-314 and 321-322.",
    },
    {
        "page": "tutorial/errors.html",
        "claim": "A try statement may have several except clauses, of which at most one runs, and Python chooses the "
        "most specific matching handler regardless of the order they appear.",
        "detail": P,
        "note": "Sents 110-111: the first matching except clause is triggered, so order matters.",
    },
    {
        "page": "tutorial/errors.html",
        "claim": "Python's raise statement accepts a from clause to mark one exception as the direct cause of "
        "another, and writing 'from None' keeps the original exception attached as context.",
        "detail": P,
        "note": "Sent 270: 'from None' disables automatic exception chaining; the from clause (250-253) is right.",
    },
    # tutorial/classes.html
    {
        "page": "tutorial/classes.html",
        "claim": "The Python tutorial describes the class mechanism as a mix of those in C++ and Modula-3, "
        "supporting multiple base classes and letting derived classes override any base-class method.",
        "detail": S,
        "note": "Sents 7-8.",
    },
    {
        "page": "tutorial/classes.html",
        "claim": "Calling x.f() on an instance is exactly equivalent to calling MyClass.f(x), because Python passes "
        "the instance object as the method function's first argument.",
        "detail": S,
        "note": "Sents 327-332.",
    },
    {
        "page": "tutorial/classes.html",
        "claim": "During execution there are three or four nested scopes, and name lookup searches the built-in "
        "names first and the local names last.",
        "detail": P,
        "note": "Sents 92-96: the innermost (local) scope is searched first and built-ins last.",
    },
    {
        "page": "tutorial/classes.html",
        "claim": "The tutorial explains that Python enforces private attributes: names with a double-underscore "
        "prefix cannot be accessed from outside the class.",
        "detail": N,
        "note": "Not stated in the kept text; sent 11 says class members are normally public.",
    },
    # tutorial/modules.html
    {
        "page": "tutorial/modules.html",
        "claim": "The tutorial stresses that code does not run any faster from a .pyc file than from a .py file; the "
        "only gain from cached bytecode is faster loading.",
        "detail": S,
        "note": "Sents 218-222.",
    },
    {
        "page": "tutorial/modules.html",
        "claim": "The -O command-line switch removes both assert statements and __doc__ strings from compiled "
        "modules, producing smaller optimized .pyc files.",
        "detail": P,
        "note": "Sents 209-211: -O removes only asserts; -OO removes asserts and docstrings.",
    },
    {
        "page": "tutorial/modules.html",
        "claim": "The Python tutorial notes that compiled .pyc files are platform-specific and must be regenerated "
        "for each processor architecture.",
        "detail": N,
        "note": "Contradicted: sent 201 says compiled modules are platform-independent.",
    },
    # library/functools.html
    {
        "page": "library/functools.html",
        "claim": "functools.cache, new in Python 3.9, is equivalent to lru_cache(maxsize=None) and, because it never "
        "evicts entries, is smaller and faster than a size-limited lru_cache.",
        "detail": S,
        "note": "Sents 10-18.",
    },
    {
        "page": "library/functools.html",
        "claim": "functools.singledispatch selects an implementation based on the type of the first argument, and "
        "since Python 3.11 register() accepts union types such as int | float.",
        "detail": S,
        "note": "Sents 239-240, 262-267 and 342-345.",
    },
    {
        "page": "library/functools.html",
        "claim": "Applied without arguments, functools.lru_cache keeps up to 256 recent calls, and its cache_info() "
        "method reports hits, misses, maxsize and currsize.",
        "detail": P,
        "note": "Sent 85: the default maxsize is 128; cache_info (100-102) is right.",
    },
    {
        "page": "library/functools.html",
        "claim": "The functools documentation warns that lru_cache is not thread-safe, so a wrapped function must be "
        "protected with a lock in multithreaded code.",
        "detail": N,
        "note": "Contradicted: sent 78 says the cache is threadsafe.",
    },
    # library/collections.html
    {
        "page": "library/collections.html",
        "claim": "A collections.ChainMap searches each of its underlying mappings in turn for lookups, but writes, "
        "updates and deletions only change the first mapping.",
        "detail": S,
        "note": "Sents 32-33 (and 134-135).",
    },
    {
        "page": "library/collections.html",
        "claim": "Counter.total(), which sums all the counts stored in a collections.Counter, was introduced in "
        "Python 3.8.",
        "detail": P,
        "note": "Sents 229-233: total() is new in version 3.10.",
    },
    {
        "page": "library/collections.html",
        "claim": "When a bounded collections.deque created with maxlen is full, appending another item raises "
        "IndexError instead of discarding items from the opposite end.",
        "detail": P,
        "note": "Sents 346-349: items are discarded from the opposite end; no error is raised.",
    },
    # library/itertools.html
    {
        "page": "library/itertools.html",
        "claim": "itertools.groupby() starts a new group each time the key value changes, so input usually needs "
        "sorting by the same key, unlike SQL's GROUP BY which ignores input order.",
        "detail": S,
        "note": "Sents 192-200.",
    },
    {
        "page": "library/itertools.html",
        "claim": "The itertools recipes are mainly educational but also act as an incubator: accumulate(), "
        "compress() and pairwise() all started out as recipes.",
        "detail": S,
        "note": "Sents 352 and 364-367.",
    },
    {
        "page": "library/itertools.html",
        "claim": "itertools.pairwise(), added in Python 3.9, yields overlapping pairs and produces one fewer tuple "
        "than the number of input items.",
        "detail": P,
        "note": "Sents 265-270: pairwise() is new in version 3.10.",
    },
    {
        "page": "library/itertools.html",
        "claim": "Like ordinary slicing, itertools.islice() returns selected elements from an iterable and accepts "
        "negative values for its start, stop and step arguments.",
        "detail": P,
        "note": "Sents 252-253: islice() does not support negative start, stop or step.",
    },
    {
        "page": "library/itertools.html",
        "claim": "The itertools documentation guarantees that iterators returned by tee() are thread-safe whenever "
        "the original iterable is thread-safe.",
        "detail": N,
        "note": "Contradicted: sents 332-334 say tee iterators are not threadsafe even then.",
    },
    # library/dataclasses.html
    {
        "page": "library/dataclasses.html",
        "claim": "With @dataclass, setting eq=True and frozen=True generates a __hash__() method, whereas eq=True "
        "with frozen=False sets __hash__ to None, making instances unhashable.",
        "detail": S,
        "note": "Sents 113-116.",
    },
    {
        "page": "library/dataclasses.html",
        "claim": "The dataclasses module, introduced in Python 3.7 from PEP 557, raises TypeError when a field "
        "lacking a default value follows a field that has one.",
        "detail": S,
        "note": "Sents 6-7 (PEP 557), 31-32 (new in 3.7) and 161-164.",
    },
    {
        "page": "library/dataclasses.html",
        "claim": "The dataclass decorator's order parameter defaults to True, so __lt__(), __le__(), __gt__() and "
        "__ge__() are generated to compare instances like tuples of fields.",
        "detail": P,
        "note": "Sent 82: order defaults to False.",
    },
    {
        "page": "library/dataclasses.html",
        "claim": "The weakref_slot option of @dataclass, new in Python 3.10, adds a __weakref__ slot and can only be "
        "used together with slots=True.",
        "detail": P,
        "note": "Sents 152-157: weakref_slot is new in version 3.11.",
    },
    {
        "page": "library/dataclasses.html",
        "claim": "The dataclass decorator checks field values against their type annotations when an instance is "
        "created and raises TypeError on a mismatch.",
        "detail": N,
        "note": "Contradicted: sents 40-41 say nothing in dataclass() examines the annotated type (two exceptions "
        "aside).",
    },
    # library/enum.html
    {
        "page": "library/enum.html",
        "claim": "Members of an enum.Flag support the bitwise operators &, |, ^ and ~, and the results of these "
        "operations are themselves members of the enumeration.",
        "detail": S,
        "note": "Sents 293-296.",
    },
    {
        "page": "library/enum.html",
        "claim": "The enum module first appeared in Python 3.4; Flag, IntFlag and auto followed in 3.6, and StrEnum "
        "and ReprEnum were added in Python 3.11.",
        "detail": S,
        "note": "Sents 1-2 and 62-65.",
    },
    {
        "page": "library/enum.html",
        "claim": "IntEnum members behave like integers, and the result of an integer operation on an IntEnum member "
        "keeps its enumeration status.",
        "detail": P,
        "note": "Sent 261: the result loses its enumeration status.",
    },
    {
        "page": "library/enum.html",
        "claim": "In Python 3.11, testing whether a non-member value is contained in an Enum class simply returns "
        "False rather than raising an error.",
        "detail": P,
        "note": "Sents 77-80: until 3.12 a TypeError is raised for non-members in a containment check.",
    },
    # howto/logging.html
    {
        "page": "howto/logging.html",
        "claim": "Python's logging package tracks only events of WARNING severity and above by default, which is why "
        "a bare logging.info() call prints nothing.",
        "detail": S,
        "note": "Sents 52-54 and 64-70.",
    },
    {
        "page": "howto/logging.html",
        "claim": "The Logging HOWTO recommends creating a module-level logger with logging.getLogger(__name__) so "
        "that logger names follow the package and module hierarchy.",
        "detail": S,
        "note": "Sents 280-283.",
    },
    {
        "page": "howto/logging.html",
        "claim": "Each call to logging.basicConfig() reconfigures the root logger, so calling it again later replaces "
        "the format and level set previously.",
        "detail": P,
        "note": "Sents 137-139: only the first call does anything; later calls are no-ops.",
    },
    {
        "page": "howto/logging.html",
        "claim": "The encoding argument to logging.basicConfig(), added in Python 3.7, lets a log file be written in "
        "a chosen encoding such as UTF-8.",
        "detail": P,
        "note": "Sents 95-96: the encoding argument was added in 3.9.",
    },
    {
        "page": "howto/logging.html",
        "claim": "The Logging HOWTO explains that log records are written by a background thread by default so that "
        "logging calls never block the application.",
        "detail": N,
        "note": "Not stated anywhere in the kept text.",
    },
    # howto/unicode.html
    {
        "page": "howto/unicode.html",
        "claim": "In UTF-8, code points below 128 are stored as a single byte, while higher code points become "
        "sequences of two to four bytes, each with a value between 128 and 255.",
        "detail": S,
        "note": "Sents 86-88.",
    },
    {
        "page": "howto/unicode.html",
        "claim": "Python ships with roughly 200 different encodings, and some have several names, so 'latin-1' and "
        "'iso_8859_1' refer to the same encoding.",
        "detail": P,
        "note": "Sents 172-177: roughly 100 encodings, not 200.",
    },
    {
        "page": "howto/unicode.html",
        "claim": "To use a source encoding other than UTF-8, a Python file must declare it in a special coding "
        "comment placed on the very first line.",
        "detail": P,
        "note": "Sent 258: the comment may be on the first or second line.",
    },
    {
        "page": "howto/unicode.html",
        "claim": "The Unicode HOWTO notes that CPython stores every str internally as UTF-16, which doubles memory "
        "use for ASCII-only text.",
        "detail": N,
        "note": "Not stated; the page never describes the internal string representation.",
    },
    # faq/design.html
    {
        "page": "faq/design.html",
        "claim": "CPython lists are variable-length arrays holding references to objects rather than linked lists, "
        "so the cost of indexing a[i] does not depend on the list's size.",
        "detail": S,
        "note": "Sents 309-312.",
    },
    {
        "page": "faq/design.html",
        "claim": "Python's Design FAQ says the explicit self convention was borrowed from Modula-3 and makes it "
        "obvious when code uses an instance attribute rather than a local variable.",
        "detail": S,
        "note": "Sents 71-79.",
    },
    {
        "page": "faq/design.html",
        "claim": "Assignment expressions using the walrus operator :=, described in PEP 572, have been available "
        "since Python 3.6.",
        "detail": P,
        "note": "Sents 120-127: available starting in Python 3.8.",
    },
    {
        "page": "faq/design.html",
        "claim": "CPython stores floats as C doubles with typically 53 bits of precision, which gives Python floats "
        "about 12 decimal digits of accuracy.",
        "detail": P,
        "note": "Sent 60: 53 bits give 15-16 decimal digits, not 12.",
    },
    {
        "page": "faq/design.html",
        "claim": "The Design FAQ says CPython avoids a traditional tracing garbage collector mainly because it would "
        "slow the interpreter on multi-core machines.",
        "detail": N,
        "note": "Not stated; sents 272-277 give portability and embedding (malloc/free) as the reasons.",
    },
    # library/contextlib.html
    {
        "page": "library/contextlib.html",
        "claim": "contextlib.chdir(), new in Python 3.11, changes the working directory on entry and restores the "
        "previous one on exit, but is unsuitable for most threaded or async code.",
        "detail": S,
        "note": "Sents 196-204.",
    },
    {
        "page": "library/contextlib.html",
        "claim": "A generator used with the contextlib.contextmanager decorator must yield exactly one value, which "
        "gets bound to the target of the with statement's as clause.",
        "detail": S,
        "note": "Sents 53-56.",
    },
    {
        "page": "library/contextlib.html",
        "claim": "Because it changes sys.stdout globally, contextlib.redirect_stdout() is unsuitable for library "
        "code, although it does capture the output of subprocesses too.",
        "detail": P,
        "note": "Sent 183: it has no effect on the output of subprocesses.",
    },
    {
        "page": "library/contextlib.html",
        "claim": "contextlib.ExitStack invokes its registered callbacks in reverse order when closed, and also runs "
        "them automatically when the ExitStack object is garbage collected.",
        "detail": P,
        "note": "Sents 251-252: callbacks are not invoked implicitly on garbage collection.",
    },
    {
        "page": "library/contextlib.html",
        "claim": "contextlib.suppress() logs every exception it suppresses at DEBUG level before execution resumes "
        "after the with statement.",
        "detail": N,
        "note": "Not stated; sents 144-157 describe suppression with no logging.",
    },
    # library/pathlib.html
    {
        "page": "library/pathlib.html",
        "claim": "pathlib, added in Python 3.4, splits its classes into pure paths, which offer purely computational "
        "operations without I/O, and concrete paths, which add I/O operations.",
        "detail": S,
        "note": "Sents 1-2 (new in 3.4) and 6 (pure vs concrete paths).",
    },
    {
        "page": "library/pathlib.html",
        "claim": "pathlib's PurePath.parents gives an immutable sequence of a path's logical ancestors and has "
        "supported slices and negative indexes since Python 3.9.",
        "detail": P,
        "note": "Sents 228-234: slices and negative indexes were added in 3.10, not 3.9.",
    },
    {
        "page": "library/pathlib.html",
        "claim": "pathlib's PurePath.match() always compares glob patterns case-insensitively, whatever the "
        "platform's path flavour.",
        "detail": N,
        "note": "Contradicted: sents 360-366 say case-sensitivity follows platform defaults (PurePosixPath is "
        "case-sensitive).",
    },
    # library/re.html
    {
        "page": "library/re.html",
        "claim": "Python's re module gained possessive quantifiers such as *+ and ++ in version 3.11; unlike "
        "ordinary greedy quantifiers, they never allow backtracking.",
        "detail": S,
        "note": "Sents 119-126 (possessive quantifiers, no back-tracking) and 141-142 (new in 3.11).",
    },
    {
        "page": "library/re.html",
        "claim": "In Python regular expressions, alternatives separated by '|' are tried from right to left, and "
        "once one branch matches completely, the others are not tested.",
        "detail": P,
        "note": "Sents 236-242: branches are tried from left to right, not right to left.",
    },
    {
        "page": "library/re.html",
        "claim": "Since Python 3.11, invalid escape sequences in ordinary string literals raise a SyntaxError, which "
        "is why regular expression patterns must be written as raw strings.",
        "detail": N,
        "note": "Contradicted: sents 18-20 say they generate a DeprecationWarning and will only become a SyntaxError "
        "in the future; sent 29 says patterns are usually, not necessarily, raw strings.",
    },
    # library/os.path.html
    {
        "page": "library/os.path.html",
        "claim": "Unlike the Unix basename program, Python's os.path.basename() returns an empty string for a path "
        "ending in a slash, such as '/foo/bar/'.",
        "detail": S,
        "note": "Sents 57-60.",
    },
    {
        "page": "library/os.path.html",
        "claim": "os.path.exists() returns True for broken symbolic links and, since Python 3.3, also accepts an "
        "integer open file descriptor.",
        "detail": P,
        "note": "Sent 108: exists() returns False for broken symlinks (lexists() returns True, 123-124); the 3.3 "
        "file descriptor change (114-116) is right.",
    },
    {
        "page": "library/os.path.html",
        "claim": "os.path.expanduser() raises a KeyError whenever it cannot determine the home directory of the "
        "requested user.",
        "detail": N,
        "note": "Contradicted: sent 140 says if the expansion fails the path is returned unchanged.",
    },
    # library/subprocess.html
    {
        "page": "library/subprocess.html",
        "claim": "If the timeout given to subprocess.run() expires, the child process is killed and waited for "
        "before the TimeoutExpired exception is re-raised.",
        "detail": S,
        "note": "Sents 44-49.",
    },
    {
        "page": "library/subprocess.html",
        "claim": "The capture_output parameter of subprocess.run(), added in Python 3.7, captures both output "
        "streams by creating the internal Popen object with stdout=PIPE and stderr=PIPE.",
        "detail": S,
        "note": "Sents 38-39 (capture_output uses stdout=PIPE and stderr=PIPE) and 85-88 (added in 3.7).",
    },
    {
        "page": "library/subprocess.html",
        "claim": "When Popen runs a command with shell=True, the default shell is /bin/bash on POSIX systems, while "
        "on Windows the COMSPEC environment variable specifies it.",
        "detail": P,
        "note": "Sent 335: on POSIX the shell defaults to /bin/sh, not /bin/bash; COMSPEC on Windows (349-350) is "
        "right.",
    },
    # library/argparse.html
    {
        "page": "library/argparse.html",
        "claim": "Parent parsers passed through argparse's parents= argument usually set add_help=False, because "
        "otherwise the child parser sees two -h/--help options and raises an error.",
        "detail": S,
        "note": "Sents 351-354.",
    },
    {
        "page": "library/argparse.html",
        "claim": "ArgumentParser's exit_on_error parameter, which decides whether the parser exits with error "
        "information when an error occurs, was added in Python 3.5.",
        "detail": P,
        "note": "Sents 180-182 describe exit_on_error; sents 188-189 say it was added in 3.9 (3.5 added "
        "allow_abbrev, 183-184).",
    },
    {
        "page": "library/argparse.html",
        "claim": "argparse automatically reads default values for options from environment variables named after "
        "each argument when they are not given on the command line.",
        "detail": N,
        "note": "Not stated; sent 53 says the default is None unless set with default=, and no environment lookup is "
        "described.",
    },
    # library/string.html
    {
        "page": "library/string.html",
        "claim": "In Python's format specification mini-language, the '_' option, added in 3.6 through PEP 515, "
        "inserts an underscore every four digits for binary, octal and hexadecimal output.",
        "detail": S,
        "note": "Sents 316-325.",
    },
    {
        "page": "library/string.html",
        "claim": "Format strings used by str.format() escape literal braces by doubling them, and unlike formatted "
        "string literals they do not support arbitrary expressions.",
        "detail": S,
        "note": "Sents 136-147.",
    },
    {
        "page": "library/string.html",
        "claim": "The 'z' format option, introduced in Python 3.10 by PEP 682, coerces negative zero floating-point "
        "values to positive zero after rounding.",
        "detail": P,
        "note": "Sents 288-293: the 'z' option was added in 3.11, not 3.10.",
    },
    # library/typing.html
    {
        "page": "library/typing.html",
        "claim": "At runtime, a type made with typing.NewType is just a callable that returns its argument "
        "unchanged, and since Python 3.10 NewType has been a class rather than a function.",
        "detail": S,
        "note": "Sents 104-112 (runtime behaviour) and 140-141 (class since 3.10).",
    },
    {
        "page": "library/typing.html",
        "claim": "PEP 604 lets Python code write union types as X | Y, while PEP 612 introduced TypeVarTuple to "
        "support variadic generics.",
        "detail": P,
        "note": "Sents 39-47: PEP 612 introduced ParamSpec and Concatenate; TypeVarTuple came from PEP 646.",
    },
    {
        "page": "library/typing.html",
        "claim": "The typing docs explain that a type alias such as Vector = list[float] creates a distinct subtype, "
        "so a plain list of floats is rejected where Vector is expected.",
        "detail": N,
        "note": "Contradicted: sents 55-61 and 125-128 say an alias is treated as exactly equivalent to the original "
        "type; it is NewType that creates a distinct subtype.",
    },
    # library/asyncio-task.html
    {
        "page": "library/asyncio-task.html",
        "claim": "Because the asyncio event loop keeps only weak references to tasks, the docs tell programmers to "
        "save a reference to the task returned by create_task() so it is not garbage collected mid-execution.",
        "detail": S,
        "note": "Sents 135-137.",
    },
    {
        "page": "library/asyncio-task.html",
        "claim": "With return_exceptions left at its default of False, asyncio.gather() immediately propagates the "
        "first raised exception and cancels the other awaitables that are still running.",
        "detail": P,
        "note": "Sents 266-270: the first exception is propagated but the other awaitables are not cancelled and "
        "keep running.",
    },
    {
        "page": "library/asyncio-task.html",
        "claim": "According to the asyncio documentation, calling asyncio.sleep() with a delay of 0 returns "
        "immediately without suspending the current task.",
        "detail": N,
        "note": "Contradicted: sents 244-246 say sleep() always suspends the current task; a delay of 0 is an "
        "optimized path that lets other tasks run.",
    },
    # library/unittest.html
    {
        "page": "library/unittest.html",
        "claim": "Python's unittest framework was originally inspired by JUnit, and running python -m unittest with "
        "no arguments starts test discovery.",
        "detail": S,
        "note": "Sents 4-6 (inspired by JUnit) and 156-157, 212-213 (no arguments starts discovery).",
    },
    {
        "page": "library/unittest.html",
        "claim": "By default, unittest test discovery starts from the current directory and loads test files whose "
        "names match the pattern *_test.py.",
        "detail": P,
        "note": "Sents 219-224: the start directory defaults to '.', but the default pattern is test*.py, not "
        "*_test.py.",
    },
    {
        "page": "library/unittest.html",
        "claim": "unittest runs the test methods of a TestCase in random order by default, to expose hidden "
        "dependencies between tests.",
        "detail": N,
        "note": "Contradicted: sent 343 says the order is determined by sorting the test method names.",
    },
    # library/sqlite3.html
    {
        "page": "library/sqlite3.html",
        "claim": "Written by Gerhard Häring, Python's sqlite3 module provides an SQL interface compliant with the "
        "DB-API 2.0 specification of PEP 249 and requires SQLite 3.7.15 or newer.",
        "detail": S,
        "note": "Sents 6-12.",
    },
    {
        "page": "library/sqlite3.html",
        "claim": "By default, sqlite3.connect() waits ten seconds on a locked database before raising an exception "
        "and caches up to 128 SQL statements per connection.",
        "detail": P,
        "note": "Sents 202-204: the default timeout is five seconds, not ten; 128 cached statements (229-230) is "
        "right.",
    },
    {
        "page": "library/sqlite3.html",
        "claim": "sqlite3 connections can be shared freely between threads by default, because the check_same_thread "
        "parameter of connect() defaults to False.",
        "detail": N,
        "note": "Contradicted: sents 220-222 say check_same_thread defaults to True and using the connection from "
        "another thread raises ProgrammingError.",
    },
    # library/urllib.parse.html
    {
        "page": "library/urllib.parse.html",
        "claim": "urllib.parse.urlparse() splits a URL into a six-item named tuple and, following RFC 1808, "
        "recognizes a network location only when it is introduced by '//'.",
        "detail": S,
        "note": "Sents 22-23 (six components, 6-item named tuple) and 63-64 (netloc only after '//').",
    },
    {
        "page": "library/urllib.parse.html",
        "claim": "Since Python 3.10, urllib.parse.parse_qs() accepts only a single query-string separator, which "
        "defaults to ';' rather than '&'.",
        "detail": P,
        "note": "Sents 177-184: a single separator since 3.10, but the default is '&', not ';'.",
    },
    {
        "page": "library/urllib.parse.html",
        "claim": "Reading the port attribute of a urlparse() result raises ValueError for an invalid port, and "
        "out-of-range port numbers have done so instead of returning None since Python 3.8.",
        "detail": P,
        "note": "Sents 104-105 (ValueError for an invalid port) and 138-140: the out-of-range change came in 3.6, "
        "not 3.8.",
    },
    # library/hashlib.html
    {
        "page": "library/hashlib.html",
        "claim": "The hashlib docs say named constructors like sha256() are much faster than the generic "
        "hashlib.new(), which also gives access to extra algorithms offered by OpenSSL.",
        "detail": S,
        "note": "Sents 75-82.",
    },
    {
        "page": "library/hashlib.html",
        "claim": "For better multithreading performance, hashlib releases the GIL when more than 4096 bytes of data "
        "are hashed at object creation or on update.",
        "detail": P,
        "note": "Sent 25: the threshold is data larger than 2047 bytes, not 4096.",
    },
    {
        "page": "library/hashlib.html",
        "claim": "The hashlib module provides adler32() and crc32() constructors alongside md5() and the SHA family "
        "for computing checksums.",
        "detail": N,
        "note": "Contradicted: sents 9-10 say adler32 and crc32 are available in the zlib module.",
    },
    # library/textwrap.html
    {
        "page": "library/textwrap.html",
        "claim": "textwrap.dedent() removes common leading whitespace from every line, but it treats a line indented "
        "with two spaces and one indented with a tab as having no common whitespace.",
        "detail": S,
        "note": "Sents 50-56.",
    },
    {
        "page": "library/textwrap.html",
        "claim": "textwrap.wrap() wraps a single paragraph to a default width of 80 characters and returns the lines "
        "as a list without final newlines.",
        "detail": P,
        "note": "Sents 8-12 and 91-92: the default width is 70, not 80.",
    },
    {
        "page": "library/textwrap.html",
        "claim": "TextWrapper's fix_sentence_endings option is enabled by default and detects sentence endings "
        "reliably in any language.",
        "detail": N,
        "note": "Contradicted: sents 138-164 say it is false by default, the algorithm is imperfect and it is "
        "specific to English-language texts.",
    },
    # library/shutil.html
    {
        "page": "library/shutil.html",
        "claim": "shutil.copy() copies a file's data and permission mode but not metadata such as modification "
        "times, which shutil.copy2() additionally tries to preserve.",
        "detail": S,
        "note": "Sents 125-130 and 143.",
    },
    {
        "page": "library/shutil.html",
        "claim": "Since Python 3.8, shutil's copy functions may use platform fast-copy syscalls, and on Windows "
        "copyfile() uses a default buffer of 4 MiB instead of 64 KiB.",
        "detail": P,
        "note": "Sents 353-358 (fast-copy since 3.8) and 366-368: the Windows buffer is 1 MiB, not 4 MiB.",
    },
    {
        "page": "library/shutil.html",
        "claim": "According to the shutil documentation, copy2() preserves the file owner, group and ACLs when "
        "copying files on POSIX platforms.",
        "detail": N,
        "note": "Contradicted: sents 10-14 say even copy() and copy2() lose the file owner, group and ACLs on POSIX.",
    },
    # library/pickle.html
    {
        "page": "library/pickle.html",
        "claim": "Pickle protocol version 4, added in Python 3.4, supports very large objects and has been the "
        "default protocol since Python 3.8.",
        "detail": S,
        "note": "Sents 105-109 and 146-153.",
    },
    {
        "page": "library/pickle.html",
        "claim": "Pickle protocol 5, introduced in Python 3.7 by PEP 574, adds support for out-of-band data and "
        "speeds up in-band data.",
        "detail": P,
        "note": "Sents 111-114: protocol 5 was added in Python 3.8, not 3.7.",
    },
    {
        "page": "library/pickle.html",
        "claim": "Python's pickle module serializes functions by value, storing their code, so the defining module "
        "does not need to be importable when the data is unpickled.",
        "detail": N,
        "note": "Contradicted: sents 389-392 say functions are pickled by fully qualified name and the module must "
        "be importable.",
    },
    # library/decimal.html
    {
        "page": "library/decimal.html",
        "claim": "The decimal module offers a user-alterable precision that defaults to 28 places, and its default "
        "context rounds using ROUND_HALF_EVEN.",
        "detail": S,
        "note": "Sents 53 (28 places) and 99-100 (default context prec=28, rounding=ROUND_HALF_EVEN).",
    },
    {
        "page": "library/decimal.html",
        "claim": "Because decimal keeps trailing zeros to show significance, 1.30 + 1.20 gives 2.50, which the docs "
        "call the customary presentation for monetary applications.",
        "detail": S,
        "note": "Sents 35-41.",
    },
    {
        "page": "library/decimal.html",
        "claim": "The decimal module ships two standard contexts: BasicContext, useful for debugging because many "
        "traps are enabled, and ExtendedContext, which has a precision of 12 digits and no traps.",
        "detail": P,
        "note": "Sents 292-296 and 302-304: ExtendedContext has prec=9, not 12.",
    },
    # library/fractions.html
    {
        "page": "library/fractions.html",
        "claim": "Because of binary floating-point limits, Fraction(1.1) is not equal to Fraction(11, 10), although "
        "calling limit_denominator() on it recovers 11/10.",
        "detail": S,
        "note": "Sents 27-31 and 103-105.",
    },
    {
        "page": "library/fractions.html",
        "claim": "Fraction.limit_denominator() returns the closest Fraction whose denominator is at most "
        "max_denominator, which defaults to 10,000.",
        "detail": P,
        "note": "Sents 95-97: max_denominator defaults to 1000000, not 10,000.",
    },
    {
        "page": "library/fractions.html",
        "claim": "When a Fraction is passed to Python's built-in round() function, halves are rounded away from zero.",
        "detail": N,
        "note": "Contradicted: sents 117-124 say __round__ rounds half to even.",
    },
    # tutorial/inputoutput.html
    {
        "page": "tutorial/inputoutput.html",
        "claim": "The Python tutorial recommends passing encoding='utf-8' when opening text files, since the default "
        "encoding is platform dependent and UTF-8 is the modern de-facto standard.",
        "detail": S,
        "note": "Sents 290-293.",
    },
    {
        "page": "tutorial/inputoutput.html",
        "claim": "In text mode, Python converts platform-specific line endings to \\n when reading, which is fine "
        "for text but would corrupt binary data such as JPEG or EXE files.",
        "detail": S,
        "note": "Sents 297-306.",
    },
    {
        "page": "tutorial/inputoutput.html",
        "claim": "If open() is called without a mode argument, Python assumes 'r+', which opens the file for both "
        "reading and writing.",
        "detail": P,
        "note": "Sents 284-287: 'r+' is reading and writing, but 'r' is assumed when the mode is omitted.",
    },
    # tutorial/introduction.html
    {
        "page": "tutorial/introduction.html",
        "claim": "In Python's interactive mode, the last printed expression is stored in the variable _, which users "
        "should treat as read-only rather than assign to.",
        "detail": S,
        "note": "Sents 98-99 and 115-116.",
    },
    {
        "page": "tutorial/introduction.html",
        "claim": "Python automatically joins string literals placed next to each other, but this works only for "
        "literals, so variables or expressions must be concatenated with +.",
        "detail": S,
        "note": "Sents 207-209, 217 and 229.",
    },
    {
        "page": "tutorial/introduction.html",
        "claim": "Python raw strings, written with an r before the opening quote, keep backslashes literally but may "
        "not end in an even number of backslash characters.",
        "detail": P,
        "note": "Sents 173-175 and 181-182: a raw string may not end in an odd number of backslashes.",
    },
    # reference/lexical_analysis.html
    {
        "page": "reference/lexical_analysis.html",
        "claim": "The soft keywords match, case and _, introduced in Python 3.10, act as keywords only in "
        "pattern-matching contexts, so existing code can still use them as identifiers.",
        "detail": S,
        "note": "Sents 228-240.",
    },
    {
        "page": "reference/lexical_analysis.html",
        "claim": "Python's 'f' string prefix can be combined with 'r' to make raw formatted strings and with 'b' to "
        "make formatted bytes literals.",
        "detail": P,
        "note": "Sents 345-347: 'f' may be combined with 'r' but not with 'b'; formatted bytes literals are not "
        "possible.",
    },
    {
        "page": "reference/lexical_analysis.html",
        "claim": "As of Python 3.11, octal escapes in string literals with a value larger than 0o377 are rejected "
        "with a SyntaxError.",
        "detail": P,
        "note": "Sents 385-388: in 3.11 they produce a DeprecationWarning; a SyntaxError is only planned eventually.",
    },
    # reference/compound_stmts.html
    {
        "page": "reference/compound_stmts.html",
        "claim": "If a finally clause executes return, break or continue, any saved exception is discarded, and a "
        "return in finally always overrides a return from the try suite.",
        "detail": S,
        "note": "Sents 305-306 and 319-330.",
    },
    {
        "page": "reference/compound_stmts.html",
        "claim": "Python's except* clauses handle exception groups, with each exception handled by at most one "
        "clause, and they can be freely mixed with plain except clauses in one try statement.",
        "detail": P,
        "note": "Sents 234-244 are right, but sents 275-276 say except and except* cannot be mixed in the same try.",
    },
    {
        "page": "reference/compound_stmts.html",
        "claim": "After a for loop finishes, Python deletes the names in its target list, so the loop variable "
        "cannot be used after the loop.",
        "detail": N,
        "note": "Contradicted: sent 115 says names in the target list are not deleted when the loop is finished.",
    },
    # howto/functional.html
    {
        "page": "howto/functional.html",
        "claim": "A. M. Kuchling's Functional Programming HOWTO notes that list comprehensions and generator "
        "expressions were borrowed from Haskell, and that generator expressions compute values only as needed.",
        "detail": S,
        "note": "Sents 1-4 (author), 222 (borrowed from Haskell) and 240-242 (computed as necessary).",
    },
    {
        "page": "howto/functional.html",
        "claim": "The Functional Programming HOWTO says that, starting with Python 3.6, iterating over a dictionary "
        "is guaranteed to follow insertion order.",
        "detail": P,
        "note": "Sents 188-189: the guarantee starts with Python 3.7, not 3.6.",
    },
    {
        "page": "howto/functional.html",
        "claim": "The Functional Programming HOWTO presents formal proofs of correctness as a practical, routine way "
        "to verify everyday Python software.",
        "detail": N,
        "note": "Contradicted: sents 68-69 say proving programs correct is largely impractical and not relevant to "
        "Python software.",
    },
    # faq/programming.html
    {
        "page": "faq/programming.html",
        "claim": "Lambdas defined in a loop all return the same result because they look up the loop variable when "
        "called, not when defined; binding it as a default argument such as n=x fixes this.",
        "detail": S,
        "note": "Sents 116-141 (late lookup) and 147-155 (n=x default).",
    },
    {
        "page": "faq/programming.html",
        "claim": "Among tools for building stand-alone executables, the Programming FAQ lists PyInstaller and Nuitka "
        "as cross-platform, py2exe as Windows-only and py2app as cross-platform.",
        "detail": P,
        "note": "Sents 37-42: py2app is listed as macOS only.",
    },
    {
        "page": "faq/programming.html",
        "claim": "Python's Programming FAQ says that emulating output parameters with global variables is "
        "thread-safe but not recommended, and that returning a tuple is usually clearest.",
        "detail": P,
        "note": "Sent 318 says using global variables is not thread-safe; returning a tuple as the clearest solution "
        "(316, 339) is right.",
    },
    # glossary.html
    {
        "page": "glossary.html",
        "claim": "The Python glossary describes EAFP as a clean, fast coding style that assumes valid keys or "
        "attributes exist and catches exceptions otherwise, unlike the LBYL style common in C.",
        "detail": S,
        "note": "Sents 306-314.",
    },
    {
        "page": "glossary.html",
        "claim": "Python's floor division operator // rounds down to the nearest integer, so 11 // 4 evaluates to 2 "
        "and (-11) // 4 evaluates to -3.",
        "detail": S,
        "note": "Sents 373-381.",
    },
    {
        "page": "glossary.html",
        "claim": "According to the Python glossary, annotations of local variables, global variables and class "
        "attributes are all stored in __annotations__ and can be accessed at runtime.",
        "detail": P,
        "note": "Sents 34-37: annotations of local variables cannot be accessed at runtime.",
    },
    # whatsnew/3.10.html
    {
        "page": "whatsnew/3.10.html",
        "claim": "Python 3.10, released on October 4, 2021, introduced structural pattern matching through PEPs 634 "
        "to 636 and officially allowed parenthesized context managers.",
        "detail": S,
        "note": "Sents 7-8 (release date) and 11-15 (PEPs 634-636, parenthesized context managers).",
    },
    {
        "page": "whatsnew/3.10.html",
        "claim": "PEP 626 in Python 3.10 brought precise line numbers for debugging tools and deprecated the "
        "co_lnotab attribute, which is due to be removed in Python 3.11.",
        "detail": P,
        "note": "Sents 179-185: co_lnotab is to be removed in 3.12, not 3.11.",
    },
    {
        "page": "whatsnew/3.10.html",
        "claim": "In Python 3.10, a match statement that finds no matching case and has no wildcard raises a "
        "MatchError exception.",
        "detail": N,
        "note": "Contradicted: sents 208-212 and 259-263 say the match is then a no-op.",
    },
    # demo:www.cityhospital.example/health/burns-first-aid.html
    {
        "page": "demo:www.cityhospital.example/health/burns-first-aid.html",
        "claim": "City General Hospital advises cooling a burn under cool or lukewarm running water for 20 minutes, "
        "a step that still helps if started within three hours of the injury.",
        "detail": S,
        "note": "Sents 4-5.",
    },
    {
        "page": "demo:www.cityhospital.example/health/burns-first-aid.html",
        "claim": "City General Hospital says a burn needs emergency care if it is larger than the person's palm or "
        "if the injured person is a child under ten.",
        "detail": P,
        "note": "Sents 22-23 (larger than the palm) are right, but sent 27 says a child under five, not ten.",
    },
    {
        "page": "demo:www.cityhospital.example/health/burns-first-aid.html",
        "claim": "The hospital's first-aid guide recommends applying an antibiotic cream to every minor burn "
        "straight after cooling it.",
        "detail": N,
        "note": "Not stated and contradicted: sent 20 says creams and ointments should not be used until a health "
        "professional has checked any burn larger than a small spot.",
    },
    # demo:www.cityhospital.example/health/eating-rocks.html
    {
        "page": "demo:www.cityhospital.example/health/eating-rocks.html",
        "claim": "Pica, an eating disorder in which a person repeatedly eats non-food items for a month or longer, "
        "is more common in young children, during pregnancy and in iron-deficiency anaemia.",
        "detail": S,
        "note": "Sents 21-22.",
    },
    {
        "page": "demo:www.cityhospital.example/health/eating-rocks.html",
        "claim": "City General Hospital explains that eating earth or clay, called geophagia, is safe where it is a "
        "cultural tradition, although it can block iron absorption.",
        "detail": P,
        "note": "Sents 23-24: the name and iron-absorption risk are right, but the page says it still carries a risk "
        "of lead poisoning even where it is a tradition, not that it is safe.",
    },
    {
        "page": "demo:www.cityhospital.example/health/eating-rocks.html",
        "claim": "City General Hospital says swallowing a small stone is harmless for adults because it usually "
        "passes through the gut within a day.",
        "detail": N,
        "note": "Contradicted: sents 7-11 list harms of swallowing rocks, including blocking or tearing the bowel; "
        "no passage time is given.",
    },
    # demo:www.cityhospital.example/health/minerals-in-diet.html
    {
        "page": "demo:www.cityhospital.example/health/minerals-in-diet.html",
        "claim": "Women aged 19 to 50 need about 18 mg of iron a day, compared with about 8 mg for adult men, "
        "because of blood lost during menstruation, City General Hospital says.",
        "detail": S,
        "note": "Sent 10.",
    },
    {
        "page": "demo:www.cityhospital.example/health/minerals-in-diet.html",
        "claim": "City General Hospital says adults need about 1,000 mg of calcium a day, rising to 1,200 mg for "
        "women over 40 and for everyone over 70.",
        "detail": P,
        "note": "Sent 5: the higher amount applies to women over 50, not over 40.",
    },
    # demo:www.cityhospital.example/health/vitamin-d-sunlight.html
    {
        "page": "demo:www.cityhospital.example/health/vitamin-d-sunlight.html",
        "claim": "The skin makes vitamin D when exposed to the sun's UVB rays, but sitting behind a window does not "
        "help because glass blocks UVB, City General Hospital explains.",
        "detail": S,
        "note": "Sents 4 and 9.",
    },
    {
        "page": "demo:www.cityhospital.example/health/vitamin-d-sunlight.html",
        "claim": "City General Hospital's vitamin D guide says a mild sunburn shows the skin has made enough vitamin "
        "D for the day.",
        "detail": N,
        "note": "Contradicted: sents 11-12 say you do not need to tan or burn to make vitamin D and sunburn raises "
        "skin cancer risk.",
    },
    # demo:www.cityhospital.example/health/water-intake.html
    {
        "page": "demo:www.cityhospital.example/health/water-intake.html",
        "claim": "For most healthy adults, US National Academies guidance cited by City General Hospital suggests "
        "about 3.7 litres of total fluid a day for men and about 2.7 litres for women.",
        "detail": S,
        "note": "Sents 5-9 (the decimals are split across sentences by the splitter).",
    },
    {
        "page": "demo:www.cityhospital.example/health/water-intake.html",
        "claim": "City General Hospital notes that roughly 40 percent of the water people take in usually comes from "
        "food, especially fruit, vegetables, soups and yoghurt.",
        "detail": P,
        "note": "Sent 11: about 20 percent, not 40.",
    },
    {
        "page": "demo:www.cityhospital.example/health/water-intake.html",
        "claim": "City General Hospital warns that coffee and tea dehydrate regular drinkers, so caffeinated drinks "
        "should not be counted toward daily fluid intake.",
        "detail": N,
        "note": "Contradicted: sents 15-16 say tea and coffee count and add to daily fluid in regular drinkers.",
    },
    # demo:www.cityhospital.example/about.html
    {
        "page": "demo:www.cityhospital.example/about.html",
        "claim": "Health Library articles at City General Hospital are written by a doctor, nurse or dietitian, "
        "reviewed by a second clinician, and re-checked at least once a month.",
        "detail": P,
        "note": "Sent 2 (authors and second clinician) is right; sent 4 says articles are reviewed at least once a "
        "year.",
    },
    # demo:www.geologyjournal.example/articles/can-humans-eat-rocks.html
    {
        "page": "demo:www.geologyjournal.example/articles/can-humans-eat-rocks.html",
        "claim": "Writing in The Geology Journal, a geologist notes that quartz scores 7 on the Mohs scale while "
        "tooth enamel is about 5, so biting a quartz pebble can crack a tooth.",
        "detail": S,
        "note": "Sent 17 (author a geologist: sent 4).",
    },
    {
        "page": "demo:www.geologyjournal.example/articles/can-humans-eat-rocks.html",
        "claim": "The Geology Journal traces the rock-a-day claim to a satirical news piece that was copied onto a "
        "university website and then summarised by an automated search feature.",
        "detail": P,
        "note": "Sents 26-27: it was copied onto an unrelated company's blog, not a university website.",
    },
    # demo:www.geologyjournal.example/articles/mohs-hardness-scale.html
    {
        "page": "demo:www.geologyjournal.example/articles/mohs-hardness-scale.html",
        "claim": "German mineralogist Friedrich Mohs proposed his scratch-based hardness scale in 1812; it ranks ten "
        "reference minerals from talc, the softest, to diamond, the hardest.",
        "detail": S,
        "note": "Sents 1 and 3-14.",
    },
    {
        "page": "demo:www.geologyjournal.example/articles/mohs-hardness-scale.html",
        "claim": "According to The Geology Journal, a steel knife blade rates about 5.5 to 6.5 on the Mohs scale, "
        "while ordinary window glass rates about 7.",
        "detail": P,
        "note": "Sents 16-21: window glass is about 5.5, not 7 (the decimals are split across sentences).",
    },
    # demo:www.geologyjournal.example/articles/why-geologists-lick-rocks.html
    {
        "page": "demo:www.geologyjournal.example/articles/why-geologists-lick-rocks.html",
        "claim": "Geologists lick rocks to wet the surface so that colours, grain size and texture stand out, and a "
        "few minerals such as salty halite can even be identified by taste.",
        "detail": S,
        "note": "Sents 4-5 and 11.",
    },
    {
        "page": "demo:www.geologyjournal.example/articles/why-geologists-lick-rocks.html",
        "claim": "Some geologists feel a rock's grain with their tongue or teeth; according to The Geology Journal, "
        "mudstone feels slightly gritty while siltstone feels smooth.",
        "detail": P,
        "note": "Sents 9-10: it is the other way round (siltstone gritty, mudstone smooth).",
    },
    # demo:www.kitchenbasics.example/guides/food-safety-leftovers.html
    {
        "page": "demo:www.kitchenbasics.example/guides/food-safety-leftovers.html",
        "claim": "Kitchen Basics advises putting leftovers in the fridge within two hours of cooking, or within one "
        "hour if the room is hotter than 32°C (90°F).",
        "detail": S,
        "note": "Sent 4.",
    },
    {
        "page": "demo:www.kitchenbasics.example/guides/food-safety-leftovers.html",
        "claim": "According to Kitchen Basics, most cooked leftovers such as rice, pasta and casseroles keep for up "
        "to a week in a fridge at 5°C (40°F) or below.",
        "detail": P,
        "note": "Sent 8: they keep for 3 to 4 days, not a week (and sent 9 says rice should ideally be eaten within "
        "a day).",
    },
    # demo:www.kitchenbasics.example/guides/how-to-boil-eggs.html
    {
        "page": "demo:www.kitchenbasics.example/guides/how-to-boil-eggs.html",
        "claim": "Kitchen Basics times large eggs from the fridge at 7 minutes in boiling water for a jammy yolk, "
        "and says medium eggs need about a minute less.",
        "detail": S,
        "note": "Sents 2, 10 and 13.",
    },
    {
        "page": "demo:www.kitchenbasics.example/guides/how-to-boil-eggs.html",
        "claim": "Kitchen Basics says very fresh eggs peel more easily than older ones because their inner membrane "
        "is looser.",
        "detail": N,
        "note": "Contradicted: sent 19 says eggs a week or two old peel more easily because the membrane sticks less "
        "with age.",
    },
    # demo:www.kitchenbasics.example/guides/keep-cheese-on-pizza.html
    {
        "page": "demo:www.kitchenbasics.example/guides/keep-cheese-on-pizza.html",
        "claim": "To keep cheese from sliding off, Kitchen Basics recommends only 3 to 4 tablespoons of sauce on a "
        "12-inch pizza and pre-shredded bagged mozzarella for smoother melting.",
        "detail": P,
        "note": "Sent 9 (3 to 4 tablespoons) is right, but sent 15 advises shredding a block yourself because "
        "pre-shredded bags are coated with starch.",
    },
    # demo:www.kitchenbasics.example/guides/sourdough-starter.html
    {
        "page": "demo:www.kitchenbasics.example/guides/sourdough-starter.html",
        "claim": "Kitchen Basics says a sourdough starter is ready for baking once it reliably doubles within 4 to 8 "
        "hours of a feed, which most starters reach in 7 to 14 days.",
        "detail": S,
        "note": "Sents 14-15.",
    },
    {
        "page": "demo:www.kitchenbasics.example/guides/sourdough-starter.html",
        "claim": "A layer of grey liquid called hooch on top of a sourdough starter means it has spoiled and should "
        "be thrown away, according to Kitchen Basics.",
        "detail": P,
        "note": "Sents 20-23: hooch means the starter is hungry; pink or orange streaks or mould mean it is spoiled.",
    },
    # demo:news.dailyledger.example/2024/05/glue-on-pizza-joke.html
    {
        "page": "demo:news.dailyledger.example/2024/05/glue-on-pizza-joke.html",
        "claim": "The Daily Ledger traced an AI search summary's advice to add glue to pizza sauce back to a joke by "
        "user f00dfreak in a 2013 KitchenTalk forum thread.",
        "detail": S,
        "note": "Sents 2-7.",
    },
    {
        "page": "demo:news.dailyledger.example/2024/05/glue-on-pizza-joke.html",
        "claim": "The Daily Ledger rated the glue-on-pizza advice as partly true, noting that non-toxic glue is safe "
        "to eat in small amounts.",
        "detail": N,
        "note": "Contradicted: sents 12-13 say glue is not a food ingredient and sents 17-19 give the ruling False.",
    },
    # demo:news.dailyledger.example/2025/07/heat-wave-hydration.html
    {
        "page": "demo:news.dailyledger.example/2025/07/heat-wave-hydration.html",
        "claim": "The Daily Ledger describes heat stroke as an emergency in which the body can no longer control its "
        "temperature, with warning signs that include confusion, slurred speech and heavy sweating.",
        "detail": P,
        "note": "Sents 12-14: heat stroke signs include hot dry skin, not heavy sweating, which is listed for heat "
        "exhaustion (sent 9).",
    },
    # demo:news.dailyledger.example/2025/10/winter-vitamin-d.html
    {
        "page": "demo:news.dailyledger.example/2025/10/winter-vitamin-d.html",
        "claim": "From about October to March, north of roughly 37 degrees latitude, the sun is too low for enough "
        "UVB to reach the ground, the Daily Ledger reports.",
        "detail": S,
        "note": "Sent 4.",
    },
    {
        "page": "demo:news.dailyledger.example/2025/10/winter-vitamin-d.html",
        "claim": "According to the Daily Ledger, UK health authorities advise everyone over the age of five to "
        "consider taking 10 micrograms of vitamin D a day in autumn and winter.",
        "detail": P,
        "note": "Sent 8: everyone over the age of one, not five.",
    },
    # demo:docs.pyhelp.example/howto/sorting-lists.html
    {
        "page": "demo:docs.pyhelp.example/howto/sorting-lists.html",
        "claim": "PyHelp explains that Python 3 will not compare unrelated types, so sorting a list such as [3, 'a'] "
        "raises a TypeError.",
        "detail": S,
        "note": "Sent 34.",
    },
    {
        "page": "demo:docs.pyhelp.example/howto/sorting-lists.html",
        "claim": "Python's list.sort() and sorted() both use the Timsort algorithm and accept key and reverse "
        "arguments, but according to PyHelp only sorted() is stable.",
        "detail": P,
        "note": "Sent 3 says both use the same fast, stable algorithm; sent 32 confirms the sort is stable.",
    },
    # demo:docs.pyhelp.example/howto/dictionaries.html
    {
        "page": "demo:docs.pyhelp.example/howto/dictionaries.html",
        "claim": "PyHelp states that Python dictionaries are kept sorted by key, so looping over d.items() yields "
        "keys in alphabetical order.",
        "detail": N,
        "note": "Contradicted: sents 2-3 say dictionaries keep insertion order and sent 24 says dictionaries are not "
        "sorted.",
    },
    # demo:docs.pyhelp.example/howto/reading-files.html
    {
        "page": "demo:docs.pyhelp.example/howto/reading-files.html",
        "claim": "If a file contains bytes invalid in the chosen encoding, Python raises UnicodeDecodeError, which "
        "PyHelp says can be avoided by passing errors='ignore' to substitute a placeholder.",
        "detail": P,
        "note": "Sent 28: the suggested argument is errors='replace', not errors='ignore'.",
    },
    # demo:forum.kitchentalk.example/threads/2210-burned-hand-on-oven-rack.html
    {
        "page": "demo:forum.kitchentalk.example/threads/2210-burned-hand-on-oven-rack.html",
        "claim": "In a KitchenTalk thread about a hand burned on an oven rack, an emergency nurse advised holding it "
        "under cool running tap water for 20 minutes and not using ice.",
        "detail": S,
        "note": "Sents 12-16.",
    },
    # demo:blog.acmepaving.example/blog/sealcoating-when-and-why.html
    {
        "page": "demo:blog.acmepaving.example/blog/sealcoating-when-and-why.html",
        "claim": "Acme Paving recommends waiting six months to a year before sealcoating a new driveway, then "
        "resealing most residential driveways every two to three years.",
        "detail": S,
        "note": "Sents 4-5.",
    },
    # demo:blog.acmepaving.example/blog/winter-driveway-cracks.html
    {
        "page": "demo:blog.acmepaving.example/blog/winter-driveway-cracks.html",
        "claim": "Acme Paving's winter guide explains that water seeping into driveway cracks expands by about "
        "twenty percent when it freezes, prying the cracks wider.",
        "detail": P,
        "note": "Sent 2: water expands by about nine percent, not twenty.",
    },
    {
        "page": "demo:blog.acmepaving.example/blog/winter-driveway-cracks.html",
        "claim": "Acme Paving advises waiting until spring, after the last freeze, to fill driveway cracks with a "
        "water-based filler.",
        "detail": N,
        "note": "Contradicted: sents 4-6 say to fill cracks in autumn, before the first freeze, with a rubberised "
        "filler.",
    },
]


def page_source(page: str) -> tuple[Path, str]:
    """The HTML file and URL of a page: ``demo:<host>/<path>`` is a bundled demo page, anything else a Python doc."""
    if page.startswith(DEMO_PREFIX):
        rel = page.removeprefix(DEMO_PREFIX)
        return DEMO_SITE / rel, "http://" + rel
    return DOCS / page, BASE_URL + page


def page_sentences(page: str) -> list[str]:
    """The first ``MAX_SENTENCES`` sentences of a page's extracted main text."""
    path, url = page_source(page)
    doc = extract(path.read_bytes(), url)
    if doc is None:
        raise SystemExit(f"no text extracted from {page}")
    return [doc.text[s:e] for s, e in split_sentences(doc.text)][:MAX_SENTENCES]


def check_claim(row: dict[str, str]) -> None:
    """Stop with a message if a claims-table row is malformed."""
    words = len(row["claim"].split())
    if row["detail"] not in DETAILS:
        raise SystemExit(f"bad detail {row['detail']!r} for {row['claim']!r}")
    if not 12 <= words <= 35:
        raise SystemExit(f"claim has {words} words (want 12-35): {row['claim']!r}")
    if not row["note"]:
        raise SystemExit(f"missing note for {row['claim']!r}")


def main() -> int:
    """Extract the pages, attach their sentences to the claims and write the JSONL file."""
    cache: dict[str, list[str]] = {}
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as fh:
        for row in CLAIMS:
            check_claim(row)
            if row["page"] not in cache:
                cache[row["page"]] = page_sentences(row["page"])
            detail = row["detail"]
            record = {
                "claim": row["claim"],
                "evidence": cache[row["page"]],
                "label": "supported" if detail == "supported" else "not_supported",
                "detail": detail,
                "page": row["page"],
                "note": row["note"],
            }
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    counts = Counter(row["detail"] for row in CLAIMS)
    mean_words = sum(len(row["claim"].split()) for row in CLAIMS) / len(CLAIMS)
    mean_sents = sum(len(s) for s in cache.values()) / len(cache)
    print(f"wrote {len(CLAIMS)} claims over {len(cache)} pages to {OUT.relative_to(ROOT)}")
    print(f"details: {dict(counts)}; mean claim words {mean_words:.1f}; mean sentences/page {mean_sents:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
