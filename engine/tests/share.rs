//! Share codes over an assessment with every question type: random responses round-trip, and
//! damaged, cut-off, forged or arbitrary codes are refused without a panic.

use std::collections::BTreeMap;

use proptest::prelude::*;
use proptest::sample::subsequence;
use sextant_engine::share::{decode, encode};
use sextant_engine::{Answer, Answers, Model, Response};

/// Option ids `o0` … `o{n-1}`.
fn option_ids(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("o{i}")).collect()
}

fn options_json(n: usize) -> serde_json::Value {
    option_ids(n)
        .into_iter()
        .map(|id| serde_json::json!({"id": id, "label": id}))
        .collect()
}

/// An assessment with every question type, including the edge cases of the encoding: a scale
/// with fractional and negative values, a 64-option multiple choice (the top bit of the bit
/// set), a number range beyond 2^32, and a question without "don't know".
fn assessment(version: &str) -> String {
    let per_option = |n: usize| {
        serde_json::Value::Object(
            option_ids(n)
                .into_iter()
                .enumerate()
                .map(|(i, id)| (id, serde_json::json!(i as f64 + 1.0)))
                .collect(),
        )
    };
    serde_json::json!({
        "format": "sextant/1", "id": "share-test", "version": version, "default_locale": "en",
        "title": "Share test",
        "dimensions": [{"id": "d", "label": "D"}, {"id": "e", "label": "E"}],
        "scales": [{"id": "odd", "points": [
            {"value": -2, "label": "a"}, {"value": -0.5, "label": "b"}, {"value": 0, "label": "c"},
            {"value": 1.25, "label": "d"}, {"value": 3, "label": "e"}]}],
        "sections": [
            {"id": "one", "title": "One", "questions": [
                {"id": "likert", "type": "likert", "scale": "odd", "text": "L", "weights": {"d": 1}},
                {"id": "strict", "type": "likert", "scale": "odd", "text": "S", "dont_know": false,
                 "weights": {"e": 1}},
                {"id": "bipolar", "type": "bipolar", "text": "B", "left": "L", "right": "R",
                 "steps": 11, "weights": {"d": 1}},
                {"id": "level", "type": "level", "text": "V", "desired": true, "weights": {"d": 1},
                 "levels": [{"label": "1"}, {"label": "2"}, {"label": "3"}, {"label": "4"}]},
                {"id": "level_plain", "type": "level", "text": "W", "weights": {"e": 1},
                 "levels": [{"label": "1"}, {"label": "2"}, {"label": "3"}]}
            ]},
            {"id": "two", "title": "Two", "questions": [
                {"id": "number", "type": "number", "text": "N", "min": -1e10, "max": 1e10,
                 "weights": {"d": 1}},
                {"id": "single", "type": "single_choice", "text": "C", "options": options_json(3),
                 "weights": {"d": per_option(3)}},
                {"id": "multiple", "type": "multiple_choice", "text": "M", "options": options_json(5),
                 "min_choices": 1, "max_choices": 3, "weights": {"d": per_option(5)}},
                {"id": "wide", "type": "multiple_choice", "text": "X", "options": options_json(64),
                 "weights": {"e": per_option(64)}},
                {"id": "allocation", "type": "allocation", "text": "A", "total": 100,
                 "options": options_json(4), "weights": {"d": per_option(4)}}
            ]}
        ]
    })
    .to_string()
}

fn model(version: &str) -> Model {
    Model::load(&assessment(version)).unwrap().model
}

/// An answer to one question, or none: empty, "don't know" (where offered) or a valid answer.
fn answer(valid: BoxedStrategy<Answer>, dont_know: bool) -> BoxedStrategy<Option<Answer>> {
    if dont_know {
        prop_oneof![
            1 => Just(None),
            1 => Just(Some(Answer::DontKnow)),
            4 => valid.prop_map(Some),
        ]
        .boxed()
    } else {
        prop_oneof![1 => Just(None), 4 => valid.prop_map(Some)].boxed()
    }
}

fn choices(ids: Vec<String>) -> Answer {
    Answer::Choices(ids)
}

