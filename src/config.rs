//! `crosscheck.toml`: what a newsroom knows that the text does not say, such as
//! which outlets are primary sources, and which names are one speaker.
//!
//! Found by walking up from the working directory, first hit wins (as typos and
//! ruff do), or named with `--config`; `--isolated` uses none. Unknown keys are
//! errors, so a typo never silently turns a setting off.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

pub const FILE_NAME: &str = "crosscheck.toml";

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Outlets and what kind of source each is.
    #[serde(default)]
    pub outlets: Vec<Outlet>,
    /// People and the other names they go by.
    #[serde(default)]
    pub speakers: Vec<SpeakerAliases>,
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
    /// Read and check one configuration file.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let source = std::fs::read_to_string(path).map_err(|e| ConfigError {
            path: path.to_path_buf(),
            line: 1,
            column: 1,
            message: e.to_string(),
        })?;
        Config::parse(&source).map_err(|(offset, message)| {
            let before = &source[..offset.min(source.len())];
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

    /// Parse TOML text; an error carries its byte offset.
    pub fn parse(source: &str) -> Result<Config, (usize, String)> {
        toml::from_str(source).map_err(|e: toml::de::Error| {
            let offset = e.span().map_or(0, |s| s.start);
            (offset, e.message().to_string())
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
        self.outlets
            .iter()
            .find(|o| {
                o.name.eq_ignore_ascii_case(outlet)
                    || o.aliases.iter().any(|a| a.eq_ignore_ascii_case(outlet))
            })
            .map(|o| o.kind)
    }

    /// The configured name for a speaker known as `alias` (ignoring case).
    pub fn speaker_name(&self, alias: &str) -> Option<&str> {
        let alias = alias.trim();
        self.speakers
            .iter()
            .find(|s| {
                s.name.eq_ignore_ascii_case(alias)
                    || s.aliases.iter().any(|a| a.eq_ignore_ascii_case(alias))
            })
            .map(|s| s.name.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlets_and_speakers_are_read() {
        let config = Config::parse(
            "[[outlets]]\nname = \"Chinese Foreign Ministry\"\nkind = \"official\"\naliases = [\"MFA\"]\n\n\
             [[speakers]]\nname = \"Wang Yi\"\naliases = [\"China's top diplomat\"]\n",
        );
        let config = config.unwrap_or_default();
        assert_eq!(config.outlet_kind("mfa"), Some(OutletKind::Official));
        assert_eq!(config.outlet_kind("Xinhua"), None);
        assert_eq!(config.speaker_name("china's top diplomat"), Some("Wang Yi"));
    }

    #[test]
    fn an_unknown_key_is_an_error_that_names_it_and_its_line() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join(FILE_NAME);
        std::fs::write(
            &path,
            "[[outlets]]\nname = \"AFP\"\nkind = \"wire\"\ncolour = \"red\"\n",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let error = Config::load(&path)
            .err()
            .map(|e| (e.line, e.column, e.message));
        let (line, column, message) = error.unwrap_or_default();
        assert_eq!((line, column), (4, 1));
        assert!(message.contains("unknown field `colour`"), "{message}");
    }
}
