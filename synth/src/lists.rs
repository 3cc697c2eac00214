//! The data files under `data/`, compiled in and parsed once: names,
//! countries, outlets, topics, statement templates and phrase lists.

use std::collections::{BTreeMap, BTreeSet};

/// A piece of a template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    Text(&'static str),
    /// `{key}`: filled from the event.
    Fill(&'static str),
    /// `[a|b]`: the primary source's word first, then a translator's.
    Choice(Vec<&'static str>),
}

/// A line with fills and choices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    pub parts: Vec<Part>,
}

impl Template {
    pub fn parse(line: &'static str) -> Template {
        let mut parts = Vec::new();
        let mut rest = line;
        while !rest.is_empty() {
            let next = rest.find(['{', '[']).unwrap_or(rest.len());
            if next > 0 {
                parts.push(Part::Text(&rest[..next]));
                rest = &rest[next..];
                continue;
            }
            let close = if rest.starts_with('{') { '}' } else { ']' };
            let Some(end) = rest.find(close) else {
                parts.push(Part::Text(rest));
                break;
            };
            let inner = &rest[1..end];
            parts.push(if close == '}' {
                Part::Fill(inner)
            } else {
                Part::Choice(inner.split('|').collect())
            });
            rest = &rest[end + 1..];
        }
        Template { parts }
    }

    /// Append the text to `out`, every fill written by `fill` and every
    /// choice made by `choose` (given the number of alternatives, it returns
    /// the index of one).
    pub fn expand_into(
        &self,
        out: &mut String,
        fill: &mut dyn FnMut(&str, &mut String),
        choose: &mut dyn FnMut(usize) -> usize,
    ) {
        for part in &self.parts {
            match part {
                Part::Text(t) => out.push_str(t),
                Part::Fill(key) => fill(key, out),
                Part::Choice(words) => {
                    let i = choose(words.len()).min(words.len().saturating_sub(1));
                    out.push_str(words.get(i).copied().unwrap_or(""));
                }
            }
        }
    }

    /// The fills it uses.
    pub fn fills(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.parts.iter().filter_map(|p| match p {
            Part::Fill(key) => Some(*key),
            _ => None,
        })
    }
}

/// The lines of a data file that carry data: no blank lines, no `#` comments.
fn lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// A file of `[section]` headers and entries.
fn sections(text: &'static str) -> BTreeMap<&'static str, Vec<&'static str>> {
    let mut out: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    let mut current = "";
    for line in lines(text) {
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            current = name;
            out.entry(name).or_default();
        } else {
            out.entry(current).or_default().push(line);
        }
    }
    out
}

