//! `gloss eval` for the name model. (Stub: being built.)

/// Runs the command; `Ok(true)` on success.
pub fn main(_args: &[String]) -> Result<bool, String> {
    Err("eval is not built yet".into())
}
