//! Developer tools, native only: training, evaluation, benchmarks and the
//! corpus readers they need. Compiled out of the WebAssembly build.
//!
//! This module sits above the rest of the crate: it may use everything,
//! including [`crate::annotate`], and nothing in the product modules uses it
//! (`tests/layers.rs` checks that). Each command of the `gloss` CLI
//! is one plain function here taking typed arguments:
//!
//! | command | function |
//! | --- | --- |
//! | `gloss train names` | [`train_names::train`] (on [`perceptron`]) |
//! | `gloss train names clusters` | [`clusters_build::build_file`] |
//! | `gloss eval names` | [`eval_names::eval`], [`eval_names::show_errors`], [`eval_names::show_token_diffs`], [`eval_names::calibrate`] (on [`conll`]) |
//! | `gloss eval dates` | [`eval_dates::eval`] (on [`timeml`]) |
//! | `gloss bench` | [`bench::bench`] |

pub mod bench;
pub mod clusters_build;
pub mod conll;
pub mod eval_dates;
pub mod eval_names;
pub mod perceptron;
pub mod timeml;
pub mod train_names;
