//! Word lists and one-line tests: what a title, a salutation, a meta field, a
//! closing, a signoff or a piece of web debris looks like on its own.
//!
//! Every test here looks at one line only and is cheap: long lines are
//! rejected by their byte length before any character is examined, so body
//! paragraphs cost next to nothing. Context (where the line stands in its
//! document) is the tree builder's business.

use crate::chars::{ends_clause, has_mark, is_colon, is_comma};
use crate::tree::{Genre, NoiseKind};

/// Longest title, in bytes (about 50 CJK characters).
pub(crate) const TITLE_MAX_BYTES: usize = 150;
/// Longest salutation, meta key or closing, in bytes.
const SHORT_MAX_BYTES: usize = 90;
/// Longest line [`noise_kind`] may call debris, in bytes: past it, a line
/// is never web debris.
pub(crate) const NOISE_MAX_BYTES: usize = SHORT_MAX_BYTES * 2;
/// Longest download prompt, in bytes (`将本文的word文档下载到电脑，方便收藏和
/// 打印`: about 25 characters).
const DOWNLOAD_PROMPT_MAX_BYTES: usize = 120;
/// Longest editor's blurb, in bytes (two or three sentences).
const BLURB_MAX_BYTES: usize = 600;

/// Genre words, matched at the end of a title. Longer words first where one
/// ends another.
const GENRE_WORDS: &[(&str, Genre)] = &[
    ("讲话", Genre::Speech),
    ("致辞", Genre::Speech),
    ("致词", Genre::Speech),
    ("发言", Genre::Speech),
    ("演讲", Genre::Speech),
    ("讲稿", Genre::Speech),
    ("主持词", Genre::Speech),
    ("贺词", Genre::Speech),
    ("开幕词", Genre::Speech),
    ("闭幕词", Genre::Speech),
    ("欢迎词", Genre::Speech),
    ("答谢词", Genre::Speech),
    ("心得体会", Genre::Other),
    ("纪要", Genre::Minutes),
    ("会议记录", Genre::Minutes),
    ("报告", Genre::Report),
    ("汇报", Genre::Report),
    ("总结", Genre::Report),
    ("通知", Genre::Notice),
    ("通报", Genre::Notice),
    ("公告", Genre::Notice),
    ("通告", Genre::Notice),
    ("意见", Genre::Opinion),
    ("方案", Genre::Plan),
    ("预案", Genre::Plan),
    ("纲要", Genre::Plan),
    ("要点", Genre::Plan),
    ("计划", Genre::Plan),
    ("规划", Genre::Plan),
    ("条例", Genre::Regulation),
    ("办法", Genre::Regulation),
    ("规定", Genre::Regulation),
    ("细则", Genre::Regulation),
    ("章程", Genre::Regulation),
    ("规则", Genre::Regulation),
    ("准则", Genre::Regulation),
    ("守则", Genre::Regulation),
    ("决定", Genre::Other),
    ("决议", Genre::Other),
    ("请示", Genre::Other),
    ("批复", Genre::Other),
    ("倡议书", Genre::Other),
    ("解读", Genre::Other),
    ("复函", Genre::Other),
    ("函", Genre::Other),
    ("公开信", Genre::Other),
];

/// A title suffix that names a compilation of texts (`…讲话汇编`)...
const COMPILATION: bool = true;
/// ...and one that names one text (`…讲话稿`).
const ONE_TEXT: bool = false;

/// Words a republishing site appends to a title (`讲话摘要`, `讲话稿`,
/// `报告全文`, `方案范文`), in the order they are stripped, each with
/// whether it names a compilation (see [`is_compilation_title`]).
const TITLE_SUFFIXES: &[(&str, bool)] = &[
    ("摘要", ONE_TEXT),
    ("稿", ONE_TEXT),
    ("全文", ONE_TEXT),
    ("提纲", ONE_TEXT),
    ("范文", ONE_TEXT),
    ("模板", ONE_TEXT),
    ("大全", COMPILATION),
    ("精选", COMPILATION),
    ("汇编", COMPILATION),
    ("合集", COMPILATION),
    ("节选", ONE_TEXT),
    ("原文", ONE_TEXT),
    ("材料", ONE_TEXT),
];

/// A title without a bracketed suffix a database adds (`…(2023修订)`):
/// what two copies of one title share.
pub(crate) fn title_key(text: &str) -> &str {
    let t = text.trim_end();
    match t
        .strip_suffix([')', '）'])
        .and_then(|r| r.rfind(['(', '（']))
    {
        Some(i) => t.get(..i).unwrap_or(t).trim_end(),
        None => t,
    }
}

/// Strips bracketed notes and site suffixes from the end of a title:
/// `讲话摘要(实用16篇)` -> `讲话`.
fn title_core(text: &str) -> &str {
    let mut t = text.trim_end();
    loop {
        let before = t;
        t = t.trim_end_matches(['*', '_', '#', '》', '”', '"', ' ', '\u{3000}']);
        for (open, close) in [('(', ')'), ('（', '）'), ('【', '】'), ('[', ']')] {
            if t.ends_with(close)
                && let Some(i) = t.rfind(open)
            {
                t = t.get(..i).unwrap_or(t).trim_end();
            }
        }
        for (suffix, _) in TITLE_SUFFIXES {
            if let Some(s) = t.strip_suffix(suffix) {
                t = s;
            }
        }
        // A compilation's piece number after the title: `…讲话稿　篇1`.
        if let Some(i) = t.rfind('篇') {
            let after = t.get(i + '篇'.len_utf8()..).unwrap_or("");
            let numbered = !after.is_empty()
                && after.chars().all(|c| {
                    c.is_ascii_digit() || crate::numeral::cn_digit_value(c).is_some() || c == '十'
                });
            let spaced = t
                .get(..i)
                .is_some_and(|b| b.ends_with(crate::lines::is_space));
            if numbered && spaced {
                t = t
                    .get(..i)
                    .unwrap_or(t)
                    .trim_end_matches(crate::lines::is_space);
            }
        }
        if t.len() == before.len() {
            return t;
        }
    }
}

/// The genre a title names, read from the genre word nearest its end
/// (`关于印发某方案的通知` is a notice).
pub(crate) fn genre_of_title(text: &str) -> Option<Genre> {
    if !may_name_genre(text) {
        return None;
    }
    genre_of_core(text)
}

/// False when [`genre_of_title`] is surely `None`, told by the line's last
/// character alone: one [`title_core`] keeps and that ends no genre word.
/// Most lines are told here, before the core is cut, and callers with
/// dearer tests of their own ask it first.
pub(crate) fn may_name_genre(text: &str) -> bool {
    text.chars().next_back().is_some_and(|last| {
        if last.is_ascii() {
            may_end_title_trailer(last)
        } else {
            TITLE_GATE_ENDS.contains(last) || last.is_whitespace()
        }
    })
}

/// The characters other than ASCII and whitespace that
/// [`may_end_title_trailer`] keeps or that end a genre word, in one set:
/// [`may_name_genre`] looks a line's last character up once (an
/// exhaustive test holds it to the longhand rule).
static TITLE_GATE_ENDS: std::sync::LazyLock<CharSet> = std::sync::LazyLock::new(|| {
    CharSet::of_last(
        genre_end_words()
            .chain(TITLE_SUFFIXES.iter().map(|(w, _)| *w))
            .chain(["》", "”", "）", "】", "十"])
            .chain(["一", "二", "三", "四", "五", "六", "七", "八", "九"]),
    )
});

/// [`genre_of_title`] without its first look at the line's last character.
fn genre_of_core(text: &str) -> Option<Genre> {
    let core = title_core(text);
    // Every test below looks at how the core ends: a core whose last
    // character ends no genre word (nor `函`, `法`, `法典`, `解释`) names none.
    let last = core.chars().next_back()?;
    if !GENRE_ENDS.contains(last) {
        return None;
    }
    GENRE_WORDS
        .iter()
        .find(|(w, _)| core.ends_with(w))
        .map(|&(_, g)| g)
        .filter(|&g| g != Genre::Opinion || is_opinion_title(core))
        .or_else(|| (text.contains("关于") && core.ends_with('函')).then_some(Genre::Other))
        .or_else(|| is_law_title(core).then_some(Genre::Regulation))
        .or_else(|| (core.contains("关于") && core.ends_with("解释")).then_some(Genre::Other))
}

/// The last characters of the genre words, and of `函`, `法`, `法典` and
/// `解释`, which name a genre in some titles.
static GENRE_ENDS: std::sync::LazyLock<CharSet> =
    std::sync::LazyLock::new(|| CharSet::of_last(genre_end_words()));

/// The genre words, and `函`, `法`, `法典` and `解释`: by their last
/// characters [`genre_of_core`] turns a core away at once.
fn genre_end_words() -> impl Iterator<Item = &'static str> {
    GENRE_WORDS
        .iter()
        .map(|(w, _)| *w)
        .chain(["函", "法", "典", "释"])
}

/// The last characters of the suffixes [`title_core`] cuts.
static TITLE_SUFFIX_ENDS: std::sync::LazyLock<CharSet> =
    std::sync::LazyLock::new(|| CharSet::of_last(TITLE_SUFFIXES.iter().map(|(w, _)| *w)));

/// A character [`title_core`] may cut from a title's end: white space,
/// closing marks and brackets, the end of a site's suffix (`…讲话稿`) or of
/// a piece number (`篇1`, `篇十二`). A title ending with any other keeps it
/// as the core's last character.
fn may_end_title_trailer(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '*' | '_' | '#' | '》' | '”' | '"' | ')' | '）' | '】' | ']' | '十'
        )
        || c.is_ascii_digit()
        || crate::numeral::cn_digit_value(c).is_some()
        || TITLE_SUFFIX_ENDS.contains(c)
}

/// A law's title: `中华人民共和国农村公路法`, `…民法典`. A bare `…法` is
/// too common an ending (`工作方法`, `主要做法`) to name a genre alone.
fn is_law_title(core: &str) -> bool {
    core.ends_with("法典") || (core.starts_with("中华人民共和国") && core.ends_with('法'))
}

/// `意见` names a genre only in an opinion's title (`关于…的意见`,
/// `实施意见`, `指导意见`), not in a form's cell (`部门领导意见`).
fn is_opinion_title(core: &str) -> bool {
    core.contains("关于")
        || core.contains('的')
        || ["实施意见", "指导意见", "若干意见", "工作意见", "处理意见"]
            .iter()
            .any(|w| core.ends_with(w))
}

// Lengths of the short lines the rules below recognise. A CJK character
// is three bytes in UTF-8, so a limit in bytes is a third as many of
// them; the limits are generous bounds on what the line holds, not its
// usual size: they keep a rule from matching a sentence that happens to
// contain its words.

/// A document number the grammar does not read but that looks like one
/// (`青府〔2023〕12号`, perhaps in brackets): 20 CJK characters.
const LOOSE_DOC_NUMBER_MAX_BYTES: usize = 60;
/// One body named in an addressee (`各省、自治区、直辖市人民政府` splits at
/// `、`), in characters: longer parts are a sentence, not a list of bodies.
const ADDRESSEE_BODY_MAX_CHARS: usize = 16;
/// A field's key (`时间`, `参会人员`, `主要内容`), in characters.
const FIELD_KEY_MAX_CHARS: usize = 8;
/// The printing line of a colophon (`××县人民政府办公室　2026年12月30日印发`):
/// 30 CJK characters.
const PRINT_LINE_MAX_BYTES: usize = 90;
/// A speech's closing (`谢谢大家！`, `再次谢谢各位领导！`): 12 CJK characters.
const CLOSING_MAX_BYTES: usize = 36;
/// A pager (`共5页，当前第1页`): 15 CJK characters.
const PAGER_MAX_BYTES: usize = 45;
/// A site's footer line (`京ICP备12345678号`) or view counter
/// (`本文已被浏览120次`): 20 CJK characters.
const SITE_FOOTER_MAX_BYTES: usize = 60;
/// Digits of a page number (`—1234—`).
const PAGE_NUMBER_MAX_DIGITS: usize = 4;
/// A template's date line (`20xx年x月x日`) with its bracket: 15 CJK
/// characters.
const TEMPLATE_DATE_MAX_BYTES: usize = 45;
/// A sender's name standing alone (`中共某某县委员会办公室`): 25 CJK
/// characters.
const ORG_LINE_MAX_BYTES: usize = 75;
/// Fewest marks of a rule between documents (`---`, `———`).
const RULE_MIN_CHARS: usize = 3;
/// A star rating (`★★★★☆`): ten stars.
const RATING_MAX_BYTES: usize = 30;
/// A posting time is at least a date and a time: `2023-05-10 07:30`.
const POSTING_TIME_MIN_BYTES: usize = 16;
/// The inside of a republisher's note (`本文有删减`), in characters.
const REPUBLISHER_NOTE_MAX_CHARS: usize = 12;
/// The inside of a news agency's dateline (`新华社北京8月24日电`), in
/// characters.
const DATELINE_MAX_CHARS: usize = 30;
/// Digits of a letterhead's copy number (`000123`).
const COPY_NUMBER_DIGITS: usize = 6;
/// A letterhead's secrecy mark (`机密★1年`): 10 CJK characters...
const LETTERHEAD_MARK_MAX_BYTES: usize = 30;
/// ...and a handling mark (`内部资料　注意保存`) two more.
const HANDLING_MARK_EXTRA_BYTES: usize = 6;

