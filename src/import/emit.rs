//! Runs, lists and tables → Markdown text: escaping, emphasis, links, footnote references,
//! images written out beside the paper, and "paragraph 2.1" turned into a citation.

use std::collections::{BTreeSet, HashMap};

use super::Note;
pub use super::cite::ref_spans;
use super::docx::{Block, Para, Run};
use super::header::short;
use super::package::Package;
pub use super::place::{anchor, anchor_text, para_at, place, place_at};

/// Where inline content goes and what it brings with it.
pub struct Emitter<'p, 'b> {
    /// The package, for reading images.
    pub pkg: &'p mut Package<'b>,
    /// Folder (beside the paper) the images are written to, e.g. `paper-images`.
    pub image_dir: String,
    /// Images to write: (file name, bytes).
    pub images: Vec<(String, Vec<u8>)>,
    image_names: HashMap<String, String>,
    /// Word's ids of the footnotes referenced, in order of first use (numbered 1, 2, … so).
    pub footnotes: Vec<String>,
    /// Document numbers cited as "paragraph 2.1" → the label given to that paragraph.
    pub labels: HashMap<String, String>,
    /// Notes for the user.
    pub notes: Vec<Note>,
    /// Numbers cited that no paragraph has (reported once each).
    pub missing_refs: BTreeSet<String>,
    /// Body sections cited by the number Word gave them → their heading's label.
    pub section_labels: HashMap<String, String>,
    /// Sections cited that no body section has (reported once each).
    pub missing_sections: BTreeSet<String>,
    /// The last paragraph with text, to place a picture that stands alone.
    last_text: String,
    /// Word's ids of the notes the document holds; `None` until set (every id taken as
    /// held). A reference to one it does not hold is left out, with a note.
    pub held_notes: Option<std::collections::HashSet<String>>,
}

impl<'p, 'b> Emitter<'p, 'b> {
    /// A new emitter writing images under `image_dir`.
    pub fn new(pkg: &'p mut Package<'b>, image_dir: String) -> Self {
        Emitter {
            pkg,
            image_dir,
            images: Vec::new(),
            image_names: HashMap::new(),
            footnotes: Vec::new(),
            labels: HashMap::new(),
            notes: Vec::new(),
            missing_refs: BTreeSet::new(),
            section_labels: HashMap::new(),
            missing_sections: BTreeSet::new(),
            last_text: String::new(),
            held_notes: None,
        }
    }

    /// A paragraph's runs as Markdown: one line, or a line for each line break (Shift+Enter)
    /// within it, ended `\`; each line with its block-start characters escaped, so that a line
    /// after a break that starts `- ` or `# ` stays words. Breaks at the paragraph's ends (as
    /// Word leaves one before a page break) break nothing, and breaks in a row are one.
    pub fn paragraph(&mut self, p: &Para) -> String {
        // Only a break puts a line end in the text (`escape` makes any other a space).
        let text = self.inline(&p.runs, p, "\n");
        let plain = p.text();
        if !plain.trim().is_empty() {
            self.last_text = plain;
        }
        let lines: Vec<String> = (text.split('\n'))
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .map(escape_start)
            .collect();
        lines.join("\\\n")
    }

