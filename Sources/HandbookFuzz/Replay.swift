#if !FUZZING
    import Foundation

    /// Without libFuzzer: runs the given files, or every file in the given folders (the seed
    /// corpus, the regressions), through the same checks as the fuzz target.
    @main
    struct Replay {
        static func main() async {
            if CommandLine.arguments.dropFirst().first == "--self-test" { exit(selfTest() ? 0 : 1) }
            var files: [String] = []
            for argument in CommandLine.arguments.dropFirst() {
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: argument, isDirectory: &isFolder) else {
                    print("handbook-fuzz: no such file or folder: \(argument)")
                    exit(2)
                }
                if isFolder.boolValue {
                    let names = (try? FileManager.default.contentsOfDirectory(atPath: argument)) ?? []
                    files += names.filter { !$0.hasPrefix(".") }.sorted().map { argument + "/" + $0 }
                } else {
                    files.append(argument)
                }
            }
            guard !files.isEmpty else {
                print("usage: handbook-fuzz FILE-OR-FOLDER...")
                exit(2)
            }
            var failures = 0
            var rendered = 0
            for file in files {
                guard let data = FileManager.default.contents(atPath: file) else {
                    print("\(file): cannot be read")
                    failures += 1
                    continue
                }
                let (problem, pages) = await PipelineCheck.check(data)
                rendered += pages > 0 ? 1 : 0
                if let problem {
                    print("\(file): \(problem)")
                    failures += 1
                }
            }
            try? FileManager.default.removeItem(atPath: PipelineCheck.scratch)
            print("\(files.count) inputs through the pipeline (\(rendered) rendered, the others stopped by errors), \(failures) with a problem")
            exit(failures == 0 ? 0 : 1)
        }

        /// The oracle must flag each kind of unsafe markup, and pass the site's own.
        static func selfTest() -> Bool {
            let unsafeMarkup = [
                "<p>x</p><img src=x onerror=alert(1)>", "<a href=\"javascript:alert(1)\">x</a>",
                "<a href=\" JaVa\tScRiPt&#58;x\">x</a>", "<script>alert(1)</script>", "<script src=\"https://evil/x.js\"></script>",
                "<svg onload=x>", "<iframe src=\"x\"></iframe>", "<p title=\"x\" onclick='y'>", "<img src=\"data:text/html,x\">",
                "<p>unclosed <a href=\"x\"", "<!-- unclosed", "<script src=\"//evil.example/x.js\"></script>",
                "<script src=\"/\\evil.example/x.js\"></script>",
            ]
            let safe = [
                "<!DOCTYPE html><html><head><script src=\"../assets/search.js\" defer></script></head></html>",
                "<p title=\"a onclick=b\">&lt;img onerror=x&gt;</p>", "<img src=\"data:image/png;base64,AA\" alt=\"\">",
                "<!-- raw HTML omitted --><br />", "<script src=\"/handbook/a:b/assets/search.js\" defer></script>",
            ]
            var passed = true
            for html in unsafeMarkup where SafeMarkup.problem(in: html) == nil {
                print("self-test: not flagged: \(html)")
                passed = false
            }
            for html in safe {
                if let problem = SafeMarkup.problem(in: html) {
                    print("self-test: flagged safe markup: \(html): \(problem)")
                    passed = false
                }
            }
            let unsafeScripts = [
                ("sw.js", "/*\n * T */ alert(1); /*\n */\nvar FILES = [\"a\"];\n"),
                ("sw.js", "/* x */\nvar FILES = [\"</script>\"];\n"),
                ("search-index.js", "window.handbookSearchIndex = {\"t\": \"*/\"};\n"),
                ("search-index.js", "window.handbookSearchIndex = {\"t\": 1}; alert(1);\n"),
            ]
            let safeScripts = [
                ("sw.js", "/* The worker. */\nvar FILES = [\"media/a\\u002a/b.png\"];\n"),
                ("search-index.js", "window.handbookSearchIndex = {\"t\": \"\\u003c/script\\u003e\"};\n"),
            ]
            for (path, script) in unsafeScripts where ScriptCheck.problem(in: script, path: path) == nil {
                print("self-test: not flagged: \(path): \(script)")
                passed = false
            }
            for (path, script) in safeScripts {
                if let problem = ScriptCheck.problem(in: script, path: path) {
                    print("self-test: flagged a safe script: \(path): \(problem)")
                    passed = false
                }
            }
            print("self-test: \(unsafeMarkup.count + unsafeScripts.count) unsafe and \(safe.count + safeScripts.count) safe snippets, \(passed ? "all" : "not all") judged right")
            return passed
        }
    }
#endif
