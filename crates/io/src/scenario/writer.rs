//! Writes a scenario back in the `laclasse-sim/1` format, by the schema's keys; reading it
//! again gives the same scenario.

use serde_json::{Map, Value};

use super::FORMAT;
use crate::schema::{
    ContactField, FEE_CHANGE_FROM_KEY, FEE_CHANGE_SOURCE_KEY, FORMAT_KEY, Field, Flag,
    MeetingField, PROXY_GIVER_KEY, PROXY_HOLDER_KEY, Role, SCHOOLS_KEY, SchoolField,
    fee_change_amount_key, insert_at,
};
use engine::dates;
use engine::scenario::{Contact, Meeting, Scenario, School};

fn text(s: &str) -> Value {
    Value::String(s.to_string())
}

fn date(d: chrono::NaiveDate) -> Value {
    Value::String(dates::iso(d))
}

/// Puts `value` at `field`'s place when there is one.
fn put(root: &mut Map<String, Value>, field: Field, value: Option<Value>) {
    if let Some(value) = value {
        insert_at(root, &field.keys(), value);
    }
}

/// A contact's fields, each under its key, at `place(field)` in `map`.
fn put_contact(
    map: &mut Map<String, Value>,
    contact: &Contact,
    keys: impl Fn(ContactField) -> Vec<&'static str>,
) {
    for f in ContactField::ALL {
        insert_at(map, &keys(f), text(f.value(contact)));
    }
}

fn school_value(s: &School) -> Value {
    let mut m = Map::new();
    let mut put = |f: SchoolField, v: Option<Value>| {
        if let Some(v) = v {
            insert_at(&mut m, &f.keys(), v);
        }
    };
    put(SchoolField::Name, Some(text(&s.name)));
    put(SchoolField::Uai, s.uai.as_deref().map(text));
    put(SchoolField::Level, Some(text(s.level.code())));
    put(SchoolField::Sector, Some(text(s.sector.code())));
    put(SchoolField::Group, s.group.as_deref().map(text));
    put(SchoolField::Requested, Some(date(s.requested)));
    put(SchoolField::Opened, s.opened.map(date));
    put(SchoolField::RemovalRequested, s.removal_requested.map(date));
    put(SchoolField::AdminChanged, s.admin_changed.map(date));
    put(
        SchoolField::StorageGb,
        s.storage_gb
            .and_then(|g| g.to_decimal_string().parse::<serde_json::Number>().ok())
            .map(Value::Number),
    );
    if let Some(admin) = &s.admin {
        put_contact(&mut m, admin, |f| SchoolField::Admin(f).keys());
    }
    Value::Object(m)
}

/// The council meeting's fields (D1), each under its key; nothing when none is known.
fn put_meeting(root: &mut Map<String, Value>, m: &Meeting) {
    let names = |list: &[String]| {
        (!list.is_empty()).then(|| Value::Array(list.iter().map(|n| text(n)).collect()))
    };
    let count = |n: Option<u32>| n.map(Value::from);
    let vote = m.vote;
    for (f, value) in [
        (MeetingField::Date, m.date.map(date)),
        (
            MeetingField::Time,
            m.time.map(|(h, min)| text(&format!("{h:02}:{min:02}"))),
        ),
        (MeetingField::Place, m.place.as_deref().map(text)),
        (MeetingField::Chair, m.chair.as_deref().map(text)),
        (MeetingField::ChairTitle, m.chair_title.as_deref().map(text)),
        (MeetingField::Convened, m.convened.map(date)),
        (MeetingField::Population, count(m.population)),
        (MeetingField::InOffice, count(m.in_office)),
        (MeetingField::PresentCount, count(m.present_count)),
        (MeetingField::ProxiesCount, count(m.proxies_count)),
        (MeetingField::AbsentCount, count(m.absent_count)),
        (MeetingField::Present, names(&m.present)),
        (
            MeetingField::Proxies,
            (!m.proxies.is_empty()).then(|| {
                Value::Array(
                    m.proxies
                        .iter()
                        .map(|p| {
                            let mut m = Map::new();
                            m.insert(PROXY_GIVER_KEY.into(), Value::String(p.giver.clone()));
                            m.insert(PROXY_HOLDER_KEY.into(), Value::String(p.holder.clone()));
                            Value::Object(m)
                        })
                        .collect(),
                )
            }),
        ),
        (MeetingField::Absent, names(&m.absent)),
        (MeetingField::Secretary, m.secretary.as_deref().map(text)),
        (MeetingField::VoteFor, count(vote.map(|v| v.for_votes))),
        (MeetingField::VoteAgainst, count(vote.map(|v| v.against))),
        (
            MeetingField::VoteAbstentions,
            count(vote.map(|v| v.abstentions)),
        ),
        (MeetingField::Committee, m.committee.as_deref().map(text)),
        (
            MeetingField::CommitteeOpinion,
            m.committee_opinion.map(date),
        ),
        (
            MeetingField::SecondConvocation,
            m.second_convocation.then_some(Value::Bool(true)),
        ),
        (MeetingField::QuorumFailedOn, m.quorum_failed_on.map(date)),
        (
            MeetingField::Urgency,
            m.urgency.then_some(Value::Bool(true)),
        ),
        (
            MeetingField::UrgencyReason,
            m.urgency_reason.as_deref().map(text),
        ),
        (
            MeetingField::SynthesisNote,
            m.synthesis_note.map(Value::Bool),
        ),
        (MeetingField::NotVoting, names(&m.not_voting)),
        (
            MeetingField::SecretBallot,
            m.secret_ballot.then_some(Value::Bool(true)),
        ),
        (
            MeetingField::ChairVote,
            m.chair_vote.map(|v| text(v.code())),
        ),
    ] {
        put(root, Field::Meeting(f), value);
    }
}

