//! Chart geometry: where every bar, cell, axis, polygon and label of a report chart goes.
//!
//! [`layout`] turns a [`ChartView`] into a [`ChartLayout`]: plain numbers and strings in a fixed
//! SVG coordinate system [`WIDTH`] units wide (the height depends on the chart). The widget only
//! draws what is computed here, so the geometry is pure and tested natively, and the drawing
//! scales with the width of its container.
//!
//! Values are read on a 0–100 scale and clamped to it; a value that is unknown (or not a finite
//! number) is never drawn as if it were 0 without saying so: it carries a `missing` flag and the
//! widget shows a dash. No coordinate is ever NaN, whatever the input, including charts without
//! items.
//!
//! ```
//! use sextant_engine::chart::{layout, ChartLayout};
//! use sextant_engine::model::ChartType;
//! use sextant_engine::report::{ChartItemView, ChartView};
//!
//! let item = |label: &str, value: f64| ChartItemView {
//!     label: label.into(),
//!     value: Some(value),
//!     target: None,
//!     exempt: false,
//!     display: value.to_string(),
//! };
//! let view = ChartView {
//!     id: "speed".into(),
//!     kind: ChartType::Bars,
//!     title: "Speed".into(),
//!     description: None,
//!     group: None,
//!     rows: vec![],
//!     columns: vec![],
//!     formula: None,
//!     unit: None,
//!     value_label: None,
//!     target_label: None,
//!     items: vec![item("Delivery", 50.0), item("Response", 100.0)],
//! };
//! let ChartLayout::Bars(bars) = layout(&view) else { unreachable!() };
//! let widths: Vec<f64> = bars.bars.iter().map(|b| b.bar.unwrap().width).collect();
//! assert_eq!(widths[1], 2.0 * widths[0]);
//! ```

use std::f64::consts::PI;

use serde::Serialize;

use crate::model::ChartType;
use crate::report::{format_number, ChartItemView, ChartView};

/// The width of every chart's coordinate system. Charts are laid out for a narrow screen first;
/// the drawing scales up with its container.
pub const WIDTH: f64 = 320.0;

/// The font size of labels and values, in chart units.
pub const FONT: f64 = 12.0;

/// The font size of radar axis labels and heatmap column headers, in chart units.
pub const SMALL_FONT: f64 = 11.0;

/// The font size of the numbers in heatmap cells, in chart units.
pub const CELL_FONT: f64 = 13.0;

/// Bars: the length of a bar at 100. The rest of the width holds the value.
pub const TRACK: f64 = 264.0;

/// Bars: the thickness of a bar.
pub const BAR_HEIGHT: f64 = 18.0;

/// Heatmap: the height of a cell.
pub const CELL_HEIGHT: f64 = 34.0;

/// Radar: the largest radius of the 100 ring.
pub const RADIUS_MAX: f64 = 84.0;

/// Radar: the smallest radius of the 100 ring. The radius shrinks from [`RADIUS_MAX`] towards
/// this to make room for long labels beside the axes.
pub const RADIUS_MIN: f64 = 56.0;

/// Radar: the rings of the grid, as values 0–100.
pub const RINGS: [f64; 4] = [25.0, 50.0, 75.0, 100.0];

/// The margin around the drawing.
const PAD: f64 = 4.0;
/// The distance between two lines of a label, as a multiple of the font size.
const LEADING: f64 = 1.2;
/// The height above the baseline of a line of text, as a multiple of the font size.
const ASCENT: f64 = 0.8;
/// The depth below the baseline, as a multiple of the font size.
const DESCENT: f64 = 0.25;
/// How far below the vertical centre of a line its baseline lies, as a multiple of the font size.
const MIDLINE: f64 = 0.35;

/// Everything needed to draw one chart.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ChartLayout {
    /// Horizontal bars.
    Bars(BarsLayout),
    /// A grid of cells.
    Heatmap(HeatmapLayout),
    /// A radar (spider) chart.
    Radar(RadarLayout),
    /// A single amount.
    Estimate(EstimateLayout),
}

