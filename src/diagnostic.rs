//! Diagnostics: irregularities the parser read through.

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

/// A stable code for each kind of diagnostic; its `name` never changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Code {
    /// A number was skipped: `一、` then `三、`.
    NumberingGap,
    /// A number came again or went back: `二、` then `二、`.
    NumberingRepeat,
    /// A list started again at 1 under the same parent.
    NumberingRestart,
    /// An item whose earlier siblings are missing (`三、` with no `一、` `二、`).
    LostSiblings,
}

impl Code {
    /// The code's name as printed and in JSON (`numbering-gap`).
    pub const fn name(self) -> &'static str {
        match self {
            Code::NumberingGap => "numbering-gap",
            Code::NumberingRepeat => "numbering-repeat",
            Code::NumberingRestart => "numbering-restart",
            Code::LostSiblings => "lost-siblings",
        }
    }
}

/// Something the parser noticed in the numbering.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// Stable code.
    pub code: Code,
    /// How much it matters.
    pub severity: Severity,
    /// The marker it is about.
    pub span: Span,
    /// A sentence for humans.
    pub message: String,
}
