//! A name right after a noun that says what it is, after the name model:
//! "the film Watchmen", "the novel War and Peace" and "the TV series The
//! Crown" are works (MISC); "the Norwegian shipping company Nordvik" and "the
//! daily Kommersant" are organisations; "the Oblast head Serhii Lysak" is a
//! person. The model learnt from 1996 news,
//! which names few works, and tags such titles as people ("Easy Rider",
//! "Gilmore Girls") or places, and an unseen company by its look alone.
//!
//! [`mend`] reads the word before a name (past an opening quote, and past a
//! "The" or "A" that opens a title), lower case and not after "to" or a
//! modal ("to book Ryanair flights", "will film Tom Cruise"):
//! - a work noun (`data/names/work_nouns.txt`: "film", "novel", "series")
//!   makes the name MISC, with the "The" or "A" that opens it. An untagged
//!   title there ("the TV series Supernatural") is added as MISC; after an
//!   opening quote, only up to the closing one. A name before a possessive
//!   starts a longer title ("the book \"China's Water Crisis\"") and stays,
//!   and so does a name followed by a verb in the present, the sentence's
//!   subject ("In the film Tom Hanks plays a lawyer"). In GUM's train split
//!   16 of the 17 capitalised words after such a noun open a work's title
//!   (four of them titles GUM leaves untagged; the other is "I"); in
//!   CoNLL-2003's train and valid text 4 of 5 (the other: "series B", a
//!   letter, too short to add).
//! - an organisation noun (`data/names/organisation_nouns.txt`, shared with
//!   [`super::appositives`]) makes it an ORG, unless the noun is also a
//!   person's trade ("developer", "publisher") and the name a person's, or
//!   the noun follows a role and "of" or "for" ("head of the UN nuclear
//!   agency Mohamed ElBaradei", "coach for the national team Otto
//!   Rehhagel"); a country stays a place ("oil producer Angola", "the
//!   group China, Japan and Russia"). In CoNLL-2003's train and valid text
//!   119 of the 125 capitalised words after such a noun open an
//!   organisation's name (the others: "insurer Thierry Dehaan", a person;
//!   "the daily Iran", a place by CoNLL's count; "group C", "company N/A",
//!   "agency Saturday", untagged). "Party" and "carrier" are left out:
//!   "party Vladimir Zhirinovsky" (its leader), "the aircraft carrier
//!   Enterprise" (a ship).
//! - a person's role in lower case (a title of `data/names/titles.txt`, or
//!   "head", "leader", "boss") makes an ORG or PLACE name a PERSON ("the
//!   Dnipropetrovsk Oblast head Serhii Lysak" was an ORG), unless the name
//!   is a country or a listed organisation. In CoNLL-2003's train and valid
//!   text 350 of the 359 capitalised words after such a word open a
//!   person's name, leaving out "major" and "metropolitan", adjectives as
//!   often, a bond issue's "lead manager" (a bank) and a "market leader" (a
//!   company); the others are ranks before the name ("spokesman Lt. Italo
//!   Pineda"), which are no names.

use std::sync::OnceLock;

use super::appositives::class_of_noun;
use super::tags::Class;
use super::Name;
use crate::tokenize::Token;

const WORK_NOUNS: &str = include_str!("../../data/names/work_nouns.txt");

/// Organisation nouns that do not say what the next name is.
const NOT_BEFORE: [&str; 2] = ["carrier", "party"];

/// Organisation nouns that are also a person's trade: "property developer
/// John Smith" is a person.
const TRADES: [&str; 8] = [
    "developer",
    "distributor",
    "insurer",
    "maker",
    "operator",
    "producer",
    "publisher",
    "supplier",
];

/// Lowercase words for a person's role that are not titles before a name
/// when capitalised ("Head Coach" is a title, "head" alone names no rank).
const ROLES: [&str; 3] = ["boss", "head", "leader"];

/// Title words that are adjectives as often before a name ("a major Hong
/// Kong-listed company", "the metropolitan Waterworks Authority").
const NOT_ROLES: [&str; 2] = ["major", "metropolitan"];

/// Words before a noun that make it a verb ("to book", "will film").
const VERB_MARKERS: [&str; 15] = [
    "cannot", "could", "did", "do", "does", "may", "might", "must", "n't", "never", "not", "shall",
    "should", "to", "will",
];

/// Small words inside a title ("War and Peace", "Confessions of an Ugly
/// Stepsister").
const TITLE_LINKS: [&str; 13] = [
    "&", "a", "an", "and", "at", "for", "from", "in", "of", "on", "the", "to", "with",
];

/// Words that open a title and that the model leaves out of it.
const ARTICLES: [&str; 3] = ["A", "An", "The"];

/// Opening quotes allowed between the noun and the title.
const QUOTES: [&str; 4] = ["\"", "“", "‘", "'"];

