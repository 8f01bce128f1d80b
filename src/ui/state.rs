//! The pure app state as a Yew reducer, with the two things only the page can do: save to the
//! browser's storage, and hear of another tab's write.

use std::rc::Rc;

use yew::prelude::*;

use super::browser::LocalKv;
use crate::web::app::schema::Field;
use crate::web::state::{Action, AppState};
use crate::web::storage;

/// What the reducer is asked.
#[derive(Clone, Debug, PartialEq)]
pub enum Msg {
    /// A person's action.
    Do(Action),
    /// Save what changed to the browser's storage.
    Persist,
    /// Another tab wrote (or removed) this key.
    External(String, Option<String>),
    /// The person saved a file: saving in the browser may start again.
    ResumeAutosave,
}

/// The app's state in the reducer.
#[derive(Clone, Debug, PartialEq)]
pub struct Store(pub AppState);

impl Reducible for Store {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let mut next = self.0.clone();
        match msg {
            Msg::Do(action) => {
                next.apply(action);
                // The address names the open simulation at once, not after the next render:
                // a reload right after an edit that made a copy reopens the copy.
                if next.library.current != self.0.library.current {
                    super::browser::set_hash(&super::browser::simulation_hash(
                        &next.library.current,
                    ));
                }
            }
            Msg::Persist => {
                storage::persist(&mut next, &mut LocalKv);
                // The address names what was saved as open, even when the page is left before
                // it is drawn again (a reload right after an edit that made a copy).
                super::browser::set_hash(&super::browser::simulation_hash(&next.library.current));
            }
            // What is stored now, not what the event carried: when two tabs write at once, the
            // event of the first write arrives after the second.
            Msg::External(key, value) => {
                let now = storage::KeyValue::get(&LocalKv, &key).or(value);
                storage::external_change(&mut next, &key, now.as_deref())
            }
            Msg::ResumeAutosave => {
                storage::resume(&mut next);
                storage::persist(&mut next, &mut LocalKv);
            }
        }
        if next == self.0 {
            return self;
        }
        Rc::new(Store(next))
    }
}

/// What components hold to act: stable across renders, so rows do not re-render for it.
#[derive(Clone, PartialEq)]
pub struct Dispatch(pub UseReducerDispatcher<Store>);

impl Dispatch {
    /// Does `action`.
    pub fn dispatch(&self, action: Action) {
        self.0.dispatch(Msg::Do(action));
    }

    /// Sends `msg` to the reducer.
    pub fn send(&self, msg: Msg) {
        self.0.dispatch(msg);
    }
}

/// A callback that sets `field` of the open scenario to what was typed.
pub fn edit_field(dispatch: &Dispatch, field: Field) -> Callback<String> {
    let d = dispatch.clone();
    Callback::from(move |v: String| d.dispatch(Action::Edit(field, v)))
}
