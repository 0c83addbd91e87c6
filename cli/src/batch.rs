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

/// One batch run: the model, the running summary and reused buffers.
struct Batch<'a, W: Write> {
    model: &'a Model,
    summary: Summary,
    response: Response,
    scores: Scores,
    out: &'a mut W,
}

impl<W: Write> Batch<'_, W> {
    /// Writes the row for the response in `self.response`, or skips the line with `error`.
    fn row(&mut self, line: u64, id: &str, parsed: Result<(), String>) -> io::Result<()> {
        if let Err(e) = parsed {
            return skip(&mut self.summary, line, e);
        }
        let (model, out) = (self.model, &mut *self.out);
        model.score_into(&self.response, &mut self.scores);
        self.summary.rows += 1;
        write!(out, "{line},{}", csv_field(id))?;
        for (i, s) in self.scores.score.iter().enumerate() {
            match s {
                Some(s) => {
                    self.summary.sums[i] += s;
                    self.summary.counts[i] += 1;
                    write!(out, ",{s:.2}")?;
                }
                None => write!(out, ",")?,
            }
        }
        let a = &model.assessment;
        let mut sep = ",";
        for (p, _) in a
            .profiles
            .iter()
            .zip(&self.scores.profiles)
            .filter(|(_, m)| **m)
        {
            write!(out, "{sep}{}", p.id)?;
            sep = "|";
        }
        if sep == "," {
            write!(out, ",")?;
        }
        let mut sep = ",";
        for &r in &self.scores.recommendations {
            write!(out, "{sep}{}", a.recommendations[r as usize].id)?;
            sep = "|";
        }
        if sep == "," {
            write!(out, ",")?;
        }
        writeln!(out)
    }
}

/// Scores every response from `input` and writes CSV rows to `out`; returns the summary.
pub fn report(
    model: &Model,
    mut input: impl BufRead,
    format: Input,
    out: &mut impl Write,
) -> io::Result<Summary> {
    let a = &model.assessment;
    write!(out, "line,id")?;
    for d in &a.dimensions {
        write!(out, ",{}", d.id)?;
    }
    writeln!(out, ",profiles,recommendations")?;
    let mut batch = Batch {
        model,
        summary: Summary {
            sums: vec![0.0; a.dimensions.len()],
            counts: vec![0; a.dimensions.len()],
            labels: a.dimensions.iter().map(|d| d.id.clone()).collect(),
            ..Summary::default()
        },
        response: Response::new(model),
        scores: Scores::default(),
        out,
    };

    match format {
        Input::Jsonl => {
            let mut buf = String::new();
            let mut line = 0u64;
            loop {
                buf.clear();
                if input.read_line(&mut buf)? == 0 {
                    break;
                }
                line += 1;
                let text = buf.trim();
                if text.is_empty() {
                    continue;
                }
                let parsed = match batch.response.parse_into(model, text) {
                    Ok(errors) if errors.is_empty() => Ok(()),
                    Ok(errors) => Err(errors.join("; ")),
                    Err(e) => Err(e),
                };
                batch.row(line, &line.to_string(), parsed)?;
            }
        }
        Input::Csv => {
            let mut reader = csv::ReaderBuilder::new().flexible(false).from_reader(input);
            let headers = match reader.headers() {
                Ok(h) => h.clone(),
                Err(e) => return Err(io::Error::new(io::ErrorKind::InvalidData, e.to_string())),
            };
            let id_column = headers.iter().position(|h| h == "id");
            let mut record = csv::StringRecord::new();
            loop {
                let line = reader.position().line();
                match reader.read_record(&mut record) {
                    Ok(false) => break,
                    Ok(true) => {
                        let id = id_column
                            .and_then(|i| record.get(i))
                            .filter(|id| !id.is_empty())
                            .map_or_else(|| line.to_string(), str::to_owned);
                        batch.response = Response::new(model);
                        let parsed = csv_answers(model, &headers, &record)
                            .and_then(|answers| fill(model, &answers, &mut batch.response));
                        batch.row(line, &id, parsed)?;
                    }
                    Err(e) => batch.row(line, "", Err(e.to_string()))?,
                }
            }
        }
    }
    Ok(batch.summary)
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
