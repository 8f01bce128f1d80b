//! The documents a council votes and a commune sends, read back from what the command writes:
//! the draft deliberation (D6: every element of the seed's act in its order, blanks where the
//! meeting is unknown, both billing readings consistent with Art. 6, an .odt that LibreOffice
//! opens), the termination letter, the yearly list's letter and the budget sheet.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::{Value, json};

/// A fresh path: tests run in parallel, each call gets its own directory.
fn temp(name: &str) -> PathBuf {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("laclasse-delib-{}-{n}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

/// Runs `laclasse-sim export <kind> <input> <args…> -o <out>`.
fn run_export(kind: &str, input: &Path, args: &[&str], out: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_laclasse-sim"))
        .args(["export", kind])
        .arg(input)
        .args(args)
        .arg("-o")
        .arg(out)
        .output()
        .unwrap()
}

/// The same, which must succeed.
fn export_ok(kind: &str, input: &Path, args: &[&str], out: &Path) {
    let o = run_export(kind, input, args, out);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// Writes the draft of `scenario` to `out` through the command.
fn export(scenario: &Value, out: &Path) {
    let input = temp("scenario.json");
    std::fs::write(&input, serde_json::to_vec(scenario).unwrap()).unwrap();
    export_ok("deliberation", &input, &[], out);
}

/// The text of an .odt as LibreOffice reads it (`soffice --headless --convert-to txt`).
fn libreoffice_text(odt: &Path) -> String {
    let out_dir = temp("soffice");
    let converted = Command::new("soffice")
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "txt:Text",
            "--outdir",
        ])
        .arg(&out_dir)
        .arg(odt)
        // A profile of its own: tests run LibreOffice side by side.
        .env("HOME", temp("soffice-home"))
        .output()
        .expect("LibreOffice (soffice) is needed: `make test` installs it");
    assert!(converted.status.success(), "{converted:?}");
    let name = odt.with_extension("txt");
    std::fs::read_to_string(out_dir.join(name.file_name().unwrap())).unwrap()
}

fn seance() -> Value {
    serde_json::from_str(include_str!("../data/examples/tassin-seance.json")).unwrap()
}

fn text_of(scenario: &Value) -> String {
    let out = temp("draft.txt");
    export(scenario, &out);
    std::fs::read_to_string(out).unwrap()
}

/// Asserts that each of `elements` is found in `text`, each after the one before.
fn in_order(text: &str, elements: &[&str]) {
    let mut from = 0;
    for e in elements {
        match text[from..].find(e) {
            Some(at) => from += at + e.len(),
            None => panic!("« {e} » missing, or before the element that precedes it\n---\n{text}"),
        }
    }
}

#[test]
fn the_tassin_draft_holds_every_element_of_d6_in_order() {
    let text = text_of(&seance());
    in_order(
        &text,
        &[
            "N° 2023-64",
            "DÉLIBÉRATION DU CONSEIL MUNICIPAL DE TASSIN-LA-DEMI-LUNE",
            "Séance du jeudi 9 novembre 2023",
            "Le jeudi 9 novembre 2023 à 19 h 00 se sont réunis en salle du Conseil municipal",
            "sous la présidence de M. Pascal CHARMOT, Maire de Tassin-la-Demi-Lune.",
            "Date de la convocation : le vendredi 3 novembre 2023",
            "Nombre de conseillers en exercice : 35",
            "Nombre de votants : 35",
            "Conseillers présents (29) : ACQUAVIVA Caroline,",
            "Formant la majorité des membres en exercice.",
            "Conseillers absents avec pouvoir : 6 (CONTREL Nathalie donne pouvoir à ACQUAVIVA Caroline ;",
            "Conseillers absents sans pouvoir : 0",
            "Le secrétariat a été assuré par : RIO Jean-Baptiste",
            "Objet : Convention entre la Ville et la Métropole de Lyon",
            "Vu le code général des collectivités territoriales, et notamment ses articles L2121-29 et L5211-4-3 ;",
            "Vu l'avis de la Commission Solidarité, Famille, Enfance, Scolaire du lundi 16 octobre 2023 ;",
            "Considérant que dans le cadre de sa politique éducative",
            "Considérant le partenariat avec la Métropole de Lyon",
            "Compte-tenu des observations ;",
            "Le Conseil Municipal, après en avoir délibéré :",
            "1) APPROUVE la convention",
            "jointe en annexe de la présente délibération ;",
            "2) DIT que les crédits seront inscrits chaque année au budget de la Ville pour un montant de 150,00 € par an et par école utilisatrice, soit 450,00 € par an pour 3 écoles de la liste prévisionnelle (annexe 1 bis)",
            "3) AUTORISE Monsieur le Maire ou l'adjoint faisant fonction à signer",
            "4) CHARGE Monsieur le Maire de l'exécution de la présente délibération.",
            "Vote : À l'unanimité",
            "Fait et délibéré en séance le : jeudi 9 novembre 2023",
            "Certifié exécutoire par :",
            "- Transmission en préfecture du Rhône le : 16/11/2023",
            "- Mise en ligne sur le site Internet de la commune de Tassin-la-Demi-Lune le : 16/11/2023",
            "Pascal CHARMOT\nMaire de Tassin-la-Demi-Lune",
            "Jean-Baptiste RIO\nSecrétaire de séance",
            "recours contentieux auprès du Tribunal administratif de Lyon, dans un délai de deux mois à compter de sa publication, y compris par l'application Télérecours citoyens",
            "recours gracieux dans les mêmes conditions de délai",
            "un recours formé au plus tard le mercredi 17 janvier 2024 est dans les délais ; un recours gracieux formé dans ce délai le proroge",
            "Annexe : convention de mise à disposition de l'ENT « laclasse.com »",
            "La commune de Tassin-la-Demi-Lune, représentée par son Maire, M. Pascal CHARMOT, dûment habilité(e) à cet effet en vertu de la délibération n° 2023-64 en date du jeudi 9 novembre 2023",
            "6. CONDITIONS FINANCIERES",
            "8. DUREE ET RESILIATION",
            "Fait à Lyon, le …………… (date de signature)",
            "Pour la commune de Tassin-la-Demi-Lune\nMaire, Pascal CHARMOT",
            "ANNEXE 1",
            "PROCEDURE D'ADHESION ET DE RADIATION DES ECOLES",
            "ANNEXE 2",
            "EVALUATION DU COUT DE LA PLATEFORME",
            "Annexe 1 bis : liste prévisionnelle des établissements / groupes scolaires utilisateurs",
            "École élémentaire du Bourg",
            "3 × 150,00 € = 450,00 € par an",
            "Annexe 2 bis : répartition du montant inscrit selon l'annexe 2",
            "Hébergement | 17 % | 76,50 €",
            "Total | 100 % | 450,00 €",
        ],
    );
    // The school added in March 2024 is not on the list at the meeting.
    assert!(!text.contains("École primaire du Prieuré"));
}

#[test]
fn without_the_meeting_the_draft_leaves_blanks_and_never_writes_the_notification() {
    let mut v = seance();
    v["deliberation"] = json!({});
    v["convention"]["notified"] = json!("2023-12-01");
    let text = text_of(&v);
    in_order(
        &text,
        &[
            "N° ……………",
            "Séance du …………… (date de la séance)",
            "Date de la convocation : ……………",
            "Nombre de conseillers en exercice : ……………",
            "Vote : ……………",
            "Fait et délibéré en séance le : ……………",
            "Transmission en préfecture du Rhône le : …………… (date de transmission)",
            "le : …………… (date de publication)",
        ],
    );
    assert!(!text.contains("01/12/2023"), "{text}");
    assert!(!text.contains("1 décembre 2023"), "{text}");
    assert!(!text.contains("est dans les délais"));
}

#[test]
fn in_school_group_billing_the_dit_keeps_art_6_and_a_chair_is_named_as_entered() {
    let mut v = seance();
    v["convention"]["billing_unit"] = json!("school_group");
    v["deliberation"]["meeting"]["chair_title"] = json!("Maire-adjointe");
    v["deliberation"]["meeting"]["chair"] = json!("ACQUAVIVA Caroline");
    let text = text_of(&v);
    // Two schools of the GS du Bourg count as one unit: 2 units, 300 €.
    assert!(text.contains("pour un montant de 150,00 € par an et par école utilisatrice (article 6 de la convention), les écoles d'un même groupe scolaire étant comptées comme une seule unité"), "{text}");
    assert!(
        text.contains("soit 300,00 € par an pour 2 unités (groupes scolaires et écoles seules)")
    );
    assert!(!text.contains("150,00 € par groupe scolaire"));
    assert!(text.contains("3) AUTORISE la Maire-adjointe ou l'adjoint faisant fonction"));
    assert!(text.contains("Caroline ACQUAVIVA\nMaire-adjointe de Tassin-la-Demi-Lune"));
    assert!(!text.contains("Monsieur le Maire"));
}

#[test]
fn the_odt_opens_in_libreoffice_and_reads_back() {
    let odt = temp("deliberation.odt");
    export(&seance(), &odt);
    let bytes = std::fs::read(&odt).unwrap();
    // OpenDocument: a zip whose first entry is the uncompressed media type.
    assert_eq!(&bytes[..2], b"PK");
    assert_eq!(&bytes[30..38], b"mimetype");
    assert!(
        String::from_utf8_lossy(&bytes[38..80])
            .starts_with("application/vnd.oasis.opendocument.text")
    );
    let text = libreoffice_text(&odt);
    in_order(
        &text,
        &[
            "N° 2023-64",
            "Le Conseil Municipal, après en avoir délibéré :",
            "APPROUVE",
            "DIT",
            "AUTORISE",
            "CHARGE",
            "Vote : À l'unanimité",
            "Certifié exécutoire par :",
            "Télérecours citoyens",
            "Annexe 1 bis : liste prévisionnelle",
            "École élémentaire du Bourg",
            "Annexe 2 bis",
        ],
    );
}

#[test]
fn the_termination_letter_is_written_by_the_command_and_reads_back_in_libreoffice() {
    let input = temp("tassin.json");
    std::fs::write(&input, include_str!("../data/examples/tassin.json")).unwrap();
    let odt = temp("lettre.odt");
    export_ok("resiliation", &input, &["--date", "2025-06-01"], &odt);
    let text = libreoffice_text(&odt);
    in_order(
        &text,
        &[
            "Lettre recommandée avec accusé de réception",
            "Tassin-la-Demi-Lune, le dimanche 1er juin 2025",
            "Objet : dénonciation de la convention",
            "avec effet au dimanche 16 novembre 2025, date anniversaire",
            "au plus tard le samedi 16 août 2025",
            "reçue au plus tard le jeudi 14 août 2025",
            "À défaut, la dénonciation vaudra pour la date anniversaire suivante",
            "seront supprimés le dimanche 16 novembre 2025",
            "année de convention n° 2 (du samedi 16 novembre 2024 au samedi 15 novembre 2025)",
            "Maire de Tassin-la-Demi-Lune",
        ],
    );
    // An anniversary that is none is refused with a French message naming it.
    let bad = run_export(
        "resiliation",
        &input,
        &["--anniversaire", "2025-11-17"],
        &temp("x.odt"),
    );
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&bad.stderr).contains("le 17/11/2025 n'est pas un anniversaire")
    );
}

