//! A number question: a native number input with its unit and bounds.

use sextant_engine::view::{NumberView, QuestionView};
use sextant_engine::Answer;
use yew::prelude::*;

use crate::i18n::strings;
use crate::state::{use_scan, Action, Entry, Field};

/// Props of [`NumberQuestion`].
#[derive(Properties, PartialEq)]
pub struct NumberQuestionProps {
    /// The question, as the engine prepared it.
    pub view: QuestionView,
}

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
pub fn range_text(n: &NumberView, locale: &str) -> String {
    format!("{} – {}", shown(n.min, locale), shown(n.max, locale))
}

/// A number as the field shows it in `locale`: no grouping, up to six decimals (without
/// trailing zeros), with the locale's decimal sign.
fn shown(value: f64, locale: &str) -> String {
    let mut text = sextant_engine::report::format_number(value, 6);
    if text.contains('.') {
        text.truncate(text.trim_end_matches('0').len());
    }
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

/// What an entry means: no answer (empty), an answer, or `Err` when it is not a number within
/// `min..=max`.
fn accept(text: &str, locale: &str, min: f64, max: f64) -> Result<Option<f64>, ()> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    match read_number(text, locale) {
        Some(v) if v >= min && v <= max => Ok(Some(v)),
        _ => Err(()),
    }
}

