//! PDF appendices: checked when the paper is loaded ([`check`]: readable, not encrypted,
//! tagged, every font embedded), then appended after clerk's pages ([`append`]) so that
//! the whole file stays PDF/A-2a and PDF/UA-1.
//!
//! The appendix's pages are imported with fresh object numbers (their inherited
//! resources, boxes and rotation copied onto each page), its structure tree is grafted
//! under a `Sect` titled "Appendix B – title" in clerk's tree, and its parent-tree keys
//! are moved past clerk's. Its outline, forms, actions and names are left behind.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use lopdf::{Dictionary, Document, Object, ObjectId};

use crate::diag::Diagnostic;

/// Why an appendix PDF cannot be appended: a diagnostic code, a message and a way out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// `appendix-unreadable`, `appendix-encrypted`, `appendix-untagged` or `appendix-fonts`.
    pub code: &'static str,
    /// What is wrong, naming the file.
    pub message: String,
    /// How to put it right.
    pub help: String,
}

/// The page attributes a page may inherit from its page-tree ancestors.
const INHERITED: [&[u8]; 4] = [b"Resources", b"MediaBox", b"CropBox", b"Rotate"];

/// Checks that the PDF `bytes` (shown as `name`) can be appended to an archival, accessible
/// paper: a readable PDF with pages, not encrypted, tagged, with every font embedded.
pub fn check(name: &str, bytes: &[u8]) -> Result<(), Problem> {
    let encrypted = || {
        Problem {
        code: "appendix-encrypted",
        message: format!("the appendix `{name}` is encrypted or password-protected"),
        help: "save it again without a password or restrictions (in Acrobat: File › Properties › Security: No Security), then build again".into(),
    }
    };
    let unreadable = |why: String| Problem {
        code: "appendix-unreadable",
        message: format!("the appendix `{name}` cannot be read as a PDF ({why})"),
        help: "export it again as PDF, or write the appendix in Markdown (`_appendix.md`)".into(),
    };
    if !bytes.starts_with(b"%PDF-") {
        return Err(unreadable("it does not start like a PDF file".into()));
    }
    let doc = match Document::load_mem(bytes) {
        Ok(doc) => doc,
        Err(_) if contains(bytes, b"/Encrypt") => return Err(encrypted()),
        Err(e) => return Err(unreadable(e.to_string())),
    };
    if doc.was_encrypted() || doc.is_encrypted() || doc.trailer.get(b"Encrypt").is_ok() {
        return Err(encrypted());
    }
    if doc.get_pages().is_empty() {
        return Err(unreadable("it has no pages".into()));
    }
    let catalog = doc
        .catalog()
        .map_err(|e| unreadable(format!("no document catalog: {e}")))?;
    let marked = catalog
        .get(b"MarkInfo")
        .ok()
        .and_then(|m| doc.dereference(m).ok())
        .and_then(|(_, m)| m.as_dict().ok())
        .and_then(|m| m.get(b"Marked").ok())
        .and_then(|m| m.as_bool().ok())
        == Some(true);
    if !marked || catalog.get(b"StructTreeRoot").is_err() {
        return Err(Problem {
            code: "appendix-untagged",
            message: format!(
                "the appendix `{name}` is not a tagged PDF, so screen readers cannot read it and the paper would no longer be accessible"
            ),
            help: "export it as a tagged PDF: in Word, Save As › PDF › Options › tick “Document structure tags for accessibility”; in LibreOffice, Export as PDF › tick “Universal Accessibility (PDF/UA)”; or write the appendix in Markdown (`_appendix.md`)".into(),
        });
    }
    if let Some(font) = unembedded_font(&doc) {
        return Err(Problem {
            code: "appendix-fonts",
            message: format!(
                "the appendix `{name}` uses the font `{font}` without embedding it, so it may look different elsewhere and cannot be archived"
            ),
            help: "export it as PDF/A (in Word: Save As › PDF › Options › “PDF/A compliant”; in LibreOffice: Export as PDF › “Archive (PDF/A, ISO 19005)”), which embeds every font".into(),
        });
    }
    Ok(())
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// The name of the first font (in object order) whose program is not in the file.
fn unembedded_font(doc: &Document) -> Option<String> {
    for object in doc.objects.values() {
        let Ok(font) = object.as_dict() else {
            continue;
        };
        if font.get(b"Type").and_then(Object::as_name).ok() != Some(b"Font".as_slice()) {
            continue;
        }
        let subtype = font
            .get(b"Subtype")
            .and_then(Object::as_name)
            .unwrap_or(b"");
        // A composite font's program is in its descendant; a Type 3 font draws with
        // content streams of its own.
        if matches!(subtype, b"Type0" | b"Type3") {
            continue;
        }
        let embedded = font
            .get(b"FontDescriptor")
            .ok()
            .and_then(|d| doc.dereference(d).ok())
            .and_then(|(_, d)| d.as_dict().ok())
            .is_some_and(|d| {
                [b"FontFile".as_slice(), b"FontFile2", b"FontFile3"]
                    .iter()
                    .any(|k| d.has(k))
            });
        if !embedded {
            let name = font
                .get(b"BaseFont")
                .and_then(Object::as_name)
                .unwrap_or(b"?");
            return Some(String::from_utf8_lossy(name).into_owned());
        }
    }
    None
}

/// A PDF appendix to append: its outline title and its bytes (already [`check`]ed).
#[derive(Debug, Clone, Copy)]
pub struct Appended<'a> {
    /// `Appendix B – title`.
    pub title: &'a str,
    /// The file as read.
    pub bytes: &'a [u8],
}

