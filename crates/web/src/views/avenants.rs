//! « Avenants : changements de redevance », under the convention (R3): a row per change
//! (date, amount, source) as typed, each with where it takes effect in the figures and what
//! makes it bind.

use chrono::NaiveDate;
use engine::dates::parse_iso;
use engine::explain::assumptions::{AVENANT_BINDS, FEE_AT_TITLE_DATE};
use io::schema::{Field, fee_change_parts};

use crate::fee_changes::{CELLS, rows};
use crate::live::Figures;
use io::scenario::FEE_CHANGE_ROW;

/// The form, as it shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AvenantsView {
    /// « Avenants : changements de redevance ».
    pub legend: String,
    /// The group's element id (errors link to it).
    pub id: String,
    /// What a change does to the figures (R3's hypothèse).
    pub hint: &'static str,
    /// One per change typed.
    pub rows: Vec<AvenantRow>,
    /// The errors about the list as a whole (not about one change).
    pub errors: Vec<String>,
    /// When an avenant binds the commune, said beside the changes (R3).
    pub binds: &'static str,
    /// The button that adds a row.
    pub add: &'static str,
    /// Its element id, where the focus goes when a row is removed.
    pub add_id: &'static str,
    /// Where the focus goes when a row is added: the new row's first input.
    pub added_focus: String,
}

/// The element id of the input `key` of row `i`: `fee-change-0-from`.
fn cell_id(i: usize, key: &str) -> String {
    format!("fee-change-{i}-{}", key.replace('_', "-"))
}

/// One change as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AvenantRow {
    /// « Changement 1 ».
    pub title: String,
    /// Its three inputs, in order.
    pub cells: [AvenantCell; CELLS],
    /// Where it takes effect, once the figures have it: « Avenant n° 1 : … — premier titre au
    /// nouveau montant : 16/11/2025 (…) ».
    pub effect: Option<String>,
    /// The label of the button that removes it.
    pub remove: String,
    /// What is wrong with it, once shown (« changement 2 : … »; a change on a day already
    /// taken is the later one's).
    pub error: Option<String>,
}

/// One input of a change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AvenantCell {
    /// Its element id: `fee-change-0-from`.
    pub id: String,
    /// Its label.
    pub label: &'static str,
    /// « , changement 1 », for assistive technologies.
    pub suffix: String,
    /// Its HTML type.
    pub kind: &'static str,
    /// Its `inputmode`, if not the default.
    pub input_mode: Option<&'static str>,
    /// As typed.
    pub value: String,
}

