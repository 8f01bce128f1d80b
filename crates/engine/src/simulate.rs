//! The whole convention applied to a scenario: every rule, every figure, every explanation.

use chrono::{Datelike, NaiveDate};

use super::clause::Clause;
use super::convention::{
    ACCESS_UPDATE_DAY, OPENING_DELAY_DAYS, TERRITORY_SCHOOLS, YEARLY_LIST_DEADLINE,
};
use super::d1_d4_meeting::{MeetingCheck, d1_d4_meeting_check};
use super::d5_legality::{Legality, d5_legality};
use super::d7_termination::{TerminationPlan, d7_termination_plan};
use super::dates::{MAX_YEAR, add_years, fr, previous_day};
use super::explain::{Explained, Explanation};
use super::money::Money;
use super::r1_years::{ConventionYear, r1_anniversary, r1_convention_years};
use super::r2_termination::{NoticeDeadline, Termination, r2_notice_deadline, r2_termination};
use super::r3_r4_r7_fees::{
    BudgetYear, FeeSchedule, TitleBatch, YearBilling, r3_bill_year, r3_year_access, r4_has_groups,
    r4_units, r7_budget_years,
};
use super::r5_r6_access::{Access, r5_r6_access};
use super::r8_shares::{CostShares, r8_cost_shares, r8_split};
use super::r9_calendar::{NonWorking, r9_appeal_deadline, r9_non_working, r9_previous_working_day};
use super::r10_eligibility::{
    CommuneCheck, ContactsCheck, Eligibility, r10_commune, r10_contacts, r10_eligibility,
};
use super::scenario::{BillingUnit, FeeChange, Scenario};

/// Default planning horizon when the scenario gives none: notification + 5 years, or the last
/// day of [`MAX_YEAR`] if that is earlier, so that the horizon is always a date a scenario file
/// can hold.
pub fn default_horizon(notified: NaiveDate) -> NaiveDate {
    let last = NaiveDate::from_ymd_opt(MAX_YEAR, 12, 31).unwrap_or(NaiveDate::MAX);
    add_years(notified, 5).min(last)
}

/// One convention year, billed under both readings of R4.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearFees {
    /// The convention year (R1).
    pub year: ConventionYear,
    /// Billed per school.
    pub per_school: YearBilling,
    /// Billed per school group.
    pub per_group: YearBilling,
    /// Annexe 2 shares of the fee under the scenario's billing unit.
    pub shares: CostShares,
    /// The scenario's billing unit: the one `shares` and the totals follow.
    pub unit: BillingUnit,
}

impl YearFees {
    /// How the shares were split (R8), rendered on demand.
    pub fn shares_why(&self) -> Explanation {
        let fee = self.billing(self.unit).fee;
        r8_cost_shares(fee, &format!("année de convention n° {}", self.year.number)).why
    }

    /// The year billed under `unit`.
    pub fn billing(&self, unit: BillingUnit) -> &YearBilling {
        match unit {
            BillingUnit::School => &self.per_school,
            BillingUnit::SchoolGroup => &self.per_group,
        }
    }
}

/// A budget year under both readings of R4.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BudgetYears {
    /// The budget years, billed per school.
    pub per_school: Vec<BudgetYear>,
    /// The budget years, billed per school group.
    pub per_group: Vec<BudgetYear>,
}

impl BudgetYears {
    /// The budget years billed under `unit`.
    pub fn for_unit(&self, unit: BillingUnit) -> &[BudgetYear] {
        match unit {
            BillingUnit::School => &self.per_school,
            BillingUnit::SchoolGroup => &self.per_group,
        }
    }
}

/// What the convention means for one school.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SchoolOutcome {
    /// The school's name.
    pub name: String,
    /// Whether it may be on the list, and why (R10).
    pub eligibility: Eligibility,
    /// `None` for an ineligible school: it cannot be on the list, so it has no access.
    pub access: Option<Access>,
}

