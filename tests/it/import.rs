//! `thidua import`: spreadsheets built in the test (title block, merged
//! cells, Vietnamese headers, date cells and dd/mm/yyyy text, namesakes in
//! different units) and a Windows-1258 CSV are imported; the folder then
//! checks clean; a second import changes nothing; a failed or interrupted
//! import leaves the folder byte-identical.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use serde_json::Value as Json;
use thidua::import::{self, encoding::encode_windows_1258, FailPoint, Options};
use thidua::load::Progress;
use thidua::model::{Code, RecordType};

/// Runs the CLI in-process; returns (exit, stdout, stderr).
fn thidua(args: &[&str]) -> (i32, String, String) {
    let mut out = Vec::new();
    let mut err = Vec::new();
    let mut all = vec!["thidua"];
    all.extend_from_slice(args);
    let code = crate::support::run(all, &mut out, &mut err);
    (
        code,
        String::from_utf8(out).unwrap(),
        String::from_utf8(err).unwrap(),
    )
}

/// A data folder with two units and three people, two of them namesakes.
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(
        root.join("units.csv"),
        "id,name,kind\nU-A,Trường Tiểu học An Biên,truong_hoc\nU-B,Trường THCS Nam Yên,truong_hoc\n",
    )
    .unwrap();
    std::fs::write(
        root.join("people.csv"),
        "id,name,unit,direct_worker\nP-1,Nguyễn Văn An,U-A,true\nP-2,Nguyễn Văn An,U-B,false\nP-3,Trần Thị Hoà,U-A,true\n",
    )
    .unwrap();
    dir
}

/// Every file of the folder with its bytes.
fn snapshot(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                out.insert(
                    p.strip_prefix(root).unwrap().to_path_buf(),
                    b"<dir>".to_vec(),
                );
                stack.push(p);
            } else {
                out.insert(
                    p.strip_prefix(root).unwrap().to_path_buf(),
                    std::fs::read(&p).unwrap(),
                );
            }
        }
    }
    out
}

/// A decision list as offices make it: title block with merged cells, the
/// header on row 6, a date cell and dd/mm/yyyy text, namesakes told apart
/// by their unit (one by name, one by id), a name typed with another
/// tone placement and case. `extra` rows are appended as they are.
fn decision_list(path: &Path, extra: &[[&str; 6]]) {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Sheet1").unwrap();
    let bold = Format::new().set_bold();
    ws.merge_range(0, 0, 0, 2, "UBND HUYỆN AN BIÊN", &bold)
        .unwrap();
    ws.merge_range(0, 3, 0, 6, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", &bold)
        .unwrap();
    ws.merge_range(1, 3, 1, 6, "Độc lập - Tự do - Hạnh phúc", &bold)
        .unwrap();
    ws.merge_range(2, 0, 2, 6, "DANH SÁCH CÁ NHÂN ĐƯỢC TẶNG GIẤY KHEN", &bold)
        .unwrap();
    ws.merge_range(
        3,
        0,
        3,
        6,
        "(Kèm theo Quyết định số 12/QĐ-UBND ngày 10/01/2025 của Chủ tịch UBND huyện)",
        &Format::new(),
    )
    .unwrap();
    let headers = [
        "STT",
        "Họ và tên",
        "Chức vụ",
        "Đơn vị công tác",
        "Hình thức khen thưởng",
        "Ngày quyết định",
        "Ghi chú",
    ];
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(5, c as u16, *h, &bold).unwrap();
    }
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let rows: Vec<[&str; 6]> = vec![
        [
            "1",
            "Nguyễn Văn An",
            "Giáo viên",
            "Trường Tiểu học An Biên",
            "Giấy khen",
            "@date",
        ],
        [
            "2",
            "Nguyễn Văn An",
            "Hiệu trưởng",
            "U-B",
            "Giấy khen của Chủ tịch UBND huyện",
            "10/01/2025",
        ],
        [
            "3",
            "TRẦN THỊ HÒA",
            "Giáo viên",
            "trường tiểu học an biên",
            "Giấy khen",
            "",
        ],
    ];
    for (i, r) in rows.iter().chain(extra.iter()).enumerate() {
        let row = 6 + i as u32;
        ws.write_number(row, 0, r[0].parse::<f64>().unwrap_or(0.0))
            .unwrap();
        for (c, v) in r.iter().enumerate().take(5).skip(1) {
            ws.write_string(row, c as u16, *v).unwrap();
        }
        match r[5] {
            "@date" => {
                ws.write_datetime_with_format(
                    row,
                    5,
                    ExcelDateTime::from_ymd(2025, 1, 10).unwrap(),
                    &date,
                )
                .unwrap();
            }
            "" => {}
            s => {
                ws.write_string(row, 5, s).unwrap();
            }
        }
    }
    ws.write_string(
        6 + rows.len() as u32 + extra.len() as u32 + 1,
        4,
        "NGƯỜI LẬP BIỂU",
    )
    .unwrap();
    wb.save(path).unwrap();
}

