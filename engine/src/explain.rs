//! A trigger's conditions in words, for "why am I seeing this": "the score for “Customer
//! intimacy” is lower than 50" instead of `score(thr_ci) < 50`.
//!
//! The words are Dutch for a Dutch locale and English otherwise, like the rest of the report's
//! own words. A condition that is not about one thing (a sum, a function of several values) has
//! no sentence; the report then shows its source.

use crate::compile::Model;
use crate::expr::{Condition, Term, Value};
use crate::model::QuestionType;
use crate::typed::show_number;

/// Labels longer than this many characters are cut, with "…", inside a sentence.
const MAX_LABEL_CHARS: usize = 120;

/// The fixed words of the sentences in one language.
struct Words {
    score: &'static str,
    coverage: &'static str,
    band: &'static str,
    answer: &'static str,
    current: &'static str,
    count_chosen: &'static str,
    desired: &'static str,
    gap: &'static str,
    /// `{o}` is the option, `{q}` the question.
    points: &'static str,
    computed: &'static str,
    counted: &'static str,
    counted_in: &'static str,
    /// The relations `<`, `≤`, `>`, `≥`, `=`, `≠`.
    relations: [&'static str; 6],
    /// `=` and `≠` between two things that are not a number or a name ("is equal to").
    equal: [&'static str; 2],
    answered: &'static str,
    dont_know: &'static str,
    /// `{o}` is the option, `{q}` the question.
    chosen: &'static str,
    profile: &'static str,
    /// A computed truth value; the report says after it whether it holds.
    condition: &'static str,
    yes: &'static str,
    no: &'static str,
}

const EN: Words = Words {
    score: "the score for",
    coverage: "the share answered of",
    band: "the level of",
    answer: "your answer to",
    current: "your current level for",
    count_chosen: "the number of options you chose for",
    desired: "your desired level for",
    gap: "the gap between your current and desired level for",
    points: "the number of points you gave {o} in {q}",
    computed: "the calculated value",
    counted: "the number of questions you answered",
    counted_in: "the number of questions you answered in",
    relations: [
        "is lower than",
        "is at most",
        "is higher than",
        "is at least",
        "is",
        "is not",
    ],
    equal: ["is equal to", "is not equal to"],
    answered: "you answered",
    dont_know: "you chose “don't know” for",
    chosen: "you chose {o} for {q}",
    profile: "your profile is",
    condition: "the condition {c}",
    yes: "yes",
    no: "no",
};

const NL: Words = Words {
    score: "de score voor",
    coverage: "het beantwoorde deel van",
    band: "het niveau van",
    answer: "uw antwoord op",
    current: "uw huidige niveau bij",
    count_chosen: "het aantal opties dat u koos bij",
    desired: "uw gewenste niveau bij",
    gap: "het verschil tussen uw huidige en gewenste niveau bij",
    points: "het aantal punten dat u {o} gaf bij {q}",
    computed: "de berekende waarde",
    counted: "het aantal vragen dat u beantwoordde",
    counted_in: "het aantal vragen dat u beantwoordde in",
    relations: [
        "is lager dan",
        "is hoogstens",
        "is hoger dan",
        "is minstens",
        "is",
        "is niet",
    ],
    equal: ["is gelijk aan", "is niet gelijk aan"],
    answered: "u beantwoordde",
    dont_know: "u koos “weet ik niet” bij",
    chosen: "u koos {o} bij {q}",
    profile: "uw profiel is",
    condition: "de voorwaarde {c}",
    yes: "ja",
    no: "nee",
};

/// `text` in quotation marks, cut to [`MAX_LABEL_CHARS`].
fn quoted(text: &str) -> String {
    let text = text.trim();
    match text.char_indices().nth(MAX_LABEL_CHARS) {
        Some((cut, _)) => format!("“{}…”", text[..cut].trim_end()),
        None => format!("“{text}”"),
    }
}

/// `template` with `{o}` and `{q}` filled in, in one pass: a label that itself contains `{q}`
/// stays as it is.
fn fill(template: &str, o: &str, q: &str) -> String {
    let mut out = String::with_capacity(template.len() + o.len() + q.len());
    let mut rest = template;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let (value, skip) = match rest.get(i..i + 3) {
            Some("{o}") => (o, 3),
            Some("{q}") => (q, 3),
            _ => ("{", 1),
        };
        out.push_str(value);
        rest = &rest[i + skip..];
    }
    out.push_str(rest);
    out
}

/// The index of a comparison's sign in [`Words::relations`], and that of the same comparison
/// with its sides swapped.
fn relation(sign: &str) -> Option<(usize, usize)> {
    Some(match sign {
        "<" => (0, 2),
        "≤" => (1, 3),
        ">" => (2, 0),
        "≥" => (3, 1),
        "=" => (4, 4),
        "≠" => (5, 5),
        _ => return None,
    })
}

impl Model {
    /// Condition `c` of a trigger as a sentence in `locale`, starting with a capital and without
    /// a full stop; `None` when one side is not a single reference or value.
    pub fn condition_text(&self, c: &Condition, locale: &str) -> Option<String> {
        let w = if crate::text::language(locale).eq_ignore_ascii_case("nl") {
            &NL
        } else {
            &EN
        };
        let sentence = match relation(c.sign) {
            Some((rel, swapped)) => {
                // A value on the left ("50 > score(x)") reads better on the right.
                let (subject, object, rel) = match (c.subject, c.object) {
                    (Term::Lit(_), o) if !matches!(o, Term::Lit(_)) => (o, c.subject, swapped),
                    (s, o) => (s, o, rel),
                };
                let (object, relation) = match object {
                    Term::Lit(v) => (self.literal_text(v, subject, w, locale)?, w.relations[rel]),
                    other => (
                        self.term_text(other, w, locale)?,
                        // "is equal to the largest gap", not "is the largest gap".
                        *w.equal
                            .get(rel.wrapping_sub(4))
                            .unwrap_or(&w.relations[rel]),
                    ),
                };
                format!(
                    "{} {relation} {object}",
                    self.term_text(subject, w, locale)?
                )
            }
            None => self.fact_text(c.subject, w, locale)?,
        };
        let mut chars = sentence.chars();
        let first = chars.next()?;
        Some(first.to_uppercase().chain(chars).collect())
    }

