//! The machine formats of `check`, checked as their consumers read them: SARIF
//! against the 2.1.0 schema, JSON read back into the library's own types, and
//! each of JSON Lines, CSV, GitHub annotations, Markdown and HTML for the
//! promise its consumer relies on.

use std::collections::BTreeSet;
use std::path::Path;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crosscheck::check;
use crosscheck::config::Config;
use crosscheck::corpus;
use crosscheck::finding::Finding;
use crosscheck::outcome::Outcome;
use crosscheck::render::{self, Format, Presentation, Run};

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `check corpus/` through the library, from the repository's folder so the
/// paths are the ones the CLI prints.
fn corpus_check() -> Outcome {
    std::env::set_current_dir(repo()).unwrap();
    let config = Config::load(Path::new("crosscheck.toml"), crosscheck::rules::is_known).unwrap();
    let corpus = corpus::read(&[Path::new("corpus/").to_path_buf()]);
    check::run(corpus, &config, &check::Plan::default())
}

fn render(check: &Outcome, format: Format) -> String {
    let mut out = Vec::new();
    let options = Presentation {
        style: render::Style {
            width: Some(120),
            ..render::Style::default()
        },
        run: Run::default(),
        template: None,
    };
    render::write_check(check, format, &options, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn sarif_is_valid_against_the_2_1_0_schema() {
    let check = corpus_check();
    let sarif: Value = serde_json::from_str(&render(&check, Format::Sarif)).unwrap();
    let mut schema: Value =
        serde_json::from_str(include_str!("../data/sarif-schema-2.1.0.json")).unwrap();
    // The published schema's own `language` patterns have a stray `]`
    // (`...-[a-zA-Z]{2}]?$`) that the validator's check of the schema itself
    // rejects; they are put right here, leaving the file as published.
    for definition in ["run", "toolComponent"] {
        schema["definitions"][definition]["properties"]["language"]["pattern"] =
            Value::from("^[a-zA-Z]{2}(-[a-zA-Z]{2})?$");
    }
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&sarif)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    // And the check does see a broken log.
    let mut broken = sarif.clone();
    broken["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] =
        Value::from(0);
    assert!(!validator.is_valid(&broken));
}

#[test]
fn sarif_has_a_documented_rule_a_code_and_locations_in_code_points() {
    let check = corpus_check();
    let sarif: Value = serde_json::from_str(&render(&check, Format::Sarif)).unwrap();
    let run = &sarif["runs"][0];
    assert_eq!(sarif["version"], "2.1.0");
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), crosscheck::rules::catalogue().len());
    for rule in rules {
        assert!(
            rule["help"]["markdown"]
                .as_str()
                .unwrap()
                .contains("## Why it matters")
        );
        assert!(!rule["fullDescription"]["text"].as_str().unwrap().is_empty());
    }
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), check.findings.len());
    for (result, finding) in results.iter().zip(&check.findings) {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
        assert_eq!(
            result["partialFingerprints"]["crosscheck/v1"],
            finding.fingerprint.as_str()
        );
        // The region starts where the quoted words start in the file,
        // counting columns in code points.
        let place = &result["locations"][0]["physicalLocation"];
        let path = place["artifactLocation"]["uri"].as_str().unwrap();
        let file = std::fs::read_to_string(repo().join(path)).unwrap();
        let region = &place["region"];
        let line = file
            .lines()
            .nth(region["startLine"].as_u64().unwrap() as usize - 1)
            .unwrap();
        let from: String = line
            .chars()
            .skip(region["startColumn"].as_u64().unwrap() as usize - 1)
            .collect();
        let snippet = region["snippet"]["text"].as_str().unwrap();
        let first_line = snippet.lines().next().unwrap_or("");
        assert!(from.starts_with(first_line), "{from:?} vs {snippet:?}");
        assert_eq!(
            result["relatedLocations"].as_array().map_or(0, Vec::len),
            finding.related.len()
        );
    }
}

#[test]
fn json_findings_read_back_into_the_librarys_types() {
    let check = corpus_check();
    let document: Value = serde_json::from_str(&render(&check, Format::Json)).unwrap();
    let findings: Vec<Finding> = serde_json::from_value(document["findings"].clone()).unwrap();
    assert_eq!(findings, check.findings);
    assert_eq!(
        serde_json::to_value(&findings).unwrap(),
        document["findings"]
    );
}

