//! The JSON report (`--format json`), field for field as `scenario-format.md` names it.

use serde::Serialize;

use engine::dates::iso;
use engine::r8_shares::CostShares;
use engine::simulate::Simulation;

/// The version of the rules this build applies, printed on every report.
pub const RULES_VERSION: &str = "convention laclasse.com, délibération 2023-64 ; règles R1–R10 v1";

/// The whole JSON report of a simulation, under the scenario's billing unit.
#[derive(Serialize)]
pub struct Report {
    /// Every convention year up to the horizon, none from the termination on (R1).
    pub convention_years: Vec<ConventionYearOut>,
    /// Every calendar year from the notification's to the horizon's, zeros included (R7).
    pub budget_years: Vec<BudgetYearOut>,
    /// The termination, when a letter was received (R2).
    pub termination: Option<TerminationOut>,
    /// One notice deadline per anniversary up to the horizon (R2).
    pub notice_deadlines: Vec<NoticeOut>,
    /// The appeal deadline (`YYYY-MM-DD`), when the deliberation's publication is known (R9).
    pub appeal_deadline: Option<String>,
    /// The deliberation's legality dates (D5).
    pub legality: LegalityOut,
    /// The checks of the council meeting (D2–D4); null when no meeting data is given.
    pub meeting: Option<MeetingOut>,
    /// Every school, in the scenario's order.
    pub schools: Vec<SchoolOut>,
    /// The merged calendar, by date.
    pub deadlines: Vec<DeadlineOut>,
    /// Both readings of R4, per convention year, when schools share a group.
    pub billing_readings: Option<Vec<ReadingsOut>>,
    /// The version of the rules applied: [`RULES_VERSION`].
    pub rules_version: &'static str,
}

