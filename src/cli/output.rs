//! Where a run's output goes. `--output FILE` must never leave a half-written
//! report behind (a CI step reading it, a reviewer's open page): a regular
//! file, or one that does not exist yet, is written beside itself and renamed
//! over in one step. What is not a regular file (`/dev/stdout`, `/dev/null`,
//! a pipe) is written straight through, since renaming over a device would
//! replace it; a symbolic link is followed, so the file it names is replaced
//! and the link stays.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// How a named output is written.
#[derive(Debug, PartialEq, Eq)]
enum Target {
    /// Our own standard output (`-`, `/dev/stdout`).
    Stdout,
    /// Our own standard error (`/dev/stderr`).
    Stderr,
    /// Opened and written in place: a device, a pipe, a socket.
    Through(PathBuf),
    /// A regular file, or none yet: written beside it, then renamed over it.
    Replace(PathBuf),
}

/// Write through `render` to `path`, or to standard output when `None`.
pub fn write(
    path: Option<&Path>,
    render: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let target = match path {
        None => Target::Stdout,
        Some(path) => target(path).map_err(|e| context(path, e))?,
    };
    match target {
        Target::Stdout => {
            let stdout = io::stdout();
            let mut out = BufWriter::new(stdout.lock());
            render(&mut out)?;
            out.flush()
        }
        Target::Stderr => {
            let mut out = io::stderr().lock();
            render(&mut out)?;
            out.flush()
        }
        Target::Through(path) => {
            let file = OpenOptions::new()
                .write(true)
                .open(&path)
                .map_err(|e| context(&path, e))?;
            let mut out = BufWriter::new(file);
            render(&mut out)?;
            out.flush()
        }
        Target::Replace(path) => replace(&path, render).map_err(|e| context(&path, e)),
    }
}

/// Whether `path` names our own standard output, so `--output` may be told
/// it is a terminal.
pub fn is_stdout(path: Option<&Path>) -> bool {
    path.is_none_or(|p| matches!(target(p), Ok(Target::Stdout)))
}

fn target(path: &Path) -> io::Result<Target> {
    let shown = path.to_string_lossy();
    match shown.as_ref() {
        "-" | "/dev/stdout" | "/dev/fd/1" | "/proc/self/fd/1" => return Ok(Target::Stdout),
        "/dev/stderr" | "/dev/fd/2" | "/proc/self/fd/2" => return Ok(Target::Stderr),
        _ => {}
    }
    // What lives under /dev and /proc is never a file to replace, whatever
    // its links resolve to (`/dev/fd/3` names a pipe as `pipe:[1234]`).
    if shown.starts_with("/dev/") || shown.starts_with("/proc/") {
        return Ok(Target::Through(path.to_path_buf()));
    }
    let resolved = follow_links(path)?;
    match fs::metadata(&resolved) {
        Ok(meta) if meta.is_file() => Ok(Target::Replace(resolved)),
        Ok(meta) if meta.is_dir() => Err(io::Error::new(
            io::ErrorKind::IsADirectory,
            "is a folder, not a file",
        )),
        Ok(_) => Ok(Target::Through(resolved)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Target::Replace(resolved)),
        Err(e) => Err(e),
    }
}

/// The path a chain of symbolic links ends at; it need not exist (a link to
/// a file not written yet).
fn follow_links(path: &Path) -> io::Result<PathBuf> {
    // As the kernel's limit, so a loop of links ends with an error.
    const MAX_LINKS: usize = 40;
    let mut path = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match fs::symlink_metadata(&path) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let link = fs::read_link(&path)?;
                path = match path.parent() {
                    Some(parent) if link.is_relative() => parent.join(link),
                    _ => link,
                };
            }
            _ => return Ok(path),
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

/// Write a temporary file in `path`'s folder, then rename it over `path`.
/// The new file keeps the old one's permissions; a new one gets the usual
/// `0666` less the umask, not the temporary file's private `0600`.
fn replace(path: &Path, render: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<()> {
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map_or_else(|| "output".into(), |n| n.to_string_lossy());
    let existing = fs::metadata(path).ok().map(|m| m.permissions());
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let temporary = builder.tempfile_in(folder)?;
    {
        let mut out = BufWriter::new(temporary.as_file());
        render(&mut out)?;
        out.flush()?;
    }
    let file: &File = temporary.as_file();
    if let Some(permissions) = existing {
        file.set_permissions(permissions)?;
    }
    file.sync_all()?;
    temporary.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// An error that names the file, keeping its kind (a closed pipe stays one).
fn context(path: &Path, error: io::Error) -> io::Error {
    io::Error::new(error.kind(), format!("{}: {error}", path.display()))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn write_text(path: &Path, text: &str) -> io::Result<()> {
        write(Some(path), |out| out.write_all(text.as_bytes()))
    }

    #[test]
    fn standard_streams_and_devices_are_written_through() {
        assert_eq!(target(Path::new("/dev/stdout")).unwrap(), Target::Stdout);
        assert_eq!(target(Path::new("-")).unwrap(), Target::Stdout);
        assert_eq!(target(Path::new("/dev/stderr")).unwrap(), Target::Stderr);
        assert_eq!(
            target(Path::new("/dev/null")).unwrap(),
            Target::Through("/dev/null".into())
        );
        write_text(Path::new("/dev/null"), "x").unwrap();
        assert!(!fs::metadata("/dev/null").unwrap().file_type().is_file());
    }

    #[test]
    fn a_file_is_replaced_whole_and_keeps_its_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.json");
        write_text(&path, "first").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        write_text(&path, "second").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "second");
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o640
        );
        // No temporary file is left behind.
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_failed_render_leaves_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.json");
        write_text(&path, "good").unwrap();
        let failed = write(Some(&path), |out| {
            out.write_all(b"half")?;
            Err(io::Error::other("render failed"))
        });
        assert!(failed.is_err());
        assert_eq!(fs::read_to_string(&path).unwrap(), "good");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_link_is_followed_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.json");
        let link = dir.path().join("link.json");
        std::os::unix::fs::symlink("real.json", &link).unwrap();
        // The link dangles until the first write creates the file it names.
        write_text(&link, "one").unwrap();
        write_text(&link, "two").unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read_to_string(&real).unwrap(), "two");
    }

    #[test]
    fn a_pipe_is_written_through_not_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        let status = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !status.is_ok_and(|s| s.success()) {
            return; // no mkfifo here
        }
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || fs::read_to_string(fifo).unwrap())
        };
        write_text(&fifo, "through the pipe").unwrap();
        assert_eq!(reader.join().unwrap(), "through the pipe");
        assert!(
            !fs::symlink_metadata(&fifo).unwrap().is_file(),
            "still a pipe"
        );
    }

    #[test]
    fn a_folder_is_an_error_that_names_it() {
        let dir = tempfile::tempdir().unwrap();
        let error = write_text(dir.path(), "x").unwrap_err();
        assert!(
            error
                .to_string()
                .contains(&dir.path().display().to_string())
        );
    }
}
