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

/// The policy a host sends (docs/hosting) and `make serve` sends (Trunk.toml): the page's own
/// plus frame-ancestors 'none', which a <meta> cannot carry.
#[test]
fn the_hosts_headers_carry_the_same_policy_and_forbid_framing() {
    let html = include_str!("../index.html");
    let meta = html
        .split("http-equiv=\"Content-Security-Policy\" content=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap();
    let header = format!("{meta}; frame-ancestors 'none'");
    for (file, text) in [
        (
            "docs/hosting/security-headers.conf",
            include_str!("../docs/hosting/security-headers.conf"),
        ),
        ("Trunk.toml", include_str!("../Trunk.toml")),
    ] {
        assert!(text.contains(&header), "{file} does not send « {header} »");
        for h in [
            "X-Content-Type-Options",
            "Referrer-Policy",
            "X-Frame-Options",
        ] {
            assert!(text.contains(h), "{file} misses {h}");
        }
    }
}
