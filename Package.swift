// swift-tools-version:6.0
// embedlings — a terminal course that teaches text embeddings.
// Module map and the reasons for each dependency: docs/architecture.md.
import PackageDescription

let package = Package(
    name: "embedlings",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "embedlings", targets: ["embedlings"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.81.0"),
    ],
    targets: [
        // Line editing: the system libedit, wrapped.
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        .target(name: "LineEditor", dependencies: ["CEditLine"]),

        // Finding the bundled resources beside the binary, without crashing when they are missing.
        .target(name: "ResourceBundles"),

        // Tokens and vectors: tiktoken's cl100k_base and the offline text embedder.
        .target(
            name: "Tokenizer",
            dependencies: ["ResourceBundles"],
            resources: [.copy("Resources/cl100k_base.tiktoken")]
        ),
        // Built for the CPU it is built on (`make run` builds on the learner's machine): the
        // offline embedder's vector loops then use AVX2/AVX-512 where there is one, twice the
        // embeddings per second of the baseline x86-64 (SSE2) code (docs/semantic-model.md).
        .target(
            name: "EmbeddingModel",
            dependencies: ["ResourceBundles"],
            resources: [.copy("Resources/semantic-model.bin")],
            swiftSettings: [.unsafeFlags(["-target-cpu", "native"])]
        ),

        // The embeddings API: wire types, the fake endpoint, the client, the HTTP server.
        .target(name: "EmbeddingsWire"),
        .target(name: "FakeEmbeddings", dependencies: ["EmbeddingsWire", "Tokenizer", "EmbeddingModel"]),
        .target(name: "EmbeddingsAPI", dependencies: ["EmbeddingsWire", "FakeEmbeddings"]),
        .target(
            name: "EmbeddingsServer",
            dependencies: [
                "EmbeddingsWire", "FakeEmbeddings",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),

        // The course's Python: the language, then the libraries bound to Swift.
        // Dynamic exclusivity checks on the AST and frames cost half the interpreter's time
        // (docs/course-python.md, "Speed"); the static checks still apply.
        .target(name: "CoursePython", swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"])]),
        .target(name: "CourseModules", dependencies: ["CoursePython", "EmbeddingsAPI", "Tokenizer"]),

        // Lessons as data (YAML + datasets), bundled so the binary finds them from anywhere.
        .target(
            name: "LessonFiles",
            dependencies: ["ResourceBundles"],
            path: "Lessons",
            sources: ["LessonFiles.swift"],
            resources: [.copy("course.yaml"), .copy("lessons"), .copy("datasets")]
        ),
        .target(
            name: "Course",
            dependencies: ["CourseModules", "CoursePython", "LessonFiles", .product(name: "Yams", package: "Yams")]
        ),

        .executableTarget(
            name: "embedlings",
            dependencies: [
                "Course", "CourseModules", "CoursePython", "LineEditor",
                "EmbeddingsAPI", "EmbeddingsServer", "FakeEmbeddings",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "Benchmarks",
            dependencies: ["Tokenizer", "EmbeddingModel", "FakeEmbeddings", "EmbeddingsWire", "CoursePython", "CourseModules", "Course", "DifferentialSupport"]
        ),
        // For tests and benchmarks only: running the reference programs (CPython, numpy,
        // tiktoken) and a seeded random source. Nothing the product links.
        .target(name: "DifferentialSupport"),

        .testTarget(name: "LineEditorTests", dependencies: ["LineEditor"]),
        .testTarget(name: "TokenizerTests", dependencies: ["Tokenizer", "DifferentialSupport"]),
        .testTarget(name: "EmbeddingModelTests", dependencies: ["EmbeddingModel", "DifferentialSupport"]),
        .testTarget(
            name: "EmbeddingsAPITests",
            dependencies: [
                "EmbeddingsWire", "FakeEmbeddings", "EmbeddingsAPI", "EmbeddingsServer", "EmbeddingModel", "DifferentialSupport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),
        .testTarget(name: "CoursePythonTests", dependencies: ["CoursePython", "DifferentialSupport"], exclude: ["Conformance"]),
        .testTarget(name: "CourseModulesTests", dependencies: ["CourseModules", "CoursePython", "EmbeddingsAPI", "DifferentialSupport"], exclude: ["Conformance"]),
        .testTarget(name: "CourseTests", dependencies: ["Course", "LessonFiles", "CoursePython", "CourseModules"]),
        .testTarget(name: "CLITests", dependencies: ["embedlings", "Course", "EmbeddingsAPI", "EmbeddingsServer", "FakeEmbeddings", "DifferentialSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
