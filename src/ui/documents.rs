//! The papers: the Annex 1 list (.xlsx, .ods, from a worker loaded on demand), the calendar
//! (.ics), the draft deliberation, and the yearly list's e-mail and letter. Draws
//! `web::views::documents`; every document is asked of the export worker.

use std::rc::Rc;

use chrono::NaiveDate;
use yew::prelude::*;

use super::browser;
use super::field::{Field, Select};
use super::use_exporter::{ExportJob, Exporter};
use super::use_worker_text::use_worker_text;
use super::why::ClauseTag;
use crate::web::app::worker::{DocumentFormat, SpreadsheetFormat};
use crate::web::app::{ListMessage, PastEvents};
use crate::web::live::Figures;
use crate::web::views::documents::DocumentsView;

#[derive(Properties, PartialEq)]
pub struct DocumentsProps {
    pub figures: Figures,
    pub today: NaiveDate,
    /// How many fields of the open simulation are invalid: documents wait until none is.
    pub errors: usize,
}

#[function_component(Documents)]
pub fn documents(p: &DocumentsProps) -> Html {
    let status = use_state(|| None::<(bool, String)>);
    let reminder = use_state(|| "7".to_string());
    let past = use_state(|| PastEvents::Mark);
    let view = Rc::new(DocumentsView::of(&p.figures, p.today));
    let export = use_context::<Exporter>().map(|e| e.0).unwrap_or_default();

    // A document to download: its request and file name, from the view.
    let download = |job: fn(&DocumentsView) -> (crate::web::app::worker::ExportRequest, String)| {
        let (export, status, view) = (export.clone(), status.clone(), view.clone());
        Callback::from(move |_: MouseEvent| {
            let (request, file) = job(&view);
            export.emit(ExportJob::download(request, file, &status))
        })
    };
    let spreadsheet = |format: SpreadsheetFormat| {
        let (export, status, view) = (export.clone(), status.clone(), view.clone());
        Callback::from(move |_: MouseEvent| {
            let (request, file) = view.annex1(format);
            export.emit(ExportJob::download(request, file, &status))
        })
    };
    let avenant = |format: DocumentFormat| {
        let (export, status, view) = (export.clone(), status.clone(), view.clone());
        Callback::from(move |_: MouseEvent| {
            let (request, file) = view.avenant_draft(format);
            export.emit(ExportJob::download(request, file, &status))
        })
    };
    let calendar = {
        let (export, status, view) = (export.clone(), status.clone(), view.clone());
        let (reminder, past) = (reminder.clone(), past.clone());
        Callback::from(move |_: MouseEvent| match view.calendar(&reminder, *past) {
            // Written in the export worker, like every document: the calendar's writer stays
            // out of the first load.
            Ok((request, file, said)) => {
                export.emit(ExportJob::download_saying(request, file, &status, said))
            }
            Err(message) => status.set(Some((true, message))),
        })
    };
    // The draft is written in the export worker when asked for: with the convention's text,
    // its .odt writer and 600 schools, it stays out of the first load and of every keystroke.
    let open_draft = {
        let (export, status, view) = (export.clone(), status.clone(), view.clone());
        Callback::from(move |_: MouseEvent| {
            export.emit(ExportJob::show_in_tab(
                view.deliberation(DocumentFormat::Html),
                &status,
            ))
        })
    };
    let save_draft = |format: DocumentFormat| {
        let (export, status, view) = (export.clone(), status.clone(), view.clone());
        Callback::from(move |_: MouseEvent| {
            export.emit(ExportJob::download(
                view.deliberation(format),
                view.deliberation_file(format),
                &status,
            ))
        })
    };
    let copy_draft = {
        let (export, status, view) = (export.clone(), status.clone(), view.clone());
        Callback::from(move |_: MouseEvent| {
            // Two flavours: the HTML elements, then the plain text, then both at once.
            let (export_text, status_done, view_text) =
                (export.clone(), status.clone(), view.clone());
            export.emit(ExportJob {
                status: status.clone(),
                failed: None,
                request: view.deliberation(DocumentFormat::HtmlBody),
                done: Callback::from(move |html: Vec<u8>| {
                    let html = String::from_utf8_lossy(&html).into_owned();
                    let status_done = status_done.clone();
                    export_text.emit(ExportJob {
                        status: status_done.clone(),
                        failed: None,
                        request: view_text.deliberation(DocumentFormat::Text),
                        done: Callback::from(move |text: Vec<u8>| {
                            browser::copy_formatted(&html, &String::from_utf8_lossy(&text));
                            status_done.set(Some((
                                false,
                                "Projet de délibération copié (texte mis en forme).".into(),
                            )));
                        }),
                    })
                }),
            })
        })
    };
    // The draft shown in the page, for the figures shown now only.
    let show_draft = use_state(|| false);
    let shown_draft = {
        let view = view.clone();
        use_worker_text(
            p.figures.clone(),
            *show_draft,
            move || view.deliberation(DocumentFormat::HtmlBody),
            status.clone(),
        )
    };
    let toggle_draft = {
        let show_draft = show_draft.clone();
        Callback::from(move |e: Event| {
            let el: web_sys::HtmlElement = e.target_unchecked_into();
            show_draft.set(el.has_attribute("open"));
        })
    };
    let prepared = use_state(|| None::<ListMessage>);
    {
        // A message prepared for other figures is dropped.
        let prepared = prepared.clone();
        use_effect_with(p.figures.clone(), move |_| prepared.set(None));
    }
    let prepare = {
        let (prepared, view) = (prepared.clone(), view.clone());
        Callback::from(move |_: MouseEvent| prepared.set(Some(view.list_message())))
    };
    let copy_letter = {
        let prepared = prepared.clone();
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(m) = prepared.as_ref() {
                browser::copy(&m.letter);
                status.set(Some((false, "Lettre copiée.".into())));
            }
        })
    };
    let on_reminder = {
        let reminder = reminder.clone();
        Callback::from(move |v: String| reminder.set(v))
    };
    let on_past = {
        let past = past.clone();
        Callback::from(move |v: String| past.set(DocumentsView::past_of(&v)))
    };
    let blocked = p.errors > 0;
    html! {
        <section class="documents" aria-labelledby="documents-titre">
            <h2 id="documents-titre">{ "Documents" }</h2>
            if let Some(why) = DocumentsView::blocked(p.errors) { <p class="error" id="documents-bloques">{ why }</p> }
            <h3>{ DocumentsView::ANNEX1.0 }<ClauseTag clause={DocumentsView::ANNEX1.1} /></h3>
            <p class="hint">{ DocumentsView::ANNEX1.2 }</p>
            <div class="toolbar">
                { for SpreadsheetFormat::ALL.map(|f| html! {
                    <button type="button" disabled={blocked} aria-describedby={blocked.then_some("documents-bloques")} id={format!("export-{}", f.extension())} onclick={spreadsheet(f)}>{ format!("Liste annexe 1 (.{})", f.extension()) }</button>
                }) }
            </div>
            <h3>{ DocumentsView::BUDGET.0 }<ClauseTag clause={DocumentsView::BUDGET.1} /></h3>
            <p class="hint">{ DocumentsView::BUDGET.2 }</p>
            <button type="button" disabled={blocked} aria-describedby={blocked.then_some("documents-bloques")} id="export-budget" onclick={download(DocumentsView::budget_csv)}>{ "Budget par exercice (.csv)" }</button>
            <h3>{ "Calendrier des échéances" }</h3>
            <div class="row">
                <Field id="rappel" label="Rappel (jours avant chaque échéance à venir)" value={(*reminder).clone()} inputmode="numeric" oninput={on_reminder} />
                <Select id="echeances-passees" label="Échéances déjà passées" value={DocumentsView::past_code(*past)}
                    options={DocumentsView::PAST_OPTIONS.to_vec()} onchange={on_past} />
            </div>
            <button type="button" disabled={blocked} aria-describedby={blocked.then_some("documents-bloques")} id="export-ics" onclick={calendar}>{ "Calendrier (.ics)" }</button>
            <h3>{ "Projet de délibération, convention et annexes" }</h3>
            <div class="toolbar">
                <button type="button" disabled={blocked} aria-describedby={blocked.then_some("documents-bloques")} id="deliberation-ouvrir" onclick={open_draft}>{ "Ouvrir pour imprimer" }</button>
                <button type="button" disabled={blocked} aria-describedby={blocked.then_some("documents-bloques")} id="deliberation-odt" onclick={save_draft(DocumentFormat::Odt)}>{ "Télécharger (.odt)" }</button>
                <button type="button" disabled={blocked} aria-describedby={blocked.then_some("documents-bloques")} id="deliberation-enregistrer" onclick={save_draft(DocumentFormat::Html)}>{ "Télécharger (.html)" }</button>
                <button type="button" disabled={blocked} aria-describedby={blocked.then_some("documents-bloques")} id="deliberation-copier" onclick={copy_draft}>{ "Copier" }</button>
                <button type="button" disabled={blocked} aria-describedby={blocked.then_some("documents-bloques")} id="fiche-preparation" onclick={download(DocumentsView::preparation_sheet)}>{ "Fiche de préparation (.odt)" }</button>
            </div>
            <p class="hint">{ DocumentsView::SHEET_HINT }</p>
            <details class="draft" ontoggle={toggle_draft}><summary>{ "Voir le projet" }</summary>
                if *show_draft {
                    if let Some(body) = shown_draft {
                        <div class="draft-body" tabindex="0" role="region" aria-label="Projet de délibération">{ Html::from_html_unchecked(AttrValue::from(body)) }</div>
                    } else {
                        <p class="hint">{ "Préparation du projet…" }</p>
                    }
                }
            </details>
            if let Some((heading, hint)) = view.avenant() {
                <h3>{ heading }<ClauseTag clause={DocumentsView::AVENANT_CLAUSE} /></h3>
                <p class="hint">{ hint }</p>
                <div class="toolbar">
                    { for [(DocumentFormat::Odt, "avenant-odt"), (DocumentFormat::Html, "avenant-html"), (DocumentFormat::Text, "avenant-txt")].map(|(f, id)| html! {
                        <button type="button" disabled={blocked} aria-describedby={blocked.then_some("documents-bloques")} {id} onclick={avenant(f)}>{ format!("Télécharger (.{})", f.extension()) }</button>
                    }) }
                </div>
            }
            <h3>{ &view.list_title }<ClauseTag clause={view.list_clause} /></h3>
            <p>{ &view.list_changes }</p>
            <button type="button" disabled={blocked} aria-describedby={blocked.then_some("documents-bloques")} id="preparer-liste" onclick={prepare}>{ "Préparer le courriel et la lettre" }</button>
            if let Some(m) = (*prepared).clone() {
                <div class="toolbar">
                    <a class="button primary" id="courriel-liste" href={m.mailto()}>{ "Ouvrir le courriel dans la messagerie" }</a>
                    <button type="button" onclick={copy_letter}>{ "Copier la lettre signée" }</button>
                    <button type="button" id="lettre-liste-odt" onclick={download(DocumentsView::list_letter)}>{ "Lettre signée (.odt)" }</button>
                </div>
                <p><strong>{ "Objet : " }</strong>{ &m.subject }</p>
                <pre class="letter">{ &m.body }</pre>
                <details><summary>{ "Voir la lettre signée" }</summary><pre class="letter">{ &m.letter }</pre></details>
            }
            if let Some((error, text)) = (*status).clone() {
                <p class={classes!("export-status", error.then_some("error"))} role="status" aria-live="polite" id="export-statut">{ text }</p>
            }
        </section>
    }
}
