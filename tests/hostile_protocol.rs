//! Protocol hazards thrown at the real server binary over stdio: malformed JSON, wrong and
//! absurd Content-Length headers, unknown methods, out-of-range positions, `$/cancelRequest`,
//! exit without shutdown, EOF. The server must answer or ignore as the spec says, never die,
//! and stay able to serve the next request.

#[allow(dead_code, clippy::all)]
#[path = "../crates/byline-bench/src/lspc.rs"]
mod lspc;

use std::time::Duration;

use lspc::Server;
use serde_json::{Value, json};

const BIN: &str = env!("CARGO_BIN_EXE_byline");
const T: Duration = Duration::from_secs(20);

const ARTICLE: &str = "Harbour plan faces new doubts\n\n\
Mayor Adela Quarrie said on Monday that the harbour would reopen in May. \
At least 4,000 households lost power overnight. \
It is feared that the repairs will cost more than planned. \
\u{201C}We asked for help three times and heard nothing back,\u{201D} said a fisherman. \
A senior council official said the contractor had been warned. \
\u{201C}Nobody told us the water was unsafe until it was too late.\u{201D}\n\n\
Ms Quarrie added that Quarrie\u{2019}s office would publish the report. Emoji 🎉 and Cyrillic Путин here.\n";

fn started() -> (tempfile::TempDir, Server, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("harbour.txt");
    std::fs::write(&path, ARTICLE).unwrap();
    let mut s = Server::spawn(BIN, &["lsp"], Some(dir.path()), None);
    s.initialize(Some(dir.path()), &["utf-16"]);
    let uri = lspc::uri_of(&path);
    let c = s.cursor();
    s.open(&uri, ARTICLE, 1);
    assert!(s.wait_diagnostics(c, &uri, Some(1), T).is_some(), "no diagnostics after didOpen");
    (dir, s, uri)
}

/// The server still answers a real request, and is still running.
fn still_serving(s: &mut Server, uri: &str) {
    let r = s.request("textDocument/documentSymbol", json!({"textDocument": {"uri": uri}}), T);
    assert!(r.is_ok(), "server no longer answers after the hazard: {r:?}");
    assert!(s.running(), "server died");
    assert_eq!(s.bad_frames(), 0, "server wrote a frame that is not JSON");
}