const SETS: [&str; 6] = [
    "--set",
    "year=2024",
    "--set",
    "kind=thuong_xuyen",
    "--set",
    "issuer=huyen",
];

fn import_args<'a>(data: &'a str, file: &'a str, more: &[&'a str]) -> Vec<&'a str> {
    let mut v = vec!["--data", data, "import", file];
    v.extend_from_slice(&SETS);
    v.extend_from_slice(more);
    v
}

/// Awards of `year` in the folder, as (person, award), none flawed.
fn awards_of(root: &Path, year: u16) -> Vec<(String, String)> {
    let checked = crate::support::engine(root, false);
    let (ds, sink) = (checked.dataset, checked.diagnostics);
    assert_eq!(sink.errors(), 0, "{:?}", sink.items());
    let mut v: Vec<(String, String)> = ds
        .awards
        .iter()
        .filter(|a| a.year == year && !a.flawed)
        .map(|a| {
            (
                ds.str(a.recipient.id()).to_string(),
                a.award.code().to_string(),
            )
        })
        .collect();
    v.sort();
    v
}

fn check_is_clean(data: &str) {
    let (code, out, _) = thidua(&["--lang", "en", "check", "--data", data, "--format", "json"]);
    let json: Json = serde_json::from_str(&out).unwrap();
    assert_eq!(json["errors"], 0, "{json}");
    assert_eq!(code, 0, "{json}");
}

/// `thidua report YEAR --format json`.
fn report_json(data: &str, year: &str) -> Json {
    let (code, out, err) = thidua(&[
        "--lang", "en", "report", year, "--data", data, "--format", "json",
    ]);
    assert_eq!(code, 0, "{out}{err}");
    serde_json::from_str(&out).unwrap()
}

#[test]
fn xlsx_list_imports_and_checks_clean() {
    let dir = folder();
    let data = dir.path().to_str().unwrap();
    let src = tempfile::tempdir().unwrap();
    let file = src.path().join("QĐ 12 giấy khen.xlsx");
    decision_list(&file, &[]);
    let (code, out, err) = thidua(&import_args(
        data,
        file.to_str().unwrap(),
        &["--lang", "en"],
    ));
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("header on row 6"), "{out}");
    assert!(out.contains("decision = 12/QĐ-UBND"), "{out}");
    let written = std::fs::read_to_string(dir.path().join("awards/qd-12-giay-khen.csv")).unwrap();
    assert_eq!(
        written,
        "id,year,person,unit,award,kind,campaign,decision,decision_date,issuer\n\
         qd-12-giay-khen-7,2024,P-1,,GK,thuong_xuyen,,12/QĐ-UBND,2025-01-10,huyen\n\
         qd-12-giay-khen-8,2024,P-2,,GK,thuong_xuyen,,12/QĐ-UBND,2025-01-10,huyen\n\
         qd-12-giay-khen-9,2024,P-3,,GK,thuong_xuyen,,12/QĐ-UBND,2025-01-10,huyen\n"
    );
    check_is_clean(data);
    let report = report_json(data, "2024");
    assert_eq!(report["totals"]["awards"], 3, "{report}");
    assert_eq!(report["totals"]["individuals"], 3, "{report}");
    assert_eq!(report["by_award"]["GK"]["awards"], 3, "{report}");
    let gk = |p: &str| (p.to_string(), "GK".to_string());
    assert_eq!(
        awards_of(dir.path(), 2024),
        vec![gk("P-1"), gk("P-2"), gk("P-3")]
    );
}

#[test]
fn importing_twice_changes_nothing() {
    let dir = folder();
    let data = dir.path().to_str().unwrap();
    let src = tempfile::tempdir().unwrap();
    let file = src.path().join("list.xlsx");
    decision_list(&file, &[]);
    let args = import_args(data, file.to_str().unwrap(), &["--format", "json"]);
    assert_eq!(thidua(&args).0, 0);
    let before = snapshot(dir.path());
    let (code, out, _) = thidua(&args);
    assert_eq!(code, 0, "{out}");
    let json: Json = serde_json::from_str(&out).unwrap();
    assert_eq!(json["added"], 0, "{json}");
    assert_eq!(json["skipped"].as_array().unwrap().len(), 3, "{json}");
    assert_eq!(json["skipped"][0]["at"], "Sheet1!B7");
    assert_eq!(json["written"], false);
    assert_eq!(snapshot(dir.path()), before);
}

