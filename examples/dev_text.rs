//! Development aid: print the claims of one text (value, unit, hedge, interval, source).
fn main() {
    let text = std::env::args().nth(1).unwrap();
    eprintln!("text={text}");
    let claims = claimcheck::extract::extract_text(&text);
    eprintln!("n={}", claims.len());
    for c in claims {
        println!("{:?} {} value={} unit={} approx={} lo={} hi={} src={:?} subj={}", c.quote, c.kind, c.value_text(), c.unit, c.approx.as_str(), c.lo, c.hi, c.source, c.subject);
    }
}
