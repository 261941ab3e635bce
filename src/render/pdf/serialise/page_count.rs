//! The page count of a PDF clerk wrote, read back for the manifest without parsing the
//! file.

/// The page count of a PDF clerk wrote, for the manifest: the `/Count` of the page tree
/// the trailer's catalog names, found through the cross-reference table from the end of
/// the file, so only a few hundred bytes are read; for a file laid out otherwise, the
/// first page tree found scanning the file.
pub fn page_count(pdf: &[u8]) -> Option<u32> {
    through_xref(pdf).or_else(|| scanned(pdf))
}

pub(super) fn through_xref(pdf: &[u8]) -> Option<u32> {
    let tail_at = pdf.len().saturating_sub(40);
    let at = tail_at + find(&pdf[tail_at..], b"startxref")?;
    let (xref_at, _) = number(&pdf[at + 9..])?;
    let mut rest = pdf
        .get(usize::try_from(xref_at).ok()?..)?
        .strip_prefix(b"xref")?;
    // `(first number, count, entries)` of each subsection.
    let mut sections: Vec<(u64, u64, &[u8])> = Vec::new();
    loop {
        rest = skip_blanks(rest);
        if rest.starts_with(b"trailer") {
            break;
        }
        let (first, r) = number(rest)?;
        let (count, r) = number(r)?;
        let entries = r.strip_prefix(b"\r\n").or_else(|| r.get(1..))?;
        rest = entries.get(usize::try_from(count).ok()? * 20..)?;
        sections.push((first, count, entries));
    }
    let object = |id: u64| -> Option<&[u8]> {
        let (first, _, entries) = sections
            .iter()
            .find(|(first, count, _)| (*first..first + count).contains(&id))?;
        let entry = entries
            .get(usize::try_from(id - first).ok()? * 20..)?
            .get(..18)?;
        if entry[17] != b'n' {
            return None;
        }
        let (offset, _) = number(&entry[..10])?;
        let body = pdf.get(usize::try_from(offset).ok()?..)?;
        Some(&body[..find(body, b"endobj")?])
    };
    let (root, _) = number(after_key(rest, b"/Root")?)?;
    let (pages, _) = number(after_key(object(root)?, b"/Pages")?)?;
    let (count, _) = number(after_key(object(pages)?, b"/Count")?)?;
    u32::try_from(count).ok()
}

/// What follows the key `key` (not a longer name starting with it) in `dict`.
fn after_key<'a>(dict: &'a [u8], key: &[u8]) -> Option<&'a [u8]> {
    let mut from = 0;
    loop {
        let at = from + find(&dict[from..], key)?;
        let rest = &dict[at + key.len()..];
        if rest
            .first()
            .is_some_and(|b| b.is_ascii_whitespace() || b.is_ascii_digit())
        {
            return Some(rest);
        }
        from = at + key.len();
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn skip_blanks(s: &[u8]) -> &[u8] {
    let n = s.iter().take_while(|b| b.is_ascii_whitespace()).count();
    &s[n..]
}

/// The whole number at the start of `s` (after blanks), and what follows it.
fn number(s: &[u8]) -> Option<(u64, &[u8])> {
    let s = skip_blanks(s);
    let n = s.iter().take_while(|b| b.is_ascii_digit()).count();
    let digits = std::str::from_utf8(&s[..n]).ok()?;
    Some((digits.parse().ok()?, &s[n..]))
}

/// The `/Count` of the first page tree in the file.
pub(super) fn scanned(pdf: &[u8]) -> Option<u32> {
    let at = find(pdf, b"/Type/Pages")?;
    let dict_start = pdf[..at].windows(2).rposition(|w| w == b"<<")?;
    let dict = &pdf[dict_start..];
    let end = find(dict, b">>")?;
    let (count, _) = number(&dict[find(&dict[..end], b"/Count")? + 6..])?;
    u32::try_from(count).ok()
}
