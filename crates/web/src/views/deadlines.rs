//! The deadlines: the next notice's callout, the timeline, the dated list with the days left
//! and a warning where a date falls on a weekend or a public holiday.

use chrono::{Datelike, NaiveDate};

use engine::dates::{days_between, fr, fr_weekday};
use engine::{Clause, Deadline, DeadlineKind, Explanation};

use crate::live::Figures;
use crate::summary::remaining;

/// How many dates the list shows at a time.
pub const PAGE: usize = 60;

/// The deadlines section, as it shows on `today`.
#[derive(Clone, Debug, PartialEq)]
pub struct DeadlinesView {
    /// The next anniversary the commune may still leave at, and what to do for it.
    pub notice: Option<NoticeCallout>,
    /// « Calendrier (12 dates, aujourd'hui : 30/11/2026) ».
    pub caption: String,
    /// The dates listed, each by its place in the calendar, with whether it shows on paper
    /// only (a past date of the current year while past dates are hidden).
    pub listed: Vec<(usize, bool)>,
    /// The dates already past.
    pub past: usize,
    figures: Figures,
}

/// The callout of the next notice deadline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NoticeCallout {
    /// « Pour mettre fin à la convention le 16/11/2027, la lettre recommandée doit être reçue
    /// par la Métropole au plus tard le ».
    pub lead: String,
    /// « dimanche 15/08/2027 ».
    pub date: String,
    /// « (dans 12 jours). ».
    pub remaining: String,
    /// When the day is not worked: the working day before.
    pub practical: Option<String>,
    /// The clause (Art. 8).
    pub clause: Clause,
    /// When to send the letter.
    pub sending: String,
    /// The favourable reading, « hypothèse ».
    pub favourable: String,
}

/// One date of the list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeadlineRow {
    /// Its kind's code, for its class (`k-notice`).
    pub kind_code: &'static str,
    /// Before today.
    pub past: bool,
    /// More than twelve months after today: left out of the printed report unless the whole
    /// calendar is asked for.
    pub beyond_a_year: bool,
    /// « lundi 16/11/2026 ».
    pub date: String,
    /// « Préavis de résiliation ».
    pub kind: &'static str,
    /// What happens that day.
    pub label: String,
    /// A weekend or holiday, said; `true` with it when the commune acts that day (a warning),
    /// `false` when the date is the Métropole's (a note).
    pub warning: Option<(String, bool)>,
    /// « dans 12 jours ».
    pub remaining: String,
    /// Its clause.
    pub clause: Clause,
}

impl DeadlinesView {
    /// The deadlines of `figures` on `today`, past dates shown or not.
    pub fn of(figures: &Figures, today: NaiveDate, show_past: bool) -> DeadlinesView {
        let sim = figures.sim();
        let notice = sim.next_notice(today).map(|n| NoticeCallout {
            lead: format!(
                "Pour mettre fin à la convention le {}, la lettre recommandée doit être reçue par la Métropole au plus tard le ",
                fr(n.anniversary)
            ),
            date: format!("{} {}", fr_weekday(n.latest_reception), fr(n.latest_reception)),
            remaining: format!(" ({}). ", remaining(today, n.latest_reception)),
            practical: n.practical_warning(),
            clause: n.why().main_clause(),
            sending: n.sending_advice(),
            favourable: sim.favourable_reading_note(n),
        });
        // Past dates of the current year are printed even when hidden on screen.
        let listed = sim
            .deadlines
            .iter()
            .enumerate()
            .filter(|(_, d)| show_past || d.date >= today || d.date.year() == today.year())
            .map(|(i, d)| (i, !show_past && d.date < today))
            .collect();
        DeadlinesView {
            notice,
            caption: format!(
                "Calendrier ({} dates, aujourd'hui : {})",
                sim.deadlines.len(),
                fr(today)
            ),
            listed,
            past: sim.deadlines.iter().filter(|d| d.date < today).count(),
            figures: figures.clone(),
        }
    }

    /// How the next notice deadline is computed.
    pub fn notice_why(&self, today: NaiveDate) -> Option<Explanation> {
        self.figures.sim().next_notice(today).map(|n| n.why())
    }

