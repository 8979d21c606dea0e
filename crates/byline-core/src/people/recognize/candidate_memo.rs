//! The name candidates of each part of the text, kept across versions of one document.
//!
//! Stages 1–3 of recognition ([`super::candidates`]: runs, pieces, rejections, cues, byline and
//! contributor lines) decide each piece from what is near it: the tokens and gaps a bounded
//! number of tokens either side (the farthest, a contributor line's "contributed", 40 tokens
//! on), the line it stands on and at most two lines above or below (a byline's role line, the
//! name line above a contributor's role), and of the document as a whole only whether each of
//! those tokens' words is also used in lower case ([`LOWER_USED`]). A run of capitalised words
//! and the names of a byline or contributor line never cross a line break.
//!
//! So the text is cut, at line breaks, into **units** of at least [`MIN_UNIT_TOKENS`] tokens
//! (the last may be shorter; a unit's text runs from just after the line break that ends the
//! unit before to just after the one that ends its own last line with tokens), and the pieces of
//! a unit are a function of its **window**: the unit with the unit before and the unit after it
//! (or the start or end of the text) — its text, its cleaned text (the tokens') and the
//! [`LOWER_USED`] bit of its tokens. A neighbour of at least 64 tokens covers what the unit's
//! pieces read before and after them; a window at the start or end of the text holds
//! everything there is on that side. The pieces of a unit whose window is the previous
//! version's are taken from the memo, token indices relative to the unit; the other units are
//! found afresh, consecutive ones together, by the unchanged stages run over a [`Ctx`] of their
//! window alone (with the whole text's class bits), keeping the pieces of those units and not
//! the neighbours'. The same window keys the roles the text around each of the unit's names
//! gives it ([`LocalRoles`], `attach_roles.rs`: at most ~45 tokens and two lines either side;
//! the one document-wide input, whether the text has the word "contributed" at all, only
//! spares the search of a line that cannot be a contributor line), found with the whole text
//! when first asked.
//!
//! A change to a cue that reads farther (more tokens, more lines, another document-wide fact)
//! must widen [`MIN_UNIT_TOKENS`] or the key. The unit test below checks, over the shared
//! corpus, that each unit's window alone gives the whole text's pieces and roles;
//! `tests/incremental.rs` compares with a fresh analysis after edits that change such facts in
//! another paragraph.

use std::hash::{Hash, Hasher};
use std::ops::Range;

use super::mention_memo::{NamesNumbers, UnitMentions, UnitPlace, unit_mentions};
use super::propagate::Known;
use super::{Candidates, Ctx, Found, LOWER_USED, Piece, candidates};
use crate::people::attach_roles::LocalRoles;
use crate::people::lexicon::{FxHashMap, FxHasher};
use crate::people::tokens::Tok;

/// The fewest tokens of a unit (but the last): more than any stage reads before or after a
/// piece, so that a unit's neighbours hold all its pieces read.
const MIN_UNIT_TOKENS: usize = 64;

/// The kept pieces of units, by window (see the module documentation). Those not used by an
/// analysis are dropped at its end.
#[derive(Debug, Default)]
pub(crate) struct CandidateMemo {
    old: FxHashMap<u64, Entry>,
    new: FxHashMap<u64, Entry>,
    /// Units of the last analysis: (found afresh, found in the memo).
    pub(crate) counts: (usize, usize),
    /// Units of the last analysis whose mentions after propagation were found afresh, or kept.
    pub(crate) mention_counts: (usize, usize),
    /// This analysis's units, for what is asked after the candidates (a name's roles).
    round: Option<Round>,
    /// The numbering of the names propagation knows (`mention_memo.rs`).
    names: NamesNumbers,
}

/// The units of the analysis under way and their entries.
#[derive(Debug)]
struct Round {
    units: Units,
    keys: Vec<u64>,
    /// Whether `new[keys[u]]` is unit `u`'s entry (not another window's with the same hash).
    own: Vec<bool>,
    /// Per unit: its pieces' indices among the candidates' pieces (the runs', the bylines',
    /// the contributor lines').
    sections: Vec<[Range<usize>; 3]>,
}

