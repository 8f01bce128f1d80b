//! The commune's technical referent and project lead (Annexe 1), and its declaration of use
//! (Art. 4).

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::field::{Field, error_at};
use super::state::Dispatch;
use crate::app::{Action, Who};
use crate::io::FieldError;
use crate::io::draft::{ContactDraft, Draft};

pub const CONTACT_FIELDS: [(&str, &str, &str); 5] = [
    ("last_name", "Nom", "text"),
    ("first_name", "Prénom", "text"),
    ("function", "Fonction", "text"),
    ("email", "E-mail", "email"),
    ("phone", "Téléphone", "tel"),
];

pub fn contact_value<'a>(c: &'a ContactDraft, key: &str) -> &'a str {
    match key {
        "last_name" => &c.last_name,
        "first_name" => &c.first_name,
        "function" => &c.function,
        "email" => &c.email,
        _ => &c.phone,
    }
}

#[derive(Properties, PartialEq)]
pub struct ContactsProps {
    pub draft: Rc<Draft>,
    pub errors: Rc<Vec<FieldError>>,
    pub dispatch: Dispatch,
}

#[function_component(ContactsForm)]
pub fn contacts_form(p: &ContactsProps) -> Html {
    let contact = |who: Who,
                   id: &'static str,
                   title: &'static str,
                   c: &ContactDraft,
                   path: &'static str| {
        html! {
            <fieldset class="contact">
                <legend>{ title }</legend>
                <div class="row">
                { for CONTACT_FIELDS.iter().map(|(key, label, kind)| {
                    let d = p.dispatch.clone();
                    let key: &'static str = key;
                    html! { <Field id={format!("{id}-{key}")} label={*label} kind={*kind} value={contact_value(c, key).to_string()}
                        error={error_at(&p.errors, &format!("contacts.{path}.{key}"))}
                        oninput={Callback::from(move |v: String| d.dispatch(Action::EditContact(who, key, v)))} /> }
                }) }
                </div>
            </fieldset>
        }
    };
    let d = &p.draft;
    let check = |action: fn(bool) -> Action| {
        let dispatch = p.dispatch.clone();
        Callback::from(move |e: Event| {
            dispatch.dispatch(action(
                e.target_unchecked_into::<HtmlInputElement>().checked(),
            ))
        })
    };
    html! {
        <div class="contacts">
            { contact(Who::TechnicalReferent, "referent", "Référent technique de la commune (Annexe 1)", &d.technical_referent, "technical_referent") }
            { contact(Who::ProjectLead, "chef-projet", "Personne chargée de suivre le projet (Annexe 1)", &d.project_lead, "project_lead") }
            <fieldset class="usage">
                <legend>{ "Usage déclaré (Art. 4)" }</legend>
                <label class="check"><input type="checkbox" id="usage-educatif" checked={d.educational_or_cultural} onchange={check(Action::SetEducational)} />
                    { " Usage d'intérêt général : éducatif ou culturel" }</label>
                <label class="check"><input type="checkbox" id="usage-commercial" checked={d.commercial} onchange={check(Action::SetCommercial)} />
                    { " Usage commercial (exclu par la convention)" }</label>
            </fieldset>
        </div>
    }
}
