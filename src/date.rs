//! Dates of the 公文 frame: the 成文日期 under the signature, the 印发日期
//! of the 版记, the date under a speech's title.
//!
//! Grammar (on the original text: no NFKC, full-width digits are read
//! directly):
//!
//! ```text
//! date         := arabic_date | chinese_date | dotted_date
//! arabic_date  := ar_year gap '年' gap ar_month gap '月' gap ar_day gap '日'
//!                                         ; 2018年12月7日, 2019 年 8 月 20 日
//! chinese_date := cn_year gap '年' gap cn_month gap '月' gap cn_day gap '日'
//!                                         ; 二〇一八年十二月七日
//! dotted_date  := ar_year sep ar_month sep ar_day !ar_digit !(sep ar_digit)
//!                                         ; 2009.6.3, 2009-06-03, 2009/6/3 (one sep twice)
//! ar_year      := ar_digit{4}             ; 1000..=2999
//! ar_month     := ar_digit{1,2}           ; 1..=12
//! ar_day       := ar_digit{1,2}           ; 1..=31
//! ar_digit     := [0-9] | [０-９]
//! cn_year      := cn_place_digit{4}       ; 1000..=2999, digit by digit
//! cn_place_digit := '一'..'九' | '〇' | '○' | '零' | '０' | 'O' | 'Ｏ'
//! cn_month     := cn_numeral              ; 1..=12: 十二月
//! cn_day       := cn_numeral              ; 1..=31: 三十一日
//! gap          := ( ' ' | '\t' | U+3000 | U+00A0 ){0,3}
//!                                         ; the spaces PDF extraction puts around CJK
//! sep          := '.' | '-' | '/' | '．' | '－' | '／'
//! ```
//!
//! A year needs its month and day: `2023年`, `2018年12月` and `3月14日` are
//! not dates. A date written in two styles at once (`2018年十二月七日`) is
//! not read either.

use std::ops::Range;

use nom::{
    IResult, Parser,
    branch::alt,
    character::complete::{char, satisfy},
    combinator::{map_opt, not, verify},
    multi::fold_many_m_n,
};
use serde::{Deserialize, Serialize};

use crate::lines::is_space;
use crate::numeral::{Digits, ar_digit_value, ar_digits, cn_numeral, cn_place_digit_value};

/// A calendar date as a document's frame gives it: the 成文日期 under the
/// signature (`2018年12月7日`, `二〇一八年十二月七日`), the 印发日期 of the
/// 版记, the date under a speech's title (`（2024年1月10日）`).
///
/// As read from a document the fields hold `year` in `1000..=2999`, `month`
/// in `1..=12` and `day` in `1..=31`; whether the day exists in that month
/// (`2月30日`) is not checked. Chinese years are read digit by digit
/// (`二〇一八` is 2018). A date serialises as three numbers:
///
/// ```
/// let json = r#"{"year":2018,"month":12,"day":7}"#;
/// let date: gongwen::Date = serde_json::from_str(json)?;
/// assert_eq!((date.year, date.month, date.day), (2018, 12, 7));
/// assert_eq!(serde_json::to_string(&date)?, json);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Date {
    /// The year, `1000..=2999`: `2018`.
    pub year: u16,
    /// The month, `1..=12`.
    pub month: u8,
    /// The day of the month, `1..=31`.
    pub day: u8,
}

/// A text that holds no date in a form official documents write.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("not a date as 公文 write one (2018年12月7日, 二〇一八年十二月七日, 2009.6.3)")]
#[non_exhaustive]
pub struct NotADate;

impl std::str::FromStr for Date {
    type Err = NotADate;

    /// Reads a line that is a date, in any style the frame reads: Arabic
    /// or full-width digits, Chinese numerals with `〇` or `○`, dotted
    /// (`2009.6.3`), with spaces, in brackets, or with a republisher's
    /// note after it.
    ///
    /// ```
    /// let d: gongwen::Date = "二〇一八年十二月七日".parse()?;
    /// assert_eq!((d.year, d.month, d.day), (2018, 12, 7));
    /// assert!("2018年工作报告".parse::<gongwen::Date>().is_err());
    /// # Ok::<(), gongwen::NotADate>(())
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        date_line(s).map(|found| found.date).ok_or(NotADate)
    }
}

impl std::fmt::Display for Date {
    /// ISO 8601: `2018-12-07`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Date {
    /// The date, when `month` is 1..=12, `day` 1..=31 and `year` 1000..=2999.
    fn new(year: u32, month: u32, day: u32) -> Option<Date> {
        if !(1000..=2999).contains(&year) || !(1..=12).contains(&month) || !(1..=31).contains(&day)
        {
            return None;
        }
        Some(Date {
            year: u16::try_from(year).ok()?,
            month: u8::try_from(month).ok()?,
            day: u8::try_from(day).ok()?,
        })
    }

