//! `gloss bench`. (Being built.)

/// Runs the command; `Ok(true)` on success.
pub fn main(_args: &[String]) -> Result<bool, String> {
    Err("bench is not built yet".into())
}
