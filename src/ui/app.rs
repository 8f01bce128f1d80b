//! The page: inputs on one side, what the engine computed on the other.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use super::browser;
use super::browser::LocalKv;
use super::commune::CommuneForm;
use super::compare::ComparePanel;
use super::contacts::ContactsForm;
use super::convention::ConventionForm;
use super::deadlines::Deadlines;
use super::documents::Documents;
use super::eligibility::EligibilityList;
use super::fees::Fees;
use super::legality::Legality;
use super::meeting::MeetingForm;
use super::print_report::PrintReport;
use super::schools::SchoolsTable;
use super::share_link::ShareLink;
use super::shares::Shares;
use super::simulations::Simulations;
use super::state::{Dispatch, Msg, Store};
use super::summary::SummaryBand;
use super::termination::TerminationSim;
use super::territory::TerritoryPanel;
use super::toolbar::Toolbar;
use super::undo_bar::UndoBar;
use super::update_bar::UpdateBar;
use super::use_after_paint::use_after_paint;
use super::use_exporter::{Exporter, use_exporter};
use super::use_new_version::use_new_version;
use super::use_persistence::use_persistence;
use super::use_printing::use_printing;
use crate::web::app::schema::{Field, FieldRef};
use crate::web::app::{FieldError, errors_title, footer, print_header, to_complete};
use crate::web::draft::Draft;
use crate::web::live::{Figures, Live};
use crate::web::share::{decode_compare, decode_share, file_name, shared_name};
use crate::web::state::{Action, SimId};
use crate::web::storage;

/// The element that shows the field an error is about, to link the error to it; the errors
/// section itself for an error about no single field.
fn field_element(draft: &Draft, error: &FieldError) -> String {
    match error.field {
        Some(FieldRef::Scenario(f)) => f.element_id(),
        Some(FieldRef::Flag(f)) => f.element_id().to_string(),
        Some(FieldRef::School(i, f)) => draft
            .schools
            .get(i)
            .map_or_else(|| "ecoles-titre".to_string(), |s| f.element_id(s.id)),
        None => "erreurs".to_string(),
    }
}

