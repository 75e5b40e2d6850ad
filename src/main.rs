//! `gloss`, the command-line face of the core: annotate files or a JSON Lines
//! stream, and the developer commands (evaluate, train, benchmark) of
//! [`gloss::dev`]. Every command, flag and help text is declared once, below,
//! with `clap`.

mod cli;

use std::fmt;
use std::io::{self, BufWriter};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use cli::annotate::{self, Failure, Settings};
use gloss::calendar::{Date, DateError};
use gloss::dev::clusters_build::{self, ClusterSettings};
use gloss::dev::fuzz::FuzzSettings;
use gloss::dev::train_names::{self, TrainSettings};
use gloss::dev::DevError;
use gloss::formats::Format;
use gloss::Options;

/// The end of `gloss --help`: examples and the export formats.
fn after_help() -> String {
    format!(
        "{EXAMPLES}\n\nExport formats (annotate --format NAME): {}.",
        format_names()
    )
}

const EXAMPLES: &str = "\
Examples:
  gloss annotate --date 2025-12-21 article.txt      one file: pretty JSON
  gloss annotate a.txt b.txt c.txt                   several: one document per line
  gloss annotate --jsonl < requests.jsonl            stdin: {\"text\": ..., \"reference_date\": ...} per line
  gloss import article.ann article.txt               brat (or CoNLL, doccano, W3C, spaCy, Label Studio) to gloss/3
  gloss import --from doccano --format conll a.jsonl  from one format to another
  gloss eval dates ../shared/data/tempeval3/TBAQ-cleaned
  gloss eval names ../shared/data/conll2003/valid.txt
  gloss eval places ../shared/data/ner-extra/tr-news/TR-News.xml
  gloss eval entities ../shared/data/ner-extra/gum
  gloss bench --silver ../shared/data/tempeval3/silver.jsonl --mb 1
  gloss fuzz --seconds 3600 --seed 7";

/// Offline annotator: people, places, organisations, dates and times in news text.
#[derive(Parser)]
#[command(name = "gloss", version, after_help = after_help())]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Annotate files (or standard input) and print gloss/3 JSON.
    Annotate(AnnotateArgs),
    /// Read annotated files of another tool (or Gloss JSON) and print gloss/3 JSON.
    Import(ImportArgs),
    /// Score against an annotated corpus.
    #[command(subcommand)]
    Eval(EvalCommand),
    /// Train a model.
    #[command(subcommand)]
    Train(TrainCommand),
    /// Print throughput, per-stage times and model load time.
    Bench(BenchArgs),
    /// Check the pipeline's invariants on random and mutated text for a while.
    Fuzz(FuzzArgs),
}

#[derive(Args)]
struct AnnotateArgs {
    /// Reference date for "yesterday" and "on Friday" (default: a dateline in
    /// the text, else today).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    date: Option<Date>,
    /// Read JSON Lines requests {"text": ..., "reference_date": ..., "id": ...}
    /// from standard input; print one document per line, in order, with the
    /// request's id (else its line number) as `id`.
    #[arg(long, conflicts_with = "files")]
    jsonl: bool,
    #[arg(long, value_name = "NAME", value_parser = parse_format,
        help = format!("Write this export format (default gloss/3 JSON): {}", format_names()))]
    format: Option<Format>,
    /// Annotate on this many threads; the output is the same for any
    /// number (default: one per core).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    threads: Option<u16>,
    /// Refuse a file or JSON line larger than this: bytes, or with K, M or G.
    #[arg(long, value_name = "SIZE", default_value = "64M", value_parser = annotate::parse_size)]
    max_input_size: u64,
    /// Text files to annotate; `-` or none reads standard input. One file
    /// prints one document (pretty JSON); several print one per line, each
    /// with its path as `id`.
    #[arg(value_name = "FILE")]
    files: Vec<String>,
}

#[derive(Args)]
struct ImportArgs {
    #[arg(long, value_name = "NAME", value_parser = parse_import_format,
        help = format!("The files' format (default: told by their names and content): {}", or_list(&cli::import::importable_names())))]
    from: Option<Format>,
    #[arg(long, value_name = "NAME", value_parser = parse_format,
        help = format!("Write this export format (default gloss/3 JSON): {}", format_names()))]
    format: Option<Format>,
    /// Reference date of the documents that carry none (default: today).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    date: Option<Date>,
    /// Refuse a file larger than this: bytes, or with K, M or G.
    #[arg(long, value_name = "SIZE", default_value = "64M", value_parser = annotate::parse_size)]
    max_input_size: u64,
    /// The files: one or more of one format; brat's .ann with its .txt (or
    /// their zip). Several documents print one per line, each with an `id`.
    #[arg(value_name = "FILE", required = true)]
    files: Vec<String>,
}

