//! The trained weights and their compact binary file format.
//!
//! Format (all integers little-endian or LEB128 varints):
//!
//! ```text
//! "GLNM"  u8 version (1)  u8 tag count (17)  u16 0
//! f32 scale: a stored weight w means w / scale
//! two passes, each:
//!   17×17 transition weights, zigzag varints, row = previous tag
//!   varint feature count
//!   feature keys, ascending, as varint deltas
//!   per feature: varint tag bit mask, then one zigzag varint per set bit
//! ```
//!
//! Weights are quantized to integers and features whose weights all round to
//! zero are dropped at save time, so the file stays small; loading rebuilds
//! an open-addressing table for fast lookups.

use super::tags::NUM_TAGS;

const MAGIC: &[u8; 4] = b"GLNM";
const VERSION: u8 = 1;

/// Why a model file was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ModelError {
    /// It does not start with the model file's magic bytes.
    NotAModel,
    /// Another version of the format, or another tag set (version, tag count).
    Unsupported(u8, u8),
    /// It ends in the middle of the model.
    Truncated,
    /// A number in it is not a valid varint.
    BadNumber,
    /// A feature key does not fit in 32 bits.
    KeyOutOfRange,
    /// Bytes follow the end of the model.
    TrailingBytes,
}

impl std::fmt::Display for ModelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ModelError::NotAModel => f.write_str("This is not a Gloss name model (bad magic bytes)."),
            ModelError::Unsupported(version, tags) => write!(
                f,
                "The name model has format version {version} with {tags} tags; this Gloss reads version {VERSION} with {NUM_TAGS} tags."
            ),
            ModelError::Truncated => f.write_str("The name model file is truncated."),
            ModelError::BadNumber => f.write_str("The name model file holds a malformed number."),
            ModelError::KeyOutOfRange => {
                f.write_str("The name model file holds a feature key out of range.")
            }
            ModelError::TrailingBytes => {
                f.write_str("The name model file has bytes after the end of the model.")
            }
        }
    }
}

impl std::error::Error for ModelError {}

/// One pass's weights in portable form: what training produces and the file holds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PassData {
    /// Transition weights, row = previous tag.
    pub transitions: Vec<i32>,
    /// Feature keys with their per-tag weights, sorted by key.
    pub features: Vec<(u32, [i32; NUM_TAGS])>,
}

/// A whole model in portable form.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ModelData {
    /// A stored weight `w` means `w / scale`.
    pub scale: f32,
    /// First pass (token features) and second pass (plus document context).
    pub passes: [PassData; 2],
}

impl ModelData {
    /// Serializes to the file format.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&[VERSION, NUM_TAGS as u8, 0, 0]);
        out.extend_from_slice(&self.scale.to_le_bytes());
        for pass in &self.passes {
            for &t in &pass.transitions {
                write_varint(&mut out, zigzag(t));
            }
            let features: Vec<_> = pass
                .features
                .iter()
                .filter(|(_, w)| w.iter().any(|&v| v != 0))
                .collect();
            write_varint(&mut out, features.len() as u64);
            let mut last = 0u32;
            for (key, _) in &features {
                write_varint(&mut out, (key - last) as u64);
                last = *key;
            }
            for (_, weights) in &features {
                let mask = weights
                    .iter()
                    .enumerate()
                    .filter(|(_, &w)| w != 0)
                    .fold(0u64, |m, (t, _)| m | 1 << t);
                write_varint(&mut out, mask);
                for &w in weights.iter().filter(|&&w| w != 0) {
                    write_varint(&mut out, zigzag(w));
                }
            }
        }
        out
    }

    /// Parses the file format.
    pub fn from_bytes(bytes: &[u8]) -> Result<ModelData, ModelError> {
        if bytes.len() < 12 || &bytes[..4] != MAGIC {
            return Err(ModelError::NotAModel);
        }
        if bytes[4] != VERSION || bytes[5] as usize != NUM_TAGS {
            return Err(ModelError::Unsupported(bytes[4], bytes[5]));
        }
        let scale = f32::from_le_bytes(bytes[8..12].try_into().expect("4 bytes"));
        let mut reader = Reader { bytes, at: 12 };
        let mut passes: [PassData; 2] = Default::default();
        for pass in &mut passes {
            pass.transitions = (0..NUM_TAGS * NUM_TAGS)
                .map(|_| reader.varint().map(unzigzag))
                .collect::<Result<_, _>>()?;
            let n = reader.varint()? as usize;
            let mut keys = Vec::with_capacity(n);
            let mut last = 0u64;
            for _ in 0..n {
                last += reader.varint()?;
                keys.push(u32::try_from(last).map_err(|_| ModelError::KeyOutOfRange)?);
            }
            pass.features = Vec::with_capacity(n);
            for key in keys {
                let mask = reader.varint()?;
                let mut weights = [0i32; NUM_TAGS];
                for (t, w) in weights.iter_mut().enumerate() {
                    if mask & (1 << t) != 0 {
                        *w = unzigzag(reader.varint()?);
                    }
                }
                pass.features.push((key, weights));
            }
        }
        if reader.at != bytes.len() {
            return Err(ModelError::TrailingBytes);
        }
        Ok(ModelData { scale, passes })
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn varint(&mut self) -> Result<u64, ModelError> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let &b = self.bytes.get(self.at).ok_or(ModelError::Truncated)?;
            self.at += 1;
            value |= ((b & 0x7f) as u64) << shift;
            if b & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(ModelError::BadNumber)
    }
}

