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
            "M./Mme Jean-Baptiste RIO a été désigné(e) secrétaire de séance (CGCT L2121-15).",
            "Objet : Convention entre la Ville et la Métropole de Lyon",
            "Vu le code général des collectivités territoriales, et notamment ses articles L2121-29, L3611-4, L3633-3 et L5211-4-3 ;",
            "Vu l'avis de la Commission Solidarité, Famille, Enfance, Scolaire du lundi 16 octobre 2023 ;",
            "Considérant que dans le cadre de sa politique éducative",
            "Considérant le partenariat avec la Métropole de Lyon",
            "Compte-tenu des observations ;",
            "Le Conseil Municipal, après en avoir délibéré :",
            "1) APPROUVE la convention",
            "jointe en annexe de la présente délibération ;",
            "2) DIT que les crédits seront inscrits chaque année au budget de la Ville pour un montant de 150,00 € par an et par école utilisatrice, soit 450,00 € par an pour 3 écoles de la liste prévisionnelle (annexe 1 bis)",
            "3) AUTORISE Monsieur le Maire à signer la convention et toute pièce relative à cette affaire ;",
            "4) CHARGE Monsieur le Maire de l'exécution de la présente délibération.",
            "Vote : À l'unanimité",
            "Fait et délibéré en séance le : jeudi 9 novembre 2023",
            "Certifié exécutoire par :",
            "- Transmission en préfecture du Rhône le : 16/11/2023",
            "- Mise en ligne sur le site Internet de la commune de Tassin-la-Demi-Lune le : 16/11/2023",
            "Pascal CHARMOT\nLe Maire de Tassin-la-Demi-Lune",
            "Jean-Baptiste RIO\nSecrétaire de séance",
            "recours contentieux auprès du Tribunal administratif de Lyon dans un délai de deux mois à compter de sa publication, y compris par l'application Télérecours citoyens",
            "recours gracieux auprès de la commune dans le même délai ; ce recours interrompt le délai de recours contentieux, qui court à nouveau à compter de la réponse, le silence gardé pendant deux mois valant rejet.",
            "Annexe : convention de mise à disposition de l'ENT « laclasse.com »",
            "La commune de Tassin-la-Demi-Lune, représentée par son Maire, M. Pascal CHARMOT, dûment habilité(e) à cet effet en vertu de la délibération n° 2023-64 en date du jeudi 9 novembre 2023",
            "6. CONDITIONS FINANCIERES",
            "8. DUREE ET RESILIATION",
            "Fait à Lyon, le …………… (date de signature)",
            "Pour la commune de Tassin-la-Demi-Lune\nLe Maire, Pascal CHARMOT",
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
    // No computed appeal date, no « proroge », no working note inside the act.
    for absent in [
        "17 janvier 2024",
        "proroge",
        "à retirer",
        "Hypothèse :",
        "(hypothèse",
        "ou affich",
    ] {
        assert!(!text.contains(absent), "« {absent} » in the act:\n{text}");
    }
}

/// The draft of the seed's meeting changed by `edit`.
fn draft_with(edit: impl FnOnce(&mut Value)) -> String {
    let mut v = seance();
    edit(&mut v);
    text_of(&v)
}

#[test]
fn a_rejected_vote_gives_an_act_that_rejects() {
    let text = draft_with(|v| {
        v["deliberation"]["meeting"]["vote"] =
            json!({ "for": 10, "against": 11, "abstentions": 14 });
    });
    in_order(
        &text,
        &[
            "Le Conseil Municipal, après en avoir délibéré :",
            "1) REJETTE la proposition d'approuver la convention",
            "Vote : 10 voix pour, 11 voix contre, 14 abstentions",
        ],
    );
    for absent in ["APPROUVE", "AUTORISE", "DIT que", "CHARGE", "Annexe 1 bis"] {
        assert!(!text.contains(absent), "« {absent} » in:\n{text}");
    }
}

