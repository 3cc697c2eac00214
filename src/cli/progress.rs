//! A progress line on standard error while a long run works, so a person at a
//! terminal knows it is not stuck. Never drawn when standard error is not a
//! terminal, in CI, with `--quiet`, or for a run shorter than a moment.

use std::io::{self, IsTerminal};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How long a run goes before the line appears.
const DELAY: Duration = Duration::from_millis(300);
const TICK: Duration = Duration::from_millis(100);

#[derive(Debug)]
pub struct Progress {
    bar: Option<ProgressBar>,
    /// Set when the run is over; held while the line is switched on, so it
    /// is never switched on after it was taken off.
    done: Arc<Mutex<bool>>,
}

impl Progress {
    /// A progress line, drawn after `DELAY` if the run is still going.
    pub fn start(quiet: bool) -> Progress {
        let done = Arc::new(Mutex::new(false));
        if quiet || !wanted() {
            return Progress { bar: None, done };
        }
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
        if let Ok(style) = ProgressStyle::with_template("{spinner} {msg} [{elapsed}]") {
            bar.set_style(style);
        }
        let shown = bar.clone();
        let finished = Arc::clone(&done);
        std::thread::spawn(move || {
            std::thread::sleep(DELAY);
            let finished = finished.lock().unwrap_or_else(PoisonError::into_inner);
            if !*finished {
                shown.set_draw_target(ProgressDrawTarget::stderr());
                shown.enable_steady_tick(TICK);
            }
        });
        Progress {
            bar: Some(bar),
            done,
        }
    }

    /// Say what the run is doing now.
    pub fn stage(&self, message: impl Into<std::borrow::Cow<'static, str>>) {
        if let Some(bar) = &self.bar {
            bar.set_message(message);
        }
    }

    /// Turn the line into a bar of `total` steps, filled from `done` (which the
    /// pipeline counts up from its worker threads) until the run is over.
    pub fn count(&self, done: Arc<AtomicUsize>, total: usize, message: &'static str) {
        let Some(bar) = &self.bar else {
            return;
        };
        if let Ok(style) =
            ProgressStyle::with_template("{bar:30} {pos}/{len} {msg} [{elapsed}, {eta} left]")
        {
            bar.set_style(style);
        }
        bar.set_length(total as u64);
        bar.set_message(message);
        let (bar, finished) = (bar.clone(), Arc::clone(&self.done));
        std::thread::spawn(move || {
            while !*finished.lock().unwrap_or_else(PoisonError::into_inner) {
                bar.set_position(done.load(Ordering::Relaxed) as u64);
                std::thread::sleep(TICK);
            }
        });
    }

    /// Run `f` with the line off the screen, so what it prints on standard
    /// error is not drawn over.
    pub fn suspend<T>(&self, f: impl FnOnce() -> T) -> T {
        match &self.bar {
            Some(bar) => bar.suspend(f),
            None => f(),
        }
    }

    /// Take the line off the screen before the report is written.
    pub fn finish(self) {
        let mut done = self.done.lock().unwrap_or_else(PoisonError::into_inner);
        *done = true;
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// A terminal on standard error, and not a CI job (which may give one).
fn wanted() -> bool {
    let ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty() && v != "false" && v != "0");
    let dumb = std::env::var_os("TERM").is_some_and(|t| t == "dumb");
    io::stderr().is_terminal() && !ci && !dumb
}