#[derive(Subcommand)]
enum EvalCommand {
    /// Score dates and times against TimeML files (TempEval-3).
    Dates {
        /// Folder searched for .tml files.
        dir: std::path::PathBuf,
        /// List every miss, false alarm and wrong value.
        #[arg(long)]
        misses: bool,
    },
    /// Score people, places and organisations against CoNLL-2003 data.
    Names(EvalNamesArgs),
    /// Score the grouping of names into entities against GUM coreference.
    Entities {
        /// The GUM folder (with `dep/` and `splits.md`).
        dir: String,
        /// Which split to score: train, dev or test.
        #[arg(long, default_value = "dev")]
        split: String,
    },
    /// Score place recognition and GeoNames resolution against TR-News XML.
    Places {
        /// The TR-News XML file.
        file: String,
        /// List every missed, spurious and misplaced toponym.
        #[arg(long)]
        misses: bool,
    },
}

#[derive(Args)]
#[group(multiple = false)]
struct EvalMode {
    /// Print every raw-text mistake with its sentence instead of the scores.
    #[arg(long)]
    show_errors: bool,
    /// Print where the tokenizer disagrees with the gold tokens instead.
    #[arg(long)]
    show_token_diffs: bool,
    /// Print how well confidences predict correctness, per softmax temperature.
    #[arg(long)]
    calibrate: bool,
}

#[derive(Args)]
struct EvalNamesArgs {
    /// CoNLL-2003 file to score on, or KIND:PATH (gum-dev:DIR, wnut17:FILE, btc:…, re3d:…).
    file: String,
    /// Also give the recall on names never seen in this training file.
    #[arg(long, value_name = "TRAIN", conflicts_with = "EvalMode")]
    train: Option<String>,
    #[command(flatten)]
    mode: EvalMode,
}

#[derive(Subcommand)]
enum TrainCommand {
    /// Train the name model on CoNLL-2003 data (`train names clusters` first
    /// builds the word clusters it uses).
    Names(TrainNamesArgs),
}

#[derive(Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
struct TrainNamesArgs {
    #[command(subcommand)]
    clusters: Option<ClustersCommand>,
    /// CoNLL-2003 training file; FILE*N sees each sentence N times per epoch.
    #[arg(long, value_name = "FILE[*N]", required = true)]
    train: Option<String>,
    /// Another corpus to train on, KIND:PATH[*N] (gum-train:DIR*2, btc:DIR, wnut17:FILE,
    /// re3d:DIR); N copies of each sentence per epoch.
    #[arg(long, value_name = "KIND:PATH[*N]")]
    add: Vec<gloss::dev::corpora::Source>,
    /// CoNLL-2003 file scored after each epoch (reporting only).
    #[arg(long, value_name = "FILE")]
    valid: Option<String>,
    /// A corpus (KIND:PATH) the saved model is scored on (reporting only).
    #[arg(long, value_name = "KIND:PATH")]
    report: Vec<String>,
    /// Where to write the model.
    #[arg(long, value_name = "FILE", required = true)]
    out: Option<String>,
    /// Passes over the training data.
    #[arg(long, value_name = "N", default_value_t = TrainSettings::default().epochs)]
    epochs: usize,
    /// Jackknife folds for the first pass (at least 2).
    #[arg(long, value_name = "K", default_value_t = TrainSettings::default().folds)]
    folds: usize,
    /// Drop features seen fewer times.
    #[arg(long, value_name = "N", default_value_t = TrainSettings::default().min_count)]
    min_count: u32,
    /// Drop features whose every stored weight is at most W.
    #[arg(long, value_name = "W", default_value_t = TrainSettings::default().prune,
        value_parser = clap::value_parser!(i32).range(0..))]
    prune: i32,
    /// Seed of the example shuffle.
    #[arg(long, value_name = "N", default_value_t = TrainSettings::default().seed)]
    seed: u64,
    /// Added corpora of this kind (gum-train, btc, …) train the shared features
    /// only, without private copies.
    #[arg(long, value_name = "KIND", value_parser = parse_corpus_kind)]
    share: Vec<gloss::dev::corpora::Corpus>,
}

#[derive(Subcommand)]
enum ClustersCommand {
    /// Learn word clusters from unlabeled text.
    Clusters {
        /// JSON Lines file of articles, {"text": ...} per line.
        #[arg(long, value_name = "FILE.jsonl")]
        text: String,
        /// A CoNLL-2003 file whose sentences are added to the text.
        #[arg(long, value_name = "FILE")]
        conll: Option<String>,
        /// Where to write the clusters.
        #[arg(long, value_name = "FILE")]
        out: String,
        /// How many of the most frequent words get a cluster.
        #[arg(long, value_name = "N", default_value_t = ClusterSettings::default().words)]
        words: usize,
        /// Depth of the cluster tree (at most 31).
        #[arg(long, value_name = "D", default_value_t = ClusterSettings::default().depth)]
        depth: usize,
    },
}

