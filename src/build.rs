//! Pass 2: walk the classified lines with an explicit stack and decide, with
//! context, what each line is, which document it belongs to and where it
//! nests.
//!
//! Pass 1 ([`classify`]) has already split the text into lines, set aside
//! indentation, and found marker candidates. Here each non-blank line becomes
//! exactly one node (so the nodes and the gaps between lines cover the input),
//! documents are opened and closed, and items are nested by the rules of
//! ANNOTATION.md:
//!
//! 1. a continuing sequence of one family stays a sibling;
//! 2. a new list starting at 1 nests inside the item just before it;
//! 3. a family already open further up closes the deeper items;
//! 4. a sequence continued in another family (`第三,` then `四、`) stays a
//!    sibling when the open family is an enumeration or ranks no higher;
//! 5. a lone survivor (`三、` after lost `一、` `二、`) goes to the depth its
//!    family has there.

use std::borrow::Cow;

use crate::lexicon::{self, Address, MetaKey};
use crate::marker::{Candidate, Family, SeqWord};
use crate::span::Span;
use crate::tree::{
    Document, Genre, Item, Line, Marker, Meta, Node, Noise, NoiseKind, Paragraph, Piece,
};

/// One non-blank line as pass 1 left it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct LineInfo<'a> {
    /// The line's text, without indentation, Markdown prefix or trailing space.
    pub span: Span,
    pub text: &'a str,
    /// Number of Markdown `#` before the text (0 for none).
    pub hashes: u8,
    pub cand: Option<Candidate>,
}

/// Pass 1: the non-blank lines with their marker candidates, and the gaps
/// (blank lines, line breaks, indentation) between them.
pub(crate) fn classify(src: &str) -> (Vec<LineInfo<'_>>, Vec<Span>) {
    let mut infos = Vec::new();
    let mut gaps = Vec::new();
    let mut cursor = 0;
    for raw in crate::lines::Lines::new(src) {
        let (mut span, hashes) = crate::lines::text_bounds(src, raw.span);
        if span.is_empty() {
            continue;
        }
        let Some(mut text) = span.slice(src) else {
            continue;
        };
        let mut cand = crate::marker::recognise(text);
        if cand.is_none() {
            if let Some((skip, inner, c)) = emphasised_marker(text) {
                // `**一、总体要求**`: Markdown emphasis around an item line
                // (as pandoc writes bold headings) is layout, a gap like `#`.
                let start = span.start + skip;
                span = Span::new(start, start + inner.len());
                text = inner;
                cand = Some(c);
            }
        }
        if span.start > cursor {
            gaps.push(Span::new(cursor, span.start));
        }
        cursor = span.end;
        infos.push(LineInfo {
            span,
            text,
            hashes,
            cand,
        });
    }
    if src.len() > cursor {
        gaps.push(Span::new(cursor, src.len()));
    }
    (infos, gaps)
}

/// A line that opens with Markdown emphasis (`**` or `__`) around a marker:
/// the length of the opening delimiter, the line without it (and without
/// the closing one when it ends the line), and the marker found there.
fn emphasised_marker(text: &str) -> Option<(usize, &str, Candidate)> {
    let delim = ["**", "__"].into_iter().find(|d| text.starts_with(d))?;
    let inner = text.get(delim.len()..)?;
    let inner = inner.strip_suffix(delim).unwrap_or(inner).trim_end();
    let c = crate::marker::recognise(inner)?;
    (!c.weak).then_some((delim.len(), inner, c))
}

/// An item still open on the stack, collecting its children.
struct Open<'a> {
    item: Box<Item<'a>>,
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
    /// Has a paragraph, item, closing or signoff: past the header.
    has_content: bool,
    /// Holds nothing but title rows so far.
    only_titles: bool,
    /// Has a title row.
    titled: bool,
    /// Genre read from how the document opens, when it has no title.
    opening: Option<Genre>,
}

impl<'a> Doc<'a> {
    fn new() -> Self {
        Doc {
            children: Vec::new(),
            stack: Vec::new(),
            has_content: false,
            only_titles: true,
            titled: false,
            opening: None,
        }
    }

    /// Puts a node where the outline stands: in the innermost open item, or
    /// at document level.
    fn place(&mut self, node: Node<'a>) {
        match self.stack.last_mut() {
            Some(open) => open.item.children.push(node),
            None => self.children.push(node),
        }
    }

