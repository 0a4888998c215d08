// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Handbook",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "handbook", targets: ["handbook"]),
        .executable(name: "handbook-fuzz", targets: ["HandbookFuzz"]),
        .library(name: "HandbookKit", targets: ["HandbookKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // The preview server. No traits: swift-configuration is not needed, and not built.
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1", traits: []),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", exact: "2.8.1"),
        // Named for the modules the preview server's channel handlers use; Hummingbird brings them.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .systemLibrary(
            name: "CStemmer",
            providers: [.apt(["libstemmer-dev"])]
        ),
        .systemLibrary(
            name: "CArchive",
            pkgConfig: "libarchive",
            providers: [.apt(["libarchive-dev"])]
        ),
        .target(name: "CFileSystem"),
        // Markdown, read by cmark into immutable values: the only target that imports CCmark.
        .target(name: "HandbookMarkdown", dependencies: ["CCmark"]),
        .target(
            name: "HandbookKit",
            dependencies: [
                "CArchive",
                "HandbookMarkdown",
                "CFileSystem",
                "CStemmer",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The preview server (`handbook serve`): its own target, so the build pipeline and the
        // fuzz target never link Hummingbird, and the pipeline cannot reach into the server.
        .target(
            name: "HandbookServe",
            dependencies: [
                "HandbookKit",
                "HandbookMarkdown",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "handbook",
            dependencies: [
                "HandbookKit",
                "HandbookServe",
                "HandbookMarkdown",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The fuzz target: replays inputs when built normally, and is libFuzzer's target when
        // built with -sanitize=fuzzer -D FUZZING (`make fuzz`).
        .executableTarget(
            name: "HandbookFuzz",
            dependencies: ["HandbookKit", "HandbookMarkdown"]
        ),
        .testTarget(
            name: "HandbookMarkdownTests",
            dependencies: ["HandbookMarkdown"]
        ),
        .testTarget(
            name: "HandbookKitTests",
            dependencies: [
                "HandbookKit",
                "HandbookServe",
                "HandbookMarkdown",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Yams", package: "Yams"),
            ],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
