//! A small, safe expression language for visibility conditions (`show_if`), computed values,
//! profile rules and recommendation triggers.
//!
//! An expression is parsed once, at load time, and compiled against a [`Resolver`] so that every
//! name (question, dimension, option, band, computed value, profile, section) becomes an index.
//! An unknown name is a compile error that carries its column. Evaluation walks the compiled tree
//! against an [`Env`]; it allocates nothing, never panics, and recurses no deeper than the
//! nesting limit. [`Expr::conditions`] explains a value, and [`Expr::can_be_true`] finds
//! conditions that can never be met.
//!
//! To score a response, a model compiles all its computed values, profile rules and
//! recommendation triggers into one straight-line program (`program.rs`): shared operations are
//! computed once and values are single machine words. It gives exactly the values the tree walk
//! gives; the scorer's tests compare the two on many random responses.
//!
//! # Semantics of missing data
//! Values are numbers, booleans, symbols (option and band ids) or `null`. `null` stands for
//! "unknown": an unanswered question, a "don't know", a score below its minimum coverage, or a
//! division by zero. Arithmetic and comparisons with `null` give `null`; `and`, `or` and `not`
//! follow three-valued (Kleene) logic; a condition that ends up `null` counts as *not met*.
//!
//! # Syntax
//! ```text
//! score(digital) >= 60 and not answered(budget)
//! answer(size) == "large" or chosen(tools, crm)
//! round(sum(points(budget, people), points(budget, tools)) / 2, 1)
//! ```
//!
//! * **Literals**: numbers (`12`, `0.5`; no exponent, no leading or trailing dot), `true`,
//!   `false`, `null`, and string literals in double quotes (`"opt_a"`). A string literal outside
//!   a name argument denotes an option id or a band id; a string that is neither is a compile
//!   error. Strings have no escapes and end at the next `"`.
//! * **Identifiers**: `[A-Za-z_][A-Za-z0-9_.-]*`, where a `-` or `.` belongs to the identifier
//!   only when it is directly followed by a letter, digit or `_`. So `q-1.b` is one identifier
//!   while `a - b` is a subtraction: **write subtraction with spaces** (`a-b` is the identifier
//!   `a-b`, `a-1` is the identifier `a-1`). A bare identifier names a computed value. The words
//!   `and`, `or`, `not`, `true`, `false` and `null` are keywords; a name argument may still use
//!   them (`answered(not)`), and any name can be written as a string (`score("a b")`).
//! * **Operators**, from loosest to tightest: `or` (also `||`); `and` (also `&&`); prefix `not`
//!   (also `!`); comparisons `==` `!=` `<` `<=` `>` `>=`, which do not chain (`a < b < c` is an
//!   error); `+` `-`; `*` `/` `%` (remainder, with the sign of the dividend); prefix `-`;
//!   function calls and parentheses. Binary operators group to the left. `not` applies to a
//!   whole comparison (`not a == b` is `not (a == b)`) and cannot appear as an operand of a
//!   comparison or of arithmetic without parentheses.
//! * Whitespace, including newlines, may appear between any two tokens.
//!
//! # Functions
//! Arguments that name something are bare identifiers or string literals of the id.
//!
//! | call | value |
//! | --- | --- |
//! | `score(dim)` | the dimension score 0–100, or `null` when its coverage is insufficient |
//! | `coverage(dim)` | the share 0–1 of the dimension's weight that was answered |
//! | `band(dim)` | the symbol of the dimension's level band, or `null` |
//! | `answer(q)` | the answer: the option (single choice), the number (likert, bipolar, number), the current level (level) or the count of choices (multiple choice); `null` when missing. Compared with the wrong kind of value (`answer(pick) > 1` for a single choice) it is a type error |
//! | `answered(q)` | `true` when a real answer was given (not missing, not "don't know", not hidden) |
//! | `dont_know(q)` | `true` when "don't know / not applicable" was chosen |
//! | `desired(q)` | the desired level of a level question, or `null` (`q` of another type is an error, `expr.question_type`) |
//! | `gap(q)` | `desired(q) - answer(q)`, of a level question |
//! | `chosen(q, opt)` | `true` when option `opt` of the single or multiple choice `q` is the choice or among the choices |
//! | `points(q, opt)` | the points given to option `opt` of the allocation `q`, or `null` when unanswered |
//! | `value(c)` | the computed value `c` (the same as writing `c` bare) |
//! | `profile(p)` | `true` when profile `p` matched |
//! | `count_answered()`, `count_answered(section)` | how many questions (of the section) were answered |
//! | `min(a, ...)`, `max(a, ...)`, `median(a, ...)` | over the arguments that are numbers; `null` when none is; `median` takes at most 64 arguments and averages the middle two of an even count |
//! | `sum(a, ...)` | the sum of the arguments that are numbers; `null` when none is |
//! | `count(a, ...)` | how many arguments are `true` |
//! | `abs(x)` | the absolute value |
//! | `round(x)`, `round(x, digits)` | rounded to `digits` decimals (a whole number 0–6, default 0), halves away from zero as the number is written (`round(2.675, 2)` is `2.68`) |
//! | `clamp(x, lo, hi)` | `x` limited to `lo..=hi`; `null` when `lo > hi` |
//! | `if(cond, a, b)` | `a` when `cond` is `true`, `b` when it is `false`, `null` when it is `null` or not a boolean; only the chosen branch is evaluated |
//!
//! # Evaluation rules
//! * `null` propagates through arithmetic, comparisons and the numeric functions (except where
//!   the table says arguments are skipped).
//! * Division or remainder by zero gives `null`; so does any result that is not a finite number.
//! * Numbers compare exactly (`0.1 + 0.2 == 0.3` is `false`; use `round`).
//! * `==` and `!=` also compare two booleans or two symbols. Any other mix of types (a number
//!   with a boolean, a symbol with a number, ordering of non-numbers) gives `null`; when the
//!   types are known at compile time the mix is a compile error (`expr.type`).
//! * `and`, `or`, `not` use Kleene logic, treating any non-boolean as `null`:
//!   `false and null` is `false`, `true or null` is `true`, `true and null` is `null`,
//!   `not null` is `null`. The right operand is not evaluated when the left decides.
//! * A condition is met only when it evaluates to `true` ([`Value::is_true`]).
//!
//! # Limits
//! A source is at most [`MAX_SOURCE_BYTES`] bytes and [`MAX_TOKENS`] tokens, and nests at most
//! [`MAX_DEPTH`] levels deep. Each parenthesis, call, prefix operator and binary operator adds a
//! level, so a chain `a and b and c ...` uses one level per operator: for long lists use
//! `count(...) == n`, `count(...) > 0`, `sum(...)` or `min(...)`. Exceeding a limit is a compile
//! error (`expr.too_long`, `expr.too_deep`), never a crash.
//!
//! # Errors
//! [`Expr::compile`] returns every name and type error it finds, each an [`ExprError`] with a
//! 1-based column counted in characters over the whole source (a newline counts as one), a
//! stable code and a message. A syntax error stops the parse. The codes are `expr.syntax`,
//! `expr.too_long`, `expr.too_deep`, `expr.unknown_function`, `expr.arity`, `expr.type`,
//! `expr.unknown_symbol`, `expr.unknown_question`, `expr.unknown_option`, `expr.unknown_band`,
//! `expr.unknown_dimension`, `expr.unknown_computed`, `expr.unknown_profile` and
//! `expr.unknown_section`. `expr.unknown_option` and `expr.unknown_band` also catch a known
//! symbol compared with something it can never be: `answer(q) == "x"` where `x` is an option of
//! another question, `band(d) == "x"` where `x` is a band of another dimension.

