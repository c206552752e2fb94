//! Pass 1: split the text into lines, set layout aside, and record what
//! each line is on its own (its facts), once, for pass 2 to read.
//!
//! Layout that is not text (indentation, a Markdown `#` prefix or list
//! bullet, `**` emphasis around an item line, line breaks, blank lines)
//! goes into the gaps. The physical lines are first read into small
//! records ([`Phys`], [`read_lines`]): every fact there depends on the
//! line alone, except `blank_before`, which looks at the gap before it.
//! Then, in hard-wrapped text (a PDF extraction), the physical lines a
//! page's width broke are joined into logical lines ([`links`], [`fold`]),
//! from what the whole text shows: its wrap width, its paragraph
//! indentation, how it sets page numbers apart. Facts that only a whole
//! logical line can tell (title-likeness) are found last, once a logical
//! line.

use std::borrow::Cow;

use crate::lexicon::Address;
use crate::marker::{Candidate, Family};
use crate::span::Span;

/// One piece of a logical line that a page's width broke over several
/// physical lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Part<'a> {
    /// A piece of the line's text.
    Text(Span, &'a str),
    /// Page furniture (a page number) that a page break put between two
    /// pieces.
    Furniture(Span, &'a str),
}

/// A [`Part`] as pass 1 keeps it: its span, and whether it is furniture
/// (the text is the source under the span).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct PartSpan {
    pub span: Span,
    pub furniture: bool,
}

impl PartSpan {
    /// The part, with its text read from `src`.
    pub fn part(self, src: &str) -> Part<'_> {
        let text = self.span.slice(src).unwrap_or("");
        if self.furniture {
            Part::Furniture(self.span, text)
        } else {
            Part::Text(self.span, text)
        }
    }
}

/// One logical line as pass 1 left it: a physical line, or the pieces of
/// a line that hard wrapping broke (see [`LineInfo::parts`]).
#[derive(Clone, Debug)]
pub(crate) struct LineInfo<'a> {
    /// From the first byte of the line's text to the last (line breaks and
    /// page furniture between its pieces included).
    pub span: Span,
    /// The line's text, without indentation, Markdown prefix or trailing
    /// space; the pieces of a wrapped line joined without their breaks.
    pub text: Cow<'a, str>,
    /// A wrapped line's pieces and the furniture between them, in order,
    /// as a range of [`Facts::parts`] ([`LineInfo::parts`]); empty for a
    /// line of one piece.
    pub parts: std::ops::Range<u32>,
    /// Number of Markdown `#` before the text (0 for none).
    pub hashes: u8,
    /// The marker that opens the line, if any (only a candidate: pass 2
    /// decides with context).
    pub cand: Option<Candidate>,
    /// Bytes of white space before the text: the original's indentation
    /// (saturating at `u16::MAX`: it is compared, never used to slice, and
    /// the facts of every line are kept small).
    pub indent: u16,
    /// Yes/no facts, a bit each: see the methods named after them.
    flags: u8,
}

impl<'a> LineInfo<'a> {
    /// What a line leaves behind for the lines after it to look back at
    /// once its own text may have gone into the tree: the same facts, and,
    /// for a text longer than `keep` bytes that pass 1 joined, the source
    /// the line spans instead of a copy. That source holds every piece of
    /// the text, so it is at least as long in bytes and in characters: a
    /// test of the text that fails past `keep` bytes fails on it too.
    pub fn stand_in(&self, src: &'a str, keep: usize) -> LineInfo<'a> {
        let text = match (&self.text, self.span.slice(src)) {
            (Cow::Owned(own), Some(spanned)) if own.len() > keep => Cow::Borrowed(spanned),
            (text, _) => text.clone(),
        };
        LineInfo {
            span: self.span,
            text,
            parts: self.parts.clone(),
            hashes: self.hashes,
            cand: self.cand,
            indent: self.indent,
            flags: self.flags,
        }
    }
}

/// The bits of [`LineInfo`]'s flags.
mod flag {
    pub const BULLET: u8 = 1;
    pub const BLANK_BEFORE: u8 = 1 << 1;
    pub const CONVERTER: u8 = 1 << 2;
    pub const TITLE_LIKE: u8 = 1 << 3;
    pub const STRONG_TITLE: u8 = 1 << 4;
    pub const RUNNING_HEAD: u8 = 1 << 5;
    /// The line is a salutation to people ([`crate::lexicon::salutation`]).
    pub const SALUTES_PEOPLE: u8 = 1 << 6;
    /// The line is a salutation to an organ.
    pub const SALUTES_ORGAN: u8 = 1 << 7;
}

impl LineInfo<'_> {
    fn has(&self, bit: u8) -> bool {
        self.flags & bit != 0
    }

    fn set(&mut self, bit: u8, on: bool) {
        if on {
            self.flags |= bit;
        } else {
            self.flags &= !bit;
        }
    }

    /// A Markdown list bullet (`- `) stood before the text.
    pub fn bullet(&self) -> bool {
        self.has(flag::BULLET)
    }

    /// The line opens a block of its own: a marker, a Markdown bullet or a
    /// Markdown heading stands before its text, so it is never the second
    /// row of a line broken before it.
    pub fn opens_block(&self) -> bool {
        self.cand.is_some() || self.bullet() || self.hashes > 0
    }

    /// A blank line (or the start of the input) comes right before it.
    pub fn blank_before(&self) -> bool {
        self.has(flag::BLANK_BEFORE)
    }

    /// Inside front matter a converter added (YAML between `---` lines, an
    /// HTML comment): not the author's text.
    pub fn converter(&self) -> bool {
        self.has(flag::CONVERTER)
    }

    /// Short and unpunctuated like a title ([`crate::lexicon::is_title_like`]).
    pub fn title_like(&self) -> bool {
        self.has(flag::TITLE_LIKE)
    }

    /// A title that names its genre ([`crate::lexicon::is_strong_title`]).
    pub fn strong_title(&self) -> bool {
        self.has(flag::STRONG_TITLE)
    }

    /// A running header or footer of a PDF's pages ([`running_heads`]).
    pub fn running_head(&self) -> bool {
        self.has(flag::RUNNING_HEAD)
    }

    /// [`crate::lexicon::salutation`] of the line's text, found once.
    pub fn salutation(&self) -> Option<Address> {
        if self.has(flag::SALUTES_PEOPLE) {
            Some(Address::People)
        } else if self.has(flag::SALUTES_ORGAN) {
            Some(Address::Organ)
        } else {
            None
        }
    }

    /// The range of [`Facts::parts`] that holds this line's pieces.
    pub fn parts(&self) -> std::ops::Range<usize> {
        self.parts.start as usize..self.parts.end as usize
    }
}

