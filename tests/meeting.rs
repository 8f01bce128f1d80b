//! The council meeting (D1–D4) through the scenario format: the seed's figures, and the
//! faults a check refuses.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::{Value, json};

use laclasse_sim::engine::simulate;
use laclasse_sim::io::{parse_value, report};

fn seed() -> Value {
    serde_json::from_str(include_str!("../data/examples/tassin-seance.json")).unwrap()
}

fn run(v: &Value) -> Value {
    let scenario = parse_value(v).unwrap_or_else(|e| panic!("{e:?}"));
    serde_json::to_value(report::report(&simulate(&scenario))).unwrap()
}

#[test]
fn the_seed_meeting_gives_quorum_18_five_jours_francs_35_votants() {
    let m = &run(&seed())["meeting"];
    assert_eq!(m["quorum_required"], 18);
    assert_eq!(m["quorum_met"], true);
    assert_eq!(m["jours_francs"], 5);
    assert_eq!(m["jours_francs_required"], 5);
    assert_eq!(m["votants"], 35);
    assert_eq!(m["passed"], true);
    assert_eq!(m["problems"], json!([]));
}

#[test]
fn two_proxies_for_one_holder_and_a_late_convocation_are_refused() {
    let mut v = seed();
    v["deliberation"]["meeting"]["proxies"][1]["holder"] = json!("ACQUAVIVA Caroline");
    v["deliberation"]["meeting"]["population"] = json!(20000);
    v["deliberation"]["meeting"]["convened"] = json!("2023-11-05");
    let problems = run(&v)["meeting"]["problems"].clone();
    let problems: Vec<&str> = problems
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert_eq!(
        problems[0],
        "Convocation trop tardive : 3 jours francs pour 5 requis. [CGCT art. L2121-12]"
    );
    assert!(problems[1].starts_with("ACQUAVIVA Caroline porte 2 pouvoirs"));
    assert!(problems[1].ends_with("[CGCT art. L2121-20]"));
}

#[test]
fn the_meeting_reads_back_and_bad_values_name_their_field() {
    let scenario = parse_value(&seed()).unwrap();
    let written = laclasse_sim::io::scenario::to_value(&scenario);
    assert_eq!(parse_value(&written).unwrap(), scenario);
    assert_eq!(scenario.deliberation.meeting.present.len(), 29);
    assert_eq!(scenario.deliberation.meeting.time, Some((19, 0)));

    let mut v = seed();
    v["deliberation"]["meeting"]["time"] = json!("25:00");
    v["deliberation"]["meeting"]["in_office"] = json!("trente");
    v["deliberation"]["meeting"]["proxies"][2] = json!("JOURDAN Milouda a donné son pouvoir");
    let errors: Vec<String> = parse_value(&v)
        .unwrap_err()
        .iter()
        .map(|e| e.to_string())
        .collect();
    assert_eq!(
        errors,
        [
            "deliberation.meeting.time — Heure de la séance : \"25:00\" n'est pas une heure (format HH:MM, par exemple 19:00)",
            "deliberation.meeting.in_office — Conseillers en exercice : un nombre entier positif ou nul est attendu (par exemple 35)",
            "deliberation.meeting.proxies — Absents avec pouvoir : ligne 3 : \"JOURDAN Milouda a donné son pouvoir\" : écrire « NOM Prénom donne pouvoir à NOM Prénom »",
        ]
    );
}
