//! Stage 1, ingest: decoding, normalised view, offset map, input collection.
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use claimcheck::ingest::{collect_inputs, read_document, Document, IngestError};

fn doc(text: &str) -> Document {
    Document::from_text("t.txt", text.to_string())
}

/// A fresh, empty folder under the system temp dir.
fn temp_dir(tag: &str) -> PathBuf {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let n = COUNTER.fetch_add(1, Ordering::SeqCst);
    let dir =
        std::env::temp_dir().join(format!("claimcheck-ingest-{}-{tag}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Normalised range of the first occurrence of `needle` in the normalised view.
fn find(d: &Document, needle: &str) -> std::ops::Range<usize> {
    let start = d.text.find(needle).unwrap_or_else(|| panic!("{needle:?} not in {:?}", d.text));
    start..start + needle.len()
}

fn seeds_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

// ---------------------------------------------------------------------------------------------
// Normalised view

#[test]
fn full_width_digits_and_signs_become_ascii() {
    assert_eq!(doc("４５０万台").text, "450万台");
    assert_eq!(doc("增长１２．５％").text, "增长12.5%");
    assert_eq!(doc("Ａ＝Ｂ＋１－２／３～４").text, "A=B+1-2/3~4");
    assert_eq!(doc("（注：见下）").text, "(注:见下)");
    assert_eq!(doc("￥１００").text, "¥100");
}

#[test]
fn chinese_clause_marks_stay_full_width() {
    assert_eq!(doc("一，二；三。四！五？").text, "一，二；三。四！五？");
}

#[test]
fn spaces_variants_become_plain_spaces_and_times_divide_stay() {
    assert_eq!(doc("3\u{3000}台\u{a0}x").text, "3 台 x");
    assert_eq!(doc("2×3÷4").text, "2×3÷4");
    assert_eq!(doc("a\u{200b}1\u{ad}2").text, "a12");
}

#[test]
fn html_entities_are_decoded() {
    assert_eq!(doc("10&nbsp;万").text, "10 万");
    assert_eq!(doc("50&#37; and 60&#x25;").text, "50% and 60%");
    assert_eq!(doc("&lt;5 &amp; &gt;3 &quot;x&quot; &apos;y&apos;").text, "<5 & >3 \"x\" 'y'");
    assert_eq!(doc("&yen;5 &euro;6 &pound;7 2&times;3 6&divide;2").text, "¥5 €6 £7 2×3 6÷2");
    assert_eq!(doc("a&middot;b&hellip;&ldquo;c&rdquo;").text, "a·b…“c”");
    assert_eq!(doc("&#xFF11;&#65;").text, "1A", "numeric entities go through the width map too");
    assert_eq!(doc("&bogus; &amp &#;").text, "&bogus; &amp &#;", "unknown stays as is");
}

#[test]
fn thousands_separators_are_dropped() {
    assert_eq!(doc("收入3,860元").text, "收入3860元");
    assert_eq!(doc("4,512萬").text, "4512万");
    assert_eq!(doc("共1,022,362小时").text, "共1022362小时");
    assert_eq!(doc("1,234.5").text, "1234.5");
    assert_eq!(doc("１，０００").text, "1，000", "the Chinese comma is never a separator");
}

#[test]
fn list_commas_stay() {
    assert_eq!(doc("1,2,3").text, "1,2,3");
    assert_eq!(doc("2023,2024").text, "2023,2024");
    assert_eq!(doc("12,34").text, "12,34");
    assert_eq!(doc("1,2,345").text, "1,2,345");
    assert_eq!(doc("1,234,5").text, "1,234,5");
    assert_eq!(doc("3,8600").text, "3,8600");
    assert_eq!(doc("0.5,123").text, "0.5,123");
    assert_eq!(doc("过去,人工智能").text, "过去,人工智能");
}

#[test]
fn dashes_between_numbers() {
    assert_eq!(doc("10–20").text, "10-20");
    assert_eq!(doc("3—5年").text, "3-5年");
    assert_eq!(doc("10% – 20%").text, "10% - 20%");
    assert_eq!(doc("三〜五天").text, "三~五天");
    assert_eq!(doc("5〜8").text, "5~8");
    assert_eq!(doc("技术——5个").text, "技术——5个", "a doubled dash is punctuation");
    assert_eq!(doc("2——3").text, "2——3");
    assert_eq!(doc("a–b 文—字").text, "a–b 文—字");
    assert_eq!(doc("GPT\u{2011}4 \u{2212}5").text, "GPT-4 -5");
}

#[test]
fn crlf_and_lone_cr_become_lf() {
    assert_eq!(doc("a\r\nb\rc\nd").text, "a\nb\nc\nd");
}

#[test]
fn pinyin_glosses_are_dropped() {
    let d = doc("百模大戰(zhàn),關(guān)鍵的數(shù)據(jù)，據（jù）");
    assert_eq!(d.text, "百模大战,关键的数据，据");
    // Decomposed tone marks count too.
    assert_eq!(doc("戰(zha\u{300}n)").text, "战");
}

#[test]
fn normal_parentheses_stay() {
    let text = "人工智能(AI)和大型语言模型(LLMs),(2022 年 11 月 30 日),显卡(GPU),方案(a)(b)";
    assert_eq!(doc(text).text, text);
    // Not a syllable, or not after an ideograph.
    assert_eq!(doc("咖啡(café) x(shù)").text, "咖啡(café) x(shù)");
}

#[test]
fn toneless_gloss_dropped_only_beside_toned_glosses() {
    assert_eq!(doc("方案(de)").text, "方案(de)");
    assert_eq!(doc("數(shù)的(de)").text, "数的");
    // A tone-marked gloss after a latin letter goes only in a document with glosses.
    assert_eq!(doc("實F(xiàn)").text, "实F(xiàn)");
    assert_eq!(doc("數(shù) 實F(xiàn)").text, "数 实F");
    assert_eq!(doc("數(shù) GPU(gpu) 的(AI)").text, "数 GPU(gpu) 的(AI)");
}

#[test]
fn traditional_is_folded_to_simplified() {
    assert_eq!(doc("4,512萬 3億 兩個 點 臺灣").text, "4512万 3亿 两个 点 台湾");
    // Simplified text is unchanged.
    let simplified = "两个点的数据中心，台湾，发展";
    assert_eq!(doc(simplified).text, simplified);
}

#[test]
fn other_text_is_kept() {
    let text = "  GPT-4 训练成本 7800 万美元;①② m² ½ \t end ";
    assert_eq!(doc(text).text, text);
}

// ---------------------------------------------------------------------------------------------
// Offset map

#[test]
fn quote_maps_back_to_exact_original() {
    let original = "第一，數(shù)據(jù)中心用電4,512萬千瓦時。";
    let d = doc(original);
    assert_eq!(d.text, "第一，数据中心用电4512万千瓦时。");
    // A span covering glossed chars quotes the glosses too.
    assert_eq!(d.quote(find(&d, "数据中心")), "數(shù)據(jù)中心");
    // A span ending on a glossed char stops before its gloss.
    assert_eq!(d.quote(find(&d, "数")), "數");
    assert_eq!(d.quote(find(&d, "4512万千瓦时")), "4,512萬千瓦時");
    let range = d.original_range(find(&d, "4512"));
    assert_eq!(&original[range], "4,512");
}

#[test]
fn original_range_of_entities_and_full_width() {
    let original = "占比１２．５％&nbsp;左右";
    let d = doc(original);
    assert_eq!(d.quote(find(&d, "12.5% ")), "１２．５％&nbsp;");
    assert_eq!(d.quote(find(&d, "左右")), "左右");
}

#[test]
fn original_range_edge_cases() {
    let d = doc("ab數(shù)");
    assert_eq!(d.original_range(0..0), 0..0);
    assert_eq!(d.original_range(2..2), 2..2);
    let end = d.text.len();
    assert_eq!(d.original_range(end..end), d.original.len()..d.original.len());
    assert_eq!(d.original_range(end + 5..end + 9), d.original.len()..d.original.len());
    // A range running past the end stops at the last char, before its gloss.
    assert_eq!(d.original_range(1..100), 1..5);
    // Offsets inside a multibyte char count as that char.
    assert_eq!(d.original_range(3..4), 2..5);
}

#[test]
fn line_col_counts_chars_and_handles_crlf() {
    let d = doc("第一行\r\n数(shù)值 12.5%\r\n\r\nend\rlast");
    assert_eq!(d.line_col(find(&d, "第").start), (1, 1));
    assert_eq!(d.line_col(find(&d, "\n").start), (1, 4));
    assert_eq!(d.line_col(find(&d, "数").start), (2, 1));
    // `值` comes after a 5-char gloss in the original: column 7.
    assert_eq!(d.line_col(find(&d, "值").start), (2, 7));
    assert_eq!(d.line_col(find(&d, "12.5%").start), (2, 9));
    assert_eq!(d.line_col(find(&d, "end").start), (4, 1));
    assert_eq!(d.line_col(find(&d, "last").start), (5, 1));
    assert_eq!(d.line_col(d.text.len()), (5, 5));
    assert_eq!(d.line_count(), 5);
    assert_eq!(d.line_text(2), Some("数(shù)值 12.5%"));
    assert_eq!(d.line_text(3), Some(""));
    assert_eq!(d.line_text(0), None);
    assert_eq!(d.line_text(6), None);
}

#[test]
fn line_col_on_long_lines_matches_counting() {
    // Lines of a few thousand mixed-width chars cross several column checkpoints.
    let line: String = (0..3000).map(|i| ["数", "a", "𝟘", "，", " "][i % 5]).collect();
    let original = format!("{line}\n短\r\n{line}{line}\n");
    let d = doc(&original);
    for (i, c) in d.text.char_indices().step_by(7) {
        let orig = d.original_range(i..i + c.len_utf8()).start;
        let before = &original[..orig];
        let line_no = before.matches('\n').count() + 1;
        let col = before.rsplit('\n').next().unwrap().chars().count() + 1;
        assert_eq!(d.line_col(i), (line_no, col), "at {i}");
    }
}

#[test]
fn line_col_on_empty_text_does_not_panic() {
    let d = doc("");
    assert_eq!(d.text, "");
    assert_eq!(d.line_col(0), (1, 1));
    assert_eq!(d.line_col(10), (1, 1));
    assert_eq!(d.original_range(0..3), 0..0);
}

// ---------------------------------------------------------------------------------------------
// Encodings

const SAMPLE_HANS: &str = "在过去的几年中，人工智能领域经历了迅猛的发展。2023 年，生成式 AI 的投资达到了 252 亿美元，是 2022 年的九倍。训练成本估计为 7800 万美元。";
const SAMPLE_HANT: &str = "為了滿足大模型海量數據訓練的需求，原本可以輕裝上陣的算法公司，開始自己做雲，也自建人工智能數據中心。商湯在公布大模型體系的同時，提到另一個關鍵點。";

fn encode(encoding: &'static encoding_rs::Encoding, text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding.encode(text);
    assert!(!unmappable, "sample not representable in {}", encoding.name());
    bytes.into_owned()
}

#[test]
fn decodes_gbk() {
    let bytes = encode(encoding_rs::GBK, SAMPLE_HANS);
    let d = Document::from_bytes("gbk.txt", &bytes).unwrap();
    assert_eq!(d.encoding, "GBK");
    assert_eq!(d.original, SAMPLE_HANS);
}

#[test]
fn decodes_gb18030() {
    let bytes = encode(encoding_rs::GB18030, SAMPLE_HANS);
    let d = Document::from_bytes("gb.txt", &bytes).unwrap();
    assert_eq!(d.original, SAMPLE_HANS);
}

#[test]
fn decodes_big5() {
    let bytes = encode(encoding_rs::BIG5, SAMPLE_HANT);
    let d = Document::from_bytes("big5.txt", &bytes).unwrap();
    assert_eq!(d.encoding, "Big5");
    assert_eq!(d.original, SAMPLE_HANT);
    assert!(d.text.contains("数据训练"), "{}", d.text);
}

fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    let mut bytes = Vec::new();
    let units = bom.then_some(0xfeffu16).into_iter().chain(text.encode_utf16());
    for u in units {
        let pair = if big_endian { u.to_be_bytes() } else { u.to_le_bytes() };
        bytes.extend(pair);
    }
    bytes
}

#[test]
fn decodes_utf16_with_bom() {
    let le = Document::from_bytes("le.txt", &utf16(SAMPLE_HANT, false, true)).unwrap();
    assert_eq!((le.encoding, le.original.as_str()), ("UTF-16LE", SAMPLE_HANT));
    let be = Document::from_bytes("be.txt", &utf16(SAMPLE_HANS, true, true)).unwrap();
    assert_eq!((be.encoding, be.original.as_str()), ("UTF-16BE", SAMPLE_HANS));
}

#[test]
fn decodes_ascii_heavy_utf16_without_bom() {
    let text = "Revenue grew 12.5% to 3,860 million yuan (收入).";
    let d = Document::from_bytes("le.txt", &utf16(text, false, false)).unwrap();
    assert_eq!((d.encoding, d.original.as_str()), ("UTF-16LE", text));
}

#[test]
fn decodes_utf8_with_and_without_bom() {
    let mut bytes = vec![0xef, 0xbb, 0xbf];
    bytes.extend(SAMPLE_HANS.as_bytes());
    let d = Document::from_bytes("bom.txt", &bytes).unwrap();
    assert_eq!((d.encoding, d.original.as_str()), ("UTF-8", SAMPLE_HANS));
    assert!(!d.text.starts_with('\u{feff}'));
    let d = Document::from_bytes("plain.txt", SAMPLE_HANS.as_bytes()).unwrap();
    assert_eq!((d.encoding, d.original.as_str()), ("UTF-8", SAMPLE_HANS));
}

#[test]
fn broken_utf8_names_file_and_first_bad_byte() {
    let mut bytes = SAMPLE_HANS.as_bytes().to_vec();
    let bad = SAMPLE_HANS.find("人工").unwrap() + 1; // inside a char: a stray continuation byte
    bytes[bad - 1] = 0xff;
    let err = Document::from_bytes("broken.txt", &bytes).unwrap_err();
    assert!(matches!(err, IngestError::Undecodable { offset, .. } if offset == bad - 1), "{err}");
    let message = err.to_string();
    assert!(
        message.contains("broken.txt") && message.contains(&format!("offset {}", bad - 1)),
        "{message}"
    );
}

#[test]
fn truncated_utf16_is_undecodable_at_its_last_byte() {
    let mut bytes = utf16("数据", false, true);
    bytes.push(0x41); // odd length
    let err = Document::from_bytes("odd.txt", &bytes).unwrap_err();
    assert_eq!(err.offset(), Some(6), "{err}");
    // An unpaired surrogate.
    let bytes = [0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8, 0x41, 0x00];
    let err = Document::from_bytes("surrogate.txt", &bytes).unwrap_err();
    assert!(matches!(err, IngestError::Undecodable { offset: 4, .. }), "{err}");
}

#[test]
fn broken_gbk_blames_the_byte_where_gbk_breaks() {
    let mut bytes = encode(encoding_rs::GBK, SAMPLE_HANS);
    let bad = bytes.len() / 2; // 0xff is never part of a GBK char
    bytes.insert(bad, 0xff);
    let err = Document::from_bytes("gbk.txt", &bytes).unwrap_err();
    assert!(matches!(err, IngestError::Undecodable { encoding: "GBK", .. }), "{err}");
    assert!(err.offset().unwrap() >= bad - 1 && err.offset().unwrap() <= bad, "{err}");
}

#[test]
fn undecodable_bytes_are_an_error() {
    // 0xff is not a lead byte in UTF-8, GBK or Big5.
    let bytes = b"price \xff\xff 100".to_vec();
    let err = Document::from_bytes("junk.txt", &bytes).unwrap_err();
    assert!(err.to_string().contains("junk.txt"), "{err}");
    assert!(matches!(err, IngestError::Undecodable { offset: 6, .. }), "{err}");
}

#[test]
fn empty_file_is_an_error() {
    let err = Document::from_bytes("empty.txt", b"").unwrap_err();
    assert!(matches!(err, IngestError::Empty { .. }));
    assert_eq!(err.to_string(), "empty.txt: empty file");
    // A BOM alone is empty too.
    let err = Document::from_bytes("bom.txt", &[0xef, 0xbb, 0xbf]).unwrap_err();
    assert!(matches!(err, IngestError::Empty { .. }), "{err}");
}

#[test]
fn binary_file_is_an_error() {
    let bytes = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01";
    let err = Document::from_bytes("image.png", bytes).unwrap_err();
    assert!(matches!(err, IngestError::Binary { offset: 8, .. }), "{err}");
    assert!(err.to_string().contains("image.png") && err.to_string().contains("offset 8"), "{err}");
    let err = Document::from_bytes("ctl.bin", b"ab\x01\x02\x03\x04cd").unwrap_err();
    assert!(matches!(err, IngestError::Binary { offset: 2, .. }), "{err}");
    // Little-endian 16-bit integers look like BOM-less UTF-16 but decode to control chars.
    let numbers: Vec<u8> = (1u16..40).flat_map(|n| n.to_le_bytes()).collect();
    let err = Document::from_bytes("numbers.bin", &numbers).unwrap_err();
    assert!(matches!(err, IngestError::Binary { offset: 0, .. }), "{err}");
    // A stray control char in a long text is kept.
    let text = format!("{SAMPLE_HANS}\x07{SAMPLE_HANS}");
    assert_eq!(Document::from_bytes("bell.txt", text.as_bytes()).unwrap().original, text);
}

#[test]
fn missing_path_is_an_error() {
    let path = temp_dir("missing").join("nope.txt");
    let err = read_document(&path, "nope.txt").unwrap_err();
    assert!(matches!(err, IngestError::NotFound { .. }), "{err}");
    assert!(err.to_string().contains(&path.display().to_string()), "{err}");
}

#[test]
fn read_document_errors_name_the_path() {
    let dir = temp_dir("read");
    let path = dir.join("empty.txt");
    std::fs::write(&path, b"").unwrap();
    let err = read_document(&path, "empty.txt").unwrap_err();
    assert_eq!(err.path(), path.as_path());
    let path = dir.join("gbk.txt");
    std::fs::write(&path, encode(encoding_rs::GBK, SAMPLE_HANS)).unwrap();
    let d = read_document(&path, "gbk.txt").unwrap();
    assert_eq!((d.name.as_str(), d.encoding, d.original.as_str()), ("gbk.txt", "GBK", SAMPLE_HANS));
}

#[test]
fn no_input_panics() {
    // Short slices of mixed encodings, cut at every byte.
    let mut samples = vec![
        encode(encoding_rs::GBK, SAMPLE_HANS),
        encode(encoding_rs::BIG5, SAMPLE_HANT),
        utf16(SAMPLE_HANT, true, true),
        "&#x; &#99999999999; &&;; ４,５６７ 數(shù) (ā) \r\r\n".as_bytes().to_vec(),
    ];
    samples.push((0u8..=255).collect());
    for sample in &samples {
        for cut in 0..sample.len().min(80) {
            if let Ok(d) = Document::from_bytes("x", &sample[..cut]) {
                for i in 0..=d.text.len() + 1 {
                    let _ = d.line_col(i);
                    let _ = d.original_range(i..i + 3);
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Collecting inputs

#[test]
fn folders_are_walked_in_sorted_order_with_relative_names() {
    let dir = temp_dir("walk");
    for rel in [
        "b.txt",
        "a/z.txt",
        "a/c/d.txt",
        "a/b.txt",
        ".hidden.txt",
        ".git/x.txt",
        "a/.h/y.txt",
        "10.txt",
    ] {
        let path = dir.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, "x").unwrap();
    }
    let single = dir.join("a").join("z.txt");
    let missing = dir.join("missing");
    let inputs = collect_inputs(&[dir.clone(), missing.clone(), single.clone()]);
    let names: Vec<String> = inputs
        .iter()
        .map(|r| match r {
            Ok((_, name)) => name.clone(),
            Err(e) => format!("ERR {e}"),
        })
        .collect();
    let missing_message = format!("ERR {}: no such file or folder", missing.display());
    assert_eq!(
        names,
        ["10.txt", "a/b.txt", "a/c/d.txt", "a/z.txt", "b.txt", missing_message.as_str(), "z.txt"]
    );
    // Paths point at the files themselves.
    let (path, _) = inputs[2].as_ref().unwrap();
    assert_eq!(path, &dir.join("a").join("c").join("d.txt"));
    assert_eq!(inputs[6].as_ref().unwrap().0, single);
}

// ---------------------------------------------------------------------------------------------
// Seeds

#[test]
fn seeds_decode_and_map_back() {
    let mut seeds: Vec<PathBuf> =
        std::fs::read_dir(seeds_dir()).unwrap().map(|e| e.unwrap().path()).collect();
    seeds.sort();
    assert_eq!(seeds.len(), 5);
    for path in &seeds {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let d = read_document(path, &name).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(d.original, std::fs::read_to_string(path).unwrap());
        // Every normalised char maps to a non-empty, increasing original range.
        let mut last_end = 0;
        for (i, c) in d.text.char_indices() {
            let range = d.original_range(i..i + c.len_utf8());
            assert!(range.start >= last_end && range.end > range.start, "{name} char {i}");
            last_end = range.end;
        }
        // Line by line: the normalised line maps back to exactly the original line, and
        // line numbers agree with `split('\n')`.
        let mut norm_start = 0;
        for (n, (norm_line, orig_line)) in
            d.text.split('\n').zip(d.original.split('\n')).enumerate()
        {
            let range = norm_start..norm_start + norm_line.len();
            if !norm_line.is_empty() {
                assert_eq!(d.quote(range.clone()), orig_line, "{name} line {}", n + 1);
                assert_eq!(d.line_col(range.start), (n + 1, 1));
            }
            norm_start = range.end + 1;
        }
        assert_eq!(d.text.split('\n').count(), d.original.split('\n').count());
    }
}

#[test]
fn seed_004_loses_its_glosses_and_is_folded() {
    let path = seeds_dir().join("004_a5cab966b216a562.txt");
    let d = read_document(&path, "004").unwrap();
    assert!(d.original.contains("大戰(zhàn)"));
    assert!(d.text.starts_with("百模大战,谁是下一个ChatGPT?"), "{}", &d.text[..60]);
    for gloss in ["(zhàn)", "(guān)", "(shù)", "(xiàn)", "(fā)"] {
        assert!(!d.text.contains(gloss), "{gloss} left in");
    }
    assert!(d.text.contains("数据"));
    assert!(!d.text.contains("數"));
}

#[test]
fn simplified_seeds_are_not_changed_by_folding() {
    // 000-003 are simplified: the only differences allowed are the documented
    // normalisations, never a different Chinese char.
    for entry in std::fs::read_dir(seeds_dir()).unwrap() {
        let path = entry.unwrap().path();
        if path.file_name().unwrap().to_string_lossy().starts_with("004") {
            continue;
        }
        let d = read_document(&path, "seed").unwrap();
        for (i, c) in d.text.char_indices() {
            if ('\u{4e00}'..='\u{9fff}').contains(&c) {
                let quoted = d.quote(i..i + c.len_utf8());
                assert_eq!(quoted, c.to_string(), "{} at {:?}", path.display(), d.line_col(i));
            }
        }
    }
}

/// Throughput on the seeds repeated to about 10 MB. Run with
/// `cargo test --test ingest -- --ignored --nocapture throughput` (debug build: this crate at
/// opt-level 0, dependencies at 1).
#[test]
#[ignore]
fn throughput() {
    let mut seeds: Vec<PathBuf> =
        std::fs::read_dir(seeds_dir()).unwrap().map(|e| e.unwrap().path()).collect();
    seeds.sort();
    let all: Vec<u8> = seeds.iter().flat_map(|p| std::fs::read(p).unwrap()).collect();
    let mut big = Vec::new();
    while big.len() < 10_000_000 {
        big.extend_from_slice(&all);
    }
    let mb = big.len() as f64 / 1e6;
    for (label, bytes) in [
        ("UTF-8", big.clone()),
        ("GB18030", encode(encoding_rs::GB18030, std::str::from_utf8(&big).unwrap())),
    ] {
        let start = std::time::Instant::now();
        let d = Document::from_bytes("big.txt", &bytes).unwrap();
        let secs = start.elapsed().as_secs_f64();
        let start = std::time::Instant::now();
        let mut sum = 0;
        for (i, _) in d.text.char_indices().step_by(97) {
            sum += d.line_col(i).1;
        }
        let lc = start.elapsed().as_secs_f64();
        println!(
            "{label}: {mb:.1} MB in {secs:.2} s = {:.1} MB/s; {} line_col calls in {lc:.3} s ({sum})",
            mb / secs,
            d.text.len() / 97
        );
    }
}

#[test]
fn seeds_survive_legacy_encodings() {
    for entry in std::fs::read_dir(seeds_dir()).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let utf8 = doc(&text);
        let (bytes, _, _) = encoding_rs::GB18030.encode(&text);
        let gb = Document::from_bytes("gb.txt", &bytes).unwrap();
        assert_eq!((gb.encoding, gb.original == text), ("GBK", true), "{}", path.display());
        // Big5 lacks some chars: the encoder writes them as numeric entities, which the
        // normaliser decodes, so the normalised views agree.
        let (bytes, _, _) = encoding_rs::BIG5.encode(&text);
        let big5 = Document::from_bytes("big5.txt", &bytes).unwrap();
        assert_eq!(big5.encoding, "Big5", "{}", path.display());
        assert_eq!(big5.text, utf8.text, "{}", path.display());
    }
}
