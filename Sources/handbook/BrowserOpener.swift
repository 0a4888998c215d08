import Foundation

/// `serve --open`: the desktop's own opener, found on PATH (xdg-open; open on macOS, as on
/// Linux `open` may be another program), given the address as its one argument, never through a
/// shell. Without one, says how to open the page by hand.
enum BrowserOpener {
    static func open(_ address: String) {
        #if os(macOS)
        let names = ["open"]
        #else
        let names = ["xdg-open"]
        #endif
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        guard let opener = names.lazy.flatMap({ name in folders.map { $0 + "/" + name } })
            .first(where: { FileManager.default.isExecutableFile(atPath: $0) })
        else {
            Diagnostics.printLine("warning: found no \(names[0]) to open a browser with; open \(address) yourself")
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: opener)
        process.arguments = [address]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            Diagnostics.printLine("warning: could not run \(opener) (\(error.localizedDescription)); open \(address) yourself")
        }
    }
}
