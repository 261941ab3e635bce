//! Trees without positions, for text whose positions are not needed: the default house
//! style's JSON (`build.rs` writes it from its YAML once, at build time, keys in order),
//! and a first, quick reading of a project's `clerk.yaml` (serde-saphyr's spans cost a map
//! per value; a file with a problem is read again with them, for the diagnostics).

use std::fmt;

use serde::Deserialize;
use serde::de::{self, MapAccess, SeqAccess, Visitor};

use super::{Key, Node, Pos, Scalar, Value};

/// The tree of the JSON `text`, keys in the text's order and every position unknown
/// (nothing in it is the author's, so no diagnostic points into it); `None` when it is not
/// JSON. Numbers are integers where they are whole and fit, as the YAML reader makes them.
pub fn from_json(text: &str) -> Option<Node> {
    serde_json::from_str::<Plain>(text).ok().map(|p| p.0)
}

/// The tree of the YAML `text`, every position unknown, read within `limits` as
/// [`super::to_node_within`] reads it; `None` on any error (the caller reads it again with
/// positions, to say where).
pub fn from_yaml_plain(text: &str, limits: super::YamlLimits) -> Option<Node> {
    if text.trim().is_empty() {
        return None;
    }
    serde_saphyr::from_str_with_options::<Plain>(text, super::options(limits))
        .ok()
        .map(|p| p.0)
}

/// A [`Node`] read from any self-describing format, in its order (serde_json's own
/// `Value` sorts an object's keys).
struct Plain(Node);

fn plain(value: Value) -> Plain {
    Plain(Node {
        pos: Pos::default(),
        value,
    })
}

impl<'de> Deserialize<'de> for Plain {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Plain;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any value")
            }
            fn visit_bool<E>(self, v: bool) -> Result<Plain, E> {
                Ok(plain(Value::Scalar(Scalar::Bool(v))))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Plain, E> {
                Ok(plain(Value::Scalar(Scalar::Int(v))))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Plain, E> {
                let scalar = i64::try_from(v).map_or(Scalar::Float(v as f64), Scalar::Int);
                Ok(plain(Value::Scalar(scalar)))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Plain, E> {
                Ok(plain(Value::Scalar(Scalar::Float(v))))
            }
            fn visit_str<E>(self, v: &str) -> Result<Plain, E> {
                Ok(plain(Value::Scalar(Scalar::Str(v.to_string()))))
            }
            fn visit_unit<E>(self) -> Result<Plain, E> {
                Ok(plain(Value::Scalar(Scalar::Null)))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Plain, A::Error> {
                let mut items = Vec::new();
                while let Some(Plain(item)) = seq.next_element()? {
                    items.push(item);
                }
                Ok(plain(Value::Seq(items)))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Plain, A::Error> {
                let mut entries = Vec::new();
                while let Some(name) = map.next_key::<String>()? {
                    let Plain(value) = map.next_value()?;
                    let pos = Pos::default();
                    entries.push((Key { name, pos }, value));
                }
                Ok(plain(Value::Map(entries)))
            }
        }
        d.deserialize_any(V)
    }
}
