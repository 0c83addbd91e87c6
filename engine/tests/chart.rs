//! Chart geometry: bars, heatmap cells, radar polygons and estimates, laid out from hand-built
//! chart views.

use serde_json::Value;
use sextant_engine::chart::{
    layout, text_width, wrap, Anchor, BarsLayout, ChartLayout, EstimateLayout, FitClass,
    HeatmapLayout, RadarLayout, TextBlock, UnitPosition, BAR_HEIGHT, CELL_HEIGHT, RADIUS_MAX,
    RADIUS_MIN, TRACK, WIDTH,
};
use sextant_engine::model::ChartType;
use sextant_engine::report::{format_number, ChartItemView, ChartView};

fn item(label: &str, value: Option<f64>, target: Option<f64>) -> ChartItemView {
    ChartItemView {
        label: label.to_owned(),
        value,
        target,
        exempt: false,
        display: value.map_or_else(String::new, |v| format_number(v, 0)),
    }
}

fn values(values: &[Option<f64>]) -> Vec<ChartItemView> {
    values
        .iter()
        .enumerate()
        .map(|(i, &v)| item(&format!("Item {i}"), v, None))
        .collect()
}

fn chart(kind: ChartType, items: Vec<ChartItemView>) -> ChartView {
    ChartView {
        id: "c".into(),
        kind,
        title: "Chart".into(),
        description: None,
        group: None,
        rows: vec![],
        columns: vec![],
        formula: None,
        unit: None,
        value_label: None,
        target_label: None,
        items,
    }
}

fn grid(rows: &[&str], columns: &[&str], items: Vec<ChartItemView>) -> ChartView {
    ChartView {
        rows: rows.iter().map(|s| s.to_string()).collect(),
        columns: columns.iter().map(|s| s.to_string()).collect(),
        ..chart(ChartType::Heatmap, items)
    }
}

fn bars(view: &ChartView) -> BarsLayout {
    match layout(view) {
        ChartLayout::Bars(l) => l,
        other => panic!("expected bars, got {other:?}"),
    }
}

fn heatmap(view: &ChartView) -> HeatmapLayout {
    match layout(view) {
        ChartLayout::Heatmap(l) => l,
        other => panic!("expected a heatmap, got {other:?}"),
    }
}

fn radar(view: &ChartView) -> RadarLayout {
    match layout(view) {
        ChartLayout::Radar(l) => l,
        other => panic!("expected a radar, got {other:?}"),
    }
}

fn estimate(view: &ChartView) -> EstimateLayout {
    match layout(view) {
        ChartLayout::Estimate(l) => l,
        other => panic!("expected an estimate, got {other:?}"),
    }
}

/// The points of an SVG `points` value.
fn parse_points(points: &str) -> Vec<(f64, f64)> {
    points
        .split_whitespace()
        .map(|p| {
            let (x, y) = p.split_once(',').expect("x,y");
            (x.parse().unwrap(), y.parse().unwrap())
        })
        .collect()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 0.02
}

/// Every number in the layout's JSON is finite, and no string holds `NaN` or `inf`. (Optional
/// fields are left out when empty, so a `null` can only be a number that was not finite.)
fn assert_finite(l: &ChartLayout) {
    fn walk(v: &Value, path: &str) {
        match v {
            Value::Null => panic!("null (a NaN?) at {path}"),
            Value::Number(n) => assert!(n.as_f64().unwrap().is_finite(), "{path}"),
            Value::String(s) => assert!(!s.contains("NaN") && !s.contains("inf"), "{path}: {s}"),
            Value::Array(a) => a
                .iter()
                .enumerate()
                .for_each(|(i, x)| walk(x, &format!("{path}[{i}]"))),
            Value::Object(o) => o.iter().for_each(|(k, x)| walk(x, &format!("{path}.{k}"))),
            Value::Bool(_) => {}
        }
    }
    walk(&serde_json::to_value(l).unwrap(), "$");
}

