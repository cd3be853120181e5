//! Stage 1, ingest: bytes on disk → `Document`.
//!
//! Input: a path (or bytes and a display name). Output: a `Document` holding the decoded
//! original text and a normalised view (`text`) for matching, plus a map from every char of
//! the normalised view back to the original. Invariant: every char of `text` maps to a
//! non-empty range of `original`, and those ranges are disjoint and in increasing order
//! (chars dropped by the normaliser, such as pinyin glosses, simply own no char of `text`).
//!
//! Decoding is detected per file: a BOM wins (UTF-8, UTF-16LE/BE); then UTF-8 if the bytes
//! are valid UTF-8; then chardetng's guess if it is a multibyte encoding, then GBK (decodes
//! all of GB18030) and Big5, each decoded strictly. A decoder that would have to insert U+FFFD
//! makes the file an error that names the first bad byte: a half-decoded article would give
//! wrong numbers, not missing ones. Single-byte legacy encodings are never guessed, because
//! they decode any bytes at all and so could never reject garbage.
//!
//! The normalised view, char by char (each step maps one char to one char or drops it):
//! - `\r\n` and a lone `\r` become `\n`;
//! - HTML entities (`&nbsp;`, `&amp;`, `&#37;`, `&#x25;`, `&yen;`, `&times;`, …) become their
//!   char; unknown ones stay as they are;
//! - full-width ASCII becomes ASCII (`１２．５％` → `12.5%`, `（` → `(`, `：` → `:`), except the
//!   Chinese clause and sentence marks `，` `；` `！` `？` (and `。`, which is not full-width ASCII);
//!   NBSP, U+3000 and the other wide spaces become ` `; hyphens and U+2212 minus become `-`;
//!   zero-width chars and soft hyphens are dropped;
//! - scraped pinyin glosses (`數(shù)`) are dropped;
//! - thousands commas are dropped (`4,512萬` → `4512萬`), list commas stay (`1,2,3`);
//! - an en/em dash between two numbers becomes `-`, a wave dash `〜` becomes `~`;
//! - traditional chars are folded to simplified (`萬` → `万`), only where zhconv keeps the
//!   char count, so nothing shifts.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use encoding_rs::{DecoderResult, Encoding};

/// Largest input accepted: offsets in the map are `u32` to keep it at 12 bytes per char.
const MAX_DOC_BYTES: usize = u32::MAX as usize;

#[derive(Debug, Clone)]
pub struct Document {
    /// Display name: the path relative to the folder given, or the file name.
    pub name: String,
    /// Decoded text exactly as in the file (BOM removed, CRLF kept).
    pub original: String,
    /// Encoding the file was decoded from (`UTF-8`, `GBK`, `Big5`, `UTF-16LE`, …).
    pub encoding: &'static str,
    /// Normalised view for matching (see the module docs); offsets into it map back with
    /// [`Document::original_range`] and [`Document::line_col`].
    pub text: String,
    /// Where each char of `text` came from, and where the original lines start.
    map: OffsetMap,
}

impl Document {
    /// Build a document from already-decoded text (a leading BOM is removed).
    ///
    /// Text longer than 4 GiB cannot be mapped; it gets an empty normalised view.
    pub fn from_text(name: &str, original: String) -> Document {
        let original = match original.strip_prefix('\u{feff}') {
            Some(rest) => rest.to_string(),
            None => original,
        };
        let (text, spans) = if original.len() <= MAX_DOC_BYTES {
            normalise(&original)
        } else {
            (String::new(), Vec::new())
        };
        let (line_starts, column_checkpoints) = line_index(&original);
        Document {
            name: name.to_string(),
            original,
            encoding: "UTF-8",
            text,
            map: OffsetMap { spans, line_starts, column_checkpoints },
        }
    }

    /// Decode `bytes` (encoding detected, see the module docs) and normalise them.
    pub fn from_bytes(name: &str, bytes: &[u8]) -> Result<Document, IngestError> {
        let (original, encoding) = decode(bytes).map_err(|e| e.into_error(PathBuf::from(name)))?;
        let mut doc = Document::from_text(name, original);
        doc.encoding = encoding;
        Ok(doc)
    }

    /// Byte range in `original` of the normalised byte range `norm`: from the start of the
    /// first char touched to the end of the last one, so anything dropped in between (a
    /// gloss, a thousands comma, a `\r`) is inside. An empty range maps to an empty range.
    /// Offsets past the end are clamped; offsets inside a char count as that char.
    pub fn original_range(&self, norm: Range<usize>) -> Range<usize> {
        let spans = &self.map.spans;
        let first = self.span_index(norm.start);
        let start = spans.get(first).map_or(self.original.len(), |s| s.orig_start as usize);
        if norm.end <= norm.start || first >= spans.len() {
            return start..start;
        }
        let last = self.span_index(norm.end - 1).min(spans.len() - 1);
        start..(spans[last].orig_end as usize).max(start)
    }

