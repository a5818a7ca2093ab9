// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "bitext",
    products: [
        .executable(name: "bitext", targets: ["bitext"]),
        .library(name: "BitextCore", targets: ["BitextCore"]),
        .library(name: "BitextFormats", targets: ["BitextFormats"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // Reading .docx and .odt (zip archives of XML) without code of our own for the zip format.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        // `swift package generate-documentation`: the DocC catalogs of BitextCore and BitextFormats.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.4.0"),
    ],
    targets: [
        // System ICU through pkg-config; only the C shim includes its headers.
        .systemLibrary(name: "CICUSystem", pkgConfig: "icu-i18n", providers: [.apt(["libicu-dev"])]),
        // Stable-name wrappers with plain C types (ICU's enums clash with Foundation's ICU copy).
        .target(name: "CICU", dependencies: ["CICUSystem"]),
        .target(name: "ICUKit", dependencies: ["CICU"]),
        // System libxml2 through pkg-config, behind a C shim and a Swift pull reader, as ICU is.
        .systemLibrary(name: "CXMLSystem", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .target(name: "CXML", dependencies: ["CXMLSystem"]),
        .target(name: "XMLKit", dependencies: ["CXML"]),
        // zlib reads the gzip'd CC-CEDICT shipped as a resource (Foundation on Linux cannot gunzip).
        .systemLibrary(name: "CGzip", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(
            name: "BitextCore",
            dependencies: ["ICUKit", "CGzip"],
            resources: [.copy("Resources/cedict_1_0_ts_utf-8_mdbg.txt.gz"), .copy("Resources/general-frequency.tsv.gz")]
        ),
        // The interchange formats and file output, apart from the core so that the core cannot depend on them.
        .target(name: "BitextFormats", dependencies: ["BitextCore", "XMLKit", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .executableTarget(
            name: "bitext",
            dependencies: ["BitextCore", "BitextFormats", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "ICUKitTests", dependencies: ["ICUKit"]),
        .testTarget(name: "XMLKitTests", dependencies: ["XMLKit"]),
        // Finding and running the external checkers (xmllint, jing, python3, Chromium) some tests use.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "BitextCoreTests", dependencies: ["BitextCore", "BitextFormats", "ICUKit", "TestSupport",
                                                           .product(name: "ZIPFoundation", package: "ZIPFoundation")],
                    exclude: ["Hostile"]),  // hostile input files, read by HostileFileTests through their path
        .testTarget(name: "BitextCLITests", dependencies: ["bitext", "TestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
    ]
)
