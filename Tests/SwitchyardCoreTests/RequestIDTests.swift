import SwitchyardCore
import Testing

@Suite("Request ids")
struct RequestIDTests {
    @Test("a request id is a lowercase version-4 UUID, and ids do not repeat")
    func format() {
        var seen = Set<String>()
        for _ in 0..<1000 {
            let id = RequestID.make()
            let bytes = Array(id.utf8)
            #expect(bytes.count == 36)
            for (index, byte) in bytes.enumerated() {
                if [8, 13, 18, 23].contains(index) {
                    #expect(byte == UInt8(ascii: "-"))
                } else {
                    #expect((UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte))
                }
            }
            #expect(bytes[14] == UInt8(ascii: "4"))
            #expect("89ab".utf8.contains(bytes[19]))
            seen.insert(id)
        }
        #expect(seen.count == 1000)
    }
}
