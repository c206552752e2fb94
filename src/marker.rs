//! Outline markers: the families of ANNOTATION.md and one small recogniser
//! for each form.
//!
//! A marker is looked for only at the start of a line's text. The grammar
//! reads a line's first few characters as NFKC would write them (so `（一）`,
//! `１．`, `⑴`, `㈠` read as `(一)`, `1.`, `(1)`, `(一)`): full-width ASCII and
//! the ideographic space it compares by their ASCII form as written
//! ([`fold_width`]), and only a prefix holding some other character NFKC
//! rewrites is normalised first. Circled numbers are read before either,
//! because NFKC would turn `①` into a bare `1`. The spans reported are always
//! those of the original bytes.

use crate::span::Span;
use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::tag,
    character::complete::{char, satisfy},
    combinator::{map, not, opt, peek, verify},
};
use unicode_normalization::UnicodeNormalization;

use crate::numeral::{ar_numeral, circled_value, cn_numeral, is_cn_numeral_start};

/// The family of a numbered item's marker, named as in ANNOTATION.md.
///
/// | family | forms |
/// |---|---|
/// | `cn-dun` | `一、` `十二、` (also `一.`) |
/// | `cn-paren` | `(一)` `（一）` `㈠` `一）` |
/// | `ar-dot` | `1.` `１．` `⒈` |
/// | `ar-dun` | `1、` |
/// | `ar-paren` | `(1)` `（1）` `⑴` `1）` `1)` |
/// | `ar-circle` | `①` `❶` `㉑` |
/// | `di` | `第一,` `第二、` `第三:` `第四是` `第一件` `第一部分` `第一 ` |
/// | `cn-shi` | `一是` |
/// | `cn-yao` | `一要` |
/// | `seq` | `首先` `其次` `再次` `最后` `其三是` |
/// | `di-zhang` `di-jie` `di-tiao` | `第一章` `第一节` `第一条` |
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Family {
    /// `一、`: Chinese numeral and 、 (GB/T 9704 level 1).
    CnDun,
    /// `(一)`: parenthesised Chinese numeral (level 2).
    CnParen,
    /// `1.`: Arabic numeral and full stop (level 3).
    ArDot,
    /// `1、`: Arabic numeral and 、.
    ArDun,
    /// `(1)`: parenthesised Arabic numeral (level 4).
    ArParen,
    /// `①`: circled number.
    ArCircle,
    /// `第一,`: 第 + numeral as an enumeration.
    Di,
    /// `一是`: numeral + 是.
    CnShi,
    /// `一要`: numeral + 要.
    CnYao,
    /// `首先` `其次` `再次` `最后` `其三`: sequence words.
    Seq,
    /// `第一章`: chapter.
    DiZhang,
    /// `第一节`: section.
    DiJie,
    /// `第一条`: article.
    DiTiao,
}

impl Family {
    /// Every family, in GB/T 9704 order first, enumerations last.
    pub const ALL: [Family; 13] = [
        Family::DiZhang,
        Family::DiJie,
        Family::DiTiao,
        Family::CnDun,
        Family::CnParen,
        Family::ArDot,
        Family::ArDun,
        Family::ArParen,
        Family::ArCircle,
        Family::Di,
        Family::CnShi,
        Family::CnYao,
        Family::Seq,
    ];

    /// Rank in the hierarchy of structure numbers: chapters, sections and
    /// articles, then GB/T 9704's `一、` > `(一)` > `1.` (`1、`) > `(1)` > `①`.
    /// Smaller is higher. Enumerations (`第一,` `一是` `一要` `首先`) have no
    /// rank: they nest under whatever is open.
    pub const fn rank(self) -> Option<u8> {
        match self {
            Family::DiZhang => Some(1),
            Family::DiJie => Some(2),
            Family::DiTiao => Some(3),
            Family::CnDun => Some(4),
            Family::CnParen => Some(5),
            Family::ArDot | Family::ArDun => Some(6),
            Family::ArParen => Some(7),
            Family::ArCircle => Some(8),
            Family::Di | Family::CnShi | Family::CnYao | Family::Seq => None,
        }
    }

    /// The structure-number level GB/T 9704-2012 7.3.3 gives the family:
    /// `一、` 1, `（一）` 2, `1.` (and `1、`) 3, `（1）` 4; `None` for the
    /// others.
    pub const fn gb_level(self) -> Option<u8> {
        match self {
            Family::CnDun => Some(1),
            Family::CnParen => Some(2),
            Family::ArDot | Family::ArDun => Some(3),
            Family::ArParen => Some(4),
            _ => None,
        }
    }

    /// True for the enumeration families: `di`, `cn-shi`, `cn-yao`, `seq`.
    pub const fn is_enumeration(self) -> bool {
        self.rank().is_none()
    }
}

crate::names::named!(
    Family,
    "family",
    [
        CnDun = "cn-dun",
        CnParen = "cn-paren",
        ArDot = "ar-dot",
        ArDun = "ar-dun",
        ArParen = "ar-paren",
        ArCircle = "ar-circle",
        Di = "di",
        CnShi = "cn-shi",
        CnYao = "cn-yao",
        Seq = "seq",
        DiZhang = "di-zhang",
        DiJie = "di-jie",
        DiTiao = "di-tiao",
    ]
);

/// The marker that opens a numbered item.
///
/// ```text
/// （二）加强领导,严密组织。
/// ^^^^^^ span: family cn-paren, ordinal 2
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[non_exhaustive]
pub struct Marker {
    /// Which family of marker.
    pub family: Family,
    /// The number the marker denotes (`三、` 3, `(十二)` 12, `其次` 2).
    pub ordinal: u32,
    /// The marker's own bytes, as written (`（二）`, not `(二)`).
    pub span: Span,
}

