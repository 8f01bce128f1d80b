//! What the app (the Yew components and their hooks) takes from the layers below besides the
//! state, the draft and the views: the schema's field identities (never a key), the errors,
//! the export worker's protocol, and the dates as the page writes and reads them. No rule of
//! the convention is reachable from here: the app depends on this crate alone.

pub use engine::dates::{fr, iso, parse_iso};
pub use io::FieldError;
pub use io::annuaire::{ByCommune, FoundList, looks_like_directory};
pub use io::counts::{DIRECTORY_FORMAT_HINT, FORMAT_HINT};
pub use io::csv_text::{CsvText, decode as decode_text};
pub use io::exports::ics::PastEvents;
pub use io::exports::letter::ListMessage;
pub use io::exports::worker;
pub use io::report::RULES_VERSION;
pub use io::schema;

use chrono::NaiveDate;

/// The printed page's header: « Rapport laclasse-sim — « Tassin » — imprimé le … — règles ».
pub fn print_header(name: &str, today: NaiveDate) -> String {
    format!(
        "Rapport laclasse-sim — « {name} » — imprimé le {} — {RULES_VERSION}",
        fr(today)
    )
}

/// The page's footer.
pub fn footer(today: NaiveDate) -> String {
    format!(
        "Règles appliquées : {RULES_VERSION}. Chaque montant est exact au centime ; chaque date vient d'une clause citée. Aujourd'hui : {}.",
        fr(today)
    )
}

/// The schools table's note on the dates it asks for (Annexe 1).
pub fn schools_hint() -> String {
    format!(
        "Dates de réception par la Métropole. L'ouverture constatée est facultative : sans elle, l'accès est supposé ouvert {} jours après la demande (Annexe 1).",
        engine::convention::OPENING_DELAY_DAYS
    )
}

/// What a simulation still needs before its figures show, when none of its errors is shown yet
/// (a new simulation): the fields to fill, by their labels.
pub fn to_complete(errors: &[FieldError]) -> String {
    let mut labels: Vec<&str> = Vec::new();
    for e in errors {
        if !e.label.is_empty() && !labels.contains(&e.label.as_str()) {
            labels.push(&e.label);
        }
    }
    format!(
        "Les chiffres s'afficheront une fois la saisie complète. À remplir : {}.",
        labels.join(", ")
    )
}

/// « 2 champs à corriger ».
pub fn errors_title(n: usize) -> String {
    format!("{n} champ{} à corriger", if n > 1 { "s" } else { "" })
}