/// Shortest title, in bytes: two CJK characters (a single word heads no
/// document).
const TITLE_MIN_BYTES: usize = 6;

/// A short line that could be a title: no sentence punctuation, no trailing
/// colon or comma, a few CJK characters, not a bare number or date.
pub(crate) fn is_title_like(text: &str) -> bool {
    if text.len() > TITLE_MAX_BYTES || text.len() < TITLE_MIN_BYTES {
        return false;
    }
    // Most short lines of running text end with `。`: the loop below would
    // reject them at their last character; reject them before it.
    if text.chars().next_back().is_some_and(ends_clause) {
        return false;
    }
    // A colon makes a field (`附件：...`), unless what stands before it is
    // a compilation's piece label (`篇三：...`).
    let label = piece_label(text).unwrap_or(0);
    let mut cjk = 0;
    for (i, c) in text.char_indices() {
        if ends_clause(c) || (is_colon(c) && i >= label) {
            return false;
        }
        if ('\u{4e00}'..='\u{9fff}').contains(&c) {
            cjk += 1;
        }
    }
    let last = text.chars().next_back();
    !matches!(last, Some(c) if is_colon(c) || is_comma(c) || c == '、')
        && cjk >= 2
        // A subtitle (`——在…上的报告`) names a genre but is no title.
        && !is_subtitle(text)
        && !is_section_number_line(text)
        && !is_code_part(text)
        && !text.starts_with("同志们")
        && !is_date_line(text)
}

/// A compilation's label for one of its pieces at the start of a line:
/// `【篇一】`, `篇三：`, `第二篇`, `范文1.`. Returns the label's length in
/// bytes, separator included.
pub(crate) fn piece_label(text: &str) -> Option<usize> {
    if text.len() > TITLE_MAX_BYTES {
        return None;
    }
    let t = text.trim_start_matches(['【', '[', '(', '（']);
    let (t, numbered) = if let Some(r) = t.strip_prefix("篇").or_else(|| t.strip_prefix("范文"))
    {
        let after = r.trim_start_matches(|c: char| {
            c.is_ascii_digit() || crate::numeral::cn_digit_value(c).is_some() || c == '十'
        });
        (after, after.len() < r.len())
    } else if let Some(r) = t.strip_prefix('第') {
        let after = r.trim_start_matches(|c: char| {
            c.is_ascii_digit() || crate::numeral::cn_digit_value(c).is_some() || c == '十'
        });
        match after.strip_prefix('篇') {
            Some(a) if after.len() < r.len() => (a, true),
            _ => return None,
        }
    } else {
        return None;
    };
    if !numbered {
        return None;
    }
    let t = t.trim_start_matches(['】', ']', ')', '）']);
    let t = t.trim_start_matches([':', '：', '、', '.', '．', ' ', '\u{3000}']);
    Some(text.len() - t.len())
}

/// A line that is nothing but a piece label: `【篇二】`.
pub(crate) fn is_piece_label_only(text: &str) -> bool {
    piece_label(text) == Some(text.len())
}

/// A document number: `某政发〔2024〕3号`, `国办发[2023]12号`.
pub(crate) fn is_doc_number(text: &str) -> bool {
    text.len() <= crate::docnum::DOC_NUMBER_LINE_MAX_BYTES
        && (crate::docnum::doc_number(text).is_some() || is_loose_doc_number(text))
}

/// What [`crate::docnum`] does not read but a document number still looks
/// like: a year of four digits in brackets and `号` at the end.
fn is_loose_doc_number(text: &str) -> bool {
    // `青府〔2023〕12号　　签发人：刘志强`: the number, then the signer.
    let text = match text.find("签发人") {
        Some(i) => text
            .get(..i)
            .unwrap_or(text)
            .trim_end_matches(crate::lines::is_space),
        None => text,
    };
    let text = text.trim_matches(crate::lines::is_space);
    let text = bracketed(text).unwrap_or(text);
    text.len() <= LOOSE_DOC_NUMBER_MAX_BYTES
        && text.ends_with('号')
        && text.contains(['〔', '[', '【', '('])
        && text
            .as_bytes()
            .windows(4)
            .any(|w| w.iter().all(u8::is_ascii_digit))
}

/// Most issuers a joint letterhead lists, one a line, above its `文件`.
pub(crate) const JOINT_ISSUERS_MAX_LINES: usize = 8;

/// Longest issuer's mark, in bytes: 25 CJK characters (a joint mark of
/// three bodies on one line, `某某市人民政府某某市财政局…文件`).
const ISSUER_MARK_MAX_BYTES: usize = 75;

/// The issuer's mark over a formal document: `某某县人民政府文件`.
pub(crate) fn is_issuer_line(text: &str) -> bool {
    text.len() <= ISSUER_MARK_MAX_BYTES
        && text.ends_with("文件")
        && !has_mark(text, |c| ends_clause(c) || is_comma(c) || is_colon(c))
}

/// A title that names its genre (`...会议上的讲话`, `...的通知`) and has no
/// comma in it. A line that ends by quoting a document's name it does not
/// begin with (`你委《关于…的请示》`) cites a title; it is none.
pub(crate) fn is_strong_title(text: &str) -> bool {
    is_title_like(text) && title_names_genre(text)
}

/// What [`is_strong_title`] asks of a line already found title-like.
pub(crate) fn title_names_genre(text: &str) -> bool {
    !has_mark(text, is_comma)
        && (!text.ends_with('》') || text.starts_with('《'))
        && genre_of_title(text).is_some()
}

/// A title for a whole compilation of documents: `...(实用16篇)`, `...汇编`.
pub(crate) fn is_compilation_title(text: &str) -> bool {
    if !is_title_like(text) {
        return false;
    }
    let counted = text.char_indices().any(|(i, c)| {
        c == '篇'
            && text
                .get(..i)
                .and_then(|s| s.chars().next_back())
                .is_some_and(|d| d.is_ascii_digit() || crate::numeral::cn_digit_value(d).is_some())
    });
    counted
        || TITLE_SUFFIXES
            .iter()
            .any(|&(w, compilation)| compilation && text.contains(w))
}

/// What runs on right after `第…条` (or `章`, `节`) when the line speaks
/// of that article instead of being it: a citation at the start of a
/// wrapped line (`第三十一条的决定》`, `第三条至第五条`, `第五条第二款`) or an
/// amendment's instruction (`第一百六十二条后增加一条`, `第五条修改为`,
/// `第十条中的“罚款”`). `中` alone is no such word: `第二条中华人民共和国公民…`
/// is an article with its space lost.
const ARTICLE_REFERENCE_TAILS: &[&str] = &[
    "的",
    "》",
    "、",
    "和",
    "及",
    "至",
    "第",
    "规定",
    "之",
    "款",
    "项",
    "所",
    "，",
    ",",
    "。",
    "；",
    "）",
    ")",
    "中的",
    "中“",
    "中\"",
    "后增加",
    "前增加",
    "增加一",
    "修改为",
    "修订为",
    "改为",
    "删去",
    "删除",
];

/// A line that opens with an article's (chapter's, section's) number but
/// speaks of it: `rest` is the line after the `第…条` marker. See
/// [`ARTICLE_REFERENCE_TAILS`]; an article's own text follows its number
/// after a space or with a sentence of its own, which none of them opens.
pub(crate) fn refers_to_article(rest: &str) -> bool {
    ARTICLE_REFERENCE_TAILS.iter().any(|t| rest.starts_with(t))
}

/// Longest part line of a code, in bytes: `第一分编 通则` and the longest
/// part names (`第七编 侵权责任`) are well under it.
const CODE_PART_MAX_BYTES: usize = 60;

/// A part of a code (`第一编 总则`, `第二分编 典型合同`): a level above the
/// chapters that no family of the outline has (ANNOTATION: `第一章` and
/// below), so it is body, and it ends the items open before it, as a new
/// part begins.
pub(crate) fn is_code_part_line(text: &str) -> bool {
    if text.len() > CODE_PART_MAX_BYTES {
        return false;
    }
    let Some(rest) = text.strip_prefix('第') else {
        return false;
    };
    let Ok((rest, _)) = crate::numeral::cn_numeral(rest) else {
        return false;
    };
    let Some(name) = rest
        .strip_prefix("分编")
        .or_else(|| rest.strip_prefix('编'))
    else {
        return false;
    };
    // `第二编辑室` goes on with a word; a part's name comes after a space.
    name.is_empty() || (name.starts_with([' ', '\u{3000}', '\t']) && !name.contains('。'))
}

/// A section numbered with Arabic decimals and a space: `1 总则`,
/// `3.2 信息报告`. No family of the outline has it (ANNOTATION: decimal
/// section numbers are body); it is no title, and it ends the items open
/// before it.
pub(crate) fn is_section_number_line(text: &str) -> bool {
    let b = text.as_bytes();
    let digits = b
        .iter()
        .take_while(|&&c| c.is_ascii_digit() || c == b'.')
        .count();
    // Section numbers are small (`3.2`, `10.1.4`); `2019 年` is a year,
    // `5 个` a count, spaced out by a PDF extraction.
    let small = text
        .get(..digits)
        .is_some_and(|n| n.split('.').all(|part| (1..=2).contains(&part.len())));
    small
        && b.first().is_some_and(u8::is_ascii_digit)
        && text.get(digits..).is_some_and(|r| {
            r.starts_with([' ', '\u{3000}', '\t'])
                && r.trim_start().chars().next().is_some_and(|c| {
                    ('\u{4e00}'..='\u{9fff}').contains(&c)
                        && !"年月日号时分秒个万亿元条款项页次人名家所天周".contains(c)
                })
        })
}

/// A line of a letterhead that gives the issuer and the date together
/// (`澜州市人民政府办公室　2024年3月4日`), as the 版头 of minutes prints it.
pub(crate) fn is_issuer_and_date(text: &str) -> bool {
    if text.len() > SHORT_MAX_BYTES {
        return false;
    }
    let Some((org, date)) = text.rsplit_once(crate::lines::is_space) else {
        return false;
    };
    is_org_line(org.trim_end_matches(crate::lines::is_space)) && is_date_line(date)
}

/// A part of a code (`第一编　总　则`, `第二分编　通则`): no family of the
/// outline has it, so it is body, but never a header field or a title.
pub(crate) fn is_code_part(text: &str) -> bool {
    text.strip_prefix('第').is_some_and(|r| {
        let after = r.trim_start_matches(|c: char| {
            crate::numeral::cn_digit_value(c).is_some()
                || matches!(c, '十' | '百' | '千' | '零' | '〇')
        });
        let rest = after
            .strip_prefix("分编")
            .or_else(|| after.strip_prefix('编'));
        // `第一编辑部` is no part: 编辑, 编制, 编写 are words of their own.
        after.len() < r.len()
            && rest.is_some_and(|x| !x.starts_with(['辑', '制', '写', '号', '著', '排', '委']))
    })
}

/// A bracketed part of a title on a line of its own: `（试行）`,
/// `（2023—2025年）`, `（征求意见稿）`; not a date, an adoption note or
/// a republisher's note.
pub(crate) fn is_title_bracket(text: &str) -> bool {
    bracketed(text).is_some_and(|inner| {
        inner.chars().count() <= TITLE_BRACKET_MAX_CHARS
            // `（第3期）`, `（2024年第8期）` number an issue of minutes: a
            // header field.
            && !inner.starts_with('第')
            && !(inner.contains('第') && inner.ends_with('期'))
            // `（2023年11月）` dates the text: a header field too.
            && !(inner.contains('年') && (inner.ends_with('月') || inner.ends_with("月份")))
            && !has_mark(inner, |c| ends_clause(c) || is_comma(c) || is_colon(c))
            && !is_date_line(text)
            && !is_adoption_note(text)
            && !is_republisher_note(text)
            && !is_issuer_note(text)
            && !is_doc_number(text)
    })
}

/// Longest bracketed part of a title, in characters (`（2023—2025年）`).
const TITLE_BRACKET_MAX_CHARS: usize = 16;

/// A subtitle under a title: `——在全市工作会议上的讲话`.
pub(crate) fn is_subtitle(text: &str) -> bool {
    // A dash alone is an empty table cell, not a subtitle.
    let rest = text.trim_start_matches(['—', '-', '－', ' ', '\u{3000}']);
    (text.starts_with('—') || text.starts_with("--") || text.starts_with('－'))
        && rest
            .chars()
            .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
            .nth(1)
            .is_some()
}

/// A byline: `作者:`, `撰稿:`, or a site's `小编: 纸韵`, `编辑:`.
pub(crate) fn is_byline(text: &str) -> bool {
    starts_with_label(text, &["作者", "撰稿", "文", "供稿"]) || is_site_byline(text)
}

/// A byline that a republishing site or compiler adds: `小编: 纸韵`,
/// `编辑:`, `整理:`. Under the first line of the input it marks that line
/// as a compilation's title.
pub(crate) fn is_site_byline(text: &str) -> bool {
    starts_with_label(text, &["小编", "编辑", "责任编辑", "整理", "编者"])
}

/// `text` starts with one of `labels` followed by a colon or a space.
fn starts_with_label(text: &str, labels: &[&str]) -> bool {
    text.len() <= SHORT_MAX_BYTES
        && labels.iter().any(|k| {
            text.strip_prefix(k).is_some_and(|r| {
                r.starts_with(is_colon) || r.starts_with(' ') || r.starts_with('\u{3000}')
            })
        })
}