    // Only the tests read this mark so far; lint reads the others.
    #[cfg(test)]
    /// True when the day exists in the calendar (no `2月30日`, no `2023年2月29日`).
    pub(crate) fn exists(self) -> bool {
        let leap = self.year.is_multiple_of(4)
            && (!self.year.is_multiple_of(100) || self.year.is_multiple_of(400));
        let days = match self.month {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        self.day <= days
    }
}

/// How a date is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DateStyle {
    /// `2018年12月7日`: what GB/T 9704-2012 asks for.
    Arabic,
    /// `二〇一八年十二月七日`: the style of GB/T 9704-1999.
    Chinese,
    /// `2009.6.3`, `2009-06-03`, `2009/6/3`.
    Dotted,
}

/// A date found in a text, with how it was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct FoundDate {
    /// The date's bytes in the text given, `2018年12月7日` only (no brackets,
    /// indentation or note).
    pub range: Range<usize>,
    pub date: Date,
    pub style: DateStyle,
    marks: Marks,
}

/// What the linter may want to say about how a date is written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Marks {
    leading_zero: bool,
    full_width: bool,
    spaced: bool,
    odd_zero: bool,
}

impl FoundDate {
    /// A month or day written with a leading zero: `2018年01月07日`,
    /// `2009.06.03` (GB/T 9704-2012 7.3.5.1: 月、日不编虚位).
    pub(crate) fn has_leading_zero(&self) -> bool {
        self.marks.leading_zero
    }

    // Only the tests read this mark so far; lint reads the others.
    #[cfg(test)]
    /// Some digit is full-width: `２０１８年１２月７日`.
    pub(crate) fn has_full_width_digits(&self) -> bool {
        self.marks.full_width
    }

    // Only the tests read this mark so far; lint reads the others.
    #[cfg(test)]
    /// Spaces between the numbers and 年 月 日, as PDF extraction leaves
    /// them: `2019 年 8 月 20 日`.
    pub(crate) fn has_spaces(&self) -> bool {
        self.marks.spaced
    }

    // Only the tests read this mark so far; lint reads the others.
    #[cfg(test)]
    /// A Chinese year whose zero is not the ideographic zero `〇` (U+3007):
    /// `二○一二` (U+25CB, a circle), `二零二三`, `二０一八`, `二O一二`.
    pub(crate) fn has_nonstandard_zero(&self) -> bool {
        self.marks.odd_zero
    }
}

/// A date and its marks, as the recognisers return it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Parsed {
    date: Date,
    style: DateStyle,
    marks: Marks,
}

/// Longest line, once its indentation is trimmed, that [`date_line`] and
/// [`is_placeholder_date_line`] look at. The longest date is about 60 bytes
/// (`２０１８　年　１２　月　３１　日`, full-width with spaces); a bracket
/// around it and a republisher's note after it (`（此件公开发布）`, a short
/// contact note) bring a real date line to about 110. These tests run on
/// every short line of large inputs, so anything longer is refused before
/// any parsing.
pub(crate) const DATE_LINE_MAX_BYTES: usize = 128;

/// Most spaces [`gap`] takes between a number and 年 月 日.
const GAP_MAX: usize = 3;

/// Spaces inside a line: ASCII space and tab, U+3000, U+00A0.
fn is_gap_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{3000}' | '\u{a0}')
}

// gap := ( ' ' | '\t' | U+3000 | U+00A0 ){0,3}
//   true when a space was taken
fn gap(i: &str) -> IResult<&str, bool> {
    // (A loop, not `fold_many_m_n(satisfy)`: a date has five gaps, nearly
    // always empty, and the combinator's state cost more than the test.)
    let taken: usize = i
        .chars()
        .take(GAP_MAX)
        .take_while(|&c| is_gap_space(c))
        .map(char::len_utf8)
        .sum();
    Ok((i.get(taken..).unwrap_or(i), taken > 0))
}

// ar_year := ar_digit{4}                ; 1000..=2999
fn ar_year(i: &str) -> IResult<&str, Digits> {
    verify(ar_digits(4, 4), |d| (1000..=2999).contains(&d.value)).parse(i)
}

// ar_month := ar_digit{1,2}             ; 1..=12
fn ar_month(i: &str) -> IResult<&str, Digits> {
    verify(ar_digits(1, 2), |d| (1..=12).contains(&d.value)).parse(i)
}

