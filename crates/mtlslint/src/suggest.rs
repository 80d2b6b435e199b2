//! Finds the name the author meant.

/// The candidate nearest to `word`: the same name in another case first,
/// then the smallest edit distance within a third of the word's length.
pub(crate) fn nearest<'c>(word: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<&'c str> {
    let lower = word.to_lowercase();
    let mut best: Option<(usize, &str)> = None;
    for candidate in candidates {
        let distance = if candidate.to_lowercase() == lower {
            0
        } else {
            strsim::damerau_levenshtein(&lower, &candidate.to_lowercase())
        };
        if best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    let limit = (word.chars().count() / 3).clamp(1, 4);
    best.filter(|&(distance, _)| distance <= limit).map(|(_, candidate)| candidate)
}

/// Reduces a constant-ish spelling to letters and digits, lowercased.
pub(crate) fn loose(text: &str) -> String {
    text.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefers_case_then_small_edits() {
        let fields = ["enabled", "keyStoreId", "trustStoreId"];
        assert_eq!(nearest("keystoreId", fields), Some("keyStoreId"));
        assert_eq!(nearest("trustStorId", fields), Some("trustStoreId"));
        assert_eq!(nearest("colour", fields), None);
    }
}
