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
}