/// Writes a scenario in the `laclasse-sim/1` format; reading it back gives the same scenario.
pub fn to_value(s: &Scenario) -> Value {
    let mut root = Map::new();
    root.insert(FORMAT_KEY.into(), text(FORMAT));
    put(&mut root, Field::CommuneName, Some(text(&s.commune.name)));
    put(
        &mut root,
        Field::CommuneInsee,
        s.commune.insee.as_deref().map(text),
    );
    let c = &s.convention;
    put(&mut root, Field::Notified, Some(date(c.notified)));
    put(
        &mut root,
        Field::AnnualFee,
        Some(text(&c.annual_fee.to_decimal_string())),
    );
    put(
        &mut root,
        Field::FeeChanges,
        (!c.fee_changes.is_empty()).then(|| {
            Value::Array(
                c.fee_changes
                    .iter()
                    .map(|f| {
                        let mut m = Map::new();
                        m.insert(FEE_CHANGE_FROM_KEY.into(), date(f.from));
                        m.insert(
                            fee_change_amount_key().into(),
                            text(&f.annual_fee.to_decimal_string()),
                        );
                        if !f.source.is_empty() {
                            m.insert(FEE_CHANGE_SOURCE_KEY.into(), text(&f.source));
                        }
                        Value::Object(m)
                    })
                    .collect(),
            )
        }),
    );
    put(
        &mut root,
        Field::BillingUnit,
        Some(text(c.billing_unit.code())),
    );
    put(
        &mut root,
        Field::TerminationReceived,
        c.termination_received.map(date),
    );
    put(
        &mut root,
        Field::DeliberationPublished,
        s.deliberation.published.map(date),
    );
    put(
        &mut root,
        Field::DeliberationTransmitted,
        s.deliberation.transmitted.map(date),
    );
    put(
        &mut root,
        Field::DeliberationNumber,
        s.deliberation.number.as_deref().map(text),
    );
    put(
        &mut root,
        Field::DeliberationRapporteur,
        s.deliberation.rapporteur.as_deref().map(text),
    );
    put(
        &mut root,
        Field::DeliberationExpose,
        s.deliberation.expose.as_deref().map(text),
    );
    put_meeting(&mut root, &s.deliberation.meeting);
    put(&mut root, Field::ConventionSigned, c.signed.map(date));
    if let Some(mayor) = &s.deliberation.mayor {
        put(&mut root, Field::MayorName, Some(text(&mayor.name)));
        put(
            &mut root,
            Field::MayorTitle,
            mayor.title.as_deref().map(text),
        );
    }
    put(
        &mut root,
        Field::TerminationDelegation,
        s.termination_delegation.then_some(Value::Bool(true)),
    );
    if let Some(act) = &s.termination_act {
        put(
            &mut root,
            Field::TerminationActNumber,
            act.number.as_deref().map(text),
        );
        put(&mut root, Field::TerminationActDate, act.date.map(date));
    }
    put(&mut root, Field::HorizonUntil, Some(date(s.horizon_until)));
    if let Some(u) = s.usage {
        for (flag, value) in [
            (Flag::Educational, u.educational_or_cultural),
            (Flag::Commercial, u.commercial),
        ] {
            let mut keys = crate::schema::Section::Usage.keys();
            keys.push(flag.key());
            insert_at(&mut root, &keys, Value::Bool(value));
        }
    }
    for role in Role::ALL {
        if let Some(contact) = role.of(&s.contacts) {
            put_contact(&mut root, contact, |f| Field::Contact(role, f).keys());
        }
    }
    root.insert(
        SCHOOLS_KEY.into(),
        Value::Array(s.schools.iter().map(school_value).collect()),
    );
    Value::Object(root)
}

/// The scenario as pretty JSON text.
pub fn to_string_pretty(s: &Scenario) -> String {
    serde_json::to_string_pretty(&to_value(s)).unwrap_or_default()
}
