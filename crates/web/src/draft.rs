//! A scenario as a person is typing it: every field is the text as typed, so nothing is ever
//! lost, even while it is invalid. `to_value` writes it in the scenario format by the schema's
//! keys; the scenario reader then says, field by field, what is wrong. `from_value` reads any
//! scenario file, valid or not, into a draft.

use std::marker::PhantomData;
use std::rc::Rc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};

use engine::d5_legality::Publicity;
use engine::scenario::{Proxy, names_in, proxy_lines};
use engine::text::decimal_comma;
use io::scenario::{FORMAT, MAX_SCHOOLS};
use io::schema::{
    ContactField, FORMAT_KEY, Field, FieldRef, Flag, Input, MeetingField, PROXY_GIVER_KEY,
    PROXY_HOLDER_KEY, Role, SCHOOLS_KEY, SchoolField, Section, contact_key, insert_at, value_at,
};

/// A field as text, whatever its JSON type (numbers as written, absent or null as empty).
fn text_of(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        // A list (names, proxies): one item a line, as typed.
        Some(Value::Array(items)) => items
            .iter()
            .map(|item| match item {
                Value::Object(m) => {
                    let name = |k: &str| m.get(k).and_then(Value::as_str).unwrap_or_default();
                    Proxy {
                        giver: name(PROXY_GIVER_KEY).into(),
                        holder: name(PROXY_HOLDER_KEY).into(),
                    }
                    .to_string()
                }
                other => text_of(Some(other)),
            })
            .collect::<Vec<_>>()
            .join("\n"),
        // Written by serde_json's writer, not by `Display`: the web build then needs no float
        // formatting code of its own.
        Some(other) => serde_json::to_string(other).unwrap_or_default(),
    }
}

/// A text as typed, in the file's type: a list for one item a line, a number for a count
/// that is one; anything else as typed, for the reader to judge.
fn typed_value(input: Input, text: &str) -> Value {
    let items = |items: &mut dyn Iterator<Item = &str>| {
        Value::Array(items.map(|s| Value::String(s.to_string())).collect())
    };
    match input {
        Input::Lines => items(&mut names_in(text)),
        Input::Proxies => items(&mut proxy_lines(text)),
        Input::Count => text
            .trim()
            .parse::<u32>()
            .map_or_else(|_| Value::String(text.to_string()), Value::from),
        Input::FeeChanges => crate::fee_changes::to_value(text),
        Input::YesNo => match text.trim() {
            "true" => Value::Bool(true),
            "false" => Value::Bool(false),
            other => Value::String(other.to_string()),
        },
        _ => Value::String(text.to_string()),
    }
}

/// A decimal written `11.2` in the file is shown `11,2`, as a French reader writes it.
fn for_display(input: Input, text: String) -> String {
    if input == Input::Decimal {
        decimal_comma(&text)
    } else {
        text
    }
}

/// A set of fields whose texts a draft holds: the scenario's ([`Field`]) or a school's
/// ([`SchoolField`]).
pub trait FieldSet: Copy + PartialEq + 'static {
    /// Every field of the set, in the page's order.
    const ALL: &'static [Self];
}

impl FieldSet for Field {
    const ALL: &'static [Field] = &Field::ALL;
}

impl FieldSet for SchoolField {
    const ALL: &'static [SchoolField] = &SchoolField::ALL;
}

/// One text per field of `F` (`N` of them), as typed: nothing is lost while it is invalid.
/// The one way a draft holds what is typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Texts<F: FieldSet, const N: usize> {
    texts: [String; N],
    fields: PhantomData<F>,
}

impl<F: FieldSet, const N: usize> Texts<F, N> {
    /// Nothing typed.
    pub fn blank() -> Self {
        Texts {
            texts: std::array::from_fn(|_| String::new()),
            fields: PhantomData,
        }
    }

    fn at(f: F) -> usize {
        F::ALL.iter().position(|x| *x == f).unwrap_or_default()
    }

    /// The text of `f`.
    pub fn get(&self, f: F) -> &str {
        &self.texts[Self::at(f)]
    }

    /// The text of `f`, to edit.
    pub fn get_mut(&mut self, f: F) -> &mut String {
        &mut self.texts[Self::at(f)]
    }

