//! `sextant report`: score a batch of responses, streaming, one CSV row per respondent.
//!
//! Input is read line by line (JSON Lines) or record by record (CSV), so memory stays flat
//! whatever the input size. A malformed line is reported on stderr with its line number and
//! skipped, and the summary counts it: nothing is dropped silently.
//!
//! CSV input has a header of question ids (and optionally `id`, which names the respondent),
//! with columns separated by commas, semicolons or tabs. Cells hold a number, an option id,
//! `dont_know`, several option ids separated by `|`, points as `a:5|b:3|c:2`, or a level as `2`
//! or `2>4` (current > desired). An empty cell is unanswered. A line of JSON Lines is an answers
//! object (its `id` names the respondent) or an export of the widget.
//!
//! Input that cannot be what was meant (UTF-16 text, a CSV header that names no question) is
//! refused before anything is written.

use std::collections::{BTreeMap, VecDeque};
use std::fmt;
use std::io::{self, BufRead, Read, Write};
use std::sync::{mpsc, Arc, Mutex};

use sextant_engine::load::MAX_ANSWERS_BYTES;
use sextant_engine::model::QuestionType;
use sextant_engine::save::{csv_field, RestoreError, EXPORT_FORMAT};
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
    /// Whether there were lines to score and none of them could be.
    pub fn nothing_scored(&self) -> bool {
        self.rows == 0 && self.skipped > 0
    }

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

    /// Scores the JSON Lines in `bytes`, the first of which is line `first` of the input.
    fn block(&mut self, model: &Model, first: u64, bytes: &[u8]) {
        let mut start = 0;
        let lines = std::iter::from_fn(|| {
            (start < bytes.len()).then(|| {
                let end = find_newline(bytes, start).unwrap_or(bytes.len());
                let line = &bytes[start..end];
                start = end + 1;
                line
            })
        });
        for (line_no, line) in (first..).zip(lines) {
            let parsed = match std::str::from_utf8(line) {
                Ok(text) => {
                    // A byte order mark (Windows editors write one) is not part of the line,
                    // and a line of nothing but spaces or NUL bytes is no respondent.
                    let text = text
                        .trim_matches(|c: char| c.is_whitespace() || c == '\0' || c == '\u{feff}');
                    if text.is_empty() {
                        continue;
                    }
                    if text.len() > MAX_ANSWERS_BYTES {
                        Err(format!(
                            "the line is longer than the limit of {MAX_ANSWERS_BYTES} bytes"
                        ))
                    } else {
                        self.parse(model, text)
                    }
                }
                Err(e) => Err(format!(
                    "not valid UTF-8 (byte {} of the line)",
                    e.valid_up_to() + 1
                )),
            };
            match parsed {
                Ok(id) => self.row(model, line_no, id.as_deref(), Ok(())),
                Err(e) => self.row(model, line_no, None, Err(e)),
            }
        }
    }

    /// Reads one line of JSON Lines into `self.response`: an answers object, in which `id`
    /// names the respondent (unless the assessment has a question `id`), or an export of the
    /// widget. Returns the respondent's name, if the line gives one.
    fn parse(&mut self, model: &Model, text: &str) -> Result<Option<String>, String> {
        if is_export(text) {
            self.response = import(model, text)?;
            return Ok(None);
        }
        let mut errors = self.response.parse_into(model, text)?;
        let mut id = None;
        if model.question_index("id").is_none() {
            // The engine knows no `id`: the key is taken out of its messages and read here,
            // only on the lines that have it.
            let before = errors.len();
            let unknown_id = sextant_engine::answers::no_such_question("id");
            errors.retain(|e| *e != unknown_id);
            if errors.len() < before {
                id = respondent(text)?;
            }
        }
        if errors.is_empty() {
            Ok(id)
        } else {
            Err(errors.join("; "))
        }
    }

    /// Writes the row for the response in `self.response`, or skips the line with `error`.
    fn row(&mut self, model: &Model, line: u64, id: Option<&str>, parsed: Result<(), String>) {
        if let Err(e) = parsed {
            let _ = writeln!(self.err, "line {line}: skipped: {e}");
            self.summary.skipped += 1;
            return;
        }
        model.score_into(&self.response, &mut self.scores);
        self.summary.rows += 1;
        let out = &mut self.out;
        push_int(out, line as i64);
        out.push(b',');
        match id {
            Some(id) => out.extend_from_slice(csv_field(id).as_bytes()),
            None => push_int(out, line as i64),
        }
        for (i, s) in self.scores.score.iter().enumerate() {
            out.push(b',');
            if let Some(s) = s {
                self.summary.sums[i] += s;
                self.summary.counts[i] += 1;
                push_hundredths(out, *s);
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

/// The respondent's name that a line of JSON Lines gives in its `id`: a string or a number;
/// `None` for an empty string or `null` (the row is named by its line, as in CSV).
fn respondent(text: &str) -> Result<Option<String>, String> {
    #[derive(serde::Deserialize)]
    struct Named {
        id: Option<serde_json::Value>,
    }
    // The line is valid JSON (the engine read it first): what can fail is an `id` given twice.
    let named: Named = serde_json::from_str(text).map_err(|e| {
        if e.to_string().starts_with("duplicate field") {
            "`id` is given twice: name the respondent once".to_owned()
        } else {
            format!("`id`: {}", without_position(&e))
        }
    })?;
    match named.id {
        Some(serde_json::Value::String(id)) if !id.trim().is_empty() => {
            Ok(Some(id.trim().to_owned()))
        }
        Some(serde_json::Value::Number(n)) => Ok(Some(n.to_string())),
        None | Some(serde_json::Value::Null | serde_json::Value::String(_)) => Ok(None),
        Some(_) => Err(
            "`id` names the respondent: write it as a string or a number, such as \"ann\" or 17"
                .to_owned(),
        ),
    }
}

/// A JSON error's message without serde's "at line 1 column 9" (a line is one line).
fn without_position(e: &serde_json::Error) -> String {
    let m = e.to_string();
    match m.rfind(" at line ") {
        Some(i) => m[..i].to_owned(),
        None => m,
    }
}

/// Whether `text` is an export of the widget (`"format": "sextant-export/1"`) rather than an
/// answers object. Only text that holds the format's name is parsed to tell.
pub fn is_export(text: &str) -> bool {
    #[derive(serde::Deserialize)]
    struct Head {
        format: Option<serde_json::Value>,
    }
    text.contains(EXPORT_FORMAT)
        && serde_json::from_str::<Head>(text)
            .is_ok_and(|h| h.format.as_ref().and_then(|f| f.as_str()) == Some(EXPORT_FORMAT))
}

/// The answers of an export of the widget, strictly: an export of another assessment is
/// refused, and so is one with an answer that does not fit this assessment (the engine's
/// import would leave it out; the answers of a file or a line are scored whole or not at all).
pub fn import(model: &Model, text: &str) -> Result<Response, String> {
    match model.import(text) {
        Ok(restored) if restored.skipped.is_empty() => Ok(restored.response),
        Ok(restored) => Err(restored
            .skipped
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("; ")),
        Err(e @ RestoreError::OtherAssessment { .. }) => Err(format!(
            "the export was {e}: score it with that assessment's file"
        )),
        Err(e) => Err(format!(
            "the export is {e}: export the scan again from the widget"
        )),
    }
}

/// Bytes of JSON Lines read at a time.
const BLOCK: usize = 4 << 20;
/// Parts a block is split into, at line ends: the unit of work of one worker.
const PARTS: usize = 8;

/// A part of a block for a worker to score.
struct Job {
    seq: u64,
    block: Arc<Vec<u8>>,
    range: std::ops::Range<usize>,
    first_line: u64,
}

/// A scored part: its rows and its messages.
struct Done {
    seq: u64,
    out: Vec<u8>,
    err: Vec<u8>,
}

/// Scores JSON Lines with `n_workers` threads and writes rows and messages in input order;
/// returns each worker's summary.
///
/// The calling thread reads blocks, splits them into parts and queues them; the workers take
/// parts as they become free, so no worker waits for another. At most `4 × n_workers` parts
/// wait in the queue, so memory stays at a few blocks whatever the input size.
fn pipeline(
    model: &Model,
    input: impl Read,
    n_workers: usize,
    out: &mut impl Write,
    messages: &mut impl Write,
) -> io::Result<Vec<Summary>> {
    let (job_tx, job_rx) = mpsc::sync_channel::<Job>(n_workers * 4);
    let job_rx = Mutex::new(job_rx);
    let (done_tx, done_rx) = mpsc::channel::<Done>();
    let mut blocks = Blocks::new(input);
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..n_workers)
            .map(|_| {
                let done_tx = done_tx.clone();
                let job_rx = &job_rx;
                scope.spawn(move || {
                    let mut worker = Worker::new(model);
                    loop {
                        let job = match job_rx.lock() {
                            Ok(rx) => rx.recv(),
                            Err(_) => break,
                        };
                        let Ok(job) = job else { break };
                        worker.block(model, job.first_line, &job.block[job.range.clone()]);
                        let done = Done {
                            seq: job.seq,
                            out: std::mem::take(&mut worker.out),
                            err: std::mem::take(&mut worker.err),
                        };
                        drop(job);
                        if done_tx.send(done).is_err() {
                            break;
                        }
                    }
                    worker.summary
                })
            })
            .collect();
        drop(done_tx);

        let mut writer = InOrder::default();
        let mut in_flight: VecDeque<Arc<Vec<u8>>> = VecDeque::new();
        let mut seq = 0u64;
        let read = (|| -> io::Result<()> {
            while let Some(block) = blocks.next()? {
                let parts = split(&block.bytes, block.first_line, PARTS);
                let bytes = Arc::new(block.bytes);
                for (range, first_line) in parts.into_iter().filter(|(r, _)| !r.is_empty()) {
                    let job = Job {
                        seq,
                        block: Arc::clone(&bytes),
                        range,
                        first_line,
                    };
                    if job_tx.send(job).is_err() {
                        return Ok(());
                    }
                    seq += 1;
                    while let Ok(done) = done_rx.try_recv() {
                        writer.add(done, out, messages)?;
                    }
                }
                in_flight.push_back(bytes);
                // Reuse the buffers of blocks every worker is done with.
                while in_flight.front().is_some_and(|b| Arc::strong_count(b) == 1) {
                    if let Some(Ok(buf)) = in_flight.pop_front().map(Arc::try_unwrap) {
                        blocks.recycle(buf);
                    }
                }
            }
            Ok(())
        })();
        drop(job_tx);
        let mut written = Ok(());
        for done in done_rx.iter() {
            if written.is_ok() {
                written = writer.add(done, out, messages);
            }
        }
        let summaries = workers
            .into_iter()
            .map(|w| w.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
            .collect();
        read.and(written).map(|()| summaries)
    })
}

/// Writes scored parts in input order, holding back those that finish early.
#[derive(Default)]
struct InOrder {
    next: u64,
    waiting: BTreeMap<u64, Done>,
}

impl InOrder {
    fn add(
        &mut self,
        done: Done,
        out: &mut impl Write,
        messages: &mut impl Write,
    ) -> io::Result<()> {
        self.waiting.insert(done.seq, done);
        while let Some(done) = self.waiting.remove(&self.next) {
            out.write_all(&done.out)?;
            messages.write_all(&done.err)?;
            self.next += 1;
        }
        Ok(())
    }
}

/// Scores every response from `input` and writes CSV rows to `out`; returns the summary.
///
/// JSON Lines are read in chunks and scored by one worker per core, each on its own buffers;
/// rows and messages are written in input order. Input that cannot be read as a whole (UTF-16
/// text, a CSV header that names no question) is refused before anything is written to `out`.
pub fn report(
    model: &Model,
    mut input: impl BufRead,
    format: Input,
    out: &mut impl Write,
) -> io::Result<Summary> {
    check_encoding(&mut input)?;
    let a = &model.assessment;
    let mut summary = Worker::new(model).summary;
    summary.labels = a.dimensions.iter().map(|d| d.id.clone()).collect();

    match format {
        Input::Jsonl => {
            write_header(model, out)?;
            let n_workers = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
            for part in pipeline(model, input, n_workers, out, &mut io::stderr())? {
                summary.add(&part);
            }
        }
        Input::Csv => {
            // Line by line: a row is one line (answers never hold a line break), so a stray
            // quote spoils its own row only, and every row keeps its line number.
            let mut worker = Worker::new(model);
            let mut line = Vec::new();
            let mut number = 0u64;
            let header = loop {
                number += 1;
                match read_line(&mut input, &mut line)? {
                    None => {
                        write_header(model, out)?;
                        return Ok(summary);
                    }
                    Some(_) if blank(&line, None) => {}
                    Some(too_long) => break (number, too_long),
                }
            };
            let text = String::from_utf8_lossy(&line);
            let text = text.trim_start_matches('\u{feff}');
            let delimiter = separator(model, text);
            let headers = match (header.1, csv_record(text, delimiter)) {
                (false, Ok(h)) => h,
                (true, _) => return Err(invalid(format!("line {}: the header line is longer than the limit of {MAX_ANSWERS_BYTES} bytes", header.0))),
                (false, Err(e)) => return Err(invalid(format!("line {}: the header: {e}", header.0))),
            };
            // Names as written, without the spaces around them (`q2 `).
            let headers: csv::StringRecord = headers.iter().map(str::trim).collect();
            check_header(model, &headers, header.0, delimiter)?;
            // A column that is no question (a timestamp, an e-mail address) is left out, once
            // said. Columns without a name (Excel writes `,,` after the last one) are left out
            // without a word.
            for name in headers.iter().filter(|name| !name.is_empty()) {
                if !names_respondent(model, name) && model.question_index(name).is_none() {
                    eprintln!(
                        "line {}: column `{}` is not a question id, and is left out",
                        header.0,
                        clip(name)
                    );
                }
            }
            write_header(model, out)?;
            let id_column = headers.iter().position(|h| names_respondent(model, h));
            while let Some(too_long) = read_line(&mut input, &mut line)? {
                number += 1;
                if blank(&line, Some(delimiter)) {
                    continue;
                }
                let record = if too_long {
                    Err(format!(
                        "the line is longer than the limit of {MAX_ANSWERS_BYTES} bytes"
                    ))
                } else {
                    std::str::from_utf8(&line)
                        .map_err(|e| {
                            format!("not valid UTF-8 (byte {} of the line)", e.valid_up_to() + 1)
                        })
                        .and_then(|text| csv_record(text, delimiter))
                        .and_then(|record| {
                            if record.len() == headers.len() {
                                Ok(record)
                            } else {
                                Err(format!(
                                    "{} column(s); the header has {}",
                                    record.len(),
                                    headers.len()
                                ))
                            }
                        })
                };
                match record {
                    Ok(record) => {
                        let id = id_column
                            .and_then(|i| record.get(i))
                            .map(str::trim)
                            .filter(|id| !id.is_empty())
                            .map_or_else(|| number.to_string(), str::to_owned);
                        worker.response = Response::new(model);
                        let parsed = csv_answers(model, &headers, &record, delimiter)
                            .and_then(|answers| fill(model, &answers, &mut worker.response));
                        worker.row(model, number, Some(&id), parsed);
                    }
                    Err(e) => worker.row(model, number, None, Err(e)),
                }
                worker.flush(out)?;
            }
            summary.add(&worker.summary);
        }
    }
    Ok(summary)
}

/// Writes the header of the output: `line,id`, a column per dimension, the profiles matched
/// and the recommendations triggered.
fn write_header(model: &Model, out: &mut impl Write) -> io::Result<()> {
    write!(out, "line,id")?;
    for d in &model.assessment.dimensions {
        write!(out, ",{}", d.id)?;
    }
    writeln!(out, ",profiles,recommendations")
}

/// Refuses input that is not UTF-8 text, told from its first bytes: UTF-16 (what Windows
/// calls "Unicode text") or a gzip file. Read line by line, it would be skipped line by line,
/// or worse, scored as respondents without answers.
fn check_encoding(input: &mut impl BufRead) -> io::Result<()> {
    let head = input.fill_buf()?;
    let head = String::from_utf8_lossy(&head[..head.len().min(64)]);
    match sextant_engine::load::encoding_problem(&head) {
        Some(problem) => Err(invalid(problem.to_owned())),
        None => Ok(()),
    }
}

/// Whether column or key `name` names the respondent rather than answering a question: `id`,
/// unless the assessment has a question of that id.
fn names_respondent(model: &Model, name: &str) -> bool {
    name == "id" && model.question_index(name).is_none()
}

/// The separator between the columns of a CSV file, told from its header: a comma, a
/// semicolon (Excel in a language that writes a decimal comma) or a tab (Excel's "Text (tab
/// delimited)"). The one that finds the most question ids wins; on a tie (none found, say), a
/// semicolon when the header has no comma, a tab when it has neither, else a comma.
fn separator(model: &Model, header: &str) -> u8 {
    let likely = if header.contains(',') {
        b','
    } else if header.contains(';') {
        b';'
    } else if header.contains('\t') {
        b'\t'
    } else {
        b','
    };
    let questions = |delimiter: u8| {
        csv_record(header, delimiter).map_or(0, |record| {
            record
                .iter()
                .filter(|name| model.question_index(name.trim()).is_some())
                .count()
        })
    };
    let mut best = (likely, questions(likely));
    for delimiter in [b',', b';', b'\t'] {
        let found = questions(delimiter);
        if found > best.1 {
            best = (delimiter, found);
        }
    }
    best.0
}

/// Refuses a header that names a column twice (one of its answers would be left out) or that
/// names no question at all (every row would score as a respondent without answers: a file of
/// another assessment, or columns separated by something else).
fn check_header(
    model: &Model,
    headers: &csv::StringRecord,
    line: u64,
    delimiter: u8,
) -> io::Result<()> {
    let mut named = std::collections::BTreeSet::new();
    for name in headers.iter().filter(|name| !name.is_empty()) {
        if !named.insert(name) {
            return Err(invalid(format!(
                "line {line}: the header names column `{}` twice",
                clip(name)
            )));
        }
    }
    if headers.iter().any(|h| model.question_index(h).is_some()) {
        return Ok(());
    }
    const SHOWN: usize = 8;
    let mut found: Vec<String> = headers
        .iter()
        .filter(|name| !name.is_empty())
        .take(SHOWN)
        .map(|name| format!("`{}`", clip(name)))
        .collect();
    if named.len() > SHOWN {
        found.push(format!("and {} more", named.len() - SHOWN));
    }
    let found = if found.is_empty() {
        "no column names".to_owned()
    } else {
        format!("the column(s) {}", found.join(", "))
    };
    let separated = match delimiter {
        b';' => "semicolons",
        b'\t' => "tabs",
        _ => "commas",
    };
    let examples: Vec<String> = (0..model.question_count().min(3))
        .map(|i| format!("`{}`", model.question(i).id))
        .collect();
    Err(invalid(format!(
        "line {line}: the header has {found} (separated by {separated}), and none is a question \
         id of this assessment: check that the file is for this assessment, and that its first \
         line names the questions ({}, …), separated by commas, semicolons or tabs",
        examples.join(", ")
    )))
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

fn invalid(message: String) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, message)
}

