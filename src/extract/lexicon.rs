//! Word lists of the extractor: units, classifiers, currencies, hedges, magnitudes.
//! General language data only — nothing here comes from a particular article.

use crate::model::{Approx, ClaimKind};

/// A unit written after a number: (surface, normalised unit, kind).
pub type UnitEntry = (&'static str, &'static str, ClaimKind);

use ClaimKind::*;

/// Units and classifiers after a number, Chinese and Latin. Matched longest first.
pub const UNITS: &[UnitEntry] = &[
    // money
    ("元人民币", "CNY", Money), ("人民币", "CNY", Money), ("块钱", "CNY", Money), ("元", "CNY", Money),
    ("美元", "USD", Money), ("美金", "USD", Money), ("港元", "HKD", Money), ("港币", "HKD", Money),
    ("新台币", "TWD", Money), ("台币", "TWD", Money), ("欧元", "EUR", Money), ("英镑", "GBP", Money),
    ("日元", "JPY", Money), ("日圆", "JPY", Money), ("韩元", "KRW", Money), ("卢布", "RUB", Money),
    ("卢比", "INR", Money), ("澳元", "AUD", Money), ("加元", "CAD", Money), ("新加坡元", "SGD", Money),
    ("泰铢", "THB", Money), ("瑞郎", "CHF", Money), ("瑞士法郎", "CHF", Money), ("美圆", "USD", Money),
    ("奈拉", "NGN", Money), ("比特币", "BTC", Money), ("个比特币", "BTC", Money),
    ("yuan", "CNY", Money), ("RMB", "CNY", Money), ("dollars", "USD", Money), ("dollar", "USD", Money),
    // Newswire abbreviations (Reuters style: 104 mln dlrs).
    ("dlrs", "USD", Money), ("dlr", "USD", Money),
    ("euros", "EUR", Money), ("euro", "EUR", Money), ("pounds sterling", "GBP", Money),
    ("yen", "JPY", Money), ("USD", "USD", Money), ("CNY", "CNY", Money), ("EUR", "EUR", Money),
    ("HKD", "HKD", Money),
    // percent and points
    ("个百分点", "pp", PercentPoint), ("百分点", "pp", PercentPoint),
    ("percentage points", "pp", PercentPoint), ("percentage point", "pp", PercentPoint),
    ("pp", "pp", PercentPoint), ("ppt", "pp", PercentPoint),
    ("basis points", "bp", PercentPoint), ("basis point", "bp", PercentPoint), ("bps", "bp", PercentPoint),
    ("bp", "bp", PercentPoint), ("个基点", "bp", PercentPoint), ("基点", "bp", PercentPoint), ("点子", "bp", PercentPoint),
    ("%", "%", Percent), ("per cent", "%", Percent), ("percent", "%", Percent), ("pct", "%", Percent),
    ("‰", "‰", Percent), ("厘", "%", Percent),
    // multiples
    ("倍", "x", Multiple), ("times", "x", Multiple), ("-fold", "x", Multiple), ("fold", "x", Multiple),
    ("个数量级", "x10^", Multiple), ("数量级", "x10^", Multiple),
    // time
    ("周年", "years", Duration), ("周岁", "years", Duration), ("岁", "years", Duration), ("个多月", "months", Duration), ("个月", "months", Duration),
    ("多个月", "months", Duration), ("个小时", "h", Duration), ("小时", "h", Duration),
    ("个星期", "weeks", Duration), ("星期", "weeks", Duration), ("个季度", "quarters", Duration),
    ("分钟", "min", Duration), ("秒钟", "s", Duration),
    ("秒", "s", Duration), ("天", "days", Duration), ("周", "weeks", Duration),
    ("years", "years", Duration), ("year", "years", Duration), ("months", "months", Duration),
    ("month", "months", Duration), ("weeks", "weeks", Duration), ("days", "days", Duration),
    ("day", "days", Duration), ("hours", "h", Duration), ("hour", "h", Duration),
    ("minutes", "min", Duration), ("seconds", "s", Duration), ("yrs", "years", Duration),
    // power and energy
    ("千瓦时", "kWh", Energy), ("兆瓦时", "MWh", Energy), ("吉瓦时", "GWh", Energy),
    ("太瓦时", "TWh", Energy), ("瓦时", "Wh", Energy), ("度电", "kWh", Energy),
    ("kWh", "kWh", Energy), ("MWh", "MWh", Energy), ("GWh", "GWh", Energy), ("TWh", "TWh", Energy),
    ("Wh", "Wh", Energy), ("KWh", "kWh", Energy),
    ("千瓦", "kW", Power), ("兆瓦", "MW", Power), ("吉瓦", "GW", Power), ("瓦特", "W", Power),
    ("瓦", "W", Power), ("kW", "kW", Power), ("KW", "kW", Power), ("MW", "MW", Power),
    ("GW", "GW", Power), ("TW", "TW", Power), ("W", "W", Power),
    // compute
    ("petaflops", "PFLOP/s", Compute), ("teraflops", "TFLOP/s", Compute),
    ("PFLOPS", "PFLOP/s", Compute), ("PFLOPs", "PFLOP/s", Compute), ("PFLOP", "PFLOP/s", Compute),
    ("TFLOPS", "TFLOP/s", Compute), ("TFLOPs", "TFLOP/s", Compute), ("TFLOP", "TFLOP/s", Compute),
    ("EFLOPS", "EFLOP/s", Compute), ("FLOPs", "FLOP", Compute), ("FLOPS", "FLOP", Compute),
    ("FLOP", "FLOP", Compute), ("TOPS", "TOPS", Compute),
    // data
    ("TB", "TB", Measure), ("GB", "GB", Measure), ("MB", "MB", Measure), ("PB", "PB", Measure),
    ("KB", "KB", Measure), ("千字节", "KB", Measure), ("兆字节", "MB", Measure), ("吉字节", "GB", Measure),
    ("太字节", "TB", Measure), ("字节", "B", Measure), ("比特", "bit", Measure), ("Gbps", "Gbps", Measure), ("Mbps", "Mbps", Measure),
    // mass
    ("公吨", "t", Measure), ("千克", "kg", Measure), ("公斤", "kg", Measure), ("毫克", "mg", Measure), ("吨", "t", Measure),
    ("克", "g", Measure), ("微克", "ug", Measure), ("μg/kg", "ug/kg", Measure), ("µg/kg", "ug/kg", Measure),
    ("mg/kg", "mg/kg", Measure), ("μg/m³", "ug/m3", Measure), ("µg/m³", "ug/m3", Measure), ("μg/m3", "ug/m3", Measure),
    ("mg/m³", "mg/m3", Measure), ("mg/m3", "mg/m3", Measure), ("微克/立方米", "ug/m3", Measure), ("毫克/立方米", "mg/m3", Measure),
    ("mg/L", "mg/L", Measure), ("μg", "ug", Measure), ("µg", "ug", Measure), ("mg", "mg", Measure), ("斤", "jin", Measure), ("kg", "kg", Measure), ("tonnes", "t", Measure),
    ("tons", "t", Measure), ("lbs", "lb", Measure), ("lb", "lb", Measure), ("pounds", "lb", Measure),
    ("磅", "lb", Measure), ("盎司", "oz", Measure), ("ounces", "oz", Measure), ("oz", "oz", Measure),
    ("kilograms", "kg", Measure), ("kilos", "kg", Measure), ("grams", "g", Measure),
    // length, area, volume
    ("平方公里", "km2", Measure), ("平方千米", "km2", Measure), ("平方米", "m2", Measure), ("平方公尺", "m2", Measure), ("公尺", "m", Measure), ("英哩", "mile", Measure),
    ("平米", "m2", Measure), ("㎡", "m2", Measure), ("m²", "m2", Measure), ("km²", "km2", Measure),
    ("平方英尺", "sqft", Measure), ("平方呎", "sqft", Measure), ("呎", "sqft", Measure), ("square feet", "sqft", Measure), ("公顷", "ha", Measure),
    ("hectares", "ha", Measure), ("亩", "mu", Measure), ("坪", "ping", Measure), ("acres", "acre", Measure),
    ("公里", "km", Measure), ("千米", "km", Measure), ("厘米", "cm", Measure), ("公分", "cm", Measure), ("毫米", "mm", Measure),
    ("纳米", "nm", Measure), ("微米", "um", Measure), ("英里", "mile", Measure), ("米", "m", Measure),
    ("km", "km", Measure), ("cm", "cm", Measure), ("CM", "cm", Measure), ("mm", "mm", Measure), ("nm", "nm", Measure),
    ("miles", "mile", Measure), ("mile", "mile", Measure), ("海里", "nmi", Measure), ("nautical miles", "nmi", Measure),
    ("英尺", "ft", Measure), ("feet", "ft", Measure), ("foot", "ft", Measure), ("ft", "ft", Measure),
    ("英寸", "in", Measure), ("inches", "in", Measure), ("inch", "in", Measure),
    ("yards", "yd", Measure), ("square miles", "sqmi", Measure), ("平方英里", "sqmi", Measure),
    ("英亩", "acre", Measure), ("acre", "acre", Measure),
    ("kilometres", "km", Measure), ("kilometers", "km", Measure), ("square kilometres", "km2", Measure),
    ("square kilometers", "km2", Measure), ("sq km", "km2", Measure), ("sq mi", "sqmi", Measure), ("sq miles", "sqmi", Measure), ("sq ft", "sqft", Measure),
    ("sq m", "m2", Measure), ("km2", "km2", Measure), ("square metres", "m2", Measure), ("square meters", "m2", Measure),
    ("metres", "m", Measure), ("meters", "m", Measure), ("metre", "m", Measure), ("meter", "m", Measure),
    ("centimetres", "cm", Measure), ("centimeters", "cm", Measure), ("m", "m", Measure), ("立方米", "m3", Measure), ("立方公尺", "m3", Measure), ("毫升", "mL", Measure), ("升", "L", Measure),
    ("litres", "L", Measure), ("liters", "L", Measure), ("加仑", "gal", Measure), ("gallons", "gal", Measure), ("桶", "bbl", Measure), ("barrels", "bbl", Measure),
    ("℃", "C", Measure), ("degrees", "deg", Measure), ("°C", "C", Measure), ("摄氏度", "C", Measure),
    ("华氏度", "F", Measure), ("°F", "F", Measure), ("℉", "F", Measure), ("degrees Fahrenheit", "F", Measure),
    ("degrees Celsius", "C", Measure),
    // model sizes
    ("个参数", "params", Params), ("参数量", "params", Params), ("参数", "params", Params),
    ("parameters", "params", Params), ("tokens", "tokens", Tokens), ("token", "tokens", Tokens),
    ("Token", "tokens", Tokens), ("个单词", "words", Count), ("单词", "words", Count), ("words", "words", Count),
    // counted people and things (classifiers)
    ("人次", "person-times", Count), ("个", "个", Count), ("家", "家", Count),
    ("台", "台", Count), ("辆", "辆", Count), ("人", "people", Count), ("名", "people", Count),
    ("位", "people", Count), ("户", "户", Count), ("件", "件", Count), ("只", "只", Count),
    ("头", "头", Count), ("张", "张", Count), ("本", "本", Count), ("部", "部", Count),
    ("架", "架", Count), ("艘", "艘", Count), ("片", "片", Count), ("块", "块", Count),
    ("颗", "颗", Count), ("条", "条", Count), ("项", "项", Count), ("座", "座", Count),
    ("所", "所", Count), ("间", "间", Count), ("套", "套", Count), ("款", "款", Count),
    ("种", "种", Count), ("类", "类", Count), ("层", "层", Count), ("批", "批", Count),
    ("例", "例", Count), ("场", "场", Count), ("轮", "轮", Count), ("篇", "篇", Count),
    ("份", "份", Count), ("处", "处", Count), ("栋", "栋", Count), ("枚", "枚", Count),
    ("支", "支", Count), ("棵", "棵", Count), ("株", "株", Count), ("箱", "箱", Count),
    ("瓶", "瓶", Count), ("袋", "袋", Count), ("杯", "杯", Count), ("盒", "盒", Count),
    ("组", "组", Count), ("首", "首", Count), ("集", "集", Count), ("页", "页", Count),
    ("笔", "笔", Count), ("单", "单", Count), ("起", "起", Count), ("卡", "卡", Count),
    ("票", "票", Count), ("宗", "宗", Count), ("代", "代", Count), ("波", "波", Count),
    ("大", "大", Count), ("重", "重", Count), ("字", "字", Count), ("道", "道", Count),
    ("期", "期", Count), ("届", "届", Count), ("次", "次", Count), ("回", "回", Count),
    ("趟", "趟", Count), ("所", "所", Count), ("床", "床", Count), ("口", "口", Count),
    ("粒", "粒", Count), ("根", "根", Count), ("匹", "匹", Count), ("对", "对", Count),
    ("双", "双", Count), ("包", "包", Count), ("幅", "幅", Count), ("门", "门", Count),
    ("款", "款", Count), ("级", "级", Count), ("码", "码", Count), ("章", "章", Count),
    ("节", "节", Count),
];

