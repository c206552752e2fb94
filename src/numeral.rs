//! Chinese and Arabic numerals as they appear in outline markers, and the
//! digit characters of dates and document numbers.
//!
//! Grammar (digits half-width or full-width, `1` or `１`, as the marker
//! grammar compares characters by [`crate::marker::fold_width`]):
//!
//! ```text
//! cn_numeral   := cn_thousands | cn_hundreds | cn_tens | cn_digit
//! cn_thousands := cn_lead '千' ( cn_zero ( cn_tens | cn_digit ) | cn_hundreds | cn_tens )?
//! cn_hundreds  := cn_lead '百' ( cn_zero cn_digit | cn_tens )?
//! cn_tens      := cn_digit? '十' cn_digit?       ; 十 = 10, 二十三 = 23
//! cn_lead      := cn_digit | '两'                  ; 两 only before 百 and 千
//! cn_zero      := '零' | '〇'                      ; a skipped place
//! cn_digit     := '一' | '二' | ... | '九'
//! ar_numeral   := ar_digit{1,3} !ar_digit          ; 0..=999
//! ar_digit     := [0-9] | [０-９]
//! ```
//!
//! So `一千零四十` is 1040, `一千二百六十` 1260, `两千零二十` 2020, `一百零五`
//! 105 (the article numbers of the Civil Code go up to 1260). A numeral
//! stops at the first character that cannot continue it: `一千零一百` reads
//! 1001 and leaves `百`. Arithmetic is checked: a value that does not fit is
//! not a numeral.
//!
//! Arabic numerals stay at three digits: a fourth digit is nearly always a
//! year (`2020.`, `(2018)`), and reading `2019.12.3` or `（2018）` as an item
//! would be worse than missing `第1040条`.

use nom::{
    IResult, Parser,
    branch::alt,
    character::complete::{char, satisfy},
    combinator::{map_opt, opt, value},
    sequence::preceded,
};

/// Value of one Chinese digit character, `一`..`九`.
pub(crate) fn cn_digit_value(c: char) -> Option<u32> {
    Some(match c {
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// True for characters that can start a Chinese numeral of a marker.
///
/// `两` is left out on purpose, though [`cn_numeral`] reads `两百` and
/// `两千`: a line or clause starting with 两 is the word "two" (`两个`,
/// `两年来`), and no outline numbers its items `两百、`.
pub(crate) fn is_cn_numeral_start(c: char) -> bool {
    cn_digit_value(c).is_some() || c == '十'
}

// cn_digit := '一' | ... | '九'
fn cn_digit(i: &str) -> IResult<&str, u32> {
    map_opt(satisfy(|c| cn_digit_value(c).is_some()), cn_digit_value).parse(i)
}

// cn_lead := cn_digit | '两'          ; the multiplier of 百 and 千
fn cn_lead(i: &str) -> IResult<&str, u32> {
    alt((cn_digit, value(2, char('两')))).parse(i)
}

// cn_zero := '零' | '〇'
fn cn_zero(i: &str) -> IResult<&str, char> {
    satisfy(|c| c == '零' || c == '〇').parse(i)
}

// cn_tens := cn_digit? '十' cn_digit?
fn cn_tens(i: &str) -> IResult<&str, u32> {
    map_opt(
        (opt(cn_digit), char('十'), opt(cn_digit)),
        |(tens, _, units)| {
            tens.unwrap_or(1)
                .checked_mul(10)?
                .checked_add(units.unwrap_or(0))
        },
    )
    .parse(i)
}

// cn_hundreds := cn_lead '百' ( cn_zero cn_digit | cn_tens )?
fn cn_hundreds(i: &str) -> IResult<&str, u32> {
    let below = alt((preceded(cn_zero, cn_digit), cn_tens));
    map_opt((cn_lead, char('百'), opt(below)), |(h, _, rest)| {
        h.checked_mul(100)?.checked_add(rest.unwrap_or(0))
    })
    .parse(i)
}

// cn_thousands := cn_lead '千' ( cn_zero ( cn_tens | cn_digit ) | cn_hundreds | cn_tens )?
//   `一千零四十` 1040, `一千零一` 1001, `一千二百六十` 1260; `一千二十`
//   (零 left out) still reads 1020.
fn cn_thousands(i: &str) -> IResult<&str, u32> {
    let below = alt((
        preceded(cn_zero, alt((cn_tens, cn_digit))),
        cn_hundreds,
        cn_tens,
    ));
    map_opt((cn_lead, char('千'), opt(below)), |(t, _, rest)| {
        t.checked_mul(1000)?.checked_add(rest.unwrap_or(0))
    })
    .parse(i)
}

/// Parses a Chinese numeral (1..=9999) at the start of `i`.
pub(crate) fn cn_numeral(i: &str) -> IResult<&str, u32> {
    // The place character after the first digit says which form this is:
    // one attempt instead of four (`alt` would parse the digit four times,
    // on every line that opens with a Chinese numeral). A form that fails
    // falls back to the digit alone, as `alt` does.
    let mut chars = i.chars();
    let parsed = match (chars.next(), chars.next()) {
        (Some('十'), _) | (Some(_), Some('十')) => cn_tens(i),
        (Some(_), Some('千')) => cn_thousands(i),
        (Some(_), Some('百')) => cn_hundreds(i),
        _ => return cn_digit(i),
    };
    parsed.or_else(|_| cn_digit(i))
}

/// Parses one to three Arabic digits, half-width or full-width (`１２`),
/// a value from 0 to 999, at the start of `i`, and no fourth digit after
/// them.
pub(crate) fn ar_numeral(i: &str) -> IResult<&str, u32> {
    let (rest, d) = ar_digits(1, 3).parse(i)?;
    if rest.starts_with(|c: char| ar_digit_value(c).is_some()) {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::TakeWhileMN,
        )));
    }
    Ok((rest, d.value))
}