#[test]
fn the_yearly_list_letter_and_the_budget_sheet_are_written_by_the_command_and_read_back() {
    let input = temp("tassin.json");
    std::fs::write(&input, include_str!("../data/examples/tassin.json")).unwrap();
    // The list letter, in LibreOffice: every change since the previous list.
    let odt = temp("liste.odt");
    export_ok("liste", &input, &["--date", "2025-03-01"], &odt);
    let text = libreoffice_text(&odt);
    in_order(
        &text,
        &[
            "Tassin-la-Demi-Lune, le samedi 1er mars 2025",
            "Objet : modifications de la liste des écoles utilisatrices",
            "« toute demande devra être adressée par courrier signé de la commune »",
            "depuis le 20/06/2024",
            "Ajouts d'établissements :",
            "Radiations :",
            "École élémentaire des Cerisiers",
            "Changements de responsable (nouvel administrateur) :",
            "Maire de Tassin-la-Demi-Lune",
        ],
    );

    // The budget CSV, read back as a spreadsheet would: each exercice's titles add up to its
    // total, under both readings.
    let csv_path = temp("budget.csv");
    export_ok("budget", &input, &[], &csv_path);
    let bytes = std::fs::read(&csv_path).unwrap();
    assert!(bytes.starts_with("\u{feff}".as_bytes()));
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(&bytes[3..]);
    let euros = |s: &str| -> i64 {
        let (e, c) = s.split_once(',').unwrap();
        e.replace(['\u{202f}', ' '], "").parse::<i64>().unwrap() * 100 + c.parse::<i64>().unwrap()
    };
    let mut sums: std::collections::BTreeMap<(String, String), i64> = Default::default();
    let mut totals = 0;
    for record in reader.records() {
        let r = record.unwrap();
        let key = (r[0].to_string(), r[1].to_string());
        if r[4].starts_with("Total de l'exercice") {
            assert_eq!(sums.remove(&key).unwrap_or(0), euros(&r[6]), "{key:?}");
            totals += 1;
        } else {
            *sums.entry(key).or_default() += euros(&r[6]);
        }
    }
    // 2023 to 2027 (the horizon), under the two readings.
    assert_eq!(totals, 10);
    assert!(sums.is_empty());
}

#[test]
fn the_example_documents_in_docs_are_current() {
    let seance = temp("tassin-seance.json");
    std::fs::write(&seance, include_str!("../data/examples/tassin-seance.json")).unwrap();
    for (args, name) in [
        (vec!["deliberation"], "deliberation-tassin.txt"),
        (
            vec!["resiliation", "--date", "2025-06-01"],
            "lettre-resiliation-tassin.txt",
        ),
        (
            vec!["liste", "--date", "2025-03-01"],
            "lettre-liste-tassin.txt",
        ),
        (vec!["budget"], "budget-tassin.csv"),
    ] {
        let out = temp(name);
        let o = run_export(args[0], &seance, &args[1..], &out);
        assert_eq!(o.status.code(), Some(0));
        let shown = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("docs/examples")
                .join(name),
        )
        .unwrap();
        assert_eq!(
            std::fs::read_to_string(out).unwrap(),
            shown,
            "docs/examples/{name} is outdated: run `make docs-examples`"
        );
    }
}
