//! What a report says happened: a phone call, a video call, a meeting, a
//! speech, a briefing, a statement, and whether it was done or only announced.
//! Read from the words of the lead (`data/acts.txt`, many languages), the
//! earliest weighing most: a lead says first what happened.

use std::sync::LazyLock;

use serde::Serialize;

use super::lexicon::{Ends, Hit, Lexicon, prefix};

/// The kind of happening.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Act {
    PhoneCall,
    VideoCall,
    /// A call whose medium the copy does not tell (`the call`, `a call with`).
    Call,
    Meeting,
    Speech,
    Briefing,
    Statement,
}

impl Act {
    pub fn name(self) -> &'static str {
        match self {
            Act::PhoneCall => "phone call",
            Act::VideoCall => "video call",
            Act::Call => "call",
            Act::Meeting => "meeting",
            Act::Speech => "speech",
            Act::Briefing => "briefing",
            Act::Statement => "statement",
        }
    }
}

/// Whether the happening took place or is to come.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    Done,
    Announced,
}

/// The list's sections, in class order.
const SECTIONS: [&str; 11] = [
    "phone",
    "video",
    "call",
    "meeting",
    "visit",
    "speech",
    "briefing",
    "statement",
    "announced",
    "done",
    "neither",
];
const PHONE: usize = 0;
const VIDEO: usize = 1;
const CALL: usize = 2;
const MEETING: usize = 3;
const VISIT: usize = 4;
const SPEECH: usize = 5;
const BRIEFING: usize = 6;
const STATEMENT: usize = 7;
const ANNOUNCED: usize = 8;
const DONE: usize = 9;

/// How far into the lead the act is read, in bytes.
const ACT_BYTES: usize = 500;
/// A word this many bytes in weighs half as much as the first.
const HALF_WEIGHT_AT: f32 = 150.0;
/// Less evidence than this says nothing.
const MIN_SCORE: f32 = 0.15;
/// The weight of announcement words a lead needs to tell an announcement: one
/// word within its first `HALF_WEIGHT_AT` bytes, or several further on.
const ANNOUNCED_MIN: f32 = 0.5;

/// The acts' words and the modes' words: two lists, as a word may be both
/// (`met` tells a meeting, and that it took place).
static LISTS: LazyLock<[Lexicon; 2]> = LazyLock::new(|| {
    let entries = crate::data::sections(include_str!("../../data/acts.txt"));
    let list = |modes: bool| {
        Lexicon::new(
            entries.iter().filter_map(|&(section, entry)| {
                let class = SECTIONS.iter().position(|s| *s == section)?;
                ((class >= ANNOUNCED) == modes).then_some((class as u16, entry))
            }),
            Ends::Stem,
        )
    };
    [list(false), list(true)]
});

/// The act and mode a lead tells, each when it tells one.
pub fn read(lead: &str, folded: &str) -> (Option<Act>, Option<Mode>) {
    let (lead, folded) = (prefix(lead, ACT_BYTES), prefix(folded, ACT_BYTES));
    let hits: Vec<Hit> = LISTS
        .iter()
        .flat_map(|list| list.hits(lead, folded))
        .collect();
    let mut score = [0.0f32; SECTIONS.len()];
    let mut count = [0usize; SECTIONS.len()];
    for h in &hits {
        score[h.class as usize] += 1.0 / (1.0 + h.at as f32 / HALF_WEIGHT_AT);
        count[h.class as usize] += 1;
    }
    // A call whose medium is not told counts for the medium the lead names
    // elsewhere, if it names one.
    let medium = if score[VIDEO] > 0.0 && score[VIDEO] >= score[PHONE] {
        Act::VideoCall
    } else if score[PHONE] > 0.0 {
        Act::PhoneCall
    } else {
        Act::Call
    };
    let call = score[VIDEO].max(score[PHONE]) + score[CALL];
    let candidates = [
        (medium, call),
        (Act::Meeting, score[MEETING] + 0.5 * score[VISIT]),
        (Act::Speech, score[SPEECH]),
        (Act::Briefing, 0.5 * score[BRIEFING]),
        (Act::Statement, 0.3 * score[STATEMENT]),
    ];
    let mut best = candidates[0];
    for c in &candidates[1..] {
        if c.1 > best.1 {
            best = *c;
        }
    }
    // `a virtual summit`, `a video meeting`, `talks by phone`: the medium wins.
    if best.0 == Act::Meeting {
        if score[VIDEO] >= 0.3 * best.1 {
            best = (Act::VideoCall, score[VIDEO]);
        } else if score[PHONE] >= 0.5 * best.1 {
            best = (Act::PhoneCall, score[PHONE]);
        }
    }
    let act = (best.1 > MIN_SCORE).then_some(best.0);
    // Announced when the words of what is to come outweigh those of what was
    // done, and the head of the lead says so: a `soll` or `ahead of` deep in a
    // report of the happening is about something else.
    let mode = if score[ANNOUNCED] > score[DONE] && score[ANNOUNCED] >= ANNOUNCED_MIN {
        Some(Mode::Announced)
    } else if count[DONE] > 0 || act.is_some() {
        Some(Mode::Done)
    } else {
        None
    };
    (act, mode)
}

