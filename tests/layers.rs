//! The crate's layers, checked on its source: the recognizers and the other
//! product modules sit below `lib.rs` and never reach up to it, to the
//! developer tools (`src/dev/`) or to the bindings; and inside `ner/` and
//! `temporal/` no two files import each other, directly or in a circle.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Paths a product module must not name: what `lib.rs` defines on top of
/// the modules, and the layers above it.
const UPWARD: [&str; 6] = [
    "crate::dev",
    "crate::annotate",
    "crate::Options",
    "crate::wasm",
    "crate::VERSION",
    "gloss::",
];

/// Files above the product modules, which may use everything (and the
/// binary's own modules, `src/cli/`).
const ABOVE: [&str; 3] = ["src/lib.rs", "src/main.rs", "src/wasm.rs"];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn relative(path: &Path) -> String {
    path.strip_prefix(root())
        .unwrap()
        .to_string_lossy()
        .replace('\\', "/")
}

#[test]
fn product_modules_never_reach_up() {
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    let mut checked = 0;
    let mut offences = Vec::new();
    for path in &files {
        let name = relative(path);
        if ABOVE.contains(&name.as_str())
            || name.starts_with("src/dev/")
            || name.starts_with("src/cli/")
        {
            continue;
        }
        checked += 1;
        let source = std::fs::read_to_string(path).unwrap();
        for (n, line) in source.lines().enumerate() {
            for upward in UPWARD {
                if line.contains(upward) {
                    offences.push(format!("{name}:{}: {}", n + 1, line.trim()));
                }
            }
        }
    }
    assert!(checked >= 25, "only {checked} files checked");
    assert!(
        offences.is_empty(),
        "upward references:\n{}",
        offences.join("\n")
    );
}

/// The sibling modules a file of `folder` imports, by `super::x` or
/// `crate::folder::x` (its tests module excepted, where `super` is the file).
fn sibling_imports(folder: &str, source: &str, siblings: &BTreeSet<String>) -> BTreeSet<String> {
    let body = source.split("#[cfg(test)]").next().unwrap_or(source);
    let mut found = BTreeSet::new();
    for prefix in ["super::".to_string(), format!("crate::{folder}::")] {
        for (at, _) in body.match_indices(&prefix) {
            let rest = &body[at + prefix.len()..];
            let module: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if siblings.contains(&module) {
                found.insert(module);
            }
        }
    }
    found
}

#[test]
fn no_module_of_ner_or_temporal_is_part_of_an_import_circle() {
    for folder in ["ner", "temporal"] {
        let dir = root().join("src").join(folder);
        let mut files = Vec::new();
        rust_files(&dir, &mut files);
        let modules: BTreeMap<String, String> = files
            .iter()
            .filter(|p| p.file_name().is_some_and(|f| f != "mod.rs"))
            .map(|p| {
                let stem = p.file_stem().unwrap().to_string_lossy().into_owned();
                (stem, std::fs::read_to_string(p).unwrap())
            })
            .collect();
        let names: BTreeSet<String> = modules.keys().cloned().collect();
        let graph: BTreeMap<&str, BTreeSet<String>> = modules
            .iter()
            .map(|(name, source)| (name.as_str(), sibling_imports(folder, source, &names)))
            .collect();
        // A module is in a circle if it can reach itself.
        for start in graph.keys() {
            let mut seen = BTreeSet::new();
            let mut stack: Vec<&str> = graph[start].iter().map(String::as_str).collect();
            while let Some(module) = stack.pop() {
                assert_ne!(
                    module, *start,
                    "{folder}/{start}.rs is part of an import circle"
                );
                if seen.insert(module) {
                    stack.extend(graph[module].iter().map(String::as_str));
                }
            }
        }
        // The check sees the imports it is meant to see.
        assert!(
            graph.values().map(BTreeSet::len).sum::<usize>() >= 5,
            "{folder}: {graph:?}"
        );
    }
}

#[test]
fn the_circle_check_would_see_the_old_features_context_circle() {
    let names: BTreeSet<String> = ["features", "context"].map(String::from).into();
    let old_features = "use super::context::DocContext;\n";
    let old_context = "use super::features::Doc;\n#[cfg(test)]\nmod tests { use super::*; }";
    assert_eq!(
        sibling_imports("ner", old_features, &names),
        ["context".to_string()].into()
    );
    assert_eq!(
        sibling_imports("ner", old_context, &names),
        ["features".to_string()].into()
    );
}