/// The horizontal extent of a label's lines, estimated the way the layout estimates it.
fn extent(b: &TextBlock) -> (f64, f64) {
    b.lines.iter().fold((f64::MAX, f64::MIN), |(lo, hi), l| {
        let w = text_width(&l.text, b.font_size);
        let (a, z) = match b.anchor {
            Anchor::Start => (l.x, l.x + w),
            Anchor::Middle => (l.x - w / 2.0, l.x + w / 2.0),
            Anchor::End => (l.x - w, l.x),
        };
        (lo.min(a), hi.max(z))
    })
}

fn assert_inside(b: &TextBlock, height: f64) {
    let (lo, hi) = extent(b);
    assert!(lo >= 0.0 && hi <= WIDTH, "`{}` spans {lo}..{hi}", b.full);
    for l in &b.lines {
        assert!(
            l.y - b.font_size >= 0.0 && l.y + 0.3 * b.font_size <= height,
            "`{}` at y {} outside 0..{height}",
            l.text,
            l.y
        );
    }
}

// ---- Bars ----

#[test]
fn bar_widths_are_proportional_to_the_values() {
    let l = bars(&chart(
        ChartType::Bars,
        values(&[Some(25.0), Some(50.0), Some(100.0), Some(0.0)]),
    ));
    let widths: Vec<f64> = l.bars.iter().map(|b| b.bar.unwrap().width).collect();
    assert_eq!(widths, [TRACK / 4.0, TRACK / 2.0, TRACK, 0.0]);
    for b in &l.bars {
        let bar = b.bar.unwrap();
        assert_eq!((bar.x, bar.y, bar.height), (0.0, b.track.y, BAR_HEIGHT));
        assert_eq!(b.track.width, TRACK);
    }
    let texts: Vec<&str> = l.bars.iter().map(|b| b.value.text.as_str()).collect();
    assert_eq!(texts, ["25", "50", "100", "0"]);
}

#[test]
fn bar_values_outside_0_to_100_are_clamped() {
    let l = bars(&chart(ChartType::Bars, values(&[Some(-20.0), Some(250.0)])));
    assert_eq!(l.bars[0].bar.unwrap().width, 0.0);
    assert_eq!(l.bars[1].bar.unwrap().width, TRACK);
    // The number still says what it is.
    assert_eq!(l.bars[1].value.text, "250");
}

#[test]
fn an_unknown_bar_has_no_bar_and_is_flagged() {
    let l = bars(&chart(ChartType::Bars, values(&[Some(40.0), None])));
    assert!(!l.bars[0].value.missing);
    assert_eq!(l.bars[1].bar, None);
    assert!(l.bars[1].value.missing);
    assert_eq!(l.bars[1].value.text, "");
    // The track is still there, so the row keeps its shape.
    assert_eq!(l.bars[1].track.width, TRACK);
}

#[test]
fn a_bar_marker_sits_at_its_target_across_the_bar() {
    let mut view = chart(
        ChartType::Bars,
        vec![
            item("A", Some(80.0), Some(50.0)),
            item("B", Some(20.0), None),
        ],
    );
    view.target_label = Some("Threshold".into());
    let l = bars(&view);
    assert!(l.has_target);
    assert_eq!(l.target_label.as_deref(), Some("Threshold"));
    let m = l.bars[0].marker.unwrap();
    assert_eq!((m.x1, m.x2), (TRACK / 2.0, TRACK / 2.0));
    assert!(m.y1 < l.bars[0].track.y && m.y2 > l.bars[0].track.y + BAR_HEIGHT);
    assert_eq!(l.bars[0].target_text.as_deref(), Some("50"));
    assert_eq!(l.bars[1].marker, None);
    assert_eq!(l.bars[1].target_text, None);
}

#[test]
fn bars_stack_top_to_bottom_inside_the_view_box() {
    let l = bars(&chart(
        ChartType::Bars,
        values(&[Some(10.0), Some(20.0), Some(30.0)]),
    ));
    assert_eq!(l.view_box.width, WIDTH);
    let mut previous_bottom = 0.0;
    for b in &l.bars {
        let label_y = b.label.lines[0].y;
        assert!(label_y > previous_bottom, "label below the previous bar");
        assert!(b.track.y > label_y, "bar below its label");
        previous_bottom = b.track.y + b.track.height;
        assert!(b.value.x == WIDTH && b.value.anchor == Anchor::End);
        assert_inside(&b.label, l.view_box.height);
    }
    assert!(previous_bottom < l.view_box.height);
    assert!(
        TRACK + text_width("100", 12.0) < WIDTH,
        "room for the value"
    );
}