impl ChartLayout {
    /// The coordinate system of the drawing; `None` for an estimate, which is text only.
    pub fn view_box(&self) -> Option<ViewBox> {
        match self {
            ChartLayout::Bars(l) => Some(l.view_box),
            ChartLayout::Heatmap(l) => Some(l.view_box),
            ChartLayout::Radar(l) => Some(l.view_box),
            ChartLayout::Estimate(_) => None,
        }
    }
}

/// The coordinate system of a drawing: from (0, 0) to (`width`, `height`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ViewBox {
    /// Width in chart units (always [`WIDTH`]).
    pub width: f64,
    /// Height in chart units.
    pub height: f64,
}

impl ViewBox {
    /// The value of an SVG `viewBox` attribute, e.g. `"0 0 320 180"`.
    pub fn attr(&self) -> String {
        format!("0 0 {} {}", self.width, self.height)
    }
}

/// A point.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Point {
    /// Horizontal position.
    pub x: f64,
    /// Vertical position (down is positive).
    pub y: f64,
}

/// A rectangle.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Rect {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width, never negative.
    pub width: f64,
    /// Height, never negative.
    pub height: f64,
}

/// A straight line.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Line {
    /// Start, horizontal.
    pub x1: f64,
    /// Start, vertical.
    pub y1: f64,
    /// End, horizontal.
    pub x2: f64,
    /// End, vertical.
    pub y2: f64,
}

/// How a text is aligned on its `x`: the values of the SVG `text-anchor` attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Anchor {
    /// The text starts at `x` and runs to the right.
    Start,
    /// The text is centred on `x`.
    Middle,
    /// The text ends at `x`.
    End,
}

impl Anchor {
    /// The attribute value: `start`, `middle` or `end`.
    pub fn as_str(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// One line of a label, at its baseline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TextLine {
    /// The words on this line.
    pub text: String,
    /// Horizontal position, read with the block's anchor.
    pub x: f64,
    /// The baseline.
    pub y: f64,
}

/// A label, wrapped to the room it has.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TextBlock {
    /// The label in full, e.g. for a tooltip when it had to be shortened.
    pub full: String,
    /// The lines to draw.
    pub lines: Vec<TextLine>,
    /// How the lines are aligned on their `x`.
    pub anchor: Anchor,
    /// Font size in chart units.
    pub font_size: f64,
    /// Whether the label was shortened with an ellipsis to fit.
    pub truncated: bool,
}

/// A number drawn in the chart. When the value is unknown, `text` is empty and `missing` is set:
/// the widget writes a dash.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ValueText {
    /// The number for display, e.g. `"72"`; empty when missing.
    pub text: String,
    /// The value is unknown.
    pub missing: bool,
    /// Horizontal position, read with `anchor`.
    pub x: f64,
    /// The baseline.
    pub y: f64,
    /// How the text is aligned on `x`.
    pub anchor: Anchor,
    /// Font size in chart units.
    pub font_size: f64,
}

/// Horizontal bars, one per item, each under its label.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BarsLayout {
    /// The coordinate system.
    pub view_box: ViewBox,
    /// The bars, in item order.
    pub bars: Vec<Bar>,
    /// Whether any bar has a marker.
    pub has_target: bool,
    /// What the bars measure, for a legend and the table header.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_label: Option<String>,
    /// What the markers mark, for a legend and the table header.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_label: Option<String>,
}

/// One bar.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bar {
    /// The label, above the bar.
    pub label: TextBlock,
    /// The full 0–100 range behind the bar.
    pub track: Rect,
    /// The bar; `None` when the value is unknown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bar: Option<Rect>,
    /// The value, right of the track.
    pub value: ValueText,
    /// The marker (e.g. a threshold), a vertical line across the track.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marker: Option<Line>,
    /// The marker's number for display, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_text: Option<String>,
}

