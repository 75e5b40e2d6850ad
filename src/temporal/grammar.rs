//! The temporal grammar: finds DATE, TIME, DURATION and SET expressions in
//! scanned words and resolves each to its TIMEX3 value.
//!
//! Matching is greedy, left to right: at each word every pattern family is
//! tried and the longest match wins; the scan then resumes after it. The
//! families live in their own files as further `impl Grammar` blocks:
//! `dates` (calendar dates), `relative` (deictic and
//! anaphoric dates), `periods` (seasons, quarters), `clock`
//! (times of day) and `durations` (DURATION and SET). This file holds
//! the scan, the shared word tests and the modifiers ("late", "mid-"). Values
//! are resolved as they are found, so anaphoric expressions ("the next day")
//! can use the most recent full date mentioned before them (`Anchor`).
//! Deictic expressions ("yesterday", "on Friday") use the reference date and,
//! where the direction is open, the tense of the clause ([`crate::temporal::tense`]).

use std::cell::Cell;

use crate::calendar::Date;
use crate::document::Label;
use crate::temporal::lexicon::{self, Unit};
use crate::temporal::tense::{tense, Tense};
use crate::temporal::words::Word;

/// A temporal expression found in the words: `words[start..end]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// Index of the first word.
    pub start: usize,
    /// Index one past the last word.
    pub end: usize,
    /// DATE, TIME, DURATION or SET.
    pub label: Label,
    /// The TIMEX3 value; `None` when it falls outside the calendar (years
    /// 1 to 9999): "tomorrow" said on 9999-12-31 is marked but has no value.
    pub value: Option<String>,
}

/// The most recent fully specified day mentioned, for anaphoric expressions.
pub(super) type Anchor = Option<Date>;

/// A match of one pattern: the word index after it, its label and value
/// (`None` when resolving it leaves the calendar).
pub(super) type Hit = (usize, Label, Option<String>);

/// Words that make a following bare month or year a date ("in May", "since 1998").
pub(super) const DATE_CUES: &[&str] = &[
    "in",
    "since",
    "by",
    "until",
    "till",
    "during",
    "from",
    "through",
    "before",
    "after",
    "of",
    "to",
    "between",
    "and",
    "last",
    "this",
    "next",
    "early",
    "late",
    "mid",
    "end",
    "beginning",
    "start",
    "middle",
    "for",
    "around",
    "on",
    "past",
    "throughout",
    "within",
    "into",
    "circa",
];

/// Determiners before a date used as a modifier ("the 1996 law", "a June agreement").
pub(super) const DETERMINERS: &[&str] = &[
    "the", "a", "an", "that", "this", "its", "his", "her", "their", "our", "'s",
];

/// Words before "a year", "an hour" that make it a stretch of time rather
/// than a rate ("for a year" but "$5 a year").
pub(super) const DURATION_CUES: &[&str] = &[
    "for",
    "in",
    "within",
    "about",
    "around",
    "than",
    "over",
    "nearly",
    "almost",
    "after",
    "before",
    "least",
    "of",
    "only",
    "just",
    "take",
    "takes",
    "took",
    "taking",
    "spent",
    "spend",
    "lasted",
    "last",
    "lasts",
    "during",
    "under",
    "roughly",
    "barely",
    "throughout",
    "through",
    "another",
];

/// Words after a number that show it counts things rather than naming a year.
pub(super) const MEASURES: &[&str] = &[
    "people",
    "persons",
    "troops",
    "soldiers",
    "percent",
    "%",
    "points",
    "shares",
    "units",
    "cars",
    "dollars",
    "yen",
    "euros",
    "pounds",
    "tons",
    "tonnes",
    "barrels",
    "miles",
    "meters",
    "metres",
    "feet",
    "kilometers",
    "km",
    "votes",
    "jobs",
    "workers",
    "employees",
    "members",
    "cases",
    "deaths",
    "homes",
    "acres",
    "calories",
    "words",
    "pages",
    "copies",
    "hours",
    "minutes",
    "seconds",
    "days",
    "weeks",
    "months",
    "years",
    "times",
    "x",
    "by",
    "mhz",
    "ghz",
    "kg",
    "lb",
    "lbs",
    "mm",
    "cm",
];

