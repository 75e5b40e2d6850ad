//! Builds word clusters. (Being built.)

/// Runs `gloss train names clusters`.
pub fn main(_args: &[String]) -> Result<bool, String> {
    Err("cluster building is not built yet".into())
}