/// The five steps of a heatmap cell's fill, and the two cells that are not judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum FitClass {
    /// 0–19.
    #[serde(rename = "fit-0")]
    Fit0,
    /// 20–39.
    #[serde(rename = "fit-1")]
    Fit1,
    /// 40–59.
    #[serde(rename = "fit-2")]
    Fit2,
    /// 60–79.
    #[serde(rename = "fit-3")]
    Fit3,
    /// 80–100.
    #[serde(rename = "fit-4")]
    Fit4,
    /// A deliberate exception, not judged.
    #[serde(rename = "exempt")]
    Exempt,
    /// No value.
    #[serde(rename = "unknown")]
    Unknown,
}

impl FitClass {
    /// The five steps, lowest first.
    pub const STEPS: [FitClass; 5] = [
        FitClass::Fit0,
        FitClass::Fit1,
        FitClass::Fit2,
        FitClass::Fit3,
        FitClass::Fit4,
    ];

    /// The step of a value 0–100, judged on the value as displayed (rounded), so the colour
    /// always agrees with the number in the cell: 0–19, 20–39, 40–59, 60–79 and 80–100.
    pub fn of(value: Option<f64>) -> FitClass {
        match value.filter(|v| v.is_finite()) {
            None => FitClass::Unknown,
            Some(v) => {
                let step = (v.clamp(0.0, 100.0).round() / 20.0).floor() as usize;
                FitClass::STEPS[step.min(4)]
            }
        }
    }

    /// The class name: `fit-0` … `fit-4`, `exempt` or `unknown`.
    pub fn as_str(self) -> &'static str {
        match self {
            FitClass::Fit0 => "fit-0",
            FitClass::Fit1 => "fit-1",
            FitClass::Fit2 => "fit-2",
            FitClass::Fit3 => "fit-3",
            FitClass::Fit4 => "fit-4",
            FitClass::Exempt => "exempt",
            FitClass::Unknown => "unknown",
        }
    }

    /// The range of displayed values in this step, e.g. `(20, 39)`; `None` for exempt and unknown.
    pub fn range(self) -> Option<(u8, u8)> {
        match self {
            FitClass::Fit0 => Some((0, 19)),
            FitClass::Fit1 => Some((20, 39)),
            FitClass::Fit2 => Some((40, 59)),
            FitClass::Fit3 => Some((60, 79)),
            FitClass::Fit4 => Some((80, 100)),
            FitClass::Exempt | FitClass::Unknown => None,
        }
    }
}

/// A grid of cells: column headers on top, each row under its own header so the cells can use
/// the full width.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HeatmapLayout {
    /// The coordinate system.
    pub view_box: ViewBox,
    /// The column headers, centred over their columns.
    pub columns: Vec<TextBlock>,
    /// The rows, top to bottom.
    pub rows: Vec<HeatRow>,
    /// The legend: the five steps with their ranges.
    pub legend: Vec<LegendStep>,
    /// Whether any cell is exempt.
    pub has_exempt: bool,
    /// Whether any cell has no value.
    pub has_unknown: bool,
}

/// A heatmap row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HeatRow {
    /// The row header, above its cells.
    pub header: TextBlock,
    /// The cells, left to right.
    pub cells: Vec<HeatCell>,
}

/// A heatmap cell.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HeatCell {
    /// The item's label, e.g. "Marketing · processes".
    pub label: String,
    /// The rectangle.
    pub rect: Rect,
    /// The fill class.
    pub class: FitClass,
    /// The cell is a deliberate exception (its class is `exempt`, whatever its value).
    pub exempt: bool,
    /// The number in the cell.
    pub value: ValueText,
}

/// One step of the heatmap legend.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct LegendStep {
    /// The class of the cells in this step.
    pub class: FitClass,
    /// Lowest displayed value in the step.
    pub from: u8,
    /// Highest displayed value in the step.
    pub to: u8,
}

