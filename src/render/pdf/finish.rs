//! Finishing with lopdf: what makes the emitted file an archival PDF/A-2a (and PDF/UA-1)
//! and reproducible.
//!
//! The Info dictionary and the XMP packet (which declares PDF/A-2 conformance A, PDF/UA-1
//! and the committee properties in a clerk namespace, with the PDF/A extension schemas
//! for `pdfuaid` and `clerk`) agree; an sRGB OutputIntent; `/Lang`, `/MarkInfo`,
//! `/ViewerPreferences`; the outline; link annotations marked printable; streams
//! compressed (`compress`); the bytes written by `serialise`; and the document ID derived from the content, so the same
//! paper always gives the same bytes.

use lopdf::{Dictionary, Document, Object, ObjectId, Stream, StringFormat};
use xxhash_rust::xxh3::Xxh3;

use super::compress;
use super::emit::Emitted;
use super::layout::Layout;
use super::serialise::{self, Prewritten};
use crate::diag::Diagnostic;

const SRGB: &[u8] = include_bytes!("../../../assets/sRGB.icc");

/// [`SRGB`] deflated once and for all (`Compression::best()`, as this crate's deflate made
/// it): deflating it at best took a one-paper run 0.3 ms. A test checks it inflates to
/// [`SRGB`].
const SRGB_DEFLATED: &[u8] = include_bytes!("../../../assets/sRGB.icc.zlib");

/// The sRGB profile deflated (its FlateDecode stream, the same in every PDF).
pub fn srgb_deflated() -> Vec<u8> {
    SRGB_DEFLATED.to_vec()
}
/// The XMP namespace of clerk's committee properties.
pub const NS: &str = "https://clerk.invalid/ns/committee/1.0/";

/// What the metadata says about the paper.
#[derive(Debug, Clone)]
pub struct Meta {
    /// Paper title.
    pub title: String,
    /// Presenter or organisation (house choice).
    pub author: String,
    /// Meeting, date and agenda item.
    pub subject: String,
    /// Keywords.
    pub keywords: Vec<String>,
    /// BCP 47 language.
    pub language: String,
    /// Creation and modification time, seconds since 1970 (the meeting date or
    /// `SOURCE_DATE_EPOCH`).
    pub timestamp: i64,
    /// Committee.
    pub meeting: String,
    /// Meeting date, `YYYY-MM-DD`.
    pub meeting_date: String,
    /// Agenda item.
    pub agenda_item: Option<String>,
    /// Protective marking.
    pub classification: Option<String>,
    /// Does every page carry the DRAFT mark? Said in the XMP (`clerk:status`), so that a
    /// pack knows which of its papers' pages have their own.
    pub draft: bool,
}

pub(crate) use crate::document::appendix::text_string as text;

fn xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// `(PDF date, XMP date)` for a Unix time, in UTC.
pub fn dates(timestamp: i64) -> (String, String) {
    let ts = jiff::Timestamp::from_second(timestamp).unwrap_or(jiff::Timestamp::UNIX_EPOCH);
    let dt = ts.to_zoned(jiff::tz::TimeZone::UTC).datetime();
    let pdf = dt.strftime("D:%Y%m%d%H%M%S+00'00'").to_string();
    let xmp = dt.strftime("%Y-%m-%dT%H:%M:%S+00:00").to_string();
    (pdf, xmp)
}

/// The `clerk:status` of a PDF whose pages carry the DRAFT mark.
pub const DRAFT: &str = "draft";

