//! Synthetic bad files for the checker's own tests: a one-page PDF with just the
//! structure elements, annotations and catalog entries a test needs.

use lopdf::{Dictionary, Document, Object, ObjectId, Stream, dictionary};

use super::Pdf;

/// A one-page PDF with the structure elements `elems` (type, index of the parent among
/// `elems` or `None` for the root, further entries), the annotations `annots` (each held,
/// when its `usize` says so, by that element through the parent tree) and catalog
/// entries `catalog`: a synthetic bad file for the rules above.
pub fn synthetic(
    elems: &[(&str, Option<usize>, Dictionary)],
    annots: &[(Dictionary, Option<usize>)],
    catalog: Dictionary,
) -> Pdf {
    let mut doc = Document::with_version("1.7");
    let pages = doc.new_object_id();
    let page = doc.new_object_id();
    let root = doc.new_object_id();
    let ids: Vec<ObjectId> = elems.iter().map(|_| doc.new_object_id()).collect();
    let mut kid_lists: Vec<Vec<Object>> = vec![Vec::new(); elems.len()];
    let mut top = Vec::new();
    for (n, (_, parent, _)) in elems.iter().enumerate() {
        match parent {
            Some(p) => kid_lists[*p].push(ids[n].into()),
            None => top.push(ids[n].into()),
        }
    }
    let mut annot_refs = Vec::new();
    let mut nums = Vec::new();
    for (k, (a, holder)) in annots.iter().enumerate() {
        let mut a = a.clone();
        a.set("Type", "Annot");
        if let Some(h) = holder {
            a.set("StructParent", k as i64);
            nums.push(Object::Integer(k as i64));
            nums.push(ids[*h].into());
        }
        let id = doc.add_object(a);
        if let Some(h) = holder {
            kid_lists[*h].push(Object::Dictionary(
                dictionary! { "Type" => "OBJR", "Obj" => id },
            ));
        }
        annot_refs.push(Object::Reference(id));
    }
    for (n, (ty, parent, extra)) in elems.iter().enumerate() {
        let mut d = dictionary! {
            "Type" => "StructElem",
            "S" => *ty,
            "P" => parent.map_or(root, |p| ids[p]),
            "K" => kid_lists[n].clone(),
        };
        for (k, v) in extra.iter() {
            d.set(k.clone(), v.clone());
        }
        doc.objects.insert(ids[n], Object::Dictionary(d));
    }
    let parent_tree = doc.add_object(dictionary! { "Nums" => nums });
    doc.objects.insert(
        root,
        Object::Dictionary(dictionary! {
            "Type" => "StructTreeRoot", "K" => top, "ParentTree" => parent_tree,
        }),
    );
    let contents = doc.add_object(Stream::new(dictionary! {}, Vec::new()));
    doc.objects.insert(
        page,
        Object::Dictionary(dictionary! {
            "Type" => "Page", "Parent" => pages, "Contents" => contents, "Annots" => annot_refs,
            "MediaBox" => vec![0.into(), 0.into(), 100.into(), 100.into()],
        }),
    );
    doc.objects.insert(
        pages,
        Object::Dictionary(
            dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 },
        ),
    );
    let mut cat = dictionary! { "Type" => "Catalog", "Pages" => pages, "StructTreeRoot" => root };
    for (k, v) in catalog.iter() {
        cat.set(k.clone(), v.clone());
    }
    let catalog = doc.add_object(cat);
    doc.trailer.set("Root", catalog);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).expect("a synthetic PDF saves");
    Pdf::load("synthetic", &bytes)
}
