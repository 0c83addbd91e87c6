//! Every computed value, profile rule and recommendation trigger of a model, compiled together
//! into one straight-line program.
//!
//! Scoring evaluates the same hundred or so expressions for every response. Walking each tree
//! costs a call per node and reads the same data many times: `margin >= 10` or `score(oe)` appear
//! in a dozen rules. A [`Program`] is built once, at load time:
//!
//! - each distinct operation is one instruction, whose result is a register; an operation that
//!   appears in several expressions (same operator, same operands) is computed once;
//! - a computed value is the register of its root, so a reference to it costs nothing;
//! - literals are constant registers, filled before the instructions run;
//! - the instructions run in one pass, in order: every operand is computed before it is used,
//!   because expressions are added in dependency order and children come before parents;
//! - a register is one `u64`: a finite number is its own bits, and `null`, `false`, `true` and
//!   the symbols are encoded in the bits of non-finite doubles, which no value can be (see
//!   [`pack`]). Moving a value is moving one machine word.
//!
//! Evaluation is pure, so computing both sides of `and`, `or` and `if` gives the values the
//! short-circuiting tree walk in [`Expr::eval`] gives. The scorer's tests check that the two
//! agree on many random responses.

use std::collections::HashMap;

use super::ast::{ArithOp, CmpOp, Expr, ManyFn, Node};
use super::eval::{round_digits, round_to};
use super::{Env, Value, MAX_MEDIAN_ARGS};

/// A register: an index into the register file.
type Reg = u32;

/// One instruction. Instruction `i` writes register `c + i`, where `c` is the number of
/// constants; operands name registers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Op {
    Score(u32),
    Coverage(u32),
    Band(u32),
    Answer(u32),
    Answered(u32),
    DontKnow(u32),
    Desired(u32),
    Gap(u32),
    Chosen(u32, u32),
    Points(u32, u32),
    CountAnswered(Option<u32>),
    /// `Bool(r is true)`: how a profile's value is read.
    Truth(Reg),
    Not(Reg),
    Neg(Reg),
    And(Reg, Reg),
    Or(Reg, Reg),
    Eq(Reg, Reg),
    Ne(Reg, Reg),
    Lt(Reg, Reg),
    Le(Reg, Reg),
    Gt(Reg, Reg),
    Ge(Reg, Reg),
    Add(Reg, Reg),
    Sub(Reg, Reg),
    Mul(Reg, Reg),
    Div(Reg, Reg),
    Rem(Reg, Reg),
    Abs(Reg),
    /// `round(x)`.
    Round0(Reg),
    /// `round(x, digits)`.
    Round(Reg, Reg),
    Clamp(Reg, Reg, Reg),
    If(Reg, Reg, Reg),
    /// A variadic call over `args[start..start + len]`.
    Many(ManyFn, u32, u32),
}

/// A compiled program: constants, instructions, and where each output lives.
#[derive(Debug, Clone, Default)]
pub(crate) struct Program {
    consts: Vec<u64>,
    ops: Vec<Op>,
    args: Vec<Reg>,
    computed: Vec<Reg>,
    profiles: Vec<Reg>,
    recs: Vec<Reg>,
}

/// While building, an operand is either a constant or an instruction; `CONST` marks constants.
/// `CONST` alone is constant 0, which is `null`.
const CONST: u32 = 1 << 31;

/// Builds a [`Program`], sharing equal constants and operations.
#[derive(Default)]
pub(crate) struct Builder {
    program: Program,
    const_ids: HashMap<(u8, u64), Reg>,
    op_ids: HashMap<Op, Reg>,
    many_ids: HashMap<(ManyFn, Vec<Reg>), Reg>,
    computed: Vec<Option<Reg>>,
    profiles: Vec<Option<Reg>>,
}

impl Builder {
    /// A builder for a model with this many computed values and profiles.
    pub(crate) fn new(computed: usize, profiles: usize) -> Self {
        let mut b = Builder {
            computed: vec![None; computed],
            profiles: vec![None; profiles],
            ..Builder::default()
        };
        // Constant 0 is `null`: the register every missing operand falls back to.
        b.constant(Value::Null);
        b
    }

