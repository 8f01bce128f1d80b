//! The documents, read back: the Annex 1 list as .xlsx and .ods (calamine), the calendar as
//! .ics (icalendar's parser: every event, the framing, escaping, folding, past events), the
//! deliberation draft.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Cursor;

use calamine::{Data, DataType, Ods, Reader, Xlsx};
use chrono::NaiveDate;
use proptest::prelude::*;

use laclasse_sim::engine::simulate;
use laclasse_sim::io::exports::{annex1, deliberation, ics, sheet};
use laclasse_sim::io::{parse_str, samples};

fn tassin_with_a_formula_name() -> laclasse_sim::engine::Scenario {
    let mut s = parse_str(samples::TASSIN_JSON).unwrap();
    std::rc::Rc::make_mut(&mut s.schools)[0].name = "=HYPERLINK(\"http://x\";\"clic\")".into();
    std::rc::Rc::make_mut(&mut s.schools)[1].group = Some("+33 groupe".into());
    s
}

fn check_annex_sheet(range: &calamine::Range<Data>, date_is: impl Fn(&Data) -> bool) {
    let cell = |r: u32, c: u32| range.get_value((r, c)).cloned().unwrap_or(Data::Empty);
    assert!(matches!(cell(0, 0), Data::String(ref t) if t.contains("Tassin-la-Demi-Lune")));
    let header: Vec<String> = (0..11).map(|c| cell(2, c).to_string()).collect();
    assert_eq!(header, annex1::school_header());
    // The schema's labels: the school's name, its request, its administrator's e-mail.
    assert_eq!(header[0], "Nom de l'école");
    assert_eq!(header[4], "Demande reçue le");
    assert_eq!(header[8], "E-mail");
    assert_eq!(header[10], "Rôle");
    // The formula-looking name is a plain text cell.
    assert_eq!(
        cell(3, 0),
        Data::String("=HYPERLINK(\"http://x\";\"clic\")".into())
    );
    assert_eq!(cell(3, 2), Data::String("élémentaire".into()));
    assert_eq!(cell(4, 3), Data::String("+33 groupe".into()));
    assert!(date_is(&cell(3, 4)), "{:?}", cell(3, 4));
    assert_eq!(cell(3, 5), Data::String("Nom26".into()));
    assert_eq!(cell(3, 8), Data::String("dir26@ecole.example.fr".into()));
    assert_eq!(cell(3, 9), Data::String("04 78 00 00 26".into()));
    assert_eq!(
        cell(6, 0),
        Data::String("École élémentaire des Cerisiers".into())
    );
    // Then a blank row, then the two contacts.
    assert_eq!(cell(8, 5), Data::String("Ref".into()));
    assert_eq!(
        cell(8, 10),
        Data::String("Référent technique de la commune".into())
    );
    assert_eq!(cell(9, 8), Data::String("scol@mairie.example.fr".into()));
}

fn check_fee_sheet(range: &calamine::Range<Data>) {
    let cell = |r: u32, c: u32| range.get_value((r, c)).cloned().unwrap_or(Data::Empty);
    let fees: Vec<f64> = (3..8).map(|r| cell(r, 5).as_f64().unwrap()).collect();
    assert_eq!(fees, [600.0, 600.0, 450.0, 450.0, 450.0]);
    assert_eq!(cell(3, 3).as_f64(), Some(4.0));
    assert_eq!(cell(3, 4).as_f64(), Some(150.0));
}

#[test]
fn annex1_xlsx_reads_back_cell_by_cell() {
    let s = tassin_with_a_formula_name();
    let sim = simulate(&s);
    let bytes = sheet::to_xlsx(&annex1::annex1_sheets(&s, &sim)).unwrap();
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
    let annex = book.worksheet_range("Annexe 1").unwrap();
    check_annex_sheet(&annex, |d| {
        // A real date cell: Excel's serial number of 10/11/2023 (days since 30/12/1899).
        let serial = (NaiveDate::from_ymd_opt(2023, 11, 10).unwrap()
            - NaiveDate::from_ymd_opt(1899, 12, 30).unwrap())
        .num_days();
        matches!(d, Data::DateTime(x) if x.is_datetime() && x.as_f64() == serial as f64)
    });
    // No formula anywhere.
    let formulas = book.worksheet_formula("Annexe 1").unwrap();
    assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()));
    check_fee_sheet(&book.worksheet_range("Redevances").unwrap());
}

#[test]
fn annex1_ods_reads_back_cell_by_cell() {
    let s = tassin_with_a_formula_name();
    let sim = simulate(&s);
    let bytes = sheet::to_ods(&annex1::annex1_sheets(&s, &sim)).unwrap();
    let mut book: Ods<_> = Ods::new(Cursor::new(bytes)).unwrap();
    let annex = book.worksheet_range("Annexe 1").unwrap();
    check_annex_sheet(
        &annex,
        |d| matches!(d, Data::DateTimeIso(t) if t.starts_with("2023-11-10")),
    );
    check_fee_sheet(&book.worksheet_range("Redevances").unwrap());
}

