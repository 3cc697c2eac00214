//! The corpus a batch at a time, so a run that needs nothing across reports
//! (`crosscheck extract`) holds one batch of text, never the whole corpus.
//!
//! A batch is a run of whole files, or of lines of a JSON Lines stream, up to
//! a number of bytes or of reports. Its files and lines are parsed in
//! parallel, and come out in corpus order; ids are checked across batches.

use std::fs::File;
use std::sync::Arc;

use rayon::prelude::*;

use super::lines::{JsonLines, Line};
use super::position::{START, reject, to_u32};
use super::walk::Input;
use super::{
    Budget, Corpus, Entry, Format, Limits, Place, Rejection, Source, ids, io_reason, plan,
    read_file, within_report_size,
};

/// How much a batch holds: it is closed at whichever comes first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Batching {
    /// Bytes of input (a file counts its size, a JSON line its length).
    pub bytes: u64,
    /// Files or JSON lines.
    pub reports: usize,
}

impl Default for Batching {
    /// 32 MB or 8,192 reports: enough that both cores stay busy and a batch's
    /// start-up costs nothing, little enough that a batch's reports and what
    /// is found in them take a few hundred MB at most.
    fn default() -> Batching {
        Batching {
            bytes: 32 << 20,
            reports: 8192,
        }
    }
}

/// One unit of reading, parsed by one worker: a whole file, one JSON line,
/// or an input already rejected.
#[derive(Debug)]
pub(super) enum Piece {
    File {
        file: std::path::PathBuf,
        source: Source,
        budget: Budget,
    },
    Line(Line),
    Rejected(Rejection),
}

impl Piece {
    /// The records it holds, in file order.
    pub(super) fn read(self) -> Vec<Entry> {
        self.read_placed(0).into_iter().map(|(e, _)| e).collect()
    }

    /// The records it holds, in file order, each with its place (none for
    /// input rejected before it was read); `input` numbers the piece's input.
    fn read_placed(self, input: u32) -> Vec<(Entry, Option<Place>)> {
        match self {
            Piece::File {
                file,
                source,
                budget,
            } => read_file(&file, &source, budget)
                .into_iter()
                .enumerate()
                .map(|(i, entry)| {
                    let index = to_u32(i);
                    (entry, Some(Place::Record { input, index }))
                })
                .collect(),
            Piece::Line(line) => {
                let place = line.place(input);
                line.read().map(|e| (e, Some(place))).into_iter().collect()
            }
            Piece::Rejected(rejection) => vec![(Err(rejection), None)],
        }
    }
}

/// The stream a batch's lines are taken from: a file or standard input.
type Stream = JsonLines<Box<dyn std::io::Read + Send>>;

/// The corpus under some paths, batch after batch: each an iterator step.
#[derive(Debug)]
pub struct Batches {
    inputs: std::iter::Enumerate<std::vec::IntoIter<(Input, Budget)>>,
    /// The JSON Lines stream being read (and its input's number), when a
    /// batch ended inside it.
    open: Option<(u32, Stream)>,
    ids: ids::Ids,
    /// Whether a repeated id is rejected (it is, but for a part of a corpus:
    /// which record came first is the whole corpus's to say).
    check_ids: bool,
    batching: Batching,
    /// The next batch's pieces, read while this one was parsed.
    ahead: Option<Vec<(Piece, u32)>>,
    /// Whether the next batch is read while one is parsed: not from standard
    /// input, whose writer may wait for a batch's output before writing more.
    read_ahead: bool,
}

/// Read the reports under `paths` batch after batch, within `limits`, as
/// [`super::read_within`] reads them at once: the same reports, in the same
/// order, with the same rejections.
pub fn batches(paths: &[std::path::PathBuf], limits: Limits, batching: Batching) -> Batches {
    of_inputs(plan(paths, limits), batching)
}

/// The batches of inputs already planned (numbered in their order).
pub(super) fn of_inputs(inputs: Vec<(Input, Budget)>, batching: Batching) -> Batches {
    let read_ahead = !inputs
        .iter()
        .any(|(input, _)| matches!(input, Input::Stdin));
    Batches {
        inputs: inputs.into_iter().enumerate(),
        open: None,
        ids: ids::Ids::default(),
        check_ids: true,
        batching,
        ahead: None,
        read_ahead,
    }
}

impl Batches {
    /// The batches with every report read, a repeated id too.
    pub fn every_id(self) -> Batches {
        Batches {
            check_ids: false,
            ..self
        }
    }

