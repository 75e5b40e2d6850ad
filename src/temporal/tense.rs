//! Tense of the clause around a temporal expression, from cue words: decides
//! whether a bare "Friday" or "December 5" lies before or after the reference
//! date ("said on Friday" → the previous Friday, "will meet on Friday" → the next).

use crate::temporal::words::Word;

/// The direction a clause points in time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tense {
    /// Past: "said", "was", "ended".
    Past,
    /// Future: "will", "is expected to", "plans".
    Future,
    /// No cue found.
    Unknown,
}

/// Words that point to the future.
#[rustfmt::skip]
const FUTURE: &[&str] = &[
    "will", "ll", "shall", "would", "expected", "expects", "expect", "scheduled", "plans", "plan",
    "planning", "due", "upcoming", "intends", "aims", "hopes", "going", "tomorrow", "wo",
    "supposed", "might", "should", "must", "be",
];

/// Irregular or frequent past-tense words (regular "-ed" forms are found by
/// suffix, but not "-eed", which is mostly "need", "speed", "proceed").
#[rustfmt::skip]
const PAST: &[&str] = &[
    "said", "was", "were", "had", "did", "ago", "last", "told", "came", "went", "met", "began",
    "took", "made", "gave", "left", "fell", "rose", "won", "lost", "held", "sent", "saw", "got",
    "yesterday", "earlier", "closed", "died", "killed", "paid", "sold", "bought", "led", "spent",
    "struck", "hit", "quit", "put", "cut", "ran", "became", "brought", "thought", "wrote", "spoke",
    "broke", "chose", "drove", "flew", "grew", "since", "found", "shot", "fled", "sought", "kept",
    "heard", "felt", "stood", "fought", "caught", "taught", "wore", "hid", "meant", "rang", "sank",
    "swore", "threw", "agreed", "freed", "decreed", "guaranteed",
];

/// Present-tense verbs of schedules: "talks resume Monday", "the summit opens
/// Friday" speak of what lies ahead (news uses the present for timetables).
/// Base forms that are also nouns or adjectives ("open", "start") are left out.
#[rustfmt::skip]
const SCHEDULE_PRESENT: &[&str] = &[
    "meet", "meets", "begin", "begins", "opens", "starts", "resume", "resumes", "arrive",
    "arrives", "leaves", "convene", "convenes", "reconvene", "reconvenes", "depart", "departs",
    "travel", "travels",
];

/// Words right before a timetable verb that take away its own tense: an
/// infinitive or negation ("to meet", "did not meet"), a past auxiliary ("was
/// to meet"), or a determiner that makes it a noun ("the meet").
#[rustfmt::skip]
const GOVERNORS: &[&str] = &[
    "to", "not", "t", "did", "does", "do", "was", "were", "had", "the", "a", "an", "his", "her",
    "its", "their", "our", "this", "that", "first", "late", "early",
];

/// Nouns of an intention or a pact, which before "to" point the act ahead.
#[rustfmt::skip]
const INTENTIONS: &[&str] = &[
    "accord", "agreement", "bid", "commitment", "deal", "offer", "pact", "pledge", "promise",
    "proposal",
];

/// Words right before "to" that point the act it opens ahead: a wish, an
/// effort, readiness or likelihood ("hope to sign", "ready to meet", "likely
/// to cut", "racing to reach"). Told past in reported speech ("said he was
/// ready to meet"), the act still lies ahead of the telling.
#[rustfmt::skip]
const AHEAD_OF_TO: &[&str] = &[
    "aim", "aiming", "eager", "hope", "hoping", "likely", "poised", "racing", "ready", "rushing",
    "seek", "seeking", "seeks", "striving", "unlikely", "want", "wanting", "wants",
];

/// Words that, shortly before "until", make it a deadline still ahead.
#[rustfmt::skip]
const DEADLINE: &[&str] = &[
    "postponed", "postpone", "delayed", "delay", "extended", "extend", "deferred", "defer",
    "adjourned", "adjourn", "suspended", "suspend", "given", "gave", "give", "deadline",
    "recessed", "off", "pushed", "has", "have",
];

/// How many words before "until" or "through" a deadline word may stand.
const DEADLINE_REACH: usize = 12;

/// Words that end the search for a cue: clause and quotation boundaries.
const BARRIERS: &[&str] = &[
    ";", "\"", "`", "that", "which", "who", "because", "while", "when",
];

