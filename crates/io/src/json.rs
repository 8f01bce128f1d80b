//! JSON text read strictly: as `serde_json` reads it, but a key given twice in one object is
//! refused, naming the key by its path (`convention.annual_fee_eur`), instead of the last one
//! silently winning. Every scenario, stored simulation, file and link is read through here.

use std::fmt;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

/// Why a text is not the JSON a scenario may be.
#[derive(Debug)]
pub enum JsonError {
    /// Not JSON (or truncated): `serde_json`'s error, with its line and column.
    Syntax(serde_json::Error),
    /// A key given twice in one object.
    Duplicate {
        /// The key's path from the root: `convention.annual_fee_eur`, `schools[2].name`.
        path: String,
        /// The line of the second one (from 1).
        line: usize,
    },
}

impl JsonError {
    /// The French message of a duplicated key (a syntax error's is left to the caller, which
    /// knows the text).
    pub fn duplicate_message(path: &str, line: usize) -> String {
        format!(
            "la clé « {} » apparaît deux fois (ligne {line}) : une seule valeur par clé",
            engine::text::excerpt(path)
        )
    }
}

/// Marks the custom error a duplicated key raises, so that it is told from a syntax error.
const DUPLICATE: &str = "\u{1}duplicate\u{1}";

/// Reads `text` as JSON, refusing a key given twice in one object.
pub fn parse(text: &str) -> Result<Value, JsonError> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value = Strict {
        path: String::new(),
    }
    .deserialize(&mut de);
    let value = value.and_then(|v| de.end().map(|()| v));
    value.map_err(|e| {
        let shown = e.to_string();
        match shown
            .strip_prefix(DUPLICATE)
            .and_then(|rest| rest.split_once(DUPLICATE))
        {
            Some((path, _)) => JsonError::Duplicate {
                path: path.to_string(),
                line: e.line(),
            },
            None => JsonError::Syntax(e),
        }
    })
}

/// A value at `path`, read strictly.
struct Strict {
    path: String,
}

impl<'de> DeserializeSeed<'de> for Strict {
    type Value = Value;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Strict {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("une valeur JSON")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: de::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(v) = seq.next_element_seed(Strict {
            path: format!("{}[{}]", self.path, items.len()),
        })? {
            items.push(v);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let path = if self.path.is_empty() {
                key.clone()
            } else {
                format!("{}.{key}", self.path)
            };
            if out.contains_key(&key) {
                return Err(de::Error::custom(format!("{DUPLICATE}{path}{DUPLICATE}")));
            }
            let value = map.next_value_seed(Strict { path })?;
            out.insert(key, value);
        }
        Ok(Value::Object(out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_given_twice_is_refused_by_its_path() {
        let text = "{\n \"convention\": {\n  \"annual_fee_eur\": \"150\",\n  \"annual_fee_eur\": \"1\"\n }\n}";
        match parse(text) {
            Err(JsonError::Duplicate { path, line }) => assert_eq!(
                JsonError::duplicate_message(&path, line),
                "la clé « convention.annual_fee_eur » apparaît deux fois (ligne 4) : une seule valeur par clé"
            ),
            other => panic!("{other:?}"),
        }
        let in_a_list = r#"{"schools":[{"name":"A"},{"name":"B","name":"C"}]}"#;
        assert!(
            matches!(parse(in_a_list), Err(JsonError::Duplicate { path, .. }) if path == "schools[1].name")
        );
    }

    #[test]
    fn otherwise_it_reads_as_serde_json_does() {
        let text = r#"{"a":[1,-2,3.5,true,null,"é\u00e9"],"b":{"c":{}},"n":18446744073709551615}"#;
        assert_eq!(
            parse(text).unwrap(),
            serde_json::from_str::<Value>(text).unwrap()
        );
        assert!(matches!(parse("{\"a\":1} x"), Err(JsonError::Syntax(_))));
        assert!(matches!(parse("{\"a\":"), Err(JsonError::Syntax(e)) if e.is_eof()));
    }
}
