//! Days as integers (days since 1970-01-01) and the ways reports write them.

pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
/// AP style: `Jan.`, `March`, `Sept.`.
const MONTHS_AP: [&str; 12] = [
    "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
    "Dec.",
];
/// Reuters style: `Jan`, `March`, `Sept`.
const MONTHS_SHORT: [&str; 12] = [
    "Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec",
];
/// The weekdays' names, Monday first: the ones the checker reads.
pub use crosscheck::events::WEEKDAYS;

/// A civil date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date {
    pub year: i32,
    /// 1 to 12.
    pub month: u32,
    /// 1 to 31.
    pub day: u32,
}

/// The date `days` days after 1970-01-01 (Howard Hinnant's civil_from_days).
pub fn date(days: i32) -> Date {
    let z = i64::from(days) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    Date { year, month, day }
}

/// Days since 1970-01-01 of a civil date (days_from_civil).
pub fn days(date: Date) -> i32 {
    let year = i64::from(date.year) - i64::from(date.month <= 2);
    let era = year.div_euclid(400);
    let yoe = year - era * 400;
    let m = i64::from(date.month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(date.day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    (era * 146_097 + doe - 719_468) as i32
}

/// `YYYY-MM-DD`, if it is a real date.
pub fn parse(text: &str) -> Option<i32> {
    let mut parts = text.trim().splitn(3, '-');
    let year: i32 = parts.next()?.parse().ok()?;
    let month: u32 = parts.next()?.parse().ok()?;
    let day: u32 = parts.next()?.parse().ok()?;
    let d = Date { year, month, day };
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) || date(days(d)) != d {
        return None;
    }
    Some(days(d))
}

/// 0 is Monday.
pub fn weekday(days: i32) -> usize {
    (i64::from(days) + 3).rem_euclid(7) as usize
}

pub fn iso(days: i32) -> String {
    let d = date(days);
    format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)
}

pub fn compact(days: i32) -> String {
    let d = date(days);
    format!("{:04}{:02}{:02}", d.year, d.month, d.day)
}

/// `January 27, 2022`.
pub fn long(days: i32) -> String {
    let d = date(days);
    format!("{} {}, {}", MONTHS[d.month as usize - 1], d.day, d.year)
}

/// `January 27`.
pub fn month_day(days: i32) -> String {
    let d = date(days);
    format!("{} {}", MONTHS[d.month as usize - 1], d.day)
}

/// `Jan. 27`.
pub fn month_day_ap(days: i32) -> String {
    let d = date(days);
    format!("{} {}", MONTHS_AP[d.month as usize - 1], d.day)
}

/// `Jan 27`.
pub fn month_day_short(days: i32) -> String {
    let d = date(days);
    format!("{} {}", MONTHS_SHORT[d.month as usize - 1], d.day)
}

pub fn month_name(days: i32) -> &'static str {
    MONTHS[date(days).month as usize - 1]
}

pub fn year(days: i32) -> i32 {
    date(days).year
}
