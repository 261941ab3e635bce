//! clerk's integration tests, gathered in one binary so the crate is linked once (the
//! mdBook `tests/testsuite` pattern). Each module is one feature; most run the real `clerk`
//! binary on a temporary copy of a fixture project (see `common`). Tests that need programs
//! beyond Rust carry `#[ignore = "needs …"]` and are run by `.ci/run`.

mod common;
mod pdfua_check;

mod a11y;
mod addresses;
mod appendix;
mod appendix_stamps;
mod build;
mod check;
mod commonmark;
mod dates;
mod draft_marks;
mod durability;
mod hostile;
mod hostile_files;
mod hostile_inputs;
mod house_files;
mod import;
mod lang_parts;
mod layers;
mod located;
mod meeting_deferred;
mod meeting_edges;
mod meeting_files;
mod meeting_last_good;
mod meeting_links;
mod meeting_private;
mod meeting_serve;
mod meeting_stray;
mod meetings;
mod output_folder;
mod outputs;
mod pack_links;
mod packs;
mod packs_property;
mod packs_read_back;
mod pdf;
mod pdf_tags;
mod pdfa;
mod pdfa_catalog;
mod pdfa_content;
mod pdfa_file;
mod pdfa_fonts;
mod pdfa_xmp;
mod pdfua;
mod pdfua_structure;
mod private_links;
mod private_renamed;
mod progress;
mod properties;
mod render_options;
mod scaffold;
mod sensitive;
mod serve;
mod serve_browser;
mod serve_hostile;
mod serve_urls;
mod struck_off;
mod tables_tagged;
mod typeset;
mod words;