#[test]
fn malformed_bodies_are_answered_and_the_server_carries_on() {
    let (_d, mut s, uri) = started();
    for body in [
        &b"{"[..],
        b"not json at all",
        b"\xff\xfe\xfd",
        b"[]",
        b"[{\"jsonrpc\":\"2.0\",\"id\":900,\"method\":\"shutdown\"}]",
        b"{\"jsonrpc\":\"2.0\",\"id\":901}",
        b"{\"jsonrpc\":\"2.0\",\"id\":{\"a\":1},\"method\":\"textDocument/hover\"}",
        b"{\"jsonrpc\":\"1.0\",\"id\":902,\"method\":\"textDocument/hover\"}",
        b"{\"jsonrpc\":\"2.0\",\"id\":903,\"method\":42}",
        b"{\"jsonrpc\":\"2.0\",\"id\":904,\"method\":\"textDocument/hover\",\"params\":\"x\"}",
        b"{\"jsonrpc\":\"2.0\",\"id\":905,\"method\":\"textDocument/hover\",\"params\":{\"textDocument\":7}}",
        // Duplicate keys: fine for a generic JSON reader, refused by tower-lsp-server's decoder.
        b"{\"jsonrpc\":\"2.0\",\"id\":906,\"id\":907,\"method\":\"textDocument/hover\"}",
        b"null",
        b"",
        b"{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":{\"textDocument\":{\"uri\":\"x\"}}}",
    ] {
        let mut f = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
        f.extend_from_slice(body);
        assert!(s.send_raw(&f));
    }
    // A request with invalid params gets an error response with its id.
    let r = s.wait_response(905, T).expect("no response to a hover with bad params");
    assert!(r.get("error").is_some(), "bad params must be an error: {r}");
    still_serving(&mut s, &uri);
    assert_eq!(s.shutdown().map(|x| x.code()), Some(Some(0)));
}

#[test]
fn wrong_content_lengths_do_not_kill_the_server() {
    let (_d, mut s, uri) = started();
    let good = |id: i64| {
        let b = json!({"jsonrpc": "2.0", "id": id, "method": "textDocument/documentSymbol", "params": {"textDocument": {"uri": uri}}})
            .to_string();
        format!("Content-Length: {}\r\n\r\n{b}", b.len())
    };
    // Too short: the tail of the body becomes garbage before the next header.
    let b = json!({"jsonrpc": "2.0", "id": 50, "method": "textDocument/hover", "params": {}}).to_string();
    s.send_raw(format!("Content-Length: 10\r\n\r\n{b}").as_bytes());
    // Not a number, negative, missing, duplicated, other headers only.
    s.send_raw(b"Content-Length: ten\r\n\r\n{}");
    s.send_raw(b"Content-Length: -5\r\n\r\n{}");
    s.send_raw(b"X-Whatever: 1\r\n\r\n");
    s.send_raw(b"{\"jsonrpc\":\"2.0\",\"id\":51,\"method\":\"shutdown\"}\r\n\r\n");
    s.send_raw(b"\r\n\r\n\r\n");
    // Resynchronise with well-formed frames: at least the last of several must be answered.
    let mut answered = false;
    for id in 60..70 {
        s.send_raw(good(id).as_bytes());
        if s.wait_response(id, Duration::from_millis(500)).is_some() {
            answered = true;
        }
    }
    assert!(answered, "the server never resynchronised after bad headers");
    still_serving(&mut s, &uri);
    s.shutdown();
}

/// A Content-Length the size of a disk must not make the server allocate it (an abort).
#[test]
fn absurd_content_length_is_not_allocated_up_front() {
    let (_d, mut s, _uri) = started();
    s.send_raw(b"Content-Length: 100000000000000\r\n\r\n{\"jsonrpc\":\"2.0\"");
    std::thread::sleep(Duration::from_millis(700));
    assert!(s.running(), "the server died on a 100 TB Content-Length (allocation failure?)");
    // The rest of the stream belongs to that body; on EOF the server must exit by itself.
    s.close_stdin();
    let st = s.wait_exit(T);
    assert!(st.is_some(), "the server hangs after EOF inside a body");
    let code = st.unwrap().code();
    assert!(code.is_some(), "the server was killed by a signal: {st:?}");
}

#[test]
fn unknown_methods() {
    let (_d, mut s, uri) = started();
    let e = s.request("byline/doesNotExist", json!({}), T).expect_err("unknown request must be an error");
    assert_eq!(e["code"], -32601);
    // The spec: a request whose method starts with "$/" that the server does not know must be
    // answered with MethodNotFound (only `$/` notifications may be ignored).
    let e = s.request("$/alsoUnknown", json!({}), Duration::from_secs(5)).expect_err("unknown $/ request must be an error");
    assert_eq!(e["code"], -32601, "an unknown `$/` request was not answered with MethodNotFound: {e}");
    s.notify("byline/unknownNotification", json!({"x": 1}));
    s.notify("$/unknownNotification", json!(null));
    s.notify("textDocument/didChange", json!({}));
    still_serving(&mut s, &uri);
    s.shutdown();
}

#[test]
fn out_of_range_positions() {
    let (_d, mut s, uri) = started();
    let far = [
        json!({"line": 1_000_000, "character": 0}),
        json!({"line": 0, "character": 4_000_000_000u64}),
        json!({"line": 4_294_967_295u64, "character": 4_294_967_295u64}),
    ];
    for p in &far {
        for method in ["textDocument/hover", "textDocument/definition", "textDocument/documentHighlight", "textDocument/references"] {
            let params = json!({"textDocument": {"uri": uri}, "position": p, "context": {"includeDeclaration": true}});
            let r = s.request(method, params, T);
            assert!(r.is_ok() || r.as_ref().unwrap_err().get("code").is_some(), "{method} at {p}: {r:?}");
        }
    }
    // Negative and fractional positions are invalid params, not a crash.
    for p in [json!({"line": -1, "character": 0}), json!({"line": 0.5, "character": 0}), json!({"line": "0", "character": 0})] {
        let r = s.request("textDocument/hover", json!({"textDocument": {"uri": uri}, "position": p}), T);
        assert!(r.is_err(), "hover at {p} should be invalid params: {r:?}");
    }
    // An edit whose range lies past the end clamps: it appends.
    let c = s.cursor();
    s.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2},
               "contentChanges": [{"range": {"start": {"line": 999, "character": 5}, "end": {"line": 9999, "character": 0}}, "text": "Appended."}]}),
    );
    assert!(s.wait_diagnostics(c, &uri, Some(2), T).is_some(), "no diagnostics after an out-of-range edit");
    still_serving(&mut s, &uri);
    s.shutdown();
}

