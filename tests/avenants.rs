//! R3, « Fee changes (avenant) »: the public example with a rise to 165 € from 01/01/2025,
//! through the command (JSON and text), and the reader's errors naming the field.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::laclasse;
use serde_json::{Value, json};

use laclasse_sim::io::{parse_str, parse_value};

fn fixture() -> String {
    format!(
        "{}/tests/fixtures/tassin-avenant-165.json",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn report(format: &str) -> String {
    let (status, out, err) = laclasse(&["report", &fixture(), "--format", format]);
    assert_eq!(status, 0, "{err}");
    out
}

#[test]
fn a_rise_to_165_from_2025_gives_600_then_495_in_the_json() {
    let r: Value = serde_json::from_str(&report("json")).unwrap();
    let years = r["convention_years"].as_array().unwrap();
    let fees: Vec<i64> = years
        .iter()
        .map(|y| y["fee_cents"].as_i64().unwrap())
        .collect();
    // Year 2's title is dated 16/11/2024, before the avenant: 4 × 150 €. Year 3's, 16/11/2025:
    // 3 × 165 €, as every year after.
    assert_eq!(fees, [60000, 60000, 49500, 49500, 49500]);
    assert_eq!(
        years[2]["titles"],
        json!([{"date": "2025-11-16", "units": 3, "unit_fee_cents": 16500, "fee_cents": 49500,
                "avenant": 1, "fee_source": "avenant n° 1, en vigueur depuis le 01/01/2025"}])
    );
    assert_eq!(years[1]["titles"][0]["unit_fee_cents"], 15000);
    assert_eq!(years[1]["titles"][0]["avenant"], Value::Null);
    // Annexe 2 follows the year's fee.
    assert_eq!(years[2]["cost_shares_cents"]["hosting"], 8415);
    // The exercices follow the titles: 2025 holds year 3's title at 165 €.
    let budget: Vec<(i64, i64)> = r["budget_years"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            (
                b["year"].as_i64().unwrap(),
                b["fee_cents"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        budget,
        // 2024: year 1's late title (150 €) and year 2's four (600 €), before the avenant.
        [
            (2023, 45000),
            (2024, 75000),
            (2025, 49500),
            (2026, 49500),
            (2027, 49500)
        ]
    );
}

#[test]
fn the_text_report_says_the_amounts_used() {
    let text = report("text");
    let line = |start: &str| {
        text.lines()
            .find(|l| l.trim_start().starts_with(start))
            .unwrap_or_else(|| panic!("no line {start:?} in:\n{text}"))
            .to_string()
    };
    let y2 = line("2   16/11/2024");
    assert!(y2.contains("600,00 €"), "{y2}");
    assert!(y2.contains("150,00 € — article 6 de la convention"), "{y2}");
    let y3 = line("3   16/11/2025");
    assert!(y3.contains("495,00 €"), "{y3}");
    assert!(
        y3.contains("165,00 € — avenant n° 1, en vigueur depuis le 01/01/2025"),
        "{y3}"
    );
    assert!(text.contains(
        "Avenant n° 1 : 165,00 € à partir du 01/01/2025 (avenant n° 1 (délibération de la Métropole du 9 décembre 2024)) — premier titre sous cet avenant : 16/11/2025 (année de convention n° 3, exercice 2025)."
    ));
    assert!(text.contains("celle en vigueur au jour où elle est due"));
    assert!(text.contains("Un avenant n'engage qu'une fois signé"));
}

fn with_changes(changes: Value) -> Value {
    let mut v: Value = serde_json::from_str(&std::fs::read_to_string(fixture()).unwrap()).unwrap();
    v["convention"]["fee_changes"] = changes;
    v
}

#[test]
fn bad_changes_are_errors_naming_the_field() {
    let errors = |changes: Value| -> Vec<String> {
        parse_value(&with_changes(changes))
            .unwrap_err()
            .iter()
            .map(|e| e.to_string())
            .collect()
    };
    let field = "convention.fee_changes — Avenants : changements de redevance";
    assert_eq!(
        errors(json!([
            {"from": "2025-01-01", "annual_fee_eur": "165", "source": "avenant n° 1"},
            {"from": "2025-01-01", "annual_fee_eur": "170", "source": "avenant n° 2"}
        ])),
        [format!(
            "{field} : changements 1 et 2 : deux changements le même jour (01/01/2025) ; un seul montant par date"
        )]
    );
    assert_eq!(
        errors(json!([{"from": "2023-01-01", "annual_fee_eur": "165", "source": "avenant n° 1"}])),
        [format!(
            "{field} : changement 1 : le 01/01/2023 est avant la notification de la convention (16/11/2023) : un avenant ne change que la redevance d'une convention en vigueur"
        )]
    );
    assert_eq!(
        errors(
            json!([{"from": "2025-02-30", "annual_fee_eur": "-1", "source": "a"}, {"annual_fee_eur": "165", "source": "b"}, "x"])
        ),
        [
            format!(
                "{field} : changement 1 : date d'effet : \"2025-02-30\" n'est pas une date valide (format attendu AAAA-MM-JJ, par exemple 2023-11-16)"
            ),
            format!(
                "{field} : changement 1 : montant : \"-1\" : le montant doit être supérieur à zéro"
            ),
            format!(
                "{field} : changement 2 : indiquer la date à partir de laquelle le montant s'applique"
            ),
            format!(
                "{field} : changement 3 : un changement est attendu (date, montant, source), pas une chaîne de caractères"
            ),
        ]
    );
    assert_eq!(
        errors(json!([{"from": "2025-01-01", "annual_fee_eur": "165", "source": " "}])),
        [format!(
            "{field} : changement 1 : source : nommer l'avenant (« avenant n° 1 », et les décisions qui l'approuvent quand elles sont connues)"
        )]
    );
    assert_eq!(
        errors(json!({"from": "2025-01-01"})),
        [format!(
            "{field} : une liste de changements de redevance est attendu, pas un objet"
        )]
    );
}

#[test]
fn changes_round_trip_sorted_by_date() {
    let v = with_changes(json!([
        {"from": "2027-01-01", "annual_fee_eur": 180, "source": "avenant n° 2"},
        {"from": "2025-01-01", "annual_fee_eur": "165,00", "source": "avenant n° 1"}
    ]));
    let s = parse_value(&v).unwrap();
    let froms: Vec<String> = s
        .convention
        .fee_changes
        .iter()
        .map(|c| c.from.to_string())
        .collect();
    assert_eq!(froms, ["2025-01-01", "2027-01-01"]);
    let text = laclasse_sim::io::scenario::to_string_pretty(&s);
    assert_eq!(parse_str(&text).unwrap(), s);
    let written: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        written["convention"]["fee_changes"][1],
        json!({"from": "2027-01-01", "annual_fee_eur": "180.00", "source": "avenant n° 2"})
    );
}

#[test]
fn the_territory_and_the_comparison_follow_the_avenant() {
    use laclasse_sim::engine::compare::{Compared, compare};
    use laclasse_sim::engine::simulate;
    use laclasse_sim::engine::territory::territory;

    let raised = parse_value(&with_changes(json!([
        {"from": "2025-01-01", "annual_fee_eur": "165", "source": "avenant n° 1"}
    ])))
    .unwrap();
    let mut plain = raised.clone();
    plain.convention.fee_changes.clear();
    let read = vec![("Tassin".to_string(), raised.clone())];
    let sims = vec![simulate(&raised)];
    let on = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    // On 30/11/2026 the year under way is year 4 (16/11/2026), titled at 165 €: 3 × 165 €.
    let t = territory(&Compared::list(&read, &sims), on);
    assert_eq!(t.current_year_total.to_string(), "495,00 €");
    // Side by side with the same convention at 150 €: the gap is the avenant's, year by year.
    let plain_sim = simulate(&plain);
    let c = compare(
        &[
            Compared {
                name: "150 €",
                scenario: &plain,
                sim: &plain_sim,
            },
            Compared {
                name: "avenant",
                scenario: &raised,
                sim: &sims[0],
            },
        ],
        on,
    );
    let gaps: Vec<i64> = c
        .convention_years
        .iter()
        .map(|y| y.gaps[1].map_or(0, |g| g.cents()))
        .collect();
    assert_eq!(gaps, [0, 0, 4500, 4500, 4500]);
    assert!(
        c.inputs
            .iter()
            .any(|i| i.values == ["aucun", "165,00 € à partir du 01/01/2025"])
    );
}