#[test]
fn a_long_bar_label_wraps_onto_a_second_line() {
    let long = "Recognition and accountability for the multichannel vision across the company";
    let l = bars(&chart(ChartType::Bars, vec![item(long, Some(50.0), None)]));
    let label = &l.bars[0].label;
    assert_eq!(label.lines.len(), 2);
    assert_eq!(label.full, long);
    assert!(label.lines[1].y > label.lines[0].y);
    assert!(l.bars[0].track.y > label.lines[1].y);
    assert_inside(label, l.view_box.height);
}

// ---- Heatmap ----

#[test]
fn heatmap_classes_change_at_20_40_60_and_80() {
    let cases = [
        (Some(0.0), "fit-0"),
        (Some(19.0), "fit-0"),
        (Some(19.49), "fit-0"),
        (Some(19.5), "fit-1"), // shown as 20
        (Some(20.0), "fit-1"),
        (Some(39.0), "fit-1"),
        (Some(40.0), "fit-2"),
        (Some(50.0), "fit-2"),
        (Some(59.0), "fit-2"),
        (Some(60.0), "fit-3"),
        (Some(79.0), "fit-3"),
        (Some(80.0), "fit-4"),
        (Some(100.0), "fit-4"),
        (Some(130.0), "fit-4"),
        (Some(-10.0), "fit-0"),
        (None, "unknown"),
        (Some(f64::NAN), "unknown"),
        (Some(f64::INFINITY), "unknown"),
    ];
    for (value, class) in cases {
        assert_eq!(FitClass::of(value).as_str(), class, "{value:?}");
    }
    // The legend's ranges agree with the classes.
    for step in heatmap(&grid(&["r"], &["c"], values(&[Some(1.0)]))).legend {
        assert_eq!(FitClass::of(Some(f64::from(step.from))), step.class);
        assert_eq!(FitClass::of(Some(f64::from(step.to))), step.class);
    }
}

#[test]
fn heatmap_cells_follow_the_rows_and_columns() {
    let items = values(&[
        Some(10.0),
        Some(30.0),
        Some(50.0),
        Some(70.0),
        Some(90.0),
        None,
    ]);
    let l = heatmap(&grid(
        &["Marketing", "Sales"],
        &["Processes", "Systems", "People"],
        items,
    ));
    assert_eq!(l.rows.len(), 2);
    assert_eq!(l.columns.len(), 3);
    let classes: Vec<Vec<&str>> = l
        .rows
        .iter()
        .map(|r| r.cells.iter().map(|c| c.class.as_str()).collect())
        .collect();
    assert_eq!(
        classes,
        [["fit-0", "fit-1", "fit-2"], ["fit-3", "fit-4", "unknown"]]
    );
    // Cells share the width equally, with a gap, and each row lies below its header.
    let first = &l.rows[0].cells;
    assert!(close(first[1].rect.x - first[0].rect.x, WIDTH / 3.0));
    assert!(first[0].rect.x > 0.0 && first[2].rect.x + first[2].rect.width < WIDTH);
    for row in &l.rows {
        assert_eq!(row.header.anchor, Anchor::Start);
        assert!(row.cells[0].rect.y > row.header.lines[0].y);
        assert!(row.cells.iter().all(|c| c.rect.y == row.cells[0].rect.y));
        assert_inside(&row.header, l.view_box.height);
    }
    assert!(l.rows[1].header.lines[0].y > first[0].rect.y + first[0].rect.height);
    // Column headers are centred over their columns, above the first row.
    for (c, h) in l.columns.iter().enumerate() {
        assert_eq!(h.anchor, Anchor::Middle);
        let cell = &first[c].rect;
        assert!(close(h.lines[0].x, cell.x + cell.width / 2.0));
        assert!(h.lines[0].y < l.rows[0].header.lines[0].y);
        assert_inside(h, l.view_box.height);
    }
    // Every cell shows its number, centred; the unknown one is flagged for a dash.
    let cell = &l.rows[0].cells[2];
    assert_eq!(cell.value.text, "50");
    assert_eq!(cell.value.anchor, Anchor::Middle);
    assert!(close(cell.value.x, cell.rect.x + cell.rect.width / 2.0));
    assert!(cell.value.y > cell.rect.y && cell.value.y < cell.rect.y + cell.rect.height);
    assert!(l.rows[1].cells[2].value.missing);
    assert!(l.has_unknown);
    assert!(!l.has_exempt);
    assert!(l.rows[1].cells[0].rect.y + CELL_HEIGHT <= l.view_box.height);
}

