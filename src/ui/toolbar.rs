//! The actions on the whole scenario: new, open and save a file, copy the link, print.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub on_new: Callback<()>,
    pub on_open: Callback<web_sys::File>,
    pub on_save: Callback<()>,
    pub on_copy_link: Callback<()>,
    pub on_print: Callback<()>,
    /// Print with the whole calendar and the what-ifs.
    pub on_print_all: Callback<()>,
}

#[function_component(Toolbar)]
pub fn toolbar(p: &ToolbarProps) -> Html {
    let input = use_node_ref();
    let click = |cb: &Callback<()>| {
        let cb = cb.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let open_picker = {
        let input = input.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(i) = input.cast::<web_sys::HtmlInputElement>() {
                i.click();
            }
        })
    };
    let on_file = {
        let cb = p.on_open.clone();
        Callback::from(move |e: Event| {
            let el: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = el.files().and_then(|f| f.get(0)) {
                cb.emit(file);
            }
            el.set_value("");
        })
    };
    html! {
        <nav class="toolbar" aria-label="Actions sur la simulation">
            <button type="button" id="nouvelle-simulation" onclick={click(&p.on_new)}>{ "Nouvelle simulation" }</button>
            <button type="button" id="ouvrir" onclick={open_picker}>{ "Ouvrir un fichier…" }</button>
            <input type="file" ref={input} id="fichier" class="visually-hidden" accept=".json,application/json" onchange={on_file} tabindex="-1" aria-hidden="true" />
            <button type="button" id="enregistrer" onclick={click(&p.on_save)}>{ "Enregistrer (.json)" }</button>
            <button type="button" id="copier-lien" onclick={click(&p.on_copy_link)}>{ "Copier le lien" }</button>
            <button type="button" id="imprimer" onclick={click(&p.on_print)} title="Résumé, redevances, échéances des douze prochains mois, écoles">{ "Imprimer" }</button>
            <button type="button" id="imprimer-tout" onclick={click(&p.on_print_all)}>{ "Imprimer tout (calendrier, simulations)" }</button>
        </nav>
    }
}