mod analyze;
pub(crate) mod ast;
mod eval;
mod parse;
pub(crate) mod program;
#[cfg(test)]
pub(crate) mod testutil;

pub use ast::{Condition, Expr, ExprError, Term};

/// The longest source accepted, in bytes.
pub const MAX_SOURCE_BYTES: usize = 4096;
/// The most tokens a source may have.
pub const MAX_TOKENS: usize = 1000;
/// The deepest nesting accepted (parentheses, calls, prefix and binary operators).
pub const MAX_DEPTH: usize = 32;
/// The most arguments `median` takes.
pub const MAX_MEDIAN_ARGS: usize = 64;

/// A value produced by evaluating an expression. It is `Copy` so evaluation never allocates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value {
    /// Unknown: missing answer, "don't know", insufficient coverage, division by zero, type mismatch.
    Null,
    /// A number.
    Num(f64),
    /// A boolean.
    Bool(bool),
    /// An interned symbol: an option id or a band id (see [`Resolver::symbol`]).
    Sym(u32),
}

impl Value {
    /// `Some(b)` for a boolean, `None` otherwise (a condition that is not `Some(true)` is not met).
    #[inline]
    pub fn as_bool(self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(b),
            _ => None,
        }
    }

    /// `Some(n)` for a finite number, `None` otherwise.
    #[inline]
    pub fn as_num(self) -> Option<f64> {
        match self {
            Value::Num(n) if n.is_finite() => Some(n),
            _ => None,
        }
    }

    /// Whether this value, used as a condition, is met (`true`, not `false` and not `null`).
    #[inline]
    pub fn is_true(self) -> bool {
        self == Value::Bool(true)
    }
}

