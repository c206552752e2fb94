//! Pass 2: walk the lines pass 1 classified ([`crate::facts`]) and decide,
//! with context, what each line is, which document it belongs to and where
//! it nests.
//!
//! Each logical line (pass 1 joins the pieces of a line a page's width
//! broke) becomes one node, or one node a row for a title, a field, an
//! addressee, a signoff or debris (their joined text is read from the rows:
//! `Document::title`, the frame), so the nodes and the gaps between lines
//! cover the input. Where a line goes depends on what it
//! looks like *and* on the [`Phase`] of the open document: GB/T 9704-2012
//! fixes the order of a document's elements (版头 → 标题 → 主送 → 正文 →
//! 附件说明 → 署名 → 日期 → 附注 → 附件 → 版记), so a short line right under
//! a title is the title's next line, a date after the body is the signoff,
//! a note in brackets after the signoff is 附注, and chrome before the
//! first title is outside every document. Items nest by [`crate::nest`].

use std::borrow::Cow;

use crate::chars::is_comma;
use crate::facts::{Facts, LineInfo, Part, PartSpan};
use crate::lexicon::{self, Address, MetaKey};
use crate::marker::{Candidate, Family, Marker};
use crate::nest::{FirstRun, Placement, decide, first_opens_run};
use crate::span::Span;
use crate::tree::{
    Compilation, Document, Genre, Item, Line, Meta, Node, Noise, NoiseKind, Paragraph, Reflow,
};

/// Where the open document stands in the order of its elements.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    /// Nothing yet, or title rows only: a title-like line is the title's
    /// next line.
    Title,
    /// 版头 lines (issuer mark, copy number, secrecy, document number,
    /// 签发人) above a title not yet seen.
    Letterhead,
    /// Under the title: subtitle, document number, date, byline, addressee,
    /// meeting fields.
    Header,
    /// Paragraphs and items.
    Body,
    /// After the sender and date: more signoff lines, 附注, 版记.
    Signed,
    /// After an attachment's label (`附件1`, `附：`) at the end: the next
    /// title-like line opens the attached document.
    Annex,
}

impl Phase {
    /// Past the header: the document has a body.
    fn has_content(self) -> bool {
        matches!(self, Phase::Body | Phase::Signed | Phase::Annex)
    }
}

/// An item still open on the stack. Its children so far are
/// `Doc::nest[from..]` (the nodes after those of the items it is under);
/// they move into the item, in a vector of their exact size, when it
/// closes.
struct Open<'a> {
    item: Box<Item<'a>>,
    from: usize,
    /// The Markdown level of the item's line (0 for a line without `#`).
    hashes: u8,
}

impl Open<'_> {
    fn family(&self) -> Family {
        self.item.marker.family
    }
    fn ordinal(&self) -> u32 {
        self.item.marker.ordinal
    }
}

/// A document being built.
struct Doc<'a> {
    children: Vec<Node<'a>>,
    stack: Vec<Open<'a>>,
    /// The children of the open items, outermost item's first (see
    /// [`Open`]).
    nest: Vec<Node<'a>>,
    phase: Phase,
    /// Has a title row.
    titled: bool,
    /// The Markdown level of its title (0 for none): a deeper `###` heading
    /// inside it is a section, not another document.
    title_hashes: u8,
    /// Genre read from how the document opens, when it has no title.
    opening: Option<Genre>,
    /// Opened by an attachment's label: an attached form, list or text,
    /// with no header of its own (its cells are body, not fields).
    attached: bool,
    /// Its letterhead gave the document number: the letterhead is over,
    /// and a body's name after it begins the title.
    numbered: bool,
    /// It has a salutation or addressee: the header is over.
    addressed: bool,
}

impl<'a> Doc<'a> {
    fn new() -> Self {
        Doc {
            children: Vec::new(),
            stack: Vec::new(),
            nest: Vec::new(),
            phase: Phase::Title,
            titled: false,
            title_hashes: 0,
            opening: None,
            attached: false,
            numbered: false,
            addressed: false,
        }
    }

    fn has_content(&self) -> bool {
        self.phase.has_content()
    }

    /// Puts a node where the outline stands: in the innermost open item, or
    /// at document level.
    fn place(&mut self, node: Node<'a>) {
        if self.stack.is_empty() {
            self.children.push(node);
        } else {
            self.nest.push(node);
        }
    }

    /// The last child of the innermost open item: `None` when no item is
    /// open, `Some(None)` when it has no child yet.
    fn last_of_open_item(&self) -> Option<Option<&Node<'a>>> {
        let open = self.stack.last()?;
        Some(self.nest.get(open.from..).and_then(<[Node<'a>]>::last))
    }

    /// The innermost open item is a bare heading (`一、会议安排`: short, no
    /// sentence of its own) with nothing under it yet, or with fields under
    /// it already: a field that comes now describes it.
    fn fields_belong_to_item(&self) -> bool {
        let (Some(open), Some(last)) = (self.stack.last(), self.last_of_open_item()) else {
            return false;
        };
        let item = &open.item;
        match last {
            Some(last) => matches!(last, Node::Meta(_)),
            None => {
                item.heading_span.end == item.line_span.end
                    && item.text.chars().count() <= lexicon::BARE_HEADING_MAX_CHARS
                    && !item
                        .text
                        .ends_with(|c| crate::chars::ends_clause(c) || c == '.')
            }
        }
    }

    /// The paragraphs right under the title rows, when nothing else came
    /// yet: where they start among the children. A blurb that follows them
    /// began with them.
    fn blurb_lead(&self) -> Option<usize> {
        let titles = self
            .children
            .iter()
            .take_while(|n| matches!(n, Node::Title(_)))
            .count();
        let paragraphs = self.children.len() - titles;
        (self.stack.is_empty()
            && titles > 0
            && (1..=lexicon::BLURB_LEAD_MAX_PARAGRAPHS).contains(&paragraphs)
            && self
                .children
                .iter()
                .skip(titles)
                .all(|n| matches!(n, Node::Paragraph(p) if p.reflow.as_ref().is_none_or(|r| r.furniture.is_empty()))))
        .then_some(titles)
    }

    /// Turns the paragraphs of [`Doc::blurb_lead`] into the blurb's debris
    /// and puts the document back in its header.
    fn lead_into_blurb(&mut self) {
        let Some(from) = self.blurb_lead() else {
            return;
        };
        let lead = self.children.split_off(from);
        for node in lead {
            let Node::Paragraph(p) = node else {
                self.children.push(node);
                continue;
            };
            let blurb = |span, text| {
                Node::Noise(Noise {
                    span,
                    text,
                    cause: NoiseKind::Blurb,
                })
            };
            match p.reflow {
                // Debris keeps one node a line: a joined paragraph goes
                // back to its pieces (its text is theirs, in order).
                Some(reflow) => {
                    let mut at = 0;
                    for piece in reflow.pieces {
                        let len = piece.end - piece.start;
                        let text = p.text.get(at..at + len).unwrap_or("").to_owned();
                        at += len;
                        self.children.push(blurb(piece, Cow::Owned(text)));
                    }
                }
                None => self.children.push(blurb(p.span, p.text)),
            }
        }
        self.phase = Phase::Header;
    }

    /// The last node at document level is a field and no item is open.
    fn after_field(&self) -> bool {
        self.stack.is_empty() && matches!(self.children.last(), Some(Node::Meta(_)))
    }

    /// How many open items a Markdown heading without a marker at level
    /// `hashes` stays inside: those opened by shallower headings (`##
    /// 一、总则` holds a `### 工作目标`). An item on a line without `#` is
    /// body text, deeper than any heading, and the heading ends it with
    /// any item under it (`## 第二编 物权` after `第十三条`).
    fn sections_above(&self, hashes: u8) -> usize {
        self.stack
            .iter()
            .take_while(|o| o.hashes > 0 && o.hashes < hashes)
            .count()
    }

    /// Closes open items until `len` remain.
    fn pop_to(&mut self, len: usize) {
        while self.stack.len() > len {
            let Some(mut open) = self.stack.pop() else {
                break;
            };
            // (One allocation of the item's size and one copy; the buffer
            // keeps its room for the next.)
            open.item.children = self.nest.split_off(open.from.min(self.nest.len()));
            let end = open
                .item
                .children
                .last()
                .map_or(open.item.line_span.end, |c| c.span().end);
            open.item.span.end = end.max(open.item.line_span.end);
            self.place(Node::Item(open.item));
        }
    }

    /// Nothing but a title equal to `title` and web chrome under it (debris,
    /// a toolbar's single words): a site's headline, not a document. A
    /// title broken over rows compares row for row: the copy's rows joined
    /// begin with `title`, the first row of the title that repeats it.
    fn is_headline_copy_of(&self, title: &str) -> bool {
        let rows = self
            .children
            .iter()
            .take_while(|n| matches!(n, Node::Title(_)))
            .count();
        let mut copy = String::new();
        for n in self.children.iter().take(rows) {
            copy.push_str(n.text().unwrap_or(""));
        }
        let (copy, title) = (lexicon::title_key(&copy), lexicon::title_key(title));
        self.stack.is_empty()
            && rows > 0
            && !title.is_empty()
            && (copy == title || (rows > 1 && copy.starts_with(title)))
            && self.children.iter().skip(rows).all(|n| match n {
                Node::Noise(_) => true,
                Node::Paragraph(p) => p.text.chars().count() <= lexicon::TOOLBAR_WORD_MAX_CHARS,
                _ => false,
            })
    }

    /// The nodes of a headline copy, all as debris.
    fn into_noise(self) -> impl Iterator<Item = Node<'a>> {
        self.children.into_iter().map(|n| match n {
            Node::Title(l) => Node::Noise(Noise {
                span: l.span,
                text: l.text,
                cause: NoiseKind::Republisher,
            }),
            Node::Paragraph(p) if p.reflow.is_none() => Node::Noise(Noise {
                span: p.span,
                text: p.text,
                cause: NoiseKind::Toolbar,
            }),
            other => other,
        })
    }

    fn finish(mut self) -> Option<Document<'a>> {
        self.pop_to(0);
        // The document is complete: the room its last growth made and did
        // not use is given back.
        self.children.shrink_to_fit();
        let start = self.children.first()?.span().start;
        let end = self.children.last()?.span().end;
        let mut piece = Document {
            span: Span::new(start, end),
            genre: Genre::Other,
            frame: crate::frame::read(&self.children),
            children: self.children,
        };
        piece.genre = piece
            .title()
            .and_then(|t| lexicon::genre_of_title(&t))
            .or(self.opening)
            .unwrap_or(Genre::Other);
        Some(piece)
    }
}

