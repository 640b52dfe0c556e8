//! `thidua draft decision|proposal` and `report --format docx`: every document
//! is opened (unzipped) and its XML read back: A4 and the margins, Times New
//! Roman, the national motto, the number, each recipient exactly once in the
//! annex, the counts of Điều 1 equal to the annex. With LibreOffice on PATH the
//! decision is also converted to PDF.

use std::io::Read;
use std::path::{Path, PathBuf};

/// Runs thidua and returns (exit status, stdout, stderr).
fn run(args: &[&str]) -> (i32, Vec<u8>, String) {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let mut full = vec!["thidua"];
    full.extend_from_slice(args);
    let code = crate::support::run(full, &mut out, &mut err);
    (code, out, String::from_utf8_lossy(&err).into_owned())
}

fn data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

/// A part of a .docx (a zip), as text.
fn part(docx: &Path, name: &str) -> String {
    let file = std::fs::File::open(docx).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut text = String::new();
    zip.by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The pieces of `xml` between `<tag` … `</tag>`.
fn elements<'a>(xml: &'a str, tag: &str) -> Vec<&'a str> {
    let (open, close) = (format!("<{tag}>"), format!("</{tag}>"));
    let open_attr = format!("<{tag} ");
    let mut out = Vec::new();
    let mut rest = xml;
    loop {
        let start = match (rest.find(&open), rest.find(&open_attr)) {
            (Some(a), Some(b)) => a.min(b),
            (Some(a), None) | (None, Some(a)) => a,
            (None, None) => break,
        };
        let Some(end) = rest[start..].find(&close) else {
            break;
        };
        out.push(&rest[start..start + end]);
        rest = &rest[start + end + close.len()..];
    }
    out
}

/// The text of a piece of WordprocessingML (runs joined, breaks as spaces).
fn text_of(xml: &str) -> String {
    let mut out = String::new();
    let mut rest = xml;
    while let Some(i) = rest.find("<w:") {
        let after = &rest[i..];
        if after.starts_with("<w:t>") || after.starts_with("<w:t ") {
            let body_start = after.find('>').unwrap() + 1;
            let body_end = after.find("</w:t>").unwrap();
            out.push_str(&unescape(&after[body_start..body_end]));
            rest = &after[body_end..];
        } else {
            if after.starts_with("<w:br") {
                out.push(' ');
            }
            rest = &after[3..];
        }
    }
    out
}

/// The paragraphs of the document body outside tables, and the tables as
/// rows of cell texts.
struct Doc {
    xml: String,
    paragraphs: Vec<String>,
    tables: Vec<Vec<Vec<String>>>,
}

fn open(docx: &Path) -> Doc {
    let xml = part(docx, "word/document.xml");
    let tables = elements(&xml, "w:tbl")
        .into_iter()
        .map(|t| {
            elements(t, "w:tr")
                .into_iter()
                .map(|r| elements(r, "w:tc").into_iter().map(text_of).collect())
                .collect()
        })
        .collect();
    let mut outside = xml.clone();
    while let (Some(a), Some(b)) = (outside.find("<w:tbl>"), outside.find("</w:tbl>")) {
        outside.replace_range(a..b + "</w:tbl>".len(), "");
    }
    let paragraphs = elements(&outside, "w:p").into_iter().map(text_of).collect();
    Doc {
        xml,
        paragraphs,
        tables,
    }
}