/// The XMP packet: Dublin Core, PDF and XMP basics, PDF/A identification, the committee
/// properties and the extension schema that declares them.
pub fn xmp(meta: &Meta, producer: &str, doc_id: &str) -> String {
    let (_, date) = dates(meta.timestamp);
    let prop = |name: &str, value: &Option<String>| {
        value.as_ref().map_or(String::new(), |v| {
            format!("   <clerk:{name}>{}</clerk:{name}>\n", xml(v))
        })
    };
    let schema_prop = |name: &str, desc: &str| {
        format!(
            "       <rdf:li rdf:parseType=\"Resource\"><pdfaProperty:name>{name}</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>{desc}</pdfaProperty:description></rdf:li>\n"
        )
    };
    let keywords = meta.keywords.join(", ");
    format!(
        "<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>
<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">
 <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">
  <rdf:Description rdf:about=\"\"
    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"
    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"
    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"
    xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\"
    xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"
    xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"
    xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"
    xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"
    xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\"
    xmlns:clerk=\"{NS}\">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{title}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{author}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">{subject}</rdf:li></rdf:Alt></dc:description>
   <dc:language><rdf:Bag><rdf:li>{lang}</rdf:li></rdf:Bag></dc:language>
   <pdf:Keywords>{keywords}</pdf:Keywords>
   <pdf:Producer>{producer}</pdf:Producer>
   <xmp:CreatorTool>{producer}</xmp:CreatorTool>
   <xmp:CreateDate>{date}</xmp:CreateDate>
   <xmp:ModifyDate>{date}</xmp:ModifyDate>
   <xmp:MetadataDate>{date}</xmp:MetadataDate>
   <xmpMM:DocumentID>uuid:{doc_id}</xmpMM:DocumentID>
   <xmpMM:InstanceID>uuid:{doc_id}</xmpMM:InstanceID>
   <pdfaid:part>2</pdfaid:part>
   <pdfaid:conformance>A</pdfaid:conformance>
   <pdfuaid:part>1</pdfuaid:part>
   <clerk:meeting>{meeting}</clerk:meeting>
   <clerk:meetingDate>{meeting_date}</clerk:meetingDate>
{agenda}{classification}{status}   <pdfaExtension:schemas>
    <rdf:Bag>
     <rdf:li rdf:parseType=\"Resource\">
      <pdfaSchema:schema>clerk committee paper</pdfaSchema:schema>
      <pdfaSchema:namespaceURI>{NS}</pdfaSchema:namespaceURI>
      <pdfaSchema:prefix>clerk</pdfaSchema:prefix>
      <pdfaSchema:property>
       <rdf:Seq>
{p1}{p2}{p3}{p4}{p5}       </rdf:Seq>
      </pdfaSchema:property>
     </rdf:li>
     <rdf:li rdf:parseType=\"Resource\">
      <pdfaSchema:schema>PDF/UA identification schema</pdfaSchema:schema>
      <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
      <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
      <pdfaSchema:property>
       <rdf:Seq>
{ua}       </rdf:Seq>
      </pdfaSchema:property>
     </rdf:li>
    </rdf:Bag>
   </pdfaExtension:schemas>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end=\"r\"?>",
        title = xml(&meta.title),
        author = xml(&meta.author),
        subject = xml(&meta.subject),
        lang = xml(&meta.language),
        keywords = xml(&keywords),
        producer = xml(producer),
        meeting = xml(&meta.meeting),
        meeting_date = xml(&meta.meeting_date),
        agenda = prop("agendaItem", &meta.agenda_item),
        classification = prop("classification", &meta.classification),
        status = prop("status", &meta.draft.then(|| DRAFT.to_string())),
        p1 = schema_prop("meeting", "Committee the paper goes to"),
        p2 = schema_prop("meetingDate", "Date of the meeting (YYYY-MM-DD)"),
        p3 = schema_prop("agendaItem", "Agenda item"),
        p4 = schema_prop("classification", "Protective marking"),
        // Declared where it is used: a final paper's XMP is as it was before drafts said so.
        p5 = if meta.draft {
            schema_prop("status", "draft: every page carries the DRAFT mark")
        } else {
            String::new()
        },
        ua = schema_prop("part", "Part of PDF/UA standard").replace(
            "<pdfaProperty:valueType>Text<",
            "<pdfaProperty:valueType>Integer<"
        ),
    )
}

