//! Simulations side by side in the app: the variant made in one click, and the comparison of
//! the simulations chosen (`engine::compare`), read from their drafts.

use chrono::{Datelike, NaiveDate};

use super::state::{Action, Entry};
use engine::compare::{Compared, Comparison, compare};
use engine::dates::iso;
use engine::{Money, Scenario, Simulation, simulate};
use io::exports::termination_letter::target_notice;
use io::exports::worker::{ExportRequest, SpreadsheetFormat};
use io::parse_value;
use io::scenario::to_string_pretty;
use io::schema::{Field, SchoolField};

/// Reads an entry's draft; a draft with errors cannot be compared, and the message says which.
fn read(entry: &Entry) -> Result<(Scenario, Simulation), String> {
    let scenario = parse_value(&entry.draft.to_value()).map_err(|errors| {
        format!(
            "« {} » contient {} erreur{} : corrigez{} avant de comparer.",
            entry.name,
            errors.len(),
            if errors.len() > 1 { "s" } else { "" },
            if errors.len() > 1 { "-les" } else { "-la" }
        )
    })?;
    let sim = simulate(&scenario);
    Ok((scenario, sim))
}

/// « Variante : résilier en 2027 »: the simulation `entry` with a termination letter received
/// on the last working day of the notice (R2's practical day) for the next anniversary still
/// reachable on `today` (R2, Art. 8), as an action that keeps it, opens it and compares it with `entry`.
pub fn terminate_variant(entry: &Entry, today: NaiveDate) -> Result<Action, String> {
    let (_, sim) = read(entry)?;
    let notice = target_notice(&sim, today, None).map_err(|m| format!("Pas de variante : {m}."))?;
    let mut draft = (*entry.draft).clone();
    draft.set(Field::TerminationReceived, iso(notice.practical_last_day));
    Ok(Action::Variant {
        of: entry.id.clone(),
        name: format!("Variante : résilier en {}", notice.anniversary.year()),
        draft: Box::new(draft),
    })
}

/// What the variants are, for the page that offers them on `name` (the open simulation).
pub fn variants_hint(name: &str) -> String {
    format!(
        "Chaque variante est une copie de « {name} », gardée dans « Mes simulations », ouverte et comparée à l'original : résilier, c'est une lettre reçue le dernier jour ouvré du préavis pour le prochain anniversaire encore atteignable ; des écoles de plus sont demandées aujourd'hui et comptées éligibles ({ADMIN_HYPOTHESIS}) ; une nouvelle redevance s'applique aux titres datés à partir du jour choisi, comme un avenant (hypothèse : avenant à conclure ; le montant proposé, 10 % de plus au 1er janvier prochain, n'est qu'un exemple à modifier)."
    )
}

/// The hypothesis under which a variant's new schools are billed.
pub const ADMIN_HYPOTHESIS: &str = "hypothèse : écoles publiques élémentaires dont l'administrateur sera désigné ; à compléter dans la variante";

/// How many schools a variant adds, as typed: a whole number from 1 to 99; `None` otherwise.
pub fn schools_variant_count(typed: &str) -> Option<usize> {
    typed
        .trim()
        .parse()
        .ok()
        .filter(|n| (1..=MAX_VARIANT_SCHOOLS).contains(n))
}

/// What [`schools_variant_count`] asks for.
pub const VARIANT_COUNT_ERROR: &str = "un nombre entier de 1 à 99";

/// The most schools a variant adds at once.
const MAX_VARIANT_SCHOOLS: usize = 99;

/// The label of [`schools_variant`]'s button for `n` schools.
pub fn schools_variant_label(n: usize) -> String {
    format!("Variante : + {n} école{}", if n > 1 { "s" } else { "" })
}

/// The administrator a variant's new school stands with until one is named: a marker, valid
/// by R10's rule (so that the school is billed, under the stated hypothesis), never a person.
fn pending_admin(draft: &mut crate::draft::SchoolDraft) {
    use io::schema::ContactField;
    for (field, value) in [
        (ContactField::LastName, "(à désigner)"),
        (ContactField::FirstName, "(hypothèse)"),
        (ContactField::Function, "Administrateur"),
        (ContactField::Email, "a-designer@exemple.invalid"),
        (ContactField::Phone, "00 00 00 00 00"),
    ] {
        draft.set(SchoolField::Admin(field), value);
    }
}