impl SchoolOutcome {
    /// Its first day with access, if it ever has access (R5).
    pub fn access_from(&self) -> Option<NaiveDate> {
        self.access.as_ref().and_then(|a| a.from)
    }

    /// Its first day without access, if an end is planned (R6).
    pub fn access_until(&self) -> Option<NaiveDate> {
        self.access.as_ref().and_then(|a| a.until)
    }
}

/// The kinds of dated events in the merged calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DeadlineKind {
    /// The last day to receive a termination letter for an anniversary (R2, Art. 8).
    Notice,
    /// The last safe day to send the yearly list, 19 June (R6, Annexe 1).
    ListUpdate,
    /// The last day for the Métropole to update access, 19 August (R6, Annexe 1).
    ListApplied,
    /// A school's access opening (R5, Annexe 1).
    AccessOpening,
    /// The last day to appeal against the deliberation (R9).
    Appeal,
    /// A title of revenue (R7, Art. 6).
    Title,
    /// The day the deliberation becomes enforceable (D5, CGCT L2131-1).
    Enforceable,
    /// The last day of the déféré préfectoral (D5, CGCT L2131-6).
    PrefectReferral,
    /// The last day to display and put online the list of the deliberations (D5, CGCT
    /// L2121-25).
    ListOfDeliberations,
}

impl DeadlineKind {
    /// Whether the commune must act by this date (the notice, the yearly list); the others
    /// are the Métropole's (R9).
    pub fn commune_acts(self) -> bool {
        matches!(self, DeadlineKind::Notice | DeadlineKind::ListUpdate)
    }

    /// Every kind, in the order a timeline shows them (the commune's first).
    pub const ALL: [DeadlineKind; 9] = [
        DeadlineKind::Notice,
        DeadlineKind::ListUpdate,
        DeadlineKind::ListApplied,
        DeadlineKind::AccessOpening,
        DeadlineKind::Title,
        DeadlineKind::ListOfDeliberations,
        DeadlineKind::Enforceable,
        DeadlineKind::Appeal,
        DeadlineKind::PrefectReferral,
    ];

    /// The code the report writes: `notice`, `list_update`…
    pub fn code(self) -> &'static str {
        match self {
            DeadlineKind::Notice => "notice",
            DeadlineKind::ListUpdate => "list_update",
            DeadlineKind::ListApplied => "list_applied",
            DeadlineKind::AccessOpening => "access_opening",
            DeadlineKind::Appeal => "appeal",
            DeadlineKind::Title => "title",
            DeadlineKind::Enforceable => "enforceable",
            DeadlineKind::PrefectReferral => "prefect_referral",
            DeadlineKind::ListOfDeliberations => "list_of_deliberations",
        }
    }

    /// The French label: "Préavis de résiliation", "Liste annuelle"…
    pub fn label(self) -> &'static str {
        match self {
            DeadlineKind::Notice => "Préavis de résiliation",
            DeadlineKind::ListUpdate => "Liste annuelle",
            DeadlineKind::ListApplied => "Mise à jour des accès",
            DeadlineKind::AccessOpening => "Ouverture d'accès",
            DeadlineKind::Appeal => "Recours",
            DeadlineKind::Title => "Titre de recette",
            DeadlineKind::Enforceable => "Délibération exécutoire",
            DeadlineKind::PrefectReferral => "Déféré préfectoral",
            DeadlineKind::ListOfDeliberations => "Liste des délibérations",
        }
    }
}

/// One dated event of the calendar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deadline {
    /// The day.
    pub date: NaiveDate,
    /// What kind of event it is.
    pub kind: DeadlineKind,
    /// What happens that day, one French sentence.
    pub label: String,
    /// The clause the date comes from.
    pub clause: Clause,
    /// A contractual date is never moved; this flags a weekend or holiday.
    pub non_working: Option<NonWorking>,
}

