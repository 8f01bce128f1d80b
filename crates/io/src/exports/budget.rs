//! The budget sheet, by exercice (R7): each title of revenue of each budget year, per school
//! or per school group, under both readings of R4, with the exercice's total; a sheet of the
//! spreadsheets and a CSV of its own, ready for a budget officer.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

use super::sheet::{Cell, Sheet};
use engine::dates::fr;
use engine::r3_r4_r7_fees::{FeeApplied, r3_fee_in_force, r4_units, r7_title_date};
use engine::text::{decimal_comma, plural};
use engine::{BillingUnit, Money, Scenario, Simulation};

/// One title of one billed unit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitTitle {
    /// The budget year (exercice) of the title's date.
    pub exercice: i32,
    /// The title's date (R7).
    pub date: NaiveDate,
    /// The convention year it bills.
    pub convention_year: u32,
    /// What is billed: a school, or a school group.
    pub unit: String,
    /// The schools of the unit billed that year.
    pub schools: Vec<String>,
    /// The fee: the amount in force on `date` (R3), and where it comes from.
    pub fee: FeeApplied,
}

/// Every title of every unit under `reading`, by date then unit.
pub fn unit_titles(scenario: &Scenario, sim: &Simulation, reading: BillingUnit) -> Vec<UnitTitle> {
    let units = r4_units(&scenario.schools, reading);
    let mut out = Vec::new();
    for y in &sim.years {
        let billing = y.billing(reading);
        // unit id → (title date, schools)
        let mut by_unit: BTreeMap<usize, (NaiveDate, Vec<usize>)> = BTreeMap::new();
        for &i in &billing.billed_schools {
            let opening = sim.schools[i].access_from().unwrap_or(y.year.start);
            let date = r7_title_date(y.year.start, opening);
            let entry = by_unit.entry(units[i]).or_insert((date, Vec::new()));
            entry.0 = entry.0.min(date);
            entry.1.push(i);
        }
        for (date, schools) in by_unit.into_values() {
            let first = &scenario.schools[schools[0]];
            let unit = match (reading, &first.group) {
                (BillingUnit::SchoolGroup, Some(group)) => group.clone(),
                _ => first.name.clone(),
            };
            out.push(UnitTitle {
                exercice: date.year(),
                date,
                convention_year: y.year.number,
                unit,
                schools: schools
                    .iter()
                    .map(|&i| scenario.schools[i].name.clone())
                    .collect(),
                fee: r3_fee_in_force(sim.fee_schedule(), date),
            });
        }
    }
    out.sort_by(|a, b| (a.date, &a.unit).cmp(&(b.date, &b.unit)));
    out
}

/// The header of the budget sheet and its CSV.
pub const BUDGET_HEADER: [&str; 8] = [
    "Exercice",
    "Lecture",
    "Date du titre",
    "Année de convention",
    "Unité facturée",
    "Écoles",
    "Montant",
    "Redevance appliquée",
];

/// Past this many titles, the budget sheet gives each exercice's total without the detail of
/// its titles, and says so: a sheet of 1 000 schools over 100 years would otherwise weigh
/// hundreds of megabytes.
pub const MAX_TITLE_ROWS: usize = 20_000;

/// The budget sheet: for each reading, each budget year's titles then its total, every year
/// of the simulation (zeros included); past [`MAX_TITLE_ROWS`] titles, the totals only.
pub fn budget_sheet(scenario: &Scenario, sim: &Simulation) -> Sheet {
    let mut rows = Vec::new();
    // Counted from the title batches first: the titles themselves are made only when shown.
    let all: usize = BillingUnit::ALL
        .iter()
        .flat_map(|&r| sim.budget_years.for_unit(r))
        .flat_map(|y| &y.titles)
        .map(|t| t.units)
        .sum();
    let detailed = all <= MAX_TITLE_ROWS;
    let titles: Vec<Vec<UnitTitle>> = BillingUnit::ALL
        .iter()
        .map(|&r| {
            if detailed {
                unit_titles(scenario, sim, r)
            } else {
                Vec::new()
            }
        })
        .collect();
    if !detailed {
        rows.push(vec![
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            Cell::Text(format!(
                "Détail des titres omis : {all} titres, au-delà des {MAX_TITLE_ROWS} lignes qu'une feuille lisible peut montrer ; le total de chaque exercice est exact et compte tous ses titres."
            )),
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
        ]);
    }
    for (reading, titles) in BillingUnit::ALL.into_iter().zip(&titles) {
        for year in sim.budget_years.for_unit(reading) {
            let count: usize = year.titles.iter().map(|t| t.units).sum();
            for t in titles.iter().filter(|t| t.exercice == year.year) {
                rows.push(vec![
                    Cell::Count(year.year as u64),
                    Cell::Text(reading.label().to_string()),
                    Cell::Date(t.date),
                    Cell::Count(t.convention_year as u64),
                    Cell::Text(t.unit.clone()),
                    Cell::Text(t.schools.join(", ")),
                    Cell::Euros(t.fee.amount),
                    Cell::Text(t.fee.source()),
                ]);
            }
            rows.push(vec![
                Cell::Count(year.year as u64),
                Cell::Text(reading.label().to_string()),
                Cell::Empty,
                Cell::Empty,
                Cell::Text(format!(
                    "Total de l'exercice {} ({count} titre{})",
                    year.year,
                    plural(count)
                )),
                Cell::Empty,
                Cell::Euros(year.fee),
                Cell::Empty,
            ]);
        }
    }
    Sheet {
        name: "Budget".into(),
        title: format!(
            "Redevances laclasse.com par exercice budgétaire — commune de {} (titres de recette, Art. 6 ; lecture retenue : {})",
            super::commune_name(scenario, &sim.commune),
            sim.billing_unit.label()
        ),
        header: BUDGET_HEADER.map(String::from).to_vec(),
        rows,
    }
}