#[test]
fn one_bad_row_writes_nothing_and_names_the_cell() {
    let dir = folder();
    let data = dir.path().to_str().unwrap();
    let src = tempfile::tempdir().unwrap();
    let file = src.path().join("list.xlsx");
    decision_list(
        &file,
        &[[
            "4",
            "Nguyễn Văn An",
            "Giáo viên",
            "U-A",
            "Lao động tiên tiến",
            "31/02/2025",
        ]],
    );
    let before = snapshot(dir.path());
    let (code, out, _) = thidua(&import_args(
        data,
        file.to_str().unwrap(),
        &["--format", "json"],
    ));
    assert_eq!(code, 1, "{out}");
    assert_eq!(snapshot(dir.path()), before);
    let json: Json = serde_json::from_str(&out).unwrap();
    assert_eq!(json["rejected"], 1);
    let e = &json["errors"][0];
    assert_eq!(e["rule"], "invalid-value", "{json}");
    assert_eq!(e["cell"], "Sheet1!F10", "{json}");
    assert_eq!(e["line"], 10);
    assert_eq!(json["written"], false);

    // Human output names the sheet and cell too; --skip-invalid writes the rest.
    let (code, out, _) = thidua(&import_args(
        data,
        file.to_str().unwrap(),
        &["--lang", "en", "--skip-invalid"],
    ));
    // The rejected row still makes the exit status 1 (§9.8).
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("Sheet1!F10: error[invalid-value]"), "{out}");
    assert!(out.contains("Added 3 records"), "{out}");
    check_is_clean(data);
    assert_eq!(awards_of(dir.path(), 2024).len(), 3);
}

#[test]
fn namesakes_need_their_unit() {
    let dir = folder();
    let data = dir.path().to_str().unwrap();
    let src = tempfile::tempdir().unwrap();
    let file = src.path().join("list.csv");
    std::fs::write(&file, "Họ và tên,Danh hiệu,Số quyết định,Ngày quyết định\nNguyễn Văn An,Lao động tiên tiến,5/QĐ-UBND,05/01/2025\n")
        .unwrap();
    let before = snapshot(dir.path());
    let (code, out, _) = thidua(&import_args(
        data,
        file.to_str().unwrap(),
        &["--lang", "en"],
    ));
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("list.csv:2: error[unknown-reference]: several people are named `Nguyễn Văn An`: P-1 (Trường Tiểu học An Biên), P-2 (Trường THCS Nam Yên)"), "{out}");
    assert_eq!(snapshot(dir.path()), before);
}

#[test]
fn unknown_people_are_errors_unless_created() {
    let dir = folder();
    let data = dir.path().to_str().unwrap();
    let src = tempfile::tempdir().unwrap();
    let file = src.path().join("moi.xlsx");
    decision_list(
        &file,
        &[[
            "4",
            "Lê Văn Mới",
            "Phó Hiệu trưởng",
            "U-B",
            "Giấy khen",
            "10/01/2025",
        ]],
    );
    let before = snapshot(dir.path());
    let (code, out, _) = thidua(&import_args(
        data,
        file.to_str().unwrap(),
        &["--lang", "en"],
    ));
    assert_eq!(code, 1);
    assert!(
        out.contains("Sheet1!B10: error[unknown-reference]: no person `Lê Văn Mới` in unit `U-B`"),
        "{out}"
    );
    assert!(
        !out.contains("recipient-conflict"),
        "one error for the row, not two: {out}"
    );
    assert_eq!(snapshot(dir.path()), before);

    let (code, out, _) = thidua(&import_args(
        data,
        file.to_str().unwrap(),
        &["--lang", "en", "--create-people"],
    ));
    assert_eq!(code, 0, "{out}");
    let people = std::fs::read_to_string(dir.path().join("people/moi.csv")).unwrap();
    assert_eq!(people, "id,name,unit,direct_worker,gender,position,hire_date\nmoi-p10,Lê Văn Mới,U-B,false,,Phó Hiệu trưởng,\n");
    check_is_clean(data);
    assert_eq!(awards_of(dir.path(), 2024).len(), 4);
    // Again: the new person is now found, and nothing is added.
    let before = snapshot(dir.path());
    let (code, out, _) = thidua(&import_args(
        data,
        file.to_str().unwrap(),
        &["--lang", "en", "--create-people"],
    ));
    assert_eq!(code, 0, "{out}");
    assert_eq!(snapshot(dir.path()), before);
}

