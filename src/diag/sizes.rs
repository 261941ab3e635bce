//! Sizes said as a person reads them, for messages about files too large.

/// A size in bytes as a person reads it: `31.7 MB`, `512 KB`, `900 bytes` (decimal units,
/// as file managers show them).
pub fn size_in_words(bytes: u64) -> String {
    match bytes {
        0..1_000 => format!("{bytes} bytes"),
        1_000..1_000_000 => format!("{} KB", bytes.div_ceil(1_000)),
        _ => format!("{:.1} MB", bytes as f64 / 1_000_000.0),
    }
}

#[cfg(test)]
mod tests {
    use super::size_in_words;

    #[test]
    fn sizes_are_said_in_the_units_a_file_manager_shows() {
        assert_eq!(size_in_words(900), "900 bytes");
        assert_eq!(size_in_words(512_000), "512 KB");
        assert_eq!(size_in_words(31_697_997), "31.7 MB");
        assert_eq!(size_in_words(20_000_000), "20.0 MB");
    }
}