/// The outline: clerk's bookmarks, then `extra` (appended PDF appendices: a title and the
/// first page each), which open at the top of their page.
fn outline(
    doc: &mut Document,
    layout: &Layout,
    extra: &[(String, ObjectId)],
    pages: &[ObjectId],
) -> Option<ObjectId> {
    let h = layout.page_size.1;
    let entries: Vec<(&str, Object, Object)> = layout
        .bookmarks
        .iter()
        .filter(|b| b.page < pages.len())
        .map(|b| {
            let top = Object::Real(h - b.y + 4.0);
            (b.title.as_str(), pages[b.page].into(), top)
        })
        .chain(
            extra
                .iter()
                .map(|(title, page)| (title.as_str(), (*page).into(), Object::Null)),
        )
        .collect();
    if entries.is_empty() {
        return None;
    }
    let root = doc.new_object_id();
    let ids: Vec<ObjectId> = entries.iter().map(|_| doc.new_object_id()).collect();
    for (k, (title, page, top)) in entries.into_iter().enumerate() {
        let mut d = Dictionary::new();
        d.set("Title", text(title));
        d.set("Parent", root);
        let dest = vec![page, "XYZ".into(), Object::Null, top, Object::Null];
        d.set("Dest", dest);
        if k > 0 {
            d.set("Prev", ids[k - 1]);
        }
        if k + 1 < ids.len() {
            d.set("Next", ids[k + 1]);
        }
        doc.objects.insert(ids[k], Object::Dictionary(d));
    }
    let mut d = Dictionary::new();
    d.set("Type", "Outlines");
    d.set("First", ids[0]);
    d.set("Last", ids[ids.len() - 1]);
    d.set("Count", ids.len() as i64);
    doc.objects.insert(root, Object::Dictionary(d));
    Some(root)
}

/// Finishes the emitted (and tagged) document into the bytes of a PDF/A-2a file.
/// `extra` are the outline entries of appended PDF appendices. `srgb` is [`srgb_deflated`] (or empty to embed the profile as it is).
pub fn finish(
    pdf: Emitted,
    layout: &Layout,
    extra: &[(String, ObjectId)],
    meta: &Meta,
    srgb: &[u8],
) -> Result<Vec<u8>, Diagnostic> {
    let Emitted { mut doc, ahead, .. } = pdf;
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    let outlines = outline(&mut doc, layout, extra, &pages);
    finish_with(doc, &ahead, outlines, meta, srgb, None)
}

/// [`finish`] with the outline already made (`None`: none), e.g. an agenda pack's.
/// `content` is a hash of everything drawn, when the caller has one (a pack hashes its
/// papers' own IDs rather than their streams again); else every stream is hashed.
pub(crate) fn finish_with(
    mut doc: Document,
    ahead: &Prewritten,
    outlines: Option<ObjectId>,
    meta: &Meta,
    srgb: &[u8],
    content: Option<ContentHash>,
) -> Result<Vec<u8>, Diagnostic> {
    let broken = |what: &str| Diagnostic::internal(format!("cannot finish the PDF ({what})"));
    doc.version = "1.7".into();
    let producer = format!("clerk {}", env!("CARGO_PKG_VERSION"));
    let intent = output_intent(&mut doc, srgb);
    compress::compress(&mut doc);
    let (id, uuid) = content_id(&doc, meta, content);
    let packet = xmp(meta, &producer, &uuid);
    let mut md = Dictionary::new();
    md.set("Type", "Metadata");
    md.set("Subtype", "XML");
    let metadata_id = doc.add_object(Stream::new(md, packet.into_bytes()).with_compression(false));

    let catalog = doc.catalog_mut().map_err(|e| broken(&e.to_string()))?;
    catalog.set("Metadata", metadata_id);
    catalog.set("OutputIntents", vec![Object::Dictionary(intent)]);
    describe(catalog, meta, outlines);
    let info_id = doc.add_object(info(meta, &producer));
    doc.trailer.set("Info", info_id);
    let id_obj = Object::String(id.to_vec(), StringFormat::Hexadecimal);
    doc.trailer.set("ID", vec![id_obj.clone(), id_obj]);
    serialise::save_with(&mut doc, ahead).map_err(|e| broken(&e.to_string()))
}