/// Finds all temporal expressions in `words`, resolved against `reference`.
/// `sentences` are byte ranges used to find the tense of each clause.
pub fn find(
    text: &str,
    words: &[Word],
    reference: Date,
    sentences: &[(usize, usize)],
) -> Vec<Found> {
    let mut carry = Carry::default();
    let mut out = Vec::new();
    find_from(
        text,
        words,
        reference,
        sentences,
        0,
        words.len(),
        &mut carry,
        &mut out,
    );
    out
}

/// What the scan carries from one stretch of words to the next: the dates
/// anaphora and clock times refer to, and the last expression found.
#[derive(Clone, Debug, Default)]
pub struct Carry {
    anchor: Anchor,
    last_day: Option<Date>,
    quarters: Quarters,
    last: Option<Found>,
}

impl Carry {
    /// Follows the words when the first `n` are dropped from the slice:
    /// indices shift, and a last expression among the dropped ones is too
    /// far back to join the next one.
    pub fn drop_words(&mut self, n: usize) {
        self.last = self.last.take().and_then(|mut f| {
            f.start = f.start.checked_sub(n)?;
            f.end -= n;
            Some(f)
        });
    }
}

/// Like [`find`] over a window of the text's words: starts matches at
/// `from..until` (a match may run past `until`), appends them to `out`, and
/// returns the index where the next window resumes. With `carry` kept
/// between calls and [`LOOKAROUND`] words of context on each side of
/// `from..until`, the windows find exactly what [`find`] finds on all words.
#[allow(clippy::too_many_arguments)]
pub fn find_from(
    text: &str,
    words: &[Word],
    reference: Date,
    sentences: &[(usize, usize)],
    from: usize,
    until: usize,
    carry: &mut Carry,
    out: &mut Vec<Found>,
) -> usize {
    let grammar = Grammar {
        text,
        words,
        reference,
        sentences,
        last_day: Cell::new(carry.last_day),
        quarters: Cell::new(carry.quarters),
    };
    let mut i = from;
    while i < until {
        let found = match grammar.longest_at(i, carry.anchor) {
            Some((end, label, value)) if end > i => {
                if let Some(day) = value.as_deref().and_then(full_day) {
                    grammar.last_day.set(Some(day));
                }
                if let Some(start) = value.as_deref().and_then(period_start) {
                    carry.anchor = Some(start);
                }
                grammar.note_period(i, end, label, value.as_deref());
                let prev = carry.last.as_ref();
                let value =
                    value.map(|value| on_previous_day(prev, words, i, label, value, reference));
                let found = Found {
                    start: i,
                    end,
                    label,
                    value,
                };
                i = end;
                Some(found)
            }
            _ => {
                let found = coordinated_day(carry.last.as_ref(), words, i);
                i += 1;
                found
            }
        };
        if let Some(found) = found {
            carry.last = Some(found.clone());
            out.push(found);
        }
    }
    carry.last_day = grammar.last_day.get();
    carry.quarters = grammar.quarters.get();
    i
}

/// How many words before and after a position the grammar may look at: the
/// context a window of words needs on each side ([`find_from`]).
pub const LOOKAROUND: usize = 256;

/// The second day of "April 24 and 25" or "May 5-6", in the first one's month.
fn coordinated_day(prev: Option<&Found>, words: &[Word], i: usize) -> Option<Found> {
    let prev = prev?;
    let w = &words[i];
    let day: u32 = w
        .number()
        .filter(|d| (1..=31).contains(d) && w.lower().len() <= 2)?;
    let linked = i >= 1
        && prev.end == i - 1
        && matches!(words[i - 1].lower(), "and" | "or" | "-" | "to" | "through");
    let ends_on_day =
        words[prev.end - 1].is_number() && prev.value.as_ref().is_some_and(|v| v.len() == 10);
    let closes = words
        .get(i + 1)
        .is_none_or(|n| n.is_punct() && n.lower() != "-" && n.lower() != "/" && n.lower() != ":");
    if !(linked && ends_on_day && closes) {
        return None;
    }
    let first = full_day(prev.value.as_deref()?)?;
    let date = Date::new(first.year, first.month, day).filter(|d| *d > first)?;
    Some(Found {
        start: i,
        end: i + 1,
        label: Label::Date,
        value: Some(date.to_string()),
    })
}