/// A4 portrait, NĐ 30's margins and Times New Roman.
fn assert_official_page(docx: &Path, doc: &Doc) {
    assert!(
        doc.xml.contains(r#"<w:pgSz w:w="11906" w:h="16838""#),
        "A4 portrait"
    );
    let margins = elements(&doc.xml, "w:pgMar");
    let pg_mar = doc
        .xml
        .split("<w:pgMar ")
        .nth(1)
        .map(|s| &s[..s.find("/>").unwrap()]);
    let pg_mar = pg_mar.unwrap_or_else(|| panic!("no page margins {margins:?}"));
    let twips = |name: &str| -> f64 {
        let key = format!("w:{name}=\"");
        let at = pg_mar.find(&key).unwrap() + key.len();
        pg_mar[at..at + pg_mar[at..].find('"').unwrap()]
            .parse()
            .unwrap()
    };
    let mm = |name| twips(name) / 1440.0 * 25.4;
    assert!(
        (20.0..=25.0).contains(&mm("top").round()),
        "top {}",
        mm("top")
    );
    assert!(
        (20.0..=25.0).contains(&mm("bottom").round()),
        "bottom {}",
        mm("bottom")
    );
    assert!(
        (30.0..=35.0).contains(&mm("left").round()),
        "left {}",
        mm("left")
    );
    assert!(
        (15.0..=20.0).contains(&mm("right").round()),
        "right {}",
        mm("right")
    );
    let styles = part(docx, "word/styles.xml");
    assert!(
        styles.contains(r#"w:ascii="Times New Roman""#),
        "Times New Roman"
    );
    let size = styles.split("<w:sz w:val=\"").nth(1).unwrap();
    let half_points: u32 = size[..size.find('"').unwrap()].parse().unwrap();
    assert!(
        (26..=28).contains(&half_points),
        "body 13–14 pt, not {half_points}"
    );
    let all = doc.tables.concat().concat().join("\n");
    // Every placeholder of the template was filled.
    let text = format!("{all}\n{}", doc.paragraphs.join("\n"));
    assert!(!text.contains('{') && !text.contains('}'), "{text}");
    assert!(all.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
    assert!(all.contains("Độc lập - Tự do - Hạnh phúc"));
}

/// The annex (the last table): its entries (name, detail), without the
/// header and group rows; each group starts with "I." or "II.".
fn annex(doc: &Doc) -> Vec<Vec<String>> {
    let table = doc.tables.last().expect("an annex table");
    assert_eq!(table[0][0], "STT");
    table[1..]
        .iter()
        .filter(|row| row.len() > 1)
        .cloned()
        .collect()
}

/// The numbers of the "- form: N tập thể và M cá nhân;" lines.
fn article_counts(doc: &Doc) -> (u64, u64) {
    let mut units = 0;
    let mut people = 0;
    for p in doc.paragraphs.iter().filter(|p| p.starts_with("- ")) {
        let Some((_, counts)) = p.rsplit_once(": ") else {
            continue;
        };
        for part in counts.trim_end_matches(';').split(" và ") {
            let (n, what) = part.split_once(' ').unwrap();
            let n: u64 = n.parse().unwrap();
            if what.starts_with("tập thể") {
                units += n;
            } else if what.starts_with("cá nhân") {
                people += n;
            }
        }
    }
    (units, people)
}

#[test]
fn the_bundled_decision_170_is_an_official_document_with_its_annex() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("qd.docx");
    let (code, _, err) = run(&[
        "--data",
        data().to_str().unwrap(),
        "draft",
        "decision",
        "170/QĐ-UBND",
        "--output",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("signer"),
        "the missing signer is a warning: {err}"
    );
    let doc = open(&out);
    assert_official_page(&out, &doc);
    assert!(doc.tables[0]
        .concat()
        .iter()
        .any(|c| c == "Số: 170/QĐ-UBND"));
    assert!(doc.tables[0]
        .concat()
        .iter()
        .any(|c| c.contains("An Biên, ngày 18 tháng 01 năm 2019")));
    assert!(doc
        .paragraphs
        .iter()
        .any(|p| p.contains("Nghị định số 91/2017/NĐ-CP")));
    assert!(doc.paragraphs.iter().any(|p| p == "QUYẾT ĐỊNH:"));
    let rows = annex(&doc);
    assert_eq!(rows.len(), 290, "the decision's 290 people, once each");
    assert_eq!(article_counts(&doc), (0, 290));
    assert!(
        doc.xml.contains("<w:tblHeader />"),
        "the annex header repeats on each page"
    );
    // Compressed, and the same records give the same bytes.
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.len() < 60_000, "{} bytes", bytes.len());
    let again = dir.path().join("again.docx");
    run(&[
        "--data",
        data().to_str().unwrap(),
        "draft",
        "decision",
        "170/QĐ-UBND",
        "-o",
        again.to_str().unwrap(),
    ]);
    assert_eq!(std::fs::read(&again).unwrap(), bytes);
}

/// A folder whose decision QĐ-1 gives two forms to units and people (one
/// person twice), and whose awards disagree on the date and the issuer.
fn mixed_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let w = |name: &str, text: &str| {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    w("thidua.toml", "[organisation]\nname = \"UBND xã Ví Dụ\"\nlevel = \"xa\"\nplace = \"Ví Dụ\"\nsigner = \"Trần Văn Ký\"\nsigner-title = \"Chủ tịch\"\n");
    w(
        "units.csv",
        "id,name,kind,parent\nXA,UBND xã Ví Dụ,xa,\nAP1,Ấp Một,thon_ap,XA\nAP2,Ấp Hai,thon_ap,XA\n",
    );
    w("people.csv", "id,name,unit,direct_worker,position\nP1,Nguyễn Thị Mai,XA,true,Công chức\nP2,Trần Văn Bình,AP1,false,Trưởng ấp\nP3,Nguyễn Thị Mai,AP2,true,\n");
    w(
        "awards/2025.csv",
        "id,year,person,unit,award,kind,decision,decision_date,issuer\n\
         A1,2025,P1,,LDTT,thuong_xuyen,12/QĐ-UBND,2026-01-10,xa\n\
         A2,2025,P2,,LDTT,thuong_xuyen,12/QĐ-UBND,2026-01-10,xa\n\
         A3,2025,P3,,LDTT,thuong_xuyen,12/QĐ-UBND,2026-01-10,xa\n\
         A4,2025,P1,,GK,thuong_xuyen,12/QĐ-UBND,2026-01-10,xa\n\
         A5,2025,,AP1,GK,thuong_xuyen,12/QĐ-UBND,2026-01-10,xa\n\
         A6,2025,,AP2,GK,thuong_xuyen,12/QĐ-UBND,2026-01-11,huyen\n\
         A7,2025,,AP2,TTLDTT,thuong_xuyen,13/QĐ-UBND,2026-01-10,xa\n",
    );
    w(
        "proposals.csv",
        "id,year,person,unit,award,status\nD1,2025,P2,,GK,pending\nD2,2025,,AP1,TTLDTT,pending\nD3,2025,P1,,GK,approved\n",
    );
    dir
}

#[test]
fn each_recipient_is_listed_once_and_article_1_counts_the_annex() {
    let folder = mixed_folder();
    let out = folder.path().join("qd12.docx");
    let (code, _, err) = run(&[
        "--data",
        folder.path().to_str().unwrap(),
        "--lang",
        "en",
        "draft",
        "decision",
        "12/qđ-ubnd",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("disagree on its date") && err.contains("2026-01-10 (5)"),
        "{err}"
    );
    assert!(
        err.contains("disagree on its issuer") && err.contains("xa (5)"),
        "{err}"
    );
    assert!(!err.contains("signer"), "every setting is given: {err}");
    let doc = open(&out);
    assert_official_page(&out, &doc);
    let rows = annex(&doc);
    let names: Vec<&str> = rows.iter().map(|r| r[1].as_str()).collect();
    assert_eq!(
        names,
        [
            "Ấp Một",
            "Ấp Hai",
            "Nguyễn Thị Mai",
            "Trần Văn Bình",
            "Nguyễn Thị Mai"
        ]
    );
    assert_eq!(rows[2][2], "Công chức, UBND xã Ví Dụ", "position and unit");
    assert_eq!(
        rows[4][2], "Ấp Hai",
        "the namesake is told apart by the unit"
    );
    assert_eq!(
        rows[2][3], "Danh hiệu “Lao động tiên tiến”; Giấy khen",
        "both forms of P1 on one line"
    );
    // Điều 1: LĐTT to 3 people, Giấy khen to 2 units and 1 person.
    assert!(doc
        .paragraphs
        .iter()
        .any(|p| p == "- Danh hiệu “Lao động tiên tiến”: 3 cá nhân;"));
    assert!(doc
        .paragraphs
        .iter()
        .any(|p| p == "- Giấy khen: 2 tập thể và 1 cá nhân;"));
    let per_form: usize = rows.iter().map(|r| r[3].split("; ").count()).sum();
    let (units, people) = article_counts(&doc);
    assert_eq!((units + people) as usize, per_form);
    assert!(doc
        .paragraphs
        .iter()
        .any(|p| p.contains("Danh sách này có 2 tập thể và 3 cá nhân")));
    assert!(doc.tables[0]
        .concat()
        .iter()
        .any(|c| c.contains("Ví Dụ, ngày 10 tháng 01 năm 2026")));
    assert!(doc
        .tables
        .iter()
        .flatten()
        .flatten()
        .any(|c| c.ends_with("Trần Văn Ký")));
}

#[test]
fn an_unknown_number_exits_2_naming_the_nearest() {
    let (code, out, err) = run(&[
        "--data",
        data().to_str().unwrap(),
        "--lang",
        "en",
        "draft",
        "decision",
        "170",
    ]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(
        err.contains("no decision `170`") && err.contains("170/QĐ-UBND"),
        "{err}"
    );
}

#[test]
fn date_chooses_one_of_the_decisions_that_share_a_number() {
    let folder = mixed_folder();
    let dir = folder.path().to_str().unwrap();
    let out = folder.path().join("qd12.docx");
    let (code, _, err) = run(&[
        "--data",
        dir,
        "--lang",
        "en",
        "draft",
        "decision",
        "12/QĐ-UBND",
        "--date",
        "2026-01-11",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(!err.contains("disagree"), "one decision, one date: {err}");
    let names: Vec<String> = annex(&open(&out)).iter().map(|r| r[1].clone()).collect();
    assert_eq!(names, ["Ấp Hai"]);
    let (code, _, err) = run(&[
        "--data",
        dir,
        "--lang",
        "en",
        "draft",
        "decision",
        "12/QĐ-UBND",
        "--date",
        "2026-02-01",
    ]);
    assert_eq!(code, 2);
    assert!(
        err.contains("12/QĐ-UBND --date 2026-01-10")
            && err.contains("12/QĐ-UBND --date 2026-01-11"),
        "{err}"
    );
    let (code, _, err) = run(&[
        "--data",
        dir,
        "draft",
        "decision",
        "12/QĐ-UBND",
        "--date",
        "10/01/2026",
    ]);
    assert_eq!(code, 2, "{err}");
}

#[test]
fn an_office_template_changes_the_wording() {
    let folder = mixed_folder();
    std::fs::create_dir(folder.path().join("templates")).unwrap();
    std::fs::write(
        folder.path().join("templates/quyet-dinh.toml"),
        "dieu_2 = \"Điều 2. Mức thưởng theo Quy chế của xã.\"\n",
    )
    .unwrap();
    let out = folder.path().join("qd13.docx");
    let (code, _, err) = run(&[
        "--data",
        folder.path().to_str().unwrap(),
        "draft",
        "decision",
        "13/QĐ-UBND",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let doc = open(&out);
    assert!(doc
        .paragraphs
        .iter()
        .any(|p| p == "Điều 2. Mức thưởng theo Quy chế của xã."));
    assert!(
        doc.paragraphs.iter().any(|p| p.starts_with("Điều 3.")),
        "other texts stay"
    );
    assert!(
        doc.paragraphs
            .iter()
            .any(|p| p == "Danh sách này có 1 tập thể./."),
        "no \"0 cá nhân\""
    );
    // The templates folder is not data: check does not call it an unknown file.
    let (_, out, _) = run(&[
        "--data",
        folder.path().to_str().unwrap(),
        "check",
        "--format",
        "json",
    ]);
    assert!(!String::from_utf8_lossy(&out).contains("unknown-file"));
}

#[test]
fn the_submission_lists_the_pending_proposals_and_says_so() {
    let folder = mixed_folder();
    let out = folder.path().join("tt.docx");
    let (code, _, err) = run(&[
        "--data",
        folder.path().to_str().unwrap(),
        "draft",
        "proposal",
        "2025",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let doc = open(&out);
    assert_official_page(&out, &doc);
    let rows = annex(&doc);
    let names: Vec<&str> = rows.iter().map(|r| r[1].as_str()).collect();
    assert_eq!(
        names,
        ["Ấp Một", "Trần Văn Bình"],
        "pending only, collectives first"
    );
    assert!(doc
        .paragraphs
        .iter()
        .any(|p| p.contains("2 đề nghị khen thưởng đang chờ xét")));
    assert_eq!(article_counts(&doc), (1, 1));
    let (code, _, err) = run(&[
        "--data",
        folder.path().to_str().unwrap(),
        "--lang",
        "en",
        "draft",
        "proposal",
        "2025",
        "--award",
        "BKT",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("no pending proposal for 2025 (BKT)"), "{err}");
    let (code, _, err) = run(&[
        "--data",
        folder.path().to_str().unwrap(),
        "draft",
        "proposal",
        "25",
    ]);
    assert_eq!(code, 2, "{err}");
}

#[test]
fn the_decision_converts_to_pdf_when_libreoffice_is_here() {
    let Some(soffice) = ["soffice", "libreoffice"].into_iter().find(|p| {
        std::process::Command::new(p)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    }) else {
        println!("skipped: LibreOffice (soffice) is not on PATH");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("qd.docx");
    let (code, _, err) = run(&[
        "--data",
        data().to_str().unwrap(),
        "draft",
        "decision",
        "3148/QĐ-UBND",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let profile = format!(
        "-env:UserInstallation=file://{}",
        dir.path().join("profile").display()
    );
    let status = std::process::Command::new(soffice)
        .args([
            profile.as_str(),
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(dir.path())
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let pdf = std::fs::read(dir.path().join("qd.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    let pages = pdf
        .windows(b"/Type/Page".len() + 1)
        .filter(|w| w.starts_with(b"/Type/Page") && w[w.len() - 1] != b's')
        .count();
    assert!(pages >= 2, "the decision and its annex: {pages} pages");
}

/// A file of a zip archive (xlsx, docx) as text.
fn zip_text(path: &Path, name: &str) -> String {
    part(path, name)
}

#[test]
fn the_report_as_docx_has_stt_and_a_total_row_per_breakdown() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r.docx");
    let (code, _, err) = run(&[
        "--data",
        data().to_str().unwrap(),
        "report",
        "2018",
        "--format",
        "docx",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let doc = open(&out);
    assert_official_page(&out, &doc);
    let tables = &doc.tables[1..];
    assert!(tables.len() >= 6, "{} tables", tables.len());
    for t in tables {
        assert_eq!(t[0][0], "STT");
    }
    let by_award = tables
        .iter()
        .find(|t| t[0][1] == "Hình thức khen thưởng")
        .unwrap();
    let total = by_award.last().unwrap();
    assert_eq!(total[1], "Tổng cộng");
    assert!(by_award[0][2].contains("so với 2017"), "{:?}", by_award[0]);
    // The awards of the rows add up to the total row.
    let count = |cell: &str| -> u64 { cell.split(' ').next().unwrap().parse().unwrap() };
    let sum: u64 = by_award[1..by_award.len() - 1]
        .iter()
        .map(|r| count(&r[2]))
        .sum();
    assert_eq!(sum, count(&total[2]));
    assert!(!err.contains("place"), "the place is set: {err}");

    // Without a place, and with an office template that is broken: warnings,
    // and the document all the same.
    let folder = mixed_folder();
    let toml = folder.path().join("thidua.toml");
    let settings = std::fs::read_to_string(&toml).unwrap();
    std::fs::write(&toml, settings.replace("place = \"Ví Dụ\"\n", "")).unwrap();
    std::fs::create_dir(folder.path().join("templates")).unwrap();
    std::fs::write(folder.path().join("templates/bao-cao.toml"), "loai = [\n").unwrap();
    let out = folder.path().join("r.docx");
    let (code, _, err) = run(&[
        "--data",
        folder.path().to_str().unwrap(),
        "--lang",
        "en",
        "report",
        "2025",
        "--format",
        "docx",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("`[organisation] place`"), "{err}");
    assert!(err.contains("templates/bao-cao.toml"), "{err}");
    let doc = open(&out);
    assert!(
        doc.paragraphs.iter().any(|p| p == "BÁO CÁO"),
        "the built-in text"
    );
}

#[test]
fn the_xlsx_report_prints_on_a4_one_page_wide_with_repeated_headers() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r.xlsx");
    let (code, _, err) = run(&[
        "--data",
        data().to_str().unwrap(),
        "report",
        "2018",
        "--format",
        "xlsx",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let sheet = zip_text(&out, "xl/worksheets/sheet2.xml");
    assert!(sheet.contains(r#"paperSize="9""#), "A4");
    assert!(
        sheet.contains(r#"fitToHeight="0""#) && sheet.contains("<pageSetUpPr fitToPage=\"1\"/>"),
        "one page wide"
    );
    assert!(
        sheet.contains("<oddFooter>&amp;C&amp;P / &amp;N</oddFooter>"),
        "page numbers"
    );
    assert!(
        sheet.contains("customHeight=\"1\""),
        "the header row is tall enough"
    );
    let book = zip_text(&out, "xl/workbook.xml");
    assert!(book.contains("_xlnm.Print_Titles"), "header rows repeated");
    let styles = zip_text(&out, "xl/styles.xml");
    assert!(
        styles.contains(r#"formatCode="0.00%""#),
        "percentages as percentages"
    );
    // Read back: the rate is stored as a fraction.
    use calamine::{open_workbook, Data, Reader, Xlsx};
    let mut wb: Xlsx<_> = open_workbook(&out).unwrap();
    let first = wb.sheet_names()[0].clone();
    let range = wb.worksheet_range(&first).unwrap();
    let rate = range
        .rows()
        .find(|r| matches!(&r[1], Data::String(s) if s.starts_with("Tỷ lệ")))
        .unwrap();
    let Data::Float(v) = rate[2] else {
        panic!("{rate:?}")
    };
    assert!(v > 0.0 && v <= 1.0, "{v}");
}

#[test]
fn csv_for_excel_has_a_bom_and_the_chosen_delimiter_csv_for_scripts_has_neither() {
    let folder = data();
    let args = |extra: &[&str]| {
        let mut a = vec![
            "--data",
            folder.to_str().unwrap(),
            "report",
            "2018",
            "--format",
            "csv",
            "--table",
            "by_award",
        ];
        a.extend_from_slice(extra);
        let (code, out, err) = run(&a.iter().map(|s| &**s).collect::<Vec<_>>());
        assert_eq!(code, 0, "{err}");
        String::from_utf8(out).unwrap()
    };
    let excel = args(&["--excel", "--delimiter", ";"]);
    assert!(excel.starts_with('\u{feff}'), "BOM");
    assert!(excel.contains("\r\n"));
    let header = excel.trim_start_matches('\u{feff}').lines().next().unwrap();
    assert!(header.starts_with("STT;Hình thức khen thưởng;"), "{header}");
    assert!(excel.lines().any(|l| l.starts_with(";Tổng cộng;")));
    let plain = args(&[]);
    assert!(
        !plain.starts_with('\u{feff}') && !plain.contains('\r') && !plain.contains("Tổng cộng")
    );
    assert!(plain.starts_with("Hình thức khen thưởng,"));
}

#[test]
fn the_html_report_prints_on_a4_and_charts_only_what_says_something() {
    let folder = data();
    let render = |extra: &[&str]| {
        let mut a = vec![
            "--data",
            folder.to_str().unwrap(),
            "report",
            "2018",
            "--format",
            "html",
        ];
        a.extend_from_slice(extra);
        let (code, out, err) = run(&a);
        assert_eq!(code, 0, "{err}");
        String::from_utf8(out).unwrap()
    };
    let html = render(&[]);
    assert!(html.contains("@page{size:A4"));
    assert!(html.contains("font-size:13pt") && html.contains("serif"));
    assert!(html.contains("break-inside:avoid"));
    assert!(html.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
    assert!(html.contains("<svg"));
    assert!(html.contains("<tr class=\"total\"><td class=\"stt\"></td><td>Tổng cộng</td>"));
    let no_charts = render(&["--no-charts"]);
    assert!(!no_charts.contains("<svg"));
    // A one-row table gets no chart: the mixed folder's awards are all of one kind.
    let folder = mixed_folder();
    let dir = folder.path().to_str().unwrap();
    let table = |name: &str| {
        let (code, out, err) = run(&[
            "--data", dir, "report", "2025", "--format", "html", "--table", name,
        ]);
        assert_eq!(code, 0, "{err}");
        String::from_utf8(out).unwrap()
    };
    let one = table("by_kind");
    assert!(
        !one.contains("class=\"parent\""),
        "no parent set, none printed"
    );
    let toml = folder.path().join("thidua.toml");
    let settings = std::fs::read_to_string(&toml).unwrap();
    std::fs::write(
        &toml,
        settings.replace(
            "[organisation]\n",
            "[organisation]\nparent = \"UBND huyện Mẫu\"\n",
        ),
    )
    .unwrap();
    let with_parent = table("by_kind");
    assert!(
        with_parent.contains(
            "<span class=\"parent\">UBND HUYỆN MẪU</span><br/>ỦY BAN NHÂN DÂN<br/>XÃ VÍ DỤ"
        ),
        "{}",
        &with_parent[..1500.min(with_parent.len())]
    );
    assert_eq!(one.matches("<td class=\"stt\">1</td>").count(), 1);
    assert!(!one.contains("<svg"), "one row, no chart");
    assert!(table("by_award").contains("<svg"), "three forms, a chart");
}

#[test]
fn thematic_ad_hoc_and_provincial_decisions_of_the_bundled_data() {
    let dir = tempfile::tempdir().unwrap();
    // (number, words of its subject line)
    let cases = [
        ("3148/QĐ-UBND", "có thành tích trong"),
        ("358/QĐ-UBND", "thành tích xuất sắc"),
        ("685/QĐ-UBND", "Tập thể lao động xuất sắc"),
    ];
    for (number, subject) in cases {
        let out = dir.path().join("qd.docx");
        let (code, _, err) = run(&[
            "--data",
            data().to_str().unwrap(),
            "draft",
            "decision",
            number,
            "-o",
            out.to_str().unwrap(),
        ]);
        assert_eq!(code, 0, "{number}: {err}");
        let doc = open(&out);
        assert_official_page(&out, &doc);
        assert!(
            doc.paragraphs
                .iter()
                .any(|p| p.starts_with("Về việc") && p.contains(subject)),
            "{number}: {:?}",
            &doc.paragraphs[..4]
        );
        let rows = annex(&doc);
        let (units, people) = article_counts(&doc);
        assert_eq!((units + people) as usize, rows.len(), "{number}");
    }
    // The provincial decision is the province's, dated at its place.
    let doc = open(&dir.path().join("qd.docx"));
    let head = doc.tables[0].concat().join("\n");
    assert!(head.contains("TỈNH KIÊN GIANG"), "{head}");
    assert!(
        head.contains("Kiên Giang, ngày 15 tháng 3 năm 2017"),
        "{head}"
    );
}

#[test]
fn dash_output_is_stdout_not_a_file_named_dash() {
    let dir = tempfile::tempdir().unwrap();
    let data = data();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = crate::support::run(
        [
            "thidua",
            "-q",
            "--data",
            data.to_str().unwrap(),
            "draft",
            "decision",
            "170/QĐ-UBND",
            "-o",
            "-",
        ],
        &mut out,
        &mut err,
    );
    assert_eq!(code, 0, "{}", String::from_utf8_lossy(&err));
    assert!(out.starts_with(b"PK"), "a .docx (zip) on stdout");
    assert!(!dir.path().join("-").exists() && !Path::new("-").exists());
    // -q leaves only findings and errors: the signer warning is a finding
    // about the document, the "wrote" note is not printed.
    assert!(!String::from_utf8_lossy(&err).contains("qd"));
}
