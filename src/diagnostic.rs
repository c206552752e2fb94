//! Diagnostics: irregularities the parser read through.
//!
//! The numbering of every parsed tree is checked against GB/T 9704-2012's
//! structure numbers (`一、` → `（一）` → `1.` → `（1）`) and plain sequence
//! sense, and each document's frame against the rules of GB/T 9704-2012
//! for the 发文字号, the 成文日期 and the 附件说明, and the rule that a
//! title ends without punctuation; each finding is a [`Diagnostic`] with a
//! stable [`Code`].

use serde::{Deserialize, Serialize};

use crate::span::Span;

/// How much a diagnostic matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Severity {
    /// Worth knowing; the text is still sound.
    Info,
    /// The numbering or the frame breaks a rule a careful author keeps.
    Warning,
    /// The numbering is wrong.
    Error,
}

crate::names::named!(
    Severity,
    "severity",
    [Info = "info", Warning = "warning", Error = "error"]
);

/// A stable code for each kind of diagnostic; its name never changes.
///
/// | code | severity | what |
/// |---|---|---|
/// | `numbering-gap` | warning | a number skipped: `一、` then `三、` |
/// | `numbering-repeat` | error | the same number twice: `二、` then `二、` |
/// | `numbering-backwards` | error | a number lower than the one before (not 1) |
/// | `numbering-restart` | info | a list starting again at 1 under the same parent, with no section line between |
/// | `lost-siblings` | warning | an item whose earlier siblings are missing (not numbered on from the parent's earlier sibling, not inline just before) |
/// | `level-skip` | warning | a GB/T level skipped: `一、` straight to `1.` |
/// | `mixed-width` | warning | full- and half-width markers in one list: `（一）` and `(二)` |
/// | `mixed-style` | warning | `1.` and `1、` in one list |
/// | `empty-heading` | warning | a marker with no heading text after it |
/// | `doc-number-bracket` | warning | a 发文字号 whose year is not in `〔〕`: `国办发[2018]12号` |
/// | `doc-number-di` | warning | `第` before a 发文字号's serial number: `国办发〔2018〕第12号` |
/// | `doc-number-leading-zero` | warning | a 发文字号's serial number with a leading zero: `〔2018〕012号` |
/// | `date-not-arabic` | warning | a 成文日期 not in Arabic numerals with 年月日: `2009.6.3`, `二〇二三年十二月七日` |
/// | `date-leading-zero` | warning | a 成文日期 with a leading zero in its month or day: `2018年01月07日` |
/// | `title-punctuation` | warning | a title that ends in punctuation: `关于…的通知。` |
/// | `attachment-unlisted` | warning | an attachment cited in the body (`（见附件2）`) that no 附件说明 lists |
/// | `attachment-numbering` | warning | a 附件说明 whose numbers do not run 1, 2, 3: `1．` `2．` `4．` |
///
/// Where a frame rule comes from (the numbering codes follow GB/T
/// 9704-2012 7.3.3):
///
/// | code | rule |
/// |---|---|
/// | `doc-number-*` | GB/T 9704-2012 7.2.5: 年份…用六角括号“〔〕”括入；发文顺序号不加“第”字，不编虚位 |
/// | `date-*` | GB/T 9704-2012 7.3.5.4: 用阿拉伯数字将年、月、日标全…月、日不编虚位 |
/// | `title-punctuation` | 国家行政机关公文处理办法 (2000) 第十条: 标题中除法规、规章名称加书名号外，一般不用标点符号 |
/// | `attachment-*` | GB/T 9704-2012 7.3.4: 如有附件…“附件”二字，后标全角冒号和附件名称；多个附件使用阿拉伯数字标注附件顺序号 |
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Code {
    /// A number was skipped: `一、` then `三、`.
    NumberingGap,
    /// A number came again: `二、` then `二、`.
    NumberingRepeat,
    /// A number went back (to anything but 1): `三、` then `二、`.
    NumberingBackwards,
    /// A list started again at 1 under the same parent. A list after an
    /// unnumbered section line (`### 议题二`, a short line with no
    /// punctuation) is a new list, not a restart.
    NumberingRestart,
    /// An item whose earlier siblings are missing (`三、` with no `一、` `二、`).
    ///
    /// Not raised for a list that numbers on from the one under the
    /// parent's earlier sibling (`（五）` first under `二、` after
    /// `（一）`–`（四）` under `一、`, as State Council 规定 number their
    /// points), nor when the first siblings stand inline just before
    /// (`会议要求：一是加强领导。` then `二是…` opening the next line).
    LostSiblings,
    /// A GB/T 9704 level skipped: `一、` with `1.` directly under it.
    LevelSkip,
    /// Full-width and half-width markers mixed in one list.
    MixedWidth,
    /// `1.` and `1、` mixed in one list.
    MixedStyle,
    /// A marker with no heading text after it.
    EmptyHeading,
    /// A 发文字号 whose year is not in hexagonal brackets `〔〕`:
    /// `国办发[2018]12号`, `国办发（2018）12号`, the look-alike `﹝2018﹞`.
    DocNumberBracket,
    /// `第` before a 发文字号's serial number: `国办发〔2018〕第12号`.
    DocNumberDi,
    /// A 发文字号's serial number with a leading zero: `国办发〔2018〕012号`.
    DocNumberLeadingZero,
    /// A 成文日期 not written `2018年12月7日`: dotted (`2009.6.3`), or in
    /// Chinese numerals (`二〇二三年十二月七日`) on a document dated after
    /// GB/T 9704-2012 came into force (2012-07-01; the 1999 edition asked
    /// for Chinese numerals).
    DateNotArabic,
    /// A 成文日期 whose month or day has a leading zero: `2018年01月07日`.
    DateLeadingZero,
    /// A title that ends in punctuation: `关于…的通知。`.
    TitlePunctuation,
    /// An attachment cited in the body (`（见附件2）`, `详见附件`) when the
    /// document has no 附件说明, or one that does not list that number.
    AttachmentUnlisted,
    /// A 附件说明 whose numbers do not run 1, 2, 3…: `1．` `2．` `4．`.
    AttachmentNumbering,
}

