//! Numeral parsing: Arabic and Chinese numeral strings → value and stated precision.
//!
//! The precision (`step`) is the place value of the last written digit, so `1.91亿` has step
//! 1e6 and `七千八百万` has step 1e6 too; `lo/hi` later use ±step/2 around the value.

/// A parsed numeral.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Numeral {
    pub value: f64,
    /// High end when the numeral is itself a vague range (二三十 → 20..30, 几十 → 20..90).
    pub high: f64,
    /// Place value of the last written digit (precision).
    pub step: f64,
    /// Significant digits as written.
    pub sig: u32,
    /// Written with 几/数/多 (a vague numeral).
    pub vague: bool,
}

pub fn chinese_digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' | '○' => 0,
        '一' | '壹' | '幺' => 1,
        '二' | '两' | '贰' | '貳' | '兩' | '俩' | '倆' => 2,
        '三' | '叁' | '參' | '仨' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' | '陸' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// Small units within a section (十, 百, 千).
pub fn chinese_small_unit(c: char) -> Option<f64> {
    Some(match c {
        '十' | '拾' => 10.0,
        '百' | '佰' => 100.0,
        '千' | '仟' => 1000.0,
        _ => return None,
    })
}

/// Section magnitudes (万, 亿, 兆).
pub fn chinese_big_unit(c: char) -> Option<f64> {
    Some(match c {
        '万' | '萬' => 1e4,
        '亿' | '億' => 1e8,
        '兆' => 1e12,
        _ => return None,
    })
}

pub fn is_chinese_numeral_char(c: char) -> bool {
    chinese_digit(c).is_some()
        || chinese_small_unit(c).is_some()
        || chinese_big_unit(c).is_some()
        || matches!(c, '点' | '點' | '几' | '幾' | '数' | '數')
}

/// Parse an Arabic decimal such as `1.91` or `3860` (no separators; ingest removed them).
pub fn parse_arabic(s: &str) -> Option<Numeral> {
    let value: f64 = s.parse().ok()?;
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, f),
        None => (s, ""),
    };
    let step = 10f64.powi(-(frac.len() as i32));
    let digits: String = format!("{int}{frac}");
    let sig = digits.trim_start_matches('0').len().max(1) as u32;
    Some(Numeral { value, high: value, step, sig, vague: false })
}

