import Foundation
import Testing

@testable import SwitchyardCore

@Suite("Direct JSON reading of wire messages: the tree's result or none")
struct WireDirectReadingTests {
    /// The direct reading, or `nil` where it gives up.
    static func direct<Message: WireMessage>(_ type: Message.Type, _ data: Data) -> Message? {
        data.withUnsafeBytes { WireDirectReading.decode(type, from: $0, maximumDepth: 512) }
    }

    /// The tree path alone: read the text into a ``JSONValue``, then decode that.
    static func tree<Message: WireMessage>(_ type: Message.Type, _ data: Data) -> Result<Message, any Error> {
        Result { try JSONValueDecoder().decode(type, from: JSONReader().read(data)) }
    }

    /// Checks that a direct result, when there is one, is what the tree gives; returns whether there was one.
    @discardableResult
    static func agree<Message: WireMessage>(_ type: Message.Type, _ data: Data, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        guard let direct = direct(type, data) else { return false }
        switch tree(type, data) {
        case .success(let expected):
            #expect(direct == expected, "\(String(decoding: data.prefix(300), as: UTF8.self))", sourceLocation: sourceLocation)
        case .failure(let error):
            let text = String(decoding: data.prefix(300), as: UTF8.self)
            Issue.record("direct reading accepted what the tree refuses (\(error)): \(text)", sourceLocation: sourceLocation)
        }
        return true
    }

    @Test("fixtures are read directly, to the same messages as through the tree")
    func fixtures() throws {
        for name in ["aistudio-image-response", "vertex-text-response"] {
            #expect(Self.agree(GenerateContentResponse.self, try Fixture.data(name)), "\(name) was not read directly")
        }
        #expect(Self.agree(GenerateContentRequest.self, try Fixture.data("sdk-request-snake-case")))
        #expect(Self.agree(ImagenPredictResponse.self, try Fixture.data("imagen-predict-response")))
        for name in ["imagen-generate-request", "imagen-edit-request", "imagen-upscale-request"] {
            #expect(Self.agree(ImagenPredictRequest.self, try Fixture.data(name)), "\(name) was not read directly")
        }
    }

    @Test(
        "input the direct reading takes gives the tree's message",
        arguments: [
            #"{}"#,
            #"  {"contents":[]}  "#,
            #"{"contents":null,"generationConfig":null,"tools":[]}"#,
            #"{"contents":[{"role":"user","parts":[{"text":"tab\tquote\" é ✓ \ud83d\ude00"},{"inline_data":{"mime_type":"image/png","data":"AAEC"}}]}]}"#,
            #"{"generation_config":{"temperature":-0,"top_k":40,"stop_sequences":["a","b"],"response_schema":{"type":"object","x":[1,2.5e3,null,true]}}}"#,
            #"{"brandNewField":{"deep":[[[{"a":1}]]]},"contents":[{"parts":[{"functionCall":{"name":"f","args":{"k":[]}}}]}]}"#,
        ]
    )
    func takenInput(json: String) {
        #expect(Self.agree(GenerateContentRequest.self, Data(json.utf8)), "not read directly")
    }

    @Test(
        "input the tree reads its own way, or refuses, is left to the tree",
        arguments: [
            // A key repeated, or two spellings of one field: the tree keeps the first position and the last value.
            #"{"contents":[],"contents":[{"parts":[{"text":"x"}]}]}"#,
            #"{"generation_config":{"temperature":1},"generationConfig":{"temperature":0.5},"generation_config":{"temperature":2}}"#,
            #"{"zz":1,"zz":2}"#,
            #"{"contents":[{"parts":[{"text":"a","text":"b"}]}]}"#,
            // Not the expected shape, or not JSON.
            #"{"contents":{}}"#,
            #"{"contents":[{"parts":[1]}]}"#,
            #"{"contents":[]} x"#,
            #"{"contents":[],}"#,
            #"[{"contents":[]}]"#,
            #"{"generationConfig":{"temperature":"hot"}}"#,
            #"{"contents":[{"parts":[{"text":"\ud800"}]}]}"#,
            "",
            "   ",
        ]
    )
    func leftToTheTree(json: String) {
        #expect(Self.direct(GenerateContentRequest.self, Data(json.utf8)) == nil)
    }

    @Test("nesting at the reader's limit is taken exactly where the tree takes it")
    func depthLimit() {
        // `{"x": [[…]]}`: the object is one level; `levels` arrays inside it.
        func nested(_ levels: Int) -> Data {
            Data(("{\"x\":" + String(repeating: "[", count: levels) + String(repeating: "]", count: levels) + "}").utf8)
        }
        for levels in [500, 510, 511, 512, 513, 600] {
            let data = nested(levels)
            let treeAccepts = (try? Self.tree(GenerateContentRequest.self, data).get()) != nil
            if treeAccepts {
                #expect(Self.agree(GenerateContentRequest.self, data), "\(levels) levels: the tree takes them, the direct reading should too")
            } else {
                #expect(Self.direct(GenerateContentRequest.self, data) == nil, "\(levels) levels")
            }
        }
    }

    @Test("mangled fixtures: wherever the direct reading answers, the tree answers the same")
    func mangled() throws {
        var random = SplitMix64(seed: 0x5EED)
        let bodies: [(Data, any WireMessage.Type)] = [
            (try Fixture.data("vertex-text-response"), GenerateContentResponse.self),
            (try Fixture.data("sdk-request-snake-case"), GenerateContentRequest.self),
            (try Fixture.data("imagen-predict-response"), ImagenPredictResponse.self),
        ]
        let alphabet = Array(#"{}[]:,"\ _-.0123456789aeflnrstu"#.utf8)
        var readDirectly = 0
        for round in 0..<3000 {
            let (original, type) = bodies[round % bodies.count]
            var bytes = [UInt8](original.prefix(4096))
            for _ in 0...(random.next() % 3) {
                let position = Int(random.next() % UInt64(bytes.count))
                switch random.next() % 3 {
                case 0: bytes[position] = alphabet[Int(random.next() % UInt64(alphabet.count))]
                case 1: bytes.remove(at: position)
                default: bytes.insert(alphabet[Int(random.next() % UInt64(alphabet.count))], at: position)
                }
            }
            func check<Message: WireMessage>(_: Message.Type) -> Bool { Self.agree(Message.self, Data(bytes)) }
            if check(type) { readDirectly += 1 }
        }
        // Some mangled bodies are still valid (a changed letter inside a string); those must be read directly.
        #expect(readDirectly > 50)
    }
}
