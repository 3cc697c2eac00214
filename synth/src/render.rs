//! Writing a planned report: title, dateline, lede, the renderings of the
//! statements it carries, and background paragraphs that attribute nothing.
//! Every choice that could change what the truth says was made in the plan;
//! what is drawn here (which name form, which background) changes only style.

use std::collections::BTreeSet;

use crate::calendar;
use crate::lists::{Data, Template};
use crate::plan::{
    Change, Channel, Cue, Event, EventKind, Form, Format, Item, Say, Statement, Text, Tok, TokKind,
    Wording, join,
};
use crate::rng::Rng;
use crate::world::{Kind, Outlet, Style, World, capitalise};

/// A written report.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub title: String,
    /// `BEIJING, Jan. 27 (Xinhua) -- ` or empty.
    pub dateline: String,
    pub paragraphs: Vec<(String, Para)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Para {
    Lede,
    Body,
    Background,
}

impl Rendered {
    /// The text's length in bytes.
    pub fn text_len(&self) -> usize {
        self.dateline.len()
            + self.paragraphs.iter().map(|(p, _)| p.len()).sum::<usize>()
            + 2 * self.paragraphs.len().saturating_sub(1)
    }
}

/// Write every report of an event, copies after what they copy.
pub fn event(world: &World, data: &Data, event: &Event) -> Vec<Rendered> {
    let mut out: Vec<Option<Rendered>> = vec![None; event.reports.len()];
    for (r, report) in event.reports.iter().enumerate() {
        if report.copy_of.is_none() {
            out[r] = Some(Writer::new(world, data, event, r).report());
        }
    }
    for (r, report) in event.reports.iter().enumerate() {
        if let Some(o) = report.copy_of {
            let original = out[o].clone().unwrap_or_else(|| Rendered {
                title: String::new(),
                dateline: String::new(),
                paragraphs: Vec::new(),
            });
            let mut rng = Rng::new(report.seed);
            let writer = Writer::new(world, data, event, r);
            out[r] = Some(copy(
                world,
                event,
                o,
                original,
                writer.title(&mut rng),
                &mut rng,
            ));
        }
    }
    out.into_iter().flatten().collect()
}

/// A near-verbatim copy: no dateline, a new title, one background paragraph
/// dropped, the source named at the end.
fn copy(
    world: &World,
    event: &Event,
    original: usize,
    mut text: Rendered,
    title: String,
    rng: &mut Rng,
) -> Rendered {
    text.dateline = String::new();
    text.title = title;
    let background: Vec<usize> = text
        .paragraphs
        .iter()
        .enumerate()
        .filter(|(_, (_, kind))| *kind == Para::Background)
        .map(|(i, _)| i)
        .collect();
    if background.len() > 1 {
        text.paragraphs.remove(*rng.pick(&background));
    }
    let source = &world.outlets[event.reports[original].outlet].name;
    if let Some((last, _)) = text.paragraphs.last_mut() {
        last.push_str(&format!(" ({source})"));
    }
    text
}

struct Writer<'a> {
    world: &'a World,
    data: &'a Data,
    event: &'a Event,
    report: usize,
    outlet: &'a Outlet,
    rng: Rng,
    introduced: BTreeSet<usize>,
    /// The speaker of the sentence just written, for `he said`.
    last_speaker: Option<usize>,
    open: &'static str,
    close: &'static str,
}

