//! What an appendix PDF draws outside any marked content (a page background a browser
//! prints, a rule, a logo) is marked as an artifact, and its links without a description
//! are given one, so that the paper the appendix joins stays PDF/UA-1 (veraPDF's 7.1-3
//! and 7.18.5-2): a tagged PDF from a browser or an older Word may leave both.

use std::collections::BTreeSet;

use lopdf::content::{Content, Operation};
use lopdf::{Dictionary, Document, Object, ObjectId, Stream};

/// The pages (1-based) that draw something outside any marked content.
pub fn untagged_pages(doc: &Document) -> Vec<u32> {
    doc.get_pages()
        .into_iter()
        .filter(|(_, id)| marked(doc, *id).is_some_and(|(_, n)| n > 0))
        .map(|(n, _)| n)
        .collect()
}

/// Marks as artifacts what each page draws outside marked content, and describes each
/// link that has no `/Contents` by where it goes.
pub fn mend(doc: &mut Document) {
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    for page in pages {
        if let Some((ops, n)) = marked(doc, page)
            && n > 0
            && let Ok(bytes) = (Content { operations: ops }).encode()
        {
            let stream = doc.add_object(Stream::new(Dictionary::new(), bytes));
            if let Ok(d) = doc.get_dictionary_mut(page) {
                d.set("Contents", stream);
            }
        }
        describe_links(doc, page);
    }
}

/// The page's operators with what they draw outside marked content wrapped as artifacts,
/// and how many were; `None` when its content cannot be read (it is left as it is).
fn marked(doc: &Document, page: ObjectId) -> Option<(Vec<Operation>, usize)> {
    let bytes = doc.get_page_content(page);
    let ops = Content::decode_strict(&bytes).ok()?.operations;
    Some(wrap(ops, &tagged_forms(doc, page)))
}

/// The names of the page's form XObjects that are tagged themselves (a structure parent of
/// their own): drawing one is not an artifact.
fn tagged_forms(doc: &Document, page: ObjectId) -> BTreeSet<Vec<u8>> {
    let mut names = BTreeSet::new();
    let Ok((own, ids)) = doc.get_page_resources(page) else {
        return names;
    };
    let dicts = own
        .into_iter()
        .chain(ids.iter().filter_map(|id| doc.get_dictionary(*id).ok()));
    for res in dicts {
        let Some(xobjects) = res
            .get(b"XObject")
            .ok()
            .and_then(|x| doc.dereference(x).ok())
            .and_then(|(_, x)| x.as_dict().ok())
        else {
            continue;
        };
        for (name, x) in xobjects {
            let tagged = doc
                .dereference(x)
                .ok()
                .and_then(|(_, x)| x.as_stream().ok())
                .is_some_and(|s| s.dict.has(b"StructParents") || s.dict.has(b"StructParent"));
            if tagged {
                names.insert(name.clone());
            }
        }
    }
    names
}

/// Path-painting operators (a path is built from `m` or `re` on, and ends with one).
const PAINT: &[&str] = &["S", "s", "f", "F", "f*", "B", "B*", "b", "b*"];
/// Operators that draw on their own: images, shadings, text.
const DRAW: &[&str] = &["Do", "sh", "BI", "Tj", "TJ", "'", "\""];

/// Wraps each drawing operator outside marked content in `/Artifact BMC … EMC` (a path
/// from its first operator, since nothing may stand inside one); returns the operators
/// and how many were wrapped. A form in `tagged` is left alone.
fn wrap(ops: Vec<Operation>, tagged: &BTreeSet<Vec<u8>>) -> (Vec<Operation>, usize) {
    let bmc = || Operation::new("BMC", vec![Object::Name(b"Artifact".to_vec())]);
    let emc = || Operation::new("EMC", Vec::new());
    let mut out: Vec<Operation> = Vec::with_capacity(ops.len());
    let (mut depth, mut wrapped) = (0usize, 0usize);
    let mut path: Option<usize> = None;
    for op in ops {
        let name = op.operator.clone();
        let name = name.as_str();
        match name {
            "BMC" | "BDC" => depth += 1,
            "EMC" => depth = depth.saturating_sub(1),
            _ => {}
        }
        let loose = depth == 0 && !matches!(name, "BMC" | "BDC" | "EMC");
        if loose && matches!(name, "m" | "re") && path.is_none() {
            path = Some(out.len());
        }
        let form = name == "Do"
            && op
                .operands
                .first()
                .and_then(|o| o.as_name().ok())
                .is_some_and(|n| tagged.contains(n));
        if loose && PAINT.contains(&name) {
            out.insert(path.unwrap_or(out.len()), bmc());
            out.push(op);
            out.push(emc());
            wrapped += 1;
        } else if loose && DRAW.contains(&name) && !form {
            out.push(bmc());
            out.push(op);
            out.push(emc());
            wrapped += 1;
        } else {
            out.push(op);
        }
        if PAINT.contains(&name) || name == "n" {
            path = None;
        }
    }
    (out, wrapped)
}

/// Gives each link annotation of `page` without `/Contents` one: where it goes.
fn describe_links(doc: &mut Document, page: ObjectId) {
    let Ok(annots) = doc.get_page_annotations_mut(page) else {
        return;
    };
    for a in annots {
        if a.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Link".as_slice())
            || a.has(b"Contents")
        {
            continue;
        }
        let uri = a
            .get(b"A")
            .and_then(Object::as_dict)
            .and_then(|act| act.get(b"URI"))
            .and_then(Object::as_str)
            .ok()
            .map(|u| String::from_utf8_lossy(u).into_owned());
        let text = match uri {
            Some(u) => format!("Link to {u}"),
            None => "Link to another page of the appendix".to_string(),
        };
        a.set("Contents", Object::string_literal(text));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ops(text: &str) -> Vec<Operation> {
        Content::decode_strict(text.as_bytes()).unwrap().operations
    }

    fn wrapped(text: &str) -> (String, usize) {
        let (out, n) = wrap(ops(text), &BTreeSet::from([b"Tagged".to_vec()]));
        let bytes = Content { operations: out }.encode().unwrap();
        (String::from_utf8(bytes).unwrap().replace('\n', " "), n)
    }

    #[test]
    fn drawing_outside_marked_content_is_made_an_artifact() {
        // A background rectangle, an image, and text outside any tag; a tagged paragraph.
        let (text, n) = wrapped(
            "0 0 612 792 re f /Im1 Do BT /F1 12 Tf (x) Tj ET /P <</MCID 0>> BDC BT (y) Tj ET EMC",
        );
        assert_eq!(n, 3);
        assert_eq!(
            text,
            "/Artifact BMC 0 0 612 792 re f EMC /Artifact BMC /Im1 Do EMC BT /F1 12 Tf /Artifact BMC (x) Tj EMC ET /P <</MCID 0>> BDC BT (y) Tj ET EMC"
        );
    }

    #[test]
    fn tagged_drawing_clipping_and_tagged_forms_are_left_alone() {
        for clean in [
            "/P <</MCID 0>> BDC 0 0 m 10 10 l S /Im1 Do EMC",
            "0 0 10 10 re W n",
            "/Tagged Do",
            "/Artifact BMC 0 0 10 10 re f EMC",
        ] {
            assert_eq!(wrapped(clean).1, 0, "{clean}");
        }
    }
}
