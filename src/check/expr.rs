//! Rule arithmetic: `(to - from) / from`, `pow(to / from, 1 / (y2 - y1)) - 1`, `sum(parts)`.
//!
//! An expression parses once into an [`Ast`] and is evaluated by interval arithmetic over the
//! roles' intervals ([`interval`]), each node once, so the cost is linear in the expression.
//! Anything undefined (division by an interval holding 0, log of a non-positive number, 0 × ∞)
//! yields NaN, which the comparison reads as "unverifiable".

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

/// The interval of `ast`, computed once over the roles' intervals (`role(name, agg)` gives a
/// role's interval, `None` when the relation does not bind it). Linear in the size of the
/// expression: each node is evaluated once, whatever the number of factors.
///
/// `None` is a role the relation lacks; NaN is an undefined result (division by an interval
/// holding 0, log of a non-positive number, 0 × ∞).
pub fn interval(ast: &Ast, role: &dyn Fn(&str, Option<&str>) -> Option<(f64, f64)>) -> Option<(f64, f64)> {
    const NAN: (f64, f64) = (f64::NAN, f64::NAN);
    Some(match ast {
        Ast::Num(x) => (*x, *x),
        Ast::Role(r) => role(r, None)?,
        Ast::Agg(a, r) => role(r, Some(a))?,
        Ast::Neg(a) => {
            let (lo, hi) = interval(a, role)?;
            (-hi, -lo)
        }
        Ast::Bin(op, a, b) => {
            let x = interval(a, role)?;
            let y = interval(b, role)?;
            match op {
                '+' => (x.0 + y.0, x.1 + y.1),
                '-' => (x.0 - y.1, x.1 - y.0),
                '*' => mul(x, y),
                '/' if y.0 > 0.0 || y.1 < 0.0 => mul(x, (1.0 / y.1, 1.0 / y.0)),
                _ => NAN,
            }
        }
        Ast::Call(f, args) => {
            let ends = args.iter().map(|a| interval(a, role)).collect::<Option<Vec<_>>>()?;
            match (f.as_str(), ends.as_slice()) {
                ("abs", [(lo, hi)]) => {
                    let low = if *lo >= 0.0 { *lo } else if *hi <= 0.0 { -hi } else { 0.0 };
                    (low, nan_max(lo.abs(), hi.abs()))
                }
                ("ln", [(lo, hi)]) if *lo > 0.0 => (lo.ln(), hi.ln()),
                ("log10", [(lo, hi)]) if *lo > 0.0 => (lo.log10(), hi.log10()),
                ("ln" | "log10", [_]) => NAN,
                ("exp", [(lo, hi)]) => (lo.exp(), hi.exp()),
                // Whole multiples of a threshold (每满300减50): monotone, so the ends map to ends.
                ("floor", [(lo, hi)]) => (lo.floor(), hi.floor()),
                ("min", [a, b]) => (nan_min(a.0, b.0), nan_min(a.1, b.1)),
                ("max", [a, b]) => (nan_max(a.0, b.0), nan_max(a.1, b.1)),
                // Defined for a non-negative base; corners bound the result because x^y is
                // monotone in each argument there.
                ("pow", [b, e]) if b.0 >= 0.0 => hull([b.0.powf(e.0), b.0.powf(e.1), b.1.powf(e.0), b.1.powf(e.1)]),
                _ => NAN,
            }
        }
    })
}

/// min/max that keep NaN (an undefined operand leaves the result undefined).
fn nan_min(a: f64, b: f64) -> f64 {
    if a.is_nan() || b.is_nan() { f64::NAN } else { a.min(b) }
}
fn nan_max(a: f64, b: f64) -> f64 {
    if a.is_nan() || b.is_nan() { f64::NAN } else { a.max(b) }
}

/// The smallest interval holding every candidate; NaN when any candidate is NaN (0 × ∞).
fn hull(cands: [f64; 4]) -> (f64, f64) {
    if cands.iter().any(|c| c.is_nan()) {
        return (f64::NAN, f64::NAN);
    }
    cands.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &c| (lo.min(c), hi.max(c)))
}

fn mul(a: (f64, f64), b: (f64, f64)) -> (f64, f64) {
    hull([a.0 * b.0, a.0 * b.1, a.1 * b.0, a.1 * b.1])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Evaluate `text` over role intervals (an aggregate reads the role's own interval).
    fn eval(text: &str, roles: &[(&str, f64, f64)]) -> (f64, f64) {
        let ast = parse(text, &|r| r == "parts").unwrap();
        let lookup = |name: &str, _agg: Option<&str>| roles.iter().find(|r| r.0 == name).map(|r| (r.1, r.2));
        interval(&ast, &lookup).unwrap()
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
    fn cost_is_linear_in_the_factors() {
        // 40 factors: a corner-by-corner expansion would be 4^40 products.
        let text = (0..40).map(|i| format!("a{i}")).collect::<Vec<_>>().join(" * ");
        let ast = parse(&text, &|_| false).unwrap();
        let lookup = |_: &str, _: Option<&str>| Some((0.9, 1.1));
        let (lo, hi) = interval(&ast, &lookup).unwrap();
        assert!((lo - 0.9f64.powi(40)).abs() < 1e-9 && (hi - 1.1f64.powi(40)).abs() < 1e-6, "{lo} {hi}");
        assert_eq!(interval(&parse("a + b", &|_| false).unwrap(), &|r: &str, _: Option<&str>| (r == "a").then_some((1.0, 1.0))), None);
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
