//! The Yew web app. It renders what the engine computed and explained; no rule of the
//! convention is coded here. State and actions are the pure [`crate::web`]; this layer wraps
//! them in a reducer, keeps them in local storage and in the page address, and draws.

pub mod app;
mod avenants;
mod browser;
mod commune;
mod compare;
mod contacts;
mod convention;
mod deadline_row;
mod deadlines;
mod documents;
mod eligibility;
pub mod export_worker;
mod fees;
mod field;
pub mod first_figures;
mod import;
mod import_directory;
mod legality;
mod meeting;
mod pager;
mod print_report;
mod school_row;
mod schools;
mod share_link;
mod shares;
mod simulations;
mod state;
mod summary;
mod termination;
mod territory;
mod toolbar;
mod undo_bar;
mod update_bar;
mod use_after_paint;
mod use_exporter;
mod use_new_version;
mod use_persistence;
mod use_printing;
mod use_territory_files;
mod use_worker_text;
mod why;

pub use app::App;

/// Mounts the app on `#app`.
pub fn run() {
    let document = web_sys::window().and_then(|w| w.document());
    let root = document.as_ref().and_then(|d| d.get_element_by_id("app"));
    match root {
        Some(root) => {
            let _ = root.remove_attribute("aria-busy");
            root.set_inner_html("");
            yew::Renderer::<App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<App>::new().render();
        }
    }
}
