//! The grouping sieve: passes from most to least precise, each merging the
//! groups the earlier ones left (Raghunathan et al. 2010): exact text →
//! folded words → alias table and the document's own acronyms → initials →
//! a lone surname or first name with the one full name that has it →
//! transliteration variants. No pass merges mentions of different labels.

use std::collections::{BTreeMap, HashMap};

use super::normalize::{jaro_winkler, transliteration_key, words};
use crate::document::Label;

/// Alias groups, `label name|name|...` per line (see `data/entities/README.md`).
const ALIASES: &str = include_str!("../../data/entities/aliases.txt");

/// Two words of a name this similar (Jaro-Winkler over transliteration keys)
/// may be spellings of one word; only ever used beside an exactly matching word.
const FUZZY_WORD: f64 = 0.94;

/// Words skipped when an acronym spells a long form ("Council of Europe" → "CoE").
const ACRONYM_SKIPPED: &[&str] = &["and", "de", "for", "of", "on", "the"];

/// One name mention as the sieve sees it.
pub struct Mention<'a> {
    /// Its label; only PERSON, PLACE and ORG reach the sieve.
    pub label: Label,
    /// Its text as written.
    pub text: &'a str,
    /// Byte offset just past it in the document (to read "(NSDC)" after it).
    pub end: usize,
}

/// Folded forms of one mention, computed once.
struct Form {
    label: Label,
    words: Vec<String>,
    keys: Vec<String>,
}

impl Form {
    fn new(m: &Mention) -> Form {
        let mut words = words(m.text, m.label);
        // "Donald J. Trump" is "Donald Trump": drop a middle initial.
        if m.label == Label::Person && words.len() >= 3 {
            let last = words.len() - 1;
            let mut i = 0;
            words.retain(|w| {
                i += 1;
                i == 1 || i - 1 == last || w.chars().count() > 1
            });
        }
        let keys = words.iter().map(|w| transliteration_key(w)).collect();
        Form {
            label: m.label,
            words,
            keys,
        }
    }

    fn joined(&self) -> String {
        self.words.join(" ")
    }
}

/// Union-find over mentions; the root of a group is its first mention.
struct Groups(Vec<usize>);

impl Groups {
    fn root(&mut self, i: usize) -> usize {
        let mut r = i;
        while self.0[r] != r {
            r = self.0[r];
        }
        let mut i = i;
        while self.0[i] != r {
            let next = self.0[i];
            self.0[i] = r;
            i = next;
        }
        r
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.root(a), self.root(b));
        let (lo, hi) = (ra.min(rb), ra.max(rb));
        self.0[hi] = lo;
    }
}

/// Merges every set of mentions that share `key` (and a label).
fn merge_by<K: Ord>(groups: &mut Groups, forms: &[&Form], key: impl Fn(usize, &Form) -> Option<K>) {
    let mut first: BTreeMap<(Label, K), usize> = BTreeMap::new();
    for (i, f) in forms.iter().enumerate() {
        if let Some(k) = key(i, f) {
            match first.entry((f.label, k)) {
                std::collections::btree_map::Entry::Occupied(e) => groups.union(*e.get(), i),
                std::collections::btree_map::Entry::Vacant(e) => {
                    e.insert(i);
                }
            }
        }
    }
}

/// Folded name → alias group number, per label.
fn alias_table() -> BTreeMap<(Label, String), usize> {
    let mut table = BTreeMap::new();
    for (n, line) in ALIASES.lines().enumerate() {
        let (label, names) = line
            .split_once(' ')
            .expect("aliases.txt: label name|name|...");
        let label = match label {
            "person" => Label::Person,
            "place" => Label::Place,
            "org" => Label::Org,
            other => panic!("aliases.txt: unknown label {other}"),
        };
        for name in names.split('|') {
            table.insert((label, words(name, label).join(" ")), n);
        }
    }
    table
}

/// Initials of a multi-word name: of every word, and of the words an acronym
/// usually skips ("National Security and Defense Council" → "nsdc" and "nsadc").
pub(super) fn initials(words: &[String]) -> Vec<String> {
    if words.len() < 2 {
        return Vec::new();
    }
    let all: String = words.iter().filter_map(|w| w.chars().next()).collect();
    let content: String = words
        .iter()
        .filter(|w| ACRONYM_SKIPPED.binary_search(&w.as_str()).is_err())
        .filter_map(|w| w.chars().next())
        .collect();
    if content.chars().count() >= 2 && content != all {
        vec![all, content]
    } else {
        vec![all]
    }
}

