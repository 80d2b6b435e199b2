//! Finds the name the author meant.

/// The candidate nearest to `word`: the same name in another case first,
/// then the same letters and digits with other separators (`key_store_id`),
/// then the smallest edit distance (transpositions count as one edit) within
/// a third of the word's length.
pub(crate) fn nearest<'c>(word: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<&'c str> {
    // One copy of the search serves every kind of candidate list (the wasm module keeps one, not a dozen).
    // A caller that runs it for every unknown key and holds a slice calls `nearest_in`, without the list.
    let candidates: Vec<&'c str> = candidates.into_iter().collect();
    nearest_in(word, &candidates)
}

/// [`nearest`] among candidates already in a slice (no list to collect).
pub(crate) fn nearest_in<'c>(word: &str, candidates: &[&'c str]) -> Option<&'c str> {
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
    let letters = Letters::of(word.chars().map(fold_case));
    // Written only for a candidate near enough to compute a distance to.
    let mut folded = String::new();
    let mut lower = String::new();
    // The nearest, and whether another candidate is as near.
    let mut best: Option<(usize, &str, bool)> = None;
    // Lengths further apart than the limit cannot be within it.
    for candidate in candidates.filter(|c| c.chars().count().abs_diff(length) <= limit) {
        // Most candidates of a word far from all of them go without computing a distance.
        if letters.apart(candidate) > limit {
            continue;
        }
        if folded.is_empty() {
            folded.extend(word.chars().map(fold_case));
        }
        let word = folded.as_str();
        lower.clear();
        lower.extend(candidate.chars().map(fold_case));
        let distance = strsim::osa_distance(word, &lower);
        match best {
            // A list may name one candidate twice (the same action in two grants).
            Some((d, kept, _)) if distance == d && kept != candidate => {
                // A letter typed for the digit it looks like (`TLS_1_O`) settles a tie.
                let kept_looks = lookalike(word).eq(lookalike(kept));
                let this_looks = lookalike(word).eq(lookalike(candidate));
                best = Some(match (kept_looks, this_looks) {
                    (true, false) => (d, kept, false),
                    (false, true) => (d, candidate, false),
                    _ => (d, kept, true),
                });
            }
            Some((d, ..)) if distance >= d => {}
            _ => best = Some((distance, candidate, false)),
        }
    }
    // Between equally near candidates there is no telling which was meant.
    best.filter(|&(distance, _, tied)| distance <= limit && !tied).map(|(_, candidate, _)| candidate)
}

/// How often each character comes in a word (case folded), counted in 64
/// buckets, and its length: what an edit distance is bounded by without
/// being computed.
struct Letters {
    counts: [i32; 64],
    length: usize,
}

impl Letters {
    fn of(folded: impl Iterator<Item = char>) -> Self {
        let (mut counts, mut length) = ([0; 64], 0);
        for c in folded {
            counts[u32::from(c) as usize % 64] += 1;
            length += 1;
        }
        Self { counts, length }
    }

    /// A lower bound of the edit distance between the word and `other`:
    /// each edit adds or takes away at most one character on either side
    /// (a transposition none), and characters sharing a bucket only hide
    /// differences. Of `other`'s characters, those the word lacks are
    /// `fewer`; the word's characters `other` lacks are what its greater
    /// length leaves over.
    fn apart(&self, other: &str) -> usize {
        let mut counts = self.counts;
        let (mut fewer, mut length) = (0, 0);
        for c in other.chars().map(fold_case) {
            let count = &mut counts[u32::from(c) as usize % 64];
            if *count <= 0 {
                fewer += 1;
            }
            *count -= 1;
            length += 1;
        }
        let more = (fewer + self.length).saturating_sub(length);
        more.max(fewer)
    }
}

/// A spelling lowercased with the letters that pass for digits read as them (`o` as `0`, `l` and `i` as `1`).
pub(crate) fn lookalike(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars().map(|c| match c.to_ascii_lowercase() {
        'o' => '0',
        'l' | 'i' => '1',
        c => c,
    })
}

/// `c` in lower case, for the scripts names are most often written in:
/// ASCII, Latin-1, Latin Extended-A, Greek (U+0386 to U+03CE) and Cyrillic (U+0400 to U+04FF). Other letters stay
/// as they are: the standard library's full tables would add 3 KB to the
/// compressed wasm module.
pub(crate) fn fold_case(c: char) -> char {
    let code = u32::from(c);
    let lower = match code {
        0x41..=0x5a | 0xc0..=0xd6 | 0xd8..=0xde | 0x391..=0x3a1 | 0x3a3..=0x3ab | 0x410..=0x42f => code + 0x20,
        0x400..=0x40f => code + 0x50,
        0x178 => 0xff,
        // Greek with tonos: `Ά` `Έ` `Ή` `Ί` `Ό` `Ύ` `Ώ`.
        0x386 => 0x3ac,
        0x388..=0x38a => code + 37,
        0x38c => 0x3cc,
        0x38e..=0x38f => code + 63,
        0x4c0 => 0x4cf,
        // Pairs, capital first: `Ā` `ā` ... `Ķ` `ķ`, `Ŋ` `ŋ` ... `Ž` `ž` (`İ`, `ı`, `ĸ` and `ŉ` break the
        // rhythm), and Cyrillic's `Ѡ` `ѡ` ... `ӿ` (`Ґ` `ґ`).
        0x100..=0x12f | 0x132..=0x137 | 0x14a..=0x177 | 0x460..=0x481 | 0x48a..=0x4bf | 0x4d0..=0x4ff
            if code % 2 == 0 =>
        {
            code + 1
        }
        0x139..=0x148 | 0x179..=0x17e | 0x4c1..=0x4ce if code % 2 == 1 => code + 1,
        _ => code,
    };
    char::from_u32(lower).unwrap_or(c)
}

