//! « Vue de la Métropole »: commune files opened together (kept in this page only), their
//! territory: each commune, the totals, the Annexe 2 reference, the titles of revenue by
//! month, the lists changed late; the table sorted by any column. Draws
//! `web::views::territory`; the files are read by `use_territory_files`.

use std::rc::Rc;

use chrono::NaiveDate;
use yew::prelude::*;

use super::use_exporter::{ExportJob, Exporter};
use super::use_territory_files::use_territory_files;
use super::why::{ClauseTag, Why};
use crate::web::app::worker::SpreadsheetFormat;
use crate::web::app::{DIRECTORY_FORMAT_HINT, FORMAT_HINT};
use crate::web::territory::{TerritoryAction, calendar_request, export_request};
use crate::web::views::fixed;
use crate::web::views::territory::TerritoryView;

#[derive(Properties, PartialEq)]
pub struct TerritoryProps {
    pub today: NaiveDate,
}

#[function_component(TerritoryPanel)]
pub fn territory_panel(p: &TerritoryProps) -> Html {
    let today = p.today;
    let files = use_territory_files(today);
    let (store, reading, status) = (
        files.store.clone(),
        files.reading.clone(),
        files.status.clone(),
    );
    let export = use_context::<Exporter>().map(|e| e.0).unwrap_or_default();
    let state = &store.0;
    let calendar = {
        let (export, status, state) = (export.clone(), status.clone(), state.clone());
        Callback::from(move |_: MouseEvent| {
            let (request, file_name) = calendar_request(&state, today);
            export.emit(ExportJob::download(request, file_name, &status))
        })
    };
    let save = |format: SpreadsheetFormat| {
        let (export, status, state) = (export.clone(), status.clone(), state.clone());
        Callback::from(move |_: MouseEvent| {
            let (request, file_name) = export_request(&state, format, today);
            export.emit(ExportJob::download(request, file_name, &status))
        })
    };
    // The territory is computed when the files or the day change, not when the table is
    // sorted.
    let t = use_memo((state.files.clone(), today), |(_, today)| {
        Rc::new(TerritoryView::of(state, *today))
    });
    let table = t.table(state.sort);
    let [fee_clause, title_clause, shares_clause, list_clause] = t.clauses;
    let sort_button = |(key, label, aria_sort, arrow): &(
        _,
        &'static str,
        &'static str,
        &'static str,
    )| {
        let dispatcher = store.dispatcher();
        let key = *key;
        html! {
            <th scope="col" aria-sort={*aria_sort}>
                <button type="button" class="link sort" onclick={Callback::from(move |_: MouseEvent| dispatcher.dispatch(TerritoryAction::SortBy(key)))}>
                    { *label }<span aria-hidden="true">{ *arrow }</span>
                </button>
            </th>
        }
    };
    let max = t
        .budget_years
        .iter()
        .map(|(_, _, c)| *c)
        .max()
        .unwrap_or(0)
        .max(1);
    let (w, h, top, bottom) = (600.0, 200.0, 16.0, 28.0);
    let slot = 584.0 / t.budget_years.len().max(1) as f64;
    html! {
        <details class="territory" id="territoire">
            <summary>{ "Vue de la Métropole : plusieurs communes" }</summary>
            <p class="hint">{ format!("Un fichier de scénario (.json) par commune, ou une liste des communes avec leur nombre d'écoles en .csv : {FORMAT_HINT} ; {DIRECTORY_FORMAT_HINT}. Les fichiers restent dans cette page : ils ne sont ni enregistrés ni envoyés, et ne s'ajoutent pas à « Mes simulations ».") }</p>
            <div class="field">
                <label for="fichiers-communes">{ "Fichiers des communes (.json ou .csv, plusieurs à la fois)" }</label>
                <input type="file" id="fichiers-communes" multiple=true accept=".json,.csv,application/json,text/csv" onchange={files.on_files.clone()} />
            </div>
            <div class="field">
                <label for="dossier-communes">{ "Ou tout un dossier (ses fichiers .json et .csv)" }</label>
                <input type="file" id="dossier-communes" webkitdirectory=true multiple=true onchange={files.on_files} />
            </div>
            <div role="status" aria-live="polite">
                if let Some((error, text)) = (*reading).clone() {
                    <p class={classes!("export-status", error.then_some("error"))} id="lecture-liste">{ text }</p>
                }
                if !state.refused.is_empty() {
                    <ul class="error" id="communes-refusees">{ for state.refused.iter().map(|m| html! { <li>{ m }</li> }) }</ul>
                }
                if let Some(m) = state.waiting_for_list() {
                    <p class="hint" role="status" id="annuaire-attend-liste">{ m }</p>
                }
                if state.files.is_empty() && state.anything_opened() {
                    <button type="button" onclick={files.clear.clone()}>{ "Fermer ces fichiers" }</button>
                }
                if !state.skipped.is_empty() {
                    <ul class="hint" id="communes-non-comptees">{ for state.skipped.iter().map(|m| html! { <li>{ m }</li> }) }</ul>
                }
            </div>
            if !state.files.is_empty() {
                <div class="territory-figures">
                    <p id="territoire-adhesion">{ &t.joined }</p>
                    if !t.notes.is_empty() {
                        <p class="hypothese" id="territoire-hypothese">{ t.notes.join(" ") }</p>
                    }

                    <table class="figures" id="territoire-communes" tabindex="0">
                        <caption>{ &t.caption }<ClauseTag clause={fee_clause} /></caption>
                        <thead><tr>{ for table.columns.iter().map(sort_button) }</tr></thead>
                        <tbody>{ for table.communes.iter().map(|[name, schools, fee, total, next]| html! { <tr>
                            <th scope="row">{ name }</th>
                            <td class="num">{ schools }</td>
                            <td class="money">{ fee }</td>
                            <td class="money">{ total }</td>
                            <td>{ next }</td>
                        </tr> }) }</tbody>
                        <tfoot><tr>
                            <th scope="row">{ "Territoire" }</th>
                            <td class="num">{ &t.totals[0] }</td>
                            <td class="money">{ &t.totals[1] }</td>
                            <td class="money">{ &t.totals[2] }</td>
                            <td></td>
                        </tr></tfoot>
                    </table>
                    <table class="figures" id="territoire-annexe2" tabindex="0">
                        <caption>{ "Annexe 2 : les années en cours face à la référence " }<ClauseTag clause={shares_clause} /></caption>
                        <thead><tr><th scope="col">{ "Poste" }</th><th scope="col">{ "Années en cours" }</th><th scope="col">{ &t.reference_header }</th></tr></thead>
                        <tbody>{ for t.shares.iter().map(|[label, real, reference]| html! {
                            <tr><th scope="row">{ label }</th><td class="money">{ real }</td><td class="money">{ reference }</td></tr>
                        }) }</tbody>
                        <tfoot><tr><th scope="row">{ "Total" }</th><td class="money">{ &t.shares_totals[0] }</td><td class="money">{ &t.shares_totals[1] }</td></tr></tfoot>
                    </table>
                    <Why explain={{ let why = t.shares_why.clone(); Callback::from(move |_| why.clone()) }} />
                    <table class="figures" id="territoire-exercices" tabindex="0">
                        <caption>{ "Redevances du territoire par exercice budgétaire " }<ClauseTag clause={title_clause} /></caption>
                        <thead><tr><th scope="col">{ "Exercice" }</th><th scope="col">{ "Montant" }</th></tr></thead>
                        <tbody>{ for t.budget_years.iter().map(|(year, fee, _)| html! { <tr><th scope="row">{ year }</th><td class="money">{ fee }</td></tr> }) }</tbody>
                    </table>
                    <figure class="chart" tabindex="0" aria-label="Graphique des redevances du territoire par exercice">
                        <svg viewBox={format!("0 0 {} {}", fixed(w, 0), fixed(h, 0))} role="img" aria-label={t.chart_label()}>
                            { for t.budget_years.iter().enumerate().map(|(i, (year, fee, cents))| {
                                let height = (h - top - bottom) * *cents as f64 / max as f64;
                                let x = 8.0 + slot * i as f64 + slot * 0.15;
                                html! { <g>
                                    <rect class="bar s0" x={fixed(x, 1)} y={fixed(h - bottom - height, 1)} width={fixed((slot * 0.7).max(0.5), 1)} height={fixed(height, 1)}><title>{ format!("{year} : {fee}") }</title></rect>
                                    <text class="axis" x={fixed(x + slot * 0.35, 1)} y={fixed(h - 10.0, 0)} text-anchor="middle">{ year }</text>
                                </g> }
                            }) }
                        </svg>
                        <figcaption>{ "Montant des titres de recette du territoire par exercice (en euros)" }</figcaption>
                    </figure>
                    <table class="figures" id="territoire-exercices-communes" tabindex="0">
                        <caption>{ "Redevances de chaque commune par exercice budgétaire " }<ClauseTag clause={title_clause} /></caption>
                        <thead><tr>
                            <th scope="col">{ "Commune" }</th>
                            { for t.budget_years.iter().map(|(year, _, _)| html! { <th scope="col">{ year }</th> }) }
                        </tr></thead>
                        <tbody>{ for table.communes_budget.iter().map(|(name, fees)| html! { <tr>
                            <th scope="row">{ name }</th>
                            { for fees.iter().map(|f| html! { <td class="money">{ f }</td> }) }
                        </tr> }) }</tbody>
                        <tfoot><tr>
                            <th scope="row">{ "Territoire" }</th>
                            { for t.budget_years.iter().map(|(_, fee, _)| html! { <td class="money">{ fee }</td> }) }
                        </tr></tfoot>
                    </table>
                    <table class="figures" id="territoire-titres" tabindex="0">
                        <caption>{ "Titres de recette par mois " }<ClauseTag clause={title_clause} /></caption>
                        <thead><tr><th scope="col">{ "Mois" }</th><th scope="col">{ "Titres" }</th><th scope="col">{ "Montant" }</th></tr></thead>
                        <tbody>{ for t.titles.iter().map(|(month, titles, amount)| html! {
                            <tr><th scope="row">{ month }</th><td class="num">{ titles }</td><td class="money">{ amount }</td></tr>
                        }) }</tbody>
                    </table>
                    <h3>{ &t.late.0 }{ " " }<ClauseTag clause={list_clause} /></h3>
                    <p class="hypothese">{ &t.late.1 }</p>
                    { match &t.late.2 {
                        Err(none) => html! { <p id="listes-tardives">{ none }</p> },
                        Ok(lines) => html! { <ul id="listes-tardives">{ for lines.iter().map(|l| html! { <li>{ l }</li> }) }</ul> },
                    } }
                    <div class="toolbar">
                        <button type="button" onclick={save(SpreadsheetFormat::Xlsx)}>{ "Territoire (.xlsx)" }</button>
                        <button type="button" onclick={save(SpreadsheetFormat::Ods)}>{ "Territoire (.ods)" }</button>
                        <button type="button" onclick={calendar}>{ "Échéances de toutes les communes (.ics)" }</button>
                        <button type="button" onclick={files.clear}>{ "Fermer ces fichiers" }</button>
                    </div>
                    <p class="hint">{ "Le classeur : une feuille « Territoire » (chaque commune, les exercices, les titres par mois) et une feuille par commune." }</p>
                    if let Some((error, text)) = (*status).clone() {
                        <p class={classes!("export-status", error.then_some("error"))} role="status" aria-live="polite" id="territoire-statut">{ text }</p>
                    }
                </div>
            }
        </details>
    }
}
