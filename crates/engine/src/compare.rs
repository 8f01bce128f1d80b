//! Simulations side by side: each figure of each simulation set against the first one's (the
//! reference), each difference with the inputs it comes from and the rule that turns it into
//! euros. Nothing here is a rule of its own: the figures are the simulations', compared.

use std::collections::BTreeMap;
use std::fmt;

use chrono::NaiveDate;

use super::clause::Clause;
use super::dates::fr;
use super::explain::{Explanation, Rule};
use super::money::Money;
use super::r1_years::r1_anniversary;
use super::scenario::Scenario;
use super::simulate::{Deadline, Simulation};

/// The most simulations compared at once: a reference and two variants.
pub const MAX_COMPARED: usize = 3;

/// How many school names a sentence lists before « et N autres ».
const NAMES_SHOWN: usize = 5;

/// A difference of two amounts, in cents: another simulation's minus the reference's. Signed,
/// unlike [`Money`], which cannot be negative.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Gap(i64);

impl Gap {
    /// `other − reference`.
    pub fn between(reference: Money, other: Money) -> Gap {
        Gap(cents(other) - cents(reference))
    }

    /// The difference in cents, negative when the other simulation costs less.
    pub fn cents(self) -> i64 {
        self.0
    }

    /// No difference.
    pub fn is_zero(self) -> bool {
        self.0 == 0
    }
}

/// Money's cents as a signed number (every amount of a simulation is far below `i64::MAX`).
fn cents(m: Money) -> i64 {
    i64::try_from(m.cents()).unwrap_or(i64::MAX)
}

/// French format with its sign: `+300,00 €`, `−1 234,50 €` (a true minus sign), `0,00 €`.
impl fmt::Display for Gap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let amount = Money::from_cents(self.0.unsigned_abs());
        match self.0.signum() {
            1 => write!(f, "+{amount}"),
            -1 => write!(f, "−{amount}"),
            _ => write!(f, "{amount}"),
        }
    }
}

/// One simulation to compare: its name (as the person calls it), its scenario and figures.
#[derive(Clone, Copy, Debug)]
pub struct Compared<'a> {
    /// « Tassin », « Variante : résilier en 2027 », a file name…
    pub name: &'a str,
    /// The inputs.
    pub scenario: &'a Scenario,
    /// What the engine made of them.
    pub sim: &'a Simulation,
}

impl<'a> Compared<'a> {
    /// Each named scenario of `read` with its simulation in `sims`, in order.
    pub fn list(read: &'a [(String, Scenario)], sims: &'a [Simulation]) -> Vec<Compared<'a>> {
        read.iter()
            .zip(sims)
            .map(|((name, scenario), sim)| Compared {
                name,
                scenario,
                sim,
            })
            .collect()
    }
}

/// An input of the scenario that the comparison looks at (its key and label in a file or on
/// the page are the schema's: `io::schema::compared_input`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ComparedInput {
    /// The commune's name.
    CommuneName,
    /// The commune's INSEE code.
    CommuneInsee,
    /// The commune's two contacts, given or not.
    Contacts,
    /// The convention's notification.
    Notified,
    /// The fee per unit and year.
    AnnualFee,
    /// The fee's changes by avenant (R3).
    FeeChanges,
    /// What a unit is.
    BillingUnit,
    /// The termination letter's reception.
    TerminationReceived,
    /// The end of the simulation.
    HorizonUntil,
    /// The declared use.
    Usage,
    /// The number of schools.
    Schools,
}

/// An input that differs between the simulations.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputDifference {
    /// Which input.
    pub input: ComparedInput,
    /// Its value in each simulation, in French (`—` when absent).
    pub values: Vec<String>,
    /// The clause the input matters under.
    pub clause: Clause,
}

/// One convention year, by its number, in each simulation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearComparison {
    /// The year's number, from 1.
    pub number: u32,
    /// Its first and last days in each simulation; `None` where it is not billed (after a
    /// termination or beyond the horizon).
    pub periods: Vec<Option<(NaiveDate, NaiveDate)>>,
    /// Units billed in each simulation (under its own billing unit).
    pub billed_units: Vec<Option<usize>>,
    /// The fee in each simulation; `None` where the year is not billed.
    pub fees: Vec<Option<Money>>,
    /// Each simulation's fee minus the reference's (a missing year counts zero); `None` for
    /// the reference itself.
    pub gaps: Vec<Option<Gap>>,
    /// Where the differences come from.
    pub why: Explanation,
}

