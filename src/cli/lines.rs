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
