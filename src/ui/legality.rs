//! The deliberation's checks and legality dates: the meeting (quorum, convocation, proxies,
//! vote), when it is enforceable, the appeal and the préfet's referral deadlines, the list of
//! deliberations, and a convention signed too early or without the council's approval. Draws
//! `web::views::legality`.

use chrono::NaiveDate;
use yew::prelude::*;

use super::why::{ClauseTag, Why};
use crate::web::live::Figures;
use crate::web::views::Explanation;
use crate::web::views::legality::{DateLine, LegalityView};

#[derive(Properties, PartialEq)]
pub struct LegalityProps {
    pub figures: Figures,
    pub today: NaiveDate,
}

/// « Art. … pourquoi ? » for an explanation already made.
fn tagged(why: &Explanation) -> Html {
    let e = why.clone();
    html! { <><ClauseTag clause={why.main_clause()} />{ " " }<Why explain={Callback::from(move |_| e.clone())} /></> }
}

#[function_component(Legality)]
pub fn legality(p: &LegalityProps) -> Html {
    let Some(v) = LegalityView::of(&p.figures, p.today) else {
        return html! {};
    };
    html! {
        <section class="legality" aria-labelledby="legalite-titre">
            <h2 id="legalite-titre">{ "Délibération : séance, caractère exécutoire et recours" }</h2>
            if !v.checks.is_empty() {
                <ul class="meeting-checks" id="controles-seance">
                    { for v.checks.iter().map(|c| html! {
                        <li id={c.id} class={c.class}>{ c.mark }{ &c.text }{ " " }{ tagged(&c.why) }</li>
                    }) }
                </ul>
            }
            { for v.flags.iter().map(|f| html! {
                <p class="warn" id={f.id}>{ &f.text }{ tagged(&f.why) }</p>
            }) }
            <ul class="legality-dates">
                { for v.dates.iter().map(|line| match line {
                    DateLine::Dated(d) => html! {
                        <li id={d.id}>{ d.lead }<strong>{ &d.date }</strong>{ &d.remaining }
                            if let Some(c) = &d.caution { <span class="note">{ c }</span> }
                            { tagged(&d.why) }</li>
                    },
                    DateLine::Pending(id, text) => html! { <li id={*id}>{ text }</li> },
                }) }
            </ul>
            if let Some(hint) = v.publicity {
                <p class="hint" id="publicite">{ hint }</p>
            }
        </section>
    }
}
