//! The happening a report tells, as keys that hold in every language: who took
//! part, the act, the day and the place. Reports are compared on them (a pair
//! whose acts or days disagree keeps little of its similarity), and a group of
//! reports votes on them, so that two groups whose happenings clearly differ
//! are kept apart, with the reason said.

use serde::Serialize;

use super::acts::{self, Act, Mode};
use super::calendar::{self, Day, DayEvidence};
use super::lead::Lead;
use super::names::NameId;
use super::places::{self, PlaceId};

use super::romanise::fold_text;

/// What one report says about its happening (its participants are in the
/// corpus's `Cast`).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Keys {
    pub act: Option<Act>,
    pub mode: Option<Mode>,
    pub day: DayEvidence,
    pub place: Option<PlaceId>,
}

/// The keys of one report's lead.
pub fn read(lead: &Lead, published: Option<jiff::civil::Date>) -> Keys {
    let folded = fold_text(&lead.text);
    let (act, mode) = acts::read(&lead.text, &folded);
    let announced = mode == Some(Mode::Announced);
    let day = calendar::read(&lead.text, &folded, published, lead.stamp, announced);
    // A call has no place: the cities its lead names are the callers'.
    let place = match act {
        Some(Act::PhoneCall | Act::VideoCall | Act::Call) => None,
        _ => places::read(&lead.text, &folded),
    };
    Keys {
        act,
        mode,
        day,
        place,
    }
}

/// How much of two reports' similarity their keys leave: acts that differ
/// (a call and a meeting), an announcement and the happening, days apart.
pub fn factor(a: &Keys, b: &Keys) -> f32 {
    acts::factor((a.act, a.mode), (b.act, b.mode)) * a.day.factor(&b.day) * place_factor(a, b)
}

/// How many keys two reports both tell and agree on: the act (a call of
/// untold medium agrees with a phone or a video call), the day within a day
/// (or, undated, a weekday), the place.
pub fn agreeing(a: &Keys, b: &Keys) -> u32 {
    let act = matches!((a.act, b.act), (Some(x), Some(y)) if acts::conflict(x, y) == 1.0);
    let day = match (a.day.anchored(), b.day.anchored()) {
        (Some(x), Some(y)) => (x - y).abs() <= 1,
        _ => a.day.weekday_bits() & b.day.weekday_bits() != 0,
    };
    let place = matches!((a.place, b.place), (Some(x), Some(y)) if x == y);
    u32::from(act) + u32::from(day) + u32::from(place)
}

/// Two cities named: likely two happenings, though a lead may name the
/// capital a happening is reported from rather than the place it was at.
fn place_factor(a: &Keys, b: &Keys) -> f32 {
    match (a.place, b.place) {
        (Some(x), Some(y)) if x != y => PLACE_CONFLICT,
        _ => 1.0,
    }
}

/// How much of a pair's similarity survives two different places.
const PLACE_CONFLICT: f32 = 0.7;

/// Two reports that put their happening in two cities and name two different
/// pairs of people first: a leader's visit to one capital and then another
/// (Kremlin, then Kyiv, a day apart), whose leads each name the other visit.
/// One differing key alone is weak evidence (a lead names a capital for its
/// government, or a third person second); both together part the reports.
pub fn elsewhere_with_others(a: (&Keys, &[NameId]), b: (&Keys, &[NameId])) -> f32 {
    let places_differ = matches!((a.0.place, b.0.place), (Some(x), Some(y)) if x != y);
    let first_two = |who: &[NameId]| -> Option<[NameId; 2]> {
        match who {
            [x, y, ..] => Some([*x.min(y), *x.max(y)]),
            _ => None,
        }
    };
    match (first_two(a.1), first_two(b.1)) {
        (Some(x), Some(y)) if places_differ && x != y => ELSEWHERE_WITH_OTHERS,
        _ => 1.0,
    }
}

/// How much of a pair's similarity survives two places and two pairs of people.
const ELSEWHERE_WITH_OTHERS: f32 = 0.3;

/// Weighted votes for the values of one key.
#[derive(Debug, Clone, PartialEq)]
pub struct Votes<T> {
    votes: Vec<(T, f32)>,
}

impl<T> Default for Votes<T> {
    fn default() -> Votes<T> {
        Votes { votes: Vec::new() }
    }
}

impl<T: Copy + PartialEq + Ord> Votes<T> {
    fn add(&mut self, value: T, weight: f32) {
        match self.votes.iter_mut().find(|(v, _)| *v == value) {
            Some(e) => e.1 += weight,
            None => self.votes.push((value, weight)),
        }
    }

    fn merge(&mut self, other: Votes<T>) {
        for (v, w) in other.votes {
            self.add(v, w);
        }
    }

    fn total(&self) -> f32 {
        self.votes.iter().map(|v| v.1).sum()
    }

