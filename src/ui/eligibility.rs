//! Each school: eligible or not, why, with the clause; warnings; access dates. Draws
//! `web::views::eligibility`.

use std::rc::Rc;

use yew::prelude::*;

use super::pager::{PAGE_SIZE, Pager, page_range};
use super::why::{ClauseTag, Why};
use crate::web::live::Figures;
use crate::web::views::eligibility::{EligibilityView, SchoolStatusRow};
use crate::web::views::unavailable;

#[derive(Properties, PartialEq)]
pub struct EligibilityProps {
    pub figures: Figures,
}

#[function_component(EligibilityList)]
pub fn eligibility_list(p: &EligibilityProps) -> Html {
    let view = Rc::new(EligibilityView::of(&p.figures));
    let total = view.schools;
    let page = use_state(|| 0usize);
    let current = (*page).min(total.saturating_sub(1) / PAGE_SIZE);
    let onpage = {
        let page = page.clone();
        Callback::from(move |to: usize| page.set(to))
    };
    let range = page_range(current, total);
    let first = range.start;
    html! {
        <section class="eligibility" aria-labelledby="eligibilite-titre">
            <h2 id="eligibilite-titre">{ &view.title }</h2>
            <table tabindex="0" class="figures" id="eligibilite">
                <thead><tr><th scope="col">{ "École" }</th><th scope="col">{ "Statut" }</th><th scope="col">{ "Accès" }</th><th scope="col"><span class="visually-hidden">{ "Explication" }</span></th></tr></thead>
                <tbody>{ for view.rows(range).into_iter().enumerate().map(|(i, row)| html! {
                    <SchoolStatus {row} view={view.clone()} index={first + i} />
                }) }</tbody>
            </table>
            <Pager id="pages-eligibilite" what="écoles" page={current} {total} {onpage} />
        </section>
    }
}

#[derive(Properties)]
struct SchoolStatusProps {
    row: SchoolStatusRow,
    view: Rc<EligibilityView>,
    index: usize,
}

/// A row is drawn again only when its school changes.
impl PartialEq for SchoolStatusProps {
    fn eq(&self, other: &Self) -> bool {
        self.index == other.index && self.view.same_school(&other.view, self.index)
    }
}

#[function_component(SchoolStatus)]
fn school_status(p: &SchoolStatusProps) -> Html {
    let s = &p.row;
    let why = {
        let (view, index) = (p.view.clone(), p.index);
        Callback::from(move |_| view.why(index).unwrap_or_else(unavailable))
    };
    html! {
        <tr class={classes!(if s.eligible { "ok" } else { "bad" })}>
            <th scope="row">{ &s.name }</th>
            <td class="findings-cell">
                <strong>{ s.status }</strong>
                <ul class="findings">
                    { for s.reasons.iter().map(|(m, clause)| html! { <li class="reason">{ m }{ " " }<ClauseTag clause={*clause} /></li> }) }
                    { for s.warnings.iter().map(|(m, clause)| html! { <li class="warning">{ "⚠ " }{ m }{ " " }<ClauseTag clause={*clause} /></li> }) }
                </ul>
            </td>
            <td>{ &s.access }</td>
            <td><Why explain={why} /></td>
        </tr>
    }
}
