//! The synthetic corpus generator (`crosscheck-synth`): the same seed gives
//! the same bytes, the ground truth agrees with the reports it describes, and
//! crosscheck reads every report and the configuration it writes.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use serde_json::Value;

use crosscheck::text::{Wording, equivalent, fold};
use crosscheck_synth::{Options, config, generate, lists};

/// Reports and truth, as bytes.
fn corpus(options: &Options) -> (Vec<u8>, Vec<u8>) {
    let mut reports = Vec::new();
    let mut truth = Vec::new();
    generate(options, &mut reports, &mut truth).unwrap();
    (reports, truth)
}

fn lines(bytes: &[u8]) -> Vec<Value> {
    std::str::from_utf8(bytes)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect()
}

#[test]
fn the_same_seed_gives_the_same_bytes_and_another_seed_others() {
    let first = corpus(&Options::new(150, 7));
    let again = corpus(&Options::new(150, 7));
    let other = corpus(&Options::new(150, 8));
    assert!(first == again, "same seed, different output");
    assert!(first.0 != other.0, "another seed, same reports");
    assert_eq!(lines(&first.0).len(), 150);
}

/// A corpus that plants every rule: more divergences and near misses than
/// the defaults. Made once, read by several tests.
fn rich() -> &'static (Options, Vec<u8>, Vec<u8>) {
    static RICH: OnceLock<(Options, Vec<u8>, Vec<u8>)> = OnceLock::new();
    RICH.get_or_init(|| {
        let mut options = Options::new(300, 3);
        options.rates.divergence = 0.6;
        options.rates.near_miss = 0.5;
        options.rates.undated = 0.1;
        let (reports, truth) = corpus(&options);
        (options, reports, truth)
    })
}

#[test]
fn the_truth_describes_the_reports() {
    let (_, reports, truth) = rich();
    let reports = lines(reports);
    let truth = lines(truth);
    let by_id: BTreeMap<String, &Value> = reports
        .iter()
        .map(|r| (r["id"].as_str().unwrap().to_string(), r))
        .collect();
    assert_eq!(by_id.len(), reports.len(), "report ids are unique");
    let text = |id: &str| by_id[id]["text"].as_str().unwrap();

    // Every report is in exactly one event, and `gold_event` names it.
    let mut event_of: BTreeMap<String, String> = BTreeMap::new();
    let mut events = BTreeSet::new();
    for record in truth.iter().filter(|t| t["type"] == "event") {
        let event = record["event"].as_str().unwrap().to_string();
        for id in strings(&record["reports"]) {
            assert!(
                event_of.insert(id.clone(), event.clone()).is_none(),
                "{id} in two events"
            );
            assert_eq!(by_id[&id]["gold_event"], event.as_str());
            assert!(by_id[&id].get("event").is_none(), "no event key by default");
        }
        events.insert(event);
    }
    assert_eq!(event_of.len(), reports.len());
    let mut near_misses = 0;
    for record in truth.iter().filter(|t| t["type"] == "event") {
        if let Some(of) = record["near_miss_of"].as_str() {
            assert!(events.contains(of), "near miss of an unknown event {of}");
            near_misses += 1;
        }
    }
    assert!(near_misses > 0);

    // Divergences: where they are, what they diverge from, and their words.
    let mut rules = BTreeSet::new();
    let mut planted: BTreeMap<String, String> = BTreeMap::new();
    for record in truth.iter().filter(|t| t["type"] == "divergence") {
        let rule = record["rule"].as_str().unwrap();
        let event = record["event"].as_str().unwrap();
        let words = record["words"].as_str().unwrap();
        assert!(!words.is_empty(), "{rule}: no words");
        rules.insert(rule.to_string());
        for id in strings(&record["reports"]) {
            assert_eq!(event_of[&id], event, "{rule}: {id} is not in {event}");
            assert!(text(&id).contains(words), "{rule}: {words:?} not in {id}");
            // One planted divergence per report at most, so each rule is scored on its own.
            assert!(
                planted.insert(id.clone(), rule.to_string()).is_none(),
                "{id} has two plants"
            );
        }
        for id in strings(&record["related"]) {
            assert!(
                by_id.contains_key(&id),
                "{rule}: unknown related report {id}"
            );
        }
        if rule != "CC011" {
            assert!(
                !strings(&record["related"]).is_empty(),
                "{rule}: nothing related"
            );
        }
        if rule == "CC010" {
            // The foreign quote's own event is another one.
            for id in strings(&record["related"]) {
                assert_ne!(event_of[&id], event, "CC010: related in the same event");
            }
        }
    }
    // A claim one outlet alone carries is said once in its event.
    let mut single: BTreeSet<(String, String)> = BTreeSet::new();
    for record in truth.iter().filter(|t| t["rule"] == "CC011") {
        let key = (
            record["event"].as_str().unwrap().to_string(),
            record["words"].as_str().unwrap().to_string(),
        );
        assert!(single.insert(key), "one single-source claim twice");
    }
    let all: BTreeSet<String> = (1..=12).map(|n| format!("CC{n:03}")).collect();
    assert_eq!(rules, all, "every rule is planted");

    // Translation variants: in the reports they name, never in a planted report.
    let variants: Vec<&Value> = truth.iter().filter(|t| t["type"] == "variant").collect();
    assert!(!variants.is_empty());
    for record in variants {
        let words = record["words"].as_str().unwrap();
        for id in strings(&record["reports"]) {
            assert!(text(&id).contains(words), "variant {words:?} not in {id}");
        }
        for id in strings(&record["related"]) {
            assert!(by_id.contains_key(&id));
        }
    }
}

