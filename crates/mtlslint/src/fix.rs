//! Applies the fixes findings carry, keeping every byte they do not touch.

use crate::diagnostic::{Applicability, Diagnostic};
use crate::finding::{Finding, Fix};
use crate::{Linter, syntax};

/// Which fixes to apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FixMode {
    /// Only safe fixes: they keep what the server does with the body, or do what it would have done.
    Safe,
    /// Safe and unsafe fixes: unsafe ones change what the settings mean.
    Unsafe,
}

impl FixMode {
    fn allows(self, applicability: Applicability) -> bool {
        matches!((self, applicability), (FixMode::Unsafe, _) | (FixMode::Safe, Applicability::Safe))
    }
}

/// The outcome of fixing a body: the fixed text, and how many fixes were applied.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Fixed {
    /// The text with the fixes applied; the input itself when none applied.
    /// An input that is not UTF-8 is never fixed: its `text` holds U+FFFD in
    /// place of each invalid sequence, so write a file back only when
    /// `applied` is more than 0.
    pub text: String,
    /// How many fixes were applied.
    pub applied: usize,
    /// The findings left in `text`.
    pub remaining: Vec<Diagnostic>,
    /// What each round replaced, in the text before it: (start, end, length written).
    #[serde(skip)]
    rounds: Vec<Vec<(usize, usize, usize)>>,
}

impl Fixed {
    /// Where an offset of `text` stands in the source: text the fixes left
    /// alone keeps its place, and an offset in text a fix wrote goes to the
    /// start of what the fix replaced, or to its end for the `end` of a range.
    /// A range so placed covers what the fixes replaced.
    ///
    /// ```
    /// use mtlslint::{FixMode, Linter};
    /// let source = r#"{"hostnameVerifierType": "noop", "keyStoreId": " "}"#;
    /// let fixed = Linter::default().fix_body(source.as_bytes(), FixMode::Safe);
    /// let blank = fixed.text.find(r#"" ""#).unwrap();
    /// assert_eq!(&source[fixed.source_offset(blank, false)..][..3], r#"" ""#);
    /// ```
    pub fn source_offset(&self, offset: usize, end: bool) -> usize {
        self.rounds.iter().rev().fold(offset, |offset, round| {
            let mut shift: isize = 0;
            for &(start, stop, written) in round {
                let new_start = start.saturating_add_signed(shift);
                let new_stop = new_start + written;
                let before = if end { offset <= new_start } else { offset < new_start };
                if before {
                    break;
                }
                if offset < new_stop || (end && offset == new_stop && written > 0) {
                    return if end { stop } else { start };
                }
                #[expect(clippy::cast_possible_wrap, reason = "texts are far shorter than isize::MAX")]
                {
                    shift += written as isize - (stop - start) as isize;
                }
            }
            offset.saturating_add_signed(-shift)
        })
    }
}

/// Rounds of lint-then-fix before giving up; fixes that touch one place
/// (T001 and T002 share an edit) need a round each.
const MAX_ROUNDS: usize = 10;

/// A replacement of `text[start..end]`.
type Replacement<'d> = (usize, usize, &'d str);

/// Applies the fixes `mode` allows, in text order; a fix whose edits overlap
/// one already taken is left for the next round. Returns the new text and
/// how many fixes it took. Placed [`Diagnostic`]s turn back into findings
/// with `Finding::from`.
///
/// ```
/// use mtlslint::{FixMode, Linter, apply_fixes};
/// let text = r#"{"supportedProtocolList": ["TLSv1.2"], "hostnameVerifierType": "noop"}"#;
/// let (fixed, applied) = apply_fixes(text, &Linter::default().lint_body(text.as_bytes()), FixMode::Safe);
/// assert_eq!((fixed.as_str(), applied), (r#"{"supportedProtocolList": ["TLS_1_2"], "hostnameVerifierType": "NOOP"}"#, 2));
/// ```
pub fn apply(text: &str, findings: &[Finding], mode: FixMode) -> (String, usize) {
    let (out, applied, _) = apply_in_rounds(text, findings, mode, &|_| true);
    (out, applied)
}

