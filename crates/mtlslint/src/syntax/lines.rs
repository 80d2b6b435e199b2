use crate::diagnostic::Position;

/// Resolves many byte offsets to positions in one walk over the text:
/// linear in the text and the number of offsets, however long its lines.
/// Offsets past the end or inside a character move back to a boundary.
pub(crate) fn positions(text: &str, offsets: &[usize]) -> Vec<Position> {
    let mut order: Vec<(usize, usize)> = offsets.iter().enumerate().map(|(slot, &offset)| (offset, slot)).collect();
    order.sort_unstable();
    let mut resolved = vec![Position { line: 1, column: 1, offset: 0, utf16_column: 1 }; offsets.len()];
    let bytes = text.as_bytes();
    let (mut at, mut line, mut column, mut utf16_column) = (0, 1, 1, 1);
    for (offset, slot) in order {
        let mut target = offset.min(text.len());
        while !text.is_char_boundary(target) {
            target -= 1;
        }
        for &byte in &bytes[at.min(target)..target] {
            if byte == b'\n' {
                (line, column, utf16_column) = (line + 1, 1, 1);
            } else if byte & 0xC0 != 0x80 {
                // The first byte of a character; four-byte characters take two UTF-16 units.
                column += 1;
                utf16_column += if byte >= 0xF0 { 2 } else { 1 };
            }
        }
        at = at.max(target);
        resolved[slot] = Position { line, column, offset: target, utf16_column };
    }
    resolved
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_chars_and_utf16_units() {
        let text = "{\n  \"é😀\": 1\n}";
        let [one, start, past] = positions(text, &[14, 0, 999])[..] else { panic!() };
        assert_eq!((one.line, one.column, one.utf16_column), (2, 9, 10));
        assert_eq!((start.line, start.column), (1, 1));
        assert_eq!((past.line, past.offset), (3, text.len()));
        assert_eq!(positions(text, &[6]), [Position { line: 2, column: 4, offset: 5, utf16_column: 4 }]);
    }
}
