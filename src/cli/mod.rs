//! The command-line front-end: a second thin layer over the analysis core.

pub mod check;
pub mod github;
pub mod isolate;
pub mod ledger;
pub mod lines;
pub mod people;
pub mod report;
pub mod sarif;
pub mod sources;
pub mod workspace;
