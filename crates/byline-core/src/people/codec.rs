//! A compact, versioned byte encoding of one article's [`DocPeople`], for the persistent index
//! cache: reopening a workspace decodes these instead of re-analysing every article.
//!
//! Hand-written rather than serde + a binary crate so that the format is explicit, has no
//! dependency, and decoding garbage can only fail, never panic or allocate without bound: every
//! length is checked against the bytes that remain before anything is allocated. Integers are
//! LEB128 varints (a span is its start and its length), strings are a varint length and UTF-8.
//!
//! The layout (after [`FORMAT`], one varint):
//! persons: count, then per person name, surname, has_full_name (0/1), fullest, roles (count,
//! strings), quotes (count, span + words); mentions: count, then span, person, full; forms (one
//! per mention): given, surname, each 0 (absent) or 1 + span + text; tentative: count, span +
//! surname; the article's date: 0 (none) or 1 + year, month, day.

use super::{DocPeople, LocalPerson, NameForm, PersonMention};
use crate::Span;

/// The version of this encoding: bump it whenever the layout or the meaning of a field changes,
/// so that facts written by another version are refused (the cache then re-analyses).
pub const FORMAT: u64 = 2;

/// Why bytes could not be decoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// Written by another version of the encoding.
    Format(u64),
    /// The bytes end before the facts do, or a count or length is impossible.
    Truncated,
    /// A string is not UTF-8.
    Utf8,
    /// A mention names a person that does not exist, or forms and mentions differ in number.
    Inconsistent,
    /// Bytes left over after the facts.
    Trailing,
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::Format(v) => write!(f, "encoding version {v}, expected {FORMAT}"),
            DecodeError::Truncated => write!(f, "truncated"),
            DecodeError::Utf8 => write!(f, "a string is not UTF-8"),
            DecodeError::Inconsistent => write!(f, "inconsistent facts"),
            DecodeError::Trailing => write!(f, "bytes after the end"),
        }
    }
}

impl std::error::Error for DecodeError {}

/// Append the encoding of `people` to `out`.
pub fn encode(people: &DocPeople, out: &mut Vec<u8>) {
    put_uint(out, FORMAT);
    put_uint(out, people.persons.len() as u64);
    for p in &people.persons {
        put_str(out, &p.name);
        put_str(out, &p.surname);
        out.push(p.has_full_name as u8);
        put_str(out, &p.fullest);
        put_uint(out, p.roles.len() as u64);
        for r in &p.roles {
            put_str(out, r);
        }
        put_uint(out, p.quotes.len() as u64);
        for (span, words) in &p.quotes {
            put_span(out, span);
            put_str(out, words);
        }
    }
    put_uint(out, people.mentions.len() as u64);
    for m in &people.mentions {
        put_span(out, &m.span);
        put_uint(out, m.person as u64);
        out.push(m.full as u8);
    }
    for f in &people.forms {
        put_part(out, &f.given);
        put_part(out, &f.surname);
    }
    put_uint(out, people.tentative.len() as u64);
    for (span, surname) in &people.tentative {
        put_span(out, span);
        put_str(out, surname);
    }
    match people.dated {
        None => put_uint(out, 0),
        Some((y, m, d)) => {
            put_uint(out, 1);
            put_uint(out, y.into());
            put_uint(out, m.into());
            put_uint(out, d.into());
        }
    }
}

/// The encoding of `people` as a new vector.
pub fn to_bytes(people: &DocPeople) -> Vec<u8> {
    let mut out = Vec::new();
    encode(people, &mut out);
    out
}

/// Decode what [`encode`] wrote. Fails (never panics) on anything else.
pub fn decode(bytes: &[u8]) -> Result<DocPeople, DecodeError> {
    let mut r = Reader { bytes, at: 0 };
    let format = r.uint()?;
    if format != FORMAT {
        return Err(DecodeError::Format(format));
    }
    // Each element takes at least one byte, so a count larger than what remains is garbage
    // (and is refused before anything is allocated for it).
    let n = r.count()?;
    let mut persons = Vec::with_capacity(n);
    for _ in 0..n {
        let name = r.string()?;
        let surname = r.string()?;
        let has_full_name = r.flag()?;
        let fullest = r.string()?;
        let roles = (0..r.count()?).map(|_| r.string()).collect::<Result<_, _>>()?;
        let quotes = (0..r.count()?).map(|_| Ok((r.span()?, r.string()?))).collect::<Result<_, _>>()?;
        persons.push(LocalPerson { name, surname, has_full_name, fullest, roles, quotes });
    }
    let n = r.count()?;
    let mut mentions = Vec::with_capacity(n);
    for _ in 0..n {
        let span = r.span()?;
        let person = r.uint()? as usize;
        if person >= persons.len() {
            return Err(DecodeError::Inconsistent);
        }
        mentions.push(PersonMention { span, person, full: r.flag()? });
    }
    let mut forms = Vec::with_capacity(n.min(r.remaining() / 2));
    for _ in 0..n {
        forms.push(NameForm { given: r.part()?, surname: r.part()? });
    }
    let tentative = (0..r.count()?).map(|_| Ok((r.span()?, r.string()?))).collect::<Result<_, _>>()?;
    let dated = if r.flag()? {
        let y = u16::try_from(r.uint()?).map_err(|_| DecodeError::Inconsistent)?;
        let m = u8::try_from(r.uint()?).map_err(|_| DecodeError::Inconsistent)?;
        let d = u8::try_from(r.uint()?).map_err(|_| DecodeError::Inconsistent)?;
        Some((y, m, d))
    } else {
        None
    };
    if r.remaining() != 0 {
        return Err(DecodeError::Trailing);
    }
    Ok(DocPeople { persons, mentions, forms, tentative, dated })
}

