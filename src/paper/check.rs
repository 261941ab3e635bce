//! Checks a paper's metadata key by key from the spanned YAML tree, reporting every
//! problem at once, and builds [`PaperMeta`] when there are none.

use std::path::Path;

use crate::config::HouseStyle;
use crate::diag::Diagnostic;
use crate::schema::Key;
use crate::yaml::{Node, Pos, Scalar, Value};

use super::fields;
use super::{MetaText, PaperMeta};

/// The keys whose value names what several papers share, read without curly quotes
/// wrapped around it (see `text_raw`).
const NAMES_SHARED: [&str; 2] = ["meeting", "agenda_item"];

/// A value of one of the [`NAMES_SHARED`] keys as a paper's metadata reads it (as the
/// `curly-quotes` check below does): trimmed, and without curly quotes at either end, so that
/// `meeting: “Resources Committee”` is the meeting of the papers that write it plainly.
pub fn shared_name(value: &str) -> &str {
    let t = value.trim();
    curly_wrapped(t, true).map_or(t, |(plain, _)| plain)
}

/// `value` (trimmed) without the curly quotes a word processor put round it, and whether
/// only one end had one: `None` when none wraps it. With `one_end`, a quote at one end
/// only counts too (a name must match; a title may open or close with a quote of its own).
/// Shared by papers' and meeting files' `curly-quotes` checks.
pub fn curly_wrapped(value: &str, one_end: bool) -> Option<(&str, bool)> {
    let (opens, closes) = (
        value.starts_with(['“', '‘', '„']),
        value.ends_with(['”', '’', '“']),
    );
    let lone = opens != closes;
    let wrapped = opens && closes || lone && one_end;
    (value.chars().count() > 1 && wrapped)
        .then(|| (value.trim_matches(['“', '”', '‘', '’', '„']), lone))
}

/// What checking needs to know besides the tree.
pub struct MetaContext<'a> {
    /// The file the metadata is in, as shown to the user.
    pub file: &'a Path,
    /// The metadata's YAML, whose byte offsets are those of that file's text.
    pub text: &'a str,
    /// The folder of the paper (appendix files are relative to it).
    pub paper_dir: &'a Path,
    /// The house style.
    pub house: &'a HouseStyle,
}

pub(super) struct Checker<'a> {
    pub(super) cx: &'a MetaContext<'a>,
    diags: Vec<Diagnostic>,
}

