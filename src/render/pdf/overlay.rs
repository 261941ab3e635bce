//! Drawing over (and under) pages clerk did not lay out: the paper's classification and
//! DRAFT mark on the pages of its PDF appendices, and an agenda pack's stamp on its papers'
//! pages. A page keeps its own content, wrapped in `q … Q` so nothing it leaves set moves
//! what is drawn after it, and gets resources of its own with the forms added, never
//! changing resources other pages share.

use std::collections::BTreeMap;

use lopdf::{Dictionary, Document, Object, ObjectId, Stream};

use super::layout::StampAt;

/// Puts, with `over` (`(q, end)`: a stream `q` and one that starts with `Q`), `page`'s own
/// content between them, and adds `forms` to the
/// XObjects of the page's own copy of its resources, and `multiply` (an ExtGState) as
/// [`MULTIPLY`] to its graphics states.
pub(super) fn wrap_page(
    pdf: &mut Document,
    page: ObjectId,
    over: Option<(ObjectId, ObjectId)>,
    (forms, multiply): (&[(String, ObjectId)], Option<ObjectId>),
) -> Result<(), String> {
    let dict = pdf.get_dictionary(page).map_err(|e| e.to_string())?;
    let mut contents: Vec<Object> = over.map(|(q, _)| Object::from(q)).into_iter().collect();
    match dict.get(b"Contents") {
        Ok(Object::Array(a)) => contents.extend(a.iter().cloned()),
        Ok(o) => contents.push(o.clone()),
        Err(_) => {}
    }
    contents.extend(over.map(|(_, end)| Object::from(end)));

    let mut res = match dict.get(b"Resources") {
        Ok(Object::Reference(r)) => pdf.get_dictionary(*r).map_err(|e| e.to_string())?.clone(),
        Ok(Object::Dictionary(d)) => d.clone(),
        _ => Dictionary::new(),
    };
    let mut xobjects = match res.get(b"XObject") {
        Ok(Object::Reference(r)) => pdf.get_dictionary(*r).cloned().unwrap_or_default(),
        Ok(Object::Dictionary(d)) => d.clone(),
        _ => Dictionary::new(),
    };
    for (name, id) in forms {
        xobjects.set(name.as_bytes(), *id);
    }
    res.set("XObject", xobjects);
    if let Some(state) = multiply {
        let mut states = match res.get(b"ExtGState") {
            Ok(Object::Reference(r)) => pdf.get_dictionary(*r).cloned().unwrap_or_default(),
            Ok(Object::Dictionary(d)) => d.clone(),
            _ => Dictionary::new(),
        };
        states.set(MULTIPLY, state);
        res.set("ExtGState", states);
    }
    let page_dict = pdf.get_dictionary_mut(page).map_err(|e| e.to_string())?;
    page_dict.set("Contents", contents);
    page_dict.set("Resources", res);
    Ok(())
}

/// A stream of `ops`, made once for all the pages that draw the same (`made`).
pub(super) fn shared_stream(
    pdf: &mut Document,
    made: &mut BTreeMap<String, ObjectId>,
    ops: String,
) -> ObjectId {
    if let Some(id) = made.get(&ops) {
        return *id;
    }
    let id = pdf.add_object(Stream::new(Dictionary::new(), ops.clone().into_bytes()));
    made.insert(ops, id);
    id
}

/// How a page is shown: its visible box (the crop box, else the media box) and its turn.
#[derive(Debug, Clone, Copy, PartialEq)]
struct View {
    x0: f32,
    y0: f32,
    w: f32,
    h: f32,
    /// 0, 90, 180 or 270: clockwise, as `/Rotate`.
    rotate: i64,
}

