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
    if let Some(message) = encoding_problem(json) {
        return Err(Error::new(ErrorKind::Syntax {
            line: 1,
            column: 1,
            message: message.to_owned(),
        }));
    }
    // A web server's error page, or a single-page app's index served for every address.
    if json
        .trim_start_matches(['\u{FEFF}', ' ', '\t', '\r', '\n'])
        .starts_with('<')
    {
        return Err(Error::new(ErrorKind::Syntax {
            line: 1,
            column: 1,
            message: "this is an HTML or XML page, not JSON: the address may lead to a web \
                      page instead of the file"
                .to_owned(),
        }));
    }
    if let Some(found) = not_an_object(json) {
        return Err(Error::new(ErrorKind::Shape {
            path: String::new(),
            message: format!("the document must be a JSON object ({{ … }}), not {found}"),
        }));
    }
    let mut de = serde_json::Deserializer::from_str(json);
    let value: T = match serde_path_to_error::deserialize(&mut de) {
        Ok(value) => value,
        Err(err) => return Err(convert(err)),
    };
    de.end().map_err(|e| syntax(&e))?;
    // serde keeps the last of a key given twice, without a word: a weight written twice, or an
    // answer edited into an export twice, would count silently.
    // The path is tracked only when there is one to report: tracking costs more than the pass.
    if serde_json::from_str::<UniqueKeys>(json).is_err() {
        let mut de = serde_json::Deserializer::from_str(json);
        serde_path_to_error::deserialize::<_, UniqueKeys>(&mut de).map_err(convert)?;
    }
    Ok(value)
}

/// A JSON value in which no object gives a key twice.
struct UniqueKeys;

/// An object's key, borrowed from the text unless it holds an escape (serde's own `Cow<str>`
/// always copies).
struct Key<'de>(std::borrow::Cow<'de, str>);

impl<'de> serde::Deserialize<'de> for Key<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a key")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(std::borrow::Cow::Borrowed(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key(std::borrow::Cow::Owned(v.to_owned())))
            }
        }
        d.deserialize_str(Visit)
    }
}

impl<'de> serde::Deserialize<'de> for UniqueKeys {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(UniqueKeys)
    }
}

impl<'de> serde::de::Visitor<'de> for UniqueKeys {
    type Value = UniqueKeys;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self, A::Error> {
        let mut keys = std::collections::BTreeSet::new();
        while let Some(Key(key)) = map.next_key::<Key<'de>>()? {
            if let Some(key) = keys.replace(key) {
                return Err(serde::de::Error::custom(format_args!(
                    "`{key}` is given twice: each key may appear only once"
                )));
            }
            map.next_value::<UniqueKeys>()?;
        }
        Ok(self)
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self, A::Error> {
        while seq.next_element::<UniqueKeys>()?.is_some() {}
        Ok(self)
    }

    fn visit_bool<E>(self, _: bool) -> Result<Self, E> {
        Ok(self)
    }

    fn visit_i64<E>(self, _: i64) -> Result<Self, E> {
        Ok(self)
    }

    fn visit_u64<E>(self, _: u64) -> Result<Self, E> {
        Ok(self)
    }

    fn visit_f64<E>(self, _: f64) -> Result<Self, E> {
        Ok(self)
    }

    fn visit_str<E>(self, _: &str) -> Result<Self, E> {
        Ok(self)
    }

    fn visit_unit<E>(self) -> Result<Self, E> {
        Ok(self)
    }
}