/// Puts a clock time found on the reference day onto the date right before
/// it instead: "04/15/2013 at 7 p.m." → 2013-04-15T19:00.
fn on_previous_day(
    prev: Option<&Found>,
    words: &[Word],
    i: usize,
    label: Label,
    value: String,
    reference: Date,
) -> String {
    let Some(prev) = prev else { return value };
    let on_reference =
        value.len() > 10 && value.starts_with(&reference.to_string()) && &value[10..11] == "T";
    let joined = prev.end == i
        || (prev.end + 1 == i && matches!(words[prev.end].lower(), "at" | "," | "from"));
    match prev.value.as_deref().and_then(full_day) {
        Some(day)
            if label == Label::Time && on_reference && joined && prev.label == Label::Date =>
        {
            format!("{day}{}", &value[10..])
        }
        _ => value,
    }
}

/// The day of a hit whose value is `YYYY-MM-DD…`.
pub(super) fn hit_day(hit: &Hit) -> Option<Date> {
    hit.2.as_deref().and_then(full_day)
}

/// The day of a `YYYY-MM-DD…` value.
pub(super) fn full_day(value: &str) -> Option<Date> {
    Date::parse_iso(value.get(..10)?)
}

pub(super) struct Grammar<'a> {
    pub(super) text: &'a str,
    pub(super) words: &'a [Word<'a>],
    pub(super) reference: Date,
    pub(super) sentences: &'a [(usize, usize)],
    /// The most recent full day mentioned, for clock times without a day.
    pub(super) last_day: Cell<Option<Date>>,
    /// The quarter an earnings report speaks of ([`Grammar::reported`]).
    pub(super) quarters: Cell<Quarters>,
}

/// What the scan knows of the quarters a text mentions.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Quarters {
    /// A day in the quarter the text reports on: earnings stories name it in
    /// the lead ("third-quarter profit rose"), then call it "the quarter".
    reported: Option<Date>,
    /// Byte offset of the latest mention of any quarter.
    seen_at: Option<usize>,
    /// True once a half-year or nine-month period follows the latest
    /// quarter: the text has moved on to longer periods.
    stretch: bool,
}
/// How far back, in bytes, a quarter mentioned keeps the text on quarters:
/// about a paragraph or two of an earnings story.
const QUARTER_REACH: usize = 1200;

/// Words in a quarter's expression that make it a comparison period, not the
/// one being reported ("the year-ago quarter", "last year's third quarter").
const COMPARISON_WORDS: &[&str] = &["ago", "earlier", "last", "previous", "prior", "before"];

/// The first day of a dated value: "1998" → 1998-01-01, "1998-03" → 1998-03-01,
/// "1998-Q2" → 1998-04-01, "1998-03-05T10:00" → 1998-03-05.
fn period_start(value: &str) -> Option<Date> {
    if let Some(day) = full_day(value) {
        return Some(day);
    }
    let year: i32 = value
        .get(..4)
        .filter(|y| y.bytes().all(|b| b.is_ascii_digit()))?
        .parse()
        .ok()?;
    let rest = &value[4..];
    let month = if rest.is_empty() {
        1
    } else if let Some(q) = rest.strip_prefix("-Q") {
        (q.parse::<u32>().ok()?.clamp(1, 4) - 1) * 3 + 1
    } else if rest.len() == 3 && rest.starts_with('-') {
        rest[1..].parse().ok()?
    } else {
        return None;
    };
    Date::new(year, month, 1)
}

/// True if "`amount` `unit` `next`" names a point of time (a DATE) rather than
/// a length of time before or after something (a DURATION). "Ago" and "from
/// now" count from the reference date, so "two weeks ago" is a DATE. Before
/// "earlier", "later", "before" or "after", TimeML marks the amount as a
/// DURATION and the adverb as a signal ("three days later", "a month
/// earlier"), except in business reporting's comparison with the same period
/// one year or quarter before ("up from $4 million a year earlier"), which
/// names that period.
pub(super) fn is_point_in_time(amount: Option<u32>, unit: Unit, next: &str) -> bool {
    match next {
        "ago" | "hence" | "from" => true,
        "earlier" | "later" | "before" | "after" => {
            amount == Some(1) && matches!(unit, Unit::Year | Unit::Quarter) && next == "earlier"
        }
        _ => false,
    }
}

/// Keeps the longer of two hits (the first on ties).
pub(super) fn longer(a: Option<Hit>, b: Option<Hit>) -> Option<Hit> {
    match (a, b) {
        (Some(a), Some(b)) => Some(if b.0 > a.0 { b } else { a }),
        (a, b) => a.or(b),
    }
}

