//! Bytes in the encodings Chinese government files come in.

use gongwen::{Encoding, ParseError, decode, parse_document};

use crate::support::outline;

#[test]
fn the_corpus_in_gb18030_gives_the_same_outline() {
    let text = crate::support::CORPUS;
    let (bytes, _, unmappable) = encoding_rs::GB18030.encode(text);
    assert!(!unmappable);
    let decoded = decode(&bytes).expect("decodes");
    assert_eq!(decoded.encoding, Encoding::Gb18030);
    assert_eq!(decoded.text, text);
    assert_eq!(outline(&decoded.text), outline(text));
}

#[test]
fn the_corpus_in_utf16_with_bom_gives_the_same_outline() {
    let text = crate::support::CORPUS;
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let decoded = decode(&bytes).expect("decodes");
    assert_eq!(decoded.encoding, Encoding::Utf16Le);
    assert_eq!(outline(&decoded.text), outline(text));
}

#[test]
fn utf8_spans_are_file_offsets() {
    let bytes = "\u{feff}一、总则\n".as_bytes();
    let decoded = decode(bytes).expect("decodes");
    assert!(decoded.encoding.spans_are_file_offsets());
    let doc = parse_document(&decoded.text).expect("parses");
    let (_, item) = doc.all_items().next().expect("an item");
    assert_eq!(&bytes[item.marker.span.range()], "一、".as_bytes());
}

#[test]
fn damaged_gbk_names_the_offset() {
    let mut bytes = encoding_rs::GBK.encode("一、总体要求").0.into_owned();
    let damaged_at = bytes.len();
    bytes.extend_from_slice(&[0xFE]);
    match decode(&bytes) {
        Err(ParseError::Undecodable { gb18030_offset, .. }) => {
            assert_eq!(gb18030_offset, damaged_at)
        }
        other => panic!("expected an undecodable error, got {other:?}"),
    }
}
