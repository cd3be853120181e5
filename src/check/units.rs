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
}

impl Unit {
    pub fn dimensionless(scale: f64) -> Unit {
        Unit { scale, dims: BTreeMap::new() }
    }

    fn symbol(scale: f64, sym: &str) -> Unit {
        let mut dims = BTreeMap::new();
        dims.insert(sym.to_string(), 1);
        Unit { scale, dims }
    }

    pub fn mul(&self, other: &Unit) -> Unit {
        let mut dims = self.dims.clone();
        for (k, v) in &other.dims {
            *dims.entry(k.clone()).or_insert(0) += v;
        }
        dims.retain(|_, v| *v != 0);
        Unit { scale: self.scale * other.scale, dims }
    }

    pub fn inv(&self) -> Unit {
        Unit { scale: 1.0 / self.scale, dims: self.dims.iter().map(|(k, v)| (k.clone(), -v)).collect() }
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
        "斤" => Some(Unit::symbol(500.0, "g")),
        "公斤" => Some(Unit::symbol(1e3, "g")),
        "亩" => Some(Unit::symbol(666.6667, "m^2")),
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
        ("m", "m"),
        ("L", "L"),
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
                    other => Unit::symbol(scale, other),
                };
            }
        }
    }
    // Currency codes and counted nouns: a dimension of their own.
    Unit::symbol(1.0, f)
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
    let mut u = Unit::dimensionless(1.0);
    for f in text.split(['·', '*', ' ']).filter(|f| !f.is_empty()) {
        // A bare scale such as `1M` or `1000`.
        if let Some(scale) = parse_scale_word(f) {
            u = u.mul(&Unit::dimensionless(scale));
        } else {
            u = u.mul(&parse_factor(f));
        }
    }
    u
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
    fn powers_of_ten() {
        assert_eq!(power_of_ten(1000.0), Some(3));
        assert_eq!(power_of_ten(0.01), Some(-2));
        assert_eq!(power_of_ten(1.0), None);
        assert_eq!(power_of_ten(1e5), None);
    }
}