impl<'a> Grammar<'a> {
    /// Remembers the quarters a report speaks of, from the expression found
    /// at `start..end`: the first one within about a year before the
    /// reference date, not named as a comparison ("the year-ago quarter"),
    /// is the reported one, until a later report takes over.
    fn note_period(&self, start: usize, end: usize, label: Label, value: Option<&str>) {
        let Some(value) = value else { return };
        let mut q = self.quarters.get();
        let quarter = value.len() == 7 && value.as_bytes()[4..6] == *b"-Q";
        if label == Label::Date && quarter {
            q.seen_at = Some(self.words[start].start);
            q.stretch = false;
            let comparison = (start..end).any(|k| self.is_any(k, COMPARISON_WORDS));
            // "the quarter ended Sept. 30" is a calendar quarter, which need
            // not be the fiscal one the report numbers.
            let bare =
                (start..end).all(|k| self.is_any(k, &["the", "quarter", "latest", "fiscal"]));
            let ended = bare && self.is_any(end, &["ended", "ending"]);
            let day = period_start(value).filter(|d| {
                let days = self.reference.to_days() - d.to_days();
                (0..=400).contains(&days)
            });
            // The first quarter named leads the report (fiscal ones included);
            // a later one over by the reference date supersedes it
            // ("Separately, Acme reported third-quarter profit"), but not an
            // earlier one in passing ("after a flat second quarter") or one
            // ahead ("a fourth-quarter charge").
            let takes_over = |d: Date| match q.reported {
                None => true,
                Some(r) => d > r && d.add_months(3).is_some_and(|e| e <= self.reference),
            };
            if let (false, false, Some(day)) = (comparison, ended, day.filter(|&d| takes_over(d))) {
                q.reported = Some(day);
            }
        } else if matches!(value, "P6M" | "P9M") || value.ends_with("-H1") || value.ends_with("-H2")
        {
            q.stretch = true;
        }
        self.quarters.set(q);
    }

    /// A day in the quarter an earnings report at word `i` speaks of: the
    /// one it reports on, else the quarter that ended most recently before
    /// the reference date (reports come out within weeks of a quarter's end).
    pub(super) fn reported(&self, i: usize) -> Option<Date> {
        match self.quarters.get().reported {
            Some(day) if self.on_quarters(i) => Some(day),
            _ => self.reference.add_days(-45),
        }
    }

    /// True if the text before word `i` speaks of quarters: it mentioned one
    /// lately ("a quarter of voters" is none), and no longer period since.
    pub(super) fn on_quarters(&self, i: usize) -> bool {
        !self.quarters.get().stretch && self.quarters_lately(i)
    }

    /// True if the text before word `i` speaks of a half-year or nine-month
    /// period that followed a quarter lately ("In the first nine months, net
    /// fell from the 1988 period"): a comparison then names a year.
    pub(super) fn on_longer_period(&self, i: usize) -> bool {
        self.quarters.get().stretch && self.quarters_lately(i)
    }

    fn quarters_lately(&self, i: usize) -> bool {
        let at = self.words.get(i).map_or(self.text.len(), |w| w.start);
        self.quarters
            .get()
            .seen_at
            .is_some_and(|byte| at.saturating_sub(byte) <= QUARTER_REACH)
    }

    pub(super) fn lw(&self, i: usize) -> &str {
        self.words.get(i).map_or("", |w| w.lower())
    }

    pub(super) fn is(&self, i: usize, s: &str) -> bool {
        self.lw(i) == s
    }

    pub(super) fn is_any(&self, i: usize, set: &[&str]) -> bool {
        set.contains(&self.lw(i))
    }

    /// True if word `i` exists and follows word `i - 1` without a space.
    pub(super) fn joined(&self, i: usize) -> bool {
        self.words.get(i).is_some_and(|w| !w.spaced)
    }

    pub(super) fn capitalized(&self, i: usize) -> bool {
        self.words.get(i).is_some_and(|w| w.capitalized)
    }

    pub(super) fn number(&self, i: usize) -> Option<u32> {
        self.words.get(i).and_then(Word::number)
    }

    pub(super) fn digits(&self, i: usize) -> usize {
        self.words
            .get(i)
            .filter(|w| w.is_number())
            .map_or(0, |w| w.lower().len())
    }