/// The tense word `k` signals for the date at word `at`, if any;
/// `before_date` when it precedes the date.
fn classify(words: &[Word], k: usize, at: usize, before_date: bool) -> Option<Tense> {
    let word = |i: Option<usize>| i.and_then(|i| words.get(i)).map_or("", |w| w.lower());
    let s = word(Some(k));
    let next = word(Some(k + 1));
    let before = word(k.checked_sub(1));
    let before2 = word(k.checked_sub(2));
    if s == "set" {
        // "set to resume", "set for Friday" point ahead; "a record set on
        // Aug. 6", "set Friday as the deadline" are past; "is set" is passive.
        return match (before, next) {
            (_, "to" | "for") => Some(Tense::Future),
            ("be" | "being" | "is" | "are" | "to", _) => None,
            _ => Some(Tense::Past),
        };
    }
    // "ahead of the weekend", "in the run-up to Friday", right before the
    // date; "just ahead of the trip, they met on Sunday" is told past.
    let ahead = (s == "ahead" && next == "of") || (s == "up" && before == "run");
    if before_date && ahead && at <= k + 3 {
        return Some(Tense::Future);
    }
    // "is to resume", "are to meet"; "hope to sign", "ready to meet"; but
    // "likely to have fallen" looks back.
    if s == "to" && (matches!(before, "is" | "are") || AHEAD_OF_TO.contains(&before)) {
        let done = word(Some(k + 2));
        let perfect = next == "have"
            && (done.ends_with("ed") || done.ends_with("en") || PAST.contains(&done));
        return Some(if perfect { Tense::Past } else { Tense::Future });
    }
    // "plans to", "hopes to": the noun "plans" says nothing about time.
    if matches!(
        s,
        "plans"
            | "plan"
            | "planning"
            | "hopes"
            | "aims"
            | "intends"
            | "expects"
            | "expect"
            | "going"
    ) && next != "to"
    {
        return None;
    }
    // "an agreement to acquire the bank in January", "a plan to close it in
    // March": the act agreed or planned lies ahead of the telling.
    if before_date && next == "to" && INTENTIONS.contains(&s) {
        return Some(Tense::Future);
    }
    // "the next match is Saturday" looks ahead; "next to the bank" does not.
    if s == "next" && next != "to" {
        return Some(Tense::Future);
    }
    // "Arafat and Netanyahu meet Monday": a timetable ahead; but not "to meet"
    // (the verb that governs it decides), "did not meet", or a noun ("the start").
    if before_date && SCHEDULE_PRESENT.contains(&s) {
        let governed = GOVERNORS.contains(&before);
        return (!governed).then_some(Tense::Future);
    }
    // "postponed until Tuesday", "gave them until 9 a.m. Friday", "extended
    // loans through January": a deadline ahead. "He stayed until Tuesday"
    // says nothing new: the verb decides.
    if matches!(s, "until" | "till" | "through") && before_date {
        // A deadline verb may have its object between ("extended Control
        // Data up to $90 million in revolving loans through January"); "has"
        // and "off" count only close by ("has until Friday").
        let deadline = (k.saturating_sub(DEADLINE_REACH)..k).any(|b| {
            let w = words[b].lower();
            DEADLINE.contains(&w) && (k - b <= 4 || !matches!(w, "has" | "have" | "off"))
        });
        return deadline.then_some(Tense::Future);
    }
    // "the law takes effect Jan. 1", "goes into effect", "comes into force":
    // a timetable ahead, told in the present.
    let into = matches!(next, "into") && matches!(word(Some(k + 2)), "effect" | "force");
    if before_date
        && (matches!(s, "takes" | "take") && next == "effect"
            || matches!(s, "goes" | "go" | "comes" | "come") && into)
    {
        return (!GOVERNORS.contains(&before)).then_some(Tense::Future);
    }
    // "resigned, effective Feb. 1", "a pact effective June 1": a change announced ahead.
    if s == "effective" && before_date {
        return Some(Tense::Future);
    }
    // "was planned for early March", "is scheduled for Friday": the plan's date lies ahead.
    if matches!(s, "planned" | "scheduled" | "slated") && next == "for" && before_date {
        return Some(Tense::Future);
    }
    // "could not be reached Wednesday": a failed attempt lies behind; but "a
    // vote could be held Monday" is a possibility ahead.
    if s == "be" && before == "not" && before2 == "could" {
        return Some(Tense::Past);
    }
    if FUTURE.contains(&s) {
        // "was expected to", "had been due to": a future seen from the past;
        // but "were planning to" still looks ahead.
        if s != "planning"
            && (matches!(before, "was" | "were" | "had") || (before == "been" && before2 == "had"))
        {
            return Some(Tense::Past);
        }
        return Some(Tense::Future);
    }
    // "as soon as Tuesday", "as early as next week".
    if (s == "soon" || s == "early") && before == "as" && next == "as" {
        return Some(Tense::Future);
    }
    // Regular past forms; a capitalized "United" or "Red" is a name.
    // "unspecified", "undisclosed", "unidentified" are adjectives, not past tense.
    let participle = s.len() > 4
        && s.ends_with("ed")
        && !s.ends_with("eed")
        && !s.starts_with("un")
        && !words[k].capitalized;
    if (participle || PAST.contains(&s)) && matches!(before, "be" | "being" | "to" | "is" | "are") {
        // A passive or infinitive ("to be published"): no tense of its own.
        return None;
    }
    if PAST.contains(&s) || participle {
        // "planned to leave": the act lies ahead of the telling.
        let plan = matches!(
            s,
            "planned"
                | "intended"
                | "arranged"
                | "prepared"
                | "decided"
                | "promised"
                | "pledged"
                | "vowed"
                | "threatened"
        );
        // "Agreed" is left out: "agreed to terms on Friday", "agreed the
        // request Wednesday" are told past as often as not.
        // "Protesters planned a rally on Saturday": the act planned lies ahead
        // too; but "a service planned for Saturday was canceled" is told past.
        let object = matches!(
            next,
            "a" | "an" | "the" | "another" | "their" | "its" | "his" | "her"
        );
        if before_date && plan && (next == "to" || object) {
            return Some(Tense::Future);
        }
        return Some(Tense::Past);
    }
    None
}

