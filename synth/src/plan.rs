//! Planning one event, or a near-miss pair of events: who speaks, what they
//! say, which outlets report it and how each report renders each statement,
//! and where divergences are planted. Nothing here writes text (see render.rs):
//! a plan is exact, so the ground truth is derived from it, not guessed.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use crosscheck::rules::Rule;

use crate::calendar;
use crate::lists::{Data, Part, Template};
use crate::rng::Rng;
use crate::world::{Kind, Office, Outlet, Style, World};

/// What the planner needs from the command line.
#[derive(Debug, Clone)]
pub struct Rates {
    /// Share of non-primary reports that carry one planted divergence.
    pub divergence: f64,
    /// Chance that a rendering of a statement with a translation variant uses it.
    pub variant: f64,
    /// Chance that an event comes with a near-miss event.
    pub near_miss: f64,
    /// Share of reports without a publication date.
    pub undated: f64,
    /// Which rules may be planted, in the catalogue's order
    /// (`crosscheck::rules::catalogue()`).
    pub rules: Vec<&'static Rule>,
    pub min_outlets: usize,
    pub max_outlets: usize,
}

/// One word of a statement, or a run of words that came from one fill or choice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tok {
    pub text: Text,
    pub kind: TokKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    Plain,
    Comma,
    Fill(&'static str),
    /// A word translators render differently: which slot of `Statement::choices`.
    Choice(usize),
}

/// A token's text: a template's own words are borrowed, drawn ones shared, so
/// copying a wording never copies text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Text {
    Static(&'static str),
    Shared(Arc<str>),
}

impl std::ops::Deref for Text {
    type Target = str;

    fn deref(&self) -> &str {
        match self {
            Text::Static(s) => s,
            Text::Shared(s) => s,
        }
    }
}

impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self)
    }
}

impl From<&'static str> for Text {
    fn from(s: &'static str) -> Text {
        Text::Static(s)
    }
}

impl From<String> for Text {
    fn from(s: String) -> Text {
        Text::Shared(Arc::from(s))
    }
}

/// The words of a wording, with spaces and commas where they belong.
pub fn join(words: &[Tok]) -> String {
    let mut out = String::new();
    for (i, tok) in words.iter().enumerate() {
        let glued = tok.kind == TokKind::Comma || tok.text.starts_with('\'');
        if i > 0 && !glued {
            out.push(' ');
        }
        out.push_str(&tok.text);
    }
    out
}

/// Words `from..to` of a wording (clamped), joined.
pub fn join_range(words: &[Tok], from: usize, to: usize) -> String {
    let to = to.min(words.len());
    let from = from.min(to);
    join(&words[from..to])
}

/// One utterance of an event, as its primary source words it.
#[derive(Debug, Clone)]
pub struct Statement {
    pub speaker: usize,
    /// Whom it was said to, in a talk between two people.
    pub counterpart: Option<usize>,
    /// The other country of the statement's fills (`{P}`).
    pub other_country: usize,
    pub template: usize,
    pub words: Vec<Tok>,
    /// Other words with the same meaning; at least one.
    pub paraphrases: Vec<Vec<Tok>>,
    /// Per choice slot, its words: the primary source's first.
    pub choices: Vec<Vec<&'static str>>,
    /// Translation variants: per variant, the word chosen in each slot.
    pub variants: Vec<Vec<usize>>,
    /// The report (index in the event) that is its primary source.
    pub primary: usize,
    /// How the primary source reports it: `said that`, `stressed that`.
    pub reference_cue: &'static str,
    /// The primary source names the counterpart (`told Blinken that`).
    pub reference_told: bool,
}

impl Statement {
    /// The words of translation variant `v` (0 is the primary source's wording).
    pub fn variant_words(&self, v: usize) -> Vec<Tok> {
        let Some(choice) = v.checked_sub(1).and_then(|i| self.variants.get(i)) else {
            return self.words.clone();
        };
        self.words
            .iter()
            .map(|tok| match tok.kind {
                TokKind::Choice(slot) => Tok {
                    text: Text::Static(self.choices[slot][choice[slot]]),
                    kind: tok.kind,
                },
                _ => tok.clone(),
            })
            .collect()
    }

