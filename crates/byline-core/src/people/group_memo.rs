//! The grouping of one document's mentions into persons, kept across versions of the document.
//!
//! Grouping ([`group::group_raws`]) is a function of the mentions — each one's span, its text,
//! and its given name and surname as [`group::raw_mentions`] finds them — and of a few reads of
//! the text outside them: the text between two mentions (whether a surname's namesake named in
//! full is near before it, whether "known as" introduces an alias) and the word before a
//! mention (a royal title). It reads nothing else, and only a mention's position relative to the
//! others, never its offset, except through those reads.
//!
//! So after an edit, the mentions are found as always and compared with the previous
//! version's: when there are as many, each one before the changed bytes at the same place, each
//! one after them moved by the change in length, with the same text, given name, surname and
//! flags, and every read the previous grouping made that reaches into the changed bytes has the
//! same answer in the new text (the others read unchanged text), grouping would run exactly as
//! it did, and its result is the previous one with the spans after the edit moved. Otherwise
//! the mentions are grouped afresh, noting the reads. The changed bytes are those between the
//! common start and the common end of the previous and the current text and cleaned text.
//!
//! A mention's given name and surname ([`group::raw_of`]) are a function of its tokens and the
//! byte after them: for a mention at least [`TOKEN_MARGIN`] bytes away from the changed bytes
//! that was one of the previous version's, with the same tokens and flags, they are the
//! previous version's, moved ([`FoundKey`]); the tails of longer names
//! ([`group::name_tails`]) are then found over all of them as always.

use crate::text::{common_prefix, common_suffix};
use std::borrow::Cow;
use std::ops::Range;

use super::DocPeople;
use super::group::{self, Raw};
use super::recognize::{Ctx, Found};

/// How far from the changed bytes the word before a mention is read again, and a mention's
/// names are taken from the previous version's: a token reads a few bytes around it (a
/// possessive, an initial's full stop), never this far.
const TOKEN_MARGIN: usize = 64;

/// The previous version's grouping (see the module documentation).
#[derive(Debug, Default)]
pub(crate) struct GroupMemo {
    last: Option<Last>,
    /// Whether the last analysis reused the previous grouping.
    pub(crate) reused: bool,
}

/// One version's mentions, reads and grouping.
#[derive(Debug)]
struct Last {
    text: String,
    clean: String,
    /// Per mention: where it starts, and its names relative to that.
    starts: Vec<usize>,
    keys: Vec<RawKey>,
    reads: Vec<Read>,
    people: DocPeople,
    /// The mentions as found, with their names before [`group::name_tails`].
    founds: Vec<FoundKey>,
}

/// A mention as propagation found it, relative to the start of its first token (`at`), and its
/// names as its own words give them.
#[derive(Debug)]
struct FoundKey {
    at: usize,
    /// Where its last token ends, possessive included, relative to `at`.
    reach: usize,
    toks: usize,
    part: Option<(usize, usize)>,
    flags: (bool, bool, bool),
    /// Where [`group::raw_of`]'s span starts, relative to `at`.
    span_from: usize,
    raw: RawKey,
}

impl FoundKey {
    fn of(ctx: &Ctx, f: &Found, r: &Raw) -> FoundKey {
        let at = ctx.toks[f.toks.start].start;
        FoundKey {
            at,
            reach: ctx.toks[f.toks.end - 1].raw_end - at,
            toks: f.toks.len(),
            part: f.part.map(|(a, b)| (a - at, b - at)),
            flags: (f.given_only, f.alias, f.tentative),
            span_from: r.span.start - at,
            raw: RawKey::of(r, ctx.text),
        }
    }

    /// Whether `f` (at `at` in the new text) is this mention.
    fn is(&self, f: &Found, at: usize, reach: usize) -> bool {
        self.toks == f.toks.len()
            && self.reach == reach
            && self.flags == (f.given_only, f.alias, f.tentative)
            && self.part == f.part.map(|(a, b)| (a - at, b - at))
    }
}

/// A mention's names, relative to its start.
#[derive(Debug, PartialEq)]
struct RawKey {
    len: usize,
    given: Option<Part>,
    surname: Part,
    given_only: bool,
    alias: bool,
}

/// A name: where it is in the mention's text (`at`, length), or its text when it is not a
/// slice of the mention (a longer name's tail).
#[derive(Debug, PartialEq)]
enum Part {
    At(usize, usize),
    Text(Box<str>),
}