#[test]
fn ineligible_schools_are_not_on_the_list() {
    let mut s = parse_str(samples::TASSIN_JSON).unwrap();
    std::rc::Rc::make_mut(&mut s.schools)[1].sector = laclasse_sim::engine::Sector::Prive;
    let sheets = annex1::annex1_sheets(&s, &simulate(&s));
    let names: Vec<_> = sheets[0]
        .rows
        .iter()
        .filter_map(|r| match &r[0] {
            sheet::Cell::Text(t) => Some(t.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(
        names,
        [
            "École élémentaire du Bourg",
            "École primaire du Prieuré",
            "École élémentaire des Cerisiers"
        ]
    );
}

// ---- The calendar ----

/// A component of the calendar as icalendar's parser read it, owned.
#[derive(Debug)]
struct Read {
    name: String,
    properties: Vec<Prop>,
    components: Vec<Read>,
}

/// A property: its name, its parameters (name, value), its value, unescaped by the parser if
/// it is TEXT (but NAME, which the parser does not know: see `unescape`).
#[derive(Debug)]
struct Prop {
    name: String,
    params: Vec<(String, String)>,
    value: String,
}

impl Read {
    fn of(c: &icalendar::parser::Component) -> Read {
        Read {
            name: c.name.to_string(),
            properties: c
                .properties
                .iter()
                .map(|p| {
                    let params = p
                        .params
                        .iter()
                        .map(|q| {
                            let val = q.val.as_ref().map(|v| v.to_string()).unwrap_or_default();
                            (q.key.to_string(), val)
                        })
                        .collect();
                    Prop {
                        name: p.name.to_string(),
                        params,
                        value: p.val.to_string(),
                    }
                })
                .collect(),
            components: c.components.iter().map(Read::of).collect(),
        }
    }

    /// The value of the only property `name` (panics if there are none or several).
    fn one(&self, name: &str) -> &str {
        let all = self.all(name);
        assert_eq!(all.len(), 1, "{} has {} {name}", self.name, all.len());
        all[0]
    }

    fn all(&self, name: &str) -> Vec<&str> {
        self.properties
            .iter()
            .filter(|p| p.name == name)
            .map(|p| p.value.as_str())
            .collect()
    }

    fn params(&self, name: &str) -> &[(String, String)] {
        &self
            .properties
            .iter()
            .find(|p| p.name == name)
            .unwrap()
            .params
    }

    fn children(&self, name: &str) -> Vec<&Read> {
        self.components.iter().filter(|c| c.name == name).collect()
    }

    /// The events of the deadlines, without the termination plan's reminders (D7).
    fn deadline_events(&self) -> Vec<&Read> {
        self.children("VEVENT")
            .into_iter()
            .filter(|e| !is_plan(e))
            .collect()
    }
}

/// Whether `event` is a step of the termination plan (D7), not a deadline.
fn is_plan(event: &Read) -> bool {
    event.one("UID").contains("-resiliation-")
}

/// Checks the framing every calendar must have (every line ends with CRLF, none is longer than
/// 75 octets, one VCALENDAR from the first line to the last), then reads it back.
fn read_ics(text: &str) -> Read {
    assert!(text.ends_with("\r\n"), "the last line ends with CRLF");
    assert_eq!(
        text.matches('\r').count(),
        text.matches("\r\n").count(),
        "every CR starts a CRLF"
    );
    assert_eq!(
        text.matches('\n').count(),
        text.matches("\r\n").count(),
        "every LF ends a CRLF"
    );
    for line in text.split_terminator("\r\n") {
        assert!(
            line.len() <= ics::MAX_LINE_OCTETS,
            "{} octets: {line:?}",
            line.len()
        );
    }
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(text.ends_with("\r\nEND:VCALENDAR\r\n"));
    assert_eq!(text.matches("BEGIN:VCALENDAR").count(), 1);
    let unfolded = icalendar::parser::unfold(text);
    let parsed = icalendar::parser::read_calendar(&unfolded).unwrap();
    let calendar = Read {
        name: "VCALENDAR".into(),
        properties: Read::of(&icalendar::parser::Component {
            name: "VCALENDAR".into(),
            properties: parsed.properties.clone(),
            components: vec![],
        })
        .properties,
        components: parsed.components.iter().map(Read::of).collect(),
    };
    // Nothing but events at the top, nothing but reminders in them.
    assert!(calendar.components.iter().all(|c| c.name == "VEVENT"));
    for e in &calendar.components {
        assert!(e.components.iter().all(|c| c.name == "VALARM"));
        assert!(e.components.iter().all(|c| c.components.is_empty()));
    }
    calendar
}

/// Reverses RFC 5545 TEXT escaping (for NAME, which the parser leaves escaped).
fn unescape(value: &str) -> String {
    let mut out = String::new();
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') | Some('N') => out.push('\n'),
            Some(c @ ('\\' | ';' | ',')) => out.push(c),
            other => panic!("bad escape \\{other:?} in {value:?}"),
        }
    }
    out
}

/// What a text reads back as: TEXT has one line break (`\n`), and no other control character
/// than the tab.
fn as_text(value: &str) -> String {
    let mut out = String::new();
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push('\n');
            }
            '\n' | '\u{85}' | '\u{2028}' | '\u{2029}' => out.push('\n'),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            // Bidirectional controls and noncharacters are dropped too.
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{fdd0}'..='\u{fdef}' => {}
            c if (c as u32) & 0xfffe == 0xfffe => {}
            c => out.push(c),
        }
    }
    out
}

