//! Checks of the metadata keys that need more than "is it text": classification,
//! appendices, implications, status, language, the recommendation and unknown keys.

use std::path::{Path, PathBuf};

use crate::config::why_refused;
use crate::diag;
use crate::yaml::{Key, Node, Scalar, Value};

use super::check::Checker;
use super::{AppendixMeta, MetaText, Status, language_help, valid_language};

/// Warns when the recommendation to members is outside the house vocabulary. One of the
/// house's in other capitals (`for noting`) is given back as the house writes it, for the
/// cover table.
pub(super) fn check_recommendation(c: &mut Checker, r: &str, n: &Node) -> Option<String> {
    let vocab = &c.cx.house.recommendation_vocabulary;
    if let Some(house) = vocab.iter().find(|v| v.eq_ignore_ascii_case(r)) {
        return Some(house.clone());
    }
    let help = match diag::did_you_mean(r, vocab.iter().map(String::as_str)) {
        Some(best) => format!("did you mean `{best}`?"),
        None => format!("the house's usual ones are: {}", vocab.join(", ")),
    };
    c.warn(
        n.pos,
        "unusual-recommendation",
        format!("`{r}` is not one of the house's recommendations to members"),
        Some(help),
    );
    None
}

/// `draft` or `final`.
pub(super) fn check_status(c: &mut Checker, n: &Node) -> Option<Status> {
    let s = c.text("status", n)?;
    match s.as_str() {
        "draft" => Some(Status::Draft),
        "final" => Some(Status::Final),
        _ => {
            let message = format!("`status` must be `draft` or `final`, not `{s}`");
            let help = "write `status: draft` while the paper is being written (DRAFT on every page) and `status: final` when it is ready";
            c.error(n.pos, "bad-status", message, Some(help.into()));
            None
        }
    }
}

/// A BCP 47 language tag.
pub(super) fn check_language(c: &mut Checker, n: &Node) -> Option<String> {
    let l = c.text("language", n)?;
    if valid_language(&l) {
        return Some(l);
    }
    c.error(
        n.pos,
        "bad-language",
        format!("`{l}` is not a language tag"),
        Some(language_help(&l)),
    );
    None
}

pub(super) fn unknown_key(c: &mut Checker, key: &Key, extra: &[&str]) {
    let known = crate::schema::Key::ALL.map(crate::schema::Key::name);
    let all: Vec<&str> = known.iter().chain(extra).copied().collect();
    let implication = c.cx.house.implications.iter().any(|i| i.key == key.name);
    let help = match diag::did_you_mean(&key.name, all.iter().copied()) {
        // `financial:` at the left edge: an implication out of its place.
        _ if implication => format!(
            "`{0}` is one of the house's implications: indent it under `implications:`, as `  {0}: …`",
            key.name
        ),
        Some(best) => format!("did you mean `{best}`?"),
        None => format!("the keys a paper may have are: {}", all.join(", ")),
    };
    c.error(
        key.pos,
        "unknown-key",
        format!("unknown key `{}`", key.name),
        Some(help),
    );
}

/// The key an unknown `name` probably is: the secretariat's word for it, or the nearest
/// key by spelling.
pub(super) fn meant_key(name: &str, extra: &[&str]) -> Option<String> {
    if let Some(k) = crate::schema::synonym(name) {
        return Some(k.name().to_string());
    }
    let known = crate::schema::Key::ALL.map(crate::schema::Key::name);
    diag::did_you_mean(name, known.iter().chain(extra).copied()).map(str::to_string)
}

/// An unknown key standing for `meant`, which the paper lacks: one diagnostic saying both.
pub(super) fn misnamed_key(c: &mut Checker, key: &Key, meant: &str, required: bool) {
    let what = if required {
        format!("the required key `{meant}`, which is missing")
    } else {
        format!("`{meant}`")
    };
    c.error(
        key.pos,
        "misnamed-key",
        format!("clerk has no key `{}`; it is probably {what}", key.name),
        Some(format!(
            "write `{meant}:` instead; the value here was checked as `{meant}` already"
        )),
    );
}

pub(super) fn check_classification(c: &mut Checker, n: &Node) -> Option<String> {
    let s = c.text("classification", n)?;
    let upper = s.to_uppercase();
    if let Some(why) = why_refused(&s) {
        c.error(
            n.pos,
            "refused-classification",
            format!("`{s}` {why}"),
            Some(format!(
                "use one of: {}",
                c.cx.house.classifications.join(", ")
            )),
        );
        return None;
    }
    if !c.cx.house.classifications.contains(&s) {
        // A protective marking is not set right silently, but the help gives the house's
        // own form of one written in other capitals, whatever capitals the house uses.
        let lower = s.to_lowercase();
        let house = c.cx.house.classifications.iter();
        let help = match house.clone().find(|h| h.to_lowercase() == lower) {
            Some(h) if *h == upper => format!("write it in capitals: `{upper}`"),
            Some(h) => format!("write it as the house does: `{h}`"),
            None => format!("use one of: {}", house.as_slice().join(", ")),
        };
        c.error(
            n.pos,
            "unknown-classification",
            format!("`{s}` is not a classification this house allows"),
            Some(help),
        );
        return None;
    }
    Some(s)
}

