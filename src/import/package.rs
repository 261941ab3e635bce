//! The .docx container: a zip read from memory with limits on entries, sizes and compression
//! ratio, so that a zip bomb, a traversal name or a renamed .doc/PDF is refused with a note.

use std::io::{Cursor, Read};
use std::path::Path;

use crate::diag::Diagnostic;

/// Limits on what a .docx may hold; past one, the file is refused naming the limit.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Size of the .docx file itself.
    pub file_bytes: u64,
    /// Entries in the zip.
    pub entries: usize,
    /// Uncompressed size of one XML part.
    pub part_bytes: u64,
    /// Uncompressed size of one image.
    pub image_bytes: u64,
    /// Uncompressed bytes read from the whole file.
    pub total_bytes: u64,
    /// Uncompressed ÷ compressed size of an entry larger than 1 MiB.
    pub ratio: u64,
    /// XML elements in one part.
    pub xml_nodes: u32,
    /// Nesting depth of XML elements.
    pub xml_depth: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            file_bytes: 100 << 20,
            entries: 5_000,
            part_bytes: 32 << 20,
            image_bytes: 20 << 20,
            total_bytes: 200 << 20,
            ratio: 200,
            xml_nodes: 4_000_000,
            xml_depth: 256,
        }
    }
}

/// An opened .docx: its zip, the path of its main part and how much has been read.
pub struct Package<'a> {
    zip: zip::ZipArchive<Cursor<&'a [u8]>>,
    file: &'a Path,
    limits: Limits,
    read_total: u64,
    /// The main document part, e.g. `word/document.xml`.
    pub main: String,
}

/// An error about the .docx as a whole.
pub fn refuse(file: &Path, code: &'static str, message: impl Into<String>) -> Diagnostic {
    Diagnostic::file_error(code, file, message)
}

const RESAVE: &str = "open it in Word or LibreOffice and save it as “Word Document (.docx)”";

/// Names what `bytes` really is when it is not a zip, for the error message.
fn not_a_zip(file: &Path, bytes: &[u8]) -> Diagnostic {
    // A password-protected .docx is a compound file, as a .doc is, holding the document
    // encrypted in a stream of this name (in UTF-16).
    let encrypted: Vec<u8> = "EncryptedPackage"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0])
        && memchr::memmem::find(bytes, &encrypted).is_some()
    {
        return refuse(
            file,
            "import-not-docx",
            "this Word document is protected by a password, so clerk cannot read it",
        )
        .with_help("open it in Word, remove the password (File › Info › Protect Document › Encrypt with Password, and clear it), save it, and import it again");
    }
    let what = if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        "an old-style Word .doc file, not a .docx"
    } else if bytes.starts_with(b"%PDF") {
        "a PDF, not a Word document"
    } else if bytes.starts_with(b"{\\rtf") {
        "a Rich Text (.rtf) file, not a .docx"
    } else if bytes.is_empty() {
        "empty"
    } else {
        "not a Word document (.docx files are zip archives)"
    };
    refuse(file, "import-not-docx", format!("this file is {what}")).with_help(RESAVE)
}

