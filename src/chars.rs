//! Punctuation and character classes, named once: every rule that asks
//! whether a character ends a sentence, a clause or a field asks here.
//! Each class holds the full-width form and its ASCII look-alike, as
//! texts mix them (`一、加强领导;` is as common as `；`).

/// Ends a sentence: `。` `！` `？` (and `!` `?`). The ASCII full stop is
/// not here: `5.3` and `1.` are numbers and markers, not sentence ends.
pub(crate) fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?')
}

/// Ends a clause within a sentence: `；` (and `;`).
pub(crate) fn is_semicolon(c: char) -> bool {
    matches!(c, '；' | ';')
}

/// Introduces what follows (a field's value, a list): `：` (and `:`).
pub(crate) fn is_colon(c: char) -> bool {
    matches!(c, '：' | ':')
}

/// Separates the parts of a sentence: `，` (and `,`).
pub(crate) fn is_comma(c: char) -> bool {
    matches!(c, '，' | ',')
}

/// Separates the items of a list inside a sentence: `、`.
pub(crate) fn is_enumeration_comma(c: char) -> bool {
    c == '、'
}

/// Ends a sentence or a clause: what a title, a heading's lead or a cell
/// never holds ([`is_sentence_end`] or [`is_semicolon`]).
pub(crate) fn ends_clause(c: char) -> bool {
    is_sentence_end(c) || is_semicolon(c)
}

/// Any mark of the running text's punctuation: a sentence or clause end, a
/// colon, a comma or an enumeration comma.
pub(crate) fn is_text_punctuation(c: char) -> bool {
    ends_clause(c) || is_colon(c) || is_comma(c) || is_enumeration_comma(c)
}

/// Where the first character of `class` stands in `text`, found by bytes.
///
/// Every class above holds ASCII marks and full-width ones whose UTF-8
/// form starts with `E3` (U+3000..U+3FFF: `。` `、`) or `EF`
/// (U+F000..U+FFFF: `！` `，` `：` `；` `？`): only at such a byte (or an
/// ASCII one) is the class asked, and an ideograph's three bytes are
/// skipped without being decoded. `class` must hold no other character
/// (see the test `marks_are_found_by_their_lead_byte`); a line is scanned
/// this way by the rules that ask whether it holds punctuation at all.
pub(crate) fn find_mark(text: &str, class: fn(char) -> bool) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = 0;
    // From character to character by the length its first byte gives
    // (`i` is always at a character's first byte).
    while let Some(&b) = bytes.get(i) {
        i += match b {
            0..=0x7F => {
                if class(char::from(b)) {
                    return Some(i);
                }
                1
            }
            0xE3 | 0xEF => {
                if text
                    .get(i..)
                    .and_then(|r| r.chars().next())
                    .is_some_and(class)
                {
                    return Some(i);
                }
                3
            }
            other => char_len(other),
        };
    }
    None
}

/// The length in bytes of the character a UTF-8 text has at a byte `b`
/// that starts one (a continuation byte, which starts none, counts 1).
pub(crate) fn char_len(b: u8) -> usize {
    match b {
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xFF => 4,
        _ => 1,
    }
}

/// `text` holds a character of `class` ([`find_mark`]).
pub(crate) fn has_mark(text: &str, class: fn(char) -> bool) -> bool {
    find_mark(text, class).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A class of characters.
    type Class = fn(char) -> bool;

    #[test]
    fn each_class_holds_the_full_width_mark_and_its_ascii_form() {
        // (class, its marks, marks it does not hold).
        let classes: [(Class, &str, &str); 7] = [
            (is_sentence_end, "。！？!?", ".；，：、"),
            (is_semicolon, "；;", "。，："),
            (is_colon, "：:", "；，"),
            (is_comma, "，,", "、。"),
            (is_enumeration_comma, "、", "，,"),
            (ends_clause, "。！？!?；;", "，：、."),
            (is_text_punctuation, "。！？!?；;：:，,、", ".（）《》“”"),
        ];
        for (class, yes, no) in classes {
            assert!(yes.chars().all(class), "{yes}");
            assert!(!no.chars().any(class), "{no}");
        }
    }

    /// Every character any class holds is ASCII or starts with `E3` or
    /// `EF` in UTF-8, so `find_mark` agrees with a search by characters.
    #[test]
    fn marks_are_found_by_their_lead_byte() {
        let classes: [Class; 7] = [
            is_sentence_end,
            is_semicolon,
            is_colon,
            is_comma,
            is_enumeration_comma,
            ends_clause,
            is_text_punctuation,
        ];
        let lead = |c: char| c.to_string().as_bytes().first().copied().unwrap_or(0);
        for class in classes {
            // (U+0000..U+FFFF and a few planes above: every character a
            // class could hold.)
            for c in (0..0x3_0000)
                .filter_map(char::from_u32)
                .filter(|&c| class(c))
            {
                assert!(c.is_ascii() || matches!(lead(c), 0xE3 | 0xEF), "{c}");
            }
        }
        for (text, class, want) in [
            (
                "加强领导。落实责任",
                ends_clause as Class,
                Some("加强领导".len()),
            ),
            ("加强领导;落实", ends_clause, Some("加强领导".len())),
            ("一是加强领导", ends_clause, None),
            ("时间：3月", is_colon, Some("时间".len())),
            ("甲、乙", is_comma, None),
            ("甲、乙", is_enumeration_comma, Some("甲".len())),
            ("", is_colon, None),
            // Two- and four-byte characters are stepped over whole.
            ("é𠀀β：", is_colon, Some("é𠀀β".len())),
            ("𠀀;", is_semicolon, Some("𠀀".len())),
        ] {
            assert_eq!(find_mark(text, class), want, "{text}");
            assert_eq!(find_mark(text, class), text.find(class), "{text}");
        }
    }

    proptest::proptest! {
        /// On any text, the search by bytes finds what a search by
        /// characters finds.
        #[test]
        fn find_mark_agrees_with_str_find(text in "(\\PC|[。，：；！？、;:!?.])*") {
            for class in [ends_clause as Class, is_colon, is_comma, is_text_punctuation] {
                proptest::prop_assert_eq!(find_mark(&text, class), text.find(class));
            }
        }
    }
}