#[test]
fn a_tie_is_rejected_in_a_secret_ballot_decided_by_the_chair_or_left_blank() {
    let tie = json!({ "for": 17, "against": 17, "abstentions": 1 });
    let secret = draft_with(|v| {
        v["deliberation"]["meeting"]["vote"] = tie.clone();
        v["deliberation"]["meeting"]["secret_ballot"] = json!(true);
        v["deliberation"]["meeting"]["chair_vote"] = json!("for");
    });
    assert!(secret.contains("1) REJETTE la proposition"), "{secret}");
    assert!(secret.contains(
        "au scrutin secret ; partage égal des voix au scrutin secret : la proposition est rejetée"
    ));
    let chair_for = draft_with(|v| {
        v["deliberation"]["meeting"]["vote"] = tie.clone();
        v["deliberation"]["meeting"]["chair_vote"] = json!("for");
    });
    assert!(
        chair_for.contains("1) APPROUVE la convention"),
        "{chair_for}"
    );
    assert!(
        chair_for
            .contains("partage égal des voix, le président ayant voté pour : sa voix est prépondérante (CGCT L2121-20)")
    );
    let chair_abstains = draft_with(|v| {
        v["deliberation"]["meeting"]["vote"] = tie.clone();
        v["deliberation"]["meeting"]["chair_vote"] = json!("abstention");
    });
    assert!(chair_abstains.contains("1) REJETTE"));
    let unknown = draft_with(|v| {
        v["deliberation"]["meeting"]["vote"] = tie.clone();
    });
    assert!(unknown.contains("Le Conseil Municipal, après en avoir délibéré : …………… (ADOPTE ou REJETTE, selon le vote) la proposition suivante :"), "{unknown}");
    assert!(
        unknown.contains(
            "; partage égal des voix, voix prépondérante du président : …………… (vote du président)"
        ),
        "{unknown}"
    );
    for absent in ["APPROUVE", "AUTORISE", "REJETTE la"] {
        assert!(!unknown.contains(absent), "« {absent} » in:\n{unknown}");
    }
}

#[test]
fn without_quorum_the_council_cannot_deliberate_and_a_second_convocation_says_so() {
    let present: Vec<String> = seance()["deliberation"]["meeting"]["present"]
        .as_array()
        .unwrap()
        .iter()
        .take(12)
        .map(|p| p.as_str().unwrap().to_string())
        .collect();
    let without = draft_with(|v| {
        v["deliberation"]["meeting"]["present"] = json!(present.clone());
        v["deliberation"]["meeting"]["proxies"] = json!([]);
        v["deliberation"]["meeting"]["secretary"] = json!(present[0].clone());
        v["deliberation"]["meeting"]["vote"] = json!({ "for": 12 });
    });
    assert!(without.contains("Le quorum n'étant pas atteint (12 présents pour 18 requis), le conseil municipal ne peut délibérer."), "{without}");
    for absent in [
        "après en avoir délibéré",
        "APPROUVE",
        "Vote :",
        "Certifié exécutoire",
    ] {
        assert!(!without.contains(absent), "« {absent} » in:\n{without}");
    }
    let second = draft_with(|v| {
        let m = &mut v["deliberation"]["meeting"];
        m["present"] = json!(present.clone());
        m["proxies"] = json!([]);
        m["secretary"] = json!(present[0].clone());
        m["vote"] = json!({ "for": 12 });
        m["second_convocation"] = json!(true);
        m["quorum_failed_on"] = json!("2023-10-26");
    });
    in_order(
        &second,
        &[
            "Date de la convocation : le vendredi 3 novembre 2023",
            "Le quorum n'ayant pas été atteint lors de la séance du jeudi 26 octobre 2023, le conseil municipal a été convoqué à nouveau à trois jours au moins d'intervalle ; il délibère valablement sans condition de quorum (CGCT L2121-17).",
            "Le Conseil Municipal, après en avoir délibéré :",
            "1) APPROUVE",
        ],
    );
    assert!(!second.contains("Formant la majorité"));
}

#[test]
fn an_urgent_convocation_is_stated_in_the_header() {
    let text = draft_with(|v| {
        let m = &mut v["deliberation"]["meeting"];
        m["convened"] = json!("2023-11-07");
        m["urgency"] = json!(true);
        m["urgency_reason"] = json!("signature demandée par la Métropole avant le 15 novembre");
    });
    assert!(text.contains("Convocation adressée en urgence (CGCT L2121-12), au motif suivant : signature demandée par la Métropole avant le 15 novembre. À l'ouverture de la séance, le Maire a rendu compte de l'urgence ; le conseil municipal s'est prononcé sur celle-ci : …………… (décision du conseil sur l'urgence)."), "{text}");
}

