//! The scenario file (`laclasse-sim/1`): reading with every error named by its field, and
//! writing back the same format. Split along its seams: `syntax` (a file that is not JSON),
//! `reader` (each field by the schema's keys), `checks` (across fields), `writer`.

mod checks;
mod reader;
mod syntax;
mod writer;

use std::fmt;
use std::rc::Rc;

use serde_json::{Map, Value};

use self::reader::{Reader, get};
use crate::schema::{
    CONTACTS_KEY, FORMAT_KEY, Field, FieldRef, Flag, MeetingField, Role, SCHOOLS_KEY, Section,
};
use engine::scenario::{
    Commune, Contacts, Convention, Deliberation, Mayor, Meeting, Scenario, School, TerminationAct,
    Usage, Vote,
};
use engine::simulate::default_horizon;

pub use self::writer::{to_string_pretty, to_value};

/// The only format version this build reads and writes.
pub const FORMAT: &str = "laclasse-sim/1";

/// The longest planning horizon accepted, in years after the notification.
pub const MAX_HORIZON_YEARS: i32 = 100;

/// The most schools a scenario holds: every school of the Métropole's territory (625) and more,
/// far below what would make the page or a document unusable.
pub const MAX_SCHOOLS: usize = 1_000;

pub use self::reader::{FEE_CHANGE_ROW, MAX_TEXT_CHARS};

/// A problem with one field (or group of fields) of a scenario, in French.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// Where, as the file names it: `schools[2].requested`; empty for the file as a whole.
    pub path: String,
    /// The field, when the error is about one field (not a group, not the whole file).
    pub field: Option<FieldRef>,
    /// Where, as a person names it: « Demande reçue le (école 3) »; empty for the whole file.
    pub label: String,
    /// What is wrong.
    pub message: String,
}

impl FieldError {
    /// An error about the field `at`.
    pub fn at(at: FieldRef, message: impl Into<String>) -> FieldError {
        FieldError {
            path: at.path(),
            field: Some(at),
            label: at.label(),
            message: message.into(),
        }
    }

    /// An error about a group of fields (`convention`, `schools[2]`).
    pub fn group(
        path: impl Into<String>,
        label: impl Into<String>,
        message: impl Into<String>,
    ) -> FieldError {
        FieldError {
            path: path.into(),
            field: None,
            label: label.into(),
            message: message.into(),
        }
    }

    /// An error about the file as a whole.
    pub fn file(message: impl Into<String>) -> FieldError {
        FieldError::group("", "", message)
    }

    /// The message for a person, by the field's French name: « Notification de la
    /// convention : champ obligatoire ».
    pub fn for_people(&self) -> String {
        if self.label.is_empty() {
            self.message.clone()
        } else {
            format!("{} : {}", self.label, self.message)
        }
    }
}

/// For the command: the path, then the French name, then the message.
impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.path.is_empty(), self.label.is_empty()) {
            (true, _) => write!(f, "{}", self.message),
            (false, true) => write!(f, "{} : {}", self.path, self.message),
            (false, false) => write!(f, "{} — {} : {}", self.path, self.label, self.message),
        }
    }
}

/// Reads a scenario from JSON text. Every error found is returned, not just the first.
pub fn parse_str(text: &str) -> Result<Scenario, Vec<FieldError>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match crate::json::parse(text) {
        Ok(value) => parse_value(&value),
        Err(crate::json::JsonError::Syntax(e)) => {
            Err(vec![FieldError::file(syntax::json_error_message(text, &e))])
        }
        Err(crate::json::JsonError::Duplicate { path, line }) => {
            let message = crate::json::JsonError::duplicate_message(&path, line);
            Err(vec![FieldError::group(path, "", message)])
        }
    }
}

/// Reads a scenario from a parsed JSON value.
pub fn parse_value(value: &Value) -> Result<Scenario, Vec<FieldError>> {
    let Value::Object(root) = value else {
        return Err(vec![FieldError::file(format!(
            "le fichier doit contenir un objet JSON (un scénario laclasse-sim), pas {}",
            syntax::type_name(value)
        ))]);
    };
    parse_head(root, &[])
}

