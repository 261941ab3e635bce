//! A small PDF/UA-1 and PDF/A-2 checker over lopdf: each function returns the failures of
//! one Matterhorn Protocol checkpoint (or PDF/A rule) for one file, as messages, so a test
//! can run it over every example and fixture PDF. Only machine-checkable conditions; no
//! substitute for veraPDF or PAC.
#![allow(dead_code)]

pub mod catalog_rules;
pub mod cmap;
pub mod colour_rules;
pub mod content_rules;
pub mod doc_rules;
pub mod file_rules;
pub mod font_rules;
pub mod pdfa_rules;
pub mod rules;
pub mod synthetic;
pub mod truetype_rules;
pub mod xmp_rules;

use std::sync::OnceLock;

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};

/// A loaded PDF with its name, for messages.
pub struct Pdf {
    /// Where it came from.
    pub name: String,
    /// The document.
    pub doc: Document,
    /// The file's bytes, for the rules about how it is written (empty for a document built
    /// in memory).
    pub bytes: Vec<u8>,
}

/// `o`, or the object it refers to.
pub fn resolve<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    doc.dereference(o).map_or(o, |(_, o)| o)
}

/// The dictionary `o` is or refers to (a stream's own dictionary for a stream).
pub fn dict<'a>(doc: &'a Document, o: &'a Object) -> Option<&'a Dictionary> {
    match resolve(doc, o) {
        Object::Dictionary(d) => Some(d),
        Object::Stream(s) => Some(&s.dict),
        _ => None,
    }
}

/// The name at `key` of `d`, as text.
pub fn name<'a>(d: &'a Dictionary, key: &[u8]) -> Option<&'a str> {
    d.get(key)
        .ok()?
        .as_name()
        .ok()
        .and_then(|n| std::str::from_utf8(n).ok())
}

fn name_of(d: &Dictionary, key: &[u8]) -> Option<String> {
    d.get(key)
        .ok()?
        .as_name()
        .ok()
        .map(|n| String::from_utf8_lossy(n).into_owned())
}

/// PDF text string (literal or UTF-16BE) as Rust text.
pub fn text(o: &Object) -> Option<String> {
    let b = o.as_str().ok()?;
    if let Some(rest) = b.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = rest
            .chunks(2)
            .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
            .collect();
        Some(String::from_utf16_lossy(&units))
    } else {
        Some(String::from_utf8_lossy(b).into_owned())
    }
}

impl Pdf {
    /// Parses `bytes`.
    pub fn load(name: &str, bytes: &[u8]) -> Pdf {
        Pdf {
            name: name.to_string(),
            doc: Document::load_mem(bytes).unwrap_or_else(|e| panic!("{name}: {e}")),
            bytes: bytes.to_vec(),
        }
    }

    /// The catalog.
    pub fn catalog(&self) -> &Dictionary {
        self.doc.catalog().expect("a catalog")
    }

    /// The XMP packet, if any.
    pub fn xmp(&self) -> Option<String> {
        let r = self.catalog().get(b"Metadata").ok()?;
        let s = self.doc.dereference(r).ok()?.1.as_stream().ok()?;
        Some(String::from_utf8_lossy(&s.content).into_owned())
    }

    /// The Info dictionary.
    pub fn info(&self) -> Option<&Dictionary> {
        dict(&self.doc, self.doc.trailer.get(b"Info").ok()?)
    }

