//! When it happened: the day a report's happening took place, from its
//! publication date and the dates and weekdays its lead names
//! (`data/calendar.txt`, many languages). A date the lead names near the
//! publication date wins; a weekday counts back from the publication date; an
//! announcement is of the day it was published (the dates it names are those
//! of the happening to come, a near miss of its own).

use std::sync::LazyLock;

use jiff::civil::{Date, date};
use serde::Serialize;

use super::lead::Stamp;
use super::lexicon::{Ends, Hit, Lexicon, prefix};

/// How far into the lead dates are read, in bytes.
const DATE_BYTES: usize = 800;
/// A date this far before the publication date may still be the happening's.
const DAYS_BEFORE: i32 = 10;

/// Days since 1970-01-01.
pub type Day = i32;

/// How the day was read: how far it can be trusted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum How {
    /// A date the lead names, near the publication date.
    Date,
    /// An announcement: the day it was published.
    Announced,
    /// A weekday the lead names, counted back from the publication date.
    Weekday,
    /// The publication date (or the stamp) alone.
    Published,
    /// A date the lead names, with no publication date to check it against.
    Unanchored,
}

/// What a report says about the day of its happening.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct DayEvidence {
    pub day: Option<(Day, How)>,
    /// With no day to place them: the weekdays the lead names, a bit each
    /// (bit 0 = Monday), and the dates it names without a year, as
    /// `month * 32 + day` (0: none). Copy without a publication date often
    /// says `on Tuesday` or `7 December`; that is enough to tell a call on a
    /// Tuesday from one on a Saturday.
    pub weekdays: u8,
    pub dates: [u16; NAMED_KEPT],
}

/// The dates without a year kept from a lead.
const NAMED_KEPT: usize = 3;
/// Days of the year, for dates without one (a leap day is rare enough).
const YEAR_DAYS: i32 = 365;

/// How much of two reports' similarity their days leave: none for days
/// well apart, some for days two or three apart (a slow story, a late copy).
fn days_apart(d: i32) -> f32 {
    match d {
        0..=1 => 1.0,
        2..=3 => 0.3,
        _ => 0.0,
    }
}

/// How much similarity survives a clash of dates named without a year or a
/// publication date to check them: a lead may name the date of something
/// else (`since 24 February`), so little is taken.
const DATE_CONFLICT: f32 = 0.6;
/// How much survives a clash of the weekdays leads name: `on Tuesday` in a
/// lead is nearly always the happening's day, but not checked against one.
const WEEKDAY_CONFLICT: f32 = 0.3;

impl DayEvidence {
    /// How much of two reports' similarity their days leave.
    pub fn factor(&self, other: &DayEvidence) -> f32 {
        if let (Some(x), Some(y)) = (self.anchored(), other.anchored()) {
            return days_apart((x - y).abs());
        }
        // Dates without a year: apart only if none of one's is near one of the other's.
        let mut f = 1.0;
        let (ours, theirs) = (self.month_days(), other.month_days());
        if ours.iter().any(Option::is_some) && theirs.iter().any(Option::is_some) {
            let nearest = ours
                .iter()
                .flatten()
                .flat_map(|a| theirs.iter().flatten().map(move |b| circular(*a - *b)))
                .min()
                .unwrap_or(0);
            f *= days_apart(nearest).max(DATE_CONFLICT);
        }
        let (ours, theirs) = (self.weekday_bits(), other.weekday_bits());
        if ours != 0 && theirs != 0 {
            // Within a day of each other (time zones: Tuesday evening in
            // Washington is Wednesday in Beijing).
            let near = (0..7)
                .filter(|wd| theirs & 1 << wd != 0)
                .fold(0u8, |bits, wd| {
                    bits | 1 << wd | 1 << ((wd + 1) % 7) | 1 << ((wd + 6) % 7)
                });
            if ours & near == 0 {
                f *= WEEKDAY_CONFLICT;
            }
        }
        f
    }

    /// The day, when it was checked against a publication date.
    pub fn anchored(&self) -> Option<Day> {
        self.day.filter(|d| d.1 != How::Unanchored).map(|d| d.0)
    }

    /// Days of the year (0-364) the lead places the happening on: the day
    /// checked against a publication date, else each date it names.
    fn month_days(&self) -> [Option<i32>; NAMED_KEPT] {
        let mut out = [None; NAMED_KEPT];
        if let Some(d) = self.anchored().and_then(from_day) {
            out[0] = Some(day_of_year(d.month(), d.day()));
            return out;
        }
        for (o, &packed) in out.iter_mut().zip(&self.dates) {
            if packed != 0 {
                *o = Some(day_of_year((packed / 32) as i8, (packed % 32) as i8));
            }
        }
        out
    }

