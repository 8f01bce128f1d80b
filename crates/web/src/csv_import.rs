//! Importing schools from a CSV as French Excel writes it: semicolon or comma separated, UTF-8
//! or Windows-1252, with or without a header. The person maps columns to fields and sees a
//! preview with each line's errors; nothing changes until they confirm.

use super::draft::SchoolDraft;
use engine::dates::{iso, parse_day};
use engine::scenario::{Level, Sector};
use engine::text::fold_name;
use io::scenario::{FieldError, parse_school};
use io::schema::{Choices, ContactField, FieldRef, Input, SchoolField};

pub use io::csv_text::CsvText;

/// What a column holds: a school's field, or nothing (ignored).
pub type Column = Option<SchoolField>;

/// The choices for a column: ignore it, or one of the school's fields.
pub fn column_choices() -> Vec<Column> {
    std::iter::once(None)
        .chain(SchoolField::ALL.map(Some))
        .collect()
}

/// A column's choice as the page names it.
pub fn column_label(column: Column) -> String {
    column.map_or_else(|| "(ignorer)".to_string(), SchoolField::label)
}

/// Words of a folded header and the field they mean, most specific first ("nom" last: it is
/// also in "nom de l'école").
const HEADER_WORDS: [(&[&str], SchoolField); 14] = [
    (&["changement", "change"], SchoolField::AdminChanged),
    (&["uai", "rne"], SchoolField::Uai),
    (&["niveau", "type"], SchoolField::Level),
    (&["secteur", "public"], SchoolField::Sector),
    (&["groupe"], SchoolField::Group),
    (&["radiation", "retrait"], SchoolField::RemovalRequested),
    (&["ouverture"], SchoolField::Opened),
    (
        &["demande", "reception", "adhesion"],
        SchoolField::Requested,
    ),
    (&["stockage"], SchoolField::StorageGb),
    (
        &["mail", "courriel"],
        SchoolField::Admin(ContactField::Email),
    ),
    (&["tel", "phone"], SchoolField::Admin(ContactField::Phone)),
    (&["fonction"], SchoolField::Admin(ContactField::Function)),
    (&["prenom"], SchoolField::Admin(ContactField::FirstName)),
    (&["ecole", "etablissement"], SchoolField::Name),
];

/// A column from its header, folded ("Date de demande" → Requested): the first entry of
/// `HEADER_WORDS` with a word the header contains.
pub fn guess(header: &str) -> Column {
    let h = fold_name(header);
    if h == "go" {
        return Some(SchoolField::StorageGb);
    }
    HEADER_WORDS
        .iter()
        .find(|(words, _)| words.iter().any(|w| h.contains(w)))
        .map(|(_, field)| *field)
        .or_else(|| {
            h.contains("nom")
                .then_some(SchoolField::Admin(ContactField::LastName))
        })
}

/// Whether the first row looks like a header: none of its cells is a date, and at least one
/// names a known column.
pub fn looks_like_header(row: &[String]) -> bool {
    row.iter().all(|c| to_iso_date(c).is_none()) && row.iter().any(|c| guess(c).is_some())
}

/// The columns guessed for `rows` (from the header when there is one).
pub fn guess_columns(rows: &[Vec<String>], has_header: bool) -> Vec<Column> {
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    if has_header {
        let mut seen = Vec::new();
        (0..width)
            .map(|i| {
                let c = rows[0].get(i).and_then(|h| guess(h));
                // A field is mapped once: a second column for it is ignored.
                if c.is_some() && seen.contains(&c) {
                    None
                } else {
                    seen.push(c);
                    c
                }
            })
            .collect()
    } else {
        // Without a header: the table's order, less the columns a list rarely has.
        let order: Vec<SchoolField> = SchoolField::ALL
            .into_iter()
            .filter(|f| {
                !matches!(
                    f,
                    SchoolField::Opened
                        | SchoolField::RemovalRequested
                        | SchoolField::StorageGb
                        | SchoolField::AdminChanged
                )
            })
            .collect();
        (0..width).map(|i| order.get(i).copied()).collect()
    }
}

/// `16/11/2023`, `16/11/23` or `2023-11-16` as `2023-11-16` ([`parse_day`]).
fn to_iso_date(cell: &str) -> Option<String> {
    parse_day(cell).map(iso)
}

fn level_code(cell: &str) -> String {
    let f = fold_name(cell);
    Level::ALL
        .into_iter()
        .find(|l| f.contains(l.code()))
        .map_or_else(|| cell.to_string(), |l| l.code().to_string())
}

