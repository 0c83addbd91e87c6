//! Share codes: a response as a compact, URL-safe string, for a link such as `#r=AQ...`, and back.
//!
//! # Layout (format version 1)
//! A code is the unpadded base64url (RFC 4648 §5) form of these bytes:
//!
//! | bytes | content |
//! | --- | --- |
//! | 1 | the format version, `1` |
//! | varint | the length in bytes of the whole code, this field and the checksum included |
//! | 4 | FNV-1a (32 bits) of the assessment id, little-endian |
//! | 4 | the model's [`content_hash`](Model::content_hash) folded to 32 bits (`h ^ h >> 32`), little-endian |
//! | … | one answer per question, in document order |
//! | 4 | CRC-32 (IEEE) of every byte before it, little-endian |
//!
//! A varint is an unsigned LEB128 number of at most 10 bytes in its shortest form. Each answer
//! starts with a varint *head* `h`: `0` is unanswered, `1` is "don't know", and anything else is
//! an answer whose meaning depends on the question type:
//!
//! | question type | answer |
//! | --- | --- |
//! | likert | `h = 2 + i`, the index `i` of the scale point in display order |
//! | bipolar | `h = 1 + step` (steps count from 1) |
//! | level | `h = 2 + (current − 1) + n · desired`, with `n` levels and `desired = 0` when not given |
//! | single choice | `h = 2 + i`, the option index |
//! | multiple choice | `h = 2`, then a varint bit set of the chosen option indices |
//! | allocation | `h = 2`, then one varint per option: its points |
//! | number | `h = 3 + zigzag(n)` for a whole number `n` with `|n| ≤ 2⁵³` (not −0); otherwise `h = 2`, then the 8 bytes of the `f64`, little-endian |
//!
//! A likert answer is carried as its scale point, so a value the engine accepted as within
//! `1e-9` of a point comes back as exactly that point. Every other answer comes back bit for bit.
//! Each response has exactly one code: the decoder refuses any other spelling of the same bytes
//! (a varint or a number not in its shortest form, stray bits in the last character).
//!
//! # Decoding
//! [`decode`] checks, in order: the size limit, the base64url text, the format version, the
//! length (a code cut short says so rather than looking tampered with), the checksum, the
//! assessment id, the content hash, and then every answer against its question with the same
//! validation as [`Response::set`]. Whatever the input, it returns either the exact response
//! that was encoded or an error, and it never panics.

use std::collections::BTreeMap;
use std::fmt;

use crate::answers::{Answer, Response, Slot};
use crate::compile::{Model, QInfo};
use crate::model::QuestionType;

/// The format version written by [`encode`].
pub const FORMAT_VERSION: u8 = 1;

/// The longest code [`decode`] reads, in characters, unless the model's own longest possible
/// code is longer (only for very large assessments).
pub const MAX_CODE_LEN: usize = 16 * 1024;

/// Bytes before the answers, not counting the length field: version, id hash, content hash.
const FIXED_HEADER: usize = 1 + 4 + 4;
/// Bytes of the checksum.
const CHECKSUM: usize = 4;
/// The longest varint.
const MAX_VARINT: usize = 10;
/// The largest whole number carried as a zigzag varint: every integer up to it is an exact f64.
const MAX_EXACT_INT: f64 = 9_007_199_254_740_992.0; // 2^53

/// Why a share code could not be read. The detail is boxed to keep results small.
#[derive(Debug, Clone, PartialEq)]
pub struct ShareError(Box<ShareErrorKind>);

/// What is wrong with a share code.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum ShareErrorKind {
    /// The code is empty, is not base64url, or its bytes are not laid out as a code.
    Malformed {
        /// What is wrong, in a few words.
        reason: &'static str,
    },
    /// The code is longer than any code [`decode`] reads.
    TooLong {
        /// Its length in bytes (a valid code is ASCII: one byte per character).
        len: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// The code ends early: it was probably cut off when it was copied.
    Truncated,
    /// The checksum does not match: the code was changed or mistyped.
    Checksum,
    /// The code has a format version this engine does not read.
    Version {
        /// The version found.
        found: u8,
    },
    /// The code was made for a different assessment.
    OtherAssessment,
    /// The code was made for another version of this assessment.
    OtherVersion,
    /// The code is intact, but an answer does not fit its question.
    InvalidAnswer {
        /// The question id.
        question: String,
        /// What is wrong.
        message: String,
    },
}

