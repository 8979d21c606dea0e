//! Big answers written straight to JSON frames, past tower-lsp-server (which turns every
//! result into a `serde_json::Value` first): find-references, whole or as `$/progress`
//! partial results. Locations are serialised from borrowed parts (no `Uri` clones, no
//! intermediate values).

use serde_json::Value;
use tower_lsp_server::ls_types::{ProgressToken, Range};

use super::people::DocRanges;
use super::transport::Notifier;

/// Locations per `$/progress` partial result.
pub const BATCH: usize = 1000;

/// The beginning of every location of one document, up to the first line number:
/// `{"uri":"…","range":{"start":{"line":` (the URI escaped once per document).
fn location_head(uri: &str) -> Vec<u8> {
    let mut head = Vec::with_capacity(uri.len() + 48);
    head.extend_from_slice(b"{\"uri\":");
    let _ = serde_json::to_writer(&mut head, uri);
    head.extend_from_slice(b",\"range\":{\"start\":{\"line\":");
    head
}

/// The rest of a location after its [`location_head`], written into a buffer on the stack (the
/// four numbers and the punctuation between them: at most 90 bytes), so that a location costs
/// two copies into the output, not one per piece.
struct Tail {
    buf: [u8; 96],
    len: usize,
}

impl Tail {
    fn of(r: &Range) -> Tail {
        let mut t = Tail { buf: [0; 96], len: 0 };
        t.number(r.start.line);
        t.text(b",\"character\":");
        t.number(r.start.character);
        t.text(b"},\"end\":{\"line\":");
        t.number(r.end.line);
        t.text(b",\"character\":");
        t.number(r.end.character);
        t.text(b"}}}");
        t
    }

    fn text(&mut self, s: &[u8]) {
        self.buf[self.len..self.len + s.len()].copy_from_slice(s);
        self.len += s.len();
    }

    /// The decimal digits of `n`, written in place from the last.
    fn number(&mut self, mut n: u32) {
        let len = n.checked_ilog10().unwrap_or(0) as usize + 1;
        let mut i = self.len + len;
        loop {
            i -= 1;
            self.buf[i] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        self.len += len;
    }

    fn bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }
}

/// Append one location: its document's [`location_head`], then its range.
fn write_location(out: &mut Vec<u8>, head: &[u8], r: &Range) {
    out.extend_from_slice(head);
    out.extend_from_slice(Tail::of(r).bytes());
}

/// Append `[loc, loc, …]` for every location of `groups`, in order.
fn write_locations(out: &mut Vec<u8>, groups: &[DocRanges<'_>]) {
    out.push(b'[');
    let mut first = true;
    for g in groups {
        let head = location_head(g.uri.as_str());
        for range in &g.ranges {
            if !first {
                out.push(b',');
            }
            first = false;
            write_location(out, &head, range);
        }
    }
    out.push(b']');
}

/// The whole frame of the response to request `id`: every location of `groups`.
pub fn response_frame(id: &Value, groups: &[DocRanges<'_>]) -> Vec<u8> {
    let n: usize = groups.iter().map(|g| g.ranges.len()).sum();
    let mut body = Vec::with_capacity(64 + n * 150);
    body.extend_from_slice(b"{\"jsonrpc\":\"2.0\",\"id\":");
    let _ = serde_json::to_writer(&mut body, id);
    body.extend_from_slice(b",\"result\":");
    write_locations(&mut body, groups);
    body.push(b'}');
    Notifier::frame_body(&body)
}

/// Sends locations as `$/progress` notifications with partial results for one token,
/// [`BATCH`] at a time, each as soon as it is full ([`Self::push`] document by document,
/// then [`Self::finish`]).
pub struct PartialResults<'a> {
    notifier: &'a Notifier,
    /// The notification up to `"value":`.
    head: Vec<u8>,
    body: Vec<u8>,
    count: usize,
    /// How many notifications were sent.
    pub sent: usize,
}

impl<'a> PartialResults<'a> {
    pub fn new(notifier: &'a Notifier, token: &ProgressToken) -> Self {
        let mut head = b"{\"jsonrpc\":\"2.0\",\"method\":\"$/progress\",\"params\":{\"token\":".to_vec();
        let _ = serde_json::to_writer(&mut head, token);
        head.extend_from_slice(b",\"value\":[");
        PartialResults { notifier, head, body: Vec::new(), count: 0, sent: 0 }
    }

    /// Add the locations of one document, sending every full batch.
    pub fn push(&mut self, group: &DocRanges<'_>) {
        let head = location_head(group.uri.as_str());
        for r in &group.ranges {
            if self.count == 0 {
                self.body.clear();
                self.body.reserve(self.head.len() + BATCH * 150);
                self.body.extend_from_slice(&self.head);
            } else {
                self.body.push(b',');
            }
            write_location(&mut self.body, &head, r);
            self.count += 1;
            if self.count == BATCH {
                self.flush();
            }
        }
    }

    fn flush(&mut self) {
        if self.count == 0 {
            return;
        }
        self.body.extend_from_slice(b"]}}");
        self.notifier.send(Notifier::frame_body(&self.body));
        self.count = 0;
        self.sent += 1;
    }

    /// Send what is left (nothing when no location was pushed).
    pub fn finish(mut self) -> usize {
        self.flush();
        self.sent
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tower_lsp_server::ls_types::{Location, Position, Uri};

    #[test]
    fn locations_serialise_as_lsp_locations() {
        let a: Uri = "file:///ws/a%20b.txt".parse().unwrap();
        let b: Uri = "untitled:Untitled-1".parse().unwrap();
        let r = |l, c| Range::new(Position::new(l, c), Position::new(l, c + 5));
        let groups = [
            DocRanges { uri: &a, ranges: vec![r(0, 1), r(3, 7)] },
            DocRanges { uri: &b, ranges: vec![r(2, 0), Range::new(Position::new(0, 0), Position::new(u32::MAX, 10))] },
        ];
        let frame = response_frame(&Value::from("x\"1"), &groups);
        let text = String::from_utf8(frame).unwrap();
        let (head, body) = text.split_once("\r\n\r\n").unwrap();
        assert_eq!(head, format!("Content-Length: {}", body.len()));
        let v: Value = serde_json::from_str(body).unwrap();
        assert_eq!(v["id"], "x\"1");
        let want = vec![
            Location::new(a.clone(), r(0, 1)),
            Location::new(a.clone(), r(3, 7)),
            Location::new(b.clone(), r(2, 0)),
            Location::new(b.clone(), Range::new(Position::new(0, 0), Position::new(u32::MAX, 10))),
        ];
        assert_eq!(v["result"], serde_json::to_value(&want).unwrap());
        let empty = response_frame(&Value::from(7), &[]);
        assert!(String::from_utf8(empty).unwrap().ends_with(r#"{"jsonrpc":"2.0","id":7,"result":[]}"#));
    }
}
