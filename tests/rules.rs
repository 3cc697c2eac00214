//! Each rule on minimal pairs of reports: a case where it must fire, and a
//! near-identical one where it must stay quiet. Only the rule under test runs.
//! The outlet "Ministry" is the primary source; findings are shown as
//! `RULE outlet: located words`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crosscheck::check::{self, Options};
use crosscheck::config::Config;
use crosscheck::config::Selection;
use crosscheck::corpus::{Corpus, Origin, Report};

const READOUT: &str = "Wang Yi said that the US should stop interfering in the Games. \
    He stressed that regional security cannot be guaranteed by expanding military blocs.";

/// Run `rule` on reports given as (outlet, event, date, text).
fn dated(rule: &str, reports: &[(&str, &str, &str, &str)]) -> Vec<String> {
    let config = Config::parse(
        "[[outlets]]\nname = \"Ministry\"\nkind = \"official\"\n",
        crosscheck::rules::is_known,
    )
    .unwrap();
    let reports = reports
        .iter()
        .enumerate()
        .map(|(n, (outlet, event, date, text))| Report {
            id: format!("r{n}"),
            outlet: outlet.to_string(),
            published: Some(date.parse().unwrap()),
            title: None,
            url: None,
            event: Some(event.to_string()),
            text: text.to_string(),
            origin: Origin {
                path: format!("{outlet}-{n}.md"),
                line: 1,
                column: 1,
                ..Origin::default()
            },
        })
        .collect();
    let options = Options {
        selection: Selection {
            select: vec![rule.to_string()],
            ..Selection::default()
        },
        ..Options::default()
    };
    let check = check::run(
        Corpus {
            reports,
            rejected: Vec::new(),
        },
        &config,
        &options,
    );
    check
        .findings
        .iter()
        .map(|f| format!("{} {}: {}", f.rule, f.primary.outlet, f.primary.text))
        .collect()
}

/// Run `rule` on reports of one event, given as (outlet, text).
fn findings_in(rule: &str, reports: &[(&str, &str)]) -> Vec<String> {
    let dated_reports: Vec<(&str, &str, &str, &str)> = reports
        .iter()
        .map(|(outlet, text)| (*outlet, "call", "2022-01-27", *text))
        .collect();
    dated(rule, &dated_reports)
}

/// Run `rule` on the readout and one outlet's report of it.
fn findings(rule: &str, report: &str) -> Vec<String> {
    findings_in(rule, &[("Ministry", READOUT), ("Outlet", report)])
}

const NONE: [&str; 0] = [];

// CC001 speaker-mismatch

#[test]
fn cc001_fires_when_the_words_are_credited_to_someone_else() {
    let report = "Spokesperson Zhao Lijian said, \"Regional security cannot be guaranteed by expanding military blocs.\"";
    assert_eq!(
        findings("CC001", report),
        ["CC001 Outlet: Spokesperson Zhao Lijian"]
    );
}

#[test]
fn cc001_is_quiet_when_another_name_for_the_same_speaker_is_used() {
    let report = "Chinese Foreign Minister Wang Yi spoke by phone. \
        \"Regional security cannot be guaranteed by expanding military blocs,\" the minister said.";
    assert_eq!(findings("CC001", report), NONE);
}

// CC002 quote-altered

#[test]
fn cc002_fires_when_a_word_inside_the_quote_marks_changed() {
    let report = "\"The US must stop interfering in the Games,\" Wang said.";
    assert_eq!(
        findings("CC002", report),
        ["CC002 Outlet: The US must stop interfering in the Games"]
    );
}

#[test]
fn cc002_is_quiet_on_punctuation_and_case() {
    let report = "\"The US should stop interfering in the games!\" Wang said.";
    assert_eq!(findings("CC002", report), NONE);
}

#[test]
fn cc002_is_quiet_on_a_translation_variant() {
    let report = "\"The United States should stop meddling in the Games,\" Wang said.";
    assert_eq!(findings("CC002", report), NONE);
}

#[test]
fn cc002_is_quiet_on_a_correctly_shortened_quote() {
    let report = "Wang said the US \"should stop interfering\" there. \"Regional security cannot be guaranteed,\" he said.";
    assert_eq!(findings("CC002", report), NONE);
}

// CC003 meaning-shift