impl<'a> Writer<'a> {
    fn new(world: &'a World, data: &'a Data, event: &'a Event, report: usize) -> Writer<'a> {
        let plan = &event.reports[report];
        let outlet = &world.outlets[plan.outlet];
        let (open, close) = if outlet.curly {
            ("\u{201C}", "\u{201D}")
        } else {
            ("\"", "\"")
        };
        Writer {
            world,
            data,
            event,
            report,
            outlet,
            rng: Rng::new(plan.seed ^ 0x5EED),
            introduced: BTreeSet::new(),
            last_speaker: None,
            open,
            close,
        }
    }

    fn official(&self) -> bool {
        self.outlet.kind == Kind::Official
    }

    fn report(mut self) -> Rendered {
        let mut rng = Rng::new(self.event.reports[self.report].seed);
        let title = self.title(&mut rng);
        if self.official() {
            return self.readout(title);
        }
        let dateline = self.dateline();
        let mut paragraphs = vec![(self.lede(), Para::Lede)];
        let items = &self.event.reports[self.report].items;
        let mut background = self.background_pool();
        // Background carries most of a real article's length.
        let paragraphs_wanted = match self.outlet.style {
            Style::Agency | Style::Tass => self.rng.range(7, 9),
            Style::Digest => self.rng.range(7, 9),
            Style::Paper => self.rng.range(10, 13),
            _ => self.rng.range(9, 11),
        };
        let early = self.rng.range(1, 2).min(items.len());
        let mut written = 0;
        let mut i = 0;
        while i < items.len() {
            let mut text = self.item(&items[i]);
            // Two renderings of one speaker's words may share a paragraph.
            if let (Some(Item::Say(a)), Some(Item::Say(b))) = (items.get(i), items.get(i + 1))
                && !a.planted
                && !b.planted
                && self.speaker_of(a) == self.speaker_of(b)
                && self.rng.chance(0.3)
            {
                text.push(' ');
                text.push_str(&self.item(&items[i + 1]));
                i += 1;
            }
            paragraphs.push((text, Para::Body));
            i += 1;
            if i == early && written < paragraphs_wanted {
                paragraphs.push((self.background_paragraph(&mut background), Para::Background));
                written += 1;
            }
        }
        while written < paragraphs_wanted {
            paragraphs.push((self.background_paragraph(&mut background), Para::Background));
            written += 1;
        }
        paragraphs.retain(|(p, _)| !p.is_empty());
        Rendered {
            title,
            dateline,
            paragraphs,
        }
    }

    fn speaker_of(&self, say: &Say) -> usize {
        say.speaker
            .unwrap_or(self.event.statements[say.statement].speaker)
    }

    /// A primary source's text: its narrative and the statements it words.
    fn readout(mut self, title: String) -> Rendered {
        let event = self.event;
        let first = event.reports[self.report]
            .items
            .iter()
            .find_map(|i| match i {
                Item::Say(s) => Some(event.statements[s.statement].speaker),
                _ => None,
            });
        let b_statement = first.is_some_and(|s| Some(s) == event.b) && self.report > 0;
        let section = match (event.kind, b_statement) {
            (EventKind::Briefing, _) => "opening-briefing",
            (_, true) => "opening-b",
            (EventKind::Talks(Format::Phone), _) => "opening-call",
            (EventKind::Talks(Format::Video), _) => "opening-video",
            (EventKind::Talks(Format::Meeting), _) => "opening-meeting",
        };
        let opening = self.frame(section);
        self.introduced.insert(event.a);
        if let Some(b) = event.b {
            self.introduced.insert(b);
        }
        let mut paragraphs = vec![(opening, Para::Lede)];
        let items = event.reports[self.report].items.clone();
        let mut current = String::new();
        for item in &items {
            let sentence = self.item(item);
            if !current.is_empty() && self.rng.chance(0.5) {
                paragraphs.push((std::mem::take(&mut current), Para::Body));
            }
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(&sentence);
        }
        if !current.is_empty() {
            paragraphs.push((current, Para::Body));
        }
        // Narrative of the source's own, which no report repeats.
        let mut narrative = Vec::new();
        if event.kind == EventKind::Briefing {
            narrative.push(self.frame("narrative-briefing"));
        } else {
            let n = self.rng.range(1, 3);
            for _ in 0..n {
                let sentence = self.frame("narrative-official");
                if !narrative.contains(&sentence) {
                    narrative.push(sentence);
                }
            }
            if self.rng.chance(0.6) {
                narrative.push(self.frame("closing-official"));
            }
        }
        paragraphs.insert(1, (narrative.join(" "), Para::Background));
        Rendered {
            title,
            dateline: String::new(),
            paragraphs,
        }
    }

    fn title(&self, rng: &mut Rng) -> String {
        let event = self.event;
        let section = match (self.official(), event.kind) {
            (true, EventKind::Briefing) => "title-official-briefing",
            (true, _) if self.report > 0 && event.b.is_some() => "title-official-b",
            (true, EventKind::Talks(Format::Phone)) => "title-official-call",
            (true, EventKind::Talks(Format::Video)) => "title-official-video",
            (true, EventKind::Talks(Format::Meeting)) => "title-official-meeting",
            (false, EventKind::Briefing) => "title-briefing",
            (false, _) => "title",
        };
        let templates = Data::section(&self.data.frames, section);
        if templates.is_empty() {
            return String::new();
        }
        let template = rng.pick(templates);
        let mut out = String::new();
        template.expand_into(
            &mut out,
            &mut |key, out| self.fact(key, rng, out),
            &mut |_| 0,
        );
        capitalise(&out)
    }

    fn frame(&mut self, section: &str) -> String {
        let templates = Data::section(&self.data.frames, section);
        if templates.is_empty() {
            return String::new();
        }
        let template = self.rng.pick(templates);
        let mut rng = self.rng.clone();
        let mut text = String::new();
        template.expand_into(
            &mut text,
            &mut |key, out| self.fact(key, &mut rng, out),
            &mut |_| 0,
        );
        self.rng = rng;
        capitalise(&text)
    }

    /// Write the value of a frame or background fill.
    fn fact(&self, key: &str, rng: &mut Rng, out: &mut String) {
        use std::fmt::Write as _;
        let world = self.world;
        let event = self.event;
        let a = &world.people[event.a];
        let b = event.b.map(|b| &world.people[b]);
        let ca = &world.countries[a.country];
        let cb = &world.countries[event.other_country];
        let facts = &event.facts;
        let _ = match key {
            "A" => write!(out, "{}", ca.name),
            "B" => write!(out, "{}", cb.name),
            "Aadj" => write!(out, "{}", ca.adjective),
            "Badj" => write!(out, "{}", cb.adjective),
            "Acap" => write!(out, "{}", ca.capital),
            "Bcap" => write!(out, "{}", cb.capital),
            "Afull" => write!(out, "{}", a.full),
            "Ashort" => write!(out, "{}", a.short),
            "Atitle" => write!(out, "{}", a.title),
            "Atitled" => write!(out, "{}", world.titled(event.a)),
            "Bfull" => write!(out, "{}", b.map_or(cb.name, |b| b.full.as_str())),
            "Bshort" => write!(out, "{}", b.map_or(cb.name, |b| b.short.as_str())),
            "Btitle" => write!(out, "{}", b.map_or("", |b| b.title.as_str())),
            "Btitled" => match event.b {
                Some(b) => write!(out, "{}", world.titled(b)),
                None => write!(out, "{}", cb.name),
            },
            "label" | "area" | "forum" | "good" => write!(
                out,
                "{}",
                event.topic_fields.get(key).copied().unwrap_or("the region")
            ),
            "label2" => write!(out, "{}", event.second_label),
            "city" => write!(out, "{}", event.city),
            "date" => write!(out, "{}", calendar::long(event.day)),
            "weekday" => write!(out, "{}", calendar::WEEKDAYS[calendar::weekday(event.day)]),
            "ties" => write!(out, "{}", facts.ties),
            "trade" => write!(out, "{}", facts.trade),
            "trade0" => write!(out, "{}", facts.trade0),
            "prevcity" => write!(out, "{}", facts.prev_city),
            "prevmonth" => write!(out, "{}", facts.prev_month),
            "nextmonth" => write!(out, "{}", facts.next_month),
            "fcity" => write!(out, "{}", facts.forum_city),
            "since" => write!(out, "{}", facts.since),
            "students" => write!(out, "{}", crate::plan::thousands(u64::from(facts.students))),
            "minutes" => write!(out, "{}", facts.minutes),
            "pct" => write!(out, "{}.{}", rng.range(1, 9), rng.range(0, 9)),
            "num2" => write!(out, "{}", rng.range(2, 9)),
            "request" if rng.chance(0.4) => {
                write!(out, " at the request of the {} side", cb.adjective)
            }
            "tail" | "lede2" | "callnoun" | "callverb" | "videonoun" | "videoverb" => {
                let templates = Data::section(&self.data.frames, key);
                if !templates.is_empty() {
                    let template = rng.pick(templates);
                    let mut inner = rng.clone();
                    template.expand_into(
                        out,
                        &mut |k, out| self.fact(k, &mut inner, out),
                        &mut |_| 0,
                    );
                    *rng = inner;
                }
                Ok(())
            }
            _ => Ok(()),
        };
    }

    fn dateline(&mut self) -> String {
        let event = self.event;
        let day = event.reports[self.report].day;
        let city = event.city;
        let country = self
            .world
            .countries
            .iter()
            .find(|c| c.capital == city)
            .map_or("", |c| c.name.trim_start_matches("the "));
        let name = &self.outlet.name;
        let upper = city.to_uppercase();
        match self.outlet.style {
            Style::Agency => format!("{upper}, {} ({name}) -- ", calendar::month_day_ap(day)),
            Style::Reuters => format!("{upper}, {} ({name}) - ", calendar::month_day_short(day)),
            Style::Afp => format!("{city} ({name}) - "),
            Style::Ap => format!("{upper} ({name}) \u{2014} "),
            Style::Ani => format!(
                "{city} [{country}], {} ({name}): ",
                calendar::month_day(day)
            ),
            Style::Pti => format!("{city}, {} ({name}) ", calendar::month_day_short(day)),
            Style::Tass => format!("{upper}, {}. /{name}/. ", calendar::month_day(day)),
            Style::Paper if self.rng.chance(0.5) => format!("{city} \u{2014} "),
            _ => String::new(),
        }
    }

    fn lede(&mut self) -> String {
        let event = self.event;
        let section = match event.kind {
            EventKind::Briefing => "lede-briefing",
            EventKind::Talks(Format::Phone) => "lede-call",
            EventKind::Talks(Format::Video) => "lede-video",
            EventKind::Talks(Format::Meeting) => "lede-meeting",
        };
        let mut text = self.frame(section);
        self.introduced.insert(event.a);
        if let Some(b) = event.b {
            self.introduced.insert(b);
        }
        if event.kind != EventKind::Briefing && self.rng.chance(0.4) {
            text.push(' ');
            text.push_str(&self.frame("lede2"));
        }
        self.last_speaker = None;
        text
    }

    /// The background sentences this report may use, in a random order.
    fn background_pool(&mut self) -> Vec<&'a Template> {
        let kind = match self.event.kind {
            EventKind::Briefing => "briefing",
            EventKind::Talks(Format::Meeting) => "meeting",
            EventKind::Talks(_) => "call",
        };
        let talks = self.event.b.is_some();
        let data: &'a Data = self.data;
        let mut pool: Vec<&'a Template> = ["relations", "topic", "context", "people", kind]
            .iter()
            .flat_map(|s| Data::section(&data.background, s).iter())
            .filter(|t| {
                talks
                    || !t
                        .fills()
                        .any(|f| f.starts_with('B') && f != "B" && f != "Badj" && f != "Bcap")
            })
            .collect();
        self.rng.shuffle(&mut pool);
        pool
    }

