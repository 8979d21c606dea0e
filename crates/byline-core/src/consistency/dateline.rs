//! The date an article gives itself, read from its first lines (a dateline, "Published 3 March
//! 2026", "2026-03-03"): how the roles across articles tell which other article is the most
//! recent. Only the head of the article is read, so a date in the story ("on 4 May 1998") is not
//! taken for the article's own.

use std::sync::LazyLock;

use regex::Regex;

/// A calendar date, ordered (year, month, day).
pub type ArticleDate = (u16, u8, u8);

/// How much of the article's head is read: its first lines, at most this many bytes.
const HEAD_LINES: usize = 4;
const HEAD_BYTES: usize = 400;

const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

static ISO: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b(\d{4})-(\d{2})-(\d{2})\b").expect("valid regex"));
static DAY_MONTH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(\d{1,2})(?:st|nd|rd|th)? ([a-z]{3,9})\.?,? (\d{4})\b").expect("valid regex"));
static MONTH_DAY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b([a-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})\b").expect("valid regex"));

/// The first date in the article's head, if any.
pub fn article_date(text: &str) -> Option<ArticleDate> {
    let mut end = text.len().min(HEAD_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[..end].lines().filter(|l| !l.trim().is_empty()).take(HEAD_LINES).find_map(date_in_line)
}

fn date_in_line(line: &str) -> Option<ArticleDate> {
    // Every form has a four-digit year (and only ASCII digits parse): most head lines (a
    // headline, a byline) have none, and the three regexes are not run on them.
    if !line.as_bytes().windows(4).any(|w| w.iter().all(u8::is_ascii_digit)) {
        return None;
    }
    let iso = ISO.captures(line).and_then(|c| date(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?));
    let dm = DAY_MONTH.captures(line).and_then(|c| date(c[3].parse().ok()?, month(&c[2])?, c[1].parse().ok()?));
    let md = MONTH_DAY.captures(line).and_then(|c| date(c[3].parse().ok()?, month(&c[1])?, c[2].parse().ok()?));
    iso.or(dm).or(md)
}

/// A month's number from its name or a three-letter abbreviation ("Sept" too).
fn month(word: &str) -> Option<u8> {
    let w = word.to_lowercase();
    let i = MONTHS.iter().position(|m| w.starts_with(m))?;
    let full =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"][i];
    full.starts_with(&w).then_some(i as u8 + 1)
}

fn date(year: u16, month: u8, day: u8) -> Option<ArticleDate> {
    ((1900..=2200).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day)).then_some((year, month, day))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_usual_datelines() {
        assert_eq!(article_date("Harbour to reopen\n2026-03-07\n\nThe harbour…"), Some((2026, 3, 7)));
        assert_eq!(article_date("Harbour to reopen\nPublished 7 March 2026\n\nText."), Some((2026, 3, 7)));
        assert_eq!(article_date("EASTBRIDGE, March 7, 2026 — The harbour will reopen."), Some((2026, 3, 7)));
        assert_eq!(article_date("Updated Sept. 21st, 2025\nText."), Some((2025, 9, 21)));
    }

    #[test]
    fn ignores_dates_past_the_head_and_non_dates() {
        let late = "Title\n\nFirst paragraph.\n\nSecond.\n\nThird.\n\nFourth, on 4 May 1998.\n";
        assert_eq!(article_date(late), None);
        assert_eq!(article_date("Title\n\nShe won 12 medals in 2024.\n"), None);
        assert_eq!(article_date("Code 2026-13-45 is not a date\n"), None);
        assert_eq!(article_date("March 40, 2026\n"), None);
    }

    #[test]
    fn the_head_is_cut_on_a_character_boundary() {
        let text = "é".repeat(HEAD_BYTES);
        assert_eq!(article_date(&text), None);
    }
}
