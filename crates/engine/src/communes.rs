//! The 58 communes of the Métropole de Lyon, embedded at compile time from
//! `data/communes-metropole-lyon.csv`, with their former codes and names.

use std::sync::OnceLock;

// Still reachable here for callers outside the engine that import it from this module; its
// home is `engine::text`.
use super::text::fold_name;

const CSV: &str = include_str!("../../../data/communes-metropole-lyon.csv");

/// One commune of the Métropole de Lyon, a line of the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CommuneRecord {
    /// Its current INSEE code (5 characters).
    pub insee: String,
    /// Its current name, with its accents and hyphens.
    pub name: String,
    /// Other codes that lead to it: those of merged communes, Lyon's arrondissements.
    pub former_codes: Vec<String>,
    /// Names it had before a merger or a renaming.
    pub former_names: Vec<String>,
    /// Why it has former codes or names (English, for maintainers); often empty.
    pub note: String,
    /// Its name and former names folded once (`fold_name`), for lookups.
    folded: Vec<String>,
}

/// All communes, in the file's order. The file is ours and its shape is tested.
pub fn all() -> &'static [CommuneRecord] {
    static COMMUNES: OnceLock<Vec<CommuneRecord>> = OnceLock::new();
    COMMUNES.get_or_init(|| {
        CSV.lines()
            .skip(1)
            .filter(|l| !l.trim().is_empty())
            .map(|line| {
                let mut f = line.splitn(5, ',');
                let mut next = || f.next().unwrap_or("").trim().to_string();
                let insee = next();
                let name = next();
                let former_codes = next().split_whitespace().map(str::to_string).collect();
                let former_names = next()
                    .split(';')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect();
                let note = next();
                let folded = std::iter::once(&name)
                    .chain(&former_names)
                    .map(|n| fold_name(n))
                    .collect();
                CommuneRecord {
                    insee,
                    name,
                    former_codes,
                    former_names,
                    note,
                    folded,
                }
            })
            .collect()
    })
}

/// How a commune was recognised.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MatchedBy {
    /// Its current INSEE code.
    Code,
    /// A former INSEE code.
    FormerCode,
    /// Its current name, folded.
    Name,
    /// A former name, folded.
    FormerName,
}

/// Finds a commune by INSEE code (current or former), which decides alone when given.
pub fn by_code(code: &str) -> Option<(&'static CommuneRecord, MatchedBy)> {
    let code = code.trim();
    all().iter().find_map(|c| {
        if c.insee == code {
            Some((c, MatchedBy::Code))
        } else if c.former_codes.iter().any(|f| f == code) {
            Some((c, MatchedBy::FormerCode))
        } else {
            None
        }
    })
}

/// Finds a commune by name (current or former), ignoring case, accents, spaces, punctuation.
pub fn by_name(name: &str) -> Option<(&'static CommuneRecord, MatchedBy)> {
    let key = fold_name(name);
    if key.is_empty() {
        return None;
    }
    all()
        .iter()
        .find_map(|c| match c.folded.iter().position(|f| *f == key)? {
            0 => Some((c, MatchedBy::Name)),
            _ => Some((c, MatchedBy::FormerName)),
        })
}

/// Suggestions for what a person types: communes whose current or former name or code
/// contains it, names starting with it first.
pub fn suggest(typed: &str, max: usize) -> Vec<&'static CommuneRecord> {
    let key = fold_name(typed);
    if key.is_empty() {
        return Vec::new();
    }
    let mut scored: Vec<(u8, &'static CommuneRecord)> = all()
        .iter()
        .filter_map(|c| {
            let (name, formers) = (&c.folded[0], &c.folded[1..]);
            let codes = std::iter::once(&c.insee).chain(c.former_codes.iter());
            if name.starts_with(&key) {
                Some((0, c))
            } else if name.contains(&key) {
                Some((1, c))
            } else if formers.iter().any(|f| f.contains(&key))
                || codes.clone().any(|code| code.starts_with(&key))
            {
                Some((2, c))
            } else {
                None
            }
        })
        .collect();
    scored.sort_by_key(|(score, _)| *score);
    scored.into_iter().take(max).map(|(_, c)| c).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_has_58_communes() {
        assert_eq!(all().len(), 58);
        assert!(
            all()
                .iter()
                .all(|c| c.insee.len() == 5 && !c.name.is_empty())
        );
    }

    #[test]
    fn codes_and_former_codes() {
        assert_eq!(by_code("69244").unwrap().0.name, "Tassin-la-Demi-Lune");
        let (lyon, how) = by_code("69383").unwrap();
        assert_eq!((lyon.name.as_str(), how), ("Lyon", MatchedBy::FormerCode));
        assert_eq!(by_code("69152").unwrap().0.name, "Oullins-Pierre-Bénite");
        assert!(by_code("75056").is_none());
    }

    #[test]
    fn names_ignore_case_accents_spaces_and_punctuation() {
        assert_eq!(by_name("tassin la demi lune").unwrap().0.insee, "69244");
        assert_eq!(by_name("ECULLY").unwrap().0.insee, "69081");
        assert_eq!(by_name("Sainte Foy les Lyon").unwrap().0.insee, "69202");
        assert_eq!(by_name("Marcy l'Etoile").unwrap().0.insee, "69127");
        let (c, how) = by_name("Pierre-Bénite").unwrap();
        assert_eq!((c.insee.as_str(), how), ("69149", MatchedBy::FormerName));
        assert_eq!(by_name("Grigny").unwrap().0.insee, "69096");
        assert!(by_name("Paris").is_none());
        assert!(by_name("  ").is_none());
    }

    #[test]
    fn suggestions() {
        let s: Vec<_> = suggest("sain", 20)
            .iter()
            .map(|c| c.name.as_str())
            .collect();
        assert!(s.contains(&"Saint-Fons") && s.contains(&"Sainte-Foy-lès-Lyon"));
        assert_eq!(suggest("pierre", 5)[0].name, "Oullins-Pierre-Bénite");
        assert_eq!(suggest("6938", 5)[0].name, "Lyon");
        assert!(suggest("", 5).is_empty());
    }
}
