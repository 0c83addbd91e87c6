//! Saved state (autosave), exports and imports.
//!
//! # Saved state
//! The widget saves after every answer, under [`Model::storage_key`], which names the assessment
//! and its version. A saved state is restored only when it is well-formed and belongs to the same
//! assessment and version; otherwise [`RestoreError`] says why, and the widget sets it aside.
//! Answers that no longer fit are left out and listed, never mis-loaded.
//!
//! # Several tabs
//! Every save carries a `revision` that only goes up, and a tab saves after every change. A tab
//! that sees another tab's save appear (the browser's `storage` event) takes it over when its
//! revision is higher than the tab's own: that tab had this one's latest save. A save of the same
//! or a lower revision was made at the same moment as this tab's latest, without it; the tab
//! merges it into its own answers with [`Response::merge`], question by question, against the
//! other tabs' previous save: a question changed in one tab only takes that tab's answer, so two
//! tabs that answer different questions at the same moment both keep their answers, and a
//! question both changed takes the answer of the higher revision (or, at the same revision, one
//! both tabs pick alike). When the merge holds anything the other tab's save lacks, the tab saves
//! it at a revision above both, and the other tab takes it over in turn. Past
//! [`MAX_REVISION`], which only a tampered save reaches, the last save wins.
//!
//! # Exports
//! An export holds the answers and the report as JSON ([`Export`]); importing it restores the
//! answers (also into a later version of the assessment, as far as they still fit). The scores
//! can also be exported as CSV ([`scores_csv`]).

use serde::{Deserialize, Serialize};

use crate::answers::{AnswerError, Answers, Response};
use crate::compile::Model;
use crate::load::{from_json, MAX_EXPORT_BYTES, MAX_SAVED_STATE_BYTES};
use crate::report::Report;
use crate::view::Step;

/// The format tag of saved state.
pub const STATE_FORMAT: &str = "sextant-state/1";
/// The highest revision a restored state keeps: larger ones (only a tampered value gets
/// there, at one per save) are read as this, so that later saves still count up from it.
/// It is 2^53, the largest integer that JavaScript holds exactly. A tab whose own revision has
/// reached it can no longer tell an older save from a newer one by revision (every save read
/// back is this), so there each save another tab makes is taken over as it is: the last save
/// wins.
pub const MAX_REVISION: u64 = 1 << 53;
/// A saved revision: a whole number of 0 or more, at most [`MAX_REVISION`].
fn revision<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    struct Revision;
    impl serde::de::Visitor<'_> for Revision {
        type Value = u64;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a revision: a number of 0 or more")
        }
        fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<u64, E> {
            Ok(v.min(MAX_REVISION))
        }
        fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<u64, E> {
            u64::try_from(v).map_err(|_| E::invalid_value(serde::de::Unexpected::Signed(v), &self))
        }
        fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<u64, E> {
            if v >= 0.0 {
                // Whole revisions only; a larger value than any save reaches is the limit.
                Ok(if v >= MAX_REVISION as f64 {
                    MAX_REVISION
                } else {
                    v as u64
                })
            } else {
                Err(E::invalid_value(serde::de::Unexpected::Float(v), &self))
            }
        }
    }
    d.deserialize_any(Revision)
}

/// The format tag of exports.
pub const EXPORT_FORMAT: &str = "sextant-export/1";

/// What is kept in storage for a scan in progress.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(from = "RawSavedState")]
pub struct SavedState {
    /// Always [`STATE_FORMAT`].
    pub format: String,
    /// Assessment id.
    pub assessment: String,
    /// Assessment version.
    pub version: String,
    /// Where the visitor was: `"welcome"`, `"report"` or a section id.
    pub step: String,
    /// The locale in use.
    pub locale: String,
    /// The language the host page asked for, when the visitor chose another one (`locale`):
    /// on loading, the visitor's choice is kept while the host asks for the same language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host_locale: Option<String>,
    /// Increases with every save (see the module docs on several tabs). Read from any
    /// number of 0 or more, in any spelling (`41`, `1e16`, `18446744073709551616`); one above
    /// [`MAX_REVISION`] is read as that.
    pub revision: u64,
    /// The answers, including allocations in progress.
    pub answers: Answers,
    /// The ids of saved answers that are no answer at all (`null`, `true`): left out when the
    /// state is read, and named like answers that no longer fit. Never written.
    #[serde(skip_serializing)]
    pub unreadable: Vec<String>,
}

