//! The calendar (.ics): every deadline of the scenario as an all-day event with a French
//! summary, the clause in the description and a reminder some days before. UIDs are stable,
//! so importing the file again updates the events rather than duplicating them.
//!
//! The file is written here, by a small serializer of RFC 5545 (iCalendar), rather than by a
//! crate: the writer of `icalendar` ended all-day events on the day they start, did not
//! escape every line break (a lone CR) nor the calendar's name, and folded long lines in
//! quadratic time, and it weighed about 6 KB gzip in the web app. What this one guarantees:
//!
//! - every line ends with CRLF (RFC 5545 section 3.1);
//! - every line is at most 75 octets, longer ones folded (CRLF then a space) between two
//!   characters, never inside a UTF-8 character, in one pass (linear time);
//! - every TEXT value is escaped (section 3.3.11): `\` `;` `,` become `\\` `\;` `\,`, every
//!   line break (CRLF, LF, a lone CR, and NEL, LS, PS) becomes `\n`, other control characters
//!   (C0 but the tab, DEL, C1) are dropped: a name can never end a line, so never forge a
//!   property or an event;
//! - an all-day event ends the next day (DTEND is exclusive, section 3.6.1);
//! - nothing depends on the clock or on chance: DTSTAMP is the day given by the caller, UIDs
//!   are made from the scenario.

use chrono::{Datelike, NaiveDate};

use engine::d7_termination::PlanStep;
use engine::dates::{fr, iso, next_day};
use engine::{Deadline, Scenario, Simulation};

/// What the calendar does with the deadlines before the day it is made (`stamp`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum PastEvents {
    /// Past deadlines are not in the file.
    LeaveOut,
    /// Past deadlines are in the file, their summary ending with [`PAST_MARK`], and without a
    /// reminder.
    Mark,
}

/// What ends the summary of a past deadline kept with [`PastEvents::Mark`].
pub const PAST_MARK: &str = " (passée)";

/// A stable identifier: the commune, the kind of date, the date and what it is about.
pub fn deadline_uid(scenario: &Scenario, d: &Deadline) -> String {
    uid(&engine::text::fold_name(&scenario.commune.name), d)
}

/// [`deadline_uid`] with the commune's name already folded (once for the whole calendar).
fn uid(commune: &str, d: &Deadline) -> String {
    // FNV-1a of the label: short, stable across versions and platforms.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in d.label.bytes() {
        hash ^= b as u64;
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!(
        "{}-{}-{}-{hash:016x}@laclasse-sim",
        commune,
        d.kind.code(),
        iso(d.date)
    )
}

/// The calendar of `sim`, as the text of a .ics file.
///
/// - `reminder_days`: each future event has a reminder that many days before (none for 0);
/// - `stamp`: the day the file is made (the engine never reads a clock): it dates the file
///   (DTSTAMP), and tells the past from the future: a deadline before it is past, one after it
///   gets the reminder (a deadline on that very day is kept as is, without a reminder);
/// - `past`: whether past deadlines are left out or kept and marked (see [`PastEvents`]).
pub fn to_ics(
    scenario: &Scenario,
    sim: &Simulation,
    reminder_days: u32,
    stamp: NaiveDate,
    past: PastEvents,
) -> String {
    let name = &super::commune_name(scenario, &sim.commune);
    let mut ics = Writer::with_capacity(1024 + 2 * name.len() + sim.deadlines.len() * 1024);
    header(&mut ics, &format!("laclasse.com — {name}"));
    let key = engine::text::fold_name(&scenario.commune.name);
    events(&mut ics, sim, reminder_days, stamp, past, None, &key);
    plan_events(&mut ics, sim, reminder_days, stamp, &key);
    ics.raw("END", "VCALENDAR");
    ics.out
}

