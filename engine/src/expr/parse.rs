//! From source text to a compiled [`Expr`]: lexing, parsing, name resolution and type checks.
//!
//! The parser is a Pratt parser. It recurses only into parentheses, calls and prefix operators,
//! and counts that nesting, so it stops with `expr.too_deep` long before the stack could run
//! out. Binary operators are parsed in a loop; the height of the tree they build is checked as
//! each node is added, which bounds the recursion of everything that walks the tree later.

use super::ast::{ArithOp, CmpOp, Expr, ExprError, ManyFn, Node, Span};
use super::{Resolver, Value, MAX_DEPTH, MAX_MEDIAN_ARGS, MAX_SOURCE_BYTES, MAX_TOKENS};
use crate::model::QuestionType;

/// A token kind.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Tok {
    Num(f64),
    Str,
    Ident,
    True,
    False,
    Null,
    And,
    Or,
    Not,
    LParen,
    RParen,
    Comma,
    Plus,
    Minus,
    Star,
    Slash,
    Percent,
    EqEq,
    NotEq,
    Lt,
    Le,
    Gt,
    Ge,
    Eof,
}

/// A token and its byte range in the source.
#[derive(Debug, Clone, Copy)]
struct Token {
    tok: Tok,
    start: usize,
    end: usize,
}

/// The 1-based column, in characters, of byte offset `byte` of `src`.
fn column(src: &str, byte: usize) -> usize {
    let mut byte = byte.min(src.len());
    while !src.is_char_boundary(byte) {
        byte -= 1;
    }
    src[..byte].chars().count() + 1
}

fn error(src: &str, at: usize, code: &'static str, message: impl Into<String>) -> ExprError {
    ExprError {
        column: column(src, at),
        code,
        message: message.into(),
    }
}

fn syntax(src: &str, at: usize, message: impl Into<String>) -> ExprError {
    error(src, at, "expr.syntax", message)
}

fn is_ident_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_'
}

fn is_ident_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Splits `src` into tokens, ending with [`Tok::Eof`].
fn lex(src: &str) -> Result<Vec<Token>, ExprError> {
    let bytes = src.as_bytes();
    let len = bytes.len();
    let at = |i: usize| bytes.get(i).copied().unwrap_or(0);
    let mut toks = Vec::new();
    let mut i = 0;
    while i < len {
        let b = bytes[i];
        let start = i;
        let tok = match b {
            _ if b.is_ascii_whitespace() => {
                i += 1;
                continue;
            }
            b'(' | b')' | b',' | b'+' | b'-' | b'*' | b'/' | b'%' => {
                i += 1;
                match b {
                    b'(' => Tok::LParen,
                    b')' => Tok::RParen,
                    b',' => Tok::Comma,
                    b'+' => Tok::Plus,
                    b'-' => Tok::Minus,
                    b'*' => Tok::Star,
                    b'/' => Tok::Slash,
                    _ => Tok::Percent,
                }
            }
            b'=' | b'!' | b'<' | b'>' => {
                let eq = at(i + 1) == b'=';
                i += if eq { 2 } else { 1 };
                match (b, eq) {
                    (b'=', true) => Tok::EqEq,
                    (b'=', false) => {
                        return Err(syntax(src, start, "unexpected `=`; write `==` to compare"))
                    }
                    (b'!', true) => Tok::NotEq,
                    (b'!', false) => Tok::Not,
                    (b'<', true) => Tok::Le,
                    (b'<', false) => Tok::Lt,
                    (_, true) => Tok::Ge,
                    (_, false) => Tok::Gt,
                }
            }
            b'&' | b'|' => {
                if at(i + 1) != b {
                    let (c, word) = if b == b'&' { ('&', "and") } else { ('|', "or") };
                    return Err(syntax(
                        src,
                        start,
                        format!("unexpected `{c}`; write `{c}{c}` or `{word}`"),
                    ));
                }
                i += 2;
                if b == b'&' {
                    Tok::And
                } else {
                    Tok::Or
                }
            }
            b'"' => {
                // `"` is ASCII, so it never occurs inside a multi-byte character.
                match bytes[i + 1..].iter().position(|&c| c == b'"') {
                    Some(n) => {
                        i += n + 2;
                        Tok::Str
                    }
                    None => {
                        return Err(syntax(
                            src,
                            start,
                            "unterminated string: missing the closing `\"`",
                        ))
                    }
                }
            }
            b'0'..=b'9' => {
                while at(i).is_ascii_digit() {
                    i += 1;
                }
                if at(i) == b'.' && at(i + 1).is_ascii_digit() {
                    i += 1;
                    while at(i).is_ascii_digit() {
                        i += 1;
                    }
                }
                match src[start..i].parse::<f64>() {
                    Ok(n) if n.is_finite() => Tok::Num(n),
                    _ => return Err(syntax(src, start, "number is too large")),
                }
            }
            _ if is_ident_start(b) => {
                i += 1;
                loop {
                    if is_ident_char(at(i)) {
                        i += 1;
                    } else if (at(i) == b'-' || at(i) == b'.') && is_ident_char(at(i + 1)) {
                        i += 2;
                    } else {
                        break;
                    }
                }
                match &src[start..i] {
                    "true" => Tok::True,
                    "false" => Tok::False,
                    "null" => Tok::Null,
                    "and" => Tok::And,
                    "or" => Tok::Or,
                    "not" => Tok::Not,
                    _ => Tok::Ident,
                }
            }
            _ => {
                let c = src.get(i..).and_then(|s| s.chars().next()).unwrap_or('\0');
                if c.is_whitespace() {
                    i += c.len_utf8();
                    continue;
                }
                return Err(syntax(
                    src,
                    start,
                    format!("unexpected character `{}`", c.escape_debug()),
                ));
            }
        };
        toks.push(Token { tok, start, end: i });
        if toks.len() > MAX_TOKENS {
            return Err(error(
                src,
                start,
                "expr.too_long",
                format!("the expression has more than {MAX_TOKENS} tokens"),
            ));
        }
    }
    toks.push(Token {
        tok: Tok::Eof,
        start: len,
        end: len,
    });
    Ok(toks)
}

/// The static type of a node, as far as it is known at compile time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ty {
    Num,
    Bool,
    Sym,
    /// The `null` literal, which fits anywhere.
    Null,
    /// Not known until evaluation (answers, computed values), or unresolved.
    Any,
}

impl Ty {
    fn noun(self) -> &'static str {
        match self {
            Ty::Num => "a number",
            Ty::Bool => "a boolean",
            Ty::Sym => "an option or band id",
            Ty::Null => "null",
            Ty::Any => "a value",
        }
    }

    fn is_concrete(self) -> bool {
        matches!(self, Ty::Num | Ty::Bool | Ty::Sym)
    }

    fn join(self, other: Ty) -> Ty {
        match (self, other) {
            (a, b) if a == b => a,
            (Ty::Null, b) => b,
            (a, Ty::Null) => a,
            _ => Ty::Any,
        }
    }
}

