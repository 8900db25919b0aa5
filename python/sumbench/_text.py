"""rouge_score's handling of its input texts, for the inputs that are not plain ``str``.

rouge_score tokenises ``text.lower()`` passed through ``six.ensure_str`` (so ``bytes`` are
accepted and decoded as UTF-8, and anything else fails in the same places with the same
exceptions); ROUGE-Lsum splits ``six.ensure_str(text)`` on newlines. These helpers do those
same steps, then hand the Rust tokenizer a string it tokenises exactly as rouge_score does.
"""

from __future__ import annotations

import re
from typing import Any

# Characters outside [a-z0-9] that lowercase into it: rouge_score's regex runs on the
# lowercased text once, the Rust tokenizer lowercases again, so they must go beforehand.
_LOWERS_TO_ASCII = re.compile("[A-Z\u0130\u212a]")


def ensure_str(s: Any) -> str:
    """``six.ensure_str``: a str as is, bytes decoded as UTF-8, a TypeError otherwise."""
    if type(s) is str:
        return s
    if isinstance(s, bytes):
        return s.decode("utf-8", "strict")
    if isinstance(s, str):
        return s
    raise TypeError("not expecting type '%s'" % type(s))


def whole_text(text: Any) -> str:
    """The text whose Rust tokens are rouge_score's ``tokenize.tokenize(text)`` tokens."""
    if type(text) is str:
        return text
    lowered = ensure_str(text.lower())
    return _LOWERS_TO_ASCII.sub(" ", lowered)
