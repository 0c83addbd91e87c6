//! `sextant`: check, score, simulate and report on assessments, on the same engine as the widget.
//!
//! ```text
//! sextant check FILE                  every error and warning; exit 0 valid, 1 invalid, 2 unreadable
//! sextant score FILE ANSWERS.json     the full result as JSON, or --format text
//! sextant simulate FILE -n N          N random respondents: distributions and what fires
//! sextant schema                      the JSON Schema of the assessment format
//! sextant report FILE RESPONSES       a batch (JSON Lines or CSV) into one CSV row per respondent
//! ```

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use sextant_engine::load::{MAX_ASSESSMENT_BYTES, MAX_EXPORT_BYTES};
use sextant_engine::{Model, Response, Severity};

mod batch;

#[derive(Parser)]
#[command(
    name = "sextant",
    version,
    about = "Check, score and simulate Sextant assessments"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Validate an assessment file: every error and warning, with its path.
    Check {
        /// The assessment JSON file.
        file: PathBuf,
    },
    /// Score one set of answers.
    Score {
        /// The assessment JSON file.
        file: PathBuf,
        /// The answers: a JSON object of question id to answer, or an export of the widget.
        answers: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// The locale of the report's texts (default: the assessment's).
        #[arg(long)]
        locale: Option<String>,
    },
    /// Score N random respondents and show how each dimension is distributed.
    Simulate {
        /// The assessment JSON file.
        file: PathBuf,
        /// How many respondents.
        #[arg(short = 'n', default_value_t = 10_000)]
        n: u64,
        /// Seed for the random generator.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Print the respondents' answers as JSON Lines instead of the summary (input for `report`).
        #[arg(long)]
        jsonl: bool,
    },
    /// Print the JSON Schema of the assessment format.
    Schema,
    /// Score a batch of responses (JSON Lines or CSV) into CSV, one row per respondent.
    Report {
        /// The assessment JSON file.
        file: PathBuf,
        /// The responses: `.jsonl` or `.ndjson` (one answers object per line) or `.csv` (a column
        /// per question id, separated by commas, semicolons or tabs).
        responses: PathBuf,
        /// Input format (default: from the file extension; needed for any other extension).
        #[arg(long, value_enum)]
        input: Option<batch::Input>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
    Text,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli.command) {
        Ok(code) => code,
        Err(Failure { code, message }) => {
            if !message.is_empty() {
                eprintln!("sextant: {message}");
            }
            ExitCode::from(code)
        }
    }
}

/// A failure with its exit code: 1 for invalid input, 2 for unreadable input or output that
/// cannot be written. (Output to a pipe whose reader has gone, as with `| head`, ends quietly.)
struct Failure {
    code: u8,
    message: String,
}

fn unwritable(e: io::Error) -> Failure {
    if e.kind() == io::ErrorKind::BrokenPipe {
        return Failure {
            code: 0,
            message: String::new(),
        };
    }
    Failure {
        code: 2,
        message: format!("cannot write the output: {e}"),
    }
}

/// Writes `text` to standard output. A closed pipe is not an error here: the command still
/// ends with the exit code it decided on (`check` with 1 for an invalid file).
fn emit(text: &str) -> Result<(), Failure> {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(unwritable(e)),
        _ => Ok(()),
    }
}

/// A writer that remembers whether a write failed, to tell a failed write from a failed read.
struct Output<W> {
    inner: W,
    failed: bool,
}

impl<W: Write> Write for Output<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let result = self.inner.write(buf);
        self.failed |= result.is_err();
        result
    }
    fn flush(&mut self) -> io::Result<()> {
        let result = self.inner.flush();
        self.failed |= result.is_err();
        result
    }
}

fn unreadable(path: &Path, e: io::Error) -> Failure {
    Failure {
        code: 2,
        message: format!("cannot read {}: {e}", path.display()),
    }
}