/// Valid answers for the questions of [`assessment`], in document order.
fn answers() -> impl Strategy<Value = Answers> {
    let scale = || {
        prop::sample::select(vec![-2.0, -0.5, 0.0, 1.25, 3.0])
            .prop_map(Answer::Number)
            .boxed()
    };
    let number = prop_oneof![
        (-1e10..=1e10f64),
        (-10_000_000_000i64..=10_000_000_000).prop_map(|n| n as f64),
        (-1000i64..=1000).prop_map(|n| n as f64),
        prop::sample::select(vec![0.0, -0.0, 1e10, -1e10, 5e-324, -5e-324, 0.1, 2.5e-300]),
    ]
    .prop_map(Answer::Number)
    .boxed();
    let allocation = prop::collection::vec(0u32..=100, 3)
        .prop_map(|mut cuts| {
            cuts.sort_unstable();
            let bounds = [0, cuts[0], cuts[1], cuts[2], 100];
            let map: BTreeMap<String, u32> = option_ids(4)
                .into_iter()
                .zip(bounds.windows(2).map(|w| w[1] - w[0]))
                .collect();
            Answer::Allocation(map)
        })
        .boxed();
    let questions: Vec<(&str, BoxedStrategy<Option<Answer>>)> = vec![
        ("likert", answer(scale(), true)),
        ("strict", answer(scale(), false)),
        (
            "bipolar",
            answer(
                (1u32..=11)
                    .prop_map(|s| Answer::Number(f64::from(s)))
                    .boxed(),
                true,
            ),
        ),
        (
            "level",
            answer(
                (1u32..=4, 0u32..=4)
                    .prop_map(|(current, desired)| Answer::Level {
                        current,
                        desired: (desired > 0).then_some(desired),
                    })
                    .boxed(),
                true,
            ),
        ),
        (
            "level_plain",
            answer(
                (1u32..=3)
                    .prop_map(|current| Answer::Level {
                        current,
                        desired: None,
                    })
                    .boxed(),
                true,
            ),
        ),
        ("number", answer(number, true)),
        (
            "single",
            answer(
                prop::sample::select(option_ids(3))
                    .prop_map(Answer::Choice)
                    .boxed(),
                true,
            ),
        ),
        (
            "multiple",
            answer(
                subsequence(option_ids(5), 1..=3).prop_map(choices).boxed(),
                true,
            ),
        ),
        (
            "wide",
            answer(
                subsequence(option_ids(64), 0..=64)
                    .prop_map(choices)
                    .boxed(),
                true,
            ),
        ),
        ("allocation", answer(allocation, true)),
    ];
    let (ids, strategies): (Vec<&str>, Vec<_>) = questions.into_iter().unzip();
    strategies.prop_map(move |answers| {
        ids.iter()
            .zip(answers)
            .filter_map(|(id, a)| Some(((*id).to_owned(), a?)))
            .collect()
    })
}

fn response(model: &Model, answers: &Answers) -> Response {
    Response::from_answers(model, answers).expect("the strategy makes valid answers")
}

const ALPHABET: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// CRC-32 (IEEE), written out here so tests can forge codes with a valid checksum.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                0xedb8_8320 ^ (crc >> 1)
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn base64url(bytes: &[u8]) -> String {
    let a = ALPHABET.as_bytes();
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(a[(n >> (18 - 6 * i)) as usize & 63]));
        }
    }
    out
}

