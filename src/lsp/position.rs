//! Byte offsets ↔ LSP positions in the negotiated encoding (UTF-8 bytes or UTF-16 code units).
//! Total: any offset or position is clamped into the text, never a panic.

use lsp_types::{Position, Range};

/// How `Position.character` counts within a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Encoding {
    Utf8,
    #[default]
    Utf16,
}

/// Line starts of one text.
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
    encoding: Encoding,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str, encoding: Encoding) -> Self {
        let mut starts = vec![0];
        starts.extend(text.bytes().enumerate().filter(|&(_, b)| b == b'\n').map(|(i, _)| i + 1));
        Self { text, starts, encoding }
    }

    /// The position of a byte offset (clamped to the text and down to a character boundary).
    pub fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset).saturating_sub(1);
        let before = &self.text[self.starts[line]..offset];
        let character = match self.encoding {
            Encoding::Utf8 => before.len(),
            Encoding::Utf16 => before.encode_utf16().count(),
        };
        Position::new(to_u32(line), to_u32(character))
    }

    pub fn range(&self, span: &std::ops::Range<usize>) -> Range {
        Range::new(self.position(span.start), self.position(span.end.max(span.start)))
    }

    /// The byte offset of a position; past the end of a line means its end, past the last line
    /// the end of the text, and inside a character its start.
    pub fn offset(&self, position: Position) -> usize {
        let Some(&start) = self.starts.get(position.line as usize) else {
            return self.text.len();
        };
        let end = self.starts.get(position.line as usize + 1).map_or(self.text.len(), |&next| next - 1);
        let line = &self.text[start..end];
        let wanted = position.character as usize;
        let mut units = 0;
        for (i, c) in line.char_indices() {
            let width = match self.encoding {
                Encoding::Utf8 => c.len_utf8(),
                Encoding::Utf16 => c.len_utf16(),
            };
            if units + width > wanted {
                return start + i;
            }
            units += width;
        }
        end
    }

    /// The range covering the whole text.
    pub fn whole(&self) -> Range {
        Range::new(Position::new(0, 0), self.position(self.text.len()))
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_bytes_or_utf16_units() {
        let text = "{\r\n  \"é😀\": 1\n}";
        let one = text.find('1').unwrap();
        assert_eq!(LineIndex::new(text, Encoding::Utf8).position(one), Position::new(1, 12));
        assert_eq!(LineIndex::new(text, Encoding::Utf16).position(one), Position::new(1, 9));
        assert_eq!(LineIndex::new(text, Encoding::Utf16).position(text.len()), Position::new(2, 1));
    }

    #[test]
    fn never_panics_and_round_trips() {
        let text = "a\né😀b\n";
        for encoding in [Encoding::Utf8, Encoding::Utf16] {
            let index = LineIndex::new(text, encoding);
            for offset in 0..text.len() + 5 {
                let p = index.position(offset);
                let back = index.offset(p);
                assert!(text.is_char_boundary(back));
                if text.is_char_boundary(offset) {
                    assert_eq!(back, offset, "{encoding:?} {offset}");
                }
            }
            assert_eq!(index.offset(Position::new(9, 9)), text.len());
            assert_eq!(index.offset(Position::new(0, 99)), 1);
        }
        // Inside a surrogate pair: the start of the character.
        assert_eq!(LineIndex::new(text, Encoding::Utf16).offset(Position::new(1, 2)), 4);
        assert_eq!(LineIndex::new("", Encoding::Utf16).position(7), Position::new(0, 0));
    }
}