    /// The weekdays the lead places the happening on, a bit each.
    pub fn weekday_bits(&self) -> u8 {
        match self.anchored().and_then(from_day) {
            Some(d) => 1 << d.weekday().to_monday_zero_offset(),
            None => self.weekdays,
        }
    }

    /// How much a day read this way counts in a group's vote.
    pub fn confidence(&self) -> f32 {
        match self.day {
            Some((_, How::Date)) => 1.0,
            Some((_, How::Announced | How::Weekday)) => 0.8,
            Some((_, How::Published)) => 0.6,
            Some((_, How::Unanchored)) => 0.4,
            None => 0.0,
        }
    }
}

const MONTHS: u16 = 0;
const WEEKDAYS: u16 = 100;
const YESTERDAY: u16 = 200;

static WORDS: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut entries: Vec<(u16, &str)> = Vec::new();
    let (mut month, mut weekday) = (0u16, 0u16);
    for (section, line) in crate::data::sections(include_str!("../../data/calendar.txt")) {
        let class = match section {
            "months" => {
                month += 1;
                MONTHS + month
            }
            "weekdays" => {
                weekday += 1;
                WEEKDAYS + weekday - 1
            }
            "yesterday" => YESTERDAY,
            _ => continue,
        };
        entries.extend(line.split('|').map(|w| (class, w.trim())));
    }
    Lexicon::new(entries, Ends::Word)
});

/// What `text` (a few words) names of the calendar, in any language
/// `data/calendar.txt` lists: the weekday (Monday `0`), and whether a month.
pub fn weekday_and_month(text: &str) -> (Option<u8>, bool) {
    let hits = WORDS.hits(text, &crate::events::romanise::fold_text(text));
    let weekday = hits
        .iter()
        .find(|h| (WEEKDAYS..WEEKDAYS + 7).contains(&h.class))
        .map(|h| (h.class - WEEKDAYS) as u8);
    let month = hits
        .iter()
        .any(|h| (MONTHS + 1..=MONTHS + 12).contains(&h.class));
    (weekday, month)
}

/// The distance between two days of the year, either way round.
fn circular(d: i32) -> i32 {
    let d = d.rem_euclid(YEAR_DAYS);
    d.min(YEAR_DAYS - d)
}

/// A date's day of the year (0-364), counted in a year that is not a leap year.
fn day_of_year(month: i8, day: i8) -> i32 {
    Date::new(2001, month, 1).map_or(0, |d| i32::from(d.day_of_year()) - 2 + i32::from(day))
}

pub fn to_day(d: Date) -> Day {
    d.since(date(1970, 1, 1)).map_or(0, |span| span.get_days())
}

pub fn from_day(day: Day) -> Option<Date> {
    date(1970, 1, 1)
        .checked_add(jiff::Span::new().days(i64::from(day)))
        .ok()
}

/// A date the lead names: where (a fraction of the lead), and its parts.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Named {
    at: f32,
    year: Option<i16>,
    month: i8,
    day: i8,
}

