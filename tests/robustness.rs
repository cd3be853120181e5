//! The extractor and checker never panic, whatever text they get: cut seed lines at many
//! points (spans ending mid-number, mid-unit, mid-date) and pseudo-random character soup.
use claimcheck::check::RuleSet;
use claimcheck::ingest::Document;

#[test]
fn truncated_seed_lines_never_panic() {
    let rules = RuleSet::embedded().0;
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut docs = Vec::new();
    for entry in std::fs::read_dir(root).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for line in text.lines().filter(|l| l.chars().any(|c| c.is_ascii_digit())) {
            let chars: Vec<char> = line.chars().collect();
            for cut in (1..chars.len()).step_by(5) {
                docs.push(Document::from_text("cut", chars[..cut].iter().collect()));
                docs.push(Document::from_text("cut", chars[cut..].iter().collect()));
            }
        }
    }
    let n = docs.len();
    let batch = claimcheck::run_documents(docs, &rules);
    assert!(batch.errors.is_empty(), "{} of {n} documents failed: {:?}", batch.errors.len(), &batch.errors[..batch.errors.len().min(3)]);
}

#[test]
fn character_soup_never_panics() {
    // Numerals, units, operators and punctuation in random order (fixed-seed LCG).
    let alphabet: Vec<char> = "0123456789.,-~%×*/=+ 年月日万亿千百十一二三四五六七八九零两半几数第分之倍折成元美元kWhGB$€£约超过不到至从到-—–（）()《》，。；：、\nQxXMBaboutoftheto".chars().collect();
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut docs = Vec::new();
    for _ in 0..400 {
        let len = 1 + (state % 60) as usize;
        let mut s = String::new();
        for _ in 0..len {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            s.push(alphabet[(state >> 33) as usize % alphabet.len()]);
        }
        docs.push(Document::from_text("soup", s));
    }
    let batch = claimcheck::run_documents(docs, &RuleSet::embedded().0);
    assert!(batch.errors.is_empty(), "{:?}", &batch.errors[..batch.errors.len().min(3)]);
}
