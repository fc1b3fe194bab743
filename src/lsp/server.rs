//! The connection: handshake, the message loop, documents and their diagnostics.

use super::position::{Encoding, LineIndex};
use super::{actions, convert, lint, uri};
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidCloseTextDocument, DidOpenTextDocument, DidSaveTextDocument, Exit, Notification as _,
    PublishDiagnostics,
};
use lsp_types::request::{CodeActionRequest, Request as _, Shutdown};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionParams, CodeActionProviderCapability, DidChangeTextDocumentParams,
    DidCloseTextDocumentParams, DidOpenTextDocumentParams, DidSaveTextDocumentParams, InitializeParams,
    PositionEncodingKind, PublishDiagnosticsParams, SaveOptions, ServerCapabilities, ServerInfo,
    TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions, TextDocumentSyncSaveOptions, Uri,
};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Runs the server on stdin/stdout; the process exit code (0 after shutdown then exit).
pub fn run() -> u8 {
    let (connection, io_threads) = Connection::stdio();
    let code = match serve(&connection) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("ecslint server: {e}");
            1
        }
    };
    drop(connection);
    if let Err(e) = io_threads.join() {
        eprintln!("ecslint server: {e}");
    }
    code
}

fn serve(connection: &Connection) -> Result<u8, lsp_server::ProtocolError> {
    let (id, params) = connection.initialize_start()?;
    let params: InitializeParams = serde_json::from_value(params).unwrap_or_default();
    let mut server = Server::new(&params);
    let result = serde_json::json!({
        "capabilities": server.capabilities(),
        "serverInfo": ServerInfo { name: "ecslint".into(), version: Some(env!("CARGO_PKG_VERSION").into()) },
    });
    connection.initialize_finish(id, result)?;
    let mut shutting_down = false;
    for message in &connection.receiver {
        match message {
            Message::Request(request) if request.method == Shutdown::METHOD => {
                shutting_down = true;
                server.send(connection, Response::new_ok(request.id, ()).into());
            }
            Message::Request(request) if shutting_down => server.send(
                connection,
                Response::new_err(request.id, ErrorCode::InvalidRequest as i32, "the server is shutting down".into())
                    .into(),
            ),
            Message::Request(request) => {
                let response = server.request(request);
                server.send(connection, response.into());
            }
            Message::Notification(n) if n.method == Exit::METHOD => return Ok(if shutting_down { 0 } else { 1 }),
            Message::Notification(n) => {
                for out in server.notification(n) {
                    server.send(connection, out.into());
                }
            }
            Message::Response(_) => {}
        }
    }
    // The client closed the stream without `exit`.
    Ok(if shutting_down { 0 } else { 1 })
}

struct Document {
    uri: Uri,
    text: String,
}

struct Server {
    encoding: Encoding,
    root: PathBuf,
    documents: HashMap<String, Document>,
}