/// Which sequence word a `seq` marker is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SeqWord {
    /// 首先
    First,
    /// 其次
    Next,
    /// 再次
    Again,
    /// 最后
    Last,
    /// 其一, 其二 ... (the number is the candidate's ordinal)
    Qi,
}

/// A marker found at the start of a line, before context has judged it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Candidate {
    pub family: Family,
    /// The number the marker denotes; for 再次/最后 the number is fixed later
    /// from the run they continue.
    pub ordinal: u32,
    /// Length in bytes of the marker in the original text (see
    /// [`Candidate::len`]; kept small, as every line's facts hold one).
    pub bytes: u32,
    /// `5.3`: a number followed at once by more digits. Only an item when it
    /// plainly continues an open list.
    pub weak: bool,
    pub seq: Option<SeqWord>,
}

impl Candidate {
    /// Length in bytes of the marker in the original text.
    pub fn len(self) -> usize {
        self.bytes as usize
    }
}

/// A marker's length as a candidate keeps it: a marker is a few
/// characters long, so the saturation never happens on what the
/// recognisers return.
fn marker_bytes(len: usize) -> u32 {
    u32::try_from(len).unwrap_or(u32::MAX)
}

/// How many characters of a line the recognisers look at.
const PREFIX_CHARS: usize = 12;

/// Looks for a marker at the start of `text` (a line with its indentation
/// already removed).
pub(crate) fn recognise(text: &str) -> Option<Candidate> {
    if !text.chars().next().is_some_and(may_start_marker) {
        return None;
    }
    recognise_as_written(text).or_else(|| {
        // Only a line with a space near its start is worth squeezing.
        let near = text
            .as_bytes()
            .get(..text.len().min(PREFIX_CHARS * 3))
            .unwrap_or(&[]);
        let digit = |k: usize| near.get(k).is_some_and(u8::is_ascii_digit);
        let spaced_digit = memchr::memchr_iter(b' ', near)
            .any(|k| digit(k + 1) || k.checked_sub(1).is_some_and(digit));
        spaced_digit.then(|| spaced_marker(text)).flatten()
    })
}

/// A point of an enumeration (`一是`, `二要`, `第三，`) at the start of
/// `text`, read by the same grammar as a marker that opens a line, for the
/// enumerations inside a paragraph: its family (`cn-shi`, `cn-yao` or
/// `di`), its number and its length in bytes.
pub(crate) fn enumeration_point(text: &str) -> Option<(Family, u32, usize)> {
    let c = recognise(text)?;
    (matches!(c.family, Family::CnShi | Family::CnYao | Family::Di) && !c.weak).then_some((
        c.family,
        c.ordinal,
        c.len(),
    ))
}

/// A marker whose digits a PDF extraction set apart with spaces
/// (`第 1 条`, `1 .`, `（ 1 ）`): the spaces next to a digit are squeezed
/// out of the line's first characters and the marker is read again; its
/// length counts the original bytes, spaces included.
fn spaced_marker(text: &str) -> Option<Candidate> {
    let chars: Vec<(usize, char)> = text.char_indices().take(PREFIX_CHARS).collect();
    let digit_at = |k: usize| chars.get(k).is_some_and(|&(_, c)| c.is_ascii_digit());
    if !chars.iter().any(|&(_, c)| c == ' ') {
        return None;
    }
    let mut squeezed = String::with_capacity(text.len().min(PREFIX_CHARS * 4));
    // For each character kept: (its end in `squeezed`, its end in `text`).
    let mut ends: Vec<(usize, usize)> = Vec::with_capacity(chars.len());
    let mut removed = false;
    for (k, &(i, c)) in chars.iter().enumerate() {
        if c == ' ' && (digit_at(k + 1) || (k > 0 && digit_at(k - 1))) {
            removed = true;
            continue;
        }
        squeezed.push(c);
        ends.push((squeezed.len(), i + c.len_utf8()));
    }
    if !removed {
        return None;
    }
    let mut found = recognise_as_written(&squeezed)?;
    found.bytes = marker_bytes(
        ends.iter()
            .find(|&&(n, _)| n >= found.len())
            .map(|&(_, o)| o)?,
    );
    Some(found)
}

/// [`recognise`] on the text as it stands.
fn recognise_as_written(text: &str) -> Option<Candidate> {
    let first = text.chars().next()?;
    if !may_start_marker(first) {
        return None;
    }
    if let Some(n) = circled_value(first) {
        let mut len = first.len_utf8();
        if let Some(c @ ('、' | '.' | '．')) = text.get(len..).and_then(|r| r.chars().next()) {
            len += c.len_utf8();
        }
        return Some(Candidate {
            family: Family::ArCircle,
            ordinal: n,
            bytes: marker_bytes(len),
            weak: false,
            seq: None,
        });
    }
    let (prefix_end, rewritten) = marker_prefix(text);
    let prefix = text.get(..prefix_end)?;
    let main = read_prefix(prefix, rewritten);
    // A numeral without its `、` (alone, or before a space) only when the
    // grammar finds nothing: most numeral-led lines are `一、` items.
    let Some((found, consumed)) = main else {
        return bare_cn_numeral(text).or_else(|| spaced_cn_numeral(text));
    };
    Some(Candidate {
        family: found.family,
        ordinal: found.ordinal,
        bytes: marker_bytes(consumed),
        weak: found.weak,
        seq: found.seq,
    })
}

