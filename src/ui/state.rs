//! The pure app state as a Yew reducer.

use std::rc::Rc;

use yew::prelude::*;

use crate::io::schema::Field;
use crate::web::state::{Action, AppState};

#[derive(Clone, Debug, PartialEq)]
pub struct Store(pub AppState);

impl Reducible for Store {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = self.0.clone();
        next.apply(action);
        Rc::new(Store(next))
    }
}

/// What components hold to act: stable across renders, so rows do not re-render for it.
pub type Dispatch = UseReducerDispatcher<Store>;

/// A callback that sets `field` of the open scenario to what was typed.
pub fn edit_field(dispatch: &Dispatch, field: Field) -> Callback<String> {
    let d = dispatch.clone();
    Callback::from(move |v: String| d.dispatch(Action::Edit(field, v)))
}
