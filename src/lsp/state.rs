//! The single owner of mutable server state.
//!
//! LSP handlers never touch documents or the index: they forward client notifications
//! ([`ClientEvent`]) into one channel, and this task applies them one at a time, puts
//! `didChange` batches back in version order ([`super::reorder`]), starts analyses on blocking
//! threads, folds their results and the workspace loader's ([`loader`]) into the workspace
//! index, publishes diagnostics (with the document version, never for a superseded text) and
//! progress through one ordered publisher, and, after every batch of events, publishes an
//! immutable [`Snapshot`] that queries read. Each document is stored once ([`Documents`]): the
//! snapshot shares the very map this task edits.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use byline_core::Analysis;
use byline_core::index::WorkspaceIndex;
use byline_core::people::DocPeople;
use ropey::Rope;
use serde_json::Value;
use tokio::sync::{mpsc, watch};
use tower_lsp_server::Client;
use tower_lsp_server::ls_types::{
    Diagnostic, FileChangeType, FileEvent, MessageType, PublishDiagnosticsParams, TextDocumentContentChangeEvent, Uri,
};

use super::analysis::{analyze_guarded_incremental, format_of, load_file};
use super::config::Settings;
use super::diagnostics::{SpellingInput, cross_diagnostics, settings_for, with_ledger};
use super::documents::{Buffer, Document, Documents, apply_changes};
use super::loader::{self, LoaderEvent};
use super::positions::Encoding;
use super::progress::{Progress, ProgressOut};
use super::refresh::{ViewsCapable, ViewsRefresh};
use super::reorder::{Verdict, VersionQueue};
use super::snapshot::{Analyzed, Content, DocKey, Snapshot, file_path_of, key_of};
use super::transport::Notifier;
use super::workspace::{self, Desks};
use crate::desk;
use crate::files::{FileFilter, ReadError, ignored_under};
use crate::ledger::Ledger;

/// How long a `didChange` that arrived ahead of its predecessor waits for it.
pub const REORDER_WAIT: Duration = Duration::from_millis(100);

/// While only files read by the walk arrive, a new snapshot is taken at most every
/// [`walk_snapshot_every`]: each snapshot shares the index with the requests that hold it, so
/// the next batch folded in copies the index nodes it touches, and the files walked between
/// two snapshots are filed in one batch ([`WorkspaceIndex::set_documents`]): the fewer the
/// batches, the more of each document set is built whole instead of entry by entry. Anything
/// else (an edit, a request's event, the end of the walk) takes one at once.
const WALK_SNAPSHOT_EVERY: Duration = Duration::from_millis(100);

/// The most files the walk's batch holds before it is filed (without a snapshot): what waits
/// in a batch is memory the index does not share yet, and a cold walk of 10,000 articles has
/// little to spare under its 250 MB.
const WALK_BATCH_AT_MOST: usize = 1024;

/// The longest a walk's files wait for a snapshot: what a hover during a long walk may miss.
const WALK_SNAPSHOT_AT_MOST: Duration = Duration::from_secs(1);

/// How long the walk's files may wait for a snapshot, `age` into the walk: a quarter of the
/// walk's age, between [`WALK_SNAPSHOT_EVERY`] and [`WALK_SNAPSHOT_AT_MOST`] (a small workspace
/// is served at once; a big one in a few batches that grow with it).
fn walk_snapshot_every(age: Duration) -> Duration {
    (age / 4).clamp(WALK_SNAPSHOT_EVERY, WALK_SNAPSHOT_AT_MOST)
}

/// Notifications from the client, in the order the handlers forwarded them.
#[derive(Debug)]
pub enum ClientEvent {
    Init {
        encoding: Encoding,
        settings: Value,
        roots: Vec<PathBuf>,
        progress: bool,
        /// The client pulls diagnostics (see [`super::pull`]).
        pull: bool,
        /// The client supports `workspace/diagnostic/refresh`.
        refresh: bool,
        /// The client supports `workspace/inlayHint/refresh`.
        inlay_refresh: bool,
        /// The code lens and semantic token refreshes the client supports.
        views: ViewsCapable,
    },
    Initialized,
    Open {
        uri: Uri,
        version: i32,
        language: String,
        text: String,
    },
    Change {
        uri: Uri,
        version: i32,
        changes: Vec<TextDocumentContentChangeEvent>,
    },
    Close {
        uri: Uri,
    },
    Watched(Vec<FileEvent>),
    Settings(Value),
    Folders {
        added: Vec<PathBuf>,
        removed: Vec<PathBuf>,
    },
    /// `didSave`: a saved `byline.toml` or ledger is read again; so are the ledger's orphans.
    Saved {
        uri: Uri,
    },
    /// Read `byline.toml` and the ledger again (after a command wrote one of them).
    Reload,
}

/// Results of work the state task started.
#[derive(Debug)]
pub enum Internal {
    /// `people` is the analysis' people, shared with the index (copied on the analysis thread).
    Analyzed { key: DocKey, result: Analyzed, people: Arc<DocPeople> },
    /// A file read from disk and analysed for content generation `generation` (watched-file
    /// event, `didClose`): kept only while the document is still at that generation.
    DiskLoaded { key: DocKey, uri: Uri, generation: u64, result: Result<loader::Prepared, ReadError> },
    /// The analysis of an open document panicked (a bug): it is reported, and the document
    /// gets an empty analysis until its text changes.
    Failed { key: DocKey, why: String },
    /// `byline.toml` and the ledger, read for reload number `seq`.
    DeskLoaded { seq: u64, loaded: Box<workspace::Loaded> },
}

/// Why a file was read from disk; its result is dropped when that reason is out of date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Origin {
    /// Found by workspace walk number `n`: kept only while that walk is the current one.
    Walk(u64),
    /// Asked for by the state task for this content generation (watched-file event,
    /// `didClose`): kept only while the document is still at that generation.
    Requested(u64),
}

/// Everything the state task applies, in the order it arrives.
#[derive(Debug)]
pub enum Msg {
    Client(ClientEvent),
    Internal(Internal),
    /// What a workspace walk found ([`loader`]).
    Loader(LoaderEvent),
}

