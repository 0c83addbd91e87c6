//! Static analysis: can an expression ever be true?
//!
//! Each node is approximated by the set of values it can take in any environment: an interval of
//! numbers, which booleans, which symbols, and whether `null` is possible. The approximation is
//! sound (it may include values that never occur, never leaves out one that can), so "true is not
//! in the set" proves the expression is never met. On top of that, the operands of an `and` are
//! read as facts about the terms they compare (`score(a) > 60`, `answer(q) == "x"`,
//! `not answered(q)`), and facts that contradict each other on the same term rule out `true`.

use super::ast::{ArithOp, CmpOp, Expr, ManyFn, Node};
use super::eval::{round_digits, round_to};
use super::{Resolver, Value};

const MAX: f64 = f64::MAX;

/// A closed interval of finite numbers.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Range {
    lo: f64,
    hi: f64,
}

/// The finite numbers in `[lo, hi]`, or `None` when there are none. Infinite bounds (from an
/// overflow) are clipped; a NaN bound means "unbounded".
fn range(lo: f64, hi: f64) -> Option<Range> {
    let lo = lo.max(-MAX);
    let hi = hi.min(MAX);
    (lo <= hi).then_some(Range { lo, hi })
}

const UNBOUNDED: Range = Range { lo: -MAX, hi: MAX };

/// Which symbols a value can be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Syms {
    None,
    One(u32),
    Any,
}

impl Syms {
    fn join(self, other: Syms) -> Syms {
        match (self, other) {
            (Syms::None, s) | (s, Syms::None) => s,
            (Syms::One(a), Syms::One(b)) if a == b => Syms::One(a),
            _ => Syms::Any,
        }
    }
}

/// The values a node can take.
#[derive(Debug, Clone, Copy)]
struct Approx {
    num: Option<Range>,
    t: bool,
    f: bool,
    sym: Syms,
    null: bool,
}

impl Approx {
    const NONE: Approx = Approx {
        num: None,
        t: false,
        f: false,
        sym: Syms::None,
        null: false,
    };
    const NULL: Approx = Approx {
        null: true,
        ..Approx::NONE
    };
    const ANY: Approx = Approx {
        num: Some(UNBOUNDED),
        t: true,
        f: true,
        sym: Syms::Any,
        null: true,
    };

    fn number(r: Option<Range>, null: bool) -> Approx {
        Approx {
            num: r,
            null: null || r.is_none(),
            ..Approx::NONE
        }
    }

    fn boolean(t: bool, f: bool, null: bool) -> Approx {
        Approx {
            t,
            f,
            null,
            ..Approx::NONE
        }
    }

    fn join(self, other: Approx) -> Approx {
        Approx {
            num: match (self.num, other.num) {
                (Some(a), Some(b)) => Some(Range {
                    lo: a.lo.min(b.lo),
                    hi: a.hi.max(b.hi),
                }),
                (a, b) => a.or(b),
            },
            t: self.t || other.t,
            f: self.f || other.f,
            sym: self.sym.join(other.sym),
            null: self.null || other.null,
        }
    }

    /// Whether it can be something other than a number (which numeric operations turn to null).
    fn non_num(self) -> bool {
        self.t || self.f || self.sym != Syms::None || self.null
    }

    /// As a three-valued truth: can it be true, false, unknown (null or not a boolean).
    fn truth(self) -> (bool, bool, bool) {
        (
            self.t,
            self.f,
            self.null || self.num.is_some() || self.sym != Syms::None,
        )
    }

    /// The kinds it can be, as a mask of [`NUM`], [`SYM`], [`BOOL`].
    fn kinds(self) -> u8 {
        let mut k = 0;
        if self.num.is_some() {
            k |= NUM;
        }
        if self.sym != Syms::None {
            k |= SYM;
        }
        if self.t || self.f {
            k |= BOOL;
        }
        k
    }

    /// A boolean that is fixed, if it can only be that boolean (apart from null).
    fn only_bool(self) -> Option<bool> {
        match (self.t, self.f, self.num, self.sym) {
            (true, false, None, Syms::None) => Some(true),
            (false, true, None, Syms::None) => Some(false),
            _ => None,
        }
    }
}

const NUM: u8 = 1;
const SYM: u8 = 2;
const BOOL: u8 = 4;