/// The whole page.
#[function_component(App)]
pub fn app() -> Html {
    let store = use_reducer(|| Store(storage::load(&mut LocalKv, &browser::start())));
    let notice = use_state(|| None::<String>);
    let today = *use_memo((), |_| browser::today());
    let dispatch = Dispatch(store.dispatcher());
    // One export worker for the page, started when a document is first asked for.
    let exporter = Exporter(use_exporter());

    // A shared link (#s=…) opens as a simulation of its own, once, at start, and a comparison's
    // link (#comparer=…) as its simulations side by side; the address then names the
    // simulation and holds none of its data.
    // A link pasted into the address of a tab already open is opened the same way
    // (`hashchange`); the app's own addresses (`#sim=…`) are written without that event.
    {
        let dispatch = dispatch.clone();
        let notice = notice.clone();
        use_effect_with((), move |_| {
            let open = move || match decode_share(&browser::current_hash()) {
                Some(Ok(draft)) => {
                    notice.set(None);
                    dispatch.dispatch(Action::Import {
                        name: shared_name(&draft),
                        draft: Box::new(draft),
                    });
                }
                Some(Err(message)) => notice.set(Some(message)),
                // A comparison's link (#comparer=…): its simulations kept and set side by side.
                None => match decode_compare(&browser::current_hash()) {
                    Some(Ok(list)) => {
                        notice.set(None);
                        dispatch.dispatch(Action::ImportComparison(list))
                    }
                    Some(Err(message)) => notice.set(Some(message)),
                    None => {}
                },
            };
            open();
            let listener = web_sys::window()
                .map(|w| gloo_events::EventListener::new(&w, "hashchange", move |_| open()));
            move || drop(listener)
        });
    }
    use_persistence(&store);
    let new_version = use_new_version();
    let printing = use_printing();

    let entry_id = store.0.library.current.clone();
    let draft = store.0.draft().clone();
    let live = use_mut_ref(Live::default);
    let computed = use_memo(draft.clone(), move |d| live.borrow_mut().compute(d));
    // While the input is invalid, the last valid figures of this same simulation stay, marked
    // as such; another simulation's are never shown.
    let last_good: Rc<RefCell<Option<(SimId, Figures)>>> = use_mut_ref(|| None);
    if let Some(r) = &computed.result {
        *last_good.borrow_mut() = Some((entry_id.clone(), r.clone()));
    }
    let shown = computed.result.clone().or_else(|| {
        last_good
            .borrow()
            .as_ref()
            .filter(|(id, _)| store.0.figures_belong(id))
            .map(|(_, f)| f.clone())
    });

    // The sections below the fees follow one painted frame later (same simulation only).
    let later = use_after_paint(&entry_id, &shown);

    let reader = use_mut_ref(|| None::<gloo_file::callbacks::FileReader>);
    let on_open = {
        let dispatch = dispatch.clone();
        let notice = notice.clone();
        let reader = reader.clone();
        Callback::from(move |file: web_sys::File| {
            let name = file.name();
            let dispatch = dispatch.clone();
            let notice = notice.clone();
            let task = gloo_file::callbacks::read_as_text(
                &gloo_file::File::from(file),
                move |result| {
                    let read = result
                        .map_err(|_| "le navigateur n'a pas pu le lire".to_string())
                        .and_then(|text| Draft::from_json(&text));
                    match read {
                        Ok(draft) => {
                            notice.set(None);
                            dispatch.dispatch(Action::Import {
                                name: name.trim_end_matches(".json").to_string(),
                                draft: Box::new(draft),
                            });
                        }
                        Err(why) => notice.set(Some(format!(
                            "Le fichier « {name} » n'a pas été ouvert : {why}. Rien n'a été modifié."
                        ))),
                    }
                },
            );
            *reader.borrow_mut() = Some(task);
        })
    };
    let on_new = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| {
            dispatch.dispatch(Action::NewSimulation);
            browser::focus_later(Field::CommuneName.element_id());
        })
    };
    let on_copy_example = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(Action::CopyExample);
            browser::focus_later(Field::CommuneName.element_id());
        })
    };
    let suspended = store.0.autosave_suspended.clone();
    let not_stored = storage::not_stored_notice(&store.0);
    let saving_suspended = suspended.is_some() || not_stored.is_some();
    let on_save = {
        let draft = draft.clone();
        let notice = notice.clone();
        let dispatch = dispatch.clone();
        let suspended = suspended.is_some();
        Callback::from(move |_| {
            dispatch.dispatch(Action::ShowAllErrors);
            match browser::download(
                &file_name(draft.text(Field::CommuneName)),
                "application/json",
                &draft.to_json_pretty(),
            ) {
                // The work is safe in a file: saving in the browser may start again.
                Ok(()) if suspended => dispatch.send(Msg::ResumeAutosave),
                Ok(()) => {}
                Err(e) => notice.set(Some(e)),
            }
        })
    };
    let sharing = use_state(|| false);
    let on_copy_link = {
        let sharing = sharing.clone();
        Callback::from(move |_| sharing.set(!*sharing))
    };
    let close_share = {
        let sharing = sharing.clone();
        Callback::from(move |_| sharing.set(false))
    };
    let dismiss_stored = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::DismissNotice))
    };
    let on_print = Callback::from(|_| browser::print());
    let on_print_all = Callback::from(|_| browser::print_all());
    let dismiss = {
        let notice = notice.clone();
        Callback::from(move |_| notice.set(None))
    };

    let entry = store.0.library.current();
    // Errors show once their field is left (or a save asked for), never while it is typed in.
    let all_errors = computed.errors.clone();
    let errors = use_memo(
        (all_errors.clone(), store.0.attention.clone(), draft.clone()),
        {
            let store = store.clone();
            move |_| Rc::new(store.0.shown_errors(&all_errors))
        },
    );
    let errors: Rc<Vec<FieldError>> = (*errors).clone();
    let waiting = errors.is_empty() && !computed.errors.is_empty() && shown.is_none();
    html! {
        <ContextProvider<Exporter> context={exporter}>
        <nav class="skips" aria-label="Accès rapide">
            <a class="skip" href="#resume">{ "Aller au résumé" }</a>
            <a class="skip" href="#resultats">{ "Aller aux résultats" }</a>
            <a class="skip" href="#ecoles-titre">{ "Aller aux écoles" }</a>
            <a class="skip" href="#ajouter-ecole">{ "Ajouter une école" }</a>
            <a class="skip" href="#echeances-titre">{ "Aller aux échéances" }</a>
            <a class="skip" href="#documents-titre">{ "Aller aux documents" }</a>
        </nav>
        <header class="top">
            <div class="brand">
                <h1>{ "laclasse-sim" }</h1>
                <p class="tagline">{ "Simulateur de la convention laclasse.com de la Métropole de Lyon" }</p>
            </div>
            <p class="privacy">{ "Vos données restent dans ce navigateur : rien n'est envoyé, tout est calculé ici." }</p>
            <Toolbar on_new={on_new.clone()} {on_open} {on_save} {on_copy_link} {on_print} {on_print_all} />
        </header>
        if *sharing { <ShareLink draft={draft.clone()} onclose={close_share} /> }
        <p class="print-only print-header">{ print_header(&entry.name, today) }</p>
        if let Some(message) = (*notice).clone() {
            <div class="notice" role="alert"><p>{ message }</p><button type="button" onclick={dismiss}>{ "Compris" }</button></div>
        }
        if let Some(message) = suspended { <div class="notice" role="alert" id="stockage-suspendu"><p>{ message }</p></div> }
        if let Some(message) = not_stored { <div class="notice" role="alert" id="stockage-refuse"><p>{ message }</p></div> }
        if !store.0.notices.is_empty() {
            <div class="notice" role="alert" id="avis-stockage">
                { for store.0.notices.iter().map(|n| html! { <p>{ n }</p> }) }
                <button type="button" onclick={dismiss_stored}>{ "Compris" }</button>
            </div>
        }
        if new_version { <UpdateBar suspended={saving_suspended} dispatch={dispatch.clone()} /> }
        <UndoBar undo={store.0.undo.clone()} dispatch={dispatch.clone()} />
        <div class="current-simulation">
            <h2 class="simulation-name">{ &entry.name }
                if entry.example { <span class="badge">{ "exemple" }</span> }
            </h2>
            <Simulations library={store.0.library.clone()} dispatch={dispatch.clone()} />
        </div>
        if entry.example {
            <div class="example-banner" id="exemple-lecture-seule">
                <p>{ "Ceci est un exemple : il reste tel quel. Pour faire vos calculs, partez d'une copie ou d'une simulation vide ; ce que vous saisiriez ici irait de toute façon dans une copie." }</p>
                <button type="button" class="primary" onclick={on_copy_example}>{ "Créer ma simulation à partir de l'exemple" }</button>
                <button type="button" onclick={on_new.reform(|_: MouseEvent| ())}>{ "Nouvelle simulation vide" }</button>
            </div>
        }
        if let Some(figures) = shown.as_ref() {
            <SummaryBand figures={figures.clone()} {today} stale={computed.result.is_none()} />
        }
        <main class="layout">
            <section class="inputs" aria-label="Saisie">
                <CommuneForm name={AttrValue::from(draft.text(Field::CommuneName).to_string())} insee={AttrValue::from(draft.text(Field::CommuneInsee).to_string())} errors={errors.clone()}
                    typing={store.0.attention.typing(FieldRef::Scenario(Field::CommuneName)) || store.0.attention.typing(FieldRef::Scenario(Field::CommuneInsee))}
                    dispatch={dispatch.clone()} />
                <ConventionForm draft={draft.clone()} errors={errors.clone()} dispatch={dispatch.clone()} figures={later.clone()} {today} />
                <MeetingForm draft={draft.clone()} errors={errors.clone()} dispatch={dispatch.clone()} />
                <SchoolsTable draft={draft.clone()} errors={errors.clone()} dispatch={dispatch.clone()} figures={later.clone()} />
                <ContactsForm draft={draft.clone()} errors={errors.clone()} dispatch={dispatch.clone()} />
            </section>
            <section id="resultats" tabindex="-1" class={classes!("results", computed.result.is_none().then_some("stale"))} aria-label="Résultats" aria-live="off">
                if !errors.is_empty() {
                    <div class="error-summary" role="alert" id="erreurs">
                        <p><strong>{ errors_title(errors.len()) }</strong>
                        { if shown.is_some() { " : les chiffres ci-dessous sont ceux de la dernière saisie valide de cette simulation." } else { " pour voir les chiffres de cette simulation." } }</p>
                        <ul>{ for errors.iter().map(|e| html! { <li><a href={format!("#{}", field_element(&draft, e))}>{ e.for_people() }</a></li> }) }</ul>
                    </div>
                }
                if waiting {
                    <p class="waiting" id="a-completer">{ to_complete(&computed.errors) }</p>
                }
                if let Some(figures) = shown.clone() {
                    if printing { <PrintReport figures={figures.clone()} /> }
                    if let Some(later) = later.clone() {
                        <Fees figures={figures.clone()} chart={later.clone()} />
                        <Deadlines figures={later.clone()} {today} />
                        <Legality figures={later.clone()} {today} />
                        <TerminationSim figures={later.clone()} {today} />
                        <Shares figures={later.clone()} />
                        <EligibilityList figures={later} />
                    }
                    <Documents {figures} {today} errors={computed.errors.len()} />
                }
            </section>
            <ComparePanel library={store.0.library.clone()} compared={store.0.compared.clone()} {today} dispatch={dispatch.clone()} figures={later.clone()} />
            <TerritoryPanel {today} />
        </main>
        <footer class="footer">
            <p>{ footer(today) }</p>
        </footer>
        </ContextProvider<Exporter>>
    }
}
