//! « Importer depuis l'annuaire de l'éducation » : the export is read in the worker for the
//! open commune, and its schools are shown to tick before anything is added. Draws
//! `web::directory`.

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::state::Dispatch;
use super::use_exporter::{ExportJob, Exporter, Status};
use crate::web::app::FoundList;
use crate::web::app::worker::ExportRequest;
use crate::web::directory::{
    DirectoryChoice, add_button, added_message, commune_of, no_commune_message, schools_to_add,
};
use crate::web::draft::Draft;
use crate::web::state::Action;

#[derive(Properties, PartialEq)]
pub struct ImportDirectoryProps {
    pub draft: Rc<Draft>,
    pub dispatch: Dispatch,
}

/// What the worker found, for which commune.
#[derive(Clone, PartialEq)]
struct Loaded {
    found: FoundList,
    commune: String,
}

#[function_component(ImportDirectory)]
pub fn import_directory(p: &ImportDirectoryProps) -> Html {
    let loaded = use_state(|| None::<Loaded>);
    let chosen = use_state(Vec::<usize>::new);
    let reading = use_state(String::new);
    let status: Status = use_state(|| None);
    let export = use_context::<Exporter>().map(|e| e.0).unwrap_or_default();
    let reader = use_mut_ref(|| None::<gloo_file::callbacks::FileReader>);
    let input = use_node_ref();
    let commune = commune_of(&p.draft);

    let pick = {
        let (input, status, commune) = (input.clone(), status.clone(), commune.clone());
        let why = no_commune_message(&p.draft);
        let reading = reading.clone();
        Callback::from(move |_: MouseEvent| {
            if commune.is_none() {
                reading.set(String::new());
                status.set(Some((true, why.clone())));
                return;
            }
            status.set(None);
            if let Some(i) = input.cast::<HtmlInputElement>() {
                i.click();
            }
        })
    };
    let on_file = {
        let (loaded, chosen, status, reading) = (
            loaded.clone(),
            chosen.clone(),
            status.clone(),
            reading.clone(),
        );
        let (reader, export, draft) = (reader.clone(), export.clone(), p.draft.clone());
        let commune = commune.clone();
        Callback::from(move |e: Event| {
            let el: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = el.files().and_then(|f| f.get(0)) else {
                return;
            };
            el.set_value("");
            let Some((insee, name)) = commune.clone() else {
                return;
            };
            reading.set(file.name());
            loaded.set(None);
            let (loaded, chosen, status, export, draft) = (
                loaded.clone(),
                chosen.clone(),
                status.clone(),
                export.clone(),
                draft.clone(),
            );
            let task =
                gloo_file::callbacks::read_as_bytes(&gloo_file::File::from(file), move |bytes| {
                    let Ok(bytes) = bytes else {
                        status.set(Some((
                            true,
                            "le navigateur n'a pas pu lire le fichier".into(),
                        )));
                        return;
                    };
                    let (loaded, chosen, said, draft, name) = (
                        loaded.clone(),
                        chosen.clone(),
                        status.clone(),
                        draft.clone(),
                        name.clone(),
                    );
                    export.emit(ExportJob {
                        request: ExportRequest::ReadDirectory {
                            bytes,
                            insee: insee.clone(),
                        },
                        status: status.clone(),
                        failed: None,
                        done: Callback::from(move |json: Vec<u8>| {
                            let found = std::str::from_utf8(&json)
                                .ok()
                                .and_then(|t| serde_json::from_str::<FoundList>(t).ok());
                            match found {
                                Some(found) => {
                                    said.set(None);
                                    let choice = DirectoryChoice::of(&found, &draft, &name);
                                    chosen.set(choice.ticked_at_first());
                                    loaded.set(Some(Loaded {
                                        found,
                                        commune: name.clone(),
                                    }));
                                }
                                None => {
                                    said.set(Some((true, "le fichier n'a pas pu être lu".into())))
                                }
                            }
                        }),
                    })
                });
            *reader.borrow_mut() = Some(task);
        })
    };
    let said = match (*status).clone() {
        Some((true, m)) if (*reading).is_empty() => {
            html! { <p class="error" role="alert" id="annuaire-erreur">{ m }</p> }
        }
        Some((true, m)) => {
            let end = if m.ends_with(['?', '.', '!']) {
                ""
            } else {
                "."
            };
            html! {
                <p class="error" role="alert" id="annuaire-erreur">{ format!("« {} » : {m}{end} Aucune école n'a été ajoutée.", *reading) }</p>
            }
        }
        Some((false, m)) => html! { <p class="hint" role="status">{ m }</p> },
        None => Html::default(),
    };
    let picker = html! {
        <>
            <button type="button" id="importer-annuaire" onclick={pick}>{ "Importer depuis l'annuaire de l'éducation…" }</button>
            <input type="file" ref={input} id="fichier-annuaire" class="visually-hidden" accept=".csv,text/csv,text/plain" onchange={on_file} tabindex="-1" aria-hidden="true" />
        </>
    };
    let Some(l) = (*loaded).clone() else {
        return html! { <div class="import">{ picker }{ said }</div> };
    };
    let choice = DirectoryChoice::of(&l.found, &p.draft, &l.commune);
    let toggle = |i: usize| {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
            let mut now: Vec<usize> = (*chosen).iter().copied().filter(|x| *x != i).collect();
            if on {
                now.push(i);
                now.sort_unstable();
            }
            chosen.set(now);
        })
    };
    let to_add = schools_to_add(&l.found, &choice, &chosen, &p.draft);
    let confirm = {
        let (loaded, dispatch, to_add) = (loaded.clone(), p.dispatch.clone(), to_add.clone());
        let (status, reading) = (status.clone(), reading.clone());
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(Action::AddSchools(to_add.clone()));
            loaded.set(None);
            reading.set(String::new());
            // Said where the import was: the list is gone, the schools are added.
            status.set(Some((false, added_message(to_add.len()))));
            super::browser::focus_later("importer-annuaire".into());
        })
    };
    let cancel = {
        let loaded = loaded.clone();
        Callback::from(move |_: MouseEvent| loaded.set(None))
    };
    html! {
        <div class="import open directory" role="region" aria-label="Import depuis l'annuaire de l'éducation">
            { picker }
            { said }
            <fieldset id="annuaire-liste">
                <legend>{ &choice.title }</legend>
                <ul class="directory-list">
                    { for choice.rows.iter().map(|r| {
                        let id = format!("annuaire-{}", r.index);
                        html! {
                            <li>
                                <input type="checkbox" id={id.clone()} checked={!r.already && chosen.contains(&r.index)} disabled={r.already} onchange={toggle(r.index)} />
                                <label for={id}>{ format!("{} ({}), {}", r.name, r.uai, r.level) }
                                    if r.already { <span class="badge">{ " déjà dans la simulation" }</span> }
                                </label>
                                <p class="hint">{ &r.says }</p>
                                if let Some(w) = &r.warning { <p class="warning">{ format!("⚠ {w}") }</p> }
                            </li>
                        }
                    }) }
                </ul>
            </fieldset>
            if !choice.absent.is_empty() {
                <ul class="directory-absent" id="annuaire-absentes">{ for choice.absent.iter().map(|a| html! { <li>{ format!("⚠ {a}") }</li> }) }</ul>
            }
            <p class="hint">{ &choice.note }</p>
            <div class="toolbar">
                <button type="button" class="primary" id="annuaire-confirmer" onclick={confirm} disabled={to_add.is_empty()}>
                    { add_button(to_add.len()) }
                </button>
                <button type="button" id="annuaire-annuler" onclick={cancel}>{ "Annuler" }</button>
            </div>
        </div>
    }
}
