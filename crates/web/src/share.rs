//! Sharing a simulation: the scenario in a page address (`#s=` + base64url of its JSON), and
//! the file name it is saved under.

use base64::Engine as _;
use base64::engine::general_purpose::{URL_SAFE, URL_SAFE_NO_PAD};

use std::rc::Rc;

use super::draft::Draft;
use engine::d1_d4_meeting::{family_name, normalized};
use engine::r10_eligibility::{r10_email_is_valid, r10_phone_is_valid};
use engine::scenario::{Proxy, names_in, proxy_lines};
use engine::text::fold_name;
use io::schema::{ContactField, Field, Input, Role, SchoolField};

/// The scenario in the page address: `#s=` + base64url of its JSON.
pub fn encode_share(draft: &Draft) -> String {
    let json = serde_json::to_string(&draft.to_value()).unwrap_or_default();
    format!("#s={}", URL_SAFE_NO_PAD.encode(json.as_bytes()))
}

/// Reads `#s=…` (base64url with or without padding, of the plain scenario JSON); `None` when
/// the address holds no scenario, a French message when it holds a damaged one.
pub fn decode_share(hash: &str) -> Option<Result<Draft, String>> {
    let payload = hash.strip_prefix("#s=")?;
    if hash.len() > MAX_LINK_CHARS {
        return Some(Err(too_long(hash)));
    }
    Some(match base64_payload(payload) {
        None => Err("Le lien ne contient pas un scénario lisible (encodage abîmé).".into()),
        Some(bytes) => match String::from_utf8(bytes) {
            Err(_) => Err("Le lien ne contient pas un scénario laclasse-sim lisible.".into()),
            Ok(text) => Draft::from_json(&text)
                .map_err(|why| format!("Le lien n'a pas été ouvert : {why}.")),
        },
    })
}

/// What is said of a link too long to be one of this app's: nothing of it is read.
fn too_long(hash: &str) -> String {
    format!(
        "Le lien n'a pas été ouvert : il fait {} caractères, plus que les {MAX_LINK_CHARS} d'un lien de laclasse-sim. Rien n'a été importé.",
        hash.len()
    )
}

/// The name a shared link's simulation is opened under.
pub fn shared_name(draft: &Draft) -> String {
    if draft.text(Field::CommuneName).trim().is_empty() {
        "Lien partagé".to_string()
    } else {
        format!("Lien partagé : {}", draft.text(Field::CommuneName).trim())
    }
}

/// The longest link offered: longer ones are refused by browsers or cut by mail programs.
pub const MAX_LINK_CHARS: usize = 1_000_000;

/// What stands for a name, an e-mail or a phone number in a link without personal data.
pub const MASKED: &str = "(masqué)";
/// A valid e-mail address that stands for one, so that eligibility does not change.
pub const MASKED_EMAIL: &str = "masque@exemple.invalid";
/// A valid phone number that stands for one, so that eligibility does not change.
pub const MASKED_PHONE: &str = "00 00 00 00 00";

/// What stands for `value` of contact field `f`: a marker, valid where the value was valid (so
/// that every eligibility and every figure stays the same), invalid where it was invalid, empty
/// where it was empty. A function (« Directrice ») is no personal data and stays.
fn masked(f: ContactField, value: &str) -> String {
    if value.trim().is_empty() {
        return value.to_string();
    }
    match f {
        ContactField::Function => value.to_string(),
        ContactField::Email if r10_email_is_valid(value) => MASKED_EMAIL.into(),
        ContactField::Phone if r10_phone_is_valid(value) => MASKED_PHONE.into(),
        _ => MASKED.into(),
    }
}

/// Markers for the council members' names: the same name (case and accents aside) gets the
/// same marker, and names of one family share its number, so that the meeting's checks (a
/// proxy held by a member present, a name spelt two ways) say the same thing.
#[derive(Default)]
struct MemberMarkers {
    families: Vec<(String, Vec<String>)>,
}

impl MemberMarkers {
    fn marker(&mut self, name: &str) -> String {
        let name = name.trim();
        if name.is_empty() {
            return String::new();
        }
        let (family, full) = (family_name(name), normalized(name));
        let k = match self.families.iter().position(|(f, _)| *f == family) {
            Some(k) => k,
            None => {
                self.families.push((family, Vec::new()));
                self.families.len() - 1
            }
        };
        let names = &mut self.families[k].1;
        let j = match names.iter().position(|n| *n == full) {
            Some(j) => j,
            None => {
                names.push(full);
                names.len() - 1
            }
        };
        format!("Membre{} prénom{}", k + 1, j + 1)
    }

