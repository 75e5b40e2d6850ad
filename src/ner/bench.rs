//! `gloss bench [FILE...]`: prints the throughput of the full
//! [`crate::annotate`] pipeline (MB/s and tokens/s on one core) on the given
//! files, or on the built-in fixture articles, and the time to load the
//! name model (weights, name lists and clusters).

use std::time::{Duration, Instant};

use super::Tagger;

/// Fixture articles used when no file is given.
const FIXTURES: [&str; 3] = [
    include_str!("../../tests/ner_fixtures/prisoner-exchange.txt"),
    include_str!("../../tests/ner_fixtures/earnings.txt"),
    include_str!("../../tests/ner_fixtures/football.txt"),
];

/// Runs the command; `Ok(true)` on success.
pub fn main(args: &[String]) -> Result<bool, String> {
    let texts: Vec<String> = if args.is_empty() {
        FIXTURES.iter().map(|s| s.to_string()).collect()
    } else {
        args.iter()
            .map(|p| std::fs::read_to_string(p).map_err(|e| format!("{p}: {e}")))
            .collect::<Result<_, _>>()?
    };

    let mut loads = Vec::new();
    for _ in 0..10 {
        let start = Instant::now();
        let tagger = Tagger::from_bytes(Tagger::embedded_bytes())?;
        loads.push(start.elapsed());
        std::hint::black_box(tagger);
    }
    loads.sort();
    let model_bytes = Tagger::embedded_bytes().len();
    println!(
        "model load: median {:.1} ms, min {:.1} ms (weights {} KB + name lists + clusters)",
        ms(loads[loads.len() / 2]),
        ms(loads[0]),
        model_bytes / 1024
    );

    let options = crate::Options::with_reference_date("2025-01-01").expect("valid date");
    let bytes: usize = texts.iter().map(String::len).sum();
    let tokens: usize = texts
        .iter()
        .map(|t| crate::tokenize::tokenize(t).tokens.len())
        .sum();
    for text in &texts {
        std::hint::black_box(crate::annotate(text, &options));
    }
    let start = Instant::now();
    let mut rounds = 0usize;
    while start.elapsed() < Duration::from_secs(3) || rounds < 3 {
        for text in &texts {
            std::hint::black_box(crate::annotate(text, &options));
        }
        rounds += 1;
    }
    let seconds = start.elapsed().as_secs_f64();
    println!(
        "annotate: {} texts, {bytes} bytes, {tokens} tokens, {rounds} rounds in {seconds:.2} s: {:.2} MB/s, {:.0} tokens/s",
        texts.len(),
        (bytes * rounds) as f64 / seconds / 1e6,
        (tokens * rounds) as f64 / seconds
    );
    Ok(true)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