/// Something an expression refers to, by index. Used for dependency analysis and explanations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Ref {
    /// A question, by its index in document order over all sections.
    Question(u32),
    /// A dimension.
    Dimension(u32),
    /// A computed value.
    Computed(u32),
    /// A profile.
    Profile(u32),
    /// A section.
    Section(u32),
}

/// Resolves names to indices while an expression is compiled. Implemented by the engine's model.
pub trait Resolver {
    /// A question id, to its index.
    fn question(&self, id: &str) -> Option<u32>;
    /// An option id of question `question`, to its index within that question.
    fn option(&self, question: u32, id: &str) -> Option<u32>;
    /// The symbol of option `option` of question `question` (what `answer(q)` returns for a
    /// single-choice question).
    fn option_symbol(&self, question: u32, option: u32) -> u32;
    /// A dimension id, to its index.
    fn dimension(&self, id: &str) -> Option<u32>;
    /// A computed value id, to its index.
    fn computed(&self, id: &str) -> Option<u32>;
    /// A profile id, to its index.
    fn profile(&self, id: &str) -> Option<u32>;
    /// A section id, to its index.
    fn section(&self, id: &str) -> Option<u32>;
    /// A string literal (an option id or a band id), to its interned symbol. `None` when the
    /// string is neither, which makes the literal a compile error.
    fn symbol(&self, text: &str) -> Option<u32>;
    /// The range of numbers `answer(question)` can return, when known (for "can never trigger").
    fn answer_range(&self, question: u32) -> Option<(f64, f64)>;
    /// The type of question `question`, when known: it decides what `answer(q)` is, and which
    /// functions apply (`desired` and `gap` to level questions, `points` to allocations,
    /// `chosen` to choice questions).
    fn question_type(&self, _question: u32) -> Option<crate::model::QuestionType> {
        None
    }
    /// Whether symbol `sym` is an option of question `question`, so that `answer(q) == "x"` can
    /// be true. `true` when unknown.
    fn is_option_symbol(&self, _question: u32, _sym: u32) -> bool {
        true
    }
    /// Whether symbol `sym` is a band of dimension `dimension`, so that `band(d) == "x"` can be
    /// true. `true` when unknown.
    fn is_band_symbol(&self, _dimension: u32, _sym: u32) -> bool {
        true
    }
}

