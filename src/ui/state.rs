//! The pure app state as a Yew reducer.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::{Action, AppState};

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