/// The calendar of every commune of `communes` (the Métropole's view) in one .ics file: each
/// event's summary names its commune; its UIDs start with the commune's INSEE code (its folded
/// name outside the Métropole), and a commune given twice gets its rank too, so that no two
/// events share a UID.
pub fn territory_ics(
    communes: &[(&Scenario, &Simulation)],
    reminder_days: u32,
    stamp: NaiveDate,
    past: PastEvents,
) -> String {
    let events_count: usize = communes.iter().map(|(_, sim)| sim.deadlines.len()).sum();
    let mut ics = Writer::with_capacity(1024 + events_count * 1024);
    header(
        &mut ics,
        &format!(
            "laclasse.com — Métropole de Lyon ({} commune{})",
            communes.len(),
            if communes.len() > 1 { "s" } else { "" }
        ),
    );
    let mut keys: Vec<String> = Vec::with_capacity(communes.len());
    for (i, (scenario, sim)) in communes.iter().enumerate() {
        let mut key = sim
            .commune
            .record
            .map(|r| r.insee.clone())
            .unwrap_or_else(|| engine::text::fold_name(&scenario.commune.name));
        if keys.contains(&key) {
            key = format!("{key}-{}", i + 1);
        }
        let name = scenario.commune.name.as_str();
        events(&mut ics, sim, reminder_days, stamp, past, Some(name), &key);
        keys.push(key);
    }
    ics.raw("END", "VCALENDAR");
    ics.out
}

/// The calendar's first lines, up to its events, under `title`.
fn header(ics: &mut Writer, title: &str) {
    ics.raw("BEGIN", "VCALENDAR");
    ics.raw("VERSION", "2.0");
    ics.text(
        "PRODID",
        &format!(
            "-//laclasse-sim//laclasse-sim {}//FR",
            env!("CARGO_PKG_VERSION")
        ),
    );
    ics.raw("CALSCALE", "GREGORIAN");
    ics.raw("METHOD", "PUBLISH");
    ics.text("NAME", title);
    ics.text("X-WR-CALNAME", title);
}

/// One event, all day on `date`, with a reminder `alarm` days before (none for 0).
struct Event<'a> {
    uid: String,
    date: NaiveDate,
    summary: String,
    description: Vec<&'a str>,
    alarm: u32,
    alarm_text: String,
}

impl Writer {
    fn event(&mut self, dtstamp: &str, e: &Event) {
        self.raw("BEGIN", "VEVENT");
        self.text("UID", &e.uid);
        self.raw("DTSTAMP", dtstamp);
        self.raw("DTSTART;VALUE=DATE", &basic_date(e.date));
        self.raw("DTEND;VALUE=DATE", &basic_date(next_day(e.date)));
        self.text("SUMMARY", &e.summary);
        self.text_lines("DESCRIPTION", &e.description);
        self.raw("TRANSP", "TRANSPARENT");
        if e.alarm > 0 {
            self.raw("BEGIN", "VALARM");
            // Its own UID (RFC 9074), so the file never depends on chance.
            self.text("UID", &format!("rappel-{}", e.uid));
            self.raw("ACTION", "DISPLAY");
            let days = if e.alarm == 1 { "jour" } else { "jours" };
            self.text(
                "DESCRIPTION",
                &format!("Dans {} {days} : {}", e.alarm, e.alarm_text),
            );
            self.raw("TRIGGER", &format!("-P{}D", e.alarm));
            self.raw("END", "VALARM");
        }
        self.raw("END", "VEVENT");
    }
}

/// One commune's events; `named`: the commune's name each summary says (several communes in
/// a file); `commune`: the start of the UIDs.
fn events(
    ics: &mut Writer,
    sim: &Simulation,
    reminder_days: u32,
    stamp: NaiveDate,
    past: PastEvents,
    named: Option<&str>,
    commune: &str,
) {
    let dtstamp = format!("{}T000000Z", basic_date(stamp));
    for d in &sim.deadlines {
        let is_past = d.date < stamp;
        if is_past && past == PastEvents::LeaveOut {
            continue;
        }
        let mut summary = match named {
            Some(name) => format!("laclasse.com — {name} : {}", d.kind.label()),
            None => format!("laclasse.com : {}", d.kind.label()),
        };
        if is_past {
            summary.push_str(PAST_MARK);
        }
        // Lines escaped one by one: a label ending with CR stays a line of its own.
        let clause = format!("{} : {}", d.clause.reference(), d.clause.quote());
        let warning = d.warning().map(|w| format!("Attention : {w}"));
        let mut description = vec![d.label.as_str(), clause.as_str()];
        description.extend(warning.as_deref());
        ics.event(
            &dtstamp,
            &Event {
                uid: uid(commune, d),
                date: d.date,
                summary,
                description,
                alarm: if d.date > stamp { reminder_days } else { 0 },
                alarm_text: d.kind.label().to_string(),
            },
        );
    }
}

