//! The rules on whole scenarios, through the scenario format and the report.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::{Value, json};

use chrono::{Datelike, NaiveDate};

use laclasse_sim::engine::simulate::termination_what_if;
use laclasse_sim::engine::{BillingUnit, DeadlineKind, Money, simulate};
use laclasse_sim::io::{parse_str, parse_value, report, samples};

fn school(name: &str, requested: &str) -> Value {
    json!({
        "name": name, "level": "primaire", "sector": "public", "requested": requested,
        "admin": {"last_name": "N", "first_name": "P", "function": "Directeur",
                  "email": "d@ecole.example.fr", "phone": "0478000000"}
    })
}

fn base(schools: Vec<Value>) -> Value {
    json!({
        "format": "laclasse-sim/1",
        "commune": {"name": "Villeurbanne"},
        "convention": {"notified": "2023-11-16"},
        "horizon_until": "2027-12-31",
        "contacts": {
            "technical_referent": {"last_name": "R", "first_name": "T", "function": "DSI", "email": "dsi@v.fr", "phone": "0478000100"},
            "project_lead": {"last_name": "C", "first_name": "P", "function": "Scolaire", "email": "s@v.fr", "phone": "0478000101"}
        },
        "schools": schools
    })
}

fn run(v: &Value) -> Value {
    let scenario = parse_value(v).unwrap_or_else(|e| panic!("{e:?}"));
    serde_json::to_value(report::report(&simulate(&scenario))).unwrap()
}

#[test]
fn termination_ends_years_access_and_budget() {
    let mut v = base(vec![school("A", "2023-11-10"), school("B", "2023-11-10")]);
    // Received after the 16/08/2025 deadline: valid for 16/11/2026.
    v["convention"]["termination_received"] = json!("2025-09-01");
    let r = run(&v);
    assert_eq!(
        r["termination"],
        json!({"received": "2025-09-01", "ends": "2026-11-16"})
    );
    let years = r["convention_years"].as_array().unwrap();
    assert_eq!(years.len(), 3);
    assert_eq!(years[2]["end"], "2026-11-15");
    // Budget years stop with the year of the last day of access (2026).
    let budget: Vec<i64> = r["budget_years"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["year"].as_i64().unwrap())
        .collect();
    assert_eq!(budget, [2023, 2024, 2025, 2026]);
    // Notices up to and including the anniversary at which it ends.
    let notices = r["notice_deadlines"].as_array().unwrap();
    assert_eq!(notices.len(), 3);
    assert_eq!(notices[2]["anniversary"], "2026-11-16");
    assert_eq!(r["schools"][0]["access_until"], "2026-11-16");
    // No list date after the end.
    assert!(
        r["deadlines"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["date"].as_str().unwrap() < "2026-11-16")
    );
}

#[test]
fn removal_after_19_june_waits_a_year() {
    let mut a = school("A", "2023-11-10");
    a["removal_requested"] = json!("2025-06-20");
    let r = run(&base(vec![a]));
    assert_eq!(r["schools"][0]["access_until"], "2026-08-20");
    let fees: Vec<i64> = r["convention_years"]
        .as_array()
        .unwrap()
        .iter()
        .map(|y| y["fee_cents"].as_i64().unwrap())
        .collect();
    // Access on 16/11/2025 … 19/08/2026: year 3 is billed in full, year 4 is not.
    assert_eq!(fees, [15000, 15000, 15000, 0, 0]);
}

#[test]
fn a_late_addition_is_billed_in_full_with_its_own_title() {
    let r = run(&base(vec![
        school("A", "2023-11-10"),
        school("Late", "2024-10-20"),
    ]));
    // Opens 03/11/2024, inside year 1 (ends 15/11/2024): billed 150 € for 13 days.
    assert_eq!(r["schools"][1]["access_from"], "2024-11-03");
    assert_eq!(r["convention_years"][0]["fee_cents"], 30000);
    assert_eq!(
        (
            &r["budget_years"][1]["year"],
            &r["budget_years"][1]["fee_cents"]
        ),
        (&json!(2024), &json!(45000))
    );
    // Its own title, then the year 2's first titles (R7).
    assert_eq!(
        r["budget_years"][1]["titles"][0],
        json!({"date": "2024-11-03", "units": 1, "unit_fee_cents": 15000, "fee_cents": 15000,
               "avenant": null, "fee_source": "article 6 de la convention"})
    );
}