/// A consumer's view of the whole `check --format json` document: every
/// field named, none unknown. Reading it and writing it again gives the same
/// JSON, so the document is fully described by these types.
mod consumer {
    use super::*;

    #[derive(Debug, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Document {
        pub version: u32,
        pub reports: Vec<Report>,
        pub events: Vec<Event>,
        pub claims: Vec<Claim>,
        pub findings: Vec<Finding>,
        pub rejected: Vec<Rejected>,
        pub summary: Summary,
    }

    #[derive(Debug, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Report {
        pub id: String,
        pub outlet: String,
        pub published: Option<String>,
        pub title: Option<String>,
        pub url: Option<String>,
        pub event: Option<String>,
        pub path: String,
        pub line: u32,
        pub attributions: usize,
        pub language: Option<String>,
        pub compared: bool,
    }

    #[derive(Debug, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Event {
        pub event: String,
        pub reports: Vec<String>,
        pub source: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub left_out: Option<String>,
    }

    #[derive(Debug, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Claim {
        pub id: String,
        pub event: String,
        pub reference: usize,
        pub reference_is: String,
        pub renderings: Vec<Rendering>,
        pub variants: Vec<Variant>,
    }

    #[derive(Debug, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Rendering {
        #[serde(flatten)]
        pub location: crosscheck::finding::Location,
        pub kind: String,
        pub speaker: Option<String>,
        pub label: String,
        pub similarity: f64,
        pub changes: Vec<Change>,
    }

    #[derive(Debug, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Change {
        pub class: String,
        pub old: String,
        pub old_range: Option<(usize, usize)>,
        pub new: String,
        pub new_range: Option<(usize, usize)>,
    }

    #[derive(Debug, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Variant {
        pub wording: String,
        pub outlets: Vec<String>,
        pub renderings: Vec<usize>,
        pub label: String,
    }

    #[derive(Debug, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Rejected {
        pub path: String,
        pub line: u32,
        pub column: u32,
        pub reason: String,
        pub message: String,
    }

    #[derive(Debug, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Summary {
        pub reports: usize,
        pub events: usize,
        pub claims: usize,
        pub findings: usize,
        pub errors: usize,
        pub warnings: usize,
        pub infos: usize,
        pub rejected: usize,
        pub left_out: usize,
        pub events_left_out: usize,
        pub baselined: usize,
    }
}

#[test]
fn the_json_document_round_trips_through_serde() {
    let check = corpus_check();
    let written: Value = serde_json::from_str(&render(&check, Format::Json)).unwrap();
    let read: consumer::Document = serde_json::from_value(written.clone()).unwrap();
    assert_eq!(read.version, render::VERSION);
    assert_eq!(read.findings.len(), check.findings.len());
    assert_eq!(serde_json::to_value(&read).unwrap(), written);
}

#[test]
fn jsonl_is_the_documents_records_each_with_a_type() {
    let check = corpus_check();
    let document: Value = serde_json::from_str(&render(&check, Format::Json)).unwrap();
    let lines: Vec<Value> = render(&check, Format::Jsonl)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let of_type = |t: &str| -> Vec<Value> {
        lines
            .iter()
            .filter(|l| l["type"] == t)
            .map(|l| {
                let mut l = l.clone();
                l.as_object_mut().unwrap().remove("type");
                l
            })
            .collect()
    };
    for (kind, key) in [
        ("report", "reports"),
        ("event", "events"),
        ("claim", "claims"),
        ("finding", "findings"),
        ("rejected", "rejected"),
    ] {
        assert_eq!(Value::from(of_type(kind)), document[key], "{kind}");
    }
    let last = lines.last().unwrap();
    assert_eq!(last["type"], "summary");
    assert_eq!(last["version"], render::VERSION);
    assert_eq!(last["findings"], check.findings.len());
    let types: BTreeSet<&str> = lines.iter().map(|l| l["type"].as_str().unwrap()).collect();
    assert!(
        types
            .iter()
            .all(|t| ["report", "event", "claim", "finding", "rejected", "summary"].contains(t))
    );
}

