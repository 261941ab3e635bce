//! Struck-through text (`~~…~~`): the stretches of a line it covers, found as the line is
//! set, and the line drawn through each, an artifact (the text's `Span` says it is struck
//! for readers of the structure, see [`super::parts`]).

use super::model::{Item, Mark, Rgb, Tag};
use super::text::{Line, Style};

/// A line through struck text: `x` and `w` along the line, and the line's top `y` and
/// thickness `h` from the baseline (negative up), at the strikeout position of a face of
/// the text's size, in its colour.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Strike {
    /// Start along the line.
    pub x: f32,
    /// Length.
    pub w: f32,
    /// Top, from the baseline (negative up).
    pub y: f32,
    /// Thickness.
    pub h: f32,
    /// Colour.
    pub color: Rgb,
}

impl Strike {
    /// The line through text of `style` from `x`, `w` long: Noto Sans's strikeout
    /// position and thickness (322 and 51 thousandths of the size).
    fn through(style: &Style, x: f32, w: f32) -> Strike {
        let h = style.size * 0.051;
        Strike {
            x,
            w,
            y: -style.rise - style.size * 0.322 - h / 2.0,
            h,
            color: style.color,
        }
    }
}

/// The struck stretches of a line as its atoms are set: each from a struck word's start
/// to the last struck word's end, the spaces between struck words included, none at either
/// end.
#[derive(Debug, Default)]
pub(super) struct Striking {
    /// Struck spaces since the last struck word.
    spaces: f32,
}

impl Striking {
    /// Takes the atom at `x`, `advance` wide (a space or not), set in `style`, into
    /// `strikes`.
    pub(super) fn atom(
        &mut self,
        strikes: &mut Vec<Strike>,
        style: &Style,
        (space, x, advance): (bool, f32, f32),
    ) {
        if !style.strike {
            self.spaces = 0.0;
        } else if space {
            self.spaces += advance;
        } else {
            let through = Strike::through(style, x, advance);
            match strikes.last_mut() {
                Some(s)
                    if (s.x + s.w + self.spaces - x).abs() < 0.01
                        && (s.y, s.h, s.color) == (through.y, through.h, through.color) =>
                {
                    s.w += self.spaces + advance;
                }
                _ => strikes.push(through),
            }
            self.spaces = 0.0;
        }
    }
}

/// The lines through the struck text of `line`, set at `x` on `baseline`: artifacts, the
/// text's `Span` saying it is struck for readers of the structure.
pub(crate) fn items(line: &Line, x: f32, baseline: f32) -> impl Iterator<Item = Item> + '_ {
    line.strikes.iter().map(move |s| Item {
        tag: Tag::Artifact,
        mark: Mark::Rect {
            x: x + s.x,
            y: baseline + s.y,
            w: s.w,
            h: s.h,
            fill: Some(s.color),
            stroke: None,
        },
    })
}
