//! The national school directory (Annuaire de l'éducation), as the Ministry's open-data portal
//! exports it: `;` separated, UTF-8 with or without a BOM, 71 labelled columns. Columns are
//! found by their header's name (case, accents and punctuation ignored), never by position;
//! rows are read one at a time (the national file is some 70 000 rows, 50 MB) and only the
//! schools kept are held.
//!
//! Kept: the public first-degree schools (`Type_etablissement` « Ecole », `Statut_public_prive`
//! « Public ») of the Métropole's communes (Lyon's arrondissements and former codes lead to
//! their commune), not `FERME`; `A FERMER` is kept with a warning.

use std::collections::HashMap;

use chrono::NaiveDate;
use engine::communes::{self, CommuneRecord};
use engine::dates::{fr, parse_iso};
use engine::scenario::{
    Commune, Contacts, Convention, Deliberation, Level, Scenario, School, Sector,
};
use engine::simulate::default_horizon;
use engine::text::fold_name;

/// A column the reader looks for: its header in the national file, and whether a file
/// without it is refused.
struct Column {
    header: &'static str,
    required: bool,
}

/// The columns read, in the order of [`Col`].
const COLUMNS: [Column; 13] = [
    Column {
        header: "Identifiant_de_l_etablissement",
        required: true,
    },
    Column {
        header: "Nom_etablissement",
        required: true,
    },
    Column {
        header: "Type_etablissement",
        required: true,
    },
    Column {
        header: "Statut_public_prive",
        required: true,
    },
    Column {
        header: "Code_commune",
        required: true,
    },
    Column {
        header: "Ecole_maternelle",
        required: true,
    },
    Column {
        header: "Ecole_elementaire",
        required: true,
    },
    Column {
        header: "etat",
        required: false,
    },
    Column {
        header: "Nom_commune",
        required: false,
    },
    Column {
        header: "Adresse_1",
        required: false,
    },
    Column {
        header: "Code_postal",
        required: false,
    },
    Column {
        header: "date_ouverture",
        required: false,
    },
    Column {
        header: "libelle_nature",
        required: false,
    },
];

/// Where each column read is, by its rank in [`COLUMNS`].
#[derive(Clone, Copy)]
enum Col {
    Uai,
    Name,
    Type,
    Status,
    Code,
    Maternelle,
    Elementaire,
    State,
    CommuneName,
    Address,
    PostCode,
    Opened,
    Nature,
}

/// A school of the directory, kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DirectorySchool {
    /// Its UAI (`Identifiant_de_l_etablissement`).
    pub uai: String,
    /// Its name as the directory writes it.
    pub name: String,
    /// Maternelle, élémentaire or primaire (both flags).
    pub level: Level,
    /// Its commune in the Métropole (an arrondissement's or a former code's, its commune's).
    pub commune: &'static CommuneRecord,
    /// The directory says « A FERMER ».
    pub closing: bool,
    /// Its address, postcode and commune as the directory writes them.
    pub address: String,
    /// `date_ouverture`, when a date.
    pub opened: Option<NaiveDate>,
    /// `libelle_nature` (« ECOLE MATERNELLE »…).
    pub nature: String,
    /// The line of the file it is on (from 1, the header being line 1).
    pub line: u64,
}

impl DirectorySchool {
    /// What the directory says of it, for its help: « Annuaire de l'éducation : 1 rue des
    /// Écoles, 69290 Craponne ; ouverte le 01/09/1970 ; ECOLE MATERNELLE ».
    pub fn says(&self) -> String {
        let mut parts = vec![];
        if !self.address.is_empty() {
            parts.push(self.address.clone());
        }
        if let Some(d) = self.opened {
            parts.push(format!("ouverte le {}", fr(d)));
        }
        if !self.nature.is_empty() {
            parts.push(self.nature.clone());
        }
        if self.closing {
            parts.push("« A FERMER »".into());
        }
        format!("Annuaire de l'éducation : {}", parts.join(" ; "))
    }