/// The sRGB OutputIntent, its profile added to `doc` (`srgb` deflated, or as it is when
/// empty).
fn output_intent(doc: &mut Document, srgb: &[u8]) -> Dictionary {
    let mut icc = Dictionary::new();
    icc.set("N", 3);
    let icc_id = if srgb.is_empty() {
        doc.add_object(Stream::new(icc, SRGB.to_vec()))
    } else {
        icc.set("Filter", "FlateDecode");
        doc.add_object(Stream::new(icc, srgb.to_vec()))
    };
    let mut intent = Dictionary::new();
    intent.set("Type", "OutputIntent");
    intent.set("S", "GTS_PDFA1");
    intent.set("OutputConditionIdentifier", text("sRGB IEC61966-2.1"));
    intent.set("Info", text("sRGB IEC61966-2.1"));
    intent.set("DestOutputProfile", icc_id);
    intent
}

/// What a PDF's ID is made from: XXH3's 128-bit hash of what it draws. The ID only has to
/// tell one file's content from another's (nothing secret rests on it), and XXH3 reads some
/// ten times as fast as SHA-256, which a full build's papers spent ~1% of their CPU on.
pub(crate) type ContentHash = Xxh3;

/// A [`ContentHash`] of every stream of `doc`, in object order (the same seed every run).
pub(crate) fn hash_streams(doc: &Document) -> ContentHash {
    let mut hash = Xxh3::new();
    for object in doc.objects.values() {
        if let Object::Stream(s) = object {
            hash.update(&s.content);
        }
    }
    hash
}

/// The document ID (16 bytes) and the XMP's document id (as a UUID), both from everything
/// drawn (`content`, or every stream of `doc`) and the metadata, so the same paper always
/// gives the same ones.
fn content_id(doc: &Document, meta: &Meta, content: Option<ContentHash>) -> ([u8; 16], String) {
    let mut hash = content.unwrap_or_else(|| hash_streams(doc));
    hash.update(described(meta).as_bytes());
    let id = hash.digest128().to_be_bytes();
    let hex: String = id.iter().map(|b| format!("{b:02x}")).collect();
    let uuid = format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    );
    (id, uuid)
}

/// The metadata as the document ID hashes it: every field but `draft` (a draft's pages
/// already differ by their DRAFT mark), written as `Meta`'s own `Debug` writes them, so
/// that a final paper keeps the ID it had before drafts said so in their XMP.
fn described(meta: &Meta) -> String {
    struct Fields<'a>(&'a Meta);
    impl std::fmt::Debug for Fields<'_> {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            let m = self.0;
            f.debug_struct("Meta")
                .field("title", &m.title)
                .field("author", &m.author)
                .field("subject", &m.subject)
                .field("keywords", &m.keywords)
                .field("language", &m.language)
                .field("timestamp", &m.timestamp)
                .field("meeting", &m.meeting)
                .field("meeting_date", &m.meeting_date)
                .field("agenda_item", &m.agenda_item)
                .field("classification", &m.classification)
                .finish()
        }
    }
    format!("{:?}", Fields(meta))
}

/// The catalog's language, tagging and viewer entries, and the outline when there is one.
fn describe(catalog: &mut Dictionary, meta: &Meta, outlines: Option<ObjectId>) {
    catalog.set("Lang", text(&meta.language));
    catalog.set(
        "MarkInfo",
        Dictionary::from_iter([("Marked", Object::Boolean(true))]),
    );
    catalog.set(
        "ViewerPreferences",
        Dictionary::from_iter([("DisplayDocTitle", Object::Boolean(true))]),
    );
    match outlines {
        Some(o) => {
            catalog.set("Outlines", o);
            catalog.set("PageMode", "UseOutlines");
        }
        None => {
            catalog.remove(b"Outlines");
            catalog.set("PageMode", "UseNone");
        }
    }
}

/// The Info dictionary, agreeing with the XMP packet.
fn info(meta: &Meta, producer: &str) -> Dictionary {
    let (date, _) = dates(meta.timestamp);
    Dictionary::from_iter([
        ("Title", text(&meta.title)),
        ("Author", text(&meta.author)),
        ("Subject", text(&meta.subject)),
        ("Keywords", text(&meta.keywords.join(", "))),
        ("Creator", text(producer)),
        ("Producer", text(producer)),
        ("CreationDate", text(&date)),
        ("ModDate", text(&date)),
    ])
}

#[cfg(test)]
mod tests;
