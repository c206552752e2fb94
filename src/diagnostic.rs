//! Diagnostics: irregularities the parser read through.
//!
//! The numbering of every parsed tree is checked against GB/T 9704-2012's
//! structure numbers (`一、` → `（一）` → `1.` → `（1）`) and plain sequence
//! sense; each finding is a [`Diagnostic`] with a stable [`Code`].

use serde::{Deserialize, Serialize};

use crate::span::Span;

/// How much a diagnostic matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Worth knowing; the numbering is still sound.
    Info,
    /// The numbering breaks a rule a careful author keeps.
    Warning,
    /// The numbering is wrong.
    Error,
}

impl Severity {
    /// `info`, `warning` or `error`.
    pub const fn name(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A stable code for each kind of diagnostic; its name never changes.
///
/// | code | severity | what |
/// |---|---|---|
/// | `numbering-gap` | warning | a number skipped: `一、` then `三、` |
/// | `numbering-repeat` | error | the same number twice: `二、` then `二、` |
/// | `numbering-backwards` | error | a number lower than the one before (not 1) |
/// | `numbering-restart` | info | a list starting again at 1 under the same parent |
/// | `lost-siblings` | warning | an item whose earlier siblings are missing |
/// | `level-skip` | warning | a GB/T level skipped: `一、` straight to `1.` |
/// | `mixed-width` | warning | full- and half-width markers in one list: `（一）` and `(二)` |
/// | `mixed-style` | warning | `1.` and `1、` in one list |
/// | `empty-heading` | warning | a marker with no heading text after it |
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Code {
    /// A number was skipped: `一、` then `三、`.
    NumberingGap,
    /// A number came again: `二、` then `二、`.
    NumberingRepeat,
    /// A number went back (to anything but 1): `三、` then `二、`.
    NumberingBackwards,
    /// A list started again at 1 under the same parent.
    NumberingRestart,
    /// An item whose earlier siblings are missing (`三、` with no `一、` `二、`).
    LostSiblings,
    /// A GB/T 9704 level skipped: `一、` with `1.` directly under it.
    LevelSkip,
    /// Full-width and half-width markers mixed in one list.
    MixedWidth,
    /// `1.` and `1、` mixed in one list.
    MixedStyle,
    /// A marker with no heading text after it.
    EmptyHeading,
}

impl Code {
    /// Every code.
    pub const ALL: [Code; 9] = [
        Code::NumberingGap,
        Code::NumberingRepeat,
        Code::NumberingBackwards,
        Code::NumberingRestart,
        Code::LostSiblings,
        Code::LevelSkip,
        Code::MixedWidth,
        Code::MixedStyle,
        Code::EmptyHeading,
    ];

    /// The code's name as printed and in JSON (`numbering-gap`).
    pub const fn name(self) -> &'static str {
        match self {
            Code::NumberingGap => "numbering-gap",
            Code::NumberingRepeat => "numbering-repeat",
            Code::NumberingBackwards => "numbering-backwards",
            Code::NumberingRestart => "numbering-restart",
            Code::LostSiblings => "lost-siblings",
            Code::LevelSkip => "level-skip",
            Code::MixedWidth => "mixed-width",
            Code::MixedStyle => "mixed-style",
            Code::EmptyHeading => "empty-heading",
        }
    }

    /// The severity this code always has.
    pub const fn severity(self) -> Severity {
        match self {
            Code::NumberingRepeat | Code::NumberingBackwards => Severity::Error,
            Code::NumberingRestart => Severity::Info,
            _ => Severity::Warning,
        }
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Something the parser noticed in the numbering.
///
/// `Display` prints `LINE:COL: severity[code]: message`; prefix it with a
/// file name for compiler-style output.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// Stable code.
    pub code: Code,
    /// How much it matters (always `code.severity()`).
    pub severity: Severity,
    /// The marker it is about.
    pub span: Span,
    /// 1-based line of `span.start`.
    pub line: usize,
    /// 1-based column of `span.start`, in characters.
    pub column: usize,
    /// A sentence for humans.
    pub message: String,
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}: {}[{}]: {}",
            self.line,
            self.column,
            self.severity.name(),
            self.code,
            self.message
        )
    }
}
