//! claimcheck: finds numbers in articles that contradict each other.
//!
//! The pipeline, top to bottom: ingest → extract → check → report.
pub mod check;
pub mod extract;
pub mod ingest;
pub mod model;