/// The end of the characters the marker grammar may read at the start of
/// `text`, and whether NFKC rewrites any of them other than as
/// [`fold_width`] does (the grammar reads those as written): at most
/// [`PREFIX_CHARS`] characters, and no more than [`MARKER_LOOKAHEAD`] past
/// the first one the grammar never consumes ([`may_continue_marker`]),
/// since no alternative reads beyond that. (Stepped through by first bytes: ASCII
/// is neither decoded nor normalised, and nothing after the stop is
/// decoded.)
fn marker_prefix(text: &str) -> (usize, bool) {
    let bytes = text.as_bytes();
    let (mut end, mut rewritten, mut past) = (0, false, 0);
    for _ in 0..PREFIX_CHARS {
        let Some(&b) = bytes.get(end) else {
            break;
        };
        if past > 0 {
            past += 1;
        } else if b >= 0x80 {
            let c = text.get(end..).and_then(|r| r.chars().next());
            rewritten |= !c.is_some_and(|c| is_own_nfkc(c) || fold_width(c) != c);
            if !c.is_some_and(may_continue_marker) {
                past = 1;
            }
        }
        end += crate::chars::char_len(b);
        if past >= MARKER_LOOKAHEAD {
            break;
        }
    }
    (end.min(text.len()), rewritten)
}

/// How many characters [`marker_prefix`] keeps from the first one no
/// marker consumes (that one included): one more than any alternative
/// peeks at.
const MARKER_LOOKAHEAD: usize = 2;

/// False only for characters no marker alternative consumes or peeks at,
/// in any form NFKC may give them: the ideographs (U+4000..U+9FFF, their
/// own NFKC form) other than the grammar's own ([`is_marker_word_char`]),
/// CJK punctuation other than `、` (U+3001..U+3035, also their own form)
/// and curly quotes. Every other character may go on: a superset is safe
/// (the prefix only grows), and these are nearly all a line holds after
/// its marker. The proptest `a_short_prefix_reads_as_the_full_one` and an
/// exhaustive test over NFKC hold this to the grammar.
fn may_continue_marker(c: char) -> bool {
    c.is_ascii() || c == '、' || !is_own_nfkc(c) || is_marker_word_char(c)
}

/// Characters that are their own NFKC form and need no decoding to know
/// it: ASCII, the ideographs U+4000..U+9FFF, CJK punctuation U+3001..U+3035
/// and curly quotes. The fast path of [`Normalised`] copies them as they
/// are, told by their bytes ([`is_own_nfkc_at`]; a test holds the two to
/// one set).
fn is_own_nfkc(c: char) -> bool {
    matches!(
        u32::from(c),
        0..=0x7F | 0x4000..=0x9FFF | 0x3001..=0x3035 | 0x2018 | 0x2019 | 0x201C | 0x201D
    )
}

/// [`is_own_nfkc`] of the character that starts at byte `i` of UTF-8
/// `b`, told from its bytes without decoding it.
fn is_own_nfkc_at(b: &[u8], i: usize) -> bool {
    matches!(
        (b.get(i), b.get(i + 1), b.get(i + 2)),
        (Some(0..=0x7F | 0xE4..=0xE9), _, _)
            | (Some(0xE3), Some(0x80), Some(0x81..=0xB5))
            | (Some(0xE2), Some(0x80), Some(0x98 | 0x99 | 0x9C | 0x9D))
    )
}

/// A character as the grammar compares it: full-width ASCII (`（` `１`
/// `．`, U+FF01..U+FF5E) as the ASCII character NFKC makes of it, and the
/// ideographic space as a space; any other character as it is. So a line
/// written in full-width forms is read without being normalised (an
/// exhaustive test holds this to NFKC).
pub(crate) fn fold_width(c: char) -> char {
    match u32::from(c) {
        u @ 0xFF01..=0xFF5E => char::from_u32(u - 0xFEE0).unwrap_or(c),
        0x3000 => ' ',
        _ => c,
    }
}

/// One character that `pred` takes as the grammar compares characters
/// ([`fold_width`]), and that character folded: `folded(|c| c == '(')`
/// reads `(` and `（`, and gives `(` for both.
fn folded<'a>(
    pred: impl Fn(char) -> bool,
) -> impl Parser<&'a str, Output = char, Error = nom::error::Error<&'a str>> {
    map(satisfy(move |c| pred(fold_width(c))), fold_width)
}

/// One character that is `want` as the grammar compares characters.
fn wide<'a>(want: char) -> impl Parser<&'a str, Output = char, Error = nom::error::Error<&'a str>> {
    folded(move |c| c == want)
}

/// The ideographs of the marker grammar: numerals, and the words of `di`,
/// `seq`, `cn-shi`, `cn-yao` and of a numbered range.
fn is_marker_word_char(c: char) -> bool {
    is_cn_numeral_start(c)
        || matches!(
            c,
            '百' | '千'
                | '两'
                | '零'
                | '〇'
                | '第'
                | '章'
                | '节'
                | '条'
                | '是'
                | '件'
                | '部'
                | '分'
                | '之'
                | '首'
                | '先'
                | '其'
                | '次'
                | '再'
                | '最'
                | '后'
                | '要'
                | '月'
                | '季'
                | '度'
                | '年'
                | '级'
                | '类'
                | '等'
                | '期'
                | '批'
                | '档'
                | '产'
                | '业'
                | '线'
                | '号'
        )
}

/// The marker at the start of a prefix [`marker_prefix`] cut, read after
/// NFKC when NFKC would rewrite some character of it other than as
/// [`fold_width`] does (`rewritten`), and its length in the original bytes.
fn read_prefix(prefix: &str, rewritten: bool) -> Option<(Found, usize)> {
    if rewritten {
        match Normalised::fast(prefix) {
            Some(norm) => norm.marker(),
            None => Normalised::slow(prefix),
        }
    } else {
        marker(prefix)
            .ok()
            .map(|(rest, found)| (found, prefix.len() - rest.len()))
    }
}

/// Longest Chinese numeral, in bytes, read as a section number standing
/// alone on its line (`二十三`: three characters).
const BARE_NUMERAL_MAX_BYTES: usize = 12;

