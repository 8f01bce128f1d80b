//! The council meeting (D1–D4) through the scenario format: the seed's figures, and the
//! faults a check refuses.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::{Value, json};

use laclasse_sim::engine::simulate;
use laclasse_sim::io::{parse_value, report};

fn seed() -> Value {
    serde_json::from_str(include_str!("../data/examples/tassin-seance.json")).unwrap()
}

/// The reader's messages for `v`, which must have errors.
fn errors(v: &Value) -> Vec<String> {
    parse_value(v)
        .unwrap_err()
        .iter()
        .map(|e| e.to_string())
        .collect()
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
    assert_eq!(problems.len(), 3, "{problems:?}");
    assert_eq!(
        problems[0],
        "Convocation trop tardive : 3 jours francs pour 5 requis. [CGCT art. L2121-12]"
    );
    assert!(problems[1].starts_with(
        "CUZIN Sandrine donne pouvoir à ACQUAVIVA Caroline : second pouvoir du même porteur, irrégulier"
    ));
    assert!(problems[1].ends_with("[CGCT art. L2121-20]"));
    // The 35 votes of the seed now count the irregular proxy's vote: one too many.
    assert!(problems[2].starts_with("Le décompte des voix"));
    let report = run(&v);
    let m = &report["meeting"];
    assert_eq!(m["votants"], 34);
    assert_eq!(
        m["unused_proxies"],
        json!([{ "giver": "CUZIN Sandrine", "holder": "ACQUAVIVA Caroline", "why": "irrégulier" }])
    );
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
    assert_eq!(
        errors(&v),
        [
            "deliberation.meeting.time — Heure de la séance : \"25:00\" n'est pas une heure (format HH:MM, par exemple 19:00)",
            "deliberation.meeting.in_office — Conseillers en exercice : un nombre entier positif ou nul est attendu (par exemple 35)",
            "deliberation.meeting.proxies — Absents avec pouvoir (noms) : ligne 3 : \"JOURDAN Milouda a donné son pouvoir\" : écrire « NOM Prénom donne pouvoir à NOM Prénom »",
        ]
    );
}

#[test]
fn a_tie_without_the_chairs_vote_is_undetermined_and_a_secret_one_rejected() {
    let mut v = seed();
    v["deliberation"]["meeting"]["vote"] = json!({ "for": 17, "against": 17, "abstentions": 1 });
    let r = run(&v);
    assert_eq!(r["meeting"]["passed"], Value::Null);
    assert_eq!(r["legality"]["notified_without_approval"], true);
    assert!(
        r["meeting"]["problems"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p.as_str().unwrap().contains("le résultat est à déterminer"))
    );
    v["deliberation"]["meeting"]["chair_vote"] = json!("for");
    assert_eq!(run(&v)["meeting"]["passed"], true);
    v["deliberation"]["meeting"]["secret_ballot"] = json!(true);
    let secret = run(&v);
    assert_eq!(secret["meeting"]["passed"], false);
    assert_eq!(secret["legality"]["notified_without_approval"], true);
    // The seed's unanimous vote: approved, nothing flagged.
    let seed = run(&seed());
    assert_eq!(seed["legality"]["notified_without_approval"], false);
    assert_eq!(seed["legality"]["notified_before_enforceable"], false);
    assert_eq!(
        seed["legality"]["list_of_deliberations_deadline"],
        "2023-11-16"
    );
}

#[test]
fn urgency_a_second_convocation_and_members_not_voting() {
    let mut v = seed();
    let m = &mut v["deliberation"]["meeting"];
    // Convened on 07/11 for 09/11: one jour franc, enough in urgency.
    m["convened"] = json!("2023-11-07");
    m["urgency"] = json!(true);
    m["urgency_reason"] = json!("délai de signature");
    m["synthesis_note"] = json!(true);
    m["not_voting"] = json!(["BERGERET Pierre"]);
    m["vote"] = json!({ "for": 34 });
    let r = run(&v);
    assert_eq!(r["meeting"]["jours_francs"], 1);
    assert_eq!(r["meeting"]["jours_francs_required"], 1);
    assert_eq!(r["meeting"]["votants"], 34);
    assert_eq!(r["meeting"]["passed"], true);
    assert_eq!(r["meeting"]["problems"], json!([]));
    // A second convocation needs no quorum: 12 present of 35.
    let mut v = seed();
    let m = &mut v["deliberation"]["meeting"];
    let present: Vec<Value> = m["present"].as_array().unwrap()[..12].to_vec();
    m["secretary"] = present[0].clone();
    m["present"] = Value::Array(present);
    m["proxies"] = json!([]);
    m["vote"] = json!({ "for": 12 });
    m["second_convocation"] = json!(true);
    m["quorum_failed_on"] = json!("2023-10-26");
    let r = run(&v);
    assert_eq!(r["meeting"]["quorum_required"], Value::Null);
    assert_eq!(r["meeting"]["quorum_met"], true);
    assert_eq!(r["meeting"]["problems"], json!([]));
}

