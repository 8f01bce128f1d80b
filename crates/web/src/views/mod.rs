//! What each section of the page shows, as pure functions of the figures: rows, French
//! sentences, clause tags. The app's components and the first figures only draw these views;
//! they never call a rule. Each view keeps the figures it was made from, so that an
//! explanation (« pourquoi ? ») is written only when asked for.

pub mod commune;
pub mod compare;
pub mod deadlines;
pub mod documents;
pub mod eligibility;
pub mod fees;
pub mod legality;
pub mod print;
pub mod shares;
pub mod summary;
pub mod termination;
pub mod territory;

pub use engine::explain::Input as ExplanationInput;
pub use engine::text::fixed;
pub use engine::{Clause, Explanation};

use engine::explain::Rule;

/// What « pourquoi ? » shows for a row a view no longer holds (never, since a row and its
/// explanation come from the same view).
pub fn unavailable() -> Explanation {
    Explanation::new(Rule::R1, "Explication indisponible", Clause::Art8Duration)
}