fn yyyymmdd(d: NaiveDate) -> String {
    d.format("%Y%m%d").to_string()
}

/// The day before every deadline of Tassin: every event is to come.
fn before_tassin() -> NaiveDate {
    NaiveDate::from_ymd_opt(2023, 11, 20).unwrap()
}

#[test]
fn calendar_parses_back_with_stable_uids_and_reminders() {
    let s = parse_str(samples::TASSIN_JSON).unwrap();
    let sim = simulate(&s);
    let stamp = before_tassin();
    assert!(sim.deadlines.iter().all(|d| d.date > stamp));
    let text = ics::to_ics(&s, &sim, 7, stamp, ics::PastEvents::Mark);
    let calendar = read_ics(&text);
    let events = calendar.deadline_events();
    assert_eq!(events.len(), sim.deadlines.len());
    let uids: std::collections::HashSet<_> = events.iter().map(|e| e.one("UID")).collect();
    assert_eq!(uids.len(), events.len(), "unique UIDs");
    // The notice of 15/08/2025 (R2's cautious deadline): all-day, French summary, clause in
    // the description, reminder.
    let notice = events
        .iter()
        .find(|e| e.one("DTSTART") == "20250815" && e.one("SUMMARY").contains("Préavis"))
        .expect("the notice of 15/08/2025");
    assert!(notice.one("DESCRIPTION").contains("Art. 8"));
    assert!(
        notice
            .one("DESCRIPTION")
            .contains("un jour férié (Assomption)")
    );
    assert!(notice.one("DESCRIPTION").contains("jeudi 14/08/2025"));
    assert_eq!(notice.one("DTEND"), "20250816");
    assert_eq!(notice.params("DTEND"), [("VALUE".into(), "DATE".into())]);
    let alarms = notice.children("VALARM");
    assert_eq!(alarms.len(), 1);
    assert_eq!(alarms[0].one("TRIGGER"), "-P7D");
    assert_eq!(alarms[0].one("ACTION"), "DISPLAY");
    let alarm = &text[text.find("BEGIN:VALARM").unwrap()..];
    assert!(
        alarm[..alarm.find("END:VALARM").unwrap()].contains("\r\nTRIGGER:-P7D\r\n"),
        "{alarm}"
    );
    // Deterministic: the same scenario and day give the same file, byte for byte.
    assert_eq!(
        text,
        ics::to_ics(&s, &simulate(&s), 7, stamp, ics::PastEvents::Mark)
    );
    // The same scenario gives the same UIDs (an import updates, never duplicates).
    let again = read_ics(&ics::to_ics(
        &s,
        &simulate(&s),
        3,
        stamp,
        ics::PastEvents::Mark,
    ));
    let again_uids: std::collections::HashSet<_> = again
        .children("VEVENT")
        .iter()
        .map(|e| e.one("UID").to_string())
        .collect();
    for uid in &uids {
        assert!(again_uids.contains(*uid));
    }
    assert!(
        again
            .children("VEVENT")
            .iter()
            .all(|e| e.children("VALARM")[0].one("TRIGGER") == "-P3D")
    );
    let one_day = read_ics(&ics::to_ics(&s, &sim, 1, stamp, ics::PastEvents::Mark));
    let alarm = &one_day.children("VEVENT")[0].children("VALARM")[0];
    assert_eq!(alarm.one("TRIGGER"), "-P1D");
    assert!(alarm.one("DESCRIPTION").starts_with("Dans 1 jour : "));
    // No reminder when 0 days are asked for.
    assert!(!ics::to_ics(&s, &sim, 0, stamp, ics::PastEvents::Mark).contains("VALARM"));
}

