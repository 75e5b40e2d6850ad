//! Dates and times: recognition and TIMEX3 normalization. (Stub: being built.)

use crate::calendar::Date;
use crate::recognize::{Context, Mention, Recognizer};
use crate::tokenize::Tokenized;

/// Finds DATE, TIME, DURATION and SET expressions and resolves their values.
pub struct TemporalRecognizer;

impl Recognizer for TemporalRecognizer {
    fn name(&self) -> &'static str {
        "temporal"
    }

    fn recognize(&self, _context: &Context<'_>, _out: &mut Vec<Mention>) {}
}

/// The date of a dateline or date stamp at the top of the text, if any.
pub fn dateline(_text: &str, _tokenized: &Tokenized) -> Option<Date> {
    None
}

#[cfg(not(target_arch = "wasm32"))]
pub mod eval;
