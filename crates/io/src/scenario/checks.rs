//! Checks across fields, once each field is read on its own: an opening before its request, a
//! termination letter before the notification, a horizon outside the convention.

use chrono::NaiveDate;

use super::{FieldError, MAX_HORIZON_YEARS, MAX_SCHOOLS};
use crate::schema::{Field, FieldRef, SCHOOLS_KEY, SchoolField};
use engine::dates::{add_years, fr};
use engine::r2_termination::r2_reception_error;

/// A school's access cannot open before its request was received (R5).
pub(super) fn opening_after_request(
    index: usize,
    requested: NaiveDate,
    opened: NaiveDate,
) -> Option<FieldError> {
    (opened < requested).then(|| {
        FieldError::at(
            FieldRef::School(index, SchoolField::Opened),
            format!(
                "l'ouverture ({}) ne peut pas précéder la réception de la demande ({})",
                fr(opened),
                fr(requested)
            ),
        )
    })
}

/// The termination letter is received after the notification (R2).
pub(super) fn termination_after_notification(
    notified: NaiveDate,
    received: NaiveDate,
) -> Option<FieldError> {
    r2_reception_error(notified, received)
        .map(|message| FieldError::at(FieldRef::Scenario(Field::TerminationReceived), message))
}

/// The horizon lies between the notification and [`MAX_HORIZON_YEARS`] after it.
pub(super) fn horizon_within_range(notified: NaiveDate, horizon: NaiveDate) -> Option<FieldError> {
    let at = FieldRef::Scenario(Field::HorizonUntil);
    if horizon < notified {
        Some(FieldError::at(
            at,
            format!(
                "l'horizon ({}) ne peut pas précéder la notification de la convention ({})",
                fr(horizon),
                fr(notified)
            ),
        ))
    } else if horizon > add_years(notified, MAX_HORIZON_YEARS) {
        Some(FieldError::at(
            at,
            format!("l'horizon ne peut pas dépasser {MAX_HORIZON_YEARS} ans après la notification"),
        ))
    } else {
        None
    }
}

/// A scenario holds at most [`MAX_SCHOOLS`] schools.
pub(super) fn too_many_schools(count: usize) -> FieldError {
    FieldError::group(
        SCHOOLS_KEY,
        "Écoles",
        format!("{count} écoles : un scénario en compte au plus {MAX_SCHOOLS}"),
    )
}

/// The most members a council has (Paris, 163): a count above it counts nothing real.
pub const MAX_COUNCIL: u32 = 163;

/// Counts checked against what they count (D1–D4): the members in office at most
/// [`MAX_COUNCIL`], the members listed present at most the members in office, and the votes
/// (for, against, abstentions) at most the members in office (or [`MAX_COUNCIL`] unknown).
pub(super) fn meeting_counts(meeting: &engine::scenario::Meeting) -> Vec<FieldError> {
    use crate::schema::MeetingField;
    let at = |f: MeetingField| FieldRef::Scenario(Field::Meeting(f));
    let mut out = Vec::new();
    let in_office = meeting.in_office.filter(|&n| {
        let ok = n <= MAX_COUNCIL;
        if !ok {
            out.push(FieldError::at(
                at(MeetingField::InOffice),
                format!("{n} conseillers en exercice : un conseil municipal en compte au plus {MAX_COUNCIL} (Paris)"),
            ));
        }
        ok
    });
    let ceiling = in_office.unwrap_or(MAX_COUNCIL);
    let present = meeting.present.len();
    if let Some(n) = in_office
        && present > n as usize
    {
        out.push(FieldError::at(
            at(MeetingField::Present),
            format!(
                "{present} conseillers présents pour {n} en exercice : la liste en compte trop"
            ),
        ));
    }
    for (field, count, what) in [
        (
            MeetingField::PresentCount,
            meeting.present_count,
            "conseillers présents",
        ),
        (
            MeetingField::ProxiesCount,
            meeting.proxies_count,
            "absents avec pouvoir",
        ),
        (
            MeetingField::AbsentCount,
            meeting.absent_count,
            "absents sans pouvoir",
        ),
    ] {
        if let Some(c) = count
            && c > ceiling
        {
            out.push(FieldError::at(
                at(field),
                format!(
                    "{c} {what} pour {ceiling} {} : le nombre est trop grand",
                    if in_office.is_some() {
                        "en exercice"
                    } else {
                        "conseillers au plus dans un conseil municipal (Paris)"
                    }
                ),
            ));
        }
    }
    if let Some(v) = meeting.vote {
        let total = u64::from(v.for_votes) + u64::from(v.against) + u64::from(v.abstentions);
        if total > u64::from(ceiling) {
            out.push(FieldError::at(
                at(MeetingField::VoteFor),
                format!(
                    "{} pour, {} contre et {} abstentions font {total} voix, plus que les {ceiling} conseillers {}",
                    v.for_votes,
                    v.against,
                    v.abstentions,
                    if in_office.is_some() { "en exercice" } else { "d'un conseil municipal (au plus, Paris)" }
                ),
            ));
        }
    }
    out
}
