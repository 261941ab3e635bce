//! Language tags: the BCP 47 shape clerk accepts (`gd`, `en-GB`), and the tag a
//! language written as a word (`english`, `Gàidhlig`) or with an underscore (`en_GB`)
//! most likely stands for, for the help of a paper's `language` and the house's.

/// Has `tag` the shape of a BCP 47 language tag (`gd`, `en-GB`, `sr-Latn-RS`)?
pub(crate) fn valid_language(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let first = parts.next().unwrap_or("");
    (2..=3).contains(&first.len())
        && first.chars().all(|c| c.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// `tag` when it names another language than `page`'s (`cy` on an `en-GB` page), for a
/// `lang` that says where words of another language start; `None` when the two share
/// their language (`en` and `en-GB`), so an English paper on an English page says nothing.
pub fn other_language<'a>(tag: &'a str, page: &str) -> Option<&'a str> {
    let primary = |t: &str| t.split('-').next().unwrap_or("").to_ascii_lowercase();
    (!tag.trim().is_empty() && primary(tag) != primary(page)).then_some(tag)
}

impl super::HouseStyle {
    /// The house's language when a paper's (`paper`) is another: the language of the words
    /// the house gives that paper (its labels, default sentences, DRAFT), for their `lang`.
    pub fn words_lang(&self, paper: &str) -> Option<&str> {
        other_language(&self.language, paper)
    }
}

/// Languages as secretaries write them, in English or in themselves, and their tags.
const NAMES: &[(&str, &str)] = &[
    ("english", "`en-GB` (or `en`)"),
    ("british english", "`en-GB`"),
    ("welsh", "`cy`"),
    ("cymraeg", "`cy`"),
    ("gaelic", "`gd` (Scottish Gaelic) or `ga` (Irish)"),
    ("scottish gaelic", "`gd`"),
    ("gàidhlig", "`gd`"),
    ("gaidhlig", "`gd`"),
    ("irish", "`ga`"),
    ("gaeilge", "`ga`"),
    ("scots", "`sco`"),
    ("french", "`fr`"),
    ("german", "`de`"),
    ("spanish", "`es`"),
    ("italian", "`it`"),
    ("polish", "`pl`"),
    ("greek", "`el`"),
    ("urdu", "`ur`"),
    ("punjabi", "`pa`"),
    ("arabic", "`ar`"),
    ("chinese", "`zh`"),
];

/// The help for `tag`, which is not a language tag: the tag it probably stands for when
/// that can be told, and what a tag looks like.
pub(crate) fn language_help(tag: &str) -> String {
    let general = "clerk wants a BCP 47 language tag such as `en-GB`, `gd` or `cy`";
    let word = tag.trim().to_lowercase();
    if let Some((_, meant)) = NAMES.iter().find(|(name, _)| *name == word) {
        return format!("did you mean {meant}? {general}");
    }
    let hyphened = tag.trim().replace('_', "-");
    if hyphened != tag && valid_language(&hyphened) {
        return format!("did you mean `{hyphened}`? Tags join their parts with `-`, not `_`");
    }
    general.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_language_written_as_a_word_gets_its_tag() {
        assert!(language_help("english").starts_with("did you mean `en-GB` (or `en`)?"));
        assert!(language_help("Gàidhlig").starts_with("did you mean `gd`?"));
        assert!(language_help("en_GB").starts_with("did you mean `en-GB`?"));
        assert!(language_help("klingon").starts_with("clerk wants a BCP 47"));
        assert!(valid_language("sr-Latn-RS") && !valid_language("english"));
    }
}
