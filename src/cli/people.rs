//! `byline people [PATHS...]`: the people index as a table or JSON.
//!
//! Folders are walked for .txt and .md files (.gitignore respected), articles are analysed in
//! parallel, and the same workspace index the language server uses links the people across
//! files. Exit status: 0 on success, 2 when nothing could be read.

use std::io::Write;
use std::process::ExitCode;
use std::sync::Arc;

use byline_core::Format;
use byline_core::index::{PersonInfo, WorkspaceIndex};
use serde::Serialize;

use super::lines::Lines;
use super::sources::gather;
use crate::cache::{self, WorkspaceCache};
use crate::desk::language::DeskLexicon;
use crate::files::FileFilter;

#[derive(clap::Args)]
pub struct PeopleArgs {
    /// Files or folders to index (default: the current folder).
    pub paths: Vec<std::path::PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: PeopleFormat,
    /// Extra glob of files to leave out when walking folders (repeatable).
    #[arg(long = "exclude", value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// The largest file read, in bytes or with a unit (`512K`, `8M`, `1G`); larger files are
    /// skipped with a warning.
    #[arg(long = "max-file-size", value_name = "SIZE", default_value_t = crate::files::DEFAULT_MAX_FILE_SIZE, value_parser = crate::files::parse_size)]
    pub max_file_size: u64,
    /// Analyse every article, without reading or writing the index cache.
    #[arg(long = "no-cache")]
    pub no_cache: bool,
    /// The index cache's folder (default: `$BYLINE_CACHE_DIR`, else the platform's cache
    /// folder, `~/.cache/byline` on Linux).
    #[arg(long = "cache-dir", value_name = "DIR")]
    pub cache_dir: Option<std::path::PathBuf>,
}

#[derive(Serialize)]
struct JsonMention {
    path: String,
    /// 1-based line and character column.
    line: usize,
    column: usize,
    /// Byte range in the file.
    start: usize,
    end: usize,
    text: String,
}

#[derive(Serialize)]
struct JsonRole {
    role: String,
    path: String,
}

#[derive(Serialize)]
struct JsonQuote {
    quote: String,
    path: String,
}

