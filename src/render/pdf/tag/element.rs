//! One structure element, as a lopdf dictionary (the elements the document keeps: the
//! `Document` element, where an appendix's tree is grafted) or written straight into its
//! bytes (every other element of a paper, done with once made). Both give the same bytes
//! once written; a test holds them to that.

use lopdf::{Dictionary, Object, ObjectId};

use super::StructType;
use crate::render::pdf::finish::text;
use crate::render::pdf::serialise::{dictionary, int, name, object_bytes, reference};

/// A kid of an element, with the objects it names.
#[derive(Debug, Clone, Copy)]
pub(super) enum KidRef {
    /// Marked content on the element's own page, by MCID alone.
    Mcid(i64),
    /// A child element.
    Node(ObjectId),
    /// Marked content on another page: an MCR dictionary.
    Mcr { page: ObjectId, mcid: i64 },
    /// An annotation: an OBJR dictionary.
    Objr { page: ObjectId, annot: ObjectId },
}

/// What a `/StructElem` dictionary holds, in the order it is written.
pub(super) struct Element<'a> {
    pub(super) ty: StructType,
    pub(super) parent: ObjectId,
    /// `/Pg`: the page of its first marked content.
    pub(super) page: Option<ObjectId>,
    pub(super) kids: &'a [KidRef],
    pub(super) attrs: Option<&'a Dictionary>,
    pub(super) alt: Option<&'a str>,
    pub(super) lang: Option<&'a str>,
    /// A note's `/ID` (PDF/UA-1 7.9: unique in the document).
    pub(super) id: Option<String>,
}

impl KidRef {
    fn object(self) -> Object {
        match self {
            KidRef::Mcid(mcid) => Object::Integer(mcid),
            KidRef::Node(id) => id.into(),
            KidRef::Mcr { page, mcid } => Object::Dictionary(Dictionary::from_iter([
                ("Type", super::name("MCR")),
                ("Pg", page.into()),
                ("MCID", mcid.into()),
            ])),
            KidRef::Objr { page, annot } => Object::Dictionary(Dictionary::from_iter([
                ("Type", super::name("OBJR")),
                ("Pg", page.into()),
                ("Obj", annot.into()),
            ])),
        }
    }

    /// The kid as [`KidRef::object`] would be written in an array, `first` or not.
    fn write(self, out: &mut Vec<u8>, first: bool) {
        match self {
            KidRef::Mcid(mcid) => {
                if !first {
                    out.push(b' ');
                }
                int(out, mcid);
            }
            KidRef::Node(id) => {
                if !first {
                    out.push(b' ');
                }
                reference(out, id);
            }
            KidRef::Mcr { page, mcid } => {
                kid_dictionary(out, b"MCR", page, b"MCID", |out| int(out, mcid));
            }
            KidRef::Objr { page, annot } => {
                kid_dictionary(out, b"OBJR", page, b"Obj", |out| reference(out, annot));
            }
        }
    }
}

/// `<</Type/ty/Pg page/key value>>`, as a lopdf dictionary of these three is written.
fn kid_dictionary(
    out: &mut Vec<u8>,
    ty: &[u8],
    page: ObjectId,
    key: &[u8],
    value: impl FnOnce(&mut Vec<u8>),
) {
    out.extend_from_slice(b"<</Type/");
    out.extend_from_slice(ty);
    out.extend_from_slice(b"/Pg ");
    reference(out, page);
    out.push(b'/');
    out.extend_from_slice(key);
    out.push(b' ');
    value(out);
    out.extend_from_slice(b">>");
}

impl Element<'_> {
    /// The element as a dictionary.
    pub(super) fn dictionary(&self) -> Dictionary {
        let mut d = Dictionary::from_iter([
            ("Type", super::name("StructElem")),
            ("S", super::name(self.ty.name())),
            ("P", self.parent.into()),
        ]);
        if let Some(p) = self.page {
            d.set("Pg", p);
        }
        // An empty cell has no kids, and so no `/K` (an empty array would be a kid list
        // with nothing in it).
        if !self.kids.is_empty() {
            d.set(
                "K",
                self.kids
                    .iter()
                    .map(|k| k.object())
                    .collect::<Vec<Object>>(),
            );
        }
        if let Some(a) = self.attrs {
            d.set("A", a.clone());
        }
        if let Some(alt) = self.alt {
            d.set("Alt", text(alt));
        }
        if let Some(l) = self.lang {
            d.set("Lang", text(l));
        }
        if let Some(id) = &self.id {
            d.set("ID", Object::string_literal(id.as_str()));
        }
        d
    }

    /// The bytes [`Element::dictionary`] is written as, without building it: a paper has
    /// thousands of elements, and building each as a lopdf dictionary (a hash map, a name
    /// allocated for every key and value) cost more than writing it.
    pub(super) fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(b"<</Type/StructElem/S");
        name(out, self.ty.name().as_bytes());
        out.extend_from_slice(b"/P ");
        reference(out, self.parent);
        if let Some(p) = self.page {
            out.extend_from_slice(b"/Pg ");
            reference(out, p);
        }
        if !self.kids.is_empty() {
            out.extend_from_slice(b"/K[");
            for (k, kid) in self.kids.iter().enumerate() {
                kid.write(out, k == 0);
            }
            out.push(b']');
        }
        if let Some(a) = self.attrs {
            out.extend_from_slice(b"/A");
            dictionary(out, a);
        }
        if let Some(alt) = self.alt {
            out.extend_from_slice(b"/Alt");
            object_bytes(out, &text(alt));
        }
        if let Some(l) = self.lang {
            out.extend_from_slice(b"/Lang");
            object_bytes(out, &text(l));
        }
        if let Some(id) = &self.id {
            out.extend_from_slice(b"/ID");
            object_bytes(out, &Object::string_literal(id.as_str()));
        }
        out.extend_from_slice(b">>");
    }
}

