//! Any bytes given as a CSV list end in a summary or an error, never a panic,
//! and a failed import writes nothing.

use proptest::prelude::*;
use thidua::import::{self, Options};
use thidua::load::Progress;
use thidua::model::RecordType;

fn header_then(bytes: &[u8]) -> Vec<u8> {
    let mut v = "STT;Họ và tên;Đơn vị;Danh hiệu;Ngày quyết định\n"
        .as_bytes()
        .to_vec();
    v.extend_from_slice(bytes);
    v
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn any_csv_bytes_are_handled(raw in proptest::collection::vec(any::<u8>(), 0..400), with_header in any::<bool>()) {
        let data = tempfile::tempdir().unwrap();
        std::fs::write(data.path().join("units.csv"), "id,name,kind\nU-A,Trường A,truong_hoc\n").unwrap();
        let src = tempfile::tempdir().unwrap();
        let file = src.path().join("x.csv");
        std::fs::write(&file, if with_header { header_then(&raw) } else { raw.clone() }).unwrap();
        let mut opts = Options::new(&file, RecordType::Award);
        opts.create_people = true;
        opts.set = vec![("year".into(), "2024".into()), ("kind".into(), "dot_xuat".into())];
        let result = import::run(data.path(), &opts, thidua::Lang::En, &mut Progress::hidden());
        if let Ok(outcome) = &result {
            if outcome.has_rejections() {
                prop_assert!(!outcome.written);
                prop_assert!(!data.path().join("awards").exists());
            }
        }
    }

    #[test]
    fn detection_never_panics(raw in proptest::collection::vec(any::<u8>(), 0..300)) {
        let (text, _) = import::encoding::decode(&raw, None);
        let _ = import::legacy::detect(text.lines());
        let _ = import::source::read_csv(&raw, None, None);
    }
}
