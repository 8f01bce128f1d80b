//! The first figures, drawn before the web app loads (see `web::first_figures`): built by Trunk
//! as the page's first module, which then loads the app (scripts/defer-app.js).

#[cfg(target_arch = "wasm32")]
fn main() {
    laclasse_sim::ui::first_figures::show();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "laclasse-sim-figures est le premier module de l'application web : `make serve` la construit et la sert."
    );
    std::process::exit(2);
}
