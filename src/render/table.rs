//! The terminal tables (comfy-table): per event a claims × outlets matrix and the
//! findings with their word diffs, then a summary line.

use std::io::{self, Write};

use anstyle::{AnsiColor, Style as Ansi};
use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Cell, ColumnConstraint, ContentArrangement, Table, Width};

use super::Style;
use super::matrix::{self, Matrix, Verdict};
use super::summary::{
    RuleCount, Run, Summary, elapsed, left_out_event, not_english, not_english_line,
};
use crate::corpus::Report;
use crate::events::{ActMode, Event, Happening};
use crate::extract::Attribution;
use crate::finding::{Finding, Severity};
use crate::finding::{Piece, Tag};
use crate::outcome::{ByEvent, Outcome};
use crate::text::counted;

/// The longest excerpt of a claim's wording shown in the matrix.
const CLAIM_EXCERPT_CHARS: usize = 60;

fn paint(style: &Style, ansi: Ansi, text: &str) -> String {
    if style.color {
        format!("{ansi}{text}{ansi:#}")
    } else {
        text.to_string()
    }
}

fn new_table(style: &Style) -> Table {
    let mut table = Table::new();
    table
        .load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic);
    if let Some(width) = style.width {
        table.set_width(width);
    }
    if !style.terminal {
        table.force_no_tty();
    }
    table
}

/// The whole run: each event with claims carried by two or more reports, the
/// findings, and the summary.
pub fn write_check(
    outcome: &Outcome,
    run: &Run,
    style: &Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    let by_event = ByEvent::of(outcome);
    for (index, event) in outcome.events.iter().enumerate() {
        let claims = by_event.claims(&event.id);
        let findings = by_event.findings(&event.id);
        let bold = Ansi::new().bold();
        writeln!(
            out,
            "{} · {} · {} · {}",
            paint(style, bold, &event.id),
            counted(event.reports.len(), "report"),
            counted(claims.len(), "claim"),
            counted(findings.len(), "finding")
        )?;
        match left_out_event(outcome, index) {
            Some(why) => writeln!(out, "{why}")?,
            None => write_matrix(outcome, event, &by_event, style, out)?,
        }
        let foreign = not_english(outcome, event);
        if !foreign.is_empty() {
            writeln!(out, "{}", not_english_line(&foreign))?;
        }
        if !findings.is_empty() {
            writeln!(out, "{}", findings_table(findings, style))?;
        }
        writeln!(out)?;
    }
    let mut line = Summary::of(outcome, run).line();
    if let Some(duration) = run.elapsed {
        line = format!("{line} {}", elapsed(duration));
    }
    writeln!(out, "{line}")
}

/// Claims × outlets: how each outlet renders each claim. The claims are listed
/// first with their reference wording; the matrix has an outlet a row and a
/// claim a column, so it fits a terminal however many outlets there are.
fn write_matrix(
    outcome: &Outcome,
    event: &Event,
    by_event: &ByEvent<'_>,
    style: &Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    let matrix = Matrix::of(outcome, event, by_event);
    if matrix.claims.is_empty() {
        return writeln!(out, "no statement is carried by more than one report");
    }
    for column in &matrix.claims {
        let text = excerpt(&column.wording, CLAIM_EXCERPT_CHARS);
        writeln!(out, "{:>4} {text} ({})", column.number, column.outlet)?;
    }
    let mut table = new_table(style);
    let mut header = vec![Cell::new("outlet")];
    header.extend(matrix.claims.iter().map(|c| Cell::new(&c.number)));
    table.set_header(header);
    for (outlet, cells) in matrix.outlets.iter().zip(&matrix.cells) {
        let mut row = vec![Cell::new(outlet)];
        for cell in cells {
            let ansi = match cell.verdict() {
                Verdict::Reference => Ansi::new().bold(),
                Verdict::Same => Ansi::new().fg_color(Some(AnsiColor::Green.into())),
                Verdict::Variant => Ansi::new().fg_color(Some(AnsiColor::Cyan.into())),
                Verdict::Conflict => Ansi::new().fg_color(Some(AnsiColor::Red.into())).bold(),
                Verdict::Paraphrase => Ansi::new().fg_color(Some(AnsiColor::Yellow.into())),
                Verdict::Absent => Ansi::new(),
            };
            row.push(Cell::new(paint(style, ansi, &matrix::cell_text(cell))));
        }
        table.add_row(row);
    }
    writeln!(out, "{table}")?;
    writeln!(
        out,
        "{}{}",
        matrix::LEGEND,
        if matrix.hidden > 0 {
            format!(
                " · {} carried by one report not shown",
                counted(matrix.hidden, "claim")
            )
        } else {
            String::new()
        }
    )
}

