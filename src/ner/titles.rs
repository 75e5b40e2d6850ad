//! Titles that stand before a person's name but are not part of it
//! ("Mayor Linda Okafor" names "Linda Okafor", "Deputy Foreign Minister
//! Andriy Sybiha" names "Andriy Sybiha"), as CoNLL-2003 annotates them.
//!
//! The words are plain lists in `data/names/` (sources there): titles
//! ("envoy", "defender", "spokeswoman") and the words that qualify one
//! ("deputy", "foreign", "former"). Royal styles ("King", "Prince", "Pope")
//! are not listed: there they usually belong to the name.

use std::sync::OnceLock;

const TITLES: &str = include_str!("../../data/names/titles.txt");
const MODIFIERS: &str = include_str!("../../data/names/title_modifiers.txt");

/// A list file's lines, checked sorted in the tests.
fn list(source: &'static str) -> Vec<&'static str> {
    source.lines().filter(|l| !l.is_empty()).collect()
}

fn titles() -> &'static [&'static str] {
    static LIST: OnceLock<Vec<&str>> = OnceLock::new();
    LIST.get_or_init(|| list(TITLES))
}

fn modifiers() -> &'static [&'static str] {
    static LIST: OnceLock<Vec<&str>> = OnceLock::new();
    LIST.get_or_init(|| list(MODIFIERS))
}

/// What a word is to a title: a title, a word qualifying one, or neither.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Title,
    Modifier,
    Other,
}

/// The kind of one word ("Mayor", "Dr.", "PRESIDENT", "Vice-President",
/// "President-elect"): a hyphenated word is a title if each part is a title
/// or a modifier and one is a title.
fn kind(word: &str) -> Kind {
    let lower = word.to_lowercase();
    let one = |part: &str| {
        let part = part.trim_end_matches('.');
        if titles().binary_search(&part).is_ok() {
            Kind::Title
        } else if modifiers().binary_search(&part).is_ok() {
            Kind::Modifier
        } else {
            Kind::Other
        }
    };
    let parts: Vec<Kind> = lower.split('-').map(one).collect();
    if parts.contains(&Kind::Other) {
        Kind::Other
    } else if parts.contains(&Kind::Title) {
        Kind::Title
    } else {
        Kind::Modifier
    }
}

/// True if `word` ("Mayor", "Dr.", "PRESIDENT") is a title that precedes a name.
pub fn is_title(word: &str) -> bool {
    kind(word) == Kind::Title
}

/// True if `word` ("Deputy", "acting", "Former") qualifies a title that follows it.
pub fn is_modifier(word: &str) -> bool {
    kind(word) == Kind::Modifier
}

/// How many leading words of a person's name are a title, to be trimmed: the
/// longest run of titles and modifiers that ends with a title and leaves a
/// capitalised word ("Deputy Prime Minister Yulia Svyrydenko" → 3). Zero
/// when no name would remain ("Minister", "Prime Minister").
pub fn leading_title(words: &[&str]) -> usize {
    let mut trim = 0;
    for (i, word) in words.iter().enumerate() {
        match kind(word) {
            Kind::Title => trim = i + 1,
            Kind::Modifier => {}
            Kind::Other => break,
        }
    }
    let name_remains = words
        .get(trim)
        .is_some_and(|w| w.starts_with(char::is_uppercase));
    if name_remains {
        trim
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lists_are_sorted_lowercase_words() {
        for (name, source) in [("titles", TITLES), ("modifiers", MODIFIERS)] {
            let words = list(source);
            assert!(words.len() > 10, "{name}");
            assert!(
                words.windows(2).all(|w| w[0] < w[1]),
                "{name} must stay sorted"
            );
            for w in words {
                assert!(w.chars().all(|c| c.is_ascii_lowercase()), "{name}: {w:?}");
            }
        }
    }

    #[test]
    fn titles_are_recognised_in_any_case_with_or_without_periods() {
        for title in [
            "Mayor",
            "Dr.",
            "PRESIDENT",
            "sen.",
            "Gov",
            "Envoy",
            "Ombudsman",
            "Spokeswoman",
            "Commander",
            "Defender",
            "Vice-President",
            "President-elect",
            "Lt.-Gen.",
        ] {
            assert_eq!(kind(title), Kind::Title, "{title}");
        }
        for word in [
            "King", "Pope", "Linda", "Generali", "Mayors", "Deputy", "Vice-", "",
        ] {
            assert_ne!(kind(word), Kind::Title, "{word}");
        }
    }

    #[test]
    fn a_leading_title_is_trimmed_when_a_name_remains() {
        let cases: &[(&str, usize)] = &[
            ("Envoy Witkoff", 1),
            ("Defender Hassan Abbas", 1),
            ("Ombudsman Dmytro Lubinets", 1),
            ("Spokeswoman Maria Zakharova", 1),
            ("Commander Oleksandr Syrskyi", 1),
            ("Minister Rustem Umerov", 1),
            ("Foreign Minister Sergei Lavrov", 2),
            ("Deputy Prime Minister Yulia Svyrydenko", 3),
            ("Former President Petro Poroshenko", 2),
            ("Lt. Gen. Keith Kellogg", 2),
            ("Vice-President JD Vance", 1),
            ("Archbishop Desmond Tutu", 1),
            ("Rabbi Jonathan Sacks", 1),
            ("Coach Carlo Ancelotti", 1),
            ("Striker Erling Haaland", 1),
            ("MAYOR VITALI KLITSCHKO", 1),
            // "General Staff" is no part of a name: not "Staff Valery Gerasimov".
            ("General Staff Valery Gerasimov", 2),
            ("Staff Sgt. Ryan Miller", 2),
        ];
        for &(span, trim) in cases {
            let words: Vec<&str> = span.split(' ').collect();
            assert_eq!(leading_title(&words), trim, "{span}");
        }
    }

    #[test]
    fn names_without_a_leading_title_are_kept_whole() {
        let cases = [
            // No name would remain.
            "Minister",
            "Spokeswoman",
            "Prime Minister",
            "Deputy Minister",
            "General Staff",
            // Only a title mid-name or at the end.
            "John Major",
            "Julie Bishop",
            "Hassan Abbas",
            // Royal styles belong to the name.
            "King Charles",
            "Pope Leo",
            "Prince William",
            // A modifier without a title is a word of the name.
            "Prime Suspect",
            "Former Yugoslavia",
            // A lowercase remainder is not a name.
            "Minister of Defence",
            "",
        ];
        for span in cases {
            let words: Vec<&str> = span.split(' ').filter(|w| !w.is_empty()).collect();
            assert_eq!(leading_title(&words), 0, "{span}");
        }
    }
}