fn unbase64url(text: &str) -> Vec<u8> {
    let mut out = Vec::new();
    let (mut acc, mut bits) = (0u32, 0);
    for c in text.chars() {
        acc = (acc << 6) | ALPHABET.find(c).unwrap() as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    out
}

/// A code with the header of `valid` (version, id and content hash), the given answer bytes,
/// and a correct length and checksum.
fn forge(valid: &str, answers: &[u8]) -> String {
    let bytes = unbase64url(valid);
    // Version, a one- or two-byte length, two 4-byte hashes.
    let length_len = if bytes[1] & 0x80 == 0 { 1 } else { 2 };
    let hashes = &bytes[1 + length_len..1 + length_len + 8];
    let rest = 8 + answers.len() + 4;
    let mut total = 1 + 1 + rest;
    if total >= 0x80 {
        total += 1;
    }
    let mut out = vec![1u8];
    if total < 0x80 {
        out.push(total as u8);
    } else {
        out.extend_from_slice(&[(total as u8 & 0x7f) | 0x80, (total >> 7) as u8]);
    }
    out.extend_from_slice(hashes);
    out.extend_from_slice(answers);
    let crc = crc32(&out);
    out.extend_from_slice(&crc.to_le_bytes());
    base64url(&out)
}

/// The answer bytes of a valid code: between the header and the checksum.
fn answer_bytes(valid: &str) -> Vec<u8> {
    let bytes = unbase64url(valid);
    let length_len = if bytes[1] & 0x80 == 0 { 1 } else { 2 };
    bytes[1 + length_len + 8..bytes.len() - 4].to_vec()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn a_response_round_trips(answers in answers()) {
        let model = model("1");
        let r = response(&model, &answers);
        let code = encode(&model, &r);
        prop_assert!(code.bytes().all(|b| ALPHABET.as_bytes().contains(&b)), "{}", code);
        let back = decode(&model, &code);
        prop_assert_eq!(back.as_ref(), Ok(&r));
        prop_assert_eq!(back.unwrap().to_answers(&model), r.to_answers(&model));
    }

    #[test]
    fn a_changed_character_is_refused(
        answers in answers(),
        at in any::<prop::sample::Index>(),
        with in any::<char>(),
    ) {
        let model = model("1");
        let code = encode(&model, &response(&model, &answers));
        let i = at.index(code.len());
        prop_assume!(!code[i..].starts_with(with));
        let mut changed = code.clone();
        changed.replace_range(i..=i, with.encode_utf8(&mut [0; 4]));
        prop_assert!(decode(&model, &changed).is_err(), "{} -> {} decoded", code, changed);
    }

    #[test]
    fn a_changed_byte_is_refused(
        answers in answers(),
        at in any::<prop::sample::Index>(),
        flip in 1u8..=255,
    ) {
        let model = model("1");
        let code = encode(&model, &response(&model, &answers));
        let mut bytes = unbase64url(&code);
        let i = at.index(bytes.len());
        bytes[i] ^= flip;
        let changed = base64url(&bytes);
        prop_assert!(decode(&model, &changed).is_err(), "byte {} of {} changed: decoded", i, code);
    }

    #[test]
    fn a_cut_off_code_is_refused(answers in answers(), at in any::<prop::sample::Index>()) {
        let model = model("1");
        let code = encode(&model, &response(&model, &answers));
        let cut = &code[..at.index(code.len())];
        let e = decode(&model, cut).unwrap_err();
        prop_assert!(
            matches!(e.code(), "share.truncated" | "share.malformed"),
            "{}: {}", cut, e
        );
    }

    #[test]
    fn an_inserted_or_deleted_character_never_gives_another_response(
        answers in answers(),
        at in any::<prop::sample::Index>(),
        c in prop::sample::select(ALPHABET.chars().collect::<Vec<_>>()),
        insert in any::<bool>(),
    ) {
        let model = model("1");
        let r = response(&model, &answers);
        let code = encode(&model, &r);
        let mut changed = code.clone();
        if insert {
            changed.insert(at.index(code.len() + 1), c);
        } else {
            changed.remove(at.index(code.len()));
        }
        if let Ok(other) = decode(&model, &changed) {
            prop_assert_eq!(other, r);
        }
    }

    #[test]
    fn a_forged_code_is_refused_or_is_the_one_code_of_its_response(
        answers in prop::collection::vec(prop_oneof![0u8..8, any::<u8>()], 0..64),
    ) {
        let model = model("1");
        let valid = encode(&model, &Response::new(&model));
        let forged = forge(&valid, &answers);
        if let Ok(r) = decode(&model, &forged) {
            prop_assert_eq!(encode(&model, &r), forged);
        }
    }

    #[test]
    fn a_re_signed_edit_is_refused_or_is_the_one_code_of_its_response(
        answers in answers(),
        edits in prop::collection::vec(
            (any::<prop::sample::Index>(), prop_oneof![0u8..16, any::<u8>()]),
            1..4,
        ),
    ) {
        let model = model("1");
        let valid = encode(&model, &response(&model, &answers));
        let mut body = answer_bytes(&valid);
        for (at, byte) in edits {
            let i = at.index(body.len());
            body[i] = byte;
        }
        let forged = forge(&valid, &body);
        if let Ok(r) = decode(&model, &forged) {
            prop_assert_eq!(encode(&model, &r), forged);
        }
    }

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        let model = model("1");
        let _ = decode(&model, &text);
    }

    #[test]
    fn arbitrary_base64url_never_panics(text in "[A-Za-z0-9_-]{0,300}") {
        let model = model("1");
        let _ = decode(&model, &text);
        let _ = decode(&model, &format!("AQ{text}"));
    }
}

