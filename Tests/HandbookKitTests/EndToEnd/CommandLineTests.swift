import Foundation
import Testing
@testable import HandbookKit

/// The `handbook` executable, run as a user runs it.
@Suite("Command line")
struct CommandLineTests {
    /// The executable is built beside the test bundle.
    static let executable: String = {
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        while url.pathComponents.count > 1 && !FileManager.default.isExecutableFile(atPath: url.appendingPathComponent("handbook").path) {
            url.deleteLastPathComponent()
        }
        return url.appendingPathComponent("handbook").path
    }()

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    func run(_ arguments: [String], in folder: String? = nil, environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.executable)
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test("--version and --help with examples for every command")
    func versionAndHelp() throws {
        #expect(try run(["--version"]).stdout == HandbookVersion.current + "\n")
        for command in ["build", "check", "new", "render", "serve", "templates eject"] {
            let help = try run(command.split(separator: " ").map(String.init) + ["--help"])
            #expect(help.status == 0)
            #expect(help.stdout.contains("Examples:"), "\(command) --help has no examples")
            // The argument parser wraps the paragraphs at 80 columns; a line break written into
            // one would leave a short line followed by the rest of the sentence.
            let lines = help.stdout.components(separatedBy: "\n")
            for (line, next) in zip(lines, lines.dropFirst()) where !line.hasPrefix(" ") && !line.hasSuffix(":") {
                let continues = next.first.map { $0.isLowercase } ?? false
                #expect(!(continues && line.count < 60), "\(command) --help breaks a sentence after \(Quoted.text(line))")
            }
        }
    }

    @Test("serve --open gives the printed address to xdg-open, as its one argument")
    func serveOpens() async throws {
        let handbook = try TestHandbook()
        let tools = handbook.folder + "/bin"
        let record = handbook.folder + "/opened.txt"
        try FileManager.default.createDirectory(atPath: tools, withIntermediateDirectories: true)
        try "#!/bin/sh\nprintf '%s|' \"$@\" > '\(record)'\n".write(toFile: tools + "/xdg-open", atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: tools + "/xdg-open")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.executable)
        process.arguments = ["serve", "--open", "--port", "0", "--content", handbook.content, "--output", handbook.output,
                             "--templates", Repository.templates]
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = tools + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        process.environment = environment
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.interrupt(); process.waitUntilExit() } }
        let opened = await waitUntil(timeout: 60) { FileManager.default.fileExists(atPath: record) }
        #expect(opened, "xdg-open was not run")
        process.interrupt()
        process.waitUntilExit()
        let printed = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let address = try #require(printed.firstMatch(of: /Serving .* at (http:\/\/127\.0\.0\.1:\d+\/)/)?.1)
        #expect(try String(contentsOfFile: record, encoding: .utf8) == address + "|")
    }

    @Test("build prints one summary line, and nothing with --quiet")
    func buildSummary() throws {
        let handbook = try TestHandbook()
        let built = try run(["build", "--content", handbook.content, "--templates", Repository.templates, "--output", handbook.output])
        #expect(built.status == 0)
        #expect(built.stderr.range(of: #"^Built \d+ pages \(1 chapter, 1 rule, 0 tips\) in \d+\.\d\d s into .*Site\n$"#, options: .regularExpression) != nil, "\(built.stderr)")
        let quiet = try run(["build", "--quiet", "--content", handbook.content, "--templates", Repository.templates, "--output", handbook.output])
        #expect(quiet.status == 0 && quiet.stderr.isEmpty)
    }

    @Test("check writes nothing, prints every problem, and exits 1 on an error; JSON on request")
    func check() throws {
        let handbook = try TestHandbook(["chapters/02-two.md": "---\ntitle: Two\n---\n\nSee [x](rule:FIRST-2) and FIRST-3.\n"])
        let text = try run(["check", "--content", handbook.content, "--templates", Repository.templates], environment: ["NO_COLOR": "1"])
        #expect(text.status == 1)
        #expect(text.stderr.contains("02-two.md:5:5: error: no rule has the identifier 'FIRST-2'; did you mean FIRST-1?"))
        #expect(text.stderr.contains("02-two.md:5:27: warning: FIRST-3 looks like a rule identifier"))
        #expect(!text.stderr.contains("\u{1B}["), "colour without a terminal")
        #expect(!handbook.exists("index.html"))

        let json = try run(["check", "--format", "json", "--content", handbook.content, "--templates", Repository.templates])
        #expect(json.status == 1)
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(objects.map { $0["code"] as? String } == ["rule.unknown", "rule.undefinedReference"])
        let first = objects[0]
        #expect(first["line"] as? Int == 5 && first["column"] as? Int == 5 && first["severity"] as? String == "error")
        #expect(first["suggestion"] as? String == "did you mean FIRST-1?")
        #expect((first["file"] as? String)?.hasSuffix("Content/chapters/02-two.md") == true)
        #expect(Set(first.keys) == ["file", "line", "column", "endColumn", "severity", "code", "message", "suggestion", "sourceLine"])
    }

    @Test("check passes a clean handbook, and --strict turns warnings into errors")
    func checkClean() throws {
        let handbook = try TestHandbook(["chapters/02-two.md": "---\ntitle: Two\n---\n\nSee FIRST-3.\n"])
        #expect(try run(["check", "--content", handbook.content, "--templates", Repository.templates]).status == 0)
        #expect(try run(["check", "--strict", "--content", handbook.content, "--templates", Repository.templates]).status == 1)
        let clean = try TestHandbook()
        let result = try run(["check", "--content", clean.content, "--templates", Repository.templates])
        #expect(result.status == 0 && result.stderr == "No problems found.\n")
    }

    @Test("build and check --previous compare with a record given on the command line; a missing one is an error at its path")
    func previousEdition() throws {
        let handbook = try TestHandbook()
        defer { handbook.remove() }
        let record = handbook.folder + "/record.json"
        var run = try self.run(["build", "--content", handbook.content, "--output", handbook.output, "--previous", record])
        #expect(run.status == 1)
        #expect(run.stderr.contains("record.json:1:1: error: there is no previous edition's record at"))
        #expect(try self.run(["build", "--content", handbook.content, "--output", handbook.output, "-q"]).status == 0)
        try FileManager.default.copyItem(atPath: handbook.output + "/handbook.json", toPath: record)
        try handbook.write("title: Test handbook\nedition: \"2\"\n", to: "handbook.yml")
        try handbook.write("---\ntitle: First\nchanges:\n  FIRST-1: Nothing changed.\n---\n\n## FIRST-1 Do the first thing\n\nBecause.\n", to: "chapters/01-first.md")
        run = try self.run(["check", "--content", handbook.content, "--previous", record])
        #expect(run.status == 0)
        #expect(run.stderr.contains("01-first.md:4:3: warning: FIRST-1 has not changed since edition 1, so its change note is not shown"))
        run = try self.run(["build", "--content", handbook.content, "--output", handbook.output, "--previous", record])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: handbook.output + "/changes.html"))
    }

    @Test("render: a fragment on standard output, diagnostics on standard error")
    func render() throws {
        let temporary = try TemporaryFolder("handbook-render-")
        let folder = temporary.path
        try "## CONF-1 Do it\n\nSee CONF-1 and [x](rule:CONF-9).\n".write(toFile: folder + "/a.md", atomically: true, encoding: .utf8)
        let result = try run(["render", "a.md"], in: folder)
        #expect(result.status == 1)
        #expect(result.stdout.contains(#"<h2 id="CONF-1" class="rule-heading">"#))
        #expect(result.stdout.contains(##"<a class="rule-ref" href="#CONF-1""##))
        #expect(result.stderr.hasPrefix("a.md:3:16: error: no rule in this document has the identifier 'CONF-9'"))
    }
}