/// A number with its unit. An empty entry clears the answer; an entry out of range (or not a
/// number) is marked and explained, and leaves the answer as it was, so that nothing given
/// before is lost while typing. The step is not left while an entry is out of range
/// ([`Entry::OutOfRange`]).
#[component]
pub fn NumberQuestion(props: &NumberQuestionProps) -> Html {
    let scan = use_scan();
    let s = strings(&scan.locale);
    let q = &props.view;
    let Some(n) = &q.number else {
        return html! {};
    };
    let id = format!("sx-q-{}", q.index);
    let unit_id = format!("{id}-unit");
    let range_id = format!("{id}-range");
    let (min, max) = (n.min, n.max);
    let locale = scan.locale.clone();
    // The mark comes from the scan: an entry that is not an answer is pending there.
    let out_of_range = scan.is_pending(Field::of(q.index));
    // The field's text is the visitor's: the widget writes it only when the field appears, and
    // when the answer changed, or the entry was dropped, outside the field (start over, an
    // import, another tab). An entry still pending, or one that says the answer, stays as typed.
    let field = use_node_ref();
    {
        let field = field.clone();
        use_effect_with(
            (n.value, out_of_range, locale.clone()),
            move |(value, pending, locale)| {
                if let Some(input) = field.cast::<web_sys::HtmlInputElement>() {
                    let stale = accept(&input.value(), locale, min, max) != Ok(*value);
                    if stale && !*pending {
                        input.set_value(&value.map(|v| shown(v, locale)).unwrap_or_default());
                    }
                }
            },
        );
    }
    let oninput = {
        let scan = scan.clone();
        let index = q.index;
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let entry = match accept(&input.value(), &locale, min, max) {
                Ok(value) => Entry::Answer(value),
                Err(()) => Entry::OutOfRange,
            };
            scan.dispatch(Action::Entry(Field::of(index), entry));
        })
    };
    let range = range_text(n, &scan.locale);
    html! {
        <>
            <div class="sx-number">
                <label for={id.clone()} class="sx-visually-hidden">{ &q.text }</label>
                // A text field, not `type="number"`: the browser would read the number in its
                // own language, not the page's ("1,5" became 15), and would report what it
                // cannot read as empty.
                // Phones' decimal keypads have no minus sign: a range below 0 gets the full
                // keyboard.
                <input type="text" id={id} inputmode={if min < 0.0 { "text" } else { "decimal" }}
                    autocomplete="off"
                    spellcheck="false" ref={field}
                    aria-invalid={out_of_range.then_some("true")}
                    aria-describedby={format!("{unit_id} {range_id}")} {oninput} />
                if let Some(unit) = &n.unit {
                    <span class="sx-unit" id={unit_id}>{ unit }</span>
                }
            </div>
            <p class={classes!("sx-range", out_of_range.then_some("sx-open"))} id={range_id}
                aria-live="polite">
                { format!("{} {range}", if out_of_range { s.out_of_range } else { s.allowed }) }
            </p>
            if let Some(checked) = q.dont_know {
                <div class="sx-choices sx-dont-know">
                    <div class="sx-choice">
                        <input type="checkbox" id={format!("sx-q-{}-dk", q.index)} checked={checked}
                            onchange={{
                                let scan = scan.clone();
                                let index = q.index;
                                Callback::from(move |e: Event| {
                                    let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                                    scan.dispatch(Action::Answer(index, input.checked().then_some(Answer::DontKnow)));
                                })
                            }} />
                        <label for={format!("sx-q-{}-dk", q.index)}>{ s.dont_know }</label>
                    </div>
                </div>
            }
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_read_as_people_type_them_in_the_page_language() {
        let cases = [
            ("1,5", "nl", Some(1.5)),
            ("1.5", "nl", Some(1.5)),
            ("1,5", "en", Some(1.5)),
            ("1.5", "en", Some(1.5)),
            ("1.000", "nl", Some(1000.0)),
            ("1.000", "en", Some(1.0)),
            ("1,000", "en", Some(1000.0)),
            ("1,000", "nl", Some(1.0)),
            ("1.000.000", "nl", Some(1e6)),
            ("1,000,000", "en", Some(1e6)),
            ("1 000 000", "en", Some(1e6)),
            ("1\u{a0}000,25", "nl", Some(1000.25)),
            ("1.000,25", "nl", Some(1000.25)),
            ("1,000.25", "en", Some(1000.25)),
            ("12,50", "de-AT", Some(12.5)),
            ("12.500", "nl-BE", Some(12500.0)),
            (",5", "nl", Some(0.5)),
            ("12,", "nl", Some(12.0)),
            ("-3", "en", Some(-3.0)),
            ("\u{2212}3,5", "nl", Some(-3.5)),
            ("+7", "en", Some(7.0)),
            (" 42 ", "en", Some(42.0)),
            ("45-", "en", None),
            ("1e3", "en", None),
            ("inf", "en", None),
            ("NaN", "en", None),
            ("1.000.000", "en", Some(1e6)),
            ("1,000,000", "nl", Some(1e6)),
            ("1.000,5", "en", Some(1000.5)),
            ("1,000.5", "nl", Some(1000.5)),
            ("0,125", "en", Some(0.125)),
            ("0.500", "nl", Some(0.5)),
            ("00.500", "nl", Some(0.5)),
            ("01.000.000", "nl", None),
            ("1.000.00", "nl", None),
            ("1,000,5", "en", None),
            ("1.0000.000", "nl", None),
            ("1  000", "en", None),
            ("--5", "en", None),
            ("-", "en", None),
        ];
        for (text, locale, expected) in cases {
            assert_eq!(read_number(text, locale), expected, "{text:?} in {locale}");
        }
        assert_eq!(
            read_number(&"9".repeat(400), "en"),
            None,
            "too large to hold"
        );
    }

    #[test]
    fn an_entry_is_an_answer_only_within_the_range() {
        assert_eq!(accept("", "nl", 0.0, 10.0), Ok(None));
        assert_eq!(accept("  ", "nl", 0.0, 10.0), Ok(None));
        assert_eq!(accept("2,5", "nl", 0.0, 10.0), Ok(Some(2.5)));
        assert_eq!(accept("15", "nl", 0.0, 10.0), Err(()));
        assert_eq!(accept("-1", "nl", 0.0, 10.0), Err(()));
        assert_eq!(accept("x", "nl", 0.0, 10.0), Err(()));
    }

    #[test]
    fn a_number_is_shown_the_way_it_is_read_back() {
        assert_eq!(shown(1.5, "nl"), "1,5");
        assert_eq!(shown(1.5, "en"), "1.5");
        assert_eq!(shown(1_000_000.0, "nl"), "1000000");
        for locale in ["nl", "en"] {
            for v in [0.0, 1.5, 1000.0, 0.125, -2.25, 1234567.5] {
                assert_eq!(
                    read_number(&shown(v, locale), locale),
                    Some(v),
                    "{v} in {locale}"
                );
            }
        }
    }
}
