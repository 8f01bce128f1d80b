//! « Vue de la Métropole »: commune files opened together (kept in this page only), their
//! territory (`web::territory`): each commune, the totals, the Annexe 2 reference, the titles
//! of revenue by month, the lists changed late; the table sorted by any column.

use std::rc::Rc;

use chrono::{Datelike, NaiveDate};
use yew::prelude::*;

use super::use_exporter::{ExportJob, Exporter};
use super::why::{ClauseTag, Why};
use crate::engine::Clause;
use crate::engine::dates::fr;
use crate::engine::territory::{CommuneRow, late_lists_hypothesis, late_lists_title};
use crate::engine::text::fixed;
use crate::io::counts::FORMAT_HINT;
use crate::io::csv_text::{CsvText, decode};
use crate::io::exports::worker::{ExportRequest, SpreadsheetFormat};
use crate::web::territory::{
    FileKind, SortKey, TerritoryAction, TerritoryState, calendar_request, export_request, sorted,
};

/// The view's state as a Yew reducer.
#[derive(Clone, Debug, Default, PartialEq)]
struct Store(TerritoryState);

impl Reducible for Store {
    type Action = TerritoryAction;

    fn reduce(self: Rc<Self>, action: TerritoryAction) -> Rc<Self> {
        let mut next = self.0.clone();
        next.apply(action);
        Rc::new(Store(next))
    }
}

#[derive(Properties, PartialEq)]
pub struct TerritoryProps {
    pub today: NaiveDate,
}