impl ShareError {
    fn new(kind: ShareErrorKind) -> Self {
        ShareError(Box::new(kind))
    }

    fn malformed(reason: &'static str) -> Self {
        ShareError::new(ShareErrorKind::Malformed { reason })
    }

    /// The kind of error, with its detail.
    pub fn kind(&self) -> &ShareErrorKind {
        &self.0
    }

    /// A stable machine code for the error, e.g. `share.checksum`.
    pub fn code(&self) -> &'static str {
        match &*self.0 {
            ShareErrorKind::Malformed { .. } => "share.malformed",
            ShareErrorKind::TooLong { .. } => "share.too_long",
            ShareErrorKind::Truncated => "share.truncated",
            ShareErrorKind::Checksum => "share.checksum",
            ShareErrorKind::Version { .. } => "share.version",
            ShareErrorKind::OtherAssessment => "share.other_assessment",
            ShareErrorKind::OtherVersion => "share.other_version",
            ShareErrorKind::InvalidAnswer { .. } => "share.invalid_answer",
        }
    }
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &*self.0 {
            ShareErrorKind::Malformed { reason } => write!(f, "not a share code: {reason}"),
            ShareErrorKind::TooLong { len, limit } => write!(
                f,
                "the share code is too long: {len} bytes; the limit is {limit}"
            ),
            ShareErrorKind::Truncated => {
                write!(
                    f,
                    "the share code is incomplete; it may have been cut off when copied"
                )
            }
            ShareErrorKind::Checksum => {
                write!(f, "the share code is damaged: it was changed or mistyped")
            }
            ShareErrorKind::Version { found } => write!(
                f,
                "the share code has format version {found}, which this version cannot read"
            ),
            ShareErrorKind::OtherAssessment => {
                write!(f, "the share code was made for a different assessment")
            }
            ShareErrorKind::OtherVersion => {
                write!(
                    f,
                    "the share code was made for another version of the assessment"
                )
            }
            ShareErrorKind::InvalidAnswer { question, message } => {
                write!(
                    f,
                    "the share code's answer to `{question}` does not fit: {message}"
                )
            }
        }
    }
}

impl std::error::Error for ShareError {}

/// Encodes a response to `model` as a share code.
///
/// The response must have been made for `model` (with [`Response::new`] and [`Response::set`],
/// [`Response::from_answers`] or [`decode`]); then [`decode`] gives it back.
///
/// ```
/// # let json = r#"{"format": "sextant/1", "id": "demo", "version": "1", "default_locale": "en",
/// #   "title": "Demo", "dimensions": [{"id": "d", "label": "D"}],
/// #   "scales": [{"id": "s", "points": [{"value": 1, "label": "No"}, {"value": 2, "label": "Yes"}]}],
/// #   "sections": [{"id": "one", "title": "One", "questions": [
/// #     {"id": "q", "type": "likert", "scale": "s", "text": "Q?", "weights": {"d": 1}}]}]}"#;
/// use sextant_engine::{share, Model, Response};
/// let model = Model::load(json).unwrap().model;
/// let response = Response::from_json(&model, r#"{"q": 2}"#).unwrap();
/// let code = share::encode(&model, &response);
/// assert_eq!(share::decode(&model, &code), Ok(response));
/// ```
pub fn encode(model: &Model, response: &Response) -> String {
    let mut body = Vec::with_capacity(FIXED_HEADER + model.questions.len() + CHECKSUM);
    body.extend_from_slice(&id_hash(&model.assessment.id).to_le_bytes());
    body.extend_from_slice(&content_hash(model).to_le_bytes());
    for (i, q) in model.questions.iter().enumerate() {
        encode_answer(
            &mut body,
            q,
            response.slot(i),
            response.points.get(q.points_at..),
        );
    }
    let rest = body.len() + 1 + CHECKSUM;
    let mut length_len = 1;
    while varint_len(rest as u64 + length_len as u64) != length_len {
        length_len += 1;
    }
    let mut bytes = Vec::with_capacity(rest + length_len);
    bytes.push(FORMAT_VERSION);
    put_varint(&mut bytes, (rest + length_len) as u64);
    bytes.extend_from_slice(&body);
    let crc = crc32(&bytes);
    bytes.extend_from_slice(&crc.to_le_bytes());
    base64url_encode(&bytes)
}

