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

/// How many words the grammar scans per window (plus its context).
const WINDOW: usize = 4096;

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
        // The words are held a window at a time, with the grammar's context
        // on each side, so memory stays flat however long the text.
        let mut scanner = words::Scanner::new(text);
        let mut words = Vec::with_capacity(WINDOW + 2 * grammar::LOOKAROUND);
        let mut carry = grammar::Carry::default();
        let mut found = Vec::new();
        let mut i = 0;
        loop {
            let wanted = i + WINDOW + grammar::LOOKAROUND;
            words.extend(scanner.by_ref().take(wanted.saturating_sub(words.len())));
            let last = words.len() < wanted;
            let until = if last {
                words.len()
            } else {
                words.len() - grammar::LOOKAROUND
            };
            let reference = context.reference_date;
            i = grammar::find_from(
                text, &words, reference, &sentences, i, until, &mut carry, &mut found,
            );
            out.extend(found.drain(..).map(|f| Mention {
                start: words[f.start].start,
                end: words[f.end - 1].end,
                label: f.label,
                value: f.value,
                confidence: None,
            }));
            if last {
                break;
            }
            let dropped = i.saturating_sub(grammar::LOOKAROUND);
            words.drain(..dropped);
            carry.drop_words(dropped);
            i -= dropped;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::Date;
    use crate::tokenize::tokenize;

    /// The windowed scan of [`TemporalRecognizer`] finds exactly what one
    /// scan over all words finds, also where expressions and their context
    /// (tense cues, anaphora, "April 24 and 25") straddle a window's edge.
    #[test]
    fn windows_find_what_one_scan_finds() {
        let pieces = [
            "Officials said on Friday that talks failed. ",
            "On March 3, 2011, they met. The next day they left. ",
            "It will be held on April 24 and 25. ",
            "The sides will meet on Tuesday at 3 p.m. ",
            "Sales fell two weeks ago, a year earlier than planned. ",
            "word ",
            "( ",
            "((((",
            "\n\n",
        ];
        let mut text = String::new();
        let mut seed = 7u32;
        while text.len() < 200_000 {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            text.push_str(pieces[(seed >> 16) as usize % pieces.len()]);
        }
        let reference = Date::new(2025, 12, 21).unwrap();
        let tokenized = tokenize(&text);
        let context = Context {
            text: &text,
            tokenized: &tokenized,
            reference_date: reference,
        };
        let mut windowed = Vec::new();
        TemporalRecognizer.recognize(&context, &mut windowed);

        let sentences: Vec<(usize, usize)> = tokenized
            .sentences
            .iter()
            .map(|r| {
                (
                    tokenized.tokens[r.start].start,
                    tokenized.tokens[r.end - 1].end,
                )
            })
            .collect();
        let all = words::scan(&text);
        assert!(all.len() > 5 * WINDOW, "the text spans several windows");
        let whole: Vec<_> = grammar::find(&text, &all, reference, &sentences)
            .into_iter()
            .map(|f| (all[f.start].start, all[f.end - 1].end, f.label, f.value))
            .collect();
        let windowed: Vec<_> = windowed
            .into_iter()
            .map(|m| (m.start, m.end, m.label, m.value))
            .collect();
        assert!(whole.len() > 1000);
        assert_eq!(windowed, whole);
    }
}
