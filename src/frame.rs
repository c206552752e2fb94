//! The typed frame of one document: the GB/T 9704-2012 elements around its
//! items (发文字号, 主送机关, 署名, 成文日期, 附注, 附件说明, 抄送, 印发), and
//! for speeches and minutes their own (speaker, occasion, meeting fields).
//!
//! The frame is read once from a finished document's nodes, where the
//! builder has already given every line its role: the number is a header
//! field, the issuers and the date are the signoff lines, and so on. Each
//! element keeps the span of the text it was read from, inside the
//! document's span.
//!
//! ```
//! let text = "国务院办公厅关于加强管理的通知\n国办发〔2018〕123号\n各省、自治区、直辖市人民政府，国务院各部委：\n一、总体要求\n国务院办公厅\n2018年12月7日\n（此件公开发布）\n";
//! let doc = gongwen::parse_document(text)?;
//! let frame = &doc.documents().next().expect("a document").frame;
//! assert_eq!(frame.number.as_ref().map(|n| n.text.as_ref()), Some("国办发〔2018〕123号"));
//! let date = frame.date.expect("a date");
//! assert_eq!((date.date.year, date.date.month, date.date.day), (2018, 12, 7));
//! let bodies: Vec<_> = frame.addressees.iter().map(|a| a.text.as_ref()).collect();
//! assert_eq!(bodies, ["各省、自治区、直辖市人民政府", "国务院各部委"]);
//! assert_eq!(frame.issuers[0].text, "国务院办公厅");
//! assert_eq!(frame.notes[0].text, "（此件公开发布）");
//! # Ok::<(), gongwen::ParseError>(())
//! ```

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::span::Span;
use crate::tree::{Line, Meta, Node};

/// One element of a frame: a piece of text and where it lies.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Field<'a> {
    /// The element's text, as written.
    pub text: Cow<'a, str>,
    /// Where it lies in the input.
    pub span: Span,
}

/// A date of the frame with where it is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DateField {
    /// The calendar date.
    #[serde(flatten)]
    pub date: Date,
    /// Where the date is written (`2018年12月7日`, `二〇一八年十二月七日`).
    pub span: Span,
}

/// One attachment named in the 附件说明 (`附件：1．名单`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Attachment<'a> {
    /// Its number in the list (1 for a single unnumbered attachment).
    pub ordinal: u32,
    /// Its name.
    pub name: Cow<'a, str>,
    /// Where the name (with its number) is written.
    pub span: Span,
}

/// A labelled field of a meeting's record (`时间：` `地点：` `主持人：`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MeetingField<'a> {
    /// The label (`时间`).
    pub key: Cow<'a, str>,
    /// What follows the colon.
    pub value: Cow<'a, str>,
    /// The whole field.
    pub span: Span,
}

/// The frame of one document: what it has of the GB/T 9704 elements.
/// Elements a document lacks are `None` or empty (and left out of JSON).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Frame<'a> {
    /// 发文机关标志 in the letterhead: `某某市人民政府文件`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer_mark: Option<Field<'a>>,
    /// 发文字号: `国办发〔2018〕123号`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<Field<'a>>,
    /// 主送机关, one per body named.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub addressees: Vec<Field<'a>>,
    /// 发文机关署名 (or the speaker's or author's name above the date).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub issuers: Vec<Field<'a>>,
    /// 成文日期, or the date under a speech's or report's title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<DateField>,
    /// 附注: `（此件公开发布）`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Field<'a>>,
    /// 附件说明: the attachments the document lists.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<Attachment<'a>>,
    /// 抄送机关, one per body.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cc: Vec<Field<'a>>,
    /// 印发机关.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub printed_by: Option<Field<'a>>,
    /// 印发日期.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub printed_on: Option<DateField>,
    /// A speech's or report's byline under its title (`市长　李四`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<Field<'a>>,
    /// A subtitle naming the occasion (`——在全市工作会议上的讲话`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub occasion: Option<Field<'a>>,
    /// The fields of a meeting's record.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub meeting: Vec<MeetingField<'a>>,
}

/// An owned copy of a borrowed text.
fn own(text: Cow<'_, str>) -> Cow<'static, str> {
    Cow::Owned(text.into_owned())
}

impl Field<'_> {
    fn into_owned(self) -> Field<'static> {
        Field {
            text: own(self.text),
            span: self.span,
        }
    }
}