/// A position in [`Facts::parts`] as a line keeps it. Every part is a
/// physical line of at least one byte and its break, so only an input of
/// over 8 GiB has more than `u32::MAX` parts (far past the default
/// `max_input_bytes` of 64 MiB); there the position saturates rather than
/// wraps, and the pieces of lines so far out are not found.
fn part_index(k: usize) -> u32 {
    u32::try_from(k).unwrap_or(u32::MAX)
}

/// What pass 1 found.
pub(crate) struct Facts<'a> {
    /// The logical lines.
    pub infos: Vec<LineInfo<'a>>,
    /// What no line's text holds: blank lines, line breaks, indentation.
    pub gaps: Vec<Span>,
    /// The pieces and furniture of every wrapped line, one run each (see
    /// [`LineInfo::parts`]).
    pub parts: Vec<PartSpan>,
}

/// A physical line as pass 1 first reads it: what the links between lines
/// need, and what a logical line starting with it takes over. Kept small,
/// as a hard-wrapped text has several times as many physical lines as
/// logical ones.
#[derive(Clone, Copy, Debug)]
struct Phys {
    /// The line's text without layout (see [`LineInfo::span`]).
    span: Span,
    cand: Option<Candidate>,
    /// Bytes of white space before the text.
    indent: usize,
    /// Characters of white space before the text.
    indent_chars: u32,
    hashes: u8,
    bullet: bool,
    blank_before: bool,
    converter: bool,
}

impl Phys {
    /// The line's text.
    fn text(self, src: &str) -> &str {
        self.span.slice(src).unwrap_or("")
    }

    /// The logical line of this one line.
    fn line(self, src: &str) -> LineInfo<'_> {
        LineInfo {
            span: self.span,
            text: Cow::Borrowed(self.text(src)),
            parts: 0..0,
            hashes: self.hashes,
            cand: self.cand,
            indent: u16::try_from(self.indent).unwrap_or(u16::MAX),
            // (Title-like, strong title and running head are set once the
            // logical lines are known.)
            flags: (u8::from(self.bullet) * flag::BULLET)
                | (u8::from(self.blank_before) * flag::BLANK_BEFORE)
                | (u8::from(self.converter) * flag::CONVERTER),
        }
    }
}

/// Pass 1: the non-blank lines with their marker candidates, and the gaps
/// (blank lines, line breaks, indentation) between them.
pub(crate) fn classify(src: &str) -> Facts<'_> {
    let (phys, mut gaps) = read_lines(src);
    // The tree keeps the gaps: room reserved by an estimate and not used
    // is given back (the estimate is taken from the text's first lines,
    // often shorter than the rest).
    gaps.shrink_to_fit();
    let mut parts = Vec::new();
    let mut infos = match links(&phys, src) {
        Some((links, heads)) => fold(&phys, &links, &heads, src, &mut parts),
        None => phys.iter().map(|p| p.line(src)).collect(),
    };
    drop(phys);
    // Asked of most lines by the builder and the `首先` look-ahead: found
    // once a logical line, not once a piece (nor once each time asked).
    for info in &mut infos {
        let title_like = !info.converter() && crate::lexicon::is_title_like(&info.text);
        let strong_title = title_like && crate::lexicon::title_names_genre(&info.text);
        info.set(flag::TITLE_LIKE, title_like);
        info.set(flag::STRONG_TITLE, strong_title);
        let address = crate::lexicon::salutation(&info.text);
        info.set(flag::SALUTES_PEOPLE, address == Some(Address::People));
        info.set(flag::SALUTES_ORGAN, address == Some(Address::Organ));
    }
    Facts { infos, gaps, parts }
}

/// The physical lines that are not blank, and the gaps between them.
fn read_lines(src: &str) -> (Vec<Phys>, Vec<Span>) {
    let mut phys = Vec::new();
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
        let Some(text) = span.slice(src) else {
            continue;
        };
        let (converter, next) = region.step(text, phys.is_empty(), &lines, src);
        region = next;
        let mut cand = if converter {
            None
        } else {
            // `第五条修改为：`, `第三条至第五条`: a line that speaks of an
            // article is none, and may go on with the line before it.
            crate::marker::recognise(text).filter(|c| {
                !matches!(c.family, Family::DiTiao | Family::DiZhang | Family::DiJie)
                    || !crate::lexicon::refers_to_article(text.get(c.len()..).unwrap_or(""))
            })
        };
        if cand.is_none()
            && !converter
            && let Some((skip, inner, c)) = emphasised_marker(text)
        {
            // `**一、总体要求**`: Markdown emphasis around an item line
            // (as pandoc writes bold headings) is layout, a gap like `#`.
            let start = span.start + skip;
            span = Span::new(start, start + inner.len());
            cand = Some(c);
        }
        if span.start > cursor {
            gaps.push(Span::new(cursor, span.start));
        }
        cursor = span.end;
        // (Counted back from the text, past a Markdown prefix if any, as
        // the wrap width is measured.)
        let indent_chars = span
            .start
            .checked_sub(bounds.indent)
            .and_then(|start| src.get(start..span.start))
            .map_or(0, |s| s.chars().count());
        phys.push(Phys {
            span,
            cand,
            indent: bounds.indent,
            indent_chars: u32::try_from(indent_chars).unwrap_or(u32::MAX),
            hashes: bounds.hashes,
            bullet: bounds.bullet,
            blank_before,
            converter,
        });
        blank_before = false;
        if phys.len() == ESTIMATE_AFTER_LINES {
            reserve_by_estimate(&mut phys, &mut gaps, cursor, src.len());
        }
    }
    if src.len() > cursor {
        gaps.push(Span::new(cursor, src.len()));
    }
    (phys, gaps)
}

/// Lines read before the rest of the input's lines are reckoned from them.
const ESTIMATE_AFTER_LINES: usize = 256;
/// Fewest input bytes a reserved line stands for: a reckoning from a
/// start of short lines reserves no more than this allows (a longer input
/// of such lines grows its vectors as usual).
const RESERVE_MIN_BYTES_PER_LINE: usize = 32;

/// Reserves room for the lines and gaps still to come, reckoned from those
/// found in the first `read` bytes of `total`: a hard-wrapped text has
/// many short lines, and growing their vectors by doubling would copy
/// them several times over.
fn reserve_by_estimate<T, U>(infos: &mut Vec<T>, gaps: &mut Vec<U>, read: usize, total: usize) {
    let Some(rest) = total.checked_sub(read).filter(|_| read > 0) else {
        return;
    };
    let cap = rest / RESERVE_MIN_BYTES_PER_LINE;
    let more = |found: usize| (rest.saturating_mul(found) / read).min(cap);
    let (lines, breaks) = (more(infos.len()), more(gaps.len()));
    infos.reserve(lines);
    gaps.reserve(breaks);
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
/// Share of the lines of [`WRAP_MIN_CHARS`] or more that must lie in the
/// wrap width's band, in percent: in text that is not wrapped no band of
/// lengths is that common (the clean development texts reach 38).
const WRAP_MIN_SHARE_PERCENT: usize = 40;

/// How much stronger, in per mille of the long lines, the band found by
/// counting characters must be to win over the band found by counting
/// cells: the two agree on text without Latin letters and digits, and a
/// typesetter's width (cells) is then the likelier.
const WRAP_CHARS_MARGIN_PER_MILLE: usize = 20;

/// How a wrapping tool measured a line: a file wrapped by a script counts
/// characters; a typesetter (a PDF) counts a Latin letter or digit as half
/// a Chinese character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Measure {
    Chars,
    Cells,
}