/// The data an expression reads while it is evaluated. Implemented by the engine's scorer.
pub trait Env {
    /// `score(d)`: the dimension score 0–100, or `Null` when coverage is insufficient.
    fn score(&self, dimension: u32) -> Value;
    /// `coverage(d)`: the share 0–1 of the dimension's weight that was answered.
    fn coverage(&self, dimension: u32) -> Value;
    /// `band(d)`: the symbol of the dimension's level band, or `Null`.
    fn band(&self, dimension: u32) -> Value;
    /// `answer(q)`: the answer's value (number, option symbol, level, count of choices), or `Null`.
    fn answer(&self, question: u32) -> Value;
    /// `answered(q)`: a real answer was given (not missing, not "don't know", not hidden).
    fn answered(&self, question: u32) -> bool;
    /// `dont_know(q)`: the visitor chose "don't know / not applicable".
    fn dont_know(&self, question: u32) -> bool;
    /// `desired(q)`: the desired level of a level question, or `Null`.
    fn desired(&self, question: u32) -> Value;
    /// `chosen(q, o)`: whether option `o` is the single choice or among the multiple choices.
    fn chosen(&self, question: u32, option: u32) -> bool;
    /// `points(q, o)`: points allocated to option `o`, or `Null` when unanswered.
    fn points(&self, question: u32, option: u32) -> Value;
    /// A computed value.
    fn computed(&self, computed: u32) -> Value;
    /// `profile(p)`: whether the profile matched.
    fn profile(&self, profile: u32) -> bool;
    /// `count_answered()` (all questions, `None`) or `count_answered(section)`.
    fn count_answered(&self, section: Option<u32>) -> f64;
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::testutil::{compile, sym, Answers, Model};
    use super::{Expr, Ref, Value};

    #[test]
    fn a_node_is_as_small_as_a_value() {
        let actual = std::mem::size_of::<super::ast::Node>();
        assert_eq!(actual, std::mem::size_of::<Value>());
    }

    #[test]
    fn expr_is_clone_debug_send_and_sync() {
        fn assert_traits<T: Clone + std::fmt::Debug + Send + Sync>() {}
        assert_traits::<Expr>();
    }

    #[test]
    fn references_are_sorted_and_deduplicated() {
        let expr = compile(
            "count_answered(ops) > 1 and chosen(tools, crm) or answered(age) and gap(tools) > 0 \
             or score(people) > coverage(digital) or band(digital) == \"low\" or maturity > 1 \
             or profile(starter) or value(maturity) > 2 or answer(age) > 3 or count_answered() > 0",
        );
        let actual = expr.references();
        let expected = vec![
            Ref::Question(0),
            Ref::Question(2),
            Ref::Dimension(0),
            Ref::Dimension(1),
            Ref::Computed(0),
            Ref::Profile(0),
            Ref::Section(1),
        ];
        assert_eq!(actual, expected);
        assert!(expr.counts_all_answers());
    }

    #[test]
    fn an_expression_without_count_answered_does_not_count_all_answers() {
        let actual = compile("count_answered(ops) > 1").counts_all_answers();
        assert!(!actual);
    }

    #[test]
    fn an_expression_displays_as_its_source() {
        let actual = compile("score(digital)  >= 60").to_string();
        assert_eq!(actual, "score(digital)  >= 60");
    }

    #[test]
    fn a_visibility_rule_reads_naturally() {
        let answers = Answers::new()
            .score("digital", 64.0)
            .coverage("digital", 0.9)
            .answer("size", sym("large"))
            .choose("tools", "crm");
        let expr = compile(
            "score(digital) >= 60 and coverage(digital) > 0.5\n\
             and (answer(size) == \"large\" || chosen(tools, erp))\n\
             and not dont_know(size)",
        );
        let actual = expr.eval(&answers);
        assert_eq!(actual, Value::Bool(true));
    }

    // Random inputs.

    const TOKENS: &[&str] = &[
        "(",
        ")",
        ",",
        "+",
        "-",
        "*",
        "/",
        "%",
        "==",
        "!=",
        "<",
        "<=",
        ">",
        ">=",
        "!",
        "&&",
        "||",
        "and",
        "or",
        "not",
        "true",
        "false",
        "null",
        "0",
        "1",
        "2.5",
        "100",
        "\"low\"",
        "\"x\"",
        "score",
        "score(digital)",
        "answer(age)",
        "answer(size)",
        "answered(age)",
        "maturity",
        "flag",
        "min(",
        "median(",
        "round(",
        "if(",
        "count(",
        "clamp(",
        "sum(",
        "abs(",
        "foo(",
        "=",
        "&",
        "|",
        "\"",
        ".",
        "é",
        "≥",
        "😀",
        "\u{0}",
        "\n",
        "a-",
        "-b",
        "x.y",
    ];

