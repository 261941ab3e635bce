//! veraPDF's PDF/A-2 rules about the XMP packet's extension schemas (6.6.2.3-1 to -7): the
//! schemas described in the container `pdfaExtension:schemas`, a bag (-1) with its own
//! namespace and prefix (-2); each schema's fields in `pdfaSchema` (-3), each property's in
//! `pdfaProperty`, with a category of internal or external and a value type XMP defines or
//! the schema does (-4), each value type's in `pdfaType` (-5) and each of its fields' in
//! `pdfaField` (-6); and every property the packet gives predefined by XMP or PDF/A, or
//! described by such a schema (-7).

use std::collections::BTreeSet;

use roxmltree::{Document, Node};

use super::Pdf;

const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const EXTENSION: &str = "http://www.aiim.org/pdfa/ns/extension/";
const SCHEMA: &str = "http://www.aiim.org/pdfa/ns/schema#";
const PROPERTY: &str = "http://www.aiim.org/pdfa/ns/property#";
const TYPE: &str = "http://www.aiim.org/pdfa/ns/type#";
const FIELD: &str = "http://www.aiim.org/pdfa/ns/field#";

/// The schemas XMP and PDF/A-2 predefine (ISO 19005-2, 6.6.2.3.1): their properties need
/// no extension schema.
const PREDEFINED: &[&str] = &[
    "http://purl.org/dc/elements/1.1/",
    "http://ns.adobe.com/xap/1.0/",
    "http://ns.adobe.com/xap/1.0/rights/",
    "http://ns.adobe.com/xap/1.0/mm/",
    "http://ns.adobe.com/xap/1.0/bj/",
    "http://ns.adobe.com/xap/1.0/t/pg/",
    "http://ns.adobe.com/xmp/1.0/DynamicMedia/",
    "http://ns.adobe.com/pdf/1.3/",
    "http://ns.adobe.com/photoshop/1.0/",
    "http://ns.adobe.com/camera-raw-settings/1.0/",
    "http://ns.adobe.com/exif/1.0/",
    "http://ns.adobe.com/exif/1.0/aux/",
    "http://ns.adobe.com/tiff/1.0/",
    "http://www.aiim.org/pdfa/ns/id/",
    EXTENSION,
];

/// The value types XMP defines, which a property may name without defining.
const TYPES: &[&str] = &[
    "Text",
    "Integer",
    "Boolean",
    "Date",
    "URI",
    "URL",
    "Real",
    "MIMEType",
    "ProperName",
    "AgentName",
    "RenditionClass",
    "ResourceRef",
    "Locale",
    "GUID",
    "Rational",
    "XPath",
    "Part",
    "Lang Alt",
    "Choice",
    "Closed Choice",
    "Open Choice",
    "ResourceEvent",
    "Version",
    "Thumbnail",
    "Job",
    "Dimensions",
    "Font",
    "Colorant",
    "Flash",
    "OECF/SFR",
    "CFAPattern",
    "DeviceSettings",
    "GPSCoordinate",
];

/// Every failure of the extension schema rules in `pdf`'s XMP packet.
pub fn pdfa_xmp(pdf: &Pdf) -> Vec<String> {
    let Some(packet) = pdf.xmp() else {
        return Vec::new();
    };
    let Ok(xmp) = Document::parse(&packet) else {
        // 6.6.2.1-4's to report.
        return Vec::new();
    };
    let mut bad = BTreeSet::new();
    let mut described: BTreeSet<(String, String)> = BTreeSet::new();
    let descriptions = xmp
        .descendants()
        .filter(|n| n.has_tag_name((RDF, "Description")));
    let properties: Vec<Node> = descriptions
        .flat_map(|d| d.children().filter(Node::is_element))
        .collect();
    for container in properties
        .iter()
        .filter(|p| p.tag_name().namespace() == Some(EXTENSION))
    {
        if container.lookup_prefix(EXTENSION) != Some("pdfaExtension")
            || container.tag_name().name() != "schemas"
        {
            bad.insert("6.6.2.3-2: the extension container is not pdfaExtension:schemas".into());
        }
        let bag = elements(*container);
        let [bag] = bag.as_slice() else {
            bad.insert("6.6.2.3-1: the extension schemas are not one rdf:Bag".into());
            continue;
        };
        if !bag.has_tag_name((RDF, "Bag")) {
            bad.insert("6.6.2.3-1: the extension schemas are not an rdf:Bag".into());
        }
        for schema in items(*bag) {
            schema_definition(schema, &mut described, &mut bad);
        }
    }
    for p in &properties {
        let ns = p.tag_name().namespace().unwrap_or_default();
        let name = p.tag_name().name().to_string();
        if !PREDEFINED.contains(&ns) && !described.contains(&(ns.to_string(), name.clone())) {
            bad.insert(format!(
                "6.6.2.3-7: the property {name} of {ns} is neither predefined nor described"
            ));
        }
    }
    bad.into_iter().collect()
}

/// The element children of `n`.
fn elements<'a, 'i>(n: Node<'a, 'i>) -> Vec<Node<'a, 'i>> {
    n.children().filter(Node::is_element).collect()
}

/// The `rdf:li` items of a bag or sequence.
fn items<'a, 'i>(n: Node<'a, 'i>) -> Vec<Node<'a, 'i>> {
    elements(n)
        .into_iter()
        .filter(|li| li.has_tag_name((RDF, "li")))
        .collect()
}

