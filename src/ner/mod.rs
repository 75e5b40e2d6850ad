//! People, places and organisations: a trained sequence labeler. (Stub: being built.)

use crate::recognize::{Context, Mention, Recognizer};

/// Tags PERSON, PLACE and ORG mentions with the embedded model.
pub struct NameRecognizer;

impl NameRecognizer {
    /// The recognizer with the model compiled into the binary.
    pub fn embedded() -> &'static NameRecognizer {
        static INSTANCE: NameRecognizer = NameRecognizer;
        &INSTANCE
    }
}

impl Recognizer for NameRecognizer {
    fn name(&self) -> &'static str {
        "names"
    }

    fn recognize(&self, _context: &Context<'_>, _out: &mut Vec<Mention>) {}
}

#[cfg(not(target_arch = "wasm32"))]
pub mod bench;
#[cfg(not(target_arch = "wasm32"))]
pub mod eval;
#[cfg(not(target_arch = "wasm32"))]
pub mod train;