    fn token_soup() -> impl Strategy<Value = String> {
        let token = proptest::sample::select(TOKENS);
        let sep = proptest::sample::select(&["", " ", "  ", "\n"][..]);
        proptest::collection::vec((token, sep), 0..60).prop_map(|parts| {
            parts
                .into_iter()
                .flat_map(|(t, s)| [t, s])
                .collect::<String>()
        })
    }

    const NUM_LEAVES: &[&str] = &[
        "0",
        "1",
        "2",
        "0.5",
        "-1",
        "40",
        "50",
        "60",
        "100",
        "120",
        "null",
        "score(digital)",
        "score(people)",
        "coverage(digital)",
        "answer(age)",
        "answer(level)",
        "answer(tools)",
        "desired(level)",
        "gap(level)",
        "points(budget, people)",
        "count_answered()",
        "count_answered(ops)",
        "maturity",
        "ratio",
    ];

    const BOOL_LEAVES: &[&str] = &[
        "true",
        "false",
        "null",
        "answered(age)",
        "answered(size)",
        "dont_know(age)",
        "chosen(tools, crm)",
        "profile(expert)",
        "flag",
        "(answer(size) == \"small\")",
        "(answer(size) != \"large\")",
        "(band(digital) == \"high\")",
        "(answer(size) == answer(size))",
        "(flag == true)",
    ];

    const NUM_OPS: &[&str] = &["+", "-", "*", "/", "%"];
    const CMP_OPS: &[&str] = &["==", "!=", "<", "<=", ">", ">="];

    /// Pairs of well-typed expressions: (a number, a boolean).
    fn typed() -> impl Strategy<Value = (String, String)> {
        let leaf = (
            proptest::sample::select(NUM_LEAVES),
            proptest::sample::select(BOOL_LEAVES),
        )
            .prop_map(|(n, b)| (n.to_owned(), b.to_owned()));
        leaf.prop_recursive(5, 64, 3, |inner| {
            (
                inner.clone(),
                inner.clone(),
                inner,
                0..12usize,
                0..8usize,
                0..5usize,
                0..6usize,
            )
                .prop_map(|((n1, b1), (n2, b2), (n3, _), kn, kb, op, cmp)| {
                    let num = match kn {
                        0 => format!("({n1} {} {n2})", NUM_OPS[op]),
                        1 => format!("-{n1}"),
                        2 => format!("abs({n1})"),
                        3 => format!("round({n1})"),
                        4 => format!("round({n1}, {op})"),
                        5 => format!("clamp({n1}, {n2}, {n3})"),
                        6 => format!("if({b1}, {n1}, {n2})"),
                        7 => format!("min({n1}, {n2})"),
                        8 => format!("max({n1}, {n2}, {n3})"),
                        9 => format!("median({n1}, {n2}, {n3})"),
                        10 => format!("sum({n1}, {n2})"),
                        _ => format!("count({b1}, {b2})"),
                    };
                    let boolean = match kb {
                        0 | 1 => format!("({n1} {} {n2})", CMP_OPS[cmp]),
                        2 => format!("({b1} and {b2})"),
                        3 => format!("({b1} or {b2})"),
                        4 => format!("(not {b1})"),
                        5 => format!("({n1} {} {n2} and {n1} {} {n3})", CMP_OPS[cmp], CMP_OPS[op]),
                        6 => format!("if({b1}, {b2}, {n1} > {n2})"),
                        _ => format!("({b1} == {b2})"),
                    };
                    (num, boolean)
                })
        })
    }

    fn value() -> impl Strategy<Value = Value> {
        prop_oneof![
            Just(Value::Null),
            proptest::sample::select(&[-1.0, 0.0, 1.0, 2.5, 40.0, 60.0, 1e6][..])
                .prop_map(Value::Num),
            any::<bool>().prop_map(Value::Bool),
            Just(sym("low")),
        ]
    }

