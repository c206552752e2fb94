//! Checks over a finished tree: the numbering, against GB/T 9704-2012's
//! structure numbers (`一、` → `（一）` → `1.` → `（1）`, 7.3.3) and plain
//! sequence sense, and each document's frame: the 发文字号 (7.2.5), the
//! 成文日期 (7.3.5.4), the 附件说明 and the attachments the body cites
//! (7.3.4), and a title that ends in punctuation.
//!
//! Runs once per parse, after the tree is built. Its cost is proportional
//! to the number of nodes, plus three bounded kinds of text reading, none
//! repeated: the short lines a document number or a date may be (at most
//! a few hundred bytes each, refused longer by their recognisers), one
//! memmem pass over the text of each paragraph and item line for `附件`,
//! and, only for an item that would have lost its earlier siblings, one
//! pass over the at most three paragraphs (or parent line) just before
//! it, which no other item reads; then one scan of the text up to the
//! last finding to give line and column.

use std::ops::Range;

use nom::{
    IResult, Parser,
    character::complete::{one_of, satisfy},
    multi::fold_many_m_n,
};

use crate::date::{DateStyle, date_line};
use crate::diagnostic::{Code, Diagnostic};
use crate::docnum::{Bracket, doc_number};
use crate::marker::{Family, recognise};
use crate::numeral::{Digits, ar_digits, cn_numeral};
use crate::span::Span;
use crate::tree::{Compilation, Document, Genre, Item, Line, Node, Paragraph};

/// The diagnostics of `doc`, in text order, at most `limit` of them, and
/// how many more were found.
pub(crate) fn check(doc: &Compilation<'_>, limit: usize) -> (Vec<Diagnostic>, usize) {
    let mut found = Vec::new();
    let mut dropped = 0;
    let cite = memchr::memmem::Finder::new("附件");
    for piece in doc.documents() {
        let mut ctx = Ctx {
            src: doc.source(),
            last_article: 0,
            listed: Vec::new(),
            limit,
            dropped: &mut dropped,
            out: &mut found,
        };
        ctx.frame(piece, &cite);
        ctx.list(&piece.children, None, &[]);
    }
    found.sort_by_key(|d| d.span.start);
    locate(doc.source(), &mut found);
    (found, dropped)
}

struct Ctx<'o, 's> {
    src: &'s str,
    /// Ordinal of the last article (`第N条`) seen: articles number on
    /// across chapters.
    last_article: u32,
    /// Markers of lines the parser read as items that are a 附件说明's
    /// numbers (`2．责任分工表`): the frame checks their numbering. In text
    /// order, so sorted.
    listed: Vec<Span>,
    limit: usize,
    dropped: &'o mut usize,
    out: &'o mut Vec<Diagnostic>,
}

/// Whether a marker was written in full-width forms (`（一）` `１．` `第一，`),
/// half-width (`(一)` `1.` `第一,`), or neither tells (`一、`).
fn width(marker: &str) -> Option<bool> {
    let mut found = None;
    for c in marker.chars() {
        if ('\u{ff01}'..='\u{ff5e}').contains(&c) {
            found = Some(true);
        } else if c.is_ascii_punctuation() || c.is_ascii_digit() {
            found = Some(false);
        }
    }
    found
}