#[test]
fn an_exempt_cell_is_marked_exempt_whatever_its_value() {
    let mut items = values(&[Some(10.0), Some(90.0), None]);
    items[0].exempt = true;
    items[2].exempt = true;
    let l = heatmap(&grid(&["Row"], &["A", "B", "C"], items));
    let cells = &l.rows[0].cells;
    assert_eq!(cells[0].class, FitClass::Exempt);
    assert!(cells[0].exempt);
    assert_eq!(cells[0].value.text, "10", "the number is still shown");
    assert_eq!(cells[1].class, FitClass::Fit4);
    assert_eq!(cells[2].class, FitClass::Exempt);
    assert!(cells[2].value.missing);
    assert!(l.has_exempt);
}

#[test]
fn a_heatmap_with_too_few_items_fills_the_grid_with_unknown_cells() {
    let l = heatmap(&grid(&["A", "B"], &["X", "Y"], values(&[Some(50.0)])));
    let classes: Vec<&str> = l
        .rows
        .iter()
        .flat_map(|r| r.cells.iter().map(|c| c.class.as_str()))
        .collect();
    assert_eq!(classes, ["fit-2", "unknown", "unknown", "unknown"]);
    // Without rows and columns, the items become one column.
    let l = heatmap(&grid(&[], &[], values(&[Some(50.0), Some(90.0)])));
    assert_eq!(l.rows.len(), 2);
    assert_eq!(l.rows[0].cells.len(), 1);
    assert_eq!(l.rows[0].cells[0].rect.width, WIDTH - 4.0);
}

#[test]
fn the_heatmap_legend_has_five_steps() {
    let l = heatmap(&grid(&["r"], &["c"], values(&[Some(1.0)])));
    let legend: Vec<(&str, u8, u8)> = l
        .legend
        .iter()
        .map(|s| (s.class.as_str(), s.from, s.to))
        .collect();
    assert_eq!(
        legend,
        [
            ("fit-0", 0, 19),
            ("fit-1", 20, 39),
            ("fit-2", 40, 59),
            ("fit-3", 60, 79),
            ("fit-4", 80, 100)
        ]
    );
}

// ---- Radar ----

#[test]
fn a_radar_with_four_axes_at_100_has_its_points_at_the_axis_ends() {
    let items = (0..4)
        .map(|i| item(&format!("Axis {i}"), Some(100.0), Some(100.0)))
        .collect();
    let l = radar(&chart(ChartType::Radar, items));
    let ends: Vec<(f64, f64)> = l.axes.iter().map(|a| (a.end.x, a.end.y)).collect();
    assert_eq!(parse_points(&l.value_points), ends);
    assert_eq!(parse_points(l.target_points.as_deref().unwrap()), ends);
    // Clockwise from the top: top, right, bottom, left.
    let (cx, cy) = (l.center.x, l.center.y);
    assert_eq!(cx, WIDTH / 2.0);
    let expected = [
        (cx, cy - l.radius),
        (cx + l.radius, cy),
        (cx, cy + l.radius),
        (cx - l.radius, cy),
    ];
    for (got, want) in ends.iter().zip(expected) {
        assert!(
            close(got.0, want.0) && close(got.1, want.1),
            "{got:?} != {want:?}"
        );
    }
    // The outer ring runs through the axis ends.
    let outer = l.grid.iter().find(|g| g.level == 100.0).unwrap();
    assert_eq!(parse_points(&outer.points), ends);
}

