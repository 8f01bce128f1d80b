//! A labelled input or select with its inline error. What is typed is kept as typed.

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::state::{Dispatch, edit_field};
use crate::web::app::FieldError;
use crate::web::app::schema::{Field as SchemaField, FieldRef, Input, SchoolField};
use crate::web::draft::Draft;
use crate::web::state::Action;

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
    /// Read by assistive technologies after the label, not shown (« , école 3 »).
    #[prop_or_default]
    pub suffix: Option<AttrValue>,
    #[prop_or_default]
    pub class: Classes,
    pub oninput: Callback<String>,
    /// The field is left (its error may show from then on).
    #[prop_or_default]
    pub onleave: Option<Callback<()>>,
}

/// A label's part for assistive technologies only.
fn suffix(suffix: &Option<AttrValue>) -> Html {
    match suffix {
        Some(s) => html! { <span class="visually-hidden">{ s }</span> },
        None => html! {},
    }
}

/// The `blur` handler that tells the field was left.
fn on_blur(leave: &Option<Callback<()>>) -> Option<Callback<FocusEvent>> {
    leave.clone().map(|l| l.reform(|_: FocusEvent| ()))
}

/// The ids of a field's error and help texts, and its `aria-describedby` (the error first).
fn described_by(
    id: &AttrValue,
    error: &Option<AttrValue>,
    hint: &Option<AttrValue>,
) -> (String, String, Option<String>) {
    let (error_id, hint_id) = (format!("{id}-erreur"), format!("{id}-aide"));
    let described = [
        error.as_ref().map(|_| error_id.clone()),
        hint.as_ref().map(|_| hint_id.clone()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    (
        error_id,
        hint_id,
        (!described.is_empty()).then_some(described),
    )
}

#[function_component(Field)]
pub fn field(p: &FieldProps) -> Html {
    let oninput = {
        let cb = p.oninput.clone();
        Callback::from(move |e: InputEvent| {
            cb.emit(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let (error_id, hint_id, described) = described_by(&p.id, &p.error, &p.hint);
    html! {
        <div class={classes!("field", p.error.is_some().then_some("invalid"), p.class.clone())}>
            <label for={p.id.clone()}>{ &p.label }{ suffix(&p.suffix) }{ if p.required { html!{ <span class="req" aria-hidden="true">{ " *" }</span> } } else { html!{} } }</label>
            <input id={p.id.clone()} type={p.kind.clone()} value={p.value.clone()} {oninput} onblur={on_blur(&p.onleave)}
                list={p.list.clone()} placeholder={p.placeholder.clone()} inputmode={p.inputmode.clone()}
                autocomplete={p.autocomplete.clone()} required={p.required}
                aria-invalid={if p.error.is_some() { "true" } else { "false" }}
                aria-describedby={described} />
            if let Some(h) = &p.hint { <p class="hint" id={hint_id}>{ h }</p> }
            if let Some(e) = &p.error { <p class="error" id={error_id}>{ e }</p> }
        </div>
    }
}

/// A labelled multi-line text (one name a line), with its inline error.
#[function_component(TextArea)]
pub fn text_area(p: &FieldProps) -> Html {
    let oninput = {
        let cb = p.oninput.clone();
        Callback::from(move |e: InputEvent| {
            cb.emit(e.target_unchecked_into::<HtmlTextAreaElement>().value())
        })
    };
    let (error_id, hint_id, described) = described_by(&p.id, &p.error, &p.hint);
    html! {
        <div class={classes!("field", "wide", p.error.is_some().then_some("invalid"), p.class.clone())}>
            <label for={p.id.clone()}>{ &p.label }</label>
            <textarea id={p.id.clone()} value={p.value.clone()} {oninput} onblur={on_blur(&p.onleave)} rows="4"
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
    pub hint: Option<AttrValue>,
    /// Read by assistive technologies after the label, not shown (« , école 3 »).
    #[prop_or_default]
    pub suffix: Option<AttrValue>,
    #[prop_or_default]
    pub class: Classes,
    pub onchange: Callback<String>,
    /// The field is left (its error may show from then on).
    #[prop_or_default]
    pub onleave: Option<Callback<()>>,
}

#[function_component(Select)]
pub fn select(p: &SelectProps) -> Html {
    let onchange = {
        let cb = p.onchange.clone();
        Callback::from(move |e: Event| {
            cb.emit(e.target_unchecked_into::<HtmlSelectElement>().value())
        })
    };
    let (error_id, hint_id, described) = described_by(&p.id, &p.error, &p.hint);
    let known = p.options.iter().any(|(v, _)| *v == p.value.as_str());
    html! {
        <div class={classes!("field", p.error.is_some().then_some("invalid"), p.class.clone())}>
            <label for={p.id.clone()}>{ &p.label }{ suffix(&p.suffix) }</label>
            <select id={p.id.clone()} {onchange} onblur={on_blur(&p.onleave)} aria-invalid={if p.error.is_some() { "true" } else { "false" }}
                aria-describedby={described}>
                if !known { <option value={p.value.clone()} selected=true>{ format!("« {} » (inconnu)", p.value) }</option> }
                { for p.options.iter().map(|(v, l)| html! { <option value={*v} selected={*v == p.value.as_str()}>{ *l }</option> }) }
            </select>
            if let Some(h) = &p.hint { <p class="hint" id={hint_id}>{ h }</p> }
            if let Some(e) = &p.error { <p class="error" id={error_id}>{ e }</p> }
        </div>
    }
}

/// The error message for the field `at`, if any.
pub fn error_at(errors: &[FieldError], at: FieldRef) -> Option<AttrValue> {
    errors
        .iter()
        .find(|e| e.field == Some(at))
        .map(|e| AttrValue::from(e.message.clone()))
}

/// The input of one field of the scenario, as the schema describes it.
#[derive(Properties, PartialEq)]
pub struct ScenarioInputProps {
    pub field: SchemaField,
    pub value: AttrValue,
    pub errors: Rc<Vec<FieldError>>,
    pub dispatch: Dispatch,
    /// A `<datalist>` of suggestions.
    #[prop_or_default]
    pub list: Option<AttrValue>,
    /// The help under the input, when it depends on the draft; the schema's otherwise.
    #[prop_or_default]
    pub hint: Option<AttrValue>,
}

#[function_component(ScenarioInput)]
pub fn scenario_input(p: &ScenarioInputProps) -> Html {
    let f = p.field;
    let error = error_at(&p.errors, FieldRef::Scenario(f));
    let edit = edit_field(&p.dispatch, f);
    let leave = {
        let d = p.dispatch.clone();
        Some(Callback::from(move |()| {
            d.dispatch(Action::Left(FieldRef::Scenario(f)))
        }))
    };
    let hint = p.hint.clone().or(f.hint().map(AttrValue::Static));
    let input = f.input();
    if let Some(options) = input.options() {
        return html! {
            <Select id={f.element_id()} label={f.short_label()} value={p.value.clone()}
                {options} {error} onchange={edit} {hint} onleave={leave} />
        };
    }
    match input {
        Input::Lines | Input::Proxies => html! {
            <TextArea id={f.element_id()} label={f.short_label()} value={p.value.clone()}
                {hint} {error} oninput={edit} onleave={leave.clone()} />
        },
        input => html! {
            <Field id={f.element_id()} label={f.short_label()} kind={input.html_type()} value={p.value.clone()}
                inputmode={input.input_mode().map(AttrValue::Static)} required={f.required()}
                list={p.list.clone()} autocomplete={p.list.as_ref().map(|_| AttrValue::Static("off"))}
                {hint} {error} oninput={edit} onleave={leave} />
        },
    }
}

/// The input of one field of a school, as the schema describes it: labelled « Niveau, école
/// 3 » for assistive technologies, the school's number shown or not (`shown`).
#[allow(clippy::too_many_arguments)]
pub fn school_input(
    field: SchoolField,
    row: u64,
    number: usize,
    value: &str,
    error: Option<AttrValue>,
    hint: Option<AttrValue>,
    edit: Callback<String>,
    leave: Callback<()>,
    class: &'static str,
) -> Html {
    let leave = Some(leave);
    let id = field.element_id(row);
    let label = AttrValue::from(field.label());
    let suffix = Some(AttrValue::from(format!(", école {number}")));
    match field.input() {
        Input::Choice(choices) => html! {
            <Select {class} {id} {label} {suffix} value={value.to_string()} options={choices.options()} {error} {hint} onchange={edit} onleave={leave} />
        },
        input => html! {
            <Field {class} {id} {label} {suffix} kind={input.html_type()} value={value.to_string()}
                inputmode={input.input_mode().map(AttrValue::Static)} {error} {hint} oninput={edit} onleave={leave} />
        },
    }
}

/// The inputs of `rows` of scenario fields, a `.row` each, as the schema describes them.
pub fn field_rows(
    rows: &[&[SchemaField]],
    draft: &Draft,
    errors: &Rc<Vec<FieldError>>,
    dispatch: &Dispatch,
) -> Html {
    html! {
        { for rows.iter().map(|row| html! {
            <div class="row">
                { for row.iter().map(|f| html! {
                    <ScenarioInput field={*f} value={draft.text(*f).to_string()} errors={errors.clone()} dispatch={dispatch.clone()}
                        hint={draft.hint(*f).map(AttrValue::from)} />
                }) }
            </div>
        }) }
    }
}