/// The pieces of one unit and the window they were found in.
#[derive(Debug)]
struct Entry {
    window: Window,
    /// Token indices relative to the unit's first token: the runs' pieces, then the bylines',
    /// then the contributor lines'.
    pieces: Box<[Piece]>,
    bylines_from: usize,
    contributors_from: usize,
    /// The roles around the unit's names, by token range relative to the unit, found when
    /// first asked (a name may become a mention through propagation from another unit).
    roles: FxHashMap<(u32, u32), LocalRoles>,
    /// The unit's mentions after propagation, and what they were found from.
    mentions: Option<UnitMentions>,
}

/// What a unit's pieces are a function of. (A copy per window, made when its unit is found
/// afresh: a copy of the whole text kept per version would be copied on every keystroke.)
#[derive(Debug, PartialEq, Eq)]
struct Window {
    text: Box<str>,
    /// The cleaned text, when it is not the text itself (most texts mask nothing).
    clean: Option<Box<str>>,
    /// The [`LOWER_USED`] bit of each token of the window, 64 to a word.
    lower: Box<[u64]>,
    /// Where the unit is in the window: bytes and tokens.
    unit_bytes: Range<usize>,
    unit_toks: Range<usize>,
}

/// The units of one version: their first tokens and where their text starts.
#[derive(Debug)]
struct Units {
    /// Token index where each unit starts, then the number of tokens.
    toks: Vec<usize>,
    /// Byte offset where each unit's text starts (its first line, or 0), then the text's length.
    bytes: Vec<usize>,
}

impl Units {
    fn of(ctx: &Ctx) -> Units {
        let (text, toks) = (ctx.text, ctx.toks);
        let n = toks.len();
        let (mut firsts, mut bytes) = (vec![0], vec![0]);
        let mut k = 0;
        for nl in memchr::memchr_iter(b'\n', text.as_bytes()) {
            while k < n && toks[k].start < nl {
                k += 1;
            }
            if k == n {
                break;
            }
            let first = *firsts.last().unwrap_or(&0);
            if k - first >= MIN_UNIT_TOKENS {
                firsts.push(k);
                bytes.push(nl + 1);
            }
        }
        firsts.push(n);
        bytes.push(text.len());
        Units { toks: firsts, bytes }
    }

    fn len(&self) -> usize {
        self.toks.len() - 1
    }

    /// Units `a..b` with one more on each side where there is one: (tokens, bytes).
    fn window(&self, a: usize, b: usize) -> (Range<usize>, Range<usize>) {
        let (lo, hi) = (a.saturating_sub(1), (b + 1).min(self.len()));
        (self.toks[lo]..self.toks[hi], self.bytes[lo]..self.bytes[hi])
    }
}

impl CandidateMemo {
    /// [`candidates`] of `ctx` (tokens of `clean`, the cleaned `ctx.text`): the kept pieces of
    /// every unit whose window is unchanged, the others found afresh and kept.
    pub(crate) fn candidates(&mut self, ctx: &Ctx, clean: &str) -> Candidates {
        // (A round that did not end, a panic, left its entries here: kept ones, as the old.)
        let unfinished = std::mem::take(&mut self.new);
        self.old.extend(unfinished);
        let units = Units::of(ctx);
        let lower = lower_bits(ctx);
        let seg_hashes: Vec<u64> = (0..units.len()).map(|u| segment_hash(ctx, &units, &lower, u)).collect();
        let keys: Vec<u64> = (0..units.len()).map(|u| window_hash(&seg_hashes, u)).collect();
        let here = Here { ctx, clean, units: &units, lower: &lower };
        // The units the memo has; the others found afresh, consecutive ones together.
        let known: Vec<bool> = keys.iter().enumerate().map(|(u, &key)| self.take(key, &here, u)).collect();
        let mut found: Vec<Option<Entry>> = (0..units.len()).map(|_| None).collect();
        let mut u = 0;
        while u < units.len() {
            if known[u] {
                u += 1;
                continue;
            }
            let end = (u..units.len()).find(|&v| known[v]).unwrap_or(units.len());
            find(&here, u..end, &mut found);
            u = end;
        }
        let fresh = found.iter().filter(|e| e.is_some()).count();
        self.counts = (fresh, units.len() - fresh);
        let entries: Vec<&Entry> = found.iter().zip(&keys).map(|(e, k)| e.as_ref().unwrap_or_else(|| &self.new[k])).collect();
        let (out, sections) = assemble(&units, &entries);
        let mut own = known;
        for ((e, &k), own) in found.into_iter().zip(&keys).zip(&mut own) {
            if let Some(e) = e
                && let std::collections::hash_map::Entry::Vacant(v) = self.new.entry(k)
            {
                // (Two windows with one hash: the first stays. Exact, merely slower.)
                v.insert(e);
                *own = true;
            }
        }
        self.round = Some(Round { units, keys, own, sections });
        out
    }

