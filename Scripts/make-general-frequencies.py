#!/usr/bin/env python3
"""Writes Sources/BitextCore/Resources/general-frequency.tsv.gz: the most frequent words of general
Chinese and English with their Zipf frequency (log10 of occurrences per billion words) × 100, one
`LANG<TAB>WORD<TAB>ZIPF100` a line, from the wordfreq package's 'large' lists (data CC BY-SA 4.0;
see the README's licences). The glossary's termhood uses it as the general-language background.

Usage: pip install wordfreq && Scripts/make-general-frequencies.py   (not needed to build or test)
"""
import gzip, math, os, wordfreq

TOP = 60000  # words per language: below this rank a word's Zipf frequency is under about 1.5 (rare)
out = os.path.join(os.path.dirname(__file__), "..", "Sources", "BitextCore", "Resources", "general-frequency.tsv.gz")
with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as f:
    f.write("# wordfreq %s 'large' lists, CC BY-SA 4.0: https://github.com/rspeer/wordfreq\n" % wordfreq.__version__ if hasattr(wordfreq, "__version__") else "# wordfreq 'large' lists, CC BY-SA 4.0\n")
    for lang in ("zh", "en"):
        words = sorted(wordfreq.get_frequency_dict(lang, "large").items(), key=lambda kv: -kv[1])[:TOP]
        for word, freq in words:
            if "\t" in word or "\n" in word:
                continue
            f.write("%s\t%s\t%d\n" % (lang, word, round(100 * math.log10(freq * 1e9))))