    /// The warning a school to close carries: « l'annuaire la dit « à fermer » ».
    pub fn warning(&self) -> Option<String> {
        self.closing.then(|| {
            format!(
                "« {} » ({}) : l'annuaire de l'éducation la dit « A FERMER » ; à confirmer avant de la mettre sur la liste.",
                self.name, self.uai
            )
        })
    }

    /// The school for a scenario: received on `requested`, public, with no administrator yet
    /// (R10: it waits for one, and is not billed until then).
    pub fn school(&self, requested: NaiveDate) -> School {
        Found::from(self).school(requested)
    }
}

/// What a directory file gave.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Directory {
    /// The schools kept, in the file's order.
    pub schools: Vec<DirectorySchool>,
    /// Rows read (the header aside).
    pub rows: u64,
    /// Rows of the communes asked for, whatever their kind (to tell a commune absent from the
    /// file from one without a public school).
    pub rows_of_communes: u64,
}

impl Directory {
    /// The schools kept, by commune (INSEE code).
    pub fn by_commune(&self) -> ByCommune {
        let mut out = ByCommune::new();
        for s in &self.schools {
            out.entry(s.commune.insee.clone())
                .or_default()
                .push(Found::from(s));
        }
        out
    }
}

/// A school of the directory as the worker sends it to the page.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Found {
    /// Its UAI.
    pub uai: String,
    /// Its name.
    pub name: String,
    /// Its level's code (`maternelle`, `elementaire`, `primaire`).
    pub level: String,
    /// What the directory says of it ([`DirectorySchool::says`]).
    pub says: String,
    /// Its warning, when the directory says « A FERMER ».
    pub warning: Option<String>,
}

impl Found {
    /// The school for a scenario: received on `requested`, public, with no administrator.
    pub fn school(&self, requested: NaiveDate) -> School {
        School {
            name: self.name.clone(),
            uai: Some(self.uai.clone()).filter(|u| !u.is_empty()),
            level: Level::from_code(&self.level).unwrap_or(Level::Primaire),
            sector: Sector::Public,
            group: None,
            requested,
            opened: None,
            removal_requested: None,
            admin_changed: None,
            storage_gb: None,
            admin: None,
        }
    }
}

impl From<&DirectorySchool> for Found {
    fn from(s: &DirectorySchool) -> Found {
        Found {
            uai: s.uai.clone(),
            name: s.name.clone(),
            level: s.level.code().to_string(),
            says: s.says(),
            warning: s.warning(),
        }
    }
}

/// The directory's schools of each commune of the Métropole, by INSEE code: what the
/// territory's view keeps of a national file (a few thousand schools, not 50 MB).
pub type ByCommune = std::collections::BTreeMap<String, Vec<Found>>;

/// The schools of every commune of the Métropole in a directory file, for the territory's
/// view; a French message when the file is not the directory's or names none of them.
pub fn by_commune(bytes: &[u8]) -> Result<ByCommune, String> {
    let read = read(bytes, Communes::All)?;
    if read.schools.is_empty() {
        return Err(format!(
            "aucune école publique du premier degré d'une commune de la Métropole dans ce fichier ({} lignes lues)",
            read.rows
        ));
    }
    Ok(read.by_commune())
}

/// What the worker found in a directory file for one commune.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FoundList {
    /// The commune's schools kept.
    pub schools: Vec<Found>,
    /// Rows read.
    pub rows: u64,
    /// Rows of the commune, whatever their kind.
    pub rows_of_commune: u64,
}

