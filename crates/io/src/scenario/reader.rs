//! The field reader: walks a JSON value by the schema's keys, collects every error with the
//! field it belongs to, and gives the engine's types only when a field is valid.

use chrono::NaiveDate;
use serde_json::{Map, Value};

use super::syntax::{quoted, type_name};
use super::{FieldError, checks};
use crate::schema::{
    ContactField, FEE_CHANGE_FROM_KEY, FEE_CHANGE_SOURCE_KEY, Field, FieldRef, Flag,
    PROXY_GIVER_KEY, PROXY_HOLDER_KEY, SchoolField, fee_change_amount_key, school_path,
};
use engine::convention::DEFAULT_ANNUAL_FEE;
use engine::dates::{self, MAX_YEAR, MIN_YEAR};
use engine::money::Money;
use engine::scenario::{
    BillingUnit, ChairVote, Contact, FeeChange, Level, Proxy, School, Sector, StorageGb,
};
use engine::text::trim_fraction_zeros;

/// A present field: not null, and not an empty (or blank) text.
pub(super) fn get<'a>(map: &'a Map<String, Value>, key: &str) -> Option<&'a Value> {
    map.get(key)
        .filter(|v| !v.is_null() && !v.as_str().is_some_and(|s| s.trim().is_empty()))
}

/// The longest text a field holds, in characters: far above any name or address, far below
/// what a spreadsheet cell holds (32 767).
pub const MAX_TEXT_CHARS: usize = 500;

/// What is wrong with a one-line text, if anything: a control character (a line break, a
/// tabulation, a terminal escape…), a character that reverses the line or that XML and
/// Unicode forbid (`engine::text::forbidden_char`), or too many characters.
fn text_problem(s: &str) -> Option<String> {
    if let Some((c, what)) = s
        .chars()
        .find_map(|c| engine::text::forbidden_char(c).map(|w| (c, w)))
    {
        let what = match c {
            '\n' | '\r' | '\u{2028}' | '\u{2029}' => "un saut de ligne".to_string(),
            '\t' => "une tabulation".to_string(),
            c => format!("{what} (U+{:04X})", c as u32),
        };
        return Some(format!(
            "le texte contient {what}, qui n'est pas accepté dans ce champ d'une ligne"
        ));
    }
    let n = s.chars().count();
    (n > MAX_TEXT_CHARS).then(|| {
        format!("le texte fait {n} caractères ; un champ en compte au plus {MAX_TEXT_CHARS}")
    })
}

/// The message for a text that is not a date the scenario accepts.
fn date_message(text: &str) -> String {
    let year = (text.len() == 10 && text.as_bytes().get(4) == Some(&b'-'))
        .then(|| text.get(0..4).and_then(|y| y.parse::<i32>().ok()))
        .flatten();
    match year {
        Some(y) if !(MIN_YEAR..=MAX_YEAR).contains(&y) => format!(
            "{} est hors des années prises en charge : une date va du 01/01/{MIN_YEAR} au 31/12/{MAX_YEAR}",
            quoted(text)
        ),
        _ => format!(
            "{} n'est pas une date valide (format attendu AAAA-MM-JJ, par exemple 2023-11-16)",
            quoted(text)
        ),
    }
}

/// An amount of money in euros: a text (`"150.00"`, `"150,5"`) or a JSON number; the message
/// says what is wrong.
fn amount(v: &Value) -> Result<Money, String> {
    let (text, normalised) = match v {
        Value::String(s) => (s.clone(), s.clone()),
        // A JSON number such as 150.0 prints as "150.0": the trailing zero is no decimal.
        Value::Number(n) => {
            let text = serde_json::to_string(n).unwrap_or_default();
            let normalised = trim_fraction_zeros(&text).to_string();
            (text, normalised)
        }
        other => {
            return Err(format!(
                "un montant (texte \"150.00\" ou nombre) est attendu, pas {}",
                type_name(other)
            ));
        }
    };
    Money::parse_fee(&normalised).map_err(|e| format!("{} : {}", quoted(&text), e.message()))
}