    /// Skips an abbreviation period right after word `i - 1`.
    pub(super) fn skip_period(&self, i: usize) -> usize {
        if self.is(i, ".") && self.joined(i) {
            i + 1
        } else {
            i
        }
    }

    /// True if word `i` is glued to a number before it by `,` `.` `-` `/` `:`
    /// (it is then part of a larger number, phone number or score).
    pub(super) fn glued_before(&self, i: usize) -> bool {
        i >= 2
            && self.joined(i)
            && self.is_any(i - 1, &[",", ".", "-", "/", ":", "+"])
            && self.joined(i - 1)
            && self.words[i - 2].is_number()
    }

    pub(super) fn glued_after(&self, end: usize) -> bool {
        self.joined(end)
            && self.is_any(end, &[",", ".", "-", "/", ":", "%"])
            && (self.is(end, "%") || (self.joined(end + 1) && self.number(end + 1).is_some()))
    }

    /// The byte range of the sentence holding word `i`.
    pub(super) fn sentence_of(&self, i: usize) -> (usize, usize) {
        // Sentences are sorted and disjoint: binary search.
        let byte = self.words.get(i).map_or(self.text.len(), |w| w.start);
        let at = self.sentences.partition_point(|(s, _)| *s <= byte);
        let Some(k) = at.checked_sub(1) else {
            return (0, self.text.len());
        };
        let (mut s, mut e) = self.sentences[k];
        if !(s <= byte && byte < e) {
            return (0, self.text.len());
        }
        // The splitter ends a sentence at "9 a.m." before "Tuesday"; one clause.
        let clock_end = |end: usize| {
            let before = self.text.get(..end).unwrap_or("").trim_end().as_bytes();
            let tail = &before[before.len().saturating_sub(4)..];
            tail.eq_ignore_ascii_case(b"a.m.") || tail.eq_ignore_ascii_case(b"p.m.")
        };
        if k > 0 && clock_end(self.sentences[k - 1].1) {
            s = self.sentences[k - 1].0;
        }
        if k + 1 < self.sentences.len() && clock_end(e) {
            e = self.sentences[k + 1].1;
        }
        (s, e)
    }

    /// True if the sentence of word `i`, or the one before, contains one of `cues`.
    pub(super) fn sentence_mentions(&self, i: usize, cues: &[&str]) -> bool {
        let (lo, hi) = self.sentence_of(i);
        let at = self.sentences.partition_point(|(_, e)| *e <= lo);
        let previous = at
            .checked_sub(1)
            .map_or(lo, |k| self.sentences[k].0.min(lo));
        // Bounded, so text without sentence ends stays linear.
        let first = self
            .words
            .partition_point(|w| w.start < previous)
            .max(i.saturating_sub(80));
        self.words[first..]
            .iter()
            .take(120)
            .take_while(|w| w.end <= hi)
            .any(|w| cues.contains(&w.lower()))
    }

    pub(super) fn tense_at(&self, i: usize) -> Tense {
        let (lo, hi) = self.sentence_of(i);
        tense(self.words, i, lo, hi)
    }

    pub(super) fn longest_at(&self, i: usize, anchor: Anchor) -> Option<Hit> {
        let w = &self.words[i];
        // Never start inside a larger alphanumeric run such as "No.1998".
        if w.is_punct() && !matches!(w.lower(), "'") {
            return None;
        }
        let mut best = self.modified(i, anchor);
        best = longer(best, self.date(i, anchor));
        best = longer(best, self.duration(i));
        best = longer(best, self.set(i));
        best
    }

