//! What the printed page shows instead of the form: the inputs as text and every school, with
//! its access and eligibility (`crate::print`).

use crate::live::Figures;
use crate::print::{inputs_as_text, school_header, school_rows};

/// The printed report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrintView {
    /// Each input: its label, its value as text.
    pub inputs: Vec<(String, String)>,
    /// « Écoles (60) ».
    pub schools_title: String,
    /// The schools' table header.
    pub header: Vec<String>,
    /// One row per school.
    pub rows: Vec<Vec<String>>,
}

impl PrintView {
    /// The printed report of `figures`.
    pub fn of(figures: &Figures) -> PrintView {
        let s = figures.scenario();
        PrintView {
            inputs: inputs_as_text(s, figures.sim()),
            schools_title: format!("Écoles ({})", s.schools.len()),
            header: school_header(),
            rows: school_rows(s, figures.sim()),
        }
    }
}
