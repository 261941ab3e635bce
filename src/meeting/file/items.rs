//! A meeting file's agenda items, checked one by one and then together (duplicate and
//! out-of-order numbers).

use std::collections::BTreeMap;
use std::path::Path;

use super::{FileItem, ITEM_KEYS, Reader, normal};
use crate::meeting::order::compare_agenda;
use crate::yaml::{Node, Value};

impl Reader<'_> {
    pub(super) fn item(&mut self, n: &Node, papers_dir: &Path) -> Option<FileItem> {
        let Value::Map(entries) = &n.value else {
            self.error(
                n.pos,
                "wrong-type",
                "an agenda item must be a set of keys".into(),
                "write it as `- number: \"1\"` with `title:` or `paper:` on the lines below",
            );
            return None;
        };
        let misnamed = self.unknown_keys(entries, ITEM_KEYS, "an agenda item");
        let mut item = FileItem {
            number_pos: n.pos,
            ..FileItem::default()
        };
        let opt = |r: &mut Self, k: &str| {
            n.get(k)
                .filter(|v| !v.is_null())
                .and_then(|v| r.text_of(k, v))
        };
        match n.get("number") {
            Some(v) => {
                item.number_pos = v.pos;
                item.number = self.text_of("number", v).unwrap_or_default();
            }
            None if misnamed.contains(&"number") => {}
            None => self.error(
                n.pos,
                "missing-key",
                "this agenda item has no `number`".into(),
                "add `number: \"…\"`, the item's number on the agenda (e.g. \"3.1\")",
            ),
        }
        item.title = opt(self, "title");
        item.presenter = opt(self, "presenter");
        item.purpose = opt(self, "purpose");
        item.exempt = opt(self, "exempt");
        item.private = n.get("private").is_some_and(|v| self.flag("private", v));
        item.late = n.get("late").is_some_and(|v| self.flag("late", v));
        if let Some(v) = n.get("paper") {
            item.paper_pos = v.pos;
            item.paper = self.text_of("paper", v).map(|p| normal(Path::new(&p)));
        }
        if let Some(v) = n.get("deferred").filter(|v| !v.is_null()) {
            item.deferred_pos = v.pos;
            item.deferred = self.date_of("deferred", v);
            if n.get("paper").is_none() {
                self.error(
                    v.pos,
                    "deferred-without-paper",
                    "`deferred` puts off an item's paper to a later meeting, but this item has no `paper`".into(),
                    "give the item its `paper:`, or remove `deferred` (an item without a paper is simply left off the agenda)",
                );
            }
        }
        if let Some(p) = &item.paper {
            let path = papers_dir.join(p);
            if !path.is_file() || p.is_absolute() || p.starts_with("..") {
                // The papers listed once, and only when the path is not simply misplaced.
                let help = match found_elsewhere(papers_dir, p) {
                    Some(there) => format!(
                        "paths are relative to the papers folder: write `paper: {}`",
                        there.display()
                    ),
                    None => {
                        let papers = papers_in(papers_dir);
                        match near_paper(papers_dir, p, &papers) {
                            Some(near) => format!("did you mean `paper: {near}`?"),
                            // An example from this project: a made-up path names a folder
                            // she has not.
                            None => format!(
                                "give the paper's path relative to the papers folder, e.g. `{}`",
                                papers
                                    .first()
                                    .map_or("resources/2026-05-19-budget.md", String::as_str)
                            ),
                        }
                    }
                };
                self.error(
                    item.paper_pos,
                    "paper-not-found",
                    format!("there is no paper `{}` in the papers folder", p.display()),
                    &help,
                );
            }
        } else if item.title.is_none()
            && n.get("number").is_some()
            && !misnamed.iter().any(|k| matches!(*k, "title" | "paper"))
        {
            self.error(
                item.number_pos,
                "missing-key",
                format!("item {} has neither a `title` nor a `paper`", item.number),
                "add `title: …` for a verbal item or heading, or `paper: …` for a paper",
            );
        }
        if item.private && item.exempt.is_none() && !misnamed.contains(&"exempt") {
            let pos = n.get("private").map_or(n.pos, |v| v.pos);
            self.error(pos, "private-without-exempt", format!("item {} is taken in private but gives no exempt ground", item.number), "add `exempt: …`, the ground for taking it in private (e.g. `Standing Orders section 20(d)`), which the public agenda prints");
        }
        // An exempt ground says the item is private: without `private: true` it is taken in
        // private all the same (a line lost never publishes a private paper), and said so.
        if !item.private
            && let Some(v) = n.get("exempt")
        {
            item.private = true;
            let d = self
                .at(
                    v.pos,
                    "exempt-without-private",
                    format!(
                        "item {} gives an exempt ground but does not say `private: true`: it is taken in private, as its ground says",
                        item.number
                    ),
                )
                .with_help("add `private: true` to say so, or remove `exempt` to take it in public")
                .warning();
            self.diags.push(d);
        }
        Some(item)
    }

    /// The items under an item taken in private (`3.1` under `3`) are taken in private too,
    /// on its ground, and said so: a heading item's sub-items would otherwise be published
    /// without it.
    pub(super) fn inherit_private(&mut self, items: &mut [FileItem]) {
        let mut open: Vec<(String, Option<String>)> = Vec::new();
        for item in items.iter_mut() {
            open.retain(|(n, _)| item.number.starts_with(&format!("{n}.")));
            if item.private {
                open.push((item.number.clone(), item.exempt.clone()));
                continue;
            }
            let Some((parent, ground)) = open.last().cloned() else {
                continue;
            };
            item.private = true;
            item.exempt = ground;
            let d = self
                .at(
                    item.number_pos,
                    "private-parent",
                    format!(
                        "item {} is under item {parent}, which is taken in private, so it is taken in private too",
                        item.number
                    ),
                )
                .with_help(format!(
                    "add `private: true` and its `exempt:` ground to item {} to say so, or number it outside item {parent} to take it in public",
                    item.number
                ))
                .warning();
            self.diags.push(d);
        }
    }

    /// Duplicate numbers, and numbers out of order.
    pub(super) fn order(&mut self, items: &[FileItem]) {
        let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
        let mut prev: Option<&FileItem> = None;
        for item in items.iter().filter(|i| !i.number.is_empty()) {
            if let Some(line) = seen.get(item.number.as_str()) {
                let m = format!("item number {} is used twice", item.number);
                self.error(
                    item.number_pos,
                    "duplicate-item",
                    m,
                    &format!("the first is on line {line}; give each item a number of its own"),
                );
            } else if let Some(p) = prev
                && compare_agenda(Some(&p.number), Some(&item.number)).is_gt()
            {
                let m = format!("item {} comes after item {}", item.number, p.number);
                self.error(
                    item.number_pos,
                    "items-out-of-order",
                    m,
                    "list the items in agenda order (2, 4.2, 4.10, 5.3(b), 10), or renumber them",
                );
            }
            seen.entry(&item.number).or_insert(item.number_pos.line);
            prev = Some(item);
        }
        // `3.1` with no item `3`: the agenda would show it under no heading.
        let mut said = std::collections::BTreeSet::new();
        for item in items {
            let Some(parent) = heading_of(&item.number) else {
                continue;
            };
            if seen.contains_key(parent) || !said.insert(parent) {
                continue;
            }
            // `3.1.1` with item 3 but no 3.1 stands straight under 3.
            let mut above = heading_of(parent);
            while let Some(a) = above.filter(|a| !seen.contains_key(a)) {
                above = heading_of(a);
            }
            let under = match above {
                Some(a) => format!("straight under item {a}"),
                None => "under no heading".to_string(),
            };
            let d = self
                .at(
                    item.number_pos,
                    "sub-item-without-heading",
                    format!(
                        "item {} has no item {parent} above it, so the agenda shows it {under}",
                        item.number
                    ),
                )
                .with_help(format!(
                    "add item {parent} before it, with the heading's `title:` (`- number: \"{parent}\"` and `title: Finance`, say), or number it as an item of its own"
                ))
                .warning();
            self.diags.push(d);
        }
    }
}

