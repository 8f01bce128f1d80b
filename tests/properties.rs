//! Invariants of the convention, checked on generated inputs (proptest).
#![cfg(not(target_arch = "wasm32"))]

use chrono::{Datelike, Days, NaiveDate};
use proptest::prelude::*;

use laclasse_sim::engine::dates::{add_months, next_day};
use laclasse_sim::engine::money::Money;
use laclasse_sim::engine::r1_years::{r1_anniversary, r1_convention_years};
use laclasse_sim::engine::r2_termination::{r2_latest_reception, r2_termination};
use laclasse_sim::engine::r8_shares::r8_cost_shares;
use laclasse_sim::engine::scenario::*;
use laclasse_sim::engine::{BillingUnit, simulate};

/// The days of a month, from a table of its own (February by the Gregorian rule).
fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn date() -> impl Strategy<Value = NaiveDate> {
    // 2000-01-01 … 2049-12-31, every day equally likely (leap days included).
    (0u64..18_263).prop_map(|d| NaiveDate::from_ymd_opt(2000, 1, 1).unwrap() + Days::new(d))
}

fn contact() -> Contact {
    Contact {
        last_name: "Nom".into(),
        first_name: "Prénom".into(),
        function: "Directrice".into(),
        email: "dir@ecole.example.fr".into(),
        phone: "04 78 00 00 00".into(),
    }
}

prop_compose! {
    fn school(notified: NaiveDate)(
        request_offset in -60i64..2_000,
        opened_delay in proptest::option::of(0u64..30),
        removal_offset in proptest::option::of(0i64..2_500),
        group in proptest::option::of(0usize..4),
        level in 0usize..5,
        private in proptest::bool::weighted(0.1),
    ) -> School {
        let requested = notified + chrono::Duration::days(request_offset);
        School {
            name: format!("École {request_offset}"),
            uai: None,
            level: Level::ALL[if level < 4 { level % 3 } else { 3 + level % 2 }],
            sector: if private { Sector::Prive } else { Sector::Public },
            group: group.map(|g| format!("GS {g}")),
            requested,
            opened: opened_delay.map(|d| requested + Days::new(d)),
            removal_requested: removal_offset.map(|d| notified + chrono::Duration::days(d)),
            admin_changed: None,
            storage_gb: None,
            admin: Some(contact()),
        }
    }
}

prop_compose! {
    fn scenario()(notified in date())(
        notified in Just(notified),
        schools in proptest::collection::vec(school(notified), 0..15),
        horizon_years in 0i32..12,
        termination in proptest::option::of(0i64..4_000),
        fee_cents in 1u64..100_000,
        per_group in any::<bool>(),
    ) -> Scenario {
        Scenario {
            commune: Commune { name: "Bron".into(), insee: None },
            convention: Convention {
                notified,
                annual_fee: Money::from_cents(fee_cents),
                fee_changes: Vec::new(),
                billing_unit: if per_group { BillingUnit::SchoolGroup } else { BillingUnit::School },
                termination_received: termination.map(|d| notified + chrono::Duration::days(d)),
                signed: None,
            },
            deliberation: Default::default(),
            horizon_until: add_months(notified, horizon_years * 12 + 1),
            usage: None,
            contacts: Contacts { technical_referent: Some(contact()), project_lead: Some(contact()) },
            schools: schools.into(),
            termination_delegation: false,
            termination_act: None,
        }
    }
}

prop_compose! {
    /// A scenario with up to three changes of fee by avenant, each on its own day from the
    /// notification on.
    fn scenario_with_changes()(s in scenario())(
        changes in proptest::collection::btree_map(0i64..4_000, 1u64..100_000, 0..4),
        s in Just(s),
    ) -> Scenario {
        let mut s = s;
        s.convention.fee_changes = changes
            .into_iter()
            .map(|(days, cents)| FeeChange {
                from: s.convention.notified + chrono::Duration::days(days),
                annual_fee: Money::from_cents(cents),
                source: format!("avenant du {days}"),
            })
            .collect();
        s
    }
}

/// The fee in force on `on`, computed apart from the engine: the latest change on or before
/// it, else the convention's own.
fn fee_on(s: &Scenario, on: chrono::NaiveDate) -> Money {
    let mut fee = s.convention.annual_fee;
    for c in &s.convention.fee_changes {
        if c.from <= on {
            fee = c.annual_fee;
        }
    }
    fee
}

