//! The compiled form of an expression, and the error and explanation types it hands out.
//!
//! A compiled expression is a flat list of [`Node`]s. Every child comes before its parent, so the
//! root is the last node, and a node refers to its children by index. Variadic calls keep their
//! argument indices in a separate list. Everything is `Copy`, so evaluation reads the list
//! without allocating.

use std::fmt;

use super::{Ref, Value};

/// A compiled expression: parse it with [`Expr::compile`], then [`eval`](Expr::eval) it as often
/// as needed.
#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    /// The source text, as given.
    pub(super) source: Box<str>,
    /// The nodes, children before parents.
    pub(super) nodes: Vec<Node>,
    /// The source text of each node, parallel to `nodes`.
    pub(super) spans: Vec<Span>,
    /// The arguments of variadic calls (see [`Node::Many`]).
    pub(super) args: Vec<u32>,
    /// The index of the root node.
    pub(super) root: u32,
}

/// A byte range of the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Span {
    /// The first byte.
    pub(super) start: u32,
    /// One past the last byte.
    pub(super) end: u32,
}

/// One node of a compiled expression. Indices name other nodes, except where noted.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Node {
    /// A literal (a string literal is stored as its symbol).
    Lit(Value),
    /// A computed value, by index.
    Computed(u32),
    /// `score(d)`.
    Score(u32),
    /// `coverage(d)`.
    Coverage(u32),
    /// `band(d)`.
    Band(u32),
    /// `answer(q)`.
    Answer(u32),
    /// `answered(q)`.
    Answered(u32),
    /// `dont_know(q)`.
    DontKnow(u32),
    /// `desired(q)`.
    Desired(u32),
    /// `gap(q)`.
    Gap(u32),
    /// `chosen(q, o)`: question index, option index.
    Chosen(u32, u32),
    /// `points(q, o)`: question index, option index.
    Points(u32, u32),
    /// `profile(p)`.
    Profile(u32),
    /// `count_answered()` or `count_answered(section)`.
    CountAnswered(Option<u32>),
    /// `not x`.
    Not(u32),
    /// `-x`.
    Neg(u32),
    /// `a and b`.
    And(u32, u32),
    /// `a or b`.
    Or(u32, u32),
    /// A comparison.
    Cmp(CmpOp, u32, u32),
    /// Arithmetic.
    Arith(ArithOp, u32, u32),
    /// `abs(x)`.
    Abs(u32),
    /// `round(x)` or `round(x, digits)`.
    Round(u32, Option<u32>),
    /// `clamp(x, lo, hi)`.
    Clamp(u32, u32, u32),
    /// `if(cond, a, b)`.
    If(u32, u32, u32),
    /// A variadic call; the arguments are `args[start..start + len]`.
    Many(ManyFn, u32, u32),
}

/// A comparison operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum CmpOp {
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
}

impl CmpOp {
    /// The sign a reader writes for it.
    pub(super) fn sign(self) -> &'static str {
        match self {
            CmpOp::Eq => "=",
            CmpOp::Ne => "≠",
            CmpOp::Lt => "<",
            CmpOp::Le => "≤",
            CmpOp::Gt => ">",
            CmpOp::Ge => "≥",
        }
    }
}

impl CmpOp {
    /// The operator that holds for `b op' a` exactly when `a op b` holds.
    pub(super) fn flipped(self) -> CmpOp {
        match self {
            CmpOp::Eq => CmpOp::Eq,
            CmpOp::Ne => CmpOp::Ne,
            CmpOp::Lt => CmpOp::Gt,
            CmpOp::Le => CmpOp::Ge,
            CmpOp::Gt => CmpOp::Lt,
            CmpOp::Ge => CmpOp::Le,
        }
    }

    /// The operator that is `true` exactly when this one is `false` (for comparable operands).
    pub(super) fn negated(self) -> CmpOp {
        match self {
            CmpOp::Eq => CmpOp::Ne,
            CmpOp::Ne => CmpOp::Eq,
            CmpOp::Lt => CmpOp::Ge,
            CmpOp::Le => CmpOp::Gt,
            CmpOp::Gt => CmpOp::Le,
            CmpOp::Ge => CmpOp::Lt,
        }
    }
}

/// An arithmetic operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ArithOp {
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mul,
    /// `/`
    Div,
    /// `%`
    Rem,
}

/// A variadic function.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum ManyFn {
    /// `min(...)`
    Min,
    /// `max(...)`
    Max,
    /// `median(...)`
    Median,
    /// `sum(...)`
    Sum,
    /// `count(...)`
    Count,
}

impl Node {
    /// What this node reads, if it reads anything by name.
    fn reference(self) -> Option<Ref> {
        match self {
            Node::Computed(c) => Some(Ref::Computed(c)),
            Node::Score(d) | Node::Coverage(d) | Node::Band(d) => Some(Ref::Dimension(d)),
            Node::Answer(q)
            | Node::Answered(q)
            | Node::DontKnow(q)
            | Node::Desired(q)
            | Node::Gap(q)
            | Node::Chosen(q, _)
            | Node::Points(q, _) => Some(Ref::Question(q)),
            Node::Profile(p) => Some(Ref::Profile(p)),
            Node::CountAnswered(s) => s.map(Ref::Section),
            _ => None,
        }
    }

