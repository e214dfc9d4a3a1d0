// libFuzzer entry for FuzzTarget.sseDecoder; built only by Scripts/fuzz (excluded from the package).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    FuzzTarget.sseDecoder.run(bytes)
    return 0
}
