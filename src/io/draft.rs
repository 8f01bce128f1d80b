//! A scenario as a person is typing it: every field is the text as typed, so nothing is ever
//! lost, even while it is invalid. `to_value` writes it in the scenario format; the scenario
//! reader then says, field by field, what is wrong. `from_value` reads any scenario file,
//! valid or not, into a draft.

use std::rc::Rc;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};

use super::scenario::FORMAT;

/// A contact as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ContactDraft {
    pub last_name: String,
    pub first_name: String,
    pub function: String,
    pub email: String,
    pub phone: String,
}

impl ContactDraft {
    pub fn is_empty(&self) -> bool {
        [
            &self.last_name,
            &self.first_name,
            &self.function,
            &self.email,
            &self.phone,
        ]
        .iter()
        .all(|s| s.trim().is_empty())
    }

    /// The field called `key` (`last_name`, …), for editing.
    pub fn field_mut(&mut self, key: &str) -> Option<&mut String> {
        match key {
            "last_name" => Some(&mut self.last_name),
            "first_name" => Some(&mut self.first_name),
            "function" => Some(&mut self.function),
            "email" => Some(&mut self.email),
            "phone" => Some(&mut self.phone),
            _ => None,
        }
    }

    fn to_value(&self) -> Value {
        if self.is_empty() {
            return Value::Null;
        }
        json!({
            "last_name": self.last_name,
            "first_name": self.first_name,
            "function": self.function,
            "email": self.email,
            "phone": self.phone,
        })
    }

    fn from_value(v: Option<&Value>) -> ContactDraft {
        let Some(Value::Object(m)) = v else {
            return ContactDraft::default();
        };
        ContactDraft {
            last_name: text(m, "last_name"),
            first_name: text(m, "first_name"),
            function: text(m, "function"),
            email: text(m, "email"),
            phone: text(m, "phone"),
        }
    }
}

/// A school as typed. `id` is a stable key for the page (never written to the scenario file).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SchoolDraft {
    pub id: u64,
    pub name: String,
    pub uai: String,
    pub level: String,
    pub sector: String,
    pub group: String,
    pub requested: String,
    pub opened: String,
    pub removal_requested: String,
    pub storage_gb: String,
    pub admin: ContactDraft,
}

impl Default for SchoolDraft {
    fn default() -> SchoolDraft {
        SchoolDraft {
            id: 0,
            name: String::new(),
            uai: String::new(),
            level: "elementaire".into(),
            sector: "public".into(),
            group: String::new(),
            requested: String::new(),
            opened: String::new(),
            removal_requested: String::new(),
            storage_gb: String::new(),
            admin: ContactDraft::default(),
        }
    }
}

impl SchoolDraft {
    /// The field called `key` as in the scenario format (`name`, `requested`, `admin.email`…).
    pub fn field_mut(&mut self, key: &str) -> Option<&mut String> {
        if let Some(sub) = key.strip_prefix("admin.") {
            return self.admin.field_mut(sub);
        }
        match key {
            "name" => Some(&mut self.name),
            "uai" => Some(&mut self.uai),
            "level" => Some(&mut self.level),
            "sector" => Some(&mut self.sector),
            "group" => Some(&mut self.group),
            "requested" => Some(&mut self.requested),
            "opened" => Some(&mut self.opened),
            "removal_requested" => Some(&mut self.removal_requested),
            "storage_gb" => Some(&mut self.storage_gb),
            _ => None,
        }
    }

    /// The school in the scenario format.
    pub fn to_value(&self) -> Value {
        let mut m = Map::new();
        m.insert("name".into(), Value::String(self.name.clone()));
        opt(&mut m, "uai", &self.uai);
        m.insert("level".into(), Value::String(self.level.clone()));
        m.insert("sector".into(), Value::String(self.sector.clone()));
        opt(&mut m, "group", &self.group);
        m.insert("requested".into(), Value::String(self.requested.clone()));
        opt(&mut m, "opened", &self.opened);
        opt(&mut m, "removal_requested", &self.removal_requested);
        let storage = self.storage_gb.trim();
        if !storage.is_empty() {
            // A plain number is written as one; anything else as typed, for the reader to judge.
            let value = match storage.replace(',', ".").parse::<f64>() {
                Ok(n) if n.is_finite() => serde_json::Number::from_f64(n)
                    .map(Value::Number)
                    .unwrap_or_else(|| Value::String(storage.to_string())),
                _ => Value::String(storage.to_string()),
            };
            m.insert("storage_gb".into(), value);
        }
        m.insert("admin".into(), self.admin.to_value());
        Value::Object(m)
    }
}

/// A whole scenario as typed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Draft {
    pub commune_name: String,
    pub commune_insee: String,
    pub notified: String,
    pub annual_fee: String,
    pub billing_unit: String,
    pub termination_received: String,
    pub deliberation_published: String,
    pub horizon_until: String,
    pub educational_or_cultural: bool,
    pub commercial: bool,
    pub technical_referent: ContactDraft,
    pub project_lead: ContactDraft,
    /// Each school shared, so that copying a draft of 600 schools is cheap and an edit
    /// copies only the school it changes.
    pub schools: Vec<Rc<SchoolDraft>>,
    /// The next free school id.
    pub next_id: u64,
}

