//! Each key of the scenario format is written once, in `io::schema` (crates/io/src/schema.rs):
//! no other code outside tests writes it, alone (`"annual_fee_eur"`) or in a path
//! (`"convention.annual_fee_eur"`), where the compiler could not check it.

#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use laclasse_sim::io::schema::{
    ADMIN_KEY, CONTACTS_KEY, FORMAT_KEY, Field, Flag, PROXY_GIVER_KEY, PROXY_HOLDER_KEY,
    SCHOOLS_KEY, SchoolField,
};

/// `text` without its comments and without the items under `#[cfg(test)]` (a module, a
/// function or a `use`, wherever they stand).
fn code_of(text: &str) -> String {
    let mut code = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("#[cfg(test)]") {
        code.push_str(&rest[..at]);
        let after = &rest[at..];
        // The item ends at the `;` of a `use` or at the brace closing its body.
        let body = after.find(['{', ';']).unwrap_or(after.len());
        if after.as_bytes().get(body) == Some(&b';') {
            rest = &after[body + 1..];
            continue;
        }
        let mut depth = 0usize;
        let mut end = after.len();
        let mut in_string = false;
        let mut prev = ' ';
        for (i, c) in after[body..].char_indices() {
            match c {
                '"' if prev != '\\' => in_string = !in_string,
                '{' if !in_string => depth += 1,
                '}' if !in_string => {
                    depth -= 1;
                    if depth == 0 {
                        end = body + i + 1;
                        break;
                    }
                }
                _ => {}
            }
            prev = c;
        }
        rest = &after[end..];
    }
    code.push_str(rest);
    // Comments: from `//` outside a string to the end of the line.
    code.lines()
        .map(|line| {
            let mut in_string = false;
            let mut prev = ' ';
            for (i, c) in line.char_indices() {
                if c == '"' && prev != '\\' {
                    in_string = !in_string;
                } else if c == '/' && prev == '/' && !in_string {
                    return &line[..i - 1];
                }
                prev = c;
            }
            line
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The code of every `.rs` file under `dir`, by path.
fn code_under(dir: &Path, out: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            code_under(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap();
            out.push((path.display().to_string(), code_of(&text)));
        }
    }
}

fn sources() -> Vec<(String, String)> {
    let mut files = Vec::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for dir in [
        "src",
        "crates/engine/src",
        "crates/io/src",
        "crates/web/src",
    ] {
        code_under(&root.join(dir), &mut files);
    }
    assert!(files.len() > 80, "the sources are found");
    files
}

/// Every key and every path of the format, from the schema itself.
fn keys_and_paths() -> (Vec<String>, Vec<String>) {
    let mut keys: Vec<String> = [
        FORMAT_KEY,
        SCHOOLS_KEY,
        CONTACTS_KEY,
        ADMIN_KEY,
        PROXY_GIVER_KEY,
        PROXY_HOLDER_KEY,
    ]
    .map(String::from)
    .to_vec();
    let mut paths = Vec::new();
    for f in Field::ALL {
        keys.extend(f.keys().into_iter().map(String::from));
        paths.push(f.path());
    }
    for f in SchoolField::ALL {
        keys.extend(f.keys().into_iter().map(String::from));
        paths.push(f.path());
    }
    for f in Flag::ALL {
        keys.push(f.key().into());
        paths.push(f.path());
    }
    keys.sort();
    keys.dedup();
    paths.retain(|p| p.contains('.'));
    paths.sort();
    paths.dedup();
    (keys, paths)
}

/// The string literals of `code` (raw strings aside, which hold HTML).
fn literals(code: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let bytes = code.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            // A raw string r#"…"#: skipped whole.
            b'r' if code[i..].starts_with("r#\"") => {
                i = code[i + 3..]
                    .find("\"#")
                    .map_or(bytes.len(), |e| i + 3 + e + 2);
            }
            // A character literal holding a quote.
            b'\'' if code[i..].starts_with("'\"'") => i += 3,
            b'"' => {
                let start = i + 1;
                let mut j = start;
                while j < bytes.len() && bytes[j] != b'"' {
                    j += if bytes[j] == b'\\' { 2 } else { 1 };
                }
                out.push(&code[start..j.min(bytes.len())]);
                i = j + 1;
            }
            _ => i += 1,
        }
    }
    out
}

