//! 发文字号 (document numbers). Placeholder: being written.