#[test]
fn when_an_adjointe_chairs_the_mayor_is_still_the_executive() {
    let text = draft_with(|v| {
        let d = &mut v["deliberation"];
        d["meeting"]["chair"] = json!("ACQUAVIVA Caroline");
        d["meeting"]["chair_title"] = json!("Madame la Maire-adjointe");
        d["mayor"] = json!({ "name": "CHARMOT Pascal", "title": "Monsieur le Maire" });
    });
    in_order(
        &text,
        &[
            // The Maire is among the present: the act does not say he was absent (the checks
            // flag that he should preside).
            "sous la présidence de Mme Caroline ACQUAVIVA, Maire-adjointe de Tassin-la-Demi-Lune.",
            "3) AUTORISE Monsieur le Maire à signer",
            "4) CHARGE Monsieur le Maire de l'exécution",
            "Pascal CHARMOT\nLe Maire de Tassin-la-Demi-Lune",
            "représentée par son Maire, M. Pascal CHARMOT",
        ],
    );
    assert!(
        !text.contains("AUTORISE Madame la Maire-adjointe"),
        "{text}"
    );
    // No mayor entered and an adjointe chairs: « le Maire », unnamed, a blank to sign.
    let unnamed = draft_with(|v| {
        v["deliberation"]["meeting"]["chair"] = json!("ACQUAVIVA Caroline");
        v["deliberation"]["meeting"]["chair_title"] = json!("Maire-adjointe");
    });
    assert!(
        unnamed.contains("3) AUTORISE le Maire à signer"),
        "{unnamed}"
    );
    assert!(unnamed.contains("……………\nLe Maire de Tassin-la-Demi-Lune"));
}

#[test]
fn publicity_follows_the_population() {
    let small = draft_with(|v| {
        v["deliberation"]["meeting"]["population"] = json!(2_800);
    });
    assert!(small.contains("- Publication par …………… (affichage, publication papier ou mise en ligne, selon le mode choisi par le conseil municipal ; à défaut de choix, mise en ligne, CGCT L2131-1 IV) le : 16/11/2023"), "{small}");
    let large = text_of(&seance());
    assert!(large.contains(
        "- Mise en ligne sur le site Internet de la commune de Tassin-la-Demi-Lune le : 16/11/2023"
    ));
    assert!(!large.contains("affich"));
}

