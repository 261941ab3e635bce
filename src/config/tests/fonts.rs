//! `mixed-fonts`: a house that names some of its four text faces but not all.

use crate::config::HouseStyle;

#[test]
fn a_house_naming_some_text_faces_but_not_all_is_warned_and_one_naming_all_or_none_is_not() {
    let mut house = HouseStyle::default();
    assert!(house.mixed_fonts().is_none(), "Noto Sans throughout");
    house.pdf.fonts.mono = Some("fonts/Code.ttf".into());
    assert!(house.mixed_fonts().is_none(), "a code face of its own");
    house.pdf.fonts.regular = Some("fonts/Arial.ttf".into());
    house.pdf.fonts.bold = Some("fonts/Arial-Bold.ttf".into());
    let d = house.mixed_fonts().expect("italics in Noto Sans");
    assert!(!d.is_error());
    assert_eq!(
        d.message,
        "`pdf.fonts` names `regular` and `bold` but not `italic` or `bold_italic`, so the PDFs set those in Noto Sans beside `fonts/Arial.ttf`"
    );
    assert_eq!(
        d.help.as_deref(),
        Some(
            "name the house's files for `italic` and `bold_italic` too, or remove `regular` and `bold` to set every paper in Noto Sans"
        )
    );
    house.pdf.fonts.italic = Some("fonts/Arial-Italic.ttf".into());
    house.pdf.fonts.bold_italic = Some("fonts/Arial-BoldItalic.ttf".into());
    assert!(house.mixed_fonts().is_none(), "all four");
}
