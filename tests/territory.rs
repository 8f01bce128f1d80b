//! The Métropole's view: a generated territory of 58 communes and 625 schools, three commune
//! files through the command checked against their single reports, the yearly list's late
//! changes.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::laclasse;

use chrono::NaiveDate;
use serde_json::{Value, json};

use laclasse_sim::engine::Money;
use laclasse_sim::engine::compare::Compared;
use laclasse_sim::engine::simulate;
use laclasse_sim::engine::territory::territory;
use laclasse_sim::io::samples;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn the_whole_territory_at_150_euros_is_93_750_euros_a_year() {
    let scenarios = samples::metropole(&samples::metropole_625(), 30);
    assert_eq!(scenarios.len(), 58);
    assert_eq!(
        scenarios.iter().map(|s| s.schools.len()).sum::<usize>(),
        625
    );
    let read: Vec<_> = scenarios
        .into_iter()
        .map(|s| (s.commune.name.clone(), s))
        .collect();
    let sims: Vec<_> = read.iter().map(|(_, s)| simulate(s)).collect();
    let t = territory(&Compared::list(&read, &sims), day(2026, 11, 30));
    assert_eq!(t.current_year_total.to_string(), "93 750,00 €");
    assert_eq!(t.reference, Money::from_euros(93_750));
    assert_eq!(t.current_year_shares.value, t.reference_shares);
    assert_eq!(t.reference_shares.hosting.to_string(), "15 937,50 €");
    assert_eq!((t.joined_communes, t.communes_in_metropole), (58, 58));
    assert_eq!((t.joined_schools, t.schools_in_metropole), (625, 625));
    assert!(t.same_commune_twice.is_empty());
    // Every year after the first is billed in full, titled on 16 November.
    let y2026 = t.budget_years.iter().find(|(y, _)| *y == 2026).unwrap();
    assert_eq!(y2026.1, Money::from_euros(93_750));
    let nov = t
        .titles_by_month
        .iter()
        .find(|m| (m.year, m.month) == (2026, 11))
        .unwrap();
    assert_eq!((nov.titles, nov.amount), (625, Money::from_euros(93_750)));
    // The first year's titles are dated at the schools' opening, 24/11/2023.
    assert_eq!(
        (t.titles_by_month[0].year, t.titles_by_month[0].month),
        (2023, 11)
    );
    let total: Money = t.titles_by_month.iter().map(|m| m.amount).sum();
    let budget: Money = t.budget_years.iter().map(|(_, f)| *f).sum();
    assert_eq!(total, budget);
}