    fn background_paragraph(&mut self, pool: &mut Vec<&'a Template>) -> String {
        let n = self.rng.range(3, 5);
        let mut text = String::with_capacity(512);
        for _ in 0..n {
            let Some(template) = pool.pop() else {
                break;
            };
            if !text.is_empty() {
                text.push(' ');
            }
            let start = text.len();
            let mut rng = self.rng.clone();
            let mut choice = Rng::new(rng.next_u64());
            template.expand_into(
                &mut text,
                &mut |key, out| self.fact(key, &mut rng, out),
                &mut |n| choice.below(n),
            );
            self.rng = rng;
            if let Some(first) = text.get_mut(start..=start) {
                first.make_ascii_uppercase();
            }
        }
        self.last_speaker = None;
        text
    }

    /// How a person is named here: the first time with title and name.
    fn name(&mut self, person: usize, full: bool, pronoun_ok: bool) -> String {
        let world = self.world;
        if pronoun_ok && self.last_speaker == Some(person) && self.rng.chance(0.5) {
            return world.people[person].pronoun().to_string();
        }
        if self.introduced.insert(person) {
            return world.titled(person);
        }
        let p = &world.people[person];
        if full || self.official() {
            return p.full.clone();
        }
        match self.rng.weighted(&[55, 20, 15, 10]) {
            0 => p.short.clone(),
            1 => p.full.clone(),
            2 => world.role(person),
            _ => world.epithet(person).unwrap_or_else(|| p.short.clone()),
        }
    }