#[test]
fn calendar_is_rfc5545_event_by_event() {
    let s = parse_str(samples::TASSIN_JSON).unwrap();
    let sim = simulate(&s);
    let stamp = before_tassin();
    let text = ics::to_ics(&s, &sim, 7, stamp, ics::PastEvents::Mark);
    let prodid = format!(
        "-//laclasse-sim//laclasse-sim {}//FR",
        env!("CARGO_PKG_VERSION")
    );
    assert!(text.starts_with(&format!(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:{prodid}\r\nCALSCALE:GREGORIAN\r\n\
         METHOD:PUBLISH\r\nNAME:laclasse.com — Tassin-la-Demi-Lune\r\n\
         X-WR-CALNAME:laclasse.com — Tassin-la-Demi-Lune\r\nBEGIN:VEVENT\r\n"
    )));
    let calendar = read_ics(&text);
    assert_eq!(calendar.one("VERSION"), "2.0");
    assert_eq!(calendar.one("PRODID"), prodid);
    assert!(calendar.one("PRODID").contains("laclasse-sim"));
    assert_eq!(calendar.one("CALSCALE"), "GREGORIAN");
    assert_eq!(calendar.one("METHOD"), "PUBLISH");
    assert_eq!(
        unescape(calendar.one("NAME")),
        "laclasse.com — Tassin-la-Demi-Lune"
    );
    assert_eq!(
        calendar.one("X-WR-CALNAME"),
        "laclasse.com — Tassin-la-Demi-Lune"
    );
    let events = calendar.deadline_events();
    assert_eq!(events.len(), sim.deadlines.len());
    // In the order of the deadlines, each with everything it needs.
    for (e, d) in events.iter().zip(&sim.deadlines) {
        let uid = ics::deadline_uid(&s, d);
        assert_eq!(e.one("UID"), uid);
        assert_eq!(e.one("DTSTAMP"), "20231120T000000Z");
        assert_eq!(e.one("DTSTART"), yyyymmdd(d.date));
        assert_eq!(e.params("DTSTART"), [("VALUE".into(), "DATE".into())]);
        // DTEND is exclusive: an all-day event ends the next day.
        assert_eq!(e.one("DTEND"), yyyymmdd(d.date.succ_opt().unwrap()));
        assert_eq!(e.params("DTEND"), [("VALUE".into(), "DATE".into())]);
        assert_eq!(
            e.one("SUMMARY"),
            format!("laclasse.com : {}", d.kind.label())
        );
        let description = e.one("DESCRIPTION");
        assert!(
            description.starts_with(&format!(
                "{}\n{} : {}",
                d.label,
                d.clause.reference(),
                d.clause.quote()
            )),
            "{description}"
        );
        assert_eq!(
            description.contains("Attention : "),
            d.non_working.is_some()
        );
        // Only the commune's own deadlines say when to act in practice (R9).
        assert_eq!(
            description.contains("en pratique, au plus tard le"),
            d.non_working.is_some() && d.kind.commune_acts()
        );
        assert_eq!(e.one("TRANSP"), "TRANSPARENT");
        let alarms = e.children("VALARM");
        assert_eq!(alarms.len(), 1, "{uid}");
        assert_eq!(alarms[0].one("UID"), format!("rappel-{uid}"));
        assert_eq!(alarms[0].one("ACTION"), "DISPLAY");
        assert_eq!(alarms[0].one("TRIGGER"), "-P7D");
        assert_eq!(
            alarms[0].one("DESCRIPTION"),
            format!("Dans 7 jours : {}", d.kind.label())
        );
    }
}

#[test]
fn calendar_marks_or_leaves_out_past_events() {
    let s = parse_str(samples::TASSIN_JSON).unwrap();
    let sim = simulate(&s);
    // The day of a deadline in the middle: some before, this one that day, some after.
    let stamp = sim.deadlines[sim.deadlines.len() / 2].date;
    let before = sim.deadlines.iter().filter(|d| d.date < stamp).count();
    let after = sim.deadlines.iter().filter(|d| d.date > stamp).count();
    assert!(before > 0 && after > 0);
    let by_uid: std::collections::HashMap<_, _> = sim
        .deadlines
        .iter()
        .map(|d| (ics::deadline_uid(&s, d), d))
        .collect();

    let marked = read_ics(&ics::to_ics(&s, &sim, 7, stamp, ics::PastEvents::Mark));
    let events = marked.deadline_events();
    assert_eq!(events.len(), sim.deadlines.len());
    for e in &events {
        let d = by_uid[e.one("UID")];
        let summary = format!("laclasse.com : {}", d.kind.label());
        if d.date < stamp {
            assert_eq!(e.one("SUMMARY"), format!("{summary} (passée)"));
            assert!(e.one("SUMMARY").ends_with(ics::PAST_MARK));
            assert!(e.children("VALARM").is_empty(), "no reminder for the past");
        } else {
            assert_eq!(e.one("SUMMARY"), summary);
            // A reminder for what is to come; none for what happens on the day itself.
            assert_eq!(e.children("VALARM").len(), usize::from(d.date > stamp));
        }
        assert_eq!(e.one("DTSTAMP"), format!("{}T000000Z", yyyymmdd(stamp)));
    }

    let left_out = read_ics(&ics::to_ics(&s, &sim, 7, stamp, ics::PastEvents::LeaveOut));
    let events = left_out.deadline_events();
    assert_eq!(events.len(), sim.deadlines.len() - before);
    let kept: Vec<_> = sim.deadlines.iter().filter(|d| d.date >= stamp).collect();
    for (e, d) in events.iter().zip(kept) {
        assert_eq!(e.one("UID"), ics::deadline_uid(&s, d));
        assert!(!e.one("SUMMARY").contains("passée"));
        assert_eq!(e.children("VALARM").len(), usize::from(d.date > stamp));
    }

    // After every deadline: all marked, or an empty calendar that still parses.
    let later = NaiveDate::from_ymd_opt(2030, 1, 1).unwrap();
    let all_past = ics::to_ics(&s, &sim, 7, later, ics::PastEvents::Mark);
    // The plan's reminders are only for what is still to come.
    assert_eq!(all_past.matches(" (passée)").count(), sim.deadlines.len());
    assert!(!all_past.contains("-resiliation-"));
    assert!(!all_past.contains("VALARM"));
    let empty = read_ics(&ics::to_ics(&s, &sim, 7, later, ics::PastEvents::LeaveOut));
    assert!(empty.components.is_empty());
    assert_eq!(
        unescape(empty.one("NAME")),
        "laclasse.com — Tassin-la-Demi-Lune"
    );
}