#[test]
fn the_forging_helper_makes_valid_codes() {
    let model = model("1");
    let empty = Response::new(&model);
    let valid = encode(&model, &empty);
    assert_eq!(forge(&valid, &[0; 10]), valid);
    assert_eq!(decode(&model, &forge(&valid, &[0; 10])), Ok(empty));
    // Every answer "don't know" but the strict one, which does not offer it.
    let e = decode(&model, &forge(&valid, &[1; 10])).unwrap_err();
    assert_eq!(e.code(), "share.invalid_answer");
    assert!(e.to_string().contains("strict"), "{e}");
}

#[test]
fn a_code_for_one_version_is_refused_by_the_next() {
    let v1 = model("1");
    let v2 = model("2");
    let answers: Answers = serde_json::from_str(r#"{"likert": 3, "single": "o1"}"#).unwrap();
    let code = encode(&v1, &response(&v1, &answers));
    assert_eq!(decode(&v1, &code), Ok(response(&v1, &answers)));
    let e = decode(&v2, &code).unwrap_err();
    assert_eq!(e.code(), "share.other_version");
    assert_eq!(
        e.to_string(),
        "the share code was made for another version of the assessment"
    );
}

#[test]
fn a_code_for_another_assessment_is_refused() {
    let model = model("1");
    let other = Model::load(&assessment("1").replace("share-test", "share-other"))
        .unwrap()
        .model;
    let code = encode(&other, &Response::new(&other));
    assert_eq!(
        decode(&model, &code).unwrap_err().code(),
        "share.other_assessment"
    );
}

#[test]
fn a_full_response_stays_short() {
    let model = model("1");
    let answers: Answers = serde_json::from_str(
        r#"{"likert": 3, "strict": -0.5, "bipolar": 6, "level": {"current": 2, "desired": 4},
            "level_plain": {"current": 3}, "number": 1250, "single": "o2",
            "multiple": ["o0", "o4"], "wide": ["o1", "o63"],
            "allocation": {"o0": 40, "o1": 30, "o2": 20, "o3": 10}}"#,
    )
    .unwrap();
    let code = encode(&model, &response(&model, &answers));
    assert!(code.len() <= 64, "{} characters: {code}", code.len());
}

#[test]
fn simulated_responses_to_the_shipped_assessment_round_trip() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../content/commercial-excellence-scan.json"
    );
    let json = std::fs::read_to_string(path).unwrap();
    let model = Model::load(&json).unwrap().model;
    let mut rng = sextant_engine::simulate::Rng::new(2024);
    let mut r = Response::new(&model);
    let mut longest = 0;
    for _ in 0..300 {
        model.random_response(&mut rng, &mut r);
        let code = encode(&model, &r);
        longest = longest.max(code.len());
        let back = decode(&model, &code).unwrap();
        // Compared in portable form: the points of an allocation answered "don't know" are not
        // part of the answer.
        assert_eq!(back.to_answers(&model), r.to_answers(&model));
        assert_eq!(encode(&model, &back), code);
    }
    let empty = encode(&model, &Response::new(&model)).len();
    println!(
        "{} questions: {empty} characters empty, at most {longest} answered",
        model.question_count()
    );
    assert!(longest < 2000, "{longest}");
}