#[test]
fn cancelled_requests_are_still_answered() {
    let (_d, mut s, uri) = started();
    let mut ids = Vec::new();
    for i in 0..200 {
        let id = match i % 4 {
            0 => s.request_async("workspace/symbol", json!({"query": "qu"})),
            1 => s.request_async("textDocument/hover", json!({"textDocument": {"uri": uri}, "position": {"line": 2, "character": 10}})),
            2 => s.request_async(
                "textDocument/references",
                json!({"textDocument": {"uri": uri}, "position": {"line": 2, "character": 14}, "context": {"includeDeclaration": true}}),
            ),
            _ => s.request_async("textDocument/documentSymbol", json!({"textDocument": {"uri": uri}})),
        };
        s.notify("$/cancelRequest", json!({"id": id}));
        ids.push(id);
    }
    // Cancelling ids that do not exist (or strings) changes nothing.
    s.notify("$/cancelRequest", json!({"id": 987654}));
    s.notify("$/cancelRequest", json!({"id": "nope"}));
    for id in ids {
        let r = s.wait_response(id, T).unwrap_or_else(|| panic!("request {id} was cancelled and never answered"));
        if let Some(e) = r.get("error") {
            assert_eq!(e["code"], -32800, "a cancelled request may only fail with RequestCancelled: {r}");
        }
    }
    still_serving(&mut s, &uri);
    s.shutdown();
}

#[test]
fn exit_without_shutdown_ends_the_process_with_status_1() {
    let (_d, mut s, _uri) = started();
    s.notify("exit", Value::Null);
    let st = s.wait_exit(T).expect("the server did not exit on `exit`");
    assert_eq!(st.code(), Some(1));
}

#[test]
fn eof_on_stdin_ends_the_process() {
    let (_d, mut s, _uri) = started();
    s.close_stdin();
    let st = s.wait_exit(T).expect("the server did not exit when stdin closed");
    assert!(st.code().is_some(), "killed by a signal: {st:?}");
}

#[test]
fn requests_after_shutdown_are_refused_and_exit_is_clean() {
    let (_d, mut s, uri) = started();
    assert!(s.request("shutdown", Value::Null, T).is_ok());
    let r = s.request("textDocument/documentSymbol", json!({"textDocument": {"uri": uri}}), T);
    assert!(r.is_err(), "requests after shutdown must be errors: {r:?}");
    s.notify("exit", Value::Null);
    assert_eq!(s.wait_exit(T).and_then(|x| x.code()), Some(0));
}

#[test]
fn a_second_initialize_is_an_error() {
    let (_d, mut s, uri) = started();
    let r = s.request("initialize", json!({"capabilities": {}, "processId": null, "rootUri": null}), T);
    assert!(r.is_err(), "a second initialize must be refused: {r:?}");
    still_serving(&mut s, &uri);
    s.shutdown();
}

