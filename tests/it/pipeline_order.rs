//! The library's top-level modules import each other only down the pipeline:
//! a stage reads the stages before it, never one after it. The order is
//! written once, here; a new module must take its place in it.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

/// Lowest first. Foundations (data, timing, text, the corpus, the finding
/// model, the configuration), then the stages in the order data flows, then
/// what reads their results and the runners that drive them.
const PIPELINE: &[&str] = &[
    "data",
    "stats",
    "text",
    "corpus",
    "finding",
    "config",
    "extract",
    "events",
    "align",
    "compare",
    "foreign",
    "rules",
    "outcome",
    "render",
    "check",
    "streaming",
    "attributions",
];

/// The binary's own modules, which sit above the library.
const NOT_IN_LIBRARY: &[&str] = &["cli", "main", "lib"];

#[test]
fn every_import_between_top_level_modules_runs_down_the_pipeline() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let modules = top_level_modules(&src);
    let listed: BTreeSet<String> = PIPELINE.iter().map(|m| m.to_string()).collect();
    assert_eq!(
        modules, listed,
        "every top-level module of the library is in PIPELINE, and only those"
    );
    let mut against = Vec::new();
    for module in &modules {
        for (file, imported) in imports(&src, module) {
            if rank(&imported) >= rank(module) {
                against.push(format!(
                    "{file}: {module} imports {imported}, which comes after it"
                ));
            }
        }
    }
    assert!(against.is_empty(), "{}", against.join("\n"));
}

#[test]
fn an_import_up_the_pipeline_is_found() {
    let found = imported_modules(
        "use crate::render::Format;\nuse crate::{\n    text,\n    corpus::{Origin, Report},\n};\n",
    );
    assert_eq!(found, ["render", "text", "corpus"]);
    assert!(imported_modules("// crate::render in a comment\n").is_empty());
    assert!(imported_modules("/// [`crate::render`] in a doc comment\n").is_empty());
}

fn rank(module: &str) -> usize {
    PIPELINE
        .iter()
        .position(|m| *m == module)
        .unwrap_or(usize::MAX)
}

/// The modules `lib.rs` declares: a file or a folder under `src/`.
fn top_level_modules(src: &Path) -> BTreeSet<String> {
    let mut modules = BTreeSet::new();
    for entry in fs::read_dir(src).unwrap_or_else(|e| panic!("{}: {e}", src.display())) {
        let path = entry.unwrap_or_else(|e| panic!("{e}")).path();
        let name = match path.extension() {
            Some(ext) if ext == "rs" => path.file_stem(),
            None if path.is_dir() => path.file_name(),
            _ => None,
        };
        if let Some(name) = name.and_then(|n| n.to_str())
            && !NOT_IN_LIBRARY.contains(&name)
        {
            modules.insert(name.to_string());
        }
    }
    modules
}

/// Every other top-level module `module`'s files import, with the file.
fn imports(src: &Path, module: &str) -> Vec<(String, String)> {
    let mut files = Vec::new();
    let folder = src.join(module);
    if folder.is_dir() {
        rust_files(&folder, &mut files);
    } else {
        files.push(src.join(format!("{module}.rs")));
    }
    let mut found = Vec::new();
    for file in files {
        let text = fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        for imported in imported_modules(&text) {
            if imported != module && PIPELINE.contains(&imported.as_str()) {
                found.push((file.display().to_string(), imported));
            }
        }
    }
    found
}

fn rust_files(folder: &Path, files: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(folder).unwrap_or_else(|e| panic!("{}: {e}", folder.display())) {
        let path = entry.unwrap_or_else(|e| panic!("{e}")).path();
        if path.is_dir() {
            rust_files(&path, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
}

/// The top-level modules named after `crate::` in code (comments left out),
/// including each item of a braced list, over several lines or nested:
/// `crate::{text, corpus::{Report, Origin}}`.
fn imported_modules(text: &str) -> Vec<String> {
    let code: String = text
        .lines()
        .map(|line| line.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n");
    let mut found = Vec::new();
    let mut rest = code.as_str();
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        match rest.strip_prefix('{') {
            Some(list) => {
                for item in top_level_items(list) {
                    push_name(item.trim(), &mut found);
                }
            }
            None => push_name(rest, &mut found),
        }
    }
    found
}

/// The comma-separated items of a braced list up to its closing brace,
/// leaving nested lists inside their item.
fn top_level_items(list: &str) -> Vec<&str> {
    let mut items = Vec::new();
    let (mut depth, mut start) = (0usize, 0);
    for (i, c) in list.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => {
                items.push(&list[start..i]);
                return items;
            }
            '}' => depth -= 1,
            ',' if depth == 0 => {
                items.push(&list[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    items.push(&list[start..]);
    items
}

fn push_name(path: &str, found: &mut Vec<String>) {
    let name: String = path
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    if !name.is_empty() {
        found.push(name);
    }
}
