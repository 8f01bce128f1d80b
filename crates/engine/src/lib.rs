//! The convention as pure Rust: no web dependency, testable natively.
//!
//! One module a rule (or a group of rules that share their data), one function a rule named
//! after it (`r2_latest_reception`, `r8_cost_shares`…). Every figure comes with an
//! [`Explanation`]: the clause, the inputs, the steps and the assumptions.

pub mod clause;
pub mod communes;
pub mod compare;
pub mod convention;
pub mod d1_d4_meeting;
pub mod d5_legality;
pub mod d7_termination;
pub mod dates;
pub mod explain;
pub mod money;
pub mod r10_eligibility;
pub mod r1_years;
pub mod r2_termination;
pub mod r3_r4_r7_fees;
pub mod r5_r6_access;
pub mod r8_shares;
pub mod r9_calendar;
pub mod scenario;
pub mod simulate;
pub mod territory;
pub mod text;

pub use clause::Clause;
pub use explain::{Explained, Explanation, Rule};
pub use money::Money;
pub use scenario::{
    BillingUnit, ChairVote, Commune, Contact, Contacts, Convention, Deliberation, Level, Mayor,
    Meeting, Proxy, Scenario, School, Sector, StorageGb, TerminationAct, Usage, Vote,
};
pub use simulate::{Deadline, DeadlineKind, Simulation, simulate};
