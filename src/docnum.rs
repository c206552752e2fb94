//! 发文字号, the document number of GB/T 9704-2012 (7.2.5): the issuer's
//! code (机关代字), the year in hexagonal brackets 〔〕, the serial number,
//! 号: `国办发〔2018〕123号`.
//!
//! Grammar (on the original text: no NFKC, full-width digits are read
//! directly):
//!
//! ```text
//! doc_number_line := ( open_round gap )? doc_number ( gap close_round )? ( space* signer )?
//!                                     ; （余府发〔2012〕3号）, 国办发〔2018〕1号　签发人：张三
//! doc_number := code gap year_part gap ( '第' gap )? serial gap '号'
//! code       := ideograph{1,16}       ; 国办发, 发改办财金规, 国发明电
//! year_part  := open ar_digit{4} close ; one kind of bracket: 〔〕 ﹝﹞ [] ［］ () （） 【】 〖〗
//! serial     := ar_digit{1,9}         ; 1.., 0123 is read (and flagged)
//! signer     := '签发人' gap ( ':' | '：' ) any*
//! gap        := ( ' ' | '\t' | U+3000 | U+00A0 ){0,3}
//!                                     ; the spaces PDF extraction leaves: 〔2019〕860 号
//! ```
//!
//! Only a line that is a document number is one: a sentence that cites
//! `（国办发〔2018〕123号）` in its middle is not.

use std::ops::Range;

use nom::{
    IResult, Parser,
    character::complete::{anychar, char, satisfy},
    combinator::{map_opt, opt, recognize, verify},
    multi::fold_many_m_n,
};
use serde::{Deserialize, Serialize};

use crate::lines::is_space;
use crate::numeral::{Digits, ar_digits};

/// A document's 发文字号 (GB/T 9704-2012 7.2.5): `国办发〔2018〕123号`.
///
/// ```text
/// 国办发〔2018〕123号
/// ^^^^^^ code
///         ^^^^ year
///               ^^^ number
/// ```
///
/// It is read whatever the brackets around the year (`〔2018〕` is right;
/// `[2018]`, `（2018）`, `【2018】` are common), with `第` before the number
/// or a leading zero (`第123号`, `0123号`): the fields hold what the number
/// means. `year` is in `1000..=2999`, `number` is at least 1. It
/// serialises as three fields:
///
/// ```
/// let json = r#"{"code":"国办发","year":2018,"number":123}"#;
/// let n: gongwen::DocNumber = serde_json::from_str(json)?;
/// assert_eq!((n.code.as_str(), n.year, n.number), ("国办发", 2018, 123));
/// assert_eq!(serde_json::to_string(&n)?, json);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DocNumber {
    /// The issuer's code (机关代字): `国办发`, `发改办财金规`, `国发明电`.
    pub code: String,
    /// The year: `2018`.
    pub year: u16,
    /// The serial number within the year: `123`.
    pub number: u32,
}

/// A text that is not a document number (`国办发〔2018〕123号`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("not a document number (发文字号) such as 国办发〔2018〕123号")]
#[non_exhaustive]
pub struct NotADocNumber;

impl std::str::FromStr for DocNumber {
    type Err = NotADocNumber;

    /// Reads a line that is a document number, with the brackets and
    /// faults [`DocNumber`] accepts.
    ///
    /// ```
    /// let n: gongwen::DocNumber = "国办发〔2018〕123号".parse()?;
    /// assert_eq!((n.code.as_str(), n.year, n.number), ("国办发", 2018, 123));
    /// assert!("根据2018年工作安排".parse::<gongwen::DocNumber>().is_err());
    /// # Ok::<(), gongwen::NotADocNumber>(())
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        doc_number(s).map(|(_, n, _)| n).ok_or(NotADocNumber)
    }
}

impl std::fmt::Display for DocNumber {
    /// The GB/T 9704 form: `国办发〔2018〕123号`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}〔{}〕{}号", self.code, self.year, self.number)
    }
}

/// The brackets around a document number's year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Bracket {
    /// `〔2018〕` (U+3014, U+3015): what GB/T 9704 asks for.
    Hexagonal,
    /// `﹝2018﹞` (U+FE5D, U+FE5E): the small form, which looks right.
    SmallHexagonal,
    /// `[2018]`, `［2018］`.
    Square,
    /// `(2018)`, `（2018）`.
    Round,
    /// `【2018】`, `〖2018〗`.
    Lenticular,
}