/// The most words, marks included, the cue search goes on after a date.
const MAX_RIGHT: usize = 12;

/// The most words, marks included, the cue search goes back from a date.
const MAX_LOOK: usize = 48;

/// The tense of word `at`, looking at words whose bytes lie in `lo..hi` (its
/// sentence): the nearest cue to the left within the clause wins, then the
/// nearest to the right.
pub fn tense(words: &[Word], at: usize, lo: usize, hi: usize) -> Tense {
    let mut left = at;
    let mut seen = 0;
    // At most 12 words back, and a bounded number of marks between them, so
    // the look stays local (a run of "(" is no clause).
    let nearest = at.saturating_sub(MAX_LOOK);
    while left > nearest && seen < 12 {
        left -= 1;
        let w = &words[left];
        if w.start < lo || matches!(w.lower(), ";" | "\"" | "`") {
            break;
        }
        // Count words, not the dots of "a.m." or "U.S.".
        if !w.is_punct() {
            seen += 1;
        }
        if let Some(t) = classify(words, left, at, true) {
            // A future auxiliary a few words before a past participle wins
            // ("will be held on Friday"); a timetable verb does not ("would
            // begin as previously planned Saturday" is told past).
            if t == Tense::Past {
                for back in 1..=3 {
                    if left >= back
                        && words[left - back].start >= lo
                        && FUTURE.contains(&words[left - back].lower())
                        && classify(words, left - back, at, true) == Some(Tense::Future)
                    {
                        return Tense::Future;
                    }
                }
            }
            return t;
        }
    }
    // A date fronted at the start of its sentence ("In January, a week after
    // the anniversary of the ruling, a bombing in Birmingham killed …") is
    // told by the main verb, past the subject however long.
    let fronted = (left..at).all(|k| {
        words[k].start < lo || matches!(words[k].lower(), "in" | "on" | "early" | "late" | "by")
    });
    let reach = if fronted { MAX_LOOK } else { MAX_RIGHT };
    let mut right = at + 1;
    let mut seen = 0;
    while right < words.len() && seen < reach {
        let w = &words[right];
        if w.end > hi || BARRIERS.contains(&w.lower()) {
            break;
        }
        if let Some(t) = classify(words, right, at, false) {
            return t;
        }
        right += 1;
        seen += 1;
    }
    Tense::Unknown
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::temporal::words::scan;

    /// (sentence, date word, the tense it is told in).
    #[rustfmt::skip]
    const CASES: &[(&str, &str, Tense)] = &[
        ("They met on Friday", "friday", Tense::Past),
        ("They will meet on Friday", "friday", Tense::Future),
        ("The vote will be held on Friday", "friday", Tense::Future),
        ("He said they would meet on Friday", "friday", Tense::Future),
        ("On Friday the talks ended", "friday", Tense::Past),
        ("Markets on Friday", "friday", Tense::Unknown),
        ("The vote was expected on Friday", "friday", Tense::Past),
        ("He planned to leave on Thursday", "thursday", Tense::Future),
        ("He stayed in custody until Tuesday", "tuesday", Tense::Past),
        ("The store was open Monday", "monday", Tense::Past),
        ("After a slow start Monday, shares fell", "monday", Tense::Past),
        ("The judge gave them until Friday to reply", "friday", Tense::Future),
        ("He resigned as chairman, effective Feb. 1", "feb", Tense::Future),
        ("It would be paid on an unspecified date in January", "january", Tense::Future),
        ("Arafat and Netanyahu meet separately Monday", "monday", Tense::Future),
        ("The summit opens Friday in Paris", "friday", Tense::Future),
        ("They were supposed to meet Monday", "monday", Tense::Past),
        ("They did not meet Monday", "monday", Tense::Past),
        ("After a late start Monday, shares fell", "monday", Tense::Past),
        ("The vote was planned for early March", "march", Tense::Future),
        ("He will leave at 4 in the morning (4 a.m. EDT Thursday)", "thursday", Tense::Future),
        ("A service planned at the school for Saturday was canceled", "saturday", Tense::Past),
        ("Until Thursday, they had said nothing", "thursday", Tense::Past),
        ("It was not until Tuesday that he spoke", "tuesday", Tense::Past),
        ("They were planning to drive on Monday", "monday", Tense::Future),
        ("The talks were postponed until Tuesday", "tuesday", Tense::Future),
        ("He could not be reached Wednesday", "wednesday", Tense::Past),
        ("A vote could be held Monday", "monday", Tense::Future),
        ("The case is heard in May", "may", Tense::Unknown),
        ("The case was heard in May", "may", Tense::Past),
        ("He is to resume trading Tuesday", "tuesday", Tense::Future),
        ("Guidelines to be published in November", "november", Tense::Future),
        ("He spoke Friday that she will go", "friday", Tense::Past),
        ("Officials on Friday said that they will go", "friday", Tense::Past),
        ("The embassy next to the bank was hit Friday", "friday", Tense::Past),
        ("It was near its record high set on Aug. 6", "aug", Tense::Past),
        ("The agency ruled he must go home and set Friday as the deadline", "friday", Tense::Past),
        ("The vote is set for Friday", "friday", Tense::Future),
        ("Officials hope to reopen the plant by May, the company said", "may", Tense::Future),
        ("He said he was ready to meet Putin in May", "may", Tense::Future),
        ("The bank is likely to cut rates in June, economists said", "june", Tense::Future),
        ("Negotiators are racing to reach a deal before Friday", "friday", Tense::Future),
        ("Ukraine threatened to halt gas transit in April", "april", Tense::Future),
        ("Output is likely to have fallen in January", "january", Tense::Past),
        ("He was in a hurry to leave on Friday", "friday", Tense::Past),
        ("They hope to have a deal by Friday", "friday", Tense::Future),
        ("NTT DoCoMo, seeking to expand its operations in Asia, agreed Thursday to purchase a stake", "thursday", Tense::Past),
        ("They will set a date on Friday", "friday", Tense::Future),
        ("Traders squared positions ahead of the weekend", "weekend", Tense::Future),
        ("Just ahead of the trip, officials on Sunday issued a warning", "sunday", Tense::Past),
        ("Lenders have extended loans through January", "january", Tense::Future),
        ("He stayed there through January", "january", Tense::Past),
        ("Banks have extended the company up to $90 million in loans through January", "january", Tense::Future),
        ("He has lived in a small flat in the city through January", "january", Tense::Past),
        ("The court gave the firm and its many creditors until Friday to reply", "friday", Tense::Future),
        ("Protesters planned a large rally on Saturday", "saturday", Tense::Future),
        ("The war would begin as previously planned Saturday night", "saturday", Tense::Past),
        ("The law takes effect Jan. 1", "jan", Tense::Future),
        ("The rules go into effect in January", "january", Tense::Future),
        ("The law took effect Jan. 1", "jan", Tense::Past),
        ("The law did not take effect in January", "january", Tense::Past),
        ("The fire set the house ablaze on Monday", "monday", Tense::Past),
        ("It announced an agreement to acquire the bank in January", "january", Tense::Future),
        ("Yesterday they signed a pact to hold elections in March", "march", Tense::Future),
        // The pact itself, or an act told past after it, keeps its tense.
        ("They signed the agreement in January", "january", Tense::Past),
        ("The offer to buy the firm was rejected in January", "january", Tense::Past),
        ("In January, a week after the 25th anniversary of the Roe vs. Wade Supreme Court decision, a clinic bombing in Birmingham, Ala., killed a guard", "january", Tense::Past),
        ("In January, a week after the anniversary of the ruling by the Supreme Court of the state, a new law will take effect", "january", Tense::Future),
        // Not fronted: the look ahead stays short.
        ("Officials met in January, a week after the 25th anniversary of the Roe vs. Wade Supreme Court decision, as a clinic bombing in Birmingham, Ala., killed a guard", "january", Tense::Past),
        ("Markets in January, a week after the 25th anniversary of the Roe vs. Wade Supreme Court decision and the start of a clinic trial in Birmingham, Ala., rallied", "january", Tense::Unknown),
    ];

    #[test]
    fn tense_follows_the_nearest_cue() {
        for &(text, target, expected) in CASES {
            let words = scan(text);
            let at = words.iter().position(|w| w.lower() == target).unwrap();
            assert_eq!(tense(&words, at, 0, text.len()), expected, "{text}");
        }
    }
}
