//! The council meeting that votes the deliberation (D1), for the draft: its fields, and a
//! box to paste the attendance from the minutes.

use std::rc::Rc;

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::field::field_rows;
use super::state::{Dispatch, edit_field};
use crate::web::app::FieldError;
use crate::web::app::schema::{Field, MeetingField as M};
use crate::web::attendance::{merge_lines, paste_hint, split_attendance};
use crate::web::draft::Draft;
use crate::web::forms::MEETING;

#[derive(Properties)]
pub struct MeetingProps {
    pub draft: Rc<Draft>,
    pub errors: Rc<Vec<FieldError>>,
    pub dispatch: Dispatch,
}

/// Drawn again only when the meeting or the deliberation number changes (or an error): an
/// edit elsewhere, a fee in a 625-school scenario, does not redraw its seventeen fields.
impl PartialEq for MeetingProps {
    fn eq(&self, other: &Self) -> bool {
        let (a, b) = (&self.draft, &other.draft);
        (Rc::ptr_eq(a, b) || a.same_meeting(b))
            && self.errors == other.errors
            && self.dispatch == other.dispatch
    }
}

#[function_component(MeetingForm)]
pub fn meeting_form(p: &MeetingProps) -> Html {
    let pasted = use_node_ref();
    let sort = {
        let (pasted, dispatch, draft) = (pasted.clone(), p.dispatch.clone(), p.draft.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(area) = pasted.cast::<HtmlTextAreaElement>() else {
                return;
            };
            let a = split_attendance(&area.value());
            for (f, added) in [(M::Present, a.present), (M::Proxies, a.proxies)] {
                let field = Field::Meeting(f);
                edit_field(&dispatch, field).emit(merge_lines(draft.text(field), &added));
            }
            area.set_value("");
        })
    };
    // Open when something of the meeting is typed, so that nothing typed is hidden.
    let open = p.draft.meeting_typed();
    html! {
        <details class="meeting" {open}>
            <summary>{ "Séance du conseil municipal (facultatif, pour le projet de délibération)" }</summary>
            <p class="hint">{ "Ce qui n'est pas saisi reste en blanc dans le projet, à compléter. Les contrôles (quorum, convocation, pouvoirs, vote) s'affichent avec les résultats." }</p>
            { field_rows(&MEETING, &p.draft, &p.errors, &p.dispatch) }
            <div class="field wide">
                <label for="seance-coller">{ "Coller la liste de présence du procès-verbal" }</label>
                <textarea id="seance-coller" ref={pasted} rows="3" aria-describedby="seance-coller-aide" />
                <p class="hint" id="seance-coller-aide">{ paste_hint() }</p>
                <button type="button" id="seance-repartir" onclick={sort}>{ "Répartir présents et pouvoirs" }</button>
            </div>
        </details>
    }
}
