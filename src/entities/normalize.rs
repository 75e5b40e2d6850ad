//! Name keys for grouping: folding (compatibility forms, case, diacritics,
//! punctuation, possessive "'s", leading titles, legal forms) and a looser
//! transliteration key, plus the Jaro-Winkler similarity the fuzzy pass uses.

use crate::document::Label;
use crate::ner::titles::is_title;

/// Words after an organisation's name that do not change which one it is, sorted.
const LEGAL_FORMS: &[&str] = &[
    "ag",
    "co",
    "corp",
    "corporation",
    "gmbh",
    "inc",
    "incorporated",
    "llc",
    "ltd",
    "plc",
    "sa",
];

/// One character folded: compatibility forms and Latin diacritics to ASCII
/// ("é" → "e", "ß" → "ss", fullwidth "Ａ" → "a"), lowercased. Letters of other
/// scripts are kept (lowercased): "Зеленський" stays Cyrillic.
fn fold_char(c: char, out: &mut String) {
    let c = match c as u32 {
        // Fullwidth ASCII forms.
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    };
    let plain = match c {
        'À'..='Å' | 'à'..='å' | 'Ā' | 'ā' | 'Ă' | 'ă' | 'Ą' | 'ą' => "a",
        'Ç' | 'ç' | 'Ć' | 'ć' | 'Ĉ' | 'ĉ' | 'Ċ' | 'ċ' | 'Č' | 'č' => "c",
        'Ď' | 'ď' | 'Đ' | 'đ' | 'Ð' | 'ð' => "d",
        'È'..='Ë' | 'è'..='ë' | 'Ē' | 'ē' | 'Ĕ' | 'ĕ' | 'Ė' | 'ė' | 'Ę' | 'ę' | 'Ě' | 'ě' => {
            "e"
        }
        'Ĝ' | 'ĝ' | 'Ğ' | 'ğ' | 'Ġ' | 'ġ' | 'Ģ' | 'ģ' => "g",
        'Ĥ' | 'ĥ' | 'Ħ' | 'ħ' => "h",
        'Ì'..='Ï' | 'ì'..='ï' | 'Ĩ' | 'ĩ' | 'Ī' | 'ī' | 'Ĭ' | 'ĭ' | 'Į' | 'į' | 'İ' | 'ı' => {
            "i"
        }
        'Ĵ' | 'ĵ' => "j",
        'Ķ' | 'ķ' => "k",
        'Ĺ' | 'ĺ' | 'Ļ' | 'ļ' | 'Ľ' | 'ľ' | 'Ŀ' | 'ŀ' | 'Ł' | 'ł' => "l",
        'Ñ' | 'ñ' | 'Ń' | 'ń' | 'Ņ' | 'ņ' | 'Ň' | 'ň' => "n",
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' | 'Ō' | 'ō' | 'Ŏ' | 'ŏ' | 'Ő' | 'ő' => "o",
        'Œ' | 'œ' => "oe",
        'Æ' | 'æ' => "ae",
        'Ŕ' | 'ŕ' | 'Ŗ' | 'ŗ' | 'Ř' | 'ř' => "r",
        'Ś' | 'ś' | 'Ŝ' | 'ŝ' | 'Ş' | 'ş' | 'Š' | 'š' | 'Ș' | 'ș' => "s",
        'ß' => "ss",
        'Ţ' | 'ţ' | 'Ť' | 'ť' | 'Ŧ' | 'ŧ' | 'Ț' | 'ț' => "t",
        'Þ' | 'þ' => "th",
        'Ù'..='Ü'
        | 'ù'..='ü'
        | 'Ũ'
        | 'ũ'
        | 'Ū'
        | 'ū'
        | 'Ŭ'
        | 'ŭ'
        | 'Ů'
        | 'ů'
        | 'Ű'
        | 'ű'
        | 'Ų'
        | 'ų' => "u",
        'Ŵ' | 'ŵ' => "w",
        'Ý' | 'ý' | 'ÿ' | 'Ŷ' | 'ŷ' | 'Ÿ' => "y",
        'Ź' | 'ź' | 'Ż' | 'ż' | 'Ž' | 'ž' => "z",
        // Combining marks (decomposed diacritics) vanish.
        '\u{300}'..='\u{36F}' => "",
        _ => {
            out.extend(c.to_lowercase());
            return;
        }
    };
    out.push_str(plain);
}

/// The folded words of a name, without punctuation, a possessive "'s", a
/// leading "the" or title ("President", "Mr."), and for organisations a
/// trailing legal form ("Inc."). Dotted initials join: "U.S." → `["us"]`.
pub fn words(name: &str, label: Label) -> Vec<String> {
    let mut raw: Vec<&str> = name
        .split(|c: char| c.is_whitespace() || c == '-')
        .collect();
    raw.retain(|w| !w.is_empty());
    // Leading titles and articles, but never the whole name.
    while raw.len() > 1 && (is_title(raw[0]) || raw[0].eq_ignore_ascii_case("the")) {
        raw.remove(0);
    }
    let mut out: Vec<String> = Vec::new();
    for word in raw {
        let word = strip_possessive(word);
        let mut folded = String::new();
        for c in word.chars() {
            if c.is_alphanumeric() || ('\u{300}'..='\u{36F}').contains(&c) {
                fold_char(c, &mut folded);
            }
        }
        if !folded.is_empty() {
            out.push(folded);
        }
    }
    if label == Label::Org {
        while out.len() > 1
            && LEGAL_FORMS
                .binary_search(&out.last().map_or("", String::as_str))
                .is_ok()
        {
            out.pop();
        }
    }
    out
}

