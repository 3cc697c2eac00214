//! The command line's cases, one file each in `tests/cmd/` (trycmd, as typos
//! does): the arguments, the exit status, and standard output and error as
//! they must be. Every output format on the bundled corpus, and each way a run
//! can fail. When the findings change on purpose, refresh the expected output
//! with `TRYCMD=overwrite cargo test --test it cmd::` and read the diff.

#[test]
fn cli_cases() {
    trycmd::TestCases::new()
        .register_bin(
            "crosscheck",
            std::path::Path::new(env!("CARGO_BIN_EXE_crosscheck")),
        )
        .case("tests/cmd/*.toml")
        .case("tests/cmd/*.trycmd");
}