#[derive(Args)]
struct BenchArgs {
    /// Time a text built from the articles of this JSON Lines file.
    #[arg(long, value_name = "FILE.jsonl")]
    silver: Option<String>,
    /// Megabytes of silver text to build.
    #[arg(long, value_name = "N", default_value_t = 1.0, requires = "silver", value_parser = parse_megabytes)]
    mb: f64,
    /// Time the stages in this thread's CPU time (from /proc; Linux), not
    /// wall-clock time: steadier on a machine other work shares.
    #[arg(long)]
    cpu_time: bool,
    /// Text files to time, each as one document (default: the name-tagger
    /// fixtures in tests/ner_fixtures/).
    #[arg(value_name = "FILE")]
    files: Vec<String>,
}

#[derive(Args)]
struct FuzzArgs {
    /// How long to run.
    #[arg(long, value_name = "N", default_value_t = 60.0, value_parser = parse_seconds)]
    seconds: f64,
    /// Seed of the generator: the same seed gives the same inputs.
    #[arg(long, value_name = "S", default_value_t = 1)]
    seed: u64,
    /// Folder of .txt articles to mutate.
    #[arg(long, value_name = "DIR", default_value = "tests/fixtures")]
    fixtures: std::path::PathBuf,
    /// Folder where failing inputs are saved.
    #[arg(long, value_name = "DIR", default_value = "fuzz-failures")]
    out: std::path::PathBuf,
}

fn parse_seconds(value: &str) -> Result<f64, String> {
    value
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite() && *v >= 0.0)
        .ok_or_else(|| format!("{value:?} is not a number of seconds."))
}

fn parse_date(value: &str) -> Result<Date, DateError> {
    value.parse()
}

/// The names `--format` takes, from the core's list: "conll, brat, doccano or w3c".
fn format_names() -> String {
    let names: Vec<&str> = gloss::formats::FORMATS.iter().map(|f| f.name).collect();
    or_list(&names)
}

/// "a, b or c".
fn or_list(names: &[&str]) -> String {
    match names.split_last() {
        Some((last, [])) => last.to_string(),
        Some((last, others)) => format!("{} or {last}", others.join(", ")),
        None => String::new(),
    }
}

fn parse_format(name: &str) -> Result<Format, String> {
    Format::from_name(name)
        .ok_or_else(|| format!("unknown format {name:?}: use {}.", format_names()))
}

fn parse_import_format(name: &str) -> Result<Format, String> {
    let names = cli::import::importable_names();
    Format::from_name(name)
        .filter(|f| f.is_importable())
        .ok_or_else(|| format!("Gloss does not import {name:?}: use {}.", or_list(&names)))
}

fn parse_corpus_kind(kind: &str) -> Result<gloss::dev::corpora::Corpus, String> {
    gloss::dev::corpora::Corpus::from_kind(kind)
}

fn parse_megabytes(value: &str) -> Result<f64, String> {
    value
        .parse::<f64>()
        .ok()
        .filter(|&v| v > 0.0)
        .ok_or_else(|| format!("{value:?} is not a positive number."))
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if !e.use_stderr() => {
            // --help and --version.
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        Err(e) if e.kind() == clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            return ExitCode::from(2);
        }
        Err(e) => {
            // One "gloss: ..." line first, then clap's usage hint.
            let message = e.to_string();
            let message = message.strip_prefix("error: ").unwrap_or(&message);
            eprint!("gloss: {message}");
            return ExitCode::from(2);
        }
    };
    match run(cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        // Each failed input was reported on its own line.
        Err(Fatal::Annotate(Failure::SomeInputs)) => ExitCode::FAILURE,
        // `gloss annotate … | head`: the reader has all it wanted.
        Err(Fatal::Annotate(Failure::Output(e))) if e.kind() == io::ErrorKind::BrokenPipe => {
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("gloss: {error}");
            ExitCode::from(2)
        }
    }
}

