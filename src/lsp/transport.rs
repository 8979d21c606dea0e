//! A framing guard between stdio and tower-lsp-server.
//!
//! tower-lsp-server stops reading its input for good after one message it cannot decode
//! (malformed JSON, a body that is not a JSON-RPC message, an id outside `i64`): the server
//! would go deaf, or exit. So the server reads from and writes to in-memory pipes, and small
//! tasks sit in between:
//!
//! - input: reads `Content-Length` frames from stdin ([`Input`]); a frame whose body is not a
//!   JSON-RPC message tower-lsp-server can decode is answered here (`-32700` parse error or
//!   `-32600` invalid request, echoing the id when there is one) and not passed on. A wrong
//!   `Content-Length` (too small, too large, negative, not a number, overflowing) never leaves
//!   the reader out of step for good: it resynchronises at the next `Content-Length:` header,
//!   which cannot occur inside a JSON body (a raw line break is not allowed in a JSON string).
//!   Header lines are capped ([`MAX_LINE`]); the rest of an overlong line is skipped.
//! - forwarding: messages that arrive while `initialize` is being answered are held back and
//!   passed on after its response (tower-lsp-server drops notifications that arrive before
//!   `initialize` has completed, so a client that pipelines `initialized` and `didOpen` would
//!   lose them);
//! - output: copies the server's frames to stdout whole, interleaved with those answers.
//! - references: `textDocument/references` requests are passed on as [`REFERENCES`], with
//!   the request's id inside the params, so that the handler can write its (big) answer
//!   itself, straight to JSON, through the [`Notifier`]; tower-lsp-server's own response to
//!   that id is then dropped here. (tower-lsp-server gives handlers no request ids and turns
//!   every result into a `serde_json::Value` first, which for 18,000 locations took most of
//!   the time.) The request still goes through tower-lsp-server in order, behind the
//!   notifications before it, and can be cancelled like any other.

use std::collections::HashSet;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader, DuplexStream};
use tokio::sync::{mpsc, oneshot};
use tower_lsp_server::jsonrpc::{Request, Response};

const PIPE: usize = 1 << 16;

/// The largest message accepted (a document of this size is far beyond any article).
const MAX_MESSAGE: usize = 512 << 20;

/// The longest header line kept; the middle of a longer line is dropped (its last
/// [`LINE_TAIL`] bytes are kept, where a `Content-Length` glued to garbage would be).
const MAX_LINE: usize = 8 << 10;
const LINE_TAIL: usize = 256;

/// Bodies larger than this are checked on a blocking thread.
const BIG_BODY: usize = 256 << 10;

/// How much of a badly framed body is kept (to find the id of the request it carried).
const KEEP_BROKEN: usize = 1 << 20;

/// A body that stops arriving for this long, short of its `Content-Length` (or with none),
/// and is already a whole JSON value, is taken to end there (its header was wrong).
const STALL: Duration = Duration::from_millis(300);

/// How long messages are held back while `initialize` is answered, at most.
const INIT_HOLD: Duration = Duration::from_secs(30);

/// A request id the output task is waiting to see answered, and whom to tell.
type Awaited = Arc<Mutex<Option<(Value, oneshot::Sender<()>)>>>;

/// The method `textDocument/references` requests are passed on as (see the module doc);
/// its params are [`Routed`]. A client cannot call it itself.
pub const REFERENCES: &str = "byline/references";

/// The params of a request passed on under another method: the request's own id and params.
#[derive(Debug, serde::Deserialize)]
pub struct Routed<P> {
    pub id: Value,
    pub params: P,
}

/// Ids (as JSON text) of requests already answered through the [`Notifier`], whose response
/// from tower-lsp-server is to be dropped.
type Answered = Arc<Mutex<HashSet<String>>>;

/// Notifications to the client that go past tower-lsp-server, straight to the output,
/// interleaved whole with its frames. tower-lsp-server serialises every outgoing message on
/// the one task that also reads requests and runs their handlers, so the diagnostics of a big
/// document (tens of MB of JSON) would hold up every request for as long; these are
/// serialised by the sender, on its own thread.
#[derive(Clone, Debug)]
pub struct Notifier {
    frames: mpsc::UnboundedSender<Option<Vec<u8>>>,
    answered: Answered,
}

