//! A paper: its source files, parsed and checked metadata, and Markdown body.

mod meta;

pub use meta::{AppendixMeta, MetaText, PaperMeta, Status};
