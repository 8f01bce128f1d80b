//! The JSON report (`--format json`), field for field as `scenario-format.md` names it.

use serde::Serialize;

use crate::engine::dates::iso;
use crate::engine::r8_shares::CostShares;
use crate::engine::simulate::Simulation;

/// The version of the rules this build applies, printed on every report.
pub const RULES_VERSION: &str = "convention laclasse.com, délibération 2023-64 ; règles R1–R10 v1";

#[derive(Serialize)]
pub struct Report {
    pub convention_years: Vec<ConventionYearOut>,
    pub budget_years: Vec<BudgetYearOut>,
    pub termination: Option<TerminationOut>,
    pub notice_deadlines: Vec<NoticeOut>,
    pub appeal_deadline: Option<String>,
    pub schools: Vec<SchoolOut>,
    pub deadlines: Vec<DeadlineOut>,
    /// Both readings of R4, per convention year, when schools share a group.
    pub billing_readings: Option<Vec<ReadingsOut>>,
    pub rules_version: &'static str,
}

#[derive(Serialize)]
pub struct SharesOut {
    pub hosting: u64,
    pub maintenance: u64,
    pub salaries: u64,
    pub sysadmin: u64,
    pub support: u64,
    pub project: u64,
}

impl From<&CostShares> for SharesOut {
    fn from(s: &CostShares) -> SharesOut {
        SharesOut {
            hosting: s.hosting.cents(),
            maintenance: s.maintenance.cents(),
            salaries: s.salaries.cents(),
            sysadmin: s.sysadmin.cents(),
            support: s.support.cents(),
            project: s.project.cents(),
        }
    }
}

#[derive(Serialize)]
pub struct ConventionYearOut {
    pub number: u32,
    pub start: String,
    pub end: String,
    pub billed_units: usize,
    pub fee_cents: u64,
    pub cost_shares_cents: SharesOut,
}

#[derive(Serialize)]
pub struct BudgetYearOut {
    pub year: i32,
    pub fee_cents: u64,
}

#[derive(Serialize)]
pub struct TerminationOut {
    pub received: String,
    pub ends: String,
}

#[derive(Serialize)]
pub struct NoticeOut {
    pub anniversary: String,
    pub latest_reception: String,
    pub non_working_day: bool,
}

#[derive(Serialize)]
pub struct SchoolOut {
    pub name: String,
    pub eligible: bool,
    pub reasons: Vec<&'static str>,
    pub warnings: Vec<&'static str>,
    pub access_from: Option<String>,
    pub access_until: Option<String>,
}

#[derive(Serialize)]
pub struct DeadlineOut {
    pub date: String,
    pub kind: &'static str,
    pub label: String,
    pub clause: &'static str,
    pub non_working_day: bool,
}

#[derive(Serialize)]
pub struct ReadingsOut {
    pub number: u32,
    pub school: ReadingOut,
    pub school_group: ReadingOut,
}

#[derive(Serialize)]
pub struct ReadingOut {
    pub billed_units: usize,
    pub fee_cents: u64,
}

/// Builds the report of a simulation.
pub fn report(sim: &Simulation) -> Report {
    let unit = sim.billing_unit;
    Report {
        convention_years: sim
            .years
            .iter()
            .map(|y| {
                let billing = y.billing(unit);
                ConventionYearOut {
                    number: y.year.number,
                    start: iso(y.year.start),
                    end: iso(y.year.end),
                    billed_units: billing.billed_units,
                    fee_cents: billing.fee.cents(),
                    cost_shares_cents: SharesOut::from(&y.shares),
                }
            })
            .collect(),
        budget_years: sim
            .budget()
            .iter()
            .map(|b| BudgetYearOut {
                year: b.year,
                fee_cents: b.fee.cents(),
            })
            .collect(),
        termination: sim.termination.as_ref().map(|t| TerminationOut {
            received: iso(t.value.received),
            ends: iso(t.value.ends),
        }),
        notice_deadlines: sim
            .notice_deadlines
            .iter()
            .map(|n| NoticeOut {
                anniversary: iso(n.anniversary),
                latest_reception: iso(n.latest_reception),
                non_working_day: n.non_working.is_some(),
            })
            .collect(),
        appeal_deadline: sim.appeal_deadline.as_ref().map(|a| iso(a.value)),
        schools: sim
            .schools
            .iter()
            .map(|s| SchoolOut {
                name: s.name.clone(),
                eligible: s.eligibility.eligible(),
                reasons: s
                    .eligibility
                    .reasons
                    .iter()
                    .map(|r| r.code.code())
                    .collect(),
                warnings: s
                    .eligibility
                    .warnings
                    .iter()
                    .map(|w| w.code.code())
                    .collect(),
                access_from: s.access_from().map(iso),
                access_until: s.access_until().map(iso),
            })
            .collect(),
        deadlines: sim
            .deadlines
            .iter()
            .map(|d| DeadlineOut {
                date: iso(d.date),
                kind: d.kind.code(),
                label: d.label.clone(),
                clause: d.clause.reference(),
                non_working_day: d.non_working.is_some(),
            })
            .collect(),
        billing_readings: sim.has_groups.then(|| {
            sim.years
                .iter()
                .map(|y| ReadingsOut {
                    number: y.year.number,
                    school: ReadingOut {
                        billed_units: y.per_school.billed_units,
                        fee_cents: y.per_school.fee.cents(),
                    },
                    school_group: ReadingOut {
                        billed_units: y.per_group.billed_units,
                        fee_cents: y.per_group.fee.cents(),
                    },
                })
                .collect()
        }),
        rules_version: RULES_VERSION,
    }
}

/// The report as pretty JSON text.
pub fn to_json(sim: &Simulation) -> String {
    serde_json::to_string_pretty(&report(sim)).unwrap_or_default()
}
