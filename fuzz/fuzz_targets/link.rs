//! The shared links' decoders (`#s=…` and `#comparer=…`), fed arbitrary text after their
//! prefix: never a panic; a link that opens gives a draft within the scenario's limits whose
//! value is read again (never a panic), and a comparison of two or three simulations.

#![no_main]

use laclasse_sim::io::parse_value;
use laclasse_sim::io::scenario::MAX_SCHOOLS;
use laclasse_sim::web::share::{decode_compare, decode_share};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let payload = String::from_utf8_lossy(data);
    for prefix in ["#s=", "#comparer="] {
        let hash = format!("{prefix}{payload}");
        if let Some(Ok(draft)) = decode_share(&hash) {
            assert!(draft.schools.len() <= MAX_SCHOOLS);
            let _ = parse_value(&draft.to_value());
        }
        if let Some(Ok(list)) = decode_compare(&hash) {
            assert!((2..=3).contains(&list.len()));
            for (name, draft) in &list {
                assert!(!name.contains(['\n', '\r', '\u{202e}']));
                assert!(draft.schools.len() <= MAX_SCHOOLS);
            }
        }
    }
    // The payload as base64 of the text itself: the decoder's JSON side.
    use base64::Engine as _;
    let encoded = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(data);
    if let Some(Ok(draft)) = decode_share(&format!("#s={encoded}")) {
        assert!(draft.schools.len() <= MAX_SCHOOLS);
    }
});