    /// The original text of the normalised byte range `norm` (what a quote shows).
    pub fn quote(&self, norm: Range<usize>) -> &str {
        let range = self.original_range(norm);
        self.original.get(range).unwrap_or("")
    }

    /// 1-based line and 1-based char column in the original of normalised byte offset `norm`.
    /// A line ends at `\n`, at `\r\n` or at a lone `\r`. Past the end: the end of the text.
    pub fn line_col(&self, norm: usize) -> (usize, usize) {
        let spans = &self.map.spans;
        let orig =
            spans.get(self.span_index(norm)).map_or(self.original.len(), |s| s.orig_start as usize);
        self.original_line_col(orig)
    }

    /// 1-based line and char column of byte offset `orig` of the original text.
    pub fn original_line_col(&self, orig: usize) -> (usize, usize) {
        let starts = &self.map.line_starts;
        let mut orig = orig.min(self.original.len());
        while !self.original.is_char_boundary(orig) {
            orig -= 1;
        }
        // line_starts[0] is 0, so the partition point is at least 1.
        let line = starts.partition_point(|&s| s as usize <= orig);
        let line_start = starts[line - 1] as usize;
        // Count chars from the last checkpoint of this line, or from the line start.
        let checkpoints = &self.map.column_checkpoints;
        let (from, from_col) = match checkpoints.partition_point(|&(b, _)| b as usize <= orig) {
            0 => (line_start, 1),
            i if checkpoints[i - 1].0 as usize >= line_start => {
                (checkpoints[i - 1].0 as usize, checkpoints[i - 1].1 as usize)
            }
            _ => (line_start, 1),
        };
        (line, from_col + self.original[from..orig].chars().count())
    }

    /// Number of lines of the original (an empty last line after a final newline counts,
    /// as in `text.split('\n')`).
    pub fn line_count(&self) -> usize {
        self.map.line_starts.len()
    }

    /// Original text of 1-based line `line`, without its line ending.
    pub fn line_text(&self, line: usize) -> Option<&str> {
        let starts = &self.map.line_starts;
        let start = *starts.get(line.checked_sub(1)?)? as usize;
        let end = starts.get(line).map_or(self.original.len(), |&s| s as usize);
        let text = &self.original[start..end];
        let text = text.strip_suffix('\n').unwrap_or(text);
        Some(text.strip_suffix('\r').unwrap_or(text))
    }

    /// Index of the span holding normalised byte `norm` (`spans.len()` past the end).
    fn span_index(&self, norm: usize) -> usize {
        let spans = &self.map.spans;
        if norm >= self.text.len() {
            return spans.len();
        }
        // The last span starting at or before `norm`.
        spans.partition_point(|s| s.norm as usize <= norm).saturating_sub(1)
    }
}

/// One char of the normalised view: its byte offset there, and the original bytes it stands for.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Span {
    norm: u32,
    orig_start: u32,
    orig_end: u32,
}

#[derive(Clone, Default)]
struct OffsetMap {
    spans: Vec<Span>,
    /// Byte offset in the original where each line starts; the first is 0.
    line_starts: Vec<u32>,
    /// (byte offset, 1-based column) of every 1024th char of a line, in byte order.
    column_checkpoints: Vec<(u32, u32)>,
}

impl fmt::Debug for OffsetMap {
    // The map has one entry per char: printing it would drown any debug output.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "OffsetMap {{ {} chars, {} lines }}", self.spans.len(), self.line_starts.len())
    }
}

/// Chars between column checkpoints inside a long line.
const COLUMN_CHECKPOINT_EVERY: u32 = 1024;

/// Line starts, and column checkpoints so that a column costs at most
/// `COLUMN_CHECKPOINT_EVERY` chars of counting even on a line megabytes long.
fn line_index(original: &str) -> (Vec<u32>, Vec<(u32, u32)>) {
    let bytes = original.as_bytes();
    let mut starts = vec![0u32];
    let mut checkpoints = Vec::new();
    let mut chars_in_line = 0u32;
    for (i, &b) in bytes.iter().enumerate() {
        let char_start = b & 0xc0 != 0x80;
        if char_start {
            if chars_in_line > 0 && chars_in_line % COLUMN_CHECKPOINT_EVERY == 0 {
                checkpoints.push((i.min(MAX_DOC_BYTES) as u32, chars_in_line + 1));
            }
            chars_in_line += 1;
        }
        let ends_line = b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
        if ends_line {
            starts.push((i + 1).min(MAX_DOC_BYTES) as u32);
            chars_in_line = 0;
        }
    }
    (starts, checkpoints)
}

