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

/// Append the decimal digits of `n`.
fn write_u32(out: &mut Vec<u8>, mut n: u32) {
    let mut buf = [0u8; 10];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&buf[i..]);
}

/// Append one `Location` (`uri` already a JSON string, quotes included).
fn write_location(out: &mut Vec<u8>, uri: &[u8], r: &Range) {
    out.extend_from_slice(b"{\"uri\":");
    out.extend_from_slice(uri);
    out.extend_from_slice(b",\"range\":{\"start\":{\"line\":");
    write_u32(out, r.start.line);
    out.extend_from_slice(b",\"character\":");
    write_u32(out, r.start.character);
    out.extend_from_slice(b"},\"end\":{\"line\":");
    write_u32(out, r.end.line);
    out.extend_from_slice(b",\"character\":");
    write_u32(out, r.end.character);
    out.extend_from_slice(b"}}}");
}

/// The locations of `groups` in order, each with its document's URI as a JSON string
/// (escaped once per document).
fn locations<'a>(
    groups: &'a [DocRanges<'a>],
) -> impl Iterator<Item = (std::rc::Rc<[u8]>, &'a Range)> {
    groups.iter().flat_map(|g| {
        let uri: std::rc::Rc<[u8]> = serde_json::to_vec(g.uri.as_str())
            .unwrap_or_default()
            .into();
        g.ranges.iter().map(move |r| (uri.clone(), r))
    })
}

/// Append `[loc, loc, …]` for `locs` to `out`.
fn write_locations<'a>(
    out: &mut Vec<u8>,
    locs: impl Iterator<Item = (std::rc::Rc<[u8]>, &'a Range)>,
) {
    out.push(b'[');
    let mut first = true;
    for (uri, range) in locs {
        if !first {
            out.push(b',');
        }
        first = false;
        write_location(out, &uri, range);
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
    write_locations(&mut body, locations(groups));
    body.push(b'}');
    Notifier::frame_body(&body)
}

/// Send the locations of `groups` as `$/progress` notifications with partial results for
/// `token`, [`BATCH`] at a time, each as soon as it is serialised. Returns how many were sent.
pub fn send_partial_results(
    notifier: &Notifier,
    token: &ProgressToken,
    groups: &[DocRanges<'_>],
) -> usize {
    let mut all = locations(groups).peekable();
    let mut sent = 0;
    while all.peek().is_some() {
        let mut body = Vec::with_capacity(64 + BATCH * 150);
        body.extend_from_slice(
            b"{\"jsonrpc\":\"2.0\",\"method\":\"$/progress\",\"params\":{\"token\":",
        );
        let _ = serde_json::to_writer(&mut body, token);
        body.extend_from_slice(b",\"value\":");
        write_locations(&mut body, all.by_ref().take(BATCH));
        body.extend_from_slice(b"}}");
        if !notifier.send(Notifier::frame_body(&body)) {
            break;
        }
        sent += 1;
    }
    sent
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
            DocRanges {
                uri: &a,
                ranges: vec![r(0, 1), r(3, 7)],
            },
            DocRanges {
                uri: &b,
                ranges: vec![
                    r(2, 0),
                    Range::new(Position::new(0, 0), Position::new(u32::MAX, 10)),
                ],
            },
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
            Location::new(
                b.clone(),
                Range::new(Position::new(0, 0), Position::new(u32::MAX, 10)),
            ),
        ];
        assert_eq!(v["result"], serde_json::to_value(&want).unwrap());
        let empty = response_frame(&Value::from(7), &[]);
        assert!(
            String::from_utf8(empty)
                .unwrap()
                .ends_with(r#"{"jsonrpc":"2.0","id":7,"result":[]}"#)
        );
    }
}