/// What kind of address a salutation line is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Address {
    /// A form of address to people: `同志们:`, `各位代表:`, `尊敬的...:`.
    People,
    /// An organ addressed by a report or notice: `市政府:`, `各乡镇:`.
    Organ,
}

const PEOPLE_SUFFIXES: &[&str] = &[
    "们", "代表", "委员", "领导", "来宾", "嘉宾", "同仁", "同事", "家长", "先生", "女士", "同志",
];

const ORGAN_SUFFIXES: &[&str] = &[
    "政府",
    "委员会",
    "党委",
    "党组",
    "人大",
    "政协",
    "常委会",
    "管委会",
    "办事处",
    "局",
    "厅",
    "部",
    "办",
    "委",
    "处",
    "院",
    "所",
    "中心",
    "公司",
    "街道",
    "乡镇",
    "单位",
    "部门",
    "学校",
    "室",
    "站",
    "队",
    "社",
    "馆",
    "支部",
    "总支",
    "集团",
    "大学",
    "中学",
    "小学",
    "社区",
    "村委会",
    "居委会",
    "协会",
    "联合会",
    "工会",
    "幼儿园",
    "校",
];

/// A salutation: a short form of address ending with a colon, possibly a
/// list (`各位领导，各位来宾：`, `各乡镇人民政府，县直各单位：`).
pub(crate) fn salutation(text: &str) -> Option<Address> {
    if text.len() > SHORT_MAX_BYTES * 2 {
        return None;
    }
    let head = text.strip_suffix(is_colon)?.trim_end();
    if head.is_empty() || has_mark(head, |c| ends_clause(c) || is_colon(c)) {
        return None;
    }
    let mut people = true;
    let mut organs = true;
    for part in head
        .split(|c: char| is_comma(c) || c == '、')
        .map(str::trim)
    {
        if part.is_empty() || part.chars().count() > ADDRESSEE_BODY_MAX_CHARS {
            return None;
        }
        let is_people = part.starts_with("尊敬的")
            || part.starts_with("亲爱的")
            || part.starts_with("各位")
            || ends_with_word(part, PEOPLE_SUFFIXES, &PEOPLE_ENDS);
        let is_organ = ends_with_word(part, ORGAN_SUFFIXES, &ORGAN_ENDS);
        people &= is_people;
        organs &= is_organ || is_people;
    }
    if people {
        Some(Address::People)
    } else if organs {
        Some(Address::Organ)
    } else {
        None
    }
}

/// Longest key with its spacing, in bytes, before its colon.
const KEY_MAX_BYTES: usize = 48;

/// Where a meta field's key may stand.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum MetaKey {
    /// Opens the record of a meeting (`时间:` `地点:` `参加人员:` `主持人:`);
    /// a block of these after a document's body starts a new document.
    Opening,
    /// Another header field (`主要内容:` `会议主题:` `记录人:`).
    Header,
    /// A field that closes a document (`抄送:` `抄报:` `印发:`).
    Trailer,
}

const OPENING_KEY_SUFFIXES: &[&str] = &[
    "请假",
    "参加",
    "时间",
    "日期",
    "地点",
    "人员",
    "主持人",
    "主持",
    "出席",
    "列席",
    "缺席",
];
const HEADER_KEY_SUFFIXES: &[&str] = &[
    "对象", "单位", "人", "主题", "议题", "内容", "记录", "名称", "会议", "文号", "密级",
];
const TRAILER_KEYS: &[&str] = &[
    "抄送",
    "抄报",
    "分送",
    "发",
    "主送",
    "印发",
    "主题词",
    "关键词",
    "签发",
];

/// A labelled field `KEY:VALUE` (value may be empty). Returns the key's kind
/// and the byte length of the key.
pub(crate) fn meta_key(text: &str) -> Option<(MetaKey, usize)> {
    // `【会议时间】2024年3月12日上午9:00`: the key in lenticular brackets.
    if let Some(rest) = text.strip_prefix('【') {
        let end = rest
            .get(..rest.len().min(KEY_MAX_BYTES))
            .and_then(|r| r.find('】'))?;
        let label: String = rest
            .get(..end)?
            .chars()
            .filter(|&c| !crate::lines::is_space(c))
            .collect();
        let kind = key_kind(&label)?;
        return Some((kind, '【'.len_utf8() + end + '】'.len_utf8()));
    }
    // A key is at most 8 characters, spaced out to at most 16: its colon
    // lies in the first 48 bytes (found with memchr; most lines have none).
    let colon = first_colon(text, KEY_MAX_BYTES)?;
    let spaced = text.get(..colon)?.trim_end();
    // `时　间：`: a key spaced out to the width of a longer one.
    let squeezed: String;
    let key = if spaced.contains(crate::lines::is_space) {
        squeezed = spaced
            .chars()
            .filter(|&c| !crate::lines::is_space(c))
            .collect();
        squeezed.as_str()
    } else {
        spaced
    };
    Some((key_kind(key)?, spaced.len()))
}

/// The kind of a field's key (spacing removed), or `None` for no key.
fn key_kind(key: &str) -> Option<MetaKey> {
    if key.is_empty()
        || key.chars().count() > FIELD_KEY_MAX_CHARS
        || !key.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    {
        return None;
    }
    Some(if TRAILER_KEYS.contains(&key) {
        MetaKey::Trailer
    } else if ends_with_word(key, OPENING_KEY_SUFFIXES, &OPENING_KEY_ENDS) {
        MetaKey::Opening
    } else if ends_with_word(key, HEADER_KEY_SUFFIXES, &HEADER_KEY_ENDS) {
        MetaKey::Header
    } else {
        return None;
    })
}

/// The printing line of a formal document's colophon: the office and date
/// of printing, `××县人民政府办公室　2026年12月30日印发`.
pub(crate) fn is_print_line(text: &str) -> bool {
    if text.len() > PRINT_LINE_MAX_BYTES {
        return false;
    }
    let Some(before) = text.strip_suffix("印发") else {
        return false;
    };
    let before = before.trim_end_matches(crate::lines::is_space);
    let last_word = before
        .rsplit(crate::lines::is_space)
        .next()
        .unwrap_or(before);
    is_date_line(last_word)
        || before
            .find(|c: char| c.is_ascii_digit())
            .and_then(|i| before.get(i..))
            .is_some_and(is_date_line)
}

/// A field that says when or where a meeting was (`时间:` `会议日期:`
/// `地点:`): the way the record of a meeting opens. People fields (`出席:`
/// `列席:`) may close one instead.
pub(crate) fn is_when_or_where(text: &str) -> bool {
    meta_key(text).is_some_and(|(kind, len)| {
        kind == MetaKey::Opening
            && text
                .get(..len)
                .is_some_and(|k| k.ends_with("时间") || k.ends_with("日期") || k.ends_with("地点"))
    })
}

/// The formal close of a speech: `谢谢大家。` `谢谢!` `谢谢各位!`.
pub(crate) fn is_closing(text: &str) -> bool {
    text.len() <= CLOSING_MAX_BYTES && (text.starts_with("谢谢") || text.starts_with("再次谢谢"))
}

/// Field labels a republishing site prints around a text (`来源：`,
/// `发布时间：`, `浏览次数：`, `当前位置：`).
const SITE_KEYS: &[&str] = &[
    "来源",
    "本文来源",
    "文章来源",
    "原文链接",
    "发布时间",
    "发布日期",
    "更新时间",
    "浏览次数",
    "浏览",
    "点击数",
    "点击",
    "阅读次数",
    "阅读",
    "推荐度",
    "责任编辑",
    "字号",
    "发布人",
    "发布者",
    "发布机构",
    "信息来源",
    "索引号",
    "访问量",
    "浏览量",
    "阅读量",
    "主办",
    "承办",
    "主办单位",
    "版权所有",
    "网站标识码",
    "技术支持",
    "审核",
    "校对",
    "责编",
    "编辑",
    "发布部门",
    "时效性",
    "效力位阶",
    "效力级别",
    "法规类别",
    "实施日期",
    "批准部门",
    "发文字号",
    "当前位置",
    "您的位置",
    "您现在的位置",
    "所在位置",
    "字体",
];

/// A site's phrases over lists of other pages.
const SITE_PHRASES: &[&str] = &[
    "相关推荐",
    "推荐阅读",
    "热门推荐",
    "猜你喜欢",
    "相关文章",
    "延伸阅读",
    "返回目录",
    "查看更多",
    "更多相关",
    "热门文章",
    "最新文章",
    "相关链接",
    "相关信息",
    "相关阅读",
];

/// First characters of the words above and of the toolbar, licence and
/// links words, sorted (a binary search): a line that opens with none of
/// them (nor with a bracket, a star or an ASCII character) is no chrome,
/// and skips those tests.
const CHROME_FIRST_CHARS: &[char] = &[
    '上', '下', '中', '主', '举', '信', '关', '写', '减', '分', '加', '原', '发', '在', '复', '大',
    '字', '实', '审', '小', '延', '当', '微', '您', '所', '打', '批', '承', '技', '推', '收', '效',
    '文', '无', '时', '更', '最', '本', '来', '查', '校', '法', '注', '浏', '点', '热', '版', '猜',
    '留', '登', '相', '简', '索', '繁', '纠', '编', '网', '访', '评', '责', '返', '这', '這', '长',
    '阅', '默',
];

/// A word list grouped by the words' first characters, in the list's order
/// within a group: a line is compared only with the words that open as it
/// does (the chrome lists hold about a hundred words, and most lines that
/// reach them open with a common character).
struct ByFirstChar<T: 'static> {
    entries: Vec<(char, &'static T)>,
}

impl<T> ByFirstChar<T> {
    fn new(list: &'static [T], word: fn(&T) -> &str) -> Self {
        let mut entries: Vec<(char, &'static T)> = list
            .iter()
            .filter_map(|t| word(t).chars().next().map(|c| (c, t)))
            .collect();
        // (Stable: words of one first character keep their order.)
        entries.sort_by_key(|&(c, _)| c);
        ByFirstChar { entries }
    }

    /// The words that open with `text`'s first character, in list order.
    fn opening(&self, text: &str) -> impl Iterator<Item = &'static T> + '_ {
        let first = text.chars().next();
        let from = self.entries.partition_point(|&(c, _)| Some(c) < first);
        self.entries
            .get(from..)
            .unwrap_or(&[])
            .iter()
            .take_while(move |&&(c, _)| Some(c) == first)
            .map(|&(_, t)| t)
    }
}

static SITE_PHRASE_INDEX: std::sync::LazyLock<ByFirstChar<&str>> =
    std::sync::LazyLock::new(|| ByFirstChar::new(SITE_PHRASES, |w| w));
static SITE_KEY_INDEX: std::sync::LazyLock<ByFirstChar<&str>> =
    std::sync::LazyLock::new(|| ByFirstChar::new(SITE_KEYS, |w| w));
static TOOLBAR_INDEX: std::sync::LazyLock<ByFirstChar<(&str, bool)>> =
    std::sync::LazyLock::new(|| ByFirstChar::new(TOOLBAR_WORDS, |(w, _)| w));

/// Whether a line opening with `c` may be web chrome (see
/// [`CHROME_FIRST_CHARS`]).
fn may_open_chrome(c: char) -> bool {
    c.is_ascii()
        || matches!(c, '【' | '（' | '《' | '★' | '☆' | '｜' | '】' | '—' | '－')
        || CHROME_FIRST_CHARS.binary_search(&c).is_ok()
}

/// Web debris recognisable from the line alone.
pub(crate) fn noise_kind(text: &str) -> Option<NoiseKind> {
    if text.len() > NOISE_MAX_BYTES {
        return None;
    }
    if is_page_number(text) {
        return Some(NoiseKind::PageCounter);
    }
    // The pager, the download prompt and the registration footer each
    // hold one of these characters: one pass over the line tells whether
    // any of their word searches is worth making.
    let keyed = text.contains(['页', '载', '备']);
    if keyed
        && text.len() <= PAGER_MAX_BYTES
        && text.contains('页')
        && ["当前", "上一", "下一", "共", "首页", "尾页", "第"]
            .iter()
            .any(|w| text.contains(w))
    {
        return Some(NoiseKind::Pager);
    }
    // A download prompt is one short sentence.
    if keyed
        && text.len() <= DOWNLOAD_PROMPT_MAX_BYTES
        && text.contains("下载")
        && ["文档", "word", "Word", "WORD", "全文", "本文", "doc"]
            .iter()
            .any(|w| text.contains(w))
    {
        return Some(NoiseKind::Download);
    }
    if text.starts_with("上一篇") || text.starts_with("下一篇") {
        return Some(NoiseKind::Pager);
    }
    if is_licence(text) {
        return Some(NoiseKind::Licence);
    }
    if is_site_name(text)
        || (keyed
            && text.len() <= SITE_FOOTER_MAX_BYTES
            && (text.contains("ICP备") || text.contains("公网安备")))
    {
        return Some(NoiseKind::SiteMeta);
    }
    if is_breadcrumb(text) || text.starts_with(['©', 'Ⓒ']) {
        return Some(NoiseKind::SiteMeta);
    }
    // The tests below all look at how a line opens.
    let first = text.chars().next()?;
    let lead = text
        .trim_start_matches(['【', '['])
        .chars()
        .next()
        .unwrap_or(first);
    if !(may_open_chrome(first) || may_open_chrome(lead)) {
        return None;
    }
    // `相关推荐：<another page's title>` too.
    if SITE_PHRASE_INDEX.opening(text).any(|p| {
        text.strip_prefix(*p)
            .is_some_and(|r| r.starts_with(is_colon))
    }) {
        return Some(NoiseKind::SiteMeta);
    }
    // `本文已影响2367人`, `本文已被浏览120次`: a view counter.
    if starts_with_word(text, "本文已")
        && text.len() <= SITE_FOOTER_MAX_BYTES
        && text.contains(|c: char| c.is_ascii_digit())
    {
        return Some(NoiseKind::SiteMeta);
    }
    if is_rating(text) || is_posting_time(text) {
        return Some(NoiseKind::SiteMeta);
    }
    if is_thematic_break(text) {
        return Some(NoiseKind::Converter);
    }
    let bare = text.trim_end_matches([':', '：']);
    if SITE_PHRASES.contains(&bare) || is_links_heading(text) {
        return Some(NoiseKind::SiteMeta);
    }
    let unbracketed = text.trim_start_matches(['【', '[']);
    if SITE_KEY_INDEX.opening(unbracketed).any(|k| {
        unbracketed.strip_prefix(*k).is_some_and(|r| {
            r.is_empty() || r.starts_with(is_colon) || r.starts_with(' ') || r.starts_with('【')
        })
    }) {
        return Some(NoiseKind::SiteMeta);
    }
    if is_toolbar(text) {
        return Some(NoiseKind::Toolbar);
    }
    if is_database_field(text) {
        return Some(NoiseKind::Republisher);
    }
    if is_republisher_note(text) || is_agency_dateline(text) || is_reference_line(text) {
        return Some(NoiseKind::Republisher);
    }
    None
}

/// A bare page number: `2`, `- 2 -`, `—2—`.
fn is_page_counter(text: &str) -> bool {
    let inner =
        text.trim_matches(|c: char| matches!(c, '-' | '—' | '－' | '–' | '·' | ' ' | '\u{3000}'));
    !inner.is_empty()
        && inner.len() <= PAGE_NUMBER_MAX_DIGITS
        && inner.bytes().all(|b| b.is_ascii_digit())
}

/// Longest page number line, in bytes (`第 1234 页 共 1234 页`).
const PAGE_NUMBER_MAX_BYTES: usize = 40;

/// A page's number as a printed page shows it: `—1—`, `- 1 -`, a bare
/// `1`, `第1页`, `第 1 页 共 5 页`, `共5页 第1页`, `1/5`, `1 / 5`.
pub(crate) fn is_page_number(text: &str) -> bool {
    if text.len() > PAGE_NUMBER_MAX_BYTES {
        return false;
    }
    if is_page_counter(text) {
        return true;
    }
    if !text.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '第' | '共')) {
        return false;
    }
    let compact: String = text
        .chars()
        .filter(|c| !crate::lines::is_space(*c))
        .collect();
    let digits = |s: &str| {
        !s.is_empty() && s.len() <= PAGE_NUMBER_MAX_DIGITS && s.bytes().all(|b| b.is_ascii_digit())
    };
    let nth_page = |s: &str| {
        s.strip_prefix('第')
            .and_then(|r| r.strip_suffix('页'))
            .is_some_and(digits)
    };
    if let Some((a, b)) = compact.split_once('/') {
        return digits(a) && digits(b);
    }
    if nth_page(&compact) {
        return true;
    }
    // `第1页共5页` or `共5页第1页`.
    let of = |s: &str| {
        s.strip_prefix('共')
            .and_then(|r| r.strip_suffix('页'))
            .is_some_and(digits)
    };
    compact
        .char_indices()
        .filter(|&(_, c)| c == '页')
        .any(|(at, _)| {
            let (a, b) = compact.split_at(at + '页'.len_utf8());
            (nth_page(a) && of(b)) || (of(a) && nth_page(b))
        })
}

