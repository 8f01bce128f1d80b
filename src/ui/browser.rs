//! What the app asks of the browser: today's date, local storage, the page address, files,
//! printing. Each failure comes back as a French message, never a panic.

use chrono::NaiveDate;
use wasm_bindgen::{JsCast, JsValue};

use crate::web::app::parse_iso;
use crate::web::state::SimId;
use crate::web::storage::{KeyValue, Refused, Start};

/// Today, from the browser's clock; `?aujourdhui=AAAA-MM-JJ` in the address sets it (for a
/// what-if, and for tests that must not depend on the day they run).
pub fn today() -> NaiveDate {
    let from_query = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .and_then(|q| {
            q.trim_start_matches('?')
                .split('&')
                .find_map(|kv| kv.strip_prefix("aujourdhui=").map(str::to_string))
        })
        .and_then(|d| parse_iso(&d));
    from_query.unwrap_or_else(|| {
        let now = js_sys::Date::new_0();
        NaiveDate::from_ymd_opt(
            now.get_full_year() as i32,
            now.get_month() + 1,
            now.get_date(),
        )
        .unwrap_or_default()
    })
}

/// The browser's local storage as a [`KeyValue`]; a browser without one stores nothing, and
/// every write says so.
pub struct LocalKv;

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

impl KeyValue for LocalKv {
    fn get(&self, key: &str) -> Option<String> {
        local_storage().and_then(|s| s.get_item(key).ok().flatten())
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), Refused> {
        local_storage()
            .ok_or(Refused)
            .and_then(|s| s.set_item(key, value).map_err(|_| Refused))
    }

    fn remove(&mut self, key: &str) {
        if let Some(s) = local_storage() {
            let _ = s.remove_item(key);
        }
    }

    fn keys(&self) -> Vec<String> {
        let Some(s) = local_storage() else {
            return Vec::new();
        };
        let n = s.length().unwrap_or(0);
        (0..n).filter_map(|i| s.key(i).ok().flatten()).collect()
    }
}

/// What the page knows when it starts: a prefix for this tab's new simulations (drawn at
/// random, so that two tabs never make the same id), the clock, and the address's simulation.
pub fn start() -> Start {
    let now = js_sys::Date::new_0();
    let tab = format!(
        "{:x}{:06x}",
        now.get_time() as u64,
        (js_sys::Math::random() * 16_777_216.0) as u32
    );
    let now_text = format!(
        "{:04}-{:02}-{:02} {:02}:{:02}:{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date(),
        now.get_hours(),
        now.get_minutes(),
        now.get_seconds()
    );
    Start {
        tab,
        now_ms: now.get_time() as u64,
        now_text,
        open: opened_simulation(&current_hash()),
    }
}

/// The simulation an address names: `#sim=<id>`.
pub fn opened_simulation(hash: &str) -> Option<SimId> {
    hash.strip_prefix(SIM_HASH)
        .filter(|id| !id.is_empty())
        .map(|id| SimId(id.to_string()))
}

/// The address of simulation `id`: it names it, and holds none of its data.
pub fn simulation_hash(id: &SimId) -> String {
    format!("{SIM_HASH}{id}")
}

/// The fragment that names a simulation.
const SIM_HASH: &str = "#sim=";

/// The page address's fragment (`#s=…`).
pub fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Replaces the page address's fragment without adding to the history.
pub fn set_hash(hash: &str) {
    if let Some(w) = web_sys::window()
        && let Ok(history) = w.history()
    {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(hash));
    }
}

/// The full address of the page with `hash`, for "copier le lien".
pub fn link_with(hash: &str) -> String {
    let location = web_sys::window().map(|w| w.location());
    let base = location
        .map(|l| {
            format!(
                "{}{}{}",
                l.origin().unwrap_or_default(),
                l.pathname().unwrap_or_default(),
                l.search().unwrap_or_default()
            )
        })
        .unwrap_or_default();
    format!("{base}{hash}")
}

/// Offers `text` as a file to save.
pub fn download(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    download_parts(file_name, mime, &wasm_bindgen::JsValue::from_str(text))
}

/// Offers bytes (a `Uint8Array`, as the export worker sends them) as a file to save.
pub fn download_bytes(
    file_name: &str,
    mime: &str,
    bytes: &js_sys::Uint8Array,
) -> Result<(), String> {
    download_parts(file_name, mime, bytes)
}

