//! Rule arithmetic: `(to - from) / from`, `pow(to / from, 1 / (y2 - y1)) - 1`, `sum(parts)`.
//!
//! An expression parses once into an [`Ast`] and compiles into a pair of Polars expressions, the
//! low and the high end of the result, by interval arithmetic over the role columns
//! `r_<role>_lo` / `r_<role>_hi` (aggregates of multi-claim roles: `r_<role>_<agg>_lo`).
//! Anything undefined (division by an interval holding 0, log of a non-positive number, 0 × ∞)
//! yields NaN, which the comparison reads as "unverifiable".
use polars::lazy::dsl::{any_horizontal, lit, max_horizontal, min_horizontal, when, Expr};
use polars::prelude::col;

#[derive(Debug, Clone, PartialEq)]
pub enum Ast {
    Num(f64),
    /// A single-claim role.
    Role(String),
    /// An aggregate over a multi-claim role: `sum`, `max`, `min`, `count`.
    Agg(String, String),
    Neg(Box<Ast>),
    Bin(char, Box<Ast>, Box<Ast>),
    Call(String, Vec<Ast>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct ExprError {
    /// Byte offset of the problem inside the expression text.
    pub offset: usize,
    pub message: String,
}

pub const AGGREGATES: [&str; 4] = ["sum", "max", "min", "count"];
const FUNCTIONS: [&str; 8] = ["abs", "ln", "log10", "exp", "floor", "pow", "min", "max"];

/// Parse an expression. `is_multi(role)` says whether a role binds several claims, which decides
/// whether `max(x)` is an aggregate or a call (and rejects bare multi-claim roles).
pub fn parse(text: &str, is_multi: &dyn Fn(&str) -> bool) -> Result<Ast, ExprError> {
    let mut p = Parser { s: text.as_bytes(), i: 0, is_multi };
    let ast = p.expr()?;
    p.ws();
    if p.i < p.s.len() {
        return Err(p.err("unexpected text after the expression"));
    }
    // A multi-claim role is only readable through an aggregate.
    if let Some(r) = bare_multi(&ast, is_multi) {
        return Err(ExprError {
            offset: text.find(r.as_str()).unwrap_or(0),
            message: format!("`{r}` binds several claims: use sum({r}), max({r}), min({r}) or count({r})"),
        });
    }
    Ok(ast)
}

fn bare_multi(ast: &Ast, is_multi: &dyn Fn(&str) -> bool) -> Option<String> {
    match ast {
        Ast::Role(r) if is_multi(r) => Some(r.clone()),
        Ast::Neg(a) => bare_multi(a, is_multi),
        Ast::Bin(_, a, b) => bare_multi(a, is_multi).or_else(|| bare_multi(b, is_multi)),
        Ast::Call(_, args) => args.iter().find_map(|a| bare_multi(a, is_multi)),
        _ => None,
    }
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
    is_multi: &'a dyn Fn(&str) -> bool,
}

impl Parser<'_> {
    fn err(&self, message: &str) -> ExprError {
        ExprError { offset: self.i.min(self.s.len()), message: message.to_string() }
    }
    fn ws(&mut self) {
        while self.i < self.s.len() && self.s[self.i].is_ascii_whitespace() {
            self.i += 1;
        }
    }
    fn peek(&mut self) -> Option<u8> {
        self.ws();
        self.s.get(self.i).copied()
    }
    fn expr(&mut self) -> Result<Ast, ExprError> {
        let mut left = self.term()?;
        while let Some(c @ (b'+' | b'-')) = self.peek() {
            self.i += 1;
            let right = self.term()?;
            left = Ast::Bin(c as char, Box::new(left), Box::new(right));
        }
        Ok(left)
    }
    fn term(&mut self) -> Result<Ast, ExprError> {
        let mut left = self.unary()?;
        while let Some(c @ (b'*' | b'/')) = self.peek() {
            self.i += 1;
            let right = self.unary()?;
            left = Ast::Bin(c as char, Box::new(left), Box::new(right));
        }
        Ok(left)
    }
    fn unary(&mut self) -> Result<Ast, ExprError> {
        if self.peek() == Some(b'-') {
            self.i += 1;
            return Ok(Ast::Neg(Box::new(self.unary()?)));
        }
        self.power()
    }
    fn power(&mut self) -> Result<Ast, ExprError> {
        let base = self.atom()?;
        if self.peek() == Some(b'^') {
            self.i += 1;
            // Right associative: 2^3^2 = 2^(3^2).
            let exp = self.unary()?;
            return Ok(Ast::Call("pow".into(), vec![base, exp]));
        }
        Ok(base)
    }
    fn atom(&mut self) -> Result<Ast, ExprError> {
        match self.peek() {
            Some(b'(') => {
                self.i += 1;
                let e = self.expr()?;
                if self.peek() != Some(b')') {
                    return Err(self.err("expected `)`"));
                }
                self.i += 1;
                Ok(e)
            }
            Some(c) if c.is_ascii_digit() || c == b'.' => {
                let start = self.i;
                while self.i < self.s.len()
                    && (self.s[self.i].is_ascii_digit() || self.s[self.i] == b'.' || self.s[self.i] == b'e')
                {
                    self.i += 1;
                }
                let t = std::str::from_utf8(&self.s[start..self.i]).unwrap_or("");
                t.parse::<f64>().map(Ast::Num).map_err(|_| ExprError {
                    offset: start,
                    message: format!("`{t}` is not a number"),
                })
            }
            Some(c) if c.is_ascii_alphabetic() || c == b'_' => {
                let start = self.i;
                while self.i < self.s.len() && (self.s[self.i].is_ascii_alphanumeric() || self.s[self.i] == b'_') {
                    self.i += 1;
                }
                let name = std::str::from_utf8(&self.s[start..self.i]).unwrap_or("").to_string();
                if self.peek() == Some(b'(') {
                    self.i += 1;
                    let mut args = Vec::new();
                    if self.peek() != Some(b')') {
                        loop {
                            args.push(self.expr()?);
                            match self.peek() {
                                Some(b',') => self.i += 1,
                                Some(b')') => break,
                                _ => return Err(self.err("expected `,` or `)`")),
                            }
                        }
                    }
                    self.i += 1;
                    // A single multi-claim role inside sum/max/min/count is an aggregate.
                    if let [Ast::Role(r)] = args.as_slice() {
                        if AGGREGATES.contains(&name.as_str()) && (self.is_multi)(r) {
                            return Ok(Ast::Agg(name, r.clone()));
                        }
                    }
                    if name == "sum" || name == "count" {
                        return Err(ExprError {
                            offset: start,
                            message: format!("`{name}` takes one multi-claim role (`{{parts*:kind}}`)"),
                        });
                    }
                    let arity = match name.as_str() {
                        "pow" | "min" | "max" => 2,
                        _ => 1,
                    };
                    if !FUNCTIONS.contains(&name.as_str()) {
                        return Err(ExprError { offset: start, message: format!("unknown function `{name}`") });
                    }
                    if args.len() != arity {
                        return Err(ExprError {
                            offset: start,
                            message: format!("`{name}` takes {arity} argument(s), got {}", args.len()),
                        });
                    }
                    return Ok(Ast::Call(name, args));
                }
                Ok(Ast::Role(name))
            }
            Some(_) => Err(self.err("expected a number, a role name, a function or `(`")),
            None => Err(self.err("unexpected end of the expression")),
        }
    }
}

impl Ast {
    /// Role names (aggregated ones as `role`) the expression reads, in first-use order.
    pub fn roles(&self, out: &mut Vec<String>) {
        match self {
            Ast::Num(_) => {}
            Ast::Role(r) | Ast::Agg(_, r) => {
                if !out.contains(r) {
                    out.push(r.clone())
                }
            }
            Ast::Neg(a) => a.roles(out),
            Ast::Bin(_, a, b) => {
                a.roles(out);
                b.roles(out)
            }
            Ast::Call(_, args) => args.iter().for_each(|a| a.roles(out)),
        }
    }

