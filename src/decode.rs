//! Reading bytes: UTF-8, UTF-16 with a BOM, and GB18030/GBK.
//!
//! Detection rule, in order:
//!
//! 1. a UTF-8 BOM (`EF BB BF`): UTF-8; the BOM stays in the text (the parser
//!    counts it as a gap), so spans are byte offsets into the file;
//! 2. a UTF-16 BOM (`FF FE` little-endian, `FE FF` big-endian): UTF-16; the
//!    BOM is dropped and spans index the decoded text;
//! 3. bytes that are valid UTF-8: UTF-8, borrowed as they are (spans are
//!    byte offsets into the file);
//! 4. anything else: GB18030 (a superset of GBK and GB2312, what Chinese
//!    government files saved on Windows use); spans index the decoded text.
//!
//! Undecodable input is an error that names the byte offset where decoding
//! failed. UTF-16 without a BOM is not guessed.

use std::borrow::Cow;

use encoding_rs::DecoderResult;

use crate::error::ParseError;
use crate::options::ParseOptions;

/// The encoding [`decode`] found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Encoding {
    /// UTF-8 without a BOM.
    Utf8,
    /// UTF-8 with a BOM (kept at the start of the text).
    Utf8Bom,
    /// UTF-16 little-endian, announced by a BOM.
    Utf16Le,
    /// UTF-16 big-endian, announced by a BOM.
    Utf16Be,
    /// GB18030 (and so GBK and GB2312).
    Gb18030,
}

crate::names::named!(
    Encoding,
    "encoding",
    [
        Utf8 = "utf-8",
        Utf8Bom = "utf-8-bom",
        Utf16Le = "utf-16le",
        Utf16Be = "utf-16be",
        Gb18030 = "gb18030",
    ]
);

impl Encoding {
    /// The encoding as people write it (`UTF-8`, `UTF-8 with BOM`,
    /// `GB18030` ...); [`Encoding::name`] is its name in JSON.
    pub const fn label(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 with BOM",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
            Encoding::Gb18030 => "GB18030",
        }
    }

    /// True when spans of a tree parsed from the decoded text are byte
    /// offsets into the original bytes as well (the UTF-8 encodings).
    pub const fn spans_are_file_offsets(self) -> bool {
        matches!(self, Encoding::Utf8 | Encoding::Utf8Bom)
    }
}

/// Text decoded from bytes, ready for [`parse_document`](crate::parse_document).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Decoded<'a> {
    /// The text: borrowed from the input when it was UTF-8, decoded otherwise.
    pub text: Cow<'a, str>,
    /// What the bytes were.
    pub encoding: Encoding,
}

/// Decodes `bytes` with default options.
///
/// Detection rule, in order:
///
/// 1. a UTF-8 BOM (`EF BB BF`): UTF-8; the BOM stays in the text (the parser
///    counts it as a gap), so spans are byte offsets into the file;
/// 2. a UTF-16 BOM (`FF FE` little-endian, `FE FF` big-endian): UTF-16; the
///    BOM is dropped and spans index the decoded text;
/// 3. bytes that are valid UTF-8: UTF-8, borrowed as they are (spans are
///    byte offsets into the file);
/// 4. anything else: GB18030 (a superset of GBK and GB2312); spans index the
///    decoded text.
///
/// Undecodable input is an error naming the byte offset where decoding
/// failed ([`ParseError::Decode`], or [`ParseError::Undecodable`] with both
/// offsets when bytes without a BOM are neither UTF-8 nor GB18030). UTF-16
/// without a BOM is not guessed.
///
/// ```
/// let gbk = [0xD2, 0xBB, 0xA1, 0xA2, 0xD7, 0xDC, 0xD4, 0xF2]; // "一、总则" in GBK
/// let decoded = gongwen::decode(&gbk)?;
/// assert_eq!(decoded.encoding, gongwen::Encoding::Gb18030);
/// assert_eq!(decoded.text, "一、总则");
/// let doc = gongwen::parse_document(&decoded.text)?;
/// assert_eq!(doc.items().count(), 1);
/// # Ok::<(), gongwen::ParseError>(())
/// ```
pub fn decode(bytes: &[u8]) -> Result<Decoded<'_>, ParseError> {
    decode_with(bytes, &ParseOptions::default())
}

/// `bytes` as UTF-8 text, or where they stop being UTF-8. (encoding_rs
/// validates a Chinese text about ten times faster than `str::from_utf8`,
/// and lends the text without copying it.)
fn utf8(bytes: &[u8]) -> Result<&str, usize> {
    match encoding_rs::UTF_8.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(Cow::Borrowed(text)) => Ok(text),
        // (Valid UTF-8 is always lent; an owned copy would mean a change in
        // encoding_rs, and the standard check answers then.)
        Some(Cow::Owned(_)) => std::str::from_utf8(bytes).map_err(|e| e.valid_up_to()),
        None => Err(encoding_rs::Encoding::utf8_valid_up_to(bytes)),
    }
}

