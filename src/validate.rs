//! The tree's invariants, checked on every parse in debug builds and
//! available to fuzzers and tests through [`Compilation::validate`].

use crate::span::Span;
use crate::tree::{Compilation, Node};

/// A broken invariant of a parsed tree: a bug in the parser, never a
/// property of the input.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("tree invariant broken at {span:?}: {what}")]
#[non_exhaustive]
pub struct Violation {
    /// Where.
    pub span: Span,
    /// What is wrong.
    pub what: String,
}

fn fail(span: Span, what: impl Into<String>) -> Result<(), Violation> {
    Err(Violation {
        span,
        what: what.into(),
    })
}

impl Compilation<'_> {
    /// Checks that spans lie on character boundaries of the source, that
    /// children lie inside their parents, that siblings are ordered and
    /// disjoint, that each node's text is the source under its span, that no
    /// marker family comes twice on a path of nested items, and that owned
    /// spans and gaps cover the input exactly once.
    ///
    /// The parser runs this after every parse in debug builds.
    pub fn validate(&self) -> Result<(), Violation> {
        let src: &str = &self.source;
        if self.span != Span::new(0, src.len()) {
            return fail(self.span, "root span is not the whole input");
        }
        check_siblings(src, self.span, &self.children, 0)?;
        for piece in self.documents() {
            check_frame(src, piece, &self.gaps)?;
        }
        let mut cursor = 0;
        for seg in self.segments() {
            if seg.start != cursor {
                return fail(seg, format!("cover breaks at byte {cursor}"));
            }
            if seg.is_empty() {
                return fail(seg, "empty segment");
            }
            cursor = seg.end;
        }
        if cursor != src.len() {
            return fail(Span::new(cursor, src.len()), "input not covered to its end");
        }
        Ok(())
    }
}

fn check_span(src: &str, span: Span) -> Result<(), Violation> {
    if span.start > span.end || span.slice(src).is_none() {
        return fail(span, "span out of bounds or off a char boundary");
    }
    Ok(())
}

// `check_siblings` keeps the open families as bits of a `u32`.
const _: () = assert!(crate::marker::Family::ALL.len() <= 32);

