//! The summary at the top of the results (`crate::summary`), from the figures.

use chrono::NaiveDate;

use crate::live::Figures;
use crate::summary::{SummaryLine, summary};

/// The summary's four lines for `figures` on `today`.
pub fn summary_lines(figures: &Figures, today: NaiveDate) -> [SummaryLine; 4] {
    summary(figures.sim(), today).lines()
}