    /// "early/late/mid X", "the end of X", "earlier this year": a modifier
    /// widens the extent; TIMEX3 keeps the value of X (the `mod` attribute
    /// would carry START/MID/END).
    pub(super) fn modified(&self, i: usize, anchor: Anchor) -> Option<Hit> {
        let mut j = i;
        let the = self.is(j, "the");
        if the {
            j += 1;
        }
        // "mid-afternoon yesterday", "late Tuesday evening", "early morning".
        if self.is_any(j, &["early", "late", "mid"]) {
            let k = if self.is(j + 1, "-") && self.joined(j + 1) {
                j + 2
            } else {
                j + 1
            };
            if let Some(part) = lexicon::part_of_day(self.lw(k)) {
                let mut day = self.last_day.get().unwrap_or(self.reference);
                let mut end = k + 1;
                if let Some((e, Label::Date, Some(v))) =
                    self.weekday(end).or_else(|| self.deictic(end))
                {
                    if let Some(d) = full_day(&v) {
                        day = d;
                        end = e;
                    }
                }
                return Some((end, Label::Time, Some(format!("{day}T{part}"))));
            }
        }
        let after = match self.lw(j) {
            "early" | "late" | "earlier" | "later" | "mid" | "middle" => {
                let mut k = j + 1;
                if self.is(k, "-") && self.joined(k) {
                    k += 1;
                } else if self.is(j, "middle") {
                    if !self.is(k, "of") {
                        return None;
                    }
                    k += 1;
                }
                k
            }
            "end" | "beginning" | "start" | "close" if self.is(j + 1, "of") => j + 2,
            // "end-2020", "start-December": news shorthand for "the end of".
            "end" | "start" if self.is(j + 1, "-") && self.joined(j + 1) && self.joined(j + 2) => {
                j + 2
            }
            _ => return None,
        };
        // "Earlier Friday", "late Monday", "later today": news style leaves
        // the adverb outside the expression; the day alone is the date.
        let day_word = (lexicon::weekday(self.lw(after)).is_some() && self.capitalized(after))
            || self.is_any(after, &["today", "tonight", "yesterday", "tomorrow"]);
        if day_word && self.is_any(j, &["earlier", "later", "early", "late"]) {
            return None;
        }
        if self.is(j, "earlier") || self.is(j, "later") {
            // "earlier this year", "later today", "Earlier Sunday", "later that year".
            let day_word = lexicon::weekday(self.lw(after)).is_some() && self.capitalized(after);
            if !(day_word
                || self.is_any(
                    after,
                    &["this", "today", "yesterday", "tomorrow", "tonight", "that"],
                )
                || (self.is(after, "in") && self.is(after + 1, "the")))
            {
                return None;
            }
        }
        let (end, label, value) = self.date(after, anchor).or_else(|| {
            // "the end of the year", "the middle of the month", "earlier in the year".
            let k = if self.is(after, "in") && self.is_any(j, &["earlier", "later"]) {
                after + 1
            } else {
                after
            };
            if self.is(k, "the") {
                // "the end of the decade" too; not "the end of the year-long strike".
                let unit = lexicon::unit(self.lw(k + 1))
                    .filter(|u| {
                        matches!(
                            u,
                            Unit::Week
                                | Unit::Month
                                | Unit::Year
                                | Unit::Quarter
                                | Unit::Decade
                                | Unit::Century
                        )
                    })
                    .filter(|_| !(self.is(k + 2, "-") && self.joined(k + 2)));
                match unit {
                    Some(unit) if !self.lw(k + 1).ends_with('s') => Some((
                        k + 2,
                        Label::Date,
                        Some(Self::period(unit, self.reference)?),
                    )),
                    _ => self.date(k + 1, anchor),
                }
            } else {
                None
            }
        })?;
        if label != Label::Date && label != Label::Time {
            return None;
        }
        Some((end, label, value))
    }

    pub(super) fn date(&self, i: usize, anchor: Anchor) -> Option<Hit> {
        let mut best = self.explicit(i);
        best = longer(best, self.weekday(i));
        best = longer(best, self.month_only(i));
        best = longer(best, self.numeric(i));
        best = longer(best, self.year(i));
        best = longer(best, self.decade(i));
        best = longer(best, self.century(i));
        best = longer(best, self.deictic(i));
        best = longer(best, self.relative_unit(i, anchor));
        best = longer(best, self.ago(i, anchor));
        best = longer(best, self.anaphoric(i, anchor));
        best = longer(best, self.season(i));
        best = longer(best, self.quarter(i));
        best = longer(best, self.reference_words(i));
        best = longer(best, self.clock(i));
        best = longer(best, self.holiday(i));
        best
    }

    /// The value of the period of `unit` that contains `day`.
    pub(super) fn period(unit: Unit, day: Date) -> Option<String> {
        Some(match unit {
            Unit::Day => day.to_string(),
            Unit::Week => {
                let (y, w) = day.iso_week();
                format!("{y:04}-W{w:02}")
            }
            Unit::Weekend => {
                let (y, w) = day.iso_week();
                format!("{y:04}-W{w:02}-WE")
            }
            Unit::Month => format!("{:04}-{:02}", day.year, day.month),
            Unit::Quarter => format!("{:04}-Q{}", day.year, (day.month - 1) / 3 + 1),
            Unit::Year => format!("{:04}", day.year),
            Unit::Decade => format!("{:03}", day.year / 10),
            Unit::Century => format!("{:02}", day.year / 100),
            Unit::Hour | Unit::Minute | Unit::Second => return None,
        })
    }