/// The public first-degree schools of commune `insee` in a directory file, for the page; a
/// French message when the file is not the directory's, the commune not one of the
/// Métropole's, or absent from the file.
pub fn find(bytes: &[u8], insee: &str) -> Result<FoundList, String> {
    let record = communes::by_code(insee).map(|(c, _)| c).ok_or_else(|| {
        format!("le code INSEE {insee} n'est pas celui d'une commune de la Métropole")
    })?;
    let read = read(bytes, Communes::One(record))?;
    if read.rows_of_communes == 0 {
        return Err(format!(
            "aucune ligne de {} ({}) dans ce fichier ({} lignes lues) : l'extrait d'une autre commune ?",
            record.name, record.insee, read.rows
        ));
    }
    Ok(FoundList {
        schools: read.schools.iter().map(Found::from).collect(),
        rows: read.rows,
        rows_of_commune: read.rows_of_communes,
    })
}

/// A header's key: folded, without separators (« Code_commune », « code commune » and
/// « CODE-COMMUNE » are one).
fn key(header: &str) -> String {
    fold_name(header)
}

/// The communes a read keeps.
#[derive(Clone, Copy, Debug)]
pub enum Communes<'a> {
    /// One commune.
    One(&'a CommuneRecord),
    /// Every commune of the Métropole.
    All,
}

/// Reads a directory export's bytes, keeping the public first-degree schools of `communes`
/// that are not closed. A file that is not the directory's (its header lacks a required column,
/// a spreadsheet renamed .csv, not text) gets a French message naming what is wrong.
pub fn read(bytes: &[u8], communes: Communes<'_>) -> Result<Directory, String> {
    if bytes.starts_with(b"PK\x03\x04") {
        return Err("ce fichier est un classeur (.xlsx ou .ods), pas l'export CSV de l'annuaire de l'éducation : le télécharger au format CSV".into());
    }
    if bytes.contains(&0) {
        return Err("ce fichier n'est pas un fichier texte (CSV)".into());
    }
    // The national file is UTF-8; a spreadsheet may have re-saved it in Windows-1252.
    let decoded;
    let text: &[u8] = match std::str::from_utf8(bytes) {
        Ok(_) => bytes,
        Err(_) => {
            decoded = crate::csv_text::decode(bytes)?;
            decoded.as_bytes()
        }
    };
    let text = text.strip_prefix("\u{feff}".as_bytes()).unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .flexible(true)
        .has_headers(false)
        .from_reader(text);
    let mut record = csv::ByteRecord::new();
    let header = match reader.read_byte_record(&mut record) {
        Ok(true) => record.clone(),
        Ok(false) => return Err("le fichier est vide".into()),
        Err(e) => return Err(format!("le fichier n'est pas un CSV lisible ({e})")),
    };
    let keys: Vec<String> = header
        .iter()
        .map(|h| key(&String::from_utf8_lossy(h)))
        .collect();
    let mut at = [usize::MAX; COLUMNS.len()];
    let mut missing = vec![];
    for (i, c) in COLUMNS.iter().enumerate() {
        match keys.iter().position(|k| *k == key(c.header)) {
            Some(p) => at[i] = p,
            None if c.required => missing.push(c.header),
            None => {}
        }
    }
    if !missing.is_empty() {
        return Err(format!(
            "ce fichier n'est pas un export de l'annuaire de l'éducation : colonne{} {} introuvable{} dans son en-tête (séparateur « ; » attendu)",
            if missing.len() > 1 { "s" } else { "" },
            missing
                .iter()
                .map(|m| format!("« {m} »"))
                .collect::<Vec<_>>()
                .join(", "),
            if missing.len() > 1 { "s" } else { "" },
        ));
    }
    fn cell<'r>(at: &[usize], r: &'r csv::ByteRecord, c: Col) -> &'r [u8] {
        r.get(at[c as usize]).map(trim).unwrap_or_default()
    }
    fn text_of(at: &[usize], r: &csv::ByteRecord, c: Col) -> String {
        String::from_utf8_lossy(cell(at, r, c)).into_owned()
    }
    let mut out = Directory::default();
    // The commune of each code met, looked up once.
    let mut by_code: HashMap<Vec<u8>, Option<&'static CommuneRecord>> = HashMap::new();
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                return Err(format!(
                    "ligne {} : CSV illisible ({e})",
                    record.position().map_or(0, |p| p.line())
                ));
            }
        }
        if record.iter().all(|c| trim(c).is_empty()) {
            continue;
        }
        out.rows += 1;
        let code = cell(&at, &record, Col::Code);
        let commune = *by_code.entry(code.to_vec()).or_insert_with(|| {
            std::str::from_utf8(code)
                .ok()
                .and_then(communes::by_code)
                .map(|(c, _)| c)
        });
        let Some(commune) = commune else { continue };
        if let Communes::One(wanted) = communes
            && wanted.insee != commune.insee
        {
            continue;
        }
        out.rows_of_communes += 1;
        if !is(cell(&at, &record, Col::Type), "ecole")
            || !is(cell(&at, &record, Col::Status), "public")
        {
            continue;
        }
        let state = if at[Col::State as usize] == usize::MAX {
            String::new()
        } else {
            key(&text_of(&at, &record, Col::State))
        };
        if state == "ferme" {
            continue;
        }
        let flag = |c: Col| cell(&at, &record, c) == b"1";
        let nature = text_of(&at, &record, Col::Nature);
        let level = match (flag(Col::Maternelle), flag(Col::Elementaire)) {
            (true, true) => Level::Primaire,
            (true, false) => Level::Maternelle,
            (false, true) => Level::Elementaire,
            (false, false) => match key(&nature) {
                n if n.contains("maternelle") => Level::Maternelle,
                n if n.contains("elementaire") => Level::Elementaire,
                _ => continue,
            },
        };
        let address = [
            text_of(&at, &record, Col::Address),
            [
                text_of(&at, &record, Col::PostCode),
                text_of(&at, &record, Col::CommuneName),
            ]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" "),
        ]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
        out.schools.push(DirectorySchool {
            uai: text_of(&at, &record, Col::Uai),
            name: text_of(&at, &record, Col::Name),
            level,
            commune,
            closing: state == "afermer",
            address,
            opened: parse_iso(&text_of(&at, &record, Col::Opened)),
            nature,
            line: record.position().map_or(0, |p| p.line()),
        });
    }
    Ok(out)
}