#[test]
fn interrupted_write_leaves_the_folder_as_it_was() {
    let src = tempfile::tempdir().unwrap();
    let file = src.path().join("list.xlsx");
    decision_list(
        &file,
        &[[
            "4",
            "Lê Văn Mới",
            "Giáo viên",
            "Trường THCS Nam Yên",
            "Giấy khen",
            "10/01/2025",
        ]],
    );
    for k in 0..=2 {
        let dir = folder();
        let before = snapshot(dir.path());
        let mut opts = Options::new(&file, RecordType::Award);
        opts.set = vec![
            ("year".into(), "2024".into()),
            ("kind".into(), "thuong_xuyen".into()),
            ("issuer".into(), "huyen".into()),
        ];
        opts.create_people = true;
        opts.fail = FailPoint {
            after_placed: Some(k),
            ..FailPoint::default()
        };
        let result = import::run(dir.path(), &opts, thidua::Lang::En, &mut Progress::hidden());
        assert!(
            result.is_err(),
            "failure after {k} files must fail the import"
        );
        assert_eq!(snapshot(dir.path()), before, "after {k} files");
        check_is_clean(dir.path().to_str().unwrap());
        // The same import, not interrupted, writes both files.
        opts.fail = FailPoint::default();
        let done =
            import::run(dir.path(), &opts, thidua::Lang::En, &mut Progress::hidden()).unwrap();
        let files: Vec<&str> = done.files.iter().map(|f| f.rel.as_str()).collect();
        assert_eq!(files, ["people/list.csv", "awards/list.csv"]);
        check_is_clean(dir.path().to_str().unwrap());
    }
}

#[test]
fn windows_1258_csv_with_semicolons() {
    let dir = folder();
    let data = dir.path().to_str().unwrap();
    let src = tempfile::tempdir().unwrap();
    let file = src.path().join("lao-dong-tien-tien.csv");
    let text = "UBND HUYỆN AN BIÊN;;;;;\r\n\
                DANH SÁCH CÔNG NHẬN DANH HIỆU LAO ĐỘNG TIÊN TIẾN NĂM 2024;;;;;\r\n\
                ;;;;;\r\n\
                STT;Họ và tên;Đơn vị;Danh hiệu;Số quyết định;Ngày quyết định\r\n\
                1;Nguyễn Văn An;Trường THCS Nam Yên;Lao động tiên tiến;15/QĐ-UBND;15/1/2025\r\n\
                2;Trần Thị Hòa;U-A;LĐTT;15/QĐ-UBND;2025-01-15\r\n";
    std::fs::write(&file, encode_windows_1258(text).unwrap()).unwrap();
    let (code, out, err) = thidua(&[
        "--lang",
        "en",
        "--data",
        data,
        "import",
        file.to_str().unwrap(),
        "--set",
        "kind=thuong_xuyen",
        "--set",
        "issuer=huyen",
    ]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains("encoding: windows-1258, delimiter `;`"),
        "{out}"
    );
    assert!(out.contains("year = 2024"), "{out}");
    check_is_clean(data);
    let report = report_json(data, "2024");
    assert_eq!(report["by_award"]["LDTT"]["awards"], 2, "{report}");
    let ldtt = |p: &str| (p.to_string(), "LDTT".to_string());
    assert_eq!(awards_of(dir.path(), 2024), vec![ldtt("P-2"), ldtt("P-3")]);
    let written =
        std::fs::read_to_string(dir.path().join("awards/lao-dong-tien-tien.csv")).unwrap();
    assert!(
        written.contains(
            "lao-dong-tien-tien-5,2024,P-2,,LDTT,thuong_xuyen,,15/QĐ-UBND,2025-01-15,huyen"
        ),
        "{written}"
    );

    // A bad row in a CSV is named by its line.
    let bad = text.to_string() + "3;Trần Thị Hòa;U-A;Huy chương;15/QĐ-UBND;15/1/2025\r\n";
    let file2 = src.path().join("bad.csv");
    std::fs::write(&file2, encode_windows_1258(&bad).unwrap()).unwrap();
    let (code, out, _) = thidua(&[
        "--lang",
        "en",
        "--data",
        data,
        "import",
        file2.to_str().unwrap(),
        "--set",
        "kind=thuong_xuyen",
        "--set",
        "issuer=huyen",
    ]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("bad.csv:7: error[invalid-value]: `award` = `Huy chương`"),
        "{out}"
    );
}

#[test]
fn dry_run_shows_and_writes_nothing() {
    let dir = folder();
    let data = dir.path().to_str().unwrap();
    let src = tempfile::tempdir().unwrap();
    let file = src.path().join("list.xlsx");
    decision_list(&file, &[]);
    let before = snapshot(dir.path());
    let (code, out, _) = thidua(&import_args(
        data,
        file.to_str().unwrap(),
        &["--lang", "en", "--dry-run"],
    ));
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("Dry run, would write `awards/list.csv`:"),
        "{out}"
    );
    assert!(out.contains("list-7,2024,P-1,,GK"), "{out}");
    assert_eq!(snapshot(dir.path()), before);
}

