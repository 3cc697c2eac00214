//! One article or statement, as read from the corpus.

use jiff::civil::Date;
use serde::Serialize;

/// One report: an article, a readout, a statement.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub id: String,
    pub outlet: String,
    pub published: Option<Date>,
    pub title: Option<String>,
    pub url: Option<String>,
    /// The explicit event key, when the input gives one.
    pub event: Option<String>,
    pub text: String,
    #[serde(skip)]
    pub origin: Origin,
}

impl Report {
    /// The report without its text (nor where the text's characters sit in
    /// its file): what a listing of its attributions keeps once they are found.
    pub fn without_text(&self) -> Report {
        Report {
            id: self.id.clone(),
            outlet: self.outlet.clone(),
            published: self.published,
            title: self.title.clone(),
            url: self.url.clone(),
            event: self.event.clone(),
            text: String::new(),
            origin: Origin {
                layout: Layout::Verbatim,
                path: self.origin.path.clone(),
                folder: self.origin.folder.clone(),
                ..self.origin
            },
        }
    }
}

/// Where a report's text sits in its file, so that byte offsets into `text`
/// can be turned into the `line:column` of the file a person opens.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Origin {
    /// The path as the user named it (or as the walk found it); `<stdin>` for `-`.
    pub path: String,
    /// 1-based line of the file where `text` starts.
    pub line: u32,
    /// 1-based column, in characters, where `text` starts.
    pub column: u32,
    /// The folder the report was found in, relative to the folder the user named:
    /// the corpus convention of one folder per event. `None` at the top level.
    pub folder: Option<String>,
    /// How `text` is laid out in the file.
    pub layout: Layout,
}

/// How a report's text is laid out in its file.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Layout {
    /// The text is the file's bytes verbatim from `line:column` on (Markdown, plain text).
    #[default]
    Verbatim,
    /// The text was decoded from a JSON string that sits on one line of the file;
    /// the escapes say where the raw line is longer than the text.
    JsonString(Vec<Escape>),
}

/// One JSON escape inside a decoded text: at `offset` (a byte offset into the
/// decoded text) the raw line holds `extra` more characters than the text does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Escape {
    pub offset: u32,
    pub extra: u32,
}

/// A 1-based line and column (in characters) in a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Position {
    pub line: u32,
    pub column: u32,
}

impl Origin {
    /// The file position of byte `offset` of `text` (the report's text).
    /// An offset past the end or inside a character is clamped to a boundary.
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &text[..offset];
        let (line, column) = match &self.layout {
            Layout::Verbatim => match before.rfind('\n') {
                None => (
                    self.line as usize,
                    self.column as usize + before.chars().count(),
                ),
                Some(i) => (
                    self.line as usize + before.matches('\n').count(),
                    1 + before[i + 1..].chars().count(),
                ),
            },
            Layout::JsonString(escapes) => {
                let extra: usize = escapes
                    .iter()
                    .take_while(|e| (e.offset as usize) < offset)
                    .map(|e| e.extra as usize)
                    .sum();
                (
                    self.line as usize,
                    self.column as usize + before.chars().count() + extra,
                )
            }
        };
        Position {
            line: u32::try_from(line).unwrap_or(u32::MAX),
            column: u32::try_from(column).unwrap_or(u32::MAX),
        }
    }
}
