//! The claims × outlets matrix of one event, drawn by the table, Markdown and
//! HTML outputs: how each outlet renders each statement carried by more than
//! one report.

use crate::compare::Label;
use crate::events::Event;
use crate::finding::Finding;
use crate::outcome::{ByEvent, Outcome};
use crate::text::Span;

/// One event's matrix.
#[derive(Debug, Clone, PartialEq)]
pub struct Matrix {
    /// The claims shown, in corpus order.
    pub claims: Vec<Column>,
    /// The event's outlets, in corpus order.
    pub outlets: Vec<String>,
    /// `cells[outlet][claim]`.
    pub cells: Vec<Vec<Cell>>,
    /// Claims carried by one report only, left out.
    pub hidden: usize,
}

/// One claim, a column of the matrix.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// Index into `outcome.claims`.
    pub claim: usize,
    /// `#3`: the claim's number within its event.
    pub number: String,
    /// The reference wording.
    pub wording: String,
    /// The outlet whose wording is the reference.
    pub outlet: String,
}

/// How one outlet renders one claim.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cell {
    /// Its renderings' labels, most important first, each once; none: absent.
    pub labels: Vec<Label>,
    /// Findings whose primary location is one of these renderings.
    pub findings: usize,
}

/// What a cell says, in the words of the issue: the reference, the same
/// words, a (translation) variant, a conflict (altered words or a finding), a
/// paraphrase, or absent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Reference,
    Same,
    Variant,
    Conflict,
    Paraphrase,
    Absent,
}

impl Cell {
    /// The one word for the cell: the most important of its labels, and a
    /// finding on it makes it a conflict.
    pub fn verdict(&self) -> Verdict {
        if self.findings > 0 && self.labels.first() != Some(&Label::Reference) {
            return Verdict::Conflict;
        }
        match self.labels.first() {
            None => Verdict::Absent,
            Some(Label::Reference) => Verdict::Reference,
            Some(Label::Same) => Verdict::Same,
            Some(Label::Translation) => Verdict::Variant,
            Some(Label::Altered) => Verdict::Conflict,
            Some(Label::Paraphrase) => Verdict::Paraphrase,
        }
    }
}

impl Verdict {
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Reference => "reference",
            Verdict::Same => "same",
            Verdict::Variant => "variant",
            Verdict::Conflict => "conflict",
            Verdict::Paraphrase => "paraphrase",
            Verdict::Absent => "absent",
        }
    }
}

/// The order labels are shown in a cell: what an editor must look at first.
fn importance(label: Label) -> u8 {
    match label {
        Label::Reference => 0,
        Label::Altered => 1,
        Label::Translation => 2,
        Label::Same => 3,
        Label::Paraphrase => 4,
    }
}

/// The mark of a label in text outputs.
pub fn mark(label: Label) -> &'static str {
    match label {
        Label::Reference => "ref",
        Label::Same => "=",
        Label::Translation => "~",
        Label::Altered => "≠",
        Label::Paraphrase => "≈",
    }
}

/// The legend of the text marks.
pub const LEGEND: &str = "ref reference wording · = same words · ~ translation variant · ≠ altered · ≈ paraphrase · ! finding · blank: absent";

/// A cell in text: its marks, `!` when a finding is on it.
pub fn cell_text(cell: &Cell) -> String {
    let mut marks: Vec<&str> = cell.labels.iter().map(|l| mark(*l)).collect();
    if cell.findings > 0 {
        marks.push("!");
    }
    marks.join(" ")
}

impl Matrix {
    /// The matrix of `event`; it has no column when no claim of it is
    /// carried by more than one report.
    /// (`by_event` holds the run's claims and findings event by event.)
    pub fn of(outcome: &Outcome, event: &Event, by_event: &ByEvent<'_>) -> Matrix {
        let claims = by_event.claims(&event.id);
        let findings = by_event.findings(&event.id);
        let mut outlets: Vec<String> = Vec::new();
        for &r in &event.reports {
            if !outlets.contains(&outcome.reports[r].outlet) {
                outlets.push(outcome.reports[r].outlet.clone());
            }
        }
        let shared: Vec<usize> = claims
            .iter()
            .copied()
            .filter(|&i| {
                let c = &outcome.claims[i];
                c.renderings
                    .iter()
                    .any(|r| r.report != c.renderings[c.reference].report)
            })
            .collect();
        let columns = shared
            .iter()
            .map(|&i| {
                let claim = &outcome.claims[i];
                let reference = &claim.renderings[claim.reference];
                let report = &outcome.reports[reference.report];
                Column {
                    claim: i,
                    number: format!("#{}", claim.id.rsplit('#').next().unwrap_or(&claim.id)),
                    wording: rendering_text(&report.text, &reference.pieces),
                    outlet: report.outlet.clone(),
                }
            })
            .collect();
        let cells = outlets
            .iter()
            .map(|outlet| {
                shared
                    .iter()
                    .map(|&i| cell(outcome, i, outlet, findings))
                    .collect::<Vec<Cell>>()
            })
            .collect();
        Matrix {
            claims: columns,
            outlets,
            cells,
            hidden: claims.len() - shared.len(),
        }
    }
}

/// `findings`: the event's.
fn cell(outcome: &Outcome, claim_index: usize, outlet: &str, findings: &[&Finding]) -> Cell {
    let claim = &outcome.claims[claim_index];
    let mut labels: Vec<Label> = claim
        .renderings
        .iter()
        .zip(&outcome.comparisons[claim_index].diffs)
        .filter(|(r, _)| outcome.reports[r.report].outlet == outlet)
        .map(|(_, d)| d.label)
        .collect();
    labels.sort_by_key(|l| importance(*l));
    labels.dedup();
    let findings = findings
        .iter()
        .filter(|f| f.claim == claim.id && f.primary.outlet == outlet)
        .count();
    Cell { labels, findings }
}

/// A rendering's words, its pieces joined by ` … `.
pub fn rendering_text(text: &str, pieces: &[Span]) -> String {
    pieces
        .iter()
        .map(|p| p.of(text))
        .collect::<Vec<_>>()
        .join(" … ")
}
