//! veraPDF's PDF/A-2 rules about how the file is written, decided on its bytes: the header
//! and its binary comment (6.1.2-1, -2), nothing after the last `%%EOF` (6.1.3-3), the
//! `xref` keyword on a line of its own (6.1.4-2), hex strings of hex digits, an even
//! number of them (6.1.6-1, -2), each stream's `/Length` and line ends (6.1.7-1, -2), and
//! each object's `N G obj` … `endobj` spacing (6.1.9-1). Objects are found through the
//! cross-reference table, as a reader finds them; a file without one (a cross-reference
//! stream) fails, since these rules cannot then be read from it here.

use std::collections::BTreeSet;

use lopdf::{Document, Object};

use super::Pdf;

/// The length of the end-of-line marker at `bytes[at..]` (CR LF, LF or CR), if one is there.
fn eol(bytes: &[u8], at: usize) -> Option<usize> {
    match bytes.get(at..)? {
        [b'\r', b'\n', ..] => Some(2),
        [b'\n', ..] | [b'\r', ..] => Some(1),
        _ => None,
    }
}

/// Is an end-of-line marker just before `at`?
fn eol_before(bytes: &[u8], at: usize) -> bool {
    at > 0 && matches!(bytes[at - 1], b'\n' | b'\r')
}

fn digits(bytes: &[u8], at: usize) -> usize {
    bytes
        .get(at..)
        .map_or(0, |b| b.iter().take_while(|c| c.is_ascii_digit()).count())
}

fn find(bytes: &[u8], from: usize, what: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(what.len())
        .position(|w| w == what)
        .map(|p| p + from)
}

/// Every failure of the file rules in `pdf`, each starting with its rule id.
pub fn pdfa_file(pdf: &Pdf) -> Vec<String> {
    let b = &pdf.bytes;
    let mut bad = BTreeSet::new();
    let mut add = |s: String| {
        bad.insert(s);
    };
    let header = b.starts_with(b"%PDF-1.") && b.get(7).is_some_and(|v| (b'0'..=b'7').contains(v));
    let after_header = eol(b, 8).map(|n| 8 + n);
    if !header || after_header.is_none() {
        add("6.1.2-1: the file does not start with %PDF-1.n and an end of line".into());
    }
    let comment = after_header.and_then(|at| b.get(at..at + 5));
    if !comment.is_some_and(|c| c[0] == b'%' && c[1..].iter().all(|v| *v > 127)) {
        add("6.1.2-2: no % and four bytes over 127 on the line after the header".into());
    }
    let Some(end) = b.windows(5).rposition(|w| w == b"%%EOF") else {
        add("6.1.3-3: no %%EOF".into());
        return bad.into_iter().collect();
    };
    if !matches!(&b[end + 5..], b"" | b"\n" | b"\r" | b"\r\n") {
        add(format!(
            "6.1.3-3: {} bytes after the last %%EOF",
            b.len() - end - 5
        ));
    }
    let start = b[..end]
        .windows(9)
        .rposition(|w| w == b"startxref")
        .and_then(|at| {
            let text = String::from_utf8_lossy(&b[at + 9..end]);
            text.split_whitespace().next()?.parse::<usize>().ok()
        });
    let Some(xref) = start.filter(|at| b.get(*at..).is_some_and(|r| r.starts_with(b"xref"))) else {
        add("6.1.4-2: no cross-reference table where startxref points".into());
        return bad.into_iter().collect();
    };
    let first_line = eol(b, xref + 4).map(|n| xref + 4 + n);
    if first_line.is_none_or(|at| digits(b, at) == 0) {
        add(
            "6.1.4-2: the xref keyword and the subsection header are not one end of line apart"
                .into(),
        );
    }
    let mut at = first_line.unwrap_or(xref + 5);
    let mut offsets = Vec::new();
    // Subsections: `first count` then `count` entries of 20 bytes.
    while digits(b, at) > 0 {
        let line_end = find(b, at, b"\n").unwrap_or(b.len());
        let text = String::from_utf8_lossy(&b[at..line_end]);
        let mut numbers = text
            .split_whitespace()
            .map(|n| n.parse::<u32>().unwrap_or(0));
        let (first, count) = (numbers.next().unwrap_or(0), numbers.next().unwrap_or(0));
        at = line_end + 1;
        for k in 0..count {
            let entry =
                String::from_utf8_lossy(b.get(at..at + 20).unwrap_or_default()).into_owned();
            if entry.get(17..18) == Some("n") {
                let offset = entry[..10].parse::<usize>().unwrap_or(0);
                offsets.push((first + k, offset));
            }
            at += 20;
        }
    }
    // A table that lists no object in use would let every object rule pass unread.
    if offsets.is_empty() {
        add("6.1.9-1: the cross-reference table lists no object in use".into());
    }
    for (number, offset) in offsets {
        object(&pdf.doc, b, number, offset, &mut add);
    }
    if let Some(trailer) = find(b, at, b"trailer") {
        hex_strings(&b[trailer..end], "the trailer", &mut add);
    }
    bad.into_iter().collect()
}

