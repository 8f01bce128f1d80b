//! The page: inputs on one side, what the engine computed on the other.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use super::browser;
use super::commune::CommuneForm;
use super::contacts::ContactsForm;
use super::convention::ConventionForm;
use super::deadlines::Deadlines;
use super::documents::Documents;
use super::eligibility::EligibilityList;
use super::fees::Fees;
use super::schools::SchoolsTable;
use super::shares::Shares;
use super::simulations::Simulations;
use super::state::Store;
use super::termination::TerminationSim;
use super::toolbar::Toolbar;
use super::undo_bar::UndoBar;
use crate::engine::dates::fr;
use crate::io::FieldError;
use crate::io::report::RULES_VERSION;
use crate::io::schema::FieldRef;
use crate::web::draft::Draft;
use crate::web::live::{Figures, Live};
use crate::web::share::{decode_share, encode_share, file_name};
use crate::web::state::{Action, AppState, Library};

/// How long after the last change the simulations are written to storage and the address.
const SAVE_DELAY_MS: u32 = 300;

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
    let loaded = use_memo((), |_| browser::load_library());
    let store = use_reducer({
        let library = loaded.0.clone();
        move || Store(AppState::new(library))
    });
    let notice = use_state(|| loaded.1.clone());
    let today = *use_memo((), |_| browser::today());
    let dispatch = store.dispatcher();

    // A shared link (#s=…) opens as a simulation of its own, once, at start.
    {
        let dispatch = dispatch.clone();
        let notice = notice.clone();
        use_effect_with((), move |_| match decode_share(&browser::current_hash()) {
            Some(Ok(draft)) => {
                let name = if draft.commune_name.trim().is_empty() {
                    "Lien partagé".to_string()
                } else {
                    format!("Lien partagé : {}", draft.commune_name.trim())
                };
                dispatch.dispatch(Action::Import {
                    name,
                    draft: Box::new(draft),
                });
            }
            Some(Err(message)) => notice.set(Some(message)),
            None => {}
        });
    }

    // Every change is kept in the browser and in the page address: shortly after the last
    // keystroke (writing 600 schools on every key would cost more than a frame), and at once
    // when the page is hidden or closed.
    let storage_error = use_state(|| None::<String>);
    let latest = use_mut_ref(|| None::<Library>);
    let pending = use_mut_ref(|| None::<gloo_timers::callback::Timeout>);
    let persist = {
        let storage_error = storage_error.clone();
        Rc::new(move |library: &Library| {
            let result = browser::save_library(library).err();
            if *storage_error != result {
                storage_error.set(result);
            }
            browser::set_hash(&encode_share(&library.current().draft));
        })
    };
    {
        let latest = latest.clone();
        let pending = pending.clone();
        let persist = persist.clone();
        use_effect_with(store.0.library.clone(), move |library| {
            *latest.borrow_mut() = Some(library.clone());
            let library = library.clone();
            let latest_now = latest.clone();
            *pending.borrow_mut() = Some(gloo_timers::callback::Timeout::new(
                SAVE_DELAY_MS,
                move || {
                    persist(&library);
                    *latest_now.borrow_mut() = None;
                },
            ));
        });
    }
    {
        let latest = latest.clone();
        let persist = persist.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                gloo_events::EventListener::new(&w, "pagehide", move |_| {
                    if let Some(library) = latest.borrow_mut().take() {
                        persist(&library);
                    }
                })
            });
            move || drop(listener)
        });
    }

    let draft = store.0.draft().clone();
    let live = use_mut_ref(Live::default);
    let computed = use_memo(draft.clone(), move |d| live.borrow_mut().compute(d));
    // While the input is invalid, the last valid figures stay, marked as such.
    let last_good: Rc<RefCell<Option<Figures>>> = use_mut_ref(|| None);
    if let Some(r) = &computed.result {
        *last_good.borrow_mut() = Some(r.clone());
    }
    let shown = computed
        .result
        .clone()
        .or_else(|| last_good.borrow().clone());

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
                    match result.ok().and_then(|text| Draft::from_json(&text)) {
                    Some(draft) => {
                        notice.set(None);
                        dispatch.dispatch(Action::Import {
                            name: name.trim_end_matches(".json").to_string(),
                            draft: Box::new(draft),
                        });
                    }
                    None => notice.set(Some(format!(
                        "Le fichier « {name} » n'est pas un scénario laclasse-sim (il faut un fichier .json enregistré par laclasse-sim) : rien n'a été modifié."
                    ))),
                }
                },
            );
            *reader.borrow_mut() = Some(task);
        })
    };
    let on_new = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::NewSimulation))
    };
    let on_save = {
        let draft = draft.clone();
        let notice = notice.clone();
        Callback::from(move |_| {
            if let Err(e) = browser::download(
                &file_name(&draft.commune_name),
                "application/json",
                &draft.to_json_pretty(),
            ) {
                notice.set(Some(e));
            }
        })
    };
    let copied = use_state(|| false);
    let on_copy_link = {
        let draft = draft.clone();
        let copied = copied.clone();
        Callback::from(move |_| {
            browser::copy(&browser::link_with(&encode_share(&draft)));
            copied.set(true);
        })
    };
    let on_print = Callback::from(|_| browser::print());
    let dismiss = {
        let notice = notice.clone();
        Callback::from(move |_| notice.set(None))
    };

    let entry = store.0.library.current();
    let errors = computed.errors.clone();
    html! {
        <>
        <a class="skip" href="#resultats">{ "Aller aux résultats" }</a>
        <header class="top">
            <div class="brand">
                <h1>{ "laclasse-sim" }</h1>
                <p class="tagline">{ "Simulateur de la convention laclasse.com de la Métropole de Lyon" }</p>
            </div>
            <p class="privacy">{ "Vos données restent dans ce navigateur : rien n'est envoyé, tout est calculé ici." }</p>
            <Toolbar {on_new} {on_open} {on_save} {on_copy_link} {on_print} />
            if *copied { <p class="hint" role="status">{ "Lien copié : il reproduit cette simulation." }</p> }
        </header>
        <p class="print-only print-header">{ format!("Rapport laclasse-sim — « {} » — imprimé le {} — {}", entry.name, fr(today), RULES_VERSION) }</p>
        if let Some(message) = (*notice).clone() {
            <div class="notice" role="alert"><p>{ message }</p><button type="button" onclick={dismiss}>{ "Compris" }</button></div>
        }
        if let Some(message) = (*storage_error).clone() { <div class="notice" role="alert"><p>{ message }</p></div> }
        <UndoBar undo={store.0.undo.clone()} dispatch={dispatch.clone()} />
        <div class="current-simulation">
            <h2 class="simulation-name">{ &entry.name }
                if entry.example { <span class="badge">{ "exemple" }</span> }
            </h2>
            <Simulations library={store.0.library.clone()} dispatch={dispatch.clone()} />
        </div>
        <main class="layout">
            <section class="inputs" aria-label="Saisie">
                <CommuneForm name={draft.commune_name.clone()} insee={draft.commune_insee.clone()} errors={errors.clone()} dispatch={dispatch.clone()} />
                <ConventionForm draft={draft.clone()} errors={errors.clone()} dispatch={dispatch.clone()} />
                <SchoolsTable draft={draft.clone()} errors={errors.clone()} dispatch={dispatch.clone()} />
                <ContactsForm draft={draft.clone()} errors={errors.clone()} dispatch={dispatch.clone()} />
            </section>
            <section id="resultats" tabindex="-1" class={classes!("results", computed.result.is_none().then_some("stale"))} aria-label="Résultats" aria-live="off">
                if !errors.is_empty() {
                    <div class="error-summary" role="alert" id="erreurs">
                        <p><strong>{ format!("{} champ{} à corriger", errors.len(), if errors.len() > 1 { "s" } else { "" }) }</strong>
                        { if shown.is_some() { " : les chiffres ci-dessous sont ceux de la dernière saisie valide." } else { " pour voir les chiffres." } }</p>
                        <ul>{ for errors.iter().map(|e| html! { <li><a href={format!("#{}", field_element(&draft, e))}>{ e.for_people() }</a></li> }) }</ul>
                    </div>
                }
                if let Some((scenario, sim)) = shown {
                    <Fees sim={sim.clone()} />
                    <Deadlines sim={sim.clone()} {today} />
                    <TerminationSim scenario={scenario.clone()} sim={sim.clone()} {today} />
                    <Shares sim={sim.clone()} />
                    <EligibilityList sim={sim.clone()} />
                    <Documents scenario={scenario.clone()} sim={sim.clone()} {today} stale={computed.result.is_none()} />
                }
            </section>
        </main>
        <footer class="footer">
            <p>{ format!("Règles appliquées : {RULES_VERSION}. Chaque montant est exact au centime ; chaque date vient d'une clause citée. Aujourd'hui : {}.", fr(today)) }</p>
        </footer>
        </>
    }
}