    /// The expression as text with each role replaced by `name(role)` (for messages).
    pub fn render(&self, name: &dyn Fn(&Ast) -> String) -> String {
        match self {
            Ast::Num(x) => crate::model::fmt_num(*x),
            Ast::Role(_) | Ast::Agg(..) => name(self),
            Ast::Neg(a) => format!("-{}", a.render_paren(name)),
            Ast::Bin(op, a, b) => {
                let op = match op {
                    '*' => '×',
                    '/' => '÷',
                    c => *c,
                };
                format!("{} {op} {}", a.render_paren(name), b.render_paren(name))
            }
            Ast::Call(f, args) => {
                format!("{f}({})", args.iter().map(|a| a.render(name)).collect::<Vec<_>>().join(", "))
            }
        }
    }

    fn render_paren(&self, name: &dyn Fn(&Ast) -> String) -> String {
        match self {
            Ast::Bin(..) => format!("({})", self.render(name)),
            _ => self.render(name),
        }
    }
}

pub fn role_col(role: &str, agg: Option<&str>, end: &str) -> String {
    match agg {
        Some(a) => format!("r_{role}_{a}_{end}"),
        None => format!("r_{role}_{end}"),
    }
}

fn nan() -> Expr {
    lit(f64::NAN)
}

/// The min and max of several candidate end points; NaN when any candidate is NaN
/// (0 × ∞), because min_horizontal would silently skip it.
fn hull(cands: Vec<Expr>) -> (Expr, Expr) {
    let any_nan = any_horizontal(cands.iter().map(|c| c.clone().is_nan()).collect::<Vec<_>>())
        .expect("non-empty");
    let lo = min_horizontal(cands.clone()).expect("non-empty");
    let hi = max_horizontal(cands).expect("non-empty");
    (
        when(any_nan.clone()).then(nan()).otherwise(lo),
        when(any_nan).then(nan()).otherwise(hi),
    )
}

fn constant(ast: &Ast) -> Option<f64> {
    match ast {
        Ast::Num(x) => Some(*x),
        Ast::Neg(a) => constant(a).map(|x| -x),
        _ => None,
    }
}

/// Compile to (lo, hi) Polars expressions by interval arithmetic.
pub fn compile(ast: &Ast) -> (Expr, Expr) {
    match ast {
        Ast::Num(x) => (lit(*x), lit(*x)),
        Ast::Role(r) => (col(role_col(r, None, "lo")), col(role_col(r, None, "hi"))),
        Ast::Agg(a, r) => (col(role_col(r, Some(a), "lo")), col(role_col(r, Some(a), "hi"))),
        Ast::Neg(a) => {
            let (lo, hi) = compile(a);
            (-hi, -lo)
        }
        Ast::Bin(op, a, b) => {
            let (alo, ahi) = compile(a);
            match op {
                '+' => {
                    let (blo, bhi) = compile(b);
                    (alo + blo, ahi + bhi)
                }
                '-' => {
                    let (blo, bhi) = compile(b);
                    (alo - bhi, ahi - blo)
                }
                '*' => match constant(b) {
                    Some(k) if k >= 0.0 => (alo * lit(k), ahi * lit(k)),
                    Some(k) => (ahi * lit(k), alo * lit(k)),
                    None => {
                        let (blo, bhi) = compile(b);
                        mul((alo, ahi), (blo, bhi))
                    }
                },
                '/' => match constant(b) {
                    Some(k) if k > 0.0 => (alo / lit(k), ahi / lit(k)),
                    Some(k) if k < 0.0 => (ahi / lit(k), alo / lit(k)),
                    Some(_) => (nan(), nan()),
                    None => {
                        let (blo, bhi) = compile(b);
                        let safe = blo.clone().gt(lit(0.0)).or(bhi.clone().lt(lit(0.0)));
                        let (lo, hi) = mul((alo, ahi), (lit(1.0) / bhi, lit(1.0) / blo));
                        (
                            when(safe.clone()).then(lo).otherwise(nan()),
                            when(safe).then(hi).otherwise(nan()),
                        )
                    }
                },
                _ => (nan(), nan()),
            }
        }
        Ast::Call(f, args) => {
            let ends: Vec<(Expr, Expr)> = args.iter().map(compile).collect();
            match (f.as_str(), ends.as_slice()) {
                ("abs", [(lo, hi)]) => (
                    when(lo.clone().gt_eq(lit(0.0)))
                        .then(lo.clone())
                        .when(hi.clone().lt_eq(lit(0.0)))
                        .then(-hi.clone())
                        .otherwise(lit(0.0)),
                    max_horizontal([lo.clone().abs(), hi.clone().abs()]).expect("non-empty"),
                ),
                ("ln", [(lo, hi)]) => monotone_positive(lo, hi, |e| e.log(lit(std::f64::consts::E))),
                ("log10", [(lo, hi)]) => monotone_positive(lo, hi, |e| e.log(lit(10.0))),
                ("exp", [(lo, hi)]) => (lo.clone().exp(), hi.clone().exp()),
                // Whole multiples of a threshold (每满300减50): monotone, so the ends map to ends.
                ("floor", [(lo, hi)]) => (lo.clone().floor(), hi.clone().floor()),
                ("min", [(alo, ahi), (blo, bhi)]) => (
                    min_horizontal([alo.clone(), blo.clone()]).expect("non-empty"),
                    min_horizontal([ahi.clone(), bhi.clone()]).expect("non-empty"),
                ),
                ("max", [(alo, ahi), (blo, bhi)]) => (
                    max_horizontal([alo.clone(), blo.clone()]).expect("non-empty"),
                    max_horizontal([ahi.clone(), bhi.clone()]).expect("non-empty"),
                ),
                ("pow", [(alo, ahi), (elo, ehi)]) => {
                    // Defined here for a non-negative base; corners bound the result because
                    // x^y is monotone in each argument there.
                    let cands = vec![
                        alo.clone().pow(elo.clone()),
                        alo.clone().pow(ehi.clone()),
                        ahi.clone().pow(elo.clone()),
                        ahi.clone().pow(ehi.clone()),
                    ];
                    let (lo, hi) = hull(cands);
                    let ok = alo.clone().gt_eq(lit(0.0));
                    (
                        when(ok.clone()).then(lo).otherwise(nan()),
                        when(ok).then(hi).otherwise(nan()),
                    )
                }
                _ => (nan(), nan()),
            }
        }
    }
}

fn monotone_positive(lo: &Expr, hi: &Expr, f: impl Fn(Expr) -> Expr) -> (Expr, Expr) {
    let ok = lo.clone().gt(lit(0.0));
    (
        when(ok.clone()).then(f(lo.clone())).otherwise(nan()),
        when(ok).then(f(hi.clone())).otherwise(nan()),
    )
}

fn mul(a: (Expr, Expr), b: (Expr, Expr)) -> (Expr, Expr) {
    let (alo, ahi) = a;
    let (blo, bhi) = b;
    hull(vec![
        alo.clone() * blo.clone(),
        alo * bhi.clone(),
        ahi.clone() * blo,
        ahi * bhi,
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use polars::prelude::*;

    /// Evaluate `text` over one row of role intervals with Polars.
    fn eval(text: &str, roles: &[(&str, f64, f64)]) -> (f64, f64) {
        let ast = parse(text, &|r| r == "parts").unwrap();
        let mut cols = Vec::new();
        for (r, lo, hi) in roles {
            cols.push(Column::new(role_col(r, None, "lo").into(), [*lo]));
            cols.push(Column::new(role_col(r, None, "hi").into(), [*hi]));
            cols.push(Column::new(role_col(r, Some("sum"), "lo").into(), [*lo]));
            cols.push(Column::new(role_col(r, Some("sum"), "hi").into(), [*hi]));
        }
        let (lo, hi) = compile(&ast);
        let df = DataFrame::new(1, cols).unwrap().lazy().select([lo.alias("lo"), hi.alias("hi")]).collect().unwrap();
        let get = |c: &str| df.column(c).unwrap().as_materialized_series().f64().unwrap().get(0).unwrap();
        (get("lo"), get("hi"))
    }

    #[test]
    fn interval_arithmetic() {
        // 12.80万 → 10.88万 at their precision: the fall is 15.0% ± a little.
        let (lo, hi) = eval("(from - to) / from", &[("from", 127950.0, 128050.0), ("to", 108750.0, 108850.0)]);
        assert!(lo < 0.15 && hi > 0.15 && hi - lo < 0.002, "{lo} {hi}");
        let (lo, hi) = eval("a - b", &[("a", 10.0, 11.0), ("b", 1.0, 2.0)]);
        assert_eq!((lo, hi), (8.0, 10.0));
        let (lo, hi) = eval("a * b", &[("a", -1.0, 2.0), ("b", 3.0, 4.0)]);
        assert_eq!((lo, hi), (-4.0, 8.0));
        let (lo, hi) = eval("2 ^ 3 + abs(-1) + max(a, 1)", &[("a", 0.0, 3.0)]);
        assert_eq!((lo, hi), (10.0, 12.0));
        let (lo, hi) = eval("pow(to / from, 1 / (y2 - y1)) - 1", &[("to", 161.0, 161.0), ("from", 100.0, 100.0), ("y1", 2018.0, 2018.0), ("y2", 2023.0, 2023.0)]);
        assert!((lo - 0.1).abs() < 0.001 && (hi - 0.1).abs() < 0.001, "{lo} {hi}");
        let (lo, hi) = eval("sum(parts) / 2", &[("parts", 4.0, 6.0)]);
        assert_eq!((lo, hi), (2.0, 3.0));
        let (lo, _) = eval("ln(a) + exp(0)", &[("a", 1.0, 1.0)]);
        assert_eq!(lo, 1.0);
    }

    #[test]
    fn undefined_results_are_nan() {
        // Division by an interval holding 0 is unverifiable, not infinite.
        let (lo, hi) = eval("a / b", &[("a", 1.0, 2.0), ("b", -1.0, 1.0)]);
        assert!(lo.is_nan() && hi.is_nan());
        let (lo, _) = eval("ln(a)", &[("a", -1.0, 1.0)]);
        assert!(lo.is_nan());
        // 0 × ∞ has no value.
        let (lo, _) = eval("a * b", &[("a", 0.0, 1.0), ("b", 1.0, f64::INFINITY)]);
        assert!(lo.is_nan());
    }

    #[test]
    fn parse_errors_have_offsets() {
        let multi = |r: &str| r == "parts";
        assert_eq!(parse("a + * b", &multi).unwrap_err().offset, 4);
        assert_eq!(parse("(a + b", &multi).unwrap_err().offset, 6);
        assert!(parse("foo(a)", &multi).unwrap_err().message.contains("unknown function"));
        assert!(parse("parts + 1", &multi).unwrap_err().message.contains("several claims"));
        assert_eq!(parse("max(parts)", &multi).unwrap(), Ast::Agg("max".into(), "parts".into()));
        assert!(matches!(parse("max(a, b)", &multi).unwrap(), Ast::Call(..)));
        assert_eq!(parse("2^3^2", &multi).unwrap(), Ast::Call("pow".into(), vec![Ast::Num(2.0), Ast::Call("pow".into(), vec![Ast::Num(3.0), Ast::Num(2.0)])]));
    }
}
