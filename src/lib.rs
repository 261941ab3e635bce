//! clerk: committee papers (YAML metadata + Markdown body) checked, numbered and rendered.
//!
//! The pipeline, one module per stage: [`build::walk`] finds `PaperSource`s,
//! [`paper`] parses and checks them into a `Paper`, [`markdown`] numbers the body into a
//! [`document::Document`], [`render`] turns that into HTML (PDF later), and [`build`] writes
//! the outputs, the index and the manifest; [`serve`] previews them in a browser.

pub mod build;
pub mod cli;
pub mod commands;
pub mod compile;
pub mod config;
pub mod diag;
pub mod document;
pub mod markdown;
pub mod paper;
pub mod render;
pub mod scaffold;
pub mod serve;
pub mod smart;
pub mod yaml;