/// Whether a file's first line is the directory's header (it names the UAI's column).
pub fn looks_like_directory(bytes: &[u8]) -> bool {
    let first = bytes.split(|b| *b == b'\n').next().unwrap_or_default();
    let first = &first[..first.len().min(8192)];
    key(&String::from_utf8_lossy(first)).contains("identifiantdeletablissement")
}

/// A cell without surrounding spaces.
fn trim(cell: &[u8]) -> &[u8] {
    cell.trim_ascii()
}

/// Whether `cell` is `word` (folded: « Ecole », « École », « ECOLE »).
fn is(cell: &[u8], word: &str) -> bool {
    cell.len() <= 16 && key(&String::from_utf8_lossy(cell)) == word
}

/// The commune a command-line argument names: an INSEE code (an arrondissement's or a former
/// one leads to its commune) or a name; outside the Métropole, a French message.
pub fn commune_arg(arg: &str) -> Result<&'static CommuneRecord, String> {
    let arg = arg.trim();
    let found = if arg.bytes().all(|b| b.is_ascii_alphanumeric())
        && arg.bytes().any(|b| b.is_ascii_digit())
    {
        communes::by_code(arg)
    } else {
        // « Lyon 3e Arrondissement », as the directory names it: Lyon.
        let folded = key(arg);
        communes::by_name(arg).or_else(|| {
            (folded.starts_with("lyon") && folded.contains("arrondissement"))
                .then(|| communes::by_name("Lyon"))
                .flatten()
        })
    };
    found.map(|(c, _)| c).ok_or_else(|| {
        format!(
            "« {arg} » n'est pas une des 58 communes de la Métropole de Lyon (code INSEE ou nom)"
        )
    })
}