impl<'s> Ctx<'_, 's> {
    /// True while there is room for another diagnostic; counts the ones
    /// past the limit. Call before building a message.
    fn room(&mut self) -> bool {
        if self.out.len() < self.limit {
            return true;
        }
        *self.dropped += 1;
        false
    }

    fn push(&mut self, code: Code, span: Span, message: impl FnOnce() -> String) {
        if !self.room() {
            return;
        }
        let message = message();
        self.out.push(Diagnostic {
            code,
            severity: code.severity(),
            span,
            line: 0,
            column: 0,
            message,
        });
    }

    fn marker_text(&self, item: &Item<'_>) -> &'s str {
        item.marker.span.slice(self.src).unwrap_or("")
    }

    /// Checks one list of siblings, then recurses into each item.
    ///
    /// `run_on` holds, per family, the last ordinal among the children of
    /// the parent's earlier siblings: State Council 规定 number their
    /// points on across parents (`（五）` first under `二、` after
    /// `（一）`–`（四）` under `一、`), so a list may begin where that one
    /// ended.
    fn list(&mut self, nodes: &[Node<'_>], parent: Option<&Item<'_>>, run_on: &[(Family, u32)]) {
        let mut prev: Option<&Item<'_>> = None;
        // Where the nodes since `prev` (or since the list began) start.
        let mut since = 0;
        // An unnumbered section line (`### 一些活动与通知`) since `prev`.
        let mut section = false;
        // Width of the first marker of each family in this list that shows one.
        let mut widths: Vec<(Family, bool)> = Vec::new();
        // Per family, the last ordinal among the children of this list's
        // items so far: the `run_on` of the next item's children.
        let mut carried: Vec<(Family, u32)> = Vec::new();
        for (at, node) in nodes.iter().enumerate() {
            let item = match node {
                Node::Item(item) => &**item,
                Node::Paragraph(p) => {
                    section |= self.is_section_line(p);
                    continue;
                }
                _ => continue,
            };
            let before = nodes.get(since..at).unwrap_or(&[]);
            since = at + 1;
            let m = item.marker;
            let span = m.span;
            let marker = self.marker_text(item);
            match prev {
                Some(p) if p.marker.family == m.family => {
                    // The parser may have read the section line as the last
                    // child of the item before.
                    let section = section || self.ends_with_section_line(p);
                    self.sequence(p, item, marker, section);
                }
                Some(p) if p.marker.ordinal.checked_add(1) == Some(m.ordinal) => {
                    if matches!(
                        (p.marker.family, m.family),
                        (Family::ArDot, Family::ArDun) | (Family::ArDun, Family::ArDot)
                    ) {
                        let before = self.marker_text(p);
                        self.push(Code::MixedStyle, span, || {
                            format!(
                                "`{marker}` continues a list numbered `{before}`; use one style"
                            )
                        });
                    }
                }
                _ => {
                    let lead = if prev.is_none() { parent } else { None };
                    self.first_of_family(item, marker, run_on, before, lead);
                }
            }
            section = false;
            if m.family == Family::DiTiao {
                self.last_article = m.ordinal;
            }
            if let Some(w) = width(marker) {
                match widths.iter().find(|(f, _)| *f == m.family) {
                    Some(&(_, first)) if first != w => self.push(Code::MixedWidth, span, || {
                        format!(
                            "`{marker}` is {} but this list began {}",
                            if w { "full-width" } else { "half-width" },
                            if first { "full-width" } else { "half-width" }
                        )
                    }),
                    Some(_) => {}
                    None => widths.push((m.family, w)),
                }
            }
            if let (Some(p), Some(child), Some(up)) = (
                parent,
                m.family.gb_level(),
                parent.and_then(|p| p.marker.family.gb_level()),
            ) && child > up + 1
                && prev.is_none_or(|q| q.marker.family != m.family)
            {
                let above = self.marker_text(p);
                self.push(
                        Code::LevelSkip,
                        span,
                        || {
                            let skipped = match child - up {
                                2 => format!("level {} is skipped", up + 1),
                                3 => format!("levels {} and {} are skipped", up + 1, up + 2),
                                _ => format!("levels {} to {} are skipped", up + 1, child - 1),
                            };
                            format!("`{marker}` (level {child}) sits directly under `{above}` (level {up}); {skipped}")
                        },
                    );
            }
            if item.heading.trim().is_empty() {
                self.push(Code::EmptyHeading, span, || {
                    format!("`{marker}` has no heading text")
                });
            }
            self.list(&item.children, Some(item), &carried);
            for child in item.items() {
                let f = child.marker.family;
                match carried.iter_mut().find(|(g, _)| *g == f) {
                    Some(slot) => slot.1 = child.marker.ordinal,
                    None => carried.push((f, child.marker.ordinal)),
                }
            }
            prev = Some(item);
        }
    }

    /// True when the last node under `item` (its last child, that child's
    /// last child, …) is an unnumbered section line.
    fn ends_with_section_line(&self, item: &Item<'_>) -> bool {
        let mut last = item.children.last();
        while let Some(node) = last {
            match node {
                Node::Item(i) => last = i.children.last(),
                Node::Paragraph(p) => return self.is_section_line(p),
                _ => return false,
            }
        }
        false
    }

    /// A paragraph that heads a section without a number: a Markdown
    /// heading (`### 一些活动与通知`), or a short line with no punctuation
    /// (`在工人中的宣传工作`). A list after one is a new list, not a
    /// restart. Reads at most the few bytes of `#` before the paragraph and
    /// its last character.
    fn is_section_line(&self, p: &Paragraph<'_>) -> bool {
        let before = self.src.get(..p.span.start).unwrap_or("");
        let before = before.trim_end_matches([' ', '\t', '\u{3000}']);
        let hashes = before.len() - before.trim_end_matches('#').len();
        let at_line_start = before
            .get(..before.len() - hashes)
            .is_some_and(|b| b.is_empty() || b.ends_with(['\n', '\r']));
        if (1..=6).contains(&hashes) && at_line_start {
            return true;
        }
        const SHORT_BYTES: usize = 60; // 20 CJK characters
        p.text.len() <= SHORT_BYTES && !p.text.contains(crate::chars::is_text_punctuation)
    }

    /// Two items of one family in a row; `section` when an unnumbered
    /// section line stands between them.
    fn sequence(&mut self, p: &Item<'_>, item: &Item<'_>, marker: &str, section: bool) {
        let (a, b) = (p.marker.ordinal, item.marker.ordinal);
        if a.checked_add(1) == Some(b) {
            return;
        }
        let span = item.marker.span;
        if b == 1 && section {
            // A new section's list: `### 一些活动与通知` then `1.` again.
        } else if b == 1 {
            self.push(Code::NumberingRestart, span, || {
                format!("`{marker}` starts the list again after {a}")
            });
        } else if b == a {
            self.push(Code::NumberingRepeat, span, || {
                format!("`{marker}` repeats number {a}")
            });
        } else if b < a {
            self.push(Code::NumberingBackwards, span, || {
                format!("`{marker}` goes back from {a} to {b}")
            });
        } else {
            self.push(Code::NumberingGap, span, || {
                let what = if b - a == 2 {
                    format!("{} is", a + 1)
                } else {
                    format!("{} to {} are", a + 1, b - 1)
                };
                format!("`{marker}` follows {a}; {what} missing")
            });
        }
    }

    /// The first item of its family in a list: it should be number 1,
    /// unless it continues the article count of the document, numbers on
    /// from the list under the parent's earlier sibling (`run_on`), or its
    /// first siblings stand inline just before it: in the paragraphs since
    /// its previous sibling (`before`) or at the end of its parent's own
    /// line (`lead`): `会议要求：一是加强领导。` then `二是…` opening the
    /// next line, `第二十九条 …文件： （一）登记申请书；` then `（二）…`.
    fn first_of_family(
        &mut self,
        item: &Item<'_>,
        marker: &str,
        run_on: &[(Family, u32)],
        before: &[Node<'_>],
        lead: Option<&Item<'_>>,
    ) {
        let m = item.marker;
        if m.ordinal <= 1
            || self.listed.binary_search(&m.span).is_ok()
            || (m.family == Family::DiTiao && self.last_article.checked_add(1) == Some(m.ordinal))
            || run_on
                .iter()
                .any(|&(f, n)| f == m.family && n.checked_add(1) == Some(m.ordinal))
            || inline_before(before, lead, m.family) == Some(m.ordinal - 1)
        {
            return;
        }
        self.push(Code::LostSiblings, m.span, || {
            format!(
                "`{marker}` is the first {} item here; {} missing or lost",
                m.family,
                if m.ordinal == 2 {
                    "item 1 is".to_owned()
                } else {
                    format!("items 1 to {} are", m.ordinal - 1)
                }
            )
        });
    }
}

/// After these a new clause begins, and an inline point may stand: the
/// inline enumerations' clause boundaries, and a space.
fn is_clause_break(c: char) -> bool {
    crate::inline::is_boundary(c) || c == ' ' || c == '\t'
}

/// The ordinal of the last point of `family` standing at a clause start in
/// `text` (`会议要求：一是加强领导。` holds `一是`, 1), reading from `from`.
/// One pass; the recogniser looks at a dozen characters at most.
fn last_inline(text: &str, from: usize, family: Family) -> Option<u32> {
    let mut last = None;
    let mut at_break = true;
    for (i, c) in text.char_indices() {
        if i >= from
            && at_break
            && let Some(found) = text.get(i..).and_then(recognise)
            && found.family == family
            && !found.weak
        {
            last = Some(found.ordinal);
        }
        at_break = is_clause_break(c);
    }
    last
}

/// How many paragraphs back the first point of a run may stand inline:
/// `实施积极的财政政策。一是…`, a paragraph of figures, then `二是` (gwr2009)
/// is two.
const INLINE_LOOKBACK: usize = 3;

/// The ordinal of the last point of `family` standing inline in the last
/// [`INLINE_LOOKBACK`] paragraphs `before` an item (nearest first), or,
/// when they are all the item's list holds before it and none has one, on
/// the own line of its parent `lead` after the parent's marker. Noise is
/// skipped; any other node ends the search.
fn inline_before(before: &[Node<'_>], lead: Option<&Item<'_>>, family: Family) -> Option<u32> {
    let mut read = 0;
    for node in before.iter().rev() {
        match node {
            Node::Paragraph(_) if read == INLINE_LOOKBACK => return None,
            Node::Paragraph(p) => {
                if let Some(n) = last_inline(&p.text, 0, family) {
                    return Some(n);
                }
                read += 1;
            }
            Node::Noise(_) => {}
            _ => return None,
        }
    }
    let lead = lead?;
    let after_marker = lead.marker.span.end.saturating_sub(lead.line_span.start);
    last_inline(&lead.text, after_marker, family)
}

/// GB/T 9704-2012 came into force on 2012-07-01; the 1999 edition it
/// replaced wrote the 成文日期 in Chinese numerals.
const GBT_9704_2012_IN_FORCE: (u16, u8, u8) = (2012, 7, 1);

/// The 附件说明 of a document, as read from its top-level paragraphs.
struct AttachmentNote {
    /// Each attachment's number and where it is written (`1．`), in
    /// order; empty for one attachment named without a number
    /// (`附件：重点任务分工表`).
    numbers: Vec<(u32, Span)>,
}

impl AttachmentNote {
    /// True when the note lists attachment `n`.
    fn lists(&self, n: u32) -> bool {
        if self.numbers.is_empty() {
            n == 1
        } else {
            self.numbers.iter().any(|&(k, _)| k == n)
        }
    }

    /// The numbers listed, for a message: `1 to 3`, `1, 2, 4`.
    fn listed(&self) -> String {
        let ns: Vec<u32> = self.numbers.iter().map(|&(n, _)| n).collect();
        match ns.as_slice() {
            [] => "one unnumbered attachment".to_owned(),
            [one] => format!("only {one}"),
            [first, .., last]
                if ns
                    .windows(2)
                    .all(|w| matches!(w, [a, b] if a.checked_add(1) == Some(*b))) =>
            {
                format!("{first} to {last}")
            }
            _ => ns.iter().map(u32::to_string).collect::<Vec<_>>().join(", "),
        }
    }
}

/// An attachment the body cites: `见附件2`, `（附件1）`, `详见附件`.
struct Citation {
    /// `附件` and its number, if any.
    span: Span,
    number: Option<u32>,
}

impl<'s> Ctx<'_, 's> {
    /// The frame checks of one document.
    fn frame(&mut self, piece: &Document<'_>, cite: &memchr::memmem::Finder<'_>) {
        // A speech's or minutes' date under the signature is no 成文日期.
        let dated = !matches!(piece.genre, Genre::Speech | Genre::Minutes);
        // The title rows and paragraphs a document opens with (after its
        // letterhead), up to the first that ends in punctuation: the
        // parser reads no title row that does, so such a title is found
        // as a paragraph, or as title rows and a paragraph.
        let mut opening: Vec<Row<'_>> = Vec::new();
        let mut opened = false;
        let mut note: Option<AttachmentNote> = None;
        let mut nodes = piece.children.iter().peekable();
        while let Some(node) = nodes.next() {
            let row = match node {
                Node::Title(l) => Some(Row::new(l.span, &l.text, true)),
                Node::Paragraph(p) => Some(Row::new(p.span, &p.text, false)),
                _ => None,
            };
            match row {
                Some(row) if !opened && opening.len() < TITLE_ROWS_MAX => {
                    opened = row.end_punctuation().is_some();
                    opening.push(row);
                    if let Node::Paragraph(p) = node {
                        self.doc_number(p.span, &p.text);
                    }
                    continue;
                }
                None if opening.is_empty() && matches!(node, Node::Meta(_) | Node::Noise(_)) => {}
                _ => opened = true,
            }
            match node {
                Node::Signoff(l) if dated => self.date(l),
                Node::Paragraph(p) => match attachment_note(&p.text) {
                    Some(first) if note.is_none() => {
                        let numbers = self.attachment_list(p, first, &mut nodes);
                        self.attachment_numbering(&numbers);
                        note = Some(AttachmentNote { numbers });
                    }
                    _ => self.doc_number(p.span, &p.text),
                },
                _ => {}
            }
        }
        if let Some(number) = &piece.frame.number {
            self.doc_number(number.span, &number.text);
        }
        self.title(&opening);
        self.citations(piece, note.as_ref(), cite);
    }

    /// The numbers of the 附件说明 that `p` opens (`first`: its own number,
    /// as [`attachment_note`] read it): `1．` on its line, then `2．…`
    /// `3．…` on the paragraphs after it (or on the lines the parser read
    /// as items, which the numbering checks then leave to this one), taken
    /// from `nodes`.
    fn attachment_list<'n, 'a: 'n>(
        &mut self,
        p: &Paragraph<'_>,
        first: Option<(u32, Range<usize>)>,
        nodes: &mut std::iter::Peekable<std::slice::Iter<'n, Node<'a>>>,
    ) -> Vec<(u32, Span)> {
        let Some((n, r)) = first else {
            return Vec::new();
        };
        let mut numbers = vec![(n, shift(p.span, r))];
        while let Some(next) = nodes.peek() {
            let found = match next {
                Node::Paragraph(q) => {
                    attachment_number(&q.text).map(|(n, r)| (n, shift(q.span, r)))
                }
                Node::Item(i)
                    if matches!(i.marker.family, Family::ArDot | Family::ArDun)
                        && i.children.is_empty() =>
                {
                    self.listed.push(i.marker.span);
                    Some((i.marker.ordinal, i.marker.span))
                }
                _ => None,
            };
            let Some(found) = found else { break };
            numbers.push(found);
            nodes.next();
        }
        numbers
    }

    /// `doc-number-*`: a line that is a document number (`text` at `at`),
    /// checked against GB/T 9704-2012 7.2.5: the one the frame read, or a
    /// paragraph that is nothing but a number (the builder may not take a
    /// number with the wrong brackets, `某政发（2024）3号`, for one).
    fn doc_number(&mut self, at: Span, text: &str) {
        let Some((range, number, faults)) = doc_number(text) else {
            return;
        };
        let Some(parts) = text.get(range.clone()).and_then(number_parts) else {
            return;
        };
        let base = at.start + range.start;
        let slice = |r: &Range<usize>| Span::new(base + r.start, base + r.end);
        let written = |r: &Range<usize>| text.get(range.start + r.start..range.start + r.end);
        if faults.year_bracket != Bracket::Hexagonal {
            let year = written(&parts.year).unwrap_or("").to_owned();
            let what = if faults.year_bracket == Bracket::SmallHexagonal {
                format!("the look-alike small brackets `{year}` (U+FE5D U+FE5E)")
            } else {
                format!("`{year}`")
            };
            self.push(Code::DocNumberBracket, slice(&parts.year), || {
                format!(
                    "GB/T 9704-2012 7.2.5: the year of a 发文字号 goes in 〔〕: `〔{}〕`, not {what}",
                    number.year
                )
            });
        }
        if let (true, Some(di)) = (faults.di, &parts.di) {
            self.push(Code::DocNumberDi, slice(di), || {
                format!(
                    "GB/T 9704-2012 7.2.5: a 发文字号 takes no 第 before its serial number: `{}〔{}〕{}号`",
                    number.code, number.year, number.number
                )
            });
        }
        if faults.leading_zero {
            let serial = written(&parts.serial).unwrap_or("").to_owned();
            self.push(Code::DocNumberLeadingZero, slice(&parts.serial), || {
                format!(
                    "GB/T 9704-2012 7.2.5: a 发文字号's serial number has no leading zero (不编虚位): `{}号`, not `{serial}号`",
                    number.number
                )
            });
        }
    }

    /// `date-*`: a signoff line that is a date, checked against GB/T
    /// 9704-2012 7.3.5.4.
    fn date(&mut self, line: &Line<'_>) {
        let Some(found) = date_line(&line.text) else {
            return;
        };
        let span = shift(line.span, found.range.clone());
        let written = line.text.get(found.range.clone()).unwrap_or("").to_owned();
        let d = found.date;
        let right = format!("{}年{}月{}日", d.year, d.month, d.day);
        match found.style {
            DateStyle::Dotted => self.push(Code::DateNotArabic, span, || {
                format!(
                    "GB/T 9704-2012 7.3.5.4: a 成文日期 gives 年、月、日 in Arabic numerals: `{right}`, not `{written}`"
                )
            }),
            DateStyle::Chinese if (d.year, d.month, d.day) >= GBT_9704_2012_IN_FORCE => {
                self.push(Code::DateNotArabic, span, || {
                    format!(
                        "GB/T 9704-2012 7.3.5.4: since 2012-07-01 a 成文日期 is in Arabic numerals: `{right}`, not `{written}`"
                    )
                });
            }
            DateStyle::Chinese => {}
            DateStyle::Arabic if found.has_leading_zero() => {
                self.push(Code::DateLeadingZero, span, || {
                    format!(
                        "GB/T 9704-2012 7.3.5.4: month and day take no leading zero (不编虚位): `{right}`, not `{written}`"
                    )
                });
            }
            DateStyle::Arabic => {}
        }
    }

    /// `title-punctuation`: the rows a document opens with (at most
    /// [`TITLE_ROWS_MAX`]) end in punctuation and are its title: the
    /// parser read them all as title rows, or, without the punctuation,
    /// they read as a 公文 title: a title-like line that names a genre
    /// (`通知`, `报告`, `讲话`) after `关于` or `的`, with no comma, whose
    /// rows before the last name none (`某某县人民政府关于做好春节期间`
    /// then `安全工作的通知。`).
    fn title(&mut self, rows: &[Row<'_>]) {
        let Some((last, before)) = rows.split_last() else {
            return;
        };
        let Some(c) = last.end_punctuation() else {
            return;
        };
        let end = last.span.start + last.text.len();
        let span = Span::new(end - c.len_utf8(), end);
        if rows.iter().all(|r| r.title) {
            self.push(Code::TitlePunctuation, span, || title_message(c));
            return;
        }
        if before
            .iter()
            .any(|r| crate::lexicon::genre_of_title(r.text).is_some())
        {
            return;
        }
        let mut title = String::new();
        for r in rows {
            title.push_str(r.text);
        }
        title.truncate(title.len() - c.len_utf8());
        let reads_as_title = crate::lexicon::is_title_like(&title)
            && crate::lexicon::genre_of_title(&title).is_some()
            && (title.contains("关于") || title.contains('的'))
            && !title.contains(['，', ',']);
        if reads_as_title {
            self.push(Code::TitlePunctuation, span, || title_message(c));
        }
    }

    /// `attachment-numbering`: the 附件说明's numbers run 1, 2, 3.
    fn attachment_numbering(&mut self, numbers: &[(u32, Span)]) {
        let mut want = 1u32;
        for &(n, span) in numbers {
            if n != want {
                let written = span.slice(self.src).unwrap_or("").to_owned();
                self.push(Code::AttachmentNumbering, span, || {
                    let what = if want == 1 {
                        "it should open the list with 1".to_owned()
                    } else if n > want {
                        let missing = if n - want == 1 {
                            format!("{want} is")
                        } else {
                            format!("{want} to {} are", n - 1)
                        };
                        format!("it follows {}, so {missing} missing", want - 1)
                    } else {
                        format!("it follows {}", want - 1)
                    };
                    format!(
                        "GB/T 9704-2012 7.3.4: a 附件说明 numbers its attachments 1, 2, 3 in order; `{written}` breaks the run: {what}"
                    )
                });
            }
            want = n.saturating_add(1);
        }
    }

    /// `attachment-unlisted`: attachments the body cites, against the
    /// 附件说明. One memmem pass over each paragraph and item line.
    fn citations(
        &mut self,
        piece: &Document<'_>,
        note: Option<&AttachmentNote>,
        cite: &memchr::memmem::Finder<'_>,
    ) {
        // Most documents cite no attachment: one search over the
        // document's text says so before any node is visited. (A tree read
        // from JSON has no source text and is walked.)
        if let Some(t) = piece.span.slice(self.src)
            && cite.find(t.as_bytes()).is_none()
        {
            return;
        }
        // The numbers reported (`None` for `附件` without one).
        let mut reported: std::collections::BTreeSet<Option<u32>> =
            std::collections::BTreeSet::new();
        let mut stack: Vec<std::slice::Iter<'_, Node<'_>>> = vec![piece.children.iter()];
        while let Some(top) = stack.last_mut() {
            let Some(node) = top.next() else {
                stack.pop();
                continue;
            };
            let (text, at) = match node {
                Node::Paragraph(p) => (&p.text, p.span.start),
                Node::Item(i) => {
                    stack.push(i.children.iter());
                    (&i.text, i.line_span.start)
                }
                _ => continue,
            };
            for hit in cite.find_iter(text.as_bytes()) {
                let Some(c) = citation(text, hit, at) else {
                    continue;
                };
                let listed = match note {
                    None => false,
                    Some(note) => c.number.is_none_or(|n| note.lists(n)),
                };
                if listed
                    || reported.contains(&c.number)
                    || (note.is_none() && !reported.is_empty())
                {
                    continue;
                }
                reported.insert(c.number);
                let cited = c.span.slice(self.src).unwrap_or("附件").to_owned();
                self.push(Code::AttachmentUnlisted, c.span, || match note {
                    None => format!(
                        "GB/T 9704-2012 7.3.4: the body cites `{cited}` but the document has no 附件说明 (`附件：1．…` under the body)"
                    ),
                    Some(note) => format!(
                        "GB/T 9704-2012 7.3.4: the body cites `{cited}` but the 附件说明 lists {}",
                        note.listed()
                    ),
                });
            }
        }
    }
}

/// Most rows of a title (GB/T 9704 lays a long one out over several).
const TITLE_ROWS_MAX: usize = 3;

/// A title row or paragraph a document opens with.
struct Row<'t> {
    span: Span,
    /// Its text without Markdown emphasis after it (`**…**`).
    text: &'t str,
    /// The parser read it as a title row.
    title: bool,
}

impl<'t> Row<'t> {
    fn new(span: Span, text: &'t str, title: bool) -> Self {
        let text = text.trim_end_matches(['*', '_']);
        Row { span, text, title }
    }

    /// The punctuation the row ends in, if any. A `.` or `．` counts only
    /// after a Chinese character: after a letter or digit it ends an
    /// abbreviation (`Co., Ltd.`) or a number (`１．`).
    fn end_punctuation(&self) -> Option<char> {
        let mut chars = self.text.chars();
        let c = chars.next_back().filter(|&c| is_end_punctuation(c))?;
        let ideograph = |b: char| matches!(b, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}');
        if matches!(c, '.' | '．') && !chars.next_back().is_some_and(ideograph) {
            return None;
        }
        Some(c)
    }
}

fn title_message(c: char) -> String {
    format!(
        "a 公文 title ends without punctuation (国家行政机关公文处理办法 第十条: 标题中除法规、规章名称加书名号外，一般不用标点符号); drop the final `{c}`"
    )
}

/// `r` inside a node's text, as a span of the input.
fn shift(at: Span, r: Range<usize>) -> Span {
    Span::new(at.start + r.start, at.start + r.end)
}

/// Punctuation that ends a sentence or clause; a title ends in none of
/// them. Closing brackets, quotes and 》 may end a title
/// (`…办法（试行）`, `…《…》`), so they are not here.
fn is_end_punctuation(c: char) -> bool {
    crate::chars::is_text_punctuation(c) || matches!(c, '．' | '.')
}

/// Where the parts of a document number lie in its text.
///
/// ```text
/// 国办发[2018]第012号
///       ^^^^^^         year (with its brackets)
///             ^^       di
///               ^^^    serial
/// ```
struct NumberParts {
    year: Range<usize>,
    di: Option<Range<usize>>,
    serial: Range<usize>,
}

/// The parts of `t`, a document number as [`doc_number`] found it (at
/// most a few hundred bytes: this reads it once). The code before the year
/// is ideographs only, so the first bracket opens the year.
fn number_parts(t: &str) -> Option<NumberParts> {
    let open = t.find(['〔', '﹝', '[', '［', '(', '（', '【', '〖'])?;
    let close = open
        + t.get(open..)?
            .find(['〕', '﹞', ']', '］', ')', '）', '】', '〗'])?;
    let year_end = close + t.get(close..)?.chars().next()?.len_utf8();
    let rest = t.get(year_end..)?;
    let di = rest
        .find('第')
        .map(|i| year_end + i..year_end + i + '第'.len_utf8());
    let digits = rest.find(|c: char| crate::numeral::ar_digit_value(c).is_some())?;
    let serial_start = year_end + digits;
    let serial_len: usize = t
        .get(serial_start..)?
        .chars()
        .take_while(|&c| crate::numeral::ar_digit_value(c).is_some())
        .map(char::len_utf8)
        .sum();
    Some(NumberParts {
        year: open..year_end,
        di,
        serial: serial_start..serial_start + serial_len,
    })
}

/// Spaces inside a line: ASCII space and tab, U+3000, U+00A0.
fn is_gap_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{3000}' | '\u{a0}')
}