/// Saved state as it is read: one unreadable answer does not make the whole state unreadable.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSavedState {
    format: String,
    assessment: String,
    version: String,
    step: String,
    locale: String,
    #[serde(default)]
    host_locale: Option<String>,
    #[serde(deserialize_with = "revision")]
    revision: u64,
    answers: std::collections::BTreeMap<String, SavedAnswer>,
}

/// A saved answer, or a value that is none.
#[derive(Deserialize)]
#[serde(untagged)]
enum SavedAnswer {
    Answer(crate::answers::Answer),
    Unreadable(serde::de::IgnoredAny),
}

/// The answers that read as answers, and the ids of those that do not.
fn readable(raw: std::collections::BTreeMap<String, SavedAnswer>) -> (Answers, Vec<String>) {
    let mut answers = Answers::new();
    let mut unreadable = Vec::new();
    for (id, answer) in raw {
        match answer {
            SavedAnswer::Answer(a) => {
                answers.insert(id, a);
            }
            SavedAnswer::Unreadable(_) => unreadable.push(id),
        }
    }
    (answers, unreadable)
}

/// An answer that is no answer at all (`null`, `true`, points below 0), named like answers
/// that no longer fit.
fn unreadable_answer(question: String) -> AnswerError {
    AnswerError {
        message: format!("the answer to `{question}` is not an answer of any kind"),
        question,
        code: "answer.unreadable",
    }
}

impl From<RawSavedState> for SavedState {
    fn from(raw: RawSavedState) -> Self {
        let (answers, unreadable) = readable(raw.answers);
        SavedState {
            format: raw.format,
            assessment: raw.assessment,
            version: raw.version,
            step: raw.step,
            locale: raw.locale,
            host_locale: raw.host_locale,
            revision: raw.revision,
            answers,
            unreadable,
        }
    }
}

/// A restored scan.
#[derive(Debug, Clone, PartialEq)]
pub struct Restored {
    /// The answers.
    pub response: Response,
    /// Where the visitor was.
    pub step: Step,
    /// The locale in use.
    pub locale: String,
    /// The language the host page asked for when the visitor chose `locale` instead; `None`
    /// when the host asked for none, or for `locale`.
    pub host_locale: Option<String>,
    /// The revision of the saved state.
    pub revision: u64,
    /// Answers that no longer fit and were left out.
    pub skipped: Vec<AnswerError>,
}

impl Restored {
    /// The language to show restored answers in, given the language the host page asks for
    /// now (`None`: it asks for none). The visitor's choice wins, unless the host asks for a
    /// language other than the one it asked for when the visitor chose: a page that changed its
    /// language (the English page of a site, after the Dutch one) is followed.
    pub fn locale_to_show<'a>(&'a self, host: Option<&'a str>) -> &'a str {
        match host {
            Some(host) if self.host_locale.as_deref() != Some(host) => host,
            _ => &self.locale,
        }
    }
}

/// Why saved state or an import was not restored.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum RestoreError {
    /// Not readable: not JSON, the wrong shape, or too large.
    Corrupted {
        /// What is wrong, with its path.
        detail: String,
    },
    /// Made for a different assessment.
    OtherAssessment {
        /// The assessment id it was made for.
        assessment: String,
    },
    /// Made for another version of this assessment.
    OtherVersion {
        /// The version it was made for.
        version: String,
    },
}

impl RestoreError {
    /// A stable machine code.
    pub fn code(&self) -> &'static str {
        match self {
            RestoreError::Corrupted { .. } => "state.corrupted",
            RestoreError::OtherAssessment { .. } => "state.other_assessment",
            RestoreError::OtherVersion { .. } => "state.other_version",
        }
    }
}

impl std::fmt::Display for RestoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RestoreError::Corrupted { detail } => write!(f, "unreadable: {detail}"),
            RestoreError::OtherAssessment { assessment } => {
                write!(f, "made for another assessment (`{assessment}`)")
            }
            RestoreError::OtherVersion { version } => {
                write!(f, "made for version {version} of this assessment")
            }
        }
    }
}

impl std::error::Error for RestoreError {}