/// The words the format shares with other vocabularies, where they are written for those:
/// the file, the word, what it is there.
const OTHER_VOCABULARIES: &[(&str, &str, &str)] = &[
    (
        "crates/engine/src/r10_eligibility.rs",
        "commune",
        "a reason's code in the report",
    ),
    (
        "crates/engine/src/r10_eligibility.rs",
        "level",
        "a reason's code in the report",
    ),
    (
        "crates/engine/src/r10_eligibility.rs",
        "sector",
        "a reason's code in the report",
    ),
    (
        "crates/engine/src/r10_eligibility.rs",
        "admin",
        "a reason's code in the report",
    ),
    (
        "crates/engine/src/r10_eligibility.rs",
        "contacts",
        "a warning's code in the report",
    ),
    (
        "crates/engine/src/scenario.rs",
        "for",
        "the chair's vote's code",
    ),
    (
        "crates/engine/src/scenario.rs",
        "against",
        "the chair's vote's code",
    ),
    (
        "crates/engine/src/simulate.rs",
        "title",
        "a deadline kind's code in the report",
    ),
    (
        "crates/io/src/serial.rs",
        "title",
        "an explanation's field in the report",
    ),
    (
        "crates/engine/src/d1_d4_meeting.rs",
        "vote",
        "a check's element id",
    ),
    (
        "crates/engine/src/compare.rs",
        "absent",
        "a French word (« référent technique absent »)",
    ),
    (
        "crates/engine/src/compare.rs",
        "commercial",
        "a French word (« usage commercial »)",
    ),
    (
        "crates/io/src/counts.rs",
        "commune",
        "a column of a list of counts",
    ),
    (
        "crates/io/src/counts.rs",
        "insee",
        "a column of a list of counts",
    ),
    (
        "crates/io/src/counts.rs",
        "date",
        "a column of a list of counts",
    ),
    (
        "crates/web/src/csv_import.rs",
        "uai",
        "a column of the school directory's export",
    ),
    (
        "crates/web/src/csv_import.rs",
        "phone",
        "a column of the school directory's export",
    ),
    (
        "crates/web/src/share.rs",
        "name",
        "a comparison link's field",
    ),
    ("src/cli/args.rs", "date", "an option of the command"),
    (
        "src/cli/args.rs",
        "deliberation",
        "a document of the command",
    ),
    ("src/cli/args.rs", "format", "an option of the command"),
    ("crates/io/src/exports/sheet.rs", "date", "a cell type"),
    (
        "crates/io/src/exports/deliberation.rs",
        "date",
        "a CSS class of the document",
    ),
    (
        "crates/io/src/exports/termination_letter.rs",
        "date",
        "a CSS class of the document",
    ),
    ("src/ui/deadline_row.rs", "date", "a CSS class"),
    ("src/ui/termination.rs", "date", "an input type"),
    ("src/ui/commune.rs", "commune", "a CSS class"),
    ("src/ui/contacts.rs", "contacts", "a CSS class"),
    ("src/ui/convention.rs", "convention", "a CSS class"),
    ("src/ui/meeting.rs", "meeting", "a CSS class"),
    ("src/ui/schools.rs", "schools", "a CSS class"),
    (
        "src/cli/args.rs",
        "commune",
        "a command-line option (--commune)",
    ),
];

#[test]
fn each_key_of_the_format_is_written_in_the_schema_only() {
    let files = sources();
    let (keys, paths) = keys_and_paths();
    assert!(keys.len() > 60, "{keys:?}");
    let is_schema = |p: &str| p.ends_with("crates/io/src/schema.rs");
    let schema = files.iter().find(|(p, _)| is_schema(p)).unwrap();
    let schema_literals = literals(&schema.1);
    let mut allowed_seen = Vec::new();
    for key in &keys {
        assert!(
            schema_literals.contains(&key.as_str()),
            "{key} is written in the schema"
        );
        for (path, code) in files.iter().filter(|(p, _)| !is_schema(p)) {
            if !literals(code).contains(&key.as_str()) {
                continue;
            }
            let allowed = OTHER_VOCABULARIES
                .iter()
                .position(|(file, word, _)| path.ends_with(file) && word == key);
            assert!(allowed.is_some(), "\"{key}\" is written again in {path}");
            allowed_seen.extend(allowed);
        }
    }
    // Each word of another vocabulary is still there: the list says what is, not what was.
    allowed_seen.sort();
    allowed_seen.dedup();
    assert_eq!(allowed_seen.len(), OTHER_VOCABULARIES.len());
    // A path, whole or in part (`"convention.annual_fee_eur"`, `"schools[2].admin.email"`),
    // nowhere but in the schema.
    for (file, code) in files.iter().filter(|(p, _)| !is_schema(p)) {
        for literal in literals(code) {
            for token in literal
                .split(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '[' | ']')))
            {
                for path in &paths {
                    let written = token == path
                        || token.ends_with(&format!(".{path}"))
                        || token.starts_with(&format!("{path}."));
                    assert!(
                        !written,
                        "the path {path} is written in {file}: \"{literal}\""
                    );
                }
            }
        }
    }
}

#[test]
fn the_check_sees_what_it_looks_for() {
    // Test items are left out wherever they stand; comments are left out; the code stays.
    let text = "fn a() { let k = \"notified\"; }\n#[cfg(test)]\nuse x::y;\n#[cfg(test)]\nfn t() { let s = \"}\"; let k = \"annual_fee_eur\"; }\n// \"billing_unit\"\nfn b() {}\n#[cfg(test)]\nmod tests { fn u() { if true { \"storage_gb\"; } } }\nfn c() { \"requested\" }";
    let code = code_of(text);
    assert!(
        code.contains("\"notified\"") && code.contains("fn b()") && code.contains("\"requested\"")
    );
    for gone in ["annual_fee_eur", "billing_unit", "storage_gb", "use x::y"] {
        assert!(!code.contains(gone), "{gone} in {code}");
    }
    assert_eq!(
        literals("let a = \"x\\\"y\"; let b = r#\"<p class=\"c\">\"#; let c = '\"'; f(\"z\")"),
        ["x\\\"y", "z"]
    );
}
