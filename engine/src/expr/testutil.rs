//! A small model and answer set for the expression tests.
//!
//! Questions: `age` (0, number 0–120), `size` (1, single choice `small` `medium` `large`),
//! `tools` (2, multiple choice `crm` `erp` `bi`), `level` (3, level 1–5), `budget` (4, points
//! over `people` `tools`), `q-1.x` (5). Dimensions `digital` (0), `people` (1). Computed values
//! `maturity` (0), `ratio` (1), `flag` (2), `and-more` (3). Profiles `starter` (0), `expert` (1).
//! Sections `intro` (0), `ops` (1). Bands `low`, `mid`, `high`.

use std::collections::{HashMap, HashSet};

use super::{Env, Expr, ExprError, Resolver, Value};

const QUESTIONS: &[&str] = &["age", "size", "tools", "level", "budget", "q-1.x"];
const OPTIONS: &[&[&str]] = &[
    &[],
    &["small", "medium", "large"],
    &["crm", "erp", "bi"],
    &[],
    &["people", "tools"],
    &[],
];
const DIMENSIONS: &[&str] = &["digital", "people"];
const COMPUTED: &[&str] = &["maturity", "ratio", "flag", "and-more"];
const PROFILES: &[&str] = &["starter", "expert"];
const SECTIONS: &[&str] = &["intro", "ops"];
const BANDS: &[&str] = &["low", "mid", "high"];

fn index(list: &[&str], id: &str) -> Option<u32> {
    list.iter().position(|x| *x == id).map(|i| i as u32)
}

/// The test model's resolver.
pub(crate) struct Model;

/// The symbol of option `option` of question `question`: options are numbered across all
/// questions in order, bands follow them.
fn option_symbol(question: u32, option: u32) -> u32 {
    let before: usize = OPTIONS[..question as usize].iter().map(|o| o.len()).sum();
    before as u32 + option
}

/// The symbol of an option id or band id (the first question with that option wins).
pub(crate) fn sym(id: &str) -> Value {
    Value::Sym(Model.symbol(id).expect("a known symbol"))
}

impl Resolver for Model {
    fn question(&self, id: &str) -> Option<u32> {
        index(QUESTIONS, id)
    }
    fn option(&self, question: u32, id: &str) -> Option<u32> {
        index(OPTIONS.get(question as usize)?, id)
    }
    fn option_symbol(&self, question: u32, option: u32) -> u32 {
        option_symbol(question, option)
    }
    fn dimension(&self, id: &str) -> Option<u32> {
        index(DIMENSIONS, id)
    }
    fn computed(&self, id: &str) -> Option<u32> {
        index(COMPUTED, id)
    }
    fn profile(&self, id: &str) -> Option<u32> {
        index(PROFILES, id)
    }
    fn section(&self, id: &str) -> Option<u32> {
        index(SECTIONS, id)
    }
    fn symbol(&self, text: &str) -> Option<u32> {
        for (q, options) in OPTIONS.iter().enumerate() {
            if let Some(o) = index(options, text) {
                return Some(option_symbol(q as u32, o));
            }
        }
        let options: usize = OPTIONS.iter().map(|o| o.len()).sum();
        index(BANDS, text).map(|b| options as u32 + b)
    }
    fn answer_range(&self, question: u32) -> Option<(f64, f64)> {
        match question {
            0 => Some((0.0, 120.0)),
            3 => Some((1.0, 5.0)),
            _ => None,
        }
    }
}

/// Answers and results for the test model; everything not set is missing.
#[derive(Debug, Default, Clone)]
pub(crate) struct Answers {
    pub(crate) scores: HashMap<u32, Value>,
    pub(crate) coverages: HashMap<u32, Value>,
    pub(crate) bands: HashMap<u32, Value>,
    pub(crate) answers: HashMap<u32, Value>,
    pub(crate) dont_knows: HashSet<u32>,
    pub(crate) desired: HashMap<u32, Value>,
    pub(crate) chosen: HashSet<(u32, u32)>,
    pub(crate) points: HashMap<(u32, u32), Value>,
    pub(crate) computed: HashMap<u32, Value>,
    pub(crate) profiles: HashSet<u32>,
    pub(crate) counts: HashMap<Option<u32>, f64>,
}

fn id(list: &[&str], name: &str) -> u32 {
    index(list, name).unwrap_or_else(|| panic!("unknown test id `{name}`"))
}