/// What a line that may start a document is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Start {
    /// A title row.
    Title,
    /// A line of a letterhead (版头).
    Letterhead,
    /// A form of address: `同志们：` (people) or an addressee (an organ).
    Address(Address),
    /// A block of meeting fields that opens with when or where.
    Meeting,
}

/// What the line placed last was, for a wrapped line that continues it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Title,
    Salutation,
    Meta,
    Signoff,
    Closing,
    Body,
    Noise(NoiseKind),
}

/// A block whose numbered lines are body, not items: the names under
/// `附件:`, notes under `注:`, the entries of a table of contents.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Listing {
    /// `附件:` or `注:`: the family and number of the last name or note
    /// listed (no family yet after a bare label), so that `2．…` goes on.
    Names(Option<Family>, u32),
    /// Notes under `注:`: numbered lines of any family are notes until the
    /// document ends.
    Notes,
    /// A table of contents (`目录`): its entries (how many so far), until
    /// the text itself starts (see [`Builder::text_begins`]).
    Contents(usize),
}

struct Builder<'s, 'a> {
    src: &'a str,
    /// The logical lines. Line `j` is lent out while it is placed
    /// ([`Builder::lend`]): what stays behind for the lines after it to
    /// look back at is a stand-in (see [`LineInfo::stand_in`]).
    infos: Vec<LineInfo<'a>>,
    /// The pieces of wrapped lines (see [`LineInfo::parts`]).
    parts: &'s [PartSpan],
    /// For each line: a `首先` there opens a run (see [`first_opens_run`]).
    first_ok: Vec<FirstRun>,
    root: Vec<Node<'a>>,
    doc: Option<Doc<'a>>,
    /// Debris waiting for the next line to tell whether it is inside a
    /// document or between two.
    pending: Vec<Noise<'a>>,
    /// Reused buffer: the open stack as (family, ordinal) for [`decide`].
    view: Vec<(Family, u32)>,
    /// An open block of numbered lines that are not items.
    listing: Option<Listing>,
    /// A licence notice was seen after a document: what follows, up to the
    /// next document, is its scattered remains.
    licence_tail: bool,
    /// Under a site's list of links (`相关链接`): the title-like lines that
    /// follow are links to other pages.
    links_tail: bool,
    /// The line placed last goes on over the next line (an addressee or a
    /// bracketed note broken after a comma): the next line takes its role.
    carry: bool,
    /// The indentation of a field whose value runs on over the lines below
    /// it (`参会人：` then indented names).
    field_indent: Option<u16>,
    /// Circled marks (`①`) and where each first stands inside a line, if it
    /// does: a footnote explains a mark found in the text before it.
    first_marks: Vec<(String, Option<usize>)>,
}

/// Pass 2: builds the tree of `src` from what pass 1 found of its lines.
pub(crate) fn build<'a>(
    src: &'a str,
    facts: Facts<'a>,
    options: &crate::ParseOptions,
) -> Compilation<'a> {
    let Facts { infos, gaps, parts } = facts;
    let first_ok = first_opens_run(&infos);
    let mut b = Builder {
        src,
        infos,
        parts: &parts,
        first_ok,
        root: Vec::new(),
        doc: None,
        pending: Vec::new(),
        view: Vec::new(),
        listing: None,
        licence_tail: false,
        links_tail: false,
        carry: false,
        field_indent: None,
        first_marks: Vec::new(),
    };
    b.run();
    Compilation {
        source: Cow::Borrowed(src),
        span: Span::new(0, src.len()),
        children: b.root,
        gaps,
        lint: crate::tree::Lint::new(options.max_diagnostics),
        index: std::sync::OnceLock::new(),
        encoding: None,
    }
}

fn cow(s: &str) -> Cow<'_, str> {
    Cow::Borrowed(s)
}

/// A field without a key: a letterhead line, a subtitle, a note.
fn keyless_meta(line: Line<'_>) -> Node<'_> {
    Node::Meta(Box::new(Meta {
        span: line.span,
        value: line.text.clone(),
        text: line.text,
        key: cow(""),
    }))
}

/// The rows of a logical line as the tree keeps them for a line-shaped
/// node (title, field, salutation, signoff, debris): one a piece, with the
/// furniture between; a line of one piece is one row.
fn rows<'i, 'a>(
    src: &'a str,
    parts: &'i [PartSpan],
    info: &'i LineInfo<'a>,
) -> impl Iterator<Item = Part<'a>> + 'i {
    let single = info
        .parts
        .is_empty()
        .then(|| Part::Text(info.span, info.span.slice(src).unwrap_or("")));
    let own = parts.get(info.parts()).unwrap_or(&[]);
    single
        .into_iter()
        .chain(own.iter().map(move |p| p.part(src)))
}

/// Page furniture inside a wrapped line: a page number, or a running
/// header or footer.
fn furniture(span: Span, text: &str) -> Node<'_> {
    Node::Noise(Noise {
        span,
        text: cow(text),
        cause: furniture_kind(text),
    })
}

fn furniture_kind(text: &str) -> NoiseKind {
    if lexicon::is_page_number(text) {
        NoiseKind::PageCounter
    } else {
        NoiseKind::RunningHead
    }
}

/// How a wrapped line was joined: its pieces and the furniture between.
fn reflow_of<'a>(src: &'a str, parts: &[PartSpan], info: &LineInfo<'a>) -> Option<Box<Reflow<'a>>> {
    let parts = parts.get(info.parts()).filter(|p| !p.is_empty())?;
    let mut reflow = Reflow {
        pieces: Vec::with_capacity(parts.len()),
        furniture: Vec::new(),
    };
    for part in parts {
        if part.furniture {
            reflow
                .furniture
                .push(furniture(part.span, part.span.slice(src).unwrap_or("")));
        } else {
            reflow.pieces.push(part.span);
        }
    }
    Some(Box::new(reflow))
}

/// A paragraph of one logical line; its text moves out of `info`
/// ([`kept_text`]).
fn paragraph<'a>(src: &'a str, parts: &[PartSpan], info: &mut LineInfo<'a>) -> Node<'a> {
    Node::Paragraph(Paragraph {
        span: info.span,
        reflow: reflow_of(src, parts, info),
        text: kept_text(info),
    })
}

/// The text of a line, for the node that keeps it: moved out, not copied
/// (the pieces of a wrapped line, which pass 1 joined, are as long as the
/// line), so `info.text` is empty after this. The builder places a line
/// once and has lent it out to do so ([`Builder::lend`]).
fn kept_text<'a>(info: &mut LineInfo<'a>) -> Cow<'a, str> {
    std::mem::take(&mut info.text)
}

