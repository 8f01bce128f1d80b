//! R3 — the flat fee, R4 — the billing unit, R7 — titles of revenue and budget years.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use super::clause::Clause;
use super::dates::{days_between, fr, next_day, previous_day};
use super::explain::{Explanation, Rule, assumptions};
use super::money::Money;
use super::r1_years::ConventionYear;
use super::r5_r6_access::Access;
use super::scenario::{BillingUnit, FeeChange, School};
use super::text::plural;

/// R3 (Art. 6): the fee of a year is the annual fee times the billed units, with no
/// proration ("dû forfaitairement même en cas d'année non pleine").
pub fn r3_year_fee(annual_fee: Money, billed_units: usize) -> Money {
    annual_fee.times(billed_units as u64)
}

/// Where the amount of a title comes from: Art. 6, or the avenant in force on its date (R3).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FeeApplied {
    /// The fee of one unit for one year.
    pub amount: Money,
    /// The avenant that set it, `None` for Art. 6's own amount.
    pub avenant: Option<AvenantRef>,
}

/// An avenant of the fee, by its place among the changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AvenantRef {
    /// Its number: its place among the changes by date, from 1.
    pub number: usize,
    /// Its first day in force.
    pub from: NaiveDate,
}

impl FeeApplied {
    /// « avenant n° 1, en vigueur depuis le 01/01/2025 », or « article 6 de la convention ».
    pub fn source(&self) -> String {
        match self.avenant {
            Some(a) => format!(
                "avenant n° {}, en vigueur depuis le {}",
                a.number,
                fr(a.from)
            ),
            None if self.amount == crate::convention::DEFAULT_ANNUAL_FEE => {
                "article 6 de la convention".into()
            }
            None => format!(
                "montant saisi pour la simulation ; l'article 6 fixe {}",
                crate::convention::DEFAULT_ANNUAL_FEE
            ),
        }
    }

    /// « 165,00 € — avenant n° 1, en vigueur depuis le 01/01/2025 ».
    pub fn describe(&self) -> String {
        format!("{} — {}", self.amount, self.source())
    }
}

/// The fee of one unit for one year as values by date (R3): Art. 6's amount, then each
/// avenant's from its date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FeeSchedule<'a> {
    /// Art. 6's amount.
    pub base: Money,
    /// The avenants, by date, at most one a day.
    pub changes: &'a [FeeChange],
}

impl<'a> FeeSchedule<'a> {
    /// The changes of `changes` (sorted by date) over `base`.
    pub fn new(base: Money, changes: &'a [FeeChange]) -> FeeSchedule<'a> {
        FeeSchedule { base, changes }
    }
}

/// R3 (Art. 6, « Fee changes (avenant) »): the fee of a unit's year is the amount in force on
/// its title's date (hypothèse : la redevance d'une année est celle en vigueur au jour où elle
/// est due): the last avenant in force on `on`, else Art. 6's.
pub fn r3_fee_in_force(fees: FeeSchedule<'_>, on: NaiveDate) -> FeeApplied {
    let in_force = fees.changes.partition_point(|c| c.from <= on);
    match in_force.checked_sub(1) {
        Some(i) => FeeApplied {
            amount: fees.changes[i].annual_fee,
            avenant: Some(AvenantRef {
                number: i + 1,
                from: fees.changes[i].from,
            }),
        },
        None => FeeApplied {
            amount: fees.base,
            avenant: None,
        },
    }
}

/// R4 (Art. 6, deliberation): the key under which a school's group is compared: trimmed, case
/// ignored.
/// `None` for a school with no group (or an empty one): it is its own unit.
pub fn r4_group_key(group: Option<&str>) -> Option<String> {
    group
        .map(str::trim)
        .filter(|g| !g.is_empty())
        .map(str::to_lowercase)
}

/// R4 (Art. 6, deliberation): the billing unit of every school, as a unit number: under
/// `School` each school is its own unit; under `SchoolGroup`, schools that share a group share
/// a unit. Units are numbered in order of first appearance.
pub fn r4_units(schools: &[School], unit: BillingUnit) -> Vec<usize> {
    match unit {
        BillingUnit::School => (0..schools.len()).collect(),
        BillingUnit::SchoolGroup => {
            let mut groups: HashMap<String, usize> = HashMap::new();
            let mut count = 0;
            schools
                .iter()
                .map(|s| {
                    let fresh = |count: &mut usize| {
                        *count += 1;
                        *count - 1
                    };
                    match r4_group_key(s.group.as_deref()) {
                        Some(key) => match groups.get(&key) {
                            Some(&unit) => unit,
                            None => {
                                let unit = fresh(&mut count);
                                groups.insert(key, unit);
                                unit
                            }
                        },
                        None => fresh(&mut count),
                    }
                })
                .collect()
        }
    }
}

/// R4 (Art. 6, deliberation): whether at least two schools share a unit (given by
/// [`r4_units`] per group), so that the two readings of R4 differ.
pub fn r4_has_groups(group_units: &[usize]) -> bool {
    group_units
        .iter()
        .max()
        .is_some_and(|&m| m + 1 < group_units.len())
}

/// A batch of titles of revenue issued on one day for one convention year (R7).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TitleBatch {
    /// The titles' date.
    pub date: NaiveDate,
    /// The convention year they bill.
    pub convention_year: u32,
    /// How many units they bill, one title each.
    pub units: usize,
    /// The fee of one unit: the amount in force on `date` (R3).
    pub unit_fee: FeeApplied,
    /// Their total: `unit_fee` times `units`.
    pub amount: Money,
}