/// A function of the language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Func {
    Score,
    Coverage,
    Band,
    Answer,
    Answered,
    DontKnow,
    Desired,
    Gap,
    Chosen,
    Points,
    Value,
    Profile,
    CountAnswered,
    Min,
    Max,
    Median,
    Sum,
    Count,
    Abs,
    Round,
    Clamp,
    If,
}

/// How a function is called.
struct FnSpec {
    name: &'static str,
    func: Func,
    min: usize,
    max: usize,
    /// Whether the arguments are names (ids) rather than expressions.
    names: bool,
}

const fn spec(name: &'static str, func: Func, min: usize, max: usize, names: bool) -> FnSpec {
    FnSpec {
        name,
        func,
        min,
        max,
        names,
    }
}

const VARIADIC: usize = usize::MAX;

const FUNCTIONS: &[FnSpec] = &[
    spec("score", Func::Score, 1, 1, true),
    spec("coverage", Func::Coverage, 1, 1, true),
    spec("band", Func::Band, 1, 1, true),
    spec("answer", Func::Answer, 1, 1, true),
    spec("answered", Func::Answered, 1, 1, true),
    spec("dont_know", Func::DontKnow, 1, 1, true),
    spec("desired", Func::Desired, 1, 1, true),
    spec("gap", Func::Gap, 1, 1, true),
    spec("chosen", Func::Chosen, 2, 2, true),
    spec("points", Func::Points, 2, 2, true),
    spec("value", Func::Value, 1, 1, true),
    spec("profile", Func::Profile, 1, 1, true),
    spec("count_answered", Func::CountAnswered, 0, 1, true),
    spec("min", Func::Min, 1, VARIADIC, false),
    spec("max", Func::Max, 1, VARIADIC, false),
    spec("median", Func::Median, 1, MAX_MEDIAN_ARGS, false),
    spec("sum", Func::Sum, 1, VARIADIC, false),
    spec("count", Func::Count, 1, VARIADIC, false),
    spec("abs", Func::Abs, 1, 1, false),
    spec("round", Func::Round, 1, 2, false),
    spec("clamp", Func::Clamp, 3, 3, false),
    spec("if", Func::If, 3, 3, false),
];

impl FnSpec {
    /// What the name argument at `position` must be.
    fn name_noun(&self, position: usize) -> &'static str {
        match (self.func, position) {
            (Func::Score | Func::Coverage | Func::Band, 0) => "a dimension id",
            (Func::Chosen | Func::Points, 1) => "an option id",
            (Func::Value, 0) => "a computed value id",
            (Func::Profile, 0) => "a profile id",
            (Func::CountAnswered, 0) => "a section id",
            (_, 0) => "a question id",
            _ => "an id",
        }
    }

    fn arity_message(&self, found: usize) -> String {
        let plural = |n: usize| if n == 1 { "argument" } else { "arguments" };
        let takes = if self.min == self.max {
            format!("{} {}", self.min, plural(self.min))
        } else if self.max == VARIADIC {
            format!("at least {} {}", self.min, plural(self.min))
        } else if self.max == self.min + 1 {
            format!("{} or {} arguments", self.min, self.max)
        } else {
            format!("{} to {} arguments", self.min, self.max)
        };
        format!("`{}` takes {takes}, found {found}", self.name)
    }
}

/// The kinds of thing a name argument can refer to.
#[derive(Debug, Clone, Copy)]
enum NameKind {
    Question,
    Dimension,
    Computed,
    Profile,
    Section,
}

// Binding powers: a binary operator binds its operands while its power is at least the minimum
// the caller asks for.
const BP_OR: u8 = 1;
const BP_AND: u8 = 2;
/// The minimum power for the operand of `not`: it takes in comparisons and everything tighter.
const BP_NOT: u8 = 3;
const BP_CMP: u8 = 4;
const BP_ADD: u8 = 5;
const BP_MUL: u8 = 6;
/// The minimum power for the operand of prefix `-`: tighter than every binary operator.
const BP_NEG: u8 = 7;

#[derive(Debug, Clone, Copy)]
enum Infix {
    Or,
    And,
    Cmp(CmpOp),
    Arith(ArithOp),
}

fn infix(tok: Tok) -> Option<(u8, Infix)> {
    Some(match tok {
        Tok::Or => (BP_OR, Infix::Or),
        Tok::And => (BP_AND, Infix::And),
        Tok::EqEq => (BP_CMP, Infix::Cmp(CmpOp::Eq)),
        Tok::NotEq => (BP_CMP, Infix::Cmp(CmpOp::Ne)),
        Tok::Lt => (BP_CMP, Infix::Cmp(CmpOp::Lt)),
        Tok::Le => (BP_CMP, Infix::Cmp(CmpOp::Le)),
        Tok::Gt => (BP_CMP, Infix::Cmp(CmpOp::Gt)),
        Tok::Ge => (BP_CMP, Infix::Cmp(CmpOp::Ge)),
        Tok::Plus => (BP_ADD, Infix::Arith(ArithOp::Add)),
        Tok::Minus => (BP_ADD, Infix::Arith(ArithOp::Sub)),
        Tok::Star => (BP_MUL, Infix::Arith(ArithOp::Mul)),
        Tok::Slash => (BP_MUL, Infix::Arith(ArithOp::Div)),
        Tok::Percent => (BP_MUL, Infix::Arith(ArithOp::Rem)),
        _ => return None,
    })
}

/// What the parser knows about a node while it compiles.
#[derive(Debug, Clone, Copy)]
struct Meta {
    ty: Ty,
    height: usize,
}

/// A parsed operand: its node and its source range, including any enclosing parentheses.
#[derive(Debug, Clone, Copy)]
struct Operand {
    node: u32,
    start: usize,
    end: usize,
}

/// A parsed call argument.
#[derive(Debug, Clone, Copy)]
enum Arg {
    Name(Token),
    Expr(Operand),
}

struct Parser<'a> {
    src: &'a str,
    toks: Vec<Token>,
    pos: usize,
    resolver: &'a dyn Resolver,
    nodes: Vec<Node>,
    spans: Vec<Span>,
    meta: Vec<Meta>,
    args: Vec<u32>,
    /// Name and type errors; parsing goes on after them.
    errors: Vec<ExprError>,
    /// The current nesting of parentheses, calls and prefix operators.
    depth: usize,
}

type Parsed<T> = Result<T, ExprError>;

impl<'a> Parser<'a> {
    fn peek(&self) -> Token {
        self.toks[self.pos.min(self.toks.len() - 1)]
    }

    fn bump(&mut self) -> Token {
        let t = self.peek();
        if self.pos + 1 < self.toks.len() {
            self.pos += 1;
        }
        t
    }

