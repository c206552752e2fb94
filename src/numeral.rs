//! Chinese and Arabic numerals as they appear in outline markers.
//!
//! Grammar (after NFKC, so full-width digits are already ASCII):
//!
//! ```text
//! cn_numeral := cn_hundreds | cn_tens | cn_digit
//! cn_hundreds:= cn_digit '百' ( '零' cn_digit | cn_tens | cn_digit '十' )?
//! cn_tens    := cn_digit? '十' cn_digit?          ; 十 = 10, 二十三 = 23
//! cn_digit   := '一' | '二' | ... | '九'            ; also 〇/零 inside hundreds
//! ar_numeral := [0-9]{1,3}                          ; 1..=999
//! ```
//!
//! Arithmetic is checked: a value that does not fit is not a numeral.

use nom::{
    IResult, Parser,
    character::complete::{char, satisfy},
    combinator::{map_opt, opt},
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

/// True for characters that can start a Chinese numeral.
pub(crate) fn is_cn_numeral_start(c: char) -> bool {
    cn_digit_value(c).is_some() || c == '十'
}

// cn_digit := '一' | ... | '九'
fn cn_digit(i: &str) -> IResult<&str, u32> {
    map_opt(satisfy(|c| cn_digit_value(c).is_some()), cn_digit_value).parse(i)
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

// cn_hundreds := cn_digit '百' ( '零' cn_digit | cn_tens | cn_digit '十' )?
fn cn_hundreds(i: &str) -> IResult<&str, u32> {
    let (i, h) = cn_digit(i)?;
    let (i, _) = char('百').parse(i)?;
    let (i, rest) = opt(|i| {
        let zero_digit = |i| {
            let (i, _) = satisfy(|c| c == '零' || c == '〇').parse(i)?;
            cn_digit(i)
        };
        nom::branch::alt((zero_digit, cn_tens)).parse(i)
    })
    .parse(i)?;
    let value = h
        .checked_mul(100)
        .and_then(|v| v.checked_add(rest.unwrap_or(0)));
    match value {
        Some(v) => Ok((i, v)),
        None => Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::TooLarge,
        ))),
    }
}

/// Parses a Chinese numeral (1..=999) at the start of `i`.
pub(crate) fn cn_numeral(i: &str) -> IResult<&str, u32> {
    nom::branch::alt((cn_hundreds, cn_tens, cn_digit)).parse(i)
}

/// Parses one to three ASCII digits (a value from 0 to 999) at the start of `i`.
pub(crate) fn ar_numeral(i: &str) -> IResult<&str, u32> {
    let digits = i.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Digit,
        )));
    }
    let (num, rest) = i.split_at(digits);
    let value = num.bytes().try_fold(0u32, |acc, b| {
        acc.checked_mul(10)?.checked_add(u32::from(b - b'0'))
    });
    match value {
        Some(v) => Ok((rest, v)),
        None => Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::TooLarge,
        ))),
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn cn(s: &str) -> Option<(u32, &str)> {
        cn_numeral(s).ok().map(|(rest, v)| (v, rest))
    }

    #[test]
    fn chinese_numerals_up_to_ninety_nine() {
        let cases = [
            ("一", 1),
            ("九", 9),
            ("十", 10),
            ("十一", 11),
            ("二十", 20),
            ("二十三", 23),
            ("九十九", 99),
        ];
        for (s, v) in cases {
            assert_eq!(cn(s), Some((v, "")), "{s}");
        }
    }

    #[test]
    fn chinese_hundreds() {
        assert_eq!(cn("一百"), Some((100, "")));
        assert_eq!(cn("一百零五、"), Some((105, "、")));
        assert_eq!(cn("三百二十一"), Some((321, "")));
    }

    #[test]
    fn chinese_numeral_stops_at_the_first_non_numeral() {
        assert_eq!(cn("十二、总则"), Some((12, "、总则")));
        assert_eq!(cn("三是"), Some((3, "是")));
        assert_eq!(cn("是"), None);
        assert_eq!(cn(""), None);
    }

    #[test]
    fn arabic_numerals_take_at_most_three_digits() {
        assert_eq!(ar_numeral("12.").ok(), Some((".", 12)));
        assert_eq!(ar_numeral("007、").ok(), Some(("、", 7)));
        assert!(ar_numeral("2020年").is_err());
        assert!(ar_numeral("x").is_err());
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