impl Checker<'_> {
    pub(super) fn at(&self, pos: Pos, code: &'static str, message: String) -> Diagnostic {
        let mut d = Diagnostic::file_error(code, self.cx.file, message);
        d.span = pos.span();
        d
    }

    pub(super) fn error(
        &mut self,
        pos: Pos,
        code: &'static str,
        message: String,
        help: Option<String>,
    ) {
        let mut d = self.at(pos, code, message);
        d.help = help;
        self.diags.push(d);
    }

    pub(super) fn warn(
        &mut self,
        pos: Pos,
        code: &'static str,
        message: String,
        help: Option<String>,
    ) {
        let mut d = self.at(pos, code, message).warning();
        d.help = help;
        self.diags.push(d);
    }

    /// The raw source text of a scalar (so `4.10` stays `4.10`, not the float 4.1).
    pub(super) fn raw(&self, node: &Node) -> Option<String> {
        let off = node.pos.offset?;
        let s = self.cx.text.get(off..off + node.pos.len)?.trim();
        (!s.is_empty() && !s.starts_with(['"', '\'', '|', '>'])).then(|| s.to_string())
    }

    /// The value as text (numbers taken as written); an empty value or a list is an error.
    pub(super) fn text_raw(&mut self, key: &str, node: &Node) -> Option<String> {
        self.text_raw_as(key, describe(key), node)
    }

    /// [`Checker::text_raw`] for a value whose key names something else here than at the
    /// top of the metadata (an appendix's `title`): `noun` says what to write.
    pub(super) fn text_raw_as(&mut self, key: &str, noun: &str, node: &Node) -> Option<String> {
        let value = match &node.value {
            Value::Scalar(Scalar::Str(s)) => s.clone(),
            Value::Scalar(Scalar::Int(_) | Scalar::Float(_) | Scalar::Bool(_)) => self
                .raw(node)
                .or_else(|| node.as_text())
                .unwrap_or_default(),
            Value::Scalar(Scalar::Null) => String::new(),
            Value::Seq(_) | Value::Map(_) => {
                let help = format!("write it as text after `{key}:`");
                self.error(
                    node.pos,
                    "wrong-type",
                    format!("`{key}` must be text, but here it is {}", node.kind()),
                    Some(help),
                );
                return None;
            }
        };
        if value.trim().is_empty() {
            let help = format!("write the {noun} after `{key}:`");
            self.error(
                node.pos,
                "empty-value",
                format!("`{key}` is empty"),
                Some(help),
            );
            return None;
        }
        let t = value.trim();
        // A name papers share with one quote only (`meeting: “Resources Committee`): a slip
        // too, read without it (a title may well open or close with a quote of its own).
        if let Some((plain, lone)) = curly_wrapped(t, NAMES_SHARED.contains(&key)) {
            // The keys that name what papers share (their meeting, their agenda item) are
            // read without the quotes: kept, they would make the paper's meeting another
            // committee's, and clash with the papers that write its name plainly.
            let unquoted = NAMES_SHARED.contains(&key);
            let reads = if unquoted {
                format!("it is read as {plain}")
            } else {
                format!("it reads {t}")
            };
            self.warn(
                node.pos,
                "curly-quotes",
                format!(
                    "the value of `{key}` is {} curly quotes, which YAML keeps as part of the text: {reads}",
                    if lone { "marked with" } else { "wrapped in" }
                ),
                Some(format!("YAML quotes with straight quotes only (a word processor may have curled them): write `{key}: {plain}`, or `{key}: \"{plain}\"`")),
            );
            if unquoted {
                return Some(plain.to_string());
            }
        }
        Some(value)
    }

    /// A single line of text, trimmed.
    pub(super) fn text(&mut self, key: &str, node: &Node) -> Option<String> {
        self.text_raw(key, node).map(|s| s.trim().to_string())
    }

    /// [`Checker::text`], saying what to write as `noun` (see [`Checker::text_raw_as`]).
    pub(super) fn text_as(&mut self, key: &str, noun: &str, node: &Node) -> Option<String> {
        self.text_raw_as(key, noun, node)
            .map(|s| s.trim().to_string())
    }

    pub(super) fn markdown(&mut self, key: &str, node: &Node) -> Option<MetaText> {
        if let Value::Seq(items) = &node.value {
            // A list written as YAML's: kept as Markdown's, in a `|` block.
            let first = items.first().and_then(Node::as_text).unwrap_or("…".into());
            let message = format!("`{key}` must be text, but here it is {}", node.kind());
            let help = format!(
                "to keep the list, write `{key}: |` and the items under it as Markdown's, each indented: `  - {first}`"
            );
            self.error(node.pos, "wrong-type", message, Some(help));
            return None;
        }
        let text = self.text_raw(key, node)?;
        let at = node.pos.offset.unwrap_or(0);
        let line_start = self
            .cx
            .text
            .get(..at)
            .and_then(|before| before.rfind('\n'))
            .map_or(0, |i| i + 1);
        Some(MetaText {
            spans: super::value_map::spans(&text, self.cx.text, node.pos),
            text,
            line: node.pos.line,
            line_start,
        })
    }

    pub(super) fn date(&mut self, node: &Node) -> Option<jiff::civil::Date> {
        let s = self.text("date", node)?;
        match super::date::parse_date(&s) {
            Ok(date) => Some(date),
            Err(p) => {
                self.error(node.pos, "bad-date", p.message, Some(p.help));
                None
            }
        }
    }

    pub(super) fn string_list(&mut self, key: &str, node: &Node) -> Vec<String> {
        match &node.value {
            Value::Seq(items) => items
                .iter()
                .filter_map(|i| {
                    if i.is_null() || i.as_text().is_some_and(|t| t.trim().is_empty()) {
                        // One empty item, not the key: said so, so the list is not cleared.
                        self.error(
                            i.pos,
                            "empty-value",
                            format!("an item of `{key}` is empty"),
                            Some("write the item, or remove its line (or its `\"\"` in a `[…]` list)".into()),
                        );
                        return None;
                    }
                    self.text(key, i)
                })
                .collect(),
            Value::Scalar(Scalar::Null) => Vec::new(),
            _ => {
                self.error(
                    node.pos,
                    "wrong-type",
                    format!("`{key}` must be a list"),
                    Some(format!(
                        "write one item per line under `{key}:`, each starting with `- `"
                    )),
                );
                Vec::new()
            }
        }
    }
}

