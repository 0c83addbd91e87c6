//! Evaluation of a compiled [`Expr`] against an [`Env`], and the explanation of its conditions.
//!
//! Evaluation recurses over the tree, whose height the compiler limits to
//! [`MAX_DEPTH`](super::MAX_DEPTH), reads only `Copy` data and allocates nothing.

use super::ast::{ArithOp, CmpOp, Condition, Expr, ManyFn, Node, Term};
use super::{Env, Value, MAX_MEDIAN_ARGS};

/// A number, or `null` when it is not finite.
#[inline]
fn num(n: f64) -> Value {
    if n.is_finite() {
        Value::Num(n)
    } else {
        Value::Null
    }
}

/// A value read from the environment, with a non-finite number turned into `null`.
#[inline]
fn clean(v: Value) -> Value {
    match v {
        Value::Num(n) => num(n),
        other => other,
    }
}

#[inline]
pub(super) fn arith(op: ArithOp, a: Value, b: Value) -> Value {
    let (Some(x), Some(y)) = (a.as_num(), b.as_num()) else {
        return Value::Null;
    };
    num(match op {
        ArithOp::Add => x + y,
        ArithOp::Sub => x - y,
        ArithOp::Mul => x * y,
        ArithOp::Div if y == 0.0 => return Value::Null,
        ArithOp::Div => x / y,
        ArithOp::Rem if y == 0.0 => return Value::Null,
        ArithOp::Rem => x % y,
    })
}

#[inline]
pub(super) fn compare(op: CmpOp, a: Value, b: Value) -> Value {
    let holds = match (a, b) {
        (Value::Num(x), Value::Num(y)) if x.is_finite() && y.is_finite() => match op {
            CmpOp::Eq => x == y,
            CmpOp::Ne => x != y,
            CmpOp::Lt => x < y,
            CmpOp::Le => x <= y,
            CmpOp::Gt => x > y,
            CmpOp::Ge => x >= y,
        },
        (Value::Bool(x), Value::Bool(y)) if matches!(op, CmpOp::Eq | CmpOp::Ne) => {
            (x == y) == (op == CmpOp::Eq)
        }
        (Value::Sym(x), Value::Sym(y)) if matches!(op, CmpOp::Eq | CmpOp::Ne) => {
            (x == y) == (op == CmpOp::Eq)
        }
        _ => return Value::Null,
    };
    Value::Bool(holds)
}

/// `x` rounded to `digits` decimals, halves away from zero. A product that lands within a few
/// units in the last place of a half (as `2.675 * 100` does) counts as a half, so the rounding
/// follows the number as written rather than its binary approximation.
pub(super) fn round_to(x: f64, digits: i32) -> f64 {
    let scale = 10f64.powi(digits);
    let y = x * scale;
    // Past 2^52 every double is a whole number: nothing to round.
    if !y.is_finite() || y.abs() >= 4_503_599_627_370_496.0 {
        return x;
    }
    let whole = y.trunc();
    let frac = (y - whole).abs();
    let tolerance = 4.0 * f64::EPSILON * y.abs();
    let rounded = if (frac - 0.5).abs() <= tolerance {
        whole + y.signum()
    } else {
        y.round()
    };
    rounded / scale
}

/// The digits argument of `round`, when it is a whole number from 0 to 6.
pub(super) fn round_digits(d: Value) -> Option<i32> {
    match d.as_num() {
        Some(d) if d.fract() == 0.0 && (0.0..=6.0).contains(&d) => Some(d as i32),
        _ => None,
    }
}

impl Expr {
    /// Evaluates the expression. Never panics and never allocates.
    pub fn eval<E: Env>(&self, env: &E) -> Value {
        self.eval_node(self.root, env)
    }