/// Whether a line holds no respondent: nothing but spaces (and a CR), NUL bytes (what a text
/// editor may leave at the end of a file) and, in a row after the header, `delimiter` (a row of
/// empty cells, as a spreadsheet writes below its last row).
fn blank(line: &[u8], delimiter: Option<u8>) -> bool {
    line.iter()
        .all(|&b| b.is_ascii_whitespace() || b == 0 || Some(b) == delimiter)
}

/// Reads the next line into `line`, without its line end, keeping at most
/// [`MAX_ANSWERS_BYTES`] of it. `None` at the end of the input; `Some(true)` when the line was
/// longer (the rest is skipped).
fn read_line(input: &mut impl BufRead, line: &mut Vec<u8>) -> io::Result<Option<bool>> {
    line.clear();
    let mut too_long = false;
    let mut any = false;
    loop {
        let buf = input.fill_buf()?;
        if buf.is_empty() {
            break;
        }
        any = true;
        let (part, done) = match buf.iter().position(|&b| b == b'\n') {
            Some(at) => (&buf[..at], Some(at + 1)),
            None => (buf, None),
        };
        let room = MAX_ANSWERS_BYTES.saturating_sub(line.len());
        too_long |= part.len() > room;
        line.extend_from_slice(&part[..part.len().min(room)]);
        let used = done.unwrap_or(buf.len());
        input.consume(used);
        if done.is_some() {
            break;
        }
    }
    if line.last() == Some(&b'\r') {
        line.pop();
    }
    Ok(any.then_some(too_long))
}

