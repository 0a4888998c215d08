import FlyingFox
import Foundation

/// `handbook serve`: builds, serves the output folder on a loopback address, rebuilds when the
/// content or templates change, and reloads open pages (or shows them what went wrong).
public actor PreviewServer {
    public struct Options: Sendable {
        public var build: BuildOptions
        public var host: String
        public var port: UInt16

        public init(build: BuildOptions, host: String = "127.0.0.1", port: UInt16 = 8000) {
            self.build = build
            self.host = host
            self.port = port
        }
    }

    private let options: Options
    private let server: HTTPServer
    private let liveReload = LiveReload()
    private let watcher: SourceWatcher
    private let report: @Sendable (BuildReport) -> Void
    private let cache = BuildCache()
    private let builds = BuildQueue()

    /// `report` is called after every build, first and later ones, to print its outcome.
    public init(_ options: Options, report: @escaping @Sendable (BuildReport) -> Void) throws {
        self.options = options
        self.report = report
        watcher = SourceWatcher(folders: [options.build.content] + (options.build.templates.map { [$0] } ?? []))
        // FlyingFox's .loopback is IPv6 only; the address is given as IPv4.
        server = HTTPServer(address: try .inet(ip4: options.host, port: options.port), timeout: 30, logger: .disabled)
    }

    /// Builds once, then serves and watches until the task is cancelled.
    public func run() async throws {
        let files = SiteFiles(root: options.build.output)
        await server.appendRoute(HTTPRoute("GET \(LiveReload.scriptPath)")) { _ in
            HTTPResponse(statusCode: .ok, headers: [.contentType: "text/javascript; charset=utf-8"], body: Data(LiveReload.script.utf8))
        }
        await server.appendRoute(HTTPRoute("GET \(LiveReload.socketPath)"), to: .webSocket(liveReload))
        await server.appendRoute(HTTPRoute("GET /\(SitePaths.serviceWorker)")) { _ in
            HTTPResponse(
                statusCode: .ok,
                headers: [.contentType: "text/javascript; charset=utf-8", HTTPHeader("Cache-Control"): "no-store"],
                body: Data(LiveReload.serviceWorkerRemover.utf8))
        }
        await server.appendRoute("GET *") { [cache, builds, report] request in
            // The indexes and downloads are written when asked for, not after every change.
            if let edition = SiteEdition.containing(String(request.path.drop { $0 == "/" })) {
                let problems = await builds.run { HandbookBuilder.updateEditions([edition], cache: cache) }
                if !problems.isEmpty { report(BuildReport(diagnostics: problems, pagesWritten: 0)) }
            }
            return Self.serve(request.path, from: files)
        }
        let options = self.options
        report(await builds.run { [cache] in await HandbookBuilder.build(options.build, cache: cache) })
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await self.server.run() }
            group.addTask { try await self.watch() }
            try await group.next()
            group.cancelAll()
        }
    }

    /// The address the server listens on, once it does (after the first build).
    public func waitUntilListening(timeout: TimeInterval = 60) async throws -> String {
        try await server.waitUntilListening(timeout: timeout)
        return "http://\(options.host):\(options.port)/"
    }

    public func stop() async {
        await server.stop(timeout: 1)
    }

    /// True when changes since the last build have not reached the editions yet.
    public var editionsOutOfDate: Bool {
        !(cache.site?.outOfDate.isEmpty ?? true)
    }

    /// Brings the editions up to date, so that the output folder is left as `build` makes it.
    public func finish() async -> [Diagnostic] {
        await builds.run { [cache] in HandbookBuilder.updateEditions(SiteEdition.allCases, cache: cache) }
    }

    /// A file of the site; HTML gets the live-reload script before `</body>`.
    static func served(_ path: String, from files: SiteFiles) -> SiteFiles.Response {
        var response = files.response(for: path)
        if response.status == 200, response.contentType.hasPrefix("text/html") {
            var html = String(decoding: response.body, as: UTF8.self)
            if let end = html.range(of: "</body>", options: .backwards) {
                html.insert(contentsOf: LiveReload.scriptTag, at: end.lowerBound)
            } else {
                html += LiveReload.scriptTag
            }
            response.body = Data(html.utf8)
        }
        return response
    }

    private static func serve(_ path: String, from files: SiteFiles) -> HTTPResponse {
        let response = served(path, from: files)
        let body = response.body
        return HTTPResponse(
            statusCode: HTTPStatusCode(response.status, phrase: response.status == 200 ? "OK" : response.status == 403 ? "Forbidden" : "Not Found"),
            headers: [.contentType: response.contentType, HTTPHeader("Cache-Control"): "no-store"],
            body: body)
    }

    private func watch() async throws {
        var last = watcher.snapshot()
        while !Task.isCancelled {
            try await Task.sleep(for: .milliseconds(150))
            let now = watcher.snapshot()
            guard !SourceWatcher.changes(from: last, to: now).isEmpty else { continue }
            last = now
            let options = self.options
            let result = await builds.run { [cache] in await HandbookBuilder.rebuild(options.build, cache: cache) }
            report(result)
            if result.succeeded {
                await liveReload.reload()
            } else {
                await liveReload.show(result.diagnostics)
            }
        }
    }
}

/// Runs builds one after another, so that a rebuild and the editions it leaves never overlap.
actor BuildQueue {
    private var last: Task<Void, Never>?

    func run<T: Sendable>(_ work: @escaping @Sendable () async -> T) async -> T {
        let previous = last
        let task = Task {
            await previous?.value
            return await work()
        }
        last = Task { _ = await task.value }
        return await task.value
    }
}
