//! `gloss fuzz --seconds N --seed S`: a fuzzer on stable Rust that anyone
//! can run for hours. It annotates random and mutated text and checks, on
//! every input, the invariants the property tests check ([`check_text`],
//! which `tests/properties.rs` calls too): a valid document, annotations
//! sorted, non-overlapping, on character boundaries and equal to their
//! slice, sound tokens and sentences, every export format written without a
//! panic, and export → import giving the same document.
//!
//! Inputs are mutations of the fixture articles (spans deleted, duplicated,
//! moved or re-cased, pieces inserted) and random text mixing scripts
//! (Latin, Cyrillic, Greek, Arabic, Hebrew, Devanagari, Thai, CJK),
//! combining marks, emoji with joiners and modifiers, control and bidi
//! characters, and long runs of punctuation. The same seed gives the same
//! inputs. A failing input is saved to a file (before the process dies, for
//! a panic: the release build aborts on panic) and the run goes on.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::DevError;
use crate::document::Document;
use crate::formats::{self, FORMATS};

/// What `gloss fuzz` is asked to do.
#[derive(Clone, Debug)]
pub struct FuzzSettings {
    /// How long to run.
    pub seconds: f64,
    /// Seed of the input generator.
    pub seed: u64,
    /// Folder of `.txt` articles to mutate.
    pub fixtures: PathBuf,
    /// Folder where failing inputs are saved.
    pub out: PathBuf,
}

/// What a run did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FuzzReport {
    /// Inputs checked.
    pub inputs: u64,
    /// Inputs that broke an invariant (each saved to a file).
    pub failures: u64,
}

/// Every invariant of an annotated text; the first one broken, in words.
pub fn check_text(text: &str) -> Result<(), String> {
    check_tokens(text)?;
    let options = crate::Options::with_reference_date("2025-12-21").expect("valid date");
    let document = crate::annotate(text, &options);
    check_document(text, &document)?;
    if crate::annotate(text, &options) != document {
        return Err("annotate is not deterministic".into());
    }
    check_exports(&document)
}

/// The document's own invariants, beyond [`Document::validate`].
fn check_document(text: &str, document: &Document) -> Result<(), String> {
    if document.text != text {
        return Err("the document's text differs from the input".into());
    }
    // validate() checks sorted, non-overlapping, in range, and text == slice.
    document
        .validate()
        .map_err(|e| format!("invalid document: {e}"))?;
    let chars: Vec<char> = text.chars().collect();
    for a in &document.annotations {
        if chars[a.start..a.end].iter().collect::<String>() != a.text {
            return Err(format!("text is not its slice: {a:?}"));
        }
        if a.value.is_some() != a.label.is_temporal() {
            return Err(format!("a value iff temporal: {a:?}"));
        }
        if a.text.starts_with(char::is_whitespace) || a.text.ends_with(char::is_whitespace) {
            return Err(format!("a mention starts or ends with a space: {a:?}"));
        }
    }
    Ok(())
}

/// Tokens are sorted, disjoint, on character boundaries and cover all that
/// is not white space; sentences cover the tokens in order.
fn check_tokens(text: &str) -> Result<(), String> {
    let tokenized = crate::tokenize::tokenize(text);
    let mut previous_end = 0;
    for token in &tokenized.tokens {
        let sound = token.start >= previous_end
            && token.start < token.end
            && text.is_char_boundary(token.start)
            && text.is_char_boundary(token.end)
            && text[previous_end..token.start]
                .chars()
                .all(char::is_whitespace)
            && !token.text(text).starts_with(char::is_whitespace);
        if !sound {
            return Err(format!("bad token {token:?} after byte {previous_end}"));
        }
        previous_end = token.end;
    }
    if !text[previous_end..].chars().all(char::is_whitespace) {
        return Err("text after the last token is not white space".into());
    }
    let mut next = 0;
    for sentence in &tokenized.sentences {
        if sentence.start != next || sentence.is_empty() {
            return Err(format!("sentences do not cover the tokens: {sentence:?}"));
        }
        next = sentence.end;
    }
    if next != tokenized.tokens.len() {
        return Err("sentences do not reach the last token".into());
    }
    Ok(())
}