/// The budget years add up to the titles dated within them (up to the last budget year).
fn budget_years_hold_the_titles(
    s: &Scenario,
    sim: &laclasse_sim::engine::Simulation,
) -> Result<(), TestCaseError> {
    let budget: Money = sim.budget().iter().map(|b| b.fee).sum();
    let last_year = sim.budget().last().map(|b| b.year).unwrap_or(i32::MIN);
    let titled: Money = sim
        .years
        .iter()
        .flat_map(|y| y.billing(s.convention.billing_unit).titles.iter())
        .filter(|t| t.date.year() <= last_year)
        .map(|t| t.amount)
        .sum();
    prop_assert_eq!(budget, titled);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn each_title_uses_the_fee_in_force_on_its_date(s in scenario_with_changes()) {
        let sim = simulate(&s);
        for y in &sim.years {
            for unit in BillingUnit::ALL {
                let b = y.billing(unit);
                for t in &b.titles {
                    prop_assert_eq!(t.unit_fee.amount, fee_on(&s, t.date));
                    prop_assert_eq!(t.amount, fee_on(&s, t.date).times(t.units as u64));
                }
                // The sum of the titles is the year's fee, and the units are all billed.
                let titles: Money = b.titles.iter().map(|t| t.amount).sum();
                prop_assert_eq!(titles, b.fee);
                prop_assert_eq!(b.titles.iter().map(|t| t.units).sum::<usize>(), b.billed_units);
            }
            let sh = &y.shares;
            prop_assert_eq!(sh.hosting + sh.maintenance + sh.salaries, y.billing(s.convention.billing_unit).fee);
        }
        // The sum of the budget years is the sum of the convention years' titles they hold.
        budget_years_hold_the_titles(&s, &sim)?;
    }

    #[test]
    fn a_change_after_the_horizon_changes_nothing(s in scenario_with_changes(), cents in 1u64..100_000, after in 1i64..2_000) {
        // The years run whole to the one that holds the horizon: a school opened after the
        // horizon in that year has its title there. After the horizon and that year's end,
        // no title is dated.
        let last_end = simulate(&s).years.last().map_or(s.horizon_until, |y| y.year.end);
        let from = s.horizon_until.max(last_end) + chrono::Duration::days(after);
        let mut trimmed = s.clone();
        trimmed.convention.fee_changes.retain(|c| c.from < from);
        let mut later = trimmed.clone();
        later.convention.fee_changes.push(FeeChange { from, annual_fee: Money::from_cents(cents), source: String::new() });
        let (a, b) = (simulate(&trimmed), simulate(&later));
        prop_assert_eq!(&a.years, &b.years);
        prop_assert_eq!(&a.budget_years, &b.budget_years);
    }

    #[test]
    fn shares_always_add_up_exactly(cents in 0u64..10_000_000_000) {
        let s = r8_cost_shares(Money::from_cents(cents), "test").value;
        prop_assert_eq!(s.hosting + s.maintenance + s.salaries, Money::from_cents(cents));
        prop_assert_eq!(s.sysadmin + s.support + s.project, s.salaries);
        // Each part is within one cent of its exact share.
        for (part, weight, of) in [
            (s.hosting, 17u128, (cents, 100u128)),
            (s.maintenance, 22, (cents, 100)),
            (s.salaries, 61, (cents, 100)),
            (s.sysadmin, 12, (s.salaries.cents(), 61)),
            (s.support, 33, (s.salaries.cents(), 61)),
            (s.project, 16, (s.salaries.cents(), 61)),
        ] {
            let floor = of.0 as u128 * weight / of.1;
            let got = part.cents() as u128;
            prop_assert!(got == floor || got == floor + 1, "{got} vs {floor}");
        }
    }

    #[test]
    fn latest_reception_is_in_time_and_the_day_after_is_late(n in date(), k in 1u32..40) {
        let a = r1_anniversary(n, k);
        let latest = r2_latest_reception(a);
        prop_assert!(latest < add_months(a, -3));
        prop_assert_eq!(r2_termination(n, latest).value.ends, a);
        prop_assert_eq!(r2_termination(n, next_day(latest)).value.ends, r1_anniversary(n, k + 1));
    }

    /// R2 against a computation of its own, by hand on (year, month, day): three months back
    /// from the anniversary, the day number kept or the month's last day (CPC 641), then one
    /// day back so that three full months run before the year's last day.
    #[test]
    fn the_cautious_deadline_matches_an_independent_computation(n in date(), k in 1u32..40) {
        let a = r1_anniversary(n, k);
        let (mut y, mut m) = (a.year(), a.month() as i32 - 3);
        if m < 1 {
            m += 12;
            y -= 1;
        }
        let d = a.day().min(days_in_month(y, m as u32));
        let (y, m, d) = if d > 1 {
            (y, m as u32, d - 1)
        } else if m > 1 {
            (y, m as u32 - 1, days_in_month(y, m as u32 - 1))
        } else {
            (y - 1, 12, 31)
        };
        prop_assert_eq!(r2_latest_reception(a), NaiveDate::from_ymd_opt(y, m, d).unwrap());
    }

    #[test]
    fn the_favourable_reading_is_always_later_and_never_a_deadline(n in date(), k in 1u32..40) {
        let a = r1_anniversary(n, k);
        let cautious = r2_latest_reception(a);
        let notice = laclasse_sim::engine::r2_termination::r2_notice_deadline(n, k);
        let favourable = notice.favourable_latest_reception;
        prop_assert!(favourable > cautious);
        // Counted forward: reception + 3 months reaches the anniversary at the latest, the
        // day after does not; it is A − 3 months itself or a few days later at month ends.
        prop_assert!(add_months(favourable, 3) <= a);
        prop_assert!(add_months(next_day(favourable), 3) > a);
        prop_assert!(favourable >= add_months(a, -3));
        prop_assert!((favourable - cautious).num_days() <= 4);
        // The practical day is a working day on or before the deadline; the sending date at
        // least 15 days before it.
        prop_assert!(notice.practical_last_day <= cautious);
        prop_assert!((notice.practical_last_day - notice.recommended_send_by).num_days() >= 15);
    }

    #[test]
    fn acceptance_is_monotone(n in date(), offset in 0i64..12_000) {
        let received = n + chrono::Duration::days(offset);
        let t = r2_termination(n, received).value;
        // Refused for every earlier anniversary, accepted for this one and every later one.
        for j in 1..t.number {
            prop_assert!(received > r2_latest_reception(r1_anniversary(n, j)));
        }
        for j in t.number..t.number + 5 {
            prop_assert!(received <= r2_latest_reception(r1_anniversary(n, j)));
        }
    }

    #[test]
    fn consecutive_years_touch(n in date(), years in 0i32..40) {
        let horizon = add_months(n, years * 12 + 6);
        let ys = r1_convention_years(n, horizon, None);
        prop_assert_eq!(ys[0].start, n);
        for pair in ys.windows(2) {
            prop_assert_eq!(next_day(pair[0].end), pair[1].start);
        }
        for (i, y) in ys.iter().enumerate() {
            prop_assert_eq!(next_day(y.end), r1_anniversary(n, i as u32 + 1));
            prop_assert!(y.start <= horizon);
        }
        prop_assert!(r1_anniversary(n, ys.len() as u32) > horizon);
    }

    #[test]
    fn fees_are_units_times_fee(s in scenario()) {
        let sim = simulate(&s);
        let fee = s.convention.annual_fee;
        for y in &sim.years {
            for unit in BillingUnit::ALL {
                let b = y.billing(unit);
                prop_assert_eq!(b.fee, fee.times(b.billed_units as u64));
                let titles: Money = b.titles.iter().map(|t| t.amount).sum();
                prop_assert_eq!(titles, b.fee);
                prop_assert!(b.titles.iter().all(|t| y.year.contains(t.date)));
            }
            prop_assert!(y.per_group.billed_units <= y.per_school.billed_units);
            prop_assert_eq!(y.per_school.billed_units, y.per_school.billed_schools.len());
            let sh = &y.shares;
            prop_assert_eq!(sh.hosting + sh.maintenance + sh.salaries, y.billing(s.convention.billing_unit).fee);
        }
        // Budget years hold exactly the titles dated within them.
        budget_years_hold_the_titles(&s, &sim)?;
    }

    #[test]
    fn access_and_termination_invariants(s in scenario()) {
        let sim = simulate(&s);
        let ends = sim.termination.as_ref().map(|t| t.value.ends);
        if let Some(e) = ends {
            prop_assert!(sim.years.iter().all(|y| y.year.start < e));
            prop_assert!(sim.notice_deadlines.iter().all(|n| n.anniversary <= e));
            if let Some(last) = sim.years.last() {
                prop_assert!(last.year.end < e);
            }
        }
        for (i, school) in sim.schools.iter().enumerate() {
            match (school.access_from(), school.access_until()) {
                (Some(f), Some(u)) => prop_assert!(f < u),
                (None, u) => prop_assert!(u.is_none()),
                _ => {}
            }
            if let (Some(e), Some(_)) = (ends, school.access_from()) {
                prop_assert!(school.access_until().is_some_and(|u| u <= e));
            }
            if !school.eligibility.eligible() {
                prop_assert!(school.access.is_none());
                prop_assert!(sim.years.iter().all(|y| !y.per_school.billed_schools.contains(&i)));
            }
            if let Some(f) = school.access_from() {
                prop_assert!(f >= s.convention.notified);
            }
        }
        let dates: Vec<_> = sim.deadlines.iter().map(|d| d.date).collect();
        prop_assert!(dates.windows(2).all(|w| w[0] <= w[1]));
    }

    /// Two scenarios side by side: each year's gap is its fee minus the reference's (a year
    /// missing counts zero), the gaps add up to the totals' gap, each total is the single
    /// simulation's, each budget year's gap is its difference, and a scenario against itself
    /// differs in nothing.
    #[test]
    fn comparison_gaps_add_up(a in scenario(), b in scenario()) {
        use laclasse_sim::engine::compare::{compare, Compared};
        let (sa, sb) = (simulate(&a), simulate(&b));
        let today = a.convention.notified;
        let c = compare(&[
            Compared { name: "A", scenario: &a, sim: &sa },
            Compared { name: "B", scenario: &b, sim: &sb },
        ], today);
        let mut sum = 0i64;
        for y in &c.convention_years {
            let fee = |i: usize| y.fees[i].map_or(0, |m| m.cents() as i64);
            let gap = y.gaps[1].unwrap().cents();
            prop_assert_eq!(gap, fee(1) - fee(0));
            prop_assert!(y.gaps[0].is_none());
            sum += gap;
        }
        prop_assert_eq!(c.total_gaps[1].unwrap().cents(), sum);
        prop_assert_eq!(c.totals[0], sa.total(a.convention.billing_unit));
        prop_assert_eq!(c.totals[1], sb.total(b.convention.billing_unit));
        for bud in &c.budget_years {
            prop_assert_eq!(bud.gaps[1].unwrap().cents(), bud.fees[1].cents() as i64 - bud.fees[0].cents() as i64);
        }
        let same = compare(&[
            Compared { name: "A", scenario: &a, sim: &sa },
            Compared { name: "A bis", scenario: &a, sim: &sa },
        ], today);
        prop_assert!(same.inputs.is_empty());
        prop_assert!(same.schools.is_empty());
        prop_assert!(same.eligibility.is_empty());
        prop_assert!(same.same_fees());
        prop_assert_eq!(same.total_gaps[1].unwrap().cents(), 0);
    }
}

