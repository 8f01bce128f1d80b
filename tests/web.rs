//! The engine and the app in a real browser (headless Chromium, wasm-bindgen-test).
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

use laclasse_sim::engine::simulate;
use laclasse_sim::io::{parse_str, report, samples};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn the_engine_gives_tassin_s_figures_in_the_browser() {
    let scenario = parse_str(samples::TASSIN_JSON).expect("the example is valid");
    let sim = simulate(&scenario);
    let r = report::report(&sim);
    let fees: Vec<u64> = r.convention_years.iter().map(|y| y.fee_cents).collect();
    assert_eq!(fees, [60000, 60000, 45000, 45000, 45000]);
    let budget: Vec<u64> = r.budget_years.iter().map(|b| b.fee_cents).collect();
    assert_eq!(budget, [45000, 75000, 45000, 45000, 45000]);
    assert_eq!(r.appeal_deadline.as_deref(), Some("2024-01-16"));
}