#[test]
fn cc003_fires_when_reported_speech_puts_one_modal_for_another() {
    let report = "Wang said the US must stop interfering in the Games.";
    assert_eq!(
        findings("CC003", report),
        ["CC003 Outlet: the US must stop interfering in the Games"]
    );
}

#[test]
fn cc003_is_quiet_on_an_added_detail() {
    let report = "Wang said on Thursday that the US should stop interfering in the Games.";
    assert_eq!(findings("CC003", report), NONE);
}

// CC004 unsupported-fragment

#[test]
fn cc004_fires_on_a_scare_quote_no_rendering_has() {
    let report = "Wang said the US should stop its \"meddling\" in the Games.";
    assert_eq!(findings("CC004", report), ["CC004 Outlet: meddling"]);
}

#[test]
fn cc004_is_quiet_on_a_quote_shortened_with_an_ellipsis() {
    let report = "Wang said the US \"should stop ... in the Games\".";
    assert_eq!(findings("CC004", report), NONE);
    // Without the ellipsis the same words join what the source keeps apart.
    let report = "Wang said the US \"should stop in the Games\".";
    assert_eq!(
        findings("CC004", report),
        ["CC004 Outlet: should stop in the Games"]
    );
}

// CC005 paraphrase-as-quote

#[test]
fn cc005_fires_on_a_paraphrase_in_quote_marks() {
    let report = "\"The US should end its interference in the Games altogether now,\" Wang said.";
    assert_eq!(
        findings("CC005", report),
        ["CC005 Outlet: The US should end its interference in the Games altogether now"]
    );
}

#[test]
fn cc005_is_quiet_on_the_words_themselves() {
    let report = "\"The US should stop interfering in the Games,\" Wang said.";
    assert_eq!(findings("CC005", report), NONE);
}

const WELCOMED: &str = "Wang Yi said China welcomes the agreement reached in Vienna on Friday \
    and hopes all parties will implement it in full.";

#[test]
fn cc005_fires_on_a_quote_too_loose_to_align_with_the_statement_it_paraphrases() {
    // Another outlet repeats the paraphrase in reported speech: the quote and
    // it make a claim of their own, apart from the ministry's statement.
    let reports = [
        ("Ministry", WELCOMED),
        (
            "Outlet",
            "\"China is pleased with the deal struck in Vienna on Friday and hopes every party will carry it out fully,\" Wang said.",
        ),
        (
            "Wire",
            "Wang said China is pleased with the deal struck in Vienna on Friday and hopes every party will carry it out fully.",
        ),
    ];
    assert_eq!(
        findings_in("CC005", &reports),
        [
            "CC005 Outlet: China is pleased with the deal struck in Vienna on Friday and hopes every party will carry it out fully"
        ]
    );
}

#[test]
fn cc005_is_quiet_when_two_outlets_quote_the_same_other_words() {
    // Two outlets with the same quote had a verbatim source the readout lacks.
    let reports = [
        ("Ministry", WELCOMED),
        (
            "Outlet",
            "\"China is pleased with the deal struck in Vienna on Friday and hopes every party will carry it out fully,\" Wang said.",
        ),
        (
            "Wire",
            "\"China is pleased with the deal struck in Vienna on Friday and hopes every party will carry it out fully,\" Wang told reporters.",
        ),
    ];
    assert_eq!(findings_in("CC005", &reports), NONE);
}

// CC006 attribution-dropped

#[test]
fn cc006_fires_on_the_statement_in_the_outlets_own_voice() {
    let report = "The talks were tense. The US should stop interfering in the Games.";
    assert_eq!(
        findings("CC006", report),
        ["CC006 Outlet: The US should stop interfering in the Games"]
    );
}

#[test]
fn cc006_is_quiet_when_the_statement_is_attributed() {
    let report = "The talks were tense. Wang said the US should stop interfering in the Games.";
    assert_eq!(findings("CC006", report), NONE);
}

#[test]
fn cc006_fires_when_the_source_is_dropped_from_a_statement_that_names_its_country() {
    // The source: `Wang Yi said China hopes ...`; the outlet prints the
    // sentence from `China` on, its frame being words of Wang's.
    let reports = [
        (
            "Ministry",
            "Wang Yi said China hopes the US will stop interfering in the Games.",
        ),
        (
            "Outlet",
            "The talks were tense. China hopes the US will stop interfering in the Games.",
        ),
    ];
    assert_eq!(
        findings_in("CC006", &reports),
        ["CC006 Outlet: China hopes the US will stop interfering in the Games"]
    );
}

