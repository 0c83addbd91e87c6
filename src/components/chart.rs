//! A report chart: a figure with its title and description, the drawing the engine laid out, and
//! the same numbers as a table, so nothing depends on seeing the drawing or telling colours apart.
//!
//! The geometry comes from [`sextant_engine::chart::layout`]; the parts here only draw it. The
//! drawing is an inline SVG with presentation attributes and classes only (no `style`), styled by
//! `styles/charts.css`.

use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering};

use sextant_engine::chart::{layout, ChartLayout, TextBlock, ValueText};
use sextant_engine::model::ChartType;
use sextant_engine::report::ChartView;
use yew::prelude::*;

use crate::components::chart_bars::ChartBars;
use crate::components::chart_estimate::ChartEstimate;
use crate::components::chart_heatmap::ChartHeatmap;
use crate::components::chart_radar::ChartRadar;

/// Shown in place of a number that is unknown.
pub const DASH: &str = "—";

/// Props of [`Chart`].
#[derive(Properties, PartialEq)]
pub struct ChartProps {
    /// The chart, as the engine resolved it for the report.
    pub view: ChartView,
    /// The word shown with an estimate's amount, e.g. "Estimate".
    pub estimate_label: AttrValue,
    /// Read out where the chart shows a dash for a number that is unknown, e.g. "unknown".
    pub no_value: AttrValue,
    /// Added to a heatmap cell that is a deliberate exception, in the table and the legend,
    /// e.g. "exception". Empty leaves the word out; the drawing marks such cells with a dashed
    /// outline either way.
    #[prop_or_default]
    pub exempt_label: AttrValue,
    /// The locale used to group the digits of an estimate, e.g. "nl"; empty for the browser's.
    #[prop_or_default]
    pub lang: AttrValue,
}

/// What the parts of a chart share: the ids that name and describe the drawing, and the words
/// the caller provides.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartContext {
    /// The chart's title, e.g. for the table caption.
    pub title: AttrValue,
    /// The id of the element holding the title: the drawing's accessible name.
    pub title_id: AttrValue,
    /// The id of the element holding the description, when there is one.
    pub description_id: Option<AttrValue>,
    /// Read out in place of a dash.
    pub no_value: AttrValue,
}

/// Gives every chart on the page its own ids.
static NEXT_ID: AtomicUsize = AtomicUsize::new(0);

/// A chart as a figure: caption, drawing, legend and table.
#[component]
pub fn Chart(props: &ChartProps) -> Html {
    let view = &props.view;
    let serial = *use_memo((), |_| NEXT_ID.fetch_add(1, Ordering::Relaxed));
    let laid_out = use_memo(view.clone(), layout);
    let base = format!("sx-chart-{serial}-{}", id_safe(&view.id));
    let title_id: AttrValue = format!("{base}-title").into();
    let description_id: Option<AttrValue> = view
        .description
        .as_ref()
        .map(|_| format!("{base}-description").into());
    let context = ChartContext {
        title: view.title.clone().into(),
        title_id: title_id.clone(),
        description_id: description_id.clone(),
        no_value: props.no_value.clone(),
    };
    let body = match &*laid_out {
        ChartLayout::Bars(l) => html! {
            <ChartBars layout={Rc::new(l.clone())} context={context} />
        },
        ChartLayout::Heatmap(l) => html! {
            <ChartHeatmap layout={Rc::new(l.clone())} context={context}
                exempt_label={props.exempt_label.clone()} />
        },
        ChartLayout::Radar(l) => html! {
            <ChartRadar layout={Rc::new(l.clone())} context={context} />
        },
        ChartLayout::Estimate(l) => html! {
            <ChartEstimate layout={Rc::new(l.clone())} context={context}
                estimate_label={props.estimate_label.clone()} lang={props.lang.clone()} />
        },
    };
    html! {
        <figure class={classes!("sx-chart", kind_class(view.kind))}>
            <figcaption class="sx-chart-caption">
                <span class="sx-chart-title" id={title_id}>{ &view.title }</span>
                if let (Some(text), Some(id)) = (&view.description, description_id) {
                    <span class="sx-chart-description" id={id}>{ text }</span>
                }
            </figcaption>
            { body }
        </figure>
    }
}

/// The class naming a chart's kind, e.g. `sx-chart-bars`.
fn kind_class(kind: ChartType) -> &'static str {
    match kind {
        ChartType::Bars => "sx-chart-bars",
        ChartType::Heatmap => "sx-chart-heatmap",
        ChartType::Estimate => "sx-chart-estimate",
        ChartType::Radar => "sx-chart-radar",
    }
}

/// A chart id made safe for use in an element id.
fn id_safe(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect()
}

/// A number as an SVG attribute value.
pub(crate) fn num(x: f64) -> AttrValue {
    x.to_string().into()
}

/// The opening of a chart's drawing: role `img`, named by the title and described by the
/// description.
pub(crate) fn svg(
    context: &ChartContext,
    view_box: sextant_engine::chart::ViewBox,
    children: Html,
) -> Html {
    html! {
        <svg class="sx-chart-svg" role="img" focusable="false"
            aria-labelledby={context.title_id.clone()}
            aria-describedby={context.description_id.clone()}
            viewBox={view_box.attr()} width={num(view_box.width)} height={num(view_box.height)}>
            { children }
        </svg>
    }
}

/// A label as SVG text, one `tspan` per line; a shortened label keeps its full text as a tooltip.
pub(crate) fn text_block(block: &TextBlock, class: &'static str) -> Html {
    html! {
        <text class={class} text-anchor={block.anchor.as_str()} font-size={num(block.font_size)}>
            if block.truncated {
                <title>{ &block.full }</title>
            }
            { for block.lines.iter().map(|l| html! {
                <tspan x={num(l.x)} y={num(l.y)}>{ &l.text }</tspan>
            }) }
        </text>
    }
}

/// A number as SVG text, or a dash when it is unknown.
pub(crate) fn value_text(value: &ValueText, class: &'static str) -> Html {
    html! {
        <text class={classes!(class, value.missing.then_some("sx-missing"))}
            x={num(value.x)} y={num(value.y)} text-anchor={value.anchor.as_str()}
            font-size={num(value.font_size)}>
            { if value.missing { DASH } else { value.text.as_str() } }
        </text>
    }
}

/// A number for a table cell: the text, or a dash that is read out as `no_value`.
pub(crate) fn table_value(text: &str, missing: bool, no_value: &AttrValue) -> Html {
    if missing {
        html! {
            <>
                <span aria-hidden="true">{ DASH }</span>
                <span class="sx-visually-hidden">{ no_value.clone() }</span>
            </>
        }
    } else {
        html! { { text.to_owned() } }
    }
}

/// A legend entry: a key drawn by CSS, then its words.
pub(crate) fn legend_entry(key_class: &'static str, text: impl Into<AttrValue>) -> Html {
    html! {
        <li>
            <span class={classes!("sx-chart-key", key_class)} aria-hidden="true"></span>
            { text.into() }
        </li>
    }
}