/// A radar: one axis per item from the centre, value and target polygons, and a grid of rings.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RadarLayout {
    /// The coordinate system.
    pub view_box: ViewBox,
    /// The centre.
    pub center: Point,
    /// The radius of the 100 ring.
    pub radius: f64,
    /// The rings at 25, 50, 75 and 100.
    pub grid: Vec<GridRing>,
    /// The axes, clockwise from the top.
    pub axes: Vec<RadarAxis>,
    /// The value polygon's SVG `points`; missing values are drawn at the centre. Empty without
    /// items.
    pub value_points: String,
    /// The target polygon's SVG `points`, when any item has a target; missing targets are drawn
    /// at the centre.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_points: Option<String>,
    /// What the value polygon shows, for a legend and the table header.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_label: Option<String>,
    /// What the target polygon shows, for a legend and the table header.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_label: Option<String>,
}

/// A ring of the radar grid.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GridRing {
    /// The value the ring stands for: 25, 50, 75 or 100.
    pub level: f64,
    /// The polygon's SVG `points`.
    pub points: String,
}

/// One radar axis.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RadarAxis {
    /// Where the axis ends (the 100 ring).
    pub end: Point,
    /// The label beyond the end, anchored so it stays inside the drawing.
    pub label: TextBlock,
    /// The value's vertex; the centre when the value is missing.
    pub value_point: Point,
    /// The value for display, at its vertex; `missing` when unknown.
    pub value: ValueText,
    /// The target's vertex, when the chart has targets; the centre when this one is missing.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_point: Option<Point>,
    /// The target for display (empty when missing).
    pub target_text: String,
    /// The target is unknown (only meaningful when the chart has targets).
    pub target_missing: bool,
}

/// A single estimated amount.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EstimateLayout {
    /// What the amount is, e.g. "Estimated cost a year".
    pub label: String,
    /// The amount; `None` when unknown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    /// The amount for display, without grouping of digits; empty when missing.
    pub text: String,
    /// The amount is unknown.
    pub missing: bool,
    /// The unit, e.g. "€".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Where the unit goes.
    pub unit_position: UnitPosition,
    /// How the amount was worked out, in words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub formula: Option<String>,
}

/// Where a unit stands relative to its amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitPosition {
    /// Before the amount: a symbol such as "€" or "$".
    Before,
    /// After the amount: a word such as "hours".
    After,
}

impl UnitPosition {
    /// A unit of one symbol (not a letter or digit) goes before the amount; a word goes after.
    pub fn of(unit: &str) -> UnitPosition {
        let mut chars = unit.trim().chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) if !c.is_alphanumeric() && c != '%' => UnitPosition::Before,
            _ => UnitPosition::After,
        }
    }
}

/// Lays out a chart.
pub fn layout(chart: &ChartView) -> ChartLayout {
    match chart.kind {
        ChartType::Bars => ChartLayout::Bars(bars(chart)),
        ChartType::Heatmap => ChartLayout::Heatmap(heatmap(chart)),
        ChartType::Radar => ChartLayout::Radar(radar(chart)),
        ChartType::Estimate => ChartLayout::Estimate(estimate(chart)),
    }
}

/// Lays out horizontal bars.
pub fn bars(chart: &ChartView) -> BarsLayout {
    let mut top = PAD;
    let mut bottom = PAD;
    let mut out = Vec::with_capacity(chart.items.len());
    for item in &chart.items {
        let label = block(&item.label, 0.0, top, Anchor::Start, FONT, WIDTH, 2);
        let bar_y = top + lines_height(label.lines.len(), FONT) + 4.0;
        let value = known(item.value);
        let track = rect(0.0, bar_y, TRACK, BAR_HEIGHT);
        let marker = known(item.target).map(|t| {
            let x = r2(TRACK * unit(t));
            Line {
                x1: x,
                y1: r2(bar_y - 4.0),
                x2: x,
                y2: r2(bar_y + BAR_HEIGHT + 4.0),
            }
        });
        out.push(Bar {
            label,
            track,
            bar: value.map(|v| rect(0.0, bar_y, TRACK * unit(v), BAR_HEIGHT)),
            value: value_text(
                Some(item),
                WIDTH,
                bar_y + BAR_HEIGHT / 2.0 + MIDLINE * FONT,
                Anchor::End,
                FONT,
            ),
            marker,
            target_text: known(item.target).map(|t| format_number(t, 0)),
        });
        bottom = bar_y + BAR_HEIGHT + 4.0;
        top = bottom + 10.0;
    }
    BarsLayout {
        view_box: view_box(bottom + PAD),
        has_target: out.iter().any(|b| b.marker.is_some()),
        bars: out,
        value_label: chart.value_label.clone(),
        target_label: chart.target_label.clone(),
    }
}

