//! Normalising the two sides: clerk's wrappers taken off its HTML (table regions, figures,
//! ties, cross-reference numbers, footnote numbers, language spans), then both sides
//! written alike (void tags, entities, newlines beside block tags, bare-address links).

/// One piece of HTML: a tag (`<…>`) or the text between tags.
enum Token {
    Tag(String),
    Text(String),
}

fn tokens(html: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut rest = html;
    while !rest.is_empty() {
        match rest.find('<') {
            Some(0) => {
                let end = rest.find('>').map_or(rest.len(), |e| e + 1);
                out.push(Token::Tag(rest[..end].to_string()));
                rest = &rest[end..];
            }
            Some(at) => {
                out.push(Token::Text(rest[..at].to_string()));
                rest = &rest[at..];
            }
            None => {
                out.push(Token::Text(rest.to_string()));
                rest = "";
            }
        }
    }
    out
}

fn attr<'t>(tag: &'t str, name: &str) -> Option<&'t str> {
    let key = format!(" {name}=\"");
    let at = tag.find(&key)? + key.len();
    let len = tag[at..].find('"')?;
    Some(&tag[at..at + len])
}

fn without_attr(tag: &str, name: &str) -> String {
    let key = format!(" {name}=\"");
    let Some(at) = tag.find(&key) else {
        return tag.to_string();
    };
    let Some(len) = tag[at + key.len()..].find('"') else {
        return tag.to_string();
    };
    format!("{}{}", &tag[..at], &tag[at + key.len() + len + 1..])
}

/// clerk's HTML with its wrappers taken off, so that it reads as `push_html` writes.
pub(super) fn clerk(html: &str) -> String {
    let mut out = String::new();
    // What each open `<span>` was: `None` for a tie, `Some(lang)` for a language span.
    let mut spans: Vec<Option<String>> = Vec::new();
    let mut skip_to_a_end = false;
    let mut in_thead = false;
    for token in tokens(html) {
        let tag = match token {
            Token::Text(t) => {
                if !skip_to_a_end {
                    out.push_str(&t);
                }
                continue;
            }
            Token::Tag(tag) => tag,
        };
        let name = tag_name(&tag);
        match name.as_str() {
            "div" | "/div" | "figure" | "/figure" => {}
            "span" => {
                let lang = attr(&tag, "lang").map(str::to_string);
                if lang.is_some() {
                    out.push('[');
                }
                spans.push(lang);
            }
            "/span" => {
                if let Some(Some(lang)) = spans.pop() {
                    out.push_str(&format!("]{{lang={lang}}}"));
                }
            }
            "a" if attr(&tag, "role") == Some("doc-noteref") => {
                out.push_str("FN");
                skip_to_a_end = true;
            }
            "a" if attr(&tag, "class") == Some("xref") => {
                out.push_str(&without_attr(&tag, "class"));
                skip_to_a_end = true;
            }
            "/a" if skip_to_a_end => {
                skip_to_a_end = false;
                if !out.ends_with("FN") {
                    out.push_str("</a>");
                }
            }
            "thead" => {
                in_thead = true;
                out.push_str(&tag);
            }
            "/thead" => {
                in_thead = false;
                out.push_str(&tag);
            }
            "th" | "td" => {
                let mut t = without_attr(&tag, "scope");
                let class = attr(&t, "class").unwrap_or("").to_string();
                t = without_attr(&t, "class");
                let align = class
                    .split(' ')
                    .find_map(|c| c.strip_prefix("align-"))
                    .map(|a| format!(" style=\"text-align: {a}\""))
                    .unwrap_or_default();
                let cell = if in_thead { "th" } else { name.as_str() };
                out.push_str(&format!("<{cell}{align}{}", &t[1 + name.len()..]));
            }
            "/td" if in_thead => out.push_str("</th>"),
            _ => out.push_str(&tag),
        }
    }
    out
}

fn encode(text: &str) -> String {
    crate::document::markdown::href(text)
}

fn tag_name(tag: &str) -> String {
    tag.trim_start_matches('<')
        .split(|c: char| c.is_whitespace() || c == '>')
        .next()
        .unwrap_or("")
        .trim_end_matches('/')
        .to_ascii_lowercase()
}

const BLOCK: &[&str] = &[
    "p",
    "ul",
    "ol",
    "li",
    "blockquote",
    "pre",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
];

/// Both sides written alike: `<br>` for `<br />`, one spelling per entity, no newline
/// beside a block tag, and a link whose text is its own address (a bare address, which
/// clerk links by GFM's autolink rule) as its text.
pub(super) fn common(html: &str) -> String {
    let html = html.replace(" />", ">").replace("/>", ">");
    let toks = tokens(&html);
    let mut out = String::new();
    let mut k = 0;
    while k < toks.len() {
        match &toks[k] {
            Token::Tag(tag) => {
                if tag_name(tag) == "a"
                    && let (Some(Token::Text(text)), Some(Token::Tag(end))) =
                        (toks.get(k + 1), toks.get(k + 2))
                    && tag_name(end) == "/a"
                    && let Some(href) = attr(tag, "href")
                    && tag.matches('"').count() == 2
                    && (href == encode(text) || href == encode(&format!("http://{text}")))
                {
                    out.push_str(text);
                    k += 3;
                    continue;
                }
                if tag_name(tag) == "img" {
                    // clerk embeds the image's bytes; pulldown-cmark names the file.
                    out.push_str(&without_attr(tag, "src"));
                } else {
                    out.push_str(tag);
                }
            }
            Token::Text(t) => out.push_str(t),
        }
        k += 1;
    }
    // Newlines beside block tags are layout, not content.
    let mut squeezed = String::new();
    let toks = tokens(&out);
    for (k, tok) in toks.iter().enumerate() {
        match tok {
            Token::Tag(tag) => squeezed.push_str(tag),
            Token::Text(t) => {
                let block = |tok: Option<&Token>| {
                    matches!(tok, Some(Token::Tag(tag))
                        if BLOCK.contains(&tag_name(tag).trim_start_matches('/')))
                };
                let mut t = t.as_str();
                if k == 0 || block(toks.get(k.wrapping_sub(1))) {
                    t = t.trim_start_matches('\n');
                }
                if k + 1 == toks.len() || block(toks.get(k + 1)) {
                    t = t.trim_end_matches('\n');
                }
                squeezed.push_str(t);
            }
        }
    }
    squeezed
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&quot;", "\"")
        .replace("&nbsp;", " ")
}
