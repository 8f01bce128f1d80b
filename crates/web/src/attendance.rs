//! Reading a council's attendance from a pasted list (D1): the minutes' own lines (« ACQUAVIVA
//! Caroline, BERGERET Pierre… », « CONTREL Nathalie donne pouvoir à ACQUAVIVA Caroline ; … »)
//! or one name a line, sorted into the members present and the proxies.

use engine::scenario::{Proxy, names_in};

/// What the paste box does, under it.
pub fn paste_hint() -> String {
    format!(
        "Les noms (séparés par des virgules ou un par ligne) vont aux présents, les lignes « X {} Y » aux pouvoirs ; ils s'ajoutent à ce qui est déjà saisi.",
        Proxy::WORDS
    )
}

/// The members present and the proxies read from a pasted list, each as the page's field
/// holds it: one name, or one « X donne pouvoir à Y », a line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Attendance {
    /// One present member a line.
    pub present: String,
    /// One proxy a line.
    pub proxies: String,
}

/// Sorts a pasted list: a piece with « donne pouvoir à » is a proxy, any other name is a
/// member present. Pieces are separated by line breaks, « ; » and « , » (a name holds no
/// comma); a count or a heading before « : » is left out.
pub fn split_attendance(text: &str) -> Attendance {
    let mut present = Vec::new();
    let mut proxies = Vec::new();
    for line in text.lines() {
        // « Nombre de conseillers présent(s) : A, B » → « A, B »; « 6 (X donne… ; …) » → inside.
        let line = line.rsplit_once(" : ").map_or(line, |(_, rest)| rest);
        let line = line
            .trim()
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .trim();
        let line = line
            .trim_start_matches('(')
            .trim_end_matches([')', ';', '.', ' ']);
        for piece in line.split(';') {
            if let Ok(proxy) = piece.parse::<Proxy>() {
                proxies.push(proxy.to_string());
                continue;
            }
            for name in names_in(piece) {
                let name = name.trim_end_matches('.').trim();
                if name.chars().any(char::is_alphabetic) {
                    present.push(name.to_string());
                }
            }
        }
    }
    Attendance {
        present: present.join("\n"),
        proxies: proxies.join("\n"),
    }
}

/// The lines of `typed` followed by those of `added` it does not hold yet: pasting adds to
/// what was typed, never replaces it.
pub fn merge_lines(typed: &str, added: &str) -> String {
    let mut lines: Vec<&str> = typed.lines().filter(|l| !l.trim().is_empty()).collect();
    for line in added.lines() {
        if !lines.iter().any(|l| l.trim() == line.trim()) {
            lines.push(line);
        }
    }
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pasting_adds_to_what_was_typed() {
        assert_eq!(merge_lines("A\nB", "B\nC"), "A\nB\nC");
        assert_eq!(merge_lines("", "C"), "C");
    }

    #[test]
    fn the_minutes_lines_are_sorted() {
        let pasted = "Nombre de conseillers présent(s) : ACQUAVIVA Caroline, BERGERET Pierre, DU VERGER Laurence.\nNombre de conseillers absent(s) avec pouvoir : 6 (CONTREL Nathalie donne pouvoir à ACQUAVIVA Caroline ; CUZIN Sandrine donne pouvoir à KALITA Mathieu) ;";
        let a = split_attendance(pasted);
        assert_eq!(
            a.present,
            "ACQUAVIVA Caroline\nBERGERET Pierre\nDU VERGER Laurence"
        );
        assert_eq!(
            a.proxies,
            "CONTREL Nathalie donne pouvoir à ACQUAVIVA Caroline\nCUZIN Sandrine donne pouvoir à KALITA Mathieu"
        );
    }

    #[test]
    fn one_name_a_line_works_too() {
        let a = split_attendance(
            "RIO Jean-Baptiste\n\nSCHUTZ Claire\nHUSSON Serge donne pouvoir à JANNIN Pierrick\n",
        );
        assert_eq!(a.present, "RIO Jean-Baptiste\nSCHUTZ Claire");
        assert_eq!(a.proxies, "HUSSON Serge donne pouvoir à JANNIN Pierrick");
    }
}
