//! All YAML handling: parses text with serde-saphyr into a spanned tree ([`Node`]) and
//! deserializes typed values from that tree, every problem located at a line and column.

use std::path::Path;

use serde::Deserialize;
use serde::de::{self, DeserializeOwned};
use serde_saphyr::Spanned;

use crate::diag::{self, Diagnostic};

mod comments;
mod de_tree;
mod every;
mod keys;
mod nbsp;
mod plain;
mod problems;
mod recover;
mod slips;
mod tree;
mod words;

pub use comments::cut_by_comments;
pub use de_tree::TreeError;
pub use every::from_overlay;
pub use plain::{from_json, from_yaml_plain};
pub use recover::{blanked, entry_at, keys_in};
use tree::Tree;

/// Where a YAML node stands in its file: 1-based line and column, byte offset and length.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pos {
    /// 1-based line.
    pub line: usize,
    /// 1-based column (characters).
    pub column: usize,
    /// Byte offset into the text, when known.
    pub offset: Option<usize>,
    /// Length in bytes, when known.
    pub len: usize,
}

/// A scalar as YAML typed it (clerk decides what it means; dates stay text).
#[derive(Debug, Clone, PartialEq)]
pub enum Scalar {
    /// `~`, `null` or an empty value.
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// An integer.
    Int(i64),
    /// A float.
    Float(f64),
    /// Text.
    Str(String),
}

/// A YAML value with its position.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// Where the value stands.
    pub pos: Pos,
    /// The value.
    pub value: Value,
}

/// The shape of a YAML value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A scalar.
    Scalar(Scalar),
    /// A sequence.
    Seq(Vec<Node>),
    /// A mapping, in source order; keys are text with their own positions.
    Map(Vec<(Key, Node)>),
}

/// A mapping key with its position.
#[derive(Debug, Clone, PartialEq)]
pub struct Key {
    /// The key's text.
    pub name: String,
    /// Where it stands.
    pub pos: Pos,
}

impl Pos {
    /// The bytes the node covers (at least one), when its offset is known.
    pub fn span(&self) -> Option<std::ops::Range<usize>> {
        self.offset.map(|o| o..o + self.len.max(1))
    }

    /// [`Pos::span`], else the one byte its line and column find in `text`.
    pub fn span_in(&self, text: &str) -> Option<std::ops::Range<usize>> {
        self.span().or_else(|| {
            let at = diag::offset_of(text, self.line, self.column).filter(|_| self.line > 0)?;
            Some(at..at + 1)
        })
    }
}

