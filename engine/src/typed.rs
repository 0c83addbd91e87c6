//! What visitors type, read as they write it: numbers in the language shown, and the points of
//! an allocation. The browser's `type="number"` reads by the browser's own rules ("1,5" became
//! 15 even on a Dutch page), so the widget's fields are text fields read here.

/// Whether numbers are written with a decimal comma in `locale` ("nl", "de-AT"), rather than a
/// decimal point ("en").
pub fn decimal_comma(locale: &str) -> bool {
    const COMMA: [&str; 17] = [
        "nl", "de", "fr", "es", "it", "pt", "da", "sv", "nb", "nn", "no", "fi", "pl", "cs", "ru",
        "tr", "id",
    ];
    let language = locale.split(['-', '_']).next().unwrap_or_default();
    COMMA.iter().any(|l| l.eq_ignore_ascii_case(language))
}

/// The allowed range of a number question, as shown in `locale`: "0 – 1000000", "0,5 – 2,5".
pub fn range_text(min: f64, max: f64, locale: &str) -> String {
    format!(
        "{} – {}",
        show_grouped(min, locale),
        show_grouped(max, locale)
    )
}

/// A number as a message shows it in `locale`: as [`show_number`], with the digits of a whole
/// part of five or more grouped by three ("1.000.000" in Dutch, "1,000,000" in English), as
/// [`read_number`] reads them back.
pub fn show_grouped(value: f64, locale: &str) -> String {
    group_digits(show_number(value, locale), 5, locale)
}

/// An amount as the report shows it in `locale`: rounded to `decimals` as [`show_decimals`]
/// does, with the digits of a whole part of four or more grouped by three ("210.000" in Dutch,
/// "210,000" in English, as `Intl.NumberFormat` groups them): the key figures and the estimate
/// chart both show an amount so.
pub fn show_amount(value: f64, decimals: u8, locale: &str) -> String {
    group_digits(show_decimals(value, decimals, locale), 4, locale)
}

/// `text`, a number in `locale`'s form, with the digits of a whole part of at least `from`
/// digits grouped by three.
fn group_digits(text: String, from: usize, locale: &str) -> String {
    let (sign, group) = if decimal_comma(locale) {
        (',', '.')
    } else {
        ('.', ',')
    };
    let (head, tail) = text.split_at(text.find(sign).unwrap_or(text.len()));
    let (minus, digits) = head.split_at(usize::from(head.starts_with('-')));
    if digits.len() < from || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return text;
    }
    let mut out = String::with_capacity(text.len() + digits.len() / 3);
    out.push_str(minus);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(c);
    }
    out.push_str(tail);
    out
}

/// A number as the field shows it in `locale`: no grouping, up to six decimals (without
/// trailing zeros), with the locale's decimal sign.
pub fn show_number(value: f64, locale: &str) -> String {
    let text = show_decimals(value, 6, locale);
    let sign = if decimal_comma(locale) { ',' } else { '.' };
    if text.contains(sign) {
        text.trim_end_matches('0').to_owned()
    } else {
        text
    }
}

/// A number rounded to `decimals` (as [`crate::report::format_number`] does), with the decimal
/// sign of `locale`: "2,8" in Dutch, "2.8" in English.
pub fn show_decimals(value: f64, decimals: u8, locale: &str) -> String {
    let text = crate::report::format_number(value, decimals);
    if decimal_comma(locale) {
        text.replace('.', ",")
    } else {
        text
    }
}

/// Reads a number as people type it in `locale`. Either sign is a decimal sign: "1,5" and "1.5"
/// are one and a half everywhere. Digits are grouped by three with spaces, with a sign that
/// comes more than once ("1.000.000", "1,000,000"), with the first of two signs ("1.000,5",
/// "1,000.5"), and with the language's grouping sign before exactly three digits ("1.000" is a
/// thousand in Dutch and one in English; "0.125" is never grouped). `None` when it is not a
/// number written that way.
pub fn read_number(text: &str, locale: &str) -> Option<f64> {
    let (decimal, group) = if decimal_comma(locale) {
        (',', '.')
    } else {
        ('.', ',')
    };
    let text = text.trim();
    let (negative, body) = match text.strip_prefix(['-', '\u{2212}']) {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let digits_only = |g: &str| g.bytes().all(|b| b.is_ascii_digit());
    // Which sign, if any, separates the decimals, and which groups the digits before it.
    let (point, group) = match body.rfind(['.', ',']) {
        None => (None, group),
        Some(i) => {
            let sign = char::from(body.as_bytes()[i]);
            let other = if sign == '.' { ',' } else { '.' };
            let (before, after) = (&body[..i], &body[i + 1..]);
            if before.contains(other) {
                // "1.000,5" or "1,000.5": of two signs, the last separates the decimals and the
                // other groups, whatever the language.
                (Some(i), other)
            } else if before.contains(sign) {
                // "1.000.000": a sign that comes more than once groups.
                (None, sign)
            } else if sign == decimal {
                (Some(i), group)
            } else {
                // The language's grouping sign, once: before a group of three digits, after a
                // number that does not start with 0, it groups ("1.000" in Dutch); anything
                // else ("1.5", "1.50", "0.125") is a decimal sign typed the other way.
                let grouped = after.len() == 3
                    && digits_only(after)
                    && !before.is_empty()
                    && !before.starts_with('0');
                if grouped {
                    (None, sign)
                } else {
                    (Some(i), group)
                }
            }
        }
    };
    let (whole, fraction) = match point {
        Some(i) => (&body[..i], &body[i + 1..]),
        None => (body, ""),
    };
    if !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // The whole part: digits, perhaps in groups of three after a first group of one to three
    // that does not start with 0.
    let groups: Vec<&str> = whole
        .split(|c: char| c.is_whitespace() || c == group)
        .collect();
    let well_grouped = match groups.as_slice() {
        [one] => digits_only(one),
        [first, rest @ ..] => {
            (1..=3).contains(&first.len())
                && digits_only(first)
                && !first.starts_with('0')
                && rest.iter().all(|g| g.len() == 3 && digits_only(g))
        }
        [] => false,
    };
    if !well_grouped || groups.concat().is_empty() && fraction.is_empty() {
        return None;
    }
    let plain = format!(
        "{}0{}.{}0",
        if negative { "-" } else { "" },
        groups.concat(),
        fraction
    );
    plain.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// An entry that is not a number within the allowed range: no answer, and the answer given
/// before stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotInRange;

/// What an entry in a number field means: no answer (empty), an answer, or `Err` when it is not
/// a number within `min..=max`, as [`read_number`] reads it.
pub fn read_entry(text: &str, locale: &str, min: f64, max: f64) -> Result<Option<f64>, NotInRange> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    match read_number(text, locale) {
        Some(v) if v >= min && v <= max => Ok(Some(v)),
        _ => Err(NotInRange),
    }
}

/// The points of one statement, as a whole number from 0 to the total, in digits; empty is 0.
pub fn read_points(text: &str, total: u32) -> Option<u32> {
    let text = text.trim();
    if text.is_empty() {
        return Some(0);
    }
    if !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse::<u32>().ok().filter(|&n| n <= total)
}