    /// Whether this node reads one piece of data from the environment directly (a "term" whose
    /// value is the same wherever it appears in one evaluation).
    pub(super) fn is_term(self) -> bool {
        !matches!(
            self,
            Node::Lit(_)
                | Node::Not(_)
                | Node::Neg(_)
                | Node::And(..)
                | Node::Or(..)
                | Node::Cmp(..)
                | Node::Arith(..)
                | Node::Abs(_)
                | Node::Round(..)
                | Node::Clamp(..)
                | Node::If(..)
                | Node::Many(..)
        )
    }
}

impl Expr {
    /// The source text the expression was compiled from.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// Everything the expression reads by name, sorted and without duplicates. A `Section`
    /// stands for `count_answered(section)`; see also [`Expr::counts_all_answers`].
    pub fn references(&self) -> Vec<Ref> {
        let mut refs: Vec<Ref> = self.nodes.iter().filter_map(|n| n.reference()).collect();
        refs.sort_unstable();
        refs.dedup();
        refs
    }

    /// Whether the expression uses `count_answered()` without a section, and so depends on
    /// whether every question is answered.
    pub fn counts_all_answers(&self) -> bool {
        self.nodes.contains(&Node::CountAnswered(None))
    }

    /// How many nodes the compiled expression has.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.nodes.len()
    }

    /// The node at `index`.
    #[inline(always)]
    pub(super) fn node(&self, index: u32) -> Node {
        self.nodes
            .get(index as usize)
            .copied()
            .unwrap_or(Node::Lit(Value::Null))
    }

    /// The argument indices of a variadic call.
    #[inline]
    pub(super) fn many_args(&self, start: u32, len: u32) -> &[u32] {
        let start = start as usize;
        self.args
            .get(start..start + len as usize)
            .unwrap_or_default()
    }

    /// The exact source text of node `index`.
    pub(super) fn text(&self, index: u32) -> &str {
        self.spans
            .get(index as usize)
            .and_then(|s| self.source.get(s.start as usize..s.end as usize))
            .unwrap_or_default()
    }

    /// Calls `f` with each child of `node`, in source order.
    pub(super) fn for_each_child(&self, node: Node, mut f: impl FnMut(u32)) {
        match node {
            Node::Not(a) | Node::Neg(a) | Node::Abs(a) | Node::Round(a, None) => f(a),
            Node::Round(a, Some(b))
            | Node::And(a, b)
            | Node::Or(a, b)
            | Node::Cmp(_, a, b)
            | Node::Arith(_, a, b) => {
                f(a);
                f(b);
            }
            Node::Clamp(a, b, c) | Node::If(a, b, c) => {
                f(a);
                f(b);
                f(c);
            }
            Node::Many(_, start, len) => {
                for &a in self.many_args(start, len) {
                    f(a);
                }
            }
            Node::Lit(_)
            | Node::Computed(_)
            | Node::Score(_)
            | Node::Coverage(_)
            | Node::Band(_)
            | Node::Answer(_)
            | Node::Answered(_)
            | Node::DontKnow(_)
            | Node::Desired(_)
            | Node::Gap(_)
            | Node::Chosen(..)
            | Node::Points(..)
            | Node::Profile(_)
            | Node::CountAnswered(_) => {}
        }
    }
}

impl fmt::Display for Expr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.source)
    }
}

/// Why an expression does not compile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExprError {
    /// Where the problem is: 1-based, counted in characters over the whole source.
    pub column: usize,
    /// A stable code, such as `expr.syntax` or `expr.unknown_question` (listed in the
    /// [module documentation](super)).
    pub code: &'static str,
    /// A human-readable description, without the column.
    pub message: String,
}

impl fmt::Display for ExprError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "column {}: {}", self.column, self.message)
    }
}

impl std::error::Error for ExprError {}

/// One leaf condition behind an expression's value (see [`Expr::conditions`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Condition {
    /// The condition's exact source text.
    pub source: String,
    /// What the condition evaluated to.
    pub value: Value,
    /// For a comparison, the value of its left side.
    pub left: Option<Value>,
    /// For a comparison, the value of its right side.
    pub right: Option<Value>,
    /// For a comparison, its sign as a reader writes it (`<`, `≤`, `>`, `≥`, `=`, `≠`); empty
    /// otherwise.
    pub sign: &'static str,
    /// What the condition is about: a comparison's left side, or the condition itself.
    pub subject: Term,
    /// A comparison's right side; [`Term::Other`] otherwise.
    pub object: Term,
}

/// What one side of a comparison, or a condition that is itself true or false, refers to, so
/// that a report can put it in words. Indices are the model's, as in [`Ref`](super::Ref).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Term {
    /// A literal.
    Lit(Value),
    /// `score(d)`.
    Score(u32),
    /// `coverage(d)`.
    Coverage(u32),
    /// `band(d)`.
    Band(u32),
    /// `answer(q)`.
    Answer(u32),
    /// `answered(q)`.
    Answered(u32),
    /// `dont_know(q)`.
    DontKnow(u32),
    /// `desired(q)`.
    Desired(u32),
    /// `gap(q)`.
    Gap(u32),
    /// `chosen(q, o)`.
    Chosen(u32, u32),
    /// `points(q, o)`.
    Points(u32, u32),
    /// `profile(p)`.
    Profile(u32),
    /// A computed value.
    Computed(u32),
    /// `count_answered()` or `count_answered(section)`.
    CountAnswered(Option<u32>),
    /// Anything else: arithmetic, a function of several values, a negation.
    Other,
}