impl RawKey {
    /// The mention with these names whose span starts at byte `start` of `text`, where its
    /// names are slices of its text.
    fn raw_at<'t>(&self, text: &'t str, start: usize) -> Option<Raw<'t>> {
        let slice = |p: &Part| match *p {
            Part::At(at, len) => text.get(start + at..start + at + len),
            Part::Text(_) => None,
        };
        let given = match &self.given {
            Some(p) => Some(slice(p)?),
            None => None,
        };
        let surname = Cow::Borrowed(slice(&self.surname)?);
        Some(Raw { span: start..start + self.len, given, surname, given_only: self.given_only, alias: self.alias })
    }

    fn of(r: &Raw, text: &str) -> RawKey {
        RawKey {
            len: r.span.len(),
            given: r.given.map(|g| Part::of(g, &r.span, text)),
            surname: Part::of(&r.surname, &r.span, text),
            given_only: r.given_only,
            alias: r.alias,
        }
    }

    /// Whether `r` (in `text`) has these names, where its text is this key's mention's text.
    fn is(&self, r: &Raw, text: &str) -> bool {
        self.len == r.span.len()
            && self.given_only == r.given_only
            && self.alias == r.alias
            && self.surname.is(&r.surname, &r.span, text)
            && match (&self.given, r.given) {
                (None, None) => true,
                (Some(p), Some(g)) => p.is(g, &r.span, text),
                _ => false,
            }
    }
}

impl Part {
    fn of(s: &str, span: &Range<usize>, text: &str) -> Part {
        match offset_in(s, text) {
            Some(at) if at >= span.start && at + s.len() <= span.end => Part::At(at - span.start, s.len()),
            _ => Part::Text(s.into()),
        }
    }

    fn is(&self, s: &str, span: &Range<usize>, text: &str) -> bool {
        match self {
            Part::At(at, len) => offset_in(s, text) == Some(span.start + at) && s.len() == *len,
            Part::Text(t) => **t == *s && !matches!(Part::of(s, span, text), Part::At(..)),
        }
    }
}

/// Where the slice `s` starts in `text`, if it is a slice of `text`.
fn offset_in(s: &str, text: &str) -> Option<usize> {
    let (p, t) = (s.as_ptr() as usize, text.as_ptr() as usize);
    (p >= t && p + s.len() <= t + text.len()).then(|| p - t)
}

/// What grouping read outside the mentions.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    /// [`group::near_before`]`(a, b)`.
    Near,
    /// [`group::alias_gap`]`(a, b)`.
    Alias,
    /// [`group::ruler_before`]`(b)`, which reads the tokens from `from` to `b`.
    Ruler,
}

/// One read and its answer. It reads the text from `from` to `b`.
#[derive(Clone, Copy, Debug)]
struct Read {
    kind: Kind,
    from: usize,
    a: usize,
    b: usize,
    answer: bool,
}

impl Read {
    fn answer(kind: Kind, ctx: &Ctx, a: usize, b: usize) -> bool {
        match kind {
            Kind::Near => group::near_before(ctx.text, a, b),
            Kind::Alias => group::alias_gap(ctx.text, a, b),
            Kind::Ruler => group::ruler_before(ctx, b),
        }
    }

    fn made(kind: Kind, ctx: &Ctx, a: usize, b: usize, answer: bool) -> Read {
        let from = match kind {
            Kind::Ruler => ctx.toks.partition_point(|t| t.start < b).checked_sub(1).map_or(0, |k| ctx.toks[k].start),
            _ => a,
        };
        Read { kind, from, a, b, answer }
    }
}

/// The reads of one grouping: noted when kept, else only answered.
#[derive(Default)]
pub(super) struct Reads<'c, 'a> {
    noted: Option<(&'c Ctx<'a>, Vec<Read>)>,
}

impl<'c, 'a> Reads<'c, 'a> {
    fn noting(ctx: &'c Ctx<'a>) -> Self {
        Reads { noted: Some((ctx, Vec::new())) }
    }

    fn ask(&mut self, kind: Kind, answer: bool, a: usize, b: usize) -> bool {
        if let Some((ctx, reads)) = &mut self.noted {
            reads.push(Read::made(kind, ctx, a, b, answer));
        }
        answer
    }

