//! Leaving the convention: the plan backwards from a chosen anniversary (D7), the letter for
//! it, and the what-if « si la lettre arrivait le …, la convention prendrait fin le … ».

use std::rc::Rc;

use chrono::NaiveDate;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::field::Field;
use super::use_exporter::{ExportJob, Exporter};
use super::why::{ClauseTag, Why};
use crate::engine::dates::{fr, iso, parse_iso};
use crate::engine::r2_termination::r2_reception_error;
use crate::engine::simulate::termination_what_if;
use crate::engine::{Clause, Scenario, Simulation};
use crate::io::exports::termination_letter::letter_date;
use crate::io::exports::worker::{DocumentFormat, ExportRequest};
use crate::io::scenario::to_string_pretty;
use crate::web::share::file_stem;

#[derive(Properties, PartialEq)]
pub struct TerminationProps {
    pub scenario: Rc<Scenario>,
    pub sim: Rc<Simulation>,
    pub today: NaiveDate,
}

#[function_component(TerminationSim)]
pub fn termination_sim(p: &TerminationProps) -> Html {
    let export = use_context::<Exporter>().map(|e| e.0).unwrap_or_default();
    let status = use_state(|| None::<(bool, String)>);
    // The plan backwards from an anniversary still reachable (D7): the next one by default.
    let reachable: Vec<NaiveDate> = p
        .sim
        .notice_deadlines
        .iter()
        .filter(|n| n.practical_last_day >= p.today)
        .map(|n| n.anniversary)
        .collect();
    let chosen = use_state(|| None::<NaiveDate>);
    let target = (*chosen)
        .filter(|a| reachable.contains(a))
        .or(reachable.first().copied());
    let plan = target.and_then(|a| {
        p.sim
            .termination_plans
            .iter()
            .find(|pl| pl.anniversary == a)
    });
    let choose = {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            chosen.set(parse_iso(&value));
        })
    };
    let ask = {
        let (scenario, today) = (p.scenario.clone(), p.today);
        move |format: DocumentFormat| ExportRequest::TerminationLetter {
            format,
            scenario: to_string_pretty(&scenario),
            today: iso(today),
            anniversary: target.map(iso),
        }
    };
    let base = file_stem(&p.scenario.commune.name);
    let save_letter = {
        let (export, status, ask) = (export.clone(), status.clone(), ask.clone());
        Callback::from(move |_: MouseEvent| {
            export.emit(ExportJob::download(
                ask(DocumentFormat::Odt),
                format!("{base}-lettre-resiliation.odt"),
                &status,
            ))
        })
    };
    let open_letter = {
        let (export, status) = (export.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            export.emit(ExportJob::show_in_tab(ask(DocumentFormat::Html), &status))
        })
    };
    let typed = use_state(|| crate::engine::dates::iso(p.today));
    let oninput = {
        let typed = typed.clone();
        Callback::from(move |v: String| typed.set(v))
    };
    let notified = p.scenario.convention.notified;
    let (result, error) = match parse_iso(&typed) {
        None if typed.is_empty() => (None, None),
        None => (
            None,
            Some(format!("« {} » n'est pas une date valide", *typed)),
        ),
        Some(d) => match r2_reception_error(notified, d) {
            Some(message) => (None, Some(message)),
            None => (Some(termination_what_if(&p.scenario, &p.sim, d)), None),
        },
    };
    html! {
        <section class="termination" aria-labelledby="resiliation-titre">
            <h2 id="resiliation-titre">{ "Quitter la convention " }<ClauseTag clause={Clause::Art8Notice} /></h2>
            if let Some(plan) = plan {
                <div class="plan" id="plan-resiliation">
                    <div class="field">
                        <label for="plan-anniversaire">{ "Anniversaire visé" }</label>
                        <select id="plan-anniversaire" onchange={choose}>
                            { for reachable.iter().map(|a| html! { <option value={iso(*a)} selected={Some(*a) == target}>{ fr(*a) }</option> }) }
                        </select>
                    </div>
                    <p id="plan-titre"><strong>{ plan.headline() }</strong></p>
                    if let Some(late) = plan.late(letter_date(&p.scenario, p.today)) { <p class="warn" id="plan-tard">{ format!("⚠ {late}") }</p> }
                    <ol class="plan-steps">
                        { for plan.steps().iter().map(|step| html! {
                            <li>{ step.sentence() }{ " — " }<span class="hint">{ &step.rule }</span>{ " " }<ClauseTag clause={step.clause} /></li>
                        }) }
                    </ol>
                    <p id="plan-conseille">{ plan.recommended() }</p>
                    if let Some(w) = plan.august_warning() { <p class="warn" id="plan-aout">{ format!("⚠ {w}") }</p> }
                    <p class="hint" id="plan-decision">{ plan.who_decides() }{ " " }<Why explain={{ let why = plan.why(); Callback::from(move |_| why.clone()) }} /></p>
                </div>
                <h3>{ "Lettre de résiliation" }</h3>
                <p class="hint">{ format!("Lettre recommandée avec accusé de réception pour l'anniversaire du {}, datée d'aujourd'hui (ou du prochain jour ouvré), à signer par le Maire une fois la décision exécutoire.", fr(plan.anniversary)) }</p>
                <div class="toolbar">
                    <button type="button" id="resiliation-odt" onclick={save_letter}>{ "Lettre de résiliation (.odt)" }</button>
                    <button type="button" id="resiliation-ouvrir" onclick={open_letter}>{ "Ouvrir la lettre pour imprimer" }</button>
                </div>
                if let Some((error, text)) = (*status).clone() {
                    <p class={classes!("export-status", error.then_some("error"))} role="status" aria-live="polite" id="resiliation-statut">{ text }</p>
                }
            } else {
                <p id="plan-resiliation">{ "Aucun anniversaire n'est encore atteignable dans l'horizon simulé : allonger l'horizon." }</p>
            }
            <h3>{ "Simulation : et si la lettre arrivait le… ?" }</h3>
            <Field id="lettre-recue" kind="date" label="Si la lettre recommandée arrive à la Métropole le" value={(*typed).clone()} {oninput} error={error.map(AttrValue::from)} />
            if let Some(w) = result {
                <div class="callout" role="status" aria-live="polite">
                    <p id="resultat-resiliation">{ "Dans cette simulation, la convention prendrait fin le " }<strong>{ fr(w.termination.value.ends) }</strong>
                        { format!(" ; dernier jour d'accès le {}.", fr(w.termination.value.last_day)) }</p>
                    <p>{ match w.last_year {
                        Some((n, fee)) => format!("Dernière redevance due : année de convention n° {n}, {fee}. Total dû jusqu'à la fin : {}.", w.total),
                        None => "Aucune redevance due : aucune école n'a accès avant la fin.".to_string(),
                    } }</p>
                    <Why explain={{ let why = w.termination.why.clone(); Callback::from(move |_| why.clone()) }} />
                </div>
            }
        </section>
    }
}
