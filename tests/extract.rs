//! Extractor behaviour on general constructions (no seed sentences): what becomes a claim,
//! with which value, unit and hedge, and what is left out.
use claimcheck::extract::extract_text;
use claimcheck::model::{Approx, ClaimKind};

/// (quote, kind, value text, unit) of every claim of `text`.
fn claims(text: &str) -> Vec<(String, ClaimKind, String, String)> {
    extract_text(text)
        .into_iter()
        .map(|c| (c.quote.clone(), c.kind, c.value_text(), c.unit.clone()))
        .collect()
}

fn one(text: &str) -> (String, ClaimKind, String, String) {
    let all = claims(text);
    assert_eq!(all.len(), 1, "{text}: {all:?}");
    all.into_iter().next().unwrap()
}

#[test]
fn money_with_magnitudes_and_currencies() {
    assert_eq!(one("营收达到45.3亿元。").2, "4530000000");
    assert_eq!(one("投资一千三百万美元").2, "13000000");
    assert_eq!(one("Revenue was RMB 4.53 billion.").2, "4530000000");
    assert_eq!(one("a budget of $12 million").3, "USD");
    assert_eq!(one("售价两万三千元").2, "23000");
}

#[test]
fn percents_points_fractions_multiples_discounts() {
    assert_eq!(one("同比增长百分之二十五").2, "25");
    assert_eq!(one("提高了1.7个百分点").1, ClaimKind::PercentPoint);
    assert_eq!(one("约占四分之一").2, "0.25");
    assert_eq!(one("产量翻了一番").2, "2");
    assert_eq!(one("是去年的2.5倍").2, "2.5");
    assert_eq!(one("全场八五折").2, "0.85");
    assert_eq!(one("three times the figure").2, "3");
    assert_eq!(one("有九成用户").2, "90");
}

#[test]
fn ranges_rates_and_units() {
    assert_eq!(one("价格在100万到150万元之间").2, "1000000..1500000");
    assert_eq!(one("工期8-10年").2, "8..10");
    assert_eq!(one("占5%~10%").2, "5..10");
    let rate = one("电价0.87元/度");
    assert_eq!((rate.1, rate.3.as_str()), (ClaimKind::PricePerUnit, "CNY/kWh"));
    assert_eq!(one("功率为4.5千瓦").3, "kW");
    assert_eq!(one("发电1287兆瓦时").3, "MWh");
    assert_eq!(one("€2.40 per litre").3, "EUR/litre");
}

#[test]
fn dates_and_years() {
    assert_eq!(one("2024年6月14日发布").2, "2024-06-14");
    assert_eq!(one("会议于4月10日召开").2, "--04-10");
    let all = claims("2024年1月上线，7月14日关闭");
    assert_eq!(all[1].2, "2024-07-14");
    assert_eq!(one("截至2024Q3末").2, "2024-09-30");
    assert_eq!(one("The deal closed on March 31, 2025.").2, "2025-03-31");
    assert_eq!(one("on 24 July 2025 the board met").2, "2025-07-24");
    assert_eq!(one("Sales in June 2024 were flat").2, "2024-06");
    assert!(claims("He may be right, she said").is_empty());
    assert_eq!(one("1至6月，销量增长").2, "--06");
}

#[test]
fn hedges_shape_the_interval() {
    let c = &extract_text("超过300万个用户")[0];
    assert_eq!(c.approx, Approx::Over);
    assert!(c.hi.is_infinite());
    let c = &extract_text("约40万元")[0];
    assert_eq!(c.approx, Approx::About);
    assert!(c.lo < 400_000.0 && c.hi > 400_000.0);
    let c = &extract_text("占比48.6%")[0];
    assert!(c.lo <= 48.55 + 1e-9 && c.hi >= 48.65 - 1e-9 && c.hi < 48.7);
}