/// The termination's plan (D7) for each anniversary, as reminders: every step still to come
/// on `stamp` (the reception itself is the notice's event).
fn plan_events(
    ics: &mut Writer,
    sim: &Simulation,
    reminder_days: u32,
    stamp: NaiveDate,
    commune: &str,
) {
    let dtstamp = format!("{}T000000Z", basic_date(stamp));
    for plan in &sim.termination_plans {
        let headline = plan.headline();
        // The latest chain, and the recommended sending day.
        let mut steps = plan.steps();
        steps.push(PlanStep {
            what: "Envoi conseillé de la lettre recommandée",
            date: plan.recommended_send_by,
            rule: plan.recommended(),
            clause: engine::Clause::Art8Notice,
        });
        for (i, step) in steps.iter().enumerate() {
            if step.date < stamp || step.what.starts_with("Réception") {
                continue;
            }
            let rule = format!("{} [{}]", step.rule, step.clause.reference());
            let description = vec![
                headline.as_str(),
                step.what,
                rule.as_str(),
                plan.who_decides(),
                "Calendrier indicatif d'une résiliation, à rebours de la date limite prudente de l'article 8 : à ne suivre que si la commune veut quitter la convention.",
            ];
            ics.event(
                &dtstamp,
                &Event {
                    uid: format!(
                        "{commune}-resiliation-{}-{i}-{}@laclasse-sim",
                        iso(plan.anniversary),
                        iso(step.date)
                    ),
                    date: step.date,
                    summary: format!(
                        "laclasse.com : résiliation au {} — {}",
                        fr(plan.anniversary),
                        step.what
                    ),
                    description,
                    alarm: if step.date > stamp { reminder_days } else { 0 },
                    alarm_text: step.what.to_string(),
                },
            );
        }
    }
}

/// `20250816` (RFC 5545 DATE, section 3.3.4).
fn basic_date(date: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", date.year(), date.month(), date.day())
}

/// Content lines (RFC 5545 section 3.1), each folded and ended with CRLF.
struct Writer {
    /// The file so far.
    out: String,
    /// The content line being written, before folding (reused from line to line).
    line: String,
}

impl Writer {
    fn with_capacity(capacity: usize) -> Writer {
        Writer {
            out: String::with_capacity(capacity),
            line: String::new(),
        }
    }

    /// A property whose name, parameters and value are written as they are: only for what
    /// this module makes (names, dates, durations, keywords), never for a text from outside.
    fn raw(&mut self, name: &str, value: &str) {
        self.line.clear();
        self.line.push_str(name);
        self.line.push(':');
        self.line.push_str(value);
        fold_into(&mut self.out, &self.line);
    }

    /// A property whose value is TEXT (section 3.3.11): escaped.
    fn text(&mut self, name: &str, value: &str) {
        self.text_lines(name, &[value]);
    }

    /// A TEXT property of several lines, each escaped on its own, then joined with `\n`.
    fn text_lines(&mut self, name: &str, lines: &[&str]) {
        self.line.clear();
        self.line.push_str(name);
        self.line.push(':');
        for (i, value) in lines.iter().enumerate() {
            if i > 0 {
                self.line.push_str("\\n");
            }
            escape_text_into(&mut self.line, value);
        }
        fold_into(&mut self.out, &self.line);
    }
}

/// The longest line, in octets, CRLF excluded (RFC 5545 section 3.1).
pub const MAX_LINE_OCTETS: usize = 75;

