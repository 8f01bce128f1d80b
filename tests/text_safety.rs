//! Any text the scenario reader accepts makes valid documents: the .xlsx and the .ods read back
//! with every text intact (a control character once made the .ods's XML ill-formed), and the
//! text report carries no control character to the terminal.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Cursor;

use calamine::{Data, Ods, Reader, Xlsx};
use proptest::prelude::*;

use laclasse_sim::engine::simulate;
use laclasse_sim::io::exports::{annex1, sheet};
use laclasse_sim::io::{parse_value, samples};

/// Any text, control characters, quotes, markup and far planes included.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[^\\p{Cc}]{0,40}",
        "_x[0-9A-F]{4}_ ?",
        "[\\x00-\\x1f<>&\"'=+\\-@\\\\]{0,20}",
        proptest::collection::vec(any::<char>(), 0..30).prop_map(|v| v.into_iter().collect()),
    ]
}

fn cells(range: &calamine::Range<Data>) -> Vec<String> {
    range
        .rows()
        .flat_map(|r| r.iter())
        .filter_map(|c| match c {
            Data::String(s) => Some(s.clone()),
            _ => None,
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn accepted_texts_make_valid_spreadsheets_and_reports(name in any_text(), group in any_text(), admin in any_text()) {
        let mut v: serde_json::Value = serde_json::from_str(samples::TASSIN_JSON).unwrap();
        v["schools"][0]["name"] = name.clone().into();
        v["schools"][0]["group"] = group.clone().into();
        v["schools"][0]["admin"]["last_name"] = admin.clone().into();
        v["commune"]["name"] = name.clone().into();
        // Refused texts are the reader's business (tests/bad_input.rs): none reaches a document.
        let read = parse_value(&v);
        prop_assume!(read.is_ok());
        let scenario = read.unwrap();
        prop_assert!(!name.chars().any(char::is_control));
        let sim = simulate(&scenario);
        let sheets = annex1::annex1_sheets(&scenario, &sim);
        let xlsx = sheet::to_xlsx(&sheets).unwrap();
        let ods = sheet::to_ods(&sheets).unwrap();
        let mut x = Xlsx::new(Cursor::new(xlsx)).unwrap();
        let mut o: Ods<_> = Ods::new(Cursor::new(ods)).unwrap();
        let sheet = &sheets[0].name;
        let from_xlsx = cells(&x.worksheet_range(sheet).unwrap());
        let from_ods = cells(&o.worksheet_range(sheet).unwrap());
        // The commune's name is in the title; the school's texts when it is on the list.
        let eligible = sim.schools[0].eligibility.eligible();
        let shown: Vec<&String> = if eligible { vec![&name, &group, &admin] } else { vec![&name] };
        for text in shown {
            let t = text.trim();
            if !t.is_empty() {
                prop_assert!(from_xlsx.iter().any(|c| c.contains(t)), "{t:?} not in the .xlsx");
                prop_assert!(from_ods.iter().any(|c| c.contains(t)), "{t:?} not in the .ods");
            }
        }
        let text = laclasse_sim::io::text::text_report(&scenario, &sim, true);
        prop_assert!(!text.chars().any(|c| c.is_control() && c != '\n'));
    }
}
