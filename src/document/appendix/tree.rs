//! The structure-tree side of appending: where clerk's tree takes the appendix, what the
//! appendix's tree brings, the `Sect` that holds it, the merged parent tree and role and
//! class maps, and the pages added to clerk's page tree.

use std::collections::BTreeMap;

use lopdf::{Dictionary, Document, Object, ObjectId};

use super::objects::{number_tree, rewrite};

/// Where clerk's own tree takes the appendix: its `Document` element, the parent tree and
/// the next free parent-tree key.
pub(super) struct Target {
    pub(super) pages_root: ObjectId,
    pub(super) struct_root: ObjectId,
    pub(super) document: ObjectId,
    pub(super) parent_tree: ObjectId,
    pub(super) next_key: i64,
}

pub(super) fn target(doc: &Document) -> Result<Target, String> {
    let catalog = doc.catalog().map_err(|e| e.to_string())?;
    let pages_root = catalog
        .get(b"Pages")
        .and_then(Object::as_reference)
        .map_err(|e| e.to_string())?;
    let struct_root = catalog
        .get(b"StructTreeRoot")
        .and_then(Object::as_reference)
        .map_err(|e| e.to_string())?;
    let root = doc.get_dictionary(struct_root).map_err(|e| e.to_string())?;
    let document = match root.get(b"K") {
        Ok(Object::Reference(id)) => *id,
        Ok(Object::Array(kids)) if kids.len() == 1 => {
            kids[0].as_reference().map_err(|e| e.to_string())?
        }
        _ => struct_root,
    };
    let parent_tree = root
        .get(b"ParentTree")
        .and_then(Object::as_reference)
        .map_err(|e| e.to_string())?;
    let next_key = root
        .get(b"ParentTreeNextKey")
        .and_then(Object::as_i64)
        .unwrap_or(0);
    Ok(Target {
        pages_root,
        struct_root,
        document,
        parent_tree,
        next_key,
    })
}

/// What the appendix's structure tree brings.
pub(super) struct Tree {
    /// The elements that go into the `Sect`.
    pub(super) top: Vec<Object>,
    /// Its root, and its `Document` element when the `Sect` takes that one's place.
    pub(super) skipped: Vec<ObjectId>,
    /// The language of that `Document` element, or of the appendix's catalog.
    pub(super) lang: Option<Object>,
    /// Its parent tree, flattened.
    pub(super) entries: Vec<(i64, Object)>,
    /// Its role map and class map.
    pub(super) maps: [Option<Object>; 2],
}

/// Reads the appendix's tree. Its own `Document` element (when only elements are below
/// it) gives way to the `Sect`: its kids move up into it.
pub(super) fn read_tree(src: &Document) -> Result<Tree, String> {
    let catalog = src.catalog().map_err(|e| e.to_string())?;
    let root_id = catalog
        .get(b"StructTreeRoot")
        .and_then(Object::as_reference)
        .map_err(|e| e.to_string())?;
    let root = src.get_dictionary(root_id).map_err(|e| e.to_string())?;
    let kids = |d: &Dictionary| match d.get(b"K") {
        Ok(Object::Array(k)) => k.clone(),
        Ok(k) => vec![k.clone()],
        Err(_) => Vec::new(),
    };
    let mut tree = Tree {
        top: kids(root),
        skipped: vec![root_id],
        lang: catalog.get(b"Lang").ok().cloned(),
        entries: Vec::new(),
        maps: [b"RoleMap".as_slice(), b"ClassMap"].map(|k| root.get(k).ok().cloned()),
    };
    if let [Object::Reference(only)] = tree.top.as_slice()
        && let Ok(el) = src.get_dictionary(*only)
        && el.get(b"S").and_then(Object::as_name).ok() == Some(b"Document".as_slice())
        && kids(el).iter().all(|k| matches!(k, Object::Reference(_)))
    {
        tree.lang = el.get(b"Lang").ok().cloned().or(tree.lang);
        tree.skipped.push(*only);
        tree.top = kids(el);
    }
    if let Ok(pt) = root.get(b"ParentTree") {
        number_tree(src, pt, &mut tree.entries, 0);
    }
    Ok(tree)
}

