//! The comparison of simulations as the command prints it (`compare --format json|text`),
//! field for field as `docs/scenario-format.md` names it.

use serde::Serialize;

use super::report::{DeadlineOut, RULES_VERSION};
use crate::schema::compared_input;
use engine::Money;
use engine::compare::{Comparison, Gap};
use engine::dates::{fr, iso};

/// The JSON comparison. Amounts are in cents; each list has one entry per simulation, in the
/// order given, the first one the reference.
#[derive(Serialize)]
pub struct ComparisonOut {
    /// Each simulation: its name and what it totals.
    pub simulations: Vec<SimulationOut>,
    /// The inputs that differ.
    pub inputs: Vec<InputOut>,
    /// Every convention year billed in at least one simulation, by number.
    pub convention_years: Vec<YearOut>,
    /// Every budget year of at least one simulation.
    pub budget_years: Vec<BudgetOut>,
    /// The totals of the convention years.
    pub totals: TotalsOut,
    /// Each simulation's next date the commune must act by, or null.
    pub next_commune_deadlines: Vec<Option<DeadlineOut>>,
    /// The schools absent from a simulation or with other access dates there.
    pub schools: Vec<SchoolOut>,
    /// The schools eligible in one simulation and not in another.
    pub eligibility: Vec<EligibilityOut>,
    /// The version of the rules applied.
    pub rules_version: &'static str,
}

/// One simulation compared.
#[derive(Serialize)]
pub struct SimulationOut {
    /// Its name: the file's, or the one given in the app.
    pub name: String,
    /// Its total over its convention years, in cents.
    pub total_cents: u64,
}

/// An input that differs.
#[derive(Serialize)]
pub struct InputOut {
    /// The scenario's key.
    pub key: String,
    /// Its French label.
    pub label: String,
    /// Its value in each simulation, as a person reads it (`—` when absent).
    pub values: Vec<String>,
    /// The clause it matters under (`Art. 6`).
    pub clause: &'static str,
}

/// A period of a convention year.
#[derive(Serialize)]
pub struct PeriodOut {
    /// Its first day, `YYYY-MM-DD`.
    pub start: String,
    /// Its last day, inclusive.
    pub end: String,
}

/// One convention year in each simulation.
#[derive(Serialize)]
pub struct YearOut {
    /// Its number, from 1.
    pub number: u32,
    /// Its days in each simulation, null where it is not billed.
    pub periods: Vec<Option<PeriodOut>>,
    /// The units billed in each simulation, null where it is not billed.
    pub billed_units: Vec<Option<usize>>,
    /// The fee in each simulation, null where it is not billed.
    pub fee_cents: Vec<Option<u64>>,
    /// Each fee minus the reference's (a missing year counts zero); null for the reference.
    pub gap_cents: Vec<Option<i64>>,
    /// Where the differences come from.
    pub why: crate::serial::Why,
}

/// One budget year in each simulation.
#[derive(Serialize)]
pub struct BudgetOut {
    /// The calendar year.
    pub year: i32,
    /// The titles dated in it, in each simulation.
    pub fee_cents: Vec<u64>,
    /// Each minus the reference's; null for the reference.
    pub gap_cents: Vec<Option<i64>>,
    /// The titles behind each figure.
    pub why: crate::serial::Why,
}

/// The totals.
#[derive(Serialize)]
pub struct TotalsOut {
    /// Each simulation's total, in cents.
    pub fee_cents: Vec<u64>,
    /// Each minus the reference's; null for the reference.
    pub gap_cents: Vec<Option<i64>>,
    /// The years the difference comes from.
    pub why: crate::serial::Why,
}

/// A school that is not the same everywhere.
#[derive(Serialize)]
pub struct SchoolOut {
    /// Its name.
    pub name: String,
    /// In each simulation: listed or not.
    pub present: Vec<bool>,
    /// Its first day with access in each simulation, or null.
    pub access_from: Vec<Option<String>>,
    /// Its first day without access in each simulation, or null.
    pub access_until: Vec<Option<String>>,
    /// What differs, in French.
    pub what: String,
}