impl TitleBatch {
    /// « Titre du 16/11/2025 : 3 unités × 165,00 € = 495,00 € (avenant n° 1, en vigueur depuis
    /// le 01/01/2025) ».
    pub fn describe(&self) -> String {
        format!(
            "Titre du {} : {} unité{} × {} = {} ({})",
            fr(self.date),
            self.units,
            plural(self.units),
            self.unit_fee.amount,
            self.amount,
            self.unit_fee.source()
        )
    }
}

/// One convention year billed under one reading of R4. [`YearBilling::why`] explains it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearBilling {
    /// Units with access on at least one day of the year.
    pub billed_units: usize,
    /// The year's fee: the sum of its titles, each unit at the amount in force on its title's
    /// date (R3).
    pub fee: Money,
    /// Indices of the schools with access on at least one day of the year.
    pub billed_schools: Vec<usize>,
    /// The year's titles, by date (R7).
    pub titles: Vec<TitleBatch>,
    /// The reading of R4 it was billed under.
    pub unit: BillingUnit,
    /// The fee of one unit at the year's first day (R3).
    pub annual_fee: FeeApplied,
    /// Units billed the whole fee for fewer than [`SHORT_ACCESS_DAYS`] days of access.
    pub short_access: Vec<ShortAccess>,
    /// The avenants that come into force after the year's first day and by its last: the
    /// year's titles dated before keep the amount before (R3, hypothèse).
    pub changes_within: Vec<AvenantRef>,
    year: (u32, NaiveDate, NaiveDate),
}

/// Fewer days of access in a year than this, and the page says what the fee costs per day
/// (R3: the fee is due in full, even for one day; a reading of the text).
pub const SHORT_ACCESS_DAYS: i64 = 60;

/// A unit billed the year's whole fee for few days of access (R3).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShortAccess {
    /// The schools of the unit (indices in the scenario).
    pub schools: Vec<usize>,
    /// Days of access in the year.
    pub days: i64,
    /// The first day of access in the year.
    pub first: NaiveDate,
    /// The last day of access in the year.
    pub last: NaiveDate,
    /// The fee billed for it.
    pub fee: Money,
}

impl ShortAccess {
    /// « 150,00 € pour 19 jours d'accès (du 01/08/2025 au 19/08/2025) ».
    pub fn describe(&self) -> String {
        format!(
            "{} pour {} jour{} d'accès (du {} au {})",
            self.fee,
            self.days,
            plural(self.days),
            fr(self.first),
            fr(self.last)
        )
    }
}

/// One school with access during a convention year, as both readings of R4 bill it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BilledSchool {
    /// Its index in the scenario.
    pub index: usize,
    /// The date of its title: the later of the year's first day and its opening (R7).
    pub title: NaiveDate,
    /// Its first and last days of access in the year.
    pub first: NaiveDate,
    /// See `first`.
    pub last: NaiveDate,
    /// It has access for [`SHORT_ACCESS_DAYS`] days or more in the year.
    pub long: bool,
}