// gap := ( ' ' | '\t' | U+3000 | U+00A0 ){0,3}
fn gap(i: &str) -> IResult<&str, ()> {
    fold_many_m_n(0, 3, satisfy(is_gap_space), || (), |_, _| ()).parse(i)
}

// attachment_number := ar_digit{1,3} gap ( '.' | '．' | '、' )      ; 1．  2.  3、
fn attachment_number_p(i: &str) -> IResult<&str, Digits> {
    let (i, n) = ar_digits(1, 3).parse(i)?;
    let (i, _) = gap(i)?;
    let (i, _) = one_of(".．、").parse(i)?;
    Ok((i, n))
}

/// The number opening a line of a 附件说明 (`2．…`) and the range of its
/// digits and stop in `text`.
fn attachment_number(text: &str) -> Option<(u32, Range<usize>)> {
    let (rest, n) = attachment_number_p(text).ok()?;
    Some((n.value, 0..text.len() - rest.len()))
}

// attachment_note := '附件' gap ( ':' | '：' ) gap attachment_number?   ; 附件：1．…  附件：名称
//   (not `附件1：`, the label over an attached document)
fn attachment_note_p(i: &str) -> IResult<&str, ()> {
    let (i, _) = nom::bytes::complete::tag("附件").parse(i)?;
    let (i, _) = gap(i)?;
    let (i, _) = one_of(":：").parse(i)?;
    let (i, _) = gap(i)?;
    Ok((i, ()))
}