    /// Evaluates an operand, reading the commonest leaves directly instead of recursing.
    #[inline(always)]
    fn operand<E: Env>(&self, index: u32, env: &E) -> Value {
        match self.node(index) {
            Node::Lit(v) => v,
            Node::Answer(q) => clean(env.answer(q)),
            Node::Score(d) => clean(env.score(d)),
            Node::Computed(c) => clean(env.computed(c)),
            Node::Answered(q) => Value::Bool(env.answered(q)),
            Node::Chosen(q, o) => Value::Bool(env.chosen(q, o)),
            _ => self.eval_node(index, env),
        }
    }

    pub(super) fn eval_node<E: Env>(&self, index: u32, env: &E) -> Value {
        match self.node(index) {
            Node::Lit(v) => v,
            Node::Computed(c) => clean(env.computed(c)),
            Node::Score(d) => clean(env.score(d)),
            Node::Coverage(d) => clean(env.coverage(d)),
            Node::Band(d) => clean(env.band(d)),
            Node::Answer(q) => clean(env.answer(q)),
            Node::Answered(q) => Value::Bool(env.answered(q)),
            Node::DontKnow(q) => Value::Bool(env.dont_know(q)),
            Node::Desired(q) => clean(env.desired(q)),
            Node::Gap(q) => arith(ArithOp::Sub, env.desired(q), env.answer(q)),
            Node::Chosen(q, o) => Value::Bool(env.chosen(q, o)),
            Node::Points(q, o) => clean(env.points(q, o)),
            Node::Profile(p) => Value::Bool(env.profile(p)),
            Node::CountAnswered(s) => num(env.count_answered(s)),
            Node::Not(a) => match self.operand(a, env) {
                Value::Bool(b) => Value::Bool(!b),
                _ => Value::Null,
            },
            Node::Neg(a) => match self.operand(a, env).as_num() {
                Some(n) => num(-n),
                None => Value::Null,
            },
            Node::And(a, b) => {
                let left = self.operand(a, env).as_bool();
                if left == Some(false) {
                    return Value::Bool(false);
                }
                match (left, self.operand(b, env).as_bool()) {
                    (_, Some(false)) => Value::Bool(false),
                    (Some(true), Some(true)) => Value::Bool(true),
                    _ => Value::Null,
                }
            }
            Node::Or(a, b) => {
                let left = self.operand(a, env).as_bool();
                if left == Some(true) {
                    return Value::Bool(true);
                }
                match (left, self.operand(b, env).as_bool()) {
                    (_, Some(true)) => Value::Bool(true),
                    (Some(false), Some(false)) => Value::Bool(false),
                    _ => Value::Null,
                }
            }
            Node::Cmp(op, a, b) => compare(op, self.operand(a, env), self.operand(b, env)),
            Node::Arith(op, a, b) => arith(op, self.operand(a, env), self.operand(b, env)),
            Node::Abs(a) => match self.operand(a, env).as_num() {
                Some(n) => Value::Num(n.abs()),
                None => Value::Null,
            },
            Node::Round(a, digits) => self.eval_round(a, digits, env),
            Node::Clamp(x, lo, hi) => self.eval_clamp(x, lo, hi, env),
            Node::If(cond, a, b) => match self.eval_node(cond, env) {
                Value::Bool(true) => self.operand(a, env),
                Value::Bool(false) => self.operand(b, env),
                _ => Value::Null,
            },
            Node::Many(f, start, len) => self.eval_many(f, start, len, env),
        }
    }

    // The less common calls are kept out of `eval_node`, so that its frame, which every level of
    // the recursion pays for, stays small.
    #[inline(never)]
    fn eval_round<E: Env>(&self, a: u32, digits: Option<u32>, env: &E) -> Value {
        let Some(x) = self.eval_node(a, env).as_num() else {
            return Value::Null;
        };
        let digits = match digits {
            None => Some(0),
            Some(d) => round_digits(self.eval_node(d, env)),
        };
        match digits {
            Some(d) => num(round_to(x, d)),
            None => Value::Null,
        }
    }