/// Chinese magnitude words after an Arabic number (longest first).
pub const CN_MAGNITUDES: &[(&str, f64)] = &[
    ("万亿", 1e12), ("千亿", 1e11), ("百亿", 1e10), ("十亿", 1e9), ("千万", 1e7), ("百万", 1e6),
    ("十万", 1e5), ("亿", 1e8), ("万", 1e4), ("千", 1e3), ("百", 1e2), ("兆", 1e12),
];

/// English magnitude words (after an optional space), longest first.
pub const EN_MAGNITUDES: &[(&str, f64)] = &[
    ("trillion", 1e12), ("billion", 1e9), ("million", 1e6), ("thousand", 1e3), ("bn", 1e9),
    ("mln", 1e6), ("mn", 1e6), ("bln", 1e9),
];

/// Currency markers written before the number.
pub const CURRENCY_PREFIXES: &[(&str, &str)] = &[
    ("US$", "USD"), ("HK$", "HKD"), ("NT$", "TWD"), ("S$", "SGD"), ("A$", "AUD"), ("C$", "CAD"),
    ("RMB", "CNY"), ("CNY", "CNY"), ("USD", "USD"), ("EUR", "EUR"), ("HKD", "HKD"), ("GBP", "GBP"),
    ("JPY", "JPY"), ("人民币", "CNY"), ("$", "USD"), ("¥", "CNY"), ("€", "EUR"), ("£", "GBP"),
    ("₩", "KRW"), ("₹", "INR"),
];

