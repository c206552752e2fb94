//! Pass 1: split the text into lines, set layout aside, and record what
//! each line is on its own (its facts), once, for pass 2 to read.
//!
//! Layout that is not text (indentation, a Markdown `#` prefix or list
//! bullet, `**` emphasis around an item line, line breaks, blank lines)
//! goes into the gaps; every fact here depends on one line alone, except
//! [`LineInfo::blank_before`], which looks at the gap before it.

use crate::marker::Candidate;
use crate::span::Span;

/// One non-blank line as pass 1 left it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct LineInfo<'a> {
    /// The line's text, without indentation, Markdown prefix or trailing space.
    pub span: Span,
    pub text: &'a str,
    /// Number of Markdown `#` before the text (0 for none).
    pub hashes: u8,
    /// The marker that opens the line, if any (only a candidate: pass 2
    /// decides with context).
    pub cand: Option<Candidate>,
    /// Bytes of white space before the text: the original's indentation.
    pub indent: usize,
    /// A Markdown list bullet (`- `) stood before the text.
    pub bullet: bool,
    /// A blank line (or the start of the input) comes right before it.
    pub blank_before: bool,
    /// Inside front matter a converter added (YAML between `---` lines, an
    /// HTML comment): not the author's text.
    pub converter: bool,
    /// In hard-wrapped text (a PDF extraction, e-mail): this line goes on
    /// with the line before it, which was broken at the text's width.
    pub cont: bool,
    /// Short and unpunctuated like a title ([`crate::lexicon::is_title_like`]).
    pub title_like: bool,
    /// A title that names its genre ([`crate::lexicon::is_strong_title`]).
    pub strong_title: bool,
}