impl Notifier {
    /// Serialise the notification `method` with `params` (on the calling thread).
    pub fn frame<P: serde::Serialize>(method: &str, params: &P) -> Vec<u8> {
        #[derive(serde::Serialize)]
        struct Notification<'a, P> {
            jsonrpc: &'static str,
            method: &'a str,
            params: &'a P,
        }
        let body = serde_json::to_vec(&Notification { jsonrpc: "2.0", method, params }).unwrap_or_default();
        let mut f = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
        f.extend_from_slice(&body);
        f
    }

    /// A frame around a body already serialised.
    pub fn frame_body(body: &[u8]) -> Vec<u8> {
        let mut f = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
        f.extend_from_slice(body);
        f
    }

    /// Send a frame made by [`Self::frame`]; false once the output has ended.
    pub fn send(&self, frame: Vec<u8>) -> bool {
        self.frames.send(Some(frame)).is_ok()
    }

    /// Send `frame`, the response to request `id` (passed on as [`REFERENCES`]); the response
    /// tower-lsp-server then writes for that id is dropped. Call it from the request's handler
    /// only (so that a cancelled request, whose handler stops, never gets two responses).
    pub fn respond(&self, id: &Value, frame: Vec<u8>) -> bool {
        self.answered.lock().unwrap_or_else(|e| e.into_inner()).insert(id.to_string());
        self.send(frame)
    }
}

/// Where the frames go: the process's standard output as a plain file (a duplicate of it),
/// written in whole frames. `std::io::Stdout` is line-buffered and looks for the last line
/// break of every write, byte by byte from the end: 2.7 MB for a big find-references answer,
/// whose only line breaks are in its header. Falls back to `tokio::io::stdout()` when the
/// descriptor cannot be duplicated.
pub fn stdout() -> Box<dyn AsyncWrite + Unpin + Send> {
    use std::os::fd::AsFd;
    match std::io::stdout().as_fd().try_clone_to_owned() {
        Ok(fd) => Box::new(tokio::fs::File::from_std(std::fs::File::from(fd))),
        Err(e) => {
            log!("writing through the line-buffered stdout: cannot duplicate it ({e})");
            Box::new(tokio::io::stdout())
        }
    }
}

/// Start the guard on `input`/`output`; returns the pipe ends to hand to the server, the
/// output task (await it after the server has finished so that every frame is flushed) and a
/// [`Notifier`].
pub fn guard<I, O>(input: I, output: O) -> (DuplexStream, DuplexStream, tokio::task::JoinHandle<()>, Notifier)
where
    I: AsyncRead + Unpin + Send + 'static,
    O: AsyncWrite + Unpin + Send + 'static,
{
    let (server_in, mut to_server) = tokio::io::duplex(PIPE);
    let (server_out, from_server) = tokio::io::duplex(PIPE);
    // `None` marks the end of the server's output.
    let (frames_tx, mut frames_rx) = mpsc::unbounded_channel::<Option<Vec<u8>>>();
    // Checked messages on their way to the server, with the id of an `initialize` request.
    let (fwd_tx, mut fwd_rx) = mpsc::channel::<(Vec<u8>, Option<Value>)>(64);
    let awaited: Awaited = Arc::new(Mutex::new(None));

    let answered: Answered = Arc::default();
    let notifier = Notifier { frames: frames_tx.clone(), answered: answered.clone() };

    // Input: stdin -> checked frames -> forwarding.
    let answers = frames_tx.clone();
    tokio::spawn(async move {
        let mut input = Input::new(input);
        loop {
            let frame = match input.frame().await {
                Ok(None) => break,
                Ok(Some(f)) => f,
                Err(e) => {
                    log!("cannot read from the client: {e}");
                    break;
                }
            };
            let (body, verdict) = match frame {
                // Parsing a big body takes a while: not on a worker of the shared runtime.
                Frame::Good(body) if body.len() > BIG_BODY => {
                    let checked = tokio::task::spawn_blocking(move || {
                        let v = check(&body);
                        (body, v)
                    });
                    match checked.await {
                        Ok(checked) => checked,
                        Err(e) => {
                            log!("checking a message failed: {e}");
                            continue;
                        }
                    }
                }
                Frame::Good(body) => {
                    let v = check(&body);
                    (body, v)
                }
                Frame::Broken { body, why } => {
                    log!("bad framing from the client: {why}");
                    match broken_reply(&body, &why) {
                        Some(reply) => (body, Verdict::Answer(reply)),
                        None => continue,
                    }
                }
            };
            match verdict {
                Verdict::Forward(init) => {
                    let body = reroute(body);
                    if fwd_tx.send((body, init)).await.is_err() {
                        break;
                    }
                }
                Verdict::Drop(why) => log!("dropping {why}"),
                Verdict::Answer(reply) => {
                    log!("bad message from the client: {}", reply["error"]["message"]);
                    let _ = answers.send(Some(frame_of(&reply)));
                }
            }
        }
    });

    // Forwarding: checked messages -> server, holding back what follows `initialize` until
    // it has been answered.
    let waiting = awaited.clone();
    tokio::spawn(async move {
        while let Some((body, init)) = fwd_rx.recv().await {
            let answered = init.map(|id| {
                let (tx, rx) = oneshot::channel();
                *waiting.lock().unwrap_or_else(|e| e.into_inner()) = Some((id, tx));
                rx
            });
            let head = format!("Content-Length: {}\r\n\r\n", body.len());
            if to_server.write_all(head.as_bytes()).await.is_err() || to_server.write_all(&body).await.is_err() {
                break;
            }
            if let Some(rx) = answered
                && tokio::time::timeout(INIT_HOLD, rx).await.is_err()
            {
                log!("no answer to `initialize` after {INIT_HOLD:?}; passing on what came after it");
            }
        }
        let _ = to_server.shutdown().await;
    });

    // Server output -> whole frames -> the writer.
    tokio::spawn(async move {
        let mut reader = BufReader::new(from_server);
        while let Ok(Some(body)) = read_trusted_frame(&mut reader).await {
            answered_init(&awaited, &body);
            if already_answered(&answered, &body) {
                continue;
            }
            let head = format!("Content-Length: {}\r\n\r\n", body.len());
            let mut f = head.into_bytes();
            f.extend_from_slice(&body);
            if frames_tx.send(Some(f)).is_err() {
                break;
            }
        }
        let _ = frames_tx.send(None);
    });

    let writer = tokio::spawn(async move {
        let mut output = output;
        while let Some(Some(f)) = frames_rx.recv().await {
            if output.write_all(&f).await.is_err() || output.flush().await.is_err() {
                break;
            }
        }
    });
    (server_in, server_out, writer, notifier)
}