/// Hedges before a number (not part of the quote), longest first within each language.
pub const HEDGES_BEFORE: &[(&str, Approx)] = &[
    ("大于或者等于", Approx::AtLeast), ("小于或者等于", Approx::AtMost), ("大于或等于", Approx::AtLeast),
    ("小于或等于", Approx::AtMost), ("大于等于", Approx::AtLeast), ("小于等于", Approx::AtMost),
    ("不小于", Approx::AtLeast), ("不大于", Approx::AtMost), ("不多于", Approx::AtMost),
    ("≥", Approx::AtLeast), ("≤", Approx::AtMost), ("⩾", Approx::AtLeast), ("⩽", Approx::AtMost),
    ("≧", Approx::AtLeast), ("≦", Approx::AtMost), (">=", Approx::AtLeast), ("<=", Approx::AtMost),
    ("> =", Approx::AtLeast), ("< =", Approx::AtMost), (">", Approx::Over), ("<", Approx::Under),
    ("不超过", Approx::AtMost), ("不低于", Approx::AtLeast), ("不少于", Approx::AtLeast),
    ("大约", Approx::About), ("大概", Approx::About), ("约合", Approx::About), ("约为", Approx::About),
    ("估计", Approx::About), ("预计", Approx::About), ("将近", Approx::Under), ("接近", Approx::Under),
    ("超过", Approx::Over), ("多达", Approx::Exact), ("高达", Approx::Exact), ("不到", Approx::Under),
    ("不足", Approx::Under), ("至少", Approx::AtLeast), ("最多", Approx::AtMost),
    ("最少", Approx::AtLeast), ("低于", Approx::Under), ("少于", Approx::Under),
    ("高于", Approx::Over), ("大于", Approx::Over), ("小于", Approx::Under), ("约", Approx::About),
    ("近", Approx::Under), ("超", Approx::Over), ("逾", Approx::Over), ("仅", Approx::Exact),
    ("approximately", Approx::About), ("upwards of", Approx::Over), ("more than", Approx::Over),
    ("fewer than", Approx::Under), ("less than", Approx::Under), ("at least", Approx::AtLeast),
    ("at most", Approx::AtMost), ("close to", Approx::Under), ("roughly", Approx::About),
    ("around", Approx::About), ("nearly", Approx::Under), ("almost", Approx::Under),
    ("about", Approx::About), ("approx.", Approx::About), ("over", Approx::Over),
    ("above", Approx::Over), ("under", Approx::Under), ("below", Approx::Under),
    ("up to", Approx::AtMost), ("some", Approx::About),
];

