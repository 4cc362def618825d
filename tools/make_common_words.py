"""Write ``resources/wordlists/common.toml``: the common words of 4–6 letters per language, so
that a shouted word ("RUMOUR CHECK", "STILL", "SIDAN") is not taken for an acronym to explain.

    uv run --no-project --with wordfreq==3.1.1 python tools/make_common_words.py

The words come from wordfreq 3.1.1 (Robyn Speer; code Apache-2.0, word data CC BY-SA 4.0, built
from Wikipedia, OpenSubtitles, SUBTLEX, Google Books Ngrams, Twitter, the Leeds Internet Corpus
and others): every alphabetic word of 4–6 letters in a language's 60,000 most frequent with a Zipf
frequency of at least 3.0 (about once in every million words). The list is therefore CC BY-SA 4.0
too; wordfreq is not a dependency of Prepub and is only needed to remake the file.
"""

from __future__ import annotations

from pathlib import Path

import wordfreq

OUT = Path(__file__).resolve().parents[1] / "resources" / "wordlists" / "common.toml"
LANGS = ("sv", "da", "nb", "en")
MIN_LEN, MAX_LEN, MIN_ZIPF, TOP = 4, 6, 3.0, 60_000


def main() -> None:
    lines = ["# Common words of 4–6 letters per language (made by tools/make_common_words.py from",
             "# wordfreq 3.1.1 by Robyn Speer; word data CC BY-SA 4.0, so this file is CC BY-SA 4.0:",
             "# https://creativecommons.org/licenses/by-sa/4.0/). Read by the acronym check only: a",
             "# shouted common word is no acronym. Do not edit by hand; remake it with the tool.", ""]
    for lang in LANGS:
        words = sorted({w for w in wordfreq.top_n_list(lang, TOP)
                        if w.isalpha() and MIN_LEN <= len(w) <= MAX_LEN
                        and wordfreq.zipf_frequency(w, lang) >= MIN_ZIPF})
        lines.append(f"[{lang}]")
        lines.append('words = """')
        row: list[str] = []
        for w in words:
            if sum(len(x) + 1 for x in row) + len(w) > 100:
                lines.append(" ".join(row))
                row = []
            row.append(w)
        lines.append(" ".join(row))
        lines.append('"""')
        lines.append("")
        print(f"{lang}: {len(words)} words")
    OUT.write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
