//! Small, stable hashes for feature keys and dictionary lookups.
//!
//! Features are never stored as strings: a feature is the hash of its
//! template number and the hashes of its parts, folded to 32 bits. The hashes
//! are fixed (FNV-1a and a SplitMix finalizer), so a model trained on one
//! machine means the same on every other, including WebAssembly.

/// FNV-1a over the bytes of `s`.
pub fn string(s: &str) -> u64 {
    bytes(s.as_bytes())
}

/// FNV-1a over `data`.
pub fn bytes(data: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in data {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01B3);
    }
    h
}

/// Mixes a value into a running hash (SplitMix64 finalizer).
pub fn mix(h: u64, value: u64) -> u64 {
    let mut z = (h ^ value).wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A 32-bit feature key; never 0, which marks empty slots in tables.
pub fn key(h: u64) -> u32 {
    let k = (h ^ (h >> 32)) as u32;
    if k == 0 {
        1
    } else {
        k
    }
}

/// A `HashMap` hasher for keys that are already good hashes: passes them through.
#[derive(Clone, Copy, Default)]
pub struct PreHashed(u64);

impl std::hash::Hasher for PreHashed {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = mix(self.0, b as u64);
        }
    }

    fn write_u64(&mut self, value: u64) {
        self.0 = value;
    }
}

/// Builds [`PreHashed`] hashers.
pub type BuildPreHashed = std::hash::BuildHasherDefault<PreHashed>;

/// A map keyed by precomputed 64-bit hashes.
pub type HashMap64<V> = std::collections::HashMap<u64, V, BuildPreHashed>;
