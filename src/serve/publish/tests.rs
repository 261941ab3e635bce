use super::*;

#[test]
fn a_folder_problem_is_told_once_again_when_it_changes_and_when_it_is_fixed() {
    let problem =
        |file: &str| Diagnostic::file_error("output-not-writable", Path::new(file), "cannot write");
    let mut notice = FolderNotice::default();
    assert_eq!(notice.tell(vec![]), Tell::Nothing, "fine from the start");
    assert_eq!(
        notice.tell(vec![problem("out")]),
        Tell::Problems(vec![problem("out")])
    );
    assert_eq!(notice.tell(vec![problem("out")]), Tell::Nothing);
    assert_eq!(
        notice.tell(vec![problem("out/2026")]),
        Tell::Problems(vec![problem("out/2026")])
    );
    assert_eq!(notice.tell(vec![]), Tell::Fixed);
    assert_eq!(notice.tell(vec![]), Tell::Nothing);
}