// ar_day := ar_digit{1,2}               ; 1..=31
fn ar_day(i: &str) -> IResult<&str, Digits> {
    verify(ar_digits(1, 2), |d| (1..=31).contains(&d.value)).parse(i)
}

/// The marks of a date written with Arabic digits.
fn arabic_marks(parts: [Digits; 3], spaced: bool) -> Marks {
    let [year, month, day] = parts;
    Marks {
        leading_zero: month.leading_zero() || day.leading_zero(),
        full_width: year.full_width || month.full_width || day.full_width,
        spaced,
        odd_zero: false,
    }
}

// arabic_date := ar_year gap '年' gap ar_month gap '月' gap ar_day gap '日'
fn arabic_date(i: &str) -> IResult<&str, Parsed> {
    map_opt(
        (
            ar_year,
            gap,
            char('年'),
            gap,
            ar_month,
            gap,
            char('月'),
            gap,
            ar_day,
            gap,
            char('日'),
        ),
        |(y, s1, _, s2, m, s3, _, s4, d, s5, _)| {
            Some(Parsed {
                date: Date::new(y.value, m.value, d.value)?,
                style: DateStyle::Arabic,
                marks: arabic_marks([y, m, d], s1 || s2 || s3 || s4 || s5),
            })
        },
    )
    .parse(i)
}

// sep := '.' | '-' | '/' | '．' | '－' | '／'
fn sep(i: &str) -> IResult<&str, char> {
    satisfy(|c| matches!(c, '.' | '-' | '/' | '．' | '－' | '／')).parse(i)
}

// dotted_date := ar_year sep ar_month sep ar_day !ar_digit !(sep ar_digit)
//   the same sep twice; `2009.6.30.1` and `2009.6.301` are not dates
fn dotted_date(i: &str) -> IResult<&str, Parsed> {
    let is_digit = |c: char| ar_digit_value(c).is_some();
    map_opt(
        (
            ar_year,
            sep,
            ar_month,
            sep,
            ar_day,
            not(satisfy(is_digit)),
            not((sep, satisfy(is_digit))),
        ),
        |(y, s1, m, s2, d, (), ())| {
            let date = Date::new(y.value, m.value, d.value).filter(|_| s1 == s2)?;
            Some(Parsed {
                date,
                style: DateStyle::Dotted,
                marks: arabic_marks([y, m, d], false),
            })
        },
    )
    .parse(i)
}

// cn_year := cn_place_digit{4}          ; 1000..=2999
//   (value, a zero other than 〇 was used)
fn cn_year(i: &str) -> IResult<&str, (u32, bool)> {
    verify(
        map_opt(
            fold_many_m_n(
                4,
                4,
                satisfy(|c| cn_place_digit_value(c).is_some()),
                || Some((0u32, false)),
                |acc: Option<(u32, bool)>, c| {
                    let (value, odd) = acc?;
                    let d = cn_place_digit_value(c)?;
                    Some((
                        value.checked_mul(10)?.checked_add(d)?,
                        odd || (d == 0 && c != '〇'),
                    ))
                },
            ),
            |y| y,
        ),
        |(y, _)| (1000..=2999).contains(y),
    )
    .parse(i)
}

// cn_month := cn_numeral                ; 1..=12
fn cn_month(i: &str) -> IResult<&str, u32> {
    verify(cn_numeral, |m| (1..=12).contains(m)).parse(i)
}

// cn_day := cn_numeral                  ; 1..=31
fn cn_day(i: &str) -> IResult<&str, u32> {
    verify(cn_numeral, |d| (1..=31).contains(d)).parse(i)
}

// chinese_date := cn_year gap '年' gap cn_month gap '月' gap cn_day gap '日'
fn chinese_date(i: &str) -> IResult<&str, Parsed> {
    map_opt(
        (
            cn_year,
            gap,
            char('年'),
            gap,
            cn_month,
            gap,
            char('月'),
            gap,
            cn_day,
            gap,
            char('日'),
        ),
        |((y, odd_zero), s1, _, s2, m, s3, _, s4, d, s5, _)| {
            Some(Parsed {
                date: Date::new(y, m, d)?,
                style: DateStyle::Chinese,
                marks: Marks {
                    spaced: s1 || s2 || s3 || s4 || s5,
                    odd_zero,
                    ..Marks::default()
                },
            })
        },
    )
    .parse(i)
}

// date := arabic_date | chinese_date | dotted_date
//   the first character picks: an Arabic digit tries arabic_date then
//   dotted_date, anything else chinese_date
fn date(i: &str) -> IResult<&str, Parsed> {
    if i.starts_with(|c: char| ar_digit_value(c).is_some()) {
        alt((arabic_date, dotted_date)).parse(i)
    } else {
        chinese_date(i)
    }
}

