//! `laclasse-sim compare`: two fixtures compared field by field, each difference checked
//! against the single-simulation reports, and the command's refusals.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::laclasse;

use serde_json::{Value, json};

const TASSIN: &str = "data/examples/tassin.json";
/// Tassin with a termination letter received on 13/08/2027: it ends at the anniversary of
/// 16/11/2027, the first one still reachable on 30/11/2026.
const TERMINATED: &str = "tests/fixtures/tassin-resiliation-2027.json";
/// Tassin with two more schools asked for on 12/01/2026, one of them private (ineligible).
const PLUS_TWO: &str = "tests/fixtures/tassin-plus-2-ecoles.json";

fn json_of(args: &[&str]) -> Value {
    let (status, stdout, stderr) = laclasse(args);
    assert_eq!(status, 0, "{stderr}");
    serde_json::from_str(&stdout).unwrap()
}

fn report(file: &str) -> Value {
    json_of(&["report", file])
}

#[test]
fn terminating_at_the_first_reachable_anniversary_against_staying() {
    let c = json_of(&["compare", TASSIN, TERMINATED, "--date", "2026-11-30"]);
    assert_eq!(
        c["simulations"],
        json!([
            { "name": TASSIN, "total_cents": 255000 },
            { "name": TERMINATED, "total_cents": 210000 }
        ])
    );
    assert_eq!(
        c["inputs"],
        json!([{
            "key": "convention.termination_received",
            "label": "Lettre de résiliation reçue le",
            "values": ["—", "13/08/2027"],
            "clause": "Art. 8"
        }])
    );
    // Year by year: the same four years, then the fifth only in the reference.
    let years = c["convention_years"].as_array().unwrap();
    assert_eq!(years.len(), 5);
    let fees: Vec<Value> = years.iter().map(|y| y["fee_cents"].clone()).collect();
    assert_eq!(
        fees,
        vec![
            json!([60000, 60000]),
            json!([60000, 60000]),
            json!([45000, 45000]),
            json!([45000, 45000]),
            json!([45000, null])
        ]
    );
    let gaps: Vec<Value> = years.iter().map(|y| y["gap_cents"].clone()).collect();
    assert_eq!(
        gaps,
        vec![
            json!([null, 0]),
            json!([null, 0]),
            json!([null, 0]),
            json!([null, 0]),
            json!([null, -45000])
        ]
    );
    assert_eq!(
        years[4]["periods"],
        json!([{ "start": "2027-11-16", "end": "2028-11-15" }, null])
    );
    assert_eq!(years[4]["billed_units"], json!([3, null]));
    let why = &years[4]["why"];
    assert_eq!(why["rule"], "R3");
    assert_eq!(why["clauses"], json!(["art6_fee", "art8_notice"]));
    let steps: Vec<&str> = why["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    assert_eq!(
        steps,
        vec![
            "« data/examples/tassin.json » : du 16/11/2027 au 15/11/2028, 3 unités facturées (par école) × 150,00 € = 450,00 €.",
            "« tests/fixtures/tassin-resiliation-2027.json » : pas d'année n° 5, la convention prend fin le 16/11/2027 (résiliation reçue le 13/08/2027, Art. 8).",
            "Écoles ayant accès cette année dans « data/examples/tassin.json » et pas dans « tests/fixtures/tassin-resiliation-2027.json » : École élémentaire du Bourg, École maternelle du Bourg, École primaire du Prieuré (Annexe 1).",
            "Écart pour « tests/fixtures/tassin-resiliation-2027.json » : −450,00 €.",
        ]
    );
    // Budget years: the title of 16/11/2027 is the reference's only.
    let budget: Vec<(i64, Value, Value)> = c["budget_years"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            (
                b["year"].as_i64().unwrap(),
                b["fee_cents"].clone(),
                b["gap_cents"].clone(),
            )
        })
        .collect();
    assert_eq!(
        budget,
        vec![
            (2023, json!([45000, 45000]), json!([null, 0])),
            (2024, json!([75000, 75000]), json!([null, 0])),
            (2025, json!([45000, 45000]), json!([null, 0])),
            (2026, json!([45000, 45000]), json!([null, 0])),
            (2027, json!([45000, 0]), json!([null, -45000])),
        ]
    );
    assert_eq!(c["totals"]["fee_cents"], json!([255000, 210000]));
    assert_eq!(c["totals"]["gap_cents"], json!([null, -45000]));
    assert_eq!(
        c["next_commune_deadlines"][1]["date"], "2027-06-19",
        "the yearly list still comes first"
    );
    assert_eq!(c["next_commune_deadlines"][1]["kind"], "list_update");
    // The three schools with access lose it at the end; the one removed in 2025 is the same.
    let schools = c["schools"].as_array().unwrap();
    assert_eq!(schools.len(), 3);
    assert_eq!(schools[0]["name"], "École élémentaire du Bourg");
    assert_eq!(schools[0]["present"], json!([true, true]));
    assert_eq!(
        schools[0]["access_from"],
        json!(["2023-11-24", "2023-11-24"])
    );
    assert_eq!(schools[0]["access_until"], json!([null, "2027-11-16"]));
    assert_eq!(c["eligibility"], json!([]));
    assert!(c["rules_version"].as_str().unwrap().contains("R1–R10"));
}