impl Answers {
    pub(crate) fn new() -> Self {
        Self::default()
    }
    pub(crate) fn score(mut self, dimension: &str, v: f64) -> Self {
        self.scores.insert(id(DIMENSIONS, dimension), Value::Num(v));
        self
    }
    pub(crate) fn coverage(mut self, dimension: &str, v: f64) -> Self {
        self.coverages
            .insert(id(DIMENSIONS, dimension), Value::Num(v));
        self
    }
    pub(crate) fn band(mut self, dimension: &str, band: &str) -> Self {
        self.bands.insert(id(DIMENSIONS, dimension), sym(band));
        self
    }
    /// Sets an answer; a single-choice answer also chooses its option.
    pub(crate) fn answer(mut self, question: &str, v: Value) -> Self {
        let q = id(QUESTIONS, question);
        if let Value::Sym(s) = v {
            let o = (0..OPTIONS[q as usize].len() as u32).find(|&o| option_symbol(q, o) == s);
            if let Some(o) = o {
                self.chosen.insert((q, o));
            }
        }
        self.answers.insert(q, v);
        self
    }
    pub(crate) fn dont_know(mut self, question: &str) -> Self {
        self.dont_knows.insert(id(QUESTIONS, question));
        self
    }
    pub(crate) fn desired(mut self, question: &str, v: f64) -> Self {
        self.desired.insert(id(QUESTIONS, question), Value::Num(v));
        self
    }
    pub(crate) fn choose(mut self, question: &str, option: &str) -> Self {
        let q = id(QUESTIONS, question);
        self.chosen.insert((q, id(OPTIONS[q as usize], option)));
        let n = self.chosen.iter().filter(|(cq, _)| *cq == q).count();
        self.answers.insert(q, Value::Num(n as f64));
        self
    }
    pub(crate) fn points(mut self, question: &str, option: &str, v: f64) -> Self {
        let q = id(QUESTIONS, question);
        self.points
            .insert((q, id(OPTIONS[q as usize], option)), Value::Num(v));
        self.answers.insert(q, Value::Num(100.0));
        self
    }
    pub(crate) fn computed(mut self, name: &str, v: Value) -> Self {
        self.computed.insert(id(COMPUTED, name), v);
        self
    }
    pub(crate) fn profile(mut self, name: &str) -> Self {
        self.profiles.insert(id(PROFILES, name));
        self
    }
    pub(crate) fn count(mut self, section: Option<&str>, n: f64) -> Self {
        self.counts.insert(section.map(|s| id(SECTIONS, s)), n);
        self
    }
}

impl Env for Answers {
    fn score(&self, dimension: u32) -> Value {
        self.scores.get(&dimension).copied().unwrap_or(Value::Null)
    }
    fn coverage(&self, dimension: u32) -> Value {
        self.coverages
            .get(&dimension)
            .copied()
            .unwrap_or(Value::Num(0.0))
    }
    fn band(&self, dimension: u32) -> Value {
        self.bands.get(&dimension).copied().unwrap_or(Value::Null)
    }
    fn answer(&self, question: u32) -> Value {
        self.answers.get(&question).copied().unwrap_or(Value::Null)
    }
    fn answered(&self, question: u32) -> bool {
        self.answers.contains_key(&question) && !self.dont_knows.contains(&question)
    }
    fn dont_know(&self, question: u32) -> bool {
        self.dont_knows.contains(&question)
    }
    fn desired(&self, question: u32) -> Value {
        self.desired.get(&question).copied().unwrap_or(Value::Null)
    }
    fn chosen(&self, question: u32, option: u32) -> bool {
        self.chosen.contains(&(question, option))
    }
    fn points(&self, question: u32, option: u32) -> Value {
        match self.points.get(&(question, option)) {
            Some(&v) => v,
            None if self.answers.contains_key(&question) => Value::Num(0.0),
            None => Value::Null,
        }
    }
    fn computed(&self, computed: u32) -> Value {
        self.computed.get(&computed).copied().unwrap_or(Value::Null)
    }
    fn profile(&self, profile: u32) -> bool {
        self.profiles.contains(&profile)
    }
    fn count_answered(&self, section: Option<u32>) -> f64 {
        self.counts.get(&section).copied().unwrap_or(0.0)
    }
}

/// Compiles `source` against the test model, panicking with the errors if it does not compile.
pub(crate) fn compile(source: &str) -> Expr {
    Expr::compile(source, &Model).unwrap_or_else(|errors| {
        let shown: Vec<String> = errors.iter().map(ExprError::to_string).collect();
        panic!("`{source}` does not compile: {shown:?}")
    })
}

