//! The `gloss annotate` command behind the clap declaration in `main.rs`:
//! its inputs read within a size limit ([`input`]), annotated on a thread
//! pool and written in input order ([`ordered`]), in the chosen format
//! ([`annotate`]). Native only, like the rest of the binary.

pub mod annotate;
mod input;
mod ordered;
