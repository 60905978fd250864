//! Back/forward through jumps, as in a browser: a jump pushes the place left
//! behind; back moves it to the forward stack; a new jump clears forward.

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct History<P> {
    back: Vec<P>,
    forward: Vec<P>,
}

impl<P> Default for History<P> {
    fn default() -> Self {
        History {
            back: Vec::new(),
            forward: Vec::new(),
        }
    }
}

impl<P> History<P> {
    /// Records a jump away from `from`.
    pub fn jump(&mut self, from: P) {
        self.back.push(from);
        self.forward.clear();
    }

    /// The place to return to; `current` (if any) becomes the way forward.
    pub fn back(&mut self, current: Option<P>) -> Option<P> {
        let to = self.back.pop()?;
        self.forward.extend(current);
        Some(to)
    }

    pub fn forward(&mut self, current: Option<P>) -> Option<P> {
        let to = self.forward.pop()?;
        self.back.extend(current);
        Some(to)
    }

    pub fn depth(&self) -> (usize, usize) {
        (self.back.len(), self.forward.len())
    }

    /// Maps every place (to another timeline's), leaving out those that
    /// map to nothing.
    pub fn remap(&mut self, mut f: impl FnMut(&P) -> Option<P>) {
        self.back = self.back.iter().filter_map(&mut f).collect();
        self.forward = self.forward.iter().filter_map(&mut f).collect();
    }

    /// Every place in the history (for consistency checks).
    pub fn places(&self) -> impl Iterator<Item = &P> + '_ {
        self.back.iter().chain(&self.forward)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn behaves_like_a_browser() {
        let mut h = History::default();
        h.jump(1); // 1 -> 2
        h.jump(2); // 2 -> 3
        assert_eq!(h.back(Some(3)), Some(2));
        assert_eq!(h.back(Some(2)), Some(1));
        assert_eq!(h.back(Some(1)), None);
        assert_eq!(h.forward(Some(1)), Some(2));
        assert_eq!(h.depth(), (1, 1));
        h.jump(2); // a new jump clears forward
        assert_eq!(h.depth(), (2, 0));
        assert_eq!(h.forward(Some(5)), None);
        assert_eq!(h.back(None), Some(2), "back works from an empty list");
        assert_eq!(h.depth(), (1, 0));
    }

    #[test]
    fn remap_keeps_the_order_and_leaves_out_what_maps_to_nothing() {
        let mut h = History::default();
        for place in [1, 2, 3, 4] {
            h.jump(place);
        }
        assert_eq!(h.back(Some(5)), Some(4));
        h.remap(|&p| (p != 2).then_some(p * 10));
        assert_eq!(h.depth(), (2, 1));
        assert_eq!(h.places().copied().collect::<Vec<_>>(), [10, 30, 50]);
    }
}
