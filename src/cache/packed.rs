//! One workspace root's cache on disk: a single packed file, so that opening 100,000 entries is
//! one read and one checksum, not 100,000 opens.
//!
//! ```text
//! magic "BYLINEIX" · layout version u32 · header length u32 · header (the cache key)
//! · entry count u64 · index: count × (content hash u128, format u8, 3 zero bytes, offset u64,
//!   length u32), sorted by (hash, format) · payloads · XXH3-64 of everything before, u64
//! ```
//! (little-endian). A file is trusted only whole: the magic, the layout version, the checksum,
//! the header (byline build, language data, configuration and root: anything else is a foreign
//! or stale cache) and every index entry (in order, inside the payloads) are checked on open;
//! whatever fails is reported and the cache starts empty, to be rebuilt by the next save.
//!
//! Writes go to a temporary file in the same folder, renamed over the cache: a reader opens
//! either the old file or the new one, whole, and of two concurrent writers the last rename
//! wins. Nothing is fsynced: after a crash the worst case is a truncated or empty file, which
//! the checksum refuses.

use std::io::{self, BufWriter, Write};
use std::path::Path;

use xxhash_rust::xxh3::{Xxh3, xxh3_64};

const MAGIC: &[u8; 8] = b"BYLINEIX";
/// The layout of this file; the payloads carry their own version ([`byline_core::people::codec::FORMAT`]).
pub const LAYOUT: u32 = 1;
const INDEX_ENTRY: usize = 32;
const CHECKSUM: usize = 8;

/// What a cache entry is found by: the hash of the article's text and its format (the same
/// text is analysed differently as Markdown).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EntryKey {
    pub content: u128,
    pub format: u8,
}

/// Why a cache file was not used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refused {
    /// Shorter than the smallest valid file: a write that did not finish.
    Partial,
    /// Not a byline index cache.
    Foreign,
    /// Written with another layout version.
    Layout(u32),
    /// The checksum does not match: damaged, or cut short.
    Corrupt,
    /// Written for another byline build, language data, configuration or root.
    Stale,
    /// The checksum matches but the index does not hold together (a bug in the writer).
    BadIndex,
    /// The file could not be read.
    Unreadable(String),
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refused::Partial => write!(f, "partial file"),
            Refused::Foreign => write!(f, "not a byline index cache"),
            Refused::Layout(v) => write!(f, "layout version {v}, expected {LAYOUT}"),
            Refused::Corrupt => write!(f, "checksum mismatch"),
            Refused::Stale => write!(f, "written by another byline build, language data, configuration or root"),
            Refused::BadIndex => write!(f, "inconsistent index"),
            Refused::Unreadable(e) => write!(f, "unreadable: {e}"),
        }
    }
}

/// A cache file read and checked: its bytes, and where its index and payloads are.
pub struct Packed {
    bytes: Vec<u8>,
    count: usize,
    index_at: usize,
    payloads_at: usize,
}