fn sector_code(cell: &str) -> String {
    let f = fold_name(cell);
    if f.is_empty() {
        return Sector::Public.code().into();
    }
    // « Public », « Privé », « privé sous contrat »: the code's first letters.
    Sector::ALL
        .into_iter()
        .find(|s| f.starts_with(&s.code()[..3]))
        .map_or_else(|| cell.to_string(), |s| s.code().to_string())
}

/// One line of the file as a school, with the errors the scenario reader finds in it.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportedRow {
    /// Line number in the file (from 1).
    pub line: usize,
    /// The school as the columns read it.
    pub school: SchoolDraft,
    /// What the scenario reader finds wrong in it, each error naming its field alone.
    pub errors: Vec<FieldError>,
}

/// What a cell means for `field`: dates read in French (`16/11/2023`) or ISO, levels and
/// sectors by their words ("École élémentaire", "Privé"), the rest as written.
fn cell_value(field: SchoolField, cell: &str) -> String {
    match field.input() {
        Input::Date => to_iso_date(cell).unwrap_or_else(|| cell.to_string()),
        Input::Choice(Choices::Level) => level_code(cell),
        Input::Choice(Choices::Sector) => sector_code(cell),
        _ => cell.to_string(),
    }
}

/// The schools of `rows` under `columns`, each with the errors the scenario reader finds.
pub fn to_schools(rows: &[Vec<String>], columns: &[Column], has_header: bool) -> Vec<ImportedRow> {
    let skip = usize::from(has_header);
    rows.iter()
        .enumerate()
        .skip(skip)
        .map(|(i, row)| {
            let mut s = SchoolDraft::blank();
            s.set(SchoolField::Sector, Sector::Public.code());
            for (cell, column) in row.iter().zip(columns) {
                if let Some(field) = column {
                    s.set(*field, cell_value(*field, cell));
                }
            }
            if s.get(SchoolField::Level).is_empty() {
                s.set(SchoolField::Level, level_code(s.name()));
            }
            // The line number says where: each error names its field alone.
            let errors = match parse_school(&s.to_value(), i) {
                Ok(_) => Vec::new(),
                Err(errors) => errors
                    .into_iter()
                    .map(|e| match e.field {
                        Some(FieldRef::School(_, f)) => FieldError {
                            path: f.path(),
                            label: f.label(),
                            ..e
                        },
                        _ => e,
                    })
                    .collect(),
            };
            ImportedRow {
                line: i + 1,
                school: s,
                errors,
            }
        })
        .collect()
}

/// A CSV file being imported: its text, how it is read, and the columns chosen.
#[derive(Clone, Debug, PartialEq)]
pub struct CsvFile {
    /// The file's name.
    pub file: String,
    text: String,
    /// The separator (`;`, `,` or tab).
    pub separator: u8,
    /// Whether the first row is a header.
    pub has_header: bool,
    /// The cells, row by row.
    pub rows: Vec<Vec<String>>,
    /// What each column holds.
    pub columns: Vec<Column>,
}

impl CsvFile {
    /// A file whose cells are read (in the web app's worker, [`io::csv_text::read`]): its
    /// header (unless `has_header` says) and columns guessed.
    pub fn from_text(file: String, read: CsvText, has_header: Option<bool>) -> CsvFile {
        let CsvText {
            text,
            separator,
            rows,
            ..
        } = read;
        let has_header =
            has_header.unwrap_or_else(|| rows.first().is_some_and(|r| looks_like_header(r)));
        let columns = guess_columns(&rows, has_header);
        CsvFile {
            file,
            text,
            separator,
            has_header,
            rows,
            columns,
        }
    }

    /// The file's text, to read it again with another separator.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The same file with or without a header (the columns guessed again).
    pub fn with_header(&self, has_header: bool) -> CsvFile {
        CsvFile {
            has_header,
            columns: guess_columns(&self.rows, has_header),
            ..self.clone()
        }
    }

    /// The same file with column `i` holding `column`.
    pub fn with_column(&self, i: usize, column: Column) -> CsvFile {
        let mut next = self.clone();
        if let Some(c) = next.columns.get_mut(i) {
            *c = column;
        }
        next
    }

    /// The header cell (or first cell) of column `i`.
    pub fn sample(&self, i: usize) -> String {
        self.rows
            .first()
            .and_then(|r| r.get(i))
            .cloned()
            .unwrap_or_default()
    }

