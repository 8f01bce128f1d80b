//! "pourquoi ?": the engine's explanation of a figure, and the clause tag shown next to it.

use yew::prelude::*;

use crate::engine::{Clause, Explanation};

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

/// A disclosure: closed, it costs nothing; open, it shows the clause quoted, the inputs, the
/// steps and the assumptions ("hypothèse").
#[function_component(Why)]
pub fn why(p: &WhyProps) -> Html {
    let open = use_state(|| false);
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            let el: web_sys::HtmlElement = e.target_unchecked_into();
            open.set(el.has_attribute("open"));
        })
    };
    html! {
        <details class="why" {ontoggle}>
            <summary>{ &p.label }</summary>
            if *open { <ExplanationView explanation={p.explain.emit(())} /> }
        </details>
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
