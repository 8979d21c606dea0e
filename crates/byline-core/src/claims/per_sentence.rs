//! Lists of items per sentence (the attributions of each sentence, the quotations it overlaps,
//! their spans), all in one vector: a document has thousands of sentences, most with no item,
//! and a vector per sentence cost an allocation to make and one to drop for each that has one.

/// Items grouped by sentence: sentence `i`'s are `items[starts[i]..starts[i + 1]]`, in the order
/// they were given.
pub(crate) struct PerSentence<T> {
    starts: Vec<u32>,
    items: Vec<T>,
}

impl<T: Copy + Default> PerSentence<T> {
    /// The items of `pairs` (sentence, item), each under its sentence (below `n`), in the order
    /// of `pairs` within a sentence. `pairs` is walked twice: once to count, once to place.
    pub(crate) fn new(n: usize, pairs: impl Iterator<Item = (usize, T)> + Clone) -> PerSentence<T> {
        let mut starts = vec![0u32; n + 1];
        for (i, _) in pairs.clone() {
            starts[i + 1] += 1;
        }
        for i in 0..n {
            starts[i + 1] += starts[i];
        }
        let mut next = starts.clone();
        let mut items = vec![T::default(); starts[n] as usize];
        for (i, t) in pairs {
            items[next[i] as usize] = t;
            next[i] += 1;
        }
        PerSentence { starts, items }
    }

    /// The same grouping of other items: `f` of each item.
    pub(crate) fn map<U>(&self, f: impl FnMut(&T) -> U) -> PerSentence<U> {
        PerSentence { starts: self.starts.clone(), items: self.items.iter().map(f).collect() }
    }
}

impl<T> PerSentence<T> {
    /// The items of sentence `i`.
    pub(crate) fn of(&self, i: usize) -> &[T] {
        &self.items[self.starts[i] as usize..self.starts[i + 1] as usize]
    }

    /// The items of sentence `i`, to change in place.
    pub(crate) fn of_mut(&mut self, i: usize) -> &mut [T] {
        &mut self.items[self.starts[i] as usize..self.starts[i + 1] as usize]
    }

    /// How many sentences there are.
    pub(crate) fn len(&self) -> usize {
        self.starts.len() - 1
    }
}

#[cfg(test)]
mod tests {
    use super::PerSentence;

    #[test]
    fn items_keep_their_order_within_a_sentence() {
        let p = PerSentence::new(4, [(2, 'a'), (0, 'b'), (2, 'c'), (3, 'd')].into_iter());
        assert_eq!(p.of(0), ['b']);
        assert!(p.of(1).is_empty());
        assert_eq!(p.of(2), ['a', 'c']);
        assert_eq!(p.of(3), ['d']);
        assert_eq!(p.len(), 4);
    }
}