/// Reads everything but the schools from `root`; the schools are `root`'s when it has them,
/// else the ones `given` (already read by [`parse_school`]).
fn parse_head(
    root: &Map<String, Value>,
    given: &[&Result<School, Vec<FieldError>>],
) -> Result<Scenario, Vec<FieldError>> {
    let mut r = Reader::default();
    let scenario = |f: Field| FieldRef::Scenario(f);

    if let Some(v) = get(root, FORMAT_KEY) {
        match v {
            Value::String(s) if s == FORMAT => {}
            Value::String(s) => r.push(FieldError::group(
                FORMAT_KEY,
                "Format du fichier",
                format!(
                    "{} n'est pas un format reconnu : cette version lit \"{FORMAT}\"",
                    syntax::quoted(s)
                ),
            )),
            other => r.push(FieldError::group(
                FORMAT_KEY,
                "Format du fichier",
                format!(
                    "le texte \"{FORMAT}\" est attendu, pas {}",
                    syntax::type_name(other)
                ),
            )),
        }
    }

    let group = |s: Section| (s.keys()[0], s.label());
    let commune = {
        let (key, label) = group(Section::Commune);
        r.required_group(root, key, label).and_then(|map| {
            let name = r.text(map, scenario(Field::CommuneName));
            let insee = r.text(map, scenario(Field::CommuneInsee));
            if name.is_none() && insee.is_none() {
                r.push(FieldError::at(
                    scenario(Field::CommuneName),
                    "indiquer le nom de la commune (ou son code INSEE)",
                ));
                return None;
            }
            Some(Commune {
                name: name.unwrap_or_default(),
                insee,
            })
        })
    };

    let convention = {
        let (key, label) = group(Section::Convention);
        r.required_group(root, key, label).and_then(|map| {
            let notified = r.date(map, scenario(Field::Notified), true);
            let fee = r.fee(map);
            let fee_changes = r.fee_changes(map, notified);
            let billing_unit = r.billing_unit(map);
            let termination = r.date(map, scenario(Field::TerminationReceived), false);
            let signed = r.date(map, scenario(Field::ConventionSigned), false);
            if let (Some(n), Some(t)) = (notified, termination)
                && let Some(e) = checks::termination_after_notification(n, t)
            {
                r.push(e);
            }
            Some(Convention {
                notified: notified?,
                annual_fee: fee?,
                fee_changes: fee_changes?,
                billing_unit: billing_unit?,
                termination_received: termination,
                signed,
            })
        })
    };
    let notified = convention.as_ref().map(|c| c.notified);

    let deliberation = {
        let (key, label) = group(Section::Deliberation);
        r.optional_group(root, key, key, label)
            .map(|map| {
                let meeting = r
                    .optional_group(
                        map,
                        Section::Meeting.keys()[1],
                        &Section::Meeting.path(),
                        Section::Meeting.label(),
                    )
                    .map(|m| read_meeting(&mut r, m))
                    .unwrap_or_default();
                r.errors.extend(checks::meeting_counts(&meeting));
                let mayor = r
                    .optional_group(
                        map,
                        Section::Mayor.keys()[1],
                        &Section::Mayor.path(),
                        Section::Mayor.label(),
                    )
                    .and_then(|m| {
                        let title = r.text(m, scenario(Field::MayorTitle));
                        r.text(m, scenario(Field::MayorName))
                            .map(|name| Mayor { name, title })
                    });
                Deliberation {
                    number: r.text(map, scenario(Field::DeliberationNumber)),
                    rapporteur: r.text(map, scenario(Field::DeliberationRapporteur)),
                    expose: r.text(map, scenario(Field::DeliberationExpose)),
                    published: r.date(map, scenario(Field::DeliberationPublished), false),
                    transmitted: r.date(map, scenario(Field::DeliberationTransmitted), false),
                    meeting,
                    mayor,
                }
            })
            .unwrap_or_default()
    };

    let horizon = match get(root, Field::HorizonUntil.key()) {
        Some(_) => r.date(root, scenario(Field::HorizonUntil), false),
        None => notified.map(default_horizon),
    };
    if let (Some(n), Some(h)) = (notified, horizon)
        && let Some(e) = checks::horizon_within_range(n, h)
    {
        r.push(e);
    }

    let termination_delegation = r
        .yes_no(root, scenario(Field::TerminationDelegation))
        .unwrap_or(false);
    let termination_act = {
        let key = Section::TerminationAct.keys()[0];
        r.optional_group(root, key, key, Section::TerminationAct.label())
            .map(|m| TerminationAct {
                number: r.text(m, scenario(Field::TerminationActNumber)),
                date: r.date(m, scenario(Field::TerminationActDate), false),
            })
            .filter(|a| a.number.is_some() || a.date.is_some())
    };

    let usage = {
        let (key, label) = group(Section::Usage);
        r.optional_group(root, key, key, label).map(|map| Usage {
            educational_or_cultural: r.flag(map, Flag::Educational),
            commercial: r.flag(map, Flag::Commercial),
        })
    };

    let mut contacts = Contacts::default();
    if let Some(map) = r.optional_group(root, CONTACTS_KEY, CONTACTS_KEY, "Contacts de la commune")
    {
        for role in Role::ALL {
            let section = Section::Contact(role);
            let read = r
                .optional_group(map, role.key(), &section.path(), section.label())
                .map(|m| r.contact(m, |f| FieldRef::Scenario(Field::Contact(role, f))));
            match role {
                Role::TechnicalReferent => contacts.technical_referent = read,
                Role::ProjectLead => contacts.project_lead = read,
            }
        }
    }

    // The schools read here from `root`, or lent by the caller: either way each is copied
    // once, into the scenario.
    let owned: Vec<Result<School, Vec<FieldError>>>;
    let schools: Vec<&Result<School, Vec<FieldError>>> = match get(root, SCHOOLS_KEY) {
        None if given.len() > MAX_SCHOOLS => {
            r.push(checks::too_many_schools(given.len()));
            Vec::new()
        }
        None => given.to_vec(),
        Some(Value::Array(items)) if items.len() > MAX_SCHOOLS => {
            r.push(checks::too_many_schools(items.len()));
            Vec::new()
        }
        Some(Value::Array(items)) => {
            owned = items
                .iter()
                .enumerate()
                .map(|(i, v)| parse_school(v, i))
                .collect();
            owned.iter().collect()
        }
        Some(other) => {
            r.push(FieldError::group(
                SCHOOLS_KEY,
                "Écoles",
                format!(
                    "une liste d'écoles est attendue, pas {}",
                    syntax::type_name(other)
                ),
            ));
            Vec::new()
        }
    };
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
                deliberation,
                horizon_until,
                usage,
                contacts,
                schools: Rc::new(read),
                termination_delegation,
                termination_act,
            })
        }
        _ => Err(r.errors),
    }
}