/// A toolbar word that is debris even alone on its line...
const ALONE: bool = true;
/// ...and one that is debris only beside another.
const IN_A_ROW: bool = false;

/// Words of a website's toolbar, each with whether it is debris even alone
/// on its line (`打印本页`) or only in a row of them (`分享`, `评论`).
const TOOLBAR_WORDS: &[(&str, bool)] = &[
    ("打印本页", ALONE),
    ("打印", ALONE),
    ("收藏本页", ALONE),
    ("收藏", ALONE),
    ("字号", IN_A_ROW),
    ("分享到", ALONE),
    ("分享", IN_A_ROW),
    ("关闭窗口", ALONE),
    ("关闭", ALONE),
    ("返回顶部", ALONE),
    ("返回", IN_A_ROW),
    ("复制链接", ALONE),
    ("纠错", IN_A_ROW),
    ("举报", IN_A_ROW),
    ("点赞", IN_A_ROW),
    ("评论", IN_A_ROW),
    ("加大", ALONE),
    ("减小", ALONE),
    ("默认", ALONE),
    ("无障碍浏览", IN_A_ROW),
    ("无障碍", IN_A_ROW),
    ("长者模式", IN_A_ROW),
    ("English", IN_A_ROW),
    ("ENGLISH", IN_A_ROW),
    ("手机版", IN_A_ROW),
    ("移动版", IN_A_ROW),
    ("繁體版", IN_A_ROW),
    ("繁体版", IN_A_ROW),
    ("简体版", IN_A_ROW),
    ("繁體", IN_A_ROW),
    ("简体", IN_A_ROW),
    ("网站地图", IN_A_ROW),
    ("登录", IN_A_ROW),
    ("注册", IN_A_ROW),
    ("微信", IN_A_ROW),
    ("微博", IN_A_ROW),
    ("QQ空间", IN_A_ROW),
    ("在看", IN_A_ROW),
    ("写留言", ALONE),
    ("留言", ALONE),
    ("阅读原文", ALONE),
    ("大", ALONE),
    ("中", ALONE),
    ("小", ALONE),
];

/// A row of website toolbar words: `打印 收藏 字号:大 中 小`.
fn is_toolbar(text: &str) -> bool {
    let mut rest = text;
    let mut words = 0;
    let mut last_alone = false;
    while !rest.is_empty() {
        let t = rest.trim_start_matches(|c: char| {
            c.is_whitespace()
                || matches!(
                    c,
                    '|' | '｜'
                        | ':'
                        | '：'
                        | '['
                        | ']'
                        | '【'
                        | '】'
                        | '('
                        | ')'
                        | '（'
                        | '）'
                        | '/'
                        | '、'
                        | '·'
                )
        });
        if t.is_empty() {
            break;
        }
        match TOOLBAR_INDEX.opening(t).find(|(w, _)| t.starts_with(w)) {
            Some(&(w, alone)) => {
                words += 1;
                last_alone = alone;
                rest = t.get(w.len()..).unwrap_or("");
            }
            None => return false,
        }
    }
    words >= 2 || (words == 1 && last_alone) || {
        // What is left of a toolbar broken one word a line: `【` `】`.
        !text.is_empty()
            && text
                .chars()
                .all(|c| matches!(c, '【' | '】' | '[' | ']' | '|' | '｜'))
    }
}

/// Longest toolbar word, in characters (`返回顶部`): a line no longer than
/// this under a site's headline is left of its toolbar.
pub(crate) const TOOLBAR_WORD_MAX_CHARS: usize = 4;

/// Most paragraphs of a blurb's lead that a page's width broke off before
/// the blurb's own sentence (`…重大政治责任。` / `下面是本站小编…`).
pub(crate) const BLURB_LEAD_MAX_PARAGRAPHS: usize = 2;

/// An editor's blurb from the site the text was taken from: `下面是本站小编
/// 给大家整理的...,仅供参考。`
pub(crate) fn is_blurb(text: &str) -> bool {
    text.len() <= BLURB_MAX_BYTES && holds_keyed_word(text, &BLURB_KEY_CHARS, BLURB_WORDS)
}

/// `text` holds one of `words`, each of which holds one of `keys`: one
/// pass for the characters first, since a line without any of them holds
/// none of the words (searching for each word in turn costs a pass each).
fn holds_keyed_word(text: &str, keys: &[char], words: &[&str]) -> bool {
    text.contains(keys) && words.iter().any(|w| text.contains(w))
}

/// What an editor's blurb says of itself.
const BLURB_WORDS: &[&str] = &[
    "小编",
    "编者按",
    "本站",
    "仅供参考",
    "供大家参考",
    "供大家阅读",
    "欢迎阅读",
    "希望对大家有所帮助",
    "希望能帮助到",
];

/// A character every word of [`BLURB_WORDS`] holds one of (a test checks).
const BLURB_KEY_CHARS: [char; 5] = ['编', '站', '供', '阅', '帮'];

/// A date standing alone: `2023年3月14日`, `20xx年x月x日`, `二〇二三年三月十四日`.
pub(crate) fn is_date_line(text: &str) -> bool {
    text.len() <= crate::date::DATE_LINE_MAX_BYTES
        && (crate::date::date_line(text).is_some() || is_template_date_line(text))
}

/// A date line as templates write it, digits left to fill in:
/// `20xx年x月x日` (and the plain dates [`crate::date`] reads too).
fn is_template_date_line(text: &str) -> bool {
    // Cheap reject first: a date ends with 日 (before a closing bracket or
    // full stop) and is short.
    if text.len() > TEMPLATE_DATE_MAX_BYTES
        || !text
            .trim_end_matches([')', '）', ']', '】', '。', '.'])
            .ends_with('日')
    {
        return false;
    }
    let t = text
        .trim_matches(|c: char| matches!(c, '(' | ')' | '（' | '）' | '[' | ']' | '【' | '】'))
        .trim_end_matches(ends_clause)
        .trim_end_matches('.');
    // The loop below ends at a `日` followed by nothing but white space.
    if !t.trim_end().ends_with('日') {
        return false;
    }
    let numeric = |c: char| {
        c.is_ascii_digit()
            || matches!(c, 'x' | 'X' | '×' | '〇' | '○' | 'О' | '零' | '十')
            || crate::numeral::cn_digit_value(c).is_some()
    };
    let mut year_chars = 0;
    let mut rest = t;
    for unit in ['年', '月', '日'] {
        let Some(pos) = rest.find(unit) else {
            return false;
        };
        let num = rest.get(..pos).unwrap_or("").trim();
        if num.is_empty() || !num.chars().all(numeric) {
            return false;
        }
        if unit == '年' {
            year_chars = num.chars().count();
        }
        rest = rest.get(pos + unit.len_utf8()..).unwrap_or("");
    }
    rest.trim().is_empty() && year_chars >= 2
}

/// A sender's name standing alone: `某某县人民政府`, `中共某某委员会办公室`.
pub(crate) fn is_org_line(text: &str) -> bool {
    // (Cheapest tests first: most lines fail on their length or last
    // character.)
    text.len() <= ORG_LINE_MAX_BYTES
        && ends_with_word(text, ORGAN_SUFFIXES, &ORGAN_ENDS)
        // `…关于开展…重点排污单位` names a matter, not a body.
        && !text.contains("关于")
        && !has_mark(text, |c| ends_clause(c) || is_comma(c) || is_colon(c))
}

/// The last characters of [`OPENING_KEY_SUFFIXES`] and of
/// [`HEADER_KEY_SUFFIXES`].
static OPENING_KEY_ENDS: std::sync::LazyLock<CharSet> =
    std::sync::LazyLock::new(|| CharSet::of_last(OPENING_KEY_SUFFIXES.iter().copied()));
static HEADER_KEY_ENDS: std::sync::LazyLock<CharSet> =
    std::sync::LazyLock::new(|| CharSet::of_last(HEADER_KEY_SUFFIXES.iter().copied()));

/// `text` ends with one of `words`, whose last characters are `ends`: told
/// by the last character alone for most texts.
fn ends_with_word(text: &str, words: &[&str], ends: &CharSet) -> bool {
    text.chars().next_back().is_some_and(|c| ends.contains(c))
        && words.iter().any(|w| text.ends_with(w))
}

/// The last characters of [`PEOPLE_SUFFIXES`].
static PEOPLE_ENDS: std::sync::LazyLock<CharSet> =
    std::sync::LazyLock::new(|| CharSet::of_last(PEOPLE_SUFFIXES.iter().copied()));

/// The last characters of [`ORGAN_SUFFIXES`].
static ORGAN_ENDS: std::sync::LazyLock<CharSet> =
    std::sync::LazyLock::new(|| CharSet::of_last(ORGAN_SUFFIXES.iter().copied()));

/// A set of characters: the characters word lists end with, so that a
/// line is compared with the words only when its last character ends one
/// of them (a list holds tens of words; a line ends with one of a few
/// characters). Looked up by a filter of [`CHARSET_FILTER_BITS`] bits,
/// one for each value of a code point's low bits, which turns away most
/// characters at once, then by binary search.
struct CharSet {
    filter: [u64; CHARSET_FILTER_BITS / 64],
    chars: Vec<char>,
}

/// Bits of a [`CharSet`]'s filter: a set of tens of characters sets a few
/// percent of them.
const CHARSET_FILTER_BITS: usize = 1024;