fn compare(op: CmpOp, a: Approx, b: Approx) -> Approx {
    let equality = matches!(op, CmpOp::Eq | CmpOp::Ne);
    let (ka, kb) = (a.kinds(), b.kinds());
    // A pair of values that cannot be compared gives null.
    let mixed = if equality {
        (0..3).any(|i| (0..3).any(|j| i != j && ka & (1 << i) != 0 && kb & (1 << j) != 0))
    } else {
        ka & !NUM != 0 || kb & !NUM != 0
    };
    let mut out = Approx::boolean(false, false, a.null || b.null || mixed);
    let mut add = |t: bool, f: bool| {
        out.t |= t;
        out.f |= f;
    };
    if let (Some(x), Some(y)) = (a.num, b.num) {
        let overlap = x.lo <= y.hi && y.lo <= x.hi;
        let same_point = x.lo == x.hi && y.lo == y.hi && x.lo == y.lo;
        match op {
            CmpOp::Eq => add(overlap, !same_point),
            CmpOp::Ne => add(!same_point, overlap),
            CmpOp::Lt => add(x.lo < y.hi, x.hi >= y.lo),
            CmpOp::Le => add(x.lo <= y.hi, x.hi > y.lo),
            CmpOp::Gt => add(x.hi > y.lo, x.lo <= y.hi),
            CmpOp::Ge => add(x.hi >= y.lo, x.lo < y.hi),
        }
    }
    if equality {
        let bool_eq = (a.t && b.t) || (a.f && b.f);
        let bool_ne = (a.t && b.f) || (a.f && b.t);
        let (sym_eq, sym_ne) = match (a.sym, b.sym) {
            (Syms::None, _) | (_, Syms::None) => (false, false),
            (Syms::One(x), Syms::One(y)) => (x == y, x != y),
            _ => (true, true),
        };
        let (eq, ne) = (bool_eq || sym_eq, bool_ne || sym_ne);
        if op == CmpOp::Eq {
            add(eq, ne);
        } else {
            add(ne, eq);
        }
    }
    out
}

fn arith(op: ArithOp, a: Approx, b: Approx) -> Approx {
    let (Some(x), Some(y)) = (a.num, b.num) else {
        return Approx::NULL;
    };
    let spread = |p: [f64; 4]| {
        (
            p.iter().copied().fold(f64::INFINITY, f64::min),
            p.iter().copied().fold(f64::NEG_INFINITY, f64::max),
        )
    };
    let divisor_has_zero = y.lo <= 0.0 && 0.0 <= y.hi;
    let (lo, hi) = match op {
        ArithOp::Add => (x.lo + y.lo, x.hi + y.hi),
        ArithOp::Sub => (x.lo - y.hi, x.hi - y.lo),
        ArithOp::Mul => spread([x.lo * y.lo, x.lo * y.hi, x.hi * y.lo, x.hi * y.hi]),
        ArithOp::Div | ArithOp::Rem if y.lo == 0.0 && y.hi == 0.0 => return Approx::NULL,
        ArithOp::Div if divisor_has_zero => (-MAX, MAX),
        ArithOp::Div => spread([x.lo / y.lo, x.lo / y.hi, x.hi / y.lo, x.hi / y.hi]),
        ArithOp::Rem => {
            // The remainder is smaller than the divisor and has the sign of the dividend.
            let m = y.lo.abs().max(y.hi.abs());
            (
                if x.lo >= 0.0 { 0.0 } else { -m },
                if x.hi <= 0.0 { 0.0 } else { m },
            )
        }
    };
    let null = a.non_num()
        || b.non_num()
        || (matches!(op, ArithOp::Div | ArithOp::Rem) && divisor_has_zero)
        || !lo.is_finite()
        || !hi.is_finite();
    Approx::number(range(lo, hi), null)
}

/// A fact that holds whenever a conjunct is true, about a term.
#[derive(Debug, Clone, Copy)]
enum Fact {
    /// The term is one of these kinds.
    Kinds(u8),
    /// The term is a number greater than (strictly, when `true`) this.
    Above(f64, bool),
    /// The term is a number less than (strictly, when `true`) this.
    Below(f64, bool),
    /// The term is a number other than this.
    NotNum(f64),
    /// The term is this symbol.
    Sym(u32),
    /// The term is a symbol other than this.
    NotSym(u32),
    /// The term is this boolean.
    Is(bool),
}

struct Analyzer<'a> {
    expr: &'a Expr,
    resolver: &'a dyn Resolver,
    /// The approximation of every node computed so far. Children come before their parents,
    /// so filling it in index order computes each node once, from its children's entries.
    table: Vec<Approx>,
}

