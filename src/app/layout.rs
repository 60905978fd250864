//! Where each pane goes for a terminal size. A pure function of the size, so
//! mouse handling in `update` and drawing agree without sharing state.

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

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Areas {
    pub too_small: bool,
    pub chronology: Rect,
    pub event: Rect,
    pub actor: Rect,
    pub quotes: Rect,
    pub density: Rect,
    pub status: Rect,
    pub footer: Rect,
}

pub fn areas(full: Rect) -> Areas {
    if full.width < MIN_WIDTH || full.height < MIN_HEIGHT {
        return Areas {
            too_small: true,
            ..Areas::default()
        };
    }
    let (w, h) = (full.width, full.height);
    let footer = Rect::new(0, h - 1, w, 1);
    let status = Rect::new(0, h - 2, w, 1);
    let density = Rect::new(0, h - 3, w, 1);
    let body_h = h - 3;
    if w >= 100 {
        // Chronology on the left; event, actor and quotes stacked on the right.
        let left = w * 45 / 100;
        let right = w - left;
        let event_h = body_h * 40 / 100;
        let actor_h = body_h * 25 / 100;
        let quotes_h = body_h - event_h - actor_h;
        Areas {
            too_small: false,
            chronology: Rect::new(0, 0, left, body_h),
            event: Rect::new(left, 0, right, event_h),
            actor: Rect::new(left, event_h, right, actor_h),
            quotes: Rect::new(left, event_h + actor_h, right, quotes_h),
            density,
            status,
            footer,
        }
    } else {
        // Chronology above; event beside actor and quotes below it.
        let top = body_h * 40 / 100;
        let lower = body_h - top;
        let half = w / 2;
        let actor_h = lower / 2;
        Areas {
            too_small: false,
            chronology: Rect::new(0, 0, w, top),
            event: Rect::new(0, top, half, lower),
            actor: Rect::new(half, top, w - half, actor_h),
            quotes: Rect::new(half, top + actor_h, w - half, lower - actor_h),
            density,
            status,
            footer,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panes_tile_the_screen_without_overlap() {
        for (w, h) in [(120, 40), (80, 24), (40, 12), (300, 100), (99, 30)] {
            let a = areas(Rect::new(0, 0, w, h));
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
                assert!(p.height >= 1);
            }
        }
        assert!(areas(Rect::new(0, 0, 0, 0)).too_small);
        assert!(areas(Rect::new(0, 0, 1, 200)).too_small);
    }
}