/// 6.1.9-1, 6.1.7-1 and -2, and 6.1.6 for the object `number` written at `offset`.
fn object(doc: &Document, b: &[u8], number: u32, offset: usize, add: &mut impl FnMut(String)) {
    let n = digits(b, offset);
    let g = digits(b, offset + n + 1);
    let head = offset + n + 1 + g;
    let after_obj = head + 4;
    let spaced = n > 0
        && b[offset..offset + n] == *number.to_string().as_bytes()
        && b.get(offset + n) == Some(&b' ')
        && g > 0
        && b.get(head..after_obj) == Some(b" obj".as_slice())
        && eol(b, after_obj).is_some();
    if !spaced {
        add(format!(
            "6.1.9-1: object {number}: not written `{number} G obj` and an end of line"
        ));
        return;
    }
    let body = after_obj + eol(b, after_obj).unwrap_or(0);
    let id = (
        number,
        String::from_utf8_lossy(&b[offset + n + 1..head])
            .parse()
            .unwrap_or(0),
    );
    let what = format!("object {number}");
    let end_of_dictionary = match doc.objects.get(&id) {
        Some(Object::Stream(stream)) => {
            let Some(keyword) = find(b, body, b"stream") else {
                add(format!("6.1.7-2: {what}: no stream keyword"));
                return;
            };
            let data = match b.get(keyword + 6..) {
                Some([b'\r', b'\n', ..]) => keyword + 8,
                Some([b'\n', ..]) => keyword + 7,
                _ => {
                    add(format!(
                        "6.1.7-2: {what}: stream is not followed by CR LF or LF"
                    ));
                    keyword + 7
                }
            };
            let length = match stream.dict.get(b"Length") {
                Ok(Object::Integer(l)) => *l as usize,
                Ok(Object::Reference(r)) => doc
                    .get_object(*r)
                    .ok()
                    .and_then(|l| l.as_i64().ok())
                    .unwrap_or(-1) as usize,
                _ => usize::MAX,
            };
            let close = data.saturating_add(length);
            let ends = eol(b, close).map(|e| close + e);
            match ends.filter(|e| b.get(*e..).is_some_and(|r| r.starts_with(b"endstream"))) {
                Some(e) => {
                    endobj(b, e + 9, &what, add);
                }
                None => add(format!(
                    "6.1.7-1: {what}: /Length {length} does not end where the end of line before endstream begins"
                )),
            }
            keyword
        }
        _ => {
            let Some(close) = find(b, body, b"endobj") else {
                add(format!("6.1.9-1: {what}: no endobj"));
                return;
            };
            if !eol_before(b, close) {
                add(format!(
                    "6.1.9-1: {what}: endobj is not after an end of line"
                ));
            }
            endobj(b, close, &what, add);
            close
        }
    };
    hex_strings(&b[body..end_of_dictionary], &what, add);
}

/// 6.1.9-1 past a stream's `endstream` (or at a plain object's `endobj`, `from`): `endobj`
/// after an end of line, and one after it.
fn endobj(b: &[u8], from: usize, what: &str, add: &mut impl FnMut(String)) {
    let Some(close) = find(b, from, b"endobj") else {
        add(format!("6.1.9-1: {what}: no endobj"));
        return;
    };
    if !eol_before(b, close) || eol(b, close + 6).is_none() {
        add(format!(
            "6.1.9-1: {what}: endobj without an end of line before and after it"
        ));
    }
}

/// 6.1.6-1 and -2 over the hex strings in `text` (literal strings and comments skipped).
fn hex_strings(text: &[u8], what: &str, add: &mut impl FnMut(String)) {
    let mut i = 0;
    while i < text.len() {
        match text[i] {
            b'(' => {
                let mut depth = 0;
                while i < text.len() {
                    match text[i] {
                        b'\\' => i += 1,
                        b'(' => depth += 1,
                        b')' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
            }
            b'%' => {
                while i < text.len() && !matches!(text[i], b'\n' | b'\r') {
                    i += 1;
                }
            }
            b'<' if text.get(i + 1) == Some(&b'<') => i += 1,
            b'<' => {
                let close = text[i..]
                    .iter()
                    .position(|c| *c == b'>')
                    .map_or(text.len(), |p| p + i);
                let inside = &text[i + 1..close];
                let count = inside.iter().filter(|c| !c.is_ascii_whitespace()).count();
                if inside
                    .iter()
                    .any(|c| !c.is_ascii_hexdigit() && !c.is_ascii_whitespace())
                {
                    add(format!(
                        "6.1.6-2: {what}: a hex string holds other than hex digits"
                    ));
                }
                if count % 2 == 1 {
                    add(format!(
                        "6.1.6-1: {what}: a hex string of an odd number of characters"
                    ));
                }
                i = close;
            }
            _ => {}
        }
        i += 1;
    }
}