impl<'a> Analyzer<'a> {
    fn new(expr: &'a Expr, resolver: &'a dyn Resolver) -> Self {
        let mut analyzer = Analyzer {
            expr,
            resolver,
            table: Vec::with_capacity(expr.nodes.len()),
        };
        for (index, &node) in expr.nodes.iter().enumerate() {
            let approx = analyzer.approx_node(node, index as u32);
            analyzer.table.push(approx);
        }
        analyzer
    }

    fn approx(&self, index: u32) -> Approx {
        self.table
            .get(index as usize)
            .copied()
            .unwrap_or(Approx::ANY)
    }

    /// The values `node`, at `index`, can take. A term has no children and does not use `index`.
    fn approx_node(&self, node: Node, index: u32) -> Approx {
        let num = |lo: f64, hi: f64, null: bool| Approx::number(range(lo, hi), null);
        match node {
            Node::Lit(Value::Null) => Approx::NULL,
            Node::Lit(Value::Num(n)) => num(n, n, !n.is_finite()),
            Node::Lit(Value::Bool(b)) => Approx::boolean(b, !b, false),
            Node::Lit(Value::Sym(s)) => Approx {
                sym: Syms::One(s),
                ..Approx::NONE
            },
            Node::Score(_) => num(0.0, 100.0, true),
            Node::Coverage(_) => num(0.0, 1.0, true),
            Node::Band(_) => Approx {
                sym: Syms::Any,
                ..Approx::NULL
            },
            Node::Answer(q) => {
                let r = match self.resolver.answer_range(q) {
                    Some((lo, hi)) => range(lo.min(hi), hi.max(lo)),
                    None => Some(UNBOUNDED),
                };
                Approx {
                    num: r,
                    sym: Syms::Any,
                    ..Approx::NULL
                }
            }
            Node::Desired(_) | Node::Gap(_) | Node::Points(..) => num(-MAX, MAX, true),
            Node::Answered(_) | Node::DontKnow(_) | Node::Chosen(..) | Node::Profile(_) => {
                Approx::boolean(true, true, false)
            }
            Node::Computed(_) => Approx::ANY,
            Node::CountAnswered(_) => num(0.0, MAX, false),
            Node::Not(a) => {
                let (t, f, n) = self.approx(a).truth();
                Approx::boolean(f, t, n)
            }
            Node::Neg(a) => {
                let a = self.approx(a);
                Approx::number(a.num.and_then(|r| range(-r.hi, -r.lo)), a.non_num())
            }
            Node::And(a, b) => {
                let (ta, fa, na) = self.approx(a).truth();
                let (tb, fb, nb) = self.approx(b).truth();
                let t = ta && tb && !self.contradicts(index);
                Approx::boolean(t, fa || fb, (na && (tb || nb)) || (ta && nb))
            }
            Node::Or(a, b) => {
                let (ta, fa, na) = self.approx(a).truth();
                let (tb, fb, nb) = self.approx(b).truth();
                Approx::boolean(ta || tb, fa && fb, (na && (fb || nb)) || (fa && nb))
            }
            Node::Cmp(op, a, b) => compare(op, self.approx(a), self.approx(b)),
            Node::Arith(op, a, b) => arith(op, self.approx(a), self.approx(b)),
            Node::Abs(a) => {
                let a = self.approx(a);
                let r = a.num.map(|r| {
                    if r.lo >= 0.0 {
                        r
                    } else if r.hi <= 0.0 {
                        Range {
                            lo: -r.hi,
                            hi: -r.lo,
                        }
                    } else {
                        Range {
                            lo: 0.0,
                            hi: r.hi.max(-r.lo),
                        }
                    }
                });
                Approx::number(r, a.non_num())
            }
            Node::Round(a, digits) => {
                let a = self.approx(a);
                let digits = match digits {
                    None => Some(0),
                    Some(d) => match self.expr.node(d) {
                        Node::Lit(v) => round_digits(v),
                        _ => None,
                    },
                };
                // Rounding never decreases an order and moves a number by at most half a unit.
                let r = a.num.and_then(|r| match digits {
                    Some(d) => range(round_to(r.lo, d), round_to(r.hi, d)),
                    None => range(r.lo - 0.5, r.hi + 0.5),
                });
                Approx::number(r, a.non_num() || digits.is_none())
            }
            Node::Clamp(x, lo, hi) => {
                let (x, lo, hi) = (self.approx(x), self.approx(lo), self.approx(hi));
                match (x.num, lo.num, hi.num) {
                    (Some(x_r), Some(lo_r), Some(hi_r)) => {
                        // clamp(x, lo, hi) = max(lo, min(x, hi)), monotone in every argument.
                        let r = range(
                            lo_r.lo.max(x_r.lo.min(hi_r.lo)),
                            lo_r.hi.max(x_r.hi.min(hi_r.hi)),
                        );
                        let null = x.non_num() || lo.non_num() || hi.non_num() || lo_r.hi > hi_r.lo;
                        Approx::number(r, null)
                    }
                    _ => Approx::NULL,
                }
            }
            Node::If(cond, a, b) => {
                let (t, f, n) = self.approx(cond).truth();
                let mut out = Approx::NONE;
                if t {
                    out = out.join(self.approx(a));
                }
                if f {
                    out = out.join(self.approx(b));
                }
                if n {
                    out = out.join(Approx::NULL);
                }
                out
            }
            Node::Many(f, start, len) => self.approx_many(f, self.expr.many_args(start, len)),
        }
    }

