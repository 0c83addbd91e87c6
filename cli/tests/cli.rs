//! The `sextant` command, run as a user runs it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The command, with `args`, run from the repository's root.
fn command(args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_sextant"));
    command.args(args).current_dir(root());
    command
}

fn sextant(args: &[&str]) -> Output {
    command(args).output().expect("sextant runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// `e2e/fixtures/small.json`, to change before writing it to a temporary file.
fn small_assessment() -> serde_json::Value {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../e2e/fixtures/small.json"
    ))
    .unwrap();
    serde_json::from_str(&text).unwrap()
}

fn temp(name: &str, contents: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sextant-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

#[test]
fn check_accepts_the_default_assessment() {
    let out = sextant(&["check", "content/commercial-excellence-scan.json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stdout(&out).contains(": ok: commercial-excellence-scan"));
    assert!(stdout(&out).contains(", 0 warning(s)"));
}

#[test]
fn check_names_the_path_of_a_fault_and_exits_1() {
    let out = sextant(&["check", "e2e/fixtures/broken.json"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("error[json.shape] sections[0].questions[1].scale: invalid type"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn check_reads_a_byte_order_mark_and_names_utf16_and_gzip_files() {
    let default = std::fs::read(root().join("content/commercial-excellence-scan.json")).unwrap();
    let text = String::from_utf8(default.clone()).unwrap();
    let with_bom = temp("bom.json", &format!("\u{FEFF}{text}"));
    let out = sextant(&["check", with_bom.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let gzip = vec![0x1F, 0x8B, 0x08, 0x00, 0xFF];
    let latin1: Vec<u8> = b"{\"title\": \"Strat\xE9gie\"}".to_vec();
    for (name, bytes, says) in [
        (
            "utf16.json",
            utf16,
            "the text is UTF-16, not UTF-8: save the file as UTF-8",
        ),
        // Without its byte order mark, UTF-16 is still named, with the same exit code.
        (
            "utf16-no-bom.json",
            text.encode_utf16().flat_map(u16::to_le_bytes).collect(),
            "the text is UTF-16, not UTF-8: save the file as UTF-8",
        ),
        (
            "latin1.json",
            latin1,
            "not valid UTF-8 (byte 17): save the file as UTF-8",
        ),
        (
            "packed.json.gz",
            gzip,
            "the file is compressed (gzip): unpack it",
        ),
    ] {
        let path = temp(name, "");
        std::fs::write(&path, bytes).unwrap();
        let out = sextant(&["check", path.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2), "{name}");
        assert!(stderr(&out).contains(says), "{name}: {}", stderr(&out));
    }
}

#[test]
fn check_exits_2_on_an_unreadable_file() {
    let out = sextant(&["check", "no/such/file.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("cannot read no/such/file.json"));
}

#[test]
fn check_and_score_refuse_a_file_over_the_limit_without_reading_all_of_it() {
    let big = temp("big.json", &" ".repeat(5_000_000));
    let o = sextant(&["check", big.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("the file is 5000000 bytes; the limit is 4194304 bytes"),
        "{}",
        stderr(&o)
    );
    // An endless input: only the limit is read, and the command ends at once.
    if Path::new("/dev/zero").exists() {
        let o = sextant(&["check", "/dev/zero"]);
        assert_eq!(o.status.code(), Some(2));
        assert!(
            stderr(&o).contains("more than 4194304 bytes"),
            "{}",
            stderr(&o)
        );
        let scan = root().join("content/commercial-excellence-scan.json");
        let o = sextant(&["score", scan.to_str().unwrap(), "/dev/zero"]);
        assert_eq!(o.status.code(), Some(2));
        assert!(
            stderr(&o).contains("more than 1048576 bytes"),
            "{}",
            stderr(&o)
        );
    }
}

#[test]
fn score_prints_the_result_as_json_and_as_text() {
    let answers = temp("answers.json", r#"{"q1": 4, "q2": 5, "q3": 2}"#);
    let answers = answers.to_str().unwrap();
    let out = sextant(&["score", "e2e/fixtures/small.json", answers]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["dimensions"][0]["score"], 87.5);
    assert_eq!(report["dimensions"][1]["display"], "50");

    let out = sextant(&[
        "score",
        "e2e/fixtures/small.json",
        answers,
        "--format",
        "text",
    ]);
    let text = stdout(&out);
    assert!(text.contains("Speed") && text.contains("88"), "{text}");
    assert!(text.contains("coverage 100%"), "{text}");

    // A Dutch report speaks Dutch throughout, and gives each profile's description.
    let out = sextant(&[
        "score",
        "content/commercial-excellence-scan.json",
        "e2e/fixtures/answers-default.json",
        "--format",
        "text",
        "--locale",
        "nl",
    ]);
    let text = stdout(&out);
    for word in [
        "Kerncijfers",
        "Profielen",
        "Aanbevelingen",
        "omdat:",
        "beantwoord",
    ] {
        assert!(text.contains(word), "{word} in {text}");
    }
    for word in ["Recommendations", "because:", "coverage"] {
        assert!(!text.contains(word), "no {word} in {text}");
    }
    assert!(
        text.contains("\n     "),
        "a description under a profile: {text}"
    );
}

#[test]
fn score_shows_benchmarks_with_their_source() {
    let mut a = small_assessment();
    a["benchmarks"] = serde_json::json!([{"id": "peers", "label": "Peer average",
        "source": "Survey of 40 firms, 2025", "values": {"care": 61.5}}]);
    let file = temp("benchmarked.json", &a.to_string());
    let answers = temp("answers-b.json", r#"{"q1": 4, "q2": 5, "q3": 2}"#);
    let args = ["score", file.to_str().unwrap(), answers.to_str().unwrap()];
    let out = sextant(&args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        report["benchmarks"][0]["source"],
        "Survey of 40 firms, 2025"
    );
    assert_eq!(report["benchmarks"][0]["values"]["care"], 61.5);
    let out = sextant(&[args[0], args[1], args[2], "--format", "text"]);
    let text = stdout(&out);
    assert!(
        text.contains("For comparison\n  Peer average (source: Survey of 40 firms, 2025)\n"),
        "{text}"
    );
    let line = text
        .lines()
        .find(|l| l.contains("Care") && l.contains("62"))
        .unwrap_or_default();
    assert!(
        line.starts_with("    Care"),
        "the benchmark's score for Care: {text}"
    );
    assert!(
        !text.lines().any(|l| l.starts_with("    Speed")),
        "none for Speed: {text}"
    );
}

#[test]
fn the_text_report_tells_a_dimension_that_does_not_apply_from_one_without_answers() {
    let mut a = small_assessment();
    // Reach is counted by q3 alone, in a section shown only when q1 is 3 or more.
    a["dimensions"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({"id": "reach", "label": "Reach"}));
    a["sections"][1]["show_if"] = serde_json::json!("answer(q1) >= 3");
    a["sections"][1]["questions"][0]["weights"] = serde_json::json!({"care": 2, "reach": 1});
    let file = temp("reach.json", &a.to_string());
    let row = |answers: &str, name: &str| {
        let answers = temp(name, answers);
        let out = sextant(&[
            "score",
            file.to_str().unwrap(),
            answers.to_str().unwrap(),
            "--format",
            "text",
        ]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let text = stdout(&out);
        text.lines()
            .find(|l| l.trim_start().starts_with("Reach"))
            .unwrap_or_else(|| panic!("no row for Reach: {text}"))
            .to_owned()
    };
    // q1 = 1 hides q3: Reach does not apply.
    let hidden = row(r#"{"q1": 1, "q2": 4}"#, "reach-hidden.json");
    assert!(hidden.contains("n/a"), "{hidden}");
    // q1 = 4 shows q3, left unanswered: too few answers.
    let unanswered = row(r#"{"q1": 4, "q2": 4}"#, "reach-unanswered.json");
    assert!(unanswered.contains("insufficient"), "{unanswered}");
}

#[test]
fn score_refuses_answers_that_do_not_fit() {
    let answers = temp("bad-answers.json", r#"{"q1": 9}"#);
    let out = sextant(&[
        "score",
        "e2e/fixtures/small.json",
        answers.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("q1: 9 is not a point on the scale"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn report_skips_malformed_lines_with_their_number_and_counts_them() {
    let lines = "{\"q1\": 4, \"q2\": 5, \"q3\": 2}\nnot json\n\n{\"q1\": 1, \"q2\": 1, \"q3\": 1}\n{\"q1\": 6}\n";
    let input = temp("responses.jsonl", lines);
    let out = sextant(&["report", "e2e/fixtures/small.json", input.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let csv = stdout(&out);
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(rows[0], "line,id,speed,care,profiles,recommendations");
    assert_eq!(rows[1], "1,1,87.50,50.00,,");
    assert_eq!(rows[2], "4,4,0.00,0.00,,");
    assert_eq!(rows.len(), 3);
    let err = stderr(&out);
    assert!(err.contains("line 2: skipped: not valid JSON"), "{err}");
    assert!(
        err.contains("line 5: skipped: answers.q1: 6 is not a point on the scale"),
        "{err}"
    );
    assert!(
        err.contains("scored 2 respondent(s); skipped 2 line(s)"),
        "{err}"
    );
}

#[test]
fn report_skips_lines_that_are_not_utf8_or_too_long_and_keeps_counting() {
    let mut bytes = b"{\"q1\": 4, \"q2\": 5, \"q3\": 2}\n{\"q1\": \"\xff\"}\n".to_vec();
    bytes.extend_from_slice(format!("{{\"q1\": \"{}\"}}\n", "x".repeat(300_000)).as_bytes());
    bytes.extend_from_slice(b"{\"q1\": 1, \"q2\": 1, \"q3\": 1}");
    let input = temp("mixed.jsonl", "");
    std::fs::write(&input, &bytes).unwrap();
    let out = sextant(&["report", "e2e/fixtures/small.json", input.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let csv = stdout(&out);
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(rows[1..], ["1,1,87.50,50.00,,", "4,4,0.00,0.00,,"]);
    let err = stderr(&out);
    assert!(
        err.contains("line 2: skipped: not valid UTF-8 (byte 9 of the line)"),
        "{err}"
    );
    assert!(
        err.contains("line 3: skipped: the line is longer than the limit of 262144 bytes"),
        "{err}"
    );
    assert!(
        err.contains("scored 2 respondent(s); skipped 2 line(s)"),
        "{err}"
    );
}

#[test]
fn report_leaves_out_columns_that_are_no_question_and_refuses_a_column_named_twice() {
    // Survey tools add columns of their own; each is named once, not on every row.
    let input = temp(
        "extra.csv",
        "timestamp,id,q1,email,q2,q3\n2026-01-01,ann,4,a@b.nl,5,2\n2026-01-02,bob,1,,1,1\n",
    );
    let out = sextant(&["report", "e2e/fixtures/small.json", input.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let csv = stdout(&out);
    assert!(csv.contains("\n2,ann,87.50,50.00,,\n"), "{csv}");
    assert!(csv.contains("\n3,bob,0.00,0.00,,\n"), "{csv}");
    let err = stderr(&out);
    assert!(
        err.contains("line 1: column `timestamp` is not a question id, and is left out"),
        "{err}"
    );
    assert_eq!(err.matches("is left out").count(), 2, "{err}");
    assert!(
        err.contains("scored 2 respondent(s); skipped 0 line(s)"),
        "{err}"
    );

    // Columns without a name, as Excel writes them after the last one, and names with spaces
    // around them.
    let excel = temp("excel.csv", "id, q1 ,q2,q3,,\nann,4,5,2,,\n");
    let out = sextant(&["report", "e2e/fixtures/small.json", excel.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("\n2,ann,87.50,50.00,,\n"),
        "{}",
        stdout(&out)
    );
    assert!(!stderr(&out).contains("left out"), "{}", stderr(&out));

    let twice = temp("twice.csv", "q1,q2,q1\n4,5,1\n");
    let out = sextant(&["report", "e2e/fixtures/small.json", twice.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("line 1: the header names column `q1` twice"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn report_skips_a_line_that_answers_a_question_twice_and_fails_when_nothing_is_scored() {
    let input = temp("twice.jsonl", "{\"q1\": 4, \"q2\": 5, \"q1\": 1}\n");
    let out = sextant(&["report", "e2e/fixtures/small.json", input.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("line 1: skipped: answers.q1: `q1` is answered twice"),
        "{err}"
    );
    assert!(
        err.contains("scored 0 respondent(s); skipped 1 line(s)"),
        "{err}"
    );
    assert_eq!(stdout(&out).lines().count(), 1);
}

#[test]
fn report_reads_csv_by_question_type() {
    let input = temp(
        "responses.csv",
        "id,q1,q2,q3\nann,4,5,2\nbob,dont_know,,x\n",
    );
    let out = sextant(&["report", "e2e/fixtures/small.json", input.to_str().unwrap()]);
    let csv = stdout(&out);
    assert!(csv.contains("\n2,ann,87.50,50.00,,\n"), "{csv}");
    assert!(
        stderr(&out).contains("line 3: skipped: column `q3`: cannot read `x`"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn report_numbers_csv_rows_by_their_line_and_reads_semicolons_and_decimal_commas() {
    // As Dutch Excel saves it: `;` between columns, a decimal comma, CRLF, a blank row.
    let input = temp(
        "excel.csv",
        "id;q1;q2;q3\r\nann;4;5;2\r\n\r\nbob;4,0;5;x\r\n",
    );
    let out = sextant(&["report", "e2e/fixtures/small.json", input.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("\n2,ann,87.50,50.00,,\n"),
        "{}",
        stdout(&out)
    );
    let err = stderr(&out);
    assert!(
        err.contains("line 4: skipped: column `q3`: cannot read `x`"),
        "{err}"
    );
    // A stray quote spoils its own row only; the rows after it are read, with their lines.
    let mut rows = String::from("id,q1,q2,q3\n\"ann,4,5,2\n");
    for i in 0..500 {
        rows += &format!("r{i},4,5,2\n");
    }
    rows += &format!("long,4,5,{}\n", "x".repeat(300_000));
    let input = temp("quote.csv", &rows);
    let out = sextant(&["report", "e2e/fixtures/small.json", input.to_str().unwrap()]);
    let err = stderr(&out);
    assert!(
        err.contains("line 2: skipped: a quote (\") is not closed"),
        "{err}"
    );
    assert!(
        err.contains("line 503: skipped: the line is longer than the limit"),
        "{err}"
    );
    assert!(
        err.contains("scored 500 respondent(s); skipped 2 line(s)"),
        "{err}"
    );
    assert!(stdout(&out).contains("\n502,r499,87.50,50.00,,\n"));
    assert!(
        err.len() < 2_000,
        "messages stay short: {} bytes",
        err.len()
    );
}

#[test]
fn report_reads_json_lines_that_start_with_a_byte_order_mark() {
    let input = temp("bom.jsonl", "\u{feff}{\"q1\": 4, \"q2\": 5, \"q3\": 2}\r\n");
    let out = sextant(&["report", "e2e/fixtures/small.json", input.to_str().unwrap()]);
    assert_eq!(
        stdout(&out).lines().nth(1),
        Some("1,1,87.50,50.00,,"),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("skipped 0 line(s)"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn output_that_cannot_be_written_is_an_error_not_a_crash() {
    let full = || std::fs::File::create("/dev/full").expect("/dev/full");
    for args in [
        &["schema"][..],
        &["check", "content/commercial-excellence-scan.json"],
        &["simulate", "e2e/fixtures/small.json", "-n", "10"],
        &[
            "report",
            "e2e/fixtures/small.json",
            "e2e/fixtures/answers-default.json",
            "--input",
            "jsonl",
        ],
    ] {
        let out = command(args).stdout(full()).output().expect("sextant runs");
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("sextant: cannot write the output: "),
            "{args:?}: {}",
            stderr(&out)
        );
    }
}

#[test]
fn simulate_shows_distributions_and_what_never_fires() {
    let out = sextant(&[
        "simulate",
        "e2e/fixtures/small.json",
        "-n",
        "2000",
        "--seed",
        "3",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(
        text.starts_with("2000 simulated respondents (seed 3)"),
        "{text}"
    );
    assert!(text.contains("speed"), "{text}");
    assert!(
        text.contains("none: every dimension reaches both ends"),
        "{text}"
    );
}

#[test]
fn simulate_draws_lower_desired_levels_and_fractions() {
    // Two rules the widget can trigger: a desired level below the current one, and a number
    // strictly between two whole numbers. Neither may be called "never triggered".
    let assessment = temp(
        "simulate.json",
        r#"{"format": "sextant/1", "id": "sim", "version": "1", "default_locale": "en",
            "title": "S", "dimensions": [{"id": "d", "label": "D"}],
            "sections": [{"id": "s", "title": "S", "questions": [
              {"id": "lvl", "type": "level", "text": "L", "desired": true,
               "levels": [{"label": "One"}, {"label": "Two"}, {"label": "Three"}],
               "weights": {"d": 1}},
              {"id": "share", "type": "number", "text": "N", "min": 0, "max": 1, "weights": {"d": 1}}
            ]}],
            "recommendations": [
              {"id": "less", "dimension": "d", "priority": 1, "title": "Less", "body": "B",
               "when": "desired(lvl) < answer(lvl)"},
              {"id": "part", "dimension": "d", "priority": 2, "title": "Part", "body": "B",
               "when": "answer(share) > 0.2 and answer(share) < 0.8"}
            ]}"#,
    );
    let path = assessment.to_str().unwrap();
    let out = sextant(&["simulate", path, "-n", "2000", "--seed", "5"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(!text.contains("never triggered"), "{text}");
    for id in ["less", "part"] {
        let line = text
            .lines()
            .find(|l| l.trim_start().starts_with(id))
            .unwrap_or_else(|| panic!("no line for {id}: {text}"));
        assert!(!line.contains(" 0.00%"), "{line}");
    }
}

#[test]
fn schema_is_json_schema_for_the_format() {
    let out = sextant(&["schema"]);
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(schema["title"], "Assessment");
    assert!(schema["properties"]["sections"].is_object());
}

#[test]
fn semicolon_csv_reads_numbers_the_dutch_way() {
    let assessment = temp(
        "number.json",
        r#"{"format": "sextant/1", "id": "n", "version": "1", "default_locale": "nl",
            "title": "N", "dimensions": [{"id": "d", "label": "D"}],
            "sections": [{"id": "s", "title": "S", "questions": [
              {"id": "n", "type": "number", "text": "N", "min": 0, "max": 2000, "weights": {"d": 1}}
            ]}]}"#,
    );
    // "1.000" is a thousand in a Dutch spreadsheet, "1.500,5" one and a half thousand.
    let input = temp("dutch.csv", "id;n\nduizend;1.000\nhalf;1.500,5\n");
    let out = sextant(&[
        "report",
        assessment.to_str().unwrap(),
        input.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let csv = stdout(&out);
    assert!(csv.contains("\n2,duizend,50.00,"), "{csv}");
    assert!(csv.contains("\n3,half,75.03,"), "{csv}");
}

#[test]
fn check_keeps_its_exit_code_when_the_reader_of_its_output_has_gone() {
    let mut child = command(&["check", "e2e/fixtures/many-errors.json"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("sextant runs");
    drop(child.stdout.take());
    let status = child.wait().expect("sextant ends");
    assert_eq!(
        status.code(),
        Some(1),
        "an invalid file is exit 1, read or not"
    );
}

/// The bytes of `text` in UTF-16, little-endian, with or without a byte order mark.
fn utf16(text: &str, bom: bool) -> Vec<u8> {
    let mark: &[u8] = if bom { &[0xFF, 0xFE] } else { &[] };
    mark.iter()
        .copied()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect()
}

#[test]
fn report_reads_tab_separated_csv_and_refuses_a_header_that_names_no_question() {
    // As Excel saves "Text (tab delimited)"; a decimal comma or point both read.
    let input = temp(
        "tabs.csv",
        "id\tq1\tq2\tq3\r\nann\t4\t5\t2\r\nbob\t1,0\t1\t1\r\n",
    );
    let out = sextant(&["report", "e2e/fixtures/small.json", input.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let csv = stdout(&out);
    assert!(csv.contains("\n2,ann,87.50,50.00,,\n"), "{csv}");
    assert!(csv.contains("\n3,bob,0.00,0.00,,\n"), "{csv}");
    assert!(!stderr(&out).contains("left out"), "{}", stderr(&out));

    // A file of another assessment: every row would be a respondent without answers.
    let other = temp("other.csv", "id,name,score\n1,ann,4\n2,bob,5\n");
    let out = sextant(&["report", "e2e/fixtures/small.json", other.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(stdout(&out), "", "nothing is written before the refusal");
    let err = stderr(&out);
    assert!(
        err.contains("line 1: the header has the column(s) `id`, `name`, `score` (separated by commas), and none is a question id of this assessment"),
        "{err}"
    );
    assert!(err.contains("(`q1`, `q2`, `q3`, …)"), "{err}");
    assert!(!err.contains("left out"), "{err}");
}

#[test]
fn report_refuses_utf16_input_and_never_scores_a_blank_line() {
    let says = "the text is UTF-16, not UTF-8: save the file as UTF-8";
    for (name, bytes) in [
        (
            "utf16.csv",
            utf16("id\tq1\tq2\tq3\r\nann\t4\t5\t2\r\n", true),
        ),
        (
            "utf16-no-bom.csv",
            utf16("id,q1,q2,q3\r\nann,4,5,2\r\n", false),
        ),
        (
            "utf16.jsonl",
            utf16("{\"q1\": 4, \"q2\": 5, \"q3\": 2}\r\n", true),
        ),
        ("utf16-no-bom.jsonl", utf16("{\"q1\": 4}\n", false)),
    ] {
        let path = temp(name, "");
        std::fs::write(&path, bytes).unwrap();
        let out = sextant(&["report", "e2e/fixtures/small.json", path.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2), "{name}: {}", stderr(&out));
        assert!(stderr(&out).contains(says), "{name}: {}", stderr(&out));
        assert_eq!(stdout(&out), "", "{name}");
    }
    // Lines of nothing but spaces, NUL bytes or (in CSV) separators are no respondents.
    for (name, text) in [
        (
            "nul.jsonl",
            "{\"q1\": 4, \"q2\": 5, \"q3\": 2}\n \t\n\0\n\0\0 \r\n",
        ),
        ("nul.csv", "id,q1,q2,q3\nann,4,5,2\n\0\n,,,\r\n , \n\0\0"),
    ] {
        let input = temp(name, text);
        let out = sextant(&["report", "e2e/fixtures/small.json", input.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(0), "{name}: {}", stderr(&out));
        assert_eq!(stdout(&out).lines().count(), 2, "{name}: {}", stdout(&out));
        assert!(
            stderr(&out).contains("scored 1 respondent(s); skipped 0 line(s)"),
            "{name}: {}",
            stderr(&out)
        );
    }
}

#[test]
fn report_refuses_a_file_whose_extension_names_no_format() {
    let lines = "{\"q1\": 4, \"q2\": 5, \"q3\": 2}\n";
    for (name, says) in [
        (
            "responses.txt",
            "its extension `.txt` is neither `.csv` nor `.jsonl`",
        ),
        (
            "responses.json",
            "one answers object is scored with `sextant score`",
        ),
        ("responses", "it has no extension"),
    ] {
        let input = temp(name, lines);
        let out = sextant(&["report", "e2e/fixtures/small.json", input.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2), "{name}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(err.contains(says), "{name}: {err}");
        assert!(
            err.contains("use --input csv (a header of question ids, then a row per respondent) or --input jsonl"),
            "{name}: {err}"
        );
        assert_eq!(stdout(&out), "", "{name}");
    }
    // With `--input`, any name; without, the known extensions in any case.
    let txt = temp("named.txt", lines);
    let out = sextant(&[
        "report",
        "e2e/fixtures/small.json",
        txt.to_str().unwrap(),
        "--input",
        "jsonl",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    for name in ["upper.JSONL", "lines.ndjson", "lines.json-lines"] {
        let input = temp(name, lines);
        let out = sextant(&["report", "e2e/fixtures/small.json", input.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(0), "{name}: {}", stderr(&out));
        assert_eq!(
            stdout(&out).lines().nth(1),
            Some("1,1,87.50,50.00,,"),
            "{name}"
        );
    }
    let csv = temp("upper.CSV", "id,q1,q2,q3\nann,4,5,2\n");
    let out = sextant(&["report", "e2e/fixtures/small.json", csv.to_str().unwrap()]);
    assert_eq!(
        stdout(&out).lines().nth(1),
        Some("2,ann,87.50,50.00,,"),
        "{}",
        stderr(&out)
    );
}

/// An export of the widget for `e2e/fixtures/small.json` (or `assessment`), on one line.
fn export(assessment: &str, answers: &str) -> String {
    format!(
        r#"{{"format": "sextant-export/1", "assessment": "{assessment}", "version": "1", "answers": {answers}, "report": {{"locale": "en", "title": "Small test scan"}}}}"#
    )
}

#[test]
fn score_and_report_read_an_export_of_the_widget() {
    let answers = r#"{"q1": 4, "q2": 5, "q3": 2}"#;
    let pretty = serde_json::to_string_pretty(
        &serde_json::from_str::<serde_json::Value>(&export("e2e-small", answers)).unwrap(),
    )
    .unwrap();
    let file = temp("export-en-e2e-small-1.json", &pretty);
    let out = sextant(&["score", "e2e/fixtures/small.json", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["dimensions"][0]["score"], 87.5);

    let other = temp("export-other.json", &export("another-scan", answers));
    let out = sextant(&["score", "e2e/fixtures/small.json", other.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("the export was made for another assessment (`another-scan`): score it with that assessment's file"),
        "{}",
        stderr(&out)
    );
    let unfit = temp(
        "export-unfit.json",
        &export("e2e-small", r#"{"q1": 9, "q2": 5}"#),
    );
    let out = sextant(&["score", "e2e/fixtures/small.json", unfit.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("answers.q1: 9 is not a point on the scale"),
        "{}",
        stderr(&out)
    );

    // In JSON Lines, an export on a line is one respondent, as its answers would be.
    let lines = format!(
        "{}\n{answers}\n{}\n",
        export("e2e-small", answers),
        export("another-scan", answers)
    );
    let input = temp("exports.jsonl", &lines);
    let out = sextant(&["report", "e2e/fixtures/small.json", input.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let csv = stdout(&out);
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(
        rows[1..],
        ["1,1,87.50,50.00,,", "2,2,87.50,50.00,,"],
        "{csv}"
    );
    let err = stderr(&out);
    assert!(
        err.contains(
            "line 3: skipped: the export was made for another assessment (`another-scan`)"
        ),
        "{err}"
    );
    assert!(
        err.contains("scored 2 respondent(s); skipped 1 line(s)"),
        "{err}"
    );
}

#[test]
fn report_names_json_lines_respondents_by_their_id_as_csv_does() {
    let lines = concat!(
        "{\"id\": \"ann\", \"q1\": 4, \"q2\": 5, \"q3\": 2}\n",
        "{\"q1\": 1, \"id\": 17, \"q2\": 1, \"q3\": 1}\n",
        "{\"id\": \"\", \"q1\": 1}\n",
        "{\"id\": [\"bob\"], \"q1\": 1}\n",
        "{\"id\": \"cy\", \"q1\": 9}\n",
    );
    let input = temp("named.jsonl", lines);
    let out = sextant(&["report", "e2e/fixtures/small.json", input.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let csv = stdout(&out);
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(
        rows[1..],
        ["1,ann,87.50,50.00,,", "2,17,0.00,0.00,,", "3,3,0.00,,,"],
        "{csv}"
    );
    let err = stderr(&out);
    assert!(!err.contains("there is no question `id`"), "{err}");
    assert!(
        err.contains(
            "line 4: skipped: `id` names the respondent: write it as a string or a number"
        ),
        "{err}"
    );
    assert!(
        err.contains("line 5: skipped: answers.q1: 9 is not a point on the scale"),
        "{err}"
    );

    // An assessment with a question `id`: there, in both formats, `id` is that question.
    let assessment = temp(
        "question-id.json",
        r#"{"format": "sextant/1", "id": "qid", "version": "1", "default_locale": "en",
            "title": "Q", "dimensions": [{"id": "d", "label": "D"}],
            "sections": [{"id": "s", "title": "S", "questions": [
              {"id": "id", "type": "number", "text": "N", "min": 0, "max": 10, "weights": {"d": 1}}
            ]}]}"#,
    );
    let jsonl = temp("question-id.jsonl", "{\"id\": 5}\n");
    let csv = temp("question-id.csv", "id\n5\n");
    for (input, row) in [(jsonl, "1,1,50.00,,"), (csv, "2,2,50.00,,")] {
        let out = sextant(&[
            "report",
            assessment.to_str().unwrap(),
            input.to_str().unwrap(),
        ]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert_eq!(stdout(&out).lines().nth(1), Some(row), "{}", stderr(&out));
    }
}

#[test]
fn report_writes_nothing_before_it_refuses_a_header() {
    for (name, text) in [
        ("twice.csv", "q1,q2,q1\n4,5,1\n"),
        ("quote.csv", "q1,\"q2,q3\n4,5,1\n"),
    ] {
        let input = temp(name, text);
        let out = sextant(&["report", "e2e/fixtures/small.json", input.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2), "{name}: {}", stderr(&out));
        assert_eq!(stdout(&out), "", "{name}: {}", stderr(&out));
    }
}

#[test]
fn score_warns_when_the_locale_asked_for_is_not_in_the_assessment() {
    let answers = temp("locale-answers.json", r#"{"q1": 4, "q2": 5, "q3": 2}"#);
    let answers = answers.to_str().unwrap();
    let out = sextant(&[
        "score",
        "e2e/fixtures/small.json",
        answers,
        "--locale",
        "fr",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(
            "sextant: warning: the assessment has no locale `fr` (it has `en`), so the report is in `en`"
        ),
        "{}",
        stderr(&out)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["dimensions"][0]["score"], 87.5);
    // A regional variant of one of its languages fits without a word.
    for asked in ["en-GB", "EN"] {
        let out = sextant(&[
            "score",
            "e2e/fixtures/small.json",
            answers,
            "--locale",
            asked,
        ]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert_eq!(stderr(&out), "", "{asked}");
    }
}
