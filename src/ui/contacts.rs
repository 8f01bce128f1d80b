//! The commune's technical referent and project lead (Annexe 1), and its declaration of use
//! (Art. 4).

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::field::ScenarioInput;
use super::state::Dispatch;
use crate::web::app::FieldError;
use crate::web::app::schema::{ContactField, Field, Flag, Role};
use crate::web::draft::Draft;
use crate::web::state::Action;

#[derive(Properties)]
pub struct ContactsProps {
    pub draft: Rc<Draft>,
    pub errors: Rc<Vec<FieldError>>,
    pub dispatch: Dispatch,
}

/// Drawn again only when the contacts or the usage flags change (or an error).
impl PartialEq for ContactsProps {
    fn eq(&self, other: &Self) -> bool {
        let (a, b) = (&self.draft, &other.draft);
        (Rc::ptr_eq(a, b) || a.same_contacts(b))
            && self.errors == other.errors
            && self.dispatch == other.dispatch
    }
}

#[function_component(ContactsForm)]
pub fn contacts_form(p: &ContactsProps) -> Html {
    let d = &p.draft;
    let contact = |role: Role| {
        html! {
            <fieldset class="contact">
                <legend>{ format!("{} (Annexe 1)", role.label()) }</legend>
                <div class="row">
                { for ContactField::ALL.map(|f| {
                    let field = Field::Contact(role, f);
                    html! { <ScenarioInput {field} value={d.text(field).to_string()} errors={p.errors.clone()} dispatch={p.dispatch.clone()} /> }
                }) }
                </div>
            </fieldset>
        }
    };
    let check = |flag: Flag| {
        let dispatch = p.dispatch.clone();
        let onchange = Callback::from(move |e: Event| {
            let checked = e.target_unchecked_into::<HtmlInputElement>().checked();
            dispatch.dispatch(Action::SetFlag(flag, checked))
        });
        html! {
            <label class="check"><input type="checkbox" id={flag.element_id()} checked={d.flag(flag)} {onchange} />
                { format!(" {}", flag.label()) }</label>
        }
    };
    html! {
        <div class="contacts">
            { for Role::ALL.map(contact) }
            <fieldset class="usage">
                <legend>{ "Usage déclaré (Art. 4)" }</legend>
                { for Flag::ALL.map(check) }
            </fieldset>
        </div>
    }
}