    fn text(&self, t: Token) -> &'a str {
        let src: &'a str = self.src;
        src.get(t.start..t.end).unwrap_or_default()
    }

    /// The id a name argument spells: the inside of a string, or the word itself.
    fn name_text(&self, t: Token) -> &'a str {
        let text = self.text(t);
        if t.tok == Tok::Str {
            text.get(1..text.len() - 1).unwrap_or_default()
        } else {
            text
        }
    }

    fn describe(&self, t: Token) -> String {
        if t.tok == Tok::Eof {
            return "the end".to_owned();
        }
        let text = self.text(t);
        match text.char_indices().nth(40) {
            Some((cut, _)) => format!("`{}…`", &text[..cut]),
            None => format!("`{text}`"),
        }
    }

    fn syntax(&self, at: usize, message: impl Into<String>) -> ExprError {
        syntax(self.src, at, message)
    }

    fn report(&mut self, at: usize, code: &'static str, message: impl Into<String>) {
        self.errors.push(error(self.src, at, code, message));
    }

    fn too_deep(&self, at: usize) -> ExprError {
        error(
            self.src,
            at,
            "expr.too_deep",
            format!("the expression is nested more than {MAX_DEPTH} levels deep"),
        )
    }

    fn enter(&mut self, t: Token) -> Parsed<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.too_deep(t.start));
        }
        Ok(())
    }

    fn leave(&mut self) {
        self.depth -= 1;
    }

    fn ty(&self, operand: Operand) -> Ty {
        self.meta[operand.node as usize].ty
    }

    /// Adds a node whose children are `children`; `at` is where to point if it is too deep.
    fn push(
        &mut self,
        node: Node,
        ty: Ty,
        (start, end): (usize, usize),
        at: usize,
        children: &[u32],
    ) -> Parsed<Operand> {
        let height = 1 + children
            .iter()
            .map(|&c| self.meta[c as usize].height)
            .max()
            .unwrap_or(0);
        if height > MAX_DEPTH {
            return Err(self.too_deep(at));
        }
        let index = self.nodes.len() as u32;
        self.nodes.push(node);
        self.spans.push(Span {
            start: start as u32,
            end: end as u32,
        });
        self.meta.push(Meta { ty, height });
        Ok(Operand {
            node: index,
            start,
            end,
        })
    }

    /// A stand-in for something that did not resolve; the compile fails anyway.
    fn placeholder(&mut self, start: usize, end: usize) -> Parsed<Operand> {
        self.push(Node::Lit(Value::Null), Ty::Any, (start, end), start, &[])
    }

    /// Reports a type error unless `operand` can be of type `want`.
    fn expect_ty(&mut self, operand: Operand, want: Ty, what: &str) {
        let found = self.ty(operand);
        if found.is_concrete() && found != want {
            self.report(
                operand.start,
                "expr.type",
                format!("{what} needs {}, found {}", want.noun(), found.noun()),
            );
        }
    }

    fn parse(mut self) -> Result<Expr, Vec<ExprError>> {
        let result = if self.peek().tok == Tok::Eof {
            Err(self.syntax(0, "the expression is empty"))
        } else {
            self.parse_expr(0).and_then(|root| {
                let t = self.peek();
                match t.tok {
                    Tok::Eof => Ok(root),
                    Tok::RParen => Err(self.syntax(t.start, "unmatched `)`")),
                    _ => Err(self.syntax(
                        t.start,
                        format!("expected an operator, found {}", self.describe(t)),
                    )),
                }
            })
        };
        match result {
            Ok(root) if self.errors.is_empty() => Ok(Expr {
                source: self.src.into(),
                nodes: self.nodes,
                spans: self.spans,
                args: self.args,
                root: root.node,
            }),
            Ok(_) => {
                self.errors.sort_by_key(|e| e.column);
                Err(self.errors)
            }
            Err(e) => {
                self.errors.push(e);
                self.errors.sort_by_key(|e| e.column);
                Err(self.errors)
            }
        }
    }

    /// Parses an expression whose binary operators have at least power `min_bp`.
    fn parse_expr(&mut self, min_bp: u8) -> Parsed<Operand> {
        let mut lhs = self.parse_prefix(min_bp)?;
        loop {
            let op_tok = self.peek();
            let Some((bp, op)) = infix(op_tok.tok) else {
                break;
            };
            if bp < min_bp {
                break;
            }
            self.bump();
            let rhs = self.parse_expr(bp + 1)?;
            lhs = self.binary(op, op_tok, lhs, rhs)?;
            if let Infix::Cmp(_) = op {
                let next = self.peek();
                if let Some((_, Infix::Cmp(_))) = infix(next.tok) {
                    return Err(self.syntax(
                        next.start,
                        "comparisons cannot be chained; combine them with `and`",
                    ));
                }
            }
        }
        Ok(lhs)
    }

    fn binary(&mut self, op: Infix, op_tok: Token, l: Operand, r: Operand) -> Parsed<Operand> {
        let what = format!("`{}`", self.text(op_tok));
        let (node, ty) = match op {
            Infix::Or | Infix::And => {
                self.expect_ty(l, Ty::Bool, &what);
                self.expect_ty(r, Ty::Bool, &what);
                match op {
                    Infix::Or => (Node::Or(l.node, r.node), Ty::Bool),
                    _ => (Node::And(l.node, r.node), Ty::Bool),
                }
            }
            Infix::Cmp(c @ (CmpOp::Eq | CmpOp::Ne)) => {
                let (a, b) = (self.ty(l), self.ty(r));
                if a.is_concrete() && b.is_concrete() && a != b {
                    self.report(
                        op_tok.start,
                        "expr.type",
                        format!("cannot compare {} with {}", a.noun(), b.noun()),
                    );
                }
                self.check_symbol(l, r);
                self.check_symbol(r, l);
                (Node::Cmp(c, l.node, r.node), Ty::Bool)
            }
            Infix::Cmp(c) => {
                self.expect_ty(l, Ty::Num, &what);
                self.expect_ty(r, Ty::Num, &what);
                (Node::Cmp(c, l.node, r.node), Ty::Bool)
            }
            Infix::Arith(a) => {
                self.expect_ty(l, Ty::Num, &what);
                self.expect_ty(r, Ty::Num, &what);
                (Node::Arith(a, l.node, r.node), Ty::Num)
            }
        };
        self.push(node, ty, (l.start, r.end), op_tok.start, &[l.node, r.node])
    }

    /// `answer(q) == "x"` where `x` is not an option of `q`, or `band(d) == "x"` where `x` is not
    /// a band of `d`: the literal names something, so it passed the name check, but the two can
    /// never be equal.
    fn check_symbol(&mut self, value: Operand, literal: Operand) {
        let Node::Lit(Value::Sym(sym)) = self.nodes[literal.node as usize] else {
            return;
        };
        let src: &'a str = self.src;
        let value_text = src.get(value.start..value.end).unwrap_or_default();
        let literal_text = src.get(literal.start..literal.end).unwrap_or_default();
        match self.nodes[value.node as usize] {
            Node::Answer(q)
                if self.resolver.question_type(q) == Some(QuestionType::SingleChoice)
                    && !self.resolver.is_option_symbol(q, sym) =>
            {
                self.report(
                    literal.start,
                    "expr.unknown_option",
                    format!("{literal_text} is not an option of the question in `{value_text}`"),
                );
            }
            Node::Band(d) if !self.resolver.is_band_symbol(d, sym) => {
                self.report(
                    literal.start,
                    "expr.unknown_band",
                    format!("{literal_text} is not a band of the dimension in `{value_text}`"),
                );
            }
            _ => {}
        }
    }

    fn parse_prefix(&mut self, min_bp: u8) -> Parsed<Operand> {
        let t = self.bump();
        let span = (t.start, t.end);
        match t.tok {
            Tok::Num(n) => self.push(Node::Lit(Value::Num(n)), Ty::Num, span, t.start, &[]),
            Tok::True | Tok::False => {
                let b = t.tok == Tok::True;
                self.push(Node::Lit(Value::Bool(b)), Ty::Bool, span, t.start, &[])
            }
            Tok::Null => self.push(Node::Lit(Value::Null), Ty::Null, span, t.start, &[]),
            Tok::Str => {
                let text = self.name_text(t);
                match self.resolver.symbol(text) {
                    Some(s) => self.push(Node::Lit(Value::Sym(s)), Ty::Sym, span, t.start, &[]),
                    None => {
                        self.report(
                            t.start,
                            "expr.unknown_symbol",
                            format!("unknown option or band `{text}`"),
                        );
                        self.placeholder(t.start, t.end)
                    }
                }
            }
            Tok::Ident if self.peek().tok == Tok::LParen => self.call(t),
            Tok::Ident => self.bare_ident(t),
            Tok::LParen => {
                self.enter(t)?;
                let inner = self.parse_expr(0)?;
                let close = self.bump();
                if close.tok != Tok::RParen {
                    return Err(self.syntax(
                        close.start,
                        format!(
                            "expected `)` to close the `(` at column {}, found {}",
                            column(self.src, t.start),
                            self.describe(close)
                        ),
                    ));
                }
                self.leave();
                Ok(Operand {
                    node: inner.node,
                    start: t.start,
                    end: close.end,
                })
            }
            Tok::Minus => {
                self.enter(t)?;
                let operand = self.parse_expr(BP_NEG)?;
                self.leave();
                let last = self.nodes.len() - 1;
                if let (true, Node::Lit(Value::Num(n))) =
                    (operand.node as usize == last, self.nodes[last])
                {
                    // Fold a negative number literal.
                    self.nodes[last] = Node::Lit(Value::Num(-n));
                    self.spans[last].start = t.start as u32;
                    return Ok(Operand {
                        node: operand.node,
                        start: t.start,
                        end: operand.end,
                    });
                }
                self.expect_ty(operand, Ty::Num, "`-`");
                self.push(
                    Node::Neg(operand.node),
                    Ty::Num,
                    (t.start, operand.end),
                    t.start,
                    &[operand.node],
                )
            }
            Tok::Not => {
                let what = format!("`{}`", self.text(t));
                if min_bp > BP_NOT {
                    return Err(
                        self.syntax(t.start, format!("{what} must be put in parentheses here"))
                    );
                }
                self.enter(t)?;
                let operand = self.parse_expr(BP_NOT)?;
                self.leave();
                self.expect_ty(operand, Ty::Bool, &what);
                self.push(
                    Node::Not(operand.node),
                    Ty::Bool,
                    (t.start, operand.end),
                    t.start,
                    &[operand.node],
                )
            }
            Tok::Eof => Err(self.syntax(t.start, "expected an expression, found the end")),
            _ => Err(self.syntax(
                t.start,
                format!("expected an expression, found {}", self.describe(t)),
            )),
        }
    }

    /// A bare identifier: a computed value.
    fn bare_ident(&mut self, t: Token) -> Parsed<Operand> {
        let name = self.text(t);
        if let Some(c) = self.resolver.computed(name) {
            return self.push(Node::Computed(c), Ty::Any, (t.start, t.end), t.start, &[]);
        }
        let hint = if FUNCTIONS.iter().any(|f| f.name == name) {
            format!("; `{name}` is a function, call it as `{name}(...)`")
        } else if name.contains('-') {
            "; to subtract, put spaces around `-`".to_owned()
        } else {
            String::new()
        };
        self.report(
            t.start,
            "expr.unknown_computed",
            format!("unknown computed value `{name}`{hint}"),
        );
        self.placeholder(t.start, t.end)
    }

    /// A name argument: an identifier, a keyword spelled as a word, or a string.
    fn name_arg(&mut self, spec: &FnSpec, position: usize) -> Parsed<Token> {
        let t = self.bump();
        let ok = match t.tok {
            Tok::Ident | Tok::Str => true,
            Tok::True | Tok::False | Tok::Null | Tok::And | Tok::Or | Tok::Not => {
                self.text(t).starts_with(|c: char| c.is_ascii_alphabetic())
            }
            _ => false,
        };
        if ok {
            Ok(t)
        } else {
            Err(self.syntax(
                t.start,
                format!(
                    "`{}` expects {}, found {}",
                    spec.name,
                    spec.name_noun(position),
                    self.describe(t)
                ),
            ))
        }
    }

    /// Skips the arguments of a call to an unknown function, up to its `)`.
    fn skip_call(&mut self, lparen: Token) -> Parsed<Token> {
        let mut level = 1usize;
        loop {
            let t = self.bump();
            match t.tok {
                Tok::LParen => level += 1,
                Tok::RParen => {
                    level -= 1;
                    if level == 0 {
                        return Ok(t);
                    }
                }
                Tok::Eof => {
                    return Err(self.syntax(
                        t.start,
                        format!(
                            "expected `)` to close the `(` at column {}, found the end",
                            column(self.src, lparen.start)
                        ),
                    ))
                }
                _ => {}
            }
        }
    }

    fn call(&mut self, name_tok: Token) -> Parsed<Operand> {
        let lparen = self.bump();
        self.enter(lparen)?;
        let name = self.text(name_tok);
        let Some(spec) = FUNCTIONS.iter().find(|f| f.name == name) else {
            self.report(
                name_tok.start,
                "expr.unknown_function",
                format!("unknown function `{name}`"),
            );
            let close = self.skip_call(lparen)?;
            self.leave();
            return self.placeholder(name_tok.start, close.end);
        };
        let mut args = Vec::new();
        let close = if self.peek().tok == Tok::RParen {
            self.bump()
        } else {
            loop {
                args.push(if spec.names {
                    Arg::Name(self.name_arg(spec, args.len())?)
                } else {
                    Arg::Expr(self.parse_expr(0)?)
                });
                let t = self.bump();
                match t.tok {
                    Tok::Comma => {}
                    Tok::RParen => break t,
                    _ => {
                        return Err(self.syntax(
                            t.start,
                            format!(
                                "expected `,` or `)` in the call to `{name}`, found {}",
                                self.describe(t)
                            ),
                        ))
                    }
                }
            }
        };
        self.leave();
        let span = (name_tok.start, close.end);
        if args.len() < spec.min || args.len() > spec.max {
            self.report(name_tok.start, "expr.arity", spec.arity_message(args.len()));
            return self.placeholder(span.0, span.1);
        }
        if spec.names {
            let names: Vec<Token> = args
                .iter()
                .filter_map(|a| match a {
                    Arg::Name(t) => Some(*t),
                    Arg::Expr(_) => None,
                })
                .collect();
            self.name_call(spec, &names, span)
        } else {
            let exprs: Vec<Operand> = args
                .iter()
                .filter_map(|a| match a {
                    Arg::Expr(o) => Some(*o),
                    Arg::Name(_) => None,
                })
                .collect();
            self.expr_call(spec, &exprs, span)
        }
    }

    /// Resolves a name argument, reporting it when unknown.
    fn lookup(&mut self, t: Token, kind: NameKind) -> Option<u32> {
        let name = self.name_text(t);
        let r = self.resolver;
        let (found, code, noun) = match kind {
            NameKind::Question => (r.question(name), "expr.unknown_question", "question"),
            NameKind::Dimension => (r.dimension(name), "expr.unknown_dimension", "dimension"),
            NameKind::Computed => (r.computed(name), "expr.unknown_computed", "computed value"),
            NameKind::Profile => (r.profile(name), "expr.unknown_profile", "profile"),
            NameKind::Section => (r.section(name), "expr.unknown_section", "section"),
        };
        if found.is_none() {
            self.report(t.start, code, format!("unknown {noun} `{name}`"));
        }
        found
    }

    /// A call whose arguments are names.
    fn name_call(
        &mut self,
        spec: &FnSpec,
        names: &[Token],
        span: (usize, usize),
    ) -> Parsed<Operand> {
        let first = names.first().copied();
        let one = |p: &mut Self, kind| first.and_then(|t| p.lookup(t, kind));
        // A question of the type `want` (or of a type not known here).
        let typed = |p: &mut Self, want: &[QuestionType], needs: &str| {
            let q = one(p, NameKind::Question)?;
            match p.resolver.question_type(q) {
                Some(kind) if !want.contains(&kind) => {
                    let name = first.map(|t| p.name_text(t)).unwrap_or_default();
                    p.report(
                        span.0,
                        "expr.question_type",
                        format!(
                            "`{}()` needs {needs}; `{name}` is a {} question",
                            spec.name,
                            crate::compile::type_name(kind)
                        ),
                    );
                    None
                }
                _ => Some(q),
            }
        };
        const LEVEL: &[QuestionType] = &[QuestionType::Level];
        let (node, ty) = match spec.func {
            Func::Score => (one(self, NameKind::Dimension).map(Node::Score), Ty::Num),
            Func::Coverage => (one(self, NameKind::Dimension).map(Node::Coverage), Ty::Num),
            Func::Band => (one(self, NameKind::Dimension).map(Node::Band), Ty::Sym),
            Func::Answer => {
                let q = one(self, NameKind::Question);
                // What `answer(q)` is follows from the question's type: an option for a single
                // choice, a number for the others, nothing for an allocation (use `points`).
                let ty = match q.and_then(|q| self.resolver.question_type(q)) {
                    Some(QuestionType::SingleChoice) => Ty::Sym,
                    Some(QuestionType::Allocation) | None => Ty::Any,
                    Some(_) => Ty::Num,
                };
                (q.map(Node::Answer), ty)
            }
            Func::Answered => (one(self, NameKind::Question).map(Node::Answered), Ty::Bool),
            Func::DontKnow => (one(self, NameKind::Question).map(Node::DontKnow), Ty::Bool),
            Func::Desired => (
                typed(self, LEVEL, "a level question").map(Node::Desired),
                Ty::Num,
            ),
            Func::Gap => (
                typed(self, LEVEL, "a level question").map(Node::Gap),
                Ty::Num,
            ),
            Func::Value => (one(self, NameKind::Computed).map(Node::Computed), Ty::Any),
            Func::Profile => (one(self, NameKind::Profile).map(Node::Profile), Ty::Bool),
            Func::CountAnswered => match first {
                None => (Some(Node::CountAnswered(None)), Ty::Num),
                Some(t) => (
                    self.lookup(t, NameKind::Section)
                        .map(|s| Node::CountAnswered(Some(s))),
                    Ty::Num,
                ),
            },
            Func::Chosen | Func::Points => {
                let question = if spec.func == Func::Chosen {
                    typed(
                        self,
                        &[QuestionType::SingleChoice, QuestionType::MultipleChoice],
                        "a choice question",
                    )
                } else {
                    typed(self, &[QuestionType::Allocation], "an allocation question")
                };
                let option = match (question, names.get(1)) {
                    (Some(q), Some(&o)) => {
                        let id = self.name_text(o);
                        let found = self.resolver.option(q, id);
                        if found.is_none() {
                            let q_id = first.map(|t| self.name_text(t)).unwrap_or_default();
                            self.report(
                                o.start,
                                "expr.unknown_option",
                                format!("unknown option `{id}` of question `{q_id}`"),
                            );
                        }
                        found
                    }
                    _ => None,
                };
                match (question, option, spec.func) {
                    (Some(q), Some(o), Func::Chosen) => (Some(Node::Chosen(q, o)), Ty::Bool),
                    (Some(q), Some(o), _) => (Some(Node::Points(q, o)), Ty::Num),
                    _ => (None, Ty::Any),
                }
            }
            _ => (None, Ty::Any),
        };
        match node {
            Some(node) => self.push(node, ty, span, span.0, &[]),
            None => self.placeholder(span.0, span.1),
        }
    }

    /// A call whose arguments are expressions.
    fn expr_call(
        &mut self,
        spec: &FnSpec,
        args: &[Operand],
        span: (usize, usize),
    ) -> Parsed<Operand> {
        let what = format!("`{}`", spec.name);
        let arg = |i: usize| args.get(i).map_or(0, |a| a.node);
        let children: Vec<u32> = args.iter().map(|a| a.node).collect();
        let all = |p: &mut Self, want: Ty| {
            for &a in args {
                p.expect_ty(a, want, &what);
            }
        };
        let (node, ty) = match spec.func {
            Func::Abs => {
                all(self, Ty::Num);
                (Node::Abs(arg(0)), Ty::Num)
            }
            Func::Round => {
                all(self, Ty::Num);
                if let Some(digits) = args.get(1) {
                    if let Node::Lit(Value::Num(d)) = self.nodes[digits.node as usize] {
                        if !(d.fract() == 0.0 && (0.0..=6.0).contains(&d)) {
                            self.report(
                                digits.start,
                                "expr.type",
                                format!(
                                    "`round` needs a whole number of digits from 0 to 6, found {d}"
                                ),
                            );
                        }
                    }
                }
                (Node::Round(arg(0), args.get(1).map(|a| a.node)), Ty::Num)
            }
            Func::Clamp => {
                all(self, Ty::Num);
                (Node::Clamp(arg(0), arg(1), arg(2)), Ty::Num)
            }
            Func::If => {
                if let Some(&cond) = args.first() {
                    self.expect_ty(cond, Ty::Bool, &what);
                }
                let ty = match (args.get(1), args.get(2)) {
                    (Some(&a), Some(&b)) => self.ty(a).join(self.ty(b)),
                    _ => Ty::Any,
                };
                (Node::If(arg(0), arg(1), arg(2)), ty)
            }
            Func::Min | Func::Max | Func::Median | Func::Sum | Func::Count => {
                let (f, want) = match spec.func {
                    Func::Min => (ManyFn::Min, Ty::Num),
                    Func::Max => (ManyFn::Max, Ty::Num),
                    Func::Median => (ManyFn::Median, Ty::Num),
                    Func::Sum => (ManyFn::Sum, Ty::Num),
                    _ => (ManyFn::Count, Ty::Bool),
                };
                all(self, want);
                let start = self.args.len() as u32;
                self.args.extend_from_slice(&children);
                (Node::Many(f, start, children.len() as u32), Ty::Num)
            }
            _ => return self.placeholder(span.0, span.1),
        };
        self.push(node, ty, span, span.0, &children)
    }
}