    /// The mentions of `pieces` (this round's candidates, as propagation left them) with the
    /// names `known`, in text order: unit by unit, those kept in the unit's entry when found
    /// from the same (`mention_memo.rs`), the others found and kept.
    pub(super) fn mentions(&mut self, ctx: &Ctx, pieces: &[Piece], known: Known) -> Vec<Found> {
        let names = self.names.number(&known);
        let Some(round) = &self.round else {
            return super::propagate::mentions_of(ctx, pieces.iter().enumerate(), 0..ctx.toks.len(), &known);
        };
        let mut out = Vec::new();
        let mut kept = 0;
        for u in 0..round.units.len() {
            let slot = if round.own[u] { self.new.get_mut(&round.keys[u]).map(|e| &mut e.mentions) } else { None };
            let place =
                UnitPlace { toks: round.units.toks[u]..round.units.toks[u + 1], base: round.units.bytes[u], pieces: &round.sections[u] };
            let (found, was_kept) = unit_mentions(ctx, pieces, place, &known, names, slot);
            out.extend(found);
            kept += usize::from(was_kept);
        }
        self.mention_counts = (round.units.len() - kept, kept);
        self.names.keep(known);
        out
    }

    /// The [`LocalRoles`] of the name at tokens `toks`: kept in its unit's entry, or
    /// `find`'s, then kept.
    pub(crate) fn local_roles(&mut self, toks: Range<usize>, find: impl FnOnce() -> LocalRoles) -> LocalRoles {
        let Some(round) = &self.round else { return find() };
        let u = round.units.toks.partition_point(|&first| first <= toks.start) - 1;
        let entry = if round.own[u] { self.new.get_mut(&round.keys[u]) } else { None };
        let Some(entry) = entry else { return find() };
        let first = round.units.toks[u];
        let key = ((toks.start - first) as u32, (toks.end - first) as u32);
        entry.roles.entry(key).or_insert_with(find).clone()
    }

    /// Whether the memo has the pieces of unit `u`'s window under `key` (moved to this
    /// round's). An entry of this round is never replaced: an earlier unit may be reading it.
    fn take(&mut self, key: u64, here: &Here, u: usize) -> bool {
        if let Some(e) = self.new.get(&key) {
            return here.is_window(&e.window, u);
        }
        match self.old.remove(&key) {
            Some(e) if here.is_window(&e.window, u) => {
                self.new.insert(key, e);
                true
            }
            _ => false,
        }
    }

    /// The analysis is over: pieces it did not use are dropped.
    pub(crate) fn end_round(&mut self) {
        self.old = std::mem::take(&mut self.new);
        self.round = None;
    }
}

/// One version's text and units, as the memo reads them.
struct Here<'h, 'a> {
    ctx: &'h Ctx<'a>,
    clean: &'h str,
    units: &'h Units,
    lower: &'h [u64],
}

impl Here<'_, '_> {
    /// Whether `w` is unit `u`'s window, compared in place.
    fn is_window(&self, w: &Window, u: usize) -> bool {
        let (toks, bytes) = self.units.window(u, u + 1);
        let units = self.units;
        w.unit_bytes == (units.bytes[u] - bytes.start..units.bytes[u + 1] - bytes.start)
            && w.unit_toks == (units.toks[u] - toks.start..units.toks[u + 1] - toks.start)
            && *w.text == self.ctx.text[bytes.clone()]
            && w.clean.as_deref().unwrap_or(&w.text) == &self.clean[bytes]
            && w.lower.iter().copied().eq(bits_of(self.lower, toks))
    }