/// « Variante : + 2 écoles »: the simulation `entry` with `n` more schools (1 to 99) asked for
/// on `today` (« Nouvelle école 1 », « 2 »…, public élémentaires), counted eligible under
/// [`ADMIN_HYPOTHESIS`] — so that the first answer is what they would cost, never 0 € for an
/// administrator not yet named —, as an action that keeps it, opens it and compares it with
/// `entry`.
pub fn schools_variant(entry: &Entry, today: NaiveDate, n: usize) -> Action {
    let n = n.clamp(1, MAX_VARIANT_SCHOOLS);
    let mut draft = (*entry.draft).clone();
    // Numbered after the new schools a variant may already have.
    let before = draft
        .schools
        .iter()
        .filter(|s| s.get(SchoolField::Name).starts_with("Nouvelle école "))
        .count();
    for k in before + 1..=before + n {
        let mut school = draft.new_school();
        school.set(SchoolField::Name, format!("Nouvelle école {k}"));
        school.set(SchoolField::Level, "elementaire");
        school.set(SchoolField::Sector, "public");
        school.set(SchoolField::Requested, iso(today));
        pending_admin(&mut school);
        draft.schools.push(std::rc::Rc::new(school));
    }
    Action::Variant {
        of: entry.id.clone(),
        name: schools_variant_label(n),
        draft: Box::new(draft),
    }
}

/// The label of the variant [`terminate_variant`] would make, for its button, from the
/// figures already computed for `entry` (no reading again on each keystroke); `None` when the
/// simulation already has a termination letter or no anniversary is still reachable.
pub fn terminate_variant_label(
    entry: &Entry,
    figures: &crate::live::Figures,
    today: NaiveDate,
) -> Option<String> {
    let sim = figures.sim();
    if !entry
        .draft
        .text(Field::TerminationReceived)
        .trim()
        .is_empty()
    {
        return None;
    }
    let notice = target_notice(sim, today, None).ok()?;
    Some(format!(
        "Variante : résilier en {}",
        notice.anniversary.year()
    ))
}

/// The source written on a variant's change of fee: an avenant not concluded.
pub const FEE_VARIANT_SOURCE: &str = "variante, avenant à conclure : hypothèse de planification";

/// The fee variant's inputs' labels: the new amount, the date it applies from.
pub const FEE_VARIANT_LABELS: [&str; 2] = ["Nouvelle redevance par unité (€)", "À partir du"];

/// The fee variant's button while its inputs make none.
pub const FEE_VARIANT_BUTTON: &str = "Variante : nouvelle redevance";

/// What the fee variant's inputs hold, when they make one: a new amount (a positive sum, two
/// decimals at most) and the date it applies from; else a French message naming the input.
pub fn fee_variant_inputs(amount: &str, from: &str) -> Result<(Money, NaiveDate), String> {
    let money =
        Money::parse_fee(amount).map_err(|e| format!("Nouvelle redevance : {}", e.message()))?;
    let date = engine::dates::parse_iso(from.trim())
        .ok_or_else(|| "À partir du : indiquer une date".to_string())?;
    Ok((money, date))
}

/// « Variante : redevance à 165,00 € à partir du 01/01/2027 ».
pub fn fee_variant_label(amount: Money, from: NaiveDate) -> String {
    format!(
        "Variante : redevance à {amount} à partir du {}",
        engine::dates::fr(from)
    )
}

/// What the fee variant's inputs start with, from the figures of the open simulation: the
/// next 1 January after `today`, and the fee in force then plus 10 % (rounded to the cent).
pub fn fee_variant_defaults(figures: &crate::live::Figures, today: NaiveDate) -> (String, String) {
    let sim = figures.sim();
    let from = NaiveDate::from_ymd_opt(today.year() + 1, 1, 1)
        .unwrap_or(today)
        .max(sim.notified);
    let now = engine::r3_r4_r7_fees::r3_fee_in_force(sim.fee_schedule(), from).amount;
    let raised = Money::from_cents((now.cents() * 11).div_ceil(10));
    (
        engine::text::decimal_comma(&raised.to_decimal_string()),
        iso(from),
    )
}