fn findings_table(findings: &[&Finding], style: &Style) -> Table {
    let mut table = new_table(style);
    table.set_header(vec!["rule", "outlet", "finding"]);
    for f in findings {
        let color = match f.severity {
            Severity::Error => AnsiColor::Red,
            Severity::Warning => AnsiColor::Yellow,
            Severity::Info => AnsiColor::Blue,
        };
        let severity = paint(
            style,
            Ansi::new().fg_color(Some(color.into())).bold(),
            &f.severity.to_string(),
        );
        let place = format!("{}:{}:{}", f.primary.path, f.primary.line, f.primary.column);
        let mut text = format!(
            "{}\n{}",
            paint(style, Ansi::new().dimmed(), &place),
            f.message
        );
        if !f.evidence.is_empty() {
            text.push('\n');
            text.push_str(&diff_text(&f.evidence, style));
        }
        table.add_row(vec![
            Cell::new(format!("{severity}\n{} {}", f.rule, f.name)),
            Cell::new(outlets(f)),
            Cell::new(text),
        ]);
    }
    // A `path:line:column` cut in two cannot be pasted into an editor: the
    // finding column is kept at least as wide as the longest, where it fits.
    let longest = findings
        .iter()
        .map(|f| {
            format!("{}:{}:{}", f.primary.path, f.primary.line, f.primary.column)
                .chars()
                .count()
        })
        .max()
        .unwrap_or(0);
    // `CC002 quote-altered` stays on one line, to be read and searched for.
    if let Some(column) = table.column_mut(0) {
        column.set_constraint(ColumnConstraint::ContentWidth);
    }
    if let Some(width) = table.width() {
        // Room left by the other columns: the rule, and the outlets at their narrowest.
        let room = usize::from(width).saturating_sub(50);
        // The width counts the cell padding, one space each side.
        let lower = u16::try_from((longest + 2).min(room)).unwrap_or(u16::MAX);
        if let Some(column) = table.column_mut(2) {
            column.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(lower)));
        }
    }
    table
}

/// The finding's outlet, and the others it compares with: `AFP\nvs US Department of State`.
pub fn outlets(finding: &Finding) -> String {
    let mut others: Vec<&str> = Vec::new();
    for l in &finding.related {
        if l.outlet != finding.primary.outlet && !others.contains(&l.outlet.as_str()) {
            others.push(&l.outlet);
        }
    }
    if others.is_empty() {
        finding.primary.outlet.clone()
    } else {
        format!("{}\nvs {}", finding.primary.outlet, others.join(", "))
    }
}

