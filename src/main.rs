//! The `crosscheck` command: see `cli` and the library's pipeline.

mod cli;

// glibc's allocator took a fifth of extraction's time in profiles (every
// report allocates its tokens, words and attributions, on both cores);
// mimalloc's thread-local free lists cost far less there.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    cli::main()
}