/// How a document number departs from GB/T 9704.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct NumberFaults {
    /// The year's brackets; only [`Bracket::Hexagonal`] is right.
    pub year_bracket: Bracket,
    /// `第` before the serial number: `国办发〔2018〕第123号`.
    pub di: bool,
    /// A serial number with a leading zero: `0123号` (不编虚位).
    pub leading_zero: bool,
    /// Full-width digits in the year or the number: `〔２０１８〕１２３号`.
    pub full_width: bool,
}

impl NumberFaults {
    // Only the tests read this mark so far; lint reads the others.
    #[cfg(test)]
    /// True when nothing is wrong.
    pub(crate) fn is_clean(&self) -> bool {
        self.year_bracket == Bracket::Hexagonal
            && !self.di
            && !self.leading_zero
            && !self.full_width
    }
}

/// Longest line, once trimmed, that [`doc_number`] looks at. A number is at
/// most about 90 bytes (a 16-character code, full-width year, 第, nine
/// digits, spaces); an upward document adds the signer on the same line,
/// often pushed right with a run of U+3000 (`签发人：张三　李四`), which
/// gives up to about 200. The test runs on every short line of large inputs,
/// so anything longer is refused before any parsing.
pub(crate) const DOC_NUMBER_LINE_MAX_BYTES: usize = 240;

/// Most characters of a 机关代字.
const CODE_MAX_CHARS: usize = 16;

/// Most spaces [`gap`] takes.
const GAP_MAX: usize = 3;

/// Spaces inside a line: ASCII space and tab, U+3000, U+00A0.
fn is_gap_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{3000}' | '\u{a0}')
}

// gap := ( ' ' | '\t' | U+3000 | U+00A0 ){0,3}
fn gap(i: &str) -> IResult<&str, ()> {
    fold_many_m_n(0, GAP_MAX, satisfy(is_gap_space), || (), |_, _| ()).parse(i)
}

