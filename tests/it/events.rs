//! Grouping reports into events from what they say: reports on one side, the
//! groups they must form on the other.

use std::path::PathBuf;

use crosscheck::corpus::{self, Origin, Report};
use crosscheck::events::{Grouping, Mode, Source, group};

fn report(id: &str, published: Option<&str>, text: &str) -> Report {
    Report {
        id: id.to_string(),
        outlet: id.split('-').next().unwrap().to_string(),
        published: published.map(|d| d.parse().unwrap()),
        title: None,
        url: None,
        event: None,
        text: text.to_string(),
        origin: Origin::default(),
    }
}

/// The groups as sets of report ids, sorted.
fn groups(reports: &[Report], grouping: &Grouping) -> Vec<Vec<String>> {
    let mut found: Vec<Vec<String>> = group(reports, grouping)
        .into_iter()
        .map(|e| {
            let mut ids: Vec<String> = e.reports.iter().map(|&r| reports[r].id.clone()).collect();
            ids.sort();
            ids
        })
        .collect();
    found.sort();
    found
}

fn auto() -> Grouping {
    Grouping {
        mode: Mode::Auto,
        ..Grouping::default()
    }
}

/// Two talks between the same two ministers a year apart, reported in the same words.
fn two_talks() -> Vec<Report> {
    vec![
        report(
            "wire-a1",
            None,
            "Foreign Minister Amina Diallo met Tomas Berg in Oslo on Tuesday to discuss fishing rights, a dispute that has strained ties since 2019. Diallo said the talks were frank. Berg said Norway would publish the quotas in March.",
        ),
        report(
            "paper-a2",
            None,
            "Amina Diallo and Tomas Berg held talks in Oslo on Tuesday on fishing rights. The ministers agreed to meet again, Diallo said, adding that the quotas of 2019 were unfair to coastal villages.",
        ),
        report(
            "agency-a3",
            None,
            "OSLO (Agency) - Norway's Tomas Berg hosted Amina Diallo for talks on fishing rights on Tuesday. Berg called the Oslo meeting useful and said quotas would come in March.",
        ),
        report(
            "wire-b1",
            None,
            "Foreign Minister Amina Diallo met Tomas Berg in Dakar on Friday to discuss fishing rights, a year after their Oslo talks. Diallo said the 2020 quotas had helped. Berg praised the new Dakar port authority.",
        ),
        report(
            "paper-b2",
            None,
            "In Dakar on Friday, Amina Diallo welcomed Tomas Berg for a second round of talks on fishing rights. The Dakar port authority will police the 2020 quotas, Diallo said.",
        ),
        report(
            "agency-b3",
            None,
            "DAKAR (Agency) - Tomas Berg arrived in Dakar on Friday for fishing talks with Amina Diallo, who said the 2020 quotas and the new port authority had calmed the dispute.",
        ),
    ]
}

#[test]
fn near_miss_events_without_dates_stay_apart() {
    assert_eq!(
        groups(&two_talks(), &auto()),
        [
            vec!["agency-a3", "paper-a2", "wire-a1"],
            vec!["agency-b3", "paper-b2", "wire-b1"],
        ]
    );
}

#[test]
fn reports_a_month_apart_are_different_events() {
    let reports = vec![
        report(
            "wire-1",
            Some("2022-01-27"),
            "Wang Yi told Antony Blinken that security concerns should be addressed.",
        ),
        report(
            "paper-2",
            Some("2022-01-27"),
            "Antony Blinken and Wang Yi spoke by phone; Wang Yi said security concerns should be addressed.",
        ),
        report(
            "wire-3",
            Some("2022-02-24"),
            "Wang Yi told Antony Blinken that security concerns should be addressed.",
        ),
        // Other news of the same days, so that the call's words are distinctive.
        report(
            "paper-4",
            Some("2022-01-27"),
            "Floods closed the port of Durban on Thursday; the city said repairs would take weeks.",
        ),
        report(
            "wire-5",
            Some("2022-02-24"),
            "The central bank of Chile raised its rate to 5.5 percent, citing prices.",
        ),
    ];
    assert_eq!(
        groups(&reports, &auto()),
        [
            vec!["paper-2", "wire-1"],
            vec!["paper-4"],
            vec!["wire-3"],
            vec!["wire-5"]
        ]
    );
    // Without the window, the days themselves keep the call a month later apart.
    let no_window = Grouping {
        window_days: None,
        ..auto()
    };
    assert_eq!(
        groups(&reports, &no_window),
        [
            vec!["paper-2", "wire-1"],
            vec!["paper-4"],
            vec!["wire-3"],
            vec!["wire-5"]
        ]
    );
}

