//! The invented world the events happen in: countries, the officials who
//! speak for them, and the outlets that report them. It is the same for every
//! seed, so one configuration file describes every generated corpus.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use crate::lists::{Data, NameOrder};
use crate::rng::Rng;

/// The posts that speak for a country.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Office {
    Head,
    Foreign,
    Defence,
    Trade,
    Spokesperson,
}

pub const OFFICES: [Office; 5] = [
    Office::Head,
    Office::Foreign,
    Office::Defence,
    Office::Trade,
    Office::Spokesperson,
];

#[derive(Debug, Clone)]
pub struct Person {
    pub full: String,
    /// The name used on later mentions (`Wang`, `Ruiz`).
    pub short: String,
    pub female: bool,
    pub country: usize,
    pub office: Office,
    /// `Foreign Minister`, `Secretary of State`, `Foreign Ministry spokesperson`.
    pub title: String,
}

impl Person {
    pub fn pronoun(&self) -> &'static str {
        if self.female { "she" } else { "he" }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Official,
    StateMedia,
    Wire,
    Independent,
    Aggregator,
}

impl Kind {
    pub fn config_name(self) -> &'static str {
        match self {
            Kind::Official => "official",
            Kind::StateMedia => "state-media",
            Kind::Wire => "wire",
            Kind::Independent => "independent",
            Kind::Aggregator => "aggregator",
        }
    }
}

/// How an outlet writes: its dateline and quotation habits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Official,
    /// `BEIJING, Jan. 27 (Xinhua) --`
    Agency,
    /// `BEIJING, Jan 27 (Reuters) -`
    Reuters,
    /// `Beijing (AFP) -`
    Afp,
    /// `BEIJING (AP) —`
    Ap,
    /// `Beijing [China], January 27 (ANI):`
    Ani,
    /// `New Delhi, Jan 27 (PTI)`
    Pti,
    /// `BEIJING, January 27. /TASS/.`
    Tass,
    /// A newspaper: no dateline or `Beijing —`.
    Paper,
    /// An aggregator's rewrite.
    Digest,
}

#[derive(Debug, Clone)]
pub struct Outlet {
    pub name: String,
    pub kind: Kind,
    pub style: Style,
    pub country: Option<usize>,
    /// For report ids.
    pub slug: String,
    /// Prints “curly” quote marks.
    pub curly: bool,
}

#[derive(Debug, Clone)]
pub struct Country {
    pub name: &'static str,
    pub adjective: &'static str,
    pub capital: &'static str,
    pub culture: usize,
    /// People by office (index into `World::people`), in `OFFICES` order.
    pub people: [usize; 5],
    /// The official outlet of each office but the spokesperson's (who speaks
    /// for the foreign ministry), in `OFFICES` order.
    pub officials: [usize; 4],
    pub state_media: Vec<usize>,
    /// Its officials speak another language than English: what they say
    /// reaches English in translation.
    pub translated: bool,
}

impl Country {
    pub fn person(&self, office: Office) -> usize {
        self.people[office_index(office)]
    }

    pub fn official(&self, office: Office) -> usize {
        let i = office_index(office);
        self.officials[if i == 4 { 1 } else { i }]
    }
}

fn office_index(office: Office) -> usize {
    OFFICES.iter().position(|&o| o == office).unwrap_or(0)
}

#[derive(Debug, Clone)]
pub struct World {
    pub countries: Vec<Country>,
    pub people: Vec<Person>,
    pub outlets: Vec<Outlet>,
    pub wires: Vec<usize>,
    pub independents: Vec<usize>,
    pub aggregators: Vec<usize>,
}

/// The roster is drawn from its own fixed stream, not the corpus seed.
const ROSTER_SEED: u64 = 0x0C05_5C4E_C4C0_57E5;

pub fn capitalise(text: &str) -> String {
    let mut out = text.to_string();
    if let Some(first) = out.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    out
}

pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