/// Messages to the client, sent in order by one publisher task.
#[derive(Debug)]
pub enum Out {
    Diagnostics(Uri, Vec<Diagnostic>, Option<i32>),
    /// The findings of an analysis, converted to diagnostics by the publisher (on a blocking
    /// thread: for a big document that is real work, which must not hold up the state task).
    Findings {
        uri: Uri,
        analyzed: Arc<Analyzed>,
        settings: Arc<Settings>,
        encoding: Encoding,
        /// The ledger and the document's workspace-relative path, for the findings' statuses.
        ledger: Option<(Arc<Ledger>, String)>,
        /// For the `name-spelling` diagnostics (none when that code is off).
        spelling: Option<SpellingInput>,
    },
    Log(MessageType, String),
    /// A message the editor shows to the user (`window/showMessage`).
    Show(MessageType, String),
    /// Ask the client to pull diagnostics again (`workspace/diagnostic/refresh`).
    Refresh,
    /// Ask the client for inlay hints again (`workspace/inlayHint/refresh`).
    InlayRefresh,
    /// The workspace walk's `$/progress` (begun, reported, ended), in order with the rest.
    Progress(Progress),
    /// Ask the client for code lenses and/or semantic tokens again: another article changed the
    /// people ([`super::refresh`]).
    ViewsRefresh(ViewsCapable),
}

/// What handlers hold: a way in (events) and a way out (snapshots).
#[derive(Clone)]
pub struct Handle {
    tx: mpsc::UnboundedSender<Msg>,
    sent: Arc<AtomicU64>,
    snapshots: watch::Receiver<Arc<Snapshot>>,
}

impl Handle {
    /// Forward a client notification to the state task.
    pub fn send(&self, ev: ClientEvent) {
        if self.tx.send(Msg::Client(ev)).is_ok() {
            self.sent.fetch_add(1, Ordering::SeqCst);
        } else {
            log!("state task has stopped; dropping an event");
        }
    }

    /// A snapshot that reflects every notification forwarded so far and, when `key` is given,
    /// a current analysis of that document; after `wait` the latest snapshot is returned as is.
    /// With `whole_workspace`, also wait for the initial walk of the workspace folders.
    pub async fn snapshot(&self, key: Option<&str>, whole_workspace: bool, wait: Duration) -> Arc<Snapshot> {
        self.snapshot_with(key, whole_workspace, false, wait).await
    }

    /// [`Handle::snapshot`]; with `desk`, also wait for a pending read of `byline.toml` and the
    /// ledger (queries that report or record checks).
    pub async fn snapshot_with(&self, key: Option<&str>, whole_workspace: bool, desk: bool, wait: Duration) -> Arc<Snapshot> {
        let want = self.sent.load(Ordering::SeqCst);
        let mut rx = self.snapshots.clone();
        let ready = |s: &Arc<Snapshot>| {
            s.applied >= want
                && key.is_none_or(|k| s.doc(k).is_none_or(Document::is_current))
                && (!whole_workspace || s.indexed)
                && (!desk || !s.desk_pending)
        };
        let result = tokio::time::timeout(wait, async { rx.wait_for(ready).await.map(|r| Arc::clone(&r)) }).await;
        match result {
            Ok(Ok(s)) => s,
            _ => Arc::clone(&self.snapshots.borrow()),
        }
    }
}

/// Start the state task and the diagnostics publisher, each on a thread of its own; diagnostics
/// go to the client through `notifier`, past tower-lsp-server.
pub fn spawn(client: Client, notifier: Notifier) -> Handle {
    let (tx, rx) = mpsc::unbounded_channel();
    let (out_tx, mut out_rx) = mpsc::unbounded_channel::<Out>();
    let (snap_tx, snap_rx) = watch::channel(Arc::new(Snapshot::default()));
    let publisher = client;
    on_own_thread("byline-publish", async move {
        let mut progress = ProgressOut::default();
        while let Some(out) = out_rx.recv().await {
            match out {
                Out::Diagnostics(uri, diags, version) => {
                    notifier.send(diagnostics_frame(uri, diags, version));
                }
                Out::Findings { uri, analyzed, settings, encoding, ledger, spelling } => {
                    let what = uri.to_string();
                    let convert = move || {
                        let ledger = ledger.as_ref().map(|(l, rel)| (&**l, rel.as_str()));
                        let mut diags = with_ledger(&analyzed.analysis.findings, &analyzed.rope, ledger, encoding, &settings);
                        if let Some(input) = &spelling {
                            diags.extend(cross_diagnostics(input, &key_of(&uri), &analyzed.rope, encoding));
                        }
                        diagnostics_frame(uri, diags, analyzed.version)
                    };
                    match tokio::task::spawn_blocking(convert).await {
                        Ok(frame) => {
                            notifier.send(frame);
                        }
                        Err(e) => log!("converting diagnostics for {what} failed: {e}"),
                    }
                }
                Out::Log(kind, message) => publisher.log_message(kind, message).await,
                Out::Show(kind, message) => publisher.show_message(kind, message).await,
                Out::Refresh => {
                    let asked = tokio::time::timeout(Duration::from_secs(5), publisher.workspace_diagnostic_refresh());
                    if let Ok(Err(e)) = asked.await {
                        log!("workspace/diagnostic/refresh failed: {e}");
                    }
                }
                Out::InlayRefresh => {
                    let asked = tokio::time::timeout(Duration::from_secs(5), publisher.inlay_hint_refresh());
                    if let Ok(Err(e)) = asked.await {
                        log!("workspace/inlayHint/refresh failed: {e}");
                    }
                }
                Out::Progress(p) => progress.send(p, &publisher, &notifier).await,
                Out::ViewsRefresh(what) => super::refresh::ask(&publisher, what).await,
            }
        }
    });
    let state = State {
        tx: tx.clone(),
        out: out_tx,
        snap_tx,
        encoding: Encoding::Utf16,
        settings: Arc::new(Settings::default()),
        editor_settings: Value::Null,
        desks: Arc::new(Desks::default()),
        desk_seq: 0,
        desk_pending: false,
        shown_config_errors: HashSet::new(),
        pull_capable: false,
        refresh_capable: false,
        inlay_refresh: false,
        views_refresh: ViewsRefresh::default(),
        filter: FileFilter::default(),
        roots: Vec::new(),
        progress: false,
        initialized: false,
        walk_after_desk: false,
        orphans_after_reanalysis: false,
        docs: Documents::new(),
        index: Arc::new(WorkspaceIndex::new()),
        orphans: HashMap::new(),
        held: HashSet::new(),
        reading: HashSet::new(),
        failed_shown: HashSet::new(),
        applied: 0,
        next_generation: 1,
        walked: Vec::new(),
        walk: 0,
        current_walk: Arc::new(AtomicU64::new(0)),
        indexed: true, // nothing to wait for until a walk starts
        progress_walks: HashSet::new(),
        dirty: false,
        urgent: false,
        last_snapshot: Instant::now(),
        walk_started: Instant::now(),
        spelling_published: HashMap::new(),
    };
    on_own_thread("byline-state", state.run(rx));
    Handle { tx, sent: Arc::new(AtomicU64::new(0)), snapshots: snap_rx }
}