impl Measure {
    /// Whether a line's length, indentation included, is at least `full`;
    /// told by the byte length alone when it can be: a Chinese character is
    /// three bytes and a Latin letter one (half a cell), so a line holds
    /// at least a third as many characters, and cells, as bytes (the rare
    /// four-byte character aside) and at most as many as bytes.
    fn reaches(self, info: &Phys, src: &str, full: usize) -> bool {
        let bytes = info.span.len();
        let indent = info.indent_chars as usize;
        if indent + bytes.div_ceil(3) >= full {
            return true;
        }
        indent + bytes >= full && self.of(info, src) >= full
    }

    /// A line's length, indentation included.
    fn of(self, info: &Phys, src: &str) -> usize {
        let (chars, cells) = lengths(info, src);
        match self {
            Measure::Chars => chars,
            Measure::Cells => cells,
        }
    }
}

/// The width a hard-wrapped text was broken at, and how it was measured.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Wrap {
    measure: Measure,
    /// The longest line length the text's running text shows often.
    width: usize,
}

impl Wrap {
    /// The shortest length of a line broken at the width: less a little
    /// slack, as typesetters keep some punctuation off a line's start and
    /// justify the rest.
    fn full(self) -> usize {
        wrap_full(self.width)
    }
}

fn wrap_full(width: usize) -> usize {
    width.saturating_sub((width / WRAP_SLACK_DIVISOR).max(WRAP_MIN_SLACK_CHARS))
}

/// A line broken at the width may fall short of it by an eighth...
const WRAP_SLACK_DIVISOR: usize = 8;
/// ...or by three characters, whichever is more: a typesetter keeps
/// punctuation off a line's start and squeezes or stretches the rest, and
/// a line that opens with a marker in full-width brackets holds fewer.
const WRAP_MIN_SLACK_CHARS: usize = 3;

/// The width a hard-wrapped text was broken at: the length whose band
/// (the width and a little less, see [`Wrap::full`]) holds most of the
/// longer lines, when it holds enough of them, counted in cells unless
/// counting characters finds a clearly stronger band.
fn wrap_width(infos: &[Phys], src: &str) -> Option<Wrap> {
    // Headings (a marker, a Markdown `#`) are seldom broken at the width:
    // running text shows it.
    // (A line of more bytes than three a character holds more characters
    // than any width looked for: it is not counted, nor measured.)
    let counted = |info: &&Phys| {
        info.span.len() <= WRAP_MAX_CHARS * 3
            && info.hashes == 0
            && info.cand.is_none_or(|c| c.weak)
            && !info.converter
    };
    // Wrapping shows from the start of a text: a sample of its lines is
    // enough, and keeps this pass from counting every character of a
    // large input.
    let sample: Vec<&Phys> = infos
        .iter()
        .filter(counted)
        .take(WRAP_SAMPLE_LINES)
        .collect();
    // Both measures from one count of each line.
    let lens: Vec<(usize, usize)> = sample.iter().map(|info| lengths(info, src)).collect();
    let by_chars: Vec<usize> = lens.iter().map(|l| l.0).collect();
    let by_cells: Vec<usize> = lens.iter().map(|l| l.1).collect();
    let chars = band_width(&sample, &by_chars, Measure::Chars, src);
    let cells = band_width(&sample, &by_cells, Measure::Cells, src);
    match (chars, cells) {
        (Some((by_chars, a)), Some((_, b))) if a > b + WRAP_CHARS_MARGIN_PER_MILLE => {
            Some(by_chars)
        }
        (_, Some((by_cells, _))) => Some(by_cells),
        (by_chars, None) => by_chars.map(|(w, _)| w),
    }
}

/// Under measure `m`, which gave `sample` the lengths `lens`: the wrap
/// width, with how many of the longer lines lie in the width's band, in
/// per mille.
fn band_width(sample: &[&Phys], lens: &[usize], m: Measure, src: &str) -> Option<(Wrap, usize)> {
    let mut counts = [0usize; WRAP_MAX_CHARS + 1];
    let mut long = 0usize;
    for &n in lens {
        if (WRAP_MIN_CHARS..=WRAP_MAX_CHARS).contains(&n) {
            long += 1;
            if let Some(c) = counts.get_mut(n) {
                *c += 1;
            }
        }
    }
    let band = |w: usize| -> usize { counts.get(wrap_full(w)..=w).map_or(0, |c| c.iter().sum()) };
    // The band that holds most lines; of equal ones, the narrowest.
    let width =
        (WRAP_MIN_CHARS..=WRAP_MAX_CHARS).max_by_key(|&w| (band(w), std::cmp::Reverse(w)))?;
    let in_band = |n: usize| (wrap_full(width).max(WRAP_MIN_CHARS)..=width).contains(&n);
    // A line broken at the width is a different piece of text each time;
    // the same line repeated (a site's prompt, a template's sentence) says
    // nothing about wrapping. Only the lines in the band are hashed.
    let mut seen = std::collections::HashSet::with_capacity(sample.len());
    let distinct = sample
        .iter()
        .zip(lens)
        .filter(|&(info, &n)| in_band(n) && seen.insert(info.text(src)))
        .count();
    let long = long.saturating_sub(band(width).saturating_sub(distinct));
    let share = (distinct * 1000).checked_div(long)?;
    (distinct >= WRAP_MIN_LINES && share >= WRAP_MIN_SHARE_PERCENT * 10)
        .then_some((Wrap { measure: m, width }, share))
}

/// How a physical line stands to the logical line before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Link {
    /// It starts a logical line of its own.
    Starts,
    /// It goes on with the logical line before it, which was broken at the
    /// text's width.
    Continues,
    /// Page furniture between two pieces of one logical line.
    Furniture,
}

/// Spaces between two columns of a line laid out by position.
const COLUMN_GAP_SPACES: usize = 3;

/// The line has [`COLUMN_GAP_SPACES`] ASCII spaces in a row.
fn has_column_gap(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr_iter(b' ', bytes).any(|i| {
        bytes
            .get(i..i + COLUMN_GAP_SPACES)
            .is_some_and(|run| run.iter().all(|&b| b == b' '))
    })
}

