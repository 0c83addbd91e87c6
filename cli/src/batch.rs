//! `sextant report`: score a batch of responses, streaming, one CSV row per respondent.
//!
//! Input is read line by line (JSON Lines) or record by record (CSV), so memory stays flat
//! whatever the input size. A malformed line is reported on stderr with its line number and
//! skipped, and the summary counts it: nothing is dropped silently.
//!
//! CSV input has a header of question ids (and optionally `id`). Cells hold a number, an option
//! id, `dont_know`, several option ids separated by `|`, points as `a:5|b:3|c:2`, or a level as
//! `2` or `2>4` (current > desired). An empty cell is unanswered.

use std::collections::BTreeMap;
use std::fmt;
use std::io::{self, BufRead, Write};

use sextant_engine::model::QuestionType;
use sextant_engine::{Answer, Answers, Model, Response, Scores};

/// The input format.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum Input {
    /// One JSON object of answers per line.
    Jsonl,
    /// A header of question ids, then one respondent per row.
    Csv,
}

/// What a batch run did.
#[derive(Debug, Default)]
pub struct Summary {
    rows: u64,
    skipped: Vec<(u64, String)>,
    sums: Vec<f64>,
    counts: Vec<u64>,
    labels: Vec<String>,
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "scored {} respondent(s); skipped {} line(s)",
            self.rows,
            self.skipped.len()
        )?;
        for (label, (sum, n)) in self.labels.iter().zip(self.sums.iter().zip(&self.counts)) {
            if *n > 0 {
                writeln!(f, "  mean {label}: {:.1} (n = {n})", sum / *n as f64)?;
            } else {
                writeln!(f, "  mean {label}: – (n = 0)")?;
            }
        }
        Ok(())
    }
}

/// Scores every response from `input` and writes CSV rows to `out`; returns the summary.
pub fn report(
    model: &Model,
    input: impl BufRead,
    format: Input,
    out: &mut impl Write,
) -> io::Result<Summary> {
    let a = &model.assessment;
    let mut summary = Summary {
        sums: vec![0.0; a.dimensions.len()],
        counts: vec![0; a.dimensions.len()],
        labels: a.dimensions.iter().map(|d| d.id.clone()).collect(),
        ..Summary::default()
    };
    write!(out, "line,id")?;
    for d in &a.dimensions {
        write!(out, ",{}", d.id)?;
    }
    writeln!(out, ",profiles,recommendations")?;

    let mut response = Response::new(model);
    let mut scores = Scores::default();
    let mut emit = |line: u64,
                    id: &str,
                    parsed: Result<Answers, String>,
                    out: &mut dyn Write|
     -> io::Result<()> {
        let answers = match parsed {
            Ok(a) => a,
            Err(e) => return skip(&mut summary, line, e),
        };
        response = Response::new(model);
        if let Err(errors) = fill(model, &answers, &mut response) {
            return skip(&mut summary, line, errors);
        }
        model.score_into(&response, &mut scores);
        summary.rows += 1;
        write!(out, "{line},{}", csv_field(id))?;
        for (i, s) in scores.score.iter().enumerate() {
            match s {
                Some(s) => {
                    summary.sums[i] += s;
                    summary.counts[i] += 1;
                    write!(out, ",{s:.2}")?;
                }
                None => write!(out, ",")?,
            }
        }
        let profiles: Vec<&str> = a
            .profiles
            .iter()
            .zip(&scores.profiles)
            .filter(|(_, m)| **m)
            .map(|(p, _)| p.id.as_str())
            .collect();
        let recs: Vec<&str> = scores
            .recommendations
            .iter()
            .map(|&r| a.recommendations[r as usize].id.as_str())
            .collect();
        writeln!(out, ",{},{}", profiles.join("|"), recs.join("|"))
    };

    match format {
        Input::Jsonl => {
            let mut buf = String::new();
            let mut reader = input;
            let mut line = 0u64;
            loop {
                buf.clear();
                if reader.read_line(&mut buf)? == 0 {
                    break;
                }
                line += 1;
                let text = buf.trim();
                if text.is_empty() {
                    continue;
                }
                let parsed = sextant_engine::load::from_json::<Answers>(
                    text,
                    "response line",
                    sextant_engine::load::MAX_ANSWERS_BYTES,
                )
                .map_err(|e| e.to_string());
                emit(line, &line.to_string(), parsed, out)?;
            }
        }
        Input::Csv => {
            let mut reader = csv::ReaderBuilder::new().flexible(false).from_reader(input);
            let headers = match reader.headers() {
                Ok(h) => h.clone(),
                Err(e) => return Err(io::Error::new(io::ErrorKind::InvalidData, e.to_string())),
            };
            let mut record = csv::StringRecord::new();
            loop {
                let line = reader.position().line();
                match reader.read_record(&mut record) {
                    Ok(false) => break,
                    Ok(true) => {
                        let id = headers
                            .iter()
                            .position(|h| h == "id")
                            .and_then(|i| record.get(i))
                            .unwrap_or("")
                            .to_owned();
                        let parsed = csv_answers(model, &headers, &record);
                        let id = if id.is_empty() { line.to_string() } else { id };
                        emit(line, &id, parsed, out)?;
                    }
                    Err(e) => emit(line, "", Err(e.to_string()), out)?,
                }
            }
        }
    }
    Ok(summary)
}

