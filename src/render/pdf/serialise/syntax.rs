//! The PDF syntax of one object (numbers, names, strings, references, dictionaries,
//! streams), written into a buffer as lopdf's writer would write it.

use std::io::Write as _;

use lopdf::{Dictionary, Object, ObjectId, StringFormat};

/// `00` to `99`, two digits apiece.
const PAIRS: [u8; 200] = {
    let mut pairs = [0; 200];
    let mut n = 0;
    while n < 100 {
        pairs[2 * n] = b'0' + (n / 10) as u8;
        pairs[2 * n + 1] = b'0' + (n % 10) as u8;
        n += 1;
    }
    pairs
};

/// `v` in decimal, zero-padded to `width` digits (0: no padding). Two digits a step: a
/// file's cross-reference table is a ten-digit offset for every object, and content
/// streams are mostly numbers.
pub(crate) fn decimal(out: &mut Vec<u8>, mut v: u64, width: usize) {
    let mut buf = [b'0'; 20];
    let mut i = buf.len();
    while v >= 100 {
        let pair = (v % 100) as usize * 2;
        v /= 100;
        i -= 2;
        buf[i..i + 2].copy_from_slice(&PAIRS[pair..pair + 2]);
    }
    if v >= 10 {
        let pair = v as usize * 2;
        i -= 2;
        buf[i..i + 2].copy_from_slice(&PAIRS[pair..pair + 2]);
    } else {
        i -= 1;
        buf[i] = b'0' + v as u8;
    }
    let i = i.min(buf.len() - width.min(buf.len()));
    out.extend_from_slice(&buf[i..]);
}

pub(crate) fn int(out: &mut Vec<u8>, v: i64) {
    if v < 0 {
        out.push(b'-');
    }
    decimal(out, v.unsigned_abs(), 0);
}

/// A blank goes before these, so they do not run into the token before.
pub(super) fn needs_separator(object: &Object) -> bool {
    matches!(
        object,
        Object::Null
            | Object::Boolean(_)
            | Object::Integer(_)
            | Object::Real(_)
            | Object::Reference(_)
    )
}

/// A blank goes after these at the end of an indirect object, before `endobj`.
pub(super) fn needs_end_separator(object: &Object) -> bool {
    needs_separator(object) || matches!(object, Object::Name(_) | Object::Stream(_))
}

pub(super) fn entry(out: &mut Vec<u8>, key: &[u8], value: &Object) {
    name(out, key);
    if needs_separator(value) {
        out.push(b' ');
    }
    object_bytes(out, value);
}

pub(crate) fn dictionary(out: &mut Vec<u8>, dict: &Dictionary) {
    out.extend_from_slice(b"<<");
    for (key, value) in dict {
        entry(out, key, value);
    }
    out.extend_from_slice(b">>");
}

const HEX: &[u8; 16] = b"0123456789ABCDEF";

/// The bytes a name holds as they are: printable, neither white space, a delimiter nor `#`.
const REGULAR: [bool; 256] = {
    let mut regular = [false; 256];
    let mut b = 33;
    while b <= 126 {
        regular[b] = true;
        b += 1;
    }
    let special = b"()<>[]{}/%#";
    let mut k = 0;
    while k < special.len() {
        regular[special[k] as usize] = false;
        k += 1;
    }
    regular
};

pub(crate) fn name(out: &mut Vec<u8>, name: &[u8]) {
    out.push(b'/');
    if name.iter().all(|b| REGULAR[usize::from(*b)]) {
        out.extend_from_slice(name);
        return;
    }
    for &byte in name {
        if REGULAR[usize::from(byte)] {
            out.push(byte);
        } else {
            out.extend_from_slice(&[
                b'#',
                HEX[usize::from(byte >> 4)],
                HEX[usize::from(byte & 15)],
            ]);
        }
    }
}

/// A literal string: backslashes, carriage returns and unbalanced parentheses escaped.
fn literal(out: &mut Vec<u8>, text: &[u8]) {
    let mut escaped = Vec::new();
    let mut open = Vec::new();
    for (index, &byte) in text.iter().enumerate() {
        match byte {
            b'(' => open.push(index),
            b')' => {
                let balanced = open.pop().is_some();
                if !balanced {
                    escaped.push(index);
                }
            }
            b'\\' | b'\r' => escaped.push(index),
            _ => {}
        }
    }
    out.push(b'(');
    if escaped.is_empty() && open.is_empty() {
        out.extend_from_slice(text);
    } else {
        for (index, &byte) in text.iter().enumerate() {
            if escaped.contains(&index) || open.contains(&index) {
                out.push(b'\\');
                out.push(if byte == b'\r' { b'r' } else { byte });
            } else {
                out.push(byte);
            }
        }
    }
    out.push(b')');
}

/// A reference, `n g R`.
pub(crate) fn reference(out: &mut Vec<u8>, (id, generation): ObjectId) {
    int(out, i64::from(id));
    out.push(b' ');
    int(out, i64::from(generation));
    out.extend_from_slice(b" R");
}

pub(crate) fn object_bytes(out: &mut Vec<u8>, object: &Object) {
    match object {
        Object::Null => out.extend_from_slice(b"null"),
        Object::Boolean(true) => out.extend_from_slice(b"true"),
        Object::Boolean(false) => out.extend_from_slice(b"false"),
        Object::Integer(v) => int(out, *v),
        Object::Real(v) => {
            // As lopdf: every digit `Display` gives, and `.0` on a whole number.
            let at = out.len();
            let _ = write!(out, "{v}");
            if v.is_finite() && !out[at..].contains(&b'.') {
                out.extend_from_slice(b".0");
            }
        }
        Object::Name(n) => name(out, n),
        Object::String(text, StringFormat::Literal) => literal(out, text),
        Object::String(text, StringFormat::Hexadecimal) => {
            out.push(b'<');
            for &byte in text {
                out.extend_from_slice(&[HEX[usize::from(byte >> 4)], HEX[usize::from(byte & 15)]]);
            }
            out.push(b'>');
        }
        Object::Array(items) => {
            out.push(b'[');
            for (k, item) in items.iter().enumerate() {
                if k > 0 && needs_separator(item) {
                    out.push(b' ');
                }
                object_bytes(out, item);
            }
            out.push(b']');
        }
        Object::Dictionary(dict) => dictionary(out, dict),
        Object::Stream(stream) => {
            dictionary(out, &stream.dict);
            out.extend_from_slice(b"stream\n");
            out.extend_from_slice(&stream.content);
            out.extend_from_slice(b"\nendstream");
        }
        Object::Reference(id) => reference(out, *id),
    }
}