// ---------------------------------------------------------------------------------------------
// Errors

#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("{}: cannot read: {message}", path.display())]
    Io { path: PathBuf, message: String },
    #[error("{}: no such file or folder", path.display())]
    NotFound { path: PathBuf },
    #[error("{}: empty file", path.display())]
    Empty { path: PathBuf },
    #[error("{}: binary file ({what} at byte offset {offset})", path.display())]
    Binary { path: PathBuf, offset: usize, what: String },
    #[error("{}: cannot decode as {encoding}: bad byte at offset {offset}", path.display())]
    Undecodable { path: PathBuf, encoding: &'static str, offset: usize },
    #[error("{}: too large ({size} bytes; at most 4 GiB)", path.display())]
    TooLarge { path: PathBuf, size: usize },
    /// A later stage failed on this document (a bug): it is reported and skipped, the rest
    /// of the batch still runs.
    #[error("{}: internal error, document skipped: {message}", path.display())]
    Internal { path: PathBuf, message: String },
}

impl IngestError {
    /// The file or path the error is about.
    pub fn path(&self) -> &Path {
        match self {
            IngestError::Io { path, .. }
            | IngestError::Internal { path, .. }
            | IngestError::NotFound { path }
            | IngestError::Empty { path }
            | IngestError::Binary { path, .. }
            | IngestError::Undecodable { path, .. }
            | IngestError::TooLarge { path, .. } => path,
        }
    }

    /// Byte offset in the file of the first bad byte, for decoding errors.
    pub fn offset(&self) -> Option<usize> {
        match self {
            IngestError::Binary { offset, .. } | IngestError::Undecodable { offset, .. } => {
                Some(*offset)
            }
            _ => None,
        }
    }
}

/// A decoding failure before we know which name to blame.
enum DecodeError {
    Empty,
    TooLarge(usize),
    Binary { offset: usize, what: String },
    Undecodable { encoding: &'static str, offset: usize },
}

impl DecodeError {
    fn offset(&self) -> usize {
        match self {
            DecodeError::Binary { offset, .. } | DecodeError::Undecodable { offset, .. } => *offset,
            DecodeError::Empty | DecodeError::TooLarge(_) => 0,
        }
    }