/// Lays out a heatmap. The cells are the items row by row; a grid larger than the items is
/// filled with unknown cells, and a chart without columns gets one.
pub fn heatmap(chart: &ChartView) -> HeatmapLayout {
    let n_cols = chart.columns.len().max(1);
    let n_rows = chart.rows.len().max(chart.items.len().div_ceil(n_cols));
    let col_width = WIDTH / n_cols as f64;
    let gap = 4.0;

    let columns: Vec<TextBlock> = chart
        .columns
        .iter()
        .enumerate()
        .map(|(c, text)| {
            let x = (c as f64 + 0.5) * col_width;
            block(text, x, PAD, Anchor::Middle, SMALL_FONT, col_width - gap, 2)
        })
        .collect();
    let header_lines = columns.iter().map(|b| b.lines.len()).max().unwrap_or(0);
    let mut top = if header_lines == 0 {
        PAD
    } else {
        PAD + lines_height(header_lines, SMALL_FONT) + 6.0
    };

    let mut rows = Vec::with_capacity(n_rows);
    for r in 0..n_rows {
        let header_text = chart.rows.get(r).map_or("", String::as_str);
        let header = block(header_text, 0.0, top, Anchor::Start, FONT, WIDTH, 1);
        let cell_y = if header_text.trim().is_empty() {
            top
        } else {
            top + lines_height(header.lines.len(), FONT) + 3.0
        };
        let cells = (0..n_cols)
            .map(|c| {
                let item = chart.items.get(r * n_cols + c);
                let exempt = item.is_some_and(|i| i.exempt);
                let class = if exempt {
                    FitClass::Exempt
                } else {
                    FitClass::of(item.and_then(|i| known(i.value)))
                };
                let x = c as f64 * col_width;
                HeatCell {
                    label: item.map_or_else(String::new, |i| i.label.clone()),
                    rect: rect(x + gap / 2.0, cell_y, col_width - gap, CELL_HEIGHT),
                    class,
                    exempt,
                    value: value_text(
                        item,
                        x + col_width / 2.0,
                        cell_y + CELL_HEIGHT / 2.0 + MIDLINE * CELL_FONT,
                        Anchor::Middle,
                        CELL_FONT,
                    ),
                }
            })
            .collect();
        rows.push(HeatRow { header, cells });
        top = cell_y + CELL_HEIGHT + 8.0;
    }
    let bottom = if rows.is_empty() { top } else { top - 8.0 };
    let cells = || rows.iter().flat_map(|r| &r.cells);
    HeatmapLayout {
        view_box: view_box(bottom + PAD),
        has_exempt: cells().any(|c| c.exempt),
        has_unknown: cells().any(|c| c.value.missing),
        legend: FitClass::STEPS
            .iter()
            .filter_map(|&class| {
                let (from, to) = class.range()?;
                Some(LegendStep { class, from, to })
            })
            .collect(),
        columns,
        rows,
    }
}