    /// Structure elements in depth-first (reading) order, with their ids.
    pub fn elements(&self) -> Vec<(ObjectId, &Dictionary)> {
        let mut out = Vec::new();
        let Some(root) = self
            .catalog()
            .get(b"StructTreeRoot")
            .ok()
            .and_then(|r| dict(&self.doc, r))
        else {
            return out;
        };
        let mut stack: Vec<&Object> = match root.get(b"K") {
            Ok(Object::Array(a)) => a.iter().rev().collect(),
            Ok(k) => vec![k],
            Err(_) => vec![],
        };
        while let Some(o) = stack.pop() {
            let Object::Reference(id) = o else { continue };
            let Some(d) = dict(&self.doc, o) else {
                continue;
            };
            if name_of(d, b"Type").as_deref() == Some("StructElem") || d.has(b"S") {
                out.push((*id, d));
                match d.get(b"K") {
                    Ok(Object::Array(a)) => stack.extend(a.iter().rev()),
                    Ok(k @ Object::Reference(_)) => stack.push(k),
                    _ => {}
                }
            }
        }
        out
    }

    /// The structure type of an element.
    pub fn role(d: &Dictionary) -> String {
        name_of(d, b"S").unwrap_or_default()
    }

    /// Every page with its id.
    pub fn pages(&self) -> Vec<ObjectId> {
        self.doc.get_pages().into_values().collect()
    }

    /// The resources of `page`: its own, else the nearest its page tree gives it.
    pub fn resources(&self, page: ObjectId) -> Option<&Dictionary> {
        let (own, inherited) = self.doc.get_page_resources(page).ok()?;
        own.or_else(|| {
            inherited
                .first()
                .and_then(|id| self.doc.get_dictionary(*id).ok())
        })
    }

    /// Every annotation with the page it sits on.
    pub fn annotations(&self) -> Vec<(ObjectId, ObjectId, &Dictionary)> {
        let mut out = Vec::new();
        for page in self.pages() {
            let Ok(p) = self.doc.get_dictionary(page) else {
                continue;
            };
            if let Ok(annots) = p.get(b"Annots").and_then(Object::as_array) {
                for a in annots {
                    if let (Object::Reference(id), Some(d)) = (a, dict(&self.doc, a)) {
                        out.push((page, *id, d));
                    }
                }
            }
        }
        out
    }

    /// The ParentTree entry for a key (pages' `/StructParents`, annotations' `/StructParent`).
    pub fn parent_tree(&self, key: i64) -> Option<&Object> {
        let root = dict(&self.doc, self.catalog().get(b"StructTreeRoot").ok()?)?;
        let tree = dict(&self.doc, root.get(b"ParentTree").ok()?)?;
        let nums = tree.get(b"Nums").ok()?.as_array().ok()?;
        let entry = &nums.chunks(2).find(|c| c[0].as_i64().ok() == Some(key))?[1];
        match entry {
            Object::Reference(id) => match self.doc.get_object(*id).ok()? {
                // An annotation's entry is the element itself: give back the reference.
                Object::Dictionary(_) => Some(entry),
                other => Some(other),
            },
            other => Some(other),
        }
    }
}

/// The structure elements among `d`'s kids (marked content and object references left out).
pub fn kids<'a>(pdf: &'a Pdf, d: &'a Dictionary) -> Vec<&'a Dictionary> {
    let list: Vec<&Object> = match d.get(b"K") {
        Ok(Object::Array(a)) => a.iter().collect(),
        Ok(k) => vec![k],
        Err(_) => vec![],
    };
    list.into_iter()
        .filter_map(|k| match k {
            Object::Reference(_) => dict(&pdf.doc, k),
            _ => None,
        })
        .filter(|d| d.has(b"S"))
        .collect()
}

/// Whether element `d` (or an element inside it) holds marked content (an MCID).
pub fn holds_text(pdf: &Pdf, d: &Dictionary) -> bool {
    let list: Vec<&Object> = match d.get(b"K") {
        Ok(Object::Array(a)) => a.iter().collect(),
        Ok(k) => vec![k],
        Err(_) => vec![],
    };
    list.into_iter().any(|k| match k {
        Object::Integer(_) => true,
        Object::Dictionary(m) => m.has(b"MCID"),
        Object::Reference(_) => {
            dict(&pdf.doc, k).is_some_and(|e| e.has(b"S") && holds_text(pdf, e))
        }
        _ => false,
    })
}

