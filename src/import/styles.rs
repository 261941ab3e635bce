//! styles.xml and numbering.xml: which paragraph styles are headings or lists, and the numbers
//! Word would show for automatically numbered paragraphs (`1.`, `2.4`, `•`).

use std::collections::{HashMap, HashSet};

use roxmltree::{Document, Node};

use super::xml::{child, child_val, is_w, wattr};

/// A paragraph style, as far as import needs it.
#[derive(Debug, Clone, Default)]
struct Style {
    name: String,
    based_on: Option<String>,
    outline: Option<u8>,
    num: Option<(String, Option<u8>)>,
}

/// The paragraph styles of a document.
#[derive(Debug, Default)]
pub struct Styles {
    by_id: HashMap<String, Style>,
}

impl Styles {
    /// Reads styles.xml.
    pub fn parse(doc: &Document) -> Styles {
        let mut by_id = HashMap::new();
        for s in doc.descendants().filter(|n| is_w(*n, "style")) {
            let Some(id) = wattr(s, "styleId") else {
                continue;
            };
            let ppr = child(s, "pPr");
            let num = ppr.and_then(|p| child(p, "numPr")).and_then(num_pr);
            let style = Style {
                name: child_val(s, "name").unwrap_or(id).to_string(),
                based_on: child_val(s, "basedOn").map(str::to_string),
                outline: ppr
                    .and_then(|p| child_val(p, "outlineLvl"))
                    .and_then(|v| v.parse().ok()),
                num,
            };
            by_id.insert(id.to_string(), style);
        }
        Styles { by_id }
    }

    /// The style and those it is based on, nearest first (at most 12, so loops end).
    fn chain<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a Style> + 'a {
        let mut next = Some(id);
        std::iter::from_fn(move || {
            let s = self.by_id.get(next?)?;
            next = s.based_on.as_deref();
            Some(s)
        })
        .take(12)
    }

    /// The heading level (1 = top) of a paragraph style, if it is a heading.
    pub fn heading_level(&self, id: &str) -> Option<u8> {
        let by_name = |name: &str| {
            let n = name.to_ascii_lowercase().replace(' ', "");
            n.strip_prefix("heading")
                .and_then(|d| d.parse::<u8>().ok())
                .filter(|l| (1..=9).contains(l))
        };
        if let Some(l) = by_name(id) {
            return Some(l);
        }
        self.chain(id)
            .find_map(|s| by_name(&s.name).or(s.outline.filter(|o| *o < 9).map(|o| o + 1)))
    }

    /// Is this the document title style?
    pub fn is_title(&self, id: &str) -> bool {
        self.chain(id).any(|s| s.name.eq_ignore_ascii_case("title"))
    }

    /// The numbering a style carries (`numId`, level).
    pub fn numbering(&self, id: &str) -> Option<(String, Option<u8>)> {
        self.chain(id).find_map(|s| s.num.clone())
    }

    /// The style's display name.
    pub fn name<'a>(&'a self, id: &'a str) -> &'a str {
        self.by_id.get(id).map_or(id, |s| s.name.as_str())
    }
}

/// `<w:numPr>` → (`numId`, `ilvl`).
pub fn num_pr(n: Node) -> Option<(String, Option<u8>)> {
    let id = child_val(n, "numId")?.to_string();
    let level = child_val(n, "ilvl").and_then(|v| v.parse().ok());
    Some((id, level))
}

/// One level of a list definition.
#[derive(Debug, Clone)]
struct Level {
    format: String,
    text: String,
    start: u32,
    style: Option<String>,
}

/// What a numbered paragraph shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    /// The text Word shows, e.g. `2.4`, `a)`, `•`.
    pub text: String,
    /// 0-based list level.
    pub level: u8,
    /// A bullet rather than a number.
    pub bullet: bool,
    /// The number at this level (for an ordered list's start).
    pub value: u32,
}

/// numbering.xml, with the running counters of each list.
#[derive(Debug, Default)]
pub struct Numbering {
    abstracts: HashMap<String, Vec<Level>>,
    nums: HashMap<String, (String, HashMap<u8, u32>)>,
    counters: HashMap<String, [Option<u32>; 9]>,
    /// The levels of each list (`numId`) whose start override has restarted the count.
    restarted: HashSet<(String, u8)>,
}