impl Frame<'_> {
    /// The same frame owning its texts (see
    /// [`Compilation::into_owned`](crate::Compilation::into_owned)).
    pub(crate) fn into_owned(self) -> Frame<'static> {
        let fields = |v: Vec<Field<'_>>| v.into_iter().map(Field::into_owned).collect();
        Frame {
            issuer_mark: self.issuer_mark.map(Field::into_owned),
            number: self.number.map(Field::into_owned),
            addressees: fields(self.addressees),
            issuers: fields(self.issuers),
            date: self.date,
            notes: fields(self.notes),
            attachments: self
                .attachments
                .into_iter()
                .map(|a| Attachment {
                    ordinal: a.ordinal,
                    name: own(a.name),
                    span: a.span,
                })
                .collect(),
            cc: fields(self.cc),
            printed_by: self.printed_by.map(Field::into_owned),
            printed_on: self.printed_on,
            speaker: self.speaker.map(Field::into_owned),
            occasion: self.occasion.map(Field::into_owned),
            meeting: self
                .meeting
                .into_iter()
                .map(|m| MeetingField {
                    key: own(m.key),
                    value: own(m.value),
                    span: m.span,
                })
                .collect(),
        }
    }

    /// True when the document has none of the elements.
    pub fn is_empty(&self) -> bool {
        *self == Frame::default()
    }

    /// Every span the frame holds, for checks.
    pub(crate) fn spans(&self) -> Vec<Span> {
        let mut out = Vec::new();
        let fields = [
            &self.issuer_mark,
            &self.number,
            &self.printed_by,
            &self.speaker,
            &self.occasion,
        ];
        out.extend(fields.into_iter().flatten().map(|f| f.span));
        for list in [&self.addressees, &self.issuers, &self.notes, &self.cc] {
            out.extend(list.iter().map(|f| f.span));
        }
        out.extend(self.date.iter().chain(&self.printed_on).map(|d| d.span));
        out.extend(self.attachments.iter().map(|a| a.span));
        out.extend(self.meeting.iter().map(|m| m.span));
        out
    }
}

/// A field for `text[range]` of a node whose text starts at `start`.
// A `&Cow`, not a `&str`: a borrowed text lends its `'a` to the field.
#[allow(clippy::ptr_arg)]
fn sub<'a>(text: &Cow<'a, str>, start: usize, range: std::ops::Range<usize>) -> Option<Field<'a>> {
    let piece: Cow<'a, str> = match text {
        Cow::Borrowed(t) => Cow::Borrowed(t.get(range.clone())?),
        Cow::Owned(t) => Cow::Owned(t.get(range.clone())?.to_owned()),
    };
    Some(Field {
        text: piece,
        span: Span::new(start + range.start, start + range.end),
    })
}

/// The parts of a list of bodies (`各省、自治区、直辖市人民政府，国务院各部委`),
/// split at `，` outside brackets (a `、` joins the parts of one body's
/// name), each trimmed, as ranges into `text`.
fn bodies(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut depth = 0u32;
    let mut start = 0;
    let push = |from: usize, to: usize, out: &mut Vec<std::ops::Range<usize>>| {
        let part = text.get(from..to).unwrap_or("");
        let lead = part.len() - part.trim_start_matches(crate::lines::is_space).len();
        let trimmed = part
            .trim_matches(crate::lines::is_space)
            .trim_end_matches(['。', '.']);
        if !trimmed.is_empty() {
            out.push(from + lead..from + lead + trimmed.len());
        }
    };
    for (i, c) in text.char_indices() {
        match c {
            '（' | '(' => depth = depth.saturating_add(1),
            '）' | ')' => depth = depth.saturating_sub(1),
            '，' | ',' if depth == 0 => {
                push(start, i, &mut out);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    push(start, text.len(), &mut out);
    out
}

fn date_field(text: &str, start: usize) -> Option<DateField> {
    let found = crate::date::find_date(text)?;
    Some(DateField {
        date: found.date,
        span: Span::new(start + found.range.start, start + found.range.end),
    })
}

/// Reads the frame from a document's top-level nodes.
pub(crate) fn read<'a>(children: &[Node<'a>]) -> Frame<'a> {
    let mut frame = Frame::default();
    let last_signoff = children
        .iter()
        .rposition(|n| matches!(n, Node::Signoff(_)))
        .unwrap_or(usize::MAX);
    let mut listing = false;
    let mut titled = false;
    for (k, node) in children.iter().enumerate() {
        match node {
            Node::Title(_) => titled = true,
            Node::Meta(m) => read_meta(&mut frame, m, titled, k > last_signoff),
            Node::Salutation(l) => {
                if frame.addressees.is_empty()
                    && crate::lexicon::salutation(&l.text) != Some(crate::lexicon::Address::People)
                    && crate::lexicon::run_on_address(&l.text).is_none()
                {
                    frame.addressees = addressees(l, children.get(k + 1..).unwrap_or(&[]));
                }
            }
            Node::Signoff(l) => {
                if let Some(d) = crate::date::date_line(&l.text) {
                    frame.date.get_or_insert(DateField {
                        date: d.date,
                        span: Span::new(l.span.start + d.range.start, l.span.start + d.range.end),
                    });
                } else if !crate::lexicon::is_placeholder_date(&l.text)
                    && !crate::lexicon::is_date_line(&l.text)
                {
                    frame.issuers.push(Field {
                        text: l.text.clone(),
                        span: l.span,
                    });
                }
            }
            Node::Paragraph(p) => {
                // 附件说明: `附件：1．名单` then `2．…`, or `附件：名单`.
                let text = p.text.as_ref();
                if let Some(rest) = text
                    .strip_prefix("附件")
                    .and_then(|r| r.strip_prefix(['：', ':']))
                {
                    let skip = text.len() - rest.len();
                    listing = read_attachment(&mut frame, p, skip, true);
                } else if listing {
                    listing = read_attachment(&mut frame, p, 0, false);
                }
            }
            _ => listing = false,
        }
    }
    frame
}

