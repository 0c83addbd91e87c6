//! An estimate: one amount as a large figure with its unit, marked as an estimate, and the
//! formula it comes from. It is text, so it needs no drawing and no table.

use std::rc::Rc;

use sextant_engine::chart::{EstimateLayout, UnitPosition};
use sextant_engine::typed::show_amount;
use yew::prelude::*;

use crate::components::chart::{table_value, ChartContext};

/// Props of [`ChartEstimate`].
#[derive(Properties, PartialEq)]
pub struct ChartEstimateProps {
    /// The amount, as the engine prepared it.
    pub layout: Rc<EstimateLayout>,
    /// The chart's ids and words.
    pub context: ChartContext,
    /// The word shown with the amount, e.g. "Estimate".
    pub estimate_label: AttrValue,
    /// The locale whose signs group the digits and mark the decimals, e.g. "nl".
    #[prop_or_default]
    pub lang: AttrValue,
}

/// The figure and the formula.
#[component]
pub fn ChartEstimate(props: &ChartEstimateProps) -> Html {
    let l = &*props.layout;
    let amount = match l.value {
        // Rounded and grouped as the key figures show an amount ("210.000" in Dutch).
        Some(v) => show_amount(v, 0, &props.lang),
        None => String::new(),
    };
    let unit = l.unit.clone().filter(|_| !l.missing);
    let unit_html = |position: UnitPosition| match &unit {
        Some(u) if l.unit_position == position => {
            let text = match position {
                UnitPosition::Before => format!("{u}\u{a0}"),
                UnitPosition::After => format!("\u{a0}{u}"),
            };
            html! { <span class="sx-chart-unit">{ text }</span> }
        }
        _ => html! {},
    };
    html! {
        <div class="sx-chart-estimate-body">
            if !l.label.is_empty() {
                <p class="sx-chart-estimate-label">{ &l.label }</p>
            }
            <p class="sx-chart-figure">
                <span class={classes!("sx-chart-amount", l.missing.then_some("sx-missing"))}>
                    { unit_html(UnitPosition::Before) }
                    { table_value(&amount, l.missing, &props.context.no_value) }
                    { unit_html(UnitPosition::After) }
                </span>
                { " " }
                <span class="sx-chart-badge">{ props.estimate_label.clone() }</span>
            </p>
            if let Some(formula) = &l.formula {
                <p class="sx-chart-formula">{ formula }</p>
            }
        </div>
    }
}
