//! Checks across the articles of a workspace (not of one sentence): name spellings, quotations.

pub mod quotes;
pub mod spelling;