    /// The schools as the columns read them.
    pub fn schools(&self) -> Vec<ImportedRow> {
        to_schools(&self.rows, &self.columns, self.has_header)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use io::csv_text::{decode, detect_separator, parse};

    const EXCEL_FR: &str = "Nom de l'école;UAI;Niveau;Groupe scolaire;Date de demande;Nom;Prénom;Fonction;Courriel;Téléphone\r\n\
École élémentaire Jean Moulin;0691234A;Élémentaire;GS Moulin;10/11/2023;Durand;Anne;Directrice;anne@ac-lyon.fr;04 78 11 22 33\r\n\
\"École maternelle « Les Lilas »; annexe\";0691235B;Maternelle;;2023-11-12;Martin;Luc;Directeur;luc@ac-lyon.fr;04 78 11 22 34\r\n\
Collège Ferry;0691236C;Collège;;31/02/2024;Petit;Marie;Principale;pas-un-mail;0478\r\n";

    #[test]
    fn a_french_excel_export_is_read_with_its_accents() {
        let text = decode(EXCEL_FR.as_bytes()).unwrap();
        assert_eq!(detect_separator(&text), b';');
        let rows = parse(&text, b';').unwrap();
        assert_eq!(rows.len(), 4);
        assert!(looks_like_header(&rows[0]));
        let columns = guess_columns(&rows, true);
        assert_eq!(
            &columns[..6],
            [
                Some(SchoolField::Name),
                Some(SchoolField::Uai),
                Some(SchoolField::Level),
                Some(SchoolField::Group),
                Some(SchoolField::Requested),
                Some(SchoolField::Admin(ContactField::LastName))
            ]
        );
        assert_eq!(columns[8], Some(SchoolField::Admin(ContactField::Email)));
        let schools = to_schools(&rows, &columns, true);
        assert_eq!(schools.len(), 3);
        assert_eq!(schools[0].school.name(), "École élémentaire Jean Moulin");
        assert_eq!(schools[0].school.get(SchoolField::Requested), "2023-11-10");
        assert_eq!(schools[0].school.get(SchoolField::Level), "elementaire");
        assert!(schools[0].errors.is_empty(), "{:?}", schools[0].errors);
        assert_eq!(
            schools[1].school.name(),
            "École maternelle « Les Lilas »; annexe"
        );
        assert_eq!(schools[1].line, 3);
        // The collège's date is impossible: the line says so, by field.
        let bad = &schools[2];
        assert_eq!(bad.line, 4);
        assert_eq!(bad.errors.len(), 1);
        assert_eq!(bad.errors[0].path, "requested");
        assert!(bad.errors[0].message.contains("n'est pas une date valide"));
    }

    #[test]
    fn windows_1252_and_commas() {
        let mut bytes = b"Ecole,UAI,Niveau,Demande\n".to_vec();
        bytes.extend_from_slice(b"\xc9cole Saint-Exup\xe9ry,0691237D,primaire,01/09/2024\n");
        bytes.extend_from_slice(b"\x93Guillemets\x94 \x80,0691238E,maternelle,2024-09-02\n");
        let text = decode(&bytes).unwrap();
        assert_eq!(detect_separator(&text), b',');
        let rows = parse(&text, b',').unwrap();
        let schools = to_schools(&rows, &guess_columns(&rows, true), true);
        assert_eq!(schools[0].school.name(), "École Saint-Exupéry");
        assert_eq!(schools[0].school.get(SchoolField::Requested), "2024-09-01");
        assert_eq!(schools[1].school.name(), "“Guillemets” €");
    }

    #[test]
    fn without_a_header_the_usual_order_is_assumed() {
        let rows = parse("École A;0691234A;primaire;public;;15/01/2025\n", b';').unwrap();
        assert!(!looks_like_header(&rows[0]));
        let schools = to_schools(&rows, &guess_columns(&rows, false), false);
        assert_eq!(schools[0].line, 1);
        assert_eq!(schools[0].school.get(SchoolField::Requested), "2025-01-15");
    }

    #[test]
    fn what_is_not_a_csv_is_refused() {
        assert!(decode(b"PK\x03\x04rest").unwrap_err().contains("classeur"));
        assert!(
            decode(b"\x00\x01\x02")
                .unwrap_err()
                .contains("pas un fichier texte")
        );
        assert!(decode(b"  \n").unwrap_err().contains("vide"));
    }
}