impl View {
    fn of(pdf: &Document, page: &Dictionary) -> Option<View> {
        let rect = |key: &[u8]| -> Option<[f32; 4]> {
            let o = page.get(key).ok()?;
            let a = pdf.dereference(o).ok()?.1.as_array().ok()?;
            let n: Vec<f32> = a.iter().map(number).collect();
            (n.len() == 4).then(|| {
                [
                    n[0].min(n[2]),
                    n[1].min(n[3]),
                    n[0].max(n[2]),
                    n[1].max(n[3]),
                ]
            })
        };
        let [x0, y0, x1, y1] = rect(b"CropBox").or_else(|| rect(b"MediaBox"))?;
        let rotate = page
            .get(b"Rotate")
            .and_then(Object::as_i64)
            .unwrap_or(0)
            .rem_euclid(360);
        Some(View {
            x0,
            y0,
            w: x1 - x0,
            h: y1 - y0,
            rotate: rotate - rotate % 90,
        })
    }

    /// The page's width and height as shown.
    fn shown(self) -> (f32, f32) {
        match self.rotate {
            90 | 270 => (self.h, self.w),
            _ => (self.w, self.h),
        }
    }

    /// The `cm` operators that move what is drawn at `(tx, ty)` on the page as shown
    /// (origin at its bottom left) onto the page: one translation for a page not turned.
    fn cm(self, tx: f32, ty: f32) -> String {
        match self.matrix() {
            [a, b, c, d, e, f] if self.rotate == 0 => {
                format!("{a} {b} {c} {d} {:.2} {:.2} cm", e + tx, f + ty)
            }
            [a, b, c, d, e, f] => {
                format!("{a} {b} {c} {d} {e:.2} {f:.2} cm 1 0 0 1 {tx:.2} {ty:.2} cm")
            }
        }
    }

    /// The matrix taking the page as shown (origin at its bottom left) to its own space.
    fn matrix(self) -> [f32; 6] {
        let View { x0, y0, w, h, .. } = self;
        match self.rotate {
            90 => [0.0, 1.0, -1.0, 0.0, x0 + w, y0],
            180 => [-1.0, 0.0, 0.0, -1.0, x0 + w, y0 + h],
            270 => [0.0, -1.0, 1.0, 0.0, x0, y0 + h],
            _ => [1.0, 0.0, 0.0, 1.0, x0, y0],
        }
    }
}

fn number(o: &Object) -> f32 {
    match o {
        Object::Integer(i) => *i as f32,
        Object::Real(r) => *r,
        _ => 0.0,
    }
}

/// The `cm` operators that put a form of `size` on `page` with its top right corner on
/// the page's as shown (a page without a size: on the form's own).
pub(super) fn top_right(pdf: &Document, page: &Dictionary, size: (f32, f32)) -> String {
    let view = View::of(pdf, page).unwrap_or(View {
        x0: 0.0,
        y0: 0.0,
        w: size.0,
        h: size.1,
        rotate: 0,
    });
    let (dw, dh) = view.shown();
    view.cm(dw - size.0, dh - size.1)
}

/// The name a page's resources give the graphics state that draws the DRAFT mark over an
/// appended page by multiplying: a white page an appendix paints (as a PDF printed from a
/// browser does) would hide a mark drawn under it, and multiplying a light grey over its
/// text leaves the text as dark as it was.
pub(super) const MULTIPLY: &str = "ClerkMultiply";

/// The graphics state [`MULTIPLY`] names: the Multiply blend mode.
pub(super) fn multiply_state() -> Dictionary {
    Dictionary::from_iter([
        ("Type", Object::Name(b"ExtGState".to_vec())),
        ("BM", Object::Name(b"Multiply".to_vec())),
    ])
}

/// The name a page's resources give the `i`th stamp.
fn stamp_name(i: usize) -> String {
    format!("ClerkStamp{}", i + 1)
}

