//! The images a compiled document shows, wherever they stand (paragraphs, lists, tables,
//! quotes, footnotes, headings, Markdown appendices): the files a build of it read.

use super::{AppendixContent, Block, Document, Image, Inline, Item};

impl Document {
    /// Every image of the document, in reading order (one shown twice is listed twice).
    pub fn images(&self) -> Vec<&Image> {
        let mut out = Vec::new();
        for section in &self.sections {
            inlines(&section.content, &mut out);
            items(&section.items, &mut out);
        }
        for footnote in &self.footnotes {
            blocks(&footnote.blocks, &mut out);
        }
        for appendix in &self.appendices {
            match &appendix.content {
                AppendixContent::Markdown { items: list } => items(list, &mut out),
                AppendixContent::None | AppendixContent::Pdf { .. } => {}
            }
        }
        out
    }
}

fn items<'a>(list: &'a [Item], out: &mut Vec<&'a Image>) {
    for item in list {
        match item {
            Item::Para(para) => blocks(&para.blocks, out),
            Item::SubHeading { content, .. } => inlines(content, out),
        }
    }
}

fn blocks<'a>(list: &'a [Block], out: &mut Vec<&'a Image>) {
    for block in list {
        match block {
            Block::Paragraph { content } => inlines(content, out),
            Block::List { items, .. } => items.iter().for_each(|item| blocks(item, out)),
            Block::Quote { blocks: inner } => blocks(inner, out),
            Block::Table(table) => {
                let cells = table.head.iter().chain(table.rows.iter().flatten());
                cells.for_each(|cell| inlines(cell, out));
            }
            Block::Image(image) => out.push(image),
            Block::Code { .. } | Block::Rule => {}
        }
    }
}

fn inlines<'a>(list: &'a [Inline], out: &mut Vec<&'a Image>) {
    for inline in list {
        match inline {
            Inline::Image(image) => out.push(image),
            Inline::Emph { content }
            | Inline::Strong { content }
            | Inline::Strike { content }
            | Inline::Link { content, .. }
            | Inline::Span { content, .. } => inlines(content, out),
            Inline::Text { .. }
            | Inline::Code { .. }
            | Inline::CrossRef { .. }
            | Inline::FootnoteRef { .. }
            | Inline::SoftBreak
            | Inline::HardBreak => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    /// Every object of the document's serialised form that is an image (it has `path`,
    /// `mime` and `src`): what the build's record of a paper's files once looked for.
    fn serialised(value: &serde_json::Value, out: &mut Vec<PathBuf>) {
        match value {
            serde_json::Value::Object(map) => {
                if let (Some(serde_json::Value::String(path)), Some(_), Some(_)) =
                    (map.get("path"), map.get("mime"), map.get("src"))
                {
                    out.push(PathBuf::from(path));
                }
                map.values().for_each(|v| serialised(v, out));
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| serialised(v, out)),
            _ => {}
        }
    }

    #[test]
    fn every_image_is_found_wherever_it_stands() {
        let dir = tempfile::tempdir().unwrap();
        let papers = dir.path().join("papers");
        std::fs::create_dir_all(&papers).unwrap();
        let png = std::fs::read(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/outside.png"),
        )
        .unwrap();
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
        for name in names {
            std::fs::write(papers.join(format!("{name}.png")), &png).unwrap();
        }
        std::fs::write(
            papers.join("_app.md"),
            "Text.\n\n![in the appendix](i.png)\n",
        )
        .unwrap();
        let body = "# Background\n\nA paragraph ![inline](a.png).\n\n![block](b.png)\n\n\
            - a list ![in a list](c.png)\n\n> a quote ![quoted](d.png)\n\n\
            | head ![in a head](e.png) |\n|---|\n| ![in a cell](f.png) |\n\n\
            A [link ![linked](g.png)](https://example.org) and a note.[^n]\n\n\
            [^n]: A footnote ![noted](h.png).\n";
        let appendix = "appendices:\n  - title: More\n    file: _app.md\n";
        let doc = crate::document::compile::test_paper(dir.path(), appendix, body);
        let found: Vec<PathBuf> = doc.images().iter().map(|i| i.path.clone()).collect();
        let mut expected: Vec<PathBuf> = names
            .iter()
            .map(|n| papers.join(format!("{n}.png")))
            .collect();
        let mut sorted = found.clone();
        sorted.sort();
        expected.sort();
        assert_eq!(sorted, expected, "{found:?}");
        let mut json = Vec::new();
        serialised(&serde_json::to_value(&doc).unwrap(), &mut json);
        json.sort();
        assert_eq!(sorted, json);
    }
}