/// R3 (Art. 6): the schools with access on at least one day of `year`, with their title date
/// (R7) and their days of access, written into `billed` (cleared first, so that one buffer
/// serves every year). Computed once a year and shared by both readings of R4.
pub fn r3_year_access(
    year: &ConventionYear,
    access: &[Option<Access>],
    billed: &mut Vec<BilledSchool>,
) {
    let (start, end) = (year.start, year.end);
    // Most schools have access from the year's first day for 60 days or more: two
    // comparisons say so, without counting days.
    let long_from_start = start
        .checked_add_days(chrono::Days::new(SHORT_ACCESS_DAYS as u64))
        .unwrap_or(NaiveDate::MAX);
    billed.clear();
    for (index, a) in access.iter().enumerate() {
        let Some(a) = a else { continue };
        let Some(from) = a.from else { continue };
        if !a.overlaps(start, end) {
            continue;
        }
        // Overlap implies an opening on or before the year's end.
        let first = from.max(start);
        let last = a.until.map_or(end, |u| previous_day(u).min(end));
        let long = (from <= start && a.until.is_none_or(|u| u >= long_from_start))
            || days_between(first, last) + 1 >= SHORT_ACCESS_DAYS;
        billed.push(BilledSchool {
            index,
            title: r7_title_date(start, from),
            first,
            last,
            long,
        });
    }
}

/// The units billed the whole fee for fewer than [`SHORT_ACCESS_DAYS`] days of access: the
/// union of each unit's schools' access in the year.
fn short_access(
    start: NaiveDate,
    end: NaiveDate,
    billed: &[BilledSchool],
    units: &[usize],
    unit_count: usize,
    fees: FeeSchedule<'_>,
) -> Vec<ShortAccess> {
    // A unit is short only if each of its schools is. Most schools are long: with none short,
    // nothing is allocated (this runs for every year of every simulation).
    if billed.iter().all(|b| b.long) {
        return Vec::new();
    }
    // Units with one long school are not short: marked once, looked up in constant time.
    let mut long_unit = vec![false; unit_count];
    for b in billed.iter().filter(|b| b.long) {
        long_unit[units[b.index]] = true;
    }
    let mut candidates: Vec<(usize, usize, NaiveDate, NaiveDate)> = billed
        .iter()
        .filter(|b| !b.long && b.first <= b.last && !long_unit[units[b.index]])
        .map(|b| (units[b.index], b.index, b.first, b.last))
        .collect();
    candidates.sort_unstable();
    type UnitSpans = (usize, Vec<usize>, Vec<(NaiveDate, NaiveDate)>);
    let mut by_unit: Vec<UnitSpans> = Vec::new();
    for (unit, i, first, last) in candidates {
        match by_unit.last_mut() {
            Some((u, schools, spans)) if *u == unit => {
                schools.push(i);
                spans.push((first, last));
            }
            _ => by_unit.push((unit, vec![i], vec![(first, last)])),
        }
    }
    let mut out = Vec::new();
    for (_, schools, mut spans) in by_unit {
        spans.sort_unstable();
        let (mut days, mut current): (i64, Option<(NaiveDate, NaiveDate)>) = (0, None);
        for (a, b) in spans.iter().copied() {
            current = match current {
                Some((ca, cb)) if a <= next_day(cb) => Some((ca, cb.max(b))),
                Some((ca, cb)) => {
                    days += days_between(ca, cb) + 1;
                    Some((a, b))
                }
                None => Some((a, b)),
            };
        }
        if let Some((ca, cb)) = current {
            days += days_between(ca, cb) + 1;
        }
        if days < SHORT_ACCESS_DAYS {
            let first = spans.iter().map(|s| s.0).min().unwrap_or(start);
            let last = spans.iter().map(|s| s.1).max().unwrap_or(end);
            // The unit's title is dated its first day of access in the year (R7).
            out.push(ShortAccess {
                schools,
                days,
                first,
                last,
                fee: r3_fee_in_force(fees, first).amount,
            });
        }
    }
    out
}

