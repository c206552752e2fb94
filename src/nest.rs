//! The nesting rules of ANNOTATION.md, on a view of the open stack:
//!
//! 1. a continuing sequence of one family stays a sibling;
//! 2. a new list starting at 1 nests inside the item just before it;
//! 3. a family already open further up closes the deeper items;
//! 4. a sequence continued in another family (`第三,` then `四、`) stays a
//!    sibling when the open family is an enumeration or ranks no higher;
//! 5. a lone survivor (`三、` after lost `一、` `二、`) goes to the depth its
//!    family has there.
//!
//! And whether a `首先` opens a run of points at all ([`first_opens_run`]).

use crate::facts::LineInfo;
use crate::lexicon::Address;
use crate::marker::{Candidate, Family, SeqWord};

/// True for `首先` (or `其一`) on line `j` when it opens a run of points: a
/// continuation (`其次`, `再次`, `其二`, `第二`) follows before the next
/// structure heading, or a short lead clause is followed at once by a new
/// list of lower rank. After a short lead clause, a structure heading stops
/// the run only when it goes on with a list (its family's first marker after
/// `首先` is not a 1): lists starting at 1 are the point's own sublists
/// (`首先,加强领导。` `(一)` `(二)` `其次,…`). Computed for all lines in one
/// backward pass so the lookahead costs O(n) in all.
pub(crate) fn first_opens_run(infos: &[LineInfo<'_>]) -> Vec<FirstRun> {
    let mut out = vec![FirstRun::No; infos.len()];
    let none = usize::MAX;
    let (mut next_cont, mut next_barrier, mut next_hard, mut next_cand) = (none, none, none, none);
    // For each family: the line of its next non-weak marker, and whether
    // that marker is a 1.
    let mut next_of = [(none, true); Family::ALL.len()];
    for (j, info) in infos.iter().enumerate().rev() {
        if let Some(c) = info.cand {
            if c.seq == Some(SeqWord::First) || (c.seq == Some(SeqWord::Qi) && c.ordinal == 1) {
                let short = short_imperative_lead(info.text.get(c.len()..).unwrap_or(""));
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
                    *slot = if continued || sublist {
                        FirstRun::Run
                    } else if section_line(info.text.get("首先".len()..).unwrap_or("")) {
                        FirstRun::Section
                    } else {
                        FirstRun::No
                    };
                }
            }
            let continues = match c.seq {
                Some(SeqWord::Next | SeqWord::Again) => true,
                Some(SeqWord::Qi) => c.ordinal >= 2,
                _ => c.family == Family::Di && c.ordinal == 2,
            };
            if continues {
                next_cont = j;
            }
            if c.family.rank().is_some() && !c.weak {
                next_barrier = j;
            }
            if !c.weak
                && let Some(slot) = Family::ALL
                    .iter()
                    .position(|&f| f == c.family)
                    .and_then(|k| next_of.get_mut(k))
            {
                *slot = (j, c.ordinal == 1);
            }
            next_cand = j;
        }
        if info.strong_title() || info.salutation() == Some(Address::People) {
            next_hard = j;
            next_barrier = j;
        }
    }
    out
}

/// What a `首先` (or `其一`) line opens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FirstRun {
    /// Nothing: it is body (`首先,我代表县委...`).
    No,
    /// A run of points that `其次` or a sublist goes on with.
    Run,
    /// A section line of its own (`首先报告２００１年的工作`): an item
    /// with no items under it.
    Section,
}

/// Longest section line, in characters, that a `首先` opens on its own.
const SECTION_LINE_MAX_CHARS: usize = 20;

/// What follows `首先` is a whole line of a few words with no punctuation:
/// the line is a section heading (`首先报告２００１年的工作`), an item even
/// if no `其次` follows.
fn section_line(rest: &str) -> bool {
    !rest.is_empty()
        && !rest.starts_with(|c: char| {
            c.is_ascii_punctuation()
                || crate::chars::is_comma(c)
                || crate::chars::is_colon(c)
                || crate::chars::is_enumeration_comma(c)
        })
        && rest.chars().count() + 2 <= SECTION_LINE_MAX_CHARS
        && !crate::chars::has_mark(rest, crate::chars::is_text_punctuation)
        && !rest.starts_with(['我', '请', '让', '在'])
}

/// A lead clause of a few words that is not the speaker talking about
/// himself (`首先肯定成绩,明确要求。`, not `首先,我代表县委...`).
fn short_imperative_lead(rest: &str) -> bool {
    let rest = rest.trim_start_matches([',', '，', ':', '：', ' ', '\u{3000}']);
    if rest.starts_with(['我', '请', '让', '在']) {
        return false;
    }
    let lead = rest.split(crate::chars::ends_clause).next().unwrap_or("");
    lead.chars().count() <= IMPERATIVE_LEAD_MAX_CHARS
}

/// Longest lead clause after `首先` that still reads as an instruction
/// heading a run (`首先肯定成绩`), in characters; a longer one is the
/// speaker's sentence.
const IMPERATIVE_LEAD_MAX_CHARS: usize = 20;

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
        Some(SeqWord::Qi) if c.ordinal >= 2 => {
            return topmost(&|f| f == Family::Seq).map(|k| (Placement::SiblingOf(k), c.ordinal));
        }
        Some(SeqWord::Last) => {
            // An open `seq` run takes `最后` before a `di` run inside it:
            // a `seq` item never nests in a `seq` item, so families stay
            // distinct along a path and the depth stays bounded.
            return topmost(&|f| f == Family::Seq)
                .or_else(|| topmost(&|f| f == Family::Di))
                .map(|k| (Placement::SiblingOf(k), ordinal_at(k).saturating_add(1)));
        }
        Some(SeqWord::First | SeqWord::Qi) if !first_ok => return None,
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
        // Chapters, sections and articles keep their own count: `第三条`
        // never goes on with `一、` `二、` (parts of an interpretation that
        // hold articles), nor `三、` with articles.
        let structural = |f: Family| matches!(f, Family::DiZhang | Family::DiJie | Family::DiTiao);
        let continues = stack.iter().position(|&(f, o)| {
            o.checked_add(1) == Some(n)
                && !structural(f)
                && !structural(c.family)
                && (f.is_enumeration() || matches!((c.family.rank(), f.rank()), (Some(new), Some(open)) if new <= open))
        });
        if let Some(k) = continues {
            return Some((Placement::SiblingOf(k), n));
        }
        // Articles number on across chapters and parts: `第三条` with no
        // article open belongs to the chapter or part that is.
        if c.family == Family::DiTiao {
            return Some((Placement::Child, n));
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
    fn articles_keep_their_own_count() {
        // `二、` holding `第三条`: the article nests, `三、` comes back up.
        let stack = [(Family::CnDun, 2)];
        assert_eq!(
            decide(&stack, cand("第三条　合同"), false),
            Some((Placement::Child, 3))
        );
        let stack = [(Family::CnDun, 2), (Family::DiTiao, 3)];
        assert_eq!(
            decide(&stack, cand("三、合同效力"), false),
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
    fn a_shou_xian_section_line_opens_on_its_own() {
        for (rest, yes) in [
            ("报告２００１年的工作", true),
            ("加强组织领导", true),
            ("，我代表县委讲几点意见", false),
            ("我讲三点意见", false),
            ("要提高认识，加强领导，确保各项任务落到实处", false),
            ("", false),
        ] {
            assert_eq!(section_line(rest), yes, "{rest}");
        }
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
}