/// When `text` opens a 附件说明, its first attachment's number and that
/// number's range in `text` (the outer `Option`: a note or not; the inner:
/// numbered, or a single attachment named without a number).
fn attachment_note(text: &str) -> Option<Option<(u32, Range<usize>)>> {
    let (rest, ()) = attachment_note_p(text).ok()?;
    if rest.trim().is_empty() {
        // `附件：` alone is a label, not a list.
        return None;
    }
    let offset = text.len() - rest.len();
    Some(attachment_number(rest).map(|(n, r)| (n, offset + r.start..offset + r.end)))
}

// citation := ( '见' | open_round ) '附件' number? ( close_round | '、' | '，' | ',' )?
//   number := ar_digit{1,3} | cn_numeral
//   open_round: the citation must close after the number: （附件1） (附件)
/// The citation of an attachment around the `附件` at byte `hit` of
/// `text`, whose first byte is at `at` in the input: `见附件2`, `详见附件`,
/// `（附件1）`. `意见附件` (an opinion's attachment) is not one.
fn citation(text: &str, hit: usize, at: usize) -> Option<Citation> {
    let before = text.get(..hit)?;
    let after_tag = hit + "附件".len();
    let rest = text.get(after_tag..)?;
    let number: Option<(u32, usize)> = if let Ok((r, d)) = ar_digits(1, 3).parse(rest) {
        Some((d.value, rest.len() - r.len()))
    } else if let Ok((r, n)) = cn_numeral(rest) {
        Some((n, rest.len() - r.len()))
    } else {
        None
    };
    let end = after_tag + number.map_or(0, |(_, len)| len);
    let seen = before.ends_with('见') && !before.ends_with("意见");
    let bracketed = before.ends_with(['（', '('])
        && text
            .get(end..)
            .and_then(|r| r.chars().next())
            .is_some_and(|c| matches!(c, '）' | ')' | '、' | '，' | ','));
    if !(seen || bracketed) {
        return None;
    }
    Some(Citation {
        span: Span::new(at + hit, at + end),
        number: number.map(|(n, _)| n),
    })
}

/// Fills in 1-based line and column (in characters) for diagnostics sorted
/// by offset, counting line breaks (`\n`, `\r\n`, lone `\r`) with memchr
/// between one finding and the next: one pass, no allocation, and the text
/// after the last finding is never read.
fn locate(src: &str, found: &mut [Diagnostic]) {
    let bytes = src.as_bytes();
    let mut line = 1;
    let mut line_start = 0;
    let mut pos = 0;
    for d in found {
        let at = d.span.start.min(bytes.len());
        if at > pos {
            for i in memchr::memchr2_iter(b'\n', b'\r', bytes.get(pos..at).unwrap_or(&[])) {
                let i = pos + i;
                // The \r of a \r\n pair is not a break of its own.
                if bytes.get(i) == Some(&b'\r') && bytes.get(i + 1) == Some(&b'\n') {
                    continue;
                }
                line += 1;
                line_start = i + 1;
            }
            pos = at;
        }
        d.line = line;
        d.column = src.get(line_start..at).map_or(0, |s| s.chars().count()) + 1;
    }
}
