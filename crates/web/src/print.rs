//! The printed report's text: the inputs as a person reads them (dates in French) and every
//! school with its access and eligibility, not one page of them.

use engine::dates::fr;
use engine::{Scenario, Simulation};
use io::schema::{Field, SchoolField};

/// The inputs outside the schools and the council meeting, each as (label, value), in the
/// page's order; a field not given says so.
pub fn inputs_as_text(s: &Scenario, sim: &Simulation) -> Vec<(String, String)> {
    let date = |d: Option<chrono::NaiveDate>| d.map_or_else(|| "non renseignée".to_string(), fr);
    [
        (Field::CommuneName, s.commune.name.clone()),
        (
            Field::CommuneInsee,
            // The commune known by its name: its code, as R10 found it.
            match (&s.commune.insee, sim.commune.record) {
                (Some(code), _) => code.clone(),
                (None, Some(c)) => format!("{} (d'après le nom)", c.insee),
                (None, None) => "non renseigné".into(),
            },
        ),
        (Field::Notified, fr(s.convention.notified)),
        (Field::AnnualFee, s.convention.annual_fee.to_string()),
        (
            Field::FeeChanges,
            if sim.fee_changes.is_empty() {
                "aucun".to_string()
            } else {
                sim.fee_change_effects()
                    .iter()
                    .map(|e| e.describe())
                    .collect::<Vec<_>>()
                    .join(" ")
            },
        ),
        (
            Field::BillingUnit,
            s.convention.billing_unit.label().to_string(),
        ),
        (Field::HorizonUntil, fr(s.horizon_until)),
        (
            Field::TerminationReceived,
            date(s.convention.termination_received),
        ),
        (Field::DeliberationPublished, date(s.deliberation.published)),
        (
            Field::DeliberationTransmitted,
            date(s.deliberation.transmitted),
        ),
    ]
    .into_iter()
    .map(|(f, v)| (f.label(), v))
    .collect()
}

/// The header of [`school_rows`].
pub fn school_header() -> Vec<String> {
    let mut h = vec!["N°".to_string()];
    h.extend(
        [
            SchoolField::Name,
            SchoolField::Uai,
            SchoolField::Level,
            SchoolField::Group,
            SchoolField::Requested,
        ]
        .map(SchoolField::label),
    );
    h.extend(["Accès".to_string(), "Éligibilité".to_string()]);
    h
}

/// Every school, one row each: number, name, UAI, level, group, request, access, eligibility
/// with its reasons.
pub fn school_rows(s: &Scenario, sim: &Simulation) -> Vec<Vec<String>> {
    s.schools
        .iter()
        .zip(&sim.schools)
        .enumerate()
        .map(|(i, (school, out))| {
            let access = match (out.access_from(), out.access_until()) {
                (Some(f), Some(u)) => format!("du {} au {} exclu", fr(f), fr(u)),
                (Some(f), None) => format!("depuis le {}", fr(f)),
                _ => "aucun".to_string(),
            };
            let eligibility = if out.eligibility.eligible() {
                "éligible".to_string()
            } else {
                let reasons: Vec<String> = out
                    .eligibility
                    .reasons
                    .iter()
                    .map(|r| format!("{} [{}]", r.message, r.clause.reference()))
                    .collect();
                format!("non éligible : {}", reasons.join(" ; "))
            };
            vec![
                (i + 1).to_string(),
                school.name.clone(),
                school.uai.clone().unwrap_or_default(),
                school.level.label().to_string(),
                school.group.clone().unwrap_or_default(),
                fr(school.requested),
                access,
                eligibility,
            ]
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use engine::simulate;
    use io::{parse_str, samples};

    #[test]
    fn the_report_reads_the_inputs_in_french_and_lists_every_school() {
        let s = parse_str(samples::TASSIN_JSON).unwrap();
        let sim = simulate(&s);
        let inputs = inputs_as_text(&s, &sim);
        assert!(inputs.contains(&("Notification de la convention".into(), "16/11/2023".into())));
        assert!(inputs.contains(&(
            "Lettre de résiliation reçue le".into(),
            "non renseignée".into()
        )));
        let rows = school_rows(&s, &sim);
        assert_eq!(rows.len(), s.schools.len());
        assert_eq!(rows[0].len(), school_header().len());
        assert_eq!(rows[3][6], "du 24/11/2023 au 20/08/2025 exclu");
    }
}