    /// Sets the text of `f`.
    pub fn set(&mut self, f: F, value: impl Into<String>) {
        *self.get_mut(f) = value.into();
    }
}

/// A school as typed: one text per [`SchoolField`]. `id` is a stable key for the page (never
/// written to the scenario file).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SchoolDraft {
    /// The row's key on the page.
    pub id: u64,
    values: Texts<SchoolField, { SchoolField::COUNT }>,
    /// What the national school directory says of it, when it was imported from there
    /// (address, opening, nature): kept with the draft for its help, never written to the
    /// scenario file or a link.
    pub directory: Option<String>,
}

impl Default for SchoolDraft {
    fn default() -> SchoolDraft {
        let mut values = Texts::blank();
        for f in SchoolField::ALL {
            values.set(f, f.default_text());
        }
        SchoolDraft {
            id: 0,
            values,
            directory: None,
        }
    }
}

/// Key of the page id in stored drafts.
const ID_KEY: &str = "id";

/// Key of what the directory says of a school, in stored drafts.
const DIRECTORY_KEY: &str = "annuaire";

impl SchoolDraft {
    /// A school with nothing typed, not even the default level and sector.
    pub fn blank() -> SchoolDraft {
        SchoolDraft {
            id: 0,
            values: Texts::blank(),
            directory: None,
        }
    }

    /// The text of `f`.
    pub fn get(&self, f: SchoolField) -> &str {
        self.values.get(f)
    }

    /// Sets the text of `f`.
    pub fn set(&mut self, f: SchoolField, value: impl Into<String>) {
        self.values.set(f, value);
    }

    /// The school's name.
    pub fn name(&self) -> &str {
        self.get(SchoolField::Name)
    }

    /// The school in the scenario format.
    pub fn to_value(&self) -> Value {
        let mut m = Map::new();
        for f in SchoolField::ALL {
            let text = self.get(f).trim();
            if text.is_empty() {
                continue;
            }
            // A plain number is written as one (read as JSON reads it: the page's first module
            // carries no other number parser); anything else as typed, for the reader to judge.
            let number = (f.input() == Input::Decimal)
                .then(|| text.replace(',', ".").parse::<serde_json::Number>().ok())
                .flatten();
            let value = match number {
                Some(n) => Value::Number(n),
                None => Value::String(self.get(f).to_string()),
            };
            insert_at(&mut m, &f.keys(), value);
        }
        Value::Object(m)
    }

    /// Reads a school of a scenario file (or of stored drafts), keeping whatever it can.
    fn read(v: &Value) -> SchoolDraft {
        let mut s = SchoolDraft::blank();
        for f in SchoolField::ALL {
            s.set(f, for_display(f.input(), text_of(value_at(v, &f.keys()))));
        }
        s
    }
}

impl Serialize for SchoolDraft {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = Map::new();
        m.insert(ID_KEY.into(), Value::from(self.id));
        if let Some(d) = &self.directory {
            m.insert(DIRECTORY_KEY.into(), Value::String(d.clone()));
        }
        for f in SchoolField::ALL {
            insert_at(&mut m, &f.keys(), Value::String(self.get(f).to_string()));
        }
        m.serialize(s)
    }
}

impl<'de> Deserialize<'de> for SchoolDraft {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<SchoolDraft, D::Error> {
        let v = Value::deserialize(d)?;
        let mut s = SchoolDraft::read(&v);
        s.id = v.get(ID_KEY).and_then(Value::as_u64).unwrap_or_default();
        s.directory = v
            .get(DIRECTORY_KEY)
            .and_then(Value::as_str)
            .map(|d| d.chars().take(500).collect());
        Ok(s)
    }
}

/// A whole scenario as typed: one text per [`Field`], the two declarations of use, the
/// schools.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    texts: Texts<Field, { Field::COUNT }>,
    /// [`Flag::Educational`].
    pub educational_or_cultural: bool,
    /// [`Flag::Commercial`].
    pub commercial: bool,
    /// Each school shared, so that copying a draft of 600 schools is cheap and an edit
    /// copies only the school it changes.
    pub schools: Vec<Rc<SchoolDraft>>,
    /// The next free school id.
    pub next_id: u64,
}