/// Whether `a` and `b` differ only in case, as [`fold_case`] reads it.
pub(crate) fn same_but_case(a: &str, b: &str) -> bool {
    a.chars().map(fold_case).eq(b.chars().map(fold_case))
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
    fn the_letters_bound_never_passes_the_distance() {
        let words = [
            "",
            "a",
            "TLS_1_2",
            "TLSv1.2",
            "tls_1_3",
            "SSLv3",
            "NOOP",
            "NONE",
            "noop",
            "DEFAULT",
            "BROWSER_COMPAT",
            "keyStoreId",
            "keystoreid",
            "kyeStoreId",
            "Über-TS",
            "über-ts",
            "ÉÉé",
            "😀a",
            "ab",
            "ba",
            "abc",
            "cab",
            "aab",
            "abb",
            "@",
            "\u{80}",
            "A@a`",
        ];
        for a in words {
            let folded: String = a.chars().map(fold_case).collect();
            for b in words {
                let distance = strsim::osa_distance(&folded, &b.chars().map(fold_case).collect::<String>());
                assert!(Letters::of(folded.chars()).apart(b) <= distance, "{a} and {b}");
            }
        }
        // Far apart, the bound says so: `NONE` is two letters from `NOOP`.
        assert_eq!(Letters::of("none".chars()).apart("NOOP"), 2);
    }

    /// Letters that share a bucket (`!`, `a`, `A`, `á`), fold case across scripts, or take four bytes.
    const ALPHABET: &[char] = &['a', 'A', '!', 'b', 'á', 'Á', 'o', '0', '_', 'Σ', 'σ', 'Д', 'ā', 'İ', 'ı', '😀', 'K'];

    fn word() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::strategy::Strategy as _;
        proptest::collection::vec(proptest::sample::select(ALPHABET), 0..9).prop_map(String::from_iter)
    }

    proptest::proptest! {
        #[test]
        fn the_letters_bound_holds_for_any_words(a in word(), b in word()) {
            let folded: String = a.chars().map(fold_case).collect();
            let distance = strsim::osa_distance(&folded, &b.chars().map(fold_case).collect::<String>());
            proptest::prop_assert!(Letters::of(folded.chars()).apart(&b) <= distance);
        }
    }

    #[test]
    fn a_tie_is_settled_by_a_lookalike_digit_or_names_nothing() {
        let protocols = ["SSL_3_0", "TLS_1_0", "TLS_1_1", "TLS_1_2", "TLS_1_3"];
        assert_eq!(nearest("TLS_1_O", protocols), Some("TLS_1_0"));
        assert_eq!(nearest("TLS_1_l", protocols), Some("TLS_1_1"));
        assert_eq!(nearest("TLS_1_x", protocols), None);
        assert_eq!(nearest("TLS_1_4", protocols), None);
    }

    #[test]
    fn case_is_folded_in_the_scripts_names_are_written_in() {
        use super::{fold_case, same_but_case};
        for (upper, lower) in [('A', 'a'), ('É', 'é'), ('Ž', 'ž'), ('Ł', 'ł'), ('Ω', 'ω'), ('Ж', 'ж'), ('Ё', 'ё')]
        {
            assert_eq!((fold_case(upper), fold_case(lower)), (lower, lower), "{upper}");
        }
        // Neither `İ` nor `ı` is the other's case; `×` and `÷` are no letters.
        for c in ['İ', 'ı', '×', '÷', '1', '-', '😀'] {
            assert_eq!(fold_case(c), c);
        }
        assert!(same_but_case("Über-TS", "über-ts") && same_but_case("ZAŻÓŁĆ", "zażółć"));
        assert!(same_but_case("Άλφα-ks", "άλφα-ks") && same_but_case("Ґрунт", "ґрунт") && same_but_case("Ÿ", "ÿ"));
        // As the standard library lowers them, in each range it claims.
        for c in (0..0x180).chain(0x386..=0x3ce).chain(0x400..0x500).filter_map(char::from_u32) {
            let mut lower = c.to_lowercase();
            if let (Some(one), None) = (lower.next(), lower.next()) {
                assert_eq!(fold_case(c), one, "U+{:04X}", u32::from(c));
            }
        }
        assert!(!same_but_case("ts-1", "ts-2") && !same_but_case("ts", "ts-"));
        // A name in another case is nearest its listed spelling.
        assert_eq!(nearest("über-ts", ["Über-TS", "other"]), Some("Über-TS"));
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