impl Packed {
    /// Read `path` and check it against `header`. `Ok(None)`: there is no file.
    pub fn open(path: &Path, header: &[u8]) -> Result<Option<Packed>, Refused> {
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(Refused::Unreadable(e.to_string())),
        };
        Packed::check(bytes, header).map(Some)
    }

    /// Check `bytes` as a cache file whose header must be `header`.
    pub fn check(bytes: Vec<u8>, header: &[u8]) -> Result<Packed, Refused> {
        const FIXED: usize = 8 + 4 + 4 + 8 + CHECKSUM;
        if bytes.len() >= 8 && &bytes[..8] != MAGIC {
            return Err(Refused::Foreign);
        }
        if bytes.len() < FIXED {
            return Err(Refused::Partial);
        }
        let layout = u32_at(&bytes, 8);
        if layout != LAYOUT {
            return Err(Refused::Layout(layout));
        }
        let body = bytes.len() - CHECKSUM;
        if xxh3_64(&bytes[..body]) != u64_at(&bytes, body) {
            return Err(Refused::Corrupt);
        }
        let header_len = u32_at(&bytes, 12) as usize;
        let header_end = 16usize.checked_add(header_len).filter(|&e| e + 8 <= body).ok_or(Refused::BadIndex)?;
        if &bytes[16..header_end] != header {
            return Err(Refused::Stale);
        }
        let count = usize::try_from(u64_at(&bytes, header_end)).map_err(|_| Refused::BadIndex)?;
        let index_at = header_end + 8;
        let payloads_at =
            count.checked_mul(INDEX_ENTRY).and_then(|n| n.checked_add(index_at)).filter(|&p| p <= body).ok_or(Refused::BadIndex)?;
        let packed = Packed { bytes, count, index_at, payloads_at };
        let payload_len = (body - payloads_at) as u64;
        let mut previous = None;
        for i in 0..count {
            let (key, offset, len) = packed.entry(i);
            if previous.is_some_and(|p| p >= key) || offset.checked_add(u64::from(len)).is_none_or(|end| end > payload_len) {
                return Err(Refused::BadIndex);
            }
            previous = Some(key);
        }
        Ok(packed)
    }

    pub fn len(&self) -> usize {
        self.count
    }

    fn entry(&self, i: usize) -> (EntryKey, u64, u32) {
        let at = self.index_at + i * INDEX_ENTRY;
        let content = u128::from_le_bytes(self.bytes[at..at + 16].try_into().expect("16 bytes"));
        let key = EntryKey { content, format: self.bytes[at + 16] };
        (key, u64_at(&self.bytes, at + 20), u32_at(&self.bytes, at + 28))
    }

    /// The position in the index of `key`, if the file has it (binary search: the index is
    /// sorted and was checked to be on open).
    pub fn position(&self, key: EntryKey) -> Option<usize> {
        let (mut lo, mut hi) = (0, self.count);
        while lo < hi {
            let mid = (lo + hi) / 2;
            match self.entry(mid).0.cmp(&key) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(mid),
            }
        }
        None
    }

    /// The key and the payload of the entry at `position`.
    pub fn at(&self, position: usize) -> (EntryKey, &[u8]) {
        let (key, offset, len) = self.entry(position);
        let start = self.payloads_at + offset as usize;
        (key, &self.bytes[start..start + len as usize])
    }
}

/// Write a cache file with `header` and `entries` to `path`, atomically: a temporary file in
/// the same folder, renamed over `path`. Entries are sorted and duplicates dropped here; the
/// number written is returned.
pub fn write(path: &Path, header: &[u8], mut entries: Vec<(EntryKey, &[u8])>) -> io::Result<usize> {
    entries.sort_unstable_by_key(|e| e.0);
    entries.dedup_by_key(|e| e.0);
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let tmp = tempfile::Builder::new().prefix(".tmp-index-").tempfile_in(dir)?;
    {
        let mut out = Checksummed { inner: BufWriter::with_capacity(1 << 20, tmp.as_file()), hash: Xxh3::new() };
        out.put(MAGIC)?;
        out.put(&LAYOUT.to_le_bytes())?;
        let header_len = u32::try_from(header.len()).map_err(|_| io::Error::other("cache header too long"))?;
        out.put(&header_len.to_le_bytes())?;
        out.put(header)?;
        out.put(&(entries.len() as u64).to_le_bytes())?;
        let mut offset = 0u64;
        for (key, payload) in &entries {
            let len = u32::try_from(payload.len()).map_err(|_| io::Error::other("cache entry too long"))?;
            out.put(&key.content.to_le_bytes())?;
            out.put(&[key.format, 0, 0, 0])?;
            out.put(&offset.to_le_bytes())?;
            out.put(&len.to_le_bytes())?;
            offset += u64::from(len);
        }
        for (_, payload) in &entries {
            out.put(payload)?;
        }
        let sum = out.hash.digest();
        out.inner.write_all(&sum.to_le_bytes())?;
        out.inner.flush()?;
    }
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(entries.len())
}

