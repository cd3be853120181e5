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

impl Numeral {
    /// Multiply by a magnitude (万, million): value, range end and precision alike.
    pub fn scale(&mut self, f: f64) {
        self.value *= f;
        self.high *= f;
        self.step *= f;
    }
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
        // After a written digit or unit, 几 counts up from zero: 二十几万 is above 200000
        // (RT and common usage), 十几 above 10; a leading 几 is 2..9 (几十 → 20..90).
        let lo_s: String = chars
            .iter()
            .enumerate()
            .map(|(k, &c)| if matches!(c, '几' | '幾' | '数' | '數') { if k > 0 { '零' } else { '二' } } else { c })
            .collect();
        let hi_s: String = chars.iter().map(|&c| if matches!(c, '几' | '幾' | '数' | '數') { '九' } else { c }).collect();
        let lo = parse_chinese(&lo_s)?;
        let hi = parse_chinese(&hi_s)?;
        return Some(Numeral { value: lo.value, high: hi.value, step: lo.step, sig: 1, vague: true });
    }
    // Two adjacent digits before a unit: 二三十 → 20..30, 三四 → 3..4, 七八百 → 700..800.
    if chars.len() >= 2 {
        if let (Some(a), Some(b)) = (chinese_digit(chars[0]), chinese_digit(chars[1])) {
            // 三两个 is "two or three" like 两三个 (两 is 2, written after 三 by idiom).
            let (a, b) = if a == 3 && matches!(chars[1], '两' | '兩') { (2, 3) } else { (a, b) };
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
    // 两 and 俩 are never read digit by digit (years are 二〇二二, never 两〇两两).
    if chars.len() >= 2 && chars.iter().all(|&c| chinese_digit(c).is_some() && !matches!(c, '两' | '兩' | '俩' | '倆')) {
        let digits: String = chars.iter().map(|&c| char::from_digit(chinese_digit(c).unwrap(), 10).unwrap()).collect();
        return parse_arabic(&digits);
    }
    // Positional reading. `total` holds completed sections (亿, 万, 兆); `top_big` is the
    // largest magnitude closed so far, so 三十万亿 (万 then 亿) multiplies the whole total while
    // 四亿五千万 (亿 then 万) adds a lower section.
    let mut total = 0.0;
    let mut top_big = 0.0;
    let mut section = 0.0; // current section below 万
    let mut digit: Option<f64> = None;
    let mut last_place = 1.0;
    let mut last_was_zero = false;
    // A 零 since the last unit: the digit after it is in the ones place (五亿零六 = 500000006).
    let mut zero_gap = false;
    let mut sig_positions = 0u32;
    for (k, &c) in chars.iter().enumerate() {
        if let Some(d) = chinese_digit(c) {
            if digit.is_some() && !last_was_zero {
                return None; // two digits in a row (handled above only for ranges)
            }
            digit = Some(d as f64);
            last_was_zero = d == 0;
            if d == 0 {
                zero_gap = true;
            } else {
                sig_positions += 1;
            }
        } else if let Some(u) = chinese_small_unit(c) {
            let d = match digit {
                // 零十 / 一万零十二: a 十 right after 零 is 一十.
                Some(d) if d == 0.0 && last_was_zero => {
                    sig_positions += 1;
                    1.0
                }
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
            zero_gap = false;
        } else if let Some(big) = chinese_big_unit(c) {
            let mut part = section + digit.take().unwrap_or(0.0);
            if part == 0.0 && total == 0.0 {
                // 万 alone means one 万
                part = 1.0;
                sig_positions = sig_positions.max(1);
            }
            last_place = if part > 0.0 { last_place_of(part) } else { last_place } * big;
            if top_big > 0.0 && top_big <= big {
                // 四万万, 三十万亿, 一万五千亿: the magnitude applies to all that came before.
                total = (total + part) * big;
                top_big *= big;
            } else {
                total += part * big;
                top_big = f64::max(top_big, big);
            }
            section = 0.0;
            last_was_zero = false;
            zero_gap = false;
        } else {
            return None;
        }
    }
    let mut value = total + section;
    if let Some(d) = digit {
        // Trailing digit after a unit: 两万三 → 23000 (one place below the last unit), unless
        // a 零 came between (一百零四 → 104).
        let place = if last_place >= 10.0 && !last_was_zero && !zero_gap { last_place / 10.0 } else { 1.0 };
        value += d * place;
        last_place = place;
    }
    Some(Numeral { value, high: value, step: last_place, sig: sig_positions.max(1), vague: false })
}

/// Place value of the last nonzero digit of a whole number below 10^4 (4200 → 100).
fn last_place_of(v: f64) -> f64 {
    let mut p = 1.0;
    let mut x = v.round();
    while x >= 10.0 && x % 10.0 == 0.0 {
        x /= 10.0;
        p *= 10.0;
    }
    p
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
        assert_eq!(v("五亿零六"), 500_000_006.0);
        assert_eq!(v("七十八万五佰零六"), 780_506.0);
        assert_eq!(v("一百万零四"), 1_000_004.0);
        assert_eq!(v("四亿五千六百四十二万零一十五"), 456_420_015.0);
        assert_eq!(v("五兆六十二亿四万五千二"), 5_006_200_045_200.0);
        assert_eq!(v("四十五亿四千零四万"), 4_540_040_000.0);
        assert_eq!(v("一万零十二"), 10_012.0);
        assert_eq!(v("一百零十万"), 1_100_000.0);
        assert_eq!(v("四万万"), 400_000_000.0);
        assert_eq!(v("一万五千亿"), 1_500_000_000_000.0);
        assert_eq!(v("三十万亿"), 30_000_000_000_000.0);
        assert_eq!(v("十二万亿三千亿"), 12_300_000_000_000.0);
        assert_eq!(v("零十"), 10.0);
        assert_eq!(v("百三"), 130.0);
    }

    #[test]
    fn vague_and_ranges() {
        let n = parse_chinese("二三十").unwrap();
        assert_eq!((n.value, n.high), (20.0, 30.0));
        let n = parse_chinese("数万").unwrap();
        assert_eq!((n.value, n.high), (20_000.0, 90_000.0));
        let n = parse_chinese("三两").unwrap();
        assert_eq!((n.value, n.high), (2.0, 3.0));
        assert!(parse_chinese("二两").is_none(), "两 is no digit-by-digit reading");
        let n = parse_chinese("几").unwrap();
        assert_eq!((n.value, n.high), (2.0, 9.0));
    }

    #[test]
    fn precision() {
        assert_eq!(parse_arabic("1.91").unwrap().step, 0.01);
        assert_eq!(parse_chinese("一万五千").unwrap().step, 1000.0);
        assert_eq!(parse_chinese("七千八百万").unwrap().step, 1e6);
        assert_eq!(parse_chinese("一万五千亿").unwrap().step, 1e11);
        assert_eq!(parse_chinese("三十万亿").unwrap().step, 1e13);
        assert_eq!(parse_arabic("0.87").unwrap().sig, 2);
    }
}