#[test]
fn an_existing_file_is_never_rewritten() {
    let dir = folder();
    let data = dir.path().to_str().unwrap();
    std::fs::create_dir(dir.path().join("awards")).unwrap();
    std::fs::write(
        dir.path().join("awards/list.csv"),
        "id,year,person,award,kind,decision,decision_date,issuer\n",
    )
    .unwrap();
    let src = tempfile::tempdir().unwrap();
    let file = src.path().join("list.xlsx");
    decision_list(&file, &[]);
    let (code, out, _) = thidua(&import_args(
        data,
        file.to_str().unwrap(),
        &["--lang", "en"],
    ));
    assert_eq!(code, 0, "{out}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("awards/list.csv")).unwrap(),
        "id,year,person,award,kind,decision,decision_date,issuer\n"
    );
    assert!(dir.path().join("awards/list-2.csv").is_file());
    check_is_clean(data);
}

#[test]
fn tcvn3_text_is_converted() {
    let dir = folder();
    let data = dir.path().to_str().unwrap();
    let src = tempfile::tempdir().unwrap();
    let file = src.path().join("tcvn3.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    // "DANH SÁCH …", then Họ và tên / Đơn vị / Danh hiệu typed with a .VnTime font.
    ws.write_string(0, 0, "DANH S¸CH C¸ NH¢N §¦îC TÆNG GIÊY KHEN")
        .unwrap();
    for (c, h) in ["STT", "Hä vµ tªn", "§¬n vÞ", "Danh hiÖu"]
        .iter()
        .enumerate()
    {
        ws.write_string(2, c as u16, *h).unwrap();
    }
    ws.write_number(3, 0, 1.0).unwrap();
    ws.write_string(3, 1, "TrÇn ThÞ Hoµ").unwrap();
    ws.write_string(3, 2, "Tr\u{ad}êng TiÓu häc An Biªn")
        .unwrap();
    ws.write_string(3, 3, "Lao ®éng tiªn tiÕn").unwrap();
    wb.save(&file).unwrap();
    let (code, out, _) = thidua(&[
        "--lang",
        "en",
        "--data",
        data,
        "import",
        file.to_str().unwrap(),
        "--set",
        "year=2024",
        "--set",
        "kind=thuong_xuyen",
        "--set",
        "issuer=huyen",
        "--set",
        "decision=3/QĐ-UBND",
        "--set",
        "decision_date=2025-01-03",
    ]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("TCVN3"), "{out}");
    assert_eq!(
        awards_of(dir.path(), 2024),
        vec![("P-3".to_string(), "LDTT".to_string())]
    );
}

#[test]
fn a_map_file_names_other_headers() {
    let dir = folder();
    let data = dir.path().to_str().unwrap();
    let src = tempfile::tempdir().unwrap();
    let file = src.path().join("khac.tsv");
    std::fs::write(
        &file,
        "Cán bộ\tPhòng\tKết quả\tNăm\nNguyễn Văn An\tU-A\tLĐTT\t2024\n",
    )
    .unwrap();
    let map = src.path().join("map.toml");
    std::fs::write(
        &map,
        "[columns]\n\"Cán bộ\" = \"name\"\n\"Phòng\" = \"unit\"\n\"Kết quả\" = \"award\"\n[set]\ndecision = \"9/QĐ-UBND\"\ndecision_date = \"2025-01-09\"\nkind = \"thuong_xuyen\"\nissuer = \"huyen\"\n",
    )
    .unwrap();
    let (code, out, _) = thidua(&[
        "--lang",
        "en",
        "--data",
        data,
        "import",
        file.to_str().unwrap(),
        "--map",
        map.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(
        awards_of(dir.path(), 2024),
        vec![("P-1".to_string(), "LDTT".to_string())]
    );
}

#[test]
fn units_people_and_evaluations_by_name() {
    let dir = folder();
    let data = dir.path().to_str().unwrap();
    let src = tempfile::tempdir().unwrap();
    let units = src.path().join("truong.csv");
    std::fs::write(&units, "STT,Tên đơn vị,Loại đơn vị,Đơn vị cấp trên\n1,Trường Mầm non Hoa Sen,Trường học,\n2,Tổ Văn,Tổ chức,Trường THCS Nam Yên\n").unwrap();
    let (code, out, _) = thidua(&[
        "--lang",
        "en",
        "--data",
        data,
        "import",
        units.to_str().unwrap(),
        "--type",
        "units",
    ]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("units/truong.csv")).unwrap(),
        "id,name,kind,parent\ntruong-2,Trường Mầm non Hoa Sen,truong_hoc,\ntruong-3,Tổ Văn,to_chuc,U-B\n"
    );
    let people = src.path().join("nhan-su.csv");
    std::fs::write(&people, "Họ và tên,Đơn vị,Chức vụ,Giới tính,Trực tiếp lao động\nPhạm Thu,Tổ Văn,Giáo viên,Nữ,x\nNguyễn Văn An,U-A,Giáo viên,Nam,có\n").unwrap();
    let (code, out, _) = thidua(&[
        "--lang",
        "en",
        "--data",
        data,
        "import",
        people.to_str().unwrap(),
        "--type",
        "people",
    ]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("skipped 1 rows"),
        "Nguyễn Văn An of U-A is there already: {out}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("people/nhan-su.csv")).unwrap(),
        "id,name,unit,direct_worker,gender,position,hire_date\nnhan-su-2,Phạm Thu,truong-3,true,nu,Giáo viên,\n"
    );
    let evals = src.path().join("xep-loai.csv");
    std::fs::write(&evals, "Họ và tên,Đơn vị,Năm,Xếp loại\nPhạm Thu,Tổ Văn,2024,Hoàn thành xuất sắc nhiệm vụ\nNguyễn Văn An,Trường THCS Nam Yên,2024,HTTNV\n").unwrap();
    let (code, out, _) = thidua(&[
        "--lang",
        "en",
        "--data",
        data,
        "import",
        evals.to_str().unwrap(),
        "--type",
        "evaluations",
    ]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("evaluations/xep-loai.csv")).unwrap(),
        "year,person,unit,rating,discipline,initiative,months_worked,absent_days\n2024,nhan-su-2,,htxs,,,,\n2024,P-2,,htt,,,,\n"
    );
    check_is_clean(data);
}

#[test]
fn picks_the_first_sheet_with_data_or_the_one_named() {
    let dir = folder();
    let data = dir.path().to_str().unwrap();
    let src = tempfile::tempdir().unwrap();
    let file = src.path().join("hai-trang.xlsx");
    let mut wb = Workbook::new();
    wb.add_worksheet().set_name("Bìa").unwrap();
    let ws = wb.add_worksheet();
    ws.set_name("Danh sách").unwrap();
    // A two-row header under a merged "Khen thưởng" cell.
    ws.write_string(0, 0, "Họ và tên").unwrap();
    ws.write_string(0, 1, "Đơn vị").unwrap();
    ws.merge_range(0, 2, 0, 3, "Khen thưởng", &Format::new())
        .unwrap();
    ws.write_string(1, 2, "Danh hiệu").unwrap();
    ws.write_string(1, 3, "Số quyết định").unwrap();
    ws.write_string(2, 0, "Nguyễn Văn An").unwrap();
    ws.write_string(2, 1, "U-A").unwrap();
    ws.write_string(2, 2, "LĐTT").unwrap();
    ws.write_string(2, 3, "8/QĐ-UBND").unwrap();
    wb.save(&file).unwrap();
    let base = [
        "--lang",
        "en",
        "--data",
        data,
        "import",
        file.to_str().unwrap(),
        "--set",
        "year=2024",
        "--set",
        "kind=thuong_xuyen",
        "--set",
        "issuer=huyen",
        "--set",
        "decision_date=8/1/2025",
        "--format",
        "json",
    ];
    let (code, out, err) = thidua(&[&base[..], &["--sheet", "Trang 3"]].concat());
    assert_eq!(code, 2, "{out}");
    assert!(
        err.contains("no sheet `Trang 3` (the sheets are: Bìa, Danh sách)"),
        "{err}"
    );
    let (code, out, _) = thidua(&base);
    assert_eq!(code, 0, "{out}");
    let json: Json = serde_json::from_str(&out).unwrap();
    assert_eq!(json["sheet"], "Danh sách");
    assert_eq!(json["header_row"], 2);
    assert_eq!(
        awards_of(dir.path(), 2024),
        vec![("P-1".to_string(), "LDTT".to_string())]
    );
    let written = std::fs::read_to_string(dir.path().join("awards/hai-trang.csv")).unwrap();
    assert!(
        written.ends_with("hai-trang-3,2024,P-1,,LDTT,thuong_xuyen,,8/QĐ-UBND,2025-01-08,huyen\n"),
        "{written}"
    );
}

#[test]
fn footers_and_section_headings_are_not_rows() {
    let dir = folder();
    let data = dir.path().to_str().unwrap();
    let src = tempfile::tempdir().unwrap();
    let file = src.path().join("ds.csv");
    std::fs::write(
        &file,
        "Họ và tên,Đơn vị,Danh hiệu,Số quyết định,Ngày quyết định\n\
         KHỐI TRƯỜNG TIỂU HỌC,,,,\n\
         Nguyễn Văn An,U-A,LĐTT,4/QĐ-UBND,04/01/2025\n\
         Tổng cộng: 1 người,,,,\n\
         Người lập biểu,,,,\n",
    )
    .unwrap();
    let (code, out, _) = thidua(&import_args(
        data,
        file.to_str().unwrap(),
        &["--lang", "en"],
    ));
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("Added 1 records"), "{out}");
    assert_eq!(
        awards_of(dir.path(), 2024),
        vec![("P-1".to_string(), "LDTT".to_string())]
    );
}

