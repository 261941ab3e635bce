//! Deflating a finished PDF's streams, with one compressor per thread.

use libdeflater::{CompressionLvl, Compressor};
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

fn compress_with(z: &mut Compressor, stream: &mut Stream) {
    // Every stream but the XMP packet (which stays readable) and the shortest.
    if stream.content.len() >= SHORTEST
        && stream.dict.get(b"Type").ok().and_then(|t| t.as_name().ok())
            != Some(b"Metadata".as_slice())
        && stream.dict.get(b"Filter").is_err()
        && let Some(out) = deflate(z, &stream.content)
        && out.len() + 19 < stream.content.len()
    {
        stream.dict.set("Filter", "FlateDecode");
        stream.set_content(out);
    }
}

/// The shortest stream worth deflating, in bytes. Below it deflate's framing (zlib header,
/// block codes, checksum) and the `/Filter` entry leave little or nothing to gain, while
/// each stream costs the compressor a fixed few microseconds (clearing its hash table,
/// building a block's codes): a pack's page stamps, some 130 bytes each, were a stream
/// a page and 1.5% of a full build's CPU, and none got smaller (outputs are the same
/// bytes without them).
const SHORTEST: usize = 200;

/// libdeflate's fastest level that compresses (0 stores).
const LEVEL: CompressionLvl = match CompressionLvl::new(1) {
    Ok(level) => level,
    Err(_) => CompressionLvl::fastest(),
};

thread_local! {
    /// One compressor per thread, made once: it holds nothing between streams but its
    /// buffers.
    static COMPRESSOR: std::cell::RefCell<Compressor> =
        std::cell::RefCell::new(Compressor::new(LEVEL));
}

/// `data` as a zlib stream, by libdeflate at its fastest level: as fast as zlib's fastest
/// (zlib-rs's `deflate_quick`) and some 15% smaller, its blocks having Huffman codes of
/// their own rather than the fixed ones; the bytes depend on libdeflate's version only.
fn deflate(z: &mut Compressor, data: &[u8]) -> Option<Vec<u8>> {
    let mut out = vec![0; z.zlib_compress_bound(data.len())];
    let n = z.zlib_compress(data, &mut out).ok()?;
    out.truncate(n);
    // Held until the file is written: a long paper's pages would keep twice the room
    // their deflated streams take.
    out.shrink_to_fit();
    Some(out)
}

#[cfg(test)]
mod tests {
    use lopdf::{Dictionary, Stream};

    use super::{SHORTEST, compress_stream};

    #[test]
    fn a_stream_shorter_than_the_shortest_is_left_as_it_is() {
        // Zeros deflate to a few bytes: only the length decides.
        let mut short = Stream::new(Dictionary::new(), vec![0; SHORTEST - 1]);
        compress_stream(&mut short);
        assert!(short.dict.get(b"Filter").is_err());
        assert_eq!(short.content, vec![0; SHORTEST - 1]);
        let mut long = Stream::new(Dictionary::new(), vec![0; SHORTEST]);
        compress_stream(&mut long);
        assert_eq!(
            long.dict.get(b"Filter").unwrap().as_name().unwrap(),
            b"FlateDecode"
        );
        assert!(long.content.len() < 32);
    }
}
