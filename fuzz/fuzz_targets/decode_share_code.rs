//! Arbitrary share codes against a fixed model: decoding must never panic, and a code that
//! decodes must be the one code of its response (encoding the response gives it back).
//!
//! An input whose first byte is odd is taken as the answer bytes of a code instead, given a
//! valid header and checksum, so the fuzzer also reaches the answer decoder behind the checksum.

#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use sextant_engine::{share, Response};

#[path = "../common/mod.rs"]
mod common;

use common::model;

/// The header of a valid code for the model: version and hashes, without the length field.
fn header() -> &'static (u8, [u8; 8]) {
    static HEADER: OnceLock<(u8, [u8; 8])> = OnceLock::new();
    HEADER.get_or_init(|| {
        let bytes = unbase64url(&share::encode(model(), &Response::new(model())));
        let mut hashes = [0; 8];
        hashes.copy_from_slice(&bytes[2..10]);
        (bytes[0], hashes)
    })
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn unbase64url(text: &str) -> Vec<u8> {
    let mut out = Vec::new();
    let (mut acc, mut bits) = (0u32, 0);
    for c in text.bytes() {
        let s = ALPHABET.iter().position(|&a| a == c).expect("base64url") as u32;
        acc = (acc << 6) | s;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    out
}

fn base64url(bytes: &[u8]) -> String {
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * i)) as usize & 63]));
        }
    }
    out
}

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

/// A code with a valid header, length and checksum around `answers`.
fn forge(answers: &[u8]) -> String {
    let (version, hashes) = header();
    let rest = 8 + answers.len() + 4;
    let mut total = 1 + 1 + rest;
    while varint_len(total) != total - 1 - rest {
        total += 1;
    }
    let mut out = vec![*version];
    let mut n = total;
    while n >= 0x80 {
        out.push((n as u8 & 0x7f) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
    out.extend_from_slice(hashes);
    out.extend_from_slice(answers);
    let crc = crc32(&out);
    out.extend_from_slice(&crc.to_le_bytes());
    base64url(&out)
}

fn varint_len(mut n: usize) -> usize {
    let mut len = 1;
    while n >= 0x80 {
        n >>= 7;
        len += 1;
    }
    len
}

fuzz_target!(|data: &[u8]| {
    let code = match data.split_first() {
        Some((first, rest)) if first & 1 == 1 => forge(rest),
        _ => String::from_utf8_lossy(data).into_owned(),
    };
    if let Ok(response) = share::decode(model(), &code) {
        assert_eq!(
            share::encode(model(), &response),
            code,
            "a second code for one response"
        );
    }
});
