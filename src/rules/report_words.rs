//! The words of an event's reports, each report's made once, when a rule first
//! asks for them: CC006 reads every sentence of the event's reports and CC012
//! every run of words, and segmenting a text into words is the dearest step
//! either takes.

use std::borrow::Cow;
use std::cell::OnceCell;

use rustc_hash::FxHashMap;

use crate::text::Wording;

/// Per report of one event, its words once made (`Wording::of` its text).
/// Dropped with the event: it never holds more than one event's reports.
#[derive(Debug, Default)]
pub struct ReportWords {
    /// Where each report's words are kept in `words`, by report index.
    slots: FxHashMap<usize, usize>,
    words: Vec<OnceCell<Wording>>,
}

impl ReportWords {
    /// Room for the words of `reports` (indices into the corpus's reports).
    pub fn new(reports: &[usize]) -> ReportWords {
        ReportWords {
            slots: reports.iter().enumerate().map(|(i, &r)| (r, i)).collect(),
            words: reports.iter().map(|_| OnceCell::new()).collect(),
        }
    }

    /// The words of report `report`, whose text is `text`; made here for a
    /// report not of the event, every time.
    pub fn of(&self, report: usize, text: &str) -> Cow<'_, Wording> {
        match self.slots.get(&report) {
            Some(&i) => Cow::Borrowed(self.words[i].get_or_init(|| Wording::of(text))),
            None => Cow::Owned(Wording::of(text)),
        }
    }
}
