//! Inputs a hostile or merely unlucky user gives (issue 22): each is refused with a French
//! message naming its field, or handled right — no panic, no hang, no corrupt document, nothing
//! on the terminal but plain text.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;
use std::process::{Command, Output};
use std::time::Instant;

use serde_json::{Value, json};

use laclasse_sim::engine::simulate;
use laclasse_sim::io::exports::{annex1, budget, deliberation, sheet};
use laclasse_sim::io::{parse_str, parse_value, samples};

fn temp(name: &str) -> PathBuf {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("laclasse-hostile-{}-{n}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

fn laclasse(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_laclasse-sim"))
        .args(args)
        .output()
        .unwrap()
}

fn tassin() -> Value {
    serde_json::from_str(samples::TASSIN_JSON).unwrap()
}

fn errors_of(v: &Value) -> Vec<String> {
    parse_value(v)
        .unwrap_err()
        .iter()
        .map(|e| e.to_string())
        .collect()
}

/// Whether `xml` is well-formed, as expat (through Python's pyexpat) reads it.
fn well_formed(xml: &[u8]) -> Result<(), String> {
    let path = temp("doc.xml");
    std::fs::write(&path, xml).unwrap();
    let out = Command::new("python3")
        .args([
            "-c",
            "import sys, xml.parsers.expat as e; p = e.ParserCreate(); p.Parse(open(sys.argv[1], 'rb').read(), True)",
        ])
        .arg(&path)
        .output()
        .expect("python3 with pyexpat");
    if out.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    }
}

/// The entries of a zip (an .odt, .ods or .xlsx) whose name ends with `.xml`.
fn xml_entries(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = Vec::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        if f.name().ends_with(".xml") || f.name().ends_with(".rels") {
            let mut b = Vec::new();
            std::io::Read::read_to_end(&mut f, &mut b).unwrap();
            out.push((f.name().to_string(), b));
        }
    }
    out
}

