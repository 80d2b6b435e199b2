//! Finds the name the author meant.

/// The candidate nearest to `word`: the same name in another case first,
/// then the same letters and digits with other separators (`key_store_id`),
/// then the smallest edit distance (transpositions count as one edit) within
/// a third of the word's length.
pub(crate) fn nearest<'c>(word: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<&'c str> {
    // One copy of the search serves every kind of candidate list (the wasm module keeps one, not a dozen).
    // It runs only for a name that is wrong, so the list's allocation costs nothing that matters.
    let candidates: Vec<&'c str> = candidates.into_iter().collect();
    nearest_in(word, &candidates)
}

fn nearest_in<'c>(word: &str, candidates: &[&'c str]) -> Option<&'c str> {
    let candidates = candidates.iter().copied();
    // The cheap comparisons settle most slips before any distance is computed.
    if let Some(same) = candidates.clone().find(|c| c.eq_ignore_ascii_case(word)) {
        return Some(same);
    }
    if let Some(same) = candidates.clone().find(|c| loose(c).eq(loose(word))) {
        return Some(same);
    }
    let length = word.chars().count();
    let limit = (length / 3).clamp(1, 4);
    let word = word.to_lowercase();
    let mut lower = String::new();
    let mut best: Option<(usize, &str)> = None;
    // Lengths further apart than the limit cannot be within it.
    for candidate in candidates.filter(|c| c.chars().count().abs_diff(length) <= limit) {
        lower.clear();
        lower.extend(candidate.chars().flat_map(char::to_lowercase));
        let distance = strsim::osa_distance(&word, &lower);
        if best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    best.filter(|&(distance, _)| distance <= limit).map(|(_, candidate)| candidate)
}

/// A constant-ish spelling reduced to its letters and digits, lowercased.
pub(crate) fn loose(text: &str) -> impl Iterator<Item = char> + Clone + '_ {
    text.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase())
}

/// What a caller wrote, as an error message quotes it: its first 40
/// characters, and `…` when there is more, so that a whole file passed by
/// mistake does not come back in the message.
pub(crate) fn shown(text: &str) -> std::borrow::Cow<'_, str> {
    match text.char_indices().nth(40) {
        Some((cut, _)) => format!("{}…", &text[..cut]).into(),
        None => text.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefers_case_then_small_edits() {
        let fields = ["enabled", "keyStoreId", "trustStoreId"];
        assert_eq!(nearest("keystoreId", fields), Some("keyStoreId"));
        assert_eq!(nearest("trustStorId", fields), Some("trustStoreId"));
        assert_eq!(nearest("trust_store_id", fields), Some("trustStoreId"));
        assert_eq!(nearest("colour", fields), None);
    }

    #[test]
    fn a_long_text_is_shown_by_its_first_forty_characters() {
        assert_eq!(shown("M0O1"), "M0O1");
        assert_eq!(shown(&"é".repeat(40)), "é".repeat(40));
        assert_eq!(shown(&"é".repeat(41)), format!("{}…", "é".repeat(40)));
        let rule = crate::rules::lookup(&"x".repeat(10_000_000)).unwrap_err().to_string();
        assert!(rule.starts_with(&format!("unknown rule `{}…`; the codes are J001-J005, ", "x".repeat(40))), "{rule}");
        let schema = crate::schema::lookup(&"y".repeat(10_000_000)).unwrap_err();
        assert!(schema.starts_with(&format!("no schema is called `{}…`; ", "y".repeat(40))), "{schema}");
    }
}
