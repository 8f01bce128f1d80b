//! The scenario file (`laclasse-sim/1`): reading with every error named by its field path,
//! and writing back the same format.

use std::fmt;

use chrono::NaiveDate;
use serde_json::{Map, Value, json};

use crate::engine::dates::{self, add_years, fr};
use crate::engine::money::Money;
use crate::engine::r2_termination::r2_reception_error;
use crate::engine::scenario::{
    BillingUnit, Commune, Contact, Contacts, Convention, Level, Scenario, School, Sector,
    StorageGb, Usage,
};
use crate::engine::simulate::default_horizon;

/// The only format version this build reads and writes.
pub const FORMAT: &str = "laclasse-sim/1";

/// The longest planning horizon accepted, in years after the notification.
pub const MAX_HORIZON_YEARS: i32 = 100;

/// A problem with one field of a scenario, in French.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// Where: `schools[2].requested`; empty for the file as a whole.
    pub path: String,
    pub message: String,
}

impl FieldError {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> FieldError {
        FieldError {
            path: path.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// Reads a scenario from JSON text. Every error found is returned, not just the first.
pub fn parse_str(text: &str) -> Result<Scenario, Vec<FieldError>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match serde_json::from_str::<Value>(text) {
        Ok(value) => parse_value(&value),
        Err(e) => Err(vec![FieldError::new("", json_error_message(text, &e))]),
    }
}

fn json_error_message(text: &str, e: &serde_json::Error) -> String {
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

/// Collects errors while reading a JSON value.
struct Reader {
    errors: Vec<FieldError>,
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "un booléen",
        Value::Number(_) => "un nombre",
        Value::String(_) => "une chaîne de caractères",
        Value::Array(_) => "une liste",
        Value::Object(_) => "un objet",
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// A present field: not null, and not an empty (or blank) text.
fn get<'a>(map: &'a Map<String, Value>, key: &str) -> Option<&'a Value> {
    map.get(key)
        .filter(|v| !v.is_null() && !v.as_str().is_some_and(|s| s.trim().is_empty()))
}

impl Reader {
    fn error(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.errors.push(FieldError::new(path, message));
    }

    fn wrong_type(&mut self, path: &str, expected: &str, got: &Value) {
        self.error(
            path,
            format!("{expected} est attendu, pas {}", type_name(got)),
        );
    }

    fn object<'a>(&mut self, v: &'a Value, path: &str) -> Option<&'a Map<String, Value>> {
        match v {
            Value::Object(m) => Some(m),
            other => {
                self.wrong_type(path, "un objet", other);
                None
            }
        }
    }

    fn string(&mut self, v: &Value, path: &str) -> Option<String> {
        match v {
            Value::String(s) => Some(s.clone()),
            other => {
                self.wrong_type(path, "un texte", other);
                None
            }
        }
    }

