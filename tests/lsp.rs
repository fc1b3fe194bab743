//! End to end: the real `ecslint server` over stdio with Content-Length framing.

use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(20);

/// `"memory": "512"` is the ECS-COR-001 finding; non-ASCII text precedes it on its line.
const BROKEN: &str = r#"{
  "family": "web",
  "requiresCompatibilities": ["FARGATE"],
  "networkMode": "awsvpc",
  "cpu": "512",
  "containerDefinitions": [{"name": "é😀", "image": "nginx:1.27", "essential": true}], "memory": "512"
}
"#;

struct Client {
    child: Child,
    stdin: ChildStdin,
    messages: Receiver<Value>,
    next_id: i64,
}

impl Client {
    fn start() -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_ecslint"))
            .arg("server")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("spawn ecslint server");
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (sender, messages) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                let mut length = None;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(n) = line.strip_prefix("Content-Length: ") {
                        length = n.parse::<usize>().ok();
                    }
                }
                let mut body = vec![0; length.expect("Content-Length header")];
                if reader.read_exact(&mut body).is_err() {
                    return;
                }
                if sender.send(serde_json::from_slice(&body).expect("JSON body")).is_err() {
                    return;
                }
            }
        });
        Self { child, stdin, messages, next_id: 1 }
    }

    fn send(&mut self, message: &Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    fn recv(&self) -> Value {
        self.messages.recv_timeout(TIMEOUT).expect("a message from the server in time")
    }

    /// Sends a request and returns its response (notifications in between are skipped).
    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        let deadline = Instant::now() + TIMEOUT;
        while Instant::now() < deadline {
            let message = self.recv();
            if message["id"] == json!(id) && message.get("method").is_none() {
                return message;
            }
        }
        panic!("no response to {method}");
    }

    /// The next diagnostics published for `uri`.
    fn diagnostics(&self, uri: &str) -> Vec<Value> {
        let deadline = Instant::now() + TIMEOUT;
        while Instant::now() < deadline {
            let message = self.recv();
            if message["method"] == "textDocument/publishDiagnostics" && message["params"]["uri"] == uri {
                return message["params"]["diagnostics"].as_array().cloned().unwrap_or_default();
            }
        }
        panic!("no diagnostics for {uri}");
    }

    fn initialize(&mut self, encodings: &[&str], root: &std::path::Path) -> Value {
        let response = self.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": file_uri(root),
                "capabilities": {"general": {"positionEncodings": encodings}},
            }),
        );
        self.notify("initialized", json!({}));
        response
    }

    fn open(&mut self, uri: &str, text: &str) -> Vec<Value> {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "json", "version": 1, "text": text}}),
        );
        self.diagnostics(uri)
    }

    /// shutdown → exit → the process ends with code 0.
    fn shut_down(mut self) {
        let response = self.request("shutdown", Value::Null);
        assert_eq!(response["result"], Value::Null, "{response}");
        assert!(response.get("error").is_none(), "{response}");
        self.notify("exit", Value::Null);
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                assert_eq!(status.code(), Some(0));
                return;
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("the server did not exit");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn file_uri(path: &std::path::Path) -> String {
    format!("file://{}", path.display())
}

fn with_code<'a>(diagnostics: &'a [Value], code: &str) -> Vec<&'a Value> {
    diagnostics.iter().filter(|d| d["code"] == code).collect()
}

/// The range of the task's `"memory": "512"` value, in UTF-8 bytes or UTF-16 units.
fn memory_value(utf16: bool) -> (u64, u64, u64) {
    let (line, text) = BROKEN.lines().enumerate().find(|(_, l)| l.contains("\"memory\": \"512\"")).unwrap();
    let before = &text[..text.rfind("\"512\"").unwrap()];
    let start = if utf16 { before.encode_utf16().count() } else { before.len() };
    (line as u64, start as u64, start as u64 + 5)
}