fn write_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn zigzag(v: i32) -> u64 {
    ((v << 1) ^ (v >> 31)) as u32 as u64
}

fn unzigzag(v: u64) -> i32 {
    let v = v as u32;
    ((v >> 1) as i32) ^ -((v & 1) as i32)
}

/// Integer feature weights summed over features: pass 1 then pass 2, per tag.
/// Integer sums are exact, so any grouping of the features gives the same.
pub type Sums = [i32; 2 * NUM_TAGS];

/// Adds `row` to `sum` element by element.
pub fn add_to<T: Copy + Into<i32>>(sum: &mut Sums, row: &[T; 2 * NUM_TAGS]) {
    for (total, &w) in sum.iter_mut().zip(row) {
        *total += w.into();
    }
}

/// Adds one pass's weights `row` to that pass's share of `sum`.
pub fn add_to_pass(sum: &mut Sums, pass: usize, row: &[i32; NUM_TAGS]) {
    for (total, &w) in sum[pass * NUM_TAGS..(pass + 1) * NUM_TAGS]
        .iter_mut()
        .zip(row)
    {
        *total += w;
    }
}

/// The weights of one or two passes ready for scoring: an open-addressing
/// table of feature keys whose slots point into dense arrays of per-tag
/// weight rows, both passes side by side, so one lookup serves both passes
/// and only features that exist take a row.
///
/// Nearly every trained weight fits in a byte, so rows are bytes (34 a row,
/// one cache line) and the few rows with a larger weight sit apart as
/// `i16`s: slots and rows together fit in a core's L2 cache.
pub struct Weights {
    /// Per slot, a feature key (0 marks an empty slot) and its row: an index
    /// into `narrow`, or into `wide` with [`WIDE`] set.
    slots: Vec<(u32, u32)>,
    /// Pass 1 weights, then pass 2 weights, per feature whose weights fit in `i8`.
    narrow: Vec<[i8; 2 * NUM_TAGS]>,
    /// The same for the other features.
    wide: Vec<[i16; 2 * NUM_TAGS]>,
    shift: u32,
    transitions: [[f32; NUM_TAGS * NUM_TAGS]; 2],
    scale: f32,
    /// `1 / scale` when the scale is a power of two: dividing by it is then
    /// multiplying by this exact inverse, which is much faster.
    exact_inverse: Option<f32>,
}

/// The bit of a slot's row index that says the row is in `Weights::wide`.
const WIDE: u32 = 1 << 31;

