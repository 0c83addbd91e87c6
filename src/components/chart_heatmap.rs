//! A heatmap: rows × columns of cells shaded in five steps, each with its number, and the same
//! grid as a table.

use std::rc::Rc;

use sextant_engine::chart::{FitClass, HeatCell, HeatmapLayout};
use yew::prelude::*;

use crate::components::chart::{num, svg, table_value, text_block, value_text, ChartContext, DASH};

/// Props of [`ChartHeatmap`].
#[derive(Properties, PartialEq)]
pub struct ChartHeatmapProps {
    /// The grid, as the engine laid it out.
    pub layout: Rc<HeatmapLayout>,
    /// The chart's ids and words.
    pub context: ChartContext,
    /// The word for a cell that is a deliberate exception; empty leaves it out.
    #[prop_or_default]
    pub exempt_label: AttrValue,
}

/// The class of a cell's fill, e.g. `sx-fit-3` or `sx-exempt`.
fn fill_class(class: FitClass) -> String {
    format!("sx-{}", class.as_str())
}

/// The drawing, its legend and its table.
#[component]
pub fn ChartHeatmap(props: &ChartHeatmapProps) -> Html {
    let l = &*props.layout;
    let cx = &props.context;
    let exempt_word = (!props.exempt_label.is_empty()).then(|| props.exempt_label.clone());
    let cell = |c: &HeatCell| {
        let tip = match (&c.value.missing, &exempt_word) {
            (true, _) => format!("{}: {}", c.label, cx.no_value),
            (false, Some(word)) if c.exempt => format!("{}: {} ({word})", c.label, c.value.text),
            (false, _) => format!("{}: {}", c.label, c.value.text),
        };
        html! {
            <g class={classes!("sx-chart-cell", fill_class(c.class))}>
                <title>{ tip }</title>
                <rect x={num(c.rect.x)} y={num(c.rect.y)} width={num(c.rect.width)}
                    height={num(c.rect.height)} rx="3" />
                { value_text(&c.value, "sx-chart-cell-value") }
            </g>
        }
    };
    let drawing = html! {
        <>
            { for l.columns.iter().map(|h| text_block(h, "sx-chart-column-label")) }
            { for l.rows.iter().map(|row| html! {
                <g class="sx-chart-heat-row">
                    { text_block(&row.header, "sx-chart-label") }
                    { for row.cells.iter().map(cell) }
                </g>
            }) }
        </>
    };
    html! {
        <>
            { svg(cx, l.view_box, drawing) }
            <ul class="sx-chart-legend sx-chart-steps">
                { for l.legend.iter().map(|step| html! {
                    <li>
                        <span class={classes!("sx-chart-key", "sx-chart-key-cell", fill_class(step.class))}
                            aria-hidden="true"></span>
                        { format!("{}–{}", step.from, step.to) }
                    </li>
                }) }
                if l.has_exempt {
                    if let Some(word) = exempt_word.clone() {
                        <li>
                            <span class="sx-chart-key sx-chart-key-cell sx-exempt" aria-hidden="true"></span>
                            { word }
                        </li>
                    }
                }
                if l.has_unknown {
                    <li>
                        <span class="sx-chart-key-dash" aria-hidden="true">{ DASH }</span>
                        { cx.no_value.clone() }
                    </li>
                }
            </ul>
            // A grid can be wider than a phone: it scrolls sideways in a region that can take
            // focus, so it can be scrolled with the keyboard too.
            <div class="sx-chart-scroll" role="region" tabindex="0"
                aria-labelledby={cx.title_id.clone()}>
                <table class="sx-chart-table sx-chart-grid-table">
                    <caption class="sx-visually-hidden">{ cx.title.clone() }</caption>
                    if !l.columns.is_empty() {
                        <thead>
                            <tr>
                                <td></td>
                                { for l.columns.iter().map(|h| html! { <th scope="col">{ &h.full }</th> }) }
                            </tr>
                        </thead>
                    }
                    <tbody>
                        { for l.rows.iter().map(|row| html! {
                            <tr>
                                <th scope="row">{ &row.header.full }</th>
                                { for row.cells.iter().map(|c| html! {
                                    <td class={classes!(
                                        c.exempt.then_some("sx-exempt"),
                                        c.value.missing.then_some("sx-missing"),
                                    )}>
                                        { table_value(&c.value.text, c.value.missing, &cx.no_value) }
                                        if c.exempt {
                                            if let Some(word) = exempt_word.clone() {
                                                { format!(" ({word})") }
                                            }
                                        }
                                    </td>
                                }) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </>
    }
}