#[test]
fn a_one_megabyte_document_and_odd_document_events() {
    let (d, mut s, uri) = started();
    let big = ARTICLE.repeat(1_000_000 / ARTICLE.len());
    let big_uri = lspc::uri_of(&d.path().join("big.md"));
    let c = s.cursor();
    s.open(&big_uri, &big, 1);
    assert!(s.wait_diagnostics(c, &big_uri, Some(1), Duration::from_secs(120)).is_some(), "no diagnostics for a 1 MB document");
    // Opened twice, closed twice, changed after close, a non-file URI, a URI with odd characters.
    s.open(&big_uri, "Short now. Critics say so.", 2);
    s.notify("textDocument/didClose", json!({"textDocument": {"uri": big_uri}}));
    s.notify("textDocument/didClose", json!({"textDocument": {"uri": big_uri}}));
    s.notify("textDocument/didChange", json!({"textDocument": {"uri": big_uri, "version": 9}, "contentChanges": [{"text": "x"}]}));
    for odd in ["untitled:Untitled-1", "file:///no/such/dir/%E2%80%9Cx%E2%80%9D.md", "https://example.org/a.txt", "file://", "::::"] {
        s.open(odd, "It is feared that \u{201C}the dam will fail.", 1);
        let _ = s.request("textDocument/hover", json!({"textDocument": {"uri": odd}, "position": {"line": 0, "character": 3}}), T);
    }
    still_serving(&mut s, &uri);
    s.shutdown();
}

fn symbols_request(id: i64, uri: &str) -> Vec<u8> {
    let b =
        json!({"jsonrpc": "2.0", "id": id, "method": "textDocument/documentSymbol", "params": {"textDocument": {"uri": uri}}}).to_string();
    format!("Content-Length: {}\r\n\r\n{b}", b.len()).into_bytes()
}

/// Each kind of wrong Content-Length, on its own server: the next well-formed request is
/// answered (the server resynchronises at its header) and nothing the server writes is garbage.
#[test]
fn after_each_wrong_content_length_the_next_request_is_answered() {
    for header in [
        "Content-Length: 10",
        "Content-Length: 2000",
        "Content-Length: -5",
        "Content-Length: ten",
        "Content-Length: 99999999999999999999999999",
        "Content-Length: 18446744073709551616",
        "X-No-Length: 1",
    ] {
        let (_d, mut s, uri) = started();
        let body = json!({"jsonrpc": "2.0", "id": 50, "method": "textDocument/hover", "params": {"textDocument": {"uri": uri}, "position": {"line": 2, "character": 8}}}).to_string();
        let mut bytes = format!("{header}\r\n\r\n{body}").into_bytes();
        bytes.extend_from_slice(&symbols_request(60, &uri));
        assert!(s.send_raw(&bytes));
        let r = s.wait_response(60, T).unwrap_or_else(|| panic!("after {header:?} the server is running ({}) but deaf", s.alive_now()));
        assert!(r.get("result").is_some(), "after {header:?}: {r}");
        // The request inside the badly framed message is not run, but it is not left hanging
        // either when its id can be read.
        if header != "Content-Length: 10" {
            let r = s.wait_response(50, T).unwrap_or_else(|| panic!("after {header:?}: the request it carried was never answered"));
            assert_eq!(r["error"]["code"], -32600, "after {header:?}: {r}");
        }
        still_serving(&mut s, &uri);
        assert_eq!(s.shutdown().and_then(|x| x.code()), Some(0), "after {header:?}");
    }
}

/// A Content-Length larger than the message, with nothing after it: the client waits for the
/// answer, so the server must not wait for bytes that will never come.
#[test]
fn a_too_large_content_length_with_nothing_after_it_is_answered() {
    let (_d, mut s, uri) = started();
    let body =
        json!({"jsonrpc": "2.0", "id": 77, "method": "textDocument/documentSymbol", "params": {"textDocument": {"uri": uri}}}).to_string();
    assert!(s.send_raw(format!("Content-Length: {}\r\n\r\n{body}", body.len() + 300).as_bytes()));
    let r = s.wait_response(77, T).expect("a request with a too-large Content-Length was never answered");
    assert_eq!(r["error"]["code"], -32600, "{r}");
    still_serving(&mut s, &uri);
    s.shutdown();
}

