//! One form for words of every script, so that `Блинкен`, `Blinken` and
//! `Blínken` compare equal, and a word list written in Russian matches Russian
//! text: romanised with `any_ascii`, lower case, accents gone.

/// The writing system of a letter, as far as grouping cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Script {
    /// Latin, Cyrillic, Greek: scripts with capital letters, where a name shows itself.
    Cased,
    /// Chinese characters (and Japanese kanji): a name is a run of syllables.
    Han,
    /// Arabic and Persian: short vowels are not written.
    Arabic,
    /// Hangul, kana, Indic scripts and the rest: no capitals, vowels written.
    Caseless,
}

/// The script of a letter.
pub fn script(c: char) -> Script {
    match c as u32 {
        0..=0x024F | 0x0370..=0x052F | 0x1E00..=0x1FFF => Script::Cased,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF => Script::Han,
        0x0600..=0x06FF | 0x0750..=0x077F | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => Script::Arabic,
        _ => Script::Caseless,
    }
}

/// Whether `text` holds a letter of a script without capitals (Chinese,
/// Arabic, Hangul ...): the words lists of those scripts match only where
/// one stands, so text of cased scripts alone need not be searched for them.
pub fn has_caseless_letters(text: &str) -> bool {
    !text.is_ascii()
        && text
            .chars()
            .any(|c| !c.is_ascii() && c.is_alphabetic() && script(c) != Script::Cased)
}

/// `word` romanised into `out` (cleared first): lower-case ASCII letters and
/// digits only. Chinese characters become their pinyin syllables.
pub fn fold_into(word: &str, out: &mut String) {
    out.clear();
    // The common case, a word of ASCII letters, copied whole.
    if word.bytes().all(|b| b.is_ascii_alphanumeric()) {
        out.push_str(word);
        out.make_ascii_lowercase();
        return;
    }
    for c in word.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            }
        } else {
            for b in any_ascii::any_ascii_char(c).chars() {
                if b.is_ascii_alphanumeric() {
                    out.push(b.to_ascii_lowercase());
                }
            }
        }
    }
}

/// `word` romanised, as [`fold_into`].
pub fn fold(word: &str) -> String {
    let mut out = String::new();
    fold_into(word, &mut out);
    out
}

/// A text of cased scripts romanised for matching word lists: lower case, one
/// byte a letter's romanisation, punctuation kept as it is (`'`, `-`, spaces);
/// letters of other scripts become spaces (their lists match the text as written).
pub fn fold_text(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if c == '\u{2019}' || c == '\u{02BC}' {
            out.push('\'');
        } else if c.is_alphabetic() && script(c) == Script::Cased {
            for b in any_ascii::any_ascii_char(c).chars() {
                if b.is_ascii_alphanumeric() {
                    out.push(b.to_ascii_lowercase());
                }
            }
        } else {
            out.push(' ');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_other_scripts_fold_to_latin_letters() {
        assert_eq!(fold("Блинкен"), "blinken");
        assert_eq!(fold("Lavrov's"), "lavrovs");
        assert_eq!(fold("Sergueï"), "serguei");
        assert_eq!(fold("王毅"), "wangyi");
        assert_eq!(fold_text("Путин, 7 ДЕКАБРЯ"), "putin, 7 dekabrya");
        assert_eq!(script('布'), Script::Han);
        assert_eq!(script('Ж'), Script::Cased);
    }

    #[test]
    fn caseless_letters_are_those_of_scripts_without_capitals() {
        assert!(!has_caseless_letters(
            "Blinken met Lavrov \u{2014} \u{201c}useful\u{201d}."
        ));
        assert!(!has_caseless_letters("Блинкен и Лавров, Sergueï."));
        assert!(has_caseless_letters("Blinken 布林肯"));
        assert!(has_caseless_letters("بلينكن"));
        assert!(has_caseless_letters("블링컨"));
    }
}