/// Lines looked ahead for the second point of an enumeration (`二是`)
/// before a wrapped `一是` is read as opening a run of its own.
const WRAP_RUN_LOOKAHEAD_LINES: usize = 40;
/// Share of lines after a sentence's end that must be indented, in
/// percent, for a text to count as indenting its paragraphs (a PDF's
/// layout mode does; a plain extraction does not). Many such lines are no
/// paragraph's start: a sentence may end at a line's end mid-paragraph.
const INDENTED_STARTS_MIN_PERCENT: usize = 40;
/// How many times more often lines after a sentence's end must be indented
/// than the other lines.
const INDENTED_STARTS_MIN_RATIO: usize = 2;
/// Fewest paragraph starts for that share to count.
const INDENTED_STARTS_MIN_LINES: usize = 4;

/// Ends a sentence or a clause that introduces what follows.
fn ends_sentence(text: &str) -> bool {
    text.ends_with(|c| crate::chars::ends_clause(c) || crate::chars::is_colon(c))
}

/// Links each physical line to the one before: in hard-wrapped text (a
/// PDF extraction, e-mail) a line goes on with the line before it when
/// that line fills the text's width (less a little slack: typesetters keep
/// some punctuation off a line's start), does not end a sentence or a
/// clause, and no blank line or marker stands between. Page numbers and
/// running heads between the two, and the blank lines round them when the
/// text sets its page numbers apart, are furniture.
///
/// Two more signs tell a sentence's end at the width from a paragraph's:
/// in a text that indents its paragraphs, an unindented line after a full
/// one goes on with it; and a point of an enumeration (`三要`) at a line's
/// start goes on with the line before when the point before it (`二要`)
/// did not start a line.
///
/// `None` when the text is not wrapped; otherwise each line's link, and
/// which lines are running heads ([`running_heads`]).
fn links(infos: &[Phys], src: &str) -> Option<(Vec<Link>, Vec<bool>)> {
    let wrap = wrap_width(infos, src)?;
    let full = wrap.full();
    let para_indent = paragraph_indent(infos);
    // A line laid out in columns (`税务总局办公厅      文件`, a table's
    // row) reaches the width by the spaces between them, and a title by
    // its words: neither is running text broken there.
    let fills_line = |info: &Phys, text: &str| {
        !info.converter
            && text.len() + info.indent >= full
            && info.indent_chars as usize <= para_indent
            && wrap.measure.reaches(info, src, full)
            && !has_column_gap(text)
    };
    // Asked of every line and, ahead, of a few: found once, in one pass.
    let mut alone = Vec::with_capacity(infos.len());
    let mut filled = Vec::with_capacity(infos.len());
    let mut numbers = Vec::with_capacity(infos.len());
    for info in infos {
        let text = info.text(src);
        let a = stands_alone(text);
        alone.push(a);
        filled.push(!a && fills_line(info, text));
        numbers.push(crate::lexicon::is_page_number(text));
    }
    // Page furniture: page numbers, and the running heads beside them.
    let heads = running_heads(infos, &numbers, src);
    let page: Vec<bool> = numbers.iter().zip(&heads).map(|(&n, &h)| n || h).collect();
    let indented = indents_paragraphs(infos, &page, src);
    let pages_apart = pages_set_apart(infos, &page);
    let mut out = vec![Link::Starts; infos.len()];
    // The last line of text: whether it fills the width, whether it ends a
    // sentence, and its text.
    let mut prev: Option<(bool, bool, &str)> = None;
    let mut furniture: Vec<usize> = Vec::new();
    // For each enumeration family, the last point that started a line.
    let mut started = [0u32; Family::ALL.len()];
    for (i, info) in infos.iter().enumerate() {
        let text_i = info.text(src);
        if prev.is_some() && page.get(i).copied().unwrap_or(false) {
            furniture.push(i);
            continue;
        }
        // Blank lines round a page number are the page's, not a paragraph
        // break, in a text that sets its page numbers apart with them.
        let blank = info.blank_before
            || furniture
                .iter()
                .any(|&f| infos.get(f).is_some_and(|n| n.blank_before));
        let broken = blank && (furniture.is_empty() || !pages_apart);
        let cont = !broken
            && !info.converter
            && !alone.get(i).copied().unwrap_or(false)
            && prev.is_some_and(|(full, ended, text)| {
                // After a sentence's end, in a text that indents its
                // paragraphs, an indented line starts one and an unindented
                // line goes on as any line would.
                let starts_paragraph = ended && indented && info.indent > 0;
                let ended = ended && !(indented && info.indent == 0);
                full && text != text_i
                    && !starts_paragraph
                    && may_continue(
                        info,
                        text,
                        ended,
                        &started,
                        infos.get(i..).unwrap_or(&[]),
                        filled.get(i..).unwrap_or(&[]),
                    )
            });
        if cont {
            if let Some(l) = out.get_mut(i) {
                *l = Link::Continues;
            }
            for &f in &furniture {
                if let Some(l) = out.get_mut(f) {
                    *l = Link::Furniture;
                }
            }
        } else if let Some(c) = info.cand.filter(|c| is_enumeration(c.family))
            && let Some(s) = started.get_mut(c.family as usize)
        {
            *s = c.ordinal;
        }
        furniture.clear();
        let full = filled.get(i).copied().unwrap_or(false);
        prev = Some((full, ends_sentence(text_i), text_i));
    }
    Some((out, heads))
}

/// A title `关于…的通知` is a line of its own even under a full one,
/// unless its brackets and quotes do not pair up (`…的指导意见》`,
/// `现将《国务院关于…的通知`) or it ends with a quoted name (`你委《关于…的
/// 请示》`): then it is a piece of a wrapped sentence.
/// (A piece may end with a genre word by chance, `…市自然资源和规划`; it
/// seldom holds `关于` too.)
fn stands_alone(text: &str) -> bool {
    static GUANYU: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("关于"));
    text.len() <= crate::lexicon::TITLE_MAX_BYTES
        // A document's name in 《》 or quotes ends a sentence's piece
        // (`你委《关于…的请示》`); a title ends with its genre or a bracket.
        && !text.ends_with(['》', '」', '』', '”', '’'])
        // (Asked of every line of a wrapped text: the last character
        // rules out most before the search for `关于`.)
        && crate::lexicon::may_name_genre(text)
        && GUANYU.find(text.as_bytes()).is_some()
        && brackets_pair(text)
        && crate::lexicon::is_strong_title(text)
}

/// Every bracket and quotation mark the text opens it closes, and it
/// closes none it did not open.
fn brackets_pair(text: &str) -> bool {
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '《' | '（' | '(' | '“' | '「' | '『' | '【' | '〔' => depth += 1,
            '》' | '）' | ')' | '”' | '」' | '』' | '】' | '〕' => {
                match depth.checked_sub(1) {
                    Some(d) => depth = d,
                    None => return false,
                }
            }
            _ => {}
        }
    }
    depth == 0
}