    /// Runs as inline Markdown; `brk` is what a line break becomes.
    pub fn inline(&mut self, runs: &[Run], p: &Para, brk: &str) -> String {
        let mut out = String::new();
        for r in runs {
            match r {
                Run::Text {
                    text,
                    bold,
                    italic,
                    strike,
                } => {
                    let escaped = self.cite(&escape(text));
                    let marked = emphasis(&escaped, *bold, *italic);
                    out.push_str(&if *strike { wrap(&marked, "~~") } else { marked });
                }
                Run::Link { url, runs } => {
                    let text = self.inline(runs, p, " ");
                    let url = url
                        .replace(' ', "%20")
                        .replace('(', "%28")
                        .replace(')', "%29");
                    out.push_str(&format!("[{}]({url})", text.trim()));
                }
                Run::Footnote(id)
                    if self
                        .held_notes
                        .as_ref()
                        .is_some_and(|held| !held.contains(id)) =>
                {
                    // A reference to a note the file does not hold: `[^1]` would be an
                    // unknown footnote in the paper.
                    self.notes.push(
                        Note::warning(
                            "import-missing-part",
                            format!("{} refers to a footnote the document does not hold; the reference is left out", place(p)),
                        )
                        .help("add the footnote by hand if it matters"),
                    );
                }
                Run::Footnote(id) => {
                    let n = match self.footnotes.iter().position(|f| f == id) {
                        Some(i) => i + 1,
                        None => {
                            self.footnotes.push(id.clone());
                            self.footnotes.len()
                        }
                    };
                    out.push_str(&format!("[^{n}]"));
                }
                Run::Image { part, alt } => {
                    out.push_str(&self.image(part.as_deref(), alt.as_deref(), p))
                }
                Run::Break => out.push_str(brk),
            }
        }
        out
    }

    fn image(&mut self, part: Option<&str>, alt: Option<&str>, p: &Para) -> String {
        let place = if p.text().trim().is_empty() && !self.last_text.is_empty() {
            format!("the paragraph after “{}”", short(&self.last_text))
        } else {
            place(p)
        };
        let Some(part) = part else {
            self.notes.push(
                Note::warning("import-image", format!("a picture in {place} is not stored in the document (linked, or a shape) and is left out"))
                    .help("insert the picture itself (Insert → Pictures) and import again, or add it by hand"),
            );
            return String::new();
        };
        let name = match self.image_names.get(part) {
            Some(n) => n.clone(),
            None => match self.pkg.read_image(part) {
                Ok(Some(bytes)) => {
                    let ext = if bytes.starts_with(&[0x89, b'P', b'N', b'G']) {
                        "png"
                    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
                        "jpg"
                    } else {
                        self.notes.push(
                            Note::warning("import-image", format!("a picture in {place} is not PNG or JPEG (`{part}`) and is left out"))
                                .help("save the picture as PNG or JPEG, insert it again and import again"),
                        );
                        return String::new();
                    };
                    let name = format!("image{}.{ext}", self.images.len() + 1);
                    self.images.push((name.clone(), bytes));
                    self.image_names.insert(part.to_string(), name.clone());
                    name
                }
                Ok(None) => {
                    self.notes.push(
                        Note::warning("import-missing-part", format!("a picture in {place} names `{part}`, which the file does not hold; it is left out"))
                            .help("the document is damaged; insert the picture again in Word"),
                    );
                    return String::new();
                }
                Err(d) => {
                    self.notes.push(Note::from_diagnostic(d));
                    return String::new();
                }
            },
        };
        let src = format!("{}/{name}", self.image_dir);
        let alt = alt
            .map(|a| escape(a).replace('\n', " "))
            .unwrap_or_default();
        if alt.is_empty() {
            self.notes.push(
                Note::warning("import-image-alt", format!("the picture in {place} has no alt text"))
                    .help("describe it between the brackets, or add alt text in Word (right-click → View Alt Text) and import again")
                    .at(format!("![]({src})")),
            );
        }
        format!("![{alt}]({src})")
    }

    /// Turns "paragraph 2.1" (and each number of "paragraphs 2.1 and 2.2") into
    /// "paragraph [](#label)" when the number has a label.
    fn cite(&mut self, text: &str) -> String {
        // Paragraphs by their numbers, sections by the word and the number together.
        let mut spans: Vec<(usize, usize, Option<String>)> = ref_spans(text)
            .into_iter()
            .map(|(start, end)| (start, end, None))
            .collect();
        let sections = super::cite::section_spans(text);
        spans.extend(sections.into_iter().map(|(s, e, n)| (s, e, Some(n))));
        spans.sort_by_key(|s| s.0);
        let mut out = String::new();
        let mut last = 0;
        for (start, end, section) in spans {
            if start < last {
                continue;
            }
            out.push_str(&text[last..start]);
            let (found, missing) = match &section {
                Some(n) => (self.section_labels.get(n), &mut self.missing_sections),
                None => (self.labels.get(&text[start..end]), &mut self.missing_refs),
            };
            match found {
                Some(label) => out.push_str(&format!("[](#{label})")),
                None => {
                    missing.insert(section.unwrap_or_else(|| text[start..end].to_string()));
                    out.push_str(&text[start..end]);
                }
            }
            last = end;
        }
        out.push_str(&text[last..]);
        out
    }

