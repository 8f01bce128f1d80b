//! The command as a person runs it: formats, standard input, exit codes, messages.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn laclasse(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_laclasse-sim"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    {
        let mut input = child.stdin.take().unwrap();
        if let Some(bytes) = stdin {
            input.write_all(bytes).unwrap();
        }
    }
    child.wait_with_output().unwrap()
}

/// Tassin's scenario with every date moved `years` years: all its deadlines then lie in the
/// future (or the past) whatever the day the tests run.
fn tassin_moved(years: i32) -> Vec<u8> {
    let mut text = std::fs::read_to_string(fixture("tassin.json")).unwrap();
    for year in 2015..2035 {
        text = text.replace(&format!("\"{year}-"), &format!("\"{}-", year + years));
    }
    assert!(!text.contains("\"202"), "every date moved");
    text.into_bytes()
}

/// `export ics` of `scenario` (through standard input) with `options`: the exit status, the
/// file, standard error.
fn export_ics(scenario: &[u8], options: &[&str]) -> (Option<i32>, String, String) {
    // One file per call: the tests run in parallel.
    static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let call = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let out = std::env::temp_dir().join(format!("laclasse-ics-{}-{call}.ics", std::process::id()));
    let _ = std::fs::remove_file(&out);
    let mut args = vec!["export", "ics", "-", "-o", out.to_str().unwrap()];
    args.extend(options);
    let run = laclasse(&args, Some(scenario));
    let file = std::fs::read_to_string(&out).unwrap_or_default();
    let _ = std::fs::remove_file(&out);
    (
        run.status.code(),
        file,
        String::from_utf8(run.stderr).unwrap(),
    )
}

fn fixture(name: &str) -> String {
    let dir = if name == "tassin.json" {
        "data/examples"
    } else {
        "tests/fixtures"
    };
    format!("{}/{dir}/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn json_is_the_default_and_stdin_works() {
    let by_file = laclasse(&["report", &fixture("tassin.json")], None);
    let tassin = std::fs::read(fixture("tassin.json")).unwrap();
    let by_stdin = laclasse(&["report", "-"], Some(&tassin));
    assert_eq!(by_file.status.code(), Some(0));
    assert_eq!(by_stdin.status.code(), Some(0));
    assert_eq!(by_file.stdout, by_stdin.stdout);
    let v: serde_json::Value = serde_json::from_slice(&by_file.stdout).unwrap();
    assert_eq!(v["appeal_deadline"], "2024-01-17");
}

#[test]
fn text_report_is_french_with_clauses() {
    let out = laclasse(
        &["report", &fixture("tassin.json"), "--format", "text"],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("16/11/2023  15/11/2024"), "{text}");
    assert!(text.contains("600,00 €"));
    assert!(text.contains("Redevances par année de convention  [Art. 6]"));
    // R2's cautious deadline (three full months before 15/11/2025), its practical day and the
    // recommended sending date; the favourable reading beside, never as a deadline.
    assert!(text.contains(
        "lettre reçue au plus tard le 15/08/2025 — C'est un jour férié (Assomption) ; la date n'est pas reportée : en pratique, au plus tard le jeudi 14/08/2025."
    ), "{text}");
    assert!(
        text.contains(
            "Envoi de la lettre recommandée conseillé au plus tard le mercredi 30/07/2025"
        )
    );
    assert!(text.contains("Hypothèse, lecture favorable : une lettre reçue jusqu'au 16/08/2025 pourrait être soutenue, jamais comme date limite"));
    // D7: the plan, the council deciding (no delegation in the example).
    assert!(text.contains("Pour quitter la convention au 16/11/2025 : réunir le conseil au plus tard le vendredi 08/08/2025"), "{text}");
    assert!(text.contains("- Envoyer la lettre recommandée avec accusé de réception : au plus tard le lundi 11/08/2025  [Art. 8]"));
    assert!(text.contains("La séance tomberait en août"));
    // The « trop tard » reading belongs to a letter received late, not to the deadlines.
    assert!(!text.contains("une lettre reçue trop tard"), "{text}");
    assert!(text.contains("jusqu'au mercredi 17 janvier 2024"));
    assert!(text.contains("11,2 Go utilisés"));
    assert!(text.contains("93 750,00 €"));
    assert!(text.contains("Hypothèse : la redevance est due par école"));
    // The same figures as the JSON report: the 2024 budget year is 750 €.
    assert!(
        text.lines()
            .any(|l| l.trim_start().starts_with("2024") && l.ends_with("750,00 €"))
    );
}

#[test]
fn explain_adds_the_steps() {
    let plain = laclasse(
        &["report", &fixture("tassin.json"), "--format", "text"],
        None,
    );
    let out = laclasse(
        &[
            "report",
            &fixture("tassin.json"),
            "--format",
            "text",
            "--explain",
        ],
        None,
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.len() > plain.stdout.len());
    assert!(
        text.contains("Le 15/08/2025 est un jour férié (Assomption) : la date n'est pas reportée ; en pratique, la lettre doit arriver au plus tard le jeudi 14/08/2025")
    );
    assert!(text.contains("4 écoles × 150,00 € = 600,00 €"));
}

#[test]
fn usage_errors_exit_2_with_nothing_on_stdout() {
    for args in [
        vec![],
        vec!["report"],
        vec!["rapporte", "x.json"],
        vec!["report", "x.json", "--format", "xml"],
        vec!["report", "a.json", "b.json"],
        vec!["report", "x.json", "--bogus"],
    ] {
        let out = laclasse(&args, None);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("laclasse-sim :"));
    }
}

