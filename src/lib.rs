//! laclasse-sim: the laclasse.com convention of the Métropole de Lyon, computed.
//!
//! - [`engine`]: the convention's rules R1–R10 as pure Rust, each result with its explanation;
//! - [`io`]: the scenario file, the JSON and French text reports, shared by the command and the
//!   web app;
//! - [`web`]: the web app's pure logic (state and actions, the draft as typed, the live
//!   computation, import, sharing), compiled on every target and tested natively;
//! - `ui` (wasm32 only): the Yew components, which render `web`'s state and dispatch its
//!   actions.

#![warn(missing_docs)]

pub mod engine;
pub mod io;
pub mod web;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;

#[cfg(target_arch = "wasm32")]
pub mod ui;