/// A `textDocument/publishDiagnostics` notification, serialised.
fn diagnostics_frame(uri: Uri, diagnostics: Vec<Diagnostic>, version: Option<i32>) -> Vec<u8> {
    let params = PublishDiagnosticsParams { uri, diagnostics, version };
    Notifier::frame("textDocument/publishDiagnostics", &params)
}

/// Run `task` on a thread of its own (with a single-threaded runtime). The state task and the
/// publisher do real work synchronously now and then (folding a big document into the index,
/// serialising its diagnostics); on a worker of the shared runtime that would also hold up
/// the tasks queued on that worker — the transport's, a request's response — for as long.
fn on_own_thread(name: &str, task: impl std::future::Future<Output = ()> + Send + 'static) {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build();
    let started = runtime.map_err(|e| e.to_string()).and_then(|rt| {
        let run = move || rt.block_on(task);
        std::thread::Builder::new().name(name.into()).spawn(run).map_err(|e| e.to_string())
    });
    if let Err(e) = started {
        panic!("byline: cannot start the {name} thread: {e}");
    }
}

struct State {
    tx: mpsc::UnboundedSender<Msg>,
    out: mpsc::UnboundedSender<Out>,
    snap_tx: watch::Sender<Arc<Snapshot>>,
    encoding: Encoding,
    settings: Arc<Settings>,
    /// The editor's settings as last sent (laid over `byline.toml`).
    editor_settings: Value,
    /// The workspace's `byline.toml` and ledger in force.
    desks: Arc<Desks>,
    /// The number of the latest reload of the desk; older results are dropped.
    desk_seq: u64,
    /// A read of the desk is on its way (queries that need it wait).
    desk_pending: bool,
    /// Configuration errors the user was shown (`window/showMessage` once per error).
    shown_config_errors: HashSet<String>,
    /// The client pulls diagnostics (it can, and `diagnostics.pull` was on at `initialize`).
    pull_capable: bool,
    /// The client can be asked to pull diagnostics again (`workspace/diagnostic/refresh`).
    refresh_capable: bool,
    /// The client can be asked for inlay hints again (`workspace/inlayHint/refresh`).
    inlay_refresh: bool,
    /// Code lenses and semantic tokens to refresh when another article changes the people.
    views_refresh: ViewsRefresh,
    filter: FileFilter,
    roots: Vec<PathBuf>,
    progress: bool,
    initialized: bool,
    /// The first walk waits for the first read of the desk, so that it analyses with the desk's
    /// language data (`[sources]` of `byline.toml`) from the start.
    walk_after_desk: bool,
    /// The open documents are being analysed again with new language data: once all are, the
    /// ledger's orphans are found again (they were found against the old analyses).
    orphans_after_reanalysis: bool,
    /// Every document, stored once: the snapshot shares this very map ([`Documents`]).
    docs: Documents,
    index: Arc<WorkspaceIndex>,
    /// Changes to documents that are not open (yet): kept briefly in case their `didOpen`
    /// was overtaken, then dropped.
    orphans: HashMap<DocKey, Vec<(i32, Vec<TextDocumentContentChangeEvent>, Instant)>>,
    /// Open documents with held-back changes.
    held: HashSet<DocKey>,
    /// Files with a read from disk in flight ([`State::load_from_disk`]).
    reading: HashSet<DocKey>,
    /// Documents whose analysis failed with an internal error and that the user was shown a
    /// message about (once per document; later failures are only logged).
    failed_shown: HashSet<DocKey>,
    applied: u64,
    next_generation: u64,
    /// Files the walk delivered since the index was last written: filed in one batch
    /// ([`WorkspaceIndex::set_documents`]) before anything reads the index or a snapshot is taken.
    walked: Vec<(DocKey, byline_core::index::PreparedDocument)>,
    /// The number of the current workspace walk.
    walk: u64,
    /// The same number, shared with the walks: a walk that is no longer current stops.
    current_walk: Arc<AtomicU64>,
    indexed: bool,
    /// Walks whose `$/progress` has begun and not yet ended.
    progress_walks: HashSet<u64>,
    dirty: bool,
    /// Whether what was applied since the last snapshot is more than files read by the walk
    /// (which can wait for [`walk_snapshot_every`]).
    urgent: bool,
    last_snapshot: Instant,
    /// When the current walk started.
    walk_started: Instant,
    /// The index's spelling version each open document's diagnostics were last published with:
    /// when the spellings change (an edit elsewhere), the others are published again.
    spelling_published: HashMap<DocKey, u64>,
}

impl State {
    async fn run(mut self, mut rx: mpsc::UnboundedReceiver<Msg>) {
        loop {
            let msg = match self.next_deadline() {
                Some(deadline) => tokio::select! {
                    m = rx.recv() => m,
                    _ = tokio::time::sleep_until(deadline.into()) => {
                        self.fold_walked();
                        self.guarded(|s| s.release_due(Instant::now()));
                        if let Some(what) = self.views_refresh.take_due(Instant::now()) {
                            self.send_out(Out::ViewsRefresh(what));
                        }
                        if self.dirty {
                            self.snapshot_and_republish();
                        }
                        continue;
                    }
                },
                None => rx.recv().await,
            };
            let Some(msg) = msg else { break };
            self.handle(msg);
            // Apply whatever else is already queued before taking a snapshot.
            for _ in 0..256 {
                match rx.try_recv() {
                    Ok(m) => self.handle(m),
                    Err(_) => break,
                }
            }
            if self.snapshot_due() {
                self.snapshot_and_republish();
            }
        }
    }