/// How a change of fee is named in messages, by its place in the list (from 1): « changement
/// 2 : … », as the page titles its rows.
pub const FEE_CHANGE_ROW: &str = "changement";

/// Collects errors while reading a JSON value.
#[derive(Default)]
pub(super) struct Reader {
    pub(super) errors: Vec<FieldError>,
}

impl Reader {
    pub(super) fn push(&mut self, error: FieldError) {
        self.errors.push(error);
    }

    fn at(&mut self, at: FieldRef, message: impl Into<String>) {
        self.push(FieldError::at(at, message));
    }

    fn wrong_type_at(&mut self, at: FieldRef, expected: &str, got: &Value) {
        self.at(
            at,
            format!("{expected} est attendu, pas {}", type_name(got)),
        );
    }

    /// `v` as an object; else an error on the group at `path` called `label`.
    pub(super) fn object<'a>(
        &mut self,
        v: &'a Value,
        path: &str,
        label: &str,
    ) -> Option<&'a Map<String, Value>> {
        match v {
            Value::Object(m) => Some(m),
            other => {
                self.push(FieldError::group(
                    path,
                    label,
                    format!("un objet est attendu, pas {}", type_name(other)),
                ));
                None
            }
        }
    }

    /// A group that must be there: its object, or an error.
    pub(super) fn required_group<'a>(
        &mut self,
        map: &'a Map<String, Value>,
        key: &str,
        label: &str,
    ) -> Option<&'a Map<String, Value>> {
        match get(map, key) {
            Some(v) => self.object(v, key, label),
            None => {
                self.push(FieldError::group(key, label, "champ obligatoire"));
                None
            }
        }
    }

    /// A group that may be absent.
    pub(super) fn optional_group<'a>(
        &mut self,
        map: &'a Map<String, Value>,
        key: &str,
        path: &str,
        label: &str,
    ) -> Option<&'a Map<String, Value>> {
        let v = get(map, key)?;
        self.object(v, path, label)
    }

    /// The text of field `at` as written (not trimmed), if present: one line, no control
    /// character, at most [`MAX_TEXT_CHARS`] characters.
    fn raw_text(&mut self, map: &Map<String, Value>, at: FieldRef) -> Option<String> {
        match get(map, at.key())? {
            Value::String(s) => match text_problem(s) {
                None => Some(s.clone()),
                Some(problem) => {
                    self.at(at, problem);
                    None
                }
            },
            other => {
                self.wrong_type_at(at, "un texte", other);
                None
            }
        }
    }

    /// The trimmed text of field `at`, if present.
    pub(super) fn text(&mut self, map: &Map<String, Value>, at: FieldRef) -> Option<String> {
        self.raw_text(map, at)
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
    }

    fn missing(&mut self, map: &Map<String, Value>, at: FieldRef) -> bool {
        let missing = get(map, at.key()).is_none();
        if missing {
            self.at(at, "champ obligatoire");
        }
        missing
    }

    /// The trimmed text of a field the scenario needs.
    fn required_text(&mut self, map: &Map<String, Value>, at: FieldRef) -> Option<String> {
        if self.missing(map, at) {
            return None;
        }
        self.text(map, at)
    }

    /// A date, if present; `required` makes its absence an error.
    pub(super) fn date(
        &mut self,
        map: &Map<String, Value>,
        at: FieldRef,
        required: bool,
    ) -> Option<NaiveDate> {
        if required && self.missing(map, at) {
            return None;
        }
        let text = self.raw_text(map, at)?;
        let date = dates::parse_iso(text.trim());
        if date.is_none() {
            self.at(at, date_message(text.trim()));
        }
        date
    }

    /// A whole number (a count): a JSON integer or a text of digits.
    pub(super) fn count(&mut self, map: &Map<String, Value>, at: FieldRef) -> Option<u32> {
        let parsed = match get(map, at.key())? {
            Value::Number(n) => n.as_u64().and_then(|n| u32::try_from(n).ok()),
            Value::String(s) => s.trim().parse::<u32>().ok(),
            other => {
                self.wrong_type_at(at, "un nombre entier", other);
                return None;
            }
        };
        if parsed.is_none() {
            self.at(
                at,
                "un nombre entier positif ou nul est attendu (par exemple 35)",
            );
        }
        parsed
    }

    /// An hour `HH:MM`, as `(hours, minutes)`.
    pub(super) fn time(&mut self, map: &Map<String, Value>, at: FieldRef) -> Option<(u32, u32)> {
        let text = self.text(map, at)?;
        let parsed = text.split_once(':').and_then(|(h, m)| {
            let (h, m) = (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?);
            (h < 24 && m < 60 && (1..=2).contains(&text.find(':')?)).then_some((h, m))
        });
        if parsed.is_none() {
            self.at(
                at,
                format!(
                    "{} n'est pas une heure (format HH:MM, par exemple 19:00)",
                    quoted(&text)
                ),
            );
        }
        parsed
    }

    /// A list of one-line texts (names): a JSON array of texts; blank items are skipped.
    pub(super) fn lines(&mut self, map: &Map<String, Value>, at: FieldRef) -> Vec<String> {
        let items = match get(map, at.key()) {
            None => return Vec::new(),
            Some(Value::Array(items)) => items,
            Some(other) => {
                self.wrong_type_at(at, "une liste de noms", other);
                return Vec::new();
            }
        };
        let mut out = Vec::new();
        for (i, item) in items.iter().enumerate() {
            match item {
                Value::String(s) => match text_problem(s) {
                    None if s.trim().is_empty() => {}
                    // A count is not a name: « 22 » read as one member would give a false
                    // quorum (D2).
                    None if !s.chars().any(char::is_alphabetic) => self.at(
                        at,
                        format!(
                            "ligne {} : {} n'est pas un nom ; indiquer les noms, un par ligne{}",
                            i + 1,
                            quoted(s.trim()),
                            count_field_of(at)
                        ),
                    ),
                    None => out.push(s.trim().to_string()),
                    Some(problem) => self.at(at, format!("ligne {} : {problem}", i + 1)),
                },
                other => self.at(
                    at,
                    format!(
                        "ligne {} : un nom est attendu, pas {}",
                        i + 1,
                        type_name(other)
                    ),
                ),
            }
        }
        out
    }

    /// A list of proxies: each `{"giver": …, "holder": …}` or a text « X donne pouvoir à Y ».
    pub(super) fn proxies(&mut self, map: &Map<String, Value>, at: FieldRef) -> Vec<Proxy> {
        let items = match get(map, at.key()) {
            None => return Vec::new(),
            Some(Value::Array(items)) => items,
            Some(other) => {
                self.wrong_type_at(at, "une liste de pouvoirs", other);
                return Vec::new();
            }
        };
        let mut out = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let pair = match item {
                Value::String(s) if s.trim().is_empty() => continue,
                Value::String(s) => s
                    .parse::<Proxy>()
                    .map(|p| (p.giver, p.holder))
                    .map_err(|_| {
                        format!(
                            "{} : écrire « NOM Prénom {} NOM Prénom »{}",
                            quoted(s.trim()),
                            Proxy::WORDS,
                            if s.chars().any(char::is_alphabetic) {
                                ""
                            } else {
                                ", un pouvoir par ligne ; un nombre se saisit dans « Nombre d'absents avec pouvoir »"
                            }
                        )
                    }),
                Value::Object(m) => {
                    let name = |k: &str| {
                        m.get(k)
                            .and_then(Value::as_str)
                            .map(str::trim)
                            .filter(|s| !s.is_empty())
                            .map(String::from)
                    };
                    name(PROXY_GIVER_KEY)
                        .zip(name(PROXY_HOLDER_KEY))
                        .ok_or_else(|| {
                            format!(
                                "il faut « {PROXY_GIVER_KEY} » et « {PROXY_HOLDER_KEY} », deux noms"
                            )
                        })
                }
                other => Err(format!("un pouvoir est attendu, pas {}", type_name(other))),
            };
            match pair {
                Ok((giver, holder)) => match text_problem(&giver).or_else(|| text_problem(&holder))
                {
                    None => out.push(Proxy { giver, holder }),
                    Some(problem) => self.at(at, format!("ligne {} : {problem}", i + 1)),
                },
                Err(message) => self.at(at, format!("ligne {} : {message}", i + 1)),
            }
        }
        out
    }

    /// A yes or no, `None` when absent: `true`/`false`, or the texts « true », « false », « oui »,
    /// « non » as a form writes them.
    pub(super) fn yes_no(&mut self, map: &Map<String, Value>, at: FieldRef) -> Option<bool> {
        match get(map, at.key())? {
            Value::Bool(b) => Some(*b),
            Value::String(s) => match s.trim().to_lowercase().as_str() {
                "true" | "oui" => Some(true),
                "false" | "non" => Some(false),
                _ => {
                    self.at(
                        at,
                        format!(
                            "{} : oui ou non est attendu (true ou false)",
                            quoted(s.trim())
                        ),
                    );
                    None
                }
            },
            other => {
                self.wrong_type_at(at, "true ou false", other);
                None
            }
        }
    }

    /// The chair's vote (D4), `None` when absent.
    pub(super) fn chair_vote(
        &mut self,
        map: &Map<String, Value>,
        at: FieldRef,
    ) -> Option<ChairVote> {
        get(map, at.key())?;
        self.code(
            map,
            at,
            "un vote du président reconnu",
            ChairVote::from_code,
            &ChairVote::ALL.map(ChairVote::code),
        )
    }

    /// A yes/no declaration; its default when absent.
    pub(super) fn flag(&mut self, map: &Map<String, Value>, flag: Flag) -> bool {
        match get(map, flag.key()) {
            None => flag.default_value(),
            Some(Value::Bool(b)) => *b,
            Some(other) => {
                self.wrong_type_at(FieldRef::Flag(flag), "true ou false", other);
                flag.default_value()
            }
        }
    }

    /// One of a list of codes (`codes`, read by `from_code`); `what` names the kind.
    fn code<T>(
        &mut self,
        map: &Map<String, Value>,
        at: FieldRef,
        what: &str,
        from_code: fn(&str) -> Option<T>,
        codes: &[&str],
    ) -> Option<T> {
        let text = self.required_text(map, at)?;
        let found = from_code(&text);
        if found.is_none() {
            self.at(
                at,
                format!(
                    "{} n'est pas {what} (valeurs possibles : {})",
                    quoted(&text),
                    codes.join(", ")
                ),
            );
        }
        found
    }

    /// The billing unit (R4): a school when absent.
    pub(super) fn billing_unit(&mut self, map: &Map<String, Value>) -> Option<BillingUnit> {
        let at = FieldRef::Scenario(Field::BillingUnit);
        if get(map, at.key()).is_none() {
            return Some(BillingUnit::School);
        }
        self.code(
            map,
            at,
            "une unité de facturation reconnue",
            BillingUnit::from_code,
            &BillingUnit::ALL.map(BillingUnit::code),
        )
    }

    /// A contact's fields from its object; `at` places each field.
    pub(super) fn contact(
        &mut self,
        map: &Map<String, Value>,
        at: impl Fn(ContactField) -> FieldRef,
    ) -> Contact {
        let mut field = |f: ContactField| self.raw_text(map, at(f)).unwrap_or_default();
        Contact {
            last_name: field(ContactField::LastName),
            first_name: field(ContactField::FirstName),
            function: field(ContactField::Function),
            email: field(ContactField::Email),
            phone: field(ContactField::Phone),
        }
    }

    /// The annual fee (Art. 6): 150 € when absent; a text or a JSON number.
    pub(super) fn fee(&mut self, map: &Map<String, Value>) -> Option<Money> {
        let at = FieldRef::Scenario(Field::AnnualFee);
        match get(map, at.key()) {
            None => Some(DEFAULT_ANNUAL_FEE),
            Some(v) => amount(v).map_err(|e| self.at(at, e)).ok(),
        }
    }

    /// The fee's changes by avenant (R3): a list of `{"from", "annual_fee_eur", "source"}`, by
    /// date; each problem named by its line. A change before `notified` or two on one day are
    /// errors.
    pub(super) fn fee_changes(
        &mut self,
        map: &Map<String, Value>,
        notified: Option<NaiveDate>,
    ) -> Option<Vec<FeeChange>> {
        let at = FieldRef::Scenario(Field::FeeChanges);
        let items = match get(map, at.key()) {
            None | Some(Value::Null) => return Some(Vec::new()),
            Some(Value::Array(items)) => items,
            Some(other) => {
                self.wrong_type_at(at, "une liste de changements de redevance", other);
                return None;
            }
        };
        let before = self.errors.len();
        // By date as they are read: a change on a date already read is named with its line.
        let mut out: Vec<(usize, FeeChange)> = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let line = i + 1;
            let problem = |r: &mut Reader, what: String| {
                r.at(at, format!("{FEE_CHANGE_ROW} {line} : {what}"))
            };
            let Value::Object(m) = item else {
                let what = format!(
                    "un changement est attendu (date, montant, source), pas {}",
                    type_name(item)
                );
                problem(self, what);
                continue;
            };
            let field = |key: &str| get(m, key);
            let from = match field(FEE_CHANGE_FROM_KEY) {
                None => {
                    problem(
                        self,
                        "indiquer la date à partir de laquelle le montant s'applique".into(),
                    );
                    None
                }
                Some(v) => {
                    let text = v.as_str().map(str::trim).unwrap_or_default();
                    let date = dates::parse_iso(text);
                    if date.is_none() {
                        problem(self, format!("date d'effet : {}", date_message(text)));
                    }
                    date
                }
            };
            let fee = match field(fee_change_amount_key()) {
                None => {
                    problem(self, "indiquer la nouvelle redevance annuelle".into());
                    None
                }
                Some(v) => amount(v)
                    .map_err(|e| problem(self, format!("montant : {e}")))
                    .ok(),
            };
            // Every fee shown names where it comes from (R3): the avenant is named.
            let source = match field(FEE_CHANGE_SOURCE_KEY) {
                None => {
                    problem(
                        self,
                        "source : nommer l'avenant (« avenant n° 1 », et les décisions qui l'approuvent quand elles sont connues)".into(),
                    );
                    None
                }
                Some(v) => match v
                    .as_str()
                    .map_or_else(|| Some("un texte est attendu".into()), text_problem)
                {
                    None => v.as_str().map(|t| t.trim().to_string()),
                    Some(e) => {
                        problem(self, format!("source : {e}"));
                        None
                    }
                },
            };
            let (Some(from), Some(annual_fee), Some(source)) = (from, fee, source) else {
                continue;
            };
            if let Some(n) = notified
                && from < n
            {
                let what = format!(
                    "le {} est avant la notification de la convention ({}) : un avenant ne change que la redevance d'une convention en vigueur",
                    dates::fr(from),
                    dates::fr(n)
                );
                problem(self, what);
            }
            let at_date = out.partition_point(|(_, c)| c.from < from);
            if let Some((other, _)) = out.get(at_date).filter(|(_, c)| c.from == from) {
                self.at(
                    at,
                    format!(
                        "{FEE_CHANGE_ROW}s {other} et {line} : deux changements le même jour ({}) ; un seul montant par date",
                        dates::fr(from)
                    ),
                );
                continue;
            }
            let change = FeeChange {
                from,
                annual_fee,
                source,
            };
            out.insert(at_date, (line, change));
        }
        (self.errors.len() == before).then(|| out.into_iter().map(|(_, c)| c).collect())
    }

    /// The storage a school uses (R10), in GB: a number, or a text with a comma or a point,
    /// with at most two decimals.
    fn storage(&mut self, map: &Map<String, Value>, index: usize) -> Option<StorageGb> {
        let at = FieldRef::School(index, SchoolField::StorageGb);
        let storage = match get(map, at.key())? {
            // The number as serde_json writes it back (`11.2`, `1e-11`), read exactly.
            Value::Number(n) => StorageGb::parse(&serde_json::to_string(n).unwrap_or_default()),
            Value::String(s) => StorageGb::parse(s),
            other => {
                self.wrong_type_at(at, "un nombre de Go", other);
                return None;
            }
        };
        if storage.is_none() {
            self.at(
                at,
                format!(
                    "le stockage utilisé est un nombre de Go positif ou nul, d'au plus deux décimales et d'au plus {} Go (par exemple 3,5)",
                    StorageGb::MAX_GB
                ),
            );
        }
        storage
    }

    /// The school at `index`.
    pub(super) fn school(&mut self, v: &Value, index: usize) -> Option<School> {
        let path = school_path(index);
        let map = self.object(v, &path, &format!("École {}", index + 1))?;
        let at = |f: SchoolField| FieldRef::School(index, f);
        let name = self.required_text(map, at(SchoolField::Name));
        let uai = self.text(map, at(SchoolField::Uai));
        let level = self.code(
            map,
            at(SchoolField::Level),
            "un niveau reconnu",
            Level::from_code,
            &Level::ALL.map(Level::code),
        );
        let sector = self.code(
            map,
            at(SchoolField::Sector),
            "un secteur reconnu",
            Sector::from_code,
            &Sector::ALL.map(Sector::code),
        );
        let group = self.text(map, at(SchoolField::Group));
        let requested = self.date(map, at(SchoolField::Requested), true);
        let opened = self.date(map, at(SchoolField::Opened), false);
        let removal_requested = self.date(map, at(SchoolField::RemovalRequested), false);
        let admin_changed = self.date(map, at(SchoolField::AdminChanged), false);
        let storage_gb = self.storage(map, index);
        let admin_path = format!("{path}.{}", crate::schema::ADMIN_KEY);
        let admin = self
            .optional_group(
                map,
                crate::schema::ADMIN_KEY,
                &admin_path,
                &format!("Administrateur (école {})", index + 1),
            )
            .map(|m| self.contact(m, |f| at(SchoolField::Admin(f))));
        if let (Some(r), Some(o)) = (requested, opened)
            && let Some(e) = checks::opening_after_request(index, r, o)
        {
            self.push(e);
        }
        Some(School {
            name: name?,
            uai,
            level: level?,
            sector: sector?,
            group,
            requested: requested?,
            opened,
            removal_requested,
            admin_changed,
            storage_gb,
            admin,
        })
    }
}

/// Where a number typed among names belongs: « ; un nombre se saisit dans « Nombre de
/// présents » » for the present and the absent; for other lists, that it is not a name.
fn count_field_of(at: FieldRef) -> String {
    use crate::schema::{Field, MeetingField as M};
    let count = match at {
        FieldRef::Scenario(Field::Meeting(M::Present)) => M::PresentCount,
        FieldRef::Scenario(Field::Meeting(M::Absent)) => M::AbsentCount,
        _ => return " (un nombre n'est pas lu comme un nom)".to_string(),
    };
    format!(" ; un nombre se saisit dans « {} »", count.label())
}