/// A scenario (`laclasse-sim/1`) for `commune` notified on `notified`, with `schools`: each
/// requested on the notification (the initial list), public, waiting for its administrator.
pub fn scenario(
    commune: &CommuneRecord,
    notified: NaiveDate,
    schools: &[DirectorySchool],
) -> Scenario {
    Scenario {
        commune: Commune::of(commune),
        convention: Convention::standard(notified),
        deliberation: Deliberation::default(),
        horizon_until: default_horizon(notified),
        usage: None,
        contacts: Contacts::default(),
        termination_delegation: false,
        termination_act: None,
        schools: schools
            .iter()
            .map(|s| s.school(notified))
            .collect::<Vec<_>>()
            .into(),
    }
}

/// Whether a school of a simulation (its UAI, its name) is the directory's `entry`: the same
/// UAI, or, when one of the two has none, the same name (folded).
pub fn same_school(uai: Option<&str>, name: &str, entry: &DirectorySchool) -> bool {
    match uai.map(str::trim).filter(|u| !u.is_empty()) {
        Some(u) if !entry.uai.is_empty() => u.eq_ignore_ascii_case(&entry.uai),
        _ => fold_name(name) == fold_name(&entry.name),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXAMPLE: &[u8] = include_bytes!("../../../data/annuaire-exemple.csv");

    fn commune(code: &str) -> &'static CommuneRecord {
        communes::by_code(code).unwrap().0
    }

    fn names(d: &Directory) -> Vec<&str> {
        d.schools.iter().map(|s| s.name.as_str()).collect()
    }

    #[test]
    fn craponne_has_its_three_public_schools() {
        let d = read(EXAMPLE, Communes::One(commune("69069"))).unwrap();
        assert_eq!(
            names(&d),
            [
                "Ecole maternelle du Centre",
                "Ecole élémentaire du Centre",
                "Ecole primaire des Tourelles"
            ]
        );
        let levels: Vec<Level> = d.schools.iter().map(|s| s.level).collect();
        assert_eq!(
            levels,
            [Level::Maternelle, Level::Elementaire, Level::Primaire]
        );
        assert_eq!(d.schools[0].uai, "0693101W");
        assert_eq!(d.rows_of_communes, 5);
        assert_eq!(
            d.schools[0].says(),
            "Annuaire de l'éducation : 1 rue des Écoles, 69290 Craponne ; ouverte le 01/09/1970 ; ECOLE MATERNELLE"
        );
    }

    #[test]
    fn tassin_has_six_the_closed_one_left_out_les_tilleuls_warned() {
        let d = read(EXAMPLE, Communes::One(commune("69244"))).unwrap();
        assert_eq!(d.schools.len(), 6, "{:?}", names(&d));
        assert!(!names(&d).contains(&"Ecole maternelle des Genêts"));
        let tilleuls = d
            .schools
            .iter()
            .find(|s| s.name.contains("Tilleuls"))
            .unwrap();
        assert!(tilleuls.closing);
        assert!(tilleuls.warning().unwrap().contains("« A FERMER »"));
        assert_eq!(
            d.schools.iter().filter(|s| s.warning().is_some()).count(),
            1
        );
    }

    #[test]
    fn lyon_s_arrondissements_are_lyon_s_and_other_communes_are_left_out() {
        let d = read(EXAMPLE, Communes::All).unwrap();
        let by = d.by_commune();
        let count = |insee: &str| by.get(insee).map(Vec::len);
        assert_eq!(count("69123"), Some(2));
        assert_eq!(count("69069"), Some(3));
        assert_eq!(count("69244"), Some(6));
        // Villefranche and Grenoble are not in the Métropole.
        assert_eq!(by.len(), 3, "{by:?}");
        assert_eq!(d.rows, 16);
        assert!(
            d.schools
                .iter()
                .filter(|s| s.commune.insee == "69123")
                .all(|s| s.commune.name == "Lyon")
        );
    }

    #[test]
    fn columns_are_found_by_name_whatever_their_order_case_accents_and_line_ends() {
        // Re-saved by a spreadsheet: columns reordered, headers retyped, CRLF, quotes, a BOM,
        // and a column added.
        let text = "\u{feff}\"Code commune\";\"ÉTAT\";\"Nom établissement\";Statut_Public_Prive;Type_etablissement;ecole_elementaire;ECOLE_MATERNELLE;Identifiant_de_l_etablissement;Code postal\r\n\
                    69069;OUVERT;\"Ecole du Pont; annexe\";Public;Ecole;1;0;0690001A;69290\r\n\
                    69069;FERME;Ecole fermée;Public;Ecole;1;0;0690002B;69290\r\n";
        let d = read(text.as_bytes(), Communes::One(commune("69069"))).unwrap();
        assert_eq!(names(&d), ["Ecole du Pont; annexe"]);
        assert_eq!(d.schools[0].level, Level::Elementaire);
        // Windows-1252, as a French spreadsheet may save it.
        let latin: Vec<u8> = "Identifiant_de_l_etablissement;Nom_etablissement;Type_etablissement;Statut_public_prive;Code_commune;Ecole_maternelle;Ecole_elementaire\n0690003C;Ecole des Frênes;Ecole;Public;69069;1;0\n"
            .chars()
            .map(|c| if c == 'ê' { 0xEA } else { c as u8 })
            .collect();
        let d = read(&latin, Communes::All).unwrap();
        assert_eq!(names(&d), ["Ecole des Frênes"]);
    }

    #[test]
    fn a_wrong_file_is_said_in_french() {
        let e = read(
            b"commune;ecoles;notification\nCraponne;3;2025-01-15\n",
            Communes::All,
        )
        .unwrap_err();
        assert!(e.starts_with("ce fichier n'est pas un export de l'annuaire de l'éducation : colonnes « Identifiant_de_l_etablissement », « Nom_etablissement »"), "{e}");
        assert!(
            read(b"PK\x03\x04zzzz", Communes::All)
                .unwrap_err()
                .contains("classeur")
        );
        assert_eq!(read(b"", Communes::All).unwrap_err(), "le fichier est vide");
        assert!(
            read(b"a\0b", Communes::All)
                .unwrap_err()
                .contains("pas un fichier texte")
        );
    }

    #[test]
    fn a_commune_argument_is_a_code_or_a_name() {
        assert_eq!(commune_arg("69069").unwrap().name, "Craponne");
        assert_eq!(commune_arg("69383").unwrap().name, "Lyon");
        assert_eq!(commune_arg("tassin la demi lune").unwrap().insee, "69244");
        assert_eq!(
            commune_arg("Lyon 3e Arrondissement").unwrap().insee,
            "69123"
        );
        assert!(
            commune_arg("Grenoble")
                .unwrap_err()
                .contains("n'est pas une des 58 communes")
        );
        assert!(commune_arg("38185").is_err());
    }

    #[test]
    fn the_scenario_s_schools_wait_for_their_administrators() {
        let d = read(EXAMPLE, Communes::One(commune("69069"))).unwrap();
        let notified = NaiveDate::from_ymd_opt(2025, 1, 15).unwrap();
        let s = scenario(commune("69069"), notified, &d.schools);
        assert_eq!(s.schools.len(), 3);
        assert!(
            s.schools.iter().all(|x| x.requested == notified
                && x.admin.is_none()
                && x.sector == Sector::Public)
        );
        assert_eq!(s.schools[2].uai.as_deref(), Some("0693103Y"));
        assert!(same_school(Some("0693103y"), "autre nom", &d.schools[2]));
        assert!(same_school(
            None,
            "École primaire des Tourelles",
            &d.schools[2]
        ));
        assert!(!same_school(
            Some("0690000Z"),
            "Ecole primaire des Tourelles",
            &d.schools[2]
        ));
    }
}
