import ArgumentParser
import Dispatch
import Foundation
import HandbookKit
import HandbookServe

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build, serve the site on this machine, and rebuild and reload pages when the content changes.",
        discussion: """
            Open pages reload after each successful rebuild; a failed rebuild shows its problems \
            over the last good page, which stays served. A rebuild renders only the pages the \
            change affects and writes only the files whose bytes changed; each of the indexes and \
            downloads (handbook.json, the search index, print, EPUB, offline copy) is written \
            when it is first asked for after a change, and all of them when the server stops, \
            so the output folder is then just as `handbook build` leaves it. Ctrl-C stops the server.

            Only requests addressed to this machine (localhost, 127.x.x.x, [::1] or --host) are \
            answered; request lines over 8 KiB, request heads over 32 KiB and clients slower than \
            10 seconds to send one are cut off.

            Examples:
              handbook serve --open
              handbook serve --port 8080 --content Content --output Site
            """)

    @Option(help: "The port to listen on; 0 for any free one.")
    var port: UInt16 = 8000

    @Option(help: "The address or host name to listen on, such as localhost or ::1; the default is reachable from this machine only.")
    var host = "127.0.0.1"

    @OptionGroup var build: BuildArguments

    @Flag(help: "Open the site in the default browser once it is served (with xdg-open; open on macOS).")
    var open = false

    @OptionGroup var printing: OutputOptions

    func run() async throws {
        let options = PreviewServer.Options(
            build: build.options,
            host: host, port: port)
        let server: PreviewServer
        do {
            server = try PreviewServer(options) { [printing] report in
                Diagnostics.print(printing.quiet ? report.diagnostics.filter { $0.severity == .error } : report.diagnostics)
                guard !printing.quiet, let summary = report.summary else { return }
                if printing.verbose {
                    for step in summary.steps { Diagnostics.printLine(step.line) }
                }
                Diagnostics.printLine(summary.line)
            }
        } catch {
            Diagnostics.printLine("error: \(error)")
            throw ExitCode.failure
        }

        let running = Task { try await server.run() }
        signal(SIGINT, SIG_IGN)
        let interrupt = DispatchSource.makeSignalSource(signal: SIGINT, queue: .main)
        interrupt.setEventHandler {
            // A second Ctrl-C while the editions are written leaves them as they were.
            if running.isCancelled { Foundation.exit(130) }
            // Cancel first, so that whatever the stopping server throws is known to be expected.
            running.cancel()
            Task { await server.stop() }
        }
        interrupt.resume()
        Task {
            if let address = try? await server.waitUntilListening() {
                Diagnostics.printLine("Serving \(build.output) at \(address) (Ctrl-C to stop)")
                if open { BrowserOpener.open(address) }
            }
        }
        do {
            try await running.value
        } catch is CancellationError {
        } catch let problem as ServeProblem {
            Diagnostics.printLine("error: \(problem)")
            throw ExitCode.failure
        } catch {
            if !running.isCancelled {
                Diagnostics.printLine("error: the server stopped: \(error)")
                throw ExitCode.failure
            }
        }
        if await server.editionsOutOfDate {
            Diagnostics.printLine("Writing the indexes and downloads that changed (Ctrl-C again to leave them out of date)...")
        }
        let problems = await server.finish()
        Diagnostics.print(problems)
        Diagnostics.printLine("Stopped.")
    }
}
