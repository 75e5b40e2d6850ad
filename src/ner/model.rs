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
    pub fn from_bytes(bytes: &[u8]) -> Result<ModelData, String> {
        if bytes.len() < 12 || &bytes[..4] != MAGIC {
            return Err("not a Gloss name model (bad magic)".into());
        }
        if bytes[4] != VERSION || bytes[5] as usize != NUM_TAGS {
            return Err(format!(
                "unsupported model version {} with {} tags",
                bytes[4], bytes[5]
            ));
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
                keys.push(u32::try_from(last).map_err(|_| "feature key out of range")?);
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
            return Err("trailing bytes after the model".into());
        }
        Ok(ModelData { scale, passes })
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn varint(&mut self) -> Result<u64, String> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let &b = self.bytes.get(self.at).ok_or("model file is truncated")?;
            self.at += 1;
            value |= ((b & 0x7f) as u64) << shift;
            if b & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err("bad varint in model file".into())
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

/// One pass's weights ready for scoring: an open-addressing table from
/// feature key to per-tag weights, stored inline so a lookup touches one
/// cache line.
pub struct Weights {
    slots: Vec<Slot>,
    len: usize,
    shift: u32,
    /// Transition scores, row = previous tag, already scaled.
    pub transitions: [f32; NUM_TAGS * NUM_TAGS],
    scale: f32,
}

#[derive(Clone, Copy)]
struct Slot {
    key: u32,
    weights: [i16; NUM_TAGS],
}

impl Weights {
    /// Builds the lookup table for one pass. Weights beyond `i16` are clamped.
    pub fn new(pass: &PassData, scale: f32) -> Weights {
        let capacity = (pass.features.len() * 2).next_power_of_two().max(16);
        let mut slots = vec![
            Slot {
                key: 0,
                weights: [0; NUM_TAGS]
            };
            capacity
        ];
        let shift = 64 - capacity.trailing_zeros();
        for (key, weights) in &pass.features {
            let mut slot = slot_of(*key, shift);
            while slots[slot].key != 0 {
                slot = (slot + 1) & (capacity - 1);
            }
            slots[slot] = Slot {
                key: *key,
                weights: weights.map(|w| w.clamp(i16::MIN as i32, i16::MAX as i32) as i16),
            };
        }
        let mut transitions = [0.0; NUM_TAGS * NUM_TAGS];
        for (t, &w) in transitions.iter_mut().zip(&pass.transitions) {
            *t = w as f32 / scale;
        }
        Weights {
            slots,
            len: pass.features.len(),
            shift,
            transitions,
            scale,
        }
    }

    /// Sets `out` to the scores of `features` for every tag.
    pub fn score(&self, features: &[u32], out: &mut [f32]) {
        let mut sum = [0i32; NUM_TAGS];
        let mask = self.slots.len() - 1;
        for &key in features {
            let mut slot = slot_of(key, self.shift);
            loop {
                let s = &self.slots[slot];
                if s.key == key {
                    for (total, &w) in sum.iter_mut().zip(&s.weights) {
                        *total += w as i32;
                    }
                    break;
                }
                if s.key == 0 {
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }
        for (o, s) in out.iter_mut().zip(sum) {
            *o = s as f32 / self.scale;
        }
    }

    /// Number of features with weights.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True if there are no features.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
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
        let weights = Weights::new(&back.passes[0], back.scale);
        let mut out = [0.0; NUM_TAGS];
        weights.score(&[5, 70000, 12345], &mut out);
        assert_eq!((out[0], out[16], out[1]), (6.0, -0.14, 0.0));
        assert!(ModelData::from_bytes(b"GLNM\x02").is_err());
    }
}
