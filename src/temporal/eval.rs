//! `gloss eval dates`: scores the temporal tagger on TimeML files. (Stub: being built.)

/// Runs the command; `Ok(true)` on success.
pub fn main(_args: &[String]) -> Result<bool, String> {
    Err("eval dates is not built yet".into())
}