/// If `body` (a frame the server wrote) answers the `initialize` being waited for, say so.
fn answered_init(awaited: &Awaited, body: &[u8]) {
    let mut slot = awaited.lock().unwrap_or_else(|e| e.into_inner());
    let Some((id, _)) = slot.as_ref() else { return };
    let Ok(msg) = serde_json::from_slice::<Value>(body) else {
        return;
    };
    if msg.get("method").is_none()
        && msg.get("id") == Some(id)
        && let Some((_, tx)) = slot.take()
    {
        let _ = tx.send(());
    }
}

/// Whether `body` (a frame the server wrote) is tower-lsp-server's response to a request
/// already answered through [`Notifier::respond`] (it is then forgotten).
fn already_answered(answered: &Answered, body: &[u8]) -> bool {
    let mut ids = answered.lock().unwrap_or_else(|e| e.into_inner());
    if ids.is_empty() {
        return false;
    }
    #[derive(serde::Deserialize)]
    struct Head {
        id: Option<Value>,
        method: Option<serde::de::IgnoredAny>,
    }
    match serde_json::from_slice::<Head>(body) {
        Ok(Head { id: Some(id), method: None }) => ids.remove(&id.to_string()),
        _ => false,
    }
}

/// A `textDocument/references` request, passed on as [`REFERENCES`] with its id inside the
/// params; any other body as it is.
fn reroute(body: Vec<u8>) -> Vec<u8> {
    const METHOD: &[u8] = b"textDocument/references";
    if memchr::memmem::find(&body, METHOD).is_none() {
        return body;
    }
    let Ok(Value::Object(mut msg)) = serde_json::from_slice::<Value>(&body) else {
        return body;
    };
    if msg.get("method").and_then(Value::as_str) != Some("textDocument/references") {
        return body;
    }
    let Some(id) = msg.get("id").filter(|i| !i.is_null()).cloned() else {
        return body;
    };
    let params = msg.remove("params").unwrap_or(Value::Null);
    msg.insert("method".into(), REFERENCES.into());
    msg.insert("params".into(), json!({"id": id, "params": params}));
    serde_json::to_vec(&msg).unwrap_or(body)
}

fn frame_of(msg: &Value) -> Vec<u8> {
    let body = msg.to_string();
    let mut f = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    f.extend_from_slice(body.as_bytes());
    f
}

