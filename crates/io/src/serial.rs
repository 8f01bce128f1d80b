//! How the engine's values are written in the reports: the engine knows no file format, so
//! the names its values take in a file are chosen here.

use serde::Serialize;
use serde::ser::{SerializeStruct, Serializer};

use engine::{Clause, Explanation};

/// A clause's name in a report: its variant's name in snake case (`Art6Fee` → `art6_fee`).
pub fn clause_id(clause: Clause) -> String {
    snake_case(&format!("{clause:?}"))
}

/// `Art6Fee` → `art6_fee`, `CodeTravailL3133_1` → `code_travail_l3133_1`: an underscore before
/// each capital but the first, all in lower case (serde's `rename_all = "snake_case"`).
pub fn snake_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for (i, c) in name.char_indices() {
        if i > 0 && c.is_uppercase() {
            out.push('_');
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

/// A clause as the reports write it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClauseOut(pub Clause);

impl Serialize for ClauseOut {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&clause_id(self.0))
    }
}

/// An explanation as the reports write it: `rule` (`R3`), `title`, `clauses`, `inputs` (each
/// `label` and `value`), `steps`, `assumptions`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Why(pub Explanation);

impl From<Explanation> for Why {
    fn from(e: Explanation) -> Why {
        Why(e)
    }
}

#[derive(Serialize)]
struct InputOut<'a> {
    label: &'a str,
    value: &'a str,
}

impl Serialize for Why {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let e = &self.0;
        let mut out = s.serialize_struct("Explanation", 6)?;
        out.serialize_field("rule", &e.rule.to_string())?;
        out.serialize_field("title", &e.title)?;
        let clauses: Vec<ClauseOut> = e.clauses.iter().copied().map(ClauseOut).collect();
        out.serialize_field("clauses", &clauses)?;
        let inputs: Vec<InputOut> = e
            .inputs
            .iter()
            .map(|i| InputOut {
                label: i.label,
                value: &i.value,
            })
            .collect();
        out.serialize_field("inputs", &inputs)?;
        out.serialize_field("steps", &e.steps)?;
        out.serialize_field("assumptions", &e.assumptions)?;
        out.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clauses_are_named_in_snake_case() {
        assert_eq!(clause_id(Clause::Art6Fee), "art6_fee");
        assert_eq!(clause_id(Clause::Art8Notice), "art8_notice");
        assert_eq!(
            clause_id(Clause::CodeTravailL3133_1),
            "code_travail_l3133_1"
        );
    }
}