    fn approx_many(&self, f: ManyFn, args: &[u32]) -> Approx {
        let all: Vec<Approx> = args.iter().map(|&a| self.approx(a)).collect();
        if f == ManyFn::Count {
            let must = all
                .iter()
                .filter(|a| a.only_bool() == Some(true) && !a.null);
            let can = all.iter().filter(|a| a.t);
            return Approx::number(range(must.count() as f64, can.count() as f64), false);
        }
        // Arguments that are not numbers are skipped; all of them skipped gives null.
        let all_skippable = all.iter().all(|a| a.non_num());
        let numbers = all.iter().filter_map(|a| a.num.map(|r| (r, a.non_num())));
        let mut hull: Option<(f64, f64)> = None;
        for (r, skippable) in numbers {
            let (lo, hi) = match f {
                // A skipped argument adds nothing.
                ManyFn::Sum if skippable => (r.lo.min(0.0), r.hi.max(0.0)),
                _ => (r.lo, r.hi),
            };
            hull = Some(match (hull, f) {
                (None, _) => (lo, hi),
                (Some((a, b)), ManyFn::Sum) => (a + lo, b + hi),
                (Some((a, b)), _) => (a.min(lo), b.max(hi)),
            });
        }
        match hull {
            None => Approx::NULL,
            Some((lo, hi)) => Approx::number(
                range(lo, hi),
                all_skippable || !lo.is_finite() || !hi.is_finite(),
            ),
        }
    }

    /// Whether the conjuncts of the `and` at `index` contradict each other.
    fn contradicts(&self, index: u32) -> bool {
        let mut facts = Vec::new();
        self.collect_facts(index, &mut facts);
        let mut keys: Vec<Node> = Vec::new();
        for &(key, _) in &facts {
            if !keys.contains(&key) {
                keys.push(key);
            }
        }
        keys.into_iter().any(|key| {
            let about = facts.iter().filter(|(k, _)| *k == key).map(|&(_, f)| f);
            self.impossible(key, about)
        })
    }

    /// Facts that hold whenever the node at `index` is true, keyed by the term they are about.
    fn collect_facts(&self, index: u32, out: &mut Vec<(Node, Fact)>) {
        let node = self.expr.node(index);
        match node {
            Node::And(a, b) => {
                self.collect_facts(a, out);
                self.collect_facts(b, out);
            }
            Node::Cmp(op, a, b) => self.comparison_facts(op, a, b, out),
            Node::Not(a) => match self.expr.node(a) {
                // `not (x < y)` is true exactly when `x < y` is false, which needs comparable
                // operands: then `x >= y` holds.
                Node::Cmp(op, l, r) => self.comparison_facts(op.negated(), l, r, out),
                term if term.is_term() => out.push((term, Fact::Is(false))),
                _ => {}
            },
            term if term.is_term() => out.push((term, Fact::Is(true))),
            _ => {}
        }
    }

    fn comparison_facts(&self, op: CmpOp, a: u32, b: u32, out: &mut Vec<(Node, Fact)>) {
        let (left, right) = (self.expr.node(a), self.expr.node(b));
        if left.is_term() {
            Self::term_facts(left, op, self.approx(b), out);
        }
        if right.is_term() {
            Self::term_facts(right, op.flipped(), self.approx(a), out);
        }
    }

