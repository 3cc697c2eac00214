//! The record fields every input format shares (JSON objects, YAML front
//! matter), and how they become a [`Report`]: defaults for what is missing,
//! and the one date parser, so that all formats agree.

use std::fmt;
use std::path::Path;

use jiff::civil::Date;
use serde::Deserialize;
use serde::de::{Deserializer, Visitor};

use super::{Origin, Report};

/// A record as written. Unknown fields (PolNeAR's `gold` annotations, say) are
/// skipped by serde without being built. `T` is how the format carries `text`:
/// a raw JSON string to decode and locate, or nothing in front matter, where
/// the text is the body.
#[derive(Debug, Deserialize)]
#[serde(expecting = "a report object")]
pub(super) struct Fields<T> {
    pub id: Option<Id>,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub event: Option<String>,
    pub text: Option<T>,
}

impl<T> Default for Fields<T> {
    fn default() -> Self {
        Fields {
            id: None,
            outlet: None,
            published: None,
            title: None,
            url: None,
            event: None,
            text: None,
        }
    }
}

impl<T> Fields<T> {
    /// The report these fields describe. `default_id` names the report when the
    /// record does not. A report without an outlet is named by its own id when
    /// it is one record of many (`record`: a JSON Lines line, an element of a
    /// JSON array), since their file's name is every record's; else by the
    /// file's stem (`xinhua.md` → `xinhua`). Fails only on an unparsable date,
    /// with the reason.
    pub(super) fn into_report(
        self,
        text: String,
        origin: Origin,
        default_id: String,
        record: bool,
    ) -> Result<Report, String> {
        let own_id = given(self.id.as_ref().map(|id| id.0.clone()));
        let published = match self.published.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(value) => Some(parse_date(value)?),
        };
        Ok(Report {
            id: given(self.id.map(|id| id.0)).unwrap_or(default_id),
            outlet: given(self.outlet)
                .or(own_id.filter(|_| record))
                .unwrap_or_else(|| default_outlet(&origin.path)),
            published,
            title: given(self.title),
            url: given(self.url),
            event: given(self.event),
            text,
            origin,
        })
    }
}

/// `YYYY-MM-DD`, or an RFC 3339 / ISO 8601 datetime of which only the date
/// counts: the day as the outlet wrote it, not converted to UTC.
pub(super) fn parse_date(value: &str) -> Result<Date, String> {
    jiff::fmt::temporal::Pieces::parse(value)
        .map(|pieces| pieces.date())
        .map_err(|_| {
            format!("unparsable date {value:?} (expected YYYY-MM-DD or an RFC 3339 datetime)")
        })
}

/// What an unnamed outlet is called: the file's stem (`xinhua.md` → `xinhua`).
fn default_outlet(path: &str) -> String {
    if path == "<stdin>" {
        return "stdin".to_owned();
    }
    Path::new(path).file_stem().map_or_else(
        || path.to_owned(),
        |stem| stem.to_string_lossy().into_owned(),
    )
}

/// Short fields are trimmed, and an empty one counts as absent: `"event": ""`
/// must not put every such report into one event.
fn given(value: Option<String>) -> Option<String> {
    let value = value?;
    let trimmed = value.trim();
    match trimmed.len() {
        0 => None,
        n if n == value.len() => Some(value),
        _ => Some(trimmed.to_owned()),
    }
}

/// A report id: a string, or an integer (`"id": 17`) taken as its digits.
#[derive(Debug)]
pub(super) struct Id(String);

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(IdVisitor)
    }
}

struct IdVisitor;

impl Visitor<'_> for IdVisitor {
    type Value = Id;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string or an integer")
    }

    fn visit_str<E>(self, value: &str) -> Result<Id, E> {
        Ok(Id(value.to_owned()))
    }

    fn visit_string<E>(self, value: String) -> Result<Id, E> {
        Ok(Id(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Id, E> {
        Ok(Id(value.to_string()))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Id, E> {
        Ok(Id(value.to_string()))
    }
}
