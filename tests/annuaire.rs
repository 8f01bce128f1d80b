//! The national school directory (issue 25): the example's communes, the command, and a
//! national-sized file read within the budget.
#![cfg(not(target_arch = "wasm32"))]

use std::time::Instant;

use laclasse_sim::engine::communes;
use laclasse_sim::io::annuaire::{self, Communes};
use laclasse_sim::io::{parse_str, samples};

#[test]
fn a_national_sized_file_is_read_and_filtered_within_two_seconds() {
    let rows = 70_000;
    let file = samples::national_directory(rows);
    assert!(file.len() > 45_000_000, "{} octets", file.len());
    let craponne = communes::by_code("69069").unwrap().0;
    let start = Instant::now();
    let one = annuaire::read(&file, Communes::One(craponne)).unwrap();
    let one_took = start.elapsed();
    let start = Instant::now();
    let all = annuaire::read(&file, Communes::All).unwrap();
    let all_took = start.elapsed();
    eprintln!(
        "annuaire national ({} Mo, {rows} lignes) : une commune {:.0} ms, toute la Métropole {:.0} ms",
        file.len() / 1_000_000,
        one_took.as_secs_f64() * 1000.0,
        all_took.as_secs_f64() * 1000.0
    );
    assert_eq!(all.rows, rows as u64);
    // Each row has the header's 71 columns.
    let first = file.split(|b| *b == b'\n').nth(1).unwrap();
    assert_eq!(first.iter().filter(|b| **b == b';').count(), 70);
    // Every tenth row is in the Métropole; of those, the public schools not closed are kept.
    let expected = (0..rows)
        .filter(|i| i % 10 == 0 && !matches!(i % 7, 0 | 1) && i % 11 != 0 && i % 53 != 0)
        .count();
    assert_eq!(all.schools.len(), expected);
    assert!(one.schools.iter().all(|s| s.commune.insee == "69069"));
    assert_eq!(one.schools.len(), all.by_commune()["69069"].len());
    assert!(all.schools.iter().any(|s| s.closing));
    for took in [one_took, all_took] {
        assert!(took.as_secs_f64() < 2.0, "{took:?}");
    }
}

#[test]
fn the_example_gives_a_scenario_for_each_commune() {
    let file = samples::DIRECTORY_EXAMPLE.as_bytes();
    let tassin = communes::by_code("69244").unwrap().0;
    let read = annuaire::read(file, Communes::One(tassin)).unwrap();
    let notified = chrono::NaiveDate::from_ymd_opt(2025, 1, 15).unwrap();
    let json = laclasse_sim::io::scenario::to_string_pretty(&annuaire::scenario(
        tassin,
        notified,
        &read.schools,
    ));
    // What the command writes reads back as a scenario.
    let back = parse_str(&json).unwrap();
    assert_eq!(back.schools.len(), 6);
    assert_eq!(back.commune.insee.as_deref(), Some("69244"));
    let sim = laclasse_sim::engine::simulate(&back);
    // No administrator yet: nothing billed until one is named (R10).
    assert!(sim.schools.iter().all(|s| !s.eligibility.eligible()));
}

fn laclasse(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_laclasse-sim"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn the_territory_from_the_directory_and_a_list_of_three_communes() {
    let dir = std::env::temp_dir().join(format!("laclasse-territoire-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let list = dir.join("liste.csv");
    std::fs::write(&list, "commune;notification\nCraponne;15/01/2025\nTassin-la-Demi-Lune;5;16/11/2023\n69383;01/09/2024\n").unwrap();
    let example = concat!(env!("CARGO_MANIFEST_DIR"), "/data/annuaire-exemple.csv");
    // The list given before the directory: read with it all the same.
    let o = laclasse(&[
        "territoire",
        list.to_str().unwrap(),
        example,
        "--date",
        "2026-12-06",
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let t: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let communes: Vec<(&str, u64)> = t["communes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["commune"].as_str().unwrap(),
                c["schools_with_access"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        communes,
        [("Craponne", 3), ("Tassin-la-Demi-Lune", 6), ("Lyon", 2)]
    );
    // Every commune to the same last year: no budget year drops at the end.
    let years: Vec<(i64, i64)> = t["budget_years"]
        .as_array()
        .unwrap()
        .iter()
        .map(|y| {
            (
                y["year"].as_i64().unwrap(),
                y["fee_cents"].as_i64().unwrap(),
            )
        })
        .collect();
    let last = years.last().unwrap();
    assert_eq!(*last, (2030, 165_000), "{years:?}");
    assert!(
        years
            .iter()
            .filter(|(y, _)| *y >= 2025)
            .all(|(_, c)| *c == 165_000),
        "{years:?}"
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("Tassin-la-Demi-Lune : la liste « ")
            && err.contains("compte 5 écoles, l'annuaire en nomme 6"),
        "{err}"
    );
    assert!(
        err.contains("l'annuaire de l'éducation nomme les écoles publiques du premier degré"),
        "{err}"
    );
    assert!(err.contains("Les Tilleuls"), "{err}");
    // The directory alone: the list of communes is asked for.
    let o = laclasse(&["territoire", example]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("une liste « commune;notification »"));
    std::fs::remove_dir_all(&dir).unwrap();
}
