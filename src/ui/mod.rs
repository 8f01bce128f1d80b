//! The Yew web app: renders what the engine computed and explained. No rule of the
//! convention is coded here.

use yew::prelude::*;

use crate::engine::dates::fr;
use crate::engine::simulate;
use crate::io::{parse_str, samples};

#[function_component(App)]
pub fn app() -> Html {
    let scenario = match parse_str(samples::TASSIN_JSON) {
        Ok(s) => s,
        Err(e) => return html! { <p role="alert">{ format!("{e:?}") }</p> },
    };
    let sim = simulate(&scenario);
    html! {
        <>
        <h1>{ "laclasse-sim" }</h1>
        <p>{ "Exemple : " }{ &scenario.commune.name }</p>
        <table>
            <caption>{ "Redevances par année de convention " }<span class="clause">{ "Art. 6" }</span></caption>
            <thead><tr><th>{ "N°" }</th><th>{ "Du" }</th><th>{ "Au" }</th><th>{ "Écoles" }</th><th>{ "Montant" }</th></tr></thead>
            <tbody>
            { for sim.years.iter().map(|y| {
                let b = y.billing(sim.billing_unit);
                html! { <tr><td>{ y.year.number }</td><td>{ fr(y.year.start) }</td><td>{ fr(y.year.end) }</td><td>{ b.billed_units }</td><td class="money">{ b.fee.to_string() }</td></tr> }
            }) }
            </tbody>
        </table>
        </>
    }
}

/// Mounts the app on `#app`.
pub fn run() {
    let root = gloo_utils_root();
    yew::Renderer::<App>::with_root(root).render();
}

fn gloo_utils_root() -> web_sys::Element {
    let document = web_sys::window().and_then(|w| w.document());
    let found = document.as_ref().and_then(|d| d.get_element_by_id("app"));
    if let Some(el) = &found {
        let _ = el.remove_attribute("aria-busy");
        el.set_inner_html("");
    }
    found.unwrap_or_else(|| {
        document
            .and_then(|d| d.body())
            .map(Into::into)
            .expect("the page has a body")
    })
}
