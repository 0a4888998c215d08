import Foundation
import HandbookKit
import Hummingbird
import HummingbirdCore
import Logging

/// `handbook serve`: builds, serves the output folder on a loopback address, rebuilds when the
/// content or templates change, and reloads open pages (or shows them what went wrong).
public actor PreviewServer {
    public struct Options: Sendable {
        public var build: BuildOptions
        public var host: String
        /// 0 for any free port; `waitUntilListening` tells which.
        public var port: UInt16
        public var limits: ServeLimits

        public init(build: BuildOptions, host: String = "127.0.0.1", port: UInt16 = 8000, limits: ServeLimits = ServeLimits()) {
            self.build = build
            self.host = host
            self.port = port
            self.limits = limits
        }
    }

    private let options: Options
    private let address: ListenAddress
    private let liveReload = LiveReload()
    private let watcher: SourceWatcher
    private let report: @Sendable (BuildReport) -> Void
    private let cache = BuildCache()
    private let builds = BuildQueue()
    private let connections = OpenConnections()
    private let stopping = AsyncStream<Void>.makeStream()
    private var listening: Result<String, ServeProblem>?

    /// `report` is called after every build, first and later ones, to print its outcome. Throws
    /// a `ServeProblem` when the host is neither an address nor a name that resolves.
    public init(_ options: Options, report: @escaping @Sendable (BuildReport) -> Void) throws {
        self.options = options
        self.report = report
        address = try ListenAddress(host: options.host, port: options.port)
        watcher = SourceWatcher(folders: [options.build.content] + (options.build.templates.map { [$0] } ?? []))
    }

    /// Builds once, then serves and watches until `stop` or cancellation. Throws a `ServeProblem`
    /// when the address cannot be listened on.
    public func run() async throws {
        let options = self.options
        // Watching starts before the first build, so that a file saved while it runs is rebuilt after it.
        let changes = watcher.start()
        defer { changes.stop() }
        report(await builds.run { [cache] in await HandbookBuilder.build(options.build, cache: cache) })
        let responder = PreviewResponder(files: SiteFiles(root: options.build.output), cache: cache, builds: builds, report: report)
        let (limits, hosts, liveReload, connections) = (options.limits, AllowedHosts(configured: address.urlHost), liveReload, connections)
        let application = Application(
            responder: responder,
            server: HTTPServerBuilder { responder in
                PreviewChannel(responder: responder, limits: limits, hosts: hosts, liveReload: liveReload, connections: connections)
            },
            configuration: ApplicationConfiguration(address: .hostname(address.numeric, port: address.port), serverName: nil),
            onServerRunning: { channel in await self.listening(on: channel.localAddress?.port) },
            // Its messages are not the user's business; what matters is reported by `run`.
            logger: Logger(label: "handbook.serve") { _ in SwiftLogNoOpLogHandler() })
        let stopped = stopping.stream
        do {
            try await withTaskCancellationHandler {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask { try await application.run() }
                    group.addTask { await self.rebuild(on: changes) }
                    group.addTask { for await _ in stopped {} }
                    try await group.next()
                    connections.closeAll()
                    group.cancelAll()
                }
            } onCancel: {
                connections.closeAll()
            }
        } catch {
            guard listening == nil, !(error is CancellationError) else { throw error }
            let problem = ServeProblem(binding: error, host: address.host, port: address.port)
            listening = .failure(problem)
            throw problem
        }
    }

    private func listening(on port: Int?) {
        listening = .success("http://\(address.urlHost):\(port ?? address.port)/")
    }

    /// The address the server listens on, once it does (after the first build).
    public func waitUntilListening(timeout: TimeInterval = 60) async throws -> String {
        let deadline = ContinuousClock.now + .seconds(timeout)
        while ContinuousClock.now < deadline {
            if let listening { return try listening.get() }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw ServeProblem.cannotListen(host: address.host, port: address.port, reason: "not listening after \(Int(timeout)) seconds")
    }

    /// Ends `run`: the server stops listening and its connections are closed.
    public func stop() {
        stopping.continuation.finish()
    }

    /// True when changes since the last build have not reached the editions yet.
    public var editionsOutOfDate: Bool {
        cache.editionsOutOfDate
    }

    /// Brings the editions up to date, so that the output folder is left as `build` makes it.
    public func finish() async -> [Diagnostic] {
        await builds.run { [cache] in HandbookBuilder.updateEditions(SiteEdition.allCases, cache: cache) }
    }

    /// A file of the site by its decoded path; HTML gets the live-reload script before `</body>`.
    static func served(_ path: String, from files: SiteFiles) -> SiteFiles.Response {
        var response = files.response(for: path)
        if response.status == 200 || response.status == 404, response.contentType.hasPrefix("text/html") {
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

    private func rebuild(on changes: SourceChanges) async {
        for await _ in changes {
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