fn strip_possessive(word: &str) -> &str {
    for suffix in ["'s", "’s", "'S", "’S", "'", "’"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            if !stem.is_empty() {
                return stem;
            }
        }
    }
    word
}

/// A key under which common romanisations of one name agree: "Khnatov" and
/// "Hnatov", "Zelenskyy" and "Zelensky", "Andriy" and "Andrii", "Oleksiy" and
/// "Oleksii". Works on a folded word.
pub fn transliteration_key(word: &str) -> String {
    let mut s = word.to_string();
    // Only spellings that romanisations of one name really differ by: a rule
    // like g/h would also join "Hill" and "Gill".
    for (from, to) in [
        ("kh", "h"),
        ("ph", "f"),
        ("ou", "u"),
        ("w", "v"),
        ("j", "y"),
    ] {
        // Most words hold none of them: copy only when one is there.
        if s.contains(from) {
            s = s.replace(from, to);
        }
    }
    // Endings: -iy, -ii, -yi, -yy, -y all fold to -i ("Andriy", "Andrii", "Zelenskyy").
    let stem = s.trim_end_matches(['i', 'y']).len();
    if stem < s.len() {
        s.truncate(stem);
        s.push('i');
    }
    // Doubled letters are spelled singly by some romanisations ("Hennadiy",
    // "Phillips"); not in short words, where "Ann" and "An" may be two people.
    if s.chars().count() < 5 {
        return s;
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// Jaro-Winkler similarity of two strings (prefix scale 0.1, up to 4 chars).
pub fn jaro_winkler(a: &str, b: &str) -> f64 {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.is_empty() || b.is_empty() {
        return if a == b { 1.0 } else { 0.0 };
    }
    let window = (a.len().max(b.len()) / 2).saturating_sub(1);
    let mut b_used = vec![false; b.len()];
    let mut a_matches = Vec::new();
    for (i, &ca) in a.iter().enumerate() {
        let lo = i.saturating_sub(window);
        let hi = (i + window + 1).min(b.len());
        if let Some(j) = (lo..hi).find(|&j| !b_used[j] && b[j] == ca) {
            b_used[j] = true;
            a_matches.push(ca);
        }
    }
    let m = a_matches.len();
    if m == 0 {
        return 0.0;
    }
    let b_matches = b.iter().zip(&b_used).filter(|(_, &u)| u).map(|(&c, _)| c);
    let transpositions = a_matches
        .iter()
        .zip(b_matches)
        .filter(|(x, y)| *x != y)
        .count()
        / 2;
    let m = m as f64;
    let jaro = (m / a.len() as f64 + m / b.len() as f64 + (m - transpositions as f64) / m) / 3.0;
    let prefix = a.iter().zip(&b).take(4).take_while(|(x, y)| x == y).count();
    jaro + prefix as f64 * 0.1 * (1.0 - jaro)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_fold_case_diacritics_titles_and_possessives() {
        let cases: &[(&str, Label, &[&str])] = &[
            ("President Putin", Label::Person, &["putin"]),
            ("Mr. Zoë Ångström", Label::Person, &["zoe", "angstrom"]),
            ("Kyiv's", Label::Place, &["kyiv"]),
            ("Kyiv’s", Label::Place, &["kyiv"]),
            ("U.S.", Label::Place, &["us"]),
            ("the United States", Label::Place, &["united", "states"]),
            ("Apple Inc.", Label::Org, &["apple"]),
            ("Inc.", Label::Org, &["inc"]),
            ("ＵＮ", Label::Org, &["un"]),
            ("Jose\u{301}", Label::Person, &["jose"]),
            ("Зеленський", Label::Person, &["зеленський"]),
            (
                "Gen. Valerii Zaluzhnyi",
                Label::Person,
                &["valerii", "zaluzhnyi"],
            ),
            ("President", Label::Person, &["president"]),
        ];
        for (name, label, expected) in cases {
            assert_eq!(words(name, *label), *expected, "{name}");
        }
        assert_eq!(
            LEGAL_FORMS.windows(2).filter(|w| w[0] >= w[1]).count(),
            0,
            "LEGAL_FORMS must stay sorted"
        );
    }

    #[test]
    fn transliteration_keys_agree_on_variants_and_differ_on_names() {
        let same = [
            ("khnatov", "hnatov"),
            ("andriy", "andrii"),
            ("zelensky", "zelenskyy"),
            ("zelenskiy", "zelenskyi"),
            ("oleksiy", "oleksii"),
            ("syrskyi", "syrsky"),
            ("hennadiy", "hennadii"),
            ("jan", "yan"),
        ];
        for (a, b) in same {
            assert_eq!(transliteration_key(a), transliteration_key(b), "{a} {b}");
        }
        let different = [
            ("trump", "tusk"),
            ("petrov", "sidorov"),
            ("ivan", "ivana"),
            ("kyiv", "kiev"),
            ("hill", "gill"),
            ("ian", "jan"),
            ("ann", "an"),
        ];
        for (a, b) in different {
            assert_ne!(transliteration_key(a), transliteration_key(b), "{a} {b}");
        }
    }

    #[test]
    fn jaro_winkler_matches_known_values() {
        let close = |a: &str, b: &str, v: f64| {
            let got = jaro_winkler(a, b);
            assert!((got - v).abs() < 0.002, "{a} {b}: {got}");
        };
        close("martha", "marhta", 0.961);
        close("dwayne", "duane", 0.840);
        close("zelensky", "zelenskyy", 0.978);
        close("khnatov", "hnatov", 0.952);
        close("same", "same", 1.0);
        close("abc", "xyz", 0.0);
    }
}
