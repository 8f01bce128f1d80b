//! The yearly list (Annexe 1): a ready e-mail to the address the annex names, and the text of
//! the signed letter for every change (additions, removals, changes of administrator).

use chrono::{Datelike, NaiveDate};

use engine::dates::{fr, fr_long};
use engine::r5_r6_access::{ListDates, YearlyList, r6_yearly_list};
use engine::scenario::Scenario;

/// The address Annexe 1 gives for the list ("partenariat-laclass.com@grandlyon.com").
pub const METROPOLE_ADDRESS: &str = "partenariat-laclass.com@grandlyon.com";

/// The e-mail and the letter for the list due after `today`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListMessage {
    /// What the list must say: the additions and removals since the previous one (R6).
    pub list: YearlyList,
    /// The e-mail's subject.
    pub subject: String,
    /// The e-mail's text.
    pub body: String,
    /// The signed letter every change needs, as text.
    pub letter: String,
}

impl ListMessage {
    /// A `mailto:` link with the subject and body, percent-encoded.
    pub fn mailto(&self) -> String {
        format!(
            "mailto:{METROPOLE_ADDRESS}?subject={}&body={}",
            percent(&self.subject),
            percent(&self.body)
        )
    }
}

fn percent(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 2);
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// The e-mail and the letter for the yearly list due before the 20 June following `today`
/// (Annexe 1, R6), from the scenario's schools: additions, removals and changes of
/// administrator, since « toute demande devra être adressée par courrier signé ».
pub fn list_message(scenario: &Scenario, today: NaiveDate) -> ListMessage {
    let dates: Vec<ListDates> = scenario.schools.iter().map(ListDates::from).collect();
    let list = r6_yearly_list(scenario.convention.notified, &dates, today);
    let commune = &super::commune_name(
        scenario,
        &engine::r10_eligibility::r10_commune(&scenario.commune),
    );
    let name = |i: &usize| {
        let s = &scenario.schools[*i];
        match &s.uai {
            Some(uai) => format!("- {} (UAI {uai})", s.name),
            None => format!("- {}", s.name),
        }
    };
    let admin_of = |i: &usize| {
        let s = &scenario.schools[*i];
        match &s.admin {
            Some(a) => format!(
                "- {} : {} {}, {}, {}, {}",
                s.name, a.first_name, a.last_name, a.function, a.email, a.phone
            ),
            None => format!("- {} : administrateur à désigner", s.name),
        }
    };
    let lines = |v: &[usize], f: &dyn Fn(&usize) -> String| {
        if v.is_empty() {
            "- aucun".to_string()
        } else {
            v.iter().map(f).collect::<Vec<_>>().join("\n")
        }
    };
    let changes = format!(
        "Ajouts d'établissements :\n{}\n\nRadiations :\n{}\n\nChangements de responsable (nouvel administrateur) :\n{}",
        lines(&list.additions, &name),
        lines(&list.removals, &name),
        lines(&list.admin_changes, &admin_of),
    );
    let subject = format!(
        "laclasse.com — liste des écoles de {commune} — {}",
        list.deadline.year()
    );
    let body = format!(
        "Bonjour,\n\nConformément à l'annexe 1 de la convention laclasse.com, voici les modifications de la liste des écoles de la commune de {commune} depuis le {} (liste à transmettre avant le 20 juin).\n\n{changes}\n\nLe courrier signé de la commune suit, comme l'annexe 1 le demande pour toute demande.\n\nCordialement,\n",
        fr(list.since),
    );
    let signer = scenario
        .deliberation
        .meeting
        .chair
        .as_deref()
        .map(|c| format!("{}\n", super::deliberation::display_name(c)))
        .unwrap_or_default();
    let letter = format!(
        "Commune de {commune}\n\n{}\n(copie par courriel : {METROPOLE_ADDRESS})\n\n{commune}, le {}\n\nObjet : modifications de la liste des écoles utilisatrices de l'ENT laclasse.com\n\nMadame, Monsieur,\n\nEn application de l'annexe 1 de la convention de mise à disposition de l'ENT « laclasse.com » (« toute demande devra être adressée par courrier signé de la commune »), la commune de {commune} vous adresse les modifications de la liste de ses écoles depuis le {} :\n\n{changes}\n\nLes coordonnées de l'administrateur de chaque établissement figurent dans la liste jointe (tableur de l'annexe 1).\n\nVeuillez agréer, Madame, Monsieur, l'expression de nos salutations distinguées.\n\n{signer}Maire de {commune}\n",
        super::termination_letter::METROPOLE_ADDRESS[1..].join("\n"),
        fr_long(today),
        fr(list.since),
    );
    ListMessage {
        list,
        subject,
        body,
        letter,
    }
}