/// « Variante : redevance à 165,00 € à partir du 01/01/2027 »: the simulation `entry` with a
/// change of fee by avenant from `from` (one typed on that day replaced), as an action that
/// keeps it, opens it and compares it with `entry`; refused before the notification.
pub fn fee_variant(entry: &Entry, amount: Money, from: NaiveDate) -> Result<Action, String> {
    let (scenario, _) = read(entry)?;
    if from < scenario.convention.notified {
        return Err(format!(
            "Pas de variante : le {} est avant la notification de la convention ({}).",
            engine::dates::fr(from),
            engine::dates::fr(scenario.convention.notified)
        ));
    }
    let mut draft = (*entry.draft).clone();
    let typed = draft.text(Field::FeeChanges).to_string();
    let mut rows = crate::fee_changes::rows(&typed);
    rows.retain(|r| {
        engine::dates::parse_iso(r[0].trim()) != Some(from)
            && r.iter().any(|c| !c.trim().is_empty())
    });
    rows.push([
        iso(from),
        engine::text::decimal_comma(&amount.to_decimal_string()),
        FEE_VARIANT_SOURCE.to_string(),
    ]);
    draft.set(Field::FeeChanges, crate::fee_changes::to_text(&rows));
    Ok(Action::Variant {
        of: entry.id.clone(),
        name: fee_variant_label(amount, from),
        draft: Box::new(draft),
    })
}

/// The request for the comparison's spreadsheet of `entries` in `format`, and its file name.
pub fn export_request(
    entries: &[&Entry],
    format: SpreadsheetFormat,
    today: NaiveDate,
) -> Result<(ExportRequest, String), String> {
    let mut scenarios = Vec::with_capacity(entries.len());
    for e in entries {
        let (scenario, _) = read(e)?;
        scenarios.push(to_string_pretty(&scenario));
    }
    let request = ExportRequest::Comparison {
        format,
        names: entries.iter().map(|e| e.name.clone()).collect(),
        scenarios,
        today: iso(today),
    };
    Ok((
        request,
        format!("laclasse-sim-comparaison.{}", format.extension()),
    ))
}

