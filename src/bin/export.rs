//! The spreadsheet exports as a web worker (built by Trunk, see index.html): the heavy .xlsx and
//! .ods writers stay out of the first page load.

#[cfg(target_arch = "wasm32")]
fn main() {
    laclasse_sim::ui::export_worker::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "laclasse-sim-export est le module d'export de l'application web ; en ligne de commande : laclasse-sim export."
    );
    std::process::exit(2);
}
