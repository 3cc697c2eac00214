//! `check --format html`: one self-contained page for reviewers. The page
//! loads nothing (styles and script are inline, and its Content-Security-Policy
//! forbids any request); it reads in full without JavaScript, and a little
//! script adds filters by severity, rule and outlet.
//!
//! The page is a minijinja template (`templates/`, compiled in) over plain
//! data built here: the engine escapes every value, so a report's text can
//! never become markup. `--template FILE` replaces the page's template.

use std::collections::BTreeMap;
use std::io::{self, Write};

use minijinja::value::Serde;
use minijinja::{Environment, Value};
use serde::Serialize;

use super::matrix::{self, Matrix};
use super::summary::{Run, Summary, statistics};
use super::table::outlets;
use crate::finding::{Finding, Location, RuleCode, RuleName, Tag};
use crate::outcome::{ByEvent, Outcome};
use crate::text::Span;

const PAGE: &str = include_str!("templates/report.html");
const STYLE: &str = include_str!("templates/style.css");
const SCRIPT: &str = include_str!("templates/filters.js");

#[derive(Debug, Serialize)]
struct Page {
    version: &'static str,
    summary: Summary,
    summary_line: String,
    rules: Vec<RuleOption>,
    outlets: Vec<String>,
    events: Vec<EventView>,
    /// The reports findings point into, with their text.
    reports: Vec<ReportView>,
    /// The others, named only: a corpus of thousands would not fit a page.
    unmarked: Vec<ReportView>,
    rejected: Vec<String>,
}

#[derive(Debug, Serialize)]
struct RuleOption {
    code: RuleCode,
    name: RuleName,
    count: usize,
}

#[derive(Debug, Serialize)]
struct EventView {
    id: String,
    anchor: String,
    reports: usize,
    /// Its reports left out of wording comparison (not English), as a line.
    not_english: Option<String>,
    findings: Vec<FindingView>,
    matrix: Option<MatrixView>,
}

#[derive(Debug, Serialize)]
struct MatrixView {
    claims: Vec<ClaimView>,
    rows: Vec<RowView>,
    hidden: usize,
}

#[derive(Debug, Serialize)]
struct ClaimView {
    number: String,
    wording: String,
    outlet: String,
}

#[derive(Debug, Serialize)]
struct RowView {
    outlet: String,
    cells: Vec<CellView>,
}

#[derive(Debug, Serialize)]
struct CellView {
    text: String,
    verdict: &'static str,
    title: String,
}

#[derive(Debug, Serialize)]
struct FindingView {
    rule: RuleCode,
    name: RuleName,
    severity: String,
    message: String,
    outlet: String,
    /// Every outlet involved, for the outlet filter (`|` between).
    outlets: String,
    place: String,
    link: String,
    /// The words it diverges from and its own, side by side.
    reference: Side,
    rendering: Side,
    /// Further renderings it was compared with.
    others: Vec<Side>,
    fingerprint: String,
}

/// One column of a side-by-side view: whose words, and the words.
#[derive(Debug, Serialize)]
struct Side {
    label: String,
    link: String,
    words: Vec<Words>,
}

#[derive(Debug, Serialize)]
struct Words {
    text: String,
    /// `same`, `removed` or `added`.
    tag: &'static str,
}

#[derive(Debug, Serialize)]
struct ReportView {
    anchor: String,
    id: String,
    outlet: String,
    title: Option<String>,
    published: Option<String>,
    path: String,
    url: Option<String>,
    text: Vec<Segment>,
}

/// A stretch of a report's text, highlighted when a finding points at it.
#[derive(Debug, Serialize)]
struct Segment {
    text: String,
    mark: Option<String>,
}