/// Reads a UTF-8 file (without its byte order mark) of at most `limit` bytes; a UTF-16 or gzip
/// file is named as such. No more than the limit (and a little) is read: a larger file, or an
/// endless one such as `/dev/zero`, is refused without being held in memory.
fn read(path: &Path, limit: usize) -> Result<String, Failure> {
    use std::io::Read;
    const BOM: &[u8] = b"\xEF\xBB\xBF";
    let mut all = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take((limit + BOM.len() + 1) as u64).read_to_end(&mut all))
        .map_err(|e| unreadable(path, e))?;
    let bytes = all.strip_prefix(BOM).unwrap_or(&all);
    if bytes.len() > limit {
        let size = std::fs::metadata(path)
            .ok()
            .filter(std::fs::Metadata::is_file)
            .map_or_else(
                || format!("more than {limit} bytes"),
                |m| format!("{} bytes", m.len()),
            );
        return Err(Failure {
            code: 2,
            message: format!(
                "cannot read {}: the file is {size}; the limit is {limit} bytes",
                path.display()
            ),
        });
    }
    let skipped = all.len() - bytes.len();
    let cannot = |why: &str| Failure {
        code: 2,
        message: format!("cannot read {}: {why}", path.display()),
    };
    // UTF-16 without a byte order mark is valid UTF-8 (ASCII with zero bytes between): refused
    // here as well, with the same exit code as with the mark.
    if let Some(problem) = std::str::from_utf8(bytes)
        .ok()
        .and_then(sextant_engine::load::encoding_problem)
    {
        return Err(cannot(problem));
    }
    std::str::from_utf8(bytes).map(str::to_owned).map_err(|e| {
        let why = match sextant_engine::load::encoding_problem(&String::from_utf8_lossy(bytes)) {
            Some(problem) => problem.to_owned(),
            None => format!(
                "not valid UTF-8 (byte {}): save the file as UTF-8",
                skipped + e.valid_up_to() + 1
            ),
        };
        cannot(&why)
    })
}

fn load(path: &Path) -> Result<Model, Failure> {
    let json = read(path, MAX_ASSESSMENT_BYTES)?;
    Model::load(&json).map(|l| l.model).map_err(|e| Failure {
        code: 1,
        message: format!(
            "{} is not a valid assessment:\n{}",
            path.display(),
            e.diagnostics()
                .iter()
                .map(|d| format!("  {d}"))
                .collect::<Vec<_>>()
                .join("\n")
        ),
    })
}