#[test]
fn the_calendar_reminds_each_step_of_the_termination_plan_still_to_come() {
    let s = parse_str(include_str!("../data/examples/tassin-seance.json")).unwrap();
    let sim = simulate(&s);
    let stamp = NaiveDate::from_ymd_opt(2025, 6, 1).unwrap();
    let calendar = read_ics(&ics::to_ics(&s, &sim, 7, stamp, ics::PastEvents::LeaveOut));
    let all = calendar.children("VEVENT");
    let uids: std::collections::HashSet<_> = all.iter().map(|e| e.one("UID")).collect();
    assert_eq!(
        uids.len(),
        all.len(),
        "unique UIDs, deadlines and plan alike"
    );
    let mut plan: Vec<(String, String)> = all
        .iter()
        .filter(|e| is_plan(e) && e.one("SUMMARY").contains("16/11/2025"))
        .map(|e| (e.one("DTSTART").to_string(), unescape(e.one("SUMMARY"))))
        .collect();
    plan.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(
        plan,
        [
            ("20250730".to_string(), "laclasse.com : résiliation au 16/11/2025 — Envoi conseillé de la lettre recommandée".to_string()),
            ("20250801".into(), "laclasse.com : résiliation au 16/11/2025 — Convoquer le conseil municipal".into()),
            ("20250808".into(), "laclasse.com : résiliation au 16/11/2025 — Réunir le conseil et délibérer la résiliation".into()),
            ("20250811".into(), "laclasse.com : résiliation au 16/11/2025 — Délibération exécutoire (transmise et publiée)".into()),
            ("20250811".into(), "laclasse.com : résiliation au 16/11/2025 — Envoyer la lettre recommandée avec accusé de réception".into()),
        ]
    );
    let convocation = all
        .iter()
        .find(|e| is_plan(e) && e.one("DTSTART") == "20250801")
        .unwrap();
    assert!(unescape(convocation.one("DESCRIPTION")).contains("5 jours francs avant la séance"));
    assert_eq!(convocation.children("VALARM")[0].one("TRIGGER"), "-P7D");
    // The list of deliberations of the 2023 meeting is a deadline of its own kind.
    assert!(
        sim.deadlines
            .iter()
            .any(|d| d.kind.code() == "list_of_deliberations"
                && d.date == NaiveDate::from_ymd_opt(2023, 11, 16).unwrap())
    );
}

/// A name that tries to end its line and start an event of its own.
const FORGERY: &str =
    "Tassin\r\nBEGIN:VEVENT\r\nSUMMARY:faux\r\nEND:VEVENT\rsuite ; a, b \\ c\nfin";
const FORGERY_READ: &str = "Tassin\nBEGIN:VEVENT\nSUMMARY:faux\nEND:VEVENT\nsuite ; a, b \\ c\nfin";

#[test]
fn a_commune_name_cannot_forge_an_event() {
    let mut s = parse_str(samples::TASSIN_JSON).unwrap();
    s.commune.name = FORGERY.into();
    // A school's name reaches the events' descriptions too.
    std::rc::Rc::make_mut(&mut s.schools)[0].name = format!("École {FORGERY}\u{0}\u{1b}");
    let sim = simulate(&s);
    let text = ics::to_ics(&s, &sim, 7, before_tassin(), ics::PastEvents::Mark);
    // The forged lines are never lines of their own.
    assert!(!text.contains("\r\nSUMMARY:faux"));
    assert!(!text.contains('\u{0}') && !text.contains('\u{1b}'));
    assert_eq!(
        text.matches("\r\nBEGIN:VEVENT\r\n").count(),
        sim.deadlines.len()
            + read_ics(&text)
                .children("VEVENT")
                .iter()
                .filter(|e| is_plan(e))
                .count()
    );
    let calendar = read_ics(&text);
    let events = calendar.deadline_events();
    assert_eq!(events.len(), sim.deadlines.len());
    assert!(events.iter().all(|e| e.one("SUMMARY") != "faux"));
    assert_eq!(as_text(FORGERY), FORGERY_READ);
    // Under Tassin's code, the name is marked to confirm (documents_mark_a_commune_to_confirm).
    let title = format!(
        "laclasse.com — {FORGERY_READ} [commune à confirmer : le code INSEE 69244 est celui de Tassin-la-Demi-Lune]"
    );
    assert_eq!(unescape(calendar.one("NAME")), title);
    assert_eq!(calendar.one("X-WR-CALNAME"), title);
    let opening = events
        .iter()
        .find(|e| e.one("DESCRIPTION").contains(FORGERY_READ))
        .expect("the school's opening");
    assert!(
        opening
            .one("DESCRIPTION")
            .contains(&format!("École {FORGERY_READ}\n")),
        "{}",
        opening.one("DESCRIPTION")
    );
}

