//! The deadlines: a timeline and a dated list, with the days left from today and a warning
//! where a date falls on a weekend or a public holiday.

use std::rc::Rc;

use chrono::{Datelike, NaiveDate};
use yew::prelude::*;

use crate::engine::text::fixed;

use super::deadline_row::DeadlineRow;
use super::why::{ClauseTag, Why};
use crate::engine::dates::{days_between, fr, fr_weekday};
use crate::engine::{DeadlineKind, Simulation};
use crate::web::summary::remaining;

#[derive(Properties, PartialEq)]
pub struct DeadlinesProps {
    pub sim: Rc<Simulation>,
    pub today: NaiveDate,
}

/// How many dates the list shows at a time.
const PAGE: usize = 60;

#[function_component(Deadlines)]
pub fn deadlines(p: &DeadlinesProps) -> Html {
    let sim = &p.sim;
    let today = p.today;
    let show_past = use_state(|| false);
    let toggle = {
        let show_past = show_past.clone();
        Callback::from(move |_| show_past.set(!*show_past))
    };
    let past = sim.deadlines.iter().filter(|d| d.date < today).count();
    // Long calendars (hundreds of schools) show a page at a time.
    let limit = use_state(|| PAGE);
    let more = {
        let limit = limit.clone();
        Callback::from(move |_| limit.set(*limit + PAGE))
    };
    // Past dates of the current year are printed even when hidden on screen.
    let listed: Vec<_> = sim
        .deadlines
        .iter()
        .enumerate()
        .filter(|(_, d)| *show_past || d.date >= today || d.date.year() == today.year())
        .collect();
    let print_only = |d: &crate::engine::Deadline| !*show_past && d.date < today;
    let hidden = listed.len().saturating_sub(*limit);
    let next_notice = sim.next_notice(today).cloned();
    html! {
        <section class="deadlines" aria-labelledby="echeances-titre">
            <h2 id="echeances-titre">{ "Échéances" }</h2>
            if let Some(n) = next_notice {
                <div class="callout">
                    <p>{ format!("Pour mettre fin à la convention le {}, la lettre recommandée doit être reçue par la Métropole au plus tard le ", fr(n.anniversary)) }
                    <strong>{ format!("{} {}", fr_weekday(n.latest_reception), fr(n.latest_reception)) }</strong>{ format!(" ({}). ", remaining(today, n.latest_reception)) }
                    if let Some(w) = n.practical_warning() { <span class="warn" id="jour-pratique">{ format!("{w} ") }</span> }
                    <ClauseTag clause={n.why.main_clause()} />{ " " }
                    <Why explain={{ let why = n.why.clone(); Callback::from(move |_| why.clone()) }} /></p>
                    <p id="envoi-conseille">{ n.sending_advice() }</p>
                    <p class="hint" id="lecture-favorable">{ sim.favourable_reading_note(&n) }</p>
                </div>
            }
            <Timeline sim={p.sim.clone()} {today} />
            <table tabindex="0" class="figures deadlines-list" id="liste-echeances">
                <caption>{ format!("Calendrier ({} dates, aujourd'hui : {})", sim.deadlines.len(), fr(today)) }</caption>
                <thead><tr><th scope="col">{ "Date" }</th><th scope="col">{ "Échéance" }</th><th scope="col">{ "Délai" }</th><th scope="col">{ "Clause" }</th></tr></thead>
                <tbody>
                { for listed.iter().take(*limit).map(|&(index, d)| html! {
                    <DeadlineRow key={index} sim={p.sim.clone()} {index} {today} print_only={print_only(d)} />
                }) }
                </tbody>
            </table>
            if hidden > 0 {
                <button type="button" onclick={more}>{ format!("Afficher {} dates de plus (sur {hidden})", PAGE.min(hidden)) }</button>
            }
            if past > 0 {
                <button type="button" onclick={toggle}>{ if *show_past { format!("Masquer les {past} dates passées") } else { format!("Afficher les {past} dates passées") } }</button>
            }
        </section>
    }
}

#[derive(Properties)]
struct TimelineProps {
    sim: Rc<Simulation>,
    today: NaiveDate,
}

/// The timeline is drawn again only when what it shows changes: the dates, their kinds and
/// labels, the span, today.
impl PartialEq for TimelineProps {
    fn eq(&self, other: &Self) -> bool {
        let (a, b) = (&self.sim, &other.sim);
        self.today == other.today
            && (Rc::ptr_eq(a, b)
                || (a.notified == b.notified
                    && a.horizon_until == b.horizon_until
                    && a.deadlines == b.deadlines))
    }
}