#[test]
fn excel_unicode_text_and_vni_cells() {
    let dir = folder();
    let data = dir.path().to_str().unwrap();
    let src = tempfile::tempdir().unwrap();
    // Excel's "Unicode Text": UTF-16LE with a byte order mark, tab-separated.
    let file = src.path().join("unicode.txt");
    let text = "Họ và tên\tĐơn vị\tDanh hiệu\tSố quyết định\tNgày quyết định\r\n\
                Trần Thị Hoà\tU-A\tGiấy khen\t6/QĐ-UBND\t06/01/2025\r\n";
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
    std::fs::write(&file, bytes).unwrap();
    let (code, out, _) = thidua(&import_args(
        data,
        file.to_str().unwrap(),
        &["--lang", "en"],
    ));
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("encoding: utf-16le, delimiter `\\t`"), "{out}");

    // Cells typed with a VNI font.
    let file = src.path().join("vni.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in ["Hoï vaø teân", "Ñôn vò", "Danh hieäu"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    ws.write_string(1, 0, "Nguyeãn Vaên An").unwrap();
    ws.write_string(1, 1, "Tröôøng THCS Nam Yeân").unwrap();
    ws.write_string(1, 2, "Lao ñoäng tieân tieán").unwrap();
    wb.save(&file).unwrap();
    let (code, out, _) = thidua(&import_args(
        data,
        file.to_str().unwrap(),
        &[
            "--lang",
            "en",
            "--set",
            "decision=6/QĐ-UBND",
            "--set",
            "decision_date=2025-01-06",
        ],
    ));
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("VNI"), "{out}");
    let ds = awards_of(dir.path(), 2024);
    assert_eq!(
        ds,
        vec![
            ("P-2".to_string(), "LDTT".to_string()),
            ("P-3".to_string(), "GK".to_string())
        ]
    );
}