fn run(command: Command) -> Result<ExitCode, Failure> {
    match command {
        Command::Check { file } => check(&file),
        Command::Score {
            file,
            answers,
            format,
            locale,
        } => {
            let model = load(&file)?;
            // An answers file, or an export (which also holds a report).
            let json = read(&answers, MAX_EXPORT_BYTES)?;
            let response = if batch::is_export(&json) {
                batch::import(&model, &json)
            } else {
                Response::from_json(&model, &json).map_err(|e| e.to_string())
            }
            .map_err(|e| Failure {
                code: 1,
                message: format!("{}: {e}", answers.display()),
            })?;
            let locale = match locale {
                Some(asked) => report_locale(&model, &asked),
                None => model.assessment.default_locale.clone(),
            };
            let report = model.report(&response, &locale);
            let out = match format {
                Format::Json => serde_json::to_string_pretty(&report).unwrap_or_default(),
                Format::Text => text_report(&report),
            };
            emit(&format!("{out}\n"))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Simulate {
            file,
            n,
            seed,
            jsonl,
        } => {
            let model = load(&file)?;
            if jsonl {
                let mut out = BufWriter::with_capacity(1 << 16, io::stdout().lock());
                let mut rng = sextant_engine::simulate::Rng::new(seed);
                let mut response = Response::new(&model);
                for _ in 0..n {
                    model.random_response(&mut rng, &mut response);
                    let line =
                        serde_json::to_string(&response.to_answers(&model)).unwrap_or_default();
                    writeln!(out, "{line}").map_err(unwritable)?;
                }
                out.flush().map_err(unwritable)?;
            } else {
                emit(&simulate(&model, n, seed))?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Schema => {
            emit(&format!("{}\n", schema()))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Report {
            file,
            responses,
            input,
        } => {
            let model = load(&file)?;
            let input = match input {
                Some(input) => input,
                None => input_format(&responses)?,
            };
            let reader = std::fs::File::open(&responses).map_err(|e| unreadable(&responses, e))?;
            let mut out = BufWriter::with_capacity(
                1 << 16,
                Output {
                    inner: io::stdout().lock(),
                    failed: false,
                },
            );
            let read = batch::report(
                &model,
                io::BufReader::with_capacity(1 << 16, reader),
                input,
                &mut out,
            );
            let written = out.flush();
            let summary = match read {
                Err(e) if out.get_ref().failed => return Err(unwritable(e)),
                result => result.map_err(|e| unreadable(&responses, e))?,
            };
            written.map_err(unwritable)?;
            eprint!("{summary}");
            // Every line skipped: the input is not what the assessment asks for.
            Ok(if summary.nothing_scored() {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
    }
}

/// The locale of the report for `--locale asked`: the assessment's locale that fits (`en` for
/// `en-GB`), or its default locale, with a warning, when none does.
fn report_locale(model: &Model, asked: &str) -> String {
    let locale = model.locale_for(asked);
    let language = sextant_engine::text::language;
    let fits = asked.split(',').map(str::trim).any(|want| {
        want.eq_ignore_ascii_case(&locale) || language(want).eq_ignore_ascii_case(language(&locale))
    });
    if !fits {
        let locales = model
            .locales()
            .iter()
            .map(|l| format!("`{l}`"))
            .collect::<Vec<_>>()
            .join(", ");
        eprintln!(
            "sextant: warning: the assessment has no locale `{asked}` (it has {locales}), so the \
             report is in `{locale}`: ask for one of its locales with --locale"
        );
    }
    locale
}

/// The input format of `report`, told from the extension of its file when `--input` is not
/// given: `.csv`, or `.jsonl`, `.ndjson` or `.json-lines` (in any case).
fn input_format(path: &Path) -> Result<batch::Input, Failure> {
    let extension = path.extension().map(|e| e.to_string_lossy());
    let refuse = |why: String| Failure {
        code: 2,
        message: format!(
            "cannot tell the format of {}: {why}: use --input csv (a header of question ids, \
             then a row per respondent) or --input jsonl (an answers object per line)",
            path.display()
        ),
    };
    match extension.as_deref().map(str::to_ascii_lowercase).as_deref() {
        Some("csv") => Ok(batch::Input::Csv),
        Some("jsonl" | "ndjson" | "json-lines") => Ok(batch::Input::Jsonl),
        Some("json") => Err(refuse(
            "its extension `.json` is neither `.csv` nor `.jsonl` (one answers object is \
             scored with `sextant score`)"
                .to_owned(),
        )),
        Some(_) => Err(refuse(format!(
            "its extension `.{}` is neither `.csv` nor `.jsonl`",
            extension.unwrap_or_default()
        ))),
        None => Err(refuse("it has no extension".to_owned())),
    }
}

fn check(file: &Path) -> Result<ExitCode, Failure> {
    let json = read(file, MAX_ASSESSMENT_BYTES)?;
    let diagnostics = Model::check(&json);
    let mut out = String::new();
    for d in &diagnostics {
        out += &format!("{}: {d}\n", file.display());
    }
    let errors = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = diagnostics.len() - errors;
    if errors > 0 {
        out += &format!(
            "{}: invalid: {errors} error(s), {warnings} warning(s)\n",
            file.display()
        );
        emit(&out)?;
        return Ok(ExitCode::from(1));
    }
    let model = Model::load(&json).map_err(|e| Failure {
        code: 1,
        message: e.to_string(),
    })?;
    let a = &model.model.assessment;
    out += &format!(
        "{}: ok: {} v{}, {} sections, {} questions, {} dimensions, {} profiles, {} recommendations, {warnings} warning(s)\n",
        file.display(),
        a.id,
        a.version,
        a.sections.len(),
        model.model.question_count(),
        a.dimensions.len(),
        a.profiles.len(),
        a.recommendations.len(),
    );
    emit(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// The JSON Schema of the assessment format, pretty-printed.
fn schema() -> String {
    let schema = schemars::schema_for!(sextant_engine::Assessment);
    serde_json::to_string_pretty(&schema).unwrap_or_default()
}

/// The words of the text report, in Dutch for a Dutch report and in English otherwise.
struct Words {
    scores: &'static str,
    insufficient: &'static str,
    does_not_apply: &'static str,
    coverage: &'static str,
    values: &'static str,
    profiles: &'static str,
    recommendations: &'static str,
    more: &'static str,
    because: &'static str,
    benchmarks: &'static str,
    source: &'static str,
}

const NL: Words = Words {
    scores: "Scores",
    insufficient: "te weinig",
    does_not_apply: "n.v.t.",
    coverage: "beantwoord",
    values: "Kerncijfers",
    profiles: "Profielen",
    recommendations: "Aanbevelingen",
    more: "Meer aanbevelingen",
    because: "omdat",
    benchmarks: "Ter vergelijking",
    source: "bron",
};

const EN: Words = Words {
    scores: "Scores",
    insufficient: "insufficient",
    does_not_apply: "n/a",
    coverage: "coverage",
    values: "Key figures",
    profiles: "Profiles",
    recommendations: "Recommendations",
    more: "More recommendations",
    because: "because",
    benchmarks: "For comparison",
    source: "source",
};

fn text_report(r: &sextant_engine::Report) -> String {
    let w = if sextant_engine::text::language(&r.locale).eq_ignore_ascii_case("nl") {
        &NL
    } else {
        &EN
    };
    let mut s = format!("{} ({} v{})\n", r.title, r.assessment, r.version);
    if let Some(h) = &r.headline {
        s += &format!("\n{h}\n");
    }
    s += &format!("\n{}\n", w.scores);
    for d in &r.dimensions {
        let score = match &d.display {
            Some(shown) => shown.clone(),
            None if d.does_not_apply => w.does_not_apply.into(),
            None => w.insufficient.into(),
        };
        let band = d
            .band
            .as_ref()
            .map(|b| format!("  [{}]", b.label))
            .unwrap_or_default();
        s += &format!(
            "  {:<40} {:>12}  {} {:>3.0}%{band}\n",
            d.label,
            score,
            w.coverage,
            d.coverage * 100.0
        );
    }
    if !r.benchmarks.is_empty() {
        s += &format!("\n{}\n", w.benchmarks);
        for b in &r.benchmarks {
            s += &format!("  {} ({}: {})\n", b.label, w.source, b.source);
            for d in &r.dimensions {
                if let Some(v) = b.values.get(&d.id) {
                    s += &format!(
                        "    {:<38} {:>12}\n",
                        d.label,
                        sextant_engine::report::format_score(*v)
                    );
                }
            }
        }
    }
    if !r.computed.is_empty() {
        s += &format!("\n{}\n", w.values);
        for c in &r.computed {
            s += &format!("  {:<40} {}\n", c.label, c.display);
        }
    }
    if !r.profiles.is_empty() {
        s += &format!("\n{}\n", w.profiles);
        for p in &r.profiles {
            s += &format!("  {}: {}\n", p.label, p.headline);
            if let Some(description) = &p.description {
                s += &format!("     {description}\n");
            }
        }
    }
    if !r.recommendations.is_empty() {
        s += &format!("\n{}\n", w.recommendations);
        for (i, rec) in r.recommendations.iter().enumerate() {
            if i == r.top_recommendations {
                s += &format!("\n{} ({})\n", w.more, r.recommendations.len() - i);
            }
            s += &format!(
                "  {}. [{}] {}\n     {}: {}\n",
                i + 1,
                rec.dimension_label,
                rec.title,
                w.because,
                rec.rule
            );
        }
    }
    s
}

fn simulate(model: &Model, n: u64, seed: u64) -> String {
    let sim = model.simulate(n, seed);
    let a = &model.assessment;
    let locale = &a.default_locale;
    let mut s = format!("{n} simulated respondents (seed {seed})\n\nDimensions\n");
    s += &format!(
        "  {:<28} {:>7} {:>6} {:>6} {:>6}  histogram 0–100 (10 bins, % of scored)\n",
        "dimension", "scored", "min", "mean", "max"
    );
    let mut warnings = Vec::new();
    for (dim, st) in a.dimensions.iter().zip(&sim.dimensions) {
        let bins: Vec<String> = st
            .histogram
            .iter()
            .map(|&c| format!("{:>3.0}", 100.0 * c as f64 / st.scored.max(1) as f64))
            .collect();
        let fmt = |x: f64| {
            if x.is_finite() {
                format!("{x:.1}")
            } else {
                "–".into()
            }
        };
        s += &format!(
            "  {:<28} {:>7} {:>6} {:>6} {:>6}  {}\n",
            dim.id,
            st.scored,
            fmt(st.min),
            st.mean().map_or("–".into(), fmt),
            fmt(st.max),
            bins.join(" ")
        );
        if !st.reaches_both_ends() {
            warnings.push(format!(
                "dimension `{}` does not reach both ends (min {}, max {})",
                dim.id,
                fmt(st.min),
                fmt(st.max)
            ));
        }
    }
    let pct = |c: u64| 100.0 * c as f64 / n.max(1) as f64;
    if !a.profiles.is_empty() {
        s += "\nProfiles (share of respondents matching)\n";
        for (p, &c) in a.profiles.iter().zip(&sim.profiles) {
            s += &format!(
                "  {:<36} {:>6.2}%  {}\n",
                p.id,
                pct(c),
                p.label.get(locale, locale)
            );
            if c == 0 {
                warnings.push(format!("profile `{}` never matched", p.id));
            }
        }
    }
    if !a.recommendations.is_empty() {
        s += "\nRecommendations (share of respondents triggering)\n";
        for (r, &c) in a.recommendations.iter().zip(&sim.recommendations) {
            s += &format!(
                "  {:<36} {:>6.2}%  {}\n",
                r.id,
                pct(c),
                r.title.get(locale, locale)
            );
            if c == 0 {
                warnings.push(format!("recommendation `{}` never triggered", r.id));
            }
        }
    }
    s += "\nWarnings\n";
    if warnings.is_empty() {
        s += "  none: every dimension reaches both ends, every profile and recommendation fires\n";
    }
    for w in warnings {
        s += &format!("  warning: {w}\n");
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn committed_schema_is_current() {
        let committed = include_str!("../../schema/sextant-1.schema.json");
        assert_eq!(
            committed.trim(),
            schema().trim(),
            "schema/sextant-1.schema.json is stale: run `cargo run -p sextant-cli -- schema > schema/sextant-1.schema.json`"
        );
    }
}