#[test]
fn radar_points_lie_at_their_value_along_the_axis() {
    let items = vec![
        item("A", Some(50.0), Some(75.0)),
        item("B", Some(25.0), Some(100.0)),
        item("C", Some(0.0), Some(50.0)),
    ];
    let l = radar(&chart(ChartType::Radar, items));
    let (cx, cy) = (l.center.x, l.center.y);
    let dist = |(x, y): (f64, f64)| ((x - cx).powi(2) + (y - cy).powi(2)).sqrt();
    let value: Vec<f64> = parse_points(&l.value_points)
        .into_iter()
        .map(dist)
        .collect();
    let target: Vec<f64> = parse_points(l.target_points.as_deref().unwrap())
        .into_iter()
        .map(dist)
        .collect();
    for (got, want) in value.iter().zip([0.5, 0.25, 0.0]) {
        assert!(close(*got, want * l.radius), "{got} != {}", want * l.radius);
    }
    for (got, want) in target.iter().zip([0.75, 1.0, 0.5]) {
        assert!(close(*got, want * l.radius), "{got} != {}", want * l.radius);
    }
}

#[test]
fn the_radar_grid_has_rings_at_25_50_75_and_100() {
    let l = radar(&chart(ChartType::Radar, values(&[Some(1.0); 5])));
    let levels: Vec<f64> = l.grid.iter().map(|g| g.level).collect();
    assert_eq!(levels, [25.0, 50.0, 75.0, 100.0]);
    let (cx, cy) = (l.center.x, l.center.y);
    for ring in &l.grid {
        let pts = parse_points(&ring.points);
        assert_eq!(pts.len(), 5);
        for (x, y) in pts {
            let d = ((x - cx).powi(2) + (y - cy).powi(2)).sqrt();
            assert!(close(d, l.radius * ring.level / 100.0));
        }
    }
}

#[test]
fn missing_radar_values_are_drawn_at_the_centre_and_flagged() {
    let items = vec![
        item("A", Some(60.0), None),
        item("B", None, None),
        item("C", Some(80.0), None),
    ];
    let l = radar(&chart(ChartType::Radar, items));
    let pts = parse_points(&l.value_points);
    assert_eq!(pts.len(), 3, "one point per axis, missing or not");
    assert_eq!(pts[1], (l.center.x, l.center.y));
    assert!(l.axes[1].value.missing);
    assert!(!l.axes[0].value.missing);
    // No item has a target: no target polygon.
    assert_eq!(l.target_points, None);
    assert!(l.axes.iter().all(|a| a.target_point.is_none()));

    // One target missing among others: it is drawn at the centre and flagged.
    let items = vec![
        item("A", Some(60.0), Some(80.0)),
        item("B", Some(60.0), None),
        item("C", Some(60.0), Some(90.0)),
    ];
    let l = radar(&chart(ChartType::Radar, items));
    let pts = parse_points(l.target_points.as_deref().unwrap());
    assert_eq!(pts.len(), 3);
    assert_eq!(pts[1], (l.center.x, l.center.y));
    assert!(l.axes[1].target_missing);
    assert_eq!(l.axes[0].target_text, "80");
}

#[test]
fn radar_labels_are_anchored_away_from_the_centre() {
    let l = radar(&chart(ChartType::Radar, values(&[Some(50.0); 4])));
    let anchors: Vec<Anchor> = l.axes.iter().map(|a| a.label.anchor).collect();
    assert_eq!(
        anchors,
        [Anchor::Middle, Anchor::Start, Anchor::Middle, Anchor::End]
    );
    // Top label above the top end, bottom label below the bottom end.
    assert!(l.axes[0].label.lines[0].y < l.axes[0].end.y);
    assert!(l.axes[2].label.lines[0].y > l.axes[2].end.y);
    assert!(l.axes[1].label.lines[0].x > l.axes[1].end.x);
    assert!(l.axes[3].label.lines[0].x < l.axes[3].end.x);
}