    fn constant(&mut self, v: Value) -> Reg {
        let key = match v {
            Value::Null => (0, 0),
            Value::Num(n) => (1, n.to_bits()),
            Value::Bool(b) => (2, u64::from(b)),
            Value::Sym(s) => (3, u64::from(s)),
        };
        let consts = &mut self.program.consts;
        *self.const_ids.entry(key).or_insert_with(|| {
            consts.push(pack(v));
            (consts.len() - 1) as u32 | CONST
        })
    }

    fn op(&mut self, op: Op) -> Reg {
        let ops = &mut self.program.ops;
        *self.op_ids.entry(op).or_insert_with(|| {
            ops.push(op);
            (ops.len() - 1) as u32
        })
    }

    /// Adds an expression and returns the register of its value. Computed values and profiles
    /// it reads must have been added before.
    fn expr(&mut self, e: &Expr) -> Reg {
        let mut regs: Vec<Reg> = Vec::with_capacity(e.nodes.len());
        for node in &e.nodes {
            let r = |i: u32| regs.get(i as usize).copied().unwrap_or(CONST);
            let reg = match *node {
                Node::Lit(v) => self.constant(v),
                Node::Computed(c) => match self.computed.get(c as usize).copied().flatten() {
                    Some(reg) => reg,
                    None => self.constant(Value::Null),
                },
                Node::Profile(p) => match self.profiles.get(p as usize).copied().flatten() {
                    Some(reg) => self.op(Op::Truth(reg)),
                    None => self.constant(Value::Bool(false)),
                },
                Node::Score(d) => self.op(Op::Score(d)),
                Node::Coverage(d) => self.op(Op::Coverage(d)),
                Node::Band(d) => self.op(Op::Band(d)),
                Node::Answer(q) => self.op(Op::Answer(q)),
                Node::Answered(q) => self.op(Op::Answered(q)),
                Node::DontKnow(q) => self.op(Op::DontKnow(q)),
                Node::Desired(q) => self.op(Op::Desired(q)),
                Node::Gap(q) => self.op(Op::Gap(q)),
                Node::Chosen(q, o) => self.op(Op::Chosen(q, o)),
                Node::Points(q, o) => self.op(Op::Points(q, o)),
                Node::CountAnswered(s) => self.op(Op::CountAnswered(s)),
                Node::Not(a) => self.op(Op::Not(r(a))),
                Node::Neg(a) => self.op(Op::Neg(r(a))),
                Node::And(a, b) => self.op(Op::And(r(a), r(b))),
                Node::Or(a, b) => self.op(Op::Or(r(a), r(b))),
                Node::Cmp(op, a, b) => {
                    let (a, b) = (r(a), r(b));
                    self.op(match op {
                        CmpOp::Eq => Op::Eq(a, b),
                        CmpOp::Ne => Op::Ne(a, b),
                        CmpOp::Lt => Op::Lt(a, b),
                        CmpOp::Le => Op::Le(a, b),
                        CmpOp::Gt => Op::Gt(a, b),
                        CmpOp::Ge => Op::Ge(a, b),
                    })
                }
                Node::Arith(op, a, b) => {
                    let (a, b) = (r(a), r(b));
                    self.op(match op {
                        ArithOp::Add => Op::Add(a, b),
                        ArithOp::Sub => Op::Sub(a, b),
                        ArithOp::Mul => Op::Mul(a, b),
                        ArithOp::Div => Op::Div(a, b),
                        ArithOp::Rem => Op::Rem(a, b),
                    })
                }
                Node::Abs(a) => self.op(Op::Abs(r(a))),
                Node::Round(a, None) => self.op(Op::Round0(r(a))),
                Node::Round(a, Some(d)) => self.op(Op::Round(r(a), r(d))),
                Node::Clamp(x, lo, hi) => self.op(Op::Clamp(r(x), r(lo), r(hi))),
                Node::If(c, a, b) => self.op(Op::If(r(c), r(a), r(b))),
                Node::Many(f, start, len) => {
                    let list: Vec<Reg> = e.many_args(start, len).iter().map(|&a| r(a)).collect();
                    if let Some(&reg) = self.many_ids.get(&(f, list.clone())) {
                        reg
                    } else {
                        let start = self.program.args.len() as u32;
                        self.program.args.extend_from_slice(&list);
                        let reg = self.op(Op::Many(f, start, list.len() as u32));
                        self.many_ids.insert((f, list), reg);
                        reg
                    }
                }
            };
            regs.push(reg);
        }
        regs.get(e.root as usize).copied().unwrap_or(CONST)
    }

