//! The memory allocator every clerk program uses: mimalloc, set up to give freed memory back
//! to the system soon.
//!
//! A build allocates and frees many small values per line and glyph; glibc's allocator was
//! about a quarter of a full build's CPU, mimalloc about a tenth (1000 papers: 3.1 → 2.65 s
//! of CPU). The binary and the benchmarks declare it (`#[global_allocator] static GLOBAL:
//! Allocator = Allocator;`), call [`configure`] first thing and
//! [`keep_freed_memory`] when done.

/// The allocator: mimalloc, built without transparent huge pages (`no_thp`: 2 MiB pages
/// made a long paper's resident memory grow by a quarter). What Rust asks of it at an
/// alignment every block has (a word's) goes to `mi_malloc` directly, not through the
/// aligned entry the `mimalloc` crate always takes.
pub struct Allocator;

/// The alignment every mimalloc block has: its blocks are whole words.
const WORD: usize = std::mem::size_of::<usize>();

// SAFETY: each call is mimalloc's own for the same request; blocks from `mi_malloc` are
// word-aligned, so the plain calls serve only layouts aligned to a word or less.
unsafe impl std::alloc::GlobalAlloc for Allocator {
    #[inline]
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        // SAFETY: as above.
        unsafe {
            if layout.align() <= WORD {
                libmimalloc_sys::mi_malloc(layout.size()).cast()
            } else {
                libmimalloc_sys::mi_malloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: std::alloc::Layout) -> *mut u8 {
        // SAFETY: as above.
        unsafe {
            if layout.align() <= WORD {
                libmimalloc_sys::mi_zalloc(layout.size()).cast()
            } else {
                libmimalloc_sys::mi_zalloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: std::alloc::Layout) {
        // SAFETY: `ptr` came from mimalloc.
        unsafe { libmimalloc_sys::mi_free(ptr.cast()) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, new_size: usize) -> *mut u8 {
        // SAFETY: `ptr` came from mimalloc with `layout`.
        unsafe {
            if layout.align() <= WORD {
                libmimalloc_sys::mi_realloc(ptr.cast(), new_size).cast()
            } else {
                libmimalloc_sys::mi_realloc_aligned(ptr.cast(), new_size, layout.align()).cast()
            }
        }
    }
}

/// mimalloc's `mi_option_purge_delay`: its place in `mi_option_t` (mimalloc 3's `mimalloc.h`;
/// `libmimalloc-sys` names the options around it but not this one).
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// How long freed memory is kept for reuse before it goes back to the system, in ms: long
/// enough that an archive's next paper on the same thread reuses what the last one freed
/// (at 10 ms it was given back and faulted in again: 1000 papers took 12% more CPU).
const KEEP_MS: i64 = 100;

/// The same once a long paper is read ([`paper_read`]): its peak is then what it holds. A
/// 1,200-page paper peaks at 109 MiB so, 126 MiB at 100 ms and 146 MiB at mimalloc's
/// default second.
const LONG_PAPER_KEEP_MS: i64 = 10;

/// A paper's text from which it is long ([`paper_read`]): about 90 pages like the seed's
/// (3 KB a page); an ordinary paper is a few kilobytes.
pub const LONG_PAPER_BYTES: usize = 256 * 1024;

/// Freed memory goes back to the system [`KEEP_MS`] after it is freed instead of mimalloc's
/// default second. Call it before any thread starts.
pub fn configure() {
    // SAFETY: sets one of mimalloc's options, for which any value is valid.
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, KEEP_MS) };
}

/// mimalloc's `mi_option_arena_reserve`: its place in `mi_option_t` (mimalloc 3), in KiB.
const ARENA_RESERVE: libmimalloc_sys::mi_option_t = 23;

/// How much address space mimalloc reserves at a time, in KiB: 32 MiB rather than its
/// default GiB. It zeroes the bitmaps of each reservation as it makes it, ~170 KB for a GiB:
/// 42 of a one-paper build's 727 page faults, for a heap that peaks at a few MiB (a
/// one-paper build ran ~1% faster, alternating, 150 rounds; 1000 papers the same, their
/// peak 44 → 40 MB). A bigger heap takes more reservations, each bigger than the last.
const ARENA_KIB: std::ffi::c_long = 32 * 1024;

/// Sets [`ARENA_RESERVE`] before mimalloc starts, which is before `main`: the allocator's
/// first reservation is made then (a constructor with a priority runs before the plain
/// ones, mimalloc's among them).
#[cfg(target_os = "linux")]
#[used]
#[unsafe(link_section = ".init_array.00101")]
static BEFORE_MIMALLOC_STARTS: extern "C" fn() = reserve_less;

#[cfg(target_os = "linux")]
extern "C" fn reserve_less() {
    // The environment's `MIMALLOC_ARENA_RESERVE` still wins, as for any of its options.
    if std::env::var_os("MIMALLOC_ARENA_RESERVE").is_none() {
        // SAFETY: writes one entry of mimalloc's option table (no allocation, no other
        // state), for which any value is valid.
        unsafe { libmimalloc_sys::mi_option_set(ARENA_RESERVE, ARENA_KIB) };
    }
}

/// Told the length of each paper's text as it is read: from the first long one on (see
/// [`LONG_PAPER_BYTES`]), freed memory goes back after [`LONG_PAPER_KEEP_MS`], so what a
/// long paper frees while it is laid out does not add to its peak.
pub fn paper_read(bytes: usize) {
    if bytes >= LONG_PAPER_BYTES {
        // SAFETY: as in `configure`.
        unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, LONG_PAPER_KEEP_MS) };
    }
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