#[test]
fn the_preparation_sheet_holds_the_actes_data_and_the_working_notes() {
    let input = temp("seance.json");
    std::fs::write(&input, include_str!("../data/examples/tassin-seance.json")).unwrap();
    let out = temp("fiche.txt");
    export_ok("fiche", &input, &[], &out);
    let text = std::fs::read_to_string(out).unwrap();
    in_order(
        &text,
        &[
            "Cette fiche ne fait pas partie de l'acte",
            "Nature de l'acte : 1 — Délibérations",
            "Matière suggérée : 8.1 — Enseignement (ou 1.4 — Autres types de contrats",
            "Numéro de l'acte : 2023_64 (« 2023-64 » écrit comme @ctes l'accepte",
            "Objet (une ligne, 499 caractères au plus) : Convention entre la Ville",
            "Date de décision : 09/11/2023 (2023-11-09)",
            "Hypothèse : la liste prévisionnelle (annexe 1 bis)",
            "Liste des délibérations examinées à afficher et mettre en ligne au plus tard le jeudi 16 novembre 2023",
        ],
    );
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
    assert!(text.contains("3) AUTORISE le Maire à signer"), "{text}");
    assert!(text.contains(
        "sous la présidence de Mme Caroline ACQUAVIVA, Maire-adjointe de Tassin-la-Demi-Lune, remplaçant le Maire absent ou empêché (CGCT L2122-17)."
    ));
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
            "Tassin-la-Demi-Lune, le lundi 2 juin 2025",
            "Objet : dénonciation de la convention",
            "en application de la délibération du conseil municipal n° …………… (numéro) du …………… (date).",
            "prend effet à la date anniversaire du dimanche 16 novembre 2025, moyennant le préavis de trois mois ; à défaut, à la date anniversaire suivante, le lundi 16 novembre 2026.",
            "la présente lettre étant reçue dans le délai",
            "seront supprimés le dimanche 16 novembre 2025",
            "année de convention n° 2 (du samedi 16 novembre 2024 au samedi 15 novembre 2025)",
            "Le Maire de Tassin-la-Demi-Lune",
        ],
    );
    assert!(
        !text.contains("faisant foi") && !text.contains("prudente"),
        "{text}"
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

#[test]
fn a_rejected_act_and_the_preparation_sheet_open_in_libreoffice() {
    let mut v = seance();
    v["deliberation"]["meeting"]["vote"] = json!({ "for": 10, "against": 11, "abstentions": 14 });
    let odt = temp("rejet.odt");
    export(&v, &odt);
    let text = libreoffice_text(&odt);
    in_order(
        &text,
        &[
            "Le Conseil Municipal, après en avoir délibéré :",
            "REJETTE la proposition d'approuver la convention",
            "Vote : 10 voix pour, 11 voix contre, 14 abstentions",
        ],
    );
    assert!(
        !text.contains("APPROUVE") && !text.contains("AUTORISE"),
        "{text}"
    );
    let input = temp("seance.json");
    std::fs::write(&input, include_str!("../data/examples/tassin-seance.json")).unwrap();
    let sheet = temp("fiche.odt");
    export_ok("fiche", &input, &[], &sheet);
    let text = libreoffice_text(&sheet);
    in_order(
        &text,
        &[
            "Cette fiche ne fait pas partie de l'acte",
            "Nature de l'acte : 1 — Délibérations",
            "Numéro de l'acte : 2023_64",
        ],
    );
}

#[test]
fn the_act_records_what_the_council_did_and_only_that() {
    // Without quorum: a record that the council could not deliberate — no number, no votants.
    let present: Vec<Value> = seance()["deliberation"]["meeting"]["present"]
        .as_array()
        .unwrap()[..17]
        .to_vec();
    let carence = draft_with(|v| {
        let m = &mut v["deliberation"]["meeting"];
        m["secretary"] = present[0].clone();
        m["chair"] = present[1].clone();
        m["present"] = Value::Array(present.clone());
        m["proxies"] = json!([]);
        m["vote"] = json!({ "for": 17 });
    });
    assert!(carence.starts_with("RÉPUBLIQUE FRANÇAISE\nMétropole de Lyon\nCommune de Tassin-la-Demi-Lune\n\nConstat : le conseil municipal n'a pas pu délibérer (quorum non atteint)\n\nCONSEIL MUNICIPAL DE TASSIN-LA-DEMI-LUNE"), "{carence}");
    assert!(
        !carence.contains("Extrait du registre") && !carence.contains("Rapporteur"),
        "{carence}"
    );
    for absent in ["N° 2023-64", "Nombre de votants", "Vote :"] {
        assert!(!carence.contains(absent), "« {absent} » in:\n{carence}");
    }
    // Rejected: the proposal's reasons are not kept as the council's.
    let rejected = draft_with(|v| {
        v["deliberation"]["meeting"]["vote"] =
            json!({ "for": 10, "against": 11, "abstentions": 14 });
    });
    assert!(rejected.contains("Considérant la proposition de conclure avec la Métropole de Lyon"));
    assert!(!rejected.contains("qui présente un intérêt financier et opérationnel"));
    // Proxies as D4 read them: a holder's second one and one to an absent holder are not
    // retained, a giver present is no absent; the holder written as the list writes him.
    let proxies = draft_with(|v| {
        let m = &mut v["deliberation"]["meeting"];
        m["proxies"][1]["holder"] = json!("ACQUAVIVA Caroline");
        m["proxies"]
            .as_array_mut()
            .unwrap()
            .push(json!({ "giver": "BERGERET Pierre", "holder": "RIO Jean-Baptiste" }));
        m["vote"] = json!({ "for": 34 });
    });
    assert!(proxies.contains("Conseillers absents avec pouvoir : 5 (CONTREL Nathalie donne pouvoir à ACQUAVIVA Caroline ; DE UFFREDI Sabrina"), "{proxies}");
    assert!(proxies.contains("Conseillers absents sans pouvoir : 1 (CUZIN Sandrine (pouvoir à ACQUAVIVA Caroline non retenu : second pouvoir du même porteur))"), "{proxies}");
    assert!(!proxies.contains("BERGERET Pierre donne pouvoir"));
    let seed = text_of(&seance());
    assert!(seed.contains("CUZIN Sandrine donne pouvoir à KALITA Matthieu"));
    // Counts that do not make the votants are not written as the council's vote.
    let wrong = draft_with(|v| {
        v["deliberation"]["meeting"]["vote"] = json!({ "for": 30 });
    });
    assert!(
        wrong.contains("Vote : …………… (décompte des voix à corriger : pour, contre, abstentions)"),
        "{wrong}"
    );
    assert!(!wrong.contains("30 voix pour"));
}

#[test]
fn the_letter_leaves_the_working_day_after_the_act_it_cites() {
    let mut v: Value = serde_json::from_str(include_str!("../data/examples/tassin.json")).unwrap();
    v["termination_deliberation"] = json!({ "number": "2025-40", "date": "2025-06-10" });
    let input = temp("tassin.json");
    std::fs::write(&input, serde_json::to_vec(&v).unwrap()).unwrap();
    let out = temp("lettre.txt");
    export_ok("resiliation", &input, &["--date", "2025-06-01"], &out);
    let text = std::fs::read_to_string(out).unwrap();
    assert!(
        text.contains("Tassin-la-Demi-Lune, le mercredi 11 juin 2025"),
        "{text}"
    );
    assert!(text.contains("n° 2025-40 du mardi 10 juin 2025"));
}

#[test]
fn a_letter_leaving_after_its_send_by_day_is_warned_on_standard_error_never_in_the_letter() {
    let mut v: Value = serde_json::from_str(include_str!("../data/examples/tassin.json")).unwrap();
    let input = temp("tassin.json");
    std::fs::write(&input, serde_json::to_vec(&v).unwrap()).unwrap();
    // Sent on Monday 11 August 2025, the send-by day for 16 November 2025: no warning.
    let out = temp("lettre.txt");
    let o = run_export("resiliation", &input, &["--date", "2025-08-11"], &out);
    assert_eq!(o.status.code(), Some(0));
    assert!(
        o.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    // The next day: written, with a warning on standard error that names both days.
    let o = run_export("resiliation", &input, &["--date", "2025-08-12"], &out);
    assert_eq!(o.status.code(), Some(0));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("attention : La lettre devait partir au plus tard le lundi 11/08/2025")
            && err.contains("après le jeudi 14/08/2025"),
        "{err}"
    );
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(
        text.contains("le mardi 12 août 2025") && !text.contains("risque"),
        "{text}"
    );
    // An act adopted on the send-by day: the letter leaves the next working day, too late.
    v["termination_deliberation"] = json!({ "number": "2025-40", "date": "2025-08-11" });
    std::fs::write(&input, serde_json::to_vec(&v).unwrap()).unwrap();
    let o = run_export("resiliation", &input, &["--date", "2025-08-11"], &out);
    assert!(String::from_utf8_lossy(&o.stderr).contains("au plus tard le lundi 11/08/2025"));
}

#[test]
fn without_quorum_the_preparation_sheet_has_no_act_to_transmit() {
    let mut v = seance();
    let present: Vec<Value> =
        v["deliberation"]["meeting"]["present"].as_array().unwrap()[..17].to_vec();
    let m = &mut v["deliberation"]["meeting"];
    m["secretary"] = present[0].clone();
    m["chair"] = present[1].clone();
    m["present"] = Value::Array(present);
    m["proxies"] = json!([]);
    let input = temp("seance.json");
    std::fs::write(&input, serde_json::to_vec(&v).unwrap()).unwrap();
    let out = temp("fiche.txt");
    export_ok("fiche", &input, &[], &out);
    let text = std::fs::read_to_string(out).unwrap();
    assert!(
        text.contains("Pas d'acte à transmettre : faute de quorum"),
        "{text}"
    );
    assert!(!text.contains("Numéro de l'acte"), "{text}");
}

#[test]
fn the_draft_has_the_register_s_heading_a_rapporteur_and_an_exposé_bordered_tables_and_a_certification_kept_together()
 {
    // Unknown: blanks to fill, said as such.
    let blank = draft_with(|_| {});
    in_order(
        &blank,
        &[
            "RÉPUBLIQUE FRANÇAISE\nMétropole de Lyon\nCommune de Tassin-la-Demi-Lune\nExtrait du registre des délibérations du conseil municipal — projet, sans valeur d'acte avant la séance",
            "Objet : ",
            "Rapporteur : …………… (nom du rapporteur)",
            "Exposé : …………… (exposé du rapporteur)",
            "Vu le code général des collectivités territoriales",
        ],
    );
    // Given: written as given, the rapporteur's name as the act writes names.
    let given = draft_with(|v| {
        v["deliberation"]["rapporteur"] = json!("DUPONT Marie");
        v["deliberation"]["expose"] =
            json!("La Métropole met l'ENT laclasse.com à la disposition des écoles publiques.");
    });
    assert!(given.contains("Rapporteur : Marie DUPONT"), "{given}");
    assert!(given.contains(
        "Exposé : La Métropole met l'ENT laclasse.com à la disposition des écoles publiques."
    ));
    // Rejected: the rapporteur stays, the exposé (the proposal's reasons) does not.
    let rejected = draft_with(|v| {
        v["deliberation"]["rapporteur"] = json!("DUPONT Marie");
        v["deliberation"]["expose"] = json!("Des raisons.");
        v["deliberation"]["meeting"]["vote"] =
            json!({ "for": 10, "against": 11, "abstentions": 14 });
    });
    assert!(rejected.contains("Rapporteur : Marie DUPONT") && !rejected.contains("Des raisons."));
    // The .odt: every table cell bordered; « Certifié exécutoire » kept with its dates.
    let scenario = io::parse_str(&seance().to_string()).unwrap();
    let sim = engine::simulate(&scenario);
    let odt = io::exports::deliberation::document(&scenario, &sim)
        .to_odt()
        .unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(odt)).unwrap();
    let mut content = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("content.xml").unwrap(), &mut content).unwrap();
    assert!(content.contains(r#"<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:border="0.5pt solid #000000""#));
    let cells = content.matches("<table:table-cell ").count();
    assert!(cells > 0);
    assert_eq!(
        content
            .matches(r#"<table:table-cell table:style-name="Cell""#)
            .count(),
        cells
    );
    assert!(
        content.contains(r#"<text:p text:style-name="Keep">Certifié exécutoire par :</text:p>"#),
        "{content}"
    );
    assert!(content.contains(r#"fo:keep-with-next="always""#));
    let html = io::exports::deliberation::document(&scenario, &sim).to_html();
    assert!(html.contains("<div class=\"keep\">\n<p>Certifié exécutoire par :</p>"));
}

#[test]
fn the_avenant_s_draft_opens_in_libreoffice_and_reads_back() {
    let input =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tassin-avenant-165.json");
    let odt = temp("avenant.odt");
    export_ok("avenant", &input, &[], &odt);
    let text = libreoffice_text(&odt);
    in_order(
        &text,
        &[
            "Extrait du registre des délibérations du conseil municipal",
            "Objet : Avenant à la convention avec la Métropole de Lyon",
            "Vu le projet d'avenant annexé",
            "Considérant que l'article 6 de la convention fixe une redevance forfaitaire de 150,00 €",
            "ADOPTE ou REJETTE, selon le vote",
            "approuver l'avenant n° ",
            "modifiant le montant de la redevance prévu à l'article 6, porté à 165,00 € par an et par école utilisatrice à compter de sa signature, et au plus tôt le mercredi 1er janvier 2025",
            "dire que les crédits seront inscrits chaque année au budget de la Ville pour un montant de 165,00 €",
            "Certifié exécutoire par",
            "Annexe : projet d'avenant",
            "Note de travail, hors de l'acte",
        ],
    );
    // With the L2122-22 4° delegation, the mayor's décision, as LibreOffice reads it.
    let mut v: Value = serde_json::from_str(&std::fs::read_to_string(&input).unwrap()).unwrap();
    v["termination_delegation"] = json!(true);
    let scenario = temp("avenant-delegation.json");
    std::fs::write(&scenario, v.to_string()).unwrap();
    let odt = temp("avenant-decision.odt");
    export_ok("avenant", &scenario, &["--numero", "1"], &odt);
    in_order(
        &libreoffice_text(&odt),
        &[
            "Décision du Maire de Tassin-la-Demi-Lune",
            "L2122-22 4° et L2122-23",
            "Vu les crédits inscrits au budget",
            "DÉCIDE :",
            "d'approuver l'avenant n° ",
            "rendu compte de la présente décision au conseil municipal",
        ],
    );
}