/// The deadlines on a line from the notification to the horizon, today marked.
#[function_component(Timeline)]
fn timeline(p: &TimelineProps) -> Html {
    let sim = &p.sim;
    let start = sim.notified;
    let end = sim
        .deadlines
        .iter()
        .map(|d| d.date)
        .max()
        .unwrap_or(sim.horizon_until)
        .max(sim.horizon_until);
    let span = days_between(start, end).max(1) as f64;
    let (w, left, right) = (600.0, 165.0, 12.0);
    let x = |d: NaiveDate| {
        left + (w - left - right) * (days_between(start, d) as f64 / span).clamp(0.0, 1.0)
    };
    // One lane per kind of date the calendar holds.
    let kinds: Vec<DeadlineKind> = DeadlineKind::ALL
        .into_iter()
        .filter(|k| sim.deadlines.iter().any(|d| d.kind == *k))
        .collect();
    let (top, step) = (36.0, 20.0);
    let lane =
        |k: DeadlineKind| top + step * kinds.iter().position(|x| *x == k).unwrap_or(0) as f64;
    let axis_y = top + step * kinds.len() as f64 + 10.0;
    let height = axis_y + 22.0;
    // A tick at each 1 January in the span, labelled with its year.
    let years: Vec<(f64, i32)> = (start.year() + 1..=end.year())
        .filter_map(|y| NaiveDate::from_ymd_opt(y, 1, 1))
        .map(|d| (x(d), d.year()))
        .collect();
    // The next date the commune acts by, highlighted and named.
    let next = sim.next_commune_deadline(p.today);
    let today_x = x(p.today);
    // One dot per lane and pixel column: hundreds of schools do not make thousands of dots.
    let mut dots: Vec<(&crate::engine::Deadline, usize)> = Vec::new();
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
    html! {
        <figure class="chart timeline" tabindex="0" aria-label="Frise des échéances, défilant horizontalement sur un petit écran">
            <svg viewBox={format!("0 0 {} {}", fixed(w, 0), fixed(height, 0))} role="img" aria-label={format!("Frise des échéances du {} au {}", fr(start), fr(end))}>
                { for years.iter().map(|(yx, year)| html! { <>
                    <line class="year-tick" x1={fixed(*yx, 1)} x2={fixed(*yx, 1)} y1={fixed(top - 10.0, 1)} y2={fixed(axis_y - 12.0, 1)} />
                    <text class="axis" x={fixed(*yx, 1)} y={fixed(top - 14.0, 1)} text-anchor="middle">{ year.to_string() }</text>
                </> }) }
                { for kinds.iter().map(|k| html! { <text class="lane" x="0" y={fixed(lane(*k) + 4.0, 1)}>{ k.label() }</text> }) }
                { for dots.iter().map(|(d, count)| html! {
                    <circle class={format!("dot k-{}", d.kind.code())} cx={fixed(x(d.date), 1)} cy={fixed(lane(d.kind), 1)} r="3.5">
                        <title>{ if *count > 1 { format!("{} : {} (et {} autres dates proches)", fr(d.date), d.label, count - 1) } else { format!("{} : {}", fr(d.date), d.label) } }</title>
                    </circle>
                }) }
                if let Some(n) = next {
                    <circle class="next-ring" cx={fixed(x(n.date), 1)} cy={fixed(lane(n.kind), 1)} r="8" />
                    <text class="axis next-label" x={fixed(x(n.date).min(w - right).max(left), 1)} y={fixed(axis_y + 2.0, 1)} text-anchor={if x(n.date) > w / 2.0 { "end" } else { "start" }}>{ format!("prochaine : {}", fr(n.date)) }</text>
                }
                if p.today >= start && p.today <= end {
                    <line class="today" x1={fixed(today_x, 1)} x2={fixed(today_x, 1)} y1={fixed(top - 22.0, 1)} y2={fixed(axis_y - 12.0, 1)} />
                    <text class="axis" x={fixed(today_x, 1)} y={fixed(top - 26.0, 1)} text-anchor={if today_x > w - 50.0 { "end" } else if today_x < left + 40.0 { "start" } else { "middle" }}>{ "aujourd'hui" }</text>
                }
                <text class="axis" x={fixed(left, 0)} y={fixed(axis_y + 18.0, 1)}>{ fr(start) }</text>
                <text class="axis" x={fixed(w - right, 0)} y={fixed(axis_y + 18.0, 1)} text-anchor="end">{ fr(end) }</text>
            </svg>
        </figure>
    }
}