impl Deadline {
    /// Where the date comes from, in French, with its clause.
    pub fn why(&self) -> Explanation {
        use super::explain::{Rule, assumptions};
        let rule = match self.kind {
            DeadlineKind::Notice => Rule::R2,
            DeadlineKind::ListUpdate | DeadlineKind::ListApplied => Rule::R6,
            DeadlineKind::AccessOpening => Rule::R5,
            DeadlineKind::Title => Rule::R7,
            DeadlineKind::Appeal => Rule::R9,
            DeadlineKind::Enforceable
            | DeadlineKind::PrefectReferral
            | DeadlineKind::ListOfDeliberations => Rule::D5,
        };
        let mut e = Explanation::new(rule, self.kind.label(), self.clause)
            .input("Date", super::dates::fr_long(self.date))
            .step(self.label.clone());
        e = match self.kind {
            DeadlineKind::Notice => e
                .step("Lettre recommandée avec accusé de réception : c'est la date de réception par la Métropole qui compte.")
                .assume(assumptions::NOTICE_NOT_EXTENDED),
            DeadlineKind::ListUpdate => e.step(format!(
                "La commune « devra transmettre par mail » ses modifications « avant le 20 juin » : c'est l'envoi qui compte (« en cas de non envoi … avant le 20 juin ») ; un courriel arrive le jour où il part, dernier jour : le {}. Sans envoi, la liste de l'année précédente est reconduite.",
                YEARLY_LIST_DEADLINE.fr()
            )),
            DeadlineKind::ListApplied => e
                .step(format!(
                    "La Métropole met à jour les accès « avant le 20 août » : une radiation reçue au plus tard le {} prend effet le {}.",
                    YEARLY_LIST_DEADLINE.fr(),
                    ACCESS_UPDATE_DAY.fr()
                ))
                .assume(assumptions::REMOVAL_CYCLE),
            DeadlineKind::AccessOpening => e
                .step(format!("La Métropole ouvre l'accès au plus tard {OPENING_DELAY_DAYS} jours après la réception de la demande."))
                .assume(assumptions::OPENING_AT_LATEST),
            DeadlineKind::Title => e
                .step("Un titre annuel de recette est établi en début d'ouverture du service, pour chaque année de convention.")
                .assume(assumptions::TITLE_DATE),
            DeadlineKind::Appeal => e
                .also(Clause::Cpc642)
                .step("Délai de procédure de deux mois, reporté au premier jour ouvrable s'il finit un samedi, un dimanche ou un jour férié."),
            DeadlineKind::Enforceable => e.step(
                "Une délibération est exécutoire une fois publiée et transmise en préfecture : à la dernière des deux dates.",
            ),
            DeadlineKind::PrefectReferral => e
                .also(Clause::Cpc642)
                .step("Le préfet a deux mois à compter de la réception de l'acte pour le déférer au tribunal administratif, comptés en délai franc (hypothèse) ; reporté au premier jour ouvrable s'il finit un jour non ouvré. Une demande de pièces complémentaires en reporte le départ ; son recours gracieux le prolonge.")
                .assume(assumptions::REFERRAL_DELAI_FRANC)
                .assume(assumptions::REFERRAL_CAVEATS),
            DeadlineKind::ListOfDeliberations => e.step(
                "La liste des délibérations examinées est affichée à la mairie et mise en ligne sur le site de la commune dans la semaine qui suit la séance.",
            ),
        };
        match (self.non_working, self.kind) {
            (_, DeadlineKind::Appeal | DeadlineKind::PrefectReferral) | (None, _) => e,
            (Some(_), _) => match self.warning() {
                Some(w) => e.also(Clause::CodeTravailL3133_1).step(w),
                None => e,
            },
        }
    }

    /// The last working day on or before the date, when the commune must act by a date that
    /// falls on a weekend or a holiday (R9): the day to aim at in practice.
    pub fn practical_last_day(&self) -> Option<NaiveDate> {
        (self.kind.commune_acts() && self.non_working.is_some())
            .then(|| r9_previous_working_day(self.date))
    }

