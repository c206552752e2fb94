//! # gongwen
//!
//! Reads the outline of Chinese official documents (公文: 讲话, 报告, 通知,
//! 纪要, 方案, 条例) from plain text, the way a careful reader does, into a
//! typed, lossless tree.
//!
//! ```
//! let text = "关于加强安全生产工作的通知\n\n各乡镇:\n\n一、总体要求\n（一）压实责任。各单位要……\n（二）强化检查。\n二、工作安排\n1.动员部署。\n";
//! let doc = gongwen::parse_document(text)?;
//! let notice = doc.documents().next().expect("one document");
//! assert_eq!(notice.genre, gongwen::Genre::Notice);
//! assert_eq!(notice.title().as_deref(), Some("关于加强安全生产工作的通知"));
//!
//! let top: Vec<_> = notice.items().map(|i| i.heading.as_ref()).collect();
//! assert_eq!(top, ["总体要求", "工作安排"]);
//! let first = notice.items().next().expect("an item");
//! assert_eq!(first.items().count(), 2);               // (一) (二) nest under 一、
//! assert_eq!(first.marker.family, gongwen::Family::CnDun);
//! assert_eq!(&text[first.marker.span.range()], "一、");
//! assert_eq!(doc.rebuild(), text);                     // lossless
//! # Ok::<(), gongwen::ParseError>(())
//! ```
//!
//! ## What is recognised
//!
//! | family | forms | rank |
//! |---|---|---|
//! | `di-zhang` `di-jie` `di-tiao` | `第一章` `第一节` `第一条` | chapters, sections, articles |
//! | `cn-dun` | `一、` `十二、` | GB/T 9704 level 1 |
//! | `cn-paren` | `(一)` `（一）` `㈠` `一）` | level 2 |
//! | `ar-dot`, `ar-dun` | `1.` `１．` `⒈`, `1、` | level 3 |
//! | `ar-paren` | `(1)` `（1）` `⑴` `1）` | level 4 |
//! | `ar-circle` | `①` `❶` | level 5 |
//! | `di` | `第一,` `第二、` `第三:` `第四是` `第一部分` | enumeration, parts of a report |
//! | `cn-shi`, `cn-yao` | `一是`, `一要` | enumeration |
//! | `seq` | `首先` `其次` `再次` `最后` `其三是` | enumeration, in context |
//!
//! Chinese numerals up to 九百九十九 are read with checked arithmetic. No
//! family has a fixed level: items nest as ANNOTATION.md's rules say (a
//! continuing sequence stays a sibling, a new list at 1 nests, a family open
//! further up closes the deeper items, a sequence continued in another
//! family stays a sibling, a lone survivor of lost siblings goes to its
//! family's usual depth). Paragraphs that speak to the whole document
//! (`总之`, `特此通知。`, `妥否，请批示。`) close the open items, and an
//! attachment list (`附件:1．…` then `2．…`) is body, not items.
//!
//! Besides items the tree has each document's title, salutation
//! (`同志们:`, an addressee), meta fields (`时间:` `地点:`, letterhead and
//! 版记 lines, 附注), paragraphs, closing (`谢谢大家`), signoff, the
//! compilation's front matter, and as noise what is not the author's text
//! (page counters, download prompts, editors' blurbs, web chrome,
//! converters' front matter, licence notices, republishers' notes).
//!
//! ## The frame
//!
//! Pass 2 reads each line by what it looks like and by where it stands in
//! GB/T 9704-2012's order of a document's elements (版头 → 标题 → 主送 →
//! 正文 → 附件说明 → 署名 → 日期 → 附注 → 附件 → 版记): the open document
//! carries one phase, so a short line under a title is the title's next
//! line, a date after the body is the signoff, a bracketed note after it is
//! 附注, and chrome before the first title lies outside every document.
//! Each [`Document`] then carries its typed [`Frame`], read from those lines:
//!
//! ```
//! let text = "江川市人民政府文件\n江政发〔2023〕15号\n关于加强安全生产工作的通知\n各区县人民政府，市政府各部门：\n一、总体要求\n附件：1．检查表\n2．台账\n江川市人民政府\n二〇二三年十二月八日\n（此件公开发布）\n抄送：市委办公室，市人大常委会办公厅。\n江川市人民政府办公室  2023年12月8日印发\n";
//! let doc = gongwen::parse_document(text)?;
//! let notice = doc.documents().next().expect("one document");
//! let frame = &notice.frame;
//! assert_eq!(frame.number.as_ref().map(|n| n.text.as_ref()), Some("江政发〔2023〕15号"));
//! assert_eq!(frame.addressees.len(), 2);
//! assert_eq!(frame.date.map(|d| d.date.to_string()).as_deref(), Some("2023-12-08"));
//! assert_eq!(frame.attachments.iter().map(|a| a.ordinal).collect::<Vec<_>>(), [1, 2]);
//! assert_eq!(frame.cc.len(), 2);
//! assert_eq!(frame.printed_by.as_ref().map(|p| p.text.as_ref()), Some("江川市人民政府办公室"));
//! assert_eq!(notice.items().count(), 1);
//! # Ok::<(), gongwen::ParseError>(())
//! ```
//!
//! [`Date`] and [`DocNumber`] read a date line or a document number on
//! their own (`"二〇一八年十二月七日".parse::<gongwen::Date>()`).
//!
//! ## Text extracted from PDF
//!
//! Hard-wrapped text (a PDF extraction, e-mail) is read as its logical
//! lines: the width it was broken at, its paragraph indentation and how it
//! sets page numbers apart are read from the text, and a line that fills
//! the width without ending a sentence goes on over the next one (never
//! across a marker that opens an item or a blank line that ends a
//! paragraph). A paragraph or an item's line broken that way is one node
//! whose text is its pieces joined; its [`Reflow`] lists the pieces and
//! the page numbers a page break put between them (noise nodes inside it).
//! Spaces an extractor puts next to digits (`第 1 条`, `2019 年`,
//! `860 号`) break no marker, date or document number.
//!
//! ```
//! // Paragraphs broken at 20 characters, one with a page number in it,
//! // as `pdftotext` gives a page of a notice.
//! let text = "关于加强安全生产工作的通知\n一、总体要求\n各单位要坚持安全第一、预防为主，全面落实安\n—1—\n全生产责任，切实防范遏制各类事故发生，确保\n人民群众生命财产安全和社会大局持续稳定。\n二、工作安排\n各单位要于本月底前完成自查，并将自查报告报\n送市应急管理局，市应急管理局将适时组织抽\n查，对工作不力的单位予以通报批评，确保各项\n措施落实到位，取得实效，推动工作落实落细。\n";
//! let doc = gongwen::parse_document(text)?;
//! let notice = doc.documents().next().expect("one document");
//! let first = notice.items().next().expect("an item");
//! let gongwen::Node::Paragraph(p) = &first.children[0] else { unreachable!() };
//! assert_eq!(p.text, "各单位要坚持安全第一、预防为主，全面落实安全生产责任，切实防范遏制各类事故发生，确保人民群众生命财产安全和社会大局持续稳定。");
//! let reflow = p.reflow.as_ref().expect("joined from three pieces");
//! assert_eq!(reflow.pieces.len(), 3);
//! assert_eq!(reflow.furniture[0].text(), Some("—1—"));
//! assert_eq!(doc.rebuild(), text);                     // still lossless
//! # Ok::<(), gongwen::ParseError>(())
//! ```
//!
//! Layout does not matter: half- and full-width forms, LF, CRLF or lone CR,
//! a UTF-8 BOM, indentation with spaces or U+3000, Markdown `#` prefixes
//! and `**` or `__` emphasis around an item line (`**一、总体要求**`), blank
//! lines or none between paragraphs. Only the marker is normalised
//! (NFKC); the input is never copied.
//!
//! ## Spans
//!
//! Every node carries a [`Span`] of byte offsets into the original input,
//! end exclusive, on `char` boundaries. Leaves and an item's own line own
//! their bytes (a joined paragraph or line its [`Reflow::pieces`]); the
//! rest (line breaks, blank lines, indentation, BOM, Markdown prefixes and
//! emphasis) is listed in [`Compilation::gaps`].
//! Together they cover the input exactly once, so [`Compilation::rebuild`]
//! gives it back. Debug builds check this, and that children lie inside
//! parents and siblings are ordered, after every parse
//! ([`Compilation::validate`]). [`Compilation::line_col`] turns an offset
//! into a 1-based line and column (columns in characters; an offset past
//! the end is an error), and [`LineIndex`] does the same for any text.
//!
//! ## A tree on its own
//!
//! A tree keeps the text it was parsed from. [`Compilation::into_owned`]
//! gives a tree that owns its text and every node's text, to return from
//! the function that read the file or to cache; [`Compilation::from_json`]
//! reads the JSON back together with its text and gives a tree equal to
//! the parsed one, or an error when the JSON is no tree or does not fit
//! the text.
//!
//! ```
//! fn outline_of(path: &std::path::Path) -> std::io::Result<gongwen::Compilation<'static>> {
//!     let text = std::fs::read_to_string(path)?;
//!     let doc = gongwen::parse_document(&text).map_err(std::io::Error::other)?;
//!     Ok(doc.into_owned())
//! }
//! # let _ = outline_of;
//! ```
//!
//! ## JSON
//!
//! With serde the tree serialises to a stable shape, one object a node with
//! its `"kind"` and `"span"`, and a `"version"` at the root (the `outline`
//! example prints it with `--json`); [`Compilation::from_json`] reads it
//! back with its text. The shape is described once, key by key, in
//! [`json`] (the repository's `JSON.md`).
//!
//! ## Errors and diagnostics
//!
//! Irregular text is never an error: skipped or restarted numbering and lost
//! headings are read as a reader would. [`Compilation::diagnostics`] then
//! checks the numbering against GB/T 9704-2012's structure numbers (`一、` →
//! `（一）` → `1.` → `（1）`) and sequence sense; each [`Diagnostic`] has a
//! stable [`Code`] (`numbering-gap`, `numbering-repeat`,
//! `numbering-backwards`, `numbering-restart`, `lost-siblings`,
//! `level-skip`, `mixed-width`, `mixed-style`, `empty-heading`), and
//! checks the frame against GB/T 9704's rules (`doc-number-bracket`,
//! `doc-number-di`, `doc-number-leading-zero`, `date-not-arabic`,
//! `date-leading-zero`, `title-punctuation`, `attachment-unlisted`,
//! `attachment-numbering`). Each [`Diagnostic`] has a [`Severity`], a
//! span, and a 1-based line and column (in characters). Diagnostics are a
//! pass of their own, run the first time they are asked for.
//!
//! ```
//! let doc = gongwen::parse_document("一、总体要求\n二、主要任务\n四、保障措施\n")?;
//! let d = &doc.diagnostics()[0];
//! assert_eq!(d.code, gongwen::Code::NumberingGap);
//! assert_eq!((d.line, d.column), (3, 1));
//! assert_eq!(d.to_string(), "3:1: warning[numbering-gap]: `四、` follows 2; 3 is missing");
//! # Ok::<(), gongwen::ParseError>(())
//! ```
//!
//! [`ParseError`] is only for what cannot be read at all: input over the
//! configured size limit ([`ParseOptions`]) or bytes that do not decode.
//!
//! ## Reading bytes
//!
//! [`decode`] reads UTF-8 (with or without BOM), UTF-16 with a BOM, and
//! GB18030/GBK (what most Chinese government files saved on Windows are);
//! the detection rule and what spans index afterwards are on [`decode`] and
//! [`Encoding::spans_are_file_offsets`]. Undecodable bytes are an error
//! naming their offset.
//!
//! ## Built on the tree
//!
//! - [`Compilation::chunks`]: pieces of at most N characters for a retrieval
//!   index, broken at outline boundaries first, then at sentence ends, then
//!   hard, never across a document, each with its heading path.
//! - [`Compilation::to_markdown`]: titles as `#`, items as `##`, `###` ... by
//!   depth.
//! - [`Paragraph::inline_items`] and [`Item::inline_items`]: enumerations
//!   inside one paragraph (`一是…；二是…`, `第一，…第二，…`), with spans; they
//!   are not headings.
//! - [`Compilation::outline`] and [`Compilation::dump`]: text renderings.
//!
//! ## How it works
//!
//! [`parse_document_with`] runs the pipeline in order: [`decode`] (for
//! bytes) → lines and their facts (pass 1: layout set aside, marker
//! candidates, hard-wrapped lines joined) → the tree (pass 2: each line's
//! role by what it looks like and where it stands in the document's frame,
//! items nested) → checks ([`Compilation::validate`], after every parse in
//! debug builds). Diagnostics and renderings (outline, Markdown, chunks,
//! JSON) run on the finished tree when asked for.
//!
//! ## Examples
//!
//! | command | what |
//! |---|---|
//! | `cargo run --release --example outline [-- [--json\|--markdown] FILE]` | the outline, the JSON tree, or Markdown |
//! | `cargo run --release --example lint -- [--json] FILE...` | `FILE:LINE:COL: severity[code]: message`; exit 1 on errors |
//! | `cargo run --release --example chunks -- [--max N] [FILE]` | retrieval chunks as JSON lines |

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod build;
mod chars;
mod chunk;
mod date;
mod decode;
mod diagnostic;
mod docnum;
mod dump;
mod error;
mod facts;
mod frame;
mod inline;
mod lexicon;
mod lines;
mod lint;
mod markdown;
mod marker;
mod names;
mod nest;
mod numeral;
mod options;
mod span;
mod tree;
mod validate;

