//! What `clerk new` takes from the house for a paper's front matter: its first usual
//! recommendation and marking, its labels for the recommendation and its closing section,
//! and its own fields (the required ones written with a placeholder to fill in).

use crate::config::HouseStyle;
use crate::paper::placeholder;
use crate::schema::Key;

/// The house's words for a new paper.
pub(super) struct HouseWording {
    /// The recommendation written: the first of the house's usual ones.
    pub recommendation: String,
    /// The example marking in the comment: the house's first.
    pub classification: String,
    /// The example place in the comment.
    pub location: &'static str,
    /// What the house calls the recommendation (its header row's label).
    pub recommendation_label: String,
    /// The closing section's heading, cased as the house sets it.
    pub recommendations_heading: String,
    /// The closing section's sentence, asking members to do what the recommendation says.
    pub recommendations: String,
    /// Lines for the house's own fields: each required one with a placeholder, each other
    /// one commented out.
    pub extra: String,
}

impl HouseWording {
    /// The words of `house`.
    pub fn of(house: &HouseStyle) -> HouseWording {
        let default = HouseStyle::default();
        // A header label as a comment names it: without the colon a house may end it with
        // (`Purpose of the Report:`), which the comment's own punctuation follows.
        let label = |key: &str| {
            house.header_rows.iter().find(|r| r.key == key).map(|r| {
                r.label
                    .trim_end()
                    .trim_end_matches(':')
                    .trim_end()
                    .to_string()
            })
        };
        // The seed paper's place is the default house's own example; any other house gets
        // one that fits any committee.
        let location = if house.organisation.name == default.organisation.name {
            "Video Conferencing"
        } else {
            "Committee Room 1"
        };
        let extra = house
            .extra_fields
            .iter()
            .map(|f| {
                let about = label(&f.key).unwrap_or_else(|| f.key.replace('_', " "));
                if f.required {
                    format!(
                        "# {about} (the house's own field; required).\n{}: \"{}\"\n",
                        f.key,
                        placeholder::ELLIPSIS
                    )
                } else {
                    format!(
                        "# {about} (the house's own field; optional).\n# {}: …\n",
                        f.key
                    )
                }
            })
            .collect();
        let first = house.recommendation_vocabulary.first();
        HouseWording {
            recommendation: first.map_or_else(|| "For Discussion".into(), |r| plain_or_quoted(r)),
            recommendations: format!(
                "Members are invited to {} the contents of this report.",
                first.map_or("discuss", |r| verb(r))
            ),
            classification: house
                .classifications
                .first()
                .cloned()
                .unwrap_or_else(|| "OFFICIAL".into()),
            location,
            recommendation_label: label(Key::Recommendation.name())
                .unwrap_or_else(|| Key::Recommendation.about().into()),
            recommendations_heading: house.case_heading(&house.recommendations_heading),
            extra,
        }
    }
}

/// What members are asked to do, for a recommendation: `For Noting` → `note`, `To Approve`
/// → `approve`; `discuss` for any other (`For Discussion`, the default house's first).
fn verb(recommendation: &str) -> &'static str {
    let r = recommendation.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| r.contains(w));
    if has(&["noting", "note", "information"]) {
        "note"
    } else if has(&["approv"]) {
        "approve"
    } else if has(&["decision", "decide", "agree"]) {
        "agree"
    } else if has(&["consider"]) {
        "consider"
    } else {
        "discuss"
    }
}

/// `text` as a YAML value: as it is when it is words (`For Discussion`), else quoted.
fn plain_or_quoted(text: &str) -> String {
    let words = text.starts_with(char::is_alphanumeric)
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || c == ' ' || c == '-');
    if words {
        text.to_string()
    } else {
        serde_json::to_string(text).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_house_keeps_the_words_clerk_new_always_wrote() {
        let w = HouseWording::of(&HouseStyle::default());
        assert_eq!(w.recommendation, "For Discussion");
        assert_eq!(w.classification, "OFFICIAL");
        assert_eq!(w.location, "Video Conferencing");
        assert_eq!(w.recommendation_label, Key::Recommendation.about());
        assert_eq!(w.recommendations_heading, "RECOMMENDATIONS");
        assert_eq!(w.extra, "");
        assert_eq!(
            w.recommendations,
            "Members are invited to discuss the contents of this report."
        );
        assert_eq!(plain_or_quoted("To Note: urgent"), "\"To Note: urgent\"");
    }

    #[test]
    fn the_closing_sentence_asks_members_to_do_what_the_house_recommends_first() {
        for (first, verb) in [
            ("To Approve", "approve"),
            ("For Noting", "note"),
            ("For Decision", "agree"),
            ("For Consideration", "consider"),
            ("For Discussion", "discuss"),
        ] {
            let house = HouseStyle {
                recommendation_vocabulary: vec![first.to_string()],
                ..HouseStyle::default()
            };
            assert_eq!(
                HouseWording::of(&house).recommendations,
                format!("Members are invited to {verb} the contents of this report."),
                "{first}"
            );
        }
    }

    /// A house whose header labels end in a colon (`Purpose of the Report:`) has them
    /// named in the new paper's comments without it: `# Purpose of the Report; usually…`.
    #[test]
    fn a_label_ending_in_a_colon_is_named_without_it() {
        let mut house = HouseStyle::default();
        for row in &mut house.header_rows {
            if row.key == Key::Recommendation.name() {
                row.label = "Purpose of the Report: ".into();
            }
        }
        assert_eq!(
            HouseWording::of(&house).recommendation_label,
            "Purpose of the Report"
        );
    }
}
