//! Units as a scale over a small dimension vector, so rules compare quantities in base units.
//!
//! `kW` is 1000 × W, `kWh` (and `度`) is 1000 × W·h, `TFLOP/s` is 1e12 × FLOP·s⁻¹, `%` is
//! 0.01 of a dimensionless 1. Money keeps its currency as its own dimension, so CNY and USD
//! never combine. Unknown unit words (`GPUs`, `people`) become a dimension of their own.
use std::collections::BTreeMap;

use crate::model::ClaimKind;

#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    /// Multiply a stated number by this to get base units.
    pub scale: f64,
    /// Base symbol → exponent; empty for dimensionless.
    pub dims: BTreeMap<String, i32>,
    /// Relative uncertainty of a conventional (not exact) conversion: a word is about 4/3
    /// tokens, give or take 15 %. 0 for exact units.
    pub spread: f64,
}

impl Unit {
    pub fn dimensionless(scale: f64) -> Unit {
        Unit { scale, dims: BTreeMap::new(), spread: 0.0 }
    }

    /// One base symbol at a scale (a unit of its own kind).
    pub fn symbol(scale: f64, sym: &str) -> Unit {
        let mut dims = BTreeMap::new();
        dims.insert(sym.to_string(), 1);
        Unit { scale, dims, spread: 0.0 }
    }

    fn approximate(mut self, spread: f64) -> Unit {
        self.spread = spread;
        self
    }

    pub fn mul(&self, other: &Unit) -> Unit {
        let mut dims = self.dims.clone();
        for (k, v) in &other.dims {
            *dims.entry(k.clone()).or_insert(0) += v;
        }
        dims.retain(|_, v| *v != 0);
        let spread = (1.0 + self.spread) * (1.0 + other.spread) - 1.0;
        Unit { scale: self.scale * other.scale, dims, spread }
    }

    pub fn inv(&self) -> Unit {
        Unit {
            scale: 1.0 / self.scale,
            dims: self.dims.iter().map(|(k, v)| (k.clone(), -v)).collect(),
            spread: self.spread,
        }
    }

    /// Canonical text of the dimension (`W·s`, `CNY`, ``), for equality tests and keys.
    pub fn base(&self) -> String {
        self.dims
            .iter()
            .map(|(k, v)| if *v == 1 { k.clone() } else { format!("{k}^{v}") })
            .collect::<Vec<_>>()
            .join("·")
    }
}

/// SI prefixes accepted before physical symbols.
fn prefix_scale(p: &str) -> Option<f64> {
    Some(match p {
        "" => 1.0,
        "k" | "K" => 1e3,
        "M" => 1e6,
        "G" => 1e9,
        "T" => 1e12,
        "P" => 1e15,
        "E" => 1e18,
        "m" => 1e-3,
        "c" => 1e-2,
        "u" | "μ" | "µ" => 1e-6,
        "n" => 1e-9,
        _ => return None,
    })
}