#[test]
fn a_convention_signed_before_publication_is_flagged() {
    let mut v = seed();
    v["deliberation"]["published"] = json!("2023-11-20");
    v["convention"]["signed"] = json!("2023-11-17");
    v["convention"]["notified"] = json!("2023-11-21");
    let r = run(&v);
    assert_eq!(r["legality"]["enforceable"], "2023-11-20");
    assert_eq!(r["legality"]["notified_before_transmission"], false);
    assert_eq!(r["legality"]["notified_before_enforceable"], true);
}

#[test]
fn the_tassin_plan_for_16_11_2025_in_the_report() {
    let r = run(&seed());
    let n = &r["notice_deadlines"][1];
    assert_eq!(n["anniversary"], "2025-11-16");
    assert_eq!(n["latest_reception"], "2025-08-15");
    assert_eq!(n["practical_last_day"], "2025-08-14");
    assert_eq!(n["favourable_latest_reception"], "2025-08-16");
    assert_eq!(
        n["plan"],
        json!({
            "recommended_send_by": "2025-07-30",
            "send_by": "2025-08-11",
            "enforceable_by": "2025-08-11",
            "meeting_by": "2025-08-08",
            "convocation_by": "2025-08-01",
            "recommended_meeting_by": "2025-07-29",
            "recommended_convocation_by": "2025-07-23"
        })
    );
    // With the council's delegation to the mayor, no meeting.
    let mut v = seed();
    v["termination_delegation"] = json!(true);
    let plan = &run(&v)["notice_deadlines"][1]["plan"];
    assert_eq!(plan["meeting_by"], Value::Null);
    assert_eq!(plan["convocation_by"], Value::Null);
    assert_eq!(plan["send_by"], "2025-08-11");
}

#[test]
fn the_new_fields_read_back_and_bad_values_name_their_field() {
    let mut v = seed();
    v["convention"]["signed"] = json!("2023-11-16");
    v["deliberation"]["mayor"] = json!({ "name": "CHARMOT Pascal", "title": "Maire" });
    v["termination_delegation"] = json!(true);
    v["termination_deliberation"] = json!({ "number": "2025-41", "date": "2025-07-10" });
    let m = &mut v["deliberation"]["meeting"];
    m["second_convocation"] = json!(true);
    m["quorum_failed_on"] = json!("2023-10-26");
    m["urgency"] = json!(true);
    m["urgency_reason"] = json!("délai");
    m["synthesis_note"] = json!(false);
    m["not_voting"] = json!(["BERGERET Pierre"]);
    m["secret_ballot"] = json!(true);
    m["chair_vote"] = json!("against");
    let scenario = parse_value(&v).unwrap();
    let written = laclasse_sim::io::scenario::to_value(&scenario);
    assert_eq!(parse_value(&written).unwrap(), scenario);
    assert_eq!(written["deliberation"]["meeting"]["chair_vote"], "against");
    assert_eq!(written["termination_deliberation"]["number"], "2025-41");

    let mut v = seed();
    v["deliberation"]["meeting"]["chair_vote"] = json!("peut-être");
    v["deliberation"]["meeting"]["secret_ballot"] = json!("sans doute");
    v["convention"]["signed"] = json!("2023-02-30");
    assert_eq!(
        errors(&v),
        [
            "convention.signed — Convention signée le : \"2023-02-30\" n'est pas une date valide (format attendu AAAA-MM-JJ, par exemple 2023-11-16)",
            "deliberation.meeting.secret_ballot — Scrutin secret : \"sans doute\" : oui ou non est attendu (true ou false)",
            "deliberation.meeting.chair_vote — Vote du président : \"peut-être\" n'est pas un vote du président reconnu (valeurs possibles : for, against, abstention)",
        ]
    );
}

