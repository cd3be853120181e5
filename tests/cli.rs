//! The binary end to end: exit codes, per-file errors, output files and their determinism.
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

const CLAIMS_HEADER: &str =
    "doc,line,col,quote,kind,value,unit,approx,source,sentence,subject,sig_digits,lo,hi,id";
const FINDINGS_HEADER: &str = "doc,line,rule,kind,severity,verdict,quotes,stated,expected,\
                               deviation,message,col,claim_ids,other_locations";

/// A fresh folder under the system temp dir, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> TempDir {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::SeqCst);
        let dir = std::env::temp_dir().join(format!("claimcheck-cli-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create temp dir");
        TempDir(dir)
    }

    fn path(&self) -> &Path {
        &self.0
    }

    fn file(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, bytes).expect("write temp file");
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn claimcheck(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run claimcheck")
}

fn check(paths: &[&Path], out: &Path) -> Output {
    let mut args: Vec<&std::ffi::OsStr> = vec!["check".as_ref()];
    args.extend(paths.iter().map(|p| p.as_os_str()));
    args.push("--out".as_ref());
    args.push(out.as_os_str());
    claimcheck(&args)
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn first_line(path: &Path) -> String {
    let text = std::fs::read_to_string(path).expect("read output");
    text.lines().next().unwrap_or("").to_string()
}

const GOOD_TEXT: &str = "公司去年营收为120亿元，同比增长20%。\n今年营收为150亿元。\n";

#[test]
fn missing_path_is_named_and_the_good_file_still_runs() {
    let tmp = TempDir::new();
    let good = tmp.file("good.txt", GOOD_TEXT.as_bytes());
    let missing = tmp.path().join("no_such_article.txt");
    let out = tmp.path().join("out");
    let o = check(&[&missing, &good], &out);
    let err = stderr(&o);
    assert_ne!(
        o.status.code(),
        Some(2),
        "a missing file alone must not fail the run: {err}"
    );
    assert!(
        err.contains("no_such_article.txt"),
        "error names the missing path: {err}"
    );
    assert!(
        !err.contains("good.txt"),
        "the good file has no error: {err}"
    );
    assert_eq!(first_line(&out.join("claims.csv")), CLAIMS_HEADER);
    assert_eq!(first_line(&out.join("findings.csv")), FINDINGS_HEADER);
}

#[test]
fn empty_and_binary_files_are_named_and_skipped() {
    let tmp = TempDir::new();
    let good = tmp.file("good.txt", GOOD_TEXT.as_bytes());
    let empty = tmp.file("empty.txt", b"");
    let binary = tmp.file(
        "image.bin",
        &[
            0x89, b'P', b'N', b'G', 0, 0, 0, 0x0d, 0xff, 0xfe, 0, 1, 2, 3,
        ],
    );
    let out = tmp.path().join("out");
    let o = check(&[&empty, &binary, &good], &out);
    let err = stderr(&o);
    assert_ne!(
        o.status.code(),
        Some(2),
        "bad files alone must not fail the run: {err}"
    );
    assert!(err.contains("empty.txt"), "empty file named: {err}");
    assert!(err.contains("image.bin"), "binary file named: {err}");
    let claims = std::fs::read_to_string(out.join("claims.csv")).expect("claims.csv");
    assert!(
        !claims.contains("image.bin"),
        "no claims from a binary file: {claims}"
    );
}

#[test]
fn output_headers_are_exact() {
    let tmp = TempDir::new();
    let good = tmp.file("good.txt", GOOD_TEXT.as_bytes());
    let out = tmp.path().join("out");
    let o = check(&[&good], &out);
    assert_ne!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(first_line(&out.join("claims.csv")), CLAIMS_HEADER);
    assert_eq!(first_line(&out.join("findings.csv")), FINDINGS_HEADER);
}

#[test]
fn two_runs_write_byte_identical_outputs() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let tmp = TempDir::new();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    let first = check(&[&seeds], &a);
    let second = check(&[&seeds], &b);
    assert_ne!(first.status.code(), Some(2), "{}", stderr(&first));
    assert_eq!(first.status.code(), second.status.code());
    for name in ["claims.csv", "findings.csv"] {
        let x = std::fs::read(a.join(name)).expect("first output");
        let y = std::fs::read(b.join(name)).expect("second output");
        assert!(x == y, "{name} differs between two runs");
    }
    assert_eq!(
        stderr(&first),
        stderr(&second),
        "diagnostics differ between two runs"
    );
}

#[test]
fn an_output_path_that_is_a_file_is_a_run_failure() {
    let tmp = TempDir::new();
    let good = tmp.file("good.txt", GOOD_TEXT.as_bytes());
    let blocker = tmp.file("blocker", b"not a folder");
    let o = check(&[&good], &blocker.join("out"));
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("blocker"), "{}", stderr(&o));
}

#[test]
fn no_path_is_a_usage_error() {
    let tmp = TempDir::new();
    let o = claimcheck(&["check".as_ref(), "--out".as_ref(), tmp.path().as_os_str()]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
}

#[test]
fn only_unreadable_inputs_is_a_run_failure() {
    let tmp = TempDir::new();
    let o = check(&[&tmp.path().join("missing.txt")], &tmp.path().join("out"));
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("missing.txt"), "{}", stderr(&o));
}

#[test]
fn an_unreadable_rules_folder_is_a_run_failure() {
    let tmp = TempDir::new();
    let good = tmp.file("good.txt", GOOD_TEXT.as_bytes());
    let rules = tmp.path().join("no_rules_here");
    let out = tmp.path().join("out");
    let o = claimcheck(&[
        "check".as_ref(),
        good.as_os_str(),
        "--out".as_ref(),
        out.as_os_str(),
        "--rules".as_ref(),
        rules.as_os_str(),
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("no_rules_here"), "{}", stderr(&o));
}

#[test]
fn a_contradiction_exits_1_with_a_diagnostic_and_a_correct_text_exits_0() {
    let tmp = TempDir::new();
    let wrong = tmp.file("wrong.txt", "鸡蛋价格由每斤5.2元上涨至6.5元，涨幅达35%。\n".as_bytes());
    let right = tmp.file("right.txt", "鸡蛋价格由每斤5.2元上涨至6.5元，涨幅达25%。\n".as_bytes());
    let o = check(&[&wrong], &tmp.path().join("out1"));
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    // The diagnostic names the rule, the file and line, and quotes the figure.
    let err = stderr(&o);
    assert!(err.contains("percent_change") && err.contains("wrong.txt:1") && err.contains("35%"), "{err}");
    let o = check(&[&right], &tmp.path().join("out2"));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn outside_the_project_the_built_in_rules_still_run() {
    let tmp = TempDir::new();
    let wrong = tmp.file("wrong.txt", "门票收入从120万元增至150万元，增长20%。\n".as_bytes());
    let o = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(["check".as_ref(), wrong.as_os_str(), "--out".as_ref(), tmp.path().join("out").as_os_str()])
        .current_dir(tmp.path())
        .output()
        .expect("run claimcheck");
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
}