/// One budget year (calendar year) in each simulation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BudgetComparison {
    /// The calendar year.
    pub year: i32,
    /// The titles dated in it, in each simulation (zero where it has none).
    pub fees: Vec<Money>,
    /// Each simulation's minus the reference's; `None` for the reference.
    pub gaps: Vec<Option<Gap>>,
    /// The titles behind each figure (R7).
    pub why: Explanation,
}

/// A school that is not the same in every simulation: absent from one, or with other access
/// dates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SchoolDifference {
    /// Its name (the first simulation's that has it).
    pub name: String,
    /// In each simulation: present or not.
    pub present: Vec<bool>,
    /// Its first day with access in each simulation (R5).
    pub access_from: Vec<Option<NaiveDate>>,
    /// Its first day without access in each simulation (R6).
    pub access_until: Vec<Option<NaiveDate>>,
    /// What differs, one French sentence.
    pub what: String,
}

/// A school eligible in one simulation and not in another (R10).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EligibilityDifference {
    /// Its name.
    pub name: String,
    /// In each simulation: eligible, not, or absent.
    pub eligible: Vec<Option<bool>>,
    /// What blocks it, in each simulation (empty where eligible or absent).
    pub reasons: Vec<Vec<String>>,
}

/// Several simulations side by side, the first one the reference.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comparison {
    /// Each simulation's name.
    pub names: Vec<String>,
    /// The inputs that differ, in the scenario file's order.
    pub inputs: Vec<InputDifference>,
    /// Every convention year billed in at least one simulation, by number.
    pub convention_years: Vec<YearComparison>,
    /// Every budget year of at least one simulation.
    pub budget_years: Vec<BudgetComparison>,
    /// Each simulation's total over its convention years.
    pub totals: Vec<Money>,
    /// Each total minus the reference's; `None` for the reference.
    pub total_gaps: Vec<Option<Gap>>,
    /// Where the total's difference comes from, year by year.
    pub total_why: Explanation,
    /// Each simulation's next date the commune must act by (`today` included).
    pub next_deadlines: Vec<Option<Deadline>>,
    /// The schools that are not the same everywhere, in the order they are first met.
    pub schools: Vec<SchoolDifference>,
    /// The schools whose eligibility differs.
    pub eligibility: Vec<EligibilityDifference>,
}

impl Comparison {
    /// Whether the simulations give the same fees every year.
    pub fn same_fees(&self) -> bool {
        self.convention_years
            .iter()
            .all(|y| y.gaps.iter().flatten().all(|g| g.is_zero()))
    }
}

/// Sets `sims` side by side, the first one the reference; `today` chooses the next deadlines.
/// Asked for fewer than two simulations, it compares what it has (one: no difference).
pub fn compare(sims: &[Compared<'_>], today: NaiveDate) -> Comparison {
    let sims = &sims[..sims.len().min(MAX_COMPARED)];
    let names: Vec<String> = sims.iter().map(|c| c.name.to_string()).collect();
    let table = school_table(sims);
    let convention_years = compare_years(sims, &table);
    let totals: Vec<Money> = sims
        .iter()
        .map(|c| c.sim.total(c.sim.billing_unit))
        .collect();
    let total_gaps = gaps(&totals);
    let mut total_why =
        Explanation::new(Rule::R3, "Écart du total des redevances", Clause::Art6Fee);
    for (c, total) in sims.iter().zip(&totals) {
        total_why = total_why.step(format!(
            "« {} » : {} sur {} année{} de convention.",
            c.name,
            total,
            c.sim.years.len(),
            plural(c.sim.years.len())
        ));
    }
    for y in &convention_years {
        if y.gaps.iter().flatten().any(|g| !g.is_zero()) {
            let shown: Vec<String> = y
                .gaps
                .iter()
                .zip(&names)
                .skip(1)
                .filter_map(|(g, n)| g.map(|g| format!("{g} pour « {n} »")))
                .collect();
            total_why = total_why.step(format!("Année n° {} : {}.", y.number, shown.join(", ")));
        }
    }
    Comparison {
        names,
        inputs: compare_inputs(sims),
        budget_years: compare_budget_years(sims),
        convention_years,
        totals,
        total_gaps,
        total_why,
        next_deadlines: sims
            .iter()
            .map(|c| c.sim.next_commune_deadline(today).cloned())
            .collect(),
        schools: compare_schools(sims, &table),
        eligibility: compare_eligibility(sims, &table),
    }
}

/// `values[i] − values[0]` for each `i`, `None` for the reference.
fn gaps(values: &[Money]) -> Vec<Option<Gap>> {
    let reference = values.first().copied().unwrap_or(Money::ZERO);
    values
        .iter()
        .enumerate()
        .map(|(i, v)| (i > 0).then(|| Gap::between(reference, *v)))
        .collect()
}

fn plural(n: usize) -> &'static str {
    if n > 1 { "s" } else { "" }
}