impl Expr {
    /// Parses `source` and resolves every name in it with `resolver`.
    ///
    /// On failure, returns every name and type error found, ordered by column. A syntax error or
    /// an exceeded limit stops the parse; the errors found before it are returned with it.
    pub fn compile(source: &str, resolver: &dyn Resolver) -> Result<Expr, Vec<ExprError>> {
        if source.len() > MAX_SOURCE_BYTES {
            return Err(vec![error(
                source,
                0,
                "expr.too_long",
                format!(
                    "the expression is {} bytes long, more than the {MAX_SOURCE_BYTES} allowed",
                    source.len()
                ),
            )]);
        }
        let toks = lex(source).map_err(|e| vec![e])?;
        Parser {
            src: source,
            toks,
            pos: 0,
            resolver,
            nodes: Vec::new(),
            spans: Vec::new(),
            meta: Vec::new(),
            args: Vec::new(),
            errors: Vec::new(),
            depth: 0,
        }
        .parse()
    }
}

#[cfg(test)]
mod tests {
    use super::super::testutil::{codes, compile, errors, shape, Model};
    use super::super::{Expr, MAX_DEPTH};

    fn parsed(source: &str) -> String {
        shape(&compile(source))
    }

    #[test]
    fn or_binds_looser_than_and() {
        let actual = parsed("true or false and false");
        let expected = "(true or (false and false))";
        assert_eq!(actual, expected);
    }

