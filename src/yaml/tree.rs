//! The tree serde reads from any self-describing format (scalars, sequences and maps in
//! order), the shape both a file's spanned reading and the quick plain one build on.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, MapAccess, SeqAccess, Visitor};

use super::Scalar;

/// A tree as serde reads it from any self-describing format, its children read as `C` and
/// its keys as `K`: spanned for a file's tree ([`super::Raw`]), plain for the quick readings
/// ([`super::plain`]).
#[derive(Debug)]
pub(super) enum Tree<C, K> {
    Scalar(Scalar),
    Seq(Vec<C>),
    Map(Vec<(K, C)>),
}

impl<'de, C: Deserialize<'de>, K: Deserialize<'de>> Deserialize<'de> for Tree<C, K> {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<C, K>(std::marker::PhantomData<(C, K)>);
        impl<'de, C: Deserialize<'de>, K: Deserialize<'de>> Visitor<'de> for V<C, K> {
            type Value = Tree<C, K>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any YAML value")
            }
            fn visit_bool<E>(self, v: bool) -> Result<Self::Value, E> {
                Ok(Tree::Scalar(Scalar::Bool(v)))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Self::Value, E> {
                Ok(Tree::Scalar(Scalar::Int(v)))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
                let scalar = i64::try_from(v).map_or(Scalar::Float(v as f64), Scalar::Int);
                Ok(Tree::Scalar(scalar))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Self::Value, E> {
                Ok(Tree::Scalar(Scalar::Float(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Tree::Scalar(Scalar::Str(v.to_string())))
            }
            fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
                Ok(Tree::Scalar(Scalar::Str(v)))
            }
            fn visit_unit<E>(self) -> Result<Self::Value, E> {
                Ok(Tree::Scalar(Scalar::Null))
            }
            fn visit_none<E>(self) -> Result<Self::Value, E> {
                Ok(Tree::Scalar(Scalar::Null))
            }
            fn visit_some<D: de::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
                Tree::deserialize(d)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element::<C>()? {
                    items.push(item);
                }
                Ok(Tree::Seq(items))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut entries = Vec::new();
                while let Some(key) = map.next_key::<K>()? {
                    let value = map.next_value::<C>()?;
                    entries.push((key, value));
                }
                Ok(Tree::Map(entries))
            }
        }
        d.deserialize_any(V(std::marker::PhantomData))
    }
}
