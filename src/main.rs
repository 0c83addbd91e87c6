//! The standalone page's entry point.

fn main() {
    sextant_widget::start();
}