/// Decodes `bytes`, refusing input larger than `options.max_input_bytes`.
pub fn decode_with<'a>(bytes: &'a [u8], options: &ParseOptions) -> Result<Decoded<'a>, ParseError> {
    if bytes.len() > options.max_input_bytes {
        return Err(ParseError::TooLarge {
            len: bytes.len(),
            limit: options.max_input_bytes,
        });
    }
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return match utf8(bytes) {
            Ok(text) => Ok(Decoded {
                text: Cow::Borrowed(text),
                encoding: Encoding::Utf8Bom,
            }),
            Err(offset) => Err(ParseError::Decode {
                encoding: Encoding::Utf8Bom.label(),
                offset,
            }),
        };
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return with_encoding_rs(rest, 2, encoding_rs::UTF_16LE, Encoding::Utf16Le);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return with_encoding_rs(rest, 2, encoding_rs::UTF_16BE, Encoding::Utf16Be);
    }
    let utf8_error = match utf8(bytes) {
        Ok(text) => {
            return Ok(Decoded {
                text: Cow::Borrowed(text),
                encoding: Encoding::Utf8,
            });
        }
        Err(offset) => offset,
    };
    with_encoding_rs(bytes, 0, encoding_rs::GB18030, Encoding::Gb18030).map_err(|e| match e {
        ParseError::Decode { offset, .. } => ParseError::Undecodable {
            utf8_offset: utf8_error,
            gb18030_offset: offset,
        },
        other => other,
    })
}

/// Decodes with `encoding_rs`, without replacement characters: the first
/// malformed sequence is an error at its offset (`skipped` bytes of BOM
/// already removed are added back).
fn with_encoding_rs<'a>(
    bytes: &'a [u8],
    skipped: usize,
    coder: &'static encoding_rs::Encoding,
    ours: Encoding,
) -> Result<Decoded<'a>, ParseError> {
    let mut decoder = coder.new_decoder_without_bom_handling();
    let too_large = ParseError::TooLarge {
        len: bytes.len(),
        limit: usize::MAX / 4,
    };
    let capacity = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .ok_or(too_large)?;
    let mut text = String::with_capacity(capacity);
    let (result, read) = decoder.decode_to_string_without_replacement(bytes, &mut text, true);
    match result {
        DecoderResult::InputEmpty => Ok(Decoded {
            text: Cow::Owned(text),
            encoding: ours,
        }),
        DecoderResult::Malformed(bad, after) => Err(ParseError::Decode {
            encoding: ours.label(),
            offset: skipped + read.saturating_sub(usize::from(after) + usize::from(bad)),
        }),
        // The buffer was sized by encoding_rs's own worst case, so it cannot
        // fill up; report it as undecodable rather than panic if it ever did.
        DecoderResult::OutputFull => Err(ParseError::Decode {
            encoding: ours.label(),
            offset: skipped + read,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_is_borrowed_and_keeps_its_bom() {
        let d = decode("一、总则".as_bytes()).expect("utf-8");
        assert_eq!(d.encoding, Encoding::Utf8);
        assert!(matches!(d.text, Cow::Borrowed(_)));
        let d = decode("\u{feff}一、".as_bytes()).expect("utf-8 bom");
        assert_eq!(d.encoding, Encoding::Utf8Bom);
        assert_eq!(d.text, "\u{feff}一、");
    }

    #[test]
    fn utf16_needs_and_drops_its_bom() {
        let mut le = vec![0xFF, 0xFE];
        le.extend("一、总则".encode_utf16().flat_map(u16::to_le_bytes));
        let d = decode(&le).expect("utf-16le");
        assert_eq!(
            (d.encoding, d.text.as_ref()),
            (Encoding::Utf16Le, "一、总则")
        );
        let mut be = vec![0xFE, 0xFF];
        be.extend("（一）".encode_utf16().flat_map(u16::to_be_bytes));
        let d = decode(&be).expect("utf-16be");
        assert_eq!((d.encoding, d.text.as_ref()), (Encoding::Utf16Be, "（一）"));
    }

    #[test]
    fn a_lone_surrogate_in_utf16_names_its_offset() {
        let bytes = [0xFF, 0xFE, 0x00, 0x4E, 0x00, 0xD8, 0x41, 0x00];
        let err = decode(&bytes).expect_err("lone surrogate");
        assert_eq!(
            err,
            ParseError::Decode {
                encoding: "UTF-16LE",
                offset: 4
            }
        );
    }

    #[test]
    fn gbk_bytes_decode_as_gb18030() {
        let (bytes, _, _) = encoding_rs::GBK.encode("关于开展安全生产大检查的通知\r\n一、检查时间");
        let d = decode(&bytes).expect("gbk");
        assert_eq!(d.encoding, Encoding::Gb18030);
        assert_eq!(d.text, "关于开展安全生产大检查的通知\r\n一、检查时间");
    }

    #[test]
    fn undecodable_bytes_name_both_offsets() {
        // 关于 in GBK (not UTF-8 from byte 0), then a lead byte with no trail.
        let bytes = [0xB9, 0xD8, 0xD3, 0xDA, 0x81];
        let err = decode(&bytes).expect_err("truncated");
        assert_eq!(
            err,
            ParseError::Undecodable {
                utf8_offset: 0,
                gb18030_offset: 4
            }
        );
        assert!(err.to_string().contains("byte 4"));
    }

    #[test]
    fn the_size_limit_applies_to_bytes() {
        let options = ParseOptions::default().max_input_bytes(3);
        assert_eq!(
            decode_with(b"abcd", &options),
            Err(ParseError::TooLarge { len: 4, limit: 3 })
        );
    }
}