    /// The first reservation is made before `main`, so the option must be set by then.
    #[cfg(target_os = "linux")]
    #[test]
    fn mimalloc_reserves_32_mib_at_a_time_from_the_start() {
        if std::env::var_os("MIMALLOC_ARENA_RESERVE").is_none() {
            // SAFETY: reading an option has no precondition.
            let kib = unsafe { libmimalloc_sys::mi_option_get(ARENA_RESERVE) };
            assert_eq!(kib, ARENA_KIB);
        }
    }

    /// The option set is the purge delay: the only one of mimalloc's whose default is 1000
    /// (unless the environment sets it), and it reads back as set at each step of a run.
    #[test]
    fn the_purge_delay_is_set_for_archives_then_long_papers_then_exit() {
        let env_set = std::env::var_os("MIMALLOC_PURGE_DELAY").is_some()
            || std::env::var_os("MIMALLOC_RESET_DELAY").is_some();
        // SAFETY: reading an option has no precondition.
        let before = unsafe { libmimalloc_sys::mi_option_get(PURGE_DELAY) };
        if !env_set {
            assert_eq!(before, 1000, "mimalloc's default purge delay");
        }
        // SAFETY: as above.
        let delay = || unsafe { libmimalloc_sys::mi_option_get(PURGE_DELAY) };
        configure();
        assert_eq!(delay(), 100);
        paper_read(LONG_PAPER_BYTES - 1);
        assert_eq!(delay(), 100, "an ordinary paper changes nothing");
        paper_read(LONG_PAPER_BYTES);
        assert_eq!(delay(), 10, "a long paper's memory goes back soon");
        paper_read(10);
        assert_eq!(delay(), 10, "and stays so for the rest of the run");
        keep_freed_memory();
        assert_eq!(delay(), -1);
    }

    /// Every block meets the alignment asked of it, on the plain path (a word or less) and
    /// the aligned one, fresh, zeroed and grown.
    #[test]
    fn every_block_is_aligned_as_asked() {
        use std::alloc::{GlobalAlloc, Layout};
        let a = Allocator;
        for align in [1, 2, 4, 8, 16, 32, 64, 4096] {
            for size in (1..=200).chain([1000, 5000, 70_000]) {
                let layout = Layout::from_size_align(size, align).unwrap();
                // SAFETY: a layout of non-zero size; each block is freed by the same allocator.
                unsafe {
                    let p = a.alloc(layout);
                    assert!(
                        !p.is_null() && (p as usize).is_multiple_of(align),
                        "{size} at {align}"
                    );
                    let z = a.alloc_zeroed(layout);
                    assert!(
                        (z as usize).is_multiple_of(align),
                        "zeroed {size} at {align}"
                    );
                    assert!(std::slice::from_raw_parts(z, size).iter().all(|b| *b == 0));
                    p.write_bytes(7, size);
                    let q = a.realloc(p, layout, size * 3);
                    assert!(
                        (q as usize).is_multiple_of(align),
                        "grown {size} at {align}"
                    );
                    assert!(std::slice::from_raw_parts(q, size).iter().all(|b| *b == 7));
                    a.dealloc(q, Layout::from_size_align(size * 3, align).unwrap());
                    a.dealloc(z, layout);
                }
            }
        }
    }
}