/// True if `text` is written as an acronym: 2–8 capitals, maybe dotted ("NSDC", "U.N.").
pub(super) fn looks_like_acronym(text: &str) -> bool {
    let letters: Vec<char> = text.chars().filter(|c| *c != '.' && *c != '&').collect();
    (2..=8).contains(&letters.len())
        && letters.iter().all(|c| c.is_uppercase())
        && text
            .chars()
            .all(|c| c.is_alphabetic() || c == '.' || c == '&')
}

/// The acronym in brackets at the start of `rest`, after any spaces, as
/// written: " (NSDC) said" → "NSDC".
pub(super) fn bracketed_acronym(rest: &str) -> Option<&str> {
    let inside = rest.trim_start_matches([' ', '\u{A0}']).strip_prefix('(')?;
    let acronym = &inside[..inside.find(')')?];
    looks_like_acronym(acronym).then_some(acronym)
}

/// The acronym a mention defines in the text right after it:
/// "National Security and Defense Council (NSDC)" → "nsdc".
fn defined_acronym(text: &str, m: &Mention) -> Option<String> {
    bracketed_acronym(text.get(m.end..)?).map(|acronym| words(acronym, m.label).concat())
}

/// Groups `mentions` of a document; returns each mention's group as the index
/// of the group's first mention. `text` is the document (for "Long Form (LF)").
pub fn group(text: &str, mentions: &[Mention]) -> Vec<usize> {
    // A name recurs: fold each distinct (label, text) once.
    let mut distinct: HashMap<(Label, &str), usize> = HashMap::new();
    let mut folded: Vec<Form> = Vec::new();
    let form_of: Vec<usize> = mentions
        .iter()
        .map(|m| {
            *distinct.entry((m.label, m.text)).or_insert_with(|| {
                folded.push(Form::new(m));
                folded.len() - 1
            })
        })
        .collect();
    let forms: Vec<&Form> = form_of.iter().map(|&k| &folded[k]).collect();
    let mut groups = Groups((0..mentions.len()).collect());

    // 1. Exact text.
    merge_by(&mut groups, &forms, |i, _| {
        Some(mentions[i].text.to_string())
    });
    // 2. Folded words.
    merge_by(&mut groups, &forms, |_, f| {
        (!f.words.is_empty()).then(|| f.joined())
    });
    // 3a. Alias table.
    let aliases = alias_table();
    merge_by(&mut groups, &forms, |_, f| {
        aliases.get(&(f.label, f.joined())).copied()
    });
    // 3b. Acronyms the document defines, and acronyms spelling a unique long form.
    let mut defined: BTreeMap<(Label, String), usize> = BTreeMap::new();
    for (i, m) in mentions.iter().enumerate() {
        if let Some(acronym) = defined_acronym(text, m) {
            if initials(&forms[i].words).contains(&acronym) {
                defined.entry((m.label, acronym)).or_insert(i);
            }
        }
    }
    let mut spelled: BTreeMap<(Label, String), Vec<usize>> = BTreeMap::new();
    for (i, f) in forms.iter().enumerate() {
        for initial in initials(&f.words) {
            spelled.entry((f.label, initial)).or_default().push(i);
        }
    }
    for (i, m) in mentions.iter().enumerate() {
        if !looks_like_acronym(m.text) {
            continue;
        }
        let key = (m.label, forms[i].words.concat());
        if let Some(&long) = defined.get(&key) {
            groups.union(long, i);
        } else if let Some(longs) = spelled.get(&key) {
            let mut roots: Vec<usize> = longs.iter().map(|&l| groups.root(l)).collect();
            roots.sort_unstable();
            roots.dedup();
            if let [only] = roots[..] {
                groups.union(only, i);
            }
        }
    }
    // 4. A lone surname or first name joins the one full name that has it.
    link_lone_names(&mut groups, &forms);
    // 5. Transliteration and spelling variants.
    link_variants(&mut groups, &forms);
    (0..mentions.len()).map(|i| groups.root(i)).collect()
}