#[test]
fn missing_file_is_named() {
    let out = laclasse(&["report", "/nonexistent/scenario.json"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("impossible de lire « /nonexistent/scenario.json » : fichier introuvable")
    );
}

#[test]
fn help_and_version() {
    let help = laclasse(&["--help"], None);
    assert_eq!(help.status.code(), Some(0));
    assert!(
        String::from_utf8(help.stdout)
            .unwrap()
            .contains("laclasse-sim report FICHIER")
    );
    let version = laclasse(&["--version"], None);
    assert!(
        String::from_utf8(version.stdout)
            .unwrap()
            .starts_with("laclasse-sim 0.")
    );
}

#[test]
fn export_writes_each_document() {
    let dir = std::env::temp_dir().join(format!("laclasse-export-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let tassin = fixture("tassin.json");
    for (doc, name, starts) in [
        ("annex1", "annexe1.xlsx", &b"PK"[..]),
        ("annex1", "annexe1.ods", &b"PK"[..]),
        ("ics", "echeances.ics", &b"BEGIN:VCALENDAR"[..]),
        ("deliberation", "deliberation.html", &b"<!doctype html>"[..]),
    ] {
        let out = dir.join(name);
        let run = laclasse(&["export", doc, &tassin, "-o", out.to_str().unwrap()], None);
        assert_eq!(
            run.status.code(),
            Some(0),
            "{doc}: {}",
            String::from_utf8_lossy(&run.stderr)
        );
        assert!(run.stdout.is_empty());
        assert!(std::fs::read(&out).unwrap().starts_with(starts), "{name}");
    }
    let ics = std::fs::read_to_string(dir.join("echeances.ics")).unwrap();
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    let refused = laclasse(
        &[
            "export",
            "annex1",
            &tassin,
            "-o",
            dir.join("x.pdf").to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("en .xlsx (Excel) ou en .ods"));
    let unknown = laclasse(&["export", "facture", &tassin, "-o", "x"], None);
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("document inconnu"));
    let no_out = laclasse(&["export", "ics", &tassin], None);
    assert!(String::from_utf8_lossy(&no_out.stderr).contains("-o SORTIE"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn export_ics_reminds_7_days_before_by_default() {
    let future = tassin_moved(200);
    let (status, ics, stderr) = export_ics(&future, &[]);
    assert_eq!(status, Some(0), "{stderr}");
    let events = ics.matches("\r\nBEGIN:VEVENT\r\n").count();
    assert!(events > 20, "{events}");
    assert_eq!(
        ics.matches("\r\nTRIGGER:-P7D\r\n").count(),
        events,
        "7 days by default"
    );
    assert!(!ics.contains("passée"));
    let (_, ics, _) = export_ics(&future, &["--rappel", "3"]);
    assert_eq!(ics.matches("\r\nTRIGGER:-P3D\r\n").count(), events);
    assert!(ics.contains("\r\nPRODID:-//laclasse-sim//laclasse-sim "));
}

#[test]
fn export_ics_marks_past_deadlines_or_leaves_them_out() {
    let past = tassin_moved(-100);
    let (status, marked, stderr) = export_ics(&past, &[]);
    assert_eq!(status, Some(0), "{stderr}");
    let events = marked.matches("\r\nBEGIN:VEVENT\r\n").count();
    assert!(events > 20, "{events}");
    assert_eq!(
        marked.matches(" (passée)\r\n").count(),
        events,
        "marked by default"
    );
    assert!(!marked.contains("VALARM"), "no reminder for the past");
    let (_, explicit, _) = export_ics(&past, &["--passees", "marquer"]);
    assert_eq!(explicit, marked);
    let (status, left_out, _) = export_ics(&past, &["--passees", "omettre"]);
    assert_eq!(status, Some(0));
    assert!(left_out.starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(!left_out.contains("BEGIN:VEVENT"));
    // Future deadlines are kept whatever the choice; the termination plan's steps still to
    // come are added as reminders (D7).
    let (_, future, _) = export_ics(&tassin_moved(200), &["--passees", "omettre"]);
    let plan = future
        .matches("\r\nSUMMARY:laclasse.com : résiliation au ")
        .count();
    assert!(plan > 0);
    assert_eq!(
        future.matches("\r\nBEGIN:VEVENT\r\n").count(),
        events + plan
    );

    // Refused before the scenario is read (from a file: nothing reads standard input).
    let out = std::env::temp_dir().join(format!("laclasse-ics-{}-refused.ics", std::process::id()));
    let tassin = fixture("tassin.json");
    let export = |options: &[&str]| {
        let mut args = vec!["export", "ics", &tassin, "-o", out.to_str().unwrap()];
        args.extend(options);
        laclasse(&args, None)
    };
    let refused = export(&["--passees", "jamais"]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(!out.exists());
    let stderr = String::from_utf8(refused.stderr).unwrap();
    assert!(
        stderr.contains("--passees jamais : choisir omettre (les échéances passées ne sont pas écrites) ou marquer"),
        "{stderr}"
    );
    let refused = export(&["--passees"]);
    assert_eq!(refused.status.code(), Some(2));
    let stderr = String::from_utf8(refused.stderr).unwrap();
    assert!(
        stderr.contains("--passees attend omettre ou marquer"),
        "{stderr}"
    );
    let help = String::from_utf8(laclasse(&["--help"], None).stdout).unwrap();
    assert!(help.contains("[--passees omettre|marquer]"));
    assert!(help.contains("--passees omettre   (calendrier)"));
}

#[test]
fn text_report_gives_the_legality_dates() {
    let mut scenario: serde_json::Value =
        serde_json::from_slice(&std::fs::read(fixture("tassin.json")).unwrap()).unwrap();
    scenario["deliberation"]["transmitted"] = "2023-11-20".into();
    let input = serde_json::to_vec(&scenario).unwrap();
    let out = laclasse(
        &["report", "-", "--format", "text", "--explain"],
        Some(&input),
    );
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("Exécutoire le lundi 20 novembre 2023  [CGCT art. L2131-1]"),
        "{text}"
    );
    assert!(
        text.contains("Déféré préfectoral (hypothèse : délai franc) : jusqu'au lundi 22 janvier 2024  [CGCT art. L2131-6]")
    );
    assert!(text.contains("« Certifié exécutoire par : transmission en préfecture le 20/11/2023, mise en ligne le 16/11/2023 »"));
    assert!(text.contains(
        "! La convention est notifiée le 16/11/2023, 4 jours avant la transmission de la délibération qui l'approuve"
    ));
    assert!(text.contains("Le 21/01/2024 est un dimanche : le délai est prorogé"));
    // Without the transmission: the enforceable date waits for it.
    let plain = laclasse(
        &["report", &fixture("tassin.json"), "--format", "text"],
        None,
    );
    let plain = String::from_utf8(plain.stdout).unwrap();
    assert!(
        plain.contains("date à compléter avec sa transmission en préfecture"),
        "{plain}"
    );
    assert!(!plain.contains("Déféré"));
}

#[test]
fn annuaire_writes_the_commune_s_scenario_or_says_why_not_and_writes_nothing() {
    let dir = std::env::temp_dir().join(format!("laclasse-annuaire-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("craponne.json");
    let out_s = out.to_str().unwrap();
    let example = concat!(env!("CARGO_MANIFEST_DIR"), "/data/annuaire-exemple.csv");
    let o = laclasse(
        &[
            "annuaire",
            example,
            "--commune",
            "Craponne",
            "--notification",
            "2025-01-15",
            "-o",
            out_s,
        ],
        None,
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let written = std::fs::read_to_string(&out).unwrap();
    let s = laclasse_sim::io::parse_str(&written).unwrap();
    let names: Vec<&str> = s.schools.iter().map(|x| x.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Ecole maternelle du Centre",
            "Ecole élémentaire du Centre",
            "Ecole primaire des Tourelles"
        ]
    );
    assert!(
        s.schools
            .iter()
            .all(|x| x.requested.to_string() == "2025-01-15" && x.admin.is_none())
    );
    assert!(
        String::from_utf8_lossy(&o.stderr)
            .contains("3 écoles de Craponne ; chaque école attend son administrateur")
    );
    // Tassin: six, « Les Tilleuls » with its warning on standard error; to standard output.
    let o = laclasse(
        &[
            "annuaire",
            example,
            "--commune",
            "69244",
            "--notification",
            "2025-01-15",
        ],
        None,
    );
    let s = laclasse_sim::io::parse_str(&String::from_utf8_lossy(&o.stdout)).unwrap();
    assert_eq!(s.schools.len(), 6);
    assert!(String::from_utf8_lossy(&o.stderr).contains("« Ecole élémentaire Les Tilleuls » (0693207L) : l'annuaire de l'éducation la dit « A FERMER »"));
    // Wrong inputs: a French message naming what is wrong, exit 2, nothing written.
    let wrong = dir.join("rien.json");
    let wrong_s = wrong.to_str().unwrap();
    let communes = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/communes-metropole-lyon.csv"
    );
    for (args, said) in [
        (
            vec![
                "annuaire",
                example,
                "--commune",
                "Grenoble",
                "--notification",
                "2025-01-15",
            ],
            "« Grenoble » n'est pas une des 58 communes de la Métropole de Lyon",
        ),
        (
            vec![
                "annuaire",
                example,
                "--commune",
                "Bron",
                "--notification",
                "2025-01-15",
            ],
            "aucune ligne de Bron (69029) dans ce fichier",
        ),
        (
            vec![
                "annuaire",
                communes,
                "--commune",
                "Bron",
                "--notification",
                "2025-01-15",
            ],
            "n'est pas un export de l'annuaire de l'éducation",
        ),
        (
            vec![
                "annuaire",
                example,
                "--commune",
                "Bron",
                "--notification",
                "15/01/2025",
            ],
            "--notification 15/01/2025 : une date AAAA-MM-JJ est attendue",
        ),
        (
            vec!["annuaire", example, "--notification", "2025-01-15"],
            "indiquer la commune avec --commune",
        ),
    ] {
        let mut args = args;
        args.extend(["-o", wrong_s]);
        let o = laclasse(&args, None);
        assert_eq!(o.status.code(), Some(2));
        assert!(
            String::from_utf8_lossy(&o.stderr).contains(said),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
        assert!(o.stdout.is_empty());
        assert!(!wrong.exists() && !dir.join("rien.json.partiel").exists());
    }
    // A spreadsheet renamed .csv.
    let xlsx = dir.join("annuaire.csv");
    std::fs::write(&xlsx, b"PK\x03\x04zzzz").unwrap();
    let o = laclasse(
        &[
            "annuaire",
            xlsx.to_str().unwrap(),
            "--commune",
            "Bron",
            "--notification",
            "2025-01-15",
            "-o",
            wrong_s,
        ],
        None,
    );
    assert!(String::from_utf8_lossy(&o.stderr).contains("classeur (.xlsx ou .ods)"));
    assert!(!wrong.exists());
    std::fs::remove_dir_all(&dir).unwrap();
}