fn fields(line: &'static str) -> Vec<&'static str> {
    line.split('|').map(str::trim).collect()
}

fn comma_list(text: &'static str) -> Vec<&'static str> {
    text.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

/// How a culture orders names, and which one people are called by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameOrder {
    /// `Antonio Ruiz`, called Ruiz.
    GivenFirst,
    /// `Wang Jianhua`, called Wang.
    FamilyFirst,
    /// `Bui Thanh Long`, called Long.
    FamilyLastGiven,
}

#[derive(Debug, Clone)]
pub struct Culture {
    pub name: &'static str,
    pub order: NameOrder,
    pub family: Vec<&'static str>,
    pub male: Vec<&'static str>,
    pub female: Vec<&'static str>,
}

#[derive(Debug, Clone)]
pub struct CountryRow {
    pub name: &'static str,
    pub adjective: &'static str,
    pub capital: &'static str,
    pub culture: &'static str,
    pub head_title: &'static str,
    pub foreign_title: &'static str,
    pub foreign_ministry: &'static str,
    pub spokesperson_title: &'static str,
    pub state_media: Vec<&'static str>,
    /// The language its officials speak (ISO 639-1).
    pub language: &'static str,
}

#[derive(Debug, Clone)]
pub struct OutletRow {
    pub name: &'static str,
    pub kind: &'static str,
    pub style: &'static str,
}

/// A topic: for each field, its alternatives.
#[derive(Debug, Clone)]
pub struct Topic {
    pub fields: BTreeMap<&'static str, Vec<&'static str>>,
}

/// A statement and its paraphrases.
#[derive(Debug, Clone)]
pub struct StatementTemplate {
    pub words: Template,
    pub paraphrases: Vec<Template>,
}

#[derive(Debug)]
pub struct Data {
    pub cultures: Vec<Culture>,
    pub countries: Vec<CountryRow>,
    pub outlets: Vec<OutletRow>,
    pub topics: Vec<Topic>,
    pub statements: Vec<StatementTemplate>,
    /// background.txt, frames.txt and phrases.txt by section.
    pub background: BTreeMap<&'static str, Vec<Template>>,
    pub frames: BTreeMap<&'static str, Vec<Template>>,
    pub phrases: BTreeMap<&'static str, Vec<Template>>,
    /// `word > other` pairs of the `[alter]` section.
    pub alter: Vec<(&'static str, &'static str)>,
    /// Per statement template, the templates sharing a run of four words
    /// with it: two such statements in one event could pass for one claim.
    pub conflicts: Vec<Vec<usize>>,
}

fn templates(text: &'static str) -> BTreeMap<&'static str, Vec<Template>> {
    sections(text)
        .into_iter()
        .map(|(name, entries)| (name, entries.into_iter().map(Template::parse).collect()))
        .collect()
}

impl Data {
    pub fn load() -> Data {
        let phrases_text = include_str!("../data/phrases.txt");
        let alter = sections(phrases_text)
            .remove("alter")
            .unwrap_or_default()
            .into_iter()
            .filter_map(|l| l.split_once('>'))
            .map(|(a, b)| (a.trim(), b.trim()))
            .collect();
        let statements = statements(include_str!("../data/statements.txt"));
        let runs: Vec<BTreeSet<Vec<&str>>> = statements.iter().map(word_runs).collect();
        let conflicts = runs
            .iter()
            .enumerate()
            .map(|(i, a)| {
                runs.iter()
                    .enumerate()
                    .filter(|(j, b)| *j != i && !a.is_disjoint(b))
                    .map(|(j, _)| j)
                    .collect()
            })
            .collect();
        Data {
            cultures: cultures(include_str!("../data/names.txt")),
            countries: lines(include_str!("../data/countries.txt"))
                .map(fields)
                .filter(|f| f.len() >= 10)
                .map(|f| CountryRow {
                    name: f[0],
                    adjective: f[1],
                    capital: f[2],
                    culture: f[3],
                    head_title: f[4],
                    foreign_title: f[5],
                    foreign_ministry: f[6],
                    spokesperson_title: f[7],
                    state_media: comma_list(f[8]),
                    language: f[9],
                })
                .collect(),
            outlets: lines(include_str!("../data/outlets.txt"))
                .map(fields)
                .filter(|f| f.len() >= 3)
                .map(|f| OutletRow {
                    name: f[0],
                    kind: f[1],
                    style: f[2],
                })
                .collect(),
            topics: sections(include_str!("../data/topics.txt"))
                .into_iter()
                .filter(|(name, _)| !name.is_empty())
                .map(|(_, entries)| Topic {
                    fields: entries
                        .into_iter()
                        .filter_map(|l| l.split_once('='))
                        .map(|(k, v)| (k.trim(), fields(v)))
                        .collect(),
                })
                .collect(),
            statements,
            background: templates(include_str!("../data/background.txt")),
            frames: templates(include_str!("../data/frames.txt")),
            phrases: templates(phrases_text),
            alter,
            conflicts,
        }
    }

    /// The templates of one section (empty if the section is missing).
    pub fn section<'a>(
        map: &'a BTreeMap<&'static str, Vec<Template>>,
        name: &str,
    ) -> &'a [Template] {
        map.get(name).map_or(&[], Vec::as_slice)
    }

    /// The plain lines of one phrases section.
    pub fn phrase_list(&self, name: &str) -> Vec<&'static str> {
        Data::section(&self.phrases, name)
            .iter()
            .filter_map(|t| match t.parts.as_slice() {
                [Part::Text(text)] => Some(*text),
                _ => None,
            })
            .collect()
    }
}

fn cultures(text: &'static str) -> Vec<Culture> {
    let mut out: Vec<Culture> = Vec::new();
    for line in lines(text) {
        if let Some(header) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            let (name, order) = header.split_once(' ').unwrap_or((header, "given-first"));
            out.push(Culture {
                name,
                order: match order {
                    "family-first" => NameOrder::FamilyFirst,
                    "family-last-given" => NameOrder::FamilyLastGiven,
                    _ => NameOrder::GivenFirst,
                },
                family: Vec::new(),
                male: Vec::new(),
                female: Vec::new(),
            });
        } else if let (Some(culture), Some((key, list))) = (out.last_mut(), line.split_once(':')) {
            let list = comma_list(list);
            match key.trim() {
                "family" => culture.family = list,
                "male" => culture.male = list,
                "female" => culture.female = list,
                _ => {}
            }
        }
    }
    out
}

/// Runs of four words, outside fills, of a template's wordings (lower case).
fn word_runs(t: &StatementTemplate) -> BTreeSet<Vec<&'static str>> {
    let mut out = BTreeSet::new();
    for template in std::iter::once(&t.words).chain(&t.paraphrases) {
        // A fill breaks a run: `None`.
        let mut words: Vec<Option<&'static str>> = Vec::new();
        for part in &template.parts {
            match part {
                Part::Text(text) => words.extend(
                    text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-')
                        .filter(|w| !w.is_empty())
                        .map(Some),
                ),
                Part::Fill(_) => words.push(None),
                Part::Choice(alternatives) => words.extend(
                    alternatives
                        .first()
                        .into_iter()
                        .flat_map(|a| a.split(' '))
                        .map(Some),
                ),
            }
        }
        for window in words.windows(4) {
            if let Some(run) = window.iter().copied().collect::<Option<Vec<&str>>>() {
                out.insert(run);
            }
        }
    }
    out
}

fn statements(text: &'static str) -> Vec<StatementTemplate> {
    let mut out = Vec::new();
    let mut words: Option<Template> = None;
    for line in lines(text) {
        if let Some(w) = line.strip_prefix("= ") {
            words = Some(Template::parse(w.trim()));
        } else if let Some(p) = line.strip_prefix("~ ") {
            match (words.take(), out.last_mut()) {
                (Some(w), _) => out.push(StatementTemplate {
                    words: w,
                    paraphrases: vec![Template::parse(p.trim())],
                }),
                (None, Some(last)) => last.paraphrases.push(Template::parse(p.trim())),
                (None, None) => {}
            }
        }
    }
    out
}
