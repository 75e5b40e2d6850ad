//! `gloss bench [--silver FILE.jsonl [--mb N]] [--cpu-time] [FILE...]`:
//! prints the throughput of the full [`crate::annotate`] pipeline (MB/s and
//! tokens/s on one core), the time spent in each stage (tokenize, dates,
//! names, the rest) on average and in the fastest round, and the time to
//! load the name model (weights, name lists and clusters). With
//! `--cpu-time` the stages are timed in the thread's CPU time rather than
//! wall-clock time: on a machine other work shares, the figures move less.
//!
//! Inputs: the given files, or a realistic large text built from the
//! TempEval-3 silver articles (`--silver`: their texts joined by blank lines
//! until `--mb` megabytes, default 1), or the three name-tagger fixture
//! articles, read from `tests/ner_fixtures/`, when nothing is given. Each
//! input is annotated as one document.

use std::time::{Duration, Instant};

use super::{DevError, Problem};
use crate::ner::{self, Tagger};
use crate::recognize::{Context, Mention, Recognizer};

/// The articles timed when no input is given: the name-tagger fixtures,
/// read at run time from the repository (paths relative to the current
/// directory).
pub const DEFAULT_FILES: [&str; 3] = [
    "tests/ner_fixtures/prisoner-exchange.txt",
    "tests/ner_fixtures/earnings.txt",
    "tests/ner_fixtures/football.txt",
];

/// What the stages are timed by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Clock {
    /// Wall-clock time.
    Wall,
    /// The CPU time of the timing thread, read from `/proc/thread-self/schedstat`
    /// (Linux): other processes on the machine barely change it.
    Cpu,
}

impl Clock {
    /// The time now, as a duration from an arbitrary origin.
    fn now(self, origin: Instant) -> Result<Duration, DevError> {
        match self {
            Clock::Wall => Ok(origin.elapsed()),
            Clock::Cpu => {
                const PATH: &str = "/proc/thread-self/schedstat";
                let text = super::read_file(PATH)?;
                // The first field is the nanoseconds the thread has run.
                let ns = text.split_whitespace().next().and_then(|n| n.parse().ok());
                ns.map(Duration::from_nanos).ok_or_else(|| {
                    DevError::Read(PATH.to_string(), std::io::Error::other("no CPU time in it"))
                })
            }
        }
    }
}

