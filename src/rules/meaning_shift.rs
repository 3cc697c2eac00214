//! CC003 meaning-shift: a change that touches negation, modality, numbers,
//! dates or names, in quoted or in reported speech.

use super::{Context, Rule, describe, rendering_location};
use crate::compare::{Change, ChangeClass, Label};
use crate::extract::Kind;
use crate::finding::{Finding, Severity};
use jiff::civil::Date;

pub(crate) const RULE: Rule = Rule {
    code: "CC003",
    name: "meaning-shift",
    severity: Severity::Error,
    summary: "a difference that touches negation, modality, numbers, dates or names",
    documentation: include_str!("meaning_shift.md"),
    example: include_str!("meaning_shift.example.md"),
    check,
};

fn check(context: &Context<'_>, rule: &Rule, out: &mut Vec<Finding>) {
    for (claim, comparison) in context.own_claims() {
        let reference_outlet = &context.reports[claim.renderings[claim.reference].report].outlet;
        for (i, rendering) in claim.renderings.iter().enumerate() {
            let diff = &comparison.diffs[i];
            // A paraphrase says things in its own words: only a version of the
            // reference's words can shift their meaning.
            // Two numbers in one report are two statements it makes (a cost and a
            // part of it), not an outlet's change of another outlet's words.
            let same_report = claim.in_one_report(i, claim.reference);
            if !matches!(diff.label, Label::Altered | Label::Translation)
                || same_report
                || context
                    .foreign_match(rendering.report, rendering.attribution)
                    .is_some()
            {
                continue;
            }
            // Reported speech moves the speaker's tense back (`We will act`,
            // `she said they would act`): then a past form is the same modal.
            // It names the day the speaker called `tomorrow` (`she said they
            // would sign on Tuesday`).
            let reported = [i, claim.reference]
                .iter()
                .any(|&k| context.attribution(&claim.renderings[k]).kind != Kind::Direct);
            let dates = (
                context.reports[claim.renderings[claim.reference].report].published,
                context.reports[rendering.report].published,
            );
            let shifts: Vec<&Change> = diff
                .changes
                .iter()
                .filter(|c| c.class.is_meaning_bearing())
                .filter(|c| !(reported && (moved_back(c) || day_named(c, dates))))
                .collect();
            if shifts.is_empty() {
                continue;
            }
            let kinds: Vec<String> = shifts.iter().map(|c| c.class.to_string()).collect();
            let named: Vec<String> = shifts.iter().map(|c| describe(c)).collect();
            let message = format!(
                "a change of {} against {reference_outlet}'s wording: {}",
                kinds.join(", "),
                named.join(", ")
            );
            let primary = rendering_location(context, claim, i);
            let related = vec![rendering_location(context, claim, claim.reference)];
            out.push(rule.finding(
                context,
                claim,
                message,
                primary,
                related,
                diff.pieces.clone(),
            ));
        }
    }
}

/// A modal and its past form, which reported speech puts for it.
const MOVED_BACK: [(&str, &str); 4] = [
    ("will", "would"),
    ("can", "could"),
    ("may", "might"),
    ("shall", "should"),
];

/// Whether a change of modality puts one modal for its past form or back
/// (`will` and `would`), and nothing else.
fn moved_back(change: &Change) -> bool {
    let (old, new) = (change.old.to_lowercase(), change.new.to_lowercase());
    change.class == ChangeClass::Modality
        && MOVED_BACK.iter().any(|&(present, past)| {
            (old == present && new == past) || (old == past && new == present)
        })
}

/// Days a speaker names from where they stand, which reported speech names
/// by the calendar, and how many days from the day of publication each is.
const RELATIVE_DAYS: [(&str, i8); 4] = [
    ("today", 0),
    ("tonight", 0),
    ("yesterday", -1),
    ("tomorrow", 1),
];

/// Whether a change of date puts a relative day (`tomorrow`) for the day of
/// the calendar it is (`Tuesday`, `March 4`; weekdays and months as
/// `data/calendar.txt` lists them) or back. `dates` are when the
/// reference's report and the rendering's were published: a weekday must be
/// the relative day's, counted from the publication of the report that
/// writes it; without that date, or for a date (`March 4`), any is taken.
fn day_named(change: &Change, dates: (Option<Date>, Option<Date>)) -> bool {
    let words = |text: &str| -> Vec<String> {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let relative = |w: &[String]| {
        w.iter()
            .find_map(|w| RELATIVE_DAYS.iter().find(|(day, _)| day == w))
            .map(|&(_, offset)| offset)
    };
    let (old, new) = (words(&change.old), words(&change.new));
    let (offset, calendar_side, published) = match (relative(&old), relative(&new)) {
        (Some(offset), None) => (offset, &change.new, dates.0),
        (None, Some(offset)) => (offset, &change.old, dates.1),
        _ => return false,
    };
    let (weekday, month) = crate::events::weekday_and_month(calendar_side);
    let number = calendar_side.chars().any(|c| c.is_ascii_digit());
    if change.class != ChangeClass::Date || !(weekday.is_some() || month || number) {
        return false;
    }
    match (weekday, published) {
        (Some(named), Some(published)) => published
            .checked_add(jiff::Span::new().days(i64::from(offset)))
            .is_ok_and(|day| i8::try_from(named) == Ok(day.weekday().to_monday_zero_offset())),
        _ => true,
    }
}
