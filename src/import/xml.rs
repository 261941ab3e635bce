//! XML parts: parsed by roxmltree with no DTD (so no entity expansion at all), a node limit
//! and a depth limit; helpers for WordprocessingML names and relationships.

use roxmltree::{Document, Node, ParsingOptions};

use super::package::Limits;

/// WordprocessingML main namespace.
pub const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
/// Relationships namespace (`r:id`, `r:embed`).
pub const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// Parses `text`, refusing DTDs, more than `limits.xml_nodes` nodes and deeper nesting than
/// `limits.xml_depth`. The error is a plain sentence for the caller to place.
pub fn parse<'t>(text: &'t str, limits: &Limits) -> Result<Document<'t>, String> {
    let opts = ParsingOptions {
        allow_dtd: false,
        nodes_limit: limits.xml_nodes,
        ..ParsingOptions::default()
    };
    let doc = Document::parse_with_options(text, opts).map_err(|e| match e {
        roxmltree::Error::DtdDetected => {
            "it declares a DTD (`<!DOCTYPE`), which Word never writes; entity \
             declarations are refused so nothing is expanded"
                .to_string()
        }
        roxmltree::Error::NodesLimitReached => {
            format!(
                "it holds more than {} XML nodes, far more than a committee paper",
                limits.xml_nodes
            )
        }
        other => format!("it is not well-formed XML ({other})"),
    })?;
    let mut depth = vec![0u16; doc.descendants().count() + 1];
    for node in doc.descendants() {
        let d = node.parent().map_or(0, |p| depth[p.id().get_usize()]) + 1;
        if usize::from(d) > limits.xml_depth {
            return Err(format!(
                "its XML nests deeper than {} levels, far deeper than Word writes",
                limits.xml_depth
            ));
        }
        depth[node.id().get_usize()] = d;
    }
    Ok(doc)
}

/// Is `node` the WordprocessingML element `name`?
pub fn is_w(node: Node, name: &str) -> bool {
    node.is_element() && node.tag_name().name() == name && node.tag_name().namespace() == Some(W)
}

/// The `w:`-namespaced attribute `name` of `node`.
pub fn wattr<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    node.attribute((W, name))
}

/// The first child element `w:name`.
pub fn child<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.children().find(|c| is_w(*c, name))
}

/// `w:val` of the child element `w:name`.
pub fn child_val<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    child(node, name).and_then(|c| wattr(c, "val"))
}

/// A toggle property such as `<w:b/>` or `<w:b w:val="false"/>`.
pub fn toggle(props: Option<Node>, name: &str) -> Option<bool> {
    let el = child(props?, name)?;
    Some(!matches!(
        wattr(el, "val"),
        Some("0" | "false" | "off" | "none")
    ))
}

/// One relationship of a `.rels` part.
#[derive(Debug, Clone)]
pub struct Relationship {
    /// `rId5`.
    pub id: String,
    /// The relationship type URI.
    pub kind: String,
    /// Target, relative to the source part's folder (or a URL when external).
    pub target: String,
    /// `TargetMode="External"`.
    pub external: bool,
}

/// Parses a `.rels` part.
pub fn relationships(text: &str) -> Result<Vec<Relationship>, String> {
    let doc = parse(text, &Limits::default())?;
    Ok(doc
        .descendants()
        .filter(|n| n.is_element() && n.tag_name().name() == "Relationship")
        .map(|n| Relationship {
            id: n.attribute("Id").unwrap_or_default().to_string(),
            kind: n.attribute("Type").unwrap_or_default().to_string(),
            target: n.attribute("Target").unwrap_or_default().to_string(),
            external: n.attribute("TargetMode") == Some("External"),
        })
        .collect())
}

/// Resolves a relationship target against the folder of its source part (`word/`), or
/// `None` when it climbs out of the package.
pub fn resolve(base_dir: &str, target: &str) -> Option<String> {
    let mut parts: Vec<&str> = if target.starts_with('/') {
        Vec::new()
    } else {
        base_dir.split('/').filter(|s| !s.is_empty()).collect()
    };
    for seg in target.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

/// The text of each paragraph (`w:p`) of a part, its runs' `w:t` joined, parted where a
/// tab or line break stands: a page header's or footer's lines.
pub fn paragraph_texts(doc: &Document) -> Vec<String> {
    let mut out = Vec::new();
    for p in doc.descendants().filter(|n| is_w(*n, "p")) {
        // A tab or a line break sets parts of a line apart (an agenda item at the left, a
        // marking at the right): each part is a line of its own.
        let mut part = String::new();
        for n in p.descendants() {
            if is_w(n, "t") {
                part.push_str(n.text().unwrap_or(""));
            } else if ["tab", "ptab", "br", "cr"].iter().any(|k| is_w(n, k)) {
                out.push(std::mem::take(&mut part));
            }
        }
        out.push(part);
    }
    out.retain(|t| !t.trim().is_empty());
    out
}
