//! Names written as initials (`AMD`, `CHP`).

/// Whether a name is one word of capitals (`AMD`, `CHP`, a transcript's `HALVORSEN`).
pub fn initials(name: &str) -> bool {
    let name = name.trim();
    name.chars().count() >= 2
        && !name.contains(char::is_whitespace)
        && name.chars().all(|c| c.is_ascii_uppercase())
}

/// Whether `word` is a body's initials written as such inside a longer
/// `name`: `AMD` in `AMD Opteron` (a product read as a name) names the body,
/// not someone called Opteron. A transcript's `HALVORSEN` is still
/// `Ingrid Halvorsen`, whose name writes it otherwise.
pub fn initials_within<'n>(word: &str, name: impl IntoIterator<Item = &'n str>) -> bool {
    let words: Vec<&str> = name.into_iter().collect();
    initials(word) && words.len() > 1 && words.contains(&word.trim())
}

#[cfg(test)]
mod tests {
    use super::initials_within;

    #[test]
    fn initials_written_as_such_inside_a_name_are_a_body_s() {
        assert!(initials_within("AMD", ["AMD", "Opteron"]));
        assert!(!initials_within("HALVORSEN", ["Ingrid", "Halvorsen"]));
        assert!(!initials_within("Amd", ["Amd", "Opteron"]));
    }
}
