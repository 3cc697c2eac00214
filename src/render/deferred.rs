//! `check --format json` and `jsonl` of a run that checks events out of
//! their order (the streaming check closes them by date): each record is
//! printed as soon as it is known and kept in a temporary file, with only
//! where it is held in memory; `finish` writes them in the document's order
//! (reports in corpus order, then events, claims and findings in event
//! order, then rejections and the summary), byte for byte what
//! [`super::write_check`] writes for the whole run at once.

use std::fs::File;
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};

use serde::Serialize;

use super::Format;
use super::json::{self, RejectionRecord};
use super::jsonl::{Record, Versioned};
use super::summary::Summary;
use crate::corpus::Rejection;

/// Where a printed record (or an event's run of them) is in the file.
#[derive(Debug, Clone, Copy, Default)]
struct Held {
    offset: u64,
    length: u64,
}

/// The records of a run, held on disk until they can be written in order.
#[derive(Debug)]
pub struct Deferred {
    format: Format,
    file: BufWriter<File>,
    written: u64,
    /// By report (corpus order).
    reports: Vec<Held>,
    /// By event (in the order of their ids): its record, its claims', its findings'.
    events: Vec<[Held; 3]>,
}

/// The sections an event has records in, in the document's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Event = 0,
    Claims = 1,
    Findings = 2,
}

/// How deep an element of the document's arrays sits, as serde_json's
/// pretty printer indents it.
const INDENT: &[u8] = b"    ";

impl Deferred {
    /// Records for a run of `reports` reports and `events` events, as `format`
    /// (`json` or `jsonl`) writes them.
    pub fn new(format: Format, reports: usize, events: usize) -> io::Result<Deferred> {
        if !matches!(format, Format::Json | Format::Jsonl) {
            return Err(super::unsupported("a deferred check", format));
        }
        Ok(Deferred {
            format,
            file: BufWriter::with_capacity(1 << 20, tempfile::tempfile()?),
            written: 0,
            reports: vec![Held::default(); reports],
            events: vec![[Held::default(); 3]; events],
        })
    }

    /// Print one record: a line, or an element of an array (after `,\n`).
    pub fn print(&self, record: &Record<'_>, out: &mut Vec<u8>) -> io::Result<()> {
        if self.format == Format::Jsonl {
            serde_json::to_writer(&mut *out, record)?;
            out.push(b'\n');
            return Ok(());
        }
        out.extend_from_slice(b",\n");
        let printed = record.pretty_inner()?;
        out.extend_from_slice(INDENT);
        super::stream::indent_lines(&printed, INDENT, out);
        Ok(())
    }

    /// Hold report `index`'s printed record.
    pub fn hold_report(&mut self, index: usize, printed: &[u8]) -> io::Result<()> {
        let held = self.hold(printed)?;
        if let Some(slot) = self.reports.get_mut(index) {
            *slot = held;
        }
        Ok(())
    }

    /// Hold event `rank`'s printed records of a section.
    pub fn hold_event(&mut self, rank: usize, section: Section, printed: &[u8]) -> io::Result<()> {
        let held = self.hold(printed)?;
        if let Some(slots) = self.events.get_mut(rank) {
            slots[section as usize] = held;
        }
        Ok(())
    }

    fn hold(&mut self, printed: &[u8]) -> io::Result<Held> {
        let held = Held {
            offset: self.written,
            length: printed.len() as u64,
        };
        self.file.write_all(printed)?;
        self.written += held.length;
        Ok(held)
    }

    /// Write everything held, in order, then the rejections and the summary.
    pub fn finish(
        self,
        rejected: &[Rejection],
        summary: Summary,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        let format = self.format;
        let mut file = self.file.into_inner().map_err(|e| e.into_error())?;
        let mut copy = |held: Held, out: &mut dyn Write, first: &mut bool| -> io::Result<()> {
            if held.length == 0 {
                return Ok(());
            }
            file.seek(SeekFrom::Start(held.offset))?;
            let mut bytes = vec![0; held.length as usize];
            file.read_exact(&mut bytes)?;
            let bytes = match (format, *first) {
                (Format::Json, true) => bytes.strip_prefix(b",").unwrap_or(&bytes),
                _ => &bytes[..],
            };
            *first = false;
            out.write_all(bytes)
        };
        let rejections: Vec<RejectionRecord<'_>> =
            rejected.iter().map(json::rejection_record).collect();
        match format {
            Format::Jsonl => {
                let mut first = false;
                for &held in &self.reports {
                    copy(held, out, &mut first)?;
                }
                for section in 0..3 {
                    for slots in &self.events {
                        copy(slots[section], out, &mut first)?;
                    }
                }
                let tail = rejections
                    .into_iter()
                    .map(Record::Rejected)
                    .chain(std::iter::once(Record::Summary(Versioned::of(summary))));
                json::write_lines(tail, out)
            }
            _ => {
                out.write_all(b"{\n  \"version\": ")?;
                write!(out, "{}", super::VERSION)?;
                let section =
                    |name: &str,
                     out: &mut dyn Write,
                     each: &mut dyn FnMut(&mut dyn Write, &mut bool) -> io::Result<()>|
                     -> io::Result<()> {
                        write!(out, ",\n  \"{name}\": [")?;
                        let mut first = true;
                        each(out, &mut first)?;
                        if first {
                            out.write_all(b"]")
                        } else {
                            out.write_all(b"\n  ]")
                        }
                    };
                section("reports", out, &mut |out, first| {
                    for &held in &self.reports {
                        copy(held, out, first)?;
                    }
                    Ok(())
                })?;
                for (name, s) in [("events", 0), ("claims", 1), ("findings", 2)] {
                    section(name, out, &mut |out, first| {
                        for slots in &self.events {
                            copy(slots[s], out, first)?;
                        }
                        Ok(())
                    })?;
                }
                // The rest is small: printed as the whole document prints it.
                let printed = serde_json::to_vec_pretty(&Tail {
                    rejected: &rejections,
                    summary,
                })?;
                // `{\n  "rejected": ...}`: its fields continue the document.
                let inner = printed.strip_prefix(b"{").unwrap_or(&printed);
                out.write_all(b",")?;
                out.write_all(inner)?;
                writeln!(out)
            }
        }
    }
}

/// The end of the JSON document.
#[derive(Serialize)]
struct Tail<'a> {
    rejected: &'a [RejectionRecord<'a>],
    summary: Summary,
}