/// The council meeting (D1) from its object.
fn read_meeting(r: &mut Reader, m: &Map<String, Value>) -> Meeting {
    let at = |f: MeetingField| FieldRef::Scenario(Field::Meeting(f));
    let vote = r
        .optional_group(
            m,
            Section::Vote.keys()[2],
            &Section::Vote.path(),
            Section::Vote.label(),
        )
        .map(|v| {
            (
                r.count(v, at(MeetingField::VoteFor)),
                r.count(v, at(MeetingField::VoteAgainst)),
                r.count(v, at(MeetingField::VoteAbstentions)),
            )
        });
    Meeting {
        date: r.date(m, at(MeetingField::Date), false),
        time: r.time(m, at(MeetingField::Time)),
        place: r.text(m, at(MeetingField::Place)),
        chair: r.text(m, at(MeetingField::Chair)),
        chair_title: r.text(m, at(MeetingField::ChairTitle)),
        convened: r.date(m, at(MeetingField::Convened), false),
        population: r.count(m, at(MeetingField::Population)),
        in_office: r.count(m, at(MeetingField::InOffice)),
        present: r.lines(m, at(MeetingField::Present)),
        present_count: r.count(m, at(MeetingField::PresentCount)),
        proxies_count: r.count(m, at(MeetingField::ProxiesCount)),
        absent_count: r.count(m, at(MeetingField::AbsentCount)),
        proxies: r.proxies(m, at(MeetingField::Proxies)),
        absent: r.lines(m, at(MeetingField::Absent)),
        secretary: r.text(m, at(MeetingField::Secretary)),
        // A vote with one count at least; a missing count is zero.
        vote: vote.and_then(|(f, a, ab)| {
            (f.is_some() || a.is_some() || ab.is_some()).then(|| Vote {
                for_votes: f.unwrap_or(0),
                against: a.unwrap_or(0),
                abstentions: ab.unwrap_or(0),
            })
        }),
        committee: r.text(m, at(MeetingField::Committee)),
        committee_opinion: r.date(m, at(MeetingField::CommitteeOpinion), false),
        second_convocation: r
            .yes_no(m, at(MeetingField::SecondConvocation))
            .unwrap_or(false),
        quorum_failed_on: r.date(m, at(MeetingField::QuorumFailedOn), false),
        urgency: r.yes_no(m, at(MeetingField::Urgency)).unwrap_or(false),
        urgency_reason: r.text(m, at(MeetingField::UrgencyReason)),
        synthesis_note: r.yes_no(m, at(MeetingField::SynthesisNote)),
        not_voting: r.lines(m, at(MeetingField::NotVoting)),
        secret_ballot: r.yes_no(m, at(MeetingField::SecretBallot)).unwrap_or(false),
        chair_vote: r.chair_vote(m, at(MeetingField::ChairVote)),
    }
}

