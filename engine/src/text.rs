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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum Text {
    /// The same text in every locale.
    Plain(String),
    /// A text per locale, e.g. `{"nl": "…", "en": "…"}`.
    Localized(BTreeMap<String, String>),
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

#[cfg(test)]
mod tests {
    use super::*;

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