impl CharSet {
    /// The last characters of `words`.
    fn of_last<'w>(words: impl Iterator<Item = &'w str>) -> Self {
        let mut chars: Vec<char> = words.filter_map(|w| w.chars().next_back()).collect();
        chars.sort_unstable();
        chars.dedup();
        let mut filter = [0; CHARSET_FILTER_BITS / 64];
        for &c in &chars {
            let (word, bit) = Self::filter_bit(c);
            if let Some(w) = filter.get_mut(word) {
                *w |= bit;
            }
        }
        CharSet { filter, chars }
    }

    /// The filter's word and bit for `c`.
    fn filter_bit(c: char) -> (usize, u64) {
        let low = u32::from(c) as usize % CHARSET_FILTER_BITS;
        (low / 64, 1 << (low % 64))
    }

    fn contains(&self, c: char) -> bool {
        let (word, bit) = Self::filter_bit(c);
        self.filter.get(word).is_some_and(|w| w & bit != 0) && self.chars.binary_search(&c).is_ok()
    }
}

/// `text.starts_with(word)`, comparing the first three bytes (one CJK
/// character) inline first: most lines differ there, and the full
/// comparison is a library call. Word lists are tested line after line, so
/// this is what keeps them cheap.
fn starts_with_word(text: &str, word: &str) -> bool {
    match (
        text.as_bytes().first_chunk::<3>(),
        word.as_bytes().first_chunk::<3>(),
    ) {
        (Some(t), Some(w)) => t == w && text.starts_with(word),
        _ => text.starts_with(word),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_of_a_keyed_list_holds_a_key_char() {
        for w in REPUBLISHER_NOTE_WORDS {
            assert!(w.contains(REPUBLISHER_NOTE_KEY_CHARS), "{w}");
        }
        for w in BLURB_WORDS {
            assert!(w.contains(BLURB_KEY_CHARS), "{w}");
        }
    }

    /// Each rule below, on lines it takes (true) and lines it leaves
    /// (false).
    fn table(rule: fn(&str) -> bool, cases: &[(&str, bool)]) {
        for &(text, want) in cases {
            assert_eq!(rule(text), want, "{text}");
        }
    }

    proptest::proptest! {
        /// The look at a line's last character before its core is cut
        /// turns away only lines the full rule finds no genre in.
        #[test]
        fn the_last_character_gate_keeps_every_genre(
            text in "[关于的印发工作会议讲话通知意见方案法典函稿摘要篇一二十1 （）()》*。，]{0,12}"
        ) {
            if !may_name_genre(&text) {
                proptest::prop_assert_eq!(genre_of_core(&text), None, "{}", text);
            }
            proptest::prop_assert_eq!(genre_of_title(&text), genre_of_core(&text));
        }
    }

    #[test]
    fn the_genre_gate_is_the_longhand_rule() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            let longhand = may_end_title_trailer(c) || GENRE_ENDS.contains(c);
            assert_eq!(may_name_genre(&format!("关于{c}")), longhand, "{c:?}");
        }
        assert!(!may_name_genre(""));
    }

    #[test]
    fn word_ends_are_found_by_their_last_character() {
        let set = CharSet::of_last(["政府", "局", "委员会"].into_iter());
        assert!(set.contains('府') && set.contains('局') && set.contains('会'));
        assert!(!set.contains('政') && !set.contains('。'));
        // A character that shares its filter bit with one of the set's is
        // still told apart by the search.
        let twin = char::from_u32(u32::from('府') + CHARSET_FILTER_BITS as u32);
        assert!(twin.is_some_and(|t| !set.contains(t)));
        assert!(
            ORGAN_ENDS.contains('府') && GENRE_ENDS.contains('知') && GENRE_ENDS.contains('函')
        );
        for (words, ends) in [
            (ORGAN_SUFFIXES, &*ORGAN_ENDS),
            (PEOPLE_SUFFIXES, &*PEOPLE_ENDS),
            (OPENING_KEY_SUFFIXES, &*OPENING_KEY_ENDS),
            (HEADER_KEY_SUFFIXES, &*HEADER_KEY_ENDS),
        ] {
            for w in words {
                assert!(ends_with_word(&format!("某某{w}"), words, ends), "{w}");
            }
            assert!(!ends_with_word("某某。", words, ends));
        }
    }

    #[test]
    fn title_core_sets_aside_what_sites_add() {
        for (title, core) in [
            ("群众工作会议讲话摘要(实用16篇)", "群众工作会议讲话"),
            ("关于加强管理的通知（试行）", "关于加强管理的通知"),
            ("在全市大会上的讲话稿　篇1", "在全市大会上的讲话"),
            ("某某办法", "某某办法"),
        ] {
            assert_eq!(title_core(title), core, "{title}");
        }
    }

    #[test]
    fn law_and_opinion_titles() {
        table(
            is_law_title,
            &[
                ("中华人民共和国农村公路法", true),
                ("中华人民共和国民法典", true),
                ("民法典", true),
                ("工作方法", false),
                ("主要做法", false),
            ],
        );
        table(
            is_opinion_title,
            &[
                ("关于加强安全生产工作的意见", true),
                ("实施意见", true),
                ("市政府的意见", true),
                ("部门领导意见", false),
                ("审核意见", false),
            ],
        );
    }

    #[test]
    fn loose_document_numbers() {
        table(
            is_loose_doc_number,
            &[
                ("青府〔2023〕12号　　签发人：刘志强", true),
                ("（某某字〔2019〕第5号）", true),
                ("2019年工作要点第5号", false),
                ("关于2019年〔工作〕的通知", false),
            ],
        );
    }

    #[test]
    fn bylines() {
        table(
            is_byline,
            &[
                ("作者：张三", true),
                ("撰稿 李四", true),
                ("小编: 纸韵", true),
                ("作者们认为，要加强领导。", false),
            ],
        );
        table(
            is_site_byline,
            &[
                ("小编: 纸韵", true),
                ("责任编辑：王五", true),
                ("整理：赵六", true),
                ("作者：张三", false),
                ("编辑部要加强管理", false),
            ],
        );
    }

    #[test]
    fn field_keys_have_a_kind() {
        for (key, want) in [
            ("时间", Some(MetaKey::Opening)),
            ("参加人员", Some(MetaKey::Opening)),
            ("记录人", Some(MetaKey::Header)),
            ("抄送", Some(MetaKey::Trailer)),
            ("", None),
            ("Time", None),
            ("这是一个很长的不是键的标签", None),
        ] {
            assert_eq!(key_kind(key), want, "{key}");
        }
    }

    #[test]
    fn page_counters_toolbars_blurbs() {
        table(
            is_page_counter,
            &[
                ("2", true),
                ("- 2 -", true),
                ("—12—", true),
                ("12345", false),
                ("2019年", false),
                ("—", false),
            ],
        );
        table(
            is_toolbar,
            &[
                ("打印 收藏 字号:大 中 小", true),
                ("打印本页", true),
                ("【打印本页】【关闭窗口】", true),
                ("分享", false),
                ("打印机采购工作的通知", false),
            ],
        );
        table(
            is_blurb,
            &[
                ("下面是本站小编给大家整理的讲话,仅供参考。", true),
                ("希望对大家有所帮助。", true),
                ("会议要求各单位加强领导。", false),
            ],
        );
    }

    #[test]
    fn template_date_lines() {
        table(
            is_template_date_line,
            &[
                ("20xx年x月x日", true),
                ("（20XX年X月X日）", true),
                ("2023年3月14日", true),
                ("年月日", false),
                ("20xx年工作要点", false),
            ],
        );
    }

    #[test]
    fn word_tests_agree_with_the_library() {
        for (text, word) in [
            ("来源:人民网", "来源"),
            ("来", "来源"),
            ("", "来源"),
            ("ab", "a"),
            ("a", ""),
            ("", ""),
            ("打印本页", "打印"),
            ("x打印", "打印"),
        ] {
            assert_eq!(
                starts_with_word(text, word),
                text.starts_with(word),
                "{text} {word}"
            );
        }
    }

    #[test]
    fn titles_name_their_genre_at_the_end() {
        assert_eq!(genre_of_title("群众工作会议上的讲话"), Some(Genre::Speech));
        assert_eq!(
            genre_of_title("xxx在全市农村工作会议上的讲话摘要"),
            Some(Genre::Speech)
        );
        assert_eq!(genre_of_title("群众工作会议纪要"), Some(Genre::Minutes));
        assert_eq!(
            genre_of_title("关于印发安全生产工作方案的通知"),
            Some(Genre::Notice)
        );
        assert_eq!(
            genre_of_title("某市物业管理条例(草案)"),
            Some(Genre::Regulation)
        );
        assert_eq!(genre_of_title("关于商请支持的函"), Some(Genre::Other));
        assert_eq!(genre_of_title("存在问题"), None);
    }

    #[test]
    fn sentences_are_not_titles() {
        assert!(is_title_like("群众工作会议上的讲话"));
        assert!(!is_title_like("调研报告。"));
        assert!(!is_title_like("存在问题:"));
        assert!(!is_title_like("2"));
        assert!(!is_title_like("20xx年3月14日"));
        assert!(is_strong_title("工作会议讲话"));
        assert!(!is_strong_title("同志们,做好工作报告"));
        // A citation of a title inside a sentence is none.
        assert!(!is_strong_title("你委《关于调整开发区规划范围的请示》"));
        assert!(is_strong_title("《关于调整开发区规划范围的请示》"));
    }

    #[test]
    fn piece_labels_and_formal_headers() {
        assert_eq!(
            piece_label("【篇一】在全县工作会议上的讲话"),
            Some("【篇一】".len())
        );
        assert_eq!(piece_label("篇三：乡镇工作会议纪要"), Some("篇三：".len()));
        assert_eq!(piece_label("第二篇 讲话"), Some("第二篇 ".len()));
        assert!(is_piece_label_only("【篇二】"));
        assert_eq!(piece_label("篇幅有限"), None);
        assert_eq!(piece_label("第一章 总则"), None);
        assert!(is_title_like("篇三：乡镇工作会议纪要"));
        assert!(!is_title_like("附件：2024年重点工作任务分解方案"));
        assert!(is_strong_title("**某某县人民政府关于印发方案的通知**"));
        assert!(is_strong_title("《关于加强安全生产工作的意见》"));
        assert!(is_doc_number("某政发〔2024〕3号"));
        assert!(!is_doc_number("第3号"));
        assert!(is_issuer_line("某某县人民政府文件"));
        assert_eq!(noise_kind("上一篇：2023年工作总结"), Some(NoiseKind::Pager));
        assert_eq!(noise_kind("相关推荐"), Some(NoiseKind::SiteMeta));
    }

    #[test]
    fn compilation_titles_count_their_pieces() {
        assert!(is_compilation_title("群众工作会议讲话摘要(实用16篇)"));
        assert!(is_compilation_title("年度工作总结汇编"));
        assert!(!is_compilation_title("群众工作会议上的讲话"));
    }

    #[test]
    fn salutations_address_people_or_organs() {
        assert_eq!(salutation("同志们:"), Some(Address::People));
        assert_eq!(salutation("各位代表："), Some(Address::People));
        assert_eq!(
            salutation("尊敬的各位领导、各位来宾:"),
            Some(Address::People)
        );
        assert_eq!(salutation("市政府:"), Some(Address::Organ));
        assert_eq!(salutation("各乡镇、县直各部门:"), Some(Address::Organ));
        assert_eq!(salutation("高主任强调:"), None);
        assert_eq!(salutation("存在问题:"), None);
        assert_eq!(salutation("同志们,天下兴亡"), None);
        assert_eq!(salutation("各位领导，各位来宾："), Some(Address::People));
        assert_eq!(
            salutation("各乡镇人民政府，县直各单位："),
            Some(Address::Organ)
        );
        assert_eq!(salutation("现将有关事项通知如下："), None);
    }

    #[test]
    fn meta_keys_by_their_ending() {
        assert_eq!(
            meta_key("时间:20xx.11.08。").map(|k| k.0),
            Some(MetaKey::Opening)
        );
        assert_eq!(
            meta_key("参加人员:乡村两级干部。").map(|k| k.0),
            Some(MetaKey::Opening)
        );
        assert_eq!(meta_key("主要内容:").map(|k| k.0), Some(MetaKey::Header));
        assert_eq!(
            meta_key("会议主要内容记录:").map(|k| k.0),
            Some(MetaKey::Header)
        );
        assert_eq!(
            meta_key("抄送：市委办公室").map(|k| k.0),
            Some(MetaKey::Trailer)
        );
        assert_eq!(meta_key("高主任强调:"), None);
        assert_eq!(meta_key("存在问题:"), None);
        assert_eq!(meta_key("时间:").map(|k| k.1), Some("时间".len()));
        assert!(is_when_or_where("会议时间：2024年3月4日"));
        assert!(is_when_or_where("地点:会议室"));
        assert!(!is_when_or_where("出席：张三、李四"));
    }

    #[test]
    fn page_numbers_in_the_forms_pages_print_them() {
        for (text, want) in [
            ("—1—", true),
            ("— 12 —", true),
            ("- 3 -", true),
            ("·4·", true),
            ("7", true),
            ("第1页", true),
            ("第 2 页", true),
            ("第2页 共5页", true),
            ("共5页 第2页", true),
            ("3/5", true),
            ("3 / 5", true),
            ("第2页，共5页的说明", false),
            ("2019年", false),
            ("12345", false),
            ("1/2/3", false),
            ("第一页", false),
        ] {
            assert_eq!(is_page_number(text), want, "{text}");
        }
    }

    #[test]
    fn debris_is_told_by_its_shape() {
        assert_eq!(noise_kind("2"), Some(NoiseKind::PageCounter));
        assert_eq!(noise_kind("- 12 -"), Some(NoiseKind::PageCounter));
        assert_eq!(noise_kind("页,当前第。"), Some(NoiseKind::Pager));
        assert_eq!(
            noise_kind("将本文的word文档下载到电脑,方便收藏和打印。"),
            Some(NoiseKind::Download)
        );
        assert_eq!(noise_kind("来源:解放日报"), Some(NoiseKind::SiteMeta));
        assert_eq!(noise_kind("推荐度:"), Some(NoiseKind::SiteMeta));
        assert_eq!(
            noise_kind("打印 | 收藏 | 字号:大 中 小"),
            Some(NoiseKind::Toolbar)
        );
        assert_eq!(noise_kind("日记。"), None);
        assert_eq!(noise_kind("1.要落实工作责任制。"), None);
    }

    #[test]
    fn closings_dates_and_senders() {
        assert!(is_closing("谢谢大家。"));
        assert!(is_closing("谢谢!"));
        assert!(!is_closing(
            "谢谢大家多年来对我们工作的支持和帮助,我们一定不辜负大家的期望。"
        ));
        assert!(is_date_line("2023年3月14日"));
        assert!(is_date_line("20xx年x月x日"));
        assert!(is_date_line("二〇二三年三月十四日"));
        assert!(is_date_line("（2024年1月10日）"));
        assert!(!is_date_line("20xx年3月14日,乡委召开会议。"));
        assert!(is_org_line("某某县人民政府"));
        assert!(is_org_line("某某县人民政府办公室"));
        assert!(!is_org_line("县政府要加强领导。"));
        assert!(is_print_line("某某县人民政府办公室　　2026年12月30日印发"));
        assert!(is_print_line("某某县人民政府办公室2026年12月30日印发"));
        assert!(is_print_line("二〇二六年十二月三十日印发"));
        assert!(!is_print_line("关于印发"));
        assert!(!is_print_line("现将《实施方案》印发"));
    }
}

