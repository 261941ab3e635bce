//! Typed reading from the spanned tree: a serde `Deserializer` over [`Node`] whose errors
//! carry the position of the node that caused them.

use std::fmt;

use serde::de::{self, DeserializeSeed, IntoDeserializer, MapAccess, SeqAccess, Visitor};

use super::{Key, Node, Pos, Scalar, Value};

/// A located problem while reading a tree: message plus the node's position.
#[derive(Debug)]
pub struct TreeError {
    pub(super) message: String,
    pub(super) pos: Option<Pos>,
}

impl fmt::Display for TreeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for TreeError {}

impl de::Error for TreeError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        TreeError {
            message: msg.to_string(),
            pos: None,
        }
    }
}

fn at(pos: Pos) -> impl FnOnce(TreeError) -> TreeError {
    move |mut e| {
        e.pos.get_or_insert(pos);
        e
    }
}

impl<'de> de::Deserializer<'de> for &'de Node {
    type Error = TreeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TreeError> {
        let r = match &self.value {
            Value::Scalar(Scalar::Null) => visitor.visit_unit(),
            Value::Scalar(Scalar::Bool(b)) => visitor.visit_bool(*b),
            Value::Scalar(Scalar::Int(i)) => visitor.visit_i64(*i),
            Value::Scalar(Scalar::Float(f)) => visitor.visit_f64(*f),
            Value::Scalar(Scalar::Str(s)) => visitor.visit_str(s),
            Value::Seq(items) => visitor.visit_seq(SeqIter {
                items: items.iter(),
            }),
            Value::Map(entries) => visitor.visit_map(MapIter {
                entries: entries.iter(),
                value: None,
            }),
        };
        r.map_err(at(self.pos))
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TreeError> {
        if self.is_null() {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TreeError> {
        match self.as_text() {
            Some(s) if !matches!(self.value, Value::Seq(_) | Value::Map(_)) => {
                visitor.visit_string(s).map_err(at(self.pos))
            }
            _ => self.deserialize_any(visitor),
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TreeError> {
        self.deserialize_string(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, TreeError> {
        match &self.value {
            Value::Scalar(Scalar::Str(s)) => visitor
                .visit_enum(s.as_str().into_deserializer())
                .map_err(at(self.pos)),
            _ => Err(TreeError {
                message: format!("expected one word, found {}", self.kind()),
                pos: Some(self.pos),
            }),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char
        bytes byte_buf unit unit_struct newtype_struct seq tuple
        tuple_struct map struct identifier ignored_any
    }
}

struct SeqIter<'a> {
    items: std::slice::Iter<'a, Node>,
}

impl<'de> SeqAccess<'de> for SeqIter<'de> {
    type Error = TreeError;
    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, TreeError> {
        self.items
            .next()
            .map(|n| seed.deserialize(n).map_err(at(n.pos)))
            .transpose()
    }
}

struct MapIter<'a> {
    entries: std::slice::Iter<'a, (Key, Node)>,
    value: Option<&'a Node>,
}

impl<'de> MapAccess<'de> for MapIter<'de> {
    type Error = TreeError;
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, TreeError> {
        let Some((k, v)) = self.entries.next() else {
            return Ok(None);
        };
        self.value = Some(v);
        let key_de: de::value::StrDeserializer<'_, TreeError> = k.name.as_str().into_deserializer();
        seed.deserialize(key_de).map(Some).map_err(|mut e| {
            e.pos = Some(k.pos);
            e
        })
    }
    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, TreeError> {
        let node = self
            .value
            .take()
            .ok_or_else(|| de::Error::custom("value without a key"))?;
        seed.deserialize(node).map_err(at(node.pos))
    }
}