#[test]
fn radar_labels_of_the_default_assessment_fit_inside_the_view_box() {
    let en = [
        "Central channels",
        "Channels complement",
        "Service commitments",
        "Broadly developed",
        "Leaders promote it",
        "Champion",
        "Resources and structure",
        "Staff buy-in",
        "Recognition and accountability",
    ];
    let nl = [
        "Centrale kanalen",
        "Kanalen vullen aan",
        "Servicetoezeggingen",
        "Breed opgesteld",
        "Leiders dragen uit",
        "Kampioen",
        "Middelen en structuur",
        "Draagvlak medewerkers",
        "Erkenning en verantwoording",
    ];
    for labels in [en, nl] {
        let items = labels
            .iter()
            .map(|l| item(l, Some(100.0), Some(100.0)))
            .collect();
        let l = radar(&chart(ChartType::Radar, items));
        for axis in &l.axes {
            assert_inside(&axis.label, l.view_box.height);
            // Labels are whole, except one Dutch word too long to stand beside an axis that
            // runs almost level: it is cut rather than shrinking the whole chart for it.
            let whole = axis.label.full != "Servicetoezeggingen";
            assert_eq!(!axis.label.truncated, whole, "`{}`", axis.label.full);
            if !whole {
                assert!(axis.label.lines[0].text.starts_with("Servicetoe"));
                assert!(axis.label.lines[0].text.ends_with('…'));
            }
        }
        assert!(l.center.y - l.radius >= 0.0);
        assert!(l.center.y + l.radius <= l.view_box.height);
        // Widths are estimated for the wider system fonts, so the ring gives up some room.
        assert!(
            l.radius >= RADIUS_MAX - 14.0,
            "a readable size: {}",
            l.radius
        );
    }
}

#[test]
fn long_radar_labels_are_cut_but_stay_inside() {
    let long = "Anextraordinarilylongwordthatcannotpossiblyfitbesideanaxis and more words after it";
    for n in 3..=12 {
        let items = (0..n).map(|_| item(long, Some(100.0), None)).collect();
        let l = radar(&chart(ChartType::Radar, items));
        for axis in &l.axes {
            assert!(axis.label.truncated);
            assert!(axis.label.lines.len() <= 3);
            assert!(axis.label.lines.iter().all(|x| !x.text.is_empty()));
            assert_inside(&axis.label, l.view_box.height);
        }
    }
}

// ---- Estimate ----

#[test]
fn an_estimate_carries_its_amount_unit_and_formula() {
    let mut view = chart(
        ChartType::Estimate,
        vec![item("Estimated cost a year", Some(123456.0), None)],
    );
    view.unit = Some("€".into());
    view.formula = Some("customers × cost × share".into());
    let l = estimate(&view);
    assert_eq!(l.label, "Estimated cost a year");
    assert_eq!(l.value, Some(123456.0));
    assert_eq!(l.text, "123456");
    assert!(!l.missing);
    assert_eq!(l.unit.as_deref(), Some("€"));
    assert_eq!(l.unit_position, UnitPosition::Before);
    assert_eq!(l.formula.as_deref(), Some("customers × cost × share"));
    assert_eq!(layout(&view).view_box(), None);
}

#[test]
fn an_unknown_estimate_is_flagged() {
    let l = estimate(&chart(ChartType::Estimate, vec![item("Cost", None, None)]));
    assert!(l.missing);
    assert_eq!(l.text, "");
    assert_eq!(l.value, None);
}

#[test]
fn symbols_go_before_the_amount_and_words_after() {
    assert_eq!(UnitPosition::of("€"), UnitPosition::Before);
    assert_eq!(UnitPosition::of(" $ "), UnitPosition::Before);
    assert_eq!(UnitPosition::of("%"), UnitPosition::After);
    assert_eq!(UnitPosition::of("hours"), UnitPosition::After);
    assert_eq!(UnitPosition::of("EUR"), UnitPosition::After);
}

// ---- Everything ----

#[test]
fn no_layout_ever_holds_a_nan() {
    let kinds = [
        ChartType::Bars,
        ChartType::Heatmap,
        ChartType::Radar,
        ChartType::Estimate,
    ];
    let inputs: Vec<Vec<ChartItemView>> = vec![
        vec![],
        values(&[None]),
        values(&[None, None]),
        values(&[None, None, None, None]),
        values(&[Some(f64::NAN), Some(f64::INFINITY), Some(f64::NEG_INFINITY)]),
        vec![
            item("", Some(f64::NAN), Some(f64::NAN)),
            item("", Some(1e308), Some(-1e308)),
            item("", Some(-0.0), Some(f64::INFINITY)),
        ],
    ];
    for kind in kinds {
        for items in &inputs {
            let l = layout(&chart(kind, items.clone()));
            assert_finite(&l);
            if let Some(v) = l.view_box() {
                assert!(v.width == WIDTH && v.height > 0.0);
            }
            let l = layout(&grid(&["A"], &["B", "C"], items.clone()));
            assert_finite(&l);
        }
    }
}

