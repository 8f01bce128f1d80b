//! The deliberation's legality dates: when it is enforceable, the appeal and the préfet's
//! referral deadlines, and a notification dated before the transmission.

use std::rc::Rc;

use chrono::NaiveDate;
use yew::prelude::*;

use super::why::{ClauseTag, Why};
use crate::engine::dates::{fr, fr_weekday};
use crate::engine::text::plural;
use crate::engine::{Explained, Explanation, Simulation};
use crate::web::summary::remaining;

#[derive(Properties, PartialEq)]
pub struct LegalityProps {
    pub sim: Rc<Simulation>,
    pub today: NaiveDate,
}

/// One dated line: « Exécutoire le lundi 20/11/2023 (il y a 3 jours) Art. … pourquoi ? ».
fn dated(id: &'static str, lead: &'static str, d: &Explained<NaiveDate>, today: NaiveDate) -> Html {
    let why = d.why.clone();
    html! {
        <li {id}>{ lead }<strong>{ format!("{} {}", fr_weekday(d.value), fr(d.value)) }</strong>
            { format!(" ({}) ", remaining(today, d.value)) }
            <ClauseTag clause={d.why.main_clause()} />{ " " }
            <Why explain={Callback::from(move |_| why.clone())} />
        </li>
    }
}

/// One check of the meeting: what it found, its article, « pourquoi ? ».
fn checked(id: &'static str, ok: bool, text: String, why: &Explanation) -> Html {
    let why = why.clone();
    html! {
        <li {id} class={if ok { "ok" } else { "warn" }}>{ if ok { "✓ " } else { "⚠ " } }{ text }{ " " }
            <ClauseTag clause={why.main_clause()} />{ " " }
            <Why explain={Callback::from(move |_| why.clone())} />
        </li>
    }
}

#[function_component(Legality)]
pub fn legality(p: &LegalityProps) -> Html {
    let l = &p.sim.legality;
    let m = &p.sim.meeting;
    let meeting_known =
        m.quorum.is_some() || m.convocation.is_some() || m.proxies.is_some() || m.vote.is_some();
    if !l.any_known() && !meeting_known {
        return html! {};
    }
    let today = p.today;
    html! {
        <section class="legality" aria-labelledby="legalite-titre">
            <h2 id="legalite-titre">{ "Délibération : séance, caractère exécutoire et recours" }</h2>
            if meeting_known {
                <ul class="meeting-checks" id="controles-seance">
                    if let Some(q) = &m.quorum {
                        { checked("quorum", q.value.met, format!("Quorum : {} présents pour {} requis{}.", q.value.present, q.value.required, if q.value.met { ", atteint" } else { ", non atteint" }), &q.why) }
                    }
                    if let Some(c) = &m.convocation {
                        { checked("convocation", c.value.enough, format!("Convocation : {} jour{} franc{} pour {} requis.", c.value.jours_francs, plural(c.value.jours_francs), plural(c.value.jours_francs), c.value.required), &c.why) }
                    }
                    if let Some(v) = &m.proxies {
                        { checked("votants", v.value.problems.is_empty(), format!("Votants : {}.{}", v.value.votants, v.value.problems.iter().map(|p| format!(" {p}")).collect::<String>()), &v.why) }
                        { for v.value.notes.iter().map(|n| html! { <li class="note">{ format!("À vérifier : {n}") }</li> }) }
                    }
                    if let Some(v) = &m.vote {
                        { checked("vote", v.value.holds(), v.why.steps.join(" "), &v.why) }
                    }
                </ul>
            }
            if let Some(w) = l.notification_warning() {
                <p class="warn" id="notification-avant-transmission">{ format!("⚠ {w} ") }
                    if let Some(flag) = &l.notified_before_transmission {
                        <ClauseTag clause={flag.why.main_clause()} />{ " " }
                        <Why explain={{ let why = flag.why.clone(); Callback::from(move |_| why.clone()) }} />
                    }
                </p>
            }
            <ul class="legality-dates">
                if let Some(e) = &l.enforceable { { dated("executoire", "Exécutoire le ", e, today) } }
                if let Some(pending) = l.pending() { <li id="executoire">{ pending }</li> }
                if let Some(a) = &p.sim.appeal_deadline { { dated("recours", "Recours contentieux ou gracieux jusqu'au ", a, today) } }
                if let Some(r) = &l.prefect_referral { { dated("defere", "Déféré préfectoral jusqu'au ", r, today) } }
            </ul>
        </section>
    }
}
