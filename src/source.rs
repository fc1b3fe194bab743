//! Source text and byte-offset → line/column conversion (1-based, columns in characters).

use std::ops::Range;

/// Line starts of a text, built once per file that has diagnostics.
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

/// A 1-based line and column; columns count Unicode scalar values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, serde::Serialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.bytes().enumerate().filter(|&(_, b)| b == b'\n').map(|(i, _)| i + 1));
        Self { text, starts }
    }

    pub fn position(&self, offset: usize) -> Position {
        let offset = floor_char_boundary(self.text, offset.min(self.text.len()));
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let column = self.text[self.starts[line]..offset].chars().count() + 1;
        Position { line: line + 1, column }
    }

    pub fn range(&self, span: &Range<usize>) -> (Position, Position) {
        (self.position(span.start), self.position(span.end))
    }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_one_based_and_count_characters() {
        let text = "{\r\n  \"é\": 1\n}";
        let index = LineIndex::new(text);
        assert_eq!(index.position(0), Position { line: 1, column: 1 });
        let one = text.find('1').unwrap();
        assert_eq!(index.position(one), Position { line: 2, column: 8 });
        assert_eq!(index.position(text.len()), Position { line: 3, column: 2 });
    }
}
