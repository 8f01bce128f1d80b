//! Sharing a simulation: the scenario in a page address (`#s=` + base64url of its JSON), and
//! the file name it is saved under.

use base64::Engine as _;
use base64::engine::general_purpose::{URL_SAFE, URL_SAFE_NO_PAD};

use super::draft::Draft;
use crate::engine::text::fold_name;

/// The scenario in the page address: `#s=` + base64url of its JSON.
pub fn encode_share(draft: &Draft) -> String {
    let json = serde_json::to_string(&draft.to_value()).unwrap_or_default();
    format!("#s={}", URL_SAFE_NO_PAD.encode(json.as_bytes()))
}

/// Reads `#s=…` (base64url with or without padding, of the plain scenario JSON); `None` when
/// the address holds no scenario, a French message when it holds a damaged one.
pub fn decode_share(hash: &str) -> Option<Result<Draft, String>> {
    let payload = hash.strip_prefix("#s=")?;
    let bytes = URL_SAFE_NO_PAD
        .decode(payload.trim_end_matches('='))
        .or_else(|_| URL_SAFE.decode(payload));
    Some(match bytes {
        Err(_) => Err("Le lien ne contient pas un scénario lisible (encodage abîmé).".into()),
        Ok(bytes) => match String::from_utf8(bytes)
            .ok()
            .and_then(|t| Draft::from_json(&t))
        {
            Some(d) => Ok(d),
            None => Err("Le lien ne contient pas un scénario laclasse-sim lisible.".into()),
        },
    })
}

/// A file name from the commune's name: `laclasse-sim-tassin-la-demi-lune.json`.
pub fn file_name(commune: &str) -> String {
    // Each word folded (no accents, lower case), joined by hyphens.
    let slug = commune
        .split(|c: char| !c.is_alphanumeric())
        .map(fold_name)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let slug: String = slug.chars().take(40).collect();
    if slug.is_empty() {
        "laclasse-sim-scenario.json".into()
    } else {
        format!("laclasse-sim-{slug}.json")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::samples;

    #[test]
    fn a_link_gives_back_the_draft() {
        let draft = Draft::from_json(samples::TASSIN_JSON).unwrap();
        let hash = encode_share(&draft);
        let back = decode_share(&hash).unwrap().unwrap();
        assert_eq!(back.to_value(), draft.to_value());
        // With padding, as some mail clients add it.
        let padded = format!("{hash}{}", "=".repeat((4 - (hash.len() - 3) % 4) % 4));
        assert_eq!(
            decode_share(&padded).unwrap().unwrap().to_value(),
            draft.to_value()
        );
        assert!(decode_share("#s=@@@").unwrap().is_err());
        assert!(decode_share("#autre").is_none());
    }

    #[test]
    fn file_names_are_folded() {
        assert_eq!(
            file_name("Tassin-la-Demi-Lune"),
            "laclasse-sim-tassin-la-demi-lune.json"
        );
        assert_eq!(
            file_name("Sainte-Foy-lès-Lyon"),
            "laclasse-sim-sainte-foy-les-lyon.json"
        );
        assert_eq!(file_name("  "), "laclasse-sim-scenario.json");
    }
}