    /// The innermost open item is a bare heading (`一、会议安排`: short, no
    /// sentence of its own) with nothing under it yet, or with fields under
    /// it already: a field that comes now describes it.
    fn fields_belong_to_item(&self) -> bool {
        self.stack.last().is_some_and(|open| {
            let item = &open.item;
            match item.children.last() {
                Some(last) => matches!(last, Node::Meta(_)),
                None => {
                    item.heading_span.end == item.line.end
                        && item.text.chars().count() <= 30
                        && !item.text.ends_with(['。', '.', '；', ';'])
                }
            }
        })
    }

    /// The last node at document level is a field and no item is open.
    fn after_field(&self) -> bool {
        self.stack.is_empty() && matches!(self.children.last(), Some(Node::Meta(_)))
    }

    /// Closes open items until `len` remain.
    fn pop_to(&mut self, len: usize) {
        while self.stack.len() > len {
            let Some(mut open) = self.stack.pop() else {
                break;
            };
            let end = open
                .item
                .children
                .last()
                .map_or(open.item.line.end, |c| c.span().end);
            open.item.span.end = end.max(open.item.line.end);
            self.place(Node::Heading(open.item));
        }
    }

    fn finish(mut self) -> Option<Piece<'a>> {
        self.pop_to(0);
        let start = self.children.first()?.span().start;
        let end = self.children.last()?.span().end;
        let mut piece = Piece {
            span: Span::new(start, end),
            genre: Genre::Other,
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

struct Builder<'s, 'a> {
    src: &'a str,
    infos: &'s [LineInfo<'a>],
    /// For each line: a `首先` there opens a run (see [`first_opens_run`]).
    first_ok: Vec<bool>,
    root: Vec<Node<'a>>,
    doc: Option<Doc<'a>>,
    /// Debris waiting for the next line to tell whether it is inside a
    /// document or between two.
    pending: Vec<Noise<'a>>,
    /// Reused buffer: the open stack as (family, ordinal) for [`decide`].
    view: Vec<(Family, u32)>,
    /// Right after an `附件:` line: the family and number of the last
    /// attachment it listed (no family yet after a bare `附件:`), so that
    /// `2．…` on the next line goes on listing attachments.
    attachments: Option<(Option<Family>, u32)>,
}

/// Parses `src` into a tree.
pub(crate) fn build<'a>(src: &'a str, options: &crate::ParseOptions) -> Document<'a> {
    let (infos, gaps) = classify(src);
    let first_ok = first_opens_run(&infos);
    let mut b = Builder {
        src,
        infos: &infos,
        first_ok,
        root: Vec::new(),
        doc: None,
        pending: Vec::new(),
        view: Vec::new(),
        attachments: None,
    };
    b.run();
    let mut doc = Document {
        source: src,
        span: Span::new(0, src.len()),
        children: b.root,
        gaps,
        diagnostics: Vec::new(),
        diagnostics_dropped: 0,
    };
    (doc.diagnostics, doc.diagnostics_dropped) = crate::lint::check(&doc, options.max_diagnostics);
    doc
}

fn cow(s: &str) -> Cow<'_, str> {
    Cow::Borrowed(s)
}

fn line_node<'a>(info: &LineInfo<'a>) -> Line<'a> {
    Line {
        span: info.span,
        text: cow(info.text),
    }
}

