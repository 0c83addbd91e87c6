//! The first loading pass: bounded, path-tracking deserialization.

use serde::de::DeserializeOwned;

use crate::error::{Error, ErrorKind};

/// The largest assessment file the engine accepts, in bytes.
pub const MAX_ASSESSMENT_BYTES: usize = 4 * 1024 * 1024;
/// The largest answers document (an import, one line of a batch), in bytes.
pub const MAX_ANSWERS_BYTES: usize = 256 * 1024;
/// The largest export (answers with their report) an import reads, in bytes.
pub const MAX_EXPORT_BYTES: usize = 4 * MAX_ANSWERS_BYTES;
/// The largest saved state read back, in bytes: what a browser's `localStorage` can hold (5 MiB
/// per origin in the common browsers). The largest valid assessment (1,000 questions of 64
/// options with long ids) saves more than [`MAX_ANSWERS_BYTES`], and every save must be
/// readable again, or a reload would set valid answers aside as damaged.
pub const MAX_SAVED_STATE_BYTES: usize = 5 * 1024 * 1024;

/// Deserializes `json` into `T`, reporting the path of the first fault.
pub fn from_json<T: DeserializeOwned>(
    json: &str,
    what: &'static str,
    limit: usize,
) -> Result<T, Error> {
    if json.len() > limit {
        return Err(Error::new(ErrorKind::TooLarge {
            what,
            size: json.len(),
            limit,
        }));
    }
    let mut de = serde_json::Deserializer::from_str(json);
    let value: T = match serde_path_to_error::deserialize(&mut de) {
        Ok(value) => value,
        Err(err) => return Err(convert(err)),
    };
    de.end().map_err(|e| syntax(&e))?;
    Ok(value)
}

fn convert(err: serde_path_to_error::Error<serde_json::Error>) -> Error {
    let path = err.path().to_string();
    let inner = err.into_inner();
    match inner.classify() {
        serde_json::error::Category::Data => {
            let path = if path == "." { String::new() } else { path };
            Error::new(ErrorKind::Shape {
                path,
                message: strip_position(&inner.to_string()),
            })
        }
        _ => syntax(&inner),
    }
}

fn syntax(err: &serde_json::Error) -> Error {
    Error::new(ErrorKind::Syntax {
        line: err.line(),
        column: err.column(),
        message: strip_position(&err.to_string()),
    })
}

/// serde_json appends " at line L column C"; the engine reports positions itself.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}