/// How a message names the value of `key` ("the committee's name"; "the value").
pub(super) fn describe(key: &str) -> &'static str {
    Key::from_name(key).map_or("value", Key::noun)
}

/// Checks the metadata tree; returns the metadata when there is no error, and every diagnostic.
pub fn check_meta(root: &Node, cx: &MetaContext) -> (Option<PaperMeta>, Vec<Diagnostic>) {
    let (meta, diags) = check_meta_partly(root, cx);
    let has_error = diags.iter().any(Diagnostic::is_error);
    ((!has_error).then_some(meta), diags)
}

/// Checks the metadata tree; returns every diagnostic and the metadata, which, when there
/// are errors, is what could be read anyway, stand-ins in place of the values that are
/// wrong or missing: enough to check the body, never to build the paper.
pub fn check_meta_partly(root: &Node, cx: &MetaContext) -> (PaperMeta, Vec<Diagnostic>) {
    let mut c = Checker {
        cx,
        diags: Vec::new(),
    };
    let Value::Map(entries) = &root.value else {
        c.error(
            root.pos,
            "wrong-type",
            "the metadata must be a set of `key: value` lines".into(),
            Some("start each line with a key such as `title:`".into()),
        );
        let meta = read_fields(&mut c, &|_| None);
        return (meta, c.diags);
    };
    let present = |k: &str| entries.iter().any(|(key, _)| key.name == k);
    let stand_ins = check_key_names(&mut c, entries, &present);
    // A misnamed key's value is checked as the key it stands for, so fixing the name brings
    // no new error on the next run.
    let get = |k: &str| {
        entries
            .iter()
            .find(|(key, _)| key.name == k)
            .or_else(|| {
                stand_ins
                    .iter()
                    .find(|(name, _)| name == k)
                    .map(|(_, e)| *e)
            })
            .map(|(_, v)| v)
    };
    let meta = read_fields(&mut c, &get);
    (meta, c.diags)
}

/// Every unknown key, then every required key that is missing (the house's own included).
/// An unknown key that is probably a missing one (`meeting date:` for `date`) is one
/// diagnostic, and comes back as a stand-in: (the key's name, the entry).
fn check_key_names<'n>(
    c: &mut Checker,
    entries: &'n [(crate::yaml::Key, Node)],
    present: &impl Fn(&str) -> bool,
) -> Vec<(String, &'n (crate::yaml::Key, Node))> {
    let house = c.cx.house;
    let extra_keys: Vec<&str> = house.extra_fields.iter().map(|f| f.key.as_str()).collect();
    let mut required: Vec<&str> = Key::ALL
        .iter()
        .filter(|k| k.required())
        .map(|k| k.name())
        .collect();
    required.extend(
        house
            .extra_fields
            .iter()
            .filter(|f| f.required)
            .map(|f| f.key.as_str()),
    );
    let mut stand_ins: Vec<(String, &(crate::yaml::Key, Node))> = Vec::new();
    for entry in entries {
        let key = &entry.0;
        if Key::from_name(&key.name).is_some() || extra_keys.contains(&key.name.as_str()) {
            continue;
        }
        let meant = fields::meant_key(&key.name, &extra_keys)
            .filter(|k| !present(k) && !stand_ins.iter().any(|(s, _)| s == k));
        match meant {
            Some(k) => {
                fields::misnamed_key(c, key, &k, required.contains(&k.as_str()));
                stand_ins.push((k, entry));
            }
            None => fields::unknown_key(c, key, &extra_keys),
        }
    }
    let missing_pos = Pos {
        line: 1,
        column: 1,
        offset: Some(0),
        len: 3,
    };
    for k in required {
        if !present(k) && !stand_ins.iter().any(|(s, _)| s == k) {
            c.error(
                missing_pos,
                "missing-key",
                format!("the required key `{k}` is missing"),
                Some(format!("add a line `{k}: …` with the {}", describe(k))),
            );
        }
    }
    stand_ins
}