#[test]
fn a_title_after_the_horizon_year_belongs_to_no_budget_year() {
    let mut v = base(vec![school("A", "2023-11-10")]);
    v["horizon_until"] = json!("2027-12-31");
    v["schools"]
        .as_array_mut()
        .unwrap()
        .push(school("Late", "2027-12-30"));
    let r = run(&v);
    // Year 5 (16/11/2027 – 15/11/2028) bills Late, with a title on 13/01/2028.
    assert_eq!(r["convention_years"][4]["billed_units"], 2);
    let budget = r["budget_years"].as_array().unwrap();
    let last = budget.last().unwrap();
    assert_eq!(
        (&last["year"], &last["fee_cents"]),
        (&json!(2027), &json!(15000))
    );
    assert!(
        r["deadlines"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["kind"] == "title" && d["date"] == "2028-01-13")
    );
}

#[test]
fn school_group_billing_counts_a_group_once_at_its_earliest_title() {
    let mut a = school("Mat", "2024-01-10");
    a["group"] = json!("GS Centre");
    let mut b = school("Élem", "2024-03-01");
    b["group"] = json!(" gs centre ");
    let mut v = base(vec![a, b, school("Seule", "2023-11-10")]);
    v["convention"]["billing_unit"] = json!("school_group");
    let r = run(&v);
    assert_eq!(r["convention_years"][0]["billed_units"], 2);
    assert_eq!(r["convention_years"][0]["fee_cents"], 30000);
    // The group's title is dated at Mat's opening (24/01/2024), the lone school's at 24/11/2023.
    let titles: Vec<&str> = r["deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["kind"] == "title")
        .map(|d| d["date"].as_str().unwrap())
        .collect();
    assert_eq!(&titles[..2], ["2023-11-24", "2024-01-24"]);
    assert_eq!(r["billing_readings"][0]["school"]["fee_cents"], 45000);
    assert_eq!(r["billing_readings"][0]["school_group"]["fee_cents"], 30000);
}

#[test]
fn ineligible_schools_have_no_access_and_are_not_billed() {
    let mut college = school("Collège", "2023-11-10");
    college["level"] = json!("college");
    let mut private = school("Privée", "2023-11-10");
    private["sector"] = json!("prive");
    let mut no_admin = school("Sans admin", "2023-11-10");
    no_admin["admin"]["phone"] = json!("");
    let mut v = base(vec![college, private, no_admin, school("OK", "2023-11-10")]);
    v["contacts"]["project_lead"] = Value::Null;
    let r = run(&v);
    let reasons: Vec<Value> = r["schools"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["reasons"].clone())
        .collect();
    assert_eq!(
        reasons,
        [
            json!(["level"]),
            json!(["sector"]),
            json!(["admin"]),
            json!([])
        ]
    );
    for s in &r["schools"].as_array().unwrap()[..3] {
        assert_eq!(s["eligible"], false);
        assert_eq!(s["access_from"], Value::Null);
        assert_eq!(s["warnings"], json!(["contacts"]));
    }
    assert_eq!(r["convention_years"][0]["billed_units"], 1);
}

#[test]
fn commune_outside_the_metropole_blocks_every_school() {
    let mut v = base(vec![school("A", "2023-11-10")]);
    v["commune"] = json!({"name": "Tassin-la-Demi-Lune", "insee": "75056"});
    v["usage"] = json!({"educational_or_cultural": true, "commercial": true});
    let r = run(&v);
    assert_eq!(r["schools"][0]["reasons"], json!(["commune", "usage"]));
    assert_eq!(r["convention_years"][0]["fee_cents"], 0);
    // Former code and former name are accepted.
    v["commune"] = json!({"name": "Pierre-Bénite"});
    v["usage"] = Value::Null;
    assert_eq!(run(&v)["schools"][0]["eligible"], true);
    v["commune"] = json!({"name": "?", "insee": "69152"});
    assert_eq!(run(&v)["schools"][0]["eligible"], true);
}

#[test]
fn leap_day_notification() {
    let mut v = base(vec![]);
    v["convention"]["notified"] = json!("2024-02-29");
    v["horizon_until"] = Value::Null;
    let r = run(&v);
    let n = &r["notice_deadlines"][0];
    assert_eq!(n["anniversary"], "2025-02-28");
    // (A − 3 months) − 1 day: 28/11/2024 − 1; the favourable reading, counted forward from
    // reception, admits 30/11/2024 (30/11 + 3 months = 28/02/2025).
    assert_eq!(n["latest_reception"], "2024-11-27");
    assert_eq!(n["favourable_latest_reception"], "2024-11-30");
    assert_eq!(n["practical_last_day"], "2024-11-27");
    assert_eq!(r["convention_years"][0]["end"], "2025-02-27");
    // Default horizon N + 5 years = 2029-02-28: anniversaries up to then, always from N.
    let last = r["notice_deadlines"].as_array().unwrap().last().unwrap();
    assert_eq!(last["anniversary"], "2029-02-28");
    assert_eq!(r["notice_deadlines"][3]["anniversary"], "2028-02-29");
    assert_eq!(r["appeal_deadline"], Value::Null);
}

#[test]
fn r3_a_unit_billed_for_few_days_is_flagged_with_its_cost() {
    // Opened 01/08/2025, removal received 10/06/2025 (before 20 June): access ends on
    // 20/08/2025, so year 2 (16/11/2024–15/11/2025) bills 150 € for 19 days.
    let s = laclasse_sim::io::parse_str(
        r#"{"commune":{"name":"Bron"},"convention":{"notified":"2023-11-16"},"horizon_until":"2026-12-31",
            "schools":[{"name":"École brève","level":"primaire","sector":"public","requested":"2025-06-01",
                        "opened":"2025-08-01","removal_requested":"2025-06-10",
                        "admin":{"last_name":"A","first_name":"B","function":"Directrice","email":"a@b.fr","phone":"04 78 00 00 00"}}]}"#,
    )
    .unwrap();
    let sim = laclasse_sim::engine::simulate(&s);
    let billing = sim.years[1].billing(laclasse_sim::engine::BillingUnit::School);
    assert_eq!(billing.fee.cents(), 15_000);
    assert_eq!(billing.short_access.len(), 1);
    assert_eq!(
        billing.short_access[0].describe(),
        "150,00 € pour 19 jours d'accès (du 01/08/2025 au 19/08/2025)"
    );
    let why = billing.why();
    assert!(
        why.steps
            .iter()
            .any(|s| s.contains("150,00 € pour 19 jours d'accès"))
    );
    assert!(
        why.assumptions
            .iter()
            .any(|a| a.starts_with("Hypothèse : « dû forfaitairement"))
    );
    // A full year raises nothing.
    let tassin = laclasse_sim::io::parse_str(laclasse_sim::io::samples::TASSIN_JSON).unwrap();
    let sim = laclasse_sim::engine::simulate(&tassin);
    assert!(
        sim.years[0]
            .billing(laclasse_sim::engine::BillingUnit::School)
            .short_access
            .is_empty()
    );
}

