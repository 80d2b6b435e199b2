use crate::diagnostic::Position;

const START: Position = Position { line: 1, column: 1, offset: 0, utf16_column: 1 };

/// Turns byte offsets into positions. In ASCII text (nearly every body) every
/// byte is a character and a column, so a position is its line, found among
/// the line breaks listed once, and its distance from the line's start. Other
/// text is walked forward, so that positions asked for in text order cost one
/// pass. Offsets past the end or inside a character move back to a boundary.
pub(crate) struct Cursor<'a> {
    text: &'a str,
    /// The offsets of the line breaks, when the text is ASCII.
    ascii_breaks: Option<Vec<usize>>,
    at: Position,
}

impl<'a> Cursor<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        let ascii_breaks = text.is_ascii().then(|| memchr::memchr_iter(b'\n', text.as_bytes()).collect());
        Self { text, ascii_breaks, at: START }
    }

    /// The position of `offset`, moving the cursor there. Offsets asked for in
    /// ascending order cost one pass; one behind the cursor restarts the walk.
    pub(crate) fn position(&mut self, offset: usize) -> Position {
        if let Some(breaks) = &self.ascii_breaks {
            return ascii_position(breaks, offset.min(self.text.len()));
        }
        let from = if offset < self.at.offset { START } else { self.at };
        self.at = self.walk(from, offset);
        self.at
    }

    /// The position of `offset`, walking from `from` (a position at or before
    /// it, such as the start of the same span) and leaving the cursor alone.
    pub(crate) fn after(&self, from: Position, offset: usize) -> Position {
        if let Some(breaks) = &self.ascii_breaks {
            return ascii_position(breaks, offset.min(self.text.len()));
        }
        self.walk(if offset < from.offset { START } else { from }, offset)
    }

    fn walk(&self, from: Position, offset: usize) -> Position {
        let mut target = offset.min(self.text.len());
        while !self.text.is_char_boundary(target) {
            target -= 1;
        }
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

/// The position of `offset` in ASCII text whose line breaks are at `breaks`.
fn ascii_position(breaks: &[usize], offset: usize) -> Position {
    let line = breaks.partition_point(|&at| at < offset);
    let line_start = if line == 0 { 0 } else { breaks[line - 1] + 1 };
    let column = offset - line_start + 1;
    Position { line: line + 1, column, offset, utf16_column: column }
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
    fn ascii_lookup_agrees_with_the_walk() {
        let text = "{\r\n  \"a\": 1,\n\n\"b\": [\n]}\n";
        let cursor = Cursor::new(text);
        assert!(cursor.ascii_breaks.is_some());
        for offset in 0..text.len() + 3 {
            assert_eq!(cursor.after(START, offset), cursor.walk(START, offset), "offset {offset}");
        }
    }
}
