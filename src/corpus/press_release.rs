//! Whether a report is a company's own press release: then its voice is the
//! company's, as a ministry's readout speaks for the ministry.

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use crate::text::floor_char_boundary;

/// How far into a report its lead sentence is looked for: past a headline,
/// a subhead and a dateline.
const LEAD_BYTES: usize = 1500;

/// How far before `today announced` the ticker may stand: the issuer's name
/// comes between (`Vantor Inc. (NYSE: VNT) and its partners today announced`).
const TICKER_BEFORE: usize = 60;

static EXCHANGES: LazyLock<FxHashSet<String>> = LazyLock::new(|| {
    crate::data::lines(include_str!("../../data/exchanges.txt"))
        .map(str::to_lowercase)
        .collect()
});

/// Whether `text` opens as a press release does: its issuer, with its ticker
/// in parentheses, `today announced` something (`Vantor Inc. (NYSE: VNT)
/// today announced ...`). News copy names a ticker too, but writes when a
/// company announced (`said on Wednesday`), not `today announced`.
pub fn is_press_release(text: &str) -> bool {
    let lead = &text[..floor_char_boundary(text, LEAD_BYTES)];
    ["today announced", "announced today"]
        .iter()
        .flat_map(|phrase| lead.match_indices(phrase))
        .any(|(at, _)| {
            let before = &lead[floor_char_boundary(lead, at.saturating_sub(TICKER_BEFORE))..at];
            names_a_ticker(before)
        })
}

/// Whether `text` holds `(EXCHANGE: TICKER)`, spaces allowed around each part.
fn names_a_ticker(text: &str) -> bool {
    text.split('(').skip(1).any(|after| {
        let Some((inside, _)) = after.split_once(')') else {
            return false;
        };
        let Some((exchange, ticker)) = inside.split_once(':') else {
            return false;
        };
        let ticker = ticker.trim();
        EXCHANGES.contains(&exchange.trim().to_lowercase())
            && !ticker.is_empty()
            && ticker.len() <= 8
            && ticker
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '.')
    })
}

#[cfg(test)]
mod tests {
    use super::is_press_release;

    #[test]
    fn a_release_names_its_ticker_and_announces_today() {
        assert!(is_press_release(
            "Vantor Buys Lumio\nSAN JOSE , Calif . \u{2014}3 / 1 / 2014\n\
             Vantor Inc . ( NYSE : VNT ) today announced it has agreed to buy Lumio ."
        ));
        assert!(is_press_release(
            "Vantor Inc. (Nasdaq: VNT) announced today that it will buy Lumio."
        ));
    }

    #[test]
    fn news_that_names_a_ticker_is_no_release() {
        assert!(!is_press_release(
            "Vantor Inc. (NYSE: VNT) said on Wednesday it would buy Lumio."
        ));
        assert!(!is_press_release(
            "The mayor today announced a new budget (see page 4: Budget)."
        ));
    }
}