/// A page's parent-tree array (each MCID's element, `null` where none) as written.
pub(super) fn write_parents(out: &mut Vec<u8>, parents: &[Option<ObjectId>]) {
    out.push(b'[');
    for (k, parent) in parents.iter().enumerate() {
        if k > 0 {
            out.push(b' ');
        }
        match parent {
            Some(id) => reference(out, *id),
            None => out.extend_from_slice(b"null"),
        }
    }
    out.push(b']');
}

/// The same array as a lopdf object.
pub(super) fn parents_object(parents: &[Option<ObjectId>]) -> Object {
    Object::Array(
        parents
            .iter()
            .map(|p| p.map_or(Object::Null, Object::Reference))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::pdf::serialise::Prewritten;

    fn written(e: &Element<'_>) -> Vec<u8> {
        let mut out = Vec::new();
        e.write(&mut out);
        out
    }

    /// Every field, every kind of kid, in every position, with and without escapes: the
    /// bytes written straight are those of the dictionary written.
    #[test]
    fn an_element_written_straight_is_its_dictionary_written() {
        let attrs = Dictionary::from_iter([
            ("O", super::super::name("Table")),
            ("Scope", super::super::name("Column")),
        ]);
        let kids_sets: [&[KidRef]; 6] = [
            &[],
            &[KidRef::Mcid(0)],
            &[KidRef::Mcid(3), KidRef::Mcid(-1), KidRef::Node((7, 0))],
            &[
                KidRef::Mcr {
                    page: (4, 0),
                    mcid: 2,
                },
                KidRef::Mcid(5),
                KidRef::Objr {
                    page: (4, 0),
                    annot: (90, 1),
                },
                KidRef::Node((8, 0)),
            ],
            &[KidRef::Node((1234567, 0)), KidRef::Node((2, 3))],
            &[
                KidRef::Objr {
                    page: (4, 0),
                    annot: (9, 0),
                },
                KidRef::Mcr {
                    page: (5, 0),
                    mcid: 0,
                },
            ],
        ];
        let types = [
            StructType::P,
            StructType::H(2),
            StructType::TH,
            StructType::Note,
        ];
        let mut seen = 0;
        for kids in kids_sets {
            for ty in types {
                for with in 0..16u8 {
                    let e = Element {
                        ty,
                        parent: (12, 0),
                        page: (with & 1 != 0).then_some((14, 0)),
                        kids,
                        attrs: (with & 2 != 0).then_some(&attrs),
                        alt: (with & 4 != 0).then_some("A chart (of costs) \\ back) ("),
                        lang: (with & 8 != 0).then_some(if ty == StructType::P {
                            "cy"
                        } else {
                            "gd-GB ñ"
                        }),
                        id: (ty == StructType::Note).then(|| format!("note-{with}")),
                    };
                    let built = Prewritten::form_of(&Object::Dictionary(e.dictionary()));
                    assert_eq!(
                        String::from_utf8_lossy(&written(&e)),
                        String::from_utf8_lossy(&built)
                    );
                    seen += 1;
                }
            }
        }
        assert_eq!(seen, 6 * 4 * 16);
    }

    #[test]
    fn a_parent_array_written_straight_is_its_object_written() {
        for parents in [
            vec![],
            vec![None],
            vec![Some((3, 0))],
            vec![Some((3, 0)), None, Some((40, 2)), None],
            vec![None, None],
        ] {
            let mut out = Vec::new();
            write_parents(&mut out, &parents);
            assert_eq!(out, Prewritten::form_of(&parents_object(&parents)));
        }
    }
}