impl Weights {
    /// Builds the lookup table for one or two passes (the first two of
    /// `passes`). Weights beyond `i16` are clamped.
    pub fn new(passes: &[PassData], scale: f32) -> Weights {
        let distinct = count_distinct_keys(passes);
        // At most two thirds full, so that a probe rarely leaves its cache line.
        let capacity = (distinct + distinct / 2 + 1).next_power_of_two().max(16);
        let mut slots = vec![(0u32, 0u32); capacity];
        let mut rows: Vec<[i16; 2 * NUM_TAGS]> = Vec::with_capacity(distinct);
        let shift = 64 - capacity.trailing_zeros();
        for (p, pass) in passes.iter().take(2).enumerate() {
            for (key, weights) in &pass.features {
                // Insert, or fill in the second pass's share of a first-pass key.
                let mut slot = slot_of(*key, shift);
                while slots[slot].0 != 0 && slots[slot].0 != *key {
                    slot = (slot + 1) & (capacity - 1);
                }
                if slots[slot].0 == 0 {
                    slots[slot] = (*key, rows.len() as u32);
                    rows.push([0; 2 * NUM_TAGS]);
                }
                let row = &mut rows[slots[slot].1 as usize];
                let share = &mut row[p * NUM_TAGS..(p + 1) * NUM_TAGS];
                for (r, &w) in share.iter_mut().zip(weights) {
                    *r = w.clamp(i16::MIN as i32, i16::MAX as i32) as i16;
                }
            }
        }
        // Split the rows by width, keeping their order within each.
        let mut narrow = Vec::with_capacity(rows.len());
        let mut wide = Vec::new();
        let place: Vec<u32> = rows
            .iter()
            .map(|row| {
                if row.iter().all(|&w| i8::try_from(w).is_ok()) {
                    narrow.push(row.map(|w| w as i8));
                    (narrow.len() - 1) as u32
                } else {
                    wide.push(*row);
                    (wide.len() - 1) as u32 | WIDE
                }
            })
            .collect();
        for slot in slots.iter_mut().filter(|s| s.0 != 0) {
            slot.1 = place[slot.1 as usize];
        }
        let mut transitions = [[0.0; NUM_TAGS * NUM_TAGS]; 2];
        for (table, pass) in transitions.iter_mut().zip(passes) {
            for (t, &w) in table.iter_mut().zip(&pass.transitions) {
                *t = w as f32 / scale;
            }
        }
        Weights {
            slots,
            narrow,
            wide,
            shift,
            transitions,
            scale,
            exact_inverse: (scale.log2().fract() == 0.0).then(|| 1.0 / scale),
        }
    }

    /// Transition scores of a pass, row = previous tag, already scaled.
    pub fn transitions(&self, pass: usize) -> &[f32; NUM_TAGS * NUM_TAGS] {
        &self.transitions[pass]
    }

    /// The row of `key` (see [`Weights::slots`]), if the model has the feature.
    fn find(&self, key: u32) -> Option<u32> {
        let mask = self.slots.len() - 1;
        let mut slot = slot_of(key, self.shift);
        loop {
            match self.slots[slot] {
                (k, row) if k == key => return Some(row),
                (0, _) => return None,
                _ => slot = (slot + 1) & mask,
            }
        }
    }

    /// Adds the integer weights of `features`, both passes, to `sum`.
    pub fn add(&self, features: &[u32], sum: &mut Sums) {
        // Ask for every slot, then for every row found, before reading any,
        // so that the memory reads overlap instead of queueing one after
        // another.
        let mut found = [0u32; 128];
        for chunk in features.chunks(found.len()) {
            for &key in chunk {
                prefetch(&self.slots[slot_of(key, self.shift)]);
            }
            let mut n = 0;
            for &key in chunk {
                if let Some(row) = self.find(key) {
                    if row & WIDE == 0 {
                        prefetch(&self.narrow[row as usize]);
                    }
                    found[n] = row;
                    n += 1;
                }
            }
            for &row in &found[..n] {
                if row & WIDE == 0 {
                    add_to(sum, &self.narrow[row as usize]);
                } else {
                    add_to(sum, &self.wide[(row & !WIDE) as usize]);
                }
            }
        }
    }

    fn sums(&self, features: &[u32]) -> Sums {
        let mut sum = [0i32; 2 * NUM_TAGS];
        self.add(features, &mut sum);
        sum
    }

    /// Sets `out` to the scores of pass `pass` (0 or 1) from integer `sum`s.
    pub fn scores_of(&self, sum: &Sums, pass: usize, out: &mut [f32]) {
        let sums = sum[pass * NUM_TAGS..].iter();
        if let Some(inverse) = self.exact_inverse {
            out.iter_mut()
                .zip(sums)
                .for_each(|(o, &s)| *o = s as f32 * inverse);
        } else {
            out.iter_mut()
                .zip(sums)
                .for_each(|(o, &s)| *o = s as f32 / self.scale);
        }
    }

    /// Sets `out` to the scores of `features` for every tag in pass `pass` (0 or 1).
    pub fn score(&self, features: &[u32], pass: usize, out: &mut [f32]) {
        self.scores_of(&self.sums(features), pass, out);
    }

    /// Sets `first` and `second` to the scores of `features` in both passes.
    pub fn score_both(&self, features: &[u32], first: &mut [f32], second: &mut [f32]) {
        let sum = self.sums(features);
        self.scores_of(&sum, 0, first);
        self.scores_of(&sum, 1, second);
    }