    pub(super) fn near_before(&mut self, text: &str, a: usize, b: usize) -> bool {
        self.ask(Kind::Near, group::near_before(text, a, b), a, b)
    }

    pub(super) fn alias_gap(&mut self, text: &str, a: usize, b: usize) -> bool {
        self.ask(Kind::Alias, group::alias_gap(text, a, b), a, b)
    }

    pub(super) fn ruler_before(&mut self, ctx: &Ctx, at: usize) -> bool {
        self.ask(Kind::Ruler, group::ruler_before(ctx, at), at, at)
    }
}

/// The changed bytes: `old[start..old_end]` became `new[start..new_end]`.
struct Change {
    start: usize,
    old_end: usize,
    new_end: usize,
}

impl Change {
    fn between(old: (&str, &str), new: (&str, &str)) -> Option<Change> {
        if old.0.len() != old.1.len() || new.0.len() != new.1.len() {
            return None;
        }
        let start = common_prefix(old.0.as_bytes(), new.0.as_bytes()).min(common_prefix(old.1.as_bytes(), new.1.as_bytes()));
        let most = old.0.len().min(new.0.len()) - start;
        let end = common_suffix(old.0.as_bytes(), new.0.as_bytes()).min(common_suffix(old.1.as_bytes(), new.1.as_bytes())).min(most);
        Some(Change { start, old_end: old.0.len() - end, new_end: new.0.len() - end })
    }

    /// Where the old text's byte `x`, the end of a mention, is in the new text: before the
    /// changed bytes (also where they are only inserted) or after them.
    fn moved_end(&self, x: usize) -> Option<usize> {
        if x <= self.start {
            Some(x)
        } else if x >= self.old_end {
            Some(self.after(x))
        } else {
            None
        }
    }

    /// Where the old text's byte `x`, the start of a mention, is in the new text.
    fn moved_start(&self, x: usize) -> Option<usize> {
        if x >= self.old_end {
            Some(self.after(x))
        } else if x < self.start {
            Some(x)
        } else {
            None
        }
    }

    /// Where byte `x` of the old text after the changed bytes is in the new text.
    fn after(&self, x: usize) -> usize {
        x - self.old_end + self.new_end
    }
}

impl GroupMemo {
    /// [`group::group`] of `found` in `ctx` (whose cleaned text is `clean`), the previous
    /// version's when grouping would run as it did (see the module documentation).
    pub(super) fn group(&mut self, ctx: &Ctx, clean: &str, found: &[Found]) -> DocPeople {
        // (Taken out while this runs: a call that does not finish leaves nothing.)
        self.reused = false;
        let last = self.last.take();
        let change = last.as_ref().and_then(|l| Change::between((&l.text, &l.clean), (ctx.text, clean)));
        let mut raws: Vec<Raw> = found
            .iter()
            .map(|f| match (&last, &change) {
                (Some(last), Some(c)) => last.kept_raw(c, ctx, f),
                _ => None,
            })
            .zip(found)
            .map(|(kept, f)| kept.unwrap_or_else(|| group::raw_of(ctx, f)))
            .collect();
        let founds: Vec<FoundKey> = found.iter().zip(&raws).map(|(f, r)| FoundKey::of(ctx, f, r)).collect();
        group::name_tails(ctx, &mut raws);
        if let (Some(mut last), Some(change)) = (last, change)
            && let Some(reads) = last.reads_after(&change, ctx, &raws)
        {
            last.moved(&change, reads, &raws);
            last.founds = founds;
            last.text.clear();
            last.text.push_str(ctx.text);
            last.clean.clear();
            last.clean.push_str(clean);
            let people = last.people.clone();
            self.last = Some(last);
            self.reused = true;
            return people;
        }
        let mut reads = Reads::noting(ctx);
        let people = group::group_raws(ctx, &raws, &mut reads);
        let reads = reads.noted.map(|(_, r)| r).unwrap_or_default();
        self.last = Some(Last {
            text: ctx.text.to_string(),
            clean: clean.to_string(),
            starts: raws.iter().map(|r| r.span.start).collect(),
            keys: raws.iter().map(|r| RawKey::of(r, ctx.text)).collect(),
            reads,
            people: people.clone(),
            founds,
        });
        people
    }
}

