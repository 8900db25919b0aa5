//! The integration-test binary: each module says what it covers.

mod cli;
mod common;
mod parity;
mod props;
mod seed;
mod stemmer;
