//! Enumerations inside one paragraph: `一是…；二是…；三是…`, `一要…二要…`,
//! `第一，…第二，…`. They are not headings (only a marker at the start of a
//! line makes one) but readers and retrieval want them, so paragraphs and
//! items expose them on demand; nothing is computed while parsing.

use serde::{Deserialize, Serialize};

use crate::marker::Family;
use crate::marker::Marker;
use crate::numeral::is_cn_numeral_start;
use crate::span::Span;

/// One point of an enumeration inside a paragraph.
///
/// ```text
/// 主要有两点：一是加强领导；二是狠抓落实。
///             ^^ marker
///             ^^^^^^^^^^^ span (up to the next point)
///                         ^^^^^^^^^ span of the last point (to its sentence end)
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct InlineItem {
    /// The marker (family `cn-shi`, `cn-yao` or `di`).
    pub marker: Marker,
    /// From the marker to the next point of the run, or to the end of the
    /// sentence for the last point; never past the start of the next point
    /// of any run, so the points of a paragraph are disjoint and in order.
    pub span: Span,
}

/// Fewest points of an enumeration: a lone `一是` is a phrase (`一是一，二是二`
/// aside), not a list.
const RUN_MIN_POINTS: usize = 2;

/// After these, a new clause (and so a possible point) begins.
pub(crate) fn is_boundary(c: char) -> bool {
    crate::chars::is_text_punctuation(c) || matches!(c, '）' | ')' | '”')
}