    /// Unit `u`'s window, kept.
    fn window(&self, u: usize) -> Window {
        let (toks, bytes) = self.units.window(u, u + 1);
        let units = self.units;
        Window {
            text: self.ctx.text[bytes.clone()].into(),
            clean: (self.clean[bytes.clone()] != self.ctx.text[bytes.clone()]).then(|| self.clean[bytes.clone()].into()),
            lower: bits_of(self.lower, toks.clone()).collect(),
            unit_bytes: units.bytes[u] - bytes.start..units.bytes[u + 1] - bytes.start,
            unit_toks: units.toks[u] - toks.start..units.toks[u + 1] - toks.start,
        }
    }
}

/// Find the pieces of units `us` over their window alone, each unit's into `found`.
fn find(here: &Here, us: Range<usize>, found: &mut [Option<Entry>]) {
    let (ctx, units) = (here.ctx, here.units);
    let (toks, bytes) = units.window(us.start, us.end);
    let sub_toks: Vec<Tok> = ctx.toks[toks.clone()].iter().map(|t| moved_tok(t, bytes.start)).collect();
    let sub = Ctx { text: &ctx.text[bytes.clone()], toks: &sub_toks, cls: ctx.cls[toks.clone()].to_vec(), lex: ctx.lex };
    let all = candidates(&sub);
    for u in us {
        // The unit's tokens in the window's numbering.
        let (a, b) = (units.toks[u] - toks.start, units.toks[u + 1] - toks.start);
        let mut pieces = Vec::new();
        let mut section = |r: Range<usize>| {
            pieces.extend(all.pieces[r].iter().filter(|p| a <= p.toks.start && p.toks.start < b).map(|p| moved_piece(p, a, false)));
            pieces.len()
        };
        let bylines_from = section(0..all.bylines_from);
        let contributors_from = section(all.bylines_from..all.contributors_from);
        section(all.contributors_from..all.pieces.len());
        found[u] = Some(Entry {
            window: here.window(u),
            pieces: pieces.into(),
            bylines_from,
            contributors_from,
            roles: FxHashMap::default(),
            mentions: None,
        });
    }
}

/// The pieces of every unit, moved to its place, in the order [`candidates`] gives them; and
/// where each unit's are among them, section by section.
fn assemble(units: &Units, entries: &[&Entry]) -> (Candidates, Vec<[Range<usize>; 3]>) {
    let mut pieces = Vec::with_capacity(entries.iter().map(|e| e.pieces.len()).sum());
    let sections: [fn(&Entry) -> Range<usize>; 3] =
        [|e| 0..e.bylines_from, |e| e.bylines_from..e.contributors_from, |e| e.contributors_from..e.pieces.len()];
    let mut from = [0; 3];
    let mut places = vec![[0..0, 0..0, 0..0]; entries.len()];
    for (s, section) in sections.iter().enumerate() {
        from[s] = pieces.len();
        for (u, e) in entries.iter().enumerate() {
            let start = pieces.len();
            pieces.extend(e.pieces[section(e)].iter().map(|p| moved_piece(p, units.toks[u], true)));
            places[u][s] = start..pieces.len();
        }
    }
    (Candidates { pieces, bylines_from: from[1], contributors_from: from[2] }, places)
}

/// The [`LOWER_USED`] bit of each token, 64 to a word.
fn lower_bits(ctx: &Ctx) -> Vec<u64> {
    let mut bits = vec![0u64; ctx.toks.len().div_ceil(64)];
    for (k, &c) in ctx.cls.iter().enumerate() {
        if c & LOWER_USED != 0 {
            bits[k / 64] |= 1 << (k % 64);
        }
    }
    bits
}

