//! The natural order of agenda numbers: `2` < `4.2` < `4.10` < `5.3(b)` < `10`; and the
//! order meetings are listed in.

use std::cmp::Ordering;

/// Agenda numbers compared part by part (parts split at `.`, `(` and `)`), numerically
/// where a part starts with digits: `4.2` < `4.10` < `5`, `4` < `4.1`, `4a` < `4b`,
/// `5.3` < `5.3(a)` < `5.3(b)`; an item with no number comes last.
pub fn compare_agenda(a: Option<&str>, b: Option<&str>) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => {
            let mut pa = parts(a);
            let mut pb = parts(b);
            loop {
                match (pa.next(), pb.next()) {
                    (None, None) => return a.cmp(b),
                    (None, Some(_)) => return Ordering::Less,
                    (Some(_), None) => return Ordering::Greater,
                    (Some(x), Some(y)) => match compare_part(x, y) {
                        Ordering::Equal => {}
                        other => return other,
                    },
                }
            }
        }
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// The parts of a number: `5.3(b)` → `5`, `3`, `b`.
fn parts(n: &str) -> impl Iterator<Item = &str> {
    n.trim()
        .split(['.', '(', ')'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
}

/// `10` > `9`; `4a` < `4b`; a part with a number sorts before one without.
fn compare_part(a: &str, b: &str) -> Ordering {
    fn split(p: &str) -> (Option<u64>, &str) {
        let digits = p.len() - p.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        (p[..digits].parse().ok(), &p[digits..])
    }
    let (na, ra) = split(a);
    let (nb, rb) = split(b);
    match (na, nb) {
        (Some(x), Some(y)) => x.cmp(&y).then_with(|| compare_names(ra, rb)),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => compare_names(ra, rb),
    }
}

/// Case-insensitive order, ties broken by the exact text so the order is total.
pub fn compare_names(a: &str, b: &str) -> Ordering {
    a.to_lowercase()
        .cmp(&b.to_lowercase())
        .then_with(|| a.cmp(b))
}

/// Is `child` a sub-item of `parent` (`3.1` of `3`, `5.3(b)` of `5.3`)?
pub fn is_sub_item(parent: &str, child: &str) -> bool {
    let (p, c) = (parent.trim(), child.trim());
    c.len() > p.len()
        && c.starts_with(p)
        && c[p.len()..].starts_with(['.', '(', ' '])
        && parts(c).count() > parts(p).count()
}

/// The order meetings are listed in: by committee, then newest first.
pub fn committee_then_newest(a: &super::Meeting, b: &super::Meeting) -> Ordering {
    compare_names(&a.committee, &b.committee).then_with(|| b.date.cmp(&a.date))
}

#[cfg(test)]
mod tests {
    use super::*;
    use Ordering::*;

    #[test]
    fn natural_order_of_agenda_numbers() {
        let mut v = vec!["10", "5.3(b)", "4.10", "2", "4.2", "5.3(a)", "5.3", "4"];
        v.sort_by(|a, b| compare_agenda(Some(a), Some(b)));
        assert_eq!(
            v,
            ["2", "4", "4.2", "4.10", "5.3", "5.3(a)", "5.3(b)", "10"]
        );
        assert_eq!(compare_agenda(Some("4a"), Some("4b")), Less);
        assert_eq!(compare_agenda(Some("10"), Some("9")), Greater);
        assert_eq!(compare_agenda(Some("4.2"), None), Less);
        assert_eq!(compare_agenda(None, Some("1")), Greater);
        assert_eq!(compare_agenda(None, None), Equal);
        assert_eq!(compare_agenda(Some("3"), Some("3")), Equal);
    }

    #[test]
    fn sub_items() {
        assert!(is_sub_item("3", "3.1"));
        assert!(is_sub_item("5.3", "5.3(b)"));
        assert!(!is_sub_item("3", "30"));
        assert!(!is_sub_item("3", "3"));
        assert!(!is_sub_item("3.1", "3"));
    }
}