    /// A list item's Markdown (one line, indented for its level).
    pub fn table(&mut self, rows: &[Vec<Vec<Block>>], p: &Para) -> String {
        let width = rows.iter().map(Vec::len).max().unwrap_or(0).max(1);
        let several = |c: &Vec<Block>| {
            c.iter()
                .filter(|b| matches!(b, Block::Para(q) if !q.text().trim().is_empty()))
                .count()
                > 1
        };
        if rows.iter().flatten().any(several) {
            self.notes.push(
                Note::warning("import-table-cell", format!("a table after {} has cells of several paragraphs or bullets, each joined into one line", place(p)))
                    .help("a Markdown table's cell is one line; check the joined cells read well, or put the list in the text after the table")
                    .at(anchor(p)),
            );
        }
        let mut out = String::new();
        for (i, row) in rows.iter().enumerate() {
            let mut cells: Vec<String> = row.iter().map(|c| self.cell(c, p)).collect();
            cells.resize(width, String::new());
            out.push_str(&format!("| {} |\n", cells.join(" | ")));
            if i == 0 {
                out.push_str(&format!("|{}\n", " --- |".repeat(width)));
            }
        }
        out
    }

    fn cell(&mut self, blocks: &[Block], p: &Para) -> String {
        let mut parts = Vec::new();
        for b in blocks {
            match b {
                Block::Para(q) => parts.push(self.inline(&q.runs, q, " ").trim().to_string()),
                Block::Table(rows) => {
                    self.notes.push(
                        Note::warning("import-table", format!("a table inside a table cell, after {}, is flattened to text", place(p)))
                            .help("Markdown tables cannot nest; split the table in Word, or rework it by hand"),
                    );
                    for row in rows {
                        for c in row {
                            parts.push(self.cell(c, p));
                        }
                    }
                }
            }
        }
        parts
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
            .replace('|', "\\|")
    }
}

/// Backslash-escapes what Markdown would read as markup.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '~' => out.push('\\'),
            '{' if chars.get(i + 1) == Some(&'#') => out.push('\\'),
            '&' if entity_like(&chars[i + 1..]) => out.push('\\'),
            '\n' => {
                out.push(' ');
                continue;
            }
            _ => {}
        }
        out.push(c);
    }
    out
}

fn entity_like(rest: &[char]) -> bool {
    let n = rest
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || **c == '#')
        .count();
    n > 0 && rest.get(n) == Some(&';')
}

/// Escapes a line start that Markdown would read as a heading, quote, list or rule.
pub fn escape_start(line: &str) -> String {
    let first = line.chars().next();
    if matches!(first, Some('#' | '>' | '-' | '+' | '=' | '|')) {
        return format!("\\{line}");
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && digits < 10 {
        let rest = &line[digits..];
        if (rest.starts_with(". ") || rest.starts_with(") ")) || rest == "." || rest == ")" {
            return format!("{}\\{}", &line[..digits], rest);
        }
    }
    line.to_string()
}

/// Wraps text in `**`/`*`, keeping surrounding spaces outside the markers.
fn emphasis(text: &str, bold: bool, italic: bool) -> String {
    let marker = match (bold, italic) {
        (true, true) => "***",
        (true, false) => "**",
        (false, true) => "*",
        (false, false) => return text.to_string(),
    };
    wrap(text, marker)
}

/// `text` between `marker`s, its leading and trailing spaces kept outside them.
fn wrap(text: &str, marker: &str) -> String {
    let core = text.trim();
    if core.is_empty() {
        return text.to_string();
    }
    let lead = &text[..text.len() - text.trim_start().len()];
    let trail = &text[text.trim_end().len()..];
    format!("{lead}{marker}{core}{marker}{trail}")
}