/// Write the page; `template` replaces the built-in one.
pub fn write_check(
    outcome: &Outcome,
    run: &Run,
    template: Option<&str>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let marks = Marks::of(outcome);
    let by_event = ByEvent::of(outcome);
    let (mut reports, mut unmarked) = (Vec::new(), Vec::new());
    for (i, r) in outcome.reports.iter().enumerate() {
        let marked = marks.spans.contains_key(&i);
        let view = ReportView {
            anchor: report_anchor(i),
            id: r.id.clone(),
            outlet: r.outlet.clone(),
            title: r.title.clone(),
            published: r.published.map(|d| d.to_string()),
            path: r.origin.path.clone(),
            url: r.url.clone(),
            text: if marked {
                marks.segments(i, &r.text)
            } else {
                Vec::new()
            },
        };
        if marked {
            reports.push(view);
        } else {
            unmarked.push(view);
        }
    }
    let summary = Summary::of(outcome, run);
    let page = Page {
        version: env!("CARGO_PKG_VERSION"),
        summary_line: summary.line(),
        summary,
        rules: statistics(outcome)
            .into_iter()
            .map(|c| RuleOption {
                code: c.rule,
                name: c.name,
                count: c.count,
            })
            .collect(),
        outlets: {
            let mut outlets: Vec<String> =
                outcome.reports.iter().map(|r| r.outlet.clone()).collect();
            outlets.sort();
            outlets.dedup();
            outlets
        },
        events: outcome
            .events
            .iter()
            .map(|event| {
                let matrix = Matrix::of(outcome, event, &by_event);
                EventView {
                    id: event.id.clone(),
                    anchor: format!("event-{}", slug(&event.id)),
                    reports: event.reports.len(),
                    not_english: {
                        let foreign = super::summary::not_english(outcome, event);
                        (!foreign.is_empty()).then(|| super::summary::not_english_line(&foreign))
                    },
                    findings: by_event
                        .findings(&event.id)
                        .iter()
                        .map(|f| finding_view(f, &marks))
                        .collect(),
                    matrix: (!matrix.claims.is_empty()).then(|| matrix_view(&matrix)),
                }
            })
            .collect(),
        reports,
        unmarked,
        rejected: outcome.rejected.iter().map(ToString::to_string).collect(),
    };
    let mut env = Environment::new();
    env.add_template("report.html", template.unwrap_or(PAGE))
        .and_then(|()| env.add_template("style.css", STYLE))
        .and_then(|()| env.add_template("filters.js", SCRIPT))
        .map_err(io::Error::other)?;
    let html = env
        .get_template("report.html")
        .and_then(|t| t.render(Value::from(Serde(&page))))
        .map_err(io::Error::other)?;
    out.write_all(html.as_bytes())?;
    writeln!(out)
}

fn matrix_view(matrix: &Matrix) -> MatrixView {
    MatrixView {
        claims: matrix
            .claims
            .iter()
            .map(|c| ClaimView {
                number: c.number.clone(),
                wording: c.wording.clone(),
                outlet: c.outlet.clone(),
            })
            .collect(),
        rows: matrix
            .outlets
            .iter()
            .zip(&matrix.cells)
            .map(|(outlet, cells)| RowView {
                outlet: outlet.clone(),
                cells: cells
                    .iter()
                    .zip(&matrix.claims)
                    .map(|(cell, claim)| {
                        let verdict = cell.verdict().name();
                        let findings = match cell.findings {
                            0 => String::new(),
                            1 => ", 1 finding".to_string(),
                            n => format!(", {n} findings"),
                        };
                        CellView {
                            text: matrix::cell_text(cell),
                            verdict,
                            title: format!("{outlet} on {}: {verdict}{findings}", claim.number),
                        }
                    })
                    .collect(),
            })
            .collect(),
        hidden: matrix.hidden,
    }
}