pub use chunk::Chunk;
pub use date::{Date, NotADate};
pub use decode::{Decoded, Encoding, decode, decode_with};
pub use diagnostic::{Code, Diagnostic, Severity};
pub use docnum::{DocNumber, NotADocNumber};
pub use error::{ParseError, TreeError};
pub use frame::{Attachment, DateField, Field, Frame, MeetingField};
pub use inline::InlineItem;
pub use lines::LineIndex;
pub use marker::{Family, Marker};
pub use names::UnknownName;
pub use options::ParseOptions;
pub use span::Span;
pub use tree::{
    AllItems, Compilation, Document, Documents, Genre, Item, Items, JSON_VERSION, Line, Meta,
    Metas, Node, Noise, NoiseKind, Paragraph, Reflow, Walk,
};
pub use validate::Violation;

#[doc = include_str!("../JSON.md")]
pub mod json {}

/// Parses `text` with default [`ParseOptions`].
///
/// Never fails on irregular text; fails only when the input breaks a limit.
pub fn parse_document(text: &str) -> Result<Compilation<'_>, ParseError> {
    parse_document_with(text, &ParseOptions::default())
}

/// Parses `text` with `options`.
pub fn parse_document_with<'a>(
    text: &'a str,
    options: &ParseOptions,
) -> Result<Compilation<'a>, ParseError> {
    if text.len() > options.max_input_bytes {
        return Err(ParseError::TooLarge {
            len: text.len(),
            limit: options.max_input_bytes,
        });
    }
    // The pipeline: the text (decoded from bytes by `decode`, if it came as
    // bytes) is split into lines and each line's facts found once (pass 1:
    // layout set aside, marker candidates, hard-wrapped lines joined); the
    // lines are read in order into the tree (pass 2: roles, the frame,
    // nesting); debug builds check the tree. Diagnostics (`lint`) and the
    // renderings (`outline`, `to_markdown`, `chunks`, JSON) run on the
    // finished tree when they are asked for.
    let facts = facts::classify(text);
    let doc = build::build(text, facts, options);
    #[cfg(debug_assertions)]
    if let Err(v) = doc.validate() {
        // A broken invariant is a parser bug, never the input's fault: fail
        // loudly in debug builds (tests, fuzzing) so it is found.
        panic!("gongwen: {v}");
    }
    Ok(doc)
}

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