#[test]
fn a_100_000_character_name_is_folded_in_linear_size() {
    let mut s = parse_str(samples::TASSIN_JSON).unwrap();
    let sim = simulate(&s);
    let short = ics::to_ics(&s, &sim, 7, before_tassin(), ics::PastEvents::Mark);
    // Multi-octet characters and characters to escape, so folds fall everywhere.
    let pattern: Vec<char> = "Sainte-Foy-lès-Lyon ; « ω 🦀 », \\ ".chars().collect();
    s.commune.name = pattern.iter().cycle().take(100_000).collect();
    let text = ics::to_ics(&s, &sim, 7, before_tassin(), ics::PastEvents::Mark);
    let calendar = read_ics(&text);
    assert_eq!(calendar.deadline_events().len(), sim.deadlines.len());
    assert_eq!(
        unescape(calendar.one("NAME")),
        format!("laclasse.com — {}", s.commune.name)
    );
    // The name is written twice, and its folded form in each UID (events and reminders):
    // escaped and folded, each copy at most twice as long. Linear in the name.
    let copies = 2 + 2 * calendar.children("VEVENT").len();
    assert!(
        text.len() <= short.len() + copies * 2 * s.commune.name.len(),
        "{} octets for a name of {}",
        text.len(),
        s.commune.name.len()
    );
    // And as many lines as that needs, no more: about one a 74 octets.
    let lines = text.matches("\r\n").count();
    assert!(lines <= short.lines().count() + text.len() / 70, "{lines}");
}

