//! The builder spec: the one registry of relation builders. A rule file's `builder = "name"`
//! and its `[params]` table deserialise (serde, tagged by `builder`) straight into
//! [`Builder`]; an unknown builder or parameter is a serde error the rule loader points at.
//! Adding a builder is one variant here, one file beside this one and one arm in `build`.
use serde::Deserialize;

/// The built-in relation builders (relations a regex cannot express).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(tag = "builder", rename_all = "snake_case", deny_unknown_fields)]
pub enum Builder {
    /// Every `formula` claim: its parts, operators and result.
    /// Roles: `left` (the left side as written), `result`, `unit_factor`, `p1..pn`.
    Formula {
        #[serde(default)]
        require_unit_factor: bool,
    },
    /// Every range claim. Roles: `low`, `high`.
    RangeOrder {},
    /// A weekday written next to a full date. Roles: `stated` (1 = Monday … 7 = Sunday,
    /// as written), `calendar` (the weekday of the date).
    Weekday {},
    /// `M月D日` / ISO dates whose day does not exist. Roles: `day`, `month_days`.
    CalendarDate {},
    /// The same quantity (same subject, unit dimension, kind and year context) stated twice.
    /// Roles: `stated` (the later figure), `other` (the earlier one).
    SameQuantity {
        #[serde(default)]
        across_documents: bool,
        #[serde(default = "three")]
        min_subject_chars: usize,
    },
    /// A unit price, a quantity and a total in one sentence (售价26.35万元…销量3.87万辆…销售额
    /// 102亿元; 1,200 tickets at $45 each brought in $54,000). Roles: `price`, `quantity`,
    /// `total`.
    Product {},
    /// One ratio claimed for several components that each changed (降至原来的四分之一 after
    /// two prices that fell): a blend lies between the components' ratios, and a ratio
    /// claimed for each (均降至) must hold for every one. Roles: `stated`, `components`.
    Blend(BlendParams),
    /// A list the title dates (2024大模型产业十大趋势) announced in the body under a year of its
    /// own (2023年…将有以下十大趋势). Roles: `stated` (the body's year), `title`.
    TitleYear {},
    /// Two figures of one unit whose digits differ by one swap of neighbours (486.2 / 468.2),
    /// with at least `min_digits` digits. Roles: `stated` (the later), `other`.
    Transposed {
        #[serde(default = "four")]
        min_digits: usize,
    },
    /// A share naming its part and whole (过夜游客占接待游客总量的38.3%) whose figures stand
    /// earlier under those names, up to `lines_before` lines back. Roles: `stated`, `part`, `whole`.
    /// With `multiples`, a multiple naming both sides (板南线的日均运量约为文湖线的5.9倍).
    NamedShare {
        #[serde(default = "three")]
        lines_before: usize,
        #[serde(default)]
        multiples: bool,
    },
    /// A total and its breakdown after a lead-in (…投资63.8亿元。从隶属关系看，中直投资50.2亿元…；
    /// 地方投资13.6亿元): one part per item between ；, in the total's unit. Roles: `stated`
    /// (the total), `parts`.
    Breakdown {},
    /// A total on a line ending in a lead-in colon and its parts on the lines after it, one
    /// per line: `exhaustive` reads dividing lead-ins (按航区分：, sum = total), otherwise subset
    /// cues (其中：, sum ≤ total). Roles: `stated` (the total), `parts`.
    LineList {
        #[serde(default)]
        exhaustive: bool,
    },
    /// A change stated with its level in one sentence and the prior level in the sentence
    /// before or after it (…箱量68.2万标准箱，同比增长23.5%。去年前三季度，…箱量为58.4万标准箱).
    /// `cues` mark the change before the rate. Roles: `stated`, `small`, `large`.
    PriorSentence {
        cues: Vec<String>,
        #[serde(default = "eight")]
        window: usize,
    },
    /// A table's total row (合计, 總數, Total) against the rows above it, column by column:
    /// the rows of one table since its header. Roles: `stated` (the total cell), `parts`.
    TableTotal {},
    /// The year an event happened to a named thing (Transformer 架构引入, OpenAI founded),
    /// stated twice with different years. Roles: `stated` (the later year), `other`.
    EventYear {
        #[serde(default)]
        across_documents: bool,
    },
    /// A size in a name (65B, 8x7B) against a parameter figure next to it.
    /// Roles: `stated`, `name`.
    NameSize {
        #[serde(default = "twenty_four")]
        window: usize,
    },
    /// One sentence holding exactly one cued figure of the stated kind and exactly two
    /// amounts of one unit, however the sentence is phrased (增长5.2%，去年同期为…; up 15%
    /// from …). Roles: `stated`, `small`, `large` (the two amounts by size).
    SentencePair(PairParams),
}

/// Parameters of the `blend` builder.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BlendParams {
    /// Words right before the ratio that make it "fell to this share of before" (降至, fell to).
    pub cues: Vec<String>,
    /// Words that make the ratio hold for each component (均, 都, both, each).
    #[serde(default)]
    pub each: Vec<String>,
    /// Lines before the ratio's line searched for the components.
    #[serde(default = "one")]
    pub lines_before: usize,
}

/// What ties the two amounts of a `sentence_pair` together.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PairMode {
    /// A change between two times: one amount carries a base marker (上年, 较, from …).
    Change,
    /// A share of a whole: the larger carries a whole marker (全国, 总, total …) or the smaller
    /// a part marker (其中, of which …), and the sentence has no change word.
    Share,
    /// A change of a rate in percentage points between two percentages.
    Points,
    /// A multiple (N倍, N times) of one amount over the other.
    Multiple,
    /// A level, its increment over the base (after a change verb) and the change in %:
    /// roles `stated`, `level`, `increment`.
    Increment,
    /// A change stated as an amount (上涨3.28米, up $2) between two levels of that unit.
    Difference,
    /// An average annual rate between two amounts dated by two years: roles `stated`,
    /// `small`, `large`, `years` (the number of years between them).
    Annual,
}