    /// Adds computed value `c`.
    pub(crate) fn computed(&mut self, c: u32, e: &Expr) {
        let reg = self.expr(e);
        if let Some(slot) = self.computed.get_mut(c as usize) {
            *slot = Some(reg);
        }
    }

    /// Adds profile `p`.
    pub(crate) fn profile(&mut self, p: u32, e: &Expr) {
        let reg = self.expr(e);
        if let Some(slot) = self.profiles.get_mut(p as usize) {
            *slot = Some(reg);
        }
    }

    /// Adds the next recommendation trigger (call in recommendation index order).
    pub(crate) fn recommendation(&mut self, e: &Expr) {
        let reg = self.expr(e);
        self.program.recs.push(reg);
    }

    /// The finished program, with every register numbered: constants first, then instructions.
    ///
    /// The instructions are reordered by *level* (an instruction's level is one more than the
    /// highest level among its operands; constants and data reads are level 0), and within a
    /// level by kind. Instructions of one level never read each other, so any order within a
    /// level is valid, and runs of the same kind make the interpreter's dispatch predictable.
    pub(crate) fn finish(self) -> Program {
        let mut p = self.program;
        let n = p.ops.len();
        let mut levels: Vec<u32> = Vec::with_capacity(n);
        for op in &p.ops {
            let mut level = 0;
            operands(*op, &p.args, |r| {
                if r & CONST == 0 {
                    level = level.max(levels.get(r as usize).map_or(0, |l| l + 1));
                }
            });
            levels.push(level);
        }
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by_key(|&i| (levels[i], kind(p.ops[i]), i));
        let mut position = vec![0u32; n];
        for (k, &i) in order.iter().enumerate() {
            position[i] = k as u32;
        }
        let base = p.consts.len() as u32;
        let fix = |r: Reg| {
            if r & CONST != 0 {
                r & !CONST
            } else {
                base + position.get(r as usize).copied().unwrap_or(0)
            }
        };
        p.ops = order.iter().map(|&i| map_regs(p.ops[i], fix)).collect();
        for a in &mut p.args {
            *a = fix(*a);
        }
        p.computed = self
            .computed
            .iter()
            .map(|r| fix(r.unwrap_or(CONST)))
            .collect();
        p.profiles = self
            .profiles
            .iter()
            .map(|r| fix(r.unwrap_or(CONST)))
            .collect();
        for r in &mut p.recs {
            *r = fix(*r);
        }
        p
    }
}

/// Calls `f` with each register `op` reads.
fn operands(op: Op, args: &[Reg], mut f: impl FnMut(Reg)) {
    if let Op::Many(_, start, len) = op {
        let start = start as usize;
        for &a in args.get(start..start + len as usize).unwrap_or_default() {
            f(a);
        }
    } else {
        map_regs(op, |r| {
            f(r);
            r
        });
    }
}

/// `op` with each register it names passed through `f` (a variadic call's arguments live in
/// the argument list and are renumbered there).
fn map_regs(op: Op, mut f: impl FnMut(Reg) -> Reg) -> Op {
    match op {
        Op::Truth(a) => Op::Truth(f(a)),
        Op::Not(a) => Op::Not(f(a)),
        Op::Neg(a) => Op::Neg(f(a)),
        Op::Abs(a) => Op::Abs(f(a)),
        Op::Round0(a) => Op::Round0(f(a)),
        Op::And(a, b) => Op::And(f(a), f(b)),
        Op::Or(a, b) => Op::Or(f(a), f(b)),
        Op::Eq(a, b) => Op::Eq(f(a), f(b)),
        Op::Ne(a, b) => Op::Ne(f(a), f(b)),
        Op::Lt(a, b) => Op::Lt(f(a), f(b)),
        Op::Le(a, b) => Op::Le(f(a), f(b)),
        Op::Gt(a, b) => Op::Gt(f(a), f(b)),
        Op::Ge(a, b) => Op::Ge(f(a), f(b)),
        Op::Add(a, b) => Op::Add(f(a), f(b)),
        Op::Sub(a, b) => Op::Sub(f(a), f(b)),
        Op::Mul(a, b) => Op::Mul(f(a), f(b)),
        Op::Div(a, b) => Op::Div(f(a), f(b)),
        Op::Rem(a, b) => Op::Rem(f(a), f(b)),
        Op::Round(a, b) => Op::Round(f(a), f(b)),
        Op::Clamp(a, b, c) => Op::Clamp(f(a), f(b), f(c)),
        Op::If(a, b, c) => Op::If(f(a), f(b), f(c)),
        other => other,
    }
}

