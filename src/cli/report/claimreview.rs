//! `byline report --format claimreview`: the checks that carry a verdict, as schema.org
//! `ClaimReview` JSON-LD (<https://schema.org/ClaimReview>), the markup fact-checkers publish.
//! One object per finding whose status is `checked` and whose ledger entry has a `verdict`;
//! open, dismissed and stale findings are left out (a stale check was made on other words).
//!
//! | ClaimReview | from |
//! |---|---|
//! | `claimReviewed` | the finding's sentence, as the article has it now |
//! | `reviewRating` | `Rating`: `alternateName` the verdict; `ratingValue` the rating (1–5), with `worstRating` 1 and `bestRating` 5, when given |
//! | `author` | `Organization` named by `--publisher`, else `Person`: the checker |
//! | `datePublished` | the day of the check |
//! | `url` | the entry's source URL, when it has one |
//! | `reviewBody` | the entry's note, when it has one |
//! | `itemReviewed` | `Claim` whose `appearance` is the article: `CreativeWork` named by its path, with a `url` under `--base-url` |

use percent_encoding::percent_encode;
use serde_json::{Value, json};

use super::model::Report;

#[derive(Default)]
pub struct Options {
    /// The organisation publishing the reviews (else each review's author is its checker).
    pub publisher: Option<String>,
    /// Where the articles are published: an article's URL is this joined with its
    /// workspace-relative path.
    pub base_url: Option<String>,
}

/// Spaces and line breaks folded to one space, trimmed.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn article_url(base: &str, path: &str) -> String {
    let encoded = percent_encode(path.trim_start_matches("./").as_bytes(), crate::files::PATH_BYTES).to_string();
    if base.ends_with('/') { format!("{base}{encoded}") } else { format!("{base}/{encoded}") }
}

pub fn reviews(report: &Report, opts: &Options) -> Vec<Value> {
    let mut out = Vec::new();
    for file in &report.files {
        let path = file.workspace_path.as_deref().unwrap_or(&file.path);
        for f in file.findings.iter().filter(|f| f.status == "checked") {
            let Some(c) = &f.check else { continue };
            let Some(verdict) = c.verdict.as_deref().filter(|v| !v.trim().is_empty()) else { continue };
            let mut rating = json!({"@type": "Rating", "alternateName": verdict});
            if let Some(r) = c.rating {
                let (worst, best) = byline_core::ledger::RATING_SCALE;
                rating["ratingValue"] = json!(r);
                rating["worstRating"] = json!(worst);
                rating["bestRating"] = json!(best);
            }
            let mut appearance = json!({"@type": "CreativeWork", "name": path});
            if let Some(base) = &opts.base_url {
                appearance["url"] = json!(article_url(base, path));
            }
            let mut review = json!({
                "@context": "https://schema.org",
                "@type": "ClaimReview",
                "claimReviewed": one_line(&f.text),
                "reviewRating": rating,
                "itemReviewed": {"@type": "Claim", "appearance": [appearance]},
            });
            match (&opts.publisher, c.checker.trim()) {
                (Some(p), _) => review["author"] = json!({"@type": "Organization", "name": p}),
                (None, "") => {}
                (None, checker) => review["author"] = json!({"@type": "Person", "name": checker}),
            }
            if !c.date.is_empty() {
                review["datePublished"] = json!(c.date);
            }
            if !c.url.is_empty() {
                review["url"] = json!(c.url);
            }
            if !c.note.is_empty() {
                review["reviewBody"] = json!(c.note);
            }
            out.push(review);
        }
    }
    out
}

pub fn render(report: &Report, opts: &Options) -> String {
    let mut s = serde_json::to_string_pretty(&Value::Array(reviews(report, opts))).unwrap_or_default();
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    #[test]
    fn article_urls_join_and_encode() {
        assert_eq!(super::article_url("https://news.example/", "a b/ü.txt"), "https://news.example/a%20b/%C3%BC.txt");
        assert_eq!(super::article_url("https://news.example/x", "./a.md"), "https://news.example/x/a.md");
    }
}
