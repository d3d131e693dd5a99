import Foundation

/// The three bodies the benchmark reads and writes, built deterministically.
enum Payloads {
    /// A GenerateContent request of about 1 KB: two turns, a system instruction, a tool, a response schema.
    static let smallRequest: Data = Data(
        #"""
        {"contents":[{"role":"user","parts":[{"text":"Plan a three-day trip to Lisbon for two people who like food and old trams."}]},{"role":"model","parts":[{"functionCall":{"name":"search_places","args":{"city":"Lisbon","categories":["restaurant","museum"],"limit":5}}}]},{"role":"user","parts":[{"functionResponse":{"name":"search_places","response":{"results":[{"name":"Time Out Market","rating":4.5},{"name":"Tram 28","rating":4.7}]}}}]}],"systemInstruction":{"parts":[{"text":"You are a concise travel planner. Answer in JSON."}]},"tools":[{"functionDeclarations":[{"name":"search_places","description":"Find places in a city","parameters":{"type":"OBJECT","properties":{"city":{"type":"STRING"},"categories":{"type":"ARRAY","items":{"type":"STRING"}},"limit":{"type":"INTEGER"}},"required":["city"]}}]}],"safetySettings":[{"category":"HARM_CATEGORY_HARASSMENT","threshold":"BLOCK_ONLY_HIGH"}],"generationConfig":{"temperature":0.7,"topP":0.95,"maxOutputTokens":2048,"responseMimeType":"application/json","responseSchema":{"type":"OBJECT","properties":{"days":{"type":"ARRAY","items":{"type":"OBJECT","properties":{"title":{"type":"STRING"},"stops":{"type":"ARRAY","items":{"type":"STRING"}}}}},"budget":{"type":"NUMBER"}}}}}
        """#.utf8
    )

    /// A GenerateContent response of about 20 KB: two candidates with long text (newlines, quotes, non-ASCII),
    /// safety ratings, citations and usage.
    static let mediumResponse: Data = {
        let sentence = #"Day 1: start at the Praça do Comércio, take \"Tram 28\" up to Graça and have pastéis de nata at 10:30.\n"#
        let text = String(repeating: sentence, count: 85)
        var candidates: [String] = []
        for index in 0..<2 {
            candidates.append(
                #"{"content":{"role":"model","parts":[{"text":""# + text
                    + #""}]},"finishReason":"STOP","index":"# + String(index)
                    + #","safetyRatings":[{"category":"HARM_CATEGORY_HATE_SPEECH","probability":"NEGLIGIBLE"},{"category":"HARM_CATEGORY_DANGEROUS_CONTENT","probability":"NEGLIGIBLE"},{"category":"HARM_CATEGORY_HARASSMENT","probability":"LOW"},{"category":"HARM_CATEGORY_SEXUALLY_EXPLICIT","probability":"NEGLIGIBLE"}],"citationMetadata":{"citationSources":[{"startIndex":12,"endIndex":240,"uri":"https://example.org/lisbon-guide","license":"CC-BY"}]},"avgLogprobs":-0.2183}"#
            )
        }
        let body =
            #"{"candidates":["# + candidates.joined(separator: ",")
            + #"],"usageMetadata":{"promptTokenCount":213,"candidatesTokenCount":4210,"totalTokenCount":4423,"promptTokensDetails":[{"modality":"TEXT","tokenCount":213}]},"modelVersion":"gemini-2.5-flash","responseId":"l3tFaMz1Gp2Oz7IPu8-ZuQs"}"#
        return Data(body.utf8)
    }()

    /// A request with one 30 MiB image inline: a 40 MiB base64 string.
    static let largeImageRequest: Data = {
        var state: UInt64 = 42
        var bytes = [UInt8](repeating: 0, count: 30 << 20)
        for index in bytes.indices {
            state &+= 0x9E37_79B9_7F4A_7C15
            var mixed = state
            mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
            mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
            bytes[index] = UInt8(truncatingIfNeeded: mixed ^ (mixed >> 31))
        }
        let base64 = Data(bytes).base64EncodedString()
        let body =
            #"{"contents":[{"role":"user","parts":[{"text":"What is in this picture?"},{"inlineData":{"mimeType":"image/png","data":""#
            + base64 + #""}}]}],"generationConfig":{"maxOutputTokens":256}}"#
        return Data(body.utf8)
    }()
}