/// The day of the happening a report tells.
pub fn read(
    lead: &str,
    folded: &str,
    published: Option<Date>,
    stamp: Option<Stamp>,
    announced: bool,
) -> DayEvidence {
    let lead = prefix(lead, DATE_BYTES);
    let folded = prefix(folded, DATE_BYTES);
    let anchor = published.or(match stamp {
        Some(Stamp::Day(d)) => Some(d),
        _ => None,
    });
    let month = anchor.map(|d| (d.year(), d.month())).or(match stamp {
        Some(Stamp::Month(y, m)) => Some((y, m)),
        _ => None,
    });
    let words = WORDS.hits(lead, folded);
    let mut named = dates(lead, folded, &words);
    // A date at the very start is the page's stamp, not the happening's; with
    // no publication date it is no anchor either (on ECB+ such dates cost 0.03 F1).
    if named.first().is_some_and(|n| n.at < 0.06) {
        named.remove(0);
    }
    let mut evidence = DayEvidence::default();
    if announced {
        evidence.day = anchor.map(|d| (to_day(d), How::Announced));
        return evidence;
    }
    if anchor.is_none() {
        for (kept, n) in evidence.dates.iter_mut().zip(&named) {
            *kept = n.month as u16 * 32 + n.day as u16;
        }
    }
    for n in &named {
        let year = n
            .year
            .or_else(|| month.map(|(y, m)| if n.month >= 11 && m <= 2 { y - 1 } else { y }));
        let Some(year) = year else { continue };
        let Ok(d) = Date::new(year, n.month, n.day) else {
            continue;
        };
        let day = to_day(d);
        if let Some(a) = anchor {
            let a = to_day(a);
            if day < a - DAYS_BEFORE || day > a + 1 {
                continue;
            }
        }
        if let Some((y, m)) = month {
            let apart =
                (i32::from(year) * 12 + i32::from(n.month)) - (i32::from(y) * 12 + i32::from(m));
            if apart.abs() > 1 {
                continue;
            }
        }
        let how = if anchor.is_some() {
            How::Date
        } else {
            How::Unanchored
        };
        evidence.day = Some((day, how));
        return evidence;
    }
    let named_weekdays: Vec<u8> = words
        .iter()
        .filter(|h| (WEEKDAYS..WEEKDAYS + 7).contains(&h.class))
        .map(|h| (h.class - WEEKDAYS) as u8)
        .chain(chinese_weekday(lead))
        .collect();
    let weekday = named_weekdays.first().copied();
    if let (Some(wd), Some(a)) = (weekday, anchor) {
        let back = (i32::from(a.weekday().to_monday_zero_offset()) - i32::from(wd)).rem_euclid(7);
        // The weekday after the publication day is the next day (a time zone
        // ahead, or `on Saturday` in Friday's copy of what is to come), not six
        // days before: a named date may be a day after it too.
        let back = if back == 6 { -1 } else { back };
        evidence.day = Some((to_day(a) - back, How::Weekday));
        return evidence;
    }
    evidence.weekdays = named_weekdays.iter().fold(0, |bits, &wd| bits | 1 << wd);
    if let Some(a) = anchor {
        let yesterday = words.iter().any(|h| h.class == YESTERDAY && h.at < 300);
        evidence.day = Some((to_day(a) - i32::from(yesterday), How::Published));
    }
    evidence
}

/// `星期一`, `周五`: a Chinese weekday.
fn chinese_weekday(lead: &str) -> Option<u8> {
    if lead.is_ascii() {
        return None;
    }
    let chars: Vec<char> = lead.chars().collect();
    chars.windows(2).find_map(|w| {
        if !matches!(w[0], '周' | '週' | '期') {
            return None;
        }
        "一二三四五六日天"
            .chars()
            .position(|c| c == w[1])
            .map(|i| i.min(6) as u8)
    })
}

/// The dates `lead` names, in order: `21 January 2022`, `January 21`,
/// `21 января`, `2022-01-21`, `21.01.2022`, `2022年1月21日`, `1월 21일`.
/// A date followed by a clock time is a page stamp and is skipped.
fn dates(lead: &str, folded: &str, words: &[Hit]) -> Vec<Named> {
    let mut out = Vec::new();
    let len = folded.len().max(1) as f32;
    let bytes = folded.as_bytes();
    for h in words
        .iter()
        .filter(|h| h.folded && (MONTHS + 1..=MONTHS + 12).contains(&h.class))
    {
        let month = (h.class - MONTHS) as i8;
        // `21 January`, `21. Januar`, `21-го января`, `14 de noviembre`
        let day_before = day_before(&folded[..h.at]);
        // `January 21`, `January 21st`
        let after = folded[h.end..].trim_start_matches([' ', '.']);
        let (day_after, rest) = leading_number(after);
        let day = day_before
            .filter(|d| (1..=31).contains(d))
            .or(day_after.filter(|d| (1..=31).contains(d)));
        let Some(day) = day else { continue };
        let tail = if day_before.is_some() { after } else { rest };
        let tail = tail.trim_start_matches(|c: char| c.is_ascii_alphabetic() && c != ' ');
        let tail = tail.trim_start_matches([',', ' ']);
        let tail = tail.strip_prefix("de ").unwrap_or(tail);
        let (year, after_year) = leading_number(tail);
        let year = year.filter(|y| (1900..2100).contains(y)).map(|y| y as i16);
        if clock_follows(if year.is_some() { after_year } else { tail }) {
            continue;
        }
        out.push(Named {
            at: h.at as f32 / len,
            year,
            month,
            day: day as i8,
        });
    }
    // Numeric dates: `2022-01-21`, `2022/1/21`, `21.01.2022`, `21/01/2022`.
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit()
            || (i > 0 && (bytes[i - 1].is_ascii_digit() || bytes[i - 1] == b'.'))
        {
            i += 1;
            continue;
        }
        let parts = numeric_parts(&folded[i..]);
        if let Some((y, m, d, used)) = parts {
            if !clock_follows(&folded[i + used..]) {
                out.push(Named {
                    at: i as f32 / len,
                    year: y,
                    month: m,
                    day: d,
                });
            }
            i += used;
        } else {
            i += 1;
        }
    }
    out.extend(east_asian(lead, len));
    out.sort_by(|a, b| a.at.total_cmp(&b.at));
    out
}