/// Lays out a radar: axes clockwise from the top, labels beyond their ends, and a height that
/// fits the labels.
///
/// The radius is the largest from [`RADIUS_MAX`] down to [`RADIUS_MIN`] at which every label
/// fits whole (wrapped at spaces onto up to three lines), first at [`SMALL_FONT`], then one unit
/// smaller. When no size fits them all (a single word too long to stand beside an axis), the
/// size that cuts the fewest labels is used, and those are cut with an ellipsis.
pub fn radar(chart: &ChartView) -> RadarLayout {
    let n = chart.items.len();
    let cx = WIDTH / 2.0;
    let directions: Vec<(f64, f64)> = (0..n)
        .map(|i| {
            let angle = -PI / 2.0 + 2.0 * PI * i as f64 / n as f64;
            (angle.cos(), angle.sin())
        })
        .collect();
    let place = |radius: f64, font: f64| -> Vec<TextBlock> {
        chart
            .items
            .iter()
            .zip(&directions)
            .map(|(item, &(cos, sin))| radar_label(&item.label, cx, 0.0, (cos, sin), radius, font))
            .collect()
    };
    let mut best = (usize::MAX, RADIUS_MAX, SMALL_FONT);
    'search: for font in [SMALL_FONT, SMALL_FONT - 1.0] {
        let mut radius = RADIUS_MAX;
        while radius >= RADIUS_MIN {
            let cut = place(radius, font).iter().filter(|b| b.truncated).count();
            if cut < best.0 {
                best = (cut, radius, font);
            }
            if cut == 0 {
                break 'search;
            }
            radius -= 2.0;
        }
    }
    let (_, radius, font) = best;

    // Labels are first placed around a centre at y = 0, then everything is moved down so the
    // highest label sits at the top margin.
    let labels = place(radius, font);
    let extent = |b: &TextBlock| {
        let first = b.lines.first().map_or(0.0, |l| l.y);
        let last = b.lines.last().map_or(0.0, |l| l.y);
        (first - ASCENT * b.font_size, last + DESCENT * b.font_size)
    };
    let min_y = labels.iter().map(|b| extent(b).0).fold(-radius, f64::min);
    let max_y = labels.iter().map(|b| extent(b).1).fold(radius, f64::max);
    let dy = PAD - min_y;
    let cy = r2(dy);
    let labels = labels.into_iter().map(|b| shift(b, dy));

    let at = |(cos, sin): (f64, f64), v: f64| Point {
        x: r2(cx + radius * unit(v) * cos),
        y: r2(cy + radius * unit(v) * sin),
    };
    let has_target = chart.items.iter().any(|i| known(i.target).is_some());
    let axes: Vec<RadarAxis> = chart
        .items
        .iter()
        .zip(&directions)
        .zip(labels)
        .map(|((item, &dir), label)| {
            let value = known(item.value);
            let target = known(item.target);
            let value_point = at(dir, value.unwrap_or(0.0));
            RadarAxis {
                end: at(dir, 100.0),
                label,
                value_point,
                value: value_text(
                    Some(item),
                    value_point.x,
                    value_point.y,
                    Anchor::Middle,
                    font,
                ),
                target_point: has_target.then(|| at(dir, target.unwrap_or(0.0))),
                target_text: target.map_or_else(String::new, |t| format_number(t, 0)),
                target_missing: target.is_none(),
            }
        })
        .collect();
    let grid = RINGS
        .iter()
        .map(|&level| GridRing {
            level,
            points: points(directions.iter().map(|&d| at(d, level))),
        })
        .collect();
    RadarLayout {
        view_box: view_box(max_y - min_y + 2.0 * PAD),
        center: Point { x: cx, y: cy },
        radius,
        grid,
        value_points: points(axes.iter().map(|a| a.value_point)),
        target_points: has_target.then(|| points(axes.iter().filter_map(|a| a.target_point))),
        axes,
        value_label: chart.value_label.clone(),
        target_label: chart.target_label.clone(),
    }
}

/// Lays out an estimate: the first item's amount, its unit and the formula.
pub fn estimate(chart: &ChartView) -> EstimateLayout {
    let item = chart.items.first();
    let value = item.and_then(|i| known(i.value));
    let unit = chart
        .unit
        .as_ref()
        .map(|u| u.trim().to_owned())
        .filter(|u| !u.is_empty());
    EstimateLayout {
        label: item.map_or_else(String::new, |i| i.label.clone()),
        value,
        text: item
            .filter(|_| value.is_some())
            .map_or_else(String::new, display),
        missing: value.is_none(),
        unit_position: unit
            .as_deref()
            .map_or(UnitPosition::After, UnitPosition::of),
        unit,
        formula: chart.formula.clone(),
    }
}

