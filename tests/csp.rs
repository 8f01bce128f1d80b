//! The page's Content-Security-Policy: no inline script, WebAssembly allowed, requests and
//! workers from the page's own origin only; the deliberation draft (opened from the page, so
//! under the same policy) keeps its style through the style's hash.

#![cfg(not(target_arch = "wasm32"))]

use base64::Engine as _;
use sha2::{Digest, Sha256};

use laclasse_sim::io::exports::deliberation::DRAFT_STYLE;

fn policy() -> Vec<(String, Vec<String>)> {
    let html = include_str!("../index.html");
    let start = html
        .find("http-equiv=\"Content-Security-Policy\" content=\"")
        .expect("index.html declares a Content-Security-Policy");
    let rest = &html[start..];
    let content = rest.split("content=\"").nth(1).unwrap();
    let content = &content[..content.find('"').unwrap()];
    content
        .split(';')
        .map(str::trim)
        .filter(|d| !d.is_empty())
        .map(|d| {
            let mut words = d.split_whitespace().map(str::to_string);
            (words.next().unwrap(), words.collect())
        })
        .collect()
}

fn directive(name: &str) -> Vec<String> {
    policy()
        .into_iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v)
        .unwrap_or_else(|| panic!("no {name} directive"))
}

#[test]
fn scripts_only_from_the_site_and_webassembly_allowed() {
    assert_eq!(directive("script-src"), ["'self'", "'wasm-unsafe-eval'"]);
    assert_eq!(directive("connect-src"), ["'self'"]);
    assert_eq!(directive("worker-src"), ["'self'"]);
    assert_eq!(directive("default-src"), ["'self'"]);
    assert_eq!(directive("object-src"), ["'none'"]);
    for (name, values) in policy() {
        assert!(
            !values
                .iter()
                .any(|v| v == "'unsafe-inline'" || v == "'unsafe-eval'"),
            "{name} allows inline code"
        );
    }
}

#[test]
fn the_draft_style_is_allowed_by_its_hash() {
    let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(DRAFT_STYLE));
    assert!(
        directive("style-src").contains(&format!("'sha256-{hash}'")),
        "style-src must allow the deliberation draft's style: 'sha256-{hash}'"
    );
}