    #[inline(never)]
    fn eval_clamp<E: Env>(&self, x: u32, lo: u32, hi: u32, env: &E) -> Value {
        let x = self.eval_node(x, env).as_num();
        let lo = self.eval_node(lo, env).as_num();
        let hi = self.eval_node(hi, env).as_num();
        match (x, lo, hi) {
            (Some(x), Some(lo), Some(hi)) if lo <= hi => Value::Num(x.max(lo).min(hi)),
            _ => Value::Null,
        }
    }

    #[inline(never)]
    fn eval_many<E: Env>(&self, f: ManyFn, start: u32, len: u32, env: &E) -> Value {
        let args = self.many_args(start, len);
        match f {
            ManyFn::Count => {
                let n = args
                    .iter()
                    .filter(|&&a| self.eval_node(a, env).is_true())
                    .count();
                Value::Num(n as f64)
            }
            ManyFn::Median => self.eval_median(args, env),
            ManyFn::Min | ManyFn::Max | ManyFn::Sum => {
                let mut acc: Option<f64> = None;
                for &a in args {
                    if let Some(n) = self.eval_node(a, env).as_num() {
                        acc = Some(match (acc, f) {
                            (None, _) => n,
                            (Some(m), ManyFn::Min) => m.min(n),
                            (Some(m), ManyFn::Max) => m.max(n),
                            (Some(m), _) => m + n,
                        });
                    }
                }
                acc.map_or(Value::Null, num)
            }
        }
    }

    #[inline(never)]
    fn eval_median<E: Env>(&self, args: &[u32], env: &E) -> Value {
        let mut buf = [0.0f64; MAX_MEDIAN_ARGS];
        let mut n = 0;
        for &a in args.iter().take(MAX_MEDIAN_ARGS) {
            if let Some(x) = self.eval_node(a, env).as_num() {
                buf[n] = x;
                n += 1;
            }
        }
        let values = &mut buf[..n];
        values.sort_unstable_by(f64::total_cmp);
        match n {
            0 => Value::Null,
            _ if n % 2 == 1 => Value::Num(values[n / 2]),
            _ => Value::Num(values[n / 2 - 1] / 2.0 + values[n / 2] / 2.0),
        }
    }

    /// The leaf conditions behind the expression's value, for explaining why it is what it is.
    ///
    /// In source order: every comparison (with the values of both sides), and every
    /// `answered`, `dont_know`, `chosen` or `profile` call, computed value or boolean literal that
    /// is an operand of `and`, `or` or `not`, or the whole expression. Each carries its exact
    /// source text and its value. Parts that evaluation skipped (the right side of a decided
    /// `and`, the branch `if` did not take) are evaluated here too.
    pub fn conditions<E: Env>(&self, env: &E) -> Vec<Condition> {
        let mut out = Vec::new();
        self.collect_conditions(self.root, true, env, &mut out);
        out
    }

    /// What node `index` refers to, for a report to put in words.
    fn term(&self, index: u32) -> Term {
        match self.node(index) {
            Node::Lit(v) => Term::Lit(v),
            Node::Score(d) => Term::Score(d),
            Node::Coverage(d) => Term::Coverage(d),
            Node::Band(d) => Term::Band(d),
            Node::Answer(q) => Term::Answer(q),
            Node::Answered(q) => Term::Answered(q),
            Node::DontKnow(q) => Term::DontKnow(q),
            Node::Desired(q) => Term::Desired(q),
            Node::Gap(q) => Term::Gap(q),
            Node::Chosen(q, o) => Term::Chosen(q, o),
            Node::Points(q, o) => Term::Points(q, o),
            Node::Profile(p) => Term::Profile(p),
            Node::Computed(c) => Term::Computed(c),
            Node::CountAnswered(s) => Term::CountAnswered(s),
            // A negative number is written as a negation of a literal.
            Node::Neg(x) => match self.node(x) {
                Node::Lit(Value::Num(n)) => Term::Lit(Value::Num(-n)),
                _ => Term::Other,
            },
            _ => Term::Other,
        }
    }