/// The label of a radar axis whose direction is (`cos`, `sin`) from the centre (`cx`, `cy`).
fn radar_label(
    text: &str,
    cx: f64,
    cy: f64,
    (cos, sin): (f64, f64),
    radius: f64,
    font: f64,
) -> TextBlock {
    let reach = radius + 7.0;
    let x = cx + reach * cos;
    let y = cy + reach * sin;
    let (anchor, room) = if cos.abs() < 0.2 {
        (
            Anchor::Middle,
            (2.0 * x.min(WIDTH - x) - 2.0 * PAD).min(150.0),
        )
    } else if cos > 0.0 {
        (Anchor::Start, WIDTH - PAD - x)
    } else {
        (Anchor::End, x - PAD)
    };
    let lines = wrap(text, room, font, 3);
    let k = lines.0.len().max(1) as f64;
    let step = LEADING * font;
    let first = if anchor == Anchor::Middle && sin < 0.0 {
        // Above the top: the last line sits just over the axis end.
        y - DESCENT * font - (k - 1.0) * step
    } else if anchor == Anchor::Middle {
        // Below the bottom.
        y + ASCENT * font
    } else {
        // Beside the axis: centred on it, nudged away from the top and bottom.
        y - (k - 1.0) * step / 2.0 + MIDLINE * font + sin * 3.0
    };
    from_lines(text, lines, x, first, anchor, font)
}

/// A value, or `None` when unknown or not a finite number.
fn known(value: Option<f64>) -> Option<f64> {
    value.filter(|v| v.is_finite())
}

/// A value 0–100 as a fraction 0–1, clamped.
fn unit(value: f64) -> f64 {
    if value.is_finite() {
        value.clamp(0.0, 100.0) / 100.0
    } else {
        0.0
    }
}

/// An item's value for display: the engine's display text, or the number when that is empty.
fn display(item: &ChartItemView) -> String {
    match known(item.value) {
        Some(v) if item.display.trim().is_empty() => format_number(v, 0),
        Some(_) => item.display.clone(),
        None => String::new(),
    }
}

/// An item's number at (`x`, `y`); no item is an unknown number.
fn value_text(
    item: Option<&ChartItemView>,
    x: f64,
    y: f64,
    anchor: Anchor,
    font_size: f64,
) -> ValueText {
    ValueText {
        text: item.map_or_else(String::new, display),
        missing: item.and_then(|i| known(i.value)).is_none(),
        x: r2(x),
        y: r2(y),
        anchor,
        font_size,
    }
}

fn view_box(height: f64) -> ViewBox {
    ViewBox {
        width: WIDTH,
        height: r2(height.max(2.0 * PAD)).ceil(),
    }
}

fn rect(x: f64, y: f64, width: f64, height: f64) -> Rect {
    Rect {
        x: r2(x),
        y: r2(y),
        width: r2(width.max(0.0)),
        height: r2(height.max(0.0)),
    }
}

/// The height of `n` lines of text whose first line's top is at 0.
fn lines_height(n: usize, font_size: f64) -> f64 {
    if n == 0 {
        0.0
    } else {
        (ASCENT + DESCENT) * font_size + (n - 1) as f64 * LEADING * font_size
    }
}

/// A label wrapped to `room` units in at most `max_lines` lines, its first line's top at `top`.
fn block(
    text: &str,
    x: f64,
    top: f64,
    anchor: Anchor,
    font_size: f64,
    room: f64,
    max_lines: usize,
) -> TextBlock {
    let lines = wrap(text, room, font_size, max_lines);
    from_lines(text, lines, x, top + ASCENT * font_size, anchor, font_size)
}