/// The Annexe 2 shares of a fee, in cents (R8).
#[derive(Serialize)]
pub struct SharesOut {
    /// Hosting, 17 %.
    pub hosting: u64,
    /// Evolutive maintenance, 22 %.
    pub maintenance: u64,
    /// Salaries, 61 %.
    pub salaries: u64,
    /// Of the salaries: system administration, 12 %.
    pub sysadmin: u64,
    /// Of the salaries: technical support, 33 %.
    pub support: u64,
    /// Of the salaries: project management, 16 %.
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

/// One convention year and its fee.
#[derive(Serialize)]
pub struct ConventionYearOut {
    /// Its number, from 1.
    pub number: u32,
    /// Its first day, `YYYY-MM-DD`.
    pub start: String,
    /// Its last day, inclusive, `YYYY-MM-DD`.
    pub end: String,
    /// Units billed under the scenario's billing unit (R3, R4).
    pub billed_units: usize,
    /// The year's fee, in cents.
    pub fee_cents: u64,
    /// The year's fee split by Annexe 2 (R8).
    pub cost_shares_cents: SharesOut,
    /// The year's titles with the amount of one unit each uses (R3, R7).
    pub titles: Vec<TitleOut>,
}

/// A batch of titles issued on one day, and the fee of one unit it uses (R3, R7).
#[derive(Serialize)]
pub struct TitleOut {
    /// The titles' date, `YYYY-MM-DD`.
    pub date: String,
    /// How many units they bill, one title each.
    pub units: usize,
    /// The fee of one unit in force on `date`, in cents.
    pub unit_fee_cents: u64,
    /// Their total, in cents.
    pub fee_cents: u64,
    /// The avenant that set `unit_fee_cents` (its number, from 1, among the changes by date);
    /// `null` for the convention's own amount.
    pub avenant: Option<usize>,
    /// Where the amount comes from, in French: « article 6 de la convention », « avenant n° 1,
    /// en vigueur depuis le 01/01/2025 ».
    pub fee_source: String,
}

impl From<&engine::r3_r4_r7_fees::TitleBatch> for TitleOut {
    fn from(t: &engine::r3_r4_r7_fees::TitleBatch) -> TitleOut {
        TitleOut {
            date: iso(t.date),
            units: t.units,
            unit_fee_cents: t.unit_fee.amount.cents(),
            fee_cents: t.amount.cents(),
            avenant: t.unit_fee.avenant.map(|a| a.number),
            fee_source: t.unit_fee.source(),
        }
    }
}

/// One budget year (exercice) and the titles dated in it (R7).
#[derive(Serialize)]
pub struct BudgetYearOut {
    /// The calendar year.
    pub year: i32,
    /// The total of its titles, in cents.
    pub fee_cents: u64,
    /// Its titles with the amount of one unit each uses (R3, R7).
    pub titles: Vec<TitleOut>,
}

/// A termination by the commune (R2).
#[derive(Serialize)]
pub struct TerminationOut {
    /// The day the Métropole received the letter, `YYYY-MM-DD`.
    pub received: String,
    /// The anniversary at which the convention and access end, `YYYY-MM-DD`.
    pub ends: String,
}

/// The notice deadline of one anniversary (R2).
#[derive(Serialize)]
pub struct NoticeOut {
    /// The anniversary, `YYYY-MM-DD`.
    pub anniversary: String,
    /// The last day a letter may be received for it, `YYYY-MM-DD`.
    pub latest_reception: String,
    /// That day is a Saturday, a Sunday or a public holiday (R9).
    pub non_working_day: bool,
    /// The last working day on or before it (R9), `YYYY-MM-DD`: the day to aim at in
    /// practice; the deadline itself does not move.
    pub practical_last_day: String,
    /// The favourable reading's last day (hypothèse), `YYYY-MM-DD`: always later than
    /// `latest_reception`; what a letter received in between could argue, never a deadline.
    pub favourable_latest_reception: String,
    /// The termination planned backwards for this anniversary (D7).
    pub plan: PlanOut,
}

/// The termination planned backwards from one anniversary (D7), `YYYY-MM-DD` each.
#[derive(Serialize)]
pub struct PlanOut {
    /// R2's recommended sending date: 15 days before the practical last day (hypothèse).
    pub recommended_send_by: String,
    /// The last day to send the registered letter (3 working days before the practical day).
    pub send_by: String,
    /// The day the council's deliberation (or the mayor's décision) must be enforceable.
    pub enforceable_by: String,
    /// The last day for the council to meet; null with `termination_delegation`.
    pub meeting_by: Option<String>,
    /// The last day to convene the council; null with `termination_delegation` or without
    /// the population.
    pub convocation_by: Option<String>,
    /// To send on the recommended day: the last day for the meeting (null with
    /// `termination_delegation`).
    pub recommended_meeting_by: Option<String>,
    /// To send on the recommended day: the last day to convene (null as `convocation_by`).
    pub recommended_convocation_by: Option<String>,
}

/// A proxy not counted (D4).
#[derive(Serialize)]
pub struct UnusedProxyOut {
    /// Who gave it.
    pub giver: String,
    /// Who holds it.
    pub holder: String,
    /// « irrégulier » (a holder's second proxy) or « non utilisé ».
    pub why: &'static str,
}

/// The deliberation's legality dates (D5), `YYYY-MM-DD` or null where a date they need is
/// unknown.
#[derive(Serialize)]
pub struct LegalityOut {
    /// Its publication, as entered.
    pub published: Option<String>,
    /// Its transmission to the préfecture, as entered.
    pub transmitted: Option<String>,
    /// The day it becomes enforceable: the later of both (CGCT L2131-1).
    pub enforceable: Option<String>,
    /// The last day of the déféré préfectoral: two months' délai franc from the transmission,
    /// moved to the next working day (CGCT L2131-6).
    pub prefect_referral_deadline: Option<String>,
    /// The convention is notified before the transmission (it cannot be signed before).
    pub notified_before_transmission: bool,
    /// The convention is signed (`convention.signed`, or the notification standing for it)
    /// before the deliberation is enforceable, or before its transmission while the
    /// publication is unknown.
    pub notified_before_enforceable: bool,
    /// A meeting is given and its vote did not pass (false, or undetermined, or not entered).
    pub notified_without_approval: bool,
    /// The last day to display and put online the list of the deliberations: meeting + 7
    /// days (L2121-25); null without a meeting date.
    pub list_of_deliberations_deadline: Option<String>,
}

/// The checks of the council meeting (D2–D4); a part is null where its data is missing.
#[derive(Serialize)]
pub struct MeetingOut {
    /// Members present needed for the quorum (L2121-17); null on a second convocation.
    pub quorum_required: Option<u32>,
    /// Whether the quorum is met.
    pub quorum_met: Option<bool>,
    /// Jours francs between the convocation and the meeting (L2121-11, L2121-12).
    pub jours_francs: Option<i64>,
    /// Jours francs required by the commune's size.
    pub jours_francs_required: Option<i64>,
    /// Present (less those not voting) plus the proxies used (L2121-20).
    pub votants: Option<u32>,
    /// Whether the vote passed (absolute majority of the votes cast); null when unknown, or a
    /// tie whose chair's vote is unknown.
    pub passed: Option<bool>,
    /// The proxies not counted.
    pub unused_proxies: Vec<UnusedProxyOut>,
    /// Every fault found, in French, each with its article.
    pub problems: Vec<String>,
}

/// One school: its eligibility (R10) and its access (R5, R6).
#[derive(Serialize)]
pub struct SchoolOut {
    /// The school's name.
    pub name: String,
    /// Whether it may be on the list.
    pub eligible: bool,
    /// Codes of what blocks it: `commune`, `level`, `sector`, `admin`, `usage`, in that order.
    pub reasons: Vec<&'static str>,
    /// Codes of what needs attention: `storage`, `contacts`, in that order.
    pub warnings: Vec<&'static str>,
    /// The first day with access, `YYYY-MM-DD`; null when it never has access.
    pub access_from: Option<String>,
    /// The first day without access, `YYYY-MM-DD`; null when no end is planned.
    pub access_until: Option<String>,
}

/// One dated event of the calendar.
#[derive(Serialize)]
pub struct DeadlineOut {
    /// The day, `YYYY-MM-DD`.
    pub date: String,
    /// Its kind: `notice`, `list_update`, `list_applied`, `access_opening`, `appeal`, `title`,
    /// `enforceable`, `prefect_referral`, `list_of_deliberations`.
    pub kind: &'static str,
    /// What happens that day, in French.
    pub label: String,
    /// The reference of its clause: `Art. 8`, `Annexe 1`…
    pub clause: &'static str,
    /// That day is a Saturday, a Sunday or a public holiday (R9).
    pub non_working_day: bool,
}

impl From<&engine::Deadline> for DeadlineOut {
    fn from(d: &engine::Deadline) -> DeadlineOut {
        DeadlineOut {
            date: iso(d.date),
            kind: d.kind.code(),
            label: d.label.clone(),
            clause: d.clause.reference(),
            non_working_day: d.non_working.is_some(),
        }
    }
}

/// One convention year billed under both readings of R4.
#[derive(Serialize)]
pub struct ReadingsOut {
    /// The convention year's number.
    pub number: u32,
    /// Billed per school.
    pub school: ReadingOut,
    /// Billed per school group.
    pub school_group: ReadingOut,
}

/// A convention year billed under one reading of R4.
#[derive(Serialize)]
pub struct ReadingOut {
    /// Units billed.
    pub billed_units: usize,
    /// The year's fee, in cents.
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
                    titles: billing.titles.iter().map(TitleOut::from).collect(),
                }
            })
            .collect(),
        budget_years: sim
            .budget()
            .iter()
            .map(|b| BudgetYearOut {
                year: b.year,
                fee_cents: b.fee.cents(),
                titles: b.titles.iter().map(TitleOut::from).collect(),
            })
            .collect(),
        termination: sim.termination.as_ref().map(|t| TerminationOut {
            received: iso(t.value.received),
            ends: iso(t.value.ends),
        }),
        notice_deadlines: sim
            .notice_deadlines
            .iter()
            .zip(&sim.termination_plans)
            .map(|(n, p)| NoticeOut {
                anniversary: iso(n.anniversary),
                latest_reception: iso(n.latest_reception),
                non_working_day: n.non_working.is_some(),
                practical_last_day: iso(n.practical_last_day),
                favourable_latest_reception: iso(n.favourable_latest_reception),
                plan: PlanOut {
                    recommended_send_by: iso(p.recommended_send_by),
                    send_by: iso(p.send_by),
                    enforceable_by: iso(p.enforceable_by),
                    meeting_by: p.meeting_by.map(iso),
                    convocation_by: p.convocation_by.map(iso),
                    recommended_meeting_by: p.recommended_meeting_by.map(iso),
                    recommended_convocation_by: p.recommended_convocation_by.map(iso),
                },
            })
            .collect(),
        appeal_deadline: sim.appeal_deadline.as_ref().map(|a| iso(a.value)),
        meeting: {
            let m = &sim.meeting;
            m.any().then(|| MeetingOut {
                quorum_required: m.quorum.as_ref().and_then(|q| q.value.required),
                quorum_met: m.quorum.as_ref().map(|q| q.value.met),
                jours_francs: m.convocation.as_ref().map(|c| c.value.jours_francs),
                jours_francs_required: m.convocation.as_ref().map(|c| c.value.required),
                votants: m.votants,
                passed: m.passed(),
                unused_proxies: m
                    .proxies
                    .iter()
                    .flat_map(|p| &p.value.unused)
                    .map(|u| UnusedProxyOut {
                        giver: u.giver.clone(),
                        holder: u.holder.clone(),
                        why: u.issue.code(),
                    })
                    .collect(),
                problems: m
                    .problems()
                    .into_iter()
                    .map(|(clause, p)| format!("{p} [{}]", clause.reference()))
                    .collect(),
            })
        },
        legality: LegalityOut {
            published: sim.legality.published.map(iso),
            transmitted: sim.legality.transmitted.map(iso),
            enforceable: sim.legality.enforceable.as_ref().map(|e| iso(e.value)),
            prefect_referral_deadline: sim.legality.prefect_referral.as_ref().map(|r| iso(r.value)),
            notified_before_transmission: sim.legality.notified_before_transmission.is_some(),
            notified_before_enforceable: sim.legality.notified_before_enforceable.is_some(),
            notified_without_approval: sim.legality.notified_without_approval.is_some(),
            list_of_deliberations_deadline: sim
                .legality
                .list_of_deliberations
                .as_ref()
                .map(|l| iso(l.value)),
        },
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
        deadlines: sim.deadlines.iter().map(DeadlineOut::from).collect(),
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