/// The day of the month written before a month's name.
fn day_before(s: &str) -> Option<u32> {
    let s = s.trim_end();
    let s = s.strip_suffix(" de").unwrap_or(s).trim_end();
    let s = s.trim_end_matches('.');
    let s = ["-go", "go", "-e", "er", "th", "st", "nd", "rd"]
        .iter()
        .find_map(|end| {
            s.strip_suffix(end)
                .filter(|h| h.ends_with(|c: char| c.is_ascii_digit()))
        })
        .unwrap_or(s);
    trailing_number(s).0
}

fn trailing_number(s: &str) -> (Option<u32>, &str) {
    match trailing_digits(s) {
        (Some(n), head)
            if n < 100
                && !head
                    .bytes()
                    .last()
                    .is_some_and(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'/') =>
        {
            (Some(n), head)
        }
        _ => (None, s),
    }
}

fn leading_number(s: &str) -> (Option<u32>, &str) {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 4 {
        return (None, s);
    }
    (s[..digits].parse().ok(), &s[digits..])
}

/// `, 11:40` or ` | 07:36 pm` after a date: a time stamp.
fn clock_follows(s: &str) -> bool {
    let s = s.trim_start_matches([',', ' ', '|', '-']);
    let (h, rest) = leading_number(s);
    h.is_some_and(|h| h < 24)
        && (rest.starts_with(':')
            || rest.starts_with('h') && rest[1..].starts_with(|c: char| c.is_ascii_digit()))
}

/// A numeric date at the start of `s`: (year, month, day, bytes used).
fn numeric_parts(s: &str) -> Option<(Option<i16>, i8, i8, usize)> {
    let mut nums: Vec<(u32, usize)> = Vec::new();
    let mut seps: Vec<u8> = Vec::new();
    let mut at = 0;
    let bytes = s.as_bytes();
    while nums.len() < 3 {
        let (n, _) = leading_number(&s[at..]);
        let digits = s[at..].bytes().take_while(u8::is_ascii_digit).count();
        let n = n?;
        nums.push((n, digits));
        at += digits;
        match bytes.get(at) {
            Some(&c @ (b'-' | b'/' | b'.'))
                if bytes.get(at + 1).is_some_and(u8::is_ascii_digit) && nums.len() < 3 =>
            {
                seps.push(c);
                at += 1;
            }
            _ => break,
        }
    }
    let ok = |m: u32, d: u32| (1..=12).contains(&m) && (1..=31).contains(&d);
    match nums.as_slice() {
        [(y, 4), (m, 1..=2), (d, 1..=2)] if seps[0] != b'.' && ok(*m, *d) => {
            Some((Some(*y as i16), *m as i8, *d as i8, at))
        }
        [(d, 1..=2), (m, 1..=2), (y, 4)] if ok(*m, *d) && seps[0] == seps[1] => {
            Some((Some(*y as i16), *m as i8, *d as i8, at))
        }
        [(d, 1..=2), (m, 1..=2)] if seps[0] == b'.' && ok(*m, *d) => {
            Some((None, *m as i8, *d as i8, at))
        }
        _ => None,
    }
}

/// `2022年3月14日`, `3月14日`, `11월 14일`.
fn east_asian(lead: &str, len: f32) -> Vec<Named> {
    let mut out = Vec::new();
    for (marker, day_mark) in [('月', '日'), ('월', '일')] {
        for (at, _) in lead.match_indices(marker) {
            let before = lead[..at].trim_end();
            let (month, head) = trailing_digits(before);
            let after = lead[at + marker.len_utf8()..].trim_start();
            let digits = after.bytes().take_while(u8::is_ascii_digit).count();
            let day: Option<u32> = after[..digits].parse().ok();
            if !after[digits..].trim_start().starts_with(day_mark) {
                continue;
            }
            let (Some(month), Some(day)) = (month, day) else {
                continue;
            };
            if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
                continue;
            }
            let head = head.trim_end();
            let head = head
                .strip_suffix('年')
                .or_else(|| head.strip_suffix('년'))
                .map(str::trim_end);
            let year = head
                .and_then(|h| trailing_digits(h).0)
                .filter(|y| (1900..2100).contains(y));
            out.push(Named {
                at: at as f32 / len,
                year: year.map(|y| y as i16),
                month: month as i8,
                day: day as i8,
            });
        }
    }
    out
}