    /// A field's text with each name replaced: a list of proxies proxy by proxy (« X donne
    /// pouvoir à Y » keeps its words, one a line or separated by « ; »), any other list of
    /// names name by name, each line keeping its names.
    fn mask_lines(&mut self, input: Input, text: &str) -> String {
        if input == Input::Proxies {
            return proxy_lines(text)
                .map(|line| match line.parse::<Proxy>() {
                    Ok(p) => Proxy {
                        giver: self.marker(&p.giver),
                        holder: self.marker(&p.holder),
                    }
                    .to_string(),
                    Err(_) => self.marker(line),
                })
                .collect::<Vec<_>>()
                .join("\n");
        }
        text.lines()
            .map(|line| {
                names_in(line)
                    .map(|n| self.marker(n))
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// What « Copier le lien sans données personnelles » takes out, in the page's words.
pub const WITHOUT_PERSONAL_DATA: &str = "Sans données personnelles : les noms, e-mails et téléphones des directeurs et des contacts de la commune sont remplacés par « (masqué) », les noms des élus de la séance par « Membre1 prénom1 »… ; l'éligibilité, les contrôles de la séance et tous les chiffres restent les mêmes.";

/// What the complete link holds, said before it is copied.
pub const COMPLETE_LINK_WARNING: &str = "Le lien complet contient les noms, e-mails et téléphones des directeurs d'école et des contacts de la commune, et les noms des élus de la séance. Ne l'envoyez qu'à une personne qui doit les connaître.";

/// The draft without personal data: the names, e-mails and phones of the directors and of the
/// commune's contacts replaced by markers that keep every figure and every eligibility; the
/// council members' names by markers that keep every check of the meeting.
pub fn without_personal_data(draft: &Draft) -> Draft {
    let mut d = draft.clone();
    for role in Role::ALL {
        for f in ContactField::ALL {
            let field = Field::Contact(role, f);
            let value = masked(f, d.text(field));
            *d.field_mut(field) = value;
        }
    }
    let mut members = MemberMarkers::default();
    for field in Field::all().into_iter().filter(|f| f.personal()) {
        let value = members.mask_lines(field.input(), d.text(field));
        *d.field_mut(field) = value;
    }
    for school in &mut d.schools {
        let school = Rc::make_mut(school);
        for f in ContactField::ALL {
            let value = masked(f, school.get(SchoolField::Admin(f)));
            school.set(SchoolField::Admin(f), value);
        }
    }
    d
}

/// The address fragment that shares `draft` (`#s=…`), with or without its personal data;
/// refused, with a French message, when too long for a browser.
pub fn share_hash(draft: &Draft, personal_data: bool) -> Result<String, String> {
    let hash = if personal_data {
        encode_share(draft)
    } else {
        encode_share(&without_personal_data(draft))
    };
    within_a_link(
        hash,
        "enregistrez plutôt la simulation en fichier (.json) et transmettez le fichier",
    )
}

/// `hash` when a browser takes it, else a French message ending with `instead`.
fn within_a_link(hash: String, instead: &str) -> Result<String, String> {
    if hash.len() > MAX_LINK_CHARS {
        return Err(format!(
            "Ce lien ferait {} caractères, trop pour un navigateur (au plus {}) : {instead}.",
            hash.len(),
            MAX_LINK_CHARS
        ));
    }
    Ok(hash)
}

/// The bytes of a base64url payload, with or without padding.
fn base64_payload(payload: &str) -> Option<Vec<u8>> {
    URL_SAFE_NO_PAD
        .decode(payload.trim_end_matches('='))
        .or_else(|_| URL_SAFE.decode(payload))
        .ok()
}

/// The address fragment that reopens a comparison (`#comparer=` + base64url of the JSON list
/// of `{"name", "scenario"}`), each scenario without its personal data, as a link is by
/// default; refused, with a French message, when too long for a browser.
pub fn compare_hash(entries: &[(&str, &Draft)]) -> Result<String, String> {
    let list: Vec<serde_json::Value> = entries
        .iter()
        .map(|(name, draft)| {
            serde_json::json!({
                "name": link_name(name),
                "scenario": without_personal_data(draft).to_value(),
            })
        })
        .collect();
    let json = serde_json::to_string(&list).unwrap_or_default();
    let hash = format!("#comparer={}", URL_SAFE_NO_PAD.encode(json.as_bytes()));
    within_a_link(hash, "enregistrez plutôt les simulations en fichiers")
}

/// A simulation's name as a link carries it: one line of at most 200 characters, without
/// control or bidirectional formatting characters (which could disguise it).
fn link_name(name: &str) -> String {
    let bidi = |c: char| matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
    let line: String = name
        .chars()
        .filter(|c| !c.is_control() && !bidi(*c))
        .take(200)
        .collect();
    line.trim().to_string()
}

/// Reads `#comparer=…`: `None` when the address holds no comparison, a French message when it
/// holds a damaged one, else each simulation's name and scenario (two or three).
pub fn decode_compare(hash: &str) -> Option<Result<Vec<(String, Draft)>, String>> {
    let payload = hash.strip_prefix("#comparer=")?;
    if hash.len() > MAX_LINK_CHARS {
        return Some(Err(too_long(hash)));
    }
    let damaged =
        || "Le lien ne contient pas une comparaison lisible (encodage abîmé).".to_string();
    let Some(bytes) = base64_payload(payload) else {
        return Some(Err(damaged()));
    };
    let list: Vec<serde_json::Value> = match std::str::from_utf8(&bytes)
        .ok()
        .and_then(|text| io::json::parse(text).ok())
    {
        Some(serde_json::Value::Array(list)) => list,
        _ => return Some(Err(damaged())),
    };
    if !(2..=engine::compare::MAX_COMPARED).contains(&list.len()) {
        return Some(Err(
            "Le lien de comparaison doit contenir deux ou trois simulations.".into(),
        ));
    }
    Some(
        list.iter()
            .map(|item| {
                let name = item
                    .get("name")
                    .and_then(|n| n.as_str())
                    .map(link_name)
                    .filter(|n| !n.is_empty())
                    .ok_or_else(damaged)?;
                let scenario = item
                    .get("scenario")
                    .filter(|s| s.is_object())
                    .ok_or_else(damaged)?;
                let schools = scenario
                    .get(io::schema::SCHOOLS_KEY)
                    .and_then(|s| s.as_array())
                    .map_or(0, Vec::len);
                if schools > io::scenario::MAX_SCHOOLS {
                    return Err(format!(
                        "Le lien n'a pas été ouvert : une simulation contient {schools} écoles ; un scénario en compte au plus {}.",
                        io::scenario::MAX_SCHOOLS
                    ));
                }
                Ok((name, Draft::from_value(scenario)))
            })
            .collect(),
    )
}

/// A file name from the commune's name: `laclasse-sim-tassin-la-demi-lune.json`.
pub fn file_name(commune: &str) -> String {
    format!("{}.json", file_stem(commune))
}

/// [`file_stem`] of the commune of `figures`.
pub fn file_stem_of(figures: &crate::live::Figures) -> String {
    file_stem(&figures.scenario().commune.name)
}

/// The same without its extension, which each document adds to its own:
/// `laclasse-sim-tassin-la-demi-lune`.
pub fn file_stem(commune: &str) -> String {
    // Each word folded (no accents, lower case), joined by hyphens.
    let slug = commune
        .split(|c: char| !c.is_alphanumeric())
        .map(fold_name)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let slug: String = slug.chars().take(40).collect();
    if slug.is_empty() {
        "laclasse-sim-scenario".into()
    } else {
        format!("laclasse-sim-{slug}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use io::samples;

    #[test]
    fn a_crafted_link_is_refused_before_anything_is_imported() {
        // 200 000 empty schools: more than a scenario holds.
        let json = format!(
            "{{\"commune\":{{\"name\":\"Bron\"}},\"schools\":[{}{{}}]}}",
            "{},".repeat(199_999)
        );
        let hash = format!("#s={}", URL_SAFE_NO_PAD.encode(json.as_bytes()));
        let refused = decode_share(&hash).unwrap().unwrap_err();
        assert!(
            refused.contains("un scénario en compte au plus 1000")
                || refused.contains("caractères"),
            "{refused}"
        );
        // Longer than any link of the app: refused without being decoded.
        let long = format!("#s={}", "A".repeat(MAX_LINK_CHARS + 1));
        assert!(
            decode_share(&long)
                .unwrap()
                .unwrap_err()
                .contains("Rien n'a été importé")
        );
        // A key given twice, in a link too.
        let twice = r#"{"commune":{"name":"Bron","name":"Lyon"}}"#;
        let hash = format!("#s={}", URL_SAFE_NO_PAD.encode(twice));
        assert!(
            decode_share(&hash)
                .unwrap()
                .unwrap_err()
                .contains("apparaît deux fois")
        );
    }

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
    fn a_link_without_personal_data_masks_the_council_and_keeps_its_checks() {
        use engine::simulate;
        use io::{parse_value, report};
        let draft =
            Draft::from_json(include_str!("../../../data/examples/tassin-seance.json")).unwrap();
        let shared = decode_share(&share_hash(&draft, false).unwrap())
            .unwrap()
            .unwrap();
        let json = serde_json::to_string(&shared.to_value()).unwrap();
        for name in [
            "ACQUAVIVA",
            "CHARMOT",
            "RIO Jean-Baptiste",
            "KALITA",
            "CONTREL",
        ] {
            assert!(!json.contains(name), "{name} leaks: {json}");
        }
        assert!(json.contains("donne pouvoir à Membre"));
        let meeting = |d: &Draft| {
            let sim = simulate(&parse_value(&d.to_value()).unwrap());
            let r = serde_json::to_value(report::report(&sim)).unwrap();
            r["meeting"].clone()
        };
        assert_eq!(meeting(&shared), meeting(&draft));
        assert_eq!(meeting(&shared)["votants"], 35);
    }

    #[test]
    fn a_link_without_personal_data_gives_every_figure() {
        use engine::simulate;
        use io::{parse_value, report};
        let mut draft = Draft::from_json(samples::TASSIN_JSON).unwrap();
        // An invalid e-mail stays invalid, a missing phone stays missing.
        let school = Rc::make_mut(&mut draft.schools[1]);
        school.set(SchoolField::Admin(ContactField::Email), "pas-un-mail");
        school.set(SchoolField::Admin(ContactField::Phone), "");
        let hash = share_hash(&draft, false).unwrap();
        let shared = decode_share(&hash).unwrap().unwrap();
        let json = serde_json::to_string(&shared.to_value()).unwrap();
        for role in Role::ALL {
            for f in [
                ContactField::LastName,
                ContactField::FirstName,
                ContactField::Email,
                ContactField::Phone,
            ] {
                let v = draft.text(Field::Contact(role, f));
                assert!(v.is_empty() || !json.contains(v), "{v} leaks");
            }
        }
        for s in &draft.schools {
            for f in [
                ContactField::LastName,
                ContactField::FirstName,
                ContactField::Email,
            ] {
                let v = s.get(SchoolField::Admin(f));
                assert!(
                    v.is_empty() || !json.contains(&format!("\"{v}\"")),
                    "{v} leaks"
                );
            }
        }
        let figures = |d: &Draft| {
            let sim = simulate(&parse_value(&d.to_value()).unwrap());
            let r = report::report(&sim);
            (
                serde_json::to_value(&r.convention_years).unwrap(),
                serde_json::to_value(&r.budget_years).unwrap(),
                sim.schools
                    .iter()
                    .map(|s| s.eligibility.eligible())
                    .collect::<Vec<_>>(),
                serde_json::to_value(&r.deadlines).unwrap(),
            )
        };
        assert_eq!(figures(&shared), figures(&draft));
        assert_eq!(
            shared.schools[1].get(SchoolField::Admin(ContactField::Email)),
            MASKED
        );
        // The complete link keeps everything.
        let full = decode_share(&share_hash(&draft, true).unwrap())
            .unwrap()
            .unwrap();
        assert_eq!(full.to_value(), draft.to_value());
    }

    #[test]
    fn proxies_typed_on_one_line_keep_the_meeting_s_checks_without_personal_data() {
        use engine::simulate;
        use io::schema::MeetingField;
        use io::{parse_value, report};
        let mut draft =
            Draft::from_json(include_str!("../../../data/examples/tassin-seance.json")).unwrap();
        let proxies = Field::Meeting(MeetingField::Proxies);
        let one_line = draft.text(proxies).lines().collect::<Vec<_>>().join(" ; ");
        draft.set(proxies, one_line);
        let shared = without_personal_data(&draft);
        let meeting = |d: &Draft| {
            let r = report::report(&simulate(&parse_value(&d.to_value()).unwrap()));
            let m = serde_json::to_value(&r.meeting).unwrap();
            (
                m["votants"].clone(),
                m["quorum_met"].clone(),
                m["passed"].clone(),
            )
        };
        assert_eq!(meeting(&shared), meeting(&draft));
        assert_eq!(meeting(&draft).0, 35);
        assert_eq!(
            shared.text(proxies).lines().count(),
            6,
            "{}",
            shared.text(proxies)
        );
        assert!(!shared.text(proxies).contains("CONTREL"));
    }

    #[test]
    fn a_link_too_long_for_a_browser_is_refused() {
        let scenario = samples::territory(1_000, 5);
        let draft = Draft::from_value(&io::scenario::to_value(&scenario));
        let mut big = draft.clone();
        let long = "x".repeat(500);
        for s in &mut big.schools {
            let s = Rc::make_mut(s);
            s.set(SchoolField::Group, long.clone());
            s.set(SchoolField::Name, long.clone());
        }
        match share_hash(&big, true) {
            Err(e) => assert!(e.contains("trop pour un navigateur"), "{e}"),
            Ok(hash) => panic!("a link of {} characters was accepted", hash.len()),
        }
        assert!(share_hash(&draft, false).is_ok());
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