fn csv_field(cell: &Cell) -> String {
    let text = match cell {
        Cell::Text(t) => super::sheet::cell_text(t).into_owned(),
        Cell::Date(d) => fr(*d),
        // « 1 234,50 » without the currency sign, so that a spreadsheet reads a number.
        Cell::Euros(m) => decimal_comma(&m.to_decimal_string()),
        Cell::Gap(cents) => {
            let m = Money::from_cents(cents.unsigned_abs());
            let sign = if *cents < 0 { "-" } else { "" };
            format!("{sign}{}", decimal_comma(&m.to_decimal_string()))
        }
        Cell::Count(n) => n.to_string(),
        Cell::Empty => String::new(),
    };
    // A text that a spreadsheet would run as a formula is written with a leading quote.
    let text = if matches!(cell, Cell::Text(_)) && text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text
    };
    if text.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// The sheet as CSV as French Excel reads it: UTF-8 with a byte-order mark, `;` between
/// fields, decimal commas, dates `JJ/MM/AAAA`, CRLF line ends.
pub fn to_csv(sheet: &Sheet) -> String {
    let mut out = String::from("\u{feff}");
    let header: Vec<Cell> = sheet.header.iter().map(|h| Cell::Text(h.clone())).collect();
    for row in std::iter::once(&header).chain(sheet.rows.iter()) {
        out.push_str(&row.iter().map(csv_field).collect::<Vec<_>>().join(";"));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{parse_str, samples};
    use engine::simulate;

    #[test]
    fn the_titles_add_up_to_each_budget_year_under_both_readings() {
        let s = parse_str(samples::TASSIN_JSON).unwrap();
        let sim = simulate(&s);
        for reading in BillingUnit::ALL {
            let titles = unit_titles(&s, &sim, reading);
            for year in sim.budget_years.for_unit(reading) {
                let sum: Money = titles
                    .iter()
                    .filter(|t| t.exercice == year.year)
                    .map(|t| t.fee.amount)
                    .sum();
                assert_eq!(sum, year.fee, "{reading:?} {}", year.year);
            }
        }
        // Per group, the GS du Bourg is one title for its two schools.
        let groups = unit_titles(&s, &sim, BillingUnit::SchoolGroup);
        let bourg = groups.iter().find(|t| t.unit == "GS du Bourg").unwrap();
        assert_eq!(bourg.schools.len(), 2);
        assert_eq!(bourg.date, NaiveDate::from_ymd_opt(2023, 11, 24).unwrap());
    }

    #[test]
    fn the_csv_is_french_excel_csv() {
        let s = parse_str(samples::TASSIN_JSON).unwrap();
        let sheet = budget_sheet(&s, &simulate(&s));
        let csv = to_csv(&sheet);
        assert!(csv.starts_with("\u{feff}Exercice;Lecture;Date du titre;"));
        assert!(csv.contains(";par école;24/11/2023;1;École élémentaire du Bourg;École élémentaire du Bourg;150,00;article 6 de la convention\r\n"), "{csv}");
        assert!(
            csv.contains("2024;par école;;;Total de l'exercice 2024 (5 titres);;750,00;\r\n"),
            "{csv}"
        );
        assert!(csv.contains(";par groupe scolaire;24/11/2023;1;GS du Bourg;École élémentaire du Bourg, École maternelle du Bourg;150,00;article 6 de la convention\r\n"));
        assert!(csv.lines().all(|l| l.split(';').count() == 8), "{csv}");
        // Under an avenant, each title says the amount it uses and where it comes from.
        let mut raised = s.clone();
        raised.convention.fee_changes = vec![engine::scenario::FeeChange {
            from: NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(),
            annual_fee: Money::from_euros(165),
            source: "avenant n° 1".into(),
        }];
        let csv = to_csv(&budget_sheet(&raised, &simulate(&raised)));
        assert!(
            csv.contains("2025;par école;16/11/2025;3;École élémentaire du Bourg;École élémentaire du Bourg;165,00;avenant n° 1, en vigueur depuis le 01/01/2025\r\n"),
            "{csv}"
        );
        assert!(
            csv.contains("Total de l'exercice 2025 (3 titres);;495,00;\r\n"),
            "{csv}"
        );
        let mut odd = s.clone();
        std::rc::Rc::make_mut(&mut odd.schools)[0].name = "=HYPERLINK(\"x\";\"y\")".into();
        let csv = to_csv(&budget_sheet(&odd, &simulate(&odd)));
        assert!(
            csv.contains("\"'=HYPERLINK(\"\"x\"\";\"\"y\"\")\""),
            "{csv}"
        );
    }
}
