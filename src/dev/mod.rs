//! Developer tools, native only: evaluations and the corpus readers they
//! need. Compiled out of the WebAssembly build; nothing in the product
//! modules uses them.

pub mod eval_entities;