/// Every format writes the document; gloss JSON reads back the same, and
/// every importable format's export → import → export gives the same file,
/// but CoNLL's: it keeps tokens, not the text, and rebuilding hostile text
/// from its tokens need not tokenize the same again, so its export only has
/// to import.
fn check_exports(document: &Document) -> Result<(), String> {
    for info in FORMATS {
        formats::export(document, info.format);
        formats::convert_line(document, info.format);
        match info.format {
            formats::Format::Conll => {
                let conll = formats::export(document, info.format);
                let input = formats::Input {
                    name: "document.conll",
                    bytes: &conll,
                };
                formats::import(info.format, &[input], &import_options())
                    .map_err(|e| format!("the CoNLL export does not import: {e}"))?;
            }
            format if format.is_importable() => check_round_trip(document, format)?,
            _ => {}
        }
    }
    let json = formats::convert(document, formats::Format::Gloss);
    match Document::from_json(&json) {
        Ok(back) if back == *document => Ok(()),
        Ok(_) => Err("export → import changed the document".into()),
        Err(e) => Err(format!("the export does not import: {e}")),
    }
}

fn import_options() -> formats::ImportOptions {
    formats::ImportOptions {
        reference_date: None,
        today: crate::calendar::Date::new(2025, 12, 21).expect("valid date"),
    }
}

/// Exports `document` in the importable `format` (brat with its `.txt`),
/// imports the file as the CLI and the page do, and exports the one document
/// read again: the two files must be the same.
pub fn check_round_trip(document: &Document, format: formats::Format) -> Result<(), String> {
    let first = formats::export(document, format);
    let name = format!("document.{}", format.info().extension);
    let mut inputs = vec![formats::Input {
        name: &name,
        bytes: &first,
    }];
    if format == formats::Format::Brat {
        inputs.push(formats::Input {
            name: "document.txt",
            bytes: document.text.as_bytes(),
        });
    }
    let detected = formats::detect(&inputs);
    if detected != Some(format) {
        return Err(format!("{format:?} export detected as {detected:?}"));
    }
    let imported = formats::import(format, &inputs, &import_options())
        .map_err(|e| format!("the {format:?} export does not import: {e}"))?;
    let [back] = imported.documents.as_slice() else {
        return Err(format!(
            "the {format:?} export imports as {} documents",
            imported.documents.len()
        ));
    };
    let again = formats::export(back, format);
    if again != first {
        return Err(format!(
            "{format:?} export → import → export changed the file:\n{}\n---\n{}",
            String::from_utf8_lossy(&first),
            String::from_utf8_lossy(&again)
        ));
    }
    if !imported.notes.is_empty() {
        return Err(format!(
            "the {format:?} round trip left things out: {:?}",
            imported.notes
        ));
    }
    Ok(())
}

/// `gloss fuzz`: runs for `settings.seconds`, printing progress every 10 s
/// and a last line with the count and inputs per second.
pub fn fuzz(settings: &FuzzSettings) -> Result<FuzzReport, DevError> {
    let seeds = read_fixtures(&settings.fixtures)?;
    std::fs::create_dir_all(&settings.out)
        .map_err(|e| DevError::Write(settings.out.display().to_string(), e))?;
    // The input being checked, saved by the panic hook if it panics.
    let current: Arc<Mutex<(u64, String)>> = Arc::default();
    let hook_input = Arc::clone(&current);
    let out = settings.out.clone();
    let seed = settings.seed;
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if let Ok(input) = hook_input.try_lock() {
            let path = save(&out, seed, input.0, &input.1, &format!("panic: {info}"));
            eprintln!(
                "gloss fuzz: input {} panicked; saved to {}.",
                input.0,
                path.display()
            );
        }
        default_hook(info);
    }));
    println!(
        "gloss fuzz: seed {}, {} s, {} fixture texts from {}; failing inputs go to {}.",
        settings.seed,
        settings.seconds,
        seeds.len(),
        settings.fixtures.display(),
        settings.out.display()
    );
    let mut rng = Rng::new(settings.seed);
    let began = Instant::now();
    let limit = Duration::from_secs_f64(settings.seconds);
    let mut report = FuzzReport {
        inputs: 0,
        failures: 0,
    };
    let mut last_print = began;
    while began.elapsed() < limit {
        let text = generate(&mut rng, &seeds);
        *current.lock().expect("not poisoned") = (report.inputs, text.clone());
        if let Err(problem) = check_text(&text) {
            let path = save(&settings.out, settings.seed, report.inputs, &text, &problem);
            println!(
                "gloss fuzz: input {} fails ({problem}); saved to {}.",
                report.inputs,
                path.display()
            );
            report.failures += 1;
        }
        report.inputs += 1;
        if last_print.elapsed() >= Duration::from_secs(10) {
            last_print = Instant::now();
            print_progress(&report, began.elapsed());
        }
    }
    let _ = std::panic::take_hook();
    print_progress(&report, began.elapsed());
    Ok(report)
}