impl Default for Draft {
    fn default() -> Draft {
        Draft {
            commune_name: String::new(),
            commune_insee: String::new(),
            notified: String::new(),
            annual_fee: "150,00".into(),
            billing_unit: "school".into(),
            termination_received: String::new(),
            deliberation_published: String::new(),
            horizon_until: String::new(),
            educational_or_cultural: true,
            commercial: false,
            technical_referent: ContactDraft::default(),
            project_lead: ContactDraft::default(),
            schools: Vec::new(),
            next_id: 1,
        }
    }
}

fn opt(m: &mut Map<String, Value>, key: &str, value: &str) {
    if !value.trim().is_empty() {
        m.insert(key.into(), Value::String(value.to_string()));
    }
}

/// A field as text, whatever its JSON type (numbers as written, absent or null as empty).
fn text(m: &Map<String, Value>, key: &str) -> String {
    match m.get(key) {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    }
}

fn object<'a>(m: &'a Map<String, Value>, key: &str) -> Option<&'a Map<String, Value>> {
    m.get(key).and_then(Value::as_object)
}

/// A fee written `150.00` in the file is shown `150,00`, as a French reader writes it.
fn fee_for_display(fee: &str) -> String {
    fee.replace('.', ",")
}

impl Draft {
    /// The top-level text field called `key` (`notified`, `annual_fee`…), for editing.
    pub fn field_mut(&mut self, key: &str) -> Option<&mut String> {
        match key {
            "commune_name" => Some(&mut self.commune_name),
            "commune_insee" => Some(&mut self.commune_insee),
            "notified" => Some(&mut self.notified),
            "annual_fee" => Some(&mut self.annual_fee),
            "billing_unit" => Some(&mut self.billing_unit),
            "termination_received" => Some(&mut self.termination_received),
            "deliberation_published" => Some(&mut self.deliberation_published),
            "horizon_until" => Some(&mut self.horizon_until),
            _ => None,
        }
    }

    /// A new school row with a fresh id.
    pub fn new_school(&mut self) -> SchoolDraft {
        let id = self.next_id;
        self.next_id += 1;
        SchoolDraft {
            id,
            ..SchoolDraft::default()
        }
    }

    /// The draft in the scenario format, for the reader, the file and the page address.
    pub fn to_value(&self) -> Value {
        let mut root = Map::new();
        root.insert("format".into(), Value::String(FORMAT.into()));
        let mut commune = Map::new();
        commune.insert("name".into(), Value::String(self.commune_name.clone()));
        opt(&mut commune, "insee", &self.commune_insee);
        root.insert("commune".into(), Value::Object(commune));
        let mut convention = Map::new();
        convention.insert("notified".into(), Value::String(self.notified.clone()));
        // Empty means the default fee (150,00 €), as in the scenario format.
        opt(&mut convention, "annual_fee_eur", self.annual_fee.trim());
        convention.insert(
            "billing_unit".into(),
            Value::String(self.billing_unit.clone()),
        );
        opt(
            &mut convention,
            "termination_received",
            &self.termination_received,
        );
        root.insert("convention".into(), Value::Object(convention));
        if !self.deliberation_published.trim().is_empty() {
            root.insert(
                "deliberation".into(),
                json!({ "published": self.deliberation_published }),
            );
        }
        opt(&mut root, "horizon_until", &self.horizon_until);
        root.insert(
            "usage".into(),
            json!({ "educational_or_cultural": self.educational_or_cultural, "commercial": self.commercial }),
        );
        root.insert(
            "contacts".into(),
            json!({
                "technical_referent": self.technical_referent.to_value(),
                "project_lead": self.project_lead.to_value(),
            }),
        );
        root.insert(
            "schools".into(),
            Value::Array(self.schools.iter().map(|s| s.to_value()).collect()),
        );
        Value::Object(root)
    }

    /// The draft in the scenario format without its schools, for reading the schools one by
    /// one (see `io::scenario::parse_parts`).
    pub fn head_value(&self) -> Value {
        let mut v = Draft {
            schools: Vec::new(),
            ..self.clone()
        }
        .to_value();
        if let Some(m) = v.as_object_mut() {
            m.remove("schools");
        }
        v
    }

