//! `JSON.md` and the serializer in step: every object the JSON of the
//! development texts holds is described there key by key.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use crate::support::gold_files;

const JSON_MD: &str = include_str!("../../JSON.md");

/// The tables of `JSON.md`: for each object (a `###` heading), its keys
/// and whether each is always there.
fn documented() -> BTreeMap<String, BTreeMap<String, bool>> {
    let mut out: BTreeMap<String, BTreeMap<String, bool>> = BTreeMap::new();
    let mut object = None;
    for line in JSON_MD.lines() {
        if let Some(name) = line.strip_prefix("### ") {
            object = Some(name.trim().to_owned());
            continue;
        }
        let (Some(name), Some(row)) = (&object, line.strip_prefix("| `")) else {
            continue;
        };
        let mut cells = row.split('|');
        let key = cells.next().unwrap_or("").trim().trim_end_matches('`');
        let presence = cells.next().unwrap_or("").trim();
        assert!(
            matches!(presence, "always" | "optional"),
            "{name}.{key}: presence `{presence}`"
        );
        out.entry(name.clone())
            .or_default()
            .insert(key.to_owned(), presence == "always");
    }
    out
}

/// Which table of `JSON.md` describes an object found under `parent` (the
/// key that holds it, or holds the array that holds it).
fn object_name(object: &serde_json::Map<String, Value>, parent: &str) -> String {
    if let Some(kind) = object.get("kind").and_then(Value::as_str) {
        return match kind {
            "front" | "title" | "salutation" | "closing" | "signoff" => "line",
            other => other,
        }
        .to_owned();
    }
    match parent {
        "marker" => "marker",
        "reflow" => "reflow",
        "frame" => "frame",
        "issuer_mark" | "number" | "addressees" | "issuers" | "notes" | "cc" | "printed_by"
        | "speaker" | "occasion" => "field",
        "date" | "printed_on" => "date",
        "attachments" => "attachment",
        "meeting" => "meeting field",
        "diagnostics" => "diagnostic",
        "span" | "heading_span" | "line_span" | "pieces" | "gaps" => "span",
        other => panic!("an object under `{other}` that JSON.md has no table for: {object:?}"),
    }
    .to_owned()
}

/// Every object in `value` with the keys it has.
fn objects(value: &Value, parent: &str, out: &mut Vec<(String, BTreeSet<String>)>) {
    match value {
        Value::Array(items) => {
            for v in items {
                objects(v, parent, out);
            }
        }
        Value::Object(map) => {
            out.push((object_name(map, parent), map.keys().cloned().collect()));
            for (key, v) in map {
                objects(v, key, out);
            }
        }
        _ => {}
    }
}

#[test]
fn the_json_is_what_json_md_says() {
    let tables = documented();
    assert!(tables.len() >= 15, "{:?}", tables.keys());
    let mut texts: Vec<String> = ["real", "pdf", "samples"]
        .into_iter()
        .flat_map(gold_files)
        .map(|(_, text, _)| text)
        .collect();
    texts.push(crate::support::CORPUS.to_owned());
    // Two numbering faults, one kept (the first text keeps one diagnostic).
    texts.insert(0, "一、总体要求\n三、工作安排\n三、保障措施\n".to_owned());
    let mut seen = Vec::new();
    for (k, text) in texts.iter().enumerate() {
        // One tree records its encoding; one keeps a single diagnostic.
        let options =
            gongwen::ParseOptions::default().max_diagnostics(if k == 0 { 1 } else { 100 });
        let mut doc = gongwen::parse_document_with(text, &options).expect("parses");
        if k == 1 {
            doc = doc.with_encoding(gongwen::Encoding::Gb18030);
        }
        let value = serde_json::to_value(&doc).expect("serialises");
        assert_eq!(value["version"], gongwen::JSON_VERSION);
        objects(&value, "", &mut seen);
    }
    let mut used: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (name, keys) in &seen {
        let table = tables
            .get(name)
            .unwrap_or_else(|| panic!("JSON.md has no table `{name}`"));
        for key in keys {
            assert!(
                table.contains_key(key),
                "JSON.md: `{name}` lacks key `{key}`"
            );
            used.entry(name).or_default().insert(key);
        }
        for (key, &always) in table {
            assert!(
                !always || keys.contains(key),
                "JSON.md says `{name}.{key}` is always there; an object lacks it: {keys:?}"
            );
        }
    }
    for (name, table) in &tables {
        for key in table.keys() {
            assert!(
                used.get(name.as_str())
                    .is_some_and(|k| k.contains(key.as_str())),
                "JSON.md documents `{name}.{key}`, which no development text's JSON holds"
            );
        }
    }
}
