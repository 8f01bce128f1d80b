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
    assert_eq!(one.schools.len(), all.counts()["69069"]);
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
