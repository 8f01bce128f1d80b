//! The French text report (`--format text`): the same figures as the JSON report, each with
//! its clause, for a person to read.

use std::fmt::Write;

use engine::convention::TERRITORY_SCHOOLS;
use engine::dates::{fr, fr_long};
use engine::r8_shares::CostShares;
use engine::scenario::{BillingUnit, Scenario};
use engine::simulate::Simulation;
use engine::{Clause, Explanation};

use super::report::RULES_VERSION;

/// Writes the text report. With `explain`, each figure is followed by its steps.
pub fn text_report(scenario: &Scenario, sim: &Simulation, explain: bool) -> String {
    let mut out = String::new();
    let o = &mut out;
    let why = |o: &mut String, e: &Explanation| {
        if explain {
            for step in &e.steps {
                let _ = writeln!(o, "      · {step}");
            }
        }
    };

    let _ = writeln!(o, "laclasse-sim : simulation de la convention laclasse.com");
    let _ = writeln!(o, "Règles appliquées : {RULES_VERSION}");
    let _ = writeln!(o);
    let commune = match sim.commune.record {
        Some(c) => format!("{} ({}), commune de la Métropole de Lyon", c.name, c.insee),
        None => format!(
            "{} : n'est pas une commune de la Métropole de Lyon",
            scenario.commune.name
        ),
    };
    let _ = writeln!(o, "Commune : {commune}  [{}]", sim.commune.why.reference());
    let _ = writeln!(
        o,
        "Convention notifiée le {} ; redevance de {} par an, {}  [Art. 6]",
        fr(sim.notified),
        sim.annual_fee,
        sim.billing_unit.label()
    );
    let _ = writeln!(o, "Horizon de la simulation : {}", fr(sim.horizon_until));
    for effect in sim.fee_change_effects() {
        let _ = writeln!(o, "{}  [Art. 6, avenant]", effect.describe());
    }
    if !sim.fee_changes.is_empty() {
        let _ = writeln!(o, "  {}", engine::explain::assumptions::FEE_AT_TITLE_DATE);
        let _ = writeln!(o, "  {}", engine::explain::assumptions::AVENANT_BINDS);
    }

    let _ = writeln!(o, "\nRedevances par année de convention  [Art. 6]");
    let _ = writeln!(
        o,
        "  N°  du          au          unités  montant       redevance par unité"
    );
    for y in &sim.years {
        let b = y.billing(sim.billing_unit);
        let _ = writeln!(
            o,
            "  {:<3} {}  {}  {:>6}  {:>12}  {}",
            y.year.number,
            fr(y.year.start),
            fr(y.year.end),
            b.billed_units,
            b.fee.to_string(),
            b.amounts_described()
        );
        for short in &b.short_access {
            let _ = writeln!(
                o,
                "      ! {} : {} (hypothèse : l'année est due en entier)",
                sim.school_names(&short.schools),
                short.describe()
            );
        }
        why(o, &b.why());
    }
    let _ = writeln!(o, "  Total : {}", sim.total(sim.billing_unit));
    if sim.has_groups {
        let (school, group) = (
            sim.total(BillingUnit::School),
            sim.total(BillingUnit::SchoolGroup),
        );
        let _ = writeln!(
            o,
            "  Lecture « par école » : {school} ; lecture « par groupe scolaire » : {group} ; écart : {}  [Art. 6 / Délibération, considérants]",
            school.minus(group)
        );
    }

    let _ = writeln!(
        o,
        "\nRedevances par exercice budgétaire (titres de recette)  [Art. 6]"
    );
    for b in sim.budget() {
        let _ = writeln!(o, "  {}  {:>12}", b.year, b.fee.to_string());
        why(o, &b.why());
    }

    if let Some(y) = sim.years.first() {
        let _ = writeln!(o, "\nRépartition de l'annexe 2, année n° 1  [Annexe 2]");
        shares(o, &y.shares);
    }
    let one = sim.shares_of_one_school(sim.notified);
    let _ = writeln!(
        o,
        "\nRépartition de l'annexe 2, redevance d'une école ({})  [Annexe 2]",
        sim.fee_on(sim.notified)
    );
    shares(o, &one.value);
    let territory = sim.shares_of_territory(sim.notified);
    let _ = writeln!(
        o,
        "\nRépartition de l'annexe 2, territoire ({TERRITORY_SCHOOLS} écoles, {})  [Annexe 2]",
        sim.fee_on(sim.notified).times(TERRITORY_SCHOOLS)
    );
    shares(o, &territory.value);

    let _ = writeln!(o, "\nRésiliation  [Art. 8]");
    match &sim.termination {
        Some(t) => {
            let _ = writeln!(
                o,
                "  Lettre reçue le {} : la convention prend fin le {} (dernier jour d'accès le {}).",
                fr(t.value.received),
                fr(t.value.ends),
                fr(t.value.last_day)
            );
            why(o, &t.why);
        }
        None => {
            let _ = writeln!(
                o,
                "  Aucune lettre de résiliation : reconduction tacite chaque année."
            );
        }
    }
    for (n, plan) in sim.notice_deadlines.iter().zip(&sim.termination_plans) {
        let warn = n
            .practical_warning()
            .map(|w| format!(" — {w}"))
            .unwrap_or_default();
        let _ = writeln!(
            o,
            "  Pour finir le {} : lettre reçue au plus tard le {}{}",
            fr(n.anniversary),
            fr(n.latest_reception),
            warn
        );
        let _ = writeln!(o, "    {}", n.sending_advice());
        let _ = writeln!(o, "    {}", sim.favourable_reading_note(n));
        why(o, &n.why());
        let _ = writeln!(o, "    {}  [D7]", plan.headline());
        for step in plan.steps() {
            let _ = writeln!(
                o,
                "      - {}  [{}]",
                step.sentence(),
                step.clause.reference()
            );
        }
        let _ = writeln!(o, "      {}", plan.recommended());
        if let Some(w) = plan.august_warning() {
            let _ = writeln!(o, "      ! {w}");
        }
    }
    if let Some(plan) = sim.termination_plans.first() {
        let _ = writeln!(o, "  {}", plan.who_decides());
    }

    let meeting = sim.meeting.lines();
    if !meeting.is_empty() {
        let _ = writeln!(o, "\nSéance du conseil municipal  [D2–D4]");
        for line in &meeting {
            let mark = match line.ok {
                Some(true) => "✓",
                Some(false) => "✗",
                None => "!",
            };
            let _ = writeln!(o, "  {mark} {}  [{}]", line.text, line.why.reference());
        }
    }

    let legality = &sim.legality;
    if legality.any_known() {
        let _ = writeln!(o, "\nDélibération sur la convention");
        match &legality.enforceable {
            Some(e) => {
                let _ = writeln!(
                    o,
                    "  Exécutoire le {}  [{}]",
                    fr_long(e.value),
                    e.why.reference()
                );
                why(o, &e.why);
            }
            None => {
                if let Some(p) = legality.pending() {
                    let _ = writeln!(o, "  {p}  [{}]", Clause::CgctL2131_1.reference());
                }
            }
        }
    }
    if let Some(a) = &sim.appeal_deadline {
        let _ = writeln!(
            o,
            "  Recours contre la délibération : jusqu'au {}{}  [{}]",
            fr_long(a.value),
            sim.appeal_caution()
                .map(|d| format!(" ({})", engine::r9_calendar::caution_note(d)))
                .unwrap_or_default(),
            a.why.reference()
        );
        why(o, &a.why);
    }
    if let Some(r) = &legality.prefect_referral {
        let _ = writeln!(
            o,
            "  Déféré préfectoral (hypothèse : délai franc) : jusqu'au {}{}  [{}]",
            fr_long(r.value),
            sim.referral_caution()
                .map(|d| format!(" ({})", engine::r9_calendar::caution_note(d)))
                .unwrap_or_default(),
            r.why.reference()
        );
        why(o, &r.why);
    }
    if let Some(l) = &legality.list_of_deliberations {
        let _ = writeln!(
            o,
            "  Liste des délibérations affichée et mise en ligne : au plus tard le {}  [{}]",
            fr_long(l.value),
            l.why.reference()
        );
    }
    for (_, text, why) in legality.signature_flags() {
        let _ = writeln!(o, "  ! {text}  [{}]", why.reference());
    }

    let _ = writeln!(o, "\nÉcoles  [Art. 5-1, Annexe 1]");
    for s in &sim.schools {
        let status = if s.eligibility.eligible() {
            match (s.access_from(), s.access_until()) {
                (Some(f), Some(u)) => format!("éligible ; accès du {} au {} exclu", fr(f), fr(u)),
                (Some(f), None) => format!("éligible ; accès depuis le {}", fr(f)),
                _ => "éligible ; jamais d'accès (retirée avant son ouverture)".to_string(),
            }
        } else {
            "non éligible".to_string()
        };
        let _ = writeln!(o, "  {} : {status}", s.name);
        for r in &s.eligibility.reasons {
            let _ = writeln!(o, "    ✗ {}  [{}]", r.message, r.clause.reference());
        }
        for w in &s.eligibility.warnings {
            let _ = writeln!(o, "    ! {}  [{}]", w.message, w.clause.reference());
        }
        if let Some(a) = &s.access {
            why(o, &a.why());
        }
    }

    let _ = writeln!(o, "\nCalendrier");
    for d in &sim.deadlines {
        let warn = d
            .non_working
            .map(|w| format!(" ({})", w.describe()))
            .unwrap_or_default();
        let _ = writeln!(
            o,
            "  {}  {}{}  [{}]",
            fr(d.date),
            d.label,
            warn,
            d.clause.reference()
        );
    }

    let mut assumptions: Vec<&'static str> = Vec::new();
    let mut add = |e: &Explanation| {
        for a in &e.assumptions {
            if !assumptions.contains(a) {
                assumptions.push(a);
            }
        }
    };
    sim.years
        .iter()
        .for_each(|y| add(&y.billing(sim.billing_unit).why()));
    sim.budget().iter().for_each(|b| add(&b.why()));
    sim.notice_deadlines.iter().for_each(|n| add(&n.why()));
    if let Some(p) = sim.termination_plans.first() {
        add(&p.why());
    }
    if let Some(f) = &sim.legality.notified_before_enforceable {
        add(&f.why);
    }
    sim.schools
        .iter()
        .filter_map(|s| s.access.as_ref())
        .for_each(|a| add(&a.why()));
    sim.schools.iter().for_each(|s| add(&s.eligibility.why()));
    if let Some(t) = &sim.termination {
        add(&t.why);
    }
    for e in [&sim.appeal_deadline, &sim.legality.prefect_referral]
        .into_iter()
        .flatten()
    {
        add(&e.why);
    }
    if !assumptions.is_empty() {
        let _ = writeln!(o, "\nHypothèses retenues");
        for a in assumptions {
            let _ = writeln!(o, "  - {a}");
        }
    }
    out
}

fn shares(o: &mut String, s: &CostShares) {
    for (label, pct, amount) in s.parts() {
        let _ = writeln!(o, "  {label:<34} {pct:>3} %  {:>12}", amount.to_string());
    }
}