/// The item a sub-item's number puts it under: `3` for `3.1`, `4.2` for `4.2.1`; `None` for
/// a top-level number or one of another shape (`5.3(b)`).
pub(crate) fn heading_of(number: &str) -> Option<&str> {
    let (parent, last) = number.trim().rsplit_once('.')?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    (parent.split('.').all(digits) && digits(last)).then_some(parent)
}

/// The paper `written` nearly names, as it is written in the file: with `/` for Windows'
/// `\\`, with `.md` added, or a path a slip or two away from exactly one paper's (a letter
/// left out, doubled, changed or two swapped), or else the one paper whose file name is
/// clearly nearest (`2026-05-19-budget-monitoring-q2.md` or `budget-monitoring.md` for
/// `resources/2026-05-19-budget-monitoring.md`).
fn near_paper(papers_dir: &Path, written: &Path, papers: &[String]) -> Option<String> {
    let text = written.to_string_lossy().replace('\\', "/");
    let mut tries = vec![text.clone()];
    if !text.ends_with(".md") {
        tries.push(format!("{text}.md"));
    }
    if let Some(found) = tries.into_iter().find(|t| papers_dir.join(t).is_file()) {
        return Some(found);
    }
    let near: Vec<&String> = papers
        .iter()
        .filter(|rel| text.len() >= 8 && strsim::damerau_levenshtein(rel, &text) <= 2)
        .take(2)
        .collect();
    if let [one] = near.as_slice() {
        return Some((*one).clone());
    }
    // The file names compared, without folders or `.md`: nearly the same, or one holding
    // the other whole (a date or a suffix added or left off).
    let stem = |p: &str| {
        let name = p.rsplit('/').next().unwrap_or(p);
        name.strip_suffix(".md").unwrap_or(name).to_lowercase()
    };
    let typed = stem(&text);
    if typed.chars().count() < 8 {
        return None;
    }
    let score = |rel: &String| {
        let name = stem(rel);
        // One name holding the other whole counts only when the shorter is most of the
        // longer (a date left off), never a short name inside a long one (`report.md`).
        let (short, long) = if name.len() < typed.len() {
            (&name, &typed)
        } else {
            (&typed, &name)
        };
        let within =
            short.len() >= 8 && short.len() * 5 >= long.len() * 3 && long.contains(short.as_str());
        let close = strsim::normalized_damerau_levenshtein(&name, &typed);
        if within { close.max(0.85) } else { close }
    };
    let mut scored: Vec<(f64, &String)> = papers.iter().map(|r| (score(r), r)).collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    match scored.as_slice() {
        [(best, rel), rest @ ..] if *best >= 0.8 && rest.first().is_none_or(|(s, _)| s < best) => {
            Some((*rel).clone())
        }
        _ => None,
    }
}