pub(super) fn check_appendices(c: &mut Checker, n: &Node) -> Vec<AppendixMeta> {
    let items = match &n.value {
        Value::Seq(items) => items,
        Value::Scalar(Scalar::Null) => return Vec::new(),
        _ => {
            c.error(
                n.pos,
                "wrong-type",
                "`appendices` must be a list".into(),
                Some("write each appendix as `- title: …` on its own line".into()),
            );
            return Vec::new();
        }
    };
    let mut out = Vec::new();
    for item in items {
        match &item.value {
            Value::Scalar(Scalar::Str(_)) => {
                if let Some(title) = c.text_as("title", APPENDIX_TITLE, item) {
                    out.push(AppendixMeta {
                        title,
                        file: None,
                        file_pos: item.pos,
                    });
                }
            }
            Value::Map(entries) => {
                for (k, _) in entries {
                    if k.name != "title" && k.name != "file" {
                        let help = diag::did_you_mean(&k.name, ["title", "file"]).map_or(
                            "an appendix has `title` and, optionally, `file`".to_string(),
                            |b| format!("did you mean `{b}`?"),
                        );
                        c.error(
                            k.pos,
                            "unknown-key",
                            format!("unknown appendix key `{}`", k.name),
                            Some(help),
                        );
                    }
                }
                let title = match item.get("title") {
                    Some(t) => c.text_as("title", APPENDIX_TITLE, t),
                    None => {
                        c.error(
                            item.pos,
                            "missing-key",
                            "this appendix has no `title`".into(),
                            Some("add `title: …`".into()),
                        );
                        None
                    }
                };
                let file = item.get("file").filter(|f| !f.is_null());
                let path = file.and_then(|f| check_appendix_file(c, f));
                if let Some(title) = title {
                    out.push(AppendixMeta {
                        title,
                        file: path,
                        file_pos: file.map_or(item.pos, |f| f.pos),
                    });
                }
            }
            _ => c.error(
                item.pos,
                "wrong-type",
                format!(
                    "an appendix must be a title or `title:`/`file:` keys, not {}",
                    item.kind()
                ),
                Some(
                    "write the appendix's title; put it in quotes if YAML reads it as something else (`- \"Yes\"`, `- \"2021\"`)"
                        .into(),
                ),
            ),
        }
    }
    out
}

/// The appendix file's path, once its shape and extension are right and it exists (it is
/// read, and a PDF checked, when the paper is compiled: see `document::appendix`).
fn check_appendix_file(c: &mut Checker, f: &Node) -> Option<PathBuf> {
    let name = c.text("file", f)?;
    let path = Path::new(&name);
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    if path.is_absolute() || name.contains("..") {
        c.error(
            f.pos,
            "appendix-file",
            format!("the appendix file `{name}` must be beside the paper"),
            Some("give a file name relative to the paper's folder".into()),
        );
        None
    } else if !matches!(ext.as_deref(), Some("pdf" | "md")) {
        c.error(
            f.pos,
            "appendix-file",
            format!("the appendix file `{name}` is not a PDF or Markdown file"),
            Some("save the appendix as a PDF (from Word: File › Save As › PDF) or write it as a Markdown file whose name starts with `_`".into()),
        );
        None
    } else if !c.cx.paper_dir.join(path).is_file() {
        c.error(
            f.pos,
            "appendix-missing",
            format!("the appendix file `{name}` does not exist"),
            Some(
                match crate::config::near_file_of(c.cx.paper_dir, path, &["pdf", "md"]) {
                    Some(near) => crate::config::did_you_mean_file(path, &near),
                    None => format!("put `{name}` in the paper's folder, or correct the name"),
                },
            ),
        );
        None
    } else {
        Some(path.to_path_buf())
    }
}

pub(super) fn check_implications(c: &mut Checker, n: &Node) -> Vec<(String, MetaText)> {
    let entries = match &n.value {
        Value::Map(entries) => entries,
        Value::Scalar(Scalar::Null) => return Vec::new(),
        _ => {
            c.error(
                n.pos,
                "wrong-type",
                "`implications` must be a set of `key: text` lines".into(),
                Some("e.g. `financial: The cost is met from …`".into()),
            );
            return Vec::new();
        }
    };
    let keys: Vec<&str> =
        c.cx.house
            .implications
            .iter()
            .map(|i| i.key.as_str())
            .collect();
    let mut out = Vec::new();
    for (k, v) in entries {
        if !keys.contains(&k.name.as_str()) {
            let help = match diag::did_you_mean(&k.name, keys.iter().copied()) {
                Some(best) => format!(
                    "did you mean `{best}`? The implications are: {}",
                    keys.join(", ")
                ),
                None => format!("the implications are: {}", keys.join(", ")),
            };
            c.error(
                k.pos,
                "unknown-implication",
                format!("unknown implication `{}`", k.name),
                Some(help),
            );
            continue;
        }
        if let Some(text) = c.markdown(&k.name, v) {
            out.push((k.name.clone(), text));
        }
    }
    out
}

/// What an appendix's `title:` holds, for the help when it is empty.
const APPENDIX_TITLE: &str = "title of the appendix";