/// Remove temporary files that writers which died left in `dir` (older than an hour: a write
/// in progress is never that old).
pub fn remove_abandoned(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let old = e.metadata().and_then(|m| m.modified()).ok().and_then(|t| t.elapsed().ok()).is_some_and(|age| age.as_secs() > 3600);
        if old && e.file_name().to_string_lossy().starts_with(".tmp-index-") {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

struct Checksummed<W: Write> {
    inner: W,
    hash: Xxh3,
}

impl<W: Write> Checksummed<W> {
    fn put(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.hash.update(bytes);
        self.inner.write_all(bytes)
    }
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(b[at..at + 4].try_into().expect("4 bytes"))
}

fn u64_at(b: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(b[at..at + 8].try_into().expect("8 bytes"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(n: u128) -> EntryKey {
        EntryKey { content: n, format: 0 }
    }

    fn written(entries: Vec<(EntryKey, &[u8])>) -> (tempfile::TempDir, std::path::PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("index.bin");
        write(&path, b"header", entries).unwrap();
        (dir, path)
    }

    #[test]
    fn entries_are_found_by_key() {
        let (_dir, path) = written(vec![(key(9), b"nine"), (key(3), b"three"), (key(3), b"three"), (key(5), b"")]);
        let p = Packed::open(&path, b"header").unwrap().unwrap();
        assert_eq!(p.len(), 3);
        for (k, v) in [(3, &b"three"[..]), (5, b""), (9, b"nine")] {
            let at = p.position(key(k)).unwrap();
            assert_eq!(p.at(at), (key(k), v));
        }
        assert_eq!(p.position(key(4)), None);
        assert_eq!(p.position(EntryKey { content: 3, format: 1 }), None);
    }

    #[test]
    fn no_file_is_no_cache() {
        let dir = tempfile::tempdir().unwrap();
        assert!(Packed::open(&dir.path().join("absent.bin"), b"h").unwrap().is_none());
    }

    #[test]
    fn every_truncation_is_refused() {
        let (_dir, path) = written(vec![(key(1), b"one"), (key(2), b"two")]);
        let bytes = std::fs::read(&path).unwrap();
        for n in 0..bytes.len() {
            let r = Packed::check(bytes[..n].to_vec(), b"header");
            assert!(matches!(r, Err(Refused::Partial | Refused::Corrupt)), "{n} bytes: {:?}", r.err());
        }
    }

    #[test]
    fn every_flipped_byte_is_refused() {
        let (_dir, path) = written(vec![(key(1), b"one"), (key(2), b"two")]);
        let bytes = std::fs::read(&path).unwrap();
        for i in 0..bytes.len() {
            let mut b = bytes.clone();
            b[i] ^= 0x20;
            assert!(Packed::check(b, b"header").is_err(), "byte {i} flipped was accepted");
        }
    }

    #[test]
    fn another_header_is_stale_and_another_file_foreign() {
        let (_dir, path) = written(vec![(key(1), b"one")]);
        assert!(matches!(Packed::open(&path, b"other!"), Err(Refused::Stale)));
        std::fs::write(&path, b"{\"not\": \"a cache at all, but long enough\"}").unwrap();
        assert!(matches!(Packed::open(&path, b"header"), Err(Refused::Foreign)));
    }

    #[test]
    fn another_layout_is_refused() {
        let (_dir, path) = written(vec![(key(1), b"one")]);
        let mut bytes = std::fs::read(&path).unwrap();
        bytes[8] = 99;
        // Refused for its layout before its checksum is even read.
        assert_eq!(Packed::check(bytes, b"header").err(), Some(Refused::Layout(99)));
    }

    #[test]
    fn an_index_out_of_its_payloads_is_refused_even_with_a_good_checksum() {
        let (_dir, path) = written(vec![(key(1), b"one")]);
        let mut bytes = std::fs::read(&path).unwrap();
        let header_end = 16 + 6;
        let len_at = header_end + 8 + 28;
        bytes[len_at] = 200;
        let body = bytes.len() - 8;
        let sum = xxh3_64(&bytes[..body]).to_le_bytes();
        bytes[body..].copy_from_slice(&sum);
        assert_eq!(Packed::check(bytes, b"header").err(), Some(Refused::BadIndex));
    }

    #[test]
    fn concurrent_writers_never_give_a_torn_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("index.bin");
        let payloads: Vec<Vec<u8>> = (0..4).map(|w| vec![w as u8; 200_000]).collect();
        std::thread::scope(|s| {
            for (w, payload) in payloads.iter().enumerate() {
                let path = &path;
                s.spawn(move || {
                    for round in 0..10u128 {
                        write(path, b"header", vec![(key(round), payload), (key(100 + w as u128), payload)]).unwrap();
                    }
                });
            }
            let path = &path;
            s.spawn(move || {
                let mut seen = 0;
                while seen < 200 {
                    match Packed::open(path, b"header") {
                        Ok(Some(p)) => {
                            // Whole: both of one writer's entries, each all one byte.
                            let (_, a) = p.at(0);
                            let (_, b) = p.at(1);
                            assert_eq!(a.len(), 200_000);
                            assert!(a.iter().all(|&x| x == a[0]) && b == a);
                        }
                        Ok(None) => {}
                        Err(e) => panic!("a reader saw a torn cache: {e}"),
                    }
                    seen += 1;
                }
            });
        });
        let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(leftovers, 1, "temporary files left behind");
    }
}
