//! Document structure: plain-text lines and paragraphs, Markdown blocks, masked spans.

use byline_core::text::{BlockKind, Format, blocks, clean, masked};

#[test]
fn plain_lines_are_blocks_and_unpunctuated_lines_are_headings() {
    let t = "Storm Hits Coast\nWinds reached 120 km/h on Sunday.\n\nPower is back.\n";
    let b = blocks(t, Format::Plain);
    assert_eq!(b.len(), 3);
    assert_eq!(b[0].kind, BlockKind::Heading);
    assert_eq!(b[1].kind, BlockKind::Paragraph);
}

#[test]
fn markdown_setext_heading_and_list_items() {
    let t = "Storm hits coast\n================\n\n- Winds reached 120 km/h.\n- Power is back.\n";
    let b = blocks(t, Format::Markdown);
    assert_eq!(b.len(), 3);
    assert_eq!(b[0].kind, BlockKind::Heading);
    assert_eq!(&t[b[1].span.clone()], "Winds reached 120 km/h.");
}

#[test]
fn urls_and_inline_code_are_masked_with_same_length() {
    let t = "See https://example.org/a.b?c=1. Or `x.y()` and [link](http://e.x/2.3).";
    let m = masked(t);
    assert_eq!(m.len(), 3);
    let c = clean(t);
    assert_eq!(c.len(), t.len());
    assert!(!c.contains("example") && !c.contains("x.y") && !c.contains("e.x"));
}
