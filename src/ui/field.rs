//! A labelled input or select with its inline error. What is typed is kept as typed.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    /// `text` (default), `date`, `email`, `tel`.
    #[prop_or(AttrValue::Static("text"))]
    pub kind: AttrValue,
    #[prop_or_default]
    pub error: Option<AttrValue>,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    #[prop_or_default]
    pub list: Option<AttrValue>,
    #[prop_or_default]
    pub placeholder: Option<AttrValue>,
    #[prop_or_default]
    pub inputmode: Option<AttrValue>,
    #[prop_or_default]
    pub autocomplete: Option<AttrValue>,
    #[prop_or_default]
    pub required: bool,
    #[prop_or_default]
    pub class: Classes,
    pub oninput: Callback<String>,
}

#[function_component(Field)]
pub fn field(p: &FieldProps) -> Html {
    let oninput = {
        let cb = p.oninput.clone();
        Callback::from(move |e: InputEvent| {
            cb.emit(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let error_id = format!("{}-erreur", p.id);
    let hint_id = format!("{}-aide", p.id);
    let described = match (&p.error, &p.hint) {
        (Some(_), Some(_)) => Some(format!("{error_id} {hint_id}")),
        (Some(_), None) => Some(error_id.clone()),
        (None, Some(_)) => Some(hint_id.clone()),
        (None, None) => None,
    };
    html! {
        <div class={classes!("field", p.error.is_some().then_some("invalid"), p.class.clone())}>
            <label for={p.id.clone()}>{ &p.label }{ if p.required { html!{ <span class="req" aria-hidden="true">{ " *" }</span> } } else { html!{} } }</label>
            <input id={p.id.clone()} type={p.kind.clone()} value={p.value.clone()} {oninput}
                list={p.list.clone()} placeholder={p.placeholder.clone()} inputmode={p.inputmode.clone()}
                autocomplete={p.autocomplete.clone()} required={p.required}
                aria-invalid={if p.error.is_some() { "true" } else { "false" }}
                aria-describedby={described} />
            if let Some(h) = &p.hint { <p class="hint" id={hint_id}>{ h }</p> }
            if let Some(e) = &p.error { <p class="error" id={error_id}>{ e }</p> }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct SelectProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    pub options: Vec<(&'static str, &'static str)>,
    #[prop_or_default]
    pub error: Option<AttrValue>,
    #[prop_or_default]
    pub class: Classes,
    pub onchange: Callback<String>,
}

#[function_component(Select)]
pub fn select(p: &SelectProps) -> Html {
    let onchange = {
        let cb = p.onchange.clone();
        Callback::from(move |e: Event| {
            cb.emit(e.target_unchecked_into::<HtmlSelectElement>().value())
        })
    };
    let error_id = format!("{}-erreur", p.id);
    let known = p.options.iter().any(|(v, _)| *v == p.value.as_str());
    html! {
        <div class={classes!("field", p.error.is_some().then_some("invalid"), p.class.clone())}>
            <label for={p.id.clone()}>{ &p.label }</label>
            <select id={p.id.clone()} {onchange} aria-invalid={if p.error.is_some() { "true" } else { "false" }}
                aria-describedby={p.error.as_ref().map(|_| error_id.clone())}>
                if !known { <option value={p.value.clone()} selected=true>{ format!("« {} » (inconnu)", p.value) }</option> }
                { for p.options.iter().map(|(v, l)| html! { <option value={*v} selected={*v == p.value.as_str()}>{ *l }</option> }) }
            </select>
            if let Some(e) = &p.error { <p class="error" id={error_id}>{ e }</p> }
        </div>
    }
}

/// The error message for the field at `path` (`schools[2].requested`), if any.
pub fn error_at(errors: &[crate::io::FieldError], path: &str) -> Option<AttrValue> {
    errors
        .iter()
        .find(|e| e.path == path)
        .map(|e| AttrValue::from(e.message.clone()))
}