/// Parameters of the `sentence_pair` builder.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PairParams {
    pub mode: PairMode,
    /// Words one of which must stand right before the stated figure.
    pub cues: Vec<String>,
    /// How many chars before the stated figure the cue may stand.
    #[serde(default = "eight")]
    pub window: usize,
}

fn one() -> usize {
    1
}
fn three() -> usize {
    3
}
fn four() -> usize {
    4
}
fn eight() -> usize {
    8
}
fn twenty_four() -> usize {
    24
}

impl Builder {
    /// Read `builder = name` and its parameters; checks serde cannot express come after.
    pub fn from_table(name: &str, params: &toml::Table) -> Result<Builder, String> {
        let mut table = params.clone();
        table.insert("builder".into(), toml::Value::String(name.to_string()));
        let builder: Builder = toml::Value::Table(table).try_into().map_err(|e: toml::de::Error| e.message().trim().to_string())?;
        builder.validated()
    }

    fn validated(mut self) -> Result<Builder, String> {
        let lower = |words: &mut Vec<String>| words.iter_mut().for_each(|w| *w = w.to_lowercase());
        match &mut self {
            Builder::Blend(p) => {
                lower(&mut p.cues);
                lower(&mut p.each);
                if p.cues.is_empty() {
                    return Err("blend needs a non-empty list of cue words (cues = [...])".into());
                }
            }
            Builder::SentencePair(p) => {
                lower(&mut p.cues);
                if p.cues.is_empty() {
                    return Err("sentence_pair needs a non-empty list of cue words (cues = [...])".into());
                }
                if p.window == 0 {
                    return Err("sentence_pair needs window ≥ 1".into());
                }
            }
            Builder::NameSize { window: 0 } => return Err("name_size needs window ≥ 1".into()),
            Builder::PriorSentence { cues, window } => {
                lower(cues);
                if cues.is_empty() || *window == 0 {
                    return Err("prior_sentence needs cue words (cues = [...]) and window ≥ 1".into());
                }
            }
            Builder::SameQuantity { min_subject_chars: 0, .. } => {
                return Err("same_quantity needs min_subject_chars ≥ 1".into())
            }
            Builder::Transposed { min_digits } if *min_digits < 2 => {
                return Err("transposed needs min_digits ≥ 2".into())
            }
            _ => {}
        }
        Ok(self)
    }

    /// The roles a rule over this builder may use in its expressions.
    pub fn roles(&self) -> &'static [&'static str] {
        match self {
            Builder::Formula { .. } => &["left", "result", "unit_factor"],
            Builder::RangeOrder {} => &["low", "high"],
            Builder::Weekday {} => &["stated", "calendar"],
            Builder::CalendarDate {} => &["day", "month_days"],
            Builder::SameQuantity { .. } => &["stated", "other"],
            Builder::EventYear { .. } => &["stated", "other"],
            Builder::Product {} => &["price", "quantity", "total"],
            Builder::Breakdown {} | Builder::TableTotal {} | Builder::LineList { .. } => &["stated", "parts"],
            Builder::Blend(_) => &["stated", "components"],
            Builder::TitleYear {} => &["stated", "title"],
            Builder::NamedShare { .. } => &["stated", "part", "whole"],
            Builder::Transposed { .. } => &["stated", "other"],
            Builder::NameSize { .. } => &["stated", "name"],
            Builder::PriorSentence { .. } => &["stated", "small", "large"],
            Builder::SentencePair(p) if p.mode == PairMode::Increment => &["stated", "level", "increment"],
            Builder::SentencePair(p) if p.mode == PairMode::Annual => &["stated", "small", "large", "years"],
            Builder::SentencePair(_) => &["stated", "small", "large"],
        }
    }

    /// Roles bound to a list of claims (usable only inside sum(), max(), …).
    pub fn multi_roles(&self) -> &'static [&'static str] {
        match self {
            Builder::Breakdown {} | Builder::TableTotal {} | Builder::LineList { .. } => &["parts"],
            _ => &[],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(s: &str) -> toml::Table {
        s.parse().unwrap()
    }

    #[test]
    fn parameters_deserialise_with_defaults() {
        let b = Builder::from_table("named_share", &table("multiples = true")).unwrap();
        assert_eq!(b, Builder::NamedShare { lines_before: 3, multiples: true });
        let b = Builder::from_table("sentence_pair", &table("mode = \"points\"\ncues = [\"UP\"]")).unwrap();
        assert_eq!(b, Builder::SentencePair(PairParams { mode: PairMode::Points, cues: vec!["up".into()], window: 8 }));
    }

    #[test]
    fn unknown_builders_parameters_and_modes_are_errors() {
        assert!(Builder::from_table("no_such", &table("")).unwrap_err().contains("unknown variant"));
        assert!(Builder::from_table("range_order", &table("window = 3")).unwrap_err().contains("window"));
        assert!(Builder::from_table("formula", &table("require = true")).unwrap_err().contains("require"));
        assert!(Builder::from_table("sentence_pair", &table("mode = \"sideways\"\ncues = [\"x\"]")).is_err());
        assert!(Builder::from_table("sentence_pair", &table("mode = \"change\"\ncues = []")).unwrap_err().contains("cue"));
        assert!(Builder::from_table("name_size", &table("window = 0")).is_err());
        assert!(Builder::from_table("name_size", &table("window = -3")).is_err());
    }
}
