"""Renders a terminal capture (tmux capture-pane -e) to a PNG.

Reads text with SGR escape sequences (colours, bold, dim, italic, underline,
reverse), draws each cell with DejaVu Sans Mono on a dark background, and
writes the picture. Usage: ansi_to_png.py CAPTURE.ansi OUT.png COLUMNS ROWS
"""

import re
import sys
import unicodedata

from PIL import Image, ImageDraw, ImageFont

FONT_DIR = "/usr/share/fonts/truetype/dejavu/"
SIZE = 15
BG = (30, 30, 36)
FG = (220, 220, 215)
PALETTE = [
    (40, 40, 48), (224, 108, 117), (152, 195, 121), (229, 192, 123),
    (97, 175, 239), (198, 120, 221), (86, 182, 194), (200, 200, 195),
    (110, 110, 125), (240, 130, 140), (175, 215, 145), (240, 210, 150),
    (130, 195, 250), (215, 150, 235), (120, 205, 215), (255, 255, 255),
]


def xterm256(n):
    if n < 16:
        return PALETTE[n]
    if n < 232:
        n -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return (steps[n // 36], steps[(n // 6) % 6], steps[n % 6])
    level = 8 + (n - 232) * 10
    return (level, level, level)


class Style:
    def __init__(self):
        self.reset()

    def reset(self):
        self.fg = None
        self.bg = None
        self.bold = self.dim = self.italic = self.underline = self.reverse = False

    def apply(self, params):
        codes = [int(p) if p else 0 for p in params.split(";")] if params else [0]
        i = 0
        while i < len(codes):
            c = codes[i]
            if c == 0:
                self.reset()
            elif c == 1:
                self.bold = True
            elif c == 2:
                self.dim = True
            elif c == 3:
                self.italic = True
            elif c == 4:
                self.underline = True
            elif c == 7:
                self.reverse = True
            elif c == 22:
                self.bold = self.dim = False
            elif c == 23:
                self.italic = False
            elif c == 24:
                self.underline = False
            elif c == 27:
                self.reverse = False
            elif 30 <= c <= 37:
                self.fg = PALETTE[c - 30]
            elif 90 <= c <= 97:
                self.fg = PALETTE[c - 90 + 8]
            elif c == 39:
                self.fg = None
            elif 40 <= c <= 47:
                self.bg = PALETTE[c - 40]
            elif 100 <= c <= 107:
                self.bg = PALETTE[c - 100 + 8]
            elif c == 49:
                self.bg = None
            elif c in (38, 48) and i + 1 < len(codes):
                if codes[i + 1] == 5 and i + 2 < len(codes):
                    colour = xterm256(codes[i + 2])
                    i += 2
                elif codes[i + 1] == 2 and i + 4 < len(codes):
                    colour = tuple(codes[i + 2:i + 5])
                    i += 4
                else:
                    colour = None
                if c == 38:
                    self.fg = colour
                else:
                    self.bg = colour
            i += 1

    def colours(self):
        fg = self.fg or FG
        bg = self.bg or BG
        if self.dim:
            fg = tuple((a + b) // 2 for a, b in zip(fg, bg))
        if self.reverse:
            fg, bg = bg, fg
        return fg, bg


def main():
    capture, out, cols, rows = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    fonts = {
        (False, False): ImageFont.truetype(FONT_DIR + "DejaVuSansMono.ttf", SIZE),
        (True, False): ImageFont.truetype(FONT_DIR + "DejaVuSansMono-Bold.ttf", SIZE),
        (False, True): ImageFont.truetype(FONT_DIR + "DejaVuSansMono-Oblique.ttf", SIZE),
        (True, True): ImageFont.truetype(FONT_DIR + "DejaVuSansMono-BoldOblique.ttf", SIZE),
    }
    cell_w = round(fonts[(False, False)].getlength("M"))
    cell_h = SIZE + 5
    pad = 12
    image = Image.new("RGB", (cols * cell_w + 2 * pad, rows * cell_h + 2 * pad), BG)
    draw = ImageDraw.Draw(image)
    style = Style()
    text = open(capture, encoding="utf-8", errors="replace").read()
    token = re.compile(r"\x1b\[([0-9;]*)m|\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Za-z0-9]|([^\x1b])", re.S)
    x = y = 0
    for m in token.finditer(text):
        if m.group(1) is not None:
            style.apply(m.group(1))
            continue
        ch = m.group(2)
        if ch is None:
            continue
        if ch == "\n":
            x, y = 0, y + 1
            continue
        if y >= rows:
            break
        width = 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
        if unicodedata.combining(ch):
            width = 0
        fg, bg = style.colours()
        left, top = pad + x * cell_w, pad + y * cell_h
        if width:
            draw.rectangle([left, top, left + width * cell_w - 1, top + cell_h - 1], fill=bg)
        font = fonts[(style.bold, style.italic)]
        if ch in "─│┌┐└┘├┤┬┴┼╭╮╯╰━┃┏┓┗┛═║╔╗╚╝" or "\u2500" <= ch <= "\u257f":
            draw_box(draw, ch, left, top, cell_w, cell_h, fg)
        elif ch != " ":
            draw.text((left, top + 2), ch, font=font, fill=fg)
        if style.underline and width:
            draw.line([left, top + cell_h - 3, left + width * cell_w - 1, top + cell_h - 3], fill=fg)
        x += width
    image.save(out)


def draw_box(draw, ch, left, top, w, h, fg):
    """Draws box-drawing characters as lines so borders join up exactly."""
    name = unicodedata.name(ch, "")
    heavy = "HEAVY" in name
    double = "DOUBLE" in name
    width = 2 if heavy else 1
    cx, cy = left + w // 2, top + h // 2
    right, bottom = left + w - 1, top + h - 1
    parts = {
        "─": "lr", "━": "lr", "═": "lr", "│": "ud", "┃": "ud", "║": "ud",
        "┌": "rd", "┏": "rd", "╔": "rd", "╭": "rd", "┐": "ld", "┓": "ld", "╗": "ld", "╮": "ld",
        "└": "ru", "┗": "ru", "╚": "ru", "╰": "ru", "┘": "lu", "┛": "lu", "╝": "lu", "╯": "lu",
        "├": "udr", "┤": "udl", "┬": "lrd", "┴": "lru", "┼": "lrud",
    }.get(ch)
    if parts is None:
        draw.text((left, top + 2), ch, fill=fg)
        return
    offsets = [-2, 2] if double else [0]
    for o in offsets:
        if "l" in parts:
            draw.line([left, cy + o, cx, cy + o], fill=fg, width=width)
        if "r" in parts:
            draw.line([cx, cy + o, right, cy + o], fill=fg, width=width)
        if "u" in parts:
            draw.line([cx + o, top, cx + o, cy], fill=fg, width=width)
        if "d" in parts:
            draw.line([cx + o, cy, cx + o, bottom], fill=fg, width=width)


if __name__ == "__main__":
    main()