    /// What to say of a date on a non-working day. The commune's own deadlines (notice,
    /// yearly list) say when to act in practice; the Métropole's (access, list applied,
    /// titles) are facts to expect, not actions (R9).
    pub fn warning(&self) -> Option<String> {
        let reason = self.non_working?;
        Some(match self.practical_last_day() {
            Some(day) => format!(
                "Le {} est {} : la date n'est pas reportée ; en pratique, au plus tard le {} {}.",
                fr(self.date),
                reason.describe(),
                super::dates::fr_weekday(day),
                fr(day)
            ),
            None => format!("Le {} est {}.", fr(self.date), reason.describe()),
        })
    }
}

/// Where an avenant of the fee takes effect (R3).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FeeChangeEffect<'a> {
    /// Its number among the changes, from 1.
    pub number: usize,
    /// The change.
    pub change: &'a FeeChange,
    /// Its first title at the new amount and that title's convention year; `None` when no
    /// title of the simulation uses it (after the horizon or the termination, or replaced
    /// before any title).
    pub first_title: Option<(NaiveDate, u32)>,
}

impl FeeChangeEffect<'_> {
    /// « Avenant n° 1 : 165,00 € à partir du 01/01/2025 (…) — premier titre sous cet avenant :
    /// 16/11/2025 (année n° 3, exercice 2025). »
    pub fn describe(&self) -> String {
        let head = format!(
            "Avenant n° {} : {} à partir du {}{}",
            self.number,
            self.change.annual_fee,
            fr(self.change.from),
            // The source, unless it only repeats « avenant n° 1 ».
            match self.change.source.trim() {
                "" => String::new(),
                s if s.eq_ignore_ascii_case(&format!("avenant n° {}", self.number)) => {
                    String::new()
                }
                s => format!(" ({s})"),
            }
        );
        match self.first_title {
            Some((date, year)) => format!(
                "{head} — premier titre sous cet avenant : {} (année de convention n° {year}, exercice {}).",
                fr(date),
                date.year()
            ),
            None => format!(
                "{head} — aucun titre de la simulation sous cet avenant : rien ne change dans ses chiffres."
            ),
        }
    }
}

/// Everything computed for a scenario.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Simulation {
    /// The notification (Art. 8).
    pub notified: NaiveDate,
    /// The last day simulated.
    pub horizon_until: NaiveDate,
    /// The annual fee of one unit (Art. 6).
    pub annual_fee: Money,
    /// Its changes by avenant, by date (R3).
    pub fee_changes: Vec<FeeChange>,
    /// The reading of R4 the totals follow.
    pub billing_unit: BillingUnit,
    /// Whether the commune is one of the Métropole's (R10).
    pub commune: CommuneCheck,
    /// The commune's contacts, checked (R10, Annexe 1).
    pub contacts: ContactsCheck,
    /// When a termination letter ends the convention (R2).
    pub termination: Option<Explained<Termination>>,
    /// The convention years up to the horizon or the termination, with their fees.
    pub years: Vec<YearFees>,
    /// The budget years with their titles (R7).
    pub budget_years: BudgetYears,
    /// The notice deadline of every anniversary up to the horizon (R2).
    pub notice_deadlines: Vec<NoticeDeadline>,
    /// The termination plan of each anniversary, in the order of `notice_deadlines` (D7).
    pub termination_plans: Vec<TerminationPlan>,
    /// The appeal deadline, when the deliberation's publication is known (R9).
    pub appeal_deadline: Option<Explained<NaiveDate>>,
    /// The deliberation's legality dates (D5).
    pub legality: Legality,
    /// The checks of the council meeting that votes it (D2–D4).
    pub meeting: MeetingCheck,
    /// Every school's eligibility and access, in the scenario's order.
    pub schools: Vec<SchoolOutcome>,
    /// The merged calendar, by date.
    pub deadlines: Vec<Deadline>,
    /// At least two schools share a group: the two readings of R4 can differ.
    pub has_groups: bool,
}

