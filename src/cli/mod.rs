//! The `gloss annotate` and `gloss import` commands behind the clap
//! declaration in `main.rs`: inputs read within a size limit ([`input`]),
//! annotated on a thread pool and written in input order ([`ordered`]), in
//! the chosen format ([`annotate`]); other tools' files read into documents
//! ([`import`]). Native only, like the rest of the binary.

pub mod annotate;
pub mod import;
mod input;
mod ordered;
