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

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
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
    assert_eq!(v["appeal_deadline"], "2024-01-16");
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
    assert!(text.contains(
        "lettre reçue au plus tard le 16/08/2025 — un samedi : la lettre doit arriver avant"
    ));
    assert!(text.contains("jusqu'au mardi 16 janvier 2024"));
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
        text.contains("16/11/2025 − 3 mois = 16/08/2025, un samedi : la lettre doit arriver avant")
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