    /// A question's text, quoted.
    fn question_text(&self, q: u32, locale: &str) -> Option<String> {
        Some(quoted(self.text(&self.question_checked(q)?.text, locale)))
    }

    /// Option `o` of question `q`, quoted.
    fn option_text(&self, q: u32, o: u32, locale: &str) -> Option<String> {
        let option = self.question_checked(q)?.options.get(o as usize)?;
        Some(quoted(self.text(&option.label, locale)))
    }

    /// Dimension `d`'s label, quoted.
    fn dimension_text(&self, d: u32, locale: &str) -> Option<String> {
        let dim = self.assessment.dimensions.get(d as usize)?;
        Some(quoted(self.text(&dim.label, locale)))
    }

    /// What a number, an option, a band or a truth value on one side of a comparison reads as,
    /// given what the other side is.
    fn literal_text(&self, v: Value, other: Term, w: &Words, locale: &str) -> Option<String> {
        let a = &self.assessment;
        Some(match v {
            Value::Num(n) => {
                let shown = show_number(n, locale);
                // A point of a scale or a level: the visitor saw its label, not its number.
                let label = match other {
                    Term::Answer(q) | Term::Desired(q) => {
                        let question = self.question_checked(q)?;
                        match question.kind {
                            QuestionType::Likert => a
                                .scales
                                .iter()
                                .find(|s| Some(&s.id) == question.scale.as_ref())
                                .and_then(|s| s.points.iter().find(|p| p.value == n))
                                .map(|p| &p.label),
                            QuestionType::Level if n.fract() == 0.0 && n >= 1.0 => {
                                question.levels.get(n as usize - 1).map(|l| &l.label)
                            }
                            _ => None,
                        }
                    }
                    _ => None,
                };
                match label.map(|l| self.text(l, locale).trim()) {
                    Some(l) if l != shown => format!("{shown} ({})", quoted(l)),
                    _ => shown,
                }
            }
            Value::Bool(b) => (if b { w.yes } else { w.no }).to_owned(),
            Value::Sym(s) => quoted(self.symbol_label(self.symbol(s), other, locale)?),
            Value::Null => return None,
        })
    }