/// True if `word` names a person's role: a title, or one of [`ROLES`].
fn is_role(word: &str) -> bool {
    super::titles::is_title(word) || ROLES.contains(&word)
}

fn is_work_noun(word: &str) -> bool {
    static LIST: OnceLock<Vec<&str>> = OnceLock::new();
    super::word_list(WORK_NOUNS, &LIST)
        .binary_search(&word)
        .is_ok()
}

/// What the noun before token `first` says the name from there is: the
/// class, and the index of the first token of the name with an article that
/// opens it ("The Crown").
fn described(text: &str, tokens: &[Token], first: usize) -> Option<(Class, usize)> {
    let word = |i: usize| tokens[i].text(text);
    let mut opening = first;
    if opening >= 1 && ARTICLES.contains(&word(opening - 1)) {
        opening -= 1;
    }
    let mut before = opening;
    if before >= 1 && QUOTES.contains(&word(before - 1)) {
        before -= 1;
    }
    let noun = word(before.checked_sub(1)?);
    if !noun.chars().all(|c| c.is_ascii_lowercase()) {
        return None;
    }
    if before >= 2
        && VERB_MARKERS
            .iter()
            .any(|m| m.eq_ignore_ascii_case(word(before - 2)))
    {
        return None;
    }
    if is_work_noun(noun) {
        return Some((Class::Misc, opening));
    }
    if class_of_noun(noun) == Some(Class::Org) && !NOT_BEFORE.contains(&noun) {
        // Only a work's title takes the article in.
        return Some((Class::Org, first));
    }
    let role = is_role(noun);
    // A bond issue's "lead manager" is a bank, a "market leader" a company.
    let lead = before >= 2 && matches!(word(before - 2), "lead" | "market" | "industry");
    if role && !NOT_ROLES.contains(&noun) && !lead {
        return Some((Class::Per, first));
    }
    None
}

/// True if the noun at token `noun` follows a role and "of" or "for" within
/// a few words ("head of the UN nuclear watchdog agency"): the name after
/// it is then the person in that role.
fn after_role(text: &str, tokens: &[Token], noun: usize) -> bool {
    (noun.saturating_sub(7)..noun).rev().any(|i| {
        matches!(tokens[i].text(text), "of" | "for") && i >= 1 && {
            is_role(tokens[i - 1].text(text))
        }
    })
}

/// True if a possessive follows the token before `after` ("China's").
fn possessive_follows(text: &str, tokens: &[Token], after: usize) -> bool {
    tokens
        .get(after)
        .is_some_and(|t| matches!(t.text(text), "'s" | "’s" | "'" | "’"))
}

/// True if the word after a name is a verb in the present ("plays",
/// "describes"): the name is then the subject, not the title, whatever
/// class the model gave it ("Cillian Murphy", unseen, may be an ORG).
fn verb_follows(text: &str, tokens: &[Token], after: usize) -> bool {
    tokens.get(after).is_some_and(|t| {
        let w = t.text(text);
        w.len() > 2
            && w.ends_with('s')
            && w.chars().all(|c| c.is_ascii_lowercase())
            && !matches!(w, "was" | "has")
    })
}

/// The tokens of an untagged title from token `from`: capitalised words and
/// the small words between them, ending before `limit` (the next name).
fn title_end(text: &str, tokens: &[Token], from: usize, limit: usize) -> Option<usize> {
    let capitalised = |i: usize| tokens[i].text(text).starts_with(|c: char| c.is_uppercase());
    let mut end = from;
    let mut content = false;
    while end < limit {
        let w = tokens[end].text(text);
        if capitalised(end) {
            content |= !ARTICLES.contains(&w) && w.chars().count() >= 2;
        } else if !(end > from
            && TITLE_LINKS.contains(&w)
            && end + 1 < limit
            && capitalised(end + 1))
        {
            break;
        }
        // Words of a title follow one another with one space.
        if end > from && !super::one_space_between(text, tokens[end - 1].end, tokens[end].start) {
            break;
        }
        end += 1;
    }
    (content && end > from).then_some(end)
}

