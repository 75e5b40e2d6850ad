//! Developer tools (evaluation, corpus readers): native only, never in the page.

pub mod eval_places;
pub mod tr_news;