/// `gloss bench [--silver FILE.jsonl [--mb N]] [--cpu-time] [FILE...]`:
/// times the files, or `megabytes` of the silver articles, or both; with
/// neither, [`DEFAULT_FILES`].
pub fn bench(
    files: &[String],
    silver: Option<&str>,
    megabytes: f64,
    clock: Clock,
) -> Result<(), DevError> {
    let mut texts: Vec<String> = Vec::new();
    if let Some(path) = silver {
        texts.push(silver_text(path, (megabytes * 1e6) as usize)?);
    }
    for path in files {
        texts.push(super::read_file(path)?);
    }
    if texts.is_empty() {
        for path in DEFAULT_FILES {
            // Relative to the repository root: say so if run from elsewhere.
            texts.push(super::read_file(path).map_err(|e| match e {
                DevError::Read(path, error) => DevError::Read(
                    format!("{path} (run from the repository root, or name the files to time)"),
                    error,
                ),
                other => other,
            })?);
        }
    }

    let median = |f: &dyn Fn()| {
        let mut times: Vec<Duration> = (0..10)
            .map(|_| {
                let start = Instant::now();
                f();
                start.elapsed()
            })
            .collect();
        times.sort();
        ms(times[times.len() / 2])
    };
    let total = median(&|| {
        std::hint::black_box(
            Tagger::from_bytes(Tagger::embedded_bytes()).expect("embedded model loads"),
        );
    });
    let lists = median(&|| {
        std::hint::black_box(ner::gazetteer::Gazetteer::embedded());
    });
    let clusters = median(&|| {
        std::hint::black_box(ner::clusters::Clusters::embedded());
    });
    println!(
        "model load: {total:.1} ms median (name lists {lists:.1} ms, clusters {clusters:.1} ms, weights {:.1} ms; model file {} KB)",
        total - lists - clusters,
        Tagger::embedded_bytes().len() / 1024
    );

    let options = crate::Options::with_reference_date("2025-01-01").expect("valid date");
    let reference_date = options.reference_date.expect("given");
    let bytes: usize = texts.iter().map(String::len).sum();
    let tokenized: Vec<_> = texts.iter().map(|t| crate::tokenize::tokenize(t)).collect();
    let tokens: usize = tokenized.iter().map(|t| t.tokens.len()).sum();
    let recognize = |recognizer: &dyn Recognizer| {
        for (text, tokenized) in texts.iter().zip(&tokenized) {
            let context = Context {
                text,
                tokenized,
                reference_date,
            };
            let mut out: Vec<Mention> = Vec::new();
            recognizer.recognize(&context, &mut out);
            std::hint::black_box(out);
        }
    };
    // Warm up (loads the model), then time each stage over the same rounds.
    let annotate_all = || {
        for text in &texts {
            std::hint::black_box(crate::annotate(text, &options));
        }
    };
    annotate_all();
    let stages: [(&str, &dyn Fn()); 4] = [
        ("annotate", &annotate_all),
        ("tokenize", &|| {
            for text in &texts {
                std::hint::black_box(crate::tokenize::tokenize(text));
            }
        }),
        ("dates", &|| recognize(&crate::temporal::TemporalRecognizer)),
        ("names", &|| recognize(ner::NameRecognizer::embedded())),
    ];
    let mut per_round = [0.0f64; 4];
    let mut best = [f64::INFINITY; 4];
    let mut rounds = 0usize;
    let origin = Instant::now();
    let start = clock.now(origin)?;
    while clock.now(origin)? - start < Duration::from_secs(3) || rounds < 3 {
        for ((seconds, fastest), (_, stage)) in per_round.iter_mut().zip(&mut best).zip(&stages) {
            let t = clock.now(origin)?;
            stage();
            let took = (clock.now(origin)? - t).as_secs_f64();
            *seconds += took;
            *fastest = fastest.min(took);
        }
        rounds += 1;
    }
    let [whole, tokenize, dates, names] = per_round.map(|s| s / rounds as f64);
    let mb = bytes as f64 / 1e6;
    println!(
        "input: {} text(s), {bytes} bytes, {tokens} tokens; {rounds} rounds, {} time",
        texts.len(),
        match clock {
            Clock::Wall => "wall-clock",
            Clock::Cpu => "CPU",
        }
    );
    println!(
        "annotate: {:.1} ms per round: {:.2} MB/s, {:.0} tokens/s",
        whole * 1e3,
        mb / whole,
        tokens as f64 / whole
    );
    println!(
        "  per MB: tokenize {:.1} ms, dates {:.1} ms, names {:.1} ms ({:.2} MB/s), rest {:.1} ms",
        tokenize / mb * 1e3,
        dates / mb * 1e3,
        names / mb * 1e3,
        mb / names,
        (whole - tokenize - dates - names).max(0.0) / mb * 1e3
    );
    let [whole, tokenize, dates, names] = best;
    println!(
        "  fastest round, per MB: annotate {:.1} ms, tokenize {:.1} ms, dates {:.1} ms, names {:.1} ms",
        whole / mb * 1e3,
        tokenize / mb * 1e3,
        dates / mb * 1e3,
        names / mb * 1e3,
    );
    Ok(())
}

/// The texts of the articles in a JSON Lines file (`{"text": ...}` per line),
/// joined by blank lines until at least `bytes` bytes (repeating if needed).
fn silver_text(path: &str, bytes: usize) -> Result<String, DevError> {
    let source = super::read_file(path)?;
    let malformed = |what: &str| DevError::Malformed(path.to_string(), Problem::from(what));
    let articles: Vec<String> = source
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            serde_json::from_str::<serde_json::Value>(line)
                .ok()
                .and_then(|v| v.get("text")?.as_str().map(|s| s.trim().to_string()))
                .ok_or_else(|| malformed("a line has no \"text\" string"))
        })
        .collect::<Result<_, _>>()?;
    if articles.iter().all(String::is_empty) {
        return Err(malformed("it holds no text"));
    }
    let mut out = String::with_capacity(bytes + 10_000);
    for article in articles.iter().cycle() {
        if out.len() >= bytes {
            break;
        }
        out.push_str(article);
        out.push_str("\n\n");
    }
    Ok(out)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
