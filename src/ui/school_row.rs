//! One school: its line (name and level editable, eligibility and fee from the figures) and
//! the panel of its other fields, unfolded on request, always when one is in error. It
//! re-renders only when its own data changes.

use yew::prelude::*;

use super::field::school_input;
use super::state::Dispatch;
use super::why::ClauseTag;
use crate::web::app::schema::{FieldRef, SchoolField};
use crate::web::draft::SchoolDraft;
use crate::web::state::Action;
use crate::web::views::schools::{
    DETAIL_FIELDS, FEE_CLAUSE, HEADS, LINE_FIELDS, SchoolLine, requested_note,
};

#[derive(Properties, PartialEq)]
pub struct SchoolRowProps {
    pub school: std::rc::Rc<SchoolDraft>,
    /// Position in the list, from 1.
    pub number: usize,
    /// Errors of this school: each field's message.
    pub errors: Vec<(SchoolField, String)>,
    pub dispatch: Dispatch,
    /// What its line says from the figures.
    pub line: SchoolLine,
    /// The notification as typed, for what « Demande reçue le » says.
    pub notified: AttrValue,
}

#[function_component(SchoolRow)]
pub fn school_row(p: &SchoolRowProps) -> Html {
    let s = &p.school;
    let n = p.number;
    let id = s.id;
    // A school just added (nothing typed yet) opens on its fields.
    let unfolded = use_state(|| s.name().is_empty());
    let open = *unfolded || !p.errors.is_empty();
    let input = |field: SchoolField, class: &'static str| {
        let error = p
            .errors
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, m)| AttrValue::from(m.clone()));
        let d = p.dispatch.clone();
        let edit = {
            let d = d.clone();
            Callback::from(move |v: String| d.dispatch(Action::EditSchool(id, field, v)))
        };
        let leave =
            Callback::from(move |()| d.dispatch(Action::Left(FieldRef::School(n - 1, field))));
        let hint = match field {
            SchoolField::Requested => {
                requested_note(&p.notified, s.get(field)).map(AttrValue::Static)
            }
            _ => None,
        };
        school_input(field, id, n, s.get(field), error, hint, edit, leave, class)
    };
    let toggle = {
        let unfolded = unfolded.clone();
        Callback::from(move |_| unfolded.set(!*unfolded))
    };
    let duplicate = {
        let d = p.dispatch.clone();
        Callback::from(move |_| d.dispatch(Action::DuplicateSchool(id)))
    };
    let delete = {
        let d = p.dispatch.clone();
        Callback::from(move |_| d.dispatch(Action::DeleteSchool(id)))
    };
    let panel = format!("ecole-{id}-details");
    let status_class = match p.line.eligible {
        Some(true) => "ok",
        Some(false) => "ko",
        None => "",
    };
    html! {
        <tbody class={classes!("school", (!p.errors.is_empty()).then_some("invalid"))}>
            <tr class="school-line">
                <th scope="row" class="num">{ n }</th>
                { for LINE_FIELDS.map(|f| html! { <td data-col={HEADS[1 + LINE_FIELDS.iter().position(|x| *x == f).unwrap_or(0)]}>{ input(f, "cell") }</td> }) }
                <td class={classes!("status", status_class)} data-col={HEADS[3]}>{ &p.line.status }
                    if let Some(clause) = p.line.clause { { " " }<ClauseTag {clause} /> }</td>
                <td class="fee" data-col={HEADS[4]}>{ &p.line.fee }
                    if p.line.clause.is_some() { { " " }<ClauseTag clause={FEE_CLAUSE} /> }</td>
                <td class="actions">
                    <button type="button" class="details-toggle" onclick={toggle} aria-expanded={if open { "true" } else { "false" }} aria-controls={panel.clone()}
                        disabled={!p.errors.is_empty()} title={(!p.errors.is_empty()).then_some("Reste ouvert tant qu'une erreur est à corriger")} aria-label={format!("Détails de l'école {n}")}>{ if open { "Détails ▾" } else { "Détails ▸" } }</button>
                    <button type="button" class="danger" onclick={delete} aria-label={format!("Supprimer l'école {n}")} title="Supprimer">{ "✕" }</button>
                </td>
            </tr>
            if open {
                <tr class="school-details" id={panel}>
                    <td colspan={HEADS.len().to_string()}>
                        if let Some(d) = &s.directory { <p class="hint directory-note">{ d }</p> }
                        <div class="details-grid">{ for DETAIL_FIELDS.map(|f| input(f, "detail")) }</div>
                        <button type="button" class="duplicate" onclick={duplicate}>{ "Dupliquer cette école" }<span class="visually-hidden">{ format!(" (école {n})") }</span></button>
                    </td>
                </tr>
            }
        </tbody>
    }
}
