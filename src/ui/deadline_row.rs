//! One date of the deadlines list. Drawn again only when its own deadline changes: an edit of
//! the fee in a 625-school simulation changes the titles' amounts, not the hundreds of other
//! dates.

use std::rc::Rc;

use chrono::NaiveDate;
use yew::prelude::*;

use super::why::{ClauseTag, Why};
use crate::engine::Simulation;
use crate::engine::dates::{fr, fr_weekday};
use crate::web::summary::remaining;

#[derive(Properties)]
pub struct DeadlineRowProps {
    pub sim: Rc<Simulation>,
    /// The deadline's place in `sim.deadlines`.
    pub index: usize,
    pub today: NaiveDate,
    /// A past date shown only on paper.
    pub print_only: bool,
}

impl PartialEq for DeadlineRowProps {
    fn eq(&self, other: &Self) -> bool {
        self.today == other.today
            && self.print_only == other.print_only
            && self.sim.deadlines.get(self.index) == other.sim.deadlines.get(other.index)
    }
}

#[function_component(DeadlineRow)]
pub fn deadline_row(p: &DeadlineRowProps) -> Html {
    let Some(d) = p.sim.deadlines.get(p.index) else {
        return Html::default();
    };
    let today = p.today;
    let explain = {
        let (sim, index) = (p.sim.clone(), p.index);
        Callback::from(move |_| sim.deadlines[index].why())
    };
    html! {
        <tr class={classes!(format!("k-{}", d.kind.code()), (d.date < today).then_some("past"), p.print_only.then_some("print-row"))}>
            <td class="date">{ format!("{} {}", fr_weekday(d.date), fr(d.date)) }</td>
            <td class="deadline-label"><span class="kind">{ d.kind.label() }</span>{ " — " }{ &d.label }
                if let Some(w) = d.warning() { <span class={if d.kind.commune_acts() { "warn" } else { "note" }}>{ format!(" ⚠ {w}") }</span> }
            </td>
            <td>{ remaining(today, d.date) }</td>
            <td><ClauseTag clause={d.clause} />{ " " }<Why {explain} /></td>
        </tr>
    }
}
