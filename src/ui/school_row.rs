//! One editable school: a row of the table. It re-renders only when its own data changes.

use yew::prelude::*;

use super::contacts::{CONTACT_FIELDS, contact_value};
use super::field::{Field, Select};
use super::state::Dispatch;
use crate::app::Action;
use crate::engine::{Level, Sector};
use crate::io::draft::SchoolDraft;

/// The choices of a select: each code with its French label, as the engine names them.
fn levels() -> Vec<(&'static str, &'static str)> {
    Level::ALL.map(|l| (l.code(), l.label())).to_vec()
}

fn sectors() -> Vec<(&'static str, &'static str)> {
    Sector::ALL.map(|s| (s.code(), s.label())).to_vec()
}

#[derive(Properties, PartialEq)]
pub struct SchoolRowProps {
    pub school: std::rc::Rc<SchoolDraft>,
    /// Position in the table, from 1.
    pub number: usize,
    /// Errors of this row: (field key as in the scenario, message).
    pub errors: Vec<(String, String)>,
    pub dispatch: Dispatch,
}

#[function_component(SchoolRow)]
pub fn school_row(p: &SchoolRowProps) -> Html {
    let s = &p.school;
    let n = p.number;
    let id = s.id;
    let err = |key: &str| {
        p.errors
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, m)| AttrValue::from(m.clone()))
    };
    let edit = |key: &'static str| {
        let d = p.dispatch.clone();
        Callback::from(move |v: String| d.dispatch(Action::EditSchool(id, key, v)))
    };
    let text = |key: &'static str, label: &str, value: &str, kind: &'static str| {
        html! {
            <td><Field class="cell" id={format!("ecole-{id}-{}", key.replace('.', "-"))} label={format!("{label}, école {n}")}
                kind={kind} value={value.to_string()} error={err(key)} oninput={edit(key)} /></td>
        }
    };
    let duplicate = {
        let d = p.dispatch.clone();
        Callback::from(move |_| d.dispatch(Action::DuplicateSchool(id)))
    };
    let delete = {
        let d = p.dispatch.clone();
        Callback::from(move |_| d.dispatch(Action::DeleteSchool(id)))
    };
    html! {
        <tr class={classes!((!p.errors.is_empty()).then_some("invalid"))}>
            <th scope="row" class="num">{ n }</th>
            { text("name", "Nom", &s.name, "text") }
            { text("uai", "UAI", &s.uai, "text") }
            <td><Select class="cell" id={format!("ecole-{id}-level")} label={format!("Niveau, école {n}")} value={s.level.clone()}
                options={levels()} error={err("level")} onchange={edit("level")} /></td>
            <td><Select class="cell" id={format!("ecole-{id}-sector")} label={format!("Secteur, école {n}")} value={s.sector.clone()}
                options={sectors()} error={err("sector")} onchange={edit("sector")} /></td>
            { text("group", "Groupe scolaire", &s.group, "text") }
            { text("requested", "Demande reçue le", &s.requested, "date") }
            { text("opened", "Ouverture constatée le", &s.opened, "date") }
            { text("removal_requested", "Radiation reçue le", &s.removal_requested, "date") }
            { text("storage_gb", "Stockage utilisé (Go)", &s.storage_gb, "text") }
            { for CONTACT_FIELDS.iter().map(|(key, label, kind)| {
                let full: &'static str = match *key {
                    "last_name" => "admin.last_name",
                    "first_name" => "admin.first_name",
                    "function" => "admin.function",
                    "email" => "admin.email",
                    _ => "admin.phone",
                };
                text(full, &format!("Administrateur : {}", label.to_lowercase()), contact_value(&s.admin, key), kind)
            }) }
            <td class="actions">
                <button type="button" onclick={duplicate} aria-label={format!("Dupliquer l'école {n}")} title="Dupliquer">{ "⧉" }</button>
                <button type="button" class="danger" onclick={delete} aria-label={format!("Supprimer l'école {n}")} title="Supprimer">{ "✕" }</button>
            </td>
        </tr>
    }
}