impl Simulation {
    /// What a letter received after the cautious deadline costs if the Métropole does not
    /// accept the favourable reading (R2): the fee of the convention year that starts at the
    /// anniversary it misses.
    pub fn favourable_reading_cost(&self, notice: &NoticeDeadline) -> Option<Money> {
        self.years
            .iter()
            .find(|y| y.year.start == notice.anniversary)
            .map(|y| y.billing(self.billing_unit).fee)
    }

    /// The favourable reading of a notice deadline, beside the cautious one (R2): « Hypothèse,
    /// lecture favorable : … jusqu'au 16/08/2025 ; … une année de plus (150,00 €). »
    pub fn favourable_reading_note(&self, notice: &NoticeDeadline) -> String {
        format!(
            "Hypothèse, lecture favorable : une lettre reçue jusqu'au {} pourrait être soutenue, jamais comme date limite ; si la Métropole ne la retient pas, la convention est reconduite une année de plus{}.",
            fr(notice.favourable_latest_reception),
            self.favourable_reading_cost(notice)
                .map(|m| format!(" ({m})"))
                .unwrap_or_default()
        )
    }

    /// At a month end, the earlier day to act by against the deliberation (R9, hypothèse).
    pub fn appeal_caution(&self) -> Option<NaiveDate> {
        self.legality
            .published
            .and_then(|p| super::r9_calendar::r9_two_months_franc(p).cautious)
    }

    /// At a month end, the earlier last day of the déféré préfectoral (D5, hypothèse).
    pub fn referral_caution(&self) -> Option<NaiveDate> {
        self.legality
            .transmitted
            .and_then(|t| super::r9_calendar::r9_two_months_franc(t).cautious)
    }

    /// The next anniversary a letter can still reach on `today`: the first whose practical
    /// last day of reception (R2) is today or later.
    pub fn next_notice(&self, today: NaiveDate) -> Option<&NoticeDeadline> {
        self.notice_deadlines
            .iter()
            .find(|n| n.practical_last_day >= today)
    }

    /// The plan of the termination at `notice`'s anniversary (D7).
    pub fn plan_for(&self, notice: &NoticeDeadline) -> Option<&TerminationPlan> {
        self.termination_plans
            .iter()
            .find(|p| p.anniversary == notice.anniversary)
    }

    /// The next date the commune must act by (a notice or the yearly list), `today` included:
    /// the one the summary and the timeline put forward.
    pub fn next_commune_deadline(&self, today: NaiveDate) -> Option<&Deadline> {
        self.deadlines
            .iter()
            .find(|d| d.kind.commune_acts() && d.date >= today)
    }

    /// The names of the schools at `indices`, joined: « École A, École B ».
    pub fn school_names(&self, indices: &[usize]) -> String {
        indices
            .iter()
            .filter_map(|&i| self.schools.get(i))
            .map(|s| s.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The budget years under the scenario's billing unit.
    pub fn budget(&self) -> &[BudgetYear] {
        self.budget_years.for_unit(self.billing_unit)
    }

    /// Total of the fees over the convention years shown, under `unit`.
    pub fn total(&self, unit: BillingUnit) -> Money {
        self.years.iter().map(|y| y.billing(unit).fee).sum()
    }

    /// The fee of one unit as values by date (R3).
    pub fn fee_schedule(&self) -> FeeSchedule<'_> {
        FeeSchedule::new(self.annual_fee, &self.fee_changes)
    }

    /// Where each avenant of the fee takes effect under the scenario's billing unit (R3): its
    /// first title, in the order of the changes.
    pub fn fee_change_effects(&self) -> Vec<FeeChangeEffect<'_>> {
        if self.fee_changes.is_empty() {
            return Vec::new();
        }
        let titles: Vec<&TitleBatch> = self
            .years
            .iter()
            .flat_map(|y| y.billing(self.billing_unit).titles.iter())
            .collect();
        self.fee_changes
            .iter()
            .enumerate()
            .map(|(i, change)| FeeChangeEffect {
                number: i + 1,
                change,
                first_title: titles
                    .iter()
                    .filter(|t| t.unit_fee.avenant.is_some_and(|a| a.number == i + 1))
                    .map(|t| (t.date, t.convention_year))
                    .min(),
            })
            .collect()
    }

