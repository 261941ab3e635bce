//! The seed paper's body, end to end.

use super::*;

#[test]
fn seed_paper() {
    let body = "\
# Purpose

The purpose of this paper is to provide members with an overview of the recent (18 August) report published by Her Majesty's Inspectorate of Constabulary in Scotland (HMICS).

# Background

HMICS published, in February 2020, a [strategic review](#) of the Police Scotland response to online child sexual abuse which made ten specific recommendations for improvement.

In March 2021 HMICS undertook a progress review, intended to measure progress against the recommendations.

The [progress report](#), published in August 2021, summarises the HMICS assessment of progress made since the strategic review.

# Further Detail on the Report

The HMICS progress report details an assessment of progress against each of the ten specific recommendations made in February 2020.

The report also summarises that initial slow progress on other areas has shown clear activity since the start of 2021.

The recommendations made in 2020 and the subsequent progress review also link to other important areas of Police Scotland activity which are of interest to the committee – such as implementation of the cyber strategy.

Based on the progress assessed and reported by HMICS, three of the ten recommendations made in February 2020 have been closed. These recommendations were:

- Police Scotland should ensure a strategic governance framework is in place (R. 3)
- Police Scotland and the National Crime Agency should work together (R. 7)
- Police Scotland should ensure that arrangements for deploying undercover online specialist resources are directed by formal tasking arrangements (R. 10)

All other recommendations made in the 2020 strategic review are reported as partially met.
";
    let (s, d) = run(body);
    assert!(d.is_empty(), "{d:#?}");
    let heads: Vec<_> = s
        .sections
        .iter()
        .map(|s| match s.number {
            Some(n) => format!("{n}. {}", s.display_heading),
            None => s.display_heading.clone(),
        })
        .collect();
    assert_eq!(
        heads,
        [
            "PURPOSE",
            "1. BACKGROUND",
            "2. FURTHER DETAIL ON THE REPORT",
            "3. FINANCIAL IMPLICATIONS",
            "4. PERSONNEL IMPLICATIONS",
            "5. LEGAL IMPLICATIONS",
            "6. REPUTATIONAL IMPLICATIONS",
            "7. SOCIAL IMPLICATIONS",
            "8. COMMUNITY IMPACT",
            "9. EQUALITIES IMPLICATIONS",
            "10. ENVIRONMENT IMPLICATIONS",
            "RECOMMENDATIONS",
        ]
    );
    assert_eq!(outline(&s.sections[0]), ["- P"]);
    assert_eq!(outline(&s.sections[1]), ["1.1 P", "1.2 P", "1.3 P"]);
    assert_eq!(
        outline(&s.sections[2]),
        ["2.1 P", "2.2 P", "2.3 P", "2.4 P L", "2.5 P"]
    );
    let Block::List {
        start: None, items, ..
    } = &paras(&s.sections[2])[3].blocks[1]
    else {
        panic!()
    };
    assert_eq!(items.len(), 3);
    assert!(
        para_text(paras(&s.sections[0])[0]).contains("Majesty’s"),
        "smart punctuation"
    );
    let house = HouseStyle::default();
    for (sec, style) in s.sections[3..11].iter().zip(&house.implications) {
        assert_eq!(outline(sec), ["- P"]);
        assert_eq!(para_text(paras(sec)[0]), style.default);
        assert_eq!(
            sec.kind,
            SectionKind::Implication {
                key: style.key.clone(),
                defaulted: true
            }
        );
    }
    let rec = &s.sections[11];
    assert_eq!(
        (rec.kind.clone(), outline(rec), para_text(paras(rec)[0])),
        (
            SectionKind::Recommendations,
            vec!["- P".to_string()],
            RECS.to_string()
        )
    );
    assert!(s.footnotes.is_empty());
}