    #[test]
    fn not_binds_looser_than_comparison_and_tighter_than_and() {
        let actual = parsed("not score(digital) > 50 and answered(age)");
        let expected = "((not (score(digital) > 50)) and answered(age))";
        assert_eq!(actual, expected);
    }

    #[test]
    fn symbolic_operators_mean_the_same_as_words() {
        let actual = parsed("!answered(age) || answered(size) && answered(level)");
        let expected = "((not answered(age)) or (answered(size) and answered(level)))";
        assert_eq!(actual, expected);
    }

    #[test]
    fn arithmetic_follows_the_usual_precedence() {
        let actual = parsed("1 + 2 * 3 - 4 / 5 % 6 == 7");
        let expected = "(((1 + (2 * 3)) - ((4 / 5) % 6)) == 7)";
        assert_eq!(actual, expected);
    }

    #[test]
    fn binary_operators_group_to_the_left() {
        let actual = parsed("10 - 2 - 3 < 20 / 2 / 5");
        let expected = "(((10 - 2) - 3) < ((20 / 2) / 5))";
        assert_eq!(actual, expected);
    }

    #[test]
    fn unary_minus_binds_tighter_than_multiplication() {
        let actual = parsed("-maturity * 2 + -(ratio - 1)");
        let expected = "(((-maturity) * 2) + (-(ratio - 1)))";
        assert_eq!(actual, expected);
    }

