//! Numerals as markers write them, for the generated texts of the tests
//! and the benchmarks (`benches/parse.rs` includes this file).

/// `n` (1..=999) in Chinese numerals as markers write them: 十, 十一, 二十,
/// 一百, 一百零五, 一百一十.
pub fn cn_numeral(n: u32) -> String {
    const D: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    assert!((1..=999).contains(&n), "cn_numeral({n})");
    let digit = |k: u32| D.get(k as usize % 10).copied().unwrap_or("");
    let (h, t, u) = (n / 100, n / 10 % 10, n % 10);
    let mut s = String::new();
    if h > 0 {
        s.push_str(digit(h));
        s.push('百');
        if t == 0 && u > 0 {
            s.push('零');
        }
    }
    if t > 0 {
        if t > 1 || h > 0 {
            s.push_str(digit(t));
        }
        s.push('十');
    }
    s.push_str(digit(u));
    s
}

/// `n` in full-width Arabic digits: `１２`.
pub fn full_width_digits(n: u32) -> String {
    n.to_string()
        .chars()
        .map(|d| char::from_u32(u32::from(d) - u32::from('0') + 0xFF10).unwrap_or(d))
        .collect()
}

/// The circled number for 1..=50: ①..⑳, ㉑..㉟, ㊱..㊿.
#[allow(dead_code)] // (the benchmarks' only)
pub fn circled(n: u32) -> char {
    let code = match n {
        1..=20 => 0x2460 + n - 1,
        21..=35 => 0x3251 + n - 21,
        36..=50 => 0x32B1 + n - 36,
        _ => panic!("circled({n})"),
    };
    char::from_u32(code).unwrap_or_else(|| panic!("circled({n})"))
}
