//! A first pass over an appendix PDF's raw bytes, before lopdf sees them: every dictionary
//! is read with a small lexer of its own, and the values lopdf would size memory or loops
//! from are refused when absurd — an xref stream's `/W`, `/Size` and `/Index`, a stream's
//! `/Length`, the `/DecodeParms` of a filter (`Predictor`, `Colors`, `BitsPerComponent`,
//! `Columns`) — and every Flate stream is inflated once into a fixed buffer, counting, so a
//! file whose streams inflate past the budget is refused without building their content.
//! An allocation failure aborts the process (it cannot be caught), so this runs first.

use flate2::{Decompress, FlushDecompress, Status};

use lex::{Dict, Lexer, Tok, Val};

/// The most objects a PDF may number (PDF 1.7, Annex C).
const MAX_OBJECTS: i64 = 8_388_607;
/// The widest field of an xref stream entry, in bytes (a 64-bit offset).
const MAX_FIELD_WIDTH: i64 = 8;
/// The most columns a predictor row may have.
const MAX_COLUMNS: i64 = 1 << 20;

/// Scans `bytes`; `Err` says, for the author, what is absurd in the file. `inflate_limit`
/// bounds the bytes all of its Flate streams may inflate to, together.
pub fn scan(bytes: &[u8], inflate_limit: u64) -> Result<(), String> {
    let mut lex = Lexer::new(bytes);
    let mut inflated = 0u64;
    while let Some(tok) = lex.next() {
        let Tok::DictOpen = tok else { continue };
        lex.kept = 0;
        let dict = lex.dict(0)?;
        check_dict(&dict, bytes.len())?;
        let at = lex.i;
        if lex.next() != Some(Tok::Keyword(b"stream")) {
            lex.i = at;
            continue;
        }
        let start = stream_start(bytes, lex.i);
        let end = stream_end(bytes, start, &dict);
        if is_flate(&dict) {
            inflated += inflate_len(&bytes[start..end], inflate_limit - inflated)?;
        }
        lex.i = end;
    }
    Ok(())
}

fn get<'d>(d: &'d Dict, key: &[u8]) -> Option<&'d Val> {
    d.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

fn check_dict(d: &Dict, file_len: usize) -> Result<(), String> {
    if get(d, b"Type") == Some(&Val::Name(b"XRef".to_vec())) {
        check_xref(d)?;
    }
    if let Some(v) = get(d, b"Length") {
        match v {
            Val::Int(n) if (0..=file_len as i64).contains(n) => {}
            Val::Int(_) | Val::OtherNumber => {
                return Err(format!(
                    "a stream declares a length of {}, not within the file's {file_len} bytes",
                    shown(v)
                ));
            }
            _ => {}
        }
    }
    for key in [b"DecodeParms".as_slice(), b"DP"] {
        match get(d, key) {
            Some(Val::Dict(p)) => check_parms(p)?,
            Some(Val::Array(ps)) => {
                for p in ps {
                    if let Val::Dict(p) = p {
                        check_parms(p)?;
                    }
                }
            }
            _ => {}
        }
    }
    Ok(())
}

fn check_xref(d: &Dict) -> Result<(), String> {
    let widths = match get(d, b"W") {
        Some(Val::Array(w)) => w.iter().map(int).collect::<Option<Vec<_>>>(),
        _ => None,
    };
    let Some(widths) = widths.filter(|w| w.len() == 3) else {
        return Err("its cross-reference stream has no valid /W (three field widths)".into());
    };
    if let Some(w) = widths.iter().find(|w| !(0..=MAX_FIELD_WIDTH).contains(*w)) {
        return Err(format!(
            "its cross-reference stream declares a field {w} bytes wide (at most {MAX_FIELD_WIDTH})"
        ));
    }
    if widths.iter().sum::<i64>() == 0 {
        return Err("its cross-reference stream declares entries of no width".into());
    }
    let size = get(d, b"Size").and_then(int);
    let Some(size) = size.filter(|s| (0..=MAX_OBJECTS).contains(s)) else {
        let v = get(d, b"Size").map_or("none".to_string(), shown);
        return Err(format!(
            "its cross-reference stream declares /Size {v} (at most {MAX_OBJECTS} objects)"
        ));
    };
    let Some(index) = get(d, b"Index") else {
        return Ok(());
    };
    let pairs = match index {
        Val::Array(a) if a.len() % 2 == 0 => a.iter().map(int).collect::<Option<Vec<_>>>(),
        _ => None,
    };
    let Some(pairs) = pairs else {
        return Err("its cross-reference stream has an /Index that is not pairs of numbers".into());
    };
    let mut total = 0i64;
    for pair in pairs.chunks(2) {
        let (first, count) = (pair[0], pair[1]);
        total = total.saturating_add(count);
        if first < 0 || count < 0 || first.saturating_add(count) > MAX_OBJECTS.max(size) {
            return Err(format!(
                "its cross-reference stream's /Index names objects {first} to {} (at most {MAX_OBJECTS})",
                first.saturating_add(count)
            ));
        }
    }
    if total > MAX_OBJECTS {
        return Err(format!(
            "its cross-reference stream's /Index lists {total} objects (at most {MAX_OBJECTS})"
        ));
    }
    Ok(())
}