#[function_component(TerritoryPanel)]
pub fn territory_panel(p: &TerritoryProps) -> Html {
    let store = use_reducer(Store::default);
    let readers = use_mut_ref(Vec::<gloo_file::callbacks::FileReader>::new);
    // Each file chosen gets the next rank: the table keeps the order chosen.
    let chosen = use_mut_ref(|| 0_usize);
    let today = p.today;
    let export = use_context::<Exporter>().map(|e| e.0).unwrap_or_default();
    let status = use_state_eq(|| None::<(bool, String)>);
    // What the worker says of the lists it reads (apart from the documents' status).
    let reading = use_state_eq(|| None::<(bool, String)>);
    // Bumped by « Fermer ces fichiers »: a list the worker answers for afterwards is dropped.
    let opened = use_mut_ref(|| 0_u32);
    // Lists the worker is reading: « Lecture du fichier… » stays until the last answers.
    let pending = use_mut_ref(|| 0_u32);
    let on_files = {
        let (dispatcher, readers, chosen) = (store.dispatcher(), readers.clone(), chosen.clone());
        let (export, reading, opened) = (export.clone(), reading.clone(), opened.clone());
        let pending = pending.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let Some(files) = input.files() else { return };
            for i in 0..files.length() {
                let Some(file) = files.get(i) else { continue };
                let kind = FileKind::of(&file.name());
                // A folder brings every file it holds: only the scenarios and lists are read.
                if input.has_attribute("webkitdirectory") && kind.is_none() {
                    continue;
                }
                let (name, dispatcher) = (file.name(), dispatcher.clone());
                let rank = {
                    let mut n = chosen.borrow_mut();
                    *n += 1;
                    *n
                };
                let file = gloo_file::File::from(file);
                let task = if kind == Some(FileKind::Counts) {
                    // The list's cells are read in the worker (the csv crate stays out of the
                    // page); a file that is no text is refused here, without the worker.
                    let (export, reading, opened) =
                        (export.clone(), reading.clone(), opened.clone());
                    let pending = pending.clone();
                    let generation = *opened.borrow();
                    gloo_file::callbacks::read_as_bytes(&file, move |read| {
                        let bytes = match read {
                            Ok(bytes) => bytes,
                            Err(_) => {
                                return dispatcher.dispatch(TerritoryAction::Unreadable(name));
                            }
                        };
                        if let Err(why) = decode(&bytes) {
                            return dispatcher.dispatch(TerritoryAction::NotAList(name, why));
                        }
                        if *opened.borrow() != generation {
                            return;
                        }
                        *pending.borrow_mut() += 1;
                        // Whether the answer is for the files still open; if so, one list
                        // fewer is being read, and « Lecture du fichier… » goes with the last.
                        let answered = {
                            let (opened, pending, reading) =
                                (opened.clone(), pending.clone(), reading.clone());
                            move || {
                                if *opened.borrow() != generation {
                                    return false;
                                }
                                let mut n = pending.borrow_mut();
                                *n = n.saturating_sub(1);
                                if *n == 0 {
                                    reading.set(None);
                                }
                                true
                            }
                        };
                        let answered_too = answered.clone();
                        export.emit(ExportJob {
                            request: ExportRequest::ReadCsv {
                                bytes,
                                separator: None,
                            },
                            status: reading.clone(),
                            failed: Some({
                                let (dispatcher, name) = (dispatcher.clone(), name.clone());
                                Callback::from(move |why: String| {
                                    if answered_too() {
                                        dispatcher
                                            .dispatch(TerritoryAction::NotAList(name.clone(), why))
                                    }
                                })
                            }),
                            done: Callback::from(move |json: Vec<u8>| {
                                if !answered() {
                                    return;
                                }
                                // Read as text: the page's JSON reader is already there for text.
                                let read = std::str::from_utf8(&json)
                                    .ok()
                                    .and_then(|t| serde_json::from_str::<CsvText>(t).ok());
                                dispatcher.dispatch(match read {
                                    Some(read) => TerritoryAction::ReadCounts(
                                        rank,
                                        name.clone(),
                                        read.numbered(),
                                        today,
                                    ),
                                    None => TerritoryAction::Unreadable(name.clone()),
                                })
                            }),
                        });
                    })
                } else {
                    gloo_file::callbacks::read_as_text(&file, move |read| {
                        dispatcher.dispatch(match read {
                            Ok(text) => TerritoryAction::Read(rank, name, text),
                            Err(_) => TerritoryAction::Unreadable(name),
                        })
                    })
                };
                readers.borrow_mut().push(task);
            }
            input.set_value("");
        })
    };
    let calendar = {
        let (export, status, state) = (export.clone(), status.clone(), store.0.clone());
        Callback::from(move |_: MouseEvent| {
            let (request, file_name) = calendar_request(&state, today);
            export.emit(ExportJob::download(request, file_name, &status))
        })
    };
    let clear = {
        let (dispatcher, readers, status) = (store.dispatcher(), readers.clone(), status.clone());
        let (reading, opened, pending) = (reading.clone(), opened.clone(), pending.clone());
        Callback::from(move |_: MouseEvent| {
            // Reads still running are dropped (cancelled) with the files, and the lists the
            // worker is reading are dropped when it answers.
            readers.borrow_mut().clear();
            *opened.borrow_mut() += 1;
            *pending.borrow_mut() = 0;
            status.set(None);
            reading.set(None);
            dispatcher.dispatch(TerritoryAction::Clear)
        })
    };
    let state = &store.0;
    let save = |format: SpreadsheetFormat| {
        let (export, status, state) = (export.clone(), status.clone(), state.clone());
        Callback::from(move |_: MouseEvent| {
            let (request, file_name) = export_request(&state, format, today);
            export.emit(ExportJob::download(request, file_name, &status))
        })
    };
    let t = use_memo((state.files.clone(), today), |(_, today)| {
        Rc::new(state.territory(*today))
    });
    let order = sorted(&t, state.sort);
    let notes = state.notes();
    // A commune's line: its file's name, and its commune's when that differs.
    let label = |c: &CommuneRow| match &c.commune {
        Some(n) if *n != c.name => format!("{} ({n})", c.name),
        _ => c.name.clone(),
    };
    let sort_button = |key: SortKey| {
        let dispatcher = store.dispatcher();
        let (aria_sort, arrow) = match state.sort {
            Some((k, false)) if k == key => ("ascending", " ▲"),
            Some((k, true)) if k == key => ("descending", " ▼"),
            _ => ("none", ""),
        };
        html! {
            <th scope="col" aria-sort={aria_sort}>
                <button type="button" class="link sort" onclick={Callback::from(move |_: MouseEvent| dispatcher.dispatch(TerritoryAction::SortBy(key)))}>
                    { key.label() }<span aria-hidden="true">{ arrow }</span>
                </button>
            </th>
        }
    };
    let max = t
        .budget_years
        .iter()
        .map(|(_, f)| f.cents())
        .max()
        .unwrap_or(0)
        .max(1);
    let (w, h, top, bottom) = (600.0, 200.0, 16.0, 28.0);
    let slot = 584.0 / t.budget_years.len().max(1) as f64;
    html! {
        <details class="territory" id="territoire">
            <summary>{ "Vue de la Métropole : plusieurs communes" }</summary>
            <p class="hint">{ format!("Un fichier de scénario (.json) par commune, ou une liste des communes avec leur nombre d'écoles (.csv, {FORMAT_HINT}). Les fichiers restent dans cette page : ils ne sont ni enregistrés ni envoyés, et ne s'ajoutent pas à « Mes simulations ».") }</p>
            <div class="field">
                <label for="fichiers-communes">{ "Fichiers des communes (.json ou .csv, plusieurs à la fois)" }</label>
                <input type="file" id="fichiers-communes" multiple=true accept=".json,.csv,application/json,text/csv" onchange={on_files.clone()} />
            </div>
            <div class="field">
                <label for="dossier-communes">{ "Ou tout un dossier (ses fichiers .json et .csv)" }</label>
                <input type="file" id="dossier-communes" webkitdirectory=true multiple=true onchange={on_files} />
            </div>
            <div role="status" aria-live="polite">
                if let Some((error, text)) = (*reading).clone() {
                    <p class={classes!("export-status", error.then_some("error"))} id="lecture-liste">{ text }</p>
                }
                if !state.refused.is_empty() {
                    <ul class="error" id="communes-refusees">{ for state.refused.iter().map(|m| html! { <li>{ m }</li> }) }</ul>
                }
                if !state.skipped.is_empty() {
                    <ul class="hint" id="communes-non-comptees">{ for state.skipped.iter().map(|m| html! { <li>{ m }</li> }) }</ul>
                }
            </div>
            if !state.files.is_empty() {
                <div class="territory-figures">
                    <p id="territoire-adhesion">{ format!(
                        "Au {} : {} commune{} sur {} avec au moins une école ayant accès, {} école{} sur {}.",
                        fr(t.today), t.joined_communes, if t.joined_communes > 1 { "s" } else { "" }, t.communes_in_metropole,
                        t.joined_schools, if t.joined_schools > 1 { "s" } else { "" }, t.schools_in_metropole) }
                    </p>
                    if !notes.is_empty() {
                        <p class="hypothese" id="territoire-hypothese">{ notes.join(" ") }</p>
                    }

                    <table class="figures" id="territoire-communes" tabindex="0">
                        <caption>{ format!("Communes ({}) — cliquer un titre de colonne pour trier ", t.communes.len()) }<ClauseTag clause={Clause::Art6Fee} /></caption>
                        <thead><tr>{ for SortKey::ALL.into_iter().map(sort_button) }</tr></thead>
                        <tbody>{ for order.iter().map(|&i| {
                            let c = &t.communes[i];
                            html! { <tr>
                                <th scope="row">{ label(c) }</th>
                                <td class="num">{ c.schools_with_access }</td>
                                <td class="money">{ c.current_year_fee.to_string() }</td>
                                <td class="money">{ c.total.to_string() }</td>
                                <td>{ c.next_deadline.as_ref().map(|d| format!("{} — {}", fr(d.date), d.kind.label())).unwrap_or_else(|| "—".into()) }</td>
                            </tr> }
                        }) }</tbody>
                        <tfoot><tr>
                            <th scope="row">{ "Territoire" }</th>
                            <td class="num">{ t.joined_schools }</td>
                            <td class="money">{ t.current_year_total.to_string() }</td>
                            <td class="money">{ t.total.to_string() }</td>
                            <td></td>
                        </tr></tfoot>
                    </table>
                    <table class="figures" id="territoire-annexe2" tabindex="0">
                        <caption>{ "Annexe 2 : les années en cours face à la référence " }<ClauseTag clause={Clause::Annexe2Costs} /></caption>
                        <thead><tr><th scope="col">{ "Poste" }</th><th scope="col">{ "Années en cours" }</th><th scope="col">{ format!("Référence : {} écoles", t.schools_in_metropole) }</th></tr></thead>
                        <tbody>{ for t.current_year_shares.value.parts().iter().zip(t.reference_shares.parts()).map(|((label, pct, real), (_, _, reference))| html! {
                            <tr><th scope="row">{ format!("{label} ({pct} %)") }</th><td class="money">{ real.to_string() }</td><td class="money">{ reference.to_string() }</td></tr>
                        }) }</tbody>
                        <tfoot><tr><th scope="row">{ "Total" }</th><td class="money">{ t.current_year_total.to_string() }</td><td class="money">{ t.reference.to_string() }</td></tr></tfoot>
                    </table>
                    <Why explain={{ let why = t.current_year_shares.why.clone(); Callback::from(move |_| why.clone()) }} />
                    <table class="figures" id="territoire-exercices" tabindex="0">
                        <caption>{ "Redevances du territoire par exercice budgétaire " }<ClauseTag clause={Clause::Art6Title} /></caption>
                        <thead><tr><th scope="col">{ "Exercice" }</th><th scope="col">{ "Montant" }</th></tr></thead>
                        <tbody>{ for t.budget_years.iter().map(|(year, fee)| html! { <tr><th scope="row">{ year }</th><td class="money">{ fee.to_string() }</td></tr> }) }</tbody>
                    </table>
                    <figure class="chart" tabindex="0" aria-label="Graphique des redevances du territoire par exercice">
                        <svg viewBox={format!("0 0 {} {}", fixed(w, 0), fixed(h, 0))} role="img" aria-label={t.budget_years.iter().map(|(y, f)| format!("{y} : {f}")).collect::<Vec<_>>().join(", ")}>
                            { for t.budget_years.iter().enumerate().map(|(i, (year, fee))| {
                                let height = (h - top - bottom) * fee.cents() as f64 / max as f64;
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
                        <caption>{ "Redevances de chaque commune par exercice budgétaire " }<ClauseTag clause={Clause::Art6Title} /></caption>
                        <thead><tr>
                            <th scope="col">{ "Commune" }</th>
                            { for t.budget_years.iter().map(|(year, _)| html! { <th scope="col">{ year }</th> }) }
                        </tr></thead>
                        <tbody>{ for order.iter().map(|&i| {
                            let c = &t.communes[i];
                            html! { <tr>
                                <th scope="row">{ label(c) }</th>
                                { for t.budget_years.iter().map(|(year, _)| html! {
                                    <td class="money">{ c.budget.iter().find(|(y, _)| y == year).map(|(_, f)| f.to_string()).unwrap_or_else(|| "—".into()) }</td>
                                }) }
                            </tr> }
                        }) }</tbody>
                        <tfoot><tr>
                            <th scope="row">{ "Territoire" }</th>
                            { for t.budget_years.iter().map(|(_, fee)| html! { <td class="money">{ fee.to_string() }</td> }) }
                        </tr></tfoot>
                    </table>
                    <table class="figures" id="territoire-titres" tabindex="0">
                        <caption>{ "Titres de recette par mois " }<ClauseTag clause={Clause::Art6Title} /></caption>
                        <thead><tr><th scope="col">{ "Mois" }</th><th scope="col">{ "Titres" }</th><th scope="col">{ "Montant" }</th></tr></thead>
                        <tbody>{ for t.titles_by_month.iter().map(|m| html! {
                            <tr><th scope="row">{ format!("{:02}/{}", m.month, m.year) }</th><td class="num">{ m.titles }</td><td class="money">{ m.amount.to_string() }</td></tr>
                        }) }</tbody>
                    </table>
                    <h3>{ late_lists_title() }{ " " }<ClauseTag clause={Clause::Annexe1YearlyList} /></h3>
                    <p class="hypothese">{ late_lists_hypothesis() }</p>
                    { if t.communes.iter().all(|c| c.late_list_changes.is_empty()) {
                        html! { <p id="listes-tardives">{ format!("Aucune commune cette année ({}).", t.today.year()) }</p> }
                    } else {
                        html! { <ul id="listes-tardives">{ for t.communes.iter().filter(|c| !c.late_list_changes.is_empty()).map(|c| html! {
                            <li>{ format!("{} : {}", c.name, c.late_list_changes.iter().map(|d| fr(*d)).collect::<Vec<_>>().join(", ")) }</li>
                        }) }</ul> }
                    } }
                    <div class="toolbar">
                        <button type="button" onclick={save(SpreadsheetFormat::Xlsx)}>{ "Territoire (.xlsx)" }</button>
                        <button type="button" onclick={save(SpreadsheetFormat::Ods)}>{ "Territoire (.ods)" }</button>
                        <button type="button" onclick={calendar}>{ "Échéances de toutes les communes (.ics)" }</button>
                        <button type="button" onclick={clear}>{ "Fermer ces fichiers" }</button>
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