/// Tassin's scenario as another commune's, with `edit` applied, written in a temporary file.
fn commune_file(
    dir: &std::path::Path,
    file: &str,
    name: &str,
    insee: &str,
    edit: impl Fn(&mut Value),
) -> String {
    let mut v: Value = serde_json::from_str(samples::TASSIN_JSON).unwrap();
    v["commune"] = json!({ "name": name, "insee": insee });
    edit(&mut v);
    let path = dir.join(file);
    std::fs::write(&path, v.to_string()).unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn three_commune_files_add_up_to_the_territory() {
    let dir = std::env::temp_dir().join(format!("laclasse-territoire-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let tassin = "data/examples/tassin.json".to_string();
    let ecully = commune_file(&dir, "ecully.json", "Écully", "69081", |v| {
        v["convention"]["annual_fee_eur"] = "160.00".into();
    });
    // Bron removes a school on 01/07/2026, after the yearly list's 19 June.
    let bron = commune_file(&dir, "bron.json", "Bron", "69029", |v| {
        v["schools"][0]["removal_requested"] = "2026-07-01".into();
    });
    let files = [tassin.as_str(), ecully.as_str(), bron.as_str()];
    let mut args = vec!["territoire"];
    args.extend(files);
    args.extend(["--date", "2026-11-30"]);
    let (status, stdout, stderr) = laclasse(&args);
    assert_eq!(status, 0, "{stderr}");
    let t: Value = serde_json::from_str(&stdout).unwrap();
    let reports: Vec<Value> = files
        .iter()
        .map(|f| {
            let (status, out, err) = laclasse(&["report", f]);
            assert_eq!(status, 0, "{err}");
            serde_json::from_str(&out).unwrap()
        })
        .collect();
    assert_eq!(t["today"], "2026-11-30");
    assert_eq!(t["joined_communes"], 3);
    assert_eq!(t["communes_in_metropole"], 58);
    assert_eq!(t["schools_in_metropole"], 625);
    assert_eq!(t["reference_cents"], 9_375_000);
    let communes = t["communes"].as_array().unwrap();
    assert_eq!(
        communes
            .iter()
            .map(|c| c["insee"].clone())
            .collect::<Vec<_>>(),
        vec![json!("69244"), json!("69081"), json!("69029")]
    );
    // Each commune's figures are its own report's.
    let mut current = 0;
    for (c, r) in communes.iter().zip(&reports) {
        let years = r["convention_years"].as_array().unwrap();
        let total: i64 = years.iter().map(|y| y["fee_cents"].as_i64().unwrap()).sum();
        assert_eq!(c["total_cents"], total, "{}", c["name"]);
        // 30/11/2026 is in convention year 4 (16/11/2026–15/11/2027).
        assert_eq!(c["current_year_fee_cents"], years[3]["fee_cents"]);
        assert_eq!(c["units_billed"], years[3]["billed_units"]);
        current += years[3]["fee_cents"].as_i64().unwrap();
        assert_eq!(
            c["budget_years"].as_array().unwrap().len(),
            r["budget_years"].as_array().unwrap().len()
        );
    }
    assert_eq!(t["current_year_total_cents"], current);
    // Tassin 450 € + Écully 3 × 160 € + Bron 450 € (its removal waits for August 2027).
    assert_eq!(current, 45_000 + 48_000 + 45_000);
    // The territory's budget years are the communes' added up.
    for b in t["budget_years"].as_array().unwrap() {
        let sum: i64 = reports
            .iter()
            .filter_map(|r| {
                r["budget_years"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|x| x["year"] == b["year"])
                    .map(|x| x["fee_cents"].as_i64().unwrap())
            })
            .sum();
        assert_eq!(b["fee_cents"], sum, "{}", b["year"]);
    }
    let months: i64 = t["titles_by_month"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["amount_cents"].as_i64().unwrap())
        .sum();
    let budget: i64 = t["budget_years"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["fee_cents"].as_i64().unwrap())
        .sum();
    assert_eq!(months, budget);
    // Only Bron has a change received after 19 June 2026.
    assert_eq!(communes[0]["late_list_changes"], json!([]));
    assert_eq!(communes[2]["late_list_changes"], json!(["2026-07-01"]));
    let (_, text, _) = laclasse(&[
        "territoire",
        &tassin,
        &ecully,
        &bron,
        "--date",
        "2026-11-30",
        "--format",
        "text",
    ]);
    assert!(
        text.contains("Communes ayant une école avec accès : 3 sur 58"),
        "{text}"
    );
    assert!(
        text.contains("changements reçus après le 19 juin (01/07/2026)"),
        "{text}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_same_commune_twice_is_counted_once() {
    let (status, stdout, _) = laclasse(&[
        "territoire",
        "data/examples/tassin.json",
        "tests/fixtures/tassin-resiliation-2027.json",
        "--date",
        "2026-11-30",
    ]);
    assert_eq!(status, 0);
    let t: Value = serde_json::from_str(&stdout).unwrap();
    // The second file of Tassin is left out of every figure: one simulation per commune.
    assert_eq!(t["joined_communes"], 1);
    assert_eq!(t["joined_schools"], 3);
    assert_eq!(t["communes"].as_array().unwrap().len(), 1);
    assert_eq!(t["current_year_total_cents"], 45000);
    assert_eq!(
        t["budget_years"][4],
        json!({ "year": 2027, "fee_cents": 45000 })
    );
    assert_eq!(
        t["same_commune_twice"],
        json!(["tests/fixtures/tassin-resiliation-2027.json"])
    );
    let (status, _, stderr) = laclasse(&["territoire"]);
    assert_eq!(status, 2);
    assert!(stderr.contains("territoire : indiquer au moins un fichier de scénario"));
}

#[test]
fn a_list_of_the_58_communes_with_625_schools_counted_gives_93_750_euros() {
    let dir = std::env::temp_dir().join(format!("laclasse-comptes-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // As Excel writes it: a BOM, a header, semicolons, French dates, CRLF.
    let mut csv = String::from("\u{feff}Commune;Écoles;Notification\r\n");
    for (record, count) in laclasse_sim::engine::communes::all()
        .iter()
        .zip(samples::metropole_625())
    {
        csv.push_str(&format!("{};{count};16/11/2023\r\n", record.name));
    }
    let list = dir.join("communes.csv");
    std::fs::write(&list, &csv).unwrap();
    let (status, stdout, stderr) =
        laclasse(&["territoire", list.to_str().unwrap(), "--date", "2026-11-30"]);
    assert_eq!(status, 0, "{stderr}");
    let t: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(t["current_year_total_cents"], 9_375_000);
    assert_eq!(t["joined_communes"], 58);
    assert_eq!(t["joined_schools"], 625);
    assert_eq!(
        t["budget_years"][3],
        json!({ "year": 2026, "fee_cents": 9_375_000 })
    );
    // The figures rest on a reading of the count, which the command says.
    assert!(
        stderr.contains("Hypothèse : une liste de communes avec leur nombre d'écoles"),
        "{stderr}"
    );
    let (_, text, _) = laclasse(&[
        "territoire",
        list.to_str().unwrap(),
        "--format",
        "text",
        "--date",
        "2026-11-30",
    ]);
    assert!(text.contains("écoles avec accès : 625 sur 625"), "{text}");
    assert!(
        text.trim_end()
            .ends_with("31 décembre de l'année qui suit celle du jour."),
        "{text}"
    );

    // A line is the commune's own scenario with as many schools, open from the notification:
    // Bron's 10 schools in a Windows-1252 list, beside a scenario file of Bron's 10 schools.
    let cp1252 = dir.join("bron.csv");
    std::fs::write(&cp1252, b"Bron;10;16/11/2023\n\xc9cully;0;\n").unwrap();
    let (status, stdout, stderr) = laclasse(&[
        "territoire",
        cp1252.to_str().unwrap(),
        "--date",
        "2026-11-30",
    ]);
    assert_eq!(status, 0, "{stderr}");
    assert!(
        stderr.contains("ligne 2 : Écully n'a ni école ni date de notification"),
        "{stderr}"
    );
    let counted: Value = serde_json::from_str(&stdout).unwrap();
    let school = |i: usize| {
        json!({ "name": format!("École {i}"), "level": "primaire", "sector": "public",
            "requested": "2023-11-16", "opened": "2023-11-16",
            "admin": { "last_name": "Nom", "first_name": "Claire", "function": "Directrice",
                "email": format!("dir{i}@ecole.example.fr"), "phone": "04 78 00 00 00" } })
    };
    let scenario = json!({
        "format": "laclasse-sim/1",
        "commune": { "name": "Bron", "insee": "69029" },
        "convention": { "notified": "2023-11-16", "annual_fee_eur": "150.00" },
        "schools": (1..=10).map(school).collect::<Vec<_>>(),
    });
    let bron = dir.join("bron.json");
    std::fs::write(&bron, scenario.to_string()).unwrap();
    let (status, single, stderr) = laclasse(&["report", bron.to_str().unwrap()]);
    assert_eq!(status, 0, "{stderr}");
    let single: Value = serde_json::from_str(&single).unwrap();
    let years = single["convention_years"].as_array().unwrap();
    let total: i64 = years.iter().map(|y| y["fee_cents"].as_i64().unwrap()).sum();
    let c = &counted["communes"][0];
    assert_eq!(c["total_cents"], total);
    assert_eq!(
        c["total_cents"],
        6 * 150_000,
        "16/11/2023 to 16/11/2028: six years"
    );
    assert_eq!(c["current_year_fee_cents"], years[3]["fee_cents"]);
    assert_eq!(
        c["budget_years"],
        single["budget_years"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| json!({ "year": b["year"], "fee_cents": b["fee_cents"] }))
            .collect::<Value>()
    );

    // The example list of the README.
    let (status, stdout, stderr) = laclasse(&[
        "territoire",
        "data/examples/communes-ecoles.csv",
        "--date",
        "2026-11-30",
    ]);
    assert_eq!(status, 0, "{stderr}");
    let example: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(example["joined_schools"], 82);
    assert_eq!(example["current_year_total_cents"], 82 * 15_000);

    // A wrong line stops the command, named by file, line and column.
    let wrong = dir.join("faux.csv");
    std::fs::write(&wrong, "Bron;dix;16/11/2023\nÉcully;2;32/01/2024\n").unwrap();
    let (status, stdout, stderr) = laclasse(&["territoire", wrong.to_str().unwrap()]);
    assert_eq!((status, stdout.as_str()), (2, ""));
    assert!(stderr.contains("est invalide (2 erreurs)"), "{stderr}");
    assert!(
        stderr.contains("ligne 1, colonne « écoles » : « dix » n'est pas un nombre entier"),
        "{stderr}"
    );
    assert!(
        stderr.contains("ligne 2, colonne « notification » : « 32/01/2024 » n'est pas une date"),
        "{stderr}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