/// Every example and fixture PDF, built once for all the tests of this file.
pub fn pdfs() -> &'static [Pdf] {
    static PDFS: OnceLock<Vec<Pdf>> = OnceLock::new();
    PDFS.get_or_init(|| {
        let mut out = Vec::new();
        for name in [
            "repo",
            "awkward",
            "council",
            "every-feature",
            "tables",
            "meetings",
        ] {
            let project = crate::common::temp_project(name);
            let o = crate::common::clerk(project.path(), &["build"]);
            let (_, stdout, stderr) = crate::common::parts(&o);
            let mut found = 0;
            for entry in walkdir::WalkDir::new(project.path()).sort_by_file_name() {
                let entry = entry.unwrap();
                let path = entry.path();
                let rel = path.strip_prefix(project.path()).unwrap();
                if path.extension().is_some_and(|e| e == "pdf") && !rel.starts_with("papers") {
                    let label = format!("{name}:{}", rel.display());
                    out.push(Pdf::load(&label, &std::fs::read(path).unwrap()));
                    found += 1;
                }
            }
            assert!(found > 0, "{name} builds PDFs\n{stdout}\n{stderr}");
        }
        out
    })
}

/// Runs `check` on every PDF; fails listing all the problems.
pub fn every_pdf(check: impl Fn(&Pdf) -> Vec<String>) {
    let mut problems = Vec::new();
    for pdf in pdfs() {
        problems.extend(check(pdf).into_iter().map(|p| format!("{}: {p}", pdf.name)));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

pub fn failing(ok: bool, what: &str) -> Vec<String> {
    if ok {
        Vec::new()
    } else {
        vec![what.to_string()]
    }
}

/// 01-005: drawing operators outside any marked content that is either an MCID sequence
/// or an `/Artifact`. Returns the offending operators per page.
pub fn untagged_content(pdf: &Pdf) -> Vec<String> {
    const DRAWS: &[&str] = &[
        "Tj", "TJ", "'", "\"", "f", "F", "f*", "S", "s", "B", "B*", "b", "b*", "Do", "sh", "BI",
    ];
    let mut bad = Vec::new();
    for (n, page) in pdf.pages().into_iter().enumerate() {
        let bytes = pdf.doc.get_page_content(page);
        let Ok(content) = Content::decode(&bytes) else {
            bad.push(format!("page {}: content does not parse", n + 1));
            continue;
        };
        // Each open sequence: does it (or an enclosing one) tag or mark as artifact?
        let mut stack: Vec<bool> = Vec::new();
        for op in &content.operations {
            match op.operator.as_str() {
                "BDC" | "BMC" => {
                    let tag = op
                        .operands
                        .first()
                        .and_then(|o| o.as_name().ok())
                        .unwrap_or(b"");
                    let mcid =
                        matches!(op.operands.get(1), Some(Object::Dictionary(d)) if d.has(b"MCID"));
                    let ok = tag == b"Artifact" || mcid || stack.last().copied().unwrap_or(false);
                    stack.push(ok);
                }
                "EMC" => {
                    stack.pop();
                }
                o if DRAWS.contains(&o) && !stack.last().copied().unwrap_or(false) => {
                    bad.push(format!(
                        "page {}: `{o}` outside tagged or artifact content",
                        n + 1
                    ));
                }
                _ => {}
            }
        }
    }
    bad
}

/// Every MCID drawn on each page, with the page's `/StructParents` array entry for it.
pub fn mcids(pdf: &Pdf) -> Vec<(usize, i64, Option<ObjectId>)> {
    let mut out = Vec::new();
    for (n, page) in pdf.pages().into_iter().enumerate() {
        let bytes = pdf.doc.get_page_content(page);
        let Ok(content) = Content::decode(&bytes) else {
            continue;
        };
        let key = pdf
            .doc
            .get_dictionary(page)
            .ok()
            .and_then(|p| p.get(b"StructParents").ok())
            .and_then(|k| k.as_i64().ok());
        let parents = key
            .and_then(|k| pdf.parent_tree(k))
            .and_then(|o| o.as_array().ok());
        for op in &content.operations {
            if op.operator == "BDC"
                && let Some(Object::Dictionary(d)) = op.operands.get(1)
                && let Ok(mcid) = d.get(b"MCID").and_then(Object::as_i64)
            {
                let parent = parents
                    .and_then(|a| a.get(mcid as usize))
                    .and_then(|o| o.as_reference().ok());
                out.push((n + 1, mcid, parent));
            }
        }
    }
    out
}

/// The checker is not vacuous: a page with untagged text, and a Figure without `/Alt`.
#[test]
fn the_checker_finds_untagged_content_and_a_figure_without_alt() {
    use lopdf::{Stream, dictionary};
    let mut doc = Document::with_version("1.7");
    let content = b"/P <</MCID 0>> BDC BT (ok) Tj ET EMC BT (loose) Tj ET 0 0 1 1 re f".to_vec();
    let contents = doc.add_object(Stream::new(dictionary! {}, content));
    let pages = doc.new_object_id();
    let page = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages, "Contents" => contents,
    });
    doc.objects.insert(
        pages,
        Object::Dictionary(
            dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 },
        ),
    );
    let figure = doc.new_object_id();
    let root = doc.add_object(dictionary! { "Type" => "StructTreeRoot", "K" => figure });
    doc.objects.insert(
        figure,
        Object::Dictionary(dictionary! { "Type" => "StructElem", "S" => "Figure", "P" => root }),
    );
    let catalog = doc.add_object(dictionary! {
        "Type" => "Catalog", "Pages" => pages, "StructTreeRoot" => root,
    });
    doc.trailer.set("Root", catalog);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    let pdf = Pdf::load("synthetic", &bytes);
    assert_eq!(
        untagged_content(&pdf),
        [
            "page 1: `Tj` outside tagged or artifact content",
            "page 1: `f` outside tagged or artifact content"
        ]
    );
    let figures: Vec<_> = pdf
        .elements()
        .into_iter()
        .filter(|(_, d)| Pdf::role(d) == "Figure")
        .collect();
    assert_eq!(figures.len(), 1);
    assert!(figures[0].1.get(b"Alt").is_err());
}