    /// Reads any JSON value as a draft, keeping whatever it can (an invalid file still opens,
    /// and its errors show next to the fields).
    pub fn from_value(v: &Value) -> Draft {
        let empty = Map::new();
        let root = v.as_object().unwrap_or(&empty);
        let commune = object(root, "commune").unwrap_or(&empty);
        let convention = object(root, "convention").unwrap_or(&empty);
        let usage = object(root, "usage");
        let contacts = object(root, "contacts").unwrap_or(&empty);
        let fee = text(convention, "annual_fee_eur");
        let mut draft = Draft {
            commune_name: text(commune, "name"),
            commune_insee: text(commune, "insee"),
            notified: text(convention, "notified"),
            annual_fee: if fee.is_empty() {
                "150,00".into()
            } else {
                fee_for_display(&fee)
            },
            billing_unit: match text(convention, "billing_unit") {
                u if u.is_empty() => "school".into(),
                u => u,
            },
            termination_received: text(convention, "termination_received"),
            deliberation_published: object(root, "deliberation")
                .map(|d| text(d, "published"))
                .unwrap_or_default(),
            horizon_until: text(root, "horizon_until"),
            educational_or_cultural: usage
                .and_then(|u| u.get("educational_or_cultural"))
                .and_then(Value::as_bool)
                .unwrap_or(true),
            commercial: usage
                .and_then(|u| u.get("commercial"))
                .and_then(Value::as_bool)
                .unwrap_or(false),
            technical_referent: ContactDraft::from_value(contacts.get("technical_referent")),
            project_lead: ContactDraft::from_value(contacts.get("project_lead")),
            schools: Vec::new(),
            next_id: 1,
        };
        if let Some(Value::Array(items)) = root.get("schools") {
            for item in items {
                let m = item.as_object().unwrap_or(&empty);
                let mut school = draft.new_school();
                school.name = text(m, "name");
                school.uai = text(m, "uai");
                school.level = text(m, "level");
                school.sector = text(m, "sector");
                school.group = text(m, "group");
                school.requested = text(m, "requested");
                school.opened = text(m, "opened");
                school.removal_requested = text(m, "removal_requested");
                school.storage_gb = text(m, "storage_gb").replace('.', ",");
                school.admin = ContactDraft::from_value(m.get("admin"));
                draft.schools.push(Rc::new(school));
            }
        }
        draft
    }

    /// Reads scenario JSON text as a draft; `None` when it is not JSON at all.
    pub fn from_json(text: &str) -> Option<Draft> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        serde_json::from_str::<Value>(text)
            .ok()
            .filter(Value::is_object)
            .map(|v| Draft::from_value(&v))
    }

    /// The scenario file's text.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(&self.to_value()).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::{parse_str, parse_value, samples};

    #[test]
    fn tassin_round_trips_through_a_draft() {
        let draft = Draft::from_json(samples::TASSIN_JSON).unwrap();
        assert_eq!(draft.annual_fee, "150,00");
        assert_eq!(draft.schools.len(), 4);
        assert_eq!(draft.schools[2].storage_gb, "11,2");
        let scenario = parse_value(&draft.to_value()).unwrap();
        assert_eq!(scenario, parse_str(samples::TASSIN_JSON).unwrap());
    }

    #[test]
    fn what_is_typed_survives_and_errors_name_the_field() {
        let mut draft = Draft::from_json(samples::TASSIN_JSON).unwrap();
        Rc::make_mut(&mut draft.schools[1]).requested = "2023-02-3".into();
        Rc::make_mut(&mut draft.schools[0]).storage_gb = "beaucoup".into();
        draft.annual_fee = "150,5x".into();
        let errors = parse_value(&draft.to_value()).unwrap_err();
        let paths: Vec<&str> = errors.iter().map(|e| e.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "convention.annual_fee_eur",
                "schools[0].storage_gb",
                "schools[1].requested"
            ]
        );
        // The draft written to a file and read back keeps the invalid text.
        let again = Draft::from_json(&draft.to_json_pretty()).unwrap();
        assert_eq!(again.schools[1].requested, "2023-02-3");
        assert_eq!(again.schools[0].storage_gb, "beaucoup");
        assert_eq!(again.annual_fee, "150,5x");
    }

    #[test]
    fn an_empty_draft_asks_for_the_essentials() {
        let errors = parse_value(&Draft::default().to_value()).unwrap_err();
        let paths: Vec<&str> = errors.iter().map(|e| e.path.as_str()).collect();
        assert!(paths.contains(&"convention.notified"), "{paths:?}");
    }

    #[test]
    fn reading_school_by_school_gives_the_same_as_the_whole() {
        use crate::io::scenario::{parse_parts, parse_school};
        let mut draft = Draft::from_json(samples::TASSIN_JSON).unwrap();
        let by_parts = |d: &Draft| {
            let schools: Vec<_> = d
                .schools
                .iter()
                .enumerate()
                .map(|(i, s)| parse_school(&s.to_value(), i))
                .collect();
            parse_parts(&d.head_value(), &schools)
        };
        assert_eq!(by_parts(&draft), parse_value(&draft.to_value()));
        Rc::make_mut(&mut draft.schools[3]).requested = "2023-13-01".into();
        draft.notified = "hier".into();
        assert_eq!(by_parts(&draft), parse_value(&draft.to_value()));
        assert_eq!(by_parts(&draft).unwrap_err().len(), 2);
    }

    #[test]
    fn new_schools_get_fresh_ids() {
        let mut d = Draft::default();
        let a = d.new_school();
        let b = d.new_school();
        assert_ne!(a.id, b.id);
    }
}
