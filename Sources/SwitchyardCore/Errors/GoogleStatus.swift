/// Google's canonical status names (google.rpc.Code) and their HTTP statuses.
public enum GoogleStatus {
    /// `CANCELLED`, HTTP 499.
    public static let cancelled = "CANCELLED"
    /// `INVALID_ARGUMENT`, HTTP 400.
    public static let invalidArgument = "INVALID_ARGUMENT"
    /// `FAILED_PRECONDITION`, HTTP 400.
    public static let failedPrecondition = "FAILED_PRECONDITION"
    /// `OUT_OF_RANGE`, HTTP 400.
    public static let outOfRange = "OUT_OF_RANGE"
    /// `UNAUTHENTICATED`, HTTP 401.
    public static let unauthenticated = "UNAUTHENTICATED"
    /// `PERMISSION_DENIED`, HTTP 403.
    public static let permissionDenied = "PERMISSION_DENIED"
    /// `NOT_FOUND`, HTTP 404.
    public static let notFound = "NOT_FOUND"
    /// `ALREADY_EXISTS`, HTTP 409.
    public static let alreadyExists = "ALREADY_EXISTS"
    /// `ABORTED`, HTTP 409.
    public static let aborted = "ABORTED"
    /// `RESOURCE_EXHAUSTED`, HTTP 429.
    public static let resourceExhausted = "RESOURCE_EXHAUSTED"
    /// `INTERNAL`, HTTP 500.
    public static let `internal` = "INTERNAL"
    /// `UNKNOWN`, HTTP 500.
    public static let unknown = "UNKNOWN"
    /// `DATA_LOSS`, HTTP 500.
    public static let dataLoss = "DATA_LOSS"
    /// `UNIMPLEMENTED`, HTTP 501.
    public static let unimplemented = "UNIMPLEMENTED"
    /// `UNAVAILABLE`, HTTP 503.
    public static let unavailable = "UNAVAILABLE"
    /// `DEADLINE_EXCEEDED`, HTTP 504.
    public static let deadlineExceeded = "DEADLINE_EXCEEDED"

    /// The HTTP status Google answers with for a status name; 500 for names it does not know.
    public static func httpStatus(for status: String) -> Int {
        switch status {
        case invalidArgument, failedPrecondition, outOfRange: 400
        case unauthenticated: 401
        case permissionDenied: 403
        case notFound: 404
        case alreadyExists, aborted: 409
        case resourceExhausted: 429
        case cancelled: 499
        case unimplemented: 501
        case unavailable: 503
        case deadlineExceeded: 504
        default: 500
        }
    }

    /// The status name for an HTTP status, as Google's front end maps them.
    public static func forHTTPStatus(_ httpStatus: Int) -> String {
        switch httpStatus {
        case 400: invalidArgument
        case 401: unauthenticated
        case 403: permissionDenied
        case 404: notFound
        case 409: aborted
        case 429: resourceExhausted
        case 499: cancelled
        case 501: unimplemented
        case 502, 503: unavailable
        case 504: deadlineExceeded
        case 400..<500: failedPrecondition
        default: `internal`
        }
    }
}
