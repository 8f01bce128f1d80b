//! "pourquoi ?": the engine's explanation of a figure, and the clause tag shown next to it.

use yew::prelude::*;

use crate::web::views::{Clause, Explanation};

#[derive(Properties, PartialEq)]
pub struct ClauseTagProps {
    pub clause: Clause,
}

/// `Art. 6`, with the clause's French text on hover and for screen readers.
#[function_component(ClauseTag)]
pub fn clause_tag(p: &ClauseTagProps) -> Html {
    html! { <span class="clause" title={p.clause.quote()}>{ p.clause.reference() }</span> }
}

#[derive(Properties, PartialEq)]
pub struct WhyProps {
    /// Renders the explanation; called only when the person opens it.
    pub explain: Callback<(), Explanation>,
    #[prop_or(AttrValue::Static("pourquoi ?"))]
    pub label: AttrValue,
}

/// « pourquoi ? »: a button that opens the explanation in a dialog (the clause quoted, the
/// inputs, the steps and the assumptions, « hypothèse »). Closed, it costs nothing. A modal
/// dialog is drawn above the page, so an explanation opened in a table's cell never widens
/// the table; Échap or « Fermer » closes it and the focus returns to the button.
#[function_component(Why)]
pub fn why(p: &WhyProps) -> Html {
    let open = use_state(|| false);
    let dialog = use_node_ref();
    {
        let dialog = dialog.clone();
        use_effect_with(*open, move |open| {
            if *open
                && let Some(d) = dialog.cast::<web_sys::HtmlDialogElement>()
                && !d.open()
            {
                let _ = d.show_modal();
            }
        });
    }
    let show = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(true))
    };
    let close = {
        let dialog = dialog.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(d) = dialog.cast::<web_sys::HtmlDialogElement>() {
                d.close();
            }
        })
    };
    let onclose = {
        let open = open.clone();
        Callback::from(move |_: Event| open.set(false))
    };
    html! {
        <span class="why">
            <button type="button" class="why-button" aria-haspopup="dialog" onclick={show}>{ &p.label }</button>
            <dialog ref={dialog} class="why-dialog" aria-label="Explication du calcul" {onclose}>
                if *open {
                    <ExplanationView explanation={p.explain.emit(())} />
                    <button type="button" class="why-close" onclick={close}>{ "Fermer" }</button>
                }
            </dialog>
        </span>
    }
}

#[derive(Properties, PartialEq)]
pub struct ExplanationProps {
    pub explanation: Explanation,
}

#[function_component(ExplanationView)]
pub fn explanation_view(p: &ExplanationProps) -> Html {
    let e = &p.explanation;
    html! {
        <div class="explanation">
            <p class="explanation-title"><strong>{ &e.title }</strong>{ format!(" (règle {})", e.rule) }</p>
            { for e.clauses.iter().map(|c| html! {
                <blockquote class="quote"><p>{ c.quote() }</p><footer>{ c.reference() }</footer></blockquote>
            }) }
            if !e.inputs.is_empty() {
                <dl class="inputs-used">
                    { for e.inputs.iter().map(|i| html! { <><dt>{ i.label }</dt><dd>{ &i.value }</dd></> }) }
                </dl>
            }
            <ol class="steps">{ for e.steps.iter().map(|s| html! { <li>{ s }</li> }) }</ol>
            { for e.assumptions.iter().map(|a| html! { <p class="hypothese">{ *a }</p> }) }
        </div>
    }
}