/// Hedges after a number and its unit (not part of the quote).
pub const HEDGES_AFTER: &[(&str, Approx)] = &[
    ("左右", Approx::About), ("上下", Approx::About), ("以上", Approx::Over), ("以下", Approx::AtMost),
    ("以内", Approx::AtMost), ("之下", Approx::Under), ("出头", Approx::Over), ("开外", Approx::Over), ("or so", Approx::About),
    ("or more", Approx::AtLeast), ("内", Approx::AtMost),
];

/// Four-character idioms and lexicalised words that contain numerals but state no quantity.
/// Jieba catches most (they are dictionary words); this list is the safety net.
pub const NUMERAL_IDIOMS: &[&str] = &[
    "千行百业", "一浪推一浪", "相差无几", "第一性原理",
    "一举两得", "三心二意", "千方百计", "一模一样", "九牛一毛", "百花齐放", "四面八方", "五花八门",
    "七上八下", "一五一十", "千军万马", "万无一失", "一心一意", "独一无二", "一清二楚", "三番五次",
    "十全十美", "百发百中", "千载难逢", "一石二鸟", "一箭双雕", "接二连三", "一干二净", "乱七八糟",
    "一应俱全", "一蹴而就", "一劳永逸", "万众一心", "一马当先", "数一数二", "百尺竿头", "千姿百态",
    "数字", "数据", "数量", "数学", "数码", "数值", "数额", "数目", "几乎", "几何", "数控", "数位", "数独", "数列", "数组", "数理", "数以", "一席之地", "一臂之力", "九死一生", "一帆风顺", "百年不遇", "一日千里", "三足鼎立", "两极分化",
    "两极化", "一带一路", "三天两头", "半信半疑", "一知半解", "一鸣惊人",
    "百废待兴", "一分为二", "一波三折", "一视同仁", "成百上千", "成千上万", "千千万万", "万万",
    "一流", "一线", "一体", "一致", "一起", "一些", "一切", "一直", "一定", "一般", "一样", "一旦",
    "一边", "一方面", "一度", "一同", "一再", "一律", "一味", "一向", "一时", "一并", "唯一", "统一",
    "万一", "之一", "不一", "同一", "一下", "一点", "一番", "一把手", "一代", "一旁",
    "三打白骨精", "三打祝家庄", "三维", "二维", "一系列", "千万不要", "万物", "百度", "八卦", "四处", "十分", "万分", "百般",
];
