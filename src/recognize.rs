//! Recognizers and the mentions they propose.
//!
//! Each recognizer looks at the tokenized text and pushes candidate
//! [`Mention`]s; they may overlap each other. [`crate::resolve`] then picks a
//! sorted, non-overlapping set. Recognizers live in their own modules:
//! [`crate::temporal`] for dates and times, [`crate::ner`] for people, places
//! and organisations.

use crate::calendar::Date;
use crate::document::Label;
use crate::tokenize::Tokenized;

/// A candidate mention, in byte offsets of the analysed text.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    /// Byte offset of the first byte (a char boundary).
    pub start: usize,
    /// Byte offset one past the end (a char boundary).
    pub end: usize,
    /// What it is.
    pub label: Label,
    /// TIMEX3 value, for temporal labels.
    pub value: Option<String>,
    /// Model confidence in 0..=1, if the recognizer has one.
    pub confidence: Option<f64>,
}

/// What every recognizer sees.
pub struct Context<'a> {
    /// The whole text.
    pub text: &'a str,
    /// Its tokens and sentences.
    pub tokenized: &'a Tokenized,
    /// The date deictic expressions ("yesterday") are resolved against.
    pub reference_date: Date,
}

/// Finds mentions of some kinds in a text.
pub trait Recognizer {
    /// Pushes every mention found onto `out`.
    fn recognize(&self, context: &Context<'_>, out: &mut Vec<Mention>);

    /// Does what [`Recognizer::recognize`] does, calling `progress(bytes)`
    /// with how far into the text it has finished, rising; by default once,
    /// at the end.
    fn recognize_with_progress(
        &self,
        context: &Context<'_>,
        out: &mut Vec<Mention>,
        progress: &mut dyn FnMut(usize),
    ) {
        self.recognize(context, out);
        progress(context.text.len());
    }
}
