import Foundation

/// Memory freed by the build, given back to the system between steps. glibc keeps what is freed
/// inside its heaps, one per thread that allocates, for the next allocation there: after the
/// pages of a 10,000-chapter handbook were parsed and rendered, 440 MB of its heaps were free but
/// still held, and the editions, made on other threads, added theirs on top, which made the
/// build's peak.
enum FreeMemory {
    /// malloc_trim(0): every heap's free pages handed back. Looked up by name, as Glibc's module
    /// leaves it out; it takes milliseconds.
    static func giveBack() {
        #if canImport(Glibc)
            // RTLD_DEFAULT: the symbol wherever it is loaded.
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return }
            _ = unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)(0)
        #endif
    }
}
