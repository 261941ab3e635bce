//! CommonMark-spec-like snippets: the examples #19 names, and one or more for each kind of
//! block and inline a committee paper uses.

/// The snippets, each a piece of a body (a `# Corpus` heading goes before it).
pub(super) const SNIPPETS: &[&str] = &[
    // Tight and loose lists (#19 item 1).
    "- foo\n- bar",
    "- foo\n\n- bar",
    "- a\n  - b\n  - c\n- d",
    "- a\n\n  - b\n- c",
    "1. one\n2. two\n\n3. three",
    "3. three\n4. four",
    "- a\n- b\n\n  more of b\n- c",
    "- a\n  > quoted\n- b",
    "- a\n\n  ```\n  code\n  ```\n- b",
    "- \n- b",
    "* a\n* b\n\n+ c",
    "- a\n    - b\n\n        c\n- d",
    // Email autolinks (#19 item 2).
    "Write to <foo@bar.example.com>.",
    "<https://example.org/a?b=c&d=e>",
    // Link destinations (#19 item 3).
    "[link](</my uri>)",
    "[foo](/föö)",
    "[a](/x\u{a0}y) [b](/q\"uote) [c](/it's)",
    "[link](/url \"title\")",
    "[link](foo%20b&auml;)",
    "[ref]\n\n[ref]: /url/ü \"t\"",
    "[link](#fragment)",
    // Inline markup in headings (#19 item 4).
    "# foo *bar* \\*baz\\*",
    "## With `code` and [a link](https://example.org)",
    "# Strong **words** here",
    // Headings inside lists and quotes (#19 item 5).
    "- # Foo\n- bar",
    "> # Foo\n> bar",
    "- item\n\n  ## Deep heading\n\n  text",
    // Task lists.
    "- [x] done\n- [ ] open",
    // Paragraphs, breaks, emphasis, code.
    "aaa\nbbb",
    "foo  \nbar",
    "foo\\\nbar",
    "*foo* **bar** ***baz*** _qux_",
    "`code` and `` a`b ``",
    "~~struck~~ text",
    "\\*not emphasised\\* and \\# not a heading",
    "&copy; &amp; &#35; &quot;",
    "\"Smart\" quotes -- and --- dashes...",
    // Headings and rules.
    "## Two\n\n### Three",
    "Setext\n------",
    "***\n\n---",
    // Quotes and code.
    "> a\n> b\n>\n> c",
    "> - a\n> - b",
    "```rust\nfn main() {}\n```",
    "    indented code",
    "~~~ text extra\n<b>\n~~~",
    // Tables.
    "| a | b |\n|---|---|\n| 1 | 2 |",
    "| left | centre | right |\n|:--|:-:|--:|\n| x | y | z |",
    "| a |\n|---|\n| `c` and *d* |",
    // Raw HTML (shown as text).
    "<div>\nhello\n</div>",
    "text <b>bold</b> text",
    "<!-- a comment -->",
    // Footnotes (compared as placeholders).
    "A claim.[^1]\n\n[^1]: The note.",
    // Bare web addresses (GFM autolink).
    "See https://example.org/path and www.example.org.",
    // Links with no words, unsafe links.
    "[](https://example.org/x)",
    "[click](javascript:alert(1))",
    // Labels and cross-references.
    "First paragraph. {#first}\n\nSee paragraph [](#first).",
    "# Background {#background}\n\nSee [](#background).",
];