impl Default for Draft {
    fn default() -> Draft {
        let mut texts = Texts::blank();
        for f in Field::ALL {
            texts.set(f, f.default_text());
        }
        Draft {
            texts,
            educational_or_cultural: Flag::Educational.default_value(),
            commercial: Flag::Commercial.default_value(),
            schools: Vec::new(),
            next_id: 1,
        }
    }
}

/// The name a field of the scenario outside the meeting and the contacts is stored under in
/// the browser: its variant's name in snake case (`AnnualFee` → `annual_fee`), the name the
/// stored drafts have always used. The meeting's fields are stored under `meeting` by their
/// scenario keys, the contacts under their roles' keys.
fn stored_name(field: Field) -> String {
    io::serial::snake_case(&format!("{field:?}"))
}

/// Where the meeting's fields are stored: `meeting`.
fn meeting_name() -> &'static str {
    Section::Meeting.keys().last().copied().unwrap_or_default()
}

/// The page id's counter in a stored draft.
const NEXT_ID_KEY: &str = "next_id";

impl Serialize for Draft {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = Map::new();
        let mut meeting = Map::new();
        let mut contacts: Vec<Map<String, Value>> = vec![Map::new(); Role::ALL.len()];
        for f in Field::ALL {
            let text = Value::String(self.text(f).to_string());
            match f {
                Field::Meeting(mf) => {
                    if !self.text(f).is_empty() {
                        meeting.insert(mf.key().into(), text);
                    }
                }
                Field::Contact(role, cf) => {
                    let i = Role::ALL
                        .iter()
                        .position(|r| *r == role)
                        .unwrap_or_default();
                    contacts[i].insert(contact_key(cf).into(), text);
                }
                _ => {
                    m.insert(stored_name(f), text);
                }
            }
        }
        m.insert(meeting_name().into(), Value::Object(meeting));
        for (role, contact) in Role::ALL.iter().zip(contacts) {
            m.insert(role.key().into(), Value::Object(contact));
        }
        for flag in Flag::ALL {
            m.insert(flag.key().into(), Value::Bool(self.flag(flag)));
        }
        m.insert(
            SCHOOLS_KEY.into(),
            serde_json::to_value(&self.schools).map_err(serde::ser::Error::custom)?,
        );
        m.insert(NEXT_ID_KEY.into(), Value::from(self.next_id));
        m.serialize(s)
    }
}

impl<'de> Deserialize<'de> for Draft {
    /// A stored draft; what it lacks keeps [`Draft::default`]'s value.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Draft, D::Error> {
        use serde::de::Error;
        let v = Value::deserialize(d)?;
        let Value::Object(m) = &v else {
            return Err(D::Error::custom("un brouillon enregistré est un objet"));
        };
        let mut draft = Draft::default();
        let text = |v: Option<&Value>| -> Result<Option<String>, D::Error> {
            match v {
                None => Ok(None),
                Some(Value::String(s)) => Ok(Some(s.clone())),
                Some(_) => Err(D::Error::custom("un champ enregistré est un texte")),
            }
        };
        for f in Field::ALL {
            let stored = match f {
                Field::Meeting(mf) => m.get(meeting_name()).and_then(|x| x.get(mf.key())),
                Field::Contact(role, cf) => m.get(role.key()).and_then(|x| x.get(contact_key(cf))),
                _ => m.get(&stored_name(f)),
            };
            if let Some(t) = text(stored)? {
                draft.set(f, t);
            }
        }
        for flag in Flag::ALL {
            match m.get(flag.key()) {
                None => {}
                Some(Value::Bool(b)) => draft.set_flag(flag, *b),
                Some(_) => {
                    return Err(D::Error::custom(
                        "une déclaration enregistrée est oui ou non",
                    ));
                }
            }
        }
        if let Some(schools) = m.get(SCHOOLS_KEY) {
            draft.schools =
                Vec::<Rc<SchoolDraft>>::deserialize(schools).map_err(D::Error::custom)?;
        }
        if let Some(next) = m.get(NEXT_ID_KEY) {
            draft.next_id = next
                .as_u64()
                .ok_or_else(|| D::Error::custom("le compteur d'écoles enregistré est un nombre"))?;
        }
        Ok(draft)
    }
}