/// A Chinese numeral alone on its line (`一`, `十二`), printed as a section
/// number without its `、`: a `cn-dun` item.
fn bare_cn_numeral(text: &str) -> Option<Candidate> {
    if text.len() > BARE_NUMERAL_MAX_BYTES {
        return None;
    }
    let (rest, n) = cn_numeral(text).ok()?;
    rest.is_empty().then_some(Candidate {
        family: Family::CnDun,
        ordinal: n,
        bytes: marker_bytes(text.len()),
        weak: false,
        seq: None,
    })
}

/// Most a section number written as a Chinese numeral and a space counts.
const SPACED_NUMERAL_MAX: u32 = 20;

/// A Chinese numeral, a space and a heading (`一 总体要求`): a section
/// number whose `、` a converter lost; a `cn-dun` item. `一季度` has no
/// space, and `三 年` counts years, not sections.
fn spaced_cn_numeral(text: &str) -> Option<Candidate> {
    let (rest, n) = cn_numeral(text).ok()?;
    let after = rest.trim_start_matches([' ', '\u{3000}']);
    let next = after.chars().next()?;
    let counted = "年月日个项次条件天人名家所".contains(next);
    (n <= SPACED_NUMERAL_MAX
        && after.len() < rest.len()
        && ('\u{4e00}'..='\u{9fff}').contains(&next)
        && !counted)
        .then_some(Candidate {
            family: Family::CnDun,
            ordinal: n,
            bytes: marker_bytes(text.len() - rest.len()),
            weak: false,
            seq: None,
        })
}

/// Cheap test on the first character, so that ordinary lines never pay for
/// normalisation or the grammar. Of the characters NFKC rewrites, only
/// those that become `(` or a digit can start a marker: `（` `１` `⑴` `⒈`
/// `㈠` (a full-width `，` or `Ａ` becomes `,` or `A`, which none starts with).
fn may_start_marker(c: char) -> bool {
    // Below U+2460 (the first circled number) only ASCII can: most lines
    // are told at once (a test holds the full rule to this).
    let u = u32::from(c);
    if u < FIRST_NON_ASCII_MARKER_START {
        return c.is_ascii_digit() || c == '(';
    }
    // Among the ideographs only these (no circled or full-width form lies
    // there).
    if (0x4E00..=0x9FFF).contains(&u) {
        return matches!(c, '第' | '首' | '其' | '再' | '最') || is_cn_numeral_start(c);
    }
    may_start_marker_by_rule(c)
}

/// The least non-ASCII character [`may_start_marker_by_rule`] accepts.
const FIRST_NON_ASCII_MARKER_START: u32 = 0x2460;

/// The characters a marker may start with, as the families write them.
fn may_start_marker_by_rule(c: char) -> bool {
    c.is_ascii_digit()
        || matches!(c, '(' | '（' | '第' | '首' | '其' | '再' | '最')
        || is_cn_numeral_start(c)
        || circled_value(c).is_some()
        || matches!(u32::from(c), 0xFF10..=0xFF19 | 0x2474..=0x249B | 0x3220..=0x3229)
}

/// A marker prefix after NFKC, with where each original character ends, to
/// map the marker found back to the original bytes.
struct Normalised {
    /// The normalised text: at most PREFIX_CHARS characters of at most
    /// [`FAST_MAX`] bytes each on the fast path.
    bytes: [u8; PREFIX_CHARS * FAST_MAX],
    len: usize,
    /// For each original character: (end in `bytes`, end in the original;
    /// both below 256, as a prefix is at most PREFIX_CHARS characters).
    ends: [(u8, u8); PREFIX_CHARS],
    chars: usize,
}

/// Longest NFKC form the fast path writes for one character (`(一)`).
const FAST_MAX: usize = 5;

impl Normalised {
    /// Normalises `prefix` without allocating when every character is one
    /// whose NFKC form is known here: ASCII, CJK ideographs
    /// (U+4000..U+9FFF), CJK punctuation and curly quotes (their own form,
    /// copied as they are, undecoded), full-width ASCII and the
    /// ideographic space as [`fold_width`] folds them (`（` -> `(`),
    /// `⑴`..`⒇` -> `(1)`..`(20)`, `⒈`..`⒛` -> `1.`..`20.`, `㈠`..`㈩` ->
    /// `(一)`..`(十)`. `None` for anything else; the unit test
    /// `fast_nfkc_agrees_with_unicode_normalization` holds this to the
    /// crate's NFKC.
    fn fast(prefix: &str) -> Option<Normalised> {
        let mut out = Normalised {
            bytes: [0; PREFIX_CHARS * FAST_MAX],
            len: 0,
            ends: [(0, 0); PREFIX_CHARS],
            chars: 0,
        };
        let b = prefix.as_bytes();
        let mut i = 0;
        while let Some(&lead) = b.get(i) {
            let width = crate::chars::char_len(lead);
            if is_own_nfkc_at(b, i) {
                out.push_bytes(b.get(i..i + width)?)?;
            } else {
                let c = prefix.get(i..)?.chars().next()?;
                let u = u32::from(c);
                let folded = fold_width(c);
                match u {
                    // Full-width ASCII and the ideographic space, as the
                    // grammar folds them.
                    _ if folded != c => {
                        out.push_bytes(folded.encode_utf8(&mut [0; 4]).as_bytes())?;
                    }
                    0x2474..=0x2487 => {
                        out.push_bytes(b"(")?;
                        out.push_number(u - 0x2474 + 1)?;
                        out.push_bytes(b")")?;
                    }
                    0x2488..=0x249B => {
                        out.push_number(u - 0x2488 + 1)?;
                        out.push_bytes(b".")?;
                    }
                    0x3220..=0x3229 => {
                        let digit = "一二三四五六七八九十"
                            .chars()
                            .nth(usize::try_from(u - 0x3220).ok()?)?;
                        out.push_bytes(b"(")?;
                        out.push_bytes(digit.encode_utf8(&mut [0; 4]).as_bytes())?;
                        out.push_bytes(b")")?;
                    }
                    _ => return None,
                }
            }
            i += width;
            let slot = out.ends.get_mut(out.chars)?;
            *slot = (u8::try_from(out.len).ok()?, u8::try_from(i).ok()?);
            out.chars += 1;
        }
        Some(out)
    }

