//! Dates and times: finds TIMEX3 expressions (DATE, TIME, DURATION, SET) in
//! English news text and resolves each to its TIMEX3 value against the
//! reference date.
//!
//! Pieces: [`words`] scans the text, [`lexicon`] names months, units and the
//! like, [`grammar`] runs the scan and holds the modifiers, with one file per
//! pattern family (`dates`, `relative`, `periods`, `clock`, `durations`);
//! [`tense`] decides which way an open weekday or month points;
//! [`mod@dateline`] reads the date an article gives for itself. The TempEval-3
//! scorer is a developer tool in `src/dev/` (native only).

mod clock;
pub mod dateline;
mod dates;
mod durations;
pub mod grammar;
mod holidays;
pub mod lexicon;
mod periods;
mod relative;
pub mod tense;
pub mod words;

use crate::recognize::{Context, Mention, Recognizer};

/// Finds DATE, TIME, DURATION and SET expressions and resolves their values.
pub struct TemporalRecognizer;

impl Recognizer for TemporalRecognizer {
    fn recognize(&self, context: &Context<'_>, out: &mut Vec<Mention>) {
        let text = context.text;
        let tokens = &context.tokenized.tokens;
        let sentences: Vec<(usize, usize)> = context
            .tokenized
            .sentences
            .iter()
            .filter(|r| r.start < r.end && r.end <= tokens.len())
            .map(|r| (tokens[r.start].start, tokens[r.end - 1].end))
            .collect();
        let words = words::scan(text);
        for found in grammar::find(text, &words, context.reference_date, &sentences) {
            out.push(Mention {
                start: words[found.start].start,
                end: words[found.end - 1].end,
                label: found.label,
                value: found.value,
                confidence: None,
            });
        }
    }
}
