import Foundation
import Testing
@testable import HandbookKit

/// Builds killed part-way and builds started together on one output folder, run as a user runs
/// them: the `handbook` executable, stopped with SIGKILL.
@Suite("Interrupted and concurrent builds", .serialized)
struct InterruptedBuildTests {
    /// A handbook big enough that a build takes a while: `chapters` chapters of 6 rules, whose
    /// text says `edition`.
    static func handbook(chapters: Int, edition: String) throws -> TestHandbook {
        var files: [String: String] = ["handbook.yml": "title: Killed builds\nedition: \"\(edition)\"\n"]
        for number in 1...chapters {
            var text = "---\ntitle: Chapter \(number)\nsummary: Chapter \(number) of edition \(edition).\n---\n\nIntro.\n"
            for rule in 1...6 {
                text += "\n## C\(number)-\(rule) Rule \(rule) of chapter \(number)\n\n"
                text += String(repeating: "Edition \(edition) says this about rule \(rule), see C1-1. ", count: 12) + "\n"
            }
            files[String(format: "chapters/%02d-chapter-%d.md", number, number)] = text
        }
        return try TestHandbook(files, minimal: false)
    }

    func build(_ handbook: TestHandbook, output: String) throws -> ChildProcess {
        try ChildProcess(handbook: ["build", "--quiet", "--content", handbook.content, "--templates", Repository.templates, "--output", output])
    }

    @Test("a build killed at any moment leaves the whole old site or the whole new one, and the next build removes what it left")
    func killedBuilds() async throws {
        let first = try Self.handbook(chapters: 30, edition: "1")
        let second = try Self.handbook(chapters: 30, edition: "2")
        // The two complete sites, built elsewhere (builds do not depend on their folder).
        let firstSite = first.folder + "/Reference"
        let secondSite = second.folder + "/Reference"
        #expect(await first.build(output: firstSite).succeeded)
        #expect(await second.build(output: secondSite).succeeded)
        let complete = [try folderContents(firstSite), try folderContents(secondSite)]
        #expect(complete[0] != complete[1])

        let output = first.folder + "/Site"
        let started = Date()
        #expect(await (try build(first, output: output)).finished().status == 0)
        let duration = Date().timeIntervalSince(started)

        var killedWhileWriting = 0
        for attempt in 0..<12 {
            // Alternate editions, so that the finished build would change the site. Even attempts
            // kill at moments spread over a whole build (loading, checking, writing); odd ones
            // wait for the staging folder to appear, then kill within the first part of writing.
            let handbook = attempt.isMultiple(of: 2) ? second : first
            let earlier = Set(try leftovers(beside: output))
            let process = try build(handbook, output: output)
            var moment: Double
            if attempt.isMultiple(of: 2) {
                moment = duration * (Double(attempt / 2) + Double.random(in: 0.1...0.9)) / 6
                // Not a wait for something: the moment of the kill is what this attempt tests.
                try await Task.sleep(for: .seconds(moment))
            } else {
                let waitStarted = Date()
                while process.isRunning, Set(try leftovers(beside: output)).subtracting(earlier).isEmpty {
                    try await Task.sleep(for: .milliseconds(2))
                }
                // Not a wait for something: a random moment early in the writing, to kill at.
                try await Task.sleep(for: .milliseconds(Int.random(in: 0...40)))
                moment = Date().timeIntervalSince(waitStarted)
            }
            let stillRunning = process.isRunning
            process.kill()
            _ = await process.finished()
            let site = try folderContents(output)
            #expect(complete.contains(site), "attempt \(attempt), killed after \(moment) s: the site is neither whole edition")
            let leftBehind = Set(try leftovers(beside: output)).subtracting(earlier)
            if stillRunning && !leftBehind.isEmpty { killedWhileWriting += 1 }
        }
        // Kills must have landed while a build was writing, or this test proves little.
        #expect(killedWhileWriting >= 4)

        #expect(await (try build(second, output: output)).finished().status == 0)
        #expect(try folderContents(output) == complete[1])
        #expect(try leftovers(beside: output) == [])
    }

    @Test("two builds started together on one output folder both finish, one after the other")
    func concurrentBuilds() async throws {
        let handbook = try Self.handbook(chapters: 20, edition: "1")
        let reference = handbook.folder + "/Reference"
        #expect(await handbook.build(output: reference).succeeded)
        let processes = [try build(handbook, output: handbook.output), try build(handbook, output: handbook.output)]
        for process in processes {
            let result = await process.finished()
            #expect(result.status == 0, "\(result.stderr)")
        }
        #expect(try folderContents(handbook.output) == folderContents(reference))
        #expect(try leftovers(beside: handbook.output) == [])
    }

    @Test("a build waits, saying so, while another holds the output folder's lock")
    func waitsForTheLock() async throws {
        let handbook = try TestHandbook()
        let held = try OutputLock(output: OutputFolder(path: handbook.output)) {}
        let process = try ChildProcess(
            handbook: ["build", "--content", handbook.content, "--templates", Repository.templates, "--output", handbook.output])
        // It says so as soon as it finds the lock held, then waits for as long as it is held.
        await waitUntil { process.errorSoFar.contains("another build is writing") || !process.isRunning }
        // Not a wait for something: the lock is held a while longer, in which a build that did not
        // wait would finish.
        try await Task.sleep(for: .seconds(1))
        #expect(process.isRunning)
        #expect(!handbook.exists("index.html"))
        #expect(process.errorSoFar.contains("another build is writing"), "\(process.errorSoFar)")
        _ = consume held  // releases the lock
        let result = await process.finished()
        #expect(result.status == 0)
        let stderr = result.stderr
        #expect(stderr.contains("another build is writing"), "\(stderr)")
        #expect(handbook.exists("index.html"))
    }

    @Test("the next build removes staging folders that a killed build left")
    func removesLeftovers() async throws {
        let handbook = try TestHandbook()
        let parent = handbook.folder
        for name in [".Site.handbook-tmp-deadbeef", ".Site.handbook-old-cafebabe"] {
            try FileManager.default.createDirectory(atPath: parent + "/" + name + "/chapters", withIntermediateDirectories: true)
            try "partial".write(toFile: parent + "/" + name + "/chapters/x.html", atomically: false, encoding: .utf8)
        }
        try FileManager.default.createDirectory(atPath: parent + "/.Other.handbook-tmp-12345678", withIntermediateDirectories: true)
        #expect(await handbook.build().succeeded)
        #expect(try leftovers(beside: handbook.output) == [])
        // Another output's staging folder is not this build's to remove.
        #expect(FileManager.default.fileExists(atPath: parent + "/.Other.handbook-tmp-12345678"))
    }
}