    /// Facts about `term` when `term op other` is true.
    fn term_facts(term: Node, op: CmpOp, other: Approx, out: &mut Vec<(Node, Fact)>) {
        let mut push = |fact| out.push((term, fact));
        let kinds = other.kinds();
        match op {
            CmpOp::Lt | CmpOp::Le | CmpOp::Gt | CmpOp::Ge => {
                push(Fact::Kinds(NUM));
                if let Some(r) = other.num {
                    push(match op {
                        CmpOp::Lt => Fact::Below(r.hi, true),
                        CmpOp::Le => Fact::Below(r.hi, false),
                        CmpOp::Gt => Fact::Above(r.lo, true),
                        _ => Fact::Above(r.lo, false),
                    });
                }
            }
            CmpOp::Eq => {
                push(Fact::Kinds(kinds));
                if kinds == NUM {
                    if let Some(r) = other.num {
                        push(Fact::Above(r.lo, false));
                        push(Fact::Below(r.hi, false));
                    }
                }
                if let (SYM, Syms::One(s)) = (kinds, other.sym) {
                    push(Fact::Sym(s));
                }
                if let Some(b) = other.only_bool() {
                    push(Fact::Is(b));
                }
            }
            CmpOp::Ne => {
                push(Fact::Kinds(kinds));
                match (kinds, other.num, other.sym) {
                    (NUM, Some(r), _) if r.lo == r.hi => push(Fact::NotNum(r.lo)),
                    (SYM, _, Syms::One(s)) => push(Fact::NotSym(s)),
                    _ => {}
                }
                if let Some(b) = other.only_bool() {
                    push(Fact::Is(!b));
                }
            }
        }
    }

    /// Whether `facts` about `term` cannot all hold at once.
    fn impossible(&self, term: Node, facts: impl Iterator<Item = Fact>) -> bool {
        let own = self.approx_node(term, u32::MAX);
        let mut kinds = own.kinds();
        let own_range = own.num.unwrap_or(UNBOUNDED);
        let (mut lo, mut lo_strict) = (own_range.lo, false);
        let (mut hi, mut hi_strict) = (own_range.hi, false);
        let mut not_nums = Vec::new();
        let mut sym: Option<u32> = None;
        let mut not_syms = Vec::new();
        let mut is: Option<bool> = None;
        for fact in facts {
            match fact {
                Fact::Kinds(k) => kinds &= k,
                Fact::Above(v, strict) => {
                    kinds &= NUM;
                    if v > lo || (v == lo && strict) {
                        (lo, lo_strict) = (v, strict);
                    }
                }
                Fact::Below(v, strict) => {
                    kinds &= NUM;
                    if v < hi || (v == hi && strict) {
                        (hi, hi_strict) = (v, strict);
                    }
                }
                Fact::NotNum(v) => {
                    kinds &= NUM;
                    not_nums.push(v);
                }
                Fact::Sym(s) => {
                    kinds &= SYM;
                    if sym.is_some_and(|t| t != s) {
                        return true;
                    }
                    sym = Some(s);
                }
                Fact::NotSym(s) => {
                    kinds &= SYM;
                    not_syms.push(s);
                }
                Fact::Is(b) => {
                    kinds &= BOOL;
                    if is.is_some_and(|c| c != b) {
                        return true;
                    }
                    is = Some(b);
                }
            }
        }
        if kinds == 0 {
            return true;
        }
        if kinds == NUM {
            let empty = lo > hi
                || (lo == hi && (lo_strict || hi_strict))
                || (lo == hi && not_nums.contains(&lo));
            if empty {
                return true;
            }
        }
        matches!(sym, Some(s) if not_syms.contains(&s))
    }
}