/// One factor of a unit (no `/`).
fn parse_factor(f: &str) -> Unit {
    let f = f.trim();
    // Chinese and word units the extractor may leave as written.
    let fixed: Option<Unit> = match f {
        "" | "x" | "X" | "倍" | "share" | "ratio" => Some(Unit::dimensionless(1.0)),
        "%" | "pp" | "percent" => Some(Unit::dimensionless(0.01)),
        "‰" => Some(Unit::dimensionless(0.001)),
        "度" | "千瓦时" => Some(Unit::symbol(1e3, "W").mul(&Unit::symbol(3600.0, "s"))),
        "s" | "sec" | "seconds" | "秒" => Some(Unit::symbol(1.0, "s")),
        "min" | "minutes" | "分钟" => Some(Unit::symbol(60.0, "s")),
        "h" | "hours" | "hour" | "小时" => Some(Unit::symbol(3600.0, "s")),
        "days" | "day" | "d" | "天" | "日" => Some(Unit::symbol(86400.0, "s")),
        "weeks" | "week" | "周" => Some(Unit::symbol(7.0 * 86400.0, "s")),
        "months" | "month" | "个月" | "月" => Some(Unit::symbol(30.4375 * 86400.0, "s")),
        "years" | "year" | "年" => Some(Unit::symbol(365.25 * 86400.0, "s")),
        "t" | "吨" | "tonnes" => Some(Unit::symbol(1e6, "g")),
        "斤" | "jin" => Some(Unit::symbol(500.0, "g")),
        "公斤" => Some(Unit::symbol(1e3, "g")),
        "lb" => Some(Unit::symbol(453.59237, "g")),
        // An ounce is avoirdupois (28.35 g) for goods and troy (31.10 g) for precious metals;
        // the text rarely says which, so it spans both.
        "oz" => Some(Unit::symbol(29.7266, "g").approximate(0.0465)),
        // Lengths, areas and volumes in metres: imperial and Chinese units convert exactly.
        "mile" => Some(Unit::symbol(1609.344, "m")),
        "nmi" => Some(Unit::symbol(1852.0, "m")),
        "ft" => Some(Unit::symbol(0.3048, "m")),
        "in" => Some(Unit::symbol(0.0254, "m")),
        "yd" => Some(Unit::symbol(0.9144, "m")),
        "亩" | "mu" => Some(square(2000.0 / 3.0)),
        "ha" => Some(square(1e4)),
        "acre" => Some(square(4046.8564224)),
        "sqft" => Some(square(0.09290304)),
        "sqmi" => Some(square(2_589_988.110336)),
        "ping" => Some(square(400.0 / 121.0)),
        "L" => Some(cube(1e-3)),
        "mL" => Some(cube(1e-6)),
        "gal" => Some(cube(3.785411784e-3)),
        "bbl" => Some(cube(0.158987294928)),
        // Temperatures in Celsius; Fahrenheit is affine and converted on the value (claim_role).
        "C" | "F" => Some(Unit::symbol(1.0, "degC")),
        // A word is about 4/3 tokens in English text (OpenAI's rule of thumb, 1 token ≈ 0.75
        // words), a conventional factor, not an exact one.
        "words" => Some(Unit::symbol(4.0 / 3.0, "tokens").approximate(0.15)),
        "元" | "RMB" | "人民币" => Some(Unit::symbol(1.0, "CNY")),
        "美元" | "$" => Some(Unit::symbol(1.0, "USD")),
        "tokens" | "token" => Some(Unit::symbol(1.0, "tokens")),
        "params" => Some(Unit::symbol(1.0, "params")),
        _ => None,
    };
    if let Some(u) = fixed {
        return u;
    }
    // Prefixed physical symbols, longest symbol first (Wh before W, FLOP before F…).
    for (sym, base) in [
        ("FLOPS", "FLOP/s"),
        ("FLOP", "FLOP"),
        ("Wh", "Wh"),
        ("W", "W"),
        ("J", "J"),
        ("Hz", "Hz"),
        ("bps", "bps"),
        ("B", "B"),
        ("g", "g"),
        ("m²", "m^2"),
        ("m2", "m^2"),
        ("m3", "m^3"),
        ("m", "m"),
    ] {
        if let Some(p) = f.strip_suffix(sym) {
            if let Some(scale) = prefix_scale(p) {
                return match base {
                    "Wh" => Unit::symbol(scale, "W").mul(&Unit::symbol(3600.0, "s")),
                    "J" => Unit::symbol(scale, "W").mul(&Unit::symbol(1.0, "s")),
                    "FLOP/s" => Unit::symbol(scale, "FLOP").mul(&Unit::symbol(1.0, "s").inv()),
                    "m^2" => {
                        let m = Unit::symbol(scale, "m");
                        m.mul(&m)
                    }
                    "m^3" => {
                        let m = Unit::symbol(scale, "m");
                        m.mul(&m).mul(&m)
                    }
                    other => Unit::symbol(scale, other),
                };
            }
        }
    }
    // Currency codes and counted nouns: a dimension of their own.
    Unit::symbol(1.0, f)
}

/// An area of `m2` square metres as a unit.
fn square(m2: f64) -> Unit {
    Unit { scale: m2, ..Unit::symbol(1.0, "m").mul(&Unit::symbol(1.0, "m")) }
}

/// A volume of `m3` cubic metres as a unit.
fn cube(m3: f64) -> Unit {
    let m = Unit::symbol(1.0, "m");
    Unit { scale: m3, ..m.mul(&m).mul(&m) }
}

/// Parse a normalised unit string (`CNY/kWh`, `TFLOP/s`, `kW`, `%`, `GPUs`).
pub fn parse_unit(unit: &str) -> Unit {
    let unit = unit.trim();
    // `USD/1M tokens`: a numeric scale in the denominator.
    let mut parts = unit.split('/');
    let mut u = parse_product(parts.next().unwrap_or(""));
    for den in parts {
        u = u.mul(&parse_product(den).inv());
    }
    u
}

fn parse_product(text: &str) -> Unit {
    let (count, unit) = split_count(text);
    unit.mul(&Unit::dimensionless(count))
}

