//! The papers: the Annex 1 list (.xlsx, .ods, from a worker loaded on demand), the calendar
//! (.ics), the draft deliberation, and the yearly list's e-mail and letter.

use std::rc::Rc;

use chrono::NaiveDate;
use yew::prelude::*;

use super::browser;
use super::field::{Field, Select};
use super::use_exporter::{ExportJob, Exporter};
use super::why::ClauseTag;
use crate::engine::dates::{fr, next_day};
use crate::engine::r5_r6_access::{ListDates, r6_yearly_list};
use crate::engine::{Clause, Scenario, Simulation};
use crate::io::exports::worker::{DocumentFormat, ExportRequest, SpreadsheetFormat};
use crate::io::exports::{ics, letter};
use crate::io::scenario::to_string_pretty;
use crate::web::share::file_stem;

#[derive(Properties, PartialEq)]
pub struct DocumentsProps {
    pub scenario: Rc<Scenario>,
    pub sim: Rc<Simulation>,
    pub today: NaiveDate,
    /// How many fields of the open simulation are invalid: documents wait until none is.
    pub errors: usize,
}

#[function_component(Documents)]
pub fn documents(p: &DocumentsProps) -> Html {
    let status = use_state(|| None::<(bool, String)>);
    let reminder = use_state(|| "7".to_string());
    let past = use_state(|| ics::PastEvents::Mark);
    let base = file_stem(&p.scenario.commune.name);

    let export = use_context::<Exporter>().map(|e| e.0).unwrap_or_default();
    let spreadsheet = |format: SpreadsheetFormat| {
        let export = export.clone();
        let scenario = p.scenario.clone();
        let base = base.clone();
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            export.emit(ExportJob::download(
                ExportRequest::Annex1 {
                    format,
                    scenario: to_string_pretty(&scenario),
                },
                format!("{base}-annexe1.{}", format.extension()),
                &status,
            ))
        })
    };

    let budget_csv = {
        let (export, scenario, base, status) = (
            export.clone(),
            p.scenario.clone(),
            base.clone(),
            status.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            export.emit(ExportJob::download(
                ExportRequest::BudgetCsv {
                    scenario: to_string_pretty(&scenario),
                },
                format!("{base}-budget.csv"),
                &status,
            ))
        })
    };
    let list_letter_odt = {
        let (export, scenario, base, status, today) = (
            export.clone(),
            p.scenario.clone(),
            base.clone(),
            status.clone(),
            p.today,
        );
        Callback::from(move |_: MouseEvent| {
            export.emit(ExportJob::download(
                ExportRequest::ListLetter {
                    format: DocumentFormat::Odt,
                    scenario: to_string_pretty(&scenario),
                    today: crate::engine::dates::iso(today),
                },
                format!("{base}-lettre-liste.odt"),
                &status,
            ))
        })
    };
    let calendar = {
        let scenario = p.scenario.clone();
        let sim = p.sim.clone();
        let today = p.today;
        let reminder = reminder.clone();
        let past = past.clone();
        let status = status.clone();
        let base = base.clone();
        let export = export.clone();
        Callback::from(move |_: MouseEvent| {
            let days = reminder.trim().parse::<u32>().ok().filter(|d| *d <= 365);
            let Some(days) = days else {
                status.set(Some((
                    true,
                    "Le rappel est un nombre de jours entre 0 et 365.".into(),
                )));
                return;
            };
            // Written in the export worker, like every document: the calendar's writer stays
            // out of the first load.
            export.emit(ExportJob::download_saying(
                ExportRequest::Calendar {
                    scenario: to_string_pretty(&scenario),
                    today: crate::engine::dates::iso(today),
                    reminder_days: days,
                    past: *past,
                },
                format!("{base}-echeances.ics"),
                &status,
                format!(
                    "Calendrier prêt : {} échéances, rappel {days} jours avant.",
                    sim.deadlines.len()
                ),
            ))
        })
    };
    // The draft is written in the export worker when asked for: with the convention's text,
    // its .odt writer and 600 schools, it stays out of the first load and of every keystroke.
    let ask_draft = {
        let scenario = p.scenario.clone();
        move |format: DocumentFormat| ExportRequest::Deliberation {
            format,
            scenario: to_string_pretty(&scenario),
        }
    };
    let open_draft = {
        let (export, status, ask) = (export.clone(), status.clone(), ask_draft.clone());
        Callback::from(move |_: MouseEvent| {
            export.emit(ExportJob::show_in_tab(ask(DocumentFormat::Html), &status))
        })
    };
    let save_draft = |format: DocumentFormat| {
        let (export, status, ask, base) = (
            export.clone(),
            status.clone(),
            ask_draft.clone(),
            base.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            export.emit(ExportJob::download(
                ask(format),
                format!("{base}-deliberation.{}", format.extension()),
                &status,
            ))
        })
    };
    let save_sheet = {
        let (export, status, scenario, base) = (
            export.clone(),
            status.clone(),
            p.scenario.clone(),
            base.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            export.emit(ExportJob::download(
                ExportRequest::PreparationSheet {
                    format: DocumentFormat::Odt,
                    scenario: to_string_pretty(&scenario),
                },
                format!("{base}-fiche-preparation.odt"),
                &status,
            ))
        })
    };
    let copy_draft = {
        let (export, status, ask) = (export.clone(), status.clone(), ask_draft.clone());
        Callback::from(move |_: MouseEvent| {
            // Two flavours: the HTML elements, then the plain text, then both at once.
            let (export_text, status_done, ask_text) =
                (export.clone(), status.clone(), ask.clone());
            export.emit(ExportJob {
                status: status.clone(),
                failed: None,
                request: ask(DocumentFormat::HtmlBody),
                done: Callback::from(move |html: Vec<u8>| {
                    let html = String::from_utf8_lossy(&html).into_owned();
                    let status_done = status_done.clone();
                    export_text.emit(ExportJob {
                        status: status_done.clone(),
                        failed: None,
                        request: ask_text(DocumentFormat::Text),
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
    // The draft shown in the page: made when the person opens it and again at each change of
    // the scenario while open; an answer for an older scenario is dropped (a page never shows
    // another simulation's draft, nor an outdated one).
    let show_draft = use_state(|| false);
    let shown_draft = use_state(|| None::<String>);
    let generation = use_mut_ref(|| 0_u64);
    {
        let (shown_draft, export, ask, status) = (
            shown_draft.clone(),
            export.clone(),
            ask_draft.clone(),
            status.clone(),
        );
        let generation = generation.clone();
        use_effect_with((p.scenario.clone(), *show_draft), move |(_, open)| {
            *generation.borrow_mut() += 1;
            shown_draft.set(None);
            if *open {
                let asked = *generation.borrow();
                let generation = generation.clone();
                export.emit(ExportJob {
                    status: status.clone(),
                    failed: None,
                    request: ask(DocumentFormat::HtmlBody),
                    done: Callback::from(move |bytes: Vec<u8>| {
                        if *generation.borrow() == asked {
                            shown_draft.set(Some(String::from_utf8_lossy(&bytes).into_owned()));
                            status.set(None);
                        }
                    }),
                });
            }
        });
    }
    let toggle_draft = {
        let show_draft = show_draft.clone();
        Callback::from(move |e: Event| {
            let el: web_sys::HtmlElement = e.target_unchecked_into();
            show_draft.set(el.has_attribute("open"));
        })
    };
    let dates: Vec<ListDates> = p.scenario.schools.iter().map(ListDates::from).collect();
    let list = r6_yearly_list(p.scenario.convention.notified, &dates, p.today);
    let prepared = use_state(|| None::<letter::ListMessage>);
    {
        // A message prepared for another scenario is dropped.
        let prepared = prepared.clone();
        use_effect_with(p.scenario.clone(), move |_| prepared.set(None));
    }
    let prepare = {
        let prepared = prepared.clone();
        let scenario = p.scenario.clone();
        let today = p.today;
        Callback::from(move |_: MouseEvent| {
            prepared.set(Some(letter::list_message(&scenario, today)))
        })
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
        Callback::from(move |v: String| {
            past.set(if v == "omettre" {
                ics::PastEvents::LeaveOut
            } else {
                ics::PastEvents::Mark
            })
        })
    };
    let blocked = p.errors > 0;
    html! {
        <section class="documents" aria-labelledby="documents-titre">
            <h2 id="documents-titre">{ "Documents" }</h2>
            if blocked { <p class="error" id="documents-bloques">{ format!("Documents indisponibles : {} champ{} à corriger d'abord. Un document ne reprend jamais les chiffres d'une saisie dépassée.", p.errors, if p.errors > 1 { "s" } else { "" }) }</p> }
            <h3>{ "Liste des écoles (annexe 1) " }<ClauseTag clause={Clause::Annexe1Administrator} /></h3>
            <p class="hint">{ "« Au format Excel ou open office » : les écoles éligibles, leurs administrateurs, les contacts de la commune ; une feuille des redevances." }</p>
            <div class="toolbar">
                { for SpreadsheetFormat::ALL.map(|f| html! {
                    <button type="button" disabled={blocked} aria-describedby={blocked.then_some("documents-bloques")} id={format!("export-{}", f.extension())} onclick={spreadsheet(f)}>{ format!("Liste annexe 1 (.{})", f.extension()) }</button>
                }) }
            </div>
            <h3>{ "Budget par exercice " }<ClauseTag clause={Clause::Art6Title} /></h3>
            <p class="hint">{ "Les titres de recette de chaque exercice, par école et par groupe scolaire (les deux lectures), avec le total de l'exercice : aussi dans la feuille « Budget » des listes ci-dessus." }</p>
            <button type="button" disabled={blocked} aria-describedby={blocked.then_some("documents-bloques")} id="export-budget" onclick={budget_csv}>{ "Budget par exercice (.csv)" }</button>
            <h3>{ "Calendrier des échéances" }</h3>
            <div class="row">
                <Field id="rappel" label="Rappel (jours avant chaque échéance à venir)" value={(*reminder).clone()} inputmode="numeric" oninput={on_reminder} />
                <Select id="echeances-passees" label="Échéances déjà passées" value={if *past == ics::PastEvents::LeaveOut { "omettre" } else { "marquer" }}
                    options={vec![("marquer", "gardées, marquées « (passée) », sans rappel"), ("omettre", "laissées de côté")]} onchange={on_past} />
            </div>
            <button type="button" disabled={blocked} aria-describedby={blocked.then_some("documents-bloques")} id="export-ics" onclick={calendar}>{ "Calendrier (.ics)" }</button>
            <h3>{ "Projet de délibération, convention et annexes" }</h3>
            <div class="toolbar">
                <button type="button" disabled={blocked} aria-describedby={blocked.then_some("documents-bloques")} id="deliberation-ouvrir" onclick={open_draft}>{ "Ouvrir pour imprimer" }</button>
                <button type="button" disabled={blocked} aria-describedby={blocked.then_some("documents-bloques")} id="deliberation-odt" onclick={save_draft(DocumentFormat::Odt)}>{ "Télécharger (.odt)" }</button>
                <button type="button" disabled={blocked} aria-describedby={blocked.then_some("documents-bloques")} id="deliberation-enregistrer" onclick={save_draft(DocumentFormat::Html)}>{ "Télécharger (.html)" }</button>
                <button type="button" disabled={blocked} aria-describedby={blocked.then_some("documents-bloques")} id="deliberation-copier" onclick={copy_draft}>{ "Copier" }</button>
                <button type="button" disabled={blocked} aria-describedby={blocked.then_some("documents-bloques")} id="fiche-preparation" onclick={save_sheet}>{ "Fiche de préparation (.odt)" }</button>
            </div>
            <p class="hint">{ "La fiche de préparation accompagne le projet sans en faire partie : données de transmission @ctes (nature, matière, numéro, objet, date), notes de travail et contrôles." }</p>
            <details class="draft" ontoggle={toggle_draft}><summary>{ "Voir le projet" }</summary>
                if *show_draft {
                    if let Some(body) = (*shown_draft).clone() {
                        <div class="draft-body" tabindex="0" role="region" aria-label="Projet de délibération">{ Html::from_html_unchecked(AttrValue::from(body)) }</div>
                    } else {
                        <p class="hint">{ "Préparation du projet…" }</p>
                    }
                }
            </details>
            <h3>{ format!("Liste annuelle à envoyer avant le {} ", fr(next_day(list.deadline))) }<ClauseTag clause={Clause::Annexe1YearlyList} /></h3>
            <p>{ format!("Changements depuis le {} : {} ajout(s), {} radiation(s), {} changement(s) de responsable. Dernier jour sûr : {}.",
                fr(list.since), list.additions.len(), list.removals.len(), list.admin_changes.len(), fr(list.deadline)) }</p>
            <button type="button" disabled={blocked} aria-describedby={blocked.then_some("documents-bloques")} id="preparer-liste" onclick={prepare}>{ "Préparer le courriel et la lettre" }</button>
            if let Some(m) = (*prepared).clone() {
                <div class="toolbar">
                    <a class="button primary" id="courriel-liste" href={m.mailto()}>{ "Ouvrir le courriel dans la messagerie" }</a>
                    <button type="button" onclick={copy_letter}>{ "Copier la lettre signée" }</button>
                    <button type="button" id="lettre-liste-odt" onclick={list_letter_odt}>{ "Lettre signée (.odt)" }</button>
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
