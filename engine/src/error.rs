//! Errors and diagnostics.
//!
//! Loading an assessment has two passes. The first deserializes with path tracking and stops at
//! the first fault, reported as [`ErrorKind::Syntax`] or [`ErrorKind::Shape`]. The second, a
//! semantic pass, collects *every* problem as a [`Diagnostic`] with a stable code and a path
//! such as `sections[2].questions[0].weights.oe`.

use std::fmt;

/// An error from loading an assessment or answers. The detail is boxed to keep results small.
#[derive(Debug, Clone, PartialEq)]
pub struct Error(Box<ErrorKind>);

/// What went wrong.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input is larger than the engine accepts.
    TooLarge {
        /// What was too large, e.g. "assessment file".
        what: &'static str,
        /// Its size in bytes.
        size: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// The input is not well-formed JSON.
    Syntax {
        /// 1-based line of the fault.
        line: usize,
        /// 1-based column of the fault.
        column: usize,
        /// What the parser expected.
        message: String,
    },
    /// The JSON is well-formed but does not fit the format: a wrong type, a missing or unknown field.
    Shape {
        /// Where, e.g. `sections[0].questions[1].scale`.
        path: String,
        /// What is wrong there.
        message: String,
    },
    /// The semantic pass found one or more errors (warnings may be among them).
    Invalid {
        /// Every diagnostic found, errors first in document order.
        diagnostics: Vec<Diagnostic>,
    },
}

impl Error {
    /// Wraps an error kind.
    pub fn new(kind: ErrorKind) -> Self {
        Error(Box::new(kind))
    }

    /// The kind of error, with its detail.
    pub fn kind(&self) -> &ErrorKind {
        &self.0
    }

    /// A stable machine code for the error.
    pub fn code(&self) -> &'static str {
        match &*self.0 {
            ErrorKind::TooLarge { .. } => "input.too_large",
            ErrorKind::Syntax { .. } => "json.syntax",
            ErrorKind::Shape { .. } => "json.shape",
            ErrorKind::Invalid { .. } => "assessment.invalid",
        }
    }

    /// The path of the (first) fault, when there is one.
    pub fn path(&self) -> Option<&str> {
        match &*self.0 {
            ErrorKind::Shape { path, .. } => Some(path),
            ErrorKind::Invalid { diagnostics } => diagnostics
                .iter()
                .find(|d| d.severity == Severity::Error)
                .map(|d| d.path.as_str()),
            _ => None,
        }
    }

    /// Every diagnostic: the semantic ones, or a single one made from a parse fault.
    pub fn diagnostics(&self) -> Vec<Diagnostic> {
        match &*self.0 {
            ErrorKind::Invalid { diagnostics } => diagnostics.clone(),
            ErrorKind::Shape { path, message } => {
                vec![Diagnostic::error(
                    self.code(),
                    path.clone(),
                    message.clone(),
                )]
            }
            _ => vec![Diagnostic::error(
                self.code(),
                self.path().unwrap_or(""),
                self.to_string(),
            )],
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &*self.0 {
            ErrorKind::TooLarge { what, size, limit } => {
                write!(f, "the {what} is {size} bytes; the limit is {limit} bytes")
            }
            ErrorKind::Syntax {
                line,
                column,
                message,
            } => write!(
                f,
                "not valid JSON at line {line}, column {column}: {message}"
            ),
            ErrorKind::Shape { path, message } if path.is_empty() => write!(f, "{message}"),
            ErrorKind::Shape { path, message } => write!(f, "{path}: {message}"),
            ErrorKind::Invalid { diagnostics } => {
                let errors: Vec<_> = diagnostics
                    .iter()
                    .filter(|d| d.severity == Severity::Error)
                    .collect();
                match errors.as_slice() {
                    [one] => write!(f, "{one}"),
                    [first, ..] => write!(f, "{first} (and {} more)", errors.len() - 1),
                    [] => write!(f, "invalid assessment"),
                }
            }
        }
    }
}

impl std::error::Error for Error {}

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The assessment cannot be used.
    Error,
    /// The assessment works, but something is probably not what the author meant.
    Warning,
}

/// One finding of the semantic pass.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// A stable code, e.g. `dimension.unknown`.
    pub code: &'static str,
    /// Where, e.g. `sections[2].questions[0].weights.oe`.
    pub path: String,
    /// What is wrong, in a sentence.
    pub message: String,
}

/// The most characters of a diagnostic's path, and of its message, that are kept: a reference or
/// a value quoted from the file is cut there, so that one finding stays one readable line.
const MAX_PATH_CHARS: usize = 200;
const MAX_MESSAGE_CHARS: usize = 500;

/// `s` cut to `max` characters (with "…"), and with every direction override it leaves open
/// closed, so that a quoted value cannot reverse the rest of the line it is printed on.
fn tidy(s: String, max: usize) -> String {
    let s = match s.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &s[..at]),
        None => s,
    };
    crate::text::close_bidi(s)
}

impl Diagnostic {
    /// An error.
    pub fn error(code: &'static str, path: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code,
            path: tidy(path.into(), MAX_PATH_CHARS),
            message: tidy(message.into(), MAX_MESSAGE_CHARS),
        }
    }

    /// A warning.
    pub fn warning(
        code: &'static str,
        path: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, path, message)
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        if self.path.is_empty() {
            write!(f, "{level}[{}]: {}", self.code, self.message)
        } else {
            write!(f, "{level}[{}] {}: {}", self.code, self.path, self.message)
        }
    }
}