fn convert(err: serde_path_to_error::Error<serde_json::Error>) -> Error {
    let path = err.path().to_string();
    let inner = err.into_inner();
    match inner.classify() {
        serde_json::error::Category::Data => {
            let path = if path == "." { String::new() } else { path };
            let message = plain_words(&strip_position(&inner.to_string()));
            Error::new(ErrorKind::Shape { path, message })
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

/// What is wrong with the encoding of a file that was read as UTF-8 into `text` (with anything
/// that is not UTF-8 replaced): it is UTF-16, or compressed with gzip. `None` otherwise.
pub fn encoding_problem(text: &str) -> Option<&'static str> {
    if looks_like_utf16(text) {
        Some("the text is UTF-16, not UTF-8: save the file as UTF-8")
    } else if looks_like_gzip(text) {
        Some("the file is compressed (gzip): unpack it, or serve it with `Content-Encoding: gzip`")
    } else {
        None
    }
}

/// Whether `text` is a UTF-16 file read as UTF-8: its byte order mark became two replacement
/// characters, or its first characters alternate with zero bytes, as ASCII text in UTF-16 does.
fn looks_like_utf16(text: &str) -> bool {
    if text.starts_with("\u{FFFD}\u{FFFD}") {
        return true;
    }
    let first: Vec<char> = text.chars().take(4).collect();
    let ascii = |c: &char| c.is_ascii_graphic() || c.is_ascii_whitespace();
    match first.as_slice() {
        [a, '\0', b, '\0'] | ['\0', a, '\0', b] => ascii(a) && ascii(b),
        _ => false,
    }
}

/// Whether `text` is a gzip file read as UTF-8 (its first byte, 0x1F, then 0x8B, which is not
/// UTF-8).
fn looks_like_gzip(text: &str) -> bool {
    text.starts_with("\u{1F}\u{FFFD}")
}

/// What a well-formed document holds when that is not an object (serde would read an array
/// as the fields of a struct in order, and word the rest in its own terms).
fn not_an_object(json: &str) -> Option<&'static str> {
    let found = match json.trim_start().chars().next()? {
        '{' => return None,
        '[' => "an array ([ … ])",
        '"' => "a string",
        't' | 'f' => "true or false",
        'n' => "null",
        _ => "a number",
    };
    // Only a document that is JSON: anything else is reported where its syntax breaks.
    serde_json::from_str::<serde::de::IgnoredAny>(json)
        .is_ok()
        .then_some(found)
}

/// serde's wording, as a consultant reads it: "expected struct Report" says "an object", and
/// the format's either-or values and Rust's number types say what they take.
fn plain_words(message: &str) -> String {
    const UNTAGGED: &str = "data did not match any variant of untagged enum ";
    if let Some(name) = message.strip_prefix(UNTAGGED) {
        return match name {
            "Weight" => "a weight must be a number, or an object of option id to number \
                         ({\"a\": 1, \"b\": 0})"
                .to_owned(),
            "Text" | "RawText" => "a text must be a string, or an object of language code to \
                                   string ({\"nl\": \"…\", \"en\": \"…\"})"
                .to_owned(),
            _ => message.to_owned(),
        };
    }
    if let Some(i) = message.find(", expected struct ") {
        return format!("{}, expected an object", &message[..i]);
    }
    for (rust, words) in [
        ("u8", "a whole number from 0 to 255"),
        ("u16", "a whole number from 0 to 65535"),
        ("u32", "a whole number from 0 to 4294967295"),
        ("u64", "a whole number of 0 or more"),
        ("usize", "a whole number of 0 or more"),
        ("i32", "a whole number"),
        ("i64", "a whole number"),
        ("f64", "a number"),
    ] {
        if let Some(start) = message.strip_suffix(rust) {
            if let Some(start) = start.strip_suffix(", expected ") {
                return format!("{start}, expected {words}");
            }
        }
    }
    message.to_owned()
}

/// serde_json appends " at line L column C"; the engine reports positions itself.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct Doc {
        inner: Inner,
    }

    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct Inner {
        n: u32,
    }

    fn message(json: &str) -> String {
        from_json::<Doc>(json, "test", 1024)
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn a_document_that_is_not_an_object_says_what_it_is() {
        assert_eq!(
            message("[]"),
            "the document must be a JSON object ({ … }), not an array ([ … ])"
        );
        assert_eq!(
            message("null"),
            "the document must be a JSON object ({ … }), not null"
        );
        assert_eq!(
            message("\"x\""),
            "the document must be a JSON object ({ … }), not a string"
        );
        assert_eq!(
            message(" -1.5e3 "),
            "the document must be a JSON object ({ … }), not a number"
        );
        // A web page where the file was expected.
        for page in [
            "<!doctype html><html>",
            "\u{FEFF}\n  <html lang=\"en\">",
            "<?xml version=\"1.0\"?>",
        ] {
            assert_eq!(
                message(page),
                "not valid JSON at line 1, column 1: this is an HTML or XML page, not JSON: \
                 the address may lead to a web page instead of the file"
            );
        }
        // What is no JSON at all is a syntax error, where it breaks.
        assert_eq!(
            message("nope"),
            "not valid JSON at line 1, column 2: expected ident"
        );
        assert_eq!(
            message(r#"{"inner": 5}"#),
            "inner: invalid type: integer `5`, expected an object"
        );
    }

    #[test]
    fn rust_type_names_are_said_in_words() {
        assert_eq!(
            message(r#"{"inner": {"n": -5}}"#),
            "inner.n: invalid value: integer `-5`, expected a whole number from 0 to 4294967295"
        );
        assert_eq!(
            message(r#"{"inner": {"n": 1.5}}"#),
            "inner.n: invalid type: floating point `1.5`, expected a whole number from 0 to \
             4294967295"
        );
    }

    #[test]
    fn a_key_given_twice_is_named_with_its_object() {
        assert_eq!(
            message(r#"{"inner": {"n": 1, "n": 2}}"#),
            "inner: duplicate field `n`"
        );
        let twice = from_json::<std::collections::BTreeMap<String, serde_json::Value>>(
            r#"{"a": {"list": [{"x": 1, "y": {}, "x": 2}]}, "b": 1}"#,
            "test",
            1024,
        )
        .unwrap_err();
        assert_eq!(twice.path(), Some("a.list[0]"));
        assert_eq!(
            twice.to_string(),
            "a.list[0]: `x` is given twice: each key may appear only once"
        );
        // The same key in different objects, and escaped spellings that differ, are fine.
        assert!(from_json::<serde_json::Value>(
            r#"{"a": {"x": 1}, "b": {"x": 1}, "c": {"\u0078y": 1, "xy2": 2}}"#,
            "test",
            1024
        )
        .is_ok());
        // An escaped spelling of the same key is the same key.
        assert!(from_json::<serde_json::Value>(r#"{"x": 1, "\u0078": 2}"#, "test", 1024).is_err());
    }

    #[test]
    fn a_utf16_or_gzip_file_is_named_as_such() {
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("{\"inner\": {}}".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let expected = "not valid JSON at line 1, column 1: the text is UTF-16, not UTF-8: \
                        save the file as UTF-8";
        assert_eq!(message(&String::from_utf8_lossy(&utf16)), expected);
        // Without its byte order mark, big-endian.
        let bare: Vec<u8> = "{}".encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(message(&String::from_utf8_lossy(&bare)), expected);
        // A gzip file is not UTF-16, though its fourth byte is 0.
        let gzip = [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03];
        assert_eq!(
            message(&String::from_utf8_lossy(&gzip)),
            "not valid JSON at line 1, column 1: the file is compressed (gzip): unpack it, or \
             serve it with `Content-Encoding: gzip`"
        );
        // A zero byte alone is the JSON error it is.
        assert!(message("{\0}").starts_with("not valid JSON at line 1, column 2"));
    }
}