/// An export: the answers and the report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Export {
    /// Always [`EXPORT_FORMAT`].
    pub format: String,
    /// Assessment id.
    pub assessment: String,
    /// Assessment version.
    pub version: String,
    /// The answers.
    pub answers: Answers,
    /// The report when exported (informative; an import takes only its locale and rescores the answers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report: Option<Report>,
}

/// What an import reads of an [`Export`]: of the report only its locale. Reading the whole
/// report would only check its shape, and that code would weigh on the wasm bundle.
#[derive(Deserialize)]
#[serde(expecting = "struct Export")]
struct Imported {
    format: String,
    assessment: String,
    version: String,
    /// As in saved state, one answer that is none is left out and named, as one that no longer
    /// fits is, instead of refusing the whole file.
    answers: std::collections::BTreeMap<String, SavedAnswer>,
    #[serde(default)]
    report: Option<ImportedReport>,
}

/// The part of an exported [`Report`] an import uses.
#[derive(Deserialize)]
#[serde(expecting = "struct Report")]
struct ImportedReport {
    locale: String,
}

impl Model {
    /// The storage key for saved state: `{prefix}:{assessment id}:{version}`.
    pub fn storage_key(&self, prefix: &str) -> String {
        format!(
            "{prefix}:{}:{}",
            self.assessment.id, self.assessment.version
        )
    }

    /// The step as saved: `"welcome"`, `"report"` or the section id.
    fn step_name(&self, step: Step) -> String {
        match step {
            Step::Welcome => "welcome".into(),
            Step::Report => "report".into(),
            Step::Section(s) => self.assessment.sections[s].id.clone(),
        }
    }

    /// Serializes the state of a scan for storage. `host_locale` is the language the host page
    /// asks for, if any: it is kept only when the visitor chose another (see
    /// [`Restored::locale_to_show`]).
    pub fn save_state(
        &self,
        response: &Response,
        step: Step,
        (locale, host_locale): (&str, Option<&str>),
        revision: u64,
    ) -> String {
        let state = SavedState {
            format: STATE_FORMAT.into(),
            assessment: self.assessment.id.clone(),
            version: self.assessment.version.clone(),
            step: self.step_name(step),
            locale: locale.into(),
            host_locale: host_locale.filter(|h| *h != locale).map(Into::into),
            revision,
            answers: response.to_answers(self),
            unreadable: Vec::new(),
        };
        serde_json::to_string(&state).unwrap_or_default()
    }

    /// Restores saved state, or says why it cannot be used.
    pub fn restore_state(&self, json: &str) -> Result<Restored, RestoreError> {
        let state: SavedState =
            from_json(json, "saved state", MAX_SAVED_STATE_BYTES).map_err(|e| {
                RestoreError::Corrupted {
                    detail: e.to_string(),
                }
            })?;
        if state.format != STATE_FORMAT {
            return Err(RestoreError::Corrupted {
                detail: format!("unknown format `{}`", state.format),
            });
        }
        self.check_origin(&state.assessment, &state.version)?;
        let (response, mut skipped) = Response::restore(self, &state.answers);
        skipped.extend(state.unreadable.into_iter().map(unreadable_answer));
        let step = match state.step.as_str() {
            "welcome" => Step::Welcome,
            "report" => Step::Report,
            id => self
                .assessment
                .sections
                .iter()
                .position(|s| s.id == id)
                .map_or(Step::Welcome, Step::Section),
        };
        Ok(Restored {
            response,
            step,
            locale: state.locale,
            host_locale: state.host_locale,
            revision: state.revision,
            skipped,
        })
    }

    fn check_origin(&self, assessment: &str, version: &str) -> Result<(), RestoreError> {
        if assessment != self.assessment.id {
            return Err(RestoreError::OtherAssessment {
                assessment: assessment.into(),
            });
        }
        if version != self.assessment.version {
            return Err(RestoreError::OtherVersion {
                version: version.into(),
            });
        }
        Ok(())
    }

    /// The export of a scan: answers and report, as pretty JSON.
    pub fn export(&self, response: &Response, report: &Report) -> String {
        let export = Export {
            format: EXPORT_FORMAT.into(),
            assessment: self.assessment.id.clone(),
            version: self.assessment.version.clone(),
            answers: response.to_answers(self),
            report: Some(report.clone()),
        };
        serde_json::to_string_pretty(&export).unwrap_or_default()
    }

