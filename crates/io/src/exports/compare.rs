//! The comparison as a spreadsheet: a sheet per simulation (its fees per convention year and
//! per budget year) and a sheet of the differences, each with where it comes from.

use std::borrow::Cow;

use super::sheet::{Cell, Sheet};
use crate::schema::compared_input;
use engine::compare::{Comparison, Gap};
use engine::{Money, Simulation};

/// The tab names of the simulations' sheets, in order (a tab name is short and unique).
const SHEET_NAMES: [&str; 3] = ["Simulation 1", "Simulation 2", "Simulation 3"];

fn euros_or_empty(m: Option<Money>) -> Cell {
    m.map(Cell::Euros).unwrap_or(Cell::Empty)
}

fn gap(g: Option<Gap>) -> Cell {
    g.map(|g| Cell::Gap(g.cents())).unwrap_or(Cell::Empty)
}

/// One simulation's fees as a sheet named `tab`: its convention years (number, days, units,
/// fee), their total, then its budget years (titles and amount). Shared with the territory.
pub fn fees_sheet(tab: Cow<'static, str>, name: &str, sim: &Simulation) -> Sheet {
    let mut rows: Vec<Vec<Cell>> = sim
        .years
        .iter()
        .map(|y| {
            let b = y.billing(sim.billing_unit);
            vec![
                Cell::Text("Année de convention".into()),
                Cell::Count(y.year.number as u64),
                Cell::Date(y.year.start),
                Cell::Date(y.year.end),
                Cell::Count(b.billed_units as u64),
                Cell::Euros(b.fee),
                Cell::Text(b.amounts_described()),
            ]
        })
        .collect();
    rows.push(vec![
        Cell::Text("Total des années de convention".into()),
        Cell::Empty,
        Cell::Empty,
        Cell::Empty,
        Cell::Empty,
        Cell::Euros(sim.total(sim.billing_unit)),
        Cell::Empty,
    ]);
    for b in sim.budget() {
        rows.push(vec![
            Cell::Text("Exercice budgétaire".into()),
            Cell::Count(b.year as u64),
            Cell::Empty,
            Cell::Empty,
            Cell::Count(b.titles.iter().map(|t| t.units as u64).sum()),
            Cell::Euros(b.fee),
            Cell::Empty,
        ]);
        // Each batch of titles of the exercice, with the amount of one unit it uses (R3).
        rows.extend(b.titles.iter().map(|t| {
            vec![
                Cell::Text("Titres de recette".into()),
                Cell::Count(t.convention_year as u64),
                Cell::Date(t.date),
                Cell::Empty,
                Cell::Count(t.units as u64),
                Cell::Euros(t.amount),
                Cell::Text(t.unit_fee.describe()),
            ]
        }));
    }
    Sheet {
        name: tab,
        title: format!(
            "« {name} » — redevances laclasse.com ({}, redevance annuelle {}{})",
            sim.billing_unit.label(),
            sim.annual_fee,
            sim.fee_changes
                .iter()
                .map(|c| format!(
                    ", puis {} à partir du {}",
                    c.annual_fee,
                    engine::dates::fr(c.from)
                ))
                .collect::<String>()
        ),
        header: [
            "Ligne",
            "N° ou exercice",
            "Du",
            "Au",
            "Unités facturées ou titres",
            "Montant",
            "Redevance par unité appliquée",
        ]
        .map(String::from)
        .to_vec(),
        rows,
    }
}

/// The sheets: one per simulation of `sims` (named as in `c`), then « Écarts ».
pub fn comparison_sheets(c: &Comparison, sims: &[&Simulation]) -> Vec<Sheet> {
    let mut sheets: Vec<Sheet> = sims
        .iter()
        .zip(&c.names)
        .zip(SHEET_NAMES)
        .map(|((sim, name), tab)| fees_sheet(tab.into(), name, sim))
        .collect();
    let mut header = vec!["Ligne".to_string(), "N° ou exercice".to_string()];
    header.extend(c.names.iter().cloned());
    header.extend(c.names.iter().skip(1).map(|n| format!("Écart « {n} »")));
    header.push("D'où vient l'écart".into());
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    for i in &c.inputs {
        let (key, label) = compared_input(i.input);
        let mut row = vec![Cell::Text("Donnée".into()), Cell::Text(label)];
        row.extend(i.values.iter().map(|v| Cell::Text(v.clone())));
        row.extend(c.names.iter().skip(1).map(|_| Cell::Empty));
        row.push(Cell::Text(format!("{key} ({})", i.clause.reference())));
        rows.push(row);
    }
    for y in &c.convention_years {
        let mut row = vec![
            Cell::Text("Année de convention".into()),
            Cell::Count(y.number as u64),
        ];
        row.extend(y.fees.iter().map(|f| euros_or_empty(*f)));
        row.extend(y.gaps.iter().skip(1).map(|g| gap(*g)));
        row.push(Cell::Text(y.why.steps.join(" ")));
        rows.push(row);
    }
    let mut total = vec![
        Cell::Text("Total des années de convention".into()),
        Cell::Empty,
    ];
    total.extend(c.totals.iter().map(|t| Cell::Euros(*t)));
    total.extend(c.total_gaps.iter().skip(1).map(|g| gap(*g)));
    total.push(Cell::Text(c.total_why.steps.join(" ")));
    rows.push(total);
    for b in &c.budget_years {
        let mut row = vec![
            Cell::Text("Exercice budgétaire".into()),
            Cell::Count(b.year as u64),
        ];
        row.extend(b.fees.iter().map(|f| Cell::Euros(*f)));
        row.extend(b.gaps.iter().skip(1).map(|g| gap(*g)));
        row.push(Cell::Text(b.why.steps.join(" ")));
        rows.push(row);
    }
    for s in &c.schools {
        let mut row = vec![Cell::Text("École".into()), Cell::Text(s.name.clone())];
        row.extend(
            s.present
                .iter()
                .map(|p| Cell::Text(if *p { "listée" } else { "absente" }.into())),
        );
        row.extend(c.names.iter().skip(1).map(|_| Cell::Empty));
        row.push(Cell::Text(s.what.clone()));
        rows.push(row);
    }
    sheets.push(Sheet {
        name: "Écarts".into(),
        title: format!(
            "Comparaison de simulations laclasse.com — référence « {} » ; écart = simulation − référence",
            c.names.first().map(String::as_str).unwrap_or("")
        ),
        header,
        rows,
    });
    sheets
}
