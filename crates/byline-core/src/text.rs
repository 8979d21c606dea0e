//! What part of a document is prose: Markdown structure (code blocks, front matter,
//! link targets, headings) and plain-text layout (paragraphs, headline-like lines).

use crate::Span;

/// How a document is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Plain,
    Markdown,
}

impl Format {
    /// Guess the format from a file name or URI path.
    pub fn from_path(path: &str) -> Format {
        let lower = path.to_ascii_lowercase();
        if lower.ends_with(".md") || lower.ends_with(".markdown") || lower.ends_with(".mdx") {
            Format::Markdown
        } else {
            Format::Plain
        }
    }
}

/// One stretch of prose to analyse, with what kind of block it comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    pub span: Span,
    pub kind: BlockKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    /// Body text.
    Paragraph,
    /// A Markdown heading, or a plain-text line that reads as a headline.
    Heading,
}

/// The prose blocks of a document. Markdown code blocks and front matter are left out;
/// inline link targets are left out by [`prose_mask`].
pub fn blocks(text: &str, format: Format) -> Vec<Block> {
    // Simple first version: one block per non-empty line; Markdown code fences and front
    // matter skipped, `#` lines are headings.
    let mut out = Vec::new();
    let mut in_fence = false;
    let mut pos = 0;
    let mut first = true;
    let mut in_front = false;
    for line in text.split_inclusive('\n') {
        let start = pos;
        pos += line.len();
        let trimmed = line.trim();
        if format == Format::Markdown {
            if first && trimmed == "---" {
                in_front = true;
                first = false;
                continue;
            }
            first = false;
            if in_front {
                if trimmed == "---" || trimmed == "..." {
                    in_front = false;
                }
                continue;
            }
            if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
                in_fence = !in_fence;
                continue;
            }
            if in_fence {
                continue;
            }
        }
        if trimmed.is_empty() {
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        let end = start + line.trim_end().len();
        let kind = if format == Format::Markdown && trimmed.starts_with('#') {
            BlockKind::Heading
        } else {
            BlockKind::Paragraph
        };
        out.push(Block { span: start + lead..end, kind });
    }
    out
}
