//! One date of the deadlines list. Drawn again only when its own deadline changes: an edit of
//! the fee in a 625-school simulation changes the titles' amounts, not the hundreds of other
//! dates. Draws `web::views::deadlines::deadline_row`.

use chrono::NaiveDate;
use yew::prelude::*;

use super::why::{ClauseTag, Why};
use crate::web::live::Figures;
use crate::web::views::deadlines::{deadline_row as row_of, deadline_why, same_deadline};
use crate::web::views::unavailable;

#[derive(Properties)]
pub struct DeadlineRowProps {
    pub figures: Figures,
    /// The deadline's place in the calendar.
    pub index: usize,
    pub today: NaiveDate,
    /// A past date shown only on paper.
    pub print_only: bool,
}

impl PartialEq for DeadlineRowProps {
    fn eq(&self, other: &Self) -> bool {
        self.today == other.today
            && self.print_only == other.print_only
            && self.index == other.index
            && same_deadline(&self.figures, &other.figures, self.index)
    }
}

#[function_component(DeadlineRow)]
pub fn deadline_row(p: &DeadlineRowProps) -> Html {
    let Some(d) = row_of(&p.figures, p.index, p.today) else {
        return Html::default();
    };
    let explain = {
        let (figures, index) = (p.figures.clone(), p.index);
        Callback::from(move |_| deadline_why(&figures, index).unwrap_or_else(unavailable))
    };
    html! {
        <tr class={classes!(format!("k-{}", d.kind_code), d.past.then_some("past"), d.beyond_a_year.then_some("beyond-a-year"), p.print_only.then_some("print-row"))}>
            <td class="date">{ d.date }</td>
            <td class="deadline-label"><span class="kind">{ d.kind }</span>{ " — " }{ d.label }
                if let Some((w, acts)) = d.warning { <span class={if acts { "warn" } else { "note" }}>{ w }</span> }
            </td>
            <td>{ d.remaining }</td>
            <td><ClauseTag clause={d.clause} />{ " " }<Why {explain} /></td>
        </tr>
    }
}
