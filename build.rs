//! Build script: writes the default house style as JSON, and links the `clerk` binary with
//! packed relative relocations where the C library can load them.
//!
//! The default house style is `assets/clerk.yaml`, the file `clerk init` writes out for
//! a project. A build without a `clerk.yaml` reads it, and one with lays the project's over
//! it, at every start: as YAML that took ~0.3 ms of a one-paper build, as JSON ~5 µs. So
//! it is read here once and written to `$OUT_DIR/clerk.json`, keys in the file's order (a
//! project's mistakes are then found in that order), which `src/config` embeds; a test
//! compares the two.
//!
//! The binary is position-independent (so the system loads it at a random address), and
//! the dynamic loader fixes up ~17,800 pointers in it before `main`: as `.rela.dyn`, 24
//! bytes each (426 KB read and applied at every start). `-z pack-relative-relocs` stores
//! them as `.relr.dyn` (5 KB) instead; a one-paper `clerk build` started ~4% sooner (see
//! the README's Performance section). The linker then makes the binary require glibc 2.36
//! (`GLIBC_ABI_DT_RELR`), so the flag is passed only when building on and for a Linux
//! whose glibc is that recent: elsewhere the binary is linked as before.

// The font preparation clerk also applies to a house's own fonts as it embeds them.
#[allow(dead_code)]
#[path = "src/render/pdf/unhint.rs"]
mod unhint;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    default_house_style();
    embedded_fonts();
    let var = |k: &str| std::env::var(k).unwrap_or_default();
    let native = var("HOST") == var("TARGET");
    let linux_gnu = var("CARGO_CFG_TARGET_OS") == "linux" && var("CARGO_CFG_TARGET_ENV") == "gnu";
    if native && linux_gnu && glibc().is_some_and(|v| v >= (2, 36)) {
        // Only the binaries: libraries, tests and proc macros are linked as before.
        println!("cargo:rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
    }
}

/// The embedded Noto Sans faces, prepared once here rather than in every subset of every
/// PDF: without hinting or glyph names (`src/render/pdf/unhint.rs`), into `$OUT_DIR/fonts/`,
/// which `src/render/pdf/fonts.rs` embeds. The outlines, advances and shaping tables stay
/// as they are (a test compares every glyph with `assets/fonts/`).
fn embedded_fonts() {
    println!("cargo:rerun-if-changed=src/render/pdf/unhint.rs");
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let dir = out.join("fonts");
    std::fs::create_dir_all(&dir).expect("$OUT_DIR/fonts is made");
    for name in [
        "NotoSans-Regular",
        "NotoSans-Bold",
        "NotoSans-Italic",
        "NotoSans-BoldItalic",
        "NotoSansMono-Regular",
    ] {
        let asset = format!("assets/fonts/{name}.ttf");
        println!("cargo:rerun-if-changed={asset}");
        let bytes = std::fs::read(&asset).expect("the embedded fonts are in assets/fonts");
        let plain = unhint::unhint(&bytes).expect("the embedded fonts are TrueType");
        std::fs::write(dir.join(format!("{name}.ttf")), plain).expect("a prepared font is written");
    }
}

/// `assets/clerk.yaml` as JSON in `$OUT_DIR/clerk.json`.
fn default_house_style() {
    println!("cargo:rerun-if-changed=assets/clerk.yaml");
    let yaml = std::fs::read_to_string("assets/clerk.yaml").expect("assets/clerk.yaml is read");
    let value: serde_json::Value =
        serde_saphyr::from_str(&yaml).expect("assets/clerk.yaml is valid YAML");
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let json = serde_json::to_string(&value).expect("a YAML value is written as JSON");
    std::fs::write(out.join("clerk.json"), json).expect("$OUT_DIR/clerk.json is written");
}

/// The version of the glibc this build script runs on (the one the binary will be linked
/// against, the build being native).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn glibc() -> Option<(u32, u32)> {
    unsafe extern "C" {
        fn gnu_get_libc_version() -> *const std::ffi::c_char;
    }
    // SAFETY: glibc returns a pointer to a static NUL-terminated string.
    let text = unsafe { std::ffi::CStr::from_ptr(gnu_get_libc_version()) }
        .to_str()
        .ok()?;
    let mut parts = text.split('.').map(|p| p.parse::<u32>().ok());
    Some((parts.next()??, parts.next()??))
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn glibc() -> Option<(u32, u32)> {
    None
}