/// A school whose eligibility differs.
#[derive(Serialize)]
pub struct EligibilityOut {
    /// Its name.
    pub name: String,
    /// In each simulation: eligible, not, or null when absent.
    pub eligible: Vec<Option<bool>>,
    /// What blocks it in each simulation, in French.
    pub reasons: Vec<Vec<String>>,
}

fn gap_cents(gaps: &[Option<Gap>]) -> Vec<Option<i64>> {
    gaps.iter().map(|g| g.map(Gap::cents)).collect()
}

/// The JSON comparison of `c`.
pub fn comparison(c: &Comparison) -> ComparisonOut {
    ComparisonOut {
        simulations: c
            .names
            .iter()
            .zip(&c.totals)
            .map(|(name, total)| SimulationOut {
                name: name.clone(),
                total_cents: total.cents(),
            })
            .collect(),
        inputs: c
            .inputs
            .iter()
            .map(|i| {
                let (key, label) = compared_input(i.input);
                InputOut {
                    key,
                    label,
                    values: i.values.clone(),
                    clause: i.clause.reference(),
                }
            })
            .collect(),
        convention_years: c
            .convention_years
            .iter()
            .map(|y| YearOut {
                number: y.number,
                periods: y
                    .periods
                    .iter()
                    .map(|p| {
                        p.map(|(start, end)| PeriodOut {
                            start: iso(start),
                            end: iso(end),
                        })
                    })
                    .collect(),
                billed_units: y.billed_units.clone(),
                fee_cents: y.fees.iter().map(|f| f.map(Money::cents)).collect(),
                gap_cents: gap_cents(&y.gaps),
                why: y.why.clone().into(),
            })
            .collect(),
        budget_years: c
            .budget_years
            .iter()
            .map(|b| BudgetOut {
                year: b.year,
                fee_cents: b.fees.iter().map(|f| f.cents()).collect(),
                gap_cents: gap_cents(&b.gaps),
                why: b.why.clone().into(),
            })
            .collect(),
        totals: TotalsOut {
            fee_cents: c.totals.iter().map(|t| t.cents()).collect(),
            gap_cents: gap_cents(&c.total_gaps),
            why: c.total_why.clone().into(),
        },
        next_commune_deadlines: c
            .next_deadlines
            .iter()
            .map(|d| d.as_ref().map(DeadlineOut::from))
            .collect(),
        schools: c
            .schools
            .iter()
            .map(|s| SchoolOut {
                name: s.name.clone(),
                present: s.present.clone(),
                access_from: s.access_from.iter().map(|d| d.map(iso)).collect(),
                access_until: s.access_until.iter().map(|d| d.map(iso)).collect(),
                what: s.what.clone(),
            })
            .collect(),
        eligibility: c
            .eligibility
            .iter()
            .map(|e| EligibilityOut {
                name: e.name.clone(),
                eligible: e.eligible.clone(),
                reasons: e.reasons.clone(),
            })
            .collect(),
        rules_version: RULES_VERSION,
    }
}

/// The JSON comparison, pretty-printed.
pub fn to_json(c: &Comparison) -> String {
    serde_json::to_string_pretty(&comparison(c)).unwrap_or_default()
}

/// « 450,00 € », or « — » where the year is not billed (the page writes it the same way).
pub fn money_or_dash(m: Option<Money>) -> String {
    m.map(|m| m.to_string()).unwrap_or_else(|| "—".to_string())
}