    fn required<'a>(
        &mut self,
        map: &'a Map<String, Value>,
        path: &str,
        key: &str,
    ) -> Option<&'a Value> {
        let found = get(map, key);
        if found.is_none() {
            self.error(join(path, key), "champ obligatoire manquant");
        }
        found
    }

    fn required_string(
        &mut self,
        map: &Map<String, Value>,
        path: &str,
        key: &str,
    ) -> Option<String> {
        let v = self.required(map, path, key)?;
        self.string(v, &join(path, key))
    }

    fn optional_string(
        &mut self,
        map: &Map<String, Value>,
        path: &str,
        key: &str,
    ) -> Option<String> {
        let v = get(map, key)?;
        self.string(v, &join(path, key))
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
    }

    fn date(&mut self, v: &Value, path: &str) -> Option<NaiveDate> {
        let text = self.string(v, path)?;
        let date = dates::parse_iso(text.trim());
        if date.is_none() {
            self.error(
                path,
                format!("\"{text}\" n'est pas une date valide (format attendu AAAA-MM-JJ, par exemple 2023-11-16)"),
            );
        }
        date
    }

    fn required_date(
        &mut self,
        map: &Map<String, Value>,
        path: &str,
        key: &str,
    ) -> Option<NaiveDate> {
        let v = self.required(map, path, key)?;
        self.date(v, &join(path, key))
    }

    fn optional_date(
        &mut self,
        map: &Map<String, Value>,
        path: &str,
        key: &str,
    ) -> Option<NaiveDate> {
        // `get` already treats an empty text as absent.
        let v = get(map, key)?;
        self.date(v, &join(path, key))
    }

    fn boolean(&mut self, map: &Map<String, Value>, path: &str, key: &str, default: bool) -> bool {
        match get(map, key) {
            None => default,
            Some(Value::Bool(b)) => *b,
            Some(other) => {
                self.wrong_type(&join(path, key), "true ou false", other);
                default
            }
        }
    }

    fn code<T>(
        &mut self,
        map: &Map<String, Value>,
        path: &str,
        key: &str,
        what: &str,
        from_code: fn(&str) -> Option<T>,
        codes: &[&str],
    ) -> Option<T> {
        let text = self.required_string(map, path, key)?;
        let found = from_code(text.trim());
        if found.is_none() {
            self.error(
                join(path, key),
                format!(
                    "\"{text}\" n'est pas {what} (valeurs possibles : {})",
                    codes.join(", ")
                ),
            );
        }
        found
    }

    fn contact(&mut self, v: &Value, path: &str) -> Option<Contact> {
        let map = self.object(v, path)?;
        let mut field = |key: &str| -> String {
            match get(map, key) {
                None => String::new(),
                Some(v) => self.string(v, &join(path, key)).unwrap_or_default(),
            }
        };
        Some(Contact {
            last_name: field("last_name"),
            first_name: field("first_name"),
            function: field("function"),
            email: field("email"),
            phone: field("phone"),
        })
    }

    fn optional_contact(
        &mut self,
        map: &Map<String, Value>,
        path: &str,
        key: &str,
    ) -> Option<Contact> {
        let v = get(map, key)?;
        self.contact(v, &join(path, key))
    }

    fn fee(&mut self, map: &Map<String, Value>, path: &str) -> Option<Money> {
        let p = join(path, "annual_fee_eur");
        let text = match get(map, "annual_fee_eur") {
            None => return Some(Money::from_euros(150)),
            Some(Value::String(s)) => s.clone(),
            Some(Value::Number(n)) => n.to_string(),
            Some(other) => {
                self.wrong_type(&p, "un montant (texte \"150.00\" ou nombre)", other);
                return None;
            }
        };
        // A JSON number such as 150.0 prints as "150.0": the trailing zero is no decimal.
        let normalised =
            if get(map, "annual_fee_eur").is_some_and(Value::is_number) && text.contains('.') {
                text.trim_end_matches('0').trim_end_matches('.').to_string()
            } else {
                text.clone()
            };
        match Money::parse_fee(&normalised) {
            Ok(m) => Some(m),
            Err(e) => {
                self.error(p, format!("\"{text}\" : {}", e.message()));
                None
            }
        }
    }

    fn storage(&mut self, map: &Map<String, Value>, path: &str) -> Option<StorageGb> {
        let p = join(path, "storage_gb");
        let gb = match get(map, "storage_gb")? {
            Value::Number(n) => n.as_f64(),
            Value::String(s) if s.trim().is_empty() => return None,
            Value::String(s) => s.trim().replace(',', ".").parse::<f64>().ok(),
            other => {
                self.wrong_type(&p, "un nombre de Go", other);
                return None;
            }
        };
        match gb.and_then(StorageGb::new) {
            Some(s) => Some(s),
            None => {
                self.error(
                    p,
                    "le stockage utilisé est un nombre de Go positif ou nul (par exemple 3.5)",
                );
                None
            }
        }
    }

    fn school(&mut self, v: &Value, path: &str) -> Option<School> {
        let map = self.object(v, path)?;
        let name = self.required_string(map, path, "name");
        let uai = self.optional_string(map, path, "uai");
        let level = self.code(
            map,
            path,
            "level",
            "un niveau reconnu",
            Level::from_code,
            &Level::ALL.map(Level::code),
        );
        let sector = self.code(
            map,
            path,
            "sector",
            "un secteur reconnu",
            Sector::from_code,
            &Sector::ALL.map(Sector::code),
        );
        let group = self.optional_string(map, path, "group");
        let requested = self.required_date(map, path, "requested");
        let opened = self.optional_date(map, path, "opened");
        let removal_requested = self.optional_date(map, path, "removal_requested");
        let storage_gb = self.storage(map, path);
        let admin = self.optional_contact(map, path, "admin");
        if let (Some(r), Some(o)) = (requested, opened)
            && o < r
        {
            self.error(
                join(path, "opened"),
                format!(
                    "l'ouverture ({}) ne peut pas précéder la réception de la demande ({})",
                    fr(o),
                    fr(r)
                ),
            );
        }
        Some(School {
            name: name?.trim().to_string(),
            uai,
            level: level?,
            sector: sector?,
            group,
            requested: requested?,
            opened,
            removal_requested,
            storage_gb,
            admin,
        })
    }
}