/// A text with the characters iCalendar cares about, and any others.
fn awkward_text() -> impl Strategy<Value = String> {
    let special = prop::sample::select(vec![
        '\r', '\n', '\\', ';', ',', ':', '"', '\t', ' ', '\u{0}', '\u{7f}', '\u{85}', '\u{2028}',
        'é', '€', '🦀',
    ]);
    prop::collection::vec(prop_oneof![special, any::<char>()], 0..200)
        .prop_map(|chars| chars.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_name_and_label_give_a_valid_calendar(
        name in awkward_text(),
        labels in prop::collection::vec(awkward_text(), 1..8),
        stamp_offset in 0u64..1_600,
        leave_out in any::<bool>(),
        reminder in 0u32..400,
    ) {
        let mut s = parse_str(samples::TASSIN_JSON).unwrap();
        s.commune.name = name.clone();
        s.commune.insee = None;
        let mut sim = simulate(&s);
        for (d, label) in sim.deadlines.iter_mut().zip(labels.iter().cycle()) {
            d.label = label.clone();
        }
        let stamp = NaiveDate::from_ymd_opt(2023, 10, 1).unwrap() + chrono::Days::new(stamp_offset);
        let past = if leave_out { ics::PastEvents::LeaveOut } else { ics::PastEvents::Mark };
        let text = ics::to_ics(&s, &sim, reminder, stamp, past);
        let calendar = read_ics(&text);
        let kept: Vec<_> = sim
            .deadlines
            .iter()
            .filter(|d| !leave_out || d.date >= stamp)
            .collect();
        let events = calendar.deadline_events();
        prop_assert_eq!(events.len(), kept.len());
        prop_assert_eq!(unescape(calendar.one("NAME")), format!("laclasse.com — {}", as_text(&name)));
        for (e, d) in events.iter().zip(kept) {
            prop_assert_eq!(e.one("UID"), ics::deadline_uid(&s, d));
            prop_assert_eq!(e.one("DTEND"), yyyymmdd(d.date.succ_opt().unwrap()));
            let first_line = format!("{}\n", as_text(&d.label));
            prop_assert!(e.one("DESCRIPTION").starts_with(&first_line));
            let alarms = usize::from(reminder > 0 && d.date > stamp);
            prop_assert_eq!(e.children("VALARM").len(), alarms);
        }
    }
}

#[test]
fn deliberation_draft_has_the_commune_the_schools_and_the_credit() {
    let s = parse_str(samples::TASSIN_JSON).unwrap();
    let html = deliberation::to_html(&s, &simulate(&s));
    assert!(html.contains("<h1>Délibération du conseil municipal de Tassin-la-Demi-Lune</h1>"));
    // Without a meeting date, the list at the meeting is the one sent at the signature: the
    // three schools asked for by the notification, not the March 2024 addition.
    assert!(html.contains("soit 450,00 € par an pour 3 écoles de la liste prévisionnelle"));
    assert!(html.contains("<td>École élémentaire du Bourg</td>"));
    assert!(!html.contains("École primaire du Prieuré"));
    assert!(html.contains("Tribunal administratif de Lyon"));
    // Published on 16/11/2023: the « Certifié exécutoire » line says so.
    assert!(
        html.contains("mise en ligne sur le site Internet de la commune de Tassin-la-Demi-Lune ; sous 3 500 habitants, selon le mode choisi par le conseil) le : 16/11/2023")
    );
    // A name is text, never markup.
    let mut odd = s.clone();
    odd.commune.name = "A<b>&\"B".into();
    let html = deliberation::to_html(&odd, &simulate(&odd));
    assert!(html.contains("A&lt;b&gt;&amp;&quot;B") && !html.contains("A<b>"));
}

#[test]
fn documents_mark_a_commune_to_confirm() {
    // Craponne's name under Tassin's code: the figures are Tassin's (the code decides, by
    // hypothèse), so no document may name Craponne alone.
    let mut s = parse_str(samples::TASSIN_JSON).unwrap();
    s.commune.name = "Craponne".into();
    let sim = simulate(&s);
    let mark =
        "Craponne [commune à confirmer : le code INSEE 69244 est celui de Tassin-la-Demi-Lune]";
    let html = deliberation::to_html(&s, &sim);
    assert!(
        html.contains(&format!("conseil municipal de {mark}")),
        "{html}"
    );
    assert!(annex1::annex1_sheets(&s, &sim)[0].title.ends_with(mark));
    let text = ics::to_ics(&s, &sim, 7, before_tassin(), ics::PastEvents::Mark);
    assert!(unescape(read_ics(&text).one("NAME")).ends_with(mark));
    // When they agree, nothing is added.
    let s = parse_str(samples::TASSIN_JSON).unwrap();
    let html = deliberation::to_html(&s, &simulate(&s));
    assert!(!html.contains("à confirmer : le code INSEE"));
}

/// Every cell of every sheet, against the model the files were written from.
fn assert_every_cell(
    sheets: &[sheet::Sheet],
    range_of: &mut dyn FnMut(&str) -> calamine::Range<Data>,
    date_matches: &dyn Fn(&Data, NaiveDate) -> bool,
) {
    for sheet in sheets {
        let range = range_of(&sheet.name);
        let cell = |r: u32, c: u32| range.get_value((r, c)).cloned().unwrap_or(Data::Empty);
        assert_eq!(
            cell(0, 0),
            Data::String(sheet.title.clone()),
            "{} title",
            sheet.name
        );
        for (c, h) in sheet.header.iter().enumerate() {
            assert_eq!(cell(2, c as u32), Data::String(h.to_string()));
        }
        for (r, row) in sheet.rows.iter().enumerate() {
            for (c, want) in row.iter().enumerate() {
                let got = cell(r as u32 + 3, c as u32);
                let ok = match want {
                    sheet::Cell::Text(t) => got == Data::String(t.clone()),
                    sheet::Cell::Date(d) => date_matches(&got, *d),
                    sheet::Cell::Euros(m) => got.as_f64() == Some(m.cents() as f64 / 100.0),
                    sheet::Cell::Gap(c) => got.as_f64() == Some(*c as f64 / 100.0),
                    sheet::Cell::Count(n) => got.as_f64() == Some(*n as f64),
                    sheet::Cell::Empty => got == Data::Empty,
                };
                assert!(
                    ok,
                    "{} row {r} col {c}: wrote {want:?}, read {got:?}",
                    sheet.name
                );
            }
        }
    }
}

#[test]
fn every_cell_reads_back_in_both_formats() {
    let s = tassin_with_a_formula_name();
    let sim = simulate(&s);
    assert_reads_back_in_both_formats(&annex1::annex1_sheets(&s, &sim));
}

/// Writes `sheets` as .xlsx and .ods and reads every cell back from both; the .xlsx without a
/// formula anywhere.
fn assert_reads_back_in_both_formats(sheets: &[sheet::Sheet]) {
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30).unwrap();
    let mut xlsx: Xlsx<_> = Xlsx::new(Cursor::new(sheet::to_xlsx(sheets).unwrap())).unwrap();
    assert_every_cell(
        sheets,
        &mut |name| xlsx.worksheet_range(name).unwrap(),
        &|got, d| matches!(got, Data::DateTime(x) if x.as_f64() == (d - epoch).num_days() as f64),
    );
    for sheet in sheets {
        let formulas = xlsx.worksheet_formula(&sheet.name).unwrap();
        assert!(
            formulas.used_cells().all(|(_, _, f)| f.is_empty()),
            "{}",
            sheet.name
        );
    }
    let mut ods: Ods<_> = Ods::new(Cursor::new(sheet::to_ods(sheets).unwrap())).unwrap();
    assert_every_cell(
        sheets,
        &mut |name| ods.worksheet_range(name).unwrap(),
        &|got, d| matches!(got, Data::DateTimeIso(t) if t.starts_with(&d.format("%Y-%m-%d").to_string())),
    );
}

