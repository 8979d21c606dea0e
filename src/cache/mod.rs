//! The persistent index cache: the people of every article analysed from disk, kept between
//! runs so that reopening a workspace reads them instead of re-analysing every article.
//!
//! One packed file per workspace root (`packed.rs`) in the platform's cache folder
//! (`location.rs`), never in the workspace. An entry is found by the XXH3-128 hash of the
//! article's text and its format; the whole file is keyed (its header, [`key_header`]) by
//! byline's version and build, the encoding's version, the hash of the bundled language data
//! and of the configuration that affects the analysis, and the root. A file that is partial,
//! corrupt, foreign or stale is refused whole and rebuilt by the next save.
//!
//! Use: [`WorkspaceCache::open`] before a walk, [`WorkspaceCache::people`] for each article
//! (answers from the cache, or analyses and remembers), [`WorkspaceCache::save`] after a
//! complete walk (writes the entries of this walk only — those of files gone or changed are
//! dropped — and nothing when nothing changed).

mod location;
mod packed;

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use byline_core::Format;
use byline_core::people::{DocPeople, codec};

pub use location::default_dir;
use packed::LAYOUT;
pub use packed::Refused;
use packed::{EntryKey, Packed};

/// The configuration hash of an article's people: they depend on its text, its format and the
/// language data it is analysed with — the bundled lists (in the key header already) and the
/// desk's phrases of `[sources]` (`byline.toml`), whose hash this is (0 when there are none, so a
/// desk without phrases shares its cache with none at all). No other setting of `byline.toml`
/// or of the editor changes them; the first that does must be hashed into it.
pub fn people_config(lexicon: &crate::desk::language::DeskLexicon) -> u64 {
    lexicon.fingerprint()
}

/// Whether and where to cache: `byline.toml`'s, the editor's or the command line's choice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    pub enabled: bool,
    /// The cache folder; `None`: [`default_dir`].
    pub dir: Option<PathBuf>,
}

impl Default for Options {
    fn default() -> Self {
        Options { enabled: true, dir: None }
    }
}

/// What opening one root's cache found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Opened {
    /// The cache is off (by a setting, a flag, fault injection, or no cache folder).
    Off,
    /// No cache yet for this root.
    Missing,
    /// A valid cache with this many entries.
    Loaded(usize),
    /// A cache file that was not trusted: it is ignored and rebuilt by the next save.
    Refused(Refused),
}

/// What saving one root's cache did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Saved {
    Off,
    /// The file already held exactly this walk's entries.
    Unchanged,
    /// A new file with this many entries.
    Written(usize),
}

/// The caches of a workspace's roots, for one walk.
pub struct WorkspaceCache {
    roots: Vec<RootCache>,
    hits: AtomicUsize,
    misses: AtomicUsize,
}

struct RootCache {
    /// The root as the walk names its files (for matching paths).
    given: PathBuf,
    file: PathBuf,
    header: Vec<u8>,
    opened: Opened,
    /// How long reading and checking the file took.
    open_time: std::time::Duration,
    old: Option<Packed>,
    /// `used[i]`: entry `i` of `old` answered for a file of this walk.
    used: Vec<AtomicBool>,
    /// Entries analysed during this walk, encoded (boxed: no spare capacity kept until the save).
    fresh: Mutex<Vec<(EntryKey, Box<[u8]>)>>,
}

impl WorkspaceCache {
    /// Open the cache of each of `roots`. `config` is a hash of whatever configuration changes
    /// what the analysis finds (callers document what goes in). Off when `options` say so, when
    /// fault injection is on (an injected fault must be seen on every run) or when there is no
    /// cache folder. Never fails: a cache that cannot be used is simply empty.
    pub fn open(roots: &[PathBuf], options: &Options, config: u64) -> WorkspaceCache {
        let dir = if options.enabled && !crate::faults::enabled() { options.dir.clone().or_else(default_dir) } else { None };
        let roots = roots
            .iter()
            .map(|given| {
                let Some(dir) = &dir else { return RootCache::off(given) };
                let root = location::canonical_root(given);
                let header = key_header(&root, config);
                let file = location::file_for(dir, &root);
                let started = std::time::Instant::now();
                let (opened, old) = match Packed::open(&file, &header) {
                    Ok(None) => (Opened::Missing, None),
                    Ok(Some(p)) => (Opened::Loaded(p.len()), Some(p)),
                    Err(why) => (Opened::Refused(why), None),
                };
                let used = (0..old.as_ref().map_or(0, Packed::len)).map(|_| AtomicBool::new(false)).collect();
                let open_time = started.elapsed();
                RootCache { given: given.clone(), file, header, opened, open_time, old, used, fresh: Mutex::new(Vec::new()) }
            })
            .collect();
        WorkspaceCache { roots, hits: AtomicUsize::new(0), misses: AtomicUsize::new(0) }
    }

    /// What opening each root's cache found, with the root and the cache file.
    #[cfg(test)]
    pub fn opened(&self) -> impl Iterator<Item = (&Path, &Path, &Opened)> {
        self.roots.iter().map(|r| (r.given.as_path(), r.file.as_path(), &r.opened))
    }

