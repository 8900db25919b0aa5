//! The `sumbench` command: parses arguments, runs one subcommand, maps errors to exit codes
//! (0 success, 1 a gated regression, 2 bad input or usage).

/// mimalloc: the scoring loop makes many small, short-lived allocations (token and n-gram
/// vectors, strings), and the system allocator took about a quarter of the run time (see
/// BENCHMARKS.md, "Where the time goes").
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::process::ExitCode;

fn main() -> ExitCode {
    sumbench::cli::main()
}
