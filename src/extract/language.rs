//! Which language a report is in: the English rules of the stage run only on
//! English, or on a text too short or mixed to tell.

/// The language of a report, as an ISO 639-3 code (`"eng"`, `"fra"`, `"deu"`,
/// `"rus"`, `"cmn"`, ...), or `None` when the text is too short or mixed for a
/// reliable guess. Read from the report's first few thousand bytes.
///
/// A report whose language is `Some` code other than `"eng"` is not English:
/// [`extract`] finds only its quotations there (no English frame, speaker or
/// cue rule runs on it), and its wording should be left out of comparison.
pub fn language(text: &str) -> Option<&'static str> {
    const SAMPLE: usize = 4096;
    let mut end = text.len().min(SAMPLE);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    // Short English copy (`Wang said the US should ...`) can look like another
    // language to trigrams: English function words settle it first. The
    // letters are those of the words, so one pass counts both.
    let (mut letters, mut words, mut english) = (0usize, 0usize, 0usize);
    let mut word_start = None;
    let mut i = 0;
    while let Some(&b) = sample.as_bytes().get(i) {
        // ASCII without decoding; any other character decoded.
        let (alphabetic, len) = if b < 0x80 {
            (b.is_ascii_alphabetic(), 1)
        } else {
            sample[i..]
                .chars()
                .next()
                .map_or((false, 1), |c| (c.is_alphabetic(), c.len_utf8()))
        };
        if alphabetic {
            letters += 1;
            word_start.get_or_insert(i);
        } else if let Some(start) = word_start.take() {
            words += 1;
            english += usize::from(is_function_word(&sample[start..i]));
        }
        i += len;
    }
    if let Some(start) = word_start {
        words += 1;
        english += usize::from(is_function_word(&sample[start..]));
    }
    if letters < 40 {
        return None;
    }
    if english * 8 >= words {
        return Some("eng");
    }
    let info = whatlang::detect(sample)?;
    info.is_reliable().then(|| info.lang().code())
}

/// An English function word, as [`language`] counts them.
fn is_function_word(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "The"
            | "of"
            | "and"
            | "to"
            | "that"
            | "said"
            | "says"
            | "is"
            | "was"
            | "were"
            | "with"
            | "for"
            | "on"
            | "in"
            | "he"
            | "she"
            | "it"
            | "would"
            | "should"
    )
}

/// Whether a report is English, or of no language [`language`] can tell: what
/// the English rules of the stage run on.
pub fn is_english(text: &str) -> bool {
    reads_as_english(language(text))
}

/// Whether a report of this [`language`] gets the English rules: English, or a
/// text too short or mixed to tell.
pub fn reads_as_english(language: Option<&str>) -> bool {
    language.is_none_or(|l| l == "eng")
}
