import ArgumentParser

/// Options every command that builds shares.
struct OutputOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Also print how long each step took.")
    var verbose = false
}
