//! The house's own font files (`pdf.fonts` in clerk.yaml): each read and checked, every
//! problem an error at the value that names the file.

use std::path::Path;

use skrifa::FontRef;
use skrifa::raw::TableProvider;

use super::fonts::advances;
use crate::config::{FontFiles, HouseStyle};
use crate::diag::Diagnostic;

/// Reads a house font file named in clerk.yaml at `key` (e.g. `["pdf", "fonts", "bold"]`)
/// and parses it with `parse`; a diagnostic at that value when it cannot.
pub(super) fn house_file<T>(
    root: &Path,
    house: &HouseStyle,
    rel: &Path,
    key: &[&str],
    parse: impl FnOnce(Vec<u8>) -> Option<T>,
) -> Result<T, Diagnostic> {
    // No font file is near this size; /dev/zero or a pipe named as a font is refused.
    const FONT_BYTES: u64 = 64 << 20;
    let shown = rel.display();
    let bytes = crate::fsio::read_limited(&root.join(rel), FONT_BYTES).map_err(|e| {
        let help = match crate::config::near_file(root, rel) {
            Some(near) => crate::config::did_you_mean_file(rel, &near),
            None => {
                "font paths in clerk.yaml are relative to the project folder, for example `fonts/MyFont-Bold.ttf`"
                    .to_string()
            }
        };
        house
            .error_at("font", key, format!("cannot read the font `{shown}` ({e})"))
            .with_help(help)
    })?;
    parse(bytes).ok_or_else(|| {
        house
            .error_at(
                "font",
                key,
                format!("the font `{shown}` is not a TrueType font clerk can embed"),
            )
            .with_help("name a .ttf file with TrueType (glyf) outlines; an .otf, .woff or image file will not do")
    })
}

/// The house's font files with the keys that name them: the five faces, then the fallbacks.
pub(super) fn house_files(files: &FontFiles) -> Vec<(&Path, Vec<String>)> {
    let faces = [
        ("regular", &files.regular),
        ("bold", &files.bold),
        ("italic", &files.italic),
        ("bold_italic", &files.bold_italic),
        ("mono", &files.mono),
    ];
    let key = |k: &str| vec!["pdf".to_string(), "fonts".to_string(), k.to_string()];
    faces
        .into_iter()
        .filter_map(|(k, f)| Some((f.as_deref()?, key(k))))
        .chain(files.fallback.iter().enumerate().map(|(i, f)| {
            let mut k = key("fallback");
            k.push(i.to_string());
            (f.as_path(), k)
        }))
        .collect()
}

/// More fallback fonts than a PDF's font numbering has room for.
pub(super) fn too_many_fallbacks(house: &HouseStyle) -> Option<Diagnostic> {
    let n = house.pdf.fonts.fallback.len();
    (n > usize::from(u8::MAX)).then(|| {
        house
            .error_at(
                "font",
                &["pdf", "fonts", "fallback"],
                format!("{n} fallback fonts is too many"),
            )
            .with_help("list at most 255 fonts under `pdf.fonts.fallback`")
    })
}

/// Reads each of the house's font files and checks it is a TrueType font clerk can embed,
/// without preparing it for shaping: what `clerk check` needs to report what a PDF build
/// would.
pub fn check_house_fonts(root: &Path, house: &HouseStyle) -> Vec<Diagnostic> {
    house_files(&house.pdf.fonts)
        .into_iter()
        .filter_map(|(rel, key)| {
            let key: Vec<&str> = key.iter().map(String::as_str).collect();
            house_file(root, house, rel, &key, |bytes| {
                let fref = FontRef::new(&bytes).ok()?;
                fref.glyf().ok()?;
                fref.hhea().ok()?;
                fref.head().ok()?;
                advances(&fref).map(drop)
            })
            .err()
        })
        .chain(too_many_fallbacks(house))
        .collect()
}