    /// Number of distinct features with weights.
    pub fn len(&self) -> usize {
        self.narrow.len() + self.wide.len()
    }

    /// True if there are no features.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Number of distinct keys over the first two passes (each sorted by key).
fn count_distinct_keys(passes: &[PassData]) -> usize {
    let mut keys = passes
        .iter()
        .take(2)
        .map(|p| p.features.iter().map(|(k, _)| *k).peekable());
    let (Some(mut a), mut b) = (keys.next(), keys.next()) else {
        return 0;
    };
    let Some(b) = b.as_mut() else {
        return a.count();
    };
    let mut n = 0;
    loop {
        match (a.peek(), b.peek()) {
            (None, None) => return n,
            (Some(x), Some(y)) if x == y => {
                a.next();
                b.next();
            }
            (Some(x), Some(y)) if x < y => {
                a.next();
            }
            (Some(_), None) => {
                a.next();
            }
            _ => {
                b.next();
            }
        }
        n += 1;
    }
}

/// Asks the processor to start loading `value` into the cache (a hint only).
#[inline(always)]
fn prefetch<T>(value: &T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: prefetching is a hint; it never faults and reads nothing.
    unsafe {
        std::arch::x86_64::_mm_prefetch(
            value as *const T as *const i8,
            std::arch::x86_64::_MM_HINT_T0,
        )
    };
    #[cfg(not(target_arch = "x86_64"))]
    let _ = value;
}

fn slot_of(key: u32, shift: u32) -> usize {
    ((key as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> shift) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_through_bytes_and_scores() {
        let mut w = [0i32; NUM_TAGS];
        w[0] = 300;
        w[16] = -7;
        let pass = PassData {
            transitions: (0..NUM_TAGS as i32 * NUM_TAGS as i32)
                .map(|v| v - 100)
                .collect(),
            features: vec![(5, w), (9, [0; NUM_TAGS]), (70000, w)],
        };
        let model = ModelData {
            scale: 100.0,
            passes: [
                pass.clone(),
                PassData {
                    transitions: vec![0; NUM_TAGS * NUM_TAGS],
                    features: vec![],
                },
            ],
        };
        let back = ModelData::from_bytes(&model.to_bytes()).unwrap();
        // All-zero features are pruned on save.
        assert_eq!(back.passes[0].features, vec![(5, w), (70000, w)]);
        assert_eq!(back.passes[0].transitions, pass.transitions);
        let weights = Weights::new(&back.passes, back.scale);
        let mut out = [0.0; NUM_TAGS];
        weights.score(&[5, 70000, 12345], 0, &mut out);
        assert_eq!((out[0], out[16], out[1]), (6.0, -0.14, 0.0));
        assert_eq!(
            ModelData::from_bytes(b"GLNM\x02"),
            Err(ModelError::NotAModel)
        );
        let bytes = model.to_bytes();
        assert_eq!(
            ModelData::from_bytes(&bytes[..bytes.len() - 1]),
            Err(ModelError::Truncated)
        );
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(
            ModelData::from_bytes(&longer),
            Err(ModelError::TrailingBytes)
        );
        let mut version_2 = bytes;
        version_2[4] = 2;
        assert_eq!(
            ModelData::from_bytes(&version_2).unwrap_err().to_string(),
            "The name model has format version 2 with 17 tags; this Gloss reads version 1 with 17 tags."
        );
    }

    #[test]
    fn one_table_scores_both_passes() {
        let row = |v: i32| {
            let mut w = [0i32; NUM_TAGS];
            w[3] = v;
            w
        };
        let zero = vec![0; NUM_TAGS * NUM_TAGS];
        let first = PassData {
            transitions: zero.clone(),
            features: vec![(7, row(8)), (9, row(16))],
        };
        let second = PassData {
            transitions: zero,
            features: vec![(9, row(-8)), (11, row(24))],
        };
        let weights = Weights::new(&[first, second], 8.0);
        assert_eq!(weights.len(), 3);
        let (mut a, mut b) = ([0.0; NUM_TAGS], [0.0; NUM_TAGS]);
        weights.score_both(&[7, 9, 11, 13], &mut a, &mut b);
        assert_eq!((a[3], b[3]), (3.0, 2.0));
        weights.score(&[11], 1, &mut b);
        assert_eq!(b[3], 3.0);
    }
}
