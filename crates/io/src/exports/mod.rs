//! The documents a commune needs, produced from a scenario and its simulation: the Annex 1
//! list (.xlsx, .ods), the calendar (.ics), the draft deliberation (HTML) and the yearly list
//! message. The command and the web app share them.

pub mod annex1;
pub mod avenant;
pub mod budget;
pub mod compare;
pub mod deliberation;
pub mod document;
pub mod ics;
pub mod letter;
pub mod sheet;
pub mod termination_letter;
pub mod territory;
pub mod worker;

use engine::r10_eligibility::CommuneCheck;
use engine::scenario::Scenario;

/// The commune's name as every document writes it: as typed, followed by « [commune à
/// confirmer : …] » when its name and INSEE code do not designate the same commune (R10), so
/// that no document names one commune while the figures are another's.
pub fn commune_name(scenario: &Scenario, check: &CommuneCheck) -> String {
    let name = &scenario.commune.name;
    match check.confirm_mark(scenario.commune.insee.as_deref()) {
        Some(mark) => format!("{name} {mark}"),
        None => name.clone(),
    }
}