/// Pass 4: a one-word PERSON mention ("Umerov", "Rustem") joins the group of
/// the full names whose first or last word it is, when exactly one group has
/// such a name (never "Ivan" when there are Ivan Petrov and Ivan Sidorov).
fn link_lone_names(groups: &mut Groups, forms: &[&Form]) {
    // Full names' groups by their first and by their last word.
    let mut by_word: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    let mut has_full = vec![false; forms.len()];
    for (j, f) in forms.iter().enumerate() {
        if f.label == Label::Person && f.keys.len() >= 2 {
            let root = groups.root(j);
            has_full[root] = true;
            for key in [&f.keys[0], &f.keys[f.keys.len() - 1]] {
                let roots = by_word.entry(key).or_default();
                if !roots.contains(&root) {
                    roots.push(root);
                }
            }
        }
    }
    for (i, f) in forms.iter().enumerate() {
        // Already with a full name: nothing to decide.
        if f.label != Label::Person || f.keys.len() != 1 || has_full[groups.root(i)] {
            continue;
        }
        let Some(candidates) = by_word.get(f.keys[0].as_str()) else {
            continue;
        };
        let mut roots: Vec<usize> = candidates.iter().map(|&j| groups.root(j)).collect();
        roots.sort_unstable();
        roots.dedup();
        if let [only] = roots[..] {
            groups.union(only, i);
            has_full[groups.root(i)] = true;
        }
    }
}

/// True if two words may be spellings of one: equal transliteration keys, or
/// (when `fuzzy`) long, same first letter, very similar, and not a feminine
/// "-a" form of the other ("Petrov"/"Petrova" are two people).
fn same_word(a: &str, b: &str, fuzzy: bool) -> bool {
    if a == b {
        return true;
    }
    if !fuzzy || a.chars().count() < 5 || b.chars().count() < 5 {
        return false;
    }
    let gendered = |x: &str, y: &str| x.strip_suffix('a') == Some(y);
    a.chars().next() == b.chars().next()
        && !gendered(a, b)
        && !gendered(b, a)
        && jaro_winkler(a, b) >= FUZZY_WORD
}

