//! Extraction: any text gives attributions whose spans lie inside it, on
//! character boundaries, and say what the text says there.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let attributions = crosscheck::extract::extract(&text);
    let within = |(start, end): (usize, usize)| {
        assert!(
            start <= end && end <= text.len(),
            "{start}..{end} outside the text"
        );
        assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
    };
    for a in &attributions {
        within(a.sentence);
        for &span in a.content.spans.iter().chain(&a.content.quoted) {
            within(span);
        }
        let mut named = a.channels.iter().chain(&a.addressee);
        let speaker = a.speaker.as_ref().map(|s| &s.mention);
        let cue = a.cue.as_ref().map(|c| &c.span);
        for span in speaker.into_iter().chain(cue).chain(&mut named) {
            within((span.start, span.end));
            assert_eq!(text.get(span.range()), Some(span.text.as_str()));
        }
    }
});
