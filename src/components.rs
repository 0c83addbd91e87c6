//! The widget's components, one per file.

pub mod app;
pub mod error_box;
pub mod question;
pub mod report_view;
pub mod step_view;
pub mod welcome;
