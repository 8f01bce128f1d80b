//! The deadlines: a timeline and a dated list, with the days left from today and a warning
//! where a date falls on a weekend or a public holiday. Draws `web::views::deadlines`.

use chrono::NaiveDate;
use yew::prelude::*;

use super::deadline_row::DeadlineRow;
use super::why::{ClauseTag, Why};
use crate::web::live::Figures;
use crate::web::views::deadlines::{DeadlinesView, PAGE, TimelineView};
use crate::web::views::{fixed, unavailable};

#[derive(Properties, PartialEq)]
pub struct DeadlinesProps {
    pub figures: Figures,
    pub today: NaiveDate,
}

#[function_component(Deadlines)]
pub fn deadlines(p: &DeadlinesProps) -> Html {
    let today = p.today;
    let show_past = use_state(|| false);
    let toggle = {
        let show_past = show_past.clone();
        Callback::from(move |_| show_past.set(!*show_past))
    };
    // Long calendars (hundreds of schools) show a page at a time.
    let limit = use_state(|| PAGE);
    let more = {
        let limit = limit.clone();
        Callback::from(move |_| limit.set(*limit + PAGE))
    };
    let view = DeadlinesView::of(&p.figures, today, *show_past);
    html! {
        <section class="deadlines" aria-labelledby="echeances-titre">
            <h2 id="echeances-titre">{ "Échéances" }</h2>
            if let Some(n) = &view.notice {
                <div class="callout">
                    <p>{ &n.lead }<strong>{ &n.date }</strong>{ &n.remaining }
                    if let Some(w) = &n.practical { <span class="warn" id="jour-pratique">{ format!("{w} ") }</span> }
                    <ClauseTag clause={n.clause} />{ " " }
                    <Why explain={{ let view = view.clone(); Callback::from(move |_| view.notice_why(today).unwrap_or_else(unavailable)) }} /></p>
                    <p id="envoi-conseille">{ &n.sending }</p>
                    <p class="hint" id="lecture-favorable">{ &n.favourable }</p>
                </div>
            }
            <Timeline figures={p.figures.clone()} {today} />
            <table tabindex="0" class="figures deadlines-list" id="liste-echeances">
                <caption>{ &view.caption }</caption>
                <thead><tr><th scope="col">{ "Date" }</th><th scope="col">{ "Échéance" }</th><th scope="col">{ "Délai" }</th><th scope="col">{ "Clause" }</th></tr></thead>
                <tbody>
                { for view.listed.iter().take(*limit).map(|&(index, print_only)| html! {
                    <DeadlineRow key={index} figures={p.figures.clone()} {index} {today} {print_only} />
                }) }
                </tbody>
            </table>
            if let Some(label) = view.more(*limit) {
                <button type="button" onclick={more}>{ label }</button>
            }
            if let Some(label) = view.toggle_past(*show_past) {
                <button type="button" onclick={toggle}>{ label }</button>
            }
        </section>
    }
}

#[derive(Properties)]
struct TimelineProps {
    figures: Figures,
    today: NaiveDate,
}

/// The timeline is drawn again only when what it shows changes: the dates, their kinds and
/// labels, the span, today.
impl PartialEq for TimelineProps {
    fn eq(&self, other: &Self) -> bool {
        self.today == other.today && TimelineView::same(&self.figures, &other.figures)
    }
}

/// The deadlines on a line from the notification to the horizon, today marked.
#[function_component(Timeline)]
fn timeline(p: &TimelineProps) -> Html {
    let t = TimelineView::of(&p.figures, p.today);
    let (w, left, right) = (TimelineView::WIDTH, TimelineView::LEFT, TimelineView::RIGHT);
    let (top, axis_y) = (t.top, t.axis_y);
    html! {
        <figure class="chart timeline" tabindex="0" aria-label="Frise des échéances, défilant horizontalement sur un petit écran">
            <svg viewBox={format!("0 0 {} {}", fixed(w, 0), fixed(t.height, 0))} role="img" aria-label={t.label.clone()}>
                { for t.years.iter().map(|(yx, year)| html! { <>
                    <line class="year-tick" x1={fixed(*yx, 1)} x2={fixed(*yx, 1)} y1={fixed(top - 10.0, 1)} y2={fixed(axis_y - 12.0, 1)} />
                    <text class="axis" x={fixed(*yx, 1)} y={fixed(top - 14.0, 1)} text-anchor="middle">{ year.to_string() }</text>
                </> }) }
                { for t.lanes.iter().map(|(y, label)| html! { <text class="lane" x="0" y={fixed(y + 4.0, 1)}>{ *label }</text> }) }
                { for t.dots.iter().map(|(x, y, code, title)| html! {
                    <circle class={format!("dot k-{code}")} cx={fixed(*x, 1)} cy={fixed(*y, 1)} r="3.5">
                        <title>{ title }</title>
                    </circle>
                }) }
                if let Some((x, y, label_x, anchor, label)) = &t.next {
                    <circle class="next-ring" cx={fixed(*x, 1)} cy={fixed(*y, 1)} r="8" />
                    <text class="axis next-label" x={fixed(*label_x, 1)} y={fixed(axis_y + 2.0, 1)} text-anchor={*anchor}>{ label }</text>
                }
                if let Some((today_x, anchor)) = t.today {
                    <line class="today" x1={fixed(today_x, 1)} x2={fixed(today_x, 1)} y1={fixed(top - 22.0, 1)} y2={fixed(axis_y - 12.0, 1)} />
                    <text class="axis" x={fixed(today_x, 1)} y={fixed(top - 26.0, 1)} text-anchor={anchor}>{ "aujourd'hui" }</text>
                }
                <text class="axis" x={fixed(left, 0)} y={fixed(axis_y + 18.0, 1)}>{ &t.ends.0 }</text>
                <text class="axis" x={fixed(w - right, 0)} y={fixed(axis_y + 18.0, 1)} text-anchor="end">{ &t.ends.1 }</text>
            </svg>
        </figure>
    }
}
