//! The scenario reader, fed arbitrary bytes as text (invalid UTF-8 replaced).
//!
//! Never a panic, and on a scenario that reads:
//! - written back and read again, it is the same scenario;
//! - the simulation, the JSON report and the French text report (with and without the
//!   explanations) do not panic.
//!
//! The same text is opened as the web app's draft; when it opens, the draft's scenario value is
//! read again (never a panic), and a scenario that comes of it is held to the same invariants.

#![no_main]

use laclasse_sim::engine::{Scenario, simulate};
use laclasse_sim::io::scenario::to_string_pretty;
use laclasse_sim::io::{parse_str, parse_value, report, text};
use laclasse_sim::web::draft::Draft;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);

    if let Ok(scenario) = parse_str(&input) {
        check(&scenario);
    }

    if let Ok(draft) = Draft::from_json(&input) {
        let _ = draft.to_json_pretty();
        if let Ok(scenario) = parse_value(&draft.to_value()) {
            check(&scenario);
        }
    }
});

/// The invariants of a scenario that reads.
fn check(scenario: &Scenario) {
    let written = to_string_pretty(scenario);
    match parse_str(&written) {
        Ok(again) => assert_eq!(
            &again, scenario,
            "written back and read again, the scenario differs; written:\n{written}"
        ),
        Err(errors) => {
            panic!("the scenario written back does not read: {errors:?}; written:\n{written}")
        }
    }

    let sim = simulate(scenario);
    let _ = report::to_json(&sim);
    let _ = text::text_report(scenario, &sim, false);
    let _ = text::text_report(scenario, &sim, true);
}
