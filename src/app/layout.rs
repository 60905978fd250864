//! Where each pane goes for a terminal size. A pure function of the size, so
//! mouse handling in `update` and drawing agree without sharing state.

use super::action::Pane;

/// A rectangle of cells (the model's own type: the app core knows no ratatui).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Rect {
    pub x: u16,
    pub y: u16,
    pub width: u16,
    pub height: u16,
}

impl Rect {
    pub const fn new(x: u16, y: u16, width: u16, height: u16) -> Rect {
        Rect {
            x,
            y,
            width,
            height,
        }
    }
    pub fn contains(&self, column: u16, row: u16) -> bool {
        column >= self.x
            && row >= self.y
            && (column - self.x) < self.width
            && (row - self.y) < self.height
    }
}

/// Below this size the screen asks for a larger terminal.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;

/// From this width the chronology and the details stand side by side.
pub const WIDE: u16 = 100;
/// From this height (when wide) the three detail panes show at once; below
/// it one detail pane shows at a time, the one last focused.
pub const TALL: u16 = 30;

/// What besides the size decides the layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct View {
    /// The focused pane takes the whole body.
    pub zoom: bool,
    pub focus: Pane,
    /// The detail pane shown when only one fits (never the chronology).
    pub detail: Pane,
}

impl Default for View {
    fn default() -> Self {
        View {
            zoom: false,
            focus: Pane::Chronology,
            detail: Pane::Event,
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Areas {
    pub too_small: bool,
    /// One detail pane at a time (switch with Tab or 2 3 4).
    pub single_detail: bool,
    /// Everything above the status line: where the source view goes.
    pub body: Rect,
    pub chronology: Rect,
    pub event: Rect,
    pub actor: Rect,
    pub quotes: Rect,
    pub density: Rect,
    pub status: Rect,
    pub footer: Rect,
}

impl Areas {
    pub fn of(&self, pane: Pane) -> Rect {
        match pane {
            Pane::Chronology => self.chronology,
            Pane::Event => self.event,
            Pane::Actor => self.actor,
            Pane::Quotes => self.quotes,
        }
    }
    fn set(&mut self, pane: Pane, r: Rect) {
        match pane {
            Pane::Chronology => self.chronology = r,
            Pane::Event => self.event = r,
            Pane::Actor => self.actor = r,
            Pane::Quotes => self.quotes = r,
        }
    }
}

/// Where each pane goes. Panes not shown get an empty rectangle.
pub fn areas(full: Rect, view: View) -> Areas {
    if full.width < MIN_WIDTH || full.height < MIN_HEIGHT {
        return Areas {
            too_small: true,
            ..Areas::default()
        };
    }
    let (w, h) = (full.width, full.height);
    let body_h = h - 3;
    let mut a = Areas {
        footer: Rect::new(0, h - 1, w, 1),
        status: Rect::new(0, h - 2, w, 1),
        density: Rect::new(0, h - 3, w, 1),
        body: Rect::new(0, 0, w, h - 2),
        single_detail: w < WIDE || h < TALL,
        ..Areas::default()
    };
    if view.zoom {
        a.set(view.focus, Rect::new(0, 0, w, body_h));
        return a;
    }
    let detail = if view.detail == Pane::Chronology {
        Pane::Event
    } else {
        view.detail
    };
    // The chronology is the pane people read: it gets the larger share.
    if w >= WIDE && h >= TALL {
        // Chronology on the left; event, actor and quotes stacked on the right.
        let left = w * 58 / 100;
        let right = w - left;
        let event_h = body_h * 38 / 100;
        let actor_h = body_h * 32 / 100;
        let quotes_h = body_h - event_h - actor_h;
        a.chronology = Rect::new(0, 0, left, body_h);
        a.event = Rect::new(left, 0, right, event_h);
        a.actor = Rect::new(left, event_h, right, actor_h);
        a.quotes = Rect::new(left, event_h + actor_h, right, quotes_h);
    } else if w >= WIDE {
        // Short but wide: the chronology beside one detail pane.
        let left = w * 55 / 100;
        a.chronology = Rect::new(0, 0, left, body_h);
        a.set(detail, Rect::new(left, 0, w - left, body_h));
    } else {
        // Narrow: the chronology above one detail pane.
        let top = body_h.div_ceil(2);
        a.chronology = Rect::new(0, 0, w, top);
        a.set(detail, Rect::new(0, top, w, body_h - top));
    }
    a
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panes_tile_the_screen_without_overlap() {
        for (w, h) in [
            (120, 40),
            (80, 24),
            (40, 12),
            (300, 100),
            (99, 30),
            (120, 24),
        ] {
            for view in views() {
                let a = areas(Rect::new(0, 0, w, h), view);
                assert!(!a.too_small);
                let panes = [
                    a.chronology,
                    a.event,
                    a.actor,
                    a.quotes,
                    a.density,
                    a.status,
                    a.footer,
                ];
                let cells: u32 = panes.iter().map(|r| r.width as u32 * r.height as u32).sum();
                assert_eq!(cells, w as u32 * h as u32, "{w}x{h}");
                for p in panes {
                    assert!(p.x + p.width <= w && p.y + p.height <= h);
                }
                let shown = panes.iter().filter(|p| p.height > 0).count();
                if view.zoom {
                    assert_eq!(shown, 4, "one pane and the three bars at {w}x{h}");
                    assert_eq!(a.of(view.focus).width, w);
                }
                if a.single_detail && !view.zoom {
                    assert_eq!(shown, 5, "chronology, one detail pane, bars at {w}x{h}");
                    assert!(a.of(view.detail).height > 0);
                }
            }
        }
        assert!(areas(Rect::new(0, 0, 0, 0), View::default()).too_small);
        assert!(areas(Rect::new(0, 0, 1, 200), View::default()).too_small);
    }

    fn views() -> Vec<View> {
        let mut all = Vec::new();
        for zoom in [false, true] {
            for focus in Pane::ALL {
                for detail in [Pane::Event, Pane::Actor, Pane::Quotes] {
                    all.push(View {
                        zoom,
                        focus,
                        detail,
                    });
                }
            }
        }
        all
    }

    #[test]
    fn the_chronology_gets_the_larger_share() {
        for (w, h) in [(120, 40), (200, 50), (80, 24), (120, 24)] {
            let a = areas(Rect::new(0, 0, w, h), View::default());
            let c = a.chronology;
            assert!(
                c.width as u32 * c.height as u32 * 2 >= w as u32 * (h as u32 - 3),
                "{w}x{h}"
            );
        }
        // 80x24: one detail pane under a chronology of nine rows.
        let a = areas(Rect::new(0, 0, 80, 24), View::default());
        assert!(a.single_detail);
        assert_eq!(a.chronology.height - 2, 9);
        assert_eq!(a.actor.height, 0);
    }
}