    fn collect_conditions<E: Env>(
        &self,
        index: u32,
        logical: bool,
        env: &E,
        out: &mut Vec<Condition>,
    ) {
        let node = self.node(index);
        match node {
            Node::Cmp(op, a, b) => {
                out.push(Condition {
                    source: self.text(index).to_owned(),
                    value: self.eval_node(index, env),
                    left: Some(self.eval_node(a, env)),
                    right: Some(self.eval_node(b, env)),
                    sign: op.sign(),
                    subject: self.term(a),
                    object: self.term(b),
                });
                self.collect_conditions(a, false, env, out);
                self.collect_conditions(b, false, env, out);
            }
            Node::Answered(_)
            | Node::DontKnow(_)
            | Node::Chosen(..)
            | Node::Profile(_)
            | Node::Computed(_)
            | Node::Lit(Value::Bool(_))
                if logical =>
            {
                out.push(Condition {
                    source: self.text(index).to_owned(),
                    value: self.eval_node(index, env),
                    left: None,
                    right: None,
                    sign: "",
                    subject: self.term(index),
                    object: Term::Other,
                });
            }
            Node::And(..) | Node::Or(..) | Node::Not(_) => {
                self.for_each_child(node, |c| self.collect_conditions(c, true, env, out));
            }
            _ => self.for_each_child(node, |c| self.collect_conditions(c, false, env, out)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testutil::{compile, eval, eval0, sym, Answers};
    use super::super::{Condition, Term, Value};

    const T: Value = Value::Bool(true);
    const F: Value = Value::Bool(false);
    const N: Value = Value::Null;

    fn n(x: f64) -> Value {
        Value::Num(x)
    }

    fn literal(v: Value) -> &'static str {
        match v {
            T => "true",
            F => "false",
            _ => "null",
        }
    }

    #[test]
    fn and_follows_kleene_logic() {
        let table = [
            (T, T, T),
            (T, F, F),
            (T, N, N),
            (F, T, F),
            (F, F, F),
            (F, N, F),
            (N, T, N),
            (N, F, F),
            (N, N, N),
        ];
        for (a, b, expected) in table {
            let source = format!("{} and {}", literal(a), literal(b));
            let actual = eval0(&source);
            assert_eq!(actual, expected, "{source}");
        }
    }

    #[test]
    fn or_follows_kleene_logic() {
        let table = [
            (T, T, T),
            (T, F, T),
            (T, N, T),
            (F, T, T),
            (F, F, F),
            (F, N, N),
            (N, T, T),
            (N, F, N),
            (N, N, N),
        ];
        for (a, b, expected) in table {
            let source = format!("{} or {}", literal(a), literal(b));
            let actual = eval0(&source);
            assert_eq!(actual, expected, "{source}");
        }
    }

    #[test]
    fn not_follows_kleene_logic() {
        for (a, expected) in [(T, F), (F, T), (N, N)] {
            let source = format!("not {}", literal(a));
            let actual = eval0(&source);
            assert_eq!(actual, expected, "{source}");
        }
    }

    #[test]
    fn logic_treats_a_non_boolean_as_null() {
        let answers = Answers::new().computed("maturity", n(1.0));
        let cases = [
            ("maturity and true", N),
            ("maturity and false", F),
            ("maturity or true", T),
            ("maturity or false", N),
            ("not maturity", N),
            ("not ratio", N),
        ];
        for (source, expected) in cases {
            let actual = eval(source, &answers);
            assert_eq!(actual, expected, "{source}");
        }
    }

    #[test]
    fn null_propagates_through_arithmetic_and_comparisons() {
        let cases = [
            "null + 1",
            "1 - null",
            "null * 0",
            "0 / null",
            "null % 2",
            "-null",
            "score(digital) + 1",
            "score(digital) > 50",
            "score(digital) <= 50",
            "null == null",
            "null != 1",
            "answer(age) == answer(age)",
        ];
        for source in cases {
            let actual = eval0(source);
            assert_eq!(actual, N, "{source}");
        }
    }

    #[test]
    fn division_and_remainder_by_zero_are_null() {
        for source in ["1 / 0", "0 / 0", "5 % 0", "-1 / (2 - 2)"] {
            let actual = eval0(source);
            assert_eq!(actual, N, "{source}");
        }
    }

    #[test]
    fn a_result_that_is_not_finite_is_null() {
        let answers = Answers::new().computed("ratio", n(1e200));
        let actual = eval("ratio * ratio", &answers);
        assert_eq!(actual, N);
    }

    #[test]
    fn a_non_finite_number_from_the_environment_is_null() {
        let answers = Answers::new()
            .computed("ratio", n(f64::NAN))
            .score("digital", f64::INFINITY);
        for source in [
            "ratio",
            "score(digital)",
            "ratio == ratio",
            "score(digital) > 1",
        ] {
            let actual = eval(source, &answers);
            assert_eq!(actual, N, "{source}");
        }
    }

    #[test]
    fn arithmetic_computes_with_doubles() {
        let cases = [
            ("1 + 2 * 3", 7.0),
            ("7 / 2", 3.5),
            ("7 % 3", 1.0),
            ("-7 % 3", -1.0),
            ("7.5 % 2", 1.5),
            ("10 - 2 - 3", 5.0),
            ("-(2 - 5)", 3.0),
        ];
        for (source, expected) in cases {
            let actual = eval0(source);
            assert_eq!(actual, n(expected), "{source}");
        }
    }

    #[test]
    fn numbers_compare_exactly() {
        let cases = [
            ("0.1 + 0.2 == 0.3", F),
            ("0.5 + 0.25 == 0.75", T),
            ("1 != 1", F),
            ("1 < 2", T),
            ("2 <= 2", T),
            ("2 > 2", F),
            ("2 >= 3", F),
        ];
        for (source, expected) in cases {
            let actual = eval0(source);
            assert_eq!(actual, expected, "{source}");
        }
    }

    #[test]
    fn symbols_and_booleans_compare_for_equality_only() {
        let answers = Answers::new()
            .answer("size", sym("large"))
            .band("digital", "high")
            .answer("age", n(30.0))
            .computed("flag", T);
        let cases = [
            ("answer(size) == \"large\"", T),
            ("answer(size) != \"large\"", F),
            ("answer(size) == \"small\"", F),
            ("band(digital) == \"high\"", T),
            ("band(digital) != \"low\"", T),
            ("flag == true", T),
            ("flag != answered(age)", F),
            ("true == false", F),
        ];
        for (source, expected) in cases {
            let actual = eval(source, &answers);
            assert_eq!(actual, expected, "{source}");
        }
    }

    #[test]
    fn comparing_different_types_is_null() {
        let answers = Answers::new()
            .answer("size", sym("large"))
            .answer("age", n(30.0))
            .computed("flag", T)
            .computed("maturity", n(1.0));
        let cases = [
            "answer(size) == 1",
            "answer(size) != 1",
            "answer(size) > answer(age)",
            "flag == maturity",
            "flag != 1 + 1",
            "flag < maturity",
            "flag == answer(size)",
            "maturity == \"large\"",
        ];
        for source in cases {
            let actual = eval(source, &answers);
            assert_eq!(actual, N, "{source}");
        }
    }

    #[test]
    fn dimension_functions_read_the_dimension() {
        let answers = Answers::new()
            .score("digital", 72.5)
            .coverage("digital", 0.8)
            .band("digital", "high");
        let cases = [
            ("score(digital)", n(72.5)),
            ("coverage(digital)", n(0.8)),
            ("band(digital)", sym("high")),
            ("score(people)", N),
            ("band(people)", N),
        ];
        for (source, expected) in cases {
            let actual = eval(source, &answers);
            assert_eq!(actual, expected, "{source}");
        }
    }

    #[test]
    fn question_functions_read_the_answer() {
        let answers = Answers::new()
            .answer("level", n(2.0))
            .desired("level", 4.0)
            .answer("size", sym("medium"))
            .choose("tools", "crm")
            .choose("tools", "bi")
            .points("budget", "people", 70.0)
            .dont_know("age")
            .answer("age", N);
        let cases = [
            ("answer(level)", n(2.0)),
            ("answer(size)", sym("medium")),
            ("answer(tools)", n(2.0)),
            ("answer(age)", N),
            ("answered(level)", T),
            ("answered(age)", F),
            ("answered(q-1.x)", F),
            ("dont_know(age)", T),
            ("dont_know(level)", F),
            ("desired(level)", n(4.0)),
            ("desired(size)", N),
            ("gap(level)", n(2.0)),
            ("gap(size)", N),
            ("chosen(tools, crm)", T),
            ("chosen(tools, erp)", F),
            ("chosen(size, medium)", T),
            ("points(budget, people)", n(70.0)),
            ("points(budget, tools)", n(0.0)),
        ];
        for (source, expected) in cases {
            let actual = eval(source, &answers);
            assert_eq!(actual, expected, "{source}");
        }
    }

    #[test]
    fn points_of_an_unanswered_question_are_null() {
        let actual = eval0("points(budget, people)");
        assert_eq!(actual, N);
    }

    #[test]
    fn computed_profile_and_count_functions_read_results() {
        let answers = Answers::new()
            .computed("maturity", n(3.0))
            .profile("expert")
            .count(None, 12.0)
            .count(Some("ops"), 5.0);
        let cases = [
            ("maturity", n(3.0)),
            ("value(maturity)", n(3.0)),
            ("value(\"maturity\")", n(3.0)),
            ("ratio", N),
            ("profile(expert)", T),
            ("profile(starter)", F),
            ("count_answered()", n(12.0)),
            ("count_answered(ops)", n(5.0)),
            ("count_answered(intro)", n(0.0)),
        ];
        for (source, expected) in cases {
            let actual = eval(source, &answers);
            assert_eq!(actual, expected, "{source}");
        }
    }

    #[test]
    fn min_max_median_and_sum_skip_nulls() {
        let cases = [
            ("min(3, null, 1, 2)", n(1.0)),
            ("max(3, null, 1, 2)", n(3.0)),
            ("median(3, null, 1, 2)", n(2.0)),
            ("median(4, 1, 3, 2)", n(2.5)),
            ("median(5)", n(5.0)),
            ("sum(3, null, 1, 2)", n(6.0)),
            ("min(null)", N),
            ("max(null, score(digital))", N),
            ("median(null, null)", N),
            ("sum(null, 1 / 0)", N),
            ("min(-1, -5)", n(-5.0)),
        ];
        for (source, expected) in cases {
            let actual = eval0(source);
            assert_eq!(actual, expected, "{source}");
        }
    }

    #[test]
    fn median_of_the_largest_numbers_does_not_overflow() {
        let answers = Answers::new().computed("ratio", n(f64::MAX));
        let actual = eval("median(ratio, ratio)", &answers);
        assert_eq!(actual, n(f64::MAX));
    }

    #[test]
    fn count_counts_the_true_arguments() {
        let answers = Answers::new().answer("age", n(30.0));
        let cases = [
            ("count(true, false, null, answered(age))", n(2.0)),
            ("count(answered(size))", n(0.0)),
            ("count(ratio, maturity)", n(0.0)),
        ];
        for (source, expected) in cases {
            let actual = eval(source, &answers);
            assert_eq!(actual, expected, "{source}");
        }
    }

    #[test]
    fn abs_gives_the_magnitude() {
        let cases = [("abs(-2.5)", n(2.5)), ("abs(3)", n(3.0)), ("abs(null)", N)];
        for (source, expected) in cases {
            let actual = eval0(source);
            assert_eq!(actual, expected, "{source}");
        }
    }

    #[test]
    fn round_rounds_halves_away_from_zero() {
        let cases = [
            ("round(2.5)", n(3.0)),
            ("round(-2.5)", n(-3.0)),
            ("round(0.5)", n(1.0)),
            ("round(2.4999)", n(2.0)),
            ("round(1.5, 0)", n(2.0)),
            ("round(2.675, 2)", n(2.68)),
            ("round(1.005, 2)", n(1.01)),
            ("round(0.125, 2)", n(0.13)),
            ("round(-0.125, 2)", n(-0.13)),
            ("round(1.2345678, 6)", n(1.234568)),
            ("round(33.333333, 1)", n(33.3)),
            ("round(123456789012345678, 6)", n(123456789012345678.0)),
            ("round(null)", N),
            ("round(1, null)", N),
        ];
        for (source, expected) in cases {
            let actual = eval0(source);
            assert_eq!(actual, expected, "{source}");
        }
    }

    #[test]
    fn round_with_computed_digits_outside_0_to_6_is_null() {
        for digits in [7.0, -1.0, 0.5] {
            let answers = Answers::new().computed("maturity", n(digits));
            let actual = eval("round(1.25, maturity)", &answers);
            assert_eq!(actual, N, "digits {digits}");
        }
        let answers = Answers::new().computed("maturity", n(1.0));
        let actual = eval("round(1.25, maturity)", &answers);
        assert_eq!(actual, n(1.3));
    }

    #[test]
    fn clamp_limits_a_number() {
        let cases = [
            ("clamp(5, 0, 10)", n(5.0)),
            ("clamp(-5, 0, 10)", n(0.0)),
            ("clamp(15, 0, 10)", n(10.0)),
            ("clamp(5, 5, 5)", n(5.0)),
            ("clamp(5, 10, 0)", N),
            ("clamp(null, 0, 10)", N),
            ("clamp(5, null, 10)", N),
        ];
        for (source, expected) in cases {
            let actual = eval0(source);
            assert_eq!(actual, expected, "{source}");
        }
    }

    #[test]
    fn if_chooses_a_branch_and_is_null_for_an_unknown_condition() {
        let answers = Answers::new().computed("maturity", n(1.0));
        let cases = [
            ("if(true, 1, 2)", n(1.0)),
            ("if(false, 1, 2)", n(2.0)),
            ("if(null, 1, 2)", N),
            ("if(maturity, 1, 2)", N),
            ("if(answered(age), 1, \"low\")", sym("low")),
        ];
        for (source, expected) in cases {
            let actual = eval(source, &answers);
            assert_eq!(actual, expected, "{source}");
        }
    }

    #[test]
    fn a_condition_is_met_only_when_true() {
        let answers = Answers::new().score("digital", 70.0);
        let actual: Vec<bool> = [
            "score(digital) > 60",
            "score(people) > 60",
            "score(digital)",
        ]
        .iter()
        .map(|s| eval(s, &answers).is_true())
        .collect();
        let expected = vec![true, false, false];
        assert_eq!(actual, expected);
    }

    #[test]
    fn conditions_lists_comparisons_and_boolean_leaves_in_source_order() {
        let answers = Answers::new()
            .score("digital", 70.0)
            .answer("age", n(30.0))
            .choose("tools", "erp");
        let expr = compile("(score(digital) >= 60 and not answered(age)) or chosen(tools, crm)");
        let actual = expr.conditions(&answers);
        let expected = vec![
            Condition {
                source: "score(digital) >= 60".to_owned(),
                value: T,
                left: Some(n(70.0)),
                right: Some(n(60.0)),
                sign: "≥",
                subject: Term::Score(0),
                object: Term::Lit(n(60.0)),
            },
            Condition {
                source: "answered(age)".to_owned(),
                value: T,
                left: None,
                right: None,
                sign: "",
                subject: Term::Answered(0),
                object: Term::Other,
            },
            Condition {
                source: "chosen(tools, crm)".to_owned(),
                value: F,
                left: None,
                right: None,
                sign: "",
                subject: Term::Chosen(2, 0),
                object: Term::Other,
            },
        ];
        assert_eq!(actual, expected);
    }

    #[test]
    fn conditions_keeps_the_exact_source_text_including_inner_parentheses() {
        let expr = compile("((1)) +  2 ==\n(3)");
        let actual = expr.conditions(&Answers::new());
        let expected = vec![Condition {
            source: "((1)) +  2 ==\n(3)".to_owned(),
            value: T,
            left: Some(n(3.0)),
            right: Some(n(3.0)),
            sign: "=",
            // A sum is not a reference: a report shows it as written.
            subject: Term::Other,
            object: Term::Lit(n(3.0)),
        }];
        assert_eq!(actual, expected);
    }

    #[test]
    fn conditions_of_a_single_boolean_call_is_that_call() {
        let answers = Answers::new().profile("starter");
        let actual = compile("profile(starter)").conditions(&answers);
        let expected = vec![Condition {
            source: "profile(starter)".to_owned(),
            value: T,
            left: None,
            right: None,
            sign: "",
            subject: Term::Profile(0),
            object: Term::Other,
        }];
        assert_eq!(actual, expected);
    }

    #[test]
    fn conditions_includes_literals_and_computed_values_under_logic() {
        let answers = Answers::new().computed("flag", F);
        let actual = compile("flag or true").conditions(&answers);
        let expected = vec![
            Condition {
                source: "flag".to_owned(),
                value: F,
                left: None,
                right: None,
                sign: "",
                subject: Term::Computed(2),
                object: Term::Other,
            },
            Condition {
                source: "true".to_owned(),
                value: T,
                left: None,
                right: None,
                sign: "",
                subject: Term::Lit(T),
                object: Term::Other,
            },
        ];
        assert_eq!(actual, expected);
    }

    #[test]
    fn conditions_reaches_comparisons_inside_calls_and_skipped_branches() {
        let answers = Answers::new().score("digital", 10.0);
        let expr = compile(
            "if(dont_know(age), 0, count(score(digital) > 5, answered(age))) > 0 and false",
        );
        let actual: Vec<(String, Value)> = expr
            .conditions(&answers)
            .into_iter()
            .map(|c| (c.source, c.value))
            .collect();
        let expected = vec![
            (
                "if(dont_know(age), 0, count(score(digital) > 5, answered(age))) > 0".to_owned(),
                T,
            ),
            ("score(digital) > 5".to_owned(), T),
            ("false".to_owned(), F),
        ];
        assert_eq!(actual, expected);
    }

    #[test]
    fn conditions_of_a_number_is_empty() {
        let actual = compile("score(digital) + 1").conditions(&Answers::new());
        assert_eq!(actual, Vec::new());
    }

    #[test]
    fn conditions_reports_null_sides() {
        let actual = compile("score(digital) < 50").conditions(&Answers::new());
        let expected = vec![Condition {
            source: "score(digital) < 50".to_owned(),
            value: N,
            left: Some(N),
            right: Some(n(50.0)),
            sign: "<",
            subject: Term::Score(0),
            object: Term::Lit(n(50.0)),
        }];
        assert_eq!(actual, expected);
    }

    #[test]
    fn conditions_name_what_each_side_refers_to() {
        let expr = compile(
            "gap(level) >= desired(level) - 1 or points(budget, tools) > -2 \
             or band(people) == \"low\" or dont_know(size) or count_answered(ops) < 3",
        );
        let actual: Vec<(Term, Term)> = expr
            .conditions(&Answers::new())
            .into_iter()
            .map(|c| (c.subject, c.object))
            .collect();
        let expected = vec![
            (Term::Gap(3), Term::Other),
            (Term::Points(4, 1), Term::Lit(n(-2.0))),
            (Term::Band(1), Term::Lit(sym("low"))),
            (Term::DontKnow(1), Term::Other),
            (Term::CountAnswered(Some(1)), Term::Lit(n(3.0))),
        ];
        assert_eq!(actual, expected);
    }
}