impl Draft {
    /// The text of `field`, to edit.
    pub fn field_mut(&mut self, field: Field) -> &mut String {
        self.texts.get_mut(field)
    }

    /// Sets the text of `field`.
    pub fn set(&mut self, field: Field, value: impl Into<String>) {
        self.texts.set(field, value);
    }

    /// Whether nothing is typed at `at` (a yes/no is never blank; a school gone is).
    pub fn is_blank(&self, at: FieldRef) -> bool {
        match at {
            FieldRef::Scenario(f) => self.text(f).trim().is_empty(),
            FieldRef::Flag(_) => false,
            FieldRef::School(i, f) => self
                .schools
                .get(i)
                .is_none_or(|s| s.get(f).trim().is_empty()),
        }
    }

    /// The text of `field`.
    pub fn text(&self, field: Field) -> &str {
        self.texts.get(field)
    }

    /// The fields of the meeting's form: the meeting's, the deliberation's number, the mayor.
    fn meeting_form() -> impl Iterator<Item = Field> {
        MeetingField::ALL.into_iter().map(Field::Meeting).chain([
            Field::DeliberationNumber,
            Field::DeliberationRapporteur,
            Field::DeliberationExpose,
            Field::MayorName,
            Field::MayorTitle,
        ])
    }

    /// Whether anything of the meeting, the deliberation's number or the mayor is typed: the
    /// form that holds them is then open, so that nothing typed is hidden.
    pub fn meeting_typed(&self) -> bool {
        Draft::meeting_form().any(|f| !self.text(f).trim().is_empty())
    }

    /// Whether `other` has the same meeting and deliberation number: a form showing only
    /// them is not drawn again for an edit elsewhere.
    pub fn same_meeting(&self, other: &Draft) -> bool {
        Draft::meeting_form().all(|f| self.text(f) == other.text(f))
    }

    /// Whether `other` has the same contacts and usage flags.
    pub fn same_contacts(&self, other: &Draft) -> bool {
        Role::ALL.iter().all(|role| {
            ContactField::ALL.iter().all(|f| {
                self.text(Field::Contact(*role, *f)) == other.text(Field::Contact(*role, *f))
            })
        }) && self.educational_or_cultural == other.educational_or_cultural
            && self.commercial == other.commercial
    }

    /// Whether `other` has the same schools, each compared as shared (an unchanged school is
    /// the same `Rc`), so that 625 schools compare in 625 pointer checks.
    pub fn same_schools(&self, other: &Draft) -> bool {
        self.schools.len() == other.schools.len()
            && self
                .schools
                .iter()
                .zip(&other.schools)
                .all(|(a, b)| Rc::ptr_eq(a, b) || a == b)
    }

    /// Whether anything is typed in the contact of `role`.
    fn contact_typed(&self, role: Role) -> bool {
        ContactField::ALL
            .iter()
            .any(|f| !self.text(Field::Contact(role, *f)).trim().is_empty())
    }