/// The bits of tokens `r` of `bits`, from bit 0: 64 at a time.
fn bits_of(bits: &[u64], r: Range<usize>) -> impl Iterator<Item = u64> + '_ {
    (r.start..r.end).step_by(64).map(move |k| {
        let (w, o) = (k / 64, k % 64);
        let lo = bits[w] >> o;
        let hi = if o == 0 { 0 } else { bits.get(w + 1).map_or(0, |&b| b << (64 - o)) };
        let n = (r.end - k).min(64);
        let mask = if n == 64 { u64::MAX } else { (1u64 << n) - 1 };
        (lo | hi) & mask
    })
}

/// A hash of unit `u`'s text and its tokens' [`LOWER_USED`] bits.
fn segment_hash(ctx: &Ctx, units: &Units, lower: &[u64], u: usize) -> u64 {
    let mut h = FxHasher::default();
    ctx.text[units.bytes[u]..units.bytes[u + 1]].hash(&mut h);
    let toks = units.toks[u]..units.toks[u + 1];
    toks.len().hash(&mut h);
    bits_of(lower, toks).for_each(|b| h.write_u64(b));
    h.finish()
}

/// A hash of unit `u`'s window: its segments' hashes, and whether it has a neighbour on each
/// side.
fn window_hash(seg: &[u64], u: usize) -> u64 {
    let mut h = FxHasher::default();
    let before = u.checked_sub(1).map(|p| seg[p]);
    (before, seg[u], seg.get(u + 1)).hash(&mut h);
    h.finish()
}

/// Token `t` of the text, numbered from byte `base`.
fn moved_tok(t: &Tok, base: usize) -> Tok {
    Tok { start: t.start - base, end: t.end - base, raw_end: t.raw_end - base, run_end: t.run_end - base, ..t.clone() }
}

