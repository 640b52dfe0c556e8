//! Files as Excel leaves them (§9.5 of the data format): a bundled file saved
//! by Vietnamese-locale Excel reads as the canonical one with one warning, and
//! one broken file puts its cause first and keeps the findings few.

use std::path::{Path, PathBuf};

use serde_json::Value;

fn thidua(args: &[&str]) -> (i32, String, String) {
    let out = crate::support::thidua()
        .args(args)
        .env("THIDUA_TODAY", "2026-12-01")
        .env_remove("THIDUA_DATA")
        .env_remove("THIDUA_LANG")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn bundled() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

fn copy_of_data() -> tempfile::TempDir {
    crate::support::copy_of_bundled_data()
}

/// `text` as Vietnamese-locale Excel saves a CSV: `;` between columns, dates
/// `d/m/yyyy`, a BOM and CRLF line ends.
pub fn as_excel_saves_it(text: &str) -> Vec<u8> {
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes());
    let mut wtr = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .from_writer(vec![0xEF, 0xBB, 0xBF]);
    for rec in rdr.records() {
        let rec = rec.unwrap();
        let cells: Vec<String> = rec.iter().map(excel_date).collect();
        wtr.write_record(&cells).unwrap();
    }
    wtr.into_inner().unwrap()
}

fn excel_date(cell: &str) -> String {
    let b = cell.as_bytes();
    let iso = b.len() == 10 && b[4] == b'-' && b[7] == b'-';
    if !iso {
        return cell.to_string();
    }
    let (y, m, d) = (&cell[..4], &cell[5..7], &cell[8..]);
    let n = |s: &str| s.parse::<u32>().unwrap();
    format!("{}/{}/{y}", n(d), n(m))
}

fn check_json(dir: &Path) -> (i32, Value) {
    let (code, out, _) = thidua(&["check", "--data", dir.to_str().unwrap(), "--format", "json"]);
    (code, serde_json::from_str(&out).unwrap())
}