/// The comparison of `entries` (the first the reference), or what prevents it.
pub(crate) fn comparison(entries: &[&Entry], today: NaiveDate) -> Result<Comparison, String> {
    if entries.len() < 2 {
        return Err("Choisissez au moins deux simulations à comparer.".into());
    }
    let read: Vec<(Scenario, Simulation)> =
        entries.iter().map(|e| read(e)).collect::<Result<_, _>>()?;
    let compared: Vec<Compared> = entries
        .iter()
        .zip(&read)
        .map(|(e, (scenario, sim))| Compared {
            name: &e.name,
            scenario,
            sim,
        })
        .collect();
    Ok(compare(&compared, today))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::{AppState, Library, SimId};
    use io::schema::ContactField;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
    }

    #[test]
    fn the_termination_variant_ends_at_the_first_reachable_anniversary() {
        let mut state = AppState::new(Library::first_visit("t"));
        let example = state.library.current().clone();
        let (scenario, sim) = read(&example).unwrap();
        let sim = crate::live::Figures::new(std::rc::Rc::new(scenario), std::rc::Rc::new(sim));
        assert_eq!(
            terminate_variant_label(&example, &sim, today()).as_deref(),
            Some("Variante : résilier en 2027")
        );
        let action = terminate_variant(&example, today()).unwrap();
        state.apply(action.clone());
        assert_eq!(state.library.entries.len(), 2);
        let variant = state.library.current().clone();
        assert_eq!(variant.name, "Variante : résilier en 2027");
        assert_eq!(variant.draft.text(Field::TerminationReceived), "2027-08-13");
        assert_eq!(state.compared, vec![example.id.clone(), variant.id.clone()]);
        // One click more opens the same variant, not a second copy; the variant, already
        // terminated, offers no variant of its own.
        state.apply(action);
        assert_eq!(state.library.entries.len(), 2);
        assert_eq!(terminate_variant_label(&variant, &sim, today()), None);

        let entries = state.compared_entries();
        let c = comparison(&entries, today()).unwrap();
        assert_eq!(c.names, vec![example.name.clone(), variant.name.clone()]);
        assert_eq!(c.total_gaps[1].unwrap().to_string(), "−450,00 €");
        let last = c.convention_years.last().unwrap();
        assert_eq!(last.number, 5);
        assert_eq!(last.fees[1], None);
    }

    #[test]
    fn the_schools_variant_bills_its_new_schools_under_a_stated_hypothesis() {
        let mut state = AppState::new(Library::first_visit("t"));
        let example = state.library.current().clone();
        state.apply(schools_variant(&example, today(), 2));
        let variant = state.library.current().clone();
        assert_eq!(variant.name, "Variante : + 2 écoles");
        assert_eq!(variant.draft.schools.len(), example.draft.schools.len() + 2);
        let new = &variant.draft.schools[example.draft.schools.len()];
        assert_eq!(new.name(), "Nouvelle école 1");
        assert_eq!(
            new.get(SchoolField::Admin(ContactField::LastName)),
            "(à désigner)"
        );
        // Never 0 € by omission: the two schools are billed from the year they open in, as
        // one school completed by hand would be (+300,00 € each over the horizon).
        let c = comparison(&state.compared_entries(), today()).unwrap();
        assert!(!c.same_fees());
        assert_eq!(c.total_gaps[1].unwrap().to_string(), "+600,00 €");
        assert!(variants_hint("Exemple").contains(ADMIN_HYPOTHESIS));
        assert_eq!(schools_variant_label(1), "Variante : + 1 école");
        assert_eq!(schools_variant_count(" 3 "), Some(3));
        assert_eq!(schools_variant_count("0"), None);
        assert_eq!(schools_variant_count("100"), None);
        assert_eq!(schools_variant_count("2,5"), None);
        // A third school in the variant is numbered after the first two.
        state.apply(schools_variant(&variant, today(), 1));
        assert_eq!(
            state.library.current().draft.schools.last().unwrap().name(),
            "Nouvelle école 3"
        );
    }

    #[test]
    fn a_draft_with_an_error_is_named_and_nothing_is_compared() {
        let mut state = AppState::new(Library::first_visit("t"));
        let example = state.library.current().id.clone();
        state.apply(Action::DuplicateSimulation(example.clone()));
        state.apply(Action::Edit(
            io::schema::Field::Notified,
            "2023-02-30".into(),
        ));
        let copy = state.library.current().id.clone();
        state.apply(Action::Compare(vec![
            example.clone(),
            copy.clone(),
            SimId("inconnue".into()),
            example.clone(),
        ]));
        assert_eq!(state.compared, vec![example, copy]);
        let err = comparison(&state.compared_entries(), today()).unwrap_err();
        assert!(
            err.contains("contient 1 erreur : corrigez-la avant de comparer"),
            "{err}"
        );
        assert!(comparison(&state.compared_entries()[..1], today()).is_err());
    }
    #[test]
    fn the_fee_variant_adds_an_avenant_and_compares_with_the_original() {
        let mut state = AppState::new(Library::first_visit("t"));
        let example = state.library.current().clone();
        let figures = crate::live::Live::default()
            .compute(&example.draft)
            .result
            .unwrap();
        assert_eq!(
            fee_variant_defaults(&figures, today()),
            ("165,00".to_string(), "2027-01-01".to_string())
        );
        let (amount, from) = fee_variant_inputs("165,00", "2025-01-01").unwrap();
        assert_eq!(
            fee_variant_label(amount, from),
            "Variante : redevance à 165,00 € à partir du 01/01/2025"
        );
        assert_eq!(
            fee_variant_inputs("-3", "2025-01-01").unwrap_err(),
            "Nouvelle redevance : le montant doit être supérieur à zéro"
        );
        assert_eq!(
            fee_variant_inputs("165", "").unwrap_err(),
            "À partir du : indiquer une date"
        );
        assert!(
            fee_variant(
                &example,
                amount,
                NaiveDate::from_ymd_opt(2020, 1, 1).unwrap()
            )
            .unwrap_err()
            .contains("avant la notification")
        );
        let action = fee_variant(&example, amount, from).unwrap();
        state.apply(action);
        let variant = state.library.current().clone();
        assert_eq!(
            variant.name,
            "Variante : redevance à 165,00 € à partir du 01/01/2025"
        );
        assert_eq!(state.compared, vec![example.id.clone(), variant.id.clone()]);
        let c = comparison(&[&example, &variant], today()).unwrap();
        let fees: Vec<Option<Money>> = c.convention_years[2].fees.clone();
        assert_eq!(
            fees,
            vec![Some(Money::from_euros(450)), Some(Money::from_euros(495))]
        );
        assert!(
            c.convention_years[2]
                .why
                .steps
                .iter()
                .any(|s| s.contains("Redevance annuelle : 165,00 € dans « Variante"))
        );
        // Made again on the same day: the change is replaced, never doubled.
        let again = fee_variant(&variant, Money::from_euros(170), from).unwrap();
        let Action::Variant { draft, .. } = again else {
            panic!()
        };
        assert_eq!(
            crate::fee_changes::rows(draft.text(Field::FeeChanges)).len(),
            1
        );
    }
}