impl Numbering {
    /// Reads numbering.xml.
    pub fn parse(doc: &Document) -> Numbering {
        let mut n = Numbering::default();
        for a in doc.descendants().filter(|x| is_w(*x, "abstractNum")) {
            let Some(id) = wattr(a, "abstractNumId") else {
                continue;
            };
            let mut levels = Vec::new();
            for l in a.children().filter(|x| is_w(*x, "lvl")).take(9) {
                levels.push(Level {
                    format: child_val(l, "numFmt").unwrap_or("decimal").to_string(),
                    text: child_val(l, "lvlText").unwrap_or("").to_string(),
                    start: child_val(l, "start")
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(1),
                    style: child_val(l, "pStyle").map(str::to_string),
                });
            }
            n.abstracts.insert(id.to_string(), levels);
        }
        for num in doc.descendants().filter(|x| is_w(*x, "num")) {
            let (Some(id), Some(abs)) = (wattr(num, "numId"), child_val(num, "abstractNumId"))
            else {
                continue;
            };
            let starts = num
                .children()
                .filter(|x| is_w(*x, "lvlOverride"))
                .filter_map(|o| {
                    let lvl = wattr(o, "ilvl")?.parse().ok()?;
                    // "Restart numbering" in Word: a start override, or a level given anew
                    // with its own start.
                    let start = child_val(o, "startOverride").or_else(|| {
                        let level = o.children().find(|x| is_w(*x, "lvl"))?;
                        child_val(level, "start")
                    })?;
                    Some((lvl, start.parse().ok()?))
                })
                .collect();
            n.nums.insert(id.to_string(), (abs.to_string(), starts));
        }
        n
    }

    /// Counts a paragraph numbered `num_id` at `level` (or the level whose `pStyle` is
    /// `style`) and returns what Word shows for it; `None` for `numId` 0 or an unknown list.
    pub fn next(&mut self, num_id: &str, level: Option<u8>, style: Option<&str>) -> Option<Label> {
        let (abs, starts) = self.nums.get(num_id)?;
        let levels = self.abstracts.get(abs)?;
        let level = level
            .or_else(|| {
                let s = style?;
                levels
                    .iter()
                    .position(|l| l.style.as_deref() == Some(s))
                    .map(|p| p as u8)
            })
            .unwrap_or(0)
            .min(8);
        let def = levels.get(usize::from(level))?;
        let start_of = |l: u8| {
            starts
                .get(&l)
                .copied()
                .or_else(|| levels.get(usize::from(l)).map(|d| d.start))
                .unwrap_or(1)
        };
        let counters = self.counters.entry(abs.clone()).or_insert([None; 9]);
        let here = usize::from(level);
        // A list that restarts its numbering shares its levels with the lists before it, but
        // counts afresh from its start where it first numbers a paragraph at that level.
        if starts.contains_key(&level) && self.restarted.insert((num_id.to_string(), level)) {
            counters[here] = None;
        }
        counters[here] = Some(counters[here].map_or(start_of(level), |c| c.saturating_add(1)));
        for c in counters.iter_mut().skip(here + 1) {
            *c = None;
        }
        let value = counters[here].unwrap_or(1);
        let bullet = def.format == "bullet";
        let mut text = def.text.clone();
        for l in (0..=level).rev() {
            let v = counters[usize::from(l)].unwrap_or_else(|| start_of(l));
            let fmt = levels
                .get(usize::from(l))
                .map_or("decimal", |d| d.format.as_str());
            text = text.replace(&format!("%{}", l + 1), &format_number(v, fmt));
        }
        if bullet {
            text = "•".into();
        }
        Some(Label {
            text,
            level,
            bullet,
            value,
        })
    }
}

fn format_number(v: u32, fmt: &str) -> String {
    let letter = |upper: bool| {
        let base = if upper { b'A' } else { b'a' };
        let n = v.saturating_sub(1) % 26;
        char::from(base + n as u8).to_string()
    };
    match fmt {
        "lowerLetter" => letter(false),
        "upperLetter" => letter(true),
        "lowerRoman" => roman(v).to_lowercase(),
        "upperRoman" => roman(v),
        "none" => String::new(),
        _ => v.to_string(),
    }
}

fn roman(mut v: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (n, s) in TABLE {
        while v >= n && out.len() < 20 {
            out.push_str(s);
            v -= n;
        }
    }
    out
}