/// The bodies an addressee names, read from its first row `first` and the
/// rows that go on with it among `rest` (an addressee broken over lines
/// goes on until a row ends with its colon). The addressee ends at its
/// colon; the body may run on after it.
fn addressees<'a>(first: &Line<'a>, rest: &[Node<'a>]) -> Vec<Field<'a>> {
    let mut rows = vec![first];
    for node in rest {
        match node {
            Node::Salutation(l) if !rows.iter().any(|r| r.text.contains(['：', ':'])) => {
                rows.push(l)
            }
            _ => break,
        }
    }
    // The rows joined (one row is its own text): a body inside one row
    // borrows that row's text; one named across a break gets its text
    // joined and its span across the break.
    let joined: Cow<'_, str> = match rows.as_slice() {
        [one] => Cow::Borrowed(one.text.as_ref()),
        _ => Cow::Owned(rows.iter().map(|r| r.text.as_ref()).collect()),
    };
    let end = joined.find(['：', ':']).unwrap_or(joined.len());
    let head = joined.get(..end).unwrap_or("");
    bodies(head)
        .into_iter()
        .filter_map(|r| {
            let mut at = 0;
            for row in &rows {
                let len = row.text.len();
                if r.start >= at && r.end <= at + len {
                    return sub(&row.text, row.span.start, r.start - at..r.end - at);
                }
                at += len;
            }
            let reflow = crate::tree::Reflow {
                pieces: rows.iter().map(|r| r.span).collect(),
                furniture: Vec::new(),
            };
            Some(Field {
                text: Cow::Owned(joined.get(r.clone())?.to_owned()),
                span: reflow.source_span(Span::new(r.start, r.end)),
            })
        })
        .collect()
}

/// One name of a 附件说明 (`1．名单` or, first, a bare name); returns
/// whether the list may go on.
#[allow(clippy::ptr_arg)] // as for `sub`
fn read_attachment<'a>(
    frame: &mut Frame<'a>,
    p: &crate::tree::Paragraph<'a>,
    skip: usize,
    first: bool,
) -> bool {
    let text = &p.text;
    // Where a range of the paragraph's text lies in the source: through
    // its pieces when a page's width broke it.
    let place = |r| crate::tree::text_to_source(p.span.start, p.reflow.as_deref(), r);
    let rest = text.get(skip..).unwrap_or("");
    let lead = rest.len() - rest.trim_start_matches(crate::lines::is_space).len();
    let rest = rest.trim_start_matches(crate::lines::is_space);
    let at = skip + lead;
    let (ordinal, name_at) = match crate::marker::recognise(rest) {
        // `1．2023年度…名单`: a number run on into the name is still its
        // number here.
        Some(c) if c.seq.is_none() && c.ordinal >= 1 => (c.ordinal, at + c.len()),
        _ if first && !rest.is_empty() => (1, at),
        _ => return first && rest.is_empty(),
    };
    let expected = frame
        .attachments
        .last()
        .map_or(1, |a| a.ordinal.saturating_add(1));
    if ordinal != expected && !first {
        return false;
    }
    let name = text
        .get(name_at..)
        .unwrap_or("")
        .trim_matches(crate::lines::is_space);
    if name.is_empty() {
        return false;
    }
    let name_start = text.get(name_at..).map_or(name_at, |t| {
        name_at + (t.len() - t.trim_start_matches(crate::lines::is_space).len())
    });
    let range = name_start..name_start + name.len();
    if let Some(field) = sub(text, 0, range.clone()) {
        let name = place(range);
        frame.attachments.push(Attachment {
            ordinal,
            name: field.text,
            span: Span::new(place(at..at).start, name.end),
        });
    }
    true
}

