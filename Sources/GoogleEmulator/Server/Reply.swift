import Foundation
import SwitchyardCore

/// What the emulator answers, before it becomes a Hummingbird response.
struct Reply: Sendable {
    enum Body: Sendable {
        case data(Data)
        /// Written chunk by chunk, each flushed on its own.
        case chunks([Data])
        /// Written chunk by chunk, with a pause before chunk `before` (a stream that stalls).
        case pausedChunks([Data], before: Int, pause: Duration)
        /// Close the connection without answering.
        case drop
    }

    var status: Int
    var headers: [(String, String)] = []
    var body: Body

    static func json(_ value: JSONValue, status: Int = 200) -> Reply {
        Reply(status: status, headers: [("Content-Type", "application/json; charset=UTF-8")], body: .data(EmulatorJSON.serialize(value)))
    }

    static func error(_ error: GoogleError) -> Reply {
        json(error.body, status: error.code)
    }

    static func text(_ text: String, status: Int = 200, contentType: String = "application/text") -> Reply {
        Reply(status: status, headers: [("Content-Type", contentType)], body: .data(Data(text.utf8)))
    }
}