    fn push_bytes(&mut self, bytes: &[u8]) -> Option<()> {
        let end = self.len + bytes.len();
        self.bytes.get_mut(self.len..end)?.copy_from_slice(bytes);
        self.len = end;
        Some(())
    }

    fn push_number(&mut self, n: u32) -> Option<()> {
        if n >= 10 {
            self.push_bytes(&[b'0' + u8::try_from(n / 10 % 10).ok()?])?;
        }
        self.push_bytes(&[b'0' + u8::try_from(n % 10).ok()?])
    }

    /// The marker at the start of the normalised prefix, and its length in
    /// the original bytes.
    fn marker(&self) -> Option<(Found, usize)> {
        let norm = std::str::from_utf8(self.bytes.get(..self.len)?).ok()?;
        let (rest, found) = marker(norm).ok()?;
        let used = norm.len() - rest.len();
        let ends = self.ends.get(..self.chars)?;
        let orig = ends
            .iter()
            .find(|(n, _)| usize::from(*n) >= used)
            .map(|&(_, o)| usize::from(o))?;
        Some((found, orig))
    }

    /// Any prefix: NFKC char by char with unicode-normalization.
    fn slow(prefix: &str) -> Option<(Found, usize)> {
        let mut norm = String::with_capacity(prefix.len());
        let mut ends: Vec<(usize, usize)> = Vec::with_capacity(PREFIX_CHARS);
        for (i, c) in prefix.char_indices() {
            norm.extend(std::iter::once(c).nfkc());
            ends.push((norm.len(), i + c.len_utf8()));
        }
        let (rest, found) = marker(&norm).ok()?;
        let used = norm.len() - rest.len();
        let orig = ends.iter().find(|(n, _)| *n >= used).map(|&(_, o)| o)?;
        Some((found, orig))
    }
}

struct Found {
    family: Family,
    ordinal: u32,
    weak: bool,
    seq: Option<SeqWord>,
}

impl Found {
    fn new(family: Family, ordinal: u32) -> Self {
        Found {
            family,
            ordinal,
            weak: false,
            seq: None,
        }
    }
}

// marker := circled (handled above) | cn_paren | ar_paren | di | seq
//         | cn_dun | cn_shi | cn_yao | ar_dot | ar_dun
//
// An ASCII character below stands for its full-width form too (`(` for
// `（`, `.` for `．`, a digit for `１`), as NFKC would make it: the grammar
// compares characters by `fold_width`.
//
// The alternatives start with different characters, so the first character
// picks the one to try (the same result as trying them in turn, without
// running five recognisers that fail on it).
fn marker(i: &str) -> IResult<&str, Found> {
    let mut chars = i.chars().map(fold_width);
    match chars.next() {
        // The character after `(` picks: Arabic digits for `ar-paren`, a
        // Chinese numeral for `cn-paren`.
        Some('(') if chars.next().is_some_and(|c| c.is_ascii_digit()) => ar_paren(i),
        Some('(') => cn_paren(i),
        Some('第') => di(i),
        Some('首' | '其' | '再' | '最') => seq(i),
        Some(c) if c.is_ascii_digit() => ar_marker(i),
        _ => cn_marker(i),
    }
}

// list_tail := ( '、' | '.' )?          ; `(一)、` keeps its stray 、 in the marker
fn list_tail(i: &str) -> IResult<&str, Option<char>> {
    opt(folded(|c| matches!(c, '、' | '.'))).parse(i)
}

// cn_paren := '(' cn_numeral ')' list_tail
fn cn_paren(i: &str) -> IResult<&str, Found> {
    map(
        (wide('('), cn_numeral, wide(')'), list_tail),
        |(_, n, _, _)| Found::new(Family::CnParen, n),
    )
    .parse(i)
}

// ar_paren := '(' ar_numeral ')' list_tail
fn ar_paren(i: &str) -> IResult<&str, Found> {
    map(
        (wide('('), ar_numeral, wide(')'), list_tail),
        |(_, n, _, _)| Found::new(Family::ArParen, n),
    )
    .parse(i)
}

// di := '第' ( cn_numeral | [0-9]{1,4} ) ( '章' | '节' | '条' | di_tail )   ; 4 digits for articles only
// di_tail := ',' | '、' | ':' | '是' | '件' | '部分' | &space
fn di(i: &str) -> IResult<&str, Found> {
    let (i, _) = char('第').parse(i)?;
    // Articles run past 999 in Arabic numerals too (`第1040条`).
    let number = alt((
        cn_numeral,
        map(crate::numeral::ar_digits(1, 4), |d| d.value),
    ));
    let family = alt((
        map(
            folded(|c| matches!(c, '章' | '节' | '条' | ',' | '、' | ':' | '是' | '件')),
            |tail| match tail {
                '章' => Family::DiZhang,
                '节' => Family::DiJie,
                '条' => Family::DiTiao,
                _ => Family::Di,
            },
        ),
        // `第一部分 工作回顾`: the parts of a report.
        map(tag("部分"), |_| Family::Di),
        // `第一 总体要求`: the space stays out of the marker.
        map(peek(folded(|c| matches!(c, ' ' | '\t'))), |_| Family::Di),
    ));
    // A plain enumeration never counts past 999: `第2019,` is no item.
    let (i, (n, family)) = verify((number, family), |&(n, f): &(u32, Family)| {
        f != Family::Di || n <= 999
    })
    .parse(i)?;
    // `第五条之一`: an article inserted after 第五条 keeps its number.
    let (i, _) = opt(verify((tag("之"), cn_numeral), |_| {
        family == Family::DiTiao
    }))
    .parse(i)?;
    Ok((i, Found::new(family, n)))
}