impl Server {
    fn new(params: &InitializeParams) -> Self {
        let utf8 = params
            .capabilities
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_ref())
            .is_some_and(|kinds| kinds.contains(&PositionEncodingKind::UTF8));
        #[allow(deprecated)] // `root_uri` is the fallback of clients without workspace folders.
        let root_uri =
            params.workspace_folders.as_ref().and_then(|f| f.first()).map(|f| &f.uri).or(params.root_uri.as_ref());
        let root = root_uri.and_then(uri::to_path).or_else(|| std::env::current_dir().ok()).unwrap_or_default();
        Self { encoding: if utf8 { Encoding::Utf8 } else { Encoding::Utf16 }, root, documents: HashMap::new() }
    }

    fn capabilities(&self) -> ServerCapabilities {
        ServerCapabilities {
            position_encoding: Some(match self.encoding {
                Encoding::Utf8 => PositionEncodingKind::UTF8,
                Encoding::Utf16 => PositionEncodingKind::UTF16,
            }),
            text_document_sync: Some(TextDocumentSyncCapability::Options(TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::FULL),
                save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions { include_text: Some(true) })),
                ..Default::default()
            })),
            code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
                code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
                ..Default::default()
            })),
            ..Default::default()
        }
    }

    fn send(&self, connection: &Connection, message: Message) {
        if connection.sender.send(message).is_err() {
            eprintln!("ecslint server: the client is gone");
        }
    }

    fn request(&mut self, request: Request) -> Response {
        if request.method != CodeActionRequest::METHOD {
            return Response::new_err(
                request.id,
                ErrorCode::MethodNotFound as i32,
                format!("unknown method `{}`", request.method),
            );
        }
        let params = match serde_json::from_value::<CodeActionParams>(request.params) {
            Ok(params) => params,
            Err(error) => {
                return Response::new_err(
                    request.id,
                    ErrorCode::InvalidParams as i32,
                    format!("invalid params: {error}"),
                );
            }
        };
        Response::new_ok(request.id, self.code_actions(&params))
    }

    fn code_actions(&self, params: &CodeActionParams) -> Vec<lsp_types::CodeActionOrCommand> {
        let Some(document) = self.documents.get(params.text_document.uri.as_str()) else {
            return Vec::new();
        };
        let fixable: Vec<_> = self
            .findings(document)
            .into_iter()
            .filter(|(d, lsp)| d.fixable && overlaps(&lsp.range, &params.range))
            .map(|(_, lsp)| lsp)
            .collect();
        actions::quick_fix(&document.uri, &document.text, self.encoding, fixable).into_iter().collect()
    }

    /// Handles a notification; returns what to send back. Malformed ones are ignored.
    fn notification(&mut self, n: Notification) -> Vec<Notification> {
        let uri = match n.method.as_str() {
            DidOpenTextDocument::METHOD => match serde_json::from_value::<DidOpenTextDocumentParams>(n.params) {
                Ok(p) => self.store(p.text_document.uri, p.text_document.text),
                Err(_) => return Vec::new(),
            },
            DidChangeTextDocument::METHOD => match serde_json::from_value::<DidChangeTextDocumentParams>(n.params) {
                Ok(p) => {
                    let Some(document) = self.documents.get_mut(p.text_document.uri.as_str()) else {
                        return Vec::new();
                    };
                    for change in p.content_changes {
                        match change.range {
                            // Ranged edits, for clients that send them anyway.
                            Some(range) => {
                                let index = LineIndex::new(&document.text, self.encoding);
                                let (start, end) = (index.offset(range.start), index.offset(range.end));
                                document.text.replace_range(start..end.max(start), &change.text);
                            }
                            None => document.text = change.text,
                        }
                    }
                    p.text_document.uri
                }
                Err(_) => return Vec::new(),
            },
            DidSaveTextDocument::METHOD => match serde_json::from_value::<DidSaveTextDocumentParams>(n.params) {
                Ok(p) => match p.text {
                    Some(text) => self.store(p.text_document.uri, text),
                    None if self.documents.contains_key(p.text_document.uri.as_str()) => p.text_document.uri,
                    None => return Vec::new(),
                },
                Err(_) => return Vec::new(),
            },
            DidCloseTextDocument::METHOD => match serde_json::from_value::<DidCloseTextDocumentParams>(n.params) {
                Ok(p) => {
                    self.documents.remove(p.text_document.uri.as_str());
                    return vec![publish(p.text_document.uri, Vec::new())];
                }
                Err(_) => return Vec::new(),
            },
            _ => return Vec::new(),
        };
        let diagnostics = match self.documents.get(uri.as_str()) {
            Some(document) => self.findings(document).into_iter().map(|(_, lsp)| lsp).collect(),
            None => Vec::new(),
        };
        vec![publish(uri, diagnostics)]
    }

    fn store(&mut self, uri: Uri, text: String) -> Uri {
        self.documents.insert(uri.as_str().to_string(), Document { uri: uri.clone(), text });
        uri
    }

    /// Lints a document with the settings of its path; each finding with its LSP form.
    fn findings(&self, document: &Document) -> Vec<(crate::Diagnostic, lsp_types::Diagnostic)> {
        let path = uri::to_path(&document.uri);
        let settings = lint::settings_for(path.as_deref());
        let name = match &path {
            Some(path) => path.to_string_lossy().into_owned(),
            None => document.uri.path().as_str().to_string(),
        };
        let text_of = |path: &Path| -> Option<String> {
            let open = uri::from_path(path).and_then(|u| self.documents.get(u.as_str()));
            match open {
                Some(d) => Some(d.text.clone()),
                None => std::fs::read_to_string(path).ok(),
            }
        };
        let target = convert::Target {
            uri: &document.uri,
            text: &document.text,
            encoding: self.encoding,
            root: &self.root,
            text_of: &text_of,
        };
        lint::lint(&name, &document.text, &settings)
            .into_iter()
            .map(|d| {
                let lsp = convert::to_lsp(&d, &target);
                (d, lsp)
            })
            .collect()
    }
}

fn publish(uri: Uri, diagnostics: Vec<lsp_types::Diagnostic>) -> Notification {
    Notification::new(
        PublishDiagnostics::METHOD.to_string(),
        PublishDiagnosticsParams { uri, diagnostics, version: None },
    )
}

/// Whether two ranges touch (an empty request range at the cursor counts).
fn overlaps(a: &lsp_types::Range, b: &lsp_types::Range) -> bool {
    a.start <= b.end && b.start <= a.end
}