fn finding_view(f: &Finding, marks: &Marks) -> FindingView {
    let mut involved: Vec<&str> = vec![&f.primary.outlet];
    for l in &f.related {
        if !involved.contains(&l.outlet.as_str()) {
            involved.push(&l.outlet);
        }
    }
    let plain = |l: &Location, label: String| Side {
        label,
        link: marks.link(l),
        words: vec![Words {
            text: l.text.clone(),
            tag: "same",
        }],
    };
    let from_evidence = |l: &Location, label: String, drop: Tag| Side {
        label,
        link: marks.link(l),
        words: f
            .evidence
            .iter()
            .filter(|p| p.tag != drop)
            .map(|p| Words {
                text: p.text.clone(),
                tag: match p.tag {
                    Tag::Same => "same",
                    Tag::Removed => "removed",
                    Tag::Added => "added",
                },
            })
            .collect(),
    };
    let first = f.related.first();
    let (reference, rendering) = match first {
        Some(r) if !f.evidence.is_empty() => (
            from_evidence(r, r.outlet.clone(), Tag::Added),
            from_evidence(&f.primary, f.primary.outlet.clone(), Tag::Removed),
        ),
        Some(r) => (
            plain(r, r.outlet.clone()),
            plain(&f.primary, f.primary.outlet.clone()),
        ),
        None => (
            Side {
                label: String::new(),
                link: String::new(),
                words: Vec::new(),
            },
            plain(&f.primary, f.primary.outlet.clone()),
        ),
    };
    FindingView {
        rule: f.rule.clone(),
        name: f.name.clone(),
        severity: f.severity.to_string(),
        message: f.message.clone(),
        outlet: outlets(f).replace('\n', " "),
        outlets: involved.join("|"),
        place: format!("{}:{}:{}", f.primary.path, f.primary.line, f.primary.column),
        link: marks.link(&f.primary),
        reference,
        rendering,
        others: f
            .related
            .iter()
            .skip(1)
            .map(|l| plain(l, l.outlet.clone()))
            .collect(),
        fingerprint: f.fingerprint.clone(),
    }
}

/// The stretches of each report's text that findings point at, merged where
/// they overlap, each with an anchor a finding links to.
struct Marks {
    /// Per report index: sorted, disjoint spans.
    spans: BTreeMap<usize, Vec<Span>>,
    /// Report id → index.
    index: BTreeMap<String, usize>,
}

impl Marks {
    fn of(outcome: &Outcome) -> Marks {
        let index: BTreeMap<String, usize> = outcome
            .reports
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.clone(), i))
            .collect();
        let mut spans: BTreeMap<usize, Vec<Span>> = BTreeMap::new();
        for f in &outcome.findings {
            for l in std::iter::once(&f.primary).chain(&f.related) {
                if let Some(&i) = index.get(&l.report) {
                    spans
                        .entry(i)
                        .or_default()
                        .push(Span::new(l.start, l.end.max(l.start)));
                }
            }
        }
        for ranges in spans.values_mut() {
            ranges.sort_unstable();
            let mut merged: Vec<Span> = Vec::with_capacity(ranges.len());
            for &span in ranges.iter() {
                match merged.last_mut() {
                    Some(last) if span.start() <= last.end() => {
                        *last = Span::new(last.start(), last.end().max(span.end()));
                    }
                    _ => merged.push(span),
                }
            }
            *ranges = merged;
        }
        Marks { spans, index }
    }

    /// `#r3-120`: the highlighted stretch holding a location's start, or the
    /// report when it has none.
    fn link(&self, l: &Location) -> String {
        let Some(&i) = self.index.get(&l.report) else {
            return String::new();
        };
        let span = self.spans.get(&i).and_then(|spans| {
            spans
                .iter()
                .find(|s| s.start() <= l.start && l.start <= s.end())
        });
        match span {
            Some(s) => format!("#{}-{}", report_anchor(i), s.start()),
            None => format!("#{}", report_anchor(i)),
        }
    }

    /// A report's text cut at the highlighted stretches.
    fn segments(&self, report: usize, text: &str) -> Vec<Segment> {
        let mut segments = Vec::new();
        let mut at = 0;
        for &span in self.spans.get(&report).map_or(&[][..], Vec::as_slice) {
            let (s, e) = (span.start(), span.end());
            let (Some(before), Some(marked)) = (text.get(at..s), text.get(s..e)) else {
                continue;
            };
            if !before.is_empty() {
                segments.push(Segment {
                    text: before.to_string(),
                    mark: None,
                });
            }
            segments.push(Segment {
                text: marked.to_string(),
                mark: Some(format!("{}-{s}", report_anchor(report))),
            });
            at = e;
        }
        if let Some(rest) = text.get(at..).filter(|r| !r.is_empty()) {
            segments.push(Segment {
                text: rest.to_string(),
                mark: None,
            });
        }
        segments
    }
}

fn report_anchor(index: usize) -> String {
    format!("r{}", index + 1)
}

/// An id fit for an HTML anchor.
fn slug(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect()
}
