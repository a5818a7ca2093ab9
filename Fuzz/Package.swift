// swift-tools-version:6.0
// libFuzzer targets for every reader bitext has. Built apart from the main package, with
// sanitizers, by Scripts/fuzz.sh (which CI runs): swift build -c release --sanitize=fuzzer --sanitize=address
import PackageDescription

let package = Package(
    name: "BitextFuzz",
    dependencies: [.package(name: "bitext", path: "..")],
    targets: [
        .executableTarget(
            name: "BitextFuzz",
            dependencies: [.product(name: "BitextCore", package: "bitext"), .product(name: "BitextFormats", package: "bitext")],
            // libFuzzer brings main(); the target only defines LLVMFuzzerTestOneInput.
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
    ]
)
