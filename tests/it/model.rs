//! A model of an outline, rendered as text in a random layout, and the shape
//! a careful reader sees in it.
//!
//! Shared by the `structured` fuzz target (`fuzz/fuzz_targets/structured.rs`
//! includes this file with `#[path]`) and the proptest properties in
//! `props.rs`, so both check the same claim: whatever the layout, the parser
//! reads back the outline the text was rendered from.
//!
//! The model is drawn from a stream of choices ([`Choices`]): the fuzzer's
//! bytes through `arbitrary::Unstructured`, or a proptest byte vector
//! through [`ByteChoices`] (which shrinks well: fewer and smaller bytes give
//! fewer, shallower items and the plainest layout).
//!
//! What is modelled is what a careful reader reads one way only:
//!
//! - each document opens with a title that names its genre
//!   (`第三次工作会议上的讲话`), optionally `时间:` `地点:` fields, a
//!   `同志们:` and some plain paragraphs, then numbered items, optionally
//!   a closing `谢谢大家。` and a sender and date;
//! - every child list starts at 1 and counts up, in one family (now and
//!   then a second run of the family restarts at 1 under the same parent;
//!   articles `第N条` under top-level chapters number on across them); the
//!   families along any root-to-leaf path are distinct (a reader nests a
//!   new list starting at 1 in the item before it, and a family already
//!   open closes what is deeper);
//! - an item's own paragraphs (and, under a bare heading such as
//!   `一、会议安排`, its `时间:` `地点:` fields) come right after its line,
//!   before its children: a paragraph after a nested list belongs, to a reader too, to
//!   the last item above it, so the model never puts one there;
//! - `seq` lists have at least two points (a lone `首先` enumerates
//!   nothing); `最后` ends a `seq` list only as its third point or later
//!   (speeches open with `首先,我代表…` and close with `最后,祝…`, so
//!   `首先` then `最后` alone is no run), and only when no `第N,` list
//!   stands between it and the point before (`首先…第一,…第二,…最后` is
//!   read either way);
//! - body text never starts with a marker, a sequence word, `同志们`,
//!   `总之`, `附件` or `谢谢`, has no colon, and ends a sentence.
//!
//! Layout: full/half width markers and punctuation, LF/CRLF/lone CR line
//! ends, indentation with spaces or U+3000, blank lines (holding white
//! space or not) or none, trailing spaces, a BOM, Markdown `#` on titles
//! and items, and web debris (page counters, pagers, download prompts)
//! after any line, which a reader skips.

#![allow(dead_code)]

use crate::numerals::{cn_numeral, full_width_digits};
use std::fmt::Write as _;

use gongwen::Family;

/// A source of choices.
pub trait Choices {
    /// A number in `0..n` (0 when `n` is 0 or the source is exhausted).
    fn below(&mut self, n: u32) -> u32;

    fn flip(&mut self) -> bool {
        self.below(2) == 1
    }

    /// One element of `items` (which must not be empty).
    fn pick<'t, T>(&mut self, items: &'t [T]) -> &'t T {
        let n = u32::try_from(items.len()).unwrap_or(u32::MAX);
        let i = usize::try_from(self.below(n)).unwrap_or(0);
        &items[i.min(items.len() - 1)]
    }
}

/// Choices read from a byte slice, one byte a choice; zeros once it runs out.
pub struct ByteChoices<'b> {
    bytes: &'b [u8],
    pos: usize,
}

impl<'b> ByteChoices<'b> {
    pub fn new(bytes: &'b [u8]) -> Self {
        ByteChoices { bytes, pos: 0 }
    }
}

impl Choices for ByteChoices<'_> {
    fn below(&mut self, n: u32) -> u32 {
        if n <= 1 {
            return 0;
        }
        let b = self.bytes.get(self.pos).copied().unwrap_or(0);
        self.pos += 1;
        u32::from(b) % n
    }
}

