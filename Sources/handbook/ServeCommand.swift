import ArgumentParser
import Dispatch
import Foundation
import HandbookKit

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build, serve the site on this machine, and rebuild and reload pages when the content changes.",
        discussion: """
            Open pages reload after each successful rebuild; a failed rebuild shows its problems
            over the last good page, which stays served. Ctrl-C stops the server.

            Examples:
              handbook serve
              handbook serve --port 8080 --content Content --output Site
            """)

    @Option(help: "The port to listen on.")
    var port: UInt16 = 8000

    @Option(help: "The address to listen on; the default is reachable from this machine only.")
    var host = "127.0.0.1"

    @OptionGroup var build: BuildArguments

    func run() async throws {
        let options = PreviewServer.Options(
            build: build.options,
            host: host, port: port)
        let server: PreviewServer
        do {
            server = try PreviewServer(options) { report in
                Diagnostics.print(report.diagnostics)
                if let summary = report.summary { Diagnostics.printLine(summary.line) }
            }
        } catch {
            Diagnostics.printLine("error: cannot listen on \(host):\(port): \(error)")
            throw ExitCode.failure
        }

        let running = Task { try await server.run() }
        signal(SIGINT, SIG_IGN)
        let interrupt = DispatchSource.makeSignalSource(signal: SIGINT, queue: .main)
        interrupt.setEventHandler {
            // Cancel first, so that whatever the stopping server throws is known to be expected.
            running.cancel()
            Task { await server.stop() }
        }
        interrupt.resume()
        Task {
            if let address = try? await server.waitUntilListening() {
                Diagnostics.printLine("Serving \(build.output) at \(address) (Ctrl-C to stop)")
            }
        }
        do {
            try await running.value
        } catch is CancellationError {
        } catch {
            if !running.isCancelled {
                Diagnostics.printLine("error: the server stopped: \(error)")
                throw ExitCode.failure
            }
        }
        Diagnostics.printLine("Stopped.")
    }
}