/// A zip archive with its entries stored uncompressed (what an `.ods` is).
fn stored_zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    fn crc32(data: &[u8]) -> u32 {
        let mut crc = 0xFFFF_FFFFu32;
        for &b in data {
            crc ^= u32::from(b);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }
    let (mut out, mut central) = (Vec::new(), Vec::new());
    for (name, data) in entries {
        let offset = out.len() as u32;
        let (crc, len) = (crc32(data), data.len() as u32);
        let common = |v: &mut Vec<u8>| {
            for x in [20u16, 0, 0, 0, 0x21] {
                v.extend(x.to_le_bytes()); // version, flags, stored, time, date
            }
            for x in [crc, len, len] {
                v.extend(x.to_le_bytes());
            }
            v.extend((name.len() as u16).to_le_bytes());
            v.extend(0u16.to_le_bytes());
        };
        out.extend(0x0403_4b50u32.to_le_bytes());
        common(&mut out);
        out.extend(name.as_bytes());
        out.extend(*data);
        central.extend(0x0201_4b50u32.to_le_bytes());
        central.extend(20u16.to_le_bytes());
        common(&mut central);
        for x in [0u16, 0, 0] {
            central.extend(x.to_le_bytes());
        }
        central.extend(0u32.to_le_bytes());
        central.extend(offset.to_le_bytes());
        central.extend(name.as_bytes());
    }
    let (cd_offset, cd_len, n) = (out.len() as u32, central.len() as u32, entries.len() as u16);
    out.extend(central);
    out.extend(0x0605_4b50u32.to_le_bytes());
    for x in [0u16, 0, n, n] {
        out.extend(x.to_le_bytes());
    }
    out.extend(cd_len.to_le_bytes());
    out.extend(cd_offset.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out
}

#[test]
fn ods_list_with_a_date_cell() {
    let dir = folder();
    let data = dir.path().to_str().unwrap();
    let src = tempfile::tempdir().unwrap();
    let file = src.path().join("ds.ods");
    let cell = |t: &str| {
        format!("<table:table-cell office:value-type=\"string\"><text:p>{t}</text:p></table:table-cell>")
    };
    let row = |cells: &[String]| format!("<table:table-row>{}</table:table-row>", cells.concat());
    let date = "<table:table-cell office:value-type=\"date\" office:date-value=\"2025-01-10\"><text:p>10/01/2025</text:p></table:table-cell>";
    let content = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
         <office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" \
         xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" \
         xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">\
         <office:body><office:spreadsheet><table:table table:name=\"Danh sách\">{}{}{}</table:table>\
         </office:spreadsheet></office:body></office:document-content>",
        row(&[cell("Kèm theo Quyết định số 1/QĐ-UBND")]),
        row(&[cell("Họ và tên"), cell("Đơn vị"), cell("Danh hiệu"), cell("Ngày quyết định")]),
        row(&[cell("Nguyễn Văn An"), cell("U-A"), cell("Lao động tiên tiến"), date.to_string()]),
    );
    let manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
        <manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">\
        <manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/>\
        <manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/></manifest:manifest>";
    let zip = stored_zip(&[
        (
            "mimetype",
            b"application/vnd.oasis.opendocument.spreadsheet",
        ),
        ("META-INF/manifest.xml", manifest.as_bytes()),
        ("content.xml", content.as_bytes()),
    ]);
    std::fs::write(&file, zip).unwrap();
    let (code, out, err) = thidua(&import_args(
        data,
        file.to_str().unwrap(),
        &["--lang", "en", "--format", "json"],
    ));
    assert_eq!(code, 0, "{out}{err}");
    let json: Json = serde_json::from_str(&out).unwrap();
    assert_eq!(json["sheet"], "Danh sách");
    assert_eq!(json["from_title"]["decision"], "1/QĐ-UBND");
    let written = std::fs::read_to_string(dir.path().join("awards/ds.csv")).unwrap();
    assert!(
        written.ends_with("ds-3,2024,P-1,,LDTT,thuong_xuyen,,1/QĐ-UBND,2025-01-10,huyen\n"),
        "{written}"
    );
    check_is_clean(data);
}