impl Code {
    /// Every code.
    pub const ALL: [Code; 17] = [
        Code::NumberingGap,
        Code::NumberingRepeat,
        Code::NumberingBackwards,
        Code::NumberingRestart,
        Code::LostSiblings,
        Code::LevelSkip,
        Code::MixedWidth,
        Code::MixedStyle,
        Code::EmptyHeading,
        Code::DocNumberBracket,
        Code::DocNumberDi,
        Code::DocNumberLeadingZero,
        Code::DateNotArabic,
        Code::DateLeadingZero,
        Code::TitlePunctuation,
        Code::AttachmentUnlisted,
        Code::AttachmentNumbering,
    ];

    /// True for the codes about outline numbering, whose span is always an
    /// item's marker; the others are about the document's frame (a
    /// document number, a date, a title, an attachment citation or number).
    pub const fn is_numbering(self) -> bool {
        matches!(
            self,
            Code::NumberingGap
                | Code::NumberingRepeat
                | Code::NumberingBackwards
                | Code::NumberingRestart
                | Code::LostSiblings
                | Code::LevelSkip
                | Code::MixedWidth
                | Code::MixedStyle
                | Code::EmptyHeading
        )
    }

    /// The severity this code always has.
    pub const fn severity(self) -> Severity {
        match self {
            Code::NumberingRepeat | Code::NumberingBackwards => Severity::Error,
            Code::NumberingRestart => Severity::Info,
            _ => Severity::Warning,
        }
    }
}

crate::names::named!(
    Code,
    "diagnostic code",
    [
        NumberingGap = "numbering-gap",
        NumberingRepeat = "numbering-repeat",
        NumberingBackwards = "numbering-backwards",
        NumberingRestart = "numbering-restart",
        LostSiblings = "lost-siblings",
        LevelSkip = "level-skip",
        MixedWidth = "mixed-width",
        MixedStyle = "mixed-style",
        EmptyHeading = "empty-heading",
        DocNumberBracket = "doc-number-bracket",
        DocNumberDi = "doc-number-di",
        DocNumberLeadingZero = "doc-number-leading-zero",
        DateNotArabic = "date-not-arabic",
        DateLeadingZero = "date-leading-zero",
        TitlePunctuation = "title-punctuation",
        AttachmentUnlisted = "attachment-unlisted",
        AttachmentNumbering = "attachment-numbering",
    ]
);

/// Something the parser noticed in the numbering or the frame.
///
/// `Display` prints `LINE:COL: severity[code]: message`; prefix it with a
/// file name for compiler-style output.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Diagnostic {
    /// Stable code.
    pub code: Code,
    /// How much it matters (always `code.severity()`).
    pub severity: Severity,
    /// What it is about: an item's marker for the numbering codes (see
    /// [`Code::is_numbering`]); for the frame codes the bytes at fault
    /// (`[2018]`, `第`, `012`, the date, the title's last character, the
    /// cited `附件2`, an attachment's number).
    pub span: Span,
    /// 1-based line of `span.start`.
    pub line: usize,
    /// 1-based column of `span.start`, in characters.
    pub column: usize,
    /// A sentence for humans.
    pub message: String,
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}: {}[{}]: {}",
            self.line,
            self.column,
            self.severity.name(),
            self.code,
            self.message
        )
    }
}