/// The kind of an instruction, for grouping equal kinds together.
fn kind(op: Op) -> u8 {
    match op {
        Op::Score(_) => 0,
        Op::Coverage(_) => 1,
        Op::Band(_) => 2,
        Op::Answer(_) => 3,
        Op::Answered(_) => 4,
        Op::DontKnow(_) => 5,
        Op::Desired(_) => 6,
        Op::Gap(_) => 7,
        Op::Chosen(..) => 8,
        Op::Points(..) => 9,
        Op::CountAnswered(_) => 10,
        Op::Truth(_) => 11,
        Op::Not(_) => 12,
        Op::Neg(_) => 13,
        Op::And(..) => 14,
        Op::Or(..) => 15,
        Op::Eq(..) => 16,
        Op::Ne(..) => 17,
        Op::Lt(..) => 18,
        Op::Le(..) => 19,
        Op::Gt(..) => 20,
        Op::Ge(..) => 21,
        Op::Add(..) => 22,
        Op::Sub(..) => 23,
        Op::Mul(..) => 24,
        Op::Div(..) => 25,
        Op::Rem(..) => 26,
        Op::Abs(_) => 27,
        Op::Round0(_) => 28,
        Op::Round(..) => 29,
        Op::Clamp(..) => 30,
        Op::If(..) => 31,
        Op::Many(f, ..) => 32 + f as u8,
    }
}

/// The exponent bits of a double: all ones marks a non-finite double, which no number can be.
const EXP: u64 = 0x7FF0_0000_0000_0000;
/// `null` in a register.
const NULL: u64 = EXP | 1;
/// `false` in a register.
const FALSE: u64 = EXP | 2;
/// `true` in a register.
const TRUE: u64 = EXP | 3;
/// The tag of a symbol in a register; the symbol's index is in the low 32 bits.
const SYM: u64 = 0x7FF1_0000_0000_0000;

/// A value as a register: a finite number as its bits, anything else as a non-finite pattern.
/// A number that is not finite becomes `null`, as it does everywhere in evaluation.
#[inline(always)]
pub(crate) fn pack(v: Value) -> u64 {
    match v {
        Value::Num(n) if n.is_finite() => n.to_bits(),
        Value::Num(_) | Value::Null => NULL,
        Value::Bool(false) => FALSE,
        Value::Bool(true) => TRUE,
        Value::Sym(s) => SYM | u64::from(s),
    }
}

/// The value in a register.
#[inline]
pub(crate) fn unpack(b: u64) -> Value {
    if b & EXP != EXP {
        Value::Num(f64::from_bits(b))
    } else if b >> 48 == SYM >> 48 {
        Value::Sym(b as u32)
    } else {
        match b {
            TRUE => Value::Bool(true),
            FALSE => Value::Bool(false),
            _ => Value::Null,
        }
    }
}

/// Whether a register holds `true`.
#[inline(always)]
pub(crate) fn is_true(b: u64) -> bool {
    b == TRUE
}

#[inline(always)]
fn as_num(b: u64) -> Option<f64> {
    (b & EXP != EXP).then(|| f64::from_bits(b))
}

#[inline(always)]
fn boolean(b: bool) -> u64 {
    if b {
        TRUE
    } else {
        FALSE
    }
}

/// A number, or `null` when it is not finite.
#[inline(always)]
fn num(n: f64) -> u64 {
    if n.is_finite() {
        n.to_bits()
    } else {
        NULL
    }
}

#[inline(always)]
fn arith(a: u64, b: u64, f: impl Fn(f64, f64) -> f64) -> u64 {
    match (as_num(a), as_num(b)) {
        (Some(x), Some(y)) => num(f(x, y)),
        _ => NULL,
    }
}

