//! The web app's pure logic, compiled on every target and tested natively: the simulations and
//! every action on them ([`state`]), the scenario as typed ([`draft`]), the live computation
//! ([`live`]), importing schools from a CSV ([`csv_import`]) and sharing ([`share`]). The Yew
//! components in `ui` only render this state and dispatch its actions.

pub mod app;
pub mod attendance;
pub mod compare;
pub mod csv_import;
pub mod directory;
pub mod draft;
pub mod fee_changes;
pub mod first_figures;
pub mod forms;
pub mod live;
pub mod print;
pub mod share;
pub mod state;
pub mod storage;
pub mod summary;
pub mod territory;
pub mod views;
