//! One editable school: a row of the table, a cell per field of the schema. It re-renders only
//! when its own data changes.

use yew::prelude::*;

use super::field::school_cell;
use super::state::Dispatch;
use crate::web::app::schema::{FieldRef, SchoolField};
use crate::web::draft::SchoolDraft;
use crate::web::state::Action;

#[derive(Properties, PartialEq)]
pub struct SchoolRowProps {
    pub school: std::rc::Rc<SchoolDraft>,
    /// Position in the table, from 1.
    pub number: usize,
    /// Errors of this row: each field's message.
    pub errors: Vec<(SchoolField, String)>,
    pub dispatch: Dispatch,
}

#[function_component(SchoolRow)]
pub fn school_row(p: &SchoolRowProps) -> Html {
    let s = &p.school;
    let n = p.number;
    let id = s.id;
    let cell = |field: SchoolField| {
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
        school_cell(field, id, n, s.get(field), error, edit, leave)
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
            { for SchoolField::ALL.map(cell) }
            <td class="actions">
                <button type="button" onclick={duplicate} aria-label={format!("Dupliquer l'école {n}")} title="Dupliquer">{ "⧉" }</button>
                <button type="button" class="danger" onclick={delete} aria-label={format!("Supprimer l'école {n}")} title="Supprimer">{ "✕" }</button>
            </td>
        </tr>
    }
}