impl World {
    pub fn build(data: &Data) -> World {
        let mut rng = Rng::new(ROSTER_SEED);
        let mut world = World {
            countries: Vec::new(),
            people: Vec::new(),
            outlets: Vec::new(),
            wires: Vec::new(),
            independents: Vec::new(),
            aggregators: Vec::new(),
        };
        let mut used: BTreeSet<String> = BTreeSet::new();
        for (c, row) in data.countries.iter().enumerate() {
            let culture = data
                .cultures
                .iter()
                .position(|k| k.name == row.culture)
                .unwrap_or(0);
            let us = row.adjective == "US";
            let mut people = [0; 5];
            for (i, office) in OFFICES.iter().enumerate() {
                let title = match office {
                    Office::Head => row.head_title.to_string(),
                    Office::Foreign => row.foreign_title.to_string(),
                    Office::Defence if us => "Secretary of Defense".to_string(),
                    Office::Defence => "Defence Minister".to_string(),
                    Office::Trade if us => "Trade Representative".to_string(),
                    Office::Trade => "Trade Minister".to_string(),
                    Office::Spokesperson => row.spokesperson_title.to_string(),
                };
                let (full, short, female) = world.new_name(data, culture, &mut rng, &mut used);
                people[i] = world.people.len();
                world.people.push(Person {
                    full,
                    short,
                    female,
                    country: c,
                    office: *office,
                    title,
                });
            }
            let adjective = row.adjective;
            let official_names = [
                format!("Office of the {adjective} {}", row.head_title),
                row.foreign_ministry.to_string(),
                if us {
                    "US Department of Defense".to_string()
                } else {
                    format!("{adjective} Defence Ministry")
                },
                if us {
                    "Office of the US Trade Representative".to_string()
                } else {
                    format!("{adjective} Trade Ministry")
                },
            ];
            let mut officials = [0; 4];
            for (i, name) in official_names.into_iter().enumerate() {
                officials[i] = world.add_outlet(name, Kind::Official, Style::Official, Some(c));
            }
            let state_media = row
                .state_media
                .iter()
                .map(|name| {
                    let style = match *name {
                        "TASS" => Style::Tass,
                        "Global Times" | "CGTN" | "NHK World" => Style::Paper,
                        _ => Style::Agency,
                    };
                    world.add_outlet(name.to_string(), Kind::StateMedia, style, Some(c))
                })
                .collect();
            world.countries.push(Country {
                name: row.name,
                adjective,
                capital: row.capital,
                culture,
                people,
                officials,
                state_media,
                translated: row.language != "en",
            });
        }
        for row in &data.outlets {
            let (kind, list) = match row.kind {
                "wire" => (Kind::Wire, 0),
                "aggregator" => (Kind::Aggregator, 2),
                _ => (Kind::Independent, 1),
            };
            let style = match row.style {
                "reuters" => Style::Reuters,
                "afp" => Style::Afp,
                "ap" => Style::Ap,
                "ani" => Style::Ani,
                "pti" => Style::Pti,
                "agency" => Style::Agency,
                "digest" => Style::Digest,
                _ => Style::Paper,
            };
            let id = world.add_outlet(row.name.to_string(), kind, style, None);
            [
                &mut world.wires,
                &mut world.independents,
                &mut world.aggregators,
            ][list]
                .push(id);
        }
        world
    }

    fn add_outlet(
        &mut self,
        name: String,
        kind: Kind,
        style: Style,
        country: Option<usize>,
    ) -> usize {
        let curly = matches!(style, Style::Paper | Style::Digest) && self.outlets.len() % 2 == 1
            || name == "Bloomberg";
        self.outlets.push(Outlet {
            slug: slug(&name),
            name,
            kind,
            style,
            country,
            curly,
        });
        self.outlets.len() - 1
    }

    /// A name from a culture whose short form no one else has: (full, short, female).
    pub fn new_name(
        &self,
        data: &Data,
        culture: usize,
        rng: &mut Rng,
        used: &mut BTreeSet<String>,
    ) -> (String, String, bool) {
        let Some(pool) = data.cultures.get(culture) else {
            return ("Alex Doe".to_string(), "Doe".to_string(), false);
        };
        for attempt in 0..200 {
            let female = rng.chance(0.3) && !pool.female.is_empty();
            let given = if female { &pool.female } else { &pool.male };
            if given.is_empty() || pool.family.is_empty() {
                break;
            }
            let family = *rng.pick(&pool.family);
            let given = *rng.pick(given);
            let (full, short) = match pool.order {
                NameOrder::GivenFirst => (format!("{given} {family}"), family.to_string()),
                NameOrder::FamilyFirst => (format!("{family} {given}"), family.to_string()),
                NameOrder::FamilyLastGiven => (
                    format!("{family} {given}"),
                    given.rsplit(' ').next().unwrap_or(given).to_string(),
                ),
            };
            // After many tries, accept a used short name with a new full name.
            if used.insert(short.clone()) || (attempt > 150 && used.insert(full.clone())) {
                return (full, short, female);
            }
        }
        ("Alex Doe".to_string(), "Doe".to_string(), false)
    }

    /// `Chinese Foreign Minister Wang Jianhua`: the first mention in a report.
    pub fn titled(&self, person: usize) -> String {
        let p = &self.people[person];
        let c = &self.countries[p.country];
        format!("{} {} {}", c.adjective, p.title, p.full)
    }

    /// `the Chinese Foreign Minister`: a later mention, unique in the world.
    pub fn role(&self, person: usize) -> String {
        let p = &self.people[person];
        let c = &self.countries[p.country];
        format!("the {} {}", c.adjective, p.title)
    }

    /// `China's top diplomat` for a foreign minister.
    pub fn epithet(&self, person: usize) -> Option<String> {
        let p = &self.people[person];
        let c = &self.countries[p.country];
        (p.office == Office::Foreign).then(|| {
            if c.name.starts_with("the ") {
                format!("the top {} diplomat", c.adjective)
            } else {
                format!("{}'s top diplomat", c.name)
            }
        })
    }

    /// The configuration file: every outlet with its kind, and every person
    /// with the other names reports use for them.
    pub fn config_toml(&self) -> String {
        let mut out = String::from(
            "# Outlets and speakers of a corpus written by `cargo run --example synth`.\n\
             # The official outlets are the primary sources: their wording is the reference.\n",
        );
        for outlet in &self.outlets {
            let _ = write!(
                out,
                "\n[[outlets]]\nname = {}\nkind = \"{}\"\n",
                toml_string(&outlet.name),
                outlet.kind.config_name()
            );
        }
        for (i, person) in self.people.iter().enumerate() {
            let mut aliases = vec![self.role(i)];
            aliases.extend(self.epithet(i));
            let aliases: Vec<String> = aliases.iter().map(|a| toml_string(a)).collect();
            let _ = write!(
                out,
                "\n[[speakers]]\nname = {}\naliases = [{}]\n",
                toml_string(&person.full),
                aliases.join(", ")
            );
        }
        out
    }
}

fn toml_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}
