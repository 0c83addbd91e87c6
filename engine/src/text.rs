//! Localizable text.
//!
//! Every text in an assessment is either a plain string (the same in every locale) or a map of
//! locales to strings. [`Text::get`] resolves it with this fallback chain:
//!
//! 1. the requested locale, exactly (`nl-BE`);
//! 2. its language (`nl`);
//! 3. the assessment's default locale;
//! 4. the first entry of the map (so a text never renders empty when any translation exists).
//!
//! ```
//! use sextant_engine::Text;
//! let text: Text = serde_json::from_str(r#"{"nl": "Hallo", "en": "Hello"}"#).unwrap();
//! assert_eq!(text.get("en-GB", "nl"), "Hello");
//! assert_eq!(text.get("fr", "nl"), "Hallo");
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// A text that is either the same in every locale, or given per locale.
// Read from a file, each string has every bidirectional embedding, override or isolate it
// opens and leaves open closed at its end (`close_bidi`): shown in a sentence with other
// words, a text cannot reorder them. (Not in the doc comment, which is the JSON Schema's
// description of a text.)
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged, from = "RawText")]
pub enum Text {
    /// The same text in every locale.
    Plain(String),
    /// A text per locale, e.g. `{"nl": "…", "en": "…"}`.
    Localized(BTreeMap<String, String>),
}

/// A [`Text`] as written in the file.
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
enum RawText {
    /// The same text in every locale.
    Plain(String),
    /// A text per locale, e.g. `{"nl": "…", "en": "…"}`.
    Localized(BTreeMap<String, String>),
}

impl From<RawText> for Text {
    fn from(raw: RawText) -> Self {
        match raw {
            RawText::Plain(s) => Text::Plain(close_bidi(s)),
            RawText::Localized(mut map) => {
                for s in map.values_mut() {
                    *s = close_bidi(std::mem::take(s));
                }
                Text::Localized(map)
            }
        }
    }
}

/// `s` with every bidirectional embedding or override (U+202A, U+202B, U+202D, U+202E) and
/// isolate (U+2066–U+2068) it opens and leaves open closed at its end, by U+202C and U+2069,
/// as the Unicode bidirectional algorithm pairs them. A string that closes what it opens, as
/// nearly every string does, is returned as it is.
pub fn close_bidi(s: String) -> String {
    // What is open, innermost last: `true` for an isolate, `false` for an embedding.
    let mut open: Vec<bool> = Vec::new();
    for c in s.chars() {
        match c {
            '\u{202A}' | '\u{202B}' | '\u{202D}' | '\u{202E}' => open.push(false),
            '\u{2066}' | '\u{2067}' | '\u{2068}' => open.push(true),
            // PDF closes the innermost embedding, unless an isolate is open inside it.
            '\u{202C}' if open.last() == Some(&false) => {
                open.pop();
            }
            // PDI closes the innermost isolate and every embedding opened inside it.
            '\u{2069}' => {
                if let Some(i) = open.iter().rposition(|isolate| *isolate) {
                    open.truncate(i);
                }
            }
            _ => {}
        }
    }
    if open.is_empty() {
        return s;
    }
    let mut closed = s;
    for isolate in open.into_iter().rev() {
        closed.push(if isolate { '\u{2069}' } else { '\u{202C}' });
    }
    closed
}

impl Text {
    /// The text in `locale`, following the documented fallback chain.
    pub fn get<'a>(&'a self, locale: &str, default_locale: &str) -> &'a str {
        match self {
            Text::Plain(s) => s,
            Text::Localized(map) => map
                .get(locale)
                .or_else(|| map.get(language(locale)))
                .or_else(|| map.get(default_locale))
                .or_else(|| map.values().next())
                .map(String::as_str)
                .unwrap_or(""),
        }
    }

    /// Whether the text has its own entry for `locale` (a plain text counts for every locale).
    pub fn has(&self, locale: &str) -> bool {
        match self {
            Text::Plain(_) => true,
            Text::Localized(map) => map.contains_key(locale),
        }
    }

    /// Every string in this text, for size and content checks.
    pub fn strings(&self) -> Vec<&str> {
        match self {
            Text::Plain(s) => vec![s.as_str()],
            Text::Localized(map) => map.values().map(String::as_str).collect(),
        }
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Self {
        Text::Plain(s.to_owned())
    }
}

