//! The `crosscheck` command: see `cli` and the library's pipeline.

mod cli;

// glibc's allocator took a fifth of extraction's time in profiles (every
// report allocates its tokens, words and attributions, on both cores);
// mimalloc's thread-local free lists cost far less there. Built without
// transparent huge pages (`no_thp`): grouping 100k reports spent 1.1-1.4 s of
// system time, mostly the kernel zeroing 2 MB pages; without them, 0.6 s.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    cli::main()
}