    /// The value of the period of `unit` that holds `day` moved by `n` units:
    /// `None` for a unit without a calendar period (hours), `Some(None)`
    /// when the move leaves the calendar ("next year" said in 9999).
    pub(super) fn shifted(unit: Unit, day: Date, n: i64) -> Option<Option<String>> {
        Self::period(unit, day)?;
        Some(Self::shift(unit, day, n).and_then(|d| Self::period(unit, d)))
    }

    /// `day` moved by `n` units.
    pub(super) fn shift(unit: Unit, day: Date, n: i64) -> Option<Date> {
        match unit {
            Unit::Day => day.add_days(n),
            Unit::Week | Unit::Weekend => day.add_days(7 * n),
            Unit::Month => day.add_months(n),
            Unit::Quarter => day.add_months(3 * n),
            Unit::Year => day.add_months(12 * n),
            Unit::Decade => day.add_months(120 * n),
            Unit::Century => day.add_months(1200 * n),
            Unit::Hour | Unit::Minute | Unit::Second => None,
        }
    }

    /// True if words `i` and `i + 1` are "or so".
    pub(super) fn or_so(&self, i: usize) -> bool {
        self.is(i, "or") && self.is(i + 1, "so")
    }

    /// True if the `n` words from `i` are all capitalized in mid-sentence: a
    /// title such as "VOA Today" or "This Week With David Brinkley".
    pub(super) fn is_title(&self, i: usize, n: usize) -> bool {
        // A quotation mark does not start a sentence when the words after it
        // are all capitalized: ABC's "This Week".
        let quoted = i > 0 && matches!(self.lw(i - 1), "\"" | "`" | "'") && n > 1;
        let mid_sentence = i > 0
            && i < self.words.len()
            && (!self.words[i - 1].is_punct() || quoted)
            && !self.words[i].newline;
        mid_sentence && (i..i + n).all(|k| self.capitalized(k))
    }

