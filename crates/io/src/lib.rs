//! The exchange formats, shared by the command and the web app: the scenario file, the JSON
//! report and the French text report.

pub mod annuaire;
pub mod compare;
pub mod counts;
pub mod csv_text;
pub mod exports;
pub mod json;
pub mod report;
pub mod samples;
pub mod scenario;
pub mod schema;
pub mod serial;
pub mod territory;
pub mod text;

pub use scenario::{FieldError, parse_str, parse_value};