    fn into_error(self, path: PathBuf) -> IngestError {
        match self {
            DecodeError::Empty => IngestError::Empty { path },
            DecodeError::TooLarge(size) => IngestError::TooLarge { path, size },
            DecodeError::Binary { offset, what } => IngestError::Binary { path, offset, what },
            DecodeError::Undecodable { encoding, offset } => {
                IngestError::Undecodable { path, encoding, offset }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Reading and decoding

pub fn read_document(path: &Path, name: &str) -> Result<Document, IngestError> {
    let bytes = std::fs::read(path).map_err(|e| io_error(path, e))?;
    let (original, encoding) = decode(&bytes).map_err(|e| e.into_error(path.to_path_buf()))?;
    let mut doc = Document::from_text(name, original);
    doc.encoding = encoding;
    Ok(doc)
}

fn io_error(path: &Path, e: std::io::Error) -> IngestError {
    if e.kind() == std::io::ErrorKind::NotFound {
        IngestError::NotFound { path: path.to_path_buf() }
    } else {
        IngestError::Io { path: path.to_path_buf(), message: e.to_string() }
    }
}

fn decode(bytes: &[u8]) -> Result<(String, &'static str), DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    if bytes.len() > MAX_DOC_BYTES {
        return Err(DecodeError::TooLarge(bytes.len()));
    }
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let text = decode_strict(encoding, &bytes[bom_len..], bom_len)?;
        return finish_decoded(text, encoding, bom_len);
    }
    if let Some(encoding) = sniff_utf16_without_bom(bytes) {
        if let Ok(text) = decode_strict(encoding, bytes, 0) {
            return finish_decoded(text, encoding, 0);
        }
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(DecodeError::Binary { offset, what: "NUL byte".into() });
    }
    check_control_bytes(bytes)?;
    let utf8_error = match std::str::from_utf8(bytes) {
        Ok(text) => return Ok((text.to_string(), "UTF-8")),
        Err(e) => e.valid_up_to(),
    };
    if mostly_utf8(bytes) {
        // A few broken sequences in UTF-8 text: another encoding would only turn the whole
        // file into mojibake, so report the first broken byte instead.
        return Err(DecodeError::Undecodable { encoding: "UTF-8", offset: utf8_error });
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(None, chardetng::Utf8Detection::Deny);
    // Single-byte encodings decode any bytes at all, so they could never report a bad byte:
    // only multibyte guesses are trusted, then the two Chinese legacy encodings are tried.
    let mut candidates = vec![encoding_rs::GBK, encoding_rs::BIG5];
    if !guess.is_single_byte() && !candidates.contains(&guess) {
        candidates.insert(0, guess);
    } else if guess == encoding_rs::BIG5 {
        candidates.reverse();
    }
    let mut furthest = DecodeError::Undecodable { encoding: "UTF-8", offset: utf8_error };
    for encoding in candidates {
        match decode_strict(encoding, bytes, 0) {
            Ok(text) => return Ok((text, encoding.name())),
            // Blame the reading that got furthest: that is most likely what the file is.
            Err(e) if e.offset() > furthest.offset() => furthest = e,
            Err(_) => {}
        }
    }
    Err(furthest)
}

/// After a BOM or UTF-16 decode: reject an empty result, or one holding a NUL or more than
/// a stray few control chars (the same test [`check_control_bytes`] makes on raw bytes).
fn finish_decoded(
    text: String,
    encoding: &'static Encoding,
    bom_len: usize,
) -> Result<(String, &'static str), DecodeError> {
    if text.is_empty() {
        return Err(DecodeError::Empty);
    }
    let is_control = |c: char| c < ' ' && !matches!(c, '\t' | '\n' | '\r' | '\u{b}' | '\u{c}');
    let controls = text.chars().filter(|&c| is_control(c)).count();
    let nul = text.find('\0');
    let bad = match nul {
        Some(pos) => Some(pos),
        None if controls > (text.len() / 100).max(1) => text.find(is_control),
        None => None,
    };
    if let Some(pos) = bad {
        let offset = if encoding == encoding_rs::UTF_8 {
            bom_len + pos
        } else {
            bom_len + 2 * text[..pos].encode_utf16().count()
        };
        let what = match nul {
            Some(_) => "NUL char".to_string(),
            None => {
                format!("control char U+{:04X}", text[pos..].chars().next().unwrap_or(' ') as u32)
            }
        };
        return Err(DecodeError::Binary { offset, what });
    }
    Ok((text, encoding.name()))
}

/// Decode without replacement; `base` is added to the offset of a bad byte.
fn decode_strict(
    encoding: &'static Encoding,
    src: &[u8],
    base: usize,
) -> Result<String, DecodeError> {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let capacity = decoder
        .max_utf8_buffer_length_without_replacement(src.len())
        .ok_or(DecodeError::TooLarge(src.len()))?;
    let mut out = String::with_capacity(capacity);
    let mut pos = 0;
    loop {
        let (result, read) =
            decoder.decode_to_string_without_replacement(&src[pos..], &mut out, true);
        pos += read;
        match result {
            DecoderResult::InputEmpty => return Ok(out),
            DecoderResult::Malformed(bad_len, after) => {
                let offset = pos.saturating_sub(bad_len as usize + after as usize);
                return Err(DecodeError::Undecodable {
                    encoding: encoding.name(),
                    offset: base + offset,
                });
            }
            // Cannot happen with the worst-case capacity, but stay safe: grow and go on.
            DecoderResult::OutputFull => out.reserve(src.len() - pos + 16),
        }
    }
}

/// UTF-16 without a BOM shows up as NUL in every other byte of its ASCII text.
fn sniff_utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 4 || bytes.len() % 2 != 0 {
        return None;
    }
    let pairs = bytes.len() / 2;
    let nul_even = bytes.iter().step_by(2).filter(|&&b| b == 0).count();
    let nul_odd = bytes.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    if nul_odd == 0 && nul_even * 3 >= pairs {
        Some(encoding_rs::UTF_16BE)
    } else if nul_even == 0 && nul_odd * 3 >= pairs {
        Some(encoding_rs::UTF_16LE)
    } else {
        None
    }
}

/// Control bytes other than tab, line breaks and form feed are binary data when there are
/// more than a stray few. In UTF-8, GBK and Big5 no byte below 0x20 is part of a multibyte char.
fn check_control_bytes(bytes: &[u8]) -> Result<(), DecodeError> {
    let is_control = |b: u8| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0b | 0x0c);
    let count = bytes.iter().filter(|&&b| is_control(b)).count();
    if count > (bytes.len() / 100).max(1) {
        let offset = bytes.iter().position(|&b| is_control(b)).unwrap_or(0);
        let what = format!("control byte 0x{:02x}", bytes[offset]);
        return Err(DecodeError::Binary { offset, what });
    }
    Ok(())
}

/// True when the valid multibyte UTF-8 chars far outnumber the broken sequences.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let count_multibyte = |valid: &[u8]| valid.iter().filter(|&&b| b >= 0xc0).count();
    let mut rest = bytes;
    let (mut multibyte, mut broken) = (0usize, 0usize);
    loop {
        match std::str::from_utf8(rest) {
            Ok(_) => {
                multibyte += count_multibyte(rest);
                break;
            }
            Err(e) => {
                let valid = e.valid_up_to();
                multibyte += count_multibyte(&rest[..valid]);
                broken += 1;
                match e.error_len() {
                    Some(len) => rest = &rest[valid + len..],
                    None => break,
                }
            }
        }
    }
    multibyte >= 8 * broken.max(1)
}

// ---------------------------------------------------------------------------------------------
// Collecting inputs

/// Every input file under `paths`, as (path, display name), folders walked recursively in
/// sorted order. Names starting with `.` inside a folder are skipped, and so are symlinked
/// folders (a link loop would never end). A missing path is an error entry; the other paths
/// still run.
pub fn collect_inputs(paths: &[PathBuf]) -> Vec<Result<(PathBuf, String), IngestError>> {
    let mut out = Vec::new();
    for path in paths {
        match std::fs::metadata(path) {
            Err(e) => out.push(Err(io_error(path, e))),
            Ok(meta) if meta.is_dir() => walk_folder(path, "", &mut out),
            Ok(_) => {
                let name = path.file_name().map_or_else(
                    || path.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                );
                out.push(Ok((path.clone(), name)));
            }
        }
    }
    out
}

fn walk_folder(dir: &Path, prefix: &str, out: &mut Vec<Result<(PathBuf, String), IngestError>>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => return out.push(Err(io_error(dir, e))),
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        if file_name.starts_with('.') {
            continue;
        }
        let path = entry.path();
        let name = format!("{prefix}{file_name}");
        let Ok(file_type) = entry.file_type() else { continue };
        if file_type.is_dir() {
            walk_folder(&path, &format!("{name}/"), out);
        } else if file_type.is_symlink() {
            match std::fs::metadata(&path) {
                Ok(meta) if meta.is_file() => out.push(Ok((path, name))),
                Ok(_) => {}
                Err(e) => out.push(Err(io_error(&path, e))),
            }
        } else {
            out.push(Ok((path, name)));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Normalising

/// One char of the view being built, with the original byte range it stands for.
#[derive(Clone, Copy, Debug)]
struct Unit {
    ch: char,
    start: u32,
    end: u32,
}

/// The normalised view of `original` and, for each of its chars, where it came from.
///
/// Steps, in order: line ends, HTML entities and width/space variants (one scan); pinyin
/// glosses dropped; thousands separators dropped; dashes between numbers; traditional
/// folded to simplified. Each step maps chars one to one or drops them, so the map stays exact.
fn normalise(original: &str) -> (String, Vec<Span>) {
    let mut units = scan_units(original);
    drop_pinyin_glosses(&mut units);
    drop_thousands_separators(&mut units);
    map_dashes_between_numbers(&mut units);
    fold_traditional(&mut units);

    let mut text = String::with_capacity(original.len());
    let mut spans = Vec::with_capacity(units.len());
    for u in &units {
        spans.push(Span { norm: text.len() as u32, orig_start: u.start, orig_end: u.end });
        text.push(u.ch);
    }
    (text, spans)
}

/// First scan: CRLF and lone CR become `\n`, known HTML entities become their char, and
/// width/space variants are mapped by [`map_char`].
fn scan_units(original: &str) -> Vec<Unit> {
    let bytes = original.as_bytes();
    let mut units = Vec::with_capacity(original.len() / 2);
    let mut chars = original.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let (ch, end) = match c {
            '\r' => {
                if bytes.get(i + 1) == Some(&b'\n') {
                    chars.next();
                    ('\n', i + 2)
                } else {
                    ('\n', i + 1)
                }
            }
            '&' => match parse_entity(&original[i..]) {
                Some((decoded, len)) => {
                    // Skip the rest of the entity.
                    while chars.peek().is_some_and(|&(j, _)| j < i + len) {
                        chars.next();
                    }
                    (decoded, i + len)
                }
                None => ('&', i + 1),
            },
            _ => (c, i + c.len_utf8()),
        };
        if let Some(ch) = map_char(ch) {
            units.push(Unit { ch, start: i as u32, end: end as u32 });
        }
    }
    units
}

/// Width and space variants to their plain form; `None` drops the char (invisible ones).
///
/// Full-width ASCII (U+FF01..U+FF5E) becomes ASCII, except the Chinese clause and sentence
/// marks `，` `；` `！` `？`, which stay so that the extractor can split on them.
fn map_char(c: char) -> Option<char> {
    let mapped = match c {
        '，' | '；' | '！' | '？' => c,
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        '\u{ffe0}' => '¢',
        '\u{ffe1}' => '£',
        '\u{ffe5}' => '¥',
        '\u{ffe6}' => '₩',
        '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' => ' ',
        // Hyphens and the minus sign: scraped text writes `GPT‑4` and `−5%` with them.
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2212}' => '-',
        // Invisible: zero-width space/joiners, word joiner, BOM inside text, soft hyphen.
        '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}' => return None,
        _ => c,
    };
    Some(mapped)
}

/// `&name;`, `&#NNN;` or `&#xHH;` at the start of `s`: the char and the entity's byte length.
/// Unknown names and control chars are not decoded.
fn parse_entity(s: &str) -> Option<(char, usize)> {
    let semi = s.as_bytes().iter().take(12).position(|&b| b == b';')?;
    let body = &s[1..semi];
    let ch = if let Some(num) = body.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) if !hex.is_empty() && hex.len() <= 6 => u32::from_str_radix(hex, 16).ok()?,
            Some(_) => return None,
            None if !num.is_empty()
                && num.len() <= 7
                && num.bytes().all(|b| b.is_ascii_digit()) =>
            {
                num.parse().ok()?
            }
            None => return None,
        };
        let ch = char::from_u32(code)?;
        if ch.is_control() && ch != '\t' && ch != '\n' {
            return None;
        }
        ch
    } else {
        named_entity(body)?
    };
    Some((ch, semi + 1))
}

