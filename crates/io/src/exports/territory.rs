//! The territory as a spreadsheet: a sheet of totals, then a sheet per commune (its convention
//! years and budget years), for the Métropole's budget.

use std::borrow::Cow;

use super::compare::fees_sheet;
use super::sheet::{Cell, Sheet};
use engine::Simulation;
use engine::dates::fr;
use engine::territory::Territory;

/// At most `units` UTF-16 units of `text` (how spreadsheets count a tab name's length),
/// without spaces or apostrophes at either end (a tab name may not start or end with one).
fn cut(text: &str, units: usize) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if out.encode_utf16().count() + c.len_utf16() > units {
            break;
        }
        out.push(c);
    }
    out.trim_matches(|c: char| c == '\'' || c.is_whitespace())
        .to_string()
}

/// A tab name from a commune's name: at most 31 UTF-16 units, none of `[]:*?/\`, not
/// starting or ending with an apostrophe, not « History » (reserved), not empty, unique
/// among `taken` whatever the case (« Bron (2) »).
fn tab_name(name: &str, taken: &[Cow<'static, str>]) -> String {
    let clean: String = name
        .chars()
        .map(|c| {
            if "[]:*?/\\".contains(c) || c.is_control() {
                ' '
            } else {
                c
            }
        })
        .collect();
    let mut base = cut(&clean, 31);
    if base.is_empty() || base.eq_ignore_ascii_case("history") {
        base = "Commune".into();
    }
    let used = |n: &str| taken.iter().any(|t| t.to_lowercase() == n.to_lowercase());
    let mut name = base.clone();
    let mut n = 2;
    while used(&name) {
        let suffix = format!(" ({n})");
        name = format!("{}{suffix}", cut(&base, 31 - suffix.len()));
        n += 1;
    }
    name
}

/// The sheets: « Territoire » (each commune, the budget years, the titles by month, then each
/// of `notes`, the hypotheses the figures rest on), then one per commune of `sims` (in the
/// order of `t.communes`).
pub fn territory_sheets(t: &Territory, sims: &[&Simulation], notes: &[String]) -> Vec<Sheet> {
    let mut rows: Vec<Vec<Cell>> = t
        .communes
        .iter()
        .map(|c| {
            vec![
                Cell::Text("Commune".into()),
                Cell::Text(c.name.clone()),
                c.insee
                    .clone()
                    .map(Cell::Text)
                    .unwrap_or(Cell::Text("hors Métropole".into())),
                Cell::Count(c.schools_with_access as u64),
                Cell::Euros(c.current_year_fee),
                Cell::Euros(c.total),
                c.next_deadline
                    .as_ref()
                    .map(|d| Cell::Date(d.date))
                    .unwrap_or(Cell::Empty),
            ]
        })
        .collect();
    rows.push(vec![
        Cell::Text("Territoire".into()),
        Cell::Text(format!(
            "{} communes sur {} ; {} écoles avec accès sur {}",
            t.joined_communes, t.communes_in_metropole, t.joined_schools, t.schools_in_metropole
        )),
        Cell::Empty,
        Cell::Count(t.joined_schools as u64),
        Cell::Euros(t.current_year_total),
        Cell::Euros(t.total),
        Cell::Empty,
    ]);
    rows.push(vec![
        Cell::Text("Référence de l'annexe 2".into()),
        Cell::Text(format!("{} écoles", t.schools_in_metropole)),
        Cell::Empty,
        Cell::Count(t.schools_in_metropole),
        Cell::Euros(t.reference),
        Cell::Empty,
        Cell::Empty,
    ]);
    for (year, fee) in &t.budget_years {
        rows.push(vec![
            Cell::Text("Exercice budgétaire".into()),
            Cell::Count(*year as u64),
            Cell::Empty,
            Cell::Empty,
            Cell::Euros(*fee),
            Cell::Empty,
            Cell::Empty,
        ]);
    }
    for m in &t.titles_by_month {
        rows.push(vec![
            Cell::Text("Titres du mois".into()),
            Cell::Text(format!("{:02}/{}", m.month, m.year)),
            Cell::Empty,
            Cell::Count(m.titles),
            Cell::Euros(m.amount),
            Cell::Empty,
            Cell::Empty,
        ]);
    }
    for note in notes {
        rows.push(vec![
            Cell::Text("Note".into()),
            Cell::Text(note.clone()),
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
        ]);
    }
    let mut sheets = vec![Sheet {
        name: "Territoire".into(),
        title: format!(
            "Territoire de la Métropole de Lyon au {} — redevances laclasse.com (annexe 2 : {} écoles à {})",
            fr(t.today),
            t.schools_in_metropole,
            engine::convention::DEFAULT_ANNUAL_FEE
        ),
        header: [
            "Ligne",
            "Commune, exercice ou mois",
            "Code INSEE",
            "Écoles avec accès, unités ou titres",
            "Année en cours ou montant",
            "Total des années",
            "Prochaine échéance",
        ]
        .map(String::from)
        .to_vec(),
        rows,
    }];
    for (c, sim) in t.communes.iter().zip(sims) {
        let taken: Vec<Cow<'static, str>> = sheets.iter().map(|s| s.name.clone()).collect();
        sheets.push(fees_sheet(tab_name(&c.name, &taken).into(), &c.name, sim));
    }
    sheets
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tab_names_are_valid_and_unique() {
        let taken: Vec<Cow<'static, str>> = vec!["Territoire".into(), "Bron".into()];
        assert_eq!(tab_name("Bron", &taken), "Bron (2)");
        assert_eq!(tab_name("a/b:c", &taken), "a b c");
        assert_eq!(tab_name("  ", &taken), "Commune");
        assert_eq!(tab_name("Territoire", &taken), "Territoire (2)");
        assert_eq!(tab_name("history", &taken), "Commune");
        let long = "Saint-Cyr-au-Mont-d'Or, commune de la Métropole";
        assert_eq!(tab_name(long, &taken).chars().count(), 31);
        // Cut right after an apostrophe: the apostrophe goes.
        assert_eq!(
            tab_name("simulation-saint-cyr-au-mont-d'or.json", &taken),
            "simulation-saint-cyr-au-mont-d"
        );
        // Counted in UTF-16 units, as a spreadsheet counts.
        let emoji = "🏫".repeat(20);
        assert_eq!(tab_name(&emoji, &taken).encode_utf16().count(), 30);
    }
}
