//! Reading a file into text, with every way that can fail named.

use std::io::Read;
use std::path::Path;

/// The file as text; `body_start` skips a UTF-8 byte-order mark.
pub struct Text {
    pub text: String,
    pub body_start: usize,
}

impl Text {
    pub fn has_bom(&self) -> bool {
        self.body_start > 0
    }
}

#[derive(Debug)]
pub enum ReadProblem {
    Io(std::io::Error),
    TooLarge { size: u64, limit: u64 },
    Binary,
    Utf16,
    InvalidUtf8 { offset: usize },
}

impl ReadProblem {
    pub fn describe(&self) -> String {
        match self {
            ReadProblem::Io(e) => io_message(e),
            ReadProblem::TooLarge { size, limit } => {
                format!("the file is {}, above the {} limit; it was not linted", human_size(*size), human_size(*limit))
            }
            ReadProblem::Binary => "the file is binary (it contains NUL bytes), not JSON".into(),
            ReadProblem::Utf16 => {
                "the file is UTF-16 encoded (as PowerShell's `>` writes it); JSON must be UTF-8".into()
            }
            ReadProblem::InvalidUtf8 { offset } => {
                format!("the file is not valid UTF-8 (invalid byte at offset {offset}); JSON must be UTF-8")
            }
        }
    }
}

/// `812 bytes`, `3.4 KiB`, `100.0 MiB`.
fn human_size(bytes: u64) -> String {
    match bytes {
        0..1024 => format!("{bytes} bytes"),
        1024..1048576 => format!("{:.1} KiB", bytes as f64 / 1024.0),
        _ => format!("{:.1} MiB", bytes as f64 / 1048576.0),
    }
}

/// A readable sentence for an I/O error, including the ones `std` words tersely.
pub fn io_message(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => "no such file or directory".into(),
        PermissionDenied => "permission denied".into(),
        _ if e.raw_os_error() == Some(40) => "too many levels of symbolic links (a symlink loop?)".into(),
        _ => e.to_string(),
    }
}

/// Reads `path`, refusing files above `limit` bytes before reading them.
pub fn read_text(path: &Path, limit: u64) -> Result<Text, ReadProblem> {
    let file = std::fs::File::open(path).map_err(ReadProblem::Io)?;
    let size = file.metadata().map_err(ReadProblem::Io)?.len();
    if size > limit {
        return Err(ReadProblem::TooLarge { size, limit });
    }
    let mut bytes = Vec::with_capacity(size as usize + 1);
    file.take(limit + 1).read_to_end(&mut bytes).map_err(ReadProblem::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadProblem::TooLarge { size: bytes.len() as u64, limit });
    }
    decode(bytes)
}

/// Bytes → text: binary and invalid UTF-8 are problems; a BOM is remembered and skipped.
pub fn decode(bytes: Vec<u8>) -> Result<Text, ReadProblem> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(ReadProblem::Utf16);
    }
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Err(ReadProblem::Binary);
    }
    let text =
        String::from_utf8(bytes).map_err(|e| ReadProblem::InvalidUtf8 { offset: e.utf8_error().valid_up_to() })?;
    let body_start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    Ok(Text { text, body_start })
}

/// Cheap content sniff for files found by walking that could not be parsed: report them only
/// when they look like ECS documents, so unrelated broken JSON in a repository stays quiet.
pub fn looks_like_ecs(prefix: &[u8]) -> bool {
    const MARKERS: [&[u8]; 5] =
        [b"\"containerDefinitions\"", b"\"taskDefinition\"", b"\"taskDefinitionArn\"", b"\"essential\"", b"AWS::ECS::"];
    MARKERS.iter().any(|m| prefix.windows(m.len()).any(|w| w == *m))
}

/// Reads up to 64 KiB of a file for `looks_like_ecs`.
pub fn sniff(path: &Path) -> bool {
    let mut buf = Vec::new();
    let read = std::fs::File::open(path).and_then(|f| f.take(65536).read_to_end(&mut buf)).is_ok();
    // UTF-16 text is ASCII with NUL bytes between the characters.
    buf.retain(|&b| b != 0);
    read && looks_like_ecs(&buf)
}