impl YearBilling {
    /// Which units are billed and how the fee follows, with the clauses (Art. 6, R4's reading).
    pub fn why(&self) -> Explanation {
        let (number, start, end) = self.year;
        let (billed_units, fee) = (self.billed_units, self.fee);
        let amounts = self.amounts_used();
        let (what, assumption) = match self.unit {
            BillingUnit::School => ("école", assumptions::BILLING_PER_SCHOOL),
            BillingUnit::SchoolGroup => (
                "unité (groupe scolaire ou école seule)",
                assumptions::BILLING_PER_GROUP,
            ),
        };
        let mut why = Explanation::new(
            Rule::R3,
            format!("Redevance de l'année de convention n° {number}"),
            Clause::Art6Fee,
        )
        .also(if self.unit == BillingUnit::School {
            Clause::DeliberationPoint2
        } else {
            Clause::DeliberationRecitalGroup
        })
        .input("Redevance annuelle", self.amounts_described())
        .input("Année", format!("du {} au {}", fr(start), fr(end)))
        .input("Unité de facturation", self.unit.label())
        .step(format!(
            "Écoles ayant accès au moins un jour de l'année : {}.",
            self.billed_schools.len()
        ));
        if self.unit == BillingUnit::SchoolGroup {
            why = why.step(format!(
                "Regroupées par groupe scolaire : {billed_units} unité{} facturée{}.",
                plural(billed_units),
                plural(billed_units)
            ));
        }
        let what = format!(
            "{what}{}",
            if billed_units > 1 && self.unit == BillingUnit::School {
                "s"
            } else {
                ""
            }
        );
        why = match amounts.as_slice() {
            [one] if one.avenant.is_none() => why.step(format!(
                "{billed_units} {what} × {} = {fee}, dû en entier même si l'année n'est pas pleine.",
                one.amount
            )),
            _ => {
                for t in &self.titles {
                    why = why.step(format!("{}.", t.describe()));
                }
                why.step(format!(
                    "{billed_units} {what} : {fee} au total, chaque unité au montant en vigueur à la date de son titre, dû en entier même si l'année n'est pas pleine."
                ))
                .assume(assumptions::FEE_AT_TITLE_DATE)
            }
        }
        .assume(assumption);
        for a in &self.changes_within {
            why = why
                .step(format!(
                    "L'avenant n° {} entre en vigueur le {}, en cours d'année : il vaut pour les titres datés de ce jour ou après ; ceux de l'année datés avant restent au montant précédent.",
                    a.number,
                    fr(a.from)
                ))
                .assume(assumptions::FEE_AT_TITLE_DATE);
        }
        for s in &self.short_access {
            why = why.step(format!(
                "Attention : {} — l'année est due en entier même pour quelques jours d'accès.",
                s.describe()
            ));
        }
        if !self.short_access.is_empty() {
            why = why.assume(assumptions::PART_YEAR_IN_FULL);
        }
        why
    }

    /// The amounts of one unit its titles use, each with its source, as one text: « 150,00 € —
    /// article 6 de la convention ; 165,00 € — avenant n° 1, en vigueur depuis le 01/01/2025 ».
    pub fn amounts_described(&self) -> String {
        match self.amounts_used().as_slice() {
            [] => self.annual_fee.describe(),
            used => used
                .iter()
                .map(FeeApplied::describe)
                .collect::<Vec<_>>()
                .join(" ; "),
        }
    }

    /// The amounts of one unit its titles use, without their sources: « 150,00 € », « 150,00 €
    /// puis 165,00 € ».
    pub fn amounts_listed(&self) -> String {
        match self.amounts_used().as_slice() {
            [] => self.annual_fee.amount.to_string(),
            used => used
                .iter()
                .map(|f| f.amount.to_string())
                .collect::<Vec<_>>()
                .join(" puis "),
        }
    }

    /// The amounts of one unit its titles use, each once, in the order of the titles.
    pub fn amounts_used(&self) -> Vec<FeeApplied> {
        let mut used: Vec<FeeApplied> = Vec::new();
        for t in &self.titles {
            if !used.contains(&t.unit_fee) {
                used.push(t.unit_fee);
            }
        }
        used
    }
}

