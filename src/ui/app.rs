//! The page: inputs on one side, what the engine computed on the other.

use std::cell::RefCell;
use std::collections::HashMap;
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
use crate::app::{Action, AppState};
use crate::engine::dates::fr;
use crate::engine::{Scenario, School, Simulation, simulate};
use crate::io::FieldError;
use crate::io::draft::{Draft, SchoolDraft};
use crate::io::report::RULES_VERSION;
use crate::io::scenario::{parse_parts, parse_school};

/// How long after the last change the simulations are written to storage and the address.
const SAVE_DELAY_MS: u32 = 300;

/// A valid scenario and what the engine computed of it.
type Figures = (Rc<Scenario>, Rc<Simulation>);

/// What the engine made of the draft: the errors, or the scenario and its simulation.
#[derive(PartialEq)]
struct Computed {
    errors: Rc<Vec<FieldError>>,
    result: Option<Figures>,
}

/// Each school as last read, by id: a keystroke re-reads only the school it changed.
type SchoolCache = HashMap<u64, (Rc<SchoolDraft>, usize, Result<School, Vec<FieldError>>)>;

fn compute(draft: &Draft, cache: &mut SchoolCache) -> Computed {
    let schools: Vec<Result<School, Vec<FieldError>>> = draft
        .schools
        .iter()
        .enumerate()
        .map(|(i, s)| match cache.get(&s.id) {
            Some((seen, index, read)) if *index == i && Rc::ptr_eq(seen, s) => read.clone(),
            _ => {
                let read = parse_school(&s.to_value(), i);
                cache.insert(s.id, (s.clone(), i, read.clone()));
                read
            }
        })
        .collect();
    if cache.len() > draft.schools.len() * 2 + 16 {
        cache.retain(|id, _| draft.schools.iter().any(|s| s.id == *id));
    }
    match parse_parts(&draft.head_value(), &schools) {
        Ok(scenario) => {
            let sim = simulate(&scenario);
            Computed {
                errors: Rc::new(Vec::new()),
                result: Some((Rc::new(scenario), Rc::new(sim))),
            }
        }
        Err(errors) => Computed {
            errors: Rc::new(errors),
            result: None,
        },
    }
}

/// The element that shows the field at `path`, to link an error to it.
fn field_id(draft: &Draft, path: &str) -> String {
    if let Some(rest) = path.strip_prefix("schools[") {
        let (index, key) = rest.split_once(']').unwrap_or((rest, ""));
        let id = index
            .parse::<usize>()
            .ok()
            .and_then(|i| draft.schools.get(i))
            .map_or(0, |s| s.id);
        let key = key.trim_start_matches('.');
        return format!("ecole-{id}-{}", if key.is_empty() { "name" } else { key })
            .replace('.', "-");
    }
    match path {
        "commune.name" => "commune-name".into(),
        "commune.insee" => "commune-insee".into(),
        "convention.notified" => "notified".into(),
        "convention.annual_fee_eur" => "annual-fee".into(),
        "convention.billing_unit" => "billing-unit".into(),
        "convention.termination_received" => "termination".into(),
        "deliberation.published" => "published".into(),
        "horizon_until" => "horizon".into(),
        other => other
            .strip_prefix("contacts.technical_referent.")
            .map(|k| format!("referent-{k}"))
            .or_else(|| {
                other
                    .strip_prefix("contacts.project_lead.")
                    .map(|k| format!("chef-projet-{k}"))
            })
            .unwrap_or_default(),
    }
}

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
        use_effect_with((), move |_| {
            match browser::decode_share(&browser::current_hash()) {
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
            }
        });
    }

    // Every change is kept in the browser and in the page address: shortly after the last
    // keystroke (writing 600 schools on every key would cost more than a frame), and at once
    // when the page is hidden or closed.
    let storage_error = use_state(|| None::<String>);
    let latest = use_mut_ref(|| None::<crate::app::Library>);
    let pending = use_mut_ref(|| None::<gloo_timers::callback::Timeout>);
    let persist = {
        let storage_error = storage_error.clone();
        Rc::new(move |library: &crate::app::Library| {
            let result = browser::save_library(library).err();
            if *storage_error != result {
                storage_error.set(result);
            }
            browser::set_hash(&browser::encode_share(&library.current().draft));
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
    let cache = use_mut_ref(SchoolCache::new);
    let computed = use_memo(draft.clone(), move |d| compute(d, &mut cache.borrow_mut()));
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
                &browser::file_name(&draft.commune_name),
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
            browser::copy(&browser::link_with(&browser::encode_share(&draft)));
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
                        <ul>{ for errors.iter().map(|e| html! { <li><a href={format!("#{}", field_id(&draft, &e.path))}>{ e.to_string() }</a></li> }) }</ul>
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