    /// « Afficher 60 dates de plus (sur 120) », when `limit` dates are shown.
    pub fn more(&self, limit: usize) -> Option<String> {
        let hidden = self.listed.len().saturating_sub(limit);
        (hidden > 0).then(|| format!("Afficher {} dates de plus (sur {hidden})", PAGE.min(hidden)))
    }

    /// The button that shows or hides the past dates; `None` when there is none.
    pub fn toggle_past(&self, shown: bool) -> Option<String> {
        (self.past > 0).then(|| {
            if shown {
                format!("Masquer les {} dates passées", self.past)
            } else {
                format!("Afficher les {} dates passées", self.past)
            }
        })
    }
}

/// The `index`-th date of the calendar of `figures`, as its row shows on `today`.
pub fn deadline_row(figures: &Figures, index: usize, today: NaiveDate) -> Option<DeadlineRow> {
    let d = figures.sim().deadlines.get(index)?;
    Some(DeadlineRow {
        kind_code: d.kind.code(),
        past: d.date < today,
        beyond_a_year: d.date
            > today
                .checked_add_months(chrono::Months::new(12))
                .unwrap_or(today),
        date: format!("{} {}", fr_weekday(d.date), fr(d.date)),
        kind: d.kind.label(),
        label: d.label.clone(),
        warning: d
            .warning()
            .map(|w| (format!(" ⚠ {w}"), d.kind.commune_acts())),
        remaining: remaining(today, d.date),
        clause: d.clause,
    })
}

/// Whether the `index`-th date is the same in both: its row need not be drawn again.
pub fn same_deadline(a: &Figures, b: &Figures, index: usize) -> bool {
    a.sim().deadlines.get(index) == b.sim().deadlines.get(index)
}

/// Where the `index`-th date comes from.
pub fn deadline_why(figures: &Figures, index: usize) -> Option<Explanation> {
    figures.sim().deadlines.get(index).map(Deadline::why)
}