/// A 64 MB header line is not buffered whole, and the frame after it is read.
#[test]
fn a_64_megabyte_header_line_is_skipped_not_buffered() {
    let (_d, mut s, uri) = started();
    let before = s.peak_rss_mb().unwrap_or(0.0);
    let chunk = vec![b'x'; 1 << 20];
    for _ in 0..64 {
        assert!(s.send_raw(&chunk), "the server stopped reading a long header line");
    }
    assert!(s.send_raw(&symbols_request(61, &uri)));
    let r = s.wait_response(61, T).expect("no answer after a 64 MB header line");
    assert!(r.get("result").is_some(), "{r}");
    if let Some(after) = s.peak_rss_mb() {
        assert!(after - before < 40.0, "peak RSS grew from {before:.0} to {after:.0} MB over a 64 MB header line");
    }
    still_serving(&mut s, &uri);
    s.shutdown();
}

/// Ids outside the 64-bit signed range get an Invalid Request error with the id echoed, and
/// the server carries on (tower-lsp-server cannot decode them and would stop reading).
#[test]
fn request_ids_outside_i64_are_refused_and_the_server_carries_on() {
    let (_d, mut s, uri) = started();
    for raw in ["9223372036854775808", "18446744073709551615"] {
        let c = s.cursor();
        let body = format!(
            r#"{{"jsonrpc":"2.0","id":{raw},"method":"textDocument/documentSymbol","params":{{"textDocument":{{"uri":"{uri}"}}}}}}"#
        );
        assert!(s.send_raw(format!("Content-Length: {}\r\n\r\n{body}", body.len()).as_bytes()));
        let want: u64 = raw.parse().unwrap();
        let (_, r) = s
            .wait_for(c, T, |m| m.msg.get("method").is_none() && m.msg["id"].as_u64() == Some(want))
            .unwrap_or_else(|| panic!("no answer to id {raw} (server running: {})", s.alive_now()));
        assert_eq!(r.msg["error"]["code"], -32600, "{}", r.msg);
        still_serving(&mut s, &uri);
    }
    assert_eq!(s.shutdown().and_then(|x| x.code()), Some(0));
}

/// A client that pipelines `initialized` and `didOpen` right behind `initialize`, before its
/// response: both are applied after `initialize` (the walk starts, the document gets
/// diagnostics).
#[test]
fn notifications_pipelined_behind_initialize_are_not_lost() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("on-disk.txt"), "Mayor Adela Quarrie said on Monday that the harbour would reopen.\n").unwrap();
    let open_path = dir.path().join("open.txt");
    std::fs::write(&open_path, ARTICLE).unwrap();
    let mut s = Server::spawn(BIN, &["lsp"], Some(dir.path()), None);
    let root = lspc::uri_of(dir.path());
    let uri = lspc::uri_of(&open_path);
    let frame = |v: Value| {
        let b = v.to_string();
        format!("Content-Length: {}\r\n\r\n{b}", b.len())
    };
    let all = [
        frame(json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
            "processId": null, "rootUri": root, "workspaceFolders": [{"uri": root, "name": "ws"}],
            "capabilities": {"window": {"workDoneProgress": true}}}})),
        frame(json!({"jsonrpc": "2.0", "method": "initialized", "params": {}})),
        frame(json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": ARTICLE}}})),
    ]
    .concat();
    assert!(s.send_raw(all.as_bytes()), "one write with all three messages");
    let r = s.wait_response(1, T).expect("no answer to initialize");
    assert!(r.get("result").is_some(), "{r}");
    assert!(s.wait_diagnostics(0, &uri, Some(1), T).is_some(), "the pipelined didOpen was lost: no diagnostics");
    // The walk started: the person known only from the file on disk is found.
    let found = s.request("workspace/symbol", json!({"query": "Quarrie"}), T).expect("workspace/symbol");
    let on_disk = lspc::uri_of(&dir.path().join("on-disk.txt"));
    let anywhere = |v: &Value| v.to_string().contains(&on_disk);
    assert!(
        anywhere(&found) || {
            let refs = s.request(
                "textDocument/references",
                json!({"textDocument": {"uri": uri}, "position": {"line": 2, "character": 8}, "context": {"includeDeclaration": true}}),
                T,
            );
            refs.as_ref().is_ok_and(anywhere)
        },
        "the pipelined initialized was lost: the workspace was never indexed ({found})"
    );
    still_serving(&mut s, &uri);
    assert_eq!(s.shutdown().and_then(|x| x.code()), Some(0));
}
