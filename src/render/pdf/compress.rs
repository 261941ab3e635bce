//! Deflating a finished PDF's streams, with one compressor per thread.

use lopdf::{Document, Object, Stream};

/// Compresses every stream that may be, at the fast level (most of the gain for a
/// fraction of the time).
pub(crate) fn compress(doc: &mut Document) {
    COMPRESSOR.with_borrow_mut(|z| {
        for object in doc.objects.values_mut() {
            if let Object::Stream(stream) = object {
                compress_with(z, stream);
            }
        }
    });
}

/// Compresses one stream as [`compress`] would, now: for a page's content stream as soon
/// as it is drawn, so a long paper holds its pages deflated (a stream that already has a
/// filter is left alone by [`compress`] later, so the bytes are the same).
pub(crate) fn compress_stream(stream: &mut Stream) {
    COMPRESSOR.with_borrow_mut(|z| compress_with(z, stream));
}

fn compress_with(z: &mut flate2::Compress, stream: &mut Stream) {
    // Every stream but the XMP packet (which stays readable).
    if stream.dict.get(b"Type").ok().and_then(|t| t.as_name().ok()) != Some(b"Metadata".as_slice())
        && stream.dict.get(b"Filter").is_err()
        && let Some(out) = deflate(z, &stream.content)
        && out.len() + 19 < stream.content.len()
    {
        stream.dict.set("Filter", "FlateDecode");
        stream.set_content(out);
    }
}

thread_local! {
    /// One deflate state per thread, reset before each stream, so its buffers (some
    /// 300 KiB) are allocated once per thread rather than once per stream: allocated and
    /// freed per paper, they made glibc's heap grow with the number of papers (340 MiB
    /// for 1000). It holds nothing between streams but its buffers.
    static COMPRESSOR: std::cell::RefCell<flate2::Compress> =
        std::cell::RefCell::new(flate2::Compress::new(flate2::Compression::fast(), true));
}

/// `data` as a zlib stream, with `z` reset first.
pub(crate) fn deflate(z: &mut flate2::Compress, data: &[u8]) -> Option<Vec<u8>> {
    z.reset();
    let mut out = Vec::with_capacity(data.len() / 2 + 64);
    loop {
        let done = z.total_in() as usize;
        let status = z
            .compress_vec(&data[done..], &mut out, flate2::FlushCompress::Finish)
            .ok()?;
        if status == flate2::Status::StreamEnd {
            // Held until the file is written: a long paper's pages would keep twice
            // the room their deflated streams take.
            out.shrink_to_fit();
            return Some(out);
        }
        out.reserve(out.capacity().max(256));
    }
}