/// Pass 1: the non-blank lines with their marker candidates, and the gaps
/// (blank lines, line breaks, indentation) between them.
pub(crate) fn classify(src: &str) -> (Vec<LineInfo<'_>>, Vec<Span>) {
    let mut infos = Vec::new();
    let mut gaps = Vec::new();
    let mut cursor = 0;
    let mut blank_before = true;
    let mut region = Region::Text;
    let mut lines = crate::lines::Lines::new(src);
    while let Some(raw) = lines.next() {
        let bounds = crate::lines::text_bounds(src, raw.span);
        let mut span = bounds.span;
        if span.is_empty() {
            blank_before = true;
            continue;
        }
        let Some(mut text) = span.slice(src) else {
            continue;
        };
        let (converter, next) = region.step(text, infos.is_empty(), &lines, src);
        region = next;
        let mut cand = if converter {
            None
        } else {
            crate::marker::recognise(text)
        };
        if cand.is_none() && !converter {
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
        // Asked of most lines by the builder and the `首先` look-ahead.
        let title_like = !converter && crate::lexicon::is_title_like(text);
        cursor = span.end;
        infos.push(LineInfo {
            span,
            text,
            hashes: bounds.hashes,
            cand,
            indent: bounds.indent,
            bullet: bounds.bullet,
            blank_before,
            converter,
            cont: false,
            title_like,
            strong_title: title_like && crate::lexicon::is_strong_title(text),
        });
        blank_before = false;
    }
    if src.len() > cursor {
        gaps.push(Span::new(cursor, src.len()));
    }
    mark_continuations(&mut infos, src);
    (infos, gaps)
}

/// Shortest line, in characters, counted when looking for a wrap width:
/// headings and signoffs are shorter and say nothing about it.
const WRAP_MIN_CHARS: usize = 16;
/// Longest wrap width looked for, in characters.
const WRAP_MAX_CHARS: usize = 120;
/// Most indentation, in characters, of a line broken at the wrap width: a
/// paragraph's first line is indented two ideographic spaces (eight ASCII
/// spaces in a PDF's layout mode), a centred line far more.
const WRAP_MAX_INDENT_CHARS: usize = 8;
/// Lines of running text looked at to find the wrap width.
const WRAP_SAMPLE_LINES: usize = 512;
/// Fewest lines of exactly the wrap width for a text to count as wrapped.
const WRAP_MIN_LINES: usize = 6;
/// Share of the lines of [`WRAP_MIN_CHARS`] or more that must have the
/// wrap width, in percent: in text that is not wrapped no one length is
/// that common.
const WRAP_MIN_SHARE_PERCENT: usize = 30;

/// The width, in characters, a hard-wrapped text was broken at: the most
/// common length of its longer lines, when it is common enough.
fn wrap_width(infos: &[LineInfo<'_>], src: &str) -> Option<usize> {
    let mut counts = [0usize; WRAP_MAX_CHARS + 1];
    let mut long = 0;
    // Headings (a marker, a Markdown `#`) are seldom broken at the width:
    // running text shows it.
    let counted = |info: &&LineInfo<'_>| {
        info.text.len() <= WRAP_MAX_CHARS * 4
            && info.hashes == 0
            && info.cand.is_none_or(|c| c.weak)
            && !info.converter
    };
    // Wrapping shows from the start of a text: a sample of its lines is
    // enough, and keeps this pass from counting every character of a
    // large input.
    let sample: Vec<(&str, usize)> = infos
        .iter()
        .filter(counted)
        .take(WRAP_SAMPLE_LINES)
        .map(|info| (info.text, physical_chars(info, src)))
        .collect();
    for &(_, n) in &sample {
        if (WRAP_MIN_CHARS..=WRAP_MAX_CHARS).contains(&n) {
            long += 1;
            if let Some(c) = counts.get_mut(n) {
                *c += 1;
            }
        }
    }
    let (width, _) = counts.iter().enumerate().max_by_key(|&(n, c)| (*c, n))?;
    // A line broken at the width is a different piece of text each time;
    // the same line repeated (a site's prompt, a template's sentence) says
    // nothing about wrapping. Only the lines of the width found are hashed.
    let mut seen = std::collections::HashSet::new();
    let distinct = sample
        .iter()
        .filter(|&&(text, n)| n == width && seen.insert(text))
        .count();
    let long = long - (counts.get(width).copied().unwrap_or(0) - distinct);
    (distinct >= WRAP_MIN_LINES && distinct * 100 >= long * WRAP_MIN_SHARE_PERCENT).then_some(width)
}

/// Marks the lines that continue a line broken at the wrap width: the line
/// before fills the width (less a little slack: typesetters keep some
/// punctuation off a line's start), does not end a sentence or a clause,
/// and no blank line or marker stands between.
fn mark_continuations(infos: &mut [LineInfo<'_>], src: &str) {
    let Some(width) = wrap_width(infos, src) else {
        return;
    };
    let full = width.saturating_sub((width / 10).max(2));
    let mut prev: Option<(bool, &str)> = None;
    for info in infos.iter_mut() {
        let cont = prev.is_some_and(|(full, text)| full && text != info.text)
            && !info.blank_before
            && !info.converter
            && info.cand.is_none_or(|c| c.weak)
            && crate::lexicon::noise_kind(info.text) != Some(crate::tree::NoiseKind::PageCounter);
        info.cont = cont;
        // A centred line (a page number, a title) reaches the width by its
        // indentation: it is no running text broken there.
        let is_full = !info.converter
            && info.text.len() + info.indent >= full
            && indent_chars(info, src) <= WRAP_MAX_INDENT_CHARS
            && physical_chars(info, src) >= full
            && !info
                .text
                .ends_with(['。', '！', '？', '；', '：', '!', '?', ';', ':']);
        prev = Some((is_full, info.text));
    }
}

/// A line's length in characters with its indentation, as a typesetter
/// or a wrapping tool counts it.
fn physical_chars(info: &LineInfo<'_>, src: &str) -> usize {
    indent_chars(info, src) + info.text.chars().count()
}

/// The characters of a line's indentation.
fn indent_chars(info: &LineInfo<'_>, src: &str) -> usize {
    info.span
        .start
        .checked_sub(info.indent)
        .and_then(|start| src.get(start..info.span.start))
        .map_or(0, |s| s.chars().count())
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

/// Where pass 1 stands with respect to a converter's front matter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Region {
    Text,
    /// Between the `---` lines of YAML front matter.
    Yaml,
    /// Inside an HTML comment that did not close on its line.
    Comment,
}

/// Longest YAML front matter looked for, in lines: a `---` at the top
/// with no closing `---` within this many lines is a rule, not front
/// matter.
const YAML_MAX_LINES: usize = 64;

impl Region {
    /// Whether the line `text` is a converter's, and the region after it.
    /// `first` is true for the first non-blank line of the input; `rest`
    /// reads on from the line after it.
    fn step(
        self,
        text: &str,
        first: bool,
        rest: &crate::lines::Lines<'_>,
        src: &str,
    ) -> (bool, Region) {
        match self {
            Region::Yaml if text == "---" => (true, Region::Text),
            Region::Yaml => (true, Region::Yaml),
            Region::Comment if text.contains("-->") => (true, Region::Text),
            Region::Comment => (true, Region::Comment),
            Region::Text if first && text == "---" && yaml_closes(rest.clone(), src) => {
                (true, Region::Yaml)
            }
            Region::Text if text.starts_with("<!--") => {
                let open = !text.contains("-->");
                (true, if open { Region::Comment } else { Region::Text })
            }
            Region::Text => (false, Region::Text),
        }
    }
}

/// A `---` line closes the YAML front matter within [`YAML_MAX_LINES`].
fn yaml_closes(lines: crate::lines::Lines<'_>, src: &str) -> bool {
    lines.take(YAML_MAX_LINES).any(|l| {
        l.span
            .slice(src)
            .is_some_and(|t| t.trim_matches(crate::lines::is_space) == "---")
    })
}