#[test]
fn the_comparison_reads_back_in_both_formats_with_its_gaps() {
    use laclasse_sim::engine::compare::{Compared, compare};
    use laclasse_sim::io::exports::compare::comparison_sheets;
    let a = tassin_with_a_formula_name();
    let mut b = a.clone();
    b.convention.termination_received = NaiveDate::from_ymd_opt(2027, 8, 13);
    let (sa, sb) = (simulate(&a), simulate(&b));
    let today = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    let c = compare(
        &[
            Compared {
                name: "=HYPERLINK(\"x\")",
                scenario: &a,
                sim: &sa,
            },
            Compared {
                name: "Variante : résilier en 2027",
                scenario: &b,
                sim: &sb,
            },
        ],
        today,
    );
    let sheets = comparison_sheets(&c, &[&sa, &sb]);
    let names: Vec<&str> = sheets.iter().map(|s| s.name.as_ref()).collect();
    assert_eq!(names, ["Simulation 1", "Simulation 2", "Écarts"]);
    let gaps = &sheets[2];
    assert_eq!(
        gaps.header,
        [
            "Ligne",
            "N° ou exercice",
            "=HYPERLINK(\"x\")",
            "Variante : résilier en 2027",
            "Écart « Variante : résilier en 2027 »",
            "D'où vient l'écart"
        ]
    );
    assert!(gaps.rows.iter().all(|r| r.len() == gaps.header.len()));
    // Year 5: 450,00 € against nothing, a gap of −450,00 €, and why.
    let year5 = gaps
        .rows
        .iter()
        .find(|r| {
            r[0] == sheet::Cell::Text("Année de convention".into()) && r[1] == sheet::Cell::Count(5)
        })
        .unwrap();
    assert_eq!(
        year5[2],
        sheet::Cell::Euros(laclasse_sim::engine::Money::from_cents(45_000))
    );
    assert_eq!(year5[3], sheet::Cell::Empty);
    assert_eq!(year5[4], sheet::Cell::Gap(-45_000));
    assert!(
        matches!(&year5[5], sheet::Cell::Text(t) if t.contains("la convention prend fin le 16/11/2027"))
    );
    // Every cell read back; a name that looks like a formula stays a text.
    assert_reads_back_in_both_formats(&sheets);
}

#[test]
fn the_territory_reads_back_in_both_formats_a_sheet_per_commune() {
    use laclasse_sim::engine::compare::Compared;
    use laclasse_sim::engine::territory::territory;
    use laclasse_sim::io::exports::territory::territory_sheets;
    let scenarios = samples::metropole(&[3, 2], 2);
    let read: Vec<_> = scenarios
        .into_iter()
        .map(|s| (format!("{}.json", s.commune.name), s))
        .collect();
    let sims: Vec<_> = read.iter().map(|(_, s)| simulate(s)).collect();
    let t = territory(
        &Compared::list(&read, &sims),
        NaiveDate::from_ymd_opt(2024, 1, 15).unwrap(),
    );
    let note = "Hypothèse : lu ainsi.".to_string();
    let sheets = territory_sheets(&t, &sims.iter().collect::<Vec<_>>(), &[note]);
    let last = sheets[0].rows.last().unwrap();
    assert_eq!(
        (&last[0], &last[1]),
        (
            &sheet::Cell::Text("Note".into()),
            &sheet::Cell::Text("Hypothèse : lu ainsi.".into())
        )
    );
    assert_eq!(sheets.len(), 59);
    assert_eq!(sheets[0].name, "Territoire");
    let mut tabs: Vec<String> = sheets.iter().map(|s| s.name.to_lowercase()).collect();
    tabs.sort();
    tabs.dedup();
    assert_eq!(tabs.len(), 59, "unique tab names");
    assert!(sheets.iter().all(|s| s.name.chars().count() <= 31));
    assert!(
        sheets
            .iter()
            .all(|s| s.rows.iter().all(|r| r.len() == s.header.len()))
    );
    assert_reads_back_in_both_formats(&sheets);
}

#[test]
fn the_territory_calendar_holds_every_commune_s_deadlines_named() {
    let scenarios = samples::metropole(&[2, 1], 2);
    let some = &scenarios[..3];
    let sims: Vec<_> = some.iter().map(simulate).collect();
    let communes: Vec<_> = some.iter().zip(&sims).collect();
    let stamp = NaiveDate::from_ymd_opt(2024, 1, 15).unwrap();
    let text = ics::territory_ics(&communes, 7, stamp, ics::PastEvents::Mark);
    let calendar = read_ics(&text);
    let events = calendar.children("VEVENT");
    assert_eq!(
        events.len(),
        sims.iter().map(|s| s.deadlines.len()).sum::<usize>()
    );
    let uids: std::collections::HashSet<_> = events.iter().map(|e| e.one("UID")).collect();
    assert_eq!(uids.len(), events.len(), "unique UIDs across communes");
    for s in some {
        let name = format!("laclasse.com — {} : ", s.commune.name);
        assert!(
            events.iter().any(|e| e.one("SUMMARY").starts_with(&name)),
            "{name}"
        );
    }
    assert_eq!(
        calendar.one("X-WR-CALNAME"),
        "laclasse.com — Métropole de Lyon (3 communes)"
    );
    // The same commune given twice still makes no two events alike.
    let twice = [communes[0], communes[0]];
    let text = ics::territory_ics(&twice, 7, stamp, ics::PastEvents::Mark);
    let calendar = read_ics(&text);
    let events = calendar.children("VEVENT");
    let uids: std::collections::HashSet<_> = events.iter().map(|e| e.one("UID")).collect();
    assert_eq!(uids.len(), events.len());
}