/// One line of CSV as a record. A quote that is not closed is an error: the csv crate would
/// take the rest of the line as the field's value.
fn csv_record(text: &str, delimiter: u8) -> Result<csv::StringRecord, String> {
    if text.matches('"').count() % 2 == 1 {
        return Err("a quote (\") is not closed".to_owned());
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut record = csv::StringRecord::new();
    match reader.read_record(&mut record) {
        Ok(_) => Ok(record),
        Err(e) => Err(e.to_string()),
    }
}

/// A cell or header as quoted in a message: at most 60 characters.
fn clip(text: &str) -> String {
    match text.char_indices().nth(60) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_owned(),
    }
}

/// Parses one CSV record into answers, by each question's type. Numbers are written by the
/// separator: `2.5` between commas, `2,5` between semicolons (the Dutch way), either between
/// tabs.
fn csv_answers(
    model: &Model,
    headers: &csv::StringRecord,
    record: &csv::StringRecord,
    delimiter: u8,
) -> Result<Answers, String> {
    let mut answers = BTreeMap::new();
    for (header, cell) in headers.iter().zip(record.iter()) {
        let cell = cell.trim();
        // The columns that are no question (`id`, which names the respondent, among them) were
        // named once, when the header was read.
        let Some(qi) = model.question_index(header).filter(|_| !cell.is_empty()) else {
            continue;
        };
        let bad = || format!("column `{header}`: cannot read `{}`", clip(cell));
        let answer = if cell == sextant_engine::answers::DONT_KNOW {
            Answer::DontKnow
        } else {
            match model.question(qi).kind {
                QuestionType::Likert | QuestionType::Bipolar | QuestionType::Number => {
                    // Semicolon CSV is written the Dutch way: "1.000" is a thousand,
                    // "2,5" two and a half (the widget's own reader). Between tabs, a number
                    // is read with a decimal point, or else the Dutch way.
                    let dutch = || sextant_engine::typed::read_number(cell, "nl");
                    let number = match delimiter {
                        b';' => dutch(),
                        b'\t' => cell.parse().ok().or_else(dutch),
                        _ => cell.parse().ok(),
                    };
                    Answer::Number(number.ok_or_else(bad)?)
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

/// A run of whole lines, and the number of its first line.
struct Block {
    bytes: Vec<u8>,
    first_line: u64,
}

/// Reads JSON Lines in blocks of about [`BLOCK`] bytes that end at a line end.
///
/// A line longer than a block cannot be valid answers ([`MAX_ANSWERS_BYTES`] is far smaller), so
/// only its start is kept: enough for the worker to report it as too long, in its place.
struct Blocks<R> {
    input: R,
    /// The start of a line that the previous block cut off.
    carry: Vec<u8>,
    /// Buffers handed back, to be reused.
    spare: Vec<Vec<u8>>,
    next_line: u64,
    done: bool,
}

impl<R: io::Read> Blocks<R> {
    fn new(input: R) -> Self {
        Blocks {
            input,
            carry: Vec::new(),
            spare: Vec::new(),
            next_line: 1,
            done: false,
        }
    }

    fn recycle(&mut self, buf: Vec<u8>) {
        self.spare.push(buf);
    }

    /// The next block, or `None` at the end of the input.
    fn next(&mut self) -> io::Result<Option<Block>> {
        let mut buf = self.spare.pop().unwrap_or_default();
        buf.clear();
        buf.append(&mut self.carry);
        while buf.len() < BLOCK && !self.done {
            let want = (BLOCK - buf.len()) as u64;
            if (&mut self.input).take(want).read_to_end(&mut buf)? == 0 {
                self.done = true;
            }
        }
        if buf.is_empty() {
            return Ok(None);
        }
        match buf.iter().rposition(|&b| b == b'\n') {
            Some(end) => self.carry.extend_from_slice(&buf[end + 1..]),
            None if self.done => {}
            None => {
                // One line fills the whole block: keep its start, drop the rest of it.
                buf.truncate(MAX_ANSWERS_BYTES + 1);
                self.skip_line()?;
            }
        }
        if let Some(end) = buf.iter().rposition(|&b| b == b'\n') {
            buf.truncate(end + 1);
        }
        let first_line = self.next_line;
        self.next_line += count_newlines(&buf) + u64::from(buf.last() != Some(&b'\n'));
        Ok(Some(Block {
            bytes: buf,
            first_line,
        }))
    }

    /// Drops input up to and including the next line end; what follows it is carried over.
    fn skip_line(&mut self) -> io::Result<()> {
        let mut chunk = vec![0u8; 1 << 16];
        loop {
            let n = match self.input.read(&mut chunk) {
                Ok(0) => {
                    self.done = true;
                    return Ok(());
                }
                Ok(n) => n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if let Some(i) = chunk[..n].iter().position(|&b| b == b'\n') {
                self.carry.extend_from_slice(&chunk[i + 1..n]);
                return Ok(());
            }
        }
    }
}

/// Splits a block into `n` parts of about equal size at line ends, each with its first line.
fn split(bytes: &[u8], first_line: u64, n: usize) -> Vec<(std::ops::Range<usize>, u64)> {
    let mut parts = Vec::with_capacity(n);
    let mut start = 0;
    let mut line = first_line;
    for k in 1..=n {
        let end = if k == n {
            bytes.len()
        } else {
            let target = (bytes.len() * k / n).max(start);
            find_newline(bytes, target).map_or(bytes.len(), |i| i + 1)
        };
        parts.push((start..end, line));
        line += count_newlines(&bytes[start..end]);
        start = end;
    }
    parts
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `word` that is a line end, and no other bit.
#[inline(always)]
fn newline_bits(word: u64) -> u64 {
    let x = word ^ (ONES * u64::from(b'\n'));
    // A byte's high bit ends up set exactly when the byte is not zero; no carry crosses bytes.
    !(((x & !HIGHS).wrapping_add(!HIGHS)) | x) & HIGHS
}

/// The index of the first line end at or after `from`, eight bytes at a time.
fn find_newline(bytes: &[u8], from: usize) -> Option<usize> {
    let rest = bytes.get(from..)?;
    let mut words = rest.chunks_exact(8);
    for (k, chunk) in words.by_ref().enumerate() {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        let bits = newline_bits(word);
        if bits != 0 {
            return Some(from + k * 8 + bits.trailing_zeros() as usize / 8);
        }
    }
    let tail = words.remainder();
    let done = rest.len() - tail.len();
    tail.iter()
        .position(|&b| b == b'\n')
        .map(|i| from + done + i)
}

/// How many line ends `bytes` holds, eight bytes at a time.
fn count_newlines(bytes: &[u8]) -> u64 {
    let mut words = bytes.chunks_exact(8);
    let mut n = 0u64;
    for chunk in words.by_ref() {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        n += u64::from(newline_bits(word).count_ones());
    }
    n + words.remainder().iter().filter(|&&b| b == b'\n').count() as u64
}

/// Appends a whole number in decimal.
fn push_int(out: &mut Vec<u8>, n: i64) {
    if n < 0 {
        out.push(b'-');
    }
    let mut n = n.unsigned_abs();
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[i..]);
}

/// Appends a number with two decimals, rounded half away from zero (as `{:.2}` would print it
/// for the scores' 0–100 range, without the cost of exact float formatting).
fn push_hundredths(out: &mut Vec<u8>, x: f64) {
    let hundredths = (x * 100.0).round() as i64;
    if hundredths < 0 {
        out.push(b'-');
    }
    let h = hundredths.unsigned_abs();
    push_int(out, (h / 100) as i64);
    out.push(b'.');
    out.push(b'0' + (h % 100 / 10) as u8);
    out.push(b'0' + (h % 10) as u8);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_ends_are_found_and_counted_like_a_byte_scan() {
        let mut rng = sextant_engine::simulate::Rng::new(3);
        for len in 0..200 {
            let bytes: Vec<u8> = (0..len)
                .map(|_| match rng.below(6) {
                    0 => b'\n',
                    1 => 0x8a, // a byte whose low bits match a line end
                    2 => 0x0b,
                    3 => 0x09,
                    _ => b'a' + rng.below(26) as u8,
                })
                .collect();
            let expected = bytes.iter().filter(|&&b| b == b'\n').count() as u64;
            assert_eq!(count_newlines(&bytes), expected, "{bytes:?}");
            for from in 0..=len {
                let expected = bytes[from..]
                    .iter()
                    .position(|&b| b == b'\n')
                    .map(|i| from + i);
                assert_eq!(
                    find_newline(&bytes, from),
                    expected,
                    "{bytes:?} from {from}"
                );
            }
        }
    }

    #[test]
    fn blocks_end_at_line_ends_and_number_their_lines() {
        let text: String = (1..=50_000).map(|i| format!("{{\"n\": {i}}}\n")).collect();
        let mut blocks = Blocks::new(text.as_bytes());
        let mut seen = 0u64;
        while let Some(block) = blocks.next().unwrap() {
            assert_eq!(block.first_line, seen + 1);
            assert_eq!(block.bytes.last(), Some(&b'\n'));
            for (range, first) in split(&block.bytes, block.first_line, 3) {
                let part = &block.bytes[range];
                let first_text = std::str::from_utf8(part).unwrap().lines().next();
                if let Some(line) = first_text {
                    assert_eq!(line, format!("{{\"n\": {first}}}"));
                }
            }
            seen += count_newlines(&block.bytes);
            blocks.recycle(block.bytes);
        }
        assert_eq!(seen, 50_000);
    }

    #[test]
    fn a_line_longer_than_a_block_keeps_only_its_start() {
        let mut text = b"{}\n".to_vec();
        text.extend(std::iter::repeat_n(b'x', BLOCK * 2 + 5));
        text.extend_from_slice(b"\n{\"last\": 1}");
        let mut blocks = Blocks::new(text.as_slice());
        let mut lines = Vec::new();
        while let Some(block) = blocks.next().unwrap() {
            let parts = block.bytes.split(|&b| b == b'\n').filter(|l| !l.is_empty());
            for (line, part) in (block.first_line..).zip(parts) {
                lines.push((line, part.len()));
            }
        }
        assert_eq!(
            lines,
            vec![(1, 2), (2, MAX_ANSWERS_BYTES + 1), (3, 11)],
            "line numbers and lengths"
        );
    }

    #[test]
    fn the_pipeline_writes_rows_and_messages_in_input_order() {
        let json = include_str!("../../e2e/fixtures/small.json");
        let model = Model::load(json).unwrap().model;
        // 300,000 lines, 9 MB: three blocks, many parts; every 7th line is malformed.
        let n = 300_000u64;
        let mut input = String::new();
        let mut expected = Vec::new();
        for line in 1..=n {
            if line % 7 == 0 {
                input.push_str("{\"q1\": 9}\n");
            } else {
                let q1 = line % 5 + 1;
                input.push_str(&format!("{{\"q1\": {q1}, \"q2\": 3, \"q3\": 3}}\n"));
                expected.push(line);
            }
        }
        for workers in [1, 3] {
            let (mut out, mut messages) = (Vec::new(), Vec::new());
            let summaries =
                pipeline(&model, input.as_bytes(), workers, &mut out, &mut messages).unwrap();
            let rows: Vec<u64> = std::str::from_utf8(&out)
                .unwrap()
                .lines()
                .map(|row| row.split(',').next().unwrap().parse().unwrap())
                .collect();
            assert_eq!(rows, expected, "{workers} worker(s)");
            let rows: u64 = summaries.iter().map(|s| s.rows).sum();
            let skipped: u64 = summaries.iter().map(|s| s.skipped).sum();
            assert_eq!((rows, skipped), (expected.len() as u64, n / 7));
            let skipped: Vec<u64> = std::str::from_utf8(&messages)
                .unwrap()
                .lines()
                .map(|m| {
                    let rest = m.strip_prefix("line ").unwrap();
                    assert!(rest.ends_with(": skipped: answers.q1: 9 is not a point on the scale"));
                    rest.split(':').next().unwrap().parse().unwrap()
                })
                .collect();
            assert_eq!(skipped, (1..=n / 7).map(|k| k * 7).collect::<Vec<_>>());
        }
    }
}