    #[test]
    fn a_negative_number_literal_is_folded() {
        let actual = parsed("- 2.5 * --3");
        let expected = "(-2.5 * 3)";
        assert_eq!(actual, expected);
    }

    #[test]
    fn parentheses_override_precedence() {
        let actual = parsed("(true or false) and not (1 + 2) * 3 > 4");
        let expected = "((true or false) and (not (((1 + 2) * 3) > 4)))";
        assert_eq!(actual, expected);
    }

    #[test]
    fn every_function_parses_with_names_or_strings() {
        let actual = parsed(
            "sum(score(digital), coverage(\"people\"), answer(age), desired(level), gap(level), \
             points(budget, \"tools\"), value(ratio), count_answered(), count_answered(ops), \
             abs(-1), round(1), round(1, 2), clamp(1, 2, 3), if(true, 1, 2), min(1), max(1, 2), \
             median(1, 2, 3), count(answered(age), dont_know(age), chosen(tools, crm), \
             profile(expert), band(digital) == \"high\"))",
        );
        let expected = "sum(score(digital), coverage(people), answer(age), desired(level), \
             gap(level), points(budget, tools), ratio, count_answered(), count_answered(ops), \
             abs(-1), round(1), round(1, 2), clamp(1, 2, 3), if(true, 1, 2), min(1), max(1, 2), \
             median(1, 2, 3), count(answered(age), dont_know(age), chosen(tools, crm), \
             profile(expert), (band(digital) == #10)))";
        assert_eq!(actual, expected);
    }

    #[test]
    fn identifiers_keep_inner_dashes_and_dots() {
        let actual = parsed("answered(q-1.x) and and-more > 1");
        let expected = "(answered(q-1.x) and (and-more > 1))";
        assert_eq!(actual, expected);
    }

    #[test]
    fn a_dash_between_spaces_is_subtraction() {
        let actual = parsed("maturity - ratio - 1");
        let expected = "((maturity - ratio) - 1)";
        assert_eq!(actual, expected);
    }

    #[test]
    fn a_dash_inside_a_name_is_part_of_it_with_a_hint_to_add_spaces() {
        let actual = errors("maturity - ratio-1");
        let expected =
            vec!["column 12: unknown computed value `ratio-1`; to subtract, put spaces around `-`"];
        assert_eq!(actual, expected);
    }

    #[test]
    fn a_trailing_dash_or_dot_is_not_part_of_an_identifier() {
        let actual = parsed("maturity-(1)");
        let expected = "(maturity - 1)";
        assert_eq!(actual, expected);
    }

    #[test]
    fn keywords_can_be_name_arguments() {
        let actual = errors("answered(not) or score(and)");
        let expected = vec![
            "column 10: unknown question `not`",
            "column 24: unknown dimension `and`",
        ];
        assert_eq!(actual, expected);
    }

    #[test]
    fn whitespace_and_newlines_are_allowed_between_tokens() {
        let actual = parsed("\n score ( digital )\t>=\r\n 50\n");
        let expected = "(score(digital) >= 50)";
        assert_eq!(actual, expected);
    }

    #[test]
    fn unicode_whitespace_separates_tokens() {
        let actual = parsed("1\u{a0}+\u{2003}2");
        let expected = "(1 + 2)";
        assert_eq!(actual, expected);
    }

    #[test]
    fn a_string_literal_is_a_symbol() {
        let actual = parsed("answer(size) == \"large\" or band(people) != \"low\"");
        let expected = "((answer(size) == #2) or (band(people) != #8))";
        assert_eq!(actual, expected);
    }

    #[test]
    fn source_is_kept_verbatim() {
        let source = " score(digital)  > 1 ";
        let actual = compile(source).source().to_owned();
        assert_eq!(actual, source);
    }