/// `open`: the families of the items above `nodes`, one bit each.
fn check_siblings(src: &str, parent: Span, nodes: &[Node<'_>], open: u32) -> Result<(), Violation> {
    let mut prev_end = parent.start;
    for node in nodes {
        let span = node.span();
        check_span(src, span)?;
        if !parent.contains(span) {
            return fail(
                span,
                format!("{} outside its parent {parent:?}", node.kind()),
            );
        }
        if span.start < prev_end {
            return fail(
                span,
                format!("{} overlaps or precedes its previous sibling", node.kind()),
            );
        }
        prev_end = span.end;
        if let (Some(text), Some(own)) = (node.text(), node.own_span()) {
            match node.reflow() {
                Some(reflow) => check_reflow(src, own, text, reflow, open)?,
                None if own.slice(src) != Some(text) => {
                    return fail(own, format!("{} text differs from the source", node.kind()));
                }
                None => {}
            }
        }
        if let Node::Item(item) = node {
            for inner in [item.marker.span, item.heading_span, item.line_span] {
                check_span(src, inner)?;
                if !span.contains(inner) {
                    return fail(inner, "marker, heading or line outside its item");
                }
            }
            if item.line_span.start != span.start || item.marker.span.start != span.start {
                return fail(span, "item does not start at its marker");
            }
            // A family already open closes what is deeper, so it never
            // comes twice on a path (and depth is bounded by the families).
            let family = 1u32 << (item.marker.family as u32);
            if open & family != 0 {
                return fail(
                    span,
                    format!("{} item nested in another", item.marker.family),
                );
            }
            check_siblings(
                src,
                Span::new(item.line_span.end, span.end),
                &item.children,
                open | family,
            )?;
        } else {
            check_siblings(src, span, node.children(), open)?;
        }
    }
    Ok(())
}

/// The source under `span` without the gaps (line breaks, indentation)
/// inside it: the text of a field named across a line break.
fn without_gaps(src: &str, span: Span, gaps: &[Span]) -> String {
    let mut out = String::new();
    let mut at = span.start;
    let first = gaps.partition_point(|g| g.end <= span.start);
    for gap in gaps.get(first..).unwrap_or(&[]) {
        if gap.start >= span.end {
            break;
        }
        out.push_str(src.get(at..gap.start.max(at)).unwrap_or(""));
        at = at.max(gap.end);
    }
    out.push_str(src.get(at..span.end.max(at)).unwrap_or(""));
    out
}

/// A joined line: its pieces lie in order inside its own span, from its
/// start to its end, their bytes joined are its text, and its furniture
/// lies between them.
fn check_reflow(
    src: &str,
    own: Span,
    text: &str,
    reflow: &crate::tree::Reflow<'_>,
    open: u32,
) -> Result<(), Violation> {
    let mut joined = String::with_capacity(text.len());
    let mut prev_end = own.start;
    for (k, &piece) in reflow.pieces.iter().enumerate() {
        check_span(src, piece)?;
        if piece.start < prev_end || (k == 0 && piece.start != own.start) || !own.contains(piece) {
            return fail(piece, "reflow piece out of order or outside its line");
        }
        prev_end = piece.end;
        joined.push_str(piece.slice(src).unwrap_or(""));
    }
    if prev_end != own.end {
        return fail(own, "reflow pieces do not end where the line does");
    }
    if joined != text {
        return fail(own, "joined pieces differ from the text");
    }
    for node in &reflow.furniture {
        if !matches!(node, Node::Noise(_)) {
            return fail(node.span(), "furniture that is not noise");
        }
        if reflow
            .pieces
            .iter()
            .any(|p| p.start < node.span().end && node.span().start < p.end)
        {
            return fail(node.span(), "furniture overlaps a piece");
        }
    }
    check_siblings(src, own, &reflow.furniture, open)
}

/// Every span of a document's frame lies inside the document, on
/// character boundaries, and under its text where the frame keeps one.
fn check_frame(
    src: &str,
    piece: &crate::tree::Document<'_>,
    gaps: &[Span],
) -> Result<(), Violation> {
    for span in piece.frame.spans() {
        check_span(src, span)?;
        if !piece.span.contains(span) {
            return fail(span, "frame element outside its document");
        }
    }
    let texts = [
        &piece.frame.number,
        &piece.frame.issuer_mark,
        &piece.frame.printed_by,
    ]
    .into_iter()
    .flatten()
    .chain(&piece.frame.addressees)
    .chain(&piece.frame.issuers)
    .chain(&piece.frame.cc);
    for field in texts {
        if field.span.slice(src) != Some(field.text.as_ref())
            && without_gaps(src, field.span, gaps) != field.text
        {
            return fail(field.span, "frame text differs from the source");
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::marker::Family;
    use crate::parse_document;
    use crate::tree::Node;

    #[test]
    fn a_family_nested_in_itself_is_a_violation() {
        let mut doc = parse_document("一、统一思想\n（一）加强学习\n").unwrap();
        assert_eq!(doc.validate(), Ok(()));
        let Some(Node::Document(piece)) = doc.children.first_mut() else {
            panic!("one document");
        };
        let Some(Node::Item(outer)) = piece.children.first_mut() else {
            panic!("an item first");
        };
        let Some(Node::Item(inner)) = outer.children.first_mut() else {
            panic!("an item inside");
        };
        inner.marker.family = Family::CnDun;
        let err = doc.validate().unwrap_err();
        assert!(err.what.contains("nested in another"), "{err}");
    }

    #[test]
    fn a_frame_span_outside_its_document_is_a_violation() {
        let mut doc = parse_document(
            "关于加强管理的通知
各乡镇：
一、总体要求
",
        )
        .unwrap();
        assert_eq!(doc.validate(), Ok(()));
        let Some(Node::Document(piece)) = doc.children.first_mut() else {
            panic!("one document");
        };
        let Some(first) = piece.frame.addressees.first_mut() else {
            panic!("an addressee");
        };
        first.span.end = piece.span.end + 1;
        assert!(doc.validate().is_err());
    }

    #[test]
    fn a_span_off_a_char_boundary_is_a_violation() {
        let mut doc = parse_document("一、统一思想\n").unwrap();
        let Some(Node::Document(piece)) = doc.children.first_mut() else {
            panic!("one document");
        };
        piece.span.end -= 1;
        assert!(doc.validate().is_err());
    }
}