/// Value of a circled number (`①`..`⑳`, `㉑`..`㊿`, and the negative
/// circled `❶`..`❿`), recognised before NFKC would turn it into plain digits.
pub(crate) fn circled_value(c: char) -> Option<u32> {
    let u = u32::from(c);
    match u {
        0x2460..=0x2473 => Some(u - 0x2460 + 1),
        0x3251..=0x325F => Some(u - 0x3251 + 21),
        0x32B1..=0x32BF => Some(u - 0x32B1 + 36),
        0x2776..=0x277F => Some(u - 0x2776 + 1),
        0x24EB..=0x24F4 => Some(u - 0x24EB + 11),
        _ => None,
    }
}

/// Value of an Arabic digit, half-width `0`..`9` or full-width `０`..`９`
/// (U+FF10..U+FF19), for the frame's dates and document numbers, which are
/// read without NFKC.
pub(crate) fn ar_digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '０'..='９' => u32::from(c).checked_sub(0xFF10),
        _ => None,
    }
}

/// True for the full-width digits `０`..`９`.
pub(crate) fn is_full_width_digit(c: char) -> bool {
    matches!(c, '０'..='９')
}

/// Arabic digits as [`ar_digits`] read them: the value and how they were
/// written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Digits {
    pub value: u32,
    /// How many digits.
    pub count: usize,
    /// Some digit was full-width (`１２`).
    pub full_width: bool,
    pub first_is_zero: bool,
}

impl Digits {
    /// `07`, `0123`: more than one digit, the first a zero.
    pub(crate) fn leading_zero(self) -> bool {
        self.first_is_zero && self.count > 1
    }
}