#[inline(always)]
fn divide(a: u64, b: u64, f: impl Fn(f64, f64) -> f64) -> u64 {
    if as_num(b) == Some(0.0) {
        NULL
    } else {
        arith(a, b, f)
    }
}

/// An ordering comparison: `null` unless both sides are numbers.
#[inline(always)]
fn ordered(a: u64, b: u64, holds: impl Fn(f64, f64) -> bool) -> u64 {
    match (as_num(a), as_num(b)) {
        (Some(x), Some(y)) => boolean(holds(x, y)),
        _ => NULL,
    }
}

/// `==`: two numbers, two booleans or two symbols; `null` for any other mix.
#[inline(always)]
fn equal(a: u64, b: u64) -> u64 {
    if let (Some(x), Some(y)) = (as_num(a), as_num(b)) {
        return boolean(x == y);
    }
    let bool_pair = a | 1 == TRUE && b | 1 == TRUE;
    let sym_pair = a >> 48 == SYM >> 48 && b >> 48 == SYM >> 48;
    if bool_pair || sym_pair {
        boolean(a == b)
    } else {
        NULL
    }
}

/// `!=`: the negation of [`equal`], `null` stays `null`.
#[inline(always)]
fn not(b: u64) -> u64 {
    match b {
        TRUE => FALSE,
        FALSE => TRUE,
        _ => NULL,
    }
}