/// The comparison in French for a person: the inputs that differ, the fees year by year with
/// their differences and why, the budget years, the totals, the next deadlines, the schools.
pub fn to_text(c: &Comparison) -> String {
    let mut out = String::new();
    let line = |out: &mut String, s: String| {
        out.push_str(&s);
        out.push('\n');
    };
    line(
        &mut out,
        "Comparaison de simulations (convention laclasse.com)".into(),
    );
    for (i, name) in c.names.iter().enumerate() {
        let role = if i == 0 { "référence" } else { "comparée" };
        line(&mut out, format!("  {} « {name} » ({role})", i + 1));
    }
    line(&mut out, String::new());
    line(&mut out, "Ce qui diffère dans les données".into());
    if c.inputs.is_empty() {
        line(
            &mut out,
            if c.schools.is_empty() && c.eligibility.is_empty() {
                "  Rien.".into()
            } else {
                "  Rien d'autre que les écoles ci-dessous.".into()
            },
        );
    }
    for i in &c.inputs {
        line(
            &mut out,
            format!(
                "  {} ({}) : {}",
                compared_input(i.input).1,
                i.clause.reference(),
                i.values.join(" | ")
            ),
        );
    }
    line(&mut out, String::new());
    line(
        &mut out,
        "Redevances par année de convention (Art. 6)".into(),
    );
    for y in &c.convention_years {
        let fees: Vec<String> = y.fees.iter().map(|f| money_or_dash(*f)).collect();
        let gaps: Vec<String> = y.gaps.iter().flatten().map(Gap::to_string).collect();
        line(
            &mut out,
            format!(
                "  n° {} : {} ; écart : {}",
                y.number,
                fees.join(" | "),
                gaps.join(" | ")
            ),
        );
        if y.gaps.iter().flatten().any(|g| !g.is_zero()) {
            for step in &y.why.steps {
                line(&mut out, format!("      {step}"));
            }
        }
    }
    let totals: Vec<String> = c.totals.iter().map(Money::to_string).collect();
    let gaps: Vec<String> = c.total_gaps.iter().flatten().map(Gap::to_string).collect();
    line(
        &mut out,
        format!(
            "  Total : {} ; écart : {}",
            totals.join(" | "),
            gaps.join(" | ")
        ),
    );
    line(&mut out, String::new());
    line(
        &mut out,
        "Redevances par exercice budgétaire (titres de recette, Art. 6)".into(),
    );
    for b in &c.budget_years {
        let fees: Vec<String> = b.fees.iter().map(Money::to_string).collect();
        let gaps: Vec<String> = b.gaps.iter().flatten().map(Gap::to_string).collect();
        line(
            &mut out,
            format!(
                "  {} : {} ; écart : {}",
                b.year,
                fees.join(" | "),
                gaps.join(" | ")
            ),
        );
    }
    line(&mut out, String::new());
    line(&mut out, "Prochaine échéance de la commune".into());
    for (name, d) in c.names.iter().zip(&c.next_deadlines) {
        line(
            &mut out,
            match d {
                Some(d) => format!(
                    "  « {name} » : {} — {} ({})",
                    fr(d.date),
                    d.label,
                    d.clause.reference()
                ),
                None => format!("  « {name} » : aucune"),
            },
        );
    }
    if !c.schools.is_empty() {
        line(&mut out, String::new());
        line(&mut out, "Écoles qui diffèrent".into());
        for s in &c.schools {
            line(&mut out, format!("  {} : {}", s.name, s.what));
        }
    }
    if !c.eligibility.is_empty() {
        line(&mut out, String::new());
        line(&mut out, "Éligibilité qui diffère (R10)".into());
        for e in &c.eligibility {
            let sides: Vec<String> = e
                .eligible
                .iter()
                .zip(&e.reasons)
                .map(|(el, reasons)| match el {
                    Some(true) => "éligible".to_string(),
                    Some(false) => format!("non éligible ({})", reasons.join(" ; ")),
                    None => "absente".to_string(),
                })
                .collect();
            line(&mut out, format!("  {} : {}", e.name, sides.join(" | ")));
        }
    }
    line(&mut out, String::new());
    line(&mut out, format!("Règles : {RULES_VERSION}"));
    out
}