/// A URL for `text` as a page of its own (the deliberation draft, to print).
/// A new tab opened now, in the click that asks for a document (a tab opened later, when the
/// worker answers, would be blocked as a pop-up); [`show_html_in`] fills it.
pub fn open_blank() -> Option<web_sys::Window> {
    web_sys::window()?
        .open_with_url_and_target("about:blank", "_blank")
        .ok()
        .flatten()
}

/// A blob holding `content` as `mime`.
fn text_blob(content: &str, mime: &str) -> Option<web_sys::Blob> {
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()
}

/// An object URL for the HTML page `html`.
fn html_url(html: &str) -> Result<String, String> {
    text_blob(html, "text/html;charset=utf-8")
        .and_then(|blob| web_sys::Url::create_object_url_with_blob(&blob).ok())
        .ok_or_else(|| "Le navigateur n'a pas pu préparer la page.".to_string())
}

/// Shows `html` in the tab `tab` opened by [`open_blank`], or in a new one if none could be.
pub fn show_html_in(tab: Option<&web_sys::Window>, html: &str) -> Result<(), String> {
    let Some(tab) = tab else {
        return open_html(html);
    };
    let url = html_url(html)?;
    tab.location()
        .set_href(&url)
        .map_err(|_| "Le navigateur n'a pas pu afficher la page.".to_string())
}

/// Opens `html` in a new tab.
pub fn open_html(html: &str) -> Result<(), String> {
    let url = html_url(html)?;
    web_sys::window()
        .and_then(|w| w.open_with_url_and_target(&url, "_blank").ok())
        .map(|_| ())
        .ok_or_else(|| "Le navigateur a bloqué l'ouverture de la page.".to_string())
}

fn download_parts(file_name: &str, mime: &str, part: &wasm_bindgen::JsValue) -> Result<(), String> {
    let fail = |_| "Le navigateur n'a pas pu préparer le fichier.".to_string();
    let parts = js_sys::Array::of1(part);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("Pas de document.")?;
    let a: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(fail)?
        .dyn_into()
        .map_err(|_| "Pas de lien.".to_string())?;
    a.set_href(&url);
    a.set_download(file_name);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// Prints the whole calendar and the what-ifs too (the page's `data-print="all"`, taken off
/// once printed).
pub fn print_all() {
    let Some(w) = web_sys::window() else { return };
    let Some(root) = w.document().and_then(|d| d.document_element()) else {
        return;
    };
    let _ = root.set_attribute("data-print", "all");
    let listener = {
        let root = root.clone();
        gloo_events::EventListener::once(&w, "afterprint", move |_| {
            let _ = root.remove_attribute("data-print");
        })
    };
    listener.forget();
    let _ = w.print();
}

/// Copies a document as formatted text: an HTML flavour (a word processor pastes headings,
/// bold and tables) and a plain-text flavour (a mail or a text field pastes the words, not
/// markup). Where the browser has no `ClipboardItem`, the plain text alone.
pub fn copy_formatted(html: &str, text: &str) {
    let Some(w) = web_sys::window() else { return };
    let clipboard = w.navigator().clipboard();
    let blob = text_blob;
    let item = (|| {
        let record = js_sys::Object::new();
        let (html, text): (JsValue, JsValue) = (
            blob(html, "text/html")?.into(),
            blob(text, "text/plain")?.into(),
        );
        js_sys::Reflect::set(&record, &"text/html".into(), &html).ok()?;
        js_sys::Reflect::set(&record, &"text/plain".into(), &text).ok()?;
        web_sys::ClipboardItem::new_with_record_from_str_to_blob_promise(&record).ok()
    })();
    match item {
        Some(item) => {
            let _ = clipboard.write(&js_sys::Array::of1(&item));
        }
        None => {
            let _ = clipboard.write_text(text);
        }
    }
}

/// Copies `text` to the clipboard (the promise is left to the browser).
pub fn copy(text: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.navigator().clipboard().write_text(text);
    }
}

/// Moves the focus to the element `id` once the page has drawn the current change (after the
/// dispatch that makes it).
pub fn focus_later(id: String) {
    gloo_timers::callback::Timeout::new(0, move || {
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&id))
            .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
        {
            let _ = el.focus();
        }
    })
    .forget();
}
