//! `crosscheck.toml`: what a newsroom knows that the text does not say, such as
//! which outlets are primary sources and which names are one speaker, and how
//! it wants the corpus checked (rules, severities, grouping thresholds).
//!
//! Found by walking up from the working directory, first hit wins (as typos and
//! ruff do), or named with `--config`; `--isolated` uses none. Unknown keys are
//! errors, and so are unknown rule codes, so a typo never silently turns a
//! setting off. Which codes are known is the caller's to say: the rules read
//! the configuration, not the other way round.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::finding::Severity;

pub const FILE_NAME: &str = "crosscheck.toml";

/// The commented file `crosscheck init` writes.
pub const STARTER: &str = include_str!("config_starter.toml");

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
    /// Outlets and what kind of source each is.
    pub outlets: Vec<Outlet>,
    /// People and the other names they go by.
    pub speakers: Vec<SpeakerAliases>,
    /// Which rules run, and how severe their findings are.
    pub rules: Selection,
    /// How reports are grouped into events, where the file says.
    pub events: EventSettings,
    /// `[check]`: the defaults of `check`'s options.
    pub check: CheckSettings,
    /// Outlet kinds by lower-case name and alias, built on the first lookup:
    /// every report asks, and a corpus may name hundreds of outlets.
    kinds: OnceLock<FxHashMap<String, OutletKind>>,
    /// Speaker names by lower-case name and alias, likewise.
    names: OnceLock<FxHashMap<String, usize>>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outlet {
    pub name: String,
    pub kind: OutletKind,
    #[serde(default)]
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum OutletKind {
    /// The body that made the statement: its words are the reference.
    Official,
    StateMedia,
    Wire,
    Independent,
    Aggregator,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpeakerAliases {
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// `[events]`: each setting the file leaves out keeps the command line's value.
#[derive(Debug, Clone, Copy, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct EventSettings {
    /// `keys` or `auto`, as `--events`.
    pub mode: Option<EventsMode>,
    /// As `--event-window`.
    pub window_days: Option<u32>,
    /// As `--event-threshold`.
    pub threshold: Option<f32>,
    /// Events with more attributions than this are left out of comparison.
    pub max_attributions: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EventsMode {
    Keys,
    Auto,
}

/// `[check]`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct CheckSettings {
    /// As `--fail-on`: `error`, `warning`, `info` or `never`.
    pub fail_on: Option<FailOn>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

impl FailOn {
    /// The least severity that fails a run; `None` for `never`.
    pub fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }
    }
}

/// Which rules run and how severe their findings are: `--select`, `--ignore`
/// and the `[rules]` table. Rules are named by code (any case) or by name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// Only these rules run; every rule when empty.
    pub select: Vec<String>,
    /// These rules never run.
    pub ignore: Vec<String>,
    /// Severities other than a rule's default.
    pub severities: BTreeMap<String, Severity>,
}

impl Selection {
    /// Whether `given` names the rule `code` (`CC004`, `cc004`) or `name`
    /// (`unsupported-fragment`).
    pub fn names(code: &str, name: &str, given: &str) -> bool {
        code.eq_ignore_ascii_case(given) || name == given
    }

    /// Whether the rule `code`, `name` runs.
    pub fn enabled(&self, code: &str, name: &str) -> bool {
        let named = |given: &String| Selection::names(code, name, given);
        (self.select.is_empty() || self.select.iter().any(named)) && !self.ignore.iter().any(named)
    }

    /// The severity chosen for the rule `code`, `name`; `None` keeps its default.
    pub fn severity(&self, code: &str, name: &str) -> Option<Severity> {
        self.severities
            .iter()
            .find(|(given, _)| Selection::names(code, name, given))
            .map(|(_, &severity)| severity)
    }
}

/// The file as written: rule codes keep their place for error messages.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    outlets: Vec<Outlet>,
    #[serde(default)]
    speakers: Vec<SpeakerAliases>,
    #[serde(default)]
    rules: RulesTable,
    #[serde(default)]
    events: EventSettings,
    #[serde(default)]
    check: CheckSettings,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RulesTable {
    #[serde(default)]
    select: Vec<Spanned<String>>,
    #[serde(default)]
    ignore: Vec<Spanned<String>>,
    #[serde(default)]
    severity: BTreeMap<Spanned<String>, Severity>,
}