    /// The name of someone spoken to.
    fn addressee(&mut self, person: usize, full: bool) -> String {
        if self.introduced.insert(person) {
            return self.world.titled(person);
        }
        let p = &self.world.people[person];
        if full || self.official() {
            p.full.clone()
        } else {
            p.short.clone()
        }
    }

    fn primary_name(&self, statement: &Statement) -> String {
        let outlet = self.event.reports[statement.primary].outlet;
        format!("the {}", self.world.outlets[outlet].name)
    }

    fn item(&mut self, item: &Item) -> String {
        match item {
            Item::Say(say) => self.say(say),
            Item::OwnVoice(s) => {
                self.last_speaker = None;
                format!("{}.", capitalise(&join(&self.event.statements[*s].words)))
            }
            Item::Foreign(statement) => {
                let form = *self
                    .rng
                    .pick(&[Form::DirectAfter, Form::DirectBefore, Form::Indirect]);
                let words = statement.words.clone();
                let speaker = statement.speaker;
                let name = self.name(speaker, false, form != Form::DirectBefore);
                self.sentence(&words, speaker, name, "said".to_string(), form, "", "")
            }
            Item::Exclusive(exclusive) => {
                let words = exclusive.words.clone();
                match &exclusive.speaker {
                    Ok(p) => {
                        let p = *p;
                        let name = self.name(p, false, true);
                        let form = if exclusive.direct {
                            Form::DirectAfter
                        } else {
                            Form::Indirect
                        };
                        let cue = if exclusive.direct {
                            "said"
                        } else {
                            "also said"
                        };
                        self.sentence(&words, p, name, cue.to_string(), form, "", "")
                    }
                    Err((name, what)) => {
                        self.last_speaker = None;
                        let outlet = &self.outlet.name;
                        let w = join(&words);
                        if exclusive.direct {
                            format!(
                                "{}{},{} {name}, {what}, told {outlet}.",
                                self.open,
                                capitalise(&w),
                                self.close
                            )
                        } else {
                            format!("{name}, {what}, told {outlet} that {w}.")
                        }
                    }
                }
            }
        }
    }

