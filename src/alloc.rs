//! The memory allocator every clerk program uses: mimalloc, set up to give freed memory back
//! to the system soon.
//!
//! A build allocates and frees many small values per line and glyph; glibc's allocator was
//! about a quarter of a full build's CPU, mimalloc about a tenth (1000 papers: 3.1 → 2.65 s
//! of CPU). The binary and the benchmarks declare it (`#[global_allocator] static GLOBAL:
//! Allocator = Allocator;`), call [`configure`] first thing and
//! [`keep_freed_memory`] when done.

/// The allocator, built without transparent huge pages (`no_thp`: 2 MiB pages made a long
/// paper's resident memory grow by a quarter).
pub use mimalloc::MiMalloc as Allocator;

/// mimalloc's `mi_option_purge_delay`: its place in `mi_option_t` (mimalloc 3's `mimalloc.h`;
/// `libmimalloc-sys` names the options around it but not this one).
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Freed memory goes back to the system 10 ms after it is freed instead of mimalloc's default
/// second, so a long paper's peak is what it holds: a 1,200-page paper peaks at 112 MiB, as
/// with glibc's allocator, against 146 MiB with the default delay. Call it before any thread
/// starts.
pub fn configure() {
    // SAFETY: sets one of mimalloc's options, for which any value is valid.
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, 10) };
}

/// Memory freed from here on is kept until the process ends instead of given back: call it
/// when the work is done. mimalloc tidies its heap when the process exits, and giving back
/// what it freed (an `madvise` a range) was 2% of a one-paper build.
pub fn keep_freed_memory() {
    // SAFETY: as in `configure`; -1 is mimalloc's "never purge".
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, -1) };
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The option set is the purge delay: the only one of mimalloc's whose default is 1000
    /// (unless the environment sets it), and it reads back as set.
    #[test]
    fn configure_sets_the_purge_delay() {
        let env_set = std::env::var_os("MIMALLOC_PURGE_DELAY").is_some()
            || std::env::var_os("MIMALLOC_RESET_DELAY").is_some();
        // SAFETY: reading an option has no precondition.
        let before = unsafe { libmimalloc_sys::mi_option_get(PURGE_DELAY) };
        if !env_set {
            assert_eq!(before, 1000, "mimalloc's default purge delay");
        }
        configure();
        // SAFETY: as above.
        assert_eq!(unsafe { libmimalloc_sys::mi_option_get(PURGE_DELAY) }, 10);
        keep_freed_memory();
        // SAFETY: as above.
        assert_eq!(unsafe { libmimalloc_sys::mi_option_get(PURGE_DELAY) }, -1);
    }
}