impl Expr {
    /// Whether the expression can ever be true, when that can be decided statically.
    ///
    /// `Some(false)` when it can never be `true`: it is constant `false` or `null`, or not a
    /// boolean at all, or a comparison that cannot hold given the ranges of what it reads
    /// (`score` 0–100, `coverage` 0–1, `answer` within [`Resolver::answer_range`],
    /// `count_answered` at least 0), or an `and` whose operands contradict each other on the
    /// same term (`score(a) > 60 and score(a) < 40`, `answer(q) == "x" and answer(q) == "y"`,
    /// `answered(q) and not answered(q)`). `Some(true)` when it is always `true` whatever the
    /// answers, which in practice means a constant. `None` otherwise. Never `Some(false)` for an
    /// expression that some answers could make true.
    pub fn can_be_true(&self, resolver: &dyn Resolver) -> Option<bool> {
        let a = Analyzer::new(self, resolver).approx(self.root);
        if !a.t {
            Some(false)
        } else if !a.f && !a.null && a.num.is_none() && a.sym == Syms::None {
            Some(true)
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testutil::{compile, Model};

    fn can_be_true(source: &str) -> Option<bool> {
        compile(source).can_be_true(&Model)
    }

    fn check(cases: &[&str], expected: Option<bool>) {
        for source in cases {
            let actual = can_be_true(source);
            assert_eq!(actual, expected, "source: {source}");
        }
    }

    #[test]
    fn constants_that_are_not_true_can_never_be_true() {
        check(
            &[
                "false",
                "null",
                "not true",
                "1 + 1",
                "\"low\"",
                "null or false",
                "false and maturity",
            ],
            Some(false),
        );
    }

    #[test]
    fn constant_true_is_always_true() {
        check(
            &[
                "true",
                "not false",
                "1 == 1",
                "1 + 2 == 3",
                "\"low\" != \"high\"",
                "true or answered(age)",
                "if(null, true, false) or true",
                "count_answered() >= 0",
            ],
            Some(true),
        );
    }

    #[test]
    fn comparisons_outside_known_ranges_can_never_be_true() {
        check(
            &[
                "score(digital) > 100",
                "score(digital) < 0",
                "100 < score(digital)",
                "coverage(people) > 1",
                "answer(age) > 120",
                "answer(age) == -1",
                "answer(level) >= 6",
                "count_answered() < 0",
                "count_answered(ops) == -2",
                "score(digital) + score(people) > 200",
                "abs(score(digital) - 50) > 50",
                "round(score(digital)) > 100",
                "min(score(digital), 50) > 100",
                "clamp(maturity, 0, 10) > 10",
                "if(answered(age), 1, 2) > 2",
                "count(answered(age), answered(size)) > 2",
                "1 / 0 == 1",
                "\"low\" == \"high\"",
            ],
            Some(false),
        );
    }

    #[test]
    fn contradicting_facts_about_one_term_can_never_be_true() {
        check(
            &[
                "score(digital) > 60 and score(digital) < 40",
                "60 < score(digital) and score(digital) <= 60",
                "score(digital) >= 60 and answered(age) and 60 > score(digital)",
                "(score(digital) > 60 and answered(age)) and score(digital) < 40",
                "score(digital) == 50 and score(digital) != 50",
                "score(digital) == 50 and score(digital) == 51",
                "not (score(digital) <= 60) and score(digital) < 50",
                "answer(size) == \"small\" and answer(size) == \"large\"",
                "answer(size) == \"small\" and answer(size) != \"small\"",
                "answer(age) > 3 and answer(age) == \"small\"",
                "answered(age) and not answered(age)",
                "profile(expert) and profile(expert) == false",
                "maturity > 1 and maturity < 1",
                "maturity and maturity > 1",
                "gap(level) > 2 and gap(level) < 1",
                "score(digital) > score(people) and score(digital) <= 0",
            ],
            Some(false),
        );
    }

    #[test]
    fn expressions_some_answers_make_true_are_unknown() {
        check(
            &[
                "score(digital) > 50",
                "score(digital) >= 100",
                "score(digital) <= 0",
                "score(digital) > 60 or score(digital) < 40",
                "score(digital) > 40 and score(digital) < 60",
                "score(digital) >= 60 and score(digital) <= 60",
                "score(digital) == 50 and score(digital) != 40",
                "score(digital) > 60 and score(people) < 40",
                "score(digital) > score(people)",
                "coverage(digital) == 1",
                "answer(level) == 5",
                "answer(size) == \"small\"",
                "answer(size) == \"small\" and answer(tools) == 2",
                "answered(age) or not answered(age)",
                "answered(age) and not answered(size)",
                "maturity",
                "maturity > 1000000",
                "desired(level) > 100",
                "gap(level) < -1000",
                "points(budget, people) > 1000",
                "answer(q-1.x) > 1000000",
                "count_answered() > 1000",
                "not (score(digital) > 60 and score(digital) < 40)",
                "if(answered(age), true, null) or answered(size)",
                "sum(score(digital), score(people)) == 200",
                "round(score(digital) / 3, 1) == 33.3",
                "median(score(digital), 1, 2) == 1.5",
                "-score(digital) < -99",
                "score(digital) % 7 == 6",
            ],
            None,
        );
    }
}