/// A unit product with its bare count split off: `1M tokens` → (1e6, tokens).
pub fn split_count(text: &str) -> (f64, Unit) {
    let (mut count, mut u) = (1.0, Unit::dimensionless(1.0));
    for f in text.split(['·', '*', ' ']).filter(|f| !f.is_empty()) {
        // A bare scale such as `1M` or `1000`.
        match parse_scale_word(f) {
            Some(scale) => count *= scale,
            None => u = u.mul(&parse_factor(f)),
        }
    }
    (count, u)
}

fn parse_scale_word(f: &str) -> Option<f64> {
    let (num, suffix) = match f.find(|c: char| !c.is_ascii_digit() && c != '.') {
        Some(i) => f.split_at(i),
        None => (f, ""),
    };
    let n: f64 = num.parse().ok()?;
    let s = match suffix {
        "" => 1.0,
        "K" | "k" => 1e3,
        "M" => 1e6,
        "B" => 1e9,
        _ => return None,
    };
    Some(n * s)
}

/// The unit a claim's numbers are in, taking its kind into account: percents, fractions,
/// discounts and multiples are all dimensionless (a percent is 0.01), counts keep their noun.
pub fn claim_unit(kind: ClaimKind, unit: &str) -> Unit {
    match kind {
        ClaimKind::Percent | ClaimKind::PercentPoint => Unit::dimensionless(0.01),
        ClaimKind::Fraction | ClaimKind::Discount | ClaimKind::Multiple => Unit::dimensionless(1.0),
        ClaimKind::Year | ClaimKind::Date => Unit::symbol(1.0, "calendar"),
        _ => parse_unit(unit),
    }
}

/// Whether `ratio` is a power of ten other than 1 that a unit slip explains
/// (10, 100, 1000, 1e4, 1e8 and their inverses). Returns the exponent.
pub fn power_of_ten(ratio: f64) -> Option<i32> {
    if !ratio.is_finite() || ratio <= 0.0 {
        return None;
    }
    let k = ratio.log10().round() as i32;
    if matches!(k.abs(), 1 | 2 | 3 | 4 | 8) {
        Some(k)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn energy_units_share_a_base() {
        let kwh = parse_unit("kWh");
        let wh = parse_unit("Wh");
        assert_eq!(kwh.base(), wh.base());
        assert_eq!(kwh.scale / wh.scale, 1000.0);
        assert_eq!(parse_unit("度"), kwh);
        let w_times_h = parse_unit("W").mul(&parse_unit("h"));
        assert_eq!(w_times_h, wh);
    }

    #[test]
    fn price_per_kwh_times_wh_is_money_over_1000() {
        let u = parse_unit("CNY/kWh").mul(&parse_unit("Wh"));
        assert_eq!(u.base(), "CNY");
        assert!((u.scale - 1e-3).abs() < 1e-12);
    }

    #[test]
    fn currencies_differ() {
        assert_ne!(parse_unit("CNY").base(), parse_unit("USD").base());
        assert_eq!(parse_unit("TFLOP/s").base(), parse_unit("PFLOP/s").base());
        assert_eq!(parse_unit("PFLOP/s").scale, 1e15);
    }

    #[test]
    fn imperial_and_chinese_units_convert_exactly() {
        let ratio = |a: &str, b: &str| {
            let (ua, ub) = (parse_unit(a), parse_unit(b));
            assert_eq!(ua.base(), ub.base(), "{a} vs {b}");
            ua.scale / ub.scale
        };
        assert!((ratio("mile", "km") - 1.609344).abs() < 1e-12);
        assert!((ratio("ft", "m") - 0.3048).abs() < 1e-12);
        assert!((ratio("lb", "kg") - 0.45359237).abs() < 1e-12);
        assert!((ratio("ha", "mu") - 15.0).abs() < 1e-9);
        assert!((ratio("gal", "L") - 3.785411784).abs() < 1e-9);
        assert!((ratio("km2", "m2") - 1e6).abs() < 1e-3);
        assert_eq!(parse_unit("mile").spread, 0.0);
    }

    #[test]
    fn words_are_tokens_by_a_conventional_factor() {
        let w = parse_unit("words");
        assert_eq!(w.base(), parse_unit("tokens").base());
        assert!(w.spread > 0.0);
        // A rate keeps the spread of its base.
        assert_eq!(parse_unit("USD/words").spread, w.spread);
        assert_eq!(split_count("1M tokens").0, 1e6);
    }

    #[test]
    fn powers_of_ten() {
        assert_eq!(power_of_ten(1000.0), Some(3));
        assert_eq!(power_of_ten(0.01), Some(-2));
        assert_eq!(power_of_ten(1.0), None);
        assert_eq!(power_of_ten(1e5), None);
    }
}
