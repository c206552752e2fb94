//! Properties of what is built on the tree, on hostile input: decoding
//! arbitrary bytes, chunking, the renderings, inline enumerations,
//! diagnostics and trees read back from arbitrary JSON never panic and
//! keep their promises. The checks are the fuzz targets' (`checks.rs`:
//! `decoded`, `chunks`, `renders`, `from_json`).

use proptest::prelude::*;

use crate::checks;
use crate::props::domain_text;

/// Bytes that decoding has something to say about: BOMs, GBK and UTF-16
/// fragments, broken sequences, and text.
fn encoded_bytes() -> impl Strategy<Value = Vec<u8>> {
    const PIECES: &[&[u8]] = &[
        &[0xEF, 0xBB, 0xBF],
        &[0xFF, 0xFE],
        &[0xFE, 0xFF],
        &[0xD2, 0xBB, 0xA1, 0xA2], // 一、 in GBK
        &[0xD7, 0xDC, 0xD4, 0xF2], // 总则 in GBK
        &[0x81, 0x30, 0x81, 0x30], // a GB18030 four-byte sequence
        &[0x00, 0x4E, 0x01, 0x30], // 一、 in UTF-16BE
        &[0x00, 0xD8],             // half a surrogate pair
        &[0xE4, 0xB8, 0x80],       // 一 in UTF-8
        &[0xE4, 0xB8],             // cut UTF-8
        &[0x0A],
        &[0x0D, 0x0A],
        &[0x80],
        &[0xFF],
    ];
    let piece = prop_oneof![
        4 => proptest::sample::select(PIECES).prop_map(<[u8]>::to_vec),
        1 => proptest::collection::vec(any::<u8>(), 0..4),
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

/// Lines of a frame and near misses: dates in every style, document
/// numbers, signoffs, stamps, with digits and brackets mixed at random.
fn frame_text() -> impl Strategy<Value = String> {
    const PIECES: &[&str] = &[
        "2018年12月7日",
        "二〇一八年十二月七日",
        "二○一二年一月九日",
        "2009.6.3",
        "２０１８年１２月７日",
        "2019 年 8 月 20 日",
        "年  月  日",
        "国办发〔2018〕123号",
        "京政发[2018]5号",
        "（余府发〔2012〕3号）",
        "第0123号",
        "江川市人民政府",
        "（此件公开发布）",
        "抄送：市委办公室，市人大常委会办公厅。",
        "江川市人民政府办公室  2023年12月8日印发",
        "附件：1．名单",
        "2．情况表",
        "各区县人民政府：",
        "关于加强管理的通知",
        "9",
        "0",
        "十",
        "〇",
        "年",
        "月",
        "日",
        ".",
        "〔",
        "〕",
        "号",
        "（",
        "）",
        " ",
        "\u{3000}",
        "\n",
    ];
    proptest::collection::vec(proptest::sample::select(PIECES), 0..40).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn decoding_arbitrary_bytes_is_exact_or_names_the_offset(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        checks::decoded(&bytes);
    }

    #[test]
    fn decoding_encoding_fragments_is_exact_or_names_the_offset(bytes in encoded_bytes()) {
        checks::decoded(&bytes);
    }

    #[test]
    fn chunks_keep_their_maximum_outline_and_heading_path(text in domain_text(), max in 1usize..60) {
        checks::chunks(&text, max);
    }

    #[test]
    fn frames_agree_with_the_text_and_dates_never_panic(text in domain_text(), date in frame_text()) {
        checks::frame(&text);
        checks::frame(&date);
    }

    #[test]
    fn renderings_inline_items_and_diagnostics_agree_with_the_tree(text in domain_text()) {
        checks::renders(&text);
    }

    #[test]
    fn a_tree_read_from_mangled_json_never_panics(text in domain_text(), cut in any::<prop::sample::Index>(), byte in any::<u8>()) {
        let doc = gongwen::parse_document(&text).expect("parses");
        // The text, a NUL, the JSON: the form `checks::from_json` reads.
        let mut data = text.clone().into_bytes();
        data.push(0);
        data.extend(serde_json::to_vec(&doc).expect("serialises"));
        checks::from_json(&data);
        let i = cut.index(data.len());
        data[i] = byte;
        checks::from_json(&data);
    }
}