/// Point `ordinal` of `family` stands inside `text`, after a clause's end
/// (`…审查；2.项目用地…`).
fn inline_point(text: &str, family: Family, ordinal: u32) -> bool {
    text.char_indices()
        .filter(|&(_, c)| {
            crate::chars::ends_clause(c) || crate::chars::is_colon(c) || crate::chars::is_comma(c)
        })
        .any(|(i, c)| {
            text.get(i + c.len_utf8()..)
                .and_then(crate::marker::recognise)
                .is_some_and(|m| m.family == family && m.ordinal == ordinal)
        })
}

/// Most characters of a running header or footer.
const RUNNING_HEAD_MAX_CHARS: usize = 40;
/// Fewest pages a running header or footer must stand on.
const RUNNING_HEAD_MIN_PAGES: usize = 3;
/// How near a page number, in lines, a running header or footer stands.
const RUNNING_HEAD_REACH_LINES: usize = 2;

/// The lines that are a running header or footer: a short line with no
/// marker that stands at the same place beside the page numbers (the line
/// after each, or the line before: within [`RUNNING_HEAD_REACH_LINES`]) of
/// at least half the pages and at least [`RUNNING_HEAD_MIN_PAGES`]. Only
/// page numbers that count up one by one are pages here: a bare number
/// among a table's cells is none.
fn running_heads(infos: &[Phys], numbers: &[bool], src: &str) -> Vec<bool> {
    let mut heads = vec![false; infos.len()];
    let pages = counting_pages(infos, numbers, src);
    // For each short text and its place relative to a page number, the
    // pages it stands there on.
    let mut beside: std::collections::HashMap<(&str, isize), usize> =
        std::collections::HashMap::new();
    let places = || {
        let reach = RUNNING_HEAD_REACH_LINES as isize;
        (-reach..=reach).filter(|&d| d != 0)
    };
    let at = |p: usize, d: isize| {
        p.checked_add_signed(d)
            .and_then(|k| infos.get(k).map(|i| (k, i)))
    };
    for &p in &pages {
        for d in places() {
            let Some((k, info)) = at(p, d) else { continue };
            let text = info.text(src);
            let short = text.chars().nth(RUNNING_HEAD_MAX_CHARS).is_none();
            if short && info.cand.is_none() && !numbers.get(k).copied().unwrap_or(true) {
                *beside.entry((text, d)).or_default() += 1;
            }
        }
    }
    let enough = RUNNING_HEAD_MIN_PAGES.max(pages.len().div_ceil(2));
    beside.retain(|_, n| *n >= enough);
    if beside.is_empty() {
        return heads;
    }
    for &p in &pages {
        for d in places() {
            if let Some((k, info)) = at(p, d)
                && beside.contains_key(&(info.text(src), d))
                && let Some(h) = heads.get_mut(k)
            {
                *h = true;
            }
        }
    }
    heads
}

/// The page-number lines that count pages: each one more than the one
/// before (a new run may start at 1).
fn counting_pages(infos: &[Phys], numbers: &[bool], src: &str) -> Vec<usize> {
    let mut pages = Vec::new();
    let mut last: Option<u32> = None;
    for (k, info) in infos.iter().enumerate() {
        if !numbers.get(k).copied().unwrap_or(false) {
            continue;
        }
        let value = page_value(info.text(src));
        let counts = match (last, value) {
            (_, None) => false,
            (None, Some(_)) => true,
            (Some(l), Some(v)) => v == l.saturating_add(1) || v == 1,
        };
        if counts {
            pages.push(k);
            last = value;
        }
    }
    pages
}

/// The number a page-number line gives its page: its first run of digits.
fn page_value(text: &str) -> Option<u32> {
    let from = text.find(|c: char| c.is_ascii_digit())?;
    let rest = text.get(from..)?;
    let to = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    rest.get(..to)?.parse().ok()
}

/// Points of an enumeration that run on inside paragraphs as often as
/// they head them: `第一，` `一是` `一要` `首先`.
fn is_enumeration(family: Family) -> bool {
    matches!(
        family,
        Family::Di | Family::CnShi | Family::CnYao | Family::Seq
    )
}

/// A line broken at the width may go on over `info`, the line after
/// `prev`. After a clause that has not `ended`: when it opens with no
/// marker (or a weak one) or with a point of an enumeration (no item
/// starts mid-sentence). After a sentence's end: only a point of an
/// enumeration whose predecessor did not start a line (`三要` without `二要`
/// at a line's start; `一是` with no `二是` at a line's start ahead). And a
/// numbered point whose predecessor stands inside `prev` always.
fn may_continue(
    info: &Phys,
    prev: &str,
    ended: bool,
    started: &[u32],
    ahead: &[Phys],
    ahead_filled: &[bool],
) -> bool {
    let Some(c) = info.cand.filter(|c| !c.weak) else {
        return !ended;
    };
    if !is_enumeration(c.family) {
        // `…；2.项目用地…审查；` / `3.项目…`: a point whose predecessor
        // stands inside the line before is inline too.
        return c.seq.is_none() && c.ordinal > 1 && inline_point(prev, c.family, c.ordinal - 1);
    }
    if !ended {
        return true;
    }
    match c.ordinal {
        0 => false,
        // The second point opens a paragraph of its own: the line before
        // it ends one (it does not fill the width).
        1 => !ahead
            .iter()
            .zip(ahead_filled)
            .zip(ahead.iter().skip(1))
            .take(WRAP_RUN_LOOKAHEAD_LINES)
            .any(|((_, &before_fills), n)| {
                n.cand
                    .is_some_and(|m| m.family == c.family && m.ordinal == 2)
                    && !before_fills
            }),
        n => started.get(c.family as usize) != Some(&(n - 1)),
    }
}

/// The text sets its page numbers apart with blank lines (a PDF's layout
/// mode puts them round the number, poppler's plain mode after it; a
/// page counter added between lines has none): most of them have a blank
/// line next to them.
fn pages_set_apart(infos: &[Phys], page: &[bool]) -> bool {
    let (mut pages, mut apart) = (0usize, 0usize);
    for (k, info) in infos.iter().enumerate().skip(1) {
        if page.get(k).copied().unwrap_or(false) {
            pages += 1;
            let after = infos.get(k + 1).is_some_and(|n| n.blank_before);
            apart += usize::from(info.blank_before || after);
        }
    }
    apart * 2 > pages
}