fn print_progress(report: &FuzzReport, elapsed: Duration) {
    let seconds = elapsed.as_secs_f64().max(1e-9);
    println!(
        "gloss fuzz: {} inputs in {:.0} s ({:.0} inputs/s), {} failing.",
        report.inputs,
        seconds,
        report.inputs as f64 / seconds,
        report.failures
    );
}

/// Saves a failing input as `fuzz-<seed>-<n>.txt`, and why as `.why`.
fn save(dir: &Path, seed: u64, n: u64, text: &str, problem: &str) -> PathBuf {
    let path = dir.join(format!("fuzz-{seed}-{n}.txt"));
    let _ = std::fs::write(&path, text);
    let _ = std::fs::write(path.with_extension("why"), format!("{problem}\n"));
    path
}

fn read_fixtures(dir: &Path) -> Result<Vec<String>, DevError> {
    let name = dir.display().to_string();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| DevError::Read(name.clone(), e))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    if paths.is_empty() {
        return Err(DevError::Malformed(name, "it holds no .txt file".into()));
    }
    paths
        .iter()
        .map(|p| super::read_file(&p.display().to_string()))
        .collect()
}

/// splitmix64: small, fast, and the same on every platform.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Ranges of code points random characters are drawn from.
const SCRIPTS: &[(u32, u32)] = &[
    (0x20, 0x7E),       // ASCII
    (0xC0, 0x24F),      // Latin accents
    (0x370, 0x3FF),     // Greek
    (0x400, 0x4FF),     // Cyrillic
    (0x590, 0x5FF),     // Hebrew
    (0x600, 0x6FF),     // Arabic
    (0x900, 0x97F),     // Devanagari
    (0xE00, 0xE7F),     // Thai
    (0x3040, 0x30FF),   // kana
    (0x4E00, 0x9FFF),   // CJK
    (0xAC00, 0xD7A3),   // Hangul
    (0x300, 0x36F),     // combining marks
    (0x1F300, 0x1FAFF), // emoji
    (0x0, 0x1F),        // C0 controls
    (0x7F, 0x9F),       // DEL, C1 controls
    (0x2000, 0x206F),   // spaces, joiners, bidi controls, punctuation
    (0xFE00, 0xFE0F),   // variation selectors
    (0x10000, 0x10FFFF),
];

/// Pieces that make the recognizers work: names, dates, abbreviations,
/// and the characters that trouble tokenizers (the property tests draw on
/// them too).
pub const PIECES: &[&str] = &[
    "Rustem Umerov",
    "Kyiv",
    "said on Friday",
    "December 5",
    "Dec. 21",
    "5 December 2025",
    "2025-12-21",
    "12/21/2025",
    "in 2024",
    "last week",
    "3 p.m.",
    "the U.S.",
    "Mr.",
    "Dr. ",
    "J. R. R.",
    "St. Michael's",
    "next year",
    "2 weeks ago",
    "9999-12-31",
    "0001-01-01",
    "(",
    ")",
    "\"",
    "“",
    "”",
    "'s",
    "n't",
    " — ",
    "...",
    "\n\n",
    "\r\n",
    "\u{A0}",
    "\u{200D}",
    "\u{FE0F}",
    "\u{202E}",
    "\u{2066}",
    "\u{FEFF}",
    "👨‍👩‍👧",
    "🇺🇦",
    "👍🏽",
    "e\u{301}",
    "Зеленський",
    "東京",
    "القاهرة",
    "ירושלים",
    "KYIV, Dec. 21 (Reuters) —",
    "&amp;",
    "<b>",
    "Germany's",
    "“quoted”",
    ", ",
    ". ",
    "😀",
    "May",
    "Sunday Times",
    "3-1",
    "J.",
    "0",
    "1996",
    "-",
    "/",
    ":",
];