impl Node {
    /// The value of `key` in a mapping node.
    pub fn get(&self, key: &str) -> Option<&Node> {
        match &self.value {
            Value::Map(entries) => entries.iter().find(|(k, _)| k.name == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// A name for the node's type, for messages ("a list", "text", …).
    pub fn kind(&self) -> &'static str {
        match &self.value {
            Value::Scalar(Scalar::Null) => "empty",
            Value::Scalar(Scalar::Bool(_)) => "true/false",
            Value::Scalar(Scalar::Int(_) | Scalar::Float(_)) => "a number",
            Value::Scalar(Scalar::Str(_)) => "text",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a set of keys",
        }
    }

    /// The scalar as text (numbers and booleans written out), if it is a scalar.
    pub fn as_text(&self) -> Option<String> {
        match &self.value {
            Value::Scalar(Scalar::Str(s)) => Some(s.clone()),
            Value::Scalar(Scalar::Int(i)) => Some(i.to_string()),
            Value::Scalar(Scalar::Float(f)) => Some(f.to_string()),
            Value::Scalar(Scalar::Bool(b)) => Some(b.to_string()),
            _ => None,
        }
    }

    /// Is this `null` or empty?
    pub fn is_null(&self) -> bool {
        matches!(self.value, Value::Scalar(Scalar::Null))
    }
}

fn pos_of(loc: &serde_saphyr::Location, text: &str) -> Pos {
    let span = loc.span();
    let offset = span.byte_offset().map(|o| o as usize);
    let len = span.byte_len().map_or(0, |l| l as usize);
    let mut p = Pos {
        line: loc.line() as usize,
        column: loc.column() as usize,
        offset,
        len,
    };
    if p.offset.is_none() && p.line > 0 {
        p.offset = diag::offset_of(text, p.line, p.column);
    }
    p
}

/// A file's tree straight from serde-saphyr, before positions are turned into [`Pos`].
#[derive(Debug)]
struct Raw(Tree<Spanned<Raw>, Spanned<keys::RawKey>>);

impl<'de> Deserialize<'de> for Raw {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Tree::deserialize(d).map(Raw)
    }
}

/// The tree of `raw`, positions taken from `text`. A key given a second time in one mapping
/// is a diagnostic at the repeat, pushed on `diags`; the first is kept. So is an empty key
/// (`: x`), which is left out.
fn convert(raw: Spanned<Raw>, text: &str, file: &Path, diags: &mut Vec<Diagnostic>) -> Node {
    let pos = pos_of(&raw.referenced, text);
    let value = match raw.value.0 {
        Tree::Scalar(s) => Value::Scalar(s),
        Tree::Seq(items) => Value::Seq(
            items
                .into_iter()
                .map(|i| convert(i, text, file, diags))
                .collect(),
        ),
        Tree::Map(raw_entries) => {
            let mut entries: Vec<(Key, Node)> = Vec::with_capacity(raw_entries.len());
            for (k, v) in raw_entries {
                let pos = pos_of(&k.referenced, text);
                let key = Key {
                    name: k.value.name(text, pos.offset.map(|o| o..o + pos.len)),
                    pos,
                };
                let value = convert(v, text, file, diags);
                match entries.iter().find(|(first, _)| first.name == key.name) {
                    _ if key.name.is_empty() => diags.push(problems::empty_key(&key, file)),
                    Some((first, _)) => diags.push(problems::duplicate_key(&key, first.pos, file)),
                    None => entries.push((key, value)),
                }
            }
            Value::Map(entries)
        }
    };
    Node { pos, value }
}

/// How much YAML a file may hold: values (aliases expanded) and nesting depth.
#[derive(Debug, Clone, Copy)]
pub struct YamlLimits {
    /// Values, counting those an alias repeats.
    pub values: usize,
    /// Nesting depth.
    pub depth: usize,
}

impl Default for YamlLimits {
    fn default() -> Self {
        YamlLimits {
            values: 100_000,
            depth: 64,
        }
    }
}

/// Parses YAML text into a spanned tree. Syntax errors, tabs and duplicate keys are
/// diagnostics located in `text`. An empty document is an empty mapping.
pub fn to_node(text: &str, file: &Path) -> Result<Node, Vec<Diagnostic>> {
    to_node_within(text, file, YamlLimits::default())
}

/// [`to_node`] within `limits`: past them (an alias bomb, say) the file is refused with a
/// diagnostic naming the limit, before it can use much memory or time.
pub fn to_node_within(
    text: &str,
    file: &Path,
    limits: YamlLimits,
) -> Result<Node, Vec<Diagnostic>> {
    match to_node_lenient(text, file, limits) {
        (Some(node), diags) if diags.is_empty() => Ok(node),
        (_, diags) => Err(diags),
    }
}

/// [`to_node_within`], keeping the tree when what is wrong leaves it readable, so the rest
/// can still be checked: a key given twice in a mapping (reported at the repeat; the first
/// is kept), and indentation with tabs (every such line reported; the tree read with those
/// tabs as spaces, when that reads). Any other problem leaves no tree.
pub fn to_node_lenient(
    text: &str,
    file: &Path,
    limits: YamlLimits,
) -> (Option<Node>, Vec<Diagnostic>) {
    if text.trim().is_empty() {
        let empty = Node {
            pos: Pos {
                line: 1,
                column: 1,
                offset: Some(0),
                len: 0,
            },
            value: Value::Map(Vec::new()),
        };
        return (Some(empty), Vec::new());
    }
    let mut diags = Vec::new();
    let read = |text: &str| {
        let mut options = options(limits);
        // Repeated keys reach the tree, to be reported each at its place (see `convert`).
        options.duplicate_keys = serde_saphyr::DuplicateKeyPolicy::PassThrough;
        serde_saphyr::from_str_with_options::<Spanned<Raw>>(text, options)
    };
    match read(text) {
        Ok(raw) => {
            let node = convert(raw, text, file, &mut diags);
            (Some(node), diags)
        }
        Err(e) => {
            let nbsp = nbsp::lines(text, file);
            if !nbsp.is_empty() {
                // Spaces pasted from Word where YAML wants plain ones: said where they are,
                // and the text read again with plain ones, so the rest is still checked.
                diags.extend(nbsp);
                let plain = nbsp::as_spaces(text);
                return match read(&plain) {
                    Ok(raw) => {
                        let node = convert(raw, &plain, file, &mut diags);
                        (Some(node), diags)
                    }
                    Err(e) => {
                        diags.push(problems::saphyr_error(&e, &plain, file, limits));
                        (None, diags)
                    }
                };
            }
            let d = problems::saphyr_error(&e, text, file, limits);
            if let Some(eased) = eased_colons(&e, text) {
                // A value with a `: ` in it (`title: Budget: Quarter 2`): each such line is
                // reported, and the rest is read and checked, so one slip hides nothing.
                diags.push(d);
                let mut text = eased;
                for _ in 0..MAX_EASED {
                    match read(&text) {
                        Ok(raw) => {
                            let node = convert(raw, &text, file, &mut diags);
                            return (Some(node), diags);
                        }
                        Err(e) => {
                            diags.push(problems::saphyr_error(&e, &text, file, limits));
                            match eased_colons(&e, &text) {
                                Some(eased) => text = eased,
                                None => break,
                            }
                        }
                    }
                }
                return (None, diags);
            }
            let tabs = problems::tab_lines(text, file);
            if d.code != "yaml-tab" || tabs.is_empty() {
                return recover::read_past(d, text, file, limits, read);
            }
            diags.extend(tabs);
            let spaced = problems::tabs_as_spaces(text);
            let node = read(&spaced)
                .ok()
                .map(|raw| convert(raw, &spaced, file, &mut diags));
            (node, diags)
        }
    }
}

/// How many lines with a colon in their value are eased before the rest is given up on.
const MAX_EASED: usize = 50;

/// `text` with the colons of the value where `e` stands eased
/// ([`problems::colons_eased`]), when `e` is YAML taking a `: ` in a value for a key.
fn eased_colons(e: &serde_saphyr::Error, text: &str) -> Option<String> {
    let at = e
        .location()
        .and_then(|loc| pos_of(&loc, text).span())?
        .start;
    let d = e.to_string();
    d.contains("mapping values are not allowed")
        .then(|| problems::colons_eased(text, at))
        .flatten()
        .or_else(|| problems::start_eased(text, at))
}

/// serde-saphyr's options for reading within `limits`.
fn options(limits: YamlLimits) -> serde_saphyr::Options {
    let mut options = serde_saphyr::Options::default();
    let mut budget = serde_saphyr::Budget::default();
    budget.max_nodes = limits.values;
    budget.max_depth = limits.depth;
    options.budget = Some(budget);
    options.alias_limits.max_total_replayed_events = limits.values.saturating_mul(2);
    options
}

/// Lays `own`'s keys over `base`'s. Maps merge key by key, at any depth (so
/// `pdf: { justify: true }` keeps the other `pdf` keys); any other value in `own`,
/// a list included, replaces the one in `base`.
pub fn overlay(base: Node, own: Node) -> Node {
    let (Value::Map(mut entries), Value::Map(own_entries)) = (base.value, own.value.clone()) else {
        return own;
    };
    for (k, v) in own_entries {
        match entries.iter_mut().find(|(bk, _)| bk.name == k.name) {
            Some(slot) => {
                let base_value = std::mem::replace(&mut slot.1, v.clone());
                *slot = (k, overlay(base_value, v));
            }
            None => entries.push((k, v)),
        }
    }
    Node {
        pos: own.pos,
        value: Value::Map(entries),
    }
}

/// Deserializes a typed value from text (via the tree), with located diagnostics.
pub fn from_str<T: DeserializeOwned>(text: &str, file: &Path) -> Result<T, Vec<Diagnostic>> {
    let node = to_node(text, file)?;
    from_node(&node, file)
}

/// Deserializes a typed value from a tree. An unknown key gets a did-you-mean; any other
/// problem is said in plain words, not serde's.
pub fn from_node<T: DeserializeOwned>(node: &Node, file: &Path) -> Result<T, Vec<Diagnostic>> {
    T::deserialize(node).map_err(|e| {
        let mut d = Diagnostic::file_error("invalid-value", file, words::plain(&e.message));
        d.span = e.pos.and_then(|p| p.span());
        if let Some(rest) = e.message.strip_prefix("unknown field `") {
            d.code = "unknown-key";
            let key = rest.split('`').next().unwrap_or("");
            let expected: Vec<&str> = rest.split('`').skip(2).step_by(2).collect();
            d.message = format!("unknown key `{key}`");
            d.help = Some(match diag::did_you_mean(key, expected.iter().copied()) {
                Some(best) => format!("did you mean `{best}`?"),
                None => format!("the keys allowed here are: {}", expected.join(", ")),
            });
        }
        vec![d]
    })
}

#[cfg(test)]
mod tests;