#[test]
fn collectives_and_individuals_in_one_list() {
    let dir = folder();
    let data = dir.path().to_str().unwrap();
    let src = tempfile::tempdir().unwrap();
    let file = src.path().join("tap-the-ca-nhan.csv");
    std::fs::write(
        &file,
        "STT,\"Tên tập thể, cá nhân\",Hình thức khen thưởng,Số quyết định,Ngày quyết định\n\
         I,TẬP THỂ,,,\n\
         1,Trường THCS Nam Yên,Giấy khen,2/QĐ-UBND,02/01/2025\n\
         II,CÁ NHÂN,,,\n\
         1,Trần Thị Hoà,Lao động tiên tiến,2/QĐ-UBND,02/01/2025\n",
    )
    .unwrap();
    let (code, out, _) = thidua(&import_args(
        data,
        file.to_str().unwrap(),
        &["--lang", "en"],
    ));
    assert_eq!(code, 0, "{out}");
    let written = std::fs::read_to_string(dir.path().join("awards/tap-the-ca-nhan.csv")).unwrap();
    assert!(
        written.contains("tap-the-ca-nhan-3,2024,,U-B,GK,"),
        "{written}"
    );
    assert!(
        written.contains("tap-the-ca-nhan-5,2024,P-3,,LDTT,"),
        "{written}"
    );
    check_is_clean(data);
}

/// Imported rows meet the law's rules as `check` applies them: a collective
/// title for a unit whose people hold no LĐTT is rejected, with its line, and
/// nothing is written.
#[test]
fn rows_failing_a_law_rule_are_rejected() {
    let dir = folder();
    let data = dir.path().to_str().unwrap();
    let before = snapshot(dir.path());
    let src = tempfile::tempdir().unwrap();
    let file = src.path().join("tap-the.csv");
    std::fs::write(
        &file,
        "STT,Tên tập thể,Hình thức khen thưởng,Số quyết định,Ngày quyết định\n\
         1,Trường THCS Nam Yên,Tập thể lao động tiên tiến,2/QĐ-UBND,02/01/2025\n",
    )
    .unwrap();
    let (code, out, _) = thidua(&import_args(
        data,
        file.to_str().unwrap(),
        &["--lang", "en", "--format", "json"],
    ));
    assert_eq!(code, 1, "{out}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let errors = json["errors"].as_array().expect("errors listed");
    assert!(
        errors.iter().any(|e| e["rule"] == "ttldtt-members"
            && e["line"] == 2
            && !e["citation"].as_str().unwrap_or("").is_empty()),
        "{out}"
    );
    assert_eq!(snapshot(dir.path()), before, "nothing is written");
}