#[cfg(test)]
mod link_tests {
    use super::*;
    use crate::share::{compare_hash, decode_compare};
    use crate::state::{AppState, Library};

    #[test]
    fn a_comparison_link_reopens_it_without_personal_data() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        let mut state = AppState::new(Library::first_visit("t"));
        let example = state.library.current().clone();
        state.apply(terminate_variant(&example, today).unwrap());
        let entries = state.compared_entries();
        let list: Vec<_> = entries
            .iter()
            .map(|e| (e.name.as_str(), &*e.draft))
            .collect();
        let hash = compare_hash(&list).unwrap();
        assert!(hash.starts_with("#comparer="));
        let read = decode_compare(&hash).unwrap().unwrap();
        assert_eq!(read.len(), 2);
        assert_eq!(read[1].0, "Variante : résilier en 2027");
        assert_eq!(read[1].1.text(Field::TerminationReceived), "2027-08-13");
        use base64::Engine as _;
        let payload = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(hash.trim_start_matches("#comparer="))
            .unwrap();
        let payload = String::from_utf8(payload).unwrap();
        for personal in [
            "example.fr",
            "04 78",
            "0478",
            "Nom2",
            "Claire",
            "Ref",
            "Chef",
        ] {
            assert!(!payload.contains(personal), "{personal} in a link");
        }

        // Opened in another browser: both kept, the first opened, side by side, same figures.
        let mut other = AppState::new(Library::empty("u"));
        other.apply(Action::ImportComparison(read));
        assert_eq!(other.compared.len(), 2);
        assert_eq!(other.library.current().id, other.compared[0]);
        let c = comparison(&other.compared_entries(), today).unwrap();
        assert_eq!(c.total_gaps[1].unwrap().to_string(), "−450,00 €");
    }

    #[test]
    fn a_damaged_comparison_link_says_so() {
        assert!(decode_compare("#s=abc").is_none());
        assert_eq!(
            decode_compare("#comparer=%%%").unwrap().unwrap_err(),
            "Le lien ne contient pas une comparaison lisible (encodage abîmé)."
        );
        use base64::Engine as _;
        let one = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .encode(br#"[{"name":"A","scenario":{}}]"#);
        assert_eq!(
            decode_compare(&format!("#comparer={one}"))
                .unwrap()
                .unwrap_err(),
            "Le lien de comparaison doit contenir deux ou trois simulations."
        );
        let unnamed = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .encode(br#"[{"name":"\n","scenario":{}},{"name":"B","scenario":{}}]"#);
        assert!(
            decode_compare(&format!("#comparer={unnamed}"))
                .unwrap()
                .is_err()
        );
    }
}