/// The deepest indentation of the text's paragraphs, in characters: the
/// largest small indentation that enough of the indented lines have (a PDF's layout mode indents a paragraph's
/// first line by one to five spaces, varying with the typesetter and the
/// line; a typed text by two ideographic spaces). A line indented more is
/// centred or pushed right, and does not reach the width as running text
/// does. [`WRAP_MAX_INDENT_CHARS`] when no line is indented.
fn paragraph_indent(infos: &[Phys]) -> usize {
    let mut counts = [0usize; WRAP_MAX_INDENT_CHARS + 1];
    for info in infos.iter().take(WRAP_SAMPLE_LINES) {
        if let Some(c) = counts.get_mut(info.indent_chars as usize) {
            *c += 1;
        }
    }
    let indented: usize = counts.iter().skip(1).sum();
    (1..=WRAP_MAX_INDENT_CHARS)
        .rev()
        .find(|&n| {
            let c = counts.get(n).copied().unwrap_or(0);
            c >= PARAGRAPH_INDENT_MIN_LINES && c * 100 >= indented * PARAGRAPH_INDENT_MIN_PERCENT
        })
        .unwrap_or(WRAP_MAX_INDENT_CHARS)
}

/// Share of the indented lines, in percent, that an indentation must have
/// to count as a paragraph's (see [`paragraph_indent`])...
const PARAGRAPH_INDENT_MIN_PERCENT: usize = 10;
/// ...and how many lines at least: one centred title is no paragraph.
const PARAGRAPH_INDENT_MIN_LINES: usize = 2;

/// The text indents the first lines of its paragraphs, as a PDF's layout
/// mode shows: lines after a sentence's end are indented a little at least
/// [`INDENTED_STARTS_MIN_PERCENT`] of the time, and at least
/// [`INDENTED_STARTS_MIN_RATIO`] times as often as the other lines (which
/// are mostly the rest of a broken paragraph).
fn indents_paragraphs(infos: &[Phys], page: &[bool], src: &str) -> bool {
    // (lines, indented lines) after a sentence's end, and after the rest.
    let mut starts = (0usize, 0usize);
    let mut others = (0usize, 0usize);
    // Page numbers stand between paragraphs and pieces alike: they say
    // nothing here.
    let text: Vec<&Phys> = infos
        .iter()
        .zip(page)
        .take(WRAP_SAMPLE_LINES)
        .filter(|&(_, &p)| !p)
        .map(|(i, _)| i)
        .collect();
    for pair in text.windows(2) {
        let [before, line] = pair else { continue };
        let n = line.indent_chars as usize;
        let indented = usize::from(n > 0 && n <= WRAP_MAX_INDENT_CHARS);
        let count = if ends_sentence(before.text(src)) {
            &mut starts
        } else {
            &mut others
        };
        count.0 += 1;
        count.1 += indented;
    }
    starts.0 >= INDENTED_STARTS_MIN_LINES
        && starts.1 * 100 >= starts.0 * INDENTED_STARTS_MIN_PERCENT
        && starts.1 * others.0 >= INDENTED_STARTS_MIN_RATIO * others.1 * starts.0
}

/// Joins the physical lines into logical ones by their links: a wrapped
/// line's pieces become one line whose text has no breaks, with the page
/// furniture between them kept as parts. `heads` flags the running heads.
fn fold<'a>(
    phys: &[Phys],
    links: &[Link],
    heads: &[bool],
    src: &'a str,
    parts: &mut Vec<PartSpan>,
) -> Vec<LineInfo<'a>> {
    let link = |k: usize| links.get(k).copied().unwrap_or(Link::Starts);
    let logical = (0..phys.len()).filter(|&k| link(k) == Link::Starts).count();
    let mut infos = Vec::with_capacity(logical);
    let mut k = 0;
    while let Some(&first) = phys.get(k) {
        let mut info = first.line(src);
        info.set(flag::RUNNING_HEAD, heads.get(k).copied().unwrap_or(false));
        // The run of lines this one takes in: up to the next that starts
        // a line of its own.
        let end = (k + 1..phys.len())
            .find(|&j| link(j) == Link::Starts)
            .unwrap_or(phys.len());
        let run = phys.get(k + 1..end).unwrap_or(&[]);
        if !run.is_empty() {
            let bytes: usize = run
                .iter()
                .zip(k + 1..)
                .filter(|&(_, j)| link(j) == Link::Continues)
                .map(|(p, _)| p.span.len())
                .sum();
            let head = first.text(src);
            let mut text = String::with_capacity(head.len() + bytes);
            text.push_str(head);
            let at = parts.len();
            parts.push(PartSpan {
                span: first.span,
                furniture: false,
            });
            for (p, j) in run.iter().zip(k + 1..) {
                let furniture = link(j) == Link::Furniture;
                parts.push(PartSpan {
                    span: p.span,
                    furniture,
                });
                if !furniture {
                    text.push_str(p.text(src));
                    info.span.end = p.span.end;
                }
            }
            info.text = Cow::Owned(text);
            info.parts = part_index(at)..part_index(parts.len());
        }
        infos.push(info);
        k = end;
    }
    infos
}

