//! laclasse-sim: the laclasse.com convention of the Métropole de Lyon, computed.
//!
//! The layers are crates of this workspace (docs/DESIGN.md):
//! - [`engine`] (`crates/engine`): the convention's rules R1–R10 and the council's D1–D7 as pure
//!   Rust, each result with its explanation;
//! - [`io`] (`crates/io`): the scenario format and its field schema, the reports, the documents,
//!   shared by the command and the web app;
//! - [`web`] (`crates/web`): the app's pure logic (state and actions, the draft as typed, the
//!   live computation, a view per section), tested natively;
//! - this crate: the command ([`cli`], native) and the Yew app (`ui`, wasm32), which draws
//!   `web`'s views and dispatches its actions.

#![warn(missing_docs)]

pub use web;

// The command's layers, natively only: the app (wasm32) reaches none of them.
#[cfg(not(target_arch = "wasm32"))]
pub use engine;
#[cfg(not(target_arch = "wasm32"))]
pub use io;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;

#[cfg(target_arch = "wasm32")]
pub mod ui;