#[test]
fn utf8_diagnostics_quick_fix_and_clean_exit() {
    let dir = tempfile::tempdir().unwrap();
    let mut client = Client::start();
    let init = client.initialize(&["utf-8", "utf-16"], dir.path());
    assert_eq!(init["result"]["capabilities"]["positionEncoding"], "utf-8", "{init}");
    assert_eq!(init["result"]["capabilities"]["textDocumentSync"]["change"], 1, "{init}");

    // A broken task definition: ECS-COR-001 on the task-level memory value.
    let uri = file_uri(&dir.path().join("web.json"));
    let diagnostics = client.open(&uri, BROKEN);
    let found = with_code(&diagnostics, "ECS-COR-001");
    assert_eq!(found.len(), 1, "{diagnostics:#?}");
    let d = found[0];
    let (line, start, end) = memory_value(false);
    assert_eq!(
        d["range"],
        json!({"start": {"line": line, "character": start}, "end": {"line": line, "character": end}})
    );
    assert_eq!(d["severity"], 1);
    assert_eq!(d["source"], "ecslint");
    assert!(d["codeDescription"]["href"].as_str().unwrap().ends_with("/ECS-COR-001.md"), "{d}");
    // The help follows the message on its own line.
    assert!(d["message"].as_str().unwrap().contains("\nwith 512 CPU units use memory"), "{d}");

    // Fixed: the finding goes away.
    let fixed = BROKEN.replace("\"cpu\": \"512\"", "\"cpu\": \"256\"");
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": fixed}]}),
    );
    let diagnostics = client.diagnostics(&uri);
    assert!(with_code(&diagnostics, "ECS-COR-001").is_empty(), "{diagnostics:#?}");

    // Saving re-lints too.
    client.notify("textDocument/didSave", json!({"textDocument": {"uri": uri}}));
    assert!(with_code(&client.diagnostics(&uri), "ECS-COR-001").is_empty());

    // Non-ECS JSON: an empty list, not an info.
    let package = file_uri(&dir.path().join("package.json"));
    assert_eq!(client.open(&package, r#"{"name": "app", "version": "1.0.0"}"#), Vec::<Value>::new());
    assert_eq!(client.open(&file_uri(&dir.path().join("broken.json")), "{\"name\": "), Vec::<Value>::new());

    // describe-task-definition output: a quick fix that unwraps it.
    let describe = file_uri(&dir.path().join("describe.json"));
    let text = include_str!("../examples/broken/describe-output.json");
    let diagnostics = client.open(&describe, text);
    let wrapper = with_code(&diagnostics, "ECS-SCH-003");
    let wrapper = (*wrapper.first().unwrap_or_else(|| panic!("no describe-output finding: {diagnostics:#?}"))).clone();
    let response = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": describe},
            "range": wrapper["range"],
            "context": {"diagnostics": [wrapper]},
        }),
    );
    let actions = response["result"].as_array().unwrap_or_else(|| panic!("{response}"));
    assert_eq!(actions.len(), 1, "{response}");
    assert_eq!(actions[0]["kind"], "quickfix");
    let edits = actions[0]["edit"]["changes"][&describe].as_array().unwrap();
    assert_eq!(edits.len(), 1);
    assert_eq!(edits[0]["range"]["start"], json!({"line": 0, "character": 0}));
    let new_text = edits[0]["newText"].as_str().unwrap();
    assert!(new_text.trim_start().starts_with('{') && !new_text.contains("\"taskDefinition\":"), "{new_text}");
    assert!(!new_text.contains("taskDefinitionArn"), "{new_text}");

    // No quick fix where there is nothing to fix.
    let response = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": uri},
            "range": {"start": {"line": 0, "character": 0}, "end": {"line": 9, "character": 0}},
            "context": {"diagnostics": []},
        }),
    );
    assert_eq!(response["result"], json!([]), "{response}");

    // Unknown requests: MethodNotFound; malformed notifications: ignored.
    let response = client.request("textDocument/hover", json!({}));
    assert_eq!(response["error"]["code"], -32601, "{response}");
    client.notify("textDocument/didOpen", json!({"textDocument": 42}));
    client.notify("textDocument/didChange", json!("nonsense"));
    let response = client.request("textDocument/codeAction", json!({"bogus": true}));
    assert!(response.get("error").is_some(), "{response}");

    client.shut_down();
}

#[test]
fn utf16_positions_count_code_units() {
    let dir = tempfile::tempdir().unwrap();
    let mut client = Client::start();
    let init = client.initialize(&["utf-16"], dir.path());
    assert_eq!(init["result"]["capabilities"]["positionEncoding"], "utf-16", "{init}");
    // "é😀" precedes the finding on its line: 6 bytes, 3 UTF-16 code units.
    let uri = file_uri(&dir.path().join("task.json"));
    let diagnostics = client.open(&uri, BROKEN);
    let found = with_code(&diagnostics, "ECS-COR-001");
    assert_eq!(found.len(), 1, "{diagnostics:#?}");
    let (line, start, end) = memory_value(true);
    assert_eq!(memory_value(false).1 - start, 3);
    assert_eq!(
        found[0]["range"],
        json!({"start": {"line": line, "character": start}, "end": {"line": line, "character": end}})
    );
    client.shut_down();
}

#[test]
fn cloudformation_yaml_documents_get_diagnostics_and_other_yaml_none() {
    let dir = tempfile::tempdir().unwrap();
    let mut client = Client::start();
    client.initialize(&["utf-8"], dir.path());
    let template = "Resources:\n  TaskDef:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      \
                    RequiresCompatibilities: [FARGATE]\n      NetworkMode: awsvpc\n      Cpu: '512'\n      \
                    Memory: '512'\n      ContainerDefinitions:\n        - Name: app\n          Image: nginx:1.27\n";
    let uri = file_uri(&dir.path().join("stack.yaml"));
    let diagnostics = client.open(&uri, template);
    let found = with_code(&diagnostics, "ECS-COR-001");
    assert_eq!(found.len(), 1, "{diagnostics:#?}");
    assert_eq!(found[0]["range"]["start"]["line"], 7, "{found:#?}");
    let workflow = file_uri(&dir.path().join("ci.yml"));
    assert!(client.open(&workflow, "on: [push]\njobs: {}\n").is_empty());
    client.shut_down();
}
