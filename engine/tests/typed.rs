//! Numbers and points as visitors type them (`sextant_engine::typed`).

use sextant_engine::typed::{
    range_text, read_entry, read_number, read_points, show_grouped, show_number, NotInRange,
};

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
    assert_eq!(read_entry("", "nl", 0.0, 10.0), Ok(None));
    assert_eq!(read_entry("  ", "nl", 0.0, 10.0), Ok(None));
    assert_eq!(read_entry("2,5", "nl", 0.0, 10.0), Ok(Some(2.5)));
    assert_eq!(read_entry("15", "nl", 0.0, 10.0), Err(NotInRange));
    assert_eq!(read_entry("-1", "nl", 0.0, 10.0), Err(NotInRange));
    assert_eq!(read_entry("x", "nl", 0.0, 10.0), Err(NotInRange));
}

#[test]
fn a_number_is_shown_the_way_it_is_read_back() {
    assert_eq!(show_number(1.5, "nl"), "1,5");
    assert_eq!(show_number(1.5, "en"), "1.5");
    assert_eq!(show_number(1_000_000.0, "nl"), "1000000");
    for locale in ["nl", "en"] {
        for v in [0.0, 1.5, 1000.0, 0.125, -2.25, 1234567.5] {
            assert_eq!(
                read_number(&show_number(v, locale), locale),
                Some(v),
                "{v} in {locale}"
            );
        }
    }
}

#[test]
fn points_are_whole_numbers_in_digits_within_the_total() {
    assert_eq!(read_points("", 10), Some(0));
    assert_eq!(read_points(" 7 ", 10), Some(7));
    assert_eq!(read_points("10", 10), Some(10));
    for wrong in [
        "11",
        "2,5",
        "2.5",
        "-1",
        "+3",
        "1e1",
        "٣",
        "x",
        "99999999999",
    ] {
        assert_eq!(read_points(wrong, 10), None, "{wrong:?}");
    }
}

#[test]
fn decimals_are_shown_with_the_language_s_sign() {
    use sextant_engine::typed::show_decimals;
    assert_eq!(show_decimals(2.84, 1, "nl"), "2,8");
    assert_eq!(show_decimals(2.84, 1, "en"), "2.8");
    assert_eq!(show_decimals(11.0, 1, "nl"), "11");
    assert_eq!(show_number(1.5, "nl"), "1,5");
    assert_eq!(show_number(1.25, "en"), "1.25");
    assert_eq!(show_number(100.0, "nl"), "100");
}

#[test]
fn a_message_groups_large_numbers_the_way_they_are_read_back() {
    assert_eq!(show_grouped(1_000_000.0, "nl"), "1.000.000");
    assert_eq!(show_grouped(1_000_000.0, "en"), "1,000,000");
    assert_eq!(show_grouped(-12_345.5, "nl"), "-12.345,5");
    assert_eq!(
        show_grouped(9999.0, "en"),
        "9999",
        "four digits stay as they are"
    );
    assert_eq!(show_grouped(1e24, "en"), "1e24");
    assert_eq!(range_text(0.0, 10_000_000.0, "nl"), "0 – 10.000.000");
    for locale in ["nl", "en"] {
        for v in [12_345.0, 1_234_567.5, -100_000.25] {
            assert_eq!(
                read_number(&show_grouped(v, locale), locale),
                Some(v),
                "{v} in {locale}"
            );
        }
    }
}
