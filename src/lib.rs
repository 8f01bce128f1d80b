//! laclasse-sim: the laclasse.com convention of the Métropole de Lyon, computed.
//!
//! - [`engine`]: the convention's rules R1–R10 as pure Rust, each result with its explanation;
//! - [`io`]: the scenario file, the JSON and French text reports, shared by the command and the
//!   web app;
//! - `ui` (wasm32 only): the Yew web app, which renders what the engine computed.

pub mod app;
pub mod engine;
pub mod io;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;

#[cfg(target_arch = "wasm32")]
pub mod ui;