    /// The help under `field` when it depends on what is typed elsewhere: the publication's,
    /// by the commune's population (D5, since 1 July 2022); `None` for the schema's own.
    pub fn hint(&self, field: Field) -> Option<&'static str> {
        match field {
            Field::DeliberationPublished => {
                let population = self
                    .text(Field::Meeting(MeetingField::Population))
                    .trim()
                    .parse::<u32>()
                    .ok();
                Some(Publicity::of(population).hint())
            }
            _ => None,
        }
    }

    /// The value of `flag`.
    pub fn flag(&self, flag: Flag) -> bool {
        match flag {
            Flag::Educational => self.educational_or_cultural,
            Flag::Commercial => self.commercial,
        }
    }

    /// Sets `flag`.
    pub fn set_flag(&mut self, flag: Flag, value: bool) {
        match flag {
            Flag::Educational => self.educational_or_cultural = value,
            Flag::Commercial => self.commercial = value,
        }
    }

    /// The id the next school added will have (to move the focus to it).
    pub fn next_school_id(&self) -> u64 {
        self.next_id
    }

    /// A new school row with a fresh id.
    pub fn new_school(&mut self) -> SchoolDraft {
        let id = self.next_id;
        self.next_id += 1;
        SchoolDraft {
            id,
            values: SchoolDraft::default().values,
            directory: None,
        }
    }

    /// The draft in the scenario format, for the reader, the file and the page address.
    pub fn to_value(&self) -> Value {
        let mut root = self.head_map();
        root.insert(
            SCHOOLS_KEY.into(),
            Value::Array(self.schools.iter().map(|s| s.to_value()).collect()),
        );
        Value::Object(root)
    }

    fn head_map(&self) -> Map<String, Value> {
        let mut root = Map::new();
        root.insert(FORMAT_KEY.into(), Value::String(FORMAT.into()));
        // The commune and the convention are always there, so that a missing field is named
        // as such (« Notification de la convention : champ obligatoire »).
        for section in [Section::Commune, Section::Convention] {
            insert_at(&mut root, &section.keys(), Value::Object(Map::new()));
        }
        for field in Field::ALL {
            if let Field::Contact(role, _) = field
                && !self.contact_typed(role)
            {
                continue;
            }
            let text = self.text(field);
            if matches!(field, Field::Contact(..)) {
                // A contact is written whole once anything of it is typed.
                insert_at(&mut root, &field.keys(), Value::String(text.to_string()));
                continue;
            }
            // (Changes of fee: some cell typed, the blank rows left out by `typed_value`.)
            if !text.trim().is_empty() {
                insert_at(&mut root, &field.keys(), typed_value(field.input(), text));
            }
        }
        for flag in Flag::ALL {
            let mut keys = Section::Usage.keys();
            keys.push(flag.key());
            insert_at(&mut root, &keys, Value::Bool(self.flag(flag)));
        }
        root
    }

    /// The draft in the scenario format without its schools, for reading the schools one by
    /// one (see `io::scenario::parse_parts`).
    pub fn head_value(&self) -> Value {
        Value::Object(self.head_map())
    }

    /// Reads any JSON value as a draft, keeping whatever it can (an invalid file still opens,
    /// and its errors show next to the fields).
    pub fn from_value(v: &Value) -> Draft {
        let mut draft = Draft::default();
        for field in Field::all() {
            let at = value_at(v, &field.keys());
            let text = if field.input() == Input::FeeChanges {
                crate::fee_changes::from_value(at, |v, i| {
                    for_display(crate::fee_changes::INPUTS[i], text_of(v))
                })
            } else {
                text_of(at)
            };
            *draft.field_mut(field) = if text.is_empty() {
                field.default_text()
            } else {
                for_display(field.input(), text)
            };
        }
        for flag in Flag::ALL {
            let mut keys = Section::Usage.keys();
            keys.push(flag.key());
            let value = value_at(v, &keys).and_then(Value::as_bool);
            draft.set_flag(flag, value.unwrap_or(flag.default_value()));
        }
        if let Some(Value::Array(items)) = v.get(SCHOOLS_KEY) {
            for item in items {
                let mut school = SchoolDraft::read(item);
                school.id = draft.new_school().id;
                draft.schools.push(Rc::new(school));
            }
        }
        draft
    }

    /// Reads scenario JSON text as a draft, keeping whatever it can; refused, with a French
    /// message, when it is not a JSON object or is of another format version than this build
    /// reads (a later version's fields would be dropped without a word).
    pub fn from_json(text: &str) -> Result<Draft, String> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let value = io::json::parse(text).map_err(|e| match e {
            io::json::JsonError::Duplicate { path, line } => {
                io::json::JsonError::duplicate_message(&path, line)
            }
            io::json::JsonError::Syntax(_) => {
                "ce n'est pas un scénario laclasse-sim (le texte n'est pas du JSON)".to_string()
            }
        })?;
        if !value.is_object() {
            return Err("ce n'est pas un scénario laclasse-sim (il faut un objet JSON)".into());
        }
        match value.get(FORMAT_KEY) {
            None | Some(Value::Null) => {}
            Some(Value::String(f)) if f == FORMAT => {}
            Some(other) => {
                let shown = other.as_str().map_or_else(
                    || serde_json::to_string(other).unwrap_or_default(),
                    str::to_string,
                );
                return Err(format!(
                    "le scénario est au format « {shown} », que cette version de laclasse-sim ne lit pas (elle lit « {FORMAT} ») : ouvrez-le avec la version qui l'a enregistré"
                ));
            }
        }
        if let Some(Value::Array(schools)) = value.get(SCHOOLS_KEY)
            && schools.len() > MAX_SCHOOLS
        {
            return Err(format!(
                "il contient {} écoles ; un scénario en compte au plus {MAX_SCHOOLS}",
                schools.len()
            ));
        }
        Ok(Draft::from_value(&value))
    }

    /// The scenario file's text.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(&self.to_value()).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use io::schema::{ContactField, Field, SchoolField};
    use io::{parse_str, parse_value, samples};

    #[test]
    fn a_form_s_part_of_the_draft_is_compared_alone() {
        let a = Draft::from_json(samples::TASSIN_JSON).unwrap();
        let mut b = a.clone();
        b.set(Field::AnnualFee, "151,00");
        assert!(a.same_meeting(&b) && a.same_contacts(&b) && a.same_schools(&b));
        b.set(Field::DeliberationNumber, "2023-11-09-12");
        assert!(!a.same_meeting(&b));
        let mut c = a.clone();
        c.commercial = !c.commercial;
        assert!(!a.same_contacts(&c) && a.same_meeting(&c));
        let mut d = a.clone();
        Rc::make_mut(&mut d.schools[2]).set(SchoolField::Name, "Autre nom");
        assert!(!a.same_schools(&d) && a.same_contacts(&d));
        d.schools.pop();
        assert!(!a.same_schools(&d));
    }

    #[test]
    fn tassin_round_trips_through_a_draft() {
        let draft = Draft::from_json(samples::TASSIN_JSON).unwrap();
        assert_eq!(draft.text(Field::AnnualFee), "150,00");
        assert_eq!(draft.schools.len(), 4);
        assert_eq!(draft.schools[2].get(SchoolField::StorageGb), "11,2");
        let scenario = parse_value(&draft.to_value()).unwrap();
        assert_eq!(scenario, parse_str(samples::TASSIN_JSON).unwrap());
    }

    #[test]
    fn what_is_typed_survives_and_errors_name_the_field() {
        let mut draft = Draft::from_json(samples::TASSIN_JSON).unwrap();
        Rc::make_mut(&mut draft.schools[1]).set(SchoolField::Requested, "2023-02-3");
        Rc::make_mut(&mut draft.schools[0]).set(SchoolField::StorageGb, "beaucoup");
        draft.set(Field::AnnualFee, "150,5x");
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
        let future = r#"{"format":"laclasse-sim/2","commune":{"name":"Bron"}}"#;
        assert!(Draft::from_json(future).unwrap_err().contains(
            "au format « laclasse-sim/2 », que cette version de laclasse-sim ne lit pas"
        ));
        assert!(Draft::from_json("[1]").is_err());
        assert!(Draft::from_json("nom;uai").is_err());
        assert_eq!(again.schools[1].get(SchoolField::Requested), "2023-02-3");
        assert_eq!(again.schools[0].get(SchoolField::StorageGb), "beaucoup");
        assert_eq!(again.text(Field::AnnualFee), "150,5x");
    }

    #[test]
    fn an_empty_draft_asks_for_the_essentials() {
        let errors = parse_value(&Draft::default().to_value()).unwrap_err();
        let paths: Vec<&str> = errors.iter().map(|e| e.path.as_str()).collect();
        assert!(paths.contains(&"convention.notified"), "{paths:?}");
    }

    #[test]
    fn reading_school_by_school_gives_the_same_as_the_whole() {
        use io::scenario::{parse_parts, parse_school};
        let mut draft = Draft::from_json(samples::TASSIN_JSON).unwrap();
        let by_parts = |d: &Draft| {
            let schools: Vec<_> = d
                .schools
                .iter()
                .enumerate()
                .map(|(i, s)| parse_school(&s.to_value(), i))
                .collect();
            parse_parts(&d.head_value(), &schools.iter().collect::<Vec<_>>())
        };
        assert_eq!(by_parts(&draft), parse_value(&draft.to_value()));
        Rc::make_mut(&mut draft.schools[3]).set(SchoolField::Requested, "2023-13-01");
        draft.set(Field::Notified, "hier");
        assert_eq!(by_parts(&draft), parse_value(&draft.to_value()));
        assert_eq!(by_parts(&draft).unwrap_err().len(), 2);
    }

    #[test]
    fn stored_drafts_keep_their_shape() {
        // What a browser stored before the schema (named fields) still reads the same.
        let stored = r#"{"id":4,"name":"École A","level":"primaire","sector":"public","storage_gb":"3,5",
            "admin":{"last_name":"Durand","email":"a@b.fr"}}"#;
        let school: SchoolDraft = serde_json::from_str(stored).unwrap();
        assert_eq!(school.id, 4);
        assert_eq!(school.get(SchoolField::Name), "École A");
        assert_eq!(school.get(SchoolField::StorageGb), "3,5");
        assert_eq!(
            school.get(SchoolField::Admin(ContactField::Email)),
            "a@b.fr"
        );
        let again: SchoolDraft =
            serde_json::from_str(&serde_json::to_string(&school).unwrap()).unwrap();
        assert_eq!(again, school);
        let draft = Draft::from_json(samples::TASSIN_JSON).unwrap();
        let again: Draft = serde_json::from_str(&serde_json::to_string(&draft).unwrap()).unwrap();
        assert_eq!(again, draft);
        // A whole draft as browsers have stored it, each field by its name.
        let stored = serde_json::to_value(&draft).unwrap();
        let mut keys: Vec<&str> = stored
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort();
        assert_eq!(
            keys,
            [
                "annual_fee",
                "billing_unit",
                "commercial",
                "commune_insee",
                "commune_name",
                "convention_signed",
                "deliberation_expose",
                "deliberation_number",
                "deliberation_published",
                "deliberation_rapporteur",
                "deliberation_transmitted",
                "educational_or_cultural",
                "fee_changes",
                "horizon_until",
                "mayor_name",
                "mayor_title",
                "meeting",
                "next_id",
                "notified",
                "project_lead",
                "schools",
                "technical_referent",
                "termination_act_date",
                "termination_act_number",
                "termination_delegation",
                "termination_received"
            ]
        );
        let old = r#"{"commune_name":"Bron","annual_fee":"160,00","meeting":{"in_office":"33"},
            "technical_referent":{"last_name":"Martin","email":"m@bron.fr"},"commercial":true,
            "schools":[{"id":3,"name":"École B"}],"next_id":4}"#;
        let read: Draft = serde_json::from_str(old).unwrap();
        assert_eq!(read.text(Field::CommuneName), "Bron");
        assert_eq!(read.text(Field::AnnualFee), "160,00");
        assert_eq!(read.text(Field::BillingUnit), "school", "a default stays");
        assert_eq!(read.text(Field::Meeting(MeetingField::InOffice)), "33");
        assert_eq!(
            read.text(Field::Contact(Role::TechnicalReferent, ContactField::Email)),
            "m@bron.fr"
        );
        assert!(read.commercial && read.educational_or_cultural);
        assert_eq!((read.schools[0].id, read.next_id), (3, 4));
    }

    #[test]
    fn every_field_is_reached_by_its_schema_entry() {
        let mut d = Draft::default();
        for (i, f) in Field::all().into_iter().enumerate() {
            *d.field_mut(f) = format!("v{i}");
        }
        for (i, f) in Field::all().into_iter().enumerate() {
            assert_eq!(d.text(f), format!("v{i}"));
        }
        let mut s = SchoolDraft::default();
        for (i, f) in SchoolField::ALL.into_iter().enumerate() {
            s.set(f, format!("s{i}"));
        }
        for (i, f) in SchoolField::ALL.into_iter().enumerate() {
            assert_eq!(s.get(f), format!("s{i}"));
        }
    }

    #[test]
    fn new_schools_get_fresh_ids() {
        let mut d = Draft::default();
        let a = d.new_school();
        let b = d.new_school();
        assert_ne!(a.id, b.id);
    }
}