/// `holds_text` tells a `Link` holding only its annotation from one holding its text too,
/// and `kids` gives the elements inside an element, not its marked content.
#[test]
fn the_checker_tells_a_link_without_its_text() {
    use lopdf::dictionary;
    let mut doc = Document::with_version("1.7");
    let annot = doc.add_object(dictionary! { "Type" => "Annot", "Subtype" => "Link" });
    let objr = Object::Dictionary(dictionary! { "Type" => "OBJR", "Obj" => annot });
    let mcr = Object::Dictionary(dictionary! { "Type" => "MCR", "MCID" => 3 });
    let bare = doc.add_object(dictionary! { "S" => "Link", "K" => vec![objr.clone()] });
    let full = doc.add_object(dictionary! { "S" => "Link", "K" => vec![mcr, objr] });
    let span = doc.add_object(dictionary! { "S" => "Span", "K" => 4 });
    let wrapped = doc.add_object(dictionary! { "S" => "Link", "K" => vec![span.into()] });
    let pdf = Pdf {
        name: "synthetic".into(),
        doc,
        bytes: Vec::new(),
    };
    let get = |id| pdf.doc.get_dictionary(id).unwrap();
    assert!(!holds_text(&pdf, get(bare)));
    assert!(holds_text(&pdf, get(full)));
    assert!(
        holds_text(&pdf, get(wrapped)),
        "text inside a Span inside the Link"
    );
    assert_eq!(kids(&pdf, get(full)).len(), 0);
    assert_eq!(kids(&pdf, get(wrapped)).len(), 1);
}