/// « École A, École B et 3 autres ».
fn names_list(names: &[&str]) -> String {
    let shown = names.len().min(NAMES_SHOWN);
    let mut out = names[..shown].join(", ");
    if names.len() > shown {
        let more = names.len() - shown;
        out.push_str(&format!(" et {more} autre{}", plural(more)));
    }
    out
}

fn date_or_dash(d: Option<NaiveDate>) -> String {
    d.map(fr).unwrap_or_else(|| "—".to_string())
}

/// The inputs that differ: commune, convention, horizon, usage, the number of schools.
fn compare_inputs(sims: &[Compared<'_>]) -> Vec<InputDifference> {
    type Reader = fn(&Scenario) -> String;
    let fields: [(ComparedInput, Clause, Reader); 11] = [
        (ComparedInput::CommuneName, Clause::Art1Territory, |s| {
            s.commune.name.clone()
        }),
        (ComparedInput::CommuneInsee, Clause::Art1Territory, |s| {
            s.commune.insee.clone().unwrap_or_else(|| "—".to_string())
        }),
        (ComparedInput::Contacts, Clause::Annexe1Contacts, |s| {
            let given = |c: &Option<super::scenario::Contact>| {
                if c.is_some() { "renseigné" } else { "absent" }
            };
            format!(
                "référent technique {}, chef de projet {}",
                given(&s.contacts.technical_referent),
                given(&s.contacts.project_lead)
            )
        }),
        (ComparedInput::Notified, Clause::Art8Duration, |s| {
            fr(s.convention.notified)
        }),
        (ComparedInput::AnnualFee, Clause::Art6Fee, |s| {
            s.convention.annual_fee.to_string()
        }),
        (ComparedInput::FeeChanges, Clause::Art6Fee, |s| {
            if s.convention.fee_changes.is_empty() {
                return "aucun".to_string();
            }
            s.convention
                .fee_changes
                .iter()
                .map(|c| format!("{} à partir du {}", c.annual_fee, fr(c.from)))
                .collect::<Vec<_>>()
                .join(", ")
        }),
        (
            ComparedInput::BillingUnit,
            Clause::DeliberationRecitalGroup,
            |s| s.convention.billing_unit.label().to_string(),
        ),
        (
            ComparedInput::TerminationReceived,
            Clause::Art8Notice,
            |s| date_or_dash(s.convention.termination_received),
        ),
        (ComparedInput::HorizonUntil, Clause::Art8Duration, |s| {
            fr(s.horizon_until)
        }),
        (ComparedInput::Usage, Clause::Art4Usage, |s| match s.usage {
            None => "non précisé (pédagogique, présumé)".to_string(),
            Some(u) if u.commercial => "commercial".to_string(),
            Some(u) if u.educational_or_cultural => "pédagogique ou culturel".to_string(),
            Some(_) => "non déclaré".to_string(),
        }),
        (ComparedInput::Schools, Clause::Annexe1Opening, |s| {
            format!("{} école{}", s.schools.len(), plural(s.schools.len()))
        }),
    ];
    fields
        .iter()
        .filter_map(|(input, clause, read)| {
            let values: Vec<String> = sims.iter().map(|c| read(c.scenario)).collect();
            values
                .iter()
                .any(|v| *v != values[0])
                .then_some(InputDifference {
                    input: *input,
                    values,
                    clause: *clause,
                })
        })
        .collect()
}

/// Whether each school of `table` is billed in convention year `number` of simulation `i`
/// (under its billing unit).
fn billed_in(sims: &[Compared<'_>], table: &[SchoolRow], i: usize, number: u32) -> Vec<bool> {
    let billed: &[usize] = sims[i]
        .sim
        .years
        .iter()
        .find(|y| y.year.number == number)
        .map(|y| {
            y.billing(sims[i].sim.billing_unit)
                .billed_schools
                .as_slice()
        })
        .unwrap_or_default();
    table
        .iter()
        .map(|r| r.at[i].is_some_and(|j| billed.contains(&j)))
        .collect()
}

/// Every convention year billed in at least one simulation, by number, with why it differs.
fn compare_years(sims: &[Compared<'_>], table: &[SchoolRow]) -> Vec<YearComparison> {
    let last = sims
        .iter()
        .filter_map(|c| c.sim.years.last().map(|y| y.year.number))
        .max()
        .unwrap_or(0);
    (1..=last)
        .map(|number| {
            let years: Vec<_> = sims
                .iter()
                .map(|c| c.sim.years.iter().find(|y| y.year.number == number))
                .collect();
            let fees: Vec<Option<Money>> = years
                .iter()
                .zip(sims)
                .map(|(y, c)| y.map(|y| y.billing(c.sim.billing_unit).fee))
                .collect();
            let counted: Vec<Money> = fees.iter().map(|f| f.unwrap_or(Money::ZERO)).collect();
            let billed_units: Vec<Option<usize>> = years
                .iter()
                .zip(sims)
                .map(|(y, c)| y.map(|y| y.billing(c.sim.billing_unit).billed_units))
                .collect();
            let gaps = gaps(&counted);
            let why = year_why(sims, table, number, &years, &gaps);
            YearComparison {
                number,
                periods: years
                    .iter()
                    .map(|y| y.map(|y| (y.year.start, y.year.end)))
                    .collect(),
                billed_units,
                fees,
                gaps,
                why,
            }
        })
        .collect()
}

/// Why a convention year's fees differ: for each simulation, the units billed and the fee,
/// or why the year is not billed; then the schools billed in one and not in the reference.
fn year_why(
    sims: &[Compared<'_>],
    table: &[SchoolRow],
    number: u32,
    years: &[Option<&super::simulate::YearFees>],
    gaps: &[Option<Gap>],
) -> Explanation {
    let mut why = Explanation::new(
        Rule::R3,
        format!("Écart de l'année de convention n° {number}"),
        Clause::Art6Fee,
    );
    for (c, y) in sims.iter().zip(years) {
        why = why.step(match y {
            Some(y) => {
                let b = y.billing(c.sim.billing_unit);
                format!(
                    "« {} » : du {} au {}, {} unité{} facturée{} ({}) × {} = {}.",
                    c.name,
                    fr(y.year.start),
                    fr(y.year.end),
                    b.billed_units,
                    plural(b.billed_units),
                    plural(b.billed_units),
                    c.sim.billing_unit.label(),
                    b.amounts_listed(),
                    b.fee
                )
            }
            // Not billed because the convention ended before the year would start, or because
            // the year lies beyond the horizon.
            None => match &c.sim.termination {
                Some(t) if r1_anniversary(c.sim.notified, number - 1) >= t.value.ends => format!(
                    "« {} » : pas d'année n° {number}, la convention prend fin le {} (résiliation reçue le {}, Art. 8).",
                    c.name,
                    fr(t.value.ends),
                    fr(t.value.received)
                ),
                _ => format!(
                    "« {} » : pas d'année n° {number} avant l'horizon de calcul ({}).",
                    c.name,
                    fr(c.sim.horizon_until)
                ),
            },
        });
    }
    let reference = sims.first();
    for (i, c) in sims.iter().enumerate().skip(1) {
        if gaps.get(i).copied().flatten().is_none_or(|g| g.is_zero()) {
            continue;
        }
        let Some(reference) = reference else { break };
        let (ours, theirs) = (
            billed_in(sims, table, i, number),
            billed_in(sims, table, 0, number),
        );
        let only = |a: &[bool], b: &[bool]| -> Vec<&str> {
            table
                .iter()
                .zip(a.iter().zip(b))
                .filter(|(_, (x, y))| **x && !**y)
                .map(|(r, _)| r.name.as_str())
                .collect()
        };
        let (added, gone) = (only(&ours, &theirs), only(&theirs, &ours));
        if !added.is_empty() {
            why = why.step(format!(
                "Écoles ayant accès cette année dans « {} » et pas dans « {} » : {} (Annexe 1).",
                c.name,
                reference.name,
                names_list(&added)
            ));
        }
        if !gone.is_empty() {
            why = why.step(format!(
                "Écoles ayant accès cette année dans « {} » et pas dans « {} » : {} (Annexe 1).",
                reference.name,
                c.name,
                names_list(&gone)
            ));
        }
        let amounts = |i: usize| {
            years
                .get(i)
                .copied()
                .flatten()
                .map(|y| y.billing(sims[i].sim.billing_unit).amounts_listed())
        };
        if let (Some(ours), Some(theirs)) = (amounts(i), amounts(0))
            && ours != theirs
        {
            why = why.step(format!(
                "Redevance annuelle : {ours} dans « {} », {theirs} dans « {} » (Art. 6, avenants).",
                c.name, reference.name
            ));
        }
        if c.sim.billing_unit != reference.sim.billing_unit {
            why = why.also(Clause::DeliberationRecitalGroup).step(format!(
                "Facturation {} dans « {} », {} dans « {} » (délibération, hypothèse de lecture).",
                c.sim.billing_unit.label(),
                c.name,
                reference.sim.billing_unit.label(),
                reference.name
            ));
        }
        why = why.step(format!(
            "Écart pour « {} » : {}.",
            c.name,
            gaps[i].unwrap_or_default()
        ));
    }
    if sims.iter().any(|c| c.sim.termination.is_some()) {
        why = why.also(Clause::Art8Notice);
    }
    why
}

/// Every budget year of at least one simulation, with the titles behind each figure.
fn compare_budget_years(sims: &[Compared<'_>]) -> Vec<BudgetComparison> {
    let mut years: BTreeMap<i32, Vec<Money>> = BTreeMap::new();
    for (i, c) in sims.iter().enumerate() {
        for b in c.sim.budget() {
            years
                .entry(b.year)
                .or_insert_with(|| vec![Money::ZERO; sims.len()])[i] = b.fee;
        }
    }
    years
        .into_iter()
        .map(|(year, fees)| {
            let mut why = Explanation::new(
                Rule::R7,
                format!("Écart de l'exercice {year}"),
                Clause::Art6Title,
            );
            for c in sims {
                let titles = c
                    .sim
                    .budget()
                    .iter()
                    .find(|b| b.year == year)
                    .map(|b| b.titles.as_slice())
                    .unwrap_or_default();
                let listed: Vec<String> = titles
                    .iter()
                    .map(|t| {
                        format!(
                            "{} le {} (année n° {})",
                            t.amount,
                            fr(t.date),
                            t.convention_year
                        )
                    })
                    .collect();
                why = why.step(if listed.is_empty() {
                    format!("« {} » : aucun titre de recette en {year}.", c.name)
                } else {
                    format!("« {} » : {}.", c.name, listed.join(" ; "))
                });
            }
            BudgetComparison {
                year,
                gaps: gaps(&fees),
                fees,
                why,
            }
        })
        .collect()
}

/// A school as the comparison follows it from one simulation to another: its name (the first
/// simulation's that has it) and its index in each simulation.
#[derive(Clone, Debug)]
struct SchoolRow {
    name: String,
    folded: String,
    uai: Option<String>,
    at: Vec<Option<usize>>,
}

fn folded(name: &str) -> String {
    name.trim().to_lowercase()
}

fn uai_of(uai: Option<&str>) -> Option<String> {
    uai.map(str::trim)
        .filter(|u| !u.is_empty())
        .map(str::to_uppercase)
}

/// Each school of each simulation, matched across them: by UAI when both have one, else by
/// name (case and surrounding spaces aside); two schools of the same name in one simulation
/// are matched in order, the first with the first.
fn school_table(sims: &[Compared<'_>]) -> Vec<SchoolRow> {
    let mut table: Vec<SchoolRow> = Vec::new();
    for (i, c) in sims.iter().enumerate() {
        for (j, s) in c.scenario.schools.iter().enumerate() {
            let (name, uai) = (folded(&s.name), uai_of(s.uai.as_deref()));
            let free = |r: &SchoolRow| r.at[i].is_none();
            let by_uai = uai.as_ref().and_then(|u| {
                table
                    .iter()
                    .position(|r| free(r) && r.uai.as_ref() == Some(u))
            });
            let row = by_uai.or_else(|| {
                table.iter().position(|r| {
                    free(r)
                        && r.folded == name
                        && (r.uai.is_none() || uai.is_none() || r.uai == uai)
                })
            });
            let row = match row {
                Some(r) => r,
                None => {
                    table.push(SchoolRow {
                        name: s.name.clone(),
                        folded: name,
                        uai: None,
                        at: vec![None; sims.len()],
                    });
                    table.len() - 1
                }
            };
            table[row].at[i] = Some(j);
            if table[row].uai.is_none() {
                table[row].uai = uai_of(s.uai.as_deref());
            }
        }
    }
    table
}

/// The schools absent from a simulation or with other access dates there.
fn compare_schools(sims: &[Compared<'_>], table: &[SchoolRow]) -> Vec<SchoolDifference> {
    table
        .iter()
        .filter_map(|row| {
            let (name, at) = (row.name.clone(), &row.at);
            let present: Vec<bool> = at.iter().map(Option::is_some).collect();
            let outcome = |i: usize| at[i].and_then(|j| sims[i].sim.schools.get(j));
            let access_from: Vec<Option<NaiveDate>> = (0..sims.len())
                .map(|i| outcome(i).and_then(|o| o.access_from()))
                .collect();
            let access_until: Vec<Option<NaiveDate>> = (0..sims.len())
                .map(|i| outcome(i).and_then(|o| o.access_until()))
                .collect();
            let everywhere = present.iter().all(|p| *p);
            let same_dates = access_from.iter().all(|d| *d == access_from[0])
                && access_until.iter().all(|d| *d == access_until[0]);
            if everywhere && same_dates {
                return None;
            }
            // What a simulation gives the school: its access, or why it has none.
            let access = |i: usize| match (access_from[i], outcome(i)) {
                (Some(from), _) => format!(
                    "accès du {} au {}",
                    fr(from),
                    access_until[i]
                        .map(|d| format!("{} exclu", fr(d)))
                        .unwrap_or_else(|| "terme".to_string())
                ),
                (None, Some(o)) if !o.eligibility.eligible() => {
                    "non éligible, jamais facturée (R10)".to_string()
                }
                _ => "sans accès, jamais facturée".to_string(),
            };
            let what = if !everywhere {
                let with: Vec<String> = sims
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| present[*i])
                    .map(|(i, c)| format!("« {} » ({})", c.name, access(i)))
                    .collect();
                format!(
                    "Seulement dans {} ; une école listée est facturée chaque année où elle a accès (Art. 6).",
                    with.join(", ")
                )
            } else {
                let each: Vec<String> = sims
                    .iter()
                    .enumerate()
                    .map(|(i, c)| format!("« {} » : {}", c.name, access(i)))
                    .collect();
                format!(
                    "Accès différent (Annexe 1, Art. 8) : {}.",
                    each.join(" ; ")
                )
            };
            Some(SchoolDifference {
                name,
                present,
                access_from,
                access_until,
                what,
            })
        })
        .collect()
}

/// The schools eligible in one simulation and not in another.
fn compare_eligibility(sims: &[Compared<'_>], table: &[SchoolRow]) -> Vec<EligibilityDifference> {
    table
        .iter()
        .filter_map(|row| {
            let (name, at) = (row.name.clone(), &row.at);
            let outcomes: Vec<_> = (0..sims.len())
                .map(|i| at[i].and_then(|j| sims[i].sim.schools.get(j)))
                .collect();
            let eligible: Vec<Option<bool>> = outcomes
                .iter()
                .map(|o| o.map(|o| o.eligibility.eligible()))
                .collect();
            // Listed when it is not eligible somewhere and the simulations do not all say so
            // (a school absent from one and ineligible in another is a difference too).
            if !eligible.contains(&Some(false)) || eligible.iter().all(|e| *e == eligible[0]) {
                return None;
            }
            Some(EligibilityDifference {
                name,
                eligible,
                reasons: outcomes
                    .iter()
                    .map(|o| {
                        o.map(|o| {
                            o.eligibility
                                .reasons
                                .iter()
                                .map(|r| r.message.clone())
                                .collect()
                        })
                        .unwrap_or_default()
                    })
                    .collect(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gaps_are_signed_in_french() {
        let (a, b) = (Money::from_cents(45_000), Money::from_cents(168_050));
        assert_eq!(Gap::between(a, b).to_string(), "+1 230,50 €");
        assert_eq!(Gap::between(b, a).to_string(), "−1 230,50 €");
        assert_eq!(Gap::between(a, b).cents(), 123_050);
        assert_eq!(Gap::between(a, a).to_string(), "0,00 €");
        assert!(Gap::between(a, a).is_zero());
    }

    #[test]
    fn school_names_are_listed_five_at_most() {
        assert_eq!(names_list(&["A", "B"]), "A, B");
        assert_eq!(
            names_list(&["A", "B", "C", "D", "E", "F", "G"]),
            "A, B, C, D, E et 2 autres"
        );
        assert_eq!(
            names_list(&["A", "B", "C", "D", "E", "F"]),
            "A, B, C, D, E et 1 autre"
        );
    }
}
