//! Civil calendar arithmetic: day numbers of ISO dates, month lengths.

/// Days since 1970-01-01 of a civil date (proleptic Gregorian).
pub fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

pub fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719468;
    let era = if z >= 0 { z } else { z - 146096 } / 146097;
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

pub fn days_in_month(y: Option<i64>, m: i64) -> i64 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 => match y {
            Some(y) if !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0) => 28,
            _ => 29,
        },
        _ => 0,
    }
}

/// Day interval of an ISO date (`2024-06-14`, `2024-06`, `2024`); yearless dates have none.
pub fn date_days(iso: &str) -> Option<(f64, f64)> {
    let parts: Vec<&str> = iso.split('-').collect();
    let num = |s: &str| s.parse::<i64>().ok();
    match parts.as_slice() {
        [y, m, d] if !y.is_empty() => {
            let (y, m, d) = (num(y)?, num(m)?, num(d)?);
            if !(1..=12).contains(&m) || d < 1 || d > days_in_month(Some(y), m) {
                return None;
            }
            let x = days_from_civil(y, m, d) as f64;
            Some((x, x))
        }
        [y, m] => {
            let (y, m) = (num(y)?, num(m)?);
            if !(1..=12).contains(&m) {
                return None;
            }
            Some((days_from_civil(y, m, 1) as f64, days_from_civil(y, m, days_in_month(Some(y), m)) as f64))
        }
        [y] => {
            let y = num(y)?;
            Some((days_from_civil(y, 1, 1) as f64, days_from_civil(y, 12, 31) as f64))
        }
        // A date without its year (--07-17): a day of a leap year, comparable only with other
        // dates without a year (their unit says so, see `claim_role`).
        ["", "", m, d] => {
            let (m, d) = (num(m)?, num(d)?);
            if !(1..=12).contains(&m) || d < 1 || d > days_in_month(Some(2000), m) {
                return None;
            }
            let x = days_from_civil(2000, m, d) as f64;
            Some((x, x))
        }
        _ => None,
    }
}
