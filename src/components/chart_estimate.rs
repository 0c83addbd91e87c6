//! An estimate: one amount as a large figure with its unit, marked as an estimate, and the
//! formula it comes from. It is text, so it needs no drawing and no table.

use std::rc::Rc;

use js_sys::{Array, Function, Object, Reflect};
use sextant_engine::chart::{EstimateLayout, UnitPosition};
use wasm_bindgen::{JsCast, JsValue};
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
    /// The locale used to group the digits, e.g. "nl"; empty for the browser's.
    #[prop_or_default]
    pub lang: AttrValue,
}

/// The figure and the formula.
#[component]
pub fn ChartEstimate(props: &ChartEstimateProps) -> Html {
    let l = &*props.layout;
    let amount = match l.value {
        Some(v) => grouped(v, &props.lang).unwrap_or_else(|| l.text.clone()),
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

/// `value` rounded to a whole number with its digits grouped for `lang` (`12.345` in Dutch,
/// `12,345` in English), through the browser's `Intl.NumberFormat`. `None` when that is not
/// available or the locale is not valid, so the caller can fall back to plain digits.
fn grouped(value: f64, lang: &str) -> Option<String> {
    let intl = Reflect::get(&js_sys::global(), &JsValue::from_str("Intl")).ok()?;
    let constructor: Function = Reflect::get(&intl, &JsValue::from_str("NumberFormat"))
        .ok()?
        .dyn_into()
        .ok()?;
    let locales = Array::new();
    if !lang.is_empty() {
        locales.push(&JsValue::from_str(lang));
    }
    let options = Object::new();
    Reflect::set(
        &options,
        &JsValue::from_str("maximumFractionDigits"),
        &JsValue::from_f64(0.0),
    )
    .ok()?;
    // `Reflect.construct` reports a bad locale as an error instead of throwing through Rust.
    let format = Reflect::construct(&constructor, &Array::of2(&locales, &options)).ok()?;
    let method: Function = Reflect::get(&format, &JsValue::from_str("format"))
        .ok()?
        .dyn_into()
        .ok()?;
    method
        .call1(&format, &JsValue::from_f64(value))
        .ok()?
        .as_string()
}