/// The language part of a locale: `nl` for `nl-BE` or `nl_BE`.
pub fn language(locale: &str) -> &str {
    locale.split(['-', '_']).next().unwrap_or(locale)
}

/// The writing direction of a locale's language: `"rtl"` for Arabic, Hebrew, Persian, Urdu and
/// the other languages written right to left, else `"ltr"`. The widget sets it on its root, so
/// that a right-to-left host page does not mirror a Dutch or English scan.
pub fn direction(locale: &str) -> &'static str {
    const RTL: [&str; 13] = [
        "ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ps", "sd", "ug", "ur", "yi",
    ];
    if RTL.contains(&language(locale).to_ascii_lowercase().as_str()) {
        "rtl"
    } else {
        "ltr"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn direction_follows_the_language() {
        assert_eq!(direction("nl"), "ltr");
        assert_eq!(direction("en-GB"), "ltr");
        assert_eq!(direction("ar"), "rtl");
        assert_eq!(direction("he-IL"), "rtl");
        assert_eq!(direction("FA_ir"), "rtl");
        assert_eq!(direction(""), "ltr");
    }

    #[test]
    fn open_overrides_and_isolates_are_closed_at_the_end() {
        let c = |s: &str| close_bidi(s.to_owned());
        assert_eq!(c("plain"), "plain");
        assert_eq!(c("a\u{202E}b\u{202C}c"), "a\u{202E}b\u{202C}c");
        assert_eq!(c("Scan \u{202E}evil"), "Scan \u{202E}evil\u{202C}");
        assert_eq!(
            c("\u{2067}x\u{202D}y"),
            "\u{2067}x\u{202D}y\u{202C}\u{2069}"
        );
        // A PDI closes the embeddings opened inside its isolate; a stray closer is ignored.
        assert_eq!(
            c("\u{2068}\u{202E}x\u{2069}\u{202C}"),
            "\u{2068}\u{202E}x\u{2069}\u{202C}"
        );
        assert_eq!(
            c("\u{202B}\u{2066}x\u{202C}"),
            "\u{202B}\u{2066}x\u{202C}\u{2069}\u{202C}"
        );
        let text: Text = serde_json::from_str(r#"{"nl": "\u202eA", "en": "B"}"#).unwrap();
        assert_eq!(text.get("nl", "en"), "\u{202E}A\u{202C}");
        let text: Text = serde_json::from_str(r#""\u2066C""#).unwrap();
        assert_eq!(text, Text::Plain("\u{2066}C\u{2069}".into()));
    }

    fn localized(pairs: &[(&str, &str)]) -> Text {
        Text::Localized(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        )
    }

    #[test]
    fn exact_locale_wins() {
        let text = localized(&[("nl", "Hallo"), ("nl-BE", "Dag"), ("en", "Hello")]);
        assert_eq!(text.get("nl-BE", "en"), "Dag");
    }

    #[test]
    fn falls_back_to_language_then_default_then_first() {
        let text = localized(&[("de", "Hallo DE"), ("en", "Hello")]);
        assert_eq!(text.get("en-US", "de"), "Hello");
        assert_eq!(text.get("fr", "en"), "Hello");
        assert_eq!(text.get("fr", "es"), "Hallo DE");
    }

    #[test]
    fn plain_text_is_the_same_everywhere() {
        let text = Text::from("Sextant");
        assert_eq!(text.get("nl", "en"), "Sextant");
        assert!(text.has("fr"));
    }
}