/// Reads a scenario from a parsed JSON value.
pub fn parse_value(value: &Value) -> Result<Scenario, Vec<FieldError>> {
    let Value::Object(root) = value else {
        return Err(vec![FieldError::new(
            "",
            format!(
                "le fichier doit contenir un objet JSON (un scénario laclasse-sim), pas {}",
                type_name(value)
            ),
        )]);
    };
    parse_head(root, &[])
}

/// Reads everything but the schools from `root`; the schools are `root`'s when it has them,
/// else the ones `given` (already read by [`parse_school`]).
fn parse_head(
    root: &Map<String, Value>,
    given: &[Result<School, Vec<FieldError>>],
) -> Result<Scenario, Vec<FieldError>> {
    let mut r = Reader { errors: Vec::new() };

    if let Some(v) = get(root, "format") {
        match v {
            Value::String(s) if s == FORMAT => {}
            Value::String(s) => r.error(
                "format",
                format!("\"{s}\" n'est pas un format reconnu : cette version lit \"{FORMAT}\""),
            ),
            other => r.wrong_type("format", "le texte \"laclasse-sim/1\"", other),
        }
    }

    let commune = r.required(root, "", "commune").and_then(|v| {
        let map = r.object(v, "commune")?;
        let name = r.optional_string(map, "commune", "name");
        let insee = r.optional_string(map, "commune", "insee");
        if name.is_none() && insee.is_none() {
            r.error(
                "commune.name",
                "indiquer le nom de la commune (ou son code INSEE)",
            );
            return None;
        }
        Some(Commune {
            name: name.unwrap_or_default(),
            insee,
        })
    });

    let convention = r.required(root, "", "convention").and_then(|v| {
        let map = r.object(v, "convention")?;
        let notified = r.required_date(map, "convention", "notified");
        let fee = r.fee(map, "convention");
        let billing_unit = match get(map, "billing_unit") {
            None => Some(BillingUnit::School),
            Some(_) => r.code(
                map,
                "convention",
                "billing_unit",
                "une unité de facturation reconnue",
                BillingUnit::from_code,
                &BillingUnit::ALL.map(BillingUnit::code),
            ),
        };
        let termination = r.optional_date(map, "convention", "termination_received");
        if let (Some(n), Some(t)) = (notified, termination)
            && let Some(message) = r2_reception_error(n, t)
        {
            r.error("convention.termination_received", message);
        }
        Some(Convention {
            notified: notified?,
            annual_fee: fee?,
            billing_unit: billing_unit?,
            termination_received: termination,
        })
    });
    let notified = convention.as_ref().map(|c| c.notified);

    let deliberation_published = get(root, "deliberation").and_then(|v| {
        let map = r.object(v, "deliberation")?;
        r.optional_date(map, "deliberation", "published")
    });

    let horizon = match get(root, "horizon_until") {
        Some(v) => r.date(v, "horizon_until"),
        None => notified.map(default_horizon),
    };
    if let (Some(n), Some(h)) = (notified, horizon) {
        if h < n {
            r.error(
                "horizon_until",
                format!(
                    "l'horizon ({}) ne peut pas précéder la notification de la convention ({})",
                    fr(h),
                    fr(n)
                ),
            );
        } else if h > add_years(n, MAX_HORIZON_YEARS) {
            r.error(
                "horizon_until",
                format!(
                    "l'horizon ne peut pas dépasser {MAX_HORIZON_YEARS} ans après la notification"
                ),
            );
        }
    }

    let usage = get(root, "usage").and_then(|v| {
        let map = r.object(v, "usage")?;
        Some(Usage {
            educational_or_cultural: r.boolean(map, "usage", "educational_or_cultural", true),
            commercial: r.boolean(map, "usage", "commercial", false),
        })
    });

    let contacts = match get(root, "contacts") {
        None => Contacts::default(),
        Some(v) => match r.object(v, "contacts") {
            None => Contacts::default(),
            Some(map) => Contacts {
                technical_referent: r.optional_contact(map, "contacts", "technical_referent"),
                project_lead: r.optional_contact(map, "contacts", "project_lead"),
            },
        },
    };

    let schools = match get(root, "schools") {
        None => given.to_vec(),
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, v)| parse_school(v, i))
            .collect(),
        Some(other) => {
            r.wrong_type("schools", "une liste d'écoles", other);
            Vec::new()
        }
    };
    assemble(
        r,
        commune,
        convention,
        deliberation_published,
        horizon,
        usage,
        contacts,
        &schools,
    )
}