fn named_entity(name: &str) -> Option<char> {
    let ch = match name {
        "nbsp" => '\u{a0}',
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "yen" => '¥',
        "euro" => '€',
        "pound" => '£',
        "cent" => '¢',
        "times" => '×',
        "divide" => '÷',
        "middot" => '·',
        "bull" => '•',
        "mdash" => '—',
        "ndash" => '–',
        "minus" => '−',
        "hellip" => '…',
        "ldquo" => '“',
        "rdquo" => '”',
        "lsquo" => '‘',
        "rsquo" => '’',
        "laquo" => '«',
        "raquo" => '»',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "deg" => '°',
        "plusmn" => '±',
        "permil" => '‰',
        "micro" => 'µ',
        "sup1" => '¹',
        "sup2" => '²',
        "sup3" => '³',
        "frac12" => '½',
        "frac14" => '¼',
        "frac34" => '¾',
        "le" => '≤',
        "ge" => '≥',
        "ne" => '≠',
        "asymp" => '≈',
        "infin" => '∞',
        "sect" => '§',
        "para" => '¶',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        "thinsp" => '\u{2009}',
        "shy" => '\u{ad}',
        "zwsp" => '\u{200b}',
        _ => return None,
    };
    Some(ch)
}

fn is_cjk_ideograph(c: char) -> bool {
    matches!(c,
        '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}'
        | '\u{20000}'..='\u{2fa1f}' | '\u{30000}'..='\u{3134f}')
}

