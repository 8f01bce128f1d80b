//! The commune as typed: the 58 communes suggested, and whether it is one of the Métropole's.

use engine::communes;
use engine::r10_eligibility::r10_commune;
use engine::scenario::Commune;
use engine::{Clause, Explanation};

/// What the commune's form shows around its two fields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CommuneView {
    /// The communes suggested for what is typed: the name to put, and « Name (69xxx) ».
    pub suggestions: Vec<(String, String)>,
    /// Once something is typed: whether it is one of the Métropole's, what the engine found,
    /// its clause and explanation.
    pub status: Option<CommuneStatus>,
}

/// Whether the commune is one of the Métropole's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CommuneStatus {
    /// Found.
    pub ok: bool,
    /// « ✓ Tassin-la-Demi-Lune (69244) … ».
    pub text: String,
    /// Its clause.
    pub clause: Clause,
    /// How it was found.
    pub why: Explanation,
}

impl CommuneView {
    /// The view for `name` and `insee` as typed.
    pub fn of(name: &str, insee: &str) -> CommuneView {
        let commune = Commune {
            name: name.to_string(),
            insee: Some(insee.to_string()).filter(|s| !s.trim().is_empty()),
        };
        let typed = !name.trim().is_empty() || commune.insee.is_some();
        CommuneView {
            suggestions: communes::suggest(name, 12)
                .iter()
                .map(|c| (c.name.clone(), format!("{} ({})", c.name, c.insee)))
                .collect(),
            status: typed.then(|| {
                let check = r10_commune(&commune);
                let ok = check.record.is_some() && !check.to_confirm();
                CommuneStatus {
                    ok,
                    text: format!(
                        "{}{}",
                        if ok { "✓ " } else { "✗ " },
                        check.why.steps.last().cloned().unwrap_or_default()
                    ),
                    clause: check.why.main_clause(),
                    why: check.why,
                }
            }),
        }
    }
}