fn random_char(rng: &mut Rng) -> char {
    let &(low, high) = rng.pick(SCRIPTS);
    let code = low + (rng.next() % u64::from(high - low + 1)) as u32;
    char::from_u32(code).unwrap_or('\u{FFFD}')
}

/// A random piece: characters, a known piece, or a long run of one.
fn random_piece(rng: &mut Rng) -> String {
    match rng.below(10) {
        0..=3 => (0..1 + rng.below(12)).map(|_| random_char(rng)).collect(),
        4..=7 => rng.pick(PIECES).to_string(),
        8 => " ".repeat(1 + rng.below(3)),
        _ => {
            let unit = *rng.pick(&[
                "(", ")", ".", "Mr. ", "-", "/", "'", "A. ", "1 ", "\n", "😀",
            ]);
            unit.repeat(1 + rng.below(20_000))
        }
    }
}

/// The nearest character boundary at or before `i`.
fn boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A random span of `text`, on character boundaries.
fn span(rng: &mut Rng, text: &str) -> (usize, usize) {
    let a = boundary(text, rng.below(text.len() + 1));
    let length = 1 + rng.below(200);
    (a, boundary(text, a + length))
}

/// One input: a mutated fixture (most of the time) or random text.
fn generate(rng: &mut Rng, seeds: &[String]) -> String {
    if rng.below(4) == 0 {
        return (0..rng.below(40)).map(|_| random_piece(rng)).collect();
    }
    let mut text = rng.pick(seeds).clone();
    for _ in 0..1 + rng.below(8) {
        let (a, b) = span(rng, &text);
        match rng.below(6) {
            0 => text.replace_range(a..b, ""),
            1 => {
                let copy = text[a..b].to_string();
                text.insert_str(b, &copy);
            }
            2 => {
                let piece = random_piece(rng);
                text.insert_str(a, &piece);
            }
            3 => {
                let moved = text[a..b].to_string();
                text.replace_range(a..b, "");
                let to = boundary(&text, rng.below(text.len() + 1));
                text.insert_str(to, &moved);
            }
            4 => {
                let changed = if rng.below(2) == 0 {
                    text[a..b].to_uppercase()
                } else {
                    text[a..b].to_lowercase()
                };
                text.replace_range(a..b, &changed);
            }
            _ => text.truncate(b.max(boundary(&text, text.len() / 2))),
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_inputs_and_they_pass() {
        let seeds = vec!["Talks resume on Friday in Kyiv, Mr. Umerov said.".to_string()];
        let inputs = |seed| {
            let mut rng = Rng::new(seed);
            (0..30)
                .map(|_| generate(&mut rng, &seeds))
                .collect::<Vec<_>>()
        };
        assert_eq!(inputs(7), inputs(7));
        assert_ne!(inputs(7), inputs(8));
        for text in inputs(7).iter().filter(|t| t.len() < 5_000) {
            assert_eq!(check_text(text), Ok(()), "{text:?}");
        }
    }

    #[test]
    fn a_broken_document_is_caught() {
        let options = crate::Options::with_reference_date("2025-12-21").unwrap();
        let mut document = crate::annotate("Anna met Bob in Kyiv on Friday.", &options);
        assert_eq!(check_document(&document.text.clone(), &document), Ok(()));
        document.annotations[0].text.push('x');
        assert!(check_document(&document.text.clone(), &document).is_err());
        assert!(check_document("other text", &document).is_err());
    }
}