    /// The words a rendering prints.
    fn words(&self, say: &Say) -> (Vec<Tok>, String) {
        let statement = &self.event.statements[say.statement];
        let mut words = match say.wording {
            Wording::Words(v) => statement.variant_words(v),
            Wording::Paraphrase(k) => statement
                .paraphrases
                .get(k)
                .or(statement.paraphrases.first())
                .cloned()
                .unwrap_or_default(),
        };
        let mut tail = String::new();
        match &say.change {
            Change::None => {}
            Change::Alter(tok, to) => {
                if let Some(t) = words.get_mut(*tok) {
                    t.text = Text::Static(to);
                }
            }
            Change::Meaning(tok, to) => {
                if let Some(t) = words.get_mut(*tok) {
                    t.text = Text::from(to.clone());
                }
            }
            Change::Scare(Some(tok), phrase) => {
                if let Some(t) = words.get_mut(*tok) {
                    let its = if t.kind == TokKind::Fill("act") {
                        "its "
                    } else {
                        ""
                    };
                    t.text = Text::from(format!("{its}{}{phrase}{}", self.open, self.close));
                }
            }
            Change::Scare(None, phrase) => {
                let other = self.world.countries[statement.other_country].name;
                tail = format!(
                    ", in a swipe at the {}{phrase}{} of {other}",
                    self.open, self.close
                );
            }
        }
        let from = say.from.min(words.len());
        (words.split_off(from), tail)
    }

    fn say(&mut self, say: &Say) -> String {
        let statement = &self.event.statements[say.statement];
        let speaker = say.speaker.unwrap_or(statement.speaker);
        let (words, tail) = self.words(say);
        let form = say.form;
        let pronoun_ok = !say.full_names
            && !matches!(
                form,
                Form::DirectInverted | Form::AccordingTo | Form::Nested
            )
            && say.speaker.is_none();
        let name = self.name(speaker, say.full_names, pronoun_ok);
        let addressee = match (say.addressee, say.cue) {
            (Some(p), _) => Some(self.addressee(p, say.full_names)),
            (None, Cue::Reference) if statement.reference_told => {
                statement.counterpart.map(|p| self.addressee(p, true))
            }
            _ => None,
        };
        let verb = match (say.cue, &addressee) {
            (Cue::Loaded(v), _) => v.to_string(),
            (_, Some(to)) => format!("told {to}"),
            (Cue::Reference, None) => statement
                .reference_cue
                .trim_end_matches(" that")
                .to_string(),
            (Cue::Added, None) => "added".to_string(),
            (Cue::Noted, None) => "noted".to_string(),
            (Cue::Said, None) => "said".to_string(),
        };
        let channel = self.channel(&say.channel, statement, form);
        self.sentence(&words, speaker, name, verb, form, &channel, &tail)
    }