impl ListMessage {
    /// The signed letter as a document, to print, edit (.odt) or copy: paragraphs, and the
    /// changes as lists.
    pub fn letter_document(&self, commune: &str) -> super::document::Document {
        use super::document::{Block, Inline};
        let mut blocks = Vec::new();
        for para in self.letter.split("\n\n") {
            let lines: Vec<&str> = para.lines().collect();
            match lines.split_first() {
                Some((head, rest))
                    if !rest.is_empty() && rest.iter().all(|l| l.starts_with("- ")) =>
                {
                    blocks.push(Block::Para(vec![Inline::Text(head.to_string())]));
                    blocks.push(Block::Bullets(
                        rest.iter()
                            .map(|l| vec![Inline::Text(l.trim_start_matches("- ").to_string())])
                            .collect(),
                    ));
                }
                _ => blocks.extend(
                    lines
                        .iter()
                        .map(|l| Block::Para(vec![Inline::Text(l.to_string())])),
                ),
            }
        }
        super::document::Document {
            title: format!("Liste annuelle laclasse.com — {commune}"),
            blocks,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{parse_str, samples};

    #[test]
    fn the_message_lists_additions_and_removals_since_the_last_list() {
        let s = parse_str(samples::TASSIN_JSON).unwrap();
        let m = list_message(&s, NaiveDate::from_ymd_opt(2025, 3, 1).unwrap());
        // Since 20/06/2024: no addition; the Cerisiers' removal of 12/06/2025.
        assert!(m.body.contains("depuis le 20/06/2024"));
        assert!(
            m.body
                .contains("Radiations :\n- École élémentaire des Cerisiers")
        );
        assert!(m.body.contains("Ajouts d'établissements :\n- aucun"));
        let earlier = list_message(&s, NaiveDate::from_ymd_opt(2024, 3, 10).unwrap());
        assert!(
            earlier
                .body
                .contains("Ajouts d'établissements :\n- École primaire du Prieuré")
        );
        assert!(earlier.letter.contains("- École primaire du Prieuré"));
        // The signed letter covers removals and changes of administrator too.
        assert!(
            m.letter
                .contains("Radiations :\n- École élémentaire des Cerisiers")
        );
        let mut changed = s.clone();
        std::rc::Rc::make_mut(&mut changed.schools)[0].admin_changed =
            NaiveDate::from_ymd_opt(2025, 1, 6);
        let c = list_message(&changed, NaiveDate::from_ymd_opt(2025, 3, 1).unwrap());
        let admin = changed.schools[0].admin.as_ref().unwrap();
        let line = format!(
            "Changements de responsable (nouvel administrateur) :\n- {} : {} {}",
            changed.schools[0].name, admin.first_name, admin.last_name
        );
        assert!(c.letter.contains(&line), "{}", c.letter);
        assert!(c.body.contains(&line));
        let link = m.mailto();
        assert!(
            link.starts_with(
                "mailto:partenariat-laclass.com@grandlyon.com?subject=laclasse.com%20"
            )
        );
        assert!(!link.contains(' ') && !link.contains('\n'));
    }
}
