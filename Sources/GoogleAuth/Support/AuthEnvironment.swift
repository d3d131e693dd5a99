import Foundation

/// The environment credentials are discovered in: variables and the home directory, passed in rather than read globally.
///
/// Application Default Credentials read `GOOGLE_APPLICATION_CREDENTIALS`, `CLOUDSDK_CONFIG`, `GCE_METADATA_HOST`,
/// `GCE_METADATA_IP`, `GCE_METADATA_TIMEOUT`, `GCE_METADATA_DETECT_RETRIES`, `NO_GCE_CHECK` and
/// `GOOGLE_CLOUD_QUOTA_PROJECT` from here, and nothing from the process itself.
public struct AuthEnvironment: Sendable {
    /// Environment variables by name.
    public var variables: [String: String]
    /// The user's home directory (for `~/.config/gcloud`), or `nil` when there is none.
    public var homeDirectory: String?

    /// Creates an environment.
    public init(variables: [String: String] = [:], homeDirectory: String? = nil) {
        self.variables = variables
        self.homeDirectory = homeDirectory
    }

    /// The current process's environment and home directory. Read this once, at the edge of the program.
    public static var process: AuthEnvironment {
        let variables = ProcessInfo.processInfo.environment
        return AuthEnvironment(variables: variables, homeDirectory: variables["HOME"] ?? NSHomeDirectory())
    }

    /// The value of a variable, or `nil` when it is unset or empty.
    public subscript(name: String) -> String? {
        guard let value = variables[name], !value.isEmpty else { return nil }
        return value
    }
}