fn put_uint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push(v as u8 | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    put_uint(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

fn put_span(out: &mut Vec<u8>, span: &Span) {
    put_uint(out, span.start as u64);
    put_uint(out, span.end.saturating_sub(span.start) as u64);
}

fn put_part(out: &mut Vec<u8>, part: &Option<(Span, Box<str>)>) {
    match part {
        None => out.push(0),
        Some((span, text)) => {
            out.push(1);
            put_span(out, span);
            put_str(out, text);
        }
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn remaining(&self) -> usize {
        self.bytes.len() - self.at
    }

    fn byte(&mut self) -> Result<u8, DecodeError> {
        let b = *self.bytes.get(self.at).ok_or(DecodeError::Truncated)?;
        self.at += 1;
        Ok(b)
    }

    fn uint(&mut self) -> Result<u64, DecodeError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Ok(v);
            }
        }
        Err(DecodeError::Truncated)
    }

    /// A count of elements that each take at least one byte.
    fn count(&mut self) -> Result<usize, DecodeError> {
        let n = self.uint()?;
        if n > self.remaining() as u64 {
            return Err(DecodeError::Truncated);
        }
        Ok(n as usize)
    }

    fn flag(&mut self) -> Result<bool, DecodeError> {
        match self.byte()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(DecodeError::Inconsistent),
        }
    }

    fn span(&mut self) -> Result<Span, DecodeError> {
        let start = usize::try_from(self.uint()?).map_err(|_| DecodeError::Inconsistent)?;
        let len = usize::try_from(self.uint()?).map_err(|_| DecodeError::Inconsistent)?;
        let end = start.checked_add(len).ok_or(DecodeError::Inconsistent)?;
        Ok(start..end)
    }

    fn str(&mut self) -> Result<&str, DecodeError> {
        let n = self.count()?;
        let s = std::str::from_utf8(&self.bytes[self.at..self.at + n]).map_err(|_| DecodeError::Utf8)?;
        self.at += n;
        Ok(s)
    }

    fn string(&mut self) -> Result<String, DecodeError> {
        self.str().map(str::to_owned)
    }

    fn part(&mut self) -> Result<Option<(Span, Box<str>)>, DecodeError> {
        if !self.flag()? {
            return Ok(None);
        }
        Ok(Some((self.span()?, self.str()?.into())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> DocPeople {
        crate::analyze(
            "Harbour news, 7 March 2026\n\nAmara Okonkwo-Velde, the harbour master, said the ferry was late. \"It has never been this \
             slow,\" Okonkwo-Velde said. Dr. Ines MacAllister disagreed. Halvorsen said nothing.",
            crate::Format::Plain,
        )
        .people
    }

    #[test]
    fn round_trip_of_an_analysed_article() {
        let people = sample();
        assert!(!people.persons.is_empty() && !people.mentions.is_empty());
        assert_eq!(people.dated, Some((2026, 3, 7)));
        assert_eq!(decode(&to_bytes(&people)), Ok(people));
    }

    #[test]
    fn empty_facts_round_trip() {
        assert_eq!(decode(&to_bytes(&DocPeople::default())), Ok(DocPeople::default()));
    }

    #[test]
    fn another_version_is_refused() {
        let mut bytes = to_bytes(&sample());
        bytes[0] = (FORMAT + 1) as u8;
        assert_eq!(decode(&bytes), Err(DecodeError::Format(FORMAT + 1)));
    }

    #[test]
    fn every_truncation_and_extension_fails_without_panicking() {
        let bytes = to_bytes(&sample());
        for n in 0..bytes.len() {
            assert!(decode(&bytes[..n]).is_err(), "a prefix of {n} bytes decoded");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(decode(&longer), Err(DecodeError::Trailing));
    }

    #[test]
    fn flipped_bytes_never_panic() {
        let bytes = to_bytes(&sample());
        for i in 0..bytes.len() {
            for flip in [0x01u8, 0x80, 0xff] {
                let mut b = bytes.clone();
                b[i] ^= flip;
                let _ = decode(&b);
            }
        }
    }

    #[test]
    fn a_huge_count_is_refused_before_allocating() {
        let mut bytes = Vec::new();
        put_uint(&mut bytes, FORMAT);
        put_uint(&mut bytes, u64::MAX / 2);
        assert_eq!(decode(&bytes), Err(DecodeError::Truncated));
    }
}