// seq := ( '首先' | '其次' | '再次' | '最后' | '其' cn_numeral ) seq_tail
// seq_tail := ( ',' | ':' | '、' | '是' )?
fn seq(i: &str) -> IResult<&str, Found> {
    let word = alt((
        map(tag("首先"), |_| (SeqWord::First, 1)),
        map(tag("其次"), |_| (SeqWord::Next, 2)),
        map(tag("再次"), |_| (SeqWord::Again, 3)),
        map(tag("最后"), |_| (SeqWord::Last, 0)),
        map((char('其'), cn_numeral), |(_, n)| (SeqWord::Qi, n)),
    ));
    let (i, ((w, ordinal), _)) =
        (word, opt(folded(|c| matches!(c, ',' | ':' | '、' | '是')))).parse(i)?;
    let mut found = Found::new(Family::Seq, ordinal);
    found.seq = Some(w);
    Ok((i, found))
}

// cn_marker := cn_numeral ( ( '、' | '.' ) not_range | '是' | '要' | ')' )
//   `一)` (`一）`), a half parenthesis, reads as `(一)`
// not_range := !( cn_numeral range_unit )
// range_unit := '月' | '季度' | '年级' | '类' | '级' | '等' | '期' | '批' | '档' | '产业' | '线' | '号'
//   `一、二月份` is "January and February", `一、二季度` "the first two quarters"
fn cn_marker(i: &str) -> IResult<&str, Found> {
    let (i, n) = cn_numeral(i)?;
    let family = alt((
        map(char('是'), |_| Family::CnShi),
        map(char('要'), |_| Family::CnYao),
        map(wide(')'), |_| Family::CnParen),
        // `一、二月` `三、四季度`: a range of numbered things, no item.
        map(
            (folded(|c| matches!(c, '、' | '.')), not(numbered_unit)),
            |_| Family::CnDun,
        ),
    ));
    map(family, |f| Found::new(f, n)).parse(i)
}

// numbered_unit := cn_numeral ( '月' | '季度' | '年级' | '类' | '级' | '等' | '期'
//                 | '批' | '档' | '产业' | '线' | '号' )
fn numbered_unit(i: &str) -> IResult<&str, &str> {
    let (i, _) = cn_numeral(i)?;
    alt((
        tag("月"),
        tag("季度"),
        tag("年级"),
        tag("类"),
        tag("级"),
        tag("等"),
        tag("期"),
        tag("批"),
        tag("档"),
        tag("产业"),
        tag("线"),
        tag("号"),
    ))
    .parse(i)
}

