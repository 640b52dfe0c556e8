//! `docs/rules.md` is generated from the rule registry; this test fails when
//! the committed file is stale. Regenerate it with
//! `THIDUA_BLESS=1 cargo test --test it rules_docs`.

use std::path::Path;

#[test]
fn rules_doc_is_up_to_date() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules.md");
    let fresh = thidua::rules::docs::render();
    if std::env::var_os("THIDUA_BLESS").is_some_and(|v| !v.is_empty()) {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &fresh).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "docs/rules.md is stale: regenerate it with `{}`",
        thidua::rules::docs::REGENERATE
    );
}

#[test]
fn rules_doc_names_every_rule_and_threshold() {
    let doc = thidua::rules::docs::render();
    for r in thidua::rules::law_table() {
        assert!(
            doc.contains(&format!("### {}\n", r.info.id)),
            "{}",
            r.info.id
        );
        assert!(doc.contains(r.info.citation), "{}", r.info.id);
    }
    for t in thidua::rules::thresholds() {
        assert!(doc.contains(&format!("`{}`", t.name)), "{}", t.name);
    }
    for w in thidua::rules::windows::all() {
        assert!(doc.contains(&format!("`{}`", w.id)), "{}", w.id);
    }
}