/// A configuration file that could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub path: PathBuf,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.path.display(),
            self.line,
            self.column,
            self.message
        )
    }
}

impl std::error::Error for ConfigError {}

impl Config {
    /// Read and check one configuration file. `known_rule` says whether a code
    /// or name given in `[rules]` names a rule (`rules::is_known`).
    pub fn load(path: &Path, known_rule: impl Fn(&str) -> bool) -> Result<Config, ConfigError> {
        let source = std::fs::read_to_string(path).map_err(|e| ConfigError {
            path: path.to_path_buf(),
            line: 1,
            column: 1,
            message: e.to_string(),
        })?;
        Config::parse(&source, known_rule).map_err(|(offset, message)| {
            let before = &source[..crate::text::floor_char_boundary(&source, offset)];
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            ConfigError {
                path: path.to_path_buf(),
                line,
                column,
                message,
            }
        })
    }

    /// Parse TOML text, `known_rule` as for `load`; an error carries its byte offset.
    pub fn parse(
        source: &str,
        known_rule: impl Fn(&str) -> bool,
    ) -> Result<Config, (usize, String)> {
        let file: File = toml::from_str(source).map_err(|e: toml::de::Error| {
            let offset = e.span().map_or(0, |s| s.start);
            (offset, e.message().trim_end().to_string())
        })?;
        let RulesTable {
            select,
            ignore,
            severity,
        } = file.rules;
        let unknown = select
            .iter()
            .map(|s| (s, "rules.select"))
            .chain(ignore.iter().map(|s| (s, "rules.ignore")))
            .chain(severity.keys().map(|s| (s, "rules.severity")))
            .find(|(given, _)| !known_rule(given.get_ref()));
        if let Some((given, key)) = unknown {
            return Err((
                given.span().start,
                format!(
                    "unknown rule {:?} in `{key}`; `crosscheck rules` lists them",
                    given.get_ref()
                ),
            ));
        }
        Ok(Config {
            outlets: file.outlets,
            speakers: file.speakers,
            rules: Selection {
                select: select.into_iter().map(Spanned::into_inner).collect(),
                ignore: ignore.into_iter().map(Spanned::into_inner).collect(),
                severities: severity
                    .into_iter()
                    .map(|(k, v)| (k.into_inner(), v))
                    .collect(),
            },
            events: file.events,
            check: file.check,
            ..Config::default()
        })
    }

    /// The first `crosscheck.toml` in `start` or one of its ancestors.
    pub fn discover(start: &Path) -> Option<PathBuf> {
        start
            .ancestors()
            .map(|dir| dir.join(FILE_NAME))
            .find(|p| p.is_file())
    }

    /// The kind of `outlet` (by name or alias, ignoring case), if configured.
    pub fn outlet_kind(&self, outlet: &str) -> Option<OutletKind> {
        let kinds = self.kinds.get_or_init(|| {
            let mut kinds = FxHashMap::default();
            // The first outlet to claim a name keeps it, as a scan in file order would.
            for o in &self.outlets {
                for name in std::iter::once(&o.name).chain(&o.aliases) {
                    kinds.entry(name.to_ascii_lowercase()).or_insert(o.kind);
                }
            }
            kinds
        });
        kinds.get(&outlet.to_ascii_lowercase()).copied()
    }

    /// Every configured other name of a speaker, with the name: (alias, name).
    pub fn speaker_aliases(&self) -> Vec<(String, String)> {
        self.speakers
            .iter()
            .flat_map(|s| s.aliases.iter().map(|a| (a.clone(), s.name.clone())))
            .collect()
    }