fn trailing_digits(s: &str) -> (Option<u32>, &str) {
    let digits = s.bytes().rev().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 4 {
        return (None, s);
    }
    let (head, num) = s.split_at(s.len() - digits);
    (num.parse().ok(), head)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::romanise::fold_text;

    fn day(lead: &str, published: Option<Date>) -> Option<(Date, How)> {
        read(lead, &fold_text(lead), published, None, false)
            .day
            .and_then(|(d, how)| from_day(d).map(|d| (d, how)))
    }

    #[test]
    fn a_named_date_near_publication_is_the_day() {
        let p = Some(date(2022, 1, 22));
        let lead = "Reports followed the talks. Blinken met Lavrov in Geneva on 21 January, officials said.";
        assert_eq!(day(lead, p), Some((date(2022, 1, 21), How::Date)));
        let ru = "Переговоры прошли. Лавров и Блинкен встретились 21 января в Женеве.";
        assert_eq!(day(ru, p), Some((date(2022, 1, 21), How::Date)));
        let zh = "新华社消息。2022年1月21日，布林肯与拉夫罗夫会晤。";
        assert_eq!(day(zh, p), Some((date(2022, 1, 21), How::Date)));
    }

    #[test]
    fn a_weekday_counts_back_from_publication() {
        // 2022-01-22 is a Saturday; `on Thursday` is the 20th.
        let lead = "The two ministers spoke by phone on Thursday, the ministry said.";
        assert_eq!(
            day(lead, Some(date(2022, 1, 22))),
            Some((date(2022, 1, 20), How::Weekday))
        );
    }

    #[test]
    fn the_weekday_after_publication_is_the_next_day() {
        // 2022-06-10 is a Friday: `on Saturday` is the 11th, not the 4th.
        let lead = "The defence ministers are to address the forum on Saturday morning.";
        assert_eq!(
            day(lead, Some(date(2022, 6, 10))),
            Some((date(2022, 6, 11), How::Weekday))
        );
    }

    fn evidence(lead: &str) -> DayEvidence {
        read(lead, &fold_text(lead), None, None, false)
    }

    #[test]
    fn undated_copy_is_told_apart_by_the_weekday_and_date_it_names() {
        let tuesday = evidence("Vasko and Delmar spoke by phone on Tuesday.");
        let wednesday = evidence("Vasko y Delmar hablaron el miércoles.");
        let saturday = evidence("Vasko und Delmar telefonierten am Samstag.");
        // A day apart is one happening seen from two time zones.
        assert_eq!(tuesday.factor(&wednesday), 1.0);
        assert_eq!(tuesday.factor(&saturday), WEEKDAY_CONFLICT);
        // A date without a year: near another's date, or not.
        let seventh = evidence("The call, on 7 December, lasted two hours.");
        let eighth = evidence("Говорили 8 декабря, сообщил Кремль.");
        let thirtieth = evidence("The leaders spoke on December 30 for an hour.");
        assert_eq!(seventh.factor(&eighth), 1.0);
        assert_eq!(seventh.factor(&thirtieth), DATE_CONFLICT);
        // Across the new year, 30 December is near 1 January.
        let first = evidence("They met again on 1 January.");
        assert_eq!(thirtieth.factor(&first), 0.3_f32.max(DATE_CONFLICT));
        // A background date does not part two reports that share another.
        let background = evidence("Since 24 February the talks stalled; on 7 December they spoke.");
        assert_eq!(background.factor(&seventh), 1.0);
        // Nothing named, nothing said.
        assert_eq!(evidence("They spoke.").factor(&saturday), 1.0);
    }

    #[test]
    fn a_date_with_a_clock_time_is_a_page_stamp() {
        let lead = "The talks began. Published 21 January 2022, 11:40. Officials met on Friday.";
        assert_eq!(
            day(lead, Some(date(2022, 1, 22))),
            Some((date(2022, 1, 21), How::Weekday))
        );
    }
}
