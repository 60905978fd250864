//! Back/forward through jumps, as in a browser: a jump pushes the place left
//! behind; back moves it to the forward stack; a new jump clears forward.

use crate::model::EventIx;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct History {
    back: Vec<EventIx>,
    forward: Vec<EventIx>,
}

impl History {
    /// Records a jump away from `from`.
    pub fn jump(&mut self, from: EventIx) {
        self.back.push(from);
        self.forward.clear();
    }

    /// The place to return to, given the current one.
    pub fn back(&mut self, current: EventIx) -> Option<EventIx> {
        let to = self.back.pop()?;
        self.forward.push(current);
        Some(to)
    }

    pub fn forward(&mut self, current: EventIx) -> Option<EventIx> {
        let to = self.forward.pop()?;
        self.back.push(current);
        Some(to)
    }

    pub fn depth(&self) -> (usize, usize) {
        (self.back.len(), self.forward.len())
    }

    /// Every event named in the history (for consistency checks).
    pub fn places(&self) -> impl Iterator<Item = EventIx> + '_ {
        self.back.iter().chain(&self.forward).copied()
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
        assert_eq!(h.back(3), Some(2));
        assert_eq!(h.back(2), Some(1));
        assert_eq!(h.back(1), None);
        assert_eq!(h.forward(1), Some(2));
        assert_eq!(h.depth(), (1, 1));
        h.jump(2); // a new jump clears forward
        assert_eq!(h.depth(), (2, 0));
        assert_eq!(h.forward(5), None);
    }
}
