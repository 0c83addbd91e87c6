//! Horizontal bars, each under its label, with an optional marker (e.g. a threshold), and the
//! numbers as a table.

use std::rc::Rc;

use sextant_engine::chart::BarsLayout;
use yew::prelude::*;

use crate::components::chart::{
    legend_entry, num, svg, table_value, text_block, value_text, ChartContext,
};

/// Props of [`ChartBars`].
#[derive(Properties, PartialEq)]
pub struct ChartBarsProps {
    /// The bars, as the engine laid them out.
    pub layout: Rc<BarsLayout>,
    /// The chart's ids and words.
    pub context: ChartContext,
}

/// The drawing, its legend and its table.
#[component]
pub fn ChartBars(props: &ChartBarsProps) -> Html {
    let l = &*props.layout;
    let cx = &props.context;
    let drawing = html! {
        { for l.bars.iter().map(|b| html! {
            <g class={classes!("sx-chart-row", b.value.missing.then_some("sx-missing"))}>
                { text_block(&b.label, "sx-chart-label") }
                <rect class="sx-chart-track" x={num(b.track.x)} y={num(b.track.y)}
                    width={num(b.track.width)} height={num(b.track.height)} rx="3" />
                if let Some(r) = b.bar {
                    <rect class="sx-chart-bar" x={num(r.x)} y={num(r.y)}
                        width={num(r.width)} height={num(r.height)} rx="3" />
                }
                if let Some(m) = b.marker {
                    <line class="sx-chart-marker-halo" x1={num(m.x1)} y1={num(m.y1)}
                        x2={num(m.x2)} y2={num(m.y2)} />
                    <line class="sx-chart-marker" x1={num(m.x1)} y1={num(m.y1)}
                        x2={num(m.x2)} y2={num(m.y2)} />
                }
                { value_text(&b.value, "sx-chart-value") }
            </g>
        }) }
    };
    let value_label = l.value_label.clone();
    let target_label = l.target_label.clone().filter(|_| l.has_target);
    let has_legend = value_label.is_some() || target_label.is_some();
    let has_head = has_legend || l.has_target;
    html! {
        <>
            { svg(cx, l.view_box, drawing) }
            if has_legend {
                <ul class="sx-chart-legend">
                    if let Some(text) = value_label.clone() {
                        { legend_entry("sx-chart-key-bar", text) }
                    }
                    if let Some(text) = target_label.clone() {
                        { legend_entry("sx-chart-key-marker", text) }
                    }
                </ul>
            }
            <table class="sx-chart-table">
                <caption class="sx-visually-hidden">{ cx.title.clone() }</caption>
                if has_head {
                    <thead>
                        <tr>
                            <td></td>
                            <th scope="col">{ value_label.unwrap_or_else(|| cx.title.to_string()) }</th>
                            if l.has_target {
                                <th scope="col">{ target_label.unwrap_or_default() }</th>
                            }
                        </tr>
                    </thead>
                }
                <tbody>
                    { for l.bars.iter().map(|b| html! {
                        <tr>
                            <th scope="row">{ &b.label.full }</th>
                            <td class={classes!(b.value.missing.then_some("sx-missing"))}>
                                { table_value(&b.value.text, b.value.missing, &cx.no_value) }
                            </td>
                            if l.has_target {
                                <td class={classes!(b.target_text.is_none().then_some("sx-missing"))}>
                                    { table_value(b.target_text.as_deref().unwrap_or_default(),
                                        b.target_text.is_none(), &cx.no_value) }
                                </td>
                            }
                        </tr>
                    }) }
                </tbody>
            </table>
        </>
    }
}