/// What follows `附件` on its line: a bare `附件:` opens a list of
/// attachments not yet begun, `附件:1．…` one whose first name it gives.
/// `附件1:` (one labelled attachment) and `附件:名称` open none.
fn attachment_list(rest: &str) -> Option<(Option<Family>, u32)> {
    let rest = rest
        .strip_prefix([':', '：'])?
        .trim_start_matches([' ', '\t', '\u{3000}']);
    if rest.is_empty() {
        return Some((None, 0));
    }
    let c = crate::marker::recognise(rest)?;
    (c.seq.is_none() && !c.weak && c.ordinal == 1).then_some((Some(c.family), 1))
}

/// The heading text of an item: the lead clause after the marker, as a
/// range of the line's text.
fn heading_range(info: &LineInfo<'_>, marker_len: usize) -> std::ops::Range<usize> {
    let rest = info.text.get(marker_len..).unwrap_or("");
    let trimmed = rest.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '、' | ',' | '，' | '.' | '．')
    });
    let skip = rest.len() - trimmed.len();
    let lead = crate::chars::find_mark(trimmed, |c| {
        crate::chars::ends_clause(c) || crate::chars::is_colon(c) || c == '*'
    })
    .unwrap_or(trimmed.len());
    let start = marker_len + skip;
    start..start + lead
}

impl<'s, 'a> Builder<'s, 'a> {
    fn run(&mut self) {
        let infos = &self.infos;
        let mut front = infos.iter().find(|i| !i.converter()).is_some_and(|first| {
            first.cand.is_none()
                && (lexicon::is_compilation_title(&first.text)
                    || (first.title_like()
                        && infos
                            .iter()
                            .skip_while(|i| i.span != first.span)
                            .nth(1)
                            .is_some_and(|n| {
                                lexicon::is_site_byline(&n.text) || lexicon::is_blurb(&n.text)
                            })))
        });
        for j in 0..self.infos.len() {
            let converter = self.infos.get(j).is_some_and(LineInfo::converter);
            // (Asked before line `j` is lent: it reads the line by index.)
            if front && !converter && self.ends_front_matter(j) {
                front = false;
            }
            let Some(mut info) = self.lend(j) else {
                break;
            };
            if converter {
                self.pend(&info, NoiseKind::Converter);
            } else if front {
                self.front_line(&info);
            } else {
                self.line(j, &mut info);
            }
        }
        self.close_doc();
        self.flush_to_root();
    }

