//! The `crosscheck` command: see `cli` and the library's pipeline.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