#[test]
fn crosscheck_reads_every_report_and_the_configuration() {
    let (options, reports, _) = rich();
    let read = crosscheck::corpus::read_jsonl_bytes("synth.jsonl", reports);
    assert!(read.rejected.is_empty(), "{:?}", read.rejected.first());
    assert_eq!(read.reports.len(), options.reports as usize);
    let undated = read
        .reports
        .iter()
        .filter(|r| r.published.is_none())
        .count();
    assert!(undated > 0 && undated < read.reports.len() / 4);

    let config = crosscheck::config::Config::parse(&config(), crosscheck::rules::is_known).unwrap();
    for report in &read.reports {
        assert!(
            config.outlet_kind(&report.outlet).is_some(),
            "{} is not configured",
            report.outlet
        );
    }
}

#[test]
fn with_events_gives_each_report_its_event() {
    let mut options = Options::new(60, 5);
    options.with_events = true;
    let (reports, _) = corpus(&options);
    for report in lines(&reports) {
        assert_eq!(report["event"], report["gold_event"]);
    }
}

#[test]
fn tiny_and_empty_corpora_are_written() {
    for n in [0, 1, 2, 3, 4] {
        let (reports, truth) = corpus(&Options::new(n, 1));
        assert_eq!(lines(&reports).len(), n as usize);
        let listed: usize = lines(&truth)
            .iter()
            .filter(|t| t["type"] == "event")
            .map(|t| t["reports"].as_array().unwrap().len())
            .sum();
        assert_eq!(listed, n as usize);
    }
}

