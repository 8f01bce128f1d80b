//! The calendar (.ics): every deadline of the scenario as an all-day event with a French
//! summary, the clause in the description and a reminder some days before. UIDs are stable,
//! so importing the file again updates the events rather than duplicating them.

use chrono::{Duration, NaiveDate};
use icalendar::{Alarm, Calendar, Component, EventLike, Trigger};

use crate::engine::dates::iso;
use crate::engine::{Deadline, Scenario, Simulation};

/// A stable identifier: the commune, the kind of date, the date and what it is about.
pub fn deadline_uid(scenario: &Scenario, d: &Deadline) -> String {
    // FNV-1a of the label: short, stable across versions and platforms.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in d.label.bytes() {
        hash ^= b as u64;
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    let commune = crate::engine::text::fold_name(&scenario.commune.name);
    format!(
        "{}-{}-{}-{hash:016x}@laclasse-sim",
        commune,
        d.kind.code(),
        iso(d.date)
    )
}

/// The calendar of `sim`, each event with a reminder `reminder_days` before (none for 0).
/// `stamp` dates the file (the engine never reads a clock).
pub fn to_ics(
    scenario: &Scenario,
    sim: &Simulation,
    reminder_days: u32,
    stamp: NaiveDate,
) -> String {
    let mut calendar = Calendar::new();
    calendar.name(&format!("laclasse.com — {}", scenario.commune.name));
    let stamp = stamp.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc();
    for d in &sim.deadlines {
        let mut description = format!(
            "{}\n{} : {}",
            d.label,
            d.clause.reference(),
            d.clause.quote()
        );
        if let Some(w) = d.non_working {
            description.push_str(&format!(
                "\nAttention : c'est {} ; la date n'est pas reportée, agir avant.",
                w.describe()
            ));
        }
        let uid = deadline_uid(scenario, d);
        let mut event = icalendar::Event::new();
        event
            .uid(&uid)
            .timestamp(stamp)
            .summary(&format!("laclasse.com : {}", d.kind.label()))
            .description(&description)
            .all_day(d.date);
        if reminder_days > 0 {
            // Its own stamp and UID, so the file never depends on the clock or on chance.
            let mut alarm = Alarm::display(
                &format!("Dans {reminder_days} jours : {}", d.kind.label()),
                Trigger::before_start(Duration::days(reminder_days as i64)),
            );
            alarm.uid(&format!("rappel-{uid}")).timestamp(stamp);
            event.alarm(alarm);
        }
        calendar.push(event.done());
    }
    calendar.done().to_string()
}