/// Drops scraped pinyin glosses such as `數(shù)`: a parenthesis right after an ideograph
/// holding one pinyin syllable. A gloss with a tone mark always goes; a toneless one (`的(de)`)
/// only when the document has tone-marked glosses too, so `方案(a)` in plain text stays. In a
/// document with glosses, a tone-marked one after a latin letter goes as well (scraped text
/// whose ideograph was garbled into letters, `F(xiàn)`).
fn drop_pinyin_glosses(units: &mut Vec<Unit>) {
    struct Gloss {
        open: usize,
        close: usize,
        toned: bool,
        after_ideograph: bool,
    }
    let mut glosses: Vec<Gloss> = Vec::new();
    for open in 1..units.len() {
        if units[open].ch != '(' {
            continue;
        }
        let before = units[open - 1].ch;
        let after_ideograph = is_cjk_ideograph(before);
        if !(after_ideograph || before.is_alphabetic()) {
            continue;
        }
        let mut base = String::new();
        let mut toned = false;
        let mut close = None;
        for (j, u) in units.iter().enumerate().skip(open + 1).take(16) {
            if u.ch == ')' {
                close = Some(j);
                break;
            }
            match pinyin_letter(u.ch) {
                Some((letter, tone)) if base.len() < 6 || letter.is_none() => {
                    base.extend(letter);
                    toned |= tone;
                }
                _ => break,
            }
        }
        if let Some(close) = close {
            if is_pinyin_syllable(&base) {
                glosses.push(Gloss { open, close, toned, after_ideograph });
            }
        }
    }
    let has_glosses = glosses.iter().any(|g| g.toned && g.after_ideograph);
    if !has_glosses {
        return;
    }
    let mut drop = vec![false; units.len()];
    for g in glosses.iter().filter(|g| g.after_ideograph || g.toned) {
        drop[g.open..=g.close].iter_mut().for_each(|d| *d = true);
    }
    let mut i = 0;
    units.retain(|_| {
        i += 1;
        !drop[i - 1]
    });
}