#[test]
fn vote_counts_are_checked_against_the_council_and_cannot_overflow() {
    let mut v: Value =
        serde_json::from_str(include_str!("../data/examples/tassin-seance.json")).unwrap();
    v["deliberation"]["meeting"]["vote"] = json!({ "for": 4294967295u64, "against": 1 });
    let errors = errors_of(&v);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].starts_with("deliberation.meeting.vote.for — Voix pour : 4294967295 pour, 1 contre et 0 abstentions font 4294967296 voix, plus que les 35 conseillers en exercice"), "{errors:?}");
    // Without the members in office: no more than the largest council.
    v["deliberation"]["meeting"]["in_office"] = Value::Null;
    assert!(errors_of(&v)[0].contains("plus que les 163 conseillers d'un conseil municipal"));
    v["deliberation"]["meeting"]["in_office"] = json!(1000);
    assert!(errors_of(&v).iter().any(|e| {
        e.contains("1000 conseillers en exercice : un conseil municipal en compte au plus 163")
    }));
    // The command refuses it too, in a debug build: no « attempt to add with overflow ».
    let input = temp("vote.json");
    std::fs::write(&input, serde_json::to_vec(&v).unwrap()).unwrap();
    let out = laclasse(&["report", input.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
}

#[test]
fn characters_xml_or_unicode_forbid_or_that_reverse_a_line_are_refused_by_field() {
    for (c, what) in [
        ('\u{fffe}', "un caractère interdit par Unicode (U+FFFE)"),
        ('\u{ffff}', "un caractère interdit par Unicode (U+FFFF)"),
        (
            '\u{202e}',
            "un caractère qui inverse le sens de lecture (U+202E)",
        ),
        (
            '\u{2067}',
            "un caractère qui inverse le sens de lecture (U+2067)",
        ),
    ] {
        let mut v = tassin();
        v["commune"]["name"] = json!(format!("Tassin{c}"));
        v["schools"][1]["name"] = json!(format!("École{c}"));
        let errors = errors_of(&v);
        assert_eq!(
            errors,
            [
                format!(
                    "commune.name — Nom de la commune : le texte contient {what}, qui n'est pas accepté dans ce champ d'une ligne"
                ),
                format!(
                    "schools[1].name — Nom de l'école (école 2) : le texte contient {what}, qui n'est pas accepté dans ce champ d'une ligne"
                ),
            ]
        );
    }
}

#[test]
fn documents_stay_well_formed_whatever_reaches_them() {
    // Past the reader (as a list or a worker could): the writers drop what XML forbids.
    let mut s = parse_str(samples::TASSIN_JSON).unwrap();
    s.commune.name = "Tassin\u{fffe}\u{ffff}\u{1}\u{202e}".into();
    std::rc::Rc::make_mut(&mut s.schools)[0].name = "École\u{fffe}\u{1b}[2J".into();
    let sim = simulate(&s);
    let odt = deliberation::document(&s, &sim).to_odt().unwrap();
    for (name, xml) in xml_entries(&odt) {
        well_formed(&xml).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(!String::from_utf8_lossy(&xml).contains('\u{fffe}'));
    }
    let sheets = annex1::annex1_sheets(&s, &sim);
    for bytes in [
        sheet::to_ods(&sheets).unwrap(),
        sheet::to_xlsx(&sheets).unwrap(),
    ] {
        for (name, xml) in xml_entries(&bytes) {
            well_formed(&xml).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
    }
    let html = deliberation::to_html(&s, &sim);
    assert!(!html.contains('\u{fffe}') && !html.contains('\u{202e}'));
}

#[test]
fn a_key_given_twice_is_refused_naming_the_key() {
    let text = samples::TASSIN_JSON.replacen(
        "\"annual_fee_eur\": \"150.00\",",
        "\"annual_fee_eur\": \"150.00\", \"annual_fee_eur\": \"1.00\",",
        1,
    );
    assert_ne!(text, samples::TASSIN_JSON);
    let input = temp("double.json");
    std::fs::write(&input, &text).unwrap();
    let out = laclasse(&["report", input.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains(
            "convention.annual_fee_eur : la clé « convention.annual_fee_eur » apparaît deux fois"
        ),
        "{stderr}"
    );
    // The app's reader refuses it too.
    let draft = laclasse_sim::web::draft::Draft::from_json(&text).unwrap_err();
    assert!(draft.contains("apparaît deux fois"), "{draft}");
}

#[test]
fn a_list_of_100_000_lines_is_read_in_linear_time() {
    let line = |i: usize| format!("Bron;{};16/11/2023\r\n", i % 900);
    let text = |n: usize| -> String { (0..n).map(line).collect() };
    let time = |n: usize| {
        let t = text(n);
        let start = Instant::now();
        let rows = laclasse_sim::io::csv_text::parse_lines(&t, b';').unwrap();
        assert_eq!(rows.len(), n);
        assert_eq!(rows.last().unwrap().1, n);
        start.elapsed().as_secs_f64()
    };
    let small = time(10_000).max(1e-4);
    let large = time(100_000);
    // Ten times the lines: about ten times the time (the old quadratic count took a hundred).
    assert!(
        large < small * 40.0,
        "10 000 lines: {small:.3} s, 100 000: {large:.3} s"
    );
    assert!(large < 10.0, "{large:.3} s for 100 000 lines");
}

#[test]
fn a_huge_cell_with_terminal_escapes_is_quoted_short_and_clean() {
    let cell = format!("\u{1b}]0;titre\u{7}\u{1b}[2J{}", "x".repeat(5_000_000));
    let list = temp("liste.csv");
    std::fs::write(
        &list,
        format!("commune;écoles;notification\n{cell};3;16/11/2023\n"),
    )
    .unwrap();
    let out = laclasse(&["territoire", list.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        out.stderr.len() < 4_000,
        "{} octets on stderr",
        out.stderr.len()
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        !stderr.contains('\u{1b}') && !stderr.contains('\u{7}'),
        "{stderr:?}"
    );
    assert!(
        stderr.contains("n'est pas une commune de la Métropole de Lyon"),
        "{stderr}"
    );
}

#[test]
fn a_valid_scenario_is_always_exported_within_the_formats_limits() {
    // 66 schools of 500-character names in one group: an Annex 1 cell over 32 767 characters.
    let mut v = tassin();
    let school = v["schools"][0].clone();
    v["schools"] = Value::Array(
        (0..66)
            .map(|i| {
                let mut s = school.clone();
                s["name"] = json!(format!("{i:03} {}", "é".repeat(496)));
                s["group"] = json!("Un seul groupe");
                s
            })
            .collect(),
    );
    let input = temp("groupe.json");
    std::fs::write(&input, serde_json::to_vec(&v).unwrap()).unwrap();
    for name in ["annexe.xlsx", "annexe.ods"] {
        let out = temp(name);
        let o = laclasse(&[
            "export",
            "annex1",
            input.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ]);
        assert_eq!(
            o.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
    let cut = sheet::cell_text(&"é".repeat(40_000)).into_owned();
    assert_eq!(cut.chars().count(), sheet::MAX_CELL_CHARS);
    assert!(
        cut.ends_with("(texte coupé : 40000 caractères, une cellule en contient au plus 32767)")
    );

    // 1 000 schools over 100 years: the budget gives each exercice's total, and says why.
    let s = samples::territory(1_000, 100);
    let sim = simulate(&s);
    let sheet = budget::budget_sheet(&s, &sim);
    let csv = budget::to_csv(&sheet);
    assert!(csv.len() < 2_000_000, "{} octets", csv.len());
    assert!(csv.contains("Détail des titres omis"));
    // Every exercice's total is still there and right.
    for year in sim.budget() {
        assert!(csv.contains(&format!("Total de l'exercice {}", year.year)));
    }
}

#[test]
fn system_errors_are_said_in_french() {
    let dir = temp("dossier");
    std::fs::create_dir_all(&dir).unwrap();
    let input = temp("tassin.json");
    std::fs::write(&input, samples::TASSIN_JSON).unwrap();
    let out = laclasse(&[
        "export",
        "deliberation",
        input.to_str().unwrap(),
        "-o",
        dir.join("").to_str().unwrap(),
    ]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(!stderr.contains("os error"), "{stderr}");
    let out = laclasse(&["report", dir.to_str().unwrap()]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("c'est un dossier, pas un fichier"),
        "{stderr}"
    );
    let out = laclasse(&["report", "--nimporte"]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("option inconnue : --nimporte"), "{stderr}");
}