    /// The fee of one unit for a year whose title is dated `on` (R3: Art. 6's amount, or the
    /// avenant's in force).
    pub fn fee_on(&self, on: NaiveDate) -> Money {
        super::r3_r4_r7_fees::r3_fee_in_force(self.fee_schedule(), on).amount
    }

    /// Annexe 2 applied to one school's annual fee, as in force on `on`.
    pub fn shares_of_one_school(&self, on: NaiveDate) -> Explained<CostShares> {
        r8_cost_shares(self.fee_on(on), "redevance d'une école")
    }

    /// Annexe 2 applied to the whole territory: [`TERRITORY_SCHOOLS`] schools at the annual
    /// fee in force on `on`.
    pub fn shares_of_territory(&self, on: NaiveDate) -> Explained<CostShares> {
        r8_cost_shares(
            self.fee_on(on).times(TERRITORY_SCHOOLS),
            &format!("territoire ({TERRITORY_SCHOOLS} écoles)"),
        )
    }
}

/// Applies every rule to `scenario`.
pub fn simulate(scenario: &Scenario) -> Simulation {
    simulate_rules::<true>(scenario)
}

/// The convention's rules (R1–R10) without the council's (D1–D7): the meeting's checks, the
/// deliberation's enforceable and referral dates, the list of deliberations and the plans to
/// terminate are left empty. What the first figures show (fees, summary) is the same as
/// [`simulate`]'s; their module, which links only this, stays small.
pub fn simulate_fees(scenario: &Scenario) -> Simulation {
    simulate_rules::<false>(scenario)
}