/// Appends `line` to `out`, folded so that no line is longer than [`MAX_LINE_OCTETS`] octets:
/// CRLF and a space (which counts in the next line) between two characters, never inside
/// one; then CRLF. One pass over `line`.
fn fold_into(out: &mut String, line: &str) {
    let mut start = 0; // where the current physical line starts in `line`
    let mut limit = MAX_LINE_OCTETS; // octets of `line` it may hold (one less after a fold)
    while line.len() - start > limit {
        // Back to the start of the character that would cross the limit (at most 3 octets).
        let mut end = start + limit;
        while !line.is_char_boundary(end) {
            end -= 1;
        }
        out.push_str(&line[start..end]);
        out.push_str("\r\n ");
        start = end;
        limit = MAX_LINE_OCTETS - 1;
    }
    out.push_str(&line[start..]);
    out.push_str("\r\n");
}

/// Appends `value` escaped as an RFC 5545 TEXT (section 3.3.11): `\` `;` `,` escaped with a
/// backslash; each line break (CRLF, LF, a lone CR, NEL, LS, PS) written `\n`; the other
/// control characters (C0 but the tab, DEL, C1), which TEXT cannot hold, dropped.
fn escape_text_into(out: &mut String, value: &str) {
    let mut copied = 0; // `value[copied..i]` is still to be copied as it is
    let mut chars = value.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let replacement = match c {
            '\\' => "\\\\",
            ';' => "\\;",
            ',' => "\\,",
            '\r' => {
                // CRLF is one line break.
                chars.next_if(|&(_, c)| c == '\n');
                "\\n"
            }
            '\n' | '\u{85}' | '\u{2028}' | '\u{2029}' => "\\n",
            '\t' => continue,
            // Other controls, bidirectional controls, noncharacters: dropped.
            c if engine::text::forbidden_char(c).is_some() => "",
            _ => continue,
        };
        out.push_str(&value[copied..i]);
        out.push_str(replacement);
        copied = chars.peek().map_or(value.len(), |&(next, _)| next);
    }
    out.push_str(&value[copied..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped(value: &str) -> String {
        let mut out = String::new();
        escape_text_into(&mut out, value);
        out
    }

    fn folded(line: &str) -> String {
        let mut out = String::new();
        fold_into(&mut out, line);
        out
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escaped(r"a\b;c,d:e"), r"a\\b\;c\,d:e");
        assert_eq!(escaped("1\r\n2\n3\r4\r\r\n5"), r"1\n2\n3\n4\n\n5");
        assert_eq!(escaped("x\u{85}y\u{2028}z\u{2029}"), r"x\ny\nz\n");
        assert_eq!(escaped("tab\there\0\u{1b}[0m\u{7f}\u{9b}"), "tab\there[0m");
        assert_eq!(escaped("Écully — « ça »"), "Écully — « ça »");
    }

    #[test]
    fn short_lines_are_not_folded() {
        assert_eq!(folded(""), "\r\n");
        let line = "X".repeat(75);
        assert_eq!(folded(&line), format!("{line}\r\n"));
    }

    #[test]
    fn long_lines_fold_at_75_octets() {
        let line = "a".repeat(75 + 74 + 1);
        assert_eq!(
            folded(&line),
            format!("{}\r\n {}\r\n {}\r\n", "a".repeat(75), "a".repeat(74), "a")
        );
    }

    #[test]
    fn folding_never_splits_a_character() {
        // 74 octets, then a 2-octet and a 4-octet character: the first line stops at 74.
        let line = format!("{}é🦀", "a".repeat(74));
        assert_eq!(folded(&line), format!("{}\r\n é🦀\r\n", "a".repeat(74)));
        for c in ['é', '€', '🦀'] {
            let line: String = std::iter::repeat_n(c, 1000).collect();
            let out = folded(&line);
            for l in out.split_terminator("\r\n") {
                assert!(l.len() <= MAX_LINE_OCTETS, "{} octets", l.len());
            }
            assert_eq!(out.replace("\r\n ", "").trim_end(), line);
        }
    }
}
