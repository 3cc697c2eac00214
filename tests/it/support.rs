//! What more than one test module needs: a temporary folder of input files.

use std::fs;

use tempfile::TempDir;

/// A temporary folder holding `files` (name, contents), folders created as needed.
pub fn folder(files: &[(&str, &[u8])]) -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, contents) in files {
        let path = dir.path().join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, contents).unwrap();
    }
    dir
}