/// Pass 5: names with as many words, each word the same under the
/// transliteration key, except at most one long word that is only very similar;
/// a person's first name must always match by key ("Ivan Petrov" and "Ivana
/// Petrov" stay two; "Donald Trump" and "Donald Tusk" are too unlike).
fn link_variants(groups: &mut Groups, forms: &[&Form]) {
    // Equal keys: one name in two spellings.
    merge_by(groups, forms, |_, f| {
        (!f.keys.is_empty()).then(|| f.keys.clone())
    });
    // Then one representative per distinct (label, keys).
    let mut distinct: BTreeMap<(Label, &[String]), usize> = BTreeMap::new();
    for (i, f) in forms.iter().enumerate() {
        if !f.keys.is_empty() {
            distinct.entry((f.label, &f.keys[..])).or_insert(i);
        }
    }
    // Names that may differ in word `w` only meet in one bucket: their other
    // words, and the first letter of word `w` (a fuzzy match needs it).
    let mut buckets: BTreeMap<(Label, usize, Vec<&str>, char), Vec<usize>> = BTreeMap::new();
    for (&(label, keys), &i) in &distinct {
        if keys.len() < 2 {
            continue;
        }
        // A person's first name never matches fuzzily.
        let first = usize::from(label == Label::Person);
        for w in first..keys.len() {
            let Some(initial) = keys[w].chars().next() else {
                continue;
            };
            let others = keys
                .iter()
                .enumerate()
                .map(|(n, k)| if n == w { "" } else { k.as_str() })
                .collect();
            buckets
                .entry((label, w, others, initial))
                .or_default()
                .push(i);
        }
    }
    for ((_, w, _, _), reps) in &buckets {
        for (n, &a) in reps.iter().enumerate() {
            for &b in &reps[n + 1..] {
                if same_word(&forms[a].keys[*w], &forms[b].keys[*w], true) {
                    groups.union(a, b);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Groups names given as (label, text), in a text that is just the names
    /// joined by ". " (so "(NSDC)" written after a name is read).
    fn grouped(names: &[(Label, &str)]) -> Vec<usize> {
        let mut text = String::new();
        let mut mentions = Vec::new();
        for &(label, name) in names {
            let (mention, after) = name.split_once(" (").map_or((name, ""), |(m, _)| (m, name));
            let start = text.len();
            text.push_str(if after.is_empty() { mention } else { after });
            text.push_str(". ");
            mentions.push((label, start, start + mention.len()));
        }
        let mentions: Vec<Mention> = mentions
            .iter()
            .map(|&(label, s, e)| Mention {
                label,
                text: &text[s..e],
                end: e,
            })
            .collect();
        group(&text, &mentions)
    }

    use Label::{Org, Person as P, Place};

    #[test]
    fn must_merge() {
        let cases: &[&[(Label, &str)]] = &[
            &[(P, "Rustem Umerov"), (P, "Umerov"), (P, "Umerov's")],
            &[(P, "Rustem Umerov"), (P, "Rustem")],
            &[(P, "Vladimir Putin"), (P, "President Putin")],
            &[(P, "Volodymyr Zelenskyy"), (P, "Zelensky")],
            &[(P, "Zelensky"), (P, "Zelenskyy"), (P, "Zelenskiy")],
            &[(P, "Andriy Khnatov"), (P, "Andrii Hnatov")],
            &[(P, "Oleksandr Syrskyi"), (P, "Oleksandr Syrsky")],
            &[(P, "Donald J. Trump"), (P, "Donald Trump"), (P, "Trump")],
            &[(P, "José Martí"), (P, "Jose Marti")],
            &[
                (Place, "U.S."),
                (Place, "US"),
                (Place, "United States"),
                (Place, "America"),
            ],
            &[(Place, "the United States"), (Place, "USA")],
            &[(Place, "Kyiv"), (Place, "Kiev"), (Place, "Kyiv's")],
            &[
                (Org, "National Security and Defense Council (NSDC)"),
                (Org, "NSDC"),
            ],
            &[(Org, "International Atomic Energy Agency"), (Org, "IAEA")],
            &[(Org, "North Atlantic Treaty Organization"), (Org, "NATO")],
            &[(Org, "Apple Inc."), (Org, "Apple")],
            &[(Org, "U.N."), (Org, "United Nations")],
        ];
        for names in cases {
            let groups = grouped(names);
            assert!(groups.iter().all(|&g| g == 0), "{names:?} → {groups:?}");
        }
    }

    #[test]
    fn must_not_merge() {
        let cases: &[&[(Label, &str)]] = &[
            &[(P, "Donald Trump"), (P, "Donald Tusk")],
            &[(P, "Ivan Petrov"), (P, "Ivan Sidorov")],
            &[(P, "Ivan Petrov"), (P, "Ivana Petrova")],
            &[(P, "Oleg Petrov"), (P, "Anna Petrova")],
            &[(P, "John Smith"), (P, "Jane Smith")],
            &[(P, "Andriy Yermak"), (P, "Andriy Sybiha")],
            &[(P, "Carlsen"), (P, "Carlson")],
            &[(P, "Petrov"), (P, "Petrova")],
            &[(Place, "Georgia"), (P, "Georgia")],
            &[(Org, "Washington"), (Place, "Washington")],
            &[(Place, "Austria"), (Place, "Australia")],
            &[(Place, "Ukraine"), (Place, "Western Ukraine")],
            &[(Place, "Sudan"), (Place, "South Sudan")],
            &[(Place, "North Korea"), (Place, "South Korea")],
            &[(Org, "Ministry of Defense"), (Org, "Ministry of Health")],
            &[(Place, "US"), (Org, "United States")],
            &[(Place, "Kyiv"), (Place, "Kyivstar")],
            &[(P, "Jordan"), (Place, "Jordan")],
        ];
        for names in cases {
            let groups = grouped(names);
            let mut distinct = groups.clone();
            distinct.dedup();
            assert_eq!(distinct.len(), names.len(), "{names:?} → {groups:?}");
        }
    }

    #[test]
    fn a_lone_name_shared_by_two_people_stays_alone() {
        let names = [
            (P, "Ivan Petrov"),
            (P, "Ivan Sidorov"),
            (P, "Ivan"),
            (P, "Petrov"),
        ];
        assert_eq!(grouped(&names), [0, 1, 2, 0]);
        let names = [(P, "Donald Trump"), (P, "Melania Trump"), (P, "Trump")];
        assert_eq!(grouped(&names), [0, 1, 2]);
        // An acronym two long forms spell is left alone too.
        let names = [
            (Org, "Party of Regions"),
            (Org, "Public Relations"),
            (Org, "PR"),
        ];
        assert_eq!(grouped(&names), [0, 1, 2]);
    }

    #[test]
    fn aliases_file_is_sorted_and_well_formed() {
        let lines: Vec<&str> = ALIASES.lines().collect();
        assert!(
            lines.windows(2).all(|w| w[0] < w[1]),
            "aliases.txt must stay sorted"
        );
        let table = alias_table();
        let names: usize = lines.iter().map(|l| l.split('|').count()).sum();
        assert_eq!(table.len(), names, "a name is listed twice");
        assert!(ACRONYM_SKIPPED.windows(2).all(|w| w[0] < w[1]));
    }
}