/// [`apply`] of the fixes `mode` allows that are `chosen`, with what it
/// replaced: (start, end, length written), in text order.
fn apply_in_rounds(
    text: &str,
    diagnostics: &[Finding],
    mode: FixMode,
    chosen: &dyn Fn(&Fix) -> bool,
) -> (String, usize, Vec<(usize, usize, usize)>) {
    // Taken edits in text order. They never overlap, so a new edit need only
    // be held against its neighbours; edits mostly come in text order, so
    // most land at the end.
    let mut taken: Vec<Replacement<'_>> = Vec::new();
    let mut applied = 0;
    for fix in diagnostics.iter().filter_map(|d| d.fix.as_ref()).filter(|f| mode.allows(f.applicability) && chosen(f)) {
        let edits: Vec<Replacement<'_>> =
            fix.edits.iter().map(|e| (e.span.start, e.span.end, e.content.as_ref())).collect();
        let fits = |&(start, end, _): &Replacement<'_>| {
            start <= end && end <= text.len() && text.is_char_boundary(start) && text.is_char_boundary(end)
        };
        let clashes = |edit: &Replacement<'_>| {
            let after = taken.partition_point(|&(s, e, _)| (s, e) <= (edit.0, usize::MAX));
            let before = after.checked_sub(1).map(|i| &taken[i]);
            let overlapping = taken[after..].iter().take_while(|&&(s, _, _)| s < edit.1);
            before.into_iter().chain(overlapping).any(|other| clash(edit, other))
        };
        // A fix built by hand (`Fix` is public) may hold edits that clash with each other (a fix has a few).
        let apart = edits.iter().enumerate().all(|(i, edit)| !edits[..i].iter().any(|other| clash(edit, other)));
        if apart && edits.iter().all(fits) && !edits.iter().any(clashes) {
            for edit in edits {
                let at = taken.partition_point(|&(s, e, _)| (s, e) <= (edit.0, edit.1));
                taken.insert(at, edit);
            }
            applied += 1;
        }
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for &(start, end, content) in &taken {
        out.push_str(&text[at..start]);
        out.push_str(content);
        at = end;
    }
    out.push_str(&text[at..]);
    (out, applied, taken.iter().map(|&(start, end, content)| (start, end, content.len())).collect())
}

/// How many bytes `fix` adds to the text (none when it shortens it).
fn growth(fix: &Fix) -> usize {
    let (written, replaced) = fix
        .edits
        .iter()
        .fold((0, 0), |(w, r), edit| (w + edit.content.len(), r + edit.span.end.saturating_sub(edit.span.start)));
    written.saturating_sub(replaced)
}

/// Whether two edits clash: they overlap, or insert at the same place.
fn clash(&(start, end, _): &Replacement<'_>, &(s, e, _): &Replacement<'_>) -> bool {
    (start < e && s < end) || (start == s && (start == end || s == e))
}