// ---------------------------------------------------------------------
// The document frame (GB/T 9704-2012): letterhead, addressee, signoff,
// 附注, attachments, notes, contents, and the debris republishers add.
// ---------------------------------------------------------------------

/// Longest item line, in characters, still read as a bare heading whose
/// fields (`时间:` `地点:`) may follow it.
pub(crate) const BARE_HEADING_MAX_CHARS: usize = 30;
/// Longest first line of an input, in characters, taken as its title
/// without a genre word.
pub(crate) const UNTYPED_TITLE_MAX_CHARS: usize = 30;
/// Most entries a table of contents is followed for; past it the block is
/// taken to be text (bounds the memory of a hostile contents block).
pub(crate) const CONTENTS_MAX_ENTRIES: usize = 256;
/// Longest cell of a table flattened one cell a line, in characters: a
/// bare number between two such lines is a cell, not a page counter.
pub(crate) const TABLE_CELL_MAX_CHARS: usize = 12;
/// Most bare numbers in a row of table cells looked through, in lines.
pub(crate) const TABLE_RUN_MAX_LINES: usize = 8;
/// Longest entry of a table of contents, in characters; a longer line
/// under it is running text.
pub(crate) const CONTENTS_ENTRY_MAX_CHARS: usize = 40;
/// Most signer lines (issuing bodies of a joint document, a person's name)
/// above the date of a signoff.
pub(crate) const SIGNERS_MAX_LINES: usize = 4;
/// Longest addressee (主送机关) before its colon, in bytes (about 100 CJK
/// characters: long lists of bodies are common).
const ADDRESSEE_MAX_BYTES: usize = 300;
/// Longest one body named in an addressee list, in characters.
const ADDRESSEE_PART_MAX_CHARS: usize = 30;
/// Longest signer line, in characters (a body's full name).
const SIGNER_MAX_CHARS: usize = 30;

/// Paragraphs that speak to the whole document, not to the item before
/// them: a concluding word, the formal close of a notice or request, an
/// attachment list.
pub(crate) fn speaks_to_whole_document(text: &str) -> bool {
    ["同志们", "总之", "总而言之", "特此", "妥否", "当否", "附件"]
        .iter()
        .any(|w| starts_with_word(text, w))
}

/// The text of a line inside one pair of brackets that spans it whole:
/// `（此件公开发布）` → `此件公开发布`.
fn bracketed(text: &str) -> Option<&str> {
    let inner = text.strip_prefix(['（', '('])?.strip_suffix(['）', ')'])?;
    (!inner.contains(['（', '(', '）', ')'])).then_some(inner)
}

/// The issuer's note after the signoff (附注): `（此件公开发布）`,
/// `（此件主动公开）`, `（联系人：张三，电话：12345678）`.
pub(crate) fn is_issuer_note(text: &str) -> bool {
    text.len() <= SHORT_MAX_BYTES * 2
        && bracketed(text).is_some_and(|inner| {
            ["此件", "本件", "联系人", "联系电话", "发至", "此文"]
                .iter()
                .any(|w| inner.starts_with(w))
                && !is_republisher_note(text)
        })
}

/// A site's heading over a list of links to other pages (`相关链接`,
/// `相关推荐`): the titles listed under it are links, not documents.
pub(crate) fn is_links_heading(text: &str) -> bool {
    let bare = text
        .trim_start_matches(['【', '['])
        .trim_end_matches([':', '：', '】', ']']);
    [
        "相关链接",
        "相关推荐",
        "相关文章",
        "相关阅读",
        "相关信息",
        "推荐阅读",
        "延伸阅读",
        "热门推荐",
        "热门文章",
        "最新文章",
        "猜你喜欢",
    ]
    .contains(&bare)
}

/// A Markdown thematic break (`---`, `***`, `___`): a converter's layout.
fn is_thematic_break(text: &str) -> bool {
    let mut chars = text.chars().filter(|c| !c.is_whitespace());
    let Some(first) = chars.next() else {
        return false;
    };
    // `---` (Markdown) or a rule of dashes between documents (`——————`).
    matches!(first, '-' | '*' | '_' | '—' | '─' | '━' | '－')
        && chars.clone().count() + 1 >= RULE_MIN_CHARS
        && chars.all(|c| c == first)
}

/// A site's breadcrumb: `首页 > 政务公开 > 通知公告`.
fn is_breadcrumb(text: &str) -> bool {
    text.len() <= SHORT_MAX_BYTES * 2
        && [
            "首页",
            "网站首页",
            "主页",
            "当前位置",
            "您的位置",
            "您现在的位置",
        ]
        .iter()
        .any(|w| starts_with_word(text, w))
        && text.contains(['>', '＞', '»', '›'])
}

/// A rating in stars: `★★★★☆`.
fn is_rating(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= RATING_MAX_BYTES
        && text
            .chars()
            .all(|c| matches!(c, '★' | '☆' | ' ' | '\u{3000}'))
}

/// A posting time: `2023-05-10 07:30　发表于江西`, `2023-05-10 07:30:15`.
fn is_posting_time(text: &str) -> bool {
    let b = text.as_bytes();
    text.len() <= SHORT_MAX_BYTES
        && b.len() >= POSTING_TIME_MIN_BYTES
        && b.get(..4).is_some_and(|y| y.iter().all(u8::is_ascii_digit))
        && matches!(b.get(4), Some(b'-' | b'/'))
        && b.get(10) == Some(&b' ')
        && b.get(13) == Some(&b':')
}

/// A website's own name over its pages: `江川市人民政府门户网站`.
fn is_site_name(text: &str) -> bool {
    text.len() <= SHORT_MAX_BYTES
        && ["门户网站", "政府网", "网站"]
            .iter()
            .any(|w| text.ends_with(w))
        && !has_mark(text, |c| ends_clause(c) || is_comma(c))
}

/// A field of a law database's export header (`【标　　题】…`,
/// `【发布部门】…`, `【正　　文】`): the database's, not the text's.
fn is_database_field(text: &str) -> bool {
    const FIELDS: &[&str] = &[
        "标题",
        "发布部门",
        "发文字号",
        "发布日期",
        "实施日期",
        "时效性",
        "效力级别",
        "法规类别",
        "正文",
        "类别",
        "失效日期",
        "颁布日期",
        "批准日期",
        "题注",
        "全文",
        "颁布单位",
        "文号",
        "时效",
        "效力",
        "发布机关",
    ];
    let Some(rest) = text.strip_prefix('【') else {
        return false;
    };
    let Some(end) = rest.get(..rest.len().min(30)).and_then(|r| r.find('】')) else {
        return false;
    };
    let label: String = rest
        .get(..end)
        .unwrap_or("")
        .chars()
        .filter(|&c| !crate::lines::is_space(c))
        .collect();
    FIELDS.contains(&label.as_str())
}

/// A republisher's note on a line of its own: `（本文有删减）`,
/// `（此件有删改）`, `(节选)`.
fn is_republisher_note(text: &str) -> bool {
    bracketed(text).is_some_and(|inner| {
        inner.chars().count() <= REPUBLISHER_NOTE_MAX_CHARS
            && holds_keyed_word(inner, &REPUBLISHER_NOTE_KEY_CHARS, REPUBLISHER_NOTE_WORDS)
    })
}

/// What a republisher's note says was done to the text.
const REPUBLISHER_NOTE_WORDS: &[&str] = &[
    "删减",
    "删改",
    "删节",
    "节选",
    "摘编",
    "有删",
    "编者注",
    "略有",
];

/// A character every word of [`REPUBLISHER_NOTE_WORDS`] holds one of (a
/// test checks).
const REPUBLISHER_NOTE_KEY_CHARS: [char; 4] = ['删', '节', '编', '略'];

/// A news agency's dateline on its own line: `（新华社北京8月24日电）`.
fn is_agency_dateline(text: &str) -> bool {
    bracketed(text).is_some_and(|inner| {
        inner.chars().count() <= DATELINE_MAX_CHARS
            && (inner.ends_with("电") || inner.ends_with("讯"))
            && ["社", "报", "网", "记者"].iter().any(|w| inner.contains(w))
    })
}

/// A newspaper or database reference after the text:
/// `《人民日报》（2020年08月25日 02 版）`, `【法宝引证码】 CLI.12.748997`.
fn is_reference_line(text: &str) -> bool {
    if text.starts_with("【法宝引证码】") || text.starts_with("【法宝联想】") {
        return true;
    }
    // `本篇文件由"某法规数据库"收录整理…`: the database's own note.
    if text.len() <= SHORT_MAX_BYTES * 2
        && text.contains("数据库")
        && (text.contains("收录") || text.contains("整理"))
    {
        return true;
    }
    text.len() <= SHORT_MAX_BYTES
        && text.starts_with('《')
        && (text.contains("报》") || text.contains("刊》") || text.contains("杂志》"))
        && (text.contains("版") || text.contains("期") || text.contains('日'))
}

/// A site's licence notice: `Public domain`, `…屬於公有領域`,
/// `本作品采用知识共享…许可协议`.
fn is_licence(text: &str) -> bool {
    const OPENINGS: &[&str] = &[
        "这部作品",
        "這部作品",
        "本作品",
        "Public domain",
        "public domain",
        "Creative Commons",
        "CC BY",
        "CC-BY",
    ];
    // Its scattered remains after the opening line are taken by the
    // builder's licence tail; a fragment alone is recognised by its end.
    OPENINGS.iter().any(|w| starts_with_word(text, w))
        || ["公有領域", "公有领域"].iter().any(|w| text.ends_with(w))
}

/// A line of the 版头 other than the issuer's mark and document number: a
/// copy number (`000123`), a secrecy mark (`机密★1年`), an urgency mark
/// (`特急`), `签发人：`.
pub(crate) fn is_letterhead_mark(text: &str) -> bool {
    let t = text.trim_end_matches(crate::lines::is_space);
    (t.len() == COPY_NUMBER_DIGITS && t.bytes().all(|b| b.is_ascii_digit()))
        || (t.len() <= LETTERHEAD_MARK_MAX_BYTES
            && ["绝密", "机密", "秘密"].iter().any(|w| {
                t.starts_with(w)
                    && t.get(w.len()..)
                        .is_some_and(|r| r.is_empty() || r.starts_with(['★', '*', '☆']))
            }))
        || ["特急", "加急", "特提", "平急"].contains(&t)
        || starts_with_label(t, &["签发人"])
        // `内部资料　注意保存`: a handling mark over an internal text.
        || (t.len() <= LETTERHEAD_MARK_MAX_BYTES + HANDLING_MARK_EXTRA_BYTES
            && ["内部资料", "内部文件", "内部参阅", "注意保存", "内部传阅"]
                .iter()
                .any(|w| t.starts_with(w)))
}