fn from_lines(
    text: &str,
    (lines, truncated): (Vec<String>, bool),
    x: f64,
    first_baseline: f64,
    anchor: Anchor,
    font_size: f64,
) -> TextBlock {
    TextBlock {
        full: text.to_owned(),
        lines: lines
            .into_iter()
            .enumerate()
            .map(|(i, text)| TextLine {
                text,
                x: r2(x),
                y: r2(first_baseline + i as f64 * LEADING * font_size),
            })
            .collect(),
        anchor,
        font_size,
        truncated,
    }
}

fn shift(mut b: TextBlock, dy: f64) -> TextBlock {
    for l in &mut b.lines {
        l.y = r2(l.y + dy);
    }
    b
}

/// Joins points into an SVG `points` value: `"160,4 238,82"`.
fn points(iter: impl Iterator<Item = Point>) -> String {
    iter.map(|p| format!("{},{}", p.x, p.y))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Rounds to two decimals, without a negative zero; anything not finite becomes 0.
fn r2(x: f64) -> f64 {
    let v = (x * 100.0).round() / 100.0;
    if v.is_finite() && v != 0.0 {
        v
    } else {
        0.0
    }
}

/// An estimate of the width of `text` at `font_size`, for the system sans-serif fonts the widget
/// uses. It errs on the wide side so wrapped labels fit.
pub fn text_width(text: &str, font_size: f64) -> f64 {
    text.chars().map(char_width).sum::<f64>() * font_size
}

/// The width of a character as a fraction of the font size. The figures follow the wider of
/// the common system fonts (DejaVu Sans, which `system-ui` is on many Linux desktops, is about a
/// tenth wider than Arial or Segoe UI), so a label estimated to fit does fit.
fn char_width(c: char) -> f64 {
    match c {
        ' ' | '\u{a0}' => 0.32,
        'i' | 'l' | 'j' | 'I' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | '·' | '(' | ')' => 0.32,
        'f' | 't' | 'r' | '-' | '/' => 0.42,
        'm' | 'w' => 0.92,
        'M' | 'W' | '—' | '%' => 0.98,
        'A'..='Z' => 0.74,
        '0'..='9' => 0.64,
        c if c.is_ascii() => 0.62,
        c if ('\u{2e80}'..='\u{9fff}').contains(&c) || ('\u{ac00}'..='\u{d7af}').contains(&c) => {
            1.0
        }
        _ => 0.6,
    }
}

/// Wraps `text` at spaces into at most `max_lines` lines of at most `room` units. A word longer
/// than a line, or words beyond the last line, are cut with an ellipsis. Returns the lines and
/// whether anything was cut. An empty text has no lines.
pub fn wrap(text: &str, room: f64, font_size: f64, max_lines: usize) -> (Vec<String>, bool) {
    let room = if room.is_finite() { room.max(0.0) } else { 0.0 };
    let max_lines = max_lines.max(1);
    let fits = |s: &str| text_width(s, font_size) <= room;
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut truncated = false;
    let mut i = 0;
    while i < words.len() {
        let word = words[i];
        let candidate = if current.is_empty() {
            word.to_owned()
        } else {
            format!("{current} {word}")
        };
        if fits(&candidate) {
            current = candidate;
            i += 1;
            continue;
        }
        if current.is_empty() {
            // A word longer than a line: cut it.
            lines.push(ellipsize(word, room, font_size));
            truncated = true;
            i += 1;
        } else {
            lines.push(std::mem::take(&mut current));
        }
        if lines.len() == max_lines {
            break;
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    if i < words.len() {
        // Words left over: end the last line with an ellipsis.
        truncated = true;
        if let Some(last) = lines.pop() {
            lines.push(if last.ends_with('…') {
                last
            } else {
                ellipsize(&format!("{last} {}", words[i]), room, font_size)
            });
        }
    }
    (lines, truncated)
}

/// The longest start of `text` that fits `room` with an ellipsis after it.
fn ellipsize(text: &str, room: f64, font_size: f64) -> String {
    let mut out = String::new();
    let mut width = text_width("…", font_size);
    for c in text.chars() {
        let w = char_width(c) * font_size;
        if width + w > room {
            break;
        }
        width += w;
        out.push(c);
    }
    format!("{}…", out.trim_end())
}