/// The errors compiling `source` gives, as displayed.
pub(crate) fn errors(source: &str) -> Vec<String> {
    match Expr::compile(source, &Model) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.iter().map(ExprError::to_string).collect(),
    }
}

/// The codes of the errors compiling `source` gives.
pub(crate) fn codes(source: &str) -> Vec<&'static str> {
    match Expr::compile(source, &Model) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.iter().map(|e| e.code).collect(),
    }
}

/// Evaluates `source` with `answers`.
pub(crate) fn eval(source: &str, answers: &Answers) -> Value {
    compile(source).eval(answers)
}

/// Evaluates `source` with no answers at all.
pub(crate) fn eval0(source: &str) -> Value {
    eval(source, &Answers::new())
}

/// The tree of a compiled expression, fully parenthesized, with names spelled out.
pub(crate) fn shape(expr: &Expr) -> String {
    shape_node(expr, expr.root)
}

fn shape_node(expr: &Expr, index: u32) -> String {
    use super::ast::{ArithOp, CmpOp, ManyFn, Node};
    let s = |i: u32| shape_node(expr, i);
    let name = |list: &[&str], i: u32| list[i as usize].to_owned();
    let option = |q: u32, o: u32| OPTIONS[q as usize][o as usize];
    match expr.node(index) {
        Node::Lit(Value::Null) => "null".to_owned(),
        Node::Lit(Value::Num(n)) => n.to_string(),
        Node::Lit(Value::Bool(b)) => b.to_string(),
        Node::Lit(Value::Sym(x)) => format!("#{x}"),
        Node::Computed(c) => name(COMPUTED, c),
        Node::Score(d) => format!("score({})", name(DIMENSIONS, d)),
        Node::Coverage(d) => format!("coverage({})", name(DIMENSIONS, d)),
        Node::Band(d) => format!("band({})", name(DIMENSIONS, d)),
        Node::Answer(q) => format!("answer({})", name(QUESTIONS, q)),
        Node::Answered(q) => format!("answered({})", name(QUESTIONS, q)),
        Node::DontKnow(q) => format!("dont_know({})", name(QUESTIONS, q)),
        Node::Desired(q) => format!("desired({})", name(QUESTIONS, q)),
        Node::Gap(q) => format!("gap({})", name(QUESTIONS, q)),
        Node::Chosen(q, o) => format!("chosen({}, {})", name(QUESTIONS, q), option(q, o)),
        Node::Points(q, o) => format!("points({}, {})", name(QUESTIONS, q), option(q, o)),
        Node::Profile(p) => format!("profile({})", name(PROFILES, p)),
        Node::CountAnswered(None) => "count_answered()".to_owned(),
        Node::CountAnswered(Some(x)) => format!("count_answered({})", name(SECTIONS, x)),
        Node::Not(a) => format!("(not {})", s(a)),
        Node::Neg(a) => format!("(-{})", s(a)),
        Node::And(a, b) => format!("({} and {})", s(a), s(b)),
        Node::Or(a, b) => format!("({} or {})", s(a), s(b)),
        Node::Cmp(op, a, b) => {
            let op = match op {
                CmpOp::Eq => "==",
                CmpOp::Ne => "!=",
                CmpOp::Lt => "<",
                CmpOp::Le => "<=",
                CmpOp::Gt => ">",
                CmpOp::Ge => ">=",
            };
            format!("({} {op} {})", s(a), s(b))
        }
        Node::Arith(op, a, b) => {
            let op = match op {
                ArithOp::Add => "+",
                ArithOp::Sub => "-",
                ArithOp::Mul => "*",
                ArithOp::Div => "/",
                ArithOp::Rem => "%",
            };
            format!("({} {op} {})", s(a), s(b))
        }
        Node::Abs(a) => format!("abs({})", s(a)),
        Node::Round(a, None) => format!("round({})", s(a)),
        Node::Round(a, Some(d)) => format!("round({}, {})", s(a), s(d)),
        Node::Clamp(a, b, c) => format!("clamp({}, {}, {})", s(a), s(b), s(c)),
        Node::If(a, b, c) => format!("if({}, {}, {})", s(a), s(b), s(c)),
        Node::Many(f, start, len) => {
            let f = match f {
                ManyFn::Min => "min",
                ManyFn::Max => "max",
                ManyFn::Median => "median",
                ManyFn::Sum => "sum",
                ManyFn::Count => "count",
            };
            let args: Vec<String> = expr.many_args(start, len).iter().map(|&a| s(a)).collect();
            format!("{f}({})", args.join(", "))
        }
    }
}
