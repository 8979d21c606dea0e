//! 1-based line and column (in characters) of a byte offset, the way compilers print them.

pub struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    pub fn new(text: &'a str) -> Self {
        let starts = std::iter::once(0).chain(memchr_newlines(text)).collect();
        Lines { text, starts }
    }

    /// (line, column), both 1-based; the column counts characters.
    pub fn line_col(&self, byte: usize) -> (usize, usize) {
        let byte = byte.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= byte) - 1;
        let start = self.starts[line];
        let col = self.text.get(start..byte).map_or(byte - start, |s| s.chars().count());
        (line + 1, col + 1)
    }

    /// The byte offset of a 1-based line and character column (clamped to the line's end);
    /// `None` past the last line.
    pub fn offset(&self, line: usize, column: usize) -> Option<usize> {
        let start = *self.starts.get(line.checked_sub(1)?)?;
        let end = self.starts.get(line).map_or(self.text.len(), |&s| s - 1);
        let text = &self.text[start..end];
        Some(start + text.char_indices().nth(column.saturating_sub(1)).map_or(text.len(), |(i, _)| i))
    }

    /// The byte range of a 1-based line, without its line break.
    pub fn line_span(&self, line: usize) -> Option<std::ops::Range<usize>> {
        let start = *self.starts.get(line.checked_sub(1)?)?;
        let end = self.starts.get(line).map_or(self.text.len(), |&s| s - 1);
        Some(start..end)
    }
}

fn memchr_newlines(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.bytes().enumerate().filter(|(_, b)| *b == b'\n').map(|(i, _)| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters() {
        let text = "“Привет” 🎉 x\nsecond é y";
        let l = Lines::new(text);
        assert_eq!(l.line_col(0), (1, 1));
        assert_eq!(l.line_col(text.find('x').unwrap()), (1, 12));
        assert_eq!(l.line_col(text.find('y').unwrap()), (2, 10));
        assert_eq!(l.line_col(text.len()), (2, 11));
    }
}
