//! Broken scenarios are refused cleanly: exit 2, nothing on standard output, French messages
//! on standard error that name the field, never a panic.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

fn refuse(name: &str) -> String {
    let path = format!("{}/tests/bad/{name}", env!("CARGO_MANIFEST_DIR"));
    let out = Command::new(env!("CARGO_BIN_EXE_laclasse-sim"))
        .args(["report", &path])
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "{name}: {stderr}");
    assert!(out.stdout.is_empty(), "{name}: something on stdout");
    assert!(!stderr.contains("panicked"), "{name}: {stderr}");
    stderr
}

#[test]
fn each_broken_scenario_gets_its_message() {
    let cases: &[(&str, &str)] = &[
        (
            "impossible-date.json",
            "schools[0].requested — Demande reçue le (école 1) : \"2023-02-30\" n'est pas une date valide",
        ),
        (
            "missing-notified.json",
            "convention.notified — Notification de la convention : champ obligatoire",
        ),
        (
            "missing-convention.json",
            "convention — Convention : champ obligatoire",
        ),
        (
            "wrong-type-schools.json",
            "schools — Écoles : une liste d'écoles est attendue, pas un objet",
        ),
        (
            "wrong-type-storage.json",
            "schools[0].storage_gb — Stockage utilisé (Go) (école 1) : un nombre de Go est attendu, pas un booléen",
        ),
        (
            "negative-fee.json",
            "convention.annual_fee_eur — Redevance annuelle par unité (€) : \"-150\" : le montant doit être supérieur à zéro",
        ),
        (
            "over-precise-fee.json",
            "convention.annual_fee_eur — Redevance annuelle par unité (€) : \"150.125\" : un montant a au plus 2 décimales",
        ),
        (
            "unknown-level.json",
            "schools[0].level — Niveau (école 1) : \"cp\" n'est pas un niveau reconnu",
        ),
        (
            "unknown-billing-unit.json",
            "convention.billing_unit — Unité de facturation : \"classe\" n'est pas une unité de facturation reconnue",
        ),
        (
            "unknown-format.json",
            "format — Format du fichier : \"laclasse-sim/9\" n'est pas un format reconnu",
        ),
        ("truncated.json", "tronqué"),
        ("schools.csv", "ressemble à un tableau (CSV)"),
        (
            "negative-storage.json",
            "schools[0].storage_gb — Stockage utilisé (Go) (école 1) : le stockage utilisé est un nombre de Go positif ou nul",
        ),
        (
            "termination-before-notification.json",
            "convention.termination_received — Lettre de résiliation reçue le : la lettre de résiliation ne peut pas être reçue",
        ),
        ("array-root.json", "le fichier doit contenir un objet JSON"),
        ("empty.json", "le fichier est vide"),
        ("binary.json", "n'est pas un texte UTF-8"),
        (
            "huge-horizon.json",
            "horizon_until — Horizon de la simulation : l'horizon ne peut pas dépasser 100 ans",
        ),
        (
            "date-out-of-range.json",
            "convention.notified — Notification de la convention : \"2400-02-29\" est hors des années prises en charge : une date va du 01/01/1900 au 31/12/2300",
        ),
        (
            "terminal-escape.json",
            "commune.name — Nom de la commune : le texte contient un caractère de contrôle (U+001B), qui n'est pas accepté dans ce champ d'une ligne",
        ),
        (
            "control-character.json",
            "schools[0].admin.last_name — Administrateur : nom (école 1) : le texte contient un caractère de contrôle (U+0001)",
        ),
        (
            "line-break.json",
            "commune.name — Nom de la commune : le texte contient un saut de ligne",
        ),
        (
            "text-too-long.json",
            "schools[0].name — Nom de l'école (école 1) : le texte fait 32768 caractères ; un champ en compte au plus 500",
        ),
        (
            "fee-with-escape.json",
            "convention.annual_fee_eur — Redevance annuelle par unité (€) : \"1\u{fffd}[2J50\"",
        ),
        (
            "admin-wrong-type.json",
            "schools[0].admin.email — Administrateur : e-mail (école 1) : un texte est attendu, pas un nombre",
        ),
    ];
    let dir = format!("{}/tests/bad", env!("CARGO_MANIFEST_DIR"));
    let files = std::fs::read_dir(&dir).unwrap().count();
    assert_eq!(files, cases.len(), "every file of tests/bad has its case");
    for (file, message) in cases {
        let stderr = refuse(file);
        assert!(stderr.contains(message), "{file}: {stderr}");
        // What was refused never reaches the terminal raw.
        assert!(
            !stderr.contains('\u{1b}'),
            "{file}: an escape sequence reached stderr"
        );
    }
}
