use crate::diagnostic::Position;

const START: Position = Position { line: 1, column: 1, offset: 0, utf16_column: 1 };

/// Turns byte offsets into positions by walking the text forward, so that
/// positions asked for in text order cost one pass and no allocation. (Listing
/// the line breaks up front to look lines up measured no faster: a body has
/// few findings, and the list costs an allocation.) Offsets past the end or inside
/// a character move back to a boundary. A byte order mark takes no column, as
/// editors do not show it: the character after it is in column 1.
pub(crate) struct Cursor<'a> {
    text: &'a str,
    start: Position,
    at: Position,
}

impl<'a> Cursor<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        let start = Position { offset: super::bom_len(text), ..START };
        Self { text, start, at: start }
    }

    /// The position of `offset`, moving the cursor there. Offsets asked for in
    /// ascending order cost one pass; one behind the cursor restarts the walk.
    pub(crate) fn position(&mut self, offset: usize) -> Position {
        let from = if offset < self.at.offset { self.start } else { self.at };
        self.at = self.walk(from, offset);
        self.at
    }

    /// The position of `offset`, walking from `from` (a position at or before
    /// it, such as the start of the same span) and leaving the cursor alone.
    pub(crate) fn after(&self, from: Position, offset: usize) -> Position {
        self.walk(if offset < from.offset { self.start } else { from }, offset)
    }

    fn walk(&self, from: Position, offset: usize) -> Position {
        let mut target = offset.min(self.text.len());
        while !self.text.is_char_boundary(target) {
            target -= 1;
        }
        if target < self.start.offset {
            return Position { offset: target, ..START };
        }
        // A walk from inside the byte order mark starts after it.
        let from = if from.offset < self.start.offset { self.start } else { from };
        let Position { mut line, mut column, mut utf16_column, .. } = from;
        let mut rest = &self.text.as_bytes()[from.offset.min(target)..target];
        // Most walks span a few bytes, where plain loops beat setting up vector searches.
        let short = rest.len() < 64;
        let last = if short { rest.iter().rposition(|&b| b == b'\n') } else { memchr::memrchr(b'\n', rest) };
        if let Some(last) = last {
            let before = &rest[..last];
            let breaks = if short {
                before.iter().filter(|&&b| b == b'\n').count()
            } else {
                memchr::memchr_iter(b'\n', before).count()
            };
            line += breaks + 1;
            (column, utf16_column) = (1, 1);
            rest = &rest[last + 1..];
        }
        if rest.is_ascii() {
            column += rest.len();
            utf16_column += rest.len();
        } else {
            // Count first bytes of characters; four-byte characters take two UTF-16 units.
            for &byte in rest.iter().filter(|&&byte| byte & 0xC0 != 0x80) {
                column += 1;
                utf16_column += if byte >= 0xF0 { 2 } else { 1 };
            }
        }
        Position { line, column, offset: target, utf16_column }
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
        let end = cursor.after(one, text.len());
        assert_eq!((end.line, end.column), (3, 2));
        assert_eq!(cursor.after(one, 0), start);
    }

    #[test]
    fn a_byte_order_mark_takes_no_column() {
        let text = "\u{feff}{\"a\": 1}";
        let mut cursor = Cursor::new(text);
        assert_eq!(cursor.position(4), Position { line: 1, column: 2, offset: 4, utf16_column: 2 });
        assert_eq!(cursor.position(0), Position { line: 1, column: 1, offset: 0, utf16_column: 1 });
        assert_eq!(cursor.position(3), Position { line: 1, column: 1, offset: 3, utf16_column: 1 });
        let start = cursor.position(0);
        assert_eq!(cursor.after(start, 9), Position { line: 1, column: 7, offset: 9, utf16_column: 7 });
    }

    #[test]
    fn a_walk_from_any_earlier_position_agrees_with_one_from_the_start() {
        let text = "{\r\n  \"a\": 1,\n\n\"é\": [\n\"😀\"]}\n";
        let cursor = Cursor::new(text);
        for from in (0..=text.len()).filter(|&at| text.is_char_boundary(at)) {
            let from = cursor.after(START, from);
            for offset in from.offset..text.len() + 3 {
                assert_eq!(cursor.after(from, offset), cursor.after(START, offset), "{from:?} to {offset}");
            }
        }
    }
}
