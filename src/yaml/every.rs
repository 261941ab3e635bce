//! Every problem of a typed file laid over a default, at once: serde stops at the first, so
//! the entry it names is taken out (the default's value shows through) and the file read
//! again, until it reads or no entry can be named.

use std::path::Path;

use serde::de::DeserializeOwned;

use super::{Node, Value, from_node, overlay};
use crate::diag::Diagnostic;

/// At most this many problems are gathered (each costs one more reading).
const MOST: usize = 50;

/// Reads `T` from `own` laid over `base`. With problems, returns them all (in the file's
/// order) and the value read once the entries in error were taken out, for the checks
/// after reading to find their own problems too; `None` when that could not be read.
pub fn from_overlay<T: DeserializeOwned>(
    base: &Node,
    own: Node,
    file: &Path,
) -> Result<T, (Vec<Diagnostic>, Option<T>)> {
    let first = match from_node::<T>(&overlay(base.clone(), own.clone()), file) {
        Ok(value) => return Ok(value),
        Err(diags) => diags,
    };
    let mut own = own;
    let mut found: Vec<Diagnostic> = Vec::new();
    let mut next = first;
    let rest = loop {
        let Some(d) = next.into_iter().next() else {
            break None;
        };
        let at = d.span.as_ref().map(|s| s.start);
        // A problem that the taking out itself made (a key now missing) is not the file's.
        let made = !found.is_empty() && d.message.contains("missing");
        if made {
            break None;
        }
        found.push(d);
        if found.len() >= MOST || !at.is_some_and(|at| take_out(&mut own, at)) {
            break None;
        }
        match from_node::<T>(&overlay(base.clone(), own.clone()), file) {
            Ok(value) => break Some(value),
            Err(diags) => next = diags,
        }
    };
    found.sort_by_key(|d| d.span.as_ref().map(|s| s.start));
    Err((found, rest))
}

/// Takes out of the mapping `node` the entry whose key or value holds byte `at`: the
/// deepest such entry of nested mappings; a list is taken out whole (its items' places are
/// their numbers). False when no entry holds it.
fn take_out(node: &mut Node, at: usize) -> bool {
    let Value::Map(entries) = &mut node.value else {
        return false;
    };
    let Some(i) = entries
        .iter()
        .position(|(k, v)| k.pos.offset == Some(at) || holds(v, at))
    else {
        return false;
    };
    let value = &mut entries[i].1;
    if matches!(value.value, Value::Map(_)) && take_out(value, at) {
        return true;
    }
    entries.remove(i);
    true
}

/// Does `node` (or anything in it) stand at byte `at`?
fn holds(node: &Node, at: usize) -> bool {
    if node.pos.span().is_some_and(|s| s.contains(&at)) {
        return true;
    }
    match &node.value {
        Value::Scalar(_) => false,
        Value::Seq(items) => items.iter().any(|n| holds(n, at)),
        Value::Map(entries) => entries
            .iter()
            .any(|(k, v)| k.pos.span().is_some_and(|s| s.contains(&at)) || holds(v, at)),
    }
}