    /// The value with the most votes on values `near` it, with that weight
    /// (ties: the most votes on it alone, then the smaller value).
    fn leader_near(&self, near: impl Fn(T, T) -> bool) -> Option<(T, f32)> {
        let around = |value: T| -> f32 {
            self.votes
                .iter()
                .filter(|(other, _)| near(*other, value))
                .map(|v| v.1)
                .sum()
        };
        self.votes
            .iter()
            .map(|&(value, own)| (value, around(value), own))
            .max_by(|a, b| {
                a.1.total_cmp(&b.1)
                    .then(a.2.total_cmp(&b.2))
                    .then(b.0.cmp(&a.0))
            })
            .map(|(value, around, _)| (value, around))
    }

    /// The value most votes go to, with its weight (ties: the smaller value).
    pub fn leader(&self) -> Option<(T, f32)> {
        self.votes
            .iter()
            .copied()
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
    }

    /// The values in order of votes, most first.
    pub fn ranked(&self) -> Vec<(T, f32)> {
        let mut v = self.votes.clone();
        v.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        v
    }
}

/// What a group of reports says about its happening: each member's keys as votes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tally {
    pub reports: u32,
    pub days: Votes<Day>,
    /// Weekdays (0 = Monday), for groups whose copy names no date.
    pub weekdays: Votes<u8>,
    pub acts: Votes<Act>,
    pub modes: Votes<Mode>,
    pub who: Votes<NameId>,
    pub places: Votes<PlaceId>,
}

/// Why two groups are two happenings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "key", rename_all = "lowercase")]
pub enum Apart {
    /// Their days are two or more days apart.
    Day { ours: String, theirs: String },
    /// Undated, but told on weekdays two or more days apart.
    Weekday { ours: String, theirs: String },
    /// A call and a meeting, a speech and a meeting ...
    Act { ours: Act, theirs: Act },
    /// One announced, the other done.
    Mode { ours: Mode, theirs: Mode },
}

impl std::fmt::Display for Apart {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Apart::Day { ours, theirs } => write!(f, "day {ours} vs {theirs}"),
            Apart::Weekday { ours, theirs } => write!(f, "weekday {ours} vs {theirs}"),
            Apart::Act { ours, theirs } => write!(f, "act {} vs {}", ours.name(), theirs.name()),
            Apart::Mode { ours, theirs } => {
                write!(f, "{} vs {}", mode_name(*ours), mode_name(*theirs))
            }
        }
    }
}

impl Apart {
    /// The same reason, seen from the other group.
    pub fn flipped(&self) -> Apart {
        match self.clone() {
            Apart::Day { ours, theirs } => Apart::Day {
                ours: theirs,
                theirs: ours,
            },
            Apart::Weekday { ours, theirs } => Apart::Weekday {
                ours: theirs,
                theirs: ours,
            },
            Apart::Act { ours, theirs } => Apart::Act {
                ours: theirs,
                theirs: ours,
            },
            Apart::Mode { ours, theirs } => Apart::Mode {
                ours: theirs,
                theirs: ours,
            },
        }
    }
}

fn mode_name(m: Mode) -> &'static str {
    match m {
        Mode::Done => "done",
        Mode::Announced => "announced",
    }
}

/// What a weekday named in undated copy counts in a group's vote.
const WEEKDAY_VOTE: f32 = 0.8;
/// The votes a group's weekday needs to keep another group apart: two
/// reports' at least, as one lead's weekday may be that of something else
/// (on ECB+, where no copy is dated, one report's weekday cost recall).
const WEEKDAY_SUPPORT: f32 = 2.0 * WEEKDAY_VOTE;

/// Days between two weekdays, either way round.
fn weekdays_apart(a: u8, b: u8) -> u8 {
    let d = (7 + a - b) % 7;
    d.min(7 - d)
}

/// The weekdays' names, Monday first (weekday `0`).
pub const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

fn weekday_name(d: u8) -> &'static str {
    WEEKDAYS.get(usize::from(d)).copied().unwrap_or("")
}

/// A share of votes a key needs in a group to speak for it.
const SHARE: f32 = 0.6;
/// Days within this many of each other vote together (time zones, next-day copy).
const DAY_SLACK: i32 = 1;
/// Consensus days this far apart are two happenings.
const DAYS_APART: i32 = 2;

impl Tally {
    /// One report's votes. `principals`: its participants, most prominent first.
    pub fn of(keys: &Keys, principals: &[NameId]) -> Tally {
        let mut t = Tally {
            reports: 1,
            ..Tally::default()
        };
        // A date read with no publication date to check it can be any date
        // the text mentions: it does not vote.
        if let Some((day, how)) = keys.day.day.filter(|d| d.1 != calendar::How::Unanchored) {
            let _ = how;
            t.days.add(day, keys.day.confidence());
        }
        match keys.day.anchored().and_then(calendar::from_day) {
            Some(d) => t.weekdays.add(
                d.weekday().to_monday_zero_offset() as u8,
                keys.day.confidence(),
            ),
            // One weekday named: the happening's; several: no telling which.
            None if keys.day.weekdays.count_ones() == 1 => t
                .weekdays
                .add(keys.day.weekdays.trailing_zeros() as u8, WEEKDAY_VOTE),
            None => {}
        }
        if let Some(a) = keys.act {
            t.acts.add(a, 1.0);
        }
        if let Some(m) = keys.mode {
            t.modes.add(m, 1.0);
        }
        for (rank, &p) in principals.iter().enumerate() {
            t.who
                .add(p, [1.0, 0.7, 0.4].get(rank).copied().unwrap_or(0.3));
        }
        if let Some(p) = keys.place {
            t.places.add(p, 1.0);
        }
        t
    }