/// A letter that can appear in a pinyin gloss: its toneless base (none for a combining
/// mark) and whether it carries a tone mark.
fn pinyin_letter(c: char) -> Option<(Option<char>, bool)> {
    let toned = |base: char| Some((Some(base), true));
    match c {
        'a'..='z' => Some((Some(c), false)),
        'ü' => Some((Some('v'), false)),
        'ā' | 'á' | 'ǎ' | 'à' => toned('a'),
        'ē' | 'é' | 'ě' | 'è' => toned('e'),
        'ī' | 'í' | 'ǐ' | 'ì' => toned('i'),
        'ō' | 'ó' | 'ǒ' | 'ò' => toned('o'),
        'ū' | 'ú' | 'ǔ' | 'ù' => toned('u'),
        'ǖ' | 'ǘ' | 'ǚ' | 'ǜ' => toned('v'),
        'ń' | 'ň' | 'ǹ' => toned('n'),
        'ḿ' => toned('m'),
        // Combining macron, acute, caron, grave (decomposed tone marks).
        '\u{304}' | '\u{301}' | '\u{30c}' | '\u{300}' => Some((None, true)),
        '\u{308}' => Some((None, false)),
        _ => None,
    }
}

/// Every syllable of Mandarin pinyin, toneless, `ü` written `v` (plus `lue`/`nue`).
const PINYIN_SYLLABLES: &str = "a ai an ang ao \
ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu \
pa pai pan pang pao pei pen peng pi pian piao pie pin ping po pou pu \
ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu \
fa fan fang fei fen feng fo fou fu \
da dai dan dang dao de dei den deng di dia dian diao die ding diu dong dou du duan dui dun duo \
ta tai tan tang tao te teng ti tian tiao tie ting tong tou tu tuan tui tun tuo \
na nai nan nang nao ne nei nen neng ni nian niang niao nie nin ning niu nong nou nu nuan nun nuo nv nve nue \
la lai lan lang lao le lei leng li lia lian liang liao lie lin ling liu lo long lou lu luan lun luo lv lve lue \
ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo \
ka kai kan kang kao ke kei ken keng kong kou ku kua kuai kuan kuang kui kun kuo \
ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo \
ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun \
qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun \
xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun \
zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo \
cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui chun chuo \
sha shai shan shang shao she shei shen sheng shi shou shu shua shuai shuan shuang shui shun shuo \
ra ran rang rao re ren reng ri rong rou ru rua ruan rui run ruo \
za zai zan zang zao ze zei zen zeng zi zong zou zu zuan zui zun zuo \
ca cai can cang cao ce cen ceng ci cong cou cu cuan cui cun cuo \
sa sai san sang sao se sen seng si song sou su suan sui sun suo \
ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun \
wa wai wan wang wei wen weng wo wu \
e ei en eng er o ou m n ng hm";

fn is_pinyin_syllable(s: &str) -> bool {
    static SYLLABLES: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    SYLLABLES.get_or_init(|| PINYIN_SYLLABLES.split(' ').collect()).contains(s)
}

/// Drops ASCII commas used as thousands separators: `3,860`, `4,512萬`, `1,022,362`. The
/// leading group has 1-3 digits and every later group exactly 3; a list such as `1,2,3` or
/// `2023,2024` keeps its commas (the whole run must fit, not just a tail of it).
fn drop_thousands_separators(units: &mut Vec<Unit>) {
    let digit = |units: &[Unit], i: usize| units.get(i).is_some_and(|u| u.ch.is_ascii_digit());
    let n = units.len();
    let mut drop: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < n {
        if !digit(units, i) {
            i += 1;
            continue;
        }
        let run_start = i;
        while digit(units, i) {
            i += 1;
        }
        let lead = i - run_start;
        let after_decimal_point = run_start > 0 && units[run_start - 1].ch == '.';
        let inside_list =
            run_start >= 2 && units[run_start - 1].ch == ',' && digit(units, run_start - 2);
        if lead > 3 || after_decimal_point || inside_list {
            continue;
        }
        let mut commas = Vec::new();
        let mut k = i;
        while k < n
            && units[k].ch == ','
            && (k + 1..k + 4).all(|j| digit(units, j))
            && !digit(units, k + 4)
        {
            commas.push(k);
            k += 4;
        }
        let list_continues = k < n && units[k].ch == ',' && digit(units, k + 1);
        if !commas.is_empty() && !list_continues {
            drop.extend(commas);
        }
        i = k;
    }
    if drop.is_empty() {
        return;
    }
    let mut next_drop = drop.into_iter().peekable();
    let mut index = 0;
    units.retain(|_| {
        let keep = next_drop.peek() != Some(&index);
        if !keep {
            next_drop.next();
        }
        index += 1;
        keep
    });
}

