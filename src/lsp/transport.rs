//! A framing guard between stdio and tower-lsp-server.
//!
//! tower-lsp-server stops reading its input for good after one message it cannot decode
//! (malformed JSON, a body that is not a JSON-RPC message): the server would go deaf. So the
//! server reads from and writes to in-memory pipes, and two small tasks sit in between:
//!
//! - input: reads `Content-Length` frames from stdin; a frame whose body is not a JSON-RPC
//!   message is answered here (`-32700` parse error or `-32600` invalid request) and not
//!   passed on; headers without a length are skipped;
//! - output: copies the server's frames to stdout whole, interleaved with those answers.

use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader, DuplexStream};
use tokio::sync::mpsc;

use super::state::log;

const PIPE: usize = 1 << 16;

/// The largest message accepted (a document of this size is far beyond any article).
const MAX_MESSAGE: usize = 512 << 20;

/// Start the guard on `input`/`output`; returns the pipe ends to hand to the server and the
/// output task (await it after the server has finished so that every frame is flushed).
pub fn guard<I, O>(input: I, output: O) -> (DuplexStream, DuplexStream, tokio::task::JoinHandle<()>)
where
    I: AsyncRead + Unpin + Send + 'static,
    O: AsyncWrite + Unpin + Send + 'static,
{
    let (server_in, mut to_server) = tokio::io::duplex(PIPE);
    let (server_out, from_server) = tokio::io::duplex(PIPE);
    // `None` marks the end of the server's output.
    let (frames_tx, mut frames_rx) = mpsc::unbounded_channel::<Option<Vec<u8>>>();

    // Input: stdin -> checked frames -> server.
    let answers = frames_tx.clone();
    tokio::spawn(async move {
        let mut reader = BufReader::new(input);
        loop {
            match read_frame(&mut reader).await {
                Ok(None) => break,
                Ok(Some(body)) => match check(&body) {
                    Ok(()) => {
                        let head = format!("Content-Length: {}\r\n\r\n", body.len());
                        if to_server.write_all(head.as_bytes()).await.is_err() || to_server.write_all(&body).await.is_err() {
                            break;
                        }
                    }
                    Err(reply) => {
                        log!("bad message from the client: {}", reply["error"]["message"]);
                        let _ = answers.send(Some(frame(&reply)));
                    }
                },
                Err(e) => {
                    log!("cannot read from the client: {e}");
                    break;
                }
            }
        }
        let _ = to_server.shutdown().await;
    });

    // Server output -> whole frames -> the writer.
    tokio::spawn(async move {
        let mut reader = BufReader::new(from_server);
        while let Ok(Some(body)) = read_frame(&mut reader).await {
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
    (server_in, server_out, writer)
}

fn frame(msg: &Value) -> Vec<u8> {
    let body = msg.to_string();
    let mut f = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    f.extend_from_slice(body.as_bytes());
    f
}

/// Read one frame's body; `None` at end of input. Header blocks without a `Content-Length`
/// are skipped.
async fn read_frame<R: AsyncBufReadExt + Unpin>(r: &mut R) -> std::io::Result<Option<Vec<u8>>> {
    loop {
        let mut len: Option<usize> = None;
        let mut saw_header = false;
        loop {
            let mut line = Vec::new();
            if r.read_until(b'\n', &mut line).await? == 0 {
                return Ok(None);
            }
            let text = String::from_utf8_lossy(&line);
            let text = text.trim();
            if text.is_empty() {
                if saw_header {
                    break;
                }
                continue; // stray blank line between frames
            }
            saw_header = true;
            if let Some((name, value)) = text.split_once(':')
                && name.trim().eq_ignore_ascii_case("content-length")
            {
                len = value.trim().parse().ok();
            }
        }
        match len {
            Some(n) if n > MAX_MESSAGE => {
                // Never allocate what a header claims up front: skip the body as it streams by.
                log!("skipping a message of {n} bytes (more than {MAX_MESSAGE})");
                let skipped = tokio::io::copy(&mut (&mut *r).take(n as u64), &mut tokio::io::sink()).await?;
                if skipped < n as u64 {
                    return Ok(None); // the input ended inside the body
                }
            }
            Some(n) => {
                let mut body = Vec::with_capacity(n.min(1 << 20));
                (&mut *r).take(n as u64).read_to_end(&mut body).await?;
                if body.len() < n {
                    return Ok(None); // the input ended inside the body
                }
                return Ok(Some(body));
            }
            None => log!("skipping a message without a valid Content-Length header"),
        }
    }
}

/// Whether a body is a JSON-RPC message tower-lsp-server can decode; else the error reply.
fn check(body: &[u8]) -> Result<(), Value> {
    let error = |id: Value, code: i64, message: String| json!({"jsonrpc": "2.0", "id": id, "error": {"code": code, "message": message}});
    let msg: Value = serde_json::from_slice(body).map_err(|e| error(Value::Null, -32700, format!("Parse error: {e}")))?;
    let Some(obj) = msg.as_object() else {
        return Err(error(Value::Null, -32600, "Invalid request: expected a JSON-RPC message object (batches are not supported)".into()));
    };
    let id = obj.get("id").cloned();
    let id_ok = id.as_ref().is_none_or(|i| i.is_null() || i.is_string() || i.is_i64() || i.is_u64());
    let reply_id = if id_ok { id.clone().unwrap_or(Value::Null) } else { Value::Null };
    if obj.get("jsonrpc").and_then(Value::as_str) != Some("2.0") {
        return Err(error(reply_id, -32600, "Invalid request: \"jsonrpc\" must be \"2.0\"".into()));
    }
    if !id_ok {
        return Err(error(Value::Null, -32600, "Invalid request: bad \"id\"".into()));
    }
    match obj.get("method") {
        // tower-lsp-server silently drops unknown `$/` methods, but only notifications may be
        // ignored: an unknown `$/` request must be answered (no `$/` requests exist in LSP).
        Some(Value::String(m)) if m.starts_with("$/") && id.is_some() => {
            Err(error(reply_id, -32601, format!("Method not found: {m}")))
        }
        Some(Value::String(_)) => {
            if obj.get("params").is_some_and(|p| !(p.is_object() || p.is_array() || p.is_null())) {
                return Err(error(reply_id, -32602, "Invalid params: must be an object or an array".into()));
            }
            Ok(())
        }
        Some(_) => Err(error(reply_id, -32600, "Invalid request: \"method\" must be a string".into())),
        None if id.is_some() && (obj.contains_key("result") || obj.contains_key("error")) => Ok(()),
        None => Err(error(reply_id, -32600, "Invalid request: no \"method\"".into())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks_messages() {
        assert!(check(br#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#).is_ok());
        assert!(check(br#"{"jsonrpc":"2.0","method":"exit"}"#).is_ok());
        assert!(check(br#"{"jsonrpc":"2.0","id":"a","result":null}"#).is_ok());
        assert_eq!(check(br#"{"jsonrpc":"2.0","id":1,"method":"#).unwrap_err()["error"]["code"], -32700);
        assert_eq!(check(b"\xff\xfe").unwrap_err()["error"]["code"], -32700);
        assert_eq!(check(b"[]").unwrap_err()["error"]["code"], -32600);
        let r = check(br#"{"jsonrpc":"1.0","id":7,"method":"x"}"#).unwrap_err();
        assert_eq!((r["id"].clone(), r["error"]["code"].clone()), (json!(7), json!(-32600)));
        assert_eq!(check(br#"{"jsonrpc":"2.0","id":{},"method":"x"}"#).unwrap_err()["error"]["code"], -32600);
        assert_eq!(check(br#"{"jsonrpc":"2.0","id":3}"#).unwrap_err()["error"]["code"], -32600);
        assert_eq!(check(br#"{"jsonrpc":"2.0","id":3,"method":"$/x"}"#).unwrap_err()["error"]["code"], -32601);
        assert!(check(br#"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":1}}"#).is_ok());
    }

    #[tokio::test]
    async fn frames_are_read_and_garbage_skipped() {
        let input: &[u8] = b"Content-Length: 2\r\n\r\n{}\r\nX-Junk: 1\r\n\r\ncontent-length: 4\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\nnull";
        let mut r = BufReader::new(input);
        assert_eq!(read_frame(&mut r).await.unwrap(), Some(b"{}".to_vec()));
        assert_eq!(read_frame(&mut r).await.unwrap(), Some(b"null".to_vec()));
        assert_eq!(read_frame(&mut r).await.unwrap(), None);
    }
}
