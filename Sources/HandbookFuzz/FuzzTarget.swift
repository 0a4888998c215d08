#if FUZZING
    import Foundation

    /// libFuzzer's entry point (built with `-sanitize=fuzzer -D FUZZING`, see `make fuzz`): the
    /// input is a chapter's bytes, front matter and Markdown.
    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzChapter(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
        let data = bytes.map { Data(bytes: $0, count: count) } ?? Data()
        if let problem = PipelineCheck.problemWaiting(in: data) {
            fatalError(problem)
        }
        return 0
    }

    @_silgen_name("LLVMFuzzerRunDriver")
    private func runFuzzerDriver(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt

    /// SwiftPM links an executable's `main` to this symbol, so libFuzzer's own `main` is not
    /// used: this starts libFuzzer's driver instead.
    @_cdecl("HandbookFuzz_main")
    public func fuzzerMain(
        _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
    ) -> CInt {
        var count = argc
        var arguments = argv
        return runFuzzerDriver(&count, &arguments, fuzzChapter)
    }
#endif
