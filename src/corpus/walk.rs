//! From the paths a user names to the files to read.
//!
//! Folders are walked the way a user's tools see them: hidden entries,
//! `.gitignore` (even outside a git repository) and `.crosscheckignore` are
//! honoured, and only report formats are read, minus the README and friends
//! that a corpus folder carries. A file named explicitly is always read.

use std::collections::HashSet;
use std::fs;
use std::path::{Component, Path, PathBuf};

use ignore::WalkBuilder;

use super::position::{START, reject};
use super::{Format, Rejection, Source, io_reason};

/// A gitignore-syntax file for leaving parts of a corpus folder out.
pub const IGNORE_FILE: &str = ".crosscheckignore";

/// File stems (any case) of a folder's own documentation, never reports.
const NOT_REPORTS: [&str; 5] = ["README", "LICENSE", "LICENCE", "CHANGELOG", "CONTRIBUTING"];

/// One thing to read, or the reason a named path cannot be.
#[derive(Debug, Clone)]
pub(super) enum Input {
    File { file: PathBuf, source: Source },
    Stdin,
    Unreadable(Rejection),
}

impl Input {
    /// The name it is reported under, which orders the corpus.
    fn shown(&self) -> &str {
        match self {
            Input::File { source, .. } => &source.path,
            Input::Stdin => "<stdin>",
            Input::Unreadable(rejection) => &rejection.path,
        }
    }
}

/// What makes two inputs the same.
#[derive(Debug, PartialEq, Eq, Hash)]
enum Seen {
    File(PathBuf),
    Stdin,
    Rejection(String),
}

/// Every input under `paths`, each once, sorted by the path it is shown as.
pub(super) fn inputs(paths: &[PathBuf]) -> Vec<Input> {
    let mut inputs = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        let shown = show(path);
        match fs::metadata(path) {
            Err(error) => inputs.push(Input::Unreadable(reject(&shown, START, io_reason(&error)))),
            Ok(meta) if meta.is_dir() => walk(path, &shown, &mut inputs),
            Ok(_) => {
                // Named on purpose: read whatever it is, as text if nothing else.
                let format = Format::of(path).unwrap_or(Format::Text);
                let source = Source {
                    path: shown,
                    folder: None,
                    format,
                };
                inputs.push(Input::File {
                    file: path.clone(),
                    source,
                });
            }
        }
    }
    // A file named twice, or named and also inside a named folder, is read
    // once (its first mention wins), or its ids would all clash with themselves.
    let mut seen = HashSet::new();
    inputs.retain(|input| {
        let key = match input {
            Input::File { file, .. } => {
                Seen::File(fs::canonicalize(file).unwrap_or_else(|_| file.clone()))
            }
            Input::Stdin => Seen::Stdin,
            Input::Unreadable(rejection) => Seen::Rejection(rejection.to_string()),
        };
        seen.insert(key)
    });
    inputs.sort_by(|a, b| Path::new(a.shown()).cmp(Path::new(b.shown())));
    inputs
}

fn walk(root: &Path, shown: &str, inputs: &mut Vec<Input>) {
    let walker = WalkBuilder::new(root)
        .hidden(true)
        .git_ignore(true)
        .require_git(false)
        // A corpus reads the same on every machine: no per-user ignore rules.
        .git_global(false)
        .add_custom_ignore_filename(IGNORE_FILE)
        .sort_by_file_path(Path::cmp)
        .build();
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                walk_rejections(root, shown, &error, None, 1, inputs);
                continue;
            }
        };
        // A bad line in an ignore file comes attached to its folder's entry.
        if let Some(error) = entry.error() {
            walk_rejections(root, shown, error, None, 1, inputs);
        }
        let path = entry.path();
        let is_file = entry
            .file_type()
            .is_some_and(|t| t.is_file() || (t.is_symlink() && path.is_file()));
        if !is_file || is_documentation(path) {
            continue;
        }
        let Some(format) = Format::of(path) else {
            continue;
        };
        let relative = path.strip_prefix(root).unwrap_or(path);
        let folder = relative
            .parent()
            .map(slashed)
            .filter(|folder| !folder.is_empty());
        let source = Source {
            path: below(shown, relative),
            folder,
            format,
        };
        inputs.push(Input::File {
            file: path.to_path_buf(),
            source,
        });
    }
}

fn is_documentation(path: &Path) -> bool {
    let stem = path
        .file_stem()
        .map(|stem| stem.to_string_lossy())
        .unwrap_or_default();
    NOT_REPORTS
        .iter()
        .any(|name| stem.eq_ignore_ascii_case(name))
}

/// The walk's complaints (an unreadable folder, a bad `.gitignore` line) as
/// rejections at the path and line they name.
fn walk_rejections(
    root: &Path,
    shown: &str,
    error: &ignore::Error,
    path: Option<&Path>,
    line: u64,
    inputs: &mut Vec<Input>,
) {
    let mut push = |reason: String| {
        let path = path.map_or_else(|| shown.to_owned(), |path| shown_below(root, shown, path));
        let at = super::Position {
            line: u32::try_from(line).unwrap_or(u32::MAX),
            column: 1,
        };
        inputs.push(Input::Unreadable(reject(&path, at, reason)));
    };
    match error {
        ignore::Error::Partial(errors) => {
            for error in errors {
                walk_rejections(root, shown, error, path, line, inputs);
            }
        }
        ignore::Error::WithPath { path, err } => {
            walk_rejections(root, shown, err, Some(path), line, inputs)
        }
        ignore::Error::WithLineNumber { line, err } => {
            walk_rejections(root, shown, err, path, *line, inputs)
        }
        ignore::Error::WithDepth { err, .. } => {
            walk_rejections(root, shown, err, path, line, inputs)
        }
        ignore::Error::Io(error) => push(io_reason(error)),
        other => push(other.to_string()),
    }
}

/// A path found under `root`, shown under the name the user gave `root`.
fn shown_below(root: &Path, shown: &str, path: &Path) -> String {
    match path.strip_prefix(root) {
        Ok(relative) => below(shown, relative),
        Err(_) => show(path),
    }
}

/// `relative` joined to the shown root with `/`.
fn below(shown: &str, relative: &Path) -> String {
    let relative = slashed(relative);
    match (shown.ends_with('/'), relative.is_empty()) {
        (_, true) => shown.to_owned(),
        (true, false) => format!("{shown}{relative}"),
        (false, false) => format!("{shown}/{relative}"),
    }
}

/// A path as the user wrote it, with `/` between components on every platform.
fn show(path: &Path) -> String {
    let shown = path.to_string_lossy();
    if std::path::MAIN_SEPARATOR == '/' {
        shown.into_owned()
    } else {
        shown.replace(std::path::MAIN_SEPARATOR, "/")
    }
}

/// A relative path's components joined with `/`.
fn slashed(relative: &Path) -> String {
    let parts: Vec<_> = relative
        .components()
        .filter_map(|component| match component {
            Component::Normal(part) => Some(part.to_string_lossy()),
            _ => None,
        })
        .collect();
    parts.join("/")
}