/// A word diff for people: with colour, dropped words struck through in red and
/// added words in green; without, `[-dropped-]` and `{+added+}` as in `git diff --word-diff`.
pub fn diff_text(pieces: &[Piece], style: &Style) -> String {
    let removed = Ansi::new()
        .fg_color(Some(AnsiColor::Red.into()))
        .strikethrough();
    let added = Ansi::new().fg_color(Some(AnsiColor::Green.into())).bold();
    pieces
        .iter()
        .map(|p| match (p.tag, style.color) {
            (Tag::Same, _) => p.text.clone(),
            (Tag::Removed, true) => paint(style, removed, &p.text),
            (Tag::Added, true) => paint(style, added, &p.text),
            (Tag::Removed, false) => format!("[-{}-]", p.text),
            (Tag::Added, false) => format!("{{+{}+}}", p.text),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// `check --statistics`: one row a rule.
pub fn write_statistics(
    counts: &[RuleCount],
    style: &Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut table = new_table(style);
    table.set_header(vec!["count", "code", "name", "severity"]);
    for c in counts {
        table.add_row(vec![
            c.count.to_string(),
            c.rule.to_string(),
            c.name.to_string(),
            c.severity.to_string(),
        ]);
    }
    let total: usize = counts.iter().map(|c| c.count).sum();
    writeln!(out, "{table}")?;
    writeln!(out, "{}", counted(total, "finding"))
}

/// `extract --format table`: one row an attribution.
pub fn write_attributions(
    reports: &[Report],
    attributions: &[Vec<Attribution>],
    style: &Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut table = new_table(style);
    table.set_header(vec![
        "report", "kind", "speaker", "cue", "to", "channels", "content",
    ]);
    for (report, found) in reports.iter().zip(attributions) {
        for a in found {
            let speaker = a.speaker.as_ref().map_or(String::new(), |s| {
                if s.canonical == s.mention.text {
                    s.canonical.clone()
                } else {
                    format!("{} ({})", s.canonical, s.mention.text)
                }
            });
            let channels = a
                .channels
                .iter()
                .map(|c| c.text.as_str())
                .collect::<Vec<_>>()
                .join(" › ");
            table.add_row(vec![
                report.id.clone(),
                a.kind.to_string(),
                speaker,
                a.cue
                    .as_ref()
                    .map_or(String::new(), |c| c.span.text.clone()),
                a.addressee
                    .as_ref()
                    .map_or(String::new(), |s| s.text.clone()),
                channels,
                excerpt(&a.content.text, 120),
            ]);
        }
    }
    writeln!(out, "{table}")
}

/// `events --format table`: each event, its reports, dates and outlets, and for
/// an event found from the text the terms its reports share (why they were grouped).
pub fn write_events(
    events: &[Event],
    reports: &[Report],
    style: &Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut table = new_table(style);
    table.set_header(vec![
        "event",
        "from",
        "reports",
        "dates",
        "outlets",
        "happening",
        "shared terms",
        "kept apart",
    ]);
    for event in events {
        let members: Vec<&Report> = event.reports.iter().map(|&r| &reports[r]).collect();
        let mut dates: Vec<String> = members
            .iter()
            .filter_map(|r| r.published.map(|d| d.to_string()))
            .collect();
        dates.sort();
        dates.dedup();
        let dates = match (dates.first(), dates.last()) {
            (Some(a), Some(b)) if a != b => format!("{a} – {b}"),
            (Some(a), _) => a.clone(),
            _ => String::new(),
        };
        let mut outlets: Vec<&str> = members.iter().map(|r| r.outlet.as_str()).collect();
        outlets.dedup();
        let kept_apart: Vec<String> = event
            .kept_apart
            .iter()
            .map(|k| format!("{}: {}", k.event, k.reason))
            .collect();
        table.add_row(vec![
            event.id.clone(),
            source_word(event.source).to_string(),
            members.len().to_string(),
            dates,
            outlets.join(", "),
            event
                .happening
                .as_ref()
                .map_or_else(String::new, happening_cell),
            event.terms.join(", "),
            kept_apart.join("; "),
        ]);
    }
    writeln!(out, "{table}")
}

/// `Blinken + Lavrov · meeting · 2022-01-21 · Geneva`, each key with the
/// share of reports that back it.
fn happening_cell(h: &Happening) -> String {
    let n = h.support.reports;
    let mut parts = Vec::new();
    if !h.who.is_empty() {
        parts.push(format!("{} ({}/{n})", h.who.join(" + "), h.support.who));
    }
    if let Some(act) = h.act {
        let announced = if h.mode == Some(ActMode::Announced) {
            ", announced"
        } else {
            ""
        };
        parts.push(format!("{}{announced} ({}/{n})", act.name(), h.support.act));
    }
    if let Some(day) = &h.day {
        parts.push(format!("{day} ({}/{n})", h.support.day));
    }
    if let Some(place) = &h.place {
        parts.push(format!("{place} ({}/{n})", h.support.place));
    }
    parts.join(" · ")
}

pub fn excerpt(text: &str, max: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max {
        return text;
    }
    let cut: String = text.chars().take(max).collect();
    let cut = cut
        .rsplit_once(' ')
        .map_or(cut.as_str(), |(head, _)| head)
        .to_string();
    format!("{cut} …")
}

/// How an event was found, in the word the table shows.
fn source_word(source: crate::events::Source) -> &'static str {
    match source {
        crate::events::Source::Key => "key",
        crate::events::Source::Folder => "folder",
        crate::events::Source::Auto => "auto",
    }
}
