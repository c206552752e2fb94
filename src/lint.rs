//! Numbering checks over a finished tree: GB/T 9704-2012 structure numbers
//! (`一、` → `（一）` → `1.` → `（1）`) and plain sequence sense.
//!
//! Runs once per parse, after the tree is built; it visits items only, so
//! its cost is proportional to the number of items, plus one scan of the
//! text up to the last finding to give line and column.

use crate::diagnostic::{Code, Diagnostic};
use crate::marker::Family;
use crate::span::Span;
use crate::tree::{Document, Item, Node};

/// The numbering diagnostics of `doc`, in text order, at most `limit` of
/// them, and how many more were found.
pub(crate) fn check(doc: &Document<'_>, limit: usize) -> (Vec<Diagnostic>, usize) {
    let mut found = Vec::new();
    let mut dropped = 0;
    for piece in doc.documents() {
        let mut ctx = Ctx {
            src: doc.source(),
            last_article: 0,
            limit,
            dropped: &mut dropped,
            out: &mut found,
        };
        ctx.list(&piece.children, None);
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

/// The GB/T 9704 level of a structure-number family (1 to 4).
fn gb_level(f: Family) -> Option<u8> {
    match f {
        Family::CnDun => Some(1),
        Family::CnParen => Some(2),
        Family::ArDot | Family::ArDun => Some(3),
        Family::ArParen => Some(4),
        _ => None,
    }
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
    fn list(&mut self, nodes: &[Node<'_>], parent: Option<&Item<'_>>) {
        let mut prev: Option<&Item<'_>> = None;
        // Width of the first marker of each family in this list that shows one.
        let mut widths: Vec<(Family, bool)> = Vec::new();
        for item in nodes.iter().filter_map(Node::as_item) {
            let m = item.marker;
            let span = m.span;
            let marker = self.marker_text(item);
            match prev {
                Some(p) if p.marker.family == m.family => self.sequence(p, item, marker),
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
                _ => self.first_of_family(item, marker),
            }
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
                gb_level(m.family),
                parent.and_then(|p| gb_level(p.marker.family)),
            ) {
                if child > up + 1 && prev.is_none_or(|q| q.marker.family != m.family) {
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
            }
            if item.heading.trim().is_empty() {
                self.push(Code::EmptyHeading, span, || {
                    format!("`{marker}` has no heading text")
                });
            }
            self.list(&item.children, Some(item));
            prev = Some(item);
        }
    }

    /// Two items of one family in a row.
    fn sequence(&mut self, p: &Item<'_>, item: &Item<'_>, marker: &str) {
        let (a, b) = (p.marker.ordinal, item.marker.ordinal);
        if a.checked_add(1) == Some(b) {
            return;
        }
        let span = item.marker.span;
        if b == 1 {
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
    /// unless it continues the article count of the document.
    fn first_of_family(&mut self, item: &Item<'_>, marker: &str) {
        let m = item.marker;
        if m.ordinal <= 1
            || (m.family == Family::DiTiao && self.last_article.checked_add(1) == Some(m.ordinal))
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
