//! Long lists a page at a time: 600 schools on one page would cost the browser more than a
//! frame to lay out on every keystroke.

use yew::prelude::*;

/// Rows shown per page.
pub const PAGE_SIZE: usize = 50;

/// The rows of `page` (from 0) among `total`.
pub fn page_range(page: usize, total: usize) -> std::ops::Range<usize> {
    let start = (page * PAGE_SIZE).min(total);
    start..(start + PAGE_SIZE).min(total)
}

#[derive(Properties, PartialEq)]
pub struct PagerProps {
    pub id: AttrValue,
    /// What is counted: "écoles".
    pub what: AttrValue,
    pub page: usize,
    pub total: usize,
    pub onpage: Callback<usize>,
}

#[function_component(Pager)]
pub fn pager(p: &PagerProps) -> Html {
    let pages = p.total.div_ceil(PAGE_SIZE);
    if pages <= 1 {
        return html! {};
    }
    let range = page_range(p.page, p.total);
    let go = |to: usize| {
        let cb = p.onpage.clone();
        Callback::from(move |_: MouseEvent| cb.emit(to))
    };
    html! {
        <nav class="pager" id={p.id.clone()} aria-label={format!("Pages des {}", p.what)}>
            <button type="button" disabled={p.page == 0} onclick={go(p.page.saturating_sub(1))}>{ "‹ Précédentes" }</button>
            <span>{ format!("{} {} à {} sur {}", p.what, range.start + 1, range.end, p.total) }</span>
            <button type="button" disabled={p.page + 1 >= pages} onclick={go(p.page + 1)}>{ "Suivantes ›" }</button>
        </nav>
    }
}
