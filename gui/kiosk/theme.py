"""The booth's look: the colours of its dark stage, its palette, pixel-sized fonts and the style
sheet of its buttons, PIN pad and banner — shared by every kiosk widget (gui/kiosk/)."""
from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette

BG, BG_LIFT = QColor("#060912"), QColor("#14223f")
PAPER = QColor("#0e1526")
TEXT, MUTED, FAINT = QColor("#f1f5f9"), QColor("#94a3b8"), QColor("#334155")
ACCENT, GLOW, UNSURE = QColor("#60a5fa"), QColor("#38bdf8"), QColor("#fb923c")
RIGHT = QColor("#22c55e")
TRACK = QColor("#111a2e")


def booth_palette() -> QPalette:
    """A dark, stage-like palette: light ink on deep blue-black."""
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, colour in ((roles.Window, BG), (roles.WindowText, TEXT), (roles.Base, PAPER),
                         (roles.AlternateBase, TRACK), (roles.Text, TEXT), (roles.Button, QColor("#1e293b")),
                         (roles.ButtonText, TEXT), (roles.Highlight, QColor("#3b82f6")),
                         (roles.HighlightedText, QColor("#ffffff")), (roles.ToolTipBase, TRACK),
                         (roles.ToolTipText, TEXT), (roles.PlaceholderText, MUTED), (roles.Mid, FAINT),
                         (roles.Dark, QColor("#020409")), (roles.Light, QColor("#475569"))):
        palette.setColor(role, colour)
    return palette


def booth_font(pixels: float, bold: bool = False, weight: QFont.Weight | None = None) -> QFont:
    """A font ``pixels`` high (at least 8), bold or of the given weight."""
    font = QFont()
    font.setPixelSize(max(8, round(pixels)))
    if weight is not None:
        font.setWeight(weight)
    elif bold:
        font.setBold(True)
    return font


def with_alpha(colour: QColor, alpha: float) -> QColor:
    """``colour`` with its opacity set to ``alpha`` (clamped to 0..1)."""
    c = QColor(colour)
    c.setAlphaF(max(0.0, min(1.0, alpha)))
    return c


# the buttons, the language and mode switches, the PIN pad and the attract banner (by object name)
STYLE_SHEET = """
QPushButton { color: #f8fafc; border-radius: 22px; padding: 8px 24px; }
QPushButton#clear { background: qlineargradient(x1:0, y1:0, x2:0, y2:1, stop:0 #24324a, stop:1 #141c2c);
                    border: 2px solid #3b4d6b; }
QPushButton#clear:pressed { background: #3b4d6b; }
QPushButton#yes { background: #0f3d24; border: 3px solid #22c55e; color: #dcfce7; }
QPushButton#yes:pressed { background: #166534; }
QPushButton#no { background: #4a0d1c; border: 3px solid #f43f5e; color: #ffe4e6; }
QPushButton#no:pressed { background: #881337; }
QPushButton#digit { background: #1e293b; border: 2px solid #38bdf8; border-radius: 14px; color: #e0f2fe;
                    padding: 0px; }
QPushButton#digit:pressed { background: #0c4a6e; }
QPushButton#pinkey { background: #1e293b; border: 2px solid #334155; border-radius: 18px; }
QPushButton#pinkey:pressed { background: #334155; }
QWidget#languages, QWidget#modes { background: #0c1424; border: 2px solid #1e3a5f; border-radius: 20px; }
QPushButton#language, QPushButton#mode { background: transparent; border: none; border-radius: 16px;
                                         color: #94a3b8; padding: 0px; }
QPushButton#language:checked { background: #2563eb; color: #ffffff; }
QPushButton#mode:checked { background: #0e7490; color: #ffffff; }
QPushButton#language:pressed, QPushButton#mode:pressed { background: #1e3a8a; }
QWidget#pinpanel { background: #0c1424; border: 2px solid #1e3a5f; border-radius: 28px; }
QWidget#pinpanel QLabel { color: #f1f5f9; background: transparent; border: none; }
QLabel#banner { background: rgba(8, 13, 25, 215); color: #e0f2fe; border: 2px solid #38bdf8;
                border-radius: 18px; }
"""