/// An addressee (主送机关) under a title, of any length: a list of bodies
/// separated by `、` or `，`, ending with a colon, perhaps with the body's
/// first sentence run on after it.
pub(crate) fn addressee(text: &str) -> Option<Address> {
    let colon = first_colon(text, ADDRESSEE_MAX_BYTES)?;
    let head = text.get(..colon)?.trim_end();
    if head.is_empty() || has_mark(head, ends_clause) {
        return None;
    }
    // Bracketed qualifiers (`各市（州）`, `县（市、区）`) hold separators of
    // their own: set them aside.
    let mut plain = String::with_capacity(head.len());
    let mut depth = 0u32;
    for c in head.chars() {
        match c {
            '（' | '(' => depth = depth.saturating_add(1),
            '）' | ')' => depth = depth.saturating_sub(1),
            c if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    let mut parts = 0;
    let mut bodies = 0;
    let mut people = 0;
    let mut last_is_body = false;
    for part in plain
        .split(|c: char| is_comma(c) || c == '、')
        .map(str::trim)
    {
        if part.is_empty() {
            continue;
        }
        if part.chars().count() > ADDRESSEE_PART_MAX_CHARS {
            return None;
        }
        parts += 1;
        let is_people = part.starts_with("尊敬的")
            || part.starts_with("各位")
            || ends_with_word(part, PEOPLE_SUFFIXES, &PEOPLE_ENDS);
        let is_body = part.starts_with('各')
            || ends_with_word(part, ORGAN_SUFFIXES, &ORGAN_ENDS)
            || [
                "国务院",
                "省",
                "市",
                "县",
                "区",
                "州",
                "盟",
                "旗",
                "乡",
                "镇",
                "村",
            ]
            .iter()
            .any(|s| part.ends_with(s));
        bodies += usize::from(is_body);
        people += usize::from(is_people);
        last_is_body = is_body || is_people;
    }
    if parts == 0 || !last_is_body || (bodies + people) * 2 < parts {
        return None;
    }
    Some(if people == parts {
        Address::People
    } else {
        Address::Organ
    })
}

/// Byte offset of the first `:` or `：` in the first `max` bytes of
/// `text`, found with `memchr` (most lines have none).
fn first_colon(text: &str, max: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let head = bytes.get(..max.min(bytes.len()))?;
    let mut from = 0;
    while let Some(i) = head
        .get(from..)
        .and_then(|h| memchr::memchr2(b':', 0x9A, h))
    {
        let at = from + i;
        if head.get(at) == Some(&b':') {
            return Some(at);
        }
        // `：` is EF BC 9A.
        if let Some(start) = at.checked_sub(2)
            && bytes.get(start..=at) == Some("：".as_bytes())
        {
            return Some(start);
        }
        from = at + 1;
    }
    None
}

/// A form of address run into the first sentence: `同志们，北京共产主义组织…`.
pub(crate) fn run_on_address(text: &str) -> Option<Address> {
    let end = text
        .char_indices()
        .take(12)
        .find(|&(_, c)| is_comma(c) || c == '！' || c == '!')?
        .0;
    let head = text.get(..end)?;
    let people = head == "同志们"
        || head.starts_with("各位")
        || head.starts_with("尊敬的")
        || head.starts_with("亲爱的");
    people.then_some(Address::People)
}

/// The rest of a chapter line is a table of contents' entry: dot leaders
/// (`……`, `...`, `···`) or another chapter or section marker further on.
fn is_contents_entry(rest: &str) -> bool {
    rest.contains("……")
        || rest.contains("...")
        || rest.contains("···")
        || rest.match_indices('第').any(|(i, _)| {
            rest.get(i..)
                .and_then(crate::marker::recognise)
                .is_some_and(|c| {
                    matches!(
                        c.family,
                        crate::marker::Family::DiZhang | crate::marker::Family::DiJie
                    )
                })
        })
}

/// An attachment's label on its own line, before the attached document or
/// a list of attachments: `附件`, `附件1`, `附件一：`, `附：`.
pub(crate) fn is_annex_label(text: &str) -> bool {
    let Some(rest) = text
        .strip_prefix("附件")
        .or_else(|| text.strip_prefix('附'))
    else {
        return false;
    };
    let rest = rest.trim_start_matches(|c: char| {
        c.is_ascii_digit()
            || crate::numeral::cn_digit_value(c).is_some()
            || c == '十'
            || c.is_whitespace()
    });
    rest.is_empty() || matches!(rest, ":" | "：")
}

/// The label of a block of notes: `注：`, `注：1．…` at a line's start.
pub(crate) fn is_notes_label(text: &str) -> bool {
    ["注", "注释", "说明"].iter().any(|w| {
        text.strip_prefix(w)
            .is_some_and(|r| r.starts_with(is_colon))
    })
}

/// A table of contents' heading: `目录`, `目　录`.
pub(crate) fn is_contents_label(text: &str) -> bool {
    let mut chars = text.chars().filter(|c| !c.is_whitespace());
    chars.next() == Some('目') && chars.next() == Some('录') && chars.next().is_none()
}

/// A marker that is a reference in running text, not an item: an article
/// cited at the start of a wrapped line (`第三十一条的决定》`,
/// `第五条第二款`, `第三条至第五条`), or a footnote that explains a mark
/// (`①指…`, `①见《…》`).
pub(crate) fn is_reference_not_item(text: &str, c: crate::marker::Candidate) -> bool {
    use crate::marker::Family;
    let rest = text.get(c.len()..).unwrap_or("");
    match c.family {
        // A flattened table of contents: `第一章 总则……1 第一节 …`.
        Family::DiZhang | Family::DiJie if is_contents_entry(rest) => true,
        Family::DiTiao | Family::DiZhang | Family::DiJie => refers_to_article(rest),
        Family::ArCircle if defines_a_term(rest) => true,
        Family::ArCircle => {
            let rest = rest.trim_start_matches(crate::lines::is_space);
            [
                "指", "见", "参见", "引自", "出自", "原载", "转引", "《", "同上", "详见",
            ]
            .iter()
            .any(|w| rest.starts_with(w))
        }
        _ => false,
    }
}

/// Longest term, in characters, a footnote defines before its colon.
const FOOTNOTE_TERM_MAX_CHARS: usize = 20;

/// A footnote that defines a term: `“四上”企业：指…`, `河长制：即…`.
fn defines_a_term(rest: &str) -> bool {
    rest.split_once(['：', ':']).is_some_and(|(term, def)| {
        term.chars().count() <= FOOTNOTE_TERM_MAX_CHARS
            && ["指", "是指", "即", "系指"]
                .iter()
                .any(|w| def.trim_start().starts_with(w))
    })
}

/// A signer of a signoff: an issuing body (`国家发展改革委办公厅`) or a
/// person's name, short and unpunctuated.
pub(crate) fn is_signer_line(text: &str) -> bool {
    if text.len() > SIGNER_MAX_CHARS * 4 {
        return false;
    }
    if is_org_line(text) {
        return true;
    }
    let n = text.chars().count();
    (2..=SIGNER_MAX_CHARS).contains(&n)
        && !text.contains(|c: char| {
            ends_clause(c)
                || is_comma(c)
                || is_colon(c)
                || matches!(c, '（' | '(' | '、' | '《')
        })
        && text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
        && !is_date_line(text)
        // `附件1`, `附：`: attachment labels, no signers.
        && !text.starts_with('附')
        && genre_of_title(text).is_none()
}

/// A blank date of a form to fill in: `年  月  日`, `20  年  月  日`.
pub(crate) fn is_placeholder_date(text: &str) -> bool {
    crate::date::is_placeholder_date_line(text)
}

/// A cell of a form that a title-like line may sit over: a stamp slot
/// (`（签章）`, `（盖章）`), a blank date, a signature field.
pub(crate) fn is_form_slot(text: &str) -> bool {
    is_placeholder_date(text)
        || bracketed(text).is_some_and(|inner| {
            ["签章", "盖章", "签字", "公章", "签名"]
                .iter()
                .any(|w| inner.trim() == *w)
        })
}

/// What follows a field's key and its colon, without leading space.
pub(crate) fn field_value(text: &str, key_len: usize) -> &str {
    let after = text.get(key_len..).unwrap_or("");
    let after = after.trim_start_matches(crate::lines::is_space);
    after
        .strip_prefix([':', '：'])
        .unwrap_or(after)
        .trim_start_matches(crate::lines::is_space)
}

/// An adoption or amendment note under a regulation's title:
/// `（2020年5月14日…会议通过）`, `2013年2月25日 …《关于修改…》修正`.
pub(crate) fn is_adoption_note(text: &str) -> bool {
    let t = text.trim_start_matches(['（', '(']);
    let starts_with_year = t
        .char_indices()
        .take(5)
        .find(|&(_, c)| c == '年')
        .is_some_and(|(i, _)| {
            i >= 2
                && t.get(..i).is_some_and(|y| {
                    y.chars().all(|c| {
                        c.is_ascii_digit()
                            || ('０'..='９').contains(&c)
                            || crate::numeral::cn_digit_value(c).is_some()
                            || matches!(c, '〇' | '○' | '零')
                    })
                })
        });
    // A note, not a sentence of the body that opens with a date
    // (`2024年3月4日下午，局党组…`): no comma or full stop outside the
    // bracketed titles it cites.
    let sentence = text.contains(['，', ',', '。']) && bracketed(text).is_none();
    starts_with_year
        && !sentence
        && ["通过", "修正", "修订", "公布", "施行", "批准", "会议"]
            .iter()
            .any(|w| text.contains(w))
}

#[cfg(test)]
mod frame_tests {
    use super::*;

    /// Runs `rule` over (line, expected) pairs and names each failure.
    fn table(rule: fn(&str) -> bool, cases: &[(&str, bool)]) {
        for &(line, want) in cases {
            assert_eq!(rule(line), want, "{line}");
        }
    }

    #[test]
    fn issuer_notes_are_bracketed_notes_of_the_issuer() {
        table(
            is_issuer_note,
            &[
                ("（此件公开发布）", true),
                ("(此件主动公开)", true),
                ("（联系人：张三，电话：12345678）", true),
                ("（此件有删改）", false),
                ("（一）加强领导", false),
                ("此件公开发布", false),
            ],
        );
    }

    #[test]
    fn republishers_notes_datelines_and_references_are_noise() {
        for (line, noise) in [
            ("（本文有删减）", true),
            ("（新华社北京8月24日电）", true),
            ("《人民日报》（2020年08月25日 02 版）", true),
            ("    【法宝引证码】 CLI.12.748997", false), // indentation is set aside before
            ("【法宝引证码】 CLI.12.748997", true),
            ("Public domain", true),
            ("发布人：刘东      联络点：下寺镇", true),
            ("【字号：", true),
            ("加大", true),
            ("】", true),
            ("（此件公开发布）", false),
            ("《中华人民共和国劳动法》", false),
        ] {
            assert_eq!(noise_kind(line).is_some(), noise, "{line}");
        }
    }

    #[test]
    fn letterhead_marks() {
        table(
            is_letterhead_mark,
            &[
                ("000123", true),
                ("机密★1年", true),
                ("特急", true),
                ("签发人：张三", true),
                ("1234567", false),
                ("机密工作要加强", false),
                ("特急情况", false),
            ],
        );
    }

    #[test]
    fn addressees_of_any_length() {
        for (line, want) in [
            (
                "各省、自治区、直辖市、新疆生产建设兵团社会信用体系建设牵头部门，国家税务总局各省、自治区、直辖市和计划单列市税务局：",
                Some(Address::Organ),
            ),
            (
                "各市（州）、县（市、区）人民政府，省政府各部门、各直属机构：",
                Some(Address::Organ),
            ),
            ("国务院：", Some(Address::Organ)),
            (
                "各区县人民政府：为了加强管理，现通知如下。",
                Some(Address::Organ),
            ),
            ("各位代表：", Some(Address::People)),
            ("会议要求：一是加强领导。", None),
            ("为深入贯彻落实上级部署，现通知如下：", None),
        ] {
            assert_eq!(addressee(line), want, "{line}");
        }
    }

    #[test]
    fn addresses_run_into_the_first_sentence() {
        assert_eq!(
            run_on_address("同志们，北京共产主义组织仅仅是在十个月以前才产生的。"),
            Some(Address::People)
        );
        assert_eq!(run_on_address("各位代表！"), Some(Address::People));
        assert_eq!(run_on_address("我们要加强领导，狠抓落实。"), None);
    }

    #[test]
    fn annex_notes_and_contents_labels() {
        table(
            is_annex_label,
            &[
                ("附件", true),
                ("附件1", true),
                ("附件一：", true),
                ("附：", true),
                ("附件：1．名单", false),
                ("附则", false),
            ],
        );
        table(
            is_notes_label,
            &[
                ("注：1．本表…", true),
                ("注:", true),
                ("注意事项", false),
                ("注重实效：", false),
            ],
        );
        table(
            is_contents_label,
            &[("目录", true), ("目　录", true), ("目录管理", false)],
        );
    }

    #[test]
    fn references_are_not_items() {
        let check = |line: &str| {
            let c = crate::marker::recognise(line).expect("a marker");
            is_reference_not_item(line, c)
        };
        assert!(check("第三十一条的决定》，自公布之日起施行。"));
        assert!(check("第五条第二款规定的情形"));
        assert!(check("①指中国共产党第十九次全国代表大会。"));
        assert!(!check("第三十一条　本条例自公布之日起施行。"));
        assert!(check("第一章 总则……1 第一节 一般规定……1"));
        assert!(check("第一章　总则 第一节　适用范围 第二节　基本原则"));
        assert!(!check("第一章 总则"));
        assert!(!check("第二章 登记程序 本章规定第三条的情形"));
        assert!(!check("①加强组织领导。"));
    }

    #[test]
    fn signers_slots_and_placeholder_dates() {
        table(
            is_signer_line,
            &[
                ("国家发展改革委办公厅", true),
                ("王建国", true),
                ("附件1", false),
                ("2023年12月8日", false),
                ("加强领导，狠抓落实", false),
                ("关于加强管理的通知", false),
            ],
        );
        table(
            is_placeholder_date,
            &[
                ("年  月  日", true),
                ("   年   月   日   ", true),
                ("2023年3月14日", false),
                ("年度计划", false),
            ],
        );
        table(
            is_form_slot,
            &[
                ("（签章）", true),
                (" （盖章）", false),
                ("年 月 日", true),
                ("部门领导意见", false),
            ],
        );
    }

    #[test]
    fn adoption_notes_under_a_regulation_title() {
        table(
            is_adoption_note,
            &[
                (
                    "（2020年5月14日江川市第十五届人民代表大会常务委员会第二十一次会议通过）",
                    true,
                ),
                (
                    "1992年12月26日 深圳市第一届人民代表大会常务委员会第十三次会议通过",
                    true,
                ),
                ("2024年3月4日下午，局党组书记主持召开会议。", false),
                ("一九九六年工作会议", true),
                ("加强会议管理", false),
            ],
        );
    }

    #[test]
    fn web_chrome_and_database_lines() {
        table(
            is_links_heading,
            &[
                ("相关链接", true),
                ("【相关推荐】", true),
                ("相关链接：", true),
                ("相关工作要求", false),
            ],
        );
        table(
            is_site_name,
            &[
                ("江川市人民政府门户网站", true),
                ("中国政府网", true),
                ("加强网站建设，提高服务水平", false),
            ],
        );
        table(
            is_database_field,
            &[
                ("【标　　题】关于加强管理的通知", true),
                ("【发布部门】江川市人民政府", true),
                ("【正　　文】", true),
                ("【篇一】", false),
                ("【工作目标】到2025年基本建成", false),
            ],
        );
        for (line, noise) in [
            ("无障碍浏览 | 长者模式 | 繁體版", true),
            ("分享到：微信 微博 QQ空间", true),
            ("主办：江川市人民政府办公室", true),
            ("版权所有 © 江川市人民政府", true),
            ("网站标识码：3601000001", true),
            ("赣ICP备05000001号", true),
            ("本篇文件由“临江法规数据库”收录整理，仅供参考", true),
            ("主办单位要高度重视", false),
        ] {
            assert_eq!(noise_kind(line).is_some(), noise, "{line}");
        }
    }

    #[test]
    fn spaced_keys_dashes_and_matters() {
        assert_eq!(
            meta_key("时　间：2024年5月20日"),
            Some((MetaKey::Opening, "时　间".len()))
        );
        assert_eq!(
            meta_key("分送：市委办公室").map(|(k, _)| k),
            Some(MetaKey::Trailer)
        );
        assert_eq!(meta_key("加 强 领 导：要提高认识"), None);
        table(
            is_subtitle,
            &[
                ("——在全市工作会议上的讲话", true),
                ("—", false),
                ("——", false),
                ("--在会上", true),
            ],
        );
        table(
            is_org_line,
            &[
                ("江川市人民政府", true),
                ("临江省生态环境厅关于开展2024年度重点排污单位", false),
            ],
        );
        table(
            defines_a_term,
            &[
                ("“四上”企业：指规模以上工业企业", true),
                ("河长制：即由各级党政负责人担任河长", true),
                ("加强领导：要提高认识", false),
            ],
        );
        assert_eq!(
            genre_of_title("关于商请提供统计数据的函"),
            Some(Genre::Other)
        );
        assert_eq!(
            genre_of_title("江川市人民政府关于同意设立的复函"),
            Some(Genre::Other)
        );
    }

    #[test]
    fn code_parts_title_brackets_and_layout_debris() {
        table(
            is_code_part,
            &[
                ("第一编　总　则", true),
                ("第二分编　通则", true),
                ("第一章 总则", false),
                ("第一编辑部", false),
            ],
        );
        table(
            is_title_bracket,
            &[
                ("（试行）", true),
                ("（2023—2025年）", true),
                ("（征求意见稿）", true),
                ("（2023年5月8日）", false),
                ("（余府发〔2012〕3号）", false),
                ("（此件公开发布）", false),
                ("（本文有删减）", false),
            ],
        );
        table(
            is_thematic_break,
            &[
                ("---", true),
                ("***", true),
                ("- - -", true),
                ("--", false),
                ("- 2 -", false),
            ],
        );
        table(
            is_rating,
            &[("★★★★☆", true), ("★", true), ("☆五星好评", false)],
        );
        table(
            is_posting_time,
            &[
                ("2023-05-10 07:30　发表于江西", true),
                ("2023/05/10 07:30:15", true),
                ("2023年5月10日", false),
            ],
        );
        assert_eq!(
            addressee("各乡镇人民政府，县政府有关部门，各中小学校、幼儿园："),
            Some(Address::Organ)
        );
    }

    #[test]
    fn references_to_an_article() {
        table(
            refers_to_article,
            &[
                ("后增加一条，作为第一百六十二条之一：", true),
                ("修改为：“国有公司、企业的工作人员", true),
                ("第二款修改为：", true),
                ("中的“处以罚款”修改为“处罚款”。", true),
                ("、第四条删去。", true),
                ("删去。", true),
                ("　为了保护民事主体的合法权益，制定本法。", false),
                (" 本法所称农村公路", false),
                ("为了规范示例，制定本法。", false),
                ("中华人民共和国公民有劳动的权利。", false),
                ("后勤保障部门负责本条例的实施。", false),
                ("的决定》，自公布之日起施行。", true),
                ("至第五条", true),
                ("", false),
            ],
        );
    }

    #[test]
    fn parts_of_a_code() {
        table(
            is_code_part_line,
            &[
                ("第一编 总则", true),
                ("第二编　物权", true),
                ("第一分编 通则", true),
                ("第十二编", true),
                ("第二编辑室", false),
                ("第一章 总则", false),
                ("第三编 本法自公布之日起施行。", false),
                ("编 总则", false),
            ],
        );
    }

    #[test]
    fn section_numbers_and_minutes_letterheads() {
        table(
            is_section_number_line,
            &[
                ("1 总则", true),
                ("3.2 信息报告", true),
                ("1.1　编制目的", true),
                ("2023年工作报告", false),
                ("1.加强领导", false),
                ("2019 年 8 月", false),
            ],
        );
        table(
            is_issuer_and_date,
            &[
                ("澜州市人民政府办公室　2024年3月4日", true),
                ("澜州市人民政府办公室", false),
                ("2024年3月4日", false),
            ],
        );
        for (line, noise) in [
            ("当前位置：首页 > 政策解读", true),
            ("字体：【大 中 小】", true),
            ("本文已影响2367人", true),
            ("本文已经市政府同意", false),
        ] {
            assert_eq!(noise_kind(line).is_some(), noise, "{line}");
        }
        assert_eq!(
            genre_of_title("石溪县突发地质灾害应急预案"),
            Some(Genre::Plan)
        );
    }

    /// No word is listed twice in a word list (a duplicate says two rules
    /// where there is one).
    #[test]
    fn no_word_list_repeats_a_word() {
        let plain: [(&str, &[&str]); 6] = [
            ("PEOPLE_SUFFIXES", PEOPLE_SUFFIXES),
            ("ORGAN_SUFFIXES", ORGAN_SUFFIXES),
            ("OPENING_KEY_SUFFIXES", OPENING_KEY_SUFFIXES),
            ("HEADER_KEY_SUFFIXES", HEADER_KEY_SUFFIXES),
            ("TRAILER_KEYS", TRAILER_KEYS),
            ("SITE_KEYS", SITE_KEYS),
        ];
        let mut lists: Vec<(&str, Vec<&str>)> =
            plain.iter().map(|(n, l)| (*n, l.to_vec())).collect();
        lists.push(("SITE_PHRASES", SITE_PHRASES.to_vec()));
        lists.push(("GENRE_WORDS", GENRE_WORDS.iter().map(|(w, _)| *w).collect()));
        lists.push((
            "TITLE_SUFFIXES",
            TITLE_SUFFIXES.iter().map(|(w, _)| *w).collect(),
        ));
        lists.push((
            "TOOLBAR_WORDS",
            TOOLBAR_WORDS.iter().map(|(w, _)| *w).collect(),
        ));
        for (name, words) in lists {
            let mut seen = std::collections::HashSet::new();
            for w in words {
                assert!(seen.insert(w), "{name} lists `{w}` twice");
            }
        }
    }

    /// The index by first character gives, for any line, exactly the words
    /// of the list the line could start with, in the list's order.
    #[test]
    fn a_word_index_gives_the_words_opening_as_the_line_does() {
        for line in [
            "相关推荐：某页",
            "来源：本站",
            "打印本页 关闭窗口",
            "",
            "在全市大会上",
            "【来源】",
        ] {
            let by_index: Vec<&str> = SITE_KEY_INDEX.opening(line).copied().collect();
            let by_scan: Vec<&str> = SITE_KEYS
                .iter()
                .copied()
                .filter(|k| k.chars().next() == line.chars().next())
                .collect();
            assert_eq!(by_index, by_scan, "{line}");
            let toolbar: Vec<&str> = TOOLBAR_INDEX.opening(line).map(|(w, _)| *w).collect();
            let toolbar_scan: Vec<&str> = TOOLBAR_WORDS
                .iter()
                .map(|(w, _)| *w)
                .filter(|w| w.chars().next() == line.chars().next())
                .collect();
            assert_eq!(toolbar, toolbar_scan, "{line}");
        }
        assert!(
            SITE_PHRASE_INDEX
                .opening("相关推荐：某页")
                .any(|p| *p == "相关推荐")
        );
    }

    /// Every chrome word opens with a character the gate lets through,
    /// and the gate's list is sorted for its binary search.
    #[test]
    fn every_chrome_word_passes_the_first_character_gate() {
        assert!(CHROME_FIRST_CHARS.windows(2).all(|w| w[0] < w[1]));
        let words = SITE_KEYS
            .iter()
            .chain(SITE_PHRASES)
            .chain(
                TOOLBAR_WORDS
                    .iter()
                    .filter(|&&(_, alone)| alone)
                    .map(|(w, _)| w),
            )
            .chain(
                [
                    "上一篇",
                    "下一篇",
                    "本文已",
                    "本篇",
                    "这部作品",
                    "這部作品",
                    "本作品",
                ]
                .iter(),
            );
        for w in words {
            let c = w.chars().next().expect("a word");
            assert!(may_open_chrome(c), "{w}");
        }
        for line in [
            "打印 收藏 关闭",
            "相关链接",
            "无障碍浏览",
            "分享到：微信",
            "长者模式",
        ] {
            let c = line.chars().next().expect("a line");
            assert!(may_open_chrome(c), "{line}");
        }
    }

    #[test]
    fn laws_breadcrumbs_and_database_copies() {
        assert_eq!(
            genre_of_title("中华人民共和国农村公路法"),
            Some(Genre::Regulation)
        );
        assert_eq!(
            genre_of_title("中华人民共和国民法典"),
            Some(Genre::Regulation)
        );
        assert_eq!(
            genre_of_title("最高人民法院关于审理合同纠纷案件适用法律若干问题的解释"),
            Some(Genre::Other)
        );
        assert_eq!(genre_of_title("主要做法"), None);
        assert_eq!(genre_of_title("工作方法"), None);
        for (line, noise) in [
            ("首页 > 政务公开 > 法规文件", true),
            ("当前位置：首页 » 通知公告", true),
            ("发布部门：江川市人民政府", true),
            ("时效性：现行有效", true),
            ("©北大法宝：(www.pkulaw.com)专业提供法律信息", true),
            ("首先要做好准备工作", false),
        ] {
            assert_eq!(noise_kind(line).is_some(), noise, "{line}");
        }
        assert_eq!(
            title_key("中华人民共和国某某法(2023修订)"),
            "中华人民共和国某某法"
        );
        assert_eq!(title_key("关于加强管理的通知"), "关于加强管理的通知");
    }

    #[test]
    fn piece_numbers_issue_lines_and_month_dates() {
        assert_eq!(
            genre_of_title("在全镇安全生产工作会议上的讲话稿　篇1"),
            Some(Genre::Speech)
        );
        assert_eq!(
            genre_of_title("在全镇安全生产工作会议上的讲话稿 篇二"),
            Some(Genre::Speech)
        );
        assert_eq!(genre_of_title("名篇"), None);
        assert_eq!(
            meta_key("发：局党组成员，各股室").map(|(k, _)| k),
            Some(MetaKey::Trailer)
        );
        table(
            is_title_bracket,
            &[
                ("（2023年11月）", false),
                ("（2023—2025年）", true),
                ("（2024年第8期）", false),
                ("（试行）", true),
            ],
        );
    }

    #[test]
    fn bracketed_keys_handling_marks_and_rules() {
        assert_eq!(
            meta_key("【会议时间】2024年3月12日上午9:00"),
            Some((MetaKey::Opening, "【会议时间】".len()))
        );
        assert_eq!(
            meta_key("【记 录 人】王五").map(|(k, _)| k),
            Some(MetaKey::Header)
        );
        assert_eq!(meta_key("【篇二】"), None);
        assert_eq!(
            field_value("【会议时间】2024年3月12日", "【会议时间】".len()),
            "2024年3月12日"
        );
        table(
            is_letterhead_mark,
            &[("内部资料　注意保存", true), ("内部管理要加强", false)],
        );
        table(is_thematic_break, &[("——————", true), ("—1—", false)]);
    }

    #[test]
    fn opinion_titles_name_their_genre_only_as_titles() {
        assert_eq!(
            genre_of_title("关于加快发展养老服务业的意见"),
            Some(Genre::Opinion)
        );
        assert_eq!(genre_of_title("江川市实施意见"), Some(Genre::Opinion));
        assert_eq!(genre_of_title("部门领导意见"), None);
    }
}