    /// Takes line `j` out of [`Builder::infos`] to place it, so that its
    /// text can go into the tree without a copy, and leaves a stand-in
    /// ([`LineInfo::stand_in`]) for the lines after it to look back at:
    /// only [`Builder::among_cells`] does, and only at short lines and page
    /// counters, which a text past [`lexicon::NOISE_MAX_BYTES`] never is.
    fn lend(&mut self, j: usize) -> Option<LineInfo<'a>> {
        // A cell's characters (4 bytes at most each) fit in the bytes a
        // stand-in keeps as they are.
        const _: () = assert!(lexicon::TABLE_CELL_MAX_CHARS * 4 <= lexicon::NOISE_MAX_BYTES);
        let src = self.src;
        let info = self.infos.get_mut(j)?;
        // A text borrowed from the source costs nothing to copy.
        if let Cow::Borrowed(_) = info.text {
            return Some(info.clone());
        }
        let stand_in = info.stand_in(src, lexicon::NOISE_MAX_BYTES);
        Some(std::mem::replace(info, stand_in))
    }

    /// In a compilation's front matter: does line `j` end it and open the
    /// first document? (Past the front matter, [`Builder::starts_document`]
    /// decides.)
    fn ends_front_matter(&self, j: usize) -> bool {
        let Some(info) = self.infos.get(j) else {
            return false;
        };
        let t: &str = &info.text;
        // (The line is no converter's: `run` passed those by.)
        (info.strong_title() && !lexicon::is_compilation_title(t))
            || info.salutation() == Some(Address::People)
            || info.cand.is_some_and(|c| c.seq.is_none() && !c.weak)
            || (lexicon::is_when_or_where(t) && self.next_is_meta(j))
    }

    fn front_line(&mut self, info: &LineInfo<'a>) {
        // Debris waiting (a converter's comment) came before this line.
        self.flush_to_root();
        let cause = match lexicon::noise_kind(&info.text) {
            Some(
                cause @ (NoiseKind::PageCounter
                | NoiseKind::Pager
                | NoiseKind::Download
                | NoiseKind::Toolbar),
            ) => Some(cause),
            _ => None,
        };
        for part in rows(self.src, self.parts, info) {
            self.root.push(match (part, cause) {
                (Part::Text(span, text), Some(cause)) => Node::Noise(Noise {
                    span,
                    text: cow(text),
                    cause,
                }),
                (Part::Text(span, text), None) => Node::Front(Line {
                    span,
                    text: cow(text),
                }),
                (Part::Furniture(span, text), _) => furniture(span, text),
            });
        }
    }

    fn next_is_meta(&self, j: usize) -> bool {
        self.infos
            .get(j + 1)
            .is_some_and(|n| lexicon::meta_key(&n.text).is_some())
    }

    /// Line `k`, when line `j` is the one lent out as `info` (see
    /// [`Builder::lend`]).
    fn line_at<'i>(
        &'i self,
        k: usize,
        j: usize,
        info: &'i LineInfo<'a>,
    ) -> Option<&'i LineInfo<'a>> {
        if k == j {
            Some(info)
        } else {
            self.infos.get(k)
        }
    }

    fn next_text(&self, j: usize) -> Option<&str> {
        self.infos.get(j + 1).map(|n| n.text.as_ref())
    }

    fn phase(&self) -> Option<Phase> {
        self.doc.as_ref().map(|d| d.phase)
    }

    /// Debris waits until the next line tells where it belongs.
    fn pend(&mut self, info: &LineInfo<'a>, cause: NoiseKind) {
        for part in rows(self.src, self.parts, info) {
            self.pending.push(match part {
                Part::Text(span, text) => Noise {
                    span,
                    text: cow(text),
                    cause,
                },
                Part::Furniture(span, text) => Noise {
                    span,
                    text: cow(text),
                    cause: furniture_kind(text),
                },
            });
        }
    }

    /// Places the rows of a line-shaped node where the outline stands in
    /// the open document (opening one if none is): `make` makes a node of
    /// each piece; furniture between is debris.
    fn place_rows(&mut self, info: &LineInfo<'a>, make: impl Fn(Line<'a>) -> Node<'a>) {
        self.ensure_doc();
        self.flush_into_doc();
        let src = self.src;
        let parts = self.parts;
        let doc = self.doc_mut();
        for part in rows(src, parts, info) {
            doc.place(match part {
                Part::Text(span, text) => make(Line {
                    span,
                    text: cow(text),
                }),
                Part::Furniture(span, text) => furniture(span, text),
            });
        }
    }

    /// [`Builder::place_rows`], then moves the document to `phase`.
    fn put_rows(&mut self, info: &LineInfo<'a>, make: impl Fn(Line<'a>) -> Node<'a>, phase: Phase) {
        self.place_rows(info, make);
        self.doc_mut().phase = phase;
    }

    /// Places a node in the open document (opening one if none is) and
    /// moves it to `phase`.
    fn put(&mut self, node: Node<'a>, phase: Phase) {
        self.ensure_doc();
        self.flush_into_doc();
        let doc = self.doc_mut();
        doc.phase = phase;
        doc.place(node);
    }

    /// The role of the line placed last, for a wrapped line that goes on
    /// with it.
    fn previous_role(&self) -> Option<Role> {
        if let Some(n) = self.pending.last() {
            return Some(Role::Noise(n.cause));
        }
        let doc = self.doc.as_ref()?;
        let last = match doc.last_of_open_item() {
            Some(Some(node)) => node,
            Some(None) => return Some(Role::Body),
            None => doc.children.last()?,
        };
        Some(match last {
            Node::Title(_) => Role::Title,
            Node::Salutation(_) => Role::Salutation,
            Node::Meta(_) => Role::Meta,
            Node::Signoff(_) => Role::Signoff,
            Node::Closing(_) => Role::Closing,
            Node::Noise(n) => Role::Noise(n.cause),
            _ => Role::Body,
        })
    }

    /// A wrapped line takes the role of the line it continues: another
    /// title row, field, salutation or signoff line, or body when it goes
    /// on with a paragraph or an item's heading. False when there is no
    /// line to continue.
    fn continuation(&mut self, info: &mut LineInfo<'a>) -> bool {
        type Make<'a> = fn(Line<'a>) -> Node<'a>;
        let make: Make<'a> = match self.previous_role() {
            None => return false,
            Some(Role::Noise(cause)) => {
                self.pend(info, cause);
                return true;
            }
            Some(Role::Title) => Node::Title as Make<'a>,
            Some(Role::Salutation) => Node::Salutation as Make<'a>,
            Some(Role::Meta) => keyless_meta as Make<'a>,
            Some(Role::Signoff) => Node::Signoff as Make<'a>,
            Some(Role::Closing) => Node::Closing as Make<'a>,
            Some(Role::Body) => {
                let node = paragraph(self.src, self.parts, info);
                self.doc_mut().place(node);
                return true;
            }
        };
        // The line before sits where the outline stands (a field may sit
        // in an item): its continuation goes beside it.
        self.place_rows(info, make);
        true
    }

    /// Decides what one line is and places it.
    fn line(&mut self, j: usize, info: &mut LineInfo<'a>) {
        let carried = std::mem::take(&mut self.carry) && info.cand.is_none();
        if carried && self.continuation(info) {
            return;
        }
        // A running header or footer between two pages.
        if info.running_head() {
            self.pend(info, NoiseKind::RunningHead);
            return;
        }
        let t: &str = &info.text;
        let phase = self.phase();
        let in_header = phase.is_some_and(|p| !p.has_content());
        let field_indent = self.field_indent.take();

        // Web debris waits until the next line tells where it belongs. A
        // line that opens with a marker is never debris (page counters,
        // pagers, prompts and site fields have none), so it skips the tests.
        let marker = info.cand.filter(|c| !c.weak);
        if self.licence_tail && !self.opens_new_document(j, info) {
            self.pend(info, NoiseKind::Licence);
            return;
        }
        self.licence_tail = false;
        // A link is a title-like line among others like it or debris; a
        // piece label, or a title over a salutation or body, opens the
        // next document of a compilation instead.
        let link = self.links_tail
            && marker.is_none()
            && info.title_like()
            && !lexicon::is_piece_label_only(t)
            && self.infos.get(j + 1).is_none_or(|n| {
                n.title_like() && !lexicon::is_piece_label_only(&n.text)
                    || lexicon::noise_kind(&n.text).is_some()
            });
        if link {
            self.pend(info, NoiseKind::SiteMeta);
            return;
        }
        self.links_tail = false;
        // A blurb whose lead sentences a page's width broke off into a
        // paragraph of their own (`…重大政治责任。` / `下面是本站小编…`):
        // the lead is the blurb's too.
        let lead = !in_header
            && marker.is_none()
            && self.doc.as_ref().is_some_and(|d| d.blurb_lead().is_some())
            && lexicon::is_blurb(t);
        let noise = match marker {
            Some(_) => None,
            None => lexicon::noise_kind(t).or_else(|| {
                (in_header && lexicon::is_blurb(t) || lead).then_some(NoiseKind::Blurb)
            }),
        };
        if lead
            && noise == Some(NoiseKind::Blurb)
            && let Some(d) = self.doc.as_mut()
        {
            d.lead_into_blurb();
        }
        // In an attached table, or among a table's cells, a bare number
        // is a cell, not a page counter (`—8—` is a page's number
        // anywhere).
        let noise = noise.filter(|&cause| {
            cause != NoiseKind::PageCounter
                || !t.bytes().all(|b| b.is_ascii_digit())
                || !(self.doc.as_ref().is_some_and(|d| d.attached) || self.among_cells(j))
        });
        if let Some(cause) = noise {
            // A note to a signoff's date or the issuer's own 附注 is not
            // debris; the republisher's notes are.
            if cause == NoiseKind::Licence && phase.is_some() {
                self.licence_tail = true;
            }
            self.links_tail = lexicon::is_links_heading(t);
            self.pend(info, cause);
            self.field_indent = field_indent;
            return;
        }
        let listing = self.listing.take();

        // A field's value running on over indented lines below it.
        if let Some(indent) = field_indent
            && info.indent > indent
            && marker.is_none()
        {
            self.field_indent = Some(indent);
            self.put_rows(info, keyless_meta, Phase::Header);
            return;
        }

        // A table of contents' heading: what follows repeats the headings
        // found later, and is body.
        if marker.is_none() && lexicon::is_contents_label(t) {
            self.put(paragraph(self.src, self.parts, info), Phase::Body);
            self.listing = Some(Listing::Contents(0));
            return;
        }

        if marker.is_none() && self.title_line(j, info) {
            return;
        }

        // The issuer's mark (or the first name of a joint one) after a
        // body: the next document's letterhead.
        if marker.is_none()
            && phase.is_some_and(Phase::has_content)
            && (lexicon::is_issuer_line(t)
                || (lexicon::is_org_line(t)
                    && self.next_text(j).is_some_and(lexicon::is_issuer_line)))
            && self.starts_document(Start::Letterhead)
        {
            self.open_doc();
            self.put_rows(info, keyless_meta, Phase::Letterhead);
            return;
        }
        if marker.is_none() && (in_header || phase.is_none()) && self.letterhead_line(j, info) {
            return;
        }

        if marker.is_none() && self.salutation_line(j, info) {
            return;
        }

        // After the signoff: the issuer's note (附注) in brackets, also
        // broken over two lines (`（联系人：…` / `联系电话：…）`).
        if marker.is_none() && matches!(phase, Some(Phase::Signed | Phase::Annex)) {
            let broken = t.starts_with(['（', '('])
                && !t.contains(['）', ')'])
                && self.infos.get(j + 1).is_some_and(|n| {
                    n.text.ends_with(['）', ')'])
                        && lexicon::is_issuer_note(&format!("{t}{}", &n.text))
                });
            if broken || lexicon::is_issuer_note(t) {
                self.put_rows(info, keyless_meta, Phase::Signed);
                self.carry = broken;
                return;
            }
        }

        if marker.is_none() && self.meta_line(j, info) {
            return;
        }

        // Numbered lines of a listing (attachment names, notes, contents)
        // are body.
        let listed = match (listing, info.cand) {
            (Some(Listing::Names(family, last)), Some(c))
                if c.seq.is_none()
                    && family.is_none_or(|f| f == c.family)
                    && Some(c.ordinal) == last.checked_add(1) =>
            {
                self.listing = Some(Listing::Names(Some(c.family), c.ordinal));
                true
            }
            (Some(Listing::Notes), Some(c)) if c.seq.is_none() && !self.resumes_text(c) => {
                self.listing = Some(Listing::Notes);
                true
            }
            (Some(Listing::Notes), None) => {
                self.listing = Some(Listing::Notes);
                false
            }
            (Some(Listing::Contents(n)), Some(c)) if c.seq.is_none() => {
                let entry = n < lexicon::CONTENTS_MAX_ENTRIES && !self.text_begins(j);
                if entry {
                    self.listing = Some(Listing::Contents(n + 1));
                }
                entry
            }
            (Some(Listing::Contents(n)), None)
                if info.text.chars().count() <= lexicon::CONTENTS_ENTRY_MAX_CHARS =>
            {
                self.listing = Some(Listing::Contents(n + 1));
                false
            }
            _ => false,
        };

        // A line with a marker is an item unless context refuses it; only
        // then is it worth asking whether it closes or signs the document.
        if let Some(c) = info.cand.filter(|_| !listed)
            && !(lexicon::is_reference_not_item(t, c) && self.explains_a_mark(info, c))
            && self.place_item(j, info, c)
        {
            return;
        }
        // (A refused item left the line's text where it was.)
        let t: &str = &info.text;

        if lexicon::is_closing(t) && self.doc.is_some() {
            self.flush_into_doc();
            let doc = self.doc_mut();
            doc.pop_to(0);
            doc.phase = Phase::Body;
            self.place_rows(info, Node::Closing);
            return;
        }

        if marker.is_none()
            && self.doc.as_ref().is_some_and(Doc::has_content)
            && self.signoff_starts(j, info)
        {
            self.flush_into_doc();
            let doc = self.doc_mut();
            doc.pop_to(0);
            doc.phase = Phase::Signed;
            self.place_rows(info, Node::Signoff);
            return;
        }

        self.ensure_doc();
        self.flush_into_doc();
        let src = self.src;
        let parts = self.parts;
        let doc = self.doc_mut();
        let annex = lexicon::is_annex_label(t);
        if annex
            || lexicon::speaks_to_whole_document(t)
            || lexicon::is_section_number_line(t)
            || lexicon::is_code_part_line(t)
        {
            // A concluding paragraph speaks to the whole document (the
            // formal close of a notice or report, `特此通知。` `妥否，请批示。`
            // included), and an attachment list belongs to no item.
            doc.pop_to(0);
        } else if info.hashes > 0 {
            doc.pop_to(doc.sections_above(info.hashes));
        }
        // (A label closed the open items above, so only the phase tells
        // whether a body came before it.)
        doc.phase = if annex && doc.has_content() {
            Phase::Annex
        } else {
            Phase::Body
        };
        let opened = match t.strip_prefix("附件") {
            Some(list) => attachment_list(list).map(|(f, n)| Listing::Names(f, n)),
            None if lexicon::is_notes_label(t) => Some(Listing::Notes),
            None => None,
        };
        doc.place(paragraph(src, parts, info));
        if opened.is_some() {
            self.listing = opened;
        }
    }

    /// For a footnote candidate (`①指…`): its mark first appears inside a
    /// line before it, where the text it explains stands. Other markers
    /// need no such mark. Looks only for the mark's first occurrence.
    fn explains_a_mark(&mut self, info: &LineInfo<'a>, c: Candidate) -> bool {
        if c.family != Family::ArCircle {
            return true;
        }
        let Some(mark) = info.text.get(..c.len()) else {
            return false;
        };
        // Each mark's first occurrence is found once (a cache of a few
        // dozen circled forms at most), so footnotes cost O(n) in all.
        let src = self.src;
        let first = match self.first_marks.iter().find(|(m, _)| *m == mark) {
            Some(&(_, at)) => at,
            None => {
                let at = memchr::memmem::find(src.as_bytes(), mark.as_bytes()).filter(|&at| {
                    src.get(..at)
                        .and_then(|b| b.chars().next_back())
                        .is_some_and(|p| !p.is_ascii() && !crate::lines::is_space(p))
                });
                self.first_marks.push((mark.to_owned(), at));
                at
            }
        };
        first.is_some_and(|at| at < info.span.start)
    }

    /// In a table of contents: the line after `j` shows that the text
    /// itself has begun at `j` (an article under the chapter, or running
    /// text under the heading), so `j` is no entry. Entries follow each
    /// other; chapter numbers may restart under each part of a code, so a
    /// repeated number says nothing.
    fn text_begins(&self, j: usize) -> bool {
        self.infos.get(j + 1).is_some_and(|n| match n.cand {
            Some(c) => c.family == Family::DiTiao,
            None => {
                n.text.chars().count() > lexicon::CONTENTS_ENTRY_MAX_CHARS
                    && !lexicon::is_code_part(&n.text)
            }
        })
    }

    /// Line `j` stands among a table's cells flattened one a line: the
    /// nearest lines on both sides that are not bare numbers too (a row
    /// may hold several) are short text cells, and no blank line breaks
    /// the run. A pager (`1` `2` `下一页`) ends in debris, not in a cell.
    fn among_cells(&self, j: usize) -> bool {
        let number =
            |n: &LineInfo<'_>| lexicon::noise_kind(&n.text) == Some(NoiseKind::PageCounter);
        // A cell holds no field (`时间：…`), date or sentence end.
        let cell = |n: &LineInfo<'_>| {
            n.cand.is_none_or(|c| c.weak)
                && n.text.chars().count() <= lexicon::TABLE_CELL_MAX_CHARS
                && !n
                    .text
                    .contains(|c| crate::chars::is_colon(c) || crate::chars::is_sentence_end(c))
                && !lexicon::is_date_line(&n.text)
                && lexicon::noise_kind(&n.text).is_none()
        };
        let mut k = j;
        let before = loop {
            // A plain extraction sets a table's cells apart with blank
            // lines: they do not break the run.
            if k == 0 || j - k >= lexicon::TABLE_RUN_MAX_LINES {
                break None;
            }
            k -= 1;
            match self.infos.get(k) {
                Some(n) if number(n) => continue,
                other => break other,
            }
        };
        let mut k = j;
        let after = loop {
            k += 1;
            let Some(n) = self.infos.get(k) else {
                break None;
            };
            if k - j > lexicon::TABLE_RUN_MAX_LINES {
                break None;
            }
            if !number(n) {
                break Some(n);
            }
        };
        before.is_some_and(cell) && after.is_some_and(cell)
    }

    /// A marker that goes on with the text after a block of notes: a
    /// top-level family, or one open on the stack.
    fn resumes_text(&self, c: Candidate) -> bool {
        matches!(
            c.family,
            Family::CnDun | Family::DiZhang | Family::DiJie | Family::DiTiao
        ) || self
            .doc
            .as_ref()
            .is_some_and(|d| d.stack.iter().any(|o| o.family() == c.family))
    }

    /// The one place that decides where a document starts: does a line
    /// of kind `start`, arriving in the open document's phase, begin a new
    /// document (true), or take its place in the open one (false)? With no
    /// document open, every kind starts one.
    ///
    /// - A title continues a document that so far has only title rows (a
    ///   title over lines) or only a letterhead; otherwise it starts one.
    /// - A letterhead after a body starts the next document.
    /// - `同志们：` after a body starts a speech (a compilation of speeches);
    ///   an addressee never starts one once a document is open.
    /// - A when/where block after a body starts the record of another
    ///   meeting.
    fn starts_document(&self, start: Start) -> bool {
        let Some(d) = &self.doc else {
            return true;
        };
        match start {
            Start::Title => {
                let goes_on_title = d.phase == Phase::Title && self.pending.is_empty();
                let under_letterhead = !d.has_content() && !d.titled;
                !(goes_on_title || under_letterhead)
            }
            Start::Letterhead | Start::Meeting | Start::Address(Address::People) => d.has_content(),
            Start::Address(Address::Organ) => false,
        }
    }

    /// A line that would open a new document here: a title in its own
    /// right.
    fn opens_new_document(&self, j: usize, info: &LineInfo<'a>) -> bool {
        info.cand.is_none() && info.strong_title() && self.is_title(j, info)
    }

    /// Places a title row, opening a document or continuing one; false when
    /// the line is no title here.
    fn title_line(&mut self, j: usize, info: &LineInfo<'a>) -> bool {
        let annex = self.phase() == Some(Phase::Annex);
        if !(self.is_title(j, info) || annex && info.title_like()) {
            return false;
        }
        if !self.starts_document(Start::Title) {
            // The same title twice in a row: the first is a database's
            // copy of it, outside the document.
            let logical = info.text.as_ref();
            let doc = self.doc_mut();
            let only_titles = doc.phase == Phase::Title
                && doc.children.iter().all(|n| matches!(n, Node::Title(_)));
            let copy = only_titles && !doc.children.is_empty() && {
                let mut so_far = String::new();
                for n in &doc.children {
                    so_far.push_str(n.text().unwrap_or(""));
                }
                lexicon::title_key(&so_far) == lexicon::title_key(logical)
            };
            if copy {
                let titles = std::mem::take(&mut doc.children);
                doc.titled = false;
                self.root.extend(titles.into_iter().filter_map(|n| match n {
                    Node::Title(l) => Some(Node::Noise(Noise {
                        span: l.span,
                        text: l.text,
                        cause: NoiseKind::Republisher,
                    })),
                    _ => None,
                }));
            }
            // Debris seen since the header lies inside this document.
            self.flush_into_doc();
        } else {
            // A site's posting headline copies the title above its chrome
            // (`来源：` `打印` `【字号：`): that copy and its chrome lie
            // outside the document.
            let logical = info.text.as_ref();
            if self
                .doc
                .as_ref()
                .is_some_and(|d| d.is_headline_copy_of(logical))
                && let Some(copy) = self.doc.take()
            {
                self.root.extend(copy.into_noise());
            }
            self.open_doc();
            self.doc_mut().attached = annex;
        }
        let doc = self.doc_mut();
        if !doc.titled {
            doc.title_hashes = info.hashes;
        }
        doc.titled = true;
        doc.phase = Phase::Title;
        self.place_rows(info, Node::Title);
        true
    }

    /// A line of the 版头 above a title: the issuer's mark, a copy number,
    /// a secrecy or urgency mark, the document number, `签发人：`, or a
    /// second issuer of a joint letterhead.
    fn letterhead_line(&mut self, j: usize, info: &LineInfo<'a>) -> bool {
        let t: &str = &info.text;
        let phase = self.phase();
        let mark = lexicon::is_issuer_line(t) || lexicon::is_letterhead_mark(t);
        let joint = phase == Some(Phase::Letterhead)
            && !self.doc.as_ref().is_some_and(|d| d.numbered)
            && lexicon::is_org_line(t);
        let number = lexicon::is_doc_number(t);
        // Minutes print their series' name as the letterhead
        // (`某市人民政府 / 专题会议纪要`) over an issue number with no issuer
        // code (`〔2024〕7号`) and the real title further down: the rows
        // read as a title so far were the letterhead.
        // (Asked only of a document number: a short line.)
        let codeless = || {
            t.trim_start_matches(['（', '('])
                .starts_with(|c: char| matches!(c, '〔' | '[' | '【' | '第') || c.is_ascii_digit())
        };
        if number
            && phase == Some(Phase::Title)
            && codeless()
            && let Some(d) = self.doc.as_mut()
            && d.children.iter().all(|n| matches!(n, Node::Title(_)))
        {
            d.children = std::mem::take(&mut d.children)
                .into_iter()
                .map(|n| match n {
                    Node::Title(l) => Node::Meta(Box::new(Meta {
                        span: l.span,
                        key: cow(""),
                        value: l.text.clone(),
                        text: l.text,
                    })),
                    other => other,
                })
                .collect();
            d.titled = false;
            d.phase = Phase::Letterhead;
        }
        let phase = self.phase();
        let issuer_dated = phase == Some(Phase::Letterhead) && lexicon::is_issuer_and_date(t);
        // A letter's letterhead is the issuer's name alone, over its number;
        // a joint one lists the issuers over `文件`.
        let name = phase.is_none()
            && lexicon::is_org_line(t)
            && (self.next_text(j).is_some_and(lexicon::is_doc_number)
                || self.opens_joint_letterhead(j, info));
        if !(mark || joint || number || name || issuer_dated) {
            return false;
        }
        // A document number under a title belongs to the header.
        let next = match phase {
            Some(Phase::Title | Phase::Header) if self.doc.as_ref().is_some_and(|d| d.titled) => {
                Phase::Header
            }
            _ => Phase::Letterhead,
        };
        if self.starts_document(Start::Letterhead) {
            self.open_doc();
        }
        self.put_rows(info, keyless_meta, next);
        if number {
            self.doc_mut().numbered = true;
        }
        true
    }

    /// Line `j` is the first issuer of a joint letterhead: issuers' names,
    /// one a line, down to one that ends with `文件` (`税务总局办公厅  文件`)
    /// or a `文件` of its own.
    fn opens_joint_letterhead(&self, j: usize, info: &LineInfo<'a>) -> bool {
        let names = (j..).map_while(|k| self.line_at(k, j, info));
        for n in names.take(lexicon::JOINT_ISSUERS_MAX_LINES + 1) {
            if lexicon::is_issuer_line(&n.text) {
                return true;
            }
            if !lexicon::is_org_line(&n.text) {
                return false;
            }
        }
        false
    }

    /// A salutation or addressee; false when the line is none here.
    fn salutation_line(&mut self, j: usize, info: &LineInfo<'a>) -> bool {
        let phase = self.phase();
        let in_header = phase.is_some_and(|p| !p.has_content());
        if self.doc.as_ref().is_some_and(|d| d.attached) {
            return false;
        }
        let joined = info.text.as_ref();
        let t = joined;
        let address = info.salutation().or_else(|| {
            // Under a title, an addressee of any length, also with the body
            // run on after its colon, and an address run into the first
            // sentence (`同志们，…`).
            let titled = self.doc.as_ref().is_some_and(|d| d.titled);
            (in_header && titled)
                .then(|| lexicon::addressee(t).or_else(|| lexicon::run_on_address(t)))
                .flatten()
        });
        // An addressee broken after a comma: this line and the next, which
        // ends it, are one addressee. A next line that opens its own block
        // (a marker, a Markdown bullet or heading) is not a second row.
        let broken = address.is_none()
            && in_header
            && self.doc.as_ref().is_some_and(|d| d.titled)
            && t.ends_with(['，', '、', ','])
            && self.infos.get(j + 1).is_some_and(|n| {
                !n.opens_block() && lexicon::addressee(&format!("{t}{}", &n.text)).is_some()
            });
        let Some(address) = address.or(broken.then_some(Address::Organ)) else {
            return false;
        };
        self.carry = broken;
        if self.starts_document(Start::Address(address)) {
            self.open_doc();
        } else if phase.is_some_and(Phase::has_content) {
            // An addressee after a body is the body's text.
            return false;
        }
        self.flush_into_doc();
        let doc = self.doc_mut();
        doc.phase = Phase::Header;
        doc.opening.get_or_insert(match address {
            Address::People => Genre::Speech,
            Address::Organ => Genre::Report,
        });
        doc.addressed = true;
        self.place_rows(info, Node::Salutation);
        true
    }

    /// Line `j` starts the sender and date block: a date, or up to
    /// [`lexicon::SIGNERS_MAX_LINES`] signer lines (issuing bodies, a
    /// person's name) with a date right under them.
    fn signoff_starts(&self, j: usize, info: &LineInfo<'a>) -> bool {
        if lexicon::is_date_line(&info.text) {
            return true;
        }
        if self.phase() == Some(Phase::Signed) && lexicon::is_signer_line(&info.text) {
            return true;
        }
        let mut k = j;
        // A page break may fall between the signers and the date.
        let mut furniture = 0;
        while let Some(n) = self.line_at(k, j, info) {
            if k > j + lexicon::SIGNERS_MAX_LINES + furniture || n.cand.is_some() {
                return false;
            }
            if k > j && lexicon::is_page_number(&n.text) {
                furniture += 1;
                k += 1;
                continue;
            }
            // A blank date to fill in signs only under a body's name.
            if k > j
                && (lexicon::is_date_line(&n.text)
                    || (lexicon::is_placeholder_date(&n.text)
                        && self
                            .line_at(k - 1, j, info)
                            .is_some_and(|p| lexicon::is_org_line(&p.text))))
            {
                return true;
            }
            if !lexicon::is_signer_line(&n.text) {
                return false;
            }
            k += 1;
        }
        false
    }

    /// A title: a short line naming its genre, a Markdown `#` line that opens
    /// a document, or a short unpunctuated line standing over a salutation
    /// or a subtitle.
    fn is_title(&self, j: usize, info: &LineInfo<'a>) -> bool {
        let t: &str = &info.text;
        if lexicon::is_letterhead_mark(t) {
            return false;
        }
        let doc = self.doc.as_ref();
        // A bracketed part of the title on its own line: `（试行）`,
        // `（2023—2025年）`, `（征求意见稿）`.
        if doc.is_some_and(|d| d.phase == Phase::Title && d.titled)
            && self.pending.is_empty()
            && lexicon::is_title_bracket(t)
        {
            return true;
        }
        if !info.title_like() {
            return false;
        }
        // Inside a Markdown document, a heading deeper than its title is a
        // section of it.
        if info.hashes > 0
            && doc.is_some_and(|d| d.title_hashes > 0 && info.hashes > d.title_hashes)
        {
            return false;
        }
        let in_body = doc.is_some_and(Doc::has_content);
        // In an attached form or list, a cell is no title: the next
        // attached document comes after its own label (the annex phase).
        if in_body && doc.is_some_and(|d| d.attached) {
            return false;
        }
        if info.strong_title() || lexicon::is_piece_label_only(t) {
            // In a body, a form's cell (`部门领导意见` over `（签章）`) is no
            // title.
            return !(in_body && self.next_text(j).is_some_and(lexicon::is_form_slot));
        }
        // After a letterhead comes the title (GB/T 9704's order), once the
        // letterhead's own lines are over.
        if doc.is_some_and(|d| {
            d.phase == Phase::Letterhead && !d.titled && (d.numbered || !lexicon::is_org_line(t))
        }) && !lexicon::is_doc_number(t)
            && !lexicon::is_letterhead_mark(t)
            && !lexicon::is_issuer_line(t)
            && !lexicon::is_issuer_and_date(t)
        {
            return true;
        }
        let at_start = doc.is_none_or(|d| d.phase == Phase::Title);
        if info.hashes == 1 || (info.hashes > 1 && at_start) {
            return true;
        }
        // The first line of the whole input, short and unpunctuated, heads
        // it even without a genre word (`某某镇2023年工作亮点`).
        let first_of_input = doc.is_none() && self.root.is_empty() && self.pending.is_empty();
        if first_of_input
            && !self.opens_joint_letterhead(j, info)
            && t.chars().count() <= lexicon::UNTYPED_TITLE_MAX_CHARS
            && !t.contains([',', '，', '、'])
            && !lexicon::is_issuer_line(t)
            && !lexicon::is_doc_number(t)
            && !lexicon::is_letterhead_mark(t)
            && !self.next_text(j).is_some_and(|n| {
                lexicon::is_doc_number(n)
                    || lexicon::is_issuer_line(n)
                    || lexicon::is_letterhead_mark(n)
            })
        {
            return true;
        }
        // A title broken over two or three lines: a short line right under
        // a title row goes on with it when the title so far names no genre
        // and this line or the next ends with one (`关于进一步做好…` /
        // `…改造工作的` / `通知`).
        let next_names_genre = || {
            self.infos.get(j + 1).is_some_and(|n| {
                n.cand.is_none()
                    && n.title_like()
                    && !n.text.contains(is_comma)
                    && lexicon::genre_of_title(&n.text).is_some()
            })
        };
        if doc.is_some_and(|d| {
            d.phase == Phase::Title
                && d.titled
                && d.children
                    .last()
                    .and_then(Node::text)
                    .is_some_and(|p| lexicon::genre_of_title(p).is_none())
        }) && self.pending.is_empty()
            && !t.contains(is_comma)
            && (lexicon::genre_of_title(t).is_some() || next_names_genre())
        {
            return true;
        }
        // The first line of a title broken before its genre word, after a
        // body or before any document: `在全市…工作` / `会议上的讲话`.
        if (in_body || doc.is_none())
            && !t.contains(is_comma)
            && !t.starts_with(['（', '('])
            && !lexicon::is_date_line(t)
            && !lexicon::is_placeholder_date(t)
            && t.chars().count() <= lexicon::UNTYPED_TITLE_MAX_CHARS
            && next_names_genre()
            && self
                .infos
                .get(j + 1)
                .is_some_and(|n| !n.blank_before() && n.strong_title() && !lexicon::is_subtitle(t))
        {
            return true;
        }
        // Under a title, a short line (speaker, place) is meta, not the
        // title of a second document.
        let under_title = doc.is_some_and(|d| !d.has_content() && d.phase != Phase::Title);
        !under_title
            && self.infos.get(j + 1).is_some_and(|n| {
                n.salutation() == Some(Address::People) || lexicon::is_subtitle(&n.text)
            })
            && !t.contains([',', '，'])
    }

    /// Meta fields: a header block, a trailer, or a block that opens the
    /// record of another meeting.
    fn meta_line(&mut self, j: usize, info: &LineInfo<'a>) -> bool {
        let t: &str = &info.text;
        let phase = self.phase();
        let in_header = phase.is_some_and(|p| !p.has_content());
        let titled = self.doc.as_ref().is_some_and(|d| d.titled);
        let attached = self.doc.as_ref().is_some_and(|d| d.attached);
        // After the addressee comes the body: a short line there is text,
        // not a line of the header.
        let addressed = self.doc.as_ref().is_some_and(|d| d.addressed);
        let (key_len, kind) = match lexicon::meta_key(t) {
            // An attached form's cells are body, whatever they look like.
            Some((kind, _)) if attached && kind != MetaKey::Trailer => return false,
            // After the body, an empty field is a blank of a form
            // (`宣传报道时间：`), body like the form's other cells.
            Some((kind, len))
                if kind != MetaKey::Trailer
                    && phase.is_some_and(Phase::has_content)
                    && lexicon::field_value(t, len).is_empty() =>
            {
                return false;
            }
            Some((kind, len)) => (len, Some(kind)),
            // The colophon's printing line goes with `抄送:`, keyless.
            None if self.doc.is_some() && lexicon::is_print_line(t) => (0, Some(MetaKey::Trailer)),
            None if in_header
                && !attached
                && (lexicon::is_subtitle(t)
                    || lexicon::is_date_line(t)
                    || lexicon::is_byline(t)
                    || (titled && lexicon::is_adoption_note(t))
                    || (titled && !addressed && info.title_like())) =>
            {
                (0, None)
            }
            None => return false,
        };
        let block = self.next_is_meta(j);
        let meeting = block && kind == Some(MetaKey::Opening) && lexicon::is_when_or_where(t);
        match (&self.doc, kind) {
            (None, _) => self.open_doc(),
            (Some(d), _) if !d.has_content() => {}
            // The details of a bare item heading (`一、会议安排` then `时间:`
            // `地点:`) stay inside the item.
            (Some(d), Some(MetaKey::Opening | MetaKey::Header)) if d.fields_belong_to_item() => {}
            // A when/where block after a body opens the record of another
            // meeting.
            (Some(_), _) if meeting && self.starts_document(Start::Meeting) => self.open_doc(),
            // A block of fields after the body (`出席:` `列席:` `记录:`) and
            // trailer fields (`抄送:`) close the document.
            (Some(d), Some(MetaKey::Opening | MetaKey::Header)) if block || d.after_field() => {
                self.doc_mut().pop_to(0)
            }
            (Some(_), Some(MetaKey::Trailer)) => self.doc_mut().pop_to(0),
            _ => return false,
        }
        self.flush_into_doc();
        let src = self.src;
        let parts = self.parts;
        let doc = self.doc_mut();
        if doc.phase == Phase::Title && !doc.titled && kind == Some(MetaKey::Opening) {
            doc.opening.get_or_insert(Genre::Minutes);
        }
        if !doc.has_content() {
            doc.phase = Phase::Header;
        } else if kind == Some(MetaKey::Trailer) {
            doc.phase = Phase::Signed;
        }
        // A wrapped field keeps its key and the start of its value in its
        // first row.
        let mut first = true;
        for part in rows(src, parts, info) {
            doc.place(match part {
                Part::Text(span, text) if first => {
                    first = false;
                    let key = text.get(..key_len).unwrap_or("");
                    let value = if key_len == 0 {
                        text
                    } else {
                        lexicon::field_value(text, key_len)
                    };
                    Node::Meta(Box::new(Meta {
                        span,
                        text: cow(text),
                        key: cow(key),
                        value: cow(value),
                    }))
                }
                Part::Text(span, text) => keyless_meta(Line {
                    span,
                    text: cow(text),
                }),
                Part::Furniture(span, text) => furniture(span, text),
            });
        }
        let value = lexicon::field_value(t, key_len);
        if key_len > 0 && value.is_empty() && info.bullet() {
            self.field_indent = Some(info.indent);
        }
        // A bracketed note under a title broken over lines (an adoption
        // history): the lines up to its closing bracket go with it.
        self.carry = key_len == 0
            && t.starts_with(['（', '('])
            && !t.contains(['）', ')'])
            && self
                .infos
                .get(j + 1)
                .is_some_and(|n| n.cand.is_none() && !n.blank_before());
        true
    }

    /// Nests a marker candidate, or refuses it (returns false) when context
    /// says it is not an item (`其次` with no run open, a `首先` that opens
    /// nothing, a decimal that continues no list).
    fn place_item(&mut self, j: usize, info: &mut LineInfo<'a>, c: Candidate) -> bool {
        let first = self.first_ok.get(j).copied().unwrap_or(FirstRun::No);
        let first_ok = first != FirstRun::No;
        let mut view = std::mem::take(&mut self.view);
        view.clear();
        if let Some(d) = &self.doc {
            view.extend(d.stack.iter().map(|o| (o.family(), o.ordinal())));
        }
        let decision = decide(&view, c, first_ok);
        self.view = view;
        let Some((placement, ordinal)) = decision else {
            return false;
        };
        self.ensure_doc();
        self.flush_into_doc();
        let src = self.src;
        let parts = self.parts;
        let doc = self.doc_mut();
        match placement {
            Placement::SiblingOf(k) => doc.pop_to(k),
            Placement::Child => {}
            Placement::Lone => {
                if let Some(rank) = c.family.rank() {
                    while doc
                        .stack
                        .last()
                        .is_some_and(|o| o.family().rank().is_none_or(|r| r >= rank))
                    {
                        let len = doc.stack.len() - 1;
                        doc.pop_to(len);
                    }
                }
            }
        }
        let range = heading_range(info, c.len());
        let reflow = reflow_of(src, parts, info);
        // A heading a page's width broke: its text joined, its span
        // across the break.
        let heading_span =
            crate::tree::text_to_source(info.span.start, reflow.as_deref(), range.clone());
        let heading = match &reflow {
            Some(_) => Cow::Owned(info.text.get(range).unwrap_or("").to_owned()),
            None => cow(heading_span.slice(src).unwrap_or("")),
        };
        doc.phase = Phase::Body;
        let from = doc.nest.len();
        doc.stack.push(Open {
            from,
            hashes: info.hashes,
            item: Box::new(Item {
                span: info.span,
                marker: Marker {
                    family: c.family,
                    ordinal,
                    span: Span::new(info.span.start, info.span.start + c.len()),
                },
                heading,
                heading_span,
                line_span: info.span,
                text: kept_text(info),
                reflow,
                children: Vec::new(),
            }),
        });
        if c.seq.is_some() && first == FirstRun::Section {
            // A section line opens no run: what follows is not under it.
            let len = doc.stack.len().saturating_sub(1);
            doc.pop_to(len);
        }
        true
    }

    fn ensure_doc(&mut self) {
        if self.doc.is_none() {
            self.open_doc();
        }
    }

    fn doc_mut(&mut self) -> &mut Doc<'a> {
        self.doc.get_or_insert_with(Doc::new)
    }

    /// Ends the current document (if any) and starts a new one; debris seen
    /// since the last line stood between the two, so it goes to the root.
    fn open_doc(&mut self) {
        self.close_doc();
        self.flush_to_root();
        self.doc = Some(Doc::new());
    }

    fn close_doc(&mut self) {
        if let Some(doc) = self.doc.take()
            && let Some(piece) = doc.finish()
        {
            self.root.push(Node::Document(Box::new(piece)));
        }
    }

    fn flush_to_root(&mut self) {
        self.root.extend(self.pending.drain(..).map(Node::Noise));
    }

    fn flush_into_doc(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        let pending = std::mem::take(&mut self.pending);
        let doc = self.doc_mut();
        for n in pending {
            doc.place(Node::Noise(n));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cand(text: &str) -> Candidate {
        crate::marker::recognise(text).unwrap()
    }

    #[test]
    fn heading_text_is_the_lead_clause() {
        let text = "(一)加强领导,严密组织。20xx年6月5日";
        let facts = crate::facts::classify(text);
        let info = facts.infos.first().expect("one line");
        assert_eq!(info.cand, Some(cand(text)));
        let h = heading_range(info, "(一)".len());
        assert_eq!(&text[h], "加强领导,严密组织");
    }

    /// Kinds of the document's top-level nodes, with an item's marker.
    fn top_level(text: &str) -> Vec<String> {
        let doc = crate::parse_document(text).unwrap();
        let piece = doc.documents().next().expect("a document");
        piece
            .children
            .iter()
            .map(|n| match n {
                Node::Item(i) => format!("{}{}", i.marker.family, i.marker.ordinal),
                other => other.kind().to_owned(),
            })
            .collect()
    }

    #[test]
    fn an_attachment_list_is_body() {
        let text = "一、总体要求\n附件：1．工作台账\n2．整治清单\n3．联系表\n";
        assert_eq!(
            top_level(text),
            ["cn-dun1", "paragraph", "paragraph", "paragraph"]
        );
        // A bare `附件:` opens the list; its first name starts at 1.
        let text = "一、总体要求\n附件：\n1．工作台账\n2．整治清单\n";
        assert_eq!(
            top_level(text),
            ["cn-dun1", "paragraph", "paragraph", "paragraph"]
        );
        // `附件1:` is one labelled attachment: a `2．` after it is an item.
        let text = "一、总体要求\n附件1：工作台账\n2．整治清单\n";
        assert_eq!(top_level(text), ["cn-dun1", "paragraph", "ar-dot2"]);
    }

    /// Where documents start: (text, the first line of each document).
    #[test]
    fn documents_start_where_the_frame_says() {
        let starts = |text: &str| -> Vec<usize> {
            let doc = crate::parse_document(text).unwrap();
            let index = crate::LineIndex::new(text);
            doc.documents().map(|p| index.line(p.span.start)).collect()
        };
        for (text, want) in [
            // A title over two lines continues; a title after a body starts.
            (
                "关于加强管理的\n通知\n一、总体要求\n关于做好安全的通知\n一、要求\n",
                vec![1, 4],
            ),
            // A letterhead starts its document; the title after it continues.
            (
                "某市人民政府文件\n某政发〔2023〕1号\n关于加强管理的通知\n一、要求\n",
                vec![1],
            ),
            // A letterhead after a body starts the next document.
            (
                "关于甲的通知\n一、要求\n某市人民政府文件\n关于乙的通知\n一、要求\n",
                vec![1, 3],
            ),
            // `同志们：` after a body starts a speech; an addressee does not.
            ("一、要求\n同志们：\n二、要求\n", vec![1, 2]),
            ("关于甲的通知\n一、要求\n各乡镇：\n", vec![1]),
            // A when/where block after a body starts another meeting.
            (
                "时间：3月1日\n地点：会议室\n一、会议审议通过了年度计划。\n会议要求认真落实。\n时间：3月8日\n地点：会议室\n",
                vec![1, 5],
            ),
        ] {
            assert_eq!(starts(text), want, "{text}");
        }
    }

    /// Bare numbers among a table's cells are cells; after a closing and
    /// before `下一页` they are a pager.
    #[test]
    fn numbers_among_cells_are_cells_and_a_pager_is_debris() {
        let kinds = |text: &str| -> Vec<String> {
            let doc = crate::parse_document(text).unwrap();
            doc.walk()
                .filter_map(|(_, n)| match n {
                    Node::Noise(x) if x.text.bytes().all(|b| b.is_ascii_digit()) => {
                        Some(format!("noise {}", x.text))
                    }
                    Node::Paragraph(p) if p.text.bytes().all(|b| b.is_ascii_digit()) => {
                        Some(format!("cell {}", &p.text))
                    }
                    _ => None,
                })
                .collect()
        };
        assert_eq!(
            kinds("关于示范站的通知\n一、名单\n上城区\n12\n8\n江北区\n9\n6\n临川县\n"),
            ["cell 12", "cell 8", "cell 9", "cell 6"]
        );
        assert_eq!(
            kinds("在全镇会议上的讲话\n同志们：\n谢谢大家！\n1\n2\n下一页\n"),
            ["noise 1", "noise 2"]
        );
        // Cells set apart by blank lines, as plain `pdftotext` gives a
        // table, are cells too.
        assert_eq!(
            kinds("关于示范站的通知\n一、名单\n上城区\n\n12\n\n081200\n\n江北区\n\n9\n\n080100\n"),
            ["cell 12", "cell 081200", "cell 9", "cell 080100"]
        );
    }

    /// Roles of a text's top-level nodes in its first document.
    fn kinds(text: &str) -> Vec<&'static str> {
        let doc = crate::parse_document(text).unwrap();
        let piece = doc.documents().next().expect("a document");
        piece.children.iter().map(Node::kind).collect()
    }

    #[test]
    fn a_joint_letterhead_lists_its_issuers_over_wenjian() {
        for text in [
            "发展改革委办公厅\n税务总局办公厅      文件\n发改办财金规〔2019〕860 号\n关于加强纳税信用建设的通知\n各省：\n一、总体要求\n",
            "发展改革委办公厅\n税务总局办公厅\n文件\n发改办财金规〔2019〕860 号\n关于加强纳税信用建设的通知\n各省：\n一、总体要求\n",
        ] {
            let got = kinds(text);
            let metas = got.iter().take_while(|k| **k == "meta").count();
            assert_eq!(metas, got.len() - 3, "{got:?}");
            assert_eq!(got[got.len() - 3..], ["title", "salutation", "item"]);
        }
    }

    #[test]
    fn a_blurb_takes_back_its_lead_broken_off_by_the_width() {
        let text = "在群众工作会议上的讲话\n我们党历来重视群众工作，这是各级领导干部的重大政治责任。\n下面是本站小编给大家整理的讲话，仅供参考。\n同志们：\n今天召开会议。\n";
        assert_eq!(
            kinds(text),
            ["title", "noise", "noise", "salutation", "paragraph"]
        );
    }

    #[test]
    fn a_page_break_between_signers_and_date_keeps_the_signoff() {
        let text = "关于甲的通知\n一、要求\n要加强领导。\n某某市交通运输局\n—4—\n2024年5月8日\n";
        assert_eq!(
            kinds(text),
            ["title", "item", "signoff", "noise", "signoff"]
        );
    }

    #[test]
    fn a_formal_close_speaks_to_the_whole_document() {
        let text = "一、总体要求\n二、工作要求\n要加强领导。\n特此通知。\n";
        assert_eq!(top_level(text), ["cn-dun1", "cn-dun2", "paragraph"]);
    }
}