impl AvenantsView {
    /// The changes typed in `text` (the draft's [`Field::FeeChanges`]), with their effects in
    /// `figures` when they are the draft's; a date already past on `today` is said (an avenant
    /// takes no effect before its signature, R3).
    /// `errors` are the shown errors of the field, each given to the change it names.
    pub fn of(
        text: &str,
        figures: Option<&Figures>,
        today: NaiveDate,
        errors: &[&str],
    ) -> AvenantsView {
        let parts = fee_change_parts();
        let kinds = crate::fee_changes::INPUTS;
        let typed = rows(text);
        // Looked up only when there is a change to show it beside (this view is drawn at
        // every edit).
        let effects = figures
            .filter(|_| !typed.is_empty())
            .map(|f| f.sim().fee_change_effects());
        let added_focus = cell_id(typed.len(), parts[0].0);
        // « changement 2 : … » is row 2's; « changements 1 et 2 : … » the later row's.
        let row_of = |e: &str| -> Option<usize> {
            let rest = e.strip_prefix(FEE_CHANGE_ROW)?;
            let rest = rest.strip_prefix('s').unwrap_or(rest);
            let head = rest.split(" : ").next()?;
            head.split(" et ").last()?.trim().parse::<usize>().ok()
        };
        let mut row_errors: Vec<Vec<&str>> = vec![Vec::new(); typed.len()];
        let mut group_errors = Vec::new();
        for e in errors {
            match row_of(e).and_then(|n| row_errors.get_mut(n.wrapping_sub(1))) {
                Some(list) => list.push(e),
                None => group_errors.push(e.to_string()),
            }
        }
        // Only the first row of a date shows where it takes effect (a second one on that day
        // is an error, never another's effect).
        let mut dates_seen: Vec<NaiveDate> = Vec::new();
        let rows = typed
            .into_iter()
            .enumerate()
            .map(|(i, cells)| {
                let n = i + 1;
                let from = parse_iso(cells[0].trim());
                let first_of_its_date = from.is_some_and(|d| {
                    let first = !dates_seen.contains(&d);
                    dates_seen.push(d);
                    first
                });
                let error = (!row_errors[i].is_empty()).then(|| row_errors[i].join(" ; "));
                let effect = effects.as_ref().filter(|_| first_of_its_date && error.is_none()).and_then(|all| {
                    all.iter().find(|e| Some(e.change.from) == from).map(|e| {
                        let mut said = e.describe();
                        if e.change.from < today {
                            said.push_str(&format!(
                                " Le {} est passé : un avenant ne prend pas effet avant sa signature ; s'il n'est pas encore signé, cette date est à revoir.",
                                engine::dates::fr(e.change.from)
                            ));
                        }
                        said
                    })
                });
                let mut k = 0;
                let cells = cells.map(|value| {
                    let (key, label) = parts[k];
                    let cell = AvenantCell {
                        id: cell_id(i, key),
                        label,
                        suffix: format!(", changement {n}"),
                        kind: kinds[k].html_type(),
                        input_mode: kinds[k].input_mode(),
                        value,
                    };
                    k += 1;
                    cell
                });
                AvenantRow {
                    title: format!("Changement {n}"),
                    cells,
                    effect,
                    remove: format!("Retirer le changement {n}"),
                    error,
                }
            })
            .collect();
        AvenantsView {
            legend: Field::FeeChanges.label(),
            id: Field::FeeChanges.element_id(),
            hint: FEE_AT_TITLE_DATE,
            rows,
            errors: group_errors,
            binds: AVENANT_BINDS,
            add: "Ajouter un changement de redevance",
            add_id: "fee-change-add",
            added_focus,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::Draft;
    use crate::fee_changes::{add, edit};
    use crate::live::Live;
    use io::samples;

    #[test]
    fn each_row_shows_what_was_typed_and_where_it_takes_effect() {
        let mut draft = Draft::from_json(samples::TASSIN_JSON).unwrap();
        let text = edit(&add(""), 0, 0, "2025-01-01");
        let text = edit(&text, 0, 1, "165,00");
        let text = edit(&text, 0, 2, "avenant n° 1");
        let text = add(&text);
        draft.set(Field::FeeChanges, text.clone());
        let figures = Live::default().compute(&draft).result.unwrap();
        let v = AvenantsView::of(
            &text,
            Some(&figures),
            NaiveDate::from_ymd_opt(2024, 12, 1).unwrap(),
            &[],
        );
        assert_eq!(v.legend, "Avenants : changements de redevance");
        assert_eq!(v.rows.len(), 2);
        let first = &v.rows[0];
        assert_eq!(first.cells[0].id, "fee-change-0-from");
        assert_eq!(first.cells[0].kind, "date");
        assert_eq!(first.cells[1].id, "fee-change-0-annual-fee-eur");
        assert_eq!(first.cells[1].value, "165,00");
        assert_eq!(first.cells[1].input_mode, Some("decimal"));
        assert_eq!(
            first.effect.as_deref(),
            Some(
                "Avenant n° 1 : 165,00 € à partir du 01/01/2025 — premier titre sous cet avenant : 16/11/2025 (année de convention n° 3, exercice 2025)."
            )
        );
        assert_eq!(v.rows[1].effect, None);
        // Seen after the date: said to be past, and why it matters.
        let later = AvenantsView::of(
            &text,
            Some(&figures),
            NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
            &[],
        );
        // Each error goes to the change it names; a change on a day already taken is the
        // later one's, which never shows the other's effect.
        let twice = edit(&text, 1, 0, "2025-01-01");
        let v = AvenantsView::of(
            &twice,
            Some(&figures),
            NaiveDate::from_ymd_opt(2024, 12, 1).unwrap(),
            &[
                "changements 1 et 2 : deux changements le même jour (01/01/2025) ; un seul montant par date",
                "une liste de changements de redevance est attendu, pas un objet",
            ],
        );
        assert!(v.rows[0].error.is_none() && v.rows[0].effect.is_some());
        assert!(
            v.rows[1]
                .error
                .as_deref()
                .unwrap()
                .starts_with("changements 1 et 2")
        );
        assert_eq!(v.rows[1].effect, None);
        assert_eq!(v.errors.len(), 1);
        assert!(later.rows[0].effect.as_deref().unwrap().ends_with(
            "Le 01/01/2025 est passé : un avenant ne prend pas effet avant sa signature ; s'il n'est pas encore signé, cette date est à revoir."
        ));
        assert_eq!(v.rows[1].remove, "Retirer le changement 2");
        assert_eq!(v.added_focus, "fee-change-2-from");
        assert!(v.binds.contains("signé par les deux parties"));

        // The fee tables: 600,00 € for year 2, 495,00 € for year 3, marked where the change
        // takes effect, on the year and on the exercice.
        let fees = crate::views::fees::FeesView::of(&figures);
        let amounts: Vec<&str> = fees.years.iter().map(|y| y.fee.fee.as_str()).collect();
        assert_eq!(amounts[1..3], ["600,00 €", "495,00 €"]);
        let marks = fees.marks();
        let marked: Vec<u32> = fees
            .years
            .iter()
            .zip(&marks.years)
            .filter(|(_, m)| m.is_some())
            .map(|(y, _)| y.number)
            .collect();
        assert_eq!(marked, [3]);
        assert_eq!(marks.years[2].as_deref(), Some("avenant n° 1"));
        assert_eq!(
            marks.notes,
            [
                "Avenant n° 1 : 165,00 € à partir du 01/01/2025 — premier titre sous cet avenant : 16/11/2025 (année de convention n° 3, exercice 2025)."
            ]
        );
        let exercices: Vec<i32> = fees
            .budget
            .rows
            .iter()
            .zip(&marks.budget)
            .filter(|(_, m)| m.is_some())
            .map(|(b, _)| b.year)
            .collect();
        assert_eq!(exercices, [2025]);
        assert!(
            fees.lead
                .contains(", puis 165,00 € à partir du 01/01/2025 (avenant n° 1)")
        );
        let why = fees.year_why(2).unwrap();
        assert!(why.steps.iter().any(|s| s
            == "Titre du 16/11/2025 : 3 unités × 165,00 € = 495,00 € (avenant n° 1, en vigueur depuis le 01/01/2025)."));
    }
}