/// Runs one command.
fn run(command: Command) -> Result<(), Fatal> {
    match command {
        Command::Annotate(args) => annotate_command(args)?,
        Command::Import(args) => import_command(args)?,
        Command::Eval(EvalCommand::Dates { dir, misses }) => {
            gloss::dev::eval_dates::eval(&dir, misses)?;
        }
        Command::Eval(EvalCommand::Names(args)) => {
            use gloss::dev::eval_names::{calibrate, eval, show_errors, show_token_diffs};
            let file = args.file.as_str();
            match args.mode {
                EvalMode {
                    show_errors: true, ..
                } => show_errors(file)?,
                EvalMode {
                    show_token_diffs: true,
                    ..
                } => show_token_diffs(file)?,
                EvalMode {
                    calibrate: true, ..
                } => calibrate(file)?,
                _ => eval(file, args.train.as_deref())?,
            }
        }
        Command::Eval(EvalCommand::Entities { dir, split }) => {
            gloss::dev::eval_entities::run_split(&dir, &split)
                .map_err(|what| DevError::Malformed(dir.clone(), what.into()))?;
        }
        Command::Eval(EvalCommand::Places { file, misses }) => {
            gloss::dev::eval_places::run(&file, misses)?;
        }
        Command::Train(TrainCommand::Names(args)) => train_names_command(args)?,
        Command::Bench(args) => {
            let clock = if args.cpu_time {
                gloss::dev::bench::Clock::Cpu
            } else {
                gloss::dev::bench::Clock::Wall
            };
            gloss::dev::bench::bench(&args.files, args.silver.as_deref(), args.mb, clock)?;
        }
        Command::Fuzz(args) => {
            let out = args.out.display().to_string();
            let report = gloss::dev::fuzz::fuzz(&FuzzSettings {
                seconds: args.seconds,
                seed: args.seed,
                fixtures: args.fixtures,
                out: args.out,
            })?;
            if report.failures > 0 {
                return Err(Fatal::Fuzzed(report.failures, out));
            }
        }
    }
    Ok(())
}

/// Runs `gloss train names` or, with its `clusters` subcommand, `gloss train
/// names clusters`.
fn train_names_command(args: TrainNamesArgs) -> Result<(), DevError> {
    if let Some(ClustersCommand::Clusters {
        text,
        conll,
        out,
        words,
        depth,
    }) = args.clusters
    {
        return clusters_build::build_file(&ClusterSettings {
            text,
            conll,
            out,
            words,
            depth,
        });
    }
    train_names::train(&TrainSettings {
        train: args.train.expect("clap requires --train"),
        add: args.add,
        valid: args.valid,
        report: args.report,
        out: args.out.expect("clap requires --out"),
        epochs: args.epochs,
        folds: args.folds,
        min_count: args.min_count,
        prune: args.prune,
        seed: args.seed,
        share: args.share,
    })
}

/// Today's date in UTC from the system clock.
fn today() -> Date {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let epoch = Date::new(1970, 1, 1).expect("valid date");
    epoch.add_days((seconds / 86_400) as i64).unwrap_or(epoch)
}

/// Why a command stopped before its end.
#[derive(Debug)]
enum Fatal {
    /// `gloss annotate` did not annotate everything.
    Annotate(Failure),
    /// A developer command failed.
    Dev(DevError),
    /// `gloss fuzz` found this many failing inputs, saved in this folder.
    Fuzzed(u64, String),
}

impl fmt::Display for Fatal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Fatal::Annotate(failure) => write!(f, "{failure}"),
            Fatal::Fuzzed(count, dir) => write!(
                f,
                "{count} fuzzed inputs broke an invariant; they are saved in {dir}."
            ),
            Fatal::Dev(error) => write!(f, "{error}"),
        }
    }
}

impl From<DevError> for Fatal {
    fn from(error: DevError) -> Fatal {
        Fatal::Dev(error)
    }
}

/// Runs `gloss import`.
fn import_command(args: ImportArgs) -> Result<(), Fatal> {
    let settings = cli::import::Settings {
        from: args.from,
        format: args.format.unwrap_or(Format::Gloss),
        options: gloss::formats::ImportOptions {
            reference_date: args.date,
            today: today(),
        },
        files: args.files,
        max_input_size: args.max_input_size,
    };
    let mut out = BufWriter::new(io::stdout().lock());
    cli::import::run(settings, &mut out).map_err(Fatal::Annotate)
}

/// Runs `gloss annotate`.
fn annotate_command(args: AnnotateArgs) -> Result<(), Fatal> {
    let settings = Settings {
        options: Options {
            reference_date: args.date,
            today: today(),
        },
        format: args.format.unwrap_or(Format::Gloss),
        jsonl: args.jsonl,
        files: args.files,
        threads: args.threads.map_or_else(
            || std::thread::available_parallelism().map_or(1, |n| n.get()),
            usize::from,
        ),
        max_input_size: args.max_input_size,
    };
    let mut out = BufWriter::new(io::stdout().lock());
    annotate::run(settings, &mut out).map_err(Fatal::Annotate)
}
