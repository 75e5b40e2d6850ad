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
//! | `gloss train names` | [`train_names::train`] (on [`perceptron`], reading [`corpora`]: [`conll`], [`gum`], BTC, WNUT-17, re3d) |
//! | `gloss train names clusters` | [`clusters_build::build_file`] |
//! | `gloss eval names` | [`eval_names::eval`], [`eval_names::show_errors`], [`eval_names::show_token_diffs`], [`eval_names::calibrate`] (on [`corpora`]) |
//! | `gloss eval dates` | [`eval_dates::eval`] (on [`timeml`]) |
//! | `gloss eval places` | [`eval_places::run`] (on [`tr_news`]) |
//! | `gloss eval entities` | [`eval_entities::run`] (GUM coreference) |
//! | `gloss bench` | [`bench::bench`] |
//! | `gloss fuzz` | [`fuzz::fuzz`] (its invariants, [`fuzz::check_text`], are the property tests') |

pub mod bench;
pub mod clusters_build;
pub mod conll;
pub mod corpora;
pub mod eval_dates;
pub mod eval_entities;
pub mod eval_names;
pub mod eval_places;
pub mod fuzz;
pub mod gum;
pub mod perceptron;
pub mod timeml;
pub mod tr_news;
pub mod train_names;

use std::fmt;
use std::io;

use crate::ner::model::ModelError;

/// Why a developer command failed.
#[derive(Debug)]
pub enum DevError {
    /// A file or folder could not be read.
    Read(String, io::Error),
    /// A file could not be written.
    Write(String, io::Error),
    /// A corpus or input file is not what the command reads.
    Malformed(String, Problem),
    /// A model did not load.
    Model(ModelError),
}

/// What is wrong inside a file, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The line (from 1), when the reader knows it.
    pub line: Option<usize>,
    /// What is wrong, as the end of a sentence ("expected `token ... TAG`").
    pub what: String,
}

impl Problem {
    /// A problem at line `line` (from 1).
    pub fn at(line: usize, what: impl Into<String>) -> Problem {
        Problem {
            line: Some(line),
            what: what.into(),
        }
    }
}

impl From<&str> for Problem {
    fn from(what: &str) -> Problem {
        Problem {
            line: None,
            what: what.to_string(),
        }
    }
}

impl From<String> for Problem {
    fn from(what: String) -> Problem {
        Problem { line: None, what }
    }
}

impl fmt::Display for DevError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DevError::Read(path, error) => write!(f, "Cannot read {path}: {error}."),
            DevError::Write(path, error) => write!(f, "Cannot write {path}: {error}."),
            DevError::Malformed(
                path,
                Problem {
                    line: Some(n),
                    what,
                },
            ) => {
                write!(f, "{path} is malformed at line {n}: {what}.")
            }
            DevError::Malformed(path, Problem { line: None, what }) => {
                write!(f, "{path} is malformed: {what}.")
            }
            DevError::Model(error) => write!(f, "{error}"),
        }
    }
}

impl std::error::Error for DevError {}

impl From<ModelError> for DevError {
    fn from(error: ModelError) -> DevError {
        DevError::Model(error)
    }
}

/// Reads a whole text file, or says which one could not be read.
pub fn read_file(path: &str) -> Result<String, DevError> {
    std::fs::read_to_string(path).map_err(|e| DevError::Read(path.to_string(), e))
}