/// Piece `p` with its token indices moved by `by`: forward (`to`) or back.
pub(super) fn moved_piece(p: &Piece, by: usize, to: bool) -> Piece {
    let at = |k: usize| if to { k + by } else { k - by };
    Piece { toks: at(p.toks.start)..at(p.toks.end), run_end: at(p.run_end), ..p.clone() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::people::PeopleLexicon;
    use crate::people::attach_roles::local_roles;

    /// The shared corpus articles (none when the corpus is not there) and invented ones.
    fn articles() -> Vec<String> {
        let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
        let mut paths: Vec<_> = std::fs::read_dir(root)
            .into_iter()
            .flatten()
            .flatten()
            .filter(|d| d.path().is_dir())
            .flat_map(|d| std::fs::read_dir(d.path()).into_iter().flatten().flatten().map(|f| f.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        paths.sort();
        let mut texts: Vec<String> = paths.iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect();
        let filler = "the tide turned slowly over grey mudflats while gulls circled ".repeat(7);
        texts.push(format!(
            "{filler}\nBy Tomasz Weller\n\nStaff writer\n\n{filler}\n\nHarbour Press writers Qorvath Thrane and Ilkan \
             Vessberg in Oslo contributed to this report.\n{filler} Thrane said.\n\nBY JANE ROE AND JOHN DOE\n{filler}"
        ));
        texts
    }

    #[test]
    fn bits_are_read_from_any_offset() {
        let bits = [0x8000_0000_0000_0001u64, 0x0123_4567_89ab_cdef, 0b1011];
        for start in 0..150 {
            for end in start..=192 {
                let want: Vec<bool> = (start..end).map(|k| bits[k / 64] >> (k % 64) & 1 != 0).collect();
                let got: Vec<u64> = bits_of(&bits, start..end).collect();
                let got: Vec<bool> = (0..end - start).map(|i| got[i / 64] >> (i % 64) & 1 != 0).collect();
                assert_eq!(got, want, "{start}..{end}");
            }
        }
    }

    /// What the memo relies on, over real articles: each unit's candidates found over its
    /// window alone are those of the whole text, and so are the roles around each name.
    #[test]
    fn a_units_window_gives_what_the_whole_text_gives() {
        let lex = PeopleLexicon::bundled();
        let (mut units_seen, mut names_seen) = (0, 0);
        for text in articles() {
            let clean = crate::text::clean(&text);
            let toks = crate::people::tokens::tokenize(&clean);
            if toks.is_empty() {
                continue;
            }
            let ctx = Ctx::new(&text, &toks, lex);
            let units = Units::of(&ctx);
            units_seen += units.len();
            for u in 0..units.len() - 1 {
                assert!(units.toks[u + 1] - units.toks[u] >= MIN_UNIT_TOKENS);
                assert!(units.bytes[u] == 0 || text.as_bytes()[units.bytes[u] - 1] == b'\n');
            }
            let lower = lower_bits(&ctx);
            let here = Here { ctx: &ctx, clean: &clean, units: &units, lower: &lower };
            let mut found: Vec<Option<Entry>> = (0..units.len()).map(|_| None).collect();
            for u in 0..units.len() {
                find(&here, u..u + 1, &mut found);
            }
            let entries: Vec<&Entry> = found.iter().map(|e| e.as_ref().unwrap()).collect();
            let whole = candidates(&ctx);
            let (by_units, sections) = assemble(&units, &entries);
            assert_eq!(by_units.pieces, whole.pieces, "{}", &text[..text.len().min(80)]);
            assert_eq!((by_units.bylines_from, by_units.contributors_from), (whole.bylines_from, whole.contributors_from));
            // Each unit's mentions after propagation, over its window alone with the whole
            // text's names (what `mention_memo.rs` relies on).
            let mut pieces = whole.pieces.clone();
            let known = super::super::propagate::known(&ctx, &mut pieces);
            let all = super::super::propagate::mentions_of(&ctx, pieces.iter().enumerate(), 0..toks.len(), &known);
            let key = |f: &Found, tok0: usize, byte0: usize| {
                (f.toks.start + tok0, f.toks.end + tok0, f.part.map(|(a, b)| (a + byte0, b + byte0)), f.given_only, f.tentative, f.alias)
            };
            let mut by_unit = Vec::new();
            for (u, section) in sections.iter().enumerate() {
                let (wt, wb) = units.window(u, u + 1);
                let sub_toks: Vec<Tok> = toks[wt.clone()].iter().map(|t| moved_tok(t, wb.start)).collect();
                let sub = Ctx { text: &text[wb.clone()], toks: &sub_toks, cls: ctx.cls[wt.clone()].to_vec(), lex };
                let own: Vec<(usize, Piece)> =
                    section.iter().flat_map(|r| r.clone()).map(|i| (i, moved_piece(&pieces[i], wt.start, false))).collect();
                let unit_toks = units.toks[u] - wt.start..units.toks[u + 1] - wt.start;
                let found = super::super::propagate::mentions_of(&sub, own.iter().map(|(i, p)| (*i, p)), unit_toks, &known);
                by_unit.extend(found.iter().map(|f| key(f, wt.start, wb.start)));
            }
            assert_eq!(by_unit, all.iter().map(|f| key(f, 0, 0)).collect::<Vec<_>>(), "{}", &text[..text.len().min(80)]);
            // The roles around each name, over its unit's window alone.
            let contributed = text.contains("contributed");
            for f in super::super::find_names(&ctx) {
                let u = units.toks.partition_point(|&first| first <= f.toks.start) - 1;
                let (wt, wb) = units.window(u, u + 1);
                let sub_toks: Vec<Tok> = toks[wt.clone()].iter().map(|t| moved_tok(t, wb.start)).collect();
                let sub = Ctx { text: &text[wb.clone()], toks: &sub_toks, cls: ctx.cls[wt.clone()].to_vec(), lex };
                let sub_f = super::super::Found { toks: f.toks.start - wt.start..f.toks.end - wt.start, ..f.clone() };
                let sub_contributed = sub.text.contains("contributed");
                names_seen += 1;
                assert_eq!(local_roles(&sub, &sub_f, sub_contributed), local_roles(&ctx, &f, contributed), "{}", ctx.word(f.toks.start));
            }
        }
        eprintln!("{units_seen} units, {names_seen} names");
        assert!(units_seen >= 5 && names_seen >= 5);
    }
}