// ar_digits(m, n) := ar_digit{m,n}
// ar_digit := [0-9] | [０-９]
//   For the frame (years, dates, document numbers), read without NFKC. A
//   value that overflows u32 is no number.
pub(crate) fn ar_digits<'a>(
    m: usize,
    n: usize,
) -> impl Parser<&'a str, Output = Digits, Error = nom::error::Error<&'a str>> {
    // (A loop over the characters rather than `fold_many_m_n(satisfy)`:
    // the frame reads digits on many lines, and the combinators' state
    // cost several times the digits themselves.)
    move |i: &'a str| {
        let fail = || nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::ManyMN));
        let mut d = Digits {
            value: 0,
            count: 0,
            full_width: false,
            first_is_zero: false,
        };
        let mut end = 0;
        for c in i.chars().take(n) {
            let Some(v) = ar_digit_value(c) else {
                break;
            };
            d.value = d
                .value
                .checked_mul(10)
                .and_then(|x| x.checked_add(v))
                .ok_or_else(fail)?;
            d.first_is_zero |= d.count == 0 && v == 0;
            d.count += 1;
            d.full_width |= is_full_width_digit(c);
            end += c.len_utf8();
        }
        if d.count < m {
            return Err(fail());
        }
        Ok((i.get(end..).ok_or_else(fail)?, d))
    }
}

