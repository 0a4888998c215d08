import Foundation
import HandbookKit
import HummingbirdWebSocket

/// Tells the open pages to reload, or shows them the diagnostics of a failed rebuild, over a
/// websocket. The script is served by the preview server and added to the HTML it serves,
/// never written into the output.
actor LiveReload {
    private var clients: [UUID: AsyncStream<String>.Continuation] = [:]

    /// Sends one open page the messages until it goes away; what it sends is read and dropped.
    nonisolated func serve(_ inbound: WebSocketInboundStream, _ outbound: WebSocketOutboundWriter) async {
        let id = UUID()
        let (messages, continuation) = AsyncStream<String>.makeStream()
        await add(id, continuation)
        let sending = Task {
            for await text in messages { try? await outbound.write(.text(text)) }
        }
        do {
            for try await _ in inbound {}
        } catch {}
        await remove(id)
        sending.cancel()
    }

    private func add(_ id: UUID, _ continuation: AsyncStream<String>.Continuation) { clients[id] = continuation }
    private func remove(_ id: UUID) { clients[id]?.finish(); clients[id] = nil }

    /// After a successful rebuild: every open page reloads.
    func reload() { broadcast(#"{"type":"reload"}"#) }

    /// After a failed rebuild: every open page shows the problems over the last good page.
    func show(_ diagnostics: [Diagnostic]) {
        let lines = diagnostics.map(\.description)
        let data = (try? JSONSerialization.data(withJSONObject: ["type": "errors", "diagnostics": lines])) ?? Data()
        broadcast(String(decoding: data, as: UTF8.self))
    }

    private func broadcast(_ text: String) {
        for continuation in clients.values { continuation.yield(text) }
    }

    /// Served as `/sw.js` by the preview server instead of the site's worker: a cache-first
    /// worker would keep showing pages from before an edit. This one removes itself and any
    /// caches an earlier visit left, then reloads the pages it controlled.
    static let serviceWorkerRemover = """
        self.addEventListener('install', function () { self.skipWaiting(); });
        self.addEventListener('activate', function (event) {
          event.waitUntil(caches.keys().then(function (names) {
            return Promise.all(names.map(function (name) { return caches.delete(name); }));
          }).then(function () { return self.registration.unregister(); }).then(function () {
            return self.clients.matchAll();
          }).then(function (clients) {
            clients.forEach(function (client) { client.navigate(client.url); });
          }));
        });

        """

    static let scriptPath = "/__handbook/live.js"
    static let socketPath = "/__handbook/socket"
    static let scriptTag = "<script src=\"\(scriptPath)\"></script>"

    /// The page side: reconnects after the server restarts, reloads on "reload", and draws the
    /// diagnostics of a failed build in an overlay built from text nodes.
    static let script = """
        (function () {
          'use strict';
          var overlay = null;
          function show(lines) {
            if (!overlay) {
              overlay = document.createElement('div');
              overlay.id = 'handbook-build-errors';
              overlay.setAttribute('role', 'alert');
              overlay.style.cssText = 'position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:99999;' +
                'background:#2b0b0b;color:#fff;font:14px/1.5 ui-monospace,monospace;padding:1rem;border-top:4px solid #e33';
              document.body.appendChild(overlay);
            }
            while (overlay.firstChild) overlay.removeChild(overlay.firstChild);
            var title = document.createElement('strong');
            title.textContent = 'The handbook did not build; this is the last good version.';
            overlay.appendChild(title);
            lines.forEach(function (line) {
              var item = document.createElement('pre');
              item.style.cssText = 'margin:0.5rem 0 0;white-space:pre-wrap';
              item.textContent = line;
              overlay.appendChild(item);
            });
          }
          function connect() {
            var socket = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '\(socketPath)');
            socket.onmessage = function (event) {
              var message = JSON.parse(event.data);
              if (message.type === 'reload') location.reload();
              if (message.type === 'errors') show(message.diagnostics);
            };
            socket.onclose = function () { setTimeout(connect, 1000); };
          }
          connect();
        })();

        """
}
