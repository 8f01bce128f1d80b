//! The deliberation's checks and legality dates: the meeting (quorum, convocation, proxies,
//! vote), when it is enforceable, the appeal and the préfet's referral deadlines, the list of
//! deliberations, and a convention signed too early or without the council's approval.

use std::rc::Rc;

use chrono::NaiveDate;
use yew::prelude::*;

use super::why::{ClauseTag, Why};
use crate::engine::d1_d4_meeting::CheckLine;
use crate::engine::dates::{fr, fr_weekday};
use crate::engine::r9_calendar::caution_note;
use crate::engine::{Explained, Simulation};
use crate::web::summary::remaining;

#[derive(Properties, PartialEq)]
pub struct LegalityProps {
    pub sim: Rc<Simulation>,
    pub today: NaiveDate,
}

/// One dated line: « Exécutoire le lundi 20/11/2023 (il y a 3 jours) Art. … pourquoi ? »,
/// with the earlier safe day at a month end when there is one.
fn dated(
    id: &'static str,
    lead: &'static str,
    d: &Explained<NaiveDate>,
    today: NaiveDate,
    caution: Option<NaiveDate>,
) -> Html {
    let why = d.why.clone();
    html! {
        <li {id}>{ lead }<strong>{ format!("{} {}", fr_weekday(d.value), fr(d.value)) }</strong>
            { format!(" ({}) ", remaining(today, d.value)) }
            if let Some(day) = caution { <span class="note">{ format!("— {} ", caution_note(day)) }</span> }
            <ClauseTag clause={d.why.main_clause()} />{ " " }
            <Why explain={Callback::from(move |_| why.clone())} />
        </li>
    }
}

/// One check of the meeting: what it found, its article, « pourquoi ? ».
fn checked(line: &CheckLine) -> Html {
    let why = line.why.clone();
    let (class, mark) = match line.ok {
        Some(true) => ("ok", "✓ "),
        Some(false) => ("warn", "⚠ "),
        None => ("note", "À vérifier : "),
    };
    let text = line
        .text
        .strip_prefix("À vérifier : ")
        .unwrap_or(&line.text);
    html! {
        <li id={line.id} {class}>{ mark }{ text }{ " " }
            <ClauseTag clause={why.main_clause()} />{ " " }
            <Why explain={Callback::from(move |_| why.clone())} />
        </li>
    }
}

#[function_component(Legality)]
pub fn legality(p: &LegalityProps) -> Html {
    let l = &p.sim.legality;
    let lines = p.sim.meeting.lines();
    if !l.any_known() && lines.is_empty() {
        return html! {};
    }
    let today = p.today;
    html! {
        <section class="legality" aria-labelledby="legalite-titre">
            <h2 id="legalite-titre">{ "Délibération : séance, caractère exécutoire et recours" }</h2>
            if !lines.is_empty() {
                <ul class="meeting-checks" id="controles-seance">
                    { for lines.iter().map(checked) }
                </ul>
            }
            { for l.signature_flags().into_iter().map(|(id, text, why)| {
                let why = why.clone();
                html! {
                    <p class="warn" {id}>{ format!("⚠ {text} ") }
                        <ClauseTag clause={why.main_clause()} />{ " " }
                        <Why explain={Callback::from(move |_| why.clone())} />
                    </p>
                }
            }) }
            <ul class="legality-dates">
                if let Some(e) = &l.enforceable { { dated("executoire", "Exécutoire le ", e, today, None) } }
                if let Some(pending) = l.pending() { <li id="executoire">{ pending }</li> }
                if let Some(a) = &p.sim.appeal_deadline { { dated("recours", "Recours contentieux ou gracieux jusqu'au ", a, today, p.sim.appeal_caution()) } }
                if let Some(r) = &l.prefect_referral { { dated("defere", "Déféré préfectoral (hypothèse : délai franc) jusqu'au ", r, today, p.sim.referral_caution()) } }
                if let Some(list) = &l.list_of_deliberations { { dated("liste-deliberations", "Liste des délibérations affichée et mise en ligne au plus tard le ", list, today, None) } }
            </ul>
            if l.any_known() {
                <p class="hint" id="publicite">{ l.publicity.hint() }</p>
            }
        </section>
    }
}