    /// The next piece to read, in corpus order, with its size and the
    /// number of its input; `None` past the last input.
    fn next_piece(&mut self) -> Option<(Piece, u64, u32)> {
        loop {
            if let Some((number, stream)) = &mut self.open {
                match stream.next() {
                    Some(piece) => {
                        let size = match &piece {
                            Piece::Line(line) => line.size() as u64,
                            _ => 0,
                        };
                        return Some((piece, size, *number));
                    }
                    None => self.open = None,
                }
            }
            let (number, (input, budget)) = self.inputs.next()?;
            let number = to_u32(number);
            match input {
                Input::Unreadable(rejection) => {
                    return Some((Piece::Rejected(rejection), 0, number));
                }
                Input::Stdin => {
                    let source = Source {
                        path: "<stdin>".to_owned(),
                        folder: None,
                        format: Format::JsonLines,
                    };
                    let stdin: Box<dyn std::io::Read + Send> = Box::new(std::io::stdin());
                    self.open = Some((number, JsonLines::new(Arc::new(source), stdin, budget)));
                }
                Input::File { file, source } if source.format == Format::JsonLines => {
                    match File::open(&file) {
                        Ok(opened) => {
                            let opened: Box<dyn std::io::Read + Send> = Box::new(opened);
                            let lines = JsonLines::new(Arc::new(source), opened, budget);
                            self.open = Some((number, lines));
                        }
                        Err(error) => {
                            let rejection = reject(&source.path, START, io_reason(&error));
                            return Some((Piece::Rejected(rejection), 0, number));
                        }
                    }
                }
                Input::File { file, source } => {
                    let size = std::fs::metadata(&file).map_or(0, |m| m.len());
                    let piece = Piece::File {
                        file,
                        source,
                        budget,
                    };
                    return Some((piece, size, number));
                }
            }
        }
    }
}

impl Batches {
    /// The pieces of the next batch, in corpus order (none past the last input).
    fn next_pieces(&mut self) -> Vec<(Piece, u32)> {
        let mut pieces = Vec::new();
        let mut bytes = 0u64;
        while bytes < self.batching.bytes && pieces.len() < self.batching.reports {
            let Some((piece, size, input)) = self.next_piece() else {
                break;
            };
            pieces.push((piece, input));
            bytes = bytes.saturating_add(size);
        }
        pieces
    }

    /// The next batch, with the place of each report read (same indices as
    /// its reports): what a run that reads the corpus twice keeps of it.
    pub fn next_placed(&mut self) -> Option<(Corpus, Vec<Place>)> {
        let pieces = match self.ahead.take() {
            Some(pieces) => pieces,
            None => self.next_pieces(),
        };
        if pieces.is_empty() {
            return None;
        }
        // Parsed in parallel, collected in the pieces' order, while the next
        // batch's pieces are read (reading is one stream, and would keep a
        // core waiting).
        let parse = || -> Vec<(Entry, Option<Place>)> {
            pieces
                .into_par_iter()
                .flat_map_iter(|(piece, input)| piece.read_placed(input))
                .collect()
        };
        let entries = if self.read_ahead {
            let (entries, ahead) = rayon::join(parse, || self.next_pieces());
            self.ahead = Some(ahead);
            entries
        } else {
            parse()
        };
        let entries = entries
            .into_iter()
            .map(|(entry, place)| (within_report_size(entry), place));
        let (corpus, places) = if self.check_ids {
            self.ids.admit_with(entries)
        } else {
            every_entry(entries)
        };
        // Every report read has a place: only input rejected unread has none.
        Some((corpus, places.into_iter().flatten().collect()))
    }
}

impl Iterator for Batches {
    type Item = Corpus;

    fn next(&mut self) -> Option<Corpus> {
        self.next_placed().map(|(corpus, _)| corpus)
    }
}

/// Every report of `entries` with its place, and the rejections among them.
fn every_entry<T>(entries: impl Iterator<Item = (Entry, T)>) -> (Corpus, Vec<T>) {
    let mut corpus = Corpus::default();
    let mut kept = Vec::new();
    for (entry, place) in entries {
        match entry {
            Ok(found) => {
                corpus.reports.push(found.report);
                kept.push(place);
            }
            Err(rejection) => corpus.rejected.push(rejection),
        }
    }
    (corpus, kept)
}