/// One school of a scenario, read on its own; `index` names it in the errors
/// (`schools[2].requested`). The web app reads only the schools that changed.
pub fn parse_school(value: &Value, index: usize) -> Result<School, Vec<FieldError>> {
    let mut r = Reader { errors: Vec::new() };
    match r.school(value, &format!("schools[{index}]")) {
        Some(school) if r.errors.is_empty() => Ok(school),
        _ => Err(r.errors),
    }
}

/// A scenario from everything but its schools (`head`; a `schools` field in it is ignored)
/// and its schools read by [`parse_school`]. Gives what [`parse_value`] gives on the whole.
pub fn parse_parts(
    head: &Value,
    schools: &[Result<School, Vec<FieldError>>],
) -> Result<Scenario, Vec<FieldError>> {
    match head {
        Value::Object(root) if !root.contains_key("schools") => parse_head(root, schools),
        Value::Object(root) => {
            let mut without = root.clone();
            without.remove("schools");
            parse_head(&without, schools)
        }
        other => parse_value(other),
    }
}

#[allow(clippy::too_many_arguments)]
fn assemble(
    mut r: Reader,
    commune: Option<Commune>,
    convention: Option<Convention>,
    deliberation_published: Option<NaiveDate>,
    horizon: Option<NaiveDate>,
    usage: Option<Usage>,
    contacts: Contacts,
    schools: &[Result<School, Vec<FieldError>>],
) -> Result<Scenario, Vec<FieldError>> {
    let mut read = Vec::with_capacity(schools.len());
    for s in schools {
        match s {
            Ok(school) => read.push(school.clone()),
            Err(errors) => r.errors.extend(errors.iter().cloned()),
        }
    }
    match (commune, convention, horizon) {
        (Some(commune), Some(convention), Some(horizon_until)) if r.errors.is_empty() => {
            Ok(Scenario {
                commune,
                convention,
                deliberation_published,
                horizon_until,
                usage,
                contacts,
                schools: read,
            })
        }
        _ => Err(r.errors),
    }
}

fn contact_json(c: &Contact) -> Value {
    json!({
        "last_name": c.last_name,
        "first_name": c.first_name,
        "function": c.function,
        "email": c.email,
        "phone": c.phone,
    })
}

/// Writes a scenario in the `laclasse-sim/1` format; reading it back gives the same scenario.
pub fn to_value(s: &Scenario) -> Value {
    let date = |d: Option<NaiveDate>| d.map(dates::iso);
    json!({
        "format": FORMAT,
        "commune": { "name": s.commune.name, "insee": s.commune.insee },
        "convention": {
            "notified": dates::iso(s.convention.notified),
            "annual_fee_eur": s.convention.annual_fee.to_decimal_string(),
            "billing_unit": s.convention.billing_unit.code(),
            "termination_received": date(s.convention.termination_received),
        },
        "deliberation": { "published": date(s.deliberation_published) },
        "horizon_until": dates::iso(s.horizon_until),
        "usage": s.usage.map(|u| json!({
            "educational_or_cultural": u.educational_or_cultural,
            "commercial": u.commercial,
        })),
        "contacts": {
            "technical_referent": s.contacts.technical_referent.as_ref().map(contact_json),
            "project_lead": s.contacts.project_lead.as_ref().map(contact_json),
        },
        "schools": s.schools.iter().map(|sc| json!({
            "name": sc.name,
            "uai": sc.uai,
            "level": sc.level.code(),
            "sector": sc.sector.code(),
            "group": sc.group,
            "requested": dates::iso(sc.requested),
            "opened": date(sc.opened),
            "removal_requested": date(sc.removal_requested),
            "storage_gb": sc.storage_gb.map(StorageGb::gb),
            "admin": sc.admin.as_ref().map(contact_json),
        })).collect::<Vec<_>>(),
    })
}

