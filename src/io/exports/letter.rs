//! The yearly list (Annexe 1): a ready e-mail to the address the annex names, and the text of
//! the signed letter for additions.

use chrono::{Datelike, NaiveDate};

use crate::engine::dates::fr;
use crate::engine::r5_r6_access::{YearlyList, r6_yearly_list};
use crate::engine::scenario::Scenario;

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
    /// The signed letter the additions need, as text.
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
/// (Annexe 1, R6), from the scenario's schools.
pub fn list_message(scenario: &Scenario, today: NaiveDate) -> ListMessage {
    let dates: Vec<_> = scenario
        .schools
        .iter()
        .map(|s| (s.requested, s.removal_requested))
        .collect();
    let list = r6_yearly_list(scenario.convention.notified, &dates, today);
    let commune = &scenario.commune.name;
    let name = |i: &usize| {
        let s = &scenario.schools[*i];
        match &s.uai {
            Some(uai) => format!("- {} (UAI {uai})", s.name),
            None => format!("- {}", s.name),
        }
    };
    let lines = |v: &[usize]| {
        if v.is_empty() {
            "- aucun".to_string()
        } else {
            v.iter().map(name).collect::<Vec<_>>().join("\n")
        }
    };
    let admins = scenario
        .schools
        .iter()
        .filter_map(|s| {
            s.admin.as_ref().map(|a| {
                format!(
                    "- {} : {} {}, {}, {}, {}",
                    s.name, a.first_name, a.last_name, a.function, a.email, a.phone
                )
            })
        })
        .collect::<Vec<_>>()
        .join("\n");
    let subject = format!(
        "laclasse.com — liste des écoles de {commune} — {}",
        list.deadline.year()
    );
    let body = format!(
        "Bonjour,\n\nConformément à l'annexe 1 de la convention laclasse.com, voici les modifications de la liste des écoles de la commune de {commune} depuis le {} (liste à transmettre avant le 20 juin).\n\nAjouts d'établissements :\n{}\n\nRadiations :\n{}\n\nAdministrateurs actuels (à vérifier ; signaler tout changement de responsable) :\n{}\n\nLe courrier signé de la commune suit pour les ajouts.\n\nCordialement,\n",
        fr(list.since),
        lines(&list.additions),
        lines(&list.removals),
        if admins.is_empty() {
            "- aucun".to_string()
        } else {
            admins
        },
    );
    let letter = format!(
        "Commune de {commune}\n\nà\n\nMétropole de Lyon\nPartenariat laclasse.com\n(copie : {METROPOLE_ADDRESS})\n\nObjet : demande d'ajout d'établissements à l'ENT laclasse.com\n\nMadame, Monsieur,\n\nEn application de l'annexe 1 de la convention de mise à disposition de l'ENT « laclasse.com », la commune de {commune} demande l'ajout des établissements suivants :\n{}\n\nLes coordonnées de l'administrateur de chaque établissement figurent dans la liste jointe au format Excel ou OpenDocument.\n\nVeuillez agréer, Madame, Monsieur, l'expression de nos salutations distinguées.\n\nFait à {commune}, le {}\n\nLe Maire\n",
        lines(&list.additions),
        fr(today),
    );
    ListMessage {
        list,
        subject,
        body,
        letter,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::{parse_str, samples};

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
        let link = m.mailto();
        assert!(
            link.starts_with(
                "mailto:partenariat-laclass.com@grandlyon.com?subject=laclasse.com%20"
            )
        );
        assert!(!link.contains(' ') && !link.contains('\n'));
    }
}