    /// One line per root saying what was opened, for a log.
    pub fn describe_opened(&self) -> Vec<String> {
        self.roots
            .iter()
            .map(|r| (r.given.as_path(), r.file.as_path(), &r.opened, r.open_time.as_secs_f64() * 1000.0))
            .map(|(root, file, opened, ms)| match opened {
                Opened::Off => format!("index cache off for {}", root.display()),
                Opened::Missing => format!("index cache for {}: none yet ({})", root.display(), file.display()),
                Opened::Loaded(n) => {
                    format!("index cache for {}: {n} entries, read and checked in {ms:.0} ms ({})", root.display(), file.display())
                }
                Opened::Refused(why) => format!("index cache for {} refused ({why}), rebuilding it: {}", root.display(), file.display()),
            })
            .collect()
    }

    /// Files answered from the cache and files analysed, so far.
    pub fn counts(&self) -> (usize, usize) {
        (self.hits.load(Ordering::Relaxed), self.misses.load(Ordering::Relaxed))
    }

    /// The people of the article at `path` with `text`: from the cache when it has this text,
    /// else `analyse()`, remembered for the next save. An entry that does not decode is
    /// treated as missing (and dropped by the next save).
    pub fn people<E>(
        &self,
        path: &Path,
        text: &str,
        format: Format,
        analyse: impl FnOnce() -> Result<DocPeople, E>,
    ) -> Result<DocPeople, E> {
        let Some(root) = self.root_of(path) else { return analyse() };
        let key = EntryKey { content: xxhash_rust::xxh3::xxh3_128(text.as_bytes()), format: format_byte(format) };
        if let Some(old) = &root.old
            && let Some(at) = old.position(key)
            && let Ok(people) = codec::decode(old.at(at).1)
        {
            root.used[at].store(true, Ordering::Relaxed);
            self.hits.fetch_add(1, Ordering::Relaxed);
            return Ok(people);
        }
        let people = analyse()?;
        self.misses.fetch_add(1, Ordering::Relaxed);
        let bytes = codec::to_bytes(&people).into_boxed_slice();
        root.fresh.lock().unwrap_or_else(|e| e.into_inner()).push((key, bytes));
        Ok(people)
    }

    /// Write each root's cache: the entries this walk used or analysed. Call it only after a
    /// walk that read every file (a partial walk would drop the others' entries). A root whose
    /// cache already holds exactly those entries is not rewritten.
    pub fn save(&self) -> Vec<std::io::Result<Saved>> {
        self.roots.iter().map(RootCache::save).collect()
    }

    /// The cache of the root `path` is under (the deepest, for nested roots).
    fn root_of(&self, path: &Path) -> Option<&RootCache> {
        self.roots.iter().filter(|r| r.opened != Opened::Off && path.starts_with(&r.given)).max_by_key(|r| r.given.as_os_str().len())
    }
}

impl RootCache {
    fn off(given: &Path) -> RootCache {
        RootCache {
            given: given.to_path_buf(),
            file: PathBuf::new(),
            header: Vec::new(),
            opened: Opened::Off,
            open_time: std::time::Duration::ZERO,
            old: None,
            used: Vec::new(),
            fresh: Mutex::new(Vec::new()),
        }
    }

    fn save(&self) -> std::io::Result<Saved> {
        if self.opened == Opened::Off {
            return Ok(Saved::Off);
        }
        let fresh = self.fresh.lock().unwrap_or_else(|e| e.into_inner());
        let kept: Vec<usize> = (0..self.used.len()).filter(|&i| self.used[i].load(Ordering::Relaxed)).collect();
        if fresh.is_empty() && self.old.is_some() && kept.len() == self.used.len() {
            return Ok(Saved::Unchanged);
        }
        let mut entries: Vec<(EntryKey, &[u8])> = Vec::with_capacity(kept.len() + fresh.len());
        if let Some(old) = &self.old {
            entries.extend(kept.iter().map(|&i| old.at(i)));
        }
        entries.extend(fresh.iter().map(|(k, b)| (*k, &b[..])));
        let dir = self.file.parent().unwrap_or(Path::new("."));
        packed::remove_abandoned(dir);
        packed::write(&self.file, &self.header, entries).map(Saved::Written)
    }
}

fn format_byte(format: Format) -> u8 {
    match format {
        Format::Plain => 0,
        Format::Markdown => 1,
    }
}

/// The header every entry of a root's cache file is valid under: byline's version, this build
/// (the size and modification time of the running executable — the version number does not
/// change between development builds, the analysis does), the layout and the encoding's
/// versions, the bundled language data, the configuration and the root.
fn key_header(root: &Path, config: u64) -> Vec<u8> {
    let mut h = Vec::new();
    let mut put = |bytes: &[u8]| {
        h.extend_from_slice(&(bytes.len() as u32).to_le_bytes());
        h.extend_from_slice(bytes);
    };
    put(concat!("byline ", env!("CARGO_PKG_VERSION")).as_bytes());
    put(&build_id().to_le_bytes());
    put(&LAYOUT.to_le_bytes());
    put(&codec::FORMAT.to_le_bytes());
    put(&byline_core::language_data::fingerprint().to_le_bytes());
    put(&config.to_le_bytes());
    put(root.as_os_str().as_encoded_bytes());
    h
}

/// This executable's size and modification time, hashed (0 when they cannot be read).
fn build_id() -> u64 {
    static ID: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    *ID.get_or_init(|| {
        let Some(meta) = std::env::current_exe().ok().and_then(|p| std::fs::metadata(p).ok()) else { return 0 };
        let modified = meta.modified().ok().and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok()).map_or(0, |d| d.as_nanos());
        let mut bytes = meta.len().to_le_bytes().to_vec();
        bytes.extend_from_slice(&modified.to_le_bytes());
        xxhash_rust::xxh3::xxh3_64(&bytes)
    })
}

#[cfg(test)]
mod tests;