/// One school of a scenario, read on its own; `index` names it in the errors
/// (`schools[2].requested`). The web app reads only the schools that changed.
pub fn parse_school(value: &Value, index: usize) -> Result<School, Vec<FieldError>> {
    let mut r = Reader::default();
    match r.school(value, index) {
        Some(school) if r.errors.is_empty() => Ok(school),
        _ => Err(r.errors),
    }
}

/// A scenario from everything but its schools (`head`; a `schools` field in it is ignored)
/// and its schools read by [`parse_school`]. Gives what [`parse_value`] gives on the whole.
pub fn parse_parts(
    head: &Value,
    schools: &[&Result<School, Vec<FieldError>>],
) -> Result<Scenario, Vec<FieldError>> {
    match head {
        Value::Object(root) if !root.contains_key(SCHOOLS_KEY) => parse_head(root, schools),
        Value::Object(root) => {
            let mut without = root.clone();
            without.remove(SCHOOLS_KEY);
            parse_head(&without, schools)
        }
        other => parse_value(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use engine::dates;
    use engine::money::Money;
    use engine::scenario::BillingUnit;

    const TASSIN: &str = include_str!("../../../../data/examples/tassin.json");

    /// Each error as `path: message`.
    fn errors(text: &str) -> Vec<String> {
        parse_str(text)
            .unwrap_err()
            .iter()
            .map(|e| match e.path.as_str() {
                "" => e.message.clone(),
                path => format!("{path}: {}", e.message),
            })
            .collect()
    }

    #[test]
    fn errors_name_the_field_for_the_command_and_for_people() {
        let e = parse_str(r#"{"commune":{"name":"Bron"},"convention":{}}"#).unwrap_err();
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].field, Some(FieldRef::Scenario(Field::Notified)));
        assert_eq!(
            e[0].to_string(),
            "convention.notified — Notification de la convention : champ obligatoire"
        );
        assert_eq!(
            e[0].for_people(),
            "Notification de la convention : champ obligatoire"
        );
        let e = parse_str(r#"{"commune":{"name":"Bron"}}"#).unwrap_err();
        assert_eq!(
            e[0].to_string(),
            "convention — Convention : champ obligatoire"
        );
        assert_eq!(e[0].field, None);
    }

    #[test]
    fn storage_is_exact_and_round_trips() {
        // Found by the fuzzer: a float read, written and read again moved by one unit.
        let with = |gb: &str| {
            parse_str(&format!(
                r#"{{"commune":{{"name":"Bron"}},"convention":{{"notified":"2024-01-01"}},
                   "schools":[{{"name":"A","level":"primaire","sector":"public","requested":"2024-01-01","storage_gb":{gb}}}]}}"#
            ))
        };
        for refused in [
            "9.01207797496947e-11",
            "97755809054465646",
            "3.555",
            "-1",
            "\"1e3\"",
            "\"3,5 Go\"",
        ] {
            let e = with(refused).unwrap_err();
            assert!(
                e[0].message.contains("d'au plus deux décimales"),
                "{refused}: {e:?}"
            );
        }
        for (text, hundredths) in [
            ("11.2", 1120),
            ("\"11,25\"", 1125),
            ("0", 0),
            ("\" 1 000,5 \"", 100_050),
            ("12.0", 1200),
        ] {
            let s = with(text).unwrap();
            let gb = s.schools[0].storage_gb.unwrap();
            assert_eq!(gb.hundredths(), hundredths, "{text}");
            let again = parse_str(&to_string_pretty(&s)).unwrap();
            assert_eq!(again, s, "{text} round-trips");
        }
    }

    #[test]
    fn dates_outside_the_supported_years_say_the_range() {
        let e = errors(
            r#"{"commune":{"name":"Bron"},"convention":{"notified":"2400-01-01"},
               "schools":[{"name":"A","level":"primaire","sector":"public","requested":"1850-03-01"}]}"#,
        );
        assert_eq!(
            e,
            [
                "convention.notified: \"2400-01-01\" est hors des années prises en charge : une date va du 01/01/1900 au 31/12/2300",
                "schools[0].requested: \"1850-03-01\" est hors des années prises en charge : une date va du 01/01/1900 au 31/12/2300",
            ]
        );
        assert!(
            errors(r#"{"commune":{"name":"Bron"},"convention":{"notified":"16/11/2023"}}"#)[0]
                .contains("format attendu AAAA-MM-JJ")
        );
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