fn read_meta<'a>(frame: &mut Frame<'a>, m: &Meta<'a>, titled: bool, after_signoff: bool) {
    let text = m.text.as_ref();
    let start = m.span.start;
    if m.key.is_empty() {
        if let Some((range, _, _)) = crate::docnum::doc_number(text) {
            if frame.number.is_none() {
                frame.number = sub(&m.text, start, range);
            }
        } else if crate::lexicon::is_issuer_line(text)
            || (!titled && crate::lexicon::is_org_line(text))
        {
            // `XX文件`, or a letter's letterhead: the issuer's name alone.
            frame.issuer_mark.get_or_insert(Field {
                text: m.text.clone(),
                span: m.span,
            });
        } else if crate::lexicon::is_print_line(text) {
            if let Some(d) = date_field(text, start) {
                let by = text
                    .get(..d.span.start - start)
                    .unwrap_or("")
                    .trim_end_matches(crate::lines::is_space);
                if !by.is_empty() {
                    frame.printed_by = sub(&m.text, start, 0..by.len());
                }
                frame.printed_on = Some(d);
            }
        } else if after_signoff && crate::lexicon::is_issuer_note(text) {
            frame.notes.push(Field {
                text: m.text.clone(),
                span: m.span,
            });
        } else if crate::lexicon::is_subtitle(text) {
            let body = text.trim_start_matches(['—', '-', '－', ' ', '\u{3000}']);
            if frame.occasion.is_none() {
                frame.occasion = sub(&m.text, start, text.len() - body.len()..text.len());
            }
        } else if let Some(d) = crate::date::date_line(text) {
            if frame.date.is_none() {
                frame.date = Some(DateField {
                    date: d.date,
                    span: Span::new(start + d.range.start, start + d.range.end),
                });
            }
        } else if titled && !after_signoff && frame.speaker.is_none() && is_name_line(text) {
            frame.speaker = Some(Field {
                text: m.text.clone(),
                span: m.span,
            });
        }
        return;
    }
    match m.key.as_ref() {
        "抄送" | "抄报" => {
            let value_at = text.len() - m.value.len();
            frame.cc.extend(
                bodies(&m.value)
                    .into_iter()
                    .filter_map(|r| sub(&m.text, start, value_at + r.start..value_at + r.end)),
            );
        }
        "印发" => {
            if let Some(d) = date_field(text, start) {
                frame.printed_on = Some(d);
            }
        }
        _ if crate::lexicon::meta_key(text)
            .is_some_and(|(k, _)| k != crate::lexicon::MetaKey::Trailer) =>
        {
            frame.meeting.push(MeetingField {
                key: m.key.clone(),
                value: m.value.clone(),
                span: m.span,
            });
        }
        _ => {}
    }
}

/// Longest byline under a title, in characters (`市长　李四`).
const BYLINE_MAX_CHARS: usize = 16;

/// A byline under a title: a name, perhaps after an office, nothing else
/// (the labelled bylines, `作者：`, are [`crate::lexicon::is_byline`]'s).
fn is_name_line(text: &str) -> bool {
    text.chars().count() <= BYLINE_MAX_CHARS
        && text.chars().all(|c| {
            ('\u{4e00}'..='\u{9fff}').contains(&c) || crate::lines::is_space(c) || c == '·'
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines_are_names() {
        for (text, yes) in [
            ("市长　李四", true),
            ("李四", true),
            ("〔2023〕第18次", false),
            ("2024年1月15日", false),
        ] {
            assert_eq!(is_name_line(text), yes, "{text}");
        }
    }

    #[test]
    fn bodies_split_outside_brackets() {
        let text = "各市（州）、县（市、区）人民政府，省政府各部门，各直属机构";
        let parts: Vec<_> = bodies(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            parts,
            [
                "各市（州）、县（市、区）人民政府",
                "省政府各部门",
                "各直属机构"
            ]
        );
        let text = "各乡镇（街道，园区），县直各单位";
        let parts: Vec<_> = bodies(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(parts, ["各乡镇（街道，园区）", "县直各单位"]);
        assert!(bodies("").is_empty());
        let text = "市委各部门，市人大常委会办公厅。";
        let parts: Vec<_> = bodies(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(parts, ["市委各部门", "市人大常委会办公厅"]);
    }
}