    /// The channel as a phrase after the words (`, according to ...`); the
    /// forms that open with it are handled in `sentence`.
    fn channel(&mut self, channel: &Channel, statement: &Statement, form: Form) -> String {
        match channel {
            Channel::None => String::new(),
            Channel::Primary(k) => {
                if !matches!(form, Form::DirectAfter | Form::DirectInverted) {
                    return String::new();
                }
                let primary = self.primary_name(statement);
                if self.outlet.style == Style::Ani {
                    return format!(", as cited by {primary}");
                }
                match k {
                    0 => format!(", according to {primary}"),
                    1 => format!(", according to a readout from {primary}"),
                    2 => format!(", as cited in a statement from {primary}"),
                    _ => format!(", according to a statement from {primary}"),
                }
            }
            Channel::Other(name, how) => match how {
                0 => format!(", according to {name}"),
                1 => format!(", {name} reported"),
                2 => format!(", as cited by {name}"),
                _ => format!(", stated {name}"),
            },
            Channel::StateMedia(country) => {
                format!(
                    ", according to {} state media",
                    self.world.countries[*country].adjective
                )
            }
        }
    }

    /// One sentence rendering `words`, credited to `name` (who is `speaker`).
    #[allow(clippy::too_many_arguments)]
    fn sentence(
        &mut self,
        words: &[Tok],
        speaker: usize,
        name: String,
        verb: String,
        form: Form,
        channel: &str,
        tail: &str,
    ) -> String {
        let (o, c) = (self.open, self.close);
        let w = join(words);
        let cap = capitalise(&w);
        // `told X that`: without `that`, `told Wanjiru Japan wants` is ambiguous.
        let that = if !verb.starts_with("told ") && self.rng.chance(0.4) {
            ""
        } else {
            "that "
        };
        let subject = capitalise(&name);
        let simple_verb = !verb.starts_with("told ");
        let text = match form {
            Form::DirectAfter => format!("{o}{cap}{tail},{c} {name} {verb}{channel}."),
            Form::DirectInverted if simple_verb && !is_pronoun(&name) => {
                format!("{o}{cap}{tail},{c} {verb} {name}{channel}.")
            }
            Form::DirectInverted => format!("{o}{cap}{tail},{c} {name} {verb}{channel}."),
            Form::DirectBefore => {
                let mark = if self.rng.chance(0.5) { ":" } else { "," };
                format!("{subject} {verb}{mark} {o}{cap}{tail}.{c}")
            }
            Form::DirectSplit(comma) => {
                let first = capitalise(&join(&words[..comma.min(words.len())]));
                let second = join(&words[(comma + 1).min(words.len())..]);
                format!("{o}{first},{c} {name} {verb}, {o}{second}{tail}.{c}")
            }
            Form::Indirect => {
                if channel.starts_with(", according to") && channel.ends_with("state media") {
                    let source = channel.trim_start_matches(", according to ");
                    format!("According to {source}, {name} {verb} that {w}{tail}.")
                } else if let Some(outlet) = channel
                    .strip_prefix(", ")
                    .and_then(|c| c.strip_suffix(" reported"))
                {
                    format!("{outlet} reported that {name} {verb} that {w}{tail}.")
                } else {
                    format!("{subject} {verb} {that}{w}{tail}{channel}.")
                }
            }
            Form::IndirectTrailing => format!("{cap}{tail}, {name} {verb}{channel}."),
            Form::AccordingTo => format!("According to {name}, {w}{tail}."),
            Form::Mixed(from, to) => {
                let from = from.min(words.len());
                let to = to.clamp(from, words.len());
                let before = join(&words[..from]);
                let quoted = join(&words[from..to]);
                let after = join(&words[to..]);
                let after = if after.is_empty() || after.starts_with(',') {
                    after
                } else {
                    format!(" {after}")
                };
                format!("{subject} {verb} {that}{before} {o}{quoted}{c}{after}{tail}.")
            }
            Form::Nested => {
                let primary = self
                    .event
                    .statements
                    .iter()
                    .find(|s| s.speaker == speaker)
                    .map(|s| self.primary_name(s))
                    .unwrap_or_else(|| "the ministry".to_string());
                format!("{subject} {verb} that {w}{tail}, {primary} said in a statement.")
            }
        };
        self.last_speaker = Some(speaker);
        text
    }
}

fn is_pronoun(name: &str) -> bool {
    matches!(name, "he" | "she")
}
