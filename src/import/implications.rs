//! An `Implications` section whose sub-headings name the house's implications (`Financial`,
//! `Legal`), as some templates write them: each sub-heading's part made that implication's
//! section, so its text goes into the metadata as the implication it is, and the paper
//! does not print the house's "no implications" sentence beside it.

use crate::config::HouseStyle;

use super::body::{Kind, Section, Unit};
use super::header::normalise;
use super::heading::kind_of;

/// Splits each body section headed `Implications` whose every sub-heading names one of the
/// house's implications (see [`implication`]) into those implications' sections, in order;
/// the text before its first sub-heading stays under the heading. Any other is left.
pub(super) fn split(sections: &mut Vec<Section>, house: &HouseStyle) {
    let mut i = 0;
    while i < sections.len() {
        let s = &sections[i];
        let subs: Vec<Option<String>> = s
            .units
            .iter()
            .filter_map(|u| match u {
                Unit::SubHeading(p) => Some(implication(&p.text(), house)),
                _ => None,
            })
            .collect();
        let headed = matches!(s.kind, Kind::Body(_)) && normalise(&s.heading) == "implications";
        if !headed || subs.is_empty() || subs.contains(&None) {
            i += 1;
            continue;
        }
        let whole = sections.remove(i);
        let mut intro = Section {
            units: Vec::new(),
            ..whole.clone()
        };
        let mut parts: Vec<Section> = Vec::new();
        let mut keys = subs.into_iter().flatten();
        for unit in whole.units {
            match unit {
                Unit::SubHeading(_) => {
                    let key = keys.next().unwrap_or_default();
                    let heading = (house.implications.iter())
                        .find(|i| i.key == key)
                        .map_or_else(String::new, |i| i.heading.clone());
                    parts.push(Section {
                        kind: Kind::Implication(key),
                        heading,
                        number: None,
                        units: Vec::new(),
                    });
                }
                other => match parts.last_mut() {
                    Some(part) => part.units.push(other),
                    None => intro.units.push(other),
                },
            }
        }
        if !intro.units.is_empty() {
            parts.insert(0, intro);
        }
        let n = parts.len();
        sections.splice(i..i, parts);
        i += n;
    }
}

/// The key of the house's implication a sub-heading names: as a heading (`Financial
/// Implications`), or with `Implications` after it (`Financial`, `Equalities`).
fn implication(sub: &str, house: &HouseStyle) -> Option<String> {
    [sub.to_string(), format!("{sub} implications")]
        .iter()
        .find_map(|h| match kind_of(h, house).0 {
            Kind::Implication(key) => Some(key),
            _ => None,
        })
}
