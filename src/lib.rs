//! clerk: committee papers (YAML metadata + Markdown body) checked, numbered and rendered.
//!
//! The modules follow the stages, in order, and a module only uses those before it:
//!
//! 1. [`alloc`], [`diag`], [`fsio`], [`yaml`], [`schema`], [`config`]: the memory
//!    allocator, diagnostics, bounded reading of regular files, spanned YAML, the paper
//!    metadata schema and the house style, used by every stage;
//! 2. [`project`]: opens the project and finds each paper's `PaperSource`;
//! 3. [`paper`]: reads a source and checks its metadata into a `Paper`;
//! 4. [`document`]: the `Document` model, and [`document::compile`], which numbers a paper's
//!    body ([`document::markdown`]) and reads its appendix files into one;
//! 5. [`meeting`]: the meeting files read, and each meeting's agenda assembled from them
//!    and the papers' metadata, cross-checked;
//! 6. [`render`]: a `Document` to HTML and PDF bytes;
//! 7. [`output`]: the bytes written atomically, with the index and manifest;
//! 8. [`pipeline`]: runs 2–7 over the project's papers in parallel.
//!
//! On top sit the commands: [`cli`] and [`commands`] (the command line, with [`report`] for
//! printing and exit codes, [`progress`] for the build's bar), [`scaffold`] (`clerk new`, `clerk init`), [`import`] (`clerk
//! import`, a Word paper into a checked one) and [`serve`] (the live preview).

pub mod alloc;
pub mod cli;
pub mod commands;
pub mod config;
pub mod diag;
pub mod document;
pub mod fsio;
pub mod import;
pub mod meeting;
pub mod output;
pub mod paper;
pub mod pipeline;
pub mod progress;
pub mod project;
pub mod render;
pub mod report;
pub mod scaffold;
pub mod schema;
pub mod serve;
pub mod yaml;