/// Read one frame the server wrote (well-formed by construction); `None` at end of input.
async fn read_trusted_frame<R: AsyncBufReadExt + Unpin>(r: &mut R) -> std::io::Result<Option<Vec<u8>>> {
    let mut len: Option<usize> = None;
    loop {
        let mut line = Vec::new();
        if r.read_until(b'\n', &mut line).await? == 0 {
            return Ok(None);
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim();
        if text.is_empty() {
            if len.is_some() {
                break;
            }
            continue;
        }
        if let Some((name, value)) = text.split_once(':')
            && name.trim().eq_ignore_ascii_case("content-length")
        {
            len = value.trim().parse().ok();
        }
    }
    let n = len.unwrap_or(0);
    let mut body = Vec::with_capacity(n);
    (&mut *r).take(n as u64).read_to_end(&mut body).await?;
    if body.len() < n {
        return Ok(None);
    }
    Ok(Some(body))
}

/// What the input reader made of the next bytes.
#[derive(Debug, PartialEq)]
enum Frame {
    /// A body of exactly the length its header gave.
    Good(Vec<u8>),
    /// Bytes whose framing was wrong: what was kept of them, and why.
    Broken { body: Vec<u8>, why: String },
}

/// How a body read ended.
#[derive(Debug, PartialEq)]
enum End {
    /// All the bytes the header promised.
    Whole,
    /// A `Content-Length` header came first: the bytes from it on are read again as headers.
    Header,
    /// The input paused after a whole JSON value.
    Stalled,
    Eof,
}

/// The client's byte stream, read frame by frame, with the means to read bytes again
/// (to resynchronise at a header found where a body was expected).
struct Input<R> {
    r: R,
    buf: Vec<u8>,
    /// `buf[pos..]` has not been read yet.
    pos: usize,
}

enum More {
    Got,
    Stalled,
    Eof,
}

impl<R: AsyncRead + Unpin> Input<R> {
    fn new(r: R) -> Self {
        Input { r, buf: Vec::new(), pos: 0 }
    }

    /// Read more input into the buffer; with `stall`, give up after that long without any.
    async fn more(&mut self, stall: Option<Duration>) -> std::io::Result<More> {
        if self.pos == self.buf.len() {
            self.buf.clear();
            self.pos = 0;
        } else if self.pos > PIPE {
            self.buf.drain(..self.pos);
            self.pos = 0;
        }
        self.buf.reserve(PIPE);
        let read = self.r.read_buf(&mut self.buf);
        let n = match stall {
            Some(d) => match tokio::time::timeout(d, read).await {
                Ok(n) => n?,
                Err(_) => return Ok(More::Stalled),
            },
            None => read.await?,
        };
        Ok(if n == 0 { More::Eof } else { More::Got })
    }

    /// Put bytes back in front of what has not been read yet.
    fn unread(&mut self, bytes: &[u8]) {
        self.buf.splice(self.pos..self.pos, bytes.iter().copied());
    }

    /// The next line without its `\n`, its middle dropped past [`MAX_LINE`]; `None` at the end.
    async fn line(&mut self) -> std::io::Result<Option<Vec<u8>>> {
        let mut line = Vec::new();
        let mut dropped = 0usize;
        loop {
            let avail = &self.buf[self.pos..];
            if let Some(i) = memchr::memchr(b'\n', avail) {
                line.extend_from_slice(&avail[..i]);
                self.pos += i + 1;
                break;
            }
            line.extend_from_slice(avail);
            self.pos = self.buf.len();
            if line.len() > MAX_LINE {
                let cut = line.len() - LINE_TAIL;
                line.drain(..cut);
                dropped += cut;
            }
            if let More::Eof = self.more(None).await? {
                return Ok(None);
            }
        }
        if dropped > 0 {
            log!("skipped {dropped} bytes of an overlong header line");
        }
        Ok(Some(line))
    }

    /// The next frame; `None` at the end of the input.
    async fn frame(&mut self) -> std::io::Result<Option<Frame>> {
        let mut length: Result<usize, String> = Err("no Content-Length header".into());
        let mut lines = 0;
        let mut garbage = false;
        loop {
            let Some(line) = self.line().await? else {
                return Ok(None);
            };
            if line.trim_ascii().is_empty() {
                if lines > 0 {
                    break;
                }
                continue; // stray blank line between frames
            }
            lines += 1;
            if let Some((at, value)) = length_header(&line) {
                // A header glued to the garbage before it (the tail of a body that was longer
                // than its Content-Length said) counts: that is where the stream is in step again.
                garbage |= !line[..at].trim_ascii().is_empty();
                length = value.ok_or_else(|| format!("Content-Length {} does not fit", String::from_utf8_lossy(line[at..].trim_ascii())));
            } else if let Some(c) = line.iter().position(|&b| b == b':')
                && line[..c].trim_ascii().eq_ignore_ascii_case(b"content-length")
            {
                length = Err(format!("bad Content-Length {:?}", String::from_utf8_lossy(line[c + 1..].trim_ascii())));
            } else if !line.contains(&b':') {
                garbage = true;
            }
        }
        if garbage {
            log!("skipped bytes that were not a header");
        }
        Ok(Some(match length {
            Ok(n) if n <= MAX_MESSAGE => {
                let (body, end) = self.body(Some(n), n).await?;
                match end {
                    End::Whole => Frame::Good(body),
                    End::Eof => return Ok(None), // the input ended inside the body
                    End::Header => {
                        Frame::Broken { body, why: format!("Content-Length {n} is more than the message before the next header") }
                    }
                    End::Stalled => Frame::Broken { body, why: format!("Content-Length {n} is more than the message sent") },
                }
            }
            Ok(n) => {
                // Never allocate what a header claims up front: skip the body as it streams by.
                log!("skipping a message of {n} bytes (more than {MAX_MESSAGE})");
                let (body, end) = self.body(Some(n), KEEP_BROKEN).await?;
                if end == End::Eof {
                    return Ok(None);
                }
                Frame::Broken { body, why: format!("a message of {n} bytes (more than {MAX_MESSAGE})") }
            }
            Err(why) => {
                let (body, end) = self.body(None, KEEP_BROKEN).await?;
                if end == End::Eof && body.trim_ascii().is_empty() {
                    return Ok(None);
                }
                Frame::Broken { body, why }
            }
        }))
    }

    /// Read a body of `len` bytes (`None`: unknown), keeping the first `keep` of them. It ends
    /// early at a `Content-Length` header (which is put back to be read again) or when the
    /// input stalls after a whole JSON value.
    async fn body(&mut self, len: Option<usize>, keep: usize) -> std::io::Result<(Vec<u8>, End)> {
        const CONTEXT: usize = 96;
        let mut body = Vec::with_capacity(keep.min(1 << 20));
        let mut total = 0usize;
        // The last bytes of the body read so far (a header may begin there).
        let mut tail: Vec<u8> = Vec::new();
        loop {
            let want = len.map_or(usize::MAX, |n| n - total);
            if want == 0 {
                return Ok((body, End::Whole));
            }
            if self.pos == self.buf.len() {
                match self.more(Some(STALL)).await? {
                    More::Got => {}
                    More::Eof => return Ok((body, End::Eof)),
                    More::Stalled => {
                        if total > 0 && total == body.len() && whole_object(&body) {
                            return Ok((body, End::Stalled));
                        }
                    }
                }
                continue;
            }
            let take = (self.buf.len() - self.pos).min(want);
            let chunk = &self.buf[self.pos..self.pos + take];
            let mut header_at = None; // offset into the body where a header begins
            for i in memchr::memchr_iter(b'\n', chunk) {
                let found = if i >= CONTEXT {
                    length_header(&chunk[i - CONTEXT..i]).map(|(at, _)| total + i - CONTEXT + at)
                } else {
                    let from = tail.len().saturating_sub(CONTEXT - i);
                    let mut w = tail[from..].to_vec();
                    w.extend_from_slice(&chunk[..i]);
                    length_header(&w).map(|(at, _)| total - (tail.len() - from) + at)
                };
                if found.is_some() {
                    header_at = found;
                    break;
                }
            }
            match header_at {
                Some(h) if h >= total => {
                    let n = h - total;
                    let room = keep.saturating_sub(body.len()).min(n);
                    body.extend_from_slice(&chunk[..room]);
                    self.pos += n;
                    return Ok((body, End::Header));
                }
                Some(h) => {
                    // The header began in bytes already taken into the body: give them back.
                    let back = total - h;
                    let again = tail[tail.len() - back..].to_vec();
                    body.truncate(h.min(body.len()));
                    self.unread(&again);
                    return Ok((body, End::Header));
                }
                None => {
                    let room = keep.saturating_sub(body.len()).min(take);
                    body.extend_from_slice(&chunk[..room]);
                    tail.extend_from_slice(&chunk[take.saturating_sub(CONTEXT)..]);
                    if tail.len() > CONTEXT {
                        tail.drain(..tail.len() - CONTEXT);
                    }
                    total += take;
                    self.pos += take;
                }
            }
        }
    }
}

/// Whether `bytes` are one whole JSON object (and blanks).
fn whole_object(bytes: &[u8]) -> bool {
    let t = bytes.trim_ascii();
    t.first() == Some(&b'{') && t.last() == Some(&b'}') && serde_json::from_slice::<serde::de::IgnoredAny>(t).is_ok()
}

/// Whether `line` ends with a `Content-Length: <digits>` header (after optional `\r` and
/// blanks): where the header's name begins, and its value when that fits a `usize`. Such a
/// line cannot be part of a JSON body: outside strings the name is not JSON, and a string
/// cannot hold the raw line break that ends it.
fn length_header(line: &[u8]) -> Option<(usize, Option<usize>)> {
    const NAME: &[u8] = b"content-length";
    let blank = |b: &u8| *b == b' ' || *b == b'\t' || *b == b'\r';
    let end = line.len() - line.iter().rev().take_while(|b| blank(b)).count();
    let digits_start = end - line[..end].iter().rev().take_while(|b| b.is_ascii_digit()).count();
    if digits_start == end {
        return None;
    }
    let colon = digits_start - line[..digits_start].iter().rev().take_while(|b| **b == b' ' || **b == b'\t').count();
    if colon == 0 || line[colon - 1] != b':' {
        return None;
    }
    let name_end = colon - 1 - line[..colon - 1].iter().rev().take_while(|b| **b == b' ' || **b == b'\t').count();
    let start = name_end.checked_sub(NAME.len())?;
    if !line[start..name_end].eq_ignore_ascii_case(NAME) {
        return None;
    }
    let value = std::str::from_utf8(&line[digits_start..end]).ok().and_then(|s| s.parse().ok());
    Some((start, value))
}

/// What to do with a well-framed message.
#[derive(Debug, PartialEq)]
enum Verdict {
    /// Pass it on; `Some(id)` for an `initialize` request.
    Forward(Option<Value>),
    /// Answer it here with this error response.
    Answer(Value),
    /// Drop it (a response from the client that tower-lsp-server could not take).
    Drop(&'static str),
}

fn error_reply(id: Value, code: i64, message: String) -> Value {
    json!({"jsonrpc": "2.0", "id": id, "error": {"code": code, "message": message}})
}

/// An id tower-lsp-server can decode: a string, an integer in `i64`, or null.
fn decodable_id(id: &Value) -> bool {
    id.is_null() || id.is_string() || id.is_i64()
}

/// The id to echo in an error reply: the client's own when it is a string or a number (an
/// out-of-range integer is echoed exactly), else null.
fn echo_id(id: Option<&Value>) -> Value {
    match id {
        Some(v @ (Value::String(_) | Value::Number(_))) => v.clone(),
        _ => Value::Null,
    }
}

/// Whether a body is a JSON-RPC message tower-lsp-server can decode, and what to do with it.
/// (tower-lsp-server stops reading for good after a message it cannot decode, so anything
/// its decoder would refuse is answered here.)
fn check(body: &[u8]) -> Verdict {
    // The common case, with one parse: a request or notification as tower-lsp-server reads it.
    // (A missing method reads as "", as do responses: those take the long way.)
    if let Ok(req) = serde_json::from_slice::<Request>(body)
        && !req.method().is_empty()
    {
        let id = req.id().map(|i| serde_json::to_value(i).unwrap_or(Value::Null));
        return check_method(req.method(), id.as_ref(), req.params());
    }
    let verdict = check_value(body);
    if matches!(verdict, Verdict::Forward(_))
        && serde_json::from_slice::<Response>(body).is_err()
        && serde_json::from_slice::<Request>(body).is_err()
    {
        // Well-formed to a generic reader but not to tower-lsp-server's (a duplicate key, an
        // error object without a code, ...).
        let msg: Value = serde_json::from_slice(body).unwrap_or_default();
        if msg.get("method").is_none() {
            return Verdict::Drop("a response that cannot be decoded");
        }
        let why = "Invalid request: not a JSON-RPC message byline can decode (duplicate keys?)";
        return Verdict::Answer(error_reply(echo_id(msg.get("id")), -32600, why.into()));
    }
    verdict
}

/// The checks on a request or notification that tower-lsp-server can decode.
fn check_method(method: &str, id: Option<&Value>, params: Option<&Value>) -> Verdict {
    let reply_id = echo_id(id);
    // The method references are passed on as is not for the client to call.
    if method == REFERENCES {
        return match id {
            Some(_) => Verdict::Answer(error_reply(reply_id, -32601, format!("Method not found: {method}"))),
            None => Verdict::Drop("a notification of an internal method"),
        };
    }
    // tower-lsp-server silently drops unknown `$/` methods, but only notifications may be
    // ignored: an unknown `$/` request must be answered (no `$/` requests exist in LSP).
    if method.starts_with("$/") && id.is_some() {
        return Verdict::Answer(error_reply(reply_id, -32601, format!("Method not found: {method}")));
    }
    if params.is_some_and(|p| !(p.is_object() || p.is_array() || p.is_null())) {
        return Verdict::Answer(error_reply(reply_id, -32602, "Invalid params: must be an object or an array".into()));
    }
    Verdict::Forward(if method == "initialize" { id.cloned() } else { None })
}

/// [`check`] on a generic parse, for what tower-lsp-server's reader did not take as a request.
fn check_value(body: &[u8]) -> Verdict {
    let msg: Value = match serde_json::from_slice(body) {
        Ok(m) => m,
        Err(e) => {
            return Verdict::Answer(error_reply(Value::Null, -32700, format!("Parse error: {e}")));
        }
    };
    let Some(obj) = msg.as_object() else {
        return Verdict::Answer(error_reply(
            Value::Null,
            -32600,
            "Invalid request: expected a JSON-RPC message object (batches are not supported)".into(),
        ));
    };
    let id = obj.get("id");
    let reply_id = echo_id(id);
    let invalid = |why: &str| Verdict::Answer(error_reply(reply_id.clone(), -32600, format!("Invalid request: {why}")));
    let method = obj.get("method");
    if method.is_none() && id.is_some() && (obj.contains_key("result") || obj.contains_key("error")) {
        // A response to one of our requests; we only ever send ids tower-lsp-server made.
        return match id {
            Some(i) if decodable_id(i) && obj.get("jsonrpc").and_then(Value::as_str) == Some("2.0") => Verdict::Forward(None),
            _ => Verdict::Drop("a response with an id or version byline never sent"),
        };
    }
    if obj.get("jsonrpc").and_then(Value::as_str) != Some("2.0") {
        return invalid("\"jsonrpc\" must be \"2.0\"");
    }
    if let Some(i) = id
        && !decodable_id(i)
    {
        return invalid("\"id\" must be a string or an integer between -2^63 and 2^63-1");
    }
    match method {
        Some(Value::String(m)) => check_method(m, id, obj.get("params")),
        Some(_) => invalid("\"method\" must be a string"),
        None => invalid("no \"method\""),
    }
}

/// The answer to bytes whose framing was wrong: an Invalid Request error echoing the id
/// when they hold a request, a parse error when they hold something else than blanks, or
/// nothing (a notification or a response cannot be answered).
fn broken_reply(body: &[u8], why: &str) -> Option<Value> {
    if body.trim_ascii().is_empty() {
        return None;
    }
    match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(obj)) => {
            if obj.contains_key("method") && obj.get("id").is_some_and(|i| !i.is_null()) {
                Some(error_reply(echo_id(obj.get("id")), -32600, format!("Invalid request: {why}")))
            } else {
                None
            }
        }
        Ok(_) => Some(error_reply(Value::Null, -32600, format!("Invalid request: {why}"))),
        Err(_) => Some(error_reply(Value::Null, -32700, format!("Parse error: {why}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer_code(v: Verdict) -> Value {
        match v {
            Verdict::Answer(r) => r["error"]["code"].clone(),
            other => panic!("expected an answer, got {other:?}"),
        }
    }

    #[test]
    fn checks_messages() {
        assert_eq!(check(br#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#), Verdict::Forward(Some(json!(1))));
        assert_eq!(check(br#"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#), Verdict::Forward(None));
        assert_eq!(check(br#"{"jsonrpc":"2.0","method":"exit"}"#), Verdict::Forward(None));
        assert_eq!(check(br#"{"jsonrpc":"2.0","id":"a","result":null}"#), Verdict::Forward(None));
        assert_eq!(answer_code(check(br#"{"jsonrpc":"2.0","id":1,"method":"#)), -32700);
        assert_eq!(answer_code(check(b"\xff\xfe")), -32700);
        assert_eq!(answer_code(check(b"[]")), -32600);
        let Verdict::Answer(r) = check(br#"{"jsonrpc":"1.0","id":7,"method":"x"}"#) else { panic!() };
        assert_eq!((r["id"].clone(), r["error"]["code"].clone()), (json!(7), json!(-32600)));
        assert_eq!(answer_code(check(br#"{"jsonrpc":"2.0","id":{},"method":"x"}"#)), -32600);
        assert_eq!(answer_code(check(br#"{"jsonrpc":"2.0","id":3}"#)), -32600);
        assert_eq!(answer_code(check(br#"{"jsonrpc":"2.0","id":3,"method":"$/x"}"#)), -32601);
        assert_eq!(check(br#"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":1}}"#), Verdict::Forward(None));
    }

    #[test]
    fn ids_outside_i64_are_answered_with_the_id_echoed() {
        for raw in ["9223372036854775808", "18446744073709551615"] {
            let body = format!(r#"{{"jsonrpc":"2.0","id":{raw},"method":"textDocument/hover","params":{{}}}}"#);
            let Verdict::Answer(r) = check(body.as_bytes()) else { panic!("{raw} was passed on") };
            assert_eq!(r["error"]["code"], -32600);
            assert_eq!(r["id"].to_string(), raw, "the id must be echoed exactly");
        }
        assert!(matches!(check(br#"{"jsonrpc":"2.0","id":1.5,"method":"x"}"#), Verdict::Answer(_)));
        assert_eq!(check(br#"{"jsonrpc":"2.0","id":-9223372036854775808,"method":"x"}"#), Verdict::Forward(None));
        assert!(matches!(check(br#"{"jsonrpc":"2.0","id":18446744073709551615,"result":null}"#), Verdict::Drop(_)));
    }

    #[test]
    fn what_tower_lsp_server_cannot_decode_is_answered_here() {
        let Verdict::Answer(r) = check(br#"{"jsonrpc":"2.0","id":4,"id":5,"method":"x"}"#) else { panic!("duplicate keys passed on") };
        assert_eq!(r["error"]["code"], -32600);
        let twice = br#"{"jsonrpc":"2.0","id":4,"id":4,"result":null}"#;
        assert!(matches!(check(twice), Verdict::Drop(_)));
        let fine = br#"{"jsonrpc":"2.0","id":4,"error":{"code":1,"message":"no"}}"#;
        assert_eq!(check(fine), Verdict::Forward(None));
    }

    async fn frames(input: &[u8]) -> Vec<Frame> {
        let mut r = Input::new(input);
        let mut out = Vec::new();
        while let Some(f) = r.frame().await.unwrap() {
            out.push(f);
        }
        out
    }

    fn good(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    #[tokio::test]
    async fn frames_are_read_and_garbage_skipped() {
        let input: &[u8] = b"Content-Length: 2\r\n\r\n{}\r\nX-Junk: 1\r\n\r\ncontent-length: 4\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\nnull";
        let f = frames(input).await;
        assert_eq!(f.len(), 3, "{f:?}");
        assert_eq!(f[0], Frame::Good(b"{}".to_vec()));
        assert!(matches!(&f[1], Frame::Broken { body, .. } if body.trim_ascii().is_empty()));
        assert_eq!(f[2], Frame::Good(b"null".to_vec()));
    }

    #[tokio::test]
    async fn wrong_lengths_resynchronise_at_the_next_header() {
        let m = r#"{"jsonrpc":"2.0","id":7,"method":"x"}"#;
        let next = r#"{"jsonrpc":"2.0","id":8,"method":"y"}"#;
        for bad in [
            "Content-Length: 10",
            "Content-Length: 60",
            "Content-Length: 999",
            "Content-Length: -5",
            "Content-Length: ten",
            "Content-Length: 99999999999999999999999999",
            "Content-Length: 100000000000000",
            "X-Other: 1",
        ] {
            let input = format!("{bad}\r\n\r\n{m}{}", good(next));
            let f = frames(input.as_bytes()).await;
            assert_eq!(f.last(), Some(&Frame::Good(next.as_bytes().to_vec())), "after {bad:?}: {f:?}");
            assert!(f[..f.len() - 1].iter().all(|f| matches!(f, Frame::Broken { .. } | Frame::Good(_))));
        }
        // Too large: the request it carried is answered with its id.
        let f = frames(format!("Content-Length: 999\r\n\r\n{m}{}", good(next)).as_bytes()).await;
        let Frame::Broken { body, why } = &f[0] else { panic!("{f:?}") };
        assert_eq!(broken_reply(body, why).unwrap()["id"], 7);
    }

    #[tokio::test]
    async fn overlong_header_lines_are_capped() {
        let mut input = vec![b'x'; 3 << 20];
        input.extend_from_slice(good("{}").as_bytes());
        let mut r = Input::new(&input[..]);
        let line = r.line().await.unwrap().unwrap();
        assert!(line.len() <= MAX_LINE + PIPE, "a header line of {} bytes was kept", line.len());
        assert!(line.ends_with(b"Content-Length: 2\r"));
        let mut r = Input::new(&input[..]);
        assert_eq!(r.frame().await.unwrap(), Some(Frame::Good(b"{}".to_vec())));
    }

    #[test]
    fn length_headers_are_found_at_line_ends_only() {
        assert_eq!(length_header(b"Content-Length: 12\r"), Some((0, Some(12))));
        assert_eq!(length_header(b"}garbage content-length:7"), Some((9, Some(7))));
        assert_eq!(length_header(b"Content-Length: 99999999999999999999999999"), Some((0, None)));
        assert_eq!(length_header(b"\"text\": \"Content-Length: 5\","), None);
        assert_eq!(length_header(b"Content-Length: -5"), None);
        assert_eq!(length_header(b"Length: 5"), None);
        assert_eq!(length_header(b"5"), None);
    }
}
