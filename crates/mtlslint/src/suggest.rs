//! Finds the name the author meant.

/// The candidate nearest to `word`: the same name in another case first
/// (distance 0), then the smallest edit distance (transpositions count as
/// one edit) within a third of the word's length.
pub(crate) fn nearest<'c>(word: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<&'c str> {
    let length = word.chars().count();
    let limit = (length / 3).clamp(1, 4);
    let mut lower: Option<String> = None;
    let mut best: Option<(usize, &str)> = None;
    for candidate in candidates {
        if candidate.eq_ignore_ascii_case(word) {
            return Some(candidate);
        }
        // Lengths further apart than the limit cannot be within it.
        if candidate.chars().count().abs_diff(length) > limit {
            continue;
        }
        let lower = lower.get_or_insert_with(|| word.to_lowercase());
        let distance = strsim::osa_distance(lower, &candidate.to_lowercase());
        if best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
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