    #[test]
    fn syntax_errors_point_at_the_offending_token() {
        let cases = [
            ("", "column 1: the expression is empty"),
            ("  \n ", "column 1: the expression is empty"),
            (
                "score(digital) >",
                "column 17: expected an expression, found the end",
            ),
            ("1 @ 2", "column 3: unexpected character `@`"),
            ("1 + \u{0}", "column 5: unexpected character `\\0`"),
            (
                "maturity = 1",
                "column 10: unexpected `=`; write `==` to compare",
            ),
            (
                "true & false",
                "column 6: unexpected `&`; write `&&` or `and`",
            ),
            (
                "true | false",
                "column 6: unexpected `|`; write `||` or `or`",
            ),
            (
                "(1 + 2",
                "column 7: expected `)` to close the `(` at column 1, found the end",
            ),
            (
                "(1 + 2 3)",
                "column 8: expected `)` to close the `(` at column 1, found `3`",
            ),
            ("1 + 2)", "column 6: unmatched `)`"),
            ("1 2", "column 3: expected an operator, found `2`"),
            ("1.", "column 2: unexpected character `.`"),
            (".5", "column 1: unexpected character `.`"),
            (
                "\"large",
                "column 1: unterminated string: missing the closing `\"`",
            ),
            (
                "1 < 2 < 3",
                "column 7: comparisons cannot be chained; combine them with `and`",
            ),
            (
                "1 == 2 != true",
                "column 8: comparisons cannot be chained; combine them with `and`",
            ),
            (
                "1 + not true",
                "column 5: `not` must be put in parentheses here",
            ),
            (
                "1 == !true",
                "column 6: `!` must be put in parentheses here",
            ),
            (
                "score(1)",
                "column 7: `score` expects a dimension id, found `1`",
            ),
            (
                "chosen(tools, 2)",
                "column 15: `chosen` expects an option id, found `2`",
            ),
            (
                "score(digital people)",
                "column 15: expected `,` or `)` in the call to `score`, found `people`",
            ),
            ("min(1,)", "column 7: expected an expression, found `)`"),
            (
                "min(1 2)",
                "column 7: expected `,` or `)` in the call to `min`, found `2`",
            ),
            (")", "column 1: expected an expression, found `)`"),
            ("and", "column 1: expected an expression, found `and`"),
        ];
        for (source, expected) in cases {
            let actual = errors(source);
            assert_eq!(actual, vec![expected], "source: {source:?}");
            assert_eq!(
                codes(source).last(),
                Some(&"expr.syntax"),
                "source: {source:?}"
            );
        }
    }

    #[test]
    fn a_long_token_is_shortened_in_messages() {
        let source = format!("1 {}", "x".repeat(60));
        let actual = errors(&source);
        let expected = vec![format!(
            "column 3: expected an operator, found `{}…`",
            "x".repeat(40)
        )];
        assert_eq!(actual, expected);
    }

    #[test]
    fn a_number_too_large_for_a_double_is_an_error() {
        let actual = errors(&"9".repeat(400));
        let expected = vec!["column 1: number is too large"];
        assert_eq!(actual, expected);
    }

    #[test]
    fn unknown_names_are_reported_with_their_code_and_column() {
        let cases = [
            ("answered(q9)", "expr.unknown_question", "column 10: unknown question `q9`"),
            ("score(tech) > 1", "expr.unknown_dimension", "column 7: unknown dimension `tech`"),
            ("coverage(\"x y\") > 1", "expr.unknown_dimension", "column 10: unknown dimension `x y`"),
            ("band(x) == \"low\"", "expr.unknown_dimension", "column 6: unknown dimension `x`"),
            ("speed > 1", "expr.unknown_computed", "column 1: unknown computed value `speed`"),
            ("value(speed) > 1", "expr.unknown_computed", "column 7: unknown computed value `speed`"),
            (
                "score > 1",
                "expr.unknown_computed",
                "column 1: unknown computed value `score`; `score` is a function, call it as `score(...)`",
            ),
            ("profile(pro)", "expr.unknown_profile", "column 9: unknown profile `pro`"),
            ("count_answered(end) > 1", "expr.unknown_section", "column 16: unknown section `end`"),
            ("chosen(tools, sap)", "expr.unknown_option", "column 15: unknown option `sap` of question `tools`"),
            ("points(budget, crm) > 1", "expr.unknown_option", "column 16: unknown option `crm` of question `budget`"),
            ("answer(size) == \"huge\"", "expr.unknown_symbol", "column 17: unknown option or band `huge`"),
            ("foo(1) > 2", "expr.unknown_function", "column 1: unknown function `foo`"),
        ];
        for (source, code, expected) in cases {
            let actual = Expr::compile(source, &Model).expect_err(source);
            assert_eq!(actual.len(), 1, "source: {source:?}");
            assert_eq!(actual[0].code, code, "source: {source:?}");
            assert_eq!(actual[0].to_string(), expected, "source: {source:?}");
        }
    }

    #[test]
    fn an_option_of_an_unknown_question_is_not_reported_twice() {
        let actual = errors("chosen(tool, crm)");
        let expected = vec!["column 8: unknown question `tool`"];
        assert_eq!(actual, expected);
    }

    #[test]
    fn every_name_error_is_reported() {
        let actual = errors("score(x) > 1 and answered(y) or foo(z, (1)) or value(w) == \"v\"");
        let expected = vec![
            "column 7: unknown dimension `x`",
            "column 27: unknown question `y`",
            "column 33: unknown function `foo`",
            "column 54: unknown computed value `w`",
            "column 60: unknown option or band `v`",
        ];
        assert_eq!(actual, expected);
    }

    #[test]
    fn an_unclosed_call_to_an_unknown_function_is_a_syntax_error() {
        let actual = errors("foo(1, (2)");
        let expected = vec![
            "column 1: unknown function `foo`",
            "column 11: expected `)` to close the `(` at column 4, found the end",
        ];
        assert_eq!(actual, expected);
    }

    #[test]
    fn name_errors_before_a_syntax_error_are_kept() {
        let actual = errors("answered(y) and (");
        let expected = vec![
            "column 10: unknown question `y`",
            "column 18: expected an expression, found the end",
        ];
        assert_eq!(actual, expected);
    }

    #[test]
    fn wrong_arity_is_reported_at_the_function_name() {
        let cases = [
            (
                "score(digital, people) > 1",
                "column 1: `score` takes 1 argument, found 2",
            ),
            (
                "1 + min()",
                "column 5: `min` takes at least 1 argument, found 0",
            ),
            (
                "round(1, 2, 3) > 1",
                "column 1: `round` takes 1 or 2 arguments, found 3",
            ),
            (
                "clamp(1, 2) > 1",
                "column 1: `clamp` takes 3 arguments, found 2",
            ),
            (
                "count_answered(intro, ops) > 1",
                "column 1: `count_answered` takes 0 or 1 arguments, found 2",
            ),
            (
                "chosen(tools)",
                "column 1: `chosen` takes 2 arguments, found 1",
            ),
            (
                "if(true, 1) > 1",
                "column 1: `if` takes 3 arguments, found 2",
            ),
        ];
        for (source, expected) in cases {
            let actual = errors(source);
            assert_eq!(actual, vec![expected], "source: {source:?}");
            assert_eq!(codes(source), vec!["expr.arity"], "source: {source:?}");
        }
    }