/// A whole input: documents and the layout they are written in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Case {
    pub docs: Vec<Doc>,
    pub layout: Layout,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Doc {
    pub title: String,
    /// `时间:` `地点:` ... lines under the title.
    pub meta: Vec<String>,
    pub salutation: bool,
    pub intro: Vec<String>,
    pub items: Vec<Item>,
    pub closing: bool,
    /// Sender and date at the end.
    pub signoff: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    pub family: Family,
    pub ordinal: u32,
    /// Which written form of the marker (full or half width, tail ...).
    pub form: u8,
    /// The seq word `最后` instead of the ordinal's own word.
    pub last_word: bool,
    pub heading: String,
    pub body: Vec<String>,
    pub children: Vec<Item>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Layout {
    pub bom: bool,
    /// Line ends, cycled line by line.
    pub eols: Vec<Eol>,
    /// Indentation, cycled line by line.
    pub indents: Vec<Indent>,
    /// Blank lines after each line, cycled.
    pub blanks: Vec<Blank>,
    /// Trailing white space after a line's text, cycled.
    pub trailing: Vec<bool>,
    /// `,` `:` `(` in full width (`，` `：` `（`).
    pub full_width_punct: bool,
    /// `#` before titles (0 for none).
    pub title_hashes: u8,
    /// `#` before items by their depth.
    pub item_hashes: bool,
    /// Markdown emphasis around marker and heading (`**一、总体要求**`).
    pub item_bold: bool,
    /// Web debris after a line (an index into `DEBRIS`, 0 for none), cycled.
    pub debris: Vec<u8>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Eol {
    Lf,
    CrLf,
    Cr,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Indent {
    None,
    Spaces,
    Ideographic,
    Tab,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Blank {
    None,
    One,
    Two,
    /// A line holding only white space.
    Spaces,
}

/// The outline a reader sees: per document, each item's depth (1 at top
/// level), family and ordinal, in text order.
pub type Shape = Vec<Vec<(usize, Family, u32)>>;

const TITLE_TOPICS: &[&str] = &[
    "群众工作",
    "安全生产",
    "乡村振兴",
    "党风廉政建设",
    "防汛抗旱",
    "招商引资",
    "民生实事",
];

const HEADINGS: &[&str] = &[
    "总体要求",
    "指导思想",
    "加强组织领导",
    "明确工作责任",
    "强化督促检查",
    "狠抓工作落实",
    "完善体制机制",
    "提高服务水平",
    "深化改革创新",
    "营造良好氛围",
    "统一思想认识",
    "突出工作重点",
];

const TAILS: &[&str] = &[
    "",
    "各单位要高度重视",
    "切实把工作抓紧抓实抓好",
    "确保各项任务落到实处",
];

/// Plain paragraphs: no marker, sequence word, salutation, meta key, date,
/// closing or debris can be read in them. `,` is widened by the layout.
const BODY: &[&str] = &[
    "各单位要高度重视,切实加强组织领导,确保各项工作落到实处。",
    "这次会议的主要任务是,总结工作,分析形势,部署任务。",
    "全县上下要进一步统一思想,提高认识,狠抓落实。",
    "要坚持问题导向,聚焦薄弱环节,补齐短板弱项。",
    "会后,各部门要认真传达会议精神,结合实际抓好贯彻。",
    "今年以来,在县委县政府的正确领导下,各项工作取得了明显成效。",
];

/// Header fields of a meeting's record.
const META: &[&str] = &[
    "时间:2023年3月1日上午",
    "地点:县政府三楼会议室",
    "参加人员:各乡镇负责同志",
    "主持人:县长",
];

/// Web debris a scraper leaves between lines; a reader skips it.
const DEBRIS: &[&str] = &[
    "",
    "2",
    "- 3 -",
    "页,当前第。",
    "将本文的word文档下载到电脑,方便收藏和打印",
    "推荐度:",
];

/// Families of the pattern. Weighted towards the GB/T structure numbers,
/// which real documents use most.
const FAMILIES: &[Family] = &[
    Family::CnDun,
    Family::CnDun,
    Family::CnParen,
    Family::CnParen,
    Family::ArDot,
    Family::ArDot,
    Family::ArDun,
    Family::ArParen,
    Family::ArCircle,
    Family::Di,
    Family::CnShi,
    Family::CnYao,
    Family::Seq,
    Family::DiZhang,
    Family::DiJie,
    Family::DiTiao,
];

/// Most items a case holds, so one case stays quick to parse.
const MAX_ITEMS: usize = 120;

impl Case {
    /// Draws a case from `c`.
    pub fn generate(c: &mut impl Choices) -> Case {
        let layout = Layout::generate(c);
        let n_docs = 1 + c.below(3) as usize;
        let mut budget = MAX_ITEMS;
        let docs = (0..n_docs).map(|_| Doc::generate(c, &mut budget)).collect();
        Case { docs, layout }
    }

    /// The outline a careful reader sees in the rendered text.
    pub fn expected(&self) -> Shape {
        fn walk(items: &[Item], depth: usize, out: &mut Vec<(usize, Family, u32)>) {
            for item in items {
                out.push((depth, item.family, item.ordinal));
                walk(&item.children, depth + 1, out);
            }
        }
        self.docs
            .iter()
            .map(|d| {
                let mut out = Vec::new();
                walk(&d.items, 1, &mut out);
                out
            })
            .collect()
    }

    /// The text, in the case's layout.
    pub fn render(&self) -> String {
        let mut r = Renderer {
            layout: &self.layout,
            out: String::new(),
            line: 0,
        };
        if self.layout.bom {
            r.out.push('\u{feff}');
        }
        for doc in &self.docs {
            let hashes = "#".repeat(usize::from(self.layout.title_hashes));
            let sep = if hashes.is_empty() { "" } else { " " };
            r.line(&format!("{hashes}{sep}{}", doc.title));
            for m in &doc.meta {
                r.line(&r.punct(m));
            }
            if doc.salutation {
                r.line(&r.punct("同志们:"));
            }
            for p in &doc.intro {
                r.line(&r.punct(p));
            }
            for item in &doc.items {
                r.item(item, 1);
            }
            if doc.closing {
                r.line("谢谢大家。");
            }
            if doc.signoff {
                r.line("某某县人民政府");
                r.line("2023年3月14日");
            }
        }
        r.out
    }
}

impl Layout {
    fn generate(c: &mut impl Choices) -> Layout {
        let bom = c.below(8) == 7;
        let mut cycle = |n: u32| -> Vec<u32> {
            let len = 1 + c.below(4);
            (0..len).map(|_| c.below(n)).collect()
        };
        let eols = cycle(3)
            .into_iter()
            .map(|k| [Eol::Lf, Eol::CrLf, Eol::Cr][k as usize % 3])
            .collect();
        let indents = cycle(4)
            .into_iter()
            .map(|k| {
                [
                    Indent::None,
                    Indent::Ideographic,
                    Indent::Spaces,
                    Indent::Tab,
                ][k as usize % 4]
            })
            .collect();
        let blanks = cycle(4)
            .into_iter()
            .map(|k| [Blank::None, Blank::One, Blank::Two, Blank::Spaces][k as usize % 4])
            .collect();
        let trailing = cycle(4).into_iter().map(|k| k == 3).collect();
        // Drawn in this order, as before `item_bold` came: saved inputs keep
        // their meaning.
        let full_width_punct = c.flip();
        let title_hashes = [0, 0, 1, 2][c.below(4) as usize];
        let item_marks = c.below(4);
        Layout {
            bom,
            eols,
            indents,
            blanks,
            trailing,
            full_width_punct,
            title_hashes,
            item_hashes: item_marks == 3,
            item_bold: item_marks == 2,
            debris: {
                let len = 1 + c.below(8);
                (0..len)
                    .map(|_| match c.below(12) {
                        k @ 1..=5 => k as u8,
                        _ => 0,
                    })
                    .collect()
            },
        }
    }
}

impl Doc {
    fn generate(c: &mut impl Choices, budget: &mut usize) -> Doc {
        let topic = *c.pick(TITLE_TOPICS);
        let title = match c.below(5) {
            0 => format!("第{}次{topic}会议上的讲话", cn_numeral(1 + c.below(12))),
            1 => format!("关于做好{topic}工作的通知"),
            2 => format!("{topic}工作实施方案"),
            3 => format!("{topic}工作会议纪要"),
            _ => format!("在全县{topic}工作会议上的讲话"),
        };
        let meta = (0..[0, 0, 2, 4][c.below(4) as usize])
            .map(|k| META[k].to_owned())
            .collect();
        let salutation = c.below(3) == 0;
        let intro = (0..c.below(3)).map(|_| c.pick(BODY).to_string()).collect();
        let mut items = Vec::new();
        if *budget > 0 {
            items = list(c, &[], 0, budget, &mut 0);
        }
        let closing = c.below(3) == 0;
        let signoff = c.below(4) == 0;
        let mut doc = Doc {
            title,
            meta,
            salutation,
            intro,
            items,
            closing,
            signoff,
        };
        if doc.items.is_empty() && doc.intro.is_empty() && !doc.closing {
            // A title alone would read as the first line of the next title.
            doc.intro.push(BODY[0].to_owned());
        }
        doc
    }
}

/// A child list under the families `path` (outermost first), at `depth`
/// (0 for a document's top level). `articles` is the last article number
/// (`第N条`) of the document so far: in a regulation, articles number on
/// across chapters and sections.
fn list(
    c: &mut impl Choices,
    path: &[Family],
    depth: usize,
    budget: &mut usize,
    articles: &mut u32,
) -> Vec<Item> {
    let allowed: Vec<Family> = FAMILIES
        .iter()
        .copied()
        .filter(|f| !path.contains(f))
        .collect();
    if allowed.is_empty() || *budget == 0 {
        return Vec::new();
    }
    let family = *c.pick(&allowed);
    // Mostly short lists, now and then a long one.
    let mut len = 1 + match c.below(8) {
        7 => c.below(30),
        _ => c.below(5),
    } as usize;
    if family == Family::Seq {
        len = len.max(2);
    }
    if family == Family::ArCircle {
        len = len.min(50);
    }
    len = len.min(*budget).max(usize::from(family == Family::Seq) + 1);
    if family == Family::Seq && *budget < 2 {
        return Vec::new();
    }
    // Articles under top-level chapters or sections go on from the last
    // article; other lists start at 1.
    let numbered_on = family == Family::DiTiao
        && matches!(
            path,
            [Family::DiZhang] | [Family::DiJie] | [Family::DiZhang, Family::DiJie]
        );
    let first = if numbered_on { *articles } else { 0 };
    // Now and then a second run restarts at 1 under the same parent (adult
    // items 1-3, then child items 1-5): two sibling runs at one depth.
    let restart = (family != Family::Seq && !numbered_on && len >= 2 && c.below(8) == 7)
        .then(|| 1 + c.below(len as u32 - 1) as usize);
    let mut path = path.to_vec();
    path.push(family);
    let form = c.below(8) as u8;
    let mut items: Vec<Item> = Vec::with_capacity(len);
    for k in 1..=len {
        *budget = budget.saturating_sub(1);
        let run_k = match restart {
            Some(r) if k > r => k - r,
            _ => k,
        };
        let ordinal = first + u32::try_from(run_k).unwrap_or(u32::MAX);
        if numbered_on {
            *articles = ordinal;
        }
        let heading = format!(
            "{}{}",
            c.pick(HEADINGS),
            match c.below(3) {
                0 => String::new(),
                1 => "。".to_owned(),
                _ => format!("。{}。", c.pick(&TAILS[1..])),
            }
        );
        let mut body: Vec<String> = Vec::new();
        if !heading.contains('。') && c.below(5) == 4 {
            // A bare heading (`一、会议安排`) over the fields it announces.
            body.extend(META[..2].iter().map(|m| (*m).to_owned()));
        }
        body.extend((0..[0, 0, 1, 2][c.below(4) as usize]).map(|_| c.pick(BODY).to_string()));
        // Deeper lists get rarer; the budget bounds the whole case.
        let children = if *budget > 0 && depth < 12 && (1..=2).contains(&c.below(3 + depth as u32))
        {
            list(c, &path, depth + 1, budget, articles)
        } else {
            Vec::new()
        };
        let prev_has_di = items.last().is_some_and(|p| contains_family(p, Family::Di));
        let last_word = family == Family::Seq && k == len && k >= 3 && !prev_has_di && c.flip();
        items.push(Item {
            family,
            ordinal,
            form: if c.below(6) == 0 {
                c.below(8) as u8
            } else {
                form
            },
            last_word,
            heading,
            body,
            children,
        });
    }
    items
}

fn contains_family(item: &Item, f: Family) -> bool {
    item.family == f || item.children.iter().any(|c| contains_family(c, f))
}

/// The marker of `item` in its written form.
pub fn marker(item: &Item) -> String {
    let n = item.ordinal;
    let form = item.form;
    let cn = cn_numeral(n);
    let ar = n.to_string();
    let offset = |base: u32, from: u32, to: u32| {
        (from..=to)
            .contains(&n)
            .then(|| char::from_u32(base + n - from))
            .flatten()
    };
    match item.family {
        Family::CnDun => match form % 4 {
            3 => format!("{cn}．"),
            _ => format!("{cn}、"),
        },
        Family::CnParen => match (form % 4, offset(0x3220, 1, 10)) {
            (0, Some(c)) => c.to_string(),
            (1 | 3, _) => format!("({cn})"),
            _ => format!("（{cn}）"),
        },
        Family::ArDot => match (form % 4, offset(0x2488, 1, 20)) {
            (0, Some(c)) => c.to_string(),
            (1, _) => format!("{}．", full_width_digits(n)),
            (2, _) => format!("{ar}．"),
            _ => format!("{ar}."),
        },
        Family::ArDun => match form % 2 {
            0 => format!("{}、", full_width_digits(n)),
            _ => format!("{ar}、"),
        },
        Family::ArParen => match (form % 4, offset(0x2474, 1, 20)) {
            (0, Some(c)) => c.to_string(),
            (1, _) => format!("({ar})"),
            (2, _) => format!("（{}）", full_width_digits(n)),
            _ => format!("（{ar}）"),
        },
        Family::ArCircle => {
            let c = match form % 2 {
                0 => offset(0x2776, 1, 10).or_else(|| offset(0x24EB, 11, 20)),
                _ => None,
            }
            .or_else(|| offset(0x2460, 1, 20))
            .or_else(|| offset(0x3251, 21, 35))
            .or_else(|| offset(0x32B1, 36, 50))
            .unwrap_or('①');
            match form % 3 {
                2 => format!("{c}、"),
                _ => c.to_string(),
            }
        }
        Family::Di => {
            let num = if form % 5 == 4 { ar } else { cn };
            let tail = ["，", ",", "、", "：", "是", ":"][usize::from(form % 6)];
            format!("第{num}{tail}")
        }
        Family::CnShi => format!("{cn}是"),
        Family::CnYao => format!("{cn}要"),
        Family::Seq => {
            let tail = ["，", ",", "", "是", "：", "、"][usize::from(form % 6)];
            let word = if item.last_word {
                "最后".to_owned()
            } else if form % 4 == 3 {
                // 其一, 其二, 其三 ...
                format!("其{cn}")
            } else {
                match n {
                    1 => "首先".to_owned(),
                    2 => "其次".to_owned(),
                    3 => "再次".to_owned(),
                    _ => format!("其{cn}"),
                }
            };
            format!("{word}{tail}")
        }
        Family::DiZhang | Family::DiJie | Family::DiTiao => {
            let unit = match item.family {
                Family::DiZhang => "章",
                Family::DiJie => "节",
                _ => "条",
            };
            let num = if form % 5 == 4 { ar } else { cn };
            let gap = [" ", "\u{3000}", ""][usize::from(form % 3)];
            format!("第{num}{unit}{gap}")
        }
        _ => String::new(),
    }
}

struct Renderer<'l> {
    layout: &'l Layout,
    out: String,
    line: usize,
}

fn cycled<T: Copy>(v: &[T], i: usize, default: T) -> T {
    if v.is_empty() {
        default
    } else {
        v[i % v.len()]
    }
}

impl Renderer<'_> {
    fn punct(&self, s: &str) -> String {
        if self.layout.full_width_punct {
            s.replace(',', "，").replace(':', "：")
        } else {
            s.to_owned()
        }
    }

    fn eol(&self, i: usize) -> &'static str {
        match cycled(&self.layout.eols, i, Eol::Lf) {
            Eol::Lf => "\n",
            Eol::CrLf => "\r\n",
            Eol::Cr => "\r",
        }
    }

    fn line(&mut self, text: &str) {
        let i = self.line;
        self.line += 1;
        let indent = match cycled(&self.layout.indents, i, Indent::None) {
            Indent::None => "",
            Indent::Spaces => "    ",
            Indent::Ideographic => "\u{3000}\u{3000}",
            Indent::Tab => "\t",
        };
        let trailing = if cycled(&self.layout.trailing, i, false) {
            " \u{3000}"
        } else {
            ""
        };
        let eol = self.eol(i);
        let _ = write!(self.out, "{indent}{text}{trailing}{eol}");
        let debris = usize::from(cycled(&self.layout.debris, i, 0));
        if let Some(d) = DEBRIS.get(debris).filter(|d| !d.is_empty()) {
            let _ = write!(self.out, "{}{eol}", self.punct(d));
        }
        match cycled(&self.layout.blanks, i, Blank::None) {
            Blank::None => {}
            Blank::One => self.out.push_str(eol),
            Blank::Two => {
                self.out.push_str(eol);
                self.out.push_str(eol);
            }
            Blank::Spaces => {
                self.out.push_str("\u{3000} ");
                self.out.push_str(eol);
            }
        }
    }

    fn item(&mut self, item: &Item, depth: usize) {
        let hashes = if self.layout.item_hashes {
            format!("{} ", "#".repeat((depth + 1).min(6)))
        } else {
            String::new()
        };
        let head = format!("{}{}", marker(item), self.punct(&item.heading));
        let text = if self.layout.item_bold {
            format!("{hashes}**{head}**")
        } else {
            format!("{hashes}{head}")
        };
        self.line(&text);
        for p in &item.body {
            self.line(&self.punct(p));
        }
        for child in &item.children {
            self.item(child, depth + 1);
        }
    }
}

/// The outline the parser read: per document, each item's depth, family
/// and ordinal.
pub fn parsed_shape(doc: &gongwen::Compilation<'_>) -> Shape {
    doc.documents()
        .map(|d| {
            d.all_items()
                .map(|(depth, i)| (depth, i.marker.family, i.marker.ordinal))
                .collect()
        })
        .collect()
}

/// Parses the rendered `case` and compares; on a difference, returns a
/// report with a ready-to-paste reproduction.
pub fn check(case: &Case) -> Result<(), String> {
    let text = case.render();
    let doc = gongwen::parse_document(&text).map_err(|e| format!("parse failed: {e}"))?;
    if let Err(v) = doc.validate() {
        return Err(format!(
            "{v}\n{}",
            repro(&text, &case.expected(), &parsed_shape(&doc))
        ));
    }
    if doc.rebuild() != text {
        return Err(format!("rebuild differs\n{}", repro(&text, &[], &[])));
    }
    let expected = case.expected();
    let actual = parsed_shape(&doc);
    if expected != actual {
        return Err(repro(&text, &expected, &actual));
    }
    Ok(())
}

/// A reproduction to paste into a test: the text as a Rust string literal
/// and the shapes, with the first difference marked.
pub fn repro(
    text: &str,
    expected: &[Vec<(usize, Family, u32)>],
    actual: &[Vec<(usize, Family, u32)>],
) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "let text = {text:?};");
    let fmt = |shape: &[Vec<(usize, Family, u32)>]| {
        shape
            .iter()
            .enumerate()
            .map(|(d, items)| {
                let rows: Vec<String> = items
                    .iter()
                    .map(|(depth, f, n)| format!("{}{} {n}", "  ".repeat(*depth), f.name()))
                    .collect();
                format!("document {}:\n{}", d + 1, rows.join("\n"))
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    let _ = writeln!(
        out,
        "expected ({} documents):\n{}",
        expected.len(),
        fmt(expected)
    );
    let _ = writeln!(out, "actual ({} documents):\n{}", actual.len(), fmt(actual));
    let first_diff = expected
        .iter()
        .flatten()
        .zip(actual.iter().flatten())
        .position(|(a, b)| a != b);
    if let Some(i) = first_diff {
        let _ = writeln!(out, "first difference at item {}", i + 1);
    }
    out
}

#[test]
fn numerals_are_written_as_markers_write_them() {
    for (n, want) in [
        (1, "一"),
        (10, "十"),
        (11, "十一"),
        (20, "二十"),
        (100, "一百"),
        (105, "一百零五"),
        (110, "一百一十"),
        (999, "九百九十九"),
    ] {
        assert_eq!(cn_numeral(n), want);
    }
    assert_eq!(full_width_digits(12), "１２");
    assert_eq!(
        (
            crate::numerals::circled(1),
            crate::numerals::circled(21),
            crate::numerals::circled(50)
        ),
        ('①', '㉑', '㊿')
    );
}