    /// A count before a unit: "two", "2", "a", "an", "twenty-four", "several" (None).
    pub(super) fn amount(&self, i: usize) -> Option<(Option<u32>, usize)> {
        let w = self.words.get(i)?;
        if w.is_number() && w.lower().len() <= 4 && !self.glued_before(i) {
            if self.glued_after(i + 1) {
                return None;
            }
            return Some((w.number(), i + 1));
        }
        match w.lower() {
            "a" | "an" | "one" => {
                if self.is(i + 1, "few") {
                    return Some((None, i + 2));
                }
                if self.is(i + 1, "couple") && self.is(i + 2, "of") {
                    return Some((Some(2), i + 3));
                }
                return Some((Some(1), i + 1));
            }
            "several" | "few" | "many" | "some" | "numerous" => return Some((None, i + 1)),
            _ => {}
        }
        let n = lexicon::number_word(w.lower())?;
        // "twenty-four", "twenty four"
        if n >= 20 && n % 10 == 0 && n < 100 {
            let k = if self.is(i + 1, "-") && self.joined(i + 1) {
                i + 2
            } else {
                i + 1
            };
            if let Some(u) = lexicon::number_word(self.lw(k)).filter(|u| *u < 10) {
                return Some((Some(n + u), k + 1));
            }
        }
        Some((Some(n), i + 1))
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::temporal::words::scan;

    /// (text, expected extent, label, value), reference Sunday 2025-12-21:
    /// modifiers and links between expressions.
    #[rustfmt::skip]
    const POSITIVES: &[(&str, &str, Label, &str)] = &[
        ("It rained earlier this year.", "earlier this year", Label::Date, "2025"),
        ("Prices peak in late December.", "late December", Label::Date, "2025-12"),
        ("Elections are due in mid-2026.", "mid-2026", Label::Date, "2026"),
        ("Rates stay low until end-2026.", "end-2026", Label::Date, "2026"),
        ("Rates stay low until end-March.", "end-March", Label::Date, "2026-03"),
        ("It will be held on April 24 and 25.", "25", Label::Date, "2026-04-25"),
        ("Shares rose at mid-afternoon yesterday.", "mid-afternoon yesterday", Label::Time, "2025-12-20TAF"),
        ("It was delayed earlier in the year.", "earlier in the year", Label::Date, "2025"),
        ("By the end of the decade, it grows.", "the end of the decade", Label::Date, "202"),
        ("Cities will grow before the end of the century.", "the end of the century", Label::Date, "20"),
        ("Earlier Friday, lawyers filed.", "Friday", Label::Date, "2025-12-19"),
    ];

    /// The (extent, label, value) of everything found in `text`, reference 2025-12-21.
    pub(crate) fn run(text: &str) -> Vec<(String, Label, Option<String>)> {
        run_at(text, "2025-12-21")
    }

    /// The (extent, label, value) of everything found in `text` against `reference`.
    pub(crate) fn run_at(text: &str, reference: &str) -> Vec<(String, Label, Option<String>)> {
        let reference = Date::parse_iso(reference).unwrap();
        let words = scan(text);
        find(text, &words, reference, &[(0, text.len())])
            .into_iter()
            .map(|f| {
                (
                    text[words[f.start].start..words[f.end - 1].end].to_string(),
                    f.label,
                    f.value,
                )
            })
            .collect()
    }

    /// Fails with every case of `cases` that is not found with its extent, label and value.
    pub(crate) fn check(cases: &[(&str, &str, Label, &str)]) {
        check_on("2025-12-21", cases);
    }

    /// Like [`check`], every case against `reference`.
    pub(crate) fn check_on(reference: &str, cases: &[(&str, &str, Label, &str)]) {
        let cases: Vec<_> = cases
            .iter()
            .map(|&(text, extent, label, value)| (text, reference, extent, label, value))
            .collect();
        check_at(&cases);
    }

    /// Like [`check`], each case with its own reference date:
    /// (text, reference, extent, label, value).
    pub(crate) fn check_at(cases: &[(&str, &str, &str, Label, &str)]) {
        let mut failures = Vec::new();
        for &(text, reference, extent, label, value) in cases {
            let found = run_at(text, reference);
            if !found
                .iter()
                .any(|(e, l, v)| e == extent && *l == label && v.as_deref() == Some(value))
            {
                failures.push(format!(
                    "{text:?} ({reference}): expected {extent:?} {label} {value}, got {found:?}"
                ));
            }
        }
        assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    }

    #[test]
    fn modifiers_and_links_keep_the_value_of_what_they_modify() {
        check(POSITIVES);
    }

    #[test]
    fn anaphora_follow_the_last_full_date() {
        let found = run("On March 3, 2011, they met. The next day they left.");
        assert_eq!(
            found[1],
            (
                "The next day".to_string(),
                Label::Date,
                Some("2011-03-04".to_string())
            )
        );
    }

    /// Text that looks temporal but is not a DATE or TIME.
    const NOT_DATES: &[&str] = &[
        "May I ask a question?",
        "Protesters march on the capital.",
        "He writes for the Sunday Times.",
        "The 1990s Act was repealed.",
        "Call 555-2020 or 555-1998 today.",
        "Arsenal won 3-1 at home.",
        "Upgrade to version 2.0 or 10.12.",
        "The 2020 Vision plan failed.",
        "He paid $2000 for 1500 shares.",
        "It weighs 1,998 kg.",
        "April Smith and Will Jones spoke.",
        "The score was 12/4 in the end.",
        "This is VOA Today from Washington.",
        "He spoke on ABC's This Week With David Brinkley.",
        "Speaking on ABC News' \"This Week,\" he said no.",
        "Prices continue to fall sharply.",
        "It was like the film High Noon.",
        "The office is next to the embassy.",
        "The fall of Rome was slow.",
        "He bought 2000 shares.",
        "Call 555-1998-2020 for help.",
        "Serial 1998-2240-7711 failed.",
        "Earlier, they had said no.",
        "The end-user pays.",
        "It was an end-to-end test.",
        "They met at the end of the decade-long feud.",
        "He saw the end of the century-old mill.",
    ];

    #[test]
    fn ignores_lookalikes() {
        let mut failures = Vec::new();
        for &text in NOT_DATES {
            let found: Vec<_> = run(text)
                .into_iter()
                .filter(|(e, l, _)| matches!(l, Label::Date | Label::Time) && e != "today")
                .collect();
            if !found.is_empty() {
                failures.push(format!("{text:?}: {found:?}"));
            }
        }
        assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    }
}