/// A CJK unified ideograph (the basic block and extension A).
fn is_ideograph(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

// code := ideograph{1,16}
fn code(i: &str) -> IResult<&str, &str> {
    recognize(fold_many_m_n(
        1,
        CODE_MAX_CHARS,
        satisfy(is_ideograph),
        || (),
        |_, _| (),
    ))
    .parse(i)
}

/// The bracket kind `c` opens.
fn opens(c: char) -> Option<Bracket> {
    Some(match c {
        '〔' => Bracket::Hexagonal,
        '﹝' => Bracket::SmallHexagonal,
        '[' | '［' => Bracket::Square,
        '(' | '（' => Bracket::Round,
        '【' | '〖' => Bracket::Lenticular,
        _ => return None,
    })
}

/// The bracket kind `c` closes.
fn closes(c: char) -> Option<Bracket> {
    Some(match c {
        '〕' => Bracket::Hexagonal,
        '﹞' => Bracket::SmallHexagonal,
        ']' | '］' => Bracket::Square,
        ')' | '）' => Bracket::Round,
        '】' | '〗' => Bracket::Lenticular,
        _ => return None,
    })
}

// year_part := open gap ar_digit{4} gap close     ; one kind of bracket, 1000..=2999
fn year_part(i: &str) -> IResult<&str, (Digits, Bracket)> {
    let (i, kind) = map_opt(anychar, opens).parse(i)?;
    let (i, _) = gap(i)?;
    let (i, year) = verify(ar_digits(4, 4), |d| (1000..=2999).contains(&d.value)).parse(i)?;
    let (i, _) = gap(i)?;
    let (i, _) = satisfy(|c| closes(c) == Some(kind)).parse(i)?;
    Ok((i, (year, kind)))
}

// serial := ar_digit{1,9}            ; at least 1
fn serial(i: &str) -> IResult<&str, Digits> {
    verify(ar_digits(1, 9), |d| d.value >= 1).parse(i)
}

// doc_number := code gap year_part gap ( '第' gap )? serial gap '号'
fn doc_number_p(i: &str) -> IResult<&str, (DocNumber, NumberFaults)> {
    let (i, code) = code(i)?;
    let (i, _) = gap(i)?;
    let (i, (year, bracket)) = year_part(i)?;
    let (i, _) = gap(i)?;
    let (i, di) = opt((char('第'), gap)).parse(i)?;
    let (i, number) = serial(i)?;
    let (i, _) = gap(i)?;
    let (i, _) = char('号').parse(i)?;
    // (`year_part` holds the year to 1000..=2999: it fits.)
    let year_value = u16::try_from(year.value).unwrap_or(u16::MAX);
    Ok((
        i,
        (
            DocNumber {
                code: code.to_owned(),
                year: year_value,
                number: number.value,
            },
            NumberFaults {
                year_bracket: bracket,
                di: di.is_some(),
                leading_zero: number.leading_zero(),
                full_width: year.full_width || number.full_width,
            },
        ),
    ))
}

// signer := '签发人' gap ( ':' | '：' ) any*
fn is_signer(t: &str) -> bool {
    t.strip_prefix("签发人")
        .map(|r| r.trim_start_matches(is_gap_space))
        .is_some_and(|r| r.starts_with([':', '：']))
}

/// The document number when the line `text` is one, with its byte range
/// in `text` (the number only: not the indentation, the brackets around a
/// number printed as `（余府发〔2012〕3号）`, nor a `签发人：` after it), and
/// how it departs from GB/T 9704.
///
/// ```text
///  发改办财金规〔2019〕860号          yes
/// （余府发〔2012〕3号）               yes: the brackets are outside the range
/// 国办发〔2018〕1号　　签发人：张三    yes: the range ends at 号
/// 国办发[2018]第0123号               yes, with faults: Square, di, leading_zero
/// 根据《…》（国办发〔2018〕123号）精神  no: a sentence citing a number
/// 第123号, 国务院令第599号            no: no code or no year
/// ```
pub(crate) fn doc_number(text: &str) -> Option<(Range<usize>, DocNumber, NumberFaults)> {
    let t = text.trim_start_matches(is_space);
    let offset = text.len().checked_sub(t.len())?;
    let t = t.trim_end_matches(is_space);
    if t.len() > DOC_NUMBER_LINE_MAX_BYTES || !t.contains('号') {
        return None;
    }
    // ( open_round gap )?
    let (opened, s) = match t.strip_prefix(['(', '（']) {
        Some(r) => (true, r.trim_start_matches(is_gap_space)),
        None => (false, t),
    };
    let start = offset.checked_add(t.len().checked_sub(s.len())?)?;
    let (after, (number, faults)) = doc_number_p(s).ok()?;
    let end = start.checked_add(s.len().checked_sub(after.len())?)?;
    // ( gap close_round )? ( space* signer )?
    let mut rest = after.trim_start_matches(is_gap_space);
    if opened {
        rest = rest.strip_prefix([')', '）'])?;
    }
    let rest = rest.trim_start_matches(is_space);
    if !rest.is_empty() && !is_signer(rest) {
        return None;
    }
    Some((start..end, number, faults))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_is_one_to_sixteen_ideographs() {
        for (input, want) in [
            ("国办发〔", Some(("国办发", "〔"))),
            ("发改办财金规[", Some(("发改办财金规", "["))),
            ("国发明电", Some(("国发明电", ""))),
            (
                "一二三四五六七八九十一二三四五六〔",
                Some(("一二三四五六七八九十一二三四五六", "〔")),
            ),
            (
                "一二三四五六七八九十一二三四五六七〔",
                Some(("一二三四五六七八九十一二三四五六", "七〔")),
            ),
            ("〔2018〕", None),
            ("《通知》", None),
            ("ABC", None),
            ("", None),
        ] {
            let got = code(input).ok().map(|(rest, c)| (c, rest));
            assert_eq!(got, want, "{input:?}");
        }
    }

    #[test]
    fn year_part_needs_a_matching_pair_of_brackets() {
        for (input, want) in [
            ("〔2018〕", Some((2018, Bracket::Hexagonal, ""))),
            ("〔 2019 〕860号", Some((2019, Bracket::Hexagonal, "860号"))),
            ("﹝2018﹞", Some((2018, Bracket::SmallHexagonal, ""))),
            ("[2018]", Some((2018, Bracket::Square, ""))),
            ("［2018］", Some((2018, Bracket::Square, ""))),
            ("(2018)", Some((2018, Bracket::Round, ""))),
            ("（2018）", Some((2018, Bracket::Round, ""))),
            ("(2018）", Some((2018, Bracket::Round, ""))),
            ("【2018】", Some((2018, Bracket::Lenticular, ""))),
            ("〖2018〗", Some((2018, Bracket::Lenticular, ""))),
            ("〔２０１８〕", Some((2018, Bracket::Hexagonal, ""))),
            ("〔2018]", None),
            ("【2018〕", None),
            ("〔18〕", None),
            ("〔20181〕", None),
            ("〔3018〕", None),
            ("2018", None),
            ("〔2018", None),
        ] {
            let got = year_part(input)
                .ok()
                .map(|(rest, (y, b))| (y.value, b, rest));
            assert_eq!(got, want, "{input:?}");
        }
    }

    #[test]
    fn serial_is_a_positive_number() {
        for (input, want) in [
            ("123号", Some((123, false, "号"))),
            ("0123号", Some((123, true, "号"))),
            ("1号", Some((1, false, "号"))),
            ("１２３号", Some((123, false, "号"))),
            ("0号", None),
            ("000号", None),
            ("号", None),
            ("一号", None),
        ] {
            let got = serial(input)
                .ok()
                .map(|(rest, d)| (d.value, d.leading_zero(), rest));
            assert_eq!(got, want, "{input:?}");
        }
    }

    #[test]
    fn doc_number_p_reads_code_year_and_serial() {
        for (input, want) in [
            ("国办发〔2018〕123号", Some(("国办发", 2018, 123, ""))),
            ("国办发 〔2018〕 第 123 号", Some(("国办发", 2018, 123, ""))),
            ("〔2019〕860 号", None),
            ("国办发〔2018〕123号文", Some(("国办发", 2018, 123, "文"))),
            ("国办发〔2018〕123", None),
            ("国办发〔2018〕号", None),
            ("国办发2018年123号", None),
            ("国办发〔2018〕1234567890号", None),
            ("第123号", None),
        ] {
            let got = doc_number_p(input)
                .ok()
                .map(|(rest, (n, _))| (n.code, n.year, n.number, rest));
            let want = want.map(|(c, y, n, r)| (c.to_owned(), y, n, r));
            assert_eq!(got, want, "{input:?}");
        }
    }

    #[test]
    fn signer_follows_the_number() {
        for (input, want) in [
            ("签发人：张三", true),
            ("签发人:张三　李四", true),
            ("签发人　：张三", true),
            ("签发人张三", false),
            ("签发", false),
            ("精神", false),
        ] {
            assert_eq!(is_signer(input), want, "{input:?}");
        }
    }

    fn faults(year_bracket: Bracket, di: bool, leading_zero: bool) -> NumberFaults {
        NumberFaults {
            year_bracket,
            di,
            leading_zero,
            full_width: false,
        }
    }

    #[test]
    fn doc_number_lines() {
        use Bracket::*;
        let clean = faults(Hexagonal, false, false);
        let cases = [
            (
                "国办发〔2018〕123号",
                Some(("国办发〔2018〕123号", "国办发", 2018, 123, clean)),
            ),
            (
                " 发改办财金规〔2019〕860号 ",
                Some((
                    "发改办财金规〔2019〕860号",
                    "发改办财金规",
                    2019,
                    860,
                    clean,
                )),
            ),
            (
                "余府发〔2012〕3号",
                Some(("余府发〔2012〕3号", "余府发", 2012, 3, clean)),
            ),
            (
                "（余府发〔2012〕3号）",
                Some(("余府发〔2012〕3号", "余府发", 2012, 3, clean)),
            ),
            (
                "（新质监办发〔2012〕24号）",
                Some(("新质监办发〔2012〕24号", "新质监办发", 2012, 24, clean)),
            ),
            (
                "京政发[2018]5号",
                Some((
                    "京政发[2018]5号",
                    "京政发",
                    2018,
                    5,
                    faults(Square, false, false),
                )),
            ),
            (
                "国发明电〔2014〕1号",
                Some(("国发明电〔2014〕1号", "国发明电", 2014, 1, clean)),
            ),
            (
                "国办发（2018）12号",
                Some((
                    "国办发（2018）12号",
                    "国办发",
                    2018,
                    12,
                    faults(Round, false, false),
                )),
            ),
            (
                "国办发(2018)12号",
                Some((
                    "国办发(2018)12号",
                    "国办发",
                    2018,
                    12,
                    faults(Round, false, false),
                )),
            ),
            (
                "国办发【2018】12号",
                Some((
                    "国办发【2018】12号",
                    "国办发",
                    2018,
                    12,
                    faults(Lenticular, false, false),
                )),
            ),
            (
                "国办发﹝2018﹞12号",
                Some((
                    "国办发﹝2018﹞12号",
                    "国办发",
                    2018,
                    12,
                    faults(SmallHexagonal, false, false),
                )),
            ),
            (
                "发改办财金规〔2019〕860 号",
                Some((
                    "发改办财金规〔2019〕860 号",
                    "发改办财金规",
                    2019,
                    860,
                    clean,
                )),
            ),
            (
                "国办发〔2018〕第123号",
                Some((
                    "国办发〔2018〕第123号",
                    "国办发",
                    2018,
                    123,
                    faults(Hexagonal, true, false),
                )),
            ),
            (
                "国办发〔2018〕0123号",
                Some((
                    "国办发〔2018〕0123号",
                    "国办发",
                    2018,
                    123,
                    faults(Hexagonal, false, true),
                )),
            ),
            (
                "国办发[2018]第0123号",
                Some((
                    "国办发[2018]第0123号",
                    "国办发",
                    2018,
                    123,
                    faults(Square, true, true),
                )),
            ),
            (
                "　　国办发〔2018〕1号　　　　　　　　签发人：张三",
                Some(("国办发〔2018〕1号", "国办发", 2018, 1, clean)),
            ),
            (
                "国办发〔2018〕1号 签发人:张三　李四",
                Some(("国办发〔2018〕1号", "国办发", 2018, 1, clean)),
            ),
            (
                "( 国办发〔2018〕1号 )",
                Some(("国办发〔2018〕1号", "国办发", 2018, 1, clean)),
            ),
            (
                "根据《国务院办公厅关于…的通知》（国办发〔2018〕123号）精神，现通知如下：",
                None,
            ),
            ("（国办发〔2018〕123号）精神", None),
            ("国办发〔2018〕123号文件", None),
            ("（国办发〔2018〕123号", None),
            ("国办发〔2018〕123号）", None),
            ("2018年工作报告", None),
            ("第123号", None),
            ("中华人民共和国国务院令第599号", None),
            ("〔2019〕860号", None),
            ("", None),
        ];
        for (text, want) in cases {
            let got = doc_number(text).map(|(r, n, f)| (&text[r], n.code, n.year, n.number, f));
            let want = want.map(|(s, c, y, n, f)| (s, c.to_owned(), y, n, f));
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn full_width_digits_are_read_and_flagged() {
        let (_, n, f) = doc_number("国办发〔２０１８〕１２３号").unwrap();
        assert_eq!((n.year, n.number), (2018, 123));
        assert!(f.full_width && !f.is_clean());
        let (_, _, f) = doc_number("国办发〔2018〕123号").unwrap();
        assert!(f.is_clean());
    }

    #[test]
    fn long_lines_are_refused_before_parsing() {
        let long = format!("国办发〔2018〕1号 签发人：{}", "张".repeat(80));
        assert!(long.len() > DOC_NUMBER_LINE_MAX_BYTES);
        assert_eq!(doc_number(&long), None);
        let indented = format!("{}国办发〔2018〕1号", "\u{3000}".repeat(100));
        assert!(indented.len() > DOC_NUMBER_LINE_MAX_BYTES);
        assert!(doc_number(&indented).is_some());
    }

    #[test]
    fn no_input_panics_and_ranges_stay_on_char_boundaries() {
        let samples = [
            "（ 发改办财金规 〔 ２０１９ 〕 第 ０８６０ 号 ）　签发人：张三",
            "国办发〔2018〕99999999999999999999号",
            "〔〔〔〔2018〕〕〕号号号",
            "(（(（【号",
        ];
        for s in samples {
            for (i, _) in s.char_indices() {
                for piece in [&s[i..], &s[..i]] {
                    if let Some((r, _, _)) = doc_number(piece) {
                        assert!(piece.get(r).is_some(), "{piece:?}");
                    }
                }
            }
        }
    }
}