#[test]
fn cc006_is_quiet_when_the_source_is_kept_around_such_a_statement() {
    let reports = [
        (
            "Ministry",
            "Wang Yi said China hopes the US will stop interfering in the Games.",
        ),
        (
            "Outlet",
            "The talks were tense. Wang said China hopes the US will stop interfering in the Games.",
        ),
    ];
    assert_eq!(findings_in("CC006", &reports), NONE);
}

#[test]
fn cc006_is_quiet_on_a_quote_continued_in_the_next_sentence() {
    let report = "\"Dialogue matters,\" Wang said on Thursday. \"The US should stop interfering in the Games.\"";
    assert_eq!(findings("CC006", report), NONE);
}

// CC007 channel-mismatch

#[test]
fn cc007_fires_on_words_credited_through_the_press() {
    let report = "According to state media, Wang said the US should stop interfering in the Games.";
    assert_eq!(findings("CC007", report), ["CC007 Outlet: state media"]);
}

#[test]
fn cc007_is_quiet_on_words_credited_through_the_source() {
    let report =
        "According to the ministry, Wang said the US should stop interfering in the Games.";
    assert_eq!(findings("CC007", report), NONE);
}

// CC008 cue-shift

#[test]
fn cc008_fires_on_a_loaded_cue_where_the_source_has_a_neutral_one() {
    let report = "Wang claimed that the US should stop interfering in the Games.";
    assert_eq!(findings("CC008", report), ["CC008 Outlet: claimed"]);
}

#[test]
fn cc008_is_quiet_on_an_emphatic_cue() {
    let report = "Wang stressed that the US should stop interfering in the Games.";
    assert_eq!(findings("CC008", report), NONE);
}

// CC009 addressee-shift

const TOLD: &str = "Wang Yi told Antony Blinken that the US should stop interfering in the Games.";

#[test]
fn cc009_fires_when_the_words_were_said_to_someone_else() {
    let reports = [
        ("Ministry", TOLD),
        (
            "Wire",
            "Wang told Blinken that the US should stop interfering in the Games.",
        ),
        (
            "Outlet",
            "Wang told Jake Sullivan that the US should stop interfering in the Games.",
        ),
    ];
    assert_eq!(
        findings_in("CC009", &reports),
        ["CC009 Outlet: Jake Sullivan"]
    );
}

#[test]
fn cc009_is_quiet_when_the_addressee_is_named_as_a_side() {
    let reports = [
        ("Ministry", TOLD),
        (
            "Wire",
            "Wang told Blinken that the US should stop interfering in the Games.",
        ),
        (
            "Outlet",
            "Wang told the US side that the US should stop interfering in the Games.",
        ),
    ];
    assert_eq!(findings_in("CC009", &reports), NONE);
}

#[test]
fn cc009_fires_on_a_lone_addressee_no_other_report_names() {
    // Only one report says to whom; the person it names is in no other report
    // of the call, whose other reports have Wang talk to Blinken.
    let reports = [
        (
            "Ministry",
            "Wang Yi told Antony Blinken that sanctions solve nothing. Wang said that the US should stop interfering in the Games.",
        ),
        (
            "Outlet",
            "Wang told Kang Tae-yong that the US should stop interfering in the Games.",
        ),
    ];
    assert_eq!(
        findings_in("CC009", &reports),
        ["CC009 Outlet: Kang Tae-yong"]
    );
}

#[test]
fn cc009_is_quiet_when_one_outlet_alone_says_whom_the_words_were_said_to() {
    // The other report says to no one: naming the addressee is no shift.
    let reports = [
        (
            "Ministry",
            "Wang Yi said that the US should stop interfering in the Games.",
        ),
        (
            "Outlet",
            "Wang told Antony Blinken that the US should stop interfering in the Games.",
        ),
    ];
    assert_eq!(findings_in("CC009", &reports), NONE);
}

#[test]
fn cc009_is_quiet_on_a_lone_addressee_the_other_reports_name() {
    let reports = [
        (
            "Ministry",
            "Wang Yi spoke with Antony Blinken. Wang said that the US should stop interfering in the Games.",
        ),
        (
            "Outlet",
            "Wang told Antony Blinken that the US should stop interfering in the Games.",
        ),
    ];
    assert_eq!(findings_in("CC009", &reports), NONE);
}

