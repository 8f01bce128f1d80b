//! Leaving the convention: the plan backwards from a chosen anniversary (D7), the letter for
//! it, and the what-if « si la lettre arrivait le …, la convention prendrait fin le … ».
//! Draws `web::views::termination`.

use chrono::NaiveDate;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::field::Field;
use super::use_exporter::{ExportJob, Exporter};
use super::why::{ClauseTag, Why};
use crate::web::app::iso;
use crate::web::app::worker::DocumentFormat;
use crate::web::live::Figures;
use crate::web::views::termination::{CLAUSE, NO_PLAN, PlanView, letter_request, what_if};

#[derive(Properties, PartialEq)]
pub struct TerminationProps {
    pub figures: Figures,
    pub today: NaiveDate,
}

#[function_component(TerminationSim)]
pub fn termination_sim(p: &TerminationProps) -> Html {
    let export = use_context::<Exporter>().map(|e| e.0).unwrap_or_default();
    let status = use_state(|| None::<(bool, String)>);
    // The year the person asks about (the first one still possible by default), and the plan
    // backwards from the anniversary one can leave at (D7).
    let chosen = use_state(|| None::<i32>);
    let plan = PlanView::of(&p.figures, p.today, *chosen);
    let choose = {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| {
            let year = e.target_unchecked_into::<HtmlSelectElement>().value();
            chosen.set(year.parse().ok());
        })
    };
    let letter = |format: DocumentFormat| {
        let (figures, today) = (p.figures.clone(), p.today);
        let anniversary = plan
            .as_ref()
            .map(|pl| pl.anniversary.clone())
            .unwrap_or_default();
        move || letter_request(&figures, today, &anniversary, format)
    };
    let save_letter = {
        let (export, status, ask) = (export.clone(), status.clone(), letter(DocumentFormat::Odt));
        let file = plan
            .as_ref()
            .map(|pl| pl.letter_file.clone())
            .unwrap_or_default();
        Callback::from(move |_: MouseEvent| {
            export.emit(ExportJob::download(ask(), file.clone(), &status))
        })
    };
    let open_letter = {
        let (export, status, ask) = (export.clone(), status.clone(), letter(DocumentFormat::Html));
        Callback::from(move |_: MouseEvent| export.emit(ExportJob::show_in_tab(ask(), &status)))
    };
    let typed = use_state(|| iso(p.today));
    let oninput = {
        let typed = typed.clone();
        Callback::from(move |v: String| typed.set(v))
    };
    let (result, error) = what_if(&p.figures, &typed);
    html! {
        <section class="termination" aria-labelledby="resiliation-titre">
            <h2 id="resiliation-titre">{ "Quitter la convention " }<ClauseTag clause={CLAUSE} /></h2>
            <p class="print-only whatif-label">{ "Simulation : une résiliation envisagée, pas une décision." }</p>
            if let Some(plan) = plan {
                <div class="plan" id="plan-resiliation">
                    <div class="field">
                        <label for="plan-annee">{ "Quitter la convention en" }</label>
                        <select id="plan-annee" onchange={choose}>
                            { for plan.years.iter().map(|(value, label, selected)| html! { <option value={value.clone()} selected={*selected}>{ label }</option> }) }
                        </select>
                    </div>
                    <p id="plan-reponse" class={classes!(plan.too_late.then_some("warn"))} role="status"><strong>{ &plan.answer }</strong></p>
                    <p id="plan-titre"><strong>{ &plan.headline }</strong></p>
                    if let Some(late) = &plan.late { <p class="warn" id="plan-tard">{ late }</p> }
                    <ol class="plan-steps">
                        { for plan.steps.iter().map(|(sentence, rule, clause)| html! {
                            <li>{ sentence }{ " — " }<span class="hint">{ rule }</span>{ " " }<ClauseTag clause={*clause} /></li>
                        }) }
                    </ol>
                    <p id="plan-conseille">{ &plan.recommended }</p>
                    if let Some(w) = &plan.august { <p class="warn" id="plan-aout">{ w }</p> }
                    <p class="hint" id="plan-decision">{ plan.who_decides }{ " " }<Why explain={{ let why = plan.why.clone(); Callback::from(move |_| why.clone()) }} /></p>
                </div>
                <h3>{ "Lettre de résiliation" }</h3>
                <p class="hint">{ &plan.letter_hint }</p>
                <div class="toolbar">
                    <button type="button" id="resiliation-odt" onclick={save_letter}>{ "Lettre de résiliation (.odt)" }</button>
                    <button type="button" id="resiliation-ouvrir" onclick={open_letter}>{ "Ouvrir la lettre pour imprimer" }</button>
                </div>
                if let Some((error, text)) = (*status).clone() {
                    <p class={classes!("export-status", error.then_some("error"))} role="status" aria-live="polite" id="resiliation-statut">{ text }</p>
                }
            } else {
                <p id="plan-resiliation">{ NO_PLAN }</p>
            }
            <h3>{ "Simulation : et si la lettre arrivait le… ?" }</h3>
            <Field id="lettre-recue" kind="date" label="Si la lettre recommandée arrive à la Métropole le" value={(*typed).clone()} {oninput} error={error.map(AttrValue::from)} />
            if let Some(w) = result {
                <div class="callout" role="status" aria-live="polite">
                    <p id="resultat-resiliation">{ "Dans cette simulation, la convention prendrait fin le " }<strong>{ w.ends }</strong>
                        { w.last_day }</p>
                    <p>{ w.fees }</p>
                    <Why explain={{ let why = w.why; Callback::from(move |_| why.clone()) }} />
                </div>
            }
        </section>
    }
}