/// R3, R4 and R7 (Art. 6) for one convention year: which units are billed (those with a
/// school in `billed`, from [`r3_year_access`]), the fee, and the titles (dated the later of
/// the year's first day and the unit's earliest opening in the year).
pub fn r3_bill_year(
    year: &ConventionYear,
    billed: &[BilledSchool],
    units: &[usize],
    billing_unit: BillingUnit,
    fees: FeeSchedule<'_>,
) -> YearBilling {
    let unit_count = units.iter().max().map_or(0, |m| m + 1);
    let mut unit_title: Vec<Option<NaiveDate>> = vec![None; unit_count];
    for b in billed {
        let slot = &mut unit_title[units[b.index]];
        *slot = Some(slot.map_or(b.title, |d| d.min(b.title)));
    }
    let billed_schools: Vec<usize> = billed.iter().map(|b| b.index).collect();
    // Most titles are dated on the year's first day; only late openings need sorting.
    let billed_units = unit_title.iter().flatten().count();
    let at_start = unit_title
        .iter()
        .flatten()
        .filter(|&&d| d == year.start)
        .count();
    let mut later: Vec<NaiveDate> = unit_title
        .iter()
        .flatten()
        .copied()
        .filter(|&d| d != year.start)
        .collect();
    later.sort_unstable();
    let at_year_start = r3_fee_in_force(fees, year.start);
    let mut titles: Vec<TitleBatch> = Vec::new();
    if at_start > 0 {
        titles.push(TitleBatch {
            date: year.start,
            convention_year: year.number,
            units: at_start,
            unit_fee: at_year_start,
            amount: r3_year_fee(at_year_start.amount, at_start),
        });
    }
    for date in later {
        match titles.last_mut() {
            Some(last) if last.date == date => {
                last.units += 1;
                last.amount = last.amount + last.unit_fee.amount;
            }
            _ => {
                let unit_fee = r3_fee_in_force(fees, date);
                titles.push(TitleBatch {
                    date,
                    convention_year: year.number,
                    units: 1,
                    unit_fee,
                    amount: unit_fee.amount,
                })
            }
        }
    }
    let short_access = short_access(year.start, year.end, billed, units, unit_count, fees);
    YearBilling {
        billed_units,
        fee: titles.iter().map(|t| t.amount).sum(),
        short_access,
        billed_schools,
        titles,
        unit: billing_unit,
        changes_within: fees
            .changes
            .iter()
            .enumerate()
            .filter(|(_, c)| c.from > year.start && c.from <= year.end)
            .map(|(i, c)| AvenantRef {
                number: i + 1,
                from: c.from,
            })
            .collect(),
        annual_fee: at_year_start,
        year: (year.number, year.start, year.end),
    }
}

/// R7 (Art. 6, "titre annuel de recette établi en début d'ouverture du service"): a unit's
/// title for a year is dated the later of the year's first day and its opening.
pub fn r7_title_date(year_start: NaiveDate, opening: NaiveDate) -> NaiveDate {
    year_start.max(opening)
}

/// A budget year (exercice): the sum of the titles dated in it. [`BudgetYear::why`] lists them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BudgetYear {
    /// The calendar year.
    pub year: i32,
    /// The total of the titles dated in it.
    pub fee: Money,
    /// The titles dated in it, by date.
    pub titles: Vec<TitleBatch>,
}

impl BudgetYear {
    /// The titles dated in the year and their total (R7, Art. 6).
    pub fn why(&self) -> Explanation {
        let year = self.year;
        let mut why = Explanation::new(
            Rule::R7,
            format!("Exercice budgétaire {year}"),
            Clause::Art6Title,
        )
        .input("Exercice", year.to_string());
        if self.titles.is_empty() {
            why = why.step(format!("Aucun titre de recette daté de {year}."));
        }
        for t in &self.titles {
            why = why.step(format!(
                "Titre du {} (année de convention n° {}) : {} unité{} × {} = {} ({}).",
                fr(t.date),
                t.convention_year,
                t.units,
                plural(t.units),
                t.unit_fee.amount,
                t.amount,
                t.unit_fee.source()
            ));
        }
        why.step(format!("Total de l'exercice {year} : {}.", self.fee))
            .assume(assumptions::TITLE_DATE)
    }
}

