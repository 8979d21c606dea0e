//! Checks across the articles of a workspace (not of one sentence): name spellings, quotations,
//! roles (with the article's own date, to tell which other article is the most recent).

pub mod dateline;
pub mod quotes;
pub mod roles;
pub mod spelling;
