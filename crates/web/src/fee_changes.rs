//! The fee's changes by avenant as typed (R3): a row each, three cells (from, amount, source),
//! held in the draft as one text — a line a row, the cells separated by a tabulation — so
//! that stored drafts, undo and links keep them as they keep every field, and nothing typed
//! is lost while it is invalid.

use serde_json::{Map, Value};

use io::schema::{FEE_CHANGE_FROM_KEY, FEE_CHANGE_SOURCE_KEY, Input, fee_change_amount_key};

/// The cells of a row, in the page's order.
pub const CELLS: usize = 3;

/// The separator of two cells in the draft's text.
const SEP: char = '\t';

/// One row as typed: the date (`AAAA-MM-JJ`, as a date input gives it), the amount, the
/// source.
pub type Row = [String; CELLS];

/// The rows of the draft's text.
pub fn rows(text: &str) -> Vec<Row> {
    if text.is_empty() {
        return Vec::new();
    }
    text.split('\n')
        .map(|line| {
            let mut cells = line.splitn(CELLS, SEP);
            std::array::from_fn(|_| cells.next().unwrap_or_default().to_string())
        })
        .collect()
}

/// The draft's text of `rows`.
pub fn to_text(rows: &[Row]) -> String {
    rows.iter()
        .map(|r| r.join(&SEP.to_string()))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A cell's text as the draft keeps it: a tabulation or a line break typed or pasted in it
/// becomes a space (they separate cells and rows).
fn cell(value: &str) -> String {
    value.replace([SEP, '\n', '\r'], " ")
}

/// `text` with the cell `cell` of row `row` set to `value` (rows added up to it if needed).
pub fn edit(text: &str, row: usize, at: usize, value: &str) -> String {
    let mut all = rows(text);
    while all.len() <= row {
        all.push(Row::default());
    }
    if let Some(c) = all[row].get_mut(at) {
        *c = cell(value);
    }
    to_text(&all)
}

/// `text` with an empty row at the end.
pub fn add(text: &str) -> String {
    let mut all = rows(text);
    all.push(Row::default());
    to_text(&all)
}

/// `text` without row `row`.
pub fn remove(text: &str, row: usize) -> String {
    let mut all = rows(text);
    if row < all.len() {
        all.remove(row);
    }
    to_text(&all)
}

/// The rows as the scenario file writes them: a `{"from", "annual_fee_eur", "source"}` each,
/// blank rows left out, blank cells absent (the reader names what is missing), the rest as
/// typed for the reader to judge.
pub fn to_value(text: &str) -> Value {
    let keys = keys();
    Value::Array(
        rows(text)
            .iter()
            .filter(|r| r.iter().any(|c| !c.trim().is_empty()))
            .map(|r| {
                let mut m = Map::new();
                for (key, c) in keys.iter().zip(r) {
                    if !c.trim().is_empty() {
                        m.insert((*key).into(), Value::String(c.trim().to_string()));
                    }
                }
                Value::Object(m)
            })
            .collect(),
    )
}

/// The draft's text of the list in a scenario file, each item's cells given by `text` (the
/// draft's reading of a value as typed): whatever is wrong is kept for the reader to name.
pub fn from_value(v: Option<&Value>, text: impl Fn(Option<&Value>, usize) -> String) -> String {
    let Some(Value::Array(items)) = v else {
        return String::new();
    };
    let keys = keys();
    let rows: Vec<Row> = items
        .iter()
        .map(|item| std::array::from_fn(|i| cell(&text(item.get(keys[i]), i))))
        .collect();
    to_text(&rows)
}

/// The input of each cell, in order: a date, an amount, a text.
pub const INPUTS: [Input; CELLS] = [Input::Date, Input::Decimal, Input::Text];

pub(crate) fn keys() -> [&'static str; CELLS] {
    [
        FEE_CHANGE_FROM_KEY,
        fee_change_amount_key(),
        FEE_CHANGE_SOURCE_KEY,
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_round_trip_and_nothing_typed_is_lost() {
        let t = add("");
        assert_eq!(rows(&t), vec![Row::default()]);
        let t = edit(&t, 0, 0, "2025-01-01");
        let t = edit(&t, 0, 1, "165,0");
        let t = edit(&t, 0, 2, "avenant\tn° 1\nsigné");
        assert_eq!(
            rows(&t),
            vec![[
                "2025-01-01".to_string(),
                "165,0".to_string(),
                "avenant n° 1 signé".to_string()
            ]]
        );
        let t = add(&t);
        let t = edit(&t, 1, 1, "abc");
        assert_eq!(rows(&t).len(), 2);
        let v = to_value(&t);
        assert_eq!(v[0]["from"], "2025-01-01");
        assert_eq!(v[1]["annual_fee_eur"], "abc");
        assert!(v[1].get("from").is_none());
        // Read back from the file: the same rows.
        let read = |v: &Value| {
            let mut root = serde_json::json!({"convention": {}});
            root["convention"]["fee_changes"] = v.clone();
            crate::draft::Draft::from_value(&root)
                .text(io::schema::Field::FeeChanges)
                .to_string()
        };
        assert_eq!(rows(&read(&v)), rows(&t));
        assert_eq!(rows(&remove(&t, 0)), vec![rows(&t)[1].clone()]);
        // An empty row added is not written.
        assert_eq!(to_value(&add("")), Value::Array(vec![]));
        assert!(add("").trim().is_empty());
    }

    #[test]
    fn a_file_amount_reads_with_a_comma() {
        let v: Value = serde_json::from_str(
            r#"[{"from":"2025-01-01","annual_fee_eur":"165.50","source":"avenant n° 1"},{"annual_fee_eur":170}]"#,
        )
        .unwrap();
        let mut root = serde_json::json!({"convention": {}});
        root["convention"]["fee_changes"] = v;
        let r = rows(crate::draft::Draft::from_value(&root).text(io::schema::Field::FeeChanges));
        assert_eq!(r[0][1], "165,50");
        assert_eq!(r[1], [String::new(), "170".to_string(), String::new()]);
    }

    #[test]
    fn a_link_and_a_stored_draft_keep_the_changes() {
        let mut draft = crate::draft::Draft::from_json(io::samples::TASSIN_JSON).unwrap();
        let text = edit(
            &edit(&edit(&add(""), 0, 0, "2025-01-01"), 0, 1, "165,00"),
            0,
            2,
            "avenant n° 1",
        );
        draft.set(io::schema::Field::FeeChanges, text.clone());
        let hash = crate::share::encode_share(&draft);
        let back = crate::share::decode_share(&hash).unwrap().unwrap();
        assert_eq!(back.text(io::schema::Field::FeeChanges), text);
        let stored: crate::draft::Draft =
            serde_json::from_str(&serde_json::to_string(&draft).unwrap()).unwrap();
        assert_eq!(stored.text(io::schema::Field::FeeChanges), text);
    }
}