#[test]
fn without_quorum_nothing_becomes_enforceable_and_nothing_can_be_appealed() {
    let mut v = seed();
    let present = v["deliberation"]["meeting"]["present"].as_array().unwrap()[..17].to_vec();
    let m = &mut v["deliberation"]["meeting"];
    m["secretary"] = present[0].clone();
    m["chair"] = present[1].clone();
    m["present"] = Value::Array(present);
    m["proxies"] = json!([]);
    m["vote"] = json!({ "for": 17 });
    let report = run(&v);
    assert_eq!(report["meeting"]["quorum_met"], false);
    // Not adopted: the council could not deliberate.
    assert_eq!(report["meeting"]["passed"], false);
    // Published and transmitted as entered, but no act: no enforceable day, no déféré, no appeal.
    assert_eq!(report["legality"]["published"], "2023-11-16");
    assert_eq!(report["legality"]["enforceable"], Value::Null);
    assert_eq!(report["legality"]["prefect_referral_deadline"], Value::Null);
    assert_eq!(report["appeal_deadline"], Value::Null);
    let kinds: Vec<&str> = report["deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["kind"].as_str().unwrap())
        .collect();
    for absent in ["appeal", "enforceable", "prefect_referral"] {
        assert!(!kinds.contains(&absent), "{absent} in {kinds:?}");
    }
    let sim = simulate(&parse_value(&v).unwrap());
    assert!(
        sim.legality
            .pending()
            .unwrap()
            .contains("quorum non atteint")
    );
    // With the quorum, the same dates are computed.
    let report = run(&seed());
    assert_eq!(report["legality"]["enforceable"], "2023-11-16");
    assert!(report["appeal_deadline"].is_string());
}

#[test]
fn a_number_typed_for_the_present_or_the_proxies_is_never_read_as_a_name() {
    // « 22 » in the present was one member named « 22 »: a quorum of 1 present (issue 24).
    let mut v = seed();
    v["deliberation"]["meeting"]["present"] = json!(["22"]);
    v["deliberation"]["meeting"]["proxies"] = json!(["3"]);
    v["deliberation"]["meeting"]["absent"] = json!(["2."]);
    assert_eq!(
        errors(&v),
        [
            "deliberation.meeting.present — Conseillers présents (noms) : ligne 1 : \"22\" n'est pas un nom ; indiquer les noms, un par ligne ; un nombre se saisit dans « Nombre de présents »",
            "deliberation.meeting.proxies — Absents avec pouvoir (noms) : ligne 1 : \"3\" : écrire « NOM Prénom donne pouvoir à NOM Prénom », un pouvoir par ligne ; un nombre se saisit dans « Nombre d'absents avec pouvoir »",
            "deliberation.meeting.absent — Absents sans pouvoir (noms) : ligne 1 : \"2.\" n'est pas un nom ; indiquer les noms, un par ligne ; un nombre se saisit dans « Nombre d'absents sans pouvoir »",
        ]
    );
}

fn problems(v: &Value) -> Vec<String> {
    run(v)["meeting"]["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap().to_string())
        .collect()
}

#[test]
fn counts_alone_suffice_for_the_quorum_and_the_votants() {
    // The secretary knows 29 present, 6 proxies and no absent before the minutes are written.
    let mut v = seed();
    let m = &mut v["deliberation"]["meeting"];
    for list in ["present", "proxies", "absent"] {
        m.as_object_mut().unwrap().remove(list);
    }
    m["present_count"] = json!(29);
    m["proxies_count"] = json!("6");
    m["absent_count"] = json!(0);
    let report = run(&v);
    let meeting = &report["meeting"];
    assert_eq!(meeting["quorum_required"], 18);
    assert_eq!(meeting["quorum_met"], true);
    assert_eq!(meeting["votants"], 35);
    assert_eq!(meeting["passed"], true);
    // Without names, the chair and the secretary cannot be checked: not a fault. The counts
    // add up to the members in office: nothing to say.
    let notes = |v: &Value| {
        simulate(&parse_value(v).unwrap())
            .meeting
            .proxies
            .map(|p| p.value.notes.join(" "))
            .unwrap_or_default()
    };
    assert!(!notes(&v).contains("non compté"), "{}", notes(&v));
    assert_eq!(meeting["problems"], json!([]), "{}", meeting["problems"]);
    // The counts go back out as they came in, as numbers.
    let scenario = parse_value(&v).unwrap();
    assert_eq!(scenario.deliberation.meeting.present_count, Some(29));
    assert_eq!(scenario.deliberation.meeting.proxies_count, Some(6));
    // The draft writes the numbers and leaves the names blank, to fill from the minutes.
    let html = laclasse_sim::io::exports::deliberation::to_html(&scenario, &simulate(&scenario));
    assert!(
        html.contains("Conseillers présents (29) : <span class=\"blank\""),
        "{html}"
    );
    assert!(
        html.contains("Conseillers absents avec pouvoir : 6, <span class=\"blank\""),
        "{html}"
    );
    assert!(
        html.contains("Conseillers absents sans pouvoir : 0</p>"),
        "{html}"
    );
    assert!(html.contains("Nombre de votants : 35"), "{html}");
    // Without the absent's count, the members not accounted for are said, with what to type.
    let mut partial = v.clone();
    partial["deliberation"]["meeting"]
        .as_object_mut()
        .unwrap()
        .remove("absent_count");
    partial["deliberation"]["meeting"]["present_count"] = json!(25);
    let notes = notes(&partial);
    assert!(notes.contains("font 31 : 4 conseillers en exercice sur 35 non comptés ; saisir le nombre d'absents sans pouvoir."), "{notes}");
    // Present by count, proxies neither named nor counted: the votants are not known, and
    // the draft leaves them blank rather than writing the present as votants.
    let mut unknown = v.clone();
    unknown["deliberation"]["meeting"]
        .as_object_mut()
        .unwrap()
        .remove("proxies_count");
    assert_eq!(run(&unknown)["meeting"]["votants"], Value::Null);
    let scenario = parse_value(&unknown).unwrap();
    let html = laclasse_sim::io::exports::deliberation::to_html(&scenario, &simulate(&scenario));
    assert!(!html.contains("Nombre de votants : 29"), "{html}");
    // 17 present: no quorum, and it is said.
    v["deliberation"]["meeting"]["present_count"] = json!(17);
    let meeting = &run(&v)["meeting"];
    assert_eq!(meeting["quorum_met"], false);
    // More proxies than members present to hold them: the excess is not counted.
    v["deliberation"]["meeting"]["present_count"] = json!(4);
    v["deliberation"]["meeting"]["proxies_count"] = json!(6);
    v["deliberation"]["meeting"]["vote"] = json!({ "for": 8, "against": 0, "abstentions": 0 });
    let p = problems(&v);
    assert!(
        p.iter().any(|p| p.starts_with("6 pouvoirs pour 4 conseillers présents qui votent : chacun n'en porte qu'un (CGCT L2121-20) ; 2 ne sont pas comptés.")),
        "{p:?}"
    );
    assert_eq!(run(&v)["meeting"]["votants"], 8);
}

#[test]
fn names_given_with_counts_are_checked_against_them() {
    let mut v = seed();
    v["deliberation"]["meeting"]["present_count"] = json!(30);
    v["deliberation"]["meeting"]["proxies_count"] = json!(6);
    let p = problems(&v);
    assert!(
        p.iter().any(|p| p.starts_with("La liste des présents compte 29 noms pour 30 indiqués : l'une ou l'autre est à corriger ; le nombre indiqué est retenu.")),
        "{p:?}"
    );
    // The draft names the 29 and leaves a blank for the thirtieth, never a list shorter than
    // its count with nothing to fill.
    let scenario = parse_value(&v).unwrap();
    let html = laclasse_sim::io::exports::deliberation::to_html(&scenario, &simulate(&scenario));
    assert!(
        html.contains("Conseillers présents (30) : ACQUAVIVA Caroline,"),
        "{html}"
    );
    assert!(
        html.contains(", et 1 autre : <span class=\"blank\">"),
        "{html}"
    );
    // More names than the count: the number is left to check, not written against the list.
    let mut more = v.clone();
    more["deliberation"]["meeting"]["present_count"] = json!(28);
    let scenario = parse_value(&more).unwrap();
    let html = laclasse_sim::io::exports::deliberation::to_html(&scenario, &simulate(&scenario));
    assert!(!html.contains("Conseillers présents (28)"), "{html}");
    assert!(
        html.contains("Conseillers présents (<span class=\"blank\">"),
        "{html}"
    );
    // Only the disagreeing list is said.
    assert!(
        !p.iter().any(|p| p.contains("absents avec pouvoir compte")),
        "{p:?}"
    );
    // When they agree, nothing is said.
    v["deliberation"]["meeting"]["present_count"] = json!(29);
    assert_eq!(problems(&v), Vec::<String>::new());
    // A count above the members in office is refused, naming the field.
    v["deliberation"]["meeting"]["present_count"] = json!(36);
    assert!(
        errors(&v)
            .iter()
            .any(|e| e.starts_with("deliberation.meeting.present_count — Nombre de présents : 36 conseillers présents pour 35 en exercice")),
        "{:?}",
        errors(&v)
    );
}
