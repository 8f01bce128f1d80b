//! The schools as a compact list: a line a school (name, level, eligibility, fee), its other
//! fields in a panel that unfolds. Draws `web::views::schools`.

use std::rc::Rc;

use yew::prelude::*;

use super::import::ImportSchools;
use super::import_directory::ImportDirectory;
use super::pager::{PAGE_SIZE, Pager, page_range};
use super::school_row::SchoolRow;
use super::state::Dispatch;
use crate::web::app::schema::{Field, FieldRef, SchoolField};
use crate::web::app::{FieldError, schools_hint};
use crate::web::draft::Draft;
use crate::web::live::Figures;
use crate::web::state::Action;
use crate::web::views::schools::{HEADS, SchoolLine, school_line};

#[derive(Properties)]
pub struct SchoolsProps {
    pub draft: Rc<Draft>,
    pub errors: Rc<Vec<FieldError>>,
    pub dispatch: Dispatch,
    /// The figures of what is typed, when valid: each line's eligibility and fee.
    #[prop_or_default]
    pub figures: Option<Figures>,
}

/// Drawn again only when a school changes (each compared as shared, not by content), an
/// error, or the figures (compared as shared): a page of lines at most.
impl PartialEq for SchoolsProps {
    fn eq(&self, other: &Self) -> bool {
        let (a, b) = (&self.draft, &other.draft);
        (Rc::ptr_eq(a, b)
            || (a.same_schools(b)
                && [Field::Notified, Field::CommuneName, Field::CommuneInsee]
                    .iter()
                    .all(|f| a.text(*f) == b.text(*f))))
            && self.errors == other.errors
            && self.dispatch == other.dispatch
            && match (&self.figures, &other.figures) {
                (Some(x), Some(y)) => x.same(y),
                (None, None) => true,
                _ => false,
            }
    }
}

/// The errors of school `i`, by field.
fn row_errors(errors: &[FieldError], i: usize) -> Vec<(SchoolField, String)> {
    errors
        .iter()
        .filter_map(|e| match e.field {
            Some(FieldRef::School(index, field)) if index == i => Some((field, e.message.clone())),
            _ => None,
        })
        .collect()
}

#[function_component(SchoolsTable)]
pub fn schools_table(p: &SchoolsProps) -> Html {
    let total = p.draft.schools.len();
    let page = use_state(|| 0usize);
    // A page that no longer exists (rows deleted) shows the last one.
    let current = (*page).min(total.saturating_sub(1) / PAGE_SIZE);
    let onpage = {
        let page = page.clone();
        Callback::from(move |to: usize| page.set(to))
    };
    let add = {
        let d = p.dispatch.clone();
        let page = page.clone();
        let next = p.draft.next_school_id();
        Callback::from(move |_| {
            d.dispatch(Action::AddSchool);
            // The person goes on with the new school's name.
            super::browser::focus_later(SchoolField::Name.element_id(next));
            // Show the new row, on the last page.
            page.set(total / PAGE_SIZE);
        })
    };
    let notified = AttrValue::from(p.draft.text(Field::Notified).to_string());
    html! {
        <section class="schools" aria-labelledby="ecoles-titre">
            <h2 id="ecoles-titre">{ format!("Écoles ({})", p.draft.schools.len()) }</h2>
            <p class="hint">{ schools_hint() }</p>
            <table class="schools-table">
                <thead><tr>{ for HEADS.iter().map(|h| html! { <th scope="col">{ *h }</th> }) }</tr></thead>
                { for p.draft.schools.iter().enumerate().skip(page_range(current, total).start).take(PAGE_SIZE).map(|(i, s)| {
                    let line = match &p.figures {
                        Some(f) => school_line(f, i, s.name()),
                        None => SchoolLine::waiting(),
                    };
                    html! {
                        <SchoolRow key={s.id} school={s.clone()} number={i + 1} errors={row_errors(&p.errors, i)} dispatch={p.dispatch.clone()}
                            {line} notified={notified.clone()} />
                    }
                }) }
            </table>
            <Pager id="pages-ecoles" what="écoles" page={current} {total} {onpage} />
            if p.draft.schools.is_empty() { <p class="empty">{ "Aucune école pour l'instant." }</p> }
            <div class="toolbar">
                <button type="button" id="ajouter-ecole" class="primary" onclick={add}>{ "+ Ajouter une école" }</button>
            </div>
            <ImportSchools dispatch={p.dispatch.clone()} />
            <ImportDirectory draft={p.draft.clone()} dispatch={p.dispatch.clone()} />
        </section>
    }
}
