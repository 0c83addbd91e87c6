//! Compiles in the default assessment without the JSON's insignificant whitespace.

use std::{env, fs, path::Path};

const DEFAULT: &str = "content/commercial-excellence-scan.json";

fn main() {
    println!("cargo:rerun-if-changed={DEFAULT}");
    println!("cargo:rerun-if-changed=build.rs");
    let json = fs::read_to_string(DEFAULT).expect("the default assessment is readable");
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("default.json");
    fs::write(out, minify(&json)).expect("OUT_DIR is writable");
}

/// Drops whitespace outside strings. The text stays valid JSON with the same value.
fn minify(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if !matches!(c, ' ' | '\t' | '\n' | '\r') {
            in_string = c == '"';
            out.push(c);
        }
    }
    out
}