    pub fn merge(&mut self, other: Tally) {
        self.reports += other.reports;
        self.days.merge(other.days);
        self.weekdays.merge(other.weekdays);
        self.acts.merge(other.acts);
        self.modes.merge(other.modes);
        self.who.merge(other.who);
        self.places.merge(other.places);
    }

    /// The day most votes fall within a day of, when clear.
    pub fn day(&self) -> Option<Day> {
        let total = self.days.total();
        if total < 0.8 {
            return None;
        }
        let (best, weight) = self.days.leader_near(|a, b| (a - b).abs() <= DAY_SLACK)?;
        (weight >= SHARE * total).then_some(best)
    }

    /// The weekday most votes fall within a day of, when clear.
    pub fn weekday(&self) -> Option<u8> {
        let total = self.weekdays.total();
        if total < WEEKDAY_SUPPORT {
            return None;
        }
        let (best, weight) = self
            .weekdays
            .leader_near(|a, b| weekdays_apart(a, b) <= 1)?;
        (weight >= SHARE * total).then_some(best)
    }

    /// Why this group and `other` are not one happening, if they clearly are not.
    pub fn apart(&self, other: &Tally) -> Option<Apart> {
        if let (Some(a), Some(b)) = (self.day(), other.day()) {
            if (a - b).abs() >= DAYS_APART {
                let show =
                    |d: Day| calendar::from_day(d).map_or_else(String::new, |d| d.to_string());
                return Some(Apart::Day {
                    ours: show(a),
                    theirs: show(b),
                });
            }
            return None;
        }
        if let (Some(a), Some(b)) = (self.weekday(), other.weekday()) {
            if weekdays_apart(a, b) >= DAYS_APART as u8 {
                return Some(Apart::Weekday {
                    ours: weekday_name(a).to_string(),
                    theirs: weekday_name(b).to_string(),
                });
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(day: Day) -> Keys {
        Keys {
            day: DayEvidence {
                day: Some((day, calendar::How::Date)),
                ..DayEvidence::default()
            },
            ..Keys::default()
        }
    }

    #[test]
    fn two_cities_and_two_pairs_of_people_are_two_happenings() {
        let at = |city: &str| Keys {
            place: places::read(city, &fold_text(city)),
            ..Keys::default()
        };
        let (kremlin, kyiv) = (at("They met in Moscow."), at("They met in Kyiv."));
        assert!(kremlin.place.is_some() && kyiv.place.is_some());
        // Ravel with Osko in Moscow; Ravel with Denth in Kyiv the next day.
        let f = elsewhere_with_others((&kremlin, &[1, 2]), (&kyiv, &[1, 3, 2]));
        assert_eq!(f, ELSEWHERE_WITH_OTHERS);
        // The same two people, named in either order: one happening seen from
        // two capitals.
        assert_eq!(
            elsewhere_with_others((&kremlin, &[1, 2]), (&kyiv, &[2, 1])),
            1.0
        );
        // The same city: a second person named second is not enough.
        assert_eq!(
            elsewhere_with_others((&kyiv, &[1, 2]), (&kyiv, &[1, 3])),
            1.0
        );
        // One participant named: nothing to compare.
        assert_eq!(
            elsewhere_with_others((&kremlin, &[1]), (&kyiv, &[1, 3])),
            1.0
        );
    }

    #[test]
    fn keys_both_reports_tell_alike_are_counted() {
        let call = |weekday: u8, place: &str| Keys {
            act: Some(Act::PhoneCall),
            day: DayEvidence {
                weekdays: 1 << weekday,
                ..DayEvidence::default()
            },
            place: places::read(place, &fold_text(place)),
            ..Keys::default()
        };
        let untold = Keys {
            act: Some(Act::Call),
            ..Keys::default()
        };
        // A Saturday phone call, and a call that says nothing more.
        assert_eq!(agreeing(&call(5, "Geneva"), &call(5, "Geneva")), 3);
        assert_eq!(agreeing(&call(5, ""), &untold), 1);
        assert_eq!(agreeing(&call(5, ""), &call(1, "")), 1);
        assert_eq!(agreeing(&Keys::default(), &untold), 0);
    }

    #[test]
    fn groups_whose_days_are_apart_are_kept_apart() {
        let mut a = Tally::of(&keys(100), &[]);
        a.merge(Tally::of(&keys(101), &[]));
        let b = Tally::of(&keys(130), &[]);
        assert!(matches!(a.apart(&b), Some(Apart::Day { .. })));
        let c = Tally::of(&keys(101), &[]);
        assert_eq!(a.apart(&c), None);
    }
}
