//! Times the three PDF stages (layout, emit, finish) on the seed paper, 200 times each:
//! `cargo run --release --example pdf_stages`.

use clerk::config::HouseStyle;
use clerk::render::RenderOptions;
use clerk::render::pdf::{Fonts, emit, finish, layout};
use std::path::Path;
use std::time::Instant;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let papers = root.join("papers");
    let path = papers.join("policing-performance/2021-09-01-hmics-progress-review.md");
    let house = HouseStyle::default();
    let t = Instant::now();
    let fonts = Fonts::load(root, &house).unwrap();
    println!("fonts load {:?}", t.elapsed());
    let source = clerk::project::walk::source_for(root, &papers, &path);
    let (paper, _) = clerk::paper::load(&source, &house, &mut Default::default());
    let (doc, _) =
        clerk::document::compile::compile(&paper.unwrap(), &house, root, &mut Default::default());
    let doc = doc.unwrap();
    // The first paper of a process pays for lazy caches (harfrust's lookup accelerators).
    let t = Instant::now();
    let mut l = layout::layout(&doc, &RenderOptions::new(&house), &fonts);
    let first_layout = t.elapsed();
    let t = Instant::now();
    let d = emit::emit(&mut l, &fonts, &doc.meta.language, emit::Drawn::Released).unwrap();
    println!(
        "first paper: layout {first_layout:?}, emit {:?}",
        t.elapsed()
    );
    drop(d);
    let srgb = finish::srgb_deflated();
    let n = 200;
    let (mut tl, mut te, mut tf) = (0.0, 0.0, 0.0);
    let mut size = 0;
    for _ in 0..n {
        let t = Instant::now();
        let mut l = layout::layout(&doc, &RenderOptions::new(&house), &fonts);
        tl += t.elapsed().as_secs_f64();
        let t = Instant::now();
        let d = emit::emit(&mut l, &fonts, &doc.meta.language, emit::Drawn::Released).unwrap();
        te += t.elapsed().as_secs_f64();
        let t = Instant::now();
        let meta = finish::Meta {
            title: "t".into(),
            author: "a".into(),
            subject: "s".into(),
            keywords: vec![],
            language: "en".into(),
            timestamp: 0,
            meeting: "m".into(),
            meeting_date: "d".into(),
            agenda_item: None,
            classification: None,
            draft: false,
        };
        let b = finish::finish(d, &l, &[], &meta, &srgb).unwrap();
        tf += t.elapsed().as_secs_f64();
        size = b.len();
    }
    let ms = |x: f64| x * 1000.0 / n as f64;
    println!(
        "layout {:.2} ms, emit {:.2} ms, finish {:.2} ms, {} bytes",
        ms(tl),
        ms(te),
        ms(tf),
        size
    );
}
