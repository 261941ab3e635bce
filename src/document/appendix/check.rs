//! Whether a PDF can join an archival, accessible paper: readable, not encrypted, tagged,
//! every font embedded. Run when the paper is compiled, so `clerk check` reports it.

use lopdf::{Dictionary, Document, LoadOptions, Object};

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

/// Checks that the PDF `bytes` (shown as `name`) can be appended to an archival, accessible
/// paper: a readable PDF with pages, not encrypted, tagged, with every font embedded, and
/// nothing in it that would make reading it take unbounded memory: its streams inflate to
/// at most `inflate_limit` bytes ([`super::inflate_limit`]), together. Returns the pages
/// (1-based) that draw something outside its tags, which the append marks as artifacts.
pub fn check(name: &str, bytes: &[u8], inflate_limit: u64) -> Result<Vec<u32>, Problem> {
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
    super::guard::scan(bytes, inflate_limit).map_err(unreadable)?;
    let doc = match load(bytes, inflate_limit) {
        Ok(doc) => doc,
        Err(_) if contains(bytes, b"/Encrypt") => return Err(encrypted()),
        Err(e) => return Err(unreadable(e)),
    };
    if doc.was_encrypted() || doc.is_encrypted() || doc.trailer.get(b"Encrypt").is_ok() {
        return Err(encrypted());
    }
    match page_count(&doc) {
        Some(0) => return Err(unreadable("it has no pages".into())),
        Some(_) => {}
        None => return Err(unreadable("its page tree is damaged".into())),
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
    let tree = catalog.get(b"StructTreeRoot").ok();
    if !marked || !tree.is_some_and(|t| reaches_content(&doc, t)) {
        // Tagged in name only: a structure tree that points at nothing on the pages.
        let what = if marked && tree.is_some() {
            "tagged in name only (its structure tree points at nothing on its pages)"
        } else {
            "not a tagged PDF"
        };
        return Err(Problem {
            code: "appendix-untagged",
            message: format!(
                "the appendix `{name}` is {what}, so screen readers cannot read it and the paper would no longer be accessible"
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
    let untagged = super::artifacts::untagged_pages(&doc);
    // The merge itself, into an empty tagged document, so a file the merge cannot take
    // (a damaged page or structure tree) is reported here, at the `file:` line, and not
    // when the PDF is written.
    let mut doc = doc;
    super::import(&mut scratch_target(), &mut doc, name, &mut super::put)
        .map_err(|e| unreadable(format!("its pages or structure tree are damaged: {e}")))?;
    Ok(untagged)
}

/// Does the structure tree at `root` point at anything on the pages: a marked-content id
/// (a number, or a marked-content reference) or an object (a link's)? Walked to a bound,
/// each element once.
fn reaches_content(doc: &Document, root: &Object) -> bool {
    // A root that is not there is damage, which the merge below says.
    if let Object::Reference(id) = root
        && doc.get_object(*id).is_err()
    {
        return true;
    }
    let mut seen = std::collections::BTreeSet::new();
    let mut stack = vec![root.clone()];
    while let Some(node) = stack.pop() {
        if seen.len() > MAX_PAGES * 10 {
            return true;
        }
        let node = match node {
            Object::Reference(id) if seen.insert(id) => match doc.get_object(id) {
                Ok(o) => o.clone(),
                Err(_) => continue,
            },
            Object::Reference(_) => continue,
            other => other,
        };
        match node {
            Object::Integer(_) => return true,
            Object::Array(kids) => stack.extend(kids),
            Object::Dictionary(d) => {
                let kind = d.get(b"Type").and_then(Object::as_name).ok();
                if matches!(kind, Some(b"MCR" | b"OBJR")) || d.has(b"MCID") {
                    return true;
                }
                if let Ok(k) = d.get(b"K") {
                    stack.push(k.clone());
                }
            }
            _ => {}
        }
    }
    false
}

/// The most pages an appendix may have.
const MAX_PAGES: usize = 100_000;

/// The number of pages, walking the page tree once; `None` when a node comes twice (a
/// loop, which would make reading it endless), a kid is missing or there are too many.
fn page_count(doc: &Document) -> Option<usize> {
    let root = doc
        .catalog()
        .ok()?
        .get(b"Pages")
        .ok()?
        .as_reference()
        .ok()?;
    let mut seen = std::collections::BTreeSet::new();
    let mut stack = vec![root];
    let mut pages = 0;
    while let Some(id) = stack.pop() {
        if !seen.insert(id) || seen.len() > MAX_PAGES * 2 {
            return None;
        }
        let node = doc.get_dictionary(id).ok()?;
        match node.get(b"Kids").and_then(Object::as_array) {
            Ok(kids) => {
                for kid in kids {
                    stack.push(kid.as_reference().ok()?);
                }
            }
            Err(_) => pages += 1,
        }
    }
    (pages <= MAX_PAGES).then_some(pages)
}

/// Parses a PDF from another program (one [`super::guard::scan`] let through); a damaged
/// file is an error, never a crash, and no stream lopdf inflates as it loads (object and
/// xref streams, whatever their filter) may pass `inflate_limit` bytes.
pub(super) fn load(bytes: &[u8], inflate_limit: u64) -> Result<Document, String> {
    let options = LoadOptions {
        max_decompressed_size: Some(usize::try_from(inflate_limit).unwrap_or(usize::MAX)),
        ..Default::default()
    };
    match std::panic::catch_unwind(|| Document::load_mem_with_options(bytes, options)) {
        Ok(Ok(doc)) => Ok(doc),
        Ok(Err(e)) => Err(e.to_string()),
        Err(_) => Err("the PDF reader gave up on it".into()),
    }
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

/// The smallest document the merge can graft into: a catalog, an empty page tree and a
/// structure tree with its `Document` element and an empty parent tree.
fn scratch_target() -> Document {
    let mut d = Document::with_version("1.7");
    let name = |n: &str| Object::Name(n.as_bytes().to_vec());
    let pages = d.add_object(Dictionary::from_iter([
        ("Type", name("Pages")),
        ("Kids", Object::Array(Vec::new())),
        ("Count", Object::Integer(0)),
    ]));
    let parent_tree = d.add_object(Dictionary::from_iter([("Nums", Object::Array(Vec::new()))]));
    let element = d.new_object_id();
    let root = d.add_object(Dictionary::from_iter([
        ("Type", name("StructTreeRoot")),
        ("K", Object::Reference(element)),
        ("ParentTree", Object::Reference(parent_tree)),
        ("ParentTreeNextKey", Object::Integer(0)),
    ]));
    d.objects.insert(
        element,
        Object::Dictionary(Dictionary::from_iter([
            ("Type", name("StructElem")),
            ("S", name("Document")),
            ("P", Object::Reference(root)),
            ("K", Object::Array(Vec::new())),
        ])),
    );
    let catalog = d.add_object(Dictionary::from_iter([
        ("Type", name("Catalog")),
        ("Pages", Object::Reference(pages)),
        ("StructTreeRoot", Object::Reference(root)),
    ]));
    d.trailer.set("Root", catalog);
    d
}