#[test]
fn numerals_that_are_not_claims() {
    for text in [
        "GPT-4 和 H100 都很强",
        "搭载 RTX 4090 显卡",
        "客服电话400-820-8820",
        "拨打 010-12345678 咨询",
        "股票代码(600519)",
        "第二届大会",
        "千行百业都在用",
        "这是唯一的办法",
        "零一万物发布新模型",
        "方案 3 更好",
        "Call 1-800-555-0199 now",
        "数字经济3.0时代",
        "see page 12 of the report",
        "咨询热线：12320",
        "call 0161 555 0123",
        "详见图 2",
        "for the 3rd straight year",
        "小米14 Ultra搭载骁龙8 Gen 3处理器",
        "第一，要坚持；第二，要创新。",
        "京A·12345号牌，地址是中关村大街27号",
        "Flight CA1234 departs at 14:30 from Terminal 3",
        "call +1 (415) 555-2671 or visit Room 204",
        "The Boeing 737 MAX and Windows 11; see ISO 9001",
        "the office at 4065 County Circle Drive",
        "比亚迪海豹06上市",
        "记者今（15）日获悉",
        "开跑时间为7时30分",
    ] {
        assert!(claims(text).is_empty(), "{text}: {:?}", claims(text));
    }
}

#[test]
fn traditional_chinese_is_read_like_simplified() {
    assert_eq!(one("預算為5000萬美金").2, "50000000");
    assert_eq!(one("共有兩億人").2, "200000000");
    assert_eq!(one("常住人口1387萬人").2, "13870000");
}

#[test]
fn formula_is_one_claim_beside_its_parts() {
    let all = claims("成本为 12×3.5万=42万元");
    assert!(all.iter().any(|c| c.1 == ClaimKind::Formula), "{all:?}");
    assert!(all.iter().any(|c| c.0 == "42万元"), "{all:?}");
}

#[test]
fn signs_leading_dots_and_powers() {
    // A dash glued to the figure is a minus sign, also at the start of a line; a list dash
    // has a space after it, and a dash between figures is a range.
    assert_eq!(one("-22.2%").2, "-22.2");
    assert_eq!(one("增速\n-3.5%，").2, "-3.5");
    assert_eq!(one("增速 -2.1%").2, "-2.1");
    assert_eq!(one("- 5个部门").2, "5");
    assert_eq!(one("工期8-10年").2, "8..10");
    // A decimal without its leading zero.
    assert_eq!(one("概率为 .5").2, "0.5");
    assert_eq!(one("-.25").2, "-0.25");
    assert!(claims("见 file.5 节").iter().all(|c| c.2 != "0.5"));
    // Caret powers and scientific notation.
    assert_eq!(one("2^10").2, "1024");
    assert_eq!(one("2.5^-1").2, "0.4");
    assert_eq!(one("-12e-1").2, "-1.2");
}

#[test]
fn magnitudes_after_lower_places_and_prefix_units() {
    // A larger magnitude after an Arabic figure with lower places scales the whole.
    assert_eq!(one("预算3千5百万元").2, "35000000");
    assert_eq!(one("10万万").2, "1000000000");
    assert_eq!(one("7 万5 千4 百").2, "75400");
    // 兆 before a unit is the prefix mega.
    let c = one("装机五十兆瓦");
    assert_eq!((c.2.as_str(), c.3.as_str()), ("50", "MW"));
    assert_eq!(one("五十兆字节").3, "MB");
    // Lowercase m: metres, but million after a currency sign.
    assert_eq!(one("水深超过250m").3, "m");
    assert_eq!(one("a £5m deal").2, "5000000");
}

#[test]
fn liang_and_dozen_after_numerals() {
    // A final 两 after a unit or digit is the weight unit (32 is 三十二, never 三十两).
    for (text, v) in [("三十两银子", "30"), ("二两", "2"), ("两万两", "20000"), ("三千两百两", "3200")] {
        let c = one(text);
        assert_eq!((c.2.as_str(), c.3.as_str()), (v, "liang"), "{text}");
    }
    // 一两 / 三两 are "one or two", "two or three": no liang.
    assert!(claims("说了一两句话").iter().all(|c| c.3 != "liang"));
    assert!(claims("三两下就搞定").is_empty());
    assert_eq!(one("一两天").2, "1..2");
    // 打 is a dozen when it stands alone after the figure.
    assert_eq!(one("十打苹果").2, "120");
    assert_eq!(one("买了一打。").2, "12");
    for text in ["一打电话就来", "五打一", "三打白骨精", "他一打开门"] {
        assert!(claims(text).is_empty(), "{text}: {:?}", claims(text));
    }
}

