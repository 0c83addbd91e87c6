//! The widget's components, one per file.

pub mod allocation;
pub mod app;
pub mod chart;
pub mod chart_bars;
pub mod chart_estimate;
pub mod chart_heatmap;
pub mod chart_radar;
pub mod choice_group;
pub mod error_box;
pub mod import_button;
pub mod level_question;
pub mod notice_bar;
pub mod number_question;
pub mod question;
pub mod recommendation_list;
pub mod report_actions;
pub mod report_body;
pub mod report_view;
pub mod score_table;
pub mod shared_report;
pub mod step_index;
pub mod step_view;
pub mod submit_panel;
pub mod team_view;
pub mod toolbar;
pub mod welcome;
