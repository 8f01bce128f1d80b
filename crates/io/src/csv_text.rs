//! A CSV file's text and cells, as French Excel writes it: semicolon, comma or tab separated,
//! UTF-8 or Windows-1252. Read in the web app's worker (the csv crate and the decoding stay out
//! of the first load) and by `web::csv_import` natively; the schools are made of the cells by
//! `web::csv_import`.

use serde::{Deserialize, Serialize};

/// A file's text and its cells, row by row, read with `separator`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CsvText {
    /// The file's text, decoded.
    pub text: String,
    /// The separator it was read with (`;`, `,` or tab).
    pub separator: u8,
    /// The cells, row by row; rows without any text are left out.
    pub rows: Vec<Vec<String>>,
    /// The line of the file each row begins on (from 1): blank rows left out and quoted
    /// cells over several lines make it differ from the row's rank.
    #[serde(default)]
    pub lines: Vec<usize>,
}

impl CsvText {
    /// Each row with the line of the file it begins on (its rank from 1 when not known).
    pub fn numbered(self) -> Vec<(usize, Vec<String>)> {
        let lines = self.lines;
        self.rows
            .into_iter()
            .enumerate()
            .map(|(i, row)| (lines.get(i).copied().unwrap_or(i + 1), row))
            .collect()
    }
}

/// Reads a file's bytes: its encoding detected, and its separator unless `separator` says.
pub fn read(bytes: &[u8], separator: Option<u8>) -> Result<CsvText, String> {
    let text = decode(bytes)?;
    let separator = separator.unwrap_or_else(|| detect_separator(&text));
    let (rows, lines) = parse_lines(&text, separator)?.into_iter().unzip();
    Ok(CsvText {
        text,
        separator,
        rows,
        lines,
    })
}

/// Windows-1252's characters for bytes 0x80–0x9F (the rest is Latin-1).
const CP1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

/// The file's text: UTF-8 (with or without BOM) when it is valid UTF-8, else Windows-1252.
/// A file that is not text (NUL bytes, a spreadsheet's zip) is refused.
pub fn decode(bytes: &[u8]) -> Result<String, String> {
    if bytes.starts_with(b"PK\x03\x04") {
        return Err("ce fichier est un classeur (.xlsx ou .ods), pas un CSV : dans le tableur, « Enregistrer sous » au format CSV".into());
    }
    if bytes.contains(&0) {
        return Err("ce fichier n'est pas un fichier texte CSV".into());
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t.strip_prefix('\u{feff}').unwrap_or(t).to_string(),
        Err(_) => bytes
            .iter()
            .map(|&b| match b {
                0x80..=0x9f => CP1252_HIGH[(b - 0x80) as usize],
                _ => b as char,
            })
            .collect(),
    };
    if text.trim().is_empty() {
        return Err("le fichier est vide".into());
    }
    Ok(text)
}

/// `;`, `,` or tab: whichever appears most on the first line.
pub fn detect_separator(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or("");
    [b';', b',', b'\t']
        .into_iter()
        .max_by_key(|&s| first.bytes().filter(|&b| b == s).count())
        .unwrap_or(b';')
}

/// The cells, row by row (quoted cells may hold separators and line breaks).
pub fn parse(text: &str, separator: u8) -> Result<Vec<Vec<String>>, String> {
    Ok(parse_lines(text, separator)?
        .into_iter()
        .map(|(row, _)| row)
        .collect())
}

/// The cells, row by row, each with the line of the file it begins on (from 1). Linear in the
/// file's length: lines are counted once, from one row to the next.
pub fn parse_lines(text: &str, separator: u8) -> Result<Vec<(Vec<String>, usize)>, String> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let bytes = text.as_bytes();
    let mut rows = Vec::new();
    // Lines counted up to `counted` (a byte offset): `line` is the line `counted` is on.
    let (mut counted, mut line) = (0usize, 1usize);
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| {
            let at = e.position().map_or(i as u64 + 1, |p| p.line());
            format!(
                "ligne {at} illisible (texte qui n'est pas de l'UTF-8 ou guillemets mal fermés)"
            )
        })?;
        let row: Vec<String> = record.iter().map(|c| c.trim().to_string()).collect();
        if row.iter().any(|c| !c.is_empty()) {
            // The csv crate's positions are where the previous record's line break began: skip
            // the line breaks (blank lines too) to the record's first byte, and count lines.
            let start = record
                .position()
                .map_or(0, |p| p.byte() as usize)
                .min(bytes.len());
            let first = start
                + bytes[start..]
                    .iter()
                    .take_while(|b| matches!(b, b'\r' | b'\n'))
                    .count();
            // A line break is `\n`, `\r\n` or a lone `\r` (old Macs).
            let end = first.min(bytes.len());
            if end > counted {
                line += bytes[counted..end]
                    .iter()
                    .enumerate()
                    .filter(|(j, b)| {
                        **b == b'\n' || (**b == b'\r' && bytes.get(counted + j + 1) != Some(&b'\n'))
                    })
                    .count();
                counted = end;
            }
            rows.push((row, line));
        }
    }
    if rows.is_empty() {
        return Err("aucune ligne".into());
    }
    Ok(rows)
}
