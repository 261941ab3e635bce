//! The front matter's YAML text: the header's metadata in the house's order, appendices,
//! keywords, the implications that differ from the default and the recommendations.

use super::header::{self, Value};

/// A YAML scalar: plain when that reads back as the same string, else double-quoted.
pub fn scalar(s: &str) -> String {
    let plain = !s.is_empty()
        && s.trim() == s
        && !s.starts_with(|c: char| "-?:,[]{}#&*!|>'\"%@`".contains(c))
        && !s.contains(": ")
        && !s.contains(" #")
        && !s.ends_with(':')
        && !s.chars().any(char::is_control)
        && s.parse::<f64>().is_err()
        && !matches!(
            s.to_lowercase().as_str(),
            "yes" | "no" | "true" | "false" | "null" | "on" | "off" | "~"
        );
    if plain {
        s.to_string()
    } else {
        serde_json::to_string(s).unwrap_or_default()
    }
}

fn text_value(key: &str, text: &str, indent: &str) -> String {
    if !text.contains('\n') {
        return format!("{indent}{key}: {}\n", scalar(text));
    }
    let body: String = text
        .lines()
        .map(|l| {
            if l.is_empty() {
                "\n".to_string()
            } else {
                format!("{indent}  {l}\n")
            }
        })
        .collect();
    format!("{indent}{key}: |\n{body}")
}

/// The front matter's text, without its `---` lines; `files` are the appendices' files, in
/// order (the first appendices, those written in the document's body).
pub fn front_matter(
    header: &header::Header,
    files: &[&str],
    keywords: &[String],
    implications: &[(String, String)],
    recommendations: Option<&str>,
) -> String {
    let mut out = String::new();
    let order = [
        "meeting",
        "date",
        "location",
        "agenda_item",
        "title",
        "presented_by",
        "recommendation",
        "classification",
    ];
    let mut keys: Vec<&str> = order
        .iter()
        .copied()
        .filter(|k| header.get(k).is_some())
        .collect();
    keys.extend(
        header
            .fields
            .iter()
            .map(|(k, _)| k.as_str())
            .filter(|k| !order.contains(k) && *k != "appendices"),
    );
    for key in keys {
        if let Some(Value::Text(v)) = header.get(key) {
            let v = if key == "agenda_item" {
                serde_json::to_string(v).unwrap_or_default()
            } else {
                scalar(v)
            };
            out.push_str(&format!("{key}: {v}\n"));
        }
    }
    if let Some(Value::Appendices(titles)) = header.get("appendices")
        && !titles.is_empty()
    {
        out.push_str("appendices:\n");
        for (i, t) in titles.iter().enumerate() {
            out.push_str(&format!("  - title: {}\n", scalar(t)));
            if let Some(file) = files.get(i) {
                out.push_str(&format!("    file: {}\n", scalar(file)));
            }
        }
    }
    if !keywords.is_empty() {
        let k: Vec<String> = keywords
            .iter()
            .map(|k| serde_json::to_string(k).unwrap_or_default())
            .collect();
        out.push_str(&format!("keywords: [{}]\n", k.join(", ")));
    }
    if !implications.is_empty() {
        out.push_str("implications:\n");
        for (k, v) in implications {
            out.push_str(&text_value(k, v, "  "));
        }
    }
    if let Some(r) = recommendations.filter(|r| !r.trim().is_empty()) {
        out.push_str(&text_value("recommendations", r, ""));
    }
    out
}