impl Program {
    /// How many instructions run per evaluation.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.ops.len()
    }

    /// The register holding computed value `c`.
    #[inline]
    pub(crate) fn computed_reg(&self, c: usize) -> usize {
        self.computed.get(c).map_or(0, |&r| r as usize)
    }

    /// The register holding profile `p`'s value.
    #[inline]
    pub(crate) fn profile_reg(&self, p: usize) -> usize {
        self.profiles.get(p).map_or(0, |&r| r as usize)
    }

    /// The register holding recommendation `r`'s trigger.
    #[inline]
    pub(crate) fn rec_reg(&self, r: usize) -> usize {
        self.recs.get(r).map_or(0, |&r| r as usize)
    }

    /// Runs every instruction against `env`, leaving each register in `regs` (see [`unpack`]).
    #[inline(never)]
    pub(crate) fn run<E: Env>(&self, env: &E, regs: &mut Vec<u64>) {
        let base = self.consts.len();
        regs.resize(base + self.ops.len(), NULL);
        regs[..base].copy_from_slice(&self.consts);
        // Natively, four dispatch sites instead of one: each gets its own branch history, which
        // the processor predicts better than one jump through the whole program. In wasm, where
        // code size counts, one.
        #[cfg(not(target_arch = "wasm32"))]
        let (first, rest) = {
            let mut chunks = self.ops.chunks_exact(4);
            let mut i = base;
            for ops in chunks.by_ref() {
                regs[i] = self.step(ops[0], env, regs);
                regs[i + 1] = self.step(ops[1], env, regs);
                regs[i + 2] = self.step(ops[2], env, regs);
                regs[i + 3] = self.step(ops[3], env, regs);
                i += 4;
            }
            (i, chunks.remainder())
        };
        #[cfg(target_arch = "wasm32")]
        let (first, rest) = (base, &self.ops[..]);
        for (i, &op) in (first..).zip(rest) {
            regs[i] = self.step(op, env, regs);
        }
    }

    #[inline(always)]
    fn step<E: Env>(&self, op: Op, env: &E, regs: &[u64]) -> u64 {
        let r = |i: Reg| regs.get(i as usize).copied().unwrap_or(NULL);
        match op {
            Op::Score(d) => pack(env.score(d)),
            Op::Coverage(d) => pack(env.coverage(d)),
            Op::Band(d) => pack(env.band(d)),
            Op::Answer(q) => pack(env.answer(q)),
            Op::Answered(q) => boolean(env.answered(q)),
            Op::DontKnow(q) => boolean(env.dont_know(q)),
            Op::Desired(q) => pack(env.desired(q)),
            Op::Gap(q) => arith(pack(env.desired(q)), pack(env.answer(q)), |x, y| x - y),
            Op::Chosen(q, o) => boolean(env.chosen(q, o)),
            Op::Points(q, o) => pack(env.points(q, o)),
            Op::CountAnswered(s) => num(env.count_answered(s)),
            Op::Truth(a) => boolean(is_true(r(a))),
            Op::Not(a) => not(r(a)),
            Op::Neg(a) => match as_num(r(a)) {
                Some(n) => num(-n),
                None => NULL,
            },
            Op::And(a, b) => match (r(a), r(b)) {
                (FALSE, _) | (_, FALSE) => FALSE,
                (TRUE, TRUE) => TRUE,
                _ => NULL,
            },
            Op::Or(a, b) => match (r(a), r(b)) {
                (TRUE, _) | (_, TRUE) => TRUE,
                (FALSE, FALSE) => FALSE,
                _ => NULL,
            },
            Op::Eq(a, b) => equal(r(a), r(b)),
            Op::Ne(a, b) => not(equal(r(a), r(b))),
            Op::Lt(a, b) => ordered(r(a), r(b), |x, y| x < y),
            Op::Le(a, b) => ordered(r(a), r(b), |x, y| x <= y),
            Op::Gt(a, b) => ordered(r(a), r(b), |x, y| x > y),
            Op::Ge(a, b) => ordered(r(a), r(b), |x, y| x >= y),
            Op::Add(a, b) => arith(r(a), r(b), |x, y| x + y),
            Op::Sub(a, b) => arith(r(a), r(b), |x, y| x - y),
            Op::Mul(a, b) => arith(r(a), r(b), |x, y| x * y),
            Op::Div(a, b) => divide(r(a), r(b), |x, y| x / y),
            Op::Rem(a, b) => divide(r(a), r(b), |x, y| x % y),
            Op::Abs(a) => match as_num(r(a)) {
                Some(n) => n.abs().to_bits(),
                None => NULL,
            },
            Op::Round0(a) => match as_num(r(a)) {
                Some(x) => num(round_to(x, 0)),
                None => NULL,
            },
            Op::Round(a, d) => match (as_num(r(a)), round_digits(unpack(r(d)))) {
                (Some(x), Some(d)) => num(round_to(x, d)),
                _ => NULL,
            },
            Op::Clamp(x, lo, hi) => match (as_num(r(x)), as_num(r(lo)), as_num(r(hi))) {
                (Some(x), Some(lo), Some(hi)) if lo <= hi => x.max(lo).min(hi).to_bits(),
                _ => NULL,
            },
            Op::If(c, a, b) => match r(c) {
                TRUE => r(a),
                FALSE => r(b),
                _ => NULL,
            },
            Op::Many(f, start, len) => self.many(f, start, len, regs),
        }
    }

    #[inline(never)]
    fn many(&self, f: ManyFn, start: u32, len: u32, regs: &[u64]) -> u64 {
        let start = start as usize;
        let args = self
            .args
            .get(start..start + len as usize)
            .unwrap_or_default();
        let values = args
            .iter()
            .map(|&a| regs.get(a as usize).copied().unwrap_or(NULL));
        match f {
            ManyFn::Count => (values.filter(|&v| is_true(v)).count() as f64).to_bits(),
            ManyFn::Median => {
                let mut buf = [0.0f64; MAX_MEDIAN_ARGS];
                let mut n = 0;
                for x in values.take(MAX_MEDIAN_ARGS).filter_map(as_num) {
                    buf[n] = x;
                    n += 1;
                }
                let values = &mut buf[..n];
                values.sort_unstable_by(f64::total_cmp);
                match n {
                    0 => NULL,
                    _ if n % 2 == 1 => values[n / 2].to_bits(),
                    _ => num(values[n / 2 - 1] / 2.0 + values[n / 2] / 2.0),
                }
            }
            ManyFn::Min | ManyFn::Max | ManyFn::Sum => {
                let mut acc: Option<f64> = None;
                for n in values.filter_map(as_num) {
                    acc = Some(match (acc, f) {
                        (None, _) => n,
                        (Some(m), ManyFn::Min) => m.min(n),
                        (Some(m), ManyFn::Max) => m.max(n),
                        (Some(m), _) => m + n,
                    });
                }
                acc.map_or(NULL, num)
            }
        }
    }
}
