//! Word classes learnt from unlabeled news text: each frequent word has a
//! bit string, its path in a binary hierarchical clustering, so words used
//! alike ("Umerov", "Witkoff", "Kovalenko") share prefixes even when the
//! labelled data never saw them.
//!
//! The file `models/clusters.txt` (`word<TAB>bits` per line, sorted) is built
//! by `gloss train names clusters` (see `src/dev/clusters_build.rs`) and embedded.

use super::hash::{self, HashMap64};

/// The embedded cluster file's text.
pub const SOURCE: &str = include_str!("../../models/clusters.txt");

/// A word's cluster: its path bits (first branch in the highest bit used) and length.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Path {
    /// The branch bits, first branch most significant.
    pub bits: u32,
    /// Number of branches taken.
    pub len: u8,
}

impl Path {
    /// The first `n` branches, as a number distinct for each (prefix, length).
    pub fn prefix(self, n: u8) -> u64 {
        let n = n.min(self.len);
        ((self.bits >> (self.len - n)) as u64) << 8 | n as u64
    }
}

/// Word → cluster path, keyed by the hash of the word's exact form.
pub struct Clusters {
    table: HashMap64<Path>,
}

impl Clusters {
    /// Loads the embedded cluster file.
    pub fn embedded() -> Clusters {
        Clusters::parse(SOURCE)
    }

    /// Reads `word<TAB>bits` lines; malformed lines are skipped.
    pub fn parse(source: &str) -> Clusters {
        let mut table = HashMap64::default();
        for line in source.lines() {
            let Some((word, bits)) = line.split_once('\t') else {
                continue;
            };
            let Ok(value) = u32::from_str_radix(bits, 2) else {
                continue;
            };
            table.insert(
                hash::string(word),
                Path {
                    bits: value,
                    len: bits.len() as u8,
                },
            );
        }
        Clusters { table }
    }

    /// The cluster of a word, trying its exact form, then (for ALL-CAPS or
    /// sentence-initial words) its capitalised and lowercase forms.
    pub fn lookup(&self, word: &str, lower: &str) -> Option<Path> {
        if let Some(&p) = self.table.get(&hash::string(word)) {
            return Some(p);
        }
        let mut chars = lower.chars();
        if let Some(first) = chars.next() {
            let title: String = first.to_uppercase().chain(chars).collect();
            if let Some(&p) = self.table.get(&hash::string(&title)) {
                return Some(p);
            }
        }
        self.table.get(&hash::string(lower)).copied()
    }

    /// True if the corpus the clusters came from has `word` in exactly this form.
    pub fn contains(&self, word: &str) -> bool {
        self.table.contains_key(&hash::string(word))
    }

    /// Number of words with a cluster.
    pub fn len(&self) -> usize {
        self.table.len()
    }

    /// True if no word has a cluster.
    pub fn is_empty(&self) -> bool {
        self.table.is_empty()
    }
}