// ar_marker := ar_numeral ( '.' | '、' | ')' )     ; `5.3`: a weak `5.`
//   `1)` (`1）`), a half parenthesis, reads as `(1)`
fn ar_marker(i: &str) -> IResult<&str, Found> {
    let (i, n) = ar_numeral(i)?;
    let (rest, c) = folded(|c| matches!(c, '.' | '、' | ')')).parse(i)?;
    let family = match c {
        '.' => Family::ArDot,
        '、' => Family::ArDun,
        _ => Family::ArParen,
    };
    let mut found = Found::new(family, n);
    found.weak = c == '.' && rest.starts_with(|d: char| fold_width(d).is_ascii_digit());
    Ok((rest, found))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(s: &str) -> Option<(Family, u32, &str)> {
        recognise(s).map(|c| (c.family, c.ordinal, &s[..c.len()]))
    }

    #[test]
    fn below_the_first_circled_number_only_ascii_starts_a_marker() {
        for c in (0..FIRST_NON_ASCII_MARKER_START).filter_map(char::from_u32) {
            assert_eq!(
                may_start_marker_by_rule(c),
                c.is_ascii_digit() || c == '(',
                "{c}"
            );
            assert_eq!(may_start_marker(c), may_start_marker_by_rule(c), "{c}");
        }
        for c in ('\u{4E00}'..='\u{9FFF}').chain(['①', '（', '１', '⑴', '㈠', '❶']) {
            assert_eq!(may_start_marker(c), may_start_marker_by_rule(c), "{c}");
        }
        assert!(may_start_marker('①') && may_start_marker('一') && may_start_marker('（'));
    }

    #[test]
    fn cn_dun_reads_chinese_numeral_and_dun() {
        assert_eq!(rec("一、总则"), Some((Family::CnDun, 1, "一、")));
        assert_eq!(rec("十二、附则"), Some((Family::CnDun, 12, "十二、")));
        assert_eq!(rec("一、二月份经济运行平稳"), None);
        assert_eq!(rec("一、二季度经济运行平稳"), None);
        assert_eq!(rec("一、二类地区"), None);
        assert_eq!(rec("一、二级预警"), None);
        assert_eq!(rec("一、二是关键"), Some((Family::CnDun, 1, "一、")));
    }

    #[test]
    fn an_inserted_article_keeps_its_number() {
        assert_eq!(
            rec("第五条之一　新增"),
            Some((Family::DiTiao, 5, "第五条之一"))
        );
        assert_eq!(rec("第五章之一"), Some((Family::DiZhang, 5, "第五章")));
    }

    #[test]
    fn a_chinese_numeral_a_space_and_a_heading_is_cn_dun() {
        for (line, want) in [
            ("一 总体要求", Some((Family::CnDun, 1, "一"))),
            ("三\u{3000}保障措施", Some((Family::CnDun, 3, "三"))),
            ("一季度经济运行平稳", None),
            ("三 年来取得了成绩", None),
            ("十项以上", None),
        ] {
            assert_eq!(rec(line), want, "{line}");
        }
    }

    #[test]
    fn a_chinese_numeral_alone_on_its_line_is_cn_dun() {
        for (line, want) in [
            ("一", Some((Family::CnDun, 1, "一"))),
            ("十二", Some((Family::CnDun, 12, "十二"))),
            ("二十三", Some((Family::CnDun, 23, "二十三"))),
            ("一二", None),
            ("一些", None),
            ("十分", None),
            ("两", None),
        ] {
            assert_eq!(rec(line), want, "{line}");
        }
    }

    #[test]
    fn cn_paren_reads_half_and_full_width() {
        assert_eq!(rec("(三)加强领导"), Some((Family::CnParen, 3, "(三)")));
        assert_eq!(
            rec("（十一）加强领导"),
            Some((Family::CnParen, 11, "（十一）"))
        );
        assert_eq!(rec("㈡加强领导"), Some((Family::CnParen, 2, "㈡")));
        assert_eq!(rec("(一)、加强领导"), Some((Family::CnParen, 1, "(一)、")));
    }

    #[test]
    fn arabic_families_are_told_apart_by_their_punctuation() {
        assert_eq!(rec("1.再认识"), Some((Family::ArDot, 1, "1.")));
        assert_eq!(rec("１．再认识"), Some((Family::ArDot, 1, "１．")));
        assert_eq!(rec("⒉再认识"), Some((Family::ArDot, 2, "⒉")));
        assert_eq!(rec("3、强化"), Some((Family::ArDun, 3, "3、")));
        assert_eq!(rec("(4)强化"), Some((Family::ArParen, 4, "(4)")));
        assert_eq!(rec("（4）强化"), Some((Family::ArParen, 4, "（4）")));
        assert_eq!(rec("⑷强化"), Some((Family::ArParen, 4, "⑷")));
    }

    #[test]
    fn circled_numbers_are_read_before_normalisation() {
        assert_eq!(rec("①加强"), Some((Family::ArCircle, 1, "①")));
        assert_eq!(rec("⑫、加强"), Some((Family::ArCircle, 12, "⑫、")));
    }

    #[test]
    fn di_families_depend_on_the_character_after_the_numeral() {
        assert_eq!(rec("第一,要创新"), Some((Family::Di, 1, "第一,")));
        assert_eq!(rec("第二、要"), Some((Family::Di, 2, "第二、")));
        assert_eq!(rec("第三:要"), Some((Family::Di, 3, "第三:")));
        assert_eq!(rec("第三：要"), Some((Family::Di, 3, "第三：")));
        assert_eq!(rec("第四是要"), Some((Family::Di, 4, "第四是")));
        assert_eq!(rec("第一章 总则"), Some((Family::DiZhang, 1, "第一章")));
        assert_eq!(rec("第二节 范围"), Some((Family::DiJie, 2, "第二节")));
        assert_eq!(
            rec("第十二条 本办法"),
            Some((Family::DiTiao, 12, "第十二条"))
        );
        assert_eq!(rec("第3条 本办法"), Some((Family::DiTiao, 3, "第3条")));
        assert_eq!(rec("第一部分 工作回顾"), Some((Family::Di, 1, "第一部分")));
        assert_eq!(rec("第二　总体要求"), Some((Family::Di, 2, "第二")));
        assert_eq!(rec("第一次会议"), None);
        assert_eq!(rec("1）雨情监测"), Some((Family::ArParen, 1, "1）")));
        assert_eq!(rec("2)水情"), Some((Family::ArParen, 2, "2)")));
        assert_eq!(rec("三）附则"), Some((Family::CnParen, 3, "三）")));
        assert_eq!(rec("第一责任人"), None);
    }

    #[test]
    fn shi_and_yao_enumerations() {
        assert_eq!(rec("一是深入调研"), Some((Family::CnShi, 1, "一是")));
        assert_eq!(rec("十二是"), Some((Family::CnShi, 12, "十二是")));
        assert_eq!(rec("三要严肃纪律"), Some((Family::CnYao, 3, "三要")));
    }

    #[test]
    fn sequence_words_carry_their_word() {
        let c = recognise("首先,要充分认识").map(|c| (c.family, c.seq, c.len()));
        assert_eq!(c, Some((Family::Seq, Some(SeqWord::First), "首先,".len())));
        assert_eq!(rec("其三是强化"), Some((Family::Seq, 3, "其三是")));
        assert_eq!(recognise("最后,").and_then(|c| c.seq), Some(SeqWord::Last));
        assert_eq!(rec("其实不然"), None);
    }

    #[test]
    fn digits_set_apart_by_spaces_still_make_markers() {
        // (line, family and ordinal, the marker's text) or no marker.
        for (text, want) in [
            ("1 .加强领导", Some((Family::ArDot, 1, "1 ."))),
            ("1 、加强领导", Some((Family::ArDun, 1, "1 、"))),
            ("（ 1 ）加强领导", Some((Family::ArParen, 1, "（ 1 ）"))),
            ("(1 )加强", Some((Family::ArParen, 1, "(1 )"))),
            ("第 1 条 为了规范", Some((Family::DiTiao, 1, "第 1 条"))),
            ("第 12 条 本办法", Some((Family::DiTiao, 12, "第 12 条"))),
            ("2 . 工作要求", Some((Family::ArDot, 2, "2 ."))),
            ("2019 年工作总结", None),
            ("3 个方面的问题", None),
            ("2019 年 8 月 20 日", None),
        ] {
            let got = recognise(text).map(|c| (c.family, c.ordinal, &text[..c.len()]));
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn decimals_are_weak_and_years_are_not_markers() {
        assert!(recognise("5.3月龄").is_some_and(|c| c.weak));
        assert!(recognise("1.要落实").is_some_and(|c| !c.weak));
        assert_eq!(rec("2020年3月"), None);
        assert_eq!(rec("20xx年3月14日"), None);
        assert_eq!(rec("2"), None);
        assert_eq!(rec("同志们:"), None);
    }

    /// Every character whose NFKC form holds a character of the grammar
    /// is one [`may_continue_marker`] lets the prefix go on past.
    #[test]
    fn the_prefix_goes_on_past_every_form_of_a_grammar_character() {
        let grammar =
            |c: char| c.is_ascii() || matches!(c, '、' | '\u{3000}') || is_marker_word_char(c);
        for c in (0x80..0x3_0000).filter_map(char::from_u32) {
            let norm: String = std::iter::once(c).nfkc().collect();
            if norm.chars().any(grammar) {
                assert!(
                    may_continue_marker(c),
                    "U+{:04X} {c} -> {norm}",
                    u32::from(c)
                );
            }
        }
    }

    proptest::proptest! {
        /// The marker read from the short prefix is the one the grammar
        /// reads from the NFKC form of the whole window of PREFIX_CHARS
        /// characters.
        #[test]
        fn a_short_prefix_reads_as_the_full_one(
            chars in proptest::collection::vec(proptest::sample::select(
                "（）()１２１０.．、，,:：是要第章条之部分首先其次最后一二三十百千零两月季度强化x 　⑴⒈㈠⼀⼆".chars().collect::<Vec<_>>()
            ), 0..16)
        ) {
            let text: String = chars.into_iter().collect();
            let (end, full_width) = marker_prefix(&text);
            let window: usize = text.chars().take(PREFIX_CHARS).map(char::len_utf8).sum();
            let full = text.get(..window).unwrap_or("");
            let short = read_prefix(&text[..end], full_width).map(|(f, n)| (f.family, f.ordinal, f.weak, f.seq, n));
            let long = Normalised::slow(full).map(|(f, n)| (f.family, f.ordinal, f.weak, f.seq, n));
            proptest::prop_assert_eq!(short, long, "{}", text);
        }
    }

    #[test]
    fn own_nfkc_is_one_set_by_bytes_and_by_characters() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            let mut buf = [0; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            assert_eq!(is_own_nfkc_at(bytes, 0), is_own_nfkc(c), "{c:?}");
        }
    }

    #[test]
    fn fast_nfkc_agrees_with_unicode_normalization() {
        let ranges = [
            0..=0x7F,
            0x4000..=0x9FFF,
            0x3001..=0x3035,
            0x2018..=0x201D,
            0xFF01..=0xFF5E,
            0x3000..=0x3000,
            0x2474..=0x249B,
            0x3220..=0x3229,
        ];
        for u in ranges.into_iter().flatten() {
            let Some(c) = char::from_u32(u) else { continue };
            let s = c.to_string();
            let Some(fast) = Normalised::fast(&s) else {
                assert!(
                    matches!(u, 0x201A | 0x201B),
                    "U+{u:04X} not on the fast path"
                );
                continue;
            };
            let fast = std::str::from_utf8(&fast.bytes[..fast.len])
                .unwrap()
                .to_owned();
            let slow: String = std::iter::once(c).nfkc().collect();
            assert_eq!(fast, slow, "U+{u:04X}");
        }
        // Twelve of the longest fast forms fit the buffer.
        assert!(Normalised::fast(&"㈩".repeat(PREFIX_CHARS)).is_some());
    }

    /// What the grammar folds is exactly what NFKC makes of those
    /// characters, and it folds nothing else NFKC leaves alone.
    #[test]
    fn the_width_fold_is_nfkc_where_it_folds() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            let folded = fold_width(c);
            if folded != c {
                let norm: String = std::iter::once(c).nfkc().collect();
                assert_eq!(norm, folded.to_string(), "U+{:04X}", u32::from(c));
            }
        }
        assert_eq!(fold_width('（'), '(');
        assert_eq!(fold_width('\u{3000}'), ' ');
        assert_eq!(fold_width('⑴'), '⑴');
    }

    /// Full-width markers read as written (no NFKC) give what the NFKC
    /// path gives, length in original bytes included.
    #[test]
    fn full_width_markers_read_as_written_and_after_nfkc_alike() {
        for s in [
            "（十一）加强",
            "（１）抓好",
            "１２．再认识",
            "１２、再认识",
            "１）再认识",
            "一）加强",
            "一．加强",
            "第１２条　本办法",
            "第三　总体",
            "第三，总体",
            "其次，要",
            "５．３ 小数",
        ] {
            let (end, rewritten) = marker_prefix(s);
            assert!(!rewritten, "{s}");
            let direct =
                read_prefix(&s[..end], false).map(|(f, n)| (f.family, f.ordinal, f.weak, n));
            let slow = Normalised::slow(s).map(|(f, n)| (f.family, f.ordinal, f.weak, n));
            assert!(direct.is_some(), "{s}");
            assert_eq!(direct, slow, "{s}");
        }
    }

    #[test]
    fn full_width_markers_read_the_same_on_both_paths() {
        for s in [
            "（十一）加强",
            "１２．再认识",
            "⒛、加强",
            "⑽强化",
            "㈩加强",
            "第１２条 本办法",
            "（１）１．",
        ] {
            let fast = Normalised::fast(s)
                .and_then(|n| n.marker())
                .map(|(f, n)| (f.family, f.ordinal, n));
            let slow = Normalised::slow(s).map(|(f, n)| (f.family, f.ordinal, n));
            assert!(fast.is_some(), "{s}");
            assert_eq!(fast, slow, "{s}");
        }
    }

    #[test]
    fn family_names_round_trip() {
        for f in Family::ALL {
            assert_eq!(f.name().parse::<Family>().ok(), Some(f));
            let json = serde_json::to_string(&f).unwrap();
            assert_eq!(json, format!("\"{}\"", f.name()));
        }
    }
}