/// Finds the enumerations in `text`, whose first byte is at `base` in the
/// input. A run needs at least two points numbered 1, 2, ... in one family.
pub(crate) fn find(text: &str, base: usize) -> Vec<InlineItem> {
    // (family, ordinal, start, marker length)
    let mut cands: Vec<(Family, u32, usize, usize)> = Vec::new();
    let mut at_boundary = true;
    for (i, c) in text.char_indices() {
        if at_boundary
            && (is_cn_numeral_start(c) || c == '第')
            && let Some(rest) = text.get(i..)
            && let Some((family, n, len)) = crate::marker::enumeration_point(rest)
        {
            cands.push((family, n, i, len));
        }
        at_boundary = is_boundary(c);
    }
    // One pass: per family, the run being built (indices into `cands`). A
    // point numbered 1 starts a run afresh; the next number extends it;
    // anything else is left out. Runs of two or more points are kept.
    let mut runs: Vec<Vec<usize>> = Vec::new();
    let mut open: [Option<usize>; 3] = [None; 3]; // index into `runs` per family
    for (k, &(family, n, _, _)) in cands.iter().enumerate() {
        let slot = match family {
            Family::CnShi => 0,
            Family::CnYao => 1,
            _ => 2,
        };
        let Some(cell) = open.get_mut(slot) else {
            continue;
        };
        let current = cell.and_then(|r| runs.get_mut(r));
        match current {
            Some(run)
                if run
                    .last()
                    .and_then(|&l| cands.get(l))
                    .is_some_and(|l| l.1.checked_add(1) == Some(n)) =>
            {
                run.push(k);
            }
            _ if n == 1 => {
                runs.push(vec![k]);
                *cell = Some(runs.len() - 1);
            }
            _ => {}
        }
    }
    // Ends of sentences (byte offset after the mark), found once, so each
    // run's last point finds its end by binary search.
    let sentence_ends: Vec<usize> = if runs.iter().any(|r| r.len() >= RUN_MIN_POINTS) {
        text.char_indices()
            .filter(|&(_, c)| crate::chars::is_sentence_end(c))
            .map(|(j, c)| j + c.len_utf8())
            .collect()
    } else {
        Vec::new()
    };
    let mut out = Vec::new();
    for run in runs.iter().filter(|r| r.len() >= RUN_MIN_POINTS) {
        for (pos, &k) in run.iter().enumerate() {
            let Some(&(family, n, s, len)) = cands.get(k) else {
                continue;
            };
            let end = match run.get(pos + 1).and_then(|&next| cands.get(next)) {
                Some(next) => next.2,
                None => sentence_ends
                    .get(sentence_ends.partition_point(|&e| e <= s))
                    .copied()
                    .unwrap_or(text.len()),
            };
            let end = s + text.get(s..end).map_or(0, |t| t.trim_end().len());
            out.push(InlineItem {
                marker: Marker {
                    family,
                    ordinal: n,
                    span: Span::new(base + s, base + s + len),
                },
                span: Span::new(base + s, base + end),
            });
        }
    }
    // Points come out in order and disjoint: a point ends where the next
    // one starts, whatever run it belongs to (a new `一是` before the
    // sentence end, or a `第一` run inside a `一是` run).
    out.sort_by_key(|i| i.span.start);
    let starts: Vec<usize> = out.iter().skip(1).map(|i| i.span.start).collect();
    for (item, next) in out.iter_mut().zip(starts) {
        if item.span.end > next {
            let from = item.span.start - base;
            let trimmed = text
                .get(from..next - base)
                .map_or(0, |t| t.trim_end().len());
            item.span.end = base + from + trimmed;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn points(text: &str) -> Vec<(Family, u32, &str)> {
        find(text, 0)
            .into_iter()
            .map(|i| (i.marker.family, i.marker.ordinal, &text[i.span.range()]))
            .collect()
    }

    #[test]
    fn shi_points_run_to_the_next_point() {
        let text = "主要有三点：一是加强领导；二是狠抓落实；三是严格考核。此外还要注意安全。";
        assert_eq!(
            points(text),
            [
                (Family::CnShi, 1, "一是加强领导；"),
                (Family::CnShi, 2, "二是狠抓落实；"),
                (Family::CnShi, 3, "三是严格考核。"),
            ]
        );
    }

    #[test]
    fn di_points_need_punctuation_after_the_numeral() {
        let text = "第一，要统一思想。第二，要加强领导。第一书记要带头。";
        let got = points(text);
        assert_eq!(got.len(), 2);
        assert_eq!(got[1], (Family::Di, 2, "第二，要加强领导。"));
    }

    #[test]
    fn a_single_point_or_a_point_mid_clause_is_no_enumeration() {
        assert!(points("一是加强领导。").is_empty());
        assert!(points("这一是一个问题，二是二。").is_empty());
    }

    #[test]
    fn many_points_are_found_in_linear_time() {
        let text = "一是，".repeat(200_000);
        assert!(find(&text, 0).is_empty());
        let text = "一是甲，二是乙，".repeat(50_000);
        assert_eq!(find(&text, 0).len(), 100_000);
    }

    #[test]
    fn points_of_overlapping_runs_stay_disjoint() {
        // Found by the render fuzz target: a run's last point ran on to its
        // sentence end, over a second run that began before it.
        let text = "一是统一思想；二是狠抓落实；又说，一是提高认识；二是明确责任。";
        let found = find(text, 0);
        let spans: Vec<&str> = found.iter().map(|i| &text[i.span.range()]).collect();
        assert_eq!(
            spans,
            [
                "一是统一思想；",
                "二是狠抓落实；又说，",
                "一是提高认识；",
                "二是明确责任。"
            ]
        );
        let text = "一是加强领导，第一，建班子；第二，定制度；二是狠抓落实。";
        let found = find(text, 0);
        for pair in found.windows(2) {
            assert!(pair[0].span.end <= pair[1].span.start, "{found:?}");
        }
        assert_eq!(found.len(), 4);
    }

    #[test]
    fn spans_are_offset_by_the_base() {
        let got = find("一要学习，二要实践。", 100);
        assert_eq!(got[0].marker.span, Span::new(100, 106));
        assert_eq!(got[1].span.end, 100 + "一要学习，二要实践。".len());
    }
}
