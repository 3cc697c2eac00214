//! The comparison form of a word: what two renderings must share to count as the same word.

/// Lower case, curly apostrophes folded to straight ones, so that `Russia’s`
/// and `russia's` compare equal. The original text is kept for display.
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    fold_into(word, &mut out);
    out
}

/// [`fold`], appended to `out`: the extractor folds every token of a report
/// into one buffer rather than allocating a string for each.
pub fn fold_into(word: &str, out: &mut String) {
    if word.is_ascii() {
        // Copied whole and lowered in place, not pushed a character at a time.
        let start = out.len();
        out.push_str(word);
        if let Some(copied) = out.get_mut(start..) {
            copied.make_ascii_lowercase();
        }
        return;
    }
    out.extend(word.chars().flat_map(char::to_lowercase).map(|c| match c {
        '\u{2019}' | '\u{2018}' | '\u{02bc}' => '\'',
        c => c,
    }));
}

/// A word in American spelling, as far as a suffix tells: `-ise` `-isation`
/// `-our(ed)` `-re` `-lled` `-ence`, `-yse` as `-ize` `-ization` `-or(ed)` `-er`
/// `-led` `-ense` `-yze`.
pub fn american(word: &str) -> String {
    const ENDINGS: &[(&str, &str)] = &[
        ("isation", "ization"),
        ("isations", "izations"),
        ("ised", "ized"),
        ("ises", "izes"),
        ("ising", "izing"),
        ("ise", "ize"),
        ("yse", "yze"),
        ("ysed", "yzed"),
        ("our", "or"),
        ("ours", "ors"),
        ("oured", "ored"),
        ("ouring", "oring"),
        ("tre", "ter"),
        ("tres", "ters"),
        ("lled", "led"),
        ("lling", "ling"),
        ("ence", "ense"),
    ];
    ENDINGS
        .iter()
        .find(|(british, _)| word.len() > british.len() + 2 && word.ends_with(british))
        .map_or_else(
            || word.to_string(),
            |(british, american)| format!("{}{american}", &word[..word.len() - british.len()]),
        )
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn curly_apostrophe_and_case_are_folded() {
        assert_eq!(fold("Russia\u{2019}s"), "russia's");
        assert_eq!(fold("U.S"), "u.s");
    }
}
