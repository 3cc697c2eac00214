//! The corpus read twice, never held: a first pass reads it batch by batch
//! and keeps each report's place; a second reads again only the reports it
//! asks for, by place, when it needs them. Standard input cannot be read
//! twice, so it is copied to a temporary file first.

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::PathBuf;
use std::sync::Arc;

use rayon::prelude::*;

use super::batches::{Batches, Batching, of_inputs};
use super::lines::Line;
use super::position::{START, reject};
use super::walk::{self, Input};
use super::{Budget, Entry, Format, Place, Rejection, Report, Source, read_file};

/// The inputs of a run read in two passes.
#[derive(Debug)]
pub struct Scan {
    inputs: Vec<Input>,
    /// Open files of JSON Lines inputs, by input number, for the second pass.
    open: Vec<Option<File>>,
    /// Copies of standard input, removed when the scan ends.
    _copies: Vec<tempfile::NamedTempFile>,
}

/// The inputs under `paths`, and the first pass over them: batches whose
/// reports come with their places (`Batches::next_placed`). No input limit:
/// neither pass holds the corpus.
pub fn scan(paths: &[PathBuf], batching: Batching) -> io::Result<(Scan, Batches)> {
    let mut stdin_copy = None;
    let mut inputs = walk::inputs(paths);
    for input in &mut inputs {
        if matches!(input, Input::Stdin) {
            let mut copy = tempfile::NamedTempFile::new()?;
            io::copy(&mut io::stdin().lock(), copy.as_file_mut())?;
            *input = Input::File {
                file: copy.path().to_path_buf(),
                source: Source {
                    path: "<stdin>".to_owned(),
                    folder: None,
                    format: Format::JsonLines,
                },
            };
            stdin_copy = Some(copy);
        }
    }
    Ok(of_scanned(
        inputs,
        stdin_copy.into_iter().collect(),
        batching,
    ))
}

/// The first pass over framed lines on standard input: `{"path":P,"line":N}`,
/// a tab, and line N of the JSON Lines file P, as the Spark job pipes in a
/// part of a corpus. Each file's lines are copied to a temporary file at
/// their own line numbers (the lines between left blank), so reports keep
/// the ids, paths, lines and columns the whole file gives them. A file's
/// lines come in order; a line that does not frame one is rejected.
pub fn scan_framed(batching: Batching) -> io::Result<(Scan, Batches)> {
    use std::collections::BTreeMap;
    use std::io::{BufRead, Write};
    #[derive(serde::Deserialize)]
    struct Frame {
        path: String,
        line: u32,
    }
    // Per file shown: its copy and the lines written so far.
    let mut copies: BTreeMap<String, (tempfile::NamedTempFile, u32)> = BTreeMap::new();
    let mut rejected = Vec::new();
    let mut stdin = io::stdin().lock();
    let mut line = Vec::new();
    let mut number = 0u32;
    loop {
        line.clear();
        if stdin.read_until(b'\n', &mut line)? == 0 {
            break;
        }
        number += 1;
        let at = super::Position {
            line: number,
            column: 1,
        };
        let tab = line.iter().position(|&b| b == b'\t');
        let frame = tab.and_then(|t| serde_json::from_slice::<Frame>(&line[..t]).ok());
        let (Some(tab), Some(frame)) = (tab, frame) else {
            rejected.push(reject(
                "<stdin>",
                at,
                "not a framed line: {\"path\":P,\"line\":N}, a tab, a line of JSON Lines",
            ));
            continue;
        };
        let (copy, written) = match copies.get_mut(&frame.path) {
            Some(entry) => entry,
            None => {
                let created = (tempfile::NamedTempFile::new()?, 0);
                copies.entry(frame.path.clone()).or_insert(created)
            }
        };
        if frame.line <= *written {
            rejected.push(reject(
                "<stdin>",
                at,
                format!(
                    "line {} of {} comes after line {written}",
                    frame.line, frame.path
                ),
            ));
            continue;
        }
        let file = copy.as_file_mut();
        let blank = vec![b'\n'; (frame.line - *written - 1) as usize];
        file.write_all(&blank)?;
        file.write_all(&line[tab + 1..])?;
        if line.last() != Some(&b'\n') {
            file.write_all(b"\n")?;
        }
        *written = frame.line;
    }
    let mut inputs: Vec<Input> = rejected.into_iter().map(Input::Unreadable).collect();
    let mut kept = Vec::new();
    for (path, (copy, _)) in copies {
        inputs.push(Input::File {
            file: copy.path().to_path_buf(),
            source: Source {
                path,
                folder: None,
                format: Format::JsonLines,
            },
        });
        kept.push(copy);
    }
    Ok(of_scanned(inputs, kept, batching))
}