/// The timeline: the dates on a line from the notification to the horizon, one lane per kind,
/// today and the commune's next date marked. Coordinates are in the drawing's units
/// ([`TimelineView::WIDTH`] wide).
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineView {
    /// Its height.
    pub height: f64,
    /// « Frise des échéances du 16/11/2023 au 31/12/2027 ».
    pub label: String,
    /// Each 1 January in the span: its x and year.
    pub years: Vec<(f64, i32)>,
    /// Each lane: its y and its kind's label.
    pub lanes: Vec<(f64, &'static str)>,
    /// One dot per lane and column of three units: x, y, kind code, title.
    pub dots: Vec<(f64, f64, &'static str, String)>,
    /// The next date the commune acts by: x, y, the label's x, its anchor, its text.
    pub next: Option<(f64, f64, f64, &'static str, String)>,
    /// Today, when in the span: x and the label's anchor.
    pub today: Option<(f64, &'static str)>,
    /// The first and last days, « 16/11/2023 ».
    pub ends: (String, String),
    /// Where the lanes start.
    pub top: f64,
    /// The axis' y.
    pub axis_y: f64,
}

impl TimelineView {
    /// The drawing's width.
    pub const WIDTH: f64 = 600.0;
    /// Where the dates start (the lanes' labels before).
    pub const LEFT: f64 = 165.0;
    /// The margin after the last date.
    pub const RIGHT: f64 = 12.0;

    /// The timeline of `figures` on `today`.
    pub fn of(figures: &Figures, today: NaiveDate) -> TimelineView {
        let sim = figures.sim();
        let start = sim.notified;
        let end = sim
            .deadlines
            .iter()
            .map(|d| d.date)
            .max()
            .unwrap_or(sim.horizon_until)
            .max(sim.horizon_until);
        let span = days_between(start, end).max(1) as f64;
        let (w, left, right) = (Self::WIDTH, Self::LEFT, Self::RIGHT);
        let x = |d: NaiveDate| {
            left + (w - left - right) * (days_between(start, d) as f64 / span).clamp(0.0, 1.0)
        };
        let kinds: Vec<DeadlineKind> = DeadlineKind::ALL
            .into_iter()
            .filter(|k| sim.deadlines.iter().any(|d| d.kind == *k))
            .collect();
        let (top, step) = (36.0, 20.0);
        let lane =
            |k: DeadlineKind| top + step * kinds.iter().position(|x| *x == k).unwrap_or(0) as f64;
        let axis_y = top + step * kinds.len() as f64 + 10.0;
        let years = (start.year() + 1..=end.year())
            .filter_map(|y| NaiveDate::from_ymd_opt(y, 1, 1))
            .map(|d| (x(d), d.year()))
            .collect();
        // One dot per lane and pixel column: hundreds of schools do not make thousands of dots.
        let mut dots: Vec<(&Deadline, usize)> = Vec::new();
        let mut seen: std::collections::HashMap<(DeadlineKind, i64), usize> =
            std::collections::HashMap::new();
        for d in &sim.deadlines {
            let key = (d.kind, x(d.date).round() as i64 / 3);
            match seen.get(&key) {
                Some(&i) => dots[i].1 += 1,
                None => {
                    seen.insert(key, dots.len());
                    dots.push((d, 1));
                }
            }
        }
        let next = sim.next_commune_deadline(today).map(|n| {
            let nx = x(n.date);
            (
                nx,
                lane(n.kind),
                nx.min(w - right).max(left),
                if nx > w / 2.0 { "end" } else { "start" },
                format!("prochaine : {}", fr(n.date)),
            )
        });
        let today_x = x(today);
        TimelineView {
            height: axis_y + 22.0,
            label: format!("Frise des échéances du {} au {}", fr(start), fr(end)),
            years,
            lanes: kinds.iter().map(|k| (lane(*k), k.label())).collect(),
            dots: dots
                .iter()
                .map(|(d, count)| {
                    let title = if *count > 1 {
                        format!(
                            "{} : {} (et {} autres dates proches)",
                            fr(d.date),
                            d.label,
                            count - 1
                        )
                    } else {
                        format!("{} : {}", fr(d.date), d.label)
                    };
                    (x(d.date), lane(d.kind), d.kind.code(), title)
                })
                .collect(),
            next,
            today: (today >= start && today <= end).then_some((
                today_x,
                if today_x > w - 50.0 {
                    "end"
                } else if today_x < left + 40.0 {
                    "start"
                } else {
                    "middle"
                },
            )),
            ends: (fr(start), fr(end)),
            top,
            axis_y,
        }
    }

    /// Whether the timeline of `a` and of `b` is the same on the same day: the dates, their
    /// kinds and labels, the span.
    pub fn same(a: &Figures, b: &Figures) -> bool {
        let (a, b) = (a.sim(), b.sim());
        std::rc::Rc::ptr_eq(a, b)
            || (a.notified == b.notified
                && a.horizon_until == b.horizon_until
                && a.deadlines == b.deadlines)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::Draft;
    use crate::live::Live;
    use io::samples;

    #[test]
    fn tassin_s_deadlines_on_30_november_2026() {
        let draft = Draft::from_json(samples::TASSIN_JSON).unwrap();
        let f = Live::default().compute(&draft).result.unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        let v = DeadlinesView::of(&f, today, false);
        let n = v.notice.as_ref().unwrap();
        assert!(n.lead.contains("le 16/11/2027"), "{}", n.lead);
        assert_eq!(n.clause, Clause::Art8Notice);
        assert!(v.caption.starts_with("Calendrier ("));
        assert!(v.past > 0);
        assert!(v.toggle_past(false).unwrap().starts_with("Afficher les"));
        assert_eq!(v.more(v.listed.len()), None);
        if v.listed.len() > 1 {
            assert_eq!(
                v.more(1).unwrap(),
                format!(
                    "Afficher {} dates de plus (sur {})",
                    (v.listed.len() - 1).min(PAGE),
                    v.listed.len() - 1
                )
            );
        }
        let (first, print_only) = v.listed[0];
        let row = deadline_row(&f, first, today).unwrap();
        assert_eq!(
            row.past, print_only,
            "a past date of this year is on paper only"
        );
        assert!(deadline_why(&f, first).is_some());
        assert!(same_deadline(&f, &f, first));
        let t = TimelineView::of(&f, today);
        assert!(t.today.is_some() && !t.dots.is_empty());
        assert_eq!(t.ends.0, "16/11/2023");
    }
}