/// A cell of a list of communes: a commune (name, code, unknown), a count, a date, or noise.
fn counts_cell() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Bron".to_string()),
        Just("69081".to_string()),
        Just("Écully".to_string()),
        Just("Nulle-Part".to_string()),
        (0u32..1_200).prop_map(|n| n.to_string()),
        date().prop_map(|d| format!("{:02}/{:02}/{}", d.day(), d.month(), d.year())),
        Just(String::new()),
        "[ -~éÉ;]{0,12}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Every line of a list of counts is kept, refused or said not counted, never dropped in
    /// silence (a header aside), and a kept commune bills exactly its count in its first year.
    #[test]
    fn every_line_of_a_list_of_counts_is_accounted_for(
        rows in proptest::collection::vec(proptest::collection::vec(counts_cell(), 0..5), 0..8)
    ) {
        let numbered: Vec<(usize, Vec<String>)> =
            rows.iter().cloned().enumerate().map(|(i, r)| (i + 1, r)).collect();
        let on = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        let read = laclasse_sim::io::counts::read_counts("liste.csv", &numbered, on);
        let header = rows.first().is_some_and(|r| laclasse_sim::io::counts::is_header(r));
        let start = usize::from(header);
        if rows.len() == start {
            prop_assert_eq!(read.refused.len(), 1, "an empty list says so");
        }
        for line in start + 1..=rows.len() {
            let tag = format!("», ligne {line} ");
            let tagged = |m: &String| m.contains(&format!("», ligne {line},")) || m.contains(&tag);
            let kept = read.communes.iter().filter(|(l, _, _)| *l == line).count();
            let said = read.refused.iter().chain(&read.skipped).filter(|m| tagged(m)).count();
            prop_assert_eq!(kept + said, 1, "line {}: {:?}", line, read);
        }
        for (line, name, scenario) in &read.communes {
            prop_assert!(*line >= 1 && *line <= rows.len());
            prop_assert_eq!(name, &scenario.commune.name);
            let sim = simulate(scenario);
            let first = &sim.years[0].per_school;
            prop_assert_eq!(first.billed_units, scenario.schools.len());
            prop_assert_eq!(first.fee, Money::from_euros(150 * scenario.schools.len() as u64));
        }
    }
}