/// Decodes a share code made by [`encode`] for `model`.
///
/// Returns exactly the response that was encoded, or an error whose [`code`](ShareError::code)
/// says why: `share.malformed`, `share.too_long`, `share.truncated`, `share.checksum`,
/// `share.version`, `share.other_assessment`, `share.other_version` or `share.invalid_answer`.
pub fn decode(model: &Model, code: &str) -> Result<Response, ShareError> {
    let limit = MAX_CODE_LEN.max(max_code_len(model));
    if code.len() > limit {
        return Err(ShareError::new(ShareErrorKind::TooLong {
            len: code.len(),
            limit,
        }));
    }
    if code.is_empty() {
        return Err(ShareError::malformed("the code is empty"));
    }
    let (bytes, clean_tail) = base64url_decode(code)?;

    // The version decides how the rest is read. Any version holds at least a version byte, a
    // length and a checksum: anything shorter is not a code at all (a name pasted by mistake
    // would otherwise be read as a code of some later version).
    let Some(&version) = bytes.first() else {
        return Err(ShareError::new(ShareErrorKind::Truncated));
    };
    // Every version starts with its own byte and the code's length (a varint), so a code whose
    // length does not say its own length is not a code of any version.
    if version != FORMAT_VERSION {
        let mut r = Reader {
            bytes: &bytes,
            pos: 1,
        };
        let framed = bytes.len() >= 2 + CHECKSUM
            && clean_tail
            && r.varint().is_ok_and(|n| n == bytes.len() as u64);
        if !framed {
            return Err(ShareError::malformed(
                "it does not start the way a share code does",
            ));
        }
        return Err(ShareError::new(ShareErrorKind::Version { found: version }));
    }
    let mut r = Reader {
        bytes: &bytes,
        pos: 1,
    };
    let declared = r.varint()?;
    if declared > bytes.len() as u64 {
        return Err(ShareError::new(ShareErrorKind::Truncated));
    }
    let declared = declared as usize;
    if declared < bytes.len() || !clean_tail {
        return Err(ShareError::malformed(
            "there are stray characters at the end",
        ));
    }
    if declared < r.pos + FIXED_HEADER - 1 + CHECKSUM {
        return Err(ShareError::malformed(
            "the code is too short to hold a response",
        ));
    }
    let (signed, checksum) = bytes.split_at(declared - CHECKSUM);
    if crc32(signed) != u32::from_le_bytes([checksum[0], checksum[1], checksum[2], checksum[3]]) {
        return Err(ShareError::new(ShareErrorKind::Checksum));
    }

    // From here on the bytes are as encoded; check they are for this model.
    let mut r = Reader {
        bytes: signed,
        pos: r.pos,
    };
    if r.u32()? != id_hash(&model.assessment.id) {
        return Err(ShareError::new(ShareErrorKind::OtherAssessment));
    }
    if r.u32()? != content_hash(model) {
        return Err(ShareError::new(ShareErrorKind::OtherVersion));
    }
    let mut response = Response::new(model);
    for (i, q) in model.questions.iter().enumerate() {
        let answer = decode_answer(&mut r, q)?;
        if let Some(answer) = answer {
            response
                .set(model, i, Some(&answer))
                .map_err(|e| invalid(q, e.message))?;
        }
    }
    if r.pos != signed.len() {
        return Err(ShareError::malformed(
            "there are bytes after the last answer",
        ));
    }
    Ok(response)
}

fn invalid(q: &QInfo, message: impl Into<String>) -> ShareError {
    ShareError::new(ShareErrorKind::InvalidAnswer {
        question: q.id.clone(),
        message: message.into(),
    })
}