#[test]
fn csv_is_one_finding_a_row() {
    let check = corpus_check();
    let text = render(&check, Format::Csv);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader.headers().unwrap().clone();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), check.findings.len());
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    for (row, finding) in rows.iter().zip(&check.findings) {
        assert_eq!(&row[column("rule")], finding.rule.as_str());
        assert_eq!(&row[column("message")], finding.message);
        assert_eq!(&row[column("fingerprint")], finding.fingerprint);
        assert_eq!(
            row[column("line")].parse::<u32>().unwrap(),
            finding.primary.line
        );
    }
}

#[test]
fn github_annotations_are_one_line_each_and_escaped() {
    let check = corpus_check();
    let text = render(&check, Format::Github);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), check.findings.len() + check.rejected.len());
    for (line, finding) in lines.iter().zip(&check.findings) {
        let (command, message) = line[2..].split_once("::").unwrap();
        let (level, properties) = command.split_once(' ').unwrap();
        assert!(["error", "warning", "notice"].contains(&level), "{line}");
        // Properties split on `,` and `=` only where the format means them.
        let keys: Vec<&str> = properties
            .split(',')
            .map(|p| p.split_once('=').unwrap().0)
            .collect();
        assert_eq!(
            keys,
            ["file", "line", "col", "endLine", "endColumn", "title"]
        );
        assert!(message.starts_with(&finding.message.replace('%', "%25")));
    }
}

#[test]
fn markdown_table_rows_stay_on_one_line() {
    let check = corpus_check();
    let text = render(&check, Format::Markdown);
    assert!(text.len() < 65_536, "fits a GitHub comment");
    let rows = text
        .lines()
        .filter(|l| {
            l.starts_with("| **error** |")
                || l.starts_with("| warning |")
                || l.starts_with("| info |")
        })
        .count();
    assert_eq!(rows, check.findings.len());
    for line in text.lines().filter(|l| l.starts_with('|')) {
        assert!(line.ends_with('|'), "{line}");
    }
}

#[test]
fn html_is_self_contained_and_every_link_lands() {
    let check = corpus_check();
    let html = render(&check, Format::Html);
    assert!(html.contains("Content-Security-Policy\" content=\"default-src 'none'"));
    for external in [
        "src=\"http",
        "href=\"http",
        "src=\"//",
        "href=\"//",
        "@import",
        "url(",
    ] {
        assert!(!html.contains(external), "{external}");
    }
    let ids: BTreeSet<&str> = html
        .split(" id=\"")
        .skip(1)
        .map(|s| &s[..s.find('"').unwrap()])
        .collect();
    let links: Vec<&str> = html
        .split("href=\"#")
        .skip(1)
        .map(|s| &s[..s.find('"').unwrap()])
        .collect();
    assert!(!links.is_empty());
    for link in links {
        assert!(ids.contains(link), "#{link} has no target");
    }
    // Each finding is on the page, with its filters' data.
    assert_eq!(
        html.matches("<article class=\"finding ").count(),
        check.findings.len()
    );
    assert_eq!(
        html.matches("<mark id=").count(),
        ids.iter()
            .filter(|i| i.starts_with('r') && i.contains('-'))
            .count()
    );
}

#[test]
fn html_escapes_what_the_reports_say() {
    let corpus = corpus::read_jsonl_bytes(
        "evil.jsonl",
        concat!(
            r#"{"id": "a", "outlet": "<b>Wire</b>", "event": "e", "text": "\"Stop <script>alert(1)</script> now,\" the minister said."}"#,
            "\n",
            r#"{"id": "b", "outlet": "Other", "event": "e", "text": "\"Stop <script>alert(2)</script> today,\" the minister said."}"#,
            "\n"
        )
        .as_bytes(),
    );
    let check = check::run(corpus, &Config::default(), &check::Plan::default());
    let html = render(&check, Format::Html);
    assert!(!html.contains("<script>alert"));
    assert!(html.contains("&lt;script&gt;alert(1)"));
    assert!(!html.contains("<b>Wire</b>"));
}
