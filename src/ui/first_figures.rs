//! The first figures in the page, before the app: the browser's side of
//! [`crate::web::first_figures`], run by the small `laclasse-sim-figures` module (no Yew). It
//! only reads the storage and the address, and writes into `#app`, which the app empties when
//! it starts; `aria-busy` stays on until then.

use super::browser::{self, LocalKv};
use crate::web::first_figures::{first_figures_html, opened};

/// Draws the first figures of the simulation the app will open; draws nothing when there are
/// none to show (a shared link, a scenario with an error), leaving « Chargement… ».
pub fn show() {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"));
    let Some(root) = root else { return };
    let html = opened(&LocalKv, &browser::start(), &browser::current_hash())
        .and_then(|o| first_figures_html(&o, browser::today()));
    if let Some(html) = html {
        root.set_inner_html(&html);
    }
}