#[test]
fn the_differences_are_the_single_reports_differences() {
    let c = json_of(&[
        "compare",
        TASSIN,
        TERMINATED,
        PLUS_TWO,
        "--date",
        "2026-11-30",
    ]);
    let reports = [report(TASSIN), report(TERMINATED), report(PLUS_TWO)];
    for (i, r) in reports.iter().enumerate() {
        let total: i64 = r["convention_years"]
            .as_array()
            .unwrap()
            .iter()
            .map(|y| y["fee_cents"].as_i64().unwrap())
            .sum();
        assert_eq!(
            c["totals"]["fee_cents"][i], total,
            "total of simulation {i}"
        );
        for y in r["convention_years"].as_array().unwrap() {
            let n = y["number"].as_u64().unwrap() as usize;
            let row = &c["convention_years"][n - 1];
            assert_eq!(row["number"], y["number"]);
            assert_eq!(row["fee_cents"][i], y["fee_cents"], "year {n} of {i}");
            assert_eq!(row["billed_units"][i], y["billed_units"]);
            assert_eq!(row["periods"][i]["start"], y["start"]);
        }
        for b in r["budget_years"].as_array().unwrap() {
            let row = c["budget_years"]
                .as_array()
                .unwrap()
                .iter()
                .find(|x| x["year"] == b["year"])
                .unwrap();
            assert_eq!(
                row["fee_cents"][i], b["fee_cents"],
                "budget {} of {i}",
                b["year"]
            );
        }
    }
    // Each gap is the figure minus the reference's, a missing year counting zero; the yearly
    // gaps add up to the total's.
    for row in c["convention_years"].as_array().unwrap() {
        let fee = |i: usize| row["fee_cents"][i].as_i64().unwrap_or(0);
        for i in 1..3 {
            assert_eq!(row["gap_cents"][i], fee(i) - fee(0));
        }
        assert!(row["gap_cents"][0].is_null());
    }
    for i in 1..3 {
        let sum: i64 = c["convention_years"]
            .as_array()
            .unwrap()
            .iter()
            .map(|y| y["gap_cents"][i].as_i64().unwrap())
            .sum();
        assert_eq!(c["totals"]["gap_cents"][i], sum);
    }
    assert_eq!(c["totals"]["gap_cents"], json!([null, -45000, 45000]));
    // The two new schools: one billed from 2026, the private one never (R10).
    let names: Vec<&str> = c["schools"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"École maternelle des Genêts"));
    // The public one opens on 26/01/2026 (asked for on 12/01): billed from year 3.
    let public = c["schools"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "École maternelle des Genêts")
        .unwrap();
    assert_eq!(public["access_from"], json!([null, null, "2026-01-26"]));
    let gaps: Vec<Value> = c["convention_years"]
        .as_array()
        .unwrap()
        .iter()
        .map(|y| y["gap_cents"][2].clone())
        .collect();
    assert_eq!(
        gaps,
        vec![json!(0), json!(0), json!(15000), json!(15000), json!(15000)]
    );
    assert!(names.contains(&"École élémentaire des Genêts"));
    let private = c["schools"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "École élémentaire des Genêts")
        .unwrap();
    assert_eq!(private["present"], json!([false, false, true]));
    assert!(
        private["what"]
            .as_str()
            .unwrap()
            .contains("non éligible, jamais facturée (R10)"),
        "{}",
        private["what"]
    );
    assert_eq!(c["eligibility"].as_array().unwrap().len(), 1);
    assert_eq!(c["eligibility"][0]["name"], "École élémentaire des Genêts");
    assert_eq!(c["eligibility"][0]["eligible"], json!([null, null, false]));
    assert_eq!(c["eligibility"][0]["reasons"][0], json!([]));
    assert!(
        c["eligibility"][0]["reasons"][2][0]
            .as_str()
            .unwrap()
            .starts_with("Une école privée n'est pas une école publique de la commune"),
    );
    assert_eq!(reports[2]["schools"][5]["eligible"], false);
    assert_eq!(reports[2]["schools"][5]["reasons"], json!(["sector"]));
    assert_eq!(c["inputs"][0]["key"], "convention.termination_received");
    assert_eq!(
        c["inputs"][1]["values"],
        json!(["4 écoles", "4 écoles", "6 écoles"])
    );
}

