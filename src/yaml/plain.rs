//! Trees without positions, for text whose positions are not needed: the default house
//! style's JSON (`build.rs` writes it from its YAML once, at build time, keys in order),
//! and a first, quick reading of a project's `clerk.yaml` (serde-saphyr's spans cost a map
//! per value; a file with a problem is read again with them, for the diagnostics).

use serde::Deserialize;
use serde::de;

use super::{Key, Node, Pos, Tree, Value};

/// The tree of the JSON `text`, keys in the text's order and every position unknown
/// (nothing in it is the author's, so no diagnostic points into it); `None` when it is not
/// JSON. Numbers are integers where they are whole and fit, as the YAML reader makes them.
pub fn from_json(text: &str) -> Option<Node> {
    serde_json::from_str::<Plain>(text).ok().map(Plain::node)
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
        .map(Plain::node)
}

/// A tree without positions, read from any self-describing format in its order
/// (serde_json's own `Value` sorts an object's keys).
struct Plain(Tree<Plain, String>);

impl<'de> Deserialize<'de> for Plain {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Tree::deserialize(d).map(Plain)
    }
}

impl Plain {
    fn node(self) -> Node {
        let value = match self.0 {
            Tree::Scalar(s) => Value::Scalar(s),
            Tree::Seq(items) => Value::Seq(items.into_iter().map(Plain::node).collect()),
            Tree::Map(entries) => Value::Map(
                entries
                    .into_iter()
                    .map(|(name, v)| {
                        let pos = Pos::default();
                        (Key { name, pos }, v.node())
                    })
                    .collect(),
            ),
        };
        Node {
            pos: Pos::default(),
            value,
        }
    }
}