fn report_json(dir: &Path) -> String {
    let (code, out, err) = thidua(&[
        "report",
        "2018",
        "--data",
        dir.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    out
}

fn rules_of(json: &Value) -> Vec<(String, String)> {
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d["file"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

#[test]
fn an_awards_file_saved_by_excel_gives_the_same_report() {
    let dir = copy_of_data();
    let file = dir.path().join("awards/2018-cuoi-nam.csv");
    let canonical = std::fs::read_to_string(&file).unwrap();
    let excel = as_excel_saves_it(&canonical);
    assert!(excel.starts_with(b"\xEF\xBB\xBFid;year;") && excel.windows(2).any(|w| w == b"\r\n"));
    assert!(String::from_utf8_lossy(&excel).contains(";8/1/2019;"));
    std::fs::write(&file, &excel).unwrap();

    let (code, json) = check_json(dir.path());
    assert_eq!(code, 0, "{json}");
    assert_eq!(
        (json["errors"].as_u64(), json["warnings"].as_u64()),
        (Some(0), Some(1))
    );
    let d = &json["diagnostics"][0];
    assert_eq!(d["rule"], "non-canonical-file");
    assert_eq!(d["file"], "awards/2018-cuoi-nam.csv");
    let msg = d["message"].as_str().unwrap();
    assert!(msg.contains("dấu `;`, ngày d/m/yyyy, BOM, CRLF"), "{msg}");
    assert!(d["help"].as_str().unwrap().contains("thidua fmt"));

    assert_eq!(report_json(dir.path()), report_json(&bundled()));
}

#[test]
fn a_people_file_in_windows_1258_reads_the_same() {
    let dir = copy_of_data();
    let file = dir.path().join("people/xa-thi-tran.csv");
    let text = std::fs::read_to_string(&file).unwrap();
    let bytes = thidua::import::encoding::encode_windows_1258(&text).unwrap();
    assert!(std::str::from_utf8(&bytes).is_err());
    std::fs::write(&file, bytes).unwrap();
    let (code, json) = check_json(dir.path());
    assert_eq!(code, 0, "{json}");
    assert_eq!(
        rules_of(&json),
        [("non-canonical-file".into(), "people/xa-thi-tran.csv".into())]
    );
    assert!(json["diagnostics"][0]["message"]
        .as_str()
        .unwrap()
        .contains("Windows-1258"));
    assert_eq!(report_json(dir.path()), report_json(&bundled()));
}

#[test]
fn one_unclosed_string_in_campaigns_toml_is_one_cause_and_few_findings() {
    let dir = copy_of_data();
    let file = dir.path().join("campaigns.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    let at = text.find("name = \"").unwrap() + "name = \"".len();
    let line_end = at + text[at..].find("\"\n").unwrap();
    let broken = format!("{}{}", &text[..line_end], &text[line_end + 1..]);
    std::fs::write(&file, broken).unwrap();

    let (code, json) = check_json(dir.path());
    assert_eq!(code, 1);
    let found = rules_of(&json);
    assert_eq!(
        found[0],
        ("parse-error".into(), "campaigns.toml".into()),
        "{json}"
    );
    assert!(found.len() <= 10, "{:?}", &found[..found.len().min(12)]);
    // The awards that name a campaign: one finding with the count.
    let collapsed = &json["diagnostics"][1];
    assert_eq!(collapsed["rule"], "unknown-reference");
    let msg = collapsed["message"].as_str().unwrap();
    assert!(
        msg.contains("khen thưởng tham chiếu phong trào trong campaigns.toml"),
        "{msg}"
    );

    // `report` names the file left out first; `--strict` refuses.
    let data = dir.path().to_str().unwrap();
    let (code, _, err) = thidua(&["report", "2018", "--data", data]);
    assert_eq!(code, 0);
    assert!(
        err.lines().next().unwrap().contains("campaigns.toml"),
        "{err}"
    );
    let (code, _, err) = thidua(&["report", "2018", "--data", data, "--strict"]);
    assert_eq!(code, 1, "{err}");
}

#[test]
fn a_workbook_renamed_csv_is_one_parse_error_and_no_raw_bytes() {
    let dir = copy_of_data();
    let file = dir.path().join("awards/2018-tinh.csv");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.write(0, 0, "Họ và tên\u{1b}[31m").unwrap();
    wb.save(&file).unwrap();

    let (code, out, _) = thidua(&["check", "--data", dir.path().to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(!out.chars().any(|c| c.is_control() && c != '\n'), "{out:?}");
    let (_, json) = check_json(dir.path());
    let found = rules_of(&json);
    assert_eq!(
        found[0],
        ("parse-error".into(), "awards/2018-tinh.csv".into())
    );
    let msg = json["diagnostics"][0]["message"].as_str().unwrap();
    assert!(
        msg.contains("tệp Excel (.xlsx)") && msg.contains("thidua import"),
        "{msg}"
    );
    assert!(found.len() <= 10, "{:?}", &found[..found.len().min(12)]);
}

#[test]
fn a_spreadsheet_in_a_record_folder_points_to_import() {
    let dir = copy_of_data();
    let mut wb = rust_xlsxwriter::Workbook::new();
    wb.add_worksheet().write(0, 0, "STT").unwrap();
    wb.save(dir.path().join("awards/2019.xlsx")).unwrap();
    let (code, json) = check_json(dir.path());
    assert_eq!(code, 0);
    assert_eq!(
        rules_of(&json),
        [("unknown-file".into(), "awards/2019.xlsx".into())]
    );
    let help = json["diagnostics"][0]["help"].as_str().unwrap();
    assert!(help.contains("thidua import awards/2019.xlsx"), "{help}");
}

#[test]
fn a_missing_column_or_an_open_quote_comes_first() {
    // A units file without its `kind` column: every person's unit is unknown.
    let dir = copy_of_data();
    let file = dir.path().join("units/xa-thi-tran.csv");
    let text = std::fs::read_to_string(&file).unwrap();
    let dropped: String = text
        .lines()
        .map(|l| {
            let mut cells: Vec<&str> = l.split(',').collect();
            cells.remove(2);
            cells.join(",") + "\n"
        })
        .collect();
    std::fs::write(&file, dropped).unwrap();
    let (code, json) = check_json(dir.path());
    assert_eq!(code, 1);
    let found = rules_of(&json);
    assert_eq!(
        found[0],
        ("missing-column".into(), "units/xa-thi-tran.csv".into()),
        "{json}"
    );
    assert!(found.len() <= 10, "{:?}", &found[..found.len().min(12)]);

    // A quote left open in a people file swallows the rest of it.
    let dir = copy_of_data();
    let file = dir.path().join("people/co-quan.csv");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replacen("Danh Văn Tâm", "\"Danh Văn Tâm", 1)).unwrap();
    let (code, json) = check_json(dir.path());
    assert_eq!(code, 1);
    let found = rules_of(&json);
    assert_eq!(
        found[0],
        ("parse-error".into(), "people/co-quan.csv".into()),
        "{json}"
    );
    assert!(found.len() <= 10, "{:?}", &found[..found.len().min(12)]);
}

/// An award list as a district office writes it: title block with the
/// national motto, a merged two-row header, sections I./II., one combined
/// "Chức vụ, đơn vị" column, honorifics, hyphens where the folder has en
/// dashes, "UBND xã …" for the unit "Xã …", a closing line and a signature
/// block with the signer's name under it.
fn office_list(path: &Path) {
    use rust_xlsxwriter::{Format, Workbook};
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let bold = Format::new().set_bold();
    ws.merge_range(0, 0, 0, 1, "UBND HUYỆN AN BIÊN", &bold)
        .unwrap();
    ws.merge_range(0, 2, 0, 5, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", &bold)
        .unwrap();
    ws.merge_range(1, 2, 1, 5, "Độc lập - Tự do - Hạnh phúc", &bold)
        .unwrap();
    ws.merge_range(
        3,
        0,
        3,
        5,
        "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG GIẤY KHEN NĂM 2018",
        &bold,
    )
    .unwrap();
    let title =
        "(Kèm theo Quyết định số 2222/QĐ-UBND ngày 20/12/2018 của Chủ tịch UBND huyện An Biên)";
    ws.merge_range(4, 0, 4, 5, title, &Format::new()).unwrap();
    // The header over two rows: "Khen thưởng" above "Hình thức | Số quyết định".
    ws.merge_range(6, 0, 7, 0, "STT", &bold).unwrap();
    ws.merge_range(6, 1, 7, 1, "Họ và tên", &bold).unwrap();
    ws.merge_range(6, 2, 7, 2, "Chức vụ, đơn vị", &bold)
        .unwrap();
    ws.merge_range(6, 3, 6, 4, "Khen thưởng", &bold).unwrap();
    ws.write_string_with_format(7, 3, "Hình thức", &bold)
        .unwrap();
    ws.write_string_with_format(7, 4, "Số quyết định", &bold)
        .unwrap();
    ws.merge_range(6, 5, 7, 5, "Ghi chú", &bold).unwrap();
    let rows: &[&[&str]] = &[
        &["I. TẬP THỂ"],
        &["1", "UBND xã Nam Thái", "", "Giấy khen", "2222/QĐ-UBND"],
        &["2", "UBND thị trấn Thứ Ba", "", "Giấy khen", "2222/QĐ-UBND"],
        &["II. CÁ NHÂN"],
        &[
            "1",
            "Bà Đặng Ngọc Tiên",
            "Chủ tịch UBND xã Nam Thái",
            "Giấy khen",
            "2222/QĐ-UBND",
        ],
        &[
            "2",
            "Ông  Dương Đức Hậu",
            "Phó Chủ tịch UBND xã Nam Thái",
            "Giấy khen",
            "2222/QĐ-UBND",
        ],
        &[
            "3",
            "Đ/c Phạm Hồng Hân",
            "Công chức Văn phòng - Thống kê, UBND xã Nam Thái",
            "Giấy khen",
            "2222/QĐ-UBND",
        ],
        &[
            "4",
            "Đồng chí Trần Đức Tuấn",
            "Trưởng phòng Tài chính - Kế hoạch",
            "Giấy khen",
            "2222/QĐ-UBND",
        ],
        &[
            "5",
            "Ông Huỳnh Văn Đạt",
            "Chuyên viên Phòng Nông nghiệp và Phát triển nông thôn",
            "Giấy khen",
            "2222/QĐ-UBND",
        ],
        &["Danh sách này có 02 tập thể và 05 cá nhân./."],
        &[],
        &["", "NGƯỜI LẬP BIỂU", "", "KT. CHỦ TỊCH"],
        &["", "", "", "PHÓ CHỦ TỊCH"],
        &[],
        &["", "Lê Văn Ba", "", "Nguyễn Văn Bình"],
    ];
    for (i, r) in rows.iter().enumerate() {
        for (c, v) in r.iter().enumerate() {
            if !v.is_empty() {
                ws.write_string((8 + i) as u32, c as u16, *v).unwrap();
            }
        }
    }
    wb.save(path).unwrap();
}

#[test]
fn an_office_list_imports_every_row_without_help() {
    let dir = copy_of_data();
    let data = dir.path().to_str().unwrap();
    let src = tempfile::tempdir().unwrap();
    let file = src.path().join("qd-2222.xlsx");
    office_list(&file);
    let args = [
        "import",
        file.to_str().unwrap(),
        "--data",
        data,
        "--set",
        "kind=dot_xuat",
        "--format",
        "json",
    ];
    let (code, out, err) = thidua(&args);
    assert_eq!(code, 0, "{out}{err}");
    let json: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["added"], 7, "{json}");
    assert_eq!(json["rejected"], 0, "{json}");
    assert_eq!(json["created_people"], 0, "{json}");
    let written = std::fs::read_to_string(dir.path().join("awards/qd-2222.csv")).unwrap();
    let recipients: Vec<String> = written
        .lines()
        .skip(1)
        .map(|l| {
            let c: Vec<&str> = l.split(',').collect();
            format!("{}{}:{}:{}:{}", c[2], c[3], c[4], c[1], c[9])
        })
        .collect();
    assert_eq!(
        recipients,
        [
            "xa-nam-thai:GK:2018:huyen",
            "tt-thu-ba:GK:2018:huyen",
            "P0090:GK:2018:huyen",
            "P0091:GK:2018:huyen",
            "P0093:GK:2018:huyen",
            "P0229:GK:2018:huyen",
            "P0260:GK:2018:huyen",
        ]
    );
    let (code, _, _) = thidua(&["check", "--data", data]);
    assert_eq!(code, 0);

    // Importing the same list again adds nothing.
    let (code, out, err) = thidua(&args);
    assert_eq!(code, 0, "{out}{err}");
    let json: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["added"], 0, "{json}");
}

#[test]
fn a_value_no_row_has_is_one_error_with_the_set_line() {
    let dir = copy_of_data();
    let data = dir.path().to_str().unwrap();
    let before = std::fs::read_dir(dir.path().join("awards"))
        .unwrap()
        .count();
    let src = tempfile::tempdir().unwrap();
    let file = src.path().join("qd-2222.xlsx");
    office_list(&file);
    // No --set kind: the list never says which kind of award it is.
    let args = [
        "import",
        file.to_str().unwrap(),
        "--data",
        data,
        "--format",
        "json",
    ];
    let (code, out, _) = thidua(&args);
    assert_eq!(code, 1, "{out}");
    let json: Value = serde_json::from_str(&out).unwrap();
    let errors = json["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1, "{json}");
    assert_eq!(errors[0]["rule"], "missing-value");
    assert!(
        errors[0]["help"]
            .as_str()
            .unwrap()
            .contains("--set kind=thuong_xuyen"),
        "{json}"
    );
    assert_eq!(json["rejected"], 7);

    // --skip-invalid writes nothing here either, and still exits 1.
    let (code, _, _) = thidua(&[&args[..], &["--skip-invalid"]].concat());
    assert_eq!(code, 1);
    assert_eq!(
        std::fs::read_dir(dir.path().join("awards"))
            .unwrap()
            .count(),
        before
    );
}

#[test]
fn suggestions_name_the_person_and_list_ties() {
    let dir = copy_of_data();
    let data = dir.path().to_str().unwrap();
    let src = tempfile::tempdir().unwrap();
    let file = src.path().join("ds.csv");
    std::fs::write(
        &file,
        "STT,Họ và tên,\"Chức vụ, đơn vị\",Hình thức,Số quyết định,Ngày quyết định,Năm\n\
         1,Bà Đặng Ngọc Tiền,Chủ tịch UBND xã Nam Thái,Giấy khen,9/QĐ-UBND,20/12/2018,2018\n\
         2,Huỳnh Văn Đat,,Giấy khen,9/QĐ-UBND,20/12/2018,2018\n",
    )
    .unwrap();
    let args = [
        "--lang",
        "en",
        "import",
        file.to_str().unwrap(),
        "--data",
        data,
    ];
    let (code, out, _) = thidua(
        &[
            &args[..],
            &[
                "--set",
                "kind=dot_xuat",
                "--set",
                "issuer=huyen",
                "--format",
                "json",
            ],
        ]
        .concat(),
    );
    assert_eq!(code, 1);
    let json: Value = serde_json::from_str(&out).unwrap();
    let help = |i: usize| json["errors"][i]["help"].as_str().unwrap().to_string();
    assert!(
        help(0).contains("Đặng Ngọc Tiên (P0090, Xã Nam Thái)"),
        "{json}"
    );
    let tie = help(1);
    assert!(
        tie.contains("(P0260, ") && tie.contains("(P0358, "),
        "{tie}"
    );
}