    /// Imports an export. An export of another version of this assessment is accepted: its
    /// answers are restored as far as they still fit, and the rest are listed in `skipped`.
    /// Of the export's report only the locale is read: the restored answers are scored afresh.
    pub fn import(&self, json: &str) -> Result<Restored, RestoreError> {
        let export: Imported =
            from_json(json, "export", MAX_EXPORT_BYTES).map_err(|e| RestoreError::Corrupted {
                detail: e.to_string(),
            })?;
        if export.format != EXPORT_FORMAT {
            return Err(RestoreError::Corrupted {
                detail: format!("unknown format `{}`", export.format),
            });
        }
        match self.check_origin(&export.assessment, &export.version) {
            Ok(()) | Err(RestoreError::OtherVersion { .. }) => {}
            Err(e) => return Err(e),
        }
        let (answers, unreadable) = readable(export.answers);
        let (response, mut skipped) = Response::restore(self, &answers);
        skipped.extend(unreadable.into_iter().map(unreadable_answer));
        Ok(Restored {
            response,
            step: Step::Report,
            locale: export
                .report
                .map(|r| r.locale)
                .unwrap_or_else(|| self.assessment.default_locale.clone()),
            host_locale: None,
            revision: 0,
            skipped,
        })
    }
}

/// The assessment id and version that saved state is for, as its JSON says (whatever else it
/// holds); `None` when it is not saved state of this format. What a saved value belongs to
/// cannot be told from its key alone, since a storage key may itself contain `:`.
pub fn saved_for(json: &str) -> Option<(String, String)> {
    #[derive(Deserialize)]
    struct Head {
        format: String,
        assessment: String,
        version: String,
    }
    let head: Head = serde_json::from_str(json).ok()?;
    (head.format == STATE_FORMAT).then_some((head.assessment, head.version))
}

/// A fingerprint of `response`'s answers: the same answers give the same text, whatever their
/// locale or step. The widget keeps the one `sextant:complete` was last sent with.
pub fn answers_fingerprint(model: &Model, response: &Response) -> String {
    let answers = serde_json::to_string(&response.to_answers(model)).unwrap_or_default();
    format!("{:016x}", crate::compile::fnv1a(answers.as_bytes()))
}

/// One CSV field: quoted when it holds a comma, quote or line break. A text that a spreadsheet
/// would run as a formula (it starts with `=`, `+`, `-`, `@`, a tab or a carriage return) gets
/// a `'` in front, so that a hostile label cannot put `=HYPERLINK(…)` into a visitor's sheet.
pub fn csv_field(s: &str) -> String {
    csv_field_in(s, ',')
}

/// [`csv_field`] for a file whose columns are separated by `separator`.
fn csv_field_in(s: &str, separator: char) -> String {
    let guarded;
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        guarded = format!("'{s}");
        guarded.as_str()
    } else {
        s
    };
    if s.contains([separator, ',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

/// The scores of a report as CSV: one row per dimension. A Dutch report is written as Dutch
/// Excel reads it: `;` between columns, decimal commas, and a byte order mark that says the
/// text is UTF-8; any other in the spreadsheet convention of English, with `,` and points.
pub fn scores_csv(report: &Report) -> String {
    let dutch = report.locale.to_ascii_lowercase().starts_with("nl");
    let (sep, bom) = if dutch { (';', "\u{feff}") } else { (',', "") };
    let number = |x: String| if dutch { x.replace('.', ",") } else { x };
    let field = |s: &str| csv_field_in(s, sep);
    let mut out = format!("{bom}dimension{sep}label{sep}group{sep}score{sep}coverage{sep}band\n");
    for d in &report.dimensions {
        out += &format!(
            "{}{sep}{}{sep}{}{sep}{}{sep}{}{sep}{}\n",
            field(&d.id),
            field(&d.label),
            field(d.group.as_deref().unwrap_or("")),
            number(d.score.map(|s| format!("{s:.1}")).unwrap_or_default()),
            number(format!("{:.2}", d.coverage)),
            field(d.band.as_ref().map_or("", |b| b.label.as_str())),
        );
    }
    out
}