/// True when `c` may begin a date: an Arabic digit, or `一` `二` (the
/// first digit of a Chinese year 1000..=2999).
fn may_start_date(c: char) -> bool {
    ar_digit_value(c).is_some() || matches!(c, '一' | '二')
}

/// True when `prev` followed by `c` continues one number, so that no date
/// starts at `c`: `12018年` holds no date 2018, nor `十二〇一八年`.
fn continues_number(prev: char, c: char) -> bool {
    if ar_digit_value(c).is_some() {
        ar_digit_value(prev).is_some()
    } else {
        cn_place_digit_value(prev).is_some() || matches!(prev, '十' | '百' | '千')
    }
}

/// The first date in `text`, with its byte range in `text`.
///
/// `2018年12月7日召开会议` holds the date 2018-12-07. A date starts where
/// no number runs on before it. Each position is tried with a bounded
/// amount of work, so the scan is linear in the text.
pub(crate) fn find_date(text: &str) -> Option<FoundDate> {
    let mut prev: Option<char> = None;
    for (pos, c) in text.char_indices() {
        let at_start = !prev.is_some_and(|p| continues_number(p, c));
        prev = Some(c);
        if !at_start || !may_start_date(c) {
            continue;
        }
        let Some(rest) = text.get(pos..) else {
            continue;
        };
        if let Ok((after, parsed)) = date(rest) {
            return Some(found(pos, rest, after, parsed));
        }
    }
    None
}

/// The [`FoundDate`] for a date parsed from `rest` (at `pos` in the text)
/// that left `after`.
fn found(pos: usize, rest: &str, after: &str, parsed: Parsed) -> FoundDate {
    let len = rest.len().saturating_sub(after.len());
    FoundDate {
        range: pos..pos.saturating_add(len),
        date: parsed.date,
        style: parsed.style,
        marks: parsed.marks,
    }
}

/// Cheap test: can `t` hold a date or a blank date at all? Every date has
/// an Arabic digit (`2009.6.3`) or a 年.
fn may_hold_date(t: &str) -> bool {
    let b = t.as_bytes();
    // `０`..`９` are EF BC 90..EF BC 99 in UTF-8: looked for by their first
    // byte, without decoding the line.
    b.iter().any(u8::is_ascii_digit)
        || t.contains('年')
        || memchr::memchr_iter(0xEF, b).any(|i| {
            b.get(i + 1) == Some(&0xBC) && b.get(i + 2).is_some_and(|d| (0x90..=0x99).contains(d))
        })
}

/// `t` with the white space around it trimmed, and the offset of its start.
fn trim_line(t: &str) -> (usize, &str) {
    let start = t.trim_start_matches(is_space);
    let offset = t.len().saturating_sub(start.len());
    (offset, start.trim_end_matches(is_space))
}

fn is_open_round(c: char) -> bool {
    matches!(c, '(' | '（')
}

fn is_close_round(c: char) -> bool {
    matches!(c, ')' | '）')
}

// note := open_note note_text close_note     ; （此件有删改） (此件公开发布) 【...】
//   taking the rest of the line; note_text is not empty
fn is_note(t: &str) -> bool {
    let mut chars = t.chars();
    let (Some(open), Some(close)) = (chars.next(), chars.next_back()) else {
        return false;
    };
    let pair = matches!(
        (open, close),
        ('(' | '（', ')' | '）') | ('【', '】') | ('[' | '［', ']' | '］')
    );
    pair && !chars.as_str().trim_matches(is_gap_space).is_empty()
}

/// `t` without one trailing `。` and the spaces before it.
fn strip_full_stop(t: &str) -> &str {
    t.strip_suffix('。')
        .unwrap_or(t)
        .trim_end_matches(is_gap_space)
}