/// The scenario as pretty JSON text.
pub fn to_string_pretty(s: &Scenario) -> String {
    serde_json::to_string_pretty(&to_value(s)).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TASSIN: &str = include_str!("../../tests/fixtures/tassin.json");

    fn errors(text: &str) -> Vec<String> {
        parse_str(text)
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn reads_tassin() {
        let s = parse_str(TASSIN).unwrap();
        assert_eq!(s.commune.insee.as_deref(), Some("69244"));
        assert_eq!(s.convention.annual_fee, Money::from_euros(150));
        assert_eq!(s.schools.len(), 4);
        assert_eq!(s.schools[0].group.as_deref(), Some("GS du Bourg"));
        assert_eq!(s.schools[2].storage_gb.unwrap().gb(), 11.2);
    }

    #[test]
    fn round_trip() {
        let s = parse_str(TASSIN).unwrap();
        let again = parse_str(&to_string_pretty(&s)).unwrap();
        assert_eq!(s, again);
    }

    #[test]
    fn defaults() {
        let s = parse_str(r#"{"commune":{"name":"Bron"},"convention":{"notified":"2024-02-29"}}"#)
            .unwrap();
        assert_eq!(s.convention.annual_fee, Money::from_euros(150));
        assert_eq!(s.convention.billing_unit, BillingUnit::School);
        assert_eq!(s.horizon_until, dates::parse_iso("2029-02-28").unwrap());
        assert!(s.schools.is_empty());
        assert_eq!(s.usage, None);
    }

    #[test]
    fn fee_as_number_or_string() {
        let with = |fee: &str| {
            parse_str(&format!(
                r#"{{"commune":{{"name":"Bron"}},"convention":{{"notified":"2024-01-01","annual_fee_eur":{fee}}}}}"#
            ))
            .map(|s| s.convention.annual_fee.cents())
        };
        assert_eq!(with("150"), Ok(15_000));
        assert_eq!(with("150.5"), Ok(15_050));
        assert_eq!(with("150.0"), Ok(15_000));
        assert_eq!(with("\"150.50\""), Ok(15_050));
        assert!(with("150.555").is_err());
        assert!(with("-1").is_err());
        assert!(with("true").is_err());
    }

    #[test]
    fn impossible_date_names_the_field() {
        let text = TASSIN.replacen("\"2024-03-04\"", "\"2023-02-30\"", 1);
        let e = errors(&text);
        assert_eq!(e.len(), 1);
        assert!(
            e[0].starts_with("schools[2].requested: \"2023-02-30\" n'est pas une date valide"),
            "{e:?}"
        );
    }

    #[test]
    fn all_errors_together() {
        let e = errors(
            r#"{"format":"laclasse-sim/1","commune":{"name":"Bron"},
               "convention":{"notified":"2024-13-01","billing_unit":"classe","annual_fee_eur":"0"},
               "schools":[{"name":"A","level":"cm2","sector":"public","requested":"2024-01-01"},
                          {"name":"B","level":"primaire","sector":"laïque","requested":5}]}"#,
        );
        let joined = e.join("\n");
        assert!(joined.contains("convention.notified: \"2024-13-01\" n'est pas une date valide"));
        assert!(joined.contains("convention.billing_unit: \"classe\" n'est pas une unité de facturation reconnue (valeurs possibles : school, school_group)"));
        assert!(
            joined.contains(
                "convention.annual_fee_eur: \"0\" : le montant doit être supérieur à zéro"
            )
        );
        assert!(joined.contains("schools[0].level: \"cm2\""));
        assert!(joined.contains("schools[1].sector: \"laïque\""));
        assert!(joined.contains("schools[1].requested: un texte est attendu, pas un nombre"));
        assert_eq!(e.len(), 6, "{joined}");
    }

    #[test]
    fn unknown_format_is_refused() {
        let e = errors(
            r#"{"format":"laclasse-sim/2","commune":{"name":"Bron"},"convention":{"notified":"2024-01-01"}}"#,
        );
        assert_eq!(
            e,
            [
                "format: \"laclasse-sim/2\" n'est pas un format reconnu : cette version lit \"laclasse-sim/1\""
            ]
        );
    }

    #[test]
    fn cross_field_checks() {
        let e = errors(
            r#"{"commune":{"name":"Bron"},"convention":{"notified":"2024-01-10","termination_received":"2024-01-01"},
               "horizon_until":"2023-12-31",
               "schools":[{"name":"A","level":"primaire","sector":"public","requested":"2024-03-01","opened":"2024-02-01"}]}"#,
        );
        let joined = e.join("\n");
        assert!(joined.contains("convention.termination_received: la lettre de résiliation ne peut pas être reçue (01/01/2024) avant la notification"));
        assert!(joined.contains("horizon_until: l'horizon (31/12/2023) ne peut pas précéder"));
        assert!(joined.contains("schools[0].opened: l'ouverture (01/02/2024) ne peut pas précéder la réception de la demande (01/03/2024)"));
    }

    #[test]
    fn not_json() {
        assert!(errors("")[0].contains("le fichier est vide"));
        assert!(errors("{\"commune\": {")[0].contains("tronqué"));
        assert!(errors("nom;uai;niveau\nÉcole;0691234A;primaire\n")[0].contains("CSV"));
        assert!(errors("[1,2]")[0].contains("pas une liste"));
    }
}
