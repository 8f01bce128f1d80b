//! The documents a commune needs, produced from a scenario and its simulation: the Annex 1
//! list (.xlsx, .ods), the calendar (.ics), the draft deliberation (HTML) and the yearly list
//! message. The command and the web app share them.

pub mod annex1;
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