/// A decode parameter, whether a value of it is sound, and the sound values in words.
type ParmCheck = (&'static str, fn(i64) -> bool, &'static str);

fn check_parms(p: &Dict) -> Result<(), String> {
    let bad = |key: &str, v: &Val, allowed: &str| {
        Err(format!(
            "a stream's /DecodeParms has /{key} {} ({allowed})",
            shown(v)
        ))
    };
    let checks: [ParmCheck; 4] = [
        (
            "Predictor",
            |n| matches!(n, 1 | 2 | 10..=15),
            "1, 2 or 10 to 15",
        ),
        ("Colors", |n| (1..=32).contains(&n), "1 to 32"),
        (
            "BitsPerComponent",
            |n| matches!(n, 1 | 2 | 4 | 8 | 16),
            "1, 2, 4, 8 or 16",
        ),
        (
            "Columns",
            |n| (1..=MAX_COLUMNS).contains(&n),
            "1 to 1048576",
        ),
    ];
    for (key, ok, allowed) in checks {
        match get(p, key.as_bytes()) {
            Some(Val::Int(n)) if ok(*n) => {}
            Some(v @ (Val::Int(_) | Val::OtherNumber)) => return bad(key, v, allowed),
            _ => {}
        }
    }
    Ok(())
}

fn int(v: &Val) -> Option<i64> {
    match v {
        Val::Int(n) => Some(*n),
        _ => None,
    }
}

fn shown(v: &Val) -> String {
    match v {
        Val::Int(n) => n.to_string(),
        Val::OtherNumber => "a number out of range".into(),
        _ => "of the wrong kind".into(),
    }
}

fn is_flate(d: &Dict) -> bool {
    let flate = |v: &Val| matches!(v, Val::Name(n) if n == b"FlateDecode" || n == b"Fl");
    match get(d, b"Filter") {
        Some(Val::Array(fs)) => fs.first().is_some_and(flate),
        Some(v) => flate(v),
        None => false,
    }
}

/// Where a stream's data begins: after `stream` and its end of line.
fn stream_start(b: &[u8], mut i: usize) -> usize {
    if b.get(i) == Some(&b'\r') {
        i += 1;
    }
    if b.get(i) == Some(&b'\n') {
        i += 1;
    }
    i.min(b.len())
}

/// Where a stream's data ends: after its `/Length` when `endstream` follows there, else
/// at the next `endstream` (or the end of the file).
fn stream_end(b: &[u8], start: usize, d: &Dict) -> usize {
    if let Some(Val::Int(n)) = get(d, b"Length") {
        let end = start.saturating_add(*n as usize).min(b.len());
        let rest = &b[end..];
        let skip = rest.iter().take_while(|c| c.is_ascii_whitespace()).count();
        if rest[skip..].starts_with(b"endstream") {
            return end;
        }
    }
    find(&b[start..], b"endstream").map_or(b.len(), |i| start + i)
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// The number of bytes `data` inflates to, counted through a fixed buffer; an error when
/// it passes `budget`. Data that is not valid Flate counts up to where it breaks (lopdf
/// decides what to make of it).
fn inflate_len(data: &[u8], budget: u64) -> Result<u64, String> {
    let mut z = Decompress::new(true);
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let before_in = z.total_in();
        let before_out = z.total_out();
        let input = &data[(before_in as usize).min(data.len())..];
        let status = z.decompress(input, &mut buf, FlushDecompress::None);
        if z.total_out() > budget {
            return Err(format!(
                "its compressed streams inflate to more than {budget} bytes, ten times `limits.appendix_bytes`"
            ));
        }
        let stuck = z.total_in() == before_in && z.total_out() == before_out;
        match status {
            Ok(Status::StreamEnd) | Err(_) => return Ok(z.total_out()),
            Ok(_) if stuck => return Ok(z.total_out()),
            Ok(_) => {}
        }
    }
}

mod lex;

#[cfg(test)]
mod tests;