    #[test]
    fn median_takes_at_most_64_arguments() {
        let args = vec!["1"; 65].join(", ");
        let actual = errors(&format!("median({args}) > 1"));
        let expected = vec!["column 1: `median` takes 1 to 64 arguments, found 65"];
        assert_eq!(actual, expected);
        let args = vec!["1"; 64].join(", ");
        assert!(Expr::compile(&format!("median({args}) > 1"), &Model).is_ok());
    }

    #[test]
    fn mismatched_types_are_reported_when_known() {
        let cases = [
            (
                "score(digital) + true > 1",
                "column 18: `+` needs a number, found a boolean",
            ),
            (
                "1 and answered(age)",
                "column 1: `and` needs a boolean, found a number",
            ),
            (
                "answered(age) || \"low\"",
                "column 18: `||` needs a boolean, found an option or band id",
            ),
            ("not 3", "column 5: `not` needs a boolean, found a number"),
            (
                "-true == 1",
                "column 2: `-` needs a number, found a boolean",
            ),
            (
                "band(digital) == 3",
                "column 15: cannot compare an option or band id with a number",
            ),
            (
                "answered(age) != 1",
                "column 15: cannot compare a boolean with a number",
            ),
            (
                "round(ratio, 7) > 1",
                "column 14: `round` needs a whole number of digits from 0 to 6, found 7",
            ),
            (
                "round(ratio, 1.5) > 1",
                "column 14: `round` needs a whole number of digits from 0 to 6, found 1.5",
            ),
            (
                "round(ratio, -1) > 1",
                "column 14: `round` needs a whole number of digits from 0 to 6, found -1",
            ),
            (
                "if(1, true, false)",
                "column 4: `if` needs a boolean, found a number",
            ),
            (
                "count(1, true) > 1",
                "column 7: `count` needs a boolean, found a number",
            ),
            (
                "min(1, band(digital)) > 1",
                "column 8: `min` needs a number, found an option or band id",
            ),
            (
                "abs(answered(age)) > 1",
                "column 5: `abs` needs a number, found a boolean",
            ),
        ];
        for (source, expected) in cases {
            let actual = errors(source);
            assert_eq!(actual, vec![expected], "source: {source:?}");
            assert_eq!(codes(source), vec!["expr.type"], "source: {source:?}");
        }
    }

    #[test]
    fn both_operands_of_a_comparison_are_type_checked() {
        let actual = errors("band(digital) < \"high\"");
        let expected = vec![
            "column 1: `<` needs a number, found an option or band id",
            "column 17: `<` needs a number, found an option or band id",
        ];
        assert_eq!(actual, expected);
    }

    #[test]
    fn values_of_unknown_type_and_null_pass_the_type_check() {
        for source in [
            "maturity and answer(size) == \"large\"",
            "answer(age) + maturity > null",
            "null == true",
            "if(answered(age), answer(size), null) == \"small\"",
            "if(answered(age), 1, false) > 1",
        ] {
            assert!(Expr::compile(source, &Model).is_ok(), "source: {source:?}");
        }
    }

    #[test]
    fn nesting_deeper_than_the_limit_is_an_error() {
        let limit = "(".repeat(MAX_DEPTH) + "1" + &")".repeat(MAX_DEPTH);
        assert!(Expr::compile(&limit, &Model).is_ok());
        let cases = [
            "(".repeat(MAX_DEPTH + 1) + "1" + &")".repeat(MAX_DEPTH + 1),
            "-".repeat(MAX_DEPTH + 1) + "maturity",
            "not ".repeat(MAX_DEPTH + 1) + "true",
            "abs(".repeat(MAX_DEPTH + 1) + "1" + &")".repeat(MAX_DEPTH + 1),
            vec!["ratio"; MAX_DEPTH + 2].join(" + "),
            vec!["true"; MAX_DEPTH + 2].join(" and "),
        ];
        for source in cases {
            let actual = codes(&source);
            assert_eq!(actual, vec!["expr.too_deep"], "source: {source:?}");
        }
    }

    #[test]
    fn the_depth_error_points_where_the_limit_is_crossed() {
        let source = "(".repeat(40) + "1" + &")".repeat(40);
        let actual = errors(&source);
        let expected = vec!["column 33: the expression is nested more than 32 levels deep"];
        assert_eq!(actual, expected);
    }

    #[test]
    fn adversarial_nesting_returns_an_error_instead_of_overflowing() {
        let cases = [
            "(".repeat(10_000),
            "(".repeat(10_000) + "1" + &")".repeat(10_000),
            "-".repeat(4000),
            "!".repeat(4000),
            "not ".repeat(1000),
            "(".repeat(1000),
            "-".repeat(1000),
        ];
        for source in cases {
            let actual = Expr::compile(&source, &Model).expect_err("too deep or too long");
            let code = actual[0].code;
            assert!(
                code == "expr.too_deep" || code == "expr.too_long",
                "{code} for {:?}",
                &source[..20]
            );
        }
    }

    #[test]
    fn a_source_over_4096_bytes_is_too_long() {
        let source = format!("1 == 1{}", " ".repeat(4091));
        let actual = errors(&source);
        let expected =
            vec!["column 1: the expression is 4097 bytes long, more than the 4096 allowed"];
        assert_eq!(actual, expected);
        assert_eq!(codes(&source), vec!["expr.too_long"]);
        assert!(Expr::compile(&source[..4096], &Model).is_ok());
    }

    #[test]
    fn a_source_over_1000_tokens_is_too_long() {
        // `count`, `(`, 500 `true`s, 499 commas and `)` make 1002 tokens; the 1001st is the
        // last `true`.
        let args = vec!["true"; 500].join(",");
        let source = format!("count({args})");
        let actual = errors(&source);
        let expected = vec!["column 2502: the expression has more than 1000 tokens"];
        assert_eq!(actual, expected);
        assert_eq!(codes(&source), vec!["expr.too_long"]);
        let args = vec!["true"; 498].join(",");
        assert!(Expr::compile(&format!("count({args}) > 1"), &Model).is_ok());
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let actual = errors("answer(size) == \"größe\" or score(\"dïgital\") > 50");
        let expected = vec![
            "column 17: unknown option or band `größe`",
            "column 34: unknown dimension `dïgital`",
        ];
        assert_eq!(actual, expected);
    }

    #[test]
    fn non_ascii_outside_strings_is_a_syntax_error_at_its_column() {
        let cases = [
            ("score(digital) ≥ 50", "column 16: unexpected character `≥`"),
            ("größe > 1", "column 3: unexpected character `ö`"),
            ("1 + 😀", "column 5: unexpected character `😀`"),
            ("\"😀\" 😀", "column 5: unexpected character `😀`"),
        ];
        for (source, expected) in cases {
            let actual = errors(source);
            assert_eq!(actual, vec![expected], "source: {source:?}");
        }
    }

    #[test]
    fn a_string_may_hold_any_character_but_a_quote() {
        let actual = errors("answer(size) == \"a)b,(\\\"");
        let expected = vec!["column 17: unknown option or band `a)b,(\\`"];
        assert_eq!(actual, expected);
    }
}