#[test]
fn empty_charts_are_empty_not_broken() {
    let l = bars(&chart(ChartType::Bars, vec![]));
    assert!(l.bars.is_empty());
    let l = radar(&chart(ChartType::Radar, vec![]));
    assert!(l.axes.is_empty());
    assert_eq!(l.value_points, "");
    assert!(l.grid.iter().all(|g| g.points.is_empty()));
    let l = heatmap(&grid(&[], &[], vec![]));
    assert!(l.rows.is_empty());
    let l = estimate(&chart(ChartType::Estimate, vec![]));
    assert!(l.missing);
}

#[test]
fn all_missing_values_draw_no_bars_and_a_collapsed_radar() {
    let l = bars(&chart(ChartType::Bars, values(&[None, None])));
    assert!(l.bars.iter().all(|b| b.bar.is_none() && b.value.missing));
    let l = radar(&chart(ChartType::Radar, values(&[None, None, None])));
    let centre = (l.center.x, l.center.y);
    assert!(parse_points(&l.value_points).iter().all(|&p| p == centre));
    assert!(l.axes.iter().all(|a| a.value.missing));
}

#[test]
fn the_layout_serializes_with_its_kind_and_class_names() {
    let mut items = values(&[Some(85.0), Some(10.0)]);
    items[1].exempt = true;
    let json = serde_json::to_value(layout(&grid(&["R"], &["A", "B"], items))).unwrap();
    assert_eq!(json["kind"], "heatmap");
    assert_eq!(json["rows"][0]["cells"][0]["class"], "fit-4");
    assert_eq!(json["rows"][0]["cells"][1]["class"], "exempt");
    let json =
        serde_json::to_value(layout(&chart(ChartType::Radar, values(&[Some(1.0); 3])))).unwrap();
    assert_eq!(json["kind"], "radar");
    assert_eq!(json["axes"][0]["label"]["anchor"], "middle");
    let v = ChartLayout::Radar(radar(&chart(ChartType::Radar, values(&[Some(1.0); 3]))));
    assert_eq!(
        v.view_box().unwrap().attr(),
        format!("0 0 320 {}", v.view_box().unwrap().height)
    );
}

#[test]
fn wrapping_breaks_at_spaces_and_cuts_what_does_not_fit() {
    let (lines, cut) = wrap("one two three", 1000.0, 12.0, 2);
    assert_eq!((lines, cut), (vec!["one two three".to_owned()], false));
    let room = text_width("one two", 12.0);
    let (lines, cut) = wrap("one two three", room, 12.0, 2);
    assert_eq!(
        (lines, cut),
        (vec!["one two".to_owned(), "three".to_owned()], false)
    );
    let (lines, cut) = wrap("one two three four five six", room, 12.0, 2);
    assert!(cut);
    assert_eq!(lines.len(), 2);
    assert!(lines[1].ends_with('…'));
    assert!(lines.iter().all(|l| text_width(l, 12.0) <= room));
    let (lines, cut) = wrap("", 100.0, 12.0, 2);
    assert!(lines.is_empty() && !cut);
    let (lines, cut) = wrap("Supercalifragilistic", 40.0, 12.0, 1);
    assert!(cut);
    assert!(lines[0].ends_with('…') && text_width(&lines[0], 12.0) <= 40.0);
}

#[test]
fn the_radar_shrinks_to_make_room_for_long_labels() {
    let short = radar(&chart(ChartType::Radar, values(&[Some(50.0); 6])));
    assert_eq!(short.radius, RADIUS_MAX);
    let items = ["Service commitments and everything that comes with them"; 9]
        .iter()
        .map(|l| item(l, Some(50.0), None))
        .collect();
    let long = radar(&chart(ChartType::Radar, items));
    assert!(long.radius < RADIUS_MAX && long.radius >= RADIUS_MIN);
}