/// Draws `stamps` (forms the size of the house page, `size`) on each of `pages`, as
/// artifacts: each kept to its edge of the page as shown and centred across it (a label,
/// to its top left corner), the
/// classification over the page's content and the DRAFT mark over it too, multiplied in
/// (see [`MULTIPLY`]), so that a page's own white ground cannot hide it.
pub fn stamp_pages(
    pdf: &mut Document,
    stamps: &[(StampAt, ObjectId)],
    size: (f32, f32),
    pages: &[ObjectId],
) -> Result<(), String> {
    if stamps.is_empty() || pages.is_empty() {
        return Ok(());
    }
    let forms: Vec<(String, ObjectId)> = stamps
        .iter()
        .enumerate()
        .map(|(i, (_, id))| (stamp_name(i), *id))
        .collect();
    let mut made = BTreeMap::new();
    let multiply = stamps
        .iter()
        .any(|(at, _)| matches!(at, StampAt::Middle))
        .then(|| pdf.add_object(multiply_state()));
    for &page in pages {
        let dict = pdf.get_dictionary(page).map_err(|e| e.to_string())?;
        let view = View::of(pdf, dict).ok_or("a page of the appendix has no size")?;
        let (dw, dh) = view.shown();
        let mut over = String::new();
        for (i, (at, _)) in stamps.iter().enumerate() {
            let tx = match at {
                StampAt::TopLeft => 0.0,
                _ => (dw - size.0) / 2.0,
            };
            let ty = match at {
                StampAt::Top | StampAt::TopLeft => dh - size.1,
                StampAt::Foot => 0.0,
                StampAt::Middle => (dh - size.1) / 2.0,
            };
            let state = match at {
                StampAt::Middle => format!("/{MULTIPLY} gs "),
                StampAt::Top | StampAt::Foot | StampAt::TopLeft => String::new(),
            };
            over.push_str(&format!(
                "/Artifact BMC\nq {state}{} /{} Do Q\nEMC\n",
                view.cm(tx, ty),
                stamp_name(i)
            ));
        }
        let over = (!over.is_empty()).then(|| {
            let q = shared_stream(pdf, &mut made, "q\n".into());
            (q, shared_stream(pdf, &mut made, format!("Q\n{over}")))
        });
        wrap_page(pdf, page, over, (&forms, multiply))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(rotate: i64) -> View {
        View {
            x0: 10.0,
            y0: 20.0,
            w: 600.0,
            h: 800.0,
            rotate,
        }
    }

    /// Where the matrix puts a point of the page as shown.
    fn apply(m: [f32; 6], (x, y): (f32, f32)) -> (f32, f32) {
        (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])
    }

    #[test]
    fn the_shown_page_maps_onto_the_box_as_it_is_turned() {
        // The shown page's top left corner, for each turn, in the page's own space: the
        // box's top left unturned; its bottom left turned a quarter clockwise (that corner
        // comes to the top left); its bottom right turned half; its top right three quarters.
        let corners = [
            (0, (10.0, 820.0)),
            (90, (10.0, 20.0)),
            (180, (610.0, 20.0)),
            (270, (610.0, 820.0)),
        ];
        for (rotate, want) in corners {
            let v = view(rotate);
            let (_, dh) = v.shown();
            assert_eq!(apply(v.matrix(), (0.0, dh)), want, "rotate {rotate}");
        }
        assert_eq!(view(90).shown(), (800.0, 600.0));
        assert_eq!(view(180).shown(), (600.0, 800.0));
    }

    #[test]
    fn a_page_reads_its_crop_box_before_its_media_box_and_its_turn_in_quarters() {
        let pdf = Document::with_version("1.7");
        let page = Dictionary::from_iter([
            (
                "MediaBox",
                Object::from(vec![0.into(), 0.into(), 612.into(), 792.into()]),
            ),
            (
                "CropBox",
                Object::from(vec![
                    Object::Real(600.0),
                    Object::Real(780.0),
                    10.into(),
                    20.into(),
                ]),
            ),
            ("Rotate", Object::Integer(-90)),
        ]);
        let v = View::of(&pdf, &page).unwrap();
        assert_eq!(
            (v.x0, v.y0, v.w, v.h, v.rotate),
            (10.0, 20.0, 590.0, 760.0, 270)
        );
        let bare = Dictionary::from_iter([(
            "MediaBox",
            Object::from(vec![0.into(), 0.into(), 612.into(), 792.into()]),
        )]);
        let v = View::of(&pdf, &bare).unwrap();
        assert_eq!((v.w, v.h, v.rotate), (612.0, 792.0, 0));
        assert!(View::of(&pdf, &Dictionary::new()).is_none());
    }
}
