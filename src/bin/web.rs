//! The web app's entry point, built by Trunk for wasm32 (see index.html).

#[cfg(target_arch = "wasm32")]
fn main() {
    laclasse_sim::ui::run();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("laclasse-sim-web est l'application web : `make serve` la construit et la sert.");
    std::process::exit(2);
}