/// Appends each appendix's pages after `doc`'s, grafting its structure tree into `doc`'s;
/// returns each appendix's outline title with its first page.
pub fn append(
    doc: &mut Document,
    appendices: &[Appended<'_>],
) -> Result<Vec<(String, ObjectId)>, Diagnostic> {
    let mut out = Vec::new();
    for a in appendices {
        let src = Document::load_mem(a.bytes).map_err(|e| broken(a.title, &e.to_string()))?;
        let first = import(doc, src, a.title).map_err(|e| broken(a.title, &e))?;
        out.push((a.title.to_string(), first));
    }
    Ok(out)
}

fn broken(title: &str, why: &str) -> Diagnostic {
    Diagnostic::file_error(
        "pdf",
        std::path::Path::new("clerk"),
        format!("cannot append {title} to the PDF ({why})"),
    )
}

/// Where clerk's own tree takes the appendix: its `Document` element, the parent tree and
/// the next free parent-tree key.
struct Target {
    pages_root: ObjectId,
    struct_root: ObjectId,
    document: ObjectId,
    parent_tree: ObjectId,
    next_key: i64,
}

fn target(doc: &Document) -> Result<Target, String> {
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

/// The `(key, value)` pairs of a number tree, in key order (`/Nums` and `/Kids` flattened).
fn number_tree(doc: &Document, node: &Object, out: &mut Vec<(i64, Object)>, depth: usize) {
    let Ok((_, Object::Dictionary(d))) = doc.dereference(node) else {
        return;
    };
    if depth > 32 {
        return;
    }
    if let Ok(nums) = d.get(b"Nums").and_then(Object::as_array) {
        for pair in nums.chunks(2) {
            if let [k, v] = pair
                && let Ok(k) = k.as_i64()
            {
                out.push((k, v.clone()));
            }
        }
    }
    if let Ok(kids) = d.get(b"Kids").and_then(Object::as_array) {
        for kid in kids {
            number_tree(doc, kid, out, depth + 1);
        }
    }
}

/// Each reference inside `obj`, in order.
fn refs(obj: &Object, out: &mut Vec<ObjectId>) {
    match obj {
        Object::Reference(id) => out.push(*id),
        Object::Array(a) => a.iter().for_each(|o| refs(o, out)),
        Object::Dictionary(d) => d.iter().for_each(|(_, o)| refs(o, out)),
        Object::Stream(s) => s.dict.iter().for_each(|(_, o)| refs(o, out)),
        _ => {}
    }
}

/// Replaces each reference in `obj` by its new target (`Null` when it has none).
fn rewrite(obj: &mut Object, map: &BTreeMap<ObjectId, Object>) {
    match obj {
        Object::Reference(id) => *obj = map.get(id).cloned().unwrap_or(Object::Null),
        Object::Array(a) => a.iter_mut().for_each(|o| rewrite(o, map)),
        Object::Dictionary(d) => d.iter_mut().for_each(|(_, o)| rewrite(o, map)),
        Object::Stream(s) => s.dict.iter_mut().for_each(|(_, o)| rewrite(o, map)),
        _ => {}
    }
}

/// Moves parent-tree keys by `offset` and removes actions a PDF/A file may not carry.
fn tidy(obj: &mut Object, offset: i64) {
    let d = match obj {
        Object::Dictionary(d) => d,
        Object::Stream(s) => &mut s.dict,
        _ => return,
    };
    for key in [b"StructParents".as_slice(), b"StructParent"] {
        if let Ok(k) = d.get(key).and_then(Object::as_i64) {
            d.set(key, k + offset);
        }
    }
    d.remove(b"AA");
    let action = d
        .get(b"A")
        .and_then(Object::as_dict)
        .ok()
        .and_then(|a| a.get(b"S").and_then(Object::as_name).ok());
    if action.is_some_and(|s| !matches!(s, b"URI" | b"GoTo")) {
        d.remove(b"A");
    }
}

/// Imports `src` after `doc`'s pages; returns the first imported page.
fn import(doc: &mut Document, mut src: Document, title: &str) -> Result<ObjectId, String> {
    let t = target(doc)?;
    let pages: Vec<ObjectId> = src.get_pages().into_values().collect();
    let first_page = *pages.first().ok_or("no pages")?;
    // Each page carries what it inherited, and no longer points into its own tree.
    for &p in &pages {
        let mut inherited = Dictionary::new();
        let mut node = src.get_dictionary(p).map_err(|e| e.to_string())?.clone();
        for _ in 0..32 {
            let Ok(parent) = node.get(b"Parent").and_then(Object::as_reference) else {
                break;
            };
            let Ok(up) = src.get_dictionary(parent) else {
                break;
            };
            for key in INHERITED {
                if let Ok(v) = up.get(key)
                    && !inherited.has(key)
                {
                    inherited.set(key, v.clone());
                }
            }
            node = up.clone();
        }
        let page = src.get_dictionary_mut(p).map_err(|e| e.to_string())?;
        for (k, v) in inherited.into_iter() {
            if !page.has(&k) {
                page.set(k, v);
            }
        }
        page.remove(b"Parent");
    }

    let catalog = src.catalog().map_err(|e| e.to_string())?.clone();
    let src_struct = catalog
        .get(b"StructTreeRoot")
        .and_then(Object::as_reference)
        .map_err(|e| e.to_string())?;
    let sroot = src
        .get_dictionary(src_struct)
        .map_err(|e| e.to_string())?
        .clone();
    let lang = catalog.get(b"Lang").ok().cloned();

    // The appendix's own `Document` element (when it has only elements below it) becomes
    // the `Sect`'s place: its kids move up into the `Sect`.
    let mut top: Vec<Object> = match sroot.get(b"K") {
        Ok(Object::Array(k)) => k.clone(),
        Ok(k) => vec![k.clone()],
        Err(_) => Vec::new(),
    };
    let mut skipped = vec![src_struct];
    let mut sect_lang = None;
    if let [Object::Reference(only)] = top.as_slice()
        && let Ok(el) = src.get_dictionary(*only)
        && el.get(b"S").and_then(Object::as_name).ok() == Some(b"Document".as_slice())
    {
        let kids = match el.get(b"K") {
            Ok(Object::Array(k)) => k.clone(),
            Ok(k) => vec![k.clone()],
            Err(_) => Vec::new(),
        };
        if kids.iter().all(|k| matches!(k, Object::Reference(_))) {
            sect_lang = el.get(b"Lang").ok().cloned();
            skipped.push(*only);
            top = kids;
        }
    }

    let mut entries = Vec::new();
    if let Ok(pt) = sroot.get(b"ParentTree") {
        number_tree(&src, pt, &mut entries, 0);
    }
    let role_map = sroot.get(b"RoleMap").ok().cloned();
    let class_map = sroot.get(b"ClassMap").ok().cloned();

    // Everything the pages, the tree and its maps reach, but never the appendix's own
    // catalog, page tree, structure root, outline or forms.
    let mut stop: BTreeSet<ObjectId> = skipped.iter().copied().collect();
    stop.extend(src.trailer.get(b"Root").and_then(Object::as_reference).ok());
    for (id, obj) in &src.objects {
        if let Ok(d) = obj.as_dict()
            && matches!(
                d.get(b"Type").and_then(Object::as_name).ok(),
                Some(b"Pages" | b"Catalog" | b"Outlines" | b"StructTreeRoot")
            )
        {
            stop.insert(*id);
        }
    }
    let mut roots: Vec<ObjectId> = pages.clone();
    for o in top.iter().chain(entries.iter().map(|(_, v)| v)) {
        refs(o, &mut roots);
    }
    for o in role_map.iter().chain(class_map.iter()) {
        refs(o, &mut roots);
    }
    let mut order = Vec::new();
    let mut seen = BTreeSet::new();
    let mut queue: VecDeque<ObjectId> = roots.into();
    while let Some(id) = queue.pop_front() {
        if stop.contains(&id) || !seen.insert(id) {
            continue;
        }
        let Some(obj) = src.objects.get(&id) else {
            continue;
        };
        order.push(id);
        let mut next = Vec::new();
        refs(obj, &mut next);
        queue.extend(next);
    }

    let sect = doc.new_object_id();
    let mut map: BTreeMap<ObjectId, Object> = BTreeMap::new();
    for id in &skipped {
        map.insert(*id, sect.into());
    }
    for &id in &order {
        map.insert(id, doc.new_object_id().into());
    }
    let offset = t.next_key;
    for &id in &order {
        let Some(mut obj) = src.objects.remove(&id) else {
            continue;
        };
        rewrite(&mut obj, &map);
        tidy(&mut obj, offset);
        if let Some(Object::Reference(new)) = map.get(&id) {
            doc.objects.insert(*new, obj);
        }
    }
    let new_pages: Vec<Object> = pages.iter().filter_map(|p| map.get(p).cloned()).collect();
    for p in &new_pages {
        if let Ok(id) = p.as_reference()
            && let Ok(page) = doc.get_dictionary_mut(id)
        {
            page.set("Parent", t.pages_root);
        }
    }

    // The `Sect` and its place in clerk's tree.
    let mut kids = top;
    kids.iter_mut().for_each(|k| rewrite(k, &map));
    let mut d = Dictionary::from_iter([
        ("Type", Object::Name(b"StructElem".to_vec())),
        ("S", Object::Name(b"Sect".to_vec())),
        ("P", t.document.into()),
        ("T", super::finish::text(title)),
        ("K", Object::Array(kids)),
    ]);
    if let Some(lang) = sect_lang.or(lang) {
        d.set("Lang", lang);
    }
    doc.objects.insert(sect, Object::Dictionary(d));
    push_kid(doc, t.document, sect.into())?;

    // Parent tree: the appendix's keys after clerk's.
    let mut max_key = -1;
    let mut nums = Vec::new();
    for (k, mut v) in entries {
        rewrite(&mut v, &map);
        max_key = max_key.max(k);
        nums.push((k + offset).into());
        nums.push(v);
    }
    let tree = doc
        .get_dictionary_mut(t.parent_tree)
        .map_err(|e| e.to_string())?;
    match tree.get_mut(b"Nums") {
        Ok(Object::Array(a)) => a.extend(nums),
        _ => tree.set("Nums", Object::Array(nums)),
    }
    let root = doc
        .get_dictionary_mut(t.struct_root)
        .map_err(|e| e.to_string())?;
    root.set("ParentTreeNextKey", offset + max_key + 1);
    for (key, map_obj) in [(b"RoleMap".as_slice(), role_map), (b"ClassMap", class_map)] {
        let Some(mut m) = map_obj else { continue };
        rewrite(&mut m, &map);
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

    // The pages after clerk's.
    let n = new_pages.len() as i64;
    let pages_root = doc
        .get_dictionary_mut(t.pages_root)
        .map_err(|e| e.to_string())?;
    match pages_root.get_mut(b"Kids") {
        Ok(Object::Array(a)) => a.extend(new_pages.iter().cloned()),
        _ => pages_root.set("Kids", Object::Array(new_pages.clone())),
    }
    let count = pages_root
        .get(b"Count")
        .and_then(Object::as_i64)
        .unwrap_or(0);
    pages_root.set("Count", count + n);
    map.get(&first_page)
        .and_then(|o| o.as_reference().ok())
        .ok_or_else(|| "its first page was not imported".to_string())
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

#[cfg(test)]
#[path = "append_tests.rs"]
mod tests;