/// En/em dashes between two numbers become `-`, wave dashes `〜` become `~` (`～` already is):
/// `10–20`, `3—5年`, `三〜五`. A doubled dash `——` is punctuation and stays.
fn map_dashes_between_numbers(units: &mut [Unit]) {
    let numeric_before = |c: char| c.is_ascii_digit() || c == '%' || is_cjk_numeral(c);
    let numeric_after = |c: char| c.is_ascii_digit() || is_cjk_numeral(c);
    for i in 0..units.len() {
        let replacement = match units[i].ch {
            '\u{2013}' | '\u{2014}' => '-',
            '\u{301c}' => '~',
            _ => continue,
        };
        let before = units[..i].iter().rev().take(3).find(|u| u.ch != ' ').map(|u| u.ch);
        let after = units[i + 1..].iter().take(3).find(|u| u.ch != ' ').map(|u| u.ch);
        if before.is_some_and(numeric_before) && after.is_some_and(numeric_after) {
            units[i].ch = replacement;
        }
    }
}

fn is_cjk_numeral(c: char) -> bool {
    "〇零一二三四五六七八九十两兩百千万萬亿億".contains(c)
}

/// Traditional → simplified with zhconv's OpenCC tables. Only replacements that keep the
/// char count are applied, char by char, so every char keeps its own original range; a
/// phrase rule that changes the length is left unconverted.
fn fold_traditional(units: &mut [Unit]) {
    let source: String = units.iter().map(|u| u.ch).collect();
    let converter = zhconv::get_builtin_converter(zhconv::Variant::ZhHans);
    // Cursor: unit `unit_index` starts at byte `byte_pos` of `source`.
    let (mut unit_index, mut byte_pos) = (0usize, 0usize);
    for (start, end, target) in converter.search(&source) {
        let from = &source[start..end];
        if from == target {
            continue;
        }
        if from.chars().count() != target.chars().count() {
            continue;
        }
        while byte_pos < start {
            byte_pos += units[unit_index].ch.len_utf8();
            unit_index += 1;
        }
        for ch in target.chars() {
            byte_pos += units[unit_index].ch.len_utf8();
            units[unit_index].ch = ch;
            unit_index += 1;
        }
    }
    // zhconv keeps 於 (a surname too), but in running text it is the preposition 于
    // (相當於 → 相当于), which is what the rules' cue words are written with.
    for u in units.iter_mut().filter(|u| u.ch == '於') {
        u.ch = '于';
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> String {
        normalise(s).0
    }

    #[test]
    fn spans_are_ordered_and_cover_each_char() {
        let original = "數(shù)據(jù) 3,860萬\r\n１２．５％&nbsp;x";
        let (text, spans) = normalise(original);
        assert_eq!(text, "数据 3860万\n12.5% x");
        assert_eq!(spans.len(), text.chars().count());
        for pair in spans.windows(2) {
            assert!(pair[0].orig_end <= pair[1].orig_start);
            assert!(pair[0].norm < pair[1].norm);
        }
        assert!(spans.iter().all(|s| s.orig_start < s.orig_end));
    }

    #[test]
    fn entity_needs_semicolon_and_known_name() {
        assert_eq!(norm("AT&T &foo; &amp &#x25;"), "AT&T &foo; &amp %");
        assert_eq!(norm("&#0; &#xD800; &#99999999;"), "&#0; &#xD800; &#99999999;");
    }

    #[test]
    fn pinyin_syllable_list_is_sane() {
        for s in ["shu", "zhuang", "lv", "er", "a", "jiong"] {
            assert!(is_pinyin_syllable(s), "{s}");
        }
        for s in ["ai2", "llm", "gpu", "bv", "", "cafe"] {
            assert!(!is_pinyin_syllable(s), "{s}");
        }
    }
}