/// A line's length with its indentation, in characters (as a wrapping
/// tool counts it) and in cells (as a typesetter does: a Latin letter or
/// digit is half a cell).
fn lengths(info: &Phys, src: &str) -> (usize, usize) {
    let indent = info.indent_chars as usize;
    let text = info.text(src);
    let chars = text.chars().count();
    // Half cells: one for an ASCII byte, two for any other character.
    let ascii = text.bytes().filter(|&b| b < 0x80).count();
    (indent + chars, indent + (2 * chars - ascii).div_ceil(2))
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Each paragraph hard-wrapped at `width` characters, one a line.
    fn wrapped(paragraphs: &[&str], width: usize) -> String {
        let mut out = String::new();
        for p in paragraphs {
            let chars: Vec<char> = p.chars().collect();
            for piece in chars.chunks(width) {
                out.extend(piece);
                out.push('\n');
            }
        }
        out
    }

    /// Running text long enough to wrap over several lines.
    const RUNNING: &str = "各地区各部门要坚持以人民为中心的发展思想，统筹发展和安全，扎实推进各项工作，切实把党中央决策部署落到实处，确保取得实效，推动经济社会持续健康发展，不断增强人民群众获得感幸福感安全感。";
    /// More of it, different (a wrapped line repeated says nothing about
    /// wrapping).
    const RUNNING2: &str = "市直各单位要严格落实安全生产责任制，全面排查整治各类风险隐患，加强应急值守和信息报送，做到早发现早报告早处置，坚决防范遏制重特大事故发生，切实保障人民群众生命财产安全和社会大局稳定。";
    const RUNNING3: &str = "会议强调，要进一步提高政治站位，增强责任意识，把思想和行动统一到上级决策部署上来，以更加务实的作风、更加有力的举措，推动各项任务落地见效，为全市高质量发展作出新的更大贡献。";

    fn texts(src: &str) -> Vec<String> {
        classify(src)
            .infos
            .iter()
            .map(|i| i.text.to_string())
            .collect()
    }

    #[test]
    fn a_wrapped_paragraph_is_one_logical_line() {
        let src = wrapped(
            &["一、总体要求", RUNNING, RUNNING2, "二、工作措施", RUNNING3],
            20,
        );
        let Facts { infos, gaps, .. } = classify(&src);
        let got: Vec<&str> = infos.iter().map(|i| i.text.as_ref()).collect();
        assert_eq!(
            got,
            ["一、总体要求", RUNNING, RUNNING2, "二、工作措施", RUNNING3]
        );
        // The pieces are the physical lines, and the breaks between them
        // stay gaps.
        let second = &infos[1];
        assert_eq!(second.parts.len(), RUNNING.chars().count().div_ceil(20));
        assert!(gaps.iter().any(|g| second.span.contains(*g)));
    }

    #[test]
    fn a_stand_in_is_a_copy_or_no_shorter_than_the_text() {
        let mut src = wrapped(&["一、总体要求", RUNNING, RUNNING2, "短句。"], 20);
        src.push_str("\n- 2 -\n");
        let Facts { infos, .. } = classify(&src);
        let keep = 40;
        let mut swapped = 0;
        for info in &infos {
            let stand_in = info.stand_in(&src, keep);
            assert_eq!(
                (stand_in.span, stand_in.cand, stand_in.parts.clone()),
                (info.span, info.cand, info.parts.clone())
            );
            assert_eq!((stand_in.flags, stand_in.indent), (info.flags, info.indent));
            let long = matches!(info.text, Cow::Owned(_)) && info.text.len() > keep;
            if long {
                swapped += 1;
                assert!(matches!(stand_in.text, Cow::Borrowed(_)));
                assert!(stand_in.text.len() >= info.text.len());
                assert!(stand_in.text.chars().count() >= info.text.chars().count());
            } else {
                assert_eq!(stand_in.text, info.text);
            }
        }
        // The two wrapped paragraphs are long and joined; the rest is kept.
        assert_eq!(swapped, 2);
    }

    #[test]
    fn a_line_opens_a_block_after_a_marker_bullet_or_heading() {
        let table = [
            ("一、总体要求", true),
            ("- 本次会议时间：5月10日", true),
            ("## 第一章 总则", true),
            ("区）人民政府：", false),
            ("本次会议时间：5月10日", false),
        ];
        for (line, opens) in table {
            let Facts { infos, .. } = classify(line);
            assert_eq!(infos.len(), 1, "{line:?}");
            assert_eq!(infos[0].opens_block(), opens, "{line:?}");
        }
    }

    #[test]
    fn a_page_number_between_pieces_is_furniture() {
        let mut src = wrapped(&["一、总体要求", RUNNING, RUNNING2], 20);
        // A page break after the second line of the first paragraph, as
        // the layout mode prints it: blank lines round a centred number.
        let at = src
            .match_indices('\n')
            .nth(2)
            .map(|(i, _)| i + 1)
            .unwrap_or(0);
        src.insert_str(at, "\n          —1—\n\n");
        let Facts { infos, parts, .. } = classify(&src);
        let texts: Vec<&str> = infos.iter().map(|i| i.text.as_ref()).collect();
        assert_eq!(texts, ["一、总体要求", RUNNING, RUNNING2]);
        let furniture: Vec<&str> = parts[infos[1].parts()]
            .iter()
            .filter_map(|p| match p.part(&src) {
                Part::Furniture(_, t) => Some(t),
                Part::Text(..) => None,
            })
            .collect();
        assert_eq!(furniture, ["—1—"]);
    }

    #[test]
    fn what_does_not_join() {
        // (the lines after a wrapped text, the logical lines they give).
        let lead = wrapped(&[RUNNING, RUNNING2], 20);
        for (tail, want) in [
            // A marker opens a line of its own.
            (
                "要加强组织领导，落实工作责任，确保各项\n（一）加强领导\n",
                vec!["要加强组织领导，落实工作责任，确保各项", "（一）加强领导"],
            ),
            // A blank line ends a paragraph.
            (
                "要加强组织领导，落实工作责任，确保各项\n\n工作落实\n",
                vec!["要加强组织领导，落实工作责任，确保各项", "工作落实"],
            ),
            // A sentence's end at the width ends the paragraph.
            (
                "要加强组织领导，落实工作责任，确保落实。\n工作落实到位\n",
                vec!["要加强组织领导，落实工作责任，确保落实。", "工作落实到位"],
            ),
            // A title naming its genre stands alone; a piece of a sentence
            // that ends with one does not.
            (
                "要加强组织领导，落实工作责任，确保各项\n关于加强安全生产工作的通知\n",
                vec![
                    "要加强组织领导，落实工作责任，确保各项",
                    "关于加强安全生产工作的通知",
                ],
            ),
            (
                "要加强组织领导，落实工作责任，确保各项\n关于加强安全生产工作的通知》精神\n",
                vec!["要加强组织领导，落实工作责任，确保各项关于加强安全生产工作的通知》精神"],
            ),
            (
                "要加强组织领导，落实工作责任，确保各项\n你委《关于调整开发区规划范围的请示》\n",
                vec!["要加强组织领导，落实工作责任，确保各项你委《关于调整开发区规划范围的请示》"],
            ),
            // A line laid out in columns does not fill the width.
            (
                "某某市人民政府办公室        文件\n附件\n",
                vec!["某某市人民政府办公室        文件", "附件"],
            ),
        ] {
            let src = format!("{lead}{tail}");
            let got = texts(&src);
            assert_eq!(&got[2..], want.as_slice(), "{tail}");
        }
    }

    #[test]
    fn a_point_of_an_enumeration_at_a_line_start_may_go_on() {
        let lead = wrapped(&[RUNNING, RUNNING2], 20);
        // After a clause that has not ended, `二是` goes on with it.
        let src = format!(
            "{lead}要加强组织领导，落实工作责任，确保各项\n二是狠抓落实，不断提高工作实效。\n"
        );
        assert_eq!(texts(&src).len(), 3);
        // After a sentence's end, `三要` goes on unless `二要` started a
        // line; `一是` goes on unless `二是` starts a paragraph ahead.
        let src = format!(
            "{lead}一要加强领导，二要狠抓落实，确保落实。\n三要严格考核，确保各项工作取得实效。\n"
        );
        assert_eq!(texts(&src).len(), 3);
        let src = format!(
            "{lead}要加强组织领导，落实工作责任，确保落实。\n一是加强领导。\n二是狠抓落实。\n"
        );
        assert_eq!(texts(&src).len(), 5);
        // A numbered point whose predecessor stands inside the line before
        // is inline too; one whose predecessor started a line is an item.
        let src = format!(
            "{lead}需要协调：1.占用补划方案审查；2.规划符合性审查；\n3.节约集约用地论证分析报告审查。\n"
        );
        assert_eq!(texts(&src).len(), 3);
        let src = format!(
            "{lead}2.规划符合性审查，规划符合性审查，规划审查；\n3.节约集约用地论证分析报告审查。\n"
        );
        assert_eq!(texts(&src).len(), 4);
    }

    #[test]
    fn layout_mode_indentation_tells_paragraphs_apart() {
        // Paragraphs indented two spaces, their other lines flush: a
        // sentence's end at the width does not end the paragraph.
        let mut src = String::new();
        for p in [RUNNING, RUNNING2, RUNNING3, RUNNING2] {
            let lines = wrapped(&[p], 20);
            for (k, l) in lines.lines().enumerate() {
                src.push_str(if k == 0 { "  " } else { "" });
                src.push_str(l);
                src.push('\n');
            }
        }
        src.push_str("  要加强组织领导，落实工作责任，确保落实。\n工作落实到位，取得实效。\n");
        let got = texts(&src);
        assert_eq!(got.len(), 5);
        assert_eq!(
            got[4],
            "要加强组织领导，落实工作责任，确保落实。工作落实到位，取得实效。"
        );
        // A centred line reaches the width by its indentation only.
        let centred = format!("{src}        某某县教育局学校食品安全工作\n登记表\n");
        let got = texts(&centred);
        assert_eq!(
            got[5..],
            ["某某县教育局学校食品安全工作", "登记表"],
            "{got:?}"
        );
    }

    #[test]
    fn a_page_break_between_paragraphs_joins_nothing() {
        let ended = "要加强组织领导，落实工作责任，确保落实。";
        // Plain extraction: page numbers between lines, no blank lines
        // round them; at a paragraph's end, its blank line, then the number.
        let mut src = String::new();
        for (k, p) in [RUNNING, RUNNING2, RUNNING3].into_iter().enumerate() {
            for (n, l) in wrapped(&[p], 20).lines().enumerate() {
                src.push_str(l);
                src.push('\n');
                if n == 1 {
                    src.push_str(&format!("—{}—\n", k + 1));
                }
            }
        }
        assert_eq!(texts(&src), [RUNNING, RUNNING2, RUNNING3]);
        src.push_str(&format!("{ended}\n\n—4—\n第三，要严格考核。\n"));
        assert_eq!(texts(&src)[3..], [ended, "—4—", "第三，要严格考核。"]);
        // Layout mode: blank lines round the number, and the next
        // paragraph indented.
        let mut src = String::new();
        for p in [RUNNING, RUNNING2, RUNNING3, RUNNING2] {
            for (k, l) in wrapped(&[p], 20).lines().enumerate() {
                src.push_str(if k == 0 { "  " } else { "" });
                src.push_str(l);
                src.push('\n');
            }
            src.push_str("\n          —1—\n\n");
        }
        src.push_str(&format!(
            "  {ended}\n\n          —2—\n\n  第三，要严格考核。\n"
        ));
        let got = texts(&src);
        assert_eq!(got[got.len() - 3..], [ended, "—2—", "第三，要严格考核。"]);
    }

    #[test]
    fn a_running_head_beside_the_page_numbers_is_furniture() {
        // Pages of five lines: a gazette's running head over each page
        // after the first, a page number under each.
        let lines: Vec<String> = wrapped(&[RUNNING, RUNNING2, RUNNING3], 20)
            .lines()
            .map(str::to_owned)
            .collect();
        let mut src = String::new();
        for (page, chunk) in lines.chunks(3).enumerate() {
            if page > 0 {
                src.push_str("江川市人民政府公报 2024年第3期\n");
            }
            for l in chunk {
                src.push_str(l);
                src.push('\n');
            }
            src.push_str(&format!("—{}—\n", page + 1));
        }
        let Facts { infos, parts, .. } = classify(&src);
        // The paragraphs read whole; what stands between two of them (a
        // page's end at a paragraph's end) is a line of its own, flagged.
        let texts: Vec<&str> = infos
            .iter()
            .filter(|i| !i.running_head() && !crate::lexicon::is_page_number(&i.text))
            .map(|i| i.text.as_ref())
            .collect();
        assert_eq!(texts, [RUNNING, RUNNING2, RUNNING3]);
        let furniture: Vec<String> = infos
            .iter()
            .flat_map(|i| parts.get(i.parts()).unwrap_or(&[]))
            .filter(|p| p.furniture)
            .map(|p| p.part(&src))
            .map(|p| match p {
                Part::Furniture(_, t) | Part::Text(_, t) => t.to_owned(),
            })
            .collect();
        assert!(
            furniture
                .iter()
                .any(|t| t.starts_with("江川市人民政府公报")),
            "{furniture:?}"
        );
        // A line that comes once is no running head.
        assert!(
            infos
                .iter()
                .all(|i| !i.running_head() || i.text.starts_with("江川市"))
        );
    }

    #[test]
    fn clean_text_is_not_wrapped() {
        let src = format!(
            "关于加强管理的通知\n各乡镇：\n{RUNNING}\n{RUNNING2}\n一、总体要求\n{RUNNING3}\n"
        );
        assert!(classify(&src).infos.iter().all(|i| i.parts.is_empty()));
    }

    #[test]
    fn the_reckoned_room_is_capped_by_the_bytes_left() {
        // (lines read, bytes read, total bytes, least room, most room).
        for (found, read, total, least, most) in [
            // The corpus's shape: 256 lines in 135 KB of 10 MB reckon
            // about 18.6 k more.
            (
                256usize,
                135_000usize,
                10_000_000usize,
                18_000usize,
                19_500usize,
            ),
            // Short lines at the start of a long text: no more than one a
            // RESERVE_MIN_BYTES_PER_LINE of what is left.
            (
                256,
                512,
                10_000_000,
                0,
                10_000_000 / RESERVE_MIN_BYTES_PER_LINE,
            ),
            // Nothing read, or nothing left: nothing reserved.
            (256, 0, 10_000, 0, 0),
            (256, 10_000, 10_000, 0, 0),
        ] {
            let mut lines: Vec<u64> = vec![0; found];
            let mut gaps: Vec<u64> = vec![0; found];
            lines.shrink_to_fit();
            gaps.shrink_to_fit();
            reserve_by_estimate(&mut lines, &mut gaps, read, total);
            let room = lines.capacity() - lines.len();
            assert!(
                (least..=most).contains(&room),
                "{found} lines in {read} of {total} bytes: {room}"
            );
        }
    }

    #[test]
    fn brackets_pair_up() {
        for (text, want) in [
            ("关于印发《某某办法》的通知", true),
            ("关于某某（试行）的通知", true),
            ("现将《国务院关于某某的通知", false),
            ("某某的指导意见》", false),
            ("”的通知", false),
        ] {
            assert_eq!(brackets_pair(text), want, "{text}");
        }
    }
}