#[test]
fn comparisons_bounds_and_tenths() {
    let bound = |text: &str| {
        let all = extract_text(text);
        assert_eq!(all.len(), 1, "{text}: {all:?}");
        (all[0].value, all[0].approx)
    };
    // 比 X 高/低, a bound after a spaced figure, ASCII comparison operators.
    assert_eq!(bound("身高比 170 低"), (170.0, Approx::Under));
    assert_eq!(bound("他的年龄比三十大一些"), (30.0, Approx::Over));
    assert_eq!(bound("身高比170厘米高"), (170.0, Approx::Over));
    assert_eq!(bound("身高在 170 之下"), (170.0, Approx::Under));
    assert_eq!(bound("找出 <= 100 的质数"), (100.0, Approx::AtMost));
    assert_eq!(bound("x > 5"), (5.0, Approx::Over));
    // 比 before a non-figure word is no bound; 三大 + noun is no comparison.
    assert!(claims("比三大运营商多").iter().all(|c| c.2 != "30"));
    // 七成六 is 76%; a digit that starts the next figure stays out.
    assert_eq!(one("七成六的用户").2, "76");
    assert_eq!(claims("七成六个人")[0].2, "70");
    // Signed numerators and a spaced 又.
    assert_eq!(one("负3分之负157").2, "52.3333333333");
    assert_eq!(one("三百五十 又 3分之1").2, "350.333333333");
}

#[test]
fn spaced_figures_chapters_and_colloquial_yuan() {
    // Spaces between a figure and its unit or magnitude, and between magnitude groups.
    assert_eq!(one("1000  万").2, "10000000");
    assert_eq!(one("增长 2.4   个百分点").1, ClaimKind::PercentPoint);
    assert_eq!(one("7万 5千 4百").2, "75400");
    // 章/节 count chapters and sections; 节能, 章程 are words.
    assert_eq!(one("全书共十二章").2, "12");
    assert!(claims("5节能灯").is_empty());
    // 块 ending a clause about paying is the colloquial yuan, otherwise it counts pieces.
    let c = one("花费我三块");
    assert_eq!((c.1, c.3.as_str()), (ClaimKind::Money, "CNY"));
    let c = one("切成三块");
    assert_eq!((c.1, c.3.as_str()), (ClaimKind::Count, "块"));
    assert_eq!(one("三块蛋糕").3, "块");
}

#[test]
fn comparison_frames_that_are_no_bounds() {
    // An attributive comparison (25倍大的模型) or a multiple states the figure exactly.
    let c = &extract_text("它比 25 倍大的模型更强")[0];
    assert_eq!((c.value, c.approx), (25.0, Approx::Exact));
    assert!(extract_text("比170高的人").iter().all(|c| c.approx == Approx::Exact));
    // Mixed numbers before 的.
    assert_eq!(one("约 1 1/2的用户").2, "1.5");
}

#[test]
fn distractors_near_the_new_forms() {
    // 三两个 is "two or three", never 32; an HTML tag is no comparison; exponents and
    // arithmetic are no figures of their own; 一节 is an article like 一个.
    assert_eq!(one("三两个人").2, "2..3");
    assert_eq!(extract_text("<div>5</div>")[0].approx, Approx::Exact);
    assert!(claims("x^2").is_empty());
    assert!(claims("2^31-1").iter().all(|c| c.2 != "2147483648"));
    assert!(claims("一节课").is_empty());
    assert!(claims("RTX 4090 比 3090 快").is_empty());
}

#[test]
fn abbreviations_do_not_end_sentences() {
    // A full stop after initials or a title is no sentence end: both figures share a sentence.
    let cs = extract_text("The state paid $780,000 and the U.S. Fish and Wildlife Service paid $470,000. Mr. Lee paid $5.");
    let sentence_of = |q: &str| cs.iter().find(|c| c.quote == q).map(|c| c.sentence).unwrap();
    assert_eq!(sentence_of("$780,000"), sentence_of("$470,000"));
    assert_ne!(sentence_of("$470,000"), sentence_of("$5"));
}

#[test]
fn imperial_units_and_threshold_offers() {
    assert_eq!(one("全长5英里").3, "mile");
    assert_eq!(one("重120 pounds").3, "lb");
    assert_eq!(one("covers 5,570 sq km").3, "km2");
    let cs = claims("每满300减50");
    assert_eq!(cs.len(), 2, "{cs:?}");
}
