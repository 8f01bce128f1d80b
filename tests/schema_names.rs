//! Each field of the scenario is named once, in `io::schema`: its JSON key may not be written
//! again by hand elsewhere in the code (tests aside), where the compiler could not check it.

#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

/// The code of every `.rs` file under `dir`, without its `#[cfg(test)]` module (always last).
fn code_under(dir: &Path, out: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            code_under(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap();
            let code = text.split("#[cfg(test)]").next().unwrap_or("").to_string();
            out.push((path.display().to_string(), code));
        }
    }
}

#[test]
fn scenario_keys_are_written_once() {
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
    assert!(files.len() > 30, "the sources are found");
    for key in [
        "annual_fee_eur",
        "removal_requested",
        "technical_referent",
        "first_name",
        "termination_received",
        "billing_unit",
        "storage_gb",
        "notified",
        "requested",
        "project_lead",
    ] {
        let literal = format!("\"{key}\"");
        let places: Vec<&str> = files
            .iter()
            .filter(|(_, code)| code.contains(&literal))
            .map(|(path, _)| path.as_str())
            .collect();
        let count: usize = files.iter().map(|(_, c)| c.matches(&literal).count()).sum();
        assert!(count >= 1, "{key} is named in the schema");
        assert!(count <= 2, "{key} is written {count} times, in {places:?}");
    }
}