/// The papers under `papers_dir` (relative, `/` between folders, in path order), drafts and
/// appendices (a part starting with `_` or `.`) left out.
fn papers_in(papers_dir: &Path) -> Vec<String> {
    let mut papers: Vec<String> = walkdir::WalkDir::new(papers_dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "md"))
        .filter_map(|e| Some(e.path().strip_prefix(papers_dir).ok()?.to_path_buf()))
        .map(|rel| {
            let parts: Vec<String> = (rel.components())
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            parts.join("/")
        })
        .filter(|rel| !rel.split('/').any(|part| part.starts_with(['_', '.'])))
        .collect();
    papers.sort();
    papers
}

/// Where in `papers_dir` the paper `written` (not found where it says) is, when it can be
/// told: the path with a leading papers folder's name dropped (`papers/x.md`), or the one
/// paper of that file name (`x.md` for `resources/x.md`). Looked for only once a path is
/// not found, so a good meeting file costs no walk.
fn found_elsewhere(papers_dir: &Path, written: &Path) -> Option<std::path::PathBuf> {
    let folder = papers_dir.file_name()?;
    if let Ok(rest) = written.strip_prefix(folder)
        && papers_dir.join(rest).is_file()
    {
        return Some(rest.to_path_buf());
    }
    let name = written.file_name()?;
    let mut same: Vec<std::path::PathBuf> = walkdir::WalkDir::new(papers_dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.file_name() == name)
        .filter_map(|e| Some(e.path().strip_prefix(papers_dir).ok()?.to_path_buf()))
        // Not a draft or an appendix, which are not built as papers.
        .filter(|rel| {
            !rel.components()
                .any(|c| c.as_os_str().to_string_lossy().starts_with(['_', '.']))
        })
        .take(2)
        .collect();
    (same.len() == 1).then(|| same.remove(0))
}