/// How much of a pair's similarity survives when their acts differ: a call and
/// a meeting of the same two people are two happenings, a phone and a video
/// call less surely (copy mixes them up).
pub fn factor(a: (Option<Act>, Option<Mode>), b: (Option<Act>, Option<Mode>)) -> f32 {
    let mut f = 1.0;
    if let (Some(x), Some(y)) = (a.0, b.0) {
        f *= conflict(x, y);
    }
    if let (Some(x), Some(y)) = (a.1, b.1) {
        if x != y {
            f *= MODE_CONFLICT;
        }
    }
    f
}

/// How much of a pair's similarity survives an announcement against the happening.
const MODE_CONFLICT: f32 = 0.2;

/// The similarity kept between two acts (the squares of what copy's mix-ups
/// allow: on real coverage, squared kept near misses apart better).
pub fn conflict(a: Act, b: Act) -> f32 {
    use Act::*;
    let (a, b) = if a <= b { (a, b) } else { (b, a) };
    match (a, b) {
        _ if a == b => 1.0,
        (PhoneCall, VideoCall) => 0.25,
        (PhoneCall | VideoCall, Call) => 1.0,
        (Call, Meeting) => 0.16,
        (Call, Speech) => 0.09,
        (PhoneCall, Meeting) => 0.06,
        (VideoCall, Meeting) => 0.16,
        (Meeting, Speech) => 0.16,
        (PhoneCall, Speech) => 0.06,
        (VideoCall, Speech) => 0.09,
        _ => 1.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::romanise::fold_text;

    fn act(lead: &str) -> (Option<Act>, Option<Mode>) {
        read(lead, &fold_text(lead))
    }

    #[test]
    fn the_act_is_read_in_several_languages() {
        assert_eq!(
            act("Biden and Putin spoke by phone for an hour.").0,
            Some(Act::PhoneCall)
        );
        assert_eq!(
            act("Байден и Путин провели телефонный разговор.").0,
            Some(Act::PhoneCall)
        );
        assert_eq!(act("拜登与普京通电话。").0, Some(Act::PhoneCall));
        assert_eq!(
            act("Macron et Poutine se sont rencontrés au Kremlin.").0,
            Some(Act::Meeting)
        );
        assert_eq!(
            act("The two leaders held a virtual summit on Monday.").0,
            Some(Act::VideoCall)
        );
        // An online summit is a video call, in any language.
        assert_eq!(
            act("Les deux présidents ont tenu mardi un sommet en ligne de deux heures.").0,
            Some(Act::VideoCall)
        );
        assert_eq!(
            act("Los dos mandatarios celebraron una cumbre en línea el martes.").0,
            Some(Act::VideoCall)
        );
    }

    #[test]
    fn a_call_that_does_not_say_how_is_a_call_of_either_medium() {
        let (call, _) = act("In a tense call with Ortvald on Tuesday, Mirenko warned of costs.");
        assert_eq!(call, Some(Act::Call));
        // It joins a video call or a phone call, not a meeting.
        assert_eq!(conflict(Act::Call, Act::VideoCall), 1.0);
        assert_eq!(conflict(Act::PhoneCall, Act::Call), 1.0);
        assert!(conflict(Act::Call, Act::Meeting) < 0.5);
        // A medium named elsewhere in the lead is the call's.
        assert_eq!(
            act("The call with Ortvald, held by video link, lasted two hours.").0,
            Some(Act::VideoCall)
        );
    }

    #[test]
    fn a_modal_deep_in_the_lead_does_not_make_an_announcement() {
        // The head tells a talk held; the `sollte` far in is about what follows.
        let lead = "Der Außenminister Varko zog am Freitag in Genf eine positive Bilanz \
            seines Gesprächs mit seinem Kollegen Delmar. Der Austausch sei offen und \
            nützlich gewesen, die Positionen lägen aber weit auseinander, hieß es aus \
            seiner Delegation. Ein weiterer Kontakt sollte im Frühjahr folgen.";
        assert_eq!(act(lead), (Some(Act::Meeting), Some(Mode::Done)));
        // At the head, the same word tells what is to come.
        let ahead = "Varko soll am Freitag in Genf seinen Kollegen Delmar treffen.";
        assert_eq!(act(ahead).1, Some(Mode::Announced));
    }

    #[test]
    fn a_condition_is_no_announcement() {
        // `Sollte` opens a condition (should it come to that), not a plan,
        // however near the head it stands.
        let lead = "Präsident Orlov hat Präsident Sand mit Zöllen gedroht. Sollte der \
            Streit weiter eskalieren, drohten harte Maßnahmen, sagte Orlov nach dem \
            Videogipfel am Dienstag.";
        assert_ne!(act(lead).1, Some(Mode::Announced));
    }

    #[test]
    fn an_announcement_is_told_from_the_happening() {
        assert_eq!(
            act("Blinken will meet Lavrov in Geneva on Friday.").1,
            Some(Mode::Announced)
        );
        assert_eq!(
            act("Blinken met Lavrov in Geneva on Friday.").1,
            Some(Mode::Done)
        );
    }
}