    /// The configured name for a speaker known as `alias` (ignoring case).
    pub fn speaker_name(&self, alias: &str) -> Option<&str> {
        let names = self.names.get_or_init(|| {
            let mut names = FxHashMap::default();
            for (i, s) in self.speakers.iter().enumerate() {
                for name in std::iter::once(&s.name).chain(&s.aliases) {
                    names.entry(name.to_ascii_lowercase()).or_insert(i);
                }
            }
            names
        });
        names
            .get(&alias.trim().to_ascii_lowercase())
            .map(|&i| self.speakers[i].name.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A catalogue of three rules, standing in for the rules stage's.
    fn known(given: &str) -> bool {
        [
            ("CC001", "speaker-mismatch"),
            ("CC002", "quote-altered"),
            ("CC004", "unsupported-fragment"),
        ]
        .iter()
        .any(|(code, name)| Selection::names(code, name, given))
    }

    fn error_at(source: &str) -> (usize, usize, String) {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join(FILE_NAME);
        std::fs::write(&path, source).unwrap_or_else(|e| panic!("{e}"));
        Config::load(&path, known)
            .err()
            .map(|e| (e.line, e.column, e.message))
            .unwrap_or_default()
    }

    #[test]
    fn outlets_and_speakers_are_read() {
        let config = Config::parse(
            "[[outlets]]\nname = \"Chinese Foreign Ministry\"\nkind = \"official\"\naliases = [\"MFA\"]\n\n\
             [[speakers]]\nname = \"Wang Yi\"\naliases = [\"China's top diplomat\"]\n",
            known,
        );
        let config = config.unwrap_or_default();
        assert_eq!(config.outlet_kind("mfa"), Some(OutletKind::Official));
        assert_eq!(config.outlet_kind("Xinhua"), None);
        assert_eq!(config.speaker_name("china's top diplomat"), Some("Wang Yi"));
    }

    #[test]
    fn an_unknown_key_is_an_error_that_names_it_and_its_line() {
        let (line, column, message) =
            error_at("[[outlets]]\nname = \"AFP\"\nkind = \"wire\"\ncolour = \"red\"\n");
        assert_eq!((line, column), (4, 1));
        assert!(message.contains("unknown field `colour`"), "{message}");
    }

    #[test]
    fn rules_and_thresholds_are_read() {
        let config = Config::parse(
            "[rules]\nselect = [\"CC001\", \"quote-altered\"]\nignore = [\"CC004\"]\n\
             [rules.severity]\nCC002 = \"warning\"\n\
             [events]\nmode = \"auto\"\nwindow-days = 5\nthreshold = 0.3\n\
             [check]\nfail-on = \"error\"\n",
            known,
        )
        .unwrap_or_default();
        assert_eq!(config.rules.select, ["CC001", "quote-altered"]);
        assert_eq!(config.rules.ignore, ["CC004"]);
        assert_eq!(
            config.rules.severities.get("CC002"),
            Some(&Severity::Warning)
        );
        assert_eq!(config.events.mode, Some(EventsMode::Auto));
        assert_eq!(config.events.window_days, Some(5));
        assert_eq!(config.events.threshold, Some(0.3));
        assert_eq!(config.check.fail_on, Some(FailOn::Error));
    }

    #[test]
    fn an_unknown_rule_is_an_error_at_its_place() {
        let (line, column, message) =
            error_at("[rules]\nselect = [\"CC001\"]\nignore = [\"CC001\", \"CC404\"]\n");
        assert_eq!((line, column), (3, 20));
        assert!(
            message.contains("unknown rule \"CC404\" in `rules.ignore`"),
            "{message}"
        );
        let (line, _, message) = error_at("[rules.severity]\nquote-alterd = \"info\"\n");
        assert_eq!(line, 2);
        assert!(message.contains("quote-alterd"), "{message}");
    }

    #[test]
    fn a_selection_runs_and_grades_rules_by_code_or_name() {
        let selection = Selection {
            select: vec!["cc001".into(), "unsupported-fragment".into()],
            ignore: vec!["CC004".into()],
            severities: [("speaker-mismatch".to_string(), Severity::Warning)].into(),
        };
        assert!(selection.enabled("CC001", "speaker-mismatch"));
        assert!(!selection.enabled("CC004", "unsupported-fragment"));
        assert!(!selection.enabled("CC002", "quote-altered"), "not selected");
        assert_eq!(
            selection.severity("CC001", "speaker-mismatch"),
            Some(Severity::Warning)
        );
        assert_eq!(selection.severity("CC004", "unsupported-fragment"), None);
        assert!(Selection::default().enabled("CC002", "quote-altered"));
    }

    #[test]
    fn the_starter_file_is_a_valid_configuration() {
        let config = Config::parse(STARTER, known);
        assert!(config.is_ok(), "{config:?}");
    }
}