/// True for `首先` (or `其一`) on line `j` when it opens a run of points: a
/// continuation (`其次`, `再次`, `其二`, `第二`) follows before the next
/// structure heading, or a short lead clause is followed at once by a new
/// list of lower rank. After a short lead clause, a structure heading stops
/// the run only when it goes on with a list (its family's first marker after
/// `首先` is not a 1): lists starting at 1 are the point's own sublists
/// (`首先,加强领导。` `(一)` `(二)` `其次,…`). Computed for all lines in one
/// backward pass so the lookahead costs O(n) in all.
fn first_opens_run(infos: &[LineInfo<'_>]) -> Vec<bool> {
    let mut out = vec![false; infos.len()];
    let none = usize::MAX;
    let (mut next_cont, mut next_barrier, mut next_hard, mut next_cand) = (none, none, none, none);
    // For each family: the line of its next non-weak marker, and whether
    // that marker is a 1.
    let mut next_of = [(none, true); Family::ALL.len()];
    for (j, info) in infos.iter().enumerate().rev() {
        if let Some(c) = info.cand {
            if matches!(c.seq, Some(SeqWord::First | SeqWord::Qi(1))) {
                let short = short_imperative_lead(info.text.get(c.len..).unwrap_or(""));
                let barrier = if short {
                    Family::ALL
                        .iter()
                        .zip(&next_of)
                        .filter(|(f, (_, one))| f.rank().is_some() && !one)
                        .map(|(_, (line, _))| *line)
                        .fold(next_hard, usize::min)
                } else {
                    next_barrier
                };
                let continued = next_cont < barrier;
                let sublist = infos.get(next_cand).and_then(|n| n.cand).is_some_and(|n| {
                    n.ordinal == 1
                        && matches!(
                            n.family,
                            Family::CnShi
                                | Family::CnYao
                                | Family::ArDot
                                | Family::ArDun
                                | Family::ArParen
                                | Family::ArCircle
                        )
                }) && next_cand < next_hard
                    && short;
                if let Some(slot) = out.get_mut(j) {
                    *slot = continued || sublist;
                }
            }
            let continues = match c.seq {
                Some(SeqWord::Next | SeqWord::Again) => true,
                Some(SeqWord::Qi(n)) => n >= 2,
                _ => c.family == Family::Di && c.ordinal == 2,
            };
            if continues {
                next_cont = j;
            }
            if c.family.rank().is_some() && !c.weak {
                next_barrier = j;
            }
            if !c.weak {
                if let Some(slot) = Family::ALL
                    .iter()
                    .position(|&f| f == c.family)
                    .and_then(|k| next_of.get_mut(k))
                {
                    *slot = (j, c.ordinal == 1);
                }
            }
            next_cand = j;
        }
        if lexicon::is_strong_title(info.text)
            || lexicon::salutation(info.text) == Some(Address::People)
        {
            next_hard = j;
            next_barrier = j;
        }
    }
    out
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

/// A lead clause of a few words that is not the speaker talking about
/// himself (`首先肯定成绩,明确要求。`, not `首先,我代表县委...`).
fn short_imperative_lead(rest: &str) -> bool {
    let rest = rest.trim_start_matches([',', '，', ':', '：', ' ', '\u{3000}']);
    if rest.starts_with(['我', '请', '让', '在']) {
        return false;
    }
    let lead = rest
        .split(['。', '；', ';', '!', '！', '?', '？'])
        .next()
        .unwrap_or("");
    lead.chars().count() <= 20
}

/// The heading text of an item: the lead clause after the marker.
fn heading_span(info: &LineInfo<'_>, marker_len: usize) -> Span {
    let rest = info.text.get(marker_len..).unwrap_or("");
    let trimmed = rest.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '、' | ',' | '，' | '.' | '．')
    });
    let skip = rest.len() - trimmed.len();
    let lead = trimmed
        .find(['。', '；', ';', '：', ':', '!', '！', '?', '？', '*'])
        .unwrap_or(trimmed.len());
    let start = info.span.start + marker_len + skip;
    Span::new(start, start + lead)
}