/// FNV-1a, 32 bits, of the assessment id.
fn id_hash(id: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in id.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// The model's content hash folded to 32 bits.
fn content_hash(model: &Model) -> u32 {
    let h = model.content_hash();
    (h ^ (h >> 32)) as u32
}

/// Appends one answer. A slot that does not fit its question, which a response made for the
/// model never has, is written as unanswered.
fn encode_answer(out: &mut Vec<u8>, q: &QInfo, slot: Slot, points: Option<&[u32]>) {
    use QuestionType as T;
    let n_options = q.options.len();
    match (q.kind, slot) {
        (_, Slot::DontKnow) => put_varint(out, 1),
        (T::Likert, Slot::Num(v)) => {
            let index = q
                .values
                .iter()
                .position(|x| *x == v)
                .or_else(|| q.values.iter().position(|x| (x - v).abs() < 1e-9));
            match index {
                Some(i) => put_varint(out, 2 + i as u64),
                None => put_varint(out, 0),
            }
        }
        (T::Bipolar, Slot::Num(v)) if v.fract() == 0.0 && (1.0..=64.0).contains(&v) => {
            put_varint(out, 1 + v as u64)
        }
        (T::Number, Slot::Num(v)) => {
            if whole(v) {
                put_varint(out, 3 + zigzag(v as i64));
            } else {
                put_varint(out, 2);
                out.extend_from_slice(&v.to_bits().to_le_bytes());
            }
        }
        (T::Level, Slot::Level { current, desired }) if current >= 1 => {
            let n = q.hi as u64;
            put_varint(out, 2 + u64::from(current - 1) + n * u64::from(desired))
        }
        (T::SingleChoice, Slot::Choice(i)) => put_varint(out, 2 + u64::from(i)),
        (T::MultipleChoice, Slot::Choices(bits)) => {
            put_varint(out, 2);
            put_varint(out, bits);
        }
        (T::Allocation, Slot::Alloc) => match points.and_then(|p| p.get(..n_options)) {
            Some(points) => {
                put_varint(out, 2);
                for &p in points {
                    put_varint(out, u64::from(p));
                }
            }
            None => put_varint(out, 0),
        },
        _ => put_varint(out, 0),
    }
}

/// Reads one answer; `None` when unanswered. The caller checks it against the question.
fn decode_answer(r: &mut Reader<'_>, q: &QInfo) -> Result<Option<Answer>, ShareError> {
    use QuestionType as T;
    let head = r.varint()?;
    match head {
        0 => return Ok(None),
        1 => return Ok(Some(Answer::DontKnow)),
        _ => {}
    }
    let v = head - 2;
    let option = |i: u64| {
        usize::try_from(i)
            .ok()
            .and_then(|i| q.options.get(i))
            .cloned()
            .ok_or_else(|| invalid(q, format!("there is no option {}", i.saturating_add(1))))
    };
    let answer = match q.kind {
        T::Likert => {
            let value = usize::try_from(v).ok().and_then(|i| q.values.get(i));
            match value {
                Some(&x) => Answer::Number(x),
                None => return Err(invalid(q, "there is no such point on the scale")),
            }
        }
        T::Bipolar => {
            if v >= q.hi as u64 {
                return Err(invalid(
                    q,
                    format!("there is no step {}", v.saturating_add(1)),
                ));
            }
            Answer::Number((v + 1) as f64)
        }
        T::Level => {
            let n = (q.hi as u64).max(1);
            let (current, desired) = (v % n + 1, v / n);
            if desired > n {
                return Err(invalid(q, format!("there is no desired level {desired}")));
            }
            Answer::Level {
                current: current as u32,
                desired: (desired > 0).then_some(desired as u32),
            }
        }
        T::Number if v == 0 => {
            let x = f64::from_bits(r.u64()?);
            if whole(x) {
                return Err(ShareError::malformed(
                    "a number is not in its shortest form",
                ));
            }
            Answer::Number(x)
        }
        T::Number => Answer::Number(unzigzag(v - 1) as f64),
        T::SingleChoice => Answer::Choice(option(v)?),
        T::MultipleChoice if v == 0 => {
            let bits = r.varint()?;
            if n_bits(q.options.len()) & bits != bits {
                return Err(invalid(q, "a choice is not among the options"));
            }
            Answer::Choices(
                q.options
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| bits & (1 << i) != 0)
                    .map(|(_, o)| o.clone())
                    .collect(),
            )
        }
        T::Allocation if v == 0 => {
            let mut map = BTreeMap::new();
            for o in &q.options {
                let p = r.varint()?;
                let p = u32::try_from(p)
                    .map_err(|_| invalid(q, format!("{p} points is more than can be given")))?;
                map.insert(o.clone(), p);
            }
            Answer::Allocation(map)
        }
        T::MultipleChoice | T::Allocation => {
            return Err(invalid(q, "the answer is not in the form of this question"))
        }
    };
    Ok(Some(answer))
}

