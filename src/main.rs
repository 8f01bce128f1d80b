//! `laclasse-sim`, the command-line report. See `laclasse-sim --help`.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(laclasse_sim::cli::main());
}

// The command is native only; the web app's entry point is `src/bin/web.rs`.
#[cfg(target_arch = "wasm32")]
fn main() {}