#[test]
fn a_report_that_fits_no_event_stands_alone() {
    let mut reports = two_talks();
    reports.push(report(
        "blog-c",
        None,
        "A recipe for lemon cake: butter, sugar, eggs and flour, baked for forty minutes.",
    ));
    let found = groups(&reports, &auto());
    assert!(found.contains(&vec!["blog-c".to_string()]), "{found:?}");
}

#[test]
fn found_events_say_which_terms_tie_them() {
    let events = group(&two_talks(), &auto());
    let dakar = events
        .iter()
        .find(|e| e.terms.iter().any(|t| t == "dakar"))
        .unwrap();
    assert_eq!(dakar.source, Source::Auto);
    assert!(dakar.id.starts_with("undated-"), "{}", dakar.id);
}

#[test]
fn the_bundled_corpus_groups_as_planted_without_its_keys() {
    let corpus = corpus::read(&[PathBuf::from("corpus")]);
    let by_folder = groups(&corpus.reports, &Grouping::default());
    let found = groups(&corpus.reports, &auto());
    assert_eq!(by_folder.len(), 3);
    assert_eq!(
        found, by_folder,
        "the Lavrov call and the briefing must never join the Blinken call"
    );
}

/// One phone call told in English, Russian and Chinese, each leading with its
/// own angle; the same two ministers' call a month later; and the announcement
/// of the call the day before. Invented people and words, as every fixture here.
fn one_call_three_languages() -> Vec<Report> {
    vec![
        report(
            "wire-en",
            Some("2023-03-14"),
            "Foreign Minister Ivan Matov and Secretary of State Tomas Belin spoke by phone on Tuesday about grain shipments through the straits. Matov said the talks were useful and that the ships should sail within a week. Belin said the United States would watch the convoys closely.",
        ),
        report(
            "agency-ru",
            Some("2023-03-14"),
            "Министр иностранных дел Иван Матов провел телефонный разговор с госсекретарем Томасом Белином. Стороны обсудили поставки зерна через проливы. Матов заявил, что суда должны выйти в течение недели.",
        ),
        report(
            "paper-zh",
            Some("2023-03-14"),
            "外交部长马托夫与国务卿贝林通电话。双方讨论了经海峡运输粮食的问题。马托夫表示，船只应在一周内启航。",
        ),
        report(
            "wire-later",
            Some("2023-04-18"),
            "Foreign Minister Ivan Matov and Secretary of State Tomas Belin spoke by phone again on Tuesday about grain shipments through the straits. Matov said the convoys had sailed and that the talks were useful. Belin said the United States would keep watching.",
        ),
        report(
            "wire-ahead",
            Some("2023-03-13"),
            "Foreign Minister Ivan Matov will speak by phone with Secretary of State Tomas Belin on Tuesday, the ministry announced. The call is expected to cover grain shipments through the straits, and the two are set to discuss the convoys.",
        ),
        // Other news of those days, so that the ministers' names are distinctive.
        report(
            "paper-floods",
            Some("2023-03-14"),
            "Floods closed the port of Durban; the mayor said repairs would take a month.",
        ),
        report(
            "wire-rates",
            Some("2023-04-18"),
            "The central bank of Chile raised its rate to 5.5 percent, citing prices.",
        ),
    ]
}

#[test]
fn one_call_in_three_languages_is_one_event_and_its_near_misses_stay_apart() {
    let found = groups(&one_call_three_languages(), &auto());
    assert!(
        found.contains(&vec![
            "agency-ru".to_string(),
            "paper-zh".to_string(),
            "wire-en".to_string()
        ]),
        "{found:?}"
    );
    assert!(found.contains(&vec!["wire-later".to_string()]), "{found:?}");
    assert!(found.contains(&vec!["wire-ahead".to_string()]), "{found:?}");
}

#[test]
fn a_found_event_says_who_did_what_when_and_what_it_was_kept_apart_from() {
    let reports = one_call_three_languages();
    let events = group(&reports, &auto());
    let call = events
        .iter()
        .find(|e| e.reports.contains(&0))
        .expect("the English report has an event");
    let happening = call.happening.as_ref().expect("found from the text");
    let mut who = happening.who.clone();
    who.sort();
    assert_eq!(who, ["Belin", "Matov"]);
    assert_eq!(happening.act, Some(crosscheck::events::Act::PhoneCall));
    assert_eq!(happening.day.as_deref(), Some("2023-03-14"));
    assert_eq!(call.id, "2023-03-14-matov-belin");
    // Each report says what was read from it: the Chinese one names the same two.
    let zh = call
        .reports
        .iter()
        .position(|&r| r == 2)
        .expect("zh in the call");
    assert_eq!(call.readings[zh].who.len(), 2);
    assert_eq!(call.readings[zh].language, Some("zh"));
}