impl<'a> Package<'a> {
    /// Opens `bytes` as a .docx, checking every entry name and finding the main part.
    pub fn open(file: &'a Path, bytes: &'a [u8], limits: Limits) -> Result<Self, Diagnostic> {
        if bytes.len() as u64 > limits.file_bytes {
            return Err(refuse(
                file,
                "import-too-large",
                format!(
                    "the file is {} MB; clerk imports Word documents up to {} MB",
                    bytes.len() >> 20,
                    limits.file_bytes >> 20
                ),
            )
            .with_help("save the images in it at a lower resolution, or split the paper"));
        }
        if !bytes.starts_with(b"PK") {
            return Err(not_a_zip(file, bytes));
        }
        let zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
            refuse(
                file,
                "import-damaged",
                format!("the file looks like a zip archive but cannot be read ({e})"),
            )
            .with_help(RESAVE)
        })?;
        if zip.len() > limits.entries {
            return Err(refuse(
                file,
                "import-too-large",
                format!(
                    "the file holds {} parts; a Word document has far fewer (limit {})",
                    zip.len(),
                    limits.entries
                ),
            )
            .with_help(RESAVE));
        }
        let mut pkg = Package {
            zip,
            file,
            limits,
            read_total: 0,
            main: String::new(),
        };
        pkg.check_names()?;
        pkg.main = pkg.main_part()?;
        Ok(pkg)
    }

    fn check_names(&mut self) -> Result<(), Diagnostic> {
        for i in 0..self.zip.len() {
            let file = self.file;
            let entry = self
                .zip
                .by_index_raw(i)
                .map_err(|e| Self::damaged(file, e))?;
            let name = entry.name().map(|n| n.into_owned()).unwrap_or_default();
            let absolute = name.starts_with('/') || name.as_bytes().get(1) == Some(&b':');
            if entry.enclosed_name().is_none() || absolute || name.contains('\\') {
                return Err(refuse(
                    self.file,
                    "import-unsafe-name",
                    format!(
                        "the file holds a part named `{}`, which points outside the document",
                        name.escape_debug()
                    ),
                )
                .with_help(
                    "Word never writes such names: the file was made by another program, \
                     perhaps to harm; open it in Word and save it again if you trust it",
                ));
            }
        }
        Ok(())
    }

    fn damaged(file: &Path, e: impl std::fmt::Display) -> Diagnostic {
        refuse(
            file,
            "import-damaged",
            format!("a part of the document cannot be read ({e})"),
        )
        .with_help(RESAVE)
    }

    fn main_part(&mut self) -> Result<String, Diagnostic> {
        if self.has("mimetype") {
            let mime = self.read_text("mimetype")?.unwrap_or_default();
            if mime.contains("opendocument") {
                return Err(refuse(
                    self.file,
                    "import-not-docx",
                    "this file is an OpenDocument (.odt) file, not a .docx",
                )
                .with_help(RESAVE));
            }
        }
        let rels = self.read_text("_rels/.rels")?;
        let target = rels.as_deref().and_then(|r| {
            super::xml::relationships(r)
                .ok()?
                .into_iter()
                .find(|r| r.kind.ends_with("/officeDocument"))
                .map(|r| r.target.trim_start_matches('/').to_string())
        });
        let main = target.unwrap_or_else(|| "word/document.xml".into());
        if !self.has(&main) {
            return Err(refuse(
                self.file,
                "import-missing-part",
                format!("the document has no main text part (`{main}` is missing)"),
            )
            .with_help(format!(
                "the file is damaged or not a Word document; {RESAVE}"
            )));
        }
        Ok(main)
    }

    /// Does the zip hold an entry of this name?
    pub fn has(&self, name: &str) -> bool {
        self.zip.index_for_name(name).is_some()
    }

    /// Reads an XML (or text) part, `None` when absent; refuses parts past the limits.
    pub fn read_text(&mut self, name: &str) -> Result<Option<String>, Diagnostic> {
        let Some(bytes) = self.read_bytes(name, self.limits.part_bytes)? else {
            return Ok(None);
        };
        let text = String::from_utf8(bytes).map_err(|_| {
            refuse(
                self.file,
                "import-damaged",
                format!("the part `{name}` is not UTF-8 text"),
            )
            .with_help(RESAVE)
        })?;
        Ok(Some(text.trim_start_matches('\u{feff}').to_string()))
    }

    /// Reads an image part, `None` when absent.
    pub fn read_image(&mut self, name: &str) -> Result<Option<Vec<u8>>, Diagnostic> {
        self.read_bytes(name, self.limits.image_bytes)
    }

    /// Reads a part, streaming at most `limit` bytes: the sizes the zip declares are not
    /// trusted, so a bomb stops at the limit whatever its header says.
    fn read_bytes(&mut self, name: &str, limit: u64) -> Result<Option<Vec<u8>>, Diagnostic> {
        let Some(index) = self.zip.index_for_name(name) else {
            return Ok(None);
        };
        let file = self.file;
        let ratio = self.limits.ratio;
        let total_left = self.limits.total_bytes.saturating_sub(self.read_total);
        let mut entry = match self.zip.by_index(index) {
            Ok(e) => e,
            Err(e) => return Err(Self::damaged(file, e)),
        };
        let compressed = entry.compressed_size().max(1);
        let cap = limit.min(total_left);
        let mut out = Vec::with_capacity(entry.size().min(cap).min(1 << 20) as usize);
        let read = (&mut entry)
            .take(cap + 1)
            .read_to_end(&mut out)
            .map_err(|e| {
                refuse(
                    file,
                    "import-damaged",
                    format!("the part `{name}` cannot be read ({e})"),
                )
                .with_help(RESAVE)
            })? as u64;
        drop(entry);
        self.read_total += read;
        if read > cap {
            let (what, n) = if cap < limit {
                ("the document's parts together", self.limits.total_bytes)
            } else {
                ("one part", limit)
            };
            return Err(refuse(
                file,
                "import-too-large",
                format!(
                    "`{name}` unpacks to more than {} MB, over the limit for {what}",
                    n >> 20
                ),
            )
            .with_help(
                "a committee paper is far smaller: the file may be a zip bomb, or hold \
                 very large images; save it again with compressed pictures",
            ));
        }
        if read > 1 << 20 && read / compressed > ratio {
            return Err(refuse(
                file,
                "import-too-large",
                format!(
                    "`{name}` unpacks to {} times its packed size, more than a Word \
                     document does (limit {ratio})",
                    read / compressed
                ),
            )
            .with_help("the file may be a zip bomb; if it is genuine, save it again in Word"));
        }
        Ok(Some(out))
    }
}