/// Reads every key into [`PaperMeta`], checking each value; a required one that is missing or
/// wrong (an error already) is given its [`stand_in`].
fn read_fields<'n>(c: &mut Checker, get: &impl Fn(&str) -> Option<&'n Node>) -> PaperMeta {
    let house = c.cx.house;
    let optional = |k: Key| get(k.name()).filter(|n| !n.is_null());
    let text = |c: &mut Checker, k: Key| get(k.name()).and_then(|n| c.text(k.name(), n));
    let meeting = text(c, Key::Meeting);
    let date = get("date").and_then(|n| c.date(n));
    let title = text(c, Key::Title);
    let presented_by = text(c, Key::PresentedBy);
    let mut recommendation = text(c, Key::Recommendation);
    if let (Some(r), Some(n)) = (&recommendation, get("recommendation")) {
        let house = fields::check_recommendation(c, r, n);
        recommendation = house.or(recommendation);
    }
    let recommendations = get("recommendations").and_then(|n| c.markdown("recommendations", n));
    let location = optional(Key::Location).and_then(|n| c.text("location", n));
    let agenda_item = optional(Key::AgendaItem).and_then(|n| c.text("agenda_item", n));
    let classification =
        optional(Key::Classification).and_then(|n| fields::check_classification(c, n));
    let status = optional(Key::Status).and_then(|n| fields::check_status(c, n));
    let appendices = get("appendices")
        .map(|n| fields::check_appendices(c, n))
        .unwrap_or_default();
    let implications = get("implications")
        .map(|n| fields::check_implications(c, n))
        .unwrap_or_default();
    let language = match optional(Key::Language) {
        Some(n) => fields::check_language(c, n),
        None => Some(house.language.clone()),
    };
    let keywords = get("keywords")
        .map(|n| c.string_list("keywords", n))
        .unwrap_or_default();
    let extra = house
        .extra_fields
        .iter()
        .filter_map(|f| {
            let n = get(&f.key).filter(|n| !n.is_null())?;
            Some((f.key.clone(), c.text(&f.key, n)?))
        })
        .collect();
    let date = date.unwrap_or(stand_in::DATE);
    PaperMeta {
        meeting: meeting.unwrap_or_default(),
        date_display: house.format_date(date),
        date,
        title: title.unwrap_or_default(),
        presented_by: presented_by.unwrap_or_default(),
        recommendation: recommendation.unwrap_or_default(),
        recommendations: recommendations.unwrap_or_else(stand_in::recommendations),
        location,
        agenda_item,
        classification,
        status,
        appendices,
        implications,
        language: language.unwrap_or_else(|| house.language.clone()),
        keywords,
        extra,
    }
}

/// What stands in for a required value that is missing or wrong, in metadata that is only
/// read to check the body: never shown, never built.
mod stand_in {
    use super::MetaText;

    /// The date.
    pub const DATE: jiff::civil::Date = jiff::civil::date(2000, 1, 1);

    /// The recommendations: a sentence, so that they are not warned about as empty when the
    /// key itself is the error.
    pub fn recommendations() -> MetaText {
        MetaText {
            text: "Members are invited to note this paper.".into(),
            line: 1,
            line_start: 0,
            spans: Vec::new(),
        }
    }
}