#[test]
fn d5_legality_dates_in_the_report() {
    let mut v = base(vec![]);
    v["deliberation"] = json!({"published": "2023-11-16", "transmitted": "2023-11-20"});
    let r = run(&v);
    let l = &r["legality"];
    assert_eq!(l["published"], "2023-11-16");
    assert_eq!(l["transmitted"], "2023-11-20");
    // Enforceable at the later of publication and transmission (CGCT L2131-1).
    assert_eq!(l["enforceable"], "2023-11-20");
    // Déféré: 21/11/2023 + 2 months = Sunday 21/01/2024 → Monday 22/01/2024.
    assert_eq!(l["prefect_referral_deadline"], "2024-01-22");
    // Notified 16/11/2023, before the transmission on 20/11: flagged.
    assert_eq!(l["notified_before_transmission"], true);
    assert_eq!(r["appeal_deadline"], "2024-01-17");
    let kinds: Vec<(&str, &str)> = r["deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["kind"].as_str().unwrap(), d["date"].as_str().unwrap()))
        .filter(|(k, _)| ["enforceable", "appeal", "prefect_referral"].contains(k))
        .collect();
    assert_eq!(
        kinds,
        [
            ("enforceable", "2023-11-20"),
            ("appeal", "2024-01-17"),
            ("prefect_referral", "2024-01-22")
        ]
    );

    // Transmitted before publication and before the notification: nothing flagged.
    v["deliberation"] = json!({"published": "2023-11-14", "transmitted": "2023-11-13"});
    let l = &run(&v)["legality"];
    assert_eq!(l["enforceable"], "2023-11-14");
    assert_eq!(l["notified_before_transmission"], false);
    assert_eq!(l["prefect_referral_deadline"], "2024-01-15");

    // Without a transmission date: no enforceable date, no déféré, nothing flagged.
    v["deliberation"] = json!({"published": "2023-11-16"});
    let r = run(&v);
    assert_eq!(r["legality"]["enforceable"], Value::Null);
    assert_eq!(r["legality"]["prefect_referral_deadline"], Value::Null);
    assert_eq!(r["legality"]["notified_before_transmission"], false);
    assert!(
        r["deadlines"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["kind"] != "enforceable" && d["kind"] != "prefect_referral")
    );
}

#[test]
fn d5_transmission_date_is_checked_and_written_back() {
    let mut v = base(vec![]);
    v["deliberation"] = json!({"transmitted": "2023-11-31"});
    let errors = parse_value(&v).unwrap_err();
    assert_eq!(errors.len(), 1);
    let message = errors[0].to_string();
    assert!(
        message.starts_with(
            "deliberation.transmitted — Transmission en préfecture : \"2023-11-31\" n'est pas une date valide"
        ),
        "{message}"
    );
    v["deliberation"] = json!({"transmitted": "2023-11-20"});
    let scenario = parse_value(&v).unwrap();
    let written = laclasse_sim::io::scenario::to_value(&scenario);
    assert_eq!(written["deliberation"]["transmitted"], "2023-11-20");
    assert_eq!(parse_value(&written).unwrap(), scenario);
}

#[test]
fn what_if_a_letter_arrives() {
    let s = parse_str(samples::TASSIN_JSON).unwrap();
    let sim = simulate(&s);
    let late = NaiveDate::from_ymd_opt(2025, 8, 18).unwrap();
    let w = termination_what_if(&s, &sim, late);
    let ends = NaiveDate::from_ymd_opt(2026, 11, 16).unwrap();
    assert_eq!(w.termination.value.ends, ends);
    // Years 1–3 are due: 600 + 600 + 450; the last one is year 3 at 450 €.
    assert_eq!(w.last_year, Some((3, Money::from_euros(450))));
    assert_eq!(w.total, Money::from_euros(1650));
    // Beyond the horizon (31/12/2027) the scenario is simulated again: the same answer
    // as a scenario that holds the letter itself.
    let far = NaiveDate::from_ymd_opt(2029, 1, 10).unwrap();
    let w = termination_what_if(&s, &sim, far);
    let mut with_letter = s.clone();
    with_letter.convention.termination_received = Some(far);
    with_letter.horizon_until = NaiveDate::from_ymd_opt(2031, 1, 1).unwrap();
    let direct = simulate(&with_letter);
    let direct_end = direct.termination.as_ref().unwrap().value.ends;
    assert_eq!(w.termination.value.ends, direct_end);
    assert_eq!(w.total, direct.total(BillingUnit::School));
    assert_eq!(w.last_year, Some((6, Money::from_euros(450))));
    assert_eq!(w.total, Money::from_euros(3000));
}

#[test]
fn every_deadline_explains_itself() {
    let s = parse_str(samples::TASSIN_JSON).unwrap();
    let sim = simulate(&s);
    for d in &sim.deadlines {
        let why = d.why();
        assert_eq!(why.main_clause(), d.clause);
        assert!(why.steps.len() >= 2, "{:?}", d.kind);
    }
    let holiday = sim
        .deadlines
        .iter()
        .find(|d| d.kind == DeadlineKind::Notice && d.date.year() == 2025)
        .unwrap();
    assert_eq!(holiday.date, NaiveDate::from_ymd_opt(2025, 8, 15).unwrap());
    assert!(holiday.why().steps.last().unwrap().contains(
        "un jour férié (Assomption) : la date n'est pas reportée ; en pratique, au plus tard le jeudi 14/08/2025"
    ));
    // The Métropole's dates on a non-working day are facts, not actions for the commune.
    for d in sim.deadlines.iter().filter(|d| d.non_working.is_some()) {
        let w = d.warning().unwrap();
        assert_eq!(w.contains("en pratique"), d.kind.commune_acts(), "{w}");
        assert!(!w.contains("agir avant"), "{w}");
    }
}
