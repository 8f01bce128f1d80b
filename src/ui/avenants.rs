//! « Avenants : changements de redevance », under the convention: a row per change, its three
//! inputs, where it takes effect and what makes it bind. Draws `web::views::avenants`; every
//! edit is the draft's one text for the changes, so nothing typed is lost.

use yew::prelude::*;

use super::browser;
use super::field::Field;
use super::state::Dispatch;
use crate::web::app::schema::{Field as SchemaField, FieldRef};
use crate::web::fee_changes::{add, edit, remove};
use crate::web::live::Figures;
use crate::web::state::Action;
use crate::web::views::avenants::AvenantsView;

#[derive(Properties, PartialEq)]
pub struct AvenantsProps {
    /// The changes as typed (the draft's text).
    pub text: AttrValue,
    /// The errors of the field shown now.
    pub errors: Vec<String>,
    /// The figures shown, for where each change takes effect.
    pub figures: Option<Figures>,
    pub today: chrono::NaiveDate,
    pub dispatch: Dispatch,
}

#[function_component(AvenantsForm)]
pub fn avenants_form(p: &AvenantsProps) -> Html {
    let view = AvenantsView::of(
        &p.text,
        p.figures.as_ref(),
        p.today,
        &p.errors.iter().map(String::as_str).collect::<Vec<_>>(),
    );
    let field = SchemaField::FeeChanges;
    let set = {
        let d = p.dispatch.clone();
        move |text: String| d.dispatch(Action::Edit(field, text))
    };
    let on_add = {
        let (set, text, focus) = (set.clone(), p.text.to_string(), view.added_focus.clone());
        Callback::from(move |_: MouseEvent| {
            set(add(&text));
            browser::focus_later(focus.clone());
        })
    };
    // Left when the focus goes outside the group, not from one of its inputs to another. The
    // group by its own node: Yew delegates events, so an event's current target is the app's
    // root, not the group.
    let group = use_node_ref();
    let on_focus_out = {
        let (d, group) = (p.dispatch.clone(), group.clone());
        Callback::from(move |e: FocusEvent| {
            let inside = match (group.cast::<web_sys::Node>(), e.related_target()) {
                (Some(group), Some(to)) => {
                    use wasm_bindgen::JsCast;
                    group.contains(Some(&to.unchecked_into::<web_sys::Node>()))
                }
                _ => false,
            };
            if !inside {
                d.dispatch(Action::Left(FieldRef::Scenario(field)));
            }
        })
    };
    let error_id = format!("{}-erreur", view.id);
    html! {
        <fieldset class={classes!("avenants", (!p.errors.is_empty()).then_some("invalid"))} id={view.id.clone()} tabindex="-1" ref={group} onfocusout={on_focus_out}
            aria-describedby={(!view.errors.is_empty()).then(|| error_id.clone())}>
            <legend>{ &view.legend }</legend>
            <p class="hint">{ view.hint }</p>
            { for view.rows.iter().enumerate().map(|(i, row)| {
                let on_remove = {
                    let (set, text, add_id) = (set.clone(), p.text.to_string(), view.add_id);
                    Callback::from(move |_: MouseEvent| {
                        set(remove(&text, i));
                        browser::focus_later(add_id.into());
                    })
                };
                html! {
                    <div class="avenant" key={i}>
                        <p class="avenant-title"><strong>{ &row.title }</strong></p>
                        <div class="row">
                            { for row.cells.iter().enumerate().map(|(k, c)| {
                                let oninput = {
                                    let (set, text) = (set.clone(), p.text.to_string());
                                    Callback::from(move |v: String| set(edit(&text, i, k, &v)))
                                };
                                html! {
                                    <Field id={c.id.clone()} label={c.label} suffix={Some(AttrValue::from(c.suffix.clone()))}
                                        kind={c.kind} inputmode={c.input_mode.map(AttrValue::Static)} value={c.value.clone()} {oninput}
                                        error={(k == 0).then(|| row.error.clone().map(AttrValue::from)).flatten()} />
                                }
                            }) }
                            <button type="button" class="remove" onclick={on_remove}>{ &row.remove }</button>
                        </div>
                        if let Some(effect) = &row.effect { <p class="avenant-effect">{ effect }</p> }
                    </div>
                }
            }) }
            if !view.errors.is_empty() { <p class="error" id={error_id}>{ view.errors.join(" ; ") }</p> }
            if !view.rows.is_empty() { <p class="hypothese">{ view.binds }</p> }
            <button type="button" id={view.add_id} onclick={on_add}>{ view.add }</button>
        </fieldset>
    }
}