    /// The label of an option or a band that `term` (an answer, a band) has or is compared
    /// with: what the visitor saw instead of the assessment's id.
    pub(crate) fn symbol_label(&self, id: &str, term: Term, locale: &str) -> Option<&str> {
        let label = match term {
            Term::Answer(q) => {
                let question = self.question_checked(q)?;
                &question.options.iter().find(|o| o.id == id)?.label
            }
            Term::Band(d) => self.band_label(d as usize, id)?,
            _ => return None,
        };
        Some(self.text(label, locale))
    }

    /// Question `q`, when the model has it.
    fn question_checked(&self, q: u32) -> Option<&crate::model::Question> {
        ((q as usize) < self.questions.len()).then(|| self.question(q as usize))
    }

    /// What a reference reads as: "the score for “Speed”".
    fn term_text(&self, t: Term, w: &Words, locale: &str) -> Option<String> {
        let a = &self.assessment;
        Some(match t {
            Term::Score(d) => format!("{} {}", w.score, self.dimension_text(d, locale)?),
            Term::Coverage(d) => format!("{} {}", w.coverage, self.dimension_text(d, locale)?),
            Term::Band(d) => format!("{} {}", w.band, self.dimension_text(d, locale)?),
            Term::Answer(q) => {
                let lead = match self.question_checked(q)?.kind {
                    QuestionType::Level => w.current,
                    QuestionType::MultipleChoice => w.count_chosen,
                    _ => w.answer,
                };
                format!("{lead} {}", self.question_text(q, locale)?)
            }
            Term::Desired(q) => format!("{} {}", w.desired, self.question_text(q, locale)?),
            Term::Gap(q) => format!("{} {}", w.gap, self.question_text(q, locale)?),
            Term::Points(q, o) => fill(
                w.points,
                &self.option_text(q, o, locale)?,
                &self.question_text(q, locale)?,
            ),
            Term::Computed(c) => match self.computed_name(c, locale)? {
                (name, true) => name,
                (id, false) => format!("{} {id}", w.computed),
            },
            Term::CountAnswered(None) => w.counted.to_owned(),
            Term::CountAnswered(Some(s)) => {
                let section = a.sections.get(s as usize)?;
                format!(
                    "{} {}",
                    w.counted_in,
                    quoted(self.text(&section.title, locale))
                )
            }
            _ => return None,
        })
    }

    /// A computed value's label, quoted, and `true`; or its id, quoted, and `false` when it has
    /// no label.
    fn computed_name(&self, c: u32, locale: &str) -> Option<(String, bool)> {
        let c = self.assessment.computed.get(c as usize)?;
        Some(match &c.label {
            Some(l) => (quoted(self.text(l, locale)), true),
            None => (quoted(&c.id), false),
        })
    }

    /// A condition that is itself true or false: "you chose “CRM” for “Which tools…”".
    fn fact_text(&self, t: Term, w: &Words, locale: &str) -> Option<String> {
        let a = &self.assessment;
        Some(match t {
            Term::Answered(q) => format!("{} {}", w.answered, self.question_text(q, locale)?),
            Term::DontKnow(q) => format!("{} {}", w.dont_know, self.question_text(q, locale)?),
            Term::Chosen(q, o) => fill(
                w.chosen,
                &self.option_text(q, o, locale)?,
                &self.question_text(q, locale)?,
            ),
            Term::Profile(p) => {
                let p = a.profiles.get(p as usize)?;
                format!("{} {}", w.profile, quoted(self.text(&p.label, locale)))
            }
            Term::Computed(c) => w
                .condition
                .replace("{c}", &self.computed_name(c, locale)?.0),
            _ => return None,
        })
    }
}