#[derive(Serialize)]
struct JsonPerson {
    id: String,
    name: String,
    role: Option<String>,
    roles: Vec<JsonRole>,
    mentions: usize,
    files: usize,
    definition: Option<JsonMention>,
    quotes: Vec<JsonQuote>,
    occurrences: Vec<JsonMention>,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum PeopleFormat {
    /// A table: name, roles, mentions, files.
    Text,
    /// Every person with roles, quotes, definition and every occurrence.
    Json,
}

/// The index cache of the folders named (the current folder by default): `byline people` needs
/// only each article's people, which the cache holds exactly. A file named on its own, outside
/// those folders, is analysed every time.
fn open_cache(args: &PeopleArgs, lexicon: &DeskLexicon) -> WorkspaceCache {
    let default = [std::path::PathBuf::from(".")];
    let paths = if args.paths.is_empty() { &default[..] } else { &args.paths[..] };
    let roots: Vec<_> = paths.iter().filter(|p| p.is_dir()).filter_map(|p| std::path::absolute(p).ok()).collect();
    let cache = WorkspaceCache::open(
        &roots,
        &cache::Options { enabled: !args.no_cache, dir: args.cache_dir.clone() },
        cache::people_config(lexicon),
    );
    for line in cache.describe_opened() {
        if line.contains("refused") {
            eprintln!("byline people: {line}");
        }
    }
    cache
}

pub fn run(args: PeopleArgs) -> ExitCode {
    // The desk's language data (`[sources]` of the byline.toml at or above the first path).
    let start = args.paths.first().cloned().unwrap_or_else(|| std::path::PathBuf::from("."));
    let lexicon = match crate::desk::find::desk_for(&start) {
        Ok(desk) => desk.lexicon,
        Err(e) => {
            eprintln!("byline people: {e}");
            return ExitCode::from(2);
        }
    };
    let filter = match FileFilter::new(&crate::files::DEFAULT_INCLUDE.map(String::from), &args.exclude) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("byline people: bad --exclude glob: {e}");
            return ExitCode::from(2);
        }
    };
    let gathered = gather(&args.paths, &filter, args.max_file_size);
    for (p, why) in &gathered.skipped {
        eprintln!("byline people: skipped {}: {why}", p.display());
    }
    if gathered.sources.is_empty() && !gathered.skipped.is_empty() {
        return ExitCode::from(2);
    }
    let cache = open_cache(&args, &lexicon);
    let analysed = super::isolate::each(&gathered.sources, |s| {
        let key: Arc<str> = s.path.to_string_lossy().into();
        let format = Format::from_path(&key);
        let absolute = std::path::absolute(&s.path).unwrap_or_else(|_| s.path.clone());
        let people: Result<_, std::convert::Infallible> =
            cache.people(&absolute, &s.text, format, || Ok(crate::faults::analyze(&s.text, format, lexicon.lexicon()).people));
        let Ok(people) = people;
        (key, Arc::new(people))
    });
    for saved in cache.save() {
        if let Err(e) = saved {
            eprintln!("byline people: the index cache was not saved: {e}");
        }
    }
    let mut index = WorkspaceIndex::new();
    let mut failed = 0;
    for (src, r) in gathered.sources.iter().zip(analysed) {
        match r {
            Ok((k, p)) => index.set_document(k, p),
            Err(why) => {
                failed += 1;
                eprintln!(
                    "byline people: internal error while analysing {}: {why} (this is a bug in byline; the other files were read)",
                    src.path.display()
                );
            }
        }
    }
    let people = index.search("");
    let out = std::io::stdout();
    let mut out = out.lock();
    let res = match args.format {
        PeopleFormat::Text => print_table(&mut out, &people),
        PeopleFormat::Json => {
            let texts: std::collections::HashMap<String, &str> =
                gathered.sources.iter().map(|s| (s.path.to_string_lossy().into_owned(), s.text.as_str())).collect();
            let lines: std::collections::HashMap<&str, Lines> = texts.iter().map(|(k, t)| (k.as_str(), Lines::new(t))).collect();
            let mention = |doc: &str, span: &std::ops::Range<usize>| {
                let (line, column) = lines.get(doc).map_or((0, 0), |l| l.line_col(span.start));
                JsonMention {
                    path: doc.to_string(),
                    line,
                    column,
                    start: span.start,
                    end: span.end,
                    text: texts.get(doc).and_then(|t| t.get(span.clone())).unwrap_or("").to_string(),
                }
            };
            let json: Vec<JsonPerson> = people
                .iter()
                .map(|p| JsonPerson {
                    id: p.id.to_string(),
                    name: p.name.clone(),
                    role: p.roles.first().map(|r| r.0.clone()),
                    roles: p.roles.iter().map(|(r, d)| JsonRole { role: r.clone(), path: d.to_string() }).collect(),
                    mentions: p.mention_count,
                    files: p.file_count,
                    definition: index.definition(&p.id, "").map(|(d, s)| mention(&d, &s)),
                    quotes: p.quotes.iter().map(|(q, d)| JsonQuote { quote: q.clone(), path: d.to_string() }).collect(),
                    occurrences: index.mentions(&p.id).iter().map(|(d, s)| mention(d, s)).collect(),
                })
                .collect();
            serde_json::to_writer_pretty(&mut out, &json).map_err(std::io::Error::other).and_then(|_| writeln!(out))
        }
    };
    match res {
        Ok(()) if failed > 0 => ExitCode::from(super::check::EXIT_INTERNAL_ERROR),
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`byline people | head`) is not an error worth a message.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("byline people: {e}");
            ExitCode::from(2)
        }
    }
}

fn print_table(out: &mut impl Write, people: &[PersonInfo]) -> std::io::Result<()> {
    let role = |p: &PersonInfo| p.roles.first().map_or(String::new(), |r| r.0.clone());
    let w_name = people.iter().map(|p| p.name.chars().count()).max().unwrap_or(0).max(4);
    let w_role = people.iter().map(|p| role(p).chars().count()).max().unwrap_or(0).clamp(4, 48);
    writeln!(out, "{:<w_name$}  {:<w_role$}  {:>8}  {:>5}", "NAME", "ROLE", "MENTIONS", "FILES")?;
    for p in people {
        let mut r = role(p);
        if r.chars().count() > w_role {
            r = r.chars().take(w_role - 1).collect::<String>() + "…";
        }
        writeln!(out, "{:<w_name$}  {:<w_role$}  {:>8}  {:>5}", p.name, r, p.mention_count, p.file_count)?;
    }
    writeln!(out, "{} people", people.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(name: &str, role: Option<&str>, mentions: usize, files: usize) -> PersonInfo {
        PersonInfo {
            id: name.to_lowercase().into(),
            name: name.to_string(),
            roles: role.map(|r| vec![(r.to_string(), Arc::from("a.txt"))]).unwrap_or_default(),
            mention_count: mentions,
            file_count: files,
            quotes: Vec::new(),
        }
    }

    #[test]
    fn table_has_name_role_mentions_and_files() {
        let people = [info("Dariusz Lenko", Some("Port authority spokesman"), 3, 2), info("Zoë Ørsted", None, 1, 1)];
        let mut out = Vec::new();
        print_table(&mut out, &people).unwrap();
        let s = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = s.lines().collect();
        assert!(lines[0].starts_with("NAME") && lines[0].ends_with("FILES"));
        assert!(lines[1].starts_with("Dariusz Lenko  Port authority spokesman"));
        assert!(lines[1].ends_with("3      2"));
        // Columns line up by characters, not bytes.
        assert_eq!(lines[1].chars().count(), lines[2].chars().count());
        assert_eq!(lines[3], "2 people");
    }
}