impl Last {
    /// The names of mention `f` of the new text (`ctx`) from this version's, when it was one of
    /// this version's mentions and lies away from the changed bytes.
    fn kept_raw<'t>(&self, c: &Change, ctx: &Ctx<'t>, f: &Found) -> Option<Raw<'t>> {
        let at = ctx.toks[f.toks.start].start;
        let end = ctx.toks[f.toks.end - 1].raw_end;
        let old_at = if end + TOKEN_MARGIN < c.start {
            at
        } else if at >= c.new_end + TOKEN_MARGIN {
            at - c.new_end + c.old_end
        } else {
            return None;
        };
        let i = self.founds.partition_point(|k| k.at < old_at);
        let k = self.founds[i..].iter().take_while(|k| k.at == old_at).find(|k| k.is(f, at, end - at))?;
        k.raw.raw_at(ctx.text, at + k.span_from)
    }

    /// When grouping `raws` (of the new text, `ctx`) would run as it did for this version: the
    /// reads it would make, in the new text.
    fn reads_after(&self, c: &Change, ctx: &Ctx, raws: &[Raw]) -> Option<Vec<Read>> {
        if raws.len() != self.keys.len() {
            return None;
        }
        for ((r, key), &old) in raws.iter().zip(&self.keys).zip(&self.starts) {
            // Wholly before the changed bytes, or wholly after them: the same text.
            let placed = if r.span.end <= c.start {
                old == r.span.start
            } else {
                r.span.start >= c.new_end && old >= c.old_end && c.after(old) == r.span.start
            };
            if !placed || !key.is(r, ctx.text) {
                return None;
            }
        }
        self.reads
            .iter()
            .map(|read| {
                let margin = if read.kind == Kind::Ruler { TOKEN_MARGIN } else { 0 };
                // (Strictly: where bytes are only inserted, a mention's end at the insertion
                // stays and a mention's start there moves.)
                if read.b + margin < c.start {
                    return Some(*read);
                }
                if read.from > c.old_end + margin {
                    return Some(Read { from: c.after(read.from), a: c.after(read.a), b: c.after(read.b), ..*read });
                }
                // (`a` is the end of a mention, but for the word before one, its start.)
                let a = if read.kind == Kind::Ruler { c.moved_start(read.a)? } else { c.moved_end(read.a)? };
                let b = c.moved_start(read.b)?;
                let answer = Read::answer(read.kind, ctx, a, b);
                (answer == read.answer).then(|| Read::made(read.kind, ctx, a, b, answer))
            })
            .collect()
    }

    /// This version's grouping moved to the new text: the mentions after the changed bytes
    /// moved, the reads as they are in the new text.
    fn moved(&mut self, c: &Change, reads: Vec<Read>, raws: &[Raw]) {
        // (Every span lies wholly before the changed bytes or wholly after them: where it starts
        // tells which.)
        let by = |span: &mut Range<usize>| {
            if span.start >= c.old_end {
                *span = c.after(span.start)..c.after(span.end);
            }
        };
        for (s, r) in self.starts.iter_mut().zip(raws) {
            *s = r.span.start;
        }
        for m in &mut self.people.mentions {
            by(&mut m.span);
        }
        for f in &mut self.people.forms {
            for (span, _) in f.given.iter_mut().chain(f.surname.iter_mut()) {
                by(span);
            }
        }
        self.reads = reads;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_common_ends_are_found_past_a_block() {
        let a = "x".repeat(200) + "abc" + &"y".repeat(150);
        let b = "x".repeat(200) + "aXbc" + &"y".repeat(150);
        let c = Change::between((&a, &a), (&b, &b)).unwrap();
        assert_eq!((c.start, c.old_end, c.new_end), (201, 201, 202));
        assert_eq!(c.moved_start(300), Some(301));
        // Where bytes are only inserted, a mention ending there stays, one starting there moves.
        assert_eq!(c.moved_end(201), Some(201));
        assert_eq!(c.moved_start(201), Some(202));
        assert_eq!(c.moved_start(150), Some(150));
        let same = Change::between((&a, &a), (&a, &a)).unwrap();
        assert_eq!((same.start, same.old_end, same.new_end), (a.len(), a.len(), a.len()));
    }

    #[test]
    fn a_change_in_the_cleaned_text_alone_counts() {
        let (t, c1, c2) = ("abcdefgh", "abcdefgh", "abc  fgh");
        let c = Change::between((t, c1), (t, c2)).unwrap();
        assert_eq!((c.start, c.old_end, c.new_end), (3, 5, 5));
    }
}