/// Whether a number is carried as a zigzag varint: a whole number up to 2⁵³ in size, not −0.
fn whole(x: f64) -> bool {
    x.fract() == 0.0 && x.abs() <= MAX_EXACT_INT && !(x == 0.0 && x.is_sign_negative())
}

/// A bit set with the lowest `n` bits set.
fn n_bits(n: usize) -> u64 {
    if n >= 64 {
        u64::MAX
    } else {
        (1u64 << n) - 1
    }
}

/// The longest code `model` can produce, in characters.
fn max_code_len(model: &Model) -> usize {
    use QuestionType as T;
    let answers: usize = model
        .questions
        .iter()
        .map(|q| match q.kind {
            T::Likert | T::Bipolar | T::Level | T::SingleChoice => MAX_VARINT,
            T::Number => 1 + 8 + MAX_VARINT,
            T::MultipleChoice => 1 + MAX_VARINT,
            T::Allocation => 1 + MAX_VARINT * q.options.len(),
        })
        .sum();
    let bytes = FIXED_HEADER + MAX_VARINT + answers + CHECKSUM;
    bytes.div_ceil(3) * 4
}

fn zigzag(n: i64) -> u64 {
    ((n << 1) ^ (n >> 63)) as u64
}

fn unzigzag(n: u64) -> i64 {
    ((n >> 1) as i64) ^ -((n & 1) as i64)
}

fn varint_len(mut n: u64) -> usize {
    let mut len = 1;
    while n >= 0x80 {
        n >>= 7;
        len += 1;
    }
    len
}

fn put_varint(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push((n as u8 & 0x7f) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// Reads bytes. Running out of bytes is `share.truncated`.
struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn take<const N: usize>(&mut self) -> Result<[u8; N], ShareError> {
        let end = self.pos.checked_add(N).filter(|&e| e <= self.bytes.len());
        let Some(end) = end else {
            return Err(ShareError::new(ShareErrorKind::Truncated));
        };
        let mut out = [0; N];
        out.copy_from_slice(&self.bytes[self.pos..end]);
        self.pos = end;
        Ok(out)
    }

    fn u32(&mut self) -> Result<u32, ShareError> {
        self.take::<4>().map(u32::from_le_bytes)
    }

    fn u64(&mut self) -> Result<u64, ShareError> {
        self.take::<8>().map(u64::from_le_bytes)
    }

    /// An unsigned LEB128 number in its shortest form.
    fn varint(&mut self) -> Result<u64, ShareError> {
        let mut n: u64 = 0;
        for i in 0..MAX_VARINT {
            let [b] = self.take::<1>()?;
            let bits = u64::from(b & 0x7f);
            if i == MAX_VARINT - 1 && b > 1 {
                return Err(ShareError::malformed("a number is too large"));
            }
            n |= bits << (7 * i);
            if b & 0x80 == 0 {
                if b == 0 && i > 0 {
                    return Err(ShareError::malformed(
                        "a number is not in its shortest form",
                    ));
                }
                return Ok(n);
            }
        }
        Err(ShareError::malformed("a number is too large"))
    }
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Unpadded base64url.
fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * i)) as usize & 63]));
        }
    }
    out
}

fn sextet(c: u8) -> Option<u8> {
    match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'-' => Some(62),
        b'_' => Some(63),
        _ => None,
    }
}

