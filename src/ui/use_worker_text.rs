//! A document the export worker writes for the page to show, as a hook: asked when the person
//! opens it and again at each change of what it is about while open; an answer for an older
//! one is dropped, so that a page never shows another simulation's document, nor an outdated
//! one.

use yew::prelude::*;

use super::use_exporter::{ExportJob, Exporter, Status};
use crate::web::app::worker::ExportRequest;

/// The worker's answer (as text) to `ask()` for `about`, while `open`; `None` while it is being
/// made or when closed. `status` says how it goes.
#[hook]
pub fn use_worker_text<K>(
    about: K,
    open: bool,
    ask: impl Fn() -> ExportRequest + 'static,
    status: Status,
) -> Option<String>
where
    K: PartialEq + Clone + 'static,
{
    let export = use_context::<Exporter>().map(|e| e.0).unwrap_or_default();
    let shown = use_state(|| None::<String>);
    let generation = use_mut_ref(|| 0_u64);
    {
        let shown = shown.clone();
        use_effect_with((about, open), move |(_, open)| {
            *generation.borrow_mut() += 1;
            shown.set(None);
            if *open {
                let asked = *generation.borrow();
                let generation = generation.clone();
                export.emit(ExportJob {
                    status: status.clone(),
                    failed: None,
                    request: ask(),
                    done: Callback::from(move |bytes: Vec<u8>| {
                        if *generation.borrow() == asked {
                            shown.set(Some(String::from_utf8_lossy(&bytes).into_owned()));
                            status.set(None);
                        }
                    }),
                });
            }
        });
    }
    (*shown).clone()
}