/// The date when the line `text` is a date and nothing else, with the
/// date's byte range in `text`.
///
/// ```text
/// 　　　　二〇一二年一月九日          yes: Chinese
/// （2024年1月10日）                   yes: the brackets are outside the range
/// 2019年8月20日（此件有删改）          yes: a republisher's note may follow
/// 2019 年 8 月 20 日                  yes: spaces from PDF extraction
/// 2018年12月7日召开会议               no: find_date finds it
/// 2018年12月, 3月14日, 20xx年x月x日   no
/// ```
pub(crate) fn date_line(text: &str) -> Option<FoundDate> {
    let (offset, t) = trim_line(text);
    if t.len() > DATE_LINE_MAX_BYTES {
        return None;
    }
    // wrapper := ( open_round gap )? date ( gap close_round )?   ; both or neither
    let (opened, s) = match t.strip_prefix(is_open_round) {
        Some(r) => (true, r.trim_start_matches(is_gap_space)),
        None => (false, t),
    };
    // (The grammar is tried only where a date can start, and on a line
    // that may hold one: the first character tells most lines, before
    // the scan of the whole line.)
    if !s.starts_with(may_start_date) || !may_hold_date(t) {
        return None;
    }
    let pos = offset.checked_add(t.len().checked_sub(s.len())?)?;
    let (after, parsed) = date(s).ok()?;
    let mut rest = after.trim_start_matches(is_gap_space);
    if opened {
        rest = rest.strip_prefix(is_close_round)?;
    }
    // line := wrapper '。'? gap note? '。'?
    let rest = strip_full_stop(rest.trim_matches(is_gap_space));
    let rest = rest
        .strip_prefix('。')
        .unwrap_or(rest)
        .trim_start_matches(is_gap_space);
    if !rest.is_empty() && !is_note(rest) {
        return None;
    }
    Some(found(pos, s, after, parsed))
}

// blank_part := ( ar_digit | cn_place_digit | '十' | 'x' | 'X' | '×' | 'ｘ' | 'Ｘ' | '_' | '＿' | space )*
//   (the part holds a placeholder: it is blank or has a placeholder character)
fn blank_part(part: &str) -> Option<bool> {
    let placeholder = |c: char| matches!(c, 'x' | 'X' | '×' | 'ｘ' | 'Ｘ' | '_' | '＿');
    let allowed = |c: char| {
        ar_digit_value(c).is_some()
            || cn_place_digit_value(c).is_some()
            || c == '十'
            || placeholder(c)
            || is_gap_space(c)
    };
    if !part.chars().all(allowed) {
        return None;
    }
    let filled = part.trim_matches(is_gap_space);
    Some(filled.is_empty() || filled.contains(placeholder))
}