/// R7 (Art. 6): budget years from `first` to `last` (zeros included), each with the titles
/// dated in it.
pub fn r7_budget_years(first: i32, last: i32, titles: &[TitleBatch]) -> Vec<BudgetYear> {
    (first..=last)
        .map(|year| {
            let titles: Vec<TitleBatch> = titles
                .iter()
                .filter(|t| t.date.year() == year)
                .cloned()
                .collect();
            BudgetYear {
                year,
                fee: titles.iter().map(|t| t.amount).sum(),
                titles,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::parse_iso;
    use crate::scenario::{Level, Sector};

    fn school(group: Option<&str>) -> School {
        School {
            name: "É".into(),
            uai: None,
            level: Level::Primaire,
            sector: Sector::Public,
            group: group.map(str::to_string),
            requested: parse_iso("2023-11-10").unwrap(),
            opened: None,
            removal_requested: None,
            admin_changed: None,
            storage_gb: None,
            admin: None,
        }
    }

    #[test]
    fn units_per_school_and_per_group() {
        let schools = vec![
            school(Some("GS du Bourg")),
            school(Some("  gs du bourg ")),
            school(None),
            school(Some("")),
            school(Some("GS Leclerc")),
            school(Some("GS du Bourg")),
        ];
        assert_eq!(
            r4_units(&schools, BillingUnit::School),
            vec![0, 1, 2, 3, 4, 5]
        );
        assert_eq!(
            r4_units(&schools, BillingUnit::SchoolGroup),
            vec![0, 0, 1, 2, 3, 0]
        );
        assert!(r4_has_groups(&r4_units(&schools, BillingUnit::SchoolGroup)));
        assert!(!r4_has_groups(&r4_units(
            &schools[2..5],
            BillingUnit::SchoolGroup
        )));
        assert!(!r4_has_groups(&[]));
    }

    #[test]
    fn fee_is_flat() {
        assert_eq!(
            r3_year_fee(Money::from_euros(150), 4),
            Money::from_euros(600)
        );
        assert_eq!(r3_year_fee(Money::from_euros(150), 0), Money::ZERO);
    }

    #[test]
    fn title_dates() {
        let start = parse_iso("2023-11-16").unwrap();
        assert_eq!(
            r7_title_date(start, parse_iso("2023-11-24").unwrap()),
            parse_iso("2023-11-24").unwrap()
        );
        assert_eq!(
            r7_title_date(start, parse_iso("2022-01-01").unwrap()),
            start
        );
    }

    fn change(from: &str, euros: u64) -> FeeChange {
        FeeChange {
            from: parse_iso(from).unwrap(),
            annual_fee: Money::from_euros(euros),
            source: "avenant".into(),
        }
    }

    #[test]
    fn the_fee_in_force_is_the_last_change_on_or_before_the_date() {
        let changes = [change("2025-01-01", 165), change("2027-01-01", 180)];
        let fees = FeeSchedule::new(Money::from_euros(150), &changes);
        let at = |d: &str| r3_fee_in_force(fees, parse_iso(d).unwrap());
        assert_eq!(at("2024-12-31").amount, Money::from_euros(150));
        assert_eq!(at("2024-12-31").avenant, None);
        // A change on a title's date applies to it.
        assert_eq!(at("2025-01-01").amount, Money::from_euros(165));
        assert_eq!(at("2025-01-01").avenant.map(|a| a.number), Some(1));
        assert_eq!(at("2026-12-31").amount, Money::from_euros(165));
        assert_eq!(at("2027-01-01").amount, Money::from_euros(180));
        assert_eq!(
            at("2025-11-16").describe(),
            "165,00 € — avenant n° 1, en vigueur depuis le 01/01/2025"
        );
        assert_eq!(
            at("2024-11-16").describe(),
            "150,00 € — article 6 de la convention"
        );
        assert_eq!(
            r3_fee_in_force(
                FeeSchedule::new(Money::from_euros(150), &[]),
                parse_iso("2030-01-01").unwrap()
            )
            .amount,
            Money::from_euros(150)
        );
    }
}