/// Adds the `Sect` titled `title` holding the appendix's elements under clerk's
/// `Document`; merges the parent tree (keys after clerk's) and the role and class maps.
pub(super) fn graft(
    doc: &mut Document,
    t: &Target,
    sect: ObjectId,
    title: &str,
    tree: Tree,
    map: &BTreeMap<ObjectId, Object>,
) -> Result<(), String> {
    let mut kids = tree.top;
    kids.iter_mut().for_each(|k| rewrite(k, map));
    let mut d = Dictionary::from_iter([
        ("Type", Object::Name(b"StructElem".to_vec())),
        ("S", Object::Name(b"Sect".to_vec())),
        ("P", t.document.into()),
        ("T", super::objects::text_string(title)),
        ("K", Object::Array(kids)),
    ]);
    if let Some(lang) = tree.lang {
        d.set("Lang", lang);
    }
    doc.objects.insert(sect, Object::Dictionary(d));
    push_kid(doc, t.document, sect.into())?;

    let mut max_key = -1;
    let mut nums = Vec::new();
    for (k, mut v) in tree.entries {
        rewrite(&mut v, map);
        max_key = max_key.max(k);
        nums.push(k.saturating_add(t.next_key).into());
        nums.push(v);
    }
    let parents = doc
        .get_dictionary_mut(t.parent_tree)
        .map_err(|e| e.to_string())?;
    match parents.get_mut(b"Nums") {
        Ok(Object::Array(a)) => a.extend(nums),
        _ => parents.set("Nums", Object::Array(nums)),
    }
    let root = doc
        .get_dictionary_mut(t.struct_root)
        .map_err(|e| e.to_string())?;
    let next = t.next_key.saturating_add(max_key).saturating_add(1);
    root.set("ParentTreeNextKey", next);
    for (key, m) in [b"RoleMap".as_slice(), b"ClassMap"]
        .into_iter()
        .zip(tree.maps)
    {
        let Some(mut m) = m else { continue };
        rewrite(&mut m, map);
        let Object::Dictionary(m) = m else { continue };
        let mut merged = root
            .get(key)
            .and_then(Object::as_dict)
            .cloned()
            .unwrap_or_default();
        for (k, v) in m.into_iter() {
            if !merged.has(&k) {
                merged.set(k, v);
            }
        }
        root.set(key, merged);
    }
    Ok(())
}

/// Puts `pages` after clerk's in its page tree.
pub(super) fn add_pages(doc: &mut Document, t: &Target, pages: &[Object]) -> Result<(), String> {
    for p in pages {
        if let Ok(id) = p.as_reference()
            && let Ok(page) = doc.get_dictionary_mut(id)
        {
            page.set("Parent", t.pages_root);
        }
    }
    let root = doc
        .get_dictionary_mut(t.pages_root)
        .map_err(|e| e.to_string())?;
    match root.get_mut(b"Kids") {
        Ok(Object::Array(a)) => a.extend(pages.iter().cloned()),
        _ => root.set("Kids", Object::Array(pages.to_vec())),
    }
    let count = root.get(b"Count").and_then(Object::as_i64).unwrap_or(0);
    root.set("Count", count + pages.len() as i64);
    Ok(())
}

fn push_kid(doc: &mut Document, parent: ObjectId, kid: Object) -> Result<(), String> {
    let el = doc.get_dictionary_mut(parent).map_err(|e| e.to_string())?;
    match el.get_mut(b"K") {
        Ok(Object::Array(a)) => a.push(kid),
        Ok(other) => {
            let one = other.clone();
            el.set("K", Object::Array(vec![one, kid]));
        }
        Err(_) => el.set("K", Object::Array(vec![kid])),
    }
    Ok(())
}