#[test]
fn the_text_comparison_says_the_gap_with_its_origin() {
    let (status, text, _) = laclasse(&[
        "compare",
        TASSIN,
        TERMINATED,
        "--format",
        "text",
        "--date",
        "2026-11-30",
    ]);
    assert_eq!(status, 0);
    assert!(text.contains("Lettre de résiliation reçue le (Art. 8) : — | 13/08/2027"));
    assert!(text.contains("n° 5 : 450,00 € | — ; écart : −450,00 €"));
    assert!(text.contains(
        "pas d'année n° 5, la convention prend fin le 16/11/2027 (résiliation reçue le 13/08/2027, Art. 8)."
    ));
    assert!(text.contains("Total : 2 550,00 € | 2 100,00 € ; écart : −450,00 €"));
    assert!(text.contains("2027 : 450,00 € | 0,00 € ; écart : −450,00 €"));
}

#[test]
fn compare_refuses_one_file_four_files_and_an_invalid_scenario() {
    let (status, stdout, stderr) = laclasse(&["compare", TASSIN]);
    assert_eq!(status, 2);
    assert!(stdout.is_empty());
    assert!(stderr.contains("compare : indiquer deux ou trois fichiers de scénario (1 donné)"));
    let (status, _, stderr) = laclasse(&["compare", TASSIN, TASSIN, TASSIN, TASSIN]);
    assert_eq!(status, 2);
    assert!(stderr.contains("(4 donnés)"), "{stderr}");
    let (status, _, stderr) = laclasse(&["compare", TASSIN, "tests/bad/no-such-file.json"]);
    assert_eq!(status, 2);
    assert!(stderr.contains("fichier introuvable"), "{stderr}");
    let (status, _, stderr) = laclasse(&["compare", "-", "-"]);
    assert_eq!(status, 2);
    assert!(stderr.contains("ne peut être lue qu'une fois"), "{stderr}");
}

#[test]
fn a_simulation_compared_with_itself_differs_in_nothing() {
    let c = json_of(&["compare", TASSIN, TASSIN, "--date", "2026-11-30"]);
    assert_eq!(c["inputs"], json!([]));
    assert_eq!(c["schools"], json!([]));
    assert_eq!(c["eligibility"], json!([]));
    assert_eq!(c["totals"]["gap_cents"], json!([null, 0]));
    assert!(
        c["convention_years"]
            .as_array()
            .unwrap()
            .iter()
            .all(|y| y["gap_cents"] == json!([null, 0]))
    );
}