/// Every rule to `scenario`, the council's only with `COUNCIL` (a constant, so that a build
/// that never asks for them does not carry them).
fn simulate_rules<const COUNCIL: bool>(scenario: &Scenario) -> Simulation {
    let conv = &scenario.convention;
    let notified = conv.notified;
    let horizon = scenario.horizon_until;
    let termination = conv
        .termination_received
        .map(|received| r2_termination(notified, received));
    let ends = termination.as_ref().map(|t| t.value.ends);

    // R10, then R5–R6 for the schools that may be on the list.
    let commune = r10_commune(&scenario.commune);
    let contacts = r10_contacts(&scenario.contacts);
    let schools: Vec<SchoolOutcome> = scenario
        .schools
        .iter()
        .map(|school| {
            let eligibility = r10_eligibility(school, &commune, scenario.usage, &contacts);
            let access = eligibility.eligible().then(|| {
                r5_r6_access(
                    notified,
                    school.requested,
                    school.opened,
                    school.removal_requested,
                    ends,
                )
            });
            SchoolOutcome {
                name: school.name.clone(),
                eligibility,
                access,
            }
        })
        .collect();
    let access: Vec<Option<Access>> = schools.iter().map(|s| s.access).collect();

    // R1, R3, R4, R7, R8.
    let school_units = r4_units(&scenario.schools, BillingUnit::School);
    let group_units = r4_units(&scenario.schools, BillingUnit::SchoolGroup);
    let fee = conv.annual_fee;
    let fees = FeeSchedule::new(fee, &conv.fee_changes);
    let mut billed = Vec::with_capacity(access.len());
    let years: Vec<YearFees> = r1_convention_years(notified, horizon, ends)
        .into_iter()
        .map(|year| {
            r3_year_access(&year, &access, &mut billed);
            let per_school = r3_bill_year(&year, &billed, &school_units, BillingUnit::School, fees);
            let per_group =
                r3_bill_year(&year, &billed, &group_units, BillingUnit::SchoolGroup, fees);
            let chosen = match conv.billing_unit {
                BillingUnit::School => per_school.fee,
                BillingUnit::SchoolGroup => per_group.fee,
            };
            YearFees {
                year,
                per_school,
                per_group,
                shares: r8_split(chosen),
                unit: conv.billing_unit,
            }
        })
        .collect();

    let first_budget = notified.year();
    let last_budget = match &termination {
        Some(t) => horizon.year().min(t.value.last_day.year()),
        None => horizon.year(),
    };
    let titles = |unit: BillingUnit| -> Vec<TitleBatch> {
        years
            .iter()
            .flat_map(|y| y.billing(unit).titles.iter().cloned())
            .collect()
    };
    let budget_years = BudgetYears {
        per_school: r7_budget_years(first_budget, last_budget, &titles(BillingUnit::School)),
        per_group: r7_budget_years(first_budget, last_budget, &titles(BillingUnit::SchoolGroup)),
    };

    // R2: one notice deadline per anniversary up to the horizon (and the termination).
    let notice_deadlines: Vec<NoticeDeadline> = (1..)
        .take_while(|&k| {
            let a = r1_anniversary(notified, k);
            a <= horizon && ends.is_none_or(|e| a <= e)
        })
        .map(|k| r2_notice_deadline(notified, k))
        .collect();

    let population = scenario.deliberation.meeting.population;
    let termination_plans = if COUNCIL {
        notice_deadlines
            .iter()
            .map(|n| d7_termination_plan(n, scenario.termination_delegation, population))
            .collect()
    } else {
        Vec::new()
    };

    let (meeting, legality) = if COUNCIL {
        let meeting = d1_d4_meeting_check(
            &scenario.deliberation.meeting,
            scenario
                .deliberation
                .mayor
                .as_ref()
                .map(|m| m.name.as_str()),
        );
        let legality = d5_legality(
            notified,
            conv.signed,
            &scenario.deliberation,
            meeting.passed(),
            meeting.deliberated(),
        );
        (meeting, legality)
    } else {
        (MeetingCheck::default(), Legality::default())
    };
    // No deliberation without quorum: nothing to appeal against.
    let appeal_deadline = scenario
        .deliberation
        .published
        .filter(|_| meeting.deliberated())
        .map(r9_appeal_deadline);

    let deadlines = calendar(
        scenario,
        &schools,
        &notice_deadlines,
        appeal_deadline.as_ref(),
        &legality,
        &titles(conv.billing_unit),
        ends,
    );

    Simulation {
        notified,
        horizon_until: horizon,
        annual_fee: fee,
        fee_changes: conv.fee_changes.clone(),
        billing_unit: conv.billing_unit,
        commune,
        contacts,
        termination,
        years,
        budget_years,
        notice_deadlines,
        termination_plans,
        appeal_deadline,
        legality,
        meeting,
        schools,
        deadlines,
        has_groups: r4_has_groups(&group_units),
    }
}

