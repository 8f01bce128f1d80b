//! The list of communes with school counts (`io::csv_text` then `io::counts`), fed arbitrary
//! bytes as a file: never a panic, and every line of the file is kept, refused or said not
//! counted; every message is one short line without a control character; a commune kept is
//! simulated and its reports written.

#![no_main]

use laclasse_sim::engine::simulate;
use laclasse_sim::io::{counts, csv_text, report};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let on = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    let Ok(cells) = csv_text::read(data, None) else {
        return;
    };
    let rows = cells.numbered();
    let read = counts::read_counts("liste.csv", &rows, on);
    for message in read.refused.iter().chain(&read.skipped) {
        assert!(!message.contains(['\n', '\r', '\u{1b}']), "{message:?}");
        assert!(message.chars().count() < 600, "{} characters", message.chars().count());
    }
    for (_, _, scenario) in read.communes.iter().take(3) {
        let sim = simulate(scenario);
        let _ = report::to_json(&sim);
    }
});