/// The names with each name after a describing noun or role given its class,
/// and untagged titles after a work noun added (a changed or added label
/// gets confidence [`super::RULE_CONFIDENCE`]).
pub fn mend(text: &str, tokens: &[Token], mut names: Vec<Name>) -> Vec<Name> {
    let mut added = Vec::new();
    for name in &mut names {
        let first = tokens.partition_point(|t| t.start < name.range.start);
        let after = tokens.partition_point(|t| t.start < name.range.end);
        if tokens.get(first).map(|t| t.start) != Some(name.range.start) {
            continue;
        }
        match described(text, tokens, first) {
            Some((Class::Misc, opening)) => {
                if verb_follows(text, tokens, after) || possessive_follows(text, tokens, after) {
                    continue;
                }
                name.range.start = tokens[opening].start;
                if name.class != Class::Misc {
                    name.class = Class::Misc;
                    name.confidence = name.confidence.min(super::RULE_CONFIDENCE);
                }
            }
            Some((Class::Per, _)) if matches!(name.class, Class::Org | Class::Loc) => {
                let whole = &text[name.range.clone()];
                if super::regions::is_region(whole) || super::organisations::is_listed(whole) {
                    continue;
                }
                name.class = Class::Per;
                name.confidence = name.confidence.min(super::RULE_CONFIDENCE);
            }
            Some((Class::Org, _)) if name.class != Class::Org => {
                let noun = tokens[first - 1].text(text);
                let person = name.class == Class::Per
                    && (TRADES.contains(&noun) || after_role(text, tokens, first - 1));
                let country = name.class == Class::Loc
                    && super::regions::is_region(&text[name.range.clone()]);
                if person || country {
                    continue;
                }
                name.class = Class::Org;
                name.confidence = name.confidence.min(super::RULE_CONFIDENCE);
            }
            _ => {}
        }
    }
    // Untagged titles: a capitalised word after a work noun that no name holds.
    let mut next_name = 0;
    for (i, token) in tokens.iter().enumerate() {
        while next_name < names.len() && names[next_name].range.end <= token.start {
            next_name += 1;
        }
        let limit_start = names.get(next_name).map_or(usize::MAX, |n| n.range.start);
        if token.start >= limit_start || !token.text(text).starts_with(|c: char| c.is_uppercase()) {
            continue;
        }
        // Only where a title starts: after the noun, a quote or an article.
        let previous = i.checked_sub(1).map(|p| tokens[p].text(text));
        if previous.is_some_and(|w| w.starts_with(|c: char| c.is_uppercase())) {
            continue;
        }
        // Cheaply first: a work noun within the three words before.
        let near = (i.saturating_sub(3)..i).any(|j| is_work_noun(tokens[j].text(text)));
        if !near || described(text, tokens, i).map(|(class, _)| class) != Some(Class::Misc) {
            continue;
        }
        let limit = tokens.partition_point(|t| t.start < limit_start);
        let quoted = i >= 1 && QUOTES.contains(&tokens[i - 1].text(text))
            || i >= 2
                && ARTICLES.contains(&tokens[i - 1].text(text))
                && QUOTES.contains(&tokens[i - 2].text(text));
        let closed = |end: usize| {
            !quoted
                || tokens
                    .get(end)
                    .is_some_and(|t| matches!(t.text(text), "\"" | "”" | "’" | "'"))
        };
        if let Some(end) = title_end(text, tokens, i, limit).filter(|&end| closed(end)) {
            added.push(Name {
                range: token.start..tokens[end - 1].end,
                class: Class::Misc,
                confidence: super::RULE_CONFIDENCE,
            });
        }
    }
    super::merged(names, added)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::rule_tests::{assert_leaves, assert_mends, owned, run, Tagged};

    #[test]
    fn a_title_after_a_work_noun_is_a_work() {
        use Class::*;
        let cases: &[(&str, Tagged, Tagged)] = &[
            (
                "He starred in the superhero film Watchmen in 2009.",
                &[("Watchmen", Per)],
                &[("Watchmen", Misc)],
            ),
            (
                "Her graphic novel Angel Catbird sold well.",
                &[("Angel Catbird", Per)],
                &[("Angel Catbird", Misc)],
            ),
            (
                "Tolstoy wrote the novel War and Peace.",
                &[("Tolstoy", Per), ("War and Peace", Org)],
                &[("Tolstoy", Per), ("War and Peace", Misc)],
            ),
            // The article that opens the title joins it.
            (
                "Netflix's series The Crown ended.",
                &[("Netflix", Org), ("Crown", Per)],
                &[("Netflix", Org), ("The Crown", Misc)],
            ),
            (
                "She sang in the opera \"Carmen\" in Paris.",
                &[("Carmen", Per), ("Paris", Loc)],
                &[("Carmen", Misc), ("Paris", Loc)],
            ),
            (
                "The documentary Navalny won.",
                &[("Navalny", Per)],
                &[("Navalny", Misc)],
            ),
        ];
        assert_mends(mend, cases);
    }

    #[test]
    fn an_untagged_title_after_a_work_noun_is_added() {
        use Class::*;
        let cases: &[(&str, Tagged, Tagged)] = &[
            (
                "He joined the TV series Supernatural in 2010.",
                &[],
                &[("Supernatural", Misc)],
            ),
            (
                "It recalls the novel A Tale of Two Cities by Dickens.",
                &[("Dickens", Per)],
                &[("A Tale of Two Cities", Misc), ("Dickens", Per)],
            ),
            (
                "They watched the film “Oppenheimer” twice.",
                &[],
                &[("Oppenheimer", Misc)],
            ),
        ];
        assert_mends(mend, cases);
    }

    #[test]
    fn a_name_after_an_organisation_noun_is_an_organisation() {
        use Class::*;
        let cases: &[(&str, Tagged, Tagged)] = &[
            (
                "The Norwegian shipping company Nordvik said profits rose.",
                &[("Norwegian", Misc), ("Nordvik", Per)],
                &[("Norwegian", Misc), ("Nordvik", Org)],
            ),
            (
                "The daily Kommersant reported it.",
                &[("Kommersant", Loc)],
                &[("Kommersant", Org)],
            ),
            (
                "Shares of the carmaker group Stellantis fell.",
                &[("Stellantis", Misc)],
                &[("Stellantis", Org)],
            ),
        ];
        assert_mends(mend, cases);
    }

    #[test]
    fn a_name_after_a_role_is_a_person() {
        use Class::*;
        let cases: &[(&str, Tagged, Tagged)] = &[
            (
                "Dnipropetrovsk Oblast head Serhii Lysak reported strikes.",
                &[("Dnipropetrovsk Oblast", Loc), ("Serhii Lysak", Org)],
                &[("Dnipropetrovsk Oblast", Loc), ("Serhii Lysak", Per)],
            ),
            (
                "The Kremlin spokesman Peskov said.",
                &[("Kremlin", Org), ("Peskov", Loc)],
                &[("Kremlin", Org), ("Peskov", Per)],
            ),
        ];
        assert_mends(mend, cases);
    }

    /// Names after such nouns that keep their class, and nothing added.
    #[test]
    fn other_names_after_nouns_stay() {
        use Class::*;
        let cases: &[(&str, Tagged)] = &[
            // A verb, not a noun.
            ("They want to book Ryanair flights.", &[("Ryanair", Org)]),
            (
                "Crews will film Tom Cruise in Rome.",
                &[("Tom Cruise", Per), ("Rome", Loc)],
            ),
            // The person is the subject of the sentence.
            (
                "In the film Tom Hanks plays a lawyer.",
                &[("Tom Hanks", Per)],
            ),
            // A trade before a person, a leader after a party, a ship.
            (
                "The property developer John Smith sued.",
                &[("John Smith", Per)],
            ),
            (
                "The other was insurer Thierry Dehaan.",
                &[("Thierry Dehaan", Per)],
            ),
            (
                "The liberal democratic party Vladimir Zhirinovsky leads.",
                &[("Vladimir Zhirinovsky", Per)],
            ),
            (
                "The aircraft carrier Carl Vinson sailed.",
                &[("Carl Vinson", Misc)],
            ),
            // The person in a role, a country, a title that goes on.
            (
                "The head of the UN nuclear watchdog agency Mohamed ElBaradei spoke.",
                &[("UN", Org), ("Mohamed ElBaradei", Per)],
            ),
            (
                "The coach for Greece's national team Otto Rehhagel stayed.",
                &[("Greece", Loc), ("Otto Rehhagel", Per)],
            ),
            (
                "OPEC accepted African producer Angola.",
                &[("OPEC", Org), ("Angola", Loc)],
            ),
            (
                "The six-party group China, Japan and Russia met.",
                &[("China", Loc), ("Japan", Loc), ("Russia", Loc)],
            ),
            (
                "He wrote the book \"China's Water Crisis\" last year.",
                &[("China", Loc)],
            ),
            ("She read the poem \"Do not stand at my grave\".", &[]),
            // A capitalised noun is part of a name; a noun across a full stop
            // says nothing of the next sentence.
            (
                "The Cannes Film Festival opened.",
                &[("Cannes Film Festival", Misc)],
            ),
            ("He loved the film. Paris was next.", &[("Paris", Loc)]),
            ("She wrote a book. I read it.", &[]),
            // An organisation stays one.
            ("The company Tesla grew.", &[("Tesla", Org)]),
            // A role before a country, a listed organisation, a bank's role,
            // a verb.
            ("Its president Ukraine named.", &[("Ukraine", Loc)]),
            ("The chief Hamas negotiator.", &[("Hamas", Org)]),
            (
                "Bonds led by lead manager Lehman Brothers.",
                &[("Lehman Brothers", Org)],
            ),
            ("He will coach Chelsea.", &[("Chelsea", Org)]),
            ("A major Hong Kong bank.", &[("Hong Kong", Loc)]),
        ];
        assert_leaves(mend, cases);
    }

    #[test]
    fn a_title_is_not_added_inside_or_before_a_name() {
        use Class::*;
        // The next name ends the untagged run; a tagged title is relabelled, not doubled.
        let text = "the series Game of Thrones";
        assert_eq!(
            run(text, &[("Game of Thrones", Per)], mend),
            owned(&[("Game of Thrones", Misc)])
        );
    }
}
