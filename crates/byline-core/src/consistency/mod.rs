//! Checks across the articles of a workspace (not of one sentence): name spellings.

pub mod spelling;