impl Linter {
    /// Lints `source`, applies the fixes `mode` allows, and repeats until no
    /// fix applies. A round whose result would no longer parse as JSON, or
    /// would pass the size or depth limit, where the text before it did not,
    /// is tried again with only the fixes that fit in the bytes left, and
    /// dropped if it still does not fit: fixes never break a body.
    ///
    /// ```
    /// use mtlslint::{FixMode, Linter};
    /// let fixed = Linter::default().fix_body(br#"{"supportedProtocolList": ["TLSv1.2"]}"#, FixMode::Safe);
    /// assert_eq!(fixed.text, r#"{"supportedProtocolList": ["TLS_1_2"]}"#);
    /// assert_eq!(fixed.applied, 1);
    /// ```
    pub fn fix_body(&self, source: &[u8], mode: FixMode) -> Fixed {
        // Not read (over the size limit) or not text: nothing to fix, and nothing parsed.
        let readable = source.len() <= self.options().limits.max_bytes;
        let (Ok(text), true) = (std::str::from_utf8(source), readable) else {
            return Fixed {
                text: String::from_utf8_lossy(source).into_owned(),
                applied: 0,
                remaining: crate::locate(&String::from_utf8_lossy(source), self.lint_body(source)),
                rounds: Vec::new(),
            };
        };
        let mut text = text.to_owned();
        let mut remaining = self.lint_body(text.as_bytes());
        // A round of fixes is kept only if the body stays JSON within the limits,
        // which a fix that lengthens or nests it could cross.
        let limits = self.options().limits;
        let fits = |text: &str| text.len() <= limits.max_bytes && syntax::parse(text, limits.max_depth).error.is_none();
        let (mut applied, mut fitted, mut rounds) = (0, fits(&text), Vec::new());
        for _ in 0..MAX_ROUNDS {
            let (mut next, mut count, mut replaced) = apply_in_rounds(&text, &remaining, mode, &|_| true);
            if count == 0 || next == text {
                break;
            }
            let mut next_fits = fits(&next);
            if fitted && !next_fits {
                // A fix that lengthens the body may be what crossed the size limit: the round is taken
                // again with those that fit in the bytes left, in text order.
                let room = std::cell::Cell::new(limits.max_bytes.saturating_sub(text.len()));
                let fits_in_room = |fix: &Fix| {
                    let grows = growth(fix);
                    let left = room.get().checked_sub(grows);
                    left.inspect(|&left| room.set(left)).is_some()
                };
                (next, count, replaced) = apply_in_rounds(&text, &remaining, mode, &fits_in_room);
                next_fits = fits(&next);
                if count == 0 || next == text || !next_fits {
                    break;
                }
            }
            (text, fitted) = (next, next_fits);
            applied += count;
            rounds.push(replaced);
            remaining = self.lint_body(text.as_bytes());
        }
        let remaining = crate::locate(&text, remaining);
        Fixed { text, applied, remaining, rounds }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixes_keep_untouched_text_and_settle() {
        let linter = Linter::default();
        // Not JSON (a comment): nothing is fixed, the text stays as it is.
        let commented = "{\n  // keep\n  \"supportedProtocolList\": [\"tls_1_3\"]\n}";
        assert_eq!(linter.fix_body(commented.as_bytes(), FixMode::Unsafe).text, commented);
        let body = "{\n  \"key_store_id\": \"ks\",\n  \"supportedProtocolList\": [\"tls_1_3\", \"TLSv1.2\"]\n}";
        let fixed = linter.fix_body(body.as_bytes(), FixMode::Safe);
        let expected = "{\n  \"key_store_id\": \"ks\",\n  \"supportedProtocolList\": [\"TLS_1_3\", \"TLS_1_2\"]\n}";
        assert_eq!((fixed.text.as_str(), fixed.applied), (expected, 2));
        // The rename changes which field the server reads: an unsafe fix.
        let more = linter.fix_body(fixed.text.as_bytes(), FixMode::Unsafe);
        assert!(more.text.contains("\"keyStoreId\": \"ks\""), "{}", more.text);
        assert_eq!(linter.fix_body(more.text.as_bytes(), FixMode::Unsafe).applied, 0);
    }

    #[test]
    fn what_is_left_is_placed_in_the_source() {
        let placed = |source: &str, code: &str| {
            let fixed = Linter::default().fix_body(source.as_bytes(), FixMode::Safe);
            let found = fixed.remaining.iter().find(|d| d.code == code).expect(code);
            let (start, end) = (found.range.start.offset, found.range.end.offset);
            source[fixed.source_offset(start, false)..fixed.source_offset(end, true)].to_owned()
        };
        // The repeated item is removed; the legacy one after it is placed where it stands.
        let repeated = r#"{"enabled": false, "supportedProtocolList": ["TLS_1_2", "TLS_1_2", "TLS_1_0"]}"#;
        assert_eq!(placed(repeated, "T002"), r#""TLS_1_0""#);
        // On text a fix wrote (`true` for `"true"`), the range covers what it replaced.
        assert_eq!(placed(r#"{"enabled": "true", "keyStoreId": "k"}"#, "H001"), r#""true""#);
        // Text the fixes left alone keeps its place, before and after what they wrote.
        let both =
            r#"{"hostnameVerifierType": "noop", "keyStoreId": " ", "supportedProtocolList": ["tls_1_2", "SSL_3_0"]}"#;
        assert_eq!(placed(both, "S007"), r#"" ""#);
        assert_eq!(placed(both, "T001"), r#""SSL_3_0""#);
        // Over rounds: T001 and T002 share the legacy items' edit, so one waits a round.
        let rounds = r#"{"enabled": false, "supportedProtocolList": ["SSL_3_0", "tls_1_3", "TLS_1_0", "TLS_1_3"], "trustStoreId": " "}"#;
        let fixed = Linter::default().fix_body(rounds.as_bytes(), FixMode::Unsafe);
        assert!(fixed.rounds.len() > 1, "{fixed:?}");
        assert_eq!(placed(rounds, "S007"), r#"" ""#);
        // Text after every round's edits keeps its place.
        let at = fixed.text.find(r#""trustStoreId""#).unwrap();
        assert_eq!(fixed.source_offset(at, false), rounds.find(r#""trustStoreId""#).unwrap());
    }

    #[test]
    fn no_fix_takes_a_body_past_the_limits() {
        let limited = |max_bytes, max_depth| {
            let mut options = crate::Options::default();
            options.limits = crate::Limits { max_bytes, max_depth };
            Linter::new(options, crate::Context::default())
        };
        // S008's fix turns a string into a list: longer and one level deeper.
        let body = r#"{"supportedProtocolList": "TLSv1.2,TLSv1.3"}"#;
        for linter in [limited(body.len() + 1, 64), limited(1 << 20, 1)] {
            let fixed = linter.fix_body(body.as_bytes(), FixMode::Safe);
            assert_eq!((fixed.text.as_str(), fixed.applied), (body, 0));
            assert!(fixed.remaining.iter().all(|d| d.code != "J005"), "{:?}", fixed.remaining);
        }
        // With room, it applies.
        assert_eq!(limited(body.len() + 10, 2).fix_body(body.as_bytes(), FixMode::Safe).applied, 1);
        // A fix that keeps within the limits is taken though one beside it does not,
        // and a short one though a long one, which unsafe fixes add, does not fit.
        let body = r#"{"enabled": true, "keyStoreId": "k", "supportedProtocolList": "TLS_1_2"}"#;
        let fixed = limited(body.len() + 2, 64).fix_body(body.as_bytes(), FixMode::Unsafe);
        assert_eq!(fixed.text, r#"{"enabled": true, "keyStoreId": "k", "supportedProtocolList": ["TLS_1_2"]}"#);
        let body = r#"{"enabled": "false", "supportedProtocolList": "TLSv1.2,TLSv1.3"}"#;
        let fixed = limited(body.len() + 2, 64).fix_body(body.as_bytes(), FixMode::Safe);
        assert_eq!(fixed.text, r#"{"enabled": false, "supportedProtocolList": "TLSv1.2,TLSv1.3"}"#);
        assert_eq!(fixed.applied, 1);
        assert!(fixed.remaining.iter().any(|d| d.code == "S008" && d.fix.is_some()), "{:?}", fixed.remaining);
    }

    #[test]
    fn a_fix_whose_own_edits_clash_is_skipped_not_a_panic() {
        let text = r#"{"supportedProtocolList": ["TLSv1.2"]}"#;
        let diagnostics = Linter::default().lint_body(text.as_bytes());
        assert_eq!(apply(text, &diagnostics, FixMode::Safe).0, r#"{"supportedProtocolList": ["TLS_1_2"]}"#);
        let with_edits = |change: &dyn Fn(&mut Vec<crate::finding::Edit>)| {
            let mut diagnostics = diagnostics.clone();
            change(&mut diagnostics.iter_mut().find_map(|d| d.fix.as_mut()).unwrap().edits);
            apply(text, &diagnostics, FixMode::Safe)
        };
        // The same edit twice, an edit overlapping it, or two insertions at one place.
        let twice = |edits: &mut Vec<crate::finding::Edit>| edits.push(edits[0].clone());
        let overlapping = |edits: &mut Vec<crate::finding::Edit>| {
            let mut edit = edits[0].clone();
            edit.span.start -= 3;
            edits.push(edit);
        };
        let inserts = |edits: &mut Vec<crate::finding::Edit>| {
            edits[0].span.end = edits[0].span.start;
            edits.push(edits[0].clone());
        };
        for change in [&twice as &dyn Fn(&mut Vec<crate::finding::Edit>), &overlapping, &inserts] {
            assert_eq!(with_edits(change), (text.to_owned(), 0));
        }
        // Edits apart from each other, given out of order, apply.
        let apart = |edits: &mut Vec<crate::finding::Edit>| {
            let mut edit = edits[0].clone();
            (edit.span, edit.content) = (crate::Span::at(0), " ".into());
            edits.push(edit);
            edits.swap(0, 1);
        };
        assert_eq!(with_edits(&apart), (format!(" {}", text.replace("TLSv1.2", "TLS_1_2")), 1));
    }
}
