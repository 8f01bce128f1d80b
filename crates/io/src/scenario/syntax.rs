//! What is wrong with a file that is not a JSON scenario at all: empty, truncated, a CSV given
//! by mistake, broken JSON. Said in French, with the line and column.

use serde_json::Value;

/// The message for text that `serde_json` could not read.
pub(super) fn json_error_message(text: &str, e: &serde_json::Error) -> String {
    let trimmed = text.trim_start();
    if trimmed.is_empty() {
        return "le fichier est vide : un scénario laclasse-sim est un objet JSON".to_string();
    }
    let first_line = trimmed.lines().next().unwrap_or("");
    let looks_tabular = !trimmed.starts_with(['{', '[', '"'])
        && (first_line.contains(';') || first_line.contains(',') || first_line.contains('\t'));
    if looks_tabular {
        return "le fichier ressemble à un tableau (CSV) et non à un scénario JSON laclasse-sim : ouvrez un fichier .json enregistré par laclasse-sim".to_string();
    }
    let content = text.trim_end();
    let last_line = content.lines().count();
    let last_len = content.lines().last().map_or(0, |l| l.chars().count());
    let at_end = e.line() > last_line || (e.line() == last_line && e.column() >= last_len);
    let what = if e.is_eof() || at_end {
        "le fichier s'arrête avant la fin du JSON (fichier tronqué ?)"
    } else {
        "le fichier n'est pas un JSON valide"
    };
    format!("{what} (ligne {}, colonne {})", e.line(), e.column())
}

/// A JSON value's type, as a French reader names it (« un nombre »).
pub(super) fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "un booléen",
        Value::Number(_) => "un nombre",
        Value::String(_) => "une chaîne de caractères",
        Value::Array(_) => "une liste",
        Value::Object(_) => "un objet",
    }
}

/// A value as an error message quotes it: at most 60 characters, a control, bidirectional or
/// forbidden character shown as `�` (`engine::text::excerpt`), between quotes.
pub(super) fn quoted(text: &str) -> String {
    format!("\"{}\"", engine::text::excerpt(text))
}