    fn guarded(&mut self, f: impl FnOnce(&mut Self)) {
        if std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(self))).is_err() {
            log!("internal error while updating state (see the panic message above); carrying on");
        }
    }

    fn handle(&mut self, msg: Msg) {
        if !matches!(msg, Msg::Loader(_)) {
            // Every other event sees the index with the files walked before it.
            self.fold_walked();
        }
        match msg {
            Msg::Client(ev) => {
                self.guarded(|s| s.on_client(ev));
                self.applied += 1;
            }
            Msg::Internal(ev) => self.guarded(|s| s.on_internal(ev)),
            Msg::Loader(ev) => {
                let urgent = !matches!(ev, LoaderEvent::Loaded { .. });
                self.guarded(|s| s.on_loader(ev));
                // (After it: the walk's end publishes a snapshot itself, and the end of the
                // batch must still republish what depends on the whole workspace.)
                self.urgent |= urgent;
                self.dirty = true;
                return;
            }
        }
        self.urgent = true;
        self.dirty = true;
    }

    fn generation(&mut self) -> u64 {
        self.next_generation += 1;
        self.next_generation
    }

    /// A snapshot, then what depends on the whole workspace (the cross-file diagnostics of
    /// open documents, the views' refresh) republished from it, then a snapshot of that.
    fn snapshot_and_republish(&mut self) {
        self.publish_snapshot();
        self.guarded(|s| s.republish_spellings());
        self.views_refresh.note(self.index.people_version(), self.indexed, Instant::now());
        self.publish_snapshot();
    }

    /// Whether the end of a batch takes a snapshot now: always, unless the batch only folded
    /// in files read by the walk and the last snapshot is younger than [`walk_snapshot_every`]
    /// (the deadline of [`Self::next_deadline`] then takes it).
    fn snapshot_due(&self) -> bool {
        self.urgent || self.last_snapshot.elapsed() >= self.walk_snapshot_every()
    }

    fn walk_snapshot_every(&self) -> Duration {
        walk_snapshot_every(self.walk_started.elapsed())
    }

    /// File the files walked since the last time into the index, in one batch.
    fn fold_walked(&mut self) {
        if !self.walked.is_empty() {
            let batch = std::mem::take(&mut self.walked);
            self.guarded(|s| Arc::make_mut(&mut s.index).set_documents(batch));
        }
    }

    fn publish_snapshot(&mut self) {
        self.replace_snapshot();
    }

    /// Publish a snapshot if anything changed, and hand back the one it replaces. Dropping that
    /// one can free the last copy of a long article's previous analysis: a caller on the way to
    /// sending diagnostics drops it after sending them.
    fn replace_snapshot(&mut self) -> Option<Arc<Snapshot>> {
        self.fold_walked();
        if !std::mem::take(&mut self.dirty) {
            return None;
        }
        self.urgent = false;
        self.last_snapshot = Instant::now();
        let previous = self.snap_tx.send_replace(Arc::new(Snapshot {
            applied: self.applied,
            encoding: self.encoding,
            docs: self.docs.clone(),
            index: self.index.clone(),
            indexed: self.indexed,
            desks: self.desks.clone(),
            settings: self.settings.clone(),
            pull: self.pulling(),
            desk_pending: self.desk_pending,
        }));
        if self.indexed {
            let _ = super::listing_warm::after_publish(&self.index, self.snap_tx.subscribe());
        } else {
            // During a walk, the previous snapshot is often the last holder of the index nodes
            // the batch just copied: freeing them is work the walk's next batch need not wait for.
            tokio::task::spawn_blocking(move || drop(previous));
            return None;
        }
        Some(previous)
    }

    fn send_out(&self, out: Out) {
        let _ = self.out.send(out);
    }

    // ---- client notifications -------------------------------------------------------------

    fn on_client(&mut self, ev: ClientEvent) {
        match ev {
            ClientEvent::Init { encoding, settings, roots, progress, pull, refresh, inlay_refresh, views } => {
                self.views_refresh = ViewsRefresh::new(views);
                self.encoding = encoding;
                self.pull_capable = pull;
                self.refresh_capable = refresh;
                self.inlay_refresh = inlay_refresh;
                // The walk starts with `initialized`; until it has run, whole-workspace
                // queries wait for it rather than answer from an empty index.
                self.indexed = roots.is_empty();
                self.desk_pending = !roots.is_empty();
                self.roots = roots;
                self.progress = progress;
                self.apply_settings(&settings);
            }
            ClientEvent::Initialized => {
                self.initialized = true;
                self.reload_desk();
                if self.desk_pending {
                    self.walk_after_desk = true;
                } else {
                    self.start_walk();
                }
            }
            ClientEvent::Reload => self.reload_desk(),
            ClientEvent::Saved { uri } => {
                // A saved article may have changed which checks are orphans; a saved
                // configuration file is read again.
                if file_path_of(&uri).is_some() {
                    self.reload_desk();
                }
            }
            ClientEvent::Open { uri, version, language, text } => self.on_open(uri, version, &language, text),
            ClientEvent::Change { uri, version, changes } => self.on_change(uri, version, changes),
            ClientEvent::Close { uri } => self.on_close(uri),
            ClientEvent::Watched(events) => self.on_watched(events),
            ClientEvent::Settings(v) => self.apply_settings(&v),
            ClientEvent::Folders { added, removed } => self.on_folders(added, removed),
        }
    }

    fn on_open(&mut self, uri: Uri, version: i32, language: &str, text: String) {
        if self.is_config(&uri) {
            return; // byline.toml and the ledger are configuration, not articles
        }
        let key = key_of(&uri);
        let format = format_of(&uri, language);
        let generation = self.generation();
        let (content, running) = match self.docs.remove(&key) {
            Some(old) => (old.content.clone(), old.running),
            None => (None, false),
        };
        let analyzer = new_analyzer(&self.desks.desk.lexicon);
        let buffer = Some(Buffer { version, rope: Rope::from_str(&text), format, queue: VersionQueue::default(), analyzer });
        self.docs.insert(key.clone(), Arc::new(Document { uri, generation, content, buffer, running }));
        // Changes that overtook this didOpen.
        if let Some(mut early) = self.orphans.remove(&key) {
            early.sort_by_key(|(v, _, _)| *v);
            for (v, changes, at) in early {
                self.offer_change(&key, v, changes, at);
            }
        }
        self.schedule_analysis(&key);
    }

    fn on_change(&mut self, uri: Uri, version: i32, changes: Vec<TextDocumentContentChangeEvent>) {
        if self.is_config(&uri) {
            self.reload_desk(); // what is on disk now (the buffer is read again when saved)
            return;
        }
        let key = key_of(&uri);
        if self.docs.get(&key).is_some_and(|d| d.is_open()) {
            self.offer_change(&key, version, changes, Instant::now());
        } else {
            log!("didChange for {} (version {version}), which is not open: held briefly, then ignored", uri.as_str());
            self.orphans.entry(key).or_default().push((version, changes, Instant::now()));
        }
    }

    fn offer_change(&mut self, key: &DocKey, version: i32, changes: Vec<TextDocumentContentChangeEvent>, at: Instant) {
        let Some(Buffer { version: current, queue, .. }) = edit(&mut self.docs, key).and_then(|d| d.buffer.as_mut()) else {
            return;
        };
        let full = changes.iter().any(|c| c.range.is_none());
        let current = *current;
        let (verdict, ready) = queue.offer(current, version, full, changes, at);
        let still_held = !queue.is_empty();
        match verdict {
            Verdict::Stale => log!("dropping stale didChange version {version} (document is at {current})"),
            Verdict::Held => log!("didChange version {version} arrived before {}: holding it back", current + 1),
            Verdict::Ready => self.apply_ready(key, ready),
        }
        if still_held {
            self.held.insert(key.clone());
        } else {
            self.held.remove(key);
        }
    }

    fn apply_ready(&mut self, key: &DocKey, ready: Vec<(i32, Vec<TextDocumentContentChangeEvent>)>) {
        if ready.is_empty() {
            return;
        }
        let enc = self.encoding;
        let generation = self.generation();
        let Some(doc) = edit(&mut self.docs, key) else { return };
        let Some(Buffer { version, rope, .. }) = &mut doc.buffer else { return };
        for (v, changes) in ready {
            apply_changes(rope, &changes, enc);
            *version = v;
        }
        doc.generation = generation;
        self.schedule_analysis(key);
    }

    fn on_close(&mut self, uri: Uri) {
        let key = key_of(&uri);
        if !self.docs.get(&key).is_some_and(|d| d.is_open()) {
            log!("didClose for {}, which is not open: ignored", uri.as_str());
            return;
        }
        self.held.remove(&key);
        self.send_out(Out::Diagnostics(uri.clone(), Vec::new(), None));
        // Fall back to the file on disk when it belongs to the workspace.
        let on_disk = file_path_of(&uri).filter(|p| p.is_file() && self.filter.matches_under(&self.roots, p));
        match on_disk {
            Some(path) => {
                let generation = self.generation();
                if let Some(d) = edit(&mut self.docs, &key) {
                    d.buffer = None;
                    d.generation = generation;
                }
                self.load_from_disk(key.clone(), uri, path, generation);
            }
            None => {
                self.docs.remove(&key);
                Arc::make_mut(&mut self.index).remove_document(&key);
            }
        }
    }

    fn on_watched(&mut self, events: Vec<FileEvent>) {
        if events.iter().any(|ev| self.is_config(&ev.uri)) {
            self.reload_desk();
        }
        for ev in events {
            let key = key_of(&ev.uri);
            if self.docs.get(&key).is_some_and(|d| d.is_open()) {
                continue; // the editor's buffer wins over the file on disk
            }
            let Some(path) = file_path_of(&ev.uri) else {
                log!("ignoring a watched-file event for {}: not a local file: URI", ev.uri.as_str());
                continue;
            };
            if ev.typ == FileChangeType::DELETED {
                self.forget_disk(&key);
                // A deleted folder takes its files with it.
                let prefix = format!("{}/", key.trim_end_matches('/'));
                let under: Vec<DocKey> =
                    self.docs.iter().filter(|(k, d)| k.starts_with(&prefix) && !d.is_open()).map(|(k, _)| k.clone()).collect();
                for k in under {
                    self.forget_disk(&k);
                }
            } else if self.filter.matches_under(&self.roots, &path) && !ignored_under(&self.roots, &path) {
                let generation = self.generation();
                match edit(&mut self.docs, &key) {
                    Some(d) => d.generation = generation,
                    None => {
                        let doc = Document { uri: ev.uri.clone(), generation, content: None, buffer: None, running: false };
                        self.docs.insert(key.clone(), Arc::new(doc));
                    }
                }
                self.load_from_disk(key.clone(), ev.uri, path, generation);
            }
        }
    }

    fn on_folders(&mut self, added: Vec<PathBuf>, removed: Vec<PathBuf>) {
        self.roots.retain(|r| !removed.contains(r));
        // Files that belonged only to a removed folder leave the index.
        let gone: Vec<DocKey> = self
            .docs
            .iter()
            .filter(|(_, d)| !d.is_open())
            .filter(|(_, d)| {
                file_path_of(&d.uri)
                    .is_some_and(|p| removed.iter().any(|r| p.starts_with(r)) && !self.roots.iter().any(|r| p.starts_with(r)))
            })
            .map(|(k, _)| k.clone())
            .collect();
        for key in gone {
            self.forget_disk(&key);
        }
        let mut new = false;
        for r in added {
            if !self.roots.contains(&r) {
                self.roots.push(r);
                new = true;
            }
        }
        // A walk still running over a removed folder is superseded (its late results would
        // bring the removed files back); the new walk skips files already read.
        let walking_removed = !removed.is_empty() && !self.indexed;
        if (new || walking_removed) && self.initialized {
            self.start_walk();
        }
    }

    /// An internal error (a panic) while analysing a document: logged to the client every time,
    /// shown to the user once per document, so a bug never silently leaves an article without
    /// diagnostics or people.
    fn report_failure(&mut self, key: &DocKey, uri: &Uri, why: &str) {
        let text = format!(
            "byline: internal error while analysing {}: {why}. Its diagnostics and people are missing; this is a bug in byline, please report it.",
            uri.as_str()
        );
        self.send_out(Out::Log(MessageType::ERROR, text.clone()));
        if self.failed_shown.insert(key.clone()) {
            self.send_out(Out::Show(MessageType::ERROR, text));
        }
    }

    fn forget_disk(&mut self, key: &DocKey) {
        if self.docs.get(key).is_some_and(|d| !d.is_open()) {
            self.docs.remove(key);
            Arc::make_mut(&mut self.index).remove_document(key);
        }
    }

    fn apply_settings(&mut self, value: &Value) {
        if !Settings::present_in(value) {
            return;
        }
        self.editor_settings = value.clone();
        self.recompute_settings(true);
    }

    /// The settings in force: the editor's over `byline.toml`'s; applied to what depends on them.
    fn recompute_settings(&mut self, report: bool) {
        let (settings, problems) = Settings::from_json_over(Settings::from_desk(&self.desks.desk), &self.editor_settings);
        let problems = if report { problems } else { Vec::new() };
        for p in problems {
            log!("settings: {p}");
            self.send_out(Out::Log(MessageType::WARNING, format!("byline settings: {p}")));
        }
        let files_changed = settings.include != self.settings.include
            || settings.exclude != self.settings.exclude
            || settings.max_file_size != self.settings.max_file_size;
        let levels_changed = settings.levels != self.settings.levels
            || settings.show_checked != self.settings.show_checked
            || settings.pull != self.settings.pull;
        if files_changed {
            match FileFilter::new(&settings.include, &settings.exclude) {
                Ok(f) => self.filter = f,
                Err(e) => log!("settings: bad file globs: {e}"),
            }
        }
        let hints_changed = settings.inlay_hints != self.settings.inlay_hints;
        self.settings = Arc::new(settings);
        if hints_changed && self.inlay_refresh {
            // After the snapshot with the new settings, so that the client's new requests see it.
            self.dirty = true;
            self.publish_snapshot();
            self.send_out(Out::InlayRefresh);
        }
        if levels_changed {
            self.refresh_pulled();
            let open: Vec<DocKey> = self.docs.iter().filter(|(_, d)| d.is_open()).map(|(k, _)| k.clone()).collect();
            for key in open {
                self.publish_diagnostics(&key);
            }
        }
        if files_changed && self.initialized {
            // Files that no longer match leave the index; newly matching ones come in.
            let disk: Vec<DocKey> = self.docs.iter().filter(|(_, d)| !d.is_open()).map(|(k, _)| k.clone()).collect();
            for key in disk {
                self.forget_disk(&key);
            }
            self.start_walk();
        }
    }

    // ---- work and its results --------------------------------------------------------------

    fn schedule_analysis(&mut self, key: &DocKey) {
        let Some(doc) = self.docs.get(key) else { return };
        let Some(Buffer { version, rope, format, analyzer, .. }) = &doc.buffer else { return };
        if doc.running {
            return; // the running analysis is stale; its result restarts us on the current text
        }
        let (generation, version, rope, format, analyzer) = (doc.generation, *version, rope.clone(), *format, analyzer.clone());
        let (tx, key, what) = (self.tx.clone(), key.clone(), doc.uri.as_str().to_string());
        if let Some(doc) = edit(&mut self.docs, &key) {
            doc.running = true;
        }
        tokio::task::spawn_blocking(move || {
            let text = text_of(&rope);
            let analysis = analyze_guarded_incremental(&analyzer, &text, format, &what).unwrap_or_else(|why| {
                let _ = tx.send(Msg::Internal(Internal::Failed { key: key.clone(), why }));
                Analysis::default()
            });
            let people = Arc::new(analysis.people.clone());
            let result = Analyzed { generation, version: Some(version), rope, analysis };
            let _ = tx.send(Msg::Internal(Internal::Analyzed { key, result, people }));
        });
    }

    /// Read a file (not open) for content generation `generation`, on a blocking thread. At
    /// most one read per file is in flight: a request made meanwhile is served when that read
    /// comes back stale (so an event storm costs two reads, not one thread per event).
    fn load_from_disk(&mut self, key: DocKey, uri: Uri, path: PathBuf, generation: u64) {
        if !self.reading.insert(key.clone()) {
            return;
        }
        let (tx, max, lexicon) = (self.tx.clone(), self.settings.max_file_size, self.desks.desk.lexicon);
        tokio::task::spawn_blocking(move || {
            let result = load_file(&path, max, lexicon.lexicon()).map(loader::prepare);
            let _ = tx.send(Msg::Internal(Internal::DiskLoaded { key, uri, generation, result }));
        });
    }

    /// Start a walk of the workspace folders ([`loader`]); a walk still running stops, and its
    /// results are dropped from here on. Its `$/progress` begins here and ends when the walk's
    /// last message has been applied, so a client that waits for the end gets complete answers.
    fn start_walk(&mut self) {
        self.walk += 1;
        self.walk_started = Instant::now();
        self.current_walk.store(self.walk, Ordering::SeqCst);
        self.indexed = false;
        if self.progress && !self.roots.is_empty() {
            self.progress_walks.insert(self.walk);
            self.send_out(Out::Progress(Progress::Begin { walk: self.walk }));
        }
        // Known documents (open ones, files already read) need no second reading.
        let known: HashSet<DocKey> = self.docs.keys().cloned().collect();
        let walk = loader::Walk {
            walk: self.walk,
            current: self.current_walk.clone(),
            max_file_size: self.settings.max_file_size,
            roots: self.roots.clone(),
            filter: self.filter.clone(),
            skip: known,
            cache: self.settings.cache_options(),
            lexicon: self.desks.desk.lexicon,
        };
        let tx = self.tx.clone();
        tokio::spawn(loader::run(walk, move |ev| {
            let _ = tx.send(Msg::Loader(ev));
        }));
    }

    fn on_loader(&mut self, ev: LoaderEvent) {
        match ev {
            LoaderEvent::Loaded { walk, key, uri, result } => self.on_disk_loaded(key, uri, Origin::Walk(walk), result),
            LoaderEvent::Progress { walk, done, total } => {
                if walk == self.walk && self.progress_walks.contains(&walk) {
                    self.send_out(Out::Progress(Progress::Report { walk, done, total }));
                }
            }
            LoaderEvent::Done { walk, files } => {
                let current = walk == self.walk;
                if current {
                    self.indexed = true;
                    log!("workspace indexed: {files} articles");
                    // A client told the walk is over asks at once: the snapshot with every
                    // file first.
                    self.dirty = true;
                    self.publish_snapshot();
                }
                if self.progress_walks.remove(&walk) {
                    let message = if current { format!("{files} articles") } else { "superseded".to_string() };
                    self.send_out(Out::Progress(Progress::End { walk, message }));
                }
            }
        }
    }

    fn on_internal(&mut self, ev: Internal) {
        match ev {
            Internal::Analyzed { key, result, people } => {
                let Some(doc) = edit(&mut self.docs, &key) else { return };
                doc.running = false;
                if !doc.is_open() {
                    return;
                }
                if result.generation != doc.generation {
                    self.schedule_analysis(&key); // superseded: analyse the current text instead
                    return;
                }
                doc.content = Some(Content::Open(Arc::new(result)));
                Arc::make_mut(&mut self.index).set_document(key.clone(), people);
                // The snapshot first: a client that has these diagnostics and asks at once
                // (workspace symbols, references) must be answered from this analysis.
                self.dirty = true;
                let retired = self.replace_snapshot();
                self.publish_diagnostics(&key);
                drop(retired);
                if self.orphans_after_reanalysis && self.docs.values().filter(|d| d.is_open()).all(|d| !d.running && d.is_current()) {
                    self.orphans_after_reanalysis = false;
                    self.reload_desk();
                }
            }
            Internal::DiskLoaded { key, uri, generation, result } => self.on_disk_loaded(key, uri, Origin::Requested(generation), result),
            Internal::Failed { key, why } => {
                if let Some(uri) = self.docs.get(&key).map(|d| d.uri.clone()) {
                    self.report_failure(&key, &uri, &why);
                }
            }
            Internal::DeskLoaded { seq, loaded } => self.on_desk_loaded(seq, *loaded),
        }
    }

    /// A file read from disk (for a walk, or asked for by this task): into the index, unless
    /// the reason it was read is out of date.
    fn on_disk_loaded(&mut self, key: DocKey, uri: Uri, origin: Origin, result: Result<loader::Prepared, ReadError>) {
        let generation = match origin {
            Origin::Walk(w) if w != self.walk => return,               // a superseded walk
            Origin::Walk(_) if self.docs.contains_key(&key) => return, // open, or read again since
            Origin::Walk(_) => self.generation(),
            Origin::Requested(g) => {
                self.reading.remove(&key);
                match self.docs.get(&key) {
                    Some(d) if !d.is_open() && d.generation == g => g,
                    // Asked for again while this read ran: read the file once more.
                    Some(d) if !d.is_open() => {
                        if let Some(path) = file_path_of(&d.uri) {
                            let (uri, generation) = (d.uri.clone(), d.generation);
                            self.load_from_disk(key, uri, path, generation);
                        }
                        return;
                    }
                    _ => return, // open, or forgotten
                }
            }
        };
        match result {
            Ok((lines, prepared)) => {
                let content = Some(Content::Disk { generation, lines: Arc::new(lines) });
                self.docs.insert(key.clone(), Arc::new(Document { uri, generation, content, buffer: None, running: false }));
                match origin {
                    // Filed in bulk with the rest of the walk's batch ([`Self::fold_walked`]).
                    Origin::Walk(_) => {
                        self.walked.push((key, prepared));
                        if self.walked.len() >= WALK_BATCH_AT_MOST {
                            self.fold_walked();
                        }
                    }
                    Origin::Requested(_) => Arc::make_mut(&mut self.index).set_prepared(key, prepared),
                }
            }
            Err(ReadError::Internal(why)) => {
                self.report_failure(&key, &uri, &why);
                self.forget_disk(&key);
            }
            Err(why) => {
                log!("skipping {}: {why}", uri.as_str());
                if let ReadError::TooLarge { .. } = why {
                    self.send_out(Out::Log(MessageType::WARNING, format!("byline: skipping {}: {why}", uri.as_str())));
                }
                self.forget_disk(&key);
            }
        }
    }

    fn publish_diagnostics(&mut self, key: &DocKey) {
        if self.pulling() {
            return; // the client asks for them
        }
        let Some(doc) = self.docs.get(key) else { return };
        let Some(Content::Open(a)) = &doc.content else { return };
        if a.generation != doc.generation || !doc.is_open() {
            return;
        }
        let (analyzed, encoding) = (a.clone(), self.encoding);
        let ledger = self.ledger_for(&doc.uri);
        let rel = file_path_of(&doc.uri).and_then(|p| self.desks.relative(&p));
        let settings = settings_for(&self.desks, &self.settings, rel.as_deref());
        let spelling = SpellingInput::new(&settings, &self.index, &self.docs, || self.desks.desk.house_names());
        let uri = doc.uri.clone();
        // Only documents that show spellings need publishing again when they change.
        match spelling {
            Some(_) => self.spelling_published.insert(key.clone(), self.index.cross_version()),
            None => self.spelling_published.remove(key),
        };
        self.send_out(Out::Findings { uri, analyzed, settings, encoding, ledger, spelling });
    }

    /// After a batch of events: when the spellings of people's names changed (an article was
    /// edited, read or forgotten and now spells a name differently), publish again the open
    /// documents whose diagnostics were computed with older spellings. Each costs O(its
    /// mentions); edits that change no name cost nothing here. Not while the workspace is being
    /// walked: once the walk is done, every open document is published again.
    fn republish_spellings(&mut self) {
        if !self.indexed || self.pulling() {
            return;
        }
        let now = self.index.cross_version();
        let is_open = |docs: &Documents, k: &DocKey| docs.get(k).is_some_and(|d| d.is_open());
        let stale: Vec<DocKey> =
            self.spelling_published.iter().filter(|(k, v)| **v != now && is_open(&self.docs, k)).map(|(k, _)| k.clone()).collect();
        for key in stale {
            self.publish_diagnostics(&key);
        }
        self.spelling_published.retain(|k, _| is_open(&self.docs, k));
    }

    /// The client pulls diagnostics (it can, and the settings ask for it).
    fn pulling(&self) -> bool {
        self.pull_capable
    }

    /// The ledger and the workspace-relative path of a document, when it is in the workspace.
    fn ledger_for(&self, uri: &Uri) -> Option<(Arc<Ledger>, String)> {
        let ledger = self.desks.ledger.clone()?;
        let rel = self.desks.relative(&file_path_of(uri)?)?;
        Some((ledger, rel))
    }

    fn is_config(&self, uri: &Uri) -> bool {
        file_path_of(uri).is_some_and(|p| self.desks.is_config_file(&p) || self.roots.first().is_some_and(|r| p == r.join(desk::FILE_NAME)))
    }

    // ---- the desk: byline.toml and the ledger --------------------------------------------------

    /// Read `byline.toml` and the ledger of the first workspace folder again — at its root, else
    /// the nearest `byline.toml` above it ([`desk::find::server_root`]) — on a blocking thread;
    /// the result comes back as [`Internal::DeskLoaded`].
    fn reload_desk(&mut self) {
        let Some(root) = self.roots.first().cloned() else { return };
        self.desk_seq += 1;
        self.desk_pending = true;
        let seq = self.desk_seq;
        let open: Vec<(PathBuf, Arc<Analyzed>)> = self
            .docs
            .values()
            .filter_map(|d| match &d.content {
                Some(Content::Open(a)) if d.is_open() => Some((file_path_of(&d.uri)?, a.clone())),
                _ => None,
            })
            .collect();
        let (fallback, max, tx) = (self.desks.desk.clone(), self.settings.max_file_size, self.tx.clone());
        tokio::task::spawn_blocking(move || {
            let loaded = Box::new(workspace::load(&root, &fallback, &open, max));
            let _ = tx.send(Msg::Internal(Internal::DeskLoaded { seq, loaded }));
        });
    }

    fn on_desk_loaded(&mut self, seq: u64, loaded: workspace::Loaded) {
        if seq != self.desk_seq {
            return; // a newer reload is on its way
        }
        self.desk_pending = false;
        let workspace::Loaded { root, desk, ledger, orphans } = loaded;
        let lexicon_before = self.desks.desk.lexicon;
        let d = Arc::make_mut(&mut self.desks);
        d.root = Some(root);
        let mut show = Vec::new();
        match desk {
            Ok(desk) => {
                d.desk = Arc::new(desk);
                d.desk_error = None;
            }
            Err(e) => {
                show.push(format!("byline: {e} (the last good configuration stays in force)"));
                d.desk_error = Some(e);
            }
        }
        match ledger {
            Ok(l) => {
                d.ledger = Some(Arc::new(l));
                d.ledger_error = None;
            }
            Err(e) => {
                show.push(format!("byline: the check ledger cannot be read: {e} (nothing is written to it until it is fixed)"));
                d.ledger_error = Some(e);
            }
        }
        let desks = self.desks.clone();
        for message in show {
            log!("{message}");
            if self.shown_config_errors.insert(message.clone()) {
                self.send_out(Out::Show(MessageType::ERROR, message));
            }
        }
        if let Some(uri) = desks.desk_file().as_deref().and_then(workspace::uri_of) {
            let diags = desks.desk_error.iter().map(|e| workspace::error_diagnostic(e.at, &e.message)).collect();
            self.send_out(Out::Diagnostics(uri, diags, None));
        }
        let ledger_file = desks.ledger_error.as_ref().map(|e| e.file.clone()).or_else(|| desks.ledger_file());
        if let Some(uri) = ledger_file.as_deref().and_then(workspace::uri_of) {
            let diags = match &desks.ledger_error {
                Some(e) => vec![workspace::error_diagnostic(e.at, &e.message)],
                None => orphans,
            };
            self.send_out(Out::Diagnostics(uri, diags, None));
        }
        Arc::make_mut(&mut self.desks).version += 1;
        self.recompute_settings(false);
        // The snapshot with the new desk before the diagnostics computed from it: a client that
        // has them and asks for code actions is answered with this configuration, not the last.
        self.dirty = true;
        self.publish_snapshot();
        let open: Vec<DocKey> = self.docs.iter().filter(|(_, d)| d.is_open()).map(|(k, _)| k.clone()).collect();
        for key in open {
            self.publish_diagnostics(&key);
        }
        self.refresh_pulled();
        let lexicon_changed = self.desks.desk.lexicon != lexicon_before;
        if lexicon_changed {
            self.reanalyse_open();
        }
        if std::mem::take(&mut self.walk_after_desk) {
            self.start_walk();
        } else if lexicon_changed && self.initialized {
            self.reanalyse_disk();
        }
    }

    /// The desk's language data changed: every open document is analysed again with it (a new
    /// incremental analyzer: the old one is tied to the old lexicon; a new generation, so that
    /// an analysis running with the old one is dropped).
    fn reanalyse_open(&mut self) {
        let lexicon = self.desks.desk.lexicon;
        let open: Vec<DocKey> = self.docs.iter().filter(|(_, d)| d.is_open()).map(|(k, _)| k.clone()).collect();
        self.orphans_after_reanalysis = !open.is_empty();
        for key in open {
            let generation = self.generation();
            if let Some(doc) = edit(&mut self.docs, &key)
                && let Some(buffer) = &mut doc.buffer
            {
                buffer.analyzer = new_analyzer(&lexicon);
                doc.generation = generation;
            }
            self.schedule_analysis(&key);
        }
    }

    /// The desk's language data changed: the files read from disk are forgotten and the
    /// workspace walked again, so that their people are those of the new language data (the
    /// index cache is keyed by it too).
    fn reanalyse_disk(&mut self) {
        let on_disk: Vec<DocKey> = self.docs.iter().filter(|(_, d)| !d.is_open()).map(|(k, _)| k.clone()).collect();
        for key in on_disk {
            self.forget_disk(&key);
        }
        self.start_walk();
    }

    /// Pulled diagnostics may have changed (configuration, ledger): ask the client to pull again.
    /// (The snapshot is published first, so that the pull sees what changed.)
    fn refresh_pulled(&mut self) {
        if self.pull_capable && self.refresh_capable {
            self.dirty = true;
            self.publish_snapshot();
            self.send_out(Out::Refresh);
        }
    }

    // ---- held-back changes -------------------------------------------------------------------

    fn next_deadline(&self) -> Option<Instant> {
        let queued = self.held.iter().filter_map(|k| self.docs.get(k)?.buffer.as_ref()?.queue.deadline(REORDER_WAIT));
        let orphans = self.orphans.values().flat_map(|v| v.iter().map(|(_, _, t)| *t + REORDER_WAIT));
        let snapshot = self.dirty.then_some(self.last_snapshot + self.walk_snapshot_every());
        queued.chain(orphans).chain(self.views_refresh.deadline()).chain(snapshot).min()
    }

    fn release_due(&mut self, now: Instant) {
        for key in self.held.clone() {
            let ready = match edit(&mut self.docs, &key).and_then(|d| d.buffer.as_mut()) {
                Some(Buffer { version, queue, .. }) => {
                    let r = queue.release_due(*version, now, REORDER_WAIT);
                    if queue.is_empty() {
                        self.held.remove(&key);
                    }
                    r
                }
                _ => {
                    self.held.remove(&key);
                    Vec::new()
                }
            };
            if !ready.is_empty() {
                log!("gave up waiting for a missing didChange; applying versions {:?}", ready.iter().map(|r| r.0).collect::<Vec<_>>());
                self.apply_ready(&key, ready);
                self.dirty = true;
            }
        }
        self.orphans.retain(|key, changes| {
            changes.retain(|(_, _, t)| now.duration_since(*t) < REORDER_WAIT);
            if changes.is_empty() {
                log!("ignored changes to {key}, which was never opened");
            }
            !changes.is_empty()
        });
    }
}

/// A document of `docs` to change: the map's path to it and the document itself are copied
/// first when a snapshot still shares them (copy on write), so snapshots never see the change.
/// An incremental analyzer for an open document, with the desk's language data.
fn new_analyzer(lexicon: &crate::desk::language::DeskLexicon) -> crate::faults::DocAnalyzer {
    Arc::new(std::sync::Mutex::new(byline_core::IncrementalAnalyzer::new(lexicon.lexicon())))
}

fn edit<'a>(docs: &'a mut Documents, key: &DocKey) -> Option<&'a mut Document> {
    docs.get_mut(key).map(Arc::make_mut)
}

/// A rope's text in one allocation of the right size (`to_string` grows it chunk by chunk
/// through the formatter, a copy per doubling).
fn text_of(rope: &ropey::Rope) -> String {
    let mut text = String::with_capacity(rope.len_bytes());
    rope.chunks().for_each(|c| text.push_str(c));
    text
}