/// True for a date to be filled in: `20xx年x月x日`, `××××年××月××日`,
/// `年 月 日`, `   年   月   日   ` (a blank form field), `2024年  月  日`.
/// Brackets around it and a trailing `。` are allowed, as for [`date_line`];
/// a real date is not a placeholder.
pub(crate) fn is_placeholder_date_line(text: &str) -> bool {
    let (_, t) = trim_line(text);
    if t.len() > DATE_LINE_MAX_BYTES || !t.contains('年') {
        return false;
    }
    let t = strip_full_stop(t);
    let t = match (t.strip_prefix(is_open_round), t.ends_with(is_close_round)) {
        (Some(inner), true) => inner.trim_end_matches(is_close_round),
        _ => t,
    };
    // blank_date := blank_part '年' blank_part '月' blank_part '日'
    let mut blank = false;
    let mut rest = t;
    for unit in ['年', '月', '日'] {
        let Some((part, after)) = rest.split_once(unit) else {
            return false;
        };
        match blank_part(part) {
            Some(b) => blank |= b,
            None => return false,
        }
        rest = after;
    }
    blank && rest.trim_matches(is_gap_space).is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Every date the grammar reads starts where [`may_start_date`]
        /// says one may.
        #[test]
        fn every_date_starts_where_one_may(
            t in "[0-9０-９一二三十〇零年月日.xX ]{0,2}(20[0-9]{2}年[0-9]{1,2}月[0-9]{1,2}日|二〇二[0-9]年[一二三]月[一二三十]{1,2}日|２０１９年６月３日|2019\\.6\\.3|20xx年x月x日)?"
        ) {
            if date(&t).is_ok() {
                proptest::prop_assert!(t.starts_with(may_start_date), "{}", t);
            }
        }

        /// The byte-level look for a full-width digit agrees with the
        /// character-level one.
        #[test]
        fn may_hold_date_agrees_with_a_scan_by_characters(t in "[０-９ａ０x年月日，。（）\\PC]{0,10}") {
            let by_chars = t.chars().any(|c| {
                c.is_ascii_digit() || c == '年' || crate::numeral::is_full_width_digit(c)
            });
            proptest::prop_assert_eq!(may_hold_date(&t), by_chars);
        }
    }

    fn ymd(year: u16, month: u8, day: u8) -> Date {
        Date { year, month, day }
    }

    /// `(input, Some(((y, m, d), rest)))` or `(input, None)`.
    type DateCase<'a> = (&'a str, Option<((u16, u8, u8), &'a str)>);

    /// Runs a recogniser of whole dates over a table of cases.
    fn date_table(parse: impl Fn(&str) -> IResult<&str, Parsed>, cases: &[DateCase<'_>]) {
        for (input, want) in cases {
            let got = parse(input)
                .ok()
                .map(|(rest, p)| ((p.date.year, p.date.month, p.date.day), rest));
            assert_eq!(got, *want, "{input:?}");
        }
    }

    #[test]
    fn gap_takes_up_to_three_spaces() {
        for (input, want) in [
            ("年", Some((false, "年"))),
            (" 年", Some((true, "年"))),
            ("\u{3000}\u{a0}\t年", Some((true, "年"))),
            ("    年", Some((true, " 年"))),
            ("\n年", Some((false, "\n年"))),
        ] {
            let got = gap(input).ok().map(|(rest, s)| (s, rest));
            assert_eq!(got, want, "{input:?}");
        }
    }

    #[test]
    fn arabic_parts_check_their_range_and_width() {
        let year = |s| ar_year(s).ok().map(|(r, d)| (d.value, d.full_width, r));
        assert_eq!(year("2018年"), Some((2018, false, "年")));
        assert_eq!(year("２０１８年"), Some((2018, true, "年")));
        assert_eq!(year("1000"), Some((1000, false, "")));
        assert_eq!(year("2999"), Some((2999, false, "")));
        assert_eq!(year("3000"), None);
        assert_eq!(year("0999"), None);
        assert_eq!(year("201"), None);
        assert_eq!(year("20xx"), None);
        let month = |s| {
            ar_month(s)
                .ok()
                .map(|(r, d)| (d.value, d.leading_zero(), r))
        };
        assert_eq!(month("12月"), Some((12, false, "月")));
        assert_eq!(month("01月"), Some((1, true, "月")));
        assert_eq!(month("１月"), Some((1, false, "月")));
        assert_eq!(month("13月"), None);
        assert_eq!(month("0月"), None);
        assert_eq!(month("00月"), None);
        assert_eq!(month("x月"), None);
        let day = |s| ar_day(s).ok().map(|(r, d)| (d.value, d.leading_zero(), r));
        assert_eq!(day("31日"), Some((31, false, "日")));
        assert_eq!(day("07日"), Some((7, true, "日")));
        assert_eq!(day("32日"), None);
        assert_eq!(day("0日"), None);
        // Two digits at most: the third is left over.
        assert_eq!(day("123"), Some((12, false, "3")));
    }

    #[test]
    fn arabic_dates() {
        date_table(
            arabic_date,
            &[
                ("2018年12月7日", Some(((2018, 12, 7), ""))),
                ("2018年01月07日", Some(((2018, 1, 7), ""))),
                ("２０１８年１２月７日", Some(((2018, 12, 7), ""))),
                ("2019 年 8 月 20 日", Some(((2019, 8, 20), ""))),
                ("2019\u{3000}年8月20日", Some(((2019, 8, 20), ""))),
                ("2018年12月7日召开会议", Some(((2018, 12, 7), "召开会议"))),
                ("2018年2月30日", Some(((2018, 2, 30), ""))),
                ("2018年12月", None),
                ("2023年", None),
                ("2018年13月1日", None),
                ("2018年12月32日", None),
                ("18年12月7日", None),
                ("20xx年x月x日", None),
                ("2018年十二月七日", None),
                ("2019    年8月20日", None),
                ("2018.12.7", None),
            ],
        );
    }

    #[test]
    fn chinese_dates() {
        date_table(
            chinese_date,
            &[
                ("二〇一八年十二月七日", Some(((2018, 12, 7), ""))),
                ("二○一二年一月九日", Some(((2012, 1, 9), ""))),
                ("一九九六年二月五日", Some(((1996, 2, 5), ""))),
                ("二零二三年三月三十一日", Some(((2023, 3, 31), ""))),
                ("二０一八年十月十日", Some(((2018, 10, 10), ""))),
                ("二O一二年十一月二十日", Some(((2012, 11, 20), ""))),
                ("二〇一八 年 十二 月 七 日", Some(((2018, 12, 7), ""))),
                ("二〇一八年十三月七日", None),
                ("二〇一八年十二月三十二日", None),
                ("二〇一八年十二月", None),
                ("三〇一八年一月一日", None),
                ("二〇一年一月一日", None),
                ("二〇一八年12月7日", None),
                ("二〇××年×月×日", None),
                ("十二月七日", None),
            ],
        );
    }

    #[test]
    fn dotted_dates() {
        date_table(
            dotted_date,
            &[
                ("2009.6.3", Some(((2009, 6, 3), ""))),
                ("2009-06-03", Some(((2009, 6, 3), ""))),
                ("2009/6/3 19:00", Some(((2009, 6, 3), " 19:00"))),
                ("２００９．６．３", Some(((2009, 6, 3), ""))),
                ("2009.6.3。", Some(((2009, 6, 3), "。"))),
                ("2009.6.3.", Some(((2009, 6, 3), "."))),
                ("2009.6-3", None),
                ("2009.6.301", None),
                ("2009.6.30.1", None),
                ("2009.13.3", None),
                ("2009.6", None),
                ("2018-2019", None),
                ("0991-2316124", None),
                ("5.3", None),
            ],
        );
    }

    #[test]
    fn date_is_chosen_by_the_first_character() {
        date_table(
            date,
            &[
                ("2018年12月7日", Some(((2018, 12, 7), ""))),
                ("2009.6.3", Some(((2009, 6, 3), ""))),
                ("二〇一八年十二月七日", Some(((2018, 12, 7), ""))),
                ("一九九六年二月五日", Some(((1996, 2, 5), ""))),
                ("十二月七日", None),
                ("年月日", None),
                ("", None),
            ],
        );
    }

    #[test]
    fn find_date_finds_the_first_date_where_a_number_starts() {
        let cases = [
            (
                "2018年12月7日召开会议",
                Some(("2018年12月7日", ymd(2018, 12, 7), DateStyle::Arabic)),
            ),
            (
                "本条例自2011年9月1日起施行。",
                Some(("2011年9月1日", ymd(2011, 9, 1), DateStyle::Arabic)),
            ),
            (
                "本次会议时间：2024/05/10 19:00-20:30",
                Some(("2024/05/10", ymd(2024, 5, 10), DateStyle::Dotted)),
            ),
            (
                "　　二○一二年一月九日",
                Some(("二○一二年一月九日", ymd(2012, 1, 9), DateStyle::Chinese)),
            ),
            (
                "2018年12月，2019年1月5日",
                Some(("2019年1月5日", ymd(2019, 1, 5), DateStyle::Arabic)),
            ),
            ("第12018年1月1日", None),
            ("十二〇一八年一月一日", None),
            ("3月14日下午", None),
            ("2023年工作报告", None),
            ("联系电话：0991-2316124", None),
            ("20xx年x月x日", None),
            ("", None),
        ];
        for (text, want) in cases {
            let got = find_date(text).map(|f| (&text[f.range.clone()], f.date, f.style));
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn date_line_is_a_date_and_nothing_else() {
        let cases: [(&str, Option<&str>); 24] = [
            ("2019年8月20日", Some("2019年8月20日")),
            (
                "　　　　　　二〇二六年十二月三十日",
                Some("二〇二六年十二月三十日"),
            ),
            ("  2024年2月20日  \r", Some("2024年2月20日")),
            ("\u{a0}2024年2月20日", Some("2024年2月20日")),
            ("（2024年1月10日）", Some("2024年1月10日")),
            ("( 2024年1月10日 )", Some("2024年1月10日")),
            ("2024年1月10日。", Some("2024年1月10日")),
            ("2019年8月20日（此件有删改）", Some("2019年8月20日")),
            ("2019年8月20日　(此件公开发布)", Some("2019年8月20日")),
            ("（2024年1月10日）（此件公开发布）", Some("2024年1月10日")),
            ("2019 年 8 月 20 日", Some("2019 年 8 月 20 日")),
            ("2009.6.3", Some("2009.6.3")),
            ("２０１８年１２月７日", Some("２０１８年１２月７日")),
            ("2018年12月7日召开会议", None),
            ("2011年6月15日 国务院第159次常务会议通过", None),
            ("××县人民政府办公室　　2026年12月30日印发", None),
            ("（2020年5月14日第十三届全国人大常委会通过）", None),
            ("（新华社北京8月24日电）", None),
            ("（2024年1月10日", None),
            ("2024年1月10日）", None),
            ("2018年12月", None),
            ("3月14日", None),
            ("20xx年x月x日", None),
            ("2019年8月20日（）", None),
        ];
        for (text, want) in cases {
            let got = date_line(text).map(|f| &text[f.range]);
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn date_line_refuses_long_lines_before_parsing() {
        let padded = format!("2019年8月20日（{}）", "此".repeat(40));
        assert!(padded.len() > DATE_LINE_MAX_BYTES);
        assert_eq!(date_line(&padded), None);
        let indented = format!("{}2019年8月20日", "\u{3000}".repeat(60));
        assert!(indented.len() > DATE_LINE_MAX_BYTES);
        assert!(date_line(&indented).is_some());
        assert!(!may_hold_date("同志们："));
        assert!(may_hold_date("二〇一八年"));
        assert!(may_hold_date("２００９．６．３"));
    }

    #[test]
    fn found_dates_carry_the_linter_marks() {
        // (text, leading zero, full width, spaces, nonstandard zero)
        let cases = [
            ("2018年12月7日", false, false, false, false),
            ("2018年01月07日", true, false, false, false),
            ("2018年12月07日", true, false, false, false),
            ("2009.06.03", true, false, false, false),
            ("2009.6.3", false, false, false, false),
            ("２０１８年１２月７日", false, true, false, false),
            ("2018年１２月7日", false, true, false, false),
            ("2019 年 8 月 20 日", false, false, true, false),
            ("二〇一八年十二月七日", false, false, false, false),
            ("二○一二年一月九日", false, false, false, true),
            ("二零二三年一月九日", false, false, false, true),
            ("二０一八年一月九日", false, false, false, true),
        ];
        for (text, zero, wide, spaced, odd) in cases {
            let f = date_line(text).unwrap_or_else(|| panic!("{text:?} is a date"));
            assert_eq!(
                (
                    f.has_leading_zero(),
                    f.has_full_width_digits(),
                    f.has_spaces(),
                    f.has_nonstandard_zero()
                ),
                (zero, wide, spaced, odd),
                "{text:?}"
            );
        }
    }

    #[test]
    fn placeholder_dates_are_blank_or_crossed_out() {
        for (text, want) in [
            ("20xx年x月x日", true),
            ("20XX年XX月XX日", true),
            ("××××年××月××日", true),
            ("二〇××年×月×日", true),
            ("年 月 日", true),
            ("年月日", true),
            ("   年   月   日   ", true),
            (
                "\u{3000}\u{3000}年\u{3000}\u{3000}月\u{3000}\u{3000}日",
                true,
            ),
            ("2024年  月  日", true),
            ("____年__月__日", true),
            ("（20xx年x月x日）", true),
            ("2018年12月7日", false),
            ("二〇一八年十二月七日", false),
            ("年月", false),
            ("20xx年x月", false),
            ("20xx年x月x日召开会议", false),
            ("年度 月 日", false),
            ("3月14日", false),
            ("", false),
        ] {
            assert_eq!(is_placeholder_date_line(text), want, "{text:?}");
        }
    }

    #[test]
    fn exists_knows_month_lengths_and_leap_years() {
        for (date, want) in [
            (ymd(2018, 12, 31), true),
            (ymd(2018, 4, 30), true),
            (ymd(2018, 4, 31), false),
            (ymd(2024, 2, 29), true),
            (ymd(2023, 2, 29), false),
            (ymd(2000, 2, 29), true),
            (ymd(1900, 2, 29), false),
        ] {
            assert_eq!(date.exists(), want, "{date:?}");
        }
    }

    #[test]
    fn date_new_checks_every_field() {
        assert_eq!(Date::new(2018, 12, 7), Some(ymd(2018, 12, 7)));
        assert_eq!(Date::new(999, 1, 1), None);
        assert_eq!(Date::new(3000, 1, 1), None);
        assert_eq!(Date::new(2018, 0, 1), None);
        assert_eq!(Date::new(2018, 1, 0), None);
        assert_eq!(Date::new(u32::MAX, u32::MAX, u32::MAX), None);
    }

    #[test]
    fn no_input_panics_and_ranges_stay_on_char_boundaries() {
        let samples = [
            "（2019 年 8 月 20 日）（此件有删改）。",
            "二〇一八年十二月三十一日二○一二年一月九日",
            "２００９．０６．０３/2009/6/3-1",
            "20xx年x月x日　年　月　日",
            "9999999999999999999999年99月99日",
            "(（(（【",
            "一千九百九十九年十二月三十一日",
        ];
        for s in samples {
            for (i, _) in s.char_indices() {
                for piece in [&s[i..], &s[..i]] {
                    for f in [find_date(piece), date_line(piece)].into_iter().flatten() {
                        assert!(piece.get(f.range.clone()).is_some(), "{piece:?}");
                    }
                    let _ = is_placeholder_date_line(piece);
                }
            }
        }
        // Long inputs of near misses: every start is tried in bounded time.
        for long in [
            "2".repeat(100_000),
            "2018年12月".repeat(20_000),
            "二〇一八年十二月".repeat(20_000),
            "2009.6.".repeat(20_000),
        ] {
            assert_eq!(find_date(&long), None);
            assert_eq!(date_line(&long), None);
            assert!(!is_placeholder_date_line(&long));
        }
    }
}