fn skip(summary: &mut Summary, line: u64, error: String) -> io::Result<()> {
    eprintln!("line {line}: skipped: {error}");
    summary.skipped.push((line, error));
    Ok(())
}

fn fill(model: &Model, answers: &Answers, response: &mut Response) -> Result<(), String> {
    let mut errors = Vec::new();
    for (id, answer) in answers {
        match model.question_index(id) {
            Some(i) => {
                if let Err(e) = response.set(model, i, Some(answer)) {
                    errors.push(e.to_string());
                }
            }
            None => errors.push(format!("answers.{id}: there is no question `{id}`")),
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors.join("; "))
    }
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

/// Parses one CSV record into answers, by each question's type.
fn csv_answers(
    model: &Model,
    headers: &csv::StringRecord,
    record: &csv::StringRecord,
) -> Result<Answers, String> {
    let mut answers = BTreeMap::new();
    for (header, cell) in headers.iter().zip(record.iter()) {
        let cell = cell.trim();
        if header == "id" || cell.is_empty() {
            continue;
        }
        let Some(qi) = model.question_index(header) else {
            return Err(format!("column `{header}` is not a question id"));
        };
        let bad = || format!("column `{header}`: cannot read `{cell}`");
        let answer = if cell == sextant_engine::answers::DONT_KNOW {
            Answer::DontKnow
        } else {
            match model.question(qi).kind {
                QuestionType::Likert | QuestionType::Bipolar | QuestionType::Number => {
                    Answer::Number(cell.parse().map_err(|_| bad())?)
                }
                QuestionType::SingleChoice => Answer::Choice(cell.to_owned()),
                QuestionType::MultipleChoice => {
                    Answer::Choices(cell.split('|').map(|s| s.trim().to_owned()).collect())
                }
                QuestionType::Allocation => {
                    let mut map = BTreeMap::new();
                    for part in cell.split('|') {
                        let (k, v) = part.split_once(':').ok_or_else(bad)?;
                        map.insert(k.trim().to_owned(), v.trim().parse().map_err(|_| bad())?);
                    }
                    Answer::Allocation(map)
                }
                QuestionType::Level => {
                    let (c, d) = match cell.split_once('>') {
                        Some((c, d)) => (c, Some(d)),
                        None => (cell, None),
                    };
                    Answer::Level {
                        current: c.trim().parse().map_err(|_| bad())?,
                        desired: d.map(|d| d.trim().parse()).transpose().map_err(|_| bad())?,
                    }
                }
            }
        };
        answers.insert(header.to_owned(), answer);
    }
    Ok(answers)
}