impl<'a> Builder<'_, 'a> {
    fn run(&mut self) {
        let infos = self.infos;
        let mut front = infos.first().is_some_and(|first| {
            first.cand.is_none()
                && (lexicon::is_compilation_title(first.text)
                    || (lexicon::is_title_like(first.text)
                        && infos.get(1).is_some_and(|n| {
                            lexicon::is_site_byline(n.text) || lexicon::is_blurb(n.text)
                        })))
        });
        for (j, info) in infos.iter().enumerate() {
            if front {
                if self.starts_document(j) {
                    front = false;
                } else {
                    self.front_line(info);
                    continue;
                }
            }
            self.line(j, info);
        }
        self.close_doc();
        self.flush_to_root();
    }

    /// In front matter: does line `j` open the first document?
    fn starts_document(&self, j: usize) -> bool {
        let Some(info) = self.infos.get(j) else {
            return false;
        };
        let t = info.text;
        (lexicon::is_strong_title(t) && !lexicon::is_compilation_title(t))
            || lexicon::salutation(t) == Some(Address::People)
            || info.cand.is_some_and(|c| c.seq.is_none() && !c.weak)
            || (lexicon::is_when_or_where(t) && self.next_is_meta(j))
    }

    fn front_line(&mut self, info: &LineInfo<'a>) {
        let node = match lexicon::noise_kind(info.text) {
            Some(
                cause @ (NoiseKind::PageCounter
                | NoiseKind::Pager
                | NoiseKind::Download
                | NoiseKind::Toolbar),
            ) => Node::Noise(Noise {
                span: info.span,
                text: cow(info.text),
                cause,
            }),
            _ => Node::Front(line_node(info)),
        };
        self.root.push(node);
    }

    fn next_is_meta(&self, j: usize) -> bool {
        self.infos
            .get(j + 1)
            .is_some_and(|n| lexicon::meta_key(n.text).is_some())
    }

    fn next_text(&self, j: usize) -> Option<&'a str> {
        self.infos.get(j + 1).map(|n| n.text)
    }

    /// Decides what one line is and places it.
    fn line(&mut self, j: usize, info: &LineInfo<'a>) {
        let t = info.text;
        let in_header = self.doc.as_ref().is_some_and(|d| !d.has_content);
        let attachments = self.attachments.take();

        // Web debris waits until the next line tells where it belongs. A
        // line that opens with a marker is never debris (page counters,
        // pagers, prompts and site fields have none), so it skips the tests.
        let marker = info.cand.filter(|c| !c.weak);
        let noise = match marker {
            Some(_) => None,
            None => lexicon::noise_kind(t)
                .or_else(|| (in_header && lexicon::is_blurb(t)).then_some(NoiseKind::Blurb)),
        };
        if let Some(cause) = noise {
            self.pending.push(Noise {
                span: info.span,
                text: cow(t),
                cause,
            });
            return;
        }

        if marker.is_none() && self.is_title(j, info) {
            // A title continues a document that so far has only title rows
            // (a title broken over lines) or only a formal header (issuer,
            // document number) without a title; otherwise it opens one.
            let continues = self.doc.as_ref().is_some_and(|d| {
                (d.only_titles && self.pending.is_empty()) || (!d.has_content && !d.titled)
            });
            if continues {
                // Debris seen since the header lies inside this document.
                self.flush_into_doc();
            } else {
                self.open_doc();
            }
            self.doc_mut().titled = true;
            self.place(Node::Title(line_node(info)));
            return;
        }

        if let Some(address) = lexicon::salutation(t) {
            let has_content = self.doc.as_ref().map(|d| d.has_content);
            let placed = match (address, has_content) {
                (Address::People, None | Some(true)) | (Address::Organ, None) => {
                    self.open_doc();
                    true
                }
                (_, Some(false)) => true,
                (Address::Organ, Some(true)) => false,
            };
            if placed {
                self.flush_into_doc();
                let doc = self.doc_mut();
                doc.only_titles = false;
                doc.opening.get_or_insert(match address {
                    Address::People => Genre::Speech,
                    Address::Organ => Genre::Report,
                });
                self.place(Node::Salutation(line_node(info)));
                return;
            }
        }

        if marker.is_none() && self.meta_line(j, info) {
            return;
        }

        // The next name of an attachment list (`附件:1．…` then `2．…`) is
        // body, like the `附件` line itself.
        let listed = match (attachments, info.cand) {
            (Some((family, last)), Some(c))
                if c.seq.is_none()
                    && family.is_none_or(|f| f == c.family)
                    && Some(c.ordinal) == last.checked_add(1) =>
            {
                self.attachments = Some((Some(c.family), c.ordinal));
                true
            }
            _ => false,
        };

        // A line with a marker is an item unless context refuses it; only
        // then is it worth asking whether it closes or signs the document.
        if let Some(c) = info.cand.filter(|_| !listed) {
            if self.place_item(j, info, c) {
                return;
            }
        }

        if lexicon::is_closing(t) && self.doc.is_some() {
            self.flush_into_doc();
            let doc = self.doc_mut();
            doc.pop_to(0);
            doc.has_content = true;
            doc.only_titles = false;
            doc.children.push(Node::Closing(line_node(info)));
            return;
        }

        if self.doc.as_ref().is_some_and(|d| d.has_content)
            && (lexicon::is_date_line(t)
                || (lexicon::is_org_line(t)
                    && self.next_text(j).is_some_and(lexicon::is_date_line)))
        {
            self.flush_into_doc();
            let doc = self.doc_mut();
            doc.pop_to(0);
            doc.children.push(Node::Signoff(line_node(info)));
            return;
        }

        self.ensure_doc();
        self.flush_into_doc();
        let doc = self.doc_mut();
        if ["同志们", "总之", "总而言之", "特此", "妥否", "当否", "附件"]
            .iter()
            .any(|w| t.starts_with(w))
        {
            // A concluding paragraph speaks to the whole document (the
            // formal close of a notice or report, `特此通知。` `妥否，请批示。`
            // included), and an attachment list belongs to no item.
            doc.pop_to(0);
        }
        doc.has_content = true;
        doc.only_titles = false;
        doc.place(Node::Paragraph(Paragraph {
            span: info.span,
            text: cow(t),
        }));
        if let Some(list) = t.strip_prefix("附件") {
            self.attachments = attachment_list(list);
        }
    }

    /// A title: a short line naming its genre, a Markdown `#` line that opens
    /// a document, or a short unpunctuated line standing over a salutation
    /// or a subtitle.
    fn is_title(&self, j: usize, info: &LineInfo<'a>) -> bool {
        let t = info.text;
        if !lexicon::is_title_like(t) {
            return false;
        }
        if lexicon::is_strong_title(t) || lexicon::is_piece_label_only(t) {
            return true;
        }
        let at_start = self.doc.as_ref().is_none_or(|d| d.only_titles);
        if info.hashes == 1 || (info.hashes > 1 && at_start) {
            return true;
        }
        // The first line of the whole input, short and unpunctuated, heads
        // it even without a genre word (`某某镇2023年工作亮点`).
        let first_of_input = self.doc.is_none() && self.root.is_empty() && self.pending.is_empty();
        if first_of_input
            && t.chars().count() <= 30
            && !t.contains([',', '，', '、'])
            && !lexicon::is_issuer_line(t)
            && !lexicon::is_doc_number(t)
        {
            return true;
        }
        // Under a title, a short line (speaker, place) is meta, not the
        // title of a second document.
        let under_title = self
            .doc
            .as_ref()
            .is_some_and(|d| !d.has_content && !d.only_titles);
        let next = self.next_text(j);
        !under_title
            && next.is_some_and(|n| {
                lexicon::salutation(n) == Some(Address::People) || lexicon::is_subtitle(n)
            })
            && !t.contains([',', '，'])
    }

    /// Meta fields: a header block, a trailer, or a block that opens the
    /// record of another meeting.
    fn meta_line(&mut self, j: usize, info: &LineInfo<'a>) -> bool {
        let t = info.text;
        let in_header = self.doc.as_ref().is_some_and(|d| !d.has_content);
        let (key_len, kind) = match lexicon::meta_key(t) {
            Some((kind, len)) => (len, Some(kind)),
            // The colophon's printing line goes with `抄送:`, keyless.
            None if self.doc.is_some() && lexicon::is_print_line(t) => (0, Some(MetaKey::Trailer)),
            None if (in_header || self.doc.is_none())
                && (lexicon::is_issuer_line(t) || lexicon::is_doc_number(t)) =>
            {
                (0, None)
            }
            None if in_header
                && (lexicon::is_subtitle(t)
                    || lexicon::is_date_line(t)
                    || lexicon::is_byline(t)
                    || (self.doc.as_ref().is_some_and(|d| d.titled)
                        && lexicon::is_title_like(t))) =>
            {
                (0, None)
            }
            None => return false,
        };
        let block = self.next_is_meta(j);
        match (&self.doc, kind) {
            (None, _) => self.open_doc(),
            (Some(d), _) if !d.has_content => {}
            // The details of a bare item heading (`一、会议安排` then `时间:`
            // `地点:`) stay inside the item.
            (Some(d), Some(MetaKey::Opening | MetaKey::Header)) if d.fields_belong_to_item() => {}
            // A when/where block after a body opens the record of another
            // meeting.
            (Some(_), Some(MetaKey::Opening)) if block && lexicon::is_when_or_where(t) => {
                self.open_doc()
            }
            // A block of fields after the body (`出席:` `列席:` `记录:`) and
            // trailer fields (`抄送:`) close the document.
            (Some(d), Some(MetaKey::Opening | MetaKey::Header)) if block || d.after_field() => {
                self.doc_mut().pop_to(0)
            }
            (Some(_), Some(MetaKey::Trailer)) => self.doc_mut().pop_to(0),
            _ => return false,
        }
        self.flush_into_doc();
        let doc = self.doc_mut();
        if doc.only_titles && kind == Some(MetaKey::Opening) {
            doc.opening.get_or_insert(Genre::Minutes);
        }
        doc.only_titles = false;
        let key = t.get(..key_len).unwrap_or("");
        let value = if key_len == 0 {
            t
        } else {
            let after = t.get(key_len..).unwrap_or("");
            after
                .strip_prefix([':', '：'])
                .unwrap_or(after)
                .trim_start()
        };
        doc.place(Node::Meta(Box::new(Meta {
            span: info.span,
            text: cow(t),
            key: cow(key),
            value: cow(value),
        })));
        true
    }

    /// Nests a marker candidate, or refuses it (returns false) when context
    /// says it is not an item (`其次` with no run open, a `首先` that opens
    /// nothing, a decimal that continues no list).
    fn place_item(&mut self, j: usize, info: &LineInfo<'a>, c: Candidate) -> bool {
        let first_ok = self.first_ok.get(j).copied().unwrap_or(false);
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
        let heading = heading_span(info, c.len);
        doc.has_content = true;
        doc.only_titles = false;
        doc.stack.push(Open {
            item: Box::new(Item {
                span: info.span,
                marker: Marker {
                    family: c.family,
                    ordinal,
                    span: Span::new(info.span.start, info.span.start + c.len),
                },
                heading: cow(heading.slice(src).unwrap_or("")),
                heading_span: heading,
                line: info.span,
                text: cow(info.text),
                children: Vec::new(),
            }),
        });
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

    fn place(&mut self, node: Node<'a>) {
        self.doc_mut().place(node);
    }

    /// Ends the current document (if any) and starts a new one; debris seen
    /// since the last line stood between the two, so it goes to the root.
    fn open_doc(&mut self) {
        self.close_doc();
        self.flush_to_root();
        self.doc = Some(Doc::new());
    }

    fn close_doc(&mut self) {
        if let Some(doc) = self.doc.take() {
            if let Some(piece) = doc.finish() {
                self.root.push(Node::Document(piece));
            }
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

/// Where a new item goes relative to the open stack.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Placement {
    /// Close stack entries from index `k` on; the item takes entry `k`'s place.
    SiblingOf(usize),
    /// A child of the innermost open item (or top level when none is open).
    Child,
    /// A survivor whose siblings were lost: close what ranks no higher, then
    /// nest.
    Lone,
}

/// The nesting rules, on a view of the open stack (family and ordinal of
/// each open item, outermost first). Returns where the candidate goes and
/// its ordinal, or `None` when context says it is not an item.
pub(crate) fn decide(
    stack: &[(Family, u32)],
    c: Candidate,
    first_ok: bool,
) -> Option<(Placement, u32)> {
    let topmost = |pred: &dyn Fn(Family) -> bool| stack.iter().rposition(|&(f, _)| pred(f));
    let ordinal_at = |k: usize| stack.get(k).map_or(0, |&(_, n)| n);
    match c.seq {
        Some(SeqWord::Next) => {
            return topmost(&|f| f == Family::Seq).map(|k| (Placement::SiblingOf(k), 2));
        }
        Some(SeqWord::Again) => {
            return topmost(&|f| f == Family::Seq)
                .map(|k| (Placement::SiblingOf(k), ordinal_at(k).saturating_add(1)));
        }
        Some(SeqWord::Qi(n)) if n >= 2 => {
            return topmost(&|f| f == Family::Seq).map(|k| (Placement::SiblingOf(k), n));
        }
        Some(SeqWord::Last) => {
            // An open `seq` run takes `最后` before a `di` run inside it:
            // a `seq` item never nests in a `seq` item, so families stay
            // distinct along a path and the depth stays bounded.
            return topmost(&|f| f == Family::Seq)
                .or_else(|| topmost(&|f| f == Family::Di))
                .map(|k| (Placement::SiblingOf(k), ordinal_at(k).saturating_add(1)));
        }
        Some(SeqWord::First | SeqWord::Qi(_)) if !first_ok => return None,
        _ => {}
    }
    let n = c.ordinal;
    if c.weak {
        return stack
            .iter()
            .rposition(|&(f, o)| f == c.family && o.checked_add(1) == Some(n))
            .map(|k| (Placement::SiblingOf(k), n));
    }
    if let Some(k) = topmost(&|f| f == c.family) {
        return Some((Placement::SiblingOf(k), n));
    }
    if n >= 2 {
        let continues = stack.iter().position(|&(f, o)| {
            o.checked_add(1) == Some(n)
                && (f.is_enumeration() || matches!((c.family.rank(), f.rank()), (Some(new), Some(open)) if new <= open))
        });
        if let Some(k) = continues {
            return Some((Placement::SiblingOf(k), n));
        }
        return Some((Placement::Lone, n));
    }
    Some((Placement::Child, n))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cand(text: &str) -> Candidate {
        crate::marker::recognise(text).unwrap()
    }

    #[test]
    fn a_continuing_sequence_stays_a_sibling() {
        let stack = [(Family::CnDun, 1)];
        assert_eq!(
            decide(&stack, cand("二、"), false),
            Some((Placement::SiblingOf(0), 2))
        );
    }

    #[test]
    fn a_new_list_at_one_nests() {
        let stack = [(Family::CnDun, 1)];
        assert_eq!(
            decide(&stack, cand("(一)"), false),
            Some((Placement::Child, 1))
        );
    }

    #[test]
    fn cn_paren_after_ar_dot_closes_the_point() {
        let stack = [(Family::CnDun, 1), (Family::CnParen, 1), (Family::ArDot, 2)];
        assert_eq!(
            decide(&stack, cand("(二)"), false),
            Some((Placement::SiblingOf(1), 2))
        );
    }

    #[test]
    fn a_sequence_continued_in_another_family_stays_a_sibling() {
        let stack = [(Family::Di, 3)];
        assert_eq!(
            decide(&stack, cand("四、"), false),
            Some((Placement::SiblingOf(0), 4))
        );
        let stack = [(Family::Seq, 2)];
        assert_eq!(
            decide(&stack, cand("第三,"), false),
            Some((Placement::SiblingOf(0), 3))
        );
    }

    #[test]
    fn di_two_after_cn_dun_one_opens_a_child_list() {
        let stack = [(Family::CnDun, 1)];
        assert_eq!(
            decide(&stack, cand("第二,"), false),
            Some((Placement::Lone, 2))
        );
    }

    #[test]
    fn a_surviving_san_after_lost_yi_er_is_lone() {
        let stack = [(Family::CnShi, 5)];
        assert_eq!(
            decide(&stack, cand("三、"), false),
            Some((Placement::Lone, 3))
        );
    }

    #[test]
    fn qi_ci_needs_an_open_sequence() {
        assert_eq!(decide(&[(Family::Di, 1)], cand("其次,"), false), None);
        assert_eq!(decide(&[(Family::Di, 1)], cand("再次是"), false), None);
        assert_eq!(
            decide(&[(Family::Seq, 2)], cand("再次是"), false),
            Some((Placement::SiblingOf(0), 3))
        );
        assert_eq!(
            decide(&[(Family::Di, 3)], cand("最后,"), false),
            Some((Placement::SiblingOf(0), 4))
        );
        assert_eq!(decide(&[(Family::CnDun, 3)], cand("最后,"), false), None);
    }

    #[test]
    fn shou_xian_needs_a_run_to_open() {
        assert_eq!(decide(&[], cand("首先,我代表"), false), None);
        assert_eq!(
            decide(&[], cand("首先,要"), true),
            Some((Placement::Child, 1))
        );
    }

    #[test]
    fn decimals_only_continue_an_open_list() {
        assert_eq!(
            decide(&[(Family::ArDot, 4)], cand("5.3月龄"), false),
            Some((Placement::SiblingOf(0), 5))
        );
        assert_eq!(decide(&[], cand("5.3月龄"), false), None);
    }

    #[test]
    fn heading_text_is_the_lead_clause() {
        let text = "(一)加强领导,严密组织。20xx年6月5日";
        let info = LineInfo {
            span: Span::new(0, text.len()),
            text,
            hashes: 0,
            cand: Some(cand(text)),
        };
        let h = heading_span(&info, "(一)".len());
        assert_eq!(&text[h.range()], "加强领导,严密组织");
    }

    /// Kinds of the document's top-level nodes, with an item's marker.
    fn top_level(text: &str) -> Vec<String> {
        let doc = crate::parse_document(text).unwrap();
        let piece = doc.documents().next().expect("a document");
        piece
            .children
            .iter()
            .map(|n| match n {
                Node::Heading(i) => format!("{}{}", i.marker.family, i.marker.ordinal),
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

    #[test]
    fn a_formal_close_speaks_to_the_whole_document() {
        let text = "一、总体要求\n二、工作要求\n要加强领导。\n特此通知。\n";
        assert_eq!(top_level(text), ["cn-dun1", "cn-dun2", "paragraph"]);
    }
}