/// Decodes unpadded base64url. Returns the whole bytes and whether the text ended cleanly: a
/// length that is a whole number of bytes and no stray bits in the last character. A text that
/// does not end cleanly is usually a cut-off code, which the caller tells from the length field.
fn base64url_decode(text: &str) -> Result<(Vec<u8>, bool), ShareError> {
    let mut out = Vec::with_capacity(text.len() / 4 * 3 + 2);
    let mut acc: u32 = 0;
    let mut bits = 0;
    for c in text.bytes() {
        let Some(s) = sextet(c) else {
            return Err(ShareError::malformed(
                "it has characters other than letters, digits, `-` and `_`",
            ));
        };
        acc = (acc << 6) | u32::from(s);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    let clean = text.len() % 4 != 1 && acc == 0;
    Ok((out, clean))
}

/// CRC-32 (IEEE 802.3, reflected, as in zlib and PNG).
fn crc32(bytes: &[u8]) -> u32 {
    const TABLE: [u32; 256] = {
        let mut table = [0u32; 256];
        let mut i = 0;
        while i < 256 {
            let mut c = i as u32;
            let mut k = 0;
            while k < 8 {
                c = if c & 1 != 0 {
                    0xedb8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
                k += 1;
            }
            table[i] = c;
            i += 1;
        }
        table
    };
    let mut crc = !0u32;
    for &b in bytes {
        crc = TABLE[((crc ^ u32::from(b)) & 0xff) as usize] ^ (crc >> 8);
    }
    !crc
}

#[cfg(test)]
mod tests {
    use super::*;

    const JSON: &str = r#"{
      "format": "sextant/1", "id": "share-unit", "version": "1", "default_locale": "en",
      "title": "Share", "dimensions": [{"id": "d", "label": "D"}],
      "scales": [{"id": "s", "points": [
        {"value": 1, "label": "One"}, {"value": 2, "label": "Two"}, {"value": 3, "label": "Three"}]}],
      "sections": [{"id": "one", "title": "One", "questions": [
        {"id": "lik", "type": "likert", "scale": "s", "text": "Q", "weights": {"d": 1}},
        {"id": "lvl", "type": "level", "text": "L", "desired": true, "weights": {"d": 1},
         "levels": [{"label": "1"}, {"label": "2"}, {"label": "3"}, {"label": "4"}, {"label": "5"}]},
        {"id": "num", "type": "number", "text": "N", "min": -100, "max": 100, "weights": {"d": 1}},
        {"id": "alloc", "type": "allocation", "text": "A", "total": 10,
         "options": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}],
         "weights": {"d": {"a": 1}}}
      ]}]
    }"#;

    fn model() -> Model {
        Model::load(JSON).unwrap().model
    }

    fn response(model: &Model, json: &str) -> Response {
        Response::from_json(model, json).unwrap()
    }

    /// The bytes of a code, for tests that forge codes.
    fn bytes(code: &str) -> Vec<u8> {
        let (bytes, clean) = base64url_decode(code).unwrap();
        assert!(clean);
        bytes
    }

    /// Re-signs forged bytes with a correct length and checksum.
    fn sign(mut body: Vec<u8>) -> String {
        // body: version, one-byte length, ..., without checksum.
        body[1] = (body.len() + CHECKSUM) as u8;
        let crc = crc32(&body);
        body.extend_from_slice(&crc.to_le_bytes());
        base64url_encode(&body)
    }

    fn err(model: &Model, code: &str) -> &'static str {
        decode(model, code).unwrap_err().code()
    }

    #[test]
    fn crc32_matches_the_reference_value() {
        assert_eq!(crc32(b"123456789"), 0xcbf4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn base64url_round_trips_every_length() {
        let data: Vec<u8> = (0..=255).collect();
        for n in 0..40 {
            let text = base64url_encode(&data[..n]);
            assert!(!text.contains('='));
            assert_eq!(base64url_decode(&text).unwrap(), (data[..n].to_vec(), true));
        }
        assert_eq!(base64url_encode(b"\xfb\xff"), "-_8");
    }

    #[test]
    fn varints_round_trip_and_reject_overlong_forms() {
        for n in [0, 1, 127, 128, 300, u64::from(u32::MAX), u64::MAX] {
            let mut buf = Vec::new();
            put_varint(&mut buf, n);
            assert_eq!(buf.len(), varint_len(n));
            assert_eq!(
                Reader {
                    bytes: &buf,
                    pos: 0
                }
                .varint()
                .unwrap(),
                n
            );
        }
        let overlong = [0x80, 0x00];
        assert!(Reader {
            bytes: &overlong,
            pos: 0
        }
        .varint()
        .is_err());
        let too_big = [0xff; 10];
        assert!(Reader {
            bytes: &too_big,
            pos: 0
        }
        .varint()
        .is_err());
        let cut = [0x80];
        assert_eq!(
            Reader {
                bytes: &cut,
                pos: 0
            }
            .varint()
            .unwrap_err()
            .code(),
            "share.truncated"
        );
    }

    #[test]
    fn zigzag_round_trips() {
        for n in [
            0i64,
            1,
            -1,
            40,
            -40,
            1 << 53,
            -(1 << 53),
            i64::MIN,
            i64::MAX,
        ] {
            assert_eq!(unzigzag(zigzag(n)), n);
        }
    }

    #[test]
    fn a_response_round_trips() {
        let model = model();
        let r = response(
            &model,
            r#"{"lik": 3, "lvl": {"current": 2, "desired": 5}, "num": -12.25, "alloc": {"a": 7, "b": 3}}"#,
        );
        let code = encode(&model, &r);
        assert_eq!(decode(&model, &code), Ok(r));
        let empty = Response::new(&model);
        assert_eq!(decode(&model, &encode(&model, &empty)), Ok(empty));
    }

    #[test]
    fn an_empty_code_is_malformed() {
        assert_eq!(err(&model(), ""), "share.malformed");
    }

    #[test]
    fn a_code_with_foreign_characters_is_malformed() {
        let model = model();
        let code = encode(&model, &Response::new(&model));
        assert_eq!(err(&model, &format!("{code}=")), "share.malformed");
        assert_eq!(
            err(&model, &code.replacen(&code[3..4], "+", 1)),
            "share.malformed"
        );
        assert_eq!(err(&model, "héllo"), "share.malformed");
    }

    #[test]
    fn extra_characters_at_the_end_are_malformed() {
        let model = model();
        let code = encode(&model, &Response::new(&model));
        assert_eq!(err(&model, &format!("{code}AAAA")), "share.malformed");
    }

    #[test]
    fn a_huge_code_is_refused_before_it_is_read() {
        let model = model();
        let e = decode(&model, &"A".repeat(MAX_CODE_LEN + 1)).unwrap_err();
        assert_eq!(e.code(), "share.too_long");
        assert!(e.to_string().contains("16384"), "{e}");
    }

    #[test]
    fn a_word_pasted_for_a_code_is_not_taken_for_a_later_version() {
        let model = model();
        // "Alice" decodes to bytes that start with 2, a version this one cannot read; longer
        // names too ("Christina" starts with 10).
        for word in ["Alice", "hello", "Alexander", "Christina", "Maximiliaan"] {
            assert_eq!(err(&model, word), "share.malformed", "{word}");
        }
        // A code of a later version, framed as every version is (its length after its
        // version byte), is named as such.
        let mut later = vec![2u8, 12];
        later.resize(12, 0);
        assert_eq!(err(&model, &base64url_encode(&later)), "share.version");
    }

    #[test]
    fn a_cut_off_code_is_truncated() {
        let model = model();
        let r = response(&model, r#"{"lik": 3, "num": 12.5}"#);
        let code = encode(&model, &r);
        for n in 1..code.len() {
            assert_eq!(err(&model, &code[..n]), "share.truncated", "cut to {n}");
        }
    }

    #[test]
    fn a_changed_character_fails_the_checksum() {
        let model = model();
        let r = response(&model, r#"{"lik": 3, "num": 12.5}"#);
        let code = encode(&model, &r);
        let mut chars: Vec<char> = code.chars().collect();
        let i = chars.len() - 8;
        chars[i] = if chars[i] == 'A' { 'B' } else { 'A' };
        let tampered: String = chars.into_iter().collect();
        assert_eq!(err(&model, &tampered), "share.checksum");
    }

    #[test]
    fn an_unknown_format_version_is_refused() {
        let model = model();
        let mut b = bytes(&encode(&model, &Response::new(&model)));
        b[0] = 2;
        let e = decode(&model, &base64url_encode(&b)).unwrap_err();
        assert_eq!(e.code(), "share.version");
        assert_eq!(*e.kind(), ShareErrorKind::Version { found: 2 });
    }

    #[test]
    fn a_code_for_another_assessment_is_refused() {
        let model = model();
        let other = Model::load(&JSON.replace("share-unit", "share-other"))
            .unwrap()
            .model;
        let code = encode(&other, &Response::new(&other));
        assert_eq!(err(&model, &code), "share.other_assessment");
    }

    #[test]
    fn a_code_for_another_version_is_refused() {
        let model = model();
        let next = Model::load(&JSON.replace(r#""version": "1""#, r#""version": "2""#))
            .unwrap()
            .model;
        let code = encode(&next, &Response::new(&next));
        let e = decode(&model, &code).unwrap_err();
        assert_eq!(e.code(), "share.other_version");
        assert!(e.to_string().contains("another version"), "{e}");
    }

    #[test]
    fn an_answer_that_does_not_fit_is_invalid() {
        let model = model();
        let code = encode(&model, &Response::new(&model));
        let b = bytes(&code);
        let head = 2 + FIXED_HEADER - 1; // version, length, hashes
        let body = |answers: &[u8]| {
            let mut v = b[..head].to_vec();
            v.extend_from_slice(answers);
            sign(v)
        };
        // All empty, forged: still fine.
        assert_eq!(
            decode(&model, &body(&[0, 0, 0, 0])),
            Ok(Response::new(&model))
        );
        let cases: &[(&[u8], &str)] = &[
            // Likert point 4 of 3.
            (&[5, 0, 0, 0], "lik"),
            // Level: current 1, desired 9 of 5 (h = 2 + 0 + 5·9).
            (&[0, 47, 0, 0], "lvl"),
            // Number 200, outside -100..100 (zigzag 400 = 0x190, h = 403).
            (&[0, 0, 0x93, 0x03, 0], "num"),
            // Allocation adding up to 9.
            (&[0, 0, 0, 2, 4, 5], "alloc"),
            // Allocation in a compact form it has none of.
            (&[0, 0, 0, 3], "alloc"),
        ];
        for (answers, question) in cases {
            let e = decode(&model, &body(answers)).unwrap_err();
            assert_eq!(e.code(), "share.invalid_answer", "{answers:?}: {e}");
            match e.kind() {
                ShareErrorKind::InvalidAnswer { question: q, .. } => assert_eq!(q, question),
                k => panic!("{k:?}"),
            }
        }
        let e = decode(&model, &body(&[0, 47, 0, 0])).unwrap_err();
        assert!(e.to_string().contains("desired level 9"), "{e}");
        // "Don't know" where it is not offered.
        let strict_json = JSON.replace(r#""text": "Q","#, r#""text": "Q", "dont_know": false,"#);
        let strict = Model::load(&strict_json).unwrap().model;
        let b = bytes(&encode(&strict, &Response::new(&strict)));
        let mut forged = b[..head].to_vec();
        forged.extend_from_slice(&[1, 0, 0, 0]);
        assert_eq!(err(&strict, &sign(forged)), "share.invalid_answer");
    }

    #[test]
    fn answers_missing_at_the_end_are_truncated_and_extra_ones_malformed() {
        let model = model();
        let b = bytes(&encode(&model, &Response::new(&model)));
        let head = 2 + FIXED_HEADER - 1;
        let mut short = b[..head].to_vec();
        short.extend_from_slice(&[0, 0, 0]);
        assert_eq!(err(&model, &sign(short)), "share.truncated");
        let mut long = b[..head].to_vec();
        long.extend_from_slice(&[0, 0, 0, 0, 0]);
        assert_eq!(err(&model, &sign(long)), "share.malformed");
    }

    #[test]
    fn numbers_keep_every_bit() {
        let model = model();
        for v in [
            0.0,
            -0.0,
            1.0,
            -100.0,
            100.0,
            0.1,
            -99.999_999_999,
            1e-300,
            5e-324,
        ] {
            let mut r = Response::new(&model);
            r.set(&model, 2, Some(&Answer::Number(v))).unwrap();
            let back = decode(&model, &encode(&model, &r)).unwrap();
            match back.slot(2) {
                Slot::Num(x) => assert_eq!(x.to_bits(), v.to_bits(), "{v}"),
                s => panic!("{s:?}"),
            }
        }
    }

    #[test]
    fn codes_are_short() {
        let model = model();
        let r = response(
            &model,
            r#"{"lik": 3, "lvl": {"current": 2}, "num": 40, "alloc": {"a": 7, "b": 3}}"#,
        );
        // 1 + 1 + 8 header, 1 + 1 + 1 + 3 answers, 4 checksum: 20 bytes.
        assert_eq!(encode(&model, &r).len(), 27);
    }
}
