//! Mapping keys as YAML reads them: any scalar (`null`, `1`, `true` as well as text), named
//! as the author wrote it, so that `null: x` is an unknown key `null` like any other.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Visitor};

/// What a key that is not a name is said to be expected as (the message names it).
pub(super) const A_KEY_NAME: &str = "a key name";

/// A key as read: its text, or, for a scalar YAML reads as something else (`null`, `~`,
/// `1.50`, `true`), that value written out, for when the author's own spelling is lost.
#[derive(Debug)]
pub(super) enum RawKey {
    /// A key YAML reads as text.
    Text(String),
    /// A key YAML reads as null, a number or true/false.
    Other(String),
}

impl RawKey {
    /// The key's name: its text, or as written in `text` at `span` (`~` stays `~`).
    pub(super) fn name(self, text: &str, span: Option<std::ops::Range<usize>>) -> String {
        match self {
            RawKey::Text(name) => name,
            RawKey::Other(written) => span
                .and_then(|s| text.get(s))
                .map_or(written, |s| s.trim().to_string()),
        }
    }
}

impl<'de> Deserialize<'de> for RawKey {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = RawKey;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(A_KEY_NAME)
            }
            fn visit_bool<E>(self, v: bool) -> Result<RawKey, E> {
                Ok(RawKey::Other(v.to_string()))
            }
            fn visit_i64<E>(self, v: i64) -> Result<RawKey, E> {
                Ok(RawKey::Other(v.to_string()))
            }
            fn visit_u64<E>(self, v: u64) -> Result<RawKey, E> {
                Ok(RawKey::Other(v.to_string()))
            }
            fn visit_f64<E>(self, v: f64) -> Result<RawKey, E> {
                Ok(RawKey::Other(v.to_string()))
            }
            fn visit_str<E>(self, v: &str) -> Result<RawKey, E> {
                Ok(RawKey::Text(v.to_string()))
            }
            fn visit_string<E>(self, v: String) -> Result<RawKey, E> {
                Ok(RawKey::Text(v))
            }
            fn visit_unit<E>(self) -> Result<RawKey, E> {
                Ok(RawKey::Other("null".to_string()))
            }
            fn visit_none<E>(self) -> Result<RawKey, E> {
                Ok(RawKey::Other("null".to_string()))
            }
        }
        d.deserialize_any(V)
    }
}