/// The meaning-bearing words of `data/meaning.txt` in a text, counted.
fn meaning_words(text: &str) -> BTreeMap<String, usize> {
    static LEXICON: OnceLock<BTreeSet<&'static str>> = OnceLock::new();
    let lexicon = LEXICON.get_or_init(|| {
        include_str!("../../data/meaning.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#') && !l.starts_with('['))
            .collect()
    });
    let mut out = BTreeMap::new();
    for word in Wording::of(text).words {
        if lexicon.contains(word.folded.as_ref()) {
            *out.entry(word.folded.to_string()).or_default() += 1;
        }
    }
    out
}

/// Sample fills for statement templates.
fn sample_fill(key: &str, topic: &lists::Topic) -> String {
    match key {
        "S" => "China",
        "P" => "the United States",
        "Sposs" => "China's",
        "Pposs" => "the United States'",
        "Sadj" => "Chinese",
        "Padj" => "US",
        "city" | "xcity" => "Geneva",
        "Scap" => "Beijing",
        "Pcap" => "Washington",
        "num" => "2,500",
        "num2" => "12",
        "bn" => "40",
        "year" => "2027",
        "month" => "October",
        "day" => "Tuesday",
        "sector" => "energy",
        other => return topic.fields[other][0].to_string(),
    }
    .to_string()
}

fn expand(template: &lists::Template, topic: &lists::Topic) -> String {
    let mut out = String::new();
    template.expand_into(
        &mut out,
        &mut |k, out| out.push_str(&sample_fill(k, topic)),
        &mut |_| 0,
    );
    out
}

/// Longest common subsequence of words, over the longer wording's length.
fn overlap(a: &[String], b: &[String]) -> f64 {
    let mut table = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in 0..a.len() {
        for j in 0..b.len() {
            table[i + 1][j + 1] = if a[i] == b[j] {
                table[i][j] + 1
            } else {
                table[i][j + 1].max(table[i + 1][j])
            };
        }
    }
    table[a.len()][b.len()] as f64 / a.len().max(b.len()) as f64
}

#[test]
fn paraphrases_keep_the_meaning_and_change_the_words() {
    let data = lists::Data::load();
    assert!(data.statements.len() >= 30);
    let mut failures = BTreeSet::new();
    // `China's` names China as `China` does.
    let fills = |tpl: &lists::Template| {
        tpl.fills()
            .map(|f| f.trim_end_matches("poss"))
            .collect::<BTreeSet<_>>()
    };
    let stems = |x: &Wording| -> BTreeSet<String> {
        x.words
            .iter()
            .filter(|w| w.content)
            .map(|w| w.stem.to_string())
            .collect()
    };
    let folded = |x: &Wording| {
        x.words
            .iter()
            .map(|w| w.folded.to_string())
            .collect::<Vec<_>>()
    };
    // Every other topic: their fills differ in length, which moves the measures.
    for topic in data.topics.iter().step_by(2) {
        for t in &data.statements {
            assert!(t.paraphrases.len() >= 2, "{:?}", t.words);
            let words = expand(&t.words, topic);
            let meaning = meaning_words(&words);
            let w = Wording::of(&words);
            let sw = stems(&w);
            for template in &t.paraphrases {
                let paraphrase = expand(template, topic);
                assert_eq!(fills(&t.words), fills(template), "{words}");
                assert_eq!(
                    meaning,
                    meaning_words(&paraphrase),
                    "{words} / {paraphrase}"
                );
                // Near enough to be the same claim, far enough to be no quotation of it.
                let p = Wording::of(&paraphrase);
                let sp = stems(&p);
                let shared = sw.intersection(&sp).count();
                if shared < 3 || shared * 2 < sw.len().min(sp.len()) {
                    failures.insert(format!("too far: {words} / {paraphrase}"));
                }
                let o = overlap(&folded(&w), &folded(&p));
                if o >= 0.75 {
                    failures.insert(format!("too close ({o:.2}): {words} / {paraphrase}"));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{}",
        failures.into_iter().collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn translators_words_are_equivalent_and_misquotes_are_not() {
    let data = lists::Data::load();
    let phrase = |s: &str| s.split_whitespace().map(fold).collect::<Vec<_>>().join(" ");
    for t in &data.statements {
        for part in &t.words.parts {
            if let lists::Part::Choice(words) = part {
                assert!(words.len() > 1);
                for other in &words[1..] {
                    assert!(
                        equivalent(&phrase(words[0]), &phrase(other)),
                        "{} / {other} is not in data/equivalents.txt",
                        words[0]
                    );
                }
            }
        }
        // The first word's case depends on the frame: never a translator's word there.
        assert!(!matches!(
            t.words.parts.first(),
            Some(lists::Part::Choice(_))
        ));
    }
    assert!(data.alter.len() >= 40);
    for (from, to) in &data.alter {
        assert!(
            !equivalent(&phrase(from), &phrase(to)),
            "{from} > {to} is a synonym"
        );
        let stem = |w: &str| Wording::of(w).words[0].stem.clone();
        assert_ne!(stem(from), stem(to), "{from} > {to} is one word");
        assert!(
            strsim::jaro_winkler(from, to) < 0.9,
            "{from} > {to} looks like a spelling"
        );
        assert!(
            meaning_words(to).is_empty(),
            "{from} > {to} changes meaning words"
        );
    }
}

#[test]
fn unattributed_text_has_no_reporting_verb_and_scare_quotes_are_new_words() {
    // The classic reporting verbs: background and frames must never attribute.
    const VERBS: [&str; 40] = [
        "say",
        "says",
        "said",
        "saying",
        "tell",
        "tells",
        "told",
        "state",
        "states",
        "stated",
        "add",
        "adds",
        "added",
        "note",
        "noted",
        "remarked",
        "commented",
        "mentioned",
        "explained",
        "announced",
        "described",
        "claim",
        "claimed",
        "insisted",
        "warn",
        "warned",
        "urged",
        "stressed",
        "underscored",
        "emphasized",
        "reiterated",
        "according",
        "quoted",
        "cited",
        "reported",
        "declared",
        "asserted",
        "argued",
        "acknowledged",
        "confirmed",
    ];
    let text = [
        include_str!("../../synth/data/background.txt"),
        include_str!("../../synth/data/frames.txt"),
    ];
    for line in text
        .iter()
        .flat_map(|t| t.lines())
        .filter(|l| !l.starts_with('#'))
    {
        for word in line.split(|c: char| !c.is_ascii_alphabetic()) {
            assert!(
                !VERBS.contains(&word.to_ascii_lowercase().as_str()),
                "{word:?} in {line}"
            );
        }
        assert!(!line.contains('"'), "quote marks in {line}");
    }
    let data = lists::Data::load();
    let statements: String = data
        .topics
        .iter()
        .flat_map(|topic| {
            data.statements.iter().flat_map(move |t| {
                std::iter::once(&t.words)
                    .chain(&t.paraphrases)
                    .map(move |p| expand(p, topic))
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    for scare in data.phrase_list("scare") {
        assert!(
            !statements.contains(scare),
            "scare quote {scare:?} is a statement's words"
        );
    }
}
