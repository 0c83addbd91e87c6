//! A radar: one axis per item, a grid of rings at 25, 50, 75 and 100, the values as a solid
//! polygon and the targets as a dashed one, a dash on the axis of an unknown value, and the
//! numbers as a table.

use std::rc::Rc;

use sextant_engine::chart::RadarLayout;
use yew::prelude::*;

use crate::components::chart::{
    legend_entry, num, svg, table_value, text_block, ChartContext, DASH,
};

/// Props of [`ChartRadar`].
#[derive(Properties, PartialEq)]
pub struct ChartRadarProps {
    /// The radar, as the engine laid it out.
    pub layout: Rc<RadarLayout>,
    /// The chart's ids and words.
    pub context: ChartContext,
}

/// The drawing, its legend and its table.
#[component]
pub fn ChartRadar(props: &ChartRadarProps) -> Html {
    let l = &*props.layout;
    let cx = &props.context;
    let has_target = l.target_points.is_some();
    let drawing = html! {
        <>
            <g class="sx-chart-grid">
                { for l.grid.iter().filter(|g| !g.points.is_empty()).map(|g| html! {
                    <polygon class="sx-chart-ring" points={g.points.clone()} />
                }) }
                { for l.axes.iter().map(|a| html! {
                    <line class="sx-chart-axis" x1={num(l.center.x)} y1={num(l.center.y)}
                        x2={num(a.end.x)} y2={num(a.end.y)} />
                }) }
            </g>
            if let Some(points) = l.target_points.clone() {
                <polygon class="sx-chart-target" points={points} />
            }
            if !l.value_points.is_empty() {
                <polygon class="sx-chart-area" points={l.value_points.clone()} />
            }
            { for l.axes.iter().filter(|a| !a.value.missing).map(|a| html! {
                <circle class="sx-chart-dot" cx={num(a.value_point.x)} cy={num(a.value_point.y)} r="3" />
            }) }
            // An unknown value (or target) is drawn at the centre, where 0 is: a dash on its
            // axis says it is unknown, as the bars and the table do.
            { for l.axes.iter().filter(|a| a.value.missing || (has_target && a.target_missing)).map(|a| html! {
                <text class="sx-chart-value sx-missing"
                    x={num(l.center.x + (a.end.x - l.center.x) * 0.3)}
                    y={num(l.center.y + (a.end.y - l.center.y) * 0.3)}
                    text-anchor="middle" dominant-baseline="central"
                    font-size={num(a.value.font_size)}>{ DASH }</text>
            }) }
            { for l.axes.iter().map(|a| text_block(&a.label, "sx-chart-label")) }
        </>
    };
    let value_label = l.value_label.clone();
    let target_label = l.target_label.clone().filter(|_| has_target);
    let has_legend = value_label.is_some() || target_label.is_some();
    html! {
        <>
            { svg(cx, l.view_box, drawing) }
            if has_legend {
                <ul class="sx-chart-legend">
                    if let Some(text) = value_label.clone() {
                        { legend_entry("sx-chart-key-area", text) }
                    }
                    if let Some(text) = target_label.clone() {
                        { legend_entry("sx-chart-key-target", text) }
                    }
                </ul>
            }
            <table class="sx-chart-table">
                <caption class="sx-visually-hidden">{ cx.title.clone() }</caption>
                if has_legend || has_target {
                    <thead>
                        <tr>
                            <td></td>
                            <th scope="col">{ value_label.unwrap_or_else(|| cx.title.to_string()) }</th>
                            if has_target {
                                <th scope="col">{ target_label.unwrap_or_default() }</th>
                            }
                        </tr>
                    </thead>
                }
                <tbody>
                    { for l.axes.iter().map(|a| html! {
                        <tr>
                            <th scope="row">{ &a.label.full }</th>
                            <td class={classes!(a.value.missing.then_some("sx-missing"))}>
                                { table_value(&a.value.text, a.value.missing, &cx.no_value) }
                            </td>
                            if has_target {
                                <td class={classes!(a.target_missing.then_some("sx-missing"))}>
                                    { table_value(&a.target_text, a.target_missing, &cx.no_value) }
                                </td>
                            }
                        </tr>
                    }) }
                </tbody>
            </table>
        </>
    }
}