/// The scan of `inputs` (and the temporary copies they read), with its first pass.
fn of_scanned(
    inputs: Vec<Input>,
    copies: Vec<tempfile::NamedTempFile>,
    batching: Batching,
) -> (Scan, Batches) {
    let planned = inputs
        .iter()
        .map(|input| (input.clone(), Budget::UNLIMITED))
        .collect();
    let scan = Scan {
        open: inputs.iter().map(|_| None).collect(),
        inputs,
        _copies: copies,
    };
    (scan, of_inputs(planned, batching))
}

/// What the second pass read at a place: the report, or why it could not
/// be read again (its file changed between the passes).
pub type Again = Result<Report, Rejection>;

impl Scan {
    /// The reports at `places`, in their order: raw lines are read here in
    /// turn, and parsed in parallel.
    pub fn read(&mut self, places: &[Place]) -> Vec<Again> {
        let mut raw: Vec<Raw> = Vec::with_capacity(places.len());
        let mut whole: Option<(u32, Vec<Entry>)> = None;
        for &place in places {
            raw.push(match place {
                Place::Line {
                    input,
                    offset,
                    length,
                    number,
                } => match self.line_bytes(input, offset, length) {
                    Ok(bytes) => Raw::Line(self.source(input), number, bytes),
                    Err(error) => Raw::Failed(self.changed(input, number, &error.to_string())),
                },
                Place::Record { input, index } => {
                    // A file's records are read once for the records asked of it in a row.
                    if whole.as_ref().is_none_or(|(i, _)| *i != input) {
                        whole = Some((input, self.file_entries(input)));
                    }
                    let entry = whole
                        .as_ref()
                        .and_then(|(_, entries)| entries.get(index as usize));
                    match entry {
                        Some(Ok(found)) => Raw::Read(found.report.clone()),
                        _ => Raw::Failed(self.changed(input, 1, "a record is missing")),
                    }
                }
            });
        }
        raw.into_par_iter().map(Raw::parse).collect()
    }

    fn source(&self, input: u32) -> Arc<Source> {
        match self.inputs.get(input as usize) {
            Some(Input::File { source, .. }) => Arc::new(source.clone()),
            _ => Arc::new(Source {
                path: String::new(),
                folder: None,
                format: Format::JsonLines,
            }),
        }
    }

    fn line_bytes(&mut self, input: u32, offset: u64, length: u32) -> io::Result<Vec<u8>> {
        let slot = self
            .open
            .get_mut(input as usize)
            .ok_or_else(|| io::Error::other("no such input"))?;
        if slot.is_none() {
            let Some(Input::File { file, .. }) = self.inputs.get(input as usize) else {
                return Err(io::Error::other("not a file"));
            };
            *slot = Some(File::open(file)?);
        }
        let file = slot.as_mut().ok_or_else(|| io::Error::other("not open"))?;
        file.seek(SeekFrom::Start(offset))?;
        let mut bytes = vec![0; length as usize];
        file.read_exact(&mut bytes)?;
        Ok(bytes)
    }

    fn file_entries(&self, input: u32) -> Vec<Entry> {
        match self.inputs.get(input as usize) {
            Some(Input::File { file, source }) => read_file(file, source, Budget::UNLIMITED),
            _ => Vec::new(),
        }
    }

    /// A report that cannot be read again where the first pass found it.
    fn changed(&self, input: u32, line: u32, why: &str) -> Rejection {
        let path = match self.inputs.get(input as usize) {
            Some(Input::File { source, .. }) => source.path.as_str(),
            _ => "",
        };
        let at = super::Position { line, column: 1 };
        let at = if line == 0 { START } else { at };
        reject(
            path,
            at,
            format!("changed while it was read, not read again: {why}"),
        )
    }
}

/// A report's bytes read again, to be parsed.
enum Raw {
    Line(Arc<Source>, u32, Vec<u8>),
    Read(Report),
    Failed(Rejection),
}

impl Raw {
    fn parse(self) -> Again {
        match self {
            Raw::Line(source, number, bytes) => {
                let path = source.path.clone();
                match Line::again(source, number, bytes).read() {
                    Some(Ok(found)) => Ok(found.report),
                    Some(Err(rejection)) => Err(rejection),
                    None => Err(reject(
                        &path,
                        super::Position {
                            line: number,
                            column: 1,
                        },
                        "changed while it was read, not read again: the line is blank",
                    )),
                }
            }
            Raw::Read(report) => Ok(report),
            Raw::Failed(rejection) => Err(rejection),
        }
    }
}
