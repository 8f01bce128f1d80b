//! `tassin.json` through the command gives every field of `tassin.expected.json`, value for value.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

use serde_json::Value;

/// Asserts that every field present in `expected` is in `actual` with the same value; arrays
/// must have the same length. `actual` may hold more fields.
fn assert_contains(actual: &Value, expected: &Value, path: &str) {
    match expected {
        Value::Object(fields) => {
            for (key, want) in fields {
                let here = format!("{path}.{key}");
                let got = actual
                    .get(key)
                    .unwrap_or_else(|| panic!("{here}: missing from the report"));
                assert_contains(got, want, &here);
            }
        }
        Value::Array(items) => {
            let got = actual
                .as_array()
                .unwrap_or_else(|| panic!("{path}: expected an array, got {actual}"));
            assert_eq!(got.len(), items.len(), "{path}: length");
            for (i, want) in items.iter().enumerate() {
                assert_contains(&got[i], want, &format!("{path}[{i}]"));
            }
        }
        leaf => assert_eq!(actual, leaf, "{path}"),
    }
}

fn run_report(file: &str) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_laclasse-sim"))
        .args(["report", file, "--format", "json"])
        .output()
        .expect("the command runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stderr.is_empty());
    serde_json::from_slice(&out.stdout).expect("the report is JSON")
}

#[test]
fn tassin_report_matches_expected_field_by_field() {
    let dir = env!("CARGO_MANIFEST_DIR");
    let actual = run_report(&format!("{dir}/data/examples/tassin.json"));
    let expected: Value =
        serde_json::from_str(include_str!("fixtures/tassin.expected.json")).unwrap();
    assert_contains(&actual, &expected, "$");
}

#[test]
fn the_comparison_itself_catches_a_difference() {
    // Guards the helper: a report that differs in one leaf must fail.
    let expected: Value =
        serde_json::from_str(include_str!("fixtures/tassin.expected.json")).unwrap();
    let mut wrong = expected.clone();
    wrong["budget_years"][1]["fee_cents"] = Value::from(60000);
    let caught = std::panic::catch_unwind(|| assert_contains(&wrong, &expected, "$"));
    assert!(caught.is_err());
}

#[test]
fn tassin_report_has_the_merged_calendar() {
    let dir = env!("CARGO_MANIFEST_DIR");
    let actual = run_report(&format!("{dir}/data/examples/tassin.json"));
    let deadlines = actual["deadlines"].as_array().unwrap();
    let dates: Vec<&str> = deadlines
        .iter()
        .map(|d| d["date"].as_str().unwrap())
        .collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted, "sorted by date");
    let kinds = |k: &str| deadlines.iter().filter(|d| d["kind"] == k).count();
    assert_eq!(kinds("notice"), 4);
    assert_eq!(kinds("list_update"), 4); // 19 June 2024 … 2027
    assert_eq!(kinds("list_applied"), 4);
    assert_eq!(kinds("access_opening"), 4);
    assert_eq!(kinds("appeal"), 1);
    // Titles: 24/11/2023 (3 schools), 18/03/2024 (Prieuré), then each anniversary.
    assert_eq!(kinds("title"), 6);
    let first = &deadlines[0];
    assert_eq!(first["date"], "2023-11-24");
    assert_eq!(first["kind"], "access_opening");
    assert!(
        deadlines
            .iter()
            .all(|d| !d["label"].as_str().unwrap().is_empty())
    );
    // With groups, both readings of R4 are given: the Bourg's two schools count once.
    assert_eq!(actual["billing_readings"][0]["school"]["fee_cents"], 60000);
    assert_eq!(
        actual["billing_readings"][0]["school_group"]["fee_cents"],
        45000
    );
}