    /// Answers within the ranges the model declares.
    fn answers() -> impl Strategy<Value = Answers> {
        let score = proptest::option::of(proptest::sample::select(
            &[0.0, 33.3, 40.0, 50.0, 60.0, 99.5, 100.0][..],
        ));
        let coverage = proptest::sample::select(&[0.0, 0.5, 1.0][..]);
        let band = proptest::option::of(proptest::sample::select(&["low", "mid", "high"][..]));
        let age = proptest::option::of(proptest::sample::select(&[0.0, 3.0, 30.0, 120.0][..]));
        let size =
            proptest::option::of(proptest::sample::select(&["small", "medium", "large"][..]));
        let level = proptest::option::of((1..=5u8, 1..=5u8));
        let tools =
            proptest::collection::vec(proptest::sample::select(&["crm", "erp", "bi"][..]), 0..3);
        (
            (score.clone(), score, coverage, band),
            (
                age,
                size,
                level,
                tools,
                any::<bool>(),
                proptest::option::of(0.0..100.0f64),
            ),
            (value(), value(), value(), any::<bool>(), 0..40u8, 0..10u8),
        )
            .prop_map(|(dims, questions, results)| {
                let (digital, people, coverage, band) = dims;
                let (age, size, level, tools, dont_know, people_points) = questions;
                let (maturity, ratio, flag, expert, all, ops) = results;
                let mut a = Answers::new().coverage("digital", coverage);
                if let Some(s) = digital {
                    a = a.score("digital", s);
                }
                if let Some(s) = people {
                    a = a.score("people", s);
                }
                if let Some(b) = band {
                    a = a.band("digital", b);
                }
                if let Some(v) = age {
                    a = a.answer("age", Value::Num(v));
                }
                if dont_know {
                    a = a.dont_know("age");
                }
                if let Some(s) = size {
                    a = a.answer("size", sym(s));
                }
                if let Some((l, d)) = level {
                    a = a
                        .answer("level", Value::Num(l.into()))
                        .desired("level", d.into());
                }
                for t in tools {
                    a = a.choose("tools", t);
                }
                if let Some(p) = people_points {
                    a = a.points("budget", "people", p);
                }
                a = a
                    .computed("maturity", maturity)
                    .computed("ratio", ratio)
                    .computed("flag", flag)
                    .count(None, all.into())
                    .count(Some("ops"), ops.into());
                if expert {
                    a = a.profile("expert");
                }
                a
            })
    }

    /// Everything an engine does with a compiled expression, which must never panic.
    fn exercise(expr: &Expr, answers: &Answers) {
        let value = expr.eval(answers);
        for c in expr.conditions(answers) {
            assert!(expr.source().contains(&c.source));
        }
        let _ = (expr.references(), expr.can_be_true(&Model), value);
    }

    proptest! {
        #![proptest_config(ProptestConfig {
            failure_persistence: None,
            ..ProptestConfig::default()
        })]

        #[test]
        fn compile_never_panics_on_arbitrary_text(source in any::<String>()) {
            if let Ok(expr) = Expr::compile(&source, &Model) {
                exercise(&expr, &Answers::new());
            }
        }

        #[test]
        fn compile_and_eval_never_panic_on_token_soup(source in token_soup(), answers in answers()) {
            match Expr::compile(&source, &Model) {
                Ok(expr) => exercise(&expr, &answers),
                Err(errors) => {
                    prop_assert!(!errors.is_empty());
                    for e in errors {
                        prop_assert!(e.column >= 1 && e.column <= source.chars().count() + 1);
                    }
                }
            }
        }

        #[test]
        fn can_be_true_never_contradicts_evaluation(
            (number, boolean) in typed(),
            envs in proptest::collection::vec(answers(), 8),
        ) {
            for source in [&boolean, &number] {
                let expr = match Expr::compile(source, &Model) {
                    Ok(expr) => expr,
                    Err(errors) => {
                        // Generated expressions are well typed; only depth may be exceeded.
                        prop_assert!(errors.iter().all(|e| e.code == "expr.too_deep"), "{errors:?}");
                        continue;
                    }
                };
                let claim = expr.can_be_true(&Model);
                for answers in &envs {
                    let value = expr.eval(answers);
                    exercise(&expr, answers);
                    if claim == Some(false) {
                        prop_assert!(!value.is_true(), "`{source}` claimed never true, was true");
                    }
                    if claim == Some(true) {
                        prop_assert!(value.is_true(), "`{source}` claimed always true, was {value:?}");
                    }
                }
            }
        }
    }
}
