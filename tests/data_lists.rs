//! Every data list under `data/` (each `*.txt` file) is what its folder's
//! README promises: one entry a line, lowercase, tokens separated by single
//! spaces, sorted by code point and de-duplicated, with the entry count the
//! README's table gives. A list that breaks this is read wrongly or silently
//! loses entries, so the checker is tested on broken lists too.

use std::fs;
use std::path::{Path, PathBuf};

/// What is wrong with a list's text, one message per problem (empty when it is well-formed).
fn list_problems(text: &str) -> Vec<String> {
    let mut problems = Vec::new();
    if text.is_empty() {
        problems.push("the list is empty".to_string());
        return problems;
    }
    if !text.ends_with('\n') {
        problems.push("the last line has no newline".to_string());
    }
    let mut previous: Option<&str> = None;
    for (n, line) in text.lines().enumerate() {
        let n = n + 1;
        if line.is_empty() {
            problems.push(format!("line {n} is empty"));
        } else if line.trim() != line || line.contains("  ") || line.contains(['\t', '\r']) {
            problems.push(format!(
                "line {n} {line:?}: tokens must be separated by single spaces"
            ));
        }
        if line.to_lowercase() != line {
            problems.push(format!("line {n} {line:?} is not lowercase"));
        }
        match previous {
            Some(p) if p == line => problems.push(format!("line {n} {line:?} is a duplicate")),
            Some(p) if p > line => problems.push(format!(
                "line {n} {line:?} is out of order: it sorts before {p:?} on the line above"
            )),
            _ => {}
        }
        previous = Some(line);
    }
    problems
}

/// The entry count the README's table gives for `file_name` (a row starting
/// "| `file_name` | 39,103 |"), or `None` when no row names it.
fn readme_count(readme: &str, file_name: &str) -> Option<usize> {
    let cell = format!("`{file_name}`");
    readme.lines().find_map(|row| {
        let cells: Vec<&str> = row.split('|').map(str::trim).collect();
        if cells.get(1) != Some(&cell.as_str()) {
            return None;
        }
        cells.get(2)?.replace(',', "").parse().ok()
    })
}

/// Every `*.txt` file under `dir`, sorted.
fn lists_under(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(lists_under(&path));
        } else if path.extension().is_some_and(|e| e == "txt") {
            found.push(path);
        }
    }
    found.sort();
    found
}

#[test]
fn every_data_list_is_sorted_unique_and_counted_in_its_readme() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let lists = lists_under(&data);
    assert!(
        lists.len() >= 5,
        "expected the data lists under {}",
        data.display()
    );
    let mut failures = Vec::new();
    for path in &lists {
        let name = path.file_name().unwrap().to_str().unwrap();
        let text = fs::read_to_string(path).unwrap();
        for problem in list_problems(&text) {
            failures.push(format!("{}: {problem}", path.display()));
        }
        let readme_path = path.with_file_name("README.md");
        let readme = fs::read_to_string(&readme_path).unwrap_or_default();
        match readme_count(&readme, name) {
            None => failures.push(format!(
                "{}: no row for `{name}` in {} (source, licence and entry count)",
                path.display(),
                readme_path.display()
            )),
            Some(count) if count != text.lines().count() => failures.push(format!(
                "{}: {} entries, but {} says {count}",
                path.display(),
                text.lines().count(),
                readme_path.display()
            )),
            Some(_) => {}
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_checker_accepts_a_good_list() {
    for good in [
        "a\n",
        "abu dhabi\nabuja\naccra\n",
        "' s-gravenzande\nzürich\nākra\n",
    ] {
        assert_eq!(list_problems(good), Vec::<String>::new(), "{good:?}");
    }
}

#[test]
fn the_checker_refuses_broken_lists() {
    let cases = [
        ("kyiv\nkharkiv\n", "out of order"),
        ("accra\naccra\n", "duplicate"),
        ("abuja\naccra\naccra\nzagreb\n", "duplicate"),
        ("Kyiv\n", "not lowercase"),
        ("new  york\n", "single spaces"),
        ("new york \n", "single spaces"),
        ("new\tyork\n", "single spaces"),
        ("accra\n\nzagreb\n", "empty"),
        ("accra\nzagreb", "no newline"),
        ("", "empty"),
        // Code-point order, not dictionary order: "é" sorts after "z".
        ("élan\nzebra\n", "out of order"),
    ];
    for (text, expected) in cases {
        let problems = list_problems(text);
        assert!(
            problems.iter().any(|p| p.contains(expected)),
            "{text:?}: expected {expected:?}, got {problems:?}"
        );
    }
}

#[test]
fn readme_counts_are_read_from_the_table_row_of_that_file() {
    let readme = "| File | Entries |\n| --- | --- |\n| `regions.txt` | 542 | x |\n| `cities.txt` | 39,103 | y |\n";
    assert_eq!(readme_count(readme, "cities.txt"), Some(39_103));
    assert_eq!(readme_count(readme, "regions.txt"), Some(542));
    assert_eq!(readme_count(readme, "surnames.txt"), None);
    assert_eq!(readme_count("see `cities.txt` | 12 |", "cities.txt"), None);
}