/// The merged calendar, sorted by date.
fn calendar(
    scenario: &Scenario,
    schools: &[SchoolOutcome],
    notices: &[NoticeDeadline],
    appeal: Option<&Explained<NaiveDate>>,
    legality: &Legality,
    titles: &[TitleBatch],
    ends: Option<NaiveDate>,
) -> Vec<Deadline> {
    let notified = scenario.convention.notified;
    let horizon = scenario.horizon_until;
    let mut out = Vec::new();
    let mut push = |date: NaiveDate, kind: DeadlineKind, label: String, clause: Clause| {
        out.push(Deadline {
            date,
            kind,
            label,
            clause,
            non_working: r9_non_working(date),
        });
    };
    for n in notices {
        push(
            n.latest_reception,
            DeadlineKind::Notice,
            format!(
                "Dernier jour de réception d'une lettre de résiliation pour finir le {}",
                fr(n.anniversary)
            ),
            Clause::Art8Notice,
        );
    }
    let in_force = |d: NaiveDate| d >= notified && d <= horizon && ends.is_none_or(|e| d < e);
    for year in notified.year()..=horizon.year() {
        if let Some(d) = YEARLY_LIST_DEADLINE.in_year(year).filter(|d| in_force(*d)) {
            push(
                d,
                DeadlineKind::ListUpdate,
                "Dernier jour pour envoyer la liste annuelle des écoles (avant le 20 juin)".into(),
                Clause::Annexe1YearlyList,
            );
        }
        // The last day before the update "avant le 20 août".
        if let Some(d) = ACCESS_UPDATE_DAY
            .in_year(year)
            .map(previous_day)
            .filter(|d| in_force(*d))
        {
            push(
                d,
                DeadlineKind::ListApplied,
                "Dernier jour de mise à jour des accès par la Métropole (avant le 20 août)".into(),
                Clause::Annexe1YearlyList,
            );
        }
    }
    for s in schools {
        if let Some(from) = s.access_from() {
            push(
                from,
                DeadlineKind::AccessOpening,
                format!("Ouverture de l'accès : {}", s.name),
                Clause::Annexe1Opening,
            );
        }
    }
    if let Some(a) = appeal {
        push(
            a.value,
            DeadlineKind::Appeal,
            "Dernier jour de recours contre la délibération (Tribunal administratif de Lyon)"
                .into(),
            Clause::DeliberationAppeal,
        );
    }
    if let Some(e) = &legality.enforceable {
        push(
            e.value,
            DeadlineKind::Enforceable,
            "La délibération devient exécutoire (publiée et transmise en préfecture)".into(),
            Clause::CgctL2131_1,
        );
    }
    if let Some(l) = &legality.list_of_deliberations {
        push(
            l.value,
            DeadlineKind::ListOfDeliberations,
            "Dernier jour pour afficher et mettre en ligne la liste des délibérations examinées"
                .into(),
            Clause::CgctL2121_25,
        );
    }
    if let Some(r) = &legality.prefect_referral {
        push(
            r.value,
            DeadlineKind::PrefectReferral,
            "Dernier jour pour le préfet de déférer la délibération au tribunal administratif"
                .into(),
            Clause::CgctL2131_6,
        );
    }
    for t in titles {
        push(
            t.date,
            DeadlineKind::Title,
            format!(
                "Titre de recette, année de convention n° {} : {} unité{}, {}",
                t.convention_year,
                t.units,
                if t.units > 1 { "s" } else { "" },
                t.amount
            ),
            Clause::Art6Title,
        );
    }
    out.sort_by_key(|d| d.date);
    out
}

/// "Si la lettre arrive le …": the convention's end and the last fee due for a termination
/// letter received on `received`, all else as in `scenario`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TerminationWhatIf {
    /// When the convention would end (R2).
    pub termination: Explained<Termination>,
    /// The last convention year billed before the end, and its fee under the scenario's unit.
    pub last_year: Option<(u32, Money)>,
    /// The fees of every convention year up to the end.
    pub total: Money,
}

/// The what-if for `scenario`, whose simulation `sim` already is. A termination only removes
/// the convention years from its end on, so when `sim` reaches that end (and has no
/// termination of its own) its years are used as they are; otherwise the scenario is simulated
/// again with the letter.
pub fn termination_what_if(
    scenario: &Scenario,
    sim: &Simulation,
    received: NaiveDate,
) -> TerminationWhatIf {
    let notified = scenario.convention.notified;
    let termination = r2_termination(notified, received);
    let ends = termination.value.ends;
    let unit = sim.billing_unit;
    let covered = sim.termination.is_none()
        && sim
            .years
            .last()
            .is_some_and(|y| y.year.end >= termination.value.last_day);
    let owned;
    let years: &[YearFees] = if covered {
        &sim.years
    } else {
        let mut what_if = scenario.clone();
        what_if.convention.termination_received = Some(received.max(notified));
        what_if.horizon_until = what_if.horizon_until.max(ends);
        owned = simulate(&what_if).years;
        &owned
    };
    let kept = || years.iter().filter(|y| y.year.start < ends);
    TerminationWhatIf {
        last_year: kept()
            .rfind(|y| y.billing(unit).fee > Money::ZERO)
            .map(|y| (y.year.number, y.billing(unit).fee)),
        total: kept().map(|y| y.billing(unit).fee).sum(),
        termination,
    }
}