@Suite("Starter handbook and built-in templates")
struct StarterTests {
    @Test("the templates built into the tool are exactly Templates/ (run `make templates` if not)")
    func builtInTemplatesAreCurrent() throws {
        guard case .success(let folder) = TemplateFiles.folder(Repository.templates) else {
            Issue.record("Templates/ is missing")
            return
        }
        #expect(TemplateFiles.builtIn.files == folder.files)
    }

    @Test("new writes content only, which checks and builds cleanly with the built-in templates; eject copies them, to the same site")
    func starter() async throws {
        let temporary = try TemporaryFolder("handbook-new-")
        let folder = temporary.path + "/handbook"
        try StarterHandbook.write(to: folder)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["Content"])
        let built = await HandbookBuilder.build(
            BuildOptions(content: folder + "/Content", templates: nil, output: folder + "/Site", strict: true))
        #expect(built.diagnostics.map(\.description) == [])
        #expect(built.summary?.rules == 3)
        let index = try JSONDecoder().decode(HandbookIndex.self, from: Data(contentsOf: URL(fileURLWithPath: folder + "/Site/handbook.json")))
        #expect(index.rules.allSatisfy { !$0.citedBy.isEmpty }, "every starter rule is cited")
        try TemplateEject.write(to: folder + "/Templates")
        #expect(try TemplateFiles.folder(folder + "/Templates").get().files == TemplateFiles.builtIn.files)
        let ejected = await HandbookBuilder.build(
            BuildOptions(content: folder + "/Content", templates: folder + "/Templates", output: folder + "/Site2", strict: true))
        #expect(ejected.succeeded)
        let (builtIn, withFolder) = (try folderContents(folder + "/Site"), try folderContents(folder + "/Site2"))
        #expect(withFolder.keys.sorted() == builtIn.keys.sorted())
        #expect(withFolder.keys.filter { withFolder[$0] != builtIn[$0] }.sorted() == [], "files that differ")
        #expect(throws: StarterHandbook.Problem.self) { try TemplateEject.write(to: folder + "/Templates") }
    }

    @Test("new's last line suggests serve, and templates eject says where the templates went")
    func newAndEjectFromTheCommandLine() throws {
        let temporary = try TemporaryFolder("handbook-new-")
        let folder = temporary.path + "/guide"
        let run = CommandLineTests().run
        let created = try run(["new", folder], nil, [:])
        #expect(created.status == 0)
        let lines = created.stderr.split(separator: "\n")
        #expect(lines.last == "To preview it as you write: cd \(folder) && handbook serve", "\(created.stderr)")
        #expect(created.stderr.contains("handbook templates eject"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/Templates"))
        let ejected = try run(["templates", "eject", "--to", folder + "/Templates"], nil, [:])
        #expect(ejected.status == 0)
        #expect(FileManager.default.fileExists(atPath: folder + "/Templates/layout.mustache"))
        let again = try run(["templates", "eject", "--to", folder + "/Templates"], nil, [:])
        #expect(again.status == 1 && again.stderr.contains("not empty"))
    }

    @Test("new refuses a folder that has something in it, and touches nothing")
    func refuses() throws {
        let temporary = try TemporaryFolder("handbook-new-")
        let folder = temporary.path
        try "mine".write(toFile: folder + "/notes.txt", atomically: true, encoding: .utf8)
        #expect(throws: StarterHandbook.Problem.self) { try StarterHandbook.write(to: folder) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["notes.txt"])
    }
}
