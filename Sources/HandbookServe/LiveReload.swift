import Foundation
import HandbookKit
import HummingbirdWebSocket

/// Tells the open pages to reload, or shows them the diagnostics of a failed rebuild, over a
/// websocket. The script is served by the preview server and added to the HTML it serves,
/// never written into the output.
actor LiveReload {
    private var clients: [UUID: AsyncStream<String>.Continuation] = [:]
    /// The problems of the last rebuild while it failed, sent to each page that connects, so
    /// that no page of a broken build is shown without them.
    private var problems: String?

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

    private func add(_ id: UUID, _ continuation: AsyncStream<String>.Continuation) {
        clients[id] = continuation
        if let problems { continuation.yield(problems) }
    }
    private func remove(_ id: UUID) { clients[id]?.finish(); clients[id] = nil }

    /// After a successful rebuild: every open page reloads.
    func reload() {
        problems = nil
        broadcast(#"{"type":"reload"}"#)
    }

    /// After a failed rebuild: every open page, and every page opened until a rebuild succeeds,
    /// shows the problems over the last good page, each with its source line and marker.
    func show(_ diagnostics: [Diagnostic]) {
        let lines = diagnostics.map { DiagnosticFormat.text([$0], colour: false, excerpts: true) }
        let data = (try? JSONSerialization.data(withJSONObject: ["type": "errors", "diagnostics": lines])) ?? Data()
        problems = String(decoding: data, as: UTF8.self)
        broadcast(problems ?? "")
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
    /// diagnostics of a failed build in an overlay built from text nodes. The overlay lives in a
    /// shadow root whose host resets every inherited property, so no style of the site (its code
    /// blocks, its dark scheme) reaches it; its colours are fixed, light text on dark red, in both
    /// schemes. Styles are set through the CSS object model, which the strict CSP allows.
    static let script = """
        (function () {
          'use strict';
          var host = null;
          var overlay = null;
          function styled(element, css) { element.style.cssText = css; return element; }
          function show(lines) {
            if (!host) {
              host = styled(document.createElement('div'), 'all:initial;position:fixed;inset:auto 0 0 0;z-index:2147483647;display:block');
              host.id = 'handbook-build-errors';
              var root = host.attachShadow({mode: 'open'});
              overlay = styled(document.createElement('section'),
                'display:block;box-sizing:border-box;max-height:60vh;overflow:auto;margin:0;padding:1rem 1.25rem;' +
                'background:#2b0b0b;color:#ffffff;border-top:4px solid #ff5c5c;font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,monospace;' +
                'text-align:left;color-scheme:dark');
              overlay.setAttribute('role', 'alert');
              overlay.setAttribute('aria-label', 'Build errors');
              root.appendChild(overlay);
              document.body.appendChild(host);
            }
            while (overlay.firstChild) overlay.removeChild(overlay.firstChild);
            var title = styled(document.createElement('p'), 'margin:0;font:bold 15px/1.4 system-ui,sans-serif;color:#ffffff');
            title.textContent = 'The handbook did not build: this page is the last good version, and is out of date until the problems below are fixed.';
            overlay.appendChild(title);
            lines.forEach(function (line) {
              var item = styled(document.createElement('pre'),
                'margin:0.75rem 0 0;padding:0;white-space:pre-wrap;overflow-wrap:anywhere;background:transparent;color:#ffffff;' +
                'font:inherit;border:0');
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
