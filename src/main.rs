//! The `sumbench` command: parses arguments, runs one subcommand, maps errors to exit codes
//! (0 success, 1 a gated regression, 2 bad input or usage).

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::main()
}