    /// The words that show variant `v` (1-based): its changed words and one
    /// word either side, never the first word (whose case depends on the frame).
    pub fn variant_evidence(&self, v: usize) -> String {
        let words = self.variant_words(v);
        let Some(choice) = self.variants.get(v.wrapping_sub(1)) else {
            return String::new();
        };
        let changed: Vec<usize> = words
            .iter()
            .enumerate()
            .filter(|(_, t)| matches!(t.kind, TokKind::Choice(s) if choice[s] != 0))
            .map(|(i, _)| i)
            .collect();
        let (Some(&first), Some(&last)) = (changed.first(), changed.last()) else {
            return String::new();
        };
        join_range(&words, first.saturating_sub(1).max(1), last + 2)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Phone,
    Video,
    Meeting,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventKind {
    Talks(Format),
    /// A ministry spokesperson's regular briefing.
    Briefing,
}

/// Facts of an event that background paragraphs repeat.
#[derive(Debug, Clone)]
pub struct Facts {
    pub ties: i32,
    pub trade: u32,
    pub trade0: u32,
    pub prev_city: &'static str,
    pub prev_month: &'static str,
    pub next_month: &'static str,
    pub forum_city: &'static str,
    pub since: i32,
    pub students: u32,
    pub minutes: u32,
}

#[derive(Debug, Clone)]
pub struct Event {
    pub id: String,
    pub kind: EventKind,
    pub day: i32,
    /// The lead participant (for a briefing, the spokesperson).
    pub a: usize,
    pub b: Option<usize>,
    /// The country the event is with (B's, or what the briefing is asked about).
    pub other_country: usize,
    /// Where talks were held (or the lead's capital).
    pub city: &'static str,
    pub topic: usize,
    pub topic_fields: BTreeMap<&'static str, &'static str>,
    pub second_label: &'static str,
    pub facts: Facts,
    pub statements: Vec<Statement>,
    pub reports: Vec<ReportPlan>,
    pub near_miss_of: Option<String>,
    pub plants: Vec<Plant>,
    /// Single-source sentences used (analyst?, template): never twice in an
    /// event, or the claim would have two outlets.
    pub exclusives: BTreeSet<(bool, usize)>,
}

#[derive(Debug, Clone)]
pub struct ReportPlan {
    pub id: String,
    pub outlet: usize,
    pub day: i32,
    pub dated: bool,
    /// An official outlet's readout or statement: the reference wording.
    pub primary: bool,
    pub items: Vec<Item>,
    /// The plant it carries (index into `Event::plants`).
    pub plant: Option<usize>,
    /// Another report copies it: it must stay as it is.
    pub locked: bool,
    /// It is a near-verbatim copy of this report (index in the event).
    pub copy_of: Option<usize>,
    /// The stream its wording choices are drawn from.
    pub seed: u64,
}

#[derive(Debug, Clone)]
pub enum Item {
    Say(Say),
    /// The statement's words in the outlet's own voice (CC006).
    OwnVoice(usize),
    /// A statement of the other event of a near-miss pair (CC010).
    Foreign(Box<Statement>),
    /// Words only this report carries (CC011).
    Exclusive(Exclusive),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wording {
    /// Variant 0 is the primary source's wording, then the translations.
    Words(usize),
    Paraphrase(usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// `"W," Wang said.`
    DirectAfter,
    /// `"W," said Wang.`
    DirectInverted,
    /// `Wang said: "W."`
    DirectBefore,
    /// `"W1," Wang said, "W2."` split at this comma token.
    DirectSplit(usize),
    /// `Wang said that w.`
    Indirect,
    /// `w, Wang said.`
    IndirectTrailing,
    /// `According to Wang, w.`
    AccordingTo,
    /// `Wang said that w1 "w2" w3.` quoting tokens `from..to`.
    Mixed(usize, usize),
    /// `Wang told Lavrov that w, the Chinese Foreign Ministry said in a statement.`
    Nested,
}

impl Form {
    pub fn is_direct(self) -> bool {
        matches!(
            self,
            Form::DirectAfter | Form::DirectInverted | Form::DirectBefore | Form::DirectSplit(_)
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    Said,
    Added,
    Noted,
    /// The primary source's own cue.
    Reference,
    /// A loaded verb (CC008).
    Loaded(&'static str),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Channel {
    None,
    /// The statement's primary source, phrased one of several ways.
    Primary(usize),
    /// Another outlet (CC007): its name and the phrasing.
    Other(String, usize),
    /// `According to Chinese state media` (CC007).
    StateMedia(usize),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    None,
    /// A word inside quote marks replaced (CC002).
    Alter(usize, &'static str),
    /// A negation, modal, number, date or name changed (CC003).
    Meaning(usize, String),
    /// A scare quote replacing a fill, or added after the words (CC004).
    Scare(Option<usize>, &'static str),
}

#[derive(Debug, Clone)]
pub struct Say {
    pub statement: usize,
    pub wording: Wording,
    pub form: Form,
    /// A correctly shortened quote: tokens `from..` only.
    pub from: usize,
    pub cue: Cue,
    /// Names the person it was said to (`told X`).
    pub addressee: Option<usize>,
    pub channel: Channel,
    /// Credited to someone else than the statement's speaker (CC001).
    pub speaker: Option<usize>,
    pub change: Change,
    /// Name the speaker and addressee in full.
    pub full_names: bool,
    /// Planted, or relied on by a plant: never changed again.
    pub pinned: bool,
    /// Carries a plant.
    pub planted: bool,
}

impl Say {
    fn clean(statement: usize) -> Say {
        Say {
            statement,
            wording: Wording::Words(0),
            form: Form::Indirect,
            from: 0,
            cue: Cue::Said,
            addressee: None,
            channel: Channel::None,
            speaker: None,
            change: Change::None,
            full_names: false,
            pinned: false,
            planted: false,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Exclusive {
    /// A participant, or an analyst (`name`, `what they are`).
    pub speaker: Result<usize, (String, String)>,
    pub words: Vec<Tok>,
    pub direct: bool,
}

#[derive(Debug, Clone)]
pub struct Plant {
    pub rule: &'static Rule,
    /// Reports (indices in the event) where the divergence is.
    pub reports: Vec<usize>,
    /// The statement whose renderings it diverges from, if in this event.
    pub statement: Option<usize>,
    /// The template of a foreign statement (CC010), found in the other event.
    pub foreign: Option<usize>,
    /// Report ids it diverges from.
    pub related: Vec<String>,
    pub words: String,
    pub note: String,
}

/// Fill values shared by everything an event says.
#[derive(Debug, Clone)]
struct Scene<'a> {
    world: &'a World,
    data: &'a Data,
    topic_fields: BTreeMap<&'static str, &'static str>,
    day: i32,
}

const MONTHS_NOT_MAY: [&str; 11] = [
    "January",
    "February",
    "March",
    "April",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Words after which a partial quote may start.
const QUOTE_AFTER: [&str; 12] = [
    "and", "should", "must", "will", "can", "could", "to", "that", "the", "be", "is", "are",
];

/// Words a partial quote does not start or end on.
const LITTLE_WORDS: [&str; 26] = [
    "a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "by", "with", "at", "from", "as",
    "that", "its", "is", "are", "be", "will", "should", "must", "could", "can", "has",
];

const MODAL_SWAPS: [(&str, &str); 6] = [
    ("should", "must"),
    ("must", "should"),
    ("will", "may"),
    ("can", "will"),
    ("could", "would"),
    ("would", "could"),
];
const NEGATION_FLIPS: [(&str, &str); 3] =
    [("cannot", "can"), ("never", "always"), ("without", "with")];

/// `China's`, `the United States'`.
fn possessive(name: &str) -> String {
    if name.ends_with('s') {
        format!("{name}'")
    } else {
        format!("{name}'s")
    }
}

/// `12,500`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn number(rng: &mut Rng) -> String {
    let base = rng.range(2, 99) as u64;
    let scale = [10u64, 100, 1000][rng.below(3)];
    thousands(base * scale)
}

impl Scene<'_> {
    /// The value of a statement fill.
    fn fill(&self, key: &str, speaker_country: usize, other: usize, rng: &mut Rng) -> String {
        let countries = &self.world.countries;
        match key {
            "S" => countries[speaker_country].name.to_string(),
            "P" => countries[other].name.to_string(),
            "Sposs" => possessive(countries[speaker_country].name),
            "Pposs" => possessive(countries[other].name),
            "Sadj" => countries[speaker_country].adjective.to_string(),
            "Padj" => countries[other].adjective.to_string(),
            "city" | "xcity" => self.third_capital(&[speaker_country, other], rng),
            "Scap" => countries[speaker_country].capital.to_string(),
            "Pcap" => countries[other].capital.to_string(),
            "num" => number(rng),
            "num2" => rng.range(2, 30).to_string(),
            "bn" => rng.range(5, 300).to_string(),
            "year" => (calendar::year(self.day) + rng.range(1, 8) as i32).to_string(),
            "month" => rng.pick(&MONTHS_NOT_MAY).to_string(),
            "day" => rng.pick(&calendar::WEEKDAYS).to_string(),
            "sector" => {
                let sectors = self.data.phrase_list("sector");
                if sectors.is_empty() {
                    "energy".to_string()
                } else {
                    rng.pick(&sectors).to_string()
                }
            }
            other_key => self
                .topic_fields
                .get(other_key)
                .copied()
                .unwrap_or("the region")
                .to_string(),
        }
    }

    fn third_capital(&self, not: &[usize], rng: &mut Rng) -> String {
        let countries = &self.world.countries;
        loop {
            let c = rng.below(countries.len());
            if !not.contains(&c) || countries.len() <= not.len() {
                return countries[c].capital.to_string();
            }
        }
    }
}

/// The words of a template, each fill drawn once and used in both wordings.
fn words_of(
    template: &Template,
    values: &mut BTreeMap<&'static str, String>,
    choices: &mut Vec<Vec<&'static str>>,
    draw: &mut dyn FnMut(&str) -> String,
) -> Vec<Tok> {
    let mut out = Vec::new();
    for part in &template.parts {
        match part {
            Part::Text(text) => {
                for word in text.split_whitespace() {
                    if word == "," {
                        out.push(Tok {
                            text: Text::Static(","),
                            kind: TokKind::Comma,
                        });
                    } else if let Some(bare) = word.strip_suffix(',') {
                        out.push(Tok {
                            text: Text::Static(bare),
                            kind: TokKind::Plain,
                        });
                        out.push(Tok {
                            text: Text::Static(","),
                            kind: TokKind::Comma,
                        });
                    } else {
                        out.push(Tok {
                            text: Text::Static(word),
                            kind: TokKind::Plain,
                        });
                    }
                }
            }
            Part::Fill(key) => {
                let value = values.entry(key).or_insert_with(|| draw(key)).clone();
                out.push(Tok {
                    text: Text::from(value),
                    kind: TokKind::Fill(key),
                });
            }
            Part::Choice(words) => {
                out.push(Tok {
                    text: Text::Static(words.first().copied().unwrap_or("")),
                    kind: TokKind::Choice(choices.len()),
                });
                choices.push(words.clone());
            }
        }
    }
    out
}

/// The fills of a statement that differ from event to event are drawn per
/// statement, except that `{S}`-like fills follow the speaker.
fn make_statement(
    scene: &Scene<'_>,
    template: usize,
    speaker: usize,
    counterpart: Option<usize>,
    other_country: usize,
    rng: &mut Rng,
) -> Statement {
    let t = &scene.data.statements[template];
    let country = scene.world.people[speaker].country;
    let mut values = BTreeMap::new();
    let mut choices = Vec::new();
    let mut draw = |key: &str| scene.fill(key, country, other_country, rng);
    let words = words_of(&t.words, &mut values, &mut choices, &mut draw);
    let mut unused = Vec::new();
    let paraphrases = t
        .paraphrases
        .iter()
        .map(|p| words_of(p, &mut values, &mut unused, &mut draw))
        .collect();
    let mut variants: Vec<Vec<usize>> = Vec::new();
    if !choices.is_empty() {
        let wanted = if choices.len() > 1 {
            rng.range(1, 2)
        } else {
            1
        };
        for _ in 0..wanted * 3 {
            if variants.len() >= wanted {
                break;
            }
            let pick: Vec<usize> = choices
                .iter()
                .map(|alts| {
                    if alts.len() > 1 && rng.chance(0.6) {
                        rng.range(1, alts.len() - 1)
                    } else {
                        0
                    }
                })
                .collect();
            if pick.iter().any(|&p| p != 0) && !variants.contains(&pick) {
                variants.push(pick);
            }
        }
    }
    let cues = [
        "said that",
        "said that",
        "said that",
        "stressed that",
        "pointed out that",
        "noted that",
        "emphasized that",
    ];
    Statement {
        speaker,
        counterpart,
        other_country,
        template,
        words,
        paraphrases,
        choices,
        variants,
        primary: 0,
        reference_cue: rng.choose(&cues),
        reference_told: false,
    }
}

fn meaning_words() -> BTreeSet<&'static str> {
    let mut out = BTreeSet::new();
    for (_, words) in MODAL_SWAPS.iter().chain(NEGATION_FLIPS.iter()) {
        out.insert(*words);
    }
    for w in [
        "should", "must", "may", "might", "can", "could", "will", "would", "shall", "not", "no",
        "never", "cannot", "without", "nor", "none", "nothing", "need", "needs",
    ] {
        out.insert(w);
    }
    out
}

/// Words of a statement a misquote may change: (token, replacement).
pub fn alterations(data: &Data, statement: &Statement) -> Vec<(usize, &'static str)> {
    let meaning = meaning_words();
    let para: String = statement
        .paraphrases
        .iter()
        .map(|p| join(p).to_lowercase())
        .collect::<Vec<_>>()
        .join(" ");
    let canonical = join(&statement.words).to_lowercase();
    let near_choice = |i: usize| {
        [i.wrapping_sub(1), i + 1].iter().any(|&j| {
            matches!(
                statement.words.get(j).map(|t| t.kind),
                Some(TokKind::Choice(_))
            )
        })
    };
    statement
        .words
        .iter()
        .enumerate()
        .filter(|(i, t)| *i > 0 && t.kind == TokKind::Plain && !near_choice(*i))
        .filter(|(_, t)| !meaning.contains(&*t.text))
        .filter_map(|(i, t)| {
            data.alter
                .iter()
                .find(|(from, _)| *from == &*t.text)
                .map(|(_, to)| (i, *to))
        })
        .filter(|(_, to)| !contains_word(&para, to) && !contains_word(&canonical, to))
        .collect()
}

fn contains_word(text: &str, word: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric() && c != '-')
        .any(|w| w == word)
}

/// Changes of meaning a report may make to a statement: (token, new text).
pub fn meaning_changes(
    world: &World,
    statement: &Statement,
    rng: &mut Rng,
) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let words = &statement.words;
    for (i, tok) in words.iter().enumerate() {
        if i == 0 {
            continue;
        }
        let next = words.get(i + 1).map(|t| &*t.text);
        match tok.kind {
            TokKind::Plain => {
                if let Some((_, to)) = MODAL_SWAPS.iter().find(|(from, _)| *from == &*tok.text) {
                    out.push((i, to.to_string()));
                    if matches!(&*tok.text, "should" | "must" | "will")
                        && !matches!(next, Some("not" | "never"))
                    {
                        out.push((i, format!("{} not", tok.text)));
                    }
                }
                if let Some((_, to)) = NEGATION_FLIPS.iter().find(|(from, _)| *from == &*tok.text) {
                    out.push((i, to.to_string()));
                }
            }
            TokKind::Fill("num") | TokKind::Fill("num2") | TokKind::Fill("bn") => {
                let old: u64 = tok.text.replace(',', "").parse().unwrap_or(10);
                let new = old * rng.range(2, 5) as u64 + rng.range(1, 9) as u64 * (old / 10).max(1);
                let text = if tok.text.contains(',') || new >= 10_000 {
                    thousands(new)
                } else {
                    new.to_string()
                };
                out.push((i, text));
            }
            TokKind::Fill("year") => {
                let old: i32 = tok.text.parse().unwrap_or(2030);
                out.push((i, (old + rng.range(1, 3) as i32).to_string()));
            }
            TokKind::Fill("month") => {
                let other = MONTHS_NOT_MAY
                    .iter()
                    .find(|m| **m != &*tok.text && rng.chance(0.3));
                out.push((i, other.unwrap_or(&"December").to_string()));
            }
            TokKind::Fill("day") => {
                let other = calendar::WEEKDAYS
                    .iter()
                    .find(|d| **d != &*tok.text && rng.chance(0.3));
                out.push((i, other.unwrap_or(&"Sunday").to_string()));
            }
            TokKind::Fill("S" | "P") => {
                let c = &world.countries[rng.below(world.countries.len())];
                if c.name != &*tok.text && !words.iter().any(|t| &*t.text == c.name) {
                    out.push((i, c.name.to_string()));
                }
            }
            TokKind::Fill("city") => {
                let c = &world.countries[rng.below(world.countries.len())];
                if c.capital != &*tok.text {
                    out.push((i, c.capital.to_string()));
                }
            }
            _ => {}
        }
    }
    out
}

/// The planner's memory across events: how many of each rule were planted.
#[derive(Debug, Clone, Default)]
pub struct Tally {
    /// By rule code.
    pub planted: BTreeMap<&'static str, u64>,
}

/// Sizes and ids for the events of one unit.
#[derive(Debug, Clone)]
pub struct UnitSpec {
    pub index: u64,
    pub day: i32,
    /// Reports of the main event.
    pub size: usize,
    /// A near-miss event and its size.
    pub partner: Option<(PartnerKind, usize)>,
    pub first_event_number: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartnerKind {
    /// The spokesperson's briefing the day before, sharing a statement.
    Briefing,
    /// The same two people about a month later, sharing statements.
    Later,
}

/// Plan a unit: one event, or an event and its near miss.
pub fn plan_unit(
    world: &World,
    data: &Data,
    rates: &Rates,
    spec: &UnitSpec,
    seed: u64,
    tally: &mut Tally,
    next_report: &mut u64,
) -> Vec<Event> {
    let mut rng = Rng::derive(seed, 1, spec.index);
    let mut events = Vec::new();
    let main = plan_talks(world, data, spec.day, spec.size, None, &mut rng);
    events.push(main);
    let mut pair = None;
    if let Some((kind, size)) = spec.partner {
        let partner = match kind {
            PartnerKind::Briefing => plan_briefing(world, data, &events[0], size, &mut rng),
            PartnerKind::Later => {
                let day = spec.day + rng.range(25, 40) as i32;
                plan_talks(world, data, day, size, Some(&events[0]), &mut rng)
            }
        };
        events.push(partner);
        // Quotes travel from the earlier event into the later one.
        pair = Some(match kind {
            PartnerKind::Briefing => (0, 1),
            PartnerKind::Later => (1, 0),
        });
    }
    for (n, event) in events.iter_mut().enumerate() {
        let number = spec.first_event_number + n as u64;
        finish_ids(world, event, number, seed, rates, &mut rng, next_report);
        plan_renderings(world, event, rates, &mut rng);
    }
    if events.len() == 2 {
        events[1].near_miss_of = Some(events[0].id.clone());
    }
    plant_all(world, data, &mut events, rates, pair, tally, &mut rng);
    for event in &mut events {
        cover(event);
    }
    resolve_related(&mut events, pair);
    events
}

/// The ids each plant diverges from, now that every rendering is planned.
fn resolve_related(events: &mut [Event], pair: Option<(usize, usize)>) {
    for e in 0..events.len() {
        for p in 0..events[e].plants.len() {
            let plant = &events[e].plants[p];
            let related: Vec<String> = match (plant.statement, plant.foreign, pair) {
                (Some(s), _, _) => statement_reports(&events[e], s, None)
                    .into_iter()
                    .filter(|r| !plant.reports.contains(r))
                    .map(|r| events[e].reports[r].id.clone())
                    .collect(),
                (None, Some(template), Some((_, earlier))) => renderers(&events[earlier], template),
                _ => continue,
            };
            events[e].plants[p].related = related;
        }
    }
}

fn pick_topic(data: &Data, rng: &mut Rng) -> (usize, BTreeMap<&'static str, &'static str>) {
    let topic = rng.below(data.topics.len());
    let fields = data.topics[topic]
        .fields
        .iter()
        .map(|(k, alts)| (*k, *rng.pick(alts)))
        .collect();
    (topic, fields)
}

/// Facts about an event; what concerns the two countries is the same in every
/// event between them.
fn facts(world: &World, day: i32, countries: (usize, usize), rng: &mut Rng) -> Facts {
    let year = calendar::year(day);
    let (x, y) = (countries.0.min(countries.1), countries.0.max(countries.1));
    let mut pair = Rng::derive(0x0C05_5C4E, x as u64, y as u64);
    let trade = pair.range(8, 400) as u32 + (year - 2000).max(0) as u32;
    Facts {
        ties: pair.range(1949, 1995) as i32,
        trade,
        trade0: (trade / 2).max(3) + pair.range(0, 9) as u32,
        prev_city: world.countries[rng.below(world.countries.len())].capital,
        // Months before and after the event's, as the background tells them.
        prev_month: calendar::month_name(day - 31 * rng.range(1, 5) as i32),
        next_month: calendar::month_name(day + 31 * rng.range(1, 5) as i32),
        forum_city: world.countries[rng.below(world.countries.len())].capital,
        since: year - rng.range(1, 9) as i32,
        students: (rng.range(2, 60) * 500) as u32,
        minutes: (rng.range(4, 18) * 5) as u32,
    }
}

/// Topic fields of which each statement of an event gets its own
/// alternative: two claims of one event never share a long phrase.
const OWN_FIELDS: [&str; 6] = ["harm", "act", "remedy", "site", "forum", "good"];

/// `n` more statements for an event that already has `existing`: templates
/// not in `exclude`, not conflicting with one used or excluded, each with topic
/// phrases no other statement of the event has. `who(i)` gives the i-th new
/// statement's speaker, counterpart and other country.
fn more_statements(
    scene: &Scene<'_>,
    topic: usize,
    n: usize,
    exclude: &BTreeSet<usize>,
    existing: &[Statement],
    who: &dyn Fn(usize) -> (usize, Option<usize>, usize),
    rng: &mut Rng,
) -> Vec<Statement> {
    let data = scene.data;
    let mut taken: BTreeSet<usize> = existing.iter().map(|s| s.template).collect();
    taken.extend(exclude.iter().copied());
    let mut used: BTreeSet<String> = existing
        .iter()
        .flat_map(|s| s.words.iter())
        .filter(|t| matches!(t.kind, TokKind::Fill(k) if OWN_FIELDS.contains(&k)))
        .map(|t| t.text.to_string())
        .collect();
    let mut pool: Vec<usize> = (0..data.statements.len()).collect();
    rng.shuffle(&mut pool);
    let mut out = Vec::new();
    for t in pool {
        if out.len() >= n {
            break;
        }
        let conflicts = data.conflicts.get(t).map_or(&[][..], Vec::as_slice);
        if taken.contains(&t) || conflicts.iter().any(|c| taken.contains(c)) {
            continue;
        }
        let mut fields = scene.topic_fields.clone();
        let mut fresh = Vec::new();
        for key in data.statements[t]
            .words
            .fills()
            .filter(|k| OWN_FIELDS.contains(k))
        {
            let alternatives: Vec<&'static str> = data.topics[topic]
                .fields
                .get(key)
                .map_or(&[][..], Vec::as_slice)
                .iter()
                .copied()
                .filter(|v| !used.contains(*v) && !fresh.contains(v))
                .collect();
            if alternatives.is_empty() {
                fresh.clear();
                break;
            }
            let value = rng.choose(&alternatives);
            fields.insert(key, value);
            fresh.push(value);
        }
        let needs = data.statements[t]
            .words
            .fills()
            .filter(|k| OWN_FIELDS.contains(k))
            .count();
        if fresh.len() < needs {
            continue;
        }
        used.extend(fresh.iter().map(|v| v.to_string()));
        taken.insert(t);
        let (speaker, counterpart, other) = who(out.len());
        let scene = Scene {
            topic_fields: fields,
            ..scene.clone()
        };
        out.push(make_statement(&scene, t, speaker, counterpart, other, rng));
    }
    out
}

/// Talks between two people; `earlier`: the event a month before with the
/// same two people, whose statements this one partly repeats.
fn plan_talks(
    world: &World,
    data: &Data,
    day: i32,
    size: usize,
    earlier: Option<&Event>,
    rng: &mut Rng,
) -> Event {
    let (a, b, topic, topic_fields) = match earlier {
        Some(e) => {
            let (topic, fields) = if rng.chance(0.7) {
                (e.topic, e.topic_fields.clone())
            } else {
                pick_topic(data, rng)
            };
            (e.a, e.b.unwrap_or(e.a), topic, fields)
        }
        None => {
            let office = [
                Office::Foreign,
                Office::Head,
                Office::Defence,
                Office::Trade,
            ][rng.weighted(&[60, 15, 15, 10])];
            let ca = rng.below(world.countries.len());
            let mut cb = rng.below(world.countries.len() - 1);
            if cb >= ca {
                cb += 1;
            }
            let (topic, fields) = pick_topic(data, rng);
            (
                world.countries[ca].person(office),
                world.countries[cb].person(office),
                topic,
                fields,
            )
        }
    };
    let ca = world.people[a].country;
    let cb = world.people[b].country;
    let format = [Format::Phone, Format::Video, Format::Meeting][rng.weighted(&[55, 15, 30])];
    let city = match format {
        Format::Meeting if rng.chance(0.5) => world.countries[cb].capital,
        _ => world.countries[ca].capital,
    };
    let scene = Scene {
        world,
        data,
        topic_fields: topic_fields.clone(),
        day,
    };
    // Two primary sources when there is room for them.
    let b_primary = size >= 4 && rng.chance(0.5);
    let n_a = rng.range(3, 6);
    let n_b = rng.range(1, 3);
    let mut statements = Vec::new();
    let mut exclude = BTreeSet::new();
    if let Some(e) = earlier {
        // Repeat one or two of the lead's statements word for word.
        let lead: Vec<&Statement> = e.statements.iter().filter(|s| s.speaker == a).collect();
        let shared = rng.range(1, 2).min(lead.len());
        for s in lead.iter().take(shared) {
            let mut s = (*s).clone();
            s.reference_cue = "said that";
            s.reference_told = false;
            statements.push(s);
        }
        exclude.extend(e.statements.iter().map(|s| s.template));
    }
    let own_a = n_a.saturating_sub(statements.len());
    let who = |i: usize| {
        if i < own_a {
            (a, Some(b), cb)
        } else {
            (b, Some(a), ca)
        }
    };
    let wanted = (n_a + n_b).saturating_sub(statements.len());
    let more = more_statements(&scene, topic, wanted, &exclude, &statements, &who, rng);
    statements.extend(more);
    for s in &mut statements {
        s.counterpart = Some(if s.speaker == a { b } else { a });
        s.primary = usize::from(b_primary && s.speaker == b);
    }
    let second_label = data.topics[rng.below(data.topics.len())]
        .fields
        .get("label")
        .and_then(|l| l.first().copied())
        .unwrap_or("regional issues");
    let mut event = Event {
        id: String::new(),
        kind: EventKind::Talks(format),
        day,
        a,
        b: Some(b),
        other_country: cb,
        city,
        topic,
        topic_fields,
        second_label,
        facts: facts(world, day, (ca, cb), rng),
        statements,
        reports: Vec::new(),
        near_miss_of: None,
        plants: Vec::new(),
        exclusives: BTreeSet::new(),
    };
    if let Some(e) = earlier {
        // The last meeting the later event's background mentions is the earlier one.
        event.facts.prev_city = e.city;
        event.facts.prev_month = calendar::month_name(e.day);
    }
    let mut outlets = vec![world.countries[ca].official(world.people[a].office)];
    if b_primary {
        outlets.push(world.countries[cb].official(world.people[b].office));
    }
    choose_outlets(world, &mut outlets, size, &[ca, cb], rng);
    add_reports(
        &mut event,
        &outlets,
        outlets.len().min(if b_primary { 2 } else { 1 }),
        rng,
    );
    event
}

/// The spokesperson's briefing the day before `main`, repeating one of its
/// lead's statements in the spokesperson's mouth.
fn plan_briefing(world: &World, data: &Data, main: &Event, size: usize, rng: &mut Rng) -> Event {
    let ca = world.people[main.a].country;
    let spokesperson = world.countries[ca].person(Office::Spokesperson);
    let other = main.other_country;
    let day = main.day - 1;
    let scene = Scene {
        world,
        data,
        topic_fields: main.topic_fields.clone(),
        day,
    };
    let mut statements = Vec::new();
    if let Some(s) = main.statements.iter().find(|s| s.speaker == main.a) {
        let mut s = s.clone();
        s.speaker = spokesperson;
        s.counterpart = None;
        s.reference_cue = "said that";
        s.reference_told = false;
        s.primary = 0;
        statements.push(s);
    }
    let exclude: BTreeSet<usize> = main.statements.iter().map(|s| s.template).collect();
    let who = |_: usize| (spokesperson, None, other);
    let wanted = rng.range(1, 2);
    let more = more_statements(&scene, main.topic, wanted, &exclude, &statements, &who, rng);
    statements.extend(more);
    let mut event = Event {
        id: String::new(),
        kind: EventKind::Briefing,
        day,
        a: spokesperson,
        b: None,
        other_country: other,
        city: world.countries[ca].capital,
        topic: main.topic,
        topic_fields: main.topic_fields.clone(),
        second_label: main.second_label,
        facts: facts(world, day, (ca, other), rng),
        statements,
        reports: Vec::new(),
        near_miss_of: None,
        plants: Vec::new(),
        exclusives: BTreeSet::new(),
    };
    let mut outlets = vec![world.countries[ca].official(Office::Spokesperson)];
    choose_outlets(world, &mut outlets, size, &[ca], rng);
    add_reports(&mut event, &outlets, 1, rng);
    event
}

/// Fill `outlets` up to `size` with distinct reporting outlets.
fn choose_outlets(
    world: &World,
    outlets: &mut Vec<usize>,
    size: usize,
    countries: &[usize],
    rng: &mut Rng,
) {
    let state: Vec<usize> = countries
        .iter()
        .flat_map(|&c| world.countries[c].state_media.iter().copied())
        .collect();
    let mut tries = 0;
    while outlets.len() < size && tries < 1000 {
        tries += 1;
        let pool: &[usize] = match rng.weighted(&[25, 40, 22, 13]) {
            0 if !state.is_empty() => &state,
            0 | 1 => &world.wires,
            2 => &world.independents,
            _ => &world.aggregators,
        };
        if pool.is_empty() {
            continue;
        }
        let o = *rng.pick(pool);
        if !outlets.contains(&o) {
            outlets.push(o);
        }
    }
}

fn add_reports(event: &mut Event, outlets: &[usize], primaries: usize, rng: &mut Rng) {
    let window = [0, 1, 2, 3][rng.weighted(&[30, 40, 20, 10])];
    for (i, &outlet) in outlets.iter().enumerate() {
        let primary = i < primaries;
        let day = if primary {
            event.day
        } else {
            event.day + rng.range(0, window) as i32
        };
        event.reports.push(ReportPlan {
            id: String::new(),
            outlet,
            day,
            dated: true,
            primary,
            items: Vec::new(),
            plant: None,
            locked: false,
            copy_of: None,
            seed: rng.next_u64(),
        });
    }
}

/// A bijection on 32 bits: report numbers become ids that do not give away
/// which reports were generated together.
fn scramble(n: u64, seed: u64) -> u32 {
    let mut x = (n as u32).wrapping_add(crate::rng::mix(seed) as u32);
    for k in [0x7FEB_352Du32, 0x846C_A68B] {
        x ^= x >> 16;
        x = x.wrapping_mul(k);
    }
    x ^ (x >> 16)
}

fn finish_ids(
    world: &World,
    event: &mut Event,
    number: u64,
    seed: u64,
    rates: &Rates,
    rng: &mut Rng,
    next_report: &mut u64,
) {
    let date = calendar::iso(event.day);
    let name = |p: usize| crate::world::slug(&world.people[p].short);
    event.id = match (event.kind, event.b) {
        (EventKind::Briefing, _) | (_, None) => {
            format!("{date}-{}-briefing-{number}", name(event.a))
        }
        (EventKind::Talks(format), Some(b)) => {
            let what = match format {
                Format::Phone => "call",
                Format::Video => "video-call",
                Format::Meeting => "talks",
            };
            format!("{date}-{}-{}-{what}-{number}", name(event.a), name(b))
        }
    };
    for report in &mut event.reports {
        let outlet = &world.outlets[report.outlet];
        report.id = format!(
            "{}-{}-{:08x}",
            outlet.slug,
            calendar::compact(report.day),
            scramble(*next_report, seed)
        );
        *next_report += 1;
        report.dated = !rng.chance(rates.undated);
    }
}

/// How many statements an outlet of this style renders, at most.
fn appetite(style: Style, rng: &mut Rng) -> usize {
    match style {
        Style::Digest => rng.range(2, 4),
        Style::Paper => rng.range(3, 5),
        Style::Agency | Style::Tass => rng.range(3, 6),
        _ => rng.range(3, 6),
    }
}

/// How every report renders the statements it carries (all clean).
fn plan_renderings(world: &World, event: &mut Event, rates: &Rates, rng: &mut Rng) {
    let n = event.statements.len();
    for r in 0..event.reports.len() {
        let report = &event.reports[r];
        if report.primary {
            let items = (0..n)
                .filter(|&s| event.statements[s].primary == r)
                .map(|s| {
                    let mut say = Say::clean(s);
                    say.cue = Cue::Reference;
                    say.form = if rng.chance(0.2) {
                        Form::IndirectTrailing
                    } else {
                        Form::Indirect
                    };
                    if say.form == Form::IndirectTrailing {
                        say.cue = Cue::Said;
                    }
                    Item::Say(say)
                })
                .collect();
            event.reports[r].items = items;
            continue;
        }
        let outlet = &world.outlets[report.outlet];
        let want = appetite(outlet.style, rng).min(n);
        let home = outlet.country;
        let weights: Vec<u32> = event
            .statements
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let mut w = if i < 2 { 3 } else { 2 };
                if home.is_some() && home == Some(world.people[s.speaker].country) {
                    w += 2;
                }
                w
            })
            .collect();
        let mut chosen: Vec<usize> = Vec::new();
        let mut weights = weights;
        while chosen.len() < want {
            let s = rng.weighted(&weights);
            if weights[s] == 0 {
                break;
            }
            weights[s] = 0;
            chosen.push(s);
        }
        chosen.sort_unstable();
        let items = chosen
            .into_iter()
            .map(|s| {
                let country = world.people[event.statements[s].speaker].country;
                let translated = world.countries[country].translated;
                Item::Say(clean_say(event, s, outlet, translated, rates, rng))
            })
            .collect();
        event.reports[r].items = items;
    }
}

/// A clean rendering of statement `s` by an outlet of this style.
/// How an outlet renders statement `s` when it renders it faithfully (the
/// planted divergences come later). `translated`: the speaker's words reach
/// English in translation, so a translator's wording may stand for them.
fn clean_say(
    event: &Event,
    s: usize,
    outlet: &Outlet,
    translated: bool,
    rates: &Rates,
    rng: &mut Rng,
) -> Say {
    let (style, kind) = (outlet.style, outlet.kind);
    let statement = &event.statements[s];
    let mut say = Say::clean(s);
    // Forms: after, inverted, before, split, indirect, trailing, according, mixed, nested.
    let weights: [u32; 9] = match style {
        Style::Agency | Style::Tass => [15, 5, 10, 0, 35, 15, 10, 10, 0],
        Style::Digest => [30, 5, 10, 0, 30, 10, 15, 0, 0],
        Style::Paper => [22, 8, 10, 8, 22, 8, 5, 12, 5],
        _ => [22, 10, 10, 10, 18, 6, 5, 12, 7],
    };
    let commas: Vec<usize> = statement
        .words
        .iter()
        .enumerate()
        .filter(|(i, t)| t.kind == TokKind::Comma && *i >= 3 && *i + 4 < statement.words.len())
        .map(|(i, _)| i)
        .collect();
    say.form = match rng.weighted(&weights) {
        0 => Form::DirectAfter,
        1 => Form::DirectInverted,
        2 => Form::DirectBefore,
        3 if !commas.is_empty() => Form::DirectSplit(*rng.pick(&commas)),
        4 | 3 => Form::Indirect,
        5 => Form::IndirectTrailing,
        6 => Form::AccordingTo,
        7 => {
            let len = statement.words.len();
            // Quote the end of the statement, or a stretch ending with a topic's phrase.
            let ends: Vec<usize> = statement
                .words
                .iter()
                .enumerate()
                .filter(|(i, t)| {
                    *i >= 4 && matches!(t.kind, TokKind::Fill("area" | "harm" | "act" | "remedy"))
                })
                .map(|(i, _)| i + 1)
                .collect();
            let mut to = if ends.is_empty() || rng.chance(0.5) {
                len
            } else {
                rng.choose(&ends)
            };
            // Start right after a boundary (`and`, a comma, a modal, `to`, `the`).
            let starts: Vec<usize> = (1..to.saturating_sub(2))
                .filter(|&i| {
                    let before = &statement.words[i - 1];
                    (before.kind == TokKind::Comma
                        || QUOTE_AFTER.contains(&&*before.text) && before.kind == TokKind::Plain)
                        && to - i <= 10
                })
                .collect();
            // No boundary: `from == to` makes no mixed quote.
            let mut from = starts
                .get(rng.below(starts.len().max(1)))
                .copied()
                .unwrap_or(to);
            let little = |t: &Tok| t.kind == TokKind::Plain && LITTLE_WORDS.contains(&&*t.text);
            while from < to && statement.words.get(from).is_some_and(little) {
                from += 1;
            }
            while to > from && statement.words.get(to - 1).is_some_and(little) {
                to -= 1;
            }
            let span = to - from;
            let clean = statement.words[from..to]
                .iter()
                .all(|t| !matches!(t.kind, TokKind::Choice(_) | TokKind::Comma))
                && statement
                    .words
                    .get(to)
                    .is_none_or(|t| t.kind != TokKind::Comma);
            if clean && span >= 3 {
                Form::Mixed(from, to)
            } else {
                Form::Indirect
            }
        }
        _ => Form::Nested,
    };
    let plain_form = matches!(
        say.form,
        Form::DirectAfter
            | Form::DirectInverted
            | Form::DirectBefore
            | Form::Indirect
            | Form::IndirectTrailing
            | Form::AccordingTo
    );
    // A translator's wording, or a paraphrase in reported speech.
    if plain_form
        && translated
        && !statement.variants.is_empty()
        && kind != Kind::Aggregator
        && rng.chance(rates.variant)
    {
        say.wording = Wording::Words(rng.range(1, statement.variants.len()));
    } else if matches!(
        say.form,
        Form::Indirect | Form::IndirectTrailing | Form::AccordingTo
    ) && rng.chance(0.25)
    {
        say.wording = Wording::Paraphrase(rng.below(statement.paraphrases.len()));
    } else if matches!(say.form, Form::DirectAfter | Form::DirectBefore) && rng.chance(0.2) {
        // A correctly shortened quote: the clause after a comma.
        if let Some(&c) = commas.last()
            && statement.words.len() - c > 5
            && statement
                .words
                .get(c + 1)
                .is_some_and(|t| &*t.text == "and")
        {
            say.from = c + 2;
        }
    }
    let told_ok = matches!(say.form, Form::Indirect | Form::DirectAfter | Form::Nested)
        && statement.counterpart.is_some();
    say.cue = match rng.weighted(&[70, 12, 8]) {
        1 => Cue::Added,
        2 => Cue::Noted,
        _ => Cue::Said,
    };
    if say.form == Form::AccordingTo {
        say.cue = Cue::Said;
    }
    if told_ok && rng.chance(0.2) {
        say.addressee = statement.counterpart;
        say.cue = Cue::Said;
    }
    if say.form.is_direct() && rng.chance(0.35) {
        say.channel = Channel::Primary(rng.below(4));
    }
    say
}

/// Can report `r` of `event` carry a plant of `rule`?
fn eligible(
    data: &Data,
    world: &World,
    event: &Event,
    r: usize,
    rule: &Rule,
    foreign: &[Statement],
) -> bool {
    let report = &event.reports[r];
    let says = || {
        report.items.iter().filter_map(|i| match i {
            Item::Say(s) if !s.pinned => Some(s),
            _ => None,
        })
    };
    match rule.name {
        "speaker-mismatch"
        | "unsupported-fragment"
        | "paraphrase-as-quote"
        | "attribution-dropped"
        | "channel-mismatch"
        | "cue-shift" => says().next().is_some(),
        "quote-altered" => {
            says().any(|s| !alterations(data, &event.statements[s.statement]).is_empty())
        }
        "meaning-shift" => says().any(|s| has_meaning_word(&event.statements[s.statement])),
        "addressee-shift" => says().any(|s| event.statements[s.statement].counterpart.is_some()),
        "foreign-quote" => {
            !foreign.is_empty()
                && event
                    .reports
                    .iter()
                    .enumerate()
                    .any(|(o, p)| o != r && free(p))
        }
        "single-source" => true,
        "copied-report" => {
            matches!(
                world.outlets[report.outlet].kind,
                Kind::Aggregator | Kind::Independent
            ) && !report
                .items
                .iter()
                .any(|i| matches!(i, Item::Say(s) if s.pinned))
                && event.reports.iter().enumerate().any(|(o, p)| {
                    o != r
                        && free(p)
                        && matches!(world.outlets[p.outlet].kind, Kind::Wire | Kind::StateMedia)
                })
        }
        _ => false,
    }
}

fn has_meaning_word(statement: &Statement) -> bool {
    statement.words.iter().skip(1).any(|t| match t.kind {
        TokKind::Plain => {
            MODAL_SWAPS.iter().any(|(f, _)| *f == &*t.text)
                || NEGATION_FLIPS.iter().any(|(f, _)| *f == &*t.text)
        }
        TokKind::Fill(k) => matches!(
            k,
            "num" | "num2" | "bn" | "year" | "month" | "day" | "S" | "P" | "city"
        ),
        _ => false,
    })
}

/// A non-primary report with no plant, not copied and not a copy.
fn free(report: &ReportPlan) -> bool {
    !report.primary && report.plant.is_none() && !report.locked && report.copy_of.is_none()
}

/// Plant divergences in the events of a unit. `pair`: (later, earlier) event
/// of a near-miss pair, for foreign quotes.
fn plant_all(
    world: &World,
    data: &Data,
    events: &mut [Event],
    rates: &Rates,
    pair: Option<(usize, usize)>,
    tally: &mut Tally,
    rng: &mut Rng,
) {
    for e in 0..events.len() {
        let foreign: Vec<Statement> = match pair {
            Some((later, earlier)) if later == e => {
                let here: BTreeSet<usize> =
                    events[e].statements.iter().map(|s| s.template).collect();
                events[earlier]
                    .statements
                    .iter()
                    .filter(|s| !here.contains(&s.template))
                    .cloned()
                    .collect()
            }
            _ => Vec::new(),
        };
        let event = &mut events[e];
        let mut order: Vec<usize> = (0..event.reports.len()).collect();
        rng.shuffle(&mut order);
        for r in order {
            if !free(&event.reports[r]) || !rng.chance(rates.divergence) {
                continue;
            }
            let candidates: Vec<&'static Rule> = rates
                .rules
                .iter()
                .copied()
                .filter(|rule| eligible(data, world, event, r, rule, &foreign))
                .collect();
            // The least planted rule first (ties in a seeded order); if it
            // cannot be planted here after all, the next one.
            let mut candidates: Vec<(u64, u64, &'static Rule)> = candidates
                .into_iter()
                .map(|c| {
                    let planted = tally.planted.get(c.code).copied().unwrap_or(0);
                    (planted, rng.next_u64(), c)
                })
                .collect();
            candidates.sort_unstable_by_key(|&(planted, order, rule)| (planted, order, rule.code));
            for (_, _, rule) in candidates {
                if plant(world, data, event, r, rule, &foreign, rng) {
                    *tally.planted.entry(rule.code).or_default() += 1;
                    break;
                }
            }
        }
    }
}

/// The ids of the reports of `event` that render the statement made from `template`.
fn renderers(event: &Event, template: usize) -> Vec<String> {
    let Some(s) = event.statements.iter().position(|s| s.template == template) else {
        return Vec::new();
    };
    statement_reports(event, s, None)
        .into_iter()
        .map(|r| event.reports[r].id.clone())
        .collect()
}

/// Reports that render statement `s` cleanly (copies through their original),
/// the primary source first; not `except`.
pub fn statement_reports(event: &Event, s: usize, except: Option<usize>) -> Vec<usize> {
    let renders = |r: usize| {
        event.reports[r].items.iter().any(|i| match i {
            Item::Say(say) => say.statement == s && !say.planted,
            _ => false,
        })
    };
    let mut out = vec![event.statements[s].primary];
    for (r, report) in event.reports.iter().enumerate() {
        let source = report.copy_of.unwrap_or(r);
        if Some(r) != except && !out.contains(&r) && renders(source) {
            out.push(r);
        }
    }
    out.retain(|&r| Some(r) != except);
    out
}

/// The Say items of report `r` a plant may take.
fn free_says(event: &Event, r: usize) -> Vec<usize> {
    event.reports[r]
        .items
        .iter()
        .enumerate()
        .filter(|(_, i)| matches!(i, Item::Say(s) if !s.pinned))
        .map(|(n, _)| n)
        .collect()
}

/// Plant `rule` in report `r`; false if it could not be done.
#[allow(clippy::too_many_arguments)]
fn plant(
    world: &World,
    data: &Data,
    event: &mut Event,
    r: usize,
    rule: &'static Rule,
    foreign: &[Statement],
    rng: &mut Rng,
) -> bool {
    let mut plant = Plant {
        rule,
        reports: vec![r],
        statement: None,
        foreign: None,
        related: Vec::new(),
        words: String::new(),
        note: String::new(),
    };
    match rule.name {
        "foreign-quote" => {
            let f = rng.pick(foreign).clone();
            let others: Vec<usize> = (0..event.reports.len())
                .filter(|&o| o != r && free(&event.reports[o]))
                .collect();
            let Some(&second) = others.get(rng.below(others.len().max(1))) else {
                return false;
            };
            plant.words = join_range(&f.words, 1, 9);
            plant.note = format!(
                "a statement by {} from the near-miss event folded in",
                world.people[f.speaker].full
            );
            plant.foreign = Some(f.template);
            for target in [r, second] {
                let items = &mut event.reports[target].items;
                let at = rng.range(0, items.len());
                items.insert(at, Item::Foreign(Box::new(f.clone())));
            }
            plant.reports = vec![r, second];
        }
        "single-source" => {
            let analyst = rng.chance(0.5);
            let section = if analyst { "analysis" } else { "exclusive" };
            let templates = Data::section(&data.phrases, section);
            let unused: Vec<usize> = (0..templates.len())
                .filter(|&i| !event.exclusives.contains(&(analyst, i)))
                .collect();
            if unused.is_empty() {
                return false;
            }
            let chosen = rng.choose(&unused);
            event.exclusives.insert((analyst, chosen));
            let template = &templates[chosen];
            let speaker = if rng.chance(0.5) {
                event.a
            } else {
                event.b.unwrap_or(event.a)
            };
            let country = world.people[speaker].country;
            let scene = Scene {
                world,
                data,
                topic_fields: event.topic_fields.clone(),
                day: event.day,
            };
            let other = event.other_country;
            // Alternatives drawn at random: no two events get the same sentence.
            let mut text = String::new();
            let mut choice = Rng::new(rng.next_u64());
            template.expand_into(
                &mut text,
                &mut |key, out| out.push_str(&scene.fill(key, country, other, rng)),
                &mut |n| choice.below(n),
            );
            let words = plain_words(&text);
            let speaker = if analyst {
                Err(analyst_name(world, data, event, rng))
            } else {
                Ok(speaker)
            };
            plant.words = join_range(&words, 1, 7);
            plant.note = match &speaker {
                Ok(p) => format!(
                    "words credited to {} that no other report carries",
                    world.people[*p].full
                ),
                Err((name, _)) => format!("an analyst, {name}, quoted by this outlet alone"),
            };
            let direct = rng.chance(0.5);
            let items = &mut event.reports[r].items;
            let at = rng.range(1.min(items.len()), items.len());
            items.insert(
                at,
                Item::Exclusive(Exclusive {
                    speaker,
                    words,
                    direct,
                }),
            );
        }
        "copied-report" => {
            let originals: Vec<usize> = (0..event.reports.len())
                .filter(|&o| {
                    o != r
                        && free(&event.reports[o])
                        && matches!(
                            world.outlets[event.reports[o].outlet].kind,
                            Kind::Wire | Kind::StateMedia
                        )
                })
                .collect();
            if originals.is_empty() {
                return false;
            }
            let o = *rng.pick(&originals);
            event.reports[o].locked = true;
            event.reports[r].copy_of = Some(o);
            event.reports[r].items.clear();
            // Published no earlier than what it copies.
            let day = event.reports[r].day.max(event.reports[o].day);
            if day != event.reports[r].day {
                let report = &mut event.reports[r];
                let suffix = report.id.rsplit('-').next().unwrap_or("").to_string();
                report.day = day;
                report.id = format!(
                    "{}-{}-{suffix}",
                    world.outlets[report.outlet].slug,
                    calendar::compact(day)
                );
            }
            let name = world.outlets[event.reports[o].outlet].name.clone();
            plant.words = name.clone();
            plant.related = vec![event.reports[o].id.clone()];
            plant.note = format!("a near-verbatim copy of {name}'s report, with edits");
        }
        _ => {
            let says = free_says(event, r);
            let usable: Vec<usize> = says
                .into_iter()
                .filter(|&n| {
                    let Item::Say(say) = &event.reports[r].items[n] else {
                        return false;
                    };
                    let st = &event.statements[say.statement];
                    match rule.name {
                        "quote-altered" => !alterations(data, st).is_empty(),
                        "meaning-shift" => has_meaning_word(st),
                        "addressee-shift" => st.counterpart.is_some(),
                        _ => true,
                    }
                })
                .collect();
            if usable.is_empty() {
                return false;
            }
            let n = *rng.pick(&usable);
            let Item::Say(mut say) = event.reports[r].items[n].clone() else {
                return false;
            };
            let s = say.statement;
            let st = event.statements[s].clone();
            say.wording = Wording::Words(0);
            say.from = 0;
            say.change = Change::None;
            say.speaker = None;
            say.cue = Cue::Said;
            say.addressee = None;
            say.pinned = true;
            say.planted = true;
            if !matches!(say.channel, Channel::Primary(_)) {
                say.channel = Channel::None;
            }
            plant.statement = Some(s);
            let speaker_name = world.people[st.speaker].full.clone();
            match rule.name {
                "speaker-mismatch" => {
                    let wrong = wrong_speaker(world, &st, rng);
                    say.speaker = Some(wrong);
                    say.full_names = true;
                    say.form = *rng.pick(&[Form::DirectAfter, Form::DirectBefore, Form::Indirect]);
                    plant.words = world.people[wrong].full.clone();
                    plant.note = format!("{speaker_name}'s words credited to {}", plant.words);
                }
                "quote-altered" => {
                    let options = alterations(data, &st);
                    let &(tok, to) = rng.pick(&options);
                    say.change = Change::Alter(tok, to);
                    say.form =
                        *rng.pick(&[Form::DirectAfter, Form::DirectBefore, Form::DirectInverted]);
                    plant.words = to.to_string();
                    plant.note = format!(
                        "\"{}\" changed to \"{to}\" inside quote marks",
                        st.words[tok].text
                    );
                }
                "meaning-shift" => {
                    let options = meaning_changes(world, &st, rng);
                    if options.is_empty() {
                        return false;
                    }
                    let (tok, to) = rng.pick(&options).clone();
                    plant.note = format!(
                        "\"{}\" became \"{to}\" in reported speech",
                        st.words[tok].text
                    );
                    plant.words = to.clone();
                    say.change = Change::Meaning(tok, to);
                    say.form = *rng.pick(&[Form::Indirect, Form::IndirectTrailing]);
                    say.channel = Channel::None;
                }
                "unsupported-fragment" => {
                    let scares = data.phrase_list("scare");
                    let mut text = join(&st.words).to_lowercase();
                    for p in &st.paraphrases {
                        text.push(' ');
                        text.push_str(&join(p).to_lowercase());
                    }
                    let scares: Vec<&'static str> =
                        scares.into_iter().filter(|w| !text.contains(w)).collect();
                    if scares.is_empty() {
                        return false;
                    }
                    let phrase = *rng.pick(&scares);
                    let fill = st
                        .words
                        .iter()
                        .position(|t| matches!(t.kind, TokKind::Fill("harm" | "act")));
                    say.change = Change::Scare(fill, phrase);
                    say.form = Form::Indirect;
                    say.channel = Channel::None;
                    plant.words = phrase.to_string();
                    plant.note = "a scare quote no source has".to_string();
                }
                "paraphrase-as-quote" => {
                    // Another outlet's paraphrase, put in quote marks.
                    let k = rng.below(st.paraphrases.len());
                    say.wording = Wording::Paraphrase(k);
                    say.form = *rng.pick(&[Form::DirectAfter, Form::DirectBefore]);
                    plant.words = paraphrase_evidence(&st, k);
                    plant.note = "a paraphrase put in quote marks".to_string();
                    paraphrase_elsewhere(event, r, s, k, rng);
                }
                "attribution-dropped" => {
                    plant.words = crate::world::capitalise(&join_range(&st.words, 0, 6));
                    plant.note = format!("{speaker_name}'s words in the outlet's own voice");
                    event.reports[r].items[n] = Item::OwnVoice(s);
                    event.reports[r].plant = Some(event.plants.len());
                    event.plants.push(plant);
                    return true;
                }
                "channel-mismatch" => {
                    say.form =
                        *rng.pick(&[Form::DirectAfter, Form::DirectInverted, Form::Indirect]);
                    let country = world.people[st.speaker].country;
                    let relays: Vec<usize> = event
                        .reports
                        .iter()
                        .map(|p| p.outlet)
                        .filter(|&o| {
                            o != event.reports[r].outlet
                                && matches!(world.outlets[o].kind, Kind::Wire | Kind::StateMedia)
                        })
                        .collect();
                    if rng.chance(0.2) && !world.countries[country].state_media.is_empty() {
                        say.channel = Channel::StateMedia(country);
                        say.form = Form::Indirect;
                        plant.words = "state media".to_string();
                    } else {
                        let o = if relays.is_empty() {
                            *rng.pick(&world.wires)
                        } else {
                            *rng.pick(&relays)
                        };
                        let name = world.outlets[o].name.clone();
                        say.channel = Channel::Other(name.clone(), rng.below(4));
                        plant.words = name;
                    }
                    plant.note = format!(
                        "credited through {} instead of {}",
                        plant.words, world.outlets[event.reports[st.primary].outlet].name
                    );
                }
                "cue-shift" => {
                    let loaded = data.phrase_list("loaded");
                    let cue = if loaded.is_empty() {
                        "claimed"
                    } else {
                        *rng.pick(&loaded)
                    };
                    say.cue = Cue::Loaded(cue);
                    say.form = *rng.pick(&[Form::DirectAfter, Form::Indirect]);
                    plant.words = cue.to_string();
                    plant.note = format!("\"{cue}\" where the sources use a neutral verb");
                }
                "addressee-shift" => {
                    let wrong = wrong_addressee(world, &st, rng);
                    say.addressee = Some(wrong);
                    say.full_names = true;
                    say.form = *rng.pick(&[Form::Indirect, Form::DirectAfter]);
                    plant.words = world.people[wrong].full.clone();
                    plant.note = format!(
                        "said to {} rather than to {}",
                        plant.words,
                        st.counterpart.map_or("", |c| world.people[c].full.as_str())
                    );
                    name_the_addressee(event, r, s);
                }
                _ => return false,
            }
            event.reports[r].items[n] = Item::Say(say);
        }
    }
    let index = event.plants.len();
    for &p in &plant.reports {
        event.reports[p].plant = Some(index);
    }
    event.plants.push(plant);
    true
}

/// Some clean rendering of `s` outside report `r` names the true addressee,
/// so the shift is visible.
fn name_the_addressee(event: &mut Event, r: usize, s: usize) {
    let counterpart = event.statements[s].counterpart;
    for (o, report) in event.reports.iter_mut().enumerate() {
        if o == r || report.primary || report.copy_of.is_some() {
            continue;
        }
        for item in &mut report.items {
            if let Item::Say(say) = item
                && say.statement == s
                && !say.pinned
                && !matches!(say.wording, Wording::Paraphrase(_))
            {
                say.addressee = counterpart;
                say.cue = Cue::Said;
                if !matches!(say.form, Form::Indirect | Form::DirectAfter) {
                    say.form = Form::Indirect;
                }
                say.pinned = true;
                return;
            }
        }
    }
    event.statements[s].reference_told = true;
}

/// Someone else of the same side, or the other side, to credit words to.
fn wrong_speaker(world: &World, st: &Statement, rng: &mut Rng) -> usize {
    let speaker = &world.people[st.speaker];
    let country = &world.countries[speaker.country];
    let mut options: Vec<usize> = Vec::new();
    if speaker.office != Office::Spokesperson {
        options.push(country.person(Office::Spokesperson));
    } else {
        options.push(country.person(Office::Foreign));
    }
    if let Some(c) = st.counterpart {
        options.push(c);
    }
    if speaker.office != Office::Head {
        options.push(country.person(Office::Head));
    }
    options.retain(|&p| p != st.speaker);
    if options.is_empty() {
        return country.person(Office::Head);
    }
    *rng.pick(&options)
}

/// A person the statement was not said to.
fn wrong_addressee(world: &World, st: &Statement, rng: &mut Rng) -> usize {
    let Some(counterpart) = st.counterpart else {
        return st.speaker;
    };
    let cp = &world.people[counterpart];
    loop {
        let c = rng.below(world.countries.len());
        if c != cp.country && c != world.people[st.speaker].country {
            return world.countries[c].person(cp.office);
        }
    }
}

/// The analyst an outlet quotes: (name, what they are).
fn analyst_name(world: &World, data: &Data, event: &Event, rng: &mut Rng) -> (String, String) {
    let country = if rng.chance(0.5) {
        world.people[event.a].country
    } else {
        event.other_country
    };
    let c = &world.countries[country];
    let mut taken: BTreeSet<String> = world.people.iter().map(|p| p.short.clone()).collect();
    let (full, _, _) = world.new_name(data, c.culture, rng, &mut taken);
    let roles = data.phrase_list("analyst-role");
    let role = if roles.is_empty() {
        "an analyst"
    } else {
        *rng.pick(&roles)
    };
    let institutions = Data::section(&data.phrases, "institution");
    let institution = if institutions.is_empty() {
        format!("{} University", c.capital)
    } else {
        let mut out = String::new();
        rng.pick(institutions).expand_into(
            &mut out,
            &mut |key, out| match key {
                "Xcap" => out.push_str(c.capital),
                "Xadj" => out.push_str(c.adjective),
                _ => {}
            },
            &mut |_| 0,
        );
        out
    };
    (full, format!("{role} at {institution}"))
}

/// Words of the paraphrase that no verbatim rendering has: five in a row
/// where most differ from the statement's words.
fn paraphrase_evidence(st: &Statement, k: usize) -> String {
    let canonical: BTreeSet<String> = st.words.iter().map(|t| t.text.to_lowercase()).collect();
    let Some(p) = st.paraphrases.get(k) else {
        return String::new();
    };
    let width = 5.min(p.len().saturating_sub(1)).max(1);
    let mut best = (0, 1);
    for from in 1..p.len().saturating_sub(width - 1).max(2) {
        let fresh = p[from..(from + width).min(p.len())]
            .iter()
            .filter(|t| t.kind != TokKind::Comma && !canonical.contains(&t.text.to_lowercase()))
            .count();
        if fresh > best.0 {
            best = (fresh, from);
        }
    }
    join_range(p, best.1, best.1 + width)
}

/// Words of a sentence as plain tokens (commas apart).
fn plain_words(text: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    for word in text.split_whitespace() {
        let (bare, comma) = match word.strip_suffix(',') {
            Some(bare) => (bare, true),
            None => (word, false),
        };
        out.push(Tok {
            text: Text::from(bare.to_string()),
            kind: TokKind::Plain,
        });
        if comma {
            out.push(Tok {
                text: Text::Static(","),
                kind: TokKind::Comma,
            });
        }
    }
    out
}

/// Some report other than `r` prints paraphrase `k` of statement `s` as
/// reported speech, so a quotation of it matches that paraphrase (CC005).
fn paraphrase_elsewhere(event: &mut Event, r: usize, s: usize, k: usize, rng: &mut Rng) {
    let mut candidates: Vec<(usize, usize)> = Vec::new();
    for (o, report) in event.reports.iter().enumerate() {
        if o == r || report.primary || report.copy_of.is_some() || report.locked {
            continue;
        }
        for (n, item) in report.items.iter().enumerate() {
            if let Item::Say(say) = item
                && say.statement == s
                && !say.pinned
            {
                candidates.push((o, n));
            }
        }
    }
    if let Some(&(o, n)) = candidates.get(rng.below(candidates.len().max(1))) {
        if let Item::Say(say) = &mut event.reports[o].items[n] {
            say.wording = Wording::Paraphrase(k);
            say.form = *rng.pick(&[Form::Indirect, Form::IndirectTrailing, Form::AccordingTo]);
            say.from = 0;
            say.channel = Channel::None;
            say.pinned = true;
        }
        return;
    }
    // No rendering to turn: a report without one gets it.
    let others: Vec<usize> = (0..event.reports.len())
        .filter(|&o| {
            let report = &event.reports[o];
            o != r && !report.primary && report.copy_of.is_none() && !report.locked
        })
        .collect();
    if let Some(&o) = others.get(rng.below(others.len().max(1))) {
        let mut say = Say::clean(s);
        say.wording = Wording::Paraphrase(k);
        say.pinned = true;
        event.reports[o].items.push(Item::Say(say));
    }
}

/// Every statement is carried by its primary source and at least one other
/// report, so no claim is single-source unless planted so.
fn cover(event: &mut Event) {
    for s in 0..event.statements.len() {
        let carried = event.reports.iter().any(|report| {
            let source = report.copy_of.unwrap_or(usize::MAX);
            let items = match report.copy_of {
                Some(_) => event.reports.get(source).map_or(&[][..], |o| &o.items[..]),
                None => &report.items[..],
            };
            !report.primary
                && items
                    .iter()
                    .any(|i| matches!(i, Item::Say(say) if say.statement == s))
        });
        if carried {
            continue;
        }
        let mut candidates: Vec<usize> = (0..event.reports.len())
            .filter(|&r| {
                let report = &event.reports[r];
                !report.primary
                    && report.copy_of.is_none()
                    && !report.items.iter().any(|i| match i {
                        Item::OwnVoice(o) => *o == s,
                        Item::Say(say) => say.statement == s,
                        _ => false,
                    })
            })
            .collect();
        // Prefer a report without a plant, then the one with fewest items.
        candidates.sort_by_key(|&r| {
            (
                event.reports[r].plant.is_some(),
                event.reports[r].items.len(),
                r,
            )
        });
        if let Some(&r) = candidates.first() {
            let mut say = Say::clean(s);
            say.form = Form::Indirect;
            event.reports[r].items.push(Item::Say(say));
        }
    }
}