#[test]
fn compare_writes_the_spreadsheet_asked_for_and_refuses_another_kind() {
    let dir = std::env::temp_dir().join(format!("laclasse-compare-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for name in ["comparaison.xlsx", "comparaison.ods"] {
        let out = dir.join(name);
        let out = out.to_str().unwrap();
        let (status, stdout, stderr) = laclasse(&["compare", TASSIN, TERMINATED, "-o", out]);
        assert_eq!(status, 0, "{stderr}");
        assert!(stdout.is_empty());
        assert!(std::fs::read(out).unwrap().starts_with(b"PK"), "{name}");
    }
    let (status, _, stderr) = laclasse(&["compare", TASSIN, TERMINATED, "-o", "comparaison.csv"]);
    assert_eq!(status, 2);
    assert!(
        stderr.contains("la comparaison s'écrit en .xlsx (Excel) ou en .ods (OpenDocument)"),
        "{stderr}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

mod engine {
    //! The comparison on scenarios built here: what each difference is said to come from.
    use laclasse_sim::engine::compare::{Compared, Comparison, compare};
    use laclasse_sim::engine::simulate;
    use laclasse_sim::io::schema::compared_input;
    use laclasse_sim::io::{parse_str, samples};

    fn tassin_with(edit: impl Fn(&mut serde_json::Value)) -> laclasse_sim::engine::Scenario {
        let mut v: serde_json::Value = serde_json::from_str(samples::TASSIN_JSON).unwrap();
        edit(&mut v);
        parse_str(&v.to_string()).unwrap()
    }

    fn compared(
        a: &laclasse_sim::engine::Scenario,
        b: &laclasse_sim::engine::Scenario,
    ) -> Comparison {
        let (sa, sb) = (simulate(a), simulate(b));
        compare(
            &[
                Compared {
                    name: "A",
                    scenario: a,
                    sim: &sa,
                },
                Compared {
                    name: "B",
                    scenario: b,
                    sim: &sb,
                },
            ],
            chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
        )
    }

    #[test]
    fn a_year_beyond_the_horizon_is_not_blamed_on_a_later_termination() {
        let a = tassin_with(|_| {});
        // Terminated at the anniversary of 16/11/2028, horizon at the end of 2026.
        let b = tassin_with(|v| {
            v["convention"]["termination_received"] = "2028-08-16".into();
            v["horizon_until"] = "2026-12-31".into();
        });
        let c = compared(&a, &b);
        let year5 = &c.convention_years[4];
        assert_eq!(year5.fees[1], None);
        assert!(
            year5.why.steps[1].contains("pas d'année n° 5 avant l'horizon de calcul (31/12/2026)"),
            "{:?}",
            year5.why.steps
        );
    }

    #[test]
    fn a_school_with_its_uai_in_one_simulation_only_is_the_same_school() {
        let a = tassin_with(|_| {});
        let b = tassin_with(|v| v["schools"][0]["uai"] = "0691234A".into());
        let c = compared(&a, &b);
        assert!(c.schools.is_empty(), "{:?}", c.schools);
        // Renamed with the same UAI on both sides: still one school.
        let a = tassin_with(|v| v["schools"][0]["uai"] = "0691234A".into());
        let b = tassin_with(|v| {
            v["schools"][0]["uai"] = " 0691234a ".into();
            v["schools"][0]["name"] = "École du Bourg (élémentaire)".into();
        });
        assert!(compared(&a, &b).schools.is_empty());
    }

    #[test]
    fn two_schools_of_the_same_name_are_two_schools() {
        let a = tassin_with(|_| {});
        let b = tassin_with(|v| {
            let copy = v["schools"][2].clone();
            v["schools"].as_array_mut().unwrap().push(copy);
        });
        let c = compared(&a, &b);
        assert_eq!(c.schools.len(), 1);
        assert_eq!(c.schools[0].name, "École primaire du Prieuré");
        assert_eq!(c.schools[0].present, vec![false, true]);
        assert!(c.total_gaps[1].unwrap().cents() > 0);
        let year3 = &c.convention_years[2];
        assert!(
            year3
                .why
                .steps
                .iter()
                .any(|s| s.contains("et pas dans « A » : École primaire du Prieuré")),
            "{:?}",
            year3.why.steps
        );
    }

    #[test]
    fn a_school_ineligible_in_one_simulation_is_said_never_billed_there() {
        let a = tassin_with(|_| {});
        let b = tassin_with(|v| v["schools"][2]["sector"] = "prive".into());
        let c = compared(&a, &b);
        assert_eq!(c.schools.len(), 1);
        assert_eq!(
            c.schools[0].what,
            "Accès différent (Annexe 1, Art. 8) : « A » : accès du 18/03/2024 au terme ; « B » : non éligible, jamais facturée (R10)."
        );
        assert_eq!(c.eligibility.len(), 1);
        assert_eq!(c.eligibility[0].eligible, vec![Some(true), Some(false)]);
    }

    #[test]
    fn another_insee_code_is_said_to_differ() {
        let a = tassin_with(|_| {});
        let b = tassin_with(|v| v["commune"]["insee"] = "75056".into());
        let c = compared(&a, &b);
        let keys: Vec<String> = c.inputs.iter().map(|i| compared_input(i.input).0).collect();
        assert_eq!(keys, vec!["commune.insee"]);
        assert_eq!(
            c.inputs[0].values,
            vec!["69244".to_string(), "75056".to_string()]
        );
    }
}