/// An item's fields in `ns`, by name, when each is in `ns` under `prefix` and named in
/// `allowed`; `None` (and a failure of `rule`) otherwise.
fn fields<'a, 'i>(
    item: Node<'a, 'i>,
    ns: &str,
    prefix: &str,
    allowed: &[&str],
    rule: &str,
    bad: &mut BTreeSet<String>,
) -> Option<Vec<(String, Node<'a, 'i>)>> {
    let mut out = Vec::new();
    for f in elements(item) {
        let name = f.tag_name().name();
        if f.tag_name().namespace() != Some(ns)
            || f.lookup_prefix(ns) != Some(prefix)
            || !allowed.contains(&name)
        {
            bad.insert(format!(
                "{rule}: {name} is not a field of {prefix} (or not under that prefix)"
            ));
            return None;
        }
        out.push((name.to_string(), f));
    }
    Some(out)
}

/// The text of a field that must be plain text.
fn text(field: Option<&Node>) -> Option<String> {
    let f = field?;
    if f.children().any(|c| c.is_element()) {
        return None;
    }
    Some(f.text().unwrap_or_default().trim().to_string())
}

/// 6.6.2.3-3 to -6 for one schema definition; its properties go in `described`.
fn schema_definition(
    schema: Node,
    described: &mut BTreeSet<(String, String)>,
    bad: &mut BTreeSet<String>,
) {
    let allowed = ["schema", "namespaceURI", "prefix", "property", "valueType"];
    let Some(f) = fields(schema, SCHEMA, "pdfaSchema", &allowed, "6.6.2.3-3", bad) else {
        return;
    };
    let get = |k: &str| f.iter().find(|(n, _)| n == k).map(|(_, v)| *v);
    let uri = text(get("namespaceURI").as_ref());
    if text(get("schema").as_ref()).is_none()
        || uri.as_deref().is_none_or(str::is_empty)
        || text(get("prefix").as_ref()).is_none_or(|p| p.is_empty())
    {
        bad.insert("6.6.2.3-3: a schema without its schema, namespaceURI or prefix text".into());
    }
    let seq = |k: &str| get(k).map(|v| (elements(v), v));
    let mut defined_types = BTreeSet::new();
    if let Some((inner, _)) = seq("valueType") {
        let [list] = inner.as_slice() else {
            bad.insert("6.6.2.3-3: a schema's valueType is not one rdf:Seq".into());
            return;
        };
        for t in items(*list) {
            if let Some(name) = value_type(t, bad) {
                defined_types.insert(name);
            }
        }
    }
    let Some((inner, _)) = seq("property") else {
        return;
    };
    let [list] = inner.as_slice() else {
        bad.insert("6.6.2.3-3: a schema's property is not one rdf:Seq".into());
        return;
    };
    if !list.has_tag_name((RDF, "Seq")) {
        bad.insert("6.6.2.3-3: a schema's property is not an rdf:Seq".into());
    }
    let allowed = ["name", "valueType", "category", "description"];
    for p in items(*list) {
        let Some(pf) = fields(p, PROPERTY, "pdfaProperty", &allowed, "6.6.2.3-4", bad) else {
            continue;
        };
        let get = |k: &str| text(pf.iter().find(|(n, _)| n == k).map(|(_, v)| v));
        let (Some(name), Some(kind), Some(category), Some(_)) = (
            get("name"),
            get("valueType"),
            get("category"),
            get("description"),
        ) else {
            bad.insert(
                "6.6.2.3-4: a property without its name, valueType, category or description".into(),
            );
            continue;
        };
        if !matches!(category.as_str(), "internal" | "external") {
            bad.insert(format!(
                "6.6.2.3-4: the property {name}'s category is {category}, not internal or external"
            ));
        }
        if !known_type(&kind, &defined_types) {
            bad.insert(format!(
                "6.6.2.3-4: the property {name}'s value type {kind} is neither XMP's nor defined"
            ));
        }
        if let Some(uri) = &uri {
            described.insert((uri.clone(), name));
        }
    }
}

/// Is `kind` an XMP type, a bag, sequence or alternative of one, or one `defined`?
fn known_type(kind: &str, defined: &BTreeSet<String>) -> bool {
    let base = ["bag ", "seq ", "alt "]
        .iter()
        .find_map(|p| kind.strip_prefix(p))
        .unwrap_or(kind);
    TYPES.contains(&base) || defined.contains(base)
}

/// 6.6.2.3-5 and -6 for one value type definition; its name when it is whole.
fn value_type(t: Node, bad: &mut BTreeSet<String>) -> Option<String> {
    let allowed = ["type", "namespaceURI", "prefix", "description", "field"];
    let f = fields(t, TYPE, "pdfaType", &allowed, "6.6.2.3-5", bad)?;
    let get = |k: &str| f.iter().find(|(n, _)| n == k).map(|(_, v)| *v);
    let (Some(name), Some(_), Some(_), Some(_)) = (
        text(get("type").as_ref()),
        text(get("namespaceURI").as_ref()),
        text(get("prefix").as_ref()),
        text(get("description").as_ref()),
    ) else {
        bad.insert(
            "6.6.2.3-5: a value type without its type, namespaceURI, prefix or description".into(),
        );
        return None;
    };
    if let Some(list) = get("field").and_then(|v| elements(v).into_iter().next()) {
        let allowed = ["name", "valueType", "description"];
        for field in items(list) {
            let Some(ff) = fields(field, FIELD, "pdfaField", &allowed, "6.6.2.3-6", bad) else {
                continue;
            };
            let has = |k: &str| text(ff.iter().find(|(n, _)| n == k).map(|(_, v)| v)).is_some();
            if !(has("name") && has("valueType") && has("description")) {
                bad.insert(format!(
                    "6.6.2.3-6: a field of the value type {name} without its name, valueType or description"
                ));
            }
        }
    }
    Some(name)
}
