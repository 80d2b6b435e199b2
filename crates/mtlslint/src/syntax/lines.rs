use crate::diagnostic::Position;

/// Turns byte offsets into positions by walking the text forward from the
/// last offset asked for: offsets asked for in text order cost one pass over
/// the text and no allocation. An offset behind the cursor restarts the walk
/// from the start of the text. Offsets past the end or inside a character
/// move back to a boundary.
pub(crate) struct Cursor<'a> {
    text: &'a str,
    at: Position,
}

impl<'a> Cursor<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Self { text, at: Position { line: 1, column: 1, offset: 0, utf16_column: 1 } }
    }

    pub(crate) fn position(&mut self, offset: usize) -> Position {
        let mut target = offset.min(self.text.len());
        while !self.text.is_char_boundary(target) {
            target -= 1;
        }
        if target < self.at.offset {
            self.at = Position { line: 1, column: 1, offset: 0, utf16_column: 1 };
        }
        let Position { mut line, mut column, mut utf16_column, .. } = self.at;
        for &byte in &self.text.as_bytes()[self.at.offset..target] {
            if byte == b'\n' {
                (line, column, utf16_column) = (line + 1, 1, 1);
            } else if byte & 0xC0 != 0x80 {
                // The first byte of a character; four-byte characters take two UTF-16 units.
                column += 1;
                utf16_column += if byte >= 0xF0 { 2 } else { 1 };
            }
        }
        self.at = Position { line, column, offset: target, utf16_column };
        self.at
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_chars_and_utf16_units() {
        let text = "{\n  \"é😀\": 1\n}";
        let mut cursor = Cursor::new(text);
        let one = cursor.position(14);
        assert_eq!((one.line, one.column, one.utf16_column), (2, 9, 10));
        let past = cursor.position(999);
        assert_eq!((past.line, past.offset), (3, text.len()));
        let start = cursor.position(0);
        assert_eq!((start.line, start.column), (1, 1));
        assert_eq!(cursor.position(6), Position { line: 2, column: 4, offset: 5, utf16_column: 4 });
    }
}
