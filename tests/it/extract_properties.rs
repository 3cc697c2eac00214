//! Extraction never panics and never names text it does not hold: for any
//! UTF-8 input, every span is in bounds, on char boundaries, and its text is
//! the slice it names.

use crosscheck::extract::{Attribution, Excerpt, extract, extract_as, language};
use crosscheck::text::Span;
use proptest::prelude::*;

fn check_span(text: &str, span: &Excerpt) -> Result<(), TestCaseError> {
    prop_assert!(span.start <= span.end && span.end <= text.len());
    prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
    prop_assert_eq!(&text[span.start..span.end], span.text.as_str());
    Ok(())
}

fn check_range(text: &str, span: Span) -> Result<(), TestCaseError> {
    let (a, b) = (span.start(), span.end());
    prop_assert!(a <= b && b <= text.len(), "{}..{} in {}", a, b, text.len());
    prop_assert!(text.is_char_boundary(a) && text.is_char_boundary(b));
    Ok(())
}

fn check(text: &str, found: &[Attribution]) -> Result<(), TestCaseError> {
    for a in found {
        if let Some(s) = &a.speaker {
            check_span(text, &s.mention)?;
        }
        if let Some(c) = &a.cue {
            check_span(text, &c.span)?;
        }
        if let Some(s) = &a.addressee {
            check_span(text, s)?;
        }
        for c in &a.channels {
            check_span(text, c)?;
        }
        for &r in a.content.spans.iter().chain(&a.content.quoted) {
            check_range(text, r)?;
        }
        let joined: Vec<&str> = a.content.spans.iter().map(|s| &text[s.range()]).collect();
        prop_assert_eq!(joined.join(" "), a.content.text.clone());
        check_range(text, a.sentence)?;
    }
    Ok(())
}

/// Text made of the pieces news copy is made of, so frames and quotes are hit often.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("\"".to_string()),
        Just("\u{201c}".to_string()),
        Just("\u{201d}".to_string()),
        Just("'".to_string()),
        Just("\u{2019}".to_string()),
        Just("«".to_string()),
        Just("»".to_string()),
        Just(", ".to_string()),
        Just(". ".to_string()),
        Just("\n\n".to_string()),
        Just(" said ".to_string()),
        Just(" told ".to_string()),
        Just("according to ".to_string()),
        Just("Wang Yi".to_string()),
        Just("Chinese Foreign Minister ".to_string()),
        Just(" he ".to_string()),
        Just("(ANI)".to_string()),
        Just("Beijing [China], January 27 (ANI): ".to_string()),
        Just("Lim Min-ho".to_string()),
        Just(" that ".to_string()),
        Just(" quoted ".to_string()),
        Just(" as saying ".to_string()),
        "[a-zA-Z ]{1,12}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

/// `extract_as`, with a text it cannot index as a failed case.
fn indexed(text: &str, english: bool) -> Result<Vec<Attribution>, TestCaseError> {
    extract_as(text, english).map_err(|e| TestCaseError::fail(e.to_string()))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_utf8_gives_spans_that_name_their_text(text in any::<String>()) {
        check(&text, &extract(&text))?;
        check(&text, &indexed(&text, true)?)?;
        let _ = language(&text);
    }

    #[test]
    fn news_like_text_gives_spans_that_name_their_text(text in newsy()) {
        check(&text, &indexed(&text, true)?)?;
        check(&text, &indexed(&text, false)?)?;
    }
}

#[test]
fn a_french_report_is_found_not_english_and_keeps_its_quotes() {
    let text = "Le ministre des Affaires étrangères a déclaré jeudi que la France \
        restait attachée au dialogue. « Nous ne renoncerons pas à la diplomatie », \
        a-t-il ajouté devant les journalistes réunis au Quai d'Orsay.";
    assert_eq!(language(text), Some("fra"));
    let found = extract(text);
    assert_eq!(found.len(), 1);
    assert!(found[0].speaker.is_none() && found[0].cue.is_none());
    assert_eq!(
        found[0].content.text,
        "Nous ne renoncerons pas à la diplomatie"
    );
}

#[test]
fn an_english_report_is_english() {
    let text = "Chinese Foreign Minister Wang Yi told U.S. Secretary of State Antony \
        Blinken on Thursday that the two sides should keep talking.";
    assert_eq!(language(text), Some("eng"));
    assert_eq!(extract(text).len(), 1);
    assert_eq!(language("Wang said."), None);
}