// CC010 foreign-quote

#[test]
fn cc010_fires_on_a_quote_from_the_briefing_the_day_before() {
    let reports = [
        (
            "Ministry",
            "briefing",
            "2022-01-26",
            "Zhao Lijian said that NATO should abandon its outdated Cold War mentality.",
        ),
        ("Ministry", "call", "2022-01-27", READOUT),
        (
            "Outlet",
            "call",
            "2022-01-27",
            "Wang said the US should stop interfering in the Games. \
            The Chinese side also said that \"NATO should abandon its outdated Cold War mentality.\"",
        ),
    ];
    assert_eq!(
        dated("CC010", &reports),
        ["CC010 Outlet: NATO should abandon its outdated Cold War mentality"]
    );
}

#[test]
fn cc010_is_quiet_on_a_quote_of_the_event_itself() {
    let reports = [
        (
            "Ministry",
            "briefing",
            "2022-01-26",
            "Zhao Lijian said that NATO should abandon its outdated Cold War mentality.",
        ),
        ("Ministry", "call", "2022-01-27", READOUT),
        (
            "Outlet",
            "call",
            "2022-01-27",
            "\"The US should stop interfering in the Games,\" Wang said.",
        ),
    ];
    assert_eq!(dated("CC010", &reports), NONE);
}

// CC011 single-source

#[test]
fn cc011_fires_on_a_quote_only_one_outlet_carries() {
    let reports = [
        ("Ministry", READOUT),
        ("Outlet", "\"The call was overdue,\" analyst Mia Long said."),
    ];
    assert_eq!(
        findings_in("CC011", &reports),
        ["CC011 Outlet: The call was overdue"]
    );
}

#[test]
fn cc011_is_quiet_on_a_quote_two_outlets_carry() {
    let reports = [
        ("Ministry", READOUT),
        ("Outlet", "\"The call was overdue,\" analyst Mia Long said."),
        (
            "Wire",
            "\"The call was overdue,\" said Mia Long, an analyst.",
        ),
    ];
    assert_eq!(findings_in("CC011", &reports), NONE);
}

#[test]
fn cc011_fires_on_what_a_source_told_the_outlet_itself() {
    let reports = [
        ("Ministry", READOUT),
        (
            "Outlet",
            "Mia Long, an analyst at the Lantern Institute, told Outlet that the call was overdue.",
        ),
    ];
    assert_eq!(
        findings_in("CC011", &reports),
        ["CC011 Outlet: that the call was overdue"]
    );
}

#[test]
fn cc011_is_quiet_on_reported_speech_not_given_to_the_outlet() {
    let reports = [
        ("Ministry", READOUT),
        (
            "Outlet",
            "Mia Long, an analyst at the Lantern Institute, told a forum that the call was overdue.",
        ),
    ];
    assert_eq!(findings_in("CC011", &reports), NONE);
}

// CC012 copied-report

const WIRE_COPY: &str = "Chinese Foreign Minister Wang Yi on Thursday asked the United States to stop \
    interfering in the Beijing Winter Olympics, in a phone call with Antony Blinken. The two sides \
    also discussed the situation in Ukraine, where tensions have risen for weeks, and agreed to stay \
    in touch on trade, climate and health.";

#[test]
fn cc012_fires_on_a_near_verbatim_copy_and_lists_its_edits() {
    let copy = format!("{} (Wire)", WIRE_COPY.replace("for weeks", "for months"));
    let reports = [
        ("Ministry", READOUT),
        ("Wire", WIRE_COPY),
        ("Outlet", copy.as_str()),
    ];
    let found = findings_in("CC012", &reports);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with("CC012 Outlet: Chinese Foreign Minister Wang Yi"),
        "{found:?}"
    );
}

#[test]
fn cc012_is_quiet_on_two_reports_of_their_own() {
    let other = "Wang Yi and Antony Blinken spoke by phone on Thursday. Beijing asked Washington to keep \
        politics out of the Winter Games, while the Ukraine crisis took up much of the call, officials said.";
    let reports = [
        ("Ministry", READOUT),
        ("Wire", WIRE_COPY),
        ("Outlet", other),
    ];
    assert_eq!(findings_in("CC012", &reports), NONE);
}
