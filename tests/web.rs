//! The engine and the app in a real browser (headless Chromium, wasm-bindgen-test).
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

use engine::simulate;
use io::{parse_str, report, samples};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn the_engine_gives_tassin_s_figures_in_the_browser() {
    let scenario = parse_str(samples::TASSIN_JSON).expect("the example is valid");
    let sim = simulate(&scenario);
    let r = report::report(&sim);
    let fees: Vec<u64> = r.convention_years.iter().map(|y| y.fee_cents).collect();
    assert_eq!(fees, [60000, 60000, 45000, 45000, 45000]);
    let budget: Vec<u64> = r.budget_years.iter().map(|b| b.fee_cents).collect();
    assert_eq!(budget, [45000, 75000, 45000, 45000, 45000]);
    assert_eq!(r.appeal_deadline.as_deref(), Some("2024-01-17"));
}

mod app {
    //! The app's components, mounted in the page and used through the DOM.

    use wasm_bindgen::JsCast;
    use wasm_bindgen_test::*;
    use web_sys::{Element, HtmlElement, HtmlInputElement};

    use laclasse_sim::ui::App;

    fn document() -> web_sys::Document {
        web_sys::window().unwrap().document().unwrap()
    }

    /// A fresh app: no stored simulations, no link in the address.
    fn mount() -> Element {
        let window = web_sys::window().unwrap();
        window.local_storage().unwrap().unwrap().clear().unwrap();
        let path = window.location().pathname().unwrap();
        window
            .history()
            .unwrap()
            .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path))
            .unwrap();
        let root = document().create_element("div").unwrap();
        document().body().unwrap().append_child(&root).unwrap();
        yew::Renderer::<App>::with_root(root.clone()).render();
        root
    }

    /// Lets the renderer run: a turn of the event loop, then every pending render.
    async fn settle() {
        yew::platform::time::sleep(std::time::Duration::from_millis(1)).await;
        yew::scheduler::flush().await;
    }

    fn text(root: &Element, selector: &str) -> String {
        root.query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("no {selector}"))
            .text_content()
            .unwrap_or_default()
    }

    fn type_into(root: &Element, selector: &str, value: &str) {
        let input: HtmlInputElement = root
            .query_selector(selector)
            .unwrap()
            .unwrap()
            .dyn_into()
            .unwrap();
        input.set_value(value);
        let event = web_sys::Event::new("input").unwrap();
        input.dispatch_event(&event).unwrap();
    }

    /// The field is left, as a person tabbing out of it does: its error may show.
    fn leave(root: &Element, selector: &str) {
        let input = root.query_selector(selector).unwrap().unwrap();
        input
            .dispatch_event(&web_sys::Event::new("blur").unwrap())
            .unwrap();
    }

    #[wasm_bindgen_test]
    async fn the_example_shows_its_fees_with_their_clause() {
        let root = mount();
        settle().await;
        let first = text(&root, "#annees-convention tbody tr");
        assert!(
            first.contains("16/11/2023") && first.contains("600,00 €"),
            "{first}"
        );
        assert_eq!(
            root.query_selector_all("#annees-convention tbody tr")
                .unwrap()
                .length(),
            5
        );
        assert!(text(&root, ".fees .clause").contains("Art. 6"));
        assert!(text(&root, ".simulation-name").contains("exemple"));
        root.remove();
    }

    #[wasm_bindgen_test]
    async fn typing_a_fee_updates_the_figures_and_an_invalid_one_is_kept_with_its_error() {
        let root = mount();
        settle().await;
        type_into(&root, "#annual-fee", "175");
        settle().await;
        assert!(text(&root, "#annees-convention tbody tr").contains("700,00 €"));
        type_into(&root, "#annual-fee", "17,5,0");
        settle().await;
        // While typing, no error yet; once the field is left, the error.
        assert!(root.query_selector(".convention .error").unwrap().is_none());
        leave(&root, "#annual-fee");
        settle().await;
        let input: HtmlInputElement = root
            .query_selector("#annual-fee")
            .unwrap()
            .unwrap()
            .dyn_into()
            .unwrap();
        assert_eq!(input.value(), "17,5,0");
        assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
        assert!(text(&root, ".convention .error").contains("n'est pas un montant"));
        // The last valid figures stay, marked as such.
        assert!(text(&root, "#erreurs").contains("dernière saisie valide"));
        assert!(text(&root, "#annees-convention tbody tr").contains("700,00 €"));
        root.remove();
    }

    #[wasm_bindgen_test]
    async fn why_opens_the_engine_s_explanation() {
        let root = mount();
        settle().await;
        // « pourquoi ? » is a button that opens the explanation in a dialog.
        let button: HtmlElement = root
            .query_selector("#exercices tbody tr .why-button")
            .unwrap()
            .unwrap()
            .dyn_into()
            .unwrap();
        button.click();
        settle().await;
        assert!(
            root.query_selector("#exercices dialog[open]")
                .unwrap()
                .is_some()
        );
        let shown = text(&root, "#exercices .explanation");
        assert!(shown.contains("titre annuel de recette"), "{shown}");
        assert!(shown.contains("Titre du 24/11/2023"), "{shown}");
        root.remove();
    }

    #[wasm_bindgen_test]
    async fn adding_and_deleting_a_school_can_be_undone() {
        let root = mount();
        settle().await;
        let rows = || {
            root.query_selector_all(".schools-table tbody.school")
                .unwrap()
                .length()
        };
        let click = |selector: &str| {
            let b: HtmlElement = root
                .query_selector(selector)
                .unwrap()
                .unwrap()
                .dyn_into()
                .unwrap();
            b.click();
        };
        assert_eq!(rows(), 4);
        click("#ajouter-ecole");
        settle().await;
        assert_eq!(rows(), 5);
        click(".schools-table tbody.school:last-child button.danger");
        settle().await;
        assert_eq!(rows(), 4);
        click(".schools-table tbody.school:first-of-type button.danger");
        settle().await;
        assert_eq!(rows(), 3);
        assert!(text(&root, ".undo-bar").contains("École élémentaire du Bourg"));
        click("#annuler");
        settle().await;
        assert_eq!(rows(), 4);
        root.remove();
    }
}