/// Value of a digit in a number written digit by digit in Chinese, as
/// years are (`二〇一八`, `一九九六`): `一`..`九`, and for 0 the ideographic
/// zero `〇` (U+3007) and what is typed in its place: `○` (U+25CB, a
/// circle), `零`, `０`, and the letters `O` and `Ｏ`.
pub(crate) fn cn_place_digit_value(c: char) -> Option<u32> {
    match c {
        '〇' | '○' | '零' | '０' | 'O' | 'Ｏ' => Some(0),
        _ => cn_digit_value(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cn(s: &str) -> Option<(u32, &str)> {
        cn_numeral(s).ok().map(|(rest, v)| (v, rest))
    }

    /// Runs `parse` over `(input, Some((value, rest)))` or `(input, None)`.
    fn table<T: PartialEq + std::fmt::Debug>(
        parse: impl Fn(&str) -> IResult<&str, T>,
        cases: &[(&str, Option<(T, &str)>)],
    ) {
        for (input, want) in cases {
            let got = parse(input).ok().map(|(rest, v)| (v, rest));
            assert_eq!(got.as_ref(), want.as_ref(), "{input:?}");
        }
    }

    #[test]
    fn cn_digit_reads_one_to_nine_only() {
        table(
            cn_digit,
            &[
                ("一", Some((1, ""))),
                ("九十", Some((9, "十"))),
                ("十", None),
                ("两", None),
                ("零", None),
                ("〇", None),
                ("1", None),
                ("", None),
            ],
        );
    }

    #[test]
    fn cn_lead_takes_liang_as_two() {
        table(
            cn_lead,
            &[
                ("三", Some((3, ""))),
                ("两千", Some((2, "千"))),
                ("俩", None),
                ("十", None),
            ],
        );
    }

    #[test]
    fn cn_zero_is_ling_or_ideographic_zero() {
        table(
            cn_zero,
            &[
                ("零", Some(('零', ""))),
                ("〇一", Some(('〇', "一"))),
                ("○", None),
                ("0", None),
                ("一", None),
            ],
        );
    }

    #[test]
    fn cn_tens_reads_ten_to_ninety_nine() {
        table(
            cn_tens,
            &[
                ("十", Some((10, ""))),
                ("十一", Some((11, ""))),
                ("一十", Some((10, ""))),
                ("二十", Some((20, ""))),
                ("九十九、", Some((99, "、"))),
                ("两十", None),
                ("二", None),
                ("百", None),
            ],
        );
    }

    #[test]
    fn cn_hundreds_reads_a_skipped_place_after_ling() {
        table(
            cn_hundreds,
            &[
                ("一百", Some((100, ""))),
                ("一百零五、", Some((105, "、"))),
                ("一百〇五", Some((105, ""))),
                ("一百一十", Some((110, ""))),
                ("一百十", Some((110, ""))),
                ("三百二十一", Some((321, ""))),
                ("两百", Some((200, ""))),
                ("两百五十", Some((250, ""))),
                ("一百二", Some((100, "二"))),
                ("一百零", Some((100, "零"))),
                ("百", None),
                ("十百", None),
                ("两", None),
                ("一千", None),
            ],
        );
    }

    #[test]
    fn cn_thousands_reads_article_numbers_of_the_civil_code() {
        table(
            cn_thousands,
            &[
                ("一千", Some((1000, ""))),
                ("一千零一", Some((1001, ""))),
                ("一千零一十", Some((1010, ""))),
                ("一千零十", Some((1010, ""))),
                ("一千零四十", Some((1040, ""))),
                ("一千一百", Some((1100, ""))),
                ("一千二百零五", Some((1205, ""))),
                ("一千二百六十条", Some((1260, "条"))),
                ("两千", Some((2000, ""))),
                ("两千两百", Some((2200, ""))),
                ("二千零二十", Some((2020, ""))),
                ("一千〇一", Some((1001, ""))),
                ("一千二十", Some((1020, ""))),
                ("九千九百九十九", Some((9999, ""))),
                ("一千二", Some((1000, "二"))),
                ("一千零", Some((1000, "零"))),
                ("一千零一百", Some((1001, "百"))),
                ("千", None),
                ("零千", None),
                ("十千", None),
                ("一百", None),
                ("两", None),
            ],
        );
    }

    #[test]
    fn cn_numeral_tries_the_longest_form_first() {
        table(
            cn_numeral,
            &[
                ("一", Some((1, ""))),
                ("九", Some((9, ""))),
                ("十", Some((10, ""))),
                ("二十三", Some((23, ""))),
                ("一百", Some((100, ""))),
                ("一千零四十", Some((1040, ""))),
                ("十二、总则", Some((12, "、总则"))),
                ("三是", Some((3, "是"))),
                ("两百", Some((200, ""))),
                ("两个", None),
                ("两", None),
                ("是", None),
                ("零", None),
                ("〇", None),
                ("", None),
            ],
        );
    }

    /// `n` in Chinese the way an article number is written: `一千零四十`.
    fn chinese(n: u32) -> String {
        let digits = [n / 1000 % 10, n / 100 % 10, n / 10 % 10, n % 10];
        let units = ["千", "百", "十", ""];
        let (mut s, mut started, mut zero) = (String::new(), false, false);
        for (k, d) in digits.into_iter().enumerate() {
            if d == 0 {
                zero |= started;
                continue;
            }
            if zero {
                s.push('零');
                zero = false;
            }
            // 十一, not 一十一, when the tens lead.
            if !(k == 2 && d == 1 && !started) {
                s.push("一二三四五六七八九".chars().nth(d as usize - 1).unwrap());
            }
            s.push_str(units[k]);
            started = true;
        }
        s
    }

    #[test]
    fn every_number_up_to_9999_reads_back() {
        assert_eq!(chinese(1040), "一千零四十");
        assert_eq!(chinese(1001), "一千零一");
        assert_eq!(chinese(1010), "一千零一十");
        assert_eq!(chinese(110), "一百一十");
        assert_eq!(chinese(15), "十五");
        for n in 1..=9999 {
            let s = chinese(n);
            assert_eq!(cn(&s), Some((n, "")), "{s}");
            let marker = format!("{s}、");
            assert_eq!(cn(&marker), Some((n, "、")), "{marker}");
        }
    }

    #[test]
    fn markers_read_four_digit_chinese_article_numbers() {
        use crate::marker::{Family, recognise};
        let rec = |s: &'static str| recognise(s).map(|c| (c.family, c.ordinal, &s[..c.len()]));
        let cases = [
            ("第一千条　", Some((Family::DiTiao, 1000, "第一千条"))),
            (
                "第一千零四十条 ",
                Some((Family::DiTiao, 1040, "第一千零四十条")),
            ),
            (
                "第一千二百六十条",
                Some((Family::DiTiao, 1260, "第一千二百六十条")),
            ),
            ("第两千条", Some((Family::DiTiao, 2000, "第两千条"))),
            ("一百零一、", Some((Family::CnDun, 101, "一百零一、"))),
            // Four Arabic digits only after 第 and before 章/节/条:
            // elsewhere 2018 is a year.
            ("第1040条", Some((Family::DiTiao, 1040, "第1040条"))),
            ("第2019,", None),
            ("（2018）", None),
            ("2019.12.3", None),
            ("两百、", None),
            ("两个方面", None),
        ];
        for (s, want) in cases {
            assert_eq!(rec(s), want, "{s}");
        }
    }

    #[test]
    fn is_cn_numeral_start_leaves_out_liang_and_zero() {
        for (c, want) in [
            ('一', true),
            ('九', true),
            ('十', true),
            ('两', false),
            ('零', false),
            ('〇', false),
            ('百', false),
            ('千', false),
            ('1', false),
        ] {
            assert_eq!(is_cn_numeral_start(c), want, "{c}");
        }
    }

    #[test]
    fn digit_values_for_the_frame() {
        for (c, ar, cn_place) in [
            ('0', Some(0), None),
            ('7', Some(7), None),
            ('０', Some(0), Some(0)),
            ('９', Some(9), None),
            ('〇', None, Some(0)),
            ('○', None, Some(0)),
            ('零', None, Some(0)),
            ('O', None, Some(0)),
            ('Ｏ', None, Some(0)),
            ('二', None, Some(2)),
            ('九', None, Some(9)),
            ('十', None, None),
            ('两', None, None),
            ('o', None, None),
            ('a', None, None),
            ('⑴', None, None),
        ] {
            assert_eq!(ar_digit_value(c), ar, "ar {c}");
            assert_eq!(cn_place_digit_value(c), cn_place, "cn {c}");
            assert_eq!(is_full_width_digit(c), matches!(c, '０' | '９'), "fw {c}");
        }
    }

    #[test]
    fn arabic_numerals_take_at_most_three_digits() {
        table(
            ar_numeral,
            &[
                ("12.", Some((12, "."))),
                ("007、", Some((7, "、"))),
                ("999", Some((999, ""))),
                ("0", Some((0, ""))),
                ("1040条", None),
                ("2020年", None),
                ("１２", Some((12, ""))),
                ("１２３４", None),
                ("1２3．", Some((123, "．"))),
                ("x", None),
                ("", None),
            ],
        );
    }

    #[test]
    fn ar_digits_read_half_and_full_width() {
        let read = |m, n, s| {
            ar_digits(m, n)
                .parse(s)
                .ok()
                .map(|(rest, d): (&str, Digits)| (d.value, d.full_width, d.leading_zero(), rest))
        };
        assert_eq!(read(1, 9, "123号"), Some((123, false, false, "号")));
        assert_eq!(read(1, 9, "0123号"), Some((123, false, true, "号")));
        assert_eq!(read(1, 9, "0号"), Some((0, false, false, "号")));
        assert_eq!(read(1, 9, "１２３"), Some((123, true, false, "")));
        assert_eq!(read(1, 9, "1２"), Some((12, true, false, "")));
        assert_eq!(read(4, 4, "20181"), Some((2018, false, false, "1")));
        assert_eq!(read(1, 2, "123"), Some((12, false, false, "3")));
        assert_eq!(
            read(1, 20, "4294967295"),
            Some((u32::MAX, false, false, ""))
        );
        assert_eq!(read(1, 20, "4294967296"), None);
        assert_eq!(read(1, 20, "99999999999999999999"), None);
        assert_eq!(read(4, 4, "201"), None);
        assert_eq!(read(1, 9, "号"), None);
        assert_eq!(read(1, 9, "一"), None);
        assert_eq!(read(1, 9, ""), None);
    }

    #[test]
    fn circled_numbers_map_to_their_value() {
        assert_eq!(circled_value('①'), Some(1));
        assert_eq!(circled_value('⑳'), Some(20));
        assert_eq!(circled_value('㉑'), Some(21));
        assert_eq!(circled_value('㊿'), Some(50));
        assert_eq!(circled_value('❸'), Some(3));
        assert_eq!(circled_value('1'), None);
    }
}
