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
    skipped: u64,
    sums: Vec<f64>,
    counts: Vec<u64>,
    labels: Vec<String>,
}

impl Summary {
    fn add(&mut self, other: &Summary) {
        self.rows += other.rows;
        self.skipped += other.skipped;
        for (a, b) in self.sums.iter_mut().zip(&other.sums) {
            *a += b;
        }
        for (a, b) in self.counts.iter_mut().zip(&other.counts) {
            *a += b;
        }
    }
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "scored {} respondent(s); skipped {} line(s)",
            self.rows, self.skipped
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

/// One worker: reused buffers, its share of the summary, and its output and messages so far.
struct Worker {
    summary: Summary,
    response: Response,
    scores: Scores,
    out: Vec<u8>,
    err: Vec<u8>,
}

impl Worker {
    fn new(model: &Model) -> Self {
        let n = model.assessment.dimensions.len();
        Worker {
            summary: Summary {
                sums: vec![0.0; n],
                counts: vec![0; n],
                ..Summary::default()
            },
            response: Response::new(model),
            scores: Scores::default(),
            out: Vec::with_capacity(1 << 20),
            err: Vec::new(),
        }
    }

    /// Scores JSON Lines, the first of which is line `first` of the input.
    fn lines(&mut self, model: &Model, first: u64, lines: &[String]) {
        for (i, text) in lines.iter().enumerate() {
            let text = text.trim();
            if text.is_empty() {
                continue;
            }
            let line = first + i as u64;
            let parsed = match self.response.parse_into(model, text) {
                Ok(errors) if errors.is_empty() => Ok(()),
                Ok(errors) => Err(errors.join("; ")),
                Err(e) => Err(e),
            };
            self.row(model, line, None, parsed);
        }
    }

    /// Writes the row for the response in `self.response`, or skips the line with `error`.
    fn row(&mut self, model: &Model, line: u64, id: Option<&str>, parsed: Result<(), String>) {
        use std::io::Write as _;
        if let Err(e) = parsed {
            let _ = writeln!(self.err, "line {line}: skipped: {e}");
            self.summary.skipped += 1;
            return;
        }
        model.score_into(&self.response, &mut self.scores);
        self.summary.rows += 1;
        let out = &mut self.out;
        let _ = match id {
            Some(id) => write!(out, "{line},{}", csv_field(id)),
            None => write!(out, "{line},{line}"),
        };
        for (i, s) in self.scores.score.iter().enumerate() {
            match s {
                Some(s) => {
                    self.summary.sums[i] += s;
                    self.summary.counts[i] += 1;
                    // Two decimals from whole hundredths: exact float formatting is slow.
                    let hundredths = (s * 100.0).round() as i64;
                    let _ = write!(out, ",{}.{:02}", hundredths / 100, hundredths % 100);
                }
                None => out.push(b','),
            }
        }
        let a = &model.assessment;
        let mut sep = b',';
        for (p, _) in a
            .profiles
            .iter()
            .zip(&self.scores.profiles)
            .filter(|(_, m)| **m)
        {
            out.push(sep);
            out.extend_from_slice(p.id.as_bytes());
            sep = b'|';
        }
        if sep == b',' {
            out.push(b',');
        }
        let mut sep = b',';
        for &r in &self.scores.recommendations {
            out.push(sep);
            out.extend_from_slice(a.recommendations[r as usize].id.as_bytes());
            sep = b'|';
        }
        if sep == b',' {
            out.push(b',');
        }
        out.push(b'\n');
    }

    /// Hands over what this worker wrote, in order.
    fn flush(&mut self, out: &mut impl Write) -> io::Result<()> {
        out.write_all(&self.out)?;
        io::stderr().write_all(&self.err)?;
        self.out.clear();
        self.err.clear();
        Ok(())
    }
}

/// Lines read and scored per round; the memory used stays at about this many lines.
const CHUNK: usize = 8192;

/// Scores every response from `input` and writes CSV rows to `out`; returns the summary.
///
/// JSON Lines are read in chunks and scored by one worker per core, each on its own buffers;
/// rows and messages are written in input order.
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
    let mut summary = Worker::new(model).summary;
    summary.labels = a.dimensions.iter().map(|d| d.id.clone()).collect();

    match format {
        Input::Jsonl => {
            let n_workers = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
            let mut workers: Vec<Worker> = (0..n_workers).map(|_| Worker::new(model)).collect();
            let mut lines: Vec<String> = Vec::new();
            let mut line_no = 0u64;
            loop {
                let mut n = 0;
                while n < CHUNK {
                    if lines.len() <= n {
                        lines.push(String::new());
                    }
                    lines[n].clear();
                    if input.read_line(&mut lines[n])? == 0 {
                        break;
                    }
                    n += 1;
                }
                if n == 0 {
                    break;
                }
                let first = line_no + 1;
                line_no += n as u64;
                let per = n.div_ceil(n_workers);
                std::thread::scope(|scope| {
                    for (w, (worker, part)) in
                        workers.iter_mut().zip(lines[..n].chunks(per)).enumerate()
                    {
                        let start = first + (w * per) as u64;
                        scope.spawn(move || worker.lines(model, start, part));
                    }
                });
                for worker in &mut workers {
                    worker.flush(out)?;
                }
            }
            for worker in &workers {
                summary.add(&worker.summary);
            }
        }
        Input::Csv => {
            let mut worker = Worker::new(model);
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
                        worker.response = Response::new(model);
                        let parsed = csv_answers(model, &headers, &record)
                            .and_then(|answers| fill(model, &answers, &mut worker.response));
                        worker.row(model, line, Some(&id), parsed);
                    }
                    Err(e) => worker.row(model, line, None, Err(e.to_string())),
                }
                worker.flush(out)?;
            }
            summary.add(&worker.summary);
        }
    }
    Ok(summary)
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
