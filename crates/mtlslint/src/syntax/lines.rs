use crate::diagnostic::Position;

/// Maps byte offsets to lines and columns. Built only when a diagnostic needs it.
#[derive(Debug)]
pub(crate) struct LineIndex<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.bytes().enumerate().filter(|&(_, b)| b == b'\n').map(|(i, _)| i + 1));
        Self { text, line_starts }
    }

    /// Offsets past the end or inside a character are clamped to the nearest boundary before them.
    pub(crate) fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_starts.partition_point(|&start| start <= offset);
        let before = &self.text[self.line_starts[line - 1]..offset];
        Position { line, column: before.chars().count() + 1, offset, utf16_column: before.encode_utf16().count() + 1 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_chars_and_utf16_units() {
        let index = LineIndex::new("{\n  \"é😀\": 1\n}");
        let one = index.position(14);
        assert_eq!((one.line, one.column, one.utf16_column), (2, 9, 10));
        assert_eq!(index.position(0).column, 1);
        assert_eq!(index.position(999).line, 3);
    }
}