/// Parse a Chinese numeral string (一千三百万, 二百零五亿, 两万三千, 三点五, 二三十, 几十, 数万, 十几).
/// Returns None when the string is not a well-formed numeral.
pub fn parse_chinese(s: &str) -> Option<Numeral> {
    let chars: Vec<char> = s.chars().collect();
    if chars.is_empty() {
        return None;
    }
    // Decimal part: 三点五 → 3.5 (digits after 点 read one by one, then any magnitude).
    if let Some(p) = chars.iter().position(|&c| c == '点' || c == '點') {
        let int = parse_chinese(&chars[..p].iter().collect::<String>())?;
        let mut frac = String::new();
        let mut k = p + 1;
        while k < chars.len() {
            match chinese_digit(chars[k]) {
                Some(d) => frac.push(char::from_digit(d, 10)?),
                None => break,
            }
            k += 1;
        }
        if frac.is_empty() {
            return None;
        }
        let mut mag = 1.0;
        for &c in &chars[k..] {
            mag *= chinese_big_unit(c).or_else(|| chinese_small_unit(c))?;
        }
        let base: f64 = format!("{}.{}", int.value, frac).parse().ok()?;
        let step = 10f64.powi(-(frac.len() as i32)) * mag;
        return Some(Numeral {
            value: base * mag,
            high: base * mag,
            step,
            sig: (int.sig + frac.len() as u32),
            vague: false,
        });
    }
    // Vague numerals: 几/数 stand for 2..9 of their place.
    if chars.iter().any(|&c| matches!(c, '几' | '幾' | '数' | '數')) {
        let lo_s: String = chars.iter().map(|&c| if matches!(c, '几' | '幾' | '数' | '數') { '二' } else { c }).collect();
        let hi_s: String = chars.iter().map(|&c| if matches!(c, '几' | '幾' | '数' | '數') { '九' } else { c }).collect();
        let lo = parse_chinese(&lo_s)?;
        let hi = parse_chinese(&hi_s)?;
        // 十几 → 12..19 by the substitution; the convention is 11..19 but the gap is harmless.
        return Some(Numeral { value: lo.value, high: hi.value, step: lo.step, sig: 1, vague: true });
    }
    // Two adjacent digits before a unit: 二三十 → 20..30, 三四 → 3..4, 七八百 → 700..800.
    if chars.len() >= 2 {
        if let (Some(a), Some(b)) = (chinese_digit(chars[0]), chinese_digit(chars[1])) {
            if b == a + 1 && a > 0 {
                let rest: String = chars[2..].iter().collect();
                let mag = if rest.is_empty() { 1.0 } else { parse_chinese(&format!("一{rest}"))?.value };
                return Some(Numeral {
                    value: a as f64 * mag,
                    high: b as f64 * mag,
                    step: mag,
                    sig: 1,
                    vague: true,
                });
            }
        }
    }
    // Digit-by-digit reading (二〇二四, 一九九八): only digits, length ≥ 2, with a zero or 4 long.
    if chars.len() >= 2 && chars.iter().all(|&c| chinese_digit(c).is_some()) {
        let digits: String = chars.iter().map(|&c| char::from_digit(chinese_digit(c).unwrap(), 10).unwrap()).collect();
        return parse_arabic(&digits);
    }
    // Positional reading.
    let mut total = 0.0; // completed sections (亿, 万)
    let mut section = 0.0; // current section below 万
    let mut digit: Option<f64> = None;
    let mut last_place = 1.0;
    let mut last_was_zero = false;
    let mut zero_since_unit = false;
    let mut sig_positions = 0u32;
    for (k, &c) in chars.iter().enumerate() {
        if let Some(d) = chinese_digit(c) {
            if digit.is_some() && !last_was_zero {
                return None; // two digits in a row (handled above only for ranges)
            }
            digit = Some(d as f64);
            last_was_zero = d == 0;
            zero_since_unit |= d == 0;
            if d != 0 {
                sig_positions += 1;
            }
        } else if let Some(u) = chinese_small_unit(c) {
            let d = match digit {
                Some(d) => d,
                None if k == 0 || chinese_big_unit(chars[k - 1]).is_some() => {
                    sig_positions += 1;
                    1.0
                }
                None => return None,
            };
            section += d * u;
            last_place = u;
            digit = None;
            last_was_zero = false;
            zero_since_unit = false;
        } else if let Some(big) = chinese_big_unit(c) {
            if let Some(d) = digit.take() {
                section += d;
                last_place = 1.0;
            }
            if section == 0.0 && total == 0.0 {
                // 万 alone means one 万
                section = 1.0;
                sig_positions = sig_positions.max(1);
            }
            // 万亿: the section already holds 万s.
            if big > 1e4 && total > 0.0 && total < big && section == 0.0 {
                total *= big;
            } else {
                total = (total + section) * big;
                if big == 1e4 && total >= 1e8 {
                    // a 万 after 亿 section: only the section is multiplied
                }
            }
            last_place *= big;
            section = 0.0;
            last_was_zero = false;
        } else {
            return None;
        }
    }
    let mut value = total + section;
    if let Some(d) = digit {
        // Trailing digit after a unit: 两万三 → 23000 (one place below the last unit).
        let place = if last_place >= 10.0 && !zero_since_unit { last_place / 10.0 } else { 1.0 };
        value += d * place;
        last_place = place;
    }
    Some(Numeral { value, high: value, step: last_place, sig: sig_positions.max(1), vague: false })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> f64 {
        parse_chinese(s).unwrap_or_else(|| panic!("{s}")).value
    }

    #[test]
    fn positional() {
        assert_eq!(v("一千三百万"), 13_000_000.0);
        assert_eq!(v("二百零五亿"), 20_500_000_000.0);
        assert_eq!(v("两万三千"), 23_000.0);
        assert_eq!(v("两万三"), 23_000.0);
        assert_eq!(v("十"), 10.0);
        assert_eq!(v("十五"), 15.0);
        assert_eq!(v("一百二"), 120.0);
        assert_eq!(v("一百零二"), 102.0);
        assert_eq!(v("万亿"), 1e12);
        assert_eq!(v("三点五"), 3.5);
        assert_eq!(v("三点五万"), 35_000.0);
        assert_eq!(v("壹佰贰拾叁"), 123.0);
        assert_eq!(v("二〇二四"), 2024.0);
        assert_eq!(v("一万五千"), 15_000.0);
        assert_eq!(v("九"), 9.0);
    }

    #[test]
    fn vague_and_ranges() {
        let n = parse_chinese("二三十").unwrap();
        assert_eq!((n.value, n.high), (20.0, 30.0));
        let n = parse_chinese("数万").unwrap();
        assert_eq!((n.value, n.high), (20_000.0, 90_000.0));
        let n = parse_chinese("几").unwrap();
        assert_eq!((n.value, n.high), (2.0, 9.0));
    }

    #[test]
    fn precision() {
        assert_eq!(parse_arabic("1.91").unwrap().step, 0.01);
        assert_eq!(parse_chinese("一万五千").unwrap().step, 1000.0);
        assert_eq!(parse_arabic("0.87").unwrap().sig, 2);
    }
}
